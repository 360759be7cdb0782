// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/cli/args.h"
#include "app/cli/command.h"

#include "core/base/text.h"
#include "core/export/ansiblerole.h"
#include "core/export/exportwriter.h"
#include "core/export/planexport.h"
#include "core/generate/generator.h"
#include "core/generate/manifest.h"
#include "core/generate/systemdunit.h"
#include "core/inspect/inspect.h"
#include "core/model/lists.h"
#include "core/observe/observedneeds.h"
#include "core/recommend/inputbuilder.h"
#include "core/recommend/recommender.h"
#include "core/validate/artifactvalidation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Deroot::Cli {

namespace {

Core::Result<Core::Method> parseMethod(const QByteArray &word)
{
    if (word == "sudo") {
        return Core::Method::Sudo;
    }
    if (word == "caps" || word == "capabilities") {
        return Core::Method::Capabilities;
    }
    if (word == "container") {
        return Core::Method::Container;
    }
    return Core::Error{Core::ExitCode::Usage,
                       QCoreApplication::translate("derootctl", "--method takes sudo, caps or container, not %1")
                           .arg(Core::quoted(QString::fromLocal8Bit(word)))};
}

struct Outcome
{
    Core::GeneratedPlan plan;
    QList<Core::ArtifactValidation> validations;
    QStringList written;
    QList<Core::Finding> findings; ///< those that change what the admin should generate
};

// Generates, validates with the real tools, and writes: nothing is written when a validator
// rejects what was generated. The desktop wizard exports through the same core calls. @p ansible
// writes the validated plan as an Ansible role instead of the plain export.
Core::Result<Outcome> generateAndWrite(const Core::InspectionReport &report, const Core::GenerationInput &input,
                                       const QString &out, bool force, bool ansible = false)
{
    const auto validated = Core::validatedExport(report, input);
    if (!validated) {
        return validated.error();
    }
    Outcome outcome{validated->plan, validated->validations, {}, {}};
    const auto written = ansible ? Core::writeAnsibleRole(out, outcome.plan.artifacts, outcome.plan.manifest, force)
                                 : Core::writeExport(out, outcome.plan.artifacts, outcome.plan.manifest, force);
    if (!written) {
        return written.error();
    }
    outcome.written = *written;
    for (const Core::Finding &finding : report.findings) {
        if (finding.id == u"unit.unreadable") {
            outcome.findings << finding;
        }
    }
    return outcome;
}

QString describe(const Outcome &outcome, const QString &out)
{
    QString text = QCoreApplication::translate("derootctl", "Wrote %1 files to %2:")
                       .arg(outcome.written.size())
                       .arg(QFileInfo(out).absoluteFilePath()) +
                   u'\n';
    for (const Core::Artifact &artifact : outcome.plan.artifacts) {
        QString validation;
        for (const Core::ArtifactValidation &v : outcome.validations) {
            if (v.artifactId == artifact.id) {
                validation = v.result.summary + (v.exposure.isEmpty() ? QString() : u", "_s + v.exposure);
            }
        }
        // A command says what it runs, a file where it goes.
        const QString where = artifact.isCommand
                                  ? QCoreApplication::translate("derootctl", "runs %1").arg(artifact.targetPath)
                                  : QCoreApplication::translate("derootctl", "goes to %1").arg(artifact.targetPath);
        text += u"  %1 %2%3\n      %4\n"_s.arg(Core::exportFileName(artifact).leftJustified(28), where,
                                               validation.isEmpty() ? QString() : u"  ["_s + validation + u']',
                                               Core::oneLine(artifact.purpose));
    }
    text += u"  plan.json                    the manifest the apply step takes (docs/plan-json.md)\n"_s;
    text += u"  APPLY.txt                    how to apply it, with derootctl or by hand, and how to undo it\n"_s;
    for (const Core::Conflict &conflict : outcome.plan.conflicts) {
        text += u"  ! %1: %2 %3\n"_s.arg(conflict.id, conflict.consequence, conflict.fix);
    }
    const Core::GenerationInput &input = outcome.plan.input;
    if (!input.replacesUnit.isEmpty()) {
        text += u"  "_s +
                QCoreApplication::translate("derootctl", "takes over from %1: the apply stops and disables it and "
                                                         "starts %2; a rollback brings %1 back.")
                    .arg(input.replacesUnit, Core::generatedUnitName(input)) +
                u'\n';
    }
    if (input.startMode == Core::StartMode::CalledBy) {
        text += u"  "_s +
                (input.callerUser.isEmpty()
                     ? QCoreApplication::translate("derootctl", "called by other programs: no user or unit of its own.")
                     : QCoreApplication::translate("derootctl", "called by %1's programs: no user or unit of its own.")
                           .arg(input.callerUser)) +
                u'\n';
    }
    for (const Core::Finding &finding : outcome.findings) {
        text += u"  note: %1\n"_s.arg(Core::oneLine(finding.message));
    }
    const QJsonObject privilege = outcome.plan.manifest.value(u"effective_privilege"_s).toObject();
    const QJsonObject before = privilege.value(u"before"_s).toObject();
    // "Today" only when it was measured or read from the file; otherwise it is the case of root.
    const auto basis = Core::todayBasisFromId(before.value(u"basis"_s).toString());
    text += (basis == Core::TodayBasis::HypotheticalRoot
                 ? QCoreApplication::translate("derootctl", "Effective privilege: %1 if run as root (nothing runs it "
                                                            "now and its file grants nothing), %2 with this plan (0 "
                                                            "is an ordinary user, 100 is root).")
                       .arg(before.value(u"score"_s).toDouble())
                       .arg(privilege.value(u"after"_s).toObject().value(u"score"_s).toDouble())
                 : QCoreApplication::translate("derootctl", "Effective privilege: %1 today (%3), %2 with this plan (0 "
                                                            "is an ordinary user, 100 is root).")
                       .arg(before.value(u"score"_s).toDouble())
                       .arg(privilege.value(u"after"_s).toObject().value(u"score"_s).toDouble())
                       .arg(Core::privilegeBasisText(basis))) +
            u'\n';
    return text;
}

// The role export in a few lines: where it is, what checked it, how to run it.
QString describeRole(const Outcome &outcome, const QString &out)
{
    const QString folder = QFileInfo(out).absoluteFilePath();
    QString text = QCoreApplication::translate("derootctl", "Wrote the Ansible role %1 (%2 files) to %3.")
                       .arg(Core::ansibleRoleName(outcome.plan.input.agentId))
                       .arg(outcome.written.size())
                       .arg(folder) +
                   u'\n';
    for (const Core::ArtifactValidation &v : outcome.validations) {
        text += u"  %1: %2\n"_s.arg(v.artifactId, v.result.summary);
    }
    text += QCoreApplication::translate("derootctl", "See what it would change, then run it:") + u'\n' +
            u"  ansible-playbook -i INVENTORY %1/playbook.yml --check --diff\n"
            u"  ansible-playbook -i INVENTORY %1/playbook.yml\n"_s.arg(folder);
    return text;
}

} // namespace

