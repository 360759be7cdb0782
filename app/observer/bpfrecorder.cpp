// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/observer/bpfrecorder.h"

#include <QFile>
#include <QHash>
#include <QString>

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <cerrno>
#include <cstdarg>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <linux/sockios.h>
#include <linux/types.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <utility>

// The ring buffer's layout (plain C), then the skeleton bpftool made of observer.bpf.c.
#include "app/observer/bpfevent.h"
#include "observer.skel.h"

using namespace Qt::StringLiterals;

namespace Deroot::Observer {

namespace {

using Core::CapabilityCheck;
using Core::SyscallResult;

// How a recorded call's arguments read in user space, beside what the program does with it.
enum class Decode { None, Socket, Bind, Path, Ioctl, Sockopt, SetId, SetGroups, Send };

struct RecordedCall
{
    long number;
    deroot_syscall_kind kind;
    Decode decode;
    int ids = 0; ///< SetId: how many id arguments
};

#define DEROOT_CALL(name, kind, decode, ...)                                                                           \
    RecordedCall                                                                                                       \
    {                                                                                                                  \
        SYS_##name, kind, decode __VA_OPT__(, ) __VA_ARGS__                                                            \
    }
// The calls the program reports, by this architecture's numbers (the program knows no numbers).
const RecordedCall kRecordedCalls[] = {
    DEROOT_CALL(socket, DEROOT_SC_ALWAYS, Decode::Socket),
    DEROOT_CALL(bind, DEROOT_SC_BIND, Decode::Bind),
    DEROOT_CALL(openat, DEROOT_SC_OPENAT, Decode::Path),
    DEROOT_CALL(openat2, DEROOT_SC_OPENAT2, Decode::Path),
    DEROOT_CALL(execve, DEROOT_SC_EXECVE, Decode::Path),
    DEROOT_CALL(execveat, DEROOT_SC_EXECVEAT, Decode::Path),
    DEROOT_CALL(chroot, DEROOT_SC_CHROOT, Decode::Path),
    DEROOT_CALL(ioctl, DEROOT_SC_REFUSED, Decode::Ioctl),
    DEROOT_CALL(setsockopt, DEROOT_SC_REFUSED, Decode::Sockopt),
    DEROOT_CALL(sendmsg, DEROOT_SC_SEND, Decode::Send),
    DEROOT_CALL(sendmmsg, DEROOT_SC_SEND, Decode::Send),
    DEROOT_CALL(sendto, DEROOT_SC_SEND, Decode::Send),
    DEROOT_CALL(write, DEROOT_SC_SEND, Decode::Send),
    DEROOT_CALL(writev, DEROOT_SC_SEND, Decode::Send),
    DEROOT_CALL(setuid, DEROOT_SC_ALWAYS, Decode::SetId, 1),
    DEROOT_CALL(setgid, DEROOT_SC_ALWAYS, Decode::SetId, 1),
    DEROOT_CALL(setreuid, DEROOT_SC_ALWAYS, Decode::SetId, 2),
    DEROOT_CALL(setregid, DEROOT_SC_ALWAYS, Decode::SetId, 2),
    DEROOT_CALL(setresuid, DEROOT_SC_ALWAYS, Decode::SetId, 3),
    DEROOT_CALL(setresgid, DEROOT_SC_ALWAYS, Decode::SetId, 3),
    DEROOT_CALL(setfsuid, DEROOT_SC_ALWAYS, Decode::SetId, 1),
    DEROOT_CALL(setfsgid, DEROOT_SC_ALWAYS, Decode::SetId, 1),
    DEROOT_CALL(setgroups, DEROOT_SC_SETGROUPS, Decode::SetGroups),
    DEROOT_CALL(adjtimex, DEROOT_SC_ALWAYS, Decode::None),
    DEROOT_CALL(clock_adjtime, DEROOT_SC_ALWAYS, Decode::None),
    DEROOT_CALL(clock_settime, DEROOT_SC_ALWAYS, Decode::None),
    DEROOT_CALL(settimeofday, DEROOT_SC_ALWAYS, Decode::None),
    DEROOT_CALL(perf_event_open, DEROOT_SC_ALWAYS, Decode::None),
    DEROOT_CALL(bpf, DEROOT_SC_ALWAYS, Decode::None),
    DEROOT_CALL(ptrace, DEROOT_SC_ALWAYS, Decode::None),
    DEROOT_CALL(process_vm_readv, DEROOT_SC_ALWAYS, Decode::None),
    DEROOT_CALL(process_vm_writev, DEROOT_SC_ALWAYS, Decode::None),
    DEROOT_CALL(sched_setscheduler, DEROOT_SC_ALWAYS, Decode::None),
    DEROOT_CALL(sched_setparam, DEROOT_SC_ALWAYS, Decode::None),
    DEROOT_CALL(sched_setattr, DEROOT_SC_ALWAYS, Decode::None),
    DEROOT_CALL(setpriority, DEROOT_SC_ALWAYS, Decode::None),
    DEROOT_CALL(ioprio_set, DEROOT_SC_ALWAYS, Decode::None),
    DEROOT_CALL(exit, DEROOT_SC_EXIT, Decode::None),
    DEROOT_CALL(exit_group, DEROOT_SC_EXIT, Decode::None),
#ifdef SYS_open
    DEROOT_CALL(open, DEROOT_SC_OPEN, Decode::Path),
#endif
#ifdef SYS_creat
    DEROOT_CALL(creat, DEROOT_SC_CREAT, Decode::Path),
#endif
#ifdef SYS_iopl
    DEROOT_CALL(iopl, DEROOT_SC_ALWAYS, Decode::None),
#endif
#ifdef SYS_ioperm
    DEROOT_CALL(ioperm, DEROOT_SC_ALWAYS, Decode::None),
#endif
};
#undef DEROOT_CALL

// By number, for the consumer's every event.
const RecordedCall *recordedCall(std::int64_t number)
{
    static const auto byNumber = [] {
        std::array<const RecordedCall *, DEROOT_SYSCALL_SLOTS> table{};
        for (const RecordedCall &call : kRecordedCalls) {
            if (call.number >= 0 && call.number < DEROOT_SYSCALL_SLOTS) {
                table[std::size_t(call.number)] = &call;
            }
        }
        return table;
    }();
    return number >= 0 && number < DEROOT_SYSCALL_SLOTS ? byNumber[std::size_t(number)] : nullptr;
}

// Why libbpf failed, in its own words: the last lines it printed while opening or loading.
QStringList &libbpfLog()
{
    static QStringList lines;
    return lines;
}

int captureLibbpf(enum libbpf_print_level level, const char *format, va_list args)
{
    if (level == LIBBPF_DEBUG) {
        return 0;
    }
    char line[512];
    const int n = std::vsnprintf(line, sizeof(line), format, args);
    if (n > 0) {
        QStringList &lines = libbpfLog();
        lines.append(QString::fromLocal8Bit(line).trimmed());
        while (lines.size() > 8) {
            lines.removeFirst();
        }
    }
    return n;
}

QString libbpfSays()
{
    QStringList useful;
    for (const QString &line : std::as_const(libbpfLog())) {
        if (!line.isEmpty() && !line.startsWith(u"-- "_s)) {
            useful.append(line);
        }
    }
    return useful.isEmpty() ? QString() : u" (libbpf: "_s + useful.last() + u')';
}

// Where security_vm_enough_memory_mm's code lies, from /proc/kallsyms: its address and the next
// symbol's. It calls the capability module's cap_vm_enough_memory through a static call, which
// jumps on to cap_capable (a tail call, so only the caller shows on the stack).
// Nothing when the addresses are hidden (kernel.kptr_restrict) or the symbol is missing: the
// checks then keep kCapOptUnknown and the noise filter falls back to the calls' names.
std::pair<std::uint64_t, std::uint64_t> vmAccountingRange()
{
    QFile file(u"/proc/kallsyms"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        return {0, 0};
    }
    const QByteArray all = file.readAll();
    std::uint64_t start = 0;
    QList<std::uint64_t> addresses;
    addresses.reserve(200000);
    qsizetype at = 0;
    while (at < all.size()) {
        qsizetype end = all.indexOf('\n', at);
        if (end < 0) {
            end = all.size();
        }
        const QByteArrayView line(all.constData() + at, end - at);
        at = end + 1;
        const qsizetype space = line.indexOf(' ');
        if (space <= 0 || line.size() < space + 3) {
            continue;
        }
        bool ok = false;
        const std::uint64_t address = line.first(space).toULongLong(&ok, 16);
        if (!ok || address == 0) {
            continue;
        }
        addresses.append(address);
        const QByteArrayView name = line.sliced(space + 3);
        if (name == "security_vm_enough_memory_mm") {
            start = address;
        }
    }
    if (start == 0) {
        return {0, 0};
    }
    std::uint64_t next = ~std::uint64_t(0);
    for (std::uint64_t address : std::as_const(addresses)) {
        if (address > start && address < next) {
            next = address;
        }
    }
    return next == ~std::uint64_t(0) ? std::pair<std::uint64_t, std::uint64_t>{0, 0}
                                     : std::pair<std::uint64_t, std::uint64_t>{start, next};
}

Core::Error unavailable(const QString &message)
{
    return Core::Error{Core::ExitCode::Unavailable, message};
}

QString errnoText(int error)
{
    return Core::errnoName(error) + u": "_s + QString::fromLocal8Bit(std::strerror(error));
}

std::int64_t monotonicNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return std::int64_t(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// Non-UTF-8 bytes as \xHH, as events.h asks of a path.
QString pathText(const char *bytes, std::size_t size)
{
    const QByteArray raw(bytes, qsizetype(strnlen(bytes, size)));
    const QString text = QString::fromUtf8(raw);
    if (text.toUtf8() == raw) {
        return text;
    }
    QString escaped;
    for (char c : raw) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x80) {
            escaped.append(QLatin1Char(c));
        } else {
            escaped.append(u"\\x"_s + QString::number(byte, 16).rightJustified(2, u'0'));
        }
    }
    return escaped;
}

Core::PathAccess pathAccess(const deroot_event &e, deroot_syscall_kind kind)
{
    Core::PathAccess access;
    access.path = pathText(e.path, sizeof(e.path));
    switch (kind) {
    case DEROOT_SC_EXECVE:
    case DEROOT_SC_EXECVEAT:
    case DEROOT_SC_CHROOT:
        access.execute = true;
        break;
    default: {
        const auto mode = e.open_flags & O_ACCMODE;
        access.read = mode == O_RDONLY || mode == O_RDWR;
        access.write = mode == O_WRONLY || mode == O_RDWR || (e.open_flags & (O_CREAT | O_TRUNC)) != 0;
        break;
    }
    }
    return access;
}

// An id argument: uid_t is 32 bits wide, and -1 ("keep") arrives as 0xffffffff.
std::int64_t idArgument(std::uint64_t raw)
{
    const auto id = std::uint32_t(raw);
    return id == 0xffffffffu ? -1 : std::int64_t(id);
}

// The groups a setgroups() call asked for, as far as the program read them (31 at most).
QList<std::int64_t> groupsOf(const deroot_event &e)
{
    QList<std::int64_t> groups;
    for (std::uint32_t at = 0; at + sizeof(std::uint32_t) <= e.addr_len && at < sizeof(e.addr); at += 4) {
        std::uint32_t group = 0;
        std::memcpy(&group, e.addr + at, sizeof(group));
        groups.append(std::int64_t(group));
    }
    return groups;
}

QString ioctlRequest(std::uint64_t raw)
{
    struct Named
    {
        unsigned long request;
        const char *name;
    };
    static constexpr Named kRequests[] = {
        {0x2285, "SG_IO"},
        {SIOCETHTOOL, "SIOCETHTOOL"},
        {SIOCSIFLINK, "SIOCSIFLINK"},
        {SIOCSIFFLAGS, "SIOCSIFFLAGS"},
        {SIOCSIFADDR, "SIOCSIFADDR"},
        {SIOCSIFDSTADDR, "SIOCSIFDSTADDR"},
        {SIOCSIFBRDADDR, "SIOCSIFBRDADDR"},
        {SIOCSIFNETMASK, "SIOCSIFNETMASK"},
        {SIOCSIFMETRIC, "SIOCSIFMETRIC"},
        {SIOCSIFMEM, "SIOCSIFMEM"},
        {SIOCSIFMTU, "SIOCSIFMTU"},
        {SIOCSIFNAME, "SIOCSIFNAME"},
        {SIOCSIFHWADDR, "SIOCSIFHWADDR"},
        {SIOCSIFENCAP, "SIOCSIFENCAP"},
        {SIOCSIFHWBROADCAST, "SIOCSIFHWBROADCAST"},
        {SIOCSIFPFLAGS, "SIOCSIFPFLAGS"},
        {SIOCSIFTXQLEN, "SIOCSIFTXQLEN"},
        {SIOCSIFMAP, "SIOCSIFMAP"},
        {SIOCSIFBR, "SIOCSIFBR"},
        {SIOCSIFVLAN, "SIOCSIFVLAN"},
        {SIOCSARP, "SIOCSARP"},
        {SIOCSRARP, "SIOCSRARP"},
        {SIOCSPGRP, "SIOCSPGRP"},
        {SIOCADDRT, "SIOCADDRT"},
        {SIOCDELRT, "SIOCDELRT"},
    };
    const auto request = static_cast<unsigned long>(std::uint32_t(raw));
    for (const Named &named : kRequests) {
        if (named.request == request) {
            return QString::fromLatin1(named.name);
        }
    }
    return u"0x"_s + QString::number(request, 16);
}

Core::SockoptCall sockopt(std::uint64_t level, std::uint64_t option)
{
    Core::SockoptCall call;
    if (int(level) == SOL_SOCKET) {
        call.level = u"SOL_SOCKET"_s;
        switch (int(option)) {
        case SO_MARK:
            call.option = u"SO_MARK"_s;
            break;
        case SO_RCVBUFFORCE:
            call.option = u"SO_RCVBUFFORCE"_s;
            break;
        case SO_SNDBUFFORCE:
            call.option = u"SO_SNDBUFFORCE"_s;
            break;
        case SO_BINDTODEVICE:
            call.option = u"SO_BINDTODEVICE"_s;
            break;
        case SO_PRIORITY:
            call.option = u"SO_PRIORITY"_s;
            break;
        default:
            call.option = QString::number(int(option));
        }
    } else {
        call.level = int(level) == IPPROTO_IP     ? u"SOL_IP"_s
                     : int(level) == IPPROTO_IPV6 ? u"SOL_IPV6"_s
                     : int(level) == IPPROTO_TCP  ? u"SOL_TCP"_s
                                                  : QString::number(int(level));
        call.option = QString::number(int(option));
    }
    return call;
}

Core::BindCall bindCall(const deroot_event &e)
{
    Core::BindCall bind;
    if (e.flags & DEROOT_F_SOCKET) {
        bind.socketType = e.sock_type;
    }
    if (e.addr_len < sizeof(sa_family_t)) {
        return bind;
    }
    sa_family_t family = 0;
    std::memcpy(&family, e.addr, sizeof(family));
    bind.family = family;
    char text[INET6_ADDRSTRLEN] = {};
    if (family == AF_INET && e.addr_len >= sizeof(sockaddr_in)) {
        sockaddr_in in{};
        std::memcpy(&in, e.addr, sizeof(in));
        bind.port = ntohs(in.sin_port);
        if (inet_ntop(AF_INET, &in.sin_addr, text, sizeof(text))) {
            bind.address = QString::fromLatin1(text);
        }
    } else if (family == AF_INET6 && e.addr_len >= sizeof(sockaddr_in6)) {
        sockaddr_in6 in6{};
        std::memcpy(&in6, e.addr, sizeof(in6));
        bind.port = ntohs(in6.sin6_port);
        if (inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof(text))) {
            bind.address = QString::fromLatin1(text);
        }
    } else if (family == AF_UNIX && e.addr_len > sizeof(sa_family_t)) {
        const char *path = reinterpret_cast<const char *>(e.addr) + sizeof(sa_family_t);
        const std::size_t size = std::min<std::size_t>(e.addr_len - sizeof(sa_family_t), sizeof(sockaddr_un::sun_path));
        // An abstract name starts with NUL; ss and strace write it with '@'.
        bind.address = path[0] == '\0' ? u"@"_s + pathText(path + 1, size - 1) : pathText(path, size);
    }
    return bind;
}

} // namespace

