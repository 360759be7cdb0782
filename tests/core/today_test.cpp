// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// How the agent runs today and the one-line verdict, over synthetic reports shaped like the
// inspectors' sections: each row names the evidence, the basis it must stand on (measured or only
// the case of running it as root) and the verdict's id and words.
#include "core/inspect/today.h"

#include "core/model/capabilities.h"

#include <QJsonArray>
#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(InspectionReport)

class TodayTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdict_data();
    void verdict();
    void reportCarriesTheVerdict();
};

namespace {

// The capabilities named in @p list, as a mask.
std::uint64_t names(const QStringList &list)
{
    std::uint64_t mask = 0;
    for (const QString &name : list) {
        mask |= std::uint64_t(1) << capabilityByName(name)->number;
    }
    return mask;
}

std::uint64_t everyCapability()
{
    std::uint64_t all = 0;
    for (const CapabilityInfo &info : capabilityTable()) {
        all |= std::uint64_t(1) << info.number;
    }
    return all;
}

// A file section as the file inspector writes it.
FileSection file(int uid = 0, bool setuid = false, bool setgid = false, const QStringList &caps = {},
                 const QString &group = u"gid 0 (root)"_s)
{
    FileSection section;
    section.canonicalPath = u"/usr/bin/agent"_s;
    section.uid = uid;
    section.gid = 0;
    section.owner = uid == 0 ? u"uid 0 (root)"_s : u"uid %1 (games)"_s.arg(uid);
    section.group = group;
    section.setuid = setuid;
    section.setgid = setgid;
    section.package = u"agent"_s;
    if (!caps.isEmpty()) {
        FileCapabilities &capabilities = section.capabilities.emplace();
        capabilities.text = u"cap_net_raw=ep"_s;
        for (const QString &name : caps) {
            capabilities.permitted |= names({name});
        }
        capabilities.effective = true;
    }
    return section;
}

// A process section as the process inspector writes it.
ProcessSection process(int uid, const QString &user, std::uint64_t effective, std::uint64_t bounding,
                       const QList<ProcessGroup> &groups = {}, int saved = -1)
{
    ProcessSection section;
    section.uid.real = uid;
    section.uid.effective = uid;
    section.uid.saved = saved < 0 ? uid : saved;
    section.user = user;
    section.effectiveUser = user;
    section.groups = groups;
    section.noNewPrivs = false;
    section.capabilities.effective = effective;
    section.capabilities.permitted = effective;
    section.capabilities.bounding = bounding;
    return section;
}

// A unit section as the unit inspector writes it; nothing of the sandbox unless @p hardened.
UnitSection unit(const QString &id, const QString &user, const QStringList &ambient, bool hardened = false)
{
    const bool root = user.isEmpty();
    UnitSection section;
    section.id = id;
    section.user = user;
    section.runsAsRoot = root;
    section.ambientCapabilities = names(ambient);
    section.capabilityBoundingSet = root ? everyCapability() : names(ambient);
    section.capabilityBoundingSetFull = root;
    section.noNewPrivileges = hardened;
    section.protectSystem = hardened ? u"strict"_s : QString();
    section.privateNetwork = u"no"_s;
    section.restrictAddressFamilies = hardened ? u"AF_UNIX AF_INET AF_INET6"_s : QString();
    section.systemCallFilterMode = hardened ? u"allow"_s : u"none"_s;
    return section;
}

// The sections a row's report has.
struct Sections
{
    std::optional<FileSection> file = std::nullopt;
    std::optional<ScriptSection> script = std::nullopt;
    std::optional<ProcessSection> process = std::nullopt;
    std::optional<UnitSection> unit = std::nullopt;
};

InspectionReport report(const Sections &sections, const QList<int> &needs = {}, const QList<int> &optional = {})
{
    InspectionReport report;
    report.file = sections.file;
    report.script = sections.script;
    report.process = sections.process;
    report.unit = sections.unit;
    for (const int capability : needs) {
        report.needs.addCapability(capability, {u"catalog"_s, u"the catalog says so"_s});
    }
    for (const int capability : optional) {
        report.needs.addCapability(capability, {u"catalog"_s, u"sometimes"_s, u"when it serves others"_s});
    }
    return report;
}

constexpr int kNetRaw = 13;
constexpr int kNetBindService = 10;
constexpr int kSysTime = 25;

} // namespace