int runGenerate(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, commandNamed("generate"));
    const bool json = args.flag("json");
    if (!args.error().isEmpty()) {
        return fail(io, "generate", {Core::ExitCode::Usage, args.error()}, json);
    }
    // Only what is missing is named.
    QStringList missing;
    if (!args.has("method")) {
        missing << u"--method sudo|caps|container"_s;
    }
    if (!args.has("out")) {
        missing << u"--out DIR"_s;
    }
    if (!missing.isEmpty()) {
        return fail(io, "generate",
                    {Core::ExitCode::Usage,
                     missing.size() == 1
                         ? QCoreApplication::translate("derootctl", "%1 is needed").arg(missing.first())
                         : QCoreApplication::translate("derootctl", "%1 are needed").arg(missing.join(u" and "_s))},
                    json);
    }
    const auto method = parseMethod(args.option("method"));
    if (!method) {
        return fail(io, "generate", method.error(), json);
    }
    const QByteArray format = args.has("format") ? args.option("format") : QByteArray("plan");
    if (format != "plan" && format != "ansible") {
        return fail(
            io, "generate",
            {Core::ExitCode::Usage, QCoreApplication::translate("derootctl", "--format takes plan or ansible, not %1")
                                        .arg(Core::quoted(QString::fromLocal8Bit(format)))},
            json);
    }
    const bool ansible = format == "ansible";
    bool systemd = true;
    if (args.has("systemd")) {
        if (args.option("systemd") != "yes" && args.option("systemd") != "no") {
            return fail(io, "generate",
                        {Core::ExitCode::Usage, QCoreApplication::translate("derootctl", "--systemd takes yes or no")},
                        json);
        }
        systemd = args.option("systemd") == "yes";
    }
    Core::StartChoice start;
    start.newUnit = args.flag("new-unit");
    if (args.has("start")) {
        const auto mode = Core::parseStartMode(QString::fromLocal8Bit(args.option("start")));
        if (!mode) {
            return fail(io, "generate", mode.error(), json);
        }
        start.mode = *mode;
    }
    start.callerUser = QString::fromLocal8Bit(args.option("caller"));
    start.schedule = QString::fromLocal8Bit(args.option("schedule"));
    if (args.has("caller") && start.mode.value_or(Core::StartMode::CalledBy) != Core::StartMode::CalledBy) {
        return fail(
            io, "generate",
            {Core::ExitCode::Usage, QCoreApplication::translate("derootctl", "--caller goes with --start called-by")},
            json);
    }
    if (args.has("caller")) {
        start.mode = Core::StartMode::CalledBy;
    }
    if (args.has("schedule")) {
        if (start.mode.value_or(Core::StartMode::Scheduled) != Core::StartMode::Scheduled) {
            return fail(io, "generate",
                        {Core::ExitCode::Usage,
                         QCoreApplication::translate("derootctl", "--schedule goes with --start scheduled")},
                        json);
        }
        start.mode = Core::StartMode::Scheduled;
    }
    const auto inspected = inspectTarget(args, "generate", io);
    if (!inspected) {
        return fail(io, "generate", inspected.error(), json);
    }
    // Work with the unit the agent runs under or its package ships, as the wizard does.
    auto report = std::optional<Core::InspectionReport>(Core::withAgentUnit(*inspected));
    if (args.has("observation")) {
        // What watching it run showed joins what inspection found (derootctl observe --json).
        QFile file(QString::fromLocal8Bit(args.option("observation")));
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(io, "generate",
                        {Core::ExitCode::NotFound, QCoreApplication::translate("derootctl", "cannot read %1: %2")
                                                       .arg(file.fileName(), file.errorString())},
                        json);
        }
        const auto observed = Core::readObservedNeeds(file.readAll());
        if (!observed) {
            return fail(io, "generate", {observed.error().code, file.fileName() + u": "_s + observed.error().message},
                        json);
        }
        report->needs.merge(*observed);
    }
    start.systemd = systemd;
    Core::GenerationInput input = Core::buildGenerationInput(*report, *method, start);
    if (input.startMode == Core::StartMode::CalledBy && *method == Core::Method::Sudo && input.callerUser.isEmpty()) {
        return fail(io, "generate",
                    {Core::ExitCode::Usage,
                     QCoreApplication::translate("derootctl", "%1 %2 is run by another program, so the sudo rule is "
                                                              "for that program's user: name it with --caller USER, "
                                                              "or make %2 a service with --start service")
                         .arg(Core::detectedStart(*report).reason, input.executable)},
                    json);
    }
    // The command line and environment the agent runs with today, unless the admin gives them.
    if (args.has("args")) {
        const QStringList words = Core::splitCommandLine(QString::fromLocal8Bit(args.option("args")));
        if (input.startMode == Core::StartMode::CalledBy && *method == Core::Method::Sudo &&
            !input.sudoCommands.isEmpty()) {
            input.sudoCommands.first().arguments = words;
            input.sudoCommands.first().argumentsUnknown = false;
        } else {
            input.arguments = words;
        }
    }
    if (args.has("environment")) {
        input.environment = Core::splitCommandLine(QString::fromLocal8Bit(args.option("environment")));
    }
    if (args.has("environment-file")) {
        input.environmentFiles = Core::parseList(QString::fromLocal8Bit(args.option("environment-file")));
    }
    // The admin's adjustments, as the wizard's Adjust step makes them.
    if (args.has("caps")) {
        const auto capabilities = Core::parseCapabilityList(QString::fromLocal8Bit(args.option("caps")));
        if (!capabilities) {
            return fail(io, "generate", capabilities.error(), json);
        }
        input.capabilities = *capabilities;
    }
    // --add-cap and --drop-cap adjust the inspection's set (a conditional need such as the blackbox
    // exporter's ICMP probes); --caps replaces it.
    if ((args.has("add-cap") || args.has("drop-cap")) && *method == Core::Method::Sudo) {
        return fail(
            io, "generate",
            {Core::ExitCode::Usage,
             QCoreApplication::translate("derootctl", "--add-cap and --drop-cap go with --method caps or container: "
                                                      "the sudo method grants commands, not capabilities")},
            json);
    }
    for (const char *option : {"add-cap", "drop-cap"}) {
        if (!args.has(option)) {
            continue;
        }
        const auto named = Core::parseCapabilityList(QString::fromLocal8Bit(args.option(option)));
        if (!named) {
            return fail(io, "generate", named.error(), json);
        }
        for (const int capability : *named) {
            if (std::strcmp(option, "drop-cap") == 0) {
                input.capabilities.removeAll(capability);
            } else if (!input.capabilities.contains(capability)) {
                input.capabilities.append(capability);
            }
        }
        std::sort(input.capabilities.begin(), input.capabilities.end());
    }
    if (args.has("user")) {
        input.serviceUser = QString::fromLocal8Bit(args.option("user"));
    }
    // Each list replaces the inspection's ("" for none), as the Adjust step's fields do.
    const std::pair<const char *, QStringList *> lists[] = {{"read-paths", &input.readPaths},
                                                            {"write-paths", &input.writePaths},
                                                            {"devices", &input.devices},
                                                            {"groups", &input.supplementaryGroups}};
    for (const auto &[option, list] : lists) {
        if (args.has(option)) {
            *list = Core::parseList(QString::fromLocal8Bit(args.option(option)));
        }
    }
    if (args.has("ports")) {
        const auto ports = Core::parsePortList(QString::fromLocal8Bit(args.option("ports")));
        if (!ports) {
            return fail(io, "generate", ports.error(), json);
        }
        input.listenPorts = *ports;
    }
    if (args.has("image")) {
        input.containerImage = QString::fromLocal8Bit(args.option("image")).trimmed();
    }
    if (*method == Core::Method::Container) {
        // What the catalog says of containers for this agent: the recommendation's verdict, and
        // the image its upstream publishes (already in the input), else the admin's --image.
        const Core::CatalogMatchSection *match =
            report->catalog && !report->catalog->matches.isEmpty() ? &report->catalog->matches.constFirst() : nullptr;
        if (match && match->container && !match->container->unsuitable.isEmpty()) {
            return fail(
                io, "generate",
                {Core::ExitCode::Failure,
                 QCoreApplication::translate("derootctl", "the container method cannot serve %1: %2 (the catalog entry "
                                                          "%3). Choose --method caps or sudo.")
                     .arg(match->name, match->container->unsuitable, match->id)},
                json);
        }
        if (input.containerImage.isEmpty()) {
            return fail(
                io, "generate",
                {Core::ExitCode::Usage,
                 QCoreApplication::translate("derootctl", "--image IMAGE is needed for --method container: the catalog "
                                                          "names no upstream image for %1")
                     .arg(Core::quoted(match ? match->name : input.agentId))},
                json);
        }
    }
    if (args.flag("no-limits")) {
        input.limits.enabled = false;
    }
    const std::pair<const char *, int *> limits[] = {{"cpu-quota", &input.limits.cpuQuotaPercent},
                                                     {"memory-max", &input.limits.memoryMaxMiB},
                                                     {"tasks-max", &input.limits.tasksMax}};
    for (const auto &[option, value] : limits) {
        if (!args.has(option)) {
            continue;
        }
        bool ok = false;
        *value = QString::fromLatin1(args.option(option)).toInt(&ok);
        if (!ok || *value < 1) {
            return fail(
                io, "generate",
                {Core::ExitCode::Usage,
                 QCoreApplication::translate("derootctl", "--%1 takes a whole number above 0, not %2")
                     .arg(QString::fromLatin1(option), Core::quoted(QString::fromLocal8Bit(args.option(option))))},
                json);
        }
    }
    // A listening address the plan would drop is the admin's to answer, never a silent change.
    const QStringList changes = Core::listenAddressChanges(*report, input);
    if (!changes.isEmpty() && !args.flag("accept-address-change")) {
        return fail(io, "generate",
                    {Core::ExitCode::Usage,
                     changes.first() + u' ' +
                         QCoreApplication::translate("derootctl", "Keep it with --args, or accept the change with "
                                                                  "--accept-address-change.")},
                    json);
    }
    // Absolute from here on: the summary, the JSON and a refusal ("... already holds files") all
    // name the folder the admin can find again, whatever the working directory was.
    QString out = QString::fromLocal8Bit(args.option("out"));
    if (!out.isEmpty()) {
        out = QFileInfo(out).absoluteFilePath();
    }
    const auto outcome = generateAndWrite(*report, input, out, args.flag("force"), ansible);
    if (!outcome) {
        return fail(io, "generate", outcome.error(), json);
    }
    const QString summary = ansible ? describeRole(*outcome, out) : describe(*outcome, out);
    // What the plan cannot do itself and the admin must: stop a copy started outside any unit.
    const QString copy = Core::copyLeftRunning(*report, input);
    const QStringList notes = copy.isEmpty() ? QStringList() : QStringList{copy};
    return printResult(
        io, json,
        QJsonObject{{u"schema"_s, u"deroot.generate/1"_s},
                    {u"out"_s, out},
                    {u"format"_s, QString::fromLatin1(format)},
                    {u"files"_s, QJsonArray::fromStringList(outcome->written)},
                    {u"notes"_s, QJsonArray::fromStringList(notes)},
                    {u"plan"_s, outcome->plan.manifest}},
        summary + (copy.isEmpty() ? QString()
                                  : u"\n"_s + QCoreApplication::translate("derootctl", "Note: %1").arg(copy) + u'\n'));
}

