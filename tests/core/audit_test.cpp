// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The audit over a fixture /proc tree and a fixture file tree: which processes are listed (root or
// capabilities, never a kernel thread or an ordinary user's process), how they are grouped, which
// files are found where, and the JSON's shape. The real machine is audited in the host tests.
#include "core/inspect/audit.h"
#include "core/inspect/auditrating.h"
#include "core/inspect/filecaps.h"
#include "requiretool.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/capability.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

using namespace Qt::StringLiterals;
using namespace Deroot::Core;

class AuditTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void processes();
    void files();
    void fileCapabilities();
    void json();
    void unreadableProcRoot();
    void groupRatings();
    void fileRatings();
    void standardSetIdSuggestion();
    void csv();

private:
    QTemporaryDir m_root;
    AuditOptions m_options;
};

namespace {

void write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
}

QByteArray status(const char *name, int uid, const char *capEff, const char *capBnd = "000001ffffffffff")
{
    const QByteArray id = QByteArray::number(uid);
    return "Name:\t" + QByteArray(name) + "\nUid:\t" + id + '\t' + id + '\t' + id + '\t' + id + "\nGid:\t" + id + '\t' +
           id + '\t' + id + '\t' + id + "\nGroups:\t\nCapInh:\t0000000000000000\nCapPrm:\t" + capEff + "\nCapEff:\t" +
           capEff + "\nCapBnd:\t" + capBnd + "\nCapAmb:\t0000000000000000\nNoNewPrivs:\t0\n";
}

void process(const QString &proc, int pid, const QByteArray &statusText, const char *cgroup, const char *exe,
             const QByteArray &statFlags = "4194560")
{
    const QString dir = proc + u'/' + QString::number(pid);
    write(dir + u"/status"_s, statusText);
    write(dir + u"/stat"_s, QByteArray::number(pid) + " (x) S 1 1 1 0 -1 " + statFlags + " 0 0 0 0 0 0 0 0 20 0 1 0 " +
                                QByteArray::number(pid * 10) + " 0 0 0\n");
    write(dir + u"/cmdline"_s, exe ? QByteArray(exe) + '\0' : QByteArray());
    write(dir + u"/cgroup"_s, "0::" + QByteArray(cgroup) + '\n');
    if (exe) {
        QFile::link(QString::fromLatin1(exe), dir + u"/exe"_s);
    }
}

void program(const QString &path, QFileDevice::Permissions permissions, mode_t extra = 0)
{
    write(path, "#!/bin/sh\n");
    QFile::setPermissions(path, permissions);
    if (extra != 0) {
        struct stat st{};
        ::stat(QFile::encodeName(path).constData(), &st);
        ::chmod(QFile::encodeName(path).constData(), (st.st_mode & 07777) | extra);
    }
}

const QJsonObject *groupByKey(const QList<QJsonObject> &groups, const QString &key)
{
    for (const QJsonObject &group : groups) {
        if (group.value(u"key"_s).toString() == key) {
            return &group;
        }
    }
    return nullptr;
}

AuditProcess proc(int pid, std::uint32_t uid, std::uint64_t eff, std::uint64_t bnd = 0x1ffffffffffULL)
{
    AuditProcess p;
    p.pid = pid;
    p.name = u"p"_s + QString::number(pid);
    p.uid = uid;
    p.euid = uid;
    p.capEff = eff;
    p.capBnd = bnd;
    return p;
}

AuditGroup group(const QString &kind, const QString &key, const QList<AuditProcess> &processes)
{
    AuditGroup g;
    g.kind = kind;
    g.key = key;
    g.processes = processes;
    return g;
}

AuditFile file(const QString &path, std::uint32_t uid, std::uint32_t mode)
{
    AuditFile f;
    f.path = path;
    f.uid = uid;
    f.mode = mode;
    return f;
}

// RFC 4180 as a spreadsheet reads it: quoted fields may hold commas, quotes (doubled) and line ends.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

