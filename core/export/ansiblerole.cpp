// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/export/ansiblerole.h"

#include "core/base/deroot.h"
#include "core/base/text.h"
#include "core/export/exportwriter.h"
#include "core/export/planexport.h"
#include "core/generate/setcapcommand.h"
#include "core/plan/applyrequest.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// ansible.builtin.systemd_service is the module's name since ansible-core 2.14.
const QString kMinAnsibleCore = u"2.14"_s;

// One role being written: the checked request it comes from and the first value that cannot go
// into it.
class RoleWriter final
{
public:
    RoleWriter(CheckedRequest plan, const QList<Artifact> &artifacts)
        : m_plan(std::move(plan))
        , m_artifacts(artifacts)
        , m_name(ansibleRoleName(m_plan.agent))
    {}

    Result<QList<ExportFile>> files(const QList<ExportFile> &planFiles);

private:
    QString var(const QString &suffix) const { return m_name + u'_' + suffix; }
    // A YAML double-quoted scalar of a value from the plan. Ansible templates every string it reads
    // in a task, so a '{' could start an expression: refused (recorded in m_error) rather than
    // escaped, since no name, path or hash Deroot accepts holds one.
    QString str(const QString &value, const QString &what);
    const Artifact *artifactFor(const PlanStep &step) const;
    QString fileTask(const PlanStep &step, bool notify);
    QString userTasks();
    QString unitVerifyBlock(const QList<PlanStep> &units);
    QString capsTasks();
    QString startTask(const PlanStep &step);
    QString methodTasks();
    QString containerTasks();
    QString guardTasks();
    QString handlers();
    QString defaults();
    QString vars();
    QString meta();
    QString mainTasks();
    QString playbook() const;
    QString readme() const;

    CheckedRequest m_plan;
    QList<Artifact> m_artifacts;
    QString m_name;
    QList<ExportFile> m_roleFiles; ///< files/ of the role, exact bytes
    QStringList m_folders;         ///< the folders a task makes already
    std::optional<Error> m_error;
};

// The YAML double-quoted form of @p value: '\' and '"' escaped, control characters as \xNN.
QString yamlQuoted(const QString &value)
{
    QString out = u"\""_s;
    for (const QChar c : value) {
        if (c == u'\\' || c == u'"') {
            out += u'\\';
            out += c;
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            out += u"\\x%1"_s.arg(uint(c.unicode()), 2, 16, QChar(u'0'));
        } else {
            out += c;
        }
    }
    return out + u'"';
}

QString RoleWriter::str(const QString &value, const QString &what)
{
    if (value.contains(u'{') && !m_error) {
        m_error = Error{ExitCode::Failure,
                        QCoreApplication::translate("Deroot::Core::PlanExport",
                                                    "the %1 %2 cannot go into an Ansible role: Ansible would read "
                                                    "\"{\" in it as the start of a template")
                            .arg(what, quoted(value))};
    }
    return yamlQuoted(value);
}

const Artifact *RoleWriter::artifactFor(const PlanStep &step) const
{
    for (const Artifact &artifact : m_artifacts) {
        if (artifact.id == step.artifact && exportFileName(artifact) == step.file) {
            return &artifact;
        }
    }
    return nullptr;
}

QString octal(quint32 mode)
{
    return u"\"0%1\""_s.arg(uint(mode), 3, 8, QChar(u'0'));
}

