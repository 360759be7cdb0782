// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What watching an agent run records: the kernel's capability checks (from an eBPF program on the
// cap_capable tracepoint) and the results of the system calls that tell what it needs (from the same
// program's syscall exits, or from strace's output). Producers fill these; the noise filter and the
// aggregation (observation.h) read them. Syscalls are named ("socket"), not numbered: a recorded
// stream then means the same on every architecture, and strace names them anyway; an eBPF consumer
// names the number it reads with syscallName().
//
// This header and its .cpp use Qt and the C library only, so that a privileged producer can share
// them without the inspection layer.
#pragma once

#include <QList>
#include <QString>

#include <cstdint>
#include <optional>
#include <variant>

namespace Deroot::Core {

/// Where a process stood in its life when the event happened. The kernel's checks between fork()
/// and the new program's exec (the shell's PATH lookup, the parent's closing of descriptors) and
/// those of its teardown after exit are not the agent's.
enum class ProcessPhase {
    Forked,  ///< between fork/clone and exec: still running the parent's code
    Running, ///< after exec (or the traced process itself, started by the observer)
    Exiting, ///< in exit(): the final drain of its files and memory
};

/// The cap_capable opts bits (include/linux/security.h since Linux 5.1).
enum CapabilityCheckOption : std::uint32_t {
    kCapOptNoAudit = 1u << 1, ///< CAP_OPT_NOAUDIT: "do not audit", which is not "advisory"
    kCapOptInSetId = 1u << 2, ///< CAP_OPT_INSETID: asked from a set*id() call
    /// Not a kernel bit: the producer could not read opts. The kernel's capability:cap_capable
    /// tracepoint carries none, so an eBPF recording cannot tell NOAUDIT checks from others.
    /// Not a kernel bit: the producer saw the check asked by cap_vm_enough_memory (on the kernel
    /// stack), which is memory accounting whatever the call (brk, fork's copy of the memory map, a
    /// tmpfs write, a stack growing during any call) and never makes a call fail.
    kCapOptVmAccounting = 1u << 30,
    kCapOptUnknown = 1u << 31,
};

/// How the events were recorded.
enum class Mechanism {
    Ebpf,   ///< the kernel's capability checks and syscall exits: the agent may hold capabilities
    Strace, ///< strace of the agent started without capabilities: each refusal says what it lacks
};
/// "ebpf", "strace".
QString mechanismId(Mechanism mechanism);
std::optional<Mechanism> mechanismFromId(QStringView id);

/// The process an event came from: thread group id, thread id and the kernel's 15-byte name.
struct ProcessRef
{
    int pid = 0;
    int tid = 0;
    QString comm;
    bool operator==(const ProcessRef &) const = default;
};

/// A path a system call named, and the access it asked for.
struct PathAccess
{
    QString path; ///< as the call named it; non-UTF-8 bytes written \xHH
    bool read = false;
    bool write = false;
    bool execute = false; ///< or, on a directory, search
    bool operator==(const PathAccess &) const = default;
};

/// The access @p access asks for, as words joined by '+' ("read+write"); empty when it asks none.
QString accessWords(const PathAccess &access);
/// accessWords() as a sentence shows it: the words in the desktop's language (the same English).
QString accessShown(const PathAccess &access);

/// One call of cap_capable(): the kernel asked whether the process holds a capability.
struct CapabilityCheck
{
    int capability = -1; ///< kernel number
    ProcessRef process;
    QString syscall; ///< the system call in progress, "" when none (a kernel thread, a page fault)
    /// The system call's return value once it returned: >= 0, or -errno. Unset when the process
    /// left before it returned (or the producer could not see it).
    std::optional<std::int64_t> syscallReturn;
    bool granted = false;
    std::uint32_t options = 0; ///< CapabilityCheckOption bits
    std::int64_t timeNs = 0;   ///< since the observation started
    ProcessPhase phase = ProcessPhase::Running;
    /// The path argument of the call in progress, when the producer read one: what a DAC_OVERRIDE or
    /// DAC_READ_SEARCH check was about.
    std::optional<PathAccess> path;
    /// The call's integer arguments, when the producer read them: the ids a set*id() call asked for.
    QList<std::int64_t> arguments;
    bool operator==(const CapabilityCheck &) const = default;
};

/// socket(family, type, protocol).
struct SocketCall
{
    int family = -1;   ///< AF_*
    int type = -1;     ///< SOCK_* without SOCK_NONBLOCK and SOCK_CLOEXEC
    int protocol = -1; ///< IPPROTO_* or NETLINK_*; -1 when not known (strace's htons(ETH_P_ALL))
    bool operator==(const SocketCall &) const = default;
};

/// bind(fd, address).
struct BindCall
{
    int family = -1;
    int port = -1;       ///< AF_INET/AF_INET6 only, else -1
    QString address;     ///< "0.0.0.0", "::", "127.0.0.1"; the path of an AF_UNIX socket
    int socketType = -1; ///< of the socket bound, when known: SOCK_STREAM is tcp, SOCK_DGRAM udp
    bool operator==(const BindCall &) const = default;
};

/// open, openat, openat2, creat, execve: the file named.
struct PathCall
{
    PathAccess access;
    bool truncated = false; ///< the tracer cut the name short: not a usable path
    bool operator==(const PathCall &) const = default;
};

/// ioctl(fd, request, ...).
struct IoctlCall
{
    QString request; ///< "SG_IO", "SIOCSIFFLAGS", or the number as written
    QString path;    ///< the file behind fd, when the tracer decoded it
    bool operator==(const IoctlCall &) const = default;
};

/// setsockopt(fd, level, option, ...).
struct SockoptCall
{
    QString level;  ///< "SOL_SOCKET"
    QString option; ///< "SO_MARK"
    bool operator==(const SockoptCall &) const = default;
};

/// setuid, setgid, setre*id, setres*id, setfs*id, setgroups: the ids asked for (-1 keeps one).
struct SetIdCall
{
    QList<std::int64_t> ids;
    bool operator==(const SetIdCall &) const = default;
};

/// A netlink reply read on a socket: the kernel's answer to a request (sendmsg) comes back as an
/// NLMSG_ERROR message, so a refused request is a successful recvmsg carrying error=-EPERM.
struct NetlinkReply
{
    int protocol = -1; ///< NETLINK_* of the socket, when known
    int error = 0;     ///< the errno the reply carried
    bool operator==(const NetlinkReply &) const = default;
};

using SyscallArguments =
    std::variant<std::monostate, SocketCall, BindCall, PathCall, IoctlCall, SockoptCall, SetIdCall, NetlinkReply>;

/// The result of one system call of interest.
struct SyscallResult
{
    ProcessRef process;
    std::int64_t timeNs = 0;
    QString syscall;
    /// >= 0, or -errno; unset when the call never returned (strace's "= ?").
    std::optional<std::int64_t> returnValue;
    SyscallArguments arguments;

