// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "authorizer.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace Deroot::Helper {

QStringList areaActions(Core::PlanAreas areas)
{
    return Core::areaActionIds(areas);
}

QString areaNames(Core::PlanAreas areas)
{
    QStringList names;
    if (areas.testFlag(Core::PlanArea::Users)) {
        names << u"users"_s;
    }
    if (areas.testFlag(Core::PlanArea::Sudoers)) {
        names << u"sudoers"_s;
    }
    if (areas.testFlag(Core::PlanArea::Capabilities)) {
        names << u"capabilities"_s;
    }
    if (areas.testFlag(Core::PlanArea::Units)) {
        names << u"units"_s;
    }
    return names.isEmpty() ? u"none"_s : names.join(u", "_s);
}

QString safeDetail(const QString &value)
{
    // The agent name reaches the prompt the admin trusts: nothing in it may pass for another line,
    // a different hash or markup in the agent's dialog.
    QString out;
    for (const QChar c : value.left(128)) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
                        u".,:_+-/ "_s.contains(c);
        out += ok ? c : u'?';
    }
    return out;
}

QString listDetail(const QStringList &values)
{
    if (values.isEmpty()) {
        return u"none"_s;
    }
    QString out;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QString item = safeDetail(values.at(i));
        const QString joined = out.isEmpty() ? item : out + u", "_s + item;
        // Room for the count of what follows, unless this is the last item.
        const qsizetype after = values.size() - i - 1;
        const qsizetype reserve = after > 0 ? u" and %1 more"_s.arg(after).size() : 0;
        // The first item always fits (kMaxListDetail is well above safeDetail's 128 and a count).
        if (!out.isEmpty() && joined.size() + reserve > kMaxListDetail) {
            return out + u" and %1 more"_s.arg(values.size() - i);
        }
        out = joined;
    }
    return out;
}

AuthDetails applyDetails(const Core::ValidatedPlan &plan)
{
    // What the plan grants, not only what it is called: the agent id is a name the plan's author
    // chose, so the prompt and any rules.d rule must be able to see the program, the account, the
    // capabilities and the sudo commands themselves.
    QStringList groups;
    if (!plan.serviceGroup.isEmpty()) {
        groups << plan.serviceGroup;
    }
    groups << plan.supplementaryGroups;
    QStringList sudo;
    for (const Core::SudoCommand &command : plan.sudoCommands) {
        sudo << command.path;
    }
    // "CAP_SYS_ADMIN (root-equivalent capability)" names the grant and says why it is one; the
    // detail's name says the why, and parentheses are not among safeDetail's characters.
    QStringList grants;
    for (const QString &grant : plan.privilegedGrants) {
        grants << grant.section(u" ("_s, 0, 0);
    }
    return {{u"agent"_s, safeDetail(plan.agent)},
            {u"method"_s, safeDetail(plan.method)},
            {u"areas"_s, areaNames(plan.areas)},
            {u"plan_sha256"_s, safeDetail(plan.planSha256)},
            {u"program"_s, safeDetail(plan.programPath)},
            {u"service_user"_s, safeDetail(plan.serviceUser.isEmpty() ? u"none"_s : plan.serviceUser)},
            {u"groups"_s, listDetail(groups)},
            {u"capabilities"_s, listDetail(plan.capabilities)},
            {u"unit"_s, safeDetail(plan.unit.isEmpty() ? u"none"_s : plan.unit)},
            // A scheduled plan's timer, which starts the unit; a unit of another package that the
            // plan stops and disables; the existing user a called program's sudo rule is for.
            {u"timer"_s, safeDetail(plan.timer.isEmpty() ? u"none"_s : plan.timer)},
            {u"replaces_unit"_s, safeDetail(plan.replacesUnit.isEmpty() ? u"none"_s : plan.replacesUnit)},
            {u"caller_user"_s, safeDetail(plan.callerUser.isEmpty() ? u"none"_s : plan.callerUser)},
            {u"sudo_commands"_s, listDetail(sudo)},
            {u"privileged_grants"_s, listDetail(grants)}};
}

