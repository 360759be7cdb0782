// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/observe/eventstream.h"

#include "core/model/capabilities.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// The keys of one JSON object, taken one by one; what is left at the end is an unknown key.
class Fields
{
public:
    explicit Fields(QJsonObject object)
        : m_object(std::move(object))
    {}

    bool has(const QString &key) const { return m_object.contains(key); }
    const QString &error() const { return m_error; }

    QJsonValue take(const QString &key)
    {
        m_taken.insert(key);
        return m_object.value(key);
    }
    QString string(const QString &key, bool required = false)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined() && !required) {
            return {};
        }
        if (!value.isString()) {
            fail(u"\""_s + key + u"\" must be a string"_s);
        }
        return value.toString();
    }
    std::int64_t integer(const QString &key, std::int64_t fallback, bool required = false)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined() && !required) {
            return fallback;
        }
        if (!value.isDouble() || value.toDouble() != double(value.toInteger())) {
            fail(u"\""_s + key + u"\" must be an integer"_s);
            return fallback;
        }
        return value.toInteger();
    }
    bool boolean(const QString &key)
    {
        const QJsonValue value = take(key);
        if (!value.isUndefined() && !value.isBool()) {
            fail(u"\""_s + key + u"\" must be true or false"_s);
        }
        return value.toBool();
    }
    // A return value: an integer >= 0, an errno name, or absent/null when it did not return.
    std::optional<std::int64_t> returnValue(const QString &key)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined() || value.isNull()) {
            return std::nullopt;
        }
        if (value.isString()) {
            const auto error = errnoFromName(value.toString());
            if (!error) {
                fail(u"unknown errno \""_s + value.toString() + u'"');
                return std::nullopt;
            }
            return -std::int64_t(*error);
        }
        if (!value.isDouble() || value.toInteger() < 0) {
            fail(u"\""_s + key + u"\" must be a value >= 0, an errno name or null"_s);
            return std::nullopt;
        }
        return value.toInteger();
    }
    void fail(const QString &message)
    {
        if (m_error.isEmpty()) {
            m_error = message;
        }
    }
    // The first key nobody took, as an error.
    void finish()
    {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            if (!m_taken.contains(it.key())) {
                fail(u"unknown key \""_s + it.key() + u'"');
                return;
            }
        }
    }

private:
    QJsonObject m_object;
    QSet<QString> m_taken;
    QString m_error;
};

PathAccess readAccess(Fields &fields, const QString &path)
{
    PathAccess access;
    access.path = path;
    const QString text = fields.string(u"access"_s);
    for (const QString &word : text.split(u'+', Qt::SkipEmptyParts)) {
        if (word == u"read"_s) {
            access.read = true;
        } else if (word == u"write"_s) {
            access.write = true;
        } else if (word == u"execute"_s) {
            access.execute = true;
        } else {
            fields.fail(u"unknown access \""_s + word + u"\" (read, write, execute, joined by +)"_s);
        }
    }
    return access;
}

int family(Fields &fields, const QString &key)
{
    const QString name = fields.string(key, true);
    const auto number = addressFamilyFromName(name);
    if (!number) {
        fields.fail(u"unknown address family \""_s + name + u'"');
        return -1;
    }
    return *number;
}

QJsonValue returnJson(const std::optional<std::int64_t> &value)
{
    if (!value) {
        return QJsonValue();
    }
    return *value < 0 ? QJsonValue(errnoName(int(-*value))) : QJsonValue(qint64(*value));
}

void readProcess(Fields &fields, ProcessRef &process, std::int64_t &timeNs)
{
    timeNs = fields.integer(u"t_ns"_s, 0, true);
    process.pid = int(fields.integer(u"pid"_s, 0, true));
    process.tid = int(fields.integer(u"tid"_s, process.pid));
    process.comm = fields.string(u"comm"_s);
}

