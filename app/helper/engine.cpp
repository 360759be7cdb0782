// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/engine.h"

#include "app/helper/accountfiles.h"
#include "app/helper/agentcheck.h"
#include "app/helper/fsops.h"
#include "app/helper/journal.h"
#include "app/helper/processrunner.h"
#include "app/helper/sudoprograms.h"
#include "app/helper/unitcheck.h"
#include "core/base/sha256.h"
#include "core/base/text.h"
#include "core/rules/rules.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QThread>

#include <csignal>
#include <cstring>
#include <iterator>

#include <dirent.h>

#include <fcntl.h>
#include <sys/capability.h>
#include <sys/file.h>
#include <sys/xattr.h>
#include <syslog.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Deroot::Core::Error;
using Deroot::Core::ExitCode;
using Deroot::Core::quoted;

namespace Deroot::Helper {

namespace {

const QString kUseradd = u"/usr/sbin/useradd"_s;
const QString kGroupadd = u"/usr/sbin/groupadd"_s;
const QString kUserdel = u"/usr/sbin/userdel"_s;
const QString kGroupdel = u"/usr/sbin/groupdel"_s;
const QString kVisudo = u"/usr/sbin/visudo"_s;
const QString kSystemctl = u"/usr/bin/systemctl"_s;
const QString kSudoersDirectory = u"/etc/sudoers.d"_s;
const QString kUnitDirectory = u"/etc/systemd/system"_s;
// The helper's own units: stopping one of them stops the apply that asked for it (the helper, or
// the recovery that must finish an apply after a reboot).
const QStringList kHelperUnits{u"deroot-helper.service"_s, u"deroot-helper-recover.service"_s};

// The largest file of /etc/sudoers.d whose copy visudo -c checks; sudo reads files of any size, so a
// larger one is refused rather than left out of the check.
constexpr qsizetype kMaxSudoersFileBytes = 8 * 1024 * 1024;
// The journal's format: 2 keeps the account files' SHA-256, mode and owner instead of their bytes
// (docs/helper-engine.md); records of format 1 are still read, and their copies dropped at start.
const QString kJournalFormat = u"deroot.journal/2"_s;
// Present in the state directory while an apply awaits its confirmation or an apply or rollback is
// unfinished: deroot-helper-recover.service starts the helper at boot only then (its
// ConditionPathExists=), so that the deadline holds across a reboot.
const QString kRecoverMarker = u"recover-at-boot"_s;
constexpr qsizetype kMaxProgramBytes = qsizetype(1) << 30;
constexpr const char *kCapabilityXattr = "security.capability";

QString sha256Hex(QByteArrayView bytes)
{
    Core::Sha256 hash;
    hash.addData(bytes);
    return QString::fromLatin1(hash.result().toHex());
}

QJsonObject stateToJson(const FileState &state)
{
    if (!state.exists) {
        return {{u"exists"_s, false}};
    }
    return {{u"exists"_s, true},
            {u"bytes"_s, QString::fromLatin1(state.bytes.toBase64())},
            {u"mode"_s, int(state.mode)},
            {u"uid"_s, int(state.uid)},
            {u"gid"_s, int(state.gid)}};
}

FileState stateFromJson(const QJsonObject &json)
{
    FileState state;
    state.exists = json.value(u"exists"_s).toBool();
    state.bytes = QByteArray::fromBase64(json.value(u"bytes"_s).toString().toLatin1());
    state.mode = quint32(json.value(u"mode"_s).toInt(0644));
    state.uid = uid_t(json.value(u"uid"_s).toInt());
    state.gid = gid_t(json.value(u"gid"_s).toInt());
    return state;
}

// What the journal keeps of an account file: never its bytes (shadow and gshadow hold password
// hashes, which must not outlive a rotation in /var/lib/deroot and its backups), only what an undo
// needs to prove that the bytes it writes back are the ones that were there.
QJsonObject accountStamp(const FileState &state)
{
    if (!state.exists) {
        return {{u"exists"_s, false}};
    }
    return {{u"exists"_s, true},
            {u"sha256"_s, sha256Hex(state.bytes)},
            {u"mode"_s, int(state.mode)},
            {u"uid"_s, int(state.uid)},
            {u"gid"_s, int(state.gid)}};
}

// The account stamps of a create-user entry. Format 1 kept the files' bytes ("files"): the same
// facts are derived from them, so an old record is undone by today's rules.
QJsonObject accountStamps(const QJsonObject &entry)
{
    if (entry.contains(u"accounts"_s)) {
        return entry.value(u"accounts"_s).toObject();
    }
    QJsonObject stamps;
    const QJsonObject files = entry.value(u"files"_s).toObject();
    for (const QString &path : kAccountFiles + kAccountBackups) {
        if (files.contains(path)) {
            stamps.insert(path, accountStamp(stateFromJson(files.value(path).toObject())));
        }
    }
    return stamps;
}

bool sameState(const FileState &a, const FileState &b)
{
    if (a.exists != b.exists) {
        return false;
    }
    return !a.exists || (a.bytes == b.bytes && a.mode == b.mode && a.uid == b.uid && a.gid == b.gid);
}

QString counted(qsizetype n, const QString &one, const QString &many)
{
    return u"%1 %2"_s.arg(n).arg(n == 1 ? one : many);
}

// The one line of an apply that ran to the end: what was done, so that no client has to count
// the steps itself to say it.
QString appliedMessage(const ApplyOutcome &outcome, const QDateTime &confirmBy)
{
    const QString exportOnly = Core::stepKindName(PlanStep::Kind::ExportOnly);
    const qsizetype exported = std::count_if(outcome.steps.cbegin(), outcome.steps.cend(),
                                             [&](const StepEvent &step) { return step.kind == exportOnly; });
    QString message = u"applied "_s + counted(outcome.steps.size() - exported, u"step"_s, u"steps"_s);
    if (exported > 0) {
        message += u", and left %1 for the admin to install by hand"_s.arg(
            counted(exported, u"exported file"_s, u"exported files"_s));
    }
    if (outcome.agent.checked && !outcome.agent.ok) {
        message += u", but the running agent does not match the plan: %1; roll it back with apply id %2"_s.arg(
            describeMismatch(outcome.agent), outcome.applyId);
    } else if (outcome.agent.checked) {
        message += outcome.agent.unit.endsWith(u".timer"_s) ? u"; the timer is as planned"_s
                                                            : u"; the running agent is as planned"_s;
    }
    if (confirmBy.isValid()) {
        message += u"; confirm it by %1 or it is rolled back"_s.arg(confirmBy.toUTC().toString(Qt::ISODate));
    }
    return message;
}

QString directoryOf(const QString &path)
{
    return path.section(u'/', 0, -2).isEmpty() ? u"/"_s : path.section(u'/', 0, -2);
}

QString nameOf(const QString &path)
{
    return path.section(u'/', -1);
}

} // namespace

class Engine::Private
{
public:
    System system;
    std::optional<RootFs> fs;
    std::optional<Journal> journal;
    Error fsError;

    void log(int priority, int uid, const QString &message) const
    {
        if (system.log) {
            system.log(priority, uid, message);
        }
    }

    // The crash test's boundaries (crashhook.h); nothing in a build without the hook.
    void stepBoundary([[maybe_unused]] int step, [[maybe_unused]] bool done) const
    {
#ifdef DEROOT_CRASH_HOOK
        system.crashHook.applyStep(step, done);
#endif
    }

    void undoBoundary([[maybe_unused]] int undone, [[maybe_unused]] bool done) const
    {
#ifdef DEROOT_CRASH_HOOK
        system.crashHook.undoStep(undone, done);
#endif
    }

    [[nodiscard]] Core::ToolRun run(const QString &program, const QStringList &arguments,
                                    const QList<BindMount> &binds = {}, int timeoutMs = 60000) const
    {
        return system.runner->run(program, arguments, binds, timeoutMs);
    }

    // A deliberate restart, never refused by the unit's start limit: apply, an immediate rollback
    // and a recovery in quick succession are 3 of the 5 starts systemd allows in 10 s, with the
    // agent's own restarts on top, and a rollback refused by the limiter would leave the change in
    // place. reset-failed clears the limiter (and a failed state); it fails only for a unit that is
    // not loaded, which the restart then reports.
    [[nodiscard]] std::optional<Error> restart(const QString &unit) const
    {
        // Its failure is the restart's to report (above), so its result is not needed.
        static_cast<void>(run(kSystemctl, {u"reset-failed"_s, u"--"_s, unit}));
        return toolError(run(kSystemctl, {u"restart"_s, u"--"_s, unit}, {}, 90000),
                         u"systemctl restart %1"_s.arg(unit));
    }

    [[nodiscard]] static std::optional<Error> toolError(const Core::ToolRun &run, const QString &what)
    {
        if (run.started && run.finished && run.exitCode == 0) {
            return std::nullopt;
        }
        const QString output = Core::oneLine(QString::fromUtf8(run.out).trimmed().left(400));
        return Error{ExitCode::Failure, u"%1 failed: %2"_s.arg(what, run.error.isEmpty() ? output : run.error)};
    }

    Core::Result<FileState> readAt(const QString &path, qsizetype limit) const
    {
        auto dir = fs->openDirectory(directoryOf(path), DirectoryRule::Destination);
        if (!dir) {
            if (dir.error().code == ExitCode::NotFound) {
                return FileState{};
            }
            return dir.error();
        }
        return RootFs::readState(dir->get(), nameOf(path), quoted(path), limit);
    }

    // The journal's directory, made root-only (0700) by whoever makes it first.
    Core::Result<UniqueFd> stateDirectory() const
    {
        QStringList created;
        auto dir = fs->openDirectory(system.stateDirectory, DirectoryRule::Destination, true, &created);
        // Refused rather than used wider: the journal keeps what the applies replaced.
        if (dir && !created.isEmpty() && ::fchmod(dir->get(), 0700) != 0) {
            return Error{ExitCode::Failure,
                         u"the journal's directory cannot be made root-only: %1"_s.arg(errnoText(errno))};
        }
        return dir;
    }

    // --- preflight: the system's side of validation, changing nothing ---

