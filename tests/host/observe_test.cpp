// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// derootctl observe end to end in the booted test host, with real Debian agents started as an
// unprivileged user through the installed deroot-observer: what each is refused, it is found to
// need (fping and tcpdump CAP_NET_RAW, chronyd CAP_SYS_TIME, nginx on a port below 1024
// CAP_NET_BIND_SERVICE, ip's rtnetlink change CAP_NET_ADMIN), never CAP_SYS_ADMIN from the
// allocator; strace, forced, agrees. Then the bad inputs: an agent that exits at once, one that
// detaches, one that does not exist, a process that exits mid-observation, a unit that does not
// exist, eBPF refused, the time limit. No deroot-observe scope is left behind.
#include "hostsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

namespace {

const QString kDerootctl = u"/usr/bin/derootctl"_s;
const QString kWork = u"/var/tmp/deroot-observe-test"_s;

struct Observed
{
    int exitCode = -1;
    QJsonObject document;
    QString errors;
};

// `derootctl observe --json ARGUMENTS`; the agents' own output goes to standard error.
Observed observe(const QStringList &arguments, const QStringList &wrapper = {})
{
    QProcess process;
    const QStringList all = QStringList{u"observe"_s, u"--json"_s} + arguments;
    if (wrapper.isEmpty()) {
        process.start(kDerootctl, all);
    } else {
        process.start(wrapper.first(), wrapper.mid(1) + QStringList{kDerootctl} + all);
    }
    Observed observed;
    if (!process.waitForFinished(180000)) {
        process.kill();
        process.waitForFinished();
        observed.errors = u"timed out"_s;
        return observed;
    }
    observed.exitCode = process.exitCode();
    observed.errors = QString::fromLocal8Bit(process.readAllStandardError());
    observed.document = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    return observed;
}

// "CAP_NET_RAW" -> "needed", from the observation.
QHash<QString, QString> verdicts(const QJsonObject &document)
{
    QHash<QString, QString> out;
    for (const QJsonValue &capability : document[u"observation"_s][u"capabilities"_s].toArray()) {
        out.insert(capability[u"name"_s].toString(), capability[u"verdict"_s].toString());
    }
    return out;
}

QStringList neededCapabilities(const QJsonObject &document)
{
    QStringList names;
    for (const QJsonValue &need : document[u"needs"_s][u"capabilities"_s].toArray()) {
        names.append(need[u"name"_s].toString());
    }
    return names;
}

QJsonObject recording(const QJsonObject &document)
{
    return document[u"observation"_s][u"recording"_s].toObject();
}

QString dump(const Observed &observed)
{
    return u"exit "_s + QString::number(observed.exitCode) + u"\nstderr: "_s + observed.errors.left(2000) +
           u"\ndocument: "_s + QString::fromUtf8(QJsonDocument(observed.document).toJson()).left(6000);
}

// Nothing the observer made outlives it.
bool noScopeLeft()
{
    const HostRun units =
        hostRun(u"systemctl"_s, {u"list-units"_s, u"--all"_s, u"--no-legend"_s, u"deroot-observe-*"_s});
    return units.exitCode == 0 && units.output.trimmed().isEmpty();
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

} // namespace

class ObserveTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void agents_data();
    void agents();
    void asRootIsUsed();
    void pathFix_data();
    void pathFix();
    void exitsAtOnce();
    void detaches();
    void neverStarts();
    void pidExitsMidway();
    void unitMissing();
    void runningUnit();
    void bpfRefused();
    void timeLimit();
    void replayAndBadArguments();

private:
    QString m_pingGroupRange;
};

