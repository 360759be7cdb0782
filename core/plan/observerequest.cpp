// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/plan/observerequest.h"

#include "core/base/text.h"
#include "core/generate/inputvalidation.h"
#include "core/model/capabilities.h"
#include "core/plan/applyrequest.h"
#include "core/rules/rules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

Error invalid(const QString &message)
{
    return Error{ExitCode::Usage, u"the observe request is refused: "_s + message};
}

// A JSON number that is a whole number within [low, high].
std::optional<qint64> wholeNumber(const QJsonValue &value, qint64 low, qint64 high)
{
    if (!value.isDouble()) {
        return std::nullopt;
    }
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::floor(number) != number || number < double(low) || number > double(high)) {
        return std::nullopt;
    }
    return qint64(number);
}

// systemd's unit name characters (unit_name_is_valid(): letters, digits, ":-_.\\", and '@' of a
// template's instance), ending in ".service", with a name before it.
bool isServiceUnitName(const QString &name)
{
    static const QString kSuffix = u".service"_s;
    if (name.size() > kMaxUnitNameLength || !name.endsWith(kSuffix) || name.size() == kSuffix.size()) {
        return false;
    }
    // A leading '.' is no unit systemd makes; isUnitNameShape() refuses a leading '-' (an option).
    if (name.startsWith(u'.')) {
        return false;
    }
    return isUnitNameShape(name);
}

} // namespace

QString observeTargetName(ObserveRequest::Target target)
{
    switch (target) {
    case ObserveRequest::Target::Command:
        return u"command"_s;
    case ObserveRequest::Target::Unit:
        return u"unit"_s;
    case ObserveRequest::Target::Pid:
        return u"pid"_s;
    }
    return u"command"_s;
}

