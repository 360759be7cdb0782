// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/generate/systemdunit.h"

#include "core/model/capabilities.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// Capability numbers the sandbox has to step aside for.
constexpr int kCapSysModule = 16;
constexpr int kCapSysRawio = 17;
constexpr int kCapSysNice = 23;
constexpr int kCapSysTime = 25;
constexpr int kCapMknod = 27;
constexpr int kCapSyslog = 34;
constexpr int kCapWakeAlarm = 35;

// What a capability is worth only with system calls that ~@privileged (or the @system-service
// allow list) takes away: systemd.exec(5) "System Call Filtering" and `systemd-analyze
// syscall-filter` on systemd 257. CAP_SYS_TIME without @clock could not set the clock at all.
struct SyscallNeed
{
    int capability;
    const char *groups;
};
constexpr SyscallNeed kSyscallNeeds[] = {
    {0, "@chown"},                                             // CAP_CHOWN: chown() is in @privileged
    {6, "@setuid"},                                            // CAP_SETGID
    {7, "@setuid"},                                            // CAP_SETUID
    {8, "capset"},                                             // CAP_SETPCAP
    {16, "@module"},                                           // CAP_SYS_MODULE
    {17, "@raw-io"},                                           // CAP_SYS_RAWIO: ioperm, iopl, pciconfig_*
    {18, "chroot"},                                            // CAP_SYS_CHROOT
    {19, "@debug"},                                            // CAP_SYS_PTRACE: ptrace, process_vm_readv
    {20, "acct"},                                              // CAP_SYS_PACCT
    {21, "@mount @swap fanotify_init fanotify_mark quotactl"}, // CAP_SYS_ADMIN
    {22, "@reboot"},                                           // CAP_SYS_BOOT
    {25, "@clock"},                                            // CAP_SYS_TIME
    {38, "perf_event_open"},                                   // CAP_PERFMON
    {39, "bpf"},                                               // CAP_BPF
};

QString capabilityName(int number)
{
    const auto info = capabilityByNumber(number);
    return info ? QString::fromLatin1(info->name) : u"CAP_%1"_s.arg(number);
}

// The chosen set in kernel order without duplicates, so the output never depends on how the
// admin ordered the list.
QList<int> sortedCapabilities(const QList<int> &capabilities)
{
    QList<int> sorted = capabilities;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    return sorted;
}

// A unit file line may not end in a backslash (it would continue onto the next line) and '%'
// starts a specifier; the description is printable ASCII already (validateGenerationInput).
QString unitText(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'%', u"%%"_s);
    while (escaped.endsWith(u'\\')) {
        escaped.chop(1);
    }
    return escaped;
}

// One ExecStart= word. validateGenerationInput() has refused '"', '\\' and '%'; what remains to
// handle is whitespace, quotes systemd would strip, a lone ';' (systemd's command separator) and
// '$' (environment expansion, written "$$").
QString execWord(const QString &word)
{
    // "$ARGS" or "${ARGS}" alone is a reference to the environment, as in a vendor's line
    // ("ExecStart=/usr/bin/prometheus-node-exporter $ARGS" with EnvironmentFile=): systemd splits
    // $NAME into words and keeps ${NAME} as one. A unit that takes over from the vendor's keeps it.
    static const QRegularExpression kReference(
        QRegularExpression::anchoredPattern(u"\\$([A-Za-z_][A-Za-z0-9_]*|\\{[A-Za-z_][A-Za-z0-9_]*\\})"_s));
    if (kReference.matchView(word).hasMatch()) {
        return word;
    }
    static const QString kPlain = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:=,@+-"_s;
    QString escaped = word;
    escaped.replace(u'$', u"$$"_s);
    const bool plain =
        !word.isEmpty() && std::all_of(word.begin(), word.end(), [](QChar c) { return kPlain.contains(c); });
    return plain ? escaped : u"\""_s + escaped + u"\""_s;
}

bool isUnder(const QString &path, const QString &directory)
{
    return path == directory || path.startsWith(directory + u'/');
}

