// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/plan/grantsummary.h"

#include "core/base/commandline.h"
#include "core/base/text.h"

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

QStringList grantLines(const CheckedRequest &plan)
{
    QStringList lines;
    lines << QCoreApplication::translate("Deroot::Core::GrantSummary", "Program: %1")
                 .arg(plan.programPath.isEmpty() ? none() : oneLine(plan.programPath));
    // What it starts with decides what it loads and where it listens: shown whole, never cut.
    if (!plan.input.arguments.isEmpty()) {
        lines << QCoreApplication::translate("Deroot::Core::GrantSummary", "Arguments: %1")
                     .arg(oneLine(joinCommandLine(plan.input.arguments)));
    }
    QStringList environment = plan.input.environment;
    for (const QString &file : plan.input.environmentFiles) {
        environment << QCoreApplication::translate("Deroot::Core::GrantSummary", "the file %1").arg(file);
    }
    if (!environment.isEmpty()) {
        lines << QCoreApplication::translate("Deroot::Core::GrantSummary", "Environment: %1")
                     .arg(listOrNone(environment));
    }
    if (plan.serviceUser.isEmpty()) {
        lines << QCoreApplication::translate("Deroot::Core::GrantSummary", "Service user: none");
    } else {
        lines << QCoreApplication::translate("Deroot::Core::GrantSummary",
                                             "Service user: %1 (primary group %2; supplementary groups: %3)")
                     .arg(oneLine(plan.serviceUser),
                          oneLine(plan.serviceGroup.isEmpty() ? plan.serviceUser : plan.serviceGroup),
                          listOrNone(plan.supplementaryGroups));
    }
    if (!plan.callerUser.isEmpty()) {
        lines << QCoreApplication::translate("Deroot::Core::GrantSummary",
                                             "Called by: %1, an existing user; the sudo rule is for it (no user is "
                                             "created)")
                     .arg(oneLine(plan.callerUser));
    } else if (plan.input.startMode == StartMode::CalledBy && plan.method == u"caps") {
        lines << QCoreApplication::translate(
            "Deroot::Core::GrantSummary", "Called by: any user who runs it (file capabilities act for every caller)");
    }
    lines << QCoreApplication::translate("Deroot::Core::GrantSummary", "Capabilities: %1")
                 .arg(listOrNone(plan.capabilities));
    lines << QCoreApplication::translate("Deroot::Core::GrantSummary", "Unit: %1")
                 .arg(plan.unit.isEmpty() ? none() : oneLine(plan.unit));
    if (!plan.timer.isEmpty()) {
        lines << QCoreApplication::translate("Deroot::Core::GrantSummary", "Timer: %1 starts %2 on the schedule %3")
                     .arg(oneLine(plan.timer), oneLine(plan.unit), oneLine(plan.input.schedule));
    }
    if (!plan.replacesUnit.isEmpty()) {
        // The switch-over changes a unit the plan did not write: the approval must name it.
        lines << QCoreApplication::translate("Deroot::Core::GrantSummary",
                                             "Replaces: stops and disables %1; a rollback enables and starts it again "
                                             "as it was")
                     .arg(oneLine(plan.replacesUnit));
    }
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

QString privilegedWarning(const CheckedRequest &plan)
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
