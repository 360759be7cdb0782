// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/generate/conflicts.h"

#include "core/base/text.h"
#include "core/generate/systemdunit.h"
#include "core/model/capabilities.h"

#include <QHash>
#include <QRegularExpression>

#include <cstdint>
#include <optional>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

constexpr int kLastCapability = 40;
constexpr std::uint64_t kAllCapabilities = (std::uint64_t(1) << (kLastCapability + 1)) - 1;

// Settings after which systemd sets no_new_privs whatever NoNewPrivileges= says, because their
// seccomp filters need it: systemd.exec(5), NoNewPrivileges=, systemd 257.
const QStringList kImplyNoNewPrivileges{
    u"SystemCallFilter"_s, u"SystemCallArchitectures"_s, u"RestrictAddressFamilies"_s, u"RestrictNamespaces"_s,
    u"PrivateDevices"_s,   u"ProtectKernelTunables"_s,   u"ProtectKernelModules"_s,    u"ProtectKernelLogs"_s,
    u"ProtectClock"_s,     u"MemoryDenyWriteExecute"_s,  u"RestrictRealtime"_s,        u"RestrictSUIDSGID"_s,
    u"DynamicUser"_s,      u"LockPersonality"_s};

bool isYes(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v == u"yes" || v == u"true" || v == u"on" || v == u"1";
}

// The [Service] settings of a unit or drop-in as systemd would see them for the settings that
// matter here: the last assignment wins, an empty one resets.
struct ServiceSettings
{
    QHash<QString, QString> last;
    std::optional<std::uint64_t> boundingSet; ///< unset: all capabilities
    QStringList supplementaryGroups;
};

std::uint64_t capabilityMask(const QString &list)
{
    static const QRegularExpression kSeparators(u"[\\s,]+"_s);
    std::uint64_t mask = 0;
    for (const QString &name : list.split(kSeparators, Qt::SkipEmptyParts)) {
        if (const auto info = capabilityByName(name)) {
            mask |= std::uint64_t(1) << info->number;
        }
    }
    return mask;
}

ServiceSettings parseService(const QString &content)
{
    ServiceSettings settings;
    bool inService = false;
    for (const QString &raw : content.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';')) {
            continue;
        }
        if (line.startsWith(u'[')) {
            inService = line == u"[Service]";
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (!inService || equals < 0) {
            continue;
        }
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        settings.last.insert(key, value);
        if (key == u"CapabilityBoundingSet") {
            if (value.isEmpty()) {
                settings.boundingSet = 0;
            } else if (value == u"~") {
                settings.boundingSet.reset(); // "~" alone: the full set again
            } else if (value.startsWith(u'~')) {
                settings.boundingSet = settings.boundingSet.value_or(kAllCapabilities) & ~capabilityMask(value.mid(1));
            } else {
                settings.boundingSet =
                    settings.boundingSet ? (*settings.boundingSet | capabilityMask(value)) : capabilityMask(value);
            }
        } else if (key == u"SupplementaryGroups") {
            if (value.isEmpty()) {
                settings.supplementaryGroups.clear();
            } else {
                settings.supplementaryGroups << value.split(u' ', Qt::SkipEmptyParts);
            }
        }
    }
    return settings;
}

bool isUnit(const Artifact &artifact)
{
    return !artifact.isCommand && (artifact.id == u"unit" || artifact.id == u"dropin" ||
                                   artifact.targetPath.endsWith(u".service") || artifact.targetPath.endsWith(u".conf"));
}

// The setting that makes the unit run with no_new_privs, or nothing.
QString noNewPrivilegesReason(const ServiceSettings &settings)
{
    if (isYes(settings.last.value(u"NoNewPrivileges"_s))) {
        return u"NoNewPrivileges=yes"_s;
    }
    for (const QString &key : kImplyNoNewPrivileges) {
        const auto it = settings.last.constFind(key);
        if (it == settings.last.cend() || it->isEmpty()) {
            continue;
        }
        const QString value = it->toLower();
        if (value == u"no" || value == u"false" || value == u"off" || value == u"0") {
            continue;
        }
        return u"%1=%2 (which implies NoNewPrivileges=yes)"_s.arg(key, *it);
    }
    return {};
}

// "setcap cap_a,cap_b+ep /path": the mask, whether the effective flag is set, and the path.
struct FileCapabilities
{
    std::uint64_t mask = 0;
    bool effective = false;
    QString path;
};

