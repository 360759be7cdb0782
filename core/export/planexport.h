// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The glue between a generated plan and the files an admin takes away: shared by derootctl and the
// desktop wizard, so that the same choices give byte-identical exports from both.
#pragma once

#include "core/base/result.h"
#include "core/generate/generator.h"
#include "core/inspect/report.h"
#include "core/plan/applyrequest.h"
#include "core/validate/artifactvalidation.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Deroot::Core {

/// A generated plan with its validators' verdicts and the complete plan.json manifest: what may be
/// exported (docs/glossary.md).
struct ValidatedExport
{
    GeneratedPlan plan; ///< plan.manifest is complete: validations, conflicts, effective privilege
    QList<ArtifactValidation> validations;
};

/// The content of the agent's existing unit file (for judging a drop-in), or empty.
QString vendorUnitOf(const InspectionReport &report);

/// @p plan's manifest with what only the validators and the inspection know: every artifact's
/// validation, the conflicts and the effective privilege before and after. Pure.
QJsonObject completeManifest(const GeneratedPlan &plan, const QList<ArtifactValidation> &validations,
                             const InspectionReport &report);

/// Generates @p input's plan, runs the real validators on every artifact and completes the
/// manifest. Fails (ExitCode::Failure) when a validator that is installed rejects an artifact: a
/// plan that fails its checks is never exported.
Result<ValidatedExport> validatedExport(const InspectionReport &report, const GenerationInput &input);

/// The first validation that failed with its validator installed, if any.
const ArtifactValidation *firstFailure(const QList<ArtifactValidation> &validations);

/// The apply request an export of @p artifacts and @p manifest would give readApplyRequest(), byte
/// for byte, built in memory from the same serialisation as writeExport() (exportFiles()), so the
/// desktop sends the helper exactly what an export would hold, without a temporary folder.
Result<ApplyRequest> exportApplyRequest(const QList<Artifact> &artifacts, const QJsonObject &manifest);

} // namespace Deroot::Core
