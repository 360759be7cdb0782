// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The sudo method's generators: golden files pin the exact text (tests/data/generate/sudo; set
// DEROOT_REFRESH_GOLDEN=1 or run tools/refresh-golden to rewrite them on purpose), every sudoers
// text goes through the real visudo (and cvtsudoers, to check what sudo takes it to mean) and every sysusers file
// through systemd-sysusers --dry-run, and hostile input is refused both by validateGenerationInput() and by the
// generator itself.
#include "golden.h"
#include "requiretool.h"

#include "core/generate/inputvalidation.h"
#include "core/generate/serviceuser.h"
#include "core/generate/sudoersgenerator.h"
#include "core/validate/sudovalidation.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <sys/stat.h>
#include <unistd.h>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;
using namespace Deroot::TestSupport;

using Change = std::function<void(GenerationInput &)>;
Q_DECLARE_METATYPE(Change)

class SudoersGeneratorTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void golden_data();
    void golden();
    void hostileInput_data();
    void hostileInput();
    void trailingNewlineIsRefused_data();
    void trailingNewlineIsRefused();
    void commandInWritableDirectoryIsRefused();
    void argumentsAreEscaped();
    void userCommandsRefuseHostileNames();
    void dangerousListIsComplete();
    void validatorsReportFailures();

private:
    QTemporaryDir m_writable;
    QString m_writableCommand;
};

namespace {

const QString kData = QStringLiteral(DEROOT_TEST_DATA "/generate/sudo");

GenerationInput validInput()
{
    GenerationInput input;
    input.method = Method::Sudo;
    input.agentId = u"smartmon"_s;
    input.serviceUser = u"smartmon"_s;
    input.executable = u"/usr/bin/true"_s;
    input.sudoCommands = {{u"/usr/sbin/smartctl"_s, {u"--scan"_s}, true}};
    return input;
}

// What sudo itself understands the file to mean: cvtsudoers (from sudo) parses it and prints the
// rules as JSON. Returns a problem, or nothing when the file grants exactly one rule per command:
// the service user, on any host, as root only, without a password, with the command's NOEXEC
// choice, the full path and exactly its arguments ("" for none); and no Defaults or anything else.
QString meaningProblem(const GenerationInput &input, const QString &content)
{
    QTemporaryDir directory;
    QFile file(directory.filePath(u"sudoers"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(content.toUtf8()) < 0) {
        return u"cannot write a temporary file"_s;
    }
    file.close();
    QProcess cvtsudoers;
    cvtsudoers.start(u"/usr/bin/cvtsudoers"_s, {u"-f"_s, u"json"_s, u"-e"_s, file.fileName()});
    if (!cvtsudoers.waitForFinished(30000) || cvtsudoers.exitCode() != 0) {
        return u"cvtsudoers failed: "_s + QString::fromUtf8(cvtsudoers.readAllStandardError());
    }
    const QJsonObject policy = QJsonDocument::fromJson(cvtsudoers.readAllStandardOutput()).object();
    if (policy.keys() != QStringList{u"User_Specs"_s}) {
        return u"the policy holds more than user rules: "_s + policy.keys().join(u", "_s);
    }
    const QJsonArray specs = policy.value(u"User_Specs"_s).toArray();
    if (specs.size() != input.sudoCommands.size()) {
        return u"%1 rules for %2 commands"_s.arg(specs.size()).arg(input.sudoCommands.size());
    }
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const SudoCommand &command = input.sudoCommands.at(i);
        const QString arguments = command.arguments.isEmpty() ? u"\"\""_s : command.arguments.join(u' ');
        const QJsonObject expected{
            {u"User_List"_s, QJsonArray{QJsonObject{{u"username"_s, input.serviceUser}}}},
            {u"Host_List"_s, QJsonArray{QJsonObject{{u"hostname"_s, u"ALL"_s}}}},
            {u"Cmnd_Specs"_s,
             QJsonArray{QJsonObject{
                 {u"runasusers"_s, QJsonArray{QJsonObject{{u"username"_s, u"root"_s}}}},
                 {u"Options"_s,
                  QJsonArray{QJsonObject{{u"authenticate"_s, false}}, QJsonObject{{u"noexec"_s, command.noexec}}}},
                 {u"Commands"_s, QJsonArray{QJsonObject{{u"command"_s, QString(command.path + u' ' + arguments)}}}}}}}};
        if (specs.at(i).toObject() != expected) {
            return u"rule %1 means\n%2\ninstead of\n%3"_s.arg(i + 1).arg(
                QString::fromUtf8(QJsonDocument(specs.at(i).toObject()).toJson()),
                QString::fromUtf8(QJsonDocument(expected).toJson()));
        }
    }
    return {};
}

} // namespace

