// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// derootctl prove: runs a plan's agent as its unit would, on temporary units, with every
// capability and then without each, and says which capabilities the trials showed necessary.
#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/helpercall.h"

#include "core/base/text.h"
#include "core/client/helperclient.h"
#include "core/observe/observedneeds.h"
#include "core/plan/applyrequest.h"
#include "core/plan/proverequest.h"
#include "core/prove/prove.h"
#include "core/prove/systemdtrial.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include <functional>
#include <optional>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Cli {

namespace {

constexpr int kDefaultSeconds = 10;

QString tr(const char *text)
{
    return QCoreApplication::translate("derootctl", text);
}

QString trialName(const Core::TrialRecord &record)
{
    if (!record.withSetting.isEmpty()) {
        return tr("with %1").arg(record.withSetting);
    }
    return record.withoutCapability.isEmpty() ? tr("with every capability")
                                              : tr("without %1").arg(record.withoutCapability);
}

// How the plan's unit comes to relax @p key, so the offer can say what to generate differently.
QString tightenHint(const Core::ProveReport &report, const QString &key)
{
    QStringList values;
    for (const Core::UnitProperty &property : report.plan.properties) {
        if (key == u"PrivateDevices" && property.key == u"DeviceAllow") {
            values << property.value;
        } else if (key == u"ProtectHome" && (property.key == u"ReadWritePaths" || property.key == u"ReadOnlyPaths")) {
            for (const QString &path : property.value.split(u' ', Qt::SkipEmptyParts)) {
                const QString bare = path.startsWith(u'-') ? path.mid(1) : path;
                for (const QString &home : {u"/home"_s, u"/root"_s, u"/run/user"_s}) {
                    if (bare == home || bare.startsWith(home + u'/')) {
                        values << bare;
                    }
                }
            }
        }
    }
    if (key == u"PrivateDevices") {
        return values.isEmpty()
                   ? tr("generate the plan again without the devices it lists, then prove it again")
                   : tr("generate the plan again without the devices it lists (DeviceAllow=%1), then prove it again")
                         .arg(values.join(u", "_s));
    }
    if (key == u"ProtectHome") {
        return tr("generate the plan again without its paths below /home, /root and /run/user (%1), then prove it "
                  "again")
            .arg(values.join(u' '));
    }
    // NOTE: derootctl generate has no option to narrow the families (they come from the plan's ports and
    // what inspection found); say so rather than offer a route that does not exist.
    return tr("derootctl generate cannot narrow this yet: the generator derives it from the plan's ports and "
              "address families (plan.json's listen_ports and address_families), so it stays until it can");
}

QString sandboxText(const Core::ProveReport &report)
{
    QString text;
    for (const Core::SandboxFinding &finding : report.sandbox) {
        const QString setting = finding.candidate.setting();
        const QString unit = finding.unitValue.isEmpty()
                                 ? tr("the unit does not set it")
                                 : tr("the unit has %1=%2").arg(finding.candidate.key, finding.unitValue);
        switch (finding.verdict) {
        case Core::SandboxVerdict::Tolerated:
            text += tr("%1: tolerated: the agent passed every check with it (%2; %3)")
                        .arg(setting, unit, finding.candidate.observed);
            break;
        case Core::SandboxVerdict::BreaksTheAgent:
            text += tr("%1: breaks the agent: with it the agent failed: %2 (%3; %4)")
                        .arg(setting, finding.evidence.join(u"; "_s), unit, finding.candidate.observed);
            break;
        case Core::SandboxVerdict::Skipped:
            text += tr("%1: not tried: %2").arg(setting, finding.evidence.join(u"; "_s));
            break;
        }
        text += u'\n';
    }
    for (const Core::SandboxFinding &finding : report.sandbox) {
        if (finding.verdict == Core::SandboxVerdict::Tolerated) {
            text +=
                tr("Offer: tighten the unit with %1 (in place of %2): %3. A trial shows only what the agent did "
                   "in %4 seconds.")
                    .arg(finding.candidate.setting(),
                         finding.unitValue.isEmpty() ? tr("nothing") : finding.candidate.key + u'=' + finding.unitValue,
                         tightenHint(report, finding.candidate.key))
                    .arg(report.seconds) +
                u'\n';
        }
    }
    return text;
}

QString trialLine(const Core::TrialRecord &record)
{
    const QString seconds = QString::number(record.outcome.seconds, 'f', 1);
    if (record.health.healthy && record.outcome.checkRun) {
        return tr("  %1: works, the check passed (%2 s)").arg(trialName(record), seconds);
    }
    return record.health.healthy
               ? tr("  %1: works (%2 s)").arg(trialName(record), seconds)
               : tr("  %1: fails: %2 (%3 s)").arg(trialName(record), record.health.problems.join(u"; "_s), seconds);
}

QString verdictText(const Core::ProveReport &report)
{
    QString text;
    for (const Core::CapabilityFinding &finding : report.capabilities) {
        text += finding.verdict == Core::ProofVerdict::ShownNecessary
                    ? tr("%1: shown necessary (without it the agent %2)")
                          .arg(finding.capability, finding.evidence.join(u"; "_s))
                    : tr("%1: not shown necessary: the agent passed every check without it").arg(finding.capability);
        text += u'\n';
    }
    if (report.plan.capabilities.isEmpty()) {
        text += tr("The plan grants no capability: there was nothing to try without.") + u'\n';
    }
    const QStringList drop = report.notShownNecessary();
    if (!drop.isEmpty()) {
        text += tr("Offer: drop %1: generate the plan again with --drop-cap %2, then prove it again. A trial shows "
                   "only what the agent did in %3 seconds: a capability used now and then (a reload, a rare probe) "
                   "is not shown either.")
                    .arg(drop.join(u", "_s), drop.join(u','))
                    .arg(report.seconds) +
                u'\n';
    }
    return text;
}

// One proof through the helper (Prove, one authorization): its reply is the report as --json
// prints it, read back so that the text is the same as when derootctl runs the trials itself.
Core::Result<Core::ProveReport> proveThroughHelper(const Core::ProveRequest &request, bool askPassword,
                                                   QJsonObject *json,
                                                   const std::function<void(const Core::TrialRecord &)> &told)
{
    Core::HelperClient client;
    std::optional<TextAgent> agent;
    if (askPassword) {
        agent.emplace();
    }
    QObject::connect(&client, &Core::HelperClient::proveTrial, &client, [&](const QJsonObject &trial) {
        if (const std::optional<Core::TrialRecord> record = Core::trialRecordFromJson(trial)) {
            told(*record);
        }
    });
    const Core::Result<QByteArray> reply = wait<QByteArray>([&](auto done) { client.prove(request, std::move(done)); });
    agent.reset();
    if (!reply) {
        return reply.error();
    }
    const QJsonDocument document = QJsonDocument::fromJson(*reply);
    if (!document.isObject()) {
        return Core::Error{Core::ExitCode::Failure, tr("the helper's answer is not a JSON object")};
    }
    *json = document.object();
    return Core::proveReportFromJson(*json);
}

} // namespace

