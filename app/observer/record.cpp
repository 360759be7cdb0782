// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/observer/record.h"

#include "app/observer/bpfrecorder.h"
#include "core/base/text.h"
#include "core/model/capabilities.h"
#include "core/observe/straceparser.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Observer {

using Core::Error;
using Core::EventStream;
using Core::ExitCode;
using Core::RecordingInfo;

std::atomic_bool g_stopRequested = false;

namespace {

// The calls strace is asked to show: those failureMeaning() and the needs read. '?' lets a call
// this architecture lacks (iopl on arm64) pass without an error.
constexpr QLatin1StringView kStraceCalls(
    "?socket,?bind,?open,?openat,?openat2,?creat,?execve,?execveat,?ioctl,?setsockopt,?sendmsg,?sendto,?recvmsg,"
    "?recvfrom,?adjtimex,?clock_adjtime,?clock_settime,?settimeofday,?stime,?perf_event_open,?bpf,?ptrace,"
    "?process_vm_readv,?process_vm_writev,?iopl,?ioperm,?sched_setscheduler,?sched_setparam,?sched_setattr,"
    "?setpriority,?ioprio_set,?setuid,?setgid,?setreuid,?setregid,?setresuid,?setresgid,?setfsuid,?setfsgid,"
    "?setgroups,?chroot,?exit_group");

QString unitName(const QString &what)
{
    return u"deroot-observe-"_s + what + u'-' + QString::number(getpid()) + u'-' +
           QString::number(QRandomGenerator::system()->generate() % 100000) + u".scope"_s;
}

QString targetText(const Target &target)
{
    switch (target.kind) {
    case Target::Command:
        return u"command "_s + target.command.join(u' ');
    case Target::Unit:
        return u"unit "_s + target.unit;
    case Target::Pid:
        return u"pid "_s + QString::number(target.pid);
    }
    return {};
}

// What systemd says of a unit: "Key=Value" lines.
Core::Result<QMap<QString, QString>> unitProperties(const QString &unit)
{
    QProcess systemctl;
    systemctl.start(u"systemctl"_s,
                    {u"show"_s, u"--property=LoadState,ActiveState,ControlGroup,MainPID,User"_s, u"--"_s, unit});
    if (!systemctl.waitForFinished(30000) || systemctl.exitCode() != 0) {
        return Error{ExitCode::Unavailable, u"systemctl could not show "_s + unit + u": "_s +
                                                QString::fromLocal8Bit(systemctl.readAllStandardError()).trimmed()};
    }
    QMap<QString, QString> properties;
    for (const QByteArray &line : systemctl.readAllStandardOutput().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0) {
            properties.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
        }
    }
    if (properties.value(u"LoadState"_s) == u"not-found"_s) {
        return Error{ExitCode::NotFound, u"no unit "_s + unit + u" on this system"_s};
    }
    if (properties.value(u"ActiveState"_s) != u"active"_s || properties.value(u"ControlGroup"_s).isEmpty()) {
        return Error{ExitCode::NotFound, u"unit "_s + unit + u" is not running ("_s +
                                             properties.value(u"ActiveState"_s) +
                                             u"): start it first, then observe it"_s};
    }
    return properties;
}

// The uid a running process has, -1 when it is gone.
int uidOf(int pid)
{
    QFile status(u"/proc/"_s + QString::number(pid) + u"/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("Uid:")) {
            const QList<QByteArray> ids = line.mid(4).simplified().split(' ');
            return ids.size() > 1 ? ids[1].toInt() : -1; // the effective uid
        }
    }
    return -1;
}

bool processAlive(int pid)
{
    return kill(pid, 0) == 0 || errno == EPERM;
}

void endFromStatus(RecordingInfo &info, int status)
{
    if (WIFEXITED(status)) {
        info.ended = Core::kEndedExited.toString();
        info.exitStatus = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        info.ended = Core::kEndedSignalled.toString();
        info.exitStatus = 128 + WTERMSIG(status);
    }
}

