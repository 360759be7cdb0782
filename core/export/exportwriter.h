// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// An export written to disk, as a folder or as an archive: the one place that writes exportFiles()
// (core/generate/manifest.h), which stays pure. Both writers stage the files the same way, beside the
// destination, and put them in place with one rename.
#pragma once

#include "core/base/result.h"
#include "core/generate/manifest.h"
#include "core/model/artifact.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Deroot::Core {

/// The files of an export folder: exportFiles() (the artifacts and plan.json, what an apply request
/// carries) and APPLY.txt (applyinstructions.h), which no request carries.
Result<QList<ExportFile>> exportFolderFiles(const QList<Artifact> &artifacts, const QJsonObject &manifest);

/// Writes exportFolderFiles() into @p directory, all or nothing: everything goes into a
/// fresh temporary directory beside it, is flushed to disk, and is renamed into place in one step.
/// An existing non-empty @p directory is refused (ExitCode::Failure, naming it) unless @p force,
/// which replaces it as a whole; an existing empty directory is replaced. Returns the file names
/// written.
Result<QStringList> writeExport(const QString &directory, const QList<Artifact> &artifacts, const QJsonObject &manifest,
                                bool force);

/// Writes @p files into @p directory as writeExport() does (all or nothing, the same refusal of a
/// folder that holds files unless @p force); a name with '/' is written in its subfolder, made with
/// mode 0755. The Ansible role export (ansiblerole.h) goes through here. Returns the names written.
Result<QStringList> writeFolder(const QString &directory, const QList<ExportFile> &files, bool force);

/// Writes the plan's artifacts and plan.json into one .tar.gz at @p archivePath, all or nothing:
/// the archive is made beside the target under a temporary name, flushed, and renamed into place.
/// The archive holds a single folder named after the archive ("deroot-fping.tar.gz" holds
/// "deroot-fping/..."), with the files writeExport() would write, owned by root, dated at the Unix
/// epoch, sorted by name, so that the same plan gives the same archive. An existing @p archivePath
/// is refused (ExitCode::Failure) unless @p force. Returns the file names in the archive.
Result<QStringList> writeExportArchive(const QString &archivePath, const QList<Artifact> &artifacts,
                                       const QJsonObject &manifest, bool force);

} // namespace Deroot::Core
