// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/rules/rules.h" // isRootEquivalentGroup(), shared with the generators and the helper

#include <QString>

#include <cstdint>

namespace Deroot::Core {

/// The name of user @p uid from the user database, or an empty string when it has none.
QString userName(std::uint32_t uid);
/// The name of group @p gid from the group database, or an empty string when it has none.
QString groupName(std::uint32_t gid);

} // namespace Deroot::Core
