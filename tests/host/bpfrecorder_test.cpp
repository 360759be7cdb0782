// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The eBPF recorder with real agents from Debian packages, inside the booted test host. Each agent
// runs in a transient systemd service of its own (as nobody with no_new_privs, so fping's file
// capability is not gained, or as root), held at a FIFO until the recorder watches the unit's
// cgroup: then what the kernel was asked and answered is recorded, and the aggregation's verdicts
// are checked. The clock is never changed: chronyd runs without CAP_SYS_TIME, so the kernel
// refuses it, which is what the test wants to see.
#include "app/observer/bpfrecorder.h"
#include "core/observe/observation.h"
#include "hostsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Deroot;
using Deroot::Observer::BpfFilter;
using Deroot::Observer::BpfRecorder;

Q_DECLARE_METATYPE(Deroot::Core::CapabilityVerdict)

class BpfRecorderTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fpingAsNobodyNeedsNetRaw();
    void fpingAsRootUsesNetRaw();
    void tcpdumpNeedsNetRawForPacketSockets();
    void chronydWithoutSysTimeIsRefused();
    void nginxNeedsToBindPort80();
    void ipLinkSetIsRefusedInTheNetlinkReply();
    void followsForkedProcessesByPid();
    void phasesBeforeExecAndWithoutExec();
    void filterMatchingNothingIsEmpty();
    void processExitingAtOnce();
    void badFilters();
    void refusedWithoutCapabilities();
    void privilegeDropArguments();
    void manyEventsAreCountedNotLost();
    void overhead();

private:
    struct Agent
    {
        QStringList command;
        bool asNobody = true;
        QStringList properties = {};
        int runMs = 0;            ///< 0: until it exits (at most 20 s); else stop it after this long
        bool followByPid = false; ///< record the unit's main process and its forks, not its cgroup
        bool lateReader = false;  ///< read nothing until the agent has ended: the ring buffer fills
    };
    struct Recording
    {
        Core::EventStream events;
        std::uint64_t lost = 0;
        std::uint64_t delivered = 0;
        int mainPid = 0;
        QString log; ///< the unit's journal
        qint64 elapsedMs = 0;
    };
    Recording record(const Agent &agent);
    static Core::Observation aggregate(const Recording &recording, bool asRoot);

    QString m_previousPingRange;
    int m_units = 0;
};

namespace {

const QString kWorkDir = u"/run/deroot-bpftest"_s;

// The events as text, for a failure message.
QString describe(const Core::EventStream &events)
{
    QStringList lines;
    for (const Core::CapabilityCheck &check : events.checks) {
        lines.append(u"check cap %1 %2 by %3[%4/%5] in %6 -> %7 phase %8%9"_s.arg(check.capability)
                         .arg(check.granted ? u"granted"_s : u"denied"_s, check.process.comm)
                         .arg(check.process.pid)
                         .arg(check.process.tid)
                         .arg(check.syscall.isEmpty() ? u"-"_s : check.syscall,
                              check.syscallReturn ? QString::number(*check.syscallReturn) : u"?"_s,
                              Core::processPhaseId(check.phase),
                              check.path ? u" path "_s + check.path->path : QString()));
    }
    for (const Core::SyscallResult &result : events.results) {
        lines.append(u"result %1 by %2[%3] = %4"_s.arg(Core::describeCall(result), result.process.comm)
                         .arg(result.process.pid)
                         .arg(result.returnValue ? QString::number(*result.returnValue) : u"?"_s));
    }
    if (lines.size() > 200) {
        lines = lines.mid(0, 200) + QStringList{u"..."_s};
    }
    return lines.join(u'\n');
}

QList<Core::CapabilityCheck> checksOf(const Core::EventStream &events, int capability)
{
    QList<Core::CapabilityCheck> found;
    for (const Core::CapabilityCheck &check : events.checks) {
        if (check.capability == capability) {
            found.append(check);
        }
    }
    return found;
}

const Core::CapabilityObservation *capabilityIn(const Core::Observation &observation, int capability)
{
    for (const Core::CapabilityObservation &entry : observation.capabilities) {
        if (entry.capability == capability) {
            return &entry;
        }
    }
    return nullptr;
}

// No CAP_SYS_ADMIN verdict other than noise: the tracepoint has no opts, and memory accounting
// must still be told from a need.
bool sysAdminIsNoiseOrAbsent(const Core::Observation &observation)
{
    const Core::CapabilityObservation *admin = capabilityIn(observation, CAP_SYS_ADMIN);
    return !admin || admin->verdict == Core::CapabilityVerdict::Noise;
}

QString verdictText(const Core::Observation &observation)
{
    QStringList lines;
    for (const Core::CapabilityObservation &entry : observation.capabilities) {
        lines.append(
            u"cap %1: %2 (%3)"_s.arg(entry.capability).arg(Core::capabilityVerdictId(entry.verdict), entry.evidence));
    }
    return lines.join(u'\n');
}

std::uint64_t inodeOf(const QString &path)
{
    struct stat info{};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? std::uint64_t(info.st_ino) : 0;
}

QString text(const Core::EventStream &events, const Core::Observation &observation)
{
    return describe(events) + u"\n--\n"_s + verdictText(observation);
}

} // namespace

void BpfRecorderTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    QVERIFY(QDir().mkpath(kWorkDir));
    QVERIFY(QFile::setPermissions(kWorkDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                                QFileDevice::ReadOther | QFileDevice::ExeOther |
                                                QFileDevice::ReadGroup | QFileDevice::ExeGroup));
    // ICMP datagram sockets would let fping work as nobody without CAP_NET_RAW.
    m_previousPingRange = TestSupport::closePingGroupRange();
    QVERIFY(!m_previousPingRange.isEmpty());
}

void BpfRecorderTest::cleanupTestCase()
{
    TestSupport::restorePingGroupRange(m_previousPingRange);
}

BpfRecorderTest::Recording BpfRecorderTest::record(const Agent &agent)
{
    Recording recording;
    const QString unit = u"deroot-bpftest-%1-%2"_s.arg(::getpid()).arg(++m_units);
    const QString gate = kWorkDir + u'/' + unit + u".gate"_s;
    if (::mkfifo(QFile::encodeName(gate).constData(), 0600) != 0) {
        qWarning("mkfifo %s failed", qPrintable(gate));
        return recording;
    }
    // The service's user must open it: the FIFO is the user's.
    if (agent.asNobody && ::chown(QFile::encodeName(gate).constData(), 65534, 65534) != 0) {
        qWarning("chown %s failed", qPrintable(gate));
    }

    // The agent starts as systemd made it (user, no_new_privs, bounding set) and waits at the gate.
    QStringList arguments{u"--unit="_s + unit, u"--service-type=exec"_s, u"--collect"_s, u"--quiet"_s};
    if (agent.asNobody) {
        arguments << u"-p"_s << u"User=nobody"_s << u"-p"_s << u"Group=nogroup"_s << u"-p"_s
                  << u"NoNewPrivileges=yes"_s;
    }
    for (const QString &property : agent.properties) {
        arguments << u"-p"_s << property;
    }
    arguments << u"--"_s << u"/bin/sh"_s << u"-c"_s << u"read -r go < \"$0\" && exec \"$@\""_s << gate << agent.command;
    const TestSupport::HostRun started = TestSupport::hostRun(u"systemd-run"_s, arguments);
    if (started.exitCode != 0) {
        qWarning("systemd-run failed: %s", qPrintable(started.output));
        QFile::remove(gate);
        return recording;
    }
    TestSupport::waitFor([&] { return TestSupport::systemctlShow(unit, u"MainPID"_s).toInt() > 0; }, 10000);
    recording.mainPid = TestSupport::systemctlShow(unit, u"MainPID"_s).toInt();
    const QString cgroup = u"/sys/fs/cgroup"_s + TestSupport::systemctlShow(unit, u"ControlGroup"_s);

    auto opened = BpfRecorder::open();
    if (!opened) {
        qWarning("BpfRecorder::open: %s", qPrintable(opened.error().message));
        TestSupport::hostRun(u"systemctl"_s, {u"kill"_s, u"--signal=KILL"_s, unit});
        QFile::remove(gate);
        return recording;
    }
    std::unique_ptr<BpfRecorder> recorder = std::move(opened).value();
    BpfFilter filter;
    if (agent.followByPid) {
        filter.pids = {recording.mainPid};
    } else {
        filter.cgroupId = inodeOf(cgroup);
        filter.cgroupLevel = int(cgroup.count(u'/')) - 3;
    }
    const auto started2 = recorder->start(filter);
    if (!started2) {
        qWarning("start: %s", qPrintable(started2.error().message));
    }
    // The shell's own reading of the gate is not the agent's: nothing of it until it execs.
    recorder->ignoreUntilExec(recording.mainPid);

    QElapsedTimer timer;
    timer.start();
    // Blocks until the shell has the FIFO open for reading, then lets it go.
    const int fd = ::open(QFile::encodeName(gate).constData(), O_WRONLY | O_CLOEXEC);
    if (fd >= 0) {
        (void)!::write(fd, "go\n", 3);
        ::close(fd);
    }
    const int limitMs = agent.runMs > 0 ? agent.runMs : 20000;
    qint64 askedMs = 0;
    while (agent.lateReader && timer.elapsed() < limitMs) {
        const QString state = TestSupport::systemctlShow(unit, u"ActiveState"_s);
        if (state != u"active"_s && state != u"activating"_s && state != u"deactivating"_s) {
            break;
        }
        QTest::qWait(100);
    }
    while (timer.elapsed() < limitMs) {
        const auto polled = recorder->poll(100);
        if (!polled) {
            qWarning("poll: %s", qPrintable(polled.error().message));
            break;
        }
        // Asking systemd starts a process: not after every poll, or the ring buffer fills meanwhile.
        if (agent.runMs == 0 && timer.elapsed() - askedMs >= 300) {
            askedMs = timer.elapsed();
            const QString state = TestSupport::systemctlShow(unit, u"ActiveState"_s);
            if (state != u"active"_s && state != u"activating"_s && state != u"deactivating"_s) {
                break;
            }
        }
    }
    recording.events = recorder->finish();
    recording.elapsedMs = timer.elapsed();
    recording.lost = recorder->lostEvents();
    recording.delivered = recorder->deliveredEvents();
    TestSupport::hostRun(u"systemctl"_s, {u"stop"_s, unit});
    TestSupport::hostRun(u"systemctl"_s, {u"reset-failed"_s, unit});
    recording.log = TestSupport::hostRun(u"journalctl"_s, {u"--no-pager"_s, u"-o"_s, u"cat"_s, u"-u"_s, unit}).output;
    QFile::remove(gate);
    return recording;
}

