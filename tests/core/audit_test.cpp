// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The audit over a fixture /proc tree and a fixture file tree: which processes are listed (root or
// capabilities, never a kernel thread or an ordinary user's process), how they are grouped, which
// files are found where, and the JSON's shape. The real machine is audited in the host tests.
#include "core/inspect/audit.h"
#include "core/inspect/filecaps.h"
#include "requiretool.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/capability.h>
#include <sys/stat.h>

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

QTEST_GUILESS_MAIN(AuditTest)
#include "audit_test.moc"
