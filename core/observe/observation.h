// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// From the events of one observation to what the agent needs: each capability with a verdict and
// its evidence, path fixes instead of DAC overrides, ports, address families, files written and
// devices, in the same Needs model static inspection fills (docs/observe-json.md).
#pragma once

#include "core/inspect/report.h"
#include "core/observe/events.h"
#include "core/observe/noisefilter.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace Deroot::Core {

/// The "schema" of derootctl observe --json (docs/schemas/observe.schema.json).
inline constexpr const char *kObserveSchema = "deroot.observe/1";

/// The Reason::source of everything an observation adds to Needs.
inline constexpr QStringView kObservedSource = u"observed";

/// What the evidence says of one capability.
enum class CapabilityVerdict {
    Needed,        ///< "needed": a refused check (or a refused call, under strace) made the call fail
    Used,          ///< "used": granted and the agent went on; not shown necessary
    Advisory,      ///< "advisory": checked and refused, and the call succeeded without it
    Review,        ///< "review": refused, and the call failed otherwise or never returned
    PrivilegeDrop, ///< "privilege-drop": only to drop root for the service user: not needed when started as it
    PathFix,       ///< "path-fix": a DAC override: give the paths' access instead (path_fixes)
    Noise,         ///< "noise": only checks the noise filter drops
};
QString capabilityVerdictId(CapabilityVerdict verdict);
/// "60 s", "2.5 s", "10 ms": how long an observation watched, as its evidence says it, with the
/// locale's decimal point (derootctl's is C's).
QString observedDuration(std::int64_t ns);
/// A recording's target ("command ...", "unit ...", "pid ...") with its kind in the desktop's language.
QString observedTarget(const QString &target);
/// The verdict as the observation's text shows it: its id, in the desktop's language.
QString capabilityVerdictShown(CapabilityVerdict verdict);
/// True for the verdicts that put the capability in Needs: needed and used.
bool verdictGrants(CapabilityVerdict verdict);

/// The calls of one kind that asked for a capability (or failed for the lack of it), and how
/// they ended.
struct CallTally
{
    QString call; ///< describeCall()'s rendering, or "name()" when the arguments were not seen
    int count = 0;
    int succeeded = 0;
    int unfinished = 0;             ///< never returned (or its return was not seen)
    QMap<QString, int> errors = {}; ///< errno name -> count
};

/// Everything seen of one capability.
struct CapabilityObservation
{
    int capability = -1;
    int checks = 0; ///< checks that count (under strace: the refused calls mapped to it)
    int granted = 0;
    int denied = 0;
    QMap<QString, int> filtered = {}; ///< checkClassId() -> count of the checks not counted
    QList<CallTally> calls = {};      ///< in the order first seen
    QStringList processes = {};       ///< "fping (pid 812)", in the order first seen
    QStringList alternatives = {};    ///< what else would do (FailureMeaning::note), under strace
    std::int64_t firstNs = -1;        ///< the first event, counted or not
    CapabilityVerdict verdict = CapabilityVerdict::Noise;
    QString evidence = {}; ///< one sentence, also the Reason text when it reaches Needs
};

/// A file the agent reached only by root's DAC override, or could not reach: the access to give.
struct PathFix
{
    QString path; ///< empty when the producer did not record it
    PathAccess access;
    int capability = -1; ///< CAP_DAC_OVERRIDE or CAP_DAC_READ_SEARCH; -1 when from a refused call
    int count = 0;
    QString evidence = {};
};

/// A call refused with EPERM or EACCES that no rule maps to a capability or a path (strace).
struct UnexplainedFailure
{
    QString call;
    QString error;
    int count = 0;
};

struct ObservationOptions
{
    Mechanism mechanism = Mechanism::Ebpf;
    /// How long the agent was watched; 0 takes the last event's time.
    std::int64_t durationNs = 0;
    /// The agent ran as root (uid 0): file-permission problems are hidden behind root's ownership.
    bool asRoot = false;
    /// net.ipv4.ip_unprivileged_port_start where it ran: binds below it need CAP_NET_BIND_SERVICE.
    int unprivilegedPortStart = 1024;
};

/// A sandbox setting of the generated unit that what was recorded does not contradict
/// (core/observe/sandboxflags.h): a candidate for prove's trials, not a finding.
struct SandboxFlag
{
    QString key;      ///< "PrivateDevices"
    QString value;    ///< "yes"
    QString evidence; ///< one sentence: what was (not) seen, and in how long

    QString setting() const { return key + u'=' + value; }
    friend bool operator==(const SandboxFlag &, const SandboxFlag &) = default;
};

/// What one observation found.
struct Observation
{
    ObservationOptions options;
    int checkCount = 0;                        ///< capability checks read, noise included
    int resultCount = 0;                       ///< syscall results read
    QList<CapabilityObservation> capabilities; ///< in number order
    QList<PathFix> pathFixes;
    QList<UnexplainedFailure> unexplained;
    QStringList notes;          ///< what the reader must know to trust it (observed as root, coverage)
    Needs needs;                ///< needed and used capabilities, path fixes, ports, families, writes, devices
    QList<SandboxFlag> sandbox; ///< flagSandboxSettings(): what the agent would tolerate, as far as seen
};

/// How a refused call reads when the agent ran without capabilities.
struct FailureMeaning
{
    enum Kind { NotRefused, Capability, PathFix, PrivilegeDrop, Unexplained } kind = NotRefused;
    int capability = -1;
    QString note = {}; ///< what else would do instead of the capability ("or net.ipv4.ping_group_range")
};

/// The meaning of @p result: a call that failed with EPERM or EACCES (or a netlink reply that
/// carried one) mapped to the capability that allows it, a path fix, a privilege drop, or nothing
/// known. socket(AF_PACKET | raw | ICMP) -> CAP_NET_RAW; bind below @p unprivilegedPortStart ->
/// CAP_NET_BIND_SERVICE; adjtimex, clock_adjtime, clock_settime, settimeofday -> CAP_SYS_TIME; a
/// refused netlink request, interface ioctls (SIOCS*, SIOCETHTOOL), SO_MARK and SO_*BUFFORCE ->
/// CAP_NET_ADMIN; perf_event_open -> CAP_PERFMON; bpf -> CAP_BPF; ptrace, process_vm_* ->
/// CAP_SYS_PTRACE; ioctl SG_IO, iopl, ioperm -> CAP_SYS_RAWIO; sched_setscheduler, sched_setparam,
/// sched_setattr, setpriority, ioprio_set -> CAP_SYS_NICE; an open or exec refused with EACCES
/// -> a path fix; set*id, setgroups, chroot -> a privilege drop (unless towards root).
FailureMeaning failureMeaning(const SyscallResult &result, int unprivilegedPortStart);

/// Aggregates @p events into an Observation. Checks are classified by classifyCheck(); under
/// strace, refused calls are mapped by failureMeaning(). Pure: the same events give the same result.
Observation aggregateObservation(const EventStream &events, const ObservationOptions &options);

/// The "observation" object of docs/observe-json.md (the needs go beside it, as toJson(Needs)).
QJsonObject toJson(const Observation &observation);

} // namespace Deroot::Core
