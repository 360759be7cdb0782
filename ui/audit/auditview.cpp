// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/audit/auditview.h"

#include "core/base/text.h"
#include "core/model/capabilities.h"
#include "ui/audit/driftpanel.h"
#include "ui/audit/fleetrows.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/wrappingdelegate.h"

#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kKeyRole = Qt::UserRole + 2;

} // namespace

AuditView::AuditView(QThreadPool *pool, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_pool(pool)
    , m_status(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_open(new QPushButton(tr("&Open in the wizard"), this))
    , m_openFleet(new QPushButton(tr("Open &fleet folder…"), this))
    , m_thisMachine(new QPushButton(tr("Audit this &machine"), this))
{
    setObjectName(u"auditView"_s);
    setWindowTitle(tr("Audit of this machine — Deroot"));
    m_status->setObjectName(u"auditStatusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // it may name files and hosts of a fleet folder
    m_tree->setObjectName(u"auditTreeWidget"_s);
    m_tree->setAccessibleName(tr("Agents running as root and programs that hand out privileges"));
    m_tree->setHeaderLabels({tr("Agent or file"), tr("Runs as / mode"), tr("Capabilities"), tr("Suggestion")});
    new WrappingDelegate(m_tree);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    // Its values are short ("root", "4755"); its header is not in every language ("Läuft als / Modus").
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_refresh->setObjectName(u"auditRefreshPushButton"_s);
    m_open->setObjectName(u"auditOpenPushButton"_s);
    m_open->setEnabled(false);
    m_openFleet->setObjectName(u"auditOpenFleetPushButton"_s);
    m_openFleet->setToolTip(tr("Show the audits the fleet playbook fetched from many hosts, one file per host"));
    m_thisMachine->setObjectName(u"auditThisMachinePushButton"_s);
    m_thisMachine->setVisible(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_openFleet);
    buttons->addWidget(m_thisMachine);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_open);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
    // Self-contained: it reads the helper's history and compares it on its own (core/drift).
    layout->addWidget(new DriftPanel(this));

    const auto openCurrent = [this] {
        const QTreeWidgetItem *item = m_tree->currentItem();
        if (!m_fleetDirectory.isEmpty()) {
            if (const auto target = FleetRows::targetOf(item)) {
                Q_EMIT agentChosen(*target);
            }
            return;
        }
        if (!item || item->data(0, kKindRole).toString().isEmpty()) {
            return;
        }
        AgentTarget target;
        const QString key = item->data(0, kKeyRole).toString();
        if (item->data(0, kKindRole).toString() == u"unit") {
            target.kind = AgentTarget::Kind::Unit;
            target.unit = key;
        } else {
            target.kind = AgentTarget::Kind::File;
            target.path = QFile::encodeName(key);
        }
        Q_EMIT agentChosen(target);
    };
    connect(m_tree, &QTreeWidget::itemActivated, this, openCurrent);
    connect(m_open, &QPushButton::clicked, this, openCurrent);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_open->setEnabled(item && !item->data(0, kKindRole).toString().isEmpty());
    });
    connect(m_refresh, &QPushButton::clicked, this, &AuditView::refresh);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] { showReport(m_watcher.result()); });
    connect(m_openFleet, &QPushButton::clicked, this, [this] {
        const QString directory =
            QFileDialog::getExistingDirectory(this, tr("Open the fleet folder"), m_fleetDirectory);
        if (!directory.isEmpty()) {
            openFleet(directory);
        }
    });
    connect(m_thisMachine, &QPushButton::clicked, this, &AuditView::auditThisMachine);
    connect(&m_fleetWatcher, &QFutureWatcherBase::finished, this, [this] { showFleet(m_fleetWatcher.result()); });
    resize(900, 560);
    refresh();
}

AuditView::~AuditView()
{
    m_watcher.waitForFinished();
    m_fleetWatcher.waitForFinished();
}

void AuditView::refresh()
{
    if (isRunning()) {
        return;
    }
    if (!m_fleetDirectory.isEmpty()) {
        openFleet(m_fleetDirectory);
        return;
    }
    m_refresh->setEnabled(false);
    m_status->setText(tr("Auditing the processes and the program folders…"));
    m_watcher.setFuture(QtConcurrent::run(m_pool, [] { return Core::audit(); }));
}

void AuditView::openFleet(const QString &directory)
{
    if (isRunning()) {
        return;
    }
    m_fleetDirectory = directory;
    m_refresh->setEnabled(false);
    m_openFleet->setEnabled(false);
    m_status->setText(tr("Reading the hosts' audits in %1…").arg(Core::quoted(directory)));
    m_fleetWatcher.setFuture(QtConcurrent::run(m_pool, [directory] { return Core::mergeFleet(directory); }));
}

