// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/recommend/privilegescore.h"

#include "core/generate/container.h"

#include "core/base/text.h"
#include "core/inspect/accounts.h"
#include "core/model/capabilities.h"

#include <QCoreApplication>
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

QList<int> numbersOf(std::uint64_t mask)
{
    QList<int> numbers;
    for (int number = 0; number < 64; ++number) {
        if ((mask >> number) & 1U) {
            numbers.append(number);
        }
    }
    return numbers;
}

} // namespace

PrivilegeScore currentPrivilege(const InspectionReport &report)
{
    return privilegeOf(assessToday(report));
}

PrivilegeScore privilegeOf(const Today &today)
{
    Builder builder;
    const QString unit = oneLine(today.unit);
    bool rootEquivalent = false;
    if (today.root) {
        QString why;
        if (today.rootBy == u"process") {
            why = u"it runs as root (measured: uid 0 in its process status)"_s;
        } else if (today.rootBy == u"unit") {
            why = u"its unit %1 runs it as root (no User=)"_s.arg(unit);
        } else if (today.rootBy == u"unit-prefix") {
            why = u"its unit %1 starts it as root ('+' or '!' on ExecStart=) although User=%2"_s.arg(
                unit, oneLine(today.user));
        } else if (today.rootBy == u"setuid" && today.basis == TodayBasis::MeasuredUnit) {
            why = u"it is set-uid root and its unit %1 does not set no_new_privs, so it becomes root"_s.arg(unit);
        } else if (today.rootBy == u"setuid") {
            why = u"it is set-uid root: everyone who runs it runs it as root"_s;
        } else {
            why = u"if run as root: nothing runs it now and its file grants nothing, so this is the case of "
                  u"starting it as root"_s;
        }
        builder.add(u"identity.root"_s, kRoot, why);
        if (today.allCapabilities) {
            builder.add(u"capability.all"_s, kRootEquivalent, u"root holds every capability"_s);
        } else {
            builder.addCapabilities(numbersOf(today.capabilities), u"root keeps"_s);
        }
    } else {
        builder.add(
            u"identity.user"_s, 0,
            u"it runs as %1, not root"_s.arg(oneLine(today.user.isEmpty() ? u"whoever runs it"_s : today.user)));
        const QString how = today.fromFileCapabilities                ? u"its file capabilities give"_s
                            : today.basis == TodayBasis::MeasuredUnit ? u"its unit grants"_s
                                                                      : u"it holds"_s;
        builder.addCapabilities(numbersOf(today.capabilities), how);
        if (today.fromFileCapabilities) {
            builder.add(u"file-capabilities.everyone"_s, kEveryoneGetsFileCaps,
                        u"anyone who may run the program gets its file capabilities"_s);
        }
        for (const QString &group : today.groups) {
            const bool powerful = isRootEquivalentGroup(group);
            rootEquivalent = rootEquivalent || powerful;
            builder.add(u"group."_s + group, powerful ? kRootEquivalent : kLogGroup,
                        powerful ? u"member of group %1, which amounts to root"_s.arg(oneLine(group))
                                 : u"member of group %1 (reads what the group may)"_s.arg(oneLine(group)));
        }
        if (!today.setgidGroup.isEmpty()) {
            const bool powerful = isRootEquivalentGroup(today.setgidGroup);
            rootEquivalent = rootEquivalent || powerful;
            builder.add(u"group."_s + today.setgidGroup, powerful ? kRootEquivalent : kLogGroup,
                        u"set-gid %1: whoever runs it gets the group%2"_s.arg(
                            oneLine(today.setgidGroup), powerful ? u", which amounts to root"_s : QString()));
        }
    }
    for (const int number : numbersOf(today.capabilities)) {
        const auto info = capabilityByNumber(number);
        rootEquivalent = rootEquivalent || (info && info->risk == CapabilityRisk::RootEquivalent);
    }
    // A sandbox limits what the agent reaches; one that can undo it (CAP_SYS_ADMIN, a disk group)
    // is not contained by it, so the factor counts only without a root-equivalent power.
    if (!rootEquivalent && today.sandbox == TodaySandbox::Hardened) {
        builder.contain(u"containment.systemd"_s, kHardenedUnit,
                        u"its unit %1 is hardened: %2"_s.arg(unit, today.sandboxSettings.join(u", "_s)));
    } else if (!rootEquivalent && today.sandbox == TodaySandbox::Partial) {
        builder.contain(u"containment.systemd-partial"_s, kSudoUnit,
                        u"its unit %1 is partly sandboxed: %2"_s.arg(unit, today.sandboxSettings.join(u", "_s)));
    }
    PrivilegeScore score = builder.finish();
    score.basis = today.basis;
    return score;
}

QString privilegeBasisText(std::optional<TodayBasis> basis)
{
    if (!basis) {
        return QCoreApplication::translate("Deroot::Core::PrivilegeScore", "with the plan");
    }
    switch (*basis) {
    case TodayBasis::MeasuredProcess:
        return QCoreApplication::translate("Deroot::Core::PrivilegeScore", "as it runs now");
    case TodayBasis::MeasuredUnit:
        return QCoreApplication::translate("Deroot::Core::PrivilegeScore", "as its unit runs it");
    case TodayBasis::FileGrants:
        return QCoreApplication::translate("Deroot::Core::PrivilegeScore", "from what its file grants whoever runs it");
    case TodayBasis::HypotheticalRoot:
        return QCoreApplication::translate("Deroot::Core::PrivilegeScore", "if run as root");
    }
    Q_UNREACHABLE_RETURN(QString());
}

PrivilegeScore plannedPrivilege(const GenerationInput &input)
{
    Builder builder;
    // A called program runs as whoever calls it, with no unit of its own: its capabilities sit on
    // its file, as without systemd.
    const bool called = input.startMode == StartMode::CalledBy;
    const bool unit = input.runsUnderSystemd && !called;
    builder.add(u"identity.user"_s, 0,
                called ? (input.callerUser.isEmpty() ? u"it runs as whoever calls it, not root"_s
                                                     : u"it runs as its caller %1, not root"_s.arg(input.callerUser))
                       : u"it runs as the ordinary system user "_s + input.serviceUser);
    for (const QString &group : input.supplementaryGroups) {
        builder.add(u"group."_s + group, kLogGroup, u"member of group %1 (reads what the group may)"_s.arg(group));
    }
    switch (input.method) {
    case Method::Capabilities:
        if (unit) {
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
        if (unit) {
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
        if (design.mountRoot) {
            factor += kHostMounts;
            opened << u"the host's whole file system, read-only at /host"_s;
        } else if (design.mountProc || design.mountSys) {
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
    return {{u"score"_s, score.value},
            {u"verdict"_s, score.verdict},
            {u"basis"_s, score.basis ? todayBasisId(*score.basis) : u"plan"_s},
            {u"components"_s, components}};
}

} // namespace Deroot::Core
