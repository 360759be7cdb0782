// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The system's side of validation, changing nothing: the accounts, the program, the destinations
// and the sudoers configuration as sudo would read it with the new drop-in.
#include "app/helper/engine_p.h"

#include "app/helper/accountfiles.h"
#include "app/helper/sudoprograms.h"
#include "app/helper/unitcheck.h"
#include "core/base/sha256.h"
#include "core/base/text.h"
#include "core/rules/rules.h"

#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>

#include <algorithm>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Deroot::Core::quoted;

namespace Deroot::Helper {

std::optional<Error> Engine::Private::checkCaller(const QString &caller, const QByteArray &passwd,
                                                  const QByteArray &group, qint64 uidMin, qint64 sysUidMin)
{
    const QString shown = quoted(caller);
    qint64 primaryGid = -1;
    std::optional<Account> user;
    for (const QByteArray &line : passwd.split('\n')) {
        const QList<QByteArray> fields = line.split(':');
        if (fields.size() >= 7 && QString::fromUtf8(fields.at(0)) == caller) {
            user = Account{caller, fields.at(2).toLongLong(), QString::fromUtf8(fields.at(6))};
            primaryGid = fields.at(3).toLongLong();
            break;
        }
    }
    if (!user) {
        return Error{ExitCode::Refused, u"the calling user %1 does not exist here: the sudo rule is for the "
                                        u"existing account of the agent that calls the program, and the "
                                        u"helper creates none for it"_s.arg(shown)};
    }
    if (user->id == 0 || primaryGid == 0) {
        return Error{ExitCode::Refused, u"the calling user %1 has uid or gid 0: it is root"_s.arg(shown)};
    }
    if (user->id >= uidMin) {
        return Error{ExitCode::Refused, u"the calling user %1 has uid %2, a human user's (UID_MIN %3): the sudo "
                                        u"rule is for an agent's account, never a person's"_s.arg(shown)
                                            .arg(user->id)
                                            .arg(uidMin)};
    }
    if (user->id < sysUidMin) {
        return Error{ExitCode::Refused, u"the calling user %1 has uid %2, one of the base system's static "
                                        u"accounts (below SYS_UID_MIN %3): its other programs would get the "
                                        u"rule too"_s.arg(shown)
                                            .arg(user->id)
                                            .arg(sysUidMin)};
    }
    for (const QByteArray &line : group.split('\n')) {
        const QList<QByteArray> fields = line.split(':');
        if (fields.size() < 4) {
            continue;
        }
        const QString name = QString::fromUtf8(fields.at(0));
        const bool member =
            fields.at(2).toLongLong() == primaryGid || QString::fromUtf8(fields.at(3)).split(u',').contains(caller);
        if (member && Core::isSudoGroup(name)) {
            return Error{ExitCode::Refused,
                         u"the calling user %1 is in the group %2, which gives sudo or root "
                         u"itself: it is an administrator's account, not an agent's"_s.arg(shown, quoted(name))};
        }
    }
    return std::nullopt;
}

std::optional<Error> Engine::Private::checkAccounts(const CheckedRequest &plan) const
{
    const auto passwd = readAt(u"/etc/passwd"_s, kMaxAccountFileBytes);
    const auto group = readAt(u"/etc/group"_s, kMaxAccountFileBytes);
    if (!passwd || !group) {
        return !passwd ? passwd.error() : group.error();
    }
    const auto loginDefs = readAt(u"/etc/login.defs"_s, qsizetype{1024} * 1024);
    const auto [uidMin, sysUidMin, uidMax] = uidLimits(loginDefs ? loginDefs->bytes : QByteArray());
    const QList<Account> users = parseAccounts(passwd->bytes, true);
    const QList<Account> groups = parseAccounts(group->bytes, false);
    if (!plan.callerUser.isEmpty()) {
        if (auto error = checkCaller(plan.callerUser, passwd->bytes, group->bytes, uidMin, sysUidMin)) {
            return error;
        }
    }
    // A called program has no service user: nothing below applies to it.
    const auto user = plan.serviceUser.isEmpty() ? std::nullopt : findAccount(users, plan.serviceUser);
    if (user) {
        if (user->id == 0) {
            return Error{ExitCode::Refused,
                         u"the service user %1 exists with uid 0: it is root"_s.arg(quoted(plan.serviceUser))};
        }
        if (user->id >= uidMin) {
            return Error{ExitCode::Refused,
                         u"the service user %1 exists with uid %2, a human user's (UID_MIN %3): the helper never "
                         u"gives an agent a person's account"_s.arg(quoted(plan.serviceUser))
                             .arg(user->id)
                             .arg(uidMin)};
        }
        // Below SYS_UID_MIN are the base system's static accounts (Debian's base-passwd:
        // daemon, www-data, backup, ...): an agent sharing one would share its files and rights.
        if (user->id < sysUidMin) {
            return Error{ExitCode::Refused,
                         u"the service user %1 exists with uid %2, one of the base system's static accounts "
                         u"(below SYS_UID_MIN %3): the agent must not share it"_s.arg(quoted(plan.serviceUser))
                             .arg(user->id)
                             .arg(sysUidMin)};
        }
        static const QStringList kNoLogin{u"/usr/sbin/nologin"_s, u"/sbin/nologin"_s, u"/bin/false"_s,
                                          u"/usr/bin/false"_s};
        if (!kNoLogin.contains(user->shell)) {
            return Error{ExitCode::Refused, u"the service user %1 exists with the login shell %2: an agent's "
                                            u"account must not be one someone logs in with"_s.arg(
                                                quoted(plan.serviceUser), quoted(user->shell))};
        }
    }
    if (const auto own = plan.serviceGroup.isEmpty() ? std::nullopt : findAccount(groups, plan.serviceGroup)) {
        if (own->id < sysUidMin || own->id >= uidMin) {
            return Error{ExitCode::Refused, u"the group %1 exists with gid %2, a static or a human user's group"_s
                                                .arg(quoted(plan.serviceGroup))
                                                .arg(own->id)};
        }
    }
    for (const QString &name : plan.supplementaryGroups) {
        if (!findAccount(groups, name)) {
            return Error{ExitCode::Refused, u"the group %1 does not exist here"_s.arg(quoted(name))};
        }
    }
    return std::nullopt;
}

Core::Result<UniqueFd> Engine::Private::openProgram(const CheckedRequest &plan, bool forCapabilities) const
{
    return openPlanProgram(fs(), plan, forCapabilities);
}

Core::Result<UniqueFd> openPlanProgram(const RootFs &fs, const CheckedRequest &plan, bool forCapabilities)
{
    auto dir = fs.openDirectory(directoryOf(plan.programPath), DirectoryRule::ProgramParent);
    if (!dir) {
        return dir.error();
    }
    const QString shown = quoted(plan.programPath);
    const QByteArray name = QFile::encodeName(nameOf(plan.programPath));
    UniqueFd fd(::openat(dir->get(), name.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (!fd.valid()) {
        const int error = errno;
        if (error == ELOOP) {
            return Error{ExitCode::Refused, u"the program %1 is a symlink"_s.arg(shown)};
        }
        if (error == ENOENT) {
            return Error{ExitCode::Refused, u"the program %1 does not exist"_s.arg(shown)};
        }
        return Error{ExitCode::Failure, u"the program %1 cannot be opened: %2"_s.arg(shown, errnoText(error))};
    }
    struct stat st{};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
        return Error{ExitCode::Refused, u"the program %1 is not a regular file"_s.arg(shown)};
    }
    if (st.st_uid != 0) {
        return Error{ExitCode::Refused, u"the program %1 is owned by uid %2, not root"_s.arg(shown).arg(st.st_uid)};
    }
    if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        return Error{ExitCode::Refused, u"the program %1 is writable by its group or others (mode %2)"_s.arg(
                                            shown, QString::number(st.st_mode & 07777, 8))};
    }
    if (forCapabilities && st.st_nlink != 1) {
        return Error{ExitCode::Refused, u"the program %1 has %2 hard links: capabilities belong to the file, "
                                        u"and every other name would carry them"_s.arg(shown)
                                            .arg(st.st_nlink)};
    }
    if (st.st_size > kMaxProgramBytes) {
        return Error{ExitCode::Refused, u"the program %1 is larger than 1 GiB"_s.arg(shown)};
    }
    Core::Sha256 hash;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return Error{ExitCode::Failure, u"the program %1 cannot be read: %2"_s.arg(shown, errnoText(errno))};
        }
        if (n == 0) {
            break;
        }
        hash.addData(QByteArrayView(buffer, n));
    }
    if (QString::fromLatin1(hash.result().toHex()) != plan.programSha256) {
        return Error{ExitCode::Refused, u"the program %1 is not the file that was reviewed: its SHA-256 differs "
                                        u"from the plan's"_s.arg(shown)};
    }
    return fd;
}

