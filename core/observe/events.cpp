// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/observe/events.h"

#include <QCoreApplication>
#include <QHash>

#include <array>
#include <cerrno>
#include <cstring>
#include <linux/netlink.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

struct NamedNumber
{
    int number;
    const char *name;
};

// The families systemd's RestrictAddressFamilies= knows and agents use, plus the raw ones.
constexpr NamedNumber kFamilies[] = {
    {AF_UNIX, "AF_UNIX"},       {AF_INET, "AF_INET"},     {AF_INET6, "AF_INET6"},
    {AF_NETLINK, "AF_NETLINK"}, {AF_PACKET, "AF_PACKET"}, {AF_BLUETOOTH, "AF_BLUETOOTH"},
    {AF_CAN, "AF_CAN"},         {AF_VSOCK, "AF_VSOCK"},   {AF_ALG, "AF_ALG"},
    {AF_XDP, "AF_XDP"},         {AF_KEY, "AF_KEY"},       {AF_APPLETALK, "AF_APPLETALK"},
    {AF_UNSPEC, "AF_UNSPEC"},
};

constexpr NamedNumber kSocketTypes[] = {
    {SOCK_STREAM, "SOCK_STREAM"}, {SOCK_DGRAM, "SOCK_DGRAM"},         {SOCK_RAW, "SOCK_RAW"},
    {SOCK_RDM, "SOCK_RDM"},       {SOCK_SEQPACKET, "SOCK_SEQPACKET"}, {SOCK_PACKET, "SOCK_PACKET"},
};

// The kernel's restart codes never reach a program, but strace shows them on interrupted calls.
constexpr NamedNumber kKernelErrors[] = {
    {512, "ERESTARTSYS"}, {513, "ERESTARTNOINTR"},        {514, "ERESTARTNOHAND"},
    {515, "ENOIOCTLCMD"}, {516, "ERESTART_RESTARTBLOCK"},
};

#define DEROOT_SYSCALL(name) {SYS_##name, #name}
// The calls the observation reads and those the noise filter and the privilege-drop rule name.
constexpr NamedNumber kSyscalls[] = {
    DEROOT_SYSCALL(socket),
    DEROOT_SYSCALL(bind),
    DEROOT_SYSCALL(connect),
    DEROOT_SYSCALL(setsockopt),
    DEROOT_SYSCALL(sendmsg),
    DEROOT_SYSCALL(recvmsg),
    DEROOT_SYSCALL(sendto),
    DEROOT_SYSCALL(recvfrom),
    DEROOT_SYSCALL(openat),
    DEROOT_SYSCALL(openat2),
    DEROOT_SYSCALL(execve),
    DEROOT_SYSCALL(execveat),
    DEROOT_SYSCALL(brk),
    DEROOT_SYSCALL(mmap),
    DEROOT_SYSCALL(mprotect),
    DEROOT_SYSCALL(mremap),
    DEROOT_SYSCALL(munmap),
    DEROOT_SYSCALL(ioctl),
    DEROOT_SYSCALL(adjtimex),
    DEROOT_SYSCALL(clock_adjtime),
    DEROOT_SYSCALL(clock_settime),
    DEROOT_SYSCALL(settimeofday),
    DEROOT_SYSCALL(perf_event_open),
    DEROOT_SYSCALL(bpf),
    DEROOT_SYSCALL(ptrace),
    DEROOT_SYSCALL(process_vm_readv),
    DEROOT_SYSCALL(process_vm_writev),
    DEROOT_SYSCALL(sched_setscheduler),
    DEROOT_SYSCALL(sched_setparam),
    DEROOT_SYSCALL(sched_setattr),
    DEROOT_SYSCALL(setpriority),
    DEROOT_SYSCALL(ioprio_set),
    DEROOT_SYSCALL(sendmmsg),
    DEROOT_SYSCALL(write),
    DEROOT_SYSCALL(writev),
    DEROOT_SYSCALL(read),
    DEROOT_SYSCALL(fchown),
    DEROOT_SYSCALL(fchownat),
    DEROOT_SYSCALL(fchmod),
    DEROOT_SYSCALL(fchmodat),
    DEROOT_SYSCALL(unlinkat),
    DEROOT_SYSCALL(renameat),
    DEROOT_SYSCALL(mkdirat),
    DEROOT_SYSCALL(mknodat),
    DEROOT_SYSCALL(linkat),
    DEROOT_SYSCALL(faccessat),
    DEROOT_SYSCALL(setns),
    DEROOT_SYSCALL(unshare),
    DEROOT_SYSCALL(umount2),
    DEROOT_SYSCALL(sethostname),
    DEROOT_SYSCALL(mlock),
    DEROOT_SYSCALL(mlockall),
    DEROOT_SYSCALL(setrlimit),
    DEROOT_SYSCALL(prlimit64),
    DEROOT_SYSCALL(quotactl),
    DEROOT_SYSCALL(keyctl),
    DEROOT_SYSCALL(syslog),
    DEROOT_SYSCALL(finit_module),
    DEROOT_SYSCALL(init_module),
    DEROOT_SYSCALL(setsid),
    DEROOT_SYSCALL(wait4),
    DEROOT_SYSCALL(getdents64),
    DEROOT_SYSCALL(setuid),
    DEROOT_SYSCALL(setgid),
    DEROOT_SYSCALL(setreuid),
    DEROOT_SYSCALL(setregid),
    DEROOT_SYSCALL(setresuid),
    DEROOT_SYSCALL(setresgid),
    DEROOT_SYSCALL(setfsuid),
    DEROOT_SYSCALL(setfsgid),
    DEROOT_SYSCALL(setgroups),
    DEROOT_SYSCALL(chroot),
    DEROOT_SYSCALL(capset),
    DEROOT_SYSCALL(prctl),
    DEROOT_SYSCALL(clone),
    DEROOT_SYSCALL(clone3),
    DEROOT_SYSCALL(exit),
    DEROOT_SYSCALL(exit_group),
    DEROOT_SYSCALL(close),
    DEROOT_SYSCALL(kill),
    DEROOT_SYSCALL(mount),
#ifdef SYS_open
    DEROOT_SYSCALL(open),
#endif
#ifdef SYS_creat
    DEROOT_SYSCALL(creat),
#endif
#ifdef SYS_newfstatat
    DEROOT_SYSCALL(newfstatat),
#endif
#ifdef SYS_stat
    DEROOT_SYSCALL(stat),
    DEROOT_SYSCALL(lstat),
    DEROOT_SYSCALL(access),
#endif
#ifdef SYS_chown
    DEROOT_SYSCALL(chown),
    DEROOT_SYSCALL(lchown),
    DEROOT_SYSCALL(chmod),
    DEROOT_SYSCALL(unlink),
    DEROOT_SYSCALL(rename),
    DEROOT_SYSCALL(mkdir),
    DEROOT_SYSCALL(rmdir),
    DEROOT_SYSCALL(mknod),
#endif
#ifdef SYS_fork
    DEROOT_SYSCALL(fork),
#endif
#ifdef SYS_vfork
    DEROOT_SYSCALL(vfork),
#endif
#ifdef SYS_iopl
    DEROOT_SYSCALL(iopl),
#endif
#ifdef SYS_ioperm
    DEROOT_SYSCALL(ioperm),
#endif
};
#undef DEROOT_SYSCALL

