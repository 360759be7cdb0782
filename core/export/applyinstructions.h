// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// APPLY.txt, the file every export holds beside the plan's files: how to apply the plan, in order,
// with Deroot (one command, undone with one other) or by hand (the exact commands, from the export
// folder, as root), and how to undo it by hand. It is written from the same typed steps the helper
// carries out (parseApplyRequest()), so the manual way does what the helper would, in its order.
#pragma once

#include "core/model/artifact.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Deroot::Core {

/// The name of the instructions file in an export folder or archive. Not a file of the plan: an
/// apply request never carries it (requestFileNames() names only what plan.json's operations name).
inline constexpr const char *kApplyInstructionsFile = "APPLY.txt";

/// APPLY.txt for an export of @p artifacts and @p manifest. Pure. When the export would not pass
/// the helper's checks (which validatedExport() never writes), it says so and lists no step.
QString applyInstructions(const QList<Artifact> &artifacts, const QJsonObject &manifest);

} // namespace Deroot::Core
