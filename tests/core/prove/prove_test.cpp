// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The pure part of derootctl prove: the trial's unit properties taken from the generated unit,
// the judgement of one trial and the verdicts from the trials. The runner on real systemd is
// tested in the booted test host (tests/host/prove_test.cpp).
#include "core/generate/inputvalidation.h"
#include "core/generate/systemdunit.h"
#include "core/prove/prove.h"

#include <QJsonArray>
#include <QTest>

#include <functional>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

using Change = std::function<void(GenerationInput &)>;
Q_DECLARE_METATYPE(Change)
Q_DECLARE_METATYPE(TrialOutcome)

class ProveTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void provePlanCovers_data();
    void provePlanCovers();
    void propertiesAreTheGeneratedUnits();
    void withoutCapability();
    void execStartWords_data();
    void execStartWords();
    void judgeTrial_data();
    void judgeTrial();
    void verdicts_data();
    void verdicts();
    void failingBaselineIsNotAblated();
};

namespace {

constexpr int kCapNetBindService = 10;
constexpr int kCapNetRaw = 13;
constexpr int kCapSysTime = 25;

GenerationInput nginxInput()
{
    GenerationInput input;
    input.agentId = u"nginx"_s;
    input.description = u"nginx"_s;
    input.serviceUser = u"www-data"_s;
    input.executable = u"/usr/sbin/nginx"_s;
    input.arguments = {u"-g"_s, u"daemon off;"_s};
    input.packageName = u"nginx"_s;
    input.capabilities = {kCapSysTime, kCapNetBindService};
    input.listenPorts = {{u"tcp"_s, 80}};
    return input;
}

QString value(const QList<UnitProperty> &properties, const QString &key)
{
    QStringList values;
    for (const UnitProperty &property : properties) {
        if (property.key == key) {
            values << property.value;
        }
    }
    return values.join(u'|');
}

TrialOutcome running(QList<TrialSocket> sockets = {{u"tcp"_s, 80}})
{
    TrialOutcome outcome;
    outcome.started = true;
    outcome.runningAtEnd = true;
    outcome.sockets = std::move(sockets);
    return outcome;
}

TrialOutcome ended(const QString &code, const QString &status)
{
    TrialOutcome outcome;
    outcome.started = true;
    outcome.exited = true;
    outcome.exitCode = code;
    outcome.exitStatus = status;
    return outcome;
}

// A runner that answers from the capabilities a trial gets: the agent "needs" @p needed, and
// records every set of properties it was given. The real one is SystemdTrialRunner (host test).
class CapabilityRunner final : public TrialRunner
{
public:
    CapabilityRunner(QStringList needed, bool baselineWorks)
        : m_needed(std::move(needed))
        , m_baselineWorks(baselineWorks)
    {}
    TrialOutcome run(const ProvePlan &, const QList<UnitProperty> &properties, int) override
    {
        calls << properties;
        const QStringList granted = value(properties, u"AmbientCapabilities"_s).split(u' ', Qt::SkipEmptyParts);
        if (!m_baselineWorks) {
            return ended(u"exited"_s, u"1"_s);
        }
        for (const QString &capability : m_needed) {
            if (!granted.contains(capability)) {
                return running({}); // runs, but could not bind its port
            }
        }
        return running();
    }
    QList<QList<UnitProperty>> calls;

private:
    QStringList m_needed;
    bool m_baselineWorks;
};

} // namespace

void ProveTest::provePlanCovers_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<int>("code"); // 0: covered
    QTest::addColumn<QString>("message");

    QTest::newRow("unit of Deroot's own") << Change([](GenerationInput &) {}) << 0 << QString();
    QTest::newRow("scheduled oneshot") << Change([](GenerationInput &input) {
        input.startMode = StartMode::Scheduled;
        input.schedule = u"hourly"_s;
        input.listenPorts.clear();
    }) << 0 << QString();
    QTest::newRow("sudo method") << Change([](GenerationInput &input) {
        input.method = Method::Sudo;
        input.capabilities.clear();
        input.sudoCommands = {{u"/usr/sbin/smartctl"_s, {u"--scan"_s}, true, false}};
    }) << toInt(ExitCode::Unavailable)
                                 << u"this plan's method is sudo"_s;
    QTest::newRow("container method") << Change([](GenerationInput &input) {
        input.method = Method::Container;
        input.containerImage = u"docker.io/library/nginx:1.27"_s;
    }) << toInt(ExitCode::Unavailable) << u"this plan's method is container"_s;
    QTest::newRow("called program") << Change([](GenerationInput &input) {
        input.startMode = StartMode::CalledBy;
        input.serviceUser.clear();
        input.listenPorts.clear();
    }) << toInt(ExitCode::Unavailable)
                                    << u"file capabilities"_s;
    QTest::newRow("no systemd") << Change([](GenerationInput &input) { input.runsUnderSystemd = false; })
                                << toInt(ExitCode::Unavailable) << u"file capabilities"_s;
    QTest::newRow("drop-in for the vendor's unit")
        << Change([](GenerationInput &input) { input.existingUnit = u"nginx.service"_s; })
        << toInt(ExitCode::Unavailable) << u"drop-in for nginx.service"_s;
}