struct BpfRecorder::Private
{
    observer_bpf *skeleton = nullptr;
    ring_buffer *ring = nullptr;
    QList<bpf_link *> links;
    bool started = false;
    bool finished = false;
    std::int64_t startNs = 0;
    QString pollError;

    Core::EventStream stream;
    // The checks of a call still in progress: (global thread id, call number) -> indices.
    QHash<quint64, QList<qsizetype>> openCalls;
    // Processes between fork and exec: pid -> their checks, whose phase waits for what they do next.
    QHash<int, QList<qsizetype>> forked;
    QHash<std::int64_t, QString> syscallNames; // syscallName() searches a table: once a number

    QString nameOf(std::int64_t number)
    {
        auto it = syscallNames.constFind(number);
        if (it == syscallNames.cend()) {
            it = syscallNames.insert(number, Core::syscallName(int(number)));
        }
        return *it;
    }

    ~Private()
    {
        if (ring) {
            ring_buffer__free(ring);
        }
        for (bpf_link *link : std::as_const(links)) {
            bpf_link__destroy(link);
        }
        if (skeleton) {
            observer_bpf__destroy(skeleton);
        }
    }

    static int onEvent(void *context, void *data, size_t size)
    {
        // A small event ends before addr: the rest stays zero (path_len and addr_len say so too).
        if (size < DEROOT_EVENT_SMALL) {
            return 0;
        }
        deroot_event e{};
        std::memcpy(&e, data, std::min(size, sizeof(e)));
        static_cast<Private *>(context)->handle(e);
        return 0;
    }

