// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/plan/polkitdecision.h"

using namespace Qt::StringLiterals;

namespace Deroot::Core {

PolkitQuestion applyQuestion(const CheckedRequest &plan, bool interactionAllowed, bool callerIsRoot)
{
    return PolkitQuestion{areaActionIds(plan.areas), PolkitActions::kApply,
                          plan.privilegedGrants.isEmpty() ? QString() : PolkitActions::kPrivileged, interactionAllowed,
                          callerIsRoot};
}

PolkitQuestion rollbackQuestion(bool interactionAllowed, bool callerIsRoot)
{
    return PolkitQuestion{
        {PolkitActions::kRollback}, PolkitActions::kRollback, QString(), interactionAllowed, callerIsRoot};
}

PolkitQuestion reconcileQuestion(bool interactionAllowed, bool callerIsRoot, bool everything, bool privileged)
{
    const QString action = everything ? PolkitActions::kRestore : PolkitActions::kReconcile;
    return PolkitQuestion{
        {action}, action, privileged ? PolkitActions::kPrivilegedRestore : QString(), interactionAllowed, callerIsRoot};
}

PolkitQuestion observeQuestion(const ObserveRequest &request, bool interactionAllowed, bool callerIsRoot)
{
    const QString action =
        request.target == ObserveRequest::Target::Command ? PolkitActions::kObserveRun : PolkitActions::kObserveWatch;
    return PolkitQuestion{{}, action, QString(), interactionAllowed, callerIsRoot};
}

PolkitQuestion proveQuestion(bool interactionAllowed, bool callerIsRoot)
{
    return PolkitQuestion{{}, PolkitActions::kProveRun, QString(), interactionAllowed, callerIsRoot};
}

namespace {

PolkitStep ask(const QString &action, bool interactive)
{
    return PolkitStep{PolkitStep::Kind::Ask, action, interactive, false, PolkitRefusal::Forbidden};
}

PolkitStep allow(bool prompted)
{
    return PolkitStep{PolkitStep::Kind::Allow, {}, false, prompted, PolkitRefusal::Forbidden};
}

PolkitStep refuse(const QString &action, PolkitRefusal why)
{
    return PolkitStep{PolkitStep::Kind::Refuse, action, false, false, why};
}

// A NO or no answer refuses whatever was asked; only the caller's branch decides YES and "challenge".
std::optional<PolkitStep> refusesOutright(const QString &action, PolkitAnswer answer)
{
    switch (answer) {
    case PolkitAnswer::No:
        return refuse(action, PolkitRefusal::Forbidden);
    case PolkitAnswer::Unknown:
        return refuse(action, PolkitRefusal::Unanswered);
    case PolkitAnswer::Yes:
    case PolkitAnswer::Challenge:
        break;
    }
    return std::nullopt;
}

// The answers replayed in the order the checks were asked: the decision is a pure function of the
// question and the answers so far, so the helper (one check at a time) and the desktop (all checks
// at once, without interaction) walk the same table.
class Replay
{
public:
    explicit Replay(const QList<PolkitAnswer> &answers)
        : m_answers(answers)
    {}
    /// The answer to the next check, or none yet: then that check is the next step.
    std::optional<PolkitAnswer> next()
    {
        if (m_next >= m_answers.size()) {
            return std::nullopt;
        }
        return m_answers.at(m_next++);
    }

private:
    const QList<PolkitAnswer> &m_answers;
    qsizetype m_next = 0;
};

// The one prompt, with interaction: only its YES allows.
PolkitStep prompt(const QString &action, Replay &replay)
{
    const std::optional<PolkitAnswer> answer = replay.next();
    if (!answer) {
        return ask(action, true);
    }
    if (auto refusal = refusesOutright(action, *answer)) {
        return *refusal;
    }
    if (*answer == PolkitAnswer::Yes) {
        return allow(true);
    }
    return refuse(action, PolkitRefusal::AuthenticationFailed);
}

// A plan with root-equivalent grants: only a password typed for it approves it.
PolkitStep decidePrivileged(const PolkitQuestion &question, Replay &replay)
{
    // A site that forbids approvals (a NO on the approval action) forbids these plans too; its YES
    // or "challenge" approves nothing here.
    const std::optional<PolkitAnswer> approval = replay.next();
    if (!approval) {
        return ask(question.approvalAction, false);
    }
    if (auto refusal = refusesOutright(question.approvalAction, *approval)) {
        return *refusal;
    }
    const QString &action = question.privilegedAction;
    const std::optional<PolkitAnswer> privileged = replay.next();
    if (!privileged) {
        return ask(action, false);
    }
    if (auto refusal = refusesOutright(action, *privileged)) {
        return *refusal;
    }
    if (*privileged == PolkitAnswer::Yes) {
        // polkit answers YES to root for everything, without a rule or a prompt. For anyone else
        // it came from a rules.d rule or a kept authorization: neither is a password typed for this
        // plan, and a rule cannot tell a plan that makes its agent root from one that does not.
        return question.callerIsRoot ? allow(false) : refuse(action, PolkitRefusal::PrivilegedWithoutPassword);
    }
    if (!question.interactionAllowed) {
        return refuse(action, PolkitRefusal::PrivilegedInteractionNotAllowed);
    }
    return prompt(action, replay);
}

PolkitStep decideApproval(const PolkitQuestion &question, Replay &replay)
{
    const QString &action = question.approvalAction;
    const std::optional<PolkitAnswer> approval = replay.next();
    if (!approval) {
        return ask(action, false);
    }
    if (auto refusal = refusesOutright(action, *approval)) {
        return *refusal;
    }
    if (*approval == PolkitAnswer::Yes) {
        // A question without areas (export only: nothing but the journal is written) has no area
        // action to carry the site's policy, so a YES here is that policy (polkit's YES for root,
        // or a rule): nothing a password would protect is at stake. With areas, it was granted
        // before anyone saw this plan: a kept authorization of an earlier prompt, or a rule that
        // approves while an area still asks for a password. Neither approved these bytes.
        return question.areaActions.isEmpty() ? allow(false) : refuse(action, PolkitRefusal::ApprovalWithoutPassword);
    }
    if (!question.interactionAllowed) {
        return refuse(action, PolkitRefusal::InteractionNotAllowed);
    }
    return prompt(action, replay);
}

} // namespace

PolkitStep nextPolkitStep(const PolkitQuestion &question, const QList<PolkitAnswer> &answers)
{
    if (question.approvalAction.isEmpty()) {
        return refuse({}, PolkitRefusal::NoApprovalAction);
    }
    Replay replay(answers);
    bool allYes = true;
    for (const QString &action : question.areaActions) {
        const std::optional<PolkitAnswer> answer = replay.next();
        if (!answer) {
            return ask(action, false);
        }
        if (auto refusal = refusesOutright(action, *answer)) {
            return *refusal;
        }
        allYes = allYes && *answer == PolkitAnswer::Yes;
    }
    if (!question.privilegedAction.isEmpty()) {
        // The site's YES on every area is its policy for ordinary plans; a root-equivalent grant
        // still needs the password.
        return decidePrivileged(question, replay);
    }
    if (!question.areaActions.isEmpty() && allYes) {
        return allow(false);
    }
    return decideApproval(question, replay);
}

QString polkitRefusalText(PolkitRefusal refusal)
{
    // The helper runs in the system's locale and cannot know its caller's, so these sentences are
    // English and stable; clients translate what they show around them from the D-Bus error name.
    switch (refusal) {
    case PolkitRefusal::Forbidden:
        return u"the system's polkit policy does not allow this"_s;
    case PolkitRefusal::Unanswered:
        return u"polkit could not be asked; nothing was changed"_s;
    case PolkitRefusal::NoApprovalAction:
        return u"no approval action: refused"_s;
    case PolkitRefusal::InteractionNotAllowed:
        return u"authentication is required, but the caller did not allow interactive authorization"_s;
    case PolkitRefusal::PrivilegedInteractionNotAllowed:
        return u"this plan grants root-equivalent privileges and needs an administrator's password, but the caller "
               u"did not allow interactive authorization"_s;
    case PolkitRefusal::AuthenticationFailed:
        return u"authentication is required and did not succeed (no polkit authentication agent, or the prompt was "
               u"dismissed)"_s;
    case PolkitRefusal::ApprovalWithoutPassword:
        return u"polkit granted the approval without an authentication for this plan (a cached auth_admin_keep "
               u"authorization or a rule); an approval must be given for each plan, see docs/helper.md"_s;
    case PolkitRefusal::PrivilegedWithoutPassword:
        return u"this plan grants root-equivalent privileges, and polkit allowed that without an administrator's "
               u"password (a rules.d rule or a cached authorization); such a plan is only applied after a password "
               u"typed for it, see docs/helper.md"_s;
    }
    return u"refused"_s;
}

ApplyPermission predictApplyPermission(const PolkitQuestion &question,
                                       const QList<std::pair<QString, PolkitAnswer>> &answers)
{
    PolkitQuestion asked = question;
    // The desktop's Apply always lets the helper ask for a password: the prompt is where the
    // prediction stops.
    asked.interactionAllowed = true;
    const auto answerOf = [&answers](const QString &action) {
        for (const auto &[known, answer] : answers) {
            if (known == action) {
                return answer;
            }
        }
        return PolkitAnswer::Unknown;
    };
    QList<PolkitAnswer> replayed;
    // Each step asks one more check or decides, and the table asks at most one check per action
    // and a prompt: the bound only guards against a table that would never decide.
    for (qsizetype guard = 0; guard <= asked.areaActions.size() + 4; ++guard) {
        const PolkitStep step = nextPolkitStep(asked, replayed);
        switch (step.kind) {
        case PolkitStep::Kind::Allow:
            return {ApplyPermission::State::Allowed, {}};
        case PolkitStep::Kind::Refuse: {
            const bool withoutPassword = step.refusal == PolkitRefusal::ApprovalWithoutPassword ||
                                         step.refusal == PolkitRefusal::PrivilegedWithoutPassword;
            return {ApplyPermission::State::Forbidden, step.action, withoutPassword};
        }
        case PolkitStep::Kind::Ask:
            if (step.interactive) {
                return {ApplyPermission::State::NeedsAuthentication, {}};
            }
            replayed.append(answerOf(step.action));
            break;
        }
    }
    return {ApplyPermission::State::Forbidden, question.approvalAction};
}

ApplyPermission applyPermission(const QList<std::pair<QString, PolkitAnswer>> &areaAnswers, PolkitAnswer approval,
                                std::optional<PolkitAnswer> privileged, bool callerIsRoot)
{
    PolkitQuestion question;
    for (const auto &[action, answer] : areaAnswers) {
        question.areaActions << action;
    }
    question.approvalAction = PolkitActions::kApply;
    question.privilegedAction = privileged ? PolkitActions::kPrivileged : QString();
    question.callerIsRoot = callerIsRoot;
    QList<std::pair<QString, PolkitAnswer>> answers = areaAnswers;
    answers.append({PolkitActions::kApply, approval});
    if (privileged) {
        answers.append({PolkitActions::kPrivileged, *privileged});
    }
    return predictApplyPermission(question, answers);
}

} // namespace Deroot::Core
