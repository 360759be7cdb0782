// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/commandline.h"
#include "core/inspect/report.h"
#include "core/model/generationinput.h"

namespace Deroot::Core {

/// How the admin wants the agent started, where the evidence does not decide it. Every field
/// left empty takes what the evidence says (detectedStart()).
struct StartChoice
{
    std::optional<StartMode> mode;
    QString callerUser; ///< CalledBy: the user of the agent that runs the program
    QString schedule;   ///< Scheduled: OnCalendar=, "hourly" when empty
    /// Make a unit of Deroot's own even though the agent has one: the plan then replaces the old
    /// unit (stops and disables it at apply, brings it back at rollback) instead of a drop-in.
    bool newUnit = false;
    /// The machine runs systemd (or can be made to): false makes file capabilities instead of a unit
    /// and replaces no unit, as derootctl generate --systemd no.
    bool systemd = true;

    friend bool operator==(const StartChoice &, const StartChoice &) = default;
};

/// What the evidence says about how the agent is started, and why, for the wizard and the CLI.
struct DetectedStart
{
    StartMode mode = StartMode::Service;
    QString unit;            ///< the unit it runs under or its package ships ("" when none)
    QString reason;          ///< one sentence: "runs under chrony.service", "the catalog: agents call fping"
    QString callerUser = {}; ///< CalledBy: the one user a sudoers rule lets run it ("" when none or several)
    QString schedule = {};   ///< Scheduled: the cron entry's schedule as OnCalendar= ("" when it has none)
};
DetectedStart detectedStart(const InspectionReport &report);

/// The starting point of a plan: the inspection's unconditional needs put into a GenerationInput
/// for @p method, with names derived from the catalog match (or the program's name) and the
/// agent's existing unit and user where it has them, started as @p start says (or as the evidence
/// says), with the command line and environment the agent runs with today. The admin adjusts it;
/// conditional needs ("when the perf collector is enabled") are left out until the admin adds
/// them. Pure.
GenerationInput buildGenerationInput(const InspectionReport &report, Method method, const StartChoice &start = {});

/// The command line after the program that the running process of @p report was started with
/// (its argv), or std::nullopt when no process was inspected or argv does not start the program.
[[nodiscard]] std::optional<QStringList> runningArguments(const InspectionReport &report);

/// What the plan @p input would change about how the agent listens today: one sentence per
/// listening socket whose address the running process's command line sets (a word with its port)
/// and the plan's command line does not keep. The wizard and derootctl refuse to go on until the
/// admin has answered it (kept the address or accepted the change).
QStringList listenAddressChanges(const InspectionReport &report, const GenerationInput &input);

/// A copy of the agent that runs today outside any unit (started by hand, by a script or in a
/// login session) and that the plan would leave running beside the copy it starts: one sentence
/// naming its process, or nothing. The helper stops units of the plan's own program only, never a
/// process by number (the number may belong to another process by the time it acts), so the
/// admin stops this one; the wizard and derootctl generate say so.
QString copyLeftRunning(const InspectionReport &report, const GenerationInput &input);

/// A setting of the Adjust page that carryAdjustments() can carry to another method's plan.
enum class AdjustedSetting {
    ServiceUser,
    ReadPaths,
    WritePaths,
    Devices,
    Groups,
    Ports,
    Arguments,
    Environment,
    EnvironmentFiles,
    Capabilities,
    Limits,
};

/// What the admin changed when the method changes: each setting in which @p adjusted (the plan as
/// the admin left it) differs from @p adjustedFrom (the starting point it was adjusted from) is
/// copied into @p fresh (the new method's starting point) where the new method has that setting
/// too, as repeating that option of derootctl generate would. The service user is not carried to
/// or from a container, the command line and capabilities not to or from sudo rules, and the
/// environment only between plans with the same start mode and a unit of their own. Returns what
/// was carried, in the Adjust page's order. Pure.
QList<AdjustedSetting> carryAdjustments(const GenerationInput &adjusted, const GenerationInput &adjustedFrom,
                                        GenerationInput &fresh);

/// A name usable as agent id and user name from any text: lower-case, [a-z0-9_-], starting with a
/// letter, at most 31 characters ("prometheus-node-exporter" stays, "Node Exporter" becomes
/// "node-exporter"); "agent" when nothing usable is left.
QString agentIdFrom(QStringView text);

} // namespace Deroot::Core
