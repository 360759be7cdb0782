// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/agentpage.h"

#include "core/base/text.h"
#include "core/inspect/processlist.h"
#include "core/inspect/unitinspector.h"
#include "ui/widgets/icons.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QGridLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWizard>
#include <QtConcurrentRun>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

constexpr int kTargetRole = Qt::UserRole + 1;
// An offline service row's unit file (no systemd to ask: its ExecStart= program is inspected).
constexpr int kUnitFileRole = Qt::UserRole + 3;
constexpr int kMaxRecent = 8;
const QString kRecentKey = u"recentAgents"_s;

QTreeView *makeListView(QWidget *parent, const QString &name, const QString &accessibleName)
{
    auto *view = new QTreeView(parent);
    view->setObjectName(name);
    view->setAccessibleName(accessibleName);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setSortingEnabled(true);
    view->setAlternatingRowColors(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->header()->setStretchLastSection(true);
    return view;
}

QSortFilterProxyModel *makeProxy(QStandardItemModel *model, QObject *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(-1); // every column
    proxy->setSortRole(Qt::UserRole + 2);
    return proxy;
}

QStandardItem *cell(const QString &text, const QVariant &sortKey = {})
{
    auto *item = new QStandardItem(text);
    item->setData(sortKey.isValid() ? sortKey : QVariant(text), Qt::UserRole + 2);
    return item;
}

struct Lists
{
    Core::Result<QList<Core::ProcessEntry>> processes = QList<Core::ProcessEntry>();
    Core::Result<QList<Core::ServiceEntry>> services = QList<Core::ServiceEntry>();
    QString servicesProblem; ///< why systemd could not list its services, when the unit files are shown instead
};

// The name a person knows the process by: the kernel keeps only 15 bytes of it (comm), so a
// longer program name ("prometheus-node-exporter") shows whole when comm is its beginning.
QString processName(const Core::ProcessEntry &entry)
{
    const QString base = entry.executable.section(u'/', -1);
    return entry.name.size() == 15 && base.startsWith(entry.name) ? base : entry.name;
}

// Brings @p model to @p rows (first cells keyed by kTargetRole) in place: rows whose key is gone
// are removed, rows still there get their new cells, new keys are appended. Selection, current
// row and scroll position stay where they were, which a clear() and refill would lose every few
// seconds.
void syncRows(QStandardItemModel *model, const QList<QList<QStandardItem *>> &rows)
{
    QHash<QString, int> wanted;
    for (int i = 0; i < rows.size(); ++i) {
        wanted.insert(rows.at(i).first()->data(kTargetRole).toString(), i);
    }
    QList<bool> placed(rows.size(), false);
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        const QStandardItem *first = model->item(row, 0);
        const auto it = first ? wanted.constFind(first->data(kTargetRole).toString()) : wanted.cend();
        if (it == wanted.cend() || placed.at(it.value())) {
            model->removeRow(row);
            continue;
        }
        placed[it.value()] = true;
        const QList<QStandardItem *> &cells = rows.at(it.value());
        for (int column = 0; column < cells.size(); ++column) {
            const QStandardItem *old = model->item(row, column);
            if (old && old->data(Qt::DisplayRole) == cells.at(column)->data(Qt::DisplayRole) &&
                old->data(Qt::ToolTipRole) == cells.at(column)->data(Qt::ToolTipRole)) {
                delete cells.at(column);
            } else {
                model->setItem(row, column, cells.at(column));
            }
        }
    }
    for (int i = 0; i < rows.size(); ++i) {
        if (!placed.at(i)) {
            model->appendRow(rows.at(i));
        }
    }
}

// The programs and folders of a QFileSystemModel: what can be inspected, and where to look for it.
class ProgramFilter final : public QSortFilterProxyModel
{
public:
    ProgramFilter(QFileSystemModel *files, QObject *parent)
        : QSortFilterProxyModel(parent)
        , m_files(files)
    {
        setSourceModel(files);
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = m_files->index(row, 0, parent);
        return m_files->isDir(index) || m_files->fileInfo(index).isExecutable();
    }

private:
    QFileSystemModel *m_files;
};

