// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "golden.h"

#include "core/model/capabilities.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Deroot::Core;

namespace Deroot::TestSupport {

namespace {

// The first problem found while reading one input file, named by the file and the key's path
// ("sudo_commands[1].noexec"); later problems are not reported.
class Reader final
{
public:
    explicit Reader(QString file)
        : m_file(std::move(file))
    {}

    const std::optional<QString> &problem() const { return m_problem; }

    void fail(const QString &key, const QString &why)
    {
        if (!m_problem) {
            m_problem = m_file + u": "_s + key + u' ' + why;
        }
    }

    // Every key of @p object must be one of @p known.
    void onlyKeys(const QJsonObject &object, const QString &where, std::initializer_list<QStringView> known)
    {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (std::find(known.begin(), known.end(), it.key()) == known.end()) {
                fail(where + it.key(), u"is not a key of a golden input (misspelt, or not snake_case?)"_s);
            }
        }
    }

    QString string(const QJsonObject &object, const QString &where, const QString &key, const QString &absent = {})
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined()) {
            return absent;
        }
        if (!value.isString()) {
            fail(where + key, u"must be a string"_s);
        }
        return value.toString();
    }

    bool boolean(const QJsonObject &object, const QString &where, const QString &key, bool absent)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined()) {
            return absent;
        }
        if (!value.isBool()) {
            fail(where + key, u"must be true or false"_s);
        }
        return value.toBool(absent);
    }

    int integer(const QJsonObject &object, const QString &where, const QString &key, int absent)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined()) {
            return absent;
        }
        if (!value.isDouble() || value.toDouble() != double(value.toInt())) {
            fail(where + key, u"must be an integer"_s);
        }
        return value.toInt(absent);
    }

    QJsonArray array(const QJsonObject &object, const QString &where, const QString &key)
    {
        const QJsonValue value = object.value(key);
        if (!value.isUndefined() && !value.isArray()) {
            fail(where + key, u"must be an array"_s);
        }
        return value.toArray();
    }

    QJsonObject object(const QJsonValue &value, const QString &where)
    {
        if (!value.isUndefined() && !value.isObject()) {
            fail(where, u"must be an object"_s);
        }
        return value.toObject();
    }

    QStringList strings(const QJsonObject &object, const QString &where, const QString &key)
    {
        QStringList list;
        const QJsonArray items = array(object, where, key);
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).isString()) {
                fail(where + key + u"[%1]"_s.arg(i), u"must be a string"_s);
            }
            list << items.at(i).toString();
        }
        return list;
    }

private:
    QString m_file;
    std::optional<QString> m_problem;
};

} // namespace

