// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/model/artifact.h"
#include "core/model/generationinput.h"

namespace Deroot::Core {

/// The `setcap cap_x,cap_y+ep /path` command line (id "setcap", isCommand) that gives the agent's
/// program its capabilities as file capabilities, for agents not started by systemd. Its
/// validator is the `getcap /path` check and its purpose says what getcap must print, why +ep and
/// not the guide's +eip, and that a package upgrade drops the capabilities. An Error
/// (ExitCode::Usage) when the program is a script (the kernel ignores file capabilities on
/// scripts) or no capability was chosen. @p input must have passed validateGenerationInput().
Result<Artifact> setcapCommand(const GenerationInput &input);

/// libcap's text for @p capabilities with flags @p flags, in kernel order: "cap_net_raw,cap_net_admin+ep".
QString capabilityText(const QList<int> &capabilities, const QString &flags);

} // namespace Deroot::Core
