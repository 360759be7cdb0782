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
    enum class Agent { None, Approves, Dismissed };

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