std::optional<FileCapabilities> parseSetcap(const Artifact &artifact)
{
    if (!artifact.isCommand || artifact.id != u"setcap") {
        return std::nullopt;
    }
    static const QRegularExpression kSetcap(
        QRegularExpression::anchoredPattern(u"setcap\\s+(\\S+?)([+=])([eip]+)\\s+(\\S+)"_s));
    const auto match = kSetcap.match(artifact.content.trimmed());
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    return FileCapabilities{capabilityMask(match.captured(1)), match.captured(3).contains(u'e'), match.captured(4)};
}

QString maskNames(std::uint64_t mask)
{
    return capabilityNames(mask).join(u", "_s).toUpper();
}

// A container's privilege settings, read from a "docker-run" command or a "compose" file (the
// forms Deroot writes and the usual hand-written ones).
struct ContainerSettings
{
    QString path;                 ///< the artifact, for messages
    bool nonRootUser = false;     ///< --user / user: other than root or 0
    bool dropAll = false;         ///< --cap-drop ALL
    std::uint64_t added = 0;      ///< --cap-add
    bool noNewPrivileges = false; ///< --security-opt no-new-privileges
};

std::uint64_t containerCapabilityMask(const QString &name)
{
    const QString upper = name.trimmed().toUpper();
    return capabilityMask(upper.startsWith(u"CAP_"_s) ? upper : u"CAP_"_s + upper);
}

bool isRootUser(const QString &user)
{
    const QString name = user.section(u':', 0, 0).trimmed();
    return name.isEmpty() || name == u"root" || name == u"0";
}

std::optional<ContainerSettings> parseContainer(const Artifact &artifact)
{
    ContainerSettings settings;
    settings.path = artifact.isCommand ? artifact.id : artifact.targetPath;
    if (artifact.id == u"docker-run" || (artifact.isCommand && artifact.content.contains(u"docker run"))) {
        QStringList words;
        for (const QString &line : artifact.content.split(u'\n')) {
            if (!line.trimmed().startsWith(u'#')) {
                static const QRegularExpression kSeparators(u"[\\s\\\\]+"_s);
                words << line.split(kSeparators, Qt::SkipEmptyParts);
            }
        }
        for (qsizetype i = 0; i < words.size(); ++i) {
            QString option = words[i];
            QString value = i + 1 < words.size() ? words[i + 1] : QString();
            if (const qsizetype equals = option.indexOf(u'='); option.startsWith(u"--") && equals > 0) {
                value = option.mid(equals + 1);
                option = option.left(equals);
            }
            if (option == u"--user" || option == u"-u") {
                settings.nonRootUser = !isRootUser(value);
            } else if (option == u"--cap-drop" && value.compare(u"ALL"_s, Qt::CaseInsensitive) == 0) {
                settings.dropAll = true;
            } else if (option == u"--cap-add") {
                settings.added |= containerCapabilityMask(value);
            } else if (option == u"--security-opt" && value.startsWith(u"no-new-privileges")) {
                settings.noNewPrivileges = value != u"no-new-privileges:false";
            }
        }
        return settings;
    }
    if (artifact.id != u"compose") {
        return std::nullopt;
    }
    // A line scan of the block lists Deroot writes ("cap_add:" then "- NAME" lines).
    QString list;
    for (const QString &raw : artifact.content.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.startsWith(u'#') || line.isEmpty()) {
            continue;
        }
        if (line.startsWith(u"- ")) {
            const QString item = line.mid(2).trimmed().remove(u'\'').remove(u'"');
            if (list == u"cap_add") {
                settings.added |= containerCapabilityMask(item);
            } else if (list == u"cap_drop" && item.compare(u"ALL"_s, Qt::CaseInsensitive) == 0) {
                settings.dropAll = true;
            } else if (list == u"security_opt" && item.startsWith(u"no-new-privileges")) {
                settings.noNewPrivileges = item != u"no-new-privileges:false";
            }
            continue;
        }
        const QString key = line.section(u':', 0, 0).trimmed();
        const QString value = line.section(u':', 1).trimmed().remove(u'\'').remove(u'"');
        list = value.isEmpty() ? key : QString();
        if (key == u"user") {
            settings.nonRootUser = !isRootUser(value);
        }
    }
    return settings;
}

