// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/finishpage.h"

#include "core/base/text.h"
#include "core/plan/grantsummary.h"
#include "core/prove/prove.h"
#include "core/recommend/privilegescore.h"
#include "ui/wizard/exportpanel.h"
#include "ui/wizard/outcomepanel.h"
#include "ui/wizard/privilegetext.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

FinishPage::FinishPage(WizardSession *session, QWidget *parent)
    : FinishPage(session, nullptr, nullptr, parent)
{}

FinishPage::FinishPage(WizardSession *session, Core::HelperClient *client, ApplyAuthority *authority, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_summary(new QLabel)
{
    // What Apply would send now: nothing while the plan is not current and valid (updateState()
    // says why), so that no refusal is shown for a plan still being checked.
    m_controller = new ApplyController(
        client, authority,
        [session]() -> std::optional<Core::Result<Core::ApplyRequest>> {
            if (!session->hasPlan() || !session->checksCurrent() || session->failedValidation()) {
                return std::nullopt;
            }
            return session->applyRequest();
        },
        this);
    setObjectName(u"finishPage"_s);
    setTitle(tr("Finish"));
    setFinalPage(true);
    m_summary->setObjectName(u"finishSummaryLabel"_s);
    m_summary->setWordWrap(true);
    m_exportPanel = new ExportPanel(session);
    m_applyPanel = new ApplyPanel(m_controller);
    // Made before the page's own connections to the controller: on a phase change the countdown
    // starts before the page shows the new state.
    m_outcomePanel = new OutcomePanel(m_controller);

    auto *proveBox = new QGroupBox(tr("Prove"));
    m_proveLabel = new QLabel(proveBox);
    m_proveLabel->setObjectName(u"proveLabel"_s);
    m_proveLabel->setWordWrap(true);
    m_proveButton = new QPushButton(tr("Pro&ve it…"), proveBox);
    m_proveButton->setObjectName(u"provePushButton"_s);
    auto *proveLayout = new QHBoxLayout(proveBox);
    proveLayout->addWidget(m_proveLabel, 1);
    proveLayout->addWidget(m_proveButton, 0, Qt::AlignTop);
    connect(m_proveButton, &QPushButton::clicked, this, &FinishPage::proveIt);

    auto *applyBox = new QGroupBox(tr("Apply"));
    auto *applyLayout = new QVBoxLayout(applyBox);
    applyLayout->addWidget(m_applyPanel);
    applyLayout->addWidget(m_outcomePanel);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_summary);
    layout->addWidget(m_exportPanel);
    layout->addWidget(proveBox);
    layout->addWidget(applyBox);
    layout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    m_scroll = scroll;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Not a Tab stop of its own: the controls inside are, and the area scrolls to the focused one.
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(m_session, &WizardSession::checksChanged, this, &FinishPage::updateState);
    connect(m_session, &WizardSession::checksStarted, this, &FinishPage::updateState);
    // The areas (and so the polkit actions) follow the plan, and the request bytes (which carry the
    // validators' verdicts) are parsed again.
    connect(m_session, &WizardSession::checksChanged, m_controller, &ApplyController::refreshPermission);
    connect(m_applyPanel, &ApplyPanel::applyRequested, this, &FinishPage::confirmApply);
    connect(m_applyPanel, &ApplyPanel::confirmWithinToggled, this, &FinishPage::updateState);
    connect(m_outcomePanel, &OutcomePanel::messageShown, this, &FinishPage::bringMessageIntoView);
    connect(m_controller, &ApplyController::stateChanged, this, &FinishPage::updateState);
    connect(m_controller, &ApplyController::phaseChanged, this, &FinishPage::onPhaseChanged);
    m_controller->checkHelper();
    updateState();
}

FinishPage::~FinishPage() = default;

bool FinishPage::isComplete() const
{
    return !holdsNavigation();
}

bool FinishPage::holdsNavigation() const
{
    return m_controller->holdsNavigation();
}

