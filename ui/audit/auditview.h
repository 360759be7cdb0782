// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/fleet/fleet.h"
#include "core/inspect/audit.h"
#include "ui/wizard/wizardsession.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QThreadPool;
class QTreeWidget;
class QTreeWidgetItem;

namespace Deroot::Ui {

/// The whole machine at a glance, from the same audit as `derootctl audit`: the agents that run as
/// root or hold capabilities, and the programs that hand out root, each with its severity, most
/// severe first. What is privileged by design (PID 1, systemd's units, passwd, su, sudo, ...) is
/// folded into a collapsed group of its own, its advice said once. Activating a row opens the
/// wizard on that agent: a unit as the unit, a running process as that process (its PID, with its
/// runtime evidence), a file as the file; a row privileged by design says why it cannot be opened.
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

    /// Writes this machine's audit shown to @p path: CSV when it ends in ".csv" (Core::toCsv), else
    /// the JSON of `derootctl audit --json` (schema deroot.audit/1). The status line says what was
    /// written, or why nothing was; false then.
    bool exportTo(const QString &path);

Q_SIGNALS:
    void agentChosen(const Deroot::Ui::AgentTarget &target);
    void auditFinished();

private:
    void showReport(const Core::Result<Core::AuditReport> &result);
    void showFleet(const Core::Result<Core::FleetReport> &result);
    /// Hides the rows the filter field does not match (name, path, unit, user or PID).
    void applyFilter();
    /// The wizard target of @p item, if it can be opened; else @p why says why not (may stay empty).
    std::optional<AgentTarget> targetOf(const QTreeWidgetItem *item, QString *why) const;
    void openCurrent();
    void showCurrent();

    QThreadPool *m_pool;
    QLabel *m_status;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
    QLabel *m_why;
    QPushButton *m_refresh;
    QPushButton *m_open;
    QPushButton *m_export;
    QPushButton *m_openFleet;
    QPushButton *m_thisMachine;
    QString m_fleetDirectory;
    std::optional<Core::AuditReport> m_report; ///< this machine's, as shown; none in fleet mode
    QFutureWatcher<Core::Result<Core::AuditReport>> m_watcher;
    QFutureWatcher<Core::Result<Core::FleetReport>> m_fleetWatcher;
};

} // namespace Deroot::Ui
