// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Which capability checks say something about what an agent needs. Most of what the kernel asks
// while an agent runs as root is not: libcap-ng's cap-audit showed which checks are noise, and
// these rules are its rules (docs/observe-json.md lists them with their reasons).
#pragma once

#include "core/observe/events.h"

#include <QString>

namespace Deroot::Core {

/// What one capability check is, before any aggregation.
enum class CheckClass {
    /// A check that counts toward the capability's verdict.
    Counted,
    /// Noise: CAP_SYS_ADMIN asked by memory accounting (cap_vm_enough_memory) in brk, mmap,
    /// mprotect or mremap with CAP_OPT_NOAUDIT; it succeeds either way. When the producer could
    /// not read opts (kCapOptUnknown), it is taken for memory accounting unless its call failed with
    /// EPERM or EACCES. Asked by cap_vm_enough_memory as the producer saw it (kCapOptVmAccounting):
    /// in any call.
    MemoryAccounting,
    /// Noise: between fork and exec, the parent's code (a PATH lookup's DAC_READ_SEARCH).
    BeforeExec,
    /// Noise: in exit, the final drain of files and memory.
    Teardown,
    /// Noise: CAP_SYS_ADMIN or CAP_SETPCAP asked by execve computing the new credentials.
    ExecCredentials,
    /// Noise: CAP_NET_ADMIN with CAP_OPT_NOAUDIT (or unknown opts, as for memory accounting) from
    /// opening a net sysctl under /proc/sys/net without writing it: the kernel only decides the
    /// file's mode shown to root.
    NetSysctl,
    /// Not a need: CAP_SETUID, CAP_SETGID or CAP_SYS_CHROOT asked by set*id(), setgroups() or
    /// chroot() towards an unprivileged identity. An agent started as its service user, in its
    /// root directory, never makes these calls' change.
    PrivilegeDrop,
    /// Not a capability: CAP_DAC_OVERRIDE or CAP_DAC_READ_SEARCH, root passing file permissions. The
    /// answer is a path fix (group, ACL, StateDirectory=, ...) for the path and access named.
    PathAccess,
};

/// "counted", "memory-accounting", "before-exec", "teardown", "exec-credentials", "net-sysctl",
/// "privilege-drop", "path-access".
QString checkClassId(CheckClass checkClass);

/// True for the classes that are dropped as noise (neither counted nor turned into a path fix or
/// a privilege-drop note).
bool isNoise(CheckClass checkClass);

/// What @p check is, from the check alone. A set*id() call towards several different users is
/// switching users, not dropping privileges: the aggregation counts those checks instead.
CheckClass classifyCheck(const CapabilityCheck &check);

/// True for the calls that change a process's ids, groups or root directory.
bool isPrivilegeDropCall(QStringView syscall);

} // namespace Deroot::Core
