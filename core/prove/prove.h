// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Proving a plan before it is applied (docs/prove-json.md): the agent runs as the plan's unit
// would run it, on transient units, once with every capability and once without each, and a
// capability whose removal changes nothing is "not shown necessary". This file is the pure part:
// the trials' unit properties, taken from the generated unit itself, and the verdicts from the
// trials' outcomes. Running a trial is a TrialRunner's (systemdtrial.h), so that the helper can
// run the same trials with a runner of its own.
#pragma once

#include "core/base/result.h"
#include "core/model/generationinput.h"
#include "core/model/sandboxcandidate.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Deroot::Core {

/// One setting of the trial's unit, as a unit file writes it and `systemd-run --property` takes it.
struct UnitProperty
{
    QString key;
    QString value;

    friend bool operator==(const UnitProperty &, const UnitProperty &) = default;
};

/// A drop-in of the agent's own unit, as a trial copies it: its file name and its [Service]
/// settings, specifiers resolved for the agent's unit (vendorUnitText()).
struct VendorDropIn
{
    QString name; ///< "10-local.conf"
    QString text; ///< the [Service] lines, without the section header

    friend bool operator==(const VendorDropIn &, const VendorDropIn &) = default;
};

/// What a plan asks the trials to run and to check.
struct ProvePlan
{
    QString agent;
    QString unit;    ///< the unit the plan installs ("deroot-nginx.service"); trials run under other names
    QString program; ///< for messages
    QString serviceUser;
    bool oneshot = false;           ///< Type=oneshot (a scheduled plan): healthy when it exits 0 in time
    QList<ListenPort> listenPorts;  ///< healthy only when the unit's processes listen on each
    QStringList capabilities;       ///< canonical names, in the unit's (kernel) order
    QList<UnitProperty> properties; ///< the generated unit's [Service] settings, in its order, adapted for a trial

    /// For a drop-in plan: the agent's own unit ("prometheus-node-exporter.service"). The trials run a
    /// copy of its [Service] settings under another name, with @c properties as the plan's drop-in
    /// (deroot.conf) among its own drop-ins (loadVendorUnit(), trialUnitFiles()). Empty for a plan
    /// with a unit of Deroot's own, whose trials are transient units with @c properties alone.
    QString vendorUnit;
    QString vendorService;             ///< the unit file's [Service] lines, specifiers resolved
    QList<VendorDropIn> vendorDropIns; ///< its drop-ins in systemd's order (by file name), the plan's left out

    bool isDropIn() const { return !vendorUnit.isEmpty(); }
};

/// The trial's unit properties for @p input, which must have passed validateGenerationInput() (a
/// parsed plan.json's CheckedRequest::input has). They are the [Service] settings of the very unit
/// systemdUnit() generates for the plan, in order, with two changes a trial needs: Restart=no (a
/// restart would hide the first failure and its status) and no RestartSec=. For a drop-in plan they
/// are the drop-in's settings, vendorUnit names the agent's unit, and the rest of the vendor's is
/// read from the system by loadVendorUnit() (systemdtrial.h). Refused with ExitCode::Unavailable for
/// what prove does not cover: the sudo and container methods, a called program (no unit) and file
/// capabilities (no systemd).
Result<ProvePlan> provePlan(const GenerationInput &input);

/// The [Service] lines of a unit file @p text (every [Service] section of it), as they stand:
/// comments and continuation lines kept, the section headers and every other section left out.
QString serviceSectionText(const QString &text);

/// The settings of [Service] lines as serviceSectionText() returns them, as systemd reads them: a
/// line ending in a backslash continues on the next (joined with a space), comments skipped.
QList<UnitProperty> serviceSettings(const QString &serviceText);

/// @p text with the specifiers that name the unit (%n %N %p %P %i %I %j %J %f, systemd.unit(5))
/// resolved for @p unit, so that a copy under another name reads the same paths and names. "%%"
/// and every other specifier stay for systemd, which resolves them alike for any unit name.
QString resolveUnitSpecifiers(const QString &text, const QString &unit);

/// The settings a trial of @p plan with @p properties runs with, in the order systemd applies
/// them: the agent's unit file, then its drop-ins and the plan's deroot.conf by file name. Just
/// @p properties for a unit of Deroot's own.
QList<UnitProperty> effectiveSettings(const ProvePlan &plan, const QList<UnitProperty> &properties);

/// The value of the list setting @p key in @p settings: its words in order, an empty assignment
/// emptying what came before.
QStringList effectiveList(const QList<UnitProperty> &settings, const QString &key);

/// A directory systemd makes for a unit and hands to its user (StateDirectory=, CacheDirectory=,
/// LogsDirectory=, RuntimeDirectory=, ConfigurationDirectory=; systemd.exec(5)).
struct ManagedDirectory
{
    QString setting; ///< "StateDirectory"
    QString path;    ///< "/var/lib/foo"

    friend bool operator==(const ManagedDirectory &, const ManagedDirectory &) = default;
};

/// The directories @p settings (effectiveSettings()) have systemd make, each with its full path.
QList<ManagedDirectory> managedDirectories(const QList<UnitProperty> &settings);

