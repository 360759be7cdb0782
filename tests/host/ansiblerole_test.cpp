// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The Ansible role export applied for real: `derootctl generate --format ansible` writes roles for
// real Debian agents inside the booted test host, and ansible-core applies them over SSH to this
// same machine (sshd on loopback, tests/host/sshfixture.sh: the managed host is reached exactly as
// a fleet's hosts are, with key and host-key checks; one machine because the proofs need systemd,
// sudo and the agents, which a second test host would only repeat). One play applies four roles:
//
// - caps, a drop-in: the blackbox exporter with CAP_NET_RAW, which then runs as prometheus with
//   exactly CAP_NET_RAW in every set and no_new_privs, and its ICMP probe works;
// - caps, file capabilities: a copy of tcpdump, which then holds exactly cap_net_raw=ep and captures
//   on lo as nobody (the packaged tcpdump, without them, is refused the same capture);
// - sudo: smartctl called by the existing user zabbix, for whom `sudo -l` then lists exactly the
//   plan's commands;
// - container: the node exporter's Podman Quadlet unit, checked by the host's quadlet -dryrun,
//   installed, and turned into a service by Podman's systemd generator. The container is not
//   started: the test host has no network to pull the image from.
//
// Every installed file is byte for byte the plan's. A second run reports changed=0, and so does
// `--check --diff`; the exported playbooks pass `ansible-playbook --syntax-check` and ansible-lint.
// Then the copy of tcpdump is changed (another SHA-256): its role refuses the host with a message
// naming both digests and changes nothing (the changed file keeps no capability).
#include "hostsupport.h"
#include "sshfixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

class AnsibleRoleHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void exportsPassSyntaxCheckAndLint();
    void playConverges();
    void installedFilesAreThePlans();
    void blackboxExporterRunsWithCapNetRawOnly();
    void tcpdumpCapturesWithItsFileCapabilityOnly();
    void sudoListsExactlyThePlansCommands();
    void quadletUnitBecomesAService();
    void secondRunChangesNothing();
    void checkAndDiffReportNoChange();
    void otherProgramIsRefused();

private:
    struct Recap
    {
        int ok = -1;
        int changed = -1;
        int failed = -1;
        int unreachable = -1;
    };
    static Recap recapOf(const QString &output);
    HostRun play(const QString &playbook, const QStringList &extra = {}) const;
    QString generate(const QString &name, const QStringList &arguments);
    QJsonObject planOf(const QString &name) const;

    QTemporaryDir m_work;
    SshFixture m_ssh{QStringLiteral(DEROOT_SSHFIXTURE_SCRIPT)};
    QString m_pingGroupRange;
    QStringList m_roleDirs; ///< each export's roles/ folder
    bool m_converged = false;
};

namespace {

constexpr quint64 kCapNetRaw = quint64(1) << 13;
const QString kTcpdumpCopy = u"/usr/local/bin/tcpdump-copy"_s;
const QString kBlackbox = u"prometheus-blackbox-exporter.service"_s;
const QString kQuadletService = u"deroot-node_exporter.service"_s;

} // namespace

void AnsibleRoleHostTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    QVERIFY(m_work.isValid());
    m_pingGroupRange = closePingGroupRange();
    QVERIFY2(!m_pingGroupRange.isEmpty(), "cannot close net.ipv4.ping_group_range");
    // A tcpdump of the role's own, so that the refusal below can change it without touching the
    // packaged one other tests use.
    QFile::remove(kTcpdumpCopy);
    QVERIFY(QFile::copy(QFileInfo(u"/usr/bin/tcpdump"_s).exists() ? u"/usr/bin/tcpdump"_s : u"/usr/sbin/tcpdump"_s,
                        kTcpdumpCopy));
    QVERIFY(QFile::setPermissions(kTcpdumpCopy, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                    QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                                    QFile::ExeOther));
    QVERIFY(
        !generate(u"blackbox"_s, {u"--unit"_s, kBlackbox, u"--method"_s, u"caps"_s, u"--add-cap"_s, u"CAP_NET_RAW"_s})
             .isEmpty());
    QVERIFY(!generate(u"tcpdump"_s, {kTcpdumpCopy, u"--method"_s, u"caps"_s, u"--start"_s, u"called-by"_s}).isEmpty());
    QVERIFY(!generate(u"smartctl"_s, {u"/usr/sbin/smartctl"_s, u"--method"_s, u"sudo"_s, u"--start"_s, u"called-by"_s,
                                      u"--caller"_s, u"zabbix"_s})
                 .isEmpty());
    QVERIFY(!generate(u"nodeexp"_s, {u"--unit"_s, u"prometheus-node-exporter.service"_s, u"--method"_s, u"container"_s})
                 .isEmpty());

    // One play with the four roles, as a site would combine them; the container is not started
    // (no image can be pulled here).
    QFile playbook(m_work.filePath(u"site.yml"_s));
    QVERIFY(playbook.open(QIODevice::WriteOnly));
    playbook.write("---\n"
                   "- name: Run the agents without root\n"
                   "  hosts: managed\n"
                   "  become: true\n"
                   "  roles:\n"
                   "    - role: deroot_blackbox_exporter\n"
                   "    - role: deroot_tcpdump_copy\n"
                   "    - role: deroot_smartctl\n"
                   "    - role: deroot_node_exporter\n"
                   "      vars:\n"
                   "        deroot_node_exporter_start: false\n");
    playbook.close();
    QVERIFY2(m_ssh.start({u"localhost"_s}), qPrintable(m_ssh.error()));
}

void AnsibleRoleHostTest::cleanupTestCase()
{
    m_ssh.stop();
    hostRun(u"systemctl"_s, {u"stop"_s, kBlackbox});
    for (const QString &path : {u"/etc/systemd/system/prometheus-blackbox-exporter.service.d/deroot.conf"_s,
                                u"/etc/sysusers.d/deroot-blackbox_exporter.conf"_s, u"/etc/sudoers.d/deroot-smartctl"_s,
                                u"/etc/containers/systemd/deroot-node_exporter.container"_s, kTcpdumpCopy}) {
        QFile::remove(path);
    }
    hostRun(u"systemctl"_s, {u"daemon-reload"_s});
    hostRun(u"systemctl"_s, {u"reset-failed"_s, kBlackbox});
    restorePingGroupRange(m_pingGroupRange);
}

QString AnsibleRoleHostTest::generate(const QString &name, const QStringList &arguments)
{
    const QString out = m_work.filePath(name);
    const HostRun generated = hostRun(u"derootctl"_s, QStringList{u"generate"_s} + arguments +
                                                          QStringList{u"--format"_s, u"ansible"_s, u"--out"_s, out});
    if (generated.exitCode != 0) {
        qWarning("derootctl generate %s: %s", qPrintable(arguments.join(u' ')), qPrintable(generated.output));
        return {};
    }
    m_roleDirs << out + u"/roles"_s;
    return out;
}

QJsonObject AnsibleRoleHostTest::planOf(const QString &name) const
{
    QFile file(m_work.filePath(name + u"/plan/plan.json"_s));
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

HostRun AnsibleRoleHostTest::play(const QString &playbook, const QStringList &extra) const
{
    // ANSIBLE_ROLES_PATH: the roles of the four exports, side by side.
    QProcess process;
    QProcessEnvironment environment = m_ssh.ansibleEnvironment();
    environment.insert(u"ANSIBLE_ROLES_PATH"_s, m_roleDirs.join(u':'));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_work.path());
    process.start(u"ansible-playbook"_s, QStringList{playbook} + extra);
    if (!process.waitForFinished(240000)) {
        process.kill();
        process.waitForFinished();
        return {-1, QString::fromUtf8(process.readAll()) + u"\n(timed out)"_s};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAll())};
}

