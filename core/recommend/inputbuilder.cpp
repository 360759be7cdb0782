// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/recommend/inputbuilder.h"

#include "core/generate/inputvalidation.h"

#include "core/base/text.h"
#include "core/generate/systemdunit.h"
#include "core/inspect/inspect.h"

#include <QCoreApplication>
#include <QRegularExpression>

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

QString baseName(const QString &path)
{
    return path.section(u'/', -1);
}

// The vendor line's words after the program: "$ARGS" stays a reference (the unit generator writes
// it as one), the prefixes go.
QStringList vendorArguments(const QString &line)
{
    const QString program = vendorExecProgram(line);
    if (program.isEmpty()) {
        return {};
    }
    return splitCommandLine(line.mid(line.indexOf(program) + program.size()));
}

// The best catalog match, or null.
const CatalogMatchSection *firstMatch(const InspectionReport &report)
{
    return report.catalog && !report.catalog->matches.isEmpty() ? &report.catalog->matches.constFirst() : nullptr;
}

void appendMissing(QStringList &to, const QStringList &words)
{
    for (const QString &word : words) {
        if (!to.contains(word)) {
            to << word;
        }
    }
}

// The argument lists the sudoers rules for @p user allow for the inspected program today, each
// once; none when there is no rule or one allows every argument or a wildcard (nothing exact to
// keep).
QList<QStringList> sudoRuleArguments(const InspectionReport &report, const QString &user)
{
    QList<QStringList> lists;
    const QList<Caller> callers = report.callers ? report.callers->callers : QList<Caller>();
    for (const Caller &caller : callers) {
        if (caller.kind != Caller::Kind::Sudo || caller.user != user) {
            continue;
        }
        if (caller.anyArguments) {
            return {};
        }
        for (const QString &word : caller.arguments) {
            // A sudoers wildcard names a class of calls, not one: nothing exact to keep.
            if (word.contains(QRegularExpression(u"[*?\\[]"_s))) {
                return {};
            }
        }
        if (!lists.contains(caller.arguments)) {
            lists << caller.arguments;
        }
    }
    return lists;
}

} // namespace

DetectedStart detectedStart(const InspectionReport &report)
{
    const QString processUnit = report.process ? report.process->unit : QString();
    if (report.unit && !report.unit->id.isEmpty()) {
        const QString id = report.unit->id;
        return {StartMode::Service,
                id,
                QCoreApplication::translate("Deroot::Core::StartMode", "It runs under %1.").arg(id),
                {},
                {}};
    }
    // Started by another agent's unit: that agent calls it.
    if (const auto &parent = report.parentUnit) {
        DetectedStart called;
        called.mode = StartMode::CalledBy;
        const QString user = parent->user;
        called.callerUser = isValidAccountName(user) ? user : QString();
        called.reason = QCoreApplication::translate("Deroot::Core::StartMode",
                                                    "It runs inside %1, whose agent %2 started it as %3: that agent "
                                                    "calls it.")
                            .arg(parent->unit, parent->program, user.isEmpty() ? u"?"_s : user);
        return called;
    }
    const QString agentUnit = agentUnitName(report);
    if (!agentUnit.isEmpty()) {
        return {
            StartMode::Service,
            agentUnit,
            processUnit == agentUnit
                ? QCoreApplication::translate("Deroot::Core::StartMode", "The process runs under %1.").arg(agentUnit)
                : QCoreApplication::translate("Deroot::Core::StartMode", "Its package ships %1.").arg(agentUnit),
            {},
            {}};
    }
    // Who runs it today besides a unit: a sudoers rule for a user, a cron entry.
    QStringList sudoUsers;
    QStringList sudoSources;
    std::optional<Caller> cron;
    const QList<Caller> callers = report.callers ? report.callers->callers : QList<Caller>();
    for (const Caller &caller : callers) {
        if (caller.kind == Caller::Kind::Sudo) {
            // A plain user a plan may name: not a group, an alias or root (who needs no rule).
            if (isValidAccountName(caller.user) && !sudoUsers.contains(caller.user)) {
                sudoUsers << caller.user;
            }
            sudoSources << caller.source;
        } else if (!cron) {
            cron = caller;
        }
    }
    if (!sudoUsers.isEmpty()) {
        DetectedStart called;
        called.mode = StartMode::CalledBy;
        if (sudoUsers.size() == 1) {
            called.callerUser = sudoUsers.constFirst();
            called.reason = QCoreApplication::translate("Deroot::Core::StartMode",
                                                        "%1 runs it through sudo (%2): the plan grants that user.")
                                .arg(called.callerUser, sudoSources.join(u", "_s));
        } else {
            called.reason = QCoreApplication::translate("Deroot::Core::StartMode",
                                                        "%1 run it through sudo (%2): say which agent's user calls it.")
                                .arg(sudoUsers.join(u", "_s), sudoSources.join(u", "_s));
        }
        return called;
    }
    if (cron) {
        DetectedStart scheduled;
        scheduled.mode = StartMode::Scheduled;
        scheduled.schedule = cron->onCalendar;
        scheduled.reason =
            (scheduled.schedule.isEmpty()
                 ? QCoreApplication::translate("Deroot::Core::StartMode",
                                               "cron runs it as %1 on the schedule %2 (%3), which has no OnCalendar= "
                                               "equivalent: give the timer's schedule. Remove that cron line after "
                                               "the apply, or it runs twice.")
                 : QCoreApplication::translate("Deroot::Core::StartMode",
                                               "cron runs it as %1 on the schedule %2 (%3): the plan's timer takes "
                                               "over. Remove that cron line after the apply, or it runs twice."))
                .arg(cron->user, cron->cronSchedule, cron->source);
        return scheduled;
    }
    const CatalogMatchSection *match = firstMatch(report);
    if (match && match->started == u"called") {
        return {
            StartMode::CalledBy,
            QString(),
            QCoreApplication::translate("Deroot::Core::StartMode",
                                        "Other agents run %1 (the catalog entry %2): it is not a service of its own.")
                .arg(match->name, match->id),
            {},
            {}};
    }
    return {
        StartMode::Service,
        QString(),
        QCoreApplication::translate("Deroot::Core::StartMode", "Nothing starts it yet: Deroot makes a unit for it."),
        {},
        {}};
}