void SudoersGeneratorTest::initTestCase()
{
    QVERIFY(m_writable.isValid());
    // A program in a directory the agent's user owns: it could replace the program at any time.
    // The temporary directory stands for "/" (checkInputOnSystem()'s root), so that the directory
    // judged first from the top is that one, not /tmp, which everyone may write to.
    QVERIFY(QDir().mkpath(m_writable.filePath(u"opt/agent"_s)));
    m_writableCommand = u"/opt/agent/collector"_s;
    QVERIFY(QFile::copy(u"/usr/bin/true"_s, m_writable.path() + m_writableCommand));
    if (geteuid() == 0) {
        QCOMPARE(::chmod(QFile::encodeName(m_writable.filePath(u"opt"_s)).constData(), 0755), 0);
        QCOMPARE(::chown(QFile::encodeName(m_writable.filePath(u"opt/agent"_s)).constData(), 65534, 65534), 0);
    }
}

void SudoersGeneratorTest::golden_data()
{
    QTest::addColumn<QString>("name");
    const QDir inputs(kData + u"/input"_s);
    const QStringList files = inputs.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files) {
        const QString name = file.chopped(5);
        QTest::addRow("%s", qPrintable(name)) << name;
    }
}

void SudoersGeneratorTest::golden()
{
    QFETCH(QString, name);
    const Result<GoldenInput> golden = readGoldenInput(kData + u"/input/"_s + name + u".json"_s, Method::Sudo);
    QVERIFY2(golden, golden ? "" : qPrintable(golden.error().message));
    const GenerationInput &input = golden->input;
    const auto inputError = validateGenerationInput(input);
    QVERIFY2(!inputError, inputError ? qPrintable(inputError->message) : "");

    const QString expected = kData + u"/expected/"_s + name;
    const Result<Artifact> sudoers = sudoersFile(input);
    QVERIFY2(sudoers.ok(), qPrintable(sudoers.error().message));
    QCOMPARE(sudoers->targetPath, u"/etc/sudoers.d/deroot-"_s + input.agentId);
    QCOMPARE(sudoers->mode, 0440);
    QCOMPARE(sudoers->owner, u"root"_s);
    QCOMPARE(sudoers->group, u"root"_s);
    QString problem = compareGolden(expected + u".sudoers"_s, sudoers->content);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const ValidationResult visudo = validateSudoers(sudoers->content);
    DEROOT_REQUIRE_TOOL(visudo.available, visudo.summary);
    QVERIFY2(visudo.ok, qPrintable(visudo.summary + u'\n' + visudo.output));
    problem = meaningProblem(input, sudoers->content);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    const Artifact useradd = serviceUserCommand(input);
    QVERIFY(useradd.isCommand);
    QString commands = useradd.content + u'\n';
    if (const auto groupadd = serviceGroupCommand(input)) {
        commands.prepend(groupadd->content + u'\n');
    }
    problem = compareGolden(expected + u".useradd"_s, commands);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    const Artifact sysusers = sysusersFile(input);
    QCOMPARE(sysusers.targetPath, u"/etc/sysusers.d/deroot-"_s + input.agentId + u".conf"_s);
    problem = compareGolden(expected + u".sysusers"_s, sysusers.content);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const ValidationResult dryRun = validateSysusers(sysusers.content);
    DEROOT_REQUIRE_TOOL(dryRun.available, dryRun.summary);
    QVERIFY2(dryRun.ok, qPrintable(dryRun.summary + u'\n' + dryRun.output));
}

