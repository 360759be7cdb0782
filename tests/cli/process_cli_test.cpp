// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// derootctl inspect --pid/--unit and derootctl audit as a script sees them: exit codes, one-line
// errors on stderr, JSON on stdout.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

class ProcessCliTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badInput_data();
    void badInput();
    void reapedProcess();
    void zombie();
    void liveProcess();
    void audit();
};

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(DEROOTCTL_PATH), arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

void checkOneLine(const Run &result, int exitCode, const QString &pattern)
{
    QCOMPARE(result.exitCode, exitCode);
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.count(u'\n') == 1 && err.endsWith(u'\n'), qPrintable(err));
    QVERIFY2(QRegularExpression(pattern).match(err).hasMatch(), qPrintable(err));
}

} // namespace

void ProcessCliTest::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("pattern");
    QTest::addRow("nonexistent PID") << QStringList{u"inspect"_s, u"--pid"_s, u"4194304"_s} << 4
                                     << u"^derootctl: inspect: no process has PID 4194304\\n$"_s;
    QTest::addRow("PID 0")
        << QStringList{u"inspect"_s, u"--pid"_s, u"0"_s} << 2
        << u"^derootctl: inspect: '0' is not a process ID: give a number from 1 to 4194304; see derootctl inspect "
           u"--help\\n$"_s;
    QTest::addRow("PID abc") << QStringList{u"inspect"_s, u"--pid"_s, u"abc"_s} << 2
                             << u"^derootctl: inspect: 'abc' is not a process ID"_s;
    QTest::addRow("negative PID") << QStringList{u"inspect"_s, u"--pid=-1"_s} << 2
                                  << u"^derootctl: inspect: '-1' is not a process ID"_s;
    QTest::addRow("huge PID") << QStringList{u"inspect"_s, u"--pid"_s, u"99999999999999999999"_s} << 2
                              << u"is not a process ID"_s;
    QTest::addRow("escape sequence in PID")
        << QStringList{u"inspect"_s, u"--pid"_s, u"1\x1b[2J"_s} << 2 << u"'1\\\\x1b\\[2J' is not a process ID"_s;
    QTest::addRow("PID and unit") << QStringList{u"inspect"_s, u"--pid"_s, u"1"_s, u"--unit"_s, u"x"_s} << 2
                                  << u"exactly one target"_s;
    QTest::addRow("unit as an option") << QStringList{u"inspect"_s, u"--unit=-H"_s} << 4
                                       << u"^derootctl: inspect: unit '-H' does not exist: unit names are"_s;
    QTest::addRow("unit with a slash") << QStringList{u"inspect"_s, u"--unit"_s, u"../x.service"_s} << 4
                                       << u"unit '../x.service' does not exist"_s;
    QTest::addRow("unit with a newline") << QStringList{u"inspect"_s, u"--unit"_s, u"x\n.service"_s} << 4
                                         << u"unit 'x\\\\n.service' does not exist"_s;
    QTest::addRow("audit with an argument")
        << QStringList{u"audit"_s, u"everything"_s} << 2 << u"^derootctl: audit: "_s;
    QTest::addRow("audit with an unknown option")
        << QStringList{u"audit"_s, u"--pid"_s, u"1"_s} << 2 << u"^derootctl: audit: "_s;
}

void ProcessCliTest::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, pattern);
    const Run result = run(arguments);
    checkOneLine(result, exitCode, pattern);
    QVERIFY(result.out.isEmpty());
}

void ProcessCliTest::reapedProcess()
{
    QProcess child;
    child.start(u"true"_s, {});
    QVERIFY(child.waitForStarted());
    const qint64 pid = child.processId();
    QVERIFY(child.waitForFinished());
    const Run result = run({u"inspect"_s, u"--pid"_s, QString::number(pid), u"--json"_s});
    // Gone for good (4), unless the PID was reused meanwhile by another process (0).
    QVERIFY2(result.exitCode == 4 || result.exitCode == 0, result.err.constData());
    if (result.exitCode == 4) {
        checkOneLine(result, 4, u"^derootctl: inspect: no process has PID \\d+\\n$"_s);
        const QJsonObject error = QJsonDocument::fromJson(result.out).object().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"code"_s).toInt(), 4);
    }
}

void ProcessCliTest::zombie()
{
    // A child that has exited and that this test does not collect until derootctl has looked.
    const pid_t pid = ::fork();
    QVERIFY(pid >= 0);
    if (pid == 0) {
        ::_exit(0);
    }
    QTest::qWait(200);
    const Run result = run({u"inspect"_s, u"--pid"_s, QString::number(pid)});
    int status = 0;
    ::waitpid(pid, &status, 0);
    checkOneLine(result, 5, u"^derootctl: inspect: PID \\d+ has exited and waits for its parent"_s);
}

void ProcessCliTest::liveProcess()
{
    QProcess child;
    child.start(u"sleep"_s, {u"30"_s});
    QVERIFY(child.waitForStarted());
    const Run result = run({u"inspect"_s, u"--pid"_s, QString::number(child.processId()), u"--json"_s});
    child.kill();
    child.waitForFinished();
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject document = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(document.value(u"schema"_s).toString(), u"deroot.inspect/1"_s);
    QCOMPARE(document.value(u"target"_s).toObject().value(u"kind"_s).toString(), u"process"_s);
    QCOMPARE(document.value(u"process"_s).toObject().value(u"name"_s).toString(), u"sleep"_s);
    QVERIFY(document.value(u"process"_s).toObject().value(u"executable"_s).toString().endsWith(u"/sleep"_s));
    QVERIFY(document.contains(u"elf"_s));
}

void ProcessCliTest::audit()
{
    const Run result = run({u"audit"_s, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject document = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(document.value(u"schema"_s).toString(), u"deroot.audit/1"_s);
    QVERIFY(document.value(u"processes"_s).isArray());
    QVERIFY(document.value(u"files"_s).isArray());
    QVERIFY(document.value(u"directories"_s).toArray().contains(u"/usr/bin"_s));
    // The severity and the privileged-by-design category of the audit window, on every row.
    const QStringList severities{u"critical"_s, u"high"_s, u"medium"_s, u"low"_s, u"info"_s};
    int rows = 0;
    for (const QString &section : {u"processes"_s, u"files"_s}) {
        for (const QJsonValue &value : document.value(section).toArray()) {
            const QJsonObject row = value.toObject();
            QVERIFY2(severities.contains(row.value(u"severity"_s).toString()),
                     QJsonDocument(row).toJson(QJsonDocument::Compact).constData());
            QVERIFY(row.contains(u"expected"_s));
            QVERIFY(row.value(u"expected"_s).isNull() || !row.value(u"expected"_s).toString().isEmpty());
            ++rows;
        }
    }
    QVERIFY(rows > 0);
    const Run text = run({u"audit"_s});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("Files with set-uid, set-gid or file capabilities"));
}

QTEST_GUILESS_MAIN(ProcessCliTest)
#include "process_cli_test.moc"
