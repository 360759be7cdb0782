// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/model/generationinput.h"

#include <QByteArray>
#include <QFlags>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Deroot::Core {

/// What an apply request asks the privileged helper for: plan.json's bytes and the export folder's
/// files (file name -> bytes), exactly as the client read them. Nothing in it is trusted:
/// parseApplyRequest() and the helper's preflight decide what, if anything, it may do.
struct ApplyRequest
{
    QByteArray planJson;
    QMap<QString, QByteArray> files;
};

/// Bounds on a request, so that no client can make the helper hold or hash unbounded data.
inline constexpr qsizetype kMaxPlanJsonBytes = qsizetype{256} * 1024;
inline constexpr qsizetype kMaxFileBytes = qsizetype{1024} * 1024;
inline constexpr qsizetype kMaxFiles = 32;
inline constexpr qsizetype kMaxOperations = 32;
inline constexpr int kMaxJsonDepth = 8;

/// Why the (well-formed) JSON text @p json must be refused although Qt reads it: a key twice in one
/// object (Qt keeps the last, a person reading it sees the first; escaped spellings count as the
/// same key), or nesting deeper than kMaxJsonDepth. Nothing when neither.
std::optional<QString> duplicateKeyOrTooDeep(QByteArrayView json);

/// The one JSON object a helper request is: at most @p maxBytes of UTF-8 without NUL, JSON, an
/// object, with no key twice and no deeper than kMaxJsonDepth. Otherwise why not, one sentence
/// (ExitCode::Usage) for the caller to prefix with the request's name.
Result<QJsonObject> readRequestObject(const QByteArray &json, qsizetype maxBytes);

/// The areas of the system a plan changes: the polkit actions are split along them.
enum class PlanArea : unsigned {
    Users = 0x1,        ///< creates a system user and group
    Sudoers = 0x2,      ///< writes a drop-in in /etc/sudoers.d
    Capabilities = 0x4, ///< sets file capabilities on the program
    Units = 0x8,        ///< writes units or drop-ins in /etc/systemd/system (or sysusers.d), reloads, starts
};
Q_DECLARE_FLAGS(PlanAreas, PlanArea)
Q_DECLARE_OPERATORS_FOR_FLAGS(PlanAreas)

/// The polkit actions (docs/helper.md), one constant each so a typo cannot invent an action: the
/// helper authorizes with them and the desktop shows their state before the click.
namespace PolkitActions {
inline const QString kUsers = QStringLiteral("io.github.deroot.users.create");
inline const QString kSudoers = QStringLiteral("io.github.deroot.sudoers.install");
inline const QString kCapabilities = QStringLiteral("io.github.deroot.capabilities.set");
inline const QString kUnits = QStringLiteral("io.github.deroot.units.install");
inline const QString kApply = QStringLiteral("io.github.deroot.plan.apply");
/// Approves a plan with root-equivalent grants (CheckedRequest::privilegedGrants) instead of kApply:
/// only with a password typed for that plan, whatever rules.d or a cached authorization say.
inline const QString kPrivileged = QStringLiteral("io.github.deroot.privileged.grant");
inline const QString kRollback = QStringLiteral("io.github.deroot.rollback.restore");
/// Sets again the file capabilities an apply in place set, after drift took them
/// (HelperService::Reconcile).
inline const QString kReconcile = QStringLiteral("io.github.deroot.plan.reconcile");
/// Puts back everything of an apply in place that drifted: its files, its user, its capabilities,
/// then reloads and restarts its unit (HelperService::Reconcile with the scope "all").
inline const QString kRestore = QStringLiteral("io.github.deroot.plan.restore");
/// Approves instead of kReconcile or kRestore a reconcile that would give again a root-equivalent
/// grant (Engine::reconcileGrants()): as kPrivileged does for an apply, only with a password typed
/// for it, whatever rules.d or a cached authorization say.
inline const QString kPrivilegedRestore = QStringLiteral("io.github.deroot.privileged.restore");
/// Starts a program as a non-root user and watches it (HelperService::Observe, a command).
inline const QString kObserveRun = QStringLiteral("io.github.deroot.observe.run");
/// Watches a unit or a process that already runs (HelperService::Observe, a unit or a pid).
inline const QString kObserveWatch = QStringLiteral("io.github.deroot.observe.watch");
/// Runs a plan's trials on transient units, before it is applied (HelperService::Prove).
inline const QString kProveRun = QStringLiteral("io.github.deroot.prove.run");
} // namespace PolkitActions

/// The area actions a plan touching @p areas needs, in a fixed order.
QStringList areaActionIds(PlanAreas areas);

