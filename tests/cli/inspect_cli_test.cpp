// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// derootctl inspect PATH, run as a script would run it: on the real agents of the build root, on
// fixture programs built for the purpose, and on every kind of bad input. Bad input must end in
// one error line naming the path and why, its documented exit code, and never a hang.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

class InspectCliTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badInput_data();
    void badInput();
    void nonUtf8FileName();
    void hostileNameCannotForgeReportLines();
    void unreadableFileAsAnotherUser();
    void distributionGrants_data();
    void distributionGrants();
    void goProgram();
    void script();
    void setuidRoot();
    void writableProgramIsCritical();
    void fixtures_data();
    void fixtures();
    void jsonShape();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run run(const QStringList &arguments, const QString &program = QStringLiteral(DEROOTCTL_PATH));
    static QJsonObject inspectJson(const QString &path);
    static QStringList capabilityNames(const QJsonObject &report);
    static QStringList findingIds(const QJsonObject &report);

    QTemporaryDir m_dir;
};

InspectCliTest::Run InspectCliTest::run(const QStringList &arguments, const QString &program)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program, arguments);
    process.closeWriteChannel();
    // A hang (a FIFO read, /dev/zero read forever) shows up here as a failure, not a stuck suite.
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {-2, {}, "timed out"};
    }
    if (process.exitStatus() != QProcess::NormalExit) {
        return {-3, {}, "crashed: " + process.readAllStandardError()};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QJsonObject InspectCliTest::inspectJson(const QString &path)
{
    const Run result = run({u"inspect"_s, u"--json"_s, path});
    if (result.exitCode != 0) {
        qWarning("inspect %s: exit %d: %s", qPrintable(path), result.exitCode, result.err.constData());
        return {};
    }
    return QJsonDocument::fromJson(result.out).object();
}

QStringList InspectCliTest::capabilityNames(const QJsonObject &report)
{
    QStringList names;
    for (const QJsonValue &need : report.value(u"needs"_s).toObject().value(u"capabilities"_s).toArray()) {
        names.append(need.toObject().value(u"name"_s).toString());
    }
    return names;
}

QStringList InspectCliTest::findingIds(const QJsonObject &report)
{
    QStringList ids;
    for (const QJsonValue &finding : report.value(u"findings"_s).toArray()) {
        ids.append(finding.toObject().value(u"id"_s).toString());
    }
    return ids;
}

void InspectCliTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                    QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                                    QFile::ExeOther));
    const QByteArray dir = QFile::encodeName(m_dir.path());
    QVERIFY(QDir(m_dir.path()).mkdir(u"directory"_s));
    QCOMPARE(::mkfifo(QByteArray(dir + "/fifo").constData(), 0644), 0);
    QCOMPARE(::symlink("loop-b", QByteArray(dir + "/loop-a").constData()), 0);
    QCOMPARE(::symlink("loop-a", QByteArray(dir + "/loop-b").constData()), 0);

    QFile text(m_dir.filePath(u"config.txt"_s));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("listen_address = 0.0.0.0:9100\n");
    text.close();
    QFile empty(m_dir.filePath(u"empty"_s));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();

    // Truncated and corrupted copies of a real program.
    QFile original(u"/usr/bin/fping"_s);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray bytes = original.readAll();
    QVERIFY(bytes.size() > 4096);
    const auto write = [this](const QString &name, const QByteArray &content) {
        QFile file(m_dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
    };
    write(u"truncated-half"_s, bytes.first(bytes.size() / 2));
    write(u"truncated-header"_s, bytes.first(40));
    QByteArray corrupt = bytes;
    // e_shoff (offset 0x28 in a 64-bit header) pointed far beyond the end of the file.
    for (int i = 0; i < 8; ++i) {
        corrupt[0x28 + i] = char(0x7f);
    }
    write(u"corrupt-shoff"_s, corrupt);
    QByteArray badClass = bytes;
    badClass[4] = char(9); // EI_CLASS: neither 32 nor 64 bit
    write(u"corrupt-class"_s, badClass);

    // A 2 GiB sparse file: refused by its size, without being read.
    QFile huge(m_dir.filePath(u"huge"_s));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    huge.write("\x7f"
               "ELF");
    QVERIFY(huge.resize(qint64(2) * 1024 * 1024 * 1024));
    huge.close();

    // A UNIX socket.
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray socketPath = dir + "/socket";
    QVERIFY(size_t(socketPath.size()) < sizeof(address.sun_path));
    std::memcpy(address.sun_path, socketPath.constData(), size_t(socketPath.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    ::close(fd);
}

void InspectCliTest::badInput_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("why");
    const QString d = m_dir.path() + u'/';
    QTest::addRow("nonexistent") << d + u"missing"_s << 4 << u"does not exist"_s;
    QTest::addRow("component not a directory") << d + u"config.txt/x"_s << 4 << u"not a directory"_s;
    QTest::addRow("empty path") << QString() << 4 << u"the path is empty"_s;
    QTest::addRow("directory") << d + u"directory"_s << 5 << u"is a directory"_s;
    QTest::addRow("FIFO does not block") << d + u"fifo"_s << 5 << u"is a FIFO"_s;
    QTest::addRow("character device is not read") << u"/dev/zero"_s << 5 << u"is a character device"_s;
    QTest::addRow("socket") << d + u"socket"_s << 5 << u"is a socket"_s;
    QTest::addRow("symlink loop") << d + u"loop-a"_s << 5 << u"symbolic link loop"_s;
    QTest::addRow("text file") << d + u"config.txt"_s << 5 << u"neither an ELF program nor a script"_s;
    QTest::addRow("empty file") << d + u"empty"_s << 5 << u"it is empty"_s;
    QTest::addRow("truncated ELF") << d + u"truncated-half"_s << 5 << u"corrupt ELF file: .*truncated"_s;
    QTest::addRow("truncated ELF header") << d + u"truncated-header"_s << 5 << u"corrupt ELF file"_s;
    QTest::addRow("section headers past the end") << d + u"corrupt-shoff"_s << 5 << u"corrupt ELF file"_s;
    QTest::addRow("bad ELF class") << d + u"corrupt-class"_s << 5 << u"corrupt ELF file"_s;
    QTest::addRow("2 GB file") << d + u"huge"_s << 5 << u"larger than any agent program"_s;
    QTest::addRow("newline in the name") << d + u"bad\nname"_s << 4 << u"bad\\\\nname' does not exist"_s;
    QTest::addRow("escape sequence in the name") << d + u"\x1b[2J"_s << 4 << u"\\\\x1b\\[2J' does not exist"_s;
}

void InspectCliTest::badInput()
{
    QFETCH(QString, path);
    QFETCH(int, exitCode);
    QFETCH(QString, why);

    const Run text = run({u"inspect"_s, path});
    QCOMPARE(text.exitCode, exitCode);
    QVERIFY2(text.out.isEmpty(), text.out.constData());
    const QString err = QString::fromUtf8(text.err);
    // One line, naming the command and why.
    QVERIFY2(err.endsWith(u'\n') && err.count(u'\n') == 1, qPrintable(err));
    QVERIFY2(err.startsWith(u"derootctl: inspect: "), qPrintable(err));
    QVERIFY2(QRegularExpression(why).match(err).hasMatch(), qPrintable(err));

    const Run json = run({u"inspect"_s, u"--json"_s, path});
    QCOMPARE(json.exitCode, exitCode);
    const QJsonObject error = QJsonDocument::fromJson(json.out).object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toInt(), exitCode);
    QVERIFY(QRegularExpression(why).match(error.value(u"message"_s).toString()).hasMatch());
}

