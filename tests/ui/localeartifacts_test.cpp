// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What Deroot writes does not depend on the language it speaks: an export made with the German or
// French catalogue installed and a German or French locale is byte for byte the one made in C.
// Purposes, conflicts and verdicts are shown translated (Artifact::purposeShown), never written so.
// And what the engine says is in that language: the findings, evidence and reasons of a real
// inspection (the static hints, the catalog's claims, the unit's and the process's lines), the
// recommendation's reasons, the container files' purposes and the audit's notes.
// And an observation of recorded runs ("Watch it run"): evidence, reasons, notes and sandbox flags.
#include "planfixture.h"

#include "core/base/text.h"
#include "core/generate/generator.h"
#include "core/inspect/inspect.h"
#include "core/inspect/unitinspector.h"
#include "core/observe/eventstream.h"
#include "core/observe/observation.h"
#include "core/observe/rounds.h"
#include "core/observe/straceparser.h"
#include "core/prove/prove.h"
#include "core/prove/provetext.h"
#include "core/recommend/inputbuilder.h"
#include "core/recommend/recommender.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>
#include <utility>

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

// Each of @p needs' reasons and their conditions.
QStringList needTexts(const Core::Needs &needs)
{
    QStringList texts;
    const auto reasons = [&texts](const QList<Core::Reason> &list) {
        for (const Core::Reason &reason : list) {
            texts << reason.text << reason.condition;
        }
    };
    for (const Core::CapabilityNeed &need : needs.capabilities) {
        reasons(need.reasons);
    }
    for (const Core::PortNeed &need : needs.listenPorts) {
        reasons(need.reasons);
    }
    for (const QList<Core::NamedNeed> *list : {&needs.commands, &needs.readPaths, &needs.writePaths,
                                               &needs.addressFamilies, &needs.devices, &needs.groups}) {
        for (const Core::NamedNeed &need : *list) {
            reasons(need.reasons);
        }
    }
    texts.removeAll(QString());
    return texts;
}

// Every sentence of @p report a person reads: findings and their evidence, each need's reasons and
// their conditions.
QStringList engineTexts(const Core::InspectionReport &report)
{
    QStringList texts;
    for (const Core::Finding &finding : report.findings) {
        texts << finding.message << finding.evidence;
    }
    texts << needTexts(report.needs);
    texts.removeAll(QString());
    return texts;
}

// English sentences of the engine that were once left English on German and French pages, and
// where each stands in English (the programs and units below show them).
const QStringList kEnglish{
    // the static hints' evidence (fping imports setuid; the exporter is a Go program built outside
    // module mode, as Debian builds them, so it shows its main package and no module)
    u"imports "_s,
    u"often to drop root"_s,
    u", main package "_s,
    // the catalog's claims: why and when
    u"opens raw ICMP sockets to send echo requests"_s,
    u"serves /metrics on --web.listen-address"_s,
    u"the rapl collector is enabled"_s,
    // the container method: the recommendation's reason and the files' purposes
    u"A container must share the host's"_s,
    u"in a read-only container"_s,
    u"The same container as the docker run line"_s,
    u"under Podman and systemd"_s,
    u"on every node as a DaemonSet"_s,
    u"hostNetwork: the agent"_s,
    // the unit's lines
    u"grants it with AmbientCapabilities="_s,
    u"makes it writable with ReadWritePaths="_s,
};

// English sentences of an observation ("Watch it run"), and the recorded run that says each: the
// capabilities' evidence, the path fixes' reasons, the notes and the sandbox settings' evidence.
const QStringList kObserveEnglish{
    u"(not shown necessary)"_s,                            // chronyd as root: used
    u"observed only in dropping privileges"_s,             // chronyd as root: privilege-drop
    u"refused, and the call succeeded without it"_s,       // tcpdump as its user: advisory
    u"observed only as noise"_s,                           // tcpdump as its user: noise
    u"the kernel refuses it in its reply"_s,               // ip link: netlink, needed
    u"observed only passing file permissions"_s,           // forkexec: path-fix
    u"access (group, ACL or a managed directory)"_s,       // forkexec: the path fix's reason
    u"observed without capabilities in"_s,                 // chronyd under strace: needed
    u"Observed as root: files root owns"_s,                // the notes
    u"Observed with strace, without capabilities"_s,       //
    u"Only the code paths the agent ran in"_s,             //
    u"The sandbox settings are only what the recording"_s, //
    u"No sandbox setting is flagged"_s,                    // ip link: withheld
    u"no device node opened"_s,                            // the sandbox settings' evidence
    u"nothing below /home, /root or /run/user"_s,          //
    u"always kept, for journald and D-Bus"_s,              //
    u"succeeded"_s,                                        // the call tallies
    u"failed with"_s,                                      //
    u"granted for"_s,                                      // a path fix's own evidence
    u"observed: bound"_s,                                  // a port's reason
    u"bound a unix socket there"_s,                        // a written path's reasons
    u"opened for writing"_s,                               //
    u"opened for read"_s,                                  // a device's reason
    u"or a lower net.ipv4.ip_unprivileged_port_start"_s,   // strace's alternatives
    u"or LimitRTPRIO=/LimitNICE= for its own priority"_s,  //
    u"with ebpf for"_s,                                    // the Watch dialog's text: its first line
    u"command /"_s,                                        //
    u"Paths the service user needs access to"_s,           // its headings
    u"Sandbox settings nothing recorded speaks against"_s, //
    u"privilege-drop"_s,                                   // its verdicts
    u"path-fix"_s,                                         //
    u"needed"_s,                                           //
};

