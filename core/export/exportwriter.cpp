// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/export/exportwriter.h"

#include "core/base/text.h"
#include "core/base/toolrunner.h"
#include "core/export/applyinstructions.h"
#include "core/generate/manifest.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// Writes @p data to a new file at @p path and flushes it: the export is complete or absent.
std::optional<QString> writeFile(const QString &path, const QByteArray &data, int mode)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0) {
        return errnoText(errno);
    }
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + written, size_t(data.size() - written));
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            const int error = errno;
            ::close(fd);
            return errnoText(error);
        }
        written += n;
    }
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        return errnoText(error);
    }
    if (::close(fd) != 0) {
        return errnoText(errno);
    }
    return std::nullopt;
}

void syncDirectory(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
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

QString toolFailure(const ToolRun &run)
{
    if (!run.error.isEmpty()) {
        return run.error;
    }
    return oneLine(QString::fromUtf8(run.out + run.err).trimmed());
}

// An export's files, written and flushed into a fresh folder beside the destination: on the same
// file system, so that one rename puts them in place, and removed with this object unless kept.
struct StagedExport
{
    std::unique_ptr<QTemporaryDir> staging;
    QString folder; ///< where the files are: the staging folder itself, or the subfolder asked for
    QStringList written;
};

// Stages @p files for @p destination (named @p shown in messages), in the staging folder itself or,
// with a @p subfolder, in a folder of that name inside it; a file name with '/' gets its folders
// (mode 0755). The folder holding the files gets mode 0755, what an export folder has once in place.
Result<StagedExport> stageFiles(const QString &destination, const QString &shown, const QString &subfolder,
                                const QList<ExportFile> &files)
{
    const QString parent = QFileInfo(destination).absoluteDir().absolutePath();
    if (!QFileInfo(parent).isDir()) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::PlanExport", "%1 cannot be made: %2 does not exist")
                         .arg(shown, quoted(parent))};
    }
    StagedExport staged;
    staged.staging = std::make_unique<QTemporaryDir>(parent + u"/.deroot-export-XXXXXX"_s);
    if (!staged.staging->isValid()) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::PlanExport", "%1 cannot be written: %2")
                         .arg(shown, staged.staging->errorString())};
    }
    staged.folder = subfolder.isEmpty() ? staged.staging->path() : staged.staging->filePath(subfolder);
    if (!subfolder.isEmpty() && ::mkdir(QFile::encodeName(staged.folder).constData(), 0700) != 0) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::PlanExport", "%1 cannot be written: %2")
                         .arg(quoted(staged.folder), errnoText(errno))};
    }
    QStringList made;
    for (const ExportFile &file : files) {
        // Names come from Deroot's own writers, never from input: still, no way out of the folder.
        const QStringList parts = file.name.split(u'/');
        if (file.name.isEmpty() || file.name.startsWith(u'/') || parts.contains(u".."_s) || parts.contains(u"."_s) ||
            parts.contains(QString())) {
            return Error{ExitCode::Failure,
                         QCoreApplication::translate("Deroot::Core::PlanExport", "%1 is not a file name in a folder")
                             .arg(quoted(file.name))};
        }
        QString folder = staged.folder;
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            folder += u'/' + parts.at(i);
            if (!made.contains(folder) && ::mkdir(QFile::encodeName(folder).constData(), 0755) != 0) {
                return Error{ExitCode::Failure,
                             QCoreApplication::translate("Deroot::Core::PlanExport", "%1 cannot be written: %2")
                                 .arg(quoted(folder), errnoText(errno))};
            }
            made.append(folder);
        }
        const QString path = staged.folder + u'/' + file.name;
        if (const auto error = writeFile(path, file.bytes, int(file.mode))) {
            return Error{ExitCode::Failure,
                         QCoreApplication::translate("Deroot::Core::PlanExport", "%1 cannot be written: %2")
                             .arg(quoted(path), *error)};
        }
        staged.written.append(file.name);
    }
    for (const QString &folder : std::as_const(made)) {
        syncDirectory(folder);
    }
    syncDirectory(staged.folder);
    ::chmod(QFile::encodeName(staged.folder).constData(), 0755);
    return staged;
}