void InspectCliTest::nonUtf8FileName()
{
    // QProcess cannot pass bytes that are not UTF-8; the shell can.
    const QString name = m_dir.path() + u"/agent"_s;
    QProcess shell;
    shell.start(u"/bin/sh"_s, {u"-c"_s,
                               u"cp /usr/bin/fping \"$1\"\"$(printf '\\377\\376')\" && "
                               u"exec \"$2\" inspect --json --no-package \"$1\"\"$(printf '\\377\\376')\""_s,
                               u"sh"_s, name, QStringLiteral(DEROOTCTL_PATH)});
    QVERIFY(shell.waitForFinished(60000));
    // QDir cannot remove a name that is not UTF-8: remove it here, by its bytes.
    const QByteArray rawName = QFile::encodeName(name) + "\xff\xfe";
    const auto removeRaw = qScopeGuard([&rawName] { ::unlink(rawName.constData()); });
    QCOMPARE(shell.exitCode(), 0);
    const QJsonObject report = QJsonDocument::fromJson(shell.readAllStandardOutput()).object();
    const QJsonObject file = report.value(u"file"_s).toObject();
    QCOMPARE(file.value(u"path"_s).toString(), name + u"\\xff\\xfe"_s);
    QCOMPARE(file.value(u"path_hex"_s).toString(), QString::fromLatin1(QFile::encodeName(name).toHex() + "fffe"));
    // cp does not copy the capabilities; the program is still read in full.
    QCOMPARE(report.value(u"elf"_s).toObject().value(u"machine"_s).toString().isEmpty(), false);
    QCOMPARE(report.value(u"target"_s).toObject().value(u"path"_s).toString(), name + u"\\xff\\xfe"_s);
}

