// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// How long the systemd unit, the setcap line and the conflict check take for one agent,
// validators excluded: the GUI regenerates on every keystroke (the goal: under 1 ms median
// for every artifact). Measures only; never asserts a time.
#include "core/generate/conflicts.h"
#include "core/generate/generator.h"
#include "core/generate/inputvalidation.h"
#include "core/generate/setcapcommand.h"
#include "core/generate/systemdunit.h"

#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Deroot::Core::Method)

class SystemdUnitBench final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generate_data();
    void generate();
    void wholePlan_data();
    void wholePlan();
};

void SystemdUnitBench::generate_data()
{
    QTest::addColumn<bool>("dropIn");
    QTest::addRow("complete unit") << false;
    QTest::addRow("drop-in") << true;
}

void SystemdUnitBench::generate()
{
    QFETCH(bool, dropIn);
    GenerationInput input;
    input.agentId = u"chrony"_s;
    input.description = u"chronyd keeping the clock"_s;
    input.serviceUser = u"_chrony"_s;
    input.executable = u"/usr/sbin/chronyd"_s;
    input.arguments = {u"-U"_s, u"-F"_s, u"1"_s};
    input.packageName = u"chrony"_s;
    input.existingUnit = dropIn ? u"chrony.service"_s : QString();
    input.capabilities = {25, 10};
    input.supplementaryGroups = {u"adm"_s};
    input.readPaths = {u"/etc/chrony"_s};
    input.writePaths = {u"/var/lib/chrony"_s, u"/run/chrony"_s};
    input.addressFamilies = {u"AF_INET"_s, u"AF_INET6"_s};
    qsizetype bytes = 0;
    QBENCHMARK
    {
        if (!validateGenerationInput(input)) {
            const Artifact unit = systemdUnit(input);
            const Result<Artifact> setcap = setcapCommand(input);
            bytes += unit.content.size() + detectConflicts(input, {unit, setcap.value()}).size();
        }
    }
    QVERIFY(bytes > 0);
}

void SystemdUnitBench::wholePlan_data()
{
    QTest::addColumn<Method>("method");
    QTest::addRow("capabilities plan") << Method::Capabilities;
    QTest::addRow("sudo plan") << Method::Sudo;
    QTest::addRow("container plan") << Method::Container;
}

// Every artifact of a plan plus its conflicts and manifest: what the GUI redoes per keystroke.
void SystemdUnitBench::wholePlan()
{
    QFETCH(Method, method);
    GenerationInput input;
    input.method = method;
    input.agentId = u"fping"_s;
    input.description = u"fping"_s;
    input.serviceUser = u"fping"_s;
    input.executable = u"/usr/bin/fping"_s;
    input.executableSha256 = QString(64, u'0');
    input.packageName = u"fping"_s;
    input.capabilities = {13};
    input.addressFamilies = {u"AF_INET"_s, u"AF_INET6"_s};
    if (method == Method::Sudo) {
        input.capabilities.clear();
        input.sudoCommands = {{u"/usr/sbin/smartctl"_s, {u"--scan"_s}, true}};
    }
    qsizetype artifacts = 0;
    QBENCHMARK
    {
        const auto plan = generatePlan(input);
        artifacts += plan ? plan->artifacts.size() : 0;
    }
    QVERIFY(artifacts > 0);
}

QTEST_GUILESS_MAIN(SystemdUnitBench)
#include "systemdunit_bench.moc"