AnsibleRoleHostTest::Recap AnsibleRoleHostTest::recapOf(const QString &output)
{
    static const QRegularExpression kRecap(
        u"^localhost\\s*:\\s*ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)\\s+failed=(\\d+)"_s,
        QRegularExpression::MultilineOption);
    const auto match = kRecap.match(output);
    if (!match.hasMatch()) {
        return {};
    }
    return {match.captured(1).toInt(), match.captured(2).toInt(), match.captured(4).toInt(), match.captured(3).toInt()};
}

void AnsibleRoleHostTest::exportsPassSyntaxCheckAndLint()
{
    for (const QString &roles : std::as_const(m_roleDirs)) {
        const QString folder = roles.section(u'/', 0, -2);
        const HostRun syntax =
            m_ssh.runAnsible(u"ansible-playbook"_s, {u"--syntax-check"_s, u"playbook.yml"_s}, folder);
        QVERIFY2(syntax.exitCode == 0, qPrintable(folder + u":\n"_s + syntax.output));
        const HostRun lint = m_ssh.runAnsible(
            u"ansible-lint"_s, {u"--offline"_s, u"--profile"_s, u"production"_s, u"--nocolor"_s}, folder);
        QVERIFY2(lint.exitCode == 0, qPrintable(folder + u":\n"_s + lint.output));
    }
}

void AnsibleRoleHostTest::playConverges()
{
    const HostRun run = play(u"site.yml"_s);
    const Recap recap = recapOf(run.output);
    QVERIFY2(run.exitCode == 0 && recap.failed == 0 && recap.unreachable == 0, qPrintable(run.output));
    QVERIFY2(recap.changed > 0, qPrintable(run.output));
    m_converged = true;
}

void AnsibleRoleHostTest::installedFilesAreThePlans()
{
    QVERIFY(m_converged);
    int compared = 0;
    for (const QString &name : {u"blackbox"_s, u"smartctl"_s}) {
        for (const QJsonValue &value : planOf(name).value(u"operations"_s).toArray()) {
            const QJsonObject operation = value.toObject();
            if (operation.value(u"op"_s).toString() != u"write_file") {
                continue;
            }
            const QString target = operation.value(u"path"_s).toString();
            if (target.startsWith(u"/etc/apparmor.d/"_s)) {
                continue; // left to the admin, by the helper as by the role
            }
            QFile planned(m_work.filePath(name + u"/plan/"_s + operation.value(u"file"_s).toString()));
            QFile installed(target);
            QVERIFY(planned.open(QIODevice::ReadOnly));
            QVERIFY2(installed.open(QIODevice::ReadOnly), qPrintable(target));
            QCOMPARE(installed.readAll(), planned.readAll());
            const QString mode = operation.value(u"mode"_s).toString();
            const auto permissions = QFileInfo(target).permissions();
            QCOMPARE(bool(permissions & QFile::WriteOwner), mode == u"0644");
            QCOMPARE(bool(permissions & QFile::ReadOther), mode == u"0644");
            ++compared;
        }
    }
    QCOMPARE(compared, 3); // the blackbox exporter's drop-in and sysusers.d file, the sudoers file
    QFile quadlet(u"/etc/containers/systemd/deroot-node_exporter.container"_s);
    QFile planned(m_work.filePath(u"nodeexp/plan/deroot-node_exporter.container"_s));
    QVERIFY(quadlet.open(QIODevice::ReadOnly));
    QVERIFY(planned.open(QIODevice::ReadOnly));
    QCOMPARE(quadlet.readAll(), planned.readAll());
}

