// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The Ansible role export (core/export/ansiblerole.h) for every kind of plan the helper applies:
// the files it copies are byte for byte the generators' artifacts, plan/ is the plain export, the
// guard names the approved SHA-256, sudoers goes through visudo with mode 0440, units are verified
// under their real names, and every YAML file parses. With ansible-core in the build root, the
// real ansible-playbook --syntax-check and ansible-lint judge each exported role.
#include "core/export/ansiblerole.h"
#include "core/export/exportwriter.h"
#include "core/generate/manifest.h"

#include "planfixture.h"
#include "requiretool.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

class AnsibleRoleTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roleHoldsThePlansBytes_data();
    void roleHoldsThePlansBytes();
    void guardNamesTheApprovedProgram();
    void sudoersIsCheckedByVisudo();
    void unitsAreVerifiedUnderTheirRealNames();
    void fileCapabilitiesAreCompared();
    void containerDeploysTheQuadletUnit();
    void roleNameHasNoDash();
    void changedPlanIsRefused();
    void writtenAllOrNothing();
    void ansibleAcceptsTheRoles_data();
    void ansibleAcceptsTheRoles();
};

namespace {

const QString kProgram = u"/usr/local/bin/deroot-role-agent"_s;
const QByteArray kProgramBytes = "the program the plan was approved for";

struct Role
{
    GeneratedPlan plan;
    QMap<QString, QByteArray> files;
};

Role roleOf(const QString &kind)
{
    Role role;
    const auto plan = Deroot::TestSupport::generateTestPlan(kind, kProgram, kProgramBytes);
    if (!plan) {
        qWarning("%s", qPrintable(plan.error().message));
        return role;
    }
    role.plan = *plan;
    const auto files = ansibleRoleFiles(plan->artifacts, plan->manifest);
    if (!files) {
        qWarning("%s", qPrintable(files.error().message));
        return role;
    }
    for (const ExportFile &file : *files) {
        role.files.insert(file.name, file.bytes);
    }
    return role;
}

QString text(const Role &role, const QString &name)
{
    return QString::fromUtf8(role.files.value(name));
}

QString roleDir(const Role &role)
{
    return u"roles/"_s + ansibleRoleName(role.plan.input.agentId) + u'/';
}

// python3 with PyYAML (ansible-core's dependency) reads every YAML file of @p directory.
QString yamlProblems(const QString &directory)
{
    QProcess python;
    python.start(u"python3"_s, {u"-c"_s,
                                u"import pathlib, sys, yaml\n"
                                u"bad = []\n"
                                u"for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yml')):\n"
                                u"    if 'plan' in p.relative_to(sys.argv[1]).parts: continue\n"
                                u"    try:\n"
                                u"        doc = yaml.safe_load(p.read_text())\n"
                                u"        assert doc is not None, 'empty'\n"
                                u"    except Exception as e:\n"
                                u"        bad.append(f'{p}: {e}')\n"
                                u"print('\\n'.join(bad))\n"_s,
                                directory});
    python.waitForFinished(30000);
    return QString::fromUtf8(python.readAllStandardOutput() + python.readAllStandardError()).trimmed();
}

bool hasPyYaml()
{
    QProcess python;
    python.start(u"python3"_s, {u"-c"_s, u"import yaml"_s});
    return python.waitForFinished(10000) && python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0;
}

} // namespace

void AnsibleRoleTest::roleHoldsThePlansBytes_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("method");
    for (const auto &[kind, method] : {std::pair{u"caps"_s, u"caps"_s},
                                       {u"sudo"_s, u"sudo"_s},
                                       {u"container"_s, u"container"_s},
                                       {u"setcap"_s, u"caps"_s},
                                       {u"scheduled"_s, u"caps"_s},
                                       {u"replace"_s, u"caps"_s},
                                       {u"dropin"_s, u"caps"_s},
                                       {u"calledsudo"_s, u"sudo"_s},
                                       {u"calledcaps"_s, u"caps"_s}}) {
        QTest::newRow(qPrintable(kind)) << kind << method;
    }
}

