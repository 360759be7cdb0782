// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/agentpage.h"

#include "core/base/text.h"
#include "core/inspect/processlist.h"
#include "ui/widgets/icons.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

constexpr int kTargetRole = Qt::UserRole + 1;
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
};

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
    serviceLayout->addWidget(m_services);

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
    setTabOrder(m_sources, m_processFilter);
    setTabOrder(m_processFilter, m_processes);
    showStatus(tr("Drop a program file here, or choose one."), false, false);

    connect(m_path, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_inspect->setEnabled(!text.isEmpty()); });
    connect(m_path, &QLineEdit::returnPressed, m_inspect, &QPushButton::click);
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
    });
    connect(m_session, &WizardSession::inspectionFailed, this, [this](const QString &message) {
        showStatus(tr("%1 cannot be inspected: %2").arg(m_session->target().display(), message), false, true);
        if (m_session->target().kind == AgentTarget::Kind::Process) {
            refreshLists(); // it probably exited: show the list as it is now
        }
        Q_EMIT completeChanged();
    });
    connect(m_session, &WizardSession::inspectionCancelled, this, [this] {
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
    if (!m_listsLoaded) {
        refreshLists();
    }
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
    // A row of another host's audit: only this machine can be inspected here, so the plan comes
    // from this machine's copy of the agent and is for that host, which the note says.
    m_fleetNote->setVisible(!target.fleetHost.isEmpty());
    if (!target.fleetHost.isEmpty()) {
        m_fleetNote->setText(tr("From the fleet audit of host %1: Deroot inspects this machine's copy of %2, and "
                                "the plan is for %1. Export it and apply it there; apply it here only if this "
                                "machine runs the same agent.")
                                 .arg(Core::quoted(target.fleetHost), target.display()));
    }
    if (target.kind == AgentTarget::Kind::File) {
        m_path->setText(Core::displayPath(target.path));
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
        m_processModel->clear();
        m_processModel->setHorizontalHeaderLabels({tr("PID"), tr("Name"), tr("User"), tr("Unit"), tr("Program")});
        if (lists->processes) {
            for (const Core::ProcessEntry &entry : std::as_const(*lists->processes)) {
                QList<QStandardItem *> row{cell(QString::number(entry.pid), entry.pid), cell(entry.name),
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
                m_processModel->appendRow(row);
            }
        }
        m_processes->sortByColumn(0, Qt::AscendingOrder);
        m_processes->header()->resizeSections(QHeaderView::ResizeToContents);
        m_serviceModel->clear();
        m_serviceModel->setHorizontalHeaderLabels({tr("Unit"), tr("State"), tr("Description")});
        if (lists->services) {
            for (const Core::ServiceEntry &entry : std::as_const(*lists->services)) {
                QList<QStandardItem *> row{cell(entry.unit), cell(entry.activeState), cell(entry.description)};
                row.first()->setData(entry.unit, kTargetRole);
                m_serviceModel->appendRow(row);
            }
        } else {
            auto *item = new QStandardItem(lists->services.error().message);
            item->setEnabled(false);
            m_serviceModel->appendRow(item);
        }
        m_services->sortByColumn(0, Qt::AscendingOrder);
        m_services->header()->resizeSections(QHeaderView::ResizeToContents);
    });
    m_listWatcher.setFuture(QtConcurrent::run(m_session->threadPool(), [lists] {
        lists->processes = Core::listProcesses();
        lists->services = Core::listServices();
    }));
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
