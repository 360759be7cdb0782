// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/plan/helperprotocol.h"

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace HelperProtocol {

QString errorName(ExitCode code)
{
    switch (code) {
    case ExitCode::Refused:
        return Errors::kRefused;
    case ExitCode::Busy:
        return Errors::kBusy;
    case ExitCode::NotFound:
        return Errors::kNotFound;
    case ExitCode::Usage:
        return Errors::kInvalidArgs;
    case ExitCode::NotAuthorized:
        return Errors::kNotAuthorized;
    case ExitCode::Unavailable:
        return Errors::kUnavailable;
    case ExitCode::BadTarget:
        return Errors::kBadTarget;
    case ExitCode::Permission:
        return Errors::kPermission;
    case ExitCode::Changed:
        return Errors::kChanged;
    default:
        return Errors::kFailed;
    }
}

std::optional<ExitCode> exitCodeForError(const QString &name)
{
    if (!name.startsWith(Errors::kPrefix)) {
        return std::nullopt;
    }
    for (const ExitCode code :
         {ExitCode::NotAuthorized, ExitCode::Refused, ExitCode::Busy, ExitCode::NotFound, ExitCode::Usage,
          ExitCode::Unavailable, ExitCode::BadTarget, ExitCode::Permission, ExitCode::Changed}) {
        if (name == errorName(code)) {
            return code;
        }
    }
    return ExitCode::Failure;
}

} // namespace HelperProtocol

QJsonObject stepToJson(const StepProgress &step)
{
    return {{u"index"_s, step.index},   {u"count"_s, step.count}, {u"kind"_s, step.kind},
            {u"target"_s, step.target}, {u"ok"_s, step.ok},       {u"message"_s, step.message}};
}

StepProgress stepFromJson(const QJsonObject &object)
{
    StepProgress step;
    step.index = object.value(u"index"_s).toInt();
    step.count = object.value(u"count"_s).toInt();
    step.kind = object.value(u"kind"_s).toString();
    step.target = object.value(u"target"_s).toString();
    step.ok = object.value(u"ok"_s).toBool();
    step.message = object.value(u"message"_s).toString();
    return step;
}

} // namespace Deroot::Core