// Completes absolute paths over a ProgramFilter: one level of the tree per path component, "/"
// first, as QCompleter does by itself only for a QFileSystemModel it is given directly.
class PathCompleter final : public QCompleter
{
public:
    PathCompleter(ProgramFilter *model, QObject *parent)
        : QCompleter(model, parent)
        , m_model(model)
    {}

    QString pathFromIndex(const QModelIndex &index) const override
    {
        const auto *files = static_cast<const QFileSystemModel *>(m_model->sourceModel());
        return files->filePath(m_model->mapToSource(index));
    }

    QStringList splitPath(const QString &path) const override
    {
        if (!path.startsWith(u'/')) {
            return {path};
        }
        QStringList parts = path.mid(1).split(u'/');
        parts.prepend(u"/"_s);
        return parts;
    }

private:
    ProgramFilter *m_model;
};

// The folder a typed absolute path is in ("/usr/bin" for "/usr/bin/fpi", "/" for "/us").
QString typedFolder(const QString &text)
{
    const qsizetype slash = text.lastIndexOf(u'/');
    if (!text.startsWith(u'/') || slash < 0) {
        return {};
    }
    return slash == 0 ? u"/"_s : text.left(slash);
}

} // namespace

AgentPage::AgentPage(WizardSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_inspect(new QPushButton(tr("&Inspect"), this))
    , m_sources(new QTabWidget(this))
    , m_processFilter(new QLineEdit(this))
    , m_processes(makeListView(this, u"processTreeView"_s, tr("Running processes")))
    , m_processModel(new QStandardItemModel(this))
    , m_processProxy(makeProxy(m_processModel, this))
    , m_serviceFilter(new QLineEdit(this))
    , m_services(makeListView(this, u"serviceTreeView"_s, tr("Systemd services")))
    , m_serviceModel(new QStandardItemModel(this))
    , m_serviceProxy(makeProxy(m_serviceModel, this))
    , m_recent(new QListWidget(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_fleetNote(new QLabel(this))
    , m_cancel(new QPushButton(tr("C&ancel inspection"), this))
    , m_refresh(new QPushButton(tr("Re&fresh"), this))
    , m_serviceNote(new QLabel(this))
    , m_refreshTimer(new QTimer(this))
{
    setObjectName(u"agentPage"_s);
    setTitle(tr("Choose the agent"));
    setAcceptDrops(true);

    // In the page, not as the wizard's subtitle: the classic style would show it twice.
    auto *intro = new QLabel(tr("Deroot inspects the program to find what it really needs that an ordinary user lacks. "
                                "Type or browse to its program file, drop the file here, or pick a running process "
                                "or a service."),
                             this);
    intro->setWordWrap(true);

    auto *pathLabel = new QLabel(tr("&Program file:"), this);
    pathLabel->setBuddy(m_path);
    m_path->setObjectName(u"agentPathLineEdit"_s);
    m_path->setAccessibleName(tr("Program file"));
    m_path->setPlaceholderText(tr("/usr/bin/fping"));
    m_path->setClearButtonEnabled(true);
    m_browse->setObjectName(u"browsePushButton"_s);
    m_inspect->setObjectName(u"inspectPushButton"_s);
    m_inspect->setEnabled(false);

    // Processes.
    m_processFilter->setObjectName(u"processFilterLineEdit"_s);
    m_processFilter->setAccessibleName(tr("Filter the processes"));
    m_processFilter->setPlaceholderText(tr("Filter by name, user, unit or program"));
    m_processFilter->setClearButtonEnabled(true);
    m_processes->setModel(m_processProxy);
    auto *processTab = new QWidget(this);
    auto *processLayout = new QVBoxLayout(processTab);
    processLayout->addWidget(m_processFilter);
    processLayout->addWidget(m_processes);
    auto *rootNote = new QLabel(tr("Processes marked with the red shield run as root."), processTab);
    rootNote->setWordWrap(true);
    processLayout->addWidget(rootNote);

    // Services.
    m_serviceFilter->setObjectName(u"serviceFilterLineEdit"_s);
    m_serviceFilter->setAccessibleName(tr("Filter the services"));
    m_serviceFilter->setPlaceholderText(tr("Filter by unit or description"));
    m_serviceFilter->setClearButtonEnabled(true);
    m_services->setModel(m_serviceProxy);
    auto *serviceTab = new QWidget(this);
    auto *serviceLayout = new QVBoxLayout(serviceTab);
    serviceLayout->addWidget(m_serviceFilter);
    m_serviceNote->setObjectName(u"serviceNoteLabel"_s);
    m_serviceNote->setWordWrap(true);
    m_serviceNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_serviceNote->hide();
    serviceLayout->addWidget(m_serviceNote);
    serviceLayout->addWidget(m_services);
    m_processModel->setHorizontalHeaderLabels({tr("PID"), tr("Name"), tr("User"), tr("Unit"), tr("Program")});
    m_serviceModel->setHorizontalHeaderLabels({tr("Unit"), tr("State"), tr("Description")});

    m_recent->setObjectName(u"recentListWidget"_s);
    m_recent->setAccessibleName(tr("Recent agents"));

    m_sources->setObjectName(u"sourcesTabWidget"_s);
    m_sources->addTab(processTab, tr("Running pro&cesses"));
    m_sources->addTab(serviceTab, tr("&Services"));
    m_sources->addTab(m_recent, tr("&Recent"));

    m_progress->setObjectName(u"inspectionProgressBar"_s);
    m_progress->setAccessibleName(tr("Inspection in progress"));
    m_progress->setRange(0, 0); // busy: the inspector reports no steps
    m_progress->setMaximumWidth(160);
    m_status->setObjectName(u"agentStatusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cancel->setObjectName(u"cancelInspectionPushButton"_s);
    m_fleetNote->setObjectName(u"fleetHostNoteLabel"_s);
    m_fleetNote->setWordWrap(true);
    m_fleetNote->setTextFormat(Qt::PlainText); // it names a host from a fleet folder: never markup
    m_fleetNote->setVisible(false);

    auto *layout = new QGridLayout(this);
    layout->addWidget(intro, 0, 0, 1, 4);
    layout->addWidget(pathLabel, 1, 0);
    layout->addWidget(m_path, 1, 1);
    layout->addWidget(m_browse, 1, 2);
    layout->addWidget(m_inspect, 1, 3);
    layout->addWidget(m_sources, 2, 0, 1, 4);
    // The lists follow the machine by themselves; Refresh (F5) is for the impatient.
    m_refresh->setObjectName(u"refreshListsPushButton"_s);
    m_refresh->setToolTip(tr("List the running processes and the services again (F5). The lists also "
                             "refresh by themselves every few seconds."));
    m_sources->setCornerWidget(m_refresh, Qt::TopRightCorner);
    auto *refreshKey = new QShortcut(QKeySequence::Refresh, this);
    refreshKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(refreshKey, &QShortcut::activated, this, &AgentPage::refreshLists);
    connect(m_refresh, &QPushButton::clicked, this, &AgentPage::refreshLists);
    m_refreshTimer->setObjectName(u"listRefreshTimer"_s);
    m_refreshTimer->setInterval(kRefreshIntervalMs);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        if (!m_session->isInspecting()) {
            refreshLists();
        }
    });
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_cancel);
    layout->addLayout(statusRow, 3, 0, 1, 4);
    layout->addWidget(m_fleetNote, 4, 0, 1, 4);
    layout->setRowStretch(2, 1);
    layout->setColumnStretch(1, 1);
    setTabOrder(m_path, m_browse);
    setTabOrder(m_browse, m_inspect);
    setTabOrder(m_inspect, m_sources);
    setTabOrder(m_sources, m_refresh);
    setTabOrder(m_refresh, m_processFilter);
    setTabOrder(m_processFilter, m_processes);
    showStatus(tr("Drop a program file here, or choose one."), false, false);

    connect(m_path, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_inspect->setEnabled(!text.isEmpty()); });
    connect(m_path, &QLineEdit::textEdited, this, &AgentPage::setUpCompletion);
    // Enter inspects and, once the inspection succeeds, moves on: what a person who typed a path
    // and pressed Enter wants. Next stays disabled meanwhile, so the wizard's own Enter does nothing.
    connect(m_path, &QLineEdit::returnPressed, this, &AgentPage::inspectOnEnter);
    connect(m_inspect, &QPushButton::clicked, this, [this] {
        AgentTarget target;
        target.path = QFile::encodeName(m_path->text());
        choose(target);
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Choose the agent's program"),
                                                          m_path->text().isEmpty() ? u"/usr/bin"_s : m_path->text());
        if (!file.isEmpty()) {
            m_path->setText(file);
            m_inspect->click();
        }
    });
    connect(m_processFilter, &QLineEdit::textChanged, m_processProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_serviceFilter, &QLineEdit::textChanged, m_serviceProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_processes, &QTreeView::activated, this, [this] { chooseFromView(m_processes, m_processProxy, true); });
    connect(m_services, &QTreeView::activated, this, [this] { chooseFromView(m_services, m_serviceProxy, false); });
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (const auto target = AgentTarget::fromRecentKey(item->data(kTargetRole).toString())) {
            choose(*target);
        }
    });
    connect(m_cancel, &QPushButton::clicked, m_session, &WizardSession::cancelInspection);

    connect(m_session, &WizardSession::inspectionStarted, this, [this] {
        showStatus(tr("Inspecting %1…").arg(m_session->target().display()), true, false);
        Q_EMIT completeChanged();
    });
    connect(m_session, &WizardSession::inspectionFinished, this, [this] {
        rememberRecent(m_session->target());
        showStatus(tr("Inspected %1. Continue with Next.").arg(m_session->target().display()), false, false);
        Q_EMIT completeChanged();
        if (std::exchange(m_nextWhenInspected, false) && wizard() && wizard()->currentPage() == this) {
            wizard()->next();
        }
    });
    connect(m_session, &WizardSession::inspectionFailed, this, [this](const QString &message) {
        m_nextWhenInspected = false;
        showStatus(tr("%1 cannot be inspected: %2").arg(m_session->target().display(), message), false, true);
        if (m_session->target().kind == AgentTarget::Kind::Process) {
            refreshLists(); // it probably exited: show the list as it is now
        }
        Q_EMIT completeChanged();
    });
    connect(m_session, &WizardSession::inspectionCancelled, this, [this] {
        m_nextWhenInspected = false;
        showStatus(tr("Inspection cancelled."), false, false);
        Q_EMIT completeChanged();
    });
    connect(&m_listWatcher, &QFutureWatcher<void>::finished, this, [] {});
    loadRecent();
}

