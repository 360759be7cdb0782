// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/accounts.h"

#include <QList>

#include <grp.h>
#include <pwd.h>

#include <cerrno>
#include <vector>

namespace Deroot::Core {

namespace {

// getpwuid_r and getgrgid_r want a caller-sized buffer and say ERANGE when it is too small (a
// group with many members); grow it a few times rather than trust sysconf's hint.
template <typename Entry, typename Lookup> QString lookUp(Lookup lookup, char *Entry::*nameField)
{
    std::vector<char> buffer(4096);
    for (int attempt = 0; attempt < 6; ++attempt) {
        Entry entry{};
        Entry *found = nullptr;
        const int error = lookup(&entry, buffer.data(), buffer.size(), &found);
        if (error == ERANGE) {
            buffer.resize(buffer.size() * 4);
            continue;
        }
        return error == 0 && found != nullptr ? QString::fromUtf8(found->*nameField) : QString();
    }
    return {};
}

} // namespace

QString userName(std::uint32_t uid)
{
    return lookUp<passwd>([uid](passwd *entry, char *buffer, size_t size,
                                passwd **found) { return getpwuid_r(uid, entry, buffer, size, found); },
                          &passwd::pw_name);
}

QString groupName(std::uint32_t gid)
{
    return lookUp<group>([gid](group *entry, char *buffer, size_t size,
                               group **found) { return getgrgid_r(gid, entry, buffer, size, found); },
                         &group::gr_name);
}

} // namespace Deroot::Core
