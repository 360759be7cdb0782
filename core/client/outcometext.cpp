// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/client/outcometext.h"

#include "core/base/text.h"
#include "core/model/capabilities.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cstdint>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

OutcomeText describeOutcome(const ApplyOutcome &outcome)
{
    OutcomeText text;
    const AgentCheck &agent = outcome.agent;
    if (agent.checked) {
        // A scheduled plan's check is of its timer, as systemd has it: no process of it runs yet.
        const QString unit = oneLine(agent.unit);
        text.agentLines << (unit.endsWith(u".timer"_s) ? QCoreApplication::translate("Deroot::Core::ApplyOutcome",
                                                                                     "Timer (%1), as systemd has it:")
                                                             .arg(unit)
                                                       : QCoreApplication::translate("Deroot::Core::ApplyOutcome",
                                                                                     "Running agent (%1, pid %2):")
                                                             .arg(unit)
                                                             .arg(agent.pid));
        for (const AgentField &field : agent.fields) {
            const QString name = oneLine(field.name);
            const QString actual = oneLine(agentFieldText(name, field.actual));
            const QString expected = oneLine(agentFieldText(name, field.expected));
            text.agentLines << (field.ok
                                    ? QCoreApplication::translate("Deroot::Core::ApplyOutcome", "%1: %2 as planned")
                                          .arg(name, actual)
                                    : QCoreApplication::translate("Deroot::Core::ApplyOutcome",
                                                                  "%1: %2, but the plan expects %3")
                                          .arg(name, actual, expected));
        }
        text.agentMismatch = !agent.ok;
    }
    const QString message = oneLine(outcome.message);
    text.error = !outcome.ok;
    if (outcome.ok) {
        // Counted here rather than taken from the helper's message, which is English whatever the
        // caller's language.
        text.summary = QCoreApplication::translate("Deroot::Core::ApplyOutcome", "Applied: %n step(s) done.", nullptr,
                                                   outcome.stepsDone());
    } else if (outcome.rolledBack) {
        text.summary = QCoreApplication::translate("Deroot::Core::ApplyOutcome",
                                                   "The apply failed and everything it had changed was undone: %1")
                           .arg(message);
    } else if (agent.checked && !agent.ok) {
        // The fields that are off, by name: the agent lines give their values, and the helper's
        // message, which says the same in English, would only repeat them.
        QStringList off;
        for (const AgentField &field : agent.fields) {
            if (!field.ok) {
                off << oneLine(field.name);
            }
        }
        text.summary = QCoreApplication::translate("Deroot::Core::ApplyOutcome",
                                                   "Applied, but the running agent does not match the plan: %1. Undo "
                                                   "it, or look into it and undo it later with its apply id.")
                           .arg(off.isEmpty() ? message : off.join(u", "_s));
    } else {
        text.summary = QCoreApplication::translate("Deroot::Core::ApplyOutcome", "The apply failed: %1").arg(message);
    }
    return text;
}

QString agentFieldText(const QString &field, const QString &value)
{
    static const QRegularExpression kMask(QRegularExpression::anchoredPattern(u"[0-9a-fA-F]{16}"_s));
    if (!field.startsWith(u"Cap"_s) || !kMask.match(value).hasMatch()) {
        return value;
    }
    const std::uint64_t mask = value.toULongLong(nullptr, 16);
    std::uint64_t known = 0;
    for (const CapabilityInfo &info : capabilityTable()) {
        known |= std::uint64_t(1) << info.number;
    }
    // In HelperClient's context, where these words have been translated since before this file.
    if (mask == 0) {
        return QCoreApplication::translate("Deroot::Core::HelperClient", "none");
    }
    if ((mask & known) == known) {
        // A full bounding set lists 41 names: say "all", and name only bits beyond Deroot's table.
        const QList<QString> extra = capabilityNames(mask & ~known);
        return extra.isEmpty()
                   ? QCoreApplication::translate("Deroot::Core::HelperClient", "all")
                   : QCoreApplication::translate("Deroot::Core::HelperClient", "all, and %1").arg(extra.join(u", "_s));
    }
    return capabilityNames(mask).join(u", "_s);
}

} // namespace Deroot::Core
