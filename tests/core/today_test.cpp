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

QJsonArray names(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonArray everyCapability()
{
    QJsonArray all;
    for (const CapabilityInfo &info : capabilityTable()) {
        all.append(QString::fromLatin1(info.name));
    }
    return all;
}

// A file section as the file inspector writes it.
QJsonObject file(int uid = 0, bool setuid = false, bool setgid = false, const QStringList &caps = {},
                 const QString &group = u"gid 0 (root)"_s)
{
    return {{u"canonical_path"_s, u"/usr/bin/agent"_s},
            {u"uid"_s, uid},
            {u"gid"_s, 0},
            {u"owner"_s, uid == 0 ? u"uid 0 (root)"_s : u"uid %1 (games)"_s.arg(uid)},
            {u"group"_s, group},
            {u"setuid"_s, setuid},
            {u"setgid"_s, setgid},
            {u"package"_s, u"agent"_s},
            {u"capabilities"_s, caps.isEmpty() ? QJsonValue()
                                               : QJsonValue(QJsonObject{{u"text"_s, u"cap_net_raw=ep"_s},
                                                                        {u"permitted"_s, names(caps)},
                                                                        {u"inheritable"_s, QJsonArray()},
                                                                        {u"effective"_s, true},
                                                                        {u"rootid"_s, QJsonValue()}})}};
}

// A process section as the process inspector writes it.
QJsonObject process(int uid, const QString &user, const QJsonArray &effective, const QJsonArray &bounding,
                    const QJsonArray &groups = {}, int saved = -1)
{
    return {{u"uid"_s, QJsonObject{{u"real"_s, uid}, {u"effective"_s, uid}, {u"saved"_s, saved < 0 ? uid : saved}}},
            {u"user"_s, user},
            {u"effective_user"_s, user},
            {u"groups"_s, groups},
            {u"no_new_privs"_s, false},
            {u"capabilities"_s, QJsonObject{{u"effective"_s, effective},
                                            {u"permitted"_s, effective},
                                            {u"bounding"_s, bounding},
                                            {u"ambient"_s, QJsonArray()}}}};
}

// A unit section as the unit inspector writes it; nothing of the sandbox unless @p hardened.
QJsonObject unit(const QString &id, const QString &user, const QStringList &ambient, bool hardened = false)
{
    const bool root = user.isEmpty();
    return {{u"id"_s, id},
            {u"user"_s, root ? QJsonValue() : QJsonValue(user)},
            {u"dynamic_user"_s, false},
            {u"runs_as_root"_s, root},
            {u"starts_as_root"_s, false},
            {u"supplementary_groups"_s, QJsonArray()},
            {u"ambient_capabilities"_s, names(ambient)},
            {u"capability_bounding_set"_s, root ? everyCapability() : names(ambient)},
            {u"capability_bounding_set_full"_s, root},
            {u"no_new_privileges"_s, hardened},
            {u"no_new_privileges_implied_by"_s, QJsonArray()},
            {u"protect_system"_s, hardened ? QJsonValue(u"strict"_s) : QJsonValue()},
            {u"private_network"_s, false},
            {u"restrict_address_families"_s, hardened ? QJsonValue(u"AF_UNIX AF_INET AF_INET6"_s) : QJsonValue()},
            {u"system_call_filter"_s, QJsonObject{{u"mode"_s, hardened ? u"allow"_s : u"none"_s}}}};
}

InspectionReport report(const QJsonObject &sections, const QList<int> &needs = {}, const QList<int> &optional = {})
{
    InspectionReport report;
    report.sections = sections;
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

    const QJsonArray all = everyCapability();

    // The program file alone: what it grants whoever runs it, or the hypothetical case.
    QTest::newRow("file capability binary (fping)")
        << report({{u"file"_s, file(0, false, false, {u"CAP_NET_RAW"_s})}}, {kNetRaw}) << u"file-capabilities"_s
        << u"file-grants"_s
        << u"Nothing to de-root: its file capabilities already give it only CAP_NET_RAW, not root; it needs root only "
           "if you run it as root"_s;
    QTest::newRow("set-uid root binary (passwd)")
        << report({{u"file"_s, file(0, true)}}) << u"setuid-root"_s << u"file-grants"_s
        << u"Set-uid root: everyone who runs it runs it as root; the inspection found no capability it needs"_s;
    QTest::newRow("set-uid to another user")
        << report({{u"file"_s, file(5, true)}}) << u"set-id"_s << u"file-grants"_s
        << u"Set-uid games: everyone who runs it runs it as games, not root; it needs root only if you run it as "
           "root"_s;
    QTest::newRow("set-gid to an ordinary group")
        << report({{u"file"_s, file(0, false, true, {}, u"gid 102 (crontab)"_s)}}) << u"set-id"_s << u"file-grants"_s
        << u"Set-gid crontab: everyone who runs it gets group crontab, not root; it needs root only if you run it as "
           "root"_s;
    QTest::newRow("set-gid to a root-equivalent group")
        << report({{u"file"_s, file(0, false, true, {}, u"gid 42 (shadow)"_s)}}) << u"root-equivalent"_s
        << u"file-grants"_s
        << u"Set-gid shadow: everyone who runs it gets group shadow, which amounts to root; the inspection found no "
           "capability it needs"_s;
    QTest::newRow("root-equivalent file capability")
        << report({{u"file"_s, file(0, false, false, {u"CAP_SYS_ADMIN"_s})}}, {21}) << u"root-equivalent"_s
        << u"file-grants"_s
        << u"Its file capabilities give everyone who runs it CAP_SYS_ADMIN, which amounts to root; it needs "
           "CAP_SYS_ADMIN"_s;
    QTest::newRow("plain program, not running")
        << report({{u"file"_s, file()}}, {kNetRaw}) << u"not-running"_s << u"hypothetical-root"_s
        << u"Not running, and its file grants nothing: it runs as root only if you start it as root; it needs "
           "CAP_NET_RAW"_s;
    QTest::newRow("plain program that needs nothing")
        << report({{u"file"_s, file()}}) << u"not-running"_s << u"hypothetical-root"_s
        << u"Not running, and its file grants nothing: it runs as root only if you start it as root; the inspection "
           "found no capability it needs"_s;
    QTest::newRow("conditional need is said to be one")
        << report({{u"file"_s, file()}}, {kSysTime}, {kNetBindService}) << u"not-running"_s << u"hypothetical-root"_s
        << u"Not running, and its file grants nothing: it runs as root only if you start it as root; it needs "
           "CAP_SYS_TIME, and CAP_NET_BIND_SERVICE only in some configurations"_s;
    // The kernel honours neither set-uid nor file capabilities on a script, nor v3 capabilities
    // outside their user namespace.
    QJsonObject script{{u"file"_s, file(0, true, false, {u"CAP_NET_RAW"_s})}, {u"script"_s, QJsonObject()}};
    QTest::newRow("script: its set-uid bit and capabilities grant nothing")
        << report(script) << u"not-running"_s << u"hypothetical-root"_s
        << u"Not running, and its file grants nothing: it runs as root only if you start it as root; the inspection "
           "found no capability it needs"_s;
    QJsonObject namespaced = file(0, false, false, {u"CAP_NET_RAW"_s});
    QJsonObject namespacedCaps = namespaced.value(u"capabilities"_s).toObject();
    namespacedCaps.insert(u"rootid"_s, 100000);
    namespaced.insert(u"capabilities"_s, namespacedCaps);
    QTest::newRow("namespaced file capabilities grant nothing on the host")
        << report({{u"file"_s, namespaced}}) << u"not-running"_s << u"hypothetical-root"_s
        << u"Not running, and its file grants nothing: it runs as root only if you start it as root; the inspection "
           "found no capability it needs"_s;

    // A running process: measured, whatever its file says.
    QTest::newRow("root process (a daemon started as root)")
        << report({{u"process"_s, process(0, u"root"_s, all, all)}, {u"file"_s, file()}}, {kNetRaw})
        << u"runs-as-root"_s << u"measured-process"_s << u"Runs as root with all capabilities; it needs CAP_NET_RAW"_s;
    QTest::newRow("root process in a narrow bounding set")
        << report({{u"process"_s,
                    process(0, u"root"_s, names({u"CAP_NET_BIND_SERVICE"_s}), names({u"CAP_NET_BIND_SERVICE"_s}))}},
                  {kNetBindService})
        << u"runs-as-root"_s << u"measured-process"_s
        << u"Runs as root with CAP_NET_BIND_SERVICE; it needs CAP_NET_BIND_SERVICE"_s;
    QTest::newRow("process that keeps uid 0 as its saved uid")
        << report({{u"process"_s, process(107, u"prometheus"_s, {}, all, {}, 0)}}) << u"runs-as-root"_s
        << u"measured-process"_s
        << u"Runs as root with all capabilities; the inspection found no capability it needs"_s;
    QTest::newRow("de-rooted process") << report({{u"process"_s, process(107, u"prometheus"_s, {}, all)},
                                                  {u"file"_s, file()}})
                                       << u"already-de-rooted"_s << u"measured-process"_s
                                       << u"Already runs as prometheus with no capabilities: nothing to de-root"_s;
    QTest::newRow("measured process outranks a set-uid root file")
        << report({{u"process"_s, process(1000, u"alice"_s, {}, all)}, {u"file"_s, file(0, true)}})
        << u"already-de-rooted"_s << u"measured-process"_s
        << u"Already runs as alice with no capabilities: nothing to de-root"_s;
    QTest::newRow("de-rooted process holding what it needs")
        << report({{u"process"_s, process(110, u"agent"_s, names({u"CAP_NET_RAW"_s}), all)}}, {kNetRaw})
        << u"already-de-rooted"_s << u"measured-process"_s
        << u"Already runs as agent with only CAP_NET_RAW: nothing to de-root"_s;
    QTest::newRow("process holding more than it needs")
        << report({{u"process"_s, process(110, u"agent"_s, names({u"CAP_NET_RAW"_s, u"CAP_NET_ADMIN"_s}), all)}},
                  {kNetRaw})
        << u"holds-more-than-needed"_s << u"measured-process"_s
        << u"Runs as agent, not root, but also holds CAP_NET_ADMIN, which the evidence does not show it needs; it "
           "needs CAP_NET_RAW"_s;
    QTest::newRow("non-root process with a root-equivalent capability")
        << report({{u"process"_s, process(110, u"agent"_s, names({u"CAP_SYS_ADMIN"_s}), all)}}) << u"root-equivalent"_s
        << u"measured-process"_s
        << u"Runs as agent, not root, but CAP_SYS_ADMIN amounts to root; the inspection found no capability it "
           "needs"_s;
    const QJsonArray disk{QJsonObject{{u"gid"_s, 6}, {u"name"_s, u"disk"_s}, {u"root_equivalent"_s, true}}};
    QTest::newRow("non-root process in a root-equivalent group")
        << report({{u"process"_s, process(110, u"agent"_s, {}, all, disk)}}) << u"root-equivalent"_s
        << u"measured-process"_s
        << u"Runs as agent, not root, but group disk amounts to root; the inspection found no capability it needs"_s;

    // A unit that is not running: its settings.
    QTest::newRow("root unit, not running")
        << report({{u"unit"_s, unit(u"agent.service"_s, {}, {})}, {u"file"_s, file()}}, {kSysTime}) << u"runs-as-root"_s
        << u"measured-unit"_s
        << u"Its unit agent.service runs it as root with all capabilities; it needs CAP_SYS_TIME"_s;
    QJsonObject prefixed = unit(u"agent.service"_s, u"agent"_s, {});
    prefixed.insert(u"starts_as_root"_s, true);
    prefixed.insert(u"runs_as_root"_s, true);
    QTest::newRow("unit that starts it as root despite User=")
        << report({{u"unit"_s, prefixed}}) << u"runs-as-root"_s << u"measured-unit"_s
        << u"Its unit agent.service starts it as root ('+' or '!' on ExecStart=) although User=agent, with no "
           "capabilities; the inspection found no capability it needs"_s;
    QTest::newRow("de-rooted unit (node exporter)")
        << report({{u"unit"_s, unit(u"prometheus-node-exporter.service"_s, u"prometheus"_s, {})}, {u"file"_s, file()}})
        << u"already-de-rooted"_s << u"measured-unit"_s
        << u"Its unit prometheus-node-exporter.service already runs it as prometheus with no capabilities: nothing "
           "to de-root"_s;
    QTest::newRow("de-rooted unit with its capability (chronyd-restricted)")
        << report({{u"unit"_s, unit(u"chronyd-restricted.service"_s, u"_chrony"_s, {u"CAP_SYS_TIME"_s}, true)}},
                  {kSysTime})
        << u"already-de-rooted"_s << u"measured-unit"_s
        << u"Its unit chronyd-restricted.service already runs it as _chrony with only CAP_SYS_TIME: nothing to "
           "de-root"_s;
    QJsonObject fullBounding = unit(u"agent.service"_s, u"agent"_s, {});
    fullBounding.insert(u"capability_bounding_set_full"_s, true);
    QTest::newRow("unit without no_new_privs runs a set-uid root program")
        << report({{u"unit"_s, fullBounding}, {u"file"_s, file(0, true)}}) << u"setuid-root"_s << u"measured-unit"_s
        << u"Its unit agent.service runs it as agent, but the program is set-uid root and nothing in the unit stops "
           "it from becoming root; the inspection found no capability it needs"_s;
    QJsonObject withCaps = unit(u"agent.service"_s, u"agent"_s, {}, true);
    withCaps.insert(u"capability_bounding_set_full"_s, true);
    QTest::newRow("unit with no_new_privs: the file's capabilities do not act")
        << report({{u"unit"_s, withCaps}, {u"file"_s, file(0, true, false, {u"CAP_NET_RAW"_s})}}, {kNetRaw})
        << u"already-de-rooted"_s << u"measured-unit"_s
        << u"Its unit agent.service already runs it as agent with no capabilities: nothing to de-root"_s;
    QTest::newRow("unit without no_new_privs: the file's capabilities act")
        << report({{u"unit"_s, fullBounding}, {u"file"_s, file(0, false, false, {u"CAP_NET_RAW"_s})}}, {kNetRaw})
        << u"already-de-rooted"_s << u"measured-unit"_s
        << u"Its unit agent.service already runs it as agent with only CAP_NET_RAW: nothing to de-root"_s;
    QJsonObject hostile = unit(u"agent.service"_s, u"evil\nline"_s, {});
    QTest::newRow("newline in User= stays on one line")
        << report({{u"unit"_s, hostile}}) << u"already-de-rooted"_s << u"measured-unit"_s
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
    const InspectionReport fping = report({{u"file"_s, file(0, false, false, {u"CAP_NET_RAW"_s})}}, {kNetRaw});
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
