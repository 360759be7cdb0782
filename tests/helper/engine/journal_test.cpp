// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The journal is read by whatever version of the helper starts next, so its typed records must
// write exactly the JSON the previous version wrote. The files in tests/data/journal were written
// by the engine before its records were typed (string-keyed JSON objects): each must come back
// byte for byte through JournalRecord::fromJson() and toJson().
#include "app/helper/journal.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Deroot::Helper;
using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString dataDirectory()
{
    return QStringLiteral(DEROOT_TEST_DATA) + u"/journal"_s;
}

JournalRecord recordFrom(const QString &name)
{
    return JournalRecord::fromJson(QJsonDocument::fromJson(readFile(dataDirectory() + u'/' + name)).object());
}

} // namespace

class JournalTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void previousRecordsComeBackByteForByte_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList names = QDir(dataDirectory()).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
        QVERIFY(names.size() >= 5);
        for (const QString &name : names) {
            QTest::newRow(qPrintable(name)) << name;
        }
    }

    void previousRecordsComeBackByteForByte()
    {
        QFETCH(QString, name);
        const QByteArray bytes = readFile(dataDirectory() + u'/' + name);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const JournalRecord record = JournalRecord::fromJson(document.object());
        // Everything is known: nothing is carried over untyped.
        QVERIFY2(record.unknown.isEmpty(), QJsonDocument(record.unknown).toJson().constData());
        for (const JournalEntry &entry : record.entries) {
            QVERIFY2(entry.unknown.isEmpty(), QJsonDocument(entry.unknown).toJson().constData());
        }
        QCOMPARE(QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact), bytes);
    }

    void fieldsAreTyped()
    {
        const JournalRecord pending = recordFrom(u"sudo-pending.json"_s);
        QCOMPARE(pending.format, kJournalFormat);
        QCOMPARE(pending.state, u"pending"_s);
        QVERIFY(pending.confirmBy && pending.confirmBy->isValid());
        QCOMPARE(pending.callerUid, 1000);
        QVERIFY(!pending.planSha256.isEmpty());
        const JournalEntry &user = pending.entries.constFirst();
        QCOMPARE(user.kind, u"create-user"_s);
        QVERIFY(user.user && !user.user->existed);
        QVERIFY(user.accounts && user.accounts->value(u"/etc/passwd"_s).exists);
        QCOMPARE(user.accounts->value(u"/etc/passwd"_s).sha256.size(), 64);
        QVERIFY(!user.files);

        const JournalRecord undone = recordFrom(u"sudo-rolled-back.json"_s);
        QCOMPARE(undone.state, u"rolled-back"_s);
        QVERIFY(!undone.rollingBackTo);
        for (const JournalEntry &entry : undone.entries) {
            QVERIFY2(entry.status == u"undone" || entry.status == u"planned", qPrintable(entry.status));
        }

        const JournalRecord replace = recordFrom(u"replace-applied.json"_s);
        const auto stop = std::find_if(replace.entries.cbegin(), replace.entries.cend(),
                                       [](const JournalEntry &entry) { return entry.kind == u"stop-unit"; });
        QVERIFY(stop != replace.entries.cend());
        QVERIFY(stop->unit && stop->unit->links && !stop->unit->links->isEmpty());
        QVERIFY(stop->unit->wasActive);
    }

    // A key a later version adds is kept as it was when this version rewrites the record.
    void unknownKeysAreKept()
    {
        QJsonObject json = recordFrom(u"setcap-applied.json"_s).toJson();
        json.insert(u"later"_s, QJsonObject{{u"a"_s, 1}});
        QJsonArray entries = json.value(u"entries"_s).toArray();
        QJsonObject first = entries.at(0).toObject();
        first.insert(u"later_entry"_s, true);
        entries[0] = first;
        json.insert(u"entries"_s, entries);
        QCOMPARE(JournalRecord::fromJson(json).toJson(), json);
    }

    // Format 1 kept whole copies of the account files: their stamps are derived from them.
    void firstFormatStampsAreDerived()
    {
        JournalEntry entry;
        entry.kind = u"create-user"_s;
        FileState passwd;
        passwd.exists = true;
        passwd.bytes = "root:x:0:0::/root:/bin/bash\n";
        passwd.mode = 0644;
        entry.files = QMap<QString, FileState>{{u"/etc/passwd"_s, passwd}, {u"/etc/shadow"_s, FileState{}}};
        const QMap<QString, AccountStamp> stamps = entry.accountStamps();
        QCOMPARE(stamps.size(), 2);
        QVERIFY(stamps.value(u"/etc/passwd"_s).exists);
        QCOMPARE(stamps.value(u"/etc/passwd"_s).sha256,
                 QString::fromLatin1(QCryptographicHash::hash(passwd.bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(stamps.value(u"/etc/passwd"_s).mode, quint32(0644));
        QVERIFY(!stamps.value(u"/etc/shadow"_s).exists);
    }
};

QTEST_GUILESS_MAIN(JournalTest)
#include "journal_test.moc"