void ProveTest::provePlanCovers()
{
    QFETCH(Change, change);
    QFETCH(int, code);
    QFETCH(QString, message);
    GenerationInput input = nginxInput();
    change(input);
    const std::optional<Error> invalid = validateGenerationInput(input);
    QVERIFY2(!invalid, qPrintable(invalid ? invalid->message : QString()));
    const Result<ProvePlan> plan = provePlan(input);
    if (code == 0) {
        QVERIFY2(plan.ok(), qPrintable(plan.error().message));
        QCOMPARE(plan->oneshot, input.startMode == StartMode::Scheduled);
        QCOMPARE(value(plan->properties, u"Type"_s), plan->oneshot ? u"oneshot"_s : u"simple"_s);
        return;
    }
    QVERIFY(!plan.ok());
    QCOMPARE(toInt(plan.error().code), code);
    QVERIFY2(plan.error().message.contains(message), qPrintable(plan.error().message));
}

void ProveTest::propertiesAreTheGeneratedUnits()
{
    const GenerationInput input = nginxInput();
    const Result<ProvePlan> plan = provePlan(input);
    QVERIFY(plan.ok());
    QCOMPARE(plan->unit, u"deroot-nginx.service"_s);
    QCOMPARE(plan->capabilities, (QStringList{u"CAP_NET_BIND_SERVICE"_s, u"CAP_SYS_TIME"_s}));
    QCOMPARE(plan->listenPorts, input.listenPorts);
    // Every line of the generated [Service] section, in order, but the restart policy: a trial
    // must see the first failure.
    const QString unit = systemdUnit(input).content;
    const QString service = unit.section(u"[Service]\n"_s, 1).section(u"\n\n"_s, 0, 0);
    QStringList expected;
    for (const QString &line : service.split(u'\n', Qt::SkipEmptyParts)) {
        if (line == u"Restart=on-failure") {
            expected << u"Restart=no"_s;
        } else if (!line.startsWith(u"RestartSec=")) {
            expected << line;
        }
    }
    QStringList got;
    for (const UnitProperty &property : plan->properties) {
        got << property.key + u'=' + property.value;
    }
    QCOMPARE(got, expected);
    QVERIFY(got.contains(u"User=www-data"_s));
    QVERIFY(got.contains(u"NoNewPrivileges=yes"_s));
    QVERIFY(got.contains(u"ExecStart=/usr/sbin/nginx -g \"daemon off;\""_s));
    QVERIFY(got.contains(u"SystemCallFilter=@clock"_s));
}

void ProveTest::withoutCapability()
{
    GenerationInput input = nginxInput();
    input.capabilities << kCapNetRaw;
    const Result<ProvePlan> plan = provePlan(input);
    QVERIFY(plan.ok());
    const QList<UnitProperty> without = Deroot::Core::withoutCapability(plan->properties, u"CAP_NET_RAW"_s);
    QCOMPARE(value(without, u"AmbientCapabilities"_s), u"CAP_NET_BIND_SERVICE CAP_SYS_TIME"_s);
    QCOMPARE(value(without, u"CapabilityBoundingSet"_s), u"CAP_NET_BIND_SERVICE CAP_SYS_TIME"_s);
    // Nothing else changes: the system call filter keeps what the plan gives back.
    QCOMPARE(without.size(), plan->properties.size());
    for (qsizetype i = 0; i < without.size(); ++i) {
        if (without.at(i).key != u"AmbientCapabilities" && without.at(i).key != u"CapabilityBoundingSet") {
            QCOMPARE(without.at(i), plan->properties.at(i));
        }
    }
    // The last capability out leaves both sets empty: no capability at all, not the full set.
    input.capabilities = {kCapNetBindService};
    const Result<ProvePlan> single = provePlan(input);
    const QList<UnitProperty> none = Deroot::Core::withoutCapability(single->properties, u"CAP_NET_BIND_SERVICE"_s);
    QCOMPARE(value(none, u"AmbientCapabilities"_s), QString());
    QCOMPARE(value(none, u"CapabilityBoundingSet"_s), QString());
}

