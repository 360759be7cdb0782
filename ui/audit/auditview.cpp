// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/audit/auditview.h"

#include "core/base/text.h"
#include "core/inspect/accounts.h"
#include "core/inspect/auditrating.h"
#include "core/model/capabilities.h"
#include "ui/audit/driftpanel.h"
#include "ui/audit/fleetrows.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/wrappingdelegate.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrentRun>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

enum Column { NameColumn, SeverityColumn, PidColumn, UnitColumn, UserColumn, CapabilitiesColumn, SuggestionColumn };

constexpr int kTargetRole = Qt::UserRole + 1; ///< "unit:NAME", "pid:N" or "file:PATH"; none: not openable
constexpr int kWhyNotRole = Qt::UserRole + 2; ///< why a row privileged by design is not opened
constexpr int kSortRole = Qt::UserRole + 3;   ///< a column's sort key where its text would sort wrong
constexpr int kOrderRole = Qt::UserRole + 4;  ///< sections and categories: their fixed place
constexpr int kSearchRole = Qt::UserRole + 5; ///< what the filter searches

// Sections and the expected group's categories keep their order whichever way the rows are sorted;
// rows sort by the column's key (severity, PID), then by name, names A to Z either way.
class AuditItem final : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;

    bool operator<(const QTreeWidgetItem &other) const override
    {
        const QTreeWidget *tree = treeWidget();
        const bool descending = tree && tree->header()->sortIndicatorOrder() == Qt::DescendingOrder;
        const QVariant order = data(0, kOrderRole);
        const QVariant otherOrder = other.data(0, kOrderRole);
        if (order.isValid() && otherOrder.isValid()) {
            return descending ? order.toInt() > otherOrder.toInt() : order.toInt() < otherOrder.toInt();
        }
        const int column = tree ? tree->sortColumn() : 0;
        const QVariant key = data(column, kSortRole);
        const QVariant otherKey = other.data(column, kSortRole);
        if (key.isValid() && otherKey.isValid() && key.toLongLong() != otherKey.toLongLong()) {
            return key.toLongLong() < otherKey.toLongLong();
        }
        if (column != NameColumn && text(column) != other.text(column)) {
            return text(column).localeAwareCompare(other.text(column)) < 0;
        }
        const int byName = text(NameColumn).localeAwareCompare(other.text(NameColumn));
        if (byName != 0) {
            return descending ? byName > 0 : byName < 0;
        }
        const qlonglong pid = data(PidColumn, kSortRole).toLongLong();
        const qlonglong otherPid = other.data(PidColumn, kSortRole).toLongLong();
        return descending ? pid > otherPid : pid < otherPid;
    }
};

// A tooltip holding names from the machine (a program's path may be "<b>x"): escaped rich text,
// which also wraps, with the text's own line breaks kept.
QString tip(const QString &text)
{
    if (text.isEmpty()) {
        return {};
    }
    return u"<p style='white-space:pre-wrap'>"_s + text.toHtmlEscaped() + u"</p>"_s;
}

QString userText(std::uint32_t uid)
{
    const QString name = Core::userName(uid);
    return name.isEmpty() ? u"uid "_s + QString::number(uid) : name;
}

// Four names a line: the full list of 41 would make a tooltip wider than the screen.
QString capabilityList(const QStringList &names)
{
    QStringList lines;
    for (qsizetype i = 0; i < names.size(); i += 4) {
        lines.append(names.mid(i, 4).join(u", "_s));
    }
    return lines.join(u",\n"_s);
}

void setCapabilities(QTreeWidgetItem *item, const QStringList &names)
{
    item->setText(CapabilitiesColumn, names.size() > 3 ? AuditView::tr("%n capabilities", nullptr, int(names.size()))
                                                       : names.join(u", "_s));
    item->setToolTip(CapabilitiesColumn, tip(capabilityList(names)));
    item->setData(CapabilitiesColumn, kSortRole, qlonglong(names.size()));
}

void setSeverity(QTreeWidgetItem *item, Core::Severity severity, bool shown = true)
{
    if (shown) {
        item->setIcon(SeverityColumn, severityIcon(severity));
        item->setText(SeverityColumn, severityText(severity));
    }
    item->setData(SeverityColumn, kSortRole, int(severity));
}

QString processUser(const Core::AuditProcess &process)
{
    if (process.uid == process.euid) {
        return userText(process.euid);
    }
    return AuditView::tr("%1 (real user %2)").arg(userText(process.euid), userText(process.uid));
}

QString search(const QStringList &parts)
{
    return parts.join(u'\n');
}

