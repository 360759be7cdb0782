// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/observer/spawn.h"

#include "core/base/text.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <pwd.h>
#include <sys/capability.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace Deroot::Observer {

using Core::Error;
using Core::ExitCode;

namespace {

constexpr QLatin1StringView kCgroupRoot("/sys/fs/cgroup");

// What the child reports when a step before exec fails: the step and errno.
enum Stage : int { kGate = 1, kGroups, kGid, kKeepCaps, kUid, kCapabilities, kAmbient, kDeathSignal, kExec };

QString stageText(int stage)
{
    switch (stage) {
    case kGate:
        return u"wait for the observer"_s;
    case kGroups:
        return u"set the supplementary groups"_s;
    case kGid:
        return u"switch to the group"_s;
    case kKeepCaps:
        return u"keep capabilities across the user switch"_s;
    case kUid:
        return u"switch to the user"_s;
    case kCapabilities:
        return u"set the capabilities"_s;
    case kAmbient:
        return u"raise the ambient capabilities"_s;
    case kDeathSignal:
        return u"tie its life to the observer's"_s;
    case kExec:
        return u"execute the program"_s;
    default:
        return u"start"_s;
    }
}

[[noreturn]] void childFail(int report, int stage)
{
    const int data[2] = {stage, errno};
    // Nothing else can be done if the report cannot be written: the parent then sees the exit.
    [[maybe_unused]] const ssize_t written = write(report, data, sizeof data);
    _exit(127);
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        return false;
    }
    return file.write(data) == data.size();
}

} // namespace

Core::Result<Identity> lookupIdentity(const QString &user)
{
    const QByteArray name = user.toLocal8Bit();
    errno = 0;
    passwd *entry = getpwnam(name.constData());
    bool numeric = false;
    const uint number = user.toUInt(&numeric);
    if (!entry && numeric) {
        entry = getpwuid(uid_t(number));
    }
    if (!entry) {
        return Error{ExitCode::NotFound, u"no user \""_s + user + u"\" on this system"_s};
    }
    Identity identity;
    identity.name = QString::fromLocal8Bit(entry->pw_name);
    identity.uid = entry->pw_uid;
    identity.gid = entry->pw_gid;
    int count = 64;
    std::vector<gid_t> groups(static_cast<size_t>(count));
    while (getgrouplist(entry->pw_name, entry->pw_gid, groups.data(), &count) < 0) {
        groups.resize(size_t(count));
    }
    for (int i = 0; i < count; ++i) {
        identity.groups.append(groups[size_t(i)]);
    }
    return identity;
}

GatedChild::GatedChild(GatedChild &&other) noexcept
    : m_pid(std::exchange(other.m_pid, -1))
    , m_gate(std::exchange(other.m_gate, -1))
    , m_report(std::exchange(other.m_report, -1))
    , m_reaped(other.m_reaped)
{}

