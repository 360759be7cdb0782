// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/plan/applyrequest.h"

using namespace Qt::StringLiterals;

namespace Deroot::Core {

QString stepKindName(PlanStep::Kind kind)
{
    switch (kind) {
    case PlanStep::Kind::CreateUser:
        return u"create-user"_s;
    case PlanStep::Kind::WriteSysusers:
        return u"write-sysusers"_s;
    case PlanStep::Kind::WriteSudoers:
        return u"write-sudoers"_s;
    case PlanStep::Kind::WriteUnit:
        return u"write-unit"_s;
    case PlanStep::Kind::SetFileCaps:
        return u"set-file-caps"_s;
    case PlanStep::Kind::DaemonReload:
        return u"daemon-reload"_s;
    case PlanStep::Kind::StartUnit:
        return u"start-unit"_s;
    case PlanStep::Kind::ExportOnly:
        return u"export-only"_s;
    }
    return u"unknown"_s;
}

Result<ValidatedPlan> parseApplyRequest(const ApplyRequest &)
{
    // NOTE: the first version of the contract; the validator lands in the next commits.
    return Error{ExitCode::Unavailable, u"plan validation is not available in this version"_s};
}

} // namespace Deroot::Core
