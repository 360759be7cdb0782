// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The lists an admin picks an agent from: running processes and systemd services.
#pragma once

#include "core/base/result.h"
#include "core/inspect/inspect.h"

#include <QList>
#include <QString>

#include <cstdint>

namespace Deroot::Core {

/// One running process, as a picker shows it.
struct ProcessEntry
{
    int pid = 0;
    QString name;              ///< comm
    QString executable;        ///< empty when it cannot be read (another user's process without root)
    QString user;              ///< the real user's name, or the number
    QString unit;              ///< its systemd unit, if any
    bool root = false;         ///< runs as uid 0 (real or effective)
    bool capabilities = false; ///< holds an effective capability without being root
};

/// Every user-space process (kernel threads and zombies left out), by PID, without this process.
/// Processes that exit while being read are skipped. Fails (Unavailable) only when the process
/// list cannot be read at all.
Result<QList<ProcessEntry>> listProcesses(const InspectEnvironment &environment = {});

/// One systemd service, as a picker shows it.
struct ServiceEntry
{
    QString unit;        ///< "chrony.service"
    QString activeState; ///< "active", "inactive", "failed", ...
    QString description;
};

/// The system manager's service units that are loaded (running or not), from `systemctl
/// list-units`. Fails (Unavailable) when there is no systemd to ask.
Result<QList<ServiceEntry>> listServices();

/// Parses `systemctl list-units --type=service --all --plain --no-legend --no-pager` output;
/// lines with an invalid unit name are skipped. Pure.
QList<ServiceEntry> parseServiceList(const QByteArray &output);

} // namespace Deroot::Core
