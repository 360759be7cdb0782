// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/generate/inputvalidation.h"
#include "core/rules/rules.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

#include <functional>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

using Change = std::function<void(GenerationInput &)>;
Q_DECLARE_METATYPE(Change)

class InputValidationTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validInputPasses();
    void hostileInput_data();
    void hostileInput();
    void privilegedGrants();
    void systemChecks_data();
    void systemChecks();
    void environmentFiles_data();
    void environmentFiles();
};

namespace {

GenerationInput validInput()
{
    GenerationInput input;
    input.agentId = u"node_exporter"_s;
    input.description = u"Prometheus node exporter"_s;
    input.serviceUser = u"node-exporter"_s;
    input.executable = u"/usr/bin/prometheus-node-exporter"_s;
    input.arguments = {u"--web.listen-address=:9100"_s};
    input.capabilities = {10};
    input.sudoCommands = {{u"/usr/sbin/smartctl"_s, {u"--scan"_s}, true}};
    input.supplementaryGroups = {u"adm"_s};
    input.readPaths = {u"/var/log"_s};
    input.devices = {u"/dev/ipmi0"_s};
    input.addressFamilies = {u"AF_INET"_s, u"AF_INET6"_s};
    input.listenPorts = {{u"tcp"_s, 9100}};
    return input;
}

} // namespace

void InputValidationTest::validInputPasses()
{
    const auto error = validateGenerationInput(validInput());
    QVERIFY2(!error, error ? qPrintable(error->message) : "");
    // A PATH of the system's own folders is fine; hostileInput has the others.
    GenerationInput withPath = validInput();
    withPath.environment = {u"PATH=/usr/local/bin:/usr/bin:/bin"_s};
    const auto pathError = validateGenerationInput(withPath);
    QVERIFY2(!pathError, pathError ? qPrintable(pathError->message) : "");
}