Core::Observation BpfRecorderTest::aggregate(const Recording &recording, bool asRoot)
{
    Core::ObservationOptions options;
    options.mechanism = Core::Mechanism::Ebpf;
    options.asRoot = asRoot;
    QFile start(u"/proc/sys/net/ipv4/ip_unprivileged_port_start"_s);
    if (start.open(QIODevice::ReadOnly)) {
        options.unprivilegedPortStart = QString::fromLatin1(start.readAll()).trimmed().toInt();
    }
    return Core::aggregateObservation(recording.events, options);
}

void BpfRecorderTest::fpingAsNobodyNeedsNetRaw()
{
    const Recording r = record({{u"/usr/bin/fping"_s, u"-c1"_s, u"-t200"_s, u"127.0.0.1"_s}});
    const Core::Observation observation = aggregate(r, false);
    const QString shown = text(r.events, observation) + u"\n--\n"_s + r.log;
    QCOMPARE(r.lost, 0u);
    bool refusedRaw = false;
    for (const Core::CapabilityCheck &check : checksOf(r.events, CAP_NET_RAW)) {
        if (!check.granted && check.syscall == u"socket"_s && check.syscallReturn == -EPERM &&
            check.process.comm == u"fping"_s && check.process.pid == r.mainPid &&
            check.phase == Core::ProcessPhase::Running) {
            refusedRaw = true;
        }
    }
    QVERIFY2(refusedRaw, qPrintable(shown));
    bool rawResult = false;
    for (const Core::SyscallResult &result : r.events.results) {
        const auto *socket = std::get_if<Core::SocketCall>(&result.arguments);
        if (socket && socket->family == AF_INET && socket->type == SOCK_RAW && result.error() == EPERM) {
            rawResult = true;
        }
    }
    QVERIFY2(rawResult, qPrintable(shown));
    const Core::CapabilityObservation *raw = capabilityIn(observation, CAP_NET_RAW);
    QVERIFY2(raw && raw->verdict == Core::CapabilityVerdict::Needed, qPrintable(shown));
    QVERIFY2(sysAdminIsNoiseOrAbsent(observation), qPrintable(shown));
    // The gated shell was ignored: nothing from before the exec of fping.
    for (const Core::CapabilityCheck &check : r.events.checks) {
        QVERIFY2(check.process.comm != u"sh"_s, qPrintable(shown));
    }
}

void BpfRecorderTest::fpingAsRootUsesNetRaw()
{
    const Recording r = record({{u"/usr/bin/fping"_s, u"-c1"_s, u"-t200"_s, u"127.0.0.1"_s}, false});
    const Core::Observation observation = aggregate(r, true);
    const QString shown = text(r.events, observation) + u"\n--\n"_s + r.log;
    QCOMPARE(r.lost, 0u);
    bool granted = false;
    for (const Core::CapabilityCheck &check : checksOf(r.events, CAP_NET_RAW)) {
        granted = granted || (check.granted && check.syscall == u"socket"_s && check.syscallReturn.value_or(-1) >= 0);
    }
    QVERIFY2(granted, qPrintable(shown));
    const Core::CapabilityObservation *raw = capabilityIn(observation, CAP_NET_RAW);
    QVERIFY2(raw && raw->verdict == Core::CapabilityVerdict::Used, qPrintable(shown));
    QVERIFY2(sysAdminIsNoiseOrAbsent(observation), qPrintable(shown));
    QVERIFY2(observation.needs.addressFamilies.size() >= 1, qPrintable(shown));
}