std::optional<QStringList> runningArguments(const InspectionReport &report)
{
    const QStringList argv = report.process ? report.process->commandLine : QStringList();
    const QString executable = report.file ? report.file->canonicalPath : QString();
    if (argv.isEmpty() || executable.isEmpty()) {
        return std::nullopt;
    }
    // argv[0] is the program as it was called (a path or a name); for a script the interpreter
    // comes first and the script second.
    for (qsizetype i = 0; i < std::min<qsizetype>(argv.size(), 2); ++i) {
        const QString &word = argv.at(i);
        if (word == executable || baseName(word) == baseName(executable) || word == report.process->executable) {
            return argv.mid(i + 1);
        }
    }
    return std::nullopt;
}

QStringList listenAddressChanges(const InspectionReport &report, const GenerationInput &input)
{
    const auto running = runningArguments(report);
    if (!running) {
        return {};
    }
    // A drop-in that keeps the vendor's line keeps whatever sets the address.
    if (!input.existingUnit.isEmpty() && !input.vendorExecStart.isEmpty()) {
        return {};
    }
    const QStringList planned = input.method == Method::Sudo && !input.sudoCommands.isEmpty()
                                    ? input.sudoCommands.constFirst().arguments
                                    : input.arguments;
    QStringList changes;
    const QList<ProcessSocket> sockets = report.process ? report.process->sockets : QList<ProcessSocket>();
    for (const ProcessSocket &socket : sockets) {
        const QString &state = socket.state;
        if (state != u"listen" && state != u"bound") {
            continue;
        }
        const QString port = QString::number(socket.port);
        const QRegularExpression portWord(u"(^|[^0-9])"_s + port + u"([^0-9]|$)"_s);
        for (const QString &word : *running) {
            if (portWord.match(word).hasMatch() && !planned.contains(word)) {
                const QString address = socket.family == u"AF_INET6" ? u"[%1]:%2"_s.arg(socket.address, port)
                                                                     : u"%1:%2"_s.arg(socket.address, port);
                const QString change =
                    u"It listens on %1 today, set by %2 on its command line, which the plan does not keep: after "
                    u"the apply it would listen where its defaults say."_s.arg(address, quoted(word));
                if (!changes.contains(change)) {
                    changes << change;
                }
            }
        }
    }
    return changes;
}

QString copyLeftRunning(const InspectionReport &report, const GenerationInput &input)
{
    if (!report.process) {
        return {};
    }
    const QString unit = report.process->unit;
    // A called program's process ends with its call; one in a system service is that unit's, and
    // a plan for it is a drop-in or takes the unit over.
    if (input.startMode == StartMode::CalledBy || (unit.endsWith(u".service") && !unit.startsWith(u"user@"))) {
        return {};
    }
    const QString where =
        unit.isEmpty() ? QCoreApplication::translate("Deroot::Core::StartMode", "outside any unit")
                       : QCoreApplication::translate("Deroot::Core::StartMode", "outside any system unit (in %1)")
                             .arg(quoted(unit));
    return QCoreApplication::translate("Deroot::Core::StartMode",
                                       "It runs today as process %1 %2, started by hand or by a script: the plan "
                                       "starts its own copy and leaves that one running. Stop it before the apply, "
                                       "or two copies run and the second may not get its port.")
        .arg(report.process->pid)
        .arg(where);
}

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

