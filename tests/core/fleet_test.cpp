// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The fleet merge over folders of audit files: the audits are written by the real audit writer
// (toJson of an AuditReport), then spoiled one way each. Every file that is no audit is left out
// with one sentence naming it, the rest is still merged, and nothing a hostile host wrote reaches
// the text or the HTML page unescaped.
#include "core/fleet/fleet.h"
#include "core/inspect/audit.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Deroot::Core;

class FleetTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergeSortsByEffectivePrivilege();
    void hostileTextIsEscaped();
    void badFileIsLeftOut_data();
    void badFileIsLeftOut();
    void duplicateHosts();
    void unknownFieldsAreRead();
    void folderErrors_data();
    void folderErrors();
    void json();
};

namespace {

constexpr std::uint64_t kAll = 0x1ffffffffffULL; // CAP_CHOWN .. CAP_CHECKPOINT_RESTORE
constexpr std::uint64_t kNetRaw = 1ULL << 13;
constexpr std::uint64_t kNetBindService = 1ULL << 10;

AuditProcess process(int pid, const QString &name, const QString &exe, std::uint32_t uid, std::uint64_t eff,
                     const QString &unit = {})
{
    AuditProcess p;
    p.pid = pid;
    p.name = name;
    p.executable = exe;
    p.uid = uid;
    p.euid = uid;
    p.capEff = eff;
    p.capBnd = kAll;
    p.capAmb = uid == 0 ? 0 : eff;
    p.noNewPrivs = false;
    p.unit = unit;
    return p;
}

AuditGroup group(const QString &kind, const QString &key, const QList<AuditProcess> &processes,
                 const QString &suggestion = u"a suggestion"_s)
{
    return AuditGroup{kind, key, processes, suggestion};
}

/// One machine's audit as derootctl audit --json writes it: the real writer.
QByteArray auditOf(const QList<AuditGroup> &groups, const QList<AuditFile> &files = {})
{
    AuditReport report;
    report.processGroups = groups;
    report.files = files;
    report.processesSeen = 40;
    report.directories = {u"/usr/bin"_s};
    return QJsonDocument(toJson(report)).toJson();
}

QByteArray webAudit()
{
    AuditFile fping;
    fping.path = u"/usr/bin/fping"_s;
    fping.mode = 0755;
    FileCapabilities caps;
    caps.permitted = kNetRaw;
    caps.effective = true;
    caps.text = u"cap_net_raw=ep"_s;
    fping.capabilities = caps;
    fping.suggestion = u"file capabilities"_s;
    return auditOf({group(u"unit"_s, u"init.scope"_s,
                          {process(1, u"systemd"_s, u"/usr/lib/systemd/systemd"_s, 0, kAll, u"init.scope"_s)}),
                    group(u"unit"_s, u"nginx.service"_s,
                          {process(200, u"nginx"_s, u"/usr/sbin/nginx"_s, 0, kAll, u"nginx.service"_s),
                           process(201, u"nginx"_s, u"/usr/sbin/nginx"_s, 0, kAll, u"nginx.service"_s)})},
                   {fping});
}

QByteArray dbAudit()
{
    AuditFile sudo;
    sudo.path = u"/usr/bin/sudo"_s;
    sudo.mode = 04755;
    sudo.suggestion = u"set-uid root"_s;
    return auditOf({group(u"unit"_s, u"node-exporter.service"_s,
                          {process(300, u"node_exporter"_s, u"/usr/bin/node_exporter"_s, 65534, kNetBindService,
                                   u"node-exporter.service"_s)}),
                    group(u"executable"_s, u"/usr/sbin/chronyd"_s,
                          {process(400, u"chronyd"_s, u"/usr/sbin/chronyd"_s, 0, kAll & ~(1ULL << 21))})},
                   {sudo});
}

void write(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly) && file.write(content) == content.size(), qPrintable(path));
}

QString html(const FleetReport &report)
{
    return toHtml(report);
}

} // namespace

