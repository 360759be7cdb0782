// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What watching an agent costs and how right it is, in the booted test host (labels bench and
// host). Measures and prints; never asserts a time.
//  - Overhead: the CPU time (user + system) of the same work done by an agent run plainly as
//    nobody, and observed with eBPF and with strace, in turns: a syscall storm (dd, 400 000
//    reads and writes: the worst case, every call passes the tracepoints) and a busy exporter
//    (prometheus-node-exporter answering 100 scrapes).
//  - Report time: how long derootctl observe takes beyond the time it watched (starting the
//    scope, and from the end of the agent to the report), and --replay of the recording alone.
//  - Accuracy: for real agents, what observing them as nobody finds beside what static inspection,
//    the catalog and the distribution itself (file capabilities, the packaged unit) grant.
#include "hostsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRuns = 3;
const QString kDerootctl = u"/usr/bin/derootctl"_s;
const QString kWork = u"/var/tmp/deroot-observe-bench"_s;
const QStringList kAsNobody{u"/usr/bin/setpriv"_s, u"--reuid=nobody"_s, u"--regid=nogroup"_s, u"--clear-groups"_s,
                            u"--"_s};

double median(QList<double> values)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

struct Ran
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    double wallSeconds = 0;
};

Ran run(const QStringList &command, int timeoutMs = 600000)
{
    QProcess process;
    QElapsedTimer clock;
    clock.start();
    process.start(command.first(), command.mid(1));
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    Ran ran;
    ran.wallSeconds = double(clock.nsecsElapsed()) / 1e9;
    ran.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    ran.out = process.readAllStandardOutput();
    ran.err = process.readAllStandardError();
    return ran;
}

// The children's CPU seconds from a shell's `times` (its second line: "0m1.230000s 0m0.450000s").
double childrenCpu(const QByteArray &err)
{
    static const QRegularExpression line(uR"((\d+)m([\d.]+)s (\d+)m([\d.]+)s)"_s);
    auto it = line.globalMatch(QString::fromLatin1(err));
    QList<double> totals;
    while (it.hasNext()) {
        const auto m = it.next();
        totals.append(m.captured(1).toDouble() * 60 + m.captured(2).toDouble() + m.captured(3).toDouble() * 60 +
                      m.captured(4).toDouble());
    }
    return totals.size() >= 2 ? totals.at(1) : -1;
}

QStringList observe(const QString &mechanism, int seconds, const QStringList &command)
{
    return QStringList{kDerootctl,
                       u"observe"_s,
                       u"--json"_s,
                       u"--mechanism"_s,
                       mechanism,
                       u"--seconds"_s,
                       QString::number(seconds),
                       u"--rounds"_s,
                       u"1"_s,
                       u"--"_s} +
           command;
}

QJsonObject recordingOf(const Ran &ran)
{
    return QJsonDocument::fromJson(ran.out).object()[u"observation"_s][u"recording"_s].toObject();
}

// The CPU seconds (user + system) /proc gives for @p pid.
double processCpu(qint64 pid)
{
    QFile stat(u"/proc/"_s + QString::number(pid) + u"/stat"_s);
    if (!stat.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) ".
    return fields.size() > 12 ? (fields[11].toDouble() + fields[12].toDouble()) / double(sysconf(_SC_CLK_TCK)) : -1;
}

bool scrape(quint16 port)
{
    return httpGet(u"http://127.0.0.1:"_s + QString::number(port) + u"/metrics"_s)
        .contains(u"node_cpu_seconds_total"_s);
}

qint64 exporterPid()
{
    const HostRun found = hostRun(u"pgrep"_s, {u"-n"_s, u"-f"_s, u"web.listen-address=127.0.0.1:19100"_s});
    return found.exitCode == 0 ? found.output.trimmed().toLongLong() : -1;
}

} // namespace

class ObserveBench final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void syscallStorm();
    void busyExporter();
    void reportTime();
    void accuracy();

private:
    QString m_pingGroupRange;
};

