// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Runs the built derootctl binary and checks what a script would see: exit codes and output.
#include <QProcess>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

class DerootctlTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exitCodes_data();
    void exitCodes();
    void nonUtf8Locale_data();
    void nonUtf8Locale();
    void everyCommandHasHelp();
    void helpListsWhatTheParserTakes();
};

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QStringLiteral(DEROOTCTL_PATH), arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit) {
        return {};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

void DerootctlTest::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stdoutPattern");
    QTest::addColumn<QString>("stderrPattern");
    QTest::addRow("version") << QStringList{u"--version"_s} << 0 << u"^derootctl \\d+\\.\\d+\\.\\d+\\n$"_s << u"^$"_s;
    QTest::addRow("help") << QStringList{u"--help"_s} << 0 << u"walkthrough"_s << u"^$"_s;
    QTest::addRow("no command") << QStringList{} << 2 << u"^$"_s << u"^derootctl: no command given"_s;
    QTest::addRow("unknown command") << QStringList{u"frobnicate"_s} << 2 << u"^$"_s
                                     << u"^derootctl: unknown command 'frobnicate'; see derootctl --help\\n$"_s;
    QTest::addRow("unknown option") << QStringList{u"--frobnicate"_s} << 2 << u"^$"_s
                                    << u"^derootctl: unknown option '--frobnicate'; see derootctl --help\\n$"_s;
    QTest::addRow("newline in command") << QStringList{u"bad\ncommand"_s} << 2 << u"^$"_s
                                        << u"^derootctl: unknown command 'bad\\\\ncommand'; see derootctl --help\\n$"_s;
    QTest::addRow("recommend with an unknown environment")
        << QStringList{u"recommend"_s, u"/usr/bin/fping"_s, u"--environment"_s, u"moon"_s} << 2 << u"^$"_s
        << u"^derootctl: recommend: environment 'moon' is not one of"_s;
    QTest::addRow("recommend with an unknown trust")
        << QStringList{u"recommend"_s, u"/usr/bin/fping"_s, u"--trust=maybe"_s} << 2 << u"^$"_s
        << u"^derootctl: recommend: trust 'maybe' is not one of"_s;
    QTest::addRow("recommend --systemd maybe")
        << QStringList{u"recommend"_s, u"/usr/bin/fping"_s, u"--systemd"_s, u"maybe"_s} << 2 << u"^$"_s
        << u"^derootctl: recommend: --systemd takes yes or no; see derootctl recommend --help\\n$"_s;
    QTest::addRow("recommend --start cron")
        << QStringList{u"recommend"_s, u"/usr/bin/fping"_s, u"--start"_s, u"cron"_s} << 2 << u"^$"_s
        << u"^derootctl: recommend: start 'cron' is not one of service, scheduled, called-by; see derootctl recommend "
           "--help\\n$"_s;
    QTest::addRow("recommend fping called by another agent")
        << QStringList{u"recommend"_s, u"/usr/bin/fping"_s, u"--start=called-by"_s} << 0
        << u"with systemd, called by another agent\\n[\\s\\S]*Another agent calls it, so it has no unit of its own"_s
        << u"^$"_s;
    QTest::addRow("recommend without a target")
        << QStringList{u"recommend"_s} << 2 << u"^$"_s << u"^derootctl: recommend: give exactly one target"_s;
    QTest::addRow("recommend a missing program") << QStringList{u"recommend"_s, u"/nonexistent"_s} << 4 << u"^$"_s
                                                 << u"^derootctl: recommend: '/nonexistent' does not exist\\n$"_s;
    QTest::addRow("recommend fping on a legacy system")
        << QStringList{u"recommend"_s, u"/usr/bin/fping"_s, u"--environment"_s, u"legacy"_s, u"--json"_s} << 0
        << u"\"recommended\": \"sudo\""_s << u"^$"_s;
    QTest::addRow("walkthrough takes no target")
        << QStringList{u"walkthrough"_s, u"/usr/bin/fping"_s} << 2 << u"^$"_s
        << u"^derootctl: walkthrough: walkthrough takes only --out DIR; see derootctl walkthrough --help\\n$"_s;
    QTest::addRow("generate without --out")
        << QStringList{u"generate"_s, u"/usr/bin/fping"_s, u"--method"_s, u"caps"_s} << 2 << u"^$"_s
        << u"^derootctl: generate: --out DIR is needed; see derootctl generate --help\n$"_s;
    QTest::addRow("generate without --method")
        << QStringList{u"generate"_s, u"/usr/bin/fping"_s, u"--out"_s, u"x"_s} << 2 << u"^$"_s
        << u"^derootctl: generate: --method sudo\\|caps\\|container is needed; see derootctl generate --help\n$"_s;
    QTest::addRow("generate without either")
        << QStringList{u"generate"_s, u"/usr/bin/fping"_s} << 2 << u"^$"_s
        << u"^derootctl: generate: --method sudo\\|caps\\|container and --out DIR are needed; see derootctl generate "
           "--help\n$"_s;
    // A bare name is a program on PATH, as a shell would run it; the report names the file.
    QTest::addRow("inspect a bare name on PATH")
        << QStringList{u"inspect"_s, u"sh"_s, u"--json"_s} << 0 << u"\"path\": \"/usr/bin/sh\""_s << u"^$"_s;
    QTest::addRow("inspect a bare name nowhere")
        << QStringList{u"inspect"_s, u"deroot-no-such-program"_s} << 4 << u"^$"_s
        << u"^derootctl: inspect: there is no program 'deroot-no-such-program' on PATH"_s;
    QTest::addRow("generate with an unknown method")
        << QStringList{u"generate"_s, u"/usr/bin/fping"_s, u"--method"_s, u"magic"_s, u"--out"_s, u"/tmp/x"_s} << 2
        << u"^$"_s
        << u"^derootctl: generate: --method takes sudo, caps or container, not 'magic'; see derootctl generate "
           "--help\\n$"_s;
}

