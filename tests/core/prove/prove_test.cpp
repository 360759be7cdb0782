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
    void withSetting();
    void sandboxTrials_data();
    void sandboxTrials();
    void sandboxVerdicts();
    void sandboxAfterFailingBaseline();
    void dropInPlanIsTheDropIn();
    void serviceSectionText_data();
    void serviceSectionText();
    void resolveUnitSpecifiers_data();
    void resolveUnitSpecifiers();
    void effectiveSettingsFollowTheFileNames();
    void managedDirectories();
    void trialUnitFiles();
    void dropInSandboxTrialsReadTheVendorUnit();
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

// A runner for the sandbox trials: the agent needs AF_INET6 (it listens on [::]:80) and a home
// directory to write, so a trial without either does not listen; everything else it tolerates.
class SandboxRunner final : public TrialRunner
{
public:
    TrialOutcome run(const ProvePlan &, const QList<UnitProperty> &properties, int) override
    {
        calls << properties;
        const QString families = value(properties, u"RestrictAddressFamilies"_s);
        if (!families.isEmpty() && !families.split(u' ').contains(u"AF_INET6"_s)) {
            return running({});
        }
        if (value(properties, u"ProtectHome"_s) != u"no"_s) {
            return ended(u"exited"_s, u"1"_s);
        }
        return running();
    }
    QList<QList<UnitProperty>> calls;
};

// Without @p key and the device lines, the two property lists must be equal: a sandbox trial
// changes only its setting.
QList<UnitProperty> without(QList<UnitProperty> properties, const QStringList &keys)
{
    properties.removeIf([&](const UnitProperty &property) { return keys.contains(property.key); });
    return properties;
}

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
        << Change([](GenerationInput &input) { input.existingUnit = u"nginx.service"_s; }) << 0 << QString();
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
        QCOMPARE(plan->vendorUnit, input.existingUnit);
        // A drop-in leaves the type to the vendor's unit (loadVendorUnit() reads it).
        QCOMPARE(value(plan->properties, u"Type"_s), plan->isDropIn() ? QString()
                                                     : plan->oneshot  ? u"oneshot"_s
                                                                      : u"simple"_s);
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

void ProveTest::withSetting()
{
    const QList<UnitProperty> properties{{u"A"_s, u"1"_s}, {u"B"_s, u"2"_s}, {u"A"_s, u"3"_s}, {u"C"_s, u"4"_s}};
    // The first line takes the value, later ones go, the order stays.
    QCOMPARE(Deroot::Core::withSetting(properties, u"A"_s, u"9"_s),
             (QList<UnitProperty>{{u"A"_s, u"9"_s}, {u"B"_s, u"2"_s}, {u"C"_s, u"4"_s}}));
    // A key the unit lacks is added at the end.
    const QList<UnitProperty> added = properties + QList<UnitProperty>{{u"D"_s, u"5"_s}};
    QCOMPARE(Deroot::Core::withSetting(properties, u"D"_s, u"5"_s), added);
    // A drop-in's empty assignment stays before the value: it empties the vendor's list.
    const QList<UnitProperty> dropIn{{u"R"_s, QString()}, {u"R"_s, u"AF_UNIX AF_INET"_s}, {u"B"_s, u"2"_s}};
    QCOMPARE(Deroot::Core::withSetting(dropIn, u"R"_s, u"AF_UNIX"_s),
             (QList<UnitProperty>{{u"R"_s, QString()}, {u"R"_s, u"AF_UNIX"_s}, {u"B"_s, u"2"_s}}));
    QCOMPARE(Deroot::Core::withSetting({{u"R"_s, QString()}}, u"R"_s, u"AF_UNIX"_s),
             (QList<UnitProperty>{{u"R"_s, QString()}, {u"R"_s, u"AF_UNIX"_s}}));
}

