// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// From real inspections of the build root's agents to the generators' input: names, needs, and
// that what it builds passes validation as it is.
#include "core/generate/generator.h"
#include "core/generate/inputvalidation.h"
#include "core/inspect/inspect.h"
#include "core/recommend/inputbuilder.h"

#include <QJsonArray>
#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

class InputBuilderTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agentIds_data();
    void agentIds();
    void fromRealAgents_data();
    void fromRealAgents();
    void calledToolHasNoUnit();
    void calledToolUnderSudoIsForItsCaller();
    void scheduledRunsToCompletion();
    void commandLineOfTheRunningProcess();
    void listenAddressChangeIsNamed();
    void packagedUnitIsTakenOver();
    void copyOutsideAnyUnitIsNamed();
    void commandLineSplitsAndJoins_data();
    void commandLineSplitsAndJoins();
    void adjustmentsCarryToAnotherMethod();
};

namespace {

QStringList artifactIds(const GeneratedPlan &plan)
{
    QStringList ids;
    for (const Artifact &artifact : plan.artifacts) {
        ids << artifact.id;
    }
    return ids;
}

QString contentOf(const GeneratedPlan &plan, const QString &id)
{
    for (const Artifact &artifact : plan.artifacts) {
        if (artifact.id == id) {
            return artifact.content;
        }
    }
    return {};
}

// A node exporter started by hand with a non-default address, as the usability review ran it
// (P1): a program, its process with argv, and the socket it listens on.
InspectionReport handStartedNodeExporter()
{
    InspectionReport report;
    report.target = QJsonObject{{u"kind"_s, u"process"_s}, {u"pid"_s, 904}};
    FileSection &file = report.file.emplace();
    file.canonicalPath = u"/usr/bin/prometheus-node-exporter"_s;
    file.sha256 = QString(64, u'a');
    file.package = u"prometheus-node-exporter"_s;
    ProcessSection &process = report.process.emplace();
    process.pid = 904;
    process.user = u"root"_s;
    process.executable = u"/usr/bin/prometheus-node-exporter"_s;
    process.commandLine = {u"prometheus-node-exporter"_s, u"--web.listen-address=127.0.0.1:19100"_s,
                           u"--collector.textfile.directory=/var/lib/ne text"_s};
    ProcessSocket &socket = process.sockets.emplace_back();
    socket.protocol = u"tcp"_s;
    socket.family = u"AF_INET"_s;
    socket.address = u"127.0.0.1"_s;
    socket.port = 19100;
    socket.state = u"listen"_s;
    return report;
}

// A process section with only what copyLeftRunning() and detectedStart() read.
ProcessSection process(int pid, const QString &unit, const QString &user = {})
{
    ProcessSection section;
    section.pid = pid;
    section.unit = unit;
    section.user = user;
    return section;
}

} // namespace

void InputBuilderTest::agentIds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("id");
    QTest::addRow("already fine") << u"node_exporter"_s << u"node_exporter"_s;
    QTest::addRow("spaces and capitals") << u"Node Exporter"_s << u"node-exporter"_s;
    QTest::addRow("dots") << u"zabbix.agent"_s << u"zabbix-agent"_s;
    QTest::addRow("leading digits") << u"9agent"_s << u"agent"_s;
    QTest::addRow("newline") << u"a\nb"_s << u"a-b"_s;
    QTest::addRow("nothing usable") << u"€€€"_s << u"agent"_s;
    QTest::addRow("too long (31: systemd's limit for the user named after it)")
        << QString(40, u'a') << QString(31, u'a');
}

void InputBuilderTest::agentIds()
{
    QFETCH(QString, text);
    QFETCH(QString, id);
    QCOMPARE(agentIdFrom(text), id);
}

void InputBuilderTest::fromRealAgents_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("agentId");
    QTest::addColumn<QList<int>>("capabilities");
    QTest::addRow("fping") << u"/usr/bin/fping"_s << u"fping"_s << QList<int>{13};
    // chrony's CAP_NET_BIND_SERVICE is only for serving time: not granted by default.
    QTest::addRow("chronyd") << u"/usr/sbin/chronyd"_s << u"chronyd"_s << QList<int>{25};
    QTest::addRow("node exporter") << u"/usr/bin/prometheus-node-exporter"_s << u"node_exporter"_s << QList<int>{};
}

