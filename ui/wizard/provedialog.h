// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/plan/applyrequest.h"
#include "core/prove/prove.h"
#include "ui/wizard/wizardsession.h"

#include <QDialog>
#include <QJsonObject>

#include <functional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace Deroot::Ui {

/// Proves @p plan (what an export holds) with @p seconds a trial, the admin's @p check command
/// (empty: none) and the @p sandbox settings an observation flagged; calls back once with the report, as derootctl
/// prove --json writes it (docs/prove-json.md), or why there is none. @p progress may hear of each trial as it ends, on
/// the GUI thread, with the capability it went without (empty for the baseline); a runner that
/// cannot tell never calls it.
using ProveRunner = std::function<void(
    const Core::ApplyRequest &plan, int seconds, const QString &check, const QList<Core::SandboxCandidate> &sandbox,
    std::function<void(const QString &without)> progress, std::function<void(const Core::Result<QJsonObject> &)> done)>;

/// The runner the wizard uses: the trials run here, off the GUI thread, when Deroot runs as root;
/// otherwise Deroot's helper runs them (Prove), after polkit's yes, and runs the check command as
/// this user; no trial is reported before the last ends. @p context owns what runs.
ProveRunner systemProveRunner(QObject *context);

/// "Prove it" (the Finish step, before Apply): runs the plan's agent as the plan's unit would, on
/// transient units, with every capability and then without each (derootctl prove); shows each
/// trial and verdict, and offers to drop the capabilities the agent was seen to work without
/// (the plan is then built again without them, and can be proved again).
class ProveDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProveDialog)

public:
    ProveDialog(WizardSession *session, ProveRunner runner, QWidget *parent = nullptr);
    ~ProveDialog() override;

    bool isRunning() const { return m_running; }
    /// The last report; empty before one came.
    const QJsonObject &report() const { return m_report; }

Q_SIGNALS:
    void finished();

private:
    void start();
    void showReport(const QJsonObject &report);
    void showError(const QString &message);
    void setRunning(bool running);
    void dropNotNecessary();

    WizardSession *m_session;
    ProveRunner m_runner;
    QLabel *m_intro;
    QSpinBox *m_seconds;
    QLineEdit *m_check;
    QPushButton *m_start;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_notes; ///< how the trials ran (a copy of the agent's unit, a lent user), in full
    QTreeWidget *m_trials;
    QPushButton *m_drop;
    bool m_running = false;
    QJsonObject m_report;
    quint64 m_generation = 0;
};

} // namespace Deroot::Ui
