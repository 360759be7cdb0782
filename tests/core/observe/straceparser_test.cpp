// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// strace's output into syscall results: one row per kind of line and argument decoding, the
// unfinished/resumed split across processes, and a malformed log whose every bad line is reported
// by number while the good lines around them still count.
#include "core/observe/straceparser.h"

#include <QFile>
#include <QTest>

#include <cerrno>
#include <sys/socket.h>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(SyscallResult)

class StraceParserTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void line_data();
    void line();
    void ignoredLines();
    void unfinishedAndResumed();
    void socketTypeForBind();
    void timestamps();
    void tcpdumpLog();
    void malformedLog();
    void hostileInput();
};

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(DEROOT_TEST_DATA) + u"/observe/"_s + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(file.fileName()));
    }
    return file.readAll();
}

SyscallResult result(const QString &syscall, std::optional<std::int64_t> value, SyscallArguments arguments = {},
                     int pid = 1)
{
    SyscallResult r;
    r.process = {pid, pid, QString()};
    r.syscall = syscall;
    r.returnValue = value;
    r.arguments = std::move(arguments);
    return r;
}

PathCall path(const QString &p, bool read, bool write, bool execute = false, bool truncated = false)
{
    return PathCall{PathAccess{p, read, write, execute}, truncated};
}

} // namespace

