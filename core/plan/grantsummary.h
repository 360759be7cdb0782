// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/plan/applyrequest.h"

#include <QString>
#include <QStringList>

namespace Deroot::Core {

/// What a validated plan grants, one translated line each: the program, the account and its
/// groups (or the caller a called program's sudo rule is for), the capabilities, the unit, the
/// timer, the unit it stops and disables, and every sudo command with its exact arguments. derootctl
/// apply and the desktop's confirmation show these before the helper is called, from the same
/// parse the helper runs, so the admin reads what polkit's prompt names (docs/helper.md).
QStringList grantLines(const CheckedRequest &plan);

/// The call-out for a plan with root-equivalent grants (CheckedRequest::privilegedGrants): what
/// they are, that they make the agent as powerful as root, and that the helper applies such a plan
/// only after an administrator's password typed for it. Empty for a plan without any.
QString privilegedWarning(const CheckedRequest &plan);

} // namespace Deroot::Core