CapabilityCheck readCheck(Fields &fields)
{
    CapabilityCheck check;
    readProcess(fields, check.process, check.timeNs);
    const QString cap = fields.string(u"cap"_s, true);
    if (const auto info = capabilityByName(cap)) {
        check.capability = info->number;
    } else {
        fields.fail(u"unknown capability \""_s + cap + u'"');
    }
    check.syscall = fields.string(u"syscall"_s);
    check.syscallReturn = fields.returnValue(u"ret"_s);
    check.granted = fields.boolean(u"granted"_s);
    const QJsonValue opts = fields.take(u"opts"_s);
    for (const QJsonValue &opt : opts.toArray()) {
        if (opt == u"noaudit"_s) {
            check.options |= kCapOptNoAudit;
        } else if (opt == u"insetid"_s) {
            check.options |= kCapOptInSetId;
        } else if (opt == u"unknown"_s) {
            check.options |= kCapOptUnknown;
        } else if (opt == u"vm-accounting"_s) {
            check.options |= kCapOptVmAccounting;
        } else {
            fields.fail(u"unknown opts entry (noaudit, insetid, unknown, vm-accounting)"_s);
        }
    }
    if (!opts.isUndefined() && !opts.isArray()) {
        fields.fail(u"\"opts\" must be an array"_s);
    }
    const QString phase = fields.string(u"phase"_s);
    if (!phase.isEmpty()) {
        if (const auto p = processPhaseFromId(phase)) {
            check.phase = *p;
        } else {
            fields.fail(u"unknown phase \""_s + phase + u"\" (forked, running, exiting)"_s);
        }
    }
    if (fields.has(u"path"_s)) {
        const QString path = fields.string(u"path"_s);
        check.path = readAccess(fields, path);
    }
    const QJsonValue args = fields.take(u"args"_s);
    if (!args.isUndefined() && !args.isArray()) {
        fields.fail(u"\"args\" must be an array of integers"_s);
    }
    for (const QJsonValue &arg : args.toArray()) {
        if (!arg.isDouble()) {
            fields.fail(u"\"args\" must be an array of integers"_s);
        }
        check.arguments.append(arg.toInteger());
    }
    return check;
}

SyscallResult readResult(Fields &fields)
{
    SyscallResult result;
    readProcess(fields, result.process, result.timeNs);
    result.syscall = fields.string(u"syscall"_s, true);
    result.returnValue = fields.returnValue(u"ret"_s);
    if (fields.has(u"family"_s) && result.syscall != u"bind"_s) {
        SocketCall socket;
        socket.family = family(fields, u"family"_s);
        const QString type = fields.string(u"socket_type"_s, true);
        socket.type = socketTypeFromName(type).value_or(-1);
        if (socket.type < 0) {
            fields.fail(u"unknown socket type \""_s + type + u'"');
        }
        socket.protocol = int(fields.integer(u"protocol"_s, -1));
        result.arguments = socket;
    } else if (fields.has(u"family"_s) && result.syscall == u"bind"_s) {
        BindCall bind;
        bind.family = family(fields, u"family"_s);
        bind.port = int(fields.integer(u"port"_s, -1));
        bind.address = fields.string(u"address"_s);
        const QString type = fields.string(u"socket_type"_s);
        bind.socketType = type.isEmpty() ? -1 : socketTypeFromName(type).value_or(-1);
        if (!type.isEmpty() && bind.socketType < 0) {
            fields.fail(u"unknown socket type \""_s + type + u'"');
        }
        result.arguments = bind;
    } else if (fields.has(u"path"_s)) {
        PathCall call;
        call.access = readAccess(fields, fields.string(u"path"_s, true));
        call.truncated = fields.boolean(u"truncated"_s);
        result.arguments = call;
    } else if (fields.has(u"request"_s)) {
        result.arguments = IoctlCall{fields.string(u"request"_s, true), fields.string(u"device"_s)};
    } else if (fields.has(u"option"_s)) {
        result.arguments = SockoptCall{fields.string(u"level"_s), fields.string(u"option"_s, true)};
    } else if (fields.has(u"ids"_s)) {
        SetIdCall ids;
        const QJsonValue list = fields.take(u"ids"_s);
        if (!list.isArray()) {
            fields.fail(u"\"ids\" must be an array"_s);
        }
        for (const QJsonValue &id : list.toArray()) {
            ids.ids.append(id.toInteger());
        }
        result.arguments = ids;
    } else if (fields.has(u"netlink_error"_s)) {
        NetlinkReply reply;
        const QString error = fields.string(u"netlink_error"_s, true);
        reply.error = errnoFromName(error).value_or(0);
        if (reply.error == 0) {
            fields.fail(u"unknown errno \""_s + error + u'"');
        }
        reply.protocol = int(fields.integer(u"protocol"_s, -1));
        result.arguments = reply;
    }
    return result;
}

