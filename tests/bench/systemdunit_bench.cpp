// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// How long the systemd unit, the setcap line and the conflict check take for one agent,
// validators excluded: the GUI regenerates on every keystroke (the goal: under 1 ms
// median for every artifact). Measures only; never asserts a time.
#include "core/generate/conflicts.h"
#include "core/generate/inputvalidation.h"
#include "core/generate/setcapcommand.h"
#include "core/generate/systemdunit.h"

#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

class SystemdUnitBench final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generate_data();
    void generate();
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

QTEST_GUILESS_MAIN(SystemdUnitBench)
#include "systemdunit_bench.moc"
