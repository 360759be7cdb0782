// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/model/artifact.h"
#include "core/model/generationinput.h"

#include <optional>

namespace Deroot::Core {

/// The useradd command that creates the agent's system user: no home, nologin shell, its own
/// group (--user-group) or input.serviceGroup (-g), and the supplementary groups (-G). For input
/// that passed validateGenerationInput(). Defensive: with a name that is not a valid account name
/// the artifact has empty content and a purpose saying why, never a command line that could run
/// something else.
Artifact serviceUserCommand(const GenerationInput &input);

/// The groupadd command for input.serviceGroup when it differs from the user's own group: useradd
/// -g needs the group to exist. Nothing when the user gets its own group.
[[nodiscard]] std::optional<Artifact> serviceGroupCommand(const GenerationInput &input);

/// The same user as a systemd-sysusers file for /etc/sysusers.d/deroot-<agentId>.conf
/// (sysusers.d(5): g, u and m lines), for machines that create system users declaratively. Same
/// precondition and defence as serviceUserCommand().
Artifact sysusersFile(const GenerationInput &input);

} // namespace Deroot::Core