void ProveTest::execStartWords_data()
{
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("plain") << QStringList{u"-c"_s, u"/etc/x.conf"_s};
    QTest::newRow("space and semicolon") << QStringList{u"-g"_s, u"daemon off;"_s};
    QTest::newRow("lone semicolon") << QStringList{u";"_s};
    QTest::newRow("single quote") << QStringList{u"it's"_s};
    QTest::newRow("empty word") << QStringList{QString(), u"x"_s};
    QTest::newRow("dollar stays doubled for systemd") << QStringList{u"$HOME/x"_s};
    QTest::newRow("environment reference") << QStringList{u"$ARGS"_s, u"${ONE}"_s};
    QTest::newRow("no arguments") << QStringList{};
}

void ProveTest::execStartWords()
{
    QFETCH(QStringList, arguments);
    GenerationInput input = nginxInput();
    input.arguments = arguments;
    QVERIFY(!validateGenerationInput(input));
    const Result<ProvePlan> plan = provePlan(input);
    QVERIFY(plan.ok());
    QStringList expected{input.executable};
    for (QString argument : arguments) {
        // "$$" is how the unit file writes a literal '$'; systemd turns it back at start, for a
        // transient unit as for a file. A lone reference stays as it is.
        if (!argument.startsWith(u"$A") && !argument.startsWith(u"${")) {
            argument.replace(u"$"_s, u"$$"_s);
        }
        expected << argument;
    }
    QCOMPARE(Deroot::Core::execStartWords(value(plan->properties, u"ExecStart"_s)), expected);
}

void ProveTest::judgeTrial_data()
{
    QTest::addColumn<bool>("oneshot");
    QTest::addColumn<TrialOutcome>("outcome");
    QTest::addColumn<QStringList>("problems");

    QTest::newRow("runs and listens") << false << running() << QStringList{};
    QTest::newRow("runs, listens on more") << false << running({{u"tcp"_s, 80}, {u"tcp"_s, 8080}}) << QStringList{};
    QTest::newRow("runs, not listening") << false << running({}) << QStringList{u"not listening on tcp/80"_s};
    QTest::newRow("udp is not tcp") << false << running({{u"udp"_s, 80}}) << QStringList{u"not listening on tcp/80"_s};
    QTest::newRow("exited early") << false << ended(u"exited"_s, u"1"_s)
                                  << QStringList{u"exited with status 1 before the time was up"_s};
    QTest::newRow("exited 0 early is no daemon")
        << false << ended(u"exited"_s, u"0"_s) << QStringList{u"exited with status 0 before the time was up"_s};
    QTest::newRow("killed") << false << ended(u"killed"_s, u"SYS"_s)
                            << QStringList{u"was killed by signal SYS before the time was up"_s};
    QTest::newRow("dumped") << false << ended(u"dumped"_s, u"SEGV"_s)
                            << QStringList{u"dumped core on signal SEGV before the time was up"_s};
    TrialOutcome notStarted;
    notStarted.startError = u"Unknown assignment: X=1"_s;
    QTest::newRow("never started") << false << notStarted << QStringList{u"did not start: Unknown assignment: X=1"_s};
    TrialOutcome gone = running({});
    gone.runningAtEnd = false;
    QTest::newRow("gone without status") << false << gone << QStringList{u"was not running when the time was up"_s};
    TrialOutcome checkFailed = running();
    checkFailed.checkRun = true;
    checkFailed.checkExitCode = 7;
    QTest::newRow("check failed") << false << checkFailed << QStringList{u"the check command failed (exit code 7)"_s};
    TrialOutcome checkHung = checkFailed;
    checkHung.checkExitCode = -1;
    QTest::newRow("check hung") << false << checkHung
                                << QStringList{u"the check command did not finish in time or did not start"_s};
    TrialOutcome checkPassed = running();
    checkPassed.checkRun = true;
    checkPassed.checkExitCode = 0;
    QTest::newRow("check passed") << false << checkPassed << QStringList{};

    QTest::newRow("oneshot exits 0") << true << ended(u"exited"_s, u"0"_s) << QStringList{};
    QTest::newRow("oneshot exits 2") << true << ended(u"exited"_s, u"2"_s) << QStringList{u"exited with status 2"_s};
    TrialOutcome slow = running({});
    QTest::newRow("oneshot still running") << true << slow << QStringList{u"was still running when the time was up"_s};
}