GatedChild::~GatedChild()
{
    if (m_gate >= 0) {
        close(m_gate);
    }
    if (m_report >= 0) {
        close(m_report);
    }
    if (m_pid > 0 && !m_reaped) {
        kill(m_pid, SIGKILL);
        int status = 0;
        while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
}

Core::Result<GatedChild> GatedChild::spawn(const SpawnSpec &spec)
{
    if (spec.argv.isEmpty() || !spec.argv.first().startsWith(u'/')) {
        return Error{ExitCode::Usage, u"the program to run must be an absolute path"_s};
    }
    // Everything the child needs is made before fork: after it, only system calls.
    std::vector<QByteArray> storage;
    for (const QString &arg : spec.argv) {
        storage.push_back(arg.toLocal8Bit());
    }
    std::vector<char *> argv;
    for (QByteArray &arg : storage) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    std::vector<gid_t> groups(spec.identity.groups.cbegin(), spec.identity.groups.cend());
    const bool switchUser = spec.identity.uid != 0 || spec.identity.gid != 0;
    std::vector<cap_value_t> caps(spec.capabilities.cbegin(), spec.capabilities.cend());
    cap_t state = cap_init();
    if (!state) {
        return Error{ExitCode::Failure, u"could not prepare the capabilities: "_s + Core::errnoText(errno)};
    }
    if (!caps.empty()) {
        cap_set_flag(state, CAP_PERMITTED, int(caps.size()), caps.data(), CAP_SET);
        cap_set_flag(state, CAP_EFFECTIVE, int(caps.size()), caps.data(), CAP_SET);
        cap_set_flag(state, CAP_INHERITABLE, int(caps.size()), caps.data(), CAP_SET);
    }

    int gate[2];
    int report[2];
    if (pipe2(gate, O_CLOEXEC) != 0) {
        cap_free(state);
        return Error{ExitCode::Failure, u"could not make a pipe: "_s + Core::errnoText(errno)};
    }
    if (pipe2(report, O_CLOEXEC) != 0) {
        close(gate[0]);
        close(gate[1]);
        cap_free(state);
        return Error{ExitCode::Failure, u"could not make a pipe: "_s + Core::errnoText(errno)};
    }
    const pid_t pid = fork();
    if (pid < 0) {
        const int error = errno;
        close(gate[0]);
        close(gate[1]);
        close(report[0]);
        close(report[1]);
        cap_free(state);
        return Error{ExitCode::Failure, u"could not fork: "_s + Core::errnoText(error)};
    }
    if (pid == 0) {
        close(gate[1]);
        close(report[0]);
        // The observer's standard output carries the recording: the agent writes to its error
        // output instead, and reads nothing.
        if (dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
            childFail(report[1], kGate);
        }
        if (const int null = open("/dev/null", O_RDONLY | O_CLOEXEC); null >= 0) {
            dup2(null, STDIN_FILENO);
        }
        char byte = 0;
        ssize_t got = 0;
        while ((got = read(gate[0], &byte, 1)) < 0 && errno == EINTR) {
        }
        if (got != 1) {
            _exit(127); // the observer went away before opening the gate
        }
        close(gate[0]);
        if (switchUser) {
            if (setgroups(groups.size(), groups.data()) != 0) {
                childFail(report[1], kGroups);
            }
            if (setresgid(spec.identity.gid, spec.identity.gid, spec.identity.gid) != 0) {
                childFail(report[1], kGid);
            }
            // The bounding set stays whole: the program's own file capabilities and set-id bits
            // apply as they do for its user today (narrowing it would make the kernel refuse to
            // execute a program whose file capabilities it excludes).
            if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) != 0) {
                childFail(report[1], kKeepCaps);
            }
            if (setresuid(spec.identity.uid, spec.identity.uid, spec.identity.uid) != 0) {
                childFail(report[1], kUid);
            }
            if (cap_set_proc(state) != 0) {
                childFail(report[1], kCapabilities);
            }
            // As AmbientCapabilities=: kept across exec of an ordinary program.
            for (cap_value_t cap : caps) {
                if (cap_set_ambient(cap, CAP_SET) != 0) {
                    childFail(report[1], kAmbient);
                }
            }
        }
        // The credentials changed: the death signal is set after them, which clears it.
        if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0) {
            childFail(report[1], kDeathSignal);
        }
        execv(argv[0], argv.data());
        childFail(report[1], kExec);
    }
    cap_free(state);
    close(gate[0]);
    close(report[1]);
    GatedChild child;
    child.m_pid = pid;
    child.m_gate = gate[1];
    child.m_report = report[0];
    return child;
}

Core::Result<void> GatedChild::release()
{
    const char byte = 1;
    ssize_t written = 0;
    while ((written = write(m_gate, &byte, 1)) < 0 && errno == EINTR) {
    }
    close(m_gate);
    m_gate = -1;
    if (written != 1) {
        return Error{ExitCode::Failure, u"the agent's process went away before it started"_s};
    }
    int data[2] = {0, 0};
    ssize_t got = 0;
    while ((got = read(m_report, data, sizeof data)) < 0 && errno == EINTR) {
    }
    close(m_report);
    m_report = -1;
    if (got == 0) {
        return {};
    }
    if (got != ssize_t(sizeof data)) {
        return Error{ExitCode::Failure, u"the agent's process failed before it started"_s};
    }
    const ExitCode code = data[0] == kExec && (data[1] == ENOENT || data[1] == ENOTDIR) ? ExitCode::NotFound
                          : data[0] == kExec && data[1] == EACCES                       ? ExitCode::Permission
                                                                                        : ExitCode::Failure;
    return Error{code, u"could not "_s + stageText(data[0]) + u": "_s + Core::errnoText(data[1])};
}

bool GatedChild::reap(int *status)
{
    if (m_reaped) {
        return true;
    }
    pid_t got = 0;
    while ((got = waitpid(m_pid, status, WNOHANG)) < 0 && errno == EINTR) {
    }
    if (got == m_pid) {
        m_reaped = true;
    }
    return m_reaped;
}

