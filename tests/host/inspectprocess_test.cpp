// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The process and unit inspectors and the audit against the real kernel and systemd of the booted
// test host, through the installed derootctl: a system user's service listening on port 80 with
// CAP_NET_BIND_SERVICE, one holding a packet socket with CAP_NET_RAW, the distribution's own units,
// and an audit compared with an independent listing (ps, /proc/PID/status, getcap, find).
// Runs as root in the test host.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

class InspectProcessTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void port80Listener();
    void packetSocket();
    void restrictedChronyUnit();
    void runningDistributionUnit();
    void missingUnit();
    void exitedProcess();
    void asAnOrdinaryUser();
    void auditListsRootDaemonsAndCapabilityFilesOnly();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run run(const QString &program, const QStringList &arguments);
    static QJsonObject json(const Run &result);
    int startService(const QString &unit, const QStringList &properties, const QStringList &probeArguments);
};

namespace {
const QString kUser = u"deroot-agent"_s;
const QString kProbe = u"/usr/local/libexec/deroot-portprobe"_s;
const QString kDerootctl = u"/usr/bin/derootctl"_s;
const QStringList kUnits{u"deroot-port80.service"_s, u"deroot-packet.service"_s};

bool hasReason(const QJsonArray &reasons, const QString &source, const QString &text)
{
    for (const QJsonValue &reason : reasons) {
        if (reason[u"source"_s].toString() == source && reason[u"text"_s].toString().contains(text)) {
            return true;
        }
    }
    return false;
}

QJsonObject capabilityNeed(const QJsonObject &document, const QString &name)
{
    for (const QJsonValue &need : document[u"needs"_s][u"capabilities"_s].toArray()) {
        if (need[u"name"_s].toString() == name) {
            return need.toObject();
        }
    }
    return {};
}

QStringList names(const QJsonArray &array, const QString &key)
{
    QStringList list;
    for (const QJsonValue &value : array) {
        list.append(key.isEmpty() ? value.toString() : value[key].toVariant().toString());
    }
    return list;
}
} // namespace

InspectProcessTest::Run InspectProcessTest::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        return {-1, process.readAllStandardOutput(), process.readAllStandardError() + "\n(timed out or crashed)"};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QJsonObject InspectProcessTest::json(const Run &result)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        qWarning("not a JSON object: %s\n%s", result.out.left(2000).constData(), result.err.constData());
        return {};
    }
    return document.object();
}

void InspectProcessTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    QVERIFY2(QFile::exists(kDerootctl), "the build is not installed");
    if (run(u"id"_s, {u"-u"_s, kUser}).exitCode != 0) {
        const Run added = run(u"useradd"_s, {u"--system"_s, u"--no-create-home"_s, u"--home-dir"_s, u"/nonexistent"_s,
                                             u"--shell"_s, u"/usr/sbin/nologin"_s, kUser});
        QVERIFY2(added.exitCode == 0, added.err.constData());
    }
    // The probe in the build tree may sit below a directory the user cannot enter.
    QFile::remove(kProbe);
    QVERIFY(run(u"install"_s, {u"-D"_s, u"-m"_s, u"0755"_s, QStringLiteral(PORTPROBE_PATH), kProbe}).exitCode == 0);
}

void InspectProcessTest::cleanup()
{
    for (const QString &unit : kUnits) {
        run(u"systemctl"_s, {u"stop"_s, unit});
        run(u"systemctl"_s, {u"reset-failed"_s, unit});
    }
}

// Starts the probe as a transient service of the unprivileged user and returns its main PID once
// it says it is ready (its sockets exist then).
int InspectProcessTest::startService(const QString &unit, const QStringList &properties,
                                     const QStringList &probeArguments)
{
    QStringList arguments{u"--unit"_s,        unit,    u"--collect"_s,          u"-p"_s,
                          u"User="_s + kUser, u"-p"_s, u"NoNewPrivileges=yes"_s};
    for (const QString &property : properties) {
        arguments << u"-p"_s << property;
    }
    arguments << kProbe << probeArguments;
    const Run started = run(u"systemd-run"_s, arguments);
    if (started.exitCode != 0) {
        qWarning("systemd-run: %s", started.err.constData());
        return 0;
    }
    for (int attempt = 0; attempt < 100; ++attempt) {
        const Run log = run(u"journalctl"_s, {u"-u"_s, unit, u"-o"_s, u"cat"_s, u"--no-pager"_s});
        const Run pid = run(u"systemctl"_s, {u"show"_s, u"-p"_s, u"MainPID"_s, u"--value"_s, unit});
        if (log.out.contains("ready") && pid.out.trimmed().toInt() > 0) {
            return pid.out.trimmed().toInt();
        }
        QThread::msleep(100);
    }
    qWarning("%s did not get ready", qPrintable(unit));
    return 0;
}