    Core::ProcessRef process(const deroot_event &e) const
    {
        return {int(e.pid), int(e.tid), QString::fromUtf8(e.comm, qsizetype(strnlen(e.comm, sizeof(e.comm))))};
    }

    std::int64_t since(const deroot_event &e) const { return std::int64_t(e.time_ns) - startNs; }

    void handle(const deroot_event &e)
    {
        switch (e.type) {
        case DEROOT_EV_CHECK:
            handleCheck(e);
            break;
        case DEROOT_EV_RESULT:
            handleResult(e);
            break;
        case DEROOT_EV_FORK:
            // A pid seen again is a new process: what was held for the old one ran to its end.
            // A child outside the observer's PID namespace has no number here to hold it by.
            if (e.child_pid > 0) {
                forked.insert(int(e.child_pid), {});
            }
            break;
        case DEROOT_EV_EXEC:
            // What the child did between fork and this exec was the parent's code.
            for (qsizetype i : forked.take(int(e.pid))) {
                stream.checks[i].phase = Core::ProcessPhase::Forked;
            }
            break;
        case DEROOT_EV_EXIT:
            // It never exec'd: what it did was its own (Running, or Exiting as recorded).
            forked.remove(int(e.pid));
            break;
        default:
            break;
        }
    }

    void handleCheck(const deroot_event &e)
    {
        CapabilityCheck check;
        check.capability = e.cap;
        check.process = process(e);
        check.granted = e.ret == 0;
        // cap_vm_enough_memory always asks with CAP_OPT_NOAUDIT; of any other check the
        // tracepoint does not tell.
        check.options = (e.flags & DEROOT_F_VM_ACCOUNTING) ? Core::kCapOptNoAudit | Core::kCapOptVmAccounting
                                                           : Core::kCapOptUnknown;
        check.timeNs = since(e);
        check.phase = (e.flags & DEROOT_F_EXITING) ? Core::ProcessPhase::Exiting : Core::ProcessPhase::Running;
        if (e.nr >= 0) {
            check.syscall = nameOf(e.nr);
            if (const RecordedCall *call = recordedCall(e.nr)) {
                if (call->decode == Decode::Path && (e.flags & DEROOT_F_PATH)) {
                    check.path = pathAccess(e, call->kind);
                } else if (call->decode == Decode::SetId) {
                    for (int i = 0; i < call->ids; ++i) {
                        check.arguments.append(idArgument(e.args[i]));
                    }
                } else if (call->decode == Decode::SetGroups) {
                    check.arguments = groupsOf(e);
                }
            }
            openCalls[(quint64(e.gtid) << 32) | e.seq].append(stream.checks.size());
        }
        if (auto held = forked.find(int(e.pid)); held != forked.end()) {
            held->append(stream.checks.size());
        }
        stream.checks.append(check);
    }