QString nameOf(const auto &table, int number, const QString &fallback)
{
    for (const NamedNumber &entry : table) {
        if (entry.number == number) {
            return QString::fromLatin1(entry.name);
        }
    }
    return fallback;
}

std::optional<int> numberOf(const auto &table, QStringView name)
{
    for (const NamedNumber &entry : table) {
        if (name == QLatin1StringView(entry.name)) {
            return entry.number;
        }
    }
    return std::nullopt;
}

QString accessText(const PathAccess &access)
{
    const QString words = accessWords(access);
    return words.isEmpty() ? u"no access"_s : words;
}

} // namespace

namespace {

// The words of an access, in the order read, write, execute, joined by '+'; @p shown: in the
// desktop's language.
QString accessWordList(const PathAccess &access, bool shown)
{
    static constexpr std::array words{QT_TRANSLATE_NOOP("Deroot::Core::Observe", "read"),
                                      QT_TRANSLATE_NOOP("Deroot::Core::Observe", "write"),
                                      QT_TRANSLATE_NOOP("Deroot::Core::Observe", "execute")};
    const std::array asked{access.read, access.write, access.execute};
    QStringList out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (asked.at(i)) {
            out.append(shown ? QCoreApplication::translate("Deroot::Core::Observe", words.at(i))
                             : QString::fromLatin1(words.at(i)));
        }
    }
    return out.join(u'+');
}

} // namespace

QString accessWords(const PathAccess &access)
{
    return accessWordList(access, false);
}

QString accessShown(const PathAccess &access)
{
    return accessWordList(access, true);
}

QString mechanismId(Mechanism mechanism)
{
    return mechanism == Mechanism::Ebpf ? u"ebpf"_s : u"strace"_s;
}

std::optional<Mechanism> mechanismFromId(QStringView id)
{
    if (id == u"ebpf") {
        return Mechanism::Ebpf;
    }
    if (id == u"strace") {
        return Mechanism::Strace;
    }
    return std::nullopt;
}