void AuditTest::initTestCase()
{
    QVERIFY(m_root.isValid());
    const QString proc = m_root.path() + u"/proc"_s;
    process(proc, 1, status("systemd", 0, "000001ffffffffff"), "/init.scope", "/usr/lib/systemd/systemd");
    process(proc, 2, status("kthreadd", 0, "000001ffffffffff"), "/", nullptr, "2129984");
    process(proc, 90, status("systemd-journal", 0, "00000000a80425fb", "00000000a80425fb"),
            "/system.slice/systemd-journald.service", "/usr/lib/systemd/systemd-journald");
    process(proc, 100, status("agentd", 0, "000001ffffffffff"), "/system.slice/agent.service", "/usr/sbin/agentd");
    process(proc, 101, status("agentd", 0, "000001ffffffffff"), "/system.slice/agent.service", "/usr/sbin/agentd");
    process(proc, 200, status("chronyd", 110, "0000000002000000", "0000000002000000"),
            "/system.slice/chronyd-restricted.service", "/usr/sbin/chronyd");
    process(proc, 300, status("bash", 1000, "0000000000000000"), "/user.slice/user-1000.slice/session-1.scope",
            "/usr/bin/bash");
    process(proc, 400, status("stray", 0, "0000000000000000"), "/", "/opt/stray/bin/stray");
    // Gone between listing and reading: only stat is left.
    write(proc + u"/500/stat"_s, "500 (gone) S 1 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0 0\n");
    write(proc + u"/600/status"_s, "garbage\n");
    write(proc + u"/600/stat"_s, "600 (odd) S 1 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 6 0 0 0\n");
    QDir().mkpath(proc + u"/self"_s);
    QDir().mkpath(proc + u"/sys"_s);

    const QString files = m_root.path() + u"/root"_s;
    const auto exec = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                      QFileDevice::ReadOther | QFileDevice::ExeOther;
    program(files + u"/usr/bin/plain"_s, exec);
    program(files + u"/usr/bin/suid"_s, exec, S_ISUID);
    program(files + u"/usr/sbin/sgid"_s, exec, S_ISGID);
    program(files + u"/usr/lib/x86_64-linux-gnu/helper"_s, exec, S_ISUID);
    program(files + u"/usr/lib/too/deep/helper"_s, exec, S_ISUID); // two levels below /usr/lib: not searched
    program(files + u"/usr/local/sbin/local-suid"_s, exec, S_ISUID);
    program(files + u"/opt/elsewhere"_s, exec, S_ISUID);    // not a binary directory
    QVERIFY(QFile::link(u"usr/bin"_s, files + u"/bin"_s));  // merged /usr: searched once
    program(files + u"/sbin/legacy-suid"_s, exec, S_ISUID); // a real /sbin is searched
    QVERIFY(QFile::link(u"suid"_s, files + u"/usr/bin/link-to-suid"_s));

    m_options.environment.procRoot = QFile::encodeName(proc);
    m_options.environment.sysctlRoot = QFile::encodeName(proc + u"/sys"_s);
    m_options.environment.queryPackageManager = false;
    m_options.fileRoot = QFile::encodeName(files);
}