AgentPage::~AgentPage()
{
    m_listWatcher.waitForFinished();
}

void AgentPage::initializePage()
{
    // Made before the window is shown: the lists are read after the page's first paint.
    if (!m_listsLoaded) {
        if (isVisible()) {
            refreshLists();
        } else {
            m_listsAfterPaint = true;
        }
    }
}

bool AgentPage::event(QEvent *event)
{
    if (event->type() == QEvent::Paint && std::exchange(m_listsAfterPaint, false)) {
        // Queued: the painted frame reaches the screen first.
        QTimer::singleShot(0, this, [this] {
            if (!m_listsLoaded) {
                refreshLists();
            }
        });
    }
    return QWizardPage::event(event);
}

bool AgentPage::isComplete() const
{
    return m_session->hasReport() && !m_session->isInspecting();
}

void AgentPage::showStatus(const QString &text, bool busy, bool error)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_status->setText(text);
    m_status->setProperty("error", error);
    m_status->setForegroundRole(error ? QPalette::BrightText : QPalette::WindowText);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText,
                     error ? QColor(0xda, 0x44, 0x53) : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
    m_status->setForegroundRole(QPalette::WindowText);
}

void AgentPage::choose(const AgentTarget &target)
{
    m_nextWhenInspected = false; // only Enter in the path field moves on by itself
    // A row of another host's audit: only this machine can be inspected here, so the plan comes
    // from this machine's copy of the agent and is for that host, which the note says.
    m_fleetNote->setVisible(!target.fleetHost.isEmpty());
    if (!target.fleetHost.isEmpty()) {
        m_fleetNote->setText(tr("From the fleet audit of host %1: Deroot inspects this machine's copy of %2, and "
                                "the plan is for %1. Export it and apply it there; apply it here only if this "
                                "machine runs the same agent.")
                                 .arg(Core::quoted(target.fleetHost), target.display()));
    }
    if (target.kind != AgentTarget::Kind::File) {
        // The field shows the current choice or nothing: never an older path beside a process.
        m_path->clear();
        m_session->inspect(target);
        return;
    }
    const QString path = Core::displayPath(target.path);
    m_path->setText(path);
    if (path.endsWith(u".service"_s)) {
        // A unit file is not a program: the program its ExecStart= starts is.
        const auto program = Core::unitFileProgram(QString::fromLocal8Bit(target.path));
        if (!program) {
            showStatus(program.error().message, false, true);
            return;
        }
        AgentTarget started;
        started.path = *program;
        m_path->setText(Core::displayPath(*program));
        m_session->inspect(started);
        showStatus(
            tr("Inspecting %1, the program %2 starts…").arg(Core::displayPath(*program), QFileInfo(path).fileName()),
            true, false);
        return;
    }
    m_session->inspect(target);
}

