// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/observe/observation.h"

#include "core/base/text.h"
#include "core/model/capabilities.h"
#include "core/observe/sandboxflags.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cerrno>
#include <linux/capability.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// How many kinds of call an evidence sentence names before "and N more".
constexpr int kCallsInEvidence = 3;

QString capabilityName(int capability)
{
    const auto info = capabilityByNumber(capability);
    return info ? QString::fromLatin1(info->name) : u"cap_"_s + QString::number(capability);
}

constexpr const char *kContext = "Deroot::Core::Observe";

// A whole sentence of the observation, in the desktop's language (derootctl has no translator:
// its text and JSON keep the English). Each source is marked for lupdate where it is written.
QString observeText(const char *source)
{
    return QCoreApplication::translate(kContext, source);
}

bool isRefusal(int error)
{
    return error == EPERM || error == EACCES;
}

bool isTimeCall(QStringView name)
{
    return name == u"adjtimex" || name == u"clock_adjtime" || name == u"clock_adjtime64" || name == u"clock_settime" ||
           name == u"clock_settime64" || name == u"settimeofday" || name == u"stime";
}

bool isPathCall(QStringView name)
{
    return name == u"open" || name == u"openat" || name == u"openat2" || name == u"creat" || name == u"execve" ||
           name == u"execveat";
}

// Device nodes every program may open: not a need worth naming.
bool isHarmlessDevice(QStringView path)
{
    static const QSet<QString> plain{u"/dev/null"_s,    u"/dev/zero"_s,   u"/dev/full"_s,   u"/dev/random"_s,
                                     u"/dev/urandom"_s, u"/dev/tty"_s,    u"/dev/ptmx"_s,   u"/dev/stdin"_s,
                                     u"/dev/stdout"_s,  u"/dev/stderr"_s, u"/dev/console"_s};
    return plain.contains(path.toString()) || path.startsWith(u"/dev/pts/") || path.startsWith(u"/dev/shm/") ||
           path.startsWith(u"/dev/fd/") || path.startsWith(u"/dev/mqueue/");
}

// A process's own view under /proc: never a path the generators grant.
bool isOwnProcPath(QStringView path)
{
    if (path.startsWith(u"/proc/self/") || path.startsWith(u"/proc/thread-self/")) {
        return true;
    }
    if (!path.startsWith(u"/proc/")) {
        return false;
    }
    const QStringView rest = path.mid(6);
    const qsizetype slash = rest.indexOf(u'/');
    const QStringView first = slash < 0 ? rest : rest.left(slash);
    return !first.isEmpty() && std::all_of(first.begin(), first.end(), [](QChar c) { return c.isDigit(); });
}

QString accessOrAny(const PathAccess &access)
{
    const QString words = accessWords(access);
    return words.isEmpty() ? u"access"_s : words;
}

// The access in a sentence: "read+write" in the desktop's language, "any" when no bit is known.
QString accessShownOrAny(const PathAccess &access)
{
    const QString words = accessShown(access);
    return words.isEmpty() ? observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe", "any")) : words;
}

QString processLabel(const ProcessRef &process)
{
    return (process.comm.isEmpty() ? u"process"_s : process.comm) + u" (pid "_s + QString::number(process.pid) + u')';
}

void tally(QList<CallTally> &calls, const QString &call, const std::optional<std::int64_t> &returnValue)
{
    auto it = std::find_if(calls.begin(), calls.end(), [&call](const CallTally &t) { return t.call == call; });
    if (it == calls.end()) {
        calls.append({call});
        it = calls.end() - 1;
    }
    ++it->count;
    if (!returnValue) {
        ++it->unfinished;
    } else if (*returnValue >= 0) {
        ++it->succeeded;
    } else {
        ++it->errors[errnoName(int(-*returnValue))];
    }
}

QString tallyText(const CallTally &t)
{
    // A call made once says only how it ended; otherwise each outcome says how often.
    const bool once = t.count == 1;
    QStringList outcomes;
    if (t.succeeded > 0) {
        outcomes.append(once ? observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe", "succeeded"))
                             : countedText(kContext,
                                           QT_TRANSLATE_N_NOOP("Deroot::Core::Observe", "succeeded %n time(s)"),
                                           t.succeeded));
    }
    for (auto it = t.errors.cbegin(); it != t.errors.cend(); ++it) {
        outcomes.append(
            (once ? observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe", "failed with %1"))
                  : countedText(kContext, QT_TRANSLATE_N_NOOP("Deroot::Core::Observe", "failed with %1 %n time(s)"),
                                it.value()))
                .arg(it.key()));
    }
    if (t.unfinished > 0) {
        outcomes.append(once ? observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe", "did not return"))
                             : countedText(kContext,
                                           QT_TRANSLATE_N_NOOP("Deroot::Core::Observe", "did not return %n time(s)"),
                                           t.unfinished));
    }
    return t.call + u' ' + outcomes.join(u", "_s);
}

