// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The sandbox settings an observation flags: on the recorded fixtures, exactly the settings their
// events do not contradict; on small streams, one named row per rule that keeps a setting from being
// flagged (a device, a write below a home, a network socket, a watch begun mid-run, lost events, a
// failed agent); and the closed set of settings and values a document may carry.
#include "core/observe/eventstream.h"
#include "core/observe/observation.h"
#include "core/observe/sandboxflags.h"
#include "core/observe/straceparser.h"

#include <QFile>
#include <QTest>

#include <cerrno>
#include <sys/socket.h>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(EventStream)

class SandboxFlagsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void rules_data();
    void rules();
    void flaggable_data();
    void flaggable();
};

namespace {

EventStream fixture(const QString &name, int mainPid = 0, const QString &comm = {})
{
    QFile file(QStringLiteral(DEROOT_TEST_DATA) + u"/observe/"_s + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(file.fileName()));
    }
    if (name.endsWith(u".strace"_s)) {
        return EventStream{{}, parseStrace(file.readAll(), mainPid, comm).results, {}};
    }
    const auto stream = readEventStream(file.readAll());
    if (!stream.ok()) {
        qFatal("%s: %s", qPrintable(name), qPrintable(stream.error().message));
    }
    return *stream;
}

QStringList settings(const QList<SandboxFlag> &flags)
{
    QStringList out;
    for (const SandboxFlag &flag : flags) {
        out << flag.setting();
    }
    return out;
}

SyscallResult result(const QString &syscall, std::int64_t ret, SyscallArguments arguments)
{
    SyscallResult r;
    r.process = {100, 100, u"agent"_s};
    r.timeNs = 1000;
    r.syscall = syscall;
    r.returnValue = ret;
    r.arguments = std::move(arguments);
    return r;
}

SyscallResult socketCall(int family, std::int64_t ret = 3)
{
    return result(u"socket"_s, ret, SocketCall{family, SOCK_STREAM, 0});
}

SyscallResult openCall(const QString &path, bool write, std::int64_t ret = 4)
{
    PathAccess access;
    access.path = path;
    access.read = true;
    access.write = write;
    return result(u"openat"_s, ret, PathCall{access, false});
}

RecordingInfo command()
{
    RecordingInfo info;
    info.durationNs = 30'000'000'000;
    info.target = u"command /usr/bin/agent"_s;
    info.ended = kEndedTimeLimit.toString();
    return info;
}

} // namespace

void SandboxFlagsTest::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("mainPid");
    QTest::addColumn<QString>("comm");
    QTest::addColumn<QStringList>("expected");

    const QString devices = u"PrivateDevices=yes"_s;
    const QString home = u"ProtectHome=read-only"_s;
    QTest::newRow("fping as root: inet sockets, nothing else")
        << u"fping-root.jsonl"_s << 0 << QString()
        << QStringList{devices, home, u"RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6"_s};
    QTest::newRow("daemon on port 80: its family only, no private network")
        << u"daemon-port80-user.jsonl"_s << 0 << QString()
        << QStringList{devices, home, u"RestrictAddressFamilies=AF_UNIX AF_INET6"_s};
    QTest::newRow("tcpdump: the packet socket refused still counts as wanted")
        << u"tcpdump-user.jsonl"_s << 0 << QString()
        << QStringList{devices, home, u"RestrictAddressFamilies=AF_UNIX AF_PACKET"_s};
    QTest::newRow("ip link exited with 2: nothing flagged")
        << u"iplink-user.jsonl"_s << 0 << QString() << QStringList{};
    QTest::newRow("netagent under strace: a SCSI device, so devices stay")
        << u"netagent-nocaps.strace"_s << 0 << QString()
        << QStringList{home, u"RestrictAddressFamilies=AF_UNIX AF_INET AF_NETLINK"_s};
}