bool AgentPage::takeDroppedUrls(const QList<QUrl> &urls)
{
    QStringList files;
    for (const QUrl &url : urls) {
        if (url.isLocalFile()) {
            files.append(url.toLocalFile());
        }
    }
    if (files.isEmpty()) {
        showStatus(tr("Only local files can be inspected: drop the agent's program file."), false, true);
        return false;
    }
    if (files.size() > 1) {
        showStatus(tr("%n files were dropped: drop one agent's program file at a time.", nullptr, int(files.size())),
                   false, true);
        return false;
    }
    const QFileInfo info(files.first());
    if (info.isDir()) {
        showStatus(
            tr("%1 is a folder: drop the agent's program file, not its folder.").arg(Core::quoted(files.first())),
            false, true);
        return false;
    }
    // Everything else (a device, a FIFO, a huge or unreadable file) is the inspector's to judge:
    // it never opens what it should not and says why.
    AgentTarget target;
    target.path = QFile::encodeName(files.first());
    choose(target);
    return true;
}

void AgentPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls()) {
        event->acceptProposedAction();
    }
}

void AgentPage::dropEvent(QDropEvent *event)
{
    if (event->mimeData()->hasUrls()) {
        takeDroppedUrls(event->mimeData()->urls());
        event->acceptProposedAction();
    }
}