QString callsText(const QList<CallTally> &calls)
{
    QStringList parts;
    for (qsizetype i = 0; i < calls.size() && i < kCallsInEvidence; ++i) {
        parts.append(tallyText(calls[i]));
    }
    if (calls.size() > kCallsInEvidence) {
        parts.append(countedText(kContext, QT_TRANSLATE_N_NOOP("Deroot::Core::Observe", "and %n other call(s)"),
                                 int(calls.size() - kCallsInEvidence)));
    }
    return parts.join(u"; "_s);
}

CapabilityObservation &entry(QMap<int, CapabilityObservation> &map, int capability)
{
    auto it = map.find(capability);
    if (it == map.end()) {
        it = map.insert(capability, CapabilityObservation{capability});
    }
    return *it;
}

void seen(CapabilityObservation &observation, const ProcessRef &process, std::int64_t timeNs)
{
    const QString label = processLabel(process);
    if (!observation.processes.contains(label)) {
        observation.processes.append(label);
    }
    if (observation.firstNs < 0 || timeNs < observation.firstNs) {
        observation.firstNs = timeNs;
    }
}

void addPathFix(QList<PathFix> &fixes, const PathAccess &access, int capability, const QString &because)
{
    for (PathFix &fix : fixes) {
        if (fix.path == access.path && fix.capability == capability) {
            fix.access.read = fix.access.read || access.read;
            fix.access.write = fix.access.write || access.write;
            fix.access.execute = fix.access.execute || access.execute;
            ++fix.count;
            return;
        }
    }
    fixes.append({access.path, access, capability, 1, because});
}

// The syscall results of each thread, for naming the call a check was made in.
class ResultIndex
{
public:
    explicit ResultIndex(const QList<SyscallResult> &results)
        : m_results(results)
    {
        for (qsizetype i = 0; i < results.size(); ++i) {
            m_byThread[results[i].process.tid].append(i);
        }
    }

    /// The first result of @p check's thread and call at or after it.
    const SyscallResult *resultOf(const CapabilityCheck &check) const
    {
        for (qsizetype i : m_byThread.value(check.process.tid)) {
            const SyscallResult &result = m_results[i];
            if (result.syscall == check.syscall && result.timeNs >= check.timeNs) {
                return &result;
            }
        }
        return nullptr;
    }

private:
    const QList<SyscallResult> &m_results;
    QHash<int, QList<qsizetype>> m_byThread;
};

// A request sent on a netlink socket: its refusal comes back as an NLMSG_ERROR reply.
bool isNetlinkRequest(const SyscallResult *result)
{
    if (!result) {
        return false;
    }
    const auto *socket = std::get_if<SocketCall>(&result->arguments);
    const QString &name = result->syscall;
    return socket && socket->family == AF_NETLINK &&
           (name == u"sendmsg"_s || name == u"sendto"_s || name == u"sendmmsg"_s || name == u"write"_s ||
            name == u"writev"_s);
}

// The call a check was made in, as its result describes it, else with what the producer read of
// its arguments (a path, the ids asked for).
QString callOf(const CapabilityCheck &check, const ResultIndex &index)
{
    if (check.syscall.isEmpty()) {
        return u"(no system call)"_s;
    }
    if (const SyscallResult *result = index.resultOf(check)) {
        return describeCall(*result);
    }
    SyscallResult call;
    call.syscall = check.syscall;
    if (check.path) {
        call.arguments = PathCall{*check.path, false};
    } else if (isPrivilegeDropCall(check.syscall) && !check.arguments.isEmpty()) {
        call.arguments = SetIdCall{check.arguments};
    }
    return describeCall(call);
}

} // namespace

