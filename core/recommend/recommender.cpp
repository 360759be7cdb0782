// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/recommend/recommender.h"

#include "core/base/text.h"
#include "core/generate/planinput.h"
#include "core/model/capabilities.h"
#include "core/recommend/inputbuilder.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// The weights order the methods; the texts say why. The guide's table sets the base (its "Best
// for" column decides between the methods), then what this agent needs moves them.
constexpr int kGuideBest = 30;
constexpr int kGuideSecond = 10;
constexpr int kStrong = 20;
constexpr int kMedium = 10;
constexpr int kWeak = 5;

// The guide's "Security Level" column breaks ties: containers, then capabilities, then sudo.
int securityRank(Method method)
{
    switch (method) {
    case Method::Container:
        return 3;
    case Method::Capabilities:
        return 2;
    case Method::Sudo:
        return 1;
    }
    return 0;
}

class Ranker final
{
public:
    Ranker()
    {
        for (const MethodRow &row : methodTable()) {
            m_assessments.append({row.method, 0, true, {}, {}});
        }
    }

    void add(Method method, const QString &id, int weight, const QString &text)
    {
        MethodAssessment &assessment = of(method);
        assessment.score += weight;
        assessment.considerations.append({id, weight, text});
    }

    void infeasible(Method method, const QString &id, const QString &text)
    {
        MethodAssessment &assessment = of(method);
        assessment.feasible = false;
        assessment.considerations.append({id, 0, text});
    }

    QList<MethodAssessment> ranking() const
    {
        QList<MethodAssessment> ranked = m_assessments;
        std::stable_sort(ranked.begin(), ranked.end(), [](const MethodAssessment &a, const MethodAssessment &b) {
            if (a.feasible != b.feasible) {
                return a.feasible;
            }
            if (a.score != b.score) {
                return a.score > b.score;
            }
            return securityRank(a.method) > securityRank(b.method);
        });
        return ranked;
    }

private:
    MethodAssessment &of(Method method)
    {
        for (MethodAssessment &assessment : m_assessments) {
            if (assessment.method == method) {
                return assessment;
            }
        }
        Q_UNREACHABLE();
    }

    QList<MethodAssessment> m_assessments;
};

// "network, processes and file systems": what a container shares with the host.
QString containerHostWords(const CatalogContainer &container)
{
    QStringList words;
    if (container.hostNetwork) {
        words << recommendText(QT_TRANSLATE_NOOP("Deroot::Core::Recommend", "network"));
    }
    if (container.hostPid) {
        words << recommendText(QT_TRANSLATE_NOOP("Deroot::Core::Recommend", "processes"));
    }
    if (container.hostRoot) {
        words << recommendText(QT_TRANSLATE_NOOP("Deroot::Core::Recommend", "file systems (read-only)"));
    }
    if (words.size() > 1) {
        const QString last = words.takeLast();
        return recommendText(QT_TRANSLATE_NOOP("Deroot::Core::Recommend", "%1 and %2")).arg(words.join(u", "_s), last);
    }
    return words.join(QString());
}

const char *const kHardenedUnitTitle = QT_TRANSLATE_NOOP("Deroot::Core::Method", "Service user + hardened unit");

const MethodRow &rowOf(Method method)
{
    for (const MethodRow &row : methodTable()) {
        if (row.method == method) {
            return row;
        }
    }
    Q_UNREACHABLE();
}

// A method with no reason for it and one against is no option to offer as "possible": sudo for an
// agent with no privileged command has nothing to give.
Suitability suitabilityOf(const MethodAssessment &assessment, bool first)
{
    if (!assessment.feasible) {
        return Suitability::NotPossible;
    }
    if (first) {
        return Suitability::Recommended;
    }
    const auto &considerations = assessment.considerations;
    const bool anyFor = std::any_of(considerations.cbegin(), considerations.cend(),
                                    [](const Consideration &c) { return c.weight > 0; });
    const bool anyAgainst = std::any_of(considerations.cbegin(), considerations.cend(),
                                        [](const Consideration &c) { return c.weight < 0; });
    if (anyFor || !anyAgainst) {
        return Suitability::Possible;
    }
    const bool nothingNeeded = std::any_of(considerations.cbegin(), considerations.cend(),
                                           [](const Consideration &c) { return c.id == u"needs.nothing"; });
    return nothingNeeded ? Suitability::NotNeeded : Suitability::NotSuitable;
}

