// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/recommend/privilegescore.h"

#include "core/generate/container.h"

#include "core/inspect/capabilities.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// The weights, defended in docs/privilege-score.md.
constexpr double kRoot = 60;
constexpr double kRootEquivalent = 40;
constexpr double kHigh = 15;
constexpr double kModerate = 6;
constexpr double kLow = 2;
constexpr double kSudoCommand = 10;
constexpr double kSudoCommandExec = 13;
constexpr double kLogGroup = 3;
constexpr double kEveryoneGetsFileCaps = 5;
constexpr double kHardenedUnit = 0.5;
constexpr double kSudoUnit = 0.7;
constexpr double kContainer = 0.3;
// What each host-facing container flag adds to the container's factor (0.3): each opens one of
// the namespaces the container would otherwise keep to itself.
constexpr double kHostNetwork = 0.1;
constexpr double kHostPid = 0.1;
constexpr double kHostMounts = 0.05;
constexpr double kRootInside = 0.05;

double capabilityPoints(CapabilityRisk risk)
{
    switch (risk) {
    case CapabilityRisk::RootEquivalent:
        return kRootEquivalent;
    case CapabilityRisk::High:
        return kHigh;
    case CapabilityRisk::Moderate:
        return kModerate;
    case CapabilityRisk::Low:
        return kLow;
    }
    return 0;
}

class Builder final
{
public:
    void add(const QString &id, double points, const QString &text)
    {
        m_sum += points;
        m_score.components.append({id, points, text});
    }
    void addCapabilities(const QList<int> &capabilities, const QString &how)
    {
        for (const int number : capabilities) {
            const auto info = capabilityByNumber(number);
            if (info) {
                add(u"capability."_s + QString::fromLatin1(info->name), capabilityPoints(info->risk),
                    u"%1 %2 (%3)"_s.arg(how, QString::fromLatin1(info->name), capabilityRiskId(info->risk)));
            }
        }
    }
    void contain(const QString &id, double factor, const QString &text)
    {
        m_factor *= factor;
        m_score.components.append({id, factor, text});
    }
    PrivilegeScore finish()
    {
        m_score.value = std::min(100.0, m_sum) * m_factor;
        m_score.value = std::round(m_score.value * 10) / 10;
        m_score.verdict = m_score.value < 10   ? u"minimal"_s
                          : m_score.value < 30 ? u"low"_s
                          : m_score.value < 60 ? u"elevated"_s
                                               : u"root-level"_s;
        return m_score;
    }

private:
    PrivilegeScore m_score;
    double m_sum = 0;
    double m_factor = 1;
};

void addSudo(Builder &builder, const GenerationInput &input)
{
    // Commands that give a shell or write files are refused by the sudoers generator, so what
    // remains runs one program as root with fixed arguments.
    for (const SudoCommand &command : input.sudoCommands) {
        builder.add(u"sudo."_s + command.path, command.noexec ? kSudoCommand : kSudoCommandExec,
                    u"may run %1 as root with fixed arguments%2"_s.arg(
                        command.path, command.noexec ? u" (NOEXEC)"_s : u", and what it starts"_s));
    }
}

QList<int> capabilitiesOf(const QJsonValue &names)
{
    QList<int> numbers;
    for (const QJsonValue &name : names.toArray()) {
        if (const auto info = capabilityByName(name.toString())) {
            numbers.append(info->number);
        }
    }
    return numbers;
}

} // namespace

PrivilegeScore currentPrivilege(const InspectionReport &report)
{
    Builder builder;
    const QJsonObject process = report.sections.value(u"process"_s).toObject();
    const QJsonObject unit = report.sections.value(u"unit"_s).toObject();
    if (!process.isEmpty()) {
        const int euid = process.value(u"uid"_s).toObject().value(u"effective"_s).toInt(-1);
        if (euid == 0) {
            builder.add(u"identity.root"_s, kRoot, u"it runs as root"_s);
        }
        builder.addCapabilities(capabilitiesOf(process.value(u"capabilities"_s).toObject().value(u"effective"_s)),
                                u"it holds"_s);
        return builder.finish();
    }
    if (!unit.isEmpty()) {
        const QString user = unit.value(u"user"_s).toString();
        if (user.isEmpty() || user == u"root" || user == u"-" || unit.value(u"starts_as_root"_s).toBool()) {
            builder.add(u"identity.root"_s, kRoot, u"its unit runs it as root"_s);
            builder.addCapabilities(unit.value(u"capability_bounding_set_full"_s).toBool()
                                        ? QList<int>{0, 1, 7, 21}
                                        : capabilitiesOf(unit.value(u"capability_bounding_set"_s)),
                                    u"root keeps"_s);
        } else {
            builder.addCapabilities(capabilitiesOf(unit.value(u"ambient_capabilities"_s)), u"its unit grants"_s);
        }
        return builder.finish();
    }
    // A program alone: Deroot starts from how such agents usually run, as root.
    builder.add(u"identity.root"_s, kRoot, u"assumed to run as root today, the usual way Deroot replaces"_s);
    builder.add(u"capability.all"_s, kRootEquivalent, u"root holds every capability"_s);
    return builder.finish();
}