int runProve(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, commandNamed("prove"));
    const bool json = args.flag("json");
    if (!args.error().isEmpty()) {
        return fail(io, "prove", {Core::ExitCode::Usage, args.error()}, json);
    }
    if (args.positionals().size() != 1) {
        return fail(io, "prove", {Core::ExitCode::Usage, tr("prove takes one export folder or plan.json")}, json);
    }
    int seconds = kDefaultSeconds;
    if (args.has("seconds")) {
        bool ok = false;
        seconds = args.option("seconds").toInt(&ok);
        if (!ok || seconds < Core::kMinProveSeconds || seconds > Core::kMaxProveSeconds) {
            return fail(io, "prove",
                        {Core::ExitCode::Usage, tr("--seconds takes a whole number of seconds from 1 to %1, not %2")
                                                    .arg(Core::kMaxProveSeconds)
                                                    .arg(Core::quoted(QString::fromLocal8Bit(args.option("seconds"))))},
                        json);
        }
    }
    const QString check = QString::fromLocal8Bit(args.option("check"));
    if (args.has("check") && check.trimmed().isEmpty()) {
        return fail(io, "prove", {Core::ExitCode::Usage, tr("--check needs a command")}, json);
    }

    // The plan is read and checked exactly as apply reads it: what prove runs is what apply installs.
    const QString path = QString::fromLocal8Bit(args.positionals().first());
    const Core::Result<Core::ApplyRequest> request = Core::readApplyRequest(path);
    if (!request) {
        return fail(io, "prove", request.error(), json);
    }
    const Core::Result<Core::CheckedRequest> checked = Core::parseApplyRequest(*request);
    if (!checked) {
        return fail(io, "prove",
                    {checked.error().code,
                     tr("%1 is not a plan Deroot can run: %2").arg(Core::quoted(path), checked.error().message)},
                    json);
    }
    // The sandbox settings an observation flagged (derootctl observe --json), read strictly: only
    // settings and values an observation can flag reach a trial's unit.
    QList<Core::SandboxCandidate> candidates;
    if (args.has("observation")) {
        QFile file(QString::fromLocal8Bit(args.option("observation")));
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(io, "prove",
                        {Core::ExitCode::NotFound, tr("cannot read %1: %2").arg(file.fileName(), file.errorString())},
                        json);
        }
        const auto flags = Core::readObservedSandbox(file.readAll());
        if (!flags) {
            return fail(io, "prove", {flags.error().code, file.fileName() + u": "_s + flags.error().message}, json);
        }
        for (const Core::SandboxFlag &flag : *flags) {
            candidates << Core::SandboxCandidate{flag.key, flag.value, flag.evidence};
        }
    }
    const Core::Result<Core::ProvePlan> provable = Core::provePlan(checked->input);
    if (!provable) {
        return fail(io, "prove", provable.error(), json);
    }
    const Core::ProvePlan &plan = *provable;
    // As root the trials run here; otherwise the helper runs them, after polkit's yes
    // (io.github.deroot.prove.run), and runs the check as this user. The output is the same.
    const bool throughHelper = ::geteuid() != 0;
    // The helper's answer is waited for at most HelperClient::kLongCallMs: a proof that could take
    // longer (each trial its seconds, a check's time and the stop) would be abandoned mid-way.
    const qint64 trialCount = plan.capabilities.size() + candidates.size() + 1;
    const qint64 longestSeconds = trialCount * qint64(seconds + Core::kTrialCheckSeconds + 15);
    if (throughHelper && longestSeconds > Core::HelperClient::kLongCallMs / 1000 - 600) {
        return fail(
            io, "prove",
            {Core::ExitCode::Usage, tr("through the helper a proof may take at most %1 minutes, and %2 trials "
                                       "of %3 seconds could take longer: give fewer --seconds, or prove as root")
                                        .arg((Core::HelperClient::kLongCallMs / 1000 - 600) / 60)
                                        .arg(trialCount)
                                        .arg(seconds)},
            json);
    }
    // Printed once the trials can run (root) or have run (the helper): a refusal prints nothing here.
    const auto printHeader = [&](const QStringList &notes) {
        if (!json) {
            io.out << tr("Proving the plan for %1 (%2): %3 as %4, %5 s a trial, on temporary units.")
                          .arg(plan.agent, plan.unit, plan.program, plan.serviceUser)
                          .arg(seconds)
                   << Qt::endl;
            for (const QString &note : notes) {
                io.out << note << Qt::endl;
            }
        }
    };
    const auto printTrial = [&](const Core::TrialRecord &record) {
        if (!json) {
            io.out << trialLine(record) << Qt::endl;
        }
    };
    Core::ProveReport report;
    QJsonObject reportJson;
    if (throughHelper) {
        // The helper refuses a running agent after the password: say so before it is asked for.
        if (plan.isDropIn()) {
            if (const std::optional<Core::Error> running = Core::vendorUnitRunning(plan.vendorUnit)) {
                return fail(io, "prove", *running, json);
            }
        }
        // Each trial is printed as the helper tells of its end, under the header; the notes, which
        // only the report carries, follow the trials.
        qsizetype printed = 0;
        const auto told = [&](const Core::TrialRecord &record) {
            if (printed++ == 0) {
                printHeader({});
            }
            printTrial(record);
        };
        const Core::Result<Core::ProveReport> proved = proveThroughHelper(
            Core::ProveRequest{*request, seconds, check, candidates}, !args.flag("no-ask-password"), &reportJson, told);
        if (!proved) {
            return fail(io, "prove", proved.error(), json);
        }
        report = *proved;
        QList<Core::TrialRecord> records{report.baseline};
        records << report.trials;
        for (const Core::SandboxFinding &finding : std::as_const(report.sandbox)) {
            if (finding.trial) {
                records << *finding.trial;
            }
        }
        // Whatever the signals did not bring (none arrive from an older helper).
        if (printed == 0) {
            printHeader({});
        }
        for (qsizetype i = printed; i < records.size(); ++i) {
            printTrial(records.at(i));
        }
        if (!json) {
            for (const QString &note : std::as_const(report.notes)) {
                io.out << note << Qt::endl;
            }
        }
    } else {
        const Core::Result<Core::PlanProof> proof = Core::PlanProof::prepare(checked->input);
        if (!proof) {
            return fail(io, "prove", proof.error(), json);
        }
        printHeader(proof->notes());
        // The check runs as the user who runs derootctl, through the shell so that a pipeline works.
        const Core::TrialCheck runCheck = check.isEmpty() ? Core::TrialCheck{} : Core::shellCheck(check);
        const Core::Result<Core::ProveReport> proved = proof->run(seconds, check, candidates, runCheck, printTrial);
        if (!proved) {
            return fail(io, "prove", proved.error(), json);
        }
        report = *proved;
        reportJson = Core::proveReportToJson(report);
    }
    if (json) {
        printJson(io, reportJson);
    } else if (report.baselineHealthy()) {
        if (args.has("observation") && report.sandbox.isEmpty()) {
            io.out << tr("The observation flags no sandbox setting (see its notes).") << Qt::endl;
        }
        io.out << verdictText(report) << sandboxText(report)
               << tr("Nothing of the trials is left: their temporary units are gone.") << Qt::endl;
    }
    if (!report.baselineHealthy()) {
        io.err << "derootctl: prove: "
               << tr("the plan does not work as it stands: with every capability the agent %1; no capability was "
                     "tried without")
                      .arg(report.baseline.health.problems.join(u"; "_s))
               << Qt::endl;
        return Core::toInt(Core::ExitCode::Failure);
    }
    return Core::toInt(Core::ExitCode::Success);
}

} // namespace Deroot::Cli
