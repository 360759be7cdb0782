// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The contract between deroot-helper's D-Bus shell and its engine: everything that decides and
// changes the system, with no D-Bus and no polkit. The shell authorizes the caller, then calls
// these functions; the engine trusts nothing in the request and re-validates it all.
#pragma once

#ifdef DEROOT_CRASH_HOOK
#include "app/helper/crashhook.h"
#endif
#include "core/base/result.h"
#include "core/base/toolrunner.h"
#include "core/plan/applyoutcome.h"
#include "core/plan/applyrequest.h"
#include "core/plan/helperprotocol.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

#include <sys/types.h>

namespace Deroot::Helper {

// The result of an apply and the agent check within it are the protocol's types: the service sends
// the engine's outcome as it is (ApplyOutcome::toJson()) and the clients read the same type back.
using Core::AgentCheck;
using Core::AgentField;
using Core::ApplyOutcome;
using Core::ApplyRequest;
using Core::CheckedRequest;
using Core::PlanArea;
using Core::PlanAreas;
using Core::PlanStep;

/// A directory bound over another in the private mount namespace of one program run (visudo -c
/// with a staged /etc/sudoers.d).
struct BindMount
{
    QString source;
    QString target;
};

/// Runs the system programs the engine needs (useradd, groupadd, userdel, groupdel, visudo,
/// systemctl) without a shell, with stdin from /dev/null and a clean environment. Tests replace it
/// with a fake that records the calls and plays the programs' part on a temporary root.
class Runner
{
public:
    virtual ~Runner() = default;
    /// @p program is an absolute path; @p binds, when not empty, are bind-mounted (read-only) in a
    /// private mount namespace of the child only, so nothing of them is ever visible to the system.
    /// No default arguments: they would bind to the static type, and an override's own could differ.
    [[nodiscard]] virtual Core::ToolRun run(const QString &program, const QStringList &arguments,
                                            const QList<BindMount> &binds, int timeoutMs) = 0;
};

/// Everything the engine touches of the machine. The production value is System::real(): root "/",
/// the journal in /var/lib/deroot, the real programs and the system journal. A test builds one over a
/// temporary root with a fake runner. A D-Bus argument can never choose any of it.
struct System
{
    QString root = QStringLiteral("/"); ///< every absolute path of a plan is resolved below it
    /// The journal's directory, an absolute path resolved below root like every other.
    QString stateDirectory = QStringLiteral("/var/lib/deroot");
    Runner *runner = nullptr; ///< not owned
    /// The clock the confirmation deadlines are judged by.
    std::function<QDateTime()> now = [] { return QDateTime::currentDateTimeUtc(); };
    /// One line to the system journal (priority as syslog's, caller uid or -1 for the helper itself).
    std::function<void(int priority, int callerUid, const QString &message)> log;
    /// Where /proc is, for verifying the running agent.
    QString proc = QStringLiteral("/proc");
    /// How long StartUnit waits for the agent's main process to appear.
    int startTimeoutMs = 10000;
    /// How many journal records to keep at most before a new apply prunes the oldest of those
    /// that can no longer undo anything (Journal::kMaxRecords; tests make it small). At least 1.
    qsizetype journalRecordLimit = 1000;
    /// How long an undo waits for the account files' lock (the one lckpwdf() takes and passwd, vipw,
    /// useradd and systemd-sysusers hold while they change the files) before it gives up without
    /// touching them: lckpwdf()'s own 15 s. Tests make it short.
    int accountLockTimeoutMs = 15000;
#ifdef DEROOT_CRASH_HOOK
    /// Test-only: where the engine kills itself (crashhook.h). DEROOT_CRASH_HOOK is a public
    /// definition of the engine's target, so every user of this struct sees the same layout.
    CrashHook crashHook;
#endif
    /// Test-only: asked before every journal write with the record about to be written; true makes
    /// that write fail as a full or failing disk would. Empty in System::real(), so never in use.
    std::function<bool(const QJsonObject &record)> failJournalWrite;

    /// The production system: root "/", /var/lib/deroot, the real programs (a process-wide runner),
    /// logging to the system journal.
    static System real();
};

/// One step's outcome, as the D-Bus shell forwards it in a progress signal: the protocol's type.
/// NOTE: the engine's own name for it, kept so that the engine's sources need not change with the
/// protocol; it can go once they say Core::StepProgress.
using StepEvent = Core::StepProgress;
using StepCallback = std::function<void(const StepEvent &)>;

/// An apply that waits for Confirm(id) before its deadline.
struct PendingConfirmation
{
    QString applyId;
    QDateTime deadline;
    int callerUid = -1;
};

/// What a reconcile found and did for one capability set of one apply.
struct ReconcileItem
{
    QString applyId;
    QString agent;
    QString program;
    /// What was compared: "capabilities" (on program), "file", "user" or "unit"; target names it.
    QString what = QStringLiteral("capabilities");
    QString target;
    /// holding (nothing to do), restored (set again), blocked (left alone: the reason says why),
    /// failed (tried and could not)
    QString outcome;
    QString message;

