// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Deroot::Core {

/// A place on a path where someone other than root can change what the path names.
struct PathWeakness
{
    QByteArray path;         ///< the file or directory that is not root's alone
    QString why;             ///< "owned by uid 1000 (alice)", "writable by group 100 (users)", "writable by everyone"
    bool stickyOnly = false; ///< a world-writable sticky directory: others cannot replace root's
                             ///< entries, but can plant their own next to them
};

/// Checks @p absolutePath (no symlinks resolved: pass the canonical path) and every directory
/// above it: each must belong to root and be writable by no one else. With @p includeSelf false
/// only the directories are checked. A path that does not exist is checked from its nearest
/// existing ancestor, since whoever can write there can create it.
QList<PathWeakness> pathWeaknesses(const QByteArray &absolutePath, bool includeSelf = true);

/// "uid 1000 (alice)" or "uid 1000".
QString describeUser(unsigned uid);
/// "gid 100 (users)" or "gid 100".
QString describeGroup(unsigned gid);

} // namespace Deroot::Core