void AuditTest::processes()
{
    const auto report = audit(m_options);
    QVERIFY2(report, qPrintable(report.error().message));
    QStringList keys;
    for (const AuditGroup &group : report->processGroups) {
        keys.append(group.kind + u':' + group.key);
    }
    keys.sort();
    // Root processes and the capability holder; no kernel thread, no ordinary user's process.
    QVERIFY(keys.contains(u"unit:agent.service"_s));
    QVERIFY(keys.contains(u"unit:chronyd-restricted.service"_s));
    QVERIFY(keys.contains(u"unit:init.scope"_s));
    QVERIFY(keys.contains(u"unit:systemd-journald.service"_s));
    QVERIFY(keys.contains(u"executable:/opt/stray/bin/stray"_s));
    QCOMPARE(keys.size(), 5);
    QCOMPARE(report->kernelThreads, 1);
    for (const AuditGroup &group : report->processGroups) {
        QVERIFY(!group.suggestion.isEmpty());
        QVERIFY(!group.suggestion.contains(u'\n'));
        if (group.key == u"agent.service") {
            QCOMPARE(group.processes.size(), 2);
            QVERIFY2(group.suggestion.startsWith(u"runs as root with full capabilities"_s),
                     qPrintable(group.suggestion));
            QVERIFY(group.suggestion.contains(u"derootctl inspect --unit agent.service"_s));
        } else if (group.key == u"chronyd-restricted.service") {
            QVERIFY2(group.suggestion.contains(u"already de-rooted"_s), qPrintable(group.suggestion));
        } else if (group.key == u"init.scope") {
            QVERIFY2(group.suggestion.contains(u"PID 1"_s), qPrintable(group.suggestion));
        } else if (group.key == u"/opt/stray/bin/stray") {
            QVERIFY2(group.suggestion.contains(u"without capabilities"_s), qPrintable(group.suggestion));
        }
    }
    // The malformed status is a note; the vanished process is not.
    QCOMPARE(report->notes.size(), 1);
    QVERIFY2(report->notes.first().contains(u"PID 600"_s), qPrintable(report->notes.first()));
}

void AuditTest::files()
{
    const auto report = audit(m_options);
    QVERIFY2(report, qPrintable(report.error().message));
    QStringList paths;
    for (const AuditFile &file : report->files) {
        paths.append(file.path);
        QVERIFY(!file.suggestion.isEmpty());
    }
    paths.sort();
    const QStringList expected{u"/sbin/legacy-suid"_s, u"/usr/bin/suid"_s, u"/usr/lib/x86_64-linux-gnu/helper"_s,
                               u"/usr/local/sbin/local-suid"_s, u"/usr/sbin/sgid"_s};
    QCOMPARE(paths, expected);
    QVERIFY(!report->directories.contains(u"/bin"_s));
    QVERIFY(report->directories.contains(u"/sbin"_s));
    QVERIFY(report->directories.contains(u"/usr/lib/too"_s));
}

void AuditTest::fileCapabilities()
{
    // Setting file capabilities needs CAP_SETFCAP and a file system with security xattrs; the
    // build root runs the suite as root on tmpfs, so there it must work. A native build run by
    // another user skips, and leaves this part to the host tests.
    QTemporaryDir root;
    const QString bin = root.path() + u"/usr/bin"_s;
    const auto exec = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                      QFileDevice::ReadOther | QFileDevice::ExeOther;
    program(bin + u"/pinger"_s, exec);
    program(bin + u"/container-pinger"_s, exec);
    program(bin + u"/admin"_s, exec);
    const auto setCaps = [](const QString &path, const char *text, uid_t rootId) {
        cap_t caps = cap_from_text(text);
        if (rootId != 0) {
            cap_set_nsowner(caps, rootId);
        }
        const int rc = cap_set_file(QFile::encodeName(path).constData(), caps);
        const int error = errno;
        cap_free(caps);
        return rc == 0 ? 0 : error;
    };
    const int error = setCaps(bin + u"/pinger"_s, "cap_net_raw=ep", 0);
    DEROOT_REQUIRE_TOOL(error != EPERM && error != ENOTSUP && error != EOPNOTSUPP,
                        u"setting file capabilities (CAP_SETFCAP and security xattrs on "_s + root.path() + u')');
    QCOMPARE(error, 0);
    QCOMPARE(setCaps(bin + u"/container-pinger"_s, "cap_net_raw=ep", 100000), 0);
    QCOMPARE(setCaps(bin + u"/admin"_s, "cap_sys_admin,cap_net_raw=ep", 0), 0);

    AuditOptions options = m_options;
    options.fileRoot = QFile::encodeName(root.path());
    const auto report = audit(options);
    QVERIFY2(report, qPrintable(report.error().message));
    QCOMPARE(report->files.size(), 3);
    for (const AuditFile &file : report->files) {
        QVERIFY(file.capabilities);
        if (file.path == u"/usr/bin/pinger") {
            QCOMPARE(file.capabilities->text, u"cap_net_raw=ep"_s);
            QCOMPARE(file.capabilities->permitted, Q_UINT64_C(1) << 13);
            QVERIFY(!file.capabilities->rootId);
            QVERIFY2(file.suggestion.contains(u"package upgrade"_s), qPrintable(file.suggestion));
        } else if (file.path == u"/usr/bin/container-pinger") {
            QCOMPARE(file.capabilities->rootId, std::optional<std::uint32_t>(100000));
            QVERIFY2(file.suggestion.startsWith(u"namespaced capabilities"_s), qPrintable(file.suggestion));
        } else {
            QCOMPARE(file.path, u"/usr/bin/admin"_s);
            QVERIFY2(file.suggestion.contains(u"root-equivalent CAP_SYS_ADMIN"_s), qPrintable(file.suggestion));
        }
    }
}