void FleetTest::mergeSortsByEffectivePrivilege()
{
    QTemporaryDir dir;
    write(dir.filePath(u"web1.json"_s), webAudit());
    write(dir.filePath(u"db1.json"_s), dbAudit());
    const auto report = mergeFleet(dir.path());
    QVERIFY2(bool(report), report ? "" : qPrintable(report.error().message));
    QCOMPARE(report->problems.size(), 0);
    QCOMPARE(report->hosts.size(), 2);
    QCOMPARE(report->hosts.at(0).name, u"db1"_s);
    QCOMPARE(report->hosts.at(1).name, u"web1"_s);
    QCOMPARE(report->hosts.at(1).processesSeen, 40);
    QCOMPARE(report->entries.size(), 6);

    QStringList order;
    for (const FleetEntry &entry : report->entries) {
        order.append(u"%1 %2 %3"_s.arg(entry.privilege.value).arg(entry.host, entry.key));
    }
    // Root rows first (100, host by host, processes before files), then fping's file capability
    // (CAP_NET_RAW 6 + everyone gets it 5), then the de-rooted exporter (CAP_NET_BIND_SERVICE 2).
    QCOMPARE(order,
             (QStringList{u"100 db1 /usr/sbin/chronyd"_s, u"100 db1 /usr/bin/sudo"_s, u"100 web1 init.scope"_s,
                          u"100 web1 nginx.service"_s, u"11 web1 /usr/bin/fping"_s, u"2 db1 node-exporter.service"_s}));
    const FleetEntry &init = report->entries.at(2);
    QVERIFY(init.byDesign);
    QVERIFY(!report->entries.at(3).byDesign);
    QCOMPARE(report->entries.at(3).pids, (QList<int>{200, 201}));
    QCOMPARE(report->entries.at(3).users, QStringList{u"root"_s});
    QCOMPARE(report->entries.at(3).privilege.verdict, u"root-level"_s);
    const FleetEntry &exporter = report->entries.last();
    QCOMPARE(exporter.key, u"node-exporter.service"_s);
    QVERIFY(!exporter.runsAsRoot);
    QCOMPARE(exporter.capabilities, QStringList{u"CAP_NET_BIND_SERVICE"_s});
    QCOMPARE(exporter.privilege.verdict, u"minimal"_s);
    QCOMPARE(report->hosts.at(0).highest, 100.0);
}

void FleetTest::hostileTextIsEscaped()
{
    QTemporaryDir dir;
    const QString evilName = u"<img src=x onerror=alert(1)>"_s;
    const QString evilKey = u"evil</td><script>alert(\"key\")</script>\n%2 forged line"_s;
    AuditProcess p = process(77, evilName, u"/usr/bin/<b>bold</b>"_s, 0, kAll, evilKey);
    const QByteArray audit = auditOf({group(u"unit"_s, evilKey, {p}, u"<style>body{display:none}</style>"_s)});
    write(dir.filePath(u"<script>alert(1)<\\script>%1.json"_s), audit);
    const auto report = mergeFleet(dir.path());
    QVERIFY(bool(report));
    QCOMPARE(report->hosts.size(), 1);
    QCOMPARE(report->entries.size(), 1);
    QCOMPARE(report->entries.first().key, evilKey); // kept as it was; escaped where shown

    const QString page = html(*report);
    for (const QString &raw : {u"<script"_s, u"<img"_s, u"<b>"_s, u"</td><script"_s, u"<style>body"_s}) {
        QVERIFY2(!page.contains(raw, Qt::CaseInsensitive), qPrintable(raw));
    }
    QVERIFY(page.contains(u"evil&lt;/td&gt;&lt;script&gt;alert(&quot;key&quot;)&lt;/script&gt;\\n%2 forged line"_s));
    QVERIFY(page.contains(u"&lt;style&gt;body{display:none}&lt;/style&gt;"_s));
    QVERIFY(page.contains(u"&lt;script&gt;alert(1)&lt;\\script&gt;%1"_s));
    // The page allows no script and no resource from anywhere.
    QVERIFY(page.contains(u"default-src 'none'"_s));
    // The text stays one line per row: the newline is shown escaped, "%2" is not substituted.
    const QString text = toText(*report);
    QVERIFY(text.contains(u"\\n%2 forged line"_s));
    QVERIFY(!text.contains(u"\n%2 forged line"_s));
    QVERIFY(!text.contains(u"\nforged"_s));
}