void StraceParserTest::line_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<SyscallResult>("expected");

    QTest::newRow("packet socket refused")
        << "socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)) = -1 EPERM (Operation not permitted)"_ba
        << result(u"socket"_s, -EPERM, SocketCall{AF_PACKET, SOCK_RAW, -1});
    QTest::newRow("icmp socket with flags")
        << "socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_ICMP) = 3"_ba
        << result(u"socket"_s, 3, SocketCall{AF_INET, SOCK_DGRAM, 1});
    QTest::newRow("netlink generic") << "socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC) = 5"_ba
                                     << result(u"socket"_s, 5, SocketCall{AF_NETLINK, SOCK_RAW, 16});
    QTest::newRow("numeric family") << "socket(17, SOCK_RAW, 768) = -1 EPERM (Operation not permitted)"_ba
                                    << result(u"socket"_s, -EPERM, SocketCall{AF_PACKET, SOCK_RAW, 768});
    QTest::newRow("bind inet6 with -y")
        << "bind(3<TCPv6:[4242]>, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::\", &sin6_addr), sin6_scope_id=0}, 28) = -1 EACCES (Permission denied)"_ba
        << result(u"bind"_s, -EACCES, BindCall{AF_INET6, 443, u"::"_s, SOCK_STREAM});
    QTest::newRow("bind unix abstract") << "bind(4, {sa_family=AF_UNIX, sun_path=@\"agent\"}, 8) = 0"_ba
                                        << result(u"bind"_s, 0, BindCall{AF_UNIX, -1, u"@agent"_s, -1});
    QTest::newRow("openat write")
        << "openat(AT_FDCWD, \"/var/lib/agent/state\", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0600) = 4"_ba
        << result(u"openat"_s, 4, path(u"/var/lib/agent/state"_s, false, true));
    QTest::newRow("openat read refused")
        << "openat(AT_FDCWD, \"/etc/agent/key\", O_RDONLY|O_CLOEXEC) = -1 EACCES (Permission denied)"_ba
        << result(u"openat"_s, -EACCES, path(u"/etc/agent/key"_s, true, false));
    QTest::newRow("openat relative to a decorated directory")
        << "openat(5</var/lib/agent>, \"db/wal\", O_RDWR) = 6</var/lib/agent/db/wal>"_ba
        << result(u"openat"_s, 6, path(u"/var/lib/agent/db/wal"_s, true, true));
    QTest::newRow("openat O_PATH asks nothing") << "openat(AT_FDCWD, \"/run\", O_RDONLY|O_PATH|O_DIRECTORY) = 3"_ba
                                                << result(u"openat"_s, 3, path(u"/run"_s, false, false));
    QTest::newRow("openat octal escape") << "openat(AT_FDCWD, \"/srv/caf\\303\\251\", O_RDONLY) = 3"_ba
                                         << result(u"openat"_s, 3, path(u"/srv/café"_s, true, false));
    QTest::newRow("openat not UTF-8") << "openat(AT_FDCWD, \"/srv/\\377\", O_RDONLY) = 3"_ba
                                      << result(u"openat"_s, 3, path(u"/srv/\\xff"_s, true, false));
    QTest::newRow("openat truncated name")
        << "openat(AT_FDCWD, \"/var/lib/very\"..., O_RDONLY) = 3"_ba
        << result(u"openat"_s, 3, path(u"/var/lib/very"_s, true, false, false, true));
    QTest::newRow("openat2")
        << "openat2(AT_FDCWD, \"/var/log/agent.log\", {flags=O_WRONLY|O_APPEND, resolve=0}, 24) = 3"_ba
        << result(u"openat2"_s, 3, path(u"/var/log/agent.log"_s, false, true));
    QTest::newRow("open") << "open(\"/dev/ipmi0\", O_RDWR) = 3"_ba
                          << result(u"open"_s, 3, path(u"/dev/ipmi0"_s, true, true));
    QTest::newRow("creat") << "creat(\"/tmp/x\", 0644) = 3"_ba << result(u"creat"_s, 3, path(u"/tmp/x"_s, false, true));
    QTest::newRow("execve refused")
        << "execve(\"/usr/lib/agent/helper\", [\"helper\"], 0x7ffc /* 3 vars */) = -1 EACCES (Permission denied)"_ba
        << result(u"execve"_s, -EACCES, path(u"/usr/lib/agent/helper"_s, false, false, true));
    QTest::newRow("ioctl SG_IO on a decorated device")
        << "ioctl(3</dev/sg0>, SG_IO, {interface_id='S', cmdp=\"\\x12\\x00\"}) = -1 EPERM (Operation not permitted)"_ba
        << result(u"ioctl"_s, -EPERM, IoctlCall{u"SG_IO"_s, u"/dev/sg0"_s});
    QTest::newRow("setsockopt") << "setsockopt(3, SOL_SOCKET, SO_MARK, [42], 4) = -1 EPERM (Operation not permitted)"_ba
                                << result(u"setsockopt"_s, -EPERM, SockoptCall{u"SOL_SOCKET"_s, u"SO_MARK"_s});
    QTest::newRow("setresuid") << "setresuid(998, -1, 998) = 0"_ba
                               << result(u"setresuid"_s, 0, SetIdCall{{998, -1, 998}});
    QTest::newRow("setgroups list") << "setgroups(2, [998, 4]) = -1 EPERM (Operation not permitted)"_ba
                                    << result(u"setgroups"_s, -EPERM, SetIdCall{{998, 4}});
    QTest::newRow("setgroups empty") << "setgroups(0, NULL) = 0"_ba << result(u"setgroups"_s, 0, SetIdCall{});
    QTest::newRow("chroot") << "chroot(\"/var/empty\") = -1 EPERM (Operation not permitted)"_ba
                            << result(u"chroot"_s, -EPERM, path(u"/var/empty"_s, false, false, true));
    QTest::newRow("mmap hex return")
        << "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f1e2c8ee000"_ba
        << result(u"mmap"_s, 0x7f1e2c8ee000LL);
    QTest::newRow("never returned") << "exit_group(0)                           = ?"_ba
                                    << result(u"exit_group"_s, std::nullopt);
    QTest::newRow("return with a comment")
        << "adjtimex({modes=0, offset=0}) = 5 (TIME_ERROR)"_ba << result(u"adjtimex"_s, 5);
    QTest::newRow("-T duration")
        << "clock_settime(CLOCK_REALTIME, {tv_sec=1, tv_nsec=0}) = -1 EPERM (Operation not permitted) <0.000012>"_ba
        << result(u"clock_settime"_s, -EPERM);
    QTest::newRow("interrupted")
        << "poll([{fd=3, events=POLLIN}], 1, -1) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)"_ba
        << result(u"poll"_s, std::nullopt);
    QTest::newRow("restart errno") << "read(3, 0x7ffd, 4096) = -1 ERESTARTSYS (To be restarted if SA_RESTART is set)"_ba
                                   << result(u"read"_s, -512);
    QTest::newRow("unknown syscall number")
        << "syscall_0x1c7(0x1, 0x2) = -1 ENOSYS (Function not implemented)"_ba << result(u"syscall_0x1c7"_s, -ENOSYS);
    QTest::newRow("pid prefix")
        << "[pid  4301] socket(AF_PACKET, SOCK_RAW, 768) = -1 EPERM (Operation not permitted)"_ba
        << result(u"socket"_s, -EPERM, SocketCall{AF_PACKET, SOCK_RAW, 768}, 4301);
    QTest::newRow("netlink reply error")
        << "recvmsg(7, {msg_iov=[{iov_base=[{nlmsg_len=56, nlmsg_type=NLMSG_ERROR, nlmsg_flags=0}, {error=-EPERM, msg=[]}], iov_len=4096}]}, 0) = 56"_ba
        << result(u"recvmsg"_s, 56, NetlinkReply{-1, EPERM});
    QTest::newRow("netlink reply ack")
        << "recvmsg(7, {msg_iov=[{iov_base=[{nlmsg_type=NLMSG_ERROR}, {error=0, msg=[]}]}]}, 0) = 36"_ba
        << result(u"recvmsg"_s, 36);
}

