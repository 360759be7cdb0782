// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QString>

namespace Deroot::Core {

/// Returns @p text in single quotes with every control or invisible formatting character written
/// as an escape (\n, \t, \x1b, \u202e, ...), and a single quote or backslash escaped, so that an
/// error message naming hostile input stays on one line and shows what is really there.
QString quoted(QStringView text);

} // namespace Deroot::Core