// One process of a group, as a row of its own (a group of several) or as the group's row (one).
void fillProcess(QTreeWidgetItem *item, const Core::AuditProcess &process)
{
    item->setText(PidColumn, QString::number(process.pid));
    item->setData(PidColumn, kSortRole, qlonglong(process.pid));
    item->setText(UnitColumn, Core::oneLine(process.unit));
    item->setText(UserColumn, processUser(process));
    setCapabilities(item, Core::capabilityNames(process.capEff));
    item->setToolTip(NameColumn, tip(Core::oneLine(process.executable.isEmpty() ? process.name : process.executable)));
}

QString expectedWhy(Core::AuditExpected expected, const QString &name)
{
    switch (expected) {
    case Core::AuditExpected::ServiceManager:
        return AuditView::tr("The service manager (PID 1) must run as root: it starts and stops every service. "
                             "There is nothing to de-root.");
    case Core::AuditExpected::Systemd:
        return AuditView::tr("%1 is part of systemd: privileged by design and sandboxed by its unit. There is "
                             "nothing to de-root.")
            .arg(Core::quoted(name));
    case Core::AuditExpected::UserManager:
        return AuditView::tr("%1 is a user's service manager: it starts that user's own services. There is nothing "
                             "to de-root.")
            .arg(Core::quoted(name));
    case Core::AuditExpected::SetIdProgram:
        return AuditView::tr("%1 is a standard set-uid or set-gid program: it needs its privilege to do its job, "
                             "so a plan cannot take it away. Deroot does not open it.")
            .arg(Core::quoted(name));
    case Core::AuditExpected::No:
        break;
    }
    return {};
}

} // namespace

AuditView::AuditView(QThreadPool *pool, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_pool(pool)
    , m_status(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
    , m_why(new QLabel(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_open(new QPushButton(tr("&Open in the wizard"), this))
    , m_export(new QPushButton(tr("&Export…"), this))
    , m_openFleet(new QPushButton(tr("Open &fleet folder…"), this))
    , m_thisMachine(new QPushButton(tr("Audit this &machine"), this))
{
    setObjectName(u"auditView"_s);
    setWindowTitle(tr("Audit of this machine — Deroot"));
    m_status->setObjectName(u"auditStatusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // it may name files and hosts of a fleet folder
    m_filter->setObjectName(u"auditFilterLineEdit"_s);
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Name, path, unit, user or PID"));
    m_filter->setToolTip(tr("Show only the rows that match (Ctrl+F)"));
    m_filter->setAccessibleName(tr("Filter the rows"));
    auto *filterLabel = new QLabel(tr("Fil&ter:"), this);
    filterLabel->setBuddy(m_filter);
    m_tree->setObjectName(u"auditTreeWidget"_s);
    m_tree->setAccessibleName(tr("Agents running as root and programs that hand out privileges"));
    new WrappingDelegate(m_tree);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(false);
    m_why->setObjectName(u"auditWhyLabel"_s);
    m_why->setWordWrap(true);
    m_why->setTextFormat(Qt::PlainText); // it names units and files
    m_why->setVisible(false);
    m_refresh->setObjectName(u"auditRefreshPushButton"_s);
    m_open->setObjectName(u"auditOpenPushButton"_s);
    m_open->setEnabled(false);
    m_export->setObjectName(u"auditExportPushButton"_s);
    m_export->setToolTip(tr("Save this audit as JSON (as derootctl audit --json writes it) or as CSV"));
    m_export->setEnabled(false);
    m_openFleet->setObjectName(u"auditOpenFleetPushButton"_s);
    m_openFleet->setToolTip(tr("Show the audits the fleet playbook fetched from many hosts, one file per host"));
    m_thisMachine->setObjectName(u"auditThisMachinePushButton"_s);
    m_thisMachine->setVisible(false);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_openFleet);
    buttons->addWidget(m_thisMachine);
    buttons->addWidget(m_export);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_open);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_why);
    layout->addLayout(buttons);
    // Self-contained: it reads the helper's history and compares it on its own (core/drift).
    layout->addWidget(new DriftPanel(this));
    // Tab in reading order: the filter, the list, then the buttons left to right.
    const QList<QWidget *> chain{m_filter, m_tree, m_openFleet, m_thisMachine, m_export, m_refresh, m_open};
    for (qsizetype i = 1; i < chain.size(); ++i) {
        setTabOrder(chain.at(i - 1), chain.at(i)); // pairwise: the list form needs Qt 6.6
    }
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, m_filter, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });

    connect(m_tree, &QTreeWidget::itemActivated, this, &AuditView::openCurrent);
    connect(m_open, &QPushButton::clicked, this, &AuditView::openCurrent);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &AuditView::showCurrent);
    connect(m_filter, &QLineEdit::textChanged, this, &AuditView::applyFilter);
    connect(m_refresh, &QPushButton::clicked, this, &AuditView::refresh);
    connect(m_export, &QPushButton::clicked, this, [this] {
        QString filter;
        QString path = QFileDialog::getSaveFileName(this, tr("Export the audit"), u"audit.json"_s,
                                                    tr("JSON (*.json);;CSV (*.csv)"), &filter);
        if (path.isEmpty()) {
            return;
        }
        const bool csv = filter.contains(u"*.csv"_s);
        if (QFileInfo(path).suffix().isEmpty()) {
            path += csv ? u".csv"_s : u".json"_s;
        }
        exportTo(path);
    });
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
    resize(1100, 640);
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
    m_status->setToolTip(QString());
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
    m_status->setToolTip(QString());
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