    // The existing user a called program's sudo rule is for: the plan creates no user for it, so
    // it must exist, and it must be an agent's account: never root, a person (whose password sudo
    // would no longer ask for this command) or a base system account such as www-data (whose other
    // programs would get the rule too), and never a member of a group that gives sudo or root
    // itself (a rule for an administrator grants nothing an agent should get from Deroot).
    [[nodiscard]] static std::optional<Error> checkCaller(const QString &caller, const QByteArray &passwd,
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

    [[nodiscard]] std::optional<Error> checkAccounts(const ValidatedPlan &plan) const
    {
        const auto passwd = readAt(u"/etc/passwd"_s, kMaxAccountFileBytes);
        const auto group = readAt(u"/etc/group"_s, kMaxAccountFileBytes);
        if (!passwd || !group) {
            return !passwd ? passwd.error() : group.error();
        }
        const auto loginDefs = readAt(u"/etc/login.defs"_s, 1024 * 1024);
        const auto [uidMin, sysUidMin] = uidLimits(loginDefs ? loginDefs->bytes : QByteArray());
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

    // Opens the program once with O_NOFOLLOW below directories judged on their descriptors, and
    // checks everything on that descriptor: the caller then uses the same one.
    Core::Result<UniqueFd> openProgram(const ValidatedPlan &plan, bool forCapabilities) const
    {
        auto dir = fs->openDirectory(directoryOf(plan.programPath), DirectoryRule::ProgramParent);
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

    // The destination of a write step: its directory (made if the step may make it) and its
    // present state, refusing a symlink, directory, device or hard link there.
    Core::Result<FileState> checkDestination(const PlanStep &step) const
    {
        const bool mayCreate = step.kind == PlanStep::Kind::WriteSysusers || step.artifact == u"dropin";
        auto dir = fs->openDirectory(directoryOf(step.target), DirectoryRule::Destination);
        if (!dir) {
            if (mayCreate && dir.error().code == ExitCode::NotFound) {
                return FileState{};
            }
            return dir.error();
        }
        return RootFs::readState(dir->get(), nameOf(step.target), quoted(step.target), Core::kMaxFileBytes);
    }

    // What sudo reads of /etc/sudoers.d, copied into @p staging with each file's owner and mode
    // (visudo checks them), leaving out @p skip: sudo's own rule (read_dir_files in its toke.l)
    // skips names with a '.' or ending in '~' and whatever is not a regular file once symlinks are
    // followed (a dangling one, a directory, a FIFO); everything else it reads, whatever its links
    // or size, so everything else is copied or the check is refused.
    [[nodiscard]] std::optional<Error> copySudoersDirectory(int live, int staging, const QString &skip) const
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
            if (auto error = RootFs::writeAtomically(staging, name, read.bytes, st.st_mode & 07777, st.st_uid,
                                                     st.st_gid, quoted(name))) {
                return error;
            }
        }
        return std::nullopt;
    }

    // Whether sudo's configuration would hold with @p target (a file of /etc/sudoers.d) replaced by
    // @p content: visudo -cf on the staged file, then visudo -c on the whole configuration with a
    // staged copy of /etc/sudoers.d (@p content in place) bound over the real one in the private
    // mount namespace of visudo alone, so a broken configuration is never live, not even for a
    // moment. With @p mustBeRead, that visudo run must also have parsed the new file: otherwise
    // /etc/sudoers does not include /etc/sudoers.d and the rule would grant nothing.
    [[nodiscard]] std::optional<Error> checkSudoers(const QString &target, const QByteArray &content,
                                                    bool mustBeRead) const
    {
        auto state = stateDirectory();
        if (!state) {
            return state.error();
        }
        const QString stagingName = u"visudo-"_s + Journal::newId(system.now());
        const QByteArray staging = QFile::encodeName(stagingName);
        if (::mkdirat(state->get(), staging.constData(), 0700) != 0) {
            return Error{ExitCode::Failure,
                         u"the sudoers staging directory cannot be made: %1"_s.arg(errnoText(errno))};
        }
        const QString stagingPath = system.stateDirectory + u'/' + stagingName;
        const auto cleanup = qScopeGuard([&] {
            auto dir = fs->openDirectory(stagingPath, DirectoryRule::Destination);
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
        auto stagingDir = fs->openDirectory(stagingPath, DirectoryRule::Destination);
        if (!stagingDir) {
            return stagingDir.error();
        }
        auto live = fs->openDirectory(kSudoersDirectory, DirectoryRule::Destination);
        if (!live) {
            return live.error();
        }
        if (auto error = copySudoersDirectory(live->get(), stagingDir->get(), nameOf(target))) {
            return error;
        }
        if (auto error =
                RootFs::writeAtomically(stagingDir->get(), nameOf(target), content, 0440, 0, 0, quoted(target))) {
            return error;
        }
        const QString stagedFile = fs->hostPath(stagingPath + u'/' + nameOf(target));
        if (auto error = toolError(run(kVisudo, {u"-c"_s, u"-s"_s, u"-f"_s, stagedFile}), u"visudo -cf on the staged "
                                                                                          u"sudoers file"_s)) {
            return Error{ExitCode::Refused, error->message};
        }
        QStringList arguments{u"-c"_s};
        if (fs->root() != u"/") {
            arguments << u"-f"_s << fs->hostPath(u"/etc/sudoers"_s);
        }
        const BindMount bind{fs->hostPath(stagingPath), fs->hostPath(kSudoersDirectory)};
        const Core::ToolRun whole = run(kVisudo, arguments, {bind});
        if (auto error = toolError(whole, u"visudo -c on the whole configuration with the new file in place"_s)) {
            return Error{ExitCode::Refused, error->message};
        }
        // visudo -c names every file it parsed, one "PATH: parsed OK" line each.
        const QString expected = fs->hostPath(target) + u": parsed OK"_s;
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

    [[nodiscard]] std::optional<Error> preflight(const ValidatedPlan &plan) const
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
        if (auto error = checkSudoPrograms(*fs, plan.sudoCommands)) {
            return error;
        }
        if (auto error = checkEnvironmentFiles(*fs, plan.input.environmentFiles)) {
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
            if (const auto problem =
                    unitTargetProblem(plan.replacesUnit, plan.programPath, show.out, UnitUse::Replace)) {
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
                const auto show = run(
                    kSystemctl, {u"show"_s, u"--property=LoadState"_s, u"--property=ExecStart"_s, u"--"_s, plan.unit});
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

    // --- steps ---

    struct StepResult
    {
        std::optional<Error> error;
        QString message;
    };

    // Records the previous state of what @p step changes into @p entry.
    [[nodiscard]] std::optional<Error> recordBefore(const ValidatedPlan &plan, const PlanStep &step,
                                                    QJsonObject &entry) const
    {
        switch (step.kind) {
        case PlanStep::Kind::CreateUser: {
            const auto passwd = readAt(u"/etc/passwd"_s, kMaxAccountFileBytes);
            if (!passwd) {
                return passwd.error();
            }
            const bool exists = findAccount(parseAccounts(passwd->bytes, true), plan.serviceUser).has_value();
            const auto group = readAt(u"/etc/group"_s, kMaxAccountFileBytes);
            const bool groupExists =
                group && findAccount(parseAccounts(group->bytes, false), plan.serviceGroup).has_value();
            entry.insert(u"user"_s, QJsonObject{{u"name"_s, plan.serviceUser},
                                                {u"group"_s, plan.serviceGroup},
                                                {u"existed"_s, exists},
                                                {u"group_existed"_s, groupExists}});
            QJsonObject accounts;
            for (const QString &path : kAccountFiles + kAccountBackups) {
                const auto state = readAt(path, kMaxAccountFileBytes);
                if (!state) {
                    return state.error();
                }
                accounts.insert(path, accountStamp(*state));
            }
            entry.insert(u"accounts"_s, accounts);
            return std::nullopt;
        }
        case PlanStep::Kind::WriteSysusers:
        case PlanStep::Kind::WriteUnit:
        case PlanStep::Kind::WriteSudoers: {
            const auto state = checkDestination(step);
            if (!state) {
                return state.error();
            }
            entry.insert(u"files"_s, QJsonObject{{step.target, stateToJson(*state)}});
            // The directories the step will make, journalled before it makes them: an undo removes
            // them (only if empty) even when the helper died before recording what it did.
            QJsonArray missing;
            const QStringList components = directoryOf(step.target).split(u'/', Qt::SkipEmptyParts);
            QString prefix;
            for (const QString &component : components) {
                prefix += u'/' + component;
                const auto dir = fs->openDirectory(prefix, DirectoryRule::Destination);
                if (!dir && dir.error().code == ExitCode::NotFound) {
                    missing.append(prefix);
                }
            }
            entry.insert(u"dirs_created"_s, missing);
            return std::nullopt;
        }
        case PlanStep::Kind::SetFileCaps: {
            auto fd = openProgram(plan, true);
            if (!fd) {
                return fd.error();
            }
            entry.insert(u"caps"_s,
                         QJsonObject{{u"path"_s, plan.programPath}, {u"before"_s, capabilityXattr(fd->get())}});
            return std::nullopt;
        }
        case PlanStep::Kind::StopUnit: {
            // What the undo needs to bring it back as it was: whether it ran, and every symlink
            // that enables it (or names it by an alias), exactly as they are.
            auto links = enablementLinks(step.target);
            if (!links) {
                return links.error();
            }
            entry.insert(
                u"unit"_s,
                QJsonObject{{u"name"_s, step.target}, {u"was_active"_s, isActive(step.target)}, {u"links"_s, *links}});
            return std::nullopt;
        }
        case PlanStep::Kind::StartUnit:
        case PlanStep::Kind::StartTimer: {
            QJsonObject unit{{u"name"_s, step.target}, {u"was_active"_s, isActive(step.target)}};
            if (step.kind == PlanStep::Kind::StartTimer) {
                // The service the timer starts is new as well: stopped with the timer by an undo.
                unit.insert(u"also_stop"_s, plan.unit);
            }
            const QString link = wantsLink(plan, step);
            if (!link.isEmpty()) {
                auto dir = fs->openDirectory(directoryOf(link), DirectoryRule::Destination);
                struct stat st{};
                const bool exists = dir && ::fstatat(dir->get(), QFile::encodeName(nameOf(link)).constData(), &st,
                                                     AT_SYMLINK_NOFOLLOW) == 0;
                if (!dir && dir.error().code != ExitCode::NotFound) {
                    return dir.error();
                }
                if (exists && !S_ISLNK(st.st_mode)) {
                    return Error{ExitCode::Refused, u"%1 exists and is not a symlink"_s.arg(quoted(link))};
                }
                unit.insert(u"wants_link"_s, link);
                unit.insert(u"was_enabled"_s, exists);
                unit.insert(u"wants_dir_created"_s, !dir);
            }
            entry.insert(u"unit"_s, unit);
            return std::nullopt;
        }
        default:
            return std::nullopt;
        }
    }

    // A unit the plan creates (not a drop-in) is enabled the way systemctl enable would for its
    // WantedBy= (multi-user.target for a service, timers.target for a scheduled plan's timer): a
    // symlink in TARGET.wants, made by the engine itself so that the journal knows it and its
    // directory exactly. @p start is the StartUnit or StartTimer step; its unit's file is the
    // generators', so its WantedBy= line is theirs too.
    static QString wantsLink(const ValidatedPlan &plan, const PlanStep &start)
    {
        const QString artifact = start.kind == PlanStep::Kind::StartTimer ? u"timer"_s : u"unit"_s;
        const QString target = start.kind == PlanStep::Kind::StartTimer ? u"timers.target"_s : u"multi-user.target"_s;
        for (const PlanStep &step : plan.steps) {
            if (step.kind == PlanStep::Kind::WriteUnit && step.artifact == artifact &&
                QString::fromUtf8(step.content).split(u'\n').contains(u"WantedBy="_s + target)) {
                return kUnitDirectory + u'/' + target + u".wants/"_s + start.target;
            }
        }
        return {};
    }

    bool isActive(const QString &unit) const
    {
        // "activating" and "reloading" run too: an undo starts such a unit again.
        static const QStringList kRunning{u"active"_s, u"activating"_s, u"reloading"_s, u"refreshing"_s};
        return kRunning.contains(QString::fromUtf8(run(kSystemctl, {u"is-active"_s, u"--"_s, unit}).out).trimmed());
    }

    // The symlinks in /etc/systemd/system that enable @p unit or give it another name, as
    // `systemctl disable` removes them: in TARGET.wants, .requires and .upholds, a link named after
    // the unit or pointing to it; at the top, an alias (another name that points to it). The unit
    // file itself (or a link named after it, such as a mask) is never one of them. Each as
    // {"path", "target"}, sorted, read without following any link.
    Core::Result<QJsonArray> enablementLinks(const QString &unit) const
    {
        auto top = fs->openDirectory(kUnitDirectory, DirectoryRule::Destination);
        if (!top) {
            return top.error();
        }
        QList<QPair<QString, QString>> found;
        const auto links = [&](int directory, const QString &path, bool aliasesOnly) -> std::optional<Error> {
            DIR *stream = ::fdopendir(::fcntl(directory, F_DUPFD_CLOEXEC, 0));
            if (!stream) {
                return Error{ExitCode::Failure, u"%1 cannot be listed: %2"_s.arg(quoted(path), errnoText(errno))};
            }
            const auto close = qScopeGuard([stream] { ::closedir(stream); });
            // A duplicate shares the directory's offset: from the start, whoever listed it before.
            ::rewinddir(stream);
            while (const dirent *entry = ::readdir(stream)) {
                const QString name = QFile::decodeName(entry->d_name);
                struct stat st{};
                if (::fstatat(directory, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISLNK(st.st_mode)) {
                    continue;
                }
                char buffer[4096];
                const ssize_t n = ::readlinkat(directory, entry->d_name, buffer, sizeof buffer - 1);
                if (n <= 0) {
                    continue;
                }
                const QString target = QFile::decodeName(QByteArray(buffer, n));
                const bool pointsToUnit = nameOf(target) == unit;
                if (aliasesOnly ? (pointsToUnit && name != unit) : (pointsToUnit || name == unit)) {
                    found.append({path + u'/' + name, target});
                }
            }
            return std::nullopt;
        };
        if (auto error = links(top->get(), kUnitDirectory, true)) {
            return *error;
        }
        DIR *stream = ::fdopendir(::fcntl(top->get(), F_DUPFD_CLOEXEC, 0));
        if (!stream) {
            return Error{ExitCode::Failure, u"%1 cannot be listed: %2"_s.arg(kUnitDirectory, errnoText(errno))};
        }
        ::rewinddir(stream);
        QStringList directories;
        while (const dirent *entry = ::readdir(stream)) {
            const QString name = QFile::decodeName(entry->d_name);
            if (name.endsWith(u".wants"_s) || name.endsWith(u".requires"_s) || name.endsWith(u".upholds"_s)) {
                directories << name;
            }
        }
        ::closedir(stream);
        for (const QString &name : std::as_const(directories)) {
            const QString path = kUnitDirectory + u'/' + name;
            auto dir = fs->openDirectory(path, DirectoryRule::Destination);
            if (!dir) {
                if (dir.error().code == ExitCode::NotFound) {
                    continue;
                }
                return dir.error();
            }
            if (auto error = links(dir->get(), path, false)) {
                return *error;
            }
        }
        std::sort(found.begin(), found.end());
        QJsonArray result;
        for (const auto &[path, target] : std::as_const(found)) {
            result.append(QJsonObject{{u"path"_s, path}, {u"target"_s, target}});
        }
        return result;
    }

    static QJsonValue capabilityXattr(int fd)
    {
        char buffer[256];
        const ssize_t n = ::fgetxattr(fd, kCapabilityXattr, buffer, sizeof buffer);
        if (n < 0) {
            return QJsonValue::Null;
        }
        return QString::fromLatin1(QByteArray(buffer, n).toBase64());
    }

    StepResult carryOut(const ValidatedPlan &plan, const PlanStep &step, QJsonObject &entry, AgentCheck &check)
    {
        switch (step.kind) {
        case PlanStep::Kind::CreateUser: {
            if (entry.value(u"user"_s).toObject().value(u"existed"_s).toBool()) {
                return {std::nullopt, u"the system user %1 exists already: kept as it is"_s.arg(plan.serviceUser)};
            }
            QStringList prefix;
            if (fs->root() != u"/") {
                prefix << u"--prefix"_s << fs->root();
            }
            const bool ownGroup = plan.serviceGroup == plan.serviceUser;
            if (!ownGroup && !entry.value(u"user"_s).toObject().value(u"group_existed"_s).toBool()) {
                if (auto error =
                        toolError(run(kGroupadd, prefix + QStringList{u"--system"_s, u"--"_s, plan.serviceGroup}),
                                  u"groupadd"_s)) {
                    return {error, {}};
                }
            }
            QStringList arguments = prefix;
            arguments << u"--system"_s << u"--no-create-home"_s << u"--home-dir"_s << u"/nonexistent"_s << u"--shell"_s
                      << u"/usr/sbin/nologin"_s;
            if (ownGroup) {
                arguments << u"--user-group"_s;
            } else {
                arguments << u"--gid"_s << plan.serviceGroup;
            }
            if (!plan.supplementaryGroups.isEmpty()) {
                arguments << u"--groups"_s << plan.supplementaryGroups.join(u',');
            }
            arguments << u"--"_s << plan.serviceUser;
            if (auto error = toolError(run(kUseradd, arguments), u"useradd"_s)) {
                return {error, {}};
            }
            QJsonObject after;
            for (const QString &path : kAccountFiles + kAccountBackups) {
                const auto state = readAt(path, kMaxAccountFileBytes);
                after.insert(path, state && state->exists ? sha256Hex(state->bytes) : QString());
            }
            entry.insert(u"after"_s, after);
            return {std::nullopt, u"created the system user %1"_s.arg(plan.serviceUser)};
        }
        case PlanStep::Kind::WriteSysusers:
        case PlanStep::Kind::WriteUnit:
        case PlanStep::Kind::WriteSudoers: {
            if (step.kind == PlanStep::Kind::WriteSudoers) {
                // Checked again right before it goes live: the rest of sudoers.d may have changed.
                if (auto error = checkSudoers(step.target, step.content, true)) {
                    return {error, {}};
                }
            }
            QStringList created;
            const bool mayCreate = step.kind == PlanStep::Kind::WriteSysusers || step.artifact == u"dropin";
            auto dir = fs->openDirectory(directoryOf(step.target), DirectoryRule::Destination, mayCreate, &created);
            if (!dir) {
                return {dir.error(), {}};
            }
            if (auto error = RootFs::writeAtomically(dir->get(), nameOf(step.target), step.content, step.mode, 0, 0,
                                                     quoted(step.target))) {
                return {error, {}};
            }
            entry.insert(u"after_sha256"_s, sha256Hex(step.content));
            return {std::nullopt, u"wrote %1"_s.arg(step.target)};
        }
        case PlanStep::Kind::SetFileCaps: {
            auto fd = openProgram(plan, true);
            if (!fd) {
                return {fd.error(), {}};
            }
            QStringList names;
            for (const QString &name : plan.capabilities) {
                names << name.toLower();
            }
            const QByteArray text = (names.join(u',') + u"+ep"_s).toLatin1();
            cap_t caps = ::cap_from_text(text.constData());
            if (!caps) {
                return {Error{ExitCode::Failure,
                              u"the capabilities %1 cannot be encoded"_s.arg(quoted(QString::fromLatin1(text)))},
                        {}};
            }
            // On the descriptor that was checked: a file swapped in since cannot receive them.
            const int result = ::cap_set_fd(fd->get(), caps);
            const int error = errno;
            ::cap_free(caps);
            if (result != 0) {
                return {Error{ExitCode::Failure, u"the capabilities cannot be set on %1: %2"_s.arg(
                                                     quoted(plan.programPath), errnoText(error))},
                        {}};
            }
            QJsonObject recorded = entry.value(u"caps"_s).toObject();
            recorded.insert(u"after"_s, capabilityXattr(fd->get()));
            entry.insert(u"caps"_s, recorded);
            return {std::nullopt, u"set %1 on %2"_s.arg(QString::fromLatin1(text), plan.programPath)};
        }
        case PlanStep::Kind::DaemonReload:
            if (auto error = toolError(run(kSystemctl, {u"daemon-reload"_s}), u"systemctl daemon-reload"_s)) {
                return {error, {}};
            }
            return {std::nullopt, u"reloaded systemd's units"_s};
        case PlanStep::Kind::StopUnit: {
            const QJsonObject unit = entry.value(u"unit"_s).toObject();
            if (auto error = toolError(run(kSystemctl, {u"stop"_s, u"--"_s, step.target}, {}, 90000),
                                       u"systemctl stop %1"_s.arg(step.target))) {
                return {error, {}};
            }
            // Disabled as `systemctl disable` would, by removing exactly the links the journal
            // holds: the undo puts the same ones back, byte for byte. The reload that follows makes
            // systemd forget them.
            const QJsonArray links = unit.value(u"links"_s).toArray();
            for (const QJsonValue &value : links) {
                const QJsonObject link = value.toObject();
                if (auto error = removeLink(link.value(u"path"_s).toString(), link.value(u"target"_s).toString())) {
                    return {error, {}};
                }
            }
            return {std::nullopt,
                    u"stopped %1 (it was %2) and disabled it (%3 removed): %4 takes over"_s.arg(
                        step.target, unit.value(u"was_active"_s).toBool() ? u"running"_s : u"not running"_s,
                        links.isEmpty() ? u"no link to it was"_s : u"%1 link(s)"_s.arg(links.size()), plan.unit)};
        }
        case PlanStep::Kind::StartTimer:
        case PlanStep::Kind::StartUnit: {
            // A scheduled plan starts its timer, never the oneshot service: it runs when its
            // schedule says, and what is checked is systemd's view of the timer.
            const bool timer = step.kind == PlanStep::Kind::StartTimer;
            const QJsonObject unit = entry.value(u"unit"_s).toObject();
            if (unit.contains(u"wants_link"_s) && !unit.value(u"was_enabled"_s).toBool()) {
                if (auto error = enable(unit.value(u"wants_link"_s).toString())) {
                    return {error, {}};
                }
            }
            if (auto error = restart(step.target)) {
                return {error, {}};
            }
            check = timer ? verifyTimer(plan) : verifyAgent(plan);
            entry.insert(u"agent_check"_s, agentCheckToJson(check));
            if (!check.ok) {
                return {std::nullopt, (timer ? u"started %1, but it does not match the plan: %2"_s
                                             : u"started %1, but the running agent does not match the plan: %2"_s)
                                          .arg(step.target, describeMismatch(check))};
            }
            return {std::nullopt, timer ? u"started %1; it starts %2 on the schedule %3"_s.arg(step.target, plan.unit,
                                                                                               plan.input.schedule)
                                        : u"started %1; the running agent matches the plan"_s.arg(step.target)};
        }
        case PlanStep::Kind::ExportOnly:
            return {std::nullopt, u"%1: export only, not applied by the helper"_s.arg(step.file)};
        }
        return {Error{ExitCode::Failure, u"unknown step"_s}, {}};
    }

    // Removes the symlink @p path if it still points to @p target; one that is gone already (an
    // undo that died after it, or the admin) is fine, anything else in its place stays.
    [[nodiscard]] std::optional<Error> removeLink(const QString &path, const QString &target) const
    {
        auto dir = fs->openDirectory(directoryOf(path), DirectoryRule::Destination);
        if (!dir) {
            return dir.error().code == ExitCode::NotFound ? std::nullopt : std::optional<Error>(dir.error());
        }
        const QByteArray name = QFile::encodeName(nameOf(path));
        char buffer[4096];
        const ssize_t n = ::readlinkat(dir->get(), name.constData(), buffer, sizeof buffer - 1);
        if (n < 0 && errno == ENOENT) {
            return std::nullopt;
        }
        if (n <= 0 || QFile::decodeName(QByteArray(buffer, n)) != target) {
            return Error{ExitCode::Failure,
                         u"%1 is no longer the link to %2 it was a moment ago"_s.arg(quoted(path), quoted(target))};
        }
        if (::unlinkat(dir->get(), name.constData(), 0) != 0) {
            return Error{ExitCode::Failure, u"%1 cannot be removed: %2"_s.arg(quoted(path), errnoText(errno))};
        }
        ::fsync(dir->get());
        return std::nullopt;
    }

    // Makes the symlink @p path -> @p target as it was, unless it is there already; its directory
    // is made (0755) if it went meanwhile. Something else in its place is left alone and noted.
    [[nodiscard]] std::optional<Error> restoreLink(const QString &path, const QString &target, QStringList &notes) const
    {
        auto dir = fs->openDirectory(directoryOf(path), DirectoryRule::Destination, true);
        if (!dir) {
            return dir.error();
        }
        const QByteArray name = QFile::encodeName(nameOf(path));
        struct stat st{};
        if (::fstatat(dir->get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
            char buffer[4096];
            const ssize_t n = ::readlinkat(dir->get(), name.constData(), buffer, sizeof buffer - 1);
            if (!S_ISLNK(st.st_mode) || n <= 0 || QFile::decodeName(QByteArray(buffer, n)) != target) {
                notes << u"%1 holds something else now: left as it is"_s.arg(path);
            }
            return std::nullopt;
        }
        return makeLink(dir->get(), path, target);
    }

    // The symlink @p path -> @p target in @p directory (the descriptor of its directory), staged
    // under a name systemd ignores and renamed into place.
    [[nodiscard]] static std::optional<Error> makeLink(int directory, const QString &path, const QString &target)
    {
        const QByteArray staged = ".deroot-staged-" + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
        if (::symlinkat(QFile::encodeName(target).constData(), directory, staged.constData()) != 0 ||
            ::renameat(directory, staged.constData(), directory, QFile::encodeName(nameOf(path)).constData()) != 0) {
            const int error = errno;
            ::unlinkat(directory, staged.constData(), 0);
            return Error{ExitCode::Failure, u"%1 cannot be made: %2"_s.arg(quoted(path), errnoText(error))};
        }
        ::fsync(directory);
        return std::nullopt;
    }

    [[nodiscard]] std::optional<Error> enable(const QString &link) const
    {
        auto dir = fs->openDirectory(directoryOf(link), DirectoryRule::Destination, true);
        if (!dir) {
            return dir.error();
        }
        return makeLink(dir->get(), link, kUnitDirectory + u'/' + nameOf(link));
    }

    AgentCheck verifyAgent(const ValidatedPlan &plan) const
    {
        AgentExpectation expected;
        for (const PlanStep &step : plan.steps) {
            if (step.kind == PlanStep::Kind::WriteUnit && step.artifact != u"timer") {
                expected = expectationFromUnit(QString::fromUtf8(step.content), plan.capabilities);
            }
        }
        const auto passwd = readAt(u"/etc/passwd"_s, kMaxAccountFileBytes);
        const auto user = passwd ? findAccount(parseAccounts(passwd->bytes, true), plan.serviceUser) : std::nullopt;
        expected.uid = user ? user->id : -1;
        ProgramFile program{plan.programPath, 0, 0};
        if (auto fd = openProgram(plan, false)) {
            struct stat st{};
            if (::fstat(fd->get(), &st) == 0) {
                program.device = quint64(st.st_dev);
                program.inode = quint64(st.st_ino);
            }
        }
        qint64 pid = 0;
        QElapsedTimer timer;
        timer.start();
        // The main process is systemd's child until it has executed the program: wait for that.
        for (;;) {
            const auto show = run(kSystemctl, {u"show"_s, u"--property=MainPID"_s, u"--value"_s, u"--"_s, plan.unit});
            pid = QString::fromUtf8(show.out).trimmed().toLongLong();
            if (runsProgram(system.proc, pid, program)) {
                break;
            }
            if (timer.elapsed() > system.startTimeoutMs) {
                break;
            }
            QThread::msleep(50);
        }
        AgentCheck check = checkProcess(system.proc, pid, expected, program);
        check.unit = plan.unit;
        return check;
    }

    // A scheduled plan's timer as systemd has it once started: active, starting the plan's unit,
    // which runs as the plan's user. The unit itself is not run here: it runs when the schedule
    // says, and a run now would do the agent's work (and take its time) at an hour nobody chose.
    AgentCheck verifyTimer(const ValidatedPlan &plan) const
    {
        const auto show = [this](const QString &unit, const QStringList &properties) {
            QStringList arguments{u"show"_s};
            for (const QString &property : properties) {
                arguments << u"--property="_s + property;
            }
            QHash<QString, QString> values;
            const QByteArray out = run(kSystemctl, arguments << u"--"_s << unit).out;
            for (const QByteArray &line : out.split('\n')) {
                const QString text = QString::fromUtf8(line);
                const qsizetype equals = text.indexOf(u'=');
                if (equals > 0) {
                    values.insert(text.left(equals), text.mid(equals + 1).trimmed());
                }
            }
            return values;
        };
        const auto timer = show(plan.timer, {u"ActiveState"_s, u"Unit"_s});
        const auto service = show(plan.unit, {u"User"_s});
        AgentCheck check;
        check.checked = true;
        check.unit = plan.timer;
        check.fields = {
            {u"ActiveState"_s, u"active"_s, timer.value(u"ActiveState"_s)},
            {u"Unit"_s, plan.unit, timer.value(u"Unit"_s)},
            {u"User"_s, plan.serviceUser, service.value(u"User"_s)},
        };
        check.ok = true;
        for (AgentField &field : check.fields) {
            field.ok = field.actual == field.expected;
            check.ok = check.ok && field.ok;
        }
        return check;
    }

    // --- undo ---

    struct UndoContext
    {
        bool reload = false;
        QStringList restart; ///< units that ran before: restarted with the files as they were
        QStringList start;   ///< units a switch-over stopped: started again, after the restarts
        QStringList notes;
    };

    [[nodiscard]] std::optional<Error> restoreFile(const QString &path, const FileState &before) const
    {
        auto dir = fs->openDirectory(directoryOf(path), DirectoryRule::Destination);
        if (!dir) {
            if (!before.exists && dir.error().code == ExitCode::NotFound) {
                return std::nullopt;
            }
            return dir.error();
        }
        const auto current = RootFs::readState(dir->get(), nameOf(path), quoted(path), kMaxAccountFileBytes);
        if (current && sameState(*current, before)) {
            return std::nullopt;
        }
        if (!before.exists) {
            return RootFs::remove(dir->get(), nameOf(path), quoted(path));
        }
        return RootFs::writeAtomically(dir->get(), nameOf(path), before.bytes, before.mode, before.uid, before.gid,
                                       quoted(path));
    }

    // The lock lckpwdf() takes: a write lock (fcntl) on /etc/.pwd.lock, which shadow's tools (passwd,
    // vipw, useradd, usermod) and systemd-sysusers hold while they change the account files. Taken
    // here rather than through lckpwdf(), which waits with alarm(), a process-wide signal a helper
    // with threads must not use, and which would always lock the real /etc, not a test root's.
    // Released when the descriptor is closed.
    Core::Result<UniqueFd> lockAccountFiles() const
    {
        auto etc = fs->openDirectory(u"/etc"_s, DirectoryRule::Destination);
        if (!etc) {
            return etc.error();
        }
        UniqueFd fd(::openat(etc->get(), ".pwd.lock", O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!fd.valid()) {
            return Error{ExitCode::Failure, u"/etc/.pwd.lock cannot be opened: %1"_s.arg(errnoText(errno))};
        }
        QElapsedTimer waited;
        waited.start();
        for (;;) {
            struct flock lock{};
            lock.l_type = F_WRLCK;
            lock.l_whence = SEEK_SET;
            if (::fcntl(fd.get(), F_SETLK, &lock) == 0) {
                return fd;
            }
            if (errno != EACCES && errno != EAGAIN && errno != EINTR) {
                return Error{ExitCode::Failure, u"/etc/.pwd.lock cannot be locked: %1"_s.arg(errnoText(errno))};
            }
            if (waited.elapsed() >= system.accountLockTimeoutMs) {
                return Error{ExitCode::Busy, u"the account files stayed locked by another program (passwd, vipw, "
                                             u"useradd, ...) for %1 s: nothing of them was changed"_s.arg(
                                                 system.accountLockTimeoutMs / 1000.0)};
            }
            QThread::msleep(50);
        }
    }

    // Removes the user (and the group) an apply created. Under the account files' lock: if each of
    // passwd, group, shadow and gshadow is, without this user's lines, byte for byte what it was
    // before (its SHA-256 in the journal), exactly those bytes are written back, so a change another
    // tool made since is never lost nor reverted; otherwise userdel and groupdel remove the account
    // and keep everyone else's changes.
    [[nodiscard]] std::optional<Error> undoUser(const QJsonObject &entry, UndoContext &context) const
    {
        const QJsonObject user = entry.value(u"user"_s).toObject();
        if (user.isEmpty() || user.value(u"existed"_s).toBool()) {
            return std::nullopt;
        }
        const QString name = user.value(u"name"_s).toString();
        const QString group = user.value(u"group"_s).toString();
        const QJsonObject before = accountStamps(entry);
        const QJsonObject after = entry.value(u"after"_s).toObject();
        // The lines the apply added: the user's, and its group's when the apply made the group.
        QStringList lines{name};
        if (group != name && !user.value(u"group_existed"_s).toBool()) {
            lines << group;
        }
        {
            auto lock = lockAccountFiles();
            if (!lock) {
                return lock.error();
            }
            bool restorable = true;
            QList<QPair<QString, FileState>> writes;
            for (const QString &path : kAccountFiles) {
                const QJsonObject was = before.value(path).toObject();
                const auto current = readAt(path, kMaxAccountFileBytes);
                if (!current) {
                    return current.error();
                }
                const QString currentHash = current->exists ? sha256Hex(current->bytes) : QString();
                if (!was.value(u"exists"_s).toBool()) {
                    // Made by the apply's useradd (nothing else would make passwd or shadow): removed
                    // if it is as the apply left it.
                    if (current->exists && currentHash != after.value(path).toString()) {
                        restorable = false;
                    } else if (current->exists) {
                        writes.append({path, FileState{}});
                    }
                    continue;
                }
                if (!current->exists) {
                    restorable = false;
                    continue;
                }
                if (currentHash == was.value(u"sha256"_s).toString()) {
                    continue; // never changed, or already restored by an undo that died later
                }
                const QByteArray previous = withoutAccounts(current->bytes, lines, name, path);
                if (sha256Hex(previous) != was.value(u"sha256"_s).toString()) {
                    restorable = false;
                    continue;
                }
                writes.append(
                    {path, FileState{true, previous, quint32(was.value(u"mode"_s).toInt(0644)),
                                     uid_t(was.value(u"uid"_s).toInt()), gid_t(was.value(u"gid"_s).toInt())}});
            }
            if (restorable) {
                for (const auto &[path, state] : std::as_const(writes)) {
                    if (auto error = restoreFile(path, state)) {
                        return error;
                    }
                }
                // A backup the apply created holds the file as it was before the apply (or as the
                // apply left it): it goes. Any other backup stays as the tools made it.
                for (qsizetype i = 0; i < kAccountBackups.size(); ++i) {
                    const QString &path = kAccountBackups.at(i);
                    if (!before.contains(path) || before.value(path).toObject().value(u"exists"_s).toBool()) {
                        continue;
                    }
                    const auto current = readAt(path, kMaxAccountFileBytes);
                    if (!current || !current->exists) {
                        continue;
                    }
                    const QString hash = sha256Hex(current->bytes);
                    if (hash == before.value(kAccountFiles.at(i)).toObject().value(u"sha256"_s).toString() ||
                        hash == after.value(path).toString()) {
                        if (auto error = restoreFile(path, FileState{})) {
                            return error;
                        }
                    }
                }
                return std::nullopt;
            }
        }
        // The lock is released: userdel and groupdel take it themselves.
        context.notes << u"the account files changed since the apply: %1 removed with userdel instead of restoring "
                         u"their bytes"_s.arg(name);
        QStringList prefix;
        if (fs->root() != u"/") {
            prefix << u"--prefix"_s << fs->root();
        }
        // What an undo that died after userdel already removed is not removed again (it would fail).
        const auto passwd = readAt(u"/etc/passwd"_s, kMaxAccountFileBytes);
        const auto groups = readAt(u"/etc/group"_s, kMaxAccountFileBytes);
        const bool userLeft = !passwd || findAccount(parseAccounts(passwd->bytes, true), name).has_value();
        const bool groupLeft = !groups || findAccount(parseAccounts(groups->bytes, false), group).has_value();
        if (userLeft) {
            if (auto error = toolError(run(kUserdel, prefix + QStringList{u"--"_s, name}), u"userdel"_s)) {
                return error;
            }
        }
        if (groupLeft && group != name && !user.value(u"group_existed"_s).toBool()) {
            if (auto error = toolError(run(kGroupdel, prefix + QStringList{u"--"_s, group}), u"groupdel"_s)) {
                return error;
            }
        }
        return std::nullopt;
    }

    [[nodiscard]] std::optional<Error> undoEntry(const QJsonObject &entry, UndoContext &context) const
    {
        const QString kind = entry.value(u"kind"_s).toString();
        if (kind == Core::stepKindName(PlanStep::Kind::CreateUser)) {
            return undoUser(entry, context);
        }
        if (kind == Core::stepKindName(PlanStep::Kind::WriteSysusers) ||
            kind == Core::stepKindName(PlanStep::Kind::WriteUnit) ||
            kind == Core::stepKindName(PlanStep::Kind::WriteSudoers)) {
            const QJsonObject files = entry.value(u"files"_s).toObject();
            for (auto it = files.begin(); it != files.end(); ++it) {
                const FileState before = stateFromJson(it.value().toObject());
                if (kind == Core::stepKindName(PlanStep::Kind::WriteSudoers) && before.exists) {
                    // The previous bytes were valid with sudoers.d as it was then; another file may
                    // clash with them now, and a broken configuration breaks sudo for everyone.
                    const auto current = readAt(it.key(), kMaxSudoersFileBytes);
                    if (!current || !sameState(*current, before)) {
                        if (auto error = checkSudoers(it.key(), before.bytes, false)) {
                            return Error{error->code, u"the previous %1 is not written back, the applied one stays: "
                                                      u"%2"_s.arg(quoted(it.key()), error->message)};
                        }
                    }
                }
                if (auto error = restoreFile(it.key(), before)) {
                    return error;
                }
            }
            // Directories it made, innermost first; one that holds something else now stays.
            const QJsonArray created = entry.value(u"dirs_created"_s).toArray();
            for (qsizetype i = created.size() - 1; i >= 0; --i) {
                const QString path = created.at(i).toString();
                auto parent = fs->openDirectory(directoryOf(path), DirectoryRule::Destination);
                if (parent) {
                    ::unlinkat(parent->get(), QFile::encodeName(nameOf(path)).constData(), AT_REMOVEDIR);
                    ::fsync(parent->get());
                }
            }
            return std::nullopt;
        }
        if (kind == Core::stepKindName(PlanStep::Kind::SetFileCaps)) {
            const QJsonObject caps = entry.value(u"caps"_s).toObject();
            const QString path = caps.value(u"path"_s).toString();
            auto dir = fs->openDirectory(directoryOf(path), DirectoryRule::ProgramParent);
            if (!dir) {
                return dir.error();
            }
            UniqueFd fd(::openat(dir->get(), QFile::encodeName(nameOf(path)).constData(),
                                 O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
            struct stat st{};
            if (!fd.valid() || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
                context.notes << u"%1 is gone or no longer a regular file: its capabilities went with it"_s.arg(path);
                return std::nullopt;
            }
            const QJsonValue current = capabilityXattr(fd.get());
            const QJsonValue before = caps.value(u"before"_s);
            if (current == before) {
                return std::nullopt;
            }
            if (caps.contains(u"after"_s) && current != caps.value(u"after"_s)) {
                context.notes << u"the capabilities of %1 changed since the apply: left as they are"_s.arg(path);
                return std::nullopt;
            }
            int result = 0;
            if (before.isNull()) {
                result = ::fremovexattr(fd.get(), kCapabilityXattr);
            } else {
                const QByteArray bytes = QByteArray::fromBase64(before.toString().toLatin1());
                result = ::fsetxattr(fd.get(), kCapabilityXattr, bytes.constData(), size_t(bytes.size()), 0);
            }
            if (result != 0 && errno != ENODATA) {
                return Error{ExitCode::Failure,
                             u"the capabilities of %1 cannot be restored: %2"_s.arg(quoted(path), errnoText(errno))};
            }
            ::fsync(fd.get());
            return std::nullopt;
        }
        if (kind == Core::stepKindName(PlanStep::Kind::StopUnit)) {
            // The links back as they were; starting it again waits for the reload (serviceManagerWork).
            const QJsonObject unit = entry.value(u"unit"_s).toObject();
            for (const QJsonValue &value : unit.value(u"links"_s).toArray()) {
                const QJsonObject link = value.toObject();
                if (auto error = restoreLink(link.value(u"path"_s).toString(), link.value(u"target"_s).toString(),
                                             context.notes)) {
                    return error;
                }
            }
            return std::nullopt;
        }
        if (kind == Core::stepKindName(PlanStep::Kind::StartUnit) ||
            kind == Core::stepKindName(PlanStep::Kind::StartTimer)) {
            const QJsonObject unit = entry.value(u"unit"_s).toObject();
            const QString name = unit.value(u"name"_s).toString();
            const QString link = unit.value(u"wants_link"_s).toString();
            if (!link.isEmpty() && !unit.value(u"was_enabled"_s).toBool()) {
                // Only the symlink it made, and its directory if it made that and it is empty.
                auto dir = fs->openDirectory(directoryOf(link), DirectoryRule::Destination);
                struct stat st{};
                const QByteArray name8 = QFile::encodeName(nameOf(link));
                if (dir && ::fstatat(dir->get(), name8.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                    S_ISLNK(st.st_mode)) {
                    ::unlinkat(dir->get(), name8.constData(), 0);
                    ::fsync(dir->get());
                }
                if (dir && unit.value(u"wants_dir_created"_s).toBool()) {
                    auto parent = fs->openDirectory(directoryOf(directoryOf(link)), DirectoryRule::Destination);
                    if (parent) {
                        ::unlinkat(parent->get(), QFile::encodeName(nameOf(directoryOf(link))).constData(),
                                   AT_REMOVEDIR);
                        ::fsync(parent->get());
                    }
                }
            }
            if (unit.value(u"was_active"_s).toBool()) {
                return std::nullopt; // restarted with the old files once they are all back
            }
            // A timer's service too: one its schedule started may still run.
            QStringList names{name};
            if (const QString also = unit.value(u"also_stop"_s).toString(); !also.isEmpty()) {
                names << also;
            }
            return toolError(run(kSystemctl, QStringList{u"stop"_s, u"--"_s} + names, {}, 90000),
                             u"systemctl stop %1"_s.arg(names.join(u' ')));
        }
        return std::nullopt;
    }

    // What the service manager must do once a step's files are back: a reload after a unit, a
    // drop-in or the enable symlink changed, a restart of a unit that ran before. Derived from the
    // entry alone and asked of every step undone so far, even one an earlier undo journalled as
    // undone before it died: the reload and the restarts come after the last step is journalled,
    // so a kill between the two would otherwise leave systemd running the applied configuration.
    static void serviceManagerWork(const QJsonObject &entry, UndoContext &context)
    {
        const QString kind = entry.value(u"kind"_s).toString();
        if (kind == Core::stepKindName(PlanStep::Kind::WriteUnit) ||
            kind == Core::stepKindName(PlanStep::Kind::DaemonReload)) {
            context.reload = true;
        }
        if (kind == Core::stepKindName(PlanStep::Kind::StopUnit)) {
            // A unit the switch-over stopped is started again (after the reload that brings its
            // links back, and after the new unit was stopped by its own step's undo); `start` and
            // not `restart`, so that one an interrupted apply never stopped keeps running untouched.
            const QJsonObject unit = entry.value(u"unit"_s).toObject();
            if (!unit.value(u"links"_s).toArray().isEmpty()) {
                context.reload = true;
            }
            const QString name = unit.value(u"name"_s).toString();
            if (unit.value(u"was_active"_s).toBool() && !context.start.contains(name)) {
                context.start << name;
            }
        }
        if (kind == Core::stepKindName(PlanStep::Kind::StartUnit) ||
            kind == Core::stepKindName(PlanStep::Kind::StartTimer)) {
            const QJsonObject unit = entry.value(u"unit"_s).toObject();
            if (!unit.value(u"wants_link"_s).toString().isEmpty() && !unit.value(u"was_enabled"_s).toBool()) {
                context.reload = true;
            }
            const QString name = unit.value(u"name"_s).toString();
            if (unit.value(u"was_active"_s).toBool() && !context.restart.contains(name)) {
                context.restart << name;
            }
        }
    }

    // Undoes every step of @p record that was started, newest first; the record is journalled
    // after each, so an undo that dies half way is finished by the next start. A journal write that
    // fails does not stop it: the system is put back all the same (the record on disk then stays
    // unfinished, and the next start or apply finishes it, which changes nothing more since every
    // step's undo first compares the present state with the recorded one).
    // A journal write that failed is reported in @p journalError when given, else as the result.
    [[nodiscard]] std::optional<Error> undo(QJsonObject &record, const QString &finalState, const QString &message,
                                            int callerUid, const StepCallback &progress,
                                            std::optional<Error> *journalError = nullptr)
    {
        // Written ahead like the apply's steps, but an undo goes on without it: it only ever
        // brings back what was there.
        if (auto error = armBootRecovery()) {
            log(LOG_WARNING, callerUid, u"the boot-time recovery cannot be armed: %1"_s.arg(error->message));
        }
        record.insert(u"state"_s, u"rolling-back"_s);
        // What the record becomes once undone, for a recovery that finishes this undo: a rollback
        // or an expired confirmation still ends rolled back, a failed apply's undo failed.
        record.insert(u"rolling_back_to"_s, finalState);
        std::optional<Error> saveError = save(record);
        QJsonArray entries = record.value(u"entries"_s).toArray();
        UndoContext context;
        std::optional<Error> firstError;
        int undone = 0;
        for (qsizetype i = entries.size() - 1; i >= 0; --i) {
            QJsonObject entry = entries.at(i).toObject();
            const QString status = entry.value(u"status"_s).toString();
            if (status == u"undone" || status == u"undo-failed") {
                serviceManagerWork(entry, context);
                continue;
            }
            if (status != u"intended" && status != u"done" && status != u"failed") {
                continue;
            }
            undoBoundary(undone, false);
            const auto error = undoEntry(entry, context);
            serviceManagerWork(entry, context);
            undoBoundary(undone, true);
            ++undone;
            entry.insert(u"status"_s, error ? u"undo-failed"_s : u"undone"_s);
            if (error) {
                entry.insert(u"undo_error"_s, error->message);
                if (!firstError) {
                    firstError = error;
                }
            }
            entries[i] = entry;
            record.insert(u"entries"_s, entries);
            if (auto failed = save(record)) {
                saveError = saveError ? saveError : failed;
            }
            if (progress) {
                progress(StepEvent{record.value(u"id"_s).toString(), int(i), int(entries.size()), u"rollback"_s,
                                   entry.value(u"target"_s).toString(), !error,
                                   error ? error->message : u"undone: %1"_s.arg(entry.value(u"kind"_s).toString())});
            }
        }
        undoBoundary(undone, false);
        if (context.reload) {
            if (auto error = toolError(run(kSystemctl, {u"daemon-reload"_s}), u"systemctl daemon-reload"_s)) {
                firstError = firstError ? firstError : error;
            }
        }
        for (const QString &unit : std::as_const(context.restart)) {
            if (auto error = restart(unit)) {
                firstError = firstError ? firstError : error;
            }
        }
        for (const QString &unit : std::as_const(context.start)) {
            // reset-failed: the start limit must not refuse an undo (see restart()); the start
            // reports what goes wrong.
            static_cast<void>(run(kSystemctl, {u"reset-failed"_s, u"--"_s, unit}));
            if (auto error = toolError(run(kSystemctl, {u"start"_s, u"--"_s, unit}, {}, 90000),
                                       u"systemctl start %1"_s.arg(unit))) {
                firstError = firstError ? firstError : error;
            }
        }
        undoBoundary(undone, true);
        record.remove(u"rolling_back_to"_s);
        record.insert(u"state"_s, firstError ? u"rollback-failed"_s : finalState);
        record.insert(u"message"_s, firstError ? firstError->message : message);
        if (!context.notes.isEmpty()) {
            record.insert(u"notes"_s, QJsonArray::fromStringList(context.notes));
        }
        record.insert(u"finished"_s, system.now().toString(Qt::ISODate));
        if (auto failed = save(record)) {
            saveError = saveError ? saveError : failed;
        }
        log(firstError ? LOG_ERR : LOG_NOTICE, callerUid,
            u"apply %1 of %2: %3"_s.arg(record.value(u"id"_s).toString(), record.value(u"agent"_s).toString(),
                                        record.value(u"message"_s).toString()));
        if (firstError) {
            return firstError;
        }
        if (saveError) {
            log(LOG_ERR, callerUid,
                u"apply %1: undone, but the journal could not record it: %2"_s.arg(record.value(u"id"_s).toString(),
                                                                                   saveError->message));
            if (journalError) {
                *journalError = saveError;
                return std::nullopt;
            }
            return Error{saveError->code,
                         u"everything was undone, but the journal could not record it (%1): the "
                         u"helper completes the record at its next start or apply"_s.arg(saveError->message)};
        }
        return std::nullopt;
    }

    // One engine at a time changes the system: the D-Bus name makes the helper unique, and this
    // lock keeps anything else that links the engine (the test driver) out while it works.
    Core::Result<UniqueFd> lock() const
    {
        auto dir = stateDirectory();
        if (!dir) {
            return dir.error();
        }
        UniqueFd fd(::openat(dir->get(), "lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!fd.valid()) {
            return Error{ExitCode::Failure, u"the engine's lock cannot be opened: %1"_s.arg(errnoText(errno))};
        }
        if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
            return Error{ExitCode::Busy, u"another apply, rollback or recovery is running"_s};
        }
        // Whatever another engine changed before it let go is seen now (every file's stamp).
        syncIndex(true);
        return fd;
    }

    [[nodiscard]] std::optional<Error> ready() const
    {
        if (!fs || !journal || !system.runner) {
            return fsError.message.isEmpty() ? Error{ExitCode::Failure, u"the engine has no runner"_s} : fsError;
        }
        return std::nullopt;
    }

    // --- the journal: every write, and an index of it in memory ---

    // Writes @p record and updates the index. Every journal write goes through here.
    [[nodiscard]] std::optional<Error> save(const QJsonObject &record) const
    {
        if (system.failJournalWrite && system.failJournalWrite(record)) {
            return Error{ExitCode::Failure,
                         u"the journal of %1 cannot be written: test fault"_s.arg(record.value(u"id"_s).toString())};
        }
        if (auto error = journal->save(record)) {
            return error;
        }
        // Only this engine writes while it holds the lock, so the directory's new stamp is its own.
        const QString id = record.value(u"id"_s).toString();
        index.insert(id, indexEntry(record, journal->stamp(id).value_or(JournalStamp{})));
        indexStamp = journal->directoryStamp();
        return std::nullopt;
    }

    // What Status, History, Confirm's check and the idle tick need of a record, kept in memory so
    // that none of them reads and parses the journal (up to 1000 records; a local user may call
    // them in a loop): state, order, deadline, caller, and what history shows.
    struct IndexEntry
    {
        qint64 sequence = 0;
        QString state;
        QString planSha256;
        QDateTime confirmBy;
        int callerUid = -1;
        QJsonObject summary;
        JournalStamp stamp;
    };

    static IndexEntry indexEntry(const QJsonObject &record, const JournalStamp &stamp)
    {
        return IndexEntry{record.value(u"sequence"_s).toInteger(),
                          record.value(u"state"_s).toString(),
                          record.value(u"plan_sha256"_s).toString(),
                          QDateTime::fromString(record.value(u"confirm_by"_s).toString(), Qt::ISODate),
                          record.value(u"caller_uid"_s).toInt(-1),
                          summary(record),
                          stamp};
    }

    // Brings the index up to date: at the first call everything is read; later a record is read
    // again only when its file's stamp changed (another process that links the engine, such as the
    // test driver, wrote it). With @p everyFile false (the read-only calls) even the files are
    // looked at only when the journal's directory changed, which every write and removal does.
    void syncIndex(bool everyFile) const
    {
        const auto directory = journal->directoryStamp();
        if (!everyFile && indexLoaded && directory && indexStamp && *directory == *indexStamp) {
            return;
        }
        const QMap<QString, JournalStamp> stamps = journal->stamps();
        for (auto it = index.begin(); it != index.end();) {
            it = stamps.contains(it.key()) ? std::next(it) : index.erase(it);
        }
        for (auto it = stamps.cbegin(); it != stamps.cend(); ++it) {
            const auto known = index.constFind(it.key());
            if (known != index.cend() && known->stamp == it.value()) {
                continue;
            }
            const auto record = journal->load(it.key());
            if (record) {
                index.insert(it.key(), indexEntry(*record, it.value()));
            } else {
                index.remove(it.key()); // damaged: left out, as a damaged record always was
            }
        }
        indexLoaded = true;
        indexStamp = directory;
    }

    // The ids of the index in the order the applies were made (ids made in the same second differ
    // only by random bits), optionally only those in one of @p states.
    QStringList orderedIds(const QStringList &states = {}) const
    {
        QList<QPair<qint64, QString>> ordered;
        for (auto it = index.cbegin(); it != index.cend(); ++it) {
            if (states.isEmpty() || states.contains(it->state)) {
                ordered.append({it->sequence, it.key()});
            }
        }
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        QStringList ids;
        for (const auto &[sequence, id] : std::as_const(ordered)) {
            ids << id;
        }
        return ids;
    }

    // Keeps the journal bounded (Journal::kMaxRecords): before a new record is written, the oldest
    // records that can no longer undo anything go, until there is room for it. Records that are
    // applied, pending or whose rollback failed stay, however many: their undo must stay possible.
    void prune(int callerUid) const
    {
        qsizetype excess = index.size() - std::max<qsizetype>(system.journalRecordLimit, 1) + 1;
        for (const QString &id : orderedIds({u"rolled-back"_s, u"failed"_s})) {
            if (excess <= 0) {
                break;
            }
            if (auto error = journal->remove(id)) {
                // Not fatal: the journal is only larger than it should be.
                log(LOG_WARNING, callerUid, u"cannot prune the journal of %1: %2"_s.arg(id, error->message));
                break;
            }
            index.remove(id);
            indexStamp = journal->directoryStamp();
            --excess;
        }
    }

    // Finishes what the journal shows unfinished (applying or rolling-back): the helper died, or
    // its journal could not be written, in the middle. Each undo compares the present state with
    // the recorded one first, so finishing an undo that already put everything back changes
    // nothing. Sets @p unfinished to the first record that is still unfinished after it.
    QStringList finishInterrupted(QString *unfinished = nullptr)
    {
        QStringList done;
        for (const QString &id : orderedIds({u"applying"_s, u"rolling-back"_s})) {
            auto record = journal->load(id);
            if (!record) {
                done << u"apply %1: recovery failed: %2"_s.arg(id, record.error().message);
                if (unfinished && unfinished->isEmpty()) {
                    *unfinished = id;
                }
                continue;
            }
            const QString state = record->value(u"state"_s).toString();
            const QString finalState =
                state == u"applying" ? u"failed"_s : record->value(u"rolling_back_to"_s).toString(u"failed"_s);
            const auto error =
                undo(record.value(), finalState == u"rolled-back" ? finalState : u"failed"_s,
                     u"the helper stopped during the %1; the previous state was restored at the next start"_s.arg(
                         state == u"applying" ? u"apply"_s : u"rollback"_s),
                     -1, {});
            done << (error ? u"apply %1: recovery failed: %2"_s.arg(id, error->message)
                           : u"apply %1: unfinished, rolled back"_s.arg(id));
            const QString now = index.value(id).state;
            if (unfinished && unfinished->isEmpty() && (now == u"applying" || now == u"rolling-back")) {
                *unfinished = id;
            }
        }
        return done;
    }

    // The marker deroot-helper-recover.service looks for at boot. Made before anything of an apply
    // or an undo happens (so a reboot at any point starts the helper), and removed once nothing
    // awaits the helper: no pending confirmation, nothing unfinished.
    [[nodiscard]] std::optional<Error> armBootRecovery() const
    {
        auto dir = stateDirectory();
        if (!dir) {
            return dir.error();
        }
        const QByteArray name = QFile::encodeName(kRecoverMarker);
        struct stat st{};
        if (::fstatat(dir->get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode)) {
            return std::nullopt;
        }
        if (auto error = RootFs::writeAtomically(dir->get(), kRecoverMarker, {}, 0600, 0, 0,
                                                 quoted(QString(system.stateDirectory + u'/' + kRecoverMarker)))) {
            return error;
        }
        return std::nullopt;
    }

    void settleBootRecovery() const
    {
        if (!orderedIds({u"pending"_s, u"applying"_s, u"rolling-back"_s}).isEmpty()) {
            if (auto error = armBootRecovery()) {
                log(LOG_WARNING, -1, u"the boot-time recovery cannot be armed: %1"_s.arg(error->message));
            }
            return;
        }
        auto dir = stateDirectory();
        // Not fatal: a marker left behind only starts the helper once more at boot, which then
        // finds nothing to do and removes it.
        const auto error = dir ? RootFs::remove(dir->get(), kRecoverMarker, quoted(kRecoverMarker))
                               : std::optional<Error>(dir.error());
        if (error) {
            log(LOG_WARNING, -1, u"the boot-time recovery marker cannot be removed: %1"_s.arg(error->message));
        }
    }

    // Format 1 kept whole copies of the account files in every create-user entry, shadow and
    // gshadow included, and applied records are never pruned: at start, each record of that
    // format is rewritten in today's (stamps only), so old password hashes do not outlive a
    // rotation.
    QStringList dropAccountCopies()
    {
        QStringList done;
        for (const QString &id : orderedIds()) {
            if (index.value(id).summary.value(u"format"_s).toString() == kJournalFormat) {
                continue;
            }
            auto record = journal->load(id);
            if (!record) {
                continue;
            }
            QJsonArray entries = record->value(u"entries"_s).toArray();
            for (qsizetype i = 0; i < entries.size(); ++i) {
                QJsonObject entry = entries.at(i).toObject();
                if (entry.value(u"kind"_s).toString() != Core::stepKindName(PlanStep::Kind::CreateUser) ||
                    !entry.contains(u"files"_s)) {
                    continue;
                }
                entry.insert(u"accounts"_s, accountStamps(entry));
                entry.remove(u"files"_s);
                entries[i] = entry;
            }
            // Rewritten once, in today's format, even without such an entry: not read again at the
            // next start.
            record->insert(u"format"_s, kJournalFormat);
            record->insert(u"entries"_s, entries);
            if (auto error = save(*record)) {
                done << u"apply %1: its copies of the account files cannot be dropped: %2"_s.arg(id, error->message);
            }
        }
        return done;
    }

    static QJsonObject summary(QJsonObject record);

    mutable QHash<QString, IndexEntry> index;
    mutable std::optional<JournalStamp> indexStamp;
    mutable bool indexLoaded = false;
};

static_assert(Journal::kMaxRecords == 1000, "System::journalRecordLimit's default is Journal::kMaxRecords");

System System::real()
{
    System system;
    static ProcessRunner runner;
    system.runner = &runner;
    system.log = [](int priority, int callerUid, const QString &message) {
        static const bool opened = [] {
            ::openlog("deroot-helper", LOG_PID, LOG_AUTHPRIV);
            return true;
        }();
        Q_UNUSED(opened);
        const QByteArray text = Core::oneLine(message).toUtf8();
        if (callerUid >= 0) {
            ::syslog(priority, "caller uid %d: %s", callerUid, text.constData());
        } else {
            ::syslog(priority, "%s", text.constData());
        }
    };
#ifdef DEROOT_CRASH_HOOK
    system.crashHook = CrashHook::fromEnvironment();
#endif
    return system;
}

Engine::Engine(System system)
    : d(std::make_unique<Private>())
{
    d->system = std::move(system);
    auto fs = RootFs::open(d->system.root);
    if (fs) {
        d->fs.emplace(std::move(fs).value());
        d->journal.emplace(*d->fs, d->system.stateDirectory);
    } else {
        d->fsError = fs.error();
    }
}

Engine::~Engine() = default;

Core::Result<ValidatedPlan> Engine::validate(const ApplyRequest &request)
{
    if (auto error = d->ready()) {
        return *error;
    }
    auto plan = Core::parseApplyRequest(request);
    if (!plan) {
        return plan;
    }
    if (auto error = d->preflight(*plan)) {
        return *error;
    }
    return plan;
}

Core::Result<ApplyOutcome> Engine::apply(const ValidatedPlan &plan, int callerUid, const QDateTime &confirmBy,
                                         const StepCallback &progress)
{
    if (auto error = d->ready()) {
        return *error;
    }
    const auto lock = d->lock();
    if (!lock) {
        return lock.error();
    }
    // Nothing new goes on top of a half-undone change: what a dead helper or a failed journal
    // write left unfinished is finished first, and while it cannot be, nothing is applied.
    QString unfinished;
    for (const QString &line : d->finishInterrupted(&unfinished)) {
        d->log(LOG_NOTICE, callerUid, line);
    }
    d->settleBootRecovery();
    if (!unfinished.isEmpty()) {
        return Error{ExitCode::Busy,
                     u"the apply %1 was left unfinished and cannot be undone yet (%2): nothing new is "
                     u"applied until it is"_s.arg(unfinished,
                                                  d->index.value(unfinished).summary.value(u"message"_s).toString())};
    }
    // The same plan on top of itself would record, as its previous state, the first apply's result:
    // its rollback would bring back nothing, and the first one could not be rolled back while it
    // stands. What is in place is in the journal, so the rule holds for every client, whatever it
    // remembers. Checked before the pending confirmation, which may be that same plan.
    for (const QString &id : d->orderedIds({u"applied"_s, u"pending"_s})) {
        const auto &earlier = d->index.value(id);
        if (earlier.planSha256 == plan.planSha256) {
            return Error{ExitCode::Refused,
                         u"this plan is already applied, as apply %1 (%2): roll back %1 first to apply it again; "
                         u"nothing was changed"_s.arg(id, earlier.state == u"pending" ? u"awaiting its confirmation"_s
                                                                                      : u"confirmed"_s)};
        }
    }
    if (const auto waiting = pending()) {
        return Error{ExitCode::Busy,
                     u"the apply %1 awaits its confirmation until %2: confirm or roll it back first"_s.arg(
                         waiting->applyId, waiting->deadline.toString(Qt::ISODate))};
    }
    if (auto error = d->preflight(plan)) {
        return *error;
    }
    // Counted before pruning, so that no later apply ever takes an earlier one's number.
    qint64 sequence = 1;
    for (const auto &entry : std::as_const(d->index)) {
        sequence = std::max(sequence, entry.sequence + 1);
    }
    d->prune(callerUid);
    ApplyOutcome outcome;
    outcome.applyId = Journal::newId(d->system.now());
    QJsonArray entries;
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const PlanStep &step = plan.steps.at(i);
        entries.append(QJsonObject{{u"index"_s, int(i)},
                                   {u"kind"_s, Core::stepKindName(step.kind)},
                                   {u"target"_s, step.target},
                                   {u"artifact"_s, step.artifact},
                                   {u"status"_s, u"planned"_s}});
    }
    QJsonObject record{{u"format"_s, kJournalFormat},
                       {u"id"_s, outcome.applyId},
                       {u"sequence"_s, sequence},
                       {u"created"_s, d->system.now().toString(Qt::ISODate)},
                       {u"caller_uid"_s, callerUid},
                       {u"agent"_s, plan.agent},
                       {u"method"_s, plan.method},
                       {u"plan_sha256"_s, plan.planSha256},
                       {u"service_user"_s, plan.serviceUser},
                       {u"unit"_s, plan.unit},
                       {u"timer"_s, plan.timer},
                       {u"replaces_unit"_s, plan.replacesUnit},
                       {u"state"_s, u"applying"_s},
                       {u"entries"_s, entries}};
    // Before anything changes: a reboot from here on starts the helper, which finishes or expires
    // this apply (deroot-helper-recover.service). Without the marker, a reboot could leave an
    // unconfirmed change in place: nothing is done.
    if (auto error = d->armBootRecovery()) {
        return Error{error->code, u"nothing was applied: %1"_s.arg(error->message)};
    }
    if (auto error = d->save(record)) {
        d->settleBootRecovery();
        return Error{error->code, u"nothing was applied: %1"_s.arg(error->message)};
    }
    d->log(
        LOG_NOTICE, callerUid,
        u"apply %1: %2 plan for %3 (plan SHA-256 %4)"_s.arg(outcome.applyId, plan.method, plan.agent, plan.planSha256));
    // A journal write that fails once something changed: the record on disk no longer says what
    // is in place, so everything the record in memory lists is undone now, and the next start or
    // apply completes the record on disk.
    const auto abandon = [&](const Error &saveError) -> Core::Result<ApplyOutcome> {
        d->log(LOG_ERR, callerUid, u"apply %1: %2; undoing it"_s.arg(outcome.applyId, saveError.message));
        std::optional<Error> stillUnwritten;
        const auto undoError =
            d->undo(record, u"failed"_s,
                    u"the journal could not be written (%1): everything was undone"_s.arg(saveError.message), callerUid,
                    progress, &stillUnwritten);
        d->settleBootRecovery();
        if (undoError) {
            return Error{ExitCode::Failure,
                         u"the journal could not be written (%1), and undoing what the apply did failed: %2"_s.arg(
                             saveError.message, undoError->message)};
        }
        return Error{ExitCode::Failure,
                     u"the journal could not be written (%1): everything the apply did was undone%2"_s.arg(
                         saveError.message, stillUnwritten ? u"; the helper completes its record at the next start or "
                                                             u"apply, and applies nothing new before"_s
                                                           : QString())};
    };
    const int count = int(plan.steps.size());
    for (int i = 0; i < count; ++i) {
        const PlanStep &step = plan.steps.at(i);
        QJsonObject entry = entries.at(i).toObject();
        std::optional<Error> error = d->recordBefore(plan, step, entry);
        Private::StepResult result;
        if (!error) {
            entry.insert(u"status"_s, u"intended"_s);
            entries[i] = entry;
            record.insert(u"entries"_s, entries);
            // Write-ahead: the previous state is on disk before anything of the step happens.
            if (auto saveError = d->save(record)) {
                // Nothing of this step happened: only the steps before it are undone.
                QJsonObject planned = entry;
                planned.insert(u"status"_s, u"planned"_s);
                entries[i] = planned;
                record.insert(u"entries"_s, entries);
                return abandon(*saveError);
            }
            d->stepBoundary(i, false);
            result = d->carryOut(plan, step, entry, outcome.agent);
            error = result.error;
            d->stepBoundary(i, true);
        }
        entry.insert(u"status"_s, error ? u"failed"_s : u"done"_s);
        entry.insert(u"message"_s, error ? error->message : result.message);
        entries[i] = entry;
        record.insert(u"entries"_s, entries);
        const StepEvent event{outcome.applyId,
                              i,
                              count,
                              Core::stepKindName(step.kind),
                              step.target,
                              !error,
                              entry.value(u"message"_s).toString()};
        outcome.steps.append(event);
        d->log(error ? LOG_ERR : LOG_NOTICE, callerUid,
               u"apply %1 step %2/%3: %4"_s.arg(outcome.applyId).arg(i + 1).arg(count).arg(event.message));
        if (progress) {
            progress(event);
        }
        if (error) {
            // Everything before the failed step is undone: the system is left as it was.
            const auto undoError = d->undo(record, u"failed"_s, u"step %1 failed: %2"_s.arg(i + 1).arg(error->message),
                                           callerUid, progress);
            d->settleBootRecovery();
            outcome.ok = false;
            outcome.rolledBack = !undoError;
            outcome.message = undoError ? u"step %1 failed (%2) and the undo failed too: %3"_s.arg(i + 1).arg(
                                              error->message, undoError->message)
                                        : u"step %1 failed, everything was undone: %2"_s.arg(i + 1).arg(error->message);
            return outcome;
        }
        if (auto saveError = d->save(record)) {
            return abandon(*saveError);
        }
    }
    outcome.ok = !outcome.agent.checked || outcome.agent.ok;
    outcome.message = appliedMessage(outcome, confirmBy);
    if (confirmBy.isValid()) {
        outcome.confirmBy = confirmBy.toUTC();
        record.insert(u"confirm_by"_s, outcome.confirmBy.toString(Qt::ISODate));
    }
    record.insert(u"state"_s, confirmBy.isValid() ? u"pending"_s : u"applied"_s);
    record.insert(u"message"_s, outcome.message);
    record.insert(u"finished"_s, d->system.now().toString(Qt::ISODate));
    if (auto error = d->save(record)) {
        return abandon(*error);
    }
    d->settleBootRecovery();
    return outcome;
}

std::optional<Error> Engine::confirm(const QString &applyId, int callerUid)
{
    if (auto error = d->ready()) {
        return error;
    }
    const auto lock = d->lock();
    if (!lock) {
        return lock.error();
    }
    auto record = d->journal->load(applyId);
    if (!record) {
        return record.error();
    }
    if (record->value(u"state"_s).toString() != u"pending") {
        return Error{ExitCode::Failure, u"the apply %1 awaits no confirmation (it is %2)"_s.arg(
                                            applyId, record->value(u"state"_s).toString())};
    }
    record.value().insert(u"state"_s, u"applied"_s);
    record.value().insert(u"confirmed_by_uid"_s, callerUid);
    if (auto error = d->save(record.value())) {
        return error;
    }
    d->settleBootRecovery();
    d->log(LOG_NOTICE, callerUid, u"apply %1 confirmed"_s.arg(applyId));
    return std::nullopt;
}

std::optional<Error> Engine::rollback(const QString &applyId, int callerUid, const StepCallback &progress)
{
    if (auto error = d->ready()) {
        return error;
    }
    if (!Journal::isValidId(applyId)) {
        return Error{ExitCode::Usage, u"%1 is not an apply id"_s.arg(quoted(applyId))};
    }
    const auto lock = d->lock();
    if (!lock) {
        return lock.error();
    }
    // A later apply left half undone would be undone by restoring this one's previous state.
    QString unfinished;
    for (const QString &line : d->finishInterrupted(&unfinished)) {
        d->log(LOG_NOTICE, callerUid, line);
    }
    d->settleBootRecovery();
    if (!unfinished.isEmpty() && unfinished != applyId) {
        return Error{ExitCode::Busy,
                     u"the apply %1 was left unfinished and cannot be undone yet: roll back nothing before it is"_s.arg(
                         unfinished)};
    }
    auto record = d->journal->load(applyId);
    if (!record) {
        return record.error();
    }
    const QString state = record->value(u"state"_s).toString();
    if (state != u"applied" && state != u"pending") {
        return Error{ExitCode::Failure,
                     u"the apply %1 is %2: there is nothing of it to roll back"_s.arg(applyId, state)};
    }
    // Only the newest apply still in place: an older one's previous state predates the newer
    // one's changes, and restoring it would undo them too.
    const qint64 sequence = record->value(u"sequence"_s).toInteger();
    for (const QString &later : d->orderedIds({u"applied"_s, u"pending"_s})) {
        if (d->index.value(later).sequence > sequence) {
            return Error{ExitCode::Failure,
                         u"the apply %1 came later and is still in place: roll it back first"_s.arg(later)};
        }
    }
    d->log(LOG_NOTICE, callerUid, u"apply %1: rollback requested"_s.arg(applyId));
    auto error =
        d->undo(record.value(), u"rolled-back"_s, u"rolled back by uid %1"_s.arg(callerUid), callerUid, progress);
    d->settleBootRecovery();
    return error;
}

QStringList Engine::recover()
{
    QStringList done;
    if (d->ready()) {
        return done;
    }
    {
        const auto lock = d->lock();
        if (!lock) {
            return {lock.error().message};
        }
        done << d->dropAccountCopies();
        done << d->finishInterrupted();
        d->settleBootRecovery();
    }
    done << expirePending();
    return done;
}

QStringList Engine::expirePending()
{
    QStringList done;
    if (d->ready()) {
        return done;
    }
    const auto lock = d->lock();
    if (!lock) {
        return {lock.error().message};
    }
    const QDateTime now = d->system.now();
    for (const QString &id : d->orderedIds({u"pending"_s})) {
        const QDateTime deadline = d->index.value(id).confirmBy;
        if (deadline.isValid() && deadline > now) {
            continue;
        }
        auto record = d->journal->load(id);
        if (!record) {
            done << u"apply %1: not confirmed, and its record cannot be read: %2"_s.arg(id, record.error().message);
            continue;
        }
        const auto error = d->undo(record.value(), u"rolled-back"_s,
                                   u"not confirmed by %1: rolled back"_s.arg(deadline.toString(Qt::ISODate)), -1, {});
        done << (error ? u"apply %1: not confirmed, and the rollback failed: %2"_s.arg(id, error->message)
                       : u"apply %1: not confirmed in time, rolled back"_s.arg(id));
    }
    d->settleBootRecovery();
    return done;
}

std::optional<PendingConfirmation> Engine::pending() const
{
    if (d->ready()) {
        return std::nullopt;
    }
    d->syncIndex(false);
    const QStringList ids = d->orderedIds({u"pending"_s});
    if (ids.isEmpty()) {
        return std::nullopt;
    }
    const auto entry = d->index.value(ids.constFirst());
    return PendingConfirmation{ids.constFirst(), entry.confirmBy, entry.callerUid};
}

// What history shows of a record: everything but the previous bytes and states, which are root's
// to read.
QJsonObject Engine::Private::summary(QJsonObject record)
{
    QJsonArray steps;
    for (const QJsonValue &value : record.value(u"entries"_s).toArray()) {
        QJsonObject entry = value.toObject();
        entry.remove(u"files"_s);
        entry.remove(u"accounts"_s);
        entry.remove(u"after"_s);
        entry.remove(u"caps"_s);
        steps.append(entry);
    }
    record.remove(u"entries"_s);
    record.insert(u"steps"_s, steps);
    return record;
}

QJsonArray Engine::history() const
{
    QJsonArray result;
    if (d->ready()) {
        return result;
    }
    d->syncIndex(false);
    const QStringList ids = d->orderedIds();
    for (qsizetype i = ids.size() - 1; i >= 0 && result.size() < Journal::kMaxRecords; --i) {
        result.append(d->index.value(ids.at(i)).summary);
    }
    return result;
}

QJsonObject Engine::status(const QString &applyId) const
{
    if (d->ready() || !Journal::isValidId(applyId)) {
        return {};
    }
    d->syncIndex(false);
    return d->index.value(applyId).summary;
}

QDateTime Engine::now() const
{
    return d->system.now();
}

} // namespace Deroot::Helper
