// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What a catalog match adds to an inspection report: apply() is pure, and applyCatalog(), the
// inspectors' entry point, reads the facts apply() needs from the machine.
#include "core/base/text.h"
#include "core/inspect/catalog.h"
#include "core/inspect/catalog_p.h"

#include "core/base/commandline.h"
#include "core/inspect/inspect.h"
#include "core/inspect/unitinspector.h"
#include "core/model/capabilities.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

QString reasonText(const CatalogEntry &entry, const CatalogClaim &claim)
{
    // The why in the reader's language; the source is a citation and stays as written.
    return entry.id % u": "_s % catalogText(claim.why) % u" ("_s % claim.source % u')';
}

QJsonArray stringsJson(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject grantJson(const DistributionGrant &grant)
{
    QJsonObject object;
    if (!grant.file.isEmpty()) {
        object.insert(u"file"_s, grant.file);
        object.insert(u"file_capabilities"_s, stringsJson(grant.fileCapabilities));
    } else {
        object.insert(u"unit"_s, grant.unit);
        if (grant.user) {
            object.insert(u"user"_s, *grant.user);
        }
        if (grant.group) {
            object.insert(u"group"_s, *grant.group);
        }
        if (grant.ambientCapabilities) {
            object.insert(u"ambient_capabilities"_s, stringsJson(*grant.ambientCapabilities));
        }
        if (grant.capabilityBoundingSet) {
            object.insert(u"capability_bounding_set"_s, stringsJson(*grant.capabilityBoundingSet));
        }
    }
    object.insert(u"source"_s, grant.source);
    return object;
}

} // namespace

bool AgentCatalog::apply(const CatalogMatch &match, InspectionReport &report, const QString &vendorUnitFile) const
{
    const CatalogEntry *found = entry(match.id);
    if (!found) {
        return false;
    }
    const CatalogEntry &agent = *found;

    // What other evidence already claims, before the catalog adds its own view.
    QStringList evidenceNotInCatalog;
    for (const CapabilityNeed &need : report.needs.capabilities) {
        const bool fromEvidence = std::any_of(need.reasons.cbegin(), need.reasons.cend(),
                                              [](const Reason &reason) { return reason.source != u"catalog"_s; });
        const bool inCatalog =
            std::any_of(agent.capabilities.cbegin(), agent.capabilities.cend(),
                        [&need](const CatalogClaim &claim) { return claim.capability == need.capability; });
        if (fromEvidence && !inCatalog) {
            const auto info = capabilityByNumber(need.capability);
            evidenceNotInCatalog.append(info ? QString::fromLatin1(info->name)
                                             : u"cap_"_s + QString::number(need.capability));
        }
    }

    Needs &needs = report.needs;
    const auto reason = [&agent](const CatalogClaim &claim) {
        return Reason{u"catalog"_s, reasonText(agent, claim),
                      claim.when.isEmpty() ? QString() : catalogText(claim.when)};
    };
    for (const ClaimKind &kind : claimKinds()) {
        for (const CatalogClaim &claim : agent.*kind.claims) {
            switch (kind.shape) {
            case ClaimShape::Capability:
                needs.addCapability(claim.capability, reason(claim));
                break;
            case ClaimShape::Port:
                // The catalog knows the port, not the address the agent is configured to bind.
                needs.addPort(claim.protocol, claim.port, QString(), reason(claim));
                break;
            default:
                Needs::add(needs.*kind.named, claim.name, reason(claim), claim.rootEquivalent);
                break;
            }
        }
    }

    CatalogMatchSection recorded;
    recorded.id = agent.id;
    recorded.name = agent.name;
    recorded.description = agent.description;
    for (const MatchKind kind : match.matchedBy) {
        recorded.matchedBy.append(matchKindId(kind));
    }
    for (const CatalogNote &note : agent.notes) {
        recorded.notes.append({note.text, note.source});
    }
    for (const DistributionGrant &grant : agent.debianGrants) {
        recorded.debianGrants.append(grantJson(grant));
    }
    recorded.sources = agent.sources();
    recorded.started = agent.started;
    recorded.container = agent.container;
    recorded.evidenceNotInCatalog = evidenceNotInCatalog;
    if (!report.catalog) {
        report.catalog.emplace();
    }
    report.catalog->matches.append(recorded);

    if (!evidenceNotInCatalog.isEmpty()) {
        report.addFinding(
            u"catalog.evidence-differs"_s, Severity::Info,
            inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                          "The evidence suggests %1, which the catalog entry for %2 does not list."))
                .arg(evidenceNotInCatalog.join(u", "_s), agent.name),
            {u"catalog entry "_s % agent.id % u" ("_s % agent.file % u')'});
    }
    // A program inspected on its own whose package ships a unit: a second, Deroot-made unit would
    // run the agent twice. Said here, where the catalog knows the unit names, and read once: the
    // plan builder takes the unit from this finding.
    if (report.target.value(u"kind"_s).toString() == u"file" && !vendorUnitFile.isEmpty()) {
        const QString unit = vendorUnitFile.section(u'/', -1);
        report.addFinding(
            u"catalog.vendor-unit"_s, Severity::Info,
            inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                          "The system has the unit %1 for this agent: inspect that unit instead to "
                                          "get a drop-in for it, rather than a second unit that would run the "
                                          "agent twice."))
                .arg(unit),
            {vendorUnitFile});
    }
    return true;
}

QString vendorUnitFile(const CatalogEntry &entry, const QString &program)
{
    // The catalog names the units of an entry, not of each of its programs (smartmontools.service
    // runs smartd, not smartctl): only a unit whose file starts this very program is its own.
    const auto startsProgram = [&program](const QString &path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return false;
        }
        const QString started = vendorExecProgram(execStartLine({QString::fromUtf8(file.read(1024 * 1024))}));
        return !started.isEmpty() && QFileInfo(started).canonicalFilePath() == program;
    };
    for (const QString &unit : entry.systemdUnits) {
        for (const QString &directory : {u"/etc/systemd/system/"_s, u"/usr/lib/systemd/system/"_s}) {
            if (!unit.contains(u'@') && QFileInfo(directory + unit).isFile() && startsProgram(directory + unit)) {
                return directory + unit;
            }
        }
    }
    return {};
}

void applyCatalog(InspectionReport &report)
{
    // Loaded once: the built-in catalog cannot change while the program runs.
    static const Result<AgentCatalog> catalog = AgentCatalog::loadBuiltin();
    if (!catalog) {
        report.addFinding(u"catalog.unavailable"_s, Severity::Info,
                          inspectText(QT_TRANSLATE_NOOP(
                              "Deroot::Core::Inspect",
                              "The agent catalog could not be read, so this report has no catalog knowledge.")),
                          {catalog.error().message});
        return;
    }
    CatalogKeys keys;
    if (report.file) {
        keys.executablePath = report.file->canonicalPath;
        keys.packageName = report.file->package;
    }
    if (report.go) {
        keys.goMainModule = report.go->mainModule();
    }
    keys.unitName = report.unit ? report.unit->id : QString();
    const bool fileTarget = report.target.value(u"kind"_s).toString() == u"file";
    for (const CatalogMatch &match : catalog->match(keys)) {
        const CatalogEntry *entry = catalog->entry(match.id);
        const QString vendorUnit = fileTarget && entry ? vendorUnitFile(*entry, keys.executablePath) : QString();
        catalog->apply(match, report, vendorUnit);
    }
}

} // namespace Deroot::Core