// Docker's default capability set, which a container keeps unless --cap-drop ALL.
std::uint64_t dockerDefaultCapabilities()
{
    return capabilityMask(u"CAP_CHOWN CAP_DAC_OVERRIDE CAP_FSETID CAP_FOWNER CAP_MKNOD CAP_NET_RAW CAP_SETGID "
                          u"CAP_SETUID CAP_SETFCAP CAP_SETPCAP CAP_NET_BIND_SERVICE CAP_SYS_CHROOT CAP_KILL "
                          u"CAP_AUDIT_WRITE"_s);
}

// A Kubernetes manifest that runs as non-root and adds capabilities: "runAsNonRoot: true" (or a
// non-zero runAsUser) and a non-empty "add:" under capabilities.
std::uint64_t kubernetesNonRootAdded(const Artifact &artifact)
{
    if (artifact.id != u"kubernetes") {
        return 0;
    }
    bool nonRoot = false;
    std::uint64_t added = 0;
    static const QRegularExpression kAdd(QRegularExpression::anchoredPattern(u"\\s*add:\\s*\\[([^\\]]*)\\]\\s*"_s));
    for (const QString &line : artifact.content.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (trimmed == u"runAsNonRoot: true" || (trimmed.startsWith(u"runAsUser:") && trimmed != u"runAsUser: 0")) {
            nonRoot = true;
        } else if (const auto match = kAdd.match(line); match.hasMatch()) {
            for (const QString &name : match.captured(1).split(u',', Qt::SkipEmptyParts)) {
                added |= containerCapabilityMask(QString(name).remove(u'\'').remove(u'"'));
            }
        }
    }
    return nonRoot ? added : 0;
}

} // namespace