void SudoersGeneratorTest::hostileInput_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<bool>("validationRefuses");
    QTest::addColumn<QString>("mentions");
    const auto row = [](const char *name, Change change, bool validationRefuses, const QString &mentions) {
        QTest::addRow("%s", name) << change << validationRefuses << mentions;
    };
    // Names that would forge sudoers syntax or a second rule.
    row("user with a space", [](GenerationInput &i) { i.serviceUser = u"agent ALL"_s; }, true, u"service user"_s);
    row(
        "user with a newline", [](GenerationInput &i) { i.serviceUser = u"agent\nALL ALL=(ALL) NOPASSWD: ALL"_s; },
        true, u"\\n"_s);
    row("user with '='", [](GenerationInput &i) { i.serviceUser = u"a=b"_s; }, true, u"service user"_s);
    row("user with ','", [](GenerationInput &i) { i.serviceUser = u"a,root"_s; }, true, u"service user"_s);
    row(
        "user with '#' (a uid in sudoers)", [](GenerationInput &i) { i.serviceUser = u"#0"_s; }, true,
        u"service user"_s);
    row("user non-ASCII", [](GenerationInput &i) { i.serviceUser = u"agënt"_s; }, true, u"service user"_s);
    row("user ALL", [](GenerationInput &i) { i.serviceUser = u"ALL"_s; }, true, u"service user"_s);
    row(
        "agent id with a dot (sudo ignores the file)", [](GenerationInput &i) { i.agentId = u"node.exporter"_s; }, true,
        u"'.'"_s);
    row("agent id with a tilde (editor backup)", [](GenerationInput &i) { i.agentId = u"node~"_s; }, true, u"'~'"_s);
    row(
        "agent id with a newline", [](GenerationInput &i) { i.agentId = u"a\nALL ALL=(ALL) ALL"_s; }, true,
        u"agent id"_s);
    row("agent id with a space", [](GenerationInput &i) { i.agentId = u"a b"_s; }, true, u"agent id"_s);
    row("agent id with '#'", [](GenerationInput &i) { i.agentId = u"a#b"_s; }, true, u"agent id"_s);
    row("agent id non-ASCII", [](GenerationInput &i) { i.agentId = u"agënt"_s; }, true, u"agent id"_s);
    row(
        "description with a newline", [](GenerationInput &i) { i.description = u"x\nALL ALL=(ALL) ALL"_s; }, true,
        u"description"_s);
    // Arguments.
    row(
        "argument with a space", [](GenerationInput &i) { i.sudoCommands[0].arguments = {u"-a /dev/sda"_s}; }, true,
        u"sudo argument"_s);
    row(
        "argument with a newline",
        [](GenerationInput &i) { i.sudoCommands[0].arguments = {u"--scan\nsmartmon ALL=(ALL) ALL"_s}; }, true,
        u"sudo argument"_s);
    row(
        "argument wildcard", [](GenerationInput &i) { i.sudoCommands[0].arguments = {u"*"_s}; }, true,
        u"sudo argument"_s);
    row(
        "argument with '#'", [](GenerationInput &i) { i.sudoCommands[0].arguments = {u"#x"_s}; }, true,
        u"sudo argument"_s);
    row(
        "argument with a quote", [](GenerationInput &i) { i.sudoCommands[0].arguments = {u"\""_s}; }, true,
        u"sudo argument"_s);
    row(
        "argument with a backslash", [](GenerationInput &i) { i.sudoCommands[0].arguments = {u"a\\"_s}; }, true,
        u"sudo argument"_s);
    row("argument '!'", [](GenerationInput &i) { i.sudoCommands[0].arguments = {u"!x"_s}; }, false, u"sudo argument"_s);
    row(
        "argument regex '^...$'", [](GenerationInput &i) { i.sudoCommands[0].arguments = {u"^.$"_s}; }, false,
        u"sudo argument"_s);
    row(
        "argument non-ASCII", [](GenerationInput &i) { i.sudoCommands[0].arguments = {u"dévice"_s}; }, true,
        u"sudo argument"_s);
    // Commands.
    row("no command", [](GenerationInput &i) { i.sudoCommands.clear(); }, false, u"at least one command"_s);
    row(
        "relative command", [](GenerationInput &i) { i.sudoCommands[0].path = u"smartctl"_s; }, true,
        u"sudo command"_s);
    row("command ALL", [](GenerationInput &i) { i.sudoCommands[0].path = u"ALL"_s; }, true, u"sudo command"_s);
    row(
        "command with traversal", [](GenerationInput &i) { i.sudoCommands[0].path = u"/usr/sbin/../bin/sh"_s; }, true,
        u"sudo command"_s);
    row(
        "editor vi", [](GenerationInput &i) { i.sudoCommands[0].path = u"/usr/bin/vi"_s; }, true,
        u"gtfobins.github.io/gtfobins/vi/"_s);
    row(
        "find", [](GenerationInput &i) { i.sudoCommands[0].path = u"/usr/bin/find"_s; }, false,
        u"gtfobins.github.io/gtfobins/find/"_s);
    row("env", [](GenerationInput &i) { i.sudoCommands[0].path = u"/usr/bin/env"_s; }, false, u"env gives"_s);
    row("python3", [](GenerationInput &i) { i.sudoCommands[0].path = u"/usr/bin/python3"_s; }, true, u"python gives"_s);
    row(
        "python3.13 (versioned)", [](GenerationInput &i) { i.sudoCommands[0].path = u"/usr/bin/python3.13"_s; }, false,
        u"python gives"_s);
    row("tee", [](GenerationInput &i) { i.sudoCommands[0].path = u"/usr/bin/tee"_s; }, false, u"file write"_s);
    row("dd", [](GenerationInput &i) { i.sudoCommands[0].path = u"/usr/bin/dd"_s; }, false, u"file write"_s);
    row("cp", [](GenerationInput &i) { i.sudoCommands[0].path = u"/usr/bin/cp"_s; }, false, u"file write"_s);
    row("tar", [](GenerationInput &i) { i.sudoCommands[0].path = u"/usr/bin/tar"_s; }, false, u"tar gives"_s);
    row("less", [](GenerationInput &i) { i.sudoCommands[0].path = u"/usr/bin/less"_s; }, true, u"less gives"_s);
    row("shell", [](GenerationInput &i) { i.sudoCommands[0].path = u"/usr/bin/bash"_s; }, false, u"shell"_s);
    row(
        "second command dangerous",
        [](GenerationInput &i) { i.sudoCommands << SudoCommand{u"/usr/bin/env"_s, {}, true}; }, false, u"env"_s);
}

