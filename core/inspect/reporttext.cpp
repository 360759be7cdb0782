// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The terminal form of an inspection report: the facts first, then what the agent needs and why,
// then the findings, most severe first.
#include "core/base/commandline.h"
#include "core/base/text.h"
#include "core/inspect/report.h"
#include "core/inspect/today.h"
#include "core/model/capabilities.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

constexpr int kLabelWidth = 10;

QString scalar(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? u"yes"_s : u"no"_s;
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Null:
        return u"-"_s;
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray()) {
            items.append(item.isObject()
                             ? QString::fromUtf8(QJsonDocument(item.toObject()).toJson(QJsonDocument::Compact))
                             : scalar(item));
        }
        return items.isEmpty() ? u"-"_s : items.join(u", ");
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

void section(QString &out, const QString &label, const QStringList &lines)
{
    bool first = true;
    for (const QString &line : lines) {
        if (line.isEmpty()) {
            continue;
        }
        // Values come from the system (file names, process names): one line each, whatever they hold.
        out += u"  "_s + (first ? label : QString()).leftJustified(kLabelWidth) + u' ' + oneLine(line) + u'\n';
        first = false;
    }
}

QString size(qint64 bytes)
{
    if (bytes >= 10 * 1024 * 1024) {
        return u"%1 MB"_s.arg(bytes / (1024 * 1024));
    }
    if (bytes >= 10 * 1024) {
        return u"%1 KB"_s.arg(bytes / 1024);
    }
    return u"%1 bytes"_s.arg(bytes);
}

QStringList fileLines(const QJsonObject &file)
{
    const QString owner = file.value(u"owner"_s).toString().section(u'(', 1).chopped(1);
    const QString group = file.value(u"group"_s).toString().section(u'(', 1).chopped(1);
    QStringList lines{
        u"%1, %2, %3:%4 %5%6"_s.arg(
            file.value(u"canonical_path"_s).toString(), size(qint64(file.value(u"size"_s).toDouble())),
            owner.isEmpty() ? file.value(u"owner"_s).toString() : owner,
            group.isEmpty() ? file.value(u"group"_s).toString() : group, file.value(u"mode"_s).toString(),
            file.value(u"package"_s).toString().isEmpty() ? u", not from a package"_s
                                                          : u", package "_s + file.value(u"package"_s).toString()),
        u"sha256 "_s + file.value(u"sha256"_s).toString(),
    };
    const QJsonValue caps = file.value(u"capabilities"_s);
    lines.append(caps.isObject() ? u"file capabilities: "_s + caps.toObject().value(u"text"_s).toString()
                                 : u"no file capabilities"_s);
    return lines;
}

QStringList elfLines(const QJsonObject &elf)
{
    const QJsonObject hardening = elf.value(u"hardening"_s).toObject();
    QStringList mitigations;
    mitigations.append(hardening.value(u"relro"_s).toString() + u" RELRO"_s);
    if (hardening.value(u"nx"_s).toBool()) {
        mitigations.append(u"NX"_s);
    }
    if (hardening.value(u"pie"_s).toBool()) {
        mitigations.append(u"PIE"_s);
    }
    if (hardening.value(u"canary"_s).toBool()) {
        mitigations.append(u"stack protector"_s);
    }
    if (hardening.value(u"fortify"_s).toBool()) {
        mitigations.append(u"FORTIFY"_s);
    }
    QStringList lines{
        u"%1-bit %2 %3, %4 linking%5"_s.arg(scalar(elf.value(u"bits"_s)), elf.value(u"machine"_s).toString(),
                                            elf.value(u"type"_s).toString(), elf.value(u"linking"_s).toString(),
                                            elf.value(u"interpreter"_s).toString().isEmpty()
                                                ? QString()
                                                : u", interpreter "_s + elf.value(u"interpreter"_s).toString())};
    if (!elf.value(u"needed"_s).toArray().isEmpty()) {
        lines.append(u"needs "_s + scalar(elf.value(u"needed"_s)));
    }
    for (const QString &key : {u"rpath"_s, u"runpath"_s}) {
        if (!elf.value(key).toArray().isEmpty()) {
            lines.append(key.toUpper() + u' ' + scalar(elf.value(key)));
        }
    }
    lines.append(u"hardening: "_s + mitigations.join(u", "));
    return lines;
}

