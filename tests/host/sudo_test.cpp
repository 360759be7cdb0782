// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The sudo method, for real: inside the booted test host, the generated useradd line creates the
// agent's user, the generated drop-in goes into /etc/sudoers.d, and sudo itself shows that the
// user may run exactly the listed commands with exactly their arguments, and nothing else: not
// another argument list, not another program, not a shell; NOEXEC stops a listed command from
// starting another program, EXEC lets it. The generated sysusers.d file is applied by
// systemd-sysusers as well. Runs as root in the test host; changes only the test host.
#include "core/generate/inputvalidation.h"
#include "core/generate/serviceuser.h"
#include "core/generate/sudoersgenerator.h"
#include "core/validate/sudovalidation.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <sys/stat.h>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

class SudoTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void userIsASystemUserWithoutLogin();
    void useraddWithAGivenGroup();
    void wholePolicyIsValid();
    void sudoListsExactlyTheCommands();
    void listedCommandsRun_data();
    void listedCommandsRun();
    void noexecStopsChildPrograms();
    void everythingElseIsRefused_data();
    void everythingElseIsRefused();
    void noNewPrivilegesBreaksSudo_data();
    void noNewPrivilegesBreaksSudo();
    void sysusersFileCreatesTheUser();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QString &program, const QStringList &arguments);
    static Run runCommandLine(const Artifact &artifact);
    static Run asAgent(const QStringList &sudoArguments);

    GenerationInput m_input;
    Artifact m_sudoers;
};

namespace {

const QString kUser = u"deroot-smartmon"_s;
// A root-owned script that starts another program: under NOEXEC that second exec must fail, under
// EXEC it prints the uid it runs as.
const QString kIdProbe = u"/usr/local/sbin/deroot-idprobe"_s;

GenerationInput sudoInput()
{
    GenerationInput input;
    input.method = Method::Sudo;
    input.agentId = u"host-smartmon"_s;
    input.description = u"host test of the sudo method"_s;
    input.serviceUser = kUser;
    input.executable = u"/usr/bin/true"_s;
    input.supplementaryGroups = {u"adm"_s};
    input.sudoCommands = {{u"/usr/sbin/smartctl"_s, {u"--scan"_s}, true},
                          {u"/usr/bin/ipmitool"_s, {u"-V"_s}, true},
                          {kIdProbe, {u"exec"_s}, false},
                          {kIdProbe, {u"noexec"_s}, true}};
    return input;
}

} // namespace

SudoTest::Run SudoTest::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        return {-1, QString::fromUtf8(process.readAllStandardOutput()), u"(timed out or crashed)"_s};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// A generated command line holds only validated names and options, one word per argument: it runs
// without a shell, exactly as an admin would type it.
SudoTest::Run SudoTest::runCommandLine(const Artifact &artifact)
{
    QStringList words = artifact.content.split(u' ');
    words.removeFirst();
    return run(artifact.targetPath, words);
}

SudoTest::Run SudoTest::asAgent(const QStringList &sudoArguments)
{
    return run(u"runuser"_s, QStringList{u"-u"_s, kUser, u"--"_s, u"sudo"_s, u"-n"_s} + sudoArguments);
}

void SudoTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    QVERIFY(QDir().mkpath(u"/usr/local/sbin"_s));
    QFile probe(kIdProbe);
    QVERIFY(probe.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(probe.write("#!/bin/sh\nexec /usr/bin/id -u\n") > 0);
    probe.close();
    QCOMPARE(::chmod(QFile::encodeName(kIdProbe).constData(), 0755), 0);
    m_input = sudoInput();
    const auto inputError = validateGenerationInput(m_input);
    QVERIFY2(!inputError, inputError ? qPrintable(inputError->message) : "");

    // The generated useradd line, run as it is.
    if (run(u"id"_s, {u"-u"_s, kUser}).exitCode == 0) {
        QCOMPARE(run(u"userdel"_s, {kUser}).exitCode, 0);
    }
    const Artifact useradd = serviceUserCommand(m_input);
    QVERIFY(useradd.isCommand);
    const Run added = runCommandLine(useradd);
    QVERIFY2(added.exitCode == 0, qPrintable(useradd.content + u'\n' + added.err));

    // The drop-in: checked alone, staged under a name sudo ignores (it has a '.'), then renamed
    // into place, the order the future helper follows so that sudo never reads half a file.
    const Result<Artifact> sudoers = sudoersFile(m_input);
    QVERIFY2(sudoers.ok(), qPrintable(sudoers.error().message));
    m_sudoers = *sudoers;
    const ValidationResult checked = validateSudoers(m_sudoers.content);
    QVERIFY2(checked.ok, qPrintable(checked.output));
    const QString staged = m_sudoers.targetPath + u".deroot-new"_s;
    QFile file(staged);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(file.write(m_sudoers.content.toUtf8()) == m_sudoers.content.toUtf8().size());
    file.close();
    QCOMPARE(::chmod(QFile::encodeName(staged).constData(), mode_t(m_sudoers.mode)), 0);
    QCOMPARE(::rename(QFile::encodeName(staged).constData(), QFile::encodeName(m_sudoers.targetPath).constData()), 0);
}

