// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/inspect/processidentity.h"
#include "core/inspect/report.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <functional>

namespace Deroot::Core {

/// What a running process's identity says about its privilege, as findings ("process.*"): a
/// supplementary group that amounts to root, running as root, every capability of its bounding
/// set or root-equivalent ones, ambient capabilities, an executable replaced since it started,
/// none at all. @p groupName names a group id (the caller reads the group database; a test passes
/// its own). Pure: the same identity and names give the same findings, in this order.
QList<Finding> processFindings(const ProcessIdentity &identity,
                               const std::function<QString(std::uint32_t gid)> &groupName);

} // namespace Deroot::Core