void BpfRecorderTest::tcpdumpNeedsNetRawForPacketSockets()
{
    const Recording r = record({{u"/usr/bin/tcpdump"_s, u"-i"_s, u"lo"_s, u"-c"_s, u"1"_s}});
    const Core::Observation observation = aggregate(r, false);
    const QString shown = text(r.events, observation) + u"\n--\n"_s + r.log;
    QCOMPARE(r.lost, 0u);
    bool packet = false;
    for (const Core::SyscallResult &result : r.events.results) {
        const auto *socket = std::get_if<Core::SocketCall>(&result.arguments);
        packet = packet || (socket && socket->family == AF_PACKET && result.error() == EPERM &&
                            result.process.comm == u"tcpdump"_s);
    }
    QVERIFY2(packet, qPrintable(shown));
    const Core::CapabilityObservation *raw = capabilityIn(observation, CAP_NET_RAW);
    QVERIFY2(raw && raw->verdict == Core::CapabilityVerdict::Needed, qPrintable(shown));
    QVERIFY2(raw->evidence.contains(u"socket(AF_PACKET, SOCK_RAW)"_s), qPrintable(shown));
    QVERIFY2(sysAdminIsNoiseOrAbsent(observation), qPrintable(shown));
}

void BpfRecorderTest::chronydWithoutSysTimeIsRefused()
{
    // chronyd refuses to start unless it is root; as root without CAP_SYS_TIME in its bounding
    // set it passes that test and the kernel refuses its first adjtimex(): the clock stays as it is.
    const QString config = kWorkDir + u"/chrony.conf"_s;
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("makestep 1 -1\nlocal stratum 10\ndriftfile /run/deroot-bpftest/chrony.drift\n"
               "pidfile /run/deroot-bpftest/chronyd.pid\ncmdport 0\n");
    file.close();
    const Recording r = record(
        {{u"/usr/sbin/chronyd"_s, u"-d"_s, u"-f"_s, config}, false, {u"CapabilityBoundingSet=~CAP_SYS_TIME"_s}, 5000});
    const Core::Observation observation = aggregate(r, true);
    const QString shown = text(r.events, observation) + u"\n--\n"_s + r.log;
    QCOMPARE(r.lost, 0u);
    bool refused = false;
    for (const Core::CapabilityCheck &check : checksOf(r.events, CAP_SYS_TIME)) {
        refused = refused || (!check.granted && check.process.comm == u"chronyd"_s &&
                              (check.syscall == u"adjtimex"_s || check.syscall == u"clock_adjtime"_s ||
                               check.syscall == u"clock_settime"_s || check.syscall == u"settimeofday"_s) &&
                              check.syscallReturn == -EPERM);
    }
    QVERIFY2(refused, qPrintable(shown));
    const Core::CapabilityObservation *time = capabilityIn(observation, CAP_SYS_TIME);
    QVERIFY2(time && time->verdict == Core::CapabilityVerdict::Needed, qPrintable(shown));
    QVERIFY2(sysAdminIsNoiseOrAbsent(observation), qPrintable(shown));
}

void BpfRecorderTest::nginxNeedsToBindPort80()
{
    const QString config = kWorkDir + u"/nginx.conf"_s;
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("error_log stderr;\npid /tmp/deroot-bpftest-nginx.pid;\nevents {}\n"
               "http { access_log off; client_body_temp_path /tmp; proxy_temp_path /tmp; fastcgi_temp_path /tmp;"
               " uwsgi_temp_path /tmp; scgi_temp_path /tmp; server { listen 80; } }\n");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    const Recording r = record(
        {{u"/usr/sbin/nginx"_s, u"-e"_s, u"stderr"_s, u"-c"_s, config, u"-g"_s, u"daemon off;"_s}, true, {}, 5000});
    const Core::Observation observation = aggregate(r, false);
    const QString shown = text(r.events, observation) + u"\n--\n"_s + r.log;
    QCOMPARE(r.lost, 0u);
    bool bound = false;
    for (const Core::SyscallResult &result : r.events.results) {
        const auto *bind = std::get_if<Core::BindCall>(&result.arguments);
        bound = bound || (bind && bind->family == AF_INET && bind->port == 80 && bind->address == u"0.0.0.0"_s &&
                          bind->socketType == SOCK_STREAM && result.error() == EACCES);
    }
    QVERIFY2(bound, qPrintable(shown));
    const Core::CapabilityObservation *bindService = capabilityIn(observation, CAP_NET_BIND_SERVICE);
    QVERIFY2(bindService && bindService->verdict == Core::CapabilityVerdict::Needed, qPrintable(shown));
    bool port80 = false;
    for (const Core::PortNeed &port : observation.needs.listenPorts) {
        port80 = port80 || (port.port == 80 && port.protocol == u"tcp"_s);
    }
    QVERIFY2(port80, qPrintable(shown));
    QVERIFY2(sysAdminIsNoiseOrAbsent(observation), qPrintable(shown));
}

