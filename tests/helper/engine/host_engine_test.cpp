// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The engine on a real system, inside the booted test host, through the test-only driver (no D-Bus,
// no polkit: the helper's service tests test those): plans for a capabilities agent, a sudo agent, a setcap
// agent and a container export are applied with the real useradd, visudo, systemd and libcap,
// checked with the real tools (systemctl, sudo -l -U, getcap, /proc), and rolled back leaving /etc
// and the program's capabilities byte-identical. Then the driver is killed with SIGKILL at every
// step boundary of an apply, and the next start restores the old state every time with sudo's
// configuration valid. Runs as root in the test host; changes only the test host.
// tests/host/applycrash_test.cpp kills the real, D-Bus-activated helper the same way; this one
// stays because it tells an engine fault from one of the D-Bus shell, and covers the caps plan
// with a new unit.
#include "planfixture.h"
#include "testroot.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Deroot;
using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QJsonObject json;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program, arguments);
    process.waitForFinished(120000);
    Run result;
    result.crashed = process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    const QByteArray out = process.readAllStandardOutput();
    result.json = QJsonDocument::fromJson(out).object();
    result.out = out + process.readAllStandardError();
    return result;
}

Run driver(const QStringList &arguments)
{
    return run(QStringLiteral(DEROOT_ENGINE_DRIVER_PATH), arguments);
}

// /etc and the program, as the rollback must leave them: every entry's type, mode, owner, bytes
// and file capabilities. /etc/ld.so.cache and the like do not change in a test host.
QStringList systemManifest()
{
    QStringList lines = TestSupport::manifest(u"/etc"_s);
    const QStringList program = TestSupport::manifest(u"/usr/local/bin"_s);
    for (const QString &line : program) {
        lines << u"/usr/local/bin"_s + line;
    }
    return lines;
}

QString firstDifference(const QStringList &a, const QStringList &b)
{
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        if (a.value(i) != b.value(i)) {
            return u"before: %1\nafter:  %2"_s.arg(a.value(i), b.value(i));
        }
    }
    return {};
}

} // namespace

class HostEngineTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_exports.isValid());
        // The agent: a copy of sleep, root-owned, as a packaged binary would be.
        QFile::remove(TestSupport::kTestProgram);
        QVERIFY(QDir().mkpath(u"/usr/local/bin"_s));
        QVERIFY(QFile::copy(u"/usr/bin/sleep"_s, TestSupport::kTestProgram));
        QVERIFY(QFile::setPermissions(TestSupport::kTestProgram, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                                     QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                                                     QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                                     QFileDevice::ExeOther));
        QFile program(TestSupport::kTestProgram);
        QVERIFY(program.open(QIODevice::ReadOnly));
        m_programBytes = program.readAll();
        for (const QString &kind : {u"caps"_s, u"sudo"_s, u"setcap"_s, u"container"_s}) {
            const auto written =
                TestSupport::writePlanExport(kind, m_exports.filePath(kind), TestSupport::kTestProgram, m_programBytes);
            QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
        }
    }

    void appliesChecksAndRollsBack_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("caps") << u"caps"_s;
        QTest::newRow("sudo") << u"sudo"_s;
        QTest::newRow("setcap") << u"setcap"_s;
        QTest::newRow("container (export only)") << u"container"_s;
    }

    void appliesChecksAndRollsBack()
    {
        QFETCH(QString, kind);
        const QStringList before = systemManifest();
        QElapsedTimer timer;
        timer.start();
        const Run applied = driver({u"apply"_s, m_exports.filePath(kind)});
        // Measured, never asserted: the goal is under a second each, on a release build.
        qInfo("apply of the %s plan: %lld ms (the driver, ASan/UBSan in the ci build)", qPrintable(kind),
              timer.elapsed());
        QVERIFY2(applied.exitCode == 0, applied.out.constData());
        const QString id = applied.json.value(u"id"_s).toString();
        const QString unit = u"deroot-%1agent.service"_s.arg(kind);
        const QString user = u"deroot-%1agent"_s.arg(kind);
        if (kind == u"caps" || kind == u"sudo") {
            QVERIFY2(applied.json.value(u"agent_checked"_s).toBool(), applied.out.constData());
            QCOMPARE(run(u"systemctl"_s, {u"is-active"_s, unit}).out.trimmed(), QByteArray("active"));
            QCOMPARE(run(u"systemctl"_s, {u"is-enabled"_s, unit}).out.trimmed(), QByteArray("enabled"));
            QCOMPARE(run(u"systemctl"_s, {u"show"_s, u"--property=User"_s, u"--value"_s, unit}).out.trimmed(),
                     user.toUtf8());
        }
        if (kind == u"caps") {
            // The capability comes from the unit (AmbientCapabilities=), not from the file.
            QCOMPARE(
                run(u"systemctl"_s, {u"show"_s, u"--property=AmbientCapabilities"_s, u"--value"_s, unit}).out.trimmed(),
                QByteArray("cap_net_raw"));
            QVERIFY(run(u"getcap"_s, {TestSupport::kTestProgram}).out.trimmed().isEmpty());
        }
        if (kind == u"sudo") {
            const Run list = run(u"sudo"_s, {u"-l"_s, u"-U"_s, user});
            QVERIFY2(list.out.contains("(root) NOEXEC: NOPASSWD: /usr/bin/id -u\n"), list.out.constData());
            QCOMPARE(list.out.count("(root)"), 1);
            QCOMPARE(run(u"visudo"_s, {u"-c"_s}).exitCode, 0);
        }
        if (kind == u"setcap") {
            const Run getcap = run(u"getcap"_s, {TestSupport::kTestProgram});
            QCOMPARE(getcap.out.trimmed(), (TestSupport::kTestProgram + u" cap_net_raw=ep"_s).toUtf8());
        }
        if (kind == u"container") {
            QCOMPARE(systemManifest(), before);
        } else {
            QVERIFY(systemManifest() != before);
            QVERIFY(run(u"id"_s, {user}).exitCode == 0);
        }
        const Run history = driver({u"history"_s});
        QCOMPARE(history.json.value(u"history"_s).toArray().at(0).toObject().value(u"id"_s).toString(), id);

        timer.restart();
        const Run rolledBack = driver({u"rollback"_s, id});
        qInfo("rollback of the %s plan: %lld ms", qPrintable(kind), timer.elapsed());
        QVERIFY2(rolledBack.exitCode == 0, rolledBack.out.constData());
        const QStringList after = TestSupport::withAccountBackupsAsBefore(before, systemManifest());
        QVERIFY2(after == before, qPrintable(firstDifference(before, after)));
        QVERIFY(run(u"getcap"_s, {TestSupport::kTestProgram}).out.trimmed().isEmpty());
        QVERIFY(run(u"id"_s, {user}).exitCode != 0 || kind == u"container");
        if (kind == u"caps" || kind == u"sudo") {
            QVERIFY(run(u"systemctl"_s, {u"is-active"_s, unit}).out.trimmed() != "active");
        }
    }

    void hostileRequestIsRefusedWithNothingChanged()
    {
        const QStringList before = systemManifest();
        // The binary swapped after review: the plan's hash no longer matches what is on disk.
        QFile program(TestSupport::kTestProgram);
        QVERIFY(program.open(QIODevice::Append));
        program.write("x");
        program.close();
        const QStringList swapped = systemManifest();
        const Run refused = driver({u"apply"_s, m_exports.filePath(u"setcap"_s)});
        QCOMPARE(refused.exitCode, int(Core::ExitCode::Refused));
        QVERIFY2(refused.json.value(u"error"_s).toString().contains(u"SHA-256"_s), refused.out.constData());
        QCOMPARE(systemManifest(), swapped);
        QVERIFY(program.open(QIODevice::ReadWrite | QIODevice::Truncate));
        program.write(m_programBytes);
        program.close();
        QCOMPARE(systemManifest(), before);
    }

    // SIGKILL at every step boundary of an apply (the crash hook), then the next start's
    // recovery: the old state every time, and sudo's configuration valid.
    void recoversFromAKillAtEveryStepBoundary_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("boundary");
        for (const QString &kind : {u"sudo"_s, u"caps"_s}) {
            for (int boundary = 0; boundary < 12; ++boundary) {
                QTest::addRow("%s, boundary %d", qPrintable(kind), boundary) << kind << boundary;
            }
        }
    }

    void recoversFromAKillAtEveryStepBoundary()
    {
        QFETCH(QString, kind);
        QFETCH(int, boundary);
        const QStringList before = systemManifest();
        const Run killed = driver({u"apply"_s, m_exports.filePath(kind), u"--crash-at"_s, QString::number(boundary)});
        QVERIFY2(killed.crashed, killed.out.constData());
        const Run recovered = driver({u"recover"_s});
        QVERIFY2(recovered.exitCode == 0, recovered.out.constData());
        QCOMPARE(recovered.json.value(u"recovered"_s).toArray().size(), 1);
        const QStringList after = TestSupport::withAccountBackupsAsBefore(before, systemManifest());
        QVERIFY2(after == before, qPrintable(firstDifference(before, after)));
        const Run visudo = run(u"visudo"_s, {u"-c"_s});
        QVERIFY2(visudo.exitCode == 0, visudo.out.constData());
        QVERIFY(run(u"systemctl"_s, {u"is-active"_s, u"deroot-%1agent.service"_s.arg(kind)}).out.trimmed() != "active");
    }

private:
    QTemporaryDir m_exports;
    QByteArray m_programBytes;
};

QTEST_GUILESS_MAIN(HostEngineTest)
#include "host_engine_test.moc"
