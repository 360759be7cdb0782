// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The proof that the generated systemd configuration works, not just that it parses: inside the
// booted test host, real packaged agents are started through the unit or drop-in Deroot generated,
// as their unprivileged user, and do their job; then the one capability they were given is taken
// away and the same agent fails, so the set is minimal. Runs as root in the test host; chronyd is
// never started (the test host shares the machine's clock).
#include "core/generate/inputvalidation.h"
#include "core/generate/systemdunit.h"
#include "core/model/generationinput.h"
#include "core/validate/systemdanalyze.h"
#include "hostsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <functional>

using namespace Deroot::Core;
using Deroot::TestSupport::HostRun;
using Deroot::TestSupport::httpGet;
using namespace Qt::StringLiterals;

class SystemdUnitHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void nodeExporterAnswersAsItsUser();
    void nodeExporterOnAPrivilegedPortNeedsItsCapability();
    void fpingPingsWithCapNetRawOnly();
    void tcpdumpCapturesOnLoopback();
    void sudoWorksOnlyInTheSudoCompatibleUnit();
    void execStartPassesEachArgumentAsWritten();
    void cleanupTestCase();

private:
    struct Run
    {
        int exitCode = -1;
        QString output;
    };
    static Run run(const QString &program, const QStringList &arguments);
    static QString systemctlShow(const QString &unit, const QString &property);
    QString journal(const QString &unit) const;
    Run restart(const QString &unit);
    static QString procStatus(const QString &pid);
    static quint64 statusField(const QString &status, const QString &field);
    static bool waitFor(const std::function<bool()> &condition, int timeoutMs = 20000);
    void install(const GenerationInput &input);
    void startAndExpectFailure(const QString &unit, const QString &needle);

    QStringList m_installed; ///< files to remove afterwards
    QStringList m_units;     ///< units to stop afterwards
    QString m_pingGroupRange;
    Deroot::TestSupport::UnitJournal m_journal; ///< what a unit logged since its last restart
};

namespace {
constexpr quint64 kCapNetBindService = quint64(1) << 10;
constexpr quint64 kCapNetRaw = quint64(1) << 13;
const QString kFping = u"/usr/local/bin/deroot-fping"_s;

GenerationInput nodeExporter(const QString &listen)
{
    GenerationInput input;
    input.agentId = u"node_exporter"_s;
    input.description = u"Prometheus node exporter"_s;
    input.serviceUser = u"prometheus"_s;
    input.executable = u"/usr/bin/prometheus-node-exporter"_s;
    input.arguments = {u"--web.listen-address="_s + listen};
    input.packageName = u"prometheus-node-exporter"_s;
    input.existingUnit = u"prometheus-node-exporter.service"_s;
    input.addressFamilies = {u"AF_INET"_s, u"AF_INET6"_s, u"AF_NETLINK"_s};
    return input;
}

GenerationInput fping()
{
    GenerationInput input;
    input.agentId = u"fping"_s;
    input.description = u"fping probing the loopback address"_s;
    input.serviceUser = u"fping-agent"_s;
    input.executable = kFping;
    input.arguments = {u"-l"_s, u"-p"_s, u"200"_s, u"127.0.0.1"_s};
    input.capabilities = {13};
    input.addressFamilies = {u"AF_INET"_s, u"AF_INET6"_s};
    return input;
}

GenerationInput tcpdump()
{
    GenerationInput input;
    input.agentId = u"tcpdump"_s;
    input.description = u"tcpdump capturing on the loopback interface"_s;
    input.serviceUser = u"tcpdump"_s;
    input.executable = u"/usr/bin/tcpdump"_s;
    input.arguments = {u"-i"_s, u"lo"_s, u"-n"_s, u"-p"_s, u"-l"_s, u"udp"_s, u"port"_s, u"9"_s};
    input.packageName = u"tcpdump"_s;
    input.capabilities = {13};
    input.addressFamilies = {u"AF_PACKET"_s, u"AF_INET"_s, u"AF_INET6"_s, u"AF_NETLINK"_s};
    return input;
}

} // namespace

SystemdUnitHostTest::Run SystemdUnitHostTest::run(const QString &program, const QStringList &arguments)
{
    const HostRun result = Deroot::TestSupport::hostRun(program, arguments);
    return {result.exitCode, result.output};
}

QString SystemdUnitHostTest::systemctlShow(const QString &unit, const QString &property)
{
    return Deroot::TestSupport::systemctlShow(unit, property);
}

QString SystemdUnitHostTest::journal(const QString &unit) const
{
    return m_journal.text(unit);
}

SystemdUnitHostTest::Run SystemdUnitHostTest::restart(const QString &unit)
{
    const HostRun result = m_journal.restart(unit);
    return {result.exitCode, result.output};
}