    void handleResult(const deroot_event &e)
    {
        for (qsizetype i : openCalls.take((quint64(e.gtid) << 32) | e.seq)) {
            stream.checks[i].syscallReturn = e.ret;
        }
        SyscallResult result;
        result.process = process(e);
        result.timeNs = since(e);
        result.syscall = nameOf(e.nr);
        result.returnValue = e.ret;
        const RecordedCall *call = recordedCall(e.nr);
        switch (call ? call->decode : Decode::None) {
        case Decode::Socket:
            result.arguments =
                Core::SocketCall{int(e.args[0]), int(e.args[1]) & ~(SOCK_NONBLOCK | SOCK_CLOEXEC), int(e.args[2])};
            break;
        case Decode::Bind:
            result.arguments = bindCall(e);
            break;
        case Decode::Path:
            if (e.flags & DEROOT_F_PATH) {
                result.arguments = Core::PathCall{pathAccess(e, call->kind), (e.flags & DEROOT_F_TRUNCATED) != 0};
            }
            break;
        case Decode::Ioctl:
            result.arguments = Core::IoctlCall{ioctlRequest(e.args[1]), QString()};
            break;
        case Decode::Sockopt:
            result.arguments = sockopt(e.args[1], e.args[2]);
            break;
        case Decode::SetId: {
            Core::SetIdCall ids;
            for (int i = 0; i < call->ids; ++i) {
                ids.ids.append(idArgument(e.args[i]));
            }
            result.arguments = ids;
            break;
        }
        case Decode::SetGroups:
            result.arguments = Core::SetIdCall{groupsOf(e)};
            break;
        case Decode::Send:
            // A refused netlink request succeeds: its -EPERM travels in the reply. The socket says
            // which kind of request it was.
            if ((e.flags & DEROOT_F_SOCKET) && e.sock_family == AF_NETLINK) {
                result.arguments = Core::SocketCall{AF_NETLINK, e.sock_type, e.sock_protocol};
            }
            break;
        case Decode::None:
            break;
        }
        stream.results.append(result);
    }
};