QString packageOf(const InspectionReport &report)
{
    return report.file ? report.file->package : QString();
}

} // namespace

Recommendation recommend(const InspectionReport &report, const Answers &answers)
{
    Ranker ranker;
    constexpr auto Sudo = Method::Sudo;
    constexpr auto Caps = Method::Capabilities;
    constexpr auto Container = Method::Container;

    // The guide's table.
    switch (answers.environment) {
    case Environment::BareMetalOrVm:
        ranker.add(Caps, u"guide.bare-metal"_s, kGuideBest,
                   recommendText(QT_TRANSLATE_NOOP(
                       "Deroot::Core::Recommend",
                       "On a server or VM, the usual choice: the agent runs as its own user under a hardened "
                       "systemd unit, with only the capabilities it needs.")));
        ranker.add(
            Container, u"guide.bare-metal"_s, kGuideSecond,
            recommendText(QT_TRANSLATE_NOOP("Deroot::Core::Recommend",
                                            "Possible on a server too, at a higher complexity than capabilities.")));
        break;
    case Environment::ContainerPlatform:
        ranker.add(Container, u"guide.container-platform"_s, kGuideBest,
                   recommendText(QT_TRANSLATE_NOOP(
                       "Deroot::Core::Recommend",
                       "On Kubernetes and other container platforms, the agent runs like every other workload: in a "
                       "hardened container.")));
        ranker.add(
            Caps, u"guide.container-platform"_s, kGuideSecond,
            recommendText(QT_TRANSLATE_NOOP("Deroot::Core::Recommend",
                                            "Capabilities remain possible for agents that run on the host itself.")));
        break;
    case Environment::Legacy:
        ranker.add(Sudo, u"guide.legacy"_s, kGuideBest,
                   recommendText(QT_TRANSLATE_NOOP(
                       "Deroot::Core::Recommend",
                       "On a legacy system, where how the agent runs cannot change, sudo rules let its own user run "
                       "only the few commands that need root.")));
        ranker.add(Container, u"guide.legacy"_s, -kMedium,
                   recommendText(QT_TRANSLATE_NOOP(
                       "Deroot::Core::Recommend",
                       "Moving the agent into a container changes how it runs, which this system does not allow.")));
        break;
    }
    switch (answers.trust) {
    case Trust::Untrusted:
        ranker.add(Container, u"guide.untrusted"_s, kStrong + kWeak,
                   recommendText(QT_TRANSLATE_NOOP(
                       "Deroot::Core::Recommend",
                       "An untrusted or third-party agent belongs in a container: even when compromised, it stays "
                       "trapped there.")));
        ranker.add(
            Sudo, u"trust.untrusted"_s, -kMedium,
            recommendText(QT_TRANSLATE_NOOP("Deroot::Core::Recommend",
                                            "A compromised agent can still run every command its sudo rule allows.")));
        break;
    case Trust::Own:
    case Trust::Vendor:
        break;
    }

    const Needs &needs = report.needs;
    const bool isScript = report.script.has_value();
    const QString package = packageOf(report);
    const StartMode start = answers.start.value_or(detectedStart(report).mode);
    // A program another agent calls has no unit of its own to grant capabilities, as a machine
    // without systemd has none: they can only sit on its file.
    const bool called = start == StartMode::CalledBy;
    const bool unitGrants = answers.systemd && !called;
    QStringList required;
    QStringList rootEquivalent;
    for (const CapabilityNeed &need : needs.capabilities) {
        if (!isUnconditional(need.reasons)) {
            continue;
        }
        const auto info = capabilityByNumber(need.capability);
        const QString name = info ? QString::fromLatin1(info->name) : u"cap_%1"_s.arg(need.capability);
        required.append(name);
        if (info && info->risk == CapabilityRisk::RootEquivalent) {
            rootEquivalent.append(name + u" ("_s +
                                  QCoreApplication::translate("Deroot::Core::Capability", info->riskBasis) + u')');
        }
    }
    QStringList commands;
    for (const NamedNeed &command : needs.commands) {
        if (isUnconditional(command.reasons)) {
            commands.append(command.name);
        }
    }
    QStringList powerfulGroups;
    for (const NamedNeed &group : needs.groups) {
        if (group.rootEquivalent && isUnconditional(group.reasons)) {
            powerfulGroups.append(group.name);
        }
    }

    // What this agent needs.
    if (required.isEmpty() && commands.isEmpty() && powerfulGroups.isEmpty()) {
        ranker.add(Caps, u"needs.nothing"_s, kMedium,
                   recommendText(QT_TRANSLATE_NOOP(
                       "Deroot::Core::Recommend",
                       "It needs nothing an ordinary user lacks: run it as its own user under a hardened unit with no "
                       "capabilities at all.")));
        ranker.add(Sudo, u"needs.nothing"_s, -kMedium,
                   recommendText(QT_TRANSLATE_NOOP("Deroot::Core::Recommend",
                                                   "There is no privileged command to give it through sudo.")));
    }
    if (!commands.isEmpty()) {
        ranker.add(
            Sudo, u"needs.one-command"_s, kStrong + kMedium,
            recommendText(
                QT_TRANSLATE_NOOP(
                    "Deroot::Core::Recommend",
                    "It needs only to run %1 as root: a sudo rule for that command with fixed arguments beats any "
                    "capability on the agent itself."))
                .arg(commands.join(u", ")));
        ranker.add(Caps, u"needs.one-command"_s, -kMedium,
                   recommendText(QT_TRANSLATE_NOOP("Deroot::Core::Recommend",
                                                   "Capabilities on the agent would give it what only %1 needs."))
                       .arg(commands.join(u", ")));
    }
    if (!rootEquivalent.isEmpty()) {
        ranker.add(
            Caps, u"needs.root-equivalent"_s, -(kStrong + kWeak),
            recommendText(QT_TRANSLATE_NOOP(
                              "Deroot::Core::Recommend",
                              "It needs %1, which is root-equivalent: capabilities would be little better than root."))
                .arg(rootEquivalent.join(u", ")));
        ranker.add(Container, u"needs.root-equivalent"_s, kMedium,
                   recommendText(QT_TRANSLATE_NOOP("Deroot::Core::Recommend",
                                                   "Isolation limits what a root-equivalent capability can reach.")));
        if (!commands.isEmpty()) {
            ranker.add(Sudo, u"needs.root-equivalent"_s, kWeak,
                       recommendText(QT_TRANSLATE_NOOP(
                           "Deroot::Core::Recommend",
                           "A narrow sudo rule gives that power to one command, not to the whole agent.")));
        }
    }
    if (!powerfulGroups.isEmpty()) {
        ranker.add(Caps, u"needs.root-equivalent-group"_s, -kMedium,
                   recommendText(QT_TRANSLATE_NOOP("Deroot::Core::Recommend",
                                                   "It needs membership in %1, which amounts to root."))
                       .arg(powerfulGroups.join(u", ")));
    }
    if (isScript) {
        if (unitGrants) {
            ranker.add(Caps, u"script.ambient"_s, 0,
                       recommendText(QT_TRANSLATE_NOOP(
                           "Deroot::Core::Recommend",
                           "A script cannot hold file capabilities: the unit grants them with AmbientCapabilities= "
                           "instead.")));
        } else if (!required.isEmpty()) {
            ranker.infeasible(Caps, called ? u"script.called"_s : u"script.no-systemd"_s,
                              called
                                  ? recommendText(QT_TRANSLATE_NOOP(
                                        "Deroot::Core::Recommend",
                                        "A script cannot hold file capabilities, and a program another agent calls "
                                        "has no unit to grant them: give the one privileged command a sudo rule for "
                                        "the calling user."))
                                  : recommendText(QT_TRANSLATE_NOOP(
                                        "Deroot::Core::Recommend",
                                        "A script cannot hold file capabilities, and without systemd nothing else can "
                                        "grant them: give the one privileged command a sudo rule.")));
        }
    }
    if (!unitGrants && !isScript && !required.isEmpty()) {
        ranker.add(Caps, called ? u"called.setcap"_s : u"no-systemd.setcap"_s, -kMedium,
                   called
                       ? recommendText(QT_TRANSLATE_NOOP(
                             "Deroot::Core::Recommend",
                             "Another agent calls it, so it has no unit of its own: the capabilities must sit on the "
                             "file (setcap), and everyone who may run it gets them."))
                       : recommendText(QT_TRANSLATE_NOOP(
                             "Deroot::Core::Recommend",
                             "Without systemd the capabilities must sit on the file (setcap): everyone who may run "
                             "it gets them, and package upgrades drop them.")));
    }
    if (!package.isEmpty() && !required.isEmpty() && !isScript) {
        ranker.add(Caps, u"package.upgrade"_s, unitGrants ? 0 : -kWeak,
                   unitGrants
                       ? recommendText(
                             QT_TRANSLATE_NOOP(
                                 "Deroot::Core::Recommend",
                                 "Package %1 owns the program, and an upgrade unpacks a new file without the "
                                 "capabilities setcap gave the old one: the unit grants them with AmbientCapabilities= "
                                 "in a drop-in under /etc/systemd/system instead, which no package upgrade touches, so "
                                 "the grant survives upgrades by construction."))
                             .arg(package)
                       : recommendText(
                             QT_TRANSLATE_NOOP(
                                 "Deroot::Core::Recommend",
                                 "Package %1 owns the program: every upgrade drops capabilities set with setcap. "
                                 "Deroot's dpkg trigger and apt hook set them again after each one, but only while the "
                                 "program is the one approved (its SHA-256): a new version needs a new plan."))
                             .arg(package));
    } else if (unitGrants && !required.isEmpty() && !isScript) {
        ranker.add(Caps, u"ambient.upgrade"_s, 0,
                   recommendText(QT_TRANSLATE_NOOP(
                       "Deroot::Core::Recommend",
                       "The unit grants the capabilities with AmbientCapabilities= (a drop-in for a unit of the "
                       "vendor's), not on the program's file: an update of the program cannot drop them, so the grant "
                       "survives upgrades by construction.")));
    }
    if (called) {
        ranker.add(Container, u"called.container"_s, -kMedium,
                   recommendText(QT_TRANSLATE_NOOP(
                       "Deroot::Core::Recommend",
                       "Another agent calls it: a container would run it as a service of its own instead, which "
                       "changes how it is started.")));
        ranker.add(Sudo, u"called.sudo"_s, 0,
                   recommendText(QT_TRANSLATE_NOOP(
                       "Deroot::Core::Recommend",
                       "Another agent calls it: a sudo rule lets only that agent's user run it as root, with the "
                       "arguments it is called with.")));
    }
    if (report.catalog && !report.catalog->matches.isEmpty()) {
        const CatalogMatchSection &match = report.catalog->matches.constFirst();
        if (match.container && !match.container->unsuitable.isEmpty()) {
            ranker.infeasible(
                Container, u"catalog.container-unsuitable"_s,
                recommendText(QT_TRANSLATE_NOOP("Deroot::Core::Recommend",
                                                "Not in a hardened container: %1 (the catalog entry %2)."))
                    .arg(catalogText(match.container->unsuitable), match.id));
        } else if (match.container && !match.container->why.isEmpty()) {
            ranker.add(Container, u"catalog.container-host"_s, -kWeak,
                       recommendText(QT_TRANSLATE_NOOP("Deroot::Core::Recommend",
                                                       "A container must share the host's %1 for it: %2 (the catalog "
                                                       "entry %3)."))
                           .arg(containerHostWords(*match.container), catalogText(match.container->why), match.id));
        }
    }
    if (!answers.systemd) {
        ranker.add(Sudo, u"no-systemd"_s, 0,
                   recommendText(QT_TRANSLATE_NOOP(
                       "Deroot::Core::Recommend",
                       "Without systemd the agent's own start script runs it as its user and calls sudo for the "
                       "command.")));
    }

    Recommendation recommendation;
    recommendation.ranking = ranker.ranking();
    recommendation.privilegeBefore = currentPrivilege(report);
    for (MethodAssessment &assessment : recommendation.ranking) {
        StartChoice choice;
        choice.mode = answers.start;
        choice.systemd = answers.systemd;
        const GenerationInput input = buildGenerationInput(report, assessment.method, choice);
        assessment.privilegeAfter = plannedPrivilege(input);
        // Named for what it will do: a capabilities plan that grants none is a service user under
        // a hardened unit, and calling it "Linux capabilities" contradicts its own reasons.
        assessment.title = assessment.method == Method::Capabilities && input.capabilities.isEmpty()
                               ? kHardenedUnitTitle
                               : rowOf(assessment.method).name;
        assessment.suitability = suitabilityOf(assessment, &assessment == &recommendation.ranking.first());
    }
    for (const Finding &finding : report.findings) {
        if (finding.severity == Severity::Critical) {
            recommendation.blockers.append(finding.id + u": "_s + finding.message);
        }
    }
    return recommendation;
}