void AuditTest::json()
{
    const auto report = audit(m_options);
    QVERIFY(report);
    const QJsonObject json = toJson(*report);
    QCOMPARE(json.value(u"schema"_s).toString(), u"deroot.audit/1"_s);
    QCOMPARE(json.value(u"summary"_s).toObject().value(u"kernel_threads_skipped"_s).toInt(), 1);
    QList<QJsonObject> groups;
    for (const QJsonValue &value : json.value(u"processes"_s).toArray()) {
        groups.append(value.toObject());
    }
    const QJsonObject *agent = groupByKey(groups, u"agent.service"_s);
    QVERIFY(agent);
    QCOMPARE(agent->value(u"kind"_s).toString(), u"unit"_s);
    QCOMPARE(agent->value(u"unit_manager"_s).toString(), u"system"_s);
    QCOMPARE(agent->value(u"runs_as_root"_s).toBool(), true);
    QCOMPARE(agent->value(u"processes"_s).toArray().size(), 2);
    const QJsonObject first = agent->value(u"processes"_s).toArray().first().toObject();
    QCOMPARE(first.value(u"pid"_s).toInt(), 100);
    QCOMPARE(first.value(u"executable"_s).toString(), u"/usr/sbin/agentd"_s);
    QCOMPARE(first.value(u"capability_masks"_s).toObject().value(u"effective"_s).toString(), u"000001ffffffffff"_s);
    const QJsonObject *chrony = groupByKey(groups, u"chronyd-restricted.service"_s);
    QVERIFY(chrony);
    QCOMPARE(chrony->value(u"runs_as_root"_s).toBool(), false);
    QCOMPARE(chrony->value(u"capabilities_effective"_s).toArray(), QJsonArray{u"CAP_SYS_TIME"_s});
    const QJsonArray files = json.value(u"files"_s).toArray();
    QCOMPARE(files.size(), 5);
    const QJsonObject suid = files.at(0).toObject();
    QCOMPARE(suid.value(u"path"_s).toString(), u"/usr/bin/suid"_s);
    QCOMPARE(suid.value(u"setuid"_s).toBool(), true);
    QCOMPARE(suid.value(u"mode"_s).toString(), u"4705"_s);
    QVERIFY(suid.value(u"capabilities"_s).isNull());
    QVERIFY(!toText(*report).isEmpty());

    // Every row carries the severity and the expected category the audit window shows, from the
    // same rating; the fixture's rows span several severities, so a constant could not pass.
    QCOMPARE(agent->value(u"severity"_s).toString(), u"critical"_s);
    QVERIFY(agent->value(u"expected"_s).isNull());
    QCOMPARE(suid.value(u"severity"_s).toString(), u"high"_s);
    QSet<QString> seen;
    // The row says what the window's rating says.
    const auto checkRating = [&seen](const QJsonObject &row, const AuditRating &rating) {
        QCOMPARE(row.value(u"severity"_s).toString(), severityId(rating.severity));
        QCOMPARE(row.value(u"expected"_s).isNull(), rating.expected == AuditExpected::No);
        QCOMPARE(row.value(u"expected"_s).toString(), auditExpectedId(rating.expected));
        seen.insert(row.value(u"severity"_s).toString());
    };
    const QJsonArray groupArray = json.value(u"processes"_s).toArray();
    QCOMPARE(groupArray.size(), report->processGroups.size());
    for (qsizetype i = 0; i < groupArray.size(); ++i) {
        const QJsonObject row = groupArray.at(i).toObject();
        const AuditGroup &group = report->processGroups.at(i);
        QCOMPARE(row.value(u"key"_s).toString(), group.key);
        checkRating(row, rateAuditGroup(group));
        if (QTest::currentTestFailed()) {
            return;
        }
    }
    QCOMPARE(files.size(), report->files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QJsonObject row = files.at(i).toObject();
        const AuditFile &file = report->files.at(i);
        QCOMPARE(row.value(u"path"_s).toString(), file.path);
        checkRating(row, rateAuditFile(file));
        if (QTest::currentTestFailed()) {
            return;
        }
    }
    QVERIFY2(seen.size() >= 3, qPrintable(QStringList(seen.cbegin(), seen.cend()).join(u' ')));
}

