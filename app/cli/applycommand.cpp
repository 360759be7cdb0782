// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// derootctl apply, confirm, rollback and history: the helper's client on a terminal.
#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/helpercall.h"

#include "core/base/text.h"
#include "core/client/helperclient.h"
#include "core/client/outcometext.h"
#include "core/plan/grantsummary.h"
#include "core/plan/helperprotocol.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <optional>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("derootctl", text);
}

QString stepLine(const Core::StepProgress &step)
{
    return u"[%1/%2] %3 %4: %5%6"_s.arg(step.index + 1)
        .arg(step.count)
        .arg(step.kind, Core::oneLine(step.target), step.ok ? tr("ok") : tr("FAILED"),
             step.message.isEmpty() ? QString() : u" ("_s + Core::oneLine(step.message) + u')');
}

// The outcome as the Finish page words it (Core::describeOutcome): the agent check, its fields
// indented under their heading, then what happened and the id to undo it with.
QString outcomeText(const Core::ApplyOutcome &outcome)
{
    const Core::OutcomeText described = Core::describeOutcome(outcome);
    QString text;
    for (qsizetype i = 0; i < described.agentLines.size(); ++i) {
        text += (i == 0 ? QString() : u"  "_s) + described.agentLines.at(i) + u'\n';
    }
    text += described.summary + u'\n';
    text += tr("Apply id: %1").arg(outcome.applyId) + u'\n';
    return text;
}

// What the plan grants, for the admin to compare with polkit's prompt: indented lines, then the
// call-out for root-equivalent grants.
QString grantsText(const Core::CheckedRequest &plan)
{
    QString text;
    for (const QString &line : Core::grantLines(plan)) {
        text += u"  "_s + line + u'\n';
    }
    if (const QString warning = Core::privilegedWarning(plan); !warning.isEmpty()) {
        text += u"  "_s + tr("WARNING:") + u' ' + warning + u'\n';
    }
    return text;
}

QJsonObject grantsJson(const Core::CheckedRequest &plan)
{
    QJsonArray sudo;
    for (const Core::SudoCommand &command : plan.sudoCommands) {
        sudo.append(
            QJsonObject{{u"path"_s, command.path}, {u"arguments"_s, QJsonArray::fromStringList(command.arguments)}});
    }
    return {{u"program"_s, plan.programPath},
            {u"service_user"_s, plan.serviceUser},
            {u"service_group"_s, plan.serviceGroup},
            {u"supplementary_groups"_s, QJsonArray::fromStringList(plan.supplementaryGroups)},
            {u"capabilities"_s, QJsonArray::fromStringList(plan.capabilities)},
            {u"unit"_s, plan.unit},
            {u"timer"_s, plan.timer},
            {u"replaces_unit"_s, plan.replacesUnit},
            {u"caller_user"_s, plan.callerUser},
            {u"sudo_commands"_s, sudo},
            {u"privileged_grants"_s, QJsonArray::fromStringList(plan.privilegedGrants)}};
}

// Asks the admin on the terminal whether to keep the change; no answer in time is a no.
bool askToKeep(Io &io, int seconds)
{
    if (!isatty(STDIN_FILENO)) {
        return false;
    }
    io.out << tr("Keep these changes? Type yes within %1 seconds, or they are rolled back: ").arg(seconds);
    io.out.flush();
    pollfd fd{STDIN_FILENO, POLLIN, 0};
    if (poll(&fd, 1, seconds * 1000) <= 0) {
        io.out << Qt::endl;
        return false;
    }
    char line[16] = {};
    const ssize_t n = read(STDIN_FILENO, line, sizeof line - 1);
    return n > 0 && QByteArray(line, static_cast<int>(n)).trimmed() == "yes";
}

} // namespace

