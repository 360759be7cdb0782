// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/inspect/report.h"
#include "core/model/generationinput.h"
#include "core/model/methods.h"
#include "core/recommend/privilegescore.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Deroot::Core {

/// Where the agent runs: the first of the admin's three answers.
enum class Environment {
    BareMetalOrVm,     ///< a server or VM where the agent runs as a service
    ContainerPlatform, ///< a container host or Kubernetes
    Legacy,            ///< a system whose way of starting the agent cannot change
};

/// How far the agent is trusted: the second answer.
enum class Trust {
    Own,       ///< built in house
    Vendor,    ///< from a vendor or the distribution
    Untrusted, ///< an untrusted or third-party agent
};

/// The admin's three answers.
struct Answers
{
    Environment environment = Environment::BareMetalOrVm;
    Trust trust = Trust::Vendor;
    bool systemd = true; ///< the agent runs (or can run) under systemd
    /// How the agent is started, when the admin said (derootctl --start, the wizard's "How it is
    /// started"); unset: as the evidence shows (detectedStart()). A called program has no unit of
    /// its own, so its capabilities can only sit on the file.
    std::optional<StartMode> start;
};

/// How one method fares for this agent, in a word: the wizard's "For this agent" column and the
/// JSON's "suitability".
enum class Suitability {
    Recommended, ///< the first of the ranking
    Possible,    ///< feasible, with at least one reason for it
    NotNeeded,   ///< feasible, but this agent needs nothing the method gives (sudo with no command)
    NotSuitable, ///< feasible, but every reason here speaks against it
    NotPossible, ///< the method cannot deliver the needs here
};

/// "recommended", "possible", "not-needed", "not-suitable", "not-possible".
QString suitabilityId(Suitability suitability);

/// One reason for or against a method, for this agent.
struct Consideration
{
    QString id;   ///< stable: "environment.bare-metal", "script.no-file-capabilities", ...
    int weight;   ///< what it adds to the method's score; positive for, negative against
    QString text; ///< one sentence naming the evidence
};

/// How one method fares for this agent.
struct MethodAssessment
{
    Method method = Method::Capabilities;
    int score = 0;
    bool feasible = true; ///< false when the method cannot deliver the needs here
    QList<Consideration> considerations;
    PrivilegeScore privilegeAfter; ///< the effective privilege the method's default plan leaves
    Suitability suitability = Suitability::Possible;
    /// What the method does for this agent, an untranslated source string in the
    /// "Deroot::Core::Method" context: the guide's name, or "Service user + hardened unit" when the
    /// capabilities method's default plan grants no capability at all.
    const char *title = nullptr;
};

/// The guide's three methods ranked for one agent, best first, with the reasons.
struct Recommendation
{
    QList<MethodAssessment> ranking; ///< best first; the first feasible one is the recommendation
    QStringList blockers;            ///< critical findings to fix before any method is safe
    PrivilegeScore privilegeBefore;  ///< what the agent holds today

    Method recommended() const { return ranking.first().method; }
};

/// Ranks the guide's methods for the agent @p report describes, following the guide's comparison
/// table ("Which Solution Is Right For You?") and then what this agent needs: a script cannot hold
/// file capabilities, a package upgrade drops them, root-equivalent capabilities are little better
/// than root, one privileged command is best given as a narrow sudo rule, an untrusted agent
/// belongs in a container. Pure: no I/O.
Recommendation recommend(const InspectionReport &report, const Answers &answers);

/// "bare-metal", "container", "legacy" / "own", "vendor", "untrusted": the command line's words.
Result<Environment> parseEnvironment(QStringView word);
Result<Trust> parseTrust(QStringView word);
/// "service", "scheduled", "called-by" (or plan.json's "called_by"): --start's words.
Result<StartMode> parseStartMode(QStringView word);
QString environmentId(Environment environment);
QString trustId(Trust trust);

/// The stable JSON document (schema "deroot.recommend/1", docs/recommend-json.md).
QJsonObject toJson(const Recommendation &recommendation, const Answers &answers);
/// The terminal form: the guide's table with the recommended row marked, then the reasons.
QString toText(const Recommendation &recommendation, const Answers &answers);

} // namespace Deroot::Core