QString SystemdUnitHostTest::procStatus(const QString &pid)
{
    return Deroot::TestSupport::procStatus(pid);
}

quint64 SystemdUnitHostTest::statusField(const QString &status, const QString &field)
{
    return Deroot::TestSupport::statusField(status, field);
}

bool SystemdUnitHostTest::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    return Deroot::TestSupport::waitFor(condition, timeoutMs);
}

void SystemdUnitHostTest::install(const GenerationInput &input)
{
    const auto invalid = validateGenerationInput(input);
    QVERIFY2(!invalid, invalid ? qPrintable(invalid->message) : "");
    const Artifact artifact = systemdUnit(input);
    QVERIFY(QDir().mkpath(QFileInfo(artifact.targetPath).path()));
    QFile file(artifact.targetPath);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(file.write(artifact.content.toUtf8()) > 0);
    file.close();
    if (!m_installed.contains(artifact.targetPath)) {
        m_installed << artifact.targetPath;
    }
    const QString unit = generatedUnitName(input);
    if (!m_units.contains(unit)) {
        m_units << unit;
    }
    const Run reload = run(u"systemctl"_s, {u"daemon-reload"_s});
    QVERIFY2(reload.exitCode == 0, qPrintable(reload.output));
    // What systemd loaded is what was written: no warning about it in the unit's status.
    const Run cat = run(u"systemctl"_s, {u"cat"_s, unit});
    QVERIFY2(cat.output.contains(artifact.content), qPrintable(cat.output));
}

void SystemdUnitHostTest::startAndExpectFailure(const QString &unit, const QString &needle)
{
    run(u"systemctl"_s, {u"reset-failed"_s, unit});
    restart(unit);
    QVERIFY2(waitFor([&] { return journal(unit).contains(needle, Qt::CaseInsensitive); }),
             qPrintable(unit + u": no "_s + needle + u" in:\n"_s + journal(unit)));
    // It really failed: its main process exited with an error or the service is restarting.
    QVERIFY2(waitFor([&] {
                 return systemctlShow(unit, u"ExecMainStatus"_s).toInt() != 0 ||
                        systemctlShow(unit, u"ActiveState"_s) == u"failed";
             }),
             qPrintable(systemctlShow(unit, u"ActiveState"_s)));
    for (const QString &line : journal(unit).split(u'\n')) {
        if (line.contains(needle, Qt::CaseInsensitive)) {
            qInfo("%s refused: %s", qPrintable(unit), qPrintable(line.left(200)));
            break;
        }
    }
    run(u"systemctl"_s, {u"stop"_s, unit});
}

void SystemdUnitHostTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    for (const QString &user : {u"fping-agent"_s}) {
        if (run(u"id"_s, {u"-u"_s, user}).exitCode != 0) {
            const Run added = run(u"useradd"_s, {u"--system"_s, u"--no-create-home"_s, u"--home-dir"_s,
                                                 u"/nonexistent"_s, u"--shell"_s, u"/usr/sbin/nologin"_s, user});
            QVERIFY2(added.exitCode == 0, qPrintable(added.output));
        }
    }
    // A copy of fping without the file capability Debian gives it: whatever it can do below
    // comes from the unit.
    QVERIFY(run(u"install"_s, {u"-m"_s, u"0755"_s, u"/usr/bin/fping"_s, kFping}).exitCode == 0);
    m_installed << kFping;
    QCOMPARE(run(u"getcap"_s, {kFping}).output.trimmed(), QString());
    m_pingGroupRange = Deroot::TestSupport::closePingGroupRange();
    QVERIFY2(!m_pingGroupRange.isEmpty(), "cannot close net.ipv4.ping_group_range");
}

void SystemdUnitHostTest::cleanup()
{
    for (const QString &unit : std::as_const(m_units)) {
        run(u"systemctl"_s, {u"stop"_s, unit});
        run(u"systemctl"_s, {u"reset-failed"_s, unit});
    }
}

void SystemdUnitHostTest::cleanupTestCase()
{
    cleanup();
    for (const QString &path : std::as_const(m_installed)) {
        QFile::remove(path);
    }
    run(u"systemctl"_s, {u"daemon-reload"_s});
    Deroot::TestSupport::restorePingGroupRange(m_pingGroupRange);
}

