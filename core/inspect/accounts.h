// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QString>

#include <cstdint>

namespace Deroot::Core {

/// The name of user @p uid from the user database, or an empty string when it has none.
QString userName(std::uint32_t uid);
/// The name of group @p gid from the group database, or an empty string when it has none.
QString groupName(std::uint32_t gid);

/// Whether membership in group @p name amounts to root: it opens raw disks or memory (disk, kmem),
/// a root-run daemon's control socket (docker, lxd, libvirt), or sudo/su without a check (sudo,
/// wheel, root). Sources: Debian's SystemGroups wiki page; docker's "Docker daemon attack surface".
bool isRootEquivalentGroup(QStringView name);

} // namespace Deroot::Core
