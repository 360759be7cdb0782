// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/export/planexport.h"

#include "core/base/text.h"
#include "core/generate/inputvalidation.h"
#include "core/generate/manifest.h"
#include "core/model/capabilities.h"
#include "core/recommend/privilegescore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QMap>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

QString vendorUnitOf(const InspectionReport &report)
{
    const QString path = report.unit ? report.unit->fragmentPath : QString();
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.read(1024 * 1024));
}

QJsonObject completeManifest(const GeneratedPlan &plan, const QList<ArtifactValidation> &validations,
                             const InspectionReport &report)
{
    QJsonArray validationArray;
    for (const ArtifactValidation &validation : validations) {
        validationArray.append(QJsonObject{{u"artifact"_s, validation.artifactId},
                                           {u"ok"_s, validation.result.ok},
                                           {u"available"_s, validation.result.available},
                                           {u"summary"_s, validation.result.summary},
                                           {u"exposure"_s, validation.exposure}});
    }
    // Only the review-only keys (reviewOnlyManifestKeys()): the rest of the manifest is the
    // generators', which the helper regenerates and compares.
    QJsonObject manifest = plan.manifest;
    manifest.insert(u"validations"_s, validationArray);
    manifest.insert(u"effective_privilege"_s, QJsonObject{{u"before"_s, toJson(currentPrivilege(report))},
                                                          {u"after"_s, toJson(plannedPrivilege(plan.input))}});
    return manifest;
}

const ArtifactValidation *firstFailure(const QList<ArtifactValidation> &validations)
{
    for (const ArtifactValidation &validation : validations) {
        if (validation.result.available && !validation.result.ok) {
            return &validation;
        }
    }
    return nullptr;
}

Result<ValidatedExport> validatedExport(const InspectionReport &report, const GenerationInput &input)
{
    const auto plan = generatePlan(input);
    if (!plan) {
        return plan.error();
    }
    if (const auto problem = checkInputOnSystem(input)) {
        return *problem;
    }
    ValidatedExport result;
    result.plan = *plan;
    result.validations = validateArtifacts(plan->artifacts, vendorUnitOf(report));
    if (const ArtifactValidation *failure = firstFailure(result.validations)) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::PlanExport",
                                                 "the generated %1 fails its validator (%2); nothing was written")
                         .arg(failure->artifactId, oneLine(failure->result.summary))};
    }
    result.plan.manifest = completeManifest(result.plan, result.validations, report);
    return result;
}

Result<ApplyRequest> exportApplyRequest(const QList<Artifact> &artifacts, const QJsonObject &manifest)
{
    const auto files = exportFiles(artifacts, manifest);
    if (!files) {
        return files.error();
    }
    QMap<QString, QByteArray> byName;
    for (const ExportFile &file : *files) {
        byName.insert(file.name, file.bytes);
    }
    ApplyRequest request;
    request.planJson = byName.value(u"plan.json"_s);
    // The files readApplyRequest() would read from the folder, chosen by the same function.
    for (const QString &name : requestFileNames(request.planJson)) {
        const auto file = byName.constFind(name);
        if (file == byName.cend()) {
            return Error{ExitCode::Failure, QCoreApplication::translate("Deroot::Core::PlanExport",
                                                                        "plan.json names %1, which the plan lacks")
                                                .arg(quoted(name))};
        }
        request.files.insert(name, *file);
    }
    return request;
}

} // namespace Deroot::Core
