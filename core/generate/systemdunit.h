// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/commandline.h"
#include "core/model/artifact.h"
#include "core/model/generationinput.h"

#include <QStringList>

namespace Deroot::Core {

/// The hardened systemd configuration for the capabilities method. For an agent without a unit
/// (input.existingUnit empty): a complete /etc/systemd/system/deroot-<agentId>.service (id "unit").
/// For an agent with one: the drop-in /etc/systemd/system/<unit>.d/deroot.conf (id "dropin"),
/// which first empties every list setting it sets, so the vendor's values cannot add to ours.
/// Capabilities are granted only through AmbientCapabilities= with an equal
/// CapabilityBoundingSet=, never through file capabilities (NoNewPrivileges= would drop those).
/// @p input must have passed validateGenerationInput(); the result is deterministic (golden files).
Artifact systemdUnit(const GenerationInput &input);

/// The systemd syscall groups (beyond @system-service) that @p capabilities need to be of any use,
/// e.g. "@clock" for CAP_SYS_TIME; empty when none is needed. Kernel capability numbers.
QStringList privilegedSyscallGroups(const QList<int> &capabilities);

/// True when @p name is a package name as dpkg and rpm spell them ([A-Za-z0-9][A-Za-z0-9+._-]*,
/// at most 128): validateGenerationInput() does not check GenerationInput::packageName, so a
/// generator only writes it into a file when this holds.
bool isPackageName(QStringView name);

/// The unit name the generated configuration applies to: input.existingUnit, or
/// "deroot-<agentId>.service".
QString generatedUnitName(const GenerationInput &input);

/// The timer of a scheduled agent (StartMode::Scheduled): "deroot-AGENT.timer".
QString generatedTimerName(const GenerationInput &input);

/// The .timer that starts the scheduled agent's oneshot unit on input.schedule (OnCalendar=).
Artifact systemdTimer(const GenerationInput &input);

/// The address families the agent needs: @p input.addressFamilies, plus AF_INET and AF_INET6 when it
/// listens on a port (a listening socket is one of them, whether or not the inspection saw the
/// family). In @p input's order, without repeats. Every generator that restricts families uses it.
QStringList neededAddressFamilies(const GenerationInput &input);

/// The ExecStart= a drop-in writes over the vendor's command line @p input.vendorExecStart: the
/// same line without the prefixes that give privileges back ('+' full privileges, '!' and '!!'
/// skip the user change) and with the non-root @p input.arguments after the program. Nothing when
/// the vendor's line can stay as it is, or when there is no vendor line.
[[nodiscard]] std::optional<QString> dropInExecStart(const GenerationInput &input);

} // namespace Deroot::Core