void BpfRecorderTest::ipLinkSetIsRefusedInTheNetlinkReply()
{
    const Recording r = record({{u"/usr/sbin/ip"_s, u"link"_s, u"set"_s, u"lo"_s, u"mtu"_s, u"65535"_s}});
    const Core::Observation observation = aggregate(r, false);
    const QString shown = text(r.events, observation) + u"\n--\n"_s + r.log;
    QCOMPARE(r.lost, 0u);
    // The request is refused in the kernel's reply; the sendmsg that carried it succeeds.
    bool checked = false;
    for (const Core::CapabilityCheck &check : checksOf(r.events, CAP_NET_ADMIN)) {
        checked = checked || (!check.granted && check.syscall == u"sendmsg"_s && check.syscallReturn.value_or(-1) > 0);
    }
    QVERIFY2(checked, qPrintable(shown));
    bool netlink = false;
    for (const Core::SyscallResult &result : r.events.results) {
        const auto *socket = std::get_if<Core::SocketCall>(&result.arguments);
        netlink = netlink || (result.syscall == u"sendmsg"_s && socket && socket->family == AF_NETLINK &&
                              socket->type == SOCK_RAW && socket->protocol == NETLINK_ROUTE && result.succeeded());
    }
    QVERIFY2(netlink, qPrintable(shown));
    const Core::CapabilityObservation *admin = capabilityIn(observation, CAP_NET_ADMIN);
    // A checked netlink send is a refused request (the aggregation's netlink rule): needed.
    QVERIFY2(admin && admin->verdict == Core::CapabilityVerdict::Needed, qPrintable(shown));
    QVERIFY2(admin->evidence.contains(u"sendmsg(AF_NETLINK, SOCK_RAW)"_s), qPrintable(shown));
    QVERIFY2(sysAdminIsNoiseOrAbsent(observation), qPrintable(shown));
}

void BpfRecorderTest::followsForkedProcessesByPid()
{
    // The shell forks fping: followed by pid, the child is recorded too.
    Agent agent{{u"/bin/sh"_s, u"-c"_s, u"/usr/bin/fping -c1 -t200 127.0.0.1; exit 0"_s}};
    agent.followByPid = true;
    const Recording r = record(agent);
    const Core::Observation observation = aggregate(r, false);
    const QString shown = text(r.events, observation) + u"\n--\n"_s + r.log;
    bool child = false;
    for (const Core::CapabilityCheck &check : checksOf(r.events, CAP_NET_RAW)) {
        child = child || (check.process.comm == u"fping"_s && check.process.pid != r.mainPid && check.process.pid > 0 &&
                          check.phase == Core::ProcessPhase::Running && !check.granted);
    }
    QVERIFY2(child, qPrintable(shown));
    const Core::CapabilityObservation *raw = capabilityIn(observation, CAP_NET_RAW);
    QVERIFY2(raw && raw->verdict == Core::CapabilityVerdict::Needed, qPrintable(shown));
}

