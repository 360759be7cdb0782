// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/procdir.h"

#include "core/base/text.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Core::Proc {

namespace {

// /proc/PID/net tables of a busy server hold a line per socket; 64 MiB is several hundred
// thousand sockets and still bounds what a hostile fixture can make us read.
constexpr qsizetype kMaxProcFile = qsizetype(64) << 20;

} // namespace

FileRead readAt(int dirFd, const char *name)
{
    UniqueFd fd(::openat(dirFd, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
    if (fd.get() < 0) {
        return {{}, errno};
    }
    FileRead result;
    char buffer[16384];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return {{}, errno};
        }
        if (n == 0) {
            return result;
        }
        if (result.data.size() + n > kMaxProcFile) {
            return {{}, EFBIG};
        }
        result.data.append(buffer, n);
    }
}

FileRead readLinkAt(int dirFd, const char *name)
{
    QByteArray buffer(PATH_MAX + 1, Qt::Uninitialized);
    const ssize_t n = ::readlinkat(dirFd, name, buffer.data(), size_t(buffer.size()));
    if (n < 0) {
        return {{}, errno};
    }
    buffer.truncate(n);
    return {buffer, 0};
}

PidDir::PidDir(int pid, const InspectEnvironment &environment)
    : m_pid(pid)
    , m_path(environment.procRoot + '/' + QByteArray::number(pid))
    , m_fd(::open(m_path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC))
    , m_openError(m_fd.get() < 0 ? errno : 0)
{}

QString PidDir::path(const char *name) const
{
    return QString::fromLocal8Bit(m_path + '/' + name);
}

Error PidDir::gone() const
{
    return {ExitCode::Changed, u"PID %1 exited while it was being inspected"_s.arg(m_pid)};
}

Error PidDir::denied(const char *what) const
{
    return {ExitCode::Permission, u"PID %1 cannot be inspected: reading its %2 was refused (permission denied); "
                                  u"run as root or as the process's user"_s.arg(m_pid)
                                      .arg(QLatin1StringView(what))};
}

Error PidDir::malformed(const char *name, const QString &what) const
{
    return {ExitCode::BadTarget,
            u"PID %1 cannot be inspected: %2 is malformed (%3)"_s.arg(m_pid).arg(path(name), what)};
}

Error PidDir::readError(const char *name, int error) const
{
    if (error == ENOENT || error == ESRCH) {
        return gone();
    }
    if (error == EACCES || error == EPERM) {
        return denied(name);
    }
    return {ExitCode::Failure,
            u"PID %1 cannot be inspected: reading %2 failed: %3"_s.arg(m_pid).arg(path(name), errnoText(error))};
}

Result<Stat> PidDir::stat() const
{
    const FileRead read = readAt(fd(), "stat");
    if (read.error != 0) {
        return readError("stat", read.error);
    }
    auto parsed = parseStat(read.data);
    if (!parsed.value) {
        return malformed("stat", parsed.error.what);
    }
    return *parsed.value;
}

Error openError(const PidDir &dir)
{
    const int error = dir.openError();
    if (error == ENOENT || error == ESRCH || error == ENOTDIR) {
        return {ExitCode::NotFound, u"no process has PID %1"_s.arg(dir.pid())};
    }
    if (error == EACCES || error == EPERM) {
        return dir.denied("directory in /proc");
    }
    return {ExitCode::Failure,
            u"PID %1 cannot be inspected: opening %2 failed: %3"_s.arg(dir.pid()).arg(dir.path(""), errnoText(error))};
}

} // namespace Deroot::Core::Proc