void ObserveBench::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    QDir(kWork).removeRecursively();
    QVERIFY(QDir().mkpath(kWork));
    QFile::setPermissions(kWork, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                                     QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup);
    m_pingGroupRange = closePingGroupRange();
    QVERIFY(QFile::copy(u"/usr/bin/fping"_s, kWork + u"/fping"_s));
    QFile::setPermissions(kWork + u"/fping"_s, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
    QFile conf(kWork + u"/chrony.conf"_s);
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("cmdport 0\npidfile /tmp/deroot-observe-bench-chronyd.pid\n");
    conf.close();
    QFile nginx(kWork + u"/nginx.conf"_s);
    QVERIFY(nginx.open(QIODevice::WriteOnly));
    nginx.write("pid /tmp/deroot-observe-bench-nginx.pid;\nerror_log stderr;\nevents {}\nhttp {\n  access_log off;\n"
                "  client_body_temp_path /tmp;\n  proxy_temp_path /tmp;\n  fastcgi_temp_path /tmp;\n"
                "  uwsgi_temp_path /tmp;\n  scgi_temp_path /tmp;\n  server { listen 127.0.0.1:998; }\n}\n");
}

void ObserveBench::cleanupTestCase()
{
    restorePingGroupRange(m_pingGroupRange);
    QDir(kWork).removeRecursively();
}

void ObserveBench::syscallStorm()
{
    const QStringList work{u"/bin/sh"_s, u"-c"_s,
                           u"dd if=/dev/zero of=/dev/null bs=64 count=200000 2>/dev/null; times >&2"_s};
    QMap<QString, QList<double>> cpu;
    QMap<QString, QList<double>> wall;
    for (int i = 0; i < kRuns; ++i) {
        const Ran plain = run(kAsNobody + work);
        const Ran ebpf = run(observe(u"ebpf"_s, 600, work));
        const Ran strace = run(observe(u"strace"_s, 600, work));
        QVERIFY2(plain.exitCode == 0 && ebpf.exitCode == 0 && strace.exitCode == 0,
                 QByteArray(plain.err + ebpf.err + strace.err).constData());
        cpu[u"plain"_s].append(childrenCpu(plain.err));
        cpu[u"ebpf"_s].append(childrenCpu(ebpf.err));
        cpu[u"strace"_s].append(childrenCpu(strace.err));
        wall[u"plain"_s].append(plain.wallSeconds);
        wall[u"ebpf"_s].append(ebpf.wallSeconds);
        wall[u"strace"_s].append(strace.wallSeconds);
    }
    const double base = median(cpu[u"plain"_s]);
    std::printf("\nobserve overhead, syscall storm (dd, 2e5 reads and 2e5 writes, as nobody), median of %d:\n", kRuns);
    std::printf("  %-8s %12s %8s %12s\n", "run", "agent CPU s", "ratio", "wall s");
    for (const QString &name : {u"plain"_s, u"ebpf"_s, u"strace"_s}) {
        std::printf("  %-8s %12.3f %8.3f %12.3f\n", qPrintable(name), median(cpu[name]),
                    base > 0 ? median(cpu[name]) / base : 0.0, median(wall[name]));
    }
}

void ObserveBench::busyExporter()
{
    const QStringList exporter{u"/usr/bin/prometheus-node-exporter"_s, u"--web.listen-address=127.0.0.1:19100"_s};
    constexpr int kScrapes = 100;
    QMap<QString, QList<double>> cpu;
    for (int i = 0; i < kRuns; ++i) {
        for (const QString &how : {u"plain"_s, u"ebpf"_s, u"strace"_s}) {
            QProcess agent;
            const QStringList command = how == u"plain"_s ? kAsNobody + exporter : observe(how, 600, exporter);
            agent.start(command.first(), command.mid(1));
            QVERIFY(agent.waitForStarted());
            QVERIFY2(waitFor([] { return scrape(19100); }, 30000), qPrintable(how));
            const qint64 pid = exporterPid();
            QVERIFY(pid > 0);
            const double before = processCpu(pid);
            for (int s = 0; s < kScrapes; ++s) {
                QVERIFY(scrape(19100));
            }
            const double after = processCpu(pid);
            cpu[how].append(after - before);
            hostRun(u"kill"_s, {QString::number(pid)});
            QVERIFY(agent.waitForFinished(60000));
            QVERIFY2(agent.exitCode() == 0 || how == u"plain"_s, agent.readAllStandardError().constData());
        }
    }
    const double base = median(cpu[u"plain"_s]);
    std::printf("\nobserve overhead, prometheus-node-exporter answering %d scrapes (as nobody), median of %d:\n",
                kScrapes, kRuns);
    std::printf("  %-8s %12s %8s\n", "run", "agent CPU s", "ratio");
    for (const QString &name : {u"plain"_s, u"ebpf"_s, u"strace"_s}) {
        std::printf("  %-8s %12.3f %8.3f\n", qPrintable(name), median(cpu[name]),
                    base > 0 ? median(cpu[name]) / base : 0.0);
    }
}

