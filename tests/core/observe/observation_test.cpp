// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Recorded runs of real agents (tests/data/observe: eBPF streams as .jsonl, strace logs as
// .strace) into verdicts and needs: each row states every capability's verdict and the exact
// needs, and the whole observation is pinned by a golden file (refreshed on purpose with
// tools/refresh-golden). Then the failed-call table alone, one named row per mapping.
#include "core/observe/eventstream.h"
#include "core/observe/observation.h"
#include "core/observe/straceparser.h"

#include "core/model/capabilities.h"
#include "tests/support/golden.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cerrno>
#include <linux/capability.h>
#include <sys/socket.h>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(SyscallResult)

class ObservationTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixture_data();
    void fixture();
    void evidenceWording();
    void failureMeaning_data();
    void failureMeaning();
    void reviewAndMechanism();
    void pure();
};

namespace {

const QString kData = QStringLiteral(DEROOT_TEST_DATA) + u"/observe/"_s;

QByteArray readData(const QString &name)
{
    QFile file(kData + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(file.fileName()));
    }
    return file.readAll();
}

// The fixture's events: a .jsonl stream as it is, a .strace log through the parser (which must
// read it without an issue).
EventStream events(const QString &name, int mainPid, const QString &comm)
{
    if (name.endsWith(u".strace"_s)) {
        const StraceLog log = parseStrace(readData(name), mainPid, comm);
        for (const StraceIssue &issue : log.issues) {
            qWarning("%s:%d: %s", qPrintable(name), issue.line, qPrintable(issue.message));
        }
        if (!log.issues.isEmpty()) {
            qFatal("%s has lines the parser does not read", qPrintable(name));
        }
        return EventStream{{}, log.results, {}};
    }
    const auto stream = readEventStream(readData(name));
    if (!stream.ok()) {
        qFatal("%s: %s", qPrintable(name), qPrintable(stream.error().message));
    }
    return *stream;
}

QString capName(int number)
{
    return QString::fromLatin1(capabilityByNumber(number)->name);
}

QStringList names(const QList<NamedNeed> &list)
{
    QStringList out;
    for (const NamedNeed &need : list) {
        out.append(need.name);
    }
    return out;
}

QJsonObject document(const Observation &observation)
{
    return QJsonObject{{u"needs"_s, toJson(observation.needs)}, {u"observation"_s, toJson(observation)}};
}

} // namespace

