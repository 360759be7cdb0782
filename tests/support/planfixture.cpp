// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "planfixture.h"

#include "core/base/sha256.h"
#include "core/export/exportwriter.h"
#include "core/export/planexport.h"
#include "core/generate/generator.h"
#include "core/generate/planinput.h"
#include "core/model/capabilities.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Deroot::TestSupport {

namespace {

QString hex(QByteArrayView bytes)
{
    Core::Sha256 hash;
    hash.addData(bytes);
    return QString::fromLatin1(hash.result().toHex());
}

// JSON pointer-like paths: "operations/2/path".
QJsonValue setAt(QJsonValue node, QStringList path, const QJsonValue &value, bool remove)
{
    if (path.isEmpty()) {
        return value;
    }
    const QString key = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const qsizetype index = key == u"-" ? array.size() : key.toLongLong();
        if (path.isEmpty() && remove) {
            array.removeAt(index);
        } else if (index >= array.size()) {
            array.append(setAt(QJsonValue(), path, value, remove));
        } else {
            array[index] = setAt(array.at(index), path, value, remove);
        }
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty() && remove) {
        object.remove(key);
    } else {
        object.insert(key, setAt(object.value(key), path, value, remove));
    }
    return object;
}

} // namespace

Core::Result<Core::GeneratedPlan> generateTestPlan(const QString &kind, const QString &programPath,
                                                   const QByteArray &programBytes, const QStringList &arguments)
{
    Core::GenerationInput input;
    input.executable = programPath;
    input.executableSha256 = hex(programBytes);
    input.arguments = arguments;
    input.addressFamilies = {u"AF_INET"_s};
    if (kind == u"capsadmin" || kind == u"capsdocker") {
        // Root in all but name, for the refusals of Prove: CAP_SYS_ADMIN beside CAP_NET_RAW, or the
        // docker group.
        input.method = Core::Method::Capabilities;
        input.agentId = kind;
        input.serviceUser = u"deroot-"_s + kind;
        input.capabilities = {Core::capabilityByName(u"CAP_NET_RAW")->number};
        if (kind == u"capsadmin") {
            input.capabilities.append(Core::capabilityByName(u"CAP_SYS_ADMIN")->number);
        } else {
            input.supplementaryGroups = {u"docker"_s};
        }
        input.runsUnderSystemd = true;
    } else if (kind == u"caps" || kind == u"setcap") {
        input.method = Core::Method::Capabilities;
        input.agentId = kind == u"caps" ? u"capsagent"_s : u"setcapagent"_s;
        input.serviceUser = u"deroot-"_s + input.agentId;
        input.capabilities = {Core::capabilityByName(u"CAP_NET_RAW")->number};
        input.runsUnderSystemd = kind == u"caps";
    } else if (kind == u"sudo") {
        input.method = Core::Method::Sudo;
        input.agentId = u"sudoagent"_s;
        input.serviceUser = u"deroot-sudoagent"_s;
        input.supplementaryGroups = {u"adm"_s};
        input.sudoCommands = {Core::SudoCommand{u"/usr/bin/id"_s, {u"-u"_s}, true}};
    } else if (kind == u"scheduled") {
        // A program that runs to completion every hour: a oneshot unit and its timer.
        input.method = Core::Method::Capabilities;
        input.agentId = u"schedagent"_s;
        input.serviceUser = u"deroot-schedagent"_s;
        input.capabilities = {Core::capabilityByName(u"CAP_NET_RAW")->number};
        input.startMode = Core::StartMode::Scheduled;
        input.schedule = u"hourly"_s;
    } else if (kind == u"replace") {
        // A unit of Deroot's own that takes over from the vendor's unit of the same program.
        input.method = Core::Method::Capabilities;
        input.agentId = u"switchagent"_s;
        input.serviceUser = u"deroot-switchagent"_s;
        input.capabilities = {Core::capabilityByName(u"CAP_NET_RAW")->number};
        input.replacesUnit = kReplacedUnit;
    } else if (kind == u"dropin") {
        // A drop-in for the agent's own unit, which keeps its command line (the program and the
        // arguments, as inspection read it from the unit).
        input.vendorExecStart = (QStringList{programPath} + arguments).join(u' ');
        input.method = Core::Method::Capabilities;
        input.agentId = u"dropinagent"_s;
        input.serviceUser = u"deroot-dropinagent"_s;
        input.capabilities = {Core::capabilityByName(u"CAP_NET_RAW")->number};
        input.existingUnit = kDropInUnit;
    } else if (kind == u"calledcaps") {
        // Called by other agents: file capabilities on the program, no user, no unit.
        input.method = Core::Method::Capabilities;
        input.agentId = u"calledagent"_s;
        input.capabilities = {Core::capabilityByName(u"CAP_NET_RAW")->number};
        input.startMode = Core::StartMode::CalledBy;
        input.arguments.clear();
    } else if (kind == u"calledsudo") {
        // Called by an existing agent's account (syslog in the test roots) through a sudo rule.
        input.method = Core::Method::Sudo;
        input.agentId = u"calledsudo"_s;
        input.startMode = Core::StartMode::CalledBy;
        input.callerUser = u"syslog"_s;
        input.arguments.clear();
        input.sudoCommands = {Core::SudoCommand{u"/usr/bin/id"_s, {u"-u"_s}, true}};
    } else if (kind == u"container") {
        input.method = Core::Method::Container;
        input.agentId = u"boxagent"_s;
        input.serviceUser = u"boxagent"_s;
        input.containerImage = u"docker.io/library/busybox:1.36"_s;
        input.capabilities = {Core::capabilityByName(u"CAP_NET_RAW")->number};
    } else {
        return Core::Error{Core::ExitCode::Usage, u"unknown plan kind "_s + kind};
    }
    return Core::generatePlan(input);
}