void BpfRecorderTest::phasesBeforeExecAndWithoutExec()
{
    // As root: a subshell opens a file only a capability can read, then execs (before-exec: the
    // parent's code); another opens one and ends without exec (its own doing).
    const QString before = kWorkDir + u"/before-exec"_s;
    const QString after = kWorkDir + u"/without-exec"_s;
    for (const QString &file : {before, after}) {
        QFile(file).open(QIODevice::WriteOnly);
        QVERIFY(::chmod(QFile::encodeName(file).constData(), 0) == 0);
    }
    const QString script =
        u"( : < %1; exec /bin/cat /dev/null ); ( : < %2 ); /bin/cat /dev/null; true"_s.arg(before, after);
    const Recording r = record({{u"/bin/sh"_s, u"-c"_s, script}, false});
    const Core::Observation observation = aggregate(r, true);
    const QString shown = text(r.events, observation) + u"\n--\n"_s + r.log;
    QCOMPARE(r.lost, 0u);
    bool beforeExec = false;
    bool withoutExec = false;
    for (const Core::CapabilityCheck &check : r.events.checks) {
        if (!check.path || check.syscall != u"openat"_s || check.process.pid == r.mainPid) {
            continue;
        }
        if (check.path->path == before) {
            QVERIFY2(check.phase == Core::ProcessPhase::Forked, qPrintable(shown));
            beforeExec = true;
        }
        if (check.path->path == after) {
            QVERIFY2(check.phase == Core::ProcessPhase::Running && check.path->read, qPrintable(shown));
            withoutExec = true;
        }
    }
    QVERIFY2(beforeExec, qPrintable(shown));
    QVERIFY2(withoutExec, qPrintable(shown));
    // The file opened without exec is a path fix; the one before exec is the parent's noise.
    bool fixAfter = false;
    for (const Core::PathFix &fix : observation.pathFixes) {
        QVERIFY2(fix.path != before, qPrintable(shown));
        fixAfter = fixAfter || fix.path == after;
    }
    QVERIFY2(fixAfter, qPrintable(shown));
    // Forks copy the memory map and stacks grow: memory accounting, never a CAP_SYS_ADMIN need.
    QVERIFY2(sysAdminIsNoiseOrAbsent(observation), qPrintable(shown));
}

void BpfRecorderTest::filterMatchingNothingIsEmpty()
{
    const QString empty = u"/sys/fs/cgroup/deroot-bpftest-empty-%1"_s.arg(::getpid());
    QVERIFY(QDir().mkpath(empty));
    auto opened = BpfRecorder::open();
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    std::unique_ptr<BpfRecorder> recorder = std::move(opened).value();
    QVERIFY(recorder->start({inodeOf(empty), 1, {}}).ok());
    // Work elsewhere that would be recorded if the filter leaked: a raw socket refused to nobody.
    const TestSupport::HostRun ran = TestSupport::hostRun(
        u"setpriv"_s, {u"--reuid"_s, u"nobody"_s, u"--regid"_s, u"nogroup"_s, u"--clear-groups"_s, u"--no-new-privs"_s,
                       u"/usr/bin/fping"_s, u"-c1"_s, u"-t200"_s, u"127.0.0.1"_s});
    QVERIFY2(ran.exitCode >= 0, qPrintable(ran.output));
    QVERIFY(recorder->poll(200).ok());
    const Core::EventStream events = recorder->finish();
    QVERIFY2(events.checks.isEmpty() && events.results.isEmpty(), qPrintable(describe(events)));
    QCOMPARE(recorder->lostEvents(), 0u);
    QVERIFY(QDir().rmdir(empty));

    // By pid: a process that has already ended.
    const pid_t gone = ::fork();
    if (gone == 0) {
        ::_exit(0);
    }
    QVERIFY(gone > 0);
    QCOMPARE(::waitpid(gone, nullptr, 0), gone);
    auto byPid = BpfRecorder::open();
    QVERIFY2(byPid.ok(), qPrintable(byPid.error().message));
    std::unique_ptr<BpfRecorder> pidRecorder = std::move(byPid).value();
    QVERIFY(pidRecorder->start({0, -1, {int(gone)}}).ok());
    QVERIFY(TestSupport::hostRun(u"/usr/bin/fping"_s, {u"-c1"_s, u"-t200"_s, u"127.0.0.1"_s}).exitCode >= 0);
    QVERIFY(pidRecorder->poll(200).ok());
    const Core::EventStream none = pidRecorder->finish();
    QVERIFY2(none.checks.isEmpty() && none.results.isEmpty(), qPrintable(describe(none)));
}

void BpfRecorderTest::processExitingAtOnce()
{
    const Recording r = record({{u"/bin/true"_s}});
    const QString shown = describe(r.events) + u"\n--\n"_s + r.log;
    QCOMPARE(r.lost, 0u);
    for (const Core::CapabilityCheck &check : r.events.checks) {
        QVERIFY2(check.process.pid == r.mainPid && check.phase != Core::ProcessPhase::Forked, qPrintable(shown));
    }
    for (const Core::SyscallResult &result : r.events.results) {
        QVERIFY2(result.process.pid == r.mainPid, qPrintable(shown));
    }
    // Its exec was the gate's end: the execve of /bin/true is the first thing recorded.
    QVERIFY2(!r.events.results.isEmpty() && r.events.results.first().syscall == u"execve"_s, qPrintable(shown));
    const auto *path = std::get_if<Core::PathCall>(&r.events.results.first().arguments);
    QVERIFY2(path && path->access.path == u"/bin/true"_s && path->access.execute, qPrintable(shown));
}