void FinishPage::explainHold()
{
    switch (m_controller->phase()) {
    case ApplyController::Phase::Applying:
    case ApplyController::Phase::RollingBack:
        m_outcomePanel->showMessage(tr("Deroot's helper is still at work: wait for its outcome before you leave."),
                                    true);
        break;
    case ApplyController::Phase::Pending:
        m_outcomePanel->showMessage(
            tr("The apply waits for your confirmation: keep the changes or undo them before you leave."), true);
        break;
    case ApplyController::Phase::Idle:
        break;
    }
}

void FinishPage::initializePage()
{
    m_exportPanel->showPlan();
    if (!m_session->hasPlan()) {
        return;
    }
    const Core::GeneratedPlan &plan = m_session->plan();
    const Core::PrivilegeScore before = Core::currentPrivilege(m_session->report());
    const Core::PrivilegeScore after = Core::plannedPrivilege(plan.input);
    m_summary->setText(
        tr("The plan for %1 has %n file(s).", nullptr, int(plan.artifacts.size())).arg(m_session->target().display()) +
        u' ' + privilegeSentence(before, after, PrivilegeAfter::Plan));
    // A plan that writes sudoers can lock its admin out: confirm-within is on by default for it.
    const bool sudoers = std::any_of(plan.artifacts.cbegin(), plan.artifacts.cend(),
                                     [](const Core::Artifact &artifact) { return artifact.id == u"sudoers"; });
    m_applyPanel->setConfirmWithin(sudoers);
    // Again on each visit: the helper may have been installed (or removed) in the meantime.
    m_controller->checkHelper();
}

void FinishPage::updateState()
{
    const bool ready = m_session->hasPlan() && m_session->checksCurrent() && !m_session->failedValidation();
    QString why;
    if (!m_session->hasPlan()) {
        why = tr("There is no valid plan to export.");
    } else if (!m_session->checksCurrent()) {
        why = tr("Waiting for the validators.");
    } else if (m_session->failedValidation()) {
        why = tr("A file fails its validator: see the preview.");
    }
    m_exportPanel->setReady(ready, why);
    // Applying the plan that is in place again would only stack a second record on the first,
    // whose undo returns to the state after the first: one apply per plan, until it is undone.
    const bool inPlace = m_controller->applied() && [&] {
        const auto request = m_session->applyRequest();
        return request && m_controller->inPlace(request->planJson);
    }();
    m_applyPanel->refresh(ready, why, inPlace);
    m_outcomePanel->refresh();

    // Prove covers what provePlan() takes: the capabilities method with a unit, Deroot's own or a
    // drop-in for the agent's.
    QString proveWhy = why;
    const Core::GenerationInput &input = m_session->input();
    if (ready) {
        const auto provable = Core::provePlan(input);
        proveWhy = provable ? QString() : provable.error().message;
    }
    m_proveButton->setEnabled(proveWhy.isEmpty());
    QString proveText;
    if (!proveWhy.isEmpty()) {
        proveText = tr("Proving is not available for this plan: %1").arg(Core::oneLine(proveWhy));
    } else if (!input.existingUnit.isEmpty()) {
        proveText = tr("Before you apply it, run the agent as the plan says, on temporary units, once without each "
                       "capability: see that it works and which capabilities it really needs. The trials run a "
                       "copy of %1 with the plan's drop-in, so %1 must be stopped meanwhile. Nothing of the system "
                       "changes.")
                        .arg(input.existingUnit);
    } else {
        proveText = tr("Before you apply it, run the agent as the plan says, on temporary units, once without each "
                       "capability: see that it works and which capabilities it really needs. Nothing of the system "
                       "changes.");
    }
    m_proveLabel->setText(proveText);
}

