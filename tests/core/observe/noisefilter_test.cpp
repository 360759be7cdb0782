// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The noise filter, one named row per rule and per way a rule must not fire: all three of
// syscall, capability and NOAUDIT for memory accounting; the phases; execve's credentials; net
// sysctls; privilege drops only towards an unprivileged identity; DAC overrides as path fixes.
#include "core/observe/noisefilter.h"

#include <QTest>

#include <cerrno>
#include <linux/capability.h>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(CapabilityCheck)
Q_DECLARE_METATYPE(CheckClass)

class NoiseFilterTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
    void ids();
};

namespace {

CapabilityCheck check(int capability, const QString &syscall, std::uint32_t options = 0,
                      ProcessPhase phase = ProcessPhase::Running)
{
    CapabilityCheck c;
    c.capability = capability;
    c.process = {100, 100, u"agent"_s};
    c.syscall = syscall;
    c.syscallReturn = 0;
    c.granted = true;
    c.options = options;
    c.phase = phase;
    return c;
}

CapabilityCheck withArguments(CapabilityCheck c, QList<std::int64_t> arguments)
{
    c.arguments = std::move(arguments);
    return c;
}

CapabilityCheck withPath(CapabilityCheck c, const QString &path, bool write)
{
    c.path = PathAccess{path, !write, write, false};
    return c;
}

} // namespace

void NoiseFilterTest::classify_data()
{
    QTest::addColumn<CapabilityCheck>("check");
    QTest::addColumn<CheckClass>("expected");

    const std::uint32_t noaudit = kCapOptNoAudit;
    QTest::newRow("mmap noaudit sys_admin") << check(CAP_SYS_ADMIN, u"mmap"_s, noaudit) << CheckClass::MemoryAccounting;
    QTest::newRow("brk noaudit sys_admin") << check(CAP_SYS_ADMIN, u"brk"_s, noaudit) << CheckClass::MemoryAccounting;
    QTest::newRow("mprotect noaudit") << check(CAP_SYS_ADMIN, u"mprotect"_s, noaudit) << CheckClass::MemoryAccounting;
    QTest::newRow("mremap noaudit") << check(CAP_SYS_ADMIN, u"mremap"_s, noaudit) << CheckClass::MemoryAccounting;
    QTest::newRow("mmap audited sys_admin counts") << check(CAP_SYS_ADMIN, u"mmap"_s) << CheckClass::Counted;
    QTest::newRow("noaudit alone is not advisory")
        << check(CAP_SYS_ADMIN, u"quotactl"_s, noaudit) << CheckClass::Counted;
    QTest::newRow("mmap noaudit of another capability counts")
        << check(CAP_IPC_LOCK, u"mmap"_s, noaudit) << CheckClass::Counted;
    // The cap_capable tracepoint carries no opts: memory accounting unless the call was refused.
    const std::uint32_t unknown = kCapOptUnknown;
    QTest::newRow("mmap unknown opts") << check(CAP_SYS_ADMIN, u"mmap"_s, unknown) << CheckClass::MemoryAccounting;
    QTest::newRow("brk unknown opts, refused check, call went on") << [&] {
        CapabilityCheck c = check(CAP_SYS_ADMIN, u"brk"_s, unknown);
        c.granted = false;
        c.syscallReturn = 0x55550000;
        return c;
    }() << CheckClass::MemoryAccounting;
    QTest::newRow("mmap unknown opts failing with EPERM counts") << [&] {
        CapabilityCheck c = check(CAP_SYS_ADMIN, u"mmap"_s, unknown);
        c.granted = false;
        c.syscallReturn = -EPERM;
        return c;
    }() << CheckClass::Counted;
    QTest::newRow("mprotect unknown opts failing with EACCES counts") << [&] {
        CapabilityCheck c = check(CAP_SYS_ADMIN, u"mprotect"_s, unknown);
        c.granted = false;
        c.syscallReturn = -EACCES;
        return c;
    }() << CheckClass::Counted;
    QTest::newRow("unknown opts elsewhere counts") << check(CAP_SYS_ADMIN, u"mount"_s, unknown) << CheckClass::Counted;
    const std::uint32_t accounting = kCapOptNoAudit | kCapOptVmAccounting;
    QTest::newRow("vm accounting in fork")
        << check(CAP_SYS_ADMIN, u"clone"_s, accounting) << CheckClass::MemoryAccounting;
    QTest::newRow("vm accounting in a stack growing during newfstatat")
        << check(CAP_SYS_ADMIN, u"newfstatat"_s, accounting) << CheckClass::MemoryAccounting;
    QTest::newRow("noaudit in fork without the stack's word counts")
        << check(CAP_SYS_ADMIN, u"clone"_s, noaudit) << CheckClass::Counted;
    QTest::newRow("unknown opts in fork counts") << check(CAP_SYS_ADMIN, u"clone"_s, unknown) << CheckClass::Counted;
    QTest::newRow("net sysctl read, unknown opts")
        << withPath(check(CAP_NET_ADMIN, u"openat"_s, unknown), u"/proc/sys/net/core/somaxconn"_s, false)
        << CheckClass::NetSysctl;
    QTest::newRow("net sysctl write, unknown opts, counts")
        << withPath(check(CAP_NET_ADMIN, u"openat"_s, unknown), u"/proc/sys/net/ipv4/ip_forward"_s, true)
        << CheckClass::Counted;
    QTest::newRow("between fork and exec")
        << check(CAP_NET_RAW, u"socket"_s, 0, ProcessPhase::Forked) << CheckClass::BeforeExec;
    QTest::newRow("path lookup before exec")
        << withPath(check(CAP_DAC_READ_SEARCH, u"execve"_s, 0, ProcessPhase::Forked), u"/usr/local/sbin"_s, false)
        << CheckClass::BeforeExec;
    QTest::newRow("exiting") << check(CAP_SYS_RESOURCE, u"close"_s, 0, ProcessPhase::Exiting) << CheckClass::Teardown;
    QTest::newRow("exit_group while running") << check(CAP_SYS_ADMIN, u"exit_group"_s) << CheckClass::Teardown;
    QTest::newRow("execve sys_admin") << check(CAP_SYS_ADMIN, u"execve"_s) << CheckClass::ExecCredentials;
    QTest::newRow("execveat setpcap") << check(CAP_SETPCAP, u"execveat"_s) << CheckClass::ExecCredentials;
    QTest::newRow("execve net_raw counts") << check(CAP_NET_RAW, u"execve"_s) << CheckClass::Counted;
    QTest::newRow("net sysctl read") << withPath(check(CAP_NET_ADMIN, u"openat"_s, noaudit),
                                                 u"/proc/sys/net/core/somaxconn"_s, false)
                                     << CheckClass::NetSysctl;
    QTest::newRow("net sysctl write counts")
        << withPath(check(CAP_NET_ADMIN, u"openat"_s, noaudit), u"/proc/sys/net/ipv4/ip_forward"_s, true)
        << CheckClass::Counted;
    QTest::newRow("net_admin noaudit elsewhere counts")
        << withPath(check(CAP_NET_ADMIN, u"openat"_s, noaudit), u"/etc/x"_s, false) << CheckClass::Counted;
    QTest::newRow("net_admin audited on a sysctl counts")
        << withPath(check(CAP_NET_ADMIN, u"openat"_s), u"/proc/sys/net/core/somaxconn"_s, false) << CheckClass::Counted;
    QTest::newRow("setuid to the service user")
        << withArguments(check(CAP_SETUID, u"setuid"_s), {998}) << CheckClass::PrivilegeDrop;
    QTest::newRow("setresuid keeping one with -1")
        << withArguments(check(CAP_SETUID, u"setresuid"_s), {998, -1, 998}) << CheckClass::PrivilegeDrop;
    QTest::newRow("setresuid 32-bit -1") << withArguments(check(CAP_SETUID, u"setresuid"_s), {998, 0xffffffffLL, 998})
                                         << CheckClass::PrivilegeDrop;
    QTest::newRow("setuid to root counts") << withArguments(check(CAP_SETUID, u"setuid"_s), {0}) << CheckClass::Counted;
    QTest::newRow("setresuid with root among them counts")
        << withArguments(check(CAP_SETUID, u"setresuid"_s), {998, 0, 998}) << CheckClass::Counted;
    QTest::newRow("setuid target not recorded counts") << check(CAP_SETUID, u"setuid"_s) << CheckClass::Counted;
    QTest::newRow("setresuid only -1 counts")
        << withArguments(check(CAP_SETUID, u"setresuid"_s), {-1, -1, -1}) << CheckClass::Counted;
    QTest::newRow("insetid flag from an unnamed call")
        << withArguments(check(CAP_SETGID, u""_s, kCapOptInSetId), {104}) << CheckClass::PrivilegeDrop;
    QTest::newRow("setgroups") << check(CAP_SETGID, u"setgroups"_s) << CheckClass::PrivilegeDrop;
    QTest::newRow("chroot") << check(CAP_SYS_CHROOT, u"chroot"_s) << CheckClass::PrivilegeDrop;
    QTest::newRow("chroot outside chroot() counts") << check(CAP_SYS_CHROOT, u"unshare"_s) << CheckClass::Counted;
    QTest::newRow("setuid call asking another capability counts")
        << withArguments(check(CAP_SYS_RESOURCE, u"setuid"_s), {998}) << CheckClass::Counted;
    QTest::newRow("dac_override write") << withPath(check(CAP_DAC_OVERRIDE, u"openat"_s), u"/var/lib/a"_s, true)
                                        << CheckClass::PathAccess;
    QTest::newRow("dac_read_search without a path")
        << check(CAP_DAC_READ_SEARCH, u"openat"_s) << CheckClass::PathAccess;
    QTest::newRow("fowner is a capability") << check(CAP_FOWNER, u"chmod"_s) << CheckClass::Counted;
    QTest::newRow("no system call") << check(CAP_SYS_ADMIN, QString()) << CheckClass::Counted;
}