// stageFiles() of exportFolderFiles(@p artifacts, @p manifest).
Result<StagedExport> stageExport(const QString &destination, const QString &shown, const QString &subfolder,
                                 const QList<Artifact> &artifacts, const QJsonObject &manifest)
{
    const auto files = exportFolderFiles(artifacts, manifest);
    if (!files) {
        return files.error();
    }
    return stageFiles(destination, shown, subfolder, *files);
}

} // namespace

Result<QList<ExportFile>> exportFolderFiles(const QList<Artifact> &artifacts, const QJsonObject &manifest)
{
    auto files = exportFiles(artifacts, manifest);
    if (files) {
        // How to apply it, by hand or with Deroot: documentation beside the plan, never part of it.
        files->append(
            {QLatin1StringView(kApplyInstructionsFile), applyInstructions(artifacts, manifest).toUtf8(), 0644});
    }
    return files;
}

Result<QStringList> writeExport(const QString &directory, const QList<Artifact> &artifacts, const QJsonObject &manifest,
                                bool force)
{
    const auto files = exportFolderFiles(artifacts, manifest);
    if (!files) {
        return files.error();
    }
    return writeFolder(directory, *files, force);
}

Result<QStringList> writeFolder(const QString &directory, const QList<ExportFile> &files, bool force)
{
    const QString shown = quoted(directory);
    const QFileInfo target(directory);
    if (target.exists() && !target.isDir()) {
        return Error{
            ExitCode::Failure,
            QCoreApplication::translate("Deroot::Core::PlanExport", "%1 exists and is not a directory").arg(shown)};
    }
    if (target.isDir() &&
        !QDir(directory).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System) && !force) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate(
                         "Deroot::Core::PlanExport",
                         "%1 already holds files: choose an empty or new folder, or replace it (--force)")
                         .arg(shown)};
    }
    auto staged = stageFiles(directory, shown, {}, files);
    if (!staged) {
        return staged.error();
    }
    const QString parent = target.absoluteDir().absolutePath();

    // Replace: move the old folder aside, the new one in, then delete the old one. A crash in
    // between leaves either the old or the new folder in place, never a mix.
    QString aside;
    if (target.exists()) {
        aside = parent + u"/.deroot-export-old-"_s + QString::number(QCoreApplication::applicationPid());
        if (::rename(QFile::encodeName(directory).constData(), QFile::encodeName(aside).constData()) != 0) {
            return Error{ExitCode::Failure,
                         QCoreApplication::translate("Deroot::Core::PlanExport", "%1 cannot be replaced: %2")
                             .arg(shown, errnoText(errno))};
        }
    }
    if (::rename(QFile::encodeName(staged->folder).constData(), QFile::encodeName(directory).constData()) != 0) {
        const int error = errno;
        if (!aside.isEmpty()) {
            ::rename(QFile::encodeName(aside).constData(), QFile::encodeName(directory).constData());
        }
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::PlanExport", "%1 cannot be written: %2")
                         .arg(shown, errnoText(error))};
    }
    staged->staging->setAutoRemove(false);
    syncDirectory(parent);
    if (!aside.isEmpty()) {
        QDir(aside).removeRecursively();
    }
    return staged->written;
}

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
    // The archive is made in the staging folder too, beside its files, so the final rename is
    // atomic and a failure leaves nothing but the staging folder, which goes with it.
    const auto staged = stageExport(archivePath, shown, folder, artifacts, manifest);
    if (!staged) {
        return staged.error();
    }
    const QString parent = target.absoluteDir().absolutePath();
    const QString tarPath = staged->staging->filePath(u"archive.tar"_s);
    // Sorted, owned by root and dated at the epoch: the same plan makes the same archive.
    const ToolRun tar = runTool(u"tar"_s, {u"--create"_s, u"--file"_s, tarPath, u"--sort=name"_s, u"--owner=0"_s,
                                           u"--group=0"_s, u"--numeric-owner"_s, u"--mtime=@0"_s, u"--format=gnu"_s,
                                           u"--directory"_s, staged->staging->path(), u"--"_s, folder});
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
                         .arg(shown, errnoText(errno))};
    }
    if (::rename(QFile::encodeName(gzPath).constData(), QFile::encodeName(archivePath).constData()) != 0) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::PlanExport", "%1 cannot be written: %2")
                         .arg(shown, errnoText(errno))};
    }
    ::chmod(QFile::encodeName(archivePath).constData(), 0644);
    syncDirectory(parent);
    return staged->written;
}

} // namespace Deroot::Core
