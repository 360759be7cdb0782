// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/model/artifact.h"
#include "core/model/generationinput.h"

namespace Deroot::Core {

/// An AppArmor profile skeleton for the agent's program (the guide's "pro tip": capabilities plus
/// a MAC profile that says which files it may touch): /etc/apparmor.d/deroot-<agentId>, attached
/// to the program's path, in complain mode so that it logs what it would deny until the admin has
/// reviewed it. Its rules come from the needs: one `capability` rule per granted capability,
/// `network` rules from the address families, read and write rules from the paths and devices.
/// Input must have passed validateGenerationInput(). Validated with `apparmor_parser -Q -K`.
Artifact appArmorProfile(const GenerationInput &input);

} // namespace Deroot::Core
