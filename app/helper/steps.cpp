// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// One step of an apply: its previous state recorded in the journal entry, then carried out;
// and the running agent verified against the plan.
#include "app/helper/engine_p.h"

#include "app/helper/accountfiles.h"
#include "app/helper/agentcheck.h"
#include "core/base/text.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QThread>

#include <algorithm>

#include <dirent.h>
#include <fcntl.h>
#include <sys/capability.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Deroot::Core::quoted;

namespace Deroot::Helper {

bool Engine::Private::groupExists(const QString &name) const
{
    const auto group = readAt(u"/etc/group"_s, kMaxAccountFileBytes);
    return group && findAccount(parseAccounts(group->bytes, false), name).has_value();
}

std::optional<Error> Engine::Private::recordBefore(const CheckedRequest &plan, const PlanStep &step,
                                                   JournalEntry &entry) const
{
    switch (step.kind) {
    case PlanStep::Kind::CreateUser: {
        const auto passwd = readAt(u"/etc/passwd"_s, kMaxAccountFileBytes);
        if (!passwd) {
            return passwd.error();
        }
        const bool exists = findAccount(parseAccounts(passwd->bytes, true), plan.serviceUser).has_value();
        entry.user = JournalUser{plan.serviceUser, plan.serviceGroup, exists, groupExists(plan.serviceGroup)};
        QMap<QString, AccountStamp> accounts;
        for (const QString &path : kAccountFiles + kAccountBackups) {
            const auto state = readAt(path, kMaxAccountFileBytes);
            if (!state) {
                return state.error();
            }
            accounts.insert(path, AccountStamp::of(*state));
        }
        entry.accounts = accounts;
        return std::nullopt;
    }
    case PlanStep::Kind::WriteSysusers:
    case PlanStep::Kind::WriteUnit:
    case PlanStep::Kind::WriteSudoers: {
        const auto state = checkDestination(step);
        if (!state) {
            return state.error();
        }
        entry.files = QMap<QString, FileState>{{step.target, *state}};
        // The directories the step will make, journalled before it makes them: an undo removes
        // them (only if empty) even when the helper died before recording what it did.
        QStringList missing;
        const QStringList components = directoryOf(step.target).split(u'/', Qt::SkipEmptyParts);
        QString prefix;
        for (const QString &component : components) {
            prefix += u'/' + component;
            const auto dir = fs().openDirectory(prefix, DirectoryRule::Destination);
            if (!dir && dir.error().code == ExitCode::NotFound) {
                missing << prefix;
            }
        }
        entry.dirsCreated = missing;
        return std::nullopt;
    }
    case PlanStep::Kind::SetFileCaps: {
        auto fd = openProgram(plan, true);
        if (!fd) {
            return fd.error();
        }
        entry.caps = JournalCaps{plan.programPath, capabilityXattr(fd->get()), std::nullopt};
        return std::nullopt;
    }
    case PlanStep::Kind::StopUnit: {
        // What the undo needs to bring it back as it was: whether it ran, and every symlink
        // that enables it (or names it by an alias), exactly as they are.
        auto links = enablementLinks(step.target);
        if (!links) {
            return links.error();
        }
        JournalUnit unit;
        unit.name = step.target;
        unit.wasActive = isActive(step.target);
        unit.links = *links;
        entry.unit = unit;
        return std::nullopt;
    }
    case PlanStep::Kind::StartUnit:
    case PlanStep::Kind::StartTimer: {
        JournalUnit unit;
        unit.name = step.target;
        unit.wasActive = isActive(step.target);
        if (step.kind == PlanStep::Kind::StartTimer) {
            // The service the timer starts is new as well: stopped with the timer by an undo.
            unit.alsoStop = plan.unit;
        }
        const QString link = wantsLink(plan, step);
        if (!link.isEmpty()) {
            auto dir = fs().openDirectory(directoryOf(link), DirectoryRule::Destination);
            struct stat st{};
            const bool exists = dir && ::fstatat(dir->get(), QFile::encodeName(nameOf(link)).constData(), &st,
                                                 AT_SYMLINK_NOFOLLOW) == 0;
            if (!dir && dir.error().code != ExitCode::NotFound) {
                return dir.error();
            }
            if (exists && !S_ISLNK(st.st_mode)) {
                return Error{ExitCode::Refused, u"%1 exists and is not a symlink"_s.arg(quoted(link))};
            }
            unit.wantsLink = link;
            unit.wasEnabled = exists;
            unit.wantsDirCreated = !dir;
        }
        entry.unit = unit;
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

QString Engine::Private::wantsLink(const CheckedRequest &plan, const PlanStep &start)
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

bool Engine::Private::isActive(const QString &unit) const
{
    // "activating" and "reloading" run too: an undo starts such a unit again.
    static const QStringList kRunning{u"active"_s, u"activating"_s, u"reloading"_s, u"refreshing"_s};
    return kRunning.contains(QString::fromUtf8(run(kSystemctl, {u"is-active"_s, u"--"_s, unit}).out).trimmed());
}

Core::Result<QList<UnitLink>> Engine::Private::enablementLinks(const QString &unit) const
{
    auto top = fs().openDirectory(kUnitDirectory, DirectoryRule::Destination);
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
        auto dir = fs().openDirectory(path, DirectoryRule::Destination);
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
    QList<UnitLink> result;
    for (const auto &[path, target] : std::as_const(found)) {
        result.append(UnitLink{path, target});
    }
    return result;
}

QJsonValue Engine::Private::capabilityXattr(int fd)
{
    char buffer[256];
    const ssize_t n = ::fgetxattr(fd, kCapabilityXattr, buffer, sizeof buffer);
    if (n < 0) {
        return QJsonValue::Null;
    }
    return QString::fromLatin1(QByteArray(buffer, n).toBase64());
}

Engine::Private::StepResult Engine::Private::carryOut(const CheckedRequest &plan, const PlanStep &step,
                                                      JournalEntry &entry, AgentCheck &check)
{
    switch (step.kind) {
    case PlanStep::Kind::CreateUser: {
        if (entry.user && entry.user->existed) {
            return {std::nullopt, u"the system user %1 exists already: kept as it is"_s.arg(plan.serviceUser)};
        }
        QStringList prefix;
        if (fs().root() != u"/") {
            prefix << u"--prefix"_s << fs().root();
        }
        // Whether the group is there now, not only before the apply: a reconcile that creates a
        // deleted user again finds the group userdel left (USERGROUPS_ENAB no) and joins it.
        const bool ownGroup = plan.serviceGroup == plan.serviceUser;
        const bool haveGroup = groupExists(plan.serviceGroup);
        if (!ownGroup && !haveGroup) {
            if (auto error = toolError(run(kGroupadd, prefix + QStringList{u"--system"_s, u"--"_s, plan.serviceGroup}),
                                       u"groupadd"_s)) {
                return {error, {}};
            }
        }
        QStringList arguments = prefix;
        arguments << u"--system"_s << u"--no-create-home"_s << u"--home-dir"_s << u"/nonexistent"_s << u"--shell"_s
                  << u"/usr/sbin/nologin"_s;
        if (ownGroup && !haveGroup) {
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
        QMap<QString, QString> after;
        for (const QString &path : kAccountFiles + kAccountBackups) {
            const auto state = readAt(path, kMaxAccountFileBytes);
            after.insert(path, state && state->exists ? sha256Hex(state->bytes) : QString());
        }
        entry.after = after;
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
        auto dir = fs().openDirectory(directoryOf(step.target), DirectoryRule::Destination, mayCreate, &created);
        if (!dir) {
            return {dir.error(), {}};
        }
        if (auto error = RootFs::writeAtomically(dir->get(), nameOf(step.target), step.content, step.mode, 0, 0,
                                                 quoted(step.target))) {
            return {error, {}};
        }
        entry.afterSha256 = sha256Hex(step.content);
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
            return {Error{ExitCode::Failure, u"the capabilities cannot be set on %1: %2"_s.arg(quoted(plan.programPath),
                                                                                               errnoText(error))},
                    {}};
        }
        if (entry.caps) { // recorded by recordBefore, which always runs first
            entry.caps->after = capabilityXattr(fd->get());
        }
        return {std::nullopt, u"set %1 on %2"_s.arg(QString::fromLatin1(text), plan.programPath)};
    }
    case PlanStep::Kind::DaemonReload:
        if (auto error = toolError(run(kSystemctl, {u"daemon-reload"_s}), u"systemctl daemon-reload"_s)) {
            return {error, {}};
        }
        return {std::nullopt, u"reloaded systemd's units"_s};
    case PlanStep::Kind::StopUnit: {
        const JournalUnit unit = entry.unit.value_or(JournalUnit{});
        if (auto error = toolError(run(kSystemctl, {u"stop"_s, u"--"_s, step.target}, {}, 90000),
                                   u"systemctl stop %1"_s.arg(step.target))) {
            return {error, {}};
        }
        // Disabled as `systemctl disable` would, by removing exactly the links the journal
        // holds: the undo puts the same ones back, byte for byte. The reload that follows makes
        // systemd forget them.
        const QList<UnitLink> links = unit.links.value_or(QList<UnitLink>{});
        for (const UnitLink &link : links) {
            if (auto error = removeLink(link.path, link.target)) {
                return {error, {}};
            }
        }
        return {std::nullopt,
                u"stopped %1 (it was %2) and disabled it (%3 removed): %4 takes over"_s.arg(
                    step.target, unit.wasActive ? u"running"_s : u"not running"_s,
                    links.isEmpty() ? u"no link to it was"_s : u"%1 link(s)"_s.arg(links.size()), plan.unit)};
    }
    case PlanStep::Kind::StartTimer:
    case PlanStep::Kind::StartUnit: {
        // A scheduled plan starts its timer, never the oneshot service: it runs when its
        // schedule says, and what is checked is systemd's view of the timer.
        const bool timer = step.kind == PlanStep::Kind::StartTimer;
        const JournalUnit unit = entry.unit.value_or(JournalUnit{});
        if (unit.wantsLink && !unit.wasEnabled) {
            if (auto error = enable(*unit.wantsLink)) {
                return {error, {}};
            }
        }
        if (auto error = restart(step.target)) {
            return {error, {}};
        }
        check = timer ? verifyTimer(plan) : verifyAgent(plan);
        entry.agentCheck = check.toJson();
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

std::optional<Error> Engine::Private::removeLink(const QString &path, const QString &target) const
{
    auto dir = fs().openDirectory(directoryOf(path), DirectoryRule::Destination);
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

std::optional<Error> Engine::Private::restoreLink(const QString &path, const QString &target, QStringList &notes) const
{
    auto dir = fs().openDirectory(directoryOf(path), DirectoryRule::Destination, true);
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

std::optional<Error> Engine::Private::makeLink(int directory, const QString &path, const QString &target)
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

std::optional<Error> Engine::Private::enable(const QString &link) const
{
    auto dir = fs().openDirectory(directoryOf(link), DirectoryRule::Destination, true);
    if (!dir) {
        return dir.error();
    }
    return makeLink(dir->get(), link, kUnitDirectory + u'/' + nameOf(link));
}

AgentCheck Engine::Private::verifyAgent(const CheckedRequest &plan) const
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

AgentCheck Engine::Private::verifyTimer(const CheckedRequest &plan) const
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

} // namespace Deroot::Helper
