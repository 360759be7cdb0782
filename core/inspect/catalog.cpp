// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/catalog.h"
#include "core/inspect/catalog_p.h"

#include "core/base/text.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// No catalog file comes near this; a larger one is a mistake or an attack on the loader.
constexpr qint64 kMaxFileSize = 256 * 1024;

QString baseName(const QString &path)
{
    return path.section(u'/', -1);
}

QString normalisedUnit(const QString &unit)
{
    static const QRegularExpression kSuffix(u"\\.(service|socket|timer|path|target|mount)$"_s);
    QString result = unit.contains(kSuffix) ? unit : unit % u".service"_s;
    // An instance "nut-driver@ups1.service" is an instance of the template "nut-driver@.service".
    const qsizetype at = result.indexOf(u'@');
    if (at >= 0) {
        const qsizetype dot = result.lastIndexOf(u'.');
        result = result.left(at + 1) % result.mid(dot);
    }
    return result;
}

// The key is a main module ("mod" line of Go's build information) or, where a binary was built
// without module information (Debian builds in GOPATH mode), the main package's path ("path"
// line), which may lie in a subdirectory of the module ("<module>/cmd/<name>"), as may a major
// version ("<module>/v2"). A longer name that merely starts alike ("<module>_fork") is another
// module.
bool goModuleMatches(const QString &catalogModule, const QString &mainModule)
{
    return mainModule == catalogModule ||
           (mainModule.startsWith(catalogModule) && mainModule.at(catalogModule.size()) == u'/');
}

} // namespace

const QList<ClaimKind> &claimKinds()
{
    static const QList<ClaimKind> kinds{
        {u"capabilities"_s, &CatalogEntry::capabilities, ClaimShape::Capability, nullptr},
        {u"groups"_s, &CatalogEntry::groups, ClaimShape::Group, &Needs::groups},
        {u"read_paths"_s, &CatalogEntry::readPaths, ClaimShape::Path, &Needs::readPaths},
        {u"write_paths"_s, &CatalogEntry::writePaths, ClaimShape::Path, &Needs::writePaths},
        {u"listen_ports"_s, &CatalogEntry::listenPorts, ClaimShape::Port, nullptr},
        {u"address_families"_s, &CatalogEntry::addressFamilies, ClaimShape::AddressFamily, &Needs::addressFamilies},
        {u"devices"_s, &CatalogEntry::devices, ClaimShape::Device, &Needs::devices},
        {u"commands"_s, &CatalogEntry::commands, ClaimShape::Command, &Needs::commands},
        {u"non_root_arguments"_s, &CatalogEntry::nonRootArguments, ClaimShape::OptionWord, &Needs::nonRootArguments},
        {u"foreground_arguments"_s, &CatalogEntry::foregroundArguments, ClaimShape::OptionWord,
         &Needs::foregroundArguments},
    };
    return kinds;
}

QString matchKindId(MatchKind kind)
{
    switch (kind) {
    case MatchKind::ExecutablePath:
        return u"executable_path"_s;
    case MatchKind::SystemdUnit:
        return u"systemd_unit"_s;
    case MatchKind::DebianPackage:
        return u"debian_package"_s;
    case MatchKind::GoModule:
        return u"go_module"_s;
    case MatchKind::ExecutableName:
        return u"executable_name"_s;
    }
    Q_UNREACHABLE_RETURN(QString());
}

QList<const CatalogClaim *> CatalogEntry::allClaims() const
{
    QList<const CatalogClaim *> result;
    for (const ClaimKind &kind : claimKinds()) {
        for (const CatalogClaim &claim : this->*kind.claims) {
            result.append(&claim);
        }
    }
    return result;
}

QStringList CatalogEntry::sources() const
{
    QStringList result;
    const auto add = [&result](const QString &source) {
        if (!result.contains(source)) {
            result.append(source);
        }
    };
    for (const CatalogClaim *claim : allClaims()) {
        add(claim->source);
    }
    for (const CatalogNote &note : notes) {
        add(note.source);
    }
    for (const DistributionGrant &grant : debianGrants) {
        add(grant.source);
    }
    if (container) {
        add(container->source);
    }
    return result;
}

Result<AgentCatalog> AgentCatalog::loadBuiltin()
{
    return loadDirectory(QString::fromLatin1(kBuiltinCatalogDirectory));
}

