// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// File operations of the engine, all on descriptors: a path is walked from the root's descriptor
// one component at a time with O_NOFOLLOW, so a symlink anywhere on it is refused rather than
// followed, and a file is checked with fstat on the descriptor that is then used.
#pragma once

#include "core/base/result.h"
#include "core/base/text.h"
#include "core/base/uniquefd.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <utility>

#include <sys/stat.h>
#include <sys/types.h>

namespace Deroot::Helper {

/// Owns one file descriptor: core's one owner, shared with the inspectors.
using UniqueFd = Core::UniqueFd;

/// How strictly the directories of a path are judged.
enum class DirectoryRule {
    /// root-owned, not writable by group or others: where the helper writes
    Destination,
    /// root-owned, not writable by others: above a program that gets capabilities (issue 6's rule)
    ProgramParent,
};

/// The state of one file the engine is about to change, as the journal records it.
struct FileState
{
    bool exists = false;
    QByteArray bytes;
    quint32 mode = 0;
    uid_t uid = 0;
    gid_t gid = 0;
};

/// Filesystem access below one root directory (the real "/" or a test's temporary root).
class RootFs final
{
public:
    /// Opens @p root; every later path is absolute and resolved below it.
    static Core::Result<RootFs> open(const QString &root);

    /// The directory @p path (absolute), every component opened with O_NOFOLLOW and judged by
    /// @p rule; a missing component is ExitCode::NotFound, anything unsafe ExitCode::Refused. With @p create, missing
    /// components are made (mode 0755, root) and reported in
    /// @p created (absolute paths, outermost first), so that an undo can remove them.
    Core::Result<UniqueFd> openDirectory(const QString &path, DirectoryRule rule, bool create = false,
                                         QStringList *created = nullptr) const;

    /// The state of @p name in @p directory: absent, or a regular file with one link whose bytes
    /// (at most @p limit) are read. A symlink, directory, device or a hard-linked file is refused.
    static Core::Result<FileState> readState(int directory, const QString &name, const QString &shown, qsizetype limit);

    /// Writes @p bytes as @p name in @p directory atomically: a new file under a name no consumer
    /// reads (".deroot-staged-*", no suffix: sudo skips names with '.', systemd and sysusers want
    /// theirs), fchown, fchmod, write, checked fsync, renameat over @p name, fsync of the directory.
    [[nodiscard]] static std::optional<Core::Error> writeAtomically(int directory, const QString &name,
                                                                    const QByteArray &bytes, quint32 mode, uid_t uid,
                                                                    gid_t gid, const QString &shown);

    /// Removes @p name from @p directory (absent is fine) and flushes the directory.
    [[nodiscard]] static std::optional<Core::Error> remove(int directory, const QString &name, const QString &shown);

    QString root() const { return m_root; }
    int rootFd() const { return m_rootFd.get(); }
    /// @p path as a host path, for messages and for programs that take paths.
    QString hostPath(const QString &path) const;

private:
    QString m_root;
    UniqueFd m_rootFd;
};

using Core::errnoText;

/// What readBounded() read: the bytes, or the errno of a failed read, or that there were more than
/// the limit (the file grew while it was read, or was larger than its size said).
struct BoundedRead
{
    QByteArray bytes;
    int error = 0;
    bool tooLarge = false;
};

/// Reads @p fd to its end, retrying on EINTR, stopping as soon as more than @p limit bytes came.
[[nodiscard]] BoundedRead readBounded(int fd, qsizetype limit);

} // namespace Deroot::Helper
