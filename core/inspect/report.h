// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/inspect/reportsections.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace Deroot::Core {

/// The JSON document's schema id; docs/inspect-json.md documents it. Bump the number only for a
/// change that breaks readers (renaming or removing a field); adding fields keeps it.
inline constexpr const char *kInspectSchema = "deroot.inspect/1";

enum class Severity { Info, Low, Medium, High, Critical };
/// "info", "low", "medium", "high", "critical".
QString severityId(Severity severity);

/// Where a claim comes from: the kind of evidence and the evidence itself, e.g.
/// {"elf", "imports pcap_open_live"} or {"catalog", "fping: Debian postinst sets cap_net_raw+ep"}.
struct Reason
{
    QString source; ///< "elf", "go", "file", "process", "unit", "catalog", "kernel", "script", "observed"
    QString text;
    /// Empty when the need always holds; otherwise the configuration under which it does
    /// ("when it serves time to others"). A need whose every reason has a condition is optional.
    QString condition = {};
    bool operator==(const Reason &) const = default;
};

/// One observation about the target, with the evidence behind it.
struct Finding
{
    QString id; ///< stable, dotted, e.g. "file.writable-by-others"; documented in docs/inspect-json.md
    Severity severity = Severity::Info;
    QString message; ///< one sentence
    QStringList evidence;
};

/// True when at least one reason holds in every configuration (has no condition).
bool isUnconditional(const QList<Reason> &reasons);

struct CapabilityNeed
{
    int capability = -1; ///< kernel number; the JSON names it "CAP_..."
    QList<Reason> reasons;
};

struct PortNeed
{
    QString protocol; ///< "tcp" or "udp"
    int port = 0;
    QString address; ///< the bound address, "0.0.0.0", "::", "127.0.0.1", ...
    QList<Reason> reasons;
};

/// A need for something named: a path, a device, an address family, a group, a command.
struct NamedNeed
{
    QString name;
    QList<Reason> reasons;
    bool rootEquivalent = false; ///< for groups: membership amounts to root (disk, docker, ...)
};

/// What the agent needs that an ordinary user does not have.
struct Needs
{
    QList<CapabilityNeed> capabilities;
    QList<NamedNeed> commands; ///< privileged commands the agent runs (for sudo rules), absolute paths
    QList<NamedNeed> readPaths;
    QList<NamedNeed> writePaths;
    QList<PortNeed> listenPorts;
    QList<NamedNeed> addressFamilies; ///< "AF_INET", "AF_PACKET", ...
    QList<NamedNeed> devices;
    QList<NamedNeed> groups;
    /// Arguments the program needs to start at all under the plan, not privileges: those that let it
    /// run as a non-root user ("-U" for chronyd, which otherwise refuses with "Not superuser") and
    /// those that keep it in the foreground under a Type=simple unit or in a container ("-n").
    QList<NamedNeed> nonRootArguments;
    QList<NamedNeed> foregroundArguments;

    /// Each add merges into an existing entry with the same key and keeps every distinct reason.
    void addCapability(int capability, const Reason &reason);
    void addPort(const QString &protocol, int port, const QString &address, const Reason &reason);
    static void add(QList<NamedNeed> &list, const QString &name, const Reason &reason, bool rootEquivalent = false);

    bool hasCapability(int capability) const;

    /// Adds every need of @p other with each of its reasons, through the adds above. The arguments
    /// (non_root_arguments, foreground_arguments) are not merged: they belong to one target.
    void merge(const Needs &other);
};

/// The whole answer for one target. Sections other than target, findings and needs are filled by
/// the inspectors that apply (file, ELF, Go, script, process, unit, catalog, kernel); each is unset
/// when no inspector wrote it, and docs/inspect-json.md lists the fields toJson() writes for it.
struct InspectionReport
{
    QJsonObject target; ///< {"kind": "file"|"process"|"unit", "path"|"pid"|"unit": ...}
    QList<Finding> findings;
    Needs needs;
    std::optional<FileSection> file;
    std::optional<ElfFacts> elf;
    std::optional<GoSection> go;
    std::optional<ScriptSection> script;
    std::optional<CallersSection> callers;
    std::optional<KernelSettings> kernel;
    std::optional<CatalogSection> catalog;
    std::optional<ParentUnitSection> parentUnit;
    std::optional<VendorUnitSection> vendorUnit;
    std::optional<ProcessSection> process;
    std::optional<UnitSection> unit;

    void addFinding(const QString &id, Severity severity, const QString &message, const QStringList &evidence = {});
    const Finding *finding(QStringView id) const;
};

/// The "needs" object of the inspection document, which an observation writes alike.
QJsonObject toJson(const Needs &needs);

/// The stable JSON document (schema kInspectSchema).
QJsonObject toJson(const InspectionReport &report);

/// A readable multi-line report for a terminal.
QString toText(const InspectionReport &report);

/// Adds @p from's findings, needs and sections to @p into. A section both have is merged field by
/// field, @p into's value winning: the target's own view comes first. Only fields that may be
/// absent (a file's path_hex, a unit's file settings) can come from @p from; a Go section is
/// either the build information or the error, and @p into's stands whole.
void mergeReport(InspectionReport &into, const InspectionReport &from);

} // namespace Deroot::Core
