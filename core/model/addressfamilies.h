// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QSet>
#include <QString>

namespace Deroot::Core {

/// The address families systemd's RestrictAddressFamilies= knows and agents use ("AF_INET", ...):
/// what the catalog and the generators accept.
const QSet<QString> &knownAddressFamilies();

} // namespace Deroot::Core