    /// The errno it failed with, 0 when it succeeded or did not return.
    int error() const { return returnValue && *returnValue < 0 ? int(-*returnValue) : 0; }
    bool succeeded() const { return returnValue && *returnValue >= 0; }
    bool operator==(const SyscallResult &) const = default;
};

/// What the producer says of a recording as a whole (the stream's "recording" line).
struct RecordingInfo
{
    Mechanism mechanism = Mechanism::Ebpf;
    std::int64_t durationNs = 0;      ///< how long it was watched
    bool asRoot = false;              ///< the agent ran as uid 0
    int unprivilegedPortStart = 1024; ///< net.ipv4.ip_unprivileged_port_start where it ran
    QString target;                   ///< what was watched: "command /usr/bin/fping ...", "unit chrony.service"
    QString user;                     ///< who the agent ran as
    QList<int> capabilities;          ///< the capabilities it was given (ambient), in number order
    QString ended;                    ///< "time-limit", "exited", "signalled", "target-gone"
    std::optional<int> exitStatus;    ///< the first process's exit status, when it exited
    std::int64_t lostEvents = 0;      ///< events the producer could not keep (a full buffer)
    QStringList notes;                ///< what the producer knows the reader must know
    bool operator==(const RecordingInfo &) const = default;
};

/// "time-limit": the agent ran until the observation's time was up (what a daemon does);
/// "exited": the processes watched all ended; "signalled": the first process was killed by a
/// signal; "target-gone": the unit or process watched went away.
inline constexpr QStringView kEndedTimeLimit = u"time-limit";
inline constexpr QStringView kEndedExited = u"exited";
inline constexpr QStringView kEndedSignalled = u"signalled";
inline constexpr QStringView kEndedTargetGone = u"target-gone";

/// Everything one observation recorded, each list in the order the producer saw it.
struct EventStream
{
    QList<CapabilityCheck> checks;
    QList<SyscallResult> results;
    std::optional<RecordingInfo> info; ///< when the producer wrote a "recording" line
};

/// "forked", "running", "exiting".
QString processPhaseId(ProcessPhase phase);
std::optional<ProcessPhase> processPhaseFromId(QStringView id);

/// "EPERM" for 1; "errno N" for a number the C library does not name.
QString errnoName(int error);
/// 1 for "EPERM", including the kernel's internal ERESTARTSYS family strace shows.
std::optional<int> errnoFromName(QStringView name);

/// "AF_PACKET" for 17; "AF_N" for a number without a name here.
QString addressFamilyName(int family);
std::optional<int> addressFamilyFromName(QStringView name);
/// "SOCK_RAW" for 3.
QString socketTypeName(int type);
std::optional<int> socketTypeFromName(QStringView name);

/// The name of the system call numbered @p number on the architecture this was built for, for the
/// calls the observation looks at and those its noise filter knows ("syscall_N" otherwise).
QString syscallName(int number);

/// A short rendering of a call for evidence: "socket(AF_PACKET, SOCK_RAW)", "bind(tcp port 80)",
/// "openat(/var/lib/agent/state, write)".
QString describeCall(const SyscallResult &result);

} // namespace Deroot::Core
