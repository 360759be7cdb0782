// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The account files as the engine reads them: pure functions of their bytes, so that what the
// preflight and an undo decide from /etc/passwd, /etc/group and /etc/login.defs is testable
// without a system.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Deroot::Helper {

// The account files useradd and groupadd change. An undo decides with these four and writes back
// only these four (never subuid or subgid, which useradd --system leaves alone and an admin may
// have changed since).
inline const QStringList kAccountFiles{QStringLiteral("/etc/passwd"), QStringLiteral("/etc/group"),
                                       QStringLiteral("/etc/shadow"), QStringLiteral("/etc/gshadow")};
// The backups shadow's tools write beside them: each holds its file as it was before the tool's last
// change. They are the tools', not the apply's: an undo removes one that the apply created and
// leaves any other as the tools made it, rather than bring back an older copy (with older password
// hashes) that the journal would have to keep.
inline const QStringList kAccountBackups{QStringLiteral("/etc/passwd-"), QStringLiteral("/etc/group-"),
                                         QStringLiteral("/etc/shadow-"), QStringLiteral("/etc/gshadow-")};
/// The largest account file the engine reads.
inline constexpr qsizetype kMaxAccountFileBytes = qsizetype{8} * 1024 * 1024;

/// One account from /etc/passwd or /etc/group.
struct Account
{
    QString name;
    qint64 id = -1;
    QString shell; ///< empty for a group
};

/// The accounts of /etc/passwd (@p passwd true: at least 7 fields) or /etc/group (at least 4);
/// a line too short or without a numeric id is left out.
QList<Account> parseAccounts(const QByteArray &bytes, bool passwd);

std::optional<Account> findAccount(const QList<Account> &accounts, const QString &name);

/// @p bytes of the account file @p path without the lines of @p names and without @p member in
/// any member list (/etc/group and /etc/gshadow): what the file was before useradd (and groupadd)
/// added them, if nothing else changed it since.
QByteArray withoutAccounts(const QByteArray &bytes, const QStringList &names, const QString &member,
                           const QString &path);

/// Where login.defs puts human users and the base system's static accounts.
struct UidLimits
{
    qint64 uidMin = 1000;   ///< UID_MIN: from here on, people
    qint64 sysUidMin = 100; ///< SYS_UID_MIN: below it, the base system's static accounts
    qint64 uidMax = 60000;  ///< UID_MAX: people end here (nobody, 65534, is above)
};

/// UID_MIN, UID_MAX and SYS_UID_MIN from the bytes of login.defs. When login.defs leaves SYS_UID_MIN unset
/// (Debian comments it out), the boundary is 100, not useradd's built-in 101: base-passwd's static
/// accounts are 0-99 and adduser gives packages' system users ids from 100 (FIRST_SYSTEM_UID), so
/// with 101 the first package user of a Debian system (the exporters' prometheus, uid 100) counts
/// as static.
UidLimits uidLimits(const QByteArray &loginDefs);

} // namespace Deroot::Helper
