// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// derootctl fleet as an admin runs it over a folder the fleet playbook filled: real audits of this
// machine (derootctl audit --json) under several host names, one of them edited the way a hostile
// host would write it, and a broken one. The HTML page is opened in a real headless Chromium: its
// DOM must hold every row and no element a host wrote, and its screenshot the rendered report.
#include "requiretool.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class FleetCliTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void textAndExitCodes();
    void json();
    void htmlInChromium();
    void refusals_data();
    void refusals();

private:
    QTemporaryDir m_work;
    QString m_fleet;
    QByteArray m_audit;
};

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments, const QString &home = {})
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    if (!home.isEmpty()) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, home);
        process.setProcessEnvironment(environment);
    }
    process.start(program, arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

Run derootctl(const QStringList &arguments)
{
    return run(QStringLiteral(DEROOTCTL_PATH), arguments);
}

void write(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly) && file.write(content) == content.size(), qPrintable(path));
}

const QString kHostileHost = u"<b>evil<\\b><img src=x onerror=alert(1)>"_s; // no slash: a file name
const QString kHostileKey = u"<script>document.title='pwned'</script><img src=x>"_s;

} // namespace

void FleetCliTest::initTestCase()
{
    QVERIFY(m_work.isValid());
    const Run audit = derootctl({u"audit"_s, u"--json"_s});
    QCOMPARE(audit.exitCode, 0);
    m_audit = audit.out.toUtf8();
    m_fleet = m_work.filePath(u"fleet"_s);
    QVERIFY(QDir().mkdir(m_fleet));
    write(m_fleet + u"/alpha.example.org.json"_s, m_audit);
    write(m_fleet + u"/beta.json"_s, m_audit);
    // A hostile host: its audit names a unit with markup and its file name is markup too.
    QJsonObject document = QJsonDocument::fromJson(m_audit).object();
    QJsonArray groups = document[u"processes"_s].toArray();
    QVERIFY(!groups.isEmpty());
    QJsonObject group = groups[0].toObject();
    group[u"key"_s] = kHostileKey;
    group[u"suggestion"_s] = u"</td></tr></table><h1>forged</h1>"_s;
    groups[0] = group;
    document[u"processes"_s] = groups;
    write(m_fleet + u"/"_s + kHostileHost + u".json"_s, QJsonDocument(document).toJson());
}

void FleetCliTest::textAndExitCodes()
{
    const Run merged = derootctl({u"fleet"_s, m_fleet});
    QCOMPARE(merged.exitCode, 0);
    QCOMPARE(merged.err, QString());
    QVERIFY2(merged.out.startsWith(u"Fleet audit of 3 hosts in '%1'"_s.arg(m_fleet)), qPrintable(merged.out.left(200)));
    for (const QString &host :
         {u"'alpha.example.org'"_s, u"'beta'"_s, u"'<b>evil<\\\\b><img src=x onerror=alert(1)>'"_s}) {
        QVERIFY2(merged.out.contains(host), qPrintable(host));
    }

    // A broken file: named on stderr in one line, the rest still merged, exit code 1.
    QTemporaryDir dir;
    write(dir.filePath(u"good.json"_s), m_audit);
    write(dir.filePath(u"cut.json"_s), m_audit.left(m_audit.size() / 3));
    const Run partial = derootctl({u"fleet"_s, dir.path()});
    QCOMPARE(partial.exitCode, 1);
    QCOMPARE(partial.err.count(u'\n'), 1);
    QVERIFY2(partial.err.startsWith(u"derootctl: fleet: 'cut.json': not JSON: "_s), qPrintable(partial.err));
    QVERIFY(partial.out.contains(u"Fleet audit of 1 hosts"_s));
    QVERIFY(partial.out.contains(u"Left out\n  'cut.json': not JSON"_s));

    // A relative folder is shown absolute.
    QProcess process;
    process.setWorkingDirectory(m_work.path());
    process.start(QStringLiteral(DEROOTCTL_PATH), {u"fleet"_s, u"fleet"_s});
    QVERIFY(process.waitForFinished(120000));
    QVERIFY(QString::fromUtf8(process.readAllStandardOutput()).contains(u"in '%1'"_s.arg(m_fleet)));
}