Core::Result<FileState> Engine::Private::checkDestination(const PlanStep &step) const
{
    const bool mayCreate = step.kind == PlanStep::Kind::WriteSysusers || step.artifact == u"dropin";
    auto dir = fs().openDirectory(directoryOf(step.target), DirectoryRule::Destination);
    if (!dir) {
        if (mayCreate && dir.error().code == ExitCode::NotFound) {
            return FileState{};
        }
        return dir.error();
    }
    return RootFs::readState(dir->get(), nameOf(step.target), quoted(step.target), Core::kMaxFileBytes);
}

std::optional<Error> Engine::Private::copySudoersDirectory(int live, int staging, const QString &skip) const
{
    DIR *stream = ::fdopendir(::fcntl(live, F_DUPFD_CLOEXEC, 0));
    if (!stream) {
        return Error{ExitCode::Failure, u"/etc/sudoers.d cannot be listed: %1"_s.arg(errnoText(errno))};
    }
    const auto close = qScopeGuard([stream] { ::closedir(stream); });
    int copied = 0;
    while (const dirent *entry = ::readdir(stream)) {
        const QByteArray name8(entry->d_name);
        const QString name = QFile::decodeName(name8);
        if (name8.isEmpty() || name8.contains('.') || name8.endsWith('~') || name == skip) {
            continue;
        }
        const QString shown = quoted(QString(kSudoersDirectory + u'/' + name));
        if (++copied > 1000) {
            return Error{ExitCode::Refused, u"/etc/sudoers.d holds more than 1000 files"_s};
        }
        // Followed like sudo follows it; O_NONBLOCK: a FIFO there cannot stall the helper.
        UniqueFd fd(::openat(live, name8.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
        if (!fd.valid()) {
            if (errno == ENOENT || errno == ELOOP) {
                continue; // a dangling or looping symlink: sudo's stat() fails and it skips the name
            }
            return Error{ExitCode::Refused, u"%1 cannot be read (%2): visudo -c could not check what sudo "
                                            u"reads"_s.arg(shown, errnoText(errno))};
        }
        struct stat st{};
        if (::fstat(fd.get(), &st) != 0) {
            return Error{ExitCode::Failure, u"%1 cannot be examined: %2"_s.arg(shown, errnoText(errno))};
        }
        if (!S_ISREG(st.st_mode)) {
            continue;
        }
        if (st.st_size > kMaxSudoersFileBytes) {
            return Error{ExitCode::Refused, u"%1 is larger than %2 bytes: too large to check with visudo -c, and "
                                            u"sudo reads it"_s.arg(shown)
                                                .arg(kMaxSudoersFileBytes)};
        }
        const BoundedRead read = readBounded(fd.get(), kMaxSudoersFileBytes);
        if (read.error != 0) {
            return Error{ExitCode::Refused, u"%1 cannot be read (%2): visudo -c could not check what sudo "
                                            u"reads"_s.arg(shown, errnoText(read.error))};
        }
        if (read.tooLarge) {
            return Error{ExitCode::Refused,
                         u"%1 grew beyond %2 bytes while it was read"_s.arg(shown).arg(kMaxSudoersFileBytes)};
        }
        if (auto error = RootFs::writeAtomically(staging, name, read.bytes, st.st_mode & 07777, st.st_uid, st.st_gid,
                                                 quoted(name))) {
            return error;
        }
    }
    return std::nullopt;
}

std::optional<Error> Engine::Private::checkSudoers(const QString &target, const QByteArray &content,
                                                   bool mustBeRead) const
{
    auto state = stateDirectory();
    if (!state) {
        return state.error();
    }
    const QString stagingName = u"visudo-"_s + Journal::newId(system.now());
    const QByteArray staging = QFile::encodeName(stagingName);
    if (::mkdirat(state->get(), staging.constData(), 0700) != 0) {
        return Error{ExitCode::Failure, u"the sudoers staging directory cannot be made: %1"_s.arg(errnoText(errno))};
    }
    const QString stagingPath = system.stateDirectory + u'/' + stagingName;
    const auto cleanup = qScopeGuard([&] {
        auto dir = fs().openDirectory(stagingPath, DirectoryRule::Destination);
        if (dir) {
            DIR *stream = ::fdopendir(::fcntl(dir->get(), F_DUPFD_CLOEXEC, 0));
            if (stream) {
                while (const dirent *entry = ::readdir(stream)) {
                    if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0) {
                        ::unlinkat(dir->get(), entry->d_name, 0);
                    }
                }
                ::closedir(stream);
            }
        }
        ::unlinkat(state->get(), staging.constData(), AT_REMOVEDIR);
    });
    auto stagingDir = fs().openDirectory(stagingPath, DirectoryRule::Destination);
    if (!stagingDir) {
        return stagingDir.error();
    }
    auto live = fs().openDirectory(kSudoersDirectory, DirectoryRule::Destination);
    if (!live) {
        return live.error();
    }
    if (auto error = copySudoersDirectory(live->get(), stagingDir->get(), nameOf(target))) {
        return error;
    }
    if (auto error = RootFs::writeAtomically(stagingDir->get(), nameOf(target), content, 0440, 0, 0, quoted(target))) {
        return error;
    }
    const QString stagedFile = fs().hostPath(stagingPath + u'/' + nameOf(target));
    if (auto error = toolError(run(kVisudo, {u"-c"_s, u"-s"_s, u"-f"_s, stagedFile}), u"visudo -cf on the staged "
                                                                                      u"sudoers file"_s)) {
        return Error{ExitCode::Refused, error->message};
    }
    QStringList arguments{u"-c"_s};
    if (fs().root() != u"/") {
        arguments << u"-f"_s << fs().hostPath(u"/etc/sudoers"_s);
    }
    const BindMount bind{fs().hostPath(stagingPath), fs().hostPath(kSudoersDirectory)};
    const Core::ToolRun whole = run(kVisudo, arguments, {bind});
    if (auto error = toolError(whole, u"visudo -c on the whole configuration with the new file in place"_s)) {
        return Error{ExitCode::Refused, error->message};
    }
    // visudo -c names every file it parsed, one "PATH: parsed OK" line each.
    const QString expected = fs().hostPath(target) + u": parsed OK"_s;
    static const QRegularExpression kSlashes(u"/{2,}"_s);
    const QList<QByteArray> lines = whole.out.split('\n');
    const bool read = std::any_of(lines.cbegin(), lines.cend(), [&](const QByteArray &line) {
        return QString::fromUtf8(line).trimmed().replace(kSlashes, u"/"_s) == expected;
    });
    if (mustBeRead && !read) {
        return Error{ExitCode::Refused,
                     u"/etc/sudoers does not read %1 (visudo -c did not parse it): the rule would "
                     u"grant nothing; /etc/sudoers needs \"@includedir /etc/sudoers.d\""_s.arg(quoted(target))};
    }
    return std::nullopt;
}

std::optional<Error> Engine::Private::preflight(const CheckedRequest &plan) const
{
    if (plan.method != u"container") {
        if (auto error = checkAccounts(plan)) {
            return error;
        }
        const bool capabilities = std::any_of(plan.steps.begin(), plan.steps.end(), [](const PlanStep &step) {
            return step.kind == PlanStep::Kind::SetFileCaps;
        });
        auto program = openProgram(plan, capabilities);
        if (!program) {
            return program.error();
        }
    }
    if (auto error = checkSudoPrograms(fs(), plan.sudoCommands)) {
        return error;
    }
    if (auto error = checkEnvironmentFiles(fs(), plan.input.environmentFiles)) {
        return error;
    }
    if (!plan.replacesUnit.isEmpty()) {
        if (kHelperUnits.contains(plan.replacesUnit)) {
            return Error{ExitCode::Refused, u"the unit %1 that the plan replaces is the helper's own: stopping it "
                                            u"would stop the apply itself"_s.arg(quoted(plan.replacesUnit))};
        }
        // The same rule as a drop-in's unit: only the unit of the plan's own program, read from
        // what systemd says it runs (unitcheck.h), so sshd or dbus can never be stopped.
        const auto show = run(kSystemctl, {u"show"_s, u"--property=LoadState"_s, u"--property=ExecStart"_s,
                                           u"--property=TriggeredBy"_s, u"--"_s, plan.replacesUnit});
        if (const auto problem = unitTargetProblem(plan.replacesUnit, plan.programPath, show.out, UnitUse::Replace)) {
            return Error{ExitCode::Refused, *problem};
        }
        // A socket, path or timer unit would start it again at its next event, beside the new
        // unit: two copies, which the switch-over exists to prevent.
        for (const QByteArray &line : show.out.split('\n')) {
            const QString triggers = QString::fromUtf8(line.mid(12)).trimmed();
            if (line.startsWith("TriggeredBy=") && !triggers.isEmpty()) {
                return Error{ExitCode::Refused,
                             u"the unit %1 that the plan replaces is also started by %2: stop and disable that "
                             u"first, or it would start a second copy beside the plan's unit"_s.arg(
                                 quoted(plan.replacesUnit), quoted(triggers))};
            }
        }
    }
    for (const PlanStep &step : plan.steps) {
        if (step.artifact == u"dropin") {
            // The typed input names the unit; only systemd knows what it runs (unitcheck.h).
            const auto show =
                run(kSystemctl, {u"show"_s, u"--property=LoadState"_s, u"--property=ExecStart"_s, u"--"_s, plan.unit});
            if (const auto problem = dropInTargetProblem(plan.unit, plan.programPath, show.out)) {
                return Error{ExitCode::Refused, *problem};
            }
        }
    }
    for (const PlanStep &step : plan.steps) {
        switch (step.kind) {
        case PlanStep::Kind::WriteSysusers:
        case PlanStep::Kind::WriteUnit:
        case PlanStep::Kind::WriteSudoers: {
            auto state = checkDestination(step);
            if (!state) {
                return state.error();
            }
            if (step.kind == PlanStep::Kind::WriteSudoers) {
                if (auto error = checkSudoers(step.target, step.content, true)) {
                    return error;
                }
            }
            break;
        }
        default:
            break;
        }
    }
    return std::nullopt;
}

} // namespace Deroot::Helper
