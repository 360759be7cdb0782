// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/recommend/recommender.h"

#include "core/generate/generator.h"
#include "core/inspect/catalog.h"
#include "core/recommend/inputbuilder.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Deroot::Core::Method)
Q_DECLARE_METATYPE(Deroot::Core::Answers)
Q_DECLARE_METATYPE(Deroot::Core::InspectionReport)

class RecommenderTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ranking_data();
    void ranking();
    void scriptWithoutSystemdCannotHoldCapabilities();
    void calledProgramHasNoUnitToGrantCapabilities();
    void catalogSaysHowAContainerRunsIt();
    void criticalFindingsBlock();
    void answersParse_data();
    void answersParse();
    void jsonShape();
    void namedForWhatItDoes_data();
    void namedForWhatItDoes();
    void reasonsStandOnTheirOwn();
};

namespace {

constexpr int kNetRaw = 13;
constexpr int kSysAdmin = 21;

InspectionReport agent(const QList<int> &capabilities, const QStringList &commands = {}, bool script = false,
                       const QString &package = {})
{
    InspectionReport report;
    for (const int capability : capabilities) {
        report.needs.addCapability(capability, {u"elf"_s, u"evidence"_s});
    }
    for (const QString &command : commands) {
        Needs::add(report.needs.commands, command, {u"catalog"_s, u"runs it through sudo"_s});
    }
    if (script) {
        report.script = ScriptSection{u"/bin/sh"_s, QString()};
    }
    report.file.emplace().package = package;
    return report;
}

Answers answers(Environment environment, Trust trust = Trust::Vendor, bool systemd = true)
{
    return {environment, trust, systemd, std::nullopt};
}

} // namespace

void RecommenderTest::ranking_data()
{
    QTest::addColumn<InspectionReport>("report");
    QTest::addColumn<Answers>("answers");
    QTest::addColumn<Method>("first");
    QTest::addColumn<Method>("last");
    const auto bare = answers(Environment::BareMetalOrVm);
    QTest::addRow("network agent on a server: capabilities")
        << agent({kNetRaw}, {}, false, u"fping"_s) << bare << Method::Capabilities << Method::Sudo;
    QTest::addRow("agent that needs nothing: capabilities (none)")
        << agent({}) << bare << Method::Capabilities << Method::Sudo;
    QTest::addRow("Kubernetes: containers")
        << agent({kNetRaw}) << answers(Environment::ContainerPlatform) << Method::Container << Method::Sudo;
    QTest::addRow("legacy system: sudo") << agent({kNetRaw}) << answers(Environment::Legacy) << Method::Sudo
                                         << Method::Container;
    QTest::addRow("untrusted agent on a server: containers")
        << agent({kNetRaw}) << answers(Environment::BareMetalOrVm, Trust::Untrusted) << Method::Container
        << Method::Sudo;
    QTest::addRow("one privileged command: sudo beats capabilities")
        << agent({}, {u"/usr/sbin/smartctl"_s}) << bare << Method::Sudo << Method::Container;
    QTest::addRow("root-equivalent need: isolation over capabilities")
        << agent({kSysAdmin}) << bare << Method::Container << Method::Sudo;
    QTest::addRow("root-equivalent need of one command: the sudo rule")
        << agent({kSysAdmin}, {u"/usr/sbin/smartctl"_s}) << bare << Method::Sudo << Method::Capabilities;
}

void RecommenderTest::ranking()
{
    QFETCH(InspectionReport, report);
    QFETCH(Answers, answers);
    QFETCH(Method, first);
    QFETCH(Method, last);
    const Recommendation recommendation = recommend(report, answers);
    QCOMPARE(recommendation.ranking.size(), 3);
    QCOMPARE(recommendation.recommended(), first);
    QCOMPARE(recommendation.ranking.last().method, last);
    // Every plan carries the resource limits: true of every method, so no reason for one of them.
    for (const MethodAssessment &assessment : recommendation.ranking) {
        QVERIFY(std::none_of(assessment.considerations.cbegin(), assessment.considerations.cend(),
                             [](const Consideration &c) { return c.id == u"limits"; }));
        QVERIFY(assessment.title);
    }
    QCOMPARE(recommendation.ranking.first().suitability, Suitability::Recommended);
    QVERIFY(toText(recommendation, answers).count(u"CPU, memory and task limits"_s) == 1);
}

