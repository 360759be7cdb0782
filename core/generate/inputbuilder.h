// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/generate/generationinput.h"
#include "core/inspect/report.h"

namespace Deroot::Core {

/// The starting point of a plan: the inspection's unconditional needs put into a GenerationInput
/// for @p method, with names derived from the catalog match (or the program's name) and the
/// agent's existing unit and user where it has them. The admin adjusts it; conditional needs
/// ("when the perf collector is enabled") are left out until the admin adds them. Pure.
GenerationInput buildGenerationInput(const InspectionReport &report, Method method);

/// A name usable as agent id and user name from any text: lower-case, [a-z0-9_-], starting with a
/// letter, at most 31 characters ("prometheus-node-exporter" stays, "Node Exporter" becomes
/// "node-exporter"); "agent" when nothing usable is left.
QString agentIdFrom(QStringView text);

} // namespace Deroot::Core