// A file of the plan, copied byte for byte from files/ (never templated: a template would be
// rendered, and these are the bytes Deroot validated and its helper compares).
QString RoleWriter::fileTask(const PlanStep &step, bool notify)
{
    const Artifact *artifact = artifactFor(step);
    const QString owner = artifact ? artifact->owner : u"root"_s;
    const QString group = artifact ? artifact->group : u"root"_s;
    m_roleFiles.append({u"roles/"_s + m_name + u"/files/"_s + step.file, step.content, 0644});
    QString text;
    // copy makes the file, not its folder: a drop-in's folder, /etc/sysusers.d or
    // /etc/containers/systemd may be missing (the helper makes them too). /etc/sudoers.d and
    // /etc/systemd/system exist wherever sudo and systemd do, and keep their own modes.
    const QString folder = step.target.section(u'/', 0, -2);
    if (folder != u"/etc/sudoers.d" && folder != u"/etc/systemd/system" && !m_folders.contains(folder)) {
        m_folders << folder;
        text += u"- name: Make %1\n"
                u"  ansible.builtin.file:\n"
                u"    path: %2\n"
                u"    state: directory\n"
                u"    owner: root\n"
                u"    group: root\n"
                u"    mode: \"0755\"\n\n"_s.arg(folder, str(folder, u"drop-in folder"_s));
    }
    const bool sudoers = step.kind == PlanStep::Kind::WriteSudoers;
    text += u"- name: Install %1%2\n"
            u"  ansible.builtin.copy:\n"
            u"    src: %3\n"
            u"    dest: %4\n"
            u"    owner: %5\n"
            u"    group: %6\n"
            u"    mode: %7\n"_s.arg(step.target, sudoers ? u" (checked by visudo before it goes live)"_s : QString(),
                                    str(step.file, u"file name"_s), str(step.target, u"destination"_s),
                                    str(owner, u"owner"_s), str(group, u"group"_s), octal(step.mode));
    if (sudoers) {
        // The managed host's own visudo judges the file under a temporary name before it is put in
        // place (sudo-rs and sudo differ); the name in /etc/sudoers.d has no '.', so sudo reads it.
        text += u"    validate: /usr/sbin/visudo -cf %s\n"_s;
    }
    if (notify) {
        text += u"  notify: %1\n"_s.arg(var(u"units_changed"_s));
    }
    return text + u'\n';
}

QString RoleWriter::userTasks()
{
    const QString user = m_plan.serviceUser;
    const QString group = m_plan.serviceGroup;
    QString groups;
    if (!m_plan.supplementaryGroups.isEmpty()) {
        groups = u"    groups:\n"_s;
        for (const QString &name : std::as_const(m_plan.supplementaryGroups)) {
            groups += u"      - %1\n"_s.arg(str(name, u"group"_s));
        }
        groups += u"    append: true\n"_s;
    }
    // As Deroot's helper does: the user and its group are created only when the user is absent,
    // so an existing account (a package's own) is never changed.
    return u"- name: Read the accounts\n"
           u"  ansible.builtin.getent:\n"
           u"    database: passwd\n\n"
           u"- name: Create the system group %1\n"
           u"  ansible.builtin.group:\n"
           u"    name: %3\n"
           u"    system: true\n"
           u"  when: %5\n\n"
           u"- name: Create the system user %2 (no home, no login)\n"
           u"  ansible.builtin.user:\n"
           u"    name: %4\n"
           u"    system: true\n"
           u"    group: %3\n"
           u"%6"
           u"    create_home: false\n"
           u"    home: /nonexistent\n"
           u"    shell: /usr/sbin/nologin\n"
           u"  when: %5\n\n"_s.arg(group, user, str(group, u"service group"_s), str(user, u"service user"_s),
                                   yamlQuoted(u"'"_s + user + u"' not in ansible_facts.getent_passwd"_s), groups);
}