void RecommenderTest::scriptWithoutSystemdCannotHoldCapabilities()
{
    const Recommendation withSystemd = recommend(agent({kNetRaw}, {}, true), answers(Environment::BareMetalOrVm));
    QCOMPARE(withSystemd.recommended(), Method::Capabilities);
    const Recommendation without =
        recommend(agent({kNetRaw}, {}, true), answers(Environment::BareMetalOrVm, Trust::Vendor, false));
    QVERIFY(without.recommended() != Method::Capabilities);
    QCOMPARE(without.ranking.last().method, Method::Capabilities);
    QVERIFY(!without.ranking.last().feasible);
}

// The wizard's first walk with the start modes: a called fping was told that "the unit's
// AmbientCapabilities= grants them instead", but a called program has no unit.
void RecommenderTest::calledProgramHasNoUnitToGrantCapabilities()
{
    const auto considerationsOf = [](const Recommendation &recommendation, Method method) {
        QHash<QString, QString> texts;
        for (const MethodAssessment &assessment : recommendation.ranking) {
            if (assessment.method == method) {
                for (const Consideration &c : assessment.considerations) {
                    texts.insert(c.id, c.text);
                }
            }
        }
        return texts;
    };
    Answers service = answers(Environment::BareMetalOrVm);
    service.start = StartMode::Service;
    const auto asService =
        considerationsOf(recommend(agent({kNetRaw}, {}, false, u"fping"_s), service), Method::Capabilities);
    QVERIFY2(asService.value(u"package.upgrade"_s).contains(u"AmbientCapabilities="_s),
             qPrintable(asService.value(u"package.upgrade"_s)));
    // Why: the drop-in is never touched by a package, so the grant survives upgrades by construction.
    QVERIFY2(asService.value(u"package.upgrade"_s).contains(u"survives upgrades by construction"_s),
             qPrintable(asService.value(u"package.upgrade"_s)));
    // A program no package owns, under a unit: the same reason, said once.
    const auto unpackaged =
        considerationsOf(recommend(agent({kNetRaw}, {}, false, QString()), service), Method::Capabilities);
    QVERIFY2(unpackaged.value(u"ambient.upgrade"_s).contains(u"survives upgrades by construction"_s),
             qPrintable(unpackaged.keys().join(u' ')));
    QVERIFY(!asService.contains(u"called.setcap"_s));

    Answers called = answers(Environment::BareMetalOrVm);
    called.start = StartMode::CalledBy;
    const Recommendation recommendation = recommend(agent({kNetRaw}, {}, false, u"fping"_s), called);
    const auto caps = considerationsOf(recommendation, Method::Capabilities);
    QVERIFY(caps.contains(u"called.setcap"_s));
    QVERIFY2(!caps.value(u"package.upgrade"_s).contains(u"AmbientCapabilities="_s),
             qPrintable(caps.value(u"package.upgrade"_s)));
    QVERIFY(considerationsOf(recommendation, Method::Sudo).contains(u"called.sudo"_s));
    QVERIFY(considerationsOf(recommendation, Method::Container).contains(u"called.container"_s));
    QVERIFY(toText(recommendation, called)
                .startsWith(u"Recommendation for bare-metal, vendor agent, with systemd, "
                            u"called by another agent\n"_s));
    QCOMPARE(toJson(recommendation, called).value(u"answers"_s).toObject().value(u"start"_s).toString(),
             u"called_by"_s);
    QCOMPARE(toJson(recommendation, service).value(u"answers"_s).toObject().value(u"start"_s).toString(), u"service"_s);

    // A called script cannot hold file capabilities and has no unit: only the caller's sudo rule.
    const Recommendation script = recommend(agent({kNetRaw}, {}, true), called);
    QCOMPARE(script.ranking.last().method, Method::Capabilities);
    QVERIFY(!script.ranking.last().feasible);
    QVERIFY(considerationsOf(script, Method::Capabilities).contains(u"script.called"_s));
}

