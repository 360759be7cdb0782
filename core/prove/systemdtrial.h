// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Trials on real systemd: each one a transient unit deroot-prove-<random>.service made with
// `systemd-run --wait --collect --property=...`, which holds a reference to the unit until it has
// reported how the unit ended, so nothing of it is left once the trial is over. Root only.
#pragma once

#include "core/base/result.h"
#include "core/prove/prove.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace Deroot::Core {

/// The outcome of the admin's --check command: its exit code, -1 when it did not finish in time
/// or could not start, and the end of its output.
struct TrialCheckResult
{
    int exitCode = -1;
    QString output;
};

/// How long the admin's check may run: it fetches a page or asks a port, half a minute is plenty,
/// and a hung one must not hold the agent's trial unit open. derootctl and the helper alike.
inline constexpr int kTrialCheckSeconds = 30;

/// Runs the admin's check once, while the agent is still running (or after a oneshot ended). The
/// caller decides how and as whom: derootctl runs it as the user who ran derootctl.
using TrialCheck = std::function<TrialCheckResult()>;

/// The admin's check @p command run through /bin/sh -c as the user of this process, with 30
/// seconds to finish: derootctl prove --check, and the desktop run as root.
TrialCheck shellCheck(const QString &command);

/// The prefix of every trial unit's name.
inline constexpr char16_t kProveUnitPrefix[] = u"deroot-prove-";

class SystemdTrialRunner final : public TrialRunner
{
public:
    /// @p check may be empty: no check.
    explicit SystemdTrialRunner(TrialCheck check = {});

    /// One trial. For a unit of Deroot's own: starts the transient unit, watches it for @p seconds (a oneshot until it
    /// ends, at most that long), reads what its processes listen on, runs the check, stops the unit and waits until
    /// systemd has reported its end and let it go. A trial unit also carries RuntimeMaxSec= (the trial's time and two
    /// minutes), so that it ends by itself even if this process is killed. For a drop-in plan: writes trialUnitFiles()
    /// to /run/systemd/system (which systemd reads at the start without a daemon-reload), starts the unit, watches it
    /// the same way, stops it and removes the files; systemd then lets the unit go.
    TrialOutcome run(const ProvePlan &plan, const QList<UnitProperty> &properties, int seconds) override;

    /// The trial units this runner started and systemd still has loaded: empty after every trial
    /// that ended as it should.
    [[nodiscard]] QStringList leftoverUnits() const override;

private:
    TrialOutcome runTransient(const ProvePlan &plan, const QList<UnitProperty> &properties, int seconds);
    TrialOutcome runFromFiles(const ProvePlan &plan, const QList<UnitProperty> &properties, int seconds);
    void runCheck(TrialOutcome &outcome) const;

    TrialCheck m_check;
    QStringList m_started;
};

/// Where trial units of drop-in plans are written.
inline constexpr char16_t kTrialUnitFolder[] = u"/run/systemd/system";

/// Reads the agent's own unit @p plan.vendorUnit as systemd has it loaded (systemctl show: its file
/// and drop-ins) into @p plan's vendorService and vendorDropIns, and judges whether a trial can run a
/// copy of it without changing the system. Refused, one sentence with its exit code: a unit that
/// is not loaded or masked (NotFound); one that runs now, or is starting or stopping (Unavailable:
/// a second copy would compete with it for its ports, pid file and runtime directory; stop it for
/// the proof); one started by a socket (the copy would get no socket); a file of it that is not a
/// regular file owned by root that only root may write, or is over 64 KiB (Refused: its [Service]
/// lines run as root in a trial); a unit whose command line (the last ExecStart=, the plan's when
/// its drop-in sets one) starts another program than the plan's (Refused: the prompt and the
/// report name the plan's); a drop-in name that would sort after kTrialDropIn; and a
/// directory systemd would make or hand to the service user (managedDirectories()) where that
/// changes the system: a RuntimeDirectory= that exists (the trial's stop would remove it), a
/// StateDirectory=, CacheDirectory= or LogsDirectory= that does not exist yet or is not owned by
/// the service user already, or any of them with DynamicUser=yes (systemd would move it below
/// private/), a ConfigurationDirectory= that does not exist. Sets plan.oneshot from the unit's
/// Type=. The plan's own drop-in, if a former apply left it (deroot.conf in /etc), is left out:
/// the trial has the plan's. Nothing for a plan with a unit of Deroot's own.
std::optional<Error> loadVendorUnit(ProvePlan &plan);