bool anyUnder(const QStringList &paths, const QStringList &directories)
{
    return std::any_of(paths.begin(), paths.end(), [&](const QString &path) {
        return std::any_of(directories.begin(), directories.end(),
                           [&](const QString &directory) { return isUnder(path, directory); });
    });
}

QStringList deduplicated(const QStringList &list)
{
    QStringList result;
    for (const QString &item : list) {
        if (!result.contains(item)) {
            result << item;
        }
    }
    return result;
}

} // namespace

QStringList privilegedSyscallGroups(const QList<int> &capabilities)
{
    QStringList groups;
    for (const int capability : sortedCapabilities(capabilities)) {
        for (const SyscallNeed &need : kSyscallNeeds) {
            if (need.capability == capability) {
                for (const QString &group : QString::fromLatin1(need.groups).split(u' ')) {
                    if (!groups.contains(group)) {
                        groups << group;
                    }
                }
            }
        }
    }
    return groups;
}

bool isPackageName(QStringView name)
{
    // anchoredPattern (\A...\z), not ^...$: '$' also matches before a final newline, which is
    // exactly what must not get through (found by the fuzzer).
    static const QRegularExpression kPackage(
        QRegularExpression::anchoredPattern(u"[A-Za-z0-9][A-Za-z0-9+._-]{0,127}"_s));
    return kPackage.matchView(name).hasMatch();
}

QString generatedUnitName(const GenerationInput &input)
{
    return input.existingUnit.isEmpty() ? u"deroot-%1.service"_s.arg(input.agentId) : input.existingUnit;
}

QStringList neededAddressFamilies(const GenerationInput &input)
{
    QStringList families = deduplicated(input.addressFamilies);
    if (!input.listenPorts.isEmpty()) {
        for (const QString &family : {u"AF_INET"_s, u"AF_INET6"_s}) {
            if (!families.contains(family)) {
                families << family;
            }
        }
    }
    return families;
}

std::optional<QString> dropInExecStart(const GenerationInput &input)
{
    const QString &line = input.vendorExecStart;
    const QString program = vendorExecProgram(line);
    if (input.existingUnit.isEmpty() || program.isEmpty()) {
        return std::nullopt;
    }
    const qsizetype at = line.indexOf(program);
    QString prefixes = line.left(at);
    const bool privileged = prefixes.contains(u'+') || prefixes.contains(u'!');
    prefixes.remove(u'+');
    prefixes.remove(u'!');
    const QStringList present = line.split(u' ', Qt::SkipEmptyParts);
    QStringList added;
    for (const QString &argument : input.arguments) {
        if (!present.contains(execWord(argument))) {
            added << execWord(argument);
        }
    }
    if (!privileged && added.isEmpty()) {
        return std::nullopt;
    }
    const QString rest = line.mid(at + program.size());
    return prefixes + program + (added.isEmpty() ? QString() : u' ' + added.join(u' ')) + rest;
}