void InputValidationTest::hostileInput_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<QString>("mentions");
    const auto row = [](const char *name, Change change, const QString &mentions) {
        QTest::addRow("%s", name) << change << mentions;
    };
    row("agent id with a space", [](GenerationInput &i) { i.agentId = u"node exporter"_s; }, u"agent id"_s);
    row(
        "agent id with a newline", [](GenerationInput &i) { i.agentId = u"node\nALL ALL=(ALL) ALL"_s; },
        u"'node\\nALL ALL=(ALL) ALL'"_s);
    row(
        "agent id with a dot (sudo ignores such files)", [](GenerationInput &i) { i.agentId = u"node.exporter"_s; },
        u"agent id"_s);
    row("agent id with a tilde", [](GenerationInput &i) { i.agentId = u"node~"_s; }, u"agent id"_s);
    row("user with '='", [](GenerationInput &i) { i.serviceUser = u"a=b"_s; }, u"service user"_s);
    row("user with ','", [](GenerationInput &i) { i.serviceUser = u"a,b"_s; }, u"service user"_s);
    row("user with '#'", [](GenerationInput &i) { i.serviceUser = u"#0"_s; }, u"service user"_s);
    row("user non-ASCII", [](GenerationInput &i) { i.serviceUser = u"agënt"_s; }, u"service user"_s);
    row(
        "user with a trailing newline ('$' matches before it)",
        [](GenerationInput &i) { i.serviceUser = u"agent\n"_s; }, u"service user"_s);
    row("agent id with a trailing newline", [](GenerationInput &i) { i.agentId = u"agent\n"_s; }, u"agent id"_s);
    row(
        "address family with a trailing newline", [](GenerationInput &i) { i.addressFamilies = {u"AF_INET\n"_s}; },
        u"address family"_s);
    row("user root", [](GenerationInput &i) { i.serviceUser = u"root"_s; }, u"service user"_s);
    row("user too long", [](GenerationInput &i) { i.serviceUser = QString(33, u'a'); }, u"service user"_s);
    row(
        "user of 32 characters (useradd takes it, systemd does not)",
        [](GenerationInput &i) { i.serviceUser = QString(32, u'a'); }, u"service user"_s);
    row(
        "address family systemd does not know", [](GenerationInput &i) { i.addressFamilies = {u"AF_UNMX"_s}; },
        u"address family"_s);
    row("group with a space", [](GenerationInput &i) { i.serviceGroup = u"a b"_s; }, u"service group"_s);
    row("description with a newline", [](GenerationInput &i) { i.description = u"x\n[Service]"_s; }, u"description"_s);
    row("relative program", [](GenerationInput &i) { i.executable = u"bin/agent"_s; }, u"program"_s);
    row("program with traversal", [](GenerationInput &i) { i.executable = u"/usr/bin/../sbin/agent"_s; }, u"program"_s);
    row("program with a space", [](GenerationInput &i) { i.executable = u"/opt/my agent/bin"_s; }, u"program"_s);
    row("argument with a quote", [](GenerationInput &i) { i.arguments = {u"--x=\"y"_s}; }, u"argument"_s);
    row(
        "argument with a newline", [](GenerationInput &i) { i.arguments = {u"a\nExecStartPre=/bin/sh"_s}; },
        u"argument"_s);
    row(
        "sudo command relative", [](GenerationInput &i) { i.sudoCommands = {{u"smartctl"_s, {}, true}}; },
        u"sudo command"_s);
    row(
        "sudo command a shell", [](GenerationInput &i) { i.sudoCommands = {{u"/usr/bin/sh"_s, {}, true}}; },
        u"through sudo"_s);
    row(
        "sudo command an editor by a versioned name",
        [](GenerationInput &i) { i.sudoCommands = {{u"/usr/bin/python3.13"_s, {}, true}}; }, u"through sudo"_s);
    row("primary group lxd", [](GenerationInput &i) { i.serviceGroup = u"lxd"_s; }, u"service group"_s);
    row("primary group libvirt", [](GenerationInput &i) { i.serviceGroup = u"libvirt"_s; }, u"as good as root"_s);
    row(
        "primary group incus-admin", [](GenerationInput &i) { i.serviceGroup = u"incus-admin"_s; },
        u"as good as root"_s);
    row(
        "supplementary group sudo", [](GenerationInput &i) { i.supplementaryGroups = {u"sudo"_s}; },
        u"gives sudo or root"_s);
    row(
        "supplementary group wheel", [](GenerationInput &i) { i.supplementaryGroups = {u"adm"_s, u"wheel"_s}; },
        u"gives sudo or root"_s);
    row(
        "file capabilities on an interpreter",
        [](GenerationInput &i) {
            i.method = Method::Capabilities;
            i.runsUnderSystemd = false;
            i.executable = u"/usr/bin/python3.13"_s;
            i.capabilities = {12};
        },
        u"shell or an interpreter"_s);
    row(
        "drop-in for a template unit", [](GenerationInput &i) { i.existingUnit = u"getty@.service"_s; },
        u"not a valid service unit name"_s);
    row("program hash not hex", [](GenerationInput &i) { i.executableSha256 = u"abc"_s; }, u"SHA-256"_s);
    row(
        "sudo argument wildcard",
        [](GenerationInput &i) { i.sudoCommands = {{u"/usr/sbin/smartctl"_s, {u"*"_s}, true}}; }, u"sudo argument"_s);
    row(
        "sudo argument with a comma",
        [](GenerationInput &i) { i.sudoCommands = {{u"/usr/sbin/smartctl"_s, {u"-a,/bin/sh"_s}, true}}; },
        u"sudo argument"_s);
    row("capability that does not exist", [](GenerationInput &i) { i.capabilities = {64}; }, u"capability"_s);
    row("port 0", [](GenerationInput &i) { i.listenPorts = {{u"tcp"_s, 0}}; }, u"port"_s);
    row("port 70000", [](GenerationInput &i) { i.listenPorts = {{u"udp"_s, 70000}}; }, u"port"_s);
    row("protocol sctp", [](GenerationInput &i) { i.listenPorts = {{u"sctp"_s, 80}}; }, u"protocol"_s);
    row("device outside /dev", [](GenerationInput &i) { i.devices = {u"/etc/shadow"_s}; }, u"device"_s);
    row("path with '='", [](GenerationInput &i) { i.writePaths = {u"/var/lib/a=b"_s}; }, u"path"_s);
    row(
        "address family lower-case", [](GenerationInput &i) { i.addressFamilies = {u"af_inet"_s}; },
        u"address family"_s);
    row("unit name with a slash", [](GenerationInput &i) { i.existingUnit = u"../x.service"_s; }, u"unit"_s);
    row(
        "vendor line with a newline",
        [](GenerationInput &i) {
            i.existingUnit = u"agent.service"_s;
            i.vendorExecStart = i.executable + u"\nExecStartPre=/bin/sh"_s;
        },
        u"vendor command line"_s);
    row(
        "vendor line for another program",
        [](GenerationInput &i) {
            i.existingUnit = u"agent.service"_s;
            i.vendorExecStart = u"/bin/sh -c id"_s;
        },
        u"does not start the program"_s);
    // The message fills in two values in one pass: a "%2" in the first stays as it was written.
    row(
        "vendor line with a placeholder",
        [](GenerationInput &i) {
            i.existingUnit = u"agent.service"_s;
            i.vendorExecStart = u"/bin/sh %2"_s;
        },
        u"vendor command line '/bin/sh %2' does not start the program '"_s);
    // Written back into the drop-in when Deroot adds an argument: it must stay one command there.
    row(
        "vendor line with a second command after a lone ';'",
        [](GenerationInput &i) {
            i.existingUnit = u"agent.service"_s;
            i.vendorExecStart = i.executable + u" ; +/bin/sh -c id"_s;
        },
        u"must be one command"_s);
    row(
        "vendor line ending in a lone ';'",
        [](GenerationInput &i) {
            i.existingUnit = u"agent.service"_s;
            i.vendorExecStart = i.executable + u" ;"_s;
        },
        u"must be one command"_s);
    row(
        "vendor line ending in a backslash, which continues onto User=",
        [](GenerationInput &i) {
            i.existingUnit = u"agent.service"_s;
            i.vendorExecStart = i.executable + u" --run \\"_s;
        },
        u"must be one command"_s);
    row(
        "vendor line without a unit", [](GenerationInput &i) { i.vendorExecStart = i.executable; },
        u"vendor command line"_s);
    row("memory limit 0", [](GenerationInput &i) { i.limits.memoryMaxMiB = 0; }, u"resource limits"_s);
    row("image with a space", [](GenerationInput &i) { i.containerImage = u"evil image"_s; }, u"container image"_s);
    // Start modes: what a called program or a timer cannot have, and what nothing grants.
    const auto calledBy = [](GenerationInput &i) {
        i.startMode = StartMode::CalledBy;
        i.callerUser = u"zabbix"_s;
        i.serviceUser.clear();
        i.supplementaryGroups.clear();
    };
    row(
        "called program with a service user", [=](GenerationInput &i) { calledBy(i), i.serviceUser = u"x"_s; },
        u"'service user'"_s);
    row(
        "called program with groups, which nothing would grant",
        [=](GenerationInput &i) { calledBy(i), i.supplementaryGroups = {u"adm"_s}; }, u"'supplementary groups'"_s);
    row(
        "called program with an environment", [=](GenerationInput &i) { calledBy(i), i.environment = {u"A=1"_s}; },
        u"'environment'"_s);
    row(
        "called program with a unit", [=](GenerationInput &i) { calledBy(i), i.existingUnit = u"x.service"_s; },
        u"'unit'"_s);
    row(
        "called program in a container", [=](GenerationInput &i) { calledBy(i), i.method = Method::Container; },
        u"container"_s);
    row(
        "called program under sudo without its caller", [=](GenerationInput &i) { calledBy(i), i.callerUser.clear(); },
        u"needs the user that calls it"_s);
    row("caller root", [=](GenerationInput &i) { calledBy(i), i.callerUser = u"root"_s; }, u"calling user"_s);
    row(
        "caller with a newline", [=](GenerationInput &i) { calledBy(i), i.callerUser = u"zabbix\nALL"_s; },
        u"calling user"_s);
    row("caller of a service", [](GenerationInput &i) { i.callerUser = u"zabbix"_s; }, u"calling user"_s);
    row("schedule of a service", [](GenerationInput &i) { i.schedule = u"hourly"_s; }, u"schedule"_s);
    row(
        "schedule with a newline, a second setting",
        [](GenerationInput &i) {
            i.startMode = StartMode::Scheduled;
            i.schedule = u"hourly\nExecStartPre=+/bin/sh"_s;
        },
        u"OnCalendar="_s);
    row(
        "schedule empty",
        [](GenerationInput &i) {
            i.startMode = StartMode::Scheduled;
            i.schedule.clear();
        },
        u"OnCalendar="_s);
    row(
        "schedule for a drop-in",
        [](GenerationInput &i) {
            i.startMode = StartMode::Scheduled;
            i.schedule = u"hourly"_s;
            i.existingUnit = u"agent.service"_s;
        },
        u"unit of Deroot's own"_s);
    row("LD_PRELOAD", [](GenerationInput &i) { i.environment = {u"LD_PRELOAD=/tmp/x.so"_s}; }, u"load code"_s);
    row("PYTHONPATH", [](GenerationInput &i) { i.environment = {u"PYTHONPATH=/tmp"_s}; }, u"load code"_s);
    row("LOCPATH", [](GenerationInput &i) { i.environment = {u"LOCPATH=/tmp"_s}; }, u"load code"_s);
    // The agent's ambient capabilities pass to what it runs, and PATH chooses what that is.
    row("PATH with /tmp", [](GenerationInput &i) { i.environment = {u"PATH=/tmp:/usr/bin"_s}; }, u"system's folders"_s);
    row(
        "PATH with an empty entry", [](GenerationInput &i) { i.environment = {u"PATH=/usr/bin:"_s}; },
        u"system's folders"_s);
    row(
        "PATH with /usr/bin/", [](GenerationInput &i) { i.environment = {u"PATH=/usr/bin/../../tmp"_s}; },
        u"system's folders"_s);
    row("environment without '='", [](GenerationInput &i) { i.environment = {u"JUSTANAME"_s}; }, u"NAME=value"_s);
    row("environment with a quote", [](GenerationInput &i) { i.environment = {u"A=\" B=1"_s}; }, u"NAME=value"_s);
    row(
        "environment with a newline", [](GenerationInput &i) { i.environment = {u"A=1\nUser=root"_s}; },
        u"NAME=value"_s);
    row("environment with a specifier", [](GenerationInput &i) { i.environment = {u"A=%h"_s}; }, u"NAME=value"_s);
    row(
        "relative environment file", [](GenerationInput &i) { i.environmentFiles = {u"etc/default/x"_s}; },
        u"environment file"_s);
    row(
        "environment file with a space", [](GenerationInput &i) { i.environmentFiles = {u"/etc/a b"_s}; },
        u"environment file"_s);
    row(
        "replaced unit with a template", [](GenerationInput &i) { i.replacesUnit = u"getty@tty1.service"_s; },
        u"not a valid service unit name"_s);
    row(
        "replaced unit beside a drop-in",
        [](GenerationInput &i) {
            i.existingUnit = u"agent.service"_s;
            i.replacesUnit = u"other.service"_s;
        },
        u"only by a new unit"_s);
    row(
        "replaced unit is the new unit itself",
        [](GenerationInput &i) { i.replacesUnit = u"deroot-node_exporter.service"_s; }, u"only by a new unit"_s);
}

