// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// inspectProcess against fixture /proc trees: each row builds one process directory the way the
// kernel would (or, for the adversarial rows, the way it never would) and checks the report or the
// error. The real kernel's side is covered by the host tests.
#include "core/inspect/inspect.h"
#include "core/inspect/processfindings.h"
#include "core/inspect/processinspector.h"
#include "core/model/capabilities.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Deroot::Core;

class ProcessInspectorTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findingsAreAPureFunctionOfTheIdentity();
    void errors_data();
    void errors();
    void normalProcess();
    void port80Listener();
    void port80WithLoweredPortStart();
    void ipv6Listener();
    void packetSocket();
    void rawSocket();
    void othersSocketsIgnored();
    void protectedOpenFiles();
    void pidArgument_data();
    void pidArgument();
};

namespace {

struct Fixture
{
    QByteArray status = "Name:\tagent\nUid:\t110\t110\t110\t110\nGid:\t120\t120\t120\t120\nGroups:\t\n"
                        "CapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\n"
                        "CapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\nNoNewPrivs:\t0\nSeccomp:\t0\n";
    QByteArray stat = "4242 (agent) S 1 4242 4242 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 777 0 0 0 0 0\n";
    QByteArray cmdline = QByteArray("/usr/bin/agent\0--listen\0", 24);
    QByteArray exe = "/usr/bin/true";
    QByteArray cgroup = "0::/system.slice/agent.service\n";
    QMap<QByteArray, QByteArray> netFiles; ///< "net/tcp" -> contents
    QMap<int, QByteArray> fds;             ///< fd -> link target
    QMap<int, QByteArray> fdFlags;         ///< fd -> fdinfo flags (octal text)
    QList<QByteArray> missing;             ///< files not to create
    QByteArray portStart = "1024";
};

const QByteArray kTcpHeader =
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
const QByteArray kPacketHeader = "sk               RefCnt Type Proto  Iface R Rmem   User   Inode\n";

QByteArray inetLine(const QByteArray &local, const QByteArray &state, int inode)
{
    return "   0: " + local + " 00000000:0000 " + state + " 00000000:00000000 00:00000000 00000000   110        0 " +
           QByteArray::number(inode) + " 1 0000000000000000 100 0 0 10 0\n";
}

QByteArray inet6Line(const QByteArray &local, const QByteArray &state, int inode)
{
    return "   0: " + local + " 00000000000000000000000000000000:0000 " + state +
           " 00000000:00000000 00:00000000 00000000   110        0 " + QByteArray::number(inode) +
           " 1 0 100 0 0 10 0\n";
}

void write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

// Builds <root>/proc/4242 and <root>/sys from @p fixture.
InspectEnvironment build(const QTemporaryDir &root, const Fixture &fixture, int pid = 4242)
{
    const QString dir = root.path() + u"/proc/"_s + QString::number(pid);
    QDir().mkpath(dir + u"/fd"_s);
    QDir().mkpath(dir + u"/fdinfo"_s);
    QDir().mkpath(dir + u"/net"_s);
    const auto put = [&](const QByteArray &name, const QByteArray &content) {
        if (!fixture.missing.contains(name)) {
            write(dir + u'/' + QString::fromLatin1(name), content);
        }
    };
    put("status", fixture.status);
    put("stat", fixture.stat);
    put("cmdline", fixture.cmdline);
    put("cgroup", fixture.cgroup);
    if (!fixture.missing.contains("exe")) {
        QFile::link(QString::fromLatin1(fixture.exe), dir + u"/exe"_s);
    }
    for (auto it = fixture.netFiles.cbegin(); it != fixture.netFiles.cend(); ++it) {
        put(it.key(), it.value());
    }
    for (auto it = fixture.fds.cbegin(); it != fixture.fds.cend(); ++it) {
        // QFile::link refuses targets like "socket:[1]"; symlink(2) takes any text.
        const QByteArray link = QString(dir + u"/fd/"_s + QString::number(it.key())).toLocal8Bit();
        if (::symlink(it.value().constData(), link.constData()) != 0) {
            qFatal("cannot make the fixture link %s", link.constData());
        }
        write(dir + u"/fdinfo/"_s + QString::number(it.key()),
              "pos:\t0\nflags:\t" + fixture.fdFlags.value(it.key(), "0100000") + "\nmnt_id:\t24\n");
    }
    write(root.path() + u"/sys/net/ipv4/ip_unprivileged_port_start"_s, fixture.portStart + '\n');
    write(root.path() + u"/sys/net/ipv4/ping_group_range"_s, "1\t0\n");
    InspectEnvironment environment;
    environment.procRoot = QString(root.path() + u"/proc"_s).toLocal8Bit();
    environment.sysctlRoot = QString(root.path() + u"/sys"_s).toLocal8Bit();
    environment.queryPackageManager = false;
    return environment;
}

QByteArray kthreadData(const char *name)
{
    QFile file(QStringLiteral(DEROOT_TEST_DATA "/proc/kthreadd/") + QLatin1StringView(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList reasonTexts(const QList<Reason> &reasons)
{
    QStringList texts;
    for (const Reason &reason : reasons) {
        texts.append(reason.source + u": "_s + reason.text);
    }
    return texts;
}

const CapabilityNeed *capability(const InspectionReport &report, int number)
{
    for (const CapabilityNeed &need : report.needs.capabilities) {
        if (need.capability == number) {
            return &need;
        }
    }
    return nullptr;
}

bool hasNamed(const QList<NamedNeed> &list, const QString &name)
{
    return std::any_of(list.cbegin(), list.cend(), [&](const NamedNeed &need) { return need.name == name; });
}

} // namespace

void ProcessInspectorTest::errors_data()
{
    QTest::addColumn<int>("pid");
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<QByteArray>("stat");
    QTest::addColumn<QByteArray>("cmdline");
    QTest::addColumn<QList<QByteArray>>("missing");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const Fixture f;
    const int notFound = int(ExitCode::NotFound);
    const int badTarget = int(ExitCode::BadTarget);
    const int changed = int(ExitCode::Changed);
    QTest::addRow("no such process") << 999 << f.status << f.stat << f.cmdline << QList<QByteArray>{} << notFound
                                     << u"no process has PID 999"_s;
    QTest::addRow("PID 0") << 0 << f.status << f.stat << f.cmdline << QList<QByteArray>{} << notFound
                           << u"no process has PID 0"_s;
    QTest::addRow("negative PID") << -5 << f.status << f.stat << f.cmdline << QList<QByteArray>{} << notFound
                                  << u"no process has PID -5"_s;
    QTest::addRow("PID above the kernel's limit")
        << 4194305 << f.status << f.stat << f.cmdline << QList<QByteArray>{} << notFound << u"4194304"_s;
    QTest::addRow("kernel thread (captured kthreadd)")
        << 4242 << kthreadData("status") << kthreadData("stat") << QByteArray() << QList<QByteArray>{"exe"} << badTarget
        << u"PID 4242 is a kernel thread"_s;
    QTest::addRow("kernel thread by PF_KTHREAD only")
        << 4242 << f.status << QByteArray(f.stat).replace("4194560", "2129984") << QByteArray()
        << QList<QByteArray>{"exe"} << badTarget << u"PID 4242 is a kernel thread"_s;
    QTest::addRow("kernel thread by no exe and no command line")
        << 4242 << f.status << f.stat << QByteArray() << QList<QByteArray>{"exe"} << badTarget
        << u"PID 4242 is a kernel thread"_s;
    QTest::addRow("zombie") << 4242 << f.status << QByteArray(f.stat).replace(") S ", ") Z ") << QByteArray()
                            << QList<QByteArray>{"exe"} << badTarget << u"zombie"_s;
    QTest::addRow("disappears between reads (status gone)")
        << 4242 << f.status << f.stat << f.cmdline << QList<QByteArray>{"status"} << changed
        << u"PID 4242 exited while it was being inspected"_s;
    QTest::addRow("disappears between reads (stat gone)")
        << 4242 << f.status << f.stat << f.cmdline << QList<QByteArray>{"stat"} << changed
        << u"PID 4242 exited while it was being inspected"_s;
    QTest::addRow("disappears between reads (fd gone)")
        << 4242 << f.status << f.stat << f.cmdline << QList<QByteArray>{"fd"} << changed
        << u"PID 4242 exited while it was being inspected"_s;
    QTest::addRow("garbage in status") << 4242
                                       << QByteArray("\x7f"
                                                     "ELF\x01\x02 garbage\n\n\xff\n")
                                       << f.stat << f.cmdline << QList<QByteArray>{} << badTarget << u"is malformed"_s;
    QTest::addRow("huge capability mask")
        << 4242 << QByteArray(f.status).replace("CapEff:\t0000000000000000", "CapEff:\tffffffffffffffffff") << f.stat
        << f.cmdline << QList<QByteArray>{} << badTarget << u"CapEff line is not a 64-bit"_s;
    QTest::addRow("negative uid") << 4242 << QByteArray(f.status).replace("Uid:\t110", "Uid:\t-110") << f.stat
                                  << f.cmdline << QList<QByteArray>{} << badTarget << u"Uid line"_s;
    QTest::addRow("huge uid") << 4242 << QByteArray(f.status).replace("Uid:\t110", "Uid:\t99999999999999999999")
                              << f.stat << f.cmdline << QList<QByteArray>{} << badTarget << u"Uid line"_s;
    QTest::addRow("garbage in stat") << 4242 << f.status << QByteArray("4242 agent S") << f.cmdline
                                     << QList<QByteArray>{} << badTarget << u"stat is malformed"_s;
    QTest::addRow("garbage in a socket table")
        << 4242 << f.status << f.stat << f.cmdline << QList<QByteArray>{"garbage-tcp"} << badTarget
        << u"net/tcp is malformed"_s;
}

void ProcessInspectorTest::errors()
{
    QFETCH(int, pid);
    QFETCH(QByteArray, status);
    QFETCH(QByteArray, stat);
    QFETCH(QByteArray, cmdline);
    QFETCH(QList<QByteArray>, missing);
    QFETCH(int, code);
    QFETCH(QString, message);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    Fixture fixture;
    fixture.status = status;
    fixture.stat = stat;
    fixture.cmdline = cmdline;
    fixture.missing = missing;
    if (missing.contains("garbage-tcp")) {
        fixture.netFiles.insert("net/tcp", kTcpHeader + "   0: nonsense\n");
    }
    InspectEnvironment environment = build(root, fixture);
    if (missing.contains("fd")) {
        QVERIFY(QDir(root.path() + u"/proc/4242/fd"_s).removeRecursively());
    }
    const auto report = inspectProcess(pid, environment);
    QVERIFY(!report);
    QCOMPARE(int(report.error().code), code);
    QVERIFY2(report.error().message.contains(message), qPrintable(report.error().message));
    QVERIFY2(!report.error().message.contains(u'\n'), "one line");
}

void ProcessInspectorTest::normalProcess()
{
    QTemporaryDir root;
    Fixture fixture;
    fixture.status.replace("CapEff:\t0000000000000000", "CapEff:\t0000000002000000")
        .replace("CapAmb:\t0000000000000000", "CapAmb:\t0000000002000000")
        .replace("NoNewPrivs:\t0", "NoNewPrivs:\t1")
        .replace("Seccomp:\t0", "Seccomp:\t2");
    const auto report = inspectProcess(4242, build(root, fixture));
    QVERIFY2(report, qPrintable(report.error().message));
    QCOMPARE(report->target.value(u"kind"_s).toString(), u"process"_s);
    QCOMPARE(report->target.value(u"pid"_s).toInt(), 4242);
    const QJsonObject process = toJson(*report).value(u"process"_s).toObject();
    QCOMPARE(process.value(u"name"_s).toString(), u"agent"_s);
    QCOMPARE(process.value(u"executable"_s).toString(), u"/usr/bin/true"_s);
    QCOMPARE(process.value(u"command_line"_s).toArray(), (QJsonArray{u"/usr/bin/agent"_s, u"--listen"_s}));
    QCOMPARE(process.value(u"uid"_s).toObject().value(u"effective"_s).toInt(), 110);
    QCOMPARE(process.value(u"unit"_s).toString(), u"agent.service"_s);
    QCOMPARE(process.value(u"unit_manager"_s).toString(), u"system"_s);
    QCOMPARE(process.value(u"no_new_privs"_s).toBool(), true);
    QCOMPARE(process.value(u"seccomp"_s).toString(), u"filter"_s);
    const QJsonObject caps = process.value(u"capabilities"_s).toObject();
    QCOMPARE(caps.value(u"effective"_s).toArray(), QJsonArray{u"CAP_SYS_TIME"_s});
    QCOMPARE(caps.value(u"ambient"_s).toArray(), QJsonArray{u"CAP_SYS_TIME"_s});
    QCOMPARE(caps.value(u"masks"_s).toObject().value(u"bounding"_s).toString(), u"000001ffffffffff"_s);
    QVERIFY(!report->finding(u"process.runs-as-root"));
    QVERIFY(report->finding(u"process.effective-capabilities"));
    QVERIFY(report->finding(u"process.ambient-capabilities"));
    // The executable was inspected as a file and merged in.
    QVERIFY(toJson(*report).contains(u"file"_s));
    QVERIFY(toJson(*report).contains(u"elf"_s));
    QCOMPARE(toJson(*report).value(u"kernel"_s).toObject().value(u"net.ipv4.ip_unprivileged_port_start"_s).toInt(),
             1024);
    QVERIFY(report->needs.capabilities.isEmpty());
}

void ProcessInspectorTest::port80Listener()
{
    QTemporaryDir root;
    Fixture fixture;
    fixture.netFiles.insert("net/tcp", kTcpHeader + inetLine("00000000:0050", "0A", 8080) +
                                           inetLine("0100007F:1F90", "0A", 8081) +
                                           inetLine("0100007F:0050", "01", 8082)); // an accepted connection
    fixture.fds = {{3, "socket:[8080]"}, {4, "socket:[8081]"}, {5, "socket:[8082]"}};
    const auto report = inspectProcess(4242, build(root, fixture));
    QVERIFY2(report, qPrintable(report.error().message));
    QCOMPARE(report->needs.listenPorts.size(), 2);
    QCOMPARE(report->needs.listenPorts.at(0).port, 80);
    QCOMPARE(report->needs.listenPorts.at(0).protocol, u"tcp"_s);
    QCOMPARE(report->needs.listenPorts.at(0).address, u"0.0.0.0"_s);
    QCOMPARE(report->needs.listenPorts.at(1).port, 8080);
    const CapabilityNeed *bind = capability(*report, 10);
    QVERIFY(bind);
    const QStringList reasons = reasonTexts(bind->reasons);
    QVERIFY2(reasons.join(u'|').contains(u"process: PID 4242 listens on tcp 0.0.0.0:80 (socket inode 8080, fd 3)"_s),
             qPrintable(reasons.join(u'|')));
    QVERIFY2(reasons.join(u'|').contains(u"kernel: net.ipv4.ip_unprivileged_port_start is 1024"_s),
             qPrintable(reasons.join(u'|')));
    QVERIFY(hasNamed(report->needs.addressFamilies, u"AF_INET"_s));
    QCOMPARE(toJson(*report).value(u"process"_s).toObject().value(u"sockets"_s).toArray().size(), 3);
}

void ProcessInspectorTest::port80WithLoweredPortStart()
{
    QTemporaryDir root;
    Fixture fixture;
    fixture.portStart = "80";
    fixture.netFiles.insert("net/tcp", kTcpHeader + inetLine("00000000:0050", "0A", 8080));
    fixture.fds = {{3, "socket:[8080]"}};
    const auto report = inspectProcess(4242, build(root, fixture));
    QVERIFY2(report, qPrintable(report.error().message));
    QCOMPARE(report->needs.listenPorts.size(), 1);
    QVERIFY(!capability(*report, 10));
    const Finding *finding = report->finding(u"kernel.unprivileged-port-start");
    QVERIFY(finding);
    QVERIFY2(finding->message.contains(u"net.ipv4.ip_unprivileged_port_start is 80"_s), qPrintable(finding->message));
}

void ProcessInspectorTest::ipv6Listener()
{
    QTemporaryDir root;
    Fixture fixture;
    fixture.netFiles.insert("net/tcp6", kTcpHeader + inet6Line("00000000000000000000000000000000:01BB", "0A", 9090));
    fixture.netFiles.insert("net/udp6", kTcpHeader + inet6Line("00000000000000000000000001000000:007B", "07", 9091));
    fixture.fds = {{7, "socket:[9090]"}, {8, "socket:[9091]"}};
    const auto report = inspectProcess(4242, build(root, fixture));
    QVERIFY2(report, qPrintable(report.error().message));
    QCOMPARE(report->needs.listenPorts.size(), 2);
    QCOMPARE(report->needs.listenPorts.at(0).address, u"::"_s);
    QCOMPARE(report->needs.listenPorts.at(0).port, 443);
    QCOMPARE(report->needs.listenPorts.at(1).protocol, u"udp"_s);
    QCOMPARE(report->needs.listenPorts.at(1).address, u"::1"_s);
    QCOMPARE(report->needs.listenPorts.at(1).port, 123);
    QVERIFY(capability(*report, 10));
    QVERIFY(hasNamed(report->needs.addressFamilies, u"AF_INET6"_s));
}

void ProcessInspectorTest::packetSocket()
{
    QTemporaryDir root;
    Fixture fixture;
    fixture.netFiles.insert("net/packet",
                            kPacketHeader + "0000000000000000 3      3    0003   0     1 0      110    7070\n");
    fixture.fds = {{5, "socket:[7070]"}};
    const auto report = inspectProcess(4242, build(root, fixture));
    QVERIFY2(report, qPrintable(report.error().message));
    const CapabilityNeed *raw = capability(*report, 13);
    QVERIFY(raw);
    QVERIFY2(reasonTexts(raw->reasons).join(u'|').contains(u"packet socket (AF_PACKET, SOCK_RAW, ETH_P_ALL"_s),
             qPrintable(reasonTexts(raw->reasons).join(u'|')));
    QVERIFY(hasNamed(report->needs.addressFamilies, u"AF_PACKET"_s));
    QVERIFY(report->needs.listenPorts.isEmpty());
}

void ProcessInspectorTest::rawSocket()
{
    QTemporaryDir root;
    Fixture fixture;
    fixture.netFiles.insert("net/raw", kTcpHeader + inetLine("00000000:0001", "07", 6060));
    fixture.netFiles.insert("net/icmp", kTcpHeader + inetLine("00000000:0000", "07", 6061));
    fixture.fds = {{3, "socket:[6060]"}, {4, "socket:[6061]"}};
    const auto report = inspectProcess(4242, build(root, fixture));
    QVERIFY2(report, qPrintable(report.error().message));
    const CapabilityNeed *raw = capability(*report, 13);
    QVERIFY(raw);
    QVERIFY(reasonTexts(raw->reasons).join(u'|').contains(u"raw AF_INET socket for protocol ICMP (1)"_s));
    QVERIFY(hasNamed(report->needs.addressFamilies, u"AF_INET"_s));
    // The ping socket needs no capability, only the sysctl, whose value is shown.
    const Finding *ping = report->finding(u"process.ping-socket");
    QVERIFY(ping);
    QVERIFY2(ping->message.contains(u"(here: 1 0)"_s), qPrintable(ping->message));
    QCOMPARE(capability(*report, 13)->reasons.size(), 1);
}

void ProcessInspectorTest::othersSocketsIgnored()
{
    QTemporaryDir root;
    Fixture fixture;
    // Sockets of other processes in the same network namespace: in the table, not among our fds.
    fixture.netFiles.insert("net/tcp", kTcpHeader + inetLine("00000000:0016", "0A", 1111));
    fixture.netFiles.insert("net/packet",
                            kPacketHeader + "0000000000000000 3      3    0003   0     1 0      0    2222\n");
    fixture.fds = {{3, "socket:[3333]"}, {4, "pipe:[1111]"}, {5, "anon_inode:[eventfd]"}};
    const auto report = inspectProcess(4242, build(root, fixture));
    QVERIFY2(report, qPrintable(report.error().message));
    QVERIFY(report->needs.capabilities.isEmpty());
    QVERIFY(report->needs.listenPorts.isEmpty());
    QVERIFY(toJson(*report).value(u"process"_s).toObject().value(u"sockets"_s).toArray().isEmpty());
}

void ProcessInspectorTest::protectedOpenFiles()
{
    QTemporaryDir root;
    const QString secret = root.path() + u"/secret.log"_s;
    write(secret, "x");
    QVERIFY(QFile::setPermissions(secret, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const QString open = root.path() + u"/public.txt"_s;
    write(open, "x");
    QVERIFY(QFile::setPermissions(open, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    Fixture fixture;
    fixture.fds = {{3, secret.toLocal8Bit()}, {4, open.toLocal8Bit()}, {5, "/dev/null"}, {6, secret.toLocal8Bit()}};
    fixture.fdFlags = {{3, "0102001"}, {4, "0100000"}, {5, "0100002"}, {6, "0100000"}};
    const auto report = inspectProcess(4242, build(root, fixture));
    QVERIFY2(report, qPrintable(report.error().message));
    // Written through fd 3 and read through fd 6; the file anyone may read and /dev/null are no needs.
    QVERIFY(hasNamed(report->needs.writePaths, secret));
    QVERIFY(hasNamed(report->needs.readPaths, secret));
    QVERIFY(!hasNamed(report->needs.readPaths, open));
    QVERIFY(report->needs.devices.isEmpty());
    const QJsonArray files = toJson(*report).value(u"process"_s).toObject().value(u"open_files"_s).toArray();
    QCOMPARE(files.size(), 2);
    QCOMPARE(files.at(0).toObject().value(u"access"_s).toString(), u"write"_s);
    QCOMPARE(files.at(0).toObject().value(u"mode"_s).toString(), u"0600"_s);
}

void ProcessInspectorTest::pidArgument_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("pid");
    QTest::addRow("number") << u"4242"_s << 4242;
    QTest::addRow("not a number") << u"abc"_s << 0;
    QTest::addRow("zero") << u"0"_s << 0;
    QTest::addRow("negative") << u"-1"_s << 0;
    QTest::addRow("huge") << u"18446744073709551617"_s << 0;
    QTest::addRow("escape sequence") << u"1\x1b[2J"_s << 0;
}

void ProcessInspectorTest::pidArgument()
{
    QFETCH(QString, text);
    QFETCH(int, pid);
    const auto parsed = parsePidArgument(text);
    QCOMPARE(parsed ? *parsed : 0, pid);
    if (!parsed) {
        QCOMPARE(parsed.error().code, ExitCode::Usage);
        QVERIFY(parsed.error().message.contains(u"is not a process ID"_s));
        QVERIFY(!parsed.error().message.contains(u'\x1b'));
    }
}

// The findings about a process from an identity made by hand, no /proc tree: the group names come
// from the caller, the order is fixed, an ordinary process has none.
void ProcessInspectorTest::findingsAreAPureFunctionOfTheIdentity()
{
    const auto names = [](std::uint32_t gid) { return gid == 6 ? u"disk"_s : u"staff%1"_s.arg(gid); };
    const auto ids = [](const QList<Finding> &findings) {
        QStringList result;
        for (const Finding &finding : findings) {
            result << finding.id;
        }
        return result;
    };
    ProcessIdentity ordinary;
    ordinary.pid = 4242;
    ordinary.stat.comm = u"agent"_s;
    ordinary.executable = u"/usr/bin/agent"_s;
    for (std::uint32_t &id : ordinary.status.uid) {
        id = 1000;
    }
    ordinary.status.groups = {1000};
    QCOMPARE(ids(processFindings(ordinary, names)), QStringList());

    ProcessIdentity root = ordinary;
    root.status.uid[1] = 0; // effective root is root
    root.status.groups = {6, 1000};
    root.status.capEff = root.status.capBnd = (std::uint64_t(1) << 41) - 1;
    root.status.capAmb = std::uint64_t(1) << 13; // CAP_NET_RAW
    root.executable = u"/usr/bin/agent"_s;
    root.executableDeleted = true;
    const QList<Finding> findings = processFindings(root, names);
    QCOMPARE(ids(findings),
             (QStringList{u"process.root-equivalent-group"_s, u"process.runs-as-root"_s, u"process.full-capabilities"_s,
                          u"process.ambient-capabilities"_s, u"process.executable-deleted"_s}));
    QCOMPARE(findings.at(0).message,
             u"PID 4242 (agent) is a member of group disk, which amounts to root: drop the membership unless it "
             u"is the point."_s);
    QCOMPARE(findings.at(1).evidence, QStringList{u"Uid: 1000 0 1000 1000"_s});
    QCOMPARE(findings.at(3).evidence, QStringList{u"CapAmb: 0000000000002000"_s});
    QCOMPARE(findings.at(3).message,
             u"PID 4242 (agent) has ambient capabilities CAP_NET_RAW, which it passes on to the programs it runs."_s);

    // Some capabilities: root-equivalent ones are High and named; others are Info.
    ProcessIdentity some = ordinary;
    some.status.capEff = std::uint64_t(1) << 21; // CAP_SYS_ADMIN
    some.status.capBnd = ~std::uint64_t(0);
    QCOMPARE(processFindings(some, names).at(0).severity, Severity::High);
    QCOMPARE(processFindings(some, names).at(0).message, u"PID 4242 (agent) holds root-equivalent CAP_SYS_ADMIN."_s);
    some.status.capEff = std::uint64_t(1) << 10; // CAP_NET_BIND_SERVICE
    QCOMPARE(processFindings(some, names).at(0).severity, Severity::Info);
    // No executable link: a finding, unless the link was only unreadable.
    ProcessIdentity none = ordinary;
    none.executable.clear();
    QCOMPARE(ids(processFindings(none, names)), QStringList{u"process.no-executable"_s});
    none.executableUnreadable = true;
    QCOMPARE(ids(processFindings(none, names)), QStringList());
}

QTEST_GUILESS_MAIN(ProcessInspectorTest)
#include "processinspector_test.moc"