void ObserveTest::initTestCase()
{
    QVERIFY(QFile::exists(kDerootctl));
    QDir(kWork).removeRecursively();
    QVERIFY(QDir().mkpath(kWork));
    QVERIFY(QFile::setPermissions(kWork, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                                             QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup));
    // Unprivileged ICMP sockets would let fping work without CAP_NET_RAW.
    m_pingGroupRange = closePingGroupRange();
    QVERIFY(!m_pingGroupRange.isEmpty());
    // fping as Debian ships it holds cap_net_raw=ep; a copy holds nothing, as a plain build would.
    QVERIFY(QFile::copy(u"/usr/bin/fping"_s, kWork + u"/fping"_s));
    QVERIFY(QFile::setPermissions(kWork + u"/fping"_s, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther |
                                                           QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup));
    // chronyd with no servers, no command port, and files where nobody may write.
    QVERIFY(writeFile(kWork + u"/chrony.conf"_s, "cmdport 0\npidfile /tmp/deroot-observe-test-chronyd.pid\n"));
    // The same with its pid file where nobody may not write: a path fix, not a capability.
    QVERIFY(
        writeFile(kWork + u"/chrony-pidfile.conf"_s, "cmdport 0\npidfile /var/tmp/deroot-observe-test/chronyd.pid\n"));
    // nginx on port 999 of the loopback (the test host has its own network namespace).
    QVERIFY(QDir().mkpath(kWork + u"/nginx"_s));
    QVERIFY(writeFile(kWork + u"/nginx.conf"_s,
                      "pid /tmp/deroot-observe-nginx.pid;\nerror_log stderr;\nevents {}\nhttp {\n  access_log off;\n"
                      "  client_body_temp_path /tmp;\n  proxy_temp_path /tmp;\n  fastcgi_temp_path /tmp;\n"
                      "  uwsgi_temp_path /tmp;\n  scgi_temp_path /tmp;\n  server { listen 127.0.0.1:999; }\n}\n"));
}

void ObserveTest::cleanupTestCase()
{
    restorePingGroupRange(m_pingGroupRange);
    QDir(kWork).removeRecursively();
}

void ObserveTest::cleanup()
{
    QVERIFY2(waitFor(noScopeLeft, 10000), "a deroot-observe scope was left behind");
}

void ObserveTest::agents_data()
{
    QTest::addColumn<QString>("mechanism");
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<int>("rounds");
    QTest::addColumn<QString>("capability");
    QTest::addColumn<QString>("need"); // a port or family the needs must hold, "" for none

    const QString fping = kWork + u"/fping"_s;
    for (const QString &mechanism : {u"ebpf"_s, u"strace"_s}) {
        const QByteArray m = mechanism.toLatin1();
        QTest::addRow("%s: fping, a raw ICMP socket", m.constData())
            << mechanism << QStringList{fping, u"-c1"_s, u"127.0.0.1"_s} << 2 << u"CAP_NET_RAW"_s << u"AF_INET"_s;
        QTest::addRow("%s: tcpdump, a packet socket", m.constData())
            << mechanism << QStringList{u"/usr/bin/tcpdump"_s, u"-n"_s, u"-i"_s, u"lo"_s, u"-c"_s, u"1"_s} << 1
            << u"CAP_NET_RAW"_s << u"AF_PACKET"_s;
        // One round: with CAP_SYS_TIME chronyd would discipline the clock, which the test host shares.
        QTest::addRow("%s: chronyd, the clock", m.constData())
            << mechanism << QStringList{u"/usr/sbin/chronyd"_s, u"-d"_s, u"-U"_s, u"-f"_s, kWork + u"/chrony.conf"_s}
            << 1 << u"CAP_SYS_TIME"_s << QString();
        QTest::addRow("%s: nginx on port 999", m.constData())
            << mechanism
            << QStringList{u"/usr/sbin/nginx"_s, u"-c"_s, kWork + u"/nginx.conf"_s, u"-g"_s, u"daemon off;"_s} << 1
            << u"CAP_NET_BIND_SERVICE"_s << u"tcp/999"_s;
        // Setting lo's MTU to what it is: the change is refused all the same, and would change nothing.
        QTest::addRow("%s: ip link, an rtnetlink change", m.constData())
            << mechanism << QStringList{u"/usr/sbin/ip"_s, u"link"_s, u"set"_s, u"dev"_s, u"lo"_s, u"mtu"_s, u"65536"_s}
            << 1 << u"CAP_NET_ADMIN"_s << u"AF_NETLINK"_s;
    }
}

