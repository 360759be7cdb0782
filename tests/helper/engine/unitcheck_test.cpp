// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// A drop-in is written only for the unit of the plan's own program: read from what systemd says the
// unit runs (systemctl show), so that a plan for "/usr/sbin/sshd" that names sshd.service is the
// only way to touch sshd, and then the prompt names that program.
#include "app/helper/unitcheck.h"

#include <QTest>

using namespace Deroot::Helper;
using namespace Qt::StringLiterals;

namespace {

QByteArray execStart(const QByteArray &path)
{
    return "ExecStart={ path=" + path + " ; argv[]=" + path +
           " $ARGS ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }\n";
}

} // namespace

class UnitCheckTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decides_data()
    {
        QTest::addColumn<QByteArray>("show");
        QTest::addColumn<QString>("problem"); // empty: allowed
        const QByteArray exporter = execStart("/usr/bin/prometheus-node-exporter");
        QTest::newRow("the agent's own unit") << exporter + "LoadState=loaded\n" << QString();
        QTest::newRow("another program's unit (sshd)") << execStart("/usr/sbin/sshd") + "LoadState=loaded\n"
                                                       << u"not the plan's program"_s;
        QTest::newRow("a unit that does not exist") << QByteArray("LoadState=not-found\n") << u"not loaded"_s;
        QTest::newRow("a masked unit") << exporter + "LoadState=masked\n" << u"not loaded"_s;
        QTest::newRow("no answer") << QByteArray() << u"not loaded (unknown)"_s;
        QTest::newRow("no ExecStart (a oneshot without one)") << QByteArray("LoadState=loaded\n") << u"0 commands"_s;
        QTest::newRow("two commands, the agent's first") << exporter + execStart("/usr/bin/sh") + "LoadState=loaded\n"
                                                         << u"2 commands"_s;
        QTest::newRow("a program whose name starts like the agent's")
            << execStart("/usr/bin/prometheus-node-exporter-evil") + "LoadState=loaded\n"
            << u"not the plan's program"_s;
    }

    void decides()
    {
        QFETCH(QByteArray, show);
        QFETCH(QString, problem);
        // The same rule for a drop-in and for the unit a switch-over stops.
        for (const UnitUse use : {UnitUse::DropIn, UnitUse::Replace}) {
            const auto result = unitTargetProblem(u"prometheus-node-exporter.service"_s,
                                                  u"/usr/bin/prometheus-node-exporter"_s, show, use);
            if (problem.isEmpty()) {
                QVERIFY2(!result, result ? qPrintable(*result) : "");
                continue;
            }
            QVERIFY(result);
            QVERIFY2(result->contains(problem), qPrintable(*result));
            QVERIFY2(result->contains(u"'prometheus-node-exporter.service'"_s), qPrintable(*result));
            QVERIFY(!result->contains(u'\n'));
            // Each says what the plan would have done to the unit.
            QVERIFY2(result->contains(use == UnitUse::DropIn ? u"drop-in"_s : u"replace"_s) ||
                         result->contains(u"stop and disable"_s),
                     qPrintable(*result));
        }
    }
};

QTEST_GUILESS_MAIN(UnitCheckTest)
#include "unitcheck_test.moc"
