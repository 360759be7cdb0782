// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/model/addressfamilies.h"

using namespace Qt::StringLiterals;

namespace Deroot::Core {

const QSet<QString> &knownAddressFamilies()
{
    static const QSet<QString> families{
        u"AF_UNIX"_s, u"AF_INET"_s,  u"AF_INET6"_s, u"AF_NETLINK"_s, u"AF_PACKET"_s, u"AF_BLUETOOTH"_s,
        u"AF_CAN"_s,  u"AF_VSOCK"_s, u"AF_XDP"_s,   u"AF_KEY"_s,     u"AF_ALG"_s,    u"AF_TIPC"_s,
        u"AF_RDS"_s,  u"AF_SMC"_s,   u"AF_MCTP"_s,  u"AF_QIPCRTR"_s,
    };
    return families;
}

} // namespace Deroot::Core