int runApply(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, commandNamed("apply"));
    const bool json = args.flag("json");
    if (!args.error().isEmpty()) {
        return fail(io, "apply", {Core::ExitCode::Usage, args.error()}, json);
    }
    if (args.positionals().size() != 1) {
        return fail(io, "apply", {Core::ExitCode::Usage, tr("apply takes one export folder or plan.json")}, json);
    }
    uint confirmWithin = 0;
    if (args.has("confirm-within")) {
        bool ok = false;
        confirmWithin = args.option("confirm-within").toUInt(&ok);
        // 0 (no confirmation) is what leaving the option out means.
        if (!ok || confirmWithin == 0 || !Core::HelperProtocol::confirmWindowAllowed(confirmWithin)) {
            return fail(
                io, "apply",
                {Core::ExitCode::Usage, tr("--confirm-within takes %1 to %2 seconds, not %3")
                                            .arg(Core::HelperProtocol::kMinConfirmSeconds)
                                            .arg(Core::HelperProtocol::kMaxConfirmSeconds)
                                            .arg(Core::quoted(QString::fromLocal8Bit(args.option("confirm-within"))))},
                json);
        }
    }
    const Core::Result<Core::ApplyRequest> request =
        Core::readApplyRequest(QString::fromLocal8Bit(args.positionals().first()));
    if (!request) {
        return fail(io, "apply", request.error(), json);
    }
    // The same validator the helper runs first: what it refuses here, the helper refuses too.
    const Core::Result<Core::CheckedRequest> plan = Core::parseApplyRequest(*request);
    if (!plan) {
        return fail(io, "apply", plan.error(), json);
    }
    if (args.flag("dry-run")) {
        QJsonArray steps;
        QString text = tr("Plan for %1 (%2), SHA-256 %3: valid; nothing was changed.")
                           .arg(plan->agent, plan->method, plan->planSha256) +
                       u'\n' + grantsText(*plan) + tr("Steps:") + u'\n';
        for (const Core::PlanStep &step : plan->steps) {
            steps.append(QJsonObject{{u"kind"_s, Core::stepKindName(step.kind)}, {u"target"_s, step.target}});
            text += u"  %1 %2\n"_s.arg(Core::stepKindName(step.kind), Core::oneLine(step.target));
        }
        QJsonObject result = grantsJson(*plan);
        result.insert(u"agent"_s, plan->agent);
        result.insert(u"method"_s, plan->method);
        result.insert(u"plan_sha256"_s, plan->planSha256);
        result.insert(u"steps"_s, steps);
        result.insert(u"dry_run"_s, true);
        return printResult(io, json, result, text);
    }
    if (!json) {
        // Before polkit's prompt, which names the same values: what the admin is about to approve.
        io.out << tr("Applying the plan for %1 (%2):").arg(plan->agent, plan->method) << u'\n' << grantsText(*plan)
               << tr("The authentication prompt must name SHA-256 %1").arg(plan->planSha256) << Qt::endl;
    }
    Core::HelperClient client;
    QObject::connect(&client, &Core::HelperClient::progress, [&](const Core::StepProgress &step) {
        if (!json) {
            io.out << stepLine(step) << Qt::endl;
        }
    });
    std::optional<TextAgent> agent;
    if (!args.flag("no-ask-password")) {
        agent.emplace();
    }
    const Core::Result<Core::ApplyOutcome> outcome =
        wait<Core::ApplyOutcome>([&](auto done) { client.apply(*request, confirmWithin, std::move(done)); });
    agent.reset();
    if (!outcome) {
        return fail(io, "apply", outcome.error(), json);
    }
    const bool ok = outcome->ok;
    if (json) {
        // The helper's reply in its own keys (ApplyOutcome::toJson() gives back what fromJson()
        // read, shared with the helper): scripts read them.
        printJson(io, outcome->toJson());
    } else {
        io.out << outcomeText(*outcome);
        io.out.flush();
    }
    if (!ok) {
        return Core::toInt(Core::ExitCode::Failure);
    }
    if (confirmWithin > 0 && !json) {
        const QString id = outcome->applyId;
        if (askToKeep(io, static_cast<int>(confirmWithin))) {
            const Core::Result<QJsonObject> confirmed =
                wait<QJsonObject>([&](auto done) { client.confirm(id, std::move(done)); });
            if (!confirmed) {
                return fail(io, "apply", confirmed.error(), json);
            }
            io.out << tr("Confirmed: the changes stay.") << Qt::endl;
        } else {
            io.out << tr("Not confirmed: the helper rolls %1 back at its deadline (or run derootctl confirm %1 "
                         "before it).")
                          .arg(id)
                   << Qt::endl;
        }
    }
    return Core::toInt(Core::ExitCode::Success);
}