void SudoersGeneratorTest::hostileInput()
{
    QFETCH(Change, change);
    QFETCH(bool, validationRefuses);
    QFETCH(QString, mentions);
    GenerationInput input = validInput();
    change(input);
    const auto inputError = validateGenerationInput(input);
    if (validationRefuses) {
        QVERIFY2(inputError, "validateGenerationInput accepted it");
    }
    // Called directly, without validation, the generator refuses on its own.
    const Result<Artifact> sudoers = sudoersFile(input);
    QVERIFY2(!sudoers.ok(), sudoers.ok() ? qPrintable(sudoers->content) : "");
    QCOMPARE(sudoers.error().code, ExitCode::Usage);
    QVERIFY2(sudoers.error().message.contains(mentions), qPrintable(sudoers.error().message));
    QVERIFY2(!sudoers.error().message.contains(u'\n'), qPrintable(sudoers.error().message));
}

void SudoersGeneratorTest::trailingNewlineIsRefused_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<bool>("validationMisses");
    QTest::addColumn<bool>("inSudoers");
    QTest::addColumn<bool>("inUseradd");
    // Found by the fuzzer: a pattern ending in '$' also matches before a final newline.
    QTest::addRow("agent id") << Change([](GenerationInput &i) { i.agentId += u'\n'; }) << true << true << true;
    QTest::addRow("user") << Change([](GenerationInput &i) { i.serviceUser += u'\n'; }) << true << true << true;
    QTest::addRow("group") << Change([](GenerationInput &i) { i.serviceGroup = u"monitoring\n"_s; }) << true << false
                           << true;
    QTest::addRow("supplementary group") << Change([](GenerationInput &i) { i.supplementaryGroups = {u"adm\n"_s}; })
                                         << true << false << true;
    QTest::addRow("sudo argument") << Change([](GenerationInput &i) { i.sudoCommands[0].arguments = {u"--scan\n"_s}; })
                                   << false << true << false;
}