void NoiseFilterTest::classify()
{
    QFETCH(CapabilityCheck, check);
    QFETCH(CheckClass, expected);
    QCOMPARE(checkClassId(classifyCheck(check)), checkClassId(expected));
}

void NoiseFilterTest::ids()
{
    const QStringList all{u"counted"_s,          u"memory-accounting"_s, u"before-exec"_s,    u"teardown"_s,
                          u"exec-credentials"_s, u"net-sysctl"_s,        u"privilege-drop"_s, u"path-access"_s};
    QStringList seen;
    for (CheckClass c :
         {CheckClass::Counted, CheckClass::MemoryAccounting, CheckClass::BeforeExec, CheckClass::Teardown,
          CheckClass::ExecCredentials, CheckClass::NetSysctl, CheckClass::PrivilegeDrop, CheckClass::PathAccess}) {
        seen.append(checkClassId(c));
    }
    QCOMPARE(seen, all);
    QVERIFY(!isNoise(CheckClass::Counted));
    QVERIFY(!isNoise(CheckClass::PrivilegeDrop));
    QVERIFY(!isNoise(CheckClass::PathAccess));
    QVERIFY(isNoise(CheckClass::MemoryAccounting));
    QVERIFY(isNoise(CheckClass::NetSysctl));
}

QTEST_GUILESS_MAIN(NoiseFilterTest)
#include "noisefilter_test.moc"
