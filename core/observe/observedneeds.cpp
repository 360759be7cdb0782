// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/observe/observedneeds.h"

#include "core/model/capabilities.h"
#include "core/observe/observation.h"
#include "core/observe/sandboxflags.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

class Reader
{
public:
    QString error;

    void fail(const QString &where, const QString &message)
    {
        if (error.isEmpty()) {
            error = where + u": "_s + message;
        }
    }

    // The object's keys must be exactly @p required plus any of @p optional.
    bool keys(const QJsonObject &object, const QString &where, const QSet<QString> &required,
              const QSet<QString> &optional = {})
    {
        for (const QString &key : required) {
            if (!object.contains(key)) {
                fail(where, u"\""_s + key + u"\" is missing"_s);
                return false;
            }
        }
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!required.contains(it.key()) && !optional.contains(it.key())) {
                fail(where, u"unknown key \""_s + it.key() + u'"');
                return false;
            }
        }
        return true;
    }

    QString text(const QJsonObject &object, const QString &key, const QString &where)
    {
        const QJsonValue value = object.value(key);
        if (!value.isString() || value.toString().isEmpty()) {
            fail(where, u"\""_s + key + u"\" must be a non-empty string"_s);
            return {};
        }
        return value.toString();
    }

    QList<Reason> reasons(const QJsonValue &value, const QString &where)
    {
        QList<Reason> out;
        if (!value.isArray() || value.toArray().isEmpty()) {
            fail(where, u"\"reasons\" must be a non-empty array"_s);
            return out;
        }
        int i = 0;
        for (const QJsonValue &item : value.toArray()) {
            const QString at = where + u".reasons["_s + QString::number(i++) + u']';
            const QJsonObject object = item.toObject();
            if (!item.isObject() || !keys(object, at, {u"source"_s, u"text"_s}, {u"when"_s})) {
                fail(at, u"must be an object"_s);
                return out;
            }
            Reason reason{text(object, u"source"_s, at), text(object, u"text"_s, at)};
            if (reason.source != kObservedSource) {
                fail(at, u"the source is \""_s + reason.source + u"\", not \"observed\": this is not an observation"_s);
            }
            if (object.contains(u"when"_s)) {
                reason.condition = text(object, u"when"_s, at);
            }
            out.append(reason);
        }
        return out;
    }

    QJsonArray list(const QJsonObject &needs, const QString &key)
    {
        const QJsonValue value = needs.value(key);
        if (!value.isArray()) {
            fail(u"needs."_s + key, u"must be an array"_s);
            return {};
        }
        return value.toArray();
    }

    void named(const QJsonObject &needs, const QString &key, const QString &nameKey, QList<NamedNeed> &into,
               bool absolutePath)
    {
        int i = 0;
        for (const QJsonValue &item : list(needs, key)) {
            const QString at = u"needs."_s + key + u'[' + QString::number(i++) + u']';
            const QJsonObject object = item.toObject();
            if (!item.isObject() || !keys(object, at, {nameKey, u"reasons"_s})) {
                fail(at, u"must be an object"_s);
                return;
            }
            const QString name = text(object, nameKey, at);
            if (absolutePath && !name.startsWith(u'/')) {
                fail(at, u"\""_s + name + u"\" is not an absolute path"_s);
            }
            for (const Reason &reason : reasons(object.value(u"reasons"_s), at)) {
                Needs::add(into, name, reason);
            }
        }
    }
};

} // namespace