void ObserveTest::agents()
{
    QFETCH(QString, mechanism);
    QFETCH(QStringList, command);
    QFETCH(int, rounds);
    QFETCH(QString, capability);
    QFETCH(QString, need);

    const Observed observed = observe(QStringList{u"--mechanism"_s, mechanism, u"--seconds"_s, u"5"_s, u"--rounds"_s,
                                                  QString::number(rounds), u"--"_s} +
                                      command);
    QVERIFY2(observed.exitCode == 0, qPrintable(dump(observed)));
    const QJsonObject document = observed.document;
    QCOMPARE(document[u"schema"_s].toString(), u"deroot.observe/1"_s);
    QCOMPARE(recording(document)[u"mechanism"_s].toString(), mechanism);
    QCOMPARE(recording(document)[u"user"_s].toString(), u"nobody"_s);
    QCOMPARE(recording(document)[u"as_root"_s].toBool(), false);
    const auto found = verdicts(document);
    QVERIFY2(found.value(capability) == u"needed"_s, qPrintable(dump(observed)));
    QVERIFY2(neededCapabilities(document).contains(capability), qPrintable(dump(observed)));
    // The allocator's checks are noise, never a need.
    QVERIFY2(!neededCapabilities(document).contains(u"CAP_SYS_ADMIN"_s), qPrintable(dump(observed)));
    if (found.contains(u"CAP_SYS_ADMIN"_s)) {
        QCOMPARE(found.value(u"CAP_SYS_ADMIN"_s), u"noise"_s);
    }
    // Nothing it was not refused is claimed needed.
    for (auto it = found.cbegin(); it != found.cend(); ++it) {
        if (it.key() != capability && it.value() == u"needed"_s) {
            QFAIL(qPrintable(u"also needed: "_s + it.key() + u'\n' + dump(observed)));
        }
    }
    // The evidence names the refused call.
    for (const QJsonValue &entry : document[u"observation"_s][u"capabilities"_s].toArray()) {
        if (entry[u"name"_s].toString() == capability) {
            QVERIFY2(entry[u"evidence"_s].toString().startsWith(u"observed"_s), qPrintable(dump(observed)));
        }
    }
    if (need.startsWith(u"AF_"_s)) {
        QStringList families;
        for (const QJsonValue &family : document[u"needs"_s][u"address_families"_s].toArray()) {
            families.append(family[u"name"_s].toString());
        }
        QVERIFY2(families.contains(need), qPrintable(dump(observed)));
    } else if (!need.isEmpty()) {
        QStringList ports;
        for (const QJsonValue &port : document[u"needs"_s][u"listen_ports"_s].toArray()) {
            ports.append(port[u"protocol"_s].toString() + u'/' + QString::number(port[u"port"_s].toInt()));
        }
        QVERIFY2(ports.contains(need), qPrintable(dump(observed)));
    }
    if (rounds > 1) {
        // The second round had what the first was refused, and went on.
        QCOMPARE(recording(document)[u"rounds"_s].toInt(), 2);
        QCOMPARE(recording(document)[u"capabilities"_s].toArray().first().toString(), capability);
        QCOMPARE(recording(document)[u"exit_status"_s].toInt(-1), 0);
    }
}

void ObserveTest::asRootIsUsed()
{
    // Debian's fping holds cap_net_raw=ep: for nobody, the check is granted, so the capability is
    // used, not shown necessary; as root the same, with the note on what root hides.
    const Observed asUser = observe({u"--seconds"_s, u"5"_s, u"--"_s, u"/usr/bin/fping"_s, u"-c1"_s, u"127.0.0.1"_s});
    QVERIFY2(asUser.exitCode == 0, qPrintable(dump(asUser)));
    QCOMPARE(verdicts(asUser.document).value(u"CAP_NET_RAW"_s), u"used"_s);
    QCOMPARE(recording(asUser.document)[u"rounds"_s].toInt(), 1);
    const Observed asRoot = observe(
        {u"--user"_s, u"root"_s, u"--seconds"_s, u"5"_s, u"--"_s, u"/usr/bin/fping"_s, u"-c1"_s, u"127.0.0.1"_s});
    QVERIFY2(asRoot.exitCode == 0, qPrintable(dump(asRoot)));
    QCOMPARE(verdicts(asRoot.document).value(u"CAP_NET_RAW"_s), u"used"_s);
    QVERIFY(recording(asRoot.document)[u"as_root"_s].toBool());
    QVERIFY(
        asRoot.document[u"observation"_s][u"notes"_s].toArray().first().toString().startsWith(u"Observed as root"_s));
}

void ObserveTest::pathFix_data()
{
    QTest::addColumn<QString>("mechanism");
    QTest::newRow("ebpf") << u"ebpf"_s;
    QTest::newRow("strace") << u"strace"_s;
}