// The units under their real names in a private folder, judged by the managed host's own
// systemd-analyze as Deroot judged them: a drop-in beside the host's own unit file. Ansible's
// validate: would give the file a temporary name without the unit's suffix, which systemd-analyze
// refuses (ansible/ansible#19232).
QString RoleWriter::unitVerifyBlock(const QList<PlanStep> &units)
{
    const QString dir = var(u"verify_dir"_s);
    QString steps;
    QStringList verified;
    for (const PlanStep &step : units) {
        const QString name = step.target.section(u'/', -1);
        const QString folder = step.target.section(u'/', -2, -2);
        if (folder.endsWith(u".d"_s)) {
            const QString unit = folder.chopped(2);
            steps += u"    - name: Read where %1 lives\n"
                     u"      ansible.builtin.systemd_service:\n"
                     u"        name: %2\n"
                     u"      register: %3\n\n"
                     u"    - name: Copy %1 into the folder\n"
                     u"      ansible.builtin.copy:\n"
                     u"        src: \"{{ %3.status.FragmentPath }}\"\n"
                     u"        dest: \"{{ %4.path }}/%1\"\n"
                     u"        remote_src: true\n"
                     u"        mode: \"0644\"\n"
                     u"      check_mode: false\n"
                     u"      changed_when: false\n\n"
                     u"    - name: Make the drop-in folder of %1 there\n"
                     u"      ansible.builtin.file:\n"
                     u"        path: \"{{ %4.path }}/%5\"\n"
                     u"        state: directory\n"
                     u"        mode: \"0755\"\n"
                     u"      check_mode: false\n"
                     u"      changed_when: false\n\n"
                     u"    - name: Copy %6 there under its real name\n"
                     u"      ansible.builtin.copy:\n"
                     u"        src: %7\n"
                     u"        dest: \"{{ %4.path }}/%5/%6\"\n"
                     u"        mode: \"0644\"\n"
                     u"      check_mode: false\n"
                     u"      changed_when: false\n\n"_s.arg(unit, str(unit, u"unit"_s), var(u"vendor_unit"_s), dir,
                                                            folder, name, str(step.file, u"file name"_s));
            if (!verified.contains(unit)) {
                verified << unit;
            }
        } else {
            steps += u"    - name: Copy %1 there under its real name\n"
                     u"      ansible.builtin.copy:\n"
                     u"        src: %2\n"
                     u"        dest: \"{{ %3.path }}/%1\"\n"
                     u"        mode: \"0644\"\n"
                     u"      check_mode: false\n"
                     u"      changed_when: false\n\n"_s.arg(name, str(step.file, u"file name"_s), dir);
            verified << name;
        }
    }
    for (const QString &name : std::as_const(verified)) {
        str(name, u"unit"_s);
    }
    return u"- name: Verify the units of %1 under their real names\n"
           u"  block:\n"
           u"    - name: Make a private folder for the check\n"
           u"      ansible.builtin.tempfile:\n"
           u"        state: directory\n"
           u"        suffix: .deroot-verify\n"
           u"      register: %2\n"
           u"      check_mode: false\n"
           u"      changed_when: false\n\n"
           u"%3"
           u"    - name: Verify them with systemd-analyze (no output is the only pass, as in Deroot)\n"
           u"      ansible.builtin.command:\n"
           u"        cmd: systemd-analyze verify --man=no --generators=no %4\n"
           u"        chdir: \"{{ %2.path }}\"\n"
           u"      register: %5\n"
           u"      check_mode: false\n"
           u"      changed_when: false\n"
           u"      failed_when: %5.rc != 0 or (%5.stdout + %5.stderr) | length > 0\n"
           u"  always:\n"
           u"    - name: Remove the folder of the check\n"
           u"      ansible.builtin.file:\n"
           u"        path: \"{{ %2.path }}\"\n"
           u"        state: absent\n"
           u"      check_mode: false\n"
           u"      changed_when: false\n"
           u"      when: %2.path is defined\n\n"_s.arg(m_name, dir, steps, u"./"_s + verified.join(u" ./"_s),
                                                       var(u"verify"_s));
}

// Idempotent file capabilities: `setcap -v` compares the program's set with the plan's in libcap
// itself, so no text of getcap's is parsed (its format changed in libcap 2.41: ansible#72662), and
// setcap runs only when they differ.
QString RoleWriter::capsTasks()
{
    const QString caps = capabilityText(m_plan.input.capabilities, u"ep"_s);
    const QString program = m_plan.programPath;
    return u"- name: Compare the file capabilities of %1 with the plan's\n"
           u"  ansible.builtin.command:\n"
           u"    argv:\n"
           u"      - /usr/sbin/setcap\n"
           u"      - -v\n"
           u"      - %3\n"
           u"      - %4\n"
           u"  register: %5\n"
           u"  check_mode: false\n"
           u"  changed_when: false\n"
           u"  failed_when: %5.rc not in [0, 1]\n\n"
           u"- name: Give %1 exactly %2\n"
           u"  ansible.builtin.command:\n"
           u"    argv:\n"
           u"      - /usr/sbin/setcap\n"
           u"      - %3\n"
           u"      - %4\n"
           u"  when: %5.rc != 0\n"
           u"  changed_when: true\n\n"_s.arg(program, caps, str(caps, u"capabilities"_s), str(program, u"program"_s),
                                             var(u"caps_verify"_s));
}