Result<Needs> readObservedNeeds(QByteArrayView json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return Error{ExitCode::BadTarget,
                     u"not a JSON object: "_s +
                         (parseError.error != QJsonParseError::NoError
                              ? parseError.errorString() + u" at offset "_s + QString::number(parseError.offset)
                              : u"the top is not an object"_s)};
    }
    const QJsonObject top = document.object();
    if (top.value(u"schema"_s).toString() != QLatin1StringView(kObserveSchema)) {
        return Error{ExitCode::BadTarget, u"\"schema\" is not \""_s + QLatin1StringView(kObserveSchema) +
                                              u"\": not the output of derootctl observe --json"_s};
    }
    Reader reader;
    const QJsonObject needs = top.value(u"needs"_s).toObject();
    if (!top.value(u"needs"_s).isObject()) {
        return Error{ExitCode::BadTarget, u"\"needs\" is missing or not an object"_s};
    }
    const QSet<QString> all{
        u"capabilities"_s,     u"commands"_s, u"read_paths"_s, u"write_paths"_s,        u"listen_ports"_s,
        u"address_families"_s, u"devices"_s,  u"groups"_s,     u"non_root_arguments"_s, u"foreground_arguments"_s};
    reader.keys(needs, u"needs"_s, all);
    for (const QString &never : {u"commands"_s, u"groups"_s, u"non_root_arguments"_s, u"foreground_arguments"_s}) {
        if (!reader.list(needs, never).isEmpty()) {
            reader.fail(u"needs."_s + never, u"an observation never fills it"_s);
        }
    }
    Needs out;
    int i = 0;
    for (const QJsonValue &item : reader.list(needs, u"capabilities"_s)) {
        const QString at = u"needs.capabilities["_s + QString::number(i++) + u']';
        const QJsonObject object = item.toObject();
        if (!item.isObject() ||
            !reader.keys(object, at, {u"name"_s, u"number"_s, u"risk"_s, u"conditional"_s, u"reasons"_s})) {
            reader.fail(at, u"must be an object"_s);
            break;
        }
        const auto info = capabilityByName(reader.text(object, u"name"_s, at));
        if (!info || (object.value(u"name"_s).toString() != QLatin1StringView(info->name)) ||
            object.value(u"number"_s).toInt(-1) != info->number) {
            reader.fail(at,
                        u"\""_s + object.value(u"name"_s).toString() + u"\" is not a capability with that number"_s);
            break;
        }
        for (const Reason &reason : reader.reasons(object.value(u"reasons"_s), at)) {
            out.addCapability(info->number, reason);
        }
    }
    i = 0;
    for (const QJsonValue &item : reader.list(needs, u"listen_ports"_s)) {
        const QString at = u"needs.listen_ports["_s + QString::number(i++) + u']';
        const QJsonObject object = item.toObject();
        if (!item.isObject() || !reader.keys(object, at, {u"protocol"_s, u"port"_s, u"address"_s, u"reasons"_s})) {
            reader.fail(at, u"must be an object"_s);
            break;
        }
        const QString protocol = object.value(u"protocol"_s).toString();
        const int port = object.value(u"port"_s).toInt(-1);
        if ((protocol != u"tcp"_s && protocol != u"udp"_s) || port < 1 || port > 65535 ||
            !object.value(u"address"_s).isString()) {
            reader.fail(at, u"a port is a protocol (tcp or udp), a number from 1 to 65535 and an address"_s);
            break;
        }
        for (const Reason &reason : reader.reasons(object.value(u"reasons"_s), at)) {
            out.addPort(protocol, port, object.value(u"address"_s).toString(), reason);
        }
    }
    reader.named(needs, u"read_paths"_s, u"path"_s, out.readPaths, true);
    reader.named(needs, u"write_paths"_s, u"path"_s, out.writePaths, true);
    reader.named(needs, u"devices"_s, u"path"_s, out.devices, true);
    reader.named(needs, u"address_families"_s, u"name"_s, out.addressFamilies, false);
    for (const NamedNeed &family : std::as_const(out.addressFamilies)) {
        if (!family.name.startsWith(u"AF_"_s)) {
            reader.fail(u"needs.address_families"_s, u"\""_s + family.name + u"\" is not an address family"_s);
        }
    }
    if (!reader.error.isEmpty()) {
        return Error{ExitCode::BadTarget, reader.error};
    }
    return out;
}

Result<QList<SandboxFlag>> readObservedSandbox(QByteArrayView json)
{
    if (const Result<Needs> needs = readObservedNeeds(json); !needs) {
        return needs.error();
    }
    const QJsonObject top = QJsonDocument::fromJson(json.toByteArray()).object();
    const QJsonValue observation = top.value(u"observation"_s);
    if (!observation.isObject()) {
        return Error{ExitCode::BadTarget, u"\"observation\" is missing or not an object"_s};
    }
    QList<SandboxFlag> flags;
    if (!observation.toObject().contains(u"sandbox"_s)) {
        return flags;
    }
    const QJsonValue sandbox = observation.toObject().value(u"sandbox"_s);
    if (!sandbox.isArray()) {
        return Error{ExitCode::BadTarget, u"observation.sandbox: must be an array"_s};
    }
    Reader reader;
    int i = 0;
    for (const QJsonValue &item : sandbox.toArray()) {
        const QString at = u"observation.sandbox["_s + QString::number(i++) + u']';
        const QJsonObject object = item.toObject();
        if (!item.isObject() || !reader.keys(object, at, {u"key"_s, u"value"_s, u"evidence"_s})) {
            reader.fail(at, u"must be an object"_s);
            break;
        }
        const SandboxFlag flag{reader.text(object, u"key"_s, at), reader.text(object, u"value"_s, at),
                               reader.text(object, u"evidence"_s, at)};
        if (!reader.error.isEmpty()) {
            break;
        }
        if (!isFlaggableSetting(flag)) {
            reader.fail(at, u"\""_s + flag.setting() + u"\" is not a setting an observation flags"_s);
            break;
        }
        if (std::any_of(flag.evidence.cbegin(), flag.evidence.cend(), [](QChar c) { return !c.isPrint(); }) ||
            flag.evidence.size() > 1000) {
            reader.fail(at, u"the evidence must be one line of printable text"_s);
            break;
        }
        if (std::any_of(flags.cbegin(), flags.cend(),
                        [&](const SandboxFlag &other) { return other.key == flag.key; })) {
            reader.fail(at, u"\""_s + flag.key + u"\" is flagged twice"_s);
            break;
        }
        flags.append(flag);
    }
    if (!reader.error.isEmpty()) {
        return Error{ExitCode::BadTarget, reader.error};
    }
    return flags;
}

} // namespace Deroot::Core
