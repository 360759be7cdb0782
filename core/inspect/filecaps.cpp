// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/filecaps.h"

#include <sys/capability.h>

#include <cerrno>

namespace Deroot::Core {

namespace {

FileCapabilitiesRead convert(cap_t caps)
{
    if (caps == nullptr) {
        // ENODATA: no capabilities; ENOTSUP/EOPNOTSUPP: the file system keeps no extended attributes.
        if (errno == ENODATA || errno == ENOTSUP || errno == EOPNOTSUPP) {
            return {};
        }
        return {std::nullopt, errno};
    }
    FileCapabilities result;
    for (int cap = 0; cap < 64; ++cap) {
        cap_flag_value_t value = CAP_CLEAR;
        if (cap_get_flag(caps, cap_value_t(cap), CAP_PERMITTED, &value) == 0 && value == CAP_SET) {
            result.permitted |= std::uint64_t(1) << cap;
        }
        if (cap_get_flag(caps, cap_value_t(cap), CAP_INHERITABLE, &value) == 0 && value == CAP_SET) {
            result.inheritable |= std::uint64_t(1) << cap;
        }
        if (cap_get_flag(caps, cap_value_t(cap), CAP_EFFECTIVE, &value) == 0 && value == CAP_SET) {
            result.effective = true;
        }
    }
    if (char *text = cap_to_text(caps, nullptr)) {
        result.text = QString::fromLatin1(text);
        cap_free(text);
    }
    // libcap reports 0 for v2 capabilities and for v3 ones whose root is the host's root: both
    // apply everywhere, so only a non-zero owner is worth naming.
    const uid_t owner = cap_get_nsowner(caps);
    if (owner != 0 && owner != uid_t(-1)) {
        result.rootId = std::uint32_t(owner);
    }
    cap_free(caps);
    return {result, 0};
}

} // namespace

FileCapabilitiesRead readFileCapabilities(int fd)
{
    return convert(cap_get_fd(fd));
}

FileCapabilitiesRead readFileCapabilities(const QByteArray &path)
{
    return convert(cap_get_file(path.constData()));
}

} // namespace Deroot::Core