void AuditTest::unreadableProcRoot()
{
    AuditOptions options = m_options;
    options.environment.procRoot = QFile::encodeName(m_root.path() + u"/missing"_s);
    const auto report = audit(options);
    QVERIFY(!report);
    QCOMPARE(report.error().code, ExitCode::Unavailable);
    QVERIFY2(report.error().message.contains(u"the process list cannot be read"_s), qPrintable(report.error().message));
}

void AuditTest::groupRatings()
{
    constexpr std::uint64_t all = 0x1ffffffffffULL;
    constexpr std::uint64_t sysTime = 1ULL << 25;
    constexpr std::uint64_t sysAdmin = 1ULL << 21;
    constexpr std::uint64_t netBind = 1ULL << 10;
    struct Case
    {
        AuditGroup group;
        Severity severity;
        AuditExpected expected;
    };
    const QList<Case> cases{
        // Privileged by design: PID 1 wherever it runs, systemd's units, users' managers.
        {group(u"executable"_s, u"/sbin/init"_s, {proc(1, 0, all)}), Severity::Info, AuditExpected::ServiceManager},
        {group(u"unit"_s, u"init.scope"_s, {proc(1, 0, all)}), Severity::Info, AuditExpected::ServiceManager},
        {group(u"unit"_s, u"systemd-journald.service"_s, {proc(90, 0, 0xa80425fb, 0xa80425fb)}), Severity::Info,
         AuditExpected::Systemd},
        {group(u"unit"_s, u"user@1000.service"_s, {proc(700, 1000, 0)}), Severity::Info, AuditExpected::UserManager},
        // Root: every capability its bounding set allows, some, none.
        {group(u"unit"_s, u"agent.service"_s, {proc(100, 0, all)}), Severity::Critical, AuditExpected::No},
        {group(u"unit"_s, u"agent.service"_s, {proc(100, 0, 0xa80425fb, 0xa80425fb)}), Severity::Critical,
         AuditExpected::No},
        {group(u"unit"_s, u"agent.service"_s, {proc(100, 0, netBind)}), Severity::High, AuditExpected::No},
        {group(u"executable"_s, u"/opt/stray"_s, {proc(400, 0, 0)}), Severity::Medium, AuditExpected::No},
        // Another user: root-equivalent capabilities or others only.
        {group(u"unit"_s, u"chrony.service"_s, {proc(200, 110, sysTime, sysTime)}), Severity::Low, AuditExpected::No},
        {group(u"unit"_s, u"odd.service"_s, {proc(201, 110, sysAdmin, sysAdmin)}), Severity::High, AuditExpected::No},
        // The worst process of a group rates it.
        {group(u"executable"_s, u"/usr/bin/sleep"_s, {proc(300, 110, netBind), proc(301, 0, all)}), Severity::Critical,
         AuditExpected::No},
        // A root login session: an admin at work.
        {group(u"unit"_s, u"session-3.scope"_s, {proc(500, 0, all)}), Severity::Low, AuditExpected::No},
    };
    for (const Case &c : cases) {
        const AuditRating rating = rateAuditGroup(c.group);
        QVERIFY2(rating.severity == c.severity && rating.expected == c.expected,
                 qPrintable(c.group.key + u": "_s + severityId(rating.severity) + u", "_s +
                            auditExpectedId(rating.expected)));
    }
    // The fixture's own groups, as the audit found them.
    const auto report = audit(m_options);
    QVERIFY2(report, qPrintable(report.error().message));
    for (const AuditGroup &g : report->processGroups) {
        const AuditRating rating = rateAuditGroup(g);
        if (g.key == u"init.scope") {
            QCOMPARE(rating.expected, AuditExpected::ServiceManager);
        } else if (g.key == u"agent.service") {
            QCOMPARE(rating.severity, Severity::Critical);
        } else if (g.key == u"/opt/stray/bin/stray") {
            QCOMPARE(rating.severity, Severity::Medium);
        }
    }
}