int runConfirm(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, commandNamed("confirm"));
    const bool json = args.flag("json");
    if (!args.error().isEmpty()) {
        return fail(io, "confirm", {Core::ExitCode::Usage, args.error()}, json);
    }
    if (!args.error().isEmpty() || args.positionals().size() != 1) {
        return fail(io, "confirm", {Core::ExitCode::Usage, tr("confirm takes one apply id")}, json);
    }
    Core::HelperClient client;
    const QString id = QString::fromLocal8Bit(args.positionals().first());
    const Core::Result<QJsonObject> confirmed =
        wait<QJsonObject>([&](auto done) { client.confirm(id, std::move(done)); });
    if (!confirmed) {
        return fail(io, "confirm", confirmed.error(), json);
    }
    return printResult(io, json, *confirmed, tr("Confirmed: the changes of %1 stay.").arg(id) + u'\n');
}

int runRollback(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, commandNamed("rollback"));
    const bool json = args.flag("json");
    if (!args.error().isEmpty()) {
        return fail(io, "rollback", {Core::ExitCode::Usage, args.error()}, json);
    }
    if (!args.error().isEmpty() || args.positionals().size() != 1) {
        return fail(io, "rollback", {Core::ExitCode::Usage, tr("rollback takes one apply id")}, json);
    }
    Core::HelperClient client;
    QObject::connect(&client, &Core::HelperClient::progress, [&](const Core::StepProgress &step) {
        if (!json) {
            io.out << stepLine(step) << Qt::endl;
        }
    });
    const QString id = QString::fromLocal8Bit(args.positionals().first());
    std::optional<TextAgent> agent;
    if (!args.flag("no-ask-password")) {
        agent.emplace();
    }
    const Core::Result<QJsonObject> outcome =
        wait<QJsonObject>([&](auto done) { client.rollback(id, std::move(done)); });
    agent.reset();
    if (!outcome) {
        return fail(io, "rollback", outcome.error(), json);
    }
    return printResult(io, json, *outcome, tr("Rolled back %1.").arg(id) + u'\n');
}

int runHistory(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, commandNamed("history"));
    const bool json = args.flag("json");
    if (!args.error().isEmpty()) {
        return fail(io, "history", {Core::ExitCode::Usage, args.error()}, json);
    }
    if (!args.error().isEmpty() || !args.positionals().isEmpty()) {
        return fail(io, "history", {Core::ExitCode::Usage, tr("history takes no arguments")}, json);
    }
    Core::HelperClient client;
    const Core::Result<QJsonArray> history = wait<QJsonArray>([&](auto done) { client.history(std::move(done)); });
    if (!history) {
        return fail(io, "history", history.error(), json);
    }
    QString text;
    for (const QJsonValue &value : *history) {
        const QJsonObject entry = value.toObject();
        text += u"%1  %2  %3  %4  %5\n"_s.arg(entry.value(u"id"_s).toString(), entry.value(u"created"_s).toString(),
                                              entry.value(u"state"_s).toString(), entry.value(u"agent"_s).toString(),
                                              entry.value(u"method"_s).toString());
    }
    if (history->isEmpty()) {
        text = tr("No apply yet.") + u'\n';
    }
    return printResult(io, json, QJsonObject{{u"history"_s, *history}}, text);
}

} // namespace Deroot::Cli