Result<GoldenInput> readGoldenInput(const QString &path, Method defaultMethod)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{ExitCode::Failure, path + u": cannot be read: "_s + file.errorString()};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        return Error{ExitCode::Failure, path + u": not a JSON object: "_s + parseError.errorString()};
    }
    const QJsonObject json = document.object();
    Reader read(path);
    read.onlyKeys(json, QString(), {u"method",         u"agent_id",      u"description",       u"service_user",
                                    u"service_group",  u"executable",    u"arguments",         u"executable_is_script",
                                    u"package_name",   u"existing_unit", u"vendor_exec_start", u"container_image",
                                    u"container_host", u"capabilities",  u"sudo_commands",     u"supplementary_groups",
                                    u"read_paths",     u"write_paths",   u"devices",           u"address_families",
                                    u"listen_ports",   u"limits",        u"jit_runtime",       u"expect"});

    GoldenInput golden;
    GenerationInput &input = golden.input;
    const QString method = read.string(json, {}, u"method"_s);
    if (method == u"sudo") {
        input.method = Method::Sudo;
    } else if (method == u"caps") {
        input.method = Method::Capabilities;
    } else if (method == u"container") {
        input.method = Method::Container;
    } else if (method.isEmpty()) {
        input.method = defaultMethod;
    } else {
        read.fail(u"method"_s, u"must be \"sudo\", \"caps\" or \"container\""_s);
    }
    input.agentId = read.string(json, {}, u"agent_id"_s);
    input.description = read.string(json, {}, u"description"_s);
    input.serviceUser = read.string(json, {}, u"service_user"_s);
    input.serviceGroup = read.string(json, {}, u"service_group"_s);
    input.executable = read.string(json, {}, u"executable"_s, u"/usr/bin/true"_s);
    input.arguments = read.strings(json, {}, u"arguments"_s);
    input.executableIsScript = read.boolean(json, {}, u"executable_is_script"_s, false);
    input.packageName = read.string(json, {}, u"package_name"_s);
    input.existingUnit = read.string(json, {}, u"existing_unit"_s);
    input.vendorExecStart = read.string(json, {}, u"vendor_exec_start"_s);
    input.containerImage = read.string(json, {}, u"container_image"_s);
    if (json.contains(u"container_host"_s)) {
        const QJsonObject host = read.object(json.value(u"container_host"_s), u"container_host"_s);
        read.onlyKeys(host, u"container_host."_s, {u"network", u"pid", u"root", u"arguments"});
        input.containerHost.network = read.boolean(host, u"container_host."_s, u"network"_s, false);
        input.containerHost.pid = read.boolean(host, u"container_host."_s, u"pid"_s, false);
        input.containerHost.root = read.boolean(host, u"container_host."_s, u"root"_s, false);
        input.containerHost.arguments = read.strings(host, u"container_host."_s, u"arguments"_s);
    }
    const QStringList capabilities = read.strings(json, {}, u"capabilities"_s);
    for (qsizetype i = 0; i < capabilities.size(); ++i) {
        const auto info = capabilityByName(capabilities.at(i));
        if (!info) {
            read.fail(u"capabilities[%1]"_s.arg(i), u"is not a capability: "_s + capabilities.at(i));
            continue;
        }
        input.capabilities << info->number;
    }
    const QJsonArray commands = read.array(json, {}, u"sudo_commands"_s);
    for (qsizetype i = 0; i < commands.size(); ++i) {
        const QString where = u"sudo_commands[%1]"_s.arg(i);
        const QJsonObject command = read.object(commands.at(i), where);
        read.onlyKeys(command, where + u'.', {u"path", u"arguments", u"noexec"});
        input.sudoCommands << SudoCommand{read.string(command, where + u'.', u"path"_s),
                                          read.strings(command, where + u'.', u"arguments"_s),
                                          read.boolean(command, where + u'.', u"noexec"_s, true)};
    }
    input.supplementaryGroups = read.strings(json, {}, u"supplementary_groups"_s);
    input.readPaths = read.strings(json, {}, u"read_paths"_s);
    input.writePaths = read.strings(json, {}, u"write_paths"_s);
    input.devices = read.strings(json, {}, u"devices"_s);
    input.addressFamilies = read.strings(json, {}, u"address_families"_s);
    const QJsonArray ports = read.array(json, {}, u"listen_ports"_s);
    for (qsizetype i = 0; i < ports.size(); ++i) {
        const QString where = u"listen_ports[%1]"_s.arg(i);
        const QJsonObject port = read.object(ports.at(i), where);
        read.onlyKeys(port, where + u'.', {u"protocol", u"port"});
        input.listenPorts << ListenPort{read.string(port, where + u'.', u"protocol"_s),
                                        read.integer(port, where + u'.', u"port"_s, 0)};
    }
    const QJsonObject limits = read.object(json.value(u"limits"), u"limits"_s);
    read.onlyKeys(limits, u"limits."_s, {u"enabled", u"cpu_quota_percent", u"memory_max_mib", u"tasks_max"});
    input.limits.enabled = read.boolean(limits, u"limits."_s, u"enabled"_s, true);
    input.limits.cpuQuotaPercent =
        read.integer(limits, u"limits."_s, u"cpu_quota_percent"_s, input.limits.cpuQuotaPercent);
    input.limits.memoryMaxMiB = read.integer(limits, u"limits."_s, u"memory_max_mib"_s, input.limits.memoryMaxMiB);
    input.limits.tasksMax = read.integer(limits, u"limits."_s, u"tasks_max"_s, input.limits.tasksMax);
    input.jitRuntime = read.boolean(json, {}, u"jit_runtime"_s, false);

    golden.expect = read.object(json.value(u"expect"), u"expect"_s);
    read.onlyKeys(golden.expect, u"expect."_s, {u"max_exposure", u"root_inside", u"pod_security_profile"});

    if (read.problem()) {
        return Error{ExitCode::Failure, *read.problem()};
    }
    return golden;
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