PrivilegeScore plannedPrivilege(const GenerationInput &input)
{
    Builder builder;
    builder.add(u"identity.user"_s, 0, u"it runs as the ordinary system user "_s + input.serviceUser);
    for (const QString &group : input.supplementaryGroups) {
        builder.add(u"group."_s + group, kLogGroup, u"member of group %1 (reads what the group may)"_s.arg(group));
    }
    switch (input.method) {
    case Method::Capabilities:
        if (input.runsUnderSystemd) {
            builder.addCapabilities(input.capabilities, u"its unit grants"_s);
            addSudo(builder, input);
            if (input.sudoCommands.isEmpty()) {
                builder.contain(u"containment.systemd"_s, kHardenedUnit,
                                u"a hardened unit: NoNewPrivileges, ProtectSystem=strict, a system-call filter, "
                                u"restricted address families and namespaces, private /tmp and devices"_s);
            } else {
                builder.contain(u"containment.systemd-sudo"_s, kSudoUnit,
                                u"a sandboxed unit, but without NoNewPrivileges, which its sudo rule needs"_s);
            }
        } else {
            addSudo(builder, input);
            builder.addCapabilities(input.capabilities, u"file capabilities grant"_s);
            if (!input.capabilities.isEmpty()) {
                builder.add(u"file-capabilities.everyone"_s, kEveryoneGetsFileCaps,
                            u"anyone who may run the program gets its file capabilities"_s);
            }
        }
        break;
    case Method::Sudo:
        addSudo(builder, input);
        builder.addCapabilities(input.capabilities, u"the plan still grants"_s);
        if (input.runsUnderSystemd) {
            builder.contain(u"containment.systemd-sudo"_s, kSudoUnit,
                            u"a sandboxed unit, but without NoNewPrivileges or a narrow bounding set, which sudo "
                            u"needs"_s);
        }
        break;
    case Method::Container: {
        // From the decisions the container generators make for this input, so the score counts
        // the flags the files really carry (--network=host, --pid=host, the host mounts, root inside).
        const ContainerDecisions design = containerDecisions(input);
        builder.addCapabilities(input.capabilities, u"the container adds"_s);
        double factor = kContainer;
        QStringList opened;
        if (design.hostNetwork) {
            factor += kHostNetwork;
            opened << u"the host's network (--network=host)"_s;
        }
        if (design.hostPid) {
            factor += kHostPid;
            opened << u"the host's processes (--pid=host)"_s;
        }
        if (design.mountProc || design.mountSys) {
            factor += kHostMounts;
            opened << u"the host's /proc or /sys, read-only under /host"_s;
        }
        if (design.rootInside) {
            factor += kRootInside;
            opened << u"root inside the container, which Docker and Kubernetes need to give it a capability (an "
                      u"escape lands as root unless user namespaces remap it)"_s;
        }
        builder.contain(u"containment.container"_s, factor,
                        u"a hardened container (read-only root, every capability dropped but these, "
                        u"no-new-privileges, its own namespaces)"_s +
                            (opened.isEmpty() ? QString() : u", with "_s + opened.join(u"; "_s)));
        break;
    }
    }
    if (input.limits.enabled) {
        builder.add(u"limits"_s, 0,
                    u"CPU %1%, memory %2 MiB and %3 tasks at most"_s.arg(input.limits.cpuQuotaPercent)
                        .arg(input.limits.memoryMaxMiB)
                        .arg(input.limits.tasksMax));
    }
    return builder.finish();
}

QJsonObject toJson(const PrivilegeScore &score)
{
    QJsonArray components;
    for (const PrivilegeComponent &component : score.components) {
        components.append(
            QJsonObject{{u"id"_s, component.id}, {u"points"_s, component.points}, {u"text"_s, component.text}});
    }
    return {{u"score"_s, score.value}, {u"verdict"_s, score.verdict}, {u"components"_s, components}};
}

} // namespace Deroot::Core
