// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "authorizer.h"
#include "service.h"

#include <QList>
#include <QMap>
#include <QSet>

namespace Deroot::Helper::Test {

/// A model of polkitd for one subject: a default or rules.d answer per action, the _keep cache
/// (which, like polkit's, ignores the details), and an authentication agent that approves, is
/// dismissed, or is absent.
class FakePolkit final : public Authorizer
{
public:
    enum class Rule { Yes, No, AuthAdmin, AuthAdminKeep, Broken };
    /// Hangs: the agent never answers (the prompt stays open), so the call stays pending.
    enum class Agent { None, Approves, Dismissed, Hangs };

    struct Call
    {
        QString busName;
        QString action;
        AuthDetails details;
        bool interactive = false;
    };

    QMap<QString, Rule> rules; ///< actions not listed are auth_admin, as the policy file says
    Agent agent = Agent::None;
    QList<Call> calls;
    QList<AuthDetails> prompts; ///< the details of every prompt the agent showed
    QSet<QString> cached;       ///< "busName action" pairs with a temporary authorization
    QList<Callback> held;       ///< the answers an agent that Hangs never gave

    void check(const QString &busName, const QString &actionId, const AuthDetails &details, bool interactive,
               Callback done) override
    {
        calls.append({busName, actionId, details, interactive});
        const Rule rule = rules.value(actionId, Rule::AuthAdmin);
        switch (rule) {
        case Rule::Yes:
            done(AuthAnswer::Yes);
            return;
        case Rule::No:
            done(AuthAnswer::No);
            return;
        case Rule::Broken:
            done(AuthAnswer::Error);
            return;
        case Rule::AuthAdmin:
        case Rule::AuthAdminKeep:
            break;
        }
        const QString key = busName + u' ' + actionId;
        if (cached.contains(key)) {
            done(AuthAnswer::Yes);
            return;
        }
        if (!interactive || agent == Agent::None) {
            done(AuthAnswer::Challenge);
            return;
        }
        prompts.append(details);
        if (agent == Agent::Hangs) {
            held.append(std::move(done));
            return;
        }
        if (agent == Agent::Dismissed) {
            done(AuthAnswer::No);
            return;
        }
        if (rule == Rule::AuthAdminKeep) {
            cached.insert(key);
        }
        done(AuthAnswer::Yes);
    }
};

} // namespace Deroot::Helper::Test

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>

namespace Deroot::Helper::Test {

/// The engine's part played in memory: a request whose plan starts with "bad" is refused; any other
/// is a caps plan for fping whose hash is the plan's SHA-256. Records what the service asked.
class FakeEngine final : public EngineApi
{
public:
    int validated = 0;
    QStringList applied;    ///< plan hashes, in order
    QStringList rolledBack; ///< ids
    QStringList expired;    ///< ids rolled back at their deadline
    std::optional<PendingConfirmation> pendingConfirmation;
    int nextId = 1;
    std::optional<Core::Error> refusal;      ///< what validate() answers after authorization, if set
    std::optional<Core::Error> parseRefusal; ///< what parse() answers before authorization, if set
    /// The root-equivalent grants of every parsed plan (none by default).
    QStringList privilegedGrants;
    /// parse() is the real Core::parseApplyRequest() (the wizard's real requests), not the stand-in.
    bool realParse = false;
    /// Changes what validate() returns after authorization (a plan that differs from the approved one).
    std::function<void(CheckedRequest &)> tamper;
    std::optional<AgentCheck> agentCheck; ///< the running agent's check apply() reports, if set
    /// The engine's clock, which the service judges deadlines by.
    std::function<QDateTime()> clock = [] { return QDateTime::currentDateTimeUtc(); };
    /// The steps apply() reports, each ok.
    QStringList stepKinds{QStringLiteral("create-user"), QStringLiteral("set-file-caps"), QStringLiteral("start-unit")};

