// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/finishpage.h"

#include "core/base/text.h"
#include "core/client/outcometext.h"
#include "core/plan/grantsummary.h"
#include "core/recommend/privilegescore.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/messagelabel.h"
#include "ui/wizard/applypanel.h"
#include "ui/wizard/exportpanel.h"
#include "ui/wizard/privilegetext.h"

#include <QApplication>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWizard>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

FinishPage::FinishPage(WizardSession *session, QWidget *parent)
    : FinishPage(session, nullptr, nullptr, parent)
{}

FinishPage::FinishPage(WizardSession *session, Core::HelperClient *client, ApplyAuthority *authority, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_summary(new QLabel)
    , m_applyStatus(new QLabel)
    , m_steps(new QTreeWidget)
    , m_agentLabel(new QLabel)
    , m_countdown(new QLabel)
    , m_keep(new QPushButton(tr("&Keep the changes")))
    , m_undoNow(new QPushButton(tr("Undo &now")))
    , m_undo(new QPushButton(tr("&Undo this apply…")))
    , m_applyIdLabel(new QLabel)
    , m_tick(new QTimer(this))
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

    m_applyStatus->setObjectName(u"applyStatusLabel"_s);
    m_applyStatus->setWordWrap(true);
    m_applyStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_steps->setObjectName(u"applyStepsTreeWidget"_s);
    m_steps->setAccessibleName(tr("Apply steps"));
    m_steps->setRootIsDecorated(false);
    m_steps->setHeaderLabels({tr("Step"), tr("Target"), tr("Result")});
    m_steps->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_steps->header()->setStretchLastSection(true);
    m_steps->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_steps->setVisible(false);
    m_agentLabel->setObjectName(u"agentCheckLabel"_s);
    m_agentLabel->setWordWrap(true);
    m_agentLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_agentLabel->setVisible(false);
    m_countdown->setObjectName(u"confirmCountdownLabel"_s);
    m_countdown->setWordWrap(true);
    m_keep->setObjectName(u"keepPushButton"_s);
    m_undoNow->setObjectName(u"undoNowPushButton"_s);
    m_undo->setObjectName(u"undoPushButton"_s);
    m_applyIdLabel->setObjectName(u"applyIdLabel"_s);
    m_applyIdLabel->setWordWrap(true);
    m_applyIdLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tick->setObjectName(u"confirmTimer"_s);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &FinishPage::tick);

    auto *applyBox = new QGroupBox(tr("Apply"));
    auto *applyLayout = new QVBoxLayout(applyBox);
    applyLayout->addWidget(m_applyPanel);
    applyLayout->addWidget(m_applyStatus);
    applyLayout->addWidget(m_steps);
    applyLayout->addWidget(m_agentLabel);
    auto *pendingRow = new QHBoxLayout;
    pendingRow->addWidget(m_countdown, 1);
    pendingRow->addWidget(m_keep);
    pendingRow->addWidget(m_undoNow);
    applyLayout->addLayout(pendingRow);
    auto *undoRow = new QHBoxLayout;
    undoRow->addWidget(m_undo);
    undoRow->addWidget(m_applyIdLabel, 1);
    applyLayout->addLayout(undoRow);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_countdown, m_keep, m_undoNow, m_undo, m_applyIdLabel}) {
        widget->setVisible(false);
    }

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_summary);
    layout->addWidget(m_exportPanel);
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
    connect(m_keep, &QPushButton::clicked, this, &FinishPage::keep);
    connect(m_undoNow, &QPushButton::clicked, this, &FinishPage::rollback);
    connect(m_undo, &QPushButton::clicked, this, [this] {
        QMessageBox *box = new QMessageBox(QMessageBox::Question, tr("Undo this apply"),
                                           tr("Roll back %1? Deroot's helper restores what it changed, byte for "
                                              "byte, and removes what it created.")
                                               .arg(m_controller->applyId()),
                                           QMessageBox::Yes | QMessageBox::Cancel, this);
        box->setObjectName(u"undoConfirmMessageBox"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->button(QMessageBox::Yes)->setText(tr("&Roll back"));
        connect(box, &QMessageBox::accepted, this, &FinishPage::rollback);
        box->open();
    });
    connect(m_controller, &ApplyController::stateChanged, this, &FinishPage::updateState);
    connect(m_controller, &ApplyController::phaseChanged, this, &FinishPage::onPhaseChanged);
    connect(m_controller, &ApplyController::stepReported, this,
            [this](const Core::StepProgress &step) { addStepRow(step.kind, step.target, step.ok, step.message); });
    connect(m_controller, &ApplyController::applyFinished, this, &FinishPage::showOutcome);
    connect(m_controller, &ApplyController::applyFailed, this, &FinishPage::showApplyFailure);
    connect(m_controller, &ApplyController::kept, this, [this] {
        m_keep->setEnabled(true);
        showApplyMessage(tr("Confirmed: the changes of %1 stay.").arg(m_controller->applyId()), false);
    });
    connect(m_controller, &ApplyController::keepFailed, this, [this](const Core::Error &error) {
        m_keep->setEnabled(true);
        // Too late (rolled back already) or not ours: say so; the expiry may follow.
        showApplyMessage(tr("The helper did not take the confirmation: %1").arg(Core::oneLine(error.message)), true);
    });
    connect(m_controller, &ApplyController::rollbackFinished, this, [this] {
        // The running agent's check described the applied state, which is gone now, and there is
        // nothing left for derootctl rollback to undo.
        m_agentLabel->setVisible(false);
        m_applyIdLabel->clear();
        showApplyMessage(tr("Rolled back %1: the system is as it was before.").arg(m_controller->applyId()), false);
    });
    connect(m_controller, &ApplyController::rollbackFailed, this, [this](const Core::Error &error) {
        showApplyMessage(tr("Nothing was rolled back: %1").arg(Core::oneLine(error.message)), true);
    });
    connect(m_controller, &ApplyController::expired, this, [this](const QString &applyId, const QString &reason) {
        m_agentLabel->setVisible(false);
        m_applyIdLabel->clear();
        showApplyMessage(
            tr("Not confirmed in time: the helper rolled %1 back (%2).").arg(applyId, Core::oneLine(reason)), true);
    });
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
        showApplyMessage(tr("Deroot's helper is still at work: wait for its outcome before you leave."), true);
        break;
    case ApplyController::Phase::Pending:
        showApplyMessage(tr("The apply waits for your confirmation: keep the changes or undo them before you leave."),
                         true);
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
    const ApplyController::Phase phase = m_controller->phase();
    const bool idle = phase == ApplyController::Phase::Idle;
    m_undo->setVisible(m_controller->applied() && idle);
    m_undo->setEnabled(m_controller->applied() && idle);
    // "derootctl rollback ID undoes it later" holds only while the apply is in place.
    m_applyIdLabel->setVisible(m_controller->applied());
    const bool pending = phase == ApplyController::Phase::Pending;
    m_countdown->setVisible(pending);
    m_keep->setVisible(pending);
    m_undoNow->setVisible(pending);
}