Artifact systemdUnit(const GenerationInput &input)
{
    const bool dropIn = !input.existingUnit.isEmpty();
    // The agent runs sudo: no_new_privs, a narrowed bounding set or a system call filter would
    // make every sudo command fail (conflict "sudo-no-new-privileges"), so those are switched off.
    const bool sudoCompatible = input.method == Method::Sudo || !input.sudoCommands.isEmpty();
    const QList<int> capabilities = sortedCapabilities(input.capabilities);
    const auto has = [&](int capability) { return capabilities.contains(capability); };
    QStringList capabilityNames;
    for (const int capability : capabilities) {
        capabilityNames << capabilityName(capability);
    }
    const QString capabilityList = capabilityNames.join(u' ');

    QStringList why; // the header's reasons, one per unusual choice
    QStringList service;
    // In a drop-in every list setting is emptied before it is set: systemd appends list
    // assignments to the vendor unit's, which would otherwise widen what this file grants.
    const auto set = [&](const QString &key, const QString &value) { service << key + u'=' + value; };
    const auto setList = [&](const QString &key, const QString &value) {
        if (dropIn && !value.isEmpty()) {
            service << key + u'=';
        }
        service << key + u'=' + value;
    };
    // A setting after which systemd sets no_new_privs (systemd.exec(5), NoNewPrivileges=): for a
    // sudo-compatible unit it is written switched off instead (once), which also overrides a
    // vendor unit's value in a drop-in.
    QStringList switchedOff;
    const auto sandbox = [&](const QString &key, const QString &value, bool list) {
        if (!sudoCompatible) {
            list ? setList(key, value) : set(key, value);
        } else if (!switchedOff.contains(key)) {
            switchedOff << key;
            set(key, list ? QString() : u"no"_s);
        }
    };

    // A scheduled program runs to completion: oneshot, started by its timer, never restarted.
    const bool scheduled = input.startMode == StartMode::Scheduled;
    if (!dropIn) {
        set(u"Type"_s, scheduled ? u"oneshot"_s : u"simple"_s);
    }
    // A drop-in over a vendor line Deroot could read keeps it (its $ARGS from the vendor's
    // EnvironmentFile= stay in effect) and rewrites it only to take privilege prefixes away or to
    // add the non-root arguments; otherwise it writes the program with Deroot's own arguments.
    const bool keepsVendorLine = dropIn && !vendorExecProgram(input.vendorExecStart).isEmpty();
    const std::optional<QString> rewrittenVendorLine = keepsVendorLine ? dropInExecStart(input) : std::nullopt;
    if (keepsVendorLine) {
        if (rewrittenVendorLine) {
            setList(u"ExecStart"_s, *rewrittenVendorLine);
        }
    } else {
        QStringList exec{execWord(input.executable)};
        for (const QString &argument : input.arguments) {
            exec << execWord(argument);
        }
        setList(u"ExecStart"_s, exec.join(u' '));
    }
    // The agent's own settings as it runs today: in a drop-in they add to the vendor's (whose
    // EnvironmentFile= keeps its $ARGS), so nothing is emptied first.
    for (const QString &variable : input.environment) {
        set(u"Environment"_s, u'"' + variable + u'"');
    }
    for (const QString &file : input.environmentFiles) {
        set(u"EnvironmentFile"_s, unitText(file));
    }
    if (!input.environment.isEmpty() || !input.environmentFiles.isEmpty()) {
        why << u"Environment= and EnvironmentFile= carry over the settings the agent runs with today."_s;
    }
    if (!dropIn && !scheduled) {
        set(u"Restart"_s, u"on-failure"_s);
        set(u"RestartSec"_s, u"5s"_s);
    }

    // Identity.
    set(u"User"_s, input.serviceUser);
    set(u"Group"_s, input.serviceGroup.isEmpty() ? input.serviceUser : input.serviceGroup);
    if (dropIn) {
        // A vendor DynamicUser=yes would turn User= into a transient user without the groups and
        // files the agent needs, and it forces NoNewPrivileges=.
        set(u"DynamicUser"_s, u"no"_s);
    }
    const QStringList groups = deduplicated(input.supplementaryGroups);
    if (!groups.isEmpty()) {
        setList(u"SupplementaryGroups"_s, groups.join(u' '));
        why << u"SupplementaryGroups= names %1: Group= sets only the primary group, and the agent needs these "
               u"for what it reads (logs, devices)."_s.arg(groups.join(u", "_s));
    } else if (dropIn) {
        set(u"SupplementaryGroups"_s, QString());
    }

    // Capabilities: ambient and bounding set equal to the chosen set, never file capabilities
    // (the bounding set stays full for sudo).
    setList(u"AmbientCapabilities"_s, capabilityList);
    if (sudoCompatible) {
        if (dropIn) {
            set(u"CapabilityBoundingSet"_s, u"~"_s); // "~" alone: back to the full set
        }
        set(u"NoNewPrivileges"_s, u"no"_s);
        why << u"Sudo-compatible: the agent runs sudo, which fails under no_new_privs, a narrowed bounding set or "
               u"a system call filter, so NoNewPrivileges= and every setting that implies it are off and the "
               u"bounding set is full. This costs exposure; a capability instead of the sudo rule avoids it."_s;
    } else {
        setList(u"CapabilityBoundingSet"_s, capabilityList);
        set(u"NoNewPrivileges"_s, u"yes"_s);
    }
    if (sudoCompatible) {
        if (!capabilities.isEmpty()) {
            why << u"%1 through AmbientCapabilities=, not as file capabilities, which upgrades drop."_s.arg(
                capabilityNames.join(u", "_s));
        }
    } else if (capabilities.isEmpty()) {
        why << u"No capability: the bounding set is empty, so nothing this service starts can gain one."_s;
    } else {
        why << u"%1 only, given through AmbientCapabilities= with an equal bounding set rather than as file "
               u"capabilities: NoNewPrivileges= (and every sandbox setting below that implies it) silently "
               u"drops file capabilities."_s.arg(capabilityNames.join(u", "_s));
    }

    // File system.
    set(u"ProtectSystem"_s, u"strict"_s);
    const QStringList homes{u"/home"_s, u"/root"_s, u"/run/user"_s};
    if (anyUnder(input.writePaths, homes)) {
        set(u"ProtectHome"_s, u"no"_s);
        why << u"ProtectHome=no: the agent writes below a home directory."_s;
    } else if (anyUnder(input.readPaths, homes)) {
        set(u"ProtectHome"_s, u"read-only"_s);
        why << u"ProtectHome=read-only: the agent reads below a home directory."_s;
    } else {
        set(u"ProtectHome"_s, u"yes"_s);
    }
    // '-': a path that does not exist yet must not stop the service from starting.
    const auto paths = [](const QStringList &list) {
        QStringList prefixed;
        for (const QString &path : deduplicated(list)) {
            prefixed << u'-' + path;
        }
        return prefixed.join(u' ');
    };
    if (!input.writePaths.isEmpty()) {
        setList(u"ReadWritePaths"_s, paths(input.writePaths));
    } else if (dropIn) {
        set(u"ReadWritePaths"_s, QString());
    }
    if (!input.readPaths.isEmpty()) {
        setList(u"ReadOnlyPaths"_s, paths(input.readPaths));
    } else if (dropIn) {
        set(u"ReadOnlyPaths"_s, QString());
    }
    set(u"PrivateTmp"_s, u"yes"_s);
    set(u"UMask"_s, u"0077"_s);
    set(u"RemoveIPC"_s, u"yes"_s);

    // Devices. PrivateDevices=yes also removes CAP_SYS_RAWIO and CAP_MKNOD from the bounding set.
    const QStringList devices = deduplicated(input.devices);
    if (!devices.isEmpty() || has(kCapSysRawio) || has(kCapMknod)) {
        sandbox(u"PrivateDevices"_s, u"no"_s, false);
        set(u"DevicePolicy"_s, u"closed"_s);
        if (dropIn) {
            set(u"DeviceAllow"_s, QString());
        }
        for (const QString &device : devices) {
            set(u"DeviceAllow"_s, device + u" rw"_s);
        }
        why << u"PrivateDevices=no with DevicePolicy=closed: the agent needs %1, and only those (besides /dev/null "
               u"and the like) are allowed."_s.arg(devices.isEmpty() ? u"CAP_SYS_RAWIO or CAP_MKNOD, which "
                                                                       u"PrivateDevices= would remove"_s
                                                                     : devices.join(u", "_s));
    } else {
        sandbox(u"PrivateDevices"_s, u"yes"_s, false);
    }

    // Kernel. Each Protect*= below also removes a capability from the bounding set: it is left
    // out when that capability was chosen.
    sandbox(u"ProtectKernelTunables"_s, u"yes"_s, false);
    if (has(kCapSysModule)) {
        why << u"ProtectKernelModules= is left out: it would remove CAP_SYS_MODULE."_s;
    } else {
        sandbox(u"ProtectKernelModules"_s, u"yes"_s, false);
    }
    if (has(kCapSyslog)) {
        why << u"ProtectKernelLogs= is left out: it would remove CAP_SYSLOG."_s;
    } else {
        sandbox(u"ProtectKernelLogs"_s, u"yes"_s, false);
    }
    set(u"ProtectControlGroups"_s, u"yes"_s);
    if (has(kCapSysTime) || has(kCapWakeAlarm)) {
        why << u"ProtectClock= is left out: it would remove CAP_SYS_TIME and CAP_WAKE_ALARM."_s;
    } else {
        sandbox(u"ProtectClock"_s, u"yes"_s, false);
    }
    set(u"ProtectHostname"_s, u"yes"_s);

    // Network: the families the agent needs, AF_UNIX always (journald, D-Bus, nss).
    QStringList families{u"AF_UNIX"_s};
    QStringList needed = neededAddressFamilies(input);
    std::sort(needed.begin(), needed.end());
    for (const QString &family : needed) {
        if (!families.contains(family)) {
            families << family;
        }
    }
    sandbox(u"RestrictAddressFamilies"_s, families.join(u' '), true);
    const bool network = families.size() > 1 || !input.listenPorts.isEmpty();
    if (!network) {
        set(u"PrivateNetwork"_s, u"yes"_s);
        why << u"PrivateNetwork=yes: the agent needs no network family but AF_UNIX."_s;
    }

    // Process.
    sandbox(u"RestrictNamespaces"_s, u"yes"_s, false);
    sandbox(u"LockPersonality"_s, u"yes"_s, false);
    if (input.jitRuntime) {
        why << u"MemoryDenyWriteExecute= is left out: the agent is a JIT runtime and needs writable code."_s;
    } else {
        sandbox(u"MemoryDenyWriteExecute"_s, u"yes"_s, false);
    }
    if (has(kCapSysNice)) {
        why << u"RestrictRealtime= is left out: CAP_SYS_NICE was chosen for real-time scheduling."_s;
    } else {
        sandbox(u"RestrictRealtime"_s, u"yes"_s, false);
    }
    sandbox(u"RestrictSUIDSGID"_s, u"yes"_s, false);

    // System calls: the first line is an allow list, so later lines take calls away (~) or give
    // them back, in order (systemd.exec(5)).
    sandbox(u"SystemCallFilter"_s, u"@system-service"_s, true);
    const QStringList syscalls = privilegedSyscallGroups(capabilities);
    if (!sudoCompatible) {
        set(u"SystemCallFilter"_s, u"~@privileged"_s);
    }
    if (!syscalls.isEmpty() && !sudoCompatible) {
        set(u"SystemCallFilter"_s, syscalls.join(u' '));
        why << u"SystemCallFilter= gives back %1 after ~@privileged: the chosen capabilities are of no use "
               u"without those calls."_s.arg(syscalls.join(u' '));
    }
    // EPERM rather than systemd's default SIGSYS: agents probe. node_exporter's timex collector
    // reads the clock with adjtimex() (in @clock) and tcpdump calls setuid() on its own uid
    // (@privileged); both carry on after an error but were killed outright (measured).
    if (!sudoCompatible) {
        set(u"SystemCallErrorNumber"_s, u"EPERM"_s);
    }
    sandbox(u"SystemCallArchitectures"_s, u"native"_s, true);

    // Resources.
    const ResourceLimits &limits = input.limits;
    if (limits.enabled) {
        set(u"CPUQuota"_s, u"%1%"_s.arg(limits.cpuQuotaPercent));
        set(u"MemoryMax"_s, u"%1M"_s.arg(limits.memoryMaxMiB));
        set(u"TasksMax"_s, QString::number(limits.tasksMax));
        why << u"CPUQuota=, MemoryMax= and TasksMax= keep a runaway agent from taking the machine down."_s;
    } else {
        why << u"No resource limits: the admin turned them off."_s;
    }

    const QString unitName = generatedUnitName(input);
    QString content;
    content += u"# Generated by Deroot for %1 (%2): run %3 as %4 with the least privilege it needs.\n"_s.arg(
        unitText(input.description.isEmpty() ? input.agentId : input.description), input.agentId, input.executable,
        input.serviceUser);
    if (dropIn) {
        const QString execStart =
            !keepsVendorLine ? u"ExecStart= is emptied because a service has only one"_s
            : rewrittenVendorLine
                ? u"ExecStart= is the vendor's command line without the prefixes that skip User= and with the "
                  u"arguments the program needs to start as a non-root user"_s
                : u"the vendor's ExecStart= stays as it is"_s;
        content += u"# Drop-in for %1: list settings are emptied before they are set, so the vendor unit's values "
                   u"cannot add to them; %2.\n"_s.arg(unitName, execStart);
    }
    // A package name with a newline must not start a new line of the unit.
    if (isPackageName(input.packageName) && !capabilities.isEmpty()) {
        content += u"# %1 comes from the package %2: capabilities live in this file, so upgrades keep them.\n"_s.arg(
            input.executable, input.packageName);
    }
    for (const QString &reason : why) {
        content += u"# "_s + reason + u'\n';
    }
    content += u"# Check: systemd-analyze verify; systemd-analyze security --offline=yes.\n"_s;
    if (scheduled) {
        content += u"# Type=oneshot without Restart= or [Install]: %1 starts it on its schedule.\n"_s.arg(
            generatedTimerName(input));
    }
    if (!dropIn) {
        content += u"\n[Unit]\nDescription=%1\nAfter=network.target\n"_s.arg(
            unitText(input.description.isEmpty() ? input.agentId : input.description));
    }
    content += u"\n[Service]\n"_s + service.join(u'\n') + u'\n';
    if (!dropIn && !scheduled) {
        content += u"\n[Install]\nWantedBy=multi-user.target\n"_s;
    }

    Artifact artifact;
    artifact.id = dropIn ? u"dropin"_s : u"unit"_s;
    artifact.targetPath =
        dropIn ? u"/etc/systemd/system/%1.d/deroot.conf"_s.arg(unitName) : u"/etc/systemd/system/%1"_s.arg(unitName);
    artifact.mode = 0644;
    artifact.content = content;
    const Phrase granted = capabilities.isEmpty()
                               ? artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact", "no capability"))
                               : untranslated(capabilityList);
    artifact.setPurpose(
        dropIn
            ? artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                               "Runs %1 as %2 with %3 and a sandbox, over the vendor's %4."))
                  .arg(untranslated(input.executable), untranslated(input.serviceUser), granted, untranslated(unitName))
            : artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact", "Runs %1 as %2 with %3 and a sandbox."))
                  .arg(untranslated(input.executable), untranslated(input.serviceUser), granted));
    artifact.validator = u"systemd-analyze verify"_s;
    artifact.syntax = u"systemd unit"_s;
    return artifact;
}