QString suitabilityId(Suitability suitability)
{
    switch (suitability) {
    case Suitability::Recommended:
        return u"recommended"_s;
    case Suitability::Possible:
        return u"possible"_s;
    case Suitability::NotNeeded:
        return u"not-needed"_s;
    case Suitability::NotSuitable:
        return u"not-suitable"_s;
    case Suitability::NotPossible:
        return u"not-possible"_s;
    }
    return {};
}

Result<Environment> parseEnvironment(QStringView word)
{
    if (word == u"bare-metal" || word == u"vm") {
        return Environment::BareMetalOrVm;
    }
    if (word == u"container" || word == u"kubernetes") {
        return Environment::ContainerPlatform;
    }
    if (word == u"legacy") {
        return Environment::Legacy;
    }
    return Error{ExitCode::Usage,
                 u"environment %1 is not one of bare-metal, vm, container, kubernetes, legacy"_s.arg(quoted(word))};
}

Result<Trust> parseTrust(QStringView word)
{
    if (word == u"own") {
        return Trust::Own;
    }
    if (word == u"vendor") {
        return Trust::Vendor;
    }
    if (word == u"untrusted" || word == u"third-party") {
        return Trust::Untrusted;
    }
    return Error{ExitCode::Usage, u"trust %1 is not one of own, vendor, untrusted"_s.arg(quoted(word))};
}