void AnsibleRoleTest::roleHoldsThePlansBytes()
{
    QFETCH(QString, kind);
    QFETCH(QString, method);
    const Role role = roleOf(kind);
    QVERIFY(!role.files.isEmpty());
    const QString dir = roleDir(role);
    const QStringList expected{u"README.md"_s,
                               u"playbook.yml"_s,
                               u".ansible-lint"_s,
                               u"plan/plan.json"_s,
                               dir + u"tasks/main.yml"_s,
                               dir + u"tasks/"_s + method + u".yml"_s,
                               dir + u"handlers/main.yml"_s,
                               dir + u"defaults/main.yml"_s,
                               dir + u"vars/main.yml"_s,
                               dir + u"meta/main.yml"_s};
    for (const QString &name : expected) {
        QVERIFY2(role.files.contains(name), qPrintable(name + u" is missing"_s));
    }
    // plan/ is the plain export, byte for byte.
    const auto plain = exportFiles(role.plan.artifacts, role.plan.manifest);
    QVERIFY(plain);
    for (const ExportFile &file : *plain) {
        QCOMPARE(role.files.value(u"plan/"_s + file.name), file.bytes);
    }
    // Every file the role installs is the generator's artifact, byte for byte, and each file of
    // the role's files/ is one of them.
    const QString tasks = text(role, dir + u"tasks/"_s + method + u".yml"_s);
    int installed = 0;
    for (const Artifact &artifact : role.plan.artifacts) {
        const QString name = exportFileName(artifact);
        if (!role.files.contains(dir + u"files/"_s + name)) {
            continue;
        }
        ++installed;
        QCOMPARE(role.files.value(dir + u"files/"_s + name), artifact.content.toUtf8());
        QVERIFY2(tasks.contains(u"    src: \"%1\"\n    dest: \"%2\"\n"_s.arg(name, artifact.targetPath)),
                 qPrintable(name + u" is not copied to "_s + artifact.targetPath));
        QVERIFY2(!artifact.isCommand, qPrintable(name));
    }
    int inFilesFolder = 0;
    for (auto it = role.files.cbegin(); it != role.files.cend(); ++it) {
        inFilesFolder += it.key().startsWith(dir + u"files/"_s) ? 1 : 0;
    }
    QCOMPARE(inFilesFolder, installed);
    // Files are copied, never templated.
    QVERIFY(!tasks.contains(u"ansible.builtin.template"_s));
    // Only ansible.builtin modules.
    for (auto it = role.files.cbegin(); it != role.files.cend(); ++it) {
        if (!it.key().startsWith(dir) || it.key().contains(u"/files/"_s)) {
            continue;
        }
        QVERIFY2(!it.value().contains("community."), qPrintable(it.key()));
    }
    // The playbook applies the role; meta names the minimum ansible-core.
    QVERIFY(text(role, u"playbook.yml"_s).contains(u"    - role: "_s + ansibleRoleName(role.plan.input.agentId)));
    QVERIFY(text(role, dir + u"meta/main.yml"_s).contains(u"min_ansible_version: \"2.14\""_s));
    // The same plan gives the same role.
    const Role again = roleOf(kind);
    QCOMPARE(again.files, role.files);
}

void AnsibleRoleTest::guardNamesTheApprovedProgram()
{
    for (const QString &kind : {u"caps"_s, u"sudo"_s, u"setcap"_s}) {
        const Role role = roleOf(kind);
        const QString dir = roleDir(role);
        const QString name = ansibleRoleName(role.plan.input.agentId);
        const QString guard = text(role, dir + u"tasks/guard.yml"_s);
        QVERIFY2(guard.contains(u"path: \"%1\""_s.arg(kProgram)), qPrintable(guard));
        QVERIFY(guard.contains(u"checksum_algorithm: sha256"_s));
        QVERIFY(guard.contains(u"ansible.builtin.assert:"_s));
        QVERIFY(guard.contains(u"%1_program_stat.stat.checksum in %1_program_sha256s"_s.arg(name)));
        QVERIFY(guard.contains(u"Nothing was changed on this host"_s));
        QVERIFY(text(role, dir + u"defaults/main.yml"_s)
                    .contains(u"%1_program_sha256s:\n  - \"%2\"\n"_s.arg(name, role.plan.input.executableSha256)));
        // The guard comes first.
        const QString main = text(role, dir + u"tasks/main.yml"_s);
        QVERIFY(main.indexOf(u"guard.yml"_s) >= 0);
        QVERIFY(main.indexOf(u"guard.yml"_s) <
                main.indexOf(u"%1.yml"_s.arg(role.plan.input.method == Method::Sudo ? u"sudo"_s : u"caps"_s)));
    }
}