namespace {

// The helper runs in the system's locale and cannot know its caller's, so its sentences are English
// and stable; clients translate what they show around them from the D-Bus error name.
QString tr(const char *text)
{
    return QString::fromUtf8(text);
}

AuthorizationDecision refused(const QString &action, const QString &message)
{
    return AuthorizationDecision{false, false, action, message};
}

// The state of one decision while its asynchronous checks run.
struct Flow
{
    Authorizer &authorizer;
    AuthorizationRequest request;
    std::function<void(const AuthorizationDecision &)> done;
    qsizetype next = 0;
    bool anyChallenge = false;
};

void askInteractively(const std::shared_ptr<Flow> &flow, const QString &action)
{
    flow->authorizer.check(
        flow->request.busName, action, flow->request.details, true, [flow, action](AuthAnswer answer) {
            switch (answer) {
            case AuthAnswer::Yes:
                flow->done(AuthorizationDecision{true, true, {}, {}});
                return;
            case AuthAnswer::Challenge:
                flow->done(refused(action, tr("authentication is required and did not succeed (no polkit "
                                              "authentication agent, or the prompt was dismissed)")));
                return;
            case AuthAnswer::No:
                flow->done(refused(action, tr("the system's polkit policy does not allow this")));
                return;
            case AuthAnswer::Error:
                break;
            }
            flow->done(refused(action, tr("polkit could not be asked; nothing was changed")));
        });
}

// A plan with root-equivalent grants: only a password typed for it approves it.
void askPrivileged(const std::shared_ptr<Flow> &flow)
{
    const QString action = flow->request.privilegedAction;
    flow->authorizer.check(
        flow->request.busName, action, flow->request.details, false, [flow, action](AuthAnswer answer) {
            switch (answer) {
            case AuthAnswer::Challenge:
                if (!flow->request.interactionAllowed) {
                    flow->done(refused(action, tr("this plan grants root-equivalent privileges and needs an "
                                                  "administrator's password, but the caller did not allow "
                                                  "interactive authorization")));
                    return;
                }
                askInteractively(flow, action);
                return;
            case AuthAnswer::Yes:
                // polkit answers YES to root for everything, without a rule or a prompt; root could
                // change the system without the helper anyway.
                if (flow->request.callerIsRoot) {
                    flow->done(AuthorizationDecision{true, false, {}, {}});
                    return;
                }
                // A rules.d rule or a cached authorization: neither is a password typed for this plan,
                // and a rule cannot tell a plan that makes its agent root from one that does not.
                flow->done(refused(action, tr("this plan grants root-equivalent privileges, and polkit allowed "
                                              "that without an administrator's password (a rules.d rule or a "
                                              "cached authorization); such a plan is only applied after a "
                                              "password typed for it, see docs/helper.md")));
                return;
            case AuthAnswer::No:
                flow->done(refused(action, tr("the system's polkit policy does not allow this")));
                return;
            case AuthAnswer::Error:
                break;
            }
            flow->done(refused(action, tr("polkit could not be asked; nothing was changed")));
        });
}

// Before the privileged prompt: a site that forbids approvals (a NO on the approval action)
// forbids this plan too. Its YES or "challenge" approves nothing here.
void askApprovalBeforePrivileged(const std::shared_ptr<Flow> &flow)
{
    const QString action = flow->request.approvalAction;
    flow->authorizer.check(flow->request.busName, action, flow->request.details, false,
                           [flow, action](AuthAnswer answer) {
                               switch (answer) {
                               case AuthAnswer::Yes:
                               case AuthAnswer::Challenge:
                                   askPrivileged(flow);
                                   return;
                               case AuthAnswer::No:
                                   flow->done(refused(action, tr("the system's polkit policy does not allow this")));
                                   return;
                               case AuthAnswer::Error:
                                   break;
                               }
                               flow->done(refused(action, tr("polkit could not be asked; nothing was changed")));
                           });
}

void askApproval(const std::shared_ptr<Flow> &flow)
{
    const QString action = flow->request.approvalAction;
    flow->authorizer.check(
        flow->request.busName, action, flow->request.details, false, [flow, action](AuthAnswer answer) {
            switch (answer) {
            case AuthAnswer::Challenge:
                if (!flow->request.interactionAllowed) {
                    flow->done(refused(action, tr("authentication is required, but the caller did not allow "
                                                  "interactive authorization")));
                    return;
                }
                askInteractively(flow, action);
                return;
            case AuthAnswer::Yes:
                // A plan that changes no area (export only: nothing but the journal is written) has no
                // area action to carry the site's policy, so a YES here is that policy (polkit answers
                // YES for root, or a rule does): nothing a password would protect is at stake.
                if (flow->request.areaActions.isEmpty()) {
                    flow->done(AuthorizationDecision{true, false, {}, {}});
                    return;
                }
                // Granted before anyone saw this plan: a cached _keep authorization of an earlier prompt, or
                // a rule that approves without authentication while an area still asks for it. Neither
                // approved these bytes.
                flow->done(refused(action, tr("polkit granted the approval without an authentication for this "
                                              "plan (a cached auth_admin_keep authorization or a rule); an approval "
                                              "must be given for each plan, see docs/helper.md")));
                return;
            case AuthAnswer::No:
                flow->done(refused(action, tr("the system's polkit policy does not allow this")));
                return;
            case AuthAnswer::Error:
                break;
            }
            flow->done(refused(action, tr("polkit could not be asked; nothing was changed")));
        });
}

void askNextArea(const std::shared_ptr<Flow> &flow)
{
    if (flow->next == flow->request.areaActions.size()) {
        // The site's YES on every area is its policy for ordinary plans; a root-equivalent grant
        // still needs the password.
        if (!flow->request.privilegedAction.isEmpty()) {
            askApprovalBeforePrivileged(flow);
            return;
        }
        if (!flow->anyChallenge) {
            flow->done(AuthorizationDecision{true, false, {}, {}});
            return;
        }
        askApproval(flow);
        return;
    }
    const QString action = flow->request.areaActions.at(flow->next++);
    flow->authorizer.check(flow->request.busName, action, flow->request.details, false,
                           [flow, action](AuthAnswer answer) {
                               switch (answer) {
                               case AuthAnswer::Yes:
                                   askNextArea(flow);
                                   return;
                               case AuthAnswer::Challenge:
                                   flow->anyChallenge = true;
                                   askNextArea(flow);
                                   return;
                               case AuthAnswer::No:
                                   flow->done(refused(action, tr("the system's polkit policy does not allow this")));
                                   return;
                               case AuthAnswer::Error:
                                   break;
                               }
                               flow->done(refused(action, tr("polkit could not be asked; nothing was changed")));
                           });
}

} // namespace

void authorize(Authorizer &authorizer, const AuthorizationRequest &request,
               std::function<void(const AuthorizationDecision &)> done)
{
    auto flow = std::make_shared<Flow>(Flow{authorizer, request, std::move(done)});
    if (request.approvalAction.isEmpty()) {
        flow->done(refused(request.approvalAction, tr("no approval action: refused")));
        return;
    }
    if (request.areaActions.isEmpty() && request.privilegedAction.isEmpty()) {
        // A plan that changes no area (a container plan that only exports files) still writes the
        // journal as root: it needs the approval like any other.
        askApproval(flow);
        return;
    }
    askNextArea(flow);
}

} // namespace Deroot::Helper