void AgentPage::chooseFromView(QTreeView *view, QSortFilterProxyModel *proxy, bool process)
{
    const QModelIndex index = proxy->mapToSource(view->currentIndex());
    if (!index.isValid()) {
        return;
    }
    auto *model = static_cast<QStandardItemModel *>(proxy->sourceModel());
    const QVariant key = model->item(index.row(), 0)->data(kTargetRole);
    AgentTarget target;
    if (process) {
        target.kind = AgentTarget::Kind::Process;
        target.pid = key.toInt();
    } else if (const QString file = model->item(index.row(), 0)->data(kUnitFileRole).toString(); !file.isEmpty()) {
        target.path = QFile::encodeName(file); // no systemd to ask: its unit file says what it starts
    } else {
        target.kind = AgentTarget::Kind::Unit;
        target.unit = key.toString();
    }
    choose(target);
}

void AgentPage::refreshLists()
{
    if (m_listWatcher.isRunning()) {
        return;
    }
    m_listsLoaded = true;
    auto lists = std::make_shared<Lists>();
    disconnect(&m_listWatcher, &QFutureWatcher<void>::finished, this, nullptr);
    connect(&m_listWatcher, &QFutureWatcher<void>::finished, this, [this, lists] {
        QList<QList<QStandardItem *>> processRows;
        if (lists->processes) {
            for (const Core::ProcessEntry &entry : std::as_const(*lists->processes)) {
                QList<QStandardItem *> row{cell(QString::number(entry.pid), entry.pid), cell(processName(entry)),
                                           cell(entry.user), cell(entry.unit), cell(entry.executable)};
                row.first()->setData(entry.pid, kTargetRole);
                if (entry.root) {
                    row.first()->setIcon(rootIcon());
                    row.at(2)->setToolTip(tr("Runs as root"));
                    QFont font = row.at(2)->font();
                    font.setBold(true);
                    row.at(2)->setFont(font);
                    row.first()->setAccessibleText(tr("%1, runs as root").arg(entry.pid));
                }
                processRows.append(row);
            }
        }
        const bool firstFill = m_processModel->rowCount() == 0;
        syncRows(m_processModel, processRows);
        QList<QList<QStandardItem *>> serviceRows;
        if (lists->services) {
            for (const Core::ServiceEntry &entry : std::as_const(*lists->services)) {
                QList<QStandardItem *> row{cell(entry.unit), cell(serviceStateText(entry)), cell(entry.description)};
                row.first()->setData(entry.unit, kTargetRole);
                // systemd's own words, for the admin who knows them.
                row.at(1)->setToolTip(entry.loadState.isEmpty()
                                          ? entry.activeState
                                          : u"%1 %2 %3"_s.arg(entry.loadState, entry.activeState, entry.subState));
                if (!serviceChoosable(entry)) {
                    // Nothing to inspect: shown, so that the list is the machine's, but greyed.
                    for (QStandardItem *item : std::as_const(row)) {
                        item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
                    }
                    row.first()->setToolTip(entry.loadState == u"masked"
                                                ? tr("Masked: systemd refuses to start this service, so "
                                                     "there is nothing to inspect.")
                                                : tr("No unit file defines this service: another unit names "
                                                     "it, but it is not installed. There is nothing to inspect."));
                }
                if (!entry.filePath.isEmpty()) {
                    row.first()->setData(entry.filePath, kUnitFileRole);
                    row.first()->setToolTip(entry.filePath);
                }
                serviceRows.append(row);
            }
        }
        syncRows(m_serviceModel, serviceRows);
        if (!lists->services) {
            m_serviceNote->setText(tr("The services cannot be listed here: %1. Choose the program file or a running "
                                      "process instead.")
                                       .arg(Core::oneLine(lists->services.error().message)));
        } else if (!lists->servicesProblem.isEmpty()) {
            m_serviceNote->setText(tr("systemd is not running here, so these are the installed unit files. "
                                      "Choosing one inspects the program it starts."));
            m_serviceNote->setToolTip(lists->servicesProblem);
        }
        m_serviceNote->setVisible(!lists->services || !lists->servicesProblem.isEmpty());
        if (firstFill) {
            m_processes->sortByColumn(0, Qt::AscendingOrder);
            m_processes->header()->resizeSections(QHeaderView::ResizeToContents);
            m_services->sortByColumn(0, Qt::AscendingOrder);
            m_services->header()->resizeSections(QHeaderView::ResizeToContents);
        }
        // The PID column follows the PIDs: sized once at the first fill, a three-digit PID started
        // later showed as "1…", the one cell that tells two instances of a program apart.
        QHeaderView *processHeader = m_processes->header();
        const QAbstractItemView *processView = m_processes; // sizeHintForColumn() is public there
        const int pidWidth = std::max(processView->sizeHintForColumn(0), processHeader->sectionSizeHint(0));
        if (processHeader->sectionSize(0) < pidWidth) {
            processHeader->resizeSection(0, pidWidth);
        }
    });
    m_listWatcher.setFuture(QtConcurrent::run(m_session->threadPool(), [lists] {
        lists->processes = Core::listProcesses();
        lists->services = Core::listServices();
        if (!lists->services) {
            // No systemd to ask (a container, a chroot): its unit files can still be read.
            const QString problem = Core::oneLine(lists->services.error().message);
            if (auto files = Core::listServiceFiles()) {
                lists->services = std::move(files);
                lists->servicesProblem = problem.section(u": "_s, 1);
            }
        }
    }));
}

