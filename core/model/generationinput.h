// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/model/methods.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Deroot::Core {

/// One command the agent may run through sudo, with its arguments fixed (no wildcards).
struct SudoCommand
{
    QString path;          ///< absolute path of the program
    QStringList arguments; ///< exact arguments; empty means "no arguments at all" (sudoers: "")
    bool noexec = true;    ///< NOEXEC: the command may not start further programs
    /// The agent's arguments are not known (a catalog entry names the command only): the rule
    /// still allows none, and the plan says loudly that the agent's calls may be refused.
    bool argumentsUnknown = false;
};

struct ListenPort
{
    QString protocol; ///< "tcp" or "udp"
    int port = 0;

    friend bool operator==(const ListenPort &, const ListenPort &) = default;
};

/// Resource limits every generated configuration carries unless the admin turns them off: the
/// guide's incident was an agent in a runaway loop taking every database node down.
struct ResourceLimits
{
    bool enabled = true;
    int cpuQuotaPercent = 50; ///< of one CPU
    int memoryMaxMiB = 512;
    int tasksMax = 256;
};

/// What a containerised agent must see of the host, from its catalog entry (docs/catalog.md,
/// "container"): the agent measures the host, not the container, only with these. Only for the
/// container method; every file of the method carries all of them alike.
struct ContainerHostAccess
{
    bool network = false; ///< the host's network namespace (--network host)
    bool pid = false;     ///< the host's PID namespace (--pid host)
    bool root = false;    ///< the host's / read-only at /host (-v /:/host:ro,rslave)
    /// Arguments the agent needs inside the container, after its own: "--path.rootfs=/host".
    QStringList arguments;

    friend bool operator==(const ContainerHostAccess &, const ContainerHostAccess &) = default;
};

/// How the agent is started: decides whether the plan has a unit of its own and who gets the grant.
enum class StartMode {
    Service,   ///< a long-running daemon: a drop-in for its unit, or a unit of Deroot's own
    Scheduled, ///< runs to completion on a schedule: a oneshot unit and a .timer that starts it
    CalledBy,  ///< run by another program (a monitoring agent): no unit; the grant goes to the caller
};

/// Everything the generators work from: the inspection's needs as the admin adjusted them, and
/// the chosen method. Pure data; validateGenerationInput() checks it before any generator runs,
/// so no generator has to trust a name, path or number in it.
struct GenerationInput
{
    Method method = Method::Capabilities;
    QString agentId; ///< short name for files and units: [a-z][a-z0-9_-]{0,31}, e.g. "node_exporter"
    /// The catalog entry the needs came from ("node_exporter"); empty: the agent is not in the
    /// catalog. Recorded for the admin and rules.d; it grants nothing by itself.
    QString catalogId;
    QString description;  ///< one line for headers and Description=; printable, no newline
    QString serviceUser;  ///< the system user the agent runs as (created if absent)
    QString serviceGroup; ///< its primary group; empty: same as the user
    QString executable;   ///< absolute path of the program the agent runs
    QStringList arguments;
    QString executableSha256; ///< what the admin reviewed (from the inspection)
    bool executableIsScript = false;
    QString packageName;  ///< the package that owns the program, if any
    QString existingUnit; ///< the agent's systemd unit if it has one ("x.service"): a drop-in is made
    /// The vendor unit's one ExecStart= command line as written in its files, prefixes included
    /// ("!/usr/sbin/chronyd $DAEMON_OPTS"); empty when unknown. A drop-in keeps it (the vendor's
    /// EnvironmentFile= and its $ARGS stay in effect) and changes only a privilege prefix and the
    /// non-root arguments.
    QString vendorExecStart;
    bool runsUnderSystemd = true;
    /// A unit of Deroot's own takes over from this one (the vendor's, running the same program as
    /// root): the apply stops and disables it before starting the new unit, a rollback brings it
    /// back. Empty: nothing to replace. Only with a new unit (existingUnit empty).
    QString replacesUnit;

    StartMode startMode = StartMode::Service;
    /// CalledBy: the user of the program that calls this one ("zabbix"): the sudo rule is for this
    /// user. File capabilities need no caller; it is then recorded for the admin only.
    QString callerUser;
    /// Scheduled: the timer's OnCalendar= expression ("hourly", "*-*-* 03:00:00").
    QString schedule;
    /// The agent's own settings, carried over from how it runs today: "NAME=value" for
    /// Environment=, and EnvironmentFile= paths ("-/etc/default/x": may be missing).
    QStringList environment;
    QStringList environmentFiles;

    QList<int> capabilities;         ///< chosen capabilities (kernel numbers)
    QList<SudoCommand> sudoCommands; ///< for the sudo method
    QStringList supplementaryGroups; ///< e.g. "adm", "systemd-journal"
    QStringList readPaths;
    QStringList writePaths;
    QStringList devices;         ///< device nodes, "/dev/ipmi0"
    QStringList addressFamilies; ///< "AF_INET", "AF_PACKET", ...
    QList<ListenPort> listenPorts;
    ResourceLimits limits;
    bool jitRuntime = false; ///< needs W+X memory: no MemoryDenyWriteExecute
    /// For the container method, "registry/name:tag": required (validateGenerationInput()); the
    /// input builder fills in the catalog entry's upstream image when it names one.
    QString containerImage;
    ContainerHostAccess containerHost; ///< container method only
};

} // namespace Deroot::Core
