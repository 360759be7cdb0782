// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What the engine reads from the account files decides whether a service user may be used and
// what an undo writes back, so the parsing is pinned on the shapes real files have, and on the
// ones they should not.
#include "app/helper/accountfiles.h"

#include <QTest>

using namespace Deroot::Helper;
using namespace Qt::StringLiterals;

class AccountFilesTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesPasswdAndGroup()
    {
        const QByteArray passwd = "root:x:0:0:root:/root:/bin/bash\n"
                                  "prometheus:x:100:101::/nonexistent:/usr/sbin/nologin\n"
                                  "short:x:5:5\n"                   // too few fields: left out
                                  "bad:x:notanumber:1::/:/bin/sh\n" // no numeric uid: left out
                                  "\n";
        const QList<Account> users = parseAccounts(passwd, true);
        QCOMPARE(users.size(), 2);
        QCOMPARE(users.at(1).name, u"prometheus"_s);
        QCOMPARE(users.at(1).id, qint64(100));
        QCOMPARE(users.at(1).shell, u"/usr/sbin/nologin"_s);
        QVERIFY(!findAccount(users, u"short"_s));
        QVERIFY(!findAccount(users, u"pro"_s));

        const QList<Account> groups = parseAccounts("adm:x:4:syslog,alice\nnogroup:x:65534:\n", false);
        QCOMPARE(groups.size(), 2);
        QCOMPARE(findAccount(groups, u"nogroup"_s)->id, qint64(65534));
        QVERIFY(findAccount(groups, u"nogroup"_s)->shell.isEmpty());
    }

    void removesTheAddedAccounts_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("passwd line") << u"/etc/passwd"_s
                                     << QByteArray("root:x:0:0::/root:/bin/bash\nagent:x:990:990::/:/sbin/nologin\n")
                                     << QByteArray("root:x:0:0::/root:/bin/bash\n");
        QTest::newRow("group line and membership")
            << u"/etc/group"_s << QByteArray("adm:x:4:syslog,agent\nagent:x:990:\n") << QByteArray("adm:x:4:syslog\n");
        QTest::newRow("gshadow admins and members")
            << u"/etc/gshadow"_s << QByteArray("adm:*:agent:agent,syslog\nagent:!::\n")
            << QByteArray("adm:*::syslog\n");
        // In /etc/shadow the fourth field is a date, not a member list: left alone.
        QTest::newRow("shadow keeps other fields")
            << u"/etc/shadow"_s << QByteArray("agent:!:20000:0:99999:7:::\nbob:x:1:agent:::::\n")
            << QByteArray("bob:x:1:agent:::::\n");
        QTest::newRow("a prefix of the name is another account")
            << u"/etc/passwd"_s << QByteArray("agentx:x:991:991::/:/sbin/nologin\n")
            << QByteArray("agentx:x:991:991::/:/sbin/nologin\n");
    }

    void removesTheAddedAccounts()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, expected);
        QCOMPARE(withoutAccounts(bytes, {u"agent"_s}, u"agent"_s, path), expected);
    }

    void readsUidLimits()
    {
        // Debian's login.defs: SYS_UID_MIN commented out, so 100 (not useradd's 101).
        const UidLimits debian = uidLimits("UID_MIN\t\t\t 1000\n#SYS_UID_MIN\t\t  101\n");
        QCOMPARE(debian.uidMin, qint64(1000));
        QCOMPARE(debian.sysUidMin, qint64(100));
        const UidLimits set = uidLimits("  UID_MIN 2000\nSYS_UID_MIN   200  \n");
        QCOMPARE(set.uidMin, qint64(2000));
        QCOMPARE(set.sysUidMin, qint64(200));
        const UidLimits none = uidLimits({});
        QCOMPARE(none.uidMin, qint64(1000));
        QCOMPARE(none.sysUidMin, qint64(100));
    }
};

QTEST_GUILESS_MAIN(AccountFilesTest)
#include "accountfiles_test.moc"