void ProveTest::sandboxTrials_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("unitValue");
    QTest::addColumn<QString>("skip"); // the start of the reason; empty: tried

    const Change none = [](GenerationInput &) {};
    const Change device = [](GenerationInput &input) { input.devices = {u"/dev/net/tun"_s}; };
    const Change home = [](GenerationInput &input) { input.writePaths = {u"/home/agent/state"_s}; };
    const Change quiet = [](GenerationInput &input) {
        input.listenPorts.clear();
        input.addressFamilies = {u"AF_INET"_s};
    };
    const Change offline = [](GenerationInput &input) { input.listenPorts.clear(); };
    QTest::newRow("devices the plan allows: tried")
        << device << u"PrivateDevices"_s << u"yes"_s << u"no"_s << QString();
    QTest::newRow("private devices already")
        << none << u"PrivateDevices"_s << u"yes"_s << u"yes"_s << u"the unit has PrivateDevices=yes already"_s;
    QTest::newRow("CAP_SYS_RAWIO would go with the devices") << Change([](GenerationInput &input) {
        input.devices = {u"/dev/mem"_s};
        input.capabilities << 17;
    }) << u"PrivateDevices"_s << u"yes"_s << u"no"_s << u"PrivateDevices=yes takes CAP_SYS_RAWIO"_s;
    QTest::newRow("writes below /home: read-only tried")
        << home << u"ProtectHome"_s << u"read-only"_s << u"no"_s << QString();
    QTest::newRow("writes below /home and elsewhere: read-only tried")
        << Change([](GenerationInput &input) { input.writePaths = {u"/home/agent/state"_s, u"/var/lib/agent"_s}; })
        << u"ProtectHome"_s << u"read-only"_s << u"no"_s << QString();
    QTest::newRow("ProtectHome=yes is not loosened to read-only")
        << none << u"ProtectHome"_s << u"read-only"_s << u"yes"_s << u"the unit has ProtectHome=yes, as strict"_s;
    QTest::newRow("read-only over read-only")
        << Change([](GenerationInput &input) { input.readPaths = {u"/root/.agentrc"_s}; }) << u"ProtectHome"_s
        << u"read-only"_s << u"read-only"_s << u"the unit has ProtectHome=read-only, as strict"_s;
    QTest::newRow("fewer families: tried")
        << none << u"RestrictAddressFamilies"_s << u"AF_UNIX AF_INET"_s << u"AF_UNIX AF_INET AF_INET6"_s << QString();
    QTest::newRow("the same families") << none << u"RestrictAddressFamilies"_s << u"AF_UNIX AF_INET AF_INET6"_s
                                       << u"AF_UNIX AF_INET AF_INET6"_s << u"the unit has RestrictAddressFamilies="_s;
    QTest::newRow("a family the unit lacks never loosens it")
        << none << u"RestrictAddressFamilies"_s << u"AF_UNIX AF_INET AF_NETLINK"_s << u"AF_UNIX AF_INET AF_INET6"_s
        << u"the observation saw AF_NETLINK, which the unit's RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 does "
           u"not allow"_s;
    QTest::newRow("a private network for a plan with a port")
        << none << u"PrivateNetwork"_s << u"yes"_s << QString() << u"the plan listens on tcp/80"_s;
    QTest::newRow("a private network for a quiet agent: tried")
        << quiet << u"PrivateNetwork"_s << u"yes"_s << QString() << QString();
    QTest::newRow("a private network already")
        << offline << u"PrivateNetwork"_s << u"yes"_s << u"yes"_s << u"the unit has PrivateNetwork=yes already"_s;
    QTest::newRow("a setting prove does not try") << none << u"ProtectSystem"_s << u"strict"_s << u"strict"_s
                                                  << u"ProtectSystem=strict is not a setting prove tries"_s;
}

void ProveTest::sandboxTrials()
{
    QFETCH(Change, change);
    QFETCH(QString, key);
    QFETCH(QString, setting);
    QFETCH(QString, unitValue);
    QFETCH(QString, skip);
    GenerationInput input = nginxInput();
    change(input);
    const Result<ProvePlan> plan = provePlan(input);
    QVERIFY(plan.ok());
    const QList<SandboxTrialPlan> trials = Deroot::Core::sandboxTrials(*plan, {{key, setting, u"observed"_s}});
    QCOMPARE(trials.size(), 1);
    const SandboxTrialPlan &trial = trials.first();
    QCOMPARE(trial.unitValue, unitValue);
    QVERIFY2(skip.isEmpty() ? trial.skip.isEmpty() : trial.skip.startsWith(skip), qPrintable(trial.skip));
    if (!skip.isEmpty()) {
        QVERIFY(trial.properties.isEmpty());
        return;
    }
    // Every capability, the setting as flagged, and nothing else changed (PrivateDevices=yes takes
    // the device lines that belong to PrivateDevices=no with it).
    QCOMPARE(value(trial.properties, key), setting);
    QCOMPARE(value(trial.properties, u"AmbientCapabilities"_s), value(plan->properties, u"AmbientCapabilities"_s));
    const QStringList changed = key == u"PrivateDevices"_s ? QStringList{key, u"DevicePolicy"_s, u"DeviceAllow"_s}
                                : key == u"ProtectHome"_s  ? QStringList{key, u"ReadWritePaths"_s}
                                                           : QStringList{key};
    QCOMPARE(without(trial.properties, changed), without(plan->properties, changed));
    if (key == u"ProtectHome"_s) {
        // The paths below a home go with ProtectHome=no (they would be writable again); others stay.
        QCOMPARE(value(trial.properties, u"ReadWritePaths"_s),
                 input.writePaths.contains(u"/var/lib/agent"_s) ? u"-/var/lib/agent"_s : QString());
    }
}