QString processPhaseId(ProcessPhase phase)
{
    switch (phase) {
    case ProcessPhase::Forked:
        return u"forked"_s;
    case ProcessPhase::Running:
        return u"running"_s;
    case ProcessPhase::Exiting:
        return u"exiting"_s;
    }
    Q_UNREACHABLE_RETURN(QString());
}

std::optional<ProcessPhase> processPhaseFromId(QStringView id)
{
    for (ProcessPhase phase : {ProcessPhase::Forked, ProcessPhase::Running, ProcessPhase::Exiting}) {
        if (id == processPhaseId(phase)) {
            return phase;
        }
    }
    return std::nullopt;
}

QString errnoName(int error)
{
    if (const char *name = ::strerrorname_np(error)) {
        return QString::fromLatin1(name);
    }
    return nameOf(kKernelErrors, error, u"errno "_s + QString::number(error));
}

std::optional<int> errnoFromName(QStringView name)
{
    static const QHash<QString, int> byName = [] {
        QHash<QString, int> names;
        for (int error = 1; error < 512; ++error) {
            if (const char *n = ::strerrorname_np(error)) {
                // Aliases (EWOULDBLOCK for EAGAIN) share a number: the first name wins for
                // errnoName(), every name is accepted here.
                names.insert(QString::fromLatin1(n), error);
            }
        }
        for (const NamedNumber &entry : kKernelErrors) {
            names.insert(QString::fromLatin1(entry.name), entry.number);
        }
        names.insert(u"EWOULDBLOCK"_s, EWOULDBLOCK);
        names.insert(u"EDEADLOCK"_s, EDEADLOCK);
        names.insert(u"ENOTSUP"_s, ENOTSUP);
        return names;
    }();
    const auto found = byName.constFind(name.toString());
    if (found == byName.cend()) {
        return std::nullopt;
    }
    return *found;
}

QString addressFamilyName(int family)
{
    return nameOf(kFamilies, family, u"AF_"_s + QString::number(family));
}

std::optional<int> addressFamilyFromName(QStringView name)
{
    if (name == u"AF_LOCAL"_s || name == u"AF_FILE"_s) {
        return AF_UNIX;
    }
    return numberOf(kFamilies, name);
}

QString socketTypeName(int type)
{
    return nameOf(kSocketTypes, type, u"SOCK_"_s + QString::number(type));
}

std::optional<int> socketTypeFromName(QStringView name)
{
    return numberOf(kSocketTypes, name);
}

QString syscallName(int number)
{
    return nameOf(kSyscalls, number, u"syscall_"_s + QString::number(number));
}

QString describeCall(const SyscallResult &result)
{
    const QString &name = result.syscall;
    if (const auto *socket = std::get_if<SocketCall>(&result.arguments)) {
        return name + u'(' + addressFamilyName(socket->family) + u", "_s + socketTypeName(socket->type) + u')';
    }
    if (const auto *bind = std::get_if<BindCall>(&result.arguments)) {
        if (bind->port >= 0) {
            const QString protocol = bind->socketType == SOCK_STREAM  ? u"tcp "_s
                                     : bind->socketType == SOCK_DGRAM ? u"udp "_s
                                                                      : QString();
            return name + u'(' + protocol + u"port "_s + QString::number(bind->port) + u')';
        }
        return name + u'(' + addressFamilyName(bind->family) +
               (bind->address.isEmpty() ? QString() : u' ' + bind->address) + u')';
    }
    if (const auto *path = std::get_if<PathCall>(&result.arguments)) {
        return name + u'(' + path->access.path + u", "_s + accessText(path->access) + u')';
    }
    if (const auto *ioctl = std::get_if<IoctlCall>(&result.arguments)) {
        return name + u'(' + (ioctl->path.isEmpty() ? QString() : ioctl->path + u", "_s) + ioctl->request + u')';
    }
    if (const auto *sockopt = std::get_if<SockoptCall>(&result.arguments)) {
        return name + u'(' + sockopt->level + u", "_s + sockopt->option + u')';
    }
    if (const auto *setId = std::get_if<SetIdCall>(&result.arguments)) {
        QStringList ids;
        for (std::int64_t id : setId->ids) {
            ids.append(QString::number(id));
        }
        return name + u'(' + ids.join(u", "_s) + u')';
    }
    if (const auto *reply = std::get_if<NetlinkReply>(&result.arguments)) {
        const QString protocol = reply->protocol == NETLINK_GENERIC ? u"NETLINK_GENERIC"_s
                                 : reply->protocol == NETLINK_ROUTE ? u"NETLINK_ROUTE"_s
                                                                    : u"netlink"_s;
        return name + u'(' + protocol + u" reply "_s + errnoName(reply->error) + u')';
    }
    return name + u"()"_s;
}

} // namespace Deroot::Core