int runWalkthrough(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, commandNamed("walkthrough"));
    if (!args.error().isEmpty() || !args.positionals().isEmpty()) {
        return fail(
            io, "walkthrough",
            {Core::ExitCode::Usage, args.error().isEmpty()
                                        ? QCoreApplication::translate("derootctl", "walkthrough takes only --out DIR")
                                        : args.error()},
            false);
    }
    const QString out = args.has("out") ? QString::fromLocal8Bit(args.option("out")) : u"deroot-out"_s;
    // A sample agent that a Debian system with Deroot's test agents has; the first one found.
    QString sample;
    for (const QString &candidate :
         {u"/usr/bin/fping"_s, u"/usr/bin/prometheus-node-exporter"_s, u"/usr/bin/tcpdump"_s, u"/usr/bin/ping"_s}) {
        if (QFileInfo(candidate).isFile()) {
            sample = candidate;
            break;
        }
    }
    if (sample.isEmpty()) {
        return fail(io, "walkthrough",
                    {Core::ExitCode::Unavailable,
                     QCoreApplication::translate("derootctl", "no sample agent (fping, node exporter, tcpdump, ping) "
                                                              "is installed here")},
                    false);
    }
    io.out << QCoreApplication::translate("derootctl", "1. Inspect %1: what does it need that an ordinary user lacks?")
                  .arg(sample)
           << "\n\n";
    const auto report = Core::inspectFile(QFile::encodeName(sample));
    if (!report) {
        return fail(io, "walkthrough", report.error(), false);
    }
    io.out << Core::toText(*report) << '\n';
    const Core::Answers answers;
    const Core::Recommendation recommendation = Core::recommend(*report, answers);
    io.out << QCoreApplication::translate("derootctl",
                                          "2. Recommend: on a server or VM, a vendor's agent, with systemd")
           << "\n\n"
           << Core::toText(recommendation, answers) << '\n';
    const Core::Method method = recommendation.recommended();
    io.out
        << QCoreApplication::translate("derootctl", "3. Generate the %1 plan into %2").arg(Core::methodId(method), out)
        << "\n\n";
    io.out.flush();
    Core::GenerationInput input = Core::buildGenerationInput(*report, method);
    // The walk-through may replace its own earlier output, never a folder that holds anything else.
    const bool earlierExport = QFileInfo(out + u"/plan.json"_s).isFile();
    const auto outcome = generateAndWrite(*report, input, out, earlierExport);
    if (!outcome) {
        return fail(io, "walkthrough", outcome.error(), false);
    }
    io.out << describe(*outcome, out);
    io.out.flush();
    return Core::toInt(Core::ExitCode::Success);
}

} // namespace Deroot::Cli