void ObservationTest::fixture_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("mechanism");
    QTest::addColumn<bool>("asRoot");
    QTest::addColumn<qint64>("durationNs");
    QTest::addColumn<int>("mainPid");
    QTest::addColumn<QStringList>("verdicts");     // "CAP_X=verdict", in number order
    QTest::addColumn<QStringList>("capabilities"); // needs.capabilities
    QTest::addColumn<QStringList>("ports");        // "tcp/80 ::"
    QTest::addColumn<QStringList>("families");
    QTest::addColumn<QStringList>("writePaths");
    QTest::addColumn<QStringList>("readPaths");
    QTest::addColumn<QStringList>("devices");
    QTest::addColumn<QStringList>("pathFixes"); // "path access capability"
    QTest::addColumn<QStringList>("unexplained");

    const int ebpf = int(Mechanism::Ebpf);
    const int strace = int(Mechanism::Strace);
    const qint64 s = 1000000000;
    QTest::newRow("fping as root: raw sockets used, allocator noise")
        << u"fping-root.jsonl"_s << ebpf << true << s << 0
        << QStringList{u"CAP_NET_RAW=used"_s, u"CAP_SYS_ADMIN=noise"_s} << QStringList{u"CAP_NET_RAW"_s}
        << QStringList{} << QStringList{u"AF_INET"_s, u"AF_INET6"_s} << QStringList{} << QStringList{} << QStringList{}
        << QStringList{} << QStringList{};
    QTest::newRow("ip link as nobody: netlink refuses in its reply; no opts, allocator noise")
        << u"iplink-user.jsonl"_s << ebpf << false << qint64(40000000) << 0
        << QStringList{u"CAP_NET_ADMIN=needed"_s, u"CAP_SYS_ADMIN=noise"_s} << QStringList{u"CAP_NET_ADMIN"_s}
        << QStringList{} << QStringList{u"AF_NETLINK"_s} << QStringList{} << QStringList{} << QStringList{}
        << QStringList{} << QStringList{};
    QTest::newRow("tcpdump as its user: the packet socket refused")
        << u"tcpdump-user.jsonl"_s << ebpf << false << 10 * s << 0
        << QStringList{u"CAP_DAC_READ_SEARCH=noise"_s, u"CAP_NET_RAW=needed"_s, u"CAP_SYS_RESOURCE=advisory"_s}
        << QStringList{u"CAP_NET_RAW"_s} << QStringList{} << QStringList{u"AF_PACKET"_s} << QStringList{}
        << QStringList{} << QStringList{} << QStringList{} << QStringList{};
    QTest::newRow("chronyd as root: time, the NTP port, and dropping to _chrony")
        << u"chronyd-root.jsonl"_s << ebpf << true << 60 * s << 0
        << QStringList{u"CAP_SETGID=privilege-drop"_s, u"CAP_SETUID=privilege-drop"_s, u"CAP_NET_BIND_SERVICE=used"_s,
                       u"CAP_SYS_TIME=used"_s}
        << QStringList{u"CAP_NET_BIND_SERVICE"_s, u"CAP_SYS_TIME"_s} << QStringList{u"udp/123 0.0.0.0"_s}
        << QStringList{u"AF_INET"_s} << QStringList{u"/var/lib/chrony/chrony.drift"_s} << QStringList{}
        << QStringList{u"/dev/rtc0"_s} << QStringList{} << QStringList{};
    QTest::newRow("daemon on port 80 as its user")
        << u"daemon-port80-user.jsonl"_s << ebpf << false << 5 * s << 0
        << QStringList{u"CAP_NET_BIND_SERVICE=needed"_s, u"CAP_SYS_ADMIN=noise"_s}
        << QStringList{u"CAP_NET_BIND_SERVICE"_s} << QStringList{u"tcp/80 ::"_s} << QStringList{u"AF_INET6"_s}
        << QStringList{} << QStringList{} << QStringList{} << QStringList{} << QStringList{};
    QTest::newRow("node_exporter as root: no CAP_SYS_ADMIN from the allocator")
        << u"node-exporter-root.jsonl"_s << ebpf << true << 15 * s << 0
        << QStringList{u"CAP_NET_ADMIN=noise"_s, u"CAP_SYS_PTRACE=used"_s, u"CAP_SYS_ADMIN=noise"_s}
        << QStringList{u"CAP_SYS_PTRACE"_s} << QStringList{u"tcp/9100 ::"_s} << QStringList{u"AF_INET6"_s}
        << QStringList{} << QStringList{} << QStringList{} << QStringList{} << QStringList{};
    QTest::newRow("fork and exec, then root passing file permissions")
        << u"forkexec-dac.jsonl"_s << ebpf << true << 9 * s << 0
        << QStringList{u"CAP_DAC_OVERRIDE=path-fix"_s, u"CAP_DAC_READ_SEARCH=path-fix"_s, u"CAP_SETPCAP=noise"_s,
                       u"CAP_SYS_ADMIN=noise"_s, u"CAP_SYS_RESOURCE=noise"_s}
        << QStringList{} << QStringList{} << QStringList{} << QStringList{u"/var/lib/collector/state"_s}
        << QStringList{u"/etc/collector/secret.key"_s} << QStringList{}
        << QStringList{u"/var/lib/collector/state write CAP_DAC_OVERRIDE"_s,
                       u"/etc/collector/secret.key read CAP_DAC_READ_SEARCH"_s}
        << QStringList{};
    QTest::newRow("switching between users is not a drop")
        << u"switch-users.jsonl"_s << ebpf << true << s << 0 << QStringList{u"CAP_SETGID=used"_s, u"CAP_SETUID=used"_s}
        << QStringList{u"CAP_SETGID"_s, u"CAP_SETUID"_s} << QStringList{} << QStringList{} << QStringList{}
        << QStringList{} << QStringList{} << QStringList{} << QStringList{};
    QTest::newRow("strace: tcpdump without capabilities")
        << u"tcpdump-nocaps.strace"_s << strace << false << 2 * s << 4300 << QStringList{u"CAP_NET_RAW=needed"_s}
        << QStringList{u"CAP_NET_RAW"_s} << QStringList{} << QStringList{u"AF_UNIX"_s, u"AF_PACKET"_s} << QStringList{}
        << QStringList{} << QStringList{} << QStringList{} << QStringList{};
    QTest::newRow("strace: chronyd without capabilities")
        << u"chronyd-nocaps.strace"_s << strace << false << qint64(0) << 700
        << QStringList{u"CAP_SETGID=privilege-drop"_s, u"CAP_SETUID=privilege-drop"_s, u"CAP_NET_BIND_SERVICE=needed"_s,
                       u"CAP_SYS_NICE=needed"_s, u"CAP_SYS_TIME=needed"_s}
        << QStringList{u"CAP_NET_BIND_SERVICE"_s, u"CAP_SYS_NICE"_s, u"CAP_SYS_TIME"_s}
        << QStringList{u"udp/123 0.0.0.0"_s} << QStringList{u"AF_INET"_s, u"AF_UNIX"_s}
        << QStringList{u"/run/chrony/chronyd.sock"_s, u"/var/lib/chrony/chrony.drift"_s} << QStringList{}
        << QStringList{u"/dev/rtc0"_s} << QStringList{u"/var/lib/chrony/chrony.drift write -"_s, u"/dev/rtc0 read -"_s}
        << QStringList{u"mlockall() EPERM 1"_s};
    QTest::newRow("strace: netlink, interfaces, perf and SCSI without capabilities")
        << u"netagent-nocaps.strace"_s << strace << false << 30 * s << 0
        << QStringList{u"CAP_NET_ADMIN=needed"_s, u"CAP_SYS_RAWIO=needed"_s, u"CAP_PERFMON=needed"_s}
        << QStringList{u"CAP_NET_ADMIN"_s, u"CAP_SYS_RAWIO"_s, u"CAP_PERFMON"_s} << QStringList{}
        << QStringList{u"AF_NETLINK"_s, u"AF_INET"_s} << QStringList{u"/var/lib/netagent/spool/queue.db"_s}
        << QStringList{} << QStringList{u"/dev/sda"_s} << QStringList{} << QStringList{u"kill() EPERM 1"_s};
}