void AnsibleRoleHostTest::blackboxExporterRunsWithCapNetRawOnly()
{
    QVERIFY(m_converged);
    // The role started it (and restarted it after the drop-in came): its main process is the
    // agent, as prometheus, with exactly CAP_NET_RAW.
    QCOMPARE(systemctlShow(kBlackbox, u"ActiveState"_s), u"active"_s);
    const QString uid = hostRun(u"id"_s, {u"-u"_s, u"prometheus"_s}).output.trimmed();
    QVERIFY(uid.toInt() > 0);
    const QRegularExpression asUser(u"^Uid:\\s+%1\\s+%1\\s+%1\\s+%1$"_s.arg(uid), QRegularExpression::MultilineOption);
    QString status;
    QVERIFY2(
        waitFor([&] {
            const QString pid = systemctlShow(kBlackbox, u"MainPID"_s);
            if (!QFileInfo(u"/proc/%1/exe"_s.arg(pid)).symLinkTarget().endsWith(u"/prometheus-blackbox-exporter"_s)) {
                return false;
            }
            status = procStatus(pid);
            return asUser.match(status).hasMatch();
        }),
        qPrintable(status));
    for (const QString &set : {u"CapEff"_s, u"CapPrm"_s, u"CapAmb"_s, u"CapBnd"_s}) {
        QVERIFY2(statusField(status, set) == kCapNetRaw, qPrintable(set + u":\n"_s + status));
    }
    QCOMPARE(statusField(status, u"NoNewPrivs"_s), quint64(1));
    QString body;
    QVERIFY2(waitFor([&] {
                 return (body = httpGet(u"http://127.0.0.1:9115/probe?module=icmp&target=127.0.0.1"_s))
                     .contains(u"\nprobe_success 1"_s);
             }),
             qPrintable(body));
}

void AnsibleRoleHostTest::tcpdumpCapturesWithItsFileCapabilityOnly()
{
    QVERIFY(m_converged);
    const HostRun caps = hostRun(u"getcap"_s, {kTcpdumpCopy});
    QCOMPARE(caps.output.trimmed(), kTcpdumpCopy + u" cap_net_raw=ep"_s);
    // As nobody, the copy opens a capture on lo (it waits for a packet until timeout ends it);
    // the packaged tcpdump, without the capability, is refused the same.
    const auto capture = [](const QString &program) {
        return hostRun(u"setpriv"_s,
                       {u"--reuid"_s, u"nobody"_s, u"--regid"_s, u"nogroup"_s, u"--clear-groups"_s, u"timeout"_s,
                        u"3"_s, program, u"-i"_s, u"lo"_s, u"-p"_s, u"-n"_s, u"-c"_s, u"1"_s, u"-w"_s, u"/dev/null"_s});
    };
    const HostRun granted = capture(kTcpdumpCopy);
    QVERIFY2(granted.output.contains(u"listening on lo"_s), qPrintable(granted.output));
    const HostRun refused = capture(u"tcpdump"_s);
    QVERIFY2(refused.exitCode != 0 && refused.exitCode != 124 && !refused.output.contains(u"listening on"_s),
             qPrintable(refused.output));
}

void AnsibleRoleHostTest::sudoListsExactlyThePlansCommands()
{
    QVERIFY(m_converged);
    const QJsonObject input = planOf(u"smartctl"_s).value(u"input"_s).toObject();
    const QJsonArray commands = input.value(u"sudo_commands"_s).toArray();
    QVERIFY(!commands.isEmpty());
    const HostRun check = hostRun(u"visudo"_s, {u"-c"_s});
    QVERIFY2(check.exitCode == 0, qPrintable(check.output));
    const HostRun listed = hostRun(u"sudo"_s, {u"-l"_s, u"-U"_s, u"zabbix"_s});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.output));
    const QString rules = listed.output.section(u"may run the following commands"_s, 1);
    qsizetype ruleLines = 0;
    for (const QString &line : rules.split(u'\n')) {
        ruleLines += line.trimmed().startsWith(u'(') ? 1 : 0;
    }
    QVERIFY2(ruleLines == commands.size(), qPrintable(listed.output));
    for (const QJsonValue &value : commands) {
        const QJsonObject command = value.toObject();
        QStringList words{command.value(u"path"_s).toString()};
        for (const QJsonValue &argument : command.value(u"arguments"_s).toArray()) {
            words << argument.toString();
        }
        QVERIFY2(rules.contains(words.join(u' ')), qPrintable(words.join(u' ') + u" in:\n"_s + listed.output));
    }
}

