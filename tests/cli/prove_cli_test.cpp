// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// derootctl prove's refusals, as a script sees them: usage errors, a plan that is missing or
// garbled, and plans prove does not cover. Nothing here starts a trial (the build root runs no
// systemd); the trials themselves are tests/host/prove_test.cpp.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;

class ProveCliTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusals_data();
    void refusals();
    void jsonErrorDocument();

private:
    QTemporaryDir m_work;
};

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QStringLiteral(DEROOTCTL_PATH), arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

void ProveCliTest::initTestCase()
{
    QVERIFY(m_work.isValid());
    const QString dir = m_work.path();
    QFile garbled(dir + u"/garbled.json"_s);
    QVERIFY(garbled.open(QIODevice::WriteOnly));
    garbled.write("{\"schema\": \"deroot.plan/2\", \"input\": ");
    garbled.close();
    // Real plans, made as a user makes them: a sudo rule for a caller, file capabilities for a
    // called program, and a unit of Deroot's own.
    const QList<QStringList> plans{
        {u"/usr/bin/fping"_s, u"--method"_s, u"sudo"_s, u"--caller"_s, u"zabbix"_s, u"--out"_s, dir + u"/sudo"_s},
        {u"/usr/bin/fping"_s, u"--method"_s, u"caps"_s, u"--out"_s, dir + u"/setcap"_s},
        {u"/usr/bin/fping"_s, u"--method"_s, u"caps"_s, u"--start"_s, u"service"_s, u"--new-unit"_s, u"--args"_s,
         u"-l 127.0.0.1"_s, u"--out"_s, dir + u"/unit"_s},
    };
    for (const QStringList &plan : plans) {
        const Run generated = run(QStringList{u"generate"_s} + plan);
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
    }
    // An observation as observe writes it (replayed), and the same edited to put another property on
    // a trial's unit.
    const Run observed = run({u"observe"_s, u"--json"_s, u"--replay"_s,
                              QStringLiteral(DEROOT_TEST_DATA) + u"/observe/daemon-port80-user.jsonl"_s});
    QVERIFY2(observed.exitCode == 0, qPrintable(observed.err));
    QFile observation(dir + u"/observation.json"_s);
    QVERIFY(observation.open(QIODevice::WriteOnly));
    observation.write(observed.out.toUtf8());
    observation.close();
    QJsonObject edited = QJsonDocument::fromJson(observed.out.toUtf8()).object();
    QJsonObject inner = edited.value(u"observation"_s).toObject();
    QVERIFY(!inner.value(u"sandbox"_s).toArray().isEmpty());
    inner.insert(u"sandbox"_s, QJsonArray{QJsonObject{{u"key"_s, u"ExecStartPre"_s},
                                                      {u"value"_s, u"/bin/sh -c 'id > /etc/x'"_s},
                                                      {u"evidence"_s, u"observed in 10 s: nothing"_s}}});
    edited.insert(u"observation"_s, inner);
    QFile editedFile(dir + u"/edited.json"_s);
    QVERIFY(editedFile.open(QIODevice::WriteOnly));
    editedFile.write(QJsonDocument(edited).toJson());
    editedFile.close();
}