void ProveTest::sandboxVerdicts()
{
    GenerationInput input = nginxInput();
    input.writePaths = {u"/home/www/cache"_s};
    input.devices = {u"/dev/net/tun"_s};
    const Result<ProvePlan> plan = provePlan(input);
    QVERIFY(plan.ok());
    const QList<SandboxCandidate> candidates{
        {u"PrivateDevices"_s, u"yes"_s, u"observed in 10 s: no device node opened"_s},
        {u"ProtectHome"_s, u"read-only"_s, u"observed in 10 s: nothing below /home written"_s},
        {u"RestrictAddressFamilies"_s, u"AF_UNIX AF_INET"_s, u"observed in 10 s: sockets of AF_INET only"_s},
        {u"RestrictAddressFamilies"_s, u"AF_UNIX AF_INET AF_INET6"_s, u"observed in 10 s: the same"_s},
    };
    SandboxRunner runner;
    QStringList heard;
    const ProveReport report = prove(*plan, 3, QString(), candidates, runner, [&](const TrialRecord &record) {
        heard << (!record.withSetting.isEmpty()        ? record.withSetting
                  : record.withoutCapability.isEmpty() ? u"baseline"_s
                                                       : record.withoutCapability);
    });
    QVERIFY(report.baselineHealthy());
    // The baseline, one trial without each capability, one with each setting worth a trial.
    QCOMPARE(heard, (QStringList{u"baseline"_s, u"CAP_NET_BIND_SERVICE"_s, u"CAP_SYS_TIME"_s, u"PrivateDevices=yes"_s,
                                 u"ProtectHome=read-only"_s, u"RestrictAddressFamilies=AF_UNIX AF_INET"_s}));
    QCOMPARE(runner.calls.size(), 6);
    // The sandbox trials keep every capability.
    for (qsizetype i = 3; i < runner.calls.size(); ++i) {
        QCOMPARE(value(runner.calls.at(i), u"AmbientCapabilities"_s), u"CAP_NET_BIND_SERVICE CAP_SYS_TIME"_s);
    }
    QCOMPARE(report.sandbox.size(), 4);
    QCOMPARE(report.sandbox.at(0).verdict, SandboxVerdict::Tolerated);
    QVERIFY(report.sandbox.at(0).evidence.isEmpty());
    QCOMPARE(report.sandbox.at(0).unitValue, u"no"_s);
    QCOMPARE(report.sandbox.at(1).verdict, SandboxVerdict::BreaksTheAgent);
    QCOMPARE(report.sandbox.at(1).evidence, QStringList{u"exited with status 1 before the time was up"_s});
    QCOMPARE(report.sandbox.at(2).verdict, SandboxVerdict::BreaksTheAgent);
    QCOMPARE(report.sandbox.at(2).evidence, QStringList{u"not listening on tcp/80"_s});
    QCOMPARE(report.sandbox.at(3).verdict, SandboxVerdict::Skipped);
    QVERIFY(!report.sandbox.at(3).trial);
    QCOMPARE(report.tolerated(), QStringList{u"PrivateDevices=yes"_s});
    // The capability verdicts are those of a proof without candidates.
    QCOMPARE(report.notShownNecessary(), (QStringList{u"CAP_NET_BIND_SERVICE"_s, u"CAP_SYS_TIME"_s}));

    const QJsonObject json = proveReportToJson(report);
    QCOMPARE(json.value(u"tighten"_s).toArray(), QJsonArray{u"PrivateDevices=yes"_s});
    const QJsonArray sandbox = json.value(u"sandbox"_s).toArray();
    QCOMPARE(sandbox.size(), 4);
    const QJsonObject devices = sandbox.at(0).toObject();
    QCOMPARE(devices.value(u"setting"_s).toString(), u"PrivateDevices=yes"_s);
    QCOMPARE(devices.value(u"unit_value"_s).toString(), u"no"_s);
    QCOMPARE(devices.value(u"verdict"_s).toString(), u"tolerated"_s);
    QCOMPARE(devices.value(u"observed"_s).toString(), u"observed in 10 s: no device node opened"_s);
    QCOMPARE(devices.value(u"trial"_s).toObject().value(u"with"_s).toString(), u"PrivateDevices=yes"_s);
    QCOMPARE(sandbox.at(2).toObject().value(u"verdict"_s).toString(), u"breaks-the-agent"_s);
    QVERIFY(sandbox.at(3).toObject().value(u"trial"_s).isNull());
    QCOMPARE(sandbox.at(3).toObject().value(u"verdict"_s).toString(), u"skipped"_s);
    // The capability trials carry no "with".
    QVERIFY(!json.value(u"trials"_s).toArray().at(0).toObject().contains(u"with"_s));
}