QString RoleWriter::startTask(const PlanStep &step)
{
    // Enabled at boot exactly when the helper would enable it: the unit (or timer) of Deroot's own
    // says WantedBy=; a drop-in leaves the vendor's enablement as it is.
    const bool timer = step.kind == PlanStep::Kind::StartTimer;
    bool enable = false;
    for (const PlanStep &written : std::as_const(m_plan.steps)) {
        if (written.kind == PlanStep::Kind::WriteUnit && written.artifact == (timer ? u"timer"_s : u"unit"_s) &&
            QString::fromUtf8(written.content)
                .split(u'\n')
                .contains(timer ? u"WantedBy=timers.target"_s : u"WantedBy=multi-user.target"_s)) {
            enable = true;
        }
    }
    return u"- name: Start %1%2\n"
           u"  ansible.builtin.systemd_service:\n"
           u"    name: %3\n"
           u"    state: started\n"
           u"%4"
           u"  when: %5 | bool\n"
           // In check mode on a host that has not the unit yet, systemd cannot know it.
           u"  ignore_errors: \"{{ ansible_check_mode }}\"\n\n"_s.arg(
               step.target, enable ? u" and enable it at boot"_s : QString(), str(step.target, u"unit"_s),
               enable ? u"    enabled: true\n"_s : QString(), var(u"start"_s));
}

QString RoleWriter::methodTasks()
{
    QList<PlanStep> units;
    for (const PlanStep &step : std::as_const(m_plan.steps)) {
        if (step.kind == PlanStep::Kind::WriteUnit) {
            units << step;
        }
    }
    QString text;
    bool verified = false;
    for (const PlanStep &step : std::as_const(m_plan.steps)) {
        switch (step.kind) {
        case PlanStep::Kind::CreateUser:
            text += userTasks();
            break;
        case PlanStep::Kind::WriteSysusers:
        case PlanStep::Kind::WriteSudoers:
            text += fileTask(step, false);
            break;
        case PlanStep::Kind::WriteUnit:
            if (!verified) {
                text += unitVerifyBlock(units);
                verified = true;
            }
            text += fileTask(step, true);
            break;
        case PlanStep::Kind::SetFileCaps:
            text += capsTasks();
            break;
        case PlanStep::Kind::StopUnit:
            text += u"- name: Stop and disable %1, which %2 takes over from\n"
                    u"  ansible.builtin.systemd_service:\n"
                    u"    name: %3\n"
                    u"    state: stopped\n"
                    u"    enabled: false\n\n"_s.arg(step.target, m_plan.unit, str(step.target, u"unit"_s));
            break;
        case PlanStep::Kind::DaemonReload:
            // The handlers reload systemd before they restart the unit, now rather than at the
            // end of the play, so that the unit starts below with its new files.
            text += u"- name: Reload systemd and restart what changed\n"
                    u"  ansible.builtin.meta: flush_handlers\n\n"_s;
            break;
        case PlanStep::Kind::StartUnit:
        case PlanStep::Kind::StartTimer:
            text += startTask(step);
            break;
        case PlanStep::Kind::ExportOnly:
            break;
        }
    }
    return text;
}