void SystemdUnitHostTest::nodeExporterAnswersAsItsUser()
{
    // restart, not start, everywhere: another test may have left the vendor's unit running, and
    // only a new process shows what the installed configuration does.
    const GenerationInput input = nodeExporter(u"127.0.0.1:9100"_s);
    install(input);
    const QString unit = input.existingUnit;
    const Run start = restart(unit);
    QVERIFY2(start.exitCode == 0, qPrintable(start.output));
    QString metrics;
    QVERIFY2(waitFor([&] { return (metrics = httpGet(u"http://127.0.0.1:9100/metrics"_s)).contains(u"node_load1"_s); }),
             qPrintable(journal(unit)));
    // Collectors that read /proc and /sys still work in the sandbox.
    QVERIFY(metrics.contains(u"node_memory_MemTotal_bytes"_s));
    const QString pid = systemctlShow(unit, u"MainPID"_s);
    const QString status = procStatus(pid);
    const QString uid = run(u"id"_s, {u"-u"_s, u"prometheus"_s}).output.trimmed();
    QVERIFY(uid.toInt() > 0);
    QVERIFY2(QRegularExpression(u"^Uid:\\s+%1\\s+%1\\s+%1\\s+%1$"_s.arg(uid), QRegularExpression::MultilineOption)
                 .match(status)
                 .hasMatch(),
             qPrintable(status));
    QCOMPARE(statusField(status, u"CapEff"_s), quint64(0));
    QCOMPARE(statusField(status, u"CapPrm"_s), quint64(0));
    QCOMPARE(statusField(status, u"CapBnd"_s), quint64(0));
    QCOMPARE(statusField(status, u"NoNewPrivs"_s), quint64(1));
    QCOMPARE(statusField(status, u"Seccomp"_s), quint64(2));
}

void SystemdUnitHostTest::nodeExporterOnAPrivilegedPortNeedsItsCapability()
{
    // Port 91 is below 1024: CAP_NET_BIND_SERVICE is the one capability it needs.
    GenerationInput input = nodeExporter(u"127.0.0.1:91"_s);
    input.capabilities = {10};
    install(input);
    const QString unit = input.existingUnit;
    const Run start = restart(unit);
    QVERIFY2(start.exitCode == 0, qPrintable(start.output));
    QVERIFY2(waitFor([&] { return httpGet(u"http://127.0.0.1:91/metrics"_s).contains(u"node_load1"_s); }),
             qPrintable(journal(unit)));
    const QString status = procStatus(systemctlShow(unit, u"MainPID"_s));
    QCOMPARE(statusField(status, u"CapEff"_s), kCapNetBindService);
    QCOMPARE(statusField(status, u"CapAmb"_s), kCapNetBindService);
    QCOMPARE(statusField(status, u"CapBnd"_s), kCapNetBindService);
    run(u"systemctl"_s, {u"stop"_s, unit});

    // Without it, the same agent cannot listen.
    input.capabilities.clear();
    install(input);
    startAndExpectFailure(unit, u"permission denied"_s);
    QVERIFY(httpGet(u"http://127.0.0.1:91/metrics"_s).isEmpty());
}

void SystemdUnitHostTest::fpingPingsWithCapNetRawOnly()
{
    GenerationInput input = fping();
    install(input);
    const QString unit = generatedUnitName(input);
    QCOMPARE(unit, u"deroot-fping.service"_s);
    const Run start = restart(unit);
    QVERIFY2(start.exitCode == 0, qPrintable(start.output));
    // fping -l prints one line per reply: "127.0.0.1 : [0], 64 bytes, 0.05 ms (0.05 avg, 0% loss)".
    QVERIFY2(waitFor([&] { return journal(unit).contains(u"127.0.0.1 : [1], "_s); }), qPrintable(journal(unit)));
    const QString status = procStatus(systemctlShow(unit, u"MainPID"_s));
    const QString uid = run(u"id"_s, {u"-u"_s, u"fping-agent"_s}).output.trimmed();
    QVERIFY2(status.contains(QRegularExpression(u"^Uid:\\s+%1\\s"_s.arg(uid), QRegularExpression::MultilineOption)),
             qPrintable(status));
    QCOMPARE(statusField(status, u"CapEff"_s), kCapNetRaw);
    QCOMPARE(statusField(status, u"CapPrm"_s), kCapNetRaw);
    QCOMPARE(statusField(status, u"CapAmb"_s), kCapNetRaw);
    QCOMPARE(statusField(status, u"CapBnd"_s), kCapNetRaw);
    QCOMPARE(statusField(status, u"NoNewPrivs"_s), quint64(1));
    run(u"systemctl"_s, {u"stop"_s, unit});

    input.capabilities.clear();
    install(input);
    startAndExpectFailure(unit, u"can't create socket"_s);
    QVERIFY2(!journal(unit).contains(u"127.0.0.1 : ["_s), qPrintable(journal(unit)));
}