QString AgentPage::serviceStateText(const Core::ServiceEntry &entry)
{
    if (entry.loadState.isEmpty()) {
        // An installed unit file, systemd not running (the note above the list says so): its state is
        // whether it starts at boot.
        const QString &state = entry.activeState;
        if (state == u"enabled" || state == u"enabled-runtime") {
            return tr("Starts at boot");
        }
        if (state == u"disabled") {
            return tr("Not started at boot");
        }
        if (state == u"static" || state == u"indirect") {
            return tr("Started by other units");
        }
        if (state == u"masked" || state == u"masked-runtime") {
            return tr("Masked: cannot be started");
        }
        if (state == u"generated" || state == u"transient") {
            return tr("Made by systemd at boot");
        }
        return state; // systemd's word: a state newer than this list
    }
    if (entry.loadState == u"not-found") {
        return tr("Not installed: no unit file");
    }
    if (entry.loadState == u"masked") {
        return tr("Masked: cannot be started");
    }
    if (entry.loadState != u"loaded") {
        return tr("Not loaded: its unit file has errors");
    }
    if (entry.activeState == u"failed") {
        return tr("Failed");
    }
    if (entry.activeState == u"active") {
        if (entry.subState == u"running") {
            return tr("Running");
        }
        if (entry.subState == u"exited") {
            return tr("Ran and finished");
        }
        return tr("Active");
    }
    if (entry.activeState == u"inactive") {
        return tr("Stopped");
    }
    if (entry.activeState == u"activating") {
        return tr("Starting");
    }
    if (entry.activeState == u"deactivating") {
        return tr("Stopping");
    }
    if (entry.activeState == u"reloading") {
        return tr("Reloading");
    }
    return entry.activeState;
}