// A recorded run of tests/data/observe (a .jsonl stream, or a .strace log of @p mainPid).
Core::EventStream recorded(const QString &name, int mainPid)
{
    QFile file(QStringLiteral(DEROOT_TEST_DATA "/observe/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read test data %s", qPrintable(name));
    }
    const QByteArray data = file.readAll();
    if (name.endsWith(u".strace"_s)) {
        const Core::StraceLog log = Core::parseStrace(data, mainPid, {});
        if (!log.issues.isEmpty()) {
            qFatal("%s has lines the parser does not read", qPrintable(name));
        }
        return Core::EventStream{{}, log.results, {}};
    }
    const auto stream = Core::readEventStream(data);
    if (!stream.ok()) {
        qFatal("%s: %s", qPrintable(name), qPrintable(stream.error().message));
    }
    return *stream;
}

// Every sentence of an observation a person reads, and of the needs it found.
QStringList observationTexts(const Core::Observation &observation)
{
    QStringList texts = observation.notes;
    for (const Core::CapabilityObservation &capability : observation.capabilities) {
        texts << capability.evidence;
    }
    for (const Core::SandboxFlag &flag : observation.sandbox) {
        texts << flag.evidence;
    }
    for (const Core::PathFix &fix : observation.pathFixes) {
        texts << fix.evidence;
    }
    texts << needTexts(observation.needs);
    return texts;
}