Result<StartMode> parseStartMode(QStringView word)
{
    if (word == u"service") {
        return StartMode::Service;
    }
    if (word == u"scheduled") {
        return StartMode::Scheduled;
    }
    if (word == u"called-by" || word == u"called_by") {
        return StartMode::CalledBy;
    }
    return Error{ExitCode::Usage, u"start %1 is not one of service, scheduled, called-by"_s.arg(quoted(word))};
}

QString environmentId(Environment environment)
{
    switch (environment) {
    case Environment::BareMetalOrVm:
        return u"bare-metal"_s;
    case Environment::ContainerPlatform:
        return u"container"_s;
    case Environment::Legacy:
        return u"legacy"_s;
    }
    return {};
}

QString trustId(Trust trust)
{
    switch (trust) {
    case Trust::Own:
        return u"own"_s;
    case Trust::Vendor:
        return u"vendor"_s;
    case Trust::Untrusted:
        return u"untrusted"_s;
    }
    return {};
}

QJsonObject toJson(const Recommendation &recommendation, const Answers &answers)
{
    QJsonArray ranking;
    int rank = 0;
    for (const MethodAssessment &assessment : recommendation.ranking) {
        const MethodRow &row = rowOf(assessment.method);
        QJsonArray considerations;
        for (const Consideration &consideration : assessment.considerations) {
            considerations.append(QJsonObject{
                {u"id"_s, consideration.id}, {u"weight"_s, consideration.weight}, {u"text"_s, consideration.text}});
        }
        ranking.append(QJsonObject{{u"rank"_s, ++rank},
                                   {u"method"_s, methodId(assessment.method)},
                                   {u"name"_s, QString::fromUtf8(row.name)},
                                   {u"title"_s, QString::fromUtf8(assessment.title)},
                                   {u"suitability"_s, suitabilityId(assessment.suitability)},
                                   {u"security"_s, QString::fromUtf8(row.security)},
                                   {u"complexity"_s, QString::fromUtf8(row.complexity)},
                                   {u"best_for"_s, QString::fromUtf8(row.bestFor)},
                                   {u"score"_s, assessment.score},
                                   {u"feasible"_s, assessment.feasible},
                                   {u"effective_privilege"_s, toJson(assessment.privilegeAfter)},
                                   {u"considerations"_s, considerations}});
    }
    return {{u"schema"_s, u"deroot.recommend/1"_s},
            {u"answers"_s, QJsonObject{{u"environment"_s, environmentId(answers.environment)},
                                       {u"trust"_s, trustId(answers.trust)},
                                       {u"systemd"_s, answers.systemd},
                                       {u"start"_s, answers.start ? startModeId(*answers.start) : u"detected"_s}}},
            {u"recommended"_s, methodId(recommendation.recommended())},
            {u"ranking"_s, ranking},
            {u"blockers"_s, QJsonArray::fromStringList(recommendation.blockers)},
            {u"effective_privilege_before"_s, toJson(recommendation.privilegeBefore)}};
}

