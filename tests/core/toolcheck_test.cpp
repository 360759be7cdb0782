// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What every validator does around its tool: finding it only as an executable file at the paths
// given, staging content in a private directory that never overwrites, and taking the temporary
// directory out of what the admin reads.
#include "core/validate/toolcheck.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

class ToolCheckTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsOnlyExecutableFiles();
    void stagesPrivatelyAndNeverOverwrites();
    void takesTheDirectoryOutOfMessages();
    void firstLineIsTrimmed();
};

void ToolCheckTest::findsOnlyExecutableFiles()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString plain = scratch.filePath(u"plain"_s);
    const QString program = scratch.filePath(u"program"_s);
    const QString directory = scratch.filePath(u"directory"_s);
    QFile plainFile(plain);
    QVERIFY(plainFile.open(QIODevice::WriteOnly));
    plainFile.close();
    QVERIFY(QFile::copy(plain, program));
    QVERIFY(QFile::setPermissions(program, QFile::ReadOwner | QFile::ExeOwner));
    QVERIFY(QDir().mkdir(directory)); // searchable, so "executable", but not a program

    QCOMPARE(ToolCheck::findProgram({scratch.filePath(u"missing"_s), plain, directory, program}), program);
    QCOMPARE(ToolCheck::findProgram({plain, directory}), QString());
    QCOMPARE(ToolCheck::findProgram({}), QString());
    // The build root has visudo, in a system directory.
    QCOMPARE(ToolCheck::findSystemProgram(u"visudo"_s), u"/usr/sbin/visudo"_s);
    QCOMPARE(ToolCheck::findSystemProgram(u"no-such-deroot-tool"_s), QString());
}

void ToolCheckTest::stagesPrivatelyAndNeverOverwrites()
{
    QString path;
    {
        const ToolCheck::Staging staging;
        QVERIFY(staging.isValid());
        path = staging.path();
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup |
                                                  QFile::WriteOther | QFile::ExeGroup | QFile::ExeOther),
                 QFile::Permissions());
        QCOMPARE(staging.write(u"sudoers"_s, u"root ALL=(ALL) ALL\n"_s, QFile::ReadOwner | QFile::ReadGroup),
                 std::nullopt);
        // The owner, group and other bits (QFile's "user" bits repeat the owner's for root).
        const QFile::Permissions modeBits = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                            QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther |
                                            QFile::ExeOther;
        QCOMPARE(QFileInfo(staging.filePath(u"sudoers"_s)).permissions() & modeBits,
                 QFile::ReadOwner | QFile::ReadGroup);
        QFile written(staging.filePath(u"sudoers"_s));
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), "root ALL=(ALL) ALL\n"_ba);
        // A second write of the same name is refused, and the first file stays.
        QVERIFY(staging.write(u"sudoers"_s, u"ALL ALL=(ALL) NOPASSWD: ALL\n"_s).has_value());
        written.seek(0);
        QCOMPARE(written.readAll(), "root ALL=(ALL) ALL\n"_ba);
        // Into a directory that is not there: an error, not a silent success.
        QVERIFY(staging.write(u"missing/deroot.conf"_s, u"x"_s).has_value());
    }
    QVERIFY2(!QFileInfo::exists(path), qPrintable(path));
}

void ToolCheckTest::takesTheDirectoryOutOfMessages()
{
    const ToolCheck::Staging staging;
    QVERIFY(staging.isValid());
    const QString message = staging.path() + u"/unit.service:3: Unknown key\nin "_s + staging.path() + u"/x.d"_s;
    QCOMPARE(staging.withoutPath(message), u"unit.service:3: Unknown key\nin x.d"_s);
    QCOMPARE(staging.withoutPath(u"/elsewhere/unit.service"_s), u"/elsewhere/unit.service"_s);
}

void ToolCheckTest::firstLineIsTrimmed()
{
    QCOMPARE(ToolCheck::firstLine(u"\n  sudoers:1: syntax error  \nmore\n"_s), u"sudoers:1: syntax error"_s);
    QCOMPARE(ToolCheck::firstLine(QString()), QString());
}

QTEST_GUILESS_MAIN(ToolCheckTest)
#include "toolcheck_test.moc"