void StraceParserTest::line()
{
    QFETCH(QByteArray, text);
    QFETCH(SyscallResult, expected);
    const StraceLog log = parseStrace(text, 1);
    QCOMPARE(log.issues.size(), 0);
    QCOMPARE(log.results.size(), 1);
    if (!(log.results.first() == expected)) {
        QFAIL(qPrintable(u"got "_s + describeCall(log.results.first()) + u" returning "_s +
                         QString::number(log.results.first().returnValue.value_or(424242)) + u", expected "_s +
                         describeCall(expected)));
    }
}

void StraceParserTest::ignoredLines()
{
    const StraceLog log = parseStrace("--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=2} ---\n"
                                      "+++ exited with 0 +++\n"
                                      "[pid 3] +++ killed by SIGKILL +++\n"
                                      "strace: Process 3 attached\n"
                                      "\n   \n");
    QCOMPARE(log.issues.size(), 0);
    QCOMPARE(log.results.size(), 0);
    QCOMPARE(log.lines, 6);
}

void StraceParserTest::unfinishedAndResumed()
{
    const StraceLog log = parseStrace("[pid 10] bind(3, {sa_family=AF_INET, sin_port=htons(80), <unfinished ...>\n"
                                      "[pid 11] socket(AF_PACKET, SOCK_RAW, 768 <unfinished ...>\n"
                                      "[pid 10] <... bind resumed>sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0\n"
                                      "[pid 11] <... socket resumed>) = -1 EPERM (Operation not permitted)\n",
                                      0, u"agent"_s);
    QCOMPARE(log.issues.size(), 0);
    QCOMPARE(log.results.size(), 2);
    QCOMPARE(log.results[0].syscall, u"bind"_s);
    QCOMPARE(log.results[0].process.pid, 10);
    QVERIFY(log.results[0].process.comm.isEmpty());
    const auto bind = std::get<BindCall>(log.results[0].arguments);
    QCOMPARE(bind.port, 80);
    QCOMPARE(bind.address, u"127.0.0.1"_s);
    QCOMPARE(log.results[1].process.pid, 11);
    QCOMPARE(log.results[1].error(), EPERM);
    QCOMPARE(std::get<SocketCall>(log.results[1].arguments).family, AF_PACKET);
}

void StraceParserTest::socketTypeForBind()
{
    // The type comes from the socket() of the same process, or of another thread sharing the fd.
    const StraceLog log = parseStrace(
        "[pid 20] socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC, IPPROTO_UDP) = 4\n"
        "[pid 20] bind(4, {sa_family=AF_INET, sin_port=htons(123), sin_addr=inet_addr(\"0.0.0.0\")}, 16) = 0\n"
        "[pid 21] bind(4, {sa_family=AF_INET, sin_port=htons(124), sin_addr=inet_addr(\"0.0.0.0\")}, 16) = 0\n"
        "[pid 21] bind(9, {sa_family=AF_INET, sin_port=htons(125), sin_addr=inet_addr(\"0.0.0.0\")}, 16) = 0\n");
    QCOMPARE(log.issues.size(), 0);
    QCOMPARE(std::get<BindCall>(log.results[1].arguments).socketType, SOCK_DGRAM);
    QCOMPARE(std::get<BindCall>(log.results[2].arguments).socketType, SOCK_DGRAM);
    QCOMPARE(std::get<BindCall>(log.results[3].arguments).socketType, -1);
}

void StraceParserTest::timestamps()
{
    const StraceLog epoch = parseStrace("1733425200.000100 close(3) = 0\n1733425201.500100 close(4) = 0\n");
    QCOMPARE(epoch.issues.size(), 0);
    QCOMPARE(epoch.results[0].timeNs, 0);
    QCOMPARE(epoch.results[1].timeNs, 1500000000);
    const StraceLog clock = parseStrace("[pid 5] 23:59:58.250000 close(3) = 0\n[pid 5] 23:59:59.000000 close(4) = 0\n");
    QCOMPARE(clock.issues.size(), 0);
    QCOMPARE(clock.results[1].timeNs, 750000000);
    // strace -o FILE -f prefixes every line with the bare pid.
    const StraceLog file = parseStrace("812   1733425200.000100 close(3) = 0\n"
                                       "813 1733425200.250100 socket(AF_PACKET, SOCK_RAW, 768) = -1 EPERM (x)\n"
                                       "813   +++ exited with 1 +++\n");
    QCOMPARE(file.issues.size(), 0);
    QCOMPARE(file.results.size(), 2);
    QCOMPARE(file.results[0].process.pid, 812);
    QCOMPARE(file.results[1].process.pid, 813);
    QCOMPARE(file.results[1].timeNs, 250000000);
    QCOMPARE(file.results[1].error(), EPERM);
    const StraceLog huge = parseStrace("99999999999999999999.5 close(3) = 0\n");
    QCOMPARE(huge.issues.size(), 1);
    QVERIFY(huge.issues.first().message.startsWith(u"a timestamp out of range"_s));
}