QList<Conflict> detectConflicts(const GenerationInput &input, const QList<Artifact> &artifacts)
{
    QList<Conflict> conflicts;
    // English for plan.json, the translation for the Preview page (see Phrase).
    const auto add = [&](const QString &id, const Phrase &consequence, const Phrase &fix) {
        for (const Conflict &existing : std::as_const(conflicts)) {
            if (existing.id == id) {
                return;
            }
        }
        conflicts.append({id, consequence.english, fix.english, consequence.shown, fix.shown});
    };

    const bool callsSudo =
        input.method == Method::Sudo || !input.sudoCommands.isEmpty() ||
        std::any_of(artifacts.begin(), artifacts.end(), [](const Artifact &a) { return a.id == u"sudoers"; });
    QStringList unknownArguments;
    for (const SudoCommand &command : input.sudoCommands) {
        if (command.argumentsUnknown && command.arguments.isEmpty()) {
            unknownArguments << command.path;
        }
    }
    if (!unknownArguments.isEmpty()) {
        add(u"sudo-arguments-unknown"_s,
            conflictPhrase(
                QT_TRANSLATE_NOOP(
                    "Deroot::Core::Conflict",
                    "The arguments the agent passes to %1 are not known, so the sudo rule allows them with no "
                    "arguments "
                    "at all: every call with arguments is refused (\"command not allowed\" in the journal) and the "
                    "agent's data is silently missing."))
                .arg(unknownArguments.join(u", "_s)),
            conflictPhrase(QT_TRANSLATE_NOOP(
                "Deroot::Core::Conflict",
                "Add the exact arguments the agent passes (its documentation, or `journalctl _COMM=sudo` after a "
                "run) to each command; never a bare wildcard.")));
    }
    QList<FileCapabilities> fileCapabilities;
    for (const Artifact &artifact : artifacts) {
        if (const auto caps = parseSetcap(artifact)) {
            fileCapabilities << *caps;
        }
    }

    for (const Artifact &artifact : artifacts) {
        if (!isUnit(artifact)) {
            continue;
        }
        const ServiceSettings settings = parseService(artifact.content);
        const QString noNewPrivileges = noNewPrivilegesReason(settings);
        if (callsSudo && isYes(settings.last.value(u"DynamicUser"_s))) {
            add(u"sudo-dynamic-user"_s,
                conflictPhrase(
                    QT_TRANSLATE_NOOP(
                        "Deroot::Core::Conflict",
                        "%1 sets DynamicUser=yes, which implies NoNewPrivileges=yes, while the agent calls sudo: sudo "
                        "cannot raise privileges and every sudo command fails."))
                    .arg(artifact.targetPath),
                conflictPhrase(QT_TRANSLATE_NOOP(
                    "Deroot::Core::Conflict",
                    "Use a real system user (DynamicUser=no) and the sudo-compatible unit, or replace the sudo "
                    "rule by a capability in the unit.")));
        }
        if (callsSudo && !noNewPrivileges.isEmpty()) {
            add(u"sudo-no-new-privileges"_s,
                conflictPhrase(
                    QT_TRANSLATE_NOOP(
                        "Deroot::Core::Conflict",
                        "%1 sets %2 while the agent calls sudo: the set-user-ID sudo cannot raise privileges, so every "
                        "sudo command fails (seen with telegraf's smart plugin)."))
                    .arg(artifact.targetPath, noNewPrivileges),
                conflictPhrase(QT_TRANSLATE_NOOP(
                    "Deroot::Core::Conflict",
                    "For a sudo plan leave NoNewPrivileges= and every setting that implies it out of the unit, and "
                    "accept the higher exposure score; or replace the sudo rule by a capability in the unit.")));
        }
        if (callsSudo && settings.boundingSet && *settings.boundingSet != kAllCapabilities) {
            add(u"sudo-bounding-set"_s,
                conflictPhrase(
                    QT_TRANSLATE_NOOP(
                        "Deroot::Core::Conflict",
                        "%1 narrows CapabilityBoundingSet= while the agent calls sudo: even as root the sudo command "
                        "cannot get what the bounding set removed (CAP_SETUID, CAP_SETGID for sudo itself, "
                        "CAP_SYS_RAWIO "
                        "for smartctl, ...), so it fails."))
                    .arg(artifact.targetPath),
                conflictPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Conflict",
                                                 "Leave CapabilityBoundingSet= out of a unit whose agent uses sudo.")));
        }
        for (const FileCapabilities &caps : std::as_const(fileCapabilities)) {
            if (!noNewPrivileges.isEmpty()) {
                add(u"file-capabilities-no-new-privileges"_s,
                    conflictPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Conflict",
                                                     "%1 sets %2 and the plan gives %3 file capabilities: under "
                                                     "no_new_privs the kernel silently "
                                                     "does not grant them, so the agent runs without %4."))
                        .arg(artifact.targetPath, noNewPrivileges, caps.path, maskNames(caps.mask)),
                    conflictPhrase(QT_TRANSLATE_NOOP(
                        "Deroot::Core::Conflict",
                        "Grant the capabilities through AmbientCapabilities= with an equal CapabilityBoundingSet= in "
                        "the unit instead of setcap (Deroot's generated unit does).")));
            }
            const std::uint64_t bounding = settings.boundingSet.value_or(kAllCapabilities);
            if (caps.effective && (caps.mask & ~bounding) != 0) {
                add(u"file-capabilities-exceed-bounding-set"_s,
                    conflictPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Conflict",
                                                     "%1 has the file capabilities %2 with the effective bit, but the "
                                                     "bounding set of %3 lacks %4: "
                                                     "execve() fails with EPERM and the service does not start."))
                        .arg(caps.path, maskNames(caps.mask), artifact.targetPath, maskNames(caps.mask & ~bounding)),
                    conflictPhrase(QT_TRANSLATE_NOOP(
                        "Deroot::Core::Conflict",
                        "Remove the file capabilities (setcap -r) and grant them through AmbientCapabilities=, or add "
                        "them to CapabilityBoundingSet=.")));
            }
        }
        const QString group = settings.last.value(u"Group"_s);
        if (!group.isEmpty()) {
            QStringList missing;
            for (const QString &needed : input.supplementaryGroups) {
                if (!settings.supplementaryGroups.contains(needed) && needed != group) {
                    missing << needed;
                }
            }
            if (!missing.isEmpty()) {
                add(u"group-without-supplementary-groups"_s,
                    conflictPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Conflict",
                                                     "%1 sets Group=%2 without SupplementaryGroups=%3: the agent runs "
                                                     "without the groups it reads "
                                                     "its logs through and fails silently."))
                        .arg(artifact.targetPath, group, missing.join(u' ')),
                    conflictPhrase(
                        QT_TRANSLATE_NOOP("Deroot::Core::Conflict", "Add SupplementaryGroups=%1 to the unit."))
                        .arg(missing.join(u' ')));
            }
        }
    }

    for (const FileCapabilities &caps : std::as_const(fileCapabilities)) {
        if (!input.packageName.isEmpty()) {
            add(u"file-capabilities-lost-on-upgrade"_s,
                conflictPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Conflict",
                                                 "%1 belongs to the package %2: every upgrade replaces the file and "
                                                 "with it the file capabilities "
                                                 "%3, so the agent silently loses them."))
                    .arg(caps.path, isPackageName(input.packageName) ? input.packageName : quoted(input.packageName),
                         maskNames(caps.mask)),
                // A unit can grant them only to a program that runs as a unit of its own.
                input.startMode != StartMode::CalledBy && input.runsUnderSystemd
                    ? conflictPhrase(
                          QT_TRANSLATE_NOOP("Deroot::Core::Conflict",
                                            "Prefer the systemd unit's AmbientCapabilities=, which upgrades keep; "
                                            "otherwise re-run setcap "
                                            "after each upgrade (a DPkg::Post-Invoke hook) and check with getcap."))
                    : conflictPhrase(QT_TRANSLATE_NOOP(
                          "Deroot::Core::Conflict",
                          "Re-run setcap after each upgrade (a DPkg::Post-Invoke hook) and check with getcap.")));
        }
    }
    // Containers: Docker, Compose and Kubernetes give a non-root user no ambient capabilities.
    for (const Artifact &artifact : artifacts) {
        if (const std::uint64_t added = kubernetesNonRootAdded(artifact)) {
            add(u"kubernetes-restricted-capabilities"_s,
                conflictPhrase(QT_TRANSLATE_NOOP(
                                   "Deroot::Core::Conflict",
                                   "%1 runs as non-root and adds %2: Kubernetes has no ambient capabilities, so the "
                                   "added ones stay in "
                                   "the bounding set and the agent has none of them (allowPrivilegeEscalation: false "
                                   "also blocks file "
                                   "capabilities); the restricted profile allows adding only NET_BIND_SERVICE anyway."))
                    .arg(artifact.targetPath, maskNames(added)),
                conflictPhrase(QT_TRANSLATE_NOOP(
                    "Deroot::Core::Conflict",
                    "Run the container as root (runAsUser: 0) with capabilities drop ALL and only the needed add, and "
                    "accept the baseline or privileged profile, or choose a capability-free way to do the job.")));
        }
        const auto container = parseContainer(artifact);
        if (!container) {
            continue;
        }
        if (container->nonRootUser && container->added != 0) {
            add(u"docker-non-root-cap-add"_s,
                conflictPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Conflict",
                                                 "%1 adds %2 for a non-root --user: Docker puts them only in the "
                                                 "bounding set, not in the effective "
                                                 "or ambient set, so the agent has none of them and fails."))
                    .arg(container->path, maskNames(container->added)),
                conflictPhrase(QT_TRANSLATE_NOOP(
                    "Deroot::Core::Conflict",
                    "Run as root inside the container with --cap-drop ALL, only the needed --cap-add, --read-only and "
                    "no-new-privileges, and map root to an unprivileged host uid with userns-remap (or use Podman, "
                    "which sets ambient capabilities).")));
        }
        const std::uint64_t containerSet = (container->dropAll ? 0 : dockerDefaultCapabilities()) | container->added;
        for (const FileCapabilities &caps : std::as_const(fileCapabilities)) {
            if (container->noNewPrivileges && container->nonRootUser) {
                add(u"docker-no-new-privileges-file-capabilities"_s,
                    conflictPhrase(
                        QT_TRANSLATE_NOOP("Deroot::Core::Conflict",
                                          "%1 sets no-new-privileges for a non-root user and the plan gives %2 file "
                                          "capabilities: under "
                                          "no_new_privs exec does not grant them, so the agent runs without %3."))
                        .arg(container->path, caps.path, maskNames(caps.mask)),
                    conflictPhrase(QT_TRANSLATE_NOOP(
                        "Deroot::Core::Conflict",
                        "Drop the file capabilities and run as root inside the container with --cap-drop ALL and only "
                        "the needed --cap-add.")));
            }
            if (caps.effective && (caps.mask & ~containerSet) != 0) {
                add(u"file-capabilities-exceed-container-set"_s,
                    conflictPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Conflict",
                                                     "%1 has the file capabilities %2 with the effective bit, but the "
                                                     "container %3 lacks %4: exec "
                                                     "fails with EPERM and the container exits at once."))
                        .arg(caps.path, maskNames(caps.mask), container->path, maskNames(caps.mask & ~containerSet)),
                    conflictPhrase(QT_TRANSLATE_NOOP(
                        "Deroot::Core::Conflict",
                        "Add the capabilities with --cap-add (cap_add:), or remove the file capabilities from the "
                        "image (setcap -r).")));
            }
        }
    }
    return conflicts;
}

} // namespace Deroot::Core
