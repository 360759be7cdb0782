// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/reportsections.h"

#include "core/model/capabilities.h"

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue numberOrNull(const std::optional<int> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonArray capabilityList(std::uint64_t mask)
{
    return QJsonArray::fromStringList(capabilityNames(mask));
}

QJsonValue yesNoOrText(const QString &value)
{
    if (value == u"yes") {
        return true;
    }
    if (value == u"no") {
        return false;
    }
    return textOrNull(value);
}

QJsonObject idsJson(const ProcessIds &ids)
{
    return {{u"real"_s, ids.real},
            {u"effective"_s, ids.effective},
            {u"saved"_s, ids.saved},
            {u"filesystem"_s, ids.filesystem}};
}

QJsonObject socketJson(const ProcessSocket &socket)
{
    if (socket.protocol == u"packet") {
        return {{u"protocol"_s, socket.protocol},
                {u"family"_s, socket.family},
                {u"type"_s, socket.type},
                {u"ethernet_protocol"_s, socket.ethernetProtocol},
                {u"inode"_s, QString::number(socket.inode)},
                {u"fd"_s, socket.fd}};
    }
    return {{u"protocol"_s, socket.protocol},
            {u"family"_s, socket.family},
            {u"address"_s, socket.address},
            {u"port"_s, socket.port},
            {u"state"_s, textOrNull(socket.state)},
            {u"inode"_s, QString::number(socket.inode)},
            {u"fd"_s, socket.fd}};
}

} // namespace

QJsonObject toJson(const FileSection &file)
{
    QJsonObject json{
        {u"path"_s, file.path},       {u"canonical_path"_s, file.canonicalPath},
        {u"symlink"_s, file.symlink}, {u"size"_s, file.size},
        {u"owner"_s, file.owner},     {u"group"_s, file.group},
        {u"uid"_s, file.uid},         {u"gid"_s, file.gid},
        {u"mode"_s, file.mode},       {u"setuid"_s, file.setuid},
        {u"setgid"_s, file.setgid},   {u"sha256"_s, file.sha256},
        {u"package"_s, file.package},
    };
    if (!file.pathHex.isEmpty()) {
        json.insert(u"path_hex"_s, file.pathHex);
    }
    if (const auto &caps = file.capabilities) {
        json.insert(u"capabilities"_s,
                    QJsonObject{{u"text"_s, caps->text},
                                {u"permitted"_s, QJsonArray::fromStringList(capabilityNames(caps->permitted))},
                                {u"inheritable"_s, QJsonArray::fromStringList(capabilityNames(caps->inheritable))},
                                {u"effective"_s, caps->effective},
                                {u"rootid"_s, caps->rootId ? QJsonValue(qint64(*caps->rootId)) : QJsonValue()}});
    } else {
        json.insert(u"capabilities"_s, QJsonValue::Null);
    }
    return json;
}

QJsonObject toJson(const ScriptSection &script)
{
    return {{u"interpreter"_s, script.interpreter}, {u"argument"_s, script.argument}};
}

QString GoSection::mainModule() const
{
    if (!buildInfo) {
        return {};
    }
    return buildInfo->mainModule.path.isEmpty() ? buildInfo->mainPackage : buildInfo->mainModule.path;
}

QJsonObject toJson(const GoSection &go)
{
    return go.buildInfo ? toJson(*go.buildInfo) : QJsonObject{{u"error"_s, go.error}};
}

QString KernelSettings::pingGroupRangeText() const
{
    return pingGroupRange ? u"%1 %2"_s.arg(pingGroupRange->first).arg(pingGroupRange->second) : QString();
}

QJsonObject toJson(const KernelSettings &kernel)
{
    return {
        {u"net.ipv4.ping_group_range"_s, textOrNull(kernel.pingGroupRangeText())},
        {u"net.ipv4.ip_unprivileged_port_start"_s, numberOrNull(kernel.unprivilegedPortStart)},
        {u"kernel.perf_event_paranoid"_s, numberOrNull(kernel.perfEventParanoid)},
        {u"kernel.dmesg_restrict"_s, numberOrNull(kernel.dmesgRestrict)},
        {u"kernel.unprivileged_bpf_disabled"_s, numberOrNull(kernel.unprivilegedBpf)},
        {u"kernel.yama.ptrace_scope"_s, numberOrNull(kernel.yamaPtraceScope)},
    };
}