void SudoTest::cleanupTestCase()
{
    QFile::remove(m_sudoers.targetPath);
    QFile::remove(kIdProbe);
    run(u"userdel"_s, {kUser});
}

void SudoTest::userIsASystemUserWithoutLogin()
{
    const Run entry = run(u"getent"_s, {u"passwd"_s, kUser});
    QCOMPARE(entry.exitCode, 0);
    const QStringList fields = entry.out.trimmed().split(u':');
    QCOMPARE(fields.size(), 7);
    QVERIFY2(fields.at(2).toInt() > 0 && fields.at(2).toInt() < 1000, qPrintable(entry.out));
    QCOMPARE(fields.at(5), u"/nonexistent"_s);
    QCOMPARE(fields.at(6), u"/usr/sbin/nologin"_s);
    QVERIFY(!QFile::exists(u"/nonexistent"_s));
    const Run groups = run(u"id"_s, {u"-nG"_s, kUser});
    QCOMPARE(groups.out.trimmed().split(u' '), (QStringList{kUser, u"adm"_s}));
}

void SudoTest::useraddWithAGivenGroup()
{
    // With a primary group other than the user's own, groupadd comes first: useradd -g needs it.
    GenerationInput input = m_input;
    input.serviceUser = u"deroot-grouped"_s;
    input.serviceGroup = u"deroot-agents"_s;
    const auto groupadd = serviceGroupCommand(input);
    QVERIFY(groupadd);
    const Run group = runCommandLine(*groupadd);
    QVERIFY2(group.exitCode == 0, qPrintable(groupadd->content + u'\n' + group.err));
    const Run added = runCommandLine(serviceUserCommand(input));
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QCOMPARE(run(u"id"_s, {u"-gn"_s, input.serviceUser}).out.trimmed(), input.serviceGroup);
    QCOMPARE(run(u"id"_s, {u"-nG"_s, input.serviceUser}).out.trimmed(), u"deroot-agents adm"_s);
    QCOMPARE(run(u"userdel"_s, {input.serviceUser}).exitCode, 0);
    QCOMPARE(run(u"groupdel"_s, {input.serviceGroup}).exitCode, 0);
}

void SudoTest::wholePolicyIsValid()
{
    // The whole policy, with owner and mode checks: what sudo reads, not just our file.
    const Run visudo = run(u"visudo"_s, {u"-c"_s});
    QVERIFY2(visudo.exitCode == 0, qPrintable(visudo.out + visudo.err));
    QVERIFY2(visudo.out.contains(m_sudoers.targetPath + u": parsed OK"_s), qPrintable(visudo.out));
    // sudo >= 1.9.14 says when it skips a file; ours must not be skipped.
    QVERIFY2(!QString(visudo.out + visudo.err).contains(u"ignoring"_s), qPrintable(visudo.out + visudo.err));
    struct stat status{};
    QCOMPARE(::stat(QFile::encodeName(m_sudoers.targetPath).constData(), &status), 0);
    QCOMPARE(status.st_mode & 07777, mode_t(0440));
    QCOMPARE(status.st_uid, uid_t(0));
    QCOMPARE(status.st_gid, gid_t(0));
}

