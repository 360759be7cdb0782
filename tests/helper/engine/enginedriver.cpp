// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Test-only: the engine on the real system, without D-Bus or polkit, for the host tests (the test
// host is a throwaway machine). Never installed. Prints one JSON document on stdout.
//   deroot-engine-driver validate DIR
//   deroot-engine-driver apply DIR [--crash-at BOUNDARY] [--confirm-within SECONDS]
//   deroot-engine-driver rollback ID | confirm ID | recover | history
#include "app/helper/engine.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Deroot;
using namespace Deroot::Helper;
using namespace Qt::StringLiterals;

namespace {

int print(const QJsonObject &object, int code)
{
    std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
    return code;
}

int error(const Core::Error &error)
{
    return print({{u"ok"_s, false}, {u"code"_s, Core::toInt(error.code)}, {u"error"_s, error.message}},
                 Core::toInt(error.code));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);
    const QString verb = arguments.value(0);
    System system = System::real();
#ifdef DEROOT_CRASH_HOOK
    const qsizetype crash = arguments.indexOf(u"--crash-at"_s);
    if (crash > 0) {
        system.crashHook.atApplyBoundary = arguments.value(crash + 1).toInt();
    }
#endif
    Engine engine(system);
    if (verb == u"recover") {
        return print({{u"ok"_s, true}, {u"recovered"_s, QJsonArray::fromStringList(engine.recover())}}, 0);
    }
    if (verb == u"history") {
        return print({{u"ok"_s, true}, {u"history"_s, engine.history()}}, 0);
    }
    if (verb == u"rollback" || verb == u"confirm") {
        const auto failed =
            verb == u"rollback" ? engine.rollback(arguments.value(1), 0) : engine.confirm(arguments.value(1), 0);
        return failed ? error(*failed) : print({{u"ok"_s, true}, {u"status"_s, engine.status(arguments.value(1))}}, 0);
    }
    if (verb != u"validate" && verb != u"apply") {
        std::fputs("usage: deroot-engine-driver validate|apply DIR | rollback|confirm ID | recover | history\n",
                   stderr);
        return 2;
    }
    const auto request = Core::readApplyRequest(arguments.value(1));
    if (!request) {
        return error(request.error());
    }
    const auto plan = engine.validate(*request);
    if (!plan) {
        return error(plan.error());
    }
    if (verb == u"validate") {
        return print({{u"ok"_s, true}, {u"plan_sha256"_s, plan->planSha256}}, 0);
    }
    QDateTime confirmBy;
    const qsizetype within = arguments.indexOf(u"--confirm-within"_s);
    if (within > 0) {
        confirmBy = QDateTime::currentDateTimeUtc().addSecs(arguments.value(within + 1).toInt());
    }
    const auto outcome = engine.apply(*plan, 0, confirmBy);
    if (!outcome) {
        return error(outcome.error());
    }
    QJsonArray fields;
    for (const AgentField &field : outcome->agent.fields) {
        fields.append(QJsonObject{{u"name"_s, field.name},
                                  {u"expected"_s, field.expected},
                                  {u"actual"_s, field.actual},
                                  {u"ok"_s, field.ok}});
    }
    return print({{u"ok"_s, outcome->ok},
                  {u"id"_s, outcome->applyId},
                  {u"message"_s, outcome->message},
                  {u"rolled_back"_s, outcome->rolledBack},
                  {u"agent_checked"_s, outcome->agent.checked},
                  {u"agent"_s, fields}},
                 outcome->ok ? 0 : 1);
}
