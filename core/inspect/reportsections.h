// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The typed sections of an inspection report. Each inspector fills the sections it knows; readers
// (the catalog, the recommender, the plan export, the GUI) use these fields, and toJson() writes
// them at the edge as docs/inspect-json.md and docs/schemas/inspect.schema.json describe.
#pragma once

#include "core/inspect/callers.h"
#include "core/inspect/elfreader.h"
#include "core/inspect/filecaps.h"
#include "core/inspect/gobuildinfo.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <utility>

namespace Deroot::Core {

/// The program file, from the descriptor that was opened ("file").
struct FileSection
{
    QString path;    ///< as given; bytes that are not UTF-8 are written \xHH
    QString pathHex; ///< the path's exact bytes in hex when it is not UTF-8; empty (no "path_hex") otherwise
    QString canonicalPath;
    bool symlink = false;
    qint64 size = 0;
    QString owner; ///< "uid 0 (root)"
    QString group;
    /// -1 when unknown (only a report made by hand lacks it): never taken for root.
    qint64 uid = -1;
    qint64 gid = -1;
    QString mode; ///< octal, "0755"
    bool setuid = false;
    bool setgid = false;
    QString sha256;
    QString package;                              ///< "" when none or not asked
    std::optional<FileCapabilities> capabilities; ///< null in JSON when the file has none
};
QJsonObject toJson(const FileSection &file);

/// The #! line of a script ("script").
struct ScriptSection
{
    QString interpreter;
    QString argument;
};
QJsonObject toJson(const ScriptSection &script);

/// A Go program's build information, or why it could not be read ("go": the build information's
/// fields, or only {"error"}).
struct GoSection
{
    std::optional<GoBuildInfo> buildInfo;
    QString error; ///< when buildInfo is unset
    /// The main module's path, else the main package: what the catalog matches Go programs by.
    QString mainModule() const;
};
QJsonObject toJson(const GoSection &go);

/// The live kernel settings that decide whether some needs need a capability at all ("kernel";
/// each one null in JSON when it could not be read).
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

    /// "first second", or "" when unreadable.
    QString pingGroupRangeText() const;
};
QJsonObject toJson(const KernelSettings &kernel);

/// What a catalog entry says about running the agent in a container (docs/catalog.md,
/// "container"): the image its upstream publishes and what it must see of the host, or why the
/// container method cannot serve it.
struct CatalogContainer
{
    QString image; ///< "quay.io/prometheus/node-exporter"; empty: upstream publishes none
    bool hostNetwork = false;
    bool hostPid = false;
    bool hostRoot = false; ///< the host's / read-only at /host
    QStringList arguments; ///< what the agent then needs: "--path.rootfs=/host"
    QString why;           ///< why it needs that host access; empty when it needs none
    QString unsuitable;    ///< why a hardened container cannot run it; then nothing above is set
    QString source;
};
QJsonObject toJson(const CatalogContainer &container);

/// One catalog entry that matches the target, as apply() records it ("catalog"."matches"[]).
struct CatalogMatchSection
{
    struct Note
    {
        QString text;
        QString source;
    };
    QString id;
    QString name;
    QString description;
    QStringList matchedBy; ///< "executable_path", "systemd_unit", ...: strongest first
    QList<Note> notes;
    QStringList sources;
    /// The entry's debian_grants as the catalog file has them (catalog.schema.json): written by
    /// the catalog, read by no one in the program, so kept in the file's own JSON shape.
    QJsonArray debianGrants;
    QString started;                           ///< "", "service" or "called"
    std::optional<CatalogContainer> container; ///< null in JSON when the entry says nothing
    QStringList evidenceNotInCatalog;
};

/// The catalog entries that match the target, best first ("catalog").
struct CatalogSection
{
    QList<CatalogMatchSection> matches;
};
QJsonObject toJson(const CatalogSection &catalog);

/// The unit settings that only the unit's files say (systemctl show loses them): the ExecStart=
/// line as written and the environment a unit of Deroot's own must carry over.
struct UnitFileSettings
{
    QString execStartLine; ///< null in JSON when empty
    QStringList environment;
    QStringList environmentFiles;
};

/// One ExecStart= command as systemctl show prints it.
struct UnitExecCommand
{
    QString path;
    QString arguments; ///< argv joined by spaces, unquoted
    QStringList flags; ///< ExecStartEx='s flags: "privileged" (+), "no-setuid" (!), ...
};