void InputValidationTest::hostileInput()
{
    QFETCH(Change, change);
    QFETCH(QString, mentions);
    GenerationInput input = validInput();
    change(input);
    const auto error = validateGenerationInput(input);
    QVERIFY(error);
    QCOMPARE(error->code, ExitCode::Usage);
    QVERIFY2(error->message.contains(mentions), qPrintable(error->message));
    QVERIFY2(!error->message.contains(u'\n'), qPrintable(error->message));
}

// The grants that need the separate, always-interactive approval: root-equivalent capabilities,
// groups and sudo commands, named for the prompt; ordinary ones are not.
void InputValidationTest::privilegedGrants()
{
    GenerationInput input = validInput();
    QCOMPARE(Deroot::Core::privilegedGrants(input), QStringList());
    input.capabilities = {21}; // CAP_SYS_ADMIN
    input.supplementaryGroups = {u"adm"_s, u"disk"_s};
    input.sudoCommands = {{u"/usr/sbin/smartctl"_s, {}, true}, {u"/usr/sbin/usermod"_s, {u"-L"_s}, true}};
    QCOMPARE(Deroot::Core::privilegedGrants(input),
             (QStringList{u"CAP_SYS_ADMIN (root-equivalent capability)"_s, u"group disk (root-equivalent group)"_s,
                          u"sudo command /usr/sbin/usermod (root-equivalent command)"_s}));
    QVERIFY2(!validateGenerationInput(input), "a privileged grant is allowed, with the privileged approval");
}

