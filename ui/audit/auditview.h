// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

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

    /// Runs the audit again, off the GUI thread.
    void refresh();
    bool isRunning() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void agentChosen(const Deroot::Ui::AgentTarget &target);
    void auditFinished();

private:
    void showReport(const Core::Result<Core::AuditReport> &result);

    QThreadPool *m_pool;
    QLabel *m_status;
    QTreeWidget *m_tree;
    QPushButton *m_refresh;
    QPushButton *m_open;
    QFutureWatcher<Core::Result<Core::AuditReport>> m_watcher;
};

} // namespace Deroot::Ui