void ObserveBench::reportTime()
{
    // Beyond the watched time: the scope before, and from the agent's end to the report.
    QMap<QString, QList<double>> beyond;
    QList<double> replay;
    const QString saved = kWork + u"/exporter.jsonl"_s;
    for (int i = 0; i < kRuns; ++i) {
        for (const QString &mechanism : {u"ebpf"_s, u"strace"_s}) {
            const Ran ran = run(observe(
                mechanism, 3, {u"/usr/bin/prometheus-node-exporter"_s, u"--web.listen-address=127.0.0.1:19101"_s}));
            QVERIFY2(ran.exitCode == 0, ran.err.constData());
            const double watched = double(recordingOf(ran)[u"duration_ns"_s].toInteger()) / 1e9;
            beyond[mechanism].append(ran.wallSeconds - watched);
        }
        const Ran once = run(observe(u"ebpf"_s, 2, {u"/bin/true"_s}));
        QVERIFY(once.exitCode == 0);
    }
    // The aggregation alone, on a recording of the exporter kept by deroot-observer.
    const Ran recorded =
        run({u"/usr/libexec/deroot-observer"_s, u"--seconds"_s, u"3"_s, u"--user"_s, u"nobody"_s, u"--"_s,
             u"/usr/bin/prometheus-node-exporter"_s, u"--web.listen-address=127.0.0.1:19102"_s});
    QVERIFY2(recorded.exitCode == 0, recorded.err.constData());
    QFile file(saved);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(recorded.out);
    file.close();
    for (int i = 0; i < kRuns; ++i) {
        const Ran ran = run({kDerootctl, u"observe"_s, u"--json"_s, u"--replay"_s, saved});
        QVERIFY(ran.exitCode == 0);
        replay.append(ran.wallSeconds);
    }
    std::printf("\nobserve, time beyond the watched time (3 s of the node exporter as nobody), median of %d:\n", kRuns);
    for (const QString &name : {u"ebpf"_s, u"strace"_s}) {
        std::printf("  %-8s %8.3f s\n", qPrintable(name), median(beyond[name]));
    }
    std::printf("  derootctl observe --replay of its recording (%lld events): %.3f s\n",
                static_cast<long long>(recorded.out.count('\n')), median(replay));
}

