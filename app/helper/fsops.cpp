// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/fsops.h"

#include "core/base/text.h"

#include <QFile>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Deroot::Core::Error;
using Deroot::Core::ExitCode;
using Deroot::Core::quoted;

namespace Deroot::Helper {

namespace {

Error failure(const QString &message)
{
    return Error{ExitCode::Failure, message};
}

Error refused(const QString &message)
{
    return Error{ExitCode::Refused, message};
}

} // namespace

Core::Result<RootFs> RootFs::open(const QString &root)
{
    RootFs fs;
    fs.m_root = root;
    fs.m_rootFd = UniqueFd(::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fs.m_rootFd.valid()) {
        return failure(u"the root %1 cannot be opened: %2"_s.arg(quoted(root), errnoText(errno)));
    }
    return fs;
}

QString RootFs::hostPath(const QString &path) const
{
    if (m_root == u"/") {
        return path;
    }
    return m_root + path;
}

Core::Result<UniqueFd> RootFs::openDirectory(const QString &path, DirectoryRule rule, bool create,
                                             QStringList *created) const
{
    UniqueFd current(::fcntl(m_rootFd.get(), F_DUPFD_CLOEXEC, 0));
    QString walked;
    const QStringList components = path.split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = -1; i < components.size(); ++i) {
        if (i >= 0) {
            const QString &component = components.at(i);
            walked += u'/' + component;
            const QByteArray name = QFile::encodeName(component);
            int fd = ::openat(current.get(), name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            bool made = false;
            if (fd < 0 && errno == ENOENT && create) {
                made = ::mkdirat(current.get(), name.constData(), 0755) == 0;
                if (!made && errno != EEXIST) {
                    return failure(u"%1 cannot be made: %2"_s.arg(quoted(walked), errnoText(errno)));
                }
                if (created) {
                    created->append(walked);
                }
                ::fsync(current.get());
                fd = ::openat(current.get(), name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            }
            // mkdirat's mode passes through the umask, and the helper's is 077 (main.cpp and the
            // unit's UMask=): without this, /etc/sysusers.d or a drop-in's directory would be
            // 0700, unreadable to systemctl cat, systemd-analyze and configuration management.
            if (made && fd >= 0 && ::fchmod(fd, 0755) != 0) {
                const int error = errno;
                ::close(fd);
                return failure(u"%1 cannot be made 0755: %2"_s.arg(quoted(walked), errnoText(error)));
            }
            if (fd < 0) {
                const int error = errno;
                if (error == ELOOP || error == ENOTDIR) {
                    struct stat st{};
                    if (::fstatat(current.get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                        S_ISLNK(st.st_mode)) {
                        return refused(u"%1 is a symlink: the helper follows none on the way to what it changes"_s.arg(
                            quoted(walked)));
                    }
                    return refused(u"%1 is not a directory"_s.arg(quoted(walked)));
                }
                if (error == ENOENT) {
                    return Error{ExitCode::NotFound, u"%1 does not exist"_s.arg(quoted(walked))};
                }
                return failure(u"%1 cannot be opened: %2"_s.arg(quoted(walked), errnoText(error)));
            }
            current = UniqueFd(fd);
        }
        struct stat st{};
        if (::fstat(current.get(), &st) != 0) {
            return failure(
                u"%1 cannot be examined: %2"_s.arg(quoted(walked.isEmpty() ? u"/"_s : walked), errnoText(errno)));
        }
        // The test root itself belongs to whoever made it; its contents are judged like "/"'s.
        if (i < 0) {
            continue;
        }
        if (st.st_uid != 0) {
            return refused(
                u"%1 is owned by uid %2, not root: its owner could swap what the helper writes"_s.arg(quoted(walked))
                    .arg(st.st_uid));
        }
        const mode_t unsafe = rule == DirectoryRule::Destination ? (S_IWGRP | S_IWOTH) : S_IWOTH;
        if ((st.st_mode & unsafe) != 0) {
            return refused(u"%1 is writable by %2 (mode %3)"_s.arg(
                quoted(walked), (st.st_mode & S_IWOTH) ? u"others"_s : u"its group"_s,
                QString::number(st.st_mode & 07777, 8)));
        }
    }
    return current;
}

Core::Result<FileState> RootFs::readState(int directory, const QString &name, const QString &shown, qsizetype limit)
{
    FileState state;
    const QByteArray encoded = QFile::encodeName(name);
    struct stat st{};
    if (::fstatat(directory, encoded.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT) {
            return state;
        }
        return failure(u"%1 cannot be examined: %2"_s.arg(shown, errnoText(errno)));
    }
    if (!S_ISREG(st.st_mode)) {
        return refused(u"%1 exists and is not a regular file (%2): the helper replaces only regular files"_s.arg(
            shown, S_ISLNK(st.st_mode) ? u"a symlink"_s : (S_ISDIR(st.st_mode) ? u"a directory"_s : u"special"_s)));
    }
    UniqueFd fd(::openat(directory, encoded.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (!fd.valid() || ::fstat(fd.get(), &st) != 0) {
        return failure(u"%1 cannot be read: %2"_s.arg(shown, errnoText(errno)));
    }
    if (!S_ISREG(st.st_mode)) {
        return refused(u"%1 changed into something else while it was read"_s.arg(shown));
    }
    if (st.st_nlink != 1) {
        return refused(
            u"%1 has %2 hard links: replacing or restoring it would leave the others behind"_s.arg(shown).arg(
                st.st_nlink));
    }
    if (st.st_size > limit) {
        return refused(u"%1 is larger than the %2 bytes the journal keeps of a file"_s.arg(shown).arg(limit));
    }
    state.exists = true;
    state.mode = st.st_mode & 07777;
    state.uid = st.st_uid;
    state.gid = st.st_gid;
    BoundedRead read = readBounded(fd.get(), limit);
    if (read.error != 0) {
        return failure(u"%1 cannot be read: %2"_s.arg(shown, errnoText(read.error)));
    }
    if (read.tooLarge) {
        return refused(u"%1 grew beyond %2 bytes while it was read"_s.arg(shown).arg(limit));
    }
    state.bytes = std::move(read.bytes);
    return state;
}

BoundedRead readBounded(int fd, qsizetype limit)
{
    BoundedRead read;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            read.error = errno;
            return read;
        }
        if (n == 0) {
            return read;
        }
        read.bytes.append(buffer, n);
        if (read.bytes.size() > limit) {
            read.tooLarge = true;
            return read;
        }
    }
}

std::optional<Error> RootFs::writeAtomically(int directory, const QString &name, const QByteArray &bytes, quint32 mode,
                                             uid_t uid, gid_t gid, const QString &shown)
{
    const QByteArray staged = ".deroot-staged-" + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    UniqueFd fd(::openat(directory, staged.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd.valid()) {
        return failure(u"%1 cannot be staged: %2"_s.arg(shown, errnoText(errno)));
    }
    const auto fail = [&](const QString &what) {
        const int error = errno;
        ::unlinkat(directory, staged.constData(), 0);
        return failure(u"%1 cannot be written (%2): %3"_s.arg(shown, what, errnoText(error)));
    };
    if (::fchown(fd.get(), uid, gid) != 0) {
        return fail(u"fchown"_s);
    }
    if (::fchmod(fd.get(), mode) != 0) {
        return fail(u"fchmod"_s);
    }
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd.get(), bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return fail(u"write"_s);
        }
        written += n;
    }
    // fsync's error is the only report of a failed write-back: unchecked, a full disk would leave
    // an empty sudoers or unit file live after the rename.
    if (::fsync(fd.get()) != 0) {
        return fail(u"fsync"_s);
    }
    if (::close(fd.release()) != 0) {
        return fail(u"close"_s);
    }
    if (::renameat(directory, staged.constData(), directory, QFile::encodeName(name).constData()) != 0) {
        return fail(u"rename"_s);
    }
    if (::fsync(directory) != 0) {
        return failure(u"the directory of %1 cannot be flushed: %2"_s.arg(shown, errnoText(errno)));
    }
    return std::nullopt;
}

std::optional<Error> RootFs::remove(int directory, const QString &name, const QString &shown)
{
    if (::unlinkat(directory, QFile::encodeName(name).constData(), 0) != 0 && errno != ENOENT) {
        return failure(u"%1 cannot be removed: %2"_s.arg(shown, errnoText(errno)));
    }
    if (::fsync(directory) != 0) {
        return failure(u"the directory of %1 cannot be flushed: %2"_s.arg(shown, errnoText(errno)));
    }
    return std::nullopt;
}

} // namespace Deroot::Helper