void InputBuilderTest::fromRealAgents()
{
    QFETCH(QString, program);
    QFETCH(QString, agentId);
    QFETCH(QList<int>, capabilities);
    InspectEnvironment environment;
    environment.queryPackageManager = true;
    const auto report = inspectFile(program.toUtf8(), environment);
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    const GenerationInput input = buildGenerationInput(*report, Method::Capabilities);
    QCOMPARE(input.agentId, agentId);
    QCOMPARE(input.executable, program);
    QCOMPARE(input.capabilities, capabilities);
    QCOMPARE(input.executableSha256.size(), 64);
    QVERIFY(!input.packageName.isEmpty());
    const auto error = validateGenerationInput(input);
    QVERIFY2(!error, error ? qPrintable(error->message) : "");
}

// The README's own example: fping is called by monitoring agents. It gets
// no user and no unit, so nothing can crash-loop; the capability goes on the file.
void InputBuilderTest::calledToolHasNoUnit()
{
    const auto report = inspectFile("/usr/bin/fping");
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    QCOMPARE(detectedStart(*report).mode, StartMode::CalledBy);
    const GenerationInput input = buildGenerationInput(*report, Method::Capabilities);
    QCOMPARE(input.startMode, StartMode::CalledBy);
    QVERIFY(input.serviceUser.isEmpty());
    const auto plan = generatePlan(input);
    QVERIFY2(plan.ok(), qPrintable(plan.error().message));
    QCOMPARE(artifactIds(*plan), (QStringList{u"setcap"_s, u"apparmor"_s}));
    QCOMPARE(contentOf(*plan, u"setcap"_s), u"setcap cap_net_raw+ep /usr/bin/fping"_s);

    // Asked for as a service, it is one, as before: the admin's choice wins over the catalog.
    StartChoice asService;
    asService.mode = StartMode::Service;
    const GenerationInput service = buildGenerationInput(*report, Method::Capabilities, asService);
    QCOMPARE(service.startMode, StartMode::Service);
    const auto servicePlan = generatePlan(service);
    QVERIFY2(servicePlan.ok(), qPrintable(servicePlan.error().message));
    QVERIFY(artifactIds(*servicePlan).contains(u"unit"_s));
}

void InputBuilderTest::calledToolUnderSudoIsForItsCaller()
{
    const auto report = inspectFile("/usr/bin/fping");
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    // Without the caller there is no one to write the rule for: refused, with the reason.
    const GenerationInput anonymous = buildGenerationInput(*report, Method::Sudo);
    const auto refused = generatePlan(anonymous);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(u"needs the user that calls it"_s), qPrintable(refused.error().message));

    StartChoice start;
    start.callerUser = u"zabbix"_s;
    GenerationInput input = buildGenerationInput(*report, Method::Sudo, start);
    QCOMPARE(input.callerUser, u"zabbix"_s);
    QCOMPARE(input.sudoCommands.size(), 1);
    input.sudoCommands.first().arguments = {u"-c"_s, u"1"_s, u"127.0.0.1"_s};
    input.sudoCommands.first().argumentsUnknown = false;
    const auto plan = generatePlan(input);
    QVERIFY2(plan.ok(), qPrintable(plan.error().message));
    QCOMPARE(artifactIds(*plan), QStringList{u"sudoers"_s});
    const QString sudoers = contentOf(*plan, u"sudoers"_s);
    QVERIFY2(sudoers.contains(u"Cmnd_Alias DEROOT_FPING_1 = /usr/bin/fping -c 1 127.0.0.1\n"_s), qPrintable(sudoers));
    QVERIFY2(sudoers.contains(u"\nzabbix ALL=(root) NOPASSWD: NOEXEC: DEROOT_FPING_1\n"_s), qPrintable(sudoers));
}

