// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/plan/applyoutcome.h"

#include "core/plan/applyrequest.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

QJsonObject AgentCheck::toJson() const
{
    QJsonArray fieldArray;
    for (const AgentField &field : fields) {
        fieldArray.append(QJsonObject{{u"name"_s, field.name},
                                      {u"expected"_s, field.expected},
                                      {u"actual"_s, field.actual},
                                      {u"ok"_s, field.ok}});
    }
    return {{u"checked"_s, checked}, {u"ok"_s, ok}, {u"unit"_s, unit}, {u"pid"_s, pid}, {u"fields"_s, fieldArray}};
}

AgentCheck AgentCheck::fromJson(const QJsonObject &object)
{
    AgentCheck check;
    check.checked = object.value(u"checked"_s).toBool();
    check.ok = object.value(u"ok"_s).toBool();
    check.unit = object.value(u"unit"_s).toString();
    check.pid = object.value(u"pid"_s).toInteger();
    for (const auto &value : object.value(u"fields"_s).toArray()) {
        const QJsonObject field = value.toObject();
        check.fields.append({field.value(u"name"_s).toString(), field.value(u"expected"_s).toString(),
                             field.value(u"actual"_s).toString(), field.value(u"ok"_s).toBool()});
    }
    return check;
}

int ApplyOutcome::stepsDone() const
{
    const QString exportOnly = stepKindName(PlanStep::Kind::ExportOnly);
    return int(std::count_if(steps.cbegin(), steps.cend(),
                             [&](const StepProgress &step) { return step.ok && step.kind != exportOnly; }));
}

QJsonObject ApplyOutcome::toJson() const
{
    QJsonArray stepArray;
    for (const StepProgress &step : steps) {
        stepArray.append(stepToJson(step));
    }
    return {{u"apply_id"_s, applyId},
            {u"ok"_s, ok},
            {u"rolled_back"_s, rolledBack},
            {u"message"_s, message},
            {u"steps"_s, stepArray},
            {u"agent"_s, agent.toJson()},
            {u"confirm_by"_s,
             confirmBy.isValid() ? QJsonValue(confirmBy.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)}};
}

Result<ApplyOutcome> ApplyOutcome::fromJson(const QJsonObject &object)
{
    const QJsonValue id = object.value(u"apply_id"_s);
    const QJsonValue ok = object.value(u"ok"_s);
    if (!id.isString() || id.toString().isEmpty() || !ok.isBool()) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::ApplyOutcome",
                                                 "the helper's answer names no apply id or outcome")};
    }
    ApplyOutcome outcome;
    outcome.applyId = id.toString();
    outcome.ok = ok.toBool();
    outcome.rolledBack = object.value(u"rolled_back"_s).toBool();
    outcome.message = object.value(u"message"_s).toString();
    for (const auto &step : object.value(u"steps"_s).toArray()) {
        outcome.steps.append(stepFromJson(step.toObject()));
    }
    outcome.agent = AgentCheck::fromJson(object.value(u"agent"_s).toObject());
    // null when no confirmation is awaited.
    const QString confirmBy = object.value(u"confirm_by"_s).toString();
    if (!confirmBy.isEmpty()) {
        outcome.confirmBy = QDateTime::fromString(confirmBy, Qt::ISODate).toUTC();
    }
    return outcome;
}

} // namespace Deroot::Core
