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

std::uint64_t bits(const QList<int> &capabilities)
{
    std::uint64_t mask = 0;
    for (const int capability : capabilities) {
        mask |= std::uint64_t(1) << capability;
    }
    return mask;
}

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
    root.process.emplace().uid.effective = 0;
    root.process->capabilities.effective = bits({21, 13}); // CAP_SYS_ADMIN, CAP_NET_RAW
    QCOMPARE(currentPrivilege(root).value, 100.0);
    QCOMPARE(currentPrivilege(root).verdict, u"root-level"_s);

    InspectionReport user;
    user.process.emplace().uid.effective = 100;
    user.process->capabilities.effective = bits({13});
    QCOMPARE(currentPrivilege(user).value, 6.0);
}

void PrivilegeScoreTest::currentFromAProgramAlone()
{
    // Nothing runs it and its file grants nothing: 100 is only the case of running it as root,
    // and says so.
    InspectionReport program;
    program.file.emplace().canonicalPath = u"/usr/bin/agent"_s;
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
    FileSection &fpingFile = fping.file.emplace();
    fpingFile.uid = 0;
    fpingFile.capabilities = FileCapabilities{std::uint64_t(1) << 13, 0, true, u"cap_net_raw=ep"_s, std::nullopt};
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
    FileSection &passwdFile = passwd.file.emplace();
    passwdFile.uid = 0;
    passwdFile.setuid = true;
    QCOMPARE(currentPrivilege(passwd).basis, TodayBasis::FileGrants);
    QCOMPARE(currentPrivilege(passwd).value, 100.0);
    QVERIFY(currentPrivilege(passwd).components.first().text.contains(u"set-uid root"_s));
}

void PrivilegeScoreTest::currentFromAUnit()
{
    std::uint64_t all = 0;
    for (const CapabilityInfo &info : capabilityTable()) {
        all |= std::uint64_t(1) << info.number;
    }
    InspectionReport root;
    UnitSection &rootUnit = root.unit.emplace();
    rootUnit.id = u"agent.service"_s;
    rootUnit.runsAsRoot = true;
    rootUnit.capabilityBoundingSet = all;
    rootUnit.capabilityBoundingSetFull = true;
    QCOMPARE(currentPrivilege(root).basis, TodayBasis::MeasuredUnit);
    QCOMPARE(currentPrivilege(root).value, 100.0);

    // Root without any root-equivalent capability, in a hardened unit: the sandbox counts.
    InspectionReport narrow;
    UnitSection &narrowUnit = narrow.unit.emplace();
    narrowUnit.id = u"agent.service"_s;
    narrowUnit.runsAsRoot = true;
    narrowUnit.capabilityBoundingSet = bits({10}); // CAP_NET_BIND_SERVICE
    narrowUnit.noNewPrivileges = true;
    narrowUnit.protectSystem = u"strict"_s;
    narrowUnit.restrictAddressFamilies = u"AF_INET"_s;
    narrowUnit.systemCallFilterMode = u"allow"_s;
    QCOMPARE(currentPrivilege(narrow).value, 31.0); // (60 + 2) x 0.5

    // A de-rooted unit: its user, no capability, nothing else.
    InspectionReport derooted;
    UnitSection &derootedUnit = derooted.unit.emplace();
    derootedUnit.id = u"prometheus-node-exporter.service"_s;
    derootedUnit.user = u"prometheus"_s;
    derootedUnit.capabilityBoundingSetFull = true;
    QCOMPARE(currentPrivilege(derooted).value, 0.0);
    QCOMPARE(currentPrivilege(derooted).basis, TodayBasis::MeasuredUnit);

    // A running main process outranks the unit's settings: measured.
    ProcessSection &derootedProcess = derooted.process.emplace();
    derootedProcess.uid.real = 0;
    derootedProcess.uid.effective = 0;
    derootedProcess.capabilities.bounding = all;
    QCOMPARE(currentPrivilege(derooted).basis, TodayBasis::MeasuredProcess);
    QCOMPARE(currentPrivilege(derooted).value, 100.0);
}

void PrivilegeScoreTest::aReadBackUnitScoresWhatItsPlanSaid()
{
    // The unit the capabilities method writes, read back from systemd once applied: the same
    // number the plan promised (CAP_NET_RAW in a hardened unit).
    InspectionReport applied;
    UnitSection &unit = applied.unit.emplace();
    unit.id = u"deroot-fping.service"_s;
    unit.user = u"fping"_s;
    unit.ambientCapabilities = bits({13}); // CAP_NET_RAW
    unit.capabilityBoundingSet = bits({13});
    unit.noNewPrivileges = true;
    unit.protectSystem = u"strict"_s;
    unit.restrictAddressFamilies = u"AF_UNIX AF_INET AF_INET6"_s;
    unit.systemCallFilterMode = u"allow"_s;
    QCOMPARE(currentPrivilege(applied).value, plannedPrivilege(plan(Method::Capabilities, {13})).value);
}

void PrivilegeScoreTest::basisInJson()
{
    InspectionReport program;
    program.file.emplace().uid = 0;
    QCOMPARE(toJson(currentPrivilege(program)).value(u"basis"_s).toString(), u"hypothetical-root"_s);
    QCOMPARE(toJson(plannedPrivilege(plan(Method::Capabilities, {13}))).value(u"basis"_s).toString(), u"plan"_s);
}

QTEST_GUILESS_MAIN(PrivilegeScoreTest)
#include "privilegescore_test.moc"
