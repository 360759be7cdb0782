// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What Deroot writes does not depend on the language it speaks: an export made with the German or
// French catalogue installed and a German or French locale is byte for byte the one made in C.
// Purposes, conflicts and verdicts are shown translated (Artifact::purposeShown), never written so.
#include "planfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace Deroot;

namespace {

// Every file under @p directory, by its path relative to it.
QMap<QString, QByteArray> filesUnder(const QString &directory)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            files.insert(QDir(directory).relativeFilePath(path), file.readAll());
        }
    }
    return files;
}

} // namespace

class LocaleArtifactsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportIsTheSameInEveryLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("kind");
        for (const QString &language : {u"de"_s, u"fr"_s}) {
            for (const QString &kind : {u"caps"_s, u"sudo"_s, u"setcap"_s, u"scheduled"_s, u"dropin"_s, u"calledcaps"_s,
                                        u"calledsudo"_s, u"capsadmin"_s}) {
                QTest::addRow("%s %s", qPrintable(language), qPrintable(kind)) << language << kind;
            }
        }
    }

    void exportIsTheSameInEveryLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, kind);
        const QByteArray program = "\x7f"
                                   "ELF a program";
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());

        const QString plain = scratch.filePath(u"C"_s);
        const auto english = TestSupport::writePlanExport(kind, plain, u"/usr/bin/agent"_s, program);
        QVERIFY2(english, english ? "" : qPrintable(english.error().message));
        const auto englishPlan = TestSupport::generateTestPlan(kind, u"/usr/bin/agent"_s, program);
        QVERIFY(englishPlan);

        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(DEROOT_QM_DIR "/deroot_") + language));
        QCoreApplication::installTranslator(&translator);
        const QLocale before;
        QLocale::setDefault(QLocale(language));
        const QString local = scratch.filePath(language);
        const auto translated = TestSupport::writePlanExport(kind, local, u"/usr/bin/agent"_s, program);
        const auto translatedPlan = TestSupport::generateTestPlan(kind, u"/usr/bin/agent"_s, program);
        QLocale::setDefault(before);
        QCoreApplication::removeTranslator(&translator);
        QVERIFY2(translated, translated ? "" : qPrintable(translated.error().message));
        QVERIFY(translatedPlan);

        // The catalogue was in force: the purposes the desktop shows are in the other language...
        bool anyTranslated = false;
        for (qsizetype i = 0; i < translatedPlan->artifacts.size(); ++i) {
            const Core::Artifact &shown = translatedPlan->artifacts.at(i);
            QCOMPARE(shown.purpose, englishPlan->artifacts.at(i).purpose);
            anyTranslated = anyTranslated || (!shown.purposeShown.isEmpty() && shown.purposeShown != shown.purpose);
        }
        QVERIFY2(anyTranslated, "no purpose was translated: the catalogue did not load");

        // ... and every file written is byte for byte the English one.
        const QMap<QString, QByteArray> want = filesUnder(plain);
        const QMap<QString, QByteArray> got = filesUnder(local);
        QVERIFY(!want.isEmpty());
        QCOMPARE(got.keys(), want.keys());
        for (auto it = want.cbegin(); it != want.cend(); ++it) {
            QVERIFY2(got.value(it.key()) == it.value(), qPrintable(u"%1 differs under %2"_s.arg(it.key(), language)));
        }
    }
};

QTEST_GUILESS_MAIN(LocaleArtifactsTest)
#include "localeartifacts_test.moc"
