// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/inspect/inspect.h"

namespace Deroot::Core {

/// Reads the kernel settings (the report's "kernel" section) from @p environment's sysctl root;
/// a value that cannot be read stays empty.
KernelSettings readKernelSettings(const InspectEnvironment &environment);

/// Says which kernel settings decide the report's needs on this machine: whether pinging needs
/// CAP_NET_RAW (net.ipv4.ping_group_range), and whether a port the agent listens on needs
/// CAP_NET_BIND_SERVICE (net.ipv4.ip_unprivileged_port_start), adding that need where a claimed
/// port lies below the start. Ports seen on a live socket were judged by the process inspector.
void addKernelContext(InspectionReport &report, const InspectEnvironment &environment);

} // namespace Deroot::Core
