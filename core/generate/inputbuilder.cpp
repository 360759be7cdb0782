// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/generate/inputbuilder.h"

#include "core/generate/systemdunit.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

QStringList unconditionalNames(const QList<NamedNeed> &list)
{
    QStringList names;
    for (const NamedNeed &need : list) {
        if (isUnconditional(need.reasons)) {
            names.append(need.name);
        }
    }
    return names;
}

} // namespace

QString agentIdFrom(QStringView text)
{
    QString id;
    for (const QChar c : text) {
        const QChar lower = c.toLower();
        if ((lower >= u'a' && lower <= u'z') || (lower >= u'0' && lower <= u'9') || lower == u'_' || lower == u'-') {
            id += lower;
        } else if (!id.isEmpty() && !id.endsWith(u'-')) {
            id += u'-';
        }
    }
    while (!id.isEmpty() && !(id.front() >= u'a' && id.front() <= u'z')) {
        id.remove(0, 1);
    }
    id.truncate(31); // also the user name derived from it: systemd allows 31
    while (id.endsWith(u'-')) {
        id.chop(1);
    }
    return id.isEmpty() ? u"agent"_s : id;
}

GenerationInput buildGenerationInput(const InspectionReport &report, Method method)
{
    GenerationInput input;
    input.method = method;
    const QJsonObject file = report.sections.value(u"file"_s).toObject();
    const QJsonObject unit = report.sections.value(u"unit"_s).toObject();
    const QJsonObject process = report.sections.value(u"process"_s).toObject();
    const QJsonArray matches = report.sections.value(u"catalog"_s).toObject().value(u"matches"_s).toArray();
    const QJsonObject match = matches.isEmpty() ? QJsonObject() : matches.first().toObject();

    input.executable = file.value(u"canonical_path"_s).toString();
    input.executableSha256 = file.value(u"sha256"_s).toString();
    input.packageName = file.value(u"package"_s).toString();
    input.executableIsScript = report.sections.contains(u"script"_s);
    const QString programName = input.executable.section(u'/', -1);
    input.agentId = agentIdFrom(match.isEmpty() ? programName : match.value(u"id"_s).toString());
    input.catalogId = match.value(u"id"_s).toString();
    input.description = match.isEmpty() ? programName : match.value(u"name"_s).toString();
    input.description = input.description.left(200);

    // Keep the agent's own unit and its non-root user where it has them: the drop-in then changes
    // only what must change.
    QString unitName = unit.value(u"id"_s).toString();
    if (unitName.isEmpty() && process.value(u"unit"_s).toString().endsWith(u".service")) {
        unitName = process.value(u"unit"_s).toString();
    }
    input.existingUnit = unitName;
    // Only a vendor line for the very program inspected: anything else and Deroot writes its own.
    const QString vendorLine = unit.value(u"exec_start_line"_s).toString();
    if (!unitName.isEmpty() && vendorExecProgram(vendorLine) == input.executable) {
        input.vendorExecStart = vendorLine;
    }
    QString user = unit.value(u"user"_s).toString();
    if (user.isEmpty() || user == u"root" || user == u"-") {
        user = process.value(u"user"_s).toString();
    }
    input.serviceUser = (user.isEmpty() || user == u"root") ? agentIdFrom(input.agentId).replace(u'_', u'-') : user;

    // The arguments the program needs to start under the plan: as a non-root user always; in the
    // foreground only where Deroot's own unit (Type=simple) or a container runs it, since the vendor
    // unit a drop-in keeps already says how the program detaches (Type=forking for chronyd).
    if (input.existingUnit.isEmpty() || method == Method::Container) {
        input.arguments += unconditionalNames(report.needs.foregroundArguments);
    }
    input.arguments += unconditionalNames(report.needs.nonRootArguments);

    for (const CapabilityNeed &need : report.needs.capabilities) {
        if (isUnconditional(need.reasons)) {
            input.capabilities.append(need.capability);
        }
    }
    for (const QString &command : unconditionalNames(report.needs.commands)) {
        const QStringList words = command.split(u' ', Qt::SkipEmptyParts);
        if (!words.isEmpty()) {
            // The catalog's "arguments" is optional: without it the arguments are unknown, which
            // is not the same as none.
            input.sudoCommands.append({words.first(), words.mid(1), true, words.size() == 1});
        }
    }
    for (const NamedNeed &group : report.needs.groups) {
        // Root-equivalent groups are never granted by default: the admin decides.
        if (!group.rootEquivalent && isUnconditional(group.reasons)) {
            input.supplementaryGroups.append(group.name);
        }
    }
    if (method == Method::Sudo && input.sudoCommands.isEmpty() && !input.capabilities.isEmpty() &&
        !input.executableIsScript) {
        // The sudo method gives what the capabilities would give through sudo: the program itself
        // runs as root, with its arguments fixed and NOEXEC, and holds no capability otherwise.
        input.sudoCommands.append({input.executable, input.arguments, true});
        input.capabilities.clear();
    }
    input.readPaths = unconditionalNames(report.needs.readPaths);
    input.writePaths = unconditionalNames(report.needs.writePaths);
    // A catalog's device pattern ("/dev/sd*") names a class, not a node: the admin picks the nodes.
    for (const QString &device : unconditionalNames(report.needs.devices)) {
        if (!device.contains(u'*') && !device.contains(u'?') && !device.contains(u'[')) {
            input.devices.append(device);
        }
    }
    input.addressFamilies = unconditionalNames(report.needs.addressFamilies);
    for (const PortNeed &port : report.needs.listenPorts) {
        if (isUnconditional(port.reasons)) {
            const ListenPort listen{port.protocol, port.port};
            if (std::none_of(input.listenPorts.cbegin(), input.listenPorts.cend(), [&](const ListenPort &p) {
                    return p.protocol == listen.protocol && p.port == listen.port;
                })) {
                input.listenPorts.append(listen);
            }
        }
    }
    return input;
}

} // namespace Deroot::Core