void SudoersGeneratorTest::trailingNewlineIsRefused()
{
    QFETCH(Change, change);
    QFETCH(bool, validationMisses);
    QFETCH(bool, inSudoers);
    QFETCH(bool, inUseradd);
    GenerationInput input = validInput();
    change(input);
    Q_UNUSED(validationMisses); // the rows where validation once missed it: it no longer does
    QVERIFY(validateGenerationInput(input).has_value());
    // The generators hold on their own.
    if (inSudoers) {
        QVERIFY(!sudoersFile(input).ok());
    }
    if (inUseradd) {
        QVERIFY(serviceUserCommand(input).content.isEmpty());
        QVERIFY(sysusersFile(input).content.isEmpty());
    }
}

void SudoersGeneratorTest::commandInWritableDirectoryIsRefused()
{
    GenerationInput input = validInput();
    input.sudoCommands = {{m_writableCommand, {u"--once"_s}, true}};
    // validateGenerationInput() and the generator accept it: a clean path, and generation is a
    // pure function of the plan. Only this machine can tell that whoever can replace the program
    // becomes root through the rule: checkInputOnSystem(), which derootctl generate, the wizard
    // and (on its own descriptors) the helper run.
    const auto inputError = validateGenerationInput(input);
    QVERIFY2(!inputError, inputError ? qPrintable(inputError->message) : "");
    QVERIFY(sudoersFile(input).ok());
    const auto systemError = checkInputOnSystem(input, m_writable.path());
    QVERIFY(systemError);
    QCOMPARE(systemError->code, ExitCode::Usage);
    QVERIFY2(systemError->message.contains(u"someone other than root can change what runs as root"_s),
             qPrintable(systemError->message));
    if (geteuid() == 0) {
        QVERIFY2(systemError->message.contains(u"uid 65534"_s), qPrintable(systemError->message));
    }
}

void SudoersGeneratorTest::argumentsAreEscaped()
{
    // ',', ':' and '=' are list and tag separators in sudoers: the generator escapes them even
    // though validateGenerationInput() refuses them today.
    GenerationInput input = validInput();
    input.sudoCommands = {{u"/usr/sbin/smartctl"_s, {u"--device=sat,12"_s, u"-a"_s, u"/dev/disk/by-id/x:1"_s}, true}};
    const Result<Artifact> sudoers = sudoersFile(input);
    QVERIFY2(sudoers.ok(), qPrintable(sudoers.error().message));
    QVERIFY2(sudoers->content.contains(u"/usr/sbin/smartctl --device\\=sat\\,12 -a /dev/disk/by-id/x\\:1\n"_s),
             qPrintable(sudoers->content));
    const ValidationResult visudo = validateSudoers(sudoers->content);
    QVERIFY2(visudo.ok, qPrintable(visudo.output));
    // sudo reads the escaped text back as the original arguments.
    const QString problem = meaningProblem(input, sudoers->content);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // The check itself tells meanings apart.
    GenerationInput other = input;
    other.sudoCommands[0].noexec = false;
    QVERIFY(!meaningProblem(other, sudoers->content).isEmpty());
    other = input;
    other.sudoCommands[0].arguments[0] = u"--device\\=sat\\,12"_s;
    QVERIFY(!meaningProblem(other, sudoers->content).isEmpty());
}