QString RoleWriter::containerTasks()
{
    const Artifact *quadlet = nullptr;
    for (const Artifact &artifact : m_artifacts) {
        if (artifact.id == u"quadlet") {
            quadlet = &artifact;
        }
    }
    if (!quadlet) {
        return u"# This plan has no Podman Quadlet unit: nothing for the role to deploy (see plan/).\n"_s;
    }
    PlanStep step;
    step.kind = PlanStep::Kind::ExportOnly;
    step.artifact = quadlet->id;
    step.file = exportFileName(*quadlet);
    step.target = quadlet->targetPath;
    step.content = quadlet->content.toUtf8();
    step.mode = quint32(quadlet->mode);
    const QString name = step.target.section(u'/', -1);
    const QString service = name.chopped(u".container"_s.size()) + u".service"_s;
    const QString dir = var(u"verify_dir"_s);
    return u"- name: Verify %1 under its real name with Podman's quadlet\n"
           u"  block:\n"
           u"    - name: Make a private folder for the check\n"
           u"      ansible.builtin.tempfile:\n"
           u"        state: directory\n"
           u"        suffix: .deroot-verify\n"
           u"      register: %2\n"
           u"      check_mode: false\n"
           u"      changed_when: false\n\n"
           u"    - name: Copy %1 there under its real name\n"
           u"      ansible.builtin.copy:\n"
           u"        src: %3\n"
           u"        dest: \"{{ %2.path }}/%1\"\n"
           u"        mode: \"0644\"\n"
           u"      check_mode: false\n"
           u"      changed_when: false\n\n"
           u"    - name: Run quadlet -dryrun on it\n"
           u"      ansible.builtin.command:\n"
           u"        argv:\n"
           u"          - \"{{ %4 }}\"\n"
           u"          - -dryrun\n"
           u"          - -no-kmsg-log\n"
           u"      environment:\n"
           u"        QUADLET_UNIT_DIRS: \"{{ %2.path }}\"\n"
           u"      register: %5\n"
           u"      check_mode: false\n"
           u"      changed_when: false\n"
           u"  always:\n"
           u"    - name: Remove the folder of the check\n"
           u"      ansible.builtin.file:\n"
           u"        path: \"{{ %2.path }}\"\n"
           u"        state: absent\n"
           u"      check_mode: false\n"
           u"      changed_when: false\n"
           u"      when: %2.path is defined\n\n"_s.arg(name, dir, str(step.file, u"file name"_s), var(u"quadlet"_s),
                                                       var(u"verify"_s)) +
           fileTask(step, true) +
           u"- name: Reload systemd (Podman's generator makes %1) and restart what changed\n"
           u"  ansible.builtin.meta: flush_handlers\n\n"
           u"- name: Start %1\n"
           u"  ansible.builtin.systemd_service:\n"
           u"    name: %2\n"
           u"    state: started\n"
           u"  when: %3 | bool\n"
           u"  ignore_errors: \"{{ ansible_check_mode }}\"\n"_s.arg(service, str(service, u"unit"_s), var(u"start"_s));
}

QString RoleWriter::guardTasks()
{
    const QString program = m_plan.programPath;
    const QString stat = var(u"program_stat"_s);
    return u"---\n"
           u"# Refuses a host whose %1 is not the program the plan was approved for: the grants were\n"
           u"# reviewed for that build, and the host is left untouched. %3 lists the SHA-256\n"
           u"# digests accepted (defaults/main.yml).\n"
           u"- name: Read the SHA-256 of %1\n"
           u"  ansible.builtin.stat:\n"
           u"    path: %2\n"
           u"    follow: false\n"
           u"    get_checksum: true\n"
           u"    checksum_algorithm: sha256\n"
           u"    get_mime: false\n"
           u"    get_attributes: false\n"
           u"  register: %4\n\n"
           u"- name: Refuse a host whose %1 is not the approved program\n"
           u"  ansible.builtin.assert:\n"
           u"    that:\n"
           u"      - %4.stat.exists\n"
           u"      - %4.stat.isreg\n"
           u"      - %4.stat.checksum in %3\n"
           u"    quiet: true\n"
           u"    fail_msg: >-\n"
           u"      {{ inventory_hostname }} is refused by %5:\n"
           u"      %1 there\n"
           u"      {{ 'has the SHA-256 ' ~ %4.stat.checksum\n"
           u"      if %4.stat.checksum is defined\n"
           u"      else 'is missing or not a regular file' }},\n"
           u"      not the program this plan was approved for\n"
           u"      ({{ %3 | join(', ') }}).\n"
           u"      Nothing was changed on this host. Review this build of the program with Deroot and\n"
           u"      export the plan again, or, once reviewed, add its SHA-256 to\n"
           u"      %3.\n"_s.arg(program, str(program, u"program"_s), var(u"program_sha256s"_s), stat, m_name);
}

