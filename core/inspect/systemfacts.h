// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/inspect/inspect.h"

#include <QJsonObject>

#include <optional>
#include <utility>

namespace Deroot::Core {

/// The live kernel settings that decide whether some needs need a capability at all.
struct KernelSettings
{
    /// net.ipv4.ping_group_range: groups in [first, second] may open ICMP sockets without
    /// CAP_NET_RAW. The kernel's default "1 0" admits no one.
    std::optional<std::pair<qint64, qint64>> pingGroupRange;
    /// net.ipv4.ip_unprivileged_port_start: ports below it need CAP_NET_BIND_SERVICE (default 1024).
    std::optional<int> unprivilegedPortStart;
    std::optional<int> perfEventParanoid; ///< kernel.perf_event_paranoid
    std::optional<int> dmesgRestrict;     ///< kernel.dmesg_restrict
    std::optional<int> unprivilegedBpf;   ///< kernel.unprivileged_bpf_disabled
    std::optional<int> yamaPtraceScope;   ///< kernel.yama.ptrace_scope
};

/// Reads them from @p environment's sysctl root; a value that cannot be read stays empty.
KernelSettings readKernelSettings(const InspectEnvironment &environment);

/// {"net.ipv4.ping_group_range": "0 2147483647", ...} with null for unreadable values.
QJsonObject kernelSettingsJson(const InspectEnvironment &environment);

/// Says which kernel settings decide the report's needs on this machine: whether pinging needs
/// CAP_NET_RAW (net.ipv4.ping_group_range), and whether a port the agent listens on needs
/// CAP_NET_BIND_SERVICE (net.ipv4.ip_unprivileged_port_start), adding that need where a claimed
/// port lies below the start. Ports seen on a live socket were judged by the process inspector.
void addKernelContext(InspectionReport &report, const InspectEnvironment &environment);

} // namespace Deroot::Core
