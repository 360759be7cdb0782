// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/plan/proverequest.h"

#include "core/base/text.h"
#include "core/model/capabilities.h"
#include "core/rules/rules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

Error invalid(const QString &message)
{
    return Error{ExitCode::Usage, u"the prove request is refused: "_s + message};
}

// Strict base64 of at most @p limit decoded bytes; the encoded length is bounded first, so that
// nothing larger is ever decoded.
std::optional<QByteArray> decodeBase64(const QJsonValue &value, qsizetype limit)
{
    if (!value.isString()) {
        return std::nullopt;
    }
    const QByteArray text = value.toString().toLatin1();
    if (text.size() > (limit + 2) / 3 * 4) {
        return std::nullopt;
    }
    const auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() > limit || decoded.decoded.toBase64() != text) {
        return std::nullopt;
    }
    return decoded.decoded;
}

} // namespace

QByteArray proveRequestJson(const ProveRequest &request)
{
    QJsonObject files;
    for (auto file = request.plan.files.cbegin(); file != request.plan.files.cend(); ++file) {
        files.insert(file.key(), QString::fromLatin1(file.value().toBase64()));
    }
    QJsonObject object{{u"version"_s, 1},
                       {u"plan"_s, QString::fromLatin1(request.plan.planJson.toBase64())},
                       {u"files"_s, files},
                       {u"seconds"_s, request.seconds}};
    if (!request.check.isEmpty()) {
        object.insert(u"check"_s, request.check);
    }
    if (!request.sandbox.isEmpty()) {
        QJsonArray sandbox;
        for (const SandboxCandidate &candidate : request.sandbox) {
            sandbox.append(QJsonObject{
                {u"key"_s, candidate.key}, {u"value"_s, candidate.value}, {u"observed"_s, candidate.observed}});
        }
        object.insert(u"sandbox"_s, sandbox);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<CheckedProveRequest> parseProveRequest(const QByteArray &json)
{
    const Result<QJsonObject> read = readRequestObject(json, kMaxProveRequestBytes);
    if (!read) {
        return invalid(read.error().message);
    }
    const QJsonObject &root = *read;
    static const QStringList kKeys{u"version"_s, u"plan"_s, u"files"_s, u"seconds"_s, u"check"_s, u"sandbox"_s};
    for (const QString &key : root.keys()) {
        if (!kKeys.contains(key)) {
            return invalid(u"unknown key %1"_s.arg(quoted(key.left(40))));
        }
    }
    for (const QString &key : kKeys) {
        if (key != u"check" && key != u"sandbox" && !root.contains(key)) {
            return invalid(u"the key %1 is missing"_s.arg(quoted(key)));
        }
    }
    const QJsonValue version = root.value(u"version"_s);
    if (!version.isDouble() || version.toDouble() != 1.0) {
        return invalid(u"'version' must be 1"_s);
    }
    const QJsonValue seconds = root.value(u"seconds"_s);
    const double number = seconds.isDouble() ? seconds.toDouble() : 0;
    if (!seconds.isDouble() || !std::isfinite(number) || std::floor(number) != number || number < kMinProveSeconds ||
        number > kMaxProveSeconds) {
        return invalid(u"'seconds' must be a whole number from %1 to %2"_s.arg(kMinProveSeconds).arg(kMaxProveSeconds));
    }
    CheckedProveRequest out;
    out.seconds = int(number);
    if (root.contains(u"check"_s)) {
        const QJsonValue check = root.value(u"check"_s);
        if (!check.isString()) {
            return invalid(u"'check' must be a string"_s);
        }
        out.check = check.toString();
        if (out.check.size() > kMaxProveCheckLength) {
            return invalid(u"the check command is %1 characters long, more than %2"_s.arg(out.check.size())
                               .arg(kMaxProveCheckLength));
        }
        if (out.check.trimmed().isEmpty()) {
            return invalid(u"the check command is empty; leave 'check' out for none"_s);
        }
        if (!out.check.isValidUtf16() || std::any_of(out.check.cbegin(), out.check.cend(), isControlOrInvisible)) {
            return invalid(u"the check command holds a control or invisible character (NUL, newline, ...)"_s);
        }
    }
    if (root.contains(u"sandbox"_s)) {
        const QJsonValue sandbox = root.value(u"sandbox"_s);
        if (!sandbox.isArray() || sandbox.toArray().isEmpty() || sandbox.toArray().size() > kMaxProveSandbox) {
            return invalid(
                u"'sandbox' must be a list of 1 to %1 settings; leave it out for none"_s.arg(kMaxProveSandbox));
        }
        const QJsonArray entries = sandbox.toArray();
        for (const auto &entry : entries) {
            const QJsonObject object = entry.toObject();
            const QStringList keys = object.keys();
            if (!entry.isObject() || keys != QStringList{u"key"_s, u"observed"_s, u"value"_s} ||
                !object.value(u"key"_s).isString() || !object.value(u"value"_s).isString() ||
                !object.value(u"observed"_s).isString()) {
                return invalid(u"each 'sandbox' entry must be an object of the strings key, value and observed"_s);
            }
            SandboxCandidate candidate{object.value(u"key"_s).toString(), object.value(u"value"_s).toString(),
                                       object.value(u"observed"_s).toString()};
            if (!isObservableSandboxSetting(candidate.key, candidate.value)) {
                return invalid(
                    u"'sandbox' holds %1, which no observation flags"_s.arg(quoted(candidate.setting().left(80))));
            }
            if (std::any_of(out.sandbox.cbegin(), out.sandbox.cend(),
                            [&](const SandboxCandidate &seen) { return seen.key == candidate.key; })) {
                return invalid(u"'sandbox' names %1 twice"_s.arg(quoted(candidate.key)));
            }
            if (candidate.observed.isEmpty() || candidate.observed.size() > kMaxProveObservedLength ||
                !candidate.observed.isValidUtf16() ||
                std::any_of(candidate.observed.cbegin(), candidate.observed.cend(), isControlOrInvisible)) {
                return invalid(u"a 'sandbox' entry's 'observed' must be 1 to %1 characters without a control or "
                               u"invisible character"_s.arg(kMaxProveObservedLength));
            }
            out.sandbox.append(candidate);
        }
    }
    ApplyRequest plan;
    const std::optional<QByteArray> planJson = decodeBase64(root.value(u"plan"_s), kMaxPlanJsonBytes);
    if (!planJson) {
        return invalid(u"'plan' must be plan.json's bytes in base64, at most %1 bytes"_s.arg(kMaxPlanJsonBytes));
    }
    plan.planJson = *planJson;
    const QJsonValue files = root.value(u"files"_s);
    if (!files.isObject()) {
        return invalid(u"'files' must be an object of the export's files by name"_s);
    }
    if (files.toObject().size() > kMaxFiles) {
        return invalid(u"%1 files, more than %2"_s.arg(files.toObject().size()).arg(kMaxFiles));
    }
    const QJsonObject fileObject = files.toObject();
    for (auto file = fileObject.constBegin(); file != fileObject.constEnd(); ++file) {
        const std::optional<QByteArray> bytes = decodeBase64(file.value(), kMaxFileBytes);
        if (!bytes) {
            return invalid(u"the file %1 must be its bytes in base64, at most %2 bytes"_s.arg(
                quoted(file.key().left(64)), QString::number(kMaxFileBytes)));
        }
        plan.files.insert(file.key(), *bytes);
    }
    // The plan exactly as Apply takes it: regenerated from its typed input, byte for byte.
    Result<CheckedRequest> checked = parseApplyRequest(plan);
    if (!checked) {
        return checked.error();
    }
    // Never root in all but name: neither a capability nor a group that is.
    for (const QString &name : std::as_const(checked->capabilities)) {
        const auto info = capabilityByName(name);
        if (!info || isRootEquivalentCapability(info->number)) {
            return Error{ExitCode::Refused,
                         u"the plan grants %1, a root-equivalent capability: the helper never proves such a plan "
                         u"(prove it as root instead: sudo derootctl prove)"_s.arg(quoted(name))};
        }
    }
    if (!checked->privilegedGrants.isEmpty()) {
        return Error{ExitCode::Refused, u"the plan grants what is root in all but name (%1): the helper never proves "
                                        u"such a plan (prove it as root instead: sudo derootctl prove)"_s.arg(
                                            checked->privilegedGrants.join(u", "_s))};
    }
    out.plan = *checked;
    return out;
}

} // namespace Deroot::Core