QString RoleWriter::handlers()
{
    QString restart;
    QString what;
    if (m_plan.method == u"container") {
        for (const Artifact &artifact : std::as_const(m_artifacts)) {
            if (artifact.id == u"quadlet") {
                restart = artifact.targetPath.section(u'/', -1).chopped(u".container"_s.size()) + u".service"_s;
            }
        }
    } else {
        restart = m_plan.timer.isEmpty() ? m_plan.unit : m_plan.timer;
    }
    QString text = u"---\n"
                   u"# Both listen to one topic and run in this order: systemd reads the new files before\n"
                   u"# the restart (the restart reloads too, in case another role's handler of the same\n"
                   u"# name ran first).\n"
                   u"- name: Reload systemd for %1\n"
                   u"  ansible.builtin.systemd_service:\n"
                   u"    daemon_reload: true\n"
                   u"  listen: %2\n"_s.arg(m_name, var(u"units_changed"_s));
    if (!restart.isEmpty()) {
        text +=
            u"\n- name: Restart %1 for %2\n"
            u"  ansible.builtin.systemd_service:\n"
            u"    name: %3\n"
            u"    state: restarted\n"
            u"    daemon_reload: true\n"
            u"  when: %4 | bool\n"
            u"  listen: %5\n"_s.arg(restart, m_name, str(restart, u"unit"_s), var(u"start"_s), var(u"units_changed"_s));
    }
    return text;
}

QString RoleWriter::defaults()
{
    QString text =
        u"---\n"
        u"# What a site may set for %1. The files the role installs are not variables: they are the\n"
        u"# bytes Deroot generated and validated (files/), as its helper would apply them.\n\n"_s.arg(m_name);
    if (m_plan.method != u"container") {
        text += u"# The SHA-256 digests of %1 the role may be applied to: the plan was approved for the\n"
                u"# first. Add one only after reviewing that build of the program (another architecture or a\n"
                u"# rebuild of the same version); a host with any other is refused before anything changes.\n"
                u"%2:\n"
                u"  - %3\n\n"_s.arg(m_plan.programPath, var(u"program_sha256s"_s),
                                    str(m_plan.programSha256, u"program SHA-256"_s));
    }
    text += u"# Start the agent, and restart it when its files change; false installs the files only.\n"
            u"%1: true\n"_s.arg(var(u"start"_s));
    if (m_plan.method == u"container") {
        text += u"\n# Podman's Quadlet generator, run with -dryrun to check the unit before it is installed.\n"
                u"%1: /usr/libexec/podman/quadlet\n"_s.arg(var(u"quadlet"_s));
    }
    return text;
}

QString RoleWriter::vars()
{
    return u"---\n"
           u"# The plan this role was exported from (read-only facts, for reports and audits).\n"
           u"%1: %2\n"
           u"%3: %4\n"
           u"%5: %6\n"
           u"%7: %8\n"_s.arg(var(u"plan_sha256"_s), str(m_plan.planSha256, u"plan SHA-256"_s), var(u"method"_s),
                             str(m_plan.method, u"method"_s), var(u"program"_s), str(m_plan.programPath, u"program"_s),
                             var(u"generator"_s), str(u"deroot "_s + version(), u"version"_s));
}

QString RoleWriter::meta()
{
    return u"---\n"
           u"galaxy_info:\n"
           u"  role_name: %1\n"
           u"  namespace: deroot\n"
           u"  author: Deroot (generated by deroot %2)\n"
           u"  description: Runs %3 without root, as the Deroot plan %4 says (%5 method)\n"
           u"  license: GPL-3.0-or-later\n"
           u"  min_ansible_version: \"%6\"\n"
           u"  platforms:\n"
           u"    - name: Debian\n"
           u"      versions:\n"
           u"        - all\n"
           u"    - name: Ubuntu\n"
           u"      versions:\n"
           u"        - all\n"
           u"  galaxy_tags:\n"
           u"    - security\n"
           u"    - deroot\n"
           u"dependencies: []\n"_s.arg(m_name, version(), m_plan.agent, m_plan.planSha256.left(12), m_plan.method,
                                       kMinAnsibleCore);
}

QString RoleWriter::mainTasks()
{
    QString text = u"---\n"_s;
    if (m_plan.method == u"container") {
        text += u"# The container runs the image's program, not the host's: there is no host program to\n"
                u"# guard (pin the image by digest in the plan to fix what runs).\n"_s;
    } else {
        text += u"- name: Refuse a host whose program is not the approved one\n"
                u"  ansible.builtin.import_tasks: guard.yml\n\n"_s;
    }
    text += u"- name: Apply the %1 method\n"
            u"  ansible.builtin.import_tasks: %1.yml\n"_s.arg(m_plan.method);
    return text;
}