void SandboxFlagsTest::fixtures()
{
    QFETCH(QString, file);
    QFETCH(int, mainPid);
    QFETCH(QString, comm);
    QFETCH(QStringList, expected);
    const EventStream events = fixture(file, mainPid, comm);
    ObservationOptions options;
    options.durationNs = 10'000'000'000;
    if (file.endsWith(u".strace"_s)) {
        options.mechanism = Mechanism::Strace;
    }
    const Observation observation = aggregateObservation(events, options);
    QCOMPARE(settings(observation.sandbox), expected);
    for (const SandboxFlag &flag : observation.sandbox) {
        QVERIFY2(isFlaggableSetting(flag), qPrintable(flag.setting()));
        QVERIFY2(flag.evidence.startsWith(u"observed in 10 s: "_s), qPrintable(flag.evidence));
    }
    // The reader is told how weak the evidence is, or why nothing was flagged.
    QVERIFY(std::any_of(observation.notes.cbegin(), observation.notes.cend(), [&](const QString &note) {
        return expected.isEmpty() ? note.startsWith(u"No sandbox setting is flagged"_s)
                                  : note.contains(u"is weak evidence"_s);
    }));
}

void SandboxFlagsTest::rules_data()
{
    QTest::addColumn<EventStream>("events");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("withheld");

    const QString devices = u"PrivateDevices=yes"_s;
    const QString home = u"ProtectHome=read-only"_s;
    const QString network = u"PrivateNetwork=yes"_s;
    const QString unixOnly = u"RestrictAddressFamilies=AF_UNIX"_s;
    const auto stream = [](QList<SyscallResult> results, RecordingInfo info = command()) {
        return EventStream{{}, std::move(results), info};
    };
    QTest::newRow("only a unix socket and /dev/null: everything")
        << stream({socketCall(AF_UNIX), openCall(u"/dev/null"_s, true)})
        << QStringList{devices, home, network, unixOnly} << QString();
    QTest::newRow("no event at all: not even the start was seen")
        << stream({}) << QStringList{} << u"no system call of the agent was recorded"_s;
    QTest::newRow("a device node opened")
        << stream({openCall(u"/dev/net/tun"_s, true)}) << QStringList{home, network, unixOnly} << QString();
    QTest::newRow("a device refused for privilege is still wanted")
        << stream({openCall(u"/dev/kmsg"_s, false, -EACCES)}) << QStringList{home, network, unixOnly} << QString();
    QTest::newRow("a device that does not exist is no need")
        << stream({openCall(u"/dev/rtc0"_s, false, -ENOENT)}) << QStringList{devices, home, network, unixOnly}
        << QString();
    QTest::newRow("console is not kept by PrivateDevices")
        << stream({openCall(u"/dev/console"_s, true)}) << QStringList{home, network, unixOnly} << QString();
    QTest::newRow("ioctl on a disk") << stream({result(u"ioctl"_s, 0, IoctlCall{u"SG_IO"_s, u"/dev/sda"_s})})
                                     << QStringList{home, network, unixOnly} << QString();
    QTest::newRow("a write below /home") << stream({openCall(u"/home/agent/state"_s, true)})
                                         << QStringList{devices, network, unixOnly} << QString();
    QTest::newRow("a read below /home is not recorded as a need")
        << stream({openCall(u"/home/agent/config"_s, false)}) << QStringList{devices, home, network, unixOnly}
        << QString();
    QTest::newRow("a write to /run/user")
        << stream({openCall(u"/run/user/1000/x"_s, true)}) << QStringList{devices, network, unixOnly} << QString();
    QTest::newRow("/homework is not a home")
        << stream({openCall(u"/homework/x"_s, true)}) << QStringList{devices, home, network, unixOnly} << QString();
    QTest::newRow("a netlink socket: no private network")
        << stream({socketCall(AF_NETLINK)})
        << QStringList{devices, home, u"RestrictAddressFamilies=AF_UNIX AF_NETLINK"_s} << QString();
    QTest::newRow("a family the kernel lacks is no need")
        << stream({socketCall(AF_INET6, -EAFNOSUPPORT)}) << QStringList{devices, home, network, unixOnly} << QString();
    QTest::newRow("families sorted after AF_UNIX")
        << stream({socketCall(AF_INET6), socketCall(AF_UNIX), socketCall(AF_INET)})
        << QStringList{devices, home, u"RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6"_s} << QString();

    RecordingInfo unit = command();
    unit.target = u"unit nginx.service"_s;
    QTest::newRow("a unit watched mid-run: start-up not seen")
        << stream({socketCall(AF_UNIX)}, unit) << QStringList{} << u"already running when the watch began"_s;
    RecordingInfo pid = command();
    pid.target = u"pid 812"_s;
    QTest::newRow("a pid watched mid-run")
        << stream({socketCall(AF_UNIX)}, pid) << QStringList{} << u"already running when the watch began"_s;
    RecordingInfo lost = command();
    lost.lostEvents = 3;
    QTest::newRow("lost events") << stream({socketCall(AF_UNIX)}, lost) << QStringList{}
                                 << u"the recorder lost 3 events"_s;
    RecordingInfo signalled = command();
    signalled.ended = kEndedSignalled.toString();
    signalled.exitStatus = 128 + 11;
    QTest::newRow("killed by a signal") << stream({socketCall(AF_UNIX)}, signalled) << QStringList{}
                                        << u"killed by signal 11"_s;
    RecordingInfo exited = command();
    exited.ended = kEndedExited.toString();
    exited.exitStatus = 0;
    QTest::newRow("a oneshot that exited 0 is flagged")
        << stream({socketCall(AF_UNIX)}, exited) << QStringList{devices, home, network, unixOnly} << QString();
}