void InspectCliTest::hostileNameCannotForgeReportLines()
{
    const QString name = m_dir.filePath(u"agent\n  [critical] forged: trust me"_s);
    QVERIFY(QFile::copy(u"/usr/bin/fping"_s, name));
    const Run result = run({u"inspect"_s, u"--no-package"_s, name});
    QCOMPARE(result.exitCode, 0);
    for (const QByteArray &line : result.out.split('\n')) {
        QVERIFY2(!line.startsWith("  [critical] forged"), line.constData());
    }
    QVERIFY(result.out.contains("agent\\n  [critical] forged: trust me"));
}

void InspectCliTest::unreadableFileAsAnotherUser()
{
    // Root reads everything, so the refusal is shown as the unprivileged user "nobody", with a copy
    // of derootctl it can execute.
    const QString secret = m_dir.filePath(u"secret-agent"_s);
    QVERIFY(QFile::copy(u"/usr/bin/fping"_s, secret));
    QVERIFY(QFile::setPermissions(secret, QFile::ReadOwner | QFile::WriteOwner));
    const QString tool = m_dir.filePath(u"derootctl"_s);
    QVERIFY(QFile::copy(QStringLiteral(DEROOTCTL_PATH), tool));
    QVERIFY(QFile::setPermissions(tool, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));

    QProcess process;
    process.start(u"setpriv"_s, {u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s, tool, u"inspect"_s,
                                 u"--no-package"_s, secret});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 6);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(u"cannot be read: permission denied"_s) && err.count(u'\n') == 1, qPrintable(err));
}

void InspectCliTest::distributionGrants_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("package");
    QTest::addColumn<QStringList>("capabilities");
    QTest::addColumn<QString>("evidence");
    // Debian ships these with file capabilities set by the package's own postinst.
    QTest::addRow("fping") << u"/usr/bin/fping"_s << u"fping"_s << QStringList{u"CAP_NET_RAW"_s}
                           << u"the file's capabilities grant it (cap_net_raw=ep)"_s;
    QTest::addRow("mtr-packet") << u"/usr/bin/mtr-packet"_s << u"mtr-tiny"_s << QStringList{u"CAP_NET_RAW"_s}
                                << u"the file's capabilities grant it (cap_net_raw=ep)"_s;
    // tcpdump has no file capabilities; its libpcap link is the evidence (CAP_NET_ADMIN comes from
    // the catalog, for a condition).
    QTest::addRow("tcpdump") << u"/usr/bin/tcpdump"_s << u"tcpdump"_s
                             << QStringList{u"CAP_NET_ADMIN"_s, u"CAP_NET_RAW"_s} << u"needs libpcap.so"_s;
}