void SudoTest::sudoListsExactlyTheCommands()
{
    const Run listed = run(u"sudo"_s, {u"-l"_s, u"-U"_s, kUser});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.out + listed.err));
    // Everything after "User ... may run the following commands on ...:" is the user's rules.
    const qsizetype header = listed.out.indexOf(u"User "_s + kUser + u" may run the following commands"_s);
    QVERIFY2(header >= 0, qPrintable(listed.out));
    QStringList rules = listed.out.mid(listed.out.indexOf(u'\n', header) + 1).split(u'\n', Qt::SkipEmptyParts);
    for (QString &rule : rules) {
        rule = rule.simplified();
    }
    // sudo prints the tags in its own order. Compared as one text so a mismatch shows all of it.
    QCOMPARE(rules.join(u'\n'), QStringList({u"(root) NOEXEC: NOPASSWD: /usr/sbin/smartctl --scan"_s,
                                             u"(root) NOEXEC: NOPASSWD: /usr/bin/ipmitool -V"_s,
                                             u"(root) EXEC: NOPASSWD: "_s + kIdProbe + u" exec"_s,
                                             u"(root) NOEXEC: NOPASSWD: "_s + kIdProbe + u" noexec"_s})
                                    .join(u'\n'));
}

void SudoTest::listedCommandsRun_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("prints");
    QTest::newRow("smartctl --scan") << QStringList{u"/usr/sbin/smartctl"_s, u"--scan"_s} << QString();
    QTest::newRow("ipmitool -V") << QStringList{u"/usr/bin/ipmitool"_s, u"-V"_s} << u"ipmitool version"_s;
    // EXEC: the script may start id, which reports root.
    QTest::newRow("EXEC probe runs id as root") << QStringList{kIdProbe, u"exec"_s} << u"0\n"_s;
}

void SudoTest::noexecStopsChildPrograms()
{
    // The same script under NOEXEC: sudo runs it (the rule matches), but its exec of id is refused.
    const Run result = asAgent({kIdProbe, u"noexec"_s});
    QVERIFY2(result.exitCode != 0, qPrintable(result.out + result.err));
    QVERIFY2(!result.err.contains(u"password is required"_s), qPrintable(result.err));
    QVERIFY2(result.err.contains(u"Permission denied"_s), qPrintable(result.err));
    QVERIFY2(result.out.isEmpty(), qPrintable(result.out));
}

void SudoTest::listedCommandsRun()
{
    QFETCH(QStringList, command);
    QFETCH(QString, prints);
    const Run result = asAgent(command);
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    QVERIFY2(result.out.contains(prints), qPrintable(result.out));
    QVERIFY2(!result.err.contains(u"password is required"_s), qPrintable(result.err));
    // sudo's own log in the journal says it ran as root, with exactly these arguments.
    const QString logged = u"USER=root ; COMMAND="_s + command.join(u' ');
    QString journal;
    for (int attempt = 0; attempt < 50 && !journal.contains(logged); ++attempt) {
        QTest::qWait(100);
        journal = run(u"journalctl"_s, {u"--no-pager"_s, u"-o"_s, u"cat"_s, u"_COMM=sudo"_s}).out;
    }
    QVERIFY2(journal.contains(kUser + u" : PWD="_s) && journal.contains(logged), qPrintable(journal));
}

void SudoTest::everythingElseIsRefused_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("refusal");
    const QString noMatch = u"a password is required"_s;
    const auto row = [](const char *name, const QStringList &command, const QString &refusal) {
        QTest::addRow("%s", name) << command << refusal;
    };
    row("other arguments", {u"/usr/sbin/smartctl"_s, u"--scan-open"_s}, noMatch);
    row("an extra argument", {u"/usr/sbin/smartctl"_s, u"--scan"_s, u"-d"_s, u"sat"_s}, noMatch);
    row("no arguments", {u"/usr/sbin/smartctl"_s}, noMatch);
    row("arguments of the other command", {u"/usr/bin/ipmitool"_s, u"--scan"_s}, noMatch);
    row("another command", {u"/usr/bin/id"_s}, noMatch);
    row("a shell", {u"/bin/sh"_s, u"-c"_s, u"id"_s}, noMatch);
    row("a shell by sudo -s", {u"-s"_s}, noMatch);
    row("a login shell", {u"-i"_s}, noMatch);
    row("editing a file", {u"-e"_s, u"/etc/shadow"_s}, noMatch);
    row("running as another user", {u"-u"_s, u"nobody"_s, u"/usr/bin/ipmitool"_s, u"-V"_s}, noMatch);
    row("keeping the environment", {u"-E"_s, u"/usr/bin/ipmitool"_s, u"-V"_s},
        u"sorry, you are not allowed to preserve the environment"_s);
    row("setting LD_PRELOAD", {u"LD_PRELOAD=/tmp/x.so"_s, u"/usr/bin/ipmitool"_s, u"-V"_s},
        u"sorry, you are not allowed to set the following environment variables: LD_PRELOAD"_s);
}

