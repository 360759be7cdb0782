// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// A manifest of the parts of a machine an apply may change, so that a test can show that a
// rollback, a refusal or a denied call left them byte for byte as they were: every entry under
// /etc (path, type, mode, owner, group, SHA-256 of a file's bytes or a symlink's target, the
// security.capability extended attribute) and every file capability under /usr.
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace Deroot::TestSupport {

/// path -> one line describing it. Built with lstat and lgetxattr: nothing is followed.
using Manifest = QMap<QString, QString>;

/// Every entry below each of @p roots (the roots themselves included), described in full.
Manifest treeManifest(const QStringList &roots);

/// Only the security.capability attribute of every file below @p roots that has one (cheap
/// enough for all of /usr: no file is read).
Manifest capabilityManifest(const QStringList &roots);

/// Every entry below each of @p roots described without its bytes: type, mode, owner, group, size,
/// a symlink's target and security.capability (cheap enough for all of /usr: no file is read).
Manifest metadataManifest(const QStringList &roots);

/// What a rollback must leave as it found it: /etc in full, and the file capabilities in /usr.
Manifest systemManifest();

/// The entries that differ between @p before and @p after, one line each ("- old", "+ new"), at
/// most @p limit lines; empty when they are the same. An account file's backup (/etc/shadow-, ...)
/// that now holds its file as it was before counts as the same (docs/helper-engine.md).
QString manifestDiff(const Manifest &before, const Manifest &after, int limit = 40);

} // namespace Deroot::TestSupport