void DerootctlTest::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stdoutPattern);
    QFETCH(QString, stderrPattern);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(QRegularExpression(stdoutPattern).match(result.out).hasMatch(), qPrintable(result.out));
    QVERIFY2(QRegularExpression(stderrPattern).match(result.err).hasMatch(), qPrintable(result.err));
}

void DerootctlTest::nonUtf8Locale_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("value");
    QTest::addRow("LANG=C") << u"LANG"_s << u"C"_s;
    QTest::addRow("LC_ALL=C") << u"LC_ALL"_s << u"C"_s;
    QTest::addRow("LC_ALL=POSIX") << u"LC_ALL"_s << u"POSIX"_s;
    QTest::addRow("LC_CTYPE=C") << u"LC_CTYPE"_s << u"C"_s;
}

// A script under LANG=C (cron, CI, ssh) reads derootctl's one error line, not Qt's warning that
// it switched the locale to UTF-8.
void DerootctlTest::nonUtf8Locale()
{
    QFETCH(QString, variable);
    QFETCH(QString, value);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"LANG"_s, u"LANGUAGE"_s, u"LC_ALL"_s, u"LC_CTYPE"_s, u"LC_MESSAGES"_s}) {
        environment.remove(name);
    }
    environment.insert(variable, value);
    const Run result = run({u"frobnicate"_s}, environment);
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.err, u"derootctl: unknown command 'frobnicate'; see derootctl --help\n"_s);
    // Non-ASCII in an argument still comes back as the bytes it was.
    const Run accented = run({u"fröbnicate"_s}, environment);
    QCOMPARE(accented.err, u"derootctl: unknown command 'fröbnicate'; see derootctl --help\n"_s);
}

namespace {

// The commands `derootctl --help` lists.
QStringList commandNames()
{
    const QString help = run({u"--help"_s}).out;
    const QString list = help.section(u"Commands:\n"_s, 1).section(u"\n\n"_s, 0, 0);
    QStringList names;
    for (const QString &line : list.split(u'\n', Qt::SkipEmptyParts)) {
        names << line.trimmed().section(u' ', 0, 0);
    }
    return names;
}

// The options `derootctl COMMAND --help` lists: each name, and whether it takes a value.
QList<std::pair<QString, bool>> helpOptions(const QString &command)
{
    QList<std::pair<QString, bool>> options;
    const QString help = run({command, u"--help"_s}).out;
    for (const QString &line : help.split(u'\n')) {
        if (!line.startsWith(u"  --"_s)) {
            continue;
        }
        const QStringList words = line.trimmed().split(u' ', Qt::SkipEmptyParts);
        // "--name VALUE   help": a value follows the name before the two spaces of the help column.
        const QString left = line.trimmed().section(u"  "_s, 0, 0);
        options.append({words.first().mid(2), left.contains(u' ')});
    }
    return options;
}

} // namespace

