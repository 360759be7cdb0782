// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace Deroot::Core {
struct ApplyOutcome;
struct Error;
struct StepProgress;
} // namespace Deroot::Core

namespace Deroot::Ui {

class ApplyController;

/// What the helper did with the Finish page's apply, as the ApplyController reports it: a status
/// line, each step's outcome live (then the helper's authoritative list), the running agent's
/// check, the countdown with Keep and Undo now while a confirmation is pending, and Undo with the
/// apply id (for derootctl rollback) while the apply is in place.
class OutcomePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutcomePanel)

public:
    /// @p controller is not owned; Keep and Undo call it.
    OutcomePanel(ApplyController *controller, QWidget *parent = nullptr);
    ~OutcomePanel() override;

    /// Shows @p text in the status line, in red when it is an @p error; then messageShown().
    void showMessage(const QString &text, bool error);
    /// What a reader of the last message should see: Undo when it is offered, else the message.
    QWidget *messageFocus() const;
    /// Clears what an earlier apply left, before a new one.
    void beginApply();
    /// Shows or hides Undo, the apply id and the pending confirmation's controls as the
    /// controller's phase has it.
    void refresh();

Q_SIGNALS:
    void messageShown();

private:
    void showOutcome(const Core::ApplyOutcome &outcome);
    void showApplyFailure(const Core::Error &error);
    void fitSteps();
    void addStepRow(const QString &kind, const QString &target, bool ok, const QString &message);
    void confirmUndo();
    void rollback();
    void keep();
    void tick();

    ApplyController *m_controller;
    QLabel *m_status;
    QTreeWidget *m_steps;
    QLabel *m_agentLabel;
    QLabel *m_countdown;
    QPushButton *m_keep;
    QPushButton *m_undoNow;
    QPushButton *m_undo;
    QLabel *m_applyIdLabel;
    QTimer *m_tick;
};

} // namespace Deroot::Ui