void AuditView::auditThisMachine()
{
    if (isRunning()) {
        return;
    }
    m_fleetDirectory.clear();
    refresh();
}

void AuditView::showFleet(const Core::Result<Core::FleetReport> &result)
{
    m_refresh->setEnabled(true);
    m_openFleet->setEnabled(true);
    m_thisMachine->setVisible(true);
    m_open->setEnabled(false);
    setWindowTitle(tr("Fleet audit: %1 — Deroot").arg(Core::quoted(m_fleetDirectory)));
    if (!result) {
        m_tree->clear();
        m_status->setText(tr("The fleet folder cannot be shown: %1").arg(result.error().message));
        Q_EMIT auditFinished();
        return;
    }
    FleetRows::fill(m_tree, *result);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_status->setText(FleetRows::status(*result));
    Q_EMIT auditFinished();
}

void AuditView::showReport(const Core::Result<Core::AuditReport> &result)
{
    m_refresh->setEnabled(true);
    m_thisMachine->setVisible(false);
    setWindowTitle(tr("Audit of this machine — Deroot"));
    m_tree->clear();
    m_tree->setRootIsDecorated(true);
    m_tree->setColumnCount(4); // from the fleet's six
    m_tree->setHeaderLabels({tr("Agent or file"), tr("Runs as / mode"), tr("Capabilities"), tr("Suggestion")});
    if (!result) {
        m_status->setText(tr("The audit failed: %1").arg(result.error().message));
        Q_EMIT auditFinished();
        return;
    }
    const Core::AuditReport &report = *result;
    auto *agents = new QTreeWidgetItem(m_tree, {tr("Agents running as root or with capabilities")});
    agents->setFirstColumnSpanned(true);
    int rootGroups = 0;
    for (const Core::AuditGroup &group : report.processGroups) {
        bool root = false;
        std::uint64_t capabilities = 0;
        for (const Core::AuditProcess &process : group.processes) {
            root = root || process.uid == 0 || process.euid == 0;
            capabilities |= process.capEff;
        }
        rootGroups += root ? 1 : 0;
        auto *item = new QTreeWidgetItem(agents);
        item->setText(0, Core::oneLine(group.key));
        item->setText(1, root ? tr("root") : tr("another user"));
        const QStringList names = Core::capabilityNames(capabilities);
        item->setText(2, names.size() > 4 ? tr("%n capabilities", nullptr, int(names.size())) : names.join(u", "_s));
        item->setToolTip(2, names.join(u", "_s));
        item->setText(3, Core::oneLine(group.advice.isEmpty() ? group.suggestion : group.advice));
        item->setToolTip(3, item->text(3));
        if (root) {
            item->setIcon(0, rootIcon());
        }
        // A unit opens as a unit; a program outside any unit as its file.
        if (group.kind == u"unit" && !group.processes.isEmpty() && !group.processes.first().userManager) {
            item->setData(0, kKindRole, u"unit"_s);
            item->setData(0, kKeyRole, group.key);
        } else if (group.kind == u"executable") {
            item->setData(0, kKindRole, u"file"_s);
            item->setData(0, kKeyRole, group.key);
        }
    }
    auto *files =
        new QTreeWidgetItem(m_tree, {tr("Programs that hand out privileges (set-uid, set-gid, capabilities)")});
    files->setFirstColumnSpanned(true);
    for (const Core::AuditFile &file : report.files) {
        auto *item = new QTreeWidgetItem(files);
        item->setText(0, Core::oneLine(file.path));
        item->setText(1, u"%1"_s.arg(file.mode, 4, 8, QChar(u'0')));
        item->setText(2, file.capabilities ? Core::oneLine(file.capabilities->text) : QString());
        item->setText(3, Core::oneLine(file.suggestion));
        item->setToolTip(3, item->text(3));
        item->setData(0, kKindRole, u"file"_s);
        item->setData(0, kKeyRole, file.path);
    }
    agents->setExpanded(true);
    files->setExpanded(true);
    // One count per sentence: Qt's plural forms (%n) take one number each, and "agent(s)" reads
    // wrong in every language ("3 Agent(en)").
    m_status->setText(tr("%n process(es) examined.", nullptr, report.processesSeen) + u' ' +
                      tr("%n agent(s) run as root.", nullptr, rootGroups) + u' ' +
                      tr("%n program(s) hand out privileges.", nullptr, int(report.files.size())) + u' ' +
                      tr("Open a row to de-root it."));
    Q_EMIT auditFinished();
}

} // namespace Deroot::Ui