QString generatedTimerName(const GenerationInput &input)
{
    return u"deroot-%1.timer"_s.arg(input.agentId);
}

Artifact systemdTimer(const GenerationInput &input)
{
    const QString unitName = generatedUnitName(input);
    const QString description = unitText(input.description.isEmpty() ? input.agentId : input.description);
    QString content;
    content += u"# Generated by Deroot for %1 (%2): starts %3 on the schedule %4.\n"_s.arg(description, input.agentId,
                                                                                           unitName, input.schedule);
    content += u"# Persistent=yes: a run missed while the machine was off happens at the next boot.\n"_s;
    content += u"# Check: systemd-analyze verify; systemd-analyze calendar '%1'.\n"_s.arg(input.schedule);
    content += u"\n[Unit]\nDescription=%1 (schedule)\n"_s.arg(description);
    content += u"\n[Timer]\nOnCalendar=%1\nPersistent=yes\nUnit=%2\n"_s.arg(input.schedule, unitName);
    content += u"\n[Install]\nWantedBy=timers.target\n"_s;

    Artifact artifact;
    artifact.id = u"timer"_s;
    artifact.targetPath = u"/etc/systemd/system/%1"_s.arg(generatedTimerName(input));
    artifact.mode = 0644;
    artifact.content = content;
    artifact.setPurpose(
        artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact", "Starts %1 on the schedule %2 (OnCalendar=)."))
            .arg(unitName, input.schedule));
    artifact.validator = u"systemd-analyze verify"_s;
    artifact.syntax = u"systemd unit"_s;
    return artifact;
}

} // namespace Deroot::Core