void ObserveTest::pathFix()
{
    QFETCH(QString, mechanism);
    const Observed observed =
        observe({u"--mechanism"_s, mechanism, u"--seconds"_s, u"5"_s, u"--rounds"_s, u"1"_s, u"--"_s,
                 u"/usr/sbin/chronyd"_s, u"-d"_s, u"-U"_s, u"-f"_s, kWork + u"/chrony-pidfile.conf"_s});
    QVERIFY2(observed.exitCode == 0, qPrintable(dump(observed)));
    const QString pidFile = kWork + u"/chronyd.pid"_s;
    bool fixed = false;
    for (const QJsonValue &fix : observed.document[u"observation"_s][u"path_fixes"_s].toArray()) {
        fixed = fixed || (fix[u"path"_s].toString() == pidFile && fix[u"access"_s].toString().contains(u"write"_s));
    }
    QVERIFY2(fixed, qPrintable(dump(observed)));
    QStringList writes;
    for (const QJsonValue &path : observed.document[u"needs"_s][u"write_paths"_s].toArray()) {
        writes.append(path[u"path"_s].toString());
    }
    QVERIFY2(writes.contains(pidFile), qPrintable(dump(observed)));
    // Access to the file is the answer, never the capability that passes permissions.
    QVERIFY(!neededCapabilities(observed.document).contains(u"CAP_DAC_OVERRIDE"_s));
}