// P15 of the usability review: the container method made "registry.example/<agent>:latest" and
// a node exporter that measured its own container. The catalog now names the upstream image and
// the host access, or why a hardened container cannot run the agent.
void RecommenderTest::catalogSaysHowAContainerRunsIt()
{
    const auto catalog = AgentCatalog::loadBuiltin();
    QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().message));
    const auto containerOf = [](const Recommendation &recommendation) {
        for (const MethodAssessment &assessment : recommendation.ranking) {
            if (assessment.method == Method::Container) {
                return assessment;
            }
        }
        return MethodAssessment{};
    };
    const auto ids = [](const MethodAssessment &assessment) {
        QStringList result;
        for (const Consideration &c : assessment.considerations) {
            result << c.id;
        }
        return result;
    };

    InspectionReport node = agent({});
    node.file->canonicalPath = u"/usr/bin/prometheus-node-exporter"_s;
    QVERIFY(catalog->apply(CatalogMatch{u"node_exporter"_s, {MatchKind::ExecutablePath}}, node));
    const MethodAssessment nodeContainer = containerOf(recommend(node, answers(Environment::ContainerPlatform)));
    QVERIFY(nodeContainer.feasible);
    QVERIFY2(ids(nodeContainer).contains(u"catalog.container-host"_s), qPrintable(ids(nodeContainer).join(u' ')));

    const GenerationInput input = buildGenerationInput(node, Method::Container, StartChoice{});
    QCOMPARE(input.containerImage, u"quay.io/prometheus/node-exporter"_s);
    QVERIFY(input.containerHost.network && input.containerHost.pid && input.containerHost.root);
    const auto plan = generatePlan(input);
    QVERIFY2(plan, plan ? "" : qPrintable(plan.error().message));
    QString dockerRun;
    for (const Artifact &artifact : plan->artifacts) {
        if (artifact.id == u"docker-run") {
            dockerRun = artifact.content;
        }
    }
    for (const QString &flag : {u"--network host"_s, u"--pid host"_s, u"-v /:/host:ro,rslave"_s, u"--read-only"_s,
                                u"--cap-drop ALL"_s, u"--user 65534:65534"_s, u"--path.rootfs=/host"_s}) {
        QVERIFY2(dockerRun.contains(flag), qPrintable(flag + u'\n' + dockerRun));
    }
    // Every other method ignores what the catalog says of containers.
    const GenerationInput caps = buildGenerationInput(node, Method::Capabilities, StartChoice{});
    QVERIFY(caps.containerImage.isEmpty());
    QCOMPARE(caps.containerHost, ContainerHostAccess{});

    InspectionReport advisor = agent({});
    QVERIFY(catalog->apply(CatalogMatch{u"cadvisor"_s, {MatchKind::ExecutableName}}, advisor));
    const Recommendation recommendation = recommend(advisor, answers(Environment::ContainerPlatform));
    const MethodAssessment advisorContainer = containerOf(recommendation);
    QVERIFY(!advisorContainer.feasible);
    QVERIFY(recommendation.recommended() != Method::Container);
    QVERIFY(ids(advisorContainer).contains(u"catalog.container-unsuitable"_s));
    QVERIFY(std::any_of(advisorContainer.considerations.cbegin(), advisorContainer.considerations.cend(),
                        [](const Consideration &c) { return c.text.contains(u"container runtime"_s); }));
}

void RecommenderTest::criticalFindingsBlock()
{
    InspectionReport report = agent({kNetRaw});
    report.addFinding(u"file.writable-by-others"_s, Severity::Critical, u"Someone can change it."_s);
    const Recommendation recommendation = recommend(report, answers(Environment::BareMetalOrVm));
    QCOMPARE(recommendation.blockers.size(), 1);
    QVERIFY(recommendation.blockers.first().startsWith(u"file.writable-by-others"_s));
}

