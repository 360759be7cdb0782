// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/sudoprograms.h"

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

Error refused(const QString &program, const QString &why)
{
    return Error{ExitCode::Refused, u"the sudo command %1 is refused: %2, so someone other than root could change "
                                    u"what it runs as root"_s.arg(quoted(program), why)};
}

std::optional<Error> checkProgram(const RootFs &fs, const QString &program)
{
    const qsizetype slash = program.lastIndexOf(u'/');
    if (!program.startsWith(u'/') || slash == program.size() - 1) {
        return Error{ExitCode::Refused,
                     u"the sudo command %1 is not an absolute path to a file"_s.arg(quoted(program))};
    }
    const QString directory = slash == 0 ? u"/"_s : program.left(slash);
    auto dir = fs.openDirectory(directory, DirectoryRule::Destination);
    if (!dir) {
        if (dir.error().code == ExitCode::NotFound) {
            return Error{ExitCode::Refused,
                         u"the sudo command %1 does not exist (%2)"_s.arg(quoted(program), dir.error().message)};
        }
        if (dir.error().code != ExitCode::Refused) {
            return dir.error();
        }
        // openDirectory's sentence names the component: "/usr/local is owned by uid 1000, not root: ...".
        return Error{ExitCode::Refused,
                     u"the sudo command %1 is refused: %2"_s.arg(quoted(program), dir.error().message)};
    }
    const QByteArray name = QFile::encodeName(program.mid(slash + 1));
    // O_NOFOLLOW: a symlink (/usr/bin/editor to vim, /etc/alternatives/pager to less) is judged as
    // what it is, not as what it points to today; O_NONBLOCK: a FIFO there cannot stall the helper.
    UniqueFd fd(::openat(dir->get(), name.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (!fd.valid()) {
        const int error = errno;
        if (error == ENOENT) {
            return Error{ExitCode::Refused, u"the sudo command %1 does not exist"_s.arg(quoted(program))};
        }
        if (error == ELOOP) {
            char target[4096];
            const ssize_t n = ::readlinkat(dir->get(), name.constData(), target, sizeof target - 1);
            const QString to = n > 0 ? u" (to %1)"_s.arg(quoted(QFile::decodeName(QByteArray(target, n)))) : QString();
            return Error{ExitCode::Refused,
                         u"the sudo command %1 is a symlink%2: sudo would run whatever it points to, "
                         u"which the plan's checks never saw"_s.arg(quoted(program), to)};
        }
        return Error{ExitCode::Failure,
                     u"the sudo command %1 cannot be opened: %2"_s.arg(quoted(program), errnoText(error))};
    }
    struct stat st{};
    if (::fstat(fd.get(), &st) != 0) {
        return Error{ExitCode::Failure,
                     u"the sudo command %1 cannot be examined: %2"_s.arg(quoted(program), errnoText(errno))};
    }
    if (!S_ISREG(st.st_mode)) {
        return Error{ExitCode::Refused, u"the sudo command %1 is not a regular file"_s.arg(quoted(program))};
    }
    if (st.st_uid != 0) {
        return refused(program, u"it is owned by uid %1, not root"_s.arg(st.st_uid));
    }
    if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        return refused(program,
                       u"it is writable by %1 (mode %2)"_s.arg((st.st_mode & S_IWOTH) ? u"others"_s : u"its group"_s,
                                                               QString::number(st.st_mode & 07777, 8)));
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
