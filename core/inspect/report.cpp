// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/report.h"

#include "core/base/deroot.h"
#include "core/inspect/today.h"
#include "core/model/capabilities.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

QString severityId(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Low:
        return QStringLiteral("low");
    case Severity::Medium:
        return QStringLiteral("medium");
    case Severity::High:
        return QStringLiteral("high");
    case Severity::Critical:
        return QStringLiteral("critical");
    }
    Q_UNREACHABLE_RETURN(QString());
}

namespace {

void addReason(QList<Reason> &reasons, const Reason &reason)
{
    if (!reasons.contains(reason)) {
        reasons.append(reason);
    }
}

QJsonArray reasonsJson(const QList<Reason> &reasons)
{
    QJsonArray array;
    for (const Reason &reason : reasons) {
        QJsonObject object{{u"source"_s, reason.source}, {u"text"_s, reason.text}};
        if (!reason.condition.isEmpty()) {
            object.insert(u"when"_s, reason.condition);
        }
        array.append(object);
    }
    return array;
}

QJsonArray namedJson(const QList<NamedNeed> &list, const QString &key, bool withRootEquivalent = false)
{
    QJsonArray array;
    for (const NamedNeed &need : list) {
        QJsonObject object{{key, need.name}, {u"reasons"_s, reasonsJson(need.reasons)}};
        if (withRootEquivalent) {
            object.insert(u"root_equivalent"_s, need.rootEquivalent);
        }
        array.append(object);
    }
    return array;
}

} // namespace

bool isUnconditional(const QList<Reason> &reasons)
{
    return std::any_of(reasons.cbegin(), reasons.cend(),
                       [](const Reason &reason) { return reason.condition.isEmpty(); });
}

void Needs::addCapability(int capability, const Reason &reason)
{
    for (CapabilityNeed &need : capabilities) {
        if (need.capability == capability) {
            addReason(need.reasons, reason);
            return;
        }
    }
    capabilities.append({capability, {reason}});
    std::sort(capabilities.begin(), capabilities.end(),
              [](const CapabilityNeed &a, const CapabilityNeed &b) { return a.capability < b.capability; });
}

void Needs::addPort(const QString &protocol, int port, const QString &address, const Reason &reason)
{
    for (PortNeed &need : listenPorts) {
        // A claim without an address (the catalog's "port 9100") is the same need as a socket seen
        // on a given address.
        if (need.protocol == protocol && need.port == port &&
            (need.address == address || address.isEmpty() || need.address.isEmpty())) {
            if (need.address.isEmpty()) {
                need.address = address;
            }
            addReason(need.reasons, reason);
            return;
        }
    }
    listenPorts.append({protocol, port, address, {reason}});
}

void Needs::add(QList<NamedNeed> &list, const QString &name, const Reason &reason, bool rootEquivalent)
{
    for (NamedNeed &need : list) {
        if (need.name == name) {
            addReason(need.reasons, reason);
            need.rootEquivalent = need.rootEquivalent || rootEquivalent;
            return;
        }
    }
    list.append({name, {reason}, rootEquivalent});
}

bool Needs::hasCapability(int capability) const
{
    return std::any_of(capabilities.cbegin(), capabilities.cend(),
                       [capability](const CapabilityNeed &need) { return need.capability == capability; });
}

void Needs::merge(const Needs &other)
{
    for (const CapabilityNeed &need : other.capabilities) {
        for (const Reason &reason : need.reasons) {
            addCapability(need.capability, reason);
        }
    }
    for (const PortNeed &need : other.listenPorts) {
        for (const Reason &reason : need.reasons) {
            addPort(need.protocol, need.port, need.address, reason);
        }
    }
    const auto mergeNamed = [](QList<NamedNeed> &to, const QList<NamedNeed> &list) {
        for (const NamedNeed &need : list) {
            for (const Reason &reason : need.reasons) {
                Needs::add(to, need.name, reason, need.rootEquivalent);
            }
        }
    };
    mergeNamed(commands, other.commands);
    mergeNamed(readPaths, other.readPaths);
    mergeNamed(writePaths, other.writePaths);
    mergeNamed(addressFamilies, other.addressFamilies);
    mergeNamed(devices, other.devices);
    mergeNamed(groups, other.groups);
}

void InspectionReport::addFinding(const QString &id, Severity severity, const QString &message,
                                  const QStringList &evidence)
{
    findings.append({id, severity, message, evidence});
}

const Finding *InspectionReport::finding(QStringView id) const
{
    for (const Finding &f : findings) {
        if (f.id == id) {
            return &f;
        }
    }
    return nullptr;
}