void FleetTest::badFileIsLeftOut_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("kind"); // "content", "symlink-loop", "symlink", "fifo", "directory", "huge"
    QTest::addColumn<QString>("expected");

    const QByteArray good = webAudit();
    QJsonObject document = QJsonDocument::fromJson(good).object();
    const auto with = [&document](const std::function<void(QJsonObject &)> &change) {
        QJsonObject copy = document;
        change(copy);
        return QJsonDocument(copy).toJson();
    };
    const auto firstProcess = [](QJsonObject &doc, const QString &field, const QJsonValue &value) {
        QJsonArray groups = doc[u"processes"_s].toArray();
        QJsonObject group = groups[1].toObject();
        QJsonArray processes = group[u"processes"_s].toArray();
        QJsonObject p = processes[0].toObject();
        p[field] = value;
        processes[0] = p;
        group[u"processes"_s] = processes;
        groups[1] = group;
        doc[u"processes"_s] = groups;
    };

    QTest::newRow("not JSON") << QByteArray("PLAY RECAP *****\n") << u"content"_s << u"not JSON"_s;
    QTest::newRow("truncated JSON") << good.left(good.size() / 2) << u"content"_s << u"not JSON"_s;
    QTest::newRow("empty") << QByteArray() << u"content"_s << u"the file is empty"_s;
    QTest::newRow("whitespace only") << QByteArray("\n \n") << u"content"_s << u"the file is empty"_s;
    QTest::newRow("an array") << QByteArray("[1, 2]") << u"content"_s << u"not a JSON object"_s;
    QTest::newRow("no schema") << with([](QJsonObject &d) { d.remove(u"schema"_s); }) << u"content"_s
                               << u"no \"schema\" field"_s;
    QTest::newRow("another schema") << with([](QJsonObject &d) { d[u"schema"_s] = u"deroot.inspect/1"_s; })
                                    << u"content"_s << u"its schema is 'deroot.inspect/1'"_s;
    QTest::newRow("a newer audit") << with([](QJsonObject &d) { d[u"schema"_s] = u"deroot.audit/2"_s; }) << u"content"_s
                                   << u"reads deroot.audit/1"_s;
    QTest::newRow("the host's error document")
        << QByteArray(R"({"error": {"code": 3, "message": "the process list cannot be read"}})") << u"content"_s
        << u"the audit failed on that host: 'the process list cannot be read' (exit code 3)"_s;
    QTest::newRow("processes missing") << with([](QJsonObject &d) { d.remove(u"processes"_s); }) << u"content"_s
                                       << u"at $.processes, expected a field that is missing"_s;
    QTest::newRow("pid a string") << with([&](QJsonObject &d) { firstProcess(d, u"pid"_s, u"200"_s); }) << u"content"_s
                                  << u"at $.processes[1].processes[0].pid, expected a whole number"_s;
    QTest::newRow("pid zero") << with([&](QJsonObject &d) { firstProcess(d, u"pid"_s, 0); }) << u"content"_s
                              << u"processes[0].pid, expected a whole number from 1"_s;
    QTest::newRow("uid 1e300") << with([&](QJsonObject &d) { firstProcess(d, u"uid"_s, 1e300); }) << u"content"_s
                               << u"processes[0].uid, expected a whole number from 0 to 4294967295"_s;
    QTest::newRow("uid fractional") << with([&](QJsonObject &d) { firstProcess(d, u"uid"_s, 0.5); }) << u"content"_s
                                    << u"processes[0].uid"_s;
    QTest::newRow("mask not hex") << with([&](QJsonObject &d) {
        firstProcess(d, u"capability_masks"_s,
                     QJsonObject{{u"effective"_s, u"zzzzzzzzzzzzzzzz"_s},
                                 {u"bounding"_s, u"000001ffffffffff"_s},
                                 {u"ambient"_s, u"0000000000000000"_s}});
    }) << u"content"_s << u"capability_masks.effective, expected 16 hexadecimal digits"_s;
    QTest::newRow("no processes in a group") << with([](QJsonObject &d) {
        QJsonArray groups = d[u"processes"_s].toArray();
        QJsonObject g = groups[0].toObject();
        g[u"processes"_s] = QJsonArray();
        groups[0] = g;
        d[u"processes"_s] = groups;
    }) << u"content"_s << u"at $.processes[0].processes, expected at least one process"_s;
    QTest::newRow("unknown kind") << with([](QJsonObject &d) {
        QJsonArray groups = d[u"processes"_s].toArray();
        QJsonObject g = groups[0].toObject();
        g[u"kind"_s] = u"<b>pod</b>"_s;
        groups[0] = g;
        d[u"processes"_s] = groups;
    }) << u"content"_s << u"at $.processes[0].kind, expected unit, executable or process"_s;
    QTest::newRow("relative file path") << with([](QJsonObject &d) {
        QJsonArray files = d[u"files"_s].toArray();
        QJsonObject f = files[0].toObject();
        f[u"path"_s] = u"../../etc/shadow"_s;
        files[0] = f;
        d[u"files"_s] = files;
    }) << u"content"_s << u"at $.files[0].path, expected an absolute path"_s;
    QTest::newRow("mode not octal") << with([](QJsonObject &d) {
        QJsonArray files = d[u"files"_s].toArray();
        QJsonObject f = files[0].toObject();
        f[u"mode"_s] = u"9999"_s;
        files[0] = f;
        d[u"files"_s] = files;
    }) << u"content"_s << u"at $.files[0].mode, expected four octal digits"_s;
    QTest::newRow("nested 100000 deep") << QByteArray(100000, '[') << u"content"_s << u"not JSON"_s;
    QTest::newRow("huge file") << QByteArray() << u"huge"_s << u"over the limit of 16777216 bytes"_s;
    QTest::newRow("symlink loop") << QByteArray() << u"symlink-loop"_s << u"a symbolic link"_s;
    QTest::newRow("symlink to an audit") << QByteArray() << u"symlink"_s << u"a symbolic link"_s;
    QTest::newRow("FIFO") << QByteArray() << u"fifo"_s << u"not a regular file"_s;
    QTest::newRow("directory") << QByteArray() << u"directory"_s << u"not a regular file"_s;
}