void InspectProcessTest::port80Listener()
{
    const int pid =
        startService(u"deroot-port80.service"_s,
                     {u"AmbientCapabilities=CAP_NET_BIND_SERVICE"_s, u"CapabilityBoundingSet=CAP_NET_BIND_SERVICE"_s},
                     {u"--port"_s, u"80"_s});
    QVERIFY(pid > 0);
    const Run result = run(kDerootctl, {u"inspect"_s, u"--pid"_s, QString::number(pid), u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject document = json(result);
    QCOMPARE(document[u"target"_s][u"pid"_s].toInt(), pid);
    const QJsonObject process = document[u"process"_s].toObject();
    QCOMPARE(process[u"user"_s].toString(), kUser);
    QCOMPARE(process[u"unit"_s].toString(), u"deroot-port80.service"_s);
    QCOMPARE(process[u"executable"_s].toString(), kProbe);
    QCOMPARE(names(process[u"capabilities"_s][u"effective"_s].toArray(), {}), QStringList{u"CAP_NET_BIND_SERVICE"_s});
    QCOMPARE(process[u"no_new_privs"_s].toBool(), true);

    const QJsonArray ports = document[u"needs"_s][u"listen_ports"_s].toArray();
    QCOMPARE(ports.size(), 1);
    QCOMPARE(ports[0][u"port"_s].toInt(), 80);
    QCOMPARE(ports[0][u"protocol"_s].toString(), u"tcp"_s);
    QCOMPARE(ports[0][u"address"_s].toString(), u"0.0.0.0"_s);
    const QJsonObject bind = capabilityNeed(document, u"CAP_NET_BIND_SERVICE"_s);
    QVERIFY2(!bind.isEmpty(), result.out.constData());
    const QJsonArray reasons = bind[u"reasons"_s].toArray();
    QVERIFY2(hasReason(reasons, u"process"_s, u"listens on tcp 0.0.0.0:80"_s), result.out.constData());
    // The live sysctl of the test host (default 1024) and that it applied.
    const QByteArray start = run(u"sysctl"_s, {u"-n"_s, u"net.ipv4.ip_unprivileged_port_start"_s}).out.trimmed();
    QVERIFY2(hasReason(reasons, u"kernel"_s, u"net.ipv4.ip_unprivileged_port_start is "_s + QString::fromLatin1(start)),
             result.out.constData());
    QVERIFY(!document[u"findings"_s].toArray().isEmpty());

    // The same service through its unit: the grant and the evidence side by side.
    const Run unit = run(kDerootctl, {u"inspect"_s, u"--unit"_s, u"deroot-port80.service"_s, u"--json"_s});
    QVERIFY2(unit.exitCode == 0, unit.err.constData());
    const QJsonObject unitDocument = json(unit);
    QCOMPARE(unitDocument[u"unit"_s][u"user"_s].toString(), kUser);
    QCOMPARE(unitDocument[u"unit"_s][u"main_pid"_s].toInt(), pid);
    QCOMPARE(names(unitDocument[u"unit"_s][u"ambient_capabilities"_s].toArray(), {}),
             QStringList{u"CAP_NET_BIND_SERVICE"_s});
    const QJsonArray unitReasons = capabilityNeed(unitDocument, u"CAP_NET_BIND_SERVICE"_s)[u"reasons"_s].toArray();
    QVERIFY2(hasReason(unitReasons, u"unit"_s, u"AmbientCapabilities="_s), unit.out.constData());
    QVERIFY2(hasReason(unitReasons, u"process"_s, u"listens on tcp 0.0.0.0:80"_s), unit.out.constData());
}

void InspectProcessTest::packetSocket()
{
    const int pid =
        startService(u"deroot-packet.service"_s,
                     {u"AmbientCapabilities=CAP_NET_RAW"_s, u"CapabilityBoundingSet=CAP_NET_RAW"_s}, {u"--packet"_s});
    QVERIFY(pid > 0);
    const Run result = run(kDerootctl, {u"inspect"_s, u"--pid"_s, QString::number(pid), u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject document = json(result);
    const QJsonObject raw = capabilityNeed(document, u"CAP_NET_RAW"_s);
    QVERIFY2(hasReason(raw[u"reasons"_s].toArray(), u"process"_s, u"packet socket (AF_PACKET, SOCK_RAW, ETH_P_ALL"_s),
             result.out.constData());
    QVERIFY(names(document[u"needs"_s][u"address_families"_s].toArray(), u"name"_s).contains(u"AF_PACKET"_s));
    QVERIFY(document[u"needs"_s][u"listen_ports"_s].toArray().isEmpty());
    QVERIFY(capabilityNeed(document, u"CAP_NET_BIND_SERVICE"_s).isEmpty());

    // Text output: a readable report, exit 0.
    const Run text = run(kDerootctl, {u"inspect"_s, u"--pid"_s, QString::number(pid)});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("CAP_NET_RAW"));
}

void InspectProcessTest::restrictedChronyUnit()
{
    // Debian ships chronyd-restricted.service: User=_chrony with CAP_SYS_TIME alone. Not started:
    // chronyd would steer the clock the test host shares with the machine.
    const Run result = run(kDerootctl, {u"inspect"_s, u"--unit"_s, u"chronyd-restricted.service"_s, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject document = json(result);
    const QJsonObject unit = document[u"unit"_s].toObject();
    QCOMPARE(unit[u"user"_s].toString(), u"_chrony"_s);
    QCOMPARE(names(unit[u"ambient_capabilities"_s].toArray(), {}), QStringList{u"CAP_SYS_TIME"_s});
    QCOMPARE(names(unit[u"capability_bounding_set"_s].toArray(), {}), QStringList{u"CAP_SYS_TIME"_s});
    QCOMPARE(unit[u"exec_start"_s][0][u"path"_s].toString(), u"/usr/sbin/chronyd"_s);
    QCOMPARE(unit[u"no_new_privileges"_s].toBool(), true);
    QCOMPARE(unit[u"fragment_path"_s].toString(), u"/usr/lib/systemd/system/chronyd-restricted.service"_s);
    QVERIFY(unit[u"main_pid"_s].isNull());
    const QJsonArray capabilities = document[u"needs"_s][u"capabilities"_s].toArray();
    QVERIFY(names(capabilities, u"name"_s).contains(u"CAP_SYS_TIME"_s));
    // The program was inspected as a file too.
    QCOMPARE(document[u"file"_s][u"package"_s].toString(), u"chrony"_s);
}

void InspectProcessTest::runningDistributionUnit()
{
    // prometheus-node-exporter runs as its own user on port 9100: no capability is needed for it.
    QVERIFY(run(u"systemctl"_s, {u"start"_s, u"prometheus-node-exporter.service"_s}).exitCode == 0);
    QJsonObject document;
    for (int attempt = 0; attempt < 50; ++attempt) {
        const Run result =
            run(kDerootctl, {u"inspect"_s, u"--unit"_s, u"prometheus-node-exporter.service"_s, u"--json"_s});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        document = json(result);
        if (!document[u"needs"_s][u"listen_ports"_s].toArray().isEmpty()) {
            break;
        }
        QThread::msleep(100);
    }
    const QJsonObject unit = document[u"unit"_s].toObject();
    QCOMPARE(unit[u"user"_s].toString(), u"prometheus"_s);
    QCOMPARE(unit[u"runs_as_root"_s].toBool(), false);
    QVERIFY(unit[u"main_pid"_s].toInt() > 0);
    QCOMPARE(document[u"process"_s][u"user"_s].toString(), u"prometheus"_s);
    QVERIFY(names(document[u"needs"_s][u"listen_ports"_s].toArray(), u"port"_s).contains(u"9100"_s));
    QVERIFY(capabilityNeed(document, u"CAP_NET_BIND_SERVICE"_s).isEmpty());
}

void InspectProcessTest::missingUnit()
{
    const Run result = run(kDerootctl, {u"inspect"_s, u"--unit"_s, u"deroot-no-such-unit.service"_s});
    QCOMPARE(result.exitCode, 4);
    QCOMPARE(result.err, QByteArray("derootctl: inspect: unit 'deroot-no-such-unit.service' does not exist\n"));
    QVERIFY(result.out.isEmpty());
}

void InspectProcessTest::exitedProcess()
{
    QProcess process;
    process.start(u"true"_s, {});
    QVERIFY(process.waitForStarted());
    const qint64 pid = process.processId();
    QVERIFY(process.waitForFinished());
    const Run result = run(kDerootctl, {u"inspect"_s, u"--pid"_s, QString::number(pid)});
    QCOMPARE(result.exitCode, 4);
}

void InspectProcessTest::asAnOrdinaryUser()
{
    // Another user's process: its status is world-readable, its executable and descriptors are not.
    const QStringList asUser{u"--reuid"_s, kUser, u"--regid"_s, kUser, u"--clear-groups"_s, kDerootctl};
    const Run inspect = run(u"setpriv"_s, asUser + QStringList{u"inspect"_s, u"--pid"_s, u"1"_s});
    QCOMPARE(inspect.exitCode, 6);
    QCOMPARE(inspect.err,
             QByteArray("derootctl: inspect: PID 1 cannot be inspected: reading its executable was refused "
                        "(permission denied); run as root or as the process's user\n"));
    // The audit still lists root's processes from their status, and says what it could not see.
    const Run audit = run(u"setpriv"_s, asUser + QStringList{u"audit"_s, u"--json"_s});
    QVERIFY2(audit.exitCode == 0, audit.err.constData());
    const QJsonObject document = json(audit);
    QVERIFY(names(document[u"processes"_s].toArray(), u"key"_s).contains(u"init.scope"_s));
    QVERIFY2(names(document[u"notes"_s].toArray(), {}).join(u'\n').contains(u"Run the audit as root"_s),
             audit.out.constData());
}

void InspectProcessTest::auditListsRootDaemonsAndCapabilityFilesOnly()
{
    // An independent listing before and after: processes in both must be listed, processes in
    // neither must not (the ones in between may have started or exited meanwhile).
    const auto privileged = []() {
        QSet<int> pids;
        const Run ps = run(u"ps"_s, {u"-eo"_s, u"pid=,ruid=,euid="_s});
        for (const QByteArray &line : ps.out.split('\n')) {
            const QList<QByteArray> f = line.simplified().split(' ');
            if (f.size() != 3) {
                continue;
            }
            QFile status(u"/proc/"_s + QString::fromLatin1(f[0]) + u"/status"_s);
            const QByteArray text = status.open(QIODevice::ReadOnly) ? status.readAll() : QByteArray();
            const auto match = QRegularExpression(u"CapEff:\\s*([0-9a-f]+)"_s).match(QString::fromLatin1(text));
            const bool caps = match.hasMatch() && match.captured(1).toULongLong(nullptr, 16) != 0;
            if (f[1] == "0" || f[2] == "0" || caps) {
                pids.insert(f[0].toInt());
            }
        }
        return pids;
    };
    const QSet<int> before = privileged();
    const Run result = run(kDerootctl, {u"audit"_s, u"--json"_s});
    const QSet<int> after = privileged();
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject document = json(result);
    QCOMPARE(document[u"schema"_s].toString(), u"deroot.audit/1"_s);

    QSet<int> listed;
    QSet<QString> units;
    for (const QJsonValue &group : document[u"processes"_s].toArray()) {
        units.insert(group[u"key"_s].toString());
        QVERIFY(!group[u"suggestion"_s].toString().isEmpty());
        for (const QJsonValue &process : group[u"processes"_s].toArray()) {
            listed.insert(process[u"pid"_s].toInt());
        }
    }
    const QSet<int> stable = QSet<int>(before).intersect(after);
    const QSet<int> possible = QSet<int>(before).unite(after);
    const auto text = [](const QSet<int> &set) {
        QStringList list;
        for (const int pid : set) {
            list.append(QString::number(pid));
        }
        list.sort();
        return list.join(u' ');
    };
    QVERIFY2(QSet<int>(stable).subtract(listed).isEmpty(),
             qPrintable(u"not listed: "_s + text(QSet<int>(stable).subtract(listed))));
    QVERIFY2(QSet<int>(listed).subtract(possible).isEmpty(),
             qPrintable(u"listed but neither root nor capable: "_s + text(QSet<int>(listed).subtract(possible))));
    for (const QString &unit : {u"init.scope"_s, u"systemd-journald.service"_s, u"systemd-logind.service"_s}) {
        QVERIFY2(units.contains(unit), qPrintable(unit + u" missing from "_s + QStringList(units.values()).join(u' ')));
    }
    // Whoever is listed without being root holds a capability (dbus-daemon keeps CAP_AUDIT_WRITE).
    for (const QJsonValue &group : document[u"processes"_s].toArray()) {
        for (const QJsonValue &process : group[u"processes"_s].toArray()) {
            if (process[u"uid"_s].toInt() != 0 && process[u"euid"_s].toInt() != 0) {
                QVERIFY2(!process[u"capabilities_effective"_s].toArray().isEmpty(),
                         qPrintable(group[u"key"_s].toString()));
            }
        }
    }
    // Root with all its bounding set allows: the suggestion says so.
    for (const QJsonValue &group : document[u"processes"_s].toArray()) {
        if (group[u"key"_s].toString().startsWith(u"getty@"_s)) {
            QVERIFY2(group[u"suggestion"_s].toString().startsWith(u"runs as root with full capabilities"_s),
                     qPrintable(group[u"suggestion"_s].toString()));
        }
    }

    // Files: exactly those getcap and find see in the directories the audit searched.
    QStringList directories = names(document[u"directories"_s].toArray(), {});
    QVERIFY(directories.contains(u"/usr/bin"_s));
    QSet<QString> expected;
    for (const QString &directory : directories) {
        const Run caps =
            run(u"sh"_s, {u"-c"_s, u"find \"$1\" -maxdepth 1 -type f -exec getcap {} +"_s, u"sh"_s, directory});
        for (const QByteArray &line : caps.out.split('\n')) {
            if (!line.trimmed().isEmpty()) {
                expected.insert(QString::fromUtf8(line.left(line.indexOf(' '))));
            }
        }
        const Run setid =
            run(u"find"_s, {directory, u"-maxdepth"_s, u"1"_s, u"-type"_s, u"f"_s, u"-perm"_s, u"/6000"_s});
        for (const QByteArray &line : setid.out.split('\n')) {
            if (!line.trimmed().isEmpty()) {
                expected.insert(QString::fromUtf8(line));
            }
        }
    }
    QSet<QString> files;
    for (const QJsonValue &file : document[u"files"_s].toArray()) {
        files.insert(file[u"path"_s].toString());
        QVERIFY(!file[u"suggestion"_s].toString().isEmpty());
        if (file[u"path"_s].toString() == u"/usr/bin/fping" || file[u"path"_s].toString() == u"/usr/bin/mtr-packet") {
            QCOMPARE(file[u"capabilities"_s][u"text"_s].toString(), u"cap_net_raw=ep"_s);
        }
    }
    QCOMPARE(QStringList(files.values()).join(u'\n').size(), QStringList(expected.values()).join(u'\n').size());
    QCOMPARE(files, expected);
    QVERIFY(files.contains(u"/usr/bin/fping"_s));
    QVERIFY(files.contains(u"/usr/bin/mtr-packet"_s));

    const Run plain = run(kDerootctl, {u"audit"_s});
    QCOMPARE(plain.exitCode, 0);
    QVERIFY(plain.out.contains("init.scope"));
}

QTEST_GUILESS_MAIN(InspectProcessTest)
#include "inspectprocess_test.moc"