    Core::Result<CheckedRequest> parse(const ApplyRequest &request) override
    {
        if (request.planJson.startsWith("bad")) {
            return Core::Error{Core::ExitCode::Refused, QStringLiteral("plan.json is not a plan")};
        }
        if (parseRefusal) {
            return *parseRefusal;
        }
        if (realParse) {
            return Core::parseApplyRequest(request);
        }
        CheckedRequest plan;
        plan.agent = QStringLiteral("fping");
        plan.method = QStringLiteral("caps");
        plan.planSha256 =
            QString::fromLatin1(QCryptographicHash::hash(request.planJson, QCryptographicHash::Sha256).toHex());
        plan.areas = Core::PlanArea::Users | Core::PlanArea::Capabilities | Core::PlanArea::Units;
        plan.privilegedGrants = privilegedGrants;
        return plan;
    }
    Core::Result<CheckedRequest> validate(const ApplyRequest &request) override
    {
        ++validated;
        if (refusal) {
            return *refusal;
        }
        Core::Result<CheckedRequest> parsed = parse(request);
        if (!parsed || !tamper) {
            return parsed;
        }
        CheckedRequest plan = *parsed;
        tamper(plan);
        return plan;
    }
    Core::Result<ApplyOutcome> apply(const CheckedRequest &plan, int callerUid, const QDateTime &confirmBy,
                                     const StepCallback &progress) override
    {
        ApplyOutcome outcome;
        outcome.applyId = QStringLiteral("apply-%1").arg(nextId++);
        const QStringList &kinds = stepKinds;
        for (int i = 0; i < kinds.size(); ++i) {
            const StepEvent step{
                outcome.applyId, i, static_cast<int>(kinds.size()), kinds.at(i), QStringLiteral("fping"), true, {}};
            outcome.steps.append(step);
            if (progress) {
                progress(step);
            }
        }
        outcome.ok = true;
        outcome.message = QStringLiteral("applied");
        if (agentCheck) {
            outcome.agent = *agentCheck;
            outcome.ok = agentCheck->ok;
            if (!agentCheck->ok) {
                outcome.message = QStringLiteral("the running agent does not match the plan");
            }
        }
        outcome.confirmBy = confirmBy;
        if (confirmBy.isValid()) {
            pendingConfirmation = PendingConfirmation{outcome.applyId, confirmBy, callerUid};
        }
        applied.append(plan.planSha256);
        return outcome;
    }
    std::optional<Core::Error> confirm(const QString &applyId, int) override
    {
        if (!pendingConfirmation || pendingConfirmation->applyId != applyId) {
            return Core::Error{Core::ExitCode::NotFound, QStringLiteral("nothing pending")};
        }
        pendingConfirmation.reset();
        return std::nullopt;
    }
    std::optional<Core::Error> rollback(const QString &applyId, int, const StepCallback &progress) override
    {
        if (progress) {
            progress(StepEvent{applyId, 0, 1, QStringLiteral("rollback"), QStringLiteral("fping"), true, {}});
        }
        rolledBack.append(applyId);
        return std::nullopt;
    }
    /// What each reconcile was asked: "capabilities ID" or "all ID".
    QStringList reconciled;
    /// The history the service reads its prompt's details from; the applied plans' hashes when empty.
    QJsonArray historyEntries;
    Core::Result<QList<ReconcileItem>> reconcileCapabilities(const QString &applyId, int) override
    {
        reconciled.append(QStringLiteral("capabilities ") + applyId);
        return QList<ReconcileItem>{};
    }
    Core::Result<QList<ReconcileItem>> reconcile(const QString &applyId, int) override
    {
        reconciled.append(QStringLiteral("all ") + applyId);
        return QList<ReconcileItem>{};
    }
    /// What reconcileGrants() answers, per scope (none by default).
    QStringList capabilityGrants;
    QStringList planGrants;
    QStringList reconcileGrants(const QString &, bool everything) const override
    {
        return everything ? capabilityGrants + planGrants : capabilityGrants;
    }
    QStringList expirePending() override
    {
        if (!pendingConfirmation || pendingConfirmation->deadline > clock()) {
            return {};
        }
        expired.append(pendingConfirmation->applyId);
        pendingConfirmation.reset();
        return {QStringLiteral("rolled back at its deadline")};
    }
    std::optional<PendingConfirmation> pending() const override { return pendingConfirmation; }
    QDateTime now() const override { return clock(); }
    QJsonArray history() const override
    {
        if (!historyEntries.isEmpty()) {
            return historyEntries;
        }
        QJsonArray array;
        for (const QString &sha : applied) {
            array.append(QJsonObject{{QStringLiteral("plan_sha256"), sha}});
        }
        return array;
    }
    QJsonObject status(const QString &applyId) const override
    {
        return applyId.startsWith(QStringLiteral("apply-"))
                   ? QJsonObject{{QStringLiteral("agent"), QStringLiteral("fping")}}
                   : QJsonObject();
    }
};

} // namespace Deroot::Helper::Test