void BpfRecorderTest::badFilters()
{
    auto opened = BpfRecorder::open();
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    std::unique_ptr<BpfRecorder> recorder = std::move(opened).value();
    const auto neither = recorder->start({});
    QVERIFY(!neither.ok());
    QCOMPARE(neither.error().code, Core::ExitCode::Usage);
    const auto both = recorder->start({12345, 1, {1}});
    QVERIFY(!both.ok());
    QCOMPARE(both.error().code, Core::ExitCode::Usage);
    const auto badPid = recorder->start({0, -1, {-4}});
    QVERIFY(!badPid.ok());
    QVERIFY(recorder->start({0, -1, {::getpid()}}).ok());
    const auto twice = recorder->start({0, -1, {::getpid()}});
    QVERIFY(!twice.ok());
    QVERIFY2(twice.error().message.contains(u"already"_s), qPrintable(twice.error().message));
    const Core::EventStream events = recorder->finish();
    // finish() twice gives nothing more, and never crashes.
    const Core::EventStream again = recorder->finish();
    QVERIFY(again.checks.isEmpty() && again.results.isEmpty());
    Q_UNUSED(events);
}

void BpfRecorderTest::refusedWithoutCapabilities()
{
    // Copied where nobody may run it: the build tree may sit below a folder only root enters.
    const QString probe = u"/usr/local/libexec/deroot-bpfopenprobe"_s;
    QFile::remove(probe);
    QVERIFY(TestSupport::hostRun(u"install"_s, {u"-D"_s, u"-m"_s, u"0755"_s, QStringLiteral(BPFOPENPROBE_PATH), probe})
                .exitCode == 0);
    const TestSupport::HostRun allowed = TestSupport::hostRun(probe, {});
    QVERIFY2(allowed.exitCode == 0 && allowed.output.contains(u"opened"_s), qPrintable(allowed.output));
    // Root without CAP_BPF, CAP_PERFMON and CAP_SYS_ADMIN: the kernel refuses bpf().
    const TestSupport::HostRun refused =
        TestSupport::hostRun(u"setpriv"_s, {u"--bounding-set=-bpf,-perfmon,-sys_admin"_s, u"--inh-caps=-all"_s, probe});
    QVERIFY2(refused.exitCode == 3, qPrintable(refused.output));
    QVERIFY2(refused.output.contains(u"refused: "_s) && refused.output.contains(u"EPERM"_s) &&
                 refused.output.contains(u"CAP_BPF"_s),
             qPrintable(refused.output));
    // As nobody, the same.
    const TestSupport::HostRun nobody =
        TestSupport::hostRun(u"setpriv"_s, {u"--reuid"_s, u"nobody"_s, u"--regid"_s, u"nogroup"_s, u"--clear-groups"_s,
                                            u"--inh-caps=-all"_s, probe});
    QVERIFY2(nobody.exitCode == 3 && nobody.output.contains(u"refused: "_s), qPrintable(nobody.output));
}

void BpfRecorderTest::privilegeDropArguments()
{
    // As root, setpriv drops to nobody with two supplementary groups: the ids each call asked for.
    const Recording r = record(
        {{u"/usr/bin/setpriv"_s, u"--regid=65534"_s, u"--reuid=65534"_s, u"--groups=65534,100"_s, u"/bin/true"_s},
         false});
    const Core::Observation observation = aggregate(r, true);
    const QString shown = text(r.events, observation) + u"\n--\n"_s + r.log;
    QCOMPARE(r.lost, 0u);
    const QList<std::int64_t> groups{65534, 100};
    bool groupsChecked = false;
    bool uidChecked = false;
    for (const Core::CapabilityCheck &check : r.events.checks) {
        groupsChecked = groupsChecked || (check.capability == CAP_SETGID && check.syscall == u"setgroups"_s &&
                                          check.arguments == groups && check.syscallReturn == 0);
        uidChecked = uidChecked || (check.capability == CAP_SETUID && check.syscall.startsWith(u"set"_s) &&
                                    check.syscall.contains(u"uid"_s) && check.arguments.contains(65534) &&
                                    !check.arguments.contains(0));
    }
    QVERIFY2(groupsChecked, qPrintable(shown));
    QVERIFY2(uidChecked, qPrintable(shown));
    bool groupsResult = false;
    for (const Core::SyscallResult &result : r.events.results) {
        const auto *ids = std::get_if<Core::SetIdCall>(&result.arguments);
        groupsResult = groupsResult || (result.syscall == u"setgroups"_s && ids && ids->ids == groups);
    }
    QVERIFY2(groupsResult, qPrintable(shown));
    for (int capability : {CAP_SETUID, CAP_SETGID}) {
        const Core::CapabilityObservation *entry = capabilityIn(observation, capability);
        QVERIFY2(entry && entry->verdict == Core::CapabilityVerdict::PrivilegeDrop, qPrintable(shown));
    }
}

