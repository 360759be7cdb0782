// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Reads of /proc pinned to descriptors: a PID's directory is opened once and every later read goes
// through it, so a PID reused mid-way makes the reads fail instead of describing the newcomer.
#pragma once

#include "core/base/result.h"
#include "core/base/uniquefd.h"
#include "core/inspect/inspect.h"
#include "core/inspect/procfs.h"

#include <QByteArray>
#include <QString>

namespace Deroot::Core::Proc {

/// What one read of a /proc file or link gave.
struct FileRead
{
    QByteArray data;
    int error = 0; ///< errno, 0 on success
};

/// The whole of file @p name below the directory @p dirFd, at most 64 MiB (EFBIG beyond).
FileRead readAt(int dirFd, const char *name);

/// The target of the symbolic link @p name below the directory @p dirFd.
FileRead readLinkAt(int dirFd, const char *name);

/// A PID's /proc directory, opened once: every later read goes through this descriptor, so if the
/// PID is reused by a new process mid-way the reads fail (ESRCH/ENOENT) instead of silently
/// describing the newcomer.
class PidDir final
{
public:
    PidDir(int pid, const InspectEnvironment &environment);

    [[nodiscard]] int fd() const { return m_fd.get(); }
    [[nodiscard]] int openError() const { return m_openError; }
    [[nodiscard]] int pid() const { return m_pid; }
    [[nodiscard]] QString path(const char *name) const;

    /// The process exited while it was being read.
    [[nodiscard]] Error gone() const;
    /// Reading @p what was refused.
    [[nodiscard]] Error denied(const char *what) const;
    /// File @p name does not read as the kernel writes it.
    [[nodiscard]] Error malformed(const char *name, const QString &what) const;
    /// The error for a failed read of a file every live process has.
    [[nodiscard]] Error readError(const char *name, int error) const;
    /// /proc/PID/stat, parsed.
    [[nodiscard]] Result<Stat> stat() const;

private:
    int m_pid;
    QByteArray m_path;
    UniqueFd m_fd;
    int m_openError;
};

/// Why @p dir could not be opened, as one error: no such process, permission, or the system's reason.
Error openError(const PidDir &dir);

} // namespace Deroot::Core::Proc
