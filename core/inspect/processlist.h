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
    QString activeState; ///< "active", "inactive", "failed", ...; for a unit file: "enabled", "static", ...
    /// Only from listServices(): whether systemd could load the unit ("loaded", "not-found" for a
    /// unit another one names but no file defines, "masked", "bad-setting", "error").
    QString loadState;
    QString subState; ///< only from listServices(): "running", "exited", "dead", "failed", ...
    QString description;
    /// Only from listServiceFiles(): the unit file, where systemd would read it.
    QString filePath;
};

/// The system manager's service units that are loaded (running or not), from `systemctl
/// list-units`. Fails (Unavailable) when there is no systemd to ask.
Result<QList<ServiceEntry>> listServices();

/// Parses `systemctl list-units --type=service --all --plain --no-legend --no-pager` output;
/// lines with an invalid unit name are skipped. Pure.
QList<ServiceEntry> parseServiceList(const QByteArray &output);

/// The service unit files installed, from `systemctl list-unit-files`, which reads them without a
/// running systemd (a container, a chroot, a rescue system): templates and aliases left out, each
/// with the file systemd would read. Fails (Unavailable) when systemctl is missing or fails.
Result<QList<ServiceEntry>> listServiceFiles();

/// Parses `systemctl list-unit-files --type=service --plain --no-legend --no-pager` output (UNIT
/// STATE [PRESET]): templates ("name@.service"), aliases and invalid names skipped; no file path.
/// Pure.
QList<ServiceEntry> parseUnitFileList(const QByteArray &output);

/// The Description= of a unit file's [Unit] section (the last one set, as systemd reads it), for
/// the offline list's Description column; empty when it has none. Pure.
QString unitFileDescription(const QByteArray &contents);

} // namespace Deroot::Core