QJsonObject toJson(const CatalogContainer &container)
{
    QStringList host;
    if (container.hostNetwork) {
        host << u"network"_s;
    }
    if (container.hostPid) {
        host << u"pid"_s;
    }
    if (container.hostRoot) {
        host << u"root"_s;
    }
    return {{u"image"_s, container.image},
            {u"host"_s, QJsonArray::fromStringList(host)},
            {u"arguments"_s, QJsonArray::fromStringList(container.arguments)},
            {u"why"_s, container.why},
            {u"unsuitable"_s, container.unsuitable},
            {u"source"_s, container.source}};
}

QJsonObject toJson(const CatalogSection &catalog)
{
    QJsonArray matches;
    for (const CatalogMatchSection &match : catalog.matches) {
        QJsonArray notes;
        for (const CatalogMatchSection::Note &note : match.notes) {
            notes.append(QJsonObject{{u"text"_s, note.text}, {u"source"_s, note.source}});
        }
        matches.append(
            QJsonObject{{u"id"_s, match.id},
                        {u"name"_s, match.name},
                        {u"description"_s, match.description},
                        {u"matched_by"_s, QJsonArray::fromStringList(match.matchedBy)},
                        {u"notes"_s, notes},
                        {u"sources"_s, QJsonArray::fromStringList(match.sources)},
                        {u"debian_grants"_s, match.debianGrants},
                        {u"started"_s, match.started},
                        {u"container"_s, match.container ? QJsonValue(toJson(*match.container)) : QJsonValue()},
                        {u"evidence_not_in_catalog"_s, QJsonArray::fromStringList(match.evidenceNotInCatalog)}});
    }
    return {{u"matches"_s, matches}};
}

QJsonObject toJson(const UnitSection &unit)
{
    QJsonArray exec;
    for (const UnitExecCommand &command : unit.execStart) {
        exec.append(QJsonObject{{u"path"_s, command.path},
                                {u"arguments"_s, command.arguments},
                                {u"flags"_s, QJsonArray::fromStringList(command.flags)}});
    }
    QJsonObject json{
        {u"id"_s, unit.id},
        {u"load_state"_s, unit.loadState},
        {u"active_state"_s, textOrNull(unit.activeState)},
        {u"sub_state"_s, textOrNull(unit.subState)},
        {u"type"_s, textOrNull(unit.type)},
        {u"fragment_path"_s, textOrNull(unit.fragmentPath)},
        {u"drop_in_paths"_s, QJsonArray::fromStringList(unit.dropInPaths)},
        {u"exec_start"_s, exec},
        {u"user"_s, textOrNull(unit.user)},
        {u"group"_s, textOrNull(unit.group)},
        {u"supplementary_groups"_s, QJsonArray::fromStringList(unit.supplementaryGroups)},
        {u"dynamic_user"_s, unit.dynamicUser},
        {u"runs_as_root"_s, unit.runsAsRoot},
        {u"starts_as_root"_s, unit.startsAsRoot},
        {u"ambient_capabilities"_s, capabilityList(unit.ambientCapabilities)},
        {u"capability_bounding_set"_s, capabilityList(unit.capabilityBoundingSet)},
        {u"capability_bounding_set_full"_s, unit.capabilityBoundingSetFull},
        {u"no_new_privileges"_s, unit.noNewPrivileges},
        {u"no_new_privileges_implied_by"_s, QJsonArray::fromStringList(unit.noNewPrivilegesImpliedBy)},
        {u"protect_system"_s, textOrNull(unit.protectSystem)},
        {u"protect_home"_s, textOrNull(unit.protectHome)},
        {u"private_tmp"_s, yesNoOrText(unit.privateTmp)},
        {u"private_devices"_s, yesNoOrText(unit.privateDevices)},
        {u"private_network"_s, yesNoOrText(unit.privateNetwork)},
        {u"restrict_address_families"_s, textOrNull(unit.restrictAddressFamilies)},
        {u"system_call_filter"_s,
         QJsonObject{{u"mode"_s, unit.systemCallFilterMode}, {u"entries"_s, unit.systemCallFilterEntries}}},
        {u"read_write_paths"_s, QJsonArray::fromStringList(unit.readWritePaths)},
        {u"read_only_paths"_s, QJsonArray::fromStringList(unit.readOnlyPaths)},
        {u"main_pid"_s, numberOrNull(unit.mainPid)},
    };
    if (const auto &settings = unit.fileSettings) {
        json.insert(u"exec_start_line"_s, textOrNull(settings->execStartLine));
        json.insert(u"environment"_s, QJsonArray::fromStringList(settings->environment));
        json.insert(u"environment_files"_s, QJsonArray::fromStringList(settings->environmentFiles));
    }
    return json;
}

