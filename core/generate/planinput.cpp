// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/generate/planinput.h"

#include "core/base/text.h"
#include "core/model/capabilities.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// Bounds on what a plan may hold: generous for any real agent, small enough that no request can
// make the helper generate or compare unbounded text.
constexpr qsizetype kMaxString = 4096;
constexpr qsizetype kMaxList = 64;
constexpr qsizetype kMaxArguments = 128;

Error refused(const QString &message)
{
    return Error{ExitCode::Refused, message};
}

QJsonArray stringArray(const QStringList &values)
{
    QJsonArray array;
    for (const QString &value : values) {
        array.append(value);
    }
    return array;
}

// One JSON object read with a closed set of keys, all required: a plan written by this version has
// every one of them, so a missing key is as suspicious as an unknown one.
class Reader
{
public:
    Reader(const QJsonObject &object, QString where)
        : m_object(object)
        , m_where(std::move(where))
    {}

    std::optional<Error> onlyKeys(const QStringList &keys) const
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!keys.contains(it.key())) {
                return refused(u"plan.json: %1 has the unknown key %2"_s.arg(m_where, quoted(it.key().left(64))));
            }
        }
        for (const QString &key : keys) {
            if (!m_object.contains(key)) {
                return refused(u"plan.json: %1 lacks %2"_s.arg(m_where, quoted(key)));
            }
        }
        return std::nullopt;
    }

    QString field(const QString &key) const { return m_where + u'.' + key; }

    Result<QString> string(const QString &key, qsizetype maximum = kMaxString) const
    {
        return stringValue(m_object.value(key), field(key), maximum);
    }

    Result<bool> boolean(const QString &key) const
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isBool()) {
            return refused(u"plan.json: %1 must be true or false"_s.arg(field(key)));
        }
        return value.toBool();
    }

    Result<int> integer(const QString &key, int minimum, int maximum) const
    {
        return integerValue(m_object.value(key), field(key), minimum, maximum);
    }

    Result<QJsonArray> array(const QString &key, qsizetype maximum = kMaxList) const
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isArray()) {
            return refused(u"plan.json: %1 must be an array"_s.arg(field(key)));
        }
        if (value.toArray().size() > maximum) {
            return refused(u"plan.json: %1 has %2 entries, more than the %3 a plan may have"_s.arg(field(key))
                               .arg(value.toArray().size())
                               .arg(maximum));
        }
        return value.toArray();
    }

    Result<QStringList> strings(const QString &key, qsizetype maximum = kMaxList) const
    {
        const auto values = array(key, maximum);
        if (!values) {
            return values.error();
        }
        QStringList result;
        for (qsizetype i = 0; i < values->size(); ++i) {
            const auto text = stringValue(values->at(i), u"%1[%2]"_s.arg(field(key)).arg(i), kMaxString);
            if (!text) {
                return text.error();
            }
            result << *text;
        }
        return result;
    }

    Result<QJsonObject> object(const QString &key) const
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isObject()) {
            return refused(u"plan.json: %1 must be an object"_s.arg(field(key)));
        }
        return value.toObject();
    }

    static Result<QString> stringValue(const QJsonValue &value, const QString &where, qsizetype maximum)
    {
        if (!value.isString()) {
            return refused(u"plan.json: %1 must be a string"_s.arg(where));
        }
        const QString text = value.toString();
        if (text.size() > maximum) {
            return refused(
                u"plan.json: %1 is %2 characters long, more than %3"_s.arg(where).arg(text.size()).arg(maximum));
        }
        return text;
    }

    static Result<int> integerValue(const QJsonValue &value, const QString &where, int minimum, int maximum)
    {
        // JSON numbers are doubles: 80.5 or 1e300 is not a port. The range is checked before the
        // conversion to an integer, which is undefined behaviour for a double outside the
        // integer's range (1e300: found by the plan fuzzer's UBSan); NaN fails the range too.
        const double number = value.toDouble(-1.0);
        if (!value.isDouble() || !(number >= minimum && number <= maximum) || number != double(int(number))) {
            return refused(
                u"plan.json: %1 must be a whole number from %2 to %3"_s.arg(where).arg(minimum).arg(maximum));
        }
        return int(number);
    }

private:
    QJsonObject m_object;
    QString m_where;
};

// Each Result<T> read below either fills its target or returns its error from the function.
#define DEROOT_READ(target, expression)                                                                                \
    do {                                                                                                               \
        auto value_ = (expression);                                                                                    \
        if (!value_) {                                                                                                 \
            return value_.error();                                                                                     \
        }                                                                                                              \
        (target) = *value_;                                                                                            \
    } while (false)