    QJsonObject toJson() const;
};

/// The engine: validation against the system, apply, confirm, rollback, history, recovery.
/// Single-threaded: the D-Bus shell calls one method at a time.
class Engine final
{
public:
    explicit Engine(System system);
    ~Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    /// Core::parseApplyRequest() and then the checks that need the system, changing nothing: the
    /// service user is absent or a system account (never root, never a human user), the program is a
    /// root-owned regular file in root-owned directories whose SHA-256 is the plan's, every
    /// destination directory is a real root-owned directory, reached without symlinks, and the
    /// sudoers drop-in passes visudo -cf and visudo -c with it in place (in a private namespace).
    [[nodiscard]] Core::Result<CheckedRequest> validate(const ApplyRequest &request);

    /// Carries out @p plan step by step, journalled ahead of each change, calling @p progress after
    /// each step. On a failed step everything done before it is undone (the outcome says so). With
    /// a valid @p confirmBy the apply stays pending and is rolled back unless confirm() is called
    /// before it. @p callerUid goes into the journal and the system log. Refuses (ExitCode::Busy)
    /// while another apply's confirmation is pending.
    [[nodiscard]] Core::Result<ApplyOutcome> apply(const CheckedRequest &plan, int callerUid,
                                                   const QDateTime &confirmBy, const StepCallback &progress = {});

    /// Confirms a pending apply: it stays.
    [[nodiscard]] std::optional<Core::Error> confirm(const QString &applyId, int callerUid);

    /// Restores what apply @p applyId changed, byte for byte, removing only what it created. Refused
    /// for an unknown or already rolled back id, and for any apply but the latest still in place
    /// (an earlier one's previous state would undo a later one's).
    [[nodiscard]] std::optional<Core::Error> rollback(const QString &applyId, int callerUid,
                                                      const StepCallback &progress = {});

    /// Run once at start, before anything else: an unfinished journal (the helper died mid-apply or
    /// mid-rollback) is rolled back, and a pending apply whose deadline passed is rolled back.
    /// Returns one line per thing it did.
    QStringList recover();

    /// Rolls back every pending apply whose deadline has passed; the D-Bus shell's timer calls it.
    QStringList expirePending();

    /// The confirmation still awaited, if any (the shell must not exit while one is).
    std::optional<PendingConfirmation> pending() const;

    /// Sets again the file capabilities that applies in place (applied or pending) set and that
    /// are gone or changed, typically because the program's package was upgraded or reinstalled
    /// (dpkg unpacks a new inode). Only @p applyId, or every apply in place when it is empty. What
    /// is set comes from the journal alone: the attribute the apply set, byte for byte, on the
    /// program the plan was approved for. Blocked, and left as it is, when the program's SHA-256 is
    /// no longer the plan's, the program is not as an apply requires it (openPlanProgram()), an
    /// admin's dpkg-statoverride names it (hands off, as Debian's own postinsts do), or the record
    /// predates drift tracking (no program SHA-256); skipped when a later apply in place set the
    /// same program's capabilities (they are its own). Each change is
    /// logged and recorded in the apply's record ("reconciled"), so that rollback still restores
    /// what was there before the apply. Busy while another engine holds the lock.
    [[nodiscard]] Core::Result<QList<ReconcileItem>> reconcileCapabilities(const QString &applyId, int callerUid);

    /// Everything of the applies in place (one, or every one) that drifted, put back as the apply
    /// put it: the file capabilities (reconcileCapabilities()), then, from the plan.json the
    /// journal keeps and after every check of an apply (parseStoredPlan(), preflight()), the
    /// service user the apply created if it is gone and the files it wrote whose bytes or mode
    /// changed, each rewritten with the very bytes whose SHA-256 the apply recorded. When the
    /// unit's files or the user came back, systemd reloads and the unit restarts, and the
    /// running agent is checked as an apply checks it. A file a later apply in place wrote is that
    /// one's. Blocked, with the reason, when the record has no plan (written before this), the
    /// plan is refused now, or this version's generators write other bytes. Items for what was
    /// restored, failed or blocked; nothing for what holds.
    [[nodiscard]] Core::Result<QList<ReconcileItem>> reconcile(const QString &applyId, int callerUid);

    /// The root-equivalent grants (Core::privilegedGrants()) a reconcile of @p applyId (every apply
    /// in place when empty) could give again: the root-equivalent capabilities the journal says
    /// the applies set and, with @p everything, every privileged grant of the plans they keep
    /// (a group such as disk, a sudo command). Non-empty means the reconcile is approved as such
    /// a plan's apply was: through Core::PolkitActions::kPrivileged.
    QStringList reconcileGrants(const QString &applyId, bool everything) const;

    /// Every apply, newest first: id, time, caller uid, agent, method, plan hash, state
    /// ("applied", "pending", "rolled-back", "failed"), and the steps.
    QJsonArray history() const;

    /// The history entry of one apply; empty when unknown.
    QJsonObject status(const QString &applyId) const;

    /// System::now: the one clock of deadlines and ids, which the D-Bus shell uses too.
    QDateTime now() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Deroot::Helper