void SudoTest::everythingElseIsRefused()
{
    QFETCH(QStringList, command);
    const Run result = asAgent(command);
    QVERIFY2(result.exitCode != 0, qPrintable(result.out + result.err));
    // sudo -n refuses with a message on stderr and runs nothing.
    // Refused by the policy, not by an accident of the environment: sudo -n says a password
    // would be needed (the rule does not match) or names the option the rule does not allow.
    QFETCH(QString, refusal);
    QVERIFY2(result.err.contains(u"sudo: "_s + refusal), qPrintable(result.err));
    QVERIFY2(!result.out.contains(u"uid=0"_s), qPrintable(result.out));
}

void SudoTest::noNewPrivilegesBreaksSudo_data()
{
    QTest::addColumn<QString>("property");
    QTest::addColumn<bool>("works");
    QTest::addColumn<QString>("says");
    QTest::newRow("plain service") << u"NoNewPrivileges=no"_s << true << QString();
    QTest::newRow("NoNewPrivileges=yes") << u"NoNewPrivileges=yes"_s << false
                                         << u"The \"no new privileges\" flag is set"_s;
    // sudo runs setuid root but the bounding set caps what root may hold: it fails to set up.
    QTest::newRow("narrow CapabilityBoundingSet") << u"CapabilityBoundingSet=CAP_NET_RAW"_s << false << u"sudo: "_s;
}

void SudoTest::noNewPrivilegesBreaksSudo()
{
    // The conflict the sudo method's unit must avoid (seen in telegraf's smart plugin): the
    // same listed command, started as a service of the agent's user, fails under
    // NoNewPrivileges= or a bounding set without CAP_SETUID/CAP_SETGID, because sudo cannot
    // become root.
    QFETCH(QString, property);
    QFETCH(bool, works);
    QFETCH(QString, says);
    const Run result =
        run(u"systemd-run"_s, {u"--wait"_s, u"--pipe"_s, u"--quiet"_s, u"--collect"_s, u"-p"_s, u"User="_s + kUser,
                               u"-p"_s, property, u"/usr/bin/sudo"_s, u"-n"_s, kIdProbe, u"exec"_s});
    if (works) {
        QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
        QCOMPARE(result.out, u"0\n"_s);
    } else {
        QVERIFY2(result.exitCode != 0, qPrintable(result.out + result.err));
        QVERIFY2(!result.out.contains(u"0\n"_s), qPrintable(result.out));
        QVERIFY2(result.err.contains(says), qPrintable(result.err));
    }
}

void SudoTest::sysusersFileCreatesTheUser()
{
    GenerationInput input = m_input;
    input.agentId = u"host-sysusers"_s;
    input.serviceUser = u"deroot-sysusers"_s;
    input.serviceGroup = u"deroot-sysgroup"_s;
    const Artifact sysusers = sysusersFile(input);
    QVERIFY(!sysusers.content.isEmpty());
    QVERIFY(QDir().mkpath(u"/etc/sysusers.d"_s));
    QVERIFY2(validateSysusers(sysusers.content).ok, qPrintable(validateSysusers(sysusers.content).output));
    QFile file(sysusers.targetPath);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(file.write(sysusers.content.toUtf8()) > 0);
    file.close();
    const Run applied = run(u"systemd-sysusers"_s, {sysusers.targetPath});
    QFile::remove(sysusers.targetPath);
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
    const Run entry = run(u"getent"_s, {u"passwd"_s, input.serviceUser});
    QCOMPARE(entry.exitCode, 0);
    const QStringList fields = entry.out.trimmed().split(u':');
    QCOMPARE(fields.size(), 7);
    QVERIFY2(fields.at(2).toInt() > 0 && fields.at(2).toInt() < 1000, qPrintable(entry.out));
    QCOMPARE(fields.at(5), u"/nonexistent"_s);
    QCOMPARE(fields.at(6), u"/usr/sbin/nologin"_s);
    const Run groups = run(u"id"_s, {u"-nG"_s, input.serviceUser});
    QCOMPARE(groups.out.trimmed().split(u' '), (QStringList{u"deroot-sysgroup"_s, u"adm"_s}));
    run(u"userdel"_s, {input.serviceUser});
    run(u"groupdel"_s, {input.serviceGroup});
}

QTEST_GUILESS_MAIN(SudoTest)
#include "sudo_test.moc"