Core::Result<QString> writePlanExport(const QString &kind, const QString &directory, const QString &programPath,
                                      const QByteArray &programBytes, const QStringList &arguments)
{
    const auto plan = generateTestPlan(kind, programPath, programBytes, arguments);
    if (!plan) {
        return plan.error();
    }
    const auto written = Core::writeExport(directory, plan->artifacts, plan->manifest, true);
    if (!written) {
        return written.error();
    }
    return directory;
}

QList<HostileCase> readHostileCases(const QString &directory)
{
    QList<HostileCase> cases;
    const QStringList names = QDir(directory).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile file(directory + u'/' + name);
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        HostileCase hostileCase;
        hostileCase.name = name.chopped(5);
        hostileCase.base = json.value(u"base"_s).toString(u"caps"_s);
        hostileCase.expect = json.value(u"expect"_s).toString();
        hostileCase.needsSystem = json.contains(u"setup"_s);
        hostileCase.pending = json.value(u"pending"_s).toString();
        hostileCase.json = json;
        cases.append(hostileCase);
    }
    return cases;
}

Core::ApplyRequest mutateRequest(Core::ApplyRequest request, const HostileCase &hostileCase)
{
    const QJsonObject &json = hostileCase.json;
    // A plan made by Deroot's own generators from an edited input, every byte consistent: what an
    // author who runs the generators on hostile input sends. Only the system's state (setup) or a
    // rule can refuse it; the other mutations then apply on top of it.
    const QJsonArray regenerate = json.value(u"regenerate"_s).toArray();
    if (!regenerate.isEmpty()) {
        QJsonValue plan = QJsonDocument::fromJson(request.planJson).object();
        for (const QJsonValue &value : regenerate) {
            const QJsonArray pair = value.toArray();
            plan = setAt(plan, pair.at(0).toString().split(u'/'), pair.at(1), false);
        }
        const auto input = Core::generationInputFromJson(plan.toObject().value(u"input"_s).toObject());
        const auto generated = input ? Core::generatePlan(*input) : Core::Result<Core::GeneratedPlan>(input.error());
        const auto regenerated = generated ? Core::exportApplyRequest(generated->artifacts, generated->manifest)
                                           : Core::Result<Core::ApplyRequest>(generated.error());
        if (!regenerated) {
            // The corpus itself is wrong: a "regenerate" case must be a plan the generators make.
            qFatal("hostile case %s: the generators refuse its input: %s",
                   qPrintable(json.value(u"description"_s).toString()), qPrintable(regenerated.error().message));
        }
        request = *regenerated;
    }
    // File mutations first, so that "rehash" can make the manifest agree with the new bytes (an
    // author who hashed the hostile file: the semantic checks must catch it then).
    const QJsonObject files = json.value(u"files"_s).toObject();
    for (auto it = files.begin(); it != files.end(); ++it) {
        if (it.value().isNull()) {
            request.files.remove(it.key());
        } else {
            request.files.insert(it.key(), it.value().toString().toUtf8());
        }
    }
    const QJsonObject append = json.value(u"append"_s).toObject();
    for (auto it = append.begin(); it != append.end(); ++it) {
        request.files[it.key()] += it.value().toString().toUtf8();
    }
    const QJsonObject pad = json.value(u"pad"_s).toObject();
    for (auto it = pad.begin(); it != pad.end(); ++it) {
        request.files[it.key()] += QByteArray(it.value().toInt(), 'A');
    }
    const QJsonArray replace = json.value(u"replace"_s).toArray();
    for (const QJsonValue &value : replace) {
        const QJsonArray triple = value.toArray();
        QByteArray &bytes = request.files[triple.at(0).toString()];
        bytes.replace(triple.at(1).toString().toUtf8(), triple.at(2).toString().toUtf8());
    }
    QJsonObject plan = QJsonDocument::fromJson(request.planJson).object();
    if (json.value(u"rehash"_s).toBool()) {
        QJsonArray operations = plan.value(u"operations"_s).toArray();
        for (qsizetype i = 0; i < operations.size(); ++i) {
            QJsonObject operation = operations.at(i).toObject();
            QByteArray bytes = request.files.value(operation.value(u"file"_s).toString());
            if (operation.value(u"op"_s).toString() == u"run") {
                const QByteArray head =
                    "#!/bin/sh\n# " + operation.value(u"purpose"_s).toString().toUtf8() + "\nset -e\n";
                bytes = bytes.mid(head.size());
                bytes.chop(1);
            }
            operation.insert(u"content_sha256"_s, hex(bytes));
            operations[i] = operation;
        }
        plan.insert(u"operations"_s, operations);
    }
    const QJsonArray sets = json.value(u"set"_s).toArray();
    QJsonValue root = plan;
    for (const QJsonValue &value : sets) {
        const QJsonArray pair = value.toArray();
        root = setAt(root, pair.at(0).toString().split(u'/'), pair.at(1), false);
    }
    const QJsonArray removes = json.value(u"remove"_s).toArray();
    for (const QJsonValue &value : removes) {
        root = setAt(root, value.toString().split(u'/'), {}, true);
    }
    if (!sets.isEmpty() || !removes.isEmpty() || json.value(u"rehash"_s).toBool()) {
        request.planJson = QJsonDocument(root.toObject()).toJson(QJsonDocument::Indented);
    }
    // Raw plan text, for what QJsonDocument would never write: duplicate keys, bad UTF-8, depth.
    if (json.contains(u"raw"_s)) {
        QByteArray raw = json.value(u"raw"_s).toString().toUtf8();
        const int repeat = json.value(u"repeat"_s).toInt(0);
        if (repeat > 0) {
            const QByteArray unit = json.value(u"unit"_s).toString().toUtf8();
            QByteArray body;
            for (int i = 0; i < repeat; ++i) {
                body += unit;
            }
            raw.replace("@", body);
            if (json.contains(u"close"_s)) {
                raw.replace("%", json.value(u"close"_s).toString().toUtf8().repeated(repeat));
            }
        }
        raw.replace("\\xff", "\xff");
        request.planJson = raw;
    }
    // The same JSON in other bytes: the approval's hash is over the bytes, which must be the generators'.
    if (json.value(u"compact"_s).toBool()) {
        request.planJson = QJsonDocument::fromJson(request.planJson).toJson(QJsonDocument::Compact);
    }
    if (json.contains(u"raw_replace"_s)) {
        const QJsonArray pair = json.value(u"raw_replace"_s).toArray();
        request.planJson.replace(pair.at(0).toString().toUtf8(), pair.at(1).toString().toUtf8());
    }
    return request;
}

} // namespace Deroot::TestSupport
