// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/generate/manifest.h"

#include "core/base/deroot.h"
#include "core/base/sha256.h"
#include "core/base/text.h"
#include "core/generate/conflicts.h"
#include "core/generate/planinput.h"
#include "core/model/capabilities.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

QString operationOf(const Artifact &artifact)
{
    if (artifact.isCommand) {
        return u"run"_s;
    }
    return u"write_file"_s;
}

} // namespace

QStringList reviewOnlyManifestKeys()
{
    return {u"validations"_s, u"effective_privilege"_s};
}

QString exportFileName(const Artifact &artifact)
{
    if (artifact.isCommand) {
        return artifact.id + u".sh"_s;
    }
    // Files without an extension (sudoers.d and apparmor.d take none) get their kind as one, so
    // the export folder says what each is and two of them never share a name.
    const QString name = artifact.targetPath.section(u'/', -1);
    return name.contains(u'.') ? name : name + u'.' + artifact.id;
}

QString mainArtifactId(const QList<Artifact> &artifacts)
{
    static const QStringList kMain{u"dropin"_s, u"unit"_s, u"sudoers"_s, u"setcap"_s, u"compose"_s, u"quadlet"_s};
    for (const QString &id : kMain) {
        for (const Artifact &artifact : artifacts) {
            if (artifact.id == id) {
                return id;
            }
        }
    }
    for (const Artifact &artifact : artifacts) {
        if (!artifact.isCommand) {
            return artifact.id;
        }
    }
    return artifacts.isEmpty() ? QString() : artifacts.constFirst().id;
}

QJsonObject planManifest(const GenerationInput &input, const QList<Artifact> &artifacts)
{
    QJsonArray operations;
    for (const Artifact &artifact : artifacts) {
        QJsonObject operation{{u"op"_s, operationOf(artifact)},
                              {u"artifact"_s, artifact.id},
                              {u"file"_s, exportFileName(artifact)},
                              {u"purpose"_s, artifact.purpose},
                              {u"content_sha256"_s, Sha256::hex(artifact.content.toUtf8())},
                              {u"validator"_s, artifact.validator}};
        if (artifact.isCommand) {
            operation.insert(u"program"_s, artifact.targetPath);
        } else {
            operation.insert(u"path"_s, artifact.targetPath);
            operation.insert(u"owner"_s, artifact.owner);
            operation.insert(u"group"_s, artifact.group);
            operation.insert(u"mode"_s, QString::number(artifact.mode, 8).rightJustified(4, u'0'));
        }
        operations.append(operation);
    }
    QJsonArray capabilities;
    for (const int number : input.capabilities) {
        if (const auto info = capabilityByNumber(number)) {
            capabilities.append(QString::fromLatin1(info->name));
        }
    }
    QJsonArray conflicts;
    for (const Conflict &conflict : detectConflicts(input, artifacts)) {
        conflicts.append(
            QJsonObject{{u"id"_s, conflict.id}, {u"consequence"_s, conflict.consequence}, {u"fix"_s, conflict.fix}});
    }
    return {{u"schema"_s, QString::fromLatin1(kPlanSchema)},
            {u"generator"_s, QString(u"deroot "_s + version())},
            {u"input"_s, generationInputToJson(input)},
            {u"conflicts"_s, conflicts},
            {u"agent"_s, input.agentId},
            {u"method"_s, methodId(input.method)},
            {u"program"_s, QJsonObject{{u"path"_s, input.executable},
                                       {u"sha256"_s, input.executableSha256},
                                       {u"package"_s, input.packageName}}},
            {u"service_user"_s, input.serviceUser},
            {u"capabilities"_s, capabilities},
            {u"operations"_s, operations}};
}

ExportFile exportFile(const Artifact &artifact)
{
    QString content = artifact.content;
    if (artifact.isCommand) {
        content = u"#!/bin/sh\n# "_s + artifact.purpose + u"\nset -e\n"_s + artifact.content + u'\n';
    }
    return ExportFile{exportFileName(artifact), content.toUtf8(), artifact.isCommand ? 0755u : 0644u};
}

Result<QList<ExportFile>> exportFiles(const QList<Artifact> &artifacts, const QJsonObject &manifest)
{
    QList<ExportFile> files;
    QStringList names;
    for (const Artifact &artifact : artifacts) {
        const QString name = exportFileName(artifact);
        if (names.contains(name) || name == u"plan.json") {
            return Error{ExitCode::Failure, QCoreApplication::translate("Deroot::Core::PlanExport",
                                                                        "two artifacts would both be written as %1")
                                                .arg(quoted(name))};
        }
        names.append(name);
        files.append(exportFile(artifact));
    }
    files.append(ExportFile{u"plan.json"_s, QJsonDocument(manifest).toJson(QJsonDocument::Indented), 0644u});
    return files;
}

} // namespace Deroot::Core
