// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The wizard speaks the user's language as the environment names it, whatever program shows it:
// `LANG=de_DE.UTF-8 tools/screenshots` once produced English and "5 step(s)", because the screenshot
// tool had no catalogue (only deroot embedded them) and loaded no English plurals. Now every program
// with the wizard loads them through Ui::installTranslations from deroot_ui; the probe does exactly
// that, in a process of its own per environment, and must show German, French, or English with
// proper plurals, never a source text with "(s)". The locales need not be installed: Qt reads the
// variables, as the build root (which has only C.UTF-8) shows.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;

class TranslationsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wizardSpeaksTheLanguageOfTheEnvironment_data()
    {
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("one");
        QTest::addColumn<QString>("five");
        QTest::addColumn<QString>("agents");
        const QString germanTitle = u"Agent wählen"_s;
        const QString frenchTitle = u"Choisir l'agent"_s;
        const QString englishTitle = u"Choose the agent"_s;
        QTest::newRow("LANG=de_DE.UTF-8")
            << QStringList{u"LANG=de_DE.UTF-8"_s} << u"de"_s << germanTitle << u"Angewendet: 1 Schritt erledigt."_s
            << u"Angewendet: 5 Schritte erledigt."_s << u"3 Agenten laufen als root."_s;
        QTest::newRow("LANG=fr_FR.UTF-8")
            << QStringList{u"LANG=fr_FR.UTF-8"_s} << u"fr"_s << frenchTitle << u"Appliqué : 1 étape faite."_s
            << u"Appliqué : 5 étapes faites."_s << u"3 agents s'exécutent en root."_s;
        QTest::newRow("LC_ALL=de_DE.UTF-8 over LANG=fr_FR.UTF-8")
            << QStringList{u"LANG=fr_FR.UTF-8"_s, u"LC_ALL=de_DE.UTF-8"_s} << u"de"_s << germanTitle
            << u"Angewendet: 1 Schritt erledigt."_s << u"Angewendet: 5 Schritte erledigt."_s
            << u"3 Agenten laufen als root."_s;
        QTest::newRow("LANGUAGE=fr:de with LANG=de_DE.UTF-8")
            << QStringList{u"LANG=de_DE.UTF-8"_s, u"LANGUAGE=fr:de"_s} << u"fr"_s << frenchTitle
            << u"Appliqué : 1 étape faite."_s << u"Appliqué : 5 étapes faites."_s << u"3 agents s'exécutent en root."_s;
        QTest::newRow("LANG=en_US.UTF-8: English plurals")
            << QStringList{u"LANG=en_US.UTF-8"_s} << u"en"_s << englishTitle << u"Applied: 1 step done."_s
            << u"Applied: 5 steps done."_s << u"3 agents run as root."_s;
        QTest::newRow("LANG=C.UTF-8: English plurals")
            << QStringList{u"LANG=C.UTF-8"_s} << u"en"_s << englishTitle << u"Applied: 1 step done."_s
            << u"Applied: 5 steps done."_s << u"3 agents run as root."_s;
        QTest::newRow("LANG=es_ES.UTF-8, no catalogue: English plurals")
            << QStringList{u"LANG=es_ES.UTF-8"_s} << u"en"_s << englishTitle << u"Applied: 1 step done."_s
            << u"Applied: 5 steps done."_s << u"3 agents run as root."_s;
    }

    void wizardSpeaksTheLanguageOfTheEnvironment()
    {
        QFETCH(QStringList, environment);
        QFETCH(QString, language);
        QFETCH(QString, title);
        QFETCH(QString, one);
        QFETCH(QString, five);
        QFETCH(QString, agents);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &variable : {u"LANG"_s, u"LANGUAGE"_s, u"LC_ALL"_s, u"LC_MESSAGES"_s}) {
            env.remove(variable);
        }
        for (const QString &setting : environment) {
            env.insert(setting.section(u'=', 0, 0), setting.section(u'=', 1));
        }
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        QProcess probe;
        probe.setProcessEnvironment(env);
        probe.start(QStringLiteral(DEROOT_TRANSLATIONPROBE_PATH), {});
        QVERIFY2(probe.waitForFinished(60000), "the probe did not finish");
        const QByteArray out = probe.readAllStandardOutput();
        QVERIFY2(probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0,
                 probe.readAllStandardError().constData());
        const QJsonObject shown = QJsonDocument::fromJson(out).object();
        QVERIFY2(!shown.isEmpty(), out.constData());
        QCOMPARE(shown.value(u"language"_s).toString(), language);
        QVERIFY2(shown.value(u"title"_s).toString().endsWith(u": "_s + title),
                 qPrintable(shown.value(u"title"_s).toString()));
        QCOMPARE(shown.value(u"one"_s).toString(), one);
        QCOMPARE(shown.value(u"five"_s).toString(), five);
        QCOMPARE(shown.value(u"agents"_s).toString(), agents);
    }

    // Each Alt+letter stands once on a step, in every language: German once had Alt+H on "Im Haus
    // entwickelt" and on "Von einem Hersteller", English Alt+S on "A server or VM" and on "It runs
    // under systemd". The probe walks every step for a called tool and for a packaged service (the
    // "replace with a new unit" box shows only then). The wizard's own buttons count too, with the
    // letters of Qt's catalogue: German "&Ziel:" on the Finish page once took Alt+Z from "< &Zurück".
    void helperIsNotTheWizard_data();
    void helperIsNotTheWizard();

    void mnemonicsStandOncePerStep_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("program");
        for (const QString &lang : {u"C.UTF-8"_s, u"de_DE.UTF-8"_s, u"fr_FR.UTF-8"_s}) {
            for (const QString &program : {u"/usr/bin/fping"_s, u"/usr/bin/prometheus-node-exporter"_s}) {
                QTest::addRow("%s %s", qPrintable(lang), qPrintable(program.section(u'/', -1))) << lang << program;
            }
        }
    }

    void mnemonicsStandOncePerStep()
    {
        QFETCH(QString, lang);
        QFETCH(QString, program);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &variable : {u"LANGUAGE"_s, u"LC_ALL"_s, u"LC_MESSAGES"_s}) {
            env.remove(variable);
        }
        env.insert(u"LANG"_s, lang);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        QProcess probe;
        probe.setProcessEnvironment(env);
        probe.start(QStringLiteral(DEROOT_TRANSLATIONPROBE_PATH), {u"--mnemonics"_s, program});
        QVERIFY2(probe.waitForFinished(120000), "the probe did not finish");
        const QByteArray out = probe.readAllStandardOutput();
        QVERIFY2(probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0,
                 probe.readAllStandardError().constData());
        const QJsonObject shown = QJsonDocument::fromJson(out).object();
        QCOMPARE(shown.value(u"last_step"_s).toInt(), 6); // the Finish page: every step was seen
        QStringList conflicts;
        for (const QJsonValue &value : shown.value(u"conflicts"_s).toArray()) {
            conflicts << value.toString();
        }
        QVERIFY2(conflicts.isEmpty(), qPrintable(conflicts.join(u'\n')));

        // The engine's own sentences (findings, reasons, the files' purposes, the audit's advice)
        // are in the page's language too: none of these English ones is left in German or French,
        // and in English each stands where the walk looks (so the check looks at the right texts).
        const QStringList english{u"It has file capabilities"_s,
                                  u"owns it: an upgrade"_s,
                                  u"Every plan carries CPU"_s,
                                  u"Runs /usr/bin/"_s,
                                  u"Confines /usr/bin/"_s,
                                  u"Creates the system user"_s,
                                  u"Gives /usr/bin/fping only"_s,
                                  u"runs as root with full capabilities"_s,
                                  u"file capabilities cap_net_raw"_s,
                                  u"imports setuid: "_s,
                                  u"opens raw ICMP sockets"_s,
                                  u"serves /metrics on"_s,
                                  u"A container must share the host"_s};
        QStringList texts;
        for (const QJsonValue &value : shown.value(u"texts"_s).toArray()) {
            texts << value.toString();
        }
        const auto shownAnywhere = [&](const QString &sentence) {
            return std::any_of(texts.cbegin(), texts.cend(), [&](const QString &t) { return t.contains(sentence); });
        };
        if (lang.startsWith(u"C"_s)) {
            // Which of them a walk meets depends on the program and the machine; three at least.
            QVERIFY2(std::count_if(english.cbegin(), english.cend(), shownAnywhere) >= 3,
                     qPrintable(texts.join(u'\n')));
        } else {
            for (const QString &sentence : english) {
                QVERIFY2(!shownAnywhere(sentence), qPrintable(u"English left in %1: %2"_s.arg(lang, sentence)));
            }
        }
    }
};

