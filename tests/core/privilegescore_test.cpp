// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The effective-privilege score must order plans the way docs/privilege-score.md defends: for a
// network agent a container below capabilities below sudo, all far below root; for a
// root-equivalent need the narrow sudo rule below a capability on the whole agent.
#include "core/recommend/privilegescore.h"

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
    InspectionReport program;
    program.sections.insert(u"file"_s, QJsonObject{{u"canonical_path"_s, u"/usr/bin/agent"_s}});
    QCOMPARE(currentPrivilege(program).value, 100.0);
}

QTEST_GUILESS_MAIN(PrivilegeScoreTest)
#include "privilegescore_test.moc"