void InputBuilderTest::scheduledRunsToCompletion()
{
    const auto report = inspectFile("/usr/bin/fping");
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    StartChoice start;
    start.mode = StartMode::Scheduled;
    start.schedule = u"*-*-* 03:00:00"_s;
    GenerationInput input = buildGenerationInput(*report, Method::Capabilities, start);
    input.arguments = {u"-c"_s, u"1"_s, u"127.0.0.1"_s};
    const auto plan = generatePlan(input);
    QVERIFY2(plan.ok(), qPrintable(plan.error().message));
    QVERIFY(artifactIds(*plan).contains(u"timer"_s));
    const QString unit = contentOf(*plan, u"unit"_s);
    QVERIFY(unit.contains(u"\nType=oneshot\n"_s));
    QVERIFY(unit.contains(u"\nExecStart=/usr/bin/fping -c 1 127.0.0.1\n"_s));
    QVERIFY2(!unit.contains(u"\nRestart="_s) && !unit.contains(u"\n[Install]"_s), qPrintable(unit));
    const QString timer = contentOf(*plan, u"timer"_s);
    QVERIFY2(timer.contains(u"\nOnCalendar=*-*-* 03:00:00\n"_s), qPrintable(timer));
    QVERIFY(timer.contains(u"\nUnit=deroot-fping.service\n"_s));
    QVERIFY(timer.contains(u"\nWantedBy=timers.target\n"_s));
}

// The hand-started node exporter keeps its address and every argument.
void InputBuilderTest::commandLineOfTheRunningProcess()
{
    const InspectionReport report = handStartedNodeExporter();
    QCOMPARE(runningArguments(report),
             std::optional<QStringList>(
                 {u"--web.listen-address=127.0.0.1:19100"_s, u"--collector.textfile.directory=/var/lib/ne text"_s}));
    const GenerationInput input = buildGenerationInput(report, Method::Capabilities);
    QCOMPARE(input.arguments.mid(0, 2), *runningArguments(report));
    QVERIFY(listenAddressChanges(report, input).isEmpty());
    const auto plan = generatePlan(input);
    QVERIFY2(plan.ok(), qPrintable(plan.error().message));
    const QString unit = contentOf(*plan, u"unit"_s);
    QVERIFY2(unit.contains(u"\nExecStart=/usr/bin/prometheus-node-exporter --web.listen-address=127.0.0.1:19100 "
                           u"\"--collector.textfile.directory=/var/lib/ne text\""_s),
             qPrintable(unit));
}

void InputBuilderTest::listenAddressChangeIsNamed()
{
    const InspectionReport report = handStartedNodeExporter();
    GenerationInput input = buildGenerationInput(report, Method::Capabilities);
    input.arguments.removeFirst();
    const QStringList changes = listenAddressChanges(report, input);
    QCOMPARE(changes.size(), 1);
    QVERIFY2(changes.first().contains(u"127.0.0.1:19100"_s) &&
                 changes.first().contains(u"'--web.listen-address=127.0.0.1:19100'"_s),
             qPrintable(changes.first()));
    // Kept in another position, or changed by the admin to a value on the command line, it is no
    // silent change: only a dropped word is.
    input.arguments.append(u"--web.listen-address=127.0.0.1:19100"_s);
    QVERIFY(listenAddressChanges(report, input).isEmpty());
}