/// What systemctl show says of the unit ("unit"; docs/inspect-process-unit.md). Text fields that
/// are empty are null in JSON.
struct UnitSection
{
    QString id;
    QString loadState;
    QString activeState;
    QString subState;
    QString type;
    QString fragmentPath;
    QStringList dropInPaths;
    QList<UnitExecCommand> execStart;
    QString user; ///< empty: root, unless dynamicUser
    QString group;
    QStringList supplementaryGroups;
    bool dynamicUser = false;
    bool runsAsRoot = false;
    bool startsAsRoot = false; ///< an ExecStart= with + or ! starts as root whatever User= says
    std::uint64_t ambientCapabilities = 0;
    std::uint64_t capabilityBoundingSet = 0;
    bool capabilityBoundingSetFull = false; ///< every capability Deroot knows
    bool noNewPrivileges = false;           ///< NoNewPrivileges= as written
    QStringList noNewPrivilegesImpliedBy;   ///< settings that make systemd set no_new_privs anyway, each with its =
    QString protectSystem;
    QString protectHome;
    /// systemd's words: "yes" and "no" are true and false in JSON, another word stays text.
    QString privateTmp;
    QString privateDevices;
    QString privateNetwork;
    QString restrictAddressFamilies;                       ///< empty when not set
    QString systemCallFilterMode = QStringLiteral("none"); ///< "none", "allow" or "deny"
    int systemCallFilterEntries = 0;
    QStringList readWritePaths;
    QStringList readOnlyPaths;
    std::optional<int> mainPid;
    /// Read from the unit's files by inspectUnit(); unset (absent in JSON) when only systemctl's
    /// properties were at hand.
    std::optional<UnitFileSettings> fileSettings;

    /// PrivateNetwork=yes.
    bool hasPrivateNetwork() const { return privateNetwork == u"yes"; }
};
QJsonObject toJson(const UnitSection &unit);

/// A supplementary group of a process.
struct ProcessGroup
{
    qint64 gid = 0;
    QString name; ///< empty when the group has no name
    bool rootEquivalent = false;
};

/// An IP socket (family AF_INET or AF_INET6) or a packet socket (protocol "packet").
struct ProcessSocket
{
    QString protocol; ///< "tcp", "udp6", "raw", "icmp", ... or "packet"
    QString family;   ///< "AF_INET", "AF_INET6", "AF_PACKET"
    QString address;  ///< IP sockets
    int port = 0;     ///< IP sockets; for raw sockets the IP protocol number
    QString state;    ///< IP sockets: "listen", "bound", "connected"; empty (null) for raw and ICMP
    std::uint64_t inode = 0;
    int fd = 0;
    QString type;             ///< packet sockets: "SOCK_RAW", "SOCK_DGRAM" or the number
    QString ethernetProtocol; ///< packet sockets: "ETH_P_ALL", ... or "0xNNNN"
};

/// A file the process has open that needed more than an ordinary user's rights.
struct ProcessOpenFile
{
    int fd = 0;
    QString path;
    bool deleted = false;
    QString access; ///< "read", "write", "read-write"
    QString type;   ///< "file", "directory", "character-device", "block-device", "other"
    QString owner;  ///< empty (null) when the uid has no name
    QString group;
    qint64 uid = 0;
    qint64 gid = 0;
    QString mode; ///< octal, "0640"
};

/// Real, effective, saved and filesystem ids; -1 when unknown (only in a report made by hand),
/// never taken for root.
struct ProcessIds
{
    qint64 real = -1;
    qint64 effective = -1;
    qint64 saved = -1;
    qint64 filesystem = -1;
};

/// The capability sets of a process, as masks of kernel numbers.
struct ProcessCapabilities
{
    std::uint64_t inheritable = 0;
    std::uint64_t permitted = 0;
    std::uint64_t effective = 0;
    std::uint64_t bounding = 0;
    std::uint64_t ambient = 0;
};

/// The running process, from /proc/PID ("process"; docs/inspect-process-unit.md). Text fields
/// that are empty are null in JSON.
struct ProcessSection
{
    int pid = 0;
    QString name; ///< comm
    QChar state;  ///< one letter, as in /proc/PID/stat
    quint64 startTimeTicks = 0;
    QString executable;
    bool executableDeleted = false;
    QStringList commandLine;
    ProcessIds uid;
    QString user;          ///< of the real uid
    QString effectiveUser; ///< of the effective uid
    ProcessIds gid;
    QString group; ///< of the real gid
    QList<ProcessGroup> groups;
    ProcessCapabilities capabilities;
    std::optional<bool> noNewPrivs; ///< unset on kernels without the line
    QString seccomp;                ///< "disabled", "strict", "filter"; empty when unknown
    QString cgroup;                 ///< the cgroup v2 path
    QString unit;                   ///< chrony.service, session-3.scope, ...
    QString unitManager;            ///< "system" or "user"; empty without a unit
    /// The sysctl values the sockets were judged by.
    std::optional<int> unprivilegedPortStart;
    QString pingGroupRange;
    QList<ProcessSocket> sockets;
    QList<ProcessOpenFile> openFiles;
};
QJsonObject toJson(const ProcessSection &process);

/// Added by the plan-facing callers, not by inspect: the process runs in another agent's service,
/// which calls it ("parent_unit").
struct ParentUnitSection
{
    QString unit;
    QString program;
    QString user; ///< null in JSON when empty
};
QJsonObject toJson(const ParentUnitSection &parent);

/// Added by the plan-facing callers, not by inspect: what the package's unit file says when
/// systemd could not be asked about it ("vendor_unit").
struct VendorUnitSection
{
    QString id;
    QString path;
    QString user;
    UnitFileSettings settings;
};
QJsonObject toJson(const VendorUnitSection &vendor);

/// "callers": {"callers": [...], "unreadable": [...]}, as callers.h writes it.
using CallersSection = CallerScan;

} // namespace Deroot::Core