void TodayTest::verdict_data()
{
    QTest::addColumn<InspectionReport>("report");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("basis");
    QTest::addColumn<QString>("text");

    const std::uint64_t all = everyCapability();

    // The program file alone: what it grants whoever runs it, or the hypothetical case.
    QTest::newRow("file capability binary (fping)")
        << report({.file = file(0, false, false, {u"CAP_NET_RAW"_s})}, {kNetRaw}) << u"file-capabilities"_s
        << u"file-grants"_s
        << u"Nothing to de-root: its file capabilities already give it only CAP_NET_RAW, not root; it needs root only "
           "if you run it as root"_s;
    QTest::newRow("set-uid root binary (passwd)")
        << report({.file = file(0, true)}) << u"setuid-root"_s << u"file-grants"_s
        << u"Set-uid root: everyone who runs it runs it as root; the inspection found no capability it needs"_s;
    QTest::newRow("set-uid to another user")
        << report({.file = file(5, true)}) << u"set-id"_s << u"file-grants"_s
        << u"Set-uid games: everyone who runs it runs it as games, not root; it needs root only if you run it as "
           "root"_s;
    QTest::newRow("set-gid to an ordinary group")
        << report({.file = file(0, false, true, {}, u"gid 102 (crontab)"_s)}) << u"set-id"_s << u"file-grants"_s
        << u"Set-gid crontab: everyone who runs it gets group crontab, not root; it needs root only if you run it as "
           "root"_s;
    QTest::newRow("set-gid to a root-equivalent group")
        << report({.file = file(0, false, true, {}, u"gid 42 (shadow)"_s)}) << u"root-equivalent"_s << u"file-grants"_s
        << u"Set-gid shadow: everyone who runs it gets group shadow, which amounts to root; the inspection found no "
           "capability it needs"_s;
    QTest::newRow("root-equivalent file capability")
        << report({.file = file(0, false, false, {u"CAP_SYS_ADMIN"_s})}, {21}) << u"root-equivalent"_s
        << u"file-grants"_s
        << u"Its file capabilities give everyone who runs it CAP_SYS_ADMIN, which amounts to root; it needs "
           "CAP_SYS_ADMIN"_s;
    QTest::newRow("plain program, not running")
        << report({.file = file()}, {kNetRaw}) << u"not-running"_s << u"hypothetical-root"_s
        << u"Not running, and its file grants nothing: it runs as root only if you start it as root; it needs "
           "CAP_NET_RAW"_s;
    QTest::newRow("plain program that needs nothing")
        << report({.file = file()}) << u"not-running"_s << u"hypothetical-root"_s
        << u"Not running, and its file grants nothing: it runs as root only if you start it as root; the inspection "
           "found no capability it needs"_s;
    QTest::newRow("conditional need is said to be one")
        << report({.file = file()}, {kSysTime}, {kNetBindService}) << u"not-running"_s << u"hypothetical-root"_s
        << u"Not running, and its file grants nothing: it runs as root only if you start it as root; it needs "
           "CAP_SYS_TIME, and CAP_NET_BIND_SERVICE only in some configurations"_s;
    // The kernel honours neither set-uid nor file capabilities on a script, nor v3 capabilities
    // outside their user namespace.
    const Sections script{.file = file(0, true, false, {u"CAP_NET_RAW"_s}), .script = ScriptSection{}};
    QTest::newRow("script: its set-uid bit and capabilities grant nothing")
        << report(script) << u"not-running"_s << u"hypothetical-root"_s
        << u"Not running, and its file grants nothing: it runs as root only if you start it as root; the inspection "
           "found no capability it needs"_s;
    FileSection namespaced = file(0, false, false, {u"CAP_NET_RAW"_s});
    namespaced.capabilities->rootId = 100000;
    QTest::newRow("namespaced file capabilities grant nothing on the host")
        << report({.file = namespaced}) << u"not-running"_s << u"hypothetical-root"_s
        << u"Not running, and its file grants nothing: it runs as root only if you start it as root; the inspection "
           "found no capability it needs"_s;

    // A running process: measured, whatever its file says.
    QTest::newRow("root process (a daemon started as root)")
        << report({.file = file(), .process = process(0, u"root"_s, all, all)}, {kNetRaw}) << u"runs-as-root"_s
        << u"measured-process"_s << u"Runs as root with all capabilities; it needs CAP_NET_RAW"_s;
    QTest::newRow("root process in a narrow bounding set")
        << report({.process =
                       process(0, u"root"_s, names({u"CAP_NET_BIND_SERVICE"_s}), names({u"CAP_NET_BIND_SERVICE"_s}))},
                  {kNetBindService})
        << u"runs-as-root"_s << u"measured-process"_s
        << u"Runs as root with CAP_NET_BIND_SERVICE; it needs CAP_NET_BIND_SERVICE"_s;
    QTest::newRow("process that keeps uid 0 as its saved uid")
        << report({.process = process(107, u"prometheus"_s, {}, all, {}, 0)}) << u"runs-as-root"_s
        << u"measured-process"_s
        << u"Runs as root with all capabilities; the inspection found no capability it needs"_s;
    QTest::newRow("de-rooted process") << report({.file = file(), .process = process(107, u"prometheus"_s, {}, all)})
                                       << u"already-de-rooted"_s << u"measured-process"_s
                                       << u"Already runs as prometheus with no capabilities: nothing to de-root"_s;
    QTest::newRow("measured process outranks a set-uid root file")
        << report({.file = file(0, true), .process = process(1000, u"alice"_s, {}, all)}) << u"already-de-rooted"_s
        << u"measured-process"_s << u"Already runs as alice with no capabilities: nothing to de-root"_s;
    QTest::newRow("de-rooted process holding what it needs")
        << report({.process = process(110, u"agent"_s, names({u"CAP_NET_RAW"_s}), all)}, {kNetRaw})
        << u"already-de-rooted"_s << u"measured-process"_s
        << u"Already runs as agent with only CAP_NET_RAW: nothing to de-root"_s;
    QTest::newRow("process holding more than it needs")
        << report({.process = process(110, u"agent"_s, names({u"CAP_NET_RAW"_s, u"CAP_NET_ADMIN"_s}), all)}, {kNetRaw})
        << u"holds-more-than-needed"_s << u"measured-process"_s
        << u"Runs as agent, not root, but also holds CAP_NET_ADMIN, which the evidence does not show it needs; it "
           "needs CAP_NET_RAW"_s;
    QTest::newRow("non-root process with a root-equivalent capability")
        << report({.process = process(110, u"agent"_s, names({u"CAP_SYS_ADMIN"_s}), all)}) << u"root-equivalent"_s
        << u"measured-process"_s
        << u"Runs as agent, not root, but CAP_SYS_ADMIN amounts to root; the inspection found no capability it "
           "needs"_s;
    const QList<ProcessGroup> disk{{6, u"disk"_s, true}};
    QTest::newRow("non-root process in a root-equivalent group")
        << report({.process = process(110, u"agent"_s, {}, all, disk)}) << u"root-equivalent"_s << u"measured-process"_s
        << u"Runs as agent, not root, but group disk amounts to root; the inspection found no capability it needs"_s;

    // A unit that is not running: its settings.
    QTest::newRow("root unit, not running")
        << report({.file = file(), .unit = unit(u"agent.service"_s, {}, {})}, {kSysTime}) << u"runs-as-root"_s
        << u"measured-unit"_s
        << u"Its unit agent.service runs it as root with all capabilities; it needs CAP_SYS_TIME"_s;
    UnitSection prefixed = unit(u"agent.service"_s, u"agent"_s, {});
    prefixed.startsAsRoot = true;
    prefixed.runsAsRoot = true;
    QTest::newRow("unit that starts it as root despite User=")
        << report({.unit = prefixed}) << u"runs-as-root"_s << u"measured-unit"_s
        << u"Its unit agent.service starts it as root ('+' or '!' on ExecStart=) although User=agent, with no "
           "capabilities; the inspection found no capability it needs"_s;
    QTest::newRow("de-rooted unit (node exporter)")
        << report({.file = file(), .unit = unit(u"prometheus-node-exporter.service"_s, u"prometheus"_s, {})})
        << u"already-de-rooted"_s << u"measured-unit"_s
        << u"Its unit prometheus-node-exporter.service already runs it as prometheus with no capabilities: nothing "
           "to de-root"_s;
    QTest::newRow("de-rooted unit with its capability (chronyd-restricted)")
        << report({.unit = unit(u"chronyd-restricted.service"_s, u"_chrony"_s, {u"CAP_SYS_TIME"_s}, true)}, {kSysTime})
        << u"already-de-rooted"_s << u"measured-unit"_s
        << u"Its unit chronyd-restricted.service already runs it as _chrony with only CAP_SYS_TIME: nothing to "
           "de-root"_s;
    UnitSection fullBounding = unit(u"agent.service"_s, u"agent"_s, {});
    fullBounding.capabilityBoundingSetFull = true;
    QTest::newRow("unit without no_new_privs runs a set-uid root program")
        << report({.file = file(0, true), .unit = fullBounding}) << u"setuid-root"_s << u"measured-unit"_s
        << u"Its unit agent.service runs it as agent, but the program is set-uid root and nothing in the unit stops "
           "it from becoming root; the inspection found no capability it needs"_s;
    UnitSection withCaps = unit(u"agent.service"_s, u"agent"_s, {}, true);
    withCaps.capabilityBoundingSetFull = true;
    QTest::newRow("unit with no_new_privs: the file's capabilities do not act")
        << report({.file = file(0, true, false, {u"CAP_NET_RAW"_s}), .unit = withCaps}, {kNetRaw})
        << u"already-de-rooted"_s << u"measured-unit"_s
        << u"Its unit agent.service already runs it as agent with no capabilities: nothing to de-root"_s;
    QTest::newRow("unit without no_new_privs: the file's capabilities act")
        << report({.file = file(0, false, false, {u"CAP_NET_RAW"_s}), .unit = fullBounding}, {kNetRaw})
        << u"already-de-rooted"_s << u"measured-unit"_s
        << u"Its unit agent.service already runs it as agent with only CAP_NET_RAW: nothing to de-root"_s;
    UnitSection hostile = unit(u"agent.service"_s, u"evil\nline"_s, {});
    QTest::newRow("newline in User= stays on one line")
        << report({.unit = hostile}) << u"already-de-rooted"_s << u"measured-unit"_s
        << u"Its unit agent.service already runs it as evil\\nline with no capabilities: nothing to de-root"_s;
}