void SandboxFlagsTest::rules()
{
    QFETCH(EventStream, events);
    QFETCH(QStringList, expected);
    QFETCH(QString, withheld);
    ObservationOptions options;
    options.durationNs = 30'000'000'000;
    const Observation observation = aggregateObservation(events, options);
    const SandboxFlags flags = flagSandboxSettings(events, observation);
    QCOMPARE(settings(flags.flags), expected);
    QCOMPARE(observation.sandbox, flags.flags);
    QVERIFY2(withheld.isEmpty() ? flags.withheld.isEmpty() : flags.withheld.contains(withheld),
             qPrintable(flags.withheld));
    if (!withheld.isEmpty()) {
        QVERIFY(observation.notes.contains(flags.withheld));
    }
}

void SandboxFlagsTest::flaggable_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("flaggable");
    QTest::newRow("private devices") << u"PrivateDevices"_s << u"yes"_s << true;
    QTest::newRow("private devices no: a loosening") << u"PrivateDevices"_s << u"no"_s << false;
    QTest::newRow("private network") << u"PrivateNetwork"_s << u"yes"_s << true;
    QTest::newRow("protect home read-only") << u"ProtectHome"_s << u"read-only"_s << true;
    QTest::newRow("protect home no") << u"ProtectHome"_s << u"no"_s << false;
    QTest::newRow("families") << u"RestrictAddressFamilies"_s << u"AF_UNIX AF_INET"_s << true;
    QTest::newRow("families without AF_UNIX first") << u"RestrictAddressFamilies"_s << u"AF_INET AF_UNIX"_s << false;
    QTest::newRow("deny list") << u"RestrictAddressFamilies"_s << u"~AF_PACKET"_s << false;
    QTest::newRow("family twice") << u"RestrictAddressFamilies"_s << u"AF_UNIX AF_UNIX"_s << false;
    QTest::newRow("double space") << u"RestrictAddressFamilies"_s << u"AF_UNIX  AF_INET"_s << false;
    QTest::newRow("newline") << u"RestrictAddressFamilies"_s << u"AF_UNIX\nExecStartPre=/bin/sh"_s << false;
    QTest::newRow("any other property") << u"ExecStartPre"_s << u"/bin/sh"_s << false;
    QTest::newRow("user") << u"User"_s << u"root"_s << false;
    QTest::newRow("case") << u"privatedevices"_s << u"yes"_s << false;
}

void SandboxFlagsTest::flaggable()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(bool, flaggable);
    QCOMPARE(isFlaggableSetting(SandboxFlag{key, value, u"observed"_s}), flaggable);
}

QTEST_GUILESS_MAIN(SandboxFlagsTest)
#include "sandboxflags_test.moc"
