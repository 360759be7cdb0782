// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "ui/wizard/wizardsession.h"

#include <QFutureWatcher>
#include <QWizardPage>

class QCompleter;
class QFileSystemModel;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTabWidget;
class QTimer;
class QTreeView;

namespace Deroot::Core {
struct ServiceEntry;
}

namespace Deroot::Ui {

/// Step 1: choose the agent: a program file (typed, browsed or dropped), a running process, a
/// systemd service or a recent agent. Choosing starts the inspection; Next waits for it.
class AgentPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentPage)

public:
    AgentPage(WizardSession *session, QWidget *parent = nullptr);
    ~AgentPage() override;

    void initializePage() override;
    bool isComplete() const override;

    /// Chooses @p target and starts inspecting it.
    void choose(const AgentTarget &target);
    /// Takes the local files of a drop: exactly one regular file is an agent; anything else gets a
    /// message saying why not. Returns whether an inspection started.
    bool takeDroppedUrls(const QList<QUrl> &urls);
    /// Reloads the process and service lists off the GUI thread.
    void refreshLists();

    /// A Services row's state in words: what systemd's LOAD, ACTIVE and SUB (or, without systemd,
    /// the unit file's state) mean for the admin ("Running", "Failed", "No unit file: ...").
    static QString serviceStateText(const Core::ServiceEntry &entry);
    /// Whether a Services row can be inspected: not when no unit file defines it, or it is masked.
    static bool serviceChoosable(const Core::ServiceEntry &entry);

    /// How often the lists follow the machine while the page is shown.
    static constexpr int kRefreshIntervalMs = 5000;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showStatus(const QString &text, bool busy, bool error);
    void rememberRecent(const AgentTarget &target);
    void loadRecent();
    void chooseFromView(QTreeView *view, QSortFilterProxyModel *proxy, bool process);
    /// Sets up the path field's completion on its first keystroke, not before the first frame; then,
    /// on each keystroke, has the folder being typed in read.
    void setUpCompletion();
    /// Enter in the path field: inspect, and move on once the inspection succeeds.
    void inspectOnEnter();

    WizardSession *m_session;
    QLineEdit *m_path;
    QCompleter *m_completer = nullptr;   ///< folders and programs below what is typed; made on the first keystroke
    QFileSystemModel *m_files = nullptr; ///< what m_completer offers, before its filter
    QPushButton *m_browse;
    QPushButton *m_inspect;
    QTabWidget *m_sources;
    QLineEdit *m_processFilter;
    QTreeView *m_processes;
    QStandardItemModel *m_processModel;
    QSortFilterProxyModel *m_processProxy;
    QLineEdit *m_serviceFilter;
    QTreeView *m_services;
    QStandardItemModel *m_serviceModel;
    QSortFilterProxyModel *m_serviceProxy;
    QListWidget *m_recent;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_fleetNote;
    QPushButton *m_cancel;
    QPushButton *m_refresh;
    QLabel *m_serviceNote;
    QTimer *m_refreshTimer;
    QFutureWatcher<void> m_listWatcher;
    bool m_listsLoaded = false;
    /// The lists wait for the page's first paint: reading /proc and asking systemctl would slow the
    /// first frame, and the page is useful without them.
    bool m_listsAfterPaint = false;
    /// Enter in the path field: the inspection it started moves on to the next step when it succeeds.
    bool m_nextWhenInspected = false;
};

} // namespace Deroot::Ui