void ProveCliTest::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrPattern");

    const QString dir = m_work.path();
    const QString unit = dir + u"/unit"_s;
    QTest::newRow("no plan")
        << QStringList{u"prove"_s} << 2
        << u"^derootctl: prove: prove takes one export folder or plan.json; see derootctl prove --help\\n$"_s;
    QTest::newRow("two plans") << QStringList{u"prove"_s, unit, unit} << 2 << u"takes one export folder"_s;
    QTest::newRow("seconds 0") << QStringList{u"prove"_s, unit, u"--seconds"_s, u"0"_s} << 2
                               << u"^derootctl: prove: --seconds takes a whole number of seconds from 1 to "
                                  u"3600, not '0'; see derootctl prove --help\\n$"_s;
    QTest::newRow("seconds negative") << QStringList{u"prove"_s, unit, u"--seconds=-5"_s} << 2 << u"not '-5'"_s;
    QTest::newRow("seconds not a number")
        << QStringList{u"prove"_s, unit, u"--seconds"_s, u"ten"_s} << 2 << u"not 'ten'"_s;
    QTest::newRow("seconds too many") << QStringList{u"prove"_s, unit, u"--seconds"_s, u"3601"_s} << 2
                                      << u"not '3601'"_s;
    QTest::newRow("seconds without value")
        << QStringList{u"prove"_s, unit, u"--seconds"_s} << 2 << u"option --seconds needs a value"_s;
    QTest::newRow("empty check") << QStringList{u"prove"_s, unit, u"--check"_s, u" "_s} << 2
                                 << u"--check needs a command"_s;
    QTest::newRow("unknown option") << QStringList{u"prove"_s, unit, u"--fast"_s} << 2 << u"unknown option '--fast'"_s;
    QTest::newRow("missing plan.json") << QStringList{u"prove"_s, dir + u"/nothing/plan.json"_s} << 4
                                       << u"^derootctl: prove: '%1/nothing/plan.json' cannot be read: "_s.arg(
                                              QRegularExpression::escape(dir));
    QTest::newRow("folder without plan.json") << QStringList{u"prove"_s, dir} << 4 << u"/plan.json' cannot be read"_s;
    QTest::newRow("garbled plan.json") << QStringList{u"prove"_s, dir + u"/garbled.json"_s} << 8
                                       << u"^derootctl: prove: '%1/garbled.json' is not a plan Deroot can run: "_s.arg(
                                              QRegularExpression::escape(dir));
    QTest::newRow("sudo method")
        << QStringList{u"prove"_s, dir + u"/sudo"_s} << 3
        << u"a trial run covers the capabilities method with a systemd unit only for now; this "
           u"plan's method is sudo\\n$"_s;
    QTest::newRow("file capabilities") << QStringList{u"prove"_s, dir + u"/setcap/plan.json"_s} << 3
                                       << u"this plan gives the program file capabilities"_s;
    QTest::newRow("observation without a file")
        << QStringList{u"prove"_s, unit, u"--observation"_s} << 2 << u"option --observation needs a value"_s;
    QTest::newRow("missing observation") << QStringList{u"prove"_s, unit, u"--observation"_s, dir + u"/nothing.json"_s}
                                         << 4
                                         << u"^derootctl: prove: cannot read %1/nothing.json: "_s.arg(
                                                QRegularExpression::escape(dir));
    QTest::newRow("a plan given as the observation")
        << QStringList{u"prove"_s, unit, u"--observation"_s, unit + u"/plan.json"_s} << 5
        << u"plan.json: \"schema\" is not \"deroot.observe/1\": not the output of derootctl observe --json\n$"_s;
    QTest::newRow("an observation edited to add another property")
        << QStringList{u"prove"_s, unit, u"--observation"_s, dir + u"/edited.json"_s} << 5
        << u"edited.json: observation.sandbox\\[0\\]: \"ExecStartPre=/bin/sh -c 'id > /etc/x'\" is not a setting "
           u"an observation flags\n$"_s;
    // The observation read, prove goes on to what this machine lacks (below).
    QTest::newRow("an observation as observe wrote it")
        << QStringList{u"prove"_s, unit, u"--seconds"_s, u"1"_s, u"--observation"_s, dir + u"/observation.json"_s}
        << (::geteuid() == 0 ? 3 : 6)
        << (::geteuid() == 0 ? u"^derootctl: prove: systemd is not running on this system\n$"_s : u"needs root"_s);
    // A plan prove covers, on a machine without systemd (the build root): root is told systemd
    // is missing; anyone else asks the helper, which is not on this machine's bus either.
    QTest::newRow("unit plan here") << QStringList{u"prove"_s, unit, u"--seconds"_s, u"1"_s, u"--no-ask-password"_s}
                                    << 3
                                    << (::geteuid() == 0
                                            ? u"^derootctl: prove: systemd is not running on this system\\n$"_s
                                            : u"^derootctl: prove: .*(bus|helper)"_s);
}

void ProveCliTest::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrPattern);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.out.isEmpty(), qPrintable(result.out));
    QVERIFY2(QRegularExpression(stderrPattern).match(result.err).hasMatch(), qPrintable(result.err));
    QCOMPARE(result.err.count(u'\n'), 1);
}

void ProveCliTest::jsonErrorDocument()
{
    const Run result = run({u"prove"_s, u"--json"_s, m_work.path() + u"/garbled.json"_s});
    QCOMPARE(result.exitCode, 8);
    const QJsonObject error = QJsonDocument::fromJson(result.out.toUtf8()).object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toInt(), 8);
    QVERIFY2(error.value(u"message"_s).toString().contains(u"garbled.json' is not a plan Deroot can run"_s),
             qPrintable(result.out));
}

QTEST_GUILESS_MAIN(ProveCliTest)
#include "prove_cli_test.moc"