void RecommenderTest::answersParse_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<bool>("environmentOk");
    QTest::addColumn<bool>("trustOk");
    QTest::addRow("bare-metal") << u"bare-metal"_s << true << false;
    QTest::addRow("kubernetes") << u"kubernetes"_s << true << false;
    QTest::addRow("untrusted") << u"untrusted"_s << false << true;
    QTest::addRow("newline") << u"legacy\n"_s << false << false;
    QTest::addRow("empty") << QString() << false << false;
}

void RecommenderTest::answersParse()
{
    QFETCH(QString, word);
    QFETCH(bool, environmentOk);
    QFETCH(bool, trustOk);
    QCOMPARE(parseEnvironment(word).ok(), environmentOk);
    QCOMPARE(parseTrust(word).ok(), trustOk);
    QVERIFY(!parseStartMode(word).ok());
    if (!parseEnvironment(word).ok()) {
        QVERIFY(!parseEnvironment(word).error().message.contains(u'\n'));
        QCOMPARE(parseEnvironment(word).error().code, ExitCode::Usage);
    }
}

void RecommenderTest::jsonShape()
{
    QCOMPARE(*parseStartMode(u"called-by"), StartMode::CalledBy);
    QCOMPARE(*parseStartMode(u"scheduled"), StartMode::Scheduled);
    QCOMPARE(parseStartMode(u"cron").error().code, ExitCode::Usage);
    const Answers a = answers(Environment::BareMetalOrVm);
    const QJsonObject json = toJson(recommend(agent({kNetRaw}), a), a);
    QCOMPARE(json.value(u"answers"_s).toObject().value(u"start"_s).toString(), u"detected"_s);
    QCOMPARE(json.value(u"schema"_s).toString(), u"deroot.recommend/1"_s);
    QCOMPARE(json.value(u"recommended"_s).toString(), u"caps"_s);
    const QJsonArray ranking = json.value(u"ranking"_s).toArray();
    QCOMPARE(ranking.size(), 3);
    QCOMPARE(ranking.first().toObject().value(u"security"_s).toString(), u"High"_s);
    QVERIFY(!ranking.first().toObject().value(u"considerations"_s).toArray().isEmpty());
    QVERIFY(toText(recommend(agent({kNetRaw}), a), a).contains(u" -> Linux capabilities"_s));
}

// P9/P13: a reason never sends the reader to "the guide", a document Deroot does not ship; the
// ids that name the guide's table stay, since scripts read them.
void RecommenderTest::reasonsStandOnTheirOwn()
{
    QSet<QString> guideIds;
    for (const Environment environment :
         {Environment::BareMetalOrVm, Environment::ContainerPlatform, Environment::Legacy}) {
        for (const Trust trust : {Trust::Own, Trust::Vendor, Trust::Untrusted}) {
            for (const bool systemd : {true, false}) {
                const Answers a = answers(environment, trust, systemd);
                for (const InspectionReport &report : {agent({kNetRaw}, {}, false, u"fping"_s), agent({}),
                                                       agent({}, {u"/usr/sbin/smartctl"_s}), agent({kSysAdmin})}) {
                    const Recommendation recommendation = recommend(report, a);
                    for (const MethodAssessment &method : recommendation.ranking) {
                        for (const Consideration &reason : method.considerations) {
                            QVERIFY2(!reason.text.contains(u"guide"_s, Qt::CaseInsensitive), qPrintable(reason.text));
                            if (reason.id.startsWith(u"guide."_s)) {
                                guideIds.insert(reason.id);
                            }
                        }
                    }
                    QVERIFY(!toText(recommendation, a).contains(u"guide"_s, Qt::CaseInsensitive));
                }
            }
        }
    }
    QCOMPARE(guideIds, (QSet<QString>{u"guide.bare-metal"_s, u"guide.container-platform"_s, u"guide.legacy"_s,
                                      u"guide.untrusted"_s}));
}