GenerationInput buildGenerationInput(const InspectionReport &report, Method method, const StartChoice &start)
{
    GenerationInput input;
    input.method = method;
    const UnitSection unit = report.unit.value_or(UnitSection{});
    const UnitFileSettings unitSettings = unit.fileSettings.value_or(UnitFileSettings{});
    const ProcessSection process = report.process.value_or(ProcessSection{});
    const CatalogMatchSection *match = firstMatch(report);

    if (report.file) {
        input.executable = report.file->canonicalPath;
        input.executableSha256 = report.file->sha256;
        input.packageName = report.file->package;
    }
    input.executableIsScript = report.script.has_value();
    const QString programName = input.executable.section(u'/', -1);
    input.agentId = agentIdFrom(match ? match->id : programName);
    input.catalogId = match ? match->id : QString();
    input.description = match ? match->name : programName;
    input.description = input.description.left(200);

    // Keep the agent's own unit and its non-root user where it has them: the drop-in then changes
    // only what must change.
    QString unitName = unit.id;
    if (unitName.isEmpty() && process.unit.endsWith(u".service") && !report.parentUnit) {
        unitName = process.unit;
    }
    input.existingUnit = unitName;
    // Only a vendor line for the very program inspected: anything else and Deroot writes its own.
    if (!unitName.isEmpty() && vendorExecProgram(unitSettings.execStartLine) == input.executable) {
        input.vendorExecStart = unitSettings.execStartLine;
    }
    QString user = unit.user;
    if (user.isEmpty()) {
        user = report.vendorUnit ? report.vendorUnit->user : QString();
    }
    if (user.isEmpty() || user == u"root" || user == u"-") {
        user = process.user;
    }
    input.serviceUser = (user.isEmpty() || user == u"root") ? agentIdFrom(input.agentId).replace(u'_', u'-') : user;

    const DetectedStart detected = detectedStart(report);
    input.startMode = start.mode.value_or(detected.mode);
    if (method == Method::Container && input.startMode != StartMode::Service) {
        input.startMode = StartMode::Service; // a container runs a service
    }
    // What the admin said, else what the evidence found for the same way of starting.
    const bool asDetected = input.startMode == detected.mode;
    const QString callerUser = !start.callerUser.isEmpty() ? start.callerUser
                               : asDetected                ? detected.callerUser
                                                           : QString();
    const QString schedule = !start.schedule.isEmpty() ? start.schedule : asDetected ? detected.schedule : QString();
    // A unit of Deroot's own in place of the agent's: it takes the vendor's command line and
    // environment over, and the apply stops and disables the old unit.
    const bool replaceUnit = !input.existingUnit.isEmpty() && method != Method::Container &&
                             (start.newUnit || input.startMode != StartMode::Service);
    const UnitFileSettings vendorSettings = report.vendorUnit ? report.vendorUnit->settings : UnitFileSettings{};
    QString vendorLine = unitSettings.execStartLine;
    input.runsUnderSystemd = start.systemd;
    if (input.existingUnit.isEmpty() && !detected.unit.isEmpty() && input.startMode == StartMode::Service &&
        method != Method::Container) {
        // The unit the package ships could not be asked about (no systemd): the plan makes its own
        // from what the unit's file says and takes over from it, rather than running the agent
        // twice. Without systemd on the target its command line and environment still count, but
        // there is no unit to take over from.
        input.replacesUnit = start.systemd ? detected.unit : QString();
        vendorLine = vendorSettings.execStartLine;
        input.environment << vendorSettings.environment;
        input.environmentFiles << vendorSettings.environmentFiles;
    }
    if (replaceUnit) {
        // Without systemd there is no unit to take over from.
        input.replacesUnit = input.startMode == StartMode::CalledBy || !start.systemd ? QString() : input.existingUnit;
        input.existingUnit.clear();
        input.vendorExecStart.clear();
        if (input.startMode != StartMode::CalledBy) {
            input.environment << unitSettings.environment;
            input.environmentFiles << unitSettings.environmentFiles;
        }
    }

    // The command line the agent runs with today: a drop-in over the vendor's line keeps it as it
    // is; anywhere else Deroot writes the program's arguments itself, from the running process,
    // else from the vendor's line.
    const bool keepsVendorLine = !input.existingUnit.isEmpty() && !input.vendorExecStart.isEmpty();
    if (!keepsVendorLine) {
        if (const auto running = runningArguments(report)) {
            input.arguments = *running;
        } else if (vendorExecProgram(vendorLine) == input.executable) {
            input.arguments = vendorArguments(vendorLine);
        }
    }
    // The arguments the program needs to start under the plan: as a non-root user always; in the
    // foreground only where Deroot's own unit (Type=simple) or a container runs it, since the vendor
    // unit a drop-in keeps already says how the program detaches (Type=forking for chronyd).
    if (input.startMode == StartMode::Service && (input.existingUnit.isEmpty() || method == Method::Container)) {
        appendMissing(input.arguments, unconditionalNames(report.needs.foregroundArguments));
    }
    if (input.startMode != StartMode::CalledBy) {
        appendMissing(input.arguments, unconditionalNames(report.needs.nonRootArguments));
    }

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
        // runs as root, with its arguments fixed and NOEXEC, and holds no capability otherwise. A
        // called program's arguments are its caller's: those its sudoers rules allow today, else
        // unknown until the admin gives them.
        const QList<QStringList> callerArguments =
            input.startMode == StartMode::CalledBy ? sudoRuleArguments(report, callerUser) : QList<QStringList>();
        if (callerArguments.isEmpty()) {
            input.sudoCommands.append({input.executable, input.arguments, true,
                                       input.startMode == StartMode::CalledBy && input.arguments.isEmpty()});
        }
        for (const QStringList &arguments : callerArguments) {
            input.sudoCommands.append({input.executable, arguments, true, false});
        }
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
    if (input.startMode == StartMode::CalledBy) {
        // Run by its caller: no user, unit or environment of its own (validateGenerationInput
        // refuses them, since nothing would grant them).
        input.callerUser = callerUser;
        input.serviceUser.clear();
        input.serviceGroup.clear();
        input.supplementaryGroups.clear();
        input.existingUnit.clear();
        input.vendorExecStart.clear();
        input.environment.clear();
        input.environmentFiles.clear();
        // Its caller decides its arguments at each call: the sudo rule carries the ones it may
        // use, and file capabilities hold for any.
        input.arguments.clear();
    } else if (input.startMode == StartMode::Scheduled) {
        input.schedule = schedule.isEmpty() ? u"hourly"_s : schedule;
    }
    if (method == Method::Container && match && match->container) {
        // The image the agent's upstream publishes, and what the agent must see of the host to
        // measure the host rather than its container: both from the catalog entry.
        const CatalogContainer &container = *match->container;
        input.containerImage = container.image;
        input.containerHost.network = container.hostNetwork;
        input.containerHost.pid = container.hostPid;
        input.containerHost.root = container.hostRoot;
        input.containerHost.arguments = container.arguments;
    }
    return input;
}