void ObservationTest::fixture()
{
    QFETCH(QString, file);
    QFETCH(int, mechanism);
    QFETCH(bool, asRoot);
    QFETCH(qint64, durationNs);
    QFETCH(int, mainPid);
    QFETCH(QStringList, verdicts);
    QFETCH(QStringList, capabilities);
    QFETCH(QStringList, ports);
    QFETCH(QStringList, families);
    QFETCH(QStringList, writePaths);
    QFETCH(QStringList, readPaths);
    QFETCH(QStringList, devices);
    QFETCH(QStringList, pathFixes);
    QFETCH(QStringList, unexplained);

    ObservationOptions options;
    options.mechanism = Mechanism(mechanism);
    options.asRoot = asRoot;
    options.durationNs = durationNs;
    const Observation observation = aggregateObservation(events(file, mainPid, {}), options);

    QStringList gotVerdicts;
    for (const CapabilityObservation &c : observation.capabilities) {
        gotVerdicts.append(capName(c.capability) + u'=' + capabilityVerdictId(c.verdict));
    }
    QStringList sortedExpected = verdicts;
    std::sort(sortedExpected.begin(), sortedExpected.end(), [](const QString &a, const QString &b) {
        return capabilityByName(a.section(u'=', 0, 0))->number < capabilityByName(b.section(u'=', 0, 0))->number;
    });
    QCOMPARE(gotVerdicts, sortedExpected);

    QStringList gotCapabilities;
    for (const CapabilityNeed &need : observation.needs.capabilities) {
        gotCapabilities.append(capName(need.capability));
        QCOMPARE(need.reasons.size(), 1);
        QCOMPARE(need.reasons.first().source, u"observed"_s);
        QVERIFY(need.reasons.first().condition.isEmpty());
    }
    std::sort(capabilities.begin(), capabilities.end(), [](const QString &a, const QString &b) {
        return capabilityByName(a)->number < capabilityByName(b)->number;
    });
    QCOMPARE(gotCapabilities, capabilities);

    QStringList gotPorts;
    for (const PortNeed &port : observation.needs.listenPorts) {
        gotPorts.append(port.protocol + u'/' + QString::number(port.port) + u' ' + port.address);
    }
    QCOMPARE(gotPorts, ports);
    QCOMPARE(names(observation.needs.addressFamilies), families);
    QStringList gotWrites = names(observation.needs.writePaths);
    gotWrites.sort();
    writePaths.sort();
    QCOMPARE(gotWrites, writePaths);
    QCOMPARE(names(observation.needs.readPaths), readPaths);
    QCOMPARE(names(observation.needs.devices), devices);
    QVERIFY(observation.needs.commands.isEmpty());
    QVERIFY(observation.needs.groups.isEmpty());

    QStringList gotFixes;
    for (const PathFix &fix : observation.pathFixes) {
        QStringList access;
        if (fix.access.read) {
            access.append(u"read"_s);
        }
        if (fix.access.write) {
            access.append(u"write"_s);
        }
        if (fix.access.execute) {
            access.append(u"execute"_s);
        }
        gotFixes.append(fix.path + u' ' + access.join(u'+') + u' ' +
                        (fix.capability >= 0 ? capName(fix.capability) : u"-"_s));
    }
    QCOMPARE(gotFixes, pathFixes);
    QStringList gotUnexplained;
    for (const UnexplainedFailure &failure : observation.unexplained) {
        gotUnexplained.append(failure.call + u' ' + failure.error + u' ' + QString::number(failure.count));
    }
    QCOMPARE(gotUnexplained, unexplained);

    // Observed as root: the note says what it hides.
    QCOMPARE(observation.notes.first().startsWith(u"Observed as root"_s), asRoot);

    const QString golden = kData + u"expected/"_s + file.section(u'.', 0, 0) + u".json"_s;
    const QString diff = Deroot::TestSupport::compareGolden(
        golden, QString::fromUtf8(QJsonDocument(document(observation)).toJson(QJsonDocument::Indented)));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void ObservationTest::evidenceWording()
{
    ObservationOptions options;
    options.asRoot = true;
    options.durationNs = 60000000000;
    const Observation root = aggregateObservation(events(u"fping-root.jsonl"_s, 0, {}), options);
    QCOMPARE(root.needs.capabilities.first().reasons.first().text,
             u"observed: 2 checks in 60 s, granted; socket(AF_INET, SOCK_RAW) succeeded; socket(AF_INET6, SOCK_RAW) "
             "succeeded (not shown necessary)"_s);

    options.asRoot = false;
    options.durationNs = 10000000000;
    const Observation user = aggregateObservation(events(u"tcpdump-user.jsonl"_s, 0, {}), options);
    QCOMPARE(user.needs.capabilities.first().reasons.first().text,
             u"observed: 1 check in 10 s, 1 refused; socket(AF_PACKET, SOCK_RAW) failed with EPERM"_s);

    options.mechanism = Mechanism::Strace;
    options.durationNs = 0;
    const Observation chrony = aggregateObservation(events(u"chronyd-nocaps.strace"_s, 700, u"chronyd"_s), options);
    QCOMPARE(chrony.options.durationNs, 9900000);
    const auto time = std::find_if(chrony.capabilities.cbegin(), chrony.capabilities.cend(),
                                   [](const CapabilityObservation &c) { return c.capability == CAP_SYS_TIME; });
    QVERIFY(time != chrony.capabilities.cend());
    QCOMPARE(time->evidence, u"observed without capabilities in 10 ms: adjtimex() failed with EPERM; "
                             "clock_settime() failed with EPERM"_s);
    QCOMPARE(time->processes, QStringList{u"chronyd (pid 700)"_s});
    const auto bind = std::find_if(chrony.capabilities.cbegin(), chrony.capabilities.cend(),
                                   [](const CapabilityObservation &c) { return c.capability == CAP_NET_BIND_SERVICE; });
    QCOMPARE(bind->evidence, u"observed without capabilities in 10 ms: bind(udp port 123) failed with EACCES (or a "
                             "lower net.ipv4.ip_unprivileged_port_start)"_s);
}

void ObservationTest::failureMeaning_data()
{
    QTest::addColumn<SyscallResult>("result");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("capability");

    using K = FailureMeaning::Kind;
    const auto r = [](const QString &syscall, int error, SyscallArguments arguments = {}) {
        SyscallResult result;
        result.syscall = syscall;
        result.returnValue = error ? -error : 0;
        result.arguments = std::move(arguments);
        return result;
    };
    QTest::newRow("AF_PACKET") << r(u"socket"_s, EPERM, SocketCall{AF_PACKET, SOCK_DGRAM, 0}) << int(K::Capability)
                               << CAP_NET_RAW;
    QTest::newRow("raw inet6") << r(u"socket"_s, EPERM, SocketCall{AF_INET6, SOCK_RAW, 58}) << int(K::Capability)
                               << CAP_NET_RAW;
    QTest::newRow("ICMP datagram outside ping_group_range")
        << r(u"socket"_s, EACCES, SocketCall{AF_INET, SOCK_DGRAM, 1}) << int(K::Capability) << CAP_NET_RAW;
    QTest::newRow("tcp socket refused is unexplained")
        << r(u"socket"_s, EACCES, SocketCall{AF_INET, SOCK_STREAM, 6}) << int(K::Unexplained) << -1;
    QTest::newRow("packet socket succeeded")
        << r(u"socket"_s, 0, SocketCall{AF_PACKET, SOCK_RAW, 0}) << int(K::NotRefused) << -1;
    QTest::newRow("packet socket unsupported")
        << r(u"socket"_s, EAFNOSUPPORT, SocketCall{AF_PACKET, SOCK_RAW, 0}) << int(K::NotRefused) << -1;
    QTest::newRow("bind 80") << r(u"bind"_s, EACCES, BindCall{AF_INET, 80, u"0.0.0.0"_s, SOCK_STREAM})
                             << int(K::Capability) << CAP_NET_BIND_SERVICE;
    QTest::newRow("bind 1023") << r(u"bind"_s, EACCES, BindCall{AF_INET, 1023, {}, SOCK_STREAM}) << int(K::Capability)
                               << CAP_NET_BIND_SERVICE;
    QTest::newRow("bind at the unprivileged start")
        << r(u"bind"_s, EACCES, BindCall{AF_INET, 1024, {}, SOCK_STREAM}) << int(K::Unexplained) << -1;
    QTest::newRow("bind port 0") << r(u"bind"_s, EACCES, BindCall{AF_INET, 0, {}, SOCK_STREAM}) << int(K::Unexplained)
                                 << -1;
    QTest::newRow("adjtimex") << r(u"adjtimex"_s, EPERM) << int(K::Capability) << CAP_SYS_TIME;
    QTest::newRow("clock_adjtime") << r(u"clock_adjtime"_s, EPERM) << int(K::Capability) << CAP_SYS_TIME;
    QTest::newRow("clock_settime") << r(u"clock_settime"_s, EPERM) << int(K::Capability) << CAP_SYS_TIME;
    QTest::newRow("settimeofday") << r(u"settimeofday"_s, EPERM) << int(K::Capability) << CAP_SYS_TIME;
    QTest::newRow("taskstats refused in the reply") << [] {
        SyscallResult result;
        result.syscall = u"recvmsg"_s;
        result.returnValue = 56;
        result.arguments = NetlinkReply{16, EPERM};
        return result;
    }() << int(K::Capability) << CAP_NET_ADMIN;
    QTest::newRow("SIOCSIFFLAGS") << r(u"ioctl"_s, EPERM, IoctlCall{u"SIOCSIFFLAGS"_s, {}}) << int(K::Capability)
                                  << CAP_NET_ADMIN;
    QTest::newRow("SIOCGIFFLAGS refused is unexplained")
        << r(u"ioctl"_s, EPERM, IoctlCall{u"SIOCGIFFLAGS"_s, {}}) << int(K::Unexplained) << -1;
    QTest::newRow("SO_MARK") << r(u"setsockopt"_s, EPERM, SockoptCall{u"SOL_SOCKET"_s, u"SO_MARK"_s})
                             << int(K::Capability) << CAP_NET_ADMIN;
    QTest::newRow("perf_event_open") << r(u"perf_event_open"_s, EACCES) << int(K::Capability) << CAP_PERFMON;
    QTest::newRow("bpf") << r(u"bpf"_s, EPERM) << int(K::Capability) << CAP_BPF;
    QTest::newRow("ptrace") << r(u"ptrace"_s, EPERM) << int(K::Capability) << CAP_SYS_PTRACE;
    QTest::newRow("SG_IO") << r(u"ioctl"_s, EPERM, IoctlCall{u"SG_IO"_s, u"/dev/sda"_s}) << int(K::Capability)
                           << CAP_SYS_RAWIO;
    QTest::newRow("sched_setscheduler") << r(u"sched_setscheduler"_s, EPERM) << int(K::Capability) << CAP_SYS_NICE;
    QTest::newRow("open EACCES") << r(u"openat"_s, EACCES, PathCall{PathAccess{u"/etc/k"_s, true, false, false}, false})
                                 << int(K::PathFix) << -1;
    QTest::newRow("open EPERM is unexplained")
        << r(u"openat"_s, EPERM, PathCall{PathAccess{u"/etc/k"_s, true, false, false}, false}) << int(K::Unexplained)
        << -1;
    QTest::newRow("open ENOENT") << r(u"openat"_s, ENOENT, PathCall{PathAccess{u"/etc/k"_s, true, false, false}, false})
                                 << int(K::NotRefused) << -1;
    QTest::newRow("setuid to the user") << r(u"setuid"_s, EPERM, SetIdCall{{104}}) << int(K::PrivilegeDrop)
                                        << CAP_SETUID;
    QTest::newRow("setuid to root") << r(u"setuid"_s, EPERM, SetIdCall{{0}}) << int(K::Capability) << CAP_SETUID;
    QTest::newRow("setgid") << r(u"setgid"_s, EPERM, SetIdCall{{104}}) << int(K::PrivilegeDrop) << CAP_SETGID;
    QTest::newRow("setgroups") << r(u"setgroups"_s, EPERM, SetIdCall{}) << int(K::PrivilegeDrop) << CAP_SETGID;
    QTest::newRow("chroot") << r(u"chroot"_s, EPERM) << int(K::PrivilegeDrop) << CAP_SYS_CHROOT;
    QTest::newRow("kill is unexplained") << r(u"kill"_s, EPERM) << int(K::Unexplained) << -1;
}

void ObservationTest::failureMeaning()
{
    QFETCH(SyscallResult, result);
    QFETCH(int, kind);
    QFETCH(int, capability);
    const FailureMeaning meaning = Deroot::Core::failureMeaning(result, 1024);
    QCOMPARE(int(meaning.kind), kind);
    QCOMPARE(meaning.capability, capability);
}

void ObservationTest::reviewAndMechanism()
{
    // A refused check whose call failed otherwise, or never returned, is for review, not a need.
    EventStream stream;
    CapabilityCheck check;
    check.capability = CAP_SYS_ADMIN;
    check.process = {7, 7, u"agent"_s};
    check.syscall = u"mount"_s;
    check.syscallReturn = -ENOENT;
    stream.checks.append(check);
    check.capability = CAP_IPC_LOCK;
    check.syscall = u"mlock"_s;
    check.syscallReturn.reset();
    stream.checks.append(check);
    // Under eBPF a refused call is read from its check, not from the strace table: a packet socket
    // refused without a check is no capability (the check would have said which).
    SyscallResult socket;
    socket.process = check.process;
    socket.syscall = u"socket"_s;
    socket.returnValue = -EPERM;
    socket.arguments = SocketCall{AF_PACKET, SOCK_RAW, 768};
    stream.results.append(socket);

    ObservationOptions options;
    options.durationNs = 1000000000;
    const Observation ebpf = aggregateObservation(stream, options);
    QCOMPARE(ebpf.capabilities.size(), 2);
    QCOMPARE(capabilityVerdictId(ebpf.capabilities[0].verdict), u"review"_s);
    QCOMPARE(capabilityVerdictId(ebpf.capabilities[1].verdict), u"review"_s);
    QCOMPARE(ebpf.capabilities[1].evidence, u"observed: 1 check in 1.0 s, refused; mount() failed with ENOENT: the "
                                            "refusal may not be why it failed"_s);
    QVERIFY(ebpf.needs.capabilities.isEmpty());
    QVERIFY(ebpf.unexplained.isEmpty());
    QCOMPARE(names(ebpf.needs.addressFamilies), QStringList{u"AF_PACKET"_s});

    options.mechanism = Mechanism::Strace;
    const Observation strace = aggregateObservation(EventStream{{}, stream.results, {}}, options);
    QCOMPARE(strace.capabilities.size(), 1);
    QCOMPARE(capName(strace.capabilities[0].capability), u"CAP_NET_RAW"_s);
    QCOMPARE(capabilityVerdictId(strace.capabilities[0].verdict), u"needed"_s);
    QCOMPARE(strace.needs.capabilities.size(), 1);
}

void ObservationTest::pure()
{
    // The same events give the same document, whatever ran before.
    ObservationOptions options;
    options.durationNs = 1;
    const EventStream stream = events(u"chronyd-root.jsonl"_s, 0, {});
    const QJsonObject first = document(aggregateObservation(stream, options));
    (void)aggregateObservation(events(u"forkexec-dac.jsonl"_s, 0, {}), options);
    QCOMPARE(document(aggregateObservation(stream, options)), first);
    // Nothing observed: nothing needed, and the note on coverage.
    const Observation empty = aggregateObservation({}, options);
    QVERIFY(empty.capabilities.isEmpty());
    QVERIFY(empty.needs.capabilities.isEmpty());
    // ... and no sandbox setting: not even the start was seen.
    QVERIFY(empty.sandbox.isEmpty());
    QCOMPARE(empty.notes.size(), 2);
}

QTEST_GUILESS_MAIN(ObservationTest)
#include "observation_test.moc"