void RecommenderTest::namedForWhatItDoes_data()
{
    QTest::addColumn<InspectionReport>("report");
    QTest::addColumn<Answers>("answers");
    QTest::addColumn<QString>("capsTitle");
    QTest::addColumn<QString>("capsSuitability");
    QTest::addColumn<QString>("sudoSuitability");
    QTest::addColumn<QString>("containerSuitability");
    const auto bare = answers(Environment::BareMetalOrVm);
    Answers called = bare;
    called.start = StartMode::CalledBy;
    // The usability review's node exporter: "Linux capabilities", then "no capabilities at all",
    // and sudo "Possible" with nothing but "no privileged command" to say for it.
    QTest::addRow("node_exporter-like: needs nothing")
        << agent({}, {}, false, u"prometheus-node-exporter"_s) << bare << u"Service user + hardened unit"_s
        << u"recommended"_s << u"not-needed"_s << u"possible"_s;
    QTest::addRow("fping-like service: cap_net_raw")
        << agent({kNetRaw}, {}, false, u"fping"_s) << bare << u"Linux capabilities"_s << u"recommended"_s
        << u"possible"_s << u"possible"_s;
    QTest::addRow("fping-like, called by another agent")
        << agent({kNetRaw}, {}, false, u"fping"_s) << called << u"Linux capabilities"_s << u"recommended"_s
        << u"possible"_s << u"possible"_s;
    QTest::addRow("script needing a capability without systemd")
        << agent({kNetRaw}, {}, true) << answers(Environment::BareMetalOrVm, Trust::Vendor, false)
        << u"Linux capabilities"_s << u"not-possible"_s << u"possible"_s << u"recommended"_s;
    // Moving it into a container changes how it runs, which a legacy system does not allow.
    QTest::addRow("legacy system: a container is not suitable")
        << agent({kNetRaw}) << answers(Environment::Legacy) << u"Linux capabilities"_s << u"possible"_s
        << u"recommended"_s << u"not-suitable"_s;
}

void RecommenderTest::namedForWhatItDoes()
{
    QFETCH(InspectionReport, report);
    QFETCH(Answers, answers);
    QFETCH(QString, capsTitle);
    QFETCH(QString, capsSuitability);
    QFETCH(QString, sudoSuitability);
    QFETCH(QString, containerSuitability);
    const Recommendation recommendation = recommend(report, answers);
    QHash<QString, QJsonObject> byMethod;
    const QJsonObject json = toJson(recommendation, answers);
    for (const QJsonValue &value : json.value(u"ranking"_s).toArray()) {
        byMethod.insert(value[u"method"_s].toString(), value.toObject());
    }
    // The method id and the guide's name stay as they were: only the title says what it does.
    QCOMPARE(byMethod.value(u"caps"_s).value(u"name"_s).toString(), u"Linux capabilities"_s);
    QCOMPARE(byMethod.value(u"caps"_s).value(u"title"_s).toString(), capsTitle);
    QCOMPARE(byMethod.value(u"caps"_s).value(u"suitability"_s).toString(), capsSuitability);
    QCOMPARE(byMethod.value(u"sudo"_s).value(u"suitability"_s).toString(), sudoSuitability);
    QCOMPARE(byMethod.value(u"container"_s).value(u"suitability"_s).toString(), containerSuitability);
    // The terminal form says the same.
    const QString text = toText(recommendation, answers);
    QVERIFY2(text.contains(capsTitle + u": effective privilege"_s) ||
                 text.contains(capsTitle + u" (not possible here): effective privilege"_s),
             qPrintable(text));
    if (sudoSuitability == u"not-needed") {
        QVERIFY2(text.contains(u"Sudo rules (not needed here)"_s), qPrintable(text));
    }
    if (containerSuitability == u"not-suitable") {
        QVERIFY2(text.contains(u"Containerization (not suitable here)"_s), qPrintable(text));
    }
}

QTEST_GUILESS_MAIN(RecommenderTest)
#include "recommender_test.moc"