void AnsibleRoleTest::sudoersIsCheckedByVisudo()
{
    for (const QString &kind : {u"sudo"_s, u"calledsudo"_s}) {
        const Role role = roleOf(kind);
        const QString tasks = text(role, roleDir(role) + u"tasks/sudo.yml"_s);
        const qsizetype at = tasks.indexOf(u"dest: \"/etc/sudoers.d/"_s);
        QVERIFY2(at > 0, qPrintable(tasks));
        const QString task = tasks.mid(at, tasks.indexOf(u"\n\n"_s, at) - at);
        QVERIFY2(task.contains(u"mode: \"0440\""_s), qPrintable(task));
        QVERIFY2(task.contains(u"validate: /usr/sbin/visudo -cf %s"_s), qPrintable(task));
        QVERIFY(task.contains(u"owner: \"root\""_s));
        // A name sudo reads: no dot.
        const QString name = task.section(u'"', 1, 1).section(u'/', -1);
        QVERIFY2(!name.contains(u'.'), qPrintable(name));
    }
}

void AnsibleRoleTest::unitsAreVerifiedUnderTheirRealNames()
{
    {
        const Role role = roleOf(u"caps"_s);
        const QString tasks = text(role, roleDir(role) + u"tasks/caps.yml"_s);
        const QString unit = u"deroot-capsagent.service"_s;
        QVERIFY2(tasks.contains(u"dest: \"{{ deroot_capsagent_verify_dir.path }}/%1\""_s.arg(unit)), qPrintable(tasks));
        QVERIFY(tasks.contains(u"cmd: systemd-analyze verify --man=no --generators=no ./%1"_s.arg(unit)));
        // Verified before installed; the handlers reload before the start.
        QVERIFY(tasks.indexOf(u"systemd-analyze verify"_s) < tasks.indexOf(u"dest: \"/etc/systemd/system/"_s));
        QVERIFY(tasks.indexOf(u"flush_handlers"_s) < tasks.indexOf(u"state: started"_s));
        QVERIFY(tasks.contains(u"enabled: true"_s));
        const QString handlers = text(role, roleDir(role) + u"handlers/main.yml"_s);
        QVERIFY(handlers.indexOf(u"daemon_reload: true"_s) < handlers.indexOf(u"state: restarted"_s));
        QVERIFY(handlers.contains(u"name: \"%1\"\n    state: restarted\n    daemon_reload: true"_s.arg(unit)));
    }
    {
        // A drop-in is verified beside the host's own unit, in its .d folder; its unit is not
        // enabled by the role (the helper does not either).
        const Role role = roleOf(u"dropin"_s);
        const QString tasks = text(role, roleDir(role) + u"tasks/caps.yml"_s);
        const QString unit = Deroot::TestSupport::kDropInUnit;
        QVERIFY2(tasks.contains(u"src: \"{{ deroot_dropinagent_vendor_unit.status.FragmentPath }}\""_s),
                 qPrintable(tasks));
        QVERIFY(tasks.contains(u"{{ deroot_dropinagent_verify_dir.path }}/%1.d/"_s.arg(unit)));
        QVERIFY(tasks.contains(u"./%1"_s.arg(unit)));
        QVERIFY(!tasks.contains(u"enabled: true"_s));
    }
    {
        // A scheduled plan starts and enables its timer; the replacing plan stops the old unit.
        const Role scheduled = roleOf(u"scheduled"_s);
        const QString tasks = text(scheduled, roleDir(scheduled) + u"tasks/caps.yml"_s);
        QVERIFY2(tasks.contains(u"name: \"deroot-schedagent.timer\"\n    state: started\n    enabled: true"_s),
                 qPrintable(tasks));
        QVERIFY(tasks.contains(u"./deroot-schedagent.service ./deroot-schedagent.timer"_s));
        const Role replace = roleOf(u"replace"_s);
        const QString replacing = text(replace, roleDir(replace) + u"tasks/caps.yml"_s);
        QVERIFY(replacing.contains(
            u"name: \"%1\"\n    state: stopped\n    enabled: false"_s.arg(Deroot::TestSupport::kReplacedUnit)));
        QVERIFY(replacing.indexOf(u"state: stopped"_s) < replacing.indexOf(u"flush_handlers"_s));
    }
}

