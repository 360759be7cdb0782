// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The whole-machine audit: which agents here still run as root, and which files hand out root or
// capabilities to whoever runs them.
#pragma once

#include "core/base/result.h"
#include "core/inspect/filecaps.h"
#include "core/inspect/inspect.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace Deroot::Core {

/// The audit JSON's schema id; docs/audit-json.md documents it. Bump only for a change that breaks
/// readers.
inline constexpr const char *kAuditSchema = "deroot.audit/1";

/// One process that runs as uid 0 (real or effective) or holds an effective capability.
struct AuditProcess
{
    int pid = 0;
    QString name; ///< comm
    QString executable;
    bool executableDeleted = false;
    std::uint32_t uid = 0;
    std::uint32_t euid = 0;
    std::uint64_t capEff = 0;
    std::uint64_t capBnd = 0;
    std::uint64_t capAmb = 0;
    std::optional<bool> noNewPrivs;
    QString unit; ///< from its cgroup; empty outside any unit
    bool userManager = false;
};

/// Processes that belong together: one systemd unit, or one executable outside any unit.
struct AuditGroup
{
    QString kind; ///< "unit" or "executable" ("process" when neither is known)
    QString key;  ///< the unit name, the executable path or the command name
    QList<AuditProcess> processes;
    QString suggestion;  ///< one line; names the derootctl command that inspects it (the CLI, the JSON)
    QString advice = {}; ///< the same for the desktop: the audit window's button instead of the command
};

/// A file that hands out privileges to whoever runs it.
struct AuditFile
{
    QString path;
    std::uint32_t uid = 0;
    std::uint32_t gid = 0;
    std::uint32_t mode = 0; ///< st_mode & 07777
    std::optional<FileCapabilities> capabilities;
    QString suggestion; ///< one line
};

struct AuditReport
{
    QList<AuditGroup> processGroups;
    QList<AuditFile> files;
    QStringList directories; ///< the directories searched for files
    QStringList notes;       ///< what could not be read, and why: the audit goes on without it
    int processesSeen = 0;
    int kernelThreads = 0;
};

struct AuditOptions
{
    InspectEnvironment environment;
    /// Prefix of the directories searched for files; tests point it at a fixture tree.
    QByteArray fileRoot;
};

/// The directories searched for set-uid, set-gid and file-capability programs, below @p fileRoot:
/// /usr/bin, /usr/sbin, /usr/libexec, /usr/local/bin, /usr/local/sbin, each directory directly
/// below /usr/lib, and /bin and /sbin unless they are symlinks (merged /usr). Each directory once.
QList<QByteArray> auditDirectories(const QByteArray &fileRoot);

/// Whether a process group is privileged by design and left as it is: the service manager (a group
/// holding PID 1, or init.scope), systemd's own units (systemd-*) and users' service managers
/// (user@*.service). The audit's suggestion and the fleet report both ask this.
bool privilegedByDesign(QStringView kind, QStringView key, bool hasPid1);

/// Audits the machine. Fails (Unavailable) only when the process list cannot be read at all;
/// anything else unreadable becomes a note.
Result<AuditReport> audit(const AuditOptions &options = {});

/// The stable JSON document (schema kAuditSchema).
QJsonObject toJson(const AuditReport &report);
/// A readable report for a terminal.
QString toText(const AuditReport &report);

} // namespace Deroot::Core