Core::Result<QString> cgroupOfProcess(pid_t pid)
{
    QFile file(u"/proc/"_s + QString::number(pid) + u"/cgroup"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{ExitCode::NotFound, u"no process "_s + QString::number(pid)};
    }
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("0::")) {
            return QString(kCgroupRoot + QString::fromUtf8(line.mid(3)));
        }
    }
    return Error{ExitCode::Unavailable, u"process "_s + QString::number(pid) +
                                            u" is in no cgroup v2 group: observing needs the unified hierarchy"_s};
}

Core::Result<Cgroup> moveToNewCgroup(pid_t pid, const QString &unitName)
{
    if (QFileInfo::exists(u"/run/systemd/system"_s)) {
        QProcess busctl;
        busctl.start(u"busctl"_s, {u"call"_s,
                                   u"org.freedesktop.systemd1"_s,
                                   u"/org/freedesktop/systemd1"_s,
                                   u"org.freedesktop.systemd1.Manager"_s,
                                   u"StartTransientUnit"_s,
                                   u"ssa(sv)a(sa(sv))"_s,
                                   unitName,
                                   u"fail"_s,
                                   u"3"_s,
                                   u"PIDs"_s,
                                   u"au"_s,
                                   u"1"_s,
                                   QString::number(pid),
                                   u"CollectMode"_s,
                                   u"s"_s,
                                   u"inactive-or-failed"_s,
                                   u"Description"_s,
                                   u"s"_s,
                                   u"Deroot observing an agent"_s,
                                   u"0"_s});
        if (!busctl.waitForFinished(30000) || busctl.exitStatus() != QProcess::NormalExit || busctl.exitCode() != 0) {
            return Error{ExitCode::Failure, u"systemd did not make the scope "_s + unitName + u": "_s +
                                                QString::fromLocal8Bit(busctl.readAllStandardError()).trimmed()};
        }
        // The job runs asynchronously: wait until the process is in the scope.
        for (int i = 0; i < 500; ++i) {
            const auto cgroup = cgroupOfProcess(pid);
            if (!cgroup.ok()) {
                return cgroup.error();
            }
            if (cgroup->endsWith(u'/' + unitName)) {
                return Cgroup{*cgroup, unitName, false};
            }
            QThread::msleep(10);
        }
        return Error{ExitCode::Failure,
                     u"systemd made the scope "_s + unitName + u" but did not move the agent into it"_s};
    }
    // No systemd: a cgroup of our own at the top of the hierarchy (where processes may live).
    const QString path = kCgroupRoot + u'/' + unitName;
    if (!QDir().mkdir(path)) {
        return Error{ExitCode::Failure, u"could not make the cgroup "_s + path + u": "_s + Core::errnoText(errno)};
    }
    if (!writeFile(path + u"/cgroup.procs"_s, QByteArray::number(pid))) {
        const int error = errno;
        QDir().rmdir(path);
        return Error{ExitCode::Failure, u"could not move the agent into "_s + path + u": "_s + Core::errnoText(error)};
    }
    return Cgroup{path, QString(), true};
}

bool cgroupPopulated(const QString &cgroup)
{
    QFile file(cgroup + u"/cgroup.events"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        return false; // gone with its last process
    }
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("populated ")) {
            return line.mid(10).trimmed() != "0";
        }
    }
    return false;
}

void killCgroup(const Cgroup &cgroup, int timeoutMs)
{
    if (cgroupPopulated(cgroup.path)) {
        if (!writeFile(cgroup.path + u"/cgroup.kill"_s, "1")) {
            // Before Linux 5.14: each process by hand, until none is left.
            QFile procs(cgroup.path + u"/cgroup.procs"_s);
            if (procs.open(QIODevice::ReadOnly)) {
                for (const QByteArray &line : procs.readAll().split('\n')) {
                    if (const int pid = line.trimmed().toInt(); pid > 0) {
                        kill(pid, SIGKILL);
                    }
                }
            }
        }
    }
    for (int waited = 0; waited < timeoutMs && cgroupPopulated(cgroup.path); waited += 10) {
        QThread::msleep(10);
    }
    if (cgroup.ownDirectory) {
        QDir().rmdir(cgroup.path);
    }
}

} // namespace Deroot::Observer