void InspectCliTest::distributionGrants()
{
    QFETCH(QString, path);
    QFETCH(QString, package);
    QFETCH(QStringList, capabilities);
    QFETCH(QString, evidence);
    const QJsonObject report = inspectJson(path);
    QVERIFY(!report.isEmpty());
    QCOMPARE(report.value(u"schema"_s).toString(), u"deroot.inspect/1"_s);
    QCOMPARE(report.value(u"file"_s).toObject().value(u"package"_s).toString(), package);
    QCOMPARE(capabilityNames(report), capabilities);
    const QJsonArray needs = report.value(u"needs"_s).toObject().value(u"capabilities"_s).toArray();
    const QString reasons = QString::fromUtf8(QJsonDocument(needs).toJson());
    QVERIFY2(reasons.contains(evidence), qPrintable(reasons));
    // The unconditional need is marked so; a need that holds only in some configurations says when.
    for (const QJsonValue &need : needs) {
        const QJsonObject object = need.toObject();
        if (object.value(u"name"_s) == u"CAP_NET_RAW"_s) {
            QCOMPARE(object.value(u"conditional"_s).toBool(), false);
        } else {
            QCOMPARE(object.value(u"conditional"_s).toBool(), true);
            QVERIFY(!object.value(u"reasons"_s).toArray().first().toObject().value(u"when"_s).toString().isEmpty());
        }
    }
}

void InspectCliTest::goProgram()
{
    const QJsonObject report = inspectJson(u"/usr/bin/prometheus-node-exporter"_s);
    const QJsonObject go = report.value(u"go"_s).toObject();
    QVERIFY2(go.value(u"go_version"_s).toString().startsWith(u"go1."),
             qPrintable(go.value(u"go_version"_s).toString()));
    QCOMPARE(go.value(u"main_package"_s).toString(), u"github.com/prometheus/node_exporter"_s);
    QVERIFY(report.value(u"elf"_s).toObject().value(u"go"_s).toBool());
    QVERIFY(findingIds(report).contains(u"elf.go-raw-syscalls"_s));
    // The Go runtime's C imports (setuid wrappers) are not taken as evidence.
    QVERIFY(!findingIds(report).contains(u"hint.possible.cap_setuid"_s));
}

void InspectCliTest::script()
{
    const QString path = m_dir.filePath(u"agent.sh"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh -e\nexec smartctl --scan\n");
    file.close();
    const QJsonObject report = inspectJson(path);
    QCOMPARE(report.value(u"script"_s).toObject().value(u"interpreter"_s).toString(), u"/bin/sh"_s);
    QCOMPARE(report.value(u"script"_s).toObject().value(u"argument"_s).toString(), u"-e"_s);
    QVERIFY(findingIds(report).contains(u"script.no-file-capabilities"_s));
    QVERIFY(!report.contains(u"elf"_s));
}

void InspectCliTest::setuidRoot()
{
    const QJsonObject report = inspectJson(u"/usr/bin/sudo"_s);
    QVERIFY(report.value(u"file"_s).toObject().value(u"setuid"_s).toBool());
    const QJsonArray findings = report.value(u"findings"_s).toArray();
    bool found = false;
    for (const QJsonValue &finding : findings) {
        if (finding.toObject().value(u"id"_s).toString() == u"file.setuid") {
            QCOMPARE(finding.toObject().value(u"severity"_s).toString(), u"high"_s);
            found = true;
        }
    }
    QVERIFY(found);
}

void InspectCliTest::writableProgramIsCritical()
{
    const QString path = m_dir.filePath(u"writable-agent"_s);
    QVERIFY(QFile::copy(u"/usr/bin/fping"_s, path));
    QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions(0x7777))); // rwx for everyone
    const QJsonObject report = inspectJson(path);
    const QJsonArray findings = report.value(u"findings"_s).toArray();
    QVERIFY(!findings.isEmpty());
    // Critical findings come first.
    QCOMPARE(findings.first().toObject().value(u"severity"_s).toString(), u"critical"_s);
    QVERIFY(findingIds(report).contains(u"file.writable-by-others"_s));

    // Owned by root and not writable, but in a directory an ordinary user owns.
    QTemporaryDir userDir;
    QVERIFY(::chown(QFile::encodeName(userDir.path()).constData(), 65534, 65534) == 0);
    const QString inside = userDir.filePath(u"agent"_s);
    QVERIFY(QFile::copy(u"/usr/bin/fping"_s, inside));
    const QJsonObject second = inspectJson(inside);
    QVERIFY(findingIds(second).contains(u"file.parent-writable-by-others"_s));
    QVERIFY(!findingIds(second).contains(u"file.writable-by-others"_s));
}

