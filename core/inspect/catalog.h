// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/inspect/report.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Deroot::Core {

/// The schema id every catalog file carries; docs/catalog.md documents the format.
inline constexpr const char *kCatalogSchema = "deroot.catalog/1";

/// The catalog's shown texts (every claim's why and when, every container's why and unsuitable)
/// of the catalog that ships with Deroot, as tools/catalog-strings wrote them for lupdate; a test
/// holds them equal to the catalog's.
QList<const char *> catalogStrings();

/// Where the catalog that ships with Deroot lives: compiled into deroot_core as Qt resources.
inline constexpr const char *kBuiltinCatalogDirectory = ":/deroot/agents";

/// One thing a catalog entry says an agent needs, with why, under which condition and where that
/// is documented. Which fields are set depends on the list the claim is in.
struct CatalogClaim
{
    QString name; ///< "CAP_NET_RAW", a group, a path, "AF_PACKET", or the command line
    QString why;
    QString when;                ///< the condition under which it is needed; empty: always
    QString source;              ///< a URL or a precise citation
    int capability = -1;         ///< capabilities: the kernel's number
    QString protocol;            ///< listen ports: "tcp" or "udp"
    int port = 0;                ///< listen ports: 1..65535
    bool rootEquivalent = false; ///< groups: membership amounts to root
};

struct CatalogNote
{
    QString text;
    QString source;
};

/// What a distribution package grants as shipped: the file capabilities of one file, or the
/// identity and capabilities of one systemd unit. Tests compare these with the real packages.
struct DistributionGrant
{
    QString file;                 ///< set for a file grant
    QStringList fileCapabilities; ///< "CAP_*" names; empty: none
    QString unit;                 ///< set for a unit grant: the unit file's path
    std::optional<QString> user;  ///< User= ("root" when the unit sets none)
    std::optional<QString> group; ///< Group=
    std::optional<QStringList> ambientCapabilities;
    std::optional<QStringList> capabilityBoundingSet;
    QString source;
};

/// One well-known agent.
struct CatalogEntry
{
    QString id; ///< equals the file name without ".json"
    QString name;
    QString description;
    QString file; ///< the file it was loaded from, for messages

    QStringList executables; ///< base names ("fping") and absolute paths ("/usr/bin/fping")
    QStringList debianPackages;
    QStringList systemdUnits; ///< "chrony.service", templates as "nut-driver@.service"
    QStringList goModules;    ///< Go main module paths, "github.com/prometheus/node_exporter"

    QList<CatalogClaim> capabilities;
    QList<CatalogClaim> groups;
    QList<CatalogClaim> readPaths;
    QList<CatalogClaim> writePaths;
    QList<CatalogClaim> listenPorts;
    QList<CatalogClaim> addressFamilies;
    QList<CatalogClaim> devices;
    QList<CatalogClaim> commands;
    QList<CatalogClaim> nonRootArguments;    ///< "-U": lets the program start as a non-root user
    QList<CatalogClaim> foregroundArguments; ///< "-n": keeps it from detaching (Type=simple, containers)
    QList<CatalogNote> notes;
    QList<DistributionGrant> debianGrants;
    /// How the program is usually started: "service" (a daemon, the default) or "called" (a tool
    /// another agent runs, such as fping for Zabbix): the plan's start mode follows it.
    QString started = QStringLiteral("service");
    /// How it runs in a container: the upstream image, the host access it needs, or why the
    /// container method cannot serve it. None: the catalog knows nothing about it.
    std::optional<CatalogContainer> container;

    /// Every claim of every need list, in file order.
    QList<const CatalogClaim *> allClaims() const;
    /// The distinct sources of claims, notes and grants, in file order.
    QStringList sources() const;
};

/// What is known about a target, to look it up in the catalog. Empty fields are not used.
struct CatalogKeys
{
    QString executablePath; ///< absolute; its base name is matched too when executableName is empty
    QString executableName;
    QString packageName;
    QString unitName; ///< "chrony.service" or "chrony"; an instance "x@y.service" matches "x@.service"
    QString goMainModule;
};

/// "executable_path", "executable_name", "debian_package", "systemd_unit", "go_module": the JSON
/// spelling of how an entry matched, strongest first.
enum class MatchKind { ExecutablePath, SystemdUnit, DebianPackage, GoModule, ExecutableName };
QString matchKindId(MatchKind kind);

struct CatalogMatch
{
    QString id;
    QList<MatchKind> matchedBy; ///< strongest first
};

/// The catalog of well-known agents: loads and validates the JSON files, finds the entries that
/// match a target and adds their needs to a report.
class AgentCatalog final
{
public:
    /// The catalog compiled into Deroot (kBuiltinCatalogDirectory).
    static Result<AgentCatalog> loadBuiltin();

    /// Loads every "*.json" file of @p directory (hidden files and other names are ignored).
    /// Strict: invalid JSON, an unknown key, a wrong type, an invalid capability, group, path,
    /// port or address family, a claim without why or source, an id that does not match its file
    /// name, and an id used twice are each an Error naming the file and the field. Nothing is
    /// returned unless every file is valid.
    static Result<AgentCatalog> loadDirectory(const QString &directory);

    /// Parses one catalog file's content; @p fileName (a path or a name) names it in messages and
    /// must be "<id>.json".
    static Result<CatalogEntry> parseEntry(const QByteArray &json, const QString &fileName);

    qsizetype size() const { return m_entries.size(); }
    const QList<CatalogEntry> &entries() const { return m_entries; }
    const CatalogEntry *entry(QStringView id) const;

    /// The entries that match @p keys, best first (most and strongest kinds of match).
    QList<CatalogMatch> match(const CatalogKeys &keys) const;

    /// Adds the needs of the matched entry to @p report with Reason{"catalog", "<id>: <why> ...
    /// (<source>)"}, and records the match, its notes, sources and the distribution's grants in
    /// report.catalog->matches. Capabilities that other evidence in the report claims but the
    /// entry does not are listed there as "evidence_not_in_catalog" and raised as the finding
    /// "catalog.evidence-differs", so both views stay visible. @p vendorUnitFile is the entry's
    /// unit file that starts the report's program (vendorUnitFile()), if any: for a file target
    /// it is raised as the finding "catalog.vendor-unit". Pure: reads nothing from the machine.
    /// Returns false when the match does not name an entry of this catalog.
    bool apply(const CatalogMatch &match, InspectionReport &report, const QString &vendorUnitFile = {}) const;

private:
    QList<CatalogEntry> m_entries;
};

/// The first of @p entry's unit files, in /etc/systemd/system then /usr/lib/systemd/system, whose
/// ExecStart= starts @p program (a canonical path); "" when none does. Reads the machine: the fact
/// AgentCatalog::apply() takes for its "catalog.vendor-unit" finding.
QString vendorUnitFile(const CatalogEntry &entry, const QString &program);

} // namespace Deroot::Core