// What only the machine can tell: checked apart from the pure validation, where a plan is made.
void InputValidationTest::systemChecks_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("sudo command missing") << u"/usr/sbin/nonexistent"_s << u"does not exist"_s;
    QTest::newRow("sudo command a directory") << u"/usr/sbin"_s << u"regular file"_s;
    // Debian's /usr/bin/sh is a symlink to dash.
    QTest::newRow("sudo command a symlink") << u"/usr/bin/sh"_s << u"regular file"_s;
}

void InputValidationTest::systemChecks()
{
    QFETCH(QString, command);
    QFETCH(QString, mentions);
    GenerationInput input = validInput();
    input.sudoCommands = {{command, {}, true}};
    const auto error = checkInputOnSystem(input);
    QVERIFY(error);
    QCOMPARE(error->code, ExitCode::Usage);
    QVERIFY2(error->message.contains(mentions), qPrintable(error->message));
    QVERIFY(!checkInputOnSystem(validInput()));
}

// What the agent's environment comes from (found trying the helper as an attacker): PID 1
// reads an EnvironmentFile= as root, so only root may be able to change it or its place.
void InputValidationTest::environmentFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("mentions"); // empty: accepted
    QTest::newRow("root's own file") << u"/etc/default/agent"_s << QString();
    QTest::newRow("optional, missing below root's directories") << u"-/etc/default/absent"_s << QString();
    QTest::newRow("required, missing") << u"/etc/default/absent"_s << u"does not exist"_s;
    QTest::newRow("group-writable") << u"/etc/default/group-writable"_s << u"writable by its group"_s;
    QTest::newRow("another account's") << u"/etc/default/nobodys"_s << u"owned by uid 65534"_s;
    QTest::newRow("a symlink") << u"/etc/default/link"_s << u"is a symlink"_s;
    QTest::newRow("in a directory anyone may write")
        << u"/var/tmp/agent.env"_s << u"'/var/tmp' is writable by others"_s;
    QTest::newRow("optional, where anyone may create it")
        << u"-/var/tmp/absent.env"_s << u"'/var/tmp' is writable by others"_s;
}

