// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The effective-privilege score must order plans the way docs/privilege-score.md defends: for a
// network agent a container below capabilities below sudo, all far below root; for a
// root-equivalent need the narrow sudo rule below a capability on the whole agent.
#include "core/recommend/privilegescore.h"

#include "core/model/capabilities.h"

#include <QJsonArray>
#include <QTest>

#include <algorithm>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

class PrivilegeScoreTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void networkAgentOrder();
    void rootEquivalentNeedOrder();
    void nothingNeededIsZero();
    void currentFromAProcess();
    void currentFromAProgramAlone();
    void currentFromFileGrants();
    void currentFromAUnit();
    void aReadBackUnitScoresWhatItsPlanSaid();
    void basisInJson();
};

namespace {

GenerationInput plan(Method method, const QList<int> &capabilities, const QList<SudoCommand> &commands = {})
{
    GenerationInput input;
    input.method = method;
    input.serviceUser = u"agent"_s;
    input.capabilities = capabilities;
    input.sudoCommands = commands;
    return input;
}

} // namespace

void PrivilegeScoreTest::networkAgentOrder()
{
    const double container = plannedPrivilege(plan(Method::Container, {13})).value;
    const double caps = plannedPrivilege(plan(Method::Capabilities, {13})).value;
    const double sudo = plannedPrivilege(plan(Method::Sudo, {}, {{u"/usr/bin/fping"_s, {}, true}})).value;
    QVERIFY2(container < caps && caps < sudo, qPrintable(u"%1 %2 %3"_s.arg(container).arg(caps).arg(sudo)));
    QVERIFY(sudo < 10); // all three are minimal next to root
    GenerationInput noSystemd = plan(Method::Capabilities, {13});
    noSystemd.runsUnderSystemd = false;
    QVERIFY(plannedPrivilege(noSystemd).value > caps); // setcap alone: no sandbox, everyone gets them
}

void PrivilegeScoreTest::rootEquivalentNeedOrder()
{
    const double caps = plannedPrivilege(plan(Method::Capabilities, {17})).value; // CAP_SYS_RAWIO
    const double sudo =
        plannedPrivilege(plan(Method::Sudo, {}, {{u"/usr/sbin/smartctl"_s, {u"--scan"_s}, true}})).value;
    QVERIFY2(sudo < caps, qPrintable(u"sudo %1, capabilities %2"_s.arg(sudo).arg(caps)));
    const PrivilegeScore score = plannedPrivilege(plan(Method::Capabilities, {17}));
    QVERIFY(std::any_of(score.components.cbegin(), score.components.cend(), [](const PrivilegeComponent &c) {
        return c.id == u"capability.CAP_SYS_RAWIO" && c.text.contains(u"root-equivalent"_s);
    }));
    // A sudo rule that may start other programs counts for more than one with NOEXEC.
    const double exec = plannedPrivilege(plan(Method::Sudo, {}, {{u"/usr/sbin/smartctl"_s, {}, false}})).value;
    QVERIFY(exec > sudo);
}

void PrivilegeScoreTest::nothingNeededIsZero()
{
    const PrivilegeScore score = plannedPrivilege(plan(Method::Capabilities, {}));
    QCOMPARE(score.value, 0.0);
    QCOMPARE(score.verdict, u"minimal"_s);
}

void PrivilegeScoreTest::currentFromAProcess()
{
    InspectionReport root;
    root.sections.insert(
        u"process"_s, QJsonObject{{u"uid"_s, QJsonObject{{u"effective"_s, 0}}},
                                  {u"capabilities"_s,
                                   QJsonObject{{u"effective"_s, QJsonArray{u"CAP_SYS_ADMIN"_s, u"CAP_NET_RAW"_s}}}}});
    QCOMPARE(currentPrivilege(root).value, 100.0);
    QCOMPARE(currentPrivilege(root).verdict, u"root-level"_s);

    InspectionReport user;
    user.sections.insert(u"process"_s,
                         QJsonObject{{u"uid"_s, QJsonObject{{u"effective"_s, 100}}},
                                     {u"capabilities"_s, QJsonObject{{u"effective"_s, QJsonArray{u"CAP_NET_RAW"_s}}}}});
    QCOMPARE(currentPrivilege(user).value, 6.0);
}

void PrivilegeScoreTest::currentFromAProgramAlone()
{
    // Nothing runs it and its file grants nothing: 100 is only the case of running it as root,
    // and says so.
    InspectionReport program;
    program.sections.insert(u"file"_s, QJsonObject{{u"canonical_path"_s, u"/usr/bin/agent"_s}});
    const PrivilegeScore score = currentPrivilege(program);
    QCOMPARE(score.value, 100.0);
    QCOMPARE(score.basis, TodayBasis::HypotheticalRoot);
    QVERIFY(score.components.first().text.startsWith(u"if run as root"_s));
    QCOMPARE(privilegeBasisText(score.basis), u"if run as root"_s);
}