void SudoersGeneratorTest::userCommandsRefuseHostileNames()
{
    GenerationInput input = validInput();
    input.serviceUser = u"a; rm -rf /"_s;
    QVERIFY(serviceUserCommand(input).content.isEmpty());
    QVERIFY(sysusersFile(input).content.isEmpty());
    input = validInput();
    input.supplementaryGroups = {u"adm\nu root 0"_s};
    QVERIFY(serviceUserCommand(input).content.isEmpty());
    QVERIFY(sysusersFile(input).content.isEmpty());
    QVERIFY(!serviceUserCommand(validInput()).content.isEmpty());
}

void SudoersGeneratorTest::dangerousListIsComplete()
{
    const QList<DangerousCommand> &commands = dangerousSudoCommands();
    QVERIFY(commands.size() >= 50);
    for (const DangerousCommand &command : commands) {
        QVERIFY2(!command.name.isEmpty() && !command.names.isEmpty(), qPrintable(command.name));
        QVERIFY2(!command.allows.isEmpty(), qPrintable(command.name));
        QVERIFY2(command.source.startsWith(u"https://"_s), qPrintable(command.name));
    }
    for (const QString &path : {u"/usr/bin/vi"_s, u"/usr/bin/vim.basic"_s, u"/usr/bin/nano"_s, u"/usr/bin/less"_s,
                                u"/usr/bin/more"_s, u"/usr/bin/find"_s, u"/usr/bin/tar"_s, u"/usr/bin/env"_s,
                                u"/usr/bin/python3"_s, u"/usr/bin/perl5.40.1"_s, u"/usr/bin/tee"_s, u"/usr/bin/cp"_s,
                                u"/usr/bin/dd"_s, u"/usr/bin/bash"_s, u"/usr/bin/sh"_s, u"/usr/bin/busybox"_s}) {
        QVERIFY2(dangerousSudoCommand(path), qPrintable(path));
    }
    for (const QString &path : {u"/usr/sbin/smartctl"_s, u"/usr/bin/ipmitool"_s, u"/usr/bin/python-config"_s,
                                u"/usr/bin/shred"_s, u"/usr/bin/envsubst"_s}) {
        QVERIFY2(!dangerousSudoCommand(path), qPrintable(path));
    }
}

void SudoersGeneratorTest::validatorsReportFailures()
{
    const ValidationResult broken = validateSudoers(u"smartmon ALL=(root) NOPASSWD /usr/sbin/smartctl\n"_s);
    DEROOT_REQUIRE_TOOL(broken.available, broken.summary);
    QVERIFY(!broken.ok);
    QVERIFY2(broken.summary.startsWith(u"visudo: "_s), qPrintable(broken.summary));
    QVERIFY2(broken.output.contains(u"syntax error"_s), qPrintable(broken.output));
    const ValidationResult undefined = validateSudoers(u"smartmon ALL=(root) NOPASSWD: NOT_DEFINED\n"_s);
    QVERIFY2(!undefined.ok, qPrintable(undefined.output));

    const ValidationResult badUsers = validateSysusers(u"x agent\n"_s);
    DEROOT_REQUIRE_TOOL(badUsers.available, badUsers.summary);
    QVERIFY(!badUsers.ok);
    QVERIFY2(badUsers.output.contains(u"sysusers.conf:1"_s), qPrintable(badUsers.output));
}

QTEST_GUILESS_MAIN(SudoersGeneratorTest)
#include "sudoersgenerator_test.moc"