void ProveTest::judgeTrial()
{
    QFETCH(bool, oneshot);
    QFETCH(TrialOutcome, outcome);
    QFETCH(QStringList, problems);
    ProvePlan plan;
    plan.oneshot = oneshot;
    plan.listenPorts = oneshot ? QList<ListenPort>{} : QList<ListenPort>{{u"tcp"_s, 80}};
    const TrialHealth health = Deroot::Core::judgeTrial(plan, outcome);
    QCOMPARE(health.problems, problems);
    QCOMPARE(health.healthy, problems.isEmpty());
}

void ProveTest::verdicts_data()
{
    QTest::addColumn<QStringList>("needed");
    QTest::addColumn<QStringList>("shown");
    QTest::addColumn<QStringList>("notShown");

    const QString bind = u"CAP_NET_BIND_SERVICE"_s;
    const QString time = u"CAP_SYS_TIME"_s;
    QTest::newRow("one needed, one added") << QStringList{bind} << QStringList{bind} << QStringList{time};
    QTest::newRow("both needed") << QStringList{bind, time} << QStringList{bind, time} << QStringList{};
    QTest::newRow("none needed") << QStringList{} << QStringList{} << QStringList{bind, time};
}

void ProveTest::verdicts()
{
    QFETCH(QStringList, needed);
    QFETCH(QStringList, shown);
    QFETCH(QStringList, notShown);
    const Result<ProvePlan> plan = provePlan(nginxInput());
    QVERIFY(plan.ok());
    CapabilityRunner runner(needed, true);
    QStringList heard;
    const ProveReport report = prove(*plan, 3, QString(), runner, [&](const TrialRecord &record) {
        heard << (record.withoutCapability.isEmpty() ? u"baseline"_s : record.withoutCapability);
    });
    QCOMPARE(heard, (QStringList{u"baseline"_s, u"CAP_NET_BIND_SERVICE"_s, u"CAP_SYS_TIME"_s}));
    QVERIFY(report.baselineHealthy());
    QStringList gotShown;
    for (const CapabilityFinding &finding : report.capabilities) {
        if (finding.verdict == ProofVerdict::ShownNecessary) {
            gotShown << finding.capability;
            QCOMPARE(finding.evidence, QStringList{u"not listening on tcp/80"_s});
        } else {
            QVERIFY(finding.evidence.isEmpty());
        }
    }
    QCOMPARE(gotShown, shown);
    QCOMPARE(report.notShownNecessary(), notShown);
    // Each trial after the baseline went without exactly its capability, in both sets.
    QCOMPARE(runner.calls.size(), 3);
    QCOMPARE(value(runner.calls.at(1), u"CapabilityBoundingSet"_s), u"CAP_SYS_TIME"_s);
    QCOMPARE(value(runner.calls.at(2), u"AmbientCapabilities"_s), u"CAP_NET_BIND_SERVICE"_s);

    const QJsonObject json = proveReportToJson(report);
    QCOMPARE(json.value(u"schema"_s).toString(), u"deroot.prove/1"_s);
    QCOMPARE(json.value(u"works"_s).toBool(), true);
    QCOMPARE(json.value(u"not_shown_necessary"_s).toArray(), QJsonArray::fromStringList(notShown));
    QCOMPARE(json.value(u"verdicts"_s).toArray().size(), 2);
}

void ProveTest::failingBaselineIsNotAblated()
{
    const Result<ProvePlan> plan = provePlan(nginxInput());
    QVERIFY(plan.ok());
    CapabilityRunner runner({}, false);
    const ProveReport report = prove(*plan, 3, QString(), runner);
    QVERIFY(!report.baselineHealthy());
    QCOMPARE(runner.calls.size(), 1);
    QVERIFY(report.trials.isEmpty());
    QVERIFY(report.capabilities.isEmpty());
    QVERIFY(report.notShownNecessary().isEmpty());
    QCOMPARE(report.baseline.health.problems, QStringList{u"exited with status 1 before the time was up"_s});
    QCOMPARE(proveReportToJson(report).value(u"works"_s).toBool(), false);
}

QTEST_GUILESS_MAIN(ProveTest)
#include "prove_test.moc"