/// A file of a trial unit, relative to /run/systemd/system.
struct TrialFile
{
    QString path;
    QByteArray content;
};

/// The file name, below a trial unit's drop-in folder, of the settings only a trial has (Restart=no,
/// the time limit): sorted after every drop-in name loadVendorUnit() accepts.
inline constexpr char16_t kTrialDropIn[] = u"~deroot-prove.conf";

/// The files of the trial unit @p unitName of the drop-in plan @p plan with @p properties (the
/// plan's drop-in, changed for the trial): the agent's unit file, its [Unit] section replaced by a
/// description and its [Install] section left out (a trial starts nothing else and is never
/// enabled); its drop-ins under their own names; deroot.conf; and kTrialDropIn, last, with
/// Restart=no, RemainAfterExit=yes (systemd keeps the unit and how its program ended until the
/// trial has read it), RuntimeMaxSec= @p runtimeMaxSeconds, and a stop that ends with SIGKILL.
QList<TrialFile> trialUnitFiles(const ProvePlan &plan, const QList<UnitProperty> &properties, const QString &unitName,
                                int runtimeMaxSeconds);

/// @p properties with @p capability taken out of AmbientCapabilities= and CapabilityBoundingSet=;
/// every other setting unchanged.
QList<UnitProperty> withoutCapability(const QList<UnitProperty> &properties, const QString &capability);

/// @p properties with @p key set to @p value: its first line with a value takes the value and any later
/// lines with one go; a key the properties lack is added at the end. Empty assignments stay: in a
/// drop-in they empty the vendor's list before the plan's value. Every other setting unchanged.
QList<UnitProperty> withSetting(const QList<UnitProperty> &properties, const QString &key, const QString &value);

// A sandbox setting an observation flagged is a SandboxCandidate (core/model/sandboxcandidate.h).
// Prove does not read observations itself (it runs where the helper runs, without the observe
// layer): the caller hands over what readObservedSandbox() read.

/// What prove does with one candidate: a trial's properties, or why none.
struct SandboxTrialPlan
{
    SandboxCandidate candidate;
    QString unitValue;              ///< the plan's unit's value; empty when the unit does not set it
    QString skip;                   ///< why no trial: empty when there is one
    QList<UnitProperty> properties; ///< the trial's: every capability and the setting changed or added
};

/// The trials @p candidates call for on @p plan. A candidate is tried only when it is stricter than the
/// unit's own value: an observed setting never loosens the plan (a unit already as strict, or one whose
/// families the observation exceeds, is skipped, saying so). Also skipped: PrivateDevices=yes when the
/// plan grants CAP_SYS_RAWIO or CAP_MKNOD (it takes them from the bounding set), PrivateNetwork=yes when
/// the plan listens on a port (nothing outside the unit could reach it, whatever a trial shows), and a
/// setting that implies no_new_privs in a unit that has NoNewPrivileges=no. PrivateDevices=yes replaces
/// the unit's DevicePolicy= and DeviceAllow= lines, which belong to PrivateDevices=no; ProtectHome=
/// takes the ReadWritePaths= below a home with it, which would make them writable again: a trial runs
/// what generating the plan without them would give.
QList<SandboxTrialPlan> sandboxTrials(const ProvePlan &plan, const QList<SandboxCandidate> &candidates);

/// The words of a generated ExecStart= line as systemd reads them from the unit file, for
/// systemd-run, which takes the command line as its arguments rather than as a property. "$$" and
/// "$NAME" are left for systemd, which expands them at start alike for a transient unit.
QStringList execStartWords(const QString &line);

/// A port one of the unit's processes listens on (TCP) or is bound to (UDP).
struct TrialSocket
{
    QString protocol; ///< "tcp" or "udp"
    int port = 0;

    friend bool operator==(const TrialSocket &, const TrialSocket &) = default;
};

/// What one trial saw. A TrialRunner fills it; judgeTrial() decides from it alone.
struct TrialOutcome
{
    bool started = false;       ///< systemd accepted the unit and started it
    QString startError;         ///< why not, one line
    bool runningAtEnd = false;  ///< still running when the time was up
    bool exited = false;        ///< the main process ended before the time was up
    QString exitCode;           ///< systemd's code for how it ended: "exited", "killed", "dumped"
    QString exitStatus;         ///< the status ("1") or the signal ("SEGV")
    QList<TrialSocket> sockets; ///< what the unit's processes listened on at the end (while running)
    bool checkRun = false;      ///< the --check command was run
    int checkExitCode = -1;     ///< its exit code; -1: it did not finish in time or could not start
    QString checkOutput;        ///< the end of its output, for the evidence
    double seconds = 0;         ///< how long the trial ran
};

/// Whether a trial shows the plan working, and what was wrong if not: evidence sentences such as
/// "exited with status 1", "not listening on tcp/80", "the check command failed (exit code 7)".
struct TrialHealth
{
    bool healthy = false;
    QStringList problems;
};

