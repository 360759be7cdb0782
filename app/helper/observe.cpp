// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/observe.h"

#include "app/helper/accountfiles.h"
#include "app/helper/engine_p.h"
#include "app/helper/fsops.h"
#include "app/helper/sudoprograms.h"
#include "core/base/deroot.h"
#include "core/base/text.h"
#include "core/model/capabilities.h"
#include "core/rules/rules.h"

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTimer>

#include <cerrno>
#include <memory>
#include <vector>

#include <grp.h>
#include <pwd.h>
#include <sys/capability.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Deroot::Core::Error;
using Deroot::Core::ExitCode;
using Deroot::Core::ObserveRequest;
using Deroot::Core::quoted;

namespace Deroot::Helper {

namespace {

const QString kSystemdRun = u"/usr/bin/systemd-run"_s;

Error refused(const QString &message)
{
    return Error{ExitCode::Refused, message};
}

// The program's file capabilities that make it root in all but name, read through the descriptor
// that was judged (its /proc/self/fd link: an O_PATH descriptor has no extended attributes of its
// own). An error reading them refuses: what cannot be read cannot be shown harmless.
std::optional<Error> rootEquivalentFileCapabilities(int fd, const QString &program, const QString &activity)
{
    const QByteArray link = "/proc/self/fd/" + QByteArray::number(fd);
    errno = 0;
    cap_t caps = cap_get_file(link.constData());
    if (!caps) {
        if (errno == ENODATA || errno == ENOTSUP || errno == EOPNOTSUPP) {
            return std::nullopt; // none
        }
        return Error{ExitCode::Failure,
                     u"the file capabilities of %1 cannot be read: %2"_s.arg(quoted(program), errnoText(errno))};
    }
    QStringList found;
    for (int number = 0; number <= CAP_LAST_CAP; ++number) {
        cap_flag_value_t permitted = CAP_CLEAR;
        cap_flag_value_t inheritable = CAP_CLEAR;
        cap_get_flag(caps, cap_value_t(number), CAP_PERMITTED, &permitted);
        cap_get_flag(caps, cap_value_t(number), CAP_INHERITABLE, &inheritable);
        if ((permitted == CAP_SET || inheritable == CAP_SET) && Core::isRootEquivalentCapability(number)) {
            const auto info = Core::capabilityByNumber(number);
            found << (info ? QString::fromLatin1(info->name) : QString::number(number));
        }
    }
    cap_free(caps);
    if (found.isEmpty()) {
        return std::nullopt;
    }
    return refused(u"the program %1 has the root-equivalent file capabilities %2: run by any user it is as good as "
                   u"root, and %3 through the helper never runs anything as root"_s.arg(quoted(program),
                                                                                        found.join(u", "_s), activity));
}

struct PasswdEntry
{
    qint64 uid = -1;
    qint64 gid = -1;
};

std::optional<PasswdEntry> findUser(const QByteArray &passwd, const QString &user)
{
    for (const QByteArray &line : passwd.split('\n')) {
        const QList<QByteArray> fields = line.split(':');
        if (fields.size() >= 7 && QString::fromUtf8(fields.at(0)) == user) {
            bool uidOk = false;
            bool gidOk = false;
            const PasswdEntry entry{fields.at(2).toLongLong(&uidOk), fields.at(3).toLongLong(&gidOk)};
            if (!uidOk || !gidOk) {
                return PasswdEntry{};
            }
            return entry;
        }
    }
    return std::nullopt;
}

QString randomUnitName()
{
    quint64 value = QRandomGenerator::system()->generate64();
    return u"deroot-observer-%1.service"_s.arg(value, 16, 16, QLatin1Char('0'));
}

} // namespace

QString observerProgram()
{
    return Core::libexecDirectory() + u"/deroot-observer"_s;
}

std::optional<Error> checkProgramToRun(const QString &root, const QString &program, const QString &verb)
{
    const QString activity = verb.chopped(1) + u"ing"_s;
    const auto fs = RootFs::open(root);
    if (!fs) {
        return fs.error();
    }
    UniqueFd file;
    if (auto error = checkRootOnlyPath(*fs, program, u"the program"_s, false, &file)) {
        // A program that is not there is NotFound, as deroot-observer itself says.
        if (error->code == ExitCode::Refused && error->message.contains(u" does not exist"_s)) {
            error->code = ExitCode::NotFound;
        }
        return error;
    }
    struct stat st{};
    if (::fstat(file.get(), &st) != 0) {
        return Error{ExitCode::Failure,
                     u"the program %1 cannot be examined: %2"_s.arg(quoted(program), errnoText(errno))};
    }
    if ((st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) == 0) {
        return refused(u"the program %1 is not executable (mode %2)"_s.arg(quoted(program))
                           .arg(QString::number(st.st_mode & 07777, 8)));
    }
    if ((st.st_mode & (S_ISUID | S_ISGID)) != 0) {
        return refused(u"the program %1 is set-uid or set-gid (mode %2): it would not run as the user asked for, "
                       u"and %3 through the helper never runs anything as root"_s.arg(quoted(program))
                           .arg(QString::number(st.st_mode & 07777, 8), activity));
    }
    if (auto error = rootEquivalentFileCapabilities(file.get(), program, activity)) {
        return error;
    }
    // Not the boundary (the user and the prompt are): a shell or an interpreter runs whatever its
    // arguments say, so the prompt would name the interpreter and not what runs.
    if (Core::isInterpreter(program)) {
        return refused(u"the program %1 is a shell or an interpreter: it runs whatever its arguments hand it. %2 "
                       u"the agent's own program (a script by its own path)%3"_s.arg(
                           quoted(program), verb.left(1).toUpper() + verb.mid(1),
                           verb == u"observe"_s ? u", or its unit"_s : QString()));
    }
    return std::nullopt;
}

std::optional<Error> checkRunAsUser(const QString &root, const QString &user, int callerUid, bool askNameService,
                                    const QString &verb)
{
    const QString activity = verb.chopped(1) + u"ing"_s;
    const auto fs = RootFs::open(root);
    if (!fs) {
        return fs.error();
    }
    auto etc = fs->openDirectory(u"/etc"_s, DirectoryRule::Destination);
    if (!etc) {
        return etc.error();
    }
    const auto passwdFile = RootFs::readState(etc->get(), u"passwd"_s, u"/etc/passwd"_s, kMaxAccountFileBytes);
    const auto groupFile = RootFs::readState(etc->get(), u"group"_s, u"/etc/group"_s, kMaxAccountFileBytes);
    if (!passwdFile || !groupFile) {
        return !passwdFile ? passwdFile.error() : groupFile.error();
    }
    const auto loginDefs = RootFs::readState(etc->get(), u"login.defs"_s, u"/etc/login.defs"_s, qsizetype{1024} * 1024);
    const UidLimits limits = uidLimits(loginDefs ? loginDefs->bytes : QByteArray());
    const QString shown = quoted(user);
    const std::optional<PasswdEntry> entry = findUser(passwdFile->bytes, user);
    if (!entry) {
        return Error{ExitCode::NotFound, u"no user %1 in /etc/passwd"_s.arg(shown)};
    }
    if (entry->uid < 0 || entry->gid < 0) {
        return refused(u"the user %1 has no numeric uid and gid in /etc/passwd"_s.arg(shown));
    }
    if (entry->uid == 0 || entry->gid == 0) {
        return refused(u"the user %1 has uid or gid 0: it is root, and %2 through the helper never runs "
                       u"anything as root (%3 as root instead: sudo derootctl %3)"_s.arg(shown, activity, verb));
    }
    if (entry->uid >= limits.uidMin && entry->uid <= limits.uidMax && entry->uid != callerUid) {
        return refused(u"the user %1 has uid %2, a person's account (UID_MIN %3 to UID_MAX %4) and not yours: %5 "
                       u"as the agent's service user"_s.arg(shown)
                           .arg(entry->uid)
                           .arg(limits.uidMin)
                           .arg(limits.uidMax)
                           .arg(verb));
    }
    const auto rootEquivalent = [&](const QString &name, qint64 gid) -> std::optional<Error> {
        if (gid == 0 || Core::isRootEquivalentGroup(name)) {
            return refused(u"the user %1 is in the group %2, whose members are as good as root: %3 through "
                           u"the helper never runs anything as root"_s.arg(shown, quoted(name), activity));
        }
        return std::nullopt;
    };
    for (const QByteArray &line : groupFile->bytes.split('\n')) {
        const QList<QByteArray> fields = line.split(':');
        if (fields.size() < 4) {
            continue;
        }
        bool ok = false;
        const qint64 gid = fields.at(2).toLongLong(&ok);
        const QString name = QString::fromUtf8(fields.at(0));
        const bool member = (ok && gid == entry->gid) || QString::fromUtf8(fields.at(3)).split(u',').contains(user);
        if (member) {
            if (auto error = rootEquivalent(name, ok ? gid : -1)) {
                return error;
            }
        }
    }
    if (!askNameService) {
        return std::nullopt;
    }
    // deroot-observer switches to the user with getpwnam() and getgrouplist(): what the name service
    // says (LDAP, sssd, systemd's own users) must agree with the files, and every group it adds is
    // judged as well.
    const QByteArray name = user.toLocal8Bit();
    // The reentrant forms: the helper's polkit checks run on threads of their own.
    std::vector<char> buffer(size_t(64) * 1024);
    struct passwd accountEntry{};
    struct passwd *account = nullptr;
    if (::getpwnam_r(name.constData(), &accountEntry, buffer.data(), buffer.size(), &account) != 0 || !account ||
        qint64(account->pw_uid) != entry->uid || qint64(account->pw_gid) != entry->gid) {
        return refused(u"the name service does not agree with /etc/passwd about the user %1"_s.arg(shown));
    }
    const gid_t primary = account->pw_gid;
    int count = 64;
    std::vector<gid_t> memberships(static_cast<size_t>(count));
    while (::getgrouplist(name.constData(), primary, memberships.data(), &count) < 0) {
        if (count > 65536) {
            return refused(u"the user %1 is in too many groups"_s.arg(shown));
        }
        memberships.resize(size_t(count));
    }
    for (int i = 0; i < count; ++i) {
        const gid_t gid = memberships[size_t(i)];
        struct group groupEntry{};
        struct group *found = nullptr;
        QString groupName = QString::number(gid);
        // A group that cannot be read (ERANGE: a member list over 64 KiB) could be any group: refused.
        if (::getgrgid_r(gid, &groupEntry, buffer.data(), buffer.size(), &found) != 0) {
            return refused(u"the group %1 of the user %2 cannot be read from the name service"_s.arg(gid).arg(shown));
        }
        if (found) {
            groupName = QString::fromLocal8Bit(found->gr_name);
        }
        if (auto error = rootEquivalent(groupName, qint64(gid))) {
            return error;
        }
    }
    return std::nullopt;
}

std::optional<Error> Observer::check(const ObserveRequest &request, int callerUid) const
{
    switch (request.target) {
    case ObserveRequest::Target::Command:
        if (auto error = checkProgramToRun(m_setup.root, request.program, u"observe"_s)) {
            return error;
        }
        return checkRunAsUser(m_setup.root, request.user, callerUid, m_setup.askNameService, u"observe"_s);
    case ObserveRequest::Target::Unit: {
        if (!m_setup.runner) {
            return Error{ExitCode::Failure, u"the helper has no service manager to ask"_s};
        }
        const Core::ToolRun show = m_setup.runner->run(
            kSystemctl, {u"show"_s, u"--property=LoadState"_s, u"--value"_s, u"--"_s, request.unit}, {}, 30000);
        const QString state = QString::fromUtf8(show.out).trimmed();
        if (!show.finished || show.exitCode != 0) {
            return Error{ExitCode::Failure,
                         u"systemctl show %1 failed: %2"_s.arg(request.unit, Core::oneLine(state.left(200)))};
        }
        if (state != u"loaded"_s) {
            return Error{ExitCode::NotFound,
                         u"no unit %1 is loaded (its state is %2)"_s.arg(quoted(request.unit), quoted(state))};
        }
        return std::nullopt;
    }
    case ObserveRequest::Target::Pid:
        if (!QFileInfo(m_setup.proc + u'/' + QString::number(request.pid)).isDir()) {
            return Error{ExitCode::NotFound, u"no process %1"_s.arg(request.pid)};
        }
        return std::nullopt;
    }
    return refused(u"unknown target"_s);
}

void Observer::run(const ObserveRequest &request, int callerUid,
                   std::function<void(const Core::Result<QByteArray> &)> done)
{
    if (!m_setup.launcher) {
        done(Error{ExitCode::Unavailable, u"this helper cannot run deroot-observer"_s});
        return;
    }
    m_setup.launcher->launch(
        Core::observerArguments(request), request.seconds, callerUid, [done = std::move(done)](const ObserverRun &run) {
            if (!run.started) {
                done(Error{ExitCode::Unavailable, u"deroot-observer could not be started: %1"_s.arg(run.error)});
                return;
            }
            if (run.tooLarge) {
                done(Error{ExitCode::Failure, u"the recording is larger than %1 MiB; observe for fewer seconds"_s.arg(
                                                  kMaxRecordingBytes / 1024 / 1024)});
                return;
            }
            if (run.timedOut) {
                done(Error{ExitCode::Failure, u"deroot-observer did not finish in time and was stopped"_s});
                return;
            }
            if (run.exitCode != 0) {
                // Its own exit codes are derootctl's (core/base/exitcode.h); anything else, a crash.
                const bool own = run.exitCode > 0 && run.exitCode <= Core::toInt(ExitCode::NotAuthorized);
                const ExitCode code = own ? ExitCode(run.exitCode) : ExitCode::Failure;
                done(Error{code, run.lastWord.isEmpty() ? u"deroot-observer failed (exit status %1)"_s.arg(run.exitCode)
                                                        : run.lastWord});
                return;
            }
            if (!Core::isValidUtf8(run.recording)) {
                done(Error{ExitCode::Failure, u"deroot-observer wrote a recording that is not UTF-8 text"_s});
                return;
            }
            done(run.recording);
        });
}

QStringList SystemdRunLauncher::systemdRunArguments(const QString &unit, const QStringList &arguments, int seconds,
                                                    int callerUid)
{
    // What the observer needs, and only what can be taken away without changing what it sees: it
    // runs as root with the manager's full bounding set and without NoNewPrivileges, because it
    // loads eBPF programs (CAP_BPF, CAP_PERFMON), traces (CAP_SYS_PTRACE), moves the agent into a
    // scope of its own, switches it to its user (CAP_SETUID, CAP_SETGID) and hands it ambient
    // capabilities, and the agent's own file capabilities (fping's cap_net_raw) must act as they do
    // for that user; its file system, network and devices are the machine's, as the agent's will
    // be. What is taken: the environment (none is passed, and $ in an argument stays a $), a
    // time limit the unit cannot outlive, core dumps, and the unit itself once it ends.
    QStringList out{u"--quiet"_s,
                    u"--pipe"_s,
                    u"--wait"_s,
                    u"--collect"_s,
                    u"--service-type=exec"_s,
                    u"--expand-environment=no"_s,
                    u"--unit="_s + unit,
                    u"--description=Deroot observation for uid %1"_s.arg(callerUid),
                    u"--property=RuntimeMaxSec=%1"_s.arg(seconds + kObserveMarginSeconds),
                    u"--property=TimeoutStopSec=15"_s,
                    u"--property=LimitCORE=0"_s,
                    u"--property=SyslogIdentifier=deroot-observer"_s,
                    u"--"_s,
                    observerProgram()};
    out << arguments;
    return out;
}

void SystemdRunLauncher::launch(const QStringList &arguments, int seconds, int callerUid, Done done)
{
    struct Run
    {
        ObserverRun result;
        QByteArray errorLine; ///< the unfinished last line of standard error
        QString unit;
        Done done;
        bool finished = false;
    };
    auto run = std::make_shared<Run>();
    run->unit = randomUnitName();
    run->done = std::move(done);
    auto *process = new QProcess(this);
    auto *limit = new QTimer(process);
    QProcessEnvironment environment;
    environment.insert(u"PATH"_s, u"/usr/sbin:/usr/bin:/sbin:/bin"_s);
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    process->setProcessEnvironment(environment);
    process->setStandardInputFile(QProcess::nullDevice());
    process->setWorkingDirectory(u"/"_s);
    const auto stopUnit = [unit = run->unit] {
        // Ends the observer and the agent it started, whatever state systemd-run was left in.
        Core::runTool(kSystemctl, {u"stop"_s, u"--no-block"_s, u"--"_s, unit}, 10000);
    };
    const auto finish = [run, process](bool kill) {
        if (run->finished) {
            return;
        }
        run->finished = true;
        if (kill) {
            process->kill();
        }
        process->deleteLater();
        run->done(run->result);
    };
    connect(process, &QProcess::readyReadStandardOutput, process, [run, process, finish, stopUnit] {
        run->result.recording += process->readAllStandardOutput();
        if (run->result.recording.size() > kMaxRecordingBytes) {
            run->result.tooLarge = true;
            run->result.recording.clear();
            stopUnit();
            finish(true);
        }
    });
    connect(process, &QProcess::readyReadStandardError, process, [run, process] {
        // The agent's output comes here too (it ran as another user: none of it goes to the
        // caller); only the observer's own last word is kept.
        run->errorLine += process->readAllStandardError();
        qsizetype end = 0;
        while ((end = run->errorLine.indexOf('\n')) >= 0) {
            const QByteArray line = run->errorLine.left(end);
            run->errorLine.remove(0, end + 1);
            if (line.startsWith("deroot-observer: ")) {
                run->result.lastWord = Core::oneLine(QString::fromUtf8(line.mid(17)).left(500));
            }
        }
        if (run->errorLine.size() > 4096) {
            run->errorLine.clear();
        }
    });
    connect(process, &QProcess::errorOccurred, process, [run, process, finish](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            run->result.error = process->errorString();
            finish(false);
        }
    });
    connect(process, &QProcess::finished, process, [run, process, finish](int exitCode, QProcess::ExitStatus status) {
        run->result.recording += process->readAllStandardOutput();
        if (run->result.recording.size() > kMaxRecordingBytes) {
            run->result.tooLarge = true;
            run->result.recording.clear();
        }
        run->result.started = true;
        // systemd-run --wait exits with the service's status when it exited; anything else (it
        // was killed, the service was) is not one of the observer's codes.
        run->result.exitCode = status == QProcess::NormalExit ? exitCode : 255;
        finish(false);
    });
    limit->setSingleShot(true);
    connect(limit, &QTimer::timeout, process, [run, finish, stopUnit] {
        run->result.started = true;
        run->result.timedOut = true;
        stopUnit();
        finish(true);
    });
    limit->start((seconds + kObserveMarginSeconds + 30) * 1000);
    process->start(kSystemdRun, systemdRunArguments(run->unit, arguments, seconds, callerUid));
}

} // namespace Deroot::Helper
