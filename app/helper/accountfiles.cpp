// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/accountfiles.h"

namespace Deroot::Helper {

QList<Account> parseAccounts(const QByteArray &bytes, bool passwd)
{
    QList<Account> accounts;
    for (const QByteArray &line : bytes.split('\n')) {
        const QList<QByteArray> fields = line.split(':');
        if (fields.size() < (passwd ? 7 : 4)) {
            continue;
        }
        bool ok = false;
        Account account{QString::fromUtf8(fields.at(0)), fields.at(2).toLongLong(&ok),
                        passwd ? QString::fromUtf8(fields.at(6)) : QString()};
        if (ok) {
            accounts.append(account);
        }
    }
    return accounts;
}

std::optional<Account> findAccount(const QList<Account> &accounts, const QString &name)
{
    for (const Account &account : accounts) {
        if (account.name == name) {
            return account;
        }
    }
    return std::nullopt;
}

QByteArray withoutAccounts(const QByteArray &bytes, const QStringList &names, const QString &member,
                           const QString &path)
{
    // /etc/group: name:password:gid:members; /etc/gshadow: name:password:admins:members.
    const bool memberLists = path == u"/etc/group" || path == u"/etc/gshadow";
    const qsizetype firstList = path == u"/etc/group" ? 3 : 2;
    const QByteArray member8 = member.toUtf8();
    QList<QByteArray> kept;
    for (const QByteArray &line : bytes.split('\n')) {
        QList<QByteArray> fields = line.split(':');
        if (names.contains(QString::fromUtf8(fields.constFirst())) && fields.size() > 1) {
            continue;
        }
        if (memberLists) {
            for (qsizetype f = firstList; f < fields.size(); ++f) {
                QList<QByteArray> members = fields.at(f).split(',');
                members.removeIf([&member8](const QByteArray &m) { return m == member8; });
                fields[f] = members.join(',');
            }
        }
        kept.append(fields.join(':'));
    }
    return kept.join('\n');
}

UidLimits uidLimits(const QByteArray &loginDefs)
{
    UidLimits limits;
    for (const QByteArray &raw : loginDefs.split('\n')) {
        const QList<QByteArray> words = raw.simplified().split(' ');
        if (words.size() >= 2 && words.at(0) == "UID_MIN") {
            limits.uidMin = words.at(1).toLongLong();
        } else if (words.size() >= 2 && words.at(0) == "UID_MAX") {
            limits.uidMax = words.at(1).toLongLong();
        } else if (words.size() >= 2 && words.at(0) == "SYS_UID_MIN") {
            limits.sysUidMin = words.at(1).toLongLong();
        }
    }
    return limits;
}

} // namespace Deroot::Helper