QStringList goLines(const QJsonObject &go)
{
    if (go.contains(u"error"_s)) {
        return {u"Go program; build information unreadable: "_s + go.value(u"error"_s).toString()};
    }
    const QJsonObject module = go.value(u"main_module"_s).toObject();
    if (module.value(u"path"_s).toString().isEmpty()) {
        return {u"%1, package %2, no module information (built outside module mode)"_s.arg(
            go.value(u"go_version"_s).toString(), go.value(u"main_package"_s).toString())};
    }
    return {u"%1, module %2 %3, %4 dependencies"_s
                .arg(go.value(u"go_version"_s).toString(), module.value(u"path"_s).toString(),
                     module.value(u"version"_s).toString())
                .arg(go.value(u"dependencies"_s).toArray().size())};
}

QStringList catalogLines(const QJsonObject &catalog)
{
    QStringList lines;
    for (const QJsonValue &value : catalog.value(u"matches"_s).toArray()) {
        const QJsonObject match = value.toObject();
        lines.append(u"%1 (%2), recognised by %3"_s.arg(match.value(u"name"_s).toString(),
                                                        match.value(u"id"_s).toString(),
                                                        scalar(match.value(u"matched_by"_s)).replace(u'_', u' ')));
        for (const QJsonValue &note : match.value(u"notes"_s).toArray()) {
            lines.append(u"note: "_s + note.toObject().value(u"text"_s).toString());
        }
        const QJsonArray differs = match.value(u"evidence_not_in_catalog"_s).toArray();
        if (!differs.isEmpty()) {
            lines.append(u"the evidence also shows, the catalog does not: "_s + scalar(differs));
        }
    }
    return lines;
}

// "all (41)", "none" or the names: full sets are common (root) and long.
QString capabilitySet(const QJsonValue &names)
{
    const QJsonArray array = names.toArray();
    if (array.isEmpty()) {
        return u"none"_s;
    }
    // Say what is missing when nearly everything is there (a container's root may lack a few).
    QStringList missing;
    for (const CapabilityInfo &info : capabilityTable()) {
        if (!array.contains(QJsonValue(QString::fromLatin1(info.name)))) {
            missing.append(QString::fromLatin1(info.name));
        }
    }
    if (missing.isEmpty()) {
        return u"all (%1)"_s.arg(array.size());
    }
    if (missing.size() <= 3) {
        return u"all but %1 (%2)"_s.arg(missing.join(u", ")).arg(array.size());
    }
    return scalar(array);
}

// Group lists are objects {"gid", "name", ...}: show the names.
QString names(const QJsonValue &list)
{
    QStringList result;
    for (const QJsonValue &item : list.toArray()) {
        result.append(item.isObject() ? item.toObject().value(u"name"_s).toString() : scalar(item));
    }
    return result.isEmpty() ? u"-"_s : result.join(u", ");
}

QStringList processLines(const QJsonObject &process)
{
    const QJsonObject uid = process.value(u"uid"_s).toObject();
    const QJsonObject caps = process.value(u"capabilities"_s).toObject();
    QStringList lines{
        u"PID %1 (%2), %3"_s.arg(scalar(process.value(u"pid"_s)), process.value(u"name"_s).toString(),
                                 process.value(u"executable"_s).toString() +
                                     (process.value(u"executable_deleted"_s).toBool() ? u" (deleted)"_s : QString())),
        u"user %1 (uid %2, effective %3), group %4, supplementary groups %5"_s.arg(
            process.value(u"user"_s).toString(), scalar(uid.value(u"real"_s)), scalar(uid.value(u"effective"_s)),
            process.value(u"group"_s).toString(), names(process.value(u"groups"_s))),
        u"capabilities: effective %1; permitted %2; ambient %3; bounding %4"_s.arg(
            capabilitySet(caps.value(u"effective"_s)), capabilitySet(caps.value(u"permitted"_s)),
            capabilitySet(caps.value(u"ambient"_s)), capabilitySet(caps.value(u"bounding"_s))),
        u"no_new_privs %1, seccomp %2"_s.arg(scalar(process.value(u"no_new_privs"_s)),
                                             scalar(process.value(u"seccomp"_s))),
    };
    if (!process.value(u"unit"_s).toString().isEmpty()) {
        lines.append(u"unit %1 (%2 manager), cgroup %3"_s.arg(process.value(u"unit"_s).toString(),
                                                              process.value(u"unit_manager"_s).toString(),
                                                              process.value(u"cgroup"_s).toString()));
    }
    return lines;
}