void TranslationsTest::helperIsNotTheWizard_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("wizard");
    QTest::newRow("de") << u"de"_s << u"Assistent"_s;
    QTest::newRow("fr") << u"fr"_s << u"assistant"_s;
}

// The privileged helper and the wizard are two things, so they are two words: French once called
// both "l'assistant", and the Finish page told the admin to apply the plan "là où l'assistant est
// installé" from inside the assistant. Every translation of a text about the helper must leave the
// wizard's word to the wizard.
void TranslationsTest::helperIsNotTheWizard()
{
    QFETCH(QString, language);
    QFETCH(QString, wizard);
    QFile file(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../../translations/deroot_") + language + u".ts"_s);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QXmlStreamReader xml(&file);
    QString source;
    int wizardTexts = 0;
    QStringList clashes;
    while (!xml.atEnd()) {
        if (!xml.readNextStartElement()) {
            continue;
        }
        if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation" || xml.name() == u"numerusform") {
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (source.contains(u"wizard"_s) && text.contains(wizard, Qt::CaseInsensitive)) {
                ++wizardTexts;
            }
            if (source.contains(u"helper"_s) && text.contains(wizard, Qt::CaseInsensitive)) {
                clashes << text;
            }
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(wizardTexts > 0, "the wizard's word is not the one its translations use");
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
}

QTEST_GUILESS_MAIN(TranslationsTest)
#include "translations_test.moc"
