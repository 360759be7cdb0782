// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The polkit decision of an apply or a rollback (docs/helper.md, "The decision"), defined once. The
// helper plays it against polkitd, one check at a time; the desktop plays it against the answers
// it got without interaction to predict what the Apply button will meet. Both call
// nextPolkitStep(), so the prediction cannot allow what the helper refuses, nor the reverse.
#pragma once

#include "core/plan/applyrequest.h"
#include "core/plan/observerequest.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Deroot::Core {

/// polkit's answer to one check. Unknown is everything that is not an answer: an error of the
/// authority, polkitd unreachable, a result this build does not know. It counts as a no.
enum class PolkitAnswer { Yes, Challenge, No, Unknown };

/// What one authorization asks polkit about, and about whom.
struct PolkitQuestion
{
    QStringList areaActions; ///< checked without interaction, in this order: they carry the site's policy
    QString approvalAction;  ///< the one prompt of an ordinary plan
    /// For a plan with root-equivalent grants: the action whose prompt approves it instead of
    /// approvalAction. Empty otherwise.
    QString privilegedAction;
    bool interactionAllowed = false; ///< the caller set ALLOW_INTERACTIVE_AUTHORIZATION
    /// The caller's uid, as the bus daemon vouches for it, is 0: polkit answers YES to root for
    /// every action without asking anyone, and root needs no helper to change the system anyway.
    bool callerIsRoot = false;
};

/// The question an apply of @p plan asks: its area actions, PolkitActions::kApply, and
/// PolkitActions::kPrivileged when it has root-equivalent grants.
PolkitQuestion applyQuestion(const CheckedRequest &plan, bool interactionAllowed, bool callerIsRoot);

/// The question a rollback asks: PolkitActions::kRollback as its area and its approval. A
/// rollback restores what was there before and grants nothing, so it has no privileged action.
PolkitQuestion rollbackQuestion(bool interactionAllowed, bool callerIsRoot);

/// The question a reconcile asks: PolkitActions::kReconcile as its area and its approval, as a
/// rollback's. It sets again only what an apply approved set, on the program that was approved
/// (the same SHA-256), so it has no privileged action; the policy's default is auth_admin, never
/// _keep. With @p everything, PolkitActions::kRestore instead: the files and the user too, as the
/// apply's plan writes them. With @p privileged (what it would put back holds a root-equivalent
/// grant, such as CAP_SYS_ADMIN or the group disk), PolkitActions::kPrivilegedRestore is its
/// privileged action, asked as an apply's PolkitActions::kPrivileged is: nothing but a password
/// typed for it approves that, so a rule or a kept YES for reconciles does not re-grant root.
PolkitQuestion reconcileQuestion(bool interactionAllowed, bool callerIsRoot, bool everything = false,
                                 bool privileged = false);

/// The question an observation asks: PolkitActions::kObserveRun for a program the helper starts,
/// PolkitActions::kObserveWatch for a unit or a process that runs already, as its approval, with
/// no area. So a YES without interaction (root, or a site's rules.d rule) allows it, and
/// "challenge" leads to the one prompt; the policy's default for both is auth_admin, never _keep.
PolkitQuestion observeQuestion(const ObserveRequest &request, bool interactionAllowed, bool callerIsRoot);

/// The question a proof asks: PolkitActions::kProveRun as its approval, with no area, as for an
/// observation (auth_admin, never _keep): the trials run the plan's program as its service user
/// with the plan's capabilities, none of them root-equivalent (parseProveRequest()).
PolkitQuestion proveQuestion(bool interactionAllowed, bool callerIsRoot);

/// Why a decision refused. Each has one sentence (polkitRefusalText()).
enum class PolkitRefusal {
    Forbidden,                       ///< polkit said NO: a rule, or the prompt was refused
    Unanswered,                      ///< polkit gave no answer (PolkitAnswer::Unknown)
    NoApprovalAction,                ///< the question has no approval action
    InteractionNotAllowed,           ///< the prompt is needed, but the caller did not allow interaction
    PrivilegedInteractionNotAllowed, ///< the same, for a plan with root-equivalent grants
    AuthenticationFailed,            ///< the prompt got no YES: no agent, or dismissed
    /// The approval said YES while an area still needs a password: a kept authorization or a rule,
    /// not a password typed for this plan.
    ApprovalWithoutPassword,
    /// The privileged action said YES to someone other than root: a rule or a kept authorization.
    PrivilegedWithoutPassword,
};

/// One step of the decision: ask polkit one more check, or the verdict.
struct PolkitStep
{
    enum class Kind { Ask, Allow, Refuse };
    Kind kind = Kind::Refuse;
    /// Ask: the action to check. Refuse: the action that decided (empty for NoApprovalAction).
    QString action;
    bool interactive = false;                         ///< Ask: the check may show the caller's authentication agent
    bool prompted = false;                            ///< Allow: allowed after an authentication for this request
    PolkitRefusal refusal = PolkitRefusal::Forbidden; ///< Refuse: why
};

/// The decision table, as a pure function: given @p question and polkit's answers to the checks
/// asked so far (answers[i] answers the i-th step this function asked for), the next check to ask
/// or the verdict. Answers past the verdict are ignored.
///
/// 1. Every area action, without interaction: NO or Unknown refuses at once.
/// 2. No privileged action: all YES (and at least one area) allows. Otherwise the approval action
///    without interaction: "challenge" leads to the same check with interaction (refused if the
///    caller did not allow it), whose YES alone allows; a YES without interaction allows only a
///    question without areas (nothing a password protects) and refuses otherwise (kept or ruled,
///    not typed for this plan).
/// 3. A privileged action: the approval action without interaction, where only NO or Unknown
///    matter (they refuse); then the privileged action without interaction: YES allows root only,
///    "challenge" leads to the prompt with interaction, whose YES alone allows.
PolkitStep nextPolkitStep(const PolkitQuestion &question, const QList<PolkitAnswer> &answers);

/// The one sentence for @p refusal (English and stable: the helper's error messages carry it).
QString polkitRefusalText(PolkitRefusal refusal);

/// The Apply button's polkit state before the click: what the helper's decision would make of
/// polkit's answers for this plan.
struct ApplyPermission
{
    enum class State { Allowed, NeedsAuthentication, Forbidden };
    State state = State::Forbidden;
    QString action; ///< for Forbidden: the action that forbids it
    /// For Forbidden: polkit would say YES to @c action without a password (a rule, a kept
    /// authorization) where the helper needs one typed for this plan, so it refuses. Loosening the
    /// policy cannot help; only removing that rule or waiting out the kept authorization can.
    bool grantedWithoutPassword = false;
};

/// The helper's decision (nextPolkitStep()) predicted from checks without interaction, as the
/// desktop asks them: @p answers holds polkit's answer for each action of @p question (an action
/// missing from it counts as Unknown). The step where the helper would ask with interaction is
/// the one prompt: NeedsAuthentication. The desktop always allows interaction, so
/// @p question's interactionAllowed is taken as true.
ApplyPermission predictApplyPermission(const PolkitQuestion &question,
                                       const QList<std::pair<QString, PolkitAnswer>> &answers);

/// predictApplyPermission() for a plan whose area actions are those of @p areaAnswers (in that order),
/// with PolkitActions::kApply as the approval answered @p approval and, when @p privileged is set,
/// PolkitActions::kPrivileged answered @p privileged.
ApplyPermission applyPermission(const QList<std::pair<QString, PolkitAnswer>> &areaAnswers, PolkitAnswer approval,
                                std::optional<PolkitAnswer> privileged = std::nullopt, bool callerIsRoot = false);

} // namespace Deroot::Core
