// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>

namespace Deroot::Core {

/// The file capabilities (security.capability) of one file, as libcap reads them.
struct FileCapabilities
{
    std::uint64_t permitted = 0;
    std::uint64_t inheritable = 0;
    bool effective = false; ///< the file's single effective bit: raised at execve when set
    QString text;           ///< libcap's text form, "cap_net_raw=ep"
    /// For namespaced (v3) capabilities: the user ID that is root in the user namespaces where they
    /// apply; unset for ordinary (v2) capabilities, which apply everywhere.
    std::optional<std::uint32_t> rootId;
};

/// The outcome of reading: the capabilities, none, or why they could not be read (errno).
struct FileCapabilitiesRead
{
    std::optional<FileCapabilities> capabilities;
    int error = 0; ///< 0 when read or absent
};

/// Reads the file capabilities of the file open as @p fd (cap_get_fd, so the file read is the file
/// checked). A file without them, or a file system without extended attributes, reads as none.
FileCapabilitiesRead readFileCapabilities(int fd);

/// As above for a path, without opening the file (cap_get_file): for files this user may not open
/// but whose attributes it may read. Follows symlinks: callers pass a path they lstat'ed.
FileCapabilitiesRead readFileCapabilities(const QByteArray &path);

} // namespace Deroot::Core