void AuditTest::fileRatings()
{
    FileCapabilities raw;
    raw.permitted = 1ULL << 13; // CAP_NET_RAW
    raw.effective = true;
    raw.text = u"cap_net_raw=ep"_s;
    FileCapabilities admin;
    admin.permitted = 1ULL << 21; // CAP_SYS_ADMIN
    admin.text = u"cap_sys_admin=ep"_s;
    AuditFile fping = file(u"/usr/bin/fping"_s, 0, 0755);
    fping.capabilities = raw;
    AuditFile adminTool = file(u"/usr/bin/tool"_s, 0, 0755);
    adminTool.capabilities = admin;
    AuditFile pingWithCaps = file(u"/usr/bin/passwd"_s, 0, 04755);
    pingWithCaps.capabilities = raw; // a standard name carrying file capabilities is no longer standard
    struct Case
    {
        AuditFile file;
        Severity severity;
        AuditExpected expected;
    };
    const QList<Case> cases{
        {file(u"/usr/bin/passwd"_s, 0, 04755), Severity::Info, AuditExpected::SetIdProgram},
        {file(u"/usr/bin/su"_s, 0, 04755), Severity::Info, AuditExpected::SetIdProgram},
        {file(u"/usr/bin/sudo"_s, 0, 04755), Severity::Info, AuditExpected::SetIdProgram},
        {file(u"/usr/bin/mount"_s, 0, 04755), Severity::Info, AuditExpected::SetIdProgram},
        {file(u"/usr/bin/pkexec"_s, 0, 04755), Severity::Info, AuditExpected::SetIdProgram},
        {file(u"/usr/lib/polkit-1/polkit-agent-helper-1"_s, 0, 04755), Severity::Info, AuditExpected::SetIdProgram},
        {file(u"/usr/sbin/unix_chkpwd"_s, 0, 02755), Severity::Info, AuditExpected::SetIdProgram},
        // Not what the distribution ships: below /usr/local, owned by another user, writable by a
        // group, or an unknown name.
        {file(u"/usr/local/bin/passwd"_s, 0, 04755), Severity::High, AuditExpected::No},
        {file(u"/usr/bin/passwd"_s, 1000, 04755), Severity::Medium, AuditExpected::No},
        {file(u"/usr/bin/passwd"_s, 0, 04775), Severity::High, AuditExpected::No},
        {file(u"/usr/bin/suid-shell"_s, 0, 04755), Severity::High, AuditExpected::No},
        {file(u"/usr/bin/games"_s, 0, 02755), Severity::Low, AuditExpected::No},
        {fping, Severity::Low, AuditExpected::No},
        {adminTool, Severity::High, AuditExpected::No},
        {pingWithCaps, Severity::High, AuditExpected::No},
    };
    for (const Case &c : cases) {
        const AuditRating rating = rateAuditFile(c.file);
        QVERIFY2(rating.severity == c.severity && rating.expected == c.expected,
                 qPrintable(c.file.path + u" "_s + QString::number(c.file.mode, 8) + u": "_s +
                            severityId(rating.severity) + u", "_s + auditExpectedId(rating.expected)));
    }
}