bool AgentPage::serviceChoosable(const Core::ServiceEntry &entry)
{
    return entry.loadState != u"not-found" && entry.loadState != u"masked" && entry.activeState != u"masked" &&
           entry.activeState != u"masked-runtime";
}

void AgentPage::showEvent(QShowEvent *event)
{
    QWizardPage::showEvent(event);
    m_refreshTimer->start();
}

void AgentPage::setUpCompletion()
{
    if (!m_completer) {
        // QFileSystemModel reads each folder in a thread of its own and watches it, so it costs the
        // first frame nothing only when it is made after it: here, on the first keystroke.
        m_files = new QFileSystemModel(this);
        m_files->setObjectName(u"pathCompletionModel"_s);
        // NOTE: no QDir::Executable here: QFileSystemModel's permission filters hide the files that
        // have the permissions not asked for (readable ones, here), so the proxy picks the programs.
        m_files->setFilter(QDir::AllDirs | QDir::Files | QDir::NoDotAndDotDot);
        m_files->setReadOnly(true);
        m_files->setRootPath(u"/"_s);
        m_completer = new PathCompleter(new ProgramFilter(m_files, this), this);
        m_completer->setObjectName(u"pathCompleter"_s);
        m_completer->setCompletionRole(QFileSystemModel::FileNameRole);
        m_completer->setCompletionMode(QCompleter::PopupCompletion);
        m_completer->setCaseSensitivity(Qt::CaseSensitive);
        m_completer->popup()->setObjectName(u"pathCompletionPopup"_s);
        m_completer->popup()->setAccessibleName(tr("Matching folders and programs"));
        m_completer->popup()->installEventFilter(this);
        m_path->installEventFilter(this);
        m_path->setCompleter(m_completer);
        // A folder is read in the background: when the one being typed in is there, its entries
        // are offered, unless Enter has started the inspection or the page has gone meanwhile.
        connect(m_files, &QFileSystemModel::directoryLoaded, this, [this](const QString &folder) {
            if (!m_path->isVisible() || m_session->isInspecting()) {
                m_completer->popup()->hide();
                return;
            }
            if (folder == typedFolder(m_path->text())) {
                m_completer->setCompletionPrefix(m_path->text());
                if (m_completer->completionCount() > 0) {
                    m_completer->complete();
                }
            }
        });
    }
    // Read the folder being typed in, if it has not been yet.
    const QString folder = typedFolder(m_path->text());
    if (folder.isEmpty()) {
        return;
    }
    const QModelIndex index = m_files->index(folder);
    if (index.isValid() && m_files->canFetchMore(index)) {
        m_files->fetchMore(index);
    }
}

