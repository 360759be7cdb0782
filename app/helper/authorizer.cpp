// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/authorizer.h"

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
                        u".,:_+-/= "_s.contains(c);
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

AuthDetails applyDetails(const Core::CheckedRequest &plan)
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
    QStringList environment = plan.input.environment;
    for (const QString &file : plan.input.environmentFiles) {
        environment << u"file "_s + file;
    }
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
            // What the agent starts with: its arguments and the environment (settings, then the
            // files PID 1 reads it from), which decide what it loads and where it listens.
            {u"arguments"_s, listDetail(plan.input.arguments)},
            {u"environment"_s, listDetail(environment)},
            {u"sudo_commands"_s, listDetail(sudo)},
            {u"privileged_grants"_s, listDetail(grants)}};
}

AuthDetails observeDetails(const Core::ObserveRequest &request)
{
    // The request's bounds (core/plan/observerequest.h) keep every value whole here: the program
    // and each argument fit safeDetail's 128 characters, the arguments together listDetail's 512.
    static_assert(Core::kMaxObserveProgramLength <= 128 && Core::kMaxObserveArgumentLength <= 128 &&
                  Core::kMaxObserveArgumentsText <= kMaxListDetail);
    using Target = Core::ObserveRequest::Target;
    const bool command = request.target == Target::Command;
    QString watched = u"none"_s;
    if (request.target == Target::Unit) {
        watched = u"unit "_s + safeDetail(request.unit);
    } else if (request.target == Target::Pid) {
        watched = u"process "_s + QString::number(request.pid);
    }
    return {{u"target"_s, Core::observeTargetName(request.target)},
            {u"program"_s, command ? safeDetail(request.program) : u"none"_s},
            {u"arguments"_s, command ? listDetail(request.arguments) : u"none"_s},
            {u"user"_s, command ? safeDetail(request.user) : u"none"_s},
            {u"capabilities"_s, command ? listDetail(request.capabilities) : u"none"_s},
            {u"unit"_s, request.target == Target::Unit ? safeDetail(request.unit) : u"none"_s},
            {u"pid"_s, request.target == Target::Pid ? QString::number(request.pid) : u"none"_s},
            {u"watched"_s, watched},
            {u"seconds"_s, QString::number(request.seconds)},
            {u"mechanism"_s, safeDetail(request.mechanism)}};
}

AuthDetails proveDetails(const Core::CheckedProveRequest &request)
{
    const Core::CheckedRequest &plan = request.plan;
    QStringList groups;
    if (!plan.serviceGroup.isEmpty()) {
        groups << plan.serviceGroup;
    }
    groups << plan.supplementaryGroups;
    return {{u"agent"_s, safeDetail(plan.agent)},
            {u"program"_s, safeDetail(plan.programPath.isEmpty() ? u"none"_s : plan.programPath)},
            {u"service_user"_s, safeDetail(plan.serviceUser.isEmpty() ? u"none"_s : plan.serviceUser)},
            {u"groups"_s, listDetail(groups)},
            {u"capabilities"_s, listDetail(plan.capabilities)},
            {u"unit"_s, safeDetail(plan.unit.isEmpty() ? u"none"_s : plan.unit)},
            // A drop-in's trials run the agent's own unit with it, root's commands of it included.
            {u"unit_settings"_s, plan.input.existingUnit.isEmpty()
                                     ? u"the plan's own unit"_s
                                     : u"%1 with the plan's drop-in, whose commands marked + or ! run as root"_s.arg(
                                           safeDetail(plan.input.existingUnit))},
            {u"seconds"_s, QString::number(request.seconds)},
            {u"check"_s, request.check.isEmpty() ? u"none"_s : safeDetail(request.check)},
            {u"plan_sha256"_s, safeDetail(plan.planSha256)}};
}

namespace {

Core::PolkitAnswer coreAnswer(AuthAnswer answer)
{
    switch (answer) {
    case AuthAnswer::Yes:
        return Core::PolkitAnswer::Yes;
    case AuthAnswer::Challenge:
        return Core::PolkitAnswer::Challenge;
    case AuthAnswer::No:
        return Core::PolkitAnswer::No;
    case AuthAnswer::Error:
        break;
    }
    return Core::PolkitAnswer::Unknown;
}

// The state of one decision while its asynchronous checks run: the answers so far, replayed by the
// decision table (Core::nextPolkitStep) to find the next check or the verdict.
struct Flow
{
    Authorizer &authorizer;
    QString busName;
    AuthDetails details;
    Core::PolkitQuestion question;
    std::function<void(const AuthorizationDecision &)> done;
    QList<Core::PolkitAnswer> answers;
};

void step(const std::shared_ptr<Flow> &flow)
{
    const Core::PolkitStep next = Core::nextPolkitStep(flow->question, flow->answers);
    switch (next.kind) {
    case Core::PolkitStep::Kind::Ask:
        // The authorizer may answer before returning (a fake, a cached answer): the recursion is
        // bounded by the table's few checks.
        flow->authorizer.check(flow->busName, next.action, flow->details, next.interactive, [flow](AuthAnswer answer) {
            flow->answers.append(coreAnswer(answer));
            step(flow);
        });
        return;
    case Core::PolkitStep::Kind::Allow:
        flow->done(AuthorizationDecision{true, next.prompted, {}, {}});
        return;
    case Core::PolkitStep::Kind::Refuse:
        break;
    }
    flow->done(AuthorizationDecision{false, false, next.action, Core::polkitRefusalText(next.refusal)});
}

} // namespace

void authorize(Authorizer &authorizer, const AuthorizationRequest &request,
               std::function<void(const AuthorizationDecision &)> done)
{
    step(std::make_shared<Flow>(
        Flow{authorizer, request.busName, request.details, request.question, std::move(done), {}}));
}

} // namespace Deroot::Helper
