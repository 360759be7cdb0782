// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The GUI's plugin (KSyntaxHighlighting and polkit-qt6, loaded on first use): found beside the
// program in the build tree as in the installation, and, when it is missing, broken or another
// plugin, a message in words and plain text instead of a crash.
#include "core/model/artifact.h"
#include "ui/plugin/uiplugin.h"
#include "ui/preview/artifactview.h"
#include "ui/preview/codeview.h"
#include "ui/wizard/applyauthority.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace Deroot;

class UiPluginTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsBesideTheProgram();
    void withoutThePluginInWords_data();
    void withoutThePluginInWords();

private:
    QTemporaryDir m_scratch;
};

namespace {

Core::Artifact unitArtifact()
{
    Core::Artifact artifact;
    artifact.targetPath = u"/etc/systemd/system/fping.service"_s;
    artifact.owner = u"root"_s;
    artifact.group = u"root"_s;
    artifact.mode = 0644;
    artifact.syntax = u"systemd unit"_s;
    artifact.content = u"[Service]\nExecStart=/usr/bin/fping\n"_s;
    return artifact;
}

} // namespace

void UiPluginTest::loadsBesideTheProgram()
{
    // Not loaded before the first code is shown: the views are made long before.
    Ui::setUiPluginPathForTesting({});
    const QString expected = QDir::cleanPath(QCoreApplication::applicationDirPath() + u"/../lib/deroot"_s);
    QCOMPARE(QFileInfo(Ui::uiPluginPath()).absolutePath(), expected);
    QVERIFY2(QFileInfo::exists(Ui::uiPluginPath()), qPrintable(Ui::uiPluginPath()));
    Ui::ArtifactView view;
    view.setArtifact(unitArtifact());
    QVERIFY2(Ui::uiPlugin(), qPrintable(Ui::uiPluginProblem()));
    QVERIFY(Ui::uiPluginProblem().isEmpty());
    QCOMPARE(view.codeView()->definitionName(), u"systemd unit"_s);
    QVERIFY(view.findChild<QLabel *>(u"plainTextNoteLabel"_s)->isHidden());
    // PolkitApplyAuthority through the loaded plugin asks the real polkitd: host_applylock_test.
}

void UiPluginTest::withoutThePluginInWords_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("words");
    QVERIFY(m_scratch.isValid());
    QTest::newRow("missing") << m_scratch.filePath(u"missing/deroot-ui-plugin.so"_s) << QByteArray() << u"is missing"_s;
    QTest::newRow("not a shared object") << m_scratch.filePath(u"garbage/deroot-ui-plugin.so"_s)
                                         << QByteArray("\x7f"
                                                       "ELF but not really\n")
                                         << u"cannot be loaded"_s;
    QTest::newRow("empty") << m_scratch.filePath(u"empty/deroot-ui-plugin.so"_s) << QByteArray("")
                           << u"cannot be loaded"_s;
    // A real Qt plugin, but another one: the platform plugin these tests draw with.
    QTest::newRow("another plugin") << QLibraryInfo::path(QLibraryInfo::PluginsPath) + u"/platforms/libqoffscreen.so"_s
                                    << QByteArray() << u"is not the one this version of Deroot needs"_s;
}

void UiPluginTest::withoutThePluginInWords()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, words);
    if (!content.isNull()) {
        QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(content) == content.size());
    }
    if (QTest::currentDataTag() == "another plugin"_ba) {
        QVERIFY2(QFileInfo::exists(file), qPrintable(file));
    }
    Ui::setUiPluginPathForTesting(file);
    Ui::ArtifactView view;
    view.setArtifact(unitArtifact());
    QCOMPARE(Ui::uiPlugin(), nullptr);
    // The code is shown, as plain text, and the view says why in words, naming the file.
    QCOMPARE(view.codeView()->toPlainText(), unitArtifact().content);
    QCOMPARE(view.codeView()->definitionName(), u"None"_s);
    auto *note = view.findChild<QLabel *>(u"plainTextNoteLabel"_s);
    QVERIFY(!note->isHidden());
    QVERIFY2(note->text().contains(words) && note->text().contains(file) && !note->text().contains(u'\n'),
             qPrintable(note->text()));
    // polkit cannot be asked: no answer, at once, never a yes; and the reason.
    Ui::PolkitApplyAuthority authority;
    std::optional<Core::PolkitAnswer> answer;
    authority.check(u"io.github.deroot.plan.apply"_s, [&](Core::PolkitAnswer a) { answer = a; });
    QVERIFY(answer.has_value() && *answer == Core::PolkitAnswer::Unknown);
    QVERIFY2(authority.problem().contains(words), qPrintable(authority.problem()));
}

QTEST_MAIN(UiPluginTest)
#include "uiplugin_test.moc"