void StraceParserTest::tcpdumpLog()
{
    const StraceLog log = parseStrace(readData(u"tcpdump-nocaps.strace"_s), 4300, u"capture"_s);
    for (const StraceIssue &issue : log.issues) {
        qWarning("line %d: %s", issue.line, qPrintable(issue.message));
    }
    QCOMPARE(log.issues.size(), 0);
    QCOMPARE(log.lines, 15);
    QStringList calls;
    for (const SyscallResult &r : log.results) {
        calls.append(QString::number(r.process.pid) + u' ' + describeCall(r) + u" = "_s +
                     (r.returnValue ? (r.error() ? errnoName(r.error()) : QString::number(*r.returnValue)) : u"?"_s));
    }
    const QStringList expected{
        u"4300 execve(/usr/local/bin/capture, execute) = 0"_s,
        u"4300 openat(/etc/ld.so.cache, read) = 3"_s,
        u"4300 clone() = 4301"_s,
        u"4301 execve(/usr/bin/tcpdump, execute) = 0"_s,
        u"4301 openat(/lib/x86_64-linux-gnu/libpcap.so.0.8, read) = 3"_s,
        u"4301 socket(AF_UNIX, SOCK_STREAM) = 3"_s,
        u"4301 socket(AF_PACKET, SOCK_RAW) = EPERM"_s,
        u"4301 write() = 112"_s,
        u"4301 exit_group() = ?"_s,
        u"4300 wait4() = 4301"_s,
        u"4300 exit_group() = ?"_s,
    };
    QCOMPARE(calls, expected);
    QCOMPARE(log.results.first().process.comm, u"capture"_s);
}

void StraceParserTest::malformedLog()
{
    const StraceLog log = parseStrace(readData(u"malformed.strace"_s));
    QStringList issues;
    for (const StraceIssue &issue : log.issues) {
        issues.append(QString::number(issue.line) + u": "_s + issue.message);
    }
    const QStringList expected{
        u"2: unbalanced brackets or quotes in the arguments: 'socket(AF_INET, SOCK_STREAM'"_s,
        u"3: a resumed call whose start was not seen: '[pid    12] <... read resumed>\"x\", 1) = 1'"_s,
        u"4: an unknown errno name EWHATEVER: 'openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = -1 EWHATEVER (Nope)'"_s,
        u"5: not a system call, signal or exit line: 'hello world'"_s,
        u"6: no return value after the arguments: 'close(3) = '"_s,
        u"7: a pid out of range: '[pid 0] close(3) = 0'"_s,
        u"8: socket() with 2 arguments: 'socket(AF_INET, SOCK_DGRAM) = 3'"_s,
        u"9: futex() never resumed before the log ended"_s,
        u"10: setuid() with an id that is not a number: 'setuid(abc) = -1 EPERM (Operation not permitted)'"_s,
        u"12: resumes write, but read was unfinished: '[pid 14] <... write resumed>) = 1'"_s,
        u"13: unbalanced brackets or quotes in the arguments: 'openat(AT_FDCWD, \"/unterminated, O_RDONLY) = 3'"_s,
        u"14: an errno name after a return value other than -1: 'close(3) = 0 EPERM (Operation not permitted)'"_s,
    };
    QCOMPARE(issues, expected);
    // The good lines around the bad ones still count.
    QCOMPARE(log.results.size(), 2);
    QCOMPARE(log.results[0].returnValue, 3);
    QCOMPARE(std::get<SocketCall>(log.results[1].arguments).family, AF_PACKET);
    QCOMPARE(log.lines, 17);
}

void StraceParserTest::hostileInput()
{
    // Never a crash, always a numbered issue: NUL, deep nesting, a long line, a lone bracket.
    QByteArray nul("close(3\0) = 0", 13);
    QByteArray deep = "f(" + QByteArray(100000, '[') + ") = 0";
    QByteArray longLine = "write(1, \"" + QByteArray(1 << 20, 'a') + "\", 1048576) = 1048576";
    const StraceLog log = parseStrace(
        QByteArray(nul + '\n' + deep + "\n)\n" + longLine + "\n<... resumed>\n[pid 99999999999] x() = 0\n"));
    QCOMPARE(log.results.size(), 1);
    QCOMPARE(log.results.first().syscall, u"write"_s);
    QList<int> lines;
    for (const StraceIssue &issue : log.issues) {
        lines.append(issue.line);
        QVERIFY(issue.message.size() < 200);
    }
    QCOMPARE(lines, (QList<int>{1, 2, 3, 5, 6}));
}

QTEST_GUILESS_MAIN(StraceParserTest)
#include "straceparser_test.moc"