std::optional<AgentTarget> AuditView::targetOf(const QTreeWidgetItem *item, QString *why) const
{
    if (!item) {
        return std::nullopt;
    }
    if (!m_fleetDirectory.isEmpty()) {
        return FleetRows::targetOf(item);
    }
    *why = item->data(0, kWhyNotRole).toString();
    const QString target = item->data(0, kTargetRole).toString();
    AgentTarget agent;
    if (target.startsWith(u"unit:")) {
        agent.kind = AgentTarget::Kind::Unit;
        agent.unit = target.mid(5);
    } else if (target.startsWith(u"pid:")) {
        agent.kind = AgentTarget::Kind::Process;
        agent.pid = target.mid(4).toInt();
    } else if (target.startsWith(u"file:")) {
        agent.kind = AgentTarget::Kind::File;
        agent.path = QFile::encodeName(target.mid(5));
    } else {
        return std::nullopt;
    }
    return agent;
}

void AuditView::showCurrent()
{
    QString why;
    const auto target = targetOf(m_tree->currentItem(), &why);
    m_open->setEnabled(target.has_value());
    m_open->setToolTip(tip(target ? tr("Open %1 in the wizard").arg(Core::oneLine(target->display())) : why));
    m_why->setText(why);
    m_why->setVisible(!target && !why.isEmpty());
}

void AuditView::openCurrent()
{
    QString why;
    const auto target = targetOf(m_tree->currentItem(), &why);
    if (target) {
        Q_EMIT agentChosen(*target);
        return;
    }
    // Said again where the eye is: the row was activated and nothing opened.
    m_why->setText(why);
    m_why->setVisible(!why.isEmpty());
}

void AuditView::applyFilter()
{
    const QString needle = m_filter->text().trimmed();
    // A row matches on its own words; a group that matches shows all its members; a section or a
    // group shows while any row below it does.
    const std::function<bool(QTreeWidgetItem *, bool)> apply = [&](QTreeWidgetItem *item, bool shown) -> bool {
        const QVariant words = item->data(0, kSearchRole);
        bool matches = needle.isEmpty();
        if (!matches && words.isValid()) {
            matches = words.toString().contains(needle, Qt::CaseInsensitive);
        } else if (!matches && !item->data(0, kOrderRole).isValid()) {
            // A fleet row: every column's text.
            for (int column = 0; column < item->columnCount() && !matches; ++column) {
                matches = item->text(column).contains(needle, Qt::CaseInsensitive);
            }
        }
        bool below = false;
        for (int i = 0; i < item->childCount(); ++i) {
            below = apply(item->child(i), shown || (matches && words.isValid())) || below;
        }
        const bool visible = matches || shown || below;
        item->setHidden(!visible);
        if (!needle.isEmpty() && below) {
            item->setExpanded(true);
        }
        return visible;
    };
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *section = m_tree->topLevelItem(i);
        apply(section, false);
        if (needle.isEmpty()) {
            section->setHidden(false);
            // Back as first shown: the privileged-by-design group folded away.
            section->setExpanded(section->data(0, kOrderRole).toInt() < 2 || !m_fleetDirectory.isEmpty());
        }
    }
}

void AuditView::showFleet(const Core::Result<Core::FleetReport> &result)
{
    m_refresh->setEnabled(true);
    m_openFleet->setEnabled(true);
    m_thisMachine->setVisible(true);
    m_open->setEnabled(false);
    m_export->setEnabled(false);
    m_report.reset();
    m_why->setVisible(false);
    setWindowTitle(tr("Fleet audit: %1 — Deroot").arg(Core::quoted(m_fleetDirectory)));
    m_tree->setSortingEnabled(false); // the merge's order: most privileged first
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
    applyFilter();
    Q_EMIT auditFinished();
}