void AnsibleRoleTest::fileCapabilitiesAreCompared()
{
    const Role role = roleOf(u"setcap"_s);
    const QString tasks = text(role, roleDir(role) + u"tasks/caps.yml"_s);
    // setcap -v compares first; setcap runs only when it says they differ.
    const qsizetype verify = tasks.indexOf(u"      - -v\n      - \"cap_net_raw+ep\"\n"_s);
    QVERIFY2(verify > 0, qPrintable(tasks));
    QVERIFY(tasks.contains(u"when: deroot_setcapagent_caps_verify.rc != 0"_s));
    QVERIFY(tasks.contains(u"failed_when: deroot_setcapagent_caps_verify.rc not in [0, 1]"_s));
    QVERIFY(tasks.indexOf(u"      - \"cap_net_raw+ep\"\n      - \"%1\"\n  when:"_s.arg(kProgram)) > verify);
    QVERIFY(!role.files.contains(roleDir(role) + u"files/setcap.sh"_s));
}

void AnsibleRoleTest::containerDeploysTheQuadletUnit()
{
    const Role role = roleOf(u"container"_s);
    const QString dir = roleDir(role);
    const QString tasks = text(role, dir + u"tasks/container.yml"_s);
    QVERIFY2(tasks.contains(u"dest: \"/etc/containers/systemd/"_s), qPrintable(tasks));
    QVERIFY(tasks.contains(u"QUADLET_UNIT_DIRS"_s));
    QVERIFY(tasks.contains(u"- -dryrun"_s));
    // No host program runs: no guard.
    QVERIFY(!role.files.contains(dir + u"tasks/guard.yml"_s));
    QVERIFY(!text(role, dir + u"tasks/main.yml"_s).contains(u"guard.yml"_s));
    // The other container files are in plan/ only.
    int deployed = 0;
    for (auto it = role.files.cbegin(); it != role.files.cend(); ++it) {
        deployed += it.key().startsWith(dir + u"files/"_s) ? 1 : 0;
    }
    QCOMPARE(deployed, 1);
}

void AnsibleRoleTest::roleNameHasNoDash()
{
    QCOMPARE(ansibleRoleName(u"node-exporter"_s), u"deroot_node_exporter"_s);
    QCOMPARE(ansibleRoleName(u"fping"_s), u"deroot_fping"_s);
}

void AnsibleRoleTest::changedPlanIsRefused()
{
    // A role is made only of a plan the helper would apply: a hand-edited file is refused with
    // the helper's own message, and no role is made.
    auto plan = Deroot::TestSupport::generateTestPlan(u"sudo"_s, kProgram, kProgramBytes);
    QVERIFY(plan);
    for (Artifact &artifact : plan->artifacts) {
        if (artifact.id == u"sudoers") {
            artifact.content += u"ALL ALL=(ALL) NOPASSWD: ALL\n"_s;
        }
    }
    const auto files = ansibleRoleFiles(plan->artifacts, plan->manifest);
    QVERIFY(!files);
    QCOMPARE(files.error().code, ExitCode::Refused);
    QVERIFY2(files.error().message.contains(u"sudoers"_s), qPrintable(files.error().message));
}

