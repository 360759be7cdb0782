// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The fleet report: many machines' audits (derootctl audit --json, fetched by the fleet playbook
// into one folder, a file per host) merged into one list, most privileged first. The CLI's
// `derootctl fleet` and the desktop's audit view both read a folder through mergeFleet().
#pragma once

#include "core/base/result.h"
#include "core/recommend/privilegescore.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace Deroot::Core {

/// The fleet report's schema id; docs/fleet.md documents it.
inline constexpr const char *kFleetSchema = "deroot.fleet/1";

/// A host's audit file larger than this is refused unread: a real audit is some hundred kilobytes.
inline constexpr qint64 kFleetMaxFileBytes = 16 * 1024 * 1024;

/// One row of a host's audit: a group of processes (a unit, an executable, a command name) or a
/// privileged file, with the effective privilege it stands for. Every text comes from the host's
/// file as it was, unescaped: a hostile host may put anything there, so whoever shows it escapes it.
struct FleetEntry
{
    QString host;
    QString kind;             ///< "unit", "executable", "process" (the audit's group kinds) or "file"
    QString key;              ///< the unit name, executable path or command name; the file's path
    bool userManager = false; ///< kind unit: a unit of a user's service manager
    QString executable;       ///< a process group: its first process's executable, if known
    bool runsAsRoot = false;  ///< a process group with uid or euid 0; a set-uid root file
    QStringList users;        ///< a process group: the effective users, as that host named them
    QList<int> pids;
    QStringList capabilities;   ///< effective (processes) or permitted (file)
    QStringList rootEquivalent; ///< those of @ref capabilities Deroot rates root-equivalent
    QString mode;               ///< a file: "4755"
    QString fileCapabilities;   ///< a file: libcap's text, empty without
    QString suggestion;
    /// Privileged by design (PID 1, systemd's own units, a user manager): listed, not to be changed.
    bool byDesign = false;
    PrivilegeScore privilege; ///< from what the audit measured; no unit sandbox (the audit has none)
};

/// One host whose audit was merged.
struct FleetHost
{
    QString name;          ///< the file's name without ".json": the inventory name
    QString file;          ///< the file's name in the folder
    QDateTime modified;    ///< the file's modification time, UTC: an old one is a stale audit
    QString derootVersion; ///< of the derootctl that audited it
    int processesSeen = 0;
    int entries = 0;
    double highest = 0; ///< the highest effective privilege among its entries
    QStringList notes;  ///< the audit's own notes (what it could not read there)
};

/// A file of the folder that was left out, and why: one sentence naming what and where.
struct FleetProblem
{
    QString file;
    QString message;
};

struct FleetReport
{
    QString directory;
    QList<FleetHost> hosts;       ///< by name
    QList<FleetEntry> entries;    ///< most privileged first, then by host, kind and name
    QList<FleetProblem> problems; ///< by file name
    QStringList ignored;          ///< entries of the folder not named *.json (not audits)
};

/// Reads one host's audit document (@p bytes, named @p file) into @p host and its rows. Fails
/// (BadTarget) with one sentence saying what is wrong and where: not JSON, another document
/// (an error document says what failed on the host), another schema, a field of the wrong type.
/// Fields it does not know are ignored: a newer derootctl may add some (docs/audit-json.md).
Result<QList<FleetEntry>> readFleetAudit(const QByteArray &bytes, const QString &file, FleetHost &host);

/// Merges every *.json file directly in @p directory, each one host's audit. A file that cannot be
/// read or is no audit is left out with its reason in problems; so is a second file of one host
/// (host names compare case-insensitively, as DNS names do). Symbolic links, FIFOs, devices and
/// files over kFleetMaxFileBytes are never opened for reading. Names starting with a dot are
/// skipped. Fails only when the folder itself cannot be read (NotFound, BadTarget, Permission) or
/// holds no *.json file at all (NotFound).
Result<FleetReport> mergeFleet(const QString &directory);

/// Sorts @p entries as the report lists them: effective privilege first, highest first, then host,
/// kind (processes before files) and name.
void sortFleetEntries(QList<FleetEntry> &entries);

/// The stable JSON document (schema kFleetSchema, docs/schemas/fleet.schema.json).
QJsonObject toJson(const FleetReport &report);
/// For a terminal: one line per row, every text from the hosts made one line and quoted.
QString toText(const FleetReport &report);
/// A self-contained HTML page: inline CSS, no script, no external resource (its Content Security
/// Policy forbids them), every text from the hosts escaped.
QString toHtml(const FleetReport &report);

} // namespace Deroot::Core
