// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "golden.h"

#include "core/model/capabilities.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Deroot::Core;

namespace Deroot::TestSupport {

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        list << item.toString();
    }
    return list;
}

} // namespace

GenerationInput generationInputFromJson(const QJsonObject &json, Method defaultMethod)
{
    GenerationInput input;
    const QString method = json[u"method"].toString();
    input.method = method == u"sudo"        ? Method::Sudo
                   : method == u"caps"      ? Method::Capabilities
                   : method == u"container" ? Method::Container
                                            : defaultMethod;
    input.agentId = json[u"agentId"].toString();
    input.description = json[u"description"].toString();
    input.serviceUser = json[u"serviceUser"].toString();
    input.serviceGroup = json[u"serviceGroup"].toString();
    input.executable = json[u"executable"].toString(u"/usr/bin/true"_s);
    input.arguments = strings(json[u"arguments"]);
    input.executableIsScript = json[u"executableIsScript"].toBool();
    input.packageName = json[u"packageName"].toString();
    input.existingUnit = json[u"existingUnit"].toString();
    input.vendorExecStart = json[u"vendorExecStart"].toString();
    input.containerImage = json[u"containerImage"].toString();
    for (const QString &name : strings(json[u"capabilities"])) {
        const auto info = capabilityByName(name);
        input.capabilities << (info ? info->number : -1);
    }
    for (const QJsonValue &value : json[u"sudoCommands"].toArray()) {
        const QJsonObject command = value.toObject();
        input.sudoCommands << SudoCommand{command[u"path"].toString(), strings(command[u"arguments"]),
                                          command[u"noexec"].toBool(true)};
    }
    input.supplementaryGroups = strings(json[u"supplementaryGroups"]);
    input.readPaths = strings(json[u"readPaths"]);
    input.writePaths = strings(json[u"writePaths"]);
    input.devices = strings(json[u"devices"]);
    input.addressFamilies = strings(json[u"addressFamilies"]);
    for (const QJsonValue &port : json[u"listenPorts"].toArray()) {
        input.listenPorts << ListenPort{port[u"protocol"].toString(), port[u"port"].toInt()};
    }
    const QJsonObject limits = json[u"limits"].toObject();
    input.limits.enabled = limits[u"enabled"].toBool(true);
    input.limits.cpuQuotaPercent = limits[u"cpuQuotaPercent"].toInt(input.limits.cpuQuotaPercent);
    input.limits.memoryMaxMiB = limits[u"memoryMaxMiB"].toInt(input.limits.memoryMaxMiB);
    input.limits.tasksMax = limits[u"tasksMax"].toInt(input.limits.tasksMax);
    input.jitRuntime = json[u"jitRuntime"].toBool();
    return input;
}

QJsonObject readJsonObject(const QString &path)
{
    return QJsonDocument::fromJson(readText(path).toUtf8()).object();
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeText(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) >= 0;
}

QString compareGolden(const QString &expectedPath, const QString &actual)
{
    if (qEnvironmentVariableIntValue("DEROOT_REFRESH_GOLDEN") == 1) {
        return writeText(expectedPath, actual) ? QString() : u"cannot write "_s + expectedPath;
    }
    if (!QFile::exists(expectedPath)) {
        return expectedPath + u" is missing; run tools/refresh-golden to make it"_s;
    }
    if (readText(expectedPath) == actual) {
        return {};
    }
    QTemporaryDir directory;
    const QString actualPath = directory.filePath(u"actual"_s);
    writeText(actualPath, actual);
    QProcess diff;
    diff.setProcessChannelMode(QProcess::MergedChannels);
    diff.start(u"diff"_s, {u"-u"_s, expectedPath, actualPath});
    diff.waitForFinished(10000);
    return expectedPath + u" differs from what is generated now (refresh on purpose with tools/refresh-golden):\n"_s +
           QString::fromUtf8(diff.readAll());
}

} // namespace Deroot::TestSupport