bool FinishPage::exportPlan()
{
    return m_exportPanel->exportPlan();
}

void FinishPage::showApplyMessage(const QString &text, bool error)
{
    setMessage(m_applyStatus, text, error);
    // The outcome sits at the bottom of a long page: bring it, and Undo with it, into view, as the
    // admin would otherwise have to scroll to learn what happened.
    // After this event, once the phase has shown or hidden Undo and the layout has settled.
    QTimer::singleShot(0, this, [this] {
        QWidget *shown = m_undo->isVisible() ? static_cast<QWidget *>(m_undo) : m_applyStatus;
        m_scroll->ensureWidgetVisible(shown);
    });
}

void FinishPage::onPhaseChanged(ApplyController::Phase previous)
{
    const bool held = previous != ApplyController::Phase::Idle;
    const ApplyController::Phase phase = m_controller->phase();
    if (phase == ApplyController::Phase::Pending) {
        m_tick->start();
        tick();
    } else {
        m_tick->stop();
    }
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
        showApplyMessage(tr("Nothing was applied. %1").arg(request.error().message), true);
        return;
    }
    // The same validator the helper runs first: what it refuses here, it refuses too.
    const auto plan = Core::parseApplyRequest(*request);
    if (!plan) {
        showApplyMessage(
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
    m_steps->clear();
    m_steps->setVisible(true);
    m_agentLabel->setVisible(false);
    m_applyIdLabel->clear();
    if (!m_controller->apply(*m_request, m_applyPanel->confirmWithinSeconds())) {
        return;
    }
    showApplyMessage(tr("Applying… Answer the authentication prompt if one appears; it must name SHA-256 %1.")
                         .arg(m_confirming ? m_confirming->planSha256 : QString()),
                     false);
}

void FinishPage::showApplyFailure(const Core::Error &error)
{
    // Nothing of this call ran: rows another client's apply may have sent in the meantime go.
    m_steps->clear();
    m_steps->setVisible(false);
    const QString detail = Core::oneLine(error.message);
    QString text;
    switch (error.code) {
    case Core::ExitCode::NotAuthorized:
        text = tr("Not authorized: polkit did not allow this apply (%1). Nothing was changed.").arg(detail);
        break;
    case Core::ExitCode::Refused:
        text = tr("The helper refused the plan: %1. Nothing was changed.").arg(detail);
        break;
    case Core::ExitCode::Busy:
        text = tr("Another apply or rollback is under way. Nothing was changed; try again when it has finished.");
        break;
    case Core::ExitCode::Unavailable:
        text = tr("Deroot's helper stopped answering (%1). If it stopped in the middle of the apply, it restores "
                  "the previous state when it next starts; derootctl history shows what happened.")
                   .arg(detail);
        break;
    default:
        text = tr("The apply failed: %1. derootctl history shows what the helper did.").arg(detail);
        break;
    }
    showApplyMessage(text, true);
}

void FinishPage::addStepRow(const QString &kind, const QString &target, bool ok, const QString &message)
{
    auto *item = new QTreeWidgetItem(
        m_steps, {kind, Core::oneLine(target), ok ? tr("ok") : tr("failed: %1").arg(Core::oneLine(message))});
    if (ok && !message.isEmpty()) {
        item->setText(2, tr("ok: %1").arg(Core::oneLine(message)));
    }
    // An export-only file (a container file, an AppArmor profile) is carried in the plan but never
    // installed: its row must not read like an install that went well.
    const bool exportOnly = ok && kind == Core::stepKindName(Core::PlanStep::Kind::ExportOnly);
    if (exportOnly) {
        item->setText(2, tr("not applied: install this exported file yourself if you want it"));
    }
    item->setData(0, Qt::UserRole, ok);
    item->setIcon(0, checkIcon(exportOnly ? CheckState::Unknown : ok ? CheckState::Passed : CheckState::Failed));
    fitSteps();
}

void FinishPage::fitSteps()
{
    // As tall as its rows (a plan has at most a few dozen steps): the page scrolls, the list does not.
    const int rows = std::max(1, m_steps->topLevelItemCount());
    const int row = m_steps->topLevelItemCount() > 0 ? m_steps->sizeHintForRow(0) : fontMetrics().height();
    m_steps->setFixedHeight(m_steps->header()->sizeHint().height() + rows * row + 2 * m_steps->frameWidth() + 2);
}

void FinishPage::showOutcome(const Core::ApplyOutcome &outcome)
{
    // The reply is the authoritative list: the live rows are replaced by it.
    m_steps->clear();
    for (const Core::StepProgress &step : outcome.steps) {
        addStepRow(step.kind, step.target, step.ok, step.message);
    }
    const Core::OutcomeText text = Core::describeOutcome(outcome);
    if (!text.agentLines.isEmpty()) {
        setMessage(m_agentLabel, text.agentLines.join(u'\n'), text.agentMismatch);
        m_agentLabel->setVisible(true);
    }
    // An apply the helper undid itself (a failed step) leaves nothing for a later rollback.
    if (!outcome.applyId.isEmpty() && outcome.inPlace()) {
        m_applyIdLabel->setText(tr("Apply id: %1 (derootctl rollback %1 undoes it later)").arg(outcome.applyId));
    } else {
        m_applyIdLabel->clear();
    }
    showApplyMessage(text.summary, text.error);
}

void FinishPage::tick()
{
    const qint64 left = std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(m_controller->deadline()));
    m_countdown->setText(left > 0 ? tr("Keep these changes? Unless you confirm, the helper rolls them back in %n "
                                       "second(s).",
                                       nullptr, int(left))
                                  : tr("Time is up: the helper is rolling the changes back."));
}

void FinishPage::keep()
{
    if (m_controller->phase() != ApplyController::Phase::Pending) {
        return;
    }
    m_keep->setEnabled(false);
    m_controller->keep();
}

void FinishPage::rollback()
{
    if (!m_controller->rollback()) {
        return;
    }
    m_steps->clear();
    m_steps->setVisible(true);
    showApplyMessage(
        tr("Rolling %1 back… Answer the authentication prompt if one appears.").arg(m_controller->applyId()), false);
}

} // namespace Deroot::Ui