void ProveTest::sandboxAfterFailingBaseline()
{
    const Result<ProvePlan> plan = provePlan(nginxInput());
    QVERIFY(plan.ok());
    CapabilityRunner runner({}, false);
    const ProveReport report = prove(*plan, 3, QString(), {{u"PrivateNetwork"_s, u"yes"_s, u"observed"_s}}, runner);
    QCOMPARE(runner.calls.size(), 1);
    QVERIFY(report.sandbox.isEmpty());
    QCOMPARE(proveReportToJson(report).value(u"sandbox"_s).toArray(), QJsonArray());
}

QTEST_GUILESS_MAIN(ProveTest)
#include "prove_test.moc"

namespace {

// A drop-in plan as the wizard makes it for a packaged agent, with the vendor's unit as
// loadVendorUnit() would read it.
ProvePlan dropInPlan()
{
    GenerationInput input = nginxInput();
    input.existingUnit = u"nginx.service"_s;
    Result<ProvePlan> plan = provePlan(input);
    if (!plan) {
        qFatal("%s", qPrintable(plan.error().message));
    }
    plan->vendorService = u"Type=forking\nPIDFile=/run/nginx.pid\nExecStart=/usr/sbin/nginx\nPrivateNetwork=yes\n"_s
                          u"RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK\n"_s;
    plan->vendorDropIns = {{u"10-limits.conf"_s, u"LimitNOFILE=4096\n"_s}, {u"override.conf"_s, u"Nice=5\n"_s}};
    return *plan;
}

} // namespace

void ProveTest::dropInPlanIsTheDropIn()
{
    GenerationInput input = nginxInput();
    input.existingUnit = u"nginx.service"_s;
    const Result<ProvePlan> plan = provePlan(input);
    QVERIFY(plan.ok());
    QCOMPARE(plan->unit, u"nginx.service"_s);
    QVERIFY(plan->isDropIn());
    QCOMPARE(plan->capabilities, (QStringList{u"CAP_NET_BIND_SERVICE"_s, u"CAP_SYS_TIME"_s}));
    // Every line of the drop-in's [Service] section, the emptying ones included, in order.
    const QString dropIn = systemdUnit(input).content;
    QVERIFY(dropIn.contains(u"AmbientCapabilities=\n"_s));
    QStringList expected;
    for (const QString &line : dropIn.section(u"[Service]\n"_s, 1).split(u'\n', Qt::SkipEmptyParts)) {
        expected << line;
    }
    QStringList got;
    for (const UnitProperty &property : plan->properties) {
        got << property.key + u'=' + property.value;
    }
    QCOMPARE(got, expected);
    // Without a capability the emptying line stays and the set loses only it.
    const QList<UnitProperty> without = Deroot::Core::withoutCapability(plan->properties, u"CAP_SYS_TIME"_s);
    QCOMPARE(value(without, u"AmbientCapabilities"_s), u"|CAP_NET_BIND_SERVICE"_s);
    QCOMPARE(value(without, u"CapabilityBoundingSet"_s), u"|CAP_NET_BIND_SERVICE"_s);
}