// Waits until the time is up, a stop is asked, or @p done says the target ended; @p tick runs
// about every 100 ms (the recorder drains its buffer there).
template <typename Tick, typename Done>
bool waitForEnd(std::int64_t durationNs, QElapsedTimer &clock, Tick tick, Done done)
{
    while (clock.nsecsElapsed() < durationNs && !g_stopRequested) {
        tick();
        if (done()) {
            return true;
        }
    }
    return false;
}

} // namespace

int unprivilegedPortStart()
{
    QFile file(u"/proc/sys/net/ipv4/ip_unprivileged_port_start"_s);
    bool ok = false;
    const int value = file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toInt(&ok) : 0;
    return ok ? value : 1024;
}

Core::Result<EventStream> recordWithEbpf(BpfRecorder &recorder, const RecordRequest &request)
{
    RecordingInfo info;
    info.mechanism = Core::Mechanism::Ebpf;
    info.target = targetText(request.target);
    info.unprivilegedPortStart = unprivilegedPortStart();
    QElapsedTimer clock;
    const auto tick = [&recorder] {
        if (auto polled = recorder.poll(100); !polled.ok()) {
            qWarning("deroot-observer: %s", qPrintable(polled.error().message));
        }
    };

    if (request.target.kind == Target::Command) {
        info.user = request.identity.name;
        info.asRoot = request.identity.uid == 0;
        info.capabilities = request.capabilities;
        auto child = GatedChild::spawn({request.target.command, request.identity, request.capabilities});
        if (!child.ok()) {
            return child.error();
        }
        auto cgroup = moveToNewCgroup(child->pid(), unitName(u"command"_s));
        if (!cgroup.ok()) {
            return cgroup.error();
        }
        struct stat st = {};
        if (stat(QFile::encodeName(cgroup->path).constData(), &st) != 0) {
            killCgroup(*cgroup);
            return Error{ExitCode::Failure,
                         u"could not read the cgroup "_s + cgroup->path + u": "_s + Core::errnoText(errno)};
        }
        BpfFilter filter;
        filter.cgroupId = std::uint64_t(st.st_ino);
        if (auto started = recorder.start(filter); !started.ok()) {
            killCgroup(*cgroup);
            return started.error();
        }
        recorder.ignoreUntilExec(child->pid());
        clock.start();
        if (auto released = child->release(); !released.ok()) {
            killCgroup(*cgroup);
            return released.error();
        }
        int status = 0;
        bool exited = false;
        bool leftBehind = false; // the first process ended while others of the agent ran on
        const bool ended = waitForEnd(request.durationNs, clock, tick, [&] {
            if (!exited && child->reap(&status)) {
                exited = true;
                leftBehind = cgroupPopulated(cgroup->path);
            }
            return !cgroupPopulated(cgroup->path);
        });
        info.durationNs = clock.nsecsElapsed();
        if (!ended) {
            info.ended = Core::kEndedTimeLimit.toString();
        }
        killCgroup(*cgroup);
        exited = exited || child->reapWithin(&status, 1000);
        if (ended && exited) {
            endFromStatus(info, status);
        } else if (ended) {
            info.ended = Core::kEndedExited.toString();
        }
        if (ended && exited && info.exitStatus && clock.nsecsElapsed() < 1'000'000'000 && *info.exitStatus != 0) {
            info.notes.append(u"The agent ended at once with status "_s + QString::number(*info.exitStatus) +
                              u": what it would have done next was not seen."_s);
        }
        if (leftBehind) {
            info.notes.append(u"The agent's first process exited and left processes running (a daemon that "
                              "detaches): they were watched until none was left or the time was up."_s);
        }
    } else if (request.target.kind == Target::Unit) {
        const auto properties = unitProperties(request.target.unit);
        if (!properties.ok()) {
            return properties.error();
        }
        const QString path = u"/sys/fs/cgroup"_s + properties->value(u"ControlGroup"_s);
        struct stat st = {};
        if (stat(QFile::encodeName(path).constData(), &st) != 0) {
            return Error{ExitCode::Changed,
                         u"the cgroup of "_s + request.target.unit + u" went away: "_s + Core::errnoText(errno)};
        }
        const int mainPid = properties->value(u"MainPID"_s).toInt();
        const int uid = mainPid > 0 ? uidOf(mainPid) : -1;
        info.asRoot = uid == 0;
        info.user = properties->value(u"User"_s);
        BpfFilter filter;
        filter.cgroupId = std::uint64_t(st.st_ino);
        if (auto started = recorder.start(filter); !started.ok()) {
            return started.error();
        }
        clock.start();
        const bool gone = waitForEnd(request.durationNs, clock, tick, [&] { return !cgroupPopulated(path); });
        info.durationNs = clock.nsecsElapsed();
        info.ended = (gone ? Core::kEndedTargetGone : Core::kEndedTimeLimit).toString();
        info.notes.append(u"The unit was already running: what it did when it started was not seen. Observe its "
                          "command (derootctl observe -- ...) as its user to see its start-up."_s);
    } else {
        const int pid = request.target.pid;
        const int uid = uidOf(pid);
        if (uid < 0) {
            return Error{ExitCode::NotFound, u"no process "_s + QString::number(pid)};
        }
        info.asRoot = uid == 0;
        BpfFilter filter;
        filter.pids = {pid};
        if (auto started = recorder.start(filter); !started.ok()) {
            return started.error();
        }
        clock.start();
        const bool gone = waitForEnd(request.durationNs, clock, tick, [pid] { return !processAlive(pid); });
        info.durationNs = clock.nsecsElapsed();
        info.ended = (gone ? Core::kEndedTargetGone : Core::kEndedTimeLimit).toString();
        info.notes.append(u"The process was already running: what it did when it started was not seen."_s);
    }
    if (g_stopRequested) {
        info.notes.append(u"Stopped early by a signal."_s);
    }
    EventStream events = recorder.finish();
    info.lostEvents = std::int64_t(recorder.lostEvents());
    if (const std::uint64_t overridden = recorder.overriddenChecks(); overridden > 0) {
        info.notes.append((overridden == 1 ? u"1 check was"_s : QString::number(overridden) + u" checks were"_s) +
                          u" left out: the kernel made them on credentials of its own in place of the agent's "
                          "(overlayfs acting as its mounter, nfsd, a core dump, access())."_s);
    }
    if (info.lostEvents > 0) {
        info.notes.append(QString::number(info.lostEvents) +
                          u" events were lost (the buffer was full): the counts are low, and a need may be missing."_s);
    }
    events.info = info;
    return events;
}