void FleetTest::badFileIsLeftOut()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    write(dir.filePath(u"good.json"_s), webAudit());
    const QString bad = dir.filePath(u"bad.json"_s);
    const QByteArray badPath = QFile::encodeName(bad);
    if (kind == u"content") {
        write(bad, content);
    } else if (kind == u"huge") {
        // Sparse: the size counts, not the disk; the merge must refuse it unread.
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(kFleetMaxFileBytes + 1));
    } else if (kind == u"symlink-loop") {
        QVERIFY(QFile::link(u"bad.json"_s, bad));
    } else if (kind == u"symlink") {
        QVERIFY(QFile::link(u"good.json"_s, bad));
    } else if (kind == u"fifo") {
        QCOMPARE(::mkfifo(badPath.constData(), 0600), 0);
    } else if (kind == u"directory") {
        QVERIFY(QDir().mkdir(bad));
    }
    const auto report = mergeFleet(dir.path());
    QVERIFY2(bool(report), report ? "" : qPrintable(report.error().message));
    QCOMPARE(report->hosts.size(), 1);
    QCOMPARE(report->hosts.first().name, u"good"_s);
    QCOMPARE(report->entries.size(), 3);
    QCOMPARE(report->problems.size(), 1);
    const FleetProblem &problem = report->problems.first();
    QCOMPARE(problem.file, u"bad.json"_s);
    QVERIFY2(problem.message.startsWith(u"'bad.json': "_s), qPrintable(problem.message));
    QVERIFY2(problem.message.contains(expected), qPrintable(problem.message));
    QVERIFY2(!problem.message.contains(u'\n'), qPrintable(problem.message));
    QVERIFY(toText(*report).contains(problem.message));
    QVERIFY(html(*report).contains(problem.message.toHtmlEscaped()));
}

void FleetTest::duplicateHosts()
{
    QTemporaryDir dir;
    write(dir.filePath(u"web1.json"_s), webAudit());
    write(dir.filePath(u"WEB1.json"_s), dbAudit());
    write(dir.filePath(u"web2.json"_s), webAudit()); // the same audit under another name is another host
    const auto report = mergeFleet(dir.path());
    QVERIFY(bool(report));
    QCOMPARE(report->hosts.size(), 2);
    QCOMPARE(report->hosts.at(0).name, u"WEB1"_s);
    QCOMPARE(report->hosts.at(1).name, u"web2"_s);
    QCOMPARE(report->problems.size(), 1);
    QCOMPARE(report->problems.first().message,
             u"'web1.json': a second audit of host 'web1', already read from 'WEB1.json' (host names are compared "
             u"ignoring case)"_s);
}

void FleetTest::unknownFieldsAreRead()
{
    // A newer derootctl may add fields without a new schema id (docs/audit-json.md).
    QJsonObject document = QJsonDocument::fromJson(webAudit()).object();
    document[u"machine_id"_s] = u"abc"_s;
    QJsonArray groups = document[u"processes"_s].toArray();
    QJsonObject g = groups[1].toObject();
    g[u"severity"_s] = u"high"_s;
    groups[1] = g;
    document[u"processes"_s] = groups;
    FleetHost host;
    host.name = u"web1"_s;
    const auto entries = readFleetAudit(QJsonDocument(document).toJson(), u"web1.json"_s, host);
    QVERIFY2(bool(entries), entries ? "" : qPrintable(entries.error().message));
    QCOMPARE(entries->size(), 3);
    QCOMPARE(host.entries, 3);
}