QString RoleWriter::playbook() const
{
    return u"---\n"
           u"# Applies the Deroot plan for %1 to the hosts of your inventory:\n"
           u"#   ansible-playbook -i INVENTORY playbook.yml --check --diff   # what would change\n"
           u"#   ansible-playbook -i INVENTORY playbook.yml\n"
           u"- name: Run %1 without root, as Deroot planned it\n"
           u"  hosts: all\n"
           u"  become: true\n"
           u"  roles:\n"
           u"    - role: %2\n"_s.arg(m_plan.agent, m_name);
}

QString RoleWriter::readme() const
{
    QString files;
    QString steps;
    int number = 0;
    for (const PlanStep &step : m_plan.steps) {
        if (step.kind == PlanStep::Kind::WriteSysusers || step.kind == PlanStep::Kind::WriteSudoers ||
            step.kind == PlanStep::Kind::WriteUnit) {
            files += u"- `%1` -> `%2`\n"_s.arg(step.file, step.target);
        }
        if (step.kind != PlanStep::Kind::ExportOnly) {
            steps += u"%1. %2 `%3`\n"_s.arg(QString::number(++number), stepKindName(step.kind),
                                            step.target.isEmpty() ? m_plan.programPath : step.target);
        }
    }
    for (const Artifact &artifact : m_artifacts) {
        if (artifact.id == u"quadlet") {
            files += u"- `%1` -> `%2`\n"_s.arg(exportFileName(artifact), artifact.targetPath);
        }
    }
    const bool container = m_plan.method == u"container";
    return u"# Ansible role %1: %2 without root\n\n"
           u"Exported by deroot %3 from the plan `plan/plan.json` (SHA-256 `%4`, method `%5`), which Deroot\n"
           u"generated and validated. Run it with ansible-core %6 or later:\n\n"
           u"```sh\n"
           u"ansible-playbook -i INVENTORY playbook.yml --check --diff   # what would change\n"
           u"ansible-playbook -i INVENTORY playbook.yml\n"
           u"```\n\n"
           u"## What it does\n\n"
           u"The same steps, in the same order, as `derootctl apply` through Deroot's helper:\n\n"
           u"%7\n"
           u"The files are copied byte for byte from `roles/%1/files/` (never templated), so each host gets\n"
           u"exactly what Deroot validated:\n\n"
           u"%8\n"
           u"## Checks on each host\n\n"
           u"%9"
           u"- A sudoers file is checked with the host's own `visudo -cf` before it goes live (mode 0440, a\n"
           u"  name without a dot, which sudo reads).\n"
           u"- Units and drop-ins are checked with the host's `systemd-analyze verify` under their real names\n"
           u"  in a private folder (a drop-in beside the host's own unit file), before they are installed.\n"
           u"- File capabilities are compared with `setcap -v` and set only when they differ.\n"
           u"- A new service user is made with `ansible.builtin.user` (system, no home, no login shell) only\n"
           u"  when it does not exist; an existing account is left as it is, as Deroot's helper does.\n"
           u"- Handlers reload systemd before they restart the unit.\n\n"
           u"Check mode (`--check`) and diff mode (`--diff`) work; a second run changes nothing.\n\n"
           u"## Variables\n\n"
           u"See `roles/%1/defaults/main.yml`.%10 `%1_start: false` installs the files\n"
           u"without starting or restarting anything.\n\n"
           u"## Modules\n\n"
           u"Only `ansible.builtin` modules. `community.general.sudoers` and `community.general.capabilities`\n"
           u"are not used: the first writes its own one-line rule (not the validated file) and has no diff\n"
           u"mode; the second is not idempotent across libcap's output formats.\n\n"
           u"## Undo\n\n"
           u"The role does not record what it replaced. To undo on a host, apply the plan there with\n"
           u"`derootctl apply plan/` instead (its rollback restores every file byte for byte), or remove the\n"
           u"files listed above, run `systemctl daemon-reload`, and restore the program's file capabilities.\n"_s.arg(
               m_name, m_plan.agent, version(), m_plan.planSha256, m_plan.method, kMinAnsibleCore,
               container ? u"(none: the helper applies no container plan; the role installs the Podman Quadlet "
                           u"unit and starts it. The docker run line, Compose file and Kubernetes DaemonSet are "
                           u"in `plan/` for other tooling.)\n"_s
                         : steps,
               files,
               container ? u"- The Quadlet unit is checked with the host's `quadlet -dryrun` under its real "
                           u"name.\n"_s
                         : u"- The guard refuses a host whose `%1` has another SHA-256 than the one the plan "
                           u"was approved for, before anything changes.\n"_s.arg(m_plan.programPath),
               container ? QString()
                         : u" `%1_program_sha256s` lists the SHA-256 digests of the program the role "
                           u"accepts."_s.arg(m_name));
}