void AnsibleRoleTest::writtenAllOrNothing()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const auto plan = Deroot::TestSupport::generateTestPlan(u"caps"_s, kProgram, kProgramBytes);
    QVERIFY(plan);
    const QString out = temp.filePath(u"role"_s);
    const auto written = writeAnsibleRole(out, plan->artifacts, plan->manifest, false);
    QVERIFY2(written, written ? "" : qPrintable(written.error().message));
    QVERIFY(written->contains(u"roles/deroot_capsagent/tasks/caps.yml"_s));
    QFile copied(out + u"/roles/deroot_capsagent/files/deroot-capsagent.service"_s);
    QVERIFY(copied.open(QIODevice::ReadOnly));
    // A folder with files is refused without force, and left as it was.
    const auto again = writeAnsibleRole(out, plan->artifacts, plan->manifest, false);
    QVERIFY(!again);
    QVERIFY2(again.error().message.contains(u"already holds files"_s), qPrintable(again.error().message));
    QVERIFY(QFile::exists(out + u"/playbook.yml"_s));
    QVERIFY(writeAnsibleRole(out, plan->artifacts, plan->manifest, true));
    // Nothing left beside it.
    QCOMPARE(QDir(temp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"role"_s});
}

void AnsibleRoleTest::ansibleAcceptsTheRoles_data()
{
    QTest::addColumn<QString>("kind");
    // One role per method (ansible-lint takes seconds a run); the host test lints the drop-in and
    // file-capability roles of real agents.
    for (const QString &kind : {u"caps"_s, u"sudo"_s, u"container"_s}) {
        QTest::newRow(qPrintable(kind)) << kind;
    }
}

void AnsibleRoleTest::ansibleAcceptsTheRoles()
{
    QFETCH(QString, kind);
    DEROOT_REQUIRE_TOOL(hasPyYaml(), u"python3 with PyYAML"_s);
    const QString playbook = QStandardPaths::findExecutable(u"ansible-playbook"_s);
    const QString lint = QStandardPaths::findExecutable(u"ansible-lint"_s);
    DEROOT_REQUIRE_TOOL(!playbook.isEmpty(), u"ansible-playbook (ansible-core)"_s);
    DEROOT_REQUIRE_TOOL(!lint.isEmpty(), u"ansible-lint"_s);
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const auto plan = Deroot::TestSupport::generateTestPlan(kind, kProgram, kProgramBytes);
    QVERIFY(plan);
    const QString out = temp.filePath(u"export"_s);
    QVERIFY(writeAnsibleRole(out, plan->artifacts, plan->manifest, false));
    QCOMPARE(yamlProblems(out), QString());

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Ansible's and ansible-lint's caches in the temporary folder, never in the user's home.
    environment.insert(u"HOME"_s, temp.path());
    environment.insert(u"ANSIBLE_HOME"_s, temp.filePath(u"ansible-home"_s));
    environment.insert(u"ANSIBLE_LOCAL_TEMP"_s, temp.filePath(u"ansible-tmp"_s));
    environment.insert(u"ANSIBLE_NOCOLOR"_s, u"1"_s);
    environment.insert(u"NO_COLOR"_s, u"1"_s);
    const auto run = [&](const QString &program, const QStringList &arguments) {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(out);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, arguments);
        if (!process.waitForFinished(180000)) {
            process.kill();
            process.waitForFinished();
        }
        return std::pair{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                         QString::fromUtf8(process.readAll())};
    };
    const auto syntax = run(playbook, {u"--syntax-check"_s, u"-i"_s, u"localhost,"_s, u"playbook.yml"_s});
    QVERIFY2(syntax.first == 0, qPrintable(syntax.second));
    // The production profile, strictest of ansible-lint's; offline, so nothing is downloaded.
    const auto linted = run(lint, {u"--offline"_s, u"--profile"_s, u"production"_s, u"--nocolor"_s, u"playbook.yml"_s,
                                   u"roles/"_s + ansibleRoleName(plan->input.agentId)});
    QVERIFY2(linted.first == 0, qPrintable(linted.second));
}

QTEST_GUILESS_MAIN(AnsibleRoleTest)
#include "ansiblerole_test.moc"