QString capabilityVerdictId(CapabilityVerdict verdict)
{
    switch (verdict) {
    case CapabilityVerdict::Needed:
        return u"needed"_s;
    case CapabilityVerdict::Used:
        return u"used"_s;
    case CapabilityVerdict::Advisory:
        return u"advisory"_s;
    case CapabilityVerdict::Review:
        return u"review"_s;
    case CapabilityVerdict::PrivilegeDrop:
        return u"privilege-drop"_s;
    case CapabilityVerdict::PathFix:
        return u"path-fix"_s;
    case CapabilityVerdict::Noise:
        return u"noise"_s;
    }
    Q_UNREACHABLE_RETURN(QString());
}

QString observedDuration(std::int64_t ns)
{
    if (ns < 1000000000) {
        return QLocale().toString(qRound64(double(ns) / 1e6)) + u" ms"_s;
    }
    const double s = double(ns) / 1e9;
    return (s >= 10 ? QLocale().toString(qRound64(s)) : QLocale().toString(s, 'f', 1)) + u" s"_s;
}

QString observedTarget(const QString &target)
{
    // The recording's line says "command ...", "unit ..." or "pid ...": its kind in words.
    if (target.startsWith(u"command "_s)) {
        return QCoreApplication::translate("Deroot::Core::Observe", "command %1").arg(target.mid(8));
    }
    if (target.startsWith(u"unit "_s)) {
        return QCoreApplication::translate("Deroot::Core::Observe", "unit %1").arg(target.mid(5));
    }
    if (target.startsWith(u"pid "_s)) {
        return QCoreApplication::translate("Deroot::Core::Observe", "pid %1").arg(target.mid(4));
    }
    return target;
}

QString capabilityVerdictShown(CapabilityVerdict verdict)
{
    // The ids themselves are the English words; "verdict" tells translators what they are.
    switch (verdict) {
    case CapabilityVerdict::Needed:
        return QCoreApplication::translate("Deroot::Core::Observe", "needed", "verdict");
    case CapabilityVerdict::Used:
        return QCoreApplication::translate("Deroot::Core::Observe", "used", "verdict");
    case CapabilityVerdict::Advisory:
        return QCoreApplication::translate("Deroot::Core::Observe", "advisory", "verdict");
    case CapabilityVerdict::Review:
        return QCoreApplication::translate("Deroot::Core::Observe", "review", "verdict");
    case CapabilityVerdict::PrivilegeDrop:
        return QCoreApplication::translate("Deroot::Core::Observe", "privilege-drop", "verdict");
    case CapabilityVerdict::PathFix:
        return QCoreApplication::translate("Deroot::Core::Observe", "path-fix", "verdict");
    case CapabilityVerdict::Noise:
        return QCoreApplication::translate("Deroot::Core::Observe", "noise", "verdict");
    }
    Q_UNREACHABLE_RETURN(QString());
}

bool verdictGrants(CapabilityVerdict verdict)
{
    return verdict == CapabilityVerdict::Needed || verdict == CapabilityVerdict::Used;
}