void BpfRecorderTest::manyEventsAreCountedNotLost()
{
    // 50000 sockets, each a reported result: what the ring buffer could not take is counted, so
    // the results recorded and the events lost account for every one of them. Read as it comes,
    // then read only once the agent has ended (the ring buffer holds about 26000 small events).
    constexpr int kSockets = 50000;
    const QString script =
        u"import socket\nfor _ in range(%1):\n    socket.socket(socket.AF_INET, socket.SOCK_DGRAM).close()\n"_s.arg(
            kSockets);
    for (const bool late : {false, true}) {
        Agent agent{{u"/usr/bin/python3"_s, u"-c"_s, script}, false};
        agent.lateReader = late;
        const Recording r = record(agent);
        int sockets = 0;
        for (const Core::SyscallResult &result : r.events.results) {
            const auto *socket = std::get_if<Core::SocketCall>(&result.arguments);
            if (socket && socket->family == AF_INET && socket->type == SOCK_DGRAM && result.succeeded()) {
                ++sockets;
            }
        }
        qInfo("%s: %d socket() results recorded, %llu events lost, %llu delivered in %lld ms",
              late ? "read late" : "read as they come", sockets, static_cast<unsigned long long>(r.lost),
              static_cast<unsigned long long>(r.delivered), r.elapsedMs);
        QVERIFY2(sockets > 0 && sockets <= kSockets, qPrintable(r.log));
        QVERIFY2(quint64(sockets) + r.lost >= quint64(kSockets), qPrintable(r.log));
        if (late) {
            // Nothing read while 50000 results came: the buffer overflowed, and the count says so.
            QVERIFY2(r.lost > 0, qPrintable(r.log));
        }
    }
}

void BpfRecorderTest::overhead()
{
    // Measured, never asserted: 200000 one-byte reads and writes, as dd itself times them: under
    // the recorder; outside while a recorder watches another cgroup (what every other process of
    // the machine pays: the filter); and with no recorder. Reads of /dev/zero and writes to
    // /dev/null are not reported, so the first is the cost of the filter and the per-thread
    // bookkeeping on every call.
    const QStringList dd{u"/usr/bin/dd"_s, u"if=/dev/zero"_s, u"of=/dev/null"_s, u"bs=1"_s, u"count=200000"_s};
    const auto seconds = [](const QString &output) {
        const QRegularExpressionMatch match = QRegularExpression(u"copied, ([0-9.,e-]+) s"_s).match(output);
        return match.hasMatch() ? match.captured(1).replace(u',', u'.').toDouble() : -1.0;
    };
    const Recording watched = record({dd, false});
    const TestSupport::HostRun plain = TestSupport::hostRun(dd.first(), dd.mid(1));
    QCOMPARE(plain.exitCode, 0);

    const QString elsewhere = u"/sys/fs/cgroup/deroot-bpftest-elsewhere-%1"_s.arg(::getpid());
    QVERIFY(QDir().mkpath(elsewhere));
    auto opened = BpfRecorder::open();
    QVERIFY2(opened.ok(), qPrintable(opened.error().message));
    std::unique_ptr<BpfRecorder> recorder = std::move(opened).value();
    QVERIFY(recorder->start({inodeOf(elsewhere), 1, {}}).ok());
    const TestSupport::HostRun outside = TestSupport::hostRun(dd.first(), dd.mid(1));
    QCOMPARE(outside.exitCode, 0);
    QVERIFY(recorder->finish().checks.isEmpty());
    QVERIFY(QDir().rmdir(elsewhere));

    const double recordedS = seconds(watched.log);
    const double plainS = seconds(plain.output);
    const double outsideS = seconds(outside.output);
    QVERIFY2(recordedS > 0 && plainS > 0 && outsideS > 0, qPrintable(watched.log + plain.output + outside.output));
    qInfo("dd, 400000 system calls: %.3f s recorded, %.3f s beside a recorder, %.3f s without one "
          "(%.2f us and %.2f us more a call); %llu events delivered, %llu lost",
          recordedS, outsideS, plainS, (recordedS - plainS) * 1e6 / 400000, (outsideS - plainS) * 1e6 / 400000,
          static_cast<unsigned long long>(watched.delivered), static_cast<unsigned long long>(watched.lost));
    QCOMPARE(watched.lost, 0u);
}

QTEST_GUILESS_MAIN(BpfRecorderTest)
#include "bpfrecorder_test.moc"