void AgentPage::inspectOnEnter()
{
    if (m_completer) {
        m_completer->popup()->hide();
    }
    if (!m_inspect->isEnabled()) {
        return;
    }
    m_inspect->click();
    m_nextWhenInspected = m_session->isInspecting();
}

bool AgentPage::eventFilter(QObject *watched, QEvent *event)
{
    // With the completion list open, Enter on a chosen entry takes it into the field (the
    // completer's own handling); Enter with no entry chosen is the field's Enter: inspect what is
    // typed and move on, as without the list. The list sees the key when it has the keyboard, the
    // field when the key is sent to it.
    if (m_completer && (watched == m_completer->popup() || watched == m_path) && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        QAbstractItemView *popup = m_completer->popup();
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && popup->isVisible() &&
            !popup->currentIndex().isValid()) {
            inspectOnEnter();
            return true;
        }
    }
    return QWizardPage::eventFilter(watched, event);
}

void AgentPage::hideEvent(QHideEvent *event)
{
    if (m_completer) {
        m_completer->popup()->hide();
    }
    m_refreshTimer->stop();
    QWizardPage::hideEvent(event);
}

void AgentPage::loadRecent()
{
    m_recent->clear();
    const QStringList keys = QSettings().value(kRecentKey).toStringList();
    for (const QString &key : keys) {
        const auto target = AgentTarget::fromRecentKey(key);
        if (!target) {
            continue;
        }
        auto *item = new QListWidgetItem(target->display(), m_recent);
        item->setData(kTargetRole, key);
    }
    if (m_recent->count() == 0) {
        auto *item = new QListWidgetItem(tr("No agent inspected yet."), m_recent);
        item->setFlags(Qt::NoItemFlags);
    }
}

void AgentPage::rememberRecent(const AgentTarget &target)
{
    // A process is remembered by its program: a PID means nothing once it exits.
    AgentTarget remembered = target;
    if (target.kind == AgentTarget::Kind::Process && m_session->hasReport()) {
        remembered.kind = AgentTarget::Kind::File;
        const Core::InspectionReport &report = m_session->report();
        remembered.path = report.file ? report.file->canonicalPath.toUtf8() : QByteArray();
    }
    const QString key = remembered.recentKey();
    if (key.isEmpty() || (remembered.kind == AgentTarget::Kind::File && remembered.path.isEmpty())) {
        return;
    }
    QSettings settings;
    QStringList keys = settings.value(kRecentKey).toStringList();
    keys.removeAll(key);
    keys.prepend(key);
    settings.setValue(kRecentKey, keys.mid(0, kMaxRecent));
    loadRecent();
}

} // namespace Deroot::Ui