/// One typed step of a validated plan, in the order the helper carries them out. The helper has
/// no "run this command" or "write anywhere" step: the kinds below are all it can do.
struct PlanStep
{
    enum class Kind {
        CreateUser,    ///< create serviceUser (and its group) only if absent
        WriteSysusers, ///< /etc/sysusers.d/deroot-AGENT.conf
        WriteSudoers,  ///< /etc/sudoers.d/NAME, mode 0440 root:root, checked by visudo before going live
        WriteUnit,     ///< /etc/systemd/system/deroot-AGENT.{service,timer} or NAME.service.d/deroot.conf
        SetFileCaps,   ///< capabilities on program.path, checked and set on one descriptor
        /// Stops and disables the unit the plan replaces (input.replacesUnit), which must run the
        /// plan's own program; recorded so that an undo enables and starts it again as it was.
        StopUnit,
        DaemonReload, ///< systemctl daemon-reload after unit files changed
        StartUnit,    ///< systemctl restart UNIT, then the running agent is verified against the plan
        /// Enables and starts the timer of a scheduled plan (never its oneshot service), then checks
        /// that the timer is active and starts the plan's service.
        StartTimer,
        ExportOnly, ///< an artifact the helper never applies (docker run, Compose, Kubernetes, ...)
    };
    Kind kind = Kind::ExportOnly;
    QString artifact;   ///< the manifest's artifact id ("unit", "sudoers", ...); empty for derived steps
    QString file;       ///< the export folder's file name it came from; empty for derived steps
    QString target;     ///< absolute destination path, user name or unit name
    QByteArray content; ///< for write steps: the exact bytes, whose SHA-256 matched the manifest
    quint32 mode = 0644;
};

/// Stable lower-case names of the step kinds, used in StepEvent::kind, the journal and history.
QString stepKindName(PlanStep::Kind kind);

/// An apply request that passed every check that needs no system access (the "checked request" of
/// docs/glossary.md): plan.json read strictly, its typed input accepted by
/// validateGenerationInput() and the grant rules, and every file of the request, plan.json last,
/// byte-identical to what the generators write from that input; the typed steps come from the
/// regenerated artifacts.
struct CheckedRequest
{
    QString agent;       ///< agent id, [a-z][a-z0-9_-]{0,31}
    QString method;      ///< "sudo", "caps" or "container"
    QString planSha256;  ///< hex SHA-256 of planJson: what polkit's prompt names and the approval binds
    QByteArray planJson; ///< the plan.json that was checked: the helper's journal keeps it for reconcile
    QString programPath;
    QString programSha256; ///< hex, what the admin reviewed
    QString serviceUser;   ///< empty for the container method and a called program
    QString serviceGroup;  ///< the user's primary group (its own by default)
    QStringList supplementaryGroups;
    QStringList capabilities; ///< "CAP_NET_RAW", ... (upper case, known to this build)
    QString unit;             ///< the unit StartUnit restarts and verifies; empty when none
    /// A scheduled plan's timer ("deroot-AGENT.timer"), which StartTimer enables and starts; empty
    /// when none. It starts #unit, which nothing else starts.
    QString timer;
    /// The unit the plan stops and disables before its own starts (StopUnit); empty when none.
    QString replacesUnit;
    /// A called program's caller (StartMode::CalledBy): the existing user its sudo rule is for,
    /// never created by the plan. Empty otherwise, and for file capabilities (they act for anyone).
    QString callerUser;
    QList<SudoCommand> sudoCommands; ///< what the sudoers drop-in lets serviceUser run as root
    /// What makes this plan's agent root in all but name ("CAP_SYS_ADMIN (root-equivalent
    /// capability)", "group disk (root-equivalent group)"): non-empty means the separate,
    /// always-interactive privileged approval is needed (docs/helper.md).
    QStringList privilegedGrants;
    GenerationInput input; ///< the typed input every file of the plan was regenerated from
    PlanAreas areas;
    QList<PlanStep> steps;
};

/// Parses and validates @p request without touching the system. Every refusal is one sentence
/// naming what and where, with quoted() input, and ExitCode::Refused. The same function runs in the
/// CLI's --dry-run, the GUI and the helper, so a client can never accept what the helper refuses.
Result<CheckedRequest> parseApplyRequest(const ApplyRequest &request);

/// parseApplyRequest() of a plan.json with the files regenerated from its own input: a plan the
/// helper checked and applied before, read back from its journal to put again in place what
/// drifted. Every check of an apply holds (the generator's version too: a plan made by another
/// version is refused, and has to be generated again).
Result<CheckedRequest> parseStoredPlan(const QByteArray &planJson);

/// The names of the export folder's files a request carries: those plan.json's operations name,
/// once each, at most kMaxFiles, leaving out any that could not be a plain name in the folder.
/// Shared by readApplyRequest() and the in-memory exportApplyRequest(), so both carry the same files.
QStringList requestFileNames(const QByteArray &planJson);

/// Reads an export folder (or its plan.json) into a request: plan.json and the files its
/// operations name, each read without following a symlink and bounded by kMaxPlanJsonBytes and
/// kMaxFileBytes. Reading checks nothing else: parseApplyRequest() does.
Result<ApplyRequest> readApplyRequest(const QString &path);

} // namespace Deroot::Core