void AnsibleRoleHostTest::quadletUnitBecomesAService()
{
    QVERIFY(m_converged);
    // Podman's generator read the installed Quadlet unit at the handlers' daemon-reload.
    const HostRun unit = hostRun(u"systemctl"_s, {u"cat"_s, kQuadletService});
    QVERIFY2(unit.exitCode == 0 && unit.output.contains(u"podman run"_s), qPrintable(unit.output));
    QCOMPARE(systemctlShow(kQuadletService, u"ActiveState"_s), u"inactive"_s);
}

void AnsibleRoleHostTest::secondRunChangesNothing()
{
    QVERIFY(m_converged);
    const QString before = systemctlShow(kBlackbox, u"MainPID"_s);
    const HostRun run = play(u"site.yml"_s);
    const Recap recap = recapOf(run.output);
    QVERIFY2(run.exitCode == 0 && recap.failed == 0, qPrintable(run.output));
    QVERIFY2(recap.changed == 0, qPrintable(run.output));
    // Nothing restarted either.
    QCOMPARE(systemctlShow(kBlackbox, u"MainPID"_s), before);
}

void AnsibleRoleHostTest::checkAndDiffReportNoChange()
{
    QVERIFY(m_converged);
    const HostRun run = play(u"site.yml"_s, {u"--check"_s, u"--diff"_s});
    const Recap recap = recapOf(run.output);
    QVERIFY2(run.exitCode == 0 && recap.failed == 0, qPrintable(run.output));
    QVERIFY2(recap.changed == 0, qPrintable(run.output));
}

void AnsibleRoleHostTest::otherProgramIsRefused()
{
    QVERIFY(m_converged);
    const QString approved = planOf(u"tcpdump"_s).value(u"program"_s).toObject().value(u"sha256"_s).toString();
    QVERIFY(!approved.isEmpty());
    // Another build of the program: one byte more. Writing the file drops its capabilities.
    {
        QFile program(kTcpdumpCopy);
        QVERIFY(program.open(QIODevice::Append));
        QCOMPARE(program.write("\n", 1), qint64(1));
    }
    const QString changed = hostRun(u"sha256sum"_s, {kTcpdumpCopy}).output.section(u' ', 0, 0);
    QVERIFY(!changed.isEmpty() && changed != approved);
    QCOMPARE(hostRun(u"getcap"_s, {kTcpdumpCopy}).output.trimmed(), QString());
    const HostRun run = play(m_work.filePath(u"tcpdump/playbook.yml"_s));
    const Recap recap = recapOf(run.output);
    QVERIFY2(run.exitCode != 0 && recap.failed == 1 && recap.changed == 0, qPrintable(run.output));
    const QString output = QString(run.output).replace(QRegularExpression(u"\\s+"_s), u" "_s);
    const QStringList expected{
        u"localhost is refused by deroot_tcpdump_copy"_s, kTcpdumpCopy + u" there has the SHA-256 "_s + changed,
        u"not the program this plan was approved for ("_s + approved + u")"_s, u"Nothing was changed on this host"_s};
    for (const QString &said : expected) {
        QVERIFY2(output.contains(said), qPrintable(said + u" not in:\n"_s + run.output));
    }
    // And nothing was: the changed program got no capability.
    QCOMPARE(hostRun(u"getcap"_s, {kTcpdumpCopy}).output.trimmed(), QString());
}

QTEST_GUILESS_MAIN(AnsibleRoleHostTest)
#include "ansiblerole_test.moc"
