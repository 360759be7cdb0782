// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/pathsecurity.h"

#include "core/inspect/accounts.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

QString describeUser(unsigned uid)
{
    const QString name = userName(uid);
    return name.isEmpty() ? u"uid %1"_s.arg(uid) : u"uid %1 (%2)"_s.arg(uid).arg(name);
}

QString describeGroup(unsigned gid)
{
    const QString name = groupName(gid);
    return name.isEmpty() ? u"gid %1"_s.arg(gid) : u"gid %1 (%2)"_s.arg(gid).arg(name);
}

namespace {

void check(const QByteArray &path, const struct stat &st, bool isDirectory, QList<PathWeakness> &weaknesses)
{
    if (st.st_uid != 0) {
        weaknesses.append({path, u"owned by "_s + describeUser(st.st_uid), false});
    }
    if ((st.st_mode & S_IWGRP) != 0 && st.st_gid != 0) {
        weaknesses.append({path, u"writable by group "_s + describeGroup(st.st_gid), false});
    }
    if ((st.st_mode & S_IWOTH) != 0) {
        const bool sticky = isDirectory && (st.st_mode & S_ISVTX) != 0;
        weaknesses.append({path, sticky ? u"writable by everyone (sticky)"_s : u"writable by everyone"_s, sticky});
    }
}

} // namespace

QList<PathWeakness> pathWeaknesses(const QByteArray &absolutePath, bool includeSelf)
{
    QList<PathWeakness> weaknesses;
    if (!absolutePath.startsWith('/')) {
        return weaknesses;
    }
    QByteArray current = absolutePath;
    while (current.size() > 1 && current.endsWith('/')) {
        current.chop(1);
    }
    bool self = true;
    while (true) {
        struct stat st{};
        if (lstat(current.constData(), &st) == 0) {
            if (!self || includeSelf) {
                check(current, st, S_ISDIR(st.st_mode), weaknesses);
            }
        }
        // A missing component is judged by the nearest existing directory above it.
        if (current == "/") {
            break;
        }
        const qsizetype slash = current.lastIndexOf('/');
        current = slash <= 0 ? QByteArray("/") : current.first(slash);
        self = false;
    }
    return weaknesses;
}

} // namespace Deroot::Core
