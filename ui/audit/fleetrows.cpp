// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/audit/fleetrows.h"

#include "core/base/text.h"
#include "ui/widgets/icons.h"
#include "ui/wizard/privilegetext.h"

#include <QFile>
#include <QSysInfo>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kKeyRole = Qt::UserRole + 2;
constexpr int kHostRole = Qt::UserRole + 3;

/// A tooltip of a host's text: escaped and made rich text on purpose, since a tooltip that merely
/// looks like markup ("<img src=...>" in a process name) would be rendered as such.
QString tip(const QString &text)
{
    return u"<p>"_s + Core::oneLine(text).toHtmlEscaped() + u"</p>"_s;
}

QString verdictText(const QString &verdict)
{
    if (verdict == u"root-level") {
        return FleetRows::tr("root-level");
    }
    if (verdict == u"elevated") {
        return FleetRows::tr("elevated");
    }
    if (verdict == u"low") {
        return FleetRows::tr("low");
    }
    return FleetRows::tr("minimal");
}

} // namespace

QStringList FleetRows::headerLabels()
{
    return {tr("Privilege"),      tr("Host"),         tr("Agent or file"),
            tr("Runs as / mode"), tr("Capabilities"), tr("Suggestion")};
}

void FleetRows::fill(QTreeWidget *tree, const Core::FleetReport &report)
{
    tree->clear();
    tree->setColumnCount(int(headerLabels().size()));
    tree->setHeaderLabels(headerLabels());
    tree->setRootIsDecorated(false);
    QList<QTreeWidgetItem *> items;
    items.reserve(report.entries.size());
    for (const Core::FleetEntry &entry : report.entries) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, privilegeNumber(entry.privilege.value) + u' ' + verdictText(entry.privilege.verdict));
        item->setToolTip(0, tip(entry.privilege.basis ? Core::privilegeBasisText(entry.privilege.basis) : QString()));
        item->setText(1, Core::oneLine(entry.host));
        item->setText(2, Core::oneLine(entry.key));
        const bool file = entry.kind == u"file";
        if (file) {
            item->setText(3, entry.mode);
            item->setText(4, entry.fileCapabilities.isEmpty() ? QString() : Core::oneLine(entry.fileCapabilities));
        } else {
            item->setText(3, entry.runsAsRoot ? tr("root") : Core::oneLine(entry.users.join(u", "_s)));
            item->setText(4, entry.capabilities.size() > 4
                                 ? tr("%n capabilities", nullptr, int(entry.capabilities.size()))
                                 : entry.capabilities.join(u", "_s));
            item->setToolTip(4, tip(entry.capabilities.join(u", "_s)));
        }
        item->setText(5, Core::oneLine(entry.suggestion));
        item->setToolTip(5, tip(entry.suggestion));
        if (entry.runsAsRoot) {
            item->setIcon(0, rootIcon());
        }
        // As in the audit of this machine: a system unit opens as a unit, a program as its file.
        if (entry.kind == u"unit" && !entry.userManager) {
            item->setData(0, kKindRole, u"unit"_s);
            item->setData(0, kKeyRole, entry.key);
        } else if (entry.kind == u"executable" || file) {
            item->setData(0, kKindRole, u"file"_s);
            item->setData(0, kKeyRole, entry.key);
        }
        item->setData(0, kHostRole, entry.host);
        items.append(item);
    }
    tree->addTopLevelItems(items);
}

std::optional<AgentTarget> FleetRows::targetOf(const QTreeWidgetItem *item)
{
    if (!item || item->data(0, kKindRole).toString().isEmpty()) {
        return std::nullopt;
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
    const QString host = item->data(0, kHostRole).toString();
    if (!isThisMachine(host)) {
        target.fleetHost = host;
    }
    return target;
}

QString FleetRows::status(const Core::FleetReport &report)
{
    QString text = tr("%n host(s) merged.", nullptr, int(report.hosts.size())) + u' ' +
                   tr("%n row(s), most privileged first.", nullptr, int(report.entries.size()));
    if (!report.problems.isEmpty()) {
        QStringList problems;
        for (const Core::FleetProblem &problem : report.problems) {
            problems.append(Core::oneLine(problem.message));
        }
        text += u' ' + tr("%n file(s) left out:", nullptr, int(report.problems.size())) + u' ' +
                problems.join(u"; "_s) + u'.';
    }
    return text + u' ' + tr("Open a row to plan its agent in the wizard.");
}

bool FleetRows::isThisMachine(const QString &host)
{
    const QString self = QSysInfo::machineHostName();
    if (self.isEmpty() || host.isEmpty()) {
        return false;
    }
    return host.compare(self, Qt::CaseInsensitive) == 0 ||
           host.compare(self.section(u'.', 0, 0), Qt::CaseInsensitive) == 0 ||
           host.section(u'.', 0, 0).compare(self, Qt::CaseInsensitive) == 0;
}

} // namespace Deroot::Ui
