// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QString>

#include <optional>

namespace Deroot::Core {

/// What installing @p content at @p path would change, as a unified diff made by diff(1) against
/// the file on disk, labelled "PATH (on disk)" and "PATH (generated)". Empty when the file on disk
/// is identical; std::nullopt when there is no regular file at @p path (nothing to compare with).
/// A file that cannot be read, or is larger than 1 MiB, gives one line saying so instead of a
/// diff: the preview explains, it never fails.
[[nodiscard]] std::optional<QString> diffAgainstDisk(const QString &path, const QString &content);

} // namespace Deroot::Core
