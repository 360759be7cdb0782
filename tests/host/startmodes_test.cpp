// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The start modes, in the booted test host with the distribution's node exporter: a plan fits how the
// agent runs today. Every route into a plan (the program's path, its running process, its unit)
// reaches the same plan, a drop-in for the packaged unit rather than a second copy; and an agent
// started by hand on a non-default address keeps that address through the apply, checked by
// connecting to it, and the rollback leaves /etc as it was.
#include "applysupport.h"
#include "hostsupport.h"
#include "manifest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

namespace {
const QString kWork = u"/var/tmp/deroot-startmodes-test"_s;
const QString kProgram = u"/usr/bin/prometheus-node-exporter"_s;
const QString kUnit = u"prometheus-node-exporter.service"_s;

QJsonObject readPlan(const QString &folder)
{
    QFile file(folder + u"/plan.json"_s);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

QString fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// What a plan is, without what only the machine that made it can say (the validators' verdicts, the
// privilege before it: review-only keys that differ by route, since a process's privilege is
// measured and a program's is not).
QJsonObject comparable(QJsonObject plan)
{
    plan.remove(u"validations"_s);
    plan.remove(u"effective_privilege"_s);
    return plan;
}

bool connects(const QString &host, quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    ::inet_pton(AF_INET, host.toLatin1().constData(), &address.sin_addr);
    const bool ok = fd >= 0 && ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    if (fd >= 0) {
        ::close(fd);
    }
    return ok;
}
} // namespace

class StartModesHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
        QVERIFY2(QFile::exists(kProgram), "the test host lacks prometheus-node-exporter");
        QDir(kWork).removeRecursively();
        QVERIFY(QDir().mkpath(kWork));
        makeReadable(kWork);
    }

    void cleanupTestCase()
    {
        for (const QString &id : std::as_const(m_applied)) {
            derootctl({u"rollback"_s, u"--json"_s, id});
        }
        if (m_handStarted.state() != QProcess::NotRunning) {
            m_handStarted.kill();
            m_handStarted.waitForFinished();
        }
        QDir(kWork).removeRecursively();
    }

    // The path, the running process and the unit give one plan, a drop-in for
    // the packaged unit, and never a second unit beside it.
    void everyRouteReachesTheSamePlan()
    {
        const QString wasActive = systemctlShow(kUnit, u"ActiveState"_s);
        QVERIFY(hostRun(u"systemctl"_s, {u"start"_s, kUnit}).exitCode == 0);
        QVERIFY(waitFor([] { return systemctlShow(kUnit, u"MainPID"_s).toInt() > 0; }, 10000));
        const QString pid = systemctlShow(kUnit, u"MainPID"_s);
        const QString byPath = generatePlan(kWork, {kProgram, u"--method"_s, u"caps"_s});
        const QString byPid = generatePlan(kWork, {u"--pid"_s, pid, u"--method"_s, u"caps"_s});
        const QString byUnit = generatePlan(kWork, {u"--unit"_s, kUnit, u"--method"_s, u"caps"_s});
        if (wasActive != u"active") {
            hostRun(u"systemctl"_s, {u"stop"_s, kUnit});
        }
        QVERIFY(!byPath.isEmpty() && !byPid.isEmpty() && !byUnit.isEmpty());
        const QJsonObject unitPlan = comparable(readPlan(byUnit));
        QCOMPARE(unitPlan.value(u"input"_s).toObject().value(u"unit"_s).toObject().value(u"existing"_s).toString(),
                 kUnit);
        for (const QString &folder : {byPath, byPid}) {
            const QJsonObject plan = comparable(readPlan(folder));
            QVERIFY2(plan == unitPlan, qPrintable(QString::fromUtf8(QJsonDocument(plan).toJson()) + u"\nversus\n"_s +
                                                  QString::fromUtf8(QJsonDocument(unitPlan).toJson())));
            QVERIFY(QFile::exists(folder + u"/deroot.conf"_s));
            QVERIFY(!QFile::exists(folder + u"/deroot-node_exporter.service"_s));
        }
    }

    // The packaged unit gets a drop-in, and exactly one node exporter runs, as its unit's
    // main process, after the apply and after the rollback.
    void dropInKeepsExactlyOneInstance()
    {
        const QString wasActive = systemctlShow(kUnit, u"ActiveState"_s);
        auto restore = qScopeGuard([&] {
            if (wasActive != u"active") {
                hostRun(u"systemctl"_s, {u"stop"_s, kUnit});
            }
        });
        QCOMPARE(hostRun(u"systemctl"_s, {u"start"_s, kUnit}).exitCode, 0);
        const auto oneInstance = [] {
            const HostRun found = hostRun(u"pgrep"_s, {u"-x"_s, u"prometheus-node"_s});
            const QString pids = found.output.trimmed();
            return found.exitCode == 0 && !pids.contains(u'\n') && pids == systemctlShow(kUnit, u"MainPID"_s);
        };
        QVERIFY(waitFor(oneInstance, 10000));
        const Manifest before = systemManifest();
        const QString folder = generatePlan(kWork, {kProgram, u"--method"_s, u"caps"_s});
        QVERIFY(!folder.isEmpty());
        QVERIFY(QFile::exists(folder + u"/deroot.conf"_s));
        const CtlRun applied = derootctl({u"apply"_s, u"--json"_s, folder});
        const QString id = applied.json.value(u"apply_id"_s).toString();
        if (!id.isEmpty()) {
            m_applied << id;
        }
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
        QVERIFY(QFile::exists(u"/etc/systemd/system/%1.d/deroot.conf"_s.arg(kUnit)));
        QVERIFY2(waitFor(oneInstance, 10000), qPrintable(hostRun(u"pgrep"_s, {u"-a"_s, u"prometheus"_s}).output));
        QCOMPARE(systemctlShow(kUnit, u"User"_s), u"prometheus"_s);
        const CtlRun rolledBack = derootctl({u"rollback"_s, u"--json"_s, id});
        QVERIFY2(rolledBack.exitCode == 0, qPrintable(rolledBack.out + rolledBack.err));
        m_applied.removeAll(id);
        QVERIFY2(waitFor(oneInstance, 10000), qPrintable(hostRun(u"pgrep"_s, {u"-a"_s, u"prometheus"_s}).output));
        const QString diff = manifestDiff(before, systemManifest());
        QVERIFY2(diff.isEmpty(), qPrintable(u"the rollback left differences:\n"_s + diff));
    }

    // Started by hand on 127.0.0.1:19100, picked as a process: the plan's unit
    // runs it with that command line, so after the apply it answers there, and nowhere else.
    void handStartedAgentKeepsItsAddress()
    {
        const quint16 port = 19100;
        QVERIFY2(!connects(u"127.0.0.1"_s, port), "something listens on 19100 already");
        m_handStarted.start(kProgram, {u"--web.listen-address=127.0.0.1:19100"_s});
        QVERIFY(m_handStarted.waitForStarted());
        QVERIFY(waitFor([&] { return connects(u"127.0.0.1"_s, port); }, 10000));
        const Manifest before = systemManifest();
        const QString folder =
            generatePlan(kWork, {u"--pid"_s, QString::number(m_handStarted.processId()), u"--method"_s, u"caps"_s});
        QVERIFY(!folder.isEmpty());
        const QJsonObject input = readPlan(folder).value(u"input"_s).toObject();
        QCOMPARE(input.value(u"program"_s).toObject().value(u"arguments"_s).toArray(),
                 QJsonArray{u"--web.listen-address=127.0.0.1:19100"_s});
        // A command line that drops the address is no silent change: derootctl stops, naming it,
        // until the admin keeps it or accepts the change.
        const QString pid = QString::number(m_handStarted.processId());
        const CtlRun dropped = derootctl({u"generate"_s, u"--pid"_s, pid, u"--method"_s, u"caps"_s,
                                          u"--args=--log.level=info"_s, u"--out"_s, kWork + u"/dropped"_s});
        QCOMPARE(dropped.exitCode, 2);
        QVERIFY2(dropped.err.contains(u"It listens on 127.0.0.1:19100 today, set by "
                                      u"'--web.listen-address=127.0.0.1:19100'"_s) &&
                     dropped.err.contains(u"--accept-address-change"_s) && dropped.err.count(u'\n') == 1,
                 qPrintable(dropped.err));
        QVERIFY(!QFileInfo::exists(kWork + u"/dropped"_s));
        const CtlRun accepted =
            derootctl({u"generate"_s, u"--pid"_s, pid, u"--method"_s, u"caps"_s, u"--args=--log.level=info"_s,
                       u"--accept-address-change"_s, u"--out"_s, kWork + u"/accepted"_s});
        QVERIFY2(accepted.exitCode == 0, qPrintable(accepted.err));
        // The plan cannot stop a copy started outside any unit: derootctl says so, naming it.
        const CtlRun noted = derootctl(
            {u"generate"_s, u"--pid"_s, pid, u"--method"_s, u"caps"_s, u"--json"_s, u"--out"_s, kWork + u"/noted"_s});
        QVERIFY2(noted.exitCode == 0, qPrintable(noted.err));
        const QJsonArray notes = noted.json.value(u"notes"_s).toArray();
        QVERIFY2(notes.size() == 1 &&
                     notes.at(0).toString().startsWith(u"It runs today as process %1 outside any"_s.arg(pid)) &&
                     notes.at(0).toString().contains(u"Stop it before the apply"_s),
                 qPrintable(noted.out));
        const QString unitText = fileText(folder + u"/deroot-node_exporter.service"_s);
        QVERIFY2(unitText.contains(u"\nExecStart=/usr/bin/prometheus-node-exporter "
                                   u"--web.listen-address=127.0.0.1:19100\n"_s),
                 qPrintable(unitText));

        // The admin stops the copy started by hand (a process outside any unit is theirs to stop),
        // then applies.
        m_handStarted.terminate();
        QVERIFY(m_handStarted.waitForFinished(10000));
        QVERIFY(waitFor([&] { return !connects(u"127.0.0.1"_s, port); }, 10000));
        const CtlRun applied = derootctl({u"apply"_s, u"--json"_s, folder});
        const QString id = applied.json.value(u"apply_id"_s).toString();
        if (!id.isEmpty()) {
            m_applied << id;
        }
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
        QVERIFY(waitFor([&] { return connects(u"127.0.0.1"_s, port); }, 10000));
        const QString mainPid = systemctlShow(u"deroot-node_exporter.service"_s, u"MainPID"_s);
        const QString commandLine = fileText(u"/proc/"_s + mainPid + u"/cmdline"_s);
        QVERIFY2(commandLine.contains(u"--web.listen-address=127.0.0.1:19100"_s), qPrintable(commandLine));
        QCOMPARE(procStatus(mainPid).contains(u"Uid:\t0\t"_s), false);
        // Not exposed on the machine's other addresses: 19100 is bound to the loopback address only.
        const QString tcp = fileText(u"/proc/net/tcp"_s);
        QVERIFY2(tcp.contains(u"0100007F:4A9C"_s) && !tcp.contains(u"00000000:4A9C"_s), qPrintable(tcp));

        const CtlRun rolledBack = derootctl({u"rollback"_s, u"--json"_s, id});
        QVERIFY2(rolledBack.exitCode == 0, qPrintable(rolledBack.out + rolledBack.err));
        m_applied.removeAll(id);
        QVERIFY(waitFor([&] { return !connects(u"127.0.0.1"_s, port); }, 10000));
        const QString diff = manifestDiff(before, systemManifest());
        QVERIFY2(diff.isEmpty(), qPrintable(u"the rollback left differences:\n"_s + diff));
    }

    // Picked among the running processes, a tool another agent's unit started (fping pinging for
    // a monitoring agent) is planned as called by that agent's user; the other agent's unit is
    // never the plan's.
    void childOfAnotherAgentIsCalledByIt()
    {
        const QString parent = u"deroot-test-parent.service"_s;
        auto stop = qScopeGuard([&] { hostRun(u"systemctl"_s, {u"stop"_s, parent}); });
        QCOMPARE(hostRun(u"systemd-run"_s, {u"--unit"_s, parent, u"-p"_s, u"User=prometheus"_s, u"/bin/sh"_s, u"-c"_s,
                                            u"/usr/bin/fping -l -p 1000 127.0.0.1 >/dev/null & wait"_s})
                     .exitCode,
                 0);
        QString pid;
        QVERIFY(waitFor(
            [&] {
                const HostRun found = hostRun(u"pgrep"_s, {u"-u"_s, u"prometheus"_s, u"-x"_s, u"fping"_s});
                pid = found.output.trimmed();
                return found.exitCode == 0 && !pid.isEmpty() && !pid.contains(u'\n');
            },
            10000));
        QVERIFY(pid != systemctlShow(parent, u"MainPID"_s));
        const CtlRun generated = derootctl(
            {u"generate"_s, u"--pid"_s, pid, u"--method"_s, u"caps"_s, u"--json"_s, u"--out"_s, kWork + u"/child"_s});
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
        const QJsonObject input = readPlan(kWork + u"/child"_s).value(u"input"_s).toObject();
        QCOMPARE(input.value(u"start"_s).toObject().value(u"mode"_s).toString(), u"called_by"_s);
        QCOMPARE(input.value(u"start"_s).toObject().value(u"caller_user"_s).toString(), u"prometheus"_s);
        QCOMPARE(input.value(u"unit"_s).toObject().value(u"existing"_s).toString(), QString());
        QCOMPARE(input.value(u"program"_s).toObject().value(u"path"_s).toString(), u"/usr/bin/fping"_s);
        const QStringList files = QDir(kWork + u"/child"_s).entryList(QDir::Files);
        QVERIFY2(!files.contains(u"deroot.conf"_s) && !files.join(u' ').contains(u".service"_s),
                 qPrintable(files.join(u' ')));
        QVERIFY(generated.json.value(u"notes"_s).toArray().isEmpty());
    }

private:
    QProcess m_handStarted;
    QStringList m_applied;
};

QTEST_GUILESS_MAIN(StartModesHostTest)
#include "startmodes_test.moc"