QStringList stringList(Fields &fields, const QString &key)
{
    const QJsonValue value = fields.take(key);
    QStringList list;
    if (value.isUndefined()) {
        return list;
    }
    if (!value.isArray()) {
        fields.fail(u"\""_s + key + u"\" must be an array of strings"_s);
        return list;
    }
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString()) {
            fields.fail(u"\""_s + key + u"\" must be an array of strings"_s);
            return list;
        }
        list.append(item.toString());
    }
    return list;
}

RecordingInfo readRecording(Fields &fields)
{
    RecordingInfo info;
    const QString mechanism = fields.string(u"mechanism"_s, true);
    if (const auto m = mechanismFromId(mechanism)) {
        info.mechanism = *m;
    } else {
        fields.fail(u"unknown mechanism \""_s + mechanism + u"\" (ebpf, strace)"_s);
    }
    info.durationNs = fields.integer(u"duration_ns"_s, 0, true);
    info.asRoot = fields.boolean(u"as_root"_s);
    info.unprivilegedPortStart = int(fields.integer(u"unprivileged_port_start"_s, 1024));
    info.target = fields.string(u"target"_s);
    info.user = fields.string(u"user"_s);
    for (const QString &name : stringList(fields, u"capabilities"_s)) {
        if (const auto cap = capabilityByName(name)) {
            info.capabilities.append(cap->number);
        } else {
            fields.fail(u"unknown capability \""_s + name + u'"');
        }
    }
    info.ended = fields.string(u"ended"_s);
    const QStringView ended(info.ended);
    if (!ended.isEmpty() && ended != kEndedTimeLimit && ended != kEndedExited && ended != kEndedSignalled &&
        ended != kEndedTargetGone) {
        fields.fail(u"unknown \"ended\" \""_s + info.ended + u"\" (time-limit, exited, signalled, target-gone)"_s);
    }
    if (fields.has(u"exit_status"_s)) {
        info.exitStatus = int(fields.integer(u"exit_status"_s, 0, true));
    }
    info.lostEvents = fields.integer(u"lost_events"_s, 0);
    info.notes = stringList(fields, u"notes"_s);
    return info;
}

void writeProcess(QJsonObject &object, const ProcessRef &process, std::int64_t timeNs)
{
    object.insert(u"t_ns"_s, qint64(timeNs));
    object.insert(u"pid"_s, process.pid);
    if (process.tid != process.pid) {
        object.insert(u"tid"_s, process.tid);
    }
    if (!process.comm.isEmpty()) {
        object.insert(u"comm"_s, process.comm);
    }
}

} // namespace

QJsonObject toJson(const RecordingInfo &info)
{
    QJsonArray capabilities;
    for (int number : info.capabilities) {
        const auto cap = capabilityByNumber(number);
        capabilities.append(cap ? QString::fromLatin1(cap->name) : u"cap_"_s + QString::number(number));
    }
    QJsonObject object{{u"type"_s, u"recording"_s},
                       {u"mechanism"_s, mechanismId(info.mechanism)},
                       {u"duration_ns"_s, qint64(info.durationNs)},
                       {u"as_root"_s, info.asRoot},
                       {u"unprivileged_port_start"_s, info.unprivilegedPortStart},
                       {u"target"_s, info.target},
                       {u"user"_s, info.user},
                       {u"capabilities"_s, capabilities},
                       {u"ended"_s, info.ended},
                       {u"lost_events"_s, qint64(info.lostEvents)},
                       {u"notes"_s, QJsonArray::fromStringList(info.notes)}};
    if (info.exitStatus) {
        object.insert(u"exit_status"_s, *info.exitStatus);
    }
    return object;
}

Result<EventStream> readEventStream(QByteArrayView text)
{
    EventStream events;
    int number = 0;
    while (!text.isEmpty()) {
        ++number;
        const qsizetype end = text.indexOf('\n');
        const QByteArrayView line = (end < 0 ? text : text.first(end)).trimmed();
        text = end < 0 ? QByteArrayView() : text.sliced(end + 1);
        if (line.isEmpty() || line.startsWith('#')) {
            continue;
        }
        const auto fail = [number](const QString &message) {
            return Error{ExitCode::BadTarget, u"line "_s + QString::number(number) + u": "_s + message};
        };
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            return fail(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                     : u"not a JSON object"_s);
        }
        Fields fields(document.object());
        const QString type = fields.string(u"type"_s, true);
        if (type == u"check"_s) {
            events.checks.append(readCheck(fields));
        } else if (type == u"result"_s) {
            events.results.append(readResult(fields));
        } else if (type == u"recording"_s) {
            if (events.info) {
                fields.fail(u"a second \"recording\" line"_s);
            }
            events.info = readRecording(fields);
        } else {
            fields.fail(u"\"type\" must be \"check\", \"result\" or \"recording\""_s);
        }
        fields.finish();
        if (!fields.error().isEmpty()) {
            return fail(fields.error());
        }
    }
    return events;
}