void TodayTest::verdict()
{
    QFETCH(InspectionReport, report);
    QFETCH(QString, id);
    QFETCH(QString, basis);
    QFETCH(QString, text);
    const Verdict verdict = verdictOf(report);
    QCOMPARE(verdict.text, text);
    QCOMPARE(verdict.id, id);
    QCOMPARE(todayBasisId(verdict.basis), basis);
    QCOMPARE(todayBasisId(assessToday(report).basis), basis);
    QCOMPARE(todayBasisFromId(basis), verdict.basis);
}

void TodayTest::reportCarriesTheVerdict()
{
    const InspectionReport fping = report({.file = file(0, false, false, {u"CAP_NET_RAW"_s})}, {kNetRaw});
    const QJsonObject verdict = toJson(fping).value(u"verdict"_s).toObject();
    QCOMPARE(verdict.value(u"id"_s).toString(), u"file-capabilities"_s);
    QCOMPARE(verdict.value(u"basis"_s).toString(), u"file-grants"_s);
    QCOMPARE(verdict.value(u"text"_s).toString(), verdictOf(fping).text);
    // The terminal form starts with it: the answer before the evidence.
    QCOMPARE(toText(fping).section(u'\n', 0, 0), verdictOf(fping).text);
    QVERIFY(!todayBasisFromId(u"plan"));
}

QTEST_GUILESS_MAIN(TodayTest)
#include "today_test.moc"
