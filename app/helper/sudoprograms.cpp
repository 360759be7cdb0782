// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/sudoprograms.h"

#include "core/rules/rules.h"
#include "core/text.h"

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

namespace {

// Each component opened from its parent's descriptor with O_PATH | O_NOFOLLOW and judged on fstat
// of that descriptor by the rule checkInputOnSystem() uses (Core::sudoPathProblem), outermost
// first: a symlink is opened as itself, never followed, and no component can be swapped between its
// judgement and the opening of the next. O_PATH opens nothing for reading, so a FIFO or a device
// on the way cannot stall the helper or act on being opened.
std::optional<Error> checkProgram(const RootFs &fs, const QString &program)
{
    const QStringList components = program.split(u'/', Qt::SkipEmptyParts);
    if (!program.startsWith(u'/') || program.endsWith(u'/') || components.isEmpty()) {
        return Error{ExitCode::Refused,
                     u"the sudo command %1 is not an absolute path to a file"_s.arg(quoted(program))};
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
            if (error == ENOENT) {
                const QString missing = walked == program ? QString() : u" (%1 is missing)"_s.arg(quoted(walked));
                return Error{ExitCode::Refused,
                             u"the sudo command %1 does not exist%2"_s.arg(quoted(program), missing)};
            }
            return Error{ExitCode::Failure, u"the sudo command %1 cannot be opened: %2: %3"_s.arg(
                                                quoted(program), quoted(walked), errnoText(error))};
        }
        struct stat st{};
        if (::fstat(next.get(), &st) != 0) {
            return Error{ExitCode::Failure, u"the sudo command %1 cannot be examined: %2: %3"_s.arg(
                                                quoted(program), quoted(walked), errnoText(errno))};
        }
        Core::PathComponentStat component{st.st_mode, st.st_uid, {}};
        if (S_ISLNK(st.st_mode)) {
            char target[4096];
            const ssize_t n = ::readlinkat(current.get(), name.constData(), target, sizeof target - 1);
            component.linkTarget = n > 0 ? QFile::decodeName(QByteArray(target, n)) : QString();
        }
        if (const auto problem = Core::sudoPathProblem(component, i == components.size() - 1)) {
            return Error{ExitCode::Refused,
                         u"the sudo command %1 is refused: %2 %3"_s.arg(quoted(program), quoted(walked), *problem)};
        }
        current = std::move(next);
    }
    return std::nullopt;
}

} // namespace

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
        if (auto error = checkProgram(fs, command.path)) {
            return error;
        }
    }
    return std::nullopt;
}

} // namespace Deroot::Helper