Result<AgentCatalog> AgentCatalog::loadDirectory(const QString &directory)
{
    const QDir dir(directory);
    if (!dir.exists()) {
        return Error{ExitCode::Failure, u"catalog directory "_s % quoted(directory) % u" does not exist"_s};
    }
    // Hidden files (editor backups, ".#x.json" locks) are not part of the catalog.
    // System and Dirs too, so that a FIFO, device or directory named *.json is reported instead of
    // silently left out.
    const QStringList names =
        dir.entryList({u"*.json"_s}, QDir::Files | QDir::Dirs | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    AgentCatalog catalog;
    QSet<QString> ids;
    for (const QString &name : names) {
        const QString path = dir.filePath(name);
        const QFileInfo info(path);
        // A FIFO or a device named *.json must not block or be read forever.
        if (!info.isFile() || info.isSymLink()) {
            return Error{ExitCode::Failure, u"catalog file "_s % quoted(path) % u" is not a regular file"_s};
        }
        if (info.size() > kMaxFileSize) {
            return Error{ExitCode::Failure, u"catalog file "_s % quoted(path) % u" is larger than "_s %
                                                QString::number(kMaxFileSize) % u" bytes"_s};
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return Error{ExitCode::Failure,
                         u"catalog file "_s % quoted(path) % u" cannot be read: "_s % file.errorString()};
        }
        const QByteArray content = file.read(kMaxFileSize + 1);
        if (content.size() > kMaxFileSize) {
            return Error{ExitCode::Failure, u"catalog file "_s % quoted(path) % u" is larger than "_s %
                                                QString::number(kMaxFileSize) % u" bytes"_s};
        }
        Result<CatalogEntry> entry = parseEntry(content, path);
        if (!entry) {
            return entry.error();
        }
        if (ids.contains(entry->id)) {
            return Error{ExitCode::Failure, u"catalog file "_s % quoted(path) % u": id: "_s % quoted(entry->id) %
                                                u" is used by another file"_s};
        }
        ids.insert(entry->id);
        catalog.m_entries.append(std::move(entry).value());
    }
    return catalog;
}

const CatalogEntry *AgentCatalog::entry(QStringView id) const
{
    for (const CatalogEntry &candidate : m_entries) {
        if (candidate.id == id) {
            return &candidate;
        }
    }
    return nullptr;
}

QList<CatalogMatch> AgentCatalog::match(const CatalogKeys &keys) const
{
    const QString name = !keys.executableName.isEmpty()  ? keys.executableName
                         : keys.executablePath.isEmpty() ? QString()
                                                         : baseName(keys.executablePath);
    const QString unit = keys.unitName.isEmpty() ? QString() : normalisedUnit(keys.unitName);
    QList<CatalogMatch> result;
    for (const CatalogEntry &entry : m_entries) {
        CatalogMatch match{entry.id, {}};
        if (keys.executablePath.startsWith(u'/') && entry.executables.contains(keys.executablePath)) {
            match.matchedBy.append(MatchKind::ExecutablePath);
        }
        if (!unit.isEmpty() && entry.systemdUnits.contains(unit)) {
            match.matchedBy.append(MatchKind::SystemdUnit);
        }
        if (!keys.packageName.isEmpty() && entry.debianPackages.contains(keys.packageName)) {
            match.matchedBy.append(MatchKind::DebianPackage);
        }
        if (!keys.goMainModule.isEmpty() &&
            std::any_of(entry.goModules.cbegin(), entry.goModules.cend(),
                        [&keys](const QString &module) { return goModuleMatches(module, keys.goMainModule); })) {
            match.matchedBy.append(MatchKind::GoModule);
        }
        if (!name.isEmpty() && !name.contains(u'/') && entry.executables.contains(name)) {
            match.matchedBy.append(MatchKind::ExecutableName);
        }
        if (!match.matchedBy.isEmpty()) {
            result.append(match);
        }
    }
    // More kinds of evidence first; among equals, the strongest kind (MatchKind's order) first.
    std::stable_sort(result.begin(), result.end(), [](const CatalogMatch &a, const CatalogMatch &b) {
        if (a.matchedBy.size() != b.matchedBy.size()) {
            return a.matchedBy.size() > b.matchedBy.size();
        }
        return a.matchedBy.constFirst() < b.matchedBy.constFirst();
    });
    return result;
}

} // namespace Deroot::Core
