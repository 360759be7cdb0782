// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The list texts an admin types, parsed one way: derootctl generate's list options and the
// wizard's Adjust step share these, so that the same text gives the same plan.
#pragma once

#include "core/base/result.h"
#include "core/model/generationinput.h"

#include <QList>
#include <QStringList>
#include <QStringView>

namespace Deroot::Core {

/// The capability set named by @p list, comma-separated ("CAP_NET_RAW,cap_net_admin", "" for none),
/// in kernel number order. Fails (ExitCode::Usage) naming the first unknown name.
Result<QList<int>> parseCapabilityList(QStringView list);

/// The items of a comma-separated list ("/var/lib/a,/run/b", "" for none), trimmed, empty ones
/// and repeats left out, in their order. Shared by derootctl generate's list options and the
/// wizard's Adjust step so that the same text gives the same plan.
QStringList parseList(QStringView list);

/// The ports named by @p list, "tcp/9100,udp/161" (commas or blanks between them; "" for none), in
/// their order. Fails (ExitCode::Usage) naming the first item that is not tcp/PORT or udp/PORT with
/// a port from 1 to 65535.
Result<QList<ListenPort>> parsePortList(QStringView list);

} // namespace Deroot::Core
