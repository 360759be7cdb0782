// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The typed input of a plan as plan.json carries it ("input", schema deroot.plan/2): everything the
// generators take, so that anyone holding plan.json (the desktop, derootctl, the privileged helper)
// can run the same generators on it and get the same bytes. docs/plan-json.md documents each field.
#pragma once

#include "core/base/result.h"
#include "core/model/generationinput.h"

#include <QJsonObject>

namespace Deroot::Core {

/// The stable id of a start mode in plan.json and on the command line: "service", "scheduled",
/// "called_by".
QString startModeId(StartMode mode);

/// @p input as plan.json's "input" object: every field, always present (empty lists and strings
/// included), so that generationInputFromJson(generationInputToJson(x)) == x for every valid x.
QJsonObject generationInputToJson(const GenerationInput &input);

/// Reads plan.json's "input" object strictly: a closed set of keys (an unknown or a missing one is
/// refused), exact JSON types, bounded strings and lists. It checks the form only; what the values
/// may be is validateGenerationInput()'s and the rules' (core/rules/rules.h) to decide. Every
/// refusal is one sentence naming the field ("input.capabilities[2]") with quoted() input, and
/// ExitCode::Refused.
Result<GenerationInput> generationInputFromJson(const QJsonObject &object);

} // namespace Deroot::Core