void ObserveTest::exitsAtOnce()
{
    const Observed observed = observe({u"--seconds"_s, u"10"_s, u"--"_s, u"/bin/false"_s});
    QVERIFY2(observed.exitCode == 0, qPrintable(dump(observed)));
    QCOMPARE(recording(observed.document)[u"ended"_s].toString(), u"exited"_s);
    QCOMPARE(recording(observed.document)[u"exit_status"_s].toInt(), 1);
    QVERIFY(recording(observed.document)[u"duration_ns"_s].toInteger() < 5'000'000'000);
    QVERIFY2(QJsonDocument(recording(observed.document)[u"notes"_s].toArray()).toJson().contains("ended at once"),
             qPrintable(dump(observed)));
}

void ObserveTest::detaches()
{
    // The first process leaves a child behind and exits: it is watched until the child ends too.
    QElapsedTimer clock;
    clock.start();
    const Observed observed = observe(
        {u"--seconds"_s, u"20"_s, u"--"_s, u"/bin/sh"_s, u"-c"_s, u"/bin/sleep 2 </dev/null >/dev/null 2>&1 &"_s});
    QVERIFY2(observed.exitCode == 0, qPrintable(dump(observed)));
    QCOMPARE(recording(observed.document)[u"ended"_s].toString(), u"exited"_s);
    const qint64 ns = recording(observed.document)[u"duration_ns"_s].toInteger();
    QVERIFY2(ns >= 1'800'000'000 && ns < 15'000'000'000, qPrintable(dump(observed)));
}

void ObserveTest::neverStarts()
{
    const Observed missing = observe({u"--"_s, u"/usr/bin/no-such-agent"_s});
    QCOMPARE(missing.exitCode, 4);
    QVERIFY2(missing.errors.contains(u"no program /usr/bin/no-such-agent"_s), qPrintable(missing.errors));
    QCOMPARE(missing.document[u"error"_s][u"code"_s].toInt(), 4);
    // Not executable for its user: the exec is refused, and said so.
    QVERIFY(writeFile(kWork + u"/private-agent"_s, "#!/bin/sh\nexit 0\n"));
    QVERIFY(QFile::setPermissions(kWork + u"/private-agent"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const Observed refused = observe({u"--"_s, kWork + u"/private-agent"_s});
    QCOMPARE(refused.exitCode, 6);
    QVERIFY2(refused.errors.contains(u"could not execute the program: Permission denied"_s),
             qPrintable(refused.errors));
    const Observed noUser = observe({u"--user"_s, u"no-such-user"_s, u"--"_s, u"/bin/true"_s});
    QCOMPARE(noUser.exitCode, 4);
    QVERIFY2(noUser.errors.contains(u"no user \"no-such-user\""_s), qPrintable(noUser.errors));
}

void ObserveTest::pidExitsMidway()
{
    QProcess sleeper;
    sleeper.start(u"/bin/sleep"_s, {u"2"_s});
    QVERIFY(sleeper.waitForStarted());
    auto stop = qScopeGuard([&] {
        sleeper.kill();
        sleeper.waitForFinished();
    });
    const Observed observed = observe({u"--seconds"_s, u"30"_s, u"--pid"_s, QString::number(sleeper.processId())});
    QVERIFY2(observed.exitCode == 0, qPrintable(dump(observed)));
    QCOMPARE(recording(observed.document)[u"ended"_s].toString(), u"target-gone"_s);
    QVERIFY(recording(observed.document)[u"duration_ns"_s].toInteger() < 20'000'000'000);
    const Observed gone = observe({u"--pid"_s, u"4000000"_s});
    QCOMPARE(gone.exitCode, 4);
}

void ObserveTest::unitMissing()
{
    const Observed observed = observe({u"--unit"_s, u"no-such-agent.service"_s});
    QCOMPARE(observed.exitCode, 4);
    QVERIFY2(observed.errors.contains(u"no unit no-such-agent.service"_s), qPrintable(observed.errors));
}

void ObserveTest::runningUnit()
{
    QCOMPARE(hostRun(u"systemctl"_s, {u"start"_s, u"chrony.service"_s}).exitCode, 0);
    const Observed observed = observe({u"--seconds"_s, u"3"_s, u"--unit"_s, u"chrony.service"_s});
    QVERIFY2(observed.exitCode == 0, qPrintable(dump(observed)));
    QCOMPARE(recording(observed.document)[u"ended"_s].toString(), u"time-limit"_s);
    QVERIFY(recording(observed.document)[u"target"_s].toString().contains(u"chrony.service"_s));
    // The unit goes on: observing changed nothing of it.
    QCOMPARE(systemctlShow(u"chrony.service"_s, u"ActiveState"_s), u"active"_s);
}

void ObserveTest::bpfRefused()
{
    // Without the capabilities BPF needs, a forced eBPF says why; auto falls back to strace and says so.
    const QStringList without{u"/usr/bin/setpriv"_s, u"--bounding-set=-bpf,-perfmon,-sys_admin"_s,
                              u"--inh-caps=-bpf,-perfmon,-sys_admin"_s, u"--"_s};
    const Observed forced = observe({u"--mechanism"_s, u"ebpf"_s, u"--"_s, u"/bin/true"_s}, without);
    QCOMPARE(forced.exitCode, 3);
    QVERIFY2(forced.errors.contains(u"eBPF is not available"_s), qPrintable(forced.errors));
    const Observed fallback = observe({u"--seconds"_s, u"5"_s, u"--"_s, u"/bin/true"_s}, without);
    QVERIFY2(fallback.exitCode == 0, qPrintable(dump(fallback)));
    QCOMPARE(recording(fallback.document)[u"mechanism"_s].toString(), u"strace"_s);
    QVERIFY2(
        recording(fallback.document)[u"notes"_s].toArray().first().toString().startsWith(u"eBPF is not available"_s),
        qPrintable(dump(fallback)));
}

void ObserveTest::timeLimit()
{
    QElapsedTimer clock;
    clock.start();
    const Observed observed = observe({u"--seconds"_s, u"2"_s, u"--"_s, u"/bin/sleep"_s, u"60"_s});
    QVERIFY2(observed.exitCode == 0, qPrintable(dump(observed)));
    QCOMPARE(recording(observed.document)[u"ended"_s].toString(), u"time-limit"_s);
    QVERIFY(clock.elapsed() < 30000);
    // The agent was ended with the observation.
    QCOMPARE(hostRun(u"pgrep"_s, {u"-x"_s, u"-f"_s, u"/bin/sleep 60"_s}).exitCode, 1);
}

void ObserveTest::replayAndBadArguments()
{
    const Observed both = observe({u"--pid"_s, u"1"_s, u"--unit"_s, u"chrony.service"_s});
    QCOMPARE(both.exitCode, 2);
    const Observed seconds = observe({u"--seconds"_s, u"0"_s, u"--"_s, u"/bin/true"_s});
    QCOMPARE(seconds.exitCode, 2);
    QVERIFY2(seconds.errors.contains(u"--seconds"_s), qPrintable(seconds.errors));
    const Observed capability = observe({u"--capabilities"_s, u"CAP_ROOT"_s, u"--"_s, u"/bin/true"_s});
    QCOMPARE(capability.exitCode, 2);
    // As an ordinary user: the helper's route (host_observehelper_test), where polkit's default
    // needs an administrator's password and no agent can ask for one here: refused, nothing run.
    const Observed user = observe({u"--"_s, u"/bin/true"_s}, {u"/usr/bin/setpriv"_s, u"--reuid=nobody"_s,
                                                              u"--regid=nogroup"_s, u"--clear-groups"_s, u"--"_s});
    QCOMPARE(user.exitCode, 10);
    QVERIFY2(user.errors.contains(u"io.github.deroot.observe.run"_s) && user.errors.contains(u"nothing was run"_s),
             qPrintable(user.errors));
}

QTEST_GUILESS_MAIN(ObserveTest)
#include "observe_test.moc"
