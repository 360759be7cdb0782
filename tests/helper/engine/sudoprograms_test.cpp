// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The helper's own judgement of the programs a sudoers drop-in grants, over a temporary root: a
// rule for a program someone other than root can replace, or one reached through a symlink, is
// refused with one sentence naming the command and the weak component; and without the list of
// dangerous programs nothing passes.
#include "app/helper/fsops.h"
#include "app/helper/sudoprograms.h"
#include "core/generate/inputvalidation.h"
#include "testroot.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Deroot;
using namespace Deroot::Helper;
using namespace Qt::StringLiterals;

class SudoProgramsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void judgesThePathSudoRuns_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QByteArray>("setup"); ///< TestSupport::applySetup() steps, as JSON
        QTest::addColumn<int>("code");         ///< 0: accepted
        QTest::addColumn<QStringList>("says");

        QTest::newRow("a root-owned program in root-owned directories")
            << TestSupport::kSudoProgram << QByteArray("[]") << 0 << QStringList{};
        QTest::newRow("symlink to an editor, /usr/bin/editor style")
            << u"/usr/bin/editor"_s
            << QByteArray("[{\"write\": [\"usr/bin/vim.basic\", \"#!/bin/sh\\n\", 493]}, {\"symlink\": "
                          "[\"usr/bin/editor\", \"/usr/bin/vim.basic\"]}]")
            << int(Core::ExitCode::Refused)
            << QStringList{u"'/usr/bin/editor' is a symlink (to '/usr/bin/vim.basic')"_s};
        QTest::newRow("symlinked directory on the way, /sbin -> usr/sbin style")
            << u"/sbin/id"_s << QByteArray("[{\"symlink\": [\"sbin\", \"usr/bin\"]}]") << int(Core::ExitCode::Refused)
            << QStringList{u"'/sbin/id'"_s, u"'/sbin' is a symlink"_s};
        QTest::newRow("program owned by a user")
            << TestSupport::kSudoProgram << QByteArray("[{\"chown\": [\"usr/bin/id\", 1000]}]")
            << int(Core::ExitCode::Refused) << QStringList{u"'/usr/bin/id'"_s, u"owned by uid 1000"_s};
        QTest::newRow("program writable by its group")
            << TestSupport::kSudoProgram << QByteArray("[{\"chmod\": [\"usr/bin/id\", 509]}]")
            << int(Core::ExitCode::Refused) << QStringList{u"'/usr/bin/id'"_s, u"writable by its group (mode 775)"_s};
        QTest::newRow("program writable by everyone")
            << TestSupport::kSudoProgram << QByteArray("[{\"chmod\": [\"usr/bin/id\", 511]}]")
            << int(Core::ExitCode::Refused) << QStringList{u"writable by others (mode 777)"_s};
        QTest::newRow("directory owned by a user")
            << TestSupport::kTestProgram << QByteArray("[{\"chown\": [\"usr/local/bin\", 1000]}]")
            << int(Core::ExitCode::Refused)
            << QStringList{u"'/usr/local/bin/deroot-test-agent'"_s, u"'/usr/local/bin' is owned by uid 1000"_s};
        QTest::newRow("directory writable by everyone")
            << TestSupport::kTestProgram << QByteArray("[{\"chmod\": [\"usr/local\", 1023]}]")
            << int(Core::ExitCode::Refused) << QStringList{u"'/usr/local' is writable by others"_s};
        QTest::newRow("directory writable by its group")
            << TestSupport::kTestProgram << QByteArray("[{\"chmod\": [\"usr/local/bin\", 509]}]")
            << int(Core::ExitCode::Refused) << QStringList{u"'/usr/local/bin' is writable by its group"_s};
        QTest::newRow("missing file, to be made later by whoever can")
            << u"/usr/local/bin/not-yet"_s << QByteArray("[]") << int(Core::ExitCode::Refused)
            << QStringList{u"the sudo command '/usr/local/bin/not-yet' does not exist"_s};
        QTest::newRow("missing directory") << u"/opt/tool/bin/run"_s << QByteArray("[]") << int(Core::ExitCode::Refused)
                                           << QStringList{u"'/opt/tool/bin/run' does not exist"_s};
        QTest::newRow("a directory, not a program")
            << u"/usr/local/bin"_s << QByteArray("[]") << int(Core::ExitCode::Refused)
            << QStringList{u"'/usr/local/bin' is not a regular file"_s};
        QTest::newRow("a FIFO does not stall the check")
            << u"/usr/local/bin/fifo"_s << QByteArray("[{\"fifo\": \"usr/local/bin/fifo\"}]")
            << int(Core::ExitCode::Refused) << QStringList{u"is not a regular file"_s};
    }

    void judgesThePathSudoRuns()
    {
        QFETCH(QString, program);
        QFETCH(QByteArray, setup);
        QFETCH(int, code);
        QFETCH(QStringList, says);
        QTemporaryDir directory;
        const QString root = directory.filePath(u"root"_s);
        QVERIFY(TestSupport::makeTestRoot(root));
        QVERIFY(TestSupport::applySetup(root, QJsonDocument::fromJson(setup).array()));
        const auto fs = RootFs::open(root);
        QVERIFY(fs.ok());
        // The other commands of the rule pass; the weak one is named whichever place it has.
        const QList<Core::SudoCommand> commands{Core::SudoCommand{TestSupport::kTestProgram, {}, true},
                                                Core::SudoCommand{program, {u"-u"_s}, true}};
        const auto error = checkSudoPrograms(*fs, commands);
        if (code == 0) {
            QVERIFY2(!error, error ? qPrintable(error->message) : "");
            return;
        }
        QVERIFY2(error.has_value(), "accepted");
        QCOMPARE(int(error->code), code);
        for (const QString &part : says) {
            QVERIFY2(error->message.contains(part), qPrintable(u"expected %1 in: %2"_s.arg(part, error->message)));
        }
        QVERIFY(!error->message.contains(u'\n'));
    }

    // Where a plan is made (checkInputOnSystem: derootctl generate, the wizard) and in the helper,
    // one rule judges the path of a sudo command (Core::sudoPathProblem): on the same tree both
    // accept the same commands and refuse the others naming the same component the same way, so
    // the wizard never makes a plan the helper refuses. A directory or a program writable by group
    // root was accepted where plans are made and refused by the helper.
    void generatorAndHelperAgree_data()
    {
        judgesThePathSudoRuns_data();
        QTest::newRow("directory writable by group root, the program's own")
            << TestSupport::kSudoProgram << QByteArray("[{\"chmod\": [\"usr/bin\", 509]}]")
            << int(Core::ExitCode::Refused) << QStringList{u"'/usr/bin' is writable by its group (mode 775)"_s};
        QTest::newRow("directory writable by group root, higher up")
            << TestSupport::kSudoProgram << QByteArray("[{\"chmod\": [\"usr\", 1021]}]") << int(Core::ExitCode::Refused)
            << QStringList{u"'/usr' is writable by its group (mode 1775)"_s};
        QTest::newRow("program writable by group root, not by others")
            << TestSupport::kSudoProgram << QByteArray("[{\"chmod\": [\"usr/bin/id\", 501]}]")
            << int(Core::ExitCode::Refused) << QStringList{u"'/usr/bin/id' is writable by its group (mode 765)"_s};
        QTest::newRow("setuid root program, writable by no one else")
            << TestSupport::kSudoProgram << QByteArray("[{\"chmod\": [\"usr/bin/id\", 2541]}]") << 0 << QStringList{};
    }

    void generatorAndHelperAgree()
    {
        QFETCH(QString, program);
        QFETCH(QByteArray, setup);
        QFETCH(int, code);
        QFETCH(QStringList, says);
        QTemporaryDir directory;
        const QString root = directory.filePath(u"root"_s);
        QVERIFY(TestSupport::makeTestRoot(root));
        QVERIFY(TestSupport::applySetup(root, QJsonDocument::fromJson(setup).array()));
        // The TestRoot is made by root, as on a real system: the group of every entry is root's.
        struct stat st{};
        QCOMPARE(::stat(QFile::encodeName(root + u"/usr/bin"_s).constData(), &st), 0);
        QCOMPARE(st.st_gid, gid_t(0));
        const auto fs = RootFs::open(root);
        QVERIFY(fs.ok());
        const auto helper = checkSudoPrograms(*fs, {Core::SudoCommand{program, {}, true}});
        Core::GenerationInput input;
        input.sudoCommands = {Core::SudoCommand{program, {}, true}};
        const auto generator = Core::checkInputOnSystem(input, root);
        QCOMPARE(generator.has_value(), helper.has_value());
        QCOMPARE(helper.has_value(), code != 0);
        if (!helper) {
            return;
        }
        QCOMPARE(generator->code, Core::ExitCode::Usage);
        // The same sentence, but for the helper's "the" and its exit code.
        QCOMPARE(helper->message, u"the "_s + generator->message);
        for (const QString &part : says) {
            QVERIFY2(helper->message.contains(part), qPrintable(u"expected %1 in: %2"_s.arg(part, helper->message)));
        }
    }

    // Without the list of programs that give a shell, every one of them would pass: nothing does.
    void failsClosedWithoutTheDangerousList()
    {
        QTemporaryDir directory;
        const QString root = directory.filePath(u"root"_s);
        QVERIFY(TestSupport::makeTestRoot(root));
        const auto fs = RootFs::open(root);
        QVERIFY(fs.ok());
        const QList<Core::SudoCommand> commands{Core::SudoCommand{TestSupport::kSudoProgram, {}, true}};
        QVERIFY(!checkSudoPrograms(*fs, commands));
        const auto error = checkSudoPrograms(*fs, commands, {});
        QVERIFY(error.has_value());
        QCOMPARE(error->code, Core::ExitCode::Failure);
        QVERIFY2(error->message.contains(u"never to allow through sudo could not be read"_s),
                 qPrintable(error->message));
        // A plan without sudo commands does not need the list.
        QVERIFY(!checkSudoPrograms(*fs, {}, {}));
    }
};

QTEST_GUILESS_MAIN(SudoProgramsTest)
#include "sudoprograms_test.moc"