QStringList unitLines(const QJsonObject &unit)
{
    const QJsonValue execValue = unit.value(u"exec_start"_s);
    const QJsonObject exec = execValue.isArray() ? execValue.toArray().first().toObject() : execValue.toObject();
    QStringList sandbox;
    for (const auto &[key, label] :
         {std::pair{u"protect_system"_s, u"ProtectSystem="_s}, std::pair{u"protect_home"_s, u"ProtectHome="_s},
          std::pair{u"private_tmp"_s, u"PrivateTmp="_s}, std::pair{u"private_devices"_s, u"PrivateDevices="_s},
          std::pair{u"private_network"_s, u"PrivateNetwork="_s},
          std::pair{u"restrict_address_families"_s, u"RestrictAddressFamilies="_s}}) {
        const QString value = scalar(unit.value(key));
        if (!value.isEmpty() && value != u"-" && value != u"no") {
            sandbox.append(label + value);
        }
    }
    const QJsonObject filter = unit.value(u"system_call_filter"_s).toObject();
    if (filter.value(u"entries"_s).toInt() > 0) {
        sandbox.append(u"SystemCallFilter= (%1 %2 entries)"_s.arg(filter.value(u"mode"_s).toString())
                           .arg(filter.value(u"entries"_s).toInt()));
    }
    return {
        u"%1: %2, %3 (%4)"_s.arg(unit.value(u"id"_s).toString(), unit.value(u"load_state"_s).toString(),
                                 unit.value(u"active_state"_s).toString(), unit.value(u"sub_state"_s).toString()),
        u"ExecStart=%1"_s.arg(exec.value(u"arguments"_s).toString()),
        u"User=%1 Group=%2 SupplementaryGroups=%3 DynamicUser=%4%5"_s.arg(
            scalar(unit.value(u"user"_s)), scalar(unit.value(u"group"_s)), names(unit.value(u"supplementary_groups"_s)),
            scalar(unit.value(u"dynamic_user"_s)),
            unit.value(u"starts_as_root"_s).toBool() ? u" (but it starts as root)"_s : QString()),
        u"AmbientCapabilities=%1 CapabilityBoundingSet=%2 NoNewPrivileges=%3"_s.arg(
            scalar(unit.value(u"ambient_capabilities"_s)),
            unit.value(u"capability_bounding_set_full"_s).toBool() ? u"(all)"_s
                                                                   : scalar(unit.value(u"capability_bounding_set"_s)),
            scalar(unit.value(u"no_new_privileges"_s))),
        u"sandbox: "_s + (sandbox.isEmpty() ? u"none"_s : sandbox.join(u' ')),
        u"file "_s + unit.value(u"fragment_path"_s).toString(),
    };
}

QString reasonsText(const QList<Reason> &reasons)
{
    QString text;
    for (const Reason &reason : reasons) {
        text += u"\n      "_s + reason.source + u": "_s + oneLine(reason.text);
        if (!reason.condition.isEmpty()) {
            text += u"\n        only when "_s + oneLine(reason.condition);
        }
    }
    return text;
}

} // namespace

