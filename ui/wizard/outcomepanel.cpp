// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/outcomepanel.h"

#include "core/base/text.h"
#include "core/client/outcometext.h"
#include "core/plan/applyoutcome.h"
#include "core/plan/applyrequest.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/messagelabel.h"
#include "ui/wizard/applycontroller.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

OutcomePanel::OutcomePanel(ApplyController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_status(new QLabel)
    , m_steps(new QTreeWidget)
    , m_agentLabel(new QLabel)
    , m_countdown(new QLabel)
    , m_keep(new QPushButton(tr("&Keep the changes")))
    , m_undoNow(new QPushButton(tr("Undo &now")))
    , m_undo(new QPushButton(tr("&Undo this apply…")))
    , m_applyIdLabel(new QLabel)
    , m_tick(new QTimer(this))
{
    m_status->setObjectName(u"applyStatusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
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
    connect(m_tick, &QTimer::timeout, this, &OutcomePanel::tick);

    // The lower rows of the page's Apply box: no margins of its own. The status line is always
    // shown, so the panel never adds an empty row to the box.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_steps);
    layout->addWidget(m_agentLabel);
    auto *pendingRow = new QHBoxLayout;
    pendingRow->addWidget(m_countdown, 1);
    pendingRow->addWidget(m_keep);
    pendingRow->addWidget(m_undoNow);
    layout->addLayout(pendingRow);
    auto *undoRow = new QHBoxLayout;
    undoRow->addWidget(m_undo);
    undoRow->addWidget(m_applyIdLabel, 1);
    layout->addLayout(undoRow);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_countdown, m_keep, m_undoNow, m_undo, m_applyIdLabel}) {
        widget->setVisible(false);
    }

    connect(m_keep, &QPushButton::clicked, this, &OutcomePanel::keep);
    connect(m_undoNow, &QPushButton::clicked, this, &OutcomePanel::rollback);
    connect(m_undo, &QPushButton::clicked, this, &OutcomePanel::confirmUndo);
    connect(m_controller, &ApplyController::phaseChanged, this, [this] {
        if (m_controller->phase() == ApplyController::Phase::Pending) {
            m_tick->start();
            tick();
        } else {
            m_tick->stop();
        }
    });
    connect(m_controller, &ApplyController::stepReported, this,
            [this](const Core::StepProgress &step) { addStepRow(step.kind, step.target, step.ok, step.message); });
    connect(m_controller, &ApplyController::applyFinished, this, &OutcomePanel::showOutcome);
    connect(m_controller, &ApplyController::applyFailed, this, &OutcomePanel::showApplyFailure);
    connect(m_controller, &ApplyController::kept, this, [this] {
        m_keep->setEnabled(true);
        showMessage(tr("Confirmed: the changes of %1 stay.").arg(m_controller->applyId()), false);
    });
    connect(m_controller, &ApplyController::keepFailed, this, [this](const Core::Error &error) {
        m_keep->setEnabled(true);
        // Too late (rolled back already) or not ours: say so; the expiry may follow.
        showMessage(tr("The helper did not take the confirmation: %1").arg(Core::oneLine(error.message)), true);
    });
    connect(m_controller, &ApplyController::rollbackFinished, this, [this] {
        // The running agent's check described the applied state, which is gone now, and there is
        // nothing left for derootctl rollback to undo.
        m_agentLabel->setVisible(false);
        m_applyIdLabel->clear();
        showMessage(tr("Rolled back %1: the system is as it was before.").arg(m_controller->applyId()), false);
    });
    connect(m_controller, &ApplyController::rollbackFailed, this, [this](const Core::Error &error) {
        showMessage(tr("Nothing was rolled back: %1").arg(Core::oneLine(error.message)), true);
    });
    connect(m_controller, &ApplyController::expired, this, [this](const QString &applyId, const QString &reason) {
        m_agentLabel->setVisible(false);
        m_applyIdLabel->clear();
        showMessage(tr("Not confirmed in time: the helper rolled %1 back (%2).").arg(applyId, Core::oneLine(reason)),
                    true);
    });
}

OutcomePanel::~OutcomePanel() = default;

void OutcomePanel::showMessage(const QString &text, bool error)
{
    setMessage(m_status, text, error);
    Q_EMIT messageShown();
}

QWidget *OutcomePanel::messageFocus() const
{
    return m_undo->isVisible() ? static_cast<QWidget *>(m_undo) : m_status;
}

void OutcomePanel::beginApply()
{
    m_steps->clear();
    m_steps->setVisible(true);
    m_agentLabel->setVisible(false);
    m_applyIdLabel->clear();
}

void OutcomePanel::refresh()
{
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

void OutcomePanel::showApplyFailure(const Core::Error &error)
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
                  "the previous state when it next starts; the audit window's list of applied plans shows what "
                  "happened.")
                   .arg(detail);
        break;
    default:
        text =
            tr("The apply failed: %1. The audit window's list of applied plans shows what the helper did.").arg(detail);
        break;
    }
    showMessage(text, true);
}

void OutcomePanel::addStepRow(const QString &kind, const QString &target, bool ok, const QString &message)
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

void OutcomePanel::fitSteps()
{
    // As tall as its rows (a plan has at most a few dozen steps): the page scrolls, the list does not.
    const int rows = std::max(1, m_steps->topLevelItemCount());
    const int row = m_steps->topLevelItemCount() > 0 ? m_steps->sizeHintForRow(0) : fontMetrics().height();
    m_steps->setFixedHeight(m_steps->header()->sizeHint().height() + rows * row + 2 * m_steps->frameWidth() + 2);
}

void OutcomePanel::showOutcome(const Core::ApplyOutcome &outcome)
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
        m_applyIdLabel->setText(
            tr("Apply id: %1. The helper keeps this apply under that id: an administrator can still roll it back "
               "later.")
                .arg(outcome.applyId));
    } else {
        m_applyIdLabel->clear();
    }
    showMessage(text.summary, text.error);
}

void OutcomePanel::tick()
{
    const qint64 left = std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(m_controller->deadline()));
    m_countdown->setText(left > 0 ? tr("Keep these changes? Unless you confirm, the helper rolls them back in %n "
                                       "second(s).",
                                       nullptr, int(left))
                                  : tr("Time is up: the helper is rolling the changes back."));
}

void OutcomePanel::keep()
{
    if (m_controller->phase() != ApplyController::Phase::Pending) {
        return;
    }
    m_keep->setEnabled(false);
    m_controller->keep();
}

void OutcomePanel::confirmUndo()
{
    QMessageBox *box = new QMessageBox(QMessageBox::Question, tr("Undo this apply"),
                                       tr("Roll back %1? Deroot's helper restores what it changed, byte for "
                                          "byte, and removes what it created.")
                                           .arg(m_controller->applyId()),
                                       QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"undoConfirmMessageBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Yes)->setText(tr("&Roll back"));
    connect(box, &QMessageBox::accepted, this, &OutcomePanel::rollback);
    box->open();
}

void OutcomePanel::rollback()
{
    if (!m_controller->rollback()) {
        return;
    }
    m_steps->clear();
    m_steps->setVisible(true);
    showMessage(tr("Rolling %1 back… Answer the authentication prompt if one appears.").arg(m_controller->applyId()),
                false);
}

} // namespace Deroot::Ui
