// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// derootctl prove: runs a plan's agent as its unit would, on transient units, with every
// capability and then without each, and says which capabilities the trials showed necessary.
#include "app/cli/args.h"
#include "app/cli/command.h"

#include "core/base/text.h"
#include "core/plan/applyrequest.h"
#include "core/prove/prove.h"
#include "core/prove/systemdtrial.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Deroot::Cli {

namespace {

constexpr int kDefaultSeconds = 10;
constexpr int kMaxSeconds = 3600;

QString tr(const char *text)
{
    return QCoreApplication::translate("derootctl", text);
}

QString trialName(const Core::TrialRecord &record)
{
    return record.withoutCapability.isEmpty() ? tr("with every capability")
                                              : tr("without %1").arg(record.withoutCapability);
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

} // namespace

int runProve(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, {"json"}, {"seconds", "check"});
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
        if (!ok || seconds < 1 || seconds > kMaxSeconds) {
            return fail(io, "prove",
                        {Core::ExitCode::Usage, tr("--seconds takes a whole number of seconds from 1 to %1, not %2")
                                                    .arg(kMaxSeconds)
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
    const Core::Result<Core::PlanProof> proof = Core::PlanProof::prepare(checked->input);
    if (!proof) {
        return fail(io, "prove", proof.error(), json);
    }
    const Core::ProvePlan &plan = proof->plan();

    // The check runs as the user who runs derootctl, through the shell so that a pipeline works.
    const Core::TrialCheck runCheck = check.isEmpty() ? Core::TrialCheck{} : Core::shellCheck(check);
    if (!json) {
        io.out << tr("Proving the plan for %1 (%2): %3 as %4, %5 s a trial, on transient units.")
                      .arg(plan.agent, plan.unit, plan.program, plan.serviceUser)
                      .arg(seconds)
               << Qt::endl;
        for (const QString &note : proof->notes()) {
            io.out << note << Qt::endl;
        }
    }
    const Core::Result<Core::ProveReport> proved =
        proof->run(seconds, check, runCheck, [&](const Core::TrialRecord &record) {
            if (!json) {
                io.out << trialLine(record) << Qt::endl;
            }
        });
    if (!proved) {
        return fail(io, "prove", proved.error(), json);
    }
    const Core::ProveReport &report = *proved;
    if (json) {
        printJson(io, Core::proveReportToJson(report));
    } else if (report.baselineHealthy()) {
        io.out << verdictText(report) << tr("Nothing of the trials is left: their transient units are gone.")
               << Qt::endl;
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