// A program whose package ships a unit is planned with that unit, never
// beside it. With systemd to ask (the test host) that is a drop-in; without (the build root),
// a unit of Deroot's own that takes over from it with the vendor's command line, environment file
// and user.
void InputBuilderTest::packagedUnitIsTakenOver()
{
    const auto file = inspectFile("/usr/bin/prometheus-node-exporter");
    QVERIFY2(file.ok(), qPrintable(file.error().message));
    QCOMPARE(agentUnitName(*file), u"prometheus-node-exporter.service"_s);
    const InspectionReport report = withAgentUnit(*file);
    const GenerationInput input = buildGenerationInput(report, Method::Capabilities);
    const auto plan = generatePlan(input);
    QVERIFY2(plan.ok(), qPrintable(plan.error().message));
    QCOMPARE(input.serviceUser, u"prometheus"_s);
    if (report.unit) {
        QCOMPARE(input.existingUnit, u"prometheus-node-exporter.service"_s);
        QVERIFY(artifactIds(*plan).contains(u"dropin"_s));
        return;
    }
    QVERIFY(report.finding(u"unit.unreadable"));
    QCOMPARE(input.replacesUnit, u"prometheus-node-exporter.service"_s);
    QCOMPARE(input.arguments, QStringList{u"$ARGS"_s});
    QCOMPARE(input.environmentFiles, QStringList{u"/etc/default/prometheus-node-exporter"_s});
    const QString unit = contentOf(*plan, u"unit"_s);
    QVERIFY2(unit.contains(u"\nExecStart=/usr/bin/prometheus-node-exporter $ARGS\n"_s), qPrintable(unit));
    QVERIFY(unit.contains(u"\nEnvironmentFile=/etc/default/prometheus-node-exporter\n"_s));
    // A target without systemd (--systemd no) keeps the command line and has no unit to take
    // over from.
    StartChoice noSystemd;
    noSystemd.systemd = false;
    const GenerationInput bare = buildGenerationInput(report, Method::Capabilities, noSystemd);
    QVERIFY(!bare.runsUnderSystemd);
    QVERIFY(bare.replacesUnit.isEmpty());
    QCOMPARE(bare.arguments, QStringList{u"$ARGS"_s});
}

// A copy started by hand or in a login session is the admin's to stop: named, with its pid; a
// copy in a system service, a called tool's process or no process at all gives no note.
void InputBuilderTest::copyOutsideAnyUnitIsNamed()
{
    InspectionReport report;
    report.process = process(4242, u"session-3.scope"_s);
    GenerationInput input;
    input.startMode = StartMode::Service;
    const QString note = copyLeftRunning(report, input);
    QVERIFY2(note.startsWith(u"It runs today as process 4242 outside any system unit (in 'session-3.scope')"_s),
             qPrintable(note));
    report.process = process(4242, QString());
    QVERIFY(copyLeftRunning(report, input).startsWith(u"It runs today as process 4242 outside any unit,"_s));
    report.process = process(4242, u"user@1000.service"_s);
    QVERIFY(!copyLeftRunning(report, input).isEmpty());
    input.startMode = StartMode::CalledBy;
    QVERIFY(copyLeftRunning(report, input).isEmpty());
    input.startMode = StartMode::Service;
    report.process = process(4242, u"chrony.service"_s);
    QVERIFY(copyLeftRunning(report, input).isEmpty());
    report.process.reset();
    QVERIFY(copyLeftRunning(report, input).isEmpty());

    // A process another agent's unit started: called by that agent's user; its unit is not the
    // plan's to change.
    InspectionReport child;
    child.file.emplace().canonicalPath = u"/usr/bin/fping"_s;
    child.process = process(77, u"zabbix-agent.service"_s, u"zabbix"_s);
    child.parentUnit = ParentUnitSection{u"zabbix-agent.service"_s, u"/usr/sbin/zabbix_agentd"_s, u"zabbix"_s};
    const DetectedStart started = detectedStart(child);
    QCOMPARE(started.mode, StartMode::CalledBy);
    QCOMPARE(started.callerUser, u"zabbix"_s);
    QVERIFY2(started.reason.contains(u"zabbix-agent.service"_s), qPrintable(started.reason));
    QCOMPARE(agentUnitName(child), QString());
    child.process->commandLine = {u"fping"_s, u"-c1"_s, u"10.0.0.1"_s};
    const GenerationInput called = buildGenerationInput(child, Method::Capabilities);
    QVERIFY(called.existingUnit.isEmpty());
    // The caller gives the arguments at each call: file capabilities hold for any, so the plan
    // carries none; a sudo rule keeps the ones seen.
    QVERIFY(called.arguments.isEmpty());
    const GenerationInput sudo = buildGenerationInput(child, Method::Sudo);
    QVERIFY(sudo.arguments.isEmpty());
    QCOMPARE(called.callerUser, u"zabbix"_s);
    QVERIFY(copyLeftRunning(child, called).isEmpty());
}