void FleetTest::folderErrors_data()
{
    QTest::addColumn<QString>("setup"); // "missing", "empty", "no json", "a file", "only bad"
    QTest::addColumn<int>("code");      // -1: merged, with every file left out
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing folder") << u"missing"_s << int(ExitCode::NotFound) << u"No such file or directory"_s;
    QTest::newRow("empty folder") << u"empty"_s << int(ExitCode::NotFound) << u"holds no host's audit"_s;
    QTest::newRow("no *.json in it") << u"no json"_s << int(ExitCode::NotFound) << u"holds no host's audit"_s;
    QTest::newRow("a file, not a folder") << u"a file"_s << int(ExitCode::BadTarget) << u"Not a directory"_s;
    QTest::newRow("every file bad") << u"only bad"_s << -1 << QString();
}

void FleetTest::folderErrors()
{
    QFETCH(QString, setup);
    QFETCH(int, code);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QString folder = dir.filePath(u"fleet"_s);
    if (setup == u"a file") {
        write(folder, webAudit());
    } else if (setup != u"missing") {
        QVERIFY(QDir().mkdir(folder));
    }
    if (setup == u"no json") {
        write(folder + u"/README"_s, "not an audit");
        write(folder + u"/.hidden.json"_s, webAudit());
    }
    if (setup == u"only bad") {
        write(folder + u"/a.json"_s, "{");
        write(folder + u"/b.json"_s, "[]");
        write(folder + u"/notes.txt"_s, "x");
    }
    const auto report = mergeFleet(folder);
    if (code < 0) {
        QVERIFY(bool(report));
        QCOMPARE(report->hosts.size(), 0);
        QCOMPARE(report->problems.size(), 2);
        QCOMPARE(report->ignored, QStringList{u"notes.txt"_s});
        return;
    }
    QVERIFY(!bool(report));
    QCOMPARE(int(report.error().code), code);
    QVERIFY2(report.error().message.contains(expected), qPrintable(report.error().message));
    QVERIFY2(report.error().message.contains(u"'"_s + folder + u"'"_s), qPrintable(report.error().message));
}

void FleetTest::json()
{
    QTemporaryDir dir;
    write(dir.filePath(u"web1.json"_s), webAudit());
    write(dir.filePath(u"db1.json"_s), dbAudit());
    write(dir.filePath(u"broken.json"_s), "{");
    const auto report = mergeFleet(dir.path());
    QVERIFY(bool(report));
    const QJsonObject document = toJson(*report);
    QCOMPARE(document[u"schema"_s].toString(), u"deroot.fleet/1"_s);
    QCOMPARE(document[u"summary"_s][u"hosts"_s].toInt(), 2);
    QCOMPARE(document[u"summary"_s][u"entries"_s].toInt(), 6);
    QCOMPARE(document[u"summary"_s][u"left_out"_s].toInt(), 1);
    QCOMPARE(document[u"summary"_s][u"root_level"_s].toInt(), 4);
    const QJsonArray entries = document[u"entries"_s].toArray();
    QCOMPARE(entries.size(), 6);
    const QJsonObject first = entries.first().toObject();
    QCOMPARE(first[u"host"_s].toString(), u"db1"_s);
    QCOMPARE(first[u"privilege"_s][u"score"_s].toDouble(), 100.0);
    QCOMPARE(first[u"privilege"_s][u"basis"_s].toString(), u"measured-process"_s);
    const QJsonObject fping = entries.at(4).toObject();
    QCOMPARE(fping[u"kind"_s].toString(), u"file"_s);
    QCOMPARE(fping[u"file_capabilities"_s].toString(), u"cap_net_raw=ep"_s);
    QCOMPARE(fping[u"privilege"_s][u"basis"_s].toString(), u"file-grants"_s);
    QCOMPARE(fping[u"privilege"_s][u"score"_s].toDouble(), 11.0);
    QCOMPARE(document[u"left_out"_s].toArray().first()[u"file"_s].toString(), u"broken.json"_s);
}

QTEST_GUILESS_MAIN(FleetTest)
#include "fleet_test.moc"