void PrivilegeScoreTest::currentFromFileGrants()
{
    // fping as Debian ships it: root:root 0755, cap_net_raw=ep. Whoever runs it gets CAP_NET_RAW
    // (moderate, 6) and so does everyone else who may run it (5): not root, not 100.
    InspectionReport fping;
    fping.sections.insert(u"file"_s,
                          QJsonObject{{u"uid"_s, 0},
                                      {u"setuid"_s, false},
                                      {u"setgid"_s, false},
                                      {u"capabilities"_s, QJsonObject{{u"permitted"_s, QJsonArray{u"CAP_NET_RAW"_s}},
                                                                      {u"effective"_s, true},
                                                                      {u"rootid"_s, QJsonValue()}}}});
    const PrivilegeScore caps = currentPrivilege(fping);
    QCOMPARE(caps.basis, TodayBasis::FileGrants);
    QCOMPARE(caps.value, 11.0);
    QCOMPARE(caps.verdict, u"low"_s);
    QVERIFY(plannedPrivilege(plan(Method::Capabilities, {13})).value < caps.value);
    // Called by another agent, the plan is the same file capability: the same number, not the
    // hardened unit's, which a called program does not get.
    GenerationInput called = plan(Method::Capabilities, {13});
    called.startMode = StartMode::CalledBy;
    called.serviceUser.clear();
    called.callerUser = u"zabbix"_s;
    const PrivilegeScore planned = plannedPrivilege(called);
    QCOMPARE(planned.value, caps.value);
    QVERIFY2(planned.components.first().text.contains(u"its caller zabbix"_s),
             qPrintable(planned.components.first().text));

    // A set-uid root program makes everyone who runs it root.
    InspectionReport passwd;
    passwd.sections.insert(u"file"_s,
                           QJsonObject{{u"uid"_s, 0}, {u"setuid"_s, true}, {u"capabilities"_s, QJsonValue()}});
    QCOMPARE(currentPrivilege(passwd).basis, TodayBasis::FileGrants);
    QCOMPARE(currentPrivilege(passwd).value, 100.0);
    QVERIFY(currentPrivilege(passwd).components.first().text.contains(u"set-uid root"_s));
}

void PrivilegeScoreTest::currentFromAUnit()
{
    QJsonArray all;
    for (const CapabilityInfo &info : capabilityTable()) {
        all.append(QString::fromLatin1(info.name));
    }
    InspectionReport root;
    root.sections.insert(u"unit"_s, QJsonObject{{u"id"_s, u"agent.service"_s},
                                                {u"runs_as_root"_s, true},
                                                {u"capability_bounding_set"_s, all},
                                                {u"capability_bounding_set_full"_s, true}});
    QCOMPARE(currentPrivilege(root).basis, TodayBasis::MeasuredUnit);
    QCOMPARE(currentPrivilege(root).value, 100.0);

    // Root without any root-equivalent capability, in a hardened unit: the sandbox counts.
    InspectionReport narrow;
    narrow.sections.insert(u"unit"_s, QJsonObject{{u"id"_s, u"agent.service"_s},
                                                  {u"runs_as_root"_s, true},
                                                  {u"capability_bounding_set"_s, QJsonArray{u"CAP_NET_BIND_SERVICE"_s}},
                                                  {u"no_new_privileges"_s, true},
                                                  {u"protect_system"_s, u"strict"_s},
                                                  {u"restrict_address_families"_s, u"AF_INET"_s},
                                                  {u"system_call_filter"_s, QJsonObject{{u"mode"_s, u"allow"_s}}}});
    QCOMPARE(currentPrivilege(narrow).value, 31.0); // (60 + 2) x 0.5

    // A de-rooted unit: its user, no capability, nothing else.
    InspectionReport derooted;
    derooted.sections.insert(u"unit"_s, QJsonObject{{u"id"_s, u"prometheus-node-exporter.service"_s},
                                                    {u"user"_s, u"prometheus"_s},
                                                    {u"runs_as_root"_s, false},
                                                    {u"capability_bounding_set_full"_s, true}});
    QCOMPARE(currentPrivilege(derooted).value, 0.0);
    QCOMPARE(currentPrivilege(derooted).basis, TodayBasis::MeasuredUnit);

    // A running main process outranks the unit's settings: measured.
    derooted.sections.insert(u"process"_s, QJsonObject{{u"uid"_s, QJsonObject{{u"real"_s, 0}, {u"effective"_s, 0}}},
                                                       {u"capabilities"_s, QJsonObject{{u"bounding"_s, all}}}});
    QCOMPARE(currentPrivilege(derooted).basis, TodayBasis::MeasuredProcess);
    QCOMPARE(currentPrivilege(derooted).value, 100.0);
}

void PrivilegeScoreTest::aReadBackUnitScoresWhatItsPlanSaid()
{
    // The unit the capabilities method writes, read back from systemd once applied: the same
    // number the plan promised (CAP_NET_RAW in a hardened unit).
    InspectionReport applied;
    applied.sections.insert(u"unit"_s, QJsonObject{{u"id"_s, u"deroot-fping.service"_s},
                                                   {u"user"_s, u"fping"_s},
                                                   {u"runs_as_root"_s, false},
                                                   {u"ambient_capabilities"_s, QJsonArray{u"CAP_NET_RAW"_s}},
                                                   {u"capability_bounding_set"_s, QJsonArray{u"CAP_NET_RAW"_s}},
                                                   {u"no_new_privileges"_s, true},
                                                   {u"protect_system"_s, u"strict"_s},
                                                   {u"restrict_address_families"_s, u"AF_UNIX AF_INET AF_INET6"_s},
                                                   {u"system_call_filter"_s, QJsonObject{{u"mode"_s, u"allow"_s}}}});
    QCOMPARE(currentPrivilege(applied).value, plannedPrivilege(plan(Method::Capabilities, {13})).value);
}

void PrivilegeScoreTest::basisInJson()
{
    InspectionReport program;
    program.sections.insert(u"file"_s, QJsonObject{{u"uid"_s, 0}});
    QCOMPARE(toJson(currentPrivilege(program)).value(u"basis"_s).toString(), u"hypothetical-root"_s);
    QCOMPARE(toJson(plannedPrivilege(plan(Method::Capabilities, {13}))).value(u"basis"_s).toString(), u"plan"_s);
}

QTEST_GUILESS_MAIN(PrivilegeScoreTest)
#include "privilegescore_test.moc"