void InputBuilderTest::commandLineSplitsAndJoins_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");
    QTest::addRow("empty") << QString() << QStringList();
    QTest::addRow("plain") << u"-c 1 127.0.0.1"_s << QStringList{u"-c"_s, u"1"_s, u"127.0.0.1"_s};
    QTest::addRow("quoted space") << u"--dir '/var/lib/a b'"_s << QStringList{u"--dir"_s, u"/var/lib/a b"_s};
    QTest::addRow("reference") << u"$ARGS"_s << QStringList{u"$ARGS"_s};
}

void InputBuilderTest::commandLineSplitsAndJoins()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    QCOMPARE(splitCommandLine(text), words);
    QCOMPARE(splitCommandLine(joinCommandLine(words)), words);
}

// What the admin changed on the Adjust page survives a change of method where the new method has
// that setting: the wizard's setMethod() list, as a pure function.
void InputBuilderTest::adjustmentsCarryToAnotherMethod()
{
    GenerationInput from;
    from.method = Method::Capabilities;
    from.serviceUser = u"deroot-agent"_s;
    from.readPaths = {u"/var/log"_s};
    from.arguments = {u"--web.listen-address=:9100"_s};
    from.capabilities = {13};
    GenerationInput adjusted = from;
    adjusted.serviceUser = u"prometheus"_s;
    adjusted.readPaths = {u"/var/log"_s, u"/srv/logs"_s};
    adjusted.arguments = {u"--web.listen-address=127.0.0.1:9100"_s};
    adjusted.capabilities = {13, 12};
    adjusted.limits.memoryMaxMiB = 1024;

    // To a hardened unit: everything it has.
    GenerationInput fresh = from;
    fresh.method = Method::Capabilities;
    QCOMPARE(
        carryAdjustments(adjusted, from, fresh),
        (QList<AdjustedSetting>{AdjustedSetting::ServiceUser, AdjustedSetting::ReadPaths, AdjustedSetting::Arguments,
                                AdjustedSetting::Capabilities, AdjustedSetting::Limits}));
    QCOMPARE(fresh.serviceUser, u"prometheus"_s);
    QCOMPARE(fresh.readPaths, adjusted.readPaths);
    QCOMPARE(fresh.capabilities, adjusted.capabilities);
    QCOMPARE(fresh.limits.memoryMaxMiB, 1024);

    // To sudo rules: no command line and no capabilities; to a container: no service user.
    fresh = from;
    fresh.method = Method::Sudo;
    QCOMPARE(
        carryAdjustments(adjusted, from, fresh),
        (QList<AdjustedSetting>{AdjustedSetting::ServiceUser, AdjustedSetting::ReadPaths, AdjustedSetting::Limits}));
    QCOMPARE(fresh.arguments, from.arguments);
    QCOMPARE(fresh.capabilities, from.capabilities);
    fresh = from;
    fresh.method = Method::Container;
    QVERIFY(!carryAdjustments(adjusted, from, fresh).contains(AdjustedSetting::ServiceUser));
    QCOMPARE(fresh.serviceUser, from.serviceUser);

    // Nothing changed, or the new starting point already has the change: nothing to carry.
    fresh = from;
    QCOMPARE(carryAdjustments(from, from, fresh), QList<AdjustedSetting>{});
    // (The resource limits are one setting, carried whenever the admin changed them.)
    fresh = adjusted;
    QCOMPARE(carryAdjustments(adjusted, from, fresh), QList<AdjustedSetting>{AdjustedSetting::Limits});
    // The environment only between the same start modes, and never to a called program.
    adjusted.environment = {u"GOMAXPROCS=2"_s};
    fresh = from;
    fresh.startMode = StartMode::CalledBy;
    QVERIFY(!carryAdjustments(adjusted, from, fresh).contains(AdjustedSetting::Environment));
    fresh = from;
    QVERIFY(carryAdjustments(adjusted, from, fresh).contains(AdjustedSetting::Environment));
}

QTEST_GUILESS_MAIN(InputBuilderTest)
#include "inputbuilder_test.moc"
