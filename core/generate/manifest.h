// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/model/artifact.h"
#include "core/model/generationinput.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Deroot::Core {

/// plan.json's schema id; docs/plan-json.md documents it. The privileged helper accepts only this
/// version and refuses anything else (a deroot.plan/1 plan with a message to generate it again).
inline constexpr const char *kPlanSchema = "deroot.plan/2";

/// The keys of plan.json that only the machine where the plan was made can know (the validators'
/// verdicts, the agent's privilege before the plan): recorded for the admin's review, covered by
/// the plan's SHA-256 like every byte, never regenerated and never acted on.
QStringList reviewOnlyManifestKeys();

/// The manifest of a generated plan: the typed input the generators took ("input"), what the apply
/// step would do, in order, with the SHA-256 of the program the admin reviewed and of every file's
/// content, and the conflicts among the artifacts. A pure function of @p input and @p artifacts
/// (themselves generatePlan(input)'s), so the helper regenerates it byte for byte.
QJsonObject planManifest(const GenerationInput &input, const QList<Artifact> &artifacts);

/// The file name an artifact gets in an export folder: the target's base name for files
/// ("deroot-fping.service"), with the artifact's id appended when it has no extension
/// ("deroot-fping.sudoers", "deroot-fping.apparmor"), and "<id>.sh" for commands.
QString exportFileName(const Artifact &artifact);

/// The artifact that carries the plan's grant, which the preview shows first and "Copy one file"
/// offers first: the unit or its drop-in, else the sudoers rules, the setcap line, the Compose
/// file; else the first file that is not a command, else the first artifact. Empty for none.
QString mainArtifactId(const QList<Artifact> &artifacts);

/// One file of an export folder: its name, its exact bytes and its mode.
struct ExportFile
{
    QString name;
    QByteArray bytes;
    quint32 mode = 0644;
};

/// The one file of an export that @p artifact is, byte for byte, as exportFiles() writes it: a
/// file's content, or a command wrapped in a small shell script (executable). What the preview's
/// "Save as…" saves, so a file saved alone equals the one in an export.
ExportFile exportFile(const Artifact &artifact);

/// The files an export of @p artifacts and @p manifest consists of, byte for byte, plan.json last:
/// what writeExport() and writeExportArchive() write (core/export/exportwriter.h) and what the GUI
/// sends the helper without a folder, from one serialisation so they can never differ. Fails (ExitCode::Failure) when
/// two artifacts would share a file name.
Result<QList<ExportFile>> exportFiles(const QList<Artifact> &artifacts, const QJsonObject &manifest);

} // namespace Deroot::Core
