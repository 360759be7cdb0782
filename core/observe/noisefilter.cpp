// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/observe/noisefilter.h"

#include <linux/capability.h>

#include <algorithm>
#include <cerrno>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

bool oneOf(QStringView name, std::initializer_list<QStringView> names)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool isMemoryCall(QStringView syscall)
{
    return oneOf(syscall, {u"brk", u"mmap", u"mmap2", u"mprotect", u"mremap"});
}

bool isOpenCall(QStringView syscall)
{
    return oneOf(syscall, {u"open", u"openat", u"openat2"});
}

// The call the check was made in failed with EPERM or EACCES.
bool refusedCall(const CapabilityCheck &check)
{
    return check.syscallReturn && (*check.syscallReturn == -EPERM || *check.syscallReturn == -EACCES);
}

// An id argument that asks for a change: -1 (as any width) keeps the current one.
bool isTarget(std::int64_t id)
{
    return id != -1 && id != 0xffffffffLL;
}

} // namespace

QString checkClassId(CheckClass checkClass)
{
    switch (checkClass) {
    case CheckClass::Counted:
        return u"counted"_s;
    case CheckClass::MemoryAccounting:
        return u"memory-accounting"_s;
    case CheckClass::BeforeExec:
        return u"before-exec"_s;
    case CheckClass::Teardown:
        return u"teardown"_s;
    case CheckClass::ExecCredentials:
        return u"exec-credentials"_s;
    case CheckClass::NetSysctl:
        return u"net-sysctl"_s;
    case CheckClass::PrivilegeDrop:
        return u"privilege-drop"_s;
    case CheckClass::PathAccess:
        return u"path-access"_s;
    }
    Q_UNREACHABLE_RETURN(QString());
}

bool isNoise(CheckClass checkClass)
{
    return checkClass != CheckClass::Counted && checkClass != CheckClass::PrivilegeDrop &&
           checkClass != CheckClass::PathAccess;
}

bool isPrivilegeDropCall(QStringView syscall)
{
    return oneOf(syscall,
                 {u"setuid", u"setgid", u"setreuid", u"setregid", u"setresuid", u"setresgid", u"setfsuid", u"setfsgid",
                  u"setgroups", u"chroot", u"setuid32", u"setgid32", u"setgroups32", u"setresuid32", u"setresgid32"});
}

CheckClass classifyCheck(const CapabilityCheck &check)
{
    // The phase rules first: nothing before exec or after exit is the agent's own doing.
    if (check.phase == ProcessPhase::Forked) {
        return CheckClass::BeforeExec;
    }
    if (check.phase == ProcessPhase::Exiting || check.syscall == u"exit"_s || check.syscall == u"exit_group"_s) {
        return CheckClass::Teardown;
    }
    const bool noAudit = (check.options & kCapOptNoAudit) != 0;
    if (check.capability == CAP_SYS_ADMIN && (check.options & kCapOptVmAccounting) != 0) {
        return CheckClass::MemoryAccounting;
    }
    // Without the opts (the cap_capable tracepoint carries none), a check may be NOAUDIT only when
    // its call was not refused: a refusal that made the call fail is never dropped as noise.
    const bool mayBeNoAudit = noAudit || ((check.options & kCapOptUnknown) != 0 && !refusedCall(check));
    // All three must match: NOAUDIT alone means "do not audit", and enforcing checks use it too.
    if (check.capability == CAP_SYS_ADMIN && mayBeNoAudit && isMemoryCall(check.syscall)) {
        return CheckClass::MemoryAccounting;
    }
    if ((check.capability == CAP_SYS_ADMIN || check.capability == CAP_SETPCAP) &&
        (check.syscall == u"execve"_s || check.syscall == u"execveat"_s)) {
        return CheckClass::ExecCredentials;
    }
    if (check.capability == CAP_NET_ADMIN && mayBeNoAudit && isOpenCall(check.syscall) &&
        (!check.path || (check.path->path.startsWith(u"/proc/sys/net/"_s) && !check.path->write))) {
        return CheckClass::NetSysctl;
    }
    const bool setIdCheck = isPrivilegeDropCall(check.syscall) || (check.options & kCapOptInSetId) != 0;
    if (setIdCheck &&
        (check.capability == CAP_SETUID || check.capability == CAP_SETGID || check.capability == CAP_SYS_CHROOT)) {
        // setgroups() clears or sets supplementary groups and chroot() enters a root directory:
        // systemd's SupplementaryGroups= and RootDirectory= do both for a unit. A set*id() call is a
        // drop only when every id it asks for is known and is not root's.
        if (check.syscall.startsWith(u"setgroups"_s) || check.syscall == u"chroot"_s) {
            return CheckClass::PrivilegeDrop;
        }
        bool anyTarget = false;
        for (std::int64_t id : check.arguments) {
            if (!isTarget(id)) {
                continue;
            }
            if (id == 0) {
                return CheckClass::Counted;
            }
            anyTarget = true;
        }
        return anyTarget ? CheckClass::PrivilegeDrop : CheckClass::Counted;
    }
    if (check.capability == CAP_DAC_OVERRIDE || check.capability == CAP_DAC_READ_SEARCH) {
        return CheckClass::PathAccess;
    }
    return CheckClass::Counted;
}

} // namespace Deroot::Core
