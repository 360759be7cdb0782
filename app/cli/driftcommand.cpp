// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// derootctl status and reconcile: the applied plans against the live system (core/drift), and the
// helper's repair of what drifted (files, users, file capabilities).
#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/helpercall.h"

#include "core/base/text.h"
#include "core/client/helperclient.h"
#include "core/drift/drift.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <optional>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("derootctl", text);
}

// The journal's applies (History, readable by anyone) against this system, as this user sees it.
Core::Result<QList<Core::PlanDrift>> compare(Core::HelperClient &client)
{
    const Core::Result<QJsonArray> history = wait<QJsonArray>([&](auto done) { client.history(std::move(done)); });
    if (!history) {
        return history.error();
    }
    const Core::RealLiveSystem live;
    return Core::compareWithSystem(*history, live);
}

QString plansText(const QList<Core::PlanDrift> &plans)
{
    QString text;
    for (const Core::PlanDrift &plan : plans) {
        text += u"%1  %2  %3 (%4)\n"_s.arg(plan.applyId, Core::driftStateText(plan.state).toUpper(),
                                           Core::oneLine(plan.agent), plan.method);
        text += u"  "_s + plan.summary + u'\n';
        for (const Core::DriftCheck &check : plan.checks) {
            if (check.state != Core::DriftCheck::State::Holding) {
                text += u"  - "_s + Core::oneLine(check.message) + u'\n';
            }
        }
    }
    if (plans.isEmpty()) {
        text = tr("No apply yet.") + u'\n';
    }
    return text;
}

QJsonArray plansJson(const QList<Core::PlanDrift> &plans)
{
    QJsonArray array;
    for (const Core::PlanDrift &plan : plans) {
        array.append(plan.toJson());
    }
    return array;
}

} // namespace

int runStatus(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, commandNamed("status"));
    const bool json = args.flag("json");
    if (!args.error().isEmpty()) {
        return fail(io, "status", {Core::ExitCode::Usage, args.error()}, json);
    }
    if (!args.positionals().isEmpty()) {
        return fail(io, "status", {Core::ExitCode::Usage, tr("status takes no arguments")}, json);
    }
    Core::HelperClient client;
    const auto plans = compare(client);
    if (!plans) {
        return fail(io, "status", plans.error(), json);
    }
    QString text = plansText(*plans);
    if (geteuid() != 0) {
        bool unknown = false;
        for (const Core::PlanDrift &plan : *plans) {
            for (const Core::DriftCheck &check : plan.checks) {
                unknown = unknown || check.state == Core::DriftCheck::State::Unknown;
            }
        }
        if (unknown) {
            text += tr("Some things could not be compared with this user's rights (root-only files): run "
                       "derootctl status as root to compare them too.") +
                    u'\n';
        }
    }
    printResult(io, json, QJsonObject{{u"plans"_s, plansJson(*plans)}, {u"drift"_s, Core::anyDrift(*plans)}}, text);
    return Core::toInt(Core::anyDrift(*plans) ? Core::ExitCode::Drifted : Core::ExitCode::Success);
}

int runReconcile(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, commandNamed("reconcile"));
    const bool json = args.flag("json");
    if (!args.error().isEmpty()) {
        return fail(io, "reconcile", {Core::ExitCode::Usage, args.error()}, json);
    }
    if (args.positionals().size() > 1) {
        return fail(io, "reconcile", {Core::ExitCode::Usage, tr("reconcile takes at most one apply id")}, json);
    }
    const QString id = args.positionals().isEmpty() ? QString() : QString::fromLocal8Bit(args.positionals().first());
    Core::HelperClient client;
    // Asked first, so that nobody types a password for nothing.
    const auto before = compare(client);
    if (!before) {
        return fail(io, "reconcile", before.error(), json);
    }
    const bool capsOnly = args.flag("caps-only");
    bool wanted = false;
    bool known = id.isEmpty();
    for (const Core::PlanDrift &plan : *before) {
        known = known || plan.applyId == id;
        // Every capability, file and user that drifted goes to the helper, which alone decides (and
        // journals) whether it is put back or blocked: the comparison here is this user's view, never
        // the authority. A file it cannot read (a sudoers drop-in, 0440) is "unknown": asked too.
        for (const Core::DriftCheck &check : plan.checks) {
            const bool repairable =
                check.what == u"capabilities" || (!capsOnly && (check.what == u"file" || check.what == u"user"));
            wanted = wanted || ((id.isEmpty() || plan.applyId == id) && repairable &&
                                (check.state == Core::DriftCheck::State::Drifted ||
                                 (check.what == u"file" && check.state == Core::DriftCheck::State::Unknown &&
                                  plan.state == Core::PlanDrift::State::Drifted)));
        }
    }
    if (!known) {
        return fail(io, "reconcile", {Core::ExitCode::NotFound, tr("no apply %1 in the history").arg(Core::quoted(id))},
                    json);
    }
    QJsonArray reconciled;
    QString text;
    if (wanted) {
        std::optional<TextAgent> agent;
        if (!args.flag("no-ask-password")) {
            agent.emplace();
        }
        const Core::Result<QJsonObject> outcome =
            wait<QJsonObject>([&](auto done) { client.reconcile(id, !capsOnly, std::move(done)); });
        agent.reset();
        if (!outcome) {
            return fail(io, "reconcile", outcome.error(), json);
        }
        reconciled = outcome->value(u"reconciled"_s).toArray();
        for (const QJsonValue &value : std::as_const(reconciled)) {
            const QJsonObject item = value.toObject();
            const QString target = item.value(u"target"_s).toString();
            text += u"%1  %2  %3: %4\n"_s.arg(
                item.value(u"apply_id"_s).toString(), item.value(u"outcome"_s).toString().toUpper(),
                Core::oneLine(target.isEmpty() ? item.value(u"program"_s).toString() : target),
                Core::oneLine(item.value(u"message"_s).toString()));
        }
    } else {
        text +=
            (capsOnly ? tr("No file capabilities to set again.") : tr("Nothing that reconcile puts back drifted.")) +
            u'\n';
    }
    // What holds now, as status would say it: what reconcile does not repair (files, units,
    // users) is told, with what to do about it.
    const auto after = compare(client);
    if (!after) {
        return fail(io, "reconcile", after.error(), json);
    }
    QList<Core::PlanDrift> remaining;
    for (const Core::PlanDrift &plan : *after) {
        if ((id.isEmpty() || plan.applyId == id) && plan.state == Core::PlanDrift::State::Drifted) {
            remaining.append(plan);
        }
    }
    bool blocked = false;
    for (const QJsonValue &value : std::as_const(reconciled)) {
        const QString outcome = value.toObject().value(u"outcome"_s).toString();
        blocked = blocked || outcome == u"blocked" || outcome == u"failed";
    }
    if (!remaining.isEmpty() && !capsOnly) {
        text += tr("Still drifted (reconcile puts back only what the apply wrote, created and set; for the rest, "
                   "such as another drop-in or a program that changed, roll the apply back and apply a new plan):") +
                u'\n' + plansText(remaining);
    }
    printResult(io, json, QJsonObject{{u"reconciled"_s, reconciled}, {u"remaining"_s, plansJson(remaining)}}, text);
    if (blocked) {
        return Core::toInt(Core::ExitCode::Refused);
    }
    return Core::toInt(!remaining.isEmpty() && !capsOnly ? Core::ExitCode::Drifted : Core::ExitCode::Success);
}

} // namespace Deroot::Cli