void ObserveBench::accuracy()
{
    struct Agent
    {
        QString name;
        QStringList command;
        int rounds;
        QString program; // for inspect and getcap
        QString unit;    // the distribution's unit, if it has one
    };
    const QList<Agent> agents{
        {u"fping (no file caps)"_s, {kWork + u"/fping"_s, u"-c1"_s, u"127.0.0.1"_s}, 2, u"/usr/bin/fping"_s, {}},
        {u"ping"_s, {u"/usr/bin/ping"_s, u"-c1"_s, u"127.0.0.1"_s}, 2, u"/usr/bin/ping"_s, {}},
        {u"tcpdump"_s,
         {u"/usr/bin/tcpdump"_s, u"-n"_s, u"-i"_s, u"lo"_s, u"-c"_s, u"1"_s},
         2,
         u"/usr/bin/tcpdump"_s,
         {}},
        {u"chronyd"_s,
         {u"/usr/sbin/chronyd"_s, u"-d"_s, u"-U"_s, u"-f"_s, kWork + u"/chrony.conf"_s},
         1,
         u"/usr/sbin/chronyd"_s,
         u"chrony.service"_s},
        {u"nginx :998"_s,
         {u"/usr/sbin/nginx"_s, u"-c"_s, kWork + u"/nginx.conf"_s, u"-g"_s, u"daemon off;"_s},
         2,
         u"/usr/sbin/nginx"_s,
         u"nginx.service"_s},
        {u"ip link"_s,
         {u"/usr/sbin/ip"_s, u"link"_s, u"set"_s, u"dev"_s, u"lo"_s, u"mtu"_s, u"65536"_s},
         2,
         u"/usr/sbin/ip"_s,
         {}},
        {u"node_exporter"_s,
         {u"/usr/bin/prometheus-node-exporter"_s, u"--web.listen-address=127.0.0.1:19103"_s},
         2,
         u"/usr/bin/prometheus-node-exporter"_s,
         u"prometheus-node-exporter.service"_s},
    };
    std::printf("\nobserve accuracy (eBPF, as nobody, 5 s a round), beside static inspection, the catalog and the "
                "distribution:\n");
    std::printf("  %-22s | %-44s | %-28s | %-24s | %s\n", "agent", "observed (verdict)", "inspect (static)", "catalog",
                "distribution");
    for (const Agent &agent : agents) {
        const Ran ran = run(QStringList{kDerootctl, u"observe"_s, u"--json"_s, u"--seconds"_s, u"5"_s, u"--rounds"_s,
                                        QString::number(agent.rounds), u"--"_s} +
                            agent.command);
        QStringList observed;
        for (const QJsonValue &c :
             QJsonDocument::fromJson(ran.out).object()[u"observation"_s][u"capabilities"_s].toArray()) {
            if (c[u"verdict"_s].toString() != u"noise"_s) {
                observed.append(c[u"name"_s].toString().mid(4) + u'=' + c[u"verdict"_s].toString());
            }
        }
        QStringList statics;
        QStringList catalog;
        const Ran inspected = run({kDerootctl, u"inspect"_s, u"--json"_s, agent.program});
        for (const QJsonValue &need :
             QJsonDocument::fromJson(inspected.out).object()[u"needs"_s][u"capabilities"_s].toArray()) {
            bool fromCatalog = false;
            bool fromFile = false;
            for (const QJsonValue &reason : need[u"reasons"_s].toArray()) {
                (reason[u"source"_s].toString() == u"catalog"_s ? fromCatalog : fromFile) = true;
            }
            const QString name = need[u"name"_s].toString().mid(4);
            if (fromCatalog) {
                catalog.append(name);
            }
            if (fromFile) {
                statics.append(name);
            }
        }
        QString distribution = QString::fromLocal8Bit(run({u"/usr/sbin/getcap"_s, agent.program}).out).trimmed();
        distribution = distribution.section(u' ', 1);
        if (!agent.unit.isEmpty()) {
            const QString ambient = systemctlShow(agent.unit, u"AmbientCapabilities"_s);
            const QString user = systemctlShow(agent.unit, u"User"_s);
            distribution += (distribution.isEmpty() ? QString() : u"; "_s) + agent.unit + u": User="_s +
                            (user.isEmpty() ? u"root"_s : user) +
                            (ambient.isEmpty() ? QString() : u" Ambient="_s + ambient);
        }
        std::printf("  %-22s | %-44s | %-28s | %-24s | %s\n", qPrintable(agent.name),
                    qPrintable(ran.exitCode == 0 ? observed.join(u' ')
                                                 : u"(failed: exit "_s + QString::number(ran.exitCode) + u')'),
                    qPrintable(statics.join(u' ')), qPrintable(catalog.join(u' ')),
                    qPrintable(distribution.isEmpty() ? u"-"_s : distribution));
    }
}

QTEST_GUILESS_MAIN(ObserveBench)
#include "observe_bench.moc"