Result<Method> methodFromId(const QString &id, const QString &where)
{
    for (const Method method : {Method::Sudo, Method::Capabilities, Method::Container}) {
        if (methodId(method) == id) {
            return method;
        }
    }
    return refused(u"plan.json: %1 is %2, none of sudo, caps, container"_s.arg(where, quoted(id.left(64))));
}

Result<StartMode> startModeFromId(const QString &id, const QString &where)
{
    for (const StartMode mode : {StartMode::Service, StartMode::Scheduled, StartMode::CalledBy}) {
        if (startModeId(mode) == id) {
            return mode;
        }
    }
    return refused(u"plan.json: %1 is %2, none of service, scheduled, called_by"_s.arg(where, quoted(id.left(64))));
}

} // namespace

QString startModeId(StartMode mode)
{
    switch (mode) {
    case StartMode::Service:
        break;
    case StartMode::Scheduled:
        return u"scheduled"_s;
    case StartMode::CalledBy:
        return u"called_by"_s;
    }
    return u"service"_s;
}

QJsonObject generationInputToJson(const GenerationInput &input)
{
    QJsonArray capabilities;
    for (const int number : input.capabilities) {
        const auto info = capabilityByNumber(number);
        capabilities.append(info ? QString::fromLatin1(info->name) : u"cap_%1"_s.arg(number));
    }
    QJsonArray sudoCommands;
    for (const SudoCommand &command : input.sudoCommands) {
        sudoCommands.append(QJsonObject{{u"path"_s, command.path},
                                        {u"arguments"_s, stringArray(command.arguments)},
                                        {u"noexec"_s, command.noexec},
                                        {u"arguments_unknown"_s, command.argumentsUnknown}});
    }
    QJsonArray ports;
    for (const ListenPort &port : input.listenPorts) {
        ports.append(QJsonObject{{u"protocol"_s, port.protocol}, {u"port"_s, port.port}});
    }
    QJsonObject json{
        {u"method"_s, methodId(input.method)},
        {u"agent"_s, input.agentId},
        {u"catalog_id"_s, input.catalogId},
        {u"description"_s, input.description},
        {u"service_user"_s, input.serviceUser},
        {u"service_group"_s, input.serviceGroup},
        {u"supplementary_groups"_s, stringArray(input.supplementaryGroups)},
        {u"program"_s, QJsonObject{{u"path"_s, input.executable},
                                   {u"sha256"_s, input.executableSha256},
                                   {u"is_script"_s, input.executableIsScript},
                                   {u"package"_s, input.packageName},
                                   {u"arguments"_s, stringArray(input.arguments)},
                                   {u"environment"_s, stringArray(input.environment)},
                                   {u"environment_files"_s, stringArray(input.environmentFiles)}}},
        {u"start"_s, QJsonObject{{u"mode"_s, startModeId(input.startMode)},
                                 {u"caller_user"_s, input.callerUser},
                                 {u"schedule"_s, input.schedule}}},
        {u"unit"_s, QJsonObject{{u"existing"_s, input.existingUnit},
                                {u"vendor_exec_start"_s, input.vendorExecStart},
                                {u"runs_under_systemd"_s, input.runsUnderSystemd},
                                {u"replaces"_s, input.replacesUnit}}},
        {u"capabilities"_s, capabilities},
        {u"sudo_commands"_s, sudoCommands},
        {u"read_paths"_s, stringArray(input.readPaths)},
        {u"write_paths"_s, stringArray(input.writePaths)},
        {u"devices"_s, stringArray(input.devices)},
        {u"address_families"_s, stringArray(input.addressFamilies)},
        {u"listen_ports"_s, ports},
        {u"limits"_s, QJsonObject{{u"enabled"_s, input.limits.enabled},
                                  {u"cpu_quota_percent"_s, input.limits.cpuQuotaPercent},
                                  {u"memory_max_mib"_s, input.limits.memoryMaxMiB},
                                  {u"tasks_max"_s, input.limits.tasksMax}}},
        {u"jit_runtime"_s, input.jitRuntime},
        {u"container_image"_s, input.containerImage},
    };
    // Written for container plans only, so that the plan.json of every other method stays byte for
    // byte what it was before the key existed (the helper compares bytes, the journal keeps plans).
    if (input.method == Method::Container) {
        json.insert(u"container_host"_s, QJsonObject{{u"network"_s, input.containerHost.network},
                                                     {u"pid"_s, input.containerHost.pid},
                                                     {u"root"_s, input.containerHost.root},
                                                     {u"arguments"_s, stringArray(input.containerHost.arguments)}});
    }
    return json;
}