void InspectCliTest::fixtures_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("finding");
    QTest::addColumn<QString>("severity");
    QTest::addRow("RUNPATH into a missing directory under /tmp")
        << u"fixture_runpath_tmp"_s << u"elf.runpath-writable"_s << u"critical"_s;
    QTest::addRow("relative RUNPATH") << u"fixture_runpath_relative"_s << u"elf.runpath-relative"_s << u"high"_s;
    QTest::addRow("static program") << u"fixture_static"_s << u"elf.static"_s << u"info"_s;
    QTest::addRow("no hardening") << u"fixture_nohardening"_s << u"elf.hardening"_s << u"low"_s;
    QTest::addRow("clock_settime import") << u"fixture_nohardening"_s << u"hint.possible.cap_sys_time"_s << u"info"_s;
}

void InspectCliTest::fixtures()
{
    QFETCH(QString, fixture);
    QFETCH(QString, finding);
    QFETCH(QString, severity);
    const QJsonObject report = inspectJson(QStringLiteral(FIXTURES_DIR) + u'/' + fixture);
    QVERIFY(!report.isEmpty());
    QString found;
    for (const QJsonValue &value : report.value(u"findings"_s).toArray()) {
        if (value.toObject().value(u"id"_s).toString() == finding) {
            found = value.toObject().value(u"severity"_s).toString();
        }
    }
    QVERIFY2(!found.isEmpty(), qPrintable(findingIds(report).join(u", ")));
    QCOMPARE(found, severity);
    if (fixture == u"fixture_nohardening") {
        const QJsonObject hardening = report.value(u"elf"_s).toObject().value(u"hardening"_s).toObject();
        QCOMPARE(hardening.value(u"relro"_s).toString(), u"none"_s);
        QCOMPARE(hardening.value(u"nx"_s).toBool(), false);
        QCOMPARE(hardening.value(u"pie"_s).toBool(), false);
        QCOMPARE(hardening.value(u"canary"_s).toBool(), false);
    }
}

void InspectCliTest::jsonShape()
{
    // The fields docs/inspect-json.md promises, on a real program.
    const QJsonObject report = inspectJson(u"/usr/bin/fping"_s);
    for (const QString &key :
         {u"schema"_s, u"deroot_version"_s, u"target"_s, u"findings"_s, u"needs"_s, u"file"_s, u"elf"_s, u"kernel"_s}) {
        QVERIFY2(report.contains(key), qPrintable(key));
    }
    const QJsonObject needs = report.value(u"needs"_s).toObject();
    for (const QString &key : {u"capabilities"_s, u"commands"_s, u"read_paths"_s, u"write_paths"_s, u"listen_ports"_s,
                               u"address_families"_s, u"devices"_s, u"groups"_s}) {
        QVERIFY2(needs.value(key).isArray(), qPrintable(key));
    }
    const QJsonObject capability = needs.value(u"capabilities"_s).toArray().first().toObject();
    QCOMPARE(capability.value(u"number"_s).toInt(), 13);
    QCOMPARE(capability.value(u"risk"_s).toString(), u"moderate"_s);
    QVERIFY(!capability.value(u"reasons"_s).toArray().isEmpty());
    const QJsonObject finding = report.value(u"findings"_s).toArray().first().toObject();
    for (const QString &key : {u"id"_s, u"severity"_s, u"message"_s, u"evidence"_s}) {
        QVERIFY2(finding.contains(key), qPrintable(key));
    }
    QCOMPARE(report.value(u"target"_s).toObject().value(u"kind"_s).toString(), u"file"_s);
    QVERIFY(report.value(u"kernel"_s).toObject().contains(u"net.ipv4.ping_group_range"_s));
    QCOMPARE(report.value(u"file"_s).toObject().value(u"sha256"_s).toString().size(), 64);
}

QTEST_GUILESS_MAIN(InspectCliTest)
#include "inspect_cli_test.moc"
