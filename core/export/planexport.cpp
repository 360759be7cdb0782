// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/export/planexport.h"

#include "core/base/text.h"
#include "core/base/toolrunner.h"
#include "core/generate/inputvalidation.h"
#include "core/generate/manifest.h"
#include "core/model/capabilities.h"
#include "core/recommend/privilegescore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

namespace {

QString toolFailure(const ToolRun &run)
{
    if (!run.error.isEmpty()) {
        return run.error;
    }
    return oneLine(QString::fromUtf8(run.out + run.err).trimmed());
}

bool syncFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        return false;
    }
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

Result<QStringList> writeExportArchive(const QString &archivePath, const QList<Artifact> &artifacts,
                                       const QJsonObject &manifest, bool force)
{
    const QString shown = quoted(archivePath);
    const QFileInfo target(archivePath);
    QString folder = target.fileName();
    for (const QString &suffix : {u".tar.gz"_s, u".tgz"_s}) {
        if (folder.endsWith(suffix)) {
            folder.chop(suffix.size());
            break;
        }
    }
    if (folder.isEmpty() || folder.startsWith(u'.')) {
        return Error{
            ExitCode::Failure,
            QCoreApplication::translate("Deroot::Core::PlanExport", "%1 is not a usable archive name").arg(shown)};
    }
    if (target.isDir()) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::PlanExport", "%1 is a directory").arg(shown)};
    }
    if ((target.exists() || target.isSymLink()) && !force) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::PlanExport",
                                                 "%1 already exists: choose another name, or replace it")
                         .arg(shown)};
    }
    const QString parent = target.absoluteDir().absolutePath();
    if (!QFileInfo(parent).isDir()) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::PlanExport", "%1 cannot be made: %2 does not exist")
                         .arg(shown, quoted(parent))};
    }
    // Staged beside the target, on the same file system, so the final rename is atomic and a
    // failure leaves nothing but the temporary folder, which goes with it.
    QTemporaryDir staging(parent + u"/.deroot-export-XXXXXX"_s);
    if (!staging.isValid()) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::PlanExport", "%1 cannot be written: %2")
                         .arg(shown, staging.errorString())};
    }
    const auto written = writeExport(staging.filePath(folder), artifacts, manifest, false);
    if (!written) {
        return written.error();
    }
    const QString tarPath = staging.filePath(u"archive.tar"_s);
    // Sorted, owned by root and dated at the epoch: the same plan makes the same archive.
    const ToolRun tar = runTool(u"tar"_s, {u"--create"_s, u"--file"_s, tarPath, u"--sort=name"_s, u"--owner=0"_s,
                                           u"--group=0"_s, u"--numeric-owner"_s, u"--mtime=@0"_s, u"--format=gnu"_s,
                                           u"--directory"_s, staging.path(), u"--"_s, folder});
    if (!tar.finished || tar.exitCode != 0) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::PlanExport", "%1 cannot be written: tar: %2")
                         .arg(shown, toolFailure(tar))};
    }
    const ToolRun gzip = runTool(u"gzip"_s, {u"-n"_s, u"-9"_s, u"--"_s, tarPath});
    if (!gzip.finished || gzip.exitCode != 0) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::PlanExport", "%1 cannot be written: gzip: %2")
                         .arg(shown, toolFailure(gzip))};
    }
    const QString gzPath = tarPath + u".gz"_s;
    if (!syncFile(gzPath)) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::PlanExport", "%1 cannot be written: %2")
                         .arg(shown, QString::fromLocal8Bit(std::strerror(errno)))};
    }
    if (::rename(QFile::encodeName(gzPath).constData(), QFile::encodeName(archivePath).constData()) != 0) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::PlanExport", "%1 cannot be written: %2")
                         .arg(shown, QString::fromLocal8Bit(std::strerror(errno)))};
    }
    ::chmod(QFile::encodeName(archivePath).constData(), 0644);
    const int dir = ::open(QFile::encodeName(parent).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return *written;
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
