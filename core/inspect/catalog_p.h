// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What the catalog's reader, matcher and report writer share, and nothing else includes.
#pragma once

#include "core/inspect/catalog.h"

#include <QList>
#include <QString>

namespace Deroot::Core {

// The kinds of need a catalog entry lists, in file order: the one place a new kind is added
// (besides its CatalogEntry list and, when it is new to reports, its Needs list). Reading, the
// claims of an entry and applying them to a report all go through this table.
enum class ClaimShape {
    Capability,    ///< {"name": "CAP_NET_RAW"}
    Group,         ///< {"name": "disk", "root_equivalent": true}
    Path,          ///< {"path": "/var/lib/x"}
    Device,        ///< {"path": "/dev/sd*"}, below /dev, '*' in the last component
    Port,          ///< {"protocol": "tcp", "port": 9100}
    AddressFamily, ///< {"name": "AF_PACKET"}
    Command,       ///< {"command": "/usr/sbin/x", "arguments": "-y"}
    OptionWord,    ///< {"argument": "-U"}
};

struct ClaimKind
{
    QString key; ///< the key under "needs"
    QList<CatalogClaim> CatalogEntry::*claims;
    ClaimShape shape;
    QList<NamedNeed> Needs::*named; ///< where a named need goes in a report; null for capabilities and ports
};

/// The table itself.
const QList<ClaimKind> &claimKinds();

} // namespace Deroot::Core