BpfRecorder::BpfRecorder(std::unique_ptr<Private> d)
    : d(std::move(d))
{}

BpfRecorder::~BpfRecorder() = default;

Core::Result<std::unique_ptr<BpfRecorder>> BpfRecorder::open()
{
    if (!QFile::exists(u"/sys/kernel/btf/vmlinux"_s)) {
        return unavailable(u"the kernel has no BTF (/sys/kernel/btf/vmlinux is missing; it needs "
                           "CONFIG_DEBUG_INFO_BTF=y): the eBPF recorder cannot relocate its program"_s);
    }
    struct stat pidns{};
    if (::stat("/proc/self/ns/pid", &pidns) != 0) {
        return unavailable(u"cannot read /proc/self/ns/pid ("_s + errnoText(errno) +
                           u"): the recorder needs it to number processes as this PID namespace does"_s);
    }
    libbpf_set_print(captureLibbpf);
    libbpfLog().clear();

    auto d = std::make_unique<Private>();
    d->skeleton = observer_bpf__open();
    if (!d->skeleton) {
        return unavailable(u"cannot open the BPF program ("_s + errnoText(errno) + u')' + libbpfSays());
    }
    d->skeleton->rodata->pidns_ino = pidns.st_ino;
    const auto [vmStart, vmEnd] = vmAccountingRange();
    d->skeleton->rodata->vm_accounting_start = vmStart;
    d->skeleton->rodata->vm_accounting_end = vmEnd;
    if (const int error = observer_bpf__load(d->skeleton); error != 0) {
        const int code = -error;
        const QString why = code == EPERM || code == EACCES
                                ? QString(u"the kernel refused to load BPF programs ("_s + errnoText(code) +
                                          u"): it needs CAP_BPF and CAP_PERFMON (or CAP_SYS_ADMIN), and a lockdown "
                                          "or kernel.unprivileged_bpf_disabled may forbid it"_s)
                                : QString(u"the kernel did not load the BPF program ("_s + errnoText(code) + u')');
        return unavailable(why + libbpfSays());
    }
    const int kinds = bpf_map__fd(d->skeleton->maps.syscall_kinds);
    for (const RecordedCall &call : kRecordedCalls) {
        if (call.number < 0 || call.number >= DEROOT_SYSCALL_SLOTS) {
            continue;
        }
        const auto key = std::uint32_t(call.number);
        const auto value = std::uint32_t(call.kind);
        if (bpf_map_update_elem(kinds, &key, &value, BPF_ANY) != 0) {
            return unavailable(u"cannot fill the BPF program's syscall table ("_s + errnoText(errno) + u')');
        }
    }
    // One program at a time, to name the tracepoint the kernel refused.
    struct Program
    {
        bpf_program *program;
        const char *tracepoint;
    };
    const Program programs[] = {
        {d->skeleton->progs.deroot_cap_capable, "capability:cap_capable"},
        {d->skeleton->progs.deroot_sys_exit, "sys_exit (raw tracepoint)"},
        {d->skeleton->progs.deroot_fork, "sched_process_fork (raw tracepoint)"},
        {d->skeleton->progs.deroot_exec, "sched:sched_process_exec"},
        {d->skeleton->progs.deroot_exit, "sched:sched_process_exit"},
    };
    // execve's entry, by its own tracepoints: the kernel runs them for that call only.
    struct Entry
    {
        const char *event;
        const char *tracepoint;
    };
    for (const Entry entry : {Entry{"sys_enter_execve", "syscalls:sys_enter_execve"},
                              Entry{"sys_enter_execveat", "syscalls:sys_enter_execveat"}}) {
        bpf_link *link = bpf_program__attach_tracepoint(d->skeleton->progs.deroot_exec_enter, "syscalls", entry.event);
        if (!link) {
            const int code = errno;
            return unavailable(u"cannot attach to the tracepoint "_s + QString::fromLatin1(entry.tracepoint) + u" ("_s +
                               errnoText(code) + u')' + libbpfSays());
        }
        d->links.append(link);
    }
    for (const Program &program : programs) {
        bpf_link *link = bpf_program__attach(program.program);
        if (!link) {
            const int code = errno;
            return unavailable(u"cannot attach to the tracepoint "_s + QString::fromLatin1(program.tracepoint) +
                               u" ("_s + errnoText(code) + u')' + libbpfSays());
        }
        d->links.append(link);
    }
    d->ring = ring_buffer__new(bpf_map__fd(d->skeleton->maps.events), &Private::onEvent, d.get(), nullptr);
    if (!d->ring) {
        return unavailable(u"cannot map the BPF ring buffer ("_s + errnoText(errno) + u')');
    }
    return std::unique_ptr<BpfRecorder>(new BpfRecorder(std::move(d)));
}