void DerootctlTest::everyCommandHasHelp()
{
    const QStringList names = commandNames();
    QVERIFY2(names.size() >= 11 && names.contains(u"prove"_s), qPrintable(names.join(u", "_s)));
    for (const QString &name : names) {
        // COMMAND --help, COMMAND -h and help COMMAND print the same, on stdout, exit 0.
        const Run help = run({name, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(u"Usage: derootctl %1 [OPTIONS]"_s.arg(name)), qPrintable(help.out));
        QVERIFY2(help.out.contains(u"\n  -h, --help "_s), qPrintable(help.out));
        QCOMPARE(help.err, QString());
        QCOMPARE(run({name, u"-h"_s}).out, help.out);
        QCOMPARE(run({u"help"_s, name}).out, help.out);
        // --help anywhere before "--", even among other arguments.
        QCOMPARE(run({name, u"/nonexistent"_s, u"--help"_s}).out, help.out);
        // Examples: whole command lines of this command, each option in them one the help lists.
        const QStringList lines = help.out.split(u'\n');
        const qsizetype first = lines.indexOf(u"Examples:"_s) + 1;
        QVERIFY2(first > 0, qPrintable(help.out));
        QStringList known;
        for (const auto &option : helpOptions(name)) {
            known << u"--"_s + option.first;
        }
        for (qsizetype i = first; i < lines.size() && !lines.at(i).isEmpty(); ++i) {
            QString example = lines.at(i).trimmed().section(u" > "_s, 0, 0);
            if (example.startsWith(u"sudo "_s)) {
                example.remove(0, 5);
            }
            QVERIFY2(example.startsWith(u"derootctl %1"_s.arg(name)), qPrintable(example));
            for (const QString &word : example.section(u" -- "_s, 0, 0).split(u' ', Qt::SkipEmptyParts)) {
                QVERIFY2(!word.startsWith(u"--"_s) || known.contains(word), qPrintable(name + u": "_s + word));
            }
        }
    }
    // Every option of generate, not 4 of them.
    QVERIFY(helpOptions(u"generate"_s).size() >= 28);
    // The exit codes, in the main help, 0 to 10 (core/base/exitcode.h).
    const QString main = run({u"--help"_s}).out;
    QVERIFY2(main.contains(u"Exit codes:\n   0  success\n"_s), qPrintable(main));
    QVERIFY2(main.contains(u"\n  10  polkit did not authorize the caller; nothing was changed\n"_s), qPrintable(main));
    // --json is documented wherever a command takes it.
    const QList<std::pair<QString, bool>> prove = helpOptions(u"prove"_s);
    QVERIFY(std::any_of(prove.cbegin(), prove.cend(), [](const auto &option) { return option.first == u"json"_s; }));
    // After "--", --help belongs to the observed program.
    const Run observed = run({u"observe"_s, u"--replay"_s, u"/nonexistent"_s, u"--"_s, u"--help"_s});
    QVERIFY(!observed.out.startsWith(u"Usage:"_s));
    const Run unknown = run({u"help"_s, u"frobnicate"_s});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.startsWith(u"derootctl: unknown command 'frobnicate'"_s), qPrintable(unknown.err));
}

void DerootctlTest::helpListsWhatTheParserTakes()
{
    // Each option the help lists is one the command's parser takes: given before an unknown option,
    // the parser names the unknown one, never the listed one. Nothing runs: the parse fails first.
    for (const QString &name : commandNames()) {
        const QList<std::pair<QString, bool>> options = helpOptions(name);
        QVERIFY2(!options.isEmpty() || name == u"walkthrough"_s, qPrintable(name));
        for (const auto &[option, takesValue] : options) {
            QStringList arguments{name, u"--"_s + option};
            if (takesValue) {
                arguments << u"1"_s;
            }
            arguments << u"--zz-not-an-option"_s;
            const Run parsed = run(arguments);
            QCOMPARE(parsed.exitCode, 2);
            QVERIFY2(parsed.err.contains(u"unknown option '--zz-not-an-option'"_s),
                     qPrintable(arguments.join(u' ') + u": "_s + parsed.err));
        }
    }
}

QTEST_GUILESS_MAIN(DerootctlTest)
#include "derootctl_test.moc"