QJsonObject toJson(const Needs &needs)
{
    QJsonArray capabilities;
    for (const CapabilityNeed &need : needs.capabilities) {
        const auto info = capabilityByNumber(need.capability);
        capabilities.append(QJsonObject{
            {u"name"_s, info ? QString::fromLatin1(info->name) : u"cap_"_s + QString::number(need.capability)},
            {u"number"_s, need.capability},
            {u"risk"_s, info ? capabilityRiskId(info->risk) : u"unknown"_s},
            {u"conditional"_s, !isUnconditional(need.reasons)},
            {u"reasons"_s, reasonsJson(need.reasons)}});
    }
    QJsonArray ports;
    for (const PortNeed &need : needs.listenPorts) {
        ports.append(QJsonObject{{u"protocol"_s, need.protocol},
                                 {u"port"_s, need.port},
                                 {u"address"_s, need.address},
                                 {u"reasons"_s, reasonsJson(need.reasons)}});
    }
    return QJsonObject{
        {u"capabilities"_s, capabilities},
        {u"commands"_s, namedJson(needs.commands, u"path"_s)},
        {u"read_paths"_s, namedJson(needs.readPaths, u"path"_s)},
        {u"write_paths"_s, namedJson(needs.writePaths, u"path"_s)},
        {u"listen_ports"_s, ports},
        {u"address_families"_s, namedJson(needs.addressFamilies, u"name"_s)},
        {u"devices"_s, namedJson(needs.devices, u"path"_s)},
        {u"groups"_s, namedJson(needs.groups, u"name"_s, true)},
        {u"non_root_arguments"_s, namedJson(needs.nonRootArguments, u"argument"_s)},
        {u"foreground_arguments"_s, namedJson(needs.foregroundArguments, u"argument"_s)},
    };
}

QJsonObject toJson(const InspectionReport &report)
{
    QList<Finding> findings = report.findings;
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding &a, const Finding &b) { return a.severity > b.severity; });
    QJsonArray findingsJson;
    for (const Finding &finding : findings) {
        findingsJson.append(QJsonObject{{u"id"_s, finding.id},
                                        {u"severity"_s, severityId(finding.severity)},
                                        {u"message"_s, finding.message},
                                        {u"evidence"_s, QJsonArray::fromStringList(finding.evidence)}});
    }

    QJsonObject json;
    const auto insertSection = [&json](const QString &key, const auto &section) {
        if (section) {
            json.insert(key, toJson(*section));
        }
    };
    insertSection(u"file"_s, report.file);
    insertSection(u"elf"_s, report.elf);
    insertSection(u"go"_s, report.go);
    insertSection(u"script"_s, report.script);
    insertSection(u"callers"_s, report.callers);
    insertSection(u"kernel"_s, report.kernel);
    insertSection(u"catalog"_s, report.catalog);
    insertSection(u"parent_unit"_s, report.parentUnit);
    insertSection(u"vendor_unit"_s, report.vendorUnit);
    insertSection(u"process"_s, report.process);
    insertSection(u"unit"_s, report.unit);
    json.insert(u"schema"_s, QString::fromLatin1(kInspectSchema));
    json.insert(u"deroot_version"_s, version());
    json.insert(u"target"_s, report.target);
    json.insert(u"findings"_s, findingsJson);
    json.insert(u"needs"_s, toJson(report.needs));
    json.insert(u"verdict"_s, toJson(verdictOf(report)));
    return json;
}

void mergeReport(InspectionReport &into, const InspectionReport &from)
{
    for (const Finding &finding : from.findings) {
        into.findings.append(finding);
    }
    into.needs.merge(from.needs);
    // Sections @p into lacks come whole; of one both have, into's fields win, and only the fields
    // a section may lack are taken from @p from.
    const auto mergeSection = [](auto &to, const auto &section) {
        if (!to) {
            to = section;
        }
    };
    if (into.file && from.file && into.file->pathHex.isEmpty()) {
        into.file->pathHex = from.file->pathHex;
    }
    mergeSection(into.file, from.file);
    mergeSection(into.elf, from.elf);
    mergeSection(into.go, from.go);
    mergeSection(into.script, from.script);
    mergeSection(into.callers, from.callers);
    mergeSection(into.kernel, from.kernel);
    mergeSection(into.catalog, from.catalog);
    mergeSection(into.parentUnit, from.parentUnit);
    mergeSection(into.vendorUnit, from.vendorUnit);
    mergeSection(into.process, from.process);
    if (into.unit && from.unit && !into.unit->fileSettings) {
        into.unit->fileSettings = from.unit->fileSettings;
    }
    mergeSection(into.unit, from.unit);
}

} // namespace Deroot::Core