void SystemdUnitHostTest::tcpdumpCapturesOnLoopback()
{
    GenerationInput input = tcpdump();
    install(input);
    const QString unit = generatedUnitName(input);
    const Run start = restart(unit);
    QVERIFY2(start.exitCode == 0, qPrintable(start.output));
    QVERIFY2(waitFor([&] { return journal(unit).contains(u"listening on lo"_s); }), qPrintable(journal(unit)));
    // A datagram to the discard port on loopback, sent by root outside the sandbox.
    const auto send = [] {
        run(u"python3"_s, {u"-c"_s, u"import socket\ns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                                    u"s.sendto(b'deroot', ('127.0.0.1', 9))"_s});
        return true;
    };
    QVERIFY2(waitFor([&] { return send() && journal(unit).contains(u"> 127.0.0.1.9: UDP, length 6"_s); }),
             qPrintable(journal(unit)));
    const QString status = procStatus(systemctlShow(unit, u"MainPID"_s));
    QCOMPARE(statusField(status, u"CapEff"_s), kCapNetRaw);
    QCOMPARE(statusField(status, u"CapBnd"_s), kCapNetRaw);
    QCOMPARE(statusField(status, u"NoNewPrivs"_s), quint64(1));
    run(u"systemctl"_s, {u"stop"_s, unit});

    input.capabilities.clear();
    install(input);
    startAndExpectFailure(unit, u"You don't have permission to perform this capture"_s);
}

void SystemdUnitHostTest::sudoWorksOnlyInTheSudoCompatibleUnit()
{
    // The conflict "sudo-no-new-privileges" for real: an agent that runs one command through sudo
    // (here the agent is that sudo call) works under the sudo-compatible unit and fails under the
    // capabilities unit, whose no_new_privs sudo cannot pass.
    const QString sudoers = u"/etc/sudoers.d/deroot-systemdunit-test"_s;
    QFile rule(sudoers);
    QVERIFY(rule.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(rule.write("fping-agent ALL=(root) NOPASSWD: /usr/bin/id -u\n") > 0);
    rule.close();
    QVERIFY(rule.setPermissions(QFile::ReadOwner | QFile::ReadGroup));
    m_installed << sudoers;
    const Run visudo = run(u"visudo"_s, {u"-cf"_s, sudoers});
    QVERIFY2(visudo.exitCode == 0, qPrintable(visudo.output));

    GenerationInput input;
    input.method = Method::Sudo;
    input.agentId = u"sudo_probe"_s;
    input.description = u"An agent that runs id through sudo"_s;
    input.serviceUser = u"fping-agent"_s;
    input.executable = u"/usr/bin/sudo"_s;
    input.arguments = {u"-n"_s, u"/usr/bin/id"_s, u"-u"_s};
    input.sudoCommands = {{u"/usr/bin/id"_s, {u"-u"_s}, true}};
    install(input);
    const QString unit = generatedUnitName(input);
    restart(unit);
    QVERIFY2(waitFor([&] { return journal(unit).split(u'\n').contains(u"0"_s); }), qPrintable(journal(unit)));
    QVERIFY2(waitFor([&] { return systemctlShow(unit, u"ActiveState"_s) != u"active"; }),
             qPrintable(systemctlShow(unit, u"ActiveState"_s)));
    QCOMPARE(systemctlShow(unit, u"ExecMainStatus"_s), u"0"_s);

    input.method = Method::Capabilities;
    input.sudoCommands.clear();
    install(input);
    startAndExpectFailure(unit, u"no new privileges"_s);
    QVERIFY(!journal(unit).split(u'\n').contains(u"0"_s));
}

void SystemdUnitHostTest::execStartPassesEachArgumentAsWritten()
{
    // ExecStart= words with spaces, quotes, '$' and ';' reach the program exactly as the admin
    // gave them: systemd neither splits, expands nor takes ';' as a second command. A word that is
    // exactly $NAME is the one exception, a reference to the unit's environment as in a vendor's
    // "ExecStart=/usr/bin/x $ARGS" (docs/plan-json.md): it becomes the words of that setting.
    GenerationInput input;
    input.agentId = u"argv_probe"_s;
    input.description = u"Prints its arguments"_s;
    input.serviceUser = u"fping-agent"_s;
    input.executable = u"/usr/bin/python3"_s;
    input.arguments = {u"-c"_s,
                       u"import sys; print('argv:', sys.argv[1:])"_s,
                       u"a b"_s,
                       u"$HOME/x"_s,
                       u";"_s,
                       u"it's"_s,
                       u"x;y"_s,
                       QString(),
                       u"--pid=$MAINPID"_s,
                       u"$ARGS"_s};
    input.environment = {u"ARGS=--one two"_s};
    install(input);
    const QString unit = generatedUnitName(input);
    restart(unit);
    const QString expected = u"argv: ['a b', '$HOME/x', ';', \"it's\", 'x;y', '', '--pid=$MAINPID', '--one', 'two']"_s;
    QVERIFY2(waitFor([&] { return journal(unit).split(u'\n').contains(expected); }), qPrintable(journal(unit)));
}

QTEST_GUILESS_MAIN(SystemdUnitHostTest)
#include "host_systemdunit_test.moc"