Core::Result<void> BpfRecorder::start(const BpfFilter &filter)
{
    if (d->started) {
        return Core::Error{Core::ExitCode::Failure, u"the eBPF recorder was already started"_s};
    }
    const bool byCgroup = filter.cgroupId != 0;
    if (byCgroup == !filter.pids.isEmpty()) {
        return Core::Error{Core::ExitCode::Usage,
                           u"the eBPF recorder needs exactly one of a cgroup and a set of processes to follow"_s};
    }
    auto *bss = d->skeleton->bss;
    if (byCgroup) {
        bss->cgroup_id = filter.cgroupId;
        d->skeleton->data->cgroup_level = -1;
        bss->mode = 1;
    } else {
        const int seeds = bpf_map__fd(d->skeleton->maps.seeds);
        std::uint64_t count = 0;
        for (int pid : filter.pids) {
            if (pid <= 0) {
                return Core::Error{Core::ExitCode::Usage, u"not a process id: "_s + QString::number(pid)};
            }
            const auto key = std::uint32_t(pid);
            const std::uint8_t one = 1;
            if (bpf_map_update_elem(seeds, &key, &one, BPF_NOEXIST) == 0) {
                ++count;
            } else if (errno != EEXIST) {
                return unavailable(u"cannot hand the processes to the BPF program ("_s + errnoText(errno) + u')');
            }
        }
        bss->pending_seeds = count;
        bss->mode = 2;
    }
    d->startNs = monotonicNs();
    __atomic_store_n(&bss->enabled, 1u, __ATOMIC_SEQ_CST);
    d->started = true;
    return {};
}