QString toText(const InspectionReport &report)
{
    // The answer first: is this a problem at all? Then the evidence behind it.
    QString out = verdictOf(report).text + u"\n\n"_s;
    const QJsonObject target = report.target;
    const QString kind = target.value(u"kind"_s).toString();
    out += u"Inspection of "_s + kind + u' ' +
           oneLine(scalar(target.value(kind == u"process" ? u"pid"_s
                                       : kind == u"unit"  ? u"unit"_s
                                                          : u"path"_s))) +
           u"\n"_s;

    // The lines are written from each section's JSON, so that the text shows what --json does.
    if (report.file) {
        section(out, u"file"_s, fileLines(toJson(*report.file)));
    }
    if (report.script) {
        section(out, u"script"_s, {u"interpreter "_s + report.script->interpreter + u' ' + report.script->argument});
    }
    if (report.elf) {
        section(out, u"elf"_s, elfLines(toJson(*report.elf)));
    }
    if (report.go) {
        section(out, u"go"_s, goLines(toJson(*report.go)));
    }
    if (report.unit) {
        section(out, u"unit"_s, unitLines(toJson(*report.unit)));
    }
    if (report.process) {
        section(out, u"process"_s, processLines(toJson(*report.process)));
    }
    if (report.catalog) {
        section(out, u"catalog"_s, catalogLines(toJson(*report.catalog)));
    }
    if (report.callers) {
        // Who starts it besides a unit: sudoers rules and cron entries.
        QStringList lines;
        for (const Caller &caller : report.callers->callers) {
            const QString shownArguments = caller.anyArguments ? u"any arguments"_s
                                           : caller.arguments.isEmpty()
                                               ? u"no arguments"_s
                                               : u"arguments "_s + joinCommandLine(caller.arguments);
            lines << (caller.kind == Caller::Kind::Sudo
                          ? u"sudo: %1 may run it as %2 with %3 (%4)"_s.arg(caller.user, caller.runAs, shownArguments,
                                                                            caller.source)
                          : u"cron: %1 runs it at %2 with %3 (%4)"_s.arg(caller.user, caller.cronSchedule,
                                                                         shownArguments, caller.source));
        }
        for (const QString &path : report.callers->unreadable) {
            lines << u"%1 could not be read: run as root to see its rules"_s.arg(path);
        }
        for (QString &line : lines) {
            line = oneLine(line);
        }
        section(out, u"started by"_s, lines);
    }

    out += u"\nNeeds\n"_s;
    const Needs &needs = report.needs;
    bool any = false;
    for (const CapabilityNeed &need : needs.capabilities) {
        const auto info = capabilityByNumber(need.capability);
        out += u"  "_s + (info ? QString::fromLatin1(info->name) : u"cap_%1"_s.arg(need.capability));
        if (info) {
            out += u" (%1): %2"_s.arg(capabilityRiskId(info->risk),
                                      QCoreApplication::translate("Deroot::Core::Capability", info->summary));
        }
        out += reasonsText(need.reasons) + u'\n';
        any = true;
    }
    for (const PortNeed &port : needs.listenPorts) {
        out += u"  listens on %1/%2"_s.arg(port.protocol).arg(port.port) +
               (port.address.isEmpty() ? QString() : u" at "_s + port.address) + reasonsText(port.reasons) + u'\n';
        any = true;
    }
    const auto named = [&](const QString &label, const QList<NamedNeed> &list) {
        for (const NamedNeed &need : list) {
            out += u"  "_s + label + u' ' + oneLine(need.name) +
                   (need.rootEquivalent ? u" (root-equivalent)"_s : QString()) + reasonsText(need.reasons) + u'\n';
            any = true;
        }
    };
    named(u"runs command"_s, needs.commands);
    named(u"reads"_s, needs.readPaths);
    named(u"writes"_s, needs.writePaths);
    named(u"address family"_s, needs.addressFamilies);
    named(u"device"_s, needs.devices);
    named(u"group"_s, needs.groups);
    if (!any) {
        out += u"  nothing beyond an ordinary user's rights was found\n"_s;
    }
    // Not privileges, so they do not count as "any": what the program needs on its command line.
    named(u"starts as non-root with"_s, needs.nonRootArguments);
    named(u"stays in the foreground with"_s, needs.foregroundArguments);

    QList<Finding> findings = report.findings;
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding &a, const Finding &b) { return a.severity > b.severity; });
    out += u"\nFindings\n"_s;
    if (findings.isEmpty()) {
        out += u"  none\n"_s;
    }
    for (const Finding &finding : findings) {
        out += u"  [%1] %2: %3\n"_s.arg(severityId(finding.severity), finding.id, oneLine(finding.message));
        for (const QString &evidence : finding.evidence) {
            out += u"      "_s + oneLine(evidence) + u'\n';
        }
    }
    return out;
}

} // namespace Deroot::Core