void ProveTest::serviceSectionText_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QStringList>("settings");

    QTest::newRow("a packaged unit")
        << u"[Unit]\nDescription=Blackbox\nAfter=network.target\n\n[Service]\nRestart=on-failure\nUser=prometheus\n"
           u"ExecStart=/usr/bin/x $ARGS\n\n[Install]\nWantedBy=multi-user.target\n"_s
        << u"Restart=on-failure\nUser=prometheus\nExecStart=/usr/bin/x $ARGS\n"_s
        << QStringList{u"Restart=on-failure"_s, u"User=prometheus"_s, u"ExecStart=/usr/bin/x $ARGS"_s};
    QTest::newRow("continuations and comments")
        << u"[Service]\n# a comment\nExecStart=/usr/bin/x \\\n  --a \\\n; inside\n  --b\nNice=1\n"_s
        << u"# a comment\nExecStart=/usr/bin/x \\\n  --a \\\n; inside\n  --b\nNice=1\n"_s
        // As systemd joins them: the backslash becomes a space, the next line comes stripped.
        << QStringList{u"ExecStart=/usr/bin/x  --a  --b"_s, u"Nice=1"_s};
    QTest::newRow("a continued line that starts with a bracket is no section")
        << u"[Service]\nEnvironment=A=1 \\\n[B]=2\n[Unit]\nAfter=x\n"_s << u"Environment=A=1 \\\n[B]=2\n"_s
        << QStringList{u"Environment=A=1  [B]=2"_s};
    QTest::newRow("two [Service] sections, other sections out")
        << u"[Service]\nNice=1\n[X-Vendor]\nFoo=bar\n[Service]\nUser=a\n"_s << u"Nice=1\nUser=a\n"_s
        << QStringList{u"Nice=1"_s, u"User=a"_s};
    QTest::newRow("no [Service]") << u"[Unit]\nAfter=x\n"_s << QString() << QStringList{};
}

void ProveTest::serviceSectionText()
{
    QFETCH(QString, file);
    QFETCH(QString, service);
    QFETCH(QStringList, settings);
    QCOMPARE(Deroot::Core::serviceSectionText(file), service);
    QStringList got;
    for (const UnitProperty &setting : serviceSettings(service)) {
        got << setting.key + u'=' + setting.value;
    }
    QCOMPARE(got, settings);
}

void ProveTest::resolveUnitSpecifiers_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("resolved");

    QTest::newRow("a plain unit") << u"prometheus-node-exporter.service"_s
                                  << u"EnvironmentFile=/etc/default/%p\nRuntimeDirectory=%N %n %j %J"_s
                                  << u"EnvironmentFile=/etc/default/prometheus-node-exporter\nRuntimeDirectory="_s
                                     u"prometheus-node-exporter prometheus-node-exporter.service exporter exporter"_s;
    QTest::newRow("an instance") << u"openvpn-server@site\\x2da.service"_s
                                 << u"ExecStart=/usr/sbin/openvpn --config %i.conf --name %I --dir %P %f"_s
                                 << u"ExecStart=/usr/sbin/openvpn --config site\\x2da.conf --name site-a --dir "
                                    u"openvpn/server /site-a"_s;
    QTest::newRow("escaped percent and others stay")
        << u"a.service"_s << u"Echo=100%% %u %h %t %%n %"_s << u"Echo=100%% %u %h %t %%n %"_s;
}

void ProveTest::resolveUnitSpecifiers()
{
    QFETCH(QString, unit);
    QFETCH(QString, text);
    QFETCH(QString, resolved);
    QCOMPARE(Deroot::Core::resolveUnitSpecifiers(text, unit), resolved);
}

void ProveTest::effectiveSettingsFollowTheFileNames()
{
    ProvePlan plan = dropInPlan();
    // 10-limits.conf, then the plan's deroot.conf, then override.conf: as systemd orders them.
    const QList<UnitProperty> settings = effectiveSettings(plan, plan.properties);
    QCOMPARE(settings.first(), (UnitProperty{u"Type"_s, u"forking"_s}));
    const auto at = [&](const QString &key) {
        for (qsizetype i = 0; i < settings.size(); ++i) {
            if (settings.at(i).key == key) {
                return i;
            }
        }
        return qsizetype(-1);
    };
    QVERIFY(at(u"PIDFile"_s) < at(u"LimitNOFILE"_s));
    QVERIFY(at(u"LimitNOFILE"_s) < at(u"User"_s));
    QVERIFY(at(u"User"_s) < at(u"Nice"_s));
    QCOMPARE(settings.size(), 5 + plan.properties.size() + 2);
    // The plan's drop-in empties the vendor's families before it sets its own.
    QCOMPARE(effectiveList(settings, u"RestrictAddressFamilies"_s),
             (QStringList{u"AF_UNIX"_s, u"AF_INET"_s, u"AF_INET6"_s}));
    // A unit of Deroot's own is its properties alone.
    plan.vendorUnit.clear();
    QCOMPARE(effectiveSettings(plan, plan.properties), plan.properties);
}