void AuditView::showReport(const Core::Result<Core::AuditReport> &result)
{
    m_refresh->setEnabled(true);
    m_thisMachine->setVisible(false);
    m_why->setVisible(false);
    setWindowTitle(tr("Audit of this machine — Deroot"));
    m_tree->setSortingEnabled(false);
    m_tree->clear();
    m_tree->setRootIsDecorated(true);
    m_tree->setColumnCount(7); // from the fleet's six
    m_tree->setHeaderLabels(
        {tr("Agent or file"), tr("Severity"), tr("PID"), tr("Unit"), tr("User"), tr("Capabilities"), tr("Suggestion")});
    QHeaderView *header = m_tree->header();
    for (int column = NameColumn; column < SuggestionColumn; ++column) {
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    header->setStretchLastSection(true);
    if (!result) {
        m_report.reset();
        m_export->setEnabled(false);
        m_status->setText(tr("The audit failed: %1").arg(result.error().message));
        Q_EMIT auditFinished();
        return;
    }
    m_report = *result;
    m_export->setEnabled(true);
    const Core::AuditReport &report = *result;

    auto *agents = new AuditItem(m_tree, {tr("Agents running as root or with capabilities")});
    auto *files = new AuditItem(m_tree, {tr("Programs that hand out privileges (set-uid, set-gid, capabilities)")});
    auto *expected = new AuditItem(m_tree);
    // Each category's advice once, on a line of its own below its name, across the whole row.
    auto *bySystemd = new AuditItem(
        expected, {tr("The service manager, systemd's own units and users' managers") + u'\n' +
                   tr("They run as root by design and are sandboxed by their units: nothing to change, and nothing "
                      "Deroot can de-root.")});
    auto *setId = new AuditItem(
        expected, {tr("Standard set-uid and set-gid programs") + u'\n' +
                   tr("Their job needs root or their group: passwd and chsh change /etc/shadow and /etc/passwd, su "
                      "and sudo switch users, mount mounts what fstab lets users mount. Leave them as their "
                      "packages set them; remove the package of one this machine does not need.")});
    int order = 0;
    for (QTreeWidgetItem *fixed : {agents, files, expected, bySystemd, setId}) {
        fixed->setData(0, kOrderRole, order++);
        fixed->setFirstColumnSpanned(true);
    }
    bySystemd->setData(0, kOrderRole, 0);
    setId->setData(0, kOrderRole, 1);

    int rootGroups = 0;
    int expectedRows = 0;
    for (const Core::AuditGroup &group : report.processGroups) {
        if (group.processes.isEmpty()) {
            continue;
        }
        const Core::AuditRating rating = Core::rateAuditGroup(group);
        const bool byDesign = rating.expected != Core::AuditExpected::No;
        bool root = false;
        std::uint64_t capabilities = 0;
        QStringList users;
        QStringList words{group.key};
        for (const Core::AuditProcess &process : group.processes) {
            root = root || process.uid == 0 || process.euid == 0;
            capabilities |= process.capEff;
            if (!users.contains(processUser(process))) {
                users.append(processUser(process));
            }
            words << process.name << process.executable << process.unit << userText(process.uid)
                  << userText(process.euid) << QString::number(process.pid);
        }
        rootGroups += root && !byDesign ? 1 : 0;
        expectedRows += byDesign ? 1 : 0;
        auto *item = new AuditItem(byDesign ? bySystemd : agents);
        item->setText(NameColumn, Core::oneLine(group.key));
        item->setData(0, kSearchRole, search(words));
        setSeverity(item, rating.severity);
        const QString why = expectedWhy(rating.expected, group.key);
        const Core::AuditProcess &first = group.processes.first();
        if (group.processes.size() == 1) {
            fillProcess(item, first);
        } else {
            item->setText(PidColumn, tr("%n processes", nullptr, int(group.processes.size())));
            item->setData(PidColumn, kSortRole, qlonglong(first.pid));
            item->setText(UnitColumn, Core::oneLine(first.unit));
            item->setText(UserColumn, users.join(u", "_s));
            setCapabilities(item, Core::capabilityNames(capabilities));
            for (const Core::AuditProcess &process : group.processes) {
                auto *member = new AuditItem(item);
                member->setText(NameColumn,
                                Core::oneLine(process.executable.isEmpty() ? process.name : process.executable));
                fillProcess(member, process);
                setSeverity(member, rating.severity, false);
                member->setData(0, kSearchRole,
                                search({process.name, process.executable, process.unit, member->text(UserColumn),
                                        QString::number(process.pid)}));
                if (byDesign) {
                    member->setData(0, kWhyNotRole, why);
                } else {
                    member->setData(0, kTargetRole, QString(u"pid:"_s + QString::number(process.pid)));
                }
            }
        }
        if (byDesign) {
            item->setData(0, kWhyNotRole, why);
            continue; // its advice is its category's, said once
        }
        item->setText(SuggestionColumn, Core::oneLine(group.advice.isEmpty() ? group.suggestion : group.advice));
        item->setToolTip(SuggestionColumn, tip(item->text(SuggestionColumn)));
        // A system unit opens as the unit; anything else as its running process, with what it does
        // while it runs (a group of several: its first process, the one that started the others).
        if (group.kind == u"unit" && !first.userManager) {
            item->setData(0, kTargetRole, QString(u"unit:"_s + group.key));
        } else {
            item->setData(0, kTargetRole, QString(u"pid:"_s + QString::number(first.pid)));
        }
    }
    for (const Core::AuditFile &file : report.files) {
        const Core::AuditRating rating = Core::rateAuditFile(file);
        const bool byDesign = rating.expected != Core::AuditExpected::No;
        expectedRows += byDesign ? 1 : 0;
        auto *item = new AuditItem(byDesign ? setId : files);
        item->setText(NameColumn, Core::oneLine(file.path));
        setSeverity(item, rating.severity);
        const QString owner = userText(file.uid);
        item->setText(UserColumn, u"%1, %2"_s.arg(owner).arg(file.mode, 4, 8, QChar(u'0')));
        if (file.capabilities) {
            item->setText(CapabilitiesColumn, Core::oneLine(file.capabilities->text));
            item->setToolTip(CapabilitiesColumn, tip(capabilityList(Core::capabilityNames(
                                                     file.capabilities->permitted | file.capabilities->inheritable))));
        }
        item->setData(0, kSearchRole, search({file.path, owner, Core::groupName(file.gid)}));
        if (byDesign) {
            item->setData(0, kWhyNotRole, expectedWhy(rating.expected, file.path));
            continue;
        }
        item->setText(SuggestionColumn, Core::oneLine(file.suggestion));
        item->setToolTip(SuggestionColumn, tip(item->text(SuggestionColumn)));
        item->setData(0, kTargetRole, QString(u"file:"_s + file.path));
    }
    expected->setText(NameColumn, tr("Privileged by design, nothing to change (%n)", nullptr, expectedRows));
    for (QTreeWidgetItem *category : {bySystemd, setId}) {
        if (category->childCount() == 0) {
            delete category;
        }
    }
    if (expectedRows == 0) {
        delete expected;
        expected = nullptr;
    }
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(SeverityColumn, Qt::DescendingOrder);
    agents->setExpanded(true);
    files->setExpanded(true);
    if (expected) {
        expected->setExpanded(false); // folded away: most admins need not look
        for (int i = 0; i < expected->childCount(); ++i) {
            expected->child(i)->setExpanded(true);
        }
    }
    applyFilter();
    // One count per sentence: Qt's plural forms (%n) take one number each, and "agent(s)" reads
    // wrong in every language ("3 Agent(en)").
    m_status->setText(tr("%n process(es) examined.", nullptr, report.processesSeen) + u' ' +
                      tr("%n agent(s) run as root.", nullptr, rootGroups) + u' ' +
                      tr("%n program(s) hand out privileges.", nullptr, int(report.files.size())) + u' ' +
                      tr("Open a row to de-root it."));
    // What the audit could not read (as a user: other users' executables), on request: too long
    // for the line beside the buttons.
    m_status->setToolTip(report.notes.join(u'\n'));
    Q_EMIT auditFinished();
}

bool AuditView::exportTo(const QString &path)
{
    if (!m_report) {
        m_status->setText(tr("There is no audit of this machine to export yet."));
        return false;
    }
    const bool csv = path.endsWith(u".csv"_s, Qt::CaseInsensitive);
    const QByteArray bytes =
        csv ? Core::toCsv(*m_report).toUtf8() : QJsonDocument(Core::toJson(*m_report)).toJson(QJsonDocument::Indented);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_status->setText(tr("The audit was not exported: %1 cannot be written: %2")
                              .arg(Core::quoted(QDir::toNativeSeparators(path)), file.errorString()));
        return false;
    }
    m_status->setText(csv ? tr("The audit was exported as CSV to %1.").arg(Core::quoted(path))
                          : tr("The audit was exported as JSON to %1.").arg(Core::quoted(path)));
    return true;
}

} // namespace Deroot::Ui