QList<AdjustedSetting> carryAdjustments(const GenerationInput &adjusted, const GenerationInput &adjustedFrom,
                                        GenerationInput &fresh)
{
    QList<AdjustedSetting> carried;
    const auto carry = [&](auto member, AdjustedSetting setting) {
        if (adjusted.*member != adjustedFrom.*member && !(adjusted.*member == fresh.*member)) {
            fresh.*member = adjusted.*member;
            carried.append(setting);
        }
    };
    const bool containerInvolved = fresh.method == Method::Container || adjusted.method == Method::Container;
    const bool sudoInvolved = fresh.method == Method::Sudo || adjusted.method == Method::Sudo;
    if (!containerInvolved) {
        carry(&GenerationInput::serviceUser, AdjustedSetting::ServiceUser);
    }
    carry(&GenerationInput::readPaths, AdjustedSetting::ReadPaths);
    carry(&GenerationInput::writePaths, AdjustedSetting::WritePaths);
    carry(&GenerationInput::devices, AdjustedSetting::Devices);
    carry(&GenerationInput::supplementaryGroups, AdjustedSetting::Groups);
    carry(&GenerationInput::listenPorts, AdjustedSetting::Ports);
    if (!sudoInvolved) {
        carry(&GenerationInput::arguments, AdjustedSetting::Arguments);
    }
    if (fresh.startMode != StartMode::CalledBy && adjusted.startMode == fresh.startMode) {
        carry(&GenerationInput::environment, AdjustedSetting::Environment);
        carry(&GenerationInput::environmentFiles, AdjustedSetting::EnvironmentFiles);
    }
    if (!sudoInvolved) {
        carry(&GenerationInput::capabilities, AdjustedSetting::Capabilities);
    }
    const ResourceLimits &was = adjusted.limits;
    const ResourceLimits &wasFrom = adjustedFrom.limits;
    if (was.enabled != wasFrom.enabled || was.cpuQuotaPercent != wasFrom.cpuQuotaPercent ||
        was.memoryMaxMiB != wasFrom.memoryMaxMiB || was.tasksMax != wasFrom.tasksMax) {
        fresh.limits = was;
        carried.append(AdjustedSetting::Limits);
    }
    return carried;
}

} // namespace Deroot::Core
