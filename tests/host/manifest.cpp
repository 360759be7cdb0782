// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "manifest.h"

#include <QCryptographicHash>
#include <QFile>

#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::TestSupport {

namespace {

// nftw() takes a plain function: the manifest being built and what to record go through these.
Manifest *g_manifest = nullptr;
enum class Detail { Full, Metadata, CapabilitiesOnly };
Detail g_detail = Detail::Full;
dev_t g_rootDevice = 0;

QString capabilityOf(const char *path)
{
    char buffer[256];
    const ssize_t n = ::lgetxattr(path, "security.capability", buffer, sizeof buffer);
    return n < 0 ? QString() : QString::fromLatin1(QByteArray(buffer, n).toHex());
}

QString contentHash(const char *path, const struct stat &st)
{
    if (S_ISLNK(st.st_mode)) {
        char target[4096];
        const ssize_t n = ::readlink(path, target, sizeof target);
        return n < 0 ? u"?"_s : u"-> "_s + QString::fromUtf8(target, n);
    }
    if (!S_ISREG(st.st_mode)) {
        return {};
    }
    // O_NOFOLLOW and O_NONBLOCK: lstat judged the entry a regular file; never follow or block on
    // anything swapped in since.
    const int fd = ::open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        return u"unreadable"_s;
    }
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return u"unreadable"_s;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

QChar typeOf(mode_t mode)
{
    if (S_ISREG(mode)) {
        return u'f';
    }
    if (S_ISDIR(mode)) {
        return u'd';
    }
    if (S_ISLNK(mode)) {
        return u'l';
    }
    return u'o';
}

int visit(const char *path, const struct stat *st, int flag, FTW *)
{
    const QString name = QString::fromUtf8(path);
    // Another file system mounted below the root is left out, as FTW_MOUNT would. Not FTW_MOUNT
    // itself: on the test host's overlay every file that is not a directory reports another
    // st_dev than the directories (overlayfs with layers on different file systems), so FTW_MOUNT
    // skipped every file and the manifests held directories only.
    if (flag == FTW_D && st->st_dev != g_rootDevice) {
        return FTW_SKIP_SUBTREE;
    }
    if (flag == FTW_NS) {
        g_manifest->insert(name, u"cannot stat"_s);
        return FTW_CONTINUE;
    }
    const QString capability = S_ISLNK(st->st_mode) ? QString() : capabilityOf(path);
    if (g_detail == Detail::CapabilitiesOnly) {
        if (!capability.isEmpty()) {
            g_manifest->insert(name, u"cap "_s + capability);
        }
        return 0;
    }
    // Metadata: a regular file's size stands for its bytes, a symlink's target is read all the same.
    const QString content =
        g_detail == Detail::Full || !S_ISREG(st->st_mode) ? contentHash(path, *st) : u"size=%1"_s.arg(st->st_size);
    g_manifest->insert(name, u"%1 %2 %3:%4 %5 cap=%6"_s.arg(typeOf(st->st_mode))
                                 .arg(uint(st->st_mode & 07777), 4, 8, QChar(u'0'))
                                 .arg(st->st_uid)
                                 .arg(st->st_gid)
                                 .arg(content, capability));
    return 0;
}

Manifest walk(const QStringList &roots, Detail detail)
{
    Manifest manifest;
    g_manifest = &manifest;
    g_detail = detail;
    for (const QString &root : roots) {
        struct stat rootStat{};
        if (::lstat(QFile::encodeName(root).constData(), &rootStat) != 0) {
            continue;
        }
        g_rootDevice = rootStat.st_dev;
        // FTW_PHYS: symlinks are recorded, never followed; FTW_ACTIONRETVAL: visit() may skip a
        // directory that is another file system's mount point.
        ::nftw(QFile::encodeName(root).constData(), visit, 64, FTW_PHYS | FTW_ACTIONRETVAL);
    }
    g_manifest = nullptr;
    return manifest;
}

} // namespace

Manifest treeManifest(const QStringList &roots)
{
    return walk(roots, Detail::Full);
}

Manifest metadataManifest(const QStringList &roots)
{
    return walk(roots, Detail::Metadata);
}

Manifest capabilityManifest(const QStringList &roots)
{
    return walk(roots, Detail::CapabilitiesOnly);
}

Manifest systemManifest()
{
    Manifest manifest = treeManifest({u"/etc"_s});
    manifest.insert(capabilityManifest({u"/usr"_s}));
    return manifest;
}

QString manifestDiff(const Manifest &before, const Manifest &after, int limit)
{
    QStringList lines;
    auto add = [&](const QString &line) {
        if (lines.size() < limit) {
            lines << line;
        } else if (lines.size() == limit) {
            lines << u"..."_s;
        }
    };
    // The backups shadow's tools keep of the account files hold the file as it was before their
    // last change. An undo leaves a backup that existed as useradd made it (the file from before
    // the apply: nothing the apply brought, and no older copy the journal would have to keep), so
    // such a backup is unchanged when it equals either its own entry or its file's from before.
    static const QStringList kBackups{u"/etc/passwd-"_s, u"/etc/group-"_s, u"/etc/shadow-"_s, u"/etc/gshadow-"_s};
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const auto now = after.constFind(it.key());
        if (now == after.cend()) {
            add(u"- %1: %2"_s.arg(it.key(), it.value()));
        } else if (kBackups.contains(it.key()) && now.value() == before.value(it.key().chopped(1))) {
            continue;
        } else if (now.value() != it.value()) {
            add(u"- %1: %2"_s.arg(it.key(), it.value()));
            add(u"+ %1: %2"_s.arg(it.key(), now.value()));
        }
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!before.contains(it.key())) {
            add(u"+ %1: %2"_s.arg(it.key(), it.value()));
        }
    }
    return lines.join(u'\n');
}

} // namespace Deroot::TestSupport
