// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Putting back what an apply changed, newest step first, each compared with what the journal
// recorded before it is touched; and the service manager's work that follows.
#include "app/helper/engine_p.h"

#include "app/helper/accountfiles.h"
#include "core/base/text.h"

#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <syslog.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Deroot::Core::quoted;

namespace Deroot::Helper {

namespace {

bool sameState(const FileState &a, const FileState &b)
{
    if (a.exists != b.exists) {
        return false;
    }
    return !a.exists || (a.bytes == b.bytes && a.mode == b.mode && a.uid == b.uid && a.gid == b.gid);
}

} // namespace

std::optional<Error> Engine::Private::restoreFile(const QString &path, const FileState &before) const
{
    auto dir = fs().openDirectory(directoryOf(path), DirectoryRule::Destination);
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

Core::Result<UniqueFd> Engine::Private::lockAccountFiles() const
{
    auto etc = fs().openDirectory(u"/etc"_s, DirectoryRule::Destination);
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

std::optional<Error> Engine::Private::undoUser(const JournalEntry &entry, UndoContext &context) const
{
    if (!entry.user || entry.user->existed) {
        return std::nullopt;
    }
    const JournalUser &user = *entry.user;
    const QString name = user.name;
    const QString group = user.group;
    const QMap<QString, AccountStamp> before = entry.accountStamps();
    const QMap<QString, QString> after = entry.after.value_or(QMap<QString, QString>{});
    // The lines the apply added: the user's, and its group's when the apply made the group.
    QStringList lines{name};
    if (group != name && !user.groupExisted) {
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
            const AccountStamp was = before.value(path);
            const auto current = readAt(path, kMaxAccountFileBytes);
            if (!current) {
                return current.error();
            }
            const QString currentHash = current->exists ? sha256Hex(current->bytes) : QString();
            if (!was.exists) {
                // Made by the apply's useradd (nothing else would make passwd or shadow): removed
                // if it is as the apply left it.
                if (current->exists && currentHash != after.value(path)) {
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
            if (currentHash == was.sha256) {
                continue; // never changed, or already restored by an undo that died later
            }
            const QByteArray previous = withoutAccounts(current->bytes, lines, name, path);
            if (sha256Hex(previous) != was.sha256) {
                restorable = false;
                continue;
            }
            writes.append({path, FileState{true, previous, was.mode, was.uid, was.gid}});
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
                if (!before.contains(path) || before.value(path).exists) {
                    continue;
                }
                const auto current = readAt(path, kMaxAccountFileBytes);
                if (!current || !current->exists) {
                    continue;
                }
                const QString hash = sha256Hex(current->bytes);
                if (hash == before.value(kAccountFiles.at(i)).sha256 || hash == after.value(path)) {
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
    if (fs().root() != u"/") {
        prefix << u"--prefix"_s << fs().root();
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
    if (groupLeft && group != name && !user.groupExisted) {
        if (auto error = toolError(run(kGroupdel, prefix + QStringList{u"--"_s, group}), u"groupdel"_s)) {
            return error;
        }
    }
    return std::nullopt;
}

std::optional<Error> Engine::Private::undoEntry(const JournalEntry &entry, UndoContext &context) const
{
    const QString &kind = entry.kind;
    if (kind == Core::stepKindName(PlanStep::Kind::CreateUser)) {
        return undoUser(entry, context);
    }
    if (kind == Core::stepKindName(PlanStep::Kind::WriteSysusers) ||
        kind == Core::stepKindName(PlanStep::Kind::WriteUnit) ||
        kind == Core::stepKindName(PlanStep::Kind::WriteSudoers)) {
        const QMap<QString, FileState> files = entry.files.value_or(QMap<QString, FileState>{});
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            const FileState &before = it.value();
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
        const QStringList created = entry.dirsCreated.value_or(QStringList{});
        for (qsizetype i = created.size() - 1; i >= 0; --i) {
            const QString &path = created.at(i);
            auto parent = fs().openDirectory(directoryOf(path), DirectoryRule::Destination);
            if (parent) {
                ::unlinkat(parent->get(), QFile::encodeName(nameOf(path)).constData(), AT_REMOVEDIR);
                ::fsync(parent->get());
            }
        }
        return std::nullopt;
    }
    if (kind == Core::stepKindName(PlanStep::Kind::SetFileCaps)) {
        const JournalCaps caps = entry.caps.value_or(JournalCaps{});
        const QString path = caps.path;
        auto dir = fs().openDirectory(directoryOf(path), DirectoryRule::ProgramParent);
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
        const QJsonValue before = caps.before;
        if (current == before) {
            return std::nullopt;
        }
        if (caps.after && current != *caps.after) {
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
        const JournalUnit unit = entry.unit.value_or(JournalUnit{});
        for (const UnitLink &link : unit.links.value_or(QList<UnitLink>{})) {
            if (auto error = restoreLink(link.path, link.target, context.notes)) {
                return error;
            }
        }
        return std::nullopt;
    }
    if (kind == Core::stepKindName(PlanStep::Kind::StartUnit) ||
        kind == Core::stepKindName(PlanStep::Kind::StartTimer)) {
        const JournalUnit unit = entry.unit.value_or(JournalUnit{});
        const QString name = unit.name;
        const QString link = unit.wantsLink.value_or(QString());
        if (!link.isEmpty() && !unit.wasEnabled) {
            // Only the symlink it made, and its directory if it made that and it is empty.
            auto dir = fs().openDirectory(directoryOf(link), DirectoryRule::Destination);
            struct stat st{};
            const QByteArray name8 = QFile::encodeName(nameOf(link));
            if (dir && ::fstatat(dir->get(), name8.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
                ::unlinkat(dir->get(), name8.constData(), 0);
                ::fsync(dir->get());
            }
            if (dir && unit.wantsDirCreated) {
                auto parent = fs().openDirectory(directoryOf(directoryOf(link)), DirectoryRule::Destination);
                if (parent) {
                    ::unlinkat(parent->get(), QFile::encodeName(nameOf(directoryOf(link))).constData(), AT_REMOVEDIR);
                    ::fsync(parent->get());
                }
            }
        }
        if (unit.wasActive) {
            return std::nullopt; // restarted with the old files once they are all back
        }
        // A timer's service too: one its schedule started may still run.
        QStringList names{name};
        if (const QString also = unit.alsoStop.value_or(QString()); !also.isEmpty()) {
            names << also;
        }
        return toolError(run(kSystemctl, QStringList{u"stop"_s, u"--"_s} + names, {}, 90000),
                         u"systemctl stop %1"_s.arg(names.join(u' ')));
    }
    return std::nullopt;
}

void Engine::Private::serviceManagerWork(const JournalEntry &entry, UndoContext &context)
{
    const QString &kind = entry.kind;
    if (kind == Core::stepKindName(PlanStep::Kind::WriteUnit) ||
        kind == Core::stepKindName(PlanStep::Kind::DaemonReload)) {
        context.reload = true;
    }
    if (kind == Core::stepKindName(PlanStep::Kind::StopUnit)) {
        // A unit the switch-over stopped is started again (after the reload that brings its
        // links back, and after the new unit was stopped by its own step's undo); `start` and
        // not `restart`, so that one an interrupted apply never stopped keeps running untouched.
        const JournalUnit unit = entry.unit.value_or(JournalUnit{});
        if (!unit.links.value_or(QList<UnitLink>{}).isEmpty()) {
            context.reload = true;
        }
        const QString name = unit.name;
        if (unit.wasActive && !context.start.contains(name)) {
            context.start << name;
        }
    }
    if (kind == Core::stepKindName(PlanStep::Kind::StartUnit) ||
        kind == Core::stepKindName(PlanStep::Kind::StartTimer)) {
        const JournalUnit unit = entry.unit.value_or(JournalUnit{});
        if (!unit.wantsLink.value_or(QString()).isEmpty() && !unit.wasEnabled) {
            context.reload = true;
        }
        const QString name = unit.name;
        if (unit.wasActive && !context.restart.contains(name)) {
            context.restart << name;
        }
    }
}

std::optional<Error> Engine::Private::undo(JournalRecord &record, const QString &finalState, const QString &message,
                                           int callerUid, const StepCallback &progress,
                                           std::optional<Error> *journalError)
{
    // Written ahead like the apply's steps, but an undo goes on without it: it only ever
    // brings back what was there.
    if (auto error = armBootRecovery()) {
        log(LOG_WARNING, callerUid, u"the boot-time recovery cannot be armed: %1"_s.arg(error->message));
    }
    record.state = u"rolling-back"_s;
    // What the record becomes once undone, for a recovery that finishes this undo: a rollback
    // or an expired confirmation still ends rolled back, a failed apply's undo failed.
    record.rollingBackTo = finalState;
    std::optional<Error> saveError = save(record);
    QList<JournalEntry> &entries = record.entries;
    UndoContext context;
    std::optional<Error> firstError;
    int undone = 0;
    for (qsizetype i = entries.size() - 1; i >= 0; --i) {
        JournalEntry &entry = entries[i];
        const QString status = entry.status;
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
        entry.status = error ? u"undo-failed"_s : u"undone"_s;
        if (error) {
            entry.undoError = error->message;
            if (!firstError) {
                firstError = error;
            }
        }
        if (auto failed = save(record)) {
            saveError = saveError ? saveError : failed;
        }
        if (progress) {
            progress(StepEvent{record.id, int(i), int(entries.size()), u"rollback"_s, entry.target, !error,
                               error ? error->message : u"undone: %1"_s.arg(entry.kind)});
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
        if (auto error =
                toolError(run(kSystemctl, {u"start"_s, u"--"_s, unit}, {}, 90000), u"systemctl start %1"_s.arg(unit))) {
            firstError = firstError ? firstError : error;
        }
    }
    undoBoundary(undone, true);
    record.rollingBackTo.reset();
    record.state = firstError ? u"rollback-failed"_s : finalState;
    record.message = firstError ? firstError->message : message;
    if (!context.notes.isEmpty()) {
        record.notes = context.notes;
    }
    record.finished = system.now().toString(Qt::ISODate);
    if (auto failed = save(record)) {
        saveError = saveError ? saveError : failed;
    }
    log(firstError ? LOG_ERR : LOG_NOTICE, callerUid,
        u"apply %1 of %2: %3"_s.arg(record.id, record.agent, record.message.value_or(QString())));
    if (firstError) {
        return firstError;
    }
    if (saveError) {
        log(LOG_ERR, callerUid,
            u"apply %1: undone, but the journal could not record it: %2"_s.arg(record.id, saveError->message));
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

} // namespace Deroot::Helper
