// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/generate/conflicts.h"

#include "core/generate/systemdunit.h"
#include "core/inspect/capabilities.h"
#include "core/text.h"

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

} // namespace

QList<Conflict> detectConflicts(const GenerationInput &input, const QList<Artifact> &artifacts)
{
    QList<Conflict> conflicts;
    const auto add = [&](const QString &id, const QString &consequence, const QString &fix) {
        for (const Conflict &existing : std::as_const(conflicts)) {
            if (existing.id == id) {
                return;
            }
        }
        conflicts.append({id, consequence, fix});
    };

    const bool callsSudo =
        input.method == Method::Sudo || !input.sudoCommands.isEmpty() ||
        std::any_of(artifacts.begin(), artifacts.end(), [](const Artifact &a) { return a.id == u"sudoers"; });
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
                u"%1 sets DynamicUser=yes, which implies NoNewPrivileges=yes, while the agent calls sudo: sudo "
                u"cannot raise privileges and every sudo command fails."_s.arg(artifact.targetPath),
                u"Use a real system user (DynamicUser=no) and the sudo-compatible unit, or replace the sudo "
                u"rule by a capability in the unit."_s);
        }
        if (callsSudo && !noNewPrivileges.isEmpty()) {
            add(u"sudo-no-new-privileges"_s,
                u"%1 sets %2 while the agent calls sudo: the set-user-ID sudo cannot raise privileges, so every "
                u"sudo command fails (seen with telegraf's smart plugin)."_s.arg(artifact.targetPath, noNewPrivileges),
                u"For a sudo plan leave NoNewPrivileges= and every setting that implies it out of the unit, and "
                u"accept the higher exposure score; or replace the sudo rule by a capability in the unit."_s);
        }
        if (callsSudo && settings.boundingSet && *settings.boundingSet != kAllCapabilities) {
            add(u"sudo-bounding-set"_s,
                u"%1 narrows CapabilityBoundingSet= while the agent calls sudo: even as root the sudo command "
                u"cannot get what the bounding set removed (CAP_SETUID, CAP_SETGID for sudo itself, CAP_SYS_RAWIO "
                u"for smartctl, ...), so it fails."_s.arg(artifact.targetPath),
                u"Leave CapabilityBoundingSet= out of a unit whose agent uses sudo."_s);
        }
        for (const FileCapabilities &caps : std::as_const(fileCapabilities)) {
            if (!noNewPrivileges.isEmpty()) {
                add(u"file-capabilities-no-new-privileges"_s,
                    u"%1 sets %2 and the plan gives %3 file capabilities: under no_new_privs the kernel silently "
                    u"does not grant them, so the agent runs without %4."_s.arg(artifact.targetPath, noNewPrivileges,
                                                                                caps.path, maskNames(caps.mask)),
                    u"Grant the capabilities through AmbientCapabilities= with an equal CapabilityBoundingSet= in "
                    u"the unit instead of setcap (Deroot's generated unit does)."_s);
            }
            const std::uint64_t bounding = settings.boundingSet.value_or(kAllCapabilities);
            if (caps.effective && (caps.mask & ~bounding) != 0) {
                add(u"file-capabilities-exceed-bounding-set"_s,
                    u"%1 has the file capabilities %2 with the effective bit, but the bounding set of %3 lacks %4: "
                    u"execve() fails with EPERM and the service does not start."_s.arg(
                        caps.path, maskNames(caps.mask), artifact.targetPath, maskNames(caps.mask & ~bounding)),
                    u"Remove the file capabilities (setcap -r) and grant them through AmbientCapabilities=, or add "
                    u"them to CapabilityBoundingSet=."_s);
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
                    u"%1 sets Group=%2 without SupplementaryGroups=%3: the agent runs without the groups it reads "
                    u"its logs through and fails silently."_s.arg(artifact.targetPath, group, missing.join(u' ')),
                    u"Add SupplementaryGroups=%1 to the unit."_s.arg(missing.join(u' ')));
            }
        }
    }

    for (const FileCapabilities &caps : std::as_const(fileCapabilities)) {
        if (!input.packageName.isEmpty()) {
            add(u"file-capabilities-lost-on-upgrade"_s,
                u"%1 belongs to the package %2: every upgrade replaces the file and with it the file capabilities "
                u"%3, so the agent silently loses them."_s.arg(
                    caps.path, isPackageName(input.packageName) ? input.packageName : quoted(input.packageName),
                    maskNames(caps.mask)),
                u"Prefer the systemd unit's AmbientCapabilities=, which upgrades keep; otherwise re-run setcap "
                u"after each upgrade (a DPkg::Post-Invoke hook) and check with getcap."_s);
        }
    }
    return conflicts;
}

} // namespace Deroot::Core