Result<GenerationInput> generationInputFromJson(const QJsonObject &object)
{
    GenerationInput input;
    const Reader root(object, u"input"_s);
    // container_host came later than the rest: a plan written before it has none, which means no
    // host access (the container sees only itself).
    const bool hasContainerHost = object.contains(u"container_host"_s);
    if (auto error = root.onlyKeys(QStringList{u"method"_s,
                                               u"agent"_s,
                                               u"catalog_id"_s,
                                               u"description"_s,
                                               u"service_user"_s,
                                               u"service_group"_s,
                                               u"supplementary_groups"_s,
                                               u"program"_s,
                                               u"start"_s,
                                               u"unit"_s,
                                               u"capabilities"_s,
                                               u"sudo_commands"_s,
                                               u"read_paths"_s,
                                               u"write_paths"_s,
                                               u"devices"_s,
                                               u"address_families"_s,
                                               u"listen_ports"_s,
                                               u"limits"_s,
                                               u"jit_runtime"_s,
                                               u"container_image"_s} +
                                   (hasContainerHost ? QStringList{u"container_host"_s} : QStringList()))) {
        return *error;
    }
    QString method;
    DEROOT_READ(method, root.string(u"method"_s, 16));
    DEROOT_READ(input.method, methodFromId(method, root.field(u"method"_s)));
    DEROOT_READ(input.agentId, root.string(u"agent"_s, 64));
    DEROOT_READ(input.catalogId, root.string(u"catalog_id"_s, 64));
    DEROOT_READ(input.description, root.string(u"description"_s, 256));
    DEROOT_READ(input.serviceUser, root.string(u"service_user"_s, 64));
    DEROOT_READ(input.serviceGroup, root.string(u"service_group"_s, 64));
    DEROOT_READ(input.supplementaryGroups, root.strings(u"supplementary_groups"_s));

    QJsonObject programObject;
    DEROOT_READ(programObject, root.object(u"program"_s));
    const Reader program(programObject, u"input.program"_s);
    if (auto error = program.onlyKeys({u"path"_s, u"sha256"_s, u"is_script"_s, u"package"_s, u"arguments"_s,
                                       u"environment"_s, u"environment_files"_s})) {
        return *error;
    }
    DEROOT_READ(input.executable, program.string(u"path"_s));
    DEROOT_READ(input.executableSha256, program.string(u"sha256"_s, 64));
    DEROOT_READ(input.executableIsScript, program.boolean(u"is_script"_s));
    DEROOT_READ(input.packageName, program.string(u"package"_s, 128));
    DEROOT_READ(input.arguments, program.strings(u"arguments"_s, kMaxArguments));
    DEROOT_READ(input.environment, program.strings(u"environment"_s));
    DEROOT_READ(input.environmentFiles, program.strings(u"environment_files"_s));

    QJsonObject startObject;
    DEROOT_READ(startObject, root.object(u"start"_s));
    const Reader start(startObject, u"input.start"_s);
    if (auto error = start.onlyKeys({u"mode"_s, u"caller_user"_s, u"schedule"_s})) {
        return *error;
    }
    QString mode;
    DEROOT_READ(mode, start.string(u"mode"_s, 16));
    DEROOT_READ(input.startMode, startModeFromId(mode, start.field(u"mode"_s)));
    DEROOT_READ(input.callerUser, start.string(u"caller_user"_s, 64));
    DEROOT_READ(input.schedule, start.string(u"schedule"_s, 128));

    QJsonObject unitObject;
    DEROOT_READ(unitObject, root.object(u"unit"_s));
    const Reader unit(unitObject, u"input.unit"_s);
    if (auto error = unit.onlyKeys({u"existing"_s, u"vendor_exec_start"_s, u"runs_under_systemd"_s, u"replaces"_s})) {
        return *error;
    }
    DEROOT_READ(input.existingUnit, unit.string(u"existing"_s, 256));
    DEROOT_READ(input.vendorExecStart, unit.string(u"vendor_exec_start"_s));
    DEROOT_READ(input.runsUnderSystemd, unit.boolean(u"runs_under_systemd"_s));
    DEROOT_READ(input.replacesUnit, unit.string(u"replaces"_s, 256));

    QStringList capabilityNames;
    DEROOT_READ(capabilityNames, root.strings(u"capabilities"_s));
    for (qsizetype i = 0; i < capabilityNames.size(); ++i) {
        const QString &name = capabilityNames.at(i);
        const auto info = capabilityByName(name);
        // Only the canonical spelling: "cap_net_raw" would read back as "CAP_NET_RAW", and the
        // regenerated plan.json would differ from the one the admin approved for no visible reason.
        if (!info || QString::fromLatin1(info->name) != name) {
            return refused(u"plan.json: input.capabilities[%1] is %2, not a capability this version knows "
                           u"(CAP_..., upper case)"_s.arg(i)
                               .arg(quoted(name.left(64))));
        }
        if (input.capabilities.contains(info->number)) {
            return refused(u"plan.json: input.capabilities names %1 twice"_s.arg(name));
        }
        input.capabilities << info->number;
    }

    QJsonArray commands;
    DEROOT_READ(commands, root.array(u"sudo_commands"_s));
    for (qsizetype i = 0; i < commands.size(); ++i) {
        const QString where = u"input.sudo_commands[%1]"_s.arg(i);
        if (!commands.at(i).isObject()) {
            return refused(u"plan.json: %1 must be an object"_s.arg(where));
        }
        const Reader reader(commands.at(i).toObject(), where);
        if (auto error = reader.onlyKeys({u"path"_s, u"arguments"_s, u"noexec"_s, u"arguments_unknown"_s})) {
            return *error;
        }
        SudoCommand command;
        DEROOT_READ(command.path, reader.string(u"path"_s));
        DEROOT_READ(command.arguments, reader.strings(u"arguments"_s, kMaxArguments));
        DEROOT_READ(command.noexec, reader.boolean(u"noexec"_s));
        DEROOT_READ(command.argumentsUnknown, reader.boolean(u"arguments_unknown"_s));
        input.sudoCommands << command;
    }
    DEROOT_READ(input.readPaths, root.strings(u"read_paths"_s));
    DEROOT_READ(input.writePaths, root.strings(u"write_paths"_s));
    DEROOT_READ(input.devices, root.strings(u"devices"_s));
    DEROOT_READ(input.addressFamilies, root.strings(u"address_families"_s));

    QJsonArray ports;
    DEROOT_READ(ports, root.array(u"listen_ports"_s));
    for (qsizetype i = 0; i < ports.size(); ++i) {
        const QString where = u"input.listen_ports[%1]"_s.arg(i);
        if (!ports.at(i).isObject()) {
            return refused(u"plan.json: %1 must be an object"_s.arg(where));
        }
        const Reader reader(ports.at(i).toObject(), where);
        if (auto error = reader.onlyKeys({u"protocol"_s, u"port"_s})) {
            return *error;
        }
        ListenPort port;
        DEROOT_READ(port.protocol, reader.string(u"protocol"_s, 8));
        DEROOT_READ(port.port, reader.integer(u"port"_s, 1, 65535));
        input.listenPorts << port;
    }

    QJsonObject limitsObject;
    DEROOT_READ(limitsObject, root.object(u"limits"_s));
    const Reader limits(limitsObject, u"input.limits"_s);
    if (auto error = limits.onlyKeys({u"enabled"_s, u"cpu_quota_percent"_s, u"memory_max_mib"_s, u"tasks_max"_s})) {
        return *error;
    }
    DEROOT_READ(input.limits.enabled, limits.boolean(u"enabled"_s));
    DEROOT_READ(input.limits.cpuQuotaPercent, limits.integer(u"cpu_quota_percent"_s, 0, 100 * 1024));
    DEROOT_READ(input.limits.memoryMaxMiB, limits.integer(u"memory_max_mib"_s, 0, 16 * 1024 * 1024));
    DEROOT_READ(input.limits.tasksMax, limits.integer(u"tasks_max"_s, 0, 4 * 1024 * 1024));
    DEROOT_READ(input.jitRuntime, root.boolean(u"jit_runtime"_s));
    DEROOT_READ(input.containerImage, root.string(u"container_image"_s, 256));
    if (hasContainerHost) {
        QJsonObject hostObject;
        DEROOT_READ(hostObject, root.object(u"container_host"_s));
        const Reader host(hostObject, u"input.container_host"_s);
        if (auto error = host.onlyKeys({u"network"_s, u"pid"_s, u"root"_s, u"arguments"_s})) {
            return *error;
        }
        DEROOT_READ(input.containerHost.network, host.boolean(u"network"_s));
        DEROOT_READ(input.containerHost.pid, host.boolean(u"pid"_s));
        DEROOT_READ(input.containerHost.root, host.boolean(u"root"_s));
        DEROOT_READ(input.containerHost.arguments, host.strings(u"arguments"_s, kMaxArguments));
    }
    return input;
}

#undef DEROOT_READ

} // namespace Deroot::Core
