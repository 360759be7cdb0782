// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/plan/applyrequest.h"
#include "core/plan/polkitdecision.h"
#include "core/plan/proverequest.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

namespace Deroot::Helper {

/// polkit's answer to one check, reduced to what the helper acts on.
enum class AuthAnswer {
    Yes,       ///< authorized
    No,        ///< not authorized, and no authentication would change that
    Challenge, ///< authorized only after authentication (none happened)
    Error,     ///< polkit could not answer: treated as No
};

using AuthDetails = QMap<QString, QString>;

/// Asks polkit (or, in tests, a fake of it) whether the client behind a system-bus unique name may
/// do one action. The production implementation is PolkitAuthorizer; a D-Bus argument never chooses
/// it.
class Authorizer
{
public:
    virtual ~Authorizer() = default;
    using Callback = std::function<void(AuthAnswer)>;
    /// Calls @p done exactly once, possibly before returning. With @p interactive, polkit may ask
    /// the caller's authentication agent.
    virtual void check(const QString &busName, const QString &actionId, const AuthDetails &details, bool interactive,
                       Callback done) = 0;
};

/// The polkit actions (docs/helper.md), defined in core so the desktop checks the same ones.
namespace Actions = Core::PolkitActions;

/// The area actions a plan touching @p areas needs, in a fixed order.
QStringList areaActions(Core::PlanAreas areas);

/// The areas as the prompt names them: "users, sudoers, capabilities, units" (English, stable: rules
/// may compare it).
QString areaNames(Core::PlanAreas areas);

/// A value safe to show in a polkit prompt and to hand to rules.d: only letters, digits and
/// ".,:_+-/ ", at most 128 characters; anything else becomes '?'.
QString safeDetail(const QString &value);

/// The most a list detail (groups, capabilities, sudo commands, privileged grants) may hold.
inline constexpr qsizetype kMaxListDetail = 512;

/// A list as one detail: "none", or its items (each through safeDetail) joined by ", ". Items are
/// never cut: when they do not all fit in kMaxListDetail characters, as many as fit are followed by
/// " and N more", so that neither a prompt nor a rule can take a shortened list for the whole.
QString listDetail(const QStringList &values);

/// The details of an apply (docs/helper.md, "The details"): agent, method, areas, plan_sha256,
/// program, service_user, groups, capabilities, unit, sudo_commands and privileged_grants.
AuthDetails applyDetails(const Core::CheckedRequest &plan);

/// The details of an observation (docs/helper.md, "Observe"): target (command, unit or pid), program,
/// arguments, user, capabilities, unit, pid ("none" where they do not apply), watched (the prompt's
/// words for it: "unit nginx.service", "process 812"), seconds and mechanism.
AuthDetails observeDetails(const Core::ObserveRequest &request);

/// The details of a proof (docs/helper.md, "Prove"): agent, program, service_user, groups,
/// capabilities, unit (the plan's, which the trials are named after but do not install), seconds,
/// check (the command run as the caller, or "none") and plan_sha256.
AuthDetails proveDetails(const Core::CheckedProveRequest &request);

/// One authorization to decide: whom, which actions (the question, Core::applyQuestion() or
/// Core::rollbackQuestion()), and the details polkit shows and rules.d sees.
struct AuthorizationRequest
{
    QString busName;
    Core::PolkitQuestion question;
    AuthDetails details;
};

struct AuthorizationDecision
{
    bool allowed = false;
    bool prompted = false; ///< allowed after an interactive authentication for this request
    QString action;        ///< the action that decided a refusal
    QString message;       ///< one sentence for the admin when refused
};

/// Decides @p request by the decision table (Core::nextPolkitStep(), docs/helper.md), asking
/// @p authorizer one check at a time. Calls @p done exactly once.
void authorize(Authorizer &authorizer, const AuthorizationRequest &request,
               std::function<void(const AuthorizationDecision &)> done);

} // namespace Deroot::Helper