void BpfRecorder::ignoreUntilExec(int pid)
{
    const auto key = std::uint32_t(pid);
    const std::uint8_t one = 1;
    if (bpf_map_update_elem(bpf_map__fd(d->skeleton->maps.gated), &key, &one, BPF_NOEXIST) == 0) {
        __atomic_fetch_add(&d->skeleton->bss->gated_count, 1, __ATOMIC_SEQ_CST);
    }
}

Core::Result<void> BpfRecorder::poll(int timeoutMs)
{
    const int n = ring_buffer__poll(d->ring, timeoutMs);
    if (n < 0 && n != -EINTR) {
        return Core::Error{Core::ExitCode::Failure, u"reading the BPF ring buffer failed: "_s + errnoText(-n)};
    }
    return {};
}

Core::EventStream BpfRecorder::finish()
{
    if (!d->finished) {
        __atomic_store_n(&d->skeleton->bss->enabled, 0u, __ATOMIC_SEQ_CST);
        ring_buffer__consume(d->ring);
        d->finished = true;
        // Still between fork and exec at the end: they never exec'd, so what they did was theirs.
        d->forked.clear();
        d->openCalls.clear();
    }
    Core::EventStream stream = std::move(d->stream);
    d->stream = {};
    // The ring buffer keeps reservation order across CPUs, which is not quite time order.
    std::stable_sort(stream.checks.begin(), stream.checks.end(),
                     [](const CapabilityCheck &a, const CapabilityCheck &b) { return a.timeNs < b.timeNs; });
    std::stable_sort(stream.results.begin(), stream.results.end(),
                     [](const SyscallResult &a, const SyscallResult &b) { return a.timeNs < b.timeNs; });
    return stream;
}

std::uint64_t BpfRecorder::lostEvents() const
{
    return __atomic_load_n(&d->skeleton->bss->lost, __ATOMIC_SEQ_CST);
}

std::uint64_t BpfRecorder::overriddenChecks() const
{
    return __atomic_load_n(&d->skeleton->bss->overridden, __ATOMIC_SEQ_CST);
}

std::uint64_t BpfRecorder::deliveredEvents() const
{
    return __atomic_load_n(&d->skeleton->bss->delivered, __ATOMIC_SEQ_CST);
}

} // namespace Deroot::Observer