/// Whether the agent's unit @p unit runs (or starts, stops, reloads), as systemd says to anyone:
/// then the error loadVendorUnit() gives (Unavailable, "stop it for the proof"). Nothing when it
/// does not, and when systemd cannot be asked (the trials' own checks answer then). The desktop
/// and derootctl ask before they ask the helper, so that nobody types a password to hear it.
std::optional<Error> vendorUnitRunning(const QString &unit);

/// The note a report of a drop-in plan carries: what of the agent's unit the trials ran.
QString vendorUnitNote(const ProvePlan &plan);

/// Removes the files of trial units that a killed prove left in kTrialUnitFolder and whose units
/// are not running: derootctl, the desktop and the helper call it before their trials.
void sweepTrialUnitFiles();

/// When the plan's service user does not exist yet (the apply creates it), the trials run the
/// agent with DynamicUser=yes: systemd makes a user of that name for each trial and removes it
/// when the trial ends, so prove still changes nothing of the system. Adds the setting to
/// @p plan's properties and returns the note the report carries; nothing when the user exists.
std::optional<QString> useDynamicUserIfMissing(ProvePlan &plan);

/// Adds DynamicUser=yes to @p plan's properties whatever the system says, and returns the note:
/// for a caller that decided itself that the user is still to be made (the helper, which reads
/// the account files below its root).
QString lendDynamicUser(ProvePlan &plan);

/// What keeps trials from running here, one sentence with its exit code: not root
/// (ExitCode::Permission), systemd not running (Unavailable), the plan's service user missing
/// without DynamicUser=yes among the properties (useDynamicUserIfMissing()), or a supplementary
/// group missing (NotFound: prove changes nothing but its transient units).
std::optional<Error> trialObstacle(const ProvePlan &plan);

/// A proof on this system's systemd, for derootctl run as root, the desktop run as root and the
/// helper alike: the plan's trial settings, a missing service user lent by systemd, the checks
/// that keep trials from running, the trials and the check that none of their units is left.
class PlanProof
{
public:
    /// For @p input, which must have passed validateGenerationInput() (a parsed plan.json's
    /// CheckedRequest::input has): provePlan(), useDynamicUserIfMissing(), trialObstacle().
    static Result<PlanProof> prepare(const GenerationInput &input);

    const ProvePlan &plan() const { return m_plan; }
    /// What the report will say of how the trials ran (a service user lent by systemd).
    const QStringList &notes() const { return m_notes; }

    /// Runs the trials (prove(), with the sandbox @p candidates an observation flagged) with
    /// @p check after each, then makes sure none of their units is still loaded
    /// (ExitCode::Failure naming them otherwise). The report carries notes().
    Result<ProveReport> run(int seconds, const QString &checkText, const QList<SandboxCandidate> &candidates,
                            const TrialCheck &check,
                            const std::function<void(const TrialRecord &)> &progress = {}) const;

private:
    ProvePlan m_plan;
    QStringList m_notes;
};

/// The sockets of the processes in the cgroup @p controlGroup (systemd's ControlGroup=, relative
/// to /sys/fs/cgroup): TCP ports in LISTEN state and bound UDP ports, read from the processes'
/// own /proc/PID/fd and /proc/PID/net tables (so a unit's own network namespace is read too).
QList<TrialSocket> listeningSockets(const QString &controlGroup);

} // namespace Deroot::Core
