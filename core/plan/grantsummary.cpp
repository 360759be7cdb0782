// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/plan/grantsummary.h"

#include "core/text.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// QCoreApplication::translate() is spelled out at each call, with its context, so lupdate finds
// the strings (as in planexport.cpp).
QString none()
{
    return QCoreApplication::translate("Deroot::Core::GrantSummary", "none");
}

QString listOrNone(const QStringList &values)
{
    QStringList shown;
    for (const QString &value : values) {
        shown << oneLine(value);
    }
    return shown.isEmpty() ? none() : shown.join(u", "_s);
}

} // namespace

QStringList grantLines(const ValidatedPlan &plan)
{
    QStringList lines;
    lines << QCoreApplication::translate("Deroot::Core::GrantSummary", "Program: %1")
                 .arg(plan.programPath.isEmpty() ? none() : oneLine(plan.programPath));
    if (plan.serviceUser.isEmpty()) {
        lines << QCoreApplication::translate("Deroot::Core::GrantSummary", "Service user: none");
    } else {
        lines << QCoreApplication::translate("Deroot::Core::GrantSummary",
                                             "Service user: %1 (primary group %2; supplementary groups: %3)")
                     .arg(oneLine(plan.serviceUser),
                          oneLine(plan.serviceGroup.isEmpty() ? plan.serviceUser : plan.serviceGroup),
                          listOrNone(plan.supplementaryGroups));
    }
    lines << QCoreApplication::translate("Deroot::Core::GrantSummary", "Capabilities: %1")
                 .arg(listOrNone(plan.capabilities));
    lines << QCoreApplication::translate("Deroot::Core::GrantSummary", "Unit: %1")
                 .arg(plan.unit.isEmpty() ? none() : oneLine(plan.unit));
    if (plan.sudoCommands.isEmpty()) {
        lines << QCoreApplication::translate("Deroot::Core::GrantSummary", "Sudo commands: none");
        return lines;
    }
    // Exactly what sudo will allow: each program with these arguments and no others.
    lines << QCoreApplication::translate("Deroot::Core::GrantSummary", "Sudo commands, run as root:");
    for (const SudoCommand &command : plan.sudoCommands) {
        lines << u"  "_s + (command.arguments.isEmpty()
                                ? QCoreApplication::translate("Deroot::Core::GrantSummary", "%1 (no arguments)")
                                      .arg(oneLine(command.path))
                                : oneLine(command.path) + u' ' + oneLine(command.arguments.join(u' ')));
    }
    return lines;
}

QString privilegedWarning(const ValidatedPlan &plan)
{
    if (plan.privilegedGrants.isEmpty()) {
        return {};
    }
    return QCoreApplication::translate("Deroot::Core::GrantSummary",
                                       "Root-equivalent: %1. With this the agent can make itself root. The helper "
                                       "applies this plan only after an administrator's password typed for it, "
                                       "whatever polkit rules allow.")
        .arg(listOrNone(plan.privilegedGrants));
}

} // namespace Deroot::Core