QByteArray observeRequestJson(const ObserveRequest &request)
{
    QJsonObject object{{u"version"_s, 1},
                       {u"target"_s, observeTargetName(request.target)},
                       {u"seconds"_s, request.seconds},
                       {u"mechanism"_s, request.mechanism}};
    switch (request.target) {
    case ObserveRequest::Target::Command:
        object.insert(u"program"_s, request.program);
        object.insert(u"arguments"_s, QJsonArray::fromStringList(request.arguments));
        object.insert(u"user"_s, request.user);
        object.insert(u"capabilities"_s, QJsonArray::fromStringList(request.capabilities));
        break;
    case ObserveRequest::Target::Unit:
        object.insert(u"unit"_s, request.unit);
        break;
    case ObserveRequest::Target::Pid:
        object.insert(u"pid"_s, double(request.pid));
        break;
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<ObserveRequest> parseObserveRequest(const QByteArray &json)
{
    const Result<QJsonObject> read = readRequestObject(json, kMaxObserveRequestBytes);
    if (!read) {
        return invalid(read.error().message);
    }
    const QJsonObject &root = *read;
    if (wholeNumber(root.value(u"version"_s), 1, 1) != 1) {
        return invalid(u"'version' must be 1"_s);
    }
    ObserveRequest request;
    const QString target = root.value(u"target"_s).toString();
    QStringList keys{u"version"_s, u"target"_s, u"seconds"_s, u"mechanism"_s};
    if (target == u"command"_s) {
        request.target = ObserveRequest::Target::Command;
        keys << u"program"_s << u"arguments"_s << u"user"_s << u"capabilities"_s;
    } else if (target == u"unit"_s) {
        request.target = ObserveRequest::Target::Unit;
        keys << u"unit"_s;
    } else if (target == u"pid"_s) {
        request.target = ObserveRequest::Target::Pid;
        keys << u"pid"_s;
    } else {
        return invalid(u"'target' must be \"command\", \"unit\" or \"pid\""_s);
    }
    // A closed schema: every key of the target, and nothing else.
    for (const QString &key : root.keys()) {
        if (!keys.contains(key)) {
            return invalid(u"unknown key %1 for a %2"_s.arg(quoted(key), target));
        }
    }
    for (const QString &key : std::as_const(keys)) {
        if (!root.contains(key)) {
            return invalid(u"the key %1 is missing"_s.arg(quoted(key)));
        }
    }

    const std::optional<qint64> seconds = wholeNumber(root.value(u"seconds"_s), 1, kMaxObserveSeconds);
    if (!seconds) {
        return invalid(u"'seconds' must be a whole number from 1 to %1"_s.arg(kMaxObserveSeconds));
    }
    request.seconds = int(*seconds);
    const QJsonValue mechanism = root.value(u"mechanism"_s);
    if (!mechanism.isString() || !QStringList{u"auto"_s, u"ebpf"_s, u"strace"_s}.contains(mechanism.toString())) {
        return invalid(u"'mechanism' must be \"auto\", \"ebpf\" or \"strace\""_s);
    }
    request.mechanism = mechanism.toString();

    switch (request.target) {
    case ObserveRequest::Target::Command: {
        const QJsonValue program = root.value(u"program"_s);
        if (!program.isString()) {
            return invalid(u"'program' must be a string"_s);
        }
        request.program = program.toString();
        if (request.program.size() > kMaxObserveProgramLength || !request.program.startsWith(u'/') ||
            !isSafeAbsolutePath(request.program)) {
            return invalid(u"the program %1 must be an absolute, normalised path (no '..', '//', trailing '/') of "
                           u"at most %2 plain characters"_s.arg(quoted(request.program.left(kMaxObserveProgramLength)))
                               .arg(kMaxObserveProgramLength));
        }
        const QJsonValue arguments = root.value(u"arguments"_s);
        if (!arguments.isArray()) {
            return invalid(u"'arguments' must be an array of strings"_s);
        }
        if (arguments.toArray().size() > kMaxObserveArguments) {
            return invalid(u"%1 arguments, more than %2"_s.arg(arguments.toArray().size()).arg(kMaxObserveArguments));
        }
        qsizetype text = 0;
        for (const auto &argument : arguments.toArray()) {
            if (!argument.isString()) {
                return invalid(u"'arguments' must be an array of strings"_s);
            }
            const QString value = argument.toString();
            if (value.size() > kMaxObserveArgumentLength) {
                return invalid(u"argument %1 is %2 characters long, more than %3"_s.arg(request.arguments.size() + 1)
                                   .arg(value.size())
                                   .arg(kMaxObserveArgumentLength));
            }
            if (!value.isValidUtf16() || std::any_of(value.cbegin(), value.cend(), isControlOrInvisible)) {
                return invalid(u"argument %1 holds a control or invisible character (NUL, newline, ...)"_s.arg(
                    request.arguments.size() + 1));
            }
            text += value.size() + (request.arguments.isEmpty() ? 0 : 2);
            request.arguments.append(value);
        }
        if (text > kMaxObserveArgumentsText) {
            return invalid(u"the arguments are %1 characters together, more than the %2 the authentication prompt "
                           u"can show whole"_s.arg(text)
                               .arg(kMaxObserveArgumentsText));
        }
        const QJsonValue user = root.value(u"user"_s);
        if (!user.isString() || !isAccountNameShape(user.toString())) {
            return invalid(u"'user' must be a user name ([a-z_][a-z0-9_-]*, at most 31 characters)"_s);
        }
        request.user = user.toString();
        const QJsonValue capabilities = root.value(u"capabilities"_s);
        if (!capabilities.isArray()) {
            return invalid(u"'capabilities' must be an array of capability names"_s);
        }
        QList<int> numbers;
        for (const auto &name : capabilities.toArray()) {
            const auto info = name.isString() ? capabilityByName(name.toString()) : std::nullopt;
            // Upper case, as the table spells them: the prompt shows what is asked, not a guess.
            if (!info || QString::fromLatin1(info->name) != name.toString()) {
                return invalid(u"%1 is not a capability name (CAP_NET_RAW, ...)"_s.arg(
                    name.isString() ? quoted(name.toString().left(40)) : u"a non-string"_s));
            }
            if (numbers.contains(info->number)) {
                return invalid(u"%1 is listed twice"_s.arg(QString::fromLatin1(info->name)));
            }
            if (isRootEquivalentCapability(info->number)) {
                return invalid(u"%1 is a root-equivalent capability: the helper never gives one to a program it "
                               u"observes (observe as root instead: sudo derootctl observe)"_s.arg(
                                   QString::fromLatin1(info->name)));
            }
            numbers.append(info->number);
        }
        // In the table's order, whatever the request's: the prompt and the observer see one list.
        std::sort(numbers.begin(), numbers.end());
        for (const int number : std::as_const(numbers)) {
            if (const auto info = capabilityByNumber(number)) {
                request.capabilities.append(QString::fromLatin1(info->name));
            }
        }
        break;
    }
    case ObserveRequest::Target::Unit: {
        const QJsonValue unit = root.value(u"unit"_s);
        if (!unit.isString() || !isServiceUnitName(unit.toString())) {
            return invalid(u"'unit' must be a service unit's name (systemd's characters, ending in .service, not "
                           u"starting with '-' or '.')"_s);
        }
        request.unit = unit.toString();
        break;
    }
    case ObserveRequest::Target::Pid: {
        const std::optional<qint64> pid = wholeNumber(root.value(u"pid"_s), 1, kMaxPid);
        if (!pid) {
            return invalid(u"'pid' must be a process id from 1 to %1"_s.arg(kMaxPid));
        }
        request.pid = *pid;
        break;
    }
    }
    return request;
}

QStringList observerArguments(const ObserveRequest &request)
{
    QStringList arguments{u"--mechanism"_s, request.mechanism, u"--seconds"_s, QString::number(request.seconds)};
    switch (request.target) {
    case ObserveRequest::Target::Command:
        arguments << u"--user"_s << request.user;
        if (!request.capabilities.isEmpty()) {
            arguments << u"--capabilities"_s << request.capabilities.join(u',');
        }
        arguments << u"--"_s << request.program << request.arguments;
        break;
    case ObserveRequest::Target::Unit:
        arguments << u"--unit"_s << request.unit;
        break;
    case ObserveRequest::Target::Pid:
        arguments << u"--pid"_s << QString::number(request.pid);
        break;
    }
    return arguments;
}

} // namespace Deroot::Core