QJsonObject toJson(const ProcessSection &process)
{
    QJsonArray groups;
    for (const ProcessGroup &group : process.groups) {
        groups.append(QJsonObject{
            {u"gid"_s, group.gid}, {u"name"_s, textOrNull(group.name)}, {u"root_equivalent"_s, group.rootEquivalent}});
    }
    const ProcessCapabilities &caps = process.capabilities;
    QJsonArray sockets;
    for (const ProcessSocket &socket : process.sockets) {
        sockets.append(socketJson(socket));
    }
    QJsonArray openFiles;
    for (const ProcessOpenFile &file : process.openFiles) {
        openFiles.append(QJsonObject{{u"fd"_s, file.fd},
                                     {u"path"_s, file.path},
                                     {u"deleted"_s, file.deleted},
                                     {u"access"_s, file.access},
                                     {u"type"_s, file.type},
                                     {u"owner"_s, textOrNull(file.owner)},
                                     {u"group"_s, textOrNull(file.group)},
                                     {u"uid"_s, file.uid},
                                     {u"gid"_s, file.gid},
                                     {u"mode"_s, file.mode}});
    }
    return {
        {u"pid"_s, process.pid},
        {u"name"_s, process.name},
        {u"state"_s, QString(process.state)},
        {u"start_time_ticks"_s, QString::number(process.startTimeTicks)},
        {u"executable"_s, textOrNull(process.executable)},
        {u"executable_deleted"_s, process.executableDeleted},
        {u"command_line"_s, QJsonArray::fromStringList(process.commandLine)},
        {u"uid"_s, idsJson(process.uid)},
        {u"user"_s, textOrNull(process.user)},
        {u"effective_user"_s, textOrNull(process.effectiveUser)},
        {u"gid"_s, idsJson(process.gid)},
        {u"group"_s, textOrNull(process.group)},
        {u"groups"_s, groups},
        {u"capabilities"_s,
         QJsonObject{{u"inheritable"_s, capabilityList(caps.inheritable)},
                     {u"permitted"_s, capabilityList(caps.permitted)},
                     {u"effective"_s, capabilityList(caps.effective)},
                     {u"bounding"_s, capabilityList(caps.bounding)},
                     {u"ambient"_s, capabilityList(caps.ambient)},
                     {u"masks"_s, QJsonObject{{u"inheritable"_s, capabilityMaskHex(caps.inheritable)},
                                              {u"permitted"_s, capabilityMaskHex(caps.permitted)},
                                              {u"effective"_s, capabilityMaskHex(caps.effective)},
                                              {u"bounding"_s, capabilityMaskHex(caps.bounding)},
                                              {u"ambient"_s, capabilityMaskHex(caps.ambient)}}}}},
        {u"no_new_privs"_s, process.noNewPrivs ? QJsonValue(*process.noNewPrivs) : QJsonValue()},
        {u"seccomp"_s, textOrNull(process.seccomp)},
        {u"cgroup"_s, textOrNull(process.cgroup)},
        {u"unit"_s, textOrNull(process.unit)},
        {u"unit_manager"_s, textOrNull(process.unitManager)},
        {u"kernel"_s,
         QJsonObject{{u"net.ipv4.ip_unprivileged_port_start"_s, numberOrNull(process.unprivilegedPortStart)},
                     {u"net.ipv4.ping_group_range"_s, textOrNull(process.pingGroupRange)}}},
        {u"sockets"_s, sockets},
        {u"open_files"_s, openFiles},
    };
}

QJsonObject toJson(const ParentUnitSection &parent)
{
    return {{u"unit"_s, parent.unit}, {u"program"_s, parent.program}, {u"user"_s, textOrNull(parent.user)}};
}

QJsonObject toJson(const VendorUnitSection &vendor)
{
    return {{u"id"_s, vendor.id},
            {u"path"_s, vendor.path},
            {u"user"_s, vendor.user},
            {u"exec_start_line"_s, textOrNull(vendor.settings.execStartLine)},
            {u"environment"_s, QJsonArray::fromStringList(vendor.settings.environment)},
            {u"environment_files"_s, QJsonArray::fromStringList(vendor.settings.environmentFiles)}};
}

} // namespace Deroot::Core