void FinishPage::proveIt()
{
    if (!m_proveButton->isEnabled()) {
        return;
    }
    if (!m_proveRunner) {
        m_proveRunner = systemProveRunner(this);
    }
    auto *dialog = new ProveDialog(m_session, m_proveRunner, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

bool FinishPage::planApplied() const
{
    if (!m_controller->applied()) {
        return false;
    }
    const auto request = m_session->applyRequest();
    return request && m_controller->inPlace(request->planJson);
}

bool FinishPage::exportPlan()
{
    return m_exportPanel->exportPlan();
}

void FinishPage::bringMessageIntoView()
{
    // The outcome sits at the bottom of a long page: bring it, and Undo with it, into view, as the
    // admin would otherwise have to scroll to learn what happened.
    // After this event, once the phase has shown or hidden Undo and the layout has settled.
    QTimer::singleShot(0, this, [this] { m_scroll->ensureWidgetVisible(m_outcomePanel->messageFocus()); });
}

void FinishPage::onPhaseChanged(ApplyController::Phase previous)
{
    const bool held = previous != ApplyController::Phase::Idle;
    const ApplyController::Phase phase = m_controller->phase();
    updateState();
    if (held != holdsNavigation()) {
        Q_EMIT completeChanged();
        Q_EMIT navigationHeldChanged(holdsNavigation());
    }
    // QWizard enables Back again on completeChanged: it must stay off while the page holds.
    if (QWizard *owner = wizard()) {
        owner->button(QWizard::BackButton)->setEnabled(!holdsNavigation() && owner->visitedIds().size() > 1);
        owner->button(QWizard::CancelButton)->setEnabled(!holdsNavigation());
    }
    setCursor(phase == ApplyController::Phase::Applying || phase == ApplyController::Phase::RollingBack
                  ? Qt::BusyCursor
                  : Qt::ArrowCursor);
}

void FinishPage::confirmApply()
{
    const auto request = m_session->applyRequest();
    if (!request) {
        m_outcomePanel->showMessage(tr("Nothing was applied. %1").arg(request.error().message), true);
        return;
    }
    // The same validator the helper runs first: what it refuses here, it refuses too.
    const auto plan = Core::parseApplyRequest(*request);
    if (!plan) {
        m_outcomePanel->showMessage(
            tr("Nothing was applied: the helper would refuse this plan (%1).").arg(Core::oneLine(plan.error().message)),
            true);
        return;
    }
    QStringList steps;
    for (const Core::PlanStep &step : plan->steps) {
        steps << u"• "_s + Core::stepKindName(step.kind) + u' ' + Core::oneLine(step.target);
    }
    QStringList areas;
    for (const QString &action : Core::areaActionIds(plan->areas)) {
        areas << action.section(u'.', 3, 3);
    }
    // What is granted first, as polkit's prompt names it; root-equivalent grants called out.
    const QString warning = Core::privilegedWarning(*plan);
    const QString text =
        tr("Apply the plan for %1 (%2) to this system?").arg(plan->agent, plan->method) + u"\n\n"_s +
        Core::grantLines(*plan).join(u'\n') + u"\n\n"_s + (warning.isEmpty() ? QString() : warning + u"\n\n"_s) +
        tr("It changes: %1.")
            .arg(areas.isEmpty() ? tr("nothing the helper applies (export only)") : areas.join(u", "_s)) +
        u"\n"_s + steps.join(u'\n') + u"\n\n"_s +
        tr("Plan SHA-256: %1\nThe authentication prompt must name this same hash.").arg(plan->planSha256);
    auto *box = new QMessageBox(warning.isEmpty() ? QMessageBox::Question : QMessageBox::Warning,
                                tr("Apply to this system"), text, QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"applyConfirmMessageBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Yes)->setText(tr("&Apply"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_request = *request;
    m_confirming = *plan;
    connect(box, &QMessageBox::accepted, this, &FinishPage::startApply);
    box->open();
}

void FinishPage::startApply()
{
    if (!m_request || m_controller->phase() != ApplyController::Phase::Idle) {
        return;
    }
    m_outcomePanel->beginApply();
    if (!m_controller->apply(*m_request, m_applyPanel->confirmWithinSeconds())) {
        return;
    }
    m_outcomePanel->showMessage(
        tr("Applying… Answer the authentication prompt if one appears; it must name SHA-256 %1.")
            .arg(m_confirming ? m_confirming->planSha256 : QString()),
        false);
}

} // namespace Deroot::Ui