/// Judges @p outcome against @p plan: a service must still run at the end and listen on every
/// port of the plan; a oneshot must have exited with status 0; the check, when one was run, must
/// have exited 0.
TrialHealth judgeTrial(const ProvePlan &plan, const TrialOutcome &outcome);

/// One trial as run: which capability it went without (empty for the baseline), what it saw, and
/// the judgement.
struct TrialRecord
{
    QString withoutCapability;
    QString withSetting; ///< the sandbox setting the trial added ("PrivateDevices=yes"); empty for the others
    TrialOutcome outcome;
    TrialHealth health;
};

enum class ProofVerdict {
    ShownNecessary,    ///< without it the agent failed a check the baseline passed
    NotShownNecessary, ///< without it the agent passed every check: an offer to drop it
};

enum class SandboxVerdict {
    Tolerated,      ///< with it the agent passed every check: an offer to tighten the unit
    BreaksTheAgent, ///< with it the agent failed a check the baseline passed
    Skipped,        ///< not tried: not stricter than the unit, or not one a trial can answer (evidence says why)
};

/// "tolerated", "breaks-the-agent", "skipped".
QString sandboxVerdictId(SandboxVerdict verdict);

struct SandboxFinding
{
    SandboxCandidate candidate;
    QString unitValue; ///< the plan's unit's value; empty when it does not set it
    SandboxVerdict verdict = SandboxVerdict::Skipped;
    QStringList evidence;             ///< the trial's problems (breaks), or why it was skipped; empty when tolerated
    std::optional<TrialRecord> trial; ///< the trial, when one ran
};

/// The stable id of a verdict in the JSON: "shown-necessary", "not-shown-necessary".
QString proofVerdictId(ProofVerdict verdict);

struct CapabilityFinding
{
    QString capability;
    ProofVerdict verdict = ProofVerdict::ShownNecessary;
    QStringList evidence; ///< the trial's problems without it; empty when not shown necessary
};

/// The outcome of a whole proof.
struct ProveReport
{
    ProvePlan plan;
    int seconds = 0;
    QString check; ///< the --check command as given; empty for none
    TrialRecord baseline;
    /// In the plan's capability order; empty when the baseline failed (nothing to compare with).
    QList<TrialRecord> trials;
    QList<CapabilityFinding> capabilities;
    /// What the reader must know of how the trials ran (useDynamicUserIfMissing()).
    QStringList notes;
    /// One per candidate handed to prove(), in their order; empty when the baseline failed.
    QList<SandboxFinding> sandbox;

    bool baselineHealthy() const { return baseline.health.healthy; }
    /// The sandbox settings a trial showed the agent works with: what the offer to tighten names.
    QStringList tolerated() const;
    /// The capabilities a trial showed the agent works without: what the offer names.
    QStringList notShownNecessary() const;
};

/// Verdicts from the trials: for each capability of @p report.plan, its trial in @p report.trials
/// decides. Nothing when the baseline failed.
QList<CapabilityFinding> decideCapabilities(const ProveReport &report);

/// Runs one trial: the agent on a transient unit with @p properties for @p seconds, then the check.
/// Implemented by SystemdTrialRunner (a root process: derootctl run by root, later the helper).
class TrialRunner
{
public:
    virtual ~TrialRunner() = default;
    virtual TrialOutcome run(const ProvePlan &plan, const QList<UnitProperty> &properties, int seconds) = 0;
    /// The trial units this runner started that the service manager still has loaded: empty after
    /// every trial that ended as it should.
    [[nodiscard]] virtual QStringList leftoverUnits() const { return {}; }
};

/// The proof: the baseline with every capability, then, only if it is healthy, one trial without
/// each capability; then the verdicts. @p progress, when given, hears of each trial as it ends.
ProveReport prove(const ProvePlan &plan, int seconds, const QString &check, TrialRunner &runner,
                  const std::function<void(const TrialRecord &)> &progress = {});

/// The same, and then, when the baseline is healthy, one trial with every capability and each of
/// @p candidates that sandboxTrials() finds worth one; the others are reported skipped.
ProveReport prove(const ProvePlan &plan, int seconds, const QString &check, const QList<SandboxCandidate> &candidates,
                  TrialRunner &runner, const std::function<void(const TrialRecord &)> &progress = {});

/// @p report as derootctl prove --json writes it (docs/prove-json.md, schema prove.schema.json).
QJsonObject proveReportToJson(const ProveReport &report);

/// One trial as the report's "baseline" and "trials" entries write it: what the helper sends the
/// caller as each trial ends (its ProveTrial signal).
QJsonObject trialRecordToJson(const TrialRecord &record);

/// Reads back what trialRecordToJson() wrote; nothing for anything else.
std::optional<TrialRecord> trialRecordFromJson(const QJsonValue &value);

/// Reads back what proveReportToJson() wrote (the helper's Prove reply), so that derootctl prints
/// the same text whether it ran the trials or the helper did: proveReportToJson() of the result is
/// @p object again. ExitCode::Failure, one sentence, for anything else.
Result<ProveReport> proveReportFromJson(const QJsonObject &object);

} // namespace Deroot::Core