namespace {

QString suitabilityNote(Suitability suitability)
{
    switch (suitability) {
    case Suitability::NotPossible:
        return u" (not possible here)"_s;
    case Suitability::NotNeeded:
        return u" (not needed here)"_s;
    case Suitability::NotSuitable:
        return u" (not suitable here)"_s;
    case Suitability::Recommended:
    case Suitability::Possible:
        break;
    }
    return {};
}

} // namespace

QString toText(const Recommendation &recommendation, const Answers &answers)
{
    const auto translate = [](const char *text) { return QCoreApplication::translate("Deroot::Core::Method", text); };
    QString out = u"Recommendation for %1, %2 agent, %3 systemd%4\n\n"_s.arg(
        environmentId(answers.environment), trustId(answers.trust), answers.systemd ? u"with"_s : u"without"_s,
        answers.start == StartMode::CalledBy    ? u", called by another agent"_s
        : answers.start == StartMode::Scheduled ? u", started on a schedule"_s
                                                : QString());
    // Each method named for what it does here ("Service user + hardened unit" for a capabilities
    // plan that grants none), in the guide's order.
    const auto titleOf = [&](Method method) {
        for (const MethodAssessment &assessment : recommendation.ranking) {
            if (assessment.method == method && assessment.title) {
                return translate(assessment.title);
            }
        }
        return translate(rowOf(method).name);
    };
    constexpr int kNameWidth = 28;
    out += u"    %1 %2 %3 %4\n"_s.arg(u"Method"_s.leftJustified(kNameWidth), u"Security"_s.leftJustified(11),
                                      u"Complexity"_s.leftJustified(11), u"Best for"_s);
    for (const MethodRow &row : methodTable()) {
        const bool chosen = row.method == recommendation.recommended();
        out += u"%1 %2 %3 %4 %5\n"_s.arg(chosen ? u" ->"_s : u"   "_s, titleOf(row.method).leftJustified(kNameWidth),
                                         translate(row.security).leftJustified(11),
                                         translate(row.complexity).leftJustified(11), translate(row.bestFor));
    }
    // Said once: it is true of every method, so it is no reason for one of them.
    out += u"\nEvery plan carries CPU, memory and task limits, so a runaway agent cannot take the machine down.\n"_s;
    if (!recommendation.blockers.isEmpty()) {
        out += u"\nFix first (no method is safe until then):\n"_s;
        for (const QString &blocker : recommendation.blockers) {
            out += u"  ! "_s + blocker + u'\n';
        }
    }
    // Today's number says what it stands on: measured, or only the case of running it as root.
    const PrivilegeScore &before = recommendation.privilegeBefore;
    out += before.basis == TodayBasis::HypotheticalRoot
               ? u"\nEffective privilege if run as root: %1 (%2; nothing runs it now and its file grants nothing)\n"_s
                     .arg(before.value)
                     .arg(before.verdict)
               : u"\nEffective privilege today: %1 (%2; %3)\n"_s.arg(before.value)
                     .arg(before.verdict, privilegeBasisText(before.basis));
    int rank = 0;
    for (const MethodAssessment &assessment : recommendation.ranking) {
        out += u"\n%1. %2%3: effective privilege %4 (%5)\n"_s.arg(++rank)
                   .arg(titleOf(assessment.method), suitabilityNote(assessment.suitability))
                   .arg(assessment.privilegeAfter.value)
                   .arg(assessment.privilegeAfter.verdict);
        for (const Consideration &consideration : assessment.considerations) {
            const QChar sign = consideration.weight > 0 ? u'+' : consideration.weight < 0 ? u'-' : u'*';
            out += u"   "_s + sign + u' ' + consideration.text + u'\n';
        }
    }
    return out;
}

} // namespace Deroot::Core