Result<QList<ExportFile>> RoleWriter::files(const QList<ExportFile> &planFiles)
{
    const QString root = u"roles/"_s + m_name + u'/';
    QList<ExportFile> out;
    const auto add = [&out](const QString &name, const QString &text) { out.append({name, text.toUtf8(), 0644}); };
    if (m_plan.method != u"container") {
        add(root + u"tasks/guard.yml"_s, guardTasks());
    }
    add(root + u"tasks/"_s + m_plan.method + u".yml"_s,
        u"---\n"_s + (m_plan.method == u"container" ? containerTasks() : methodTasks()).trimmed() + u'\n');
    add(root + u"tasks/main.yml"_s, mainTasks());
    add(root + u"handlers/main.yml"_s, handlers());
    add(root + u"defaults/main.yml"_s, defaults());
    add(root + u"vars/main.yml"_s, vars());
    add(root + u"meta/main.yml"_s, meta());
    add(u"playbook.yml"_s, playbook());
    add(u".ansible-lint"_s, u"---\n"
                            u"# plan/ is Deroot's plain export (Compose and Kubernetes files among them), not Ansible "
                            u"content.\n"
                            u"exclude_paths:\n"
                            u"  - plan/\n"_s);
    add(u"README.md"_s, readme());
    out += m_roleFiles;
    for (const ExportFile &file : planFiles) {
        out.append({u"plan/"_s + file.name, file.bytes, file.mode});
    }
    if (m_error) {
        return *m_error;
    }
    // Sorted, so the same plan gives the same listing.
    std::sort(out.begin(), out.end(), [](const ExportFile &a, const ExportFile &b) { return a.name < b.name; });
    return out;
}

} // namespace

QString ansibleRoleName(const QString &agentId)
{
    return u"deroot_"_s + QString(agentId).replace(u'-', u'_');
}

Result<QList<ExportFile>> ansibleRoleFiles(const QList<Artifact> &artifacts, const QJsonObject &manifest)
{
    const auto planFiles = exportFolderFiles(artifacts, manifest);
    if (!planFiles) {
        return planFiles.error();
    }
    // Read back as the helper reads a plan: the role is made only of a plan it would apply.
    const auto request = exportApplyRequest(artifacts, manifest);
    if (!request) {
        return request.error();
    }
    auto checked = parseApplyRequest(*request);
    if (!checked) {
        return checked.error();
    }
    for (const PlanStep &step : std::as_const(checked->steps)) {
        // sudo ignores a file in /etc/sudoers.d whose name has a '.' or ends in '~'.
        const QString name = step.target.section(u'/', -1);
        if (step.kind == PlanStep::Kind::WriteSudoers && (name.contains(u'.') || name.endsWith(u'~'))) {
            return Error{ExitCode::Failure,
                         QCoreApplication::translate("Deroot::Core::PlanExport",
                                                     "%1 is a name sudo does not read (it has a '.' or ends in '~')")
                             .arg(quoted(step.target))};
        }
    }
    RoleWriter writer(*checked, artifacts);
    return writer.files(*planFiles);
}

Result<QStringList> writeAnsibleRole(const QString &directory, const QList<Artifact> &artifacts,
                                     const QJsonObject &manifest, bool force)
{
    const auto files = ansibleRoleFiles(artifacts, manifest);
    if (!files) {
        return files.error();
    }
    return writeFolder(directory, *files, force);
}

} // namespace Deroot::Core