void AuditTest::standardSetIdSuggestion()
{
    // The audit's own suggestion for passwd: not "keep it only if it must (passwd, su, ...)".
    if (::geteuid() != 0) {
        QSKIP("the fixture's programs must be owned by root: run as root (the build root does)");
    }
    QTemporaryDir root;
    const auto exec = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                      QFileDevice::ReadOther | QFileDevice::ExeOther;
    program(root.filePath(u"usr/bin/passwd"_s), exec, S_ISUID);
    program(root.filePath(u"usr/local/bin/passwd"_s), exec, S_ISUID);
    AuditOptions options = m_options;
    options.fileRoot = QFile::encodeName(root.path());
    const auto report = audit(options);
    QVERIFY2(report, qPrintable(report.error().message));
    QCOMPARE(report->files.size(), 2);
    for (const AuditFile &f : report->files) {
        if (f.path == u"/usr/bin/passwd") {
            QVERIFY2(!f.suggestion.contains(u"keep it only if it must"_s), qPrintable(f.suggestion));
            QVERIFY2(f.suggestion.contains(u"standard set-uid"_s), qPrintable(f.suggestion));
        } else {
            QVERIFY2(f.suggestion.contains(u"keep it only if it must"_s), qPrintable(f.suggestion));
        }
    }
}

void AuditTest::csv()
{
    const auto report = audit(m_options);
    QVERIFY2(report, qPrintable(report.error().message));
    AuditReport hostile = *report;
    AuditFile odd = file(u"/usr/bin/a,\"b\"\nc"_s, 0, 04755);
    odd.suggestion = u"=HYPERLINK(\"x\")"_s;
    hostile.files.append(odd);
    const QString text = toCsv(hostile);
    QVERIFY(text.endsWith(u"\r\n"_s));
    const QList<QStringList> rows = parseCsv(text);
    int processes = 0;
    for (const AuditGroup &g : hostile.processGroups) {
        processes += int(g.processes.size());
    }
    QCOMPARE(rows.size(), 1 + processes + hostile.files.size());
    const QStringList header{u"type"_s, u"severity"_s, u"expected"_s, u"key"_s,  u"pid"_s,          u"name"_s,
                             u"path"_s, u"unit"_s,     u"user"_s,     u"mode"_s, u"capabilities"_s, u"suggestion"_s};
    QCOMPARE(rows.first(), header);
    for (const QStringList &row : rows) {
        QCOMPARE(row.size(), header.size());
    }
    const auto find = [&rows](const QString &type, const QString &pidOrPath) -> QStringList {
        for (const QStringList &row : rows) {
            if (row.at(0) == type && (row.at(4) == pidOrPath || row.at(3) == pidOrPath)) {
                return row;
            }
        }
        return {};
    };
    const QStringList agent = find(u"process"_s, u"100"_s);
    QCOMPARE(agent.value(1), u"critical"_s);
    QCOMPARE(agent.value(3), u"agent.service"_s);
    QCOMPARE(agent.value(6), u"/usr/sbin/agentd"_s);
    QCOMPARE(agent.value(7), u"agent.service"_s);
    QVERIFY(agent.value(10).contains(u"CAP_SYS_ADMIN"_s));
    QCOMPARE(find(u"process"_s, u"1"_s).value(2), u"service-manager"_s);
    QCOMPARE(find(u"process"_s, u"90"_s).value(2), u"systemd"_s);
    // Quoted as it was; a formula is defused with an apostrophe.
    const QStringList oddRow = find(u"file"_s, odd.path);
    QCOMPARE(oddRow.value(9), u"4755"_s);
    QCOMPARE(oddRow.value(11), u"'=HYPERLINK(\"x\")"_s);
}

QTEST_GUILESS_MAIN(AuditTest)
#include "audit_test.moc"