FailureMeaning failureMeaning(const SyscallResult &result, int unprivilegedPortStart)
{
    using Kind = FailureMeaning::Kind;
    if (const auto *reply = std::get_if<NetlinkReply>(&result.arguments)) {
        if (isRefusal(reply->error)) {
            return {Kind::Capability, CAP_NET_ADMIN};
        }
        return {};
    }
    const int error = result.error();
    if (!isRefusal(error)) {
        return {};
    }
    const QString &name = result.syscall;
    if (const auto *socket = std::get_if<SocketCall>(&result.arguments)) {
        if (socket->family == AF_PACKET) {
            return {Kind::Capability, CAP_NET_RAW};
        }
        const bool inet = socket->family == AF_INET || socket->family == AF_INET6;
        if (inet && socket->type == SOCK_RAW) {
            return {Kind::Capability, CAP_NET_RAW};
        }
        if (inet && socket->type == SOCK_DGRAM &&
            (socket->protocol == IPPROTO_ICMP || socket->protocol == IPPROTO_ICMPV6)) {
            return {Kind::Capability, CAP_NET_RAW,
                    observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe",
                                                  "or a group of the service user in net.ipv4.ping_group_range"))};
        }
        return {Kind::Unexplained};
    }
    if (const auto *bind = std::get_if<BindCall>(&result.arguments)) {
        if (bind->port > 0 && bind->port < unprivilegedPortStart) {
            return {Kind::Capability, CAP_NET_BIND_SERVICE,
                    observeText(
                        QT_TRANSLATE_NOOP("Deroot::Core::Observe", "or a lower net.ipv4.ip_unprivileged_port_start"))};
        }
        return {Kind::Unexplained};
    }
    if (isTimeCall(name)) {
        return {Kind::Capability, CAP_SYS_TIME};
    }
    if (name == u"perf_event_open"_s) {
        return {Kind::Capability, CAP_PERFMON,
                observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe", "or a lower kernel.perf_event_paranoid"))};
    }
    if (name == u"bpf"_s) {
        return {Kind::Capability, CAP_BPF};
    }
    if (name == u"ptrace"_s || name == u"process_vm_readv"_s || name == u"process_vm_writev"_s) {
        return {Kind::Capability, CAP_SYS_PTRACE};
    }
    if (name == u"sched_setscheduler"_s || name == u"sched_setparam"_s || name == u"sched_setattr"_s ||
        name == u"setpriority"_s || name == u"ioprio_set"_s) {
        return {
            Kind::Capability, CAP_SYS_NICE,
            observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe", "or LimitRTPRIO=/LimitNICE= for its own priority"))};
    }
    if (name == u"iopl"_s || name == u"ioperm"_s) {
        return {Kind::Capability, CAP_SYS_RAWIO};
    }
    if (const auto *ioctl = std::get_if<IoctlCall>(&result.arguments)) {
        if (ioctl->request == u"SG_IO"_s) {
            return {Kind::Capability, CAP_SYS_RAWIO};
        }
        if (ioctl->request.startsWith(u"SIOCS"_s) || ioctl->request == u"SIOCETHTOOL"_s) {
            return {Kind::Capability, CAP_NET_ADMIN};
        }
        return {Kind::Unexplained};
    }
    if (const auto *sockopt = std::get_if<SockoptCall>(&result.arguments)) {
        if (sockopt->option == u"SO_MARK"_s || sockopt->option == u"SO_RCVBUFFORCE"_s ||
            sockopt->option == u"SO_SNDBUFFORCE"_s) {
            return {Kind::Capability, CAP_NET_ADMIN};
        }
        return {Kind::Unexplained};
    }
    if (isPrivilegeDropCall(name)) {
        if (name == u"chroot"_s) {
            return {Kind::PrivilegeDrop, CAP_SYS_CHROOT,
                    observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe", "RootDirectory= instead"))};
        }
        const bool groups = name.startsWith(u"setgroups"_s) || name.contains(u"gid"_s);
        if (const auto *ids = std::get_if<SetIdCall>(&result.arguments); ids && !groups) {
            if (ids->ids.contains(0)) {
                return {Kind::Capability, CAP_SETUID};
            }
        }
        return {Kind::PrivilegeDrop, groups ? CAP_SETGID : CAP_SETUID};
    }
    if (isPathCall(name) && error == EACCES) {
        return {Kind::PathFix};
    }
    return {Kind::Unexplained};
}

Observation aggregateObservation(const EventStream &events, const ObservationOptions &options)
{
    Observation observation;
    observation.options = options;
    observation.checkCount = int(events.checks.size());
    observation.resultCount = int(events.results.size());
    if (observation.options.durationNs <= 0) {
        std::int64_t last = 0;
        for (const CapabilityCheck &check : events.checks) {
            last = std::max(last, check.timeNs);
        }
        for (const SyscallResult &result : events.results) {
            last = std::max(last, result.timeNs);
        }
        observation.options.durationNs = last;
    }
    const ResultIndex index(events.results);
    QMap<int, CapabilityObservation> capabilities;

    // The checks. A set*id() call towards more than one identity switches users: those count.
    QList<CheckClass> classes;
    QHash<int, QSet<std::int64_t>> targets;
    for (const CapabilityCheck &check : events.checks) {
        const CheckClass checkClass = classifyCheck(check);
        classes.append(checkClass);
        if (checkClass == CheckClass::PrivilegeDrop && !check.syscall.startsWith(u"setgroups"_s) &&
            check.syscall != u"chroot"_s) {
            for (std::int64_t id : check.arguments) {
                if (id != -1 && id != 0xffffffffLL) {
                    targets[check.capability].insert(id);
                }
            }
        }
    }
    for (qsizetype i = 0; i < events.checks.size(); ++i) {
        const CapabilityCheck &check = events.checks[i];
        if (classes[i] == CheckClass::PrivilegeDrop && targets.value(check.capability).size() > 1 &&
            !check.syscall.startsWith(u"setgroups"_s) && check.syscall != u"chroot"_s) {
            classes[i] = CheckClass::Counted;
        }
    }
    for (qsizetype i = 0; i < events.checks.size(); ++i) {
        const CapabilityCheck &check = events.checks[i];
        const CheckClass checkClass = classes[i];
        CapabilityObservation &capability = entry(capabilities, check.capability);
        seen(capability, check.process, check.timeNs);
        const QString call = callOf(check, index);
        if (checkClass != CheckClass::Counted) {
            ++capability.filtered[checkClassId(checkClass)];
            if (checkClass == CheckClass::PathAccess && !(!check.granted && check.syscallReturn.value_or(-1) >= 0)) {
                const PathAccess access = check.path.value_or(PathAccess{});
                addPathFix(observation.pathFixes, access, check.capability,
                           (check.granted
                                ? observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe", "%1 granted for %2"))
                                : observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe", "%1 refused for %2")))
                               .arg(capabilityName(check.capability), call));
            }
            if (checkClass == CheckClass::PrivilegeDrop || checkClass == CheckClass::PathAccess) {
                tally(capability.calls, call, check.syscallReturn);
            }
            continue;
        }
        ++capability.checks;
        if (check.granted) {
            ++capability.granted;
        } else {
            ++capability.denied;
        }
        tally(capability.calls, call, check.syscallReturn);
    }

    // The results: under strace, what each refusal means; under both, the paths, ports and families.
    QHash<QString, UnexplainedFailure> unexplained;
    QStringList unexplainedOrder;
    for (const SyscallResult &result : events.results) {
        const FailureMeaning meaning = failureMeaning(result, options.unprivilegedPortStart);
        const PathCall *path = std::get_if<PathCall>(&result.arguments);
        if (meaning.kind == FailureMeaning::PathFix && path && !path->truncated) {
            addPathFix(observation.pathFixes, path->access, -1,
                       observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe", "%1 failed with %2"))
                           .arg(describeCall(result), errnoName(result.error())));
        }
        if (options.mechanism == Mechanism::Strace) {
            if (meaning.kind == FailureMeaning::Capability || meaning.kind == FailureMeaning::PrivilegeDrop) {
                CapabilityObservation &capability = entry(capabilities, meaning.capability);
                seen(capability, result.process, result.timeNs);
                if (!meaning.note.isEmpty() && !capability.alternatives.contains(meaning.note)) {
                    capability.alternatives.append(meaning.note);
                }
                if (meaning.kind == FailureMeaning::PrivilegeDrop) {
                    ++capability.filtered[checkClassId(CheckClass::PrivilegeDrop)];
                } else {
                    ++capability.checks;
                    ++capability.denied;
                }
                // A refused netlink request arrives in a successful read: its reply's error is the outcome.
                const auto *reply = std::get_if<NetlinkReply>(&result.arguments);
                tally(capability.calls, describeCall(result),
                      reply ? std::optional<std::int64_t>(-reply->error) : result.returnValue);
            } else if (meaning.kind == FailureMeaning::Unexplained) {
                const QString call = describeCall(result);
                const QString key = call + u'\n' + errnoName(result.error());
                if (!unexplained.contains(key)) {
                    unexplainedOrder.append(key);
                    unexplained.insert(key, {call, errnoName(result.error())});
                }
                ++unexplained[key].count;
            }
        }

        // Why each path, port, family and device is a need: one whole sentence each.
        const auto observed = [](const QString &text) { return Reason{kObservedSource.toString(), text}; };
        const QString error = result.succeeded() ? QString() : errnoName(result.error());
        if (const auto *socket = std::get_if<SocketCall>(&result.arguments)) {
            if ((result.succeeded() || isRefusal(result.error())) && socket->family >= 0) {
                Needs::add(
                    observation.needs.addressFamilies, addressFamilyName(socket->family),
                    observed(
                        result.succeeded()
                            ? observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe", "observed: %1 succeeded"))
                                  .arg(describeCall(result))
                            : observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe", "observed: %1 failed with %2"))
                                  .arg(describeCall(result), error)));
            }
        } else if (const auto *bind = std::get_if<BindCall>(&result.arguments)) {
            const bool inet = bind->family == AF_INET || bind->family == AF_INET6;
            const bool wanted = result.succeeded() || meaning.kind == FailureMeaning::Capability;
            const QString protocol = bind->socketType == SOCK_STREAM  ? u"tcp"_s
                                     : bind->socketType == SOCK_DGRAM ? u"udp"_s
                                                                      : QString();
            if (inet && wanted && bind->port > 0 && !protocol.isEmpty()) {
                const QString address = bind->address.isEmpty() ? u"*"_s : bind->address;
                const QString port = QString::number(bind->port) + u'/' + protocol;
                observation.needs.addPort(
                    protocol, bind->port, bind->address,
                    observed(result.succeeded()
                                 ? observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe", "observed: bound %1 port %2"))
                                       .arg(address, port)
                                 : observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe",
                                                                 "observed: bound %1 port %2, refused with %3"))
                                       .arg(address, port, error)));
            } else if (bind->family == AF_UNIX && result.succeeded() && bind->address.startsWith(u'/')) {
                Needs::add(observation.needs.writePaths, bind->address,
                           observed(observeText(
                               QT_TRANSLATE_NOOP("Deroot::Core::Observe", "observed: bound a unix socket there"))));
            }
        } else if (path && !path->truncated && !isOwnProcPath(path->access.path)) {
            const QString &p = path->access.path;
            if (p.startsWith(u"/dev/"_s)) {
                if (!isHarmlessDevice(p) && (result.succeeded() || isRefusal(result.error()))) {
                    Needs::add(observation.needs.devices, p,
                               observed(result.succeeded()
                                            ? observeText(
                                                  QT_TRANSLATE_NOOP("Deroot::Core::Observe", "observed: opened for %1"))
                                                  .arg(accessShownOrAny(path->access))
                                            : observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe",
                                                                            "observed: opened for %1, refused with %2"))
                                                  .arg(accessShownOrAny(path->access), error)));
                }
            } else if (path->access.write && result.succeeded() && p.startsWith(u'/')) {
                Needs::add(
                    observation.needs.writePaths, p,
                    observed(observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe", "observed: opened for writing"))));
            }
        } else if (const auto *ioctl = std::get_if<IoctlCall>(&result.arguments)) {
            if (ioctl->path.startsWith(u"/dev/"_s) && !isHarmlessDevice(ioctl->path) &&
                (result.succeeded() || isRefusal(result.error()))) {
                Needs::add(observation.needs.devices, ioctl->path,
                           observed(observeText(QT_TRANSLATE_NOOP("Deroot::Core::Observe", "observed: %1"))
                                        .arg(describeCall(result))));
            }
        }
    }
    for (const QString &key : std::as_const(unexplainedOrder)) {
        observation.unexplained.append(unexplained.value(key));
    }

    // The verdicts, and what reaches Needs.
    const bool strace = options.mechanism == Mechanism::Strace;
    for (CapabilityObservation &capability : capabilities) {
        int needed = 0;
        int netlink = 0; // of needed: netlink requests, refused in the reply
        int review = 0;
        int advisory = 0;
        if (strace) {
            needed = capability.denied;
        } else {
            for (qsizetype i = 0; i < events.checks.size(); ++i) {
                const CapabilityCheck &check = events.checks[i];
                if (check.capability != capability.capability || check.granted) {
                    continue;
                }
                if (classes[i] != CheckClass::Counted) {
                    continue;
                }
                if (!check.syscallReturn) {
                    ++review;
                } else if (*check.syscallReturn >= 0 && isNetlinkRequest(index.resultOf(check))) {
                    // The kernel refuses a netlink request in its reply, not in the send's return.
                    ++needed;
                    ++netlink;
                } else if (*check.syscallReturn >= 0) {
                    ++advisory;
                } else if (isRefusal(int(-*check.syscallReturn))) {
                    ++needed;
                } else {
                    ++review;
                }
            }
        }
        const QString calls = callsText(capability.calls);
        const QString took = observedDuration(observation.options.durationNs);
        // Whole sentences with the count of checks (Qt's plural forms), in the desktop's language;
        // derootctl and the JSON keep the English (no translator there).
        const auto checked = [&capability, &took](const char *source) {
            return countedText("Deroot::Core::Observe", source, capability.checks).arg(took);
        };
        if (needed > 0) {
            capability.verdict = CapabilityVerdict::Needed;
            const QString alternatives =
                capability.alternatives.isEmpty() ? QString() : u" ("_s + capability.alternatives.join(u"; "_s) + u')';
            if (strace) {
                capability.evidence =
                    QCoreApplication::translate("Deroot::Core::Observe", "observed without capabilities in %1: %2")
                        .arg(took, calls + alternatives);
            } else if (netlink > 0) {
                capability.evidence =
                    checked(QT_TRANSLATE_N_NOOP("Deroot::Core::Observe",
                                                "observed: %n check(s) in %1, %2 refused; %3 (a netlink request: "
                                                "the kernel refuses it in its reply)"))
                        .arg(QString::number(capability.denied), calls);
            } else {
                capability.evidence =
                    checked(QT_TRANSLATE_N_NOOP("Deroot::Core::Observe", "observed: %n check(s) in %1, %2 refused; %3"))
                        .arg(QString::number(capability.denied), calls);
            }
        } else if (capability.granted > 0) {
            capability.verdict = CapabilityVerdict::Used;
            capability.evidence =
                checked(QT_TRANSLATE_N_NOOP("Deroot::Core::Observe",
                                            "observed: %n check(s) in %1, granted; %2 (not shown necessary)"))
                    .arg(calls);
        } else if (review > 0) {
            capability.verdict = CapabilityVerdict::Review;
            capability.evidence =
                checked(QT_TRANSLATE_N_NOOP("Deroot::Core::Observe",
                                            "observed: %n check(s) in %1, refused; %2: the refusal may not be why "
                                            "it failed"))
                    .arg(calls);
        } else if (advisory > 0) {
            capability.verdict = CapabilityVerdict::Advisory;
            capability.evidence =
                checked(QT_TRANSLATE_N_NOOP("Deroot::Core::Observe",
                                            "observed: %n check(s) in %1, refused, and the call succeeded without "
                                            "it; %2"))
                    .arg(calls);
        } else if (capability.filtered.contains(checkClassId(CheckClass::PrivilegeDrop))) {
            capability.verdict = CapabilityVerdict::PrivilegeDrop;
            capability.evidence =
                QCoreApplication::translate("Deroot::Core::Observe", "observed only in dropping privileges (%1): not "
                                                                     "needed by an agent started as its service user")
                    .arg(calls);
        } else if (capability.filtered.contains(checkClassId(CheckClass::PathAccess))) {
            capability.verdict = CapabilityVerdict::PathFix;
            capability.evidence = QCoreApplication::translate("Deroot::Core::Observe",
                                                              "observed only passing file permissions (%1): give "
                                                              "the service user access to the paths instead")
                                      .arg(calls);
        } else {
            capability.verdict = CapabilityVerdict::Noise;
            QStringList kinds;
            for (auto it = capability.filtered.cbegin(); it != capability.filtered.cend(); ++it) {
                kinds.append(it.key() + u' ' + QString::number(it.value()));
            }
            capability.evidence = QCoreApplication::translate("Deroot::Core::Observe", "observed only as noise (%1)")
                                      .arg(kinds.join(u", "_s));
        }
        if (verdictGrants(capability.verdict)) {
            observation.needs.addCapability(capability.capability, {kObservedSource.toString(), capability.evidence});
        }
        observation.capabilities.append(capability);
    }

    for (PathFix &fix : observation.pathFixes) {
        if (fix.path.isEmpty()) {
            continue;
        }
        // A DAC override is replaced by access; a refusal is answered by it. Device nodes are
        // devices, which the generators grant their own way (DeviceAllow=, a group).
        const QString text =
            fix.capability >= 0
                ? QCoreApplication::translate("Deroot::Core::Observe",
                                              "observed: %1: give the service user %2 access (group, ACL or a "
                                              "managed directory) instead of %3")
                      .arg(fix.evidence, accessShownOrAny(fix.access), capabilityName(fix.capability))
                : QCoreApplication::translate("Deroot::Core::Observe",
                                              "observed: %1: give the service user %2 access (group, ACL or a "
                                              "managed directory)")
                      .arg(fix.evidence, accessShownOrAny(fix.access));
        const Reason reason{kObservedSource.toString(), text};
        QList<NamedNeed> &list = fix.path.startsWith(u"/dev/"_s) ? observation.needs.devices
                                 : fix.access.write              ? observation.needs.writePaths
                                                                 : observation.needs.readPaths;
        Needs::add(list, fix.path, reason);
    }

    if (options.asRoot) {
        observation.notes.append(QCoreApplication::translate(
            "Deroot::Core::Observe",
            "Observed as root: files root owns pass their permission check before any capability is asked, so "
            "the file-permission problems the service user will meet are hidden; observe as the service user "
            "to see them."));
    }
    if (strace) {
        observation.notes.append(QCoreApplication::translate(
            "Deroot::Core::Observe",
            "Observed with strace, without capabilities: each run stops at the first refusal that ends the "
            "agent; add what is needed and observe again until nothing new appears. EPERM can also come from "
            "a seccomp filter, an LSM or no_new_privs."));
    }
    observation.notes.append(
        QCoreApplication::translate("Deroot::Core::Observe", "Only the code paths the agent ran in %1 are covered.")
            .arg(observedDuration(observation.options.durationNs)));
    const SandboxFlags sandbox = flagSandboxSettings(events, observation);
    observation.sandbox = sandbox.flags;
    if (!sandbox.withheld.isEmpty()) {
        observation.notes.append(sandbox.withheld);
    } else if (!sandbox.flags.isEmpty()) {
        observation.notes.append(
            QCoreApplication::translate("Deroot::Core::Observe",
                                        "The sandbox settings are only what the recording did not contradict: not "
                                        "seeing something in %1 is weak evidence (a reload, a request, an error "
                                        "path may not have happened). Try each in a trial run before adding it.")
                .arg(observedDuration(observation.options.durationNs)));
    }
    return observation;
}

QJsonObject toJson(const Observation &observation)
{
    QJsonArray capabilities;
    for (const CapabilityObservation &capability : observation.capabilities) {
        QJsonObject filtered;
        for (auto it = capability.filtered.cbegin(); it != capability.filtered.cend(); ++it) {
            filtered.insert(it.key(), it.value());
        }
        QJsonArray calls;
        for (const CallTally &t : capability.calls) {
            QJsonObject errors;
            for (auto it = t.errors.cbegin(); it != t.errors.cend(); ++it) {
                errors.insert(it.key(), it.value());
            }
            calls.append(QJsonObject{{u"call"_s, t.call},
                                     {u"count"_s, t.count},
                                     {u"succeeded"_s, t.succeeded},
                                     {u"failed"_s, errors},
                                     {u"unfinished"_s, t.unfinished}});
        }
        capabilities.append(QJsonObject{{u"name"_s, capabilityName(capability.capability)},
                                        {u"number"_s, capability.capability},
                                        {u"verdict"_s, capabilityVerdictId(capability.verdict)},
                                        {u"checks"_s, capability.checks},
                                        {u"granted"_s, capability.granted},
                                        {u"denied"_s, capability.denied},
                                        {u"filtered"_s, filtered},
                                        {u"calls"_s, calls},
                                        {u"processes"_s, QJsonArray::fromStringList(capability.processes)},
                                        {u"alternatives"_s, QJsonArray::fromStringList(capability.alternatives)},
                                        {u"first_ns"_s, qint64(capability.firstNs)},
                                        {u"evidence"_s, capability.evidence}});
    }
    QJsonArray fixes;
    for (const PathFix &fix : observation.pathFixes) {
        fixes.append(QJsonObject{
            {u"path"_s, fix.path},
            {u"access"_s, accessOrAny(fix.access)},
            {u"capability"_s, fix.capability >= 0 ? QJsonValue(capabilityName(fix.capability)) : QJsonValue()},
            {u"count"_s, fix.count},
            {u"evidence"_s, fix.evidence}});
    }
    QJsonArray unexplained;
    for (const UnexplainedFailure &failure : observation.unexplained) {
        unexplained.append(
            QJsonObject{{u"call"_s, failure.call}, {u"error"_s, failure.error}, {u"count"_s, failure.count}});
    }
    QJsonArray sandbox;
    for (const SandboxFlag &flag : observation.sandbox) {
        sandbox.append(QJsonObject{{u"key"_s, flag.key}, {u"value"_s, flag.value}, {u"evidence"_s, flag.evidence}});
    }
    return QJsonObject{{u"mechanism"_s, mechanismId(observation.options.mechanism)},
                       {u"duration_ns"_s, qint64(observation.options.durationNs)},
                       {u"as_root"_s, observation.options.asRoot},
                       {u"unprivileged_port_start"_s, observation.options.unprivilegedPortStart},
                       {u"checks"_s, observation.checkCount},
                       {u"results"_s, observation.resultCount},
                       {u"capabilities"_s, capabilities},
                       {u"path_fixes"_s, fixes},
                       {u"unexplained"_s, unexplained},
                       {u"notes"_s, QJsonArray::fromStringList(observation.notes)},
                       {u"sandbox"_s, sandbox}};
}

} // namespace Deroot::Core