QByteArray writeEventStream(const EventStream &events)
{
    QByteArray out;
    const auto line = [&out](const QJsonObject &object) {
        out += QJsonDocument(object).toJson(QJsonDocument::Compact);
        out += '\n';
    };
    if (events.info) {
        line(toJson(*events.info));
    }
    for (const CapabilityCheck &check : events.checks) {
        QJsonObject object{{u"type"_s, u"check"_s}};
        writeProcess(object, check.process, check.timeNs);
        const auto info = capabilityByNumber(check.capability);
        object.insert(u"cap"_s, info ? QString::fromLatin1(info->name) : u"cap_"_s + QString::number(check.capability));
        if (!check.syscall.isEmpty()) {
            object.insert(u"syscall"_s, check.syscall);
        }
        object.insert(u"ret"_s, returnJson(check.syscallReturn));
        object.insert(u"granted"_s, check.granted);
        QJsonArray opts;
        if (check.options & kCapOptNoAudit) {
            opts.append(u"noaudit"_s);
        }
        if (check.options & kCapOptInSetId) {
            opts.append(u"insetid"_s);
        }
        if (check.options & kCapOptUnknown) {
            opts.append(u"unknown"_s);
        }
        if (check.options & kCapOptVmAccounting) {
            opts.append(u"vm-accounting"_s);
        }
        if (!opts.isEmpty()) {
            object.insert(u"opts"_s, opts);
        }
        object.insert(u"phase"_s, processPhaseId(check.phase));
        if (check.path) {
            object.insert(u"path"_s, check.path->path);
            object.insert(u"access"_s, accessWords(*check.path));
        }
        if (!check.arguments.isEmpty()) {
            QJsonArray args;
            for (std::int64_t arg : check.arguments) {
                args.append(qint64(arg));
            }
            object.insert(u"args"_s, args);
        }
        line(object);
    }
    for (const SyscallResult &result : events.results) {
        QJsonObject object{{u"type"_s, u"result"_s}};
        writeProcess(object, result.process, result.timeNs);
        object.insert(u"syscall"_s, result.syscall);
        object.insert(u"ret"_s, returnJson(result.returnValue));
        if (const auto *socket = std::get_if<SocketCall>(&result.arguments)) {
            object.insert(u"family"_s, addressFamilyName(socket->family));
            object.insert(u"socket_type"_s, socketTypeName(socket->type));
            object.insert(u"protocol"_s, socket->protocol);
        } else if (const auto *bind = std::get_if<BindCall>(&result.arguments)) {
            object.insert(u"family"_s, addressFamilyName(bind->family));
            object.insert(u"port"_s, bind->port);
            object.insert(u"address"_s, bind->address);
            if (bind->socketType >= 0) {
                object.insert(u"socket_type"_s, socketTypeName(bind->socketType));
            }
        } else if (const auto *path = std::get_if<PathCall>(&result.arguments)) {
            object.insert(u"path"_s, path->access.path);
            object.insert(u"access"_s, accessWords(path->access));
            if (path->truncated) {
                object.insert(u"truncated"_s, true);
            }
        } else if (const auto *ioctl = std::get_if<IoctlCall>(&result.arguments)) {
            object.insert(u"request"_s, ioctl->request);
            if (!ioctl->path.isEmpty()) {
                object.insert(u"device"_s, ioctl->path);
            }
        } else if (const auto *sockopt = std::get_if<SockoptCall>(&result.arguments)) {
            object.insert(u"level"_s, sockopt->level);
            object.insert(u"option"_s, sockopt->option);
        } else if (const auto *ids = std::get_if<SetIdCall>(&result.arguments)) {
            QJsonArray list;
            for (std::int64_t id : ids->ids) {
                list.append(qint64(id));
            }
            object.insert(u"ids"_s, list);
        } else if (const auto *reply = std::get_if<NetlinkReply>(&result.arguments)) {
            object.insert(u"netlink_error"_s, errnoName(reply->error));
            object.insert(u"protocol"_s, reply->protocol);
        }
        line(object);
    }
    return out;
}

} // namespace Deroot::Core