void ProveTest::managedDirectories()
{
    const QList<UnitProperty> settings{{u"StateDirectory"_s, u"old"_s},
                                       {u"StateDirectory"_s, QString()},
                                       {u"StateDirectory"_s, u"agent agent/sub:link"_s},
                                       {u"RuntimeDirectory"_s, u"agent"_s},
                                       {u"LogsDirectory"_s, u"agent"_s},
                                       {u"CacheDirectory"_s, u"agent"_s},
                                       {u"ConfigurationDirectory"_s, u"agent"_s},
                                       {u"ReadWritePaths"_s, u"/var/lib/other"_s}};
    QCOMPARE(Deroot::Core::managedDirectories(settings),
             (QList<ManagedDirectory>{{u"RuntimeDirectory"_s, u"/run/agent"_s},
                                      {u"StateDirectory"_s, u"/var/lib/agent"_s},
                                      {u"StateDirectory"_s, u"/var/lib/agent/sub"_s},
                                      {u"CacheDirectory"_s, u"/var/cache/agent"_s},
                                      {u"LogsDirectory"_s, u"/var/log/agent"_s},
                                      {u"ConfigurationDirectory"_s, u"/etc/agent"_s}}));
}

void ProveTest::trialUnitFiles()
{
    const ProvePlan plan = dropInPlan();
    const QList<UnitProperty> trial = Deroot::Core::withoutCapability(plan.properties, u"CAP_SYS_TIME"_s);
    const QList<TrialFile> files = Deroot::Core::trialUnitFiles(plan, trial, u"deroot-prove-00ab.service"_s, 123);
    QStringList paths;
    for (const TrialFile &file : files) {
        paths << file.path;
    }
    QCOMPARE(paths,
             (QStringList{u"deroot-prove-00ab.service"_s, u"deroot-prove-00ab.service.d/10-limits.conf"_s,
                          u"deroot-prove-00ab.service.d/override.conf"_s, u"deroot-prove-00ab.service.d/deroot.conf"_s,
                          u"deroot-prove-00ab.service.d/~deroot-prove.conf"_s}));
    // The unit: a description instead of the vendor's [Unit], then its [Service] lines as they are.
    QCOMPARE(files.at(0).content,
             QByteArray("# A trial of Deroot prove: the [Service] settings of nginx.service, removed after the trial.\n"
                        "[Unit]\nDescription=Deroot prove: nginx (nginx.service)\n\n[Service]\n") +
                 plan.vendorService.toUtf8());
    QCOMPARE(files.at(1).content, QByteArray("[Service]\nLimitNOFILE=4096\n"));
    // The plan's drop-in as the trial has it, line for line.
    QByteArray own = "[Service]\n";
    for (const UnitProperty &property : trial) {
        own += (property.key + u'=' + property.value + u'\n').toUtf8();
    }
    QCOMPARE(files.at(3).content, own);
    QVERIFY(own.contains("\nAmbientCapabilities=CAP_NET_BIND_SERVICE\n"));
    // Sorted after every other drop-in: what only a trial has.
    QCOMPARE(files.at(4).content, QByteArray("[Service]\nRestart=no\nRemainAfterExit=yes\nRuntimeMaxSec=123\n"
                                             "TimeoutStopSec=30s\nSendSIGKILL=yes\n"));
    QVERIFY(u"override.conf"_s < QString::fromUtf16(kTrialDropIn));
    QVERIFY(u"zz-last.conf"_s < QString::fromUtf16(kTrialDropIn));
}

void ProveTest::dropInSandboxTrialsReadTheVendorUnit()
{
    ProvePlan plan = dropInPlan();
    plan.listenPorts.clear();
    const QList<SandboxTrialPlan> trials =
        Deroot::Core::sandboxTrials(plan, {{u"PrivateNetwork"_s, u"yes"_s, u"observed"_s},
                                           {u"RestrictAddressFamilies"_s, u"AF_UNIX AF_INET"_s, u"observed"_s}});
    QCOMPARE(trials.size(), 2);
    // The vendor's unit has a private network already: nothing to try.
    QCOMPARE(trials.at(0).skip, u"the unit has PrivateNetwork=yes already"_s);
    // The families are the plan's (it empties the vendor's list first), and the trial keeps the emptying line.
    QCOMPARE(trials.at(1).unitValue, u"AF_UNIX AF_INET AF_INET6"_s);
    QVERIFY(trials.at(1).skip.isEmpty());
    QCOMPARE(value(trials.at(1).properties, u"RestrictAddressFamilies"_s), u"|AF_UNIX AF_INET"_s);
}
