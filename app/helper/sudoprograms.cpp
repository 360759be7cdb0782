// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/sudoprograms.h"

#include "core/base/text.h"
#include "core/rules/rules.h"

#include <QFile>

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Deroot::Core::Error;
using Deroot::Core::ExitCode;
using Deroot::Core::quoted;

namespace Deroot::Helper {

// Each component opened from its parent's descriptor with O_PATH | O_NOFOLLOW and judged on fstat
// of that descriptor by the rule checkInputOnSystem() uses (Core::sudoPathProblem), outermost
// first: a symlink is opened as itself, never followed, and no component can be swapped between its
// judgement and the opening of the next. O_PATH opens nothing for reading, so a FIFO or a device
// on the way cannot stall the helper or act on being opened.
// @p what names the path in messages ("the sudo command", "the environment file"); with
// @p mayBeMissing a missing component passes, since everything above it passed: only root can
// create it there.
std::optional<Error> checkRootOnlyPath(const RootFs &fs, const QString &path, const QString &what, bool mayBeMissing,
                                       UniqueFd *file)
{
    const QStringList components = path.split(u'/', Qt::SkipEmptyParts);
    if (!path.startsWith(u'/') || path.endsWith(u'/') || components.isEmpty()) {
        return Error{ExitCode::Refused, u"%1 %2 is not an absolute path to a file"_s.arg(what, quoted(path))};
    }
    UniqueFd current(::fcntl(fs.rootFd(), F_DUPFD_CLOEXEC, 0));
    if (!current.valid()) {
        return Error{ExitCode::Failure, u"the root cannot be opened again: %1"_s.arg(errnoText(errno))};
    }
    QString walked;
    for (qsizetype i = 0; i < components.size(); ++i) {
        walked += u'/' + components.at(i);
        const QByteArray name = QFile::encodeName(components.at(i));
        UniqueFd next(::openat(current.get(), name.constData(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
        if (!next.valid()) {
            const int error = errno;
            if (error == ENOENT && mayBeMissing) {
                return std::nullopt;
            }
            if (error == ENOENT) {
                const QString missing = walked == path ? QString() : u" (%1 is missing)"_s.arg(quoted(walked));
                return Error{ExitCode::Refused, u"%1 %2 does not exist%3"_s.arg(what, quoted(path), missing)};
            }
            return Error{ExitCode::Failure,
                         u"%1 %2 cannot be opened: %3: %4"_s.arg(what, quoted(path), quoted(walked), errnoText(error))};
        }
        struct stat st{};
        if (::fstat(next.get(), &st) != 0) {
            return Error{ExitCode::Failure, u"%1 %2 cannot be examined: %3: %4"_s.arg(
                                                what, quoted(path), quoted(walked), errnoText(errno))};
        }
        Core::PathComponentStat component{st.st_mode, st.st_uid, {}};
        if (S_ISLNK(st.st_mode)) {
            char target[4096];
            const ssize_t n = ::readlinkat(current.get(), name.constData(), target, sizeof target - 1);
            component.linkTarget = n > 0 ? QFile::decodeName(QByteArray(target, n)) : QString();
        }
        if (const auto problem = Core::sudoPathProblem(component, i == components.size() - 1)) {
            return Error{ExitCode::Refused,
                         u"%1 %2 is refused: %3 %4"_s.arg(what, quoted(path), quoted(walked), *problem)};
        }
        current = std::move(next);
    }
    if (file) {
        *file = std::move(current);
    }
    return std::nullopt;
}

std::optional<Error> checkSudoPrograms(const RootFs &fs, const QList<Core::SudoCommand> &commands,
                                       const QList<Core::DangerousCommand> &dangerous)
{
    if (commands.isEmpty()) {
        return std::nullopt;
    }
    if (dangerous.isEmpty()) {
        return Error{ExitCode::Failure, u"the built-in list of programs never to allow through sudo could not be "
                                        u"read: no sudo rule is installed without it"_s};
    }
    for (const Core::SudoCommand &command : commands) {
        if (auto error = checkRootOnlyPath(fs, command.path, u"the sudo command"_s, false)) {
            return error;
        }
    }
    return std::nullopt;
}

std::optional<Error> checkEnvironmentFiles(const RootFs &fs, const QStringList &files)
{
    for (const QString &file : files) {
        const bool optional = file.startsWith(u'-');
        if (auto error = checkRootOnlyPath(fs, optional ? file.mid(1) : file, u"the environment file"_s, optional)) {
            return error;
        }
    }
    return std::nullopt;
}

} // namespace Deroot::Helper
