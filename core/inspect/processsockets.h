// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The sockets a running process holds, read from its /proc/PID/net tables, and what they say it
// needs: ports it listens on, address families, CAP_NET_BIND_SERVICE below the kernel's unprivileged
// port start, CAP_NET_RAW for raw and packet sockets. Part of the process inspection.
#pragma once

#include "core/base/result.h"
#include "core/inspect/inspect.h"
#include "core/inspect/procdir.h"
#include "core/inspect/report.h"

#include <QHash>
#include <QString>

#include <cstdint>
#include <optional>

namespace Deroot::Core {

/// Adds the sockets of the process whose /proc directory is @p dir to @p process, and their needs
/// and findings to @p report; @p who names the process in the reasons ("PID 42"). The tables list
/// every socket of the process's network namespace: only those in @p socketFds (a socket inode to
/// the lowest fd of the process holding it) are the process's own. The kernel settings that decide
/// the needs (net.ipv4.ip_unprivileged_port_start, ping_group_range) are those of Deroot's own
/// network namespace; a finding says so when the process is in another. Fails when a table cannot
/// be read or is malformed; a table the kernel does not have (no IPv6) is skipped.
[[nodiscard]] std::optional<Error> readProcessSockets(const Proc::PidDir &dir,
                                                      const QHash<std::uint64_t, int> &socketFds,
                                                      const InspectEnvironment &environment, const QString &who,
                                                      InspectionReport &report, ProcessSection &process);

} // namespace Deroot::Core