void InputValidationTest::environmentFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, mentions);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const auto make = [&](const QString &path, mode_t mode) {
        QFile out(root.path() + path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("A=1\n");
        out.close();
        QCOMPARE(::chmod(QFile::encodeName(out.fileName()).constData(), mode), 0);
    };
    QVERIFY(QDir().mkpath(root.path() + u"/etc/default"_s) && QDir().mkpath(root.path() + u"/var/tmp"_s));
    for (const char *directory : {"/etc", "/etc/default", "/var"}) {
        QCOMPARE(::chmod(QFile::encodeName(root.path() + QLatin1StringView(directory)).constData(), 0755), 0);
    }
    QCOMPARE(::chmod(QFile::encodeName(root.path() + u"/var/tmp"_s).constData(), 01777), 0);
    make(u"/etc/default/agent"_s, 0644);
    make(u"/etc/default/group-writable"_s, 0664);
    make(u"/etc/default/nobodys"_s, 0644);
    QCOMPARE(::chown(QFile::encodeName(root.path() + u"/etc/default/nobodys"_s).constData(), 65534, 65534), 0);
    QVERIFY(QFile::link(u"agent"_s, root.path() + u"/etc/default/link"_s));
    make(u"/var/tmp/agent.env"_s, 0644);

    GenerationInput input = validInput();
    input.sudoCommands.clear();
    input.environmentFiles = {file};
    const auto error = checkInputOnSystem(input, root.path());
    if (mentions.isEmpty()) {
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        return;
    }
    QVERIFY(error);
    QCOMPARE(error->code, ExitCode::Usage);
    QVERIFY2(error->message.contains(u"environment file '%1'"_s.arg(file.startsWith(u'-') ? file.mid(1) : file)) &&
                 error->message.contains(mentions),
             qPrintable(error->message));
    QVERIFY2(!error->message.contains(u'\n'), qPrintable(error->message));
}

QTEST_GUILESS_MAIN(InputValidationTest)
#include "inputvalidation_test.moc"
