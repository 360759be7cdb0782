// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/fleet/fleet.h"
#include "core/inspect/audit.h"
#include "ui/wizard/wizardsession.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QPushButton;
class QThreadPool;
class QTreeWidget;

namespace Deroot::Ui {

/// The whole machine at a glance, from the same audit as `derootctl audit`: the agents that run as
/// root or hold capabilities, and the programs that hand out root. Activating a row opens the
/// wizard on that agent.
class AuditView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditView)

public:
    AuditView(QThreadPool *pool, QWidget *parent = nullptr);
    ~AuditView() override;

    /// Runs the audit again, off the GUI thread: of this machine, or of the fleet folder shown.
    void refresh();
    bool isRunning() const { return m_watcher.isRunning() || m_fleetWatcher.isRunning(); }

    /// Shows the hosts' audits in @p directory (the fleet playbook's folder, as derootctl fleet
    /// merges it) instead of this machine's, off the GUI thread: a host column, most privileged
    /// first. Opening a row starts the wizard on that agent, noting its host.
    void openFleet(const QString &directory);
    /// Back to this machine's audit.
    void auditThisMachine();
    /// The fleet folder shown; empty while this machine's audit is.
    QString fleetDirectory() const { return m_fleetDirectory; }

Q_SIGNALS:
    void agentChosen(const Deroot::Ui::AgentTarget &target);
    void auditFinished();

private:
    void showReport(const Core::Result<Core::AuditReport> &result);
    void showFleet(const Core::Result<Core::FleetReport> &result);

    QThreadPool *m_pool;
    QLabel *m_status;
    QTreeWidget *m_tree;
    QPushButton *m_refresh;
    QPushButton *m_open;
    QPushButton *m_openFleet;
    QPushButton *m_thisMachine;
    QString m_fleetDirectory;
    QFutureWatcher<Core::Result<Core::AuditReport>> m_watcher;
    QFutureWatcher<Core::Result<Core::FleetReport>> m_fleetWatcher;
};

} // namespace Deroot::Ui
