// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Deroot::Core {

/// dpkg's database of the admin's overrides (dpkg-statoverride(1)).
inline const QString kDpkgStatOverrideFile = QStringLiteral("/var/lib/dpkg/statoverride");

/// The override of @p path in @p database (the contents of kDpkgStatOverrideFile: one "OWNER GROUP
/// MODE PATH" a line) as "OWNER GROUP MODE", if it has one. An admin's override of a program means
/// hands off: Debian's own maintainer scripts (iputils-ping's postinst) leave such a file alone,
/// and so do Deroot's drift repairs.
[[nodiscard]] std::optional<QString> dpkgStatOverride(const QByteArray &database, const QString &path);

} // namespace Deroot::Core