Core::Result<EventStream> recordWithStrace(const RecordRequest &request)
{
    const QString strace = u"/usr/bin/strace"_s;
    if (!QFileInfo(strace).isExecutable()) {
        return Error{ExitCode::Unavailable, u"strace is not installed ("_s + strace + u")"_s};
    }
    RecordingInfo info;
    info.mechanism = Core::Mechanism::Strace;
    info.target = targetText(request.target);
    info.unprivilegedPortStart = unprivilegedPortStart();

    // strace writes to a file the agent's user owns, in a directory only root lists.
    QTemporaryDir dir(u"/run/deroot-observe-XXXXXX"_s);
    if (!dir.isValid()) {
        return Error{ExitCode::Failure, u"could not make a directory in /run: "_s + dir.errorString()};
    }
    const QString output = dir.filePath(u"trace"_s);
    QList<QString> base{
        strace, u"-f"_s, u"-qq"_s, u"-y"_s, u"-ttt"_s, u"-o"_s, output, u"-e"_s, u"trace="_s + kStraceCalls};

    int attachPid = 0;
    Identity identity = request.identity;
    if (request.target.kind == Target::Command) {
        info.user = identity.name;
        info.asRoot = identity.uid == 0;
        info.capabilities = request.capabilities;
    } else {
        attachPid = request.target.pid;
        if (request.target.kind == Target::Unit) {
            const auto properties = unitProperties(request.target.unit);
            if (!properties.ok()) {
                return properties.error();
            }
            attachPid = properties->value(u"MainPID"_s).toInt();
            info.user = properties->value(u"User"_s);
            if (attachPid <= 0) {
                return Error{ExitCode::NotFound,
                             u"unit "_s + request.target.unit + u" has no main process to attach to"_s};
            }
        }
        const int uid = uidOf(attachPid);
        if (uid < 0) {
            return Error{ExitCode::NotFound, u"no process "_s + QString::number(attachPid)};
        }
        info.asRoot = uid == 0;
        identity = Identity{u"root"_s, 0, 0, {}}; // attaching to another user's process takes root
    }
    if (!QDir().exists(dir.path()) || chmod(QFile::encodeName(dir.path()).constData(), 0711) != 0) {
        return Error{ExitCode::Failure, u"could not prepare "_s + dir.path() + u": "_s + Core::errnoText(errno)};
    }
    {
        QFile file(output);
        if (!file.open(QIODevice::WriteOnly) || fchown(file.handle(), identity.uid, identity.gid) != 0) {
            return Error{ExitCode::Failure, u"could not prepare "_s + output + u": "_s + Core::errnoText(errno)};
        }
    }
    QStringList argv = base;
    if (request.target.kind == Target::Command) {
        argv.append(u"--"_s);
        argv.append(request.target.command);
    } else {
        argv.append({u"-p"_s, QString::number(attachPid)});
    }
    auto child = GatedChild::spawn(
        {argv, identity, request.target.kind == Target::Command ? request.capabilities : QList<int>{}});
    if (!child.ok()) {
        return child.error();
    }
    auto cgroup = moveToNewCgroup(child->pid(), unitName(u"strace"_s));
    if (!cgroup.ok()) {
        return cgroup.error();
    }
    QElapsedTimer clock;
    clock.start();
    if (auto released = child->release(); !released.ok()) {
        killCgroup(*cgroup);
        return released.error();
    }
    int status = 0;
    bool exited = false;
    const auto done = [&] {
        if (!exited && child->reap(&status)) {
            exited = true;
        }
        // The command's processes live in the cgroup; an attached process lives where it did.
        return request.target.kind == Target::Command ? !cgroupPopulated(cgroup->path)
                                                      : (exited || !processAlive(attachPid));
    };
    const bool ended = waitForEnd(request.durationNs, clock, [] { QThread::msleep(100); }, done);
    info.durationNs = clock.nsecsElapsed();
    if (request.target.kind != Target::Command) {
        // Detach strace (SIGTERM makes it let go of the tracee, which goes on) before the cleanup.
        kill(child->pid(), SIGTERM);
        exited = exited || child->reapWithin(&status, 3000);
        info.ended = (ended ? Core::kEndedTargetGone : Core::kEndedTimeLimit).toString();
        info.notes.append(u"The process was already running: what it did when it started was not seen."_s);
    }
    killCgroup(*cgroup);
    exited = exited || child->reapWithin(&status, 1000);
    if (request.target.kind == Target::Command) {
        if (!ended) {
            info.ended = Core::kEndedTimeLimit.toString();
        } else if (exited) {
            endFromStatus(info, status); // strace exits with its tracee's status
        } else {
            info.ended = Core::kEndedExited.toString();
        }
    }
    if (g_stopRequested) {
        info.notes.append(u"Stopped early by a signal."_s);
    }

    QFile file(output);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{ExitCode::Failure, u"strace wrote no output ("_s + file.errorString() + u')'};
    }
    const Core::StraceLog log = Core::parseStrace(file.readAll());
    for (const Core::StraceIssue &issue : log.issues) {
        info.notes.append(u"strace output line "_s + QString::number(issue.line) + u" was not read: "_s +
                          issue.message);
    }
    EventStream events;
    events.results = log.results;
    // strace names processes by pid only: each gets the name of the program it last executed.
    QHash<int, QString> names;
    for (const Core::SyscallResult &result : std::as_const(events.results)) {
        if (result.syscall.startsWith(u"execve"_s) && result.succeeded()) {
            if (const auto *path = std::get_if<Core::PathCall>(&result.arguments)) {
                names.insert(result.process.pid, path->access.path.section(u'/', -1).left(15));
            }
        }
    }
    for (Core::SyscallResult &result : events.results) {
        if (result.process.comm.isEmpty()) {
            result.process.comm = names.value(result.process.pid);
        }
    }
    events.info = info;
    return events;
}

} // namespace Deroot::Observer