void FleetCliTest::json()
{
    const Run merged = derootctl({u"fleet"_s, u"--json"_s, m_fleet});
    QCOMPARE(merged.exitCode, 0);
    const QJsonObject document = QJsonDocument::fromJson(merged.out.toUtf8()).object();
    QCOMPARE(document[u"schema"_s].toString(), u"deroot.fleet/1"_s);
    QCOMPARE(document[u"directory"_s].toString(), m_fleet);
    QCOMPARE(document[u"summary"_s][u"hosts"_s].toInt(), 3);
    const QJsonArray entries = document[u"entries"_s].toArray();
    QVERIFY(!entries.isEmpty());
    // Highest first, and each host has the same rows (the same machine under three names).
    double last = 101;
    QMap<QString, int> perHost;
    for (const QJsonValue &value : entries) {
        const double score = value[u"privilege"_s][u"score"_s].toDouble();
        QVERIFY2(score <= last, qPrintable(u"%1 after %2"_s.arg(score).arg(last)));
        last = score;
        ++perHost[value[u"host"_s].toString()];
    }
    QCOMPARE(perHost.size(), 3);
    QCOMPARE(perHost.value(u"alpha.example.org"_s), perHost.value(u"beta"_s));
    QCOMPARE(perHost.value(kHostileHost), perHost.value(u"beta"_s));
    // The hostile key, as it was, JSON-escaped by the writer.
    const QString escaped =
        QString::fromUtf8(QJsonDocument(QJsonArray{kHostileKey}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    QVERIFY(merged.out.contains(u"\"key\": "_s + escaped));
}

void FleetCliTest::htmlInChromium()
{
    const QString chromium = QStandardPaths::findExecutable(u"chromium"_s);
    DEROOT_REQUIRE_TOOL(!chromium.isEmpty(), u"chromium is not installed"_s);
    const QString page = m_work.filePath(u"report.html"_s);
    const Run merged = derootctl({u"fleet"_s, m_fleet, u"--html"_s, page});
    QCOMPARE(merged.exitCode, 0);
    QVERIFY(QFile::exists(page));
    const Run json = derootctl({u"fleet"_s, u"--json"_s, m_fleet});
    const int rows = int(QJsonDocument::fromJson(json.out.toUtf8())[u"entries"_s].toArray().size());

    const QString home = m_work.filePath(u"home"_s);
    QVERIFY(QDir().mkpath(home));
    const QStringList common{u"--headless"_s, u"--no-sandbox"_s, u"--disable-gpu"_s, u"--no-first-run"_s,
                             u"--user-data-dir="_s + m_work.filePath(u"chromium"_s)};
    const Run dom = run(chromium, common + QStringList{u"--dump-dom"_s, u"file://"_s + page}, home);
    QVERIFY2(dom.exitCode == 0, qPrintable(dom.err.right(2000)));
    // The DOM Chromium built: every row, the hostile text as text, no element a host wrote, and the
    // title the page set (a script of a host's would have changed it, had one run).
    QVERIFY2(dom.out.contains(u"<title>Deroot fleet audit: 3 hosts</title>"_s), qPrintable(dom.out.left(2000)));
    const QRegularExpression tbody(u"<table id=\"entries\">.*?<tbody>(.*?)</tbody>"_s,
                                   QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = tbody.match(dom.out);
    QVERIFY(match.hasMatch());
    QCOMPARE(int(match.captured(1).count(u"<tr"_s)), rows);
    QVERIFY(dom.out.contains(u"&lt;b&gt;evil&lt;\\b&gt;&lt;img src=x onerror=alert(1)&gt;"_s));
    QVERIFY(dom.out.contains(u"&lt;script&gt;document.title='pwned'&lt;/script&gt;&lt;img src=x&gt;"_s));
    QVERIFY(dom.out.contains(u"&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h1&gt;forged&lt;/h1&gt;"_s));
    QVERIFY(!dom.out.contains(u"<script"_s, Qt::CaseInsensitive));
    QVERIFY(!dom.out.contains(u"<img"_s, Qt::CaseInsensitive));
    QVERIFY(!dom.out.contains(u"<b>evil"_s));
    QCOMPARE(int(dom.out.count(u"<h1>"_s)), 1);
    QCOMPARE(int(dom.out.count(u"<table"_s)), 2);
    for (const QString &host : {u"alpha.example.org"_s, u"beta"_s}) {
        QVERIFY(dom.out.contains(u"<td class=\"host\">"_s + host + u"</td>"_s));
    }

    // The screenshot, kept in the build folder to be looked at: the report rendered with its
    // styles, a root-level badge among the first rows (this machine runs its PID 1 as root).
    const QString screenshot = QStringLiteral(FLEET_SCREENSHOT);
    QFile::remove(screenshot);
    const Run shot = run(chromium,
                         common + QStringList{u"--window-size=1280,900"_s, u"--hide-scrollbars"_s,
                                              u"--screenshot="_s + screenshot, u"file://"_s + page},
                         home);
    QVERIFY2(shot.exitCode == 0, qPrintable(shot.err.right(2000)));
    const QImage image(screenshot);
    QVERIFY2(!image.isNull(), qPrintable(screenshot));
    QCOMPARE(image.size(), QSize(1280, 900));
    int badge = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < 300; ++x) {
            badge += image.pixel(x, y) == qRgb(0xfb, 0xd5, 0xd5) ? 1 : 0;
        }
    }
    QVERIFY2(badge > 100, "no root-level badge rendered in the screenshot");
}

void FleetCliTest::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("no folder") << QStringList{u"fleet"_s} << 2 << u"fleet takes one folder"_s;
    QTest::newRow("two folders") << QStringList{u"fleet"_s, u"a"_s, u"b"_s} << 2 << u"fleet takes one folder"_s;
    QTest::newRow("unknown option") << QStringList{u"fleet"_s, u"--pdf"_s, u"x"_s} << 2 << u"--pdf"_s;
    QTest::newRow("--html without a file")
        << QStringList{u"fleet"_s, u"DIR"_s, u"--html="_s} << 2 << u"--html needs a file name"_s;
    QTest::newRow("missing folder") << QStringList{u"fleet"_s, u"/nonexistent/fleet"_s} << 4
                                    << u"'/nonexistent/fleet' cannot be read: No such file or directory"_s;
    QTest::newRow("empty folder") << QStringList{u"fleet"_s, u"EMPTY"_s} << 4 << u"holds no host's audit"_s;
    QTest::newRow("page into a folder") << QStringList{u"fleet"_s, u"DIR"_s, u"--html"_s, u"EMPTY"_s} << 1
                                        << u"it is a folder"_s;
    QTest::newRow("page into a missing folder")
        << QStringList{u"fleet"_s, u"DIR"_s, u"--html"_s, u"/nonexistent/x.html"_s} << 1
        << u"the page '/nonexistent/x.html' cannot be written"_s;
}

void FleetCliTest::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, code);
    QFETCH(QString, message);
    const QString empty = m_work.filePath(u"empty"_s);
    QDir().mkpath(empty);
    for (QString &argument : arguments) {
        argument.replace(u"EMPTY"_s, empty).replace(u"DIR"_s, m_fleet);
    }
    for (const bool json : {false, true}) {
        // --json first: the parser stops at an unknown option, and what follows it is not read.
        const Run result = derootctl(json ? QStringList{u"fleet"_s, u"--json"_s} + arguments.mid(1) : arguments);
        QCOMPARE(result.exitCode, code);
        QCOMPARE(result.err.count(u'\n'), 1);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        if (json) {
            const QJsonObject error = QJsonDocument::fromJson(result.out.toUtf8())[u"error"_s].toObject();
            QCOMPARE(error[u"code"_s].toInt(), code);
        } else {
            QCOMPARE(result.out, QString());
        }
    }
    QVERIFY(QDir(empty).isEmpty());
}

QTEST_GUILESS_MAIN(FleetCliTest)
#include "fleet_cli_test.moc"