QByteArray captured(const char *name)
{
    QFile file(QStringLiteral(DEROOT_TEST_DATA "/unit/") + QLatin1StringView(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read test data %s", name);
    }
    return file.readAll();
}

// The rows of a test that reads the engine as each reader would: C (derootctl, the JSON), de, fr.
void addReaderRows()
{
    QTest::addColumn<QString>("language");
    for (const QString &language : {u"C"_s, u"de"_s, u"fr"_s}) {
        QTest::newRow(qPrintable(language)) << language;
    }
}

// Installs the desktop's catalogue of @p language (none for C); the caller removes it.
bool readIn(QTranslator &translator, const QString &language)
{
    if (language == u"C") {
        return true;
    }
    if (!translator.load(QStringLiteral(DEROOT_QM_DIR "/deroot_") + language)) {
        return false;
    }
    QCoreApplication::installTranslator(&translator);
    return true;
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
                                        u"calledsudo"_s, u"capsadmin"_s, u"container"_s}) {
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

    // The engine's sentences for fping (a C program with file capabilities, called by agents) and
    // the node exporter (a Go program whose catalog entry wants the host's namespaces in a
    // container), for two captured units, and the capabilities and container methods' files: none
    // of kEnglish is left in German or French; in C each stands somewhere, so the check looks at
    // the right texts.
    void engineSpeaksTheReadersLanguage_data() { addReaderRows(); }

    void engineSpeaksTheReadersLanguage()
    {
        QFETCH(QString, language);
        QTranslator translator;
        QVERIFY(readIn(translator, language));
        QStringList texts;
        Core::InspectEnvironment environment;
        environment.queryPackageManager = false;
        for (const QByteArray &program : {"/usr/bin/fping"_ba, "/usr/bin/prometheus-node-exporter"_ba}) {
            const auto report = Core::inspectFile(program, environment);
            QVERIFY2(report, qPrintable(report.error().message));
            texts << engineTexts(*report);
            const Core::Recommendation recommendation = Core::recommend(*report, {});
            for (const Core::MethodAssessment &assessment : recommendation.ranking) {
                for (const Core::Consideration &consideration : assessment.considerations) {
                    texts << consideration.text;
                }
            }
            for (const Core::Method method : {Core::Method::Capabilities, Core::Method::Container}) {
                Core::GenerationInput input = Core::buildGenerationInput(*report, method);
                if (input.containerImage.isEmpty()) {
                    input.containerImage = u"docker.io/library/busybox:1.36"_s;
                }
                const auto plan = Core::generatePlan(input);
                QVERIFY2(plan, qPrintable(plan.error().message));
                for (const Core::Artifact &artifact : plan->artifacts) {
                    texts << artifact.shownPurpose();
                }
            }
        }
        // The unit's own lines, from `systemctl show` as captured in the test host.
        environment.procRoot = QByteArrayLiteral("/nonexistent-proc");
        for (const auto &[unit, show] : {std::pair{u"chronyd-restricted.service"_s, "chronyd-restricted.show"},
                                         std::pair{u"chrony.service"_s, "chrony.show"}}) {
            const auto report =
                Core::inspectUnitProperties(unit, Core::parseSystemctlShow(captured(show)), environment);
            QVERIFY2(report, qPrintable(report.error().message));
            texts << engineTexts(*report);
        }
        // The audit's notes on what it could not read: Qt's plural forms where a catalogue has
        // them, English with the right plural where none is installed (derootctl).
        const char *unreadable =
            "%n process(es) could not be read (permission denied); run the audit as root to see them all.";
        const QString one = Core::countedText("Deroot::Core::Audit", unreadable, 1);
        const QString three = Core::countedText("Deroot::Core::Audit", unreadable, 3);
        QCoreApplication::removeTranslator(&translator);

        QVERIFY(!texts.isEmpty());
        const auto shownIn = [&texts](const QString &sentence) {
            return std::any_of(texts.cbegin(), texts.cend(), [&](const QString &t) { return t.contains(sentence); });
        };
        if (language == u"C") {
            for (const QString &sentence : kEnglish) {
                QVERIFY2(shownIn(sentence), qPrintable(u"not found in English: "_s + sentence));
            }
            QCOMPARE(one, u"1 process could not be read (permission denied); run the audit as root to see them all."_s);
            QCOMPARE(three,
                     u"3 processes could not be read (permission denied); run the audit as root to see them all."_s);
            return;
        }
        for (const QString &sentence : kEnglish) {
            QVERIFY2(!shownIn(sentence), qPrintable(u"English left in %1: %2"_s.arg(language, sentence)));
        }
        for (const QString &counted : {one, three}) {
            QVERIFY2(!counted.contains(u"could not be read"_s) && !counted.contains(u"(es)"_s), qPrintable(counted));
            QVERIFY2(counted.contains(counted == one ? u"1"_s : u"3"_s), qPrintable(counted));
        }
        QVERIFY(one != three);
    }

    // Recorded runs of real agents as "Watch it run" shows them: none of kObserveEnglish is left in
    // German or French; in C (derootctl, the JSON) each stands as it always has.
    void observationSpeaksTheReadersLanguage_data() { addReaderRows(); }

    void observationSpeaksTheReadersLanguage()
    {
        QFETCH(QString, language);
        QTranslator translator;
        QVERIFY(readIn(translator, language));
        // The desktop's numbers are its locale's: 2,5 s in German and French.
        const QLocale locale = language == u"C" ? QLocale::c() : QLocale(language);
        const QLocale before;
        QLocale::setDefault(locale);
        constexpr std::int64_t s = 1000000000;
        struct Run
        {
            QString file;
            Core::Mechanism mechanism;
            bool asRoot;
            std::int64_t durationNs;
            int mainPid;
        };
        QStringList texts;
        for (const Run &run : {Run{u"chronyd-root.jsonl"_s, Core::Mechanism::Ebpf, true, 60 * s, 0},
                               Run{u"tcpdump-user.jsonl"_s, Core::Mechanism::Ebpf, false, 10 * s, 0},
                               Run{u"iplink-user.jsonl"_s, Core::Mechanism::Ebpf, false, 40000000, 0},
                               Run{u"forkexec-dac.jsonl"_s, Core::Mechanism::Ebpf, true, 9 * s, 0},
                               Run{u"daemon-port80-user.jsonl"_s, Core::Mechanism::Ebpf, false, 5 * s, 0},
                               Run{u"node-exporter-root.jsonl"_s, Core::Mechanism::Ebpf, true, 2500000000, 0},
                               Run{u"chronyd-nocaps.strace"_s, Core::Mechanism::Strace, false, 0, 700}}) {
            Core::ObservationOptions options;
            options.mechanism = run.mechanism;
            options.asRoot = run.asRoot;
            options.durationNs = run.durationNs;
            const Core::EventStream stream = recorded(run.file, run.mainPid);
            texts << observationTexts(Core::aggregateObservation(stream, options));
            if (stream.info) { // the Watch dialog's text, from the recording's own line
                Core::ObservationRounds rounds({}, 1, true, false);
                rounds.add(stream);
                texts << rounds.text();
            }
        }
        QCoreApplication::removeTranslator(&translator);
        QLocale::setDefault(before);

        const auto shownIn = [&texts](const QString &sentence) {
            return std::any_of(texts.cbegin(), texts.cend(), [&](const QString &t) { return t.contains(sentence); });
        };
        const QString twoAndAHalf = locale.toString(2.5, 'f', 1) + u" s"_s;
        QVERIFY2(shownIn(twoAndAHalf), qPrintable(u"not found: "_s + twoAndAHalf));
        for (const QString &sentence : kObserveEnglish) {
            if (language == u"C") {
                QVERIFY2(shownIn(sentence), qPrintable(u"not found in English: "_s + sentence));
            } else {
                QVERIFY2(!shownIn(sentence), qPrintable(u"English left in %1: %2"_s.arg(language, sentence)));
            }
        }
    }

    // A proof's report holds English sentences (the helper, like derootctl, has no translator): the
    // Prove dialog shows each in the reader's language, what filled its placeholders included.
    void proveReportSpeaksTheReadersLanguage_data() { addReaderRows(); }

    void proveReportSpeaksTheReadersLanguage()
    {
        QFETCH(QString, language);
        // Made where the trials run: no translator.
        Core::ProvePlan plan;
        plan.listenPorts = {Core::ListenPort{u"tcp"_s, 9100}};
        Core::TrialOutcome early;
        early.started = true;
        early.exited = true;
        early.exitCode = u"exited"_s;
        early.exitStatus = u"4"_s;
        early.checkRun = true;
        early.checkExitCode = 7;
        Core::TrialOutcome deaf;
        deaf.started = true;
        deaf.runningAtEnd = true;
        Core::TrialOutcome unstarted;
        unstarted.startError =
            Core::proveText(Core::ProveSaid::CannotWrite).arg(u"/run/x.service"_s, u"Permission denied"_s);
        QStringList english = Core::judgeTrial(plan, early).problems + Core::judgeTrial(plan, deaf).problems +
                              Core::judgeTrial(plan, unstarted).problems;
        QCOMPARE(english, (QStringList{u"exited with status 4 before the time was up"_s,
                                       u"the check command failed (exit code 7)"_s, u"not listening on tcp/9100"_s,
                                       u"did not start: cannot write /run/x.service: Permission denied"_s}));

        QTranslator translator;
        QVERIFY(readIn(translator, language));
        QStringList shown;
        for (const QString &sentence : std::as_const(english)) {
            shown << Core::shownProveText(sentence);
        }
        // Every sentence a report may hold, its placeholders filled with words of their own.
        QStringList expected;
        for (const char *sentence : Core::kProveReportSentences) {
            QString source = QString::fromUtf8(sentence);
            QString translated = Core::proveText(sentence);
            for (int n = 1; n <= 9; ++n) {
                source.replace(u'%' + QString::number(n), u"<v%1>"_s.arg(n));
                translated.replace(u'%' + QString::number(n), u"<v%1>"_s.arg(n));
            }
            english << source;
            shown << Core::shownProveText(source);
            expected << translated;
        }
        QCoreApplication::removeTranslator(&translator);

        const qsizetype made = english.size() - expected.size();
        for (qsizetype i = 0; i < english.size(); ++i) {
            if (language == u"C") {
                QCOMPARE(shown.at(i), english.at(i));
            } else {
                QVERIFY2(shown.at(i) != english.at(i), qPrintable(u"English left: "_s + english.at(i)));
            }
            if (i >= made) {
                QCOMPARE(shown.at(i), expected.at(i - made));
            }
        }
        if (language == u"de") {
            QCOMPARE(shown.at(0), u"endete mit Status 4, bevor die Zeit um war"_s);
            QCOMPARE(shown.at(3), u"startete nicht: /run/x.service kann nicht geschrieben werden: Permission denied"_s);
        }
        // Text that is none of them (systemd's own words) stands as it is.
        QCOMPARE(Core::shownProveText(u"Unit failed."_s), u"Unit failed."_s);
    }

    // Every sentence of the report's context in the catalogues is one the Prove dialog can read back.
    void proveReportSentencesAreAllKnown()
    {
        QFile ts(QStringLiteral(DEROOT_SOURCE_DIR "/translations/deroot_de.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        QString context;
        QSet<QString> inCatalogue;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"name") {
                context = xml.readElementText();
            } else if (xml.isStartElement() && xml.name() == u"source" && context == u"Deroot::Core::ProveReport") {
                inCatalogue.insert(xml.readElementText());
            }
        }
        QVERIFY(!xml.hasError());
        QSet<QString> known;
        for (const char *sentence : Core::kProveReportSentences) {
            known.insert(QString::fromUtf8(sentence));
        }
        QCOMPARE(inCatalogue, known);
    }
};

QTEST_GUILESS_MAIN(LocaleArtifactsTest)
#include "localeartifacts_test.moc"
