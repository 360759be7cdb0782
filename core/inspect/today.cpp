// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// How the agent runs today, from the inspection's evidence, and the one-line verdict built on it.
// The score of docs/privilege-score.md ("before") and the first line of every inspection (GUI and
// derootctl) come from here, so they cannot disagree about what was measured and what was assumed.
#include "core/inspect/today.h"

#include "core/base/text.h"
#include "core/inspect/accounts.h"
#include "core/model/capabilities.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

std::uint64_t bit(int number)
{
    return std::uint64_t(1) << number;
}

std::uint64_t everyCapability()
{
    std::uint64_t mask = 0;
    for (const CapabilityInfo &info : capabilityTable()) {
        mask |= bit(info.number);
    }
    return mask;
}

std::uint64_t rootEquivalentCapabilities()
{
    std::uint64_t mask = 0;
    for (const CapabilityInfo &info : capabilityTable()) {
        if (info.risk == CapabilityRisk::RootEquivalent) {
            mask |= bit(info.number);
        }
    }
    return mask;
}

// The capabilities of @p mask that Deroot knows: the others have no risk to weigh.
std::uint64_t known(std::uint64_t mask)
{
    return mask & everyCapability();
}

// "uid 107 (prometheus)" -> "prometheus"; "uid 1234" stays as it is.
QString nameIn(const QString &described)
{
    const qsizetype open = described.indexOf(u'(');
    return open > 0 && described.endsWith(u')') ? described.mid(open + 1).chopped(1) : described;
}

bool processIsRoot(const ProcessSection &process)
{
    // Saved uid 0 counts: a process that only lowered its effective uid can raise it again.
    return process.uid.real == 0 || process.uid.effective == 0 || process.uid.saved == 0;
}

// File capabilities that act when the program runs on this host: none on a script (the kernel
// runs the interpreter), none when namespaced (v3: only under that namespace's root).
std::uint64_t fileCapabilities(const std::optional<FileSection> &file, bool script)
{
    if (script || !file || !file->capabilities || file->capabilities->rootId) {
        return 0;
    }
    return known(file->capabilities->permitted);
}

TodaySandbox sandboxOf(const UnitSection &unit, bool measuredNoNewPrivs, QStringList &settings)
{
    const bool nnp = unit.noNewPrivileges || !unit.noNewPrivilegesImpliedBy.isEmpty() || measuredNoNewPrivs;
    const QString &protect = unit.protectSystem;
    const QString &filterMode = unit.systemCallFilterMode;
    const bool filter = !filterMode.isEmpty() && filterMode != u"none";
    const bool families = !unit.restrictAddressFamilies.isEmpty() || unit.hasPrivateNetwork();
    const bool protects = protect == u"strict" || protect == u"full" || protect == u"yes";
    if (nnp) {
        settings << u"no_new_privs"_s;
    }
    if (protects) {
        settings << u"ProtectSystem="_s + protect;
    }
    if (filter) {
        settings << u"SystemCallFilter="_s;
    }
    if (families) {
        settings << (unit.hasPrivateNetwork() ? u"PrivateNetwork=yes"_s : u"RestrictAddressFamilies="_s);
    }
    if (nnp && protect == u"strict" && filter && families) {
        return TodaySandbox::Hardened;
    }
    return protects && filter ? TodaySandbox::Partial : TodaySandbox::None;
}

QStringList groupNames(const QList<ProcessGroup> &groups)
{
    QStringList names;
    for (const ProcessGroup &group : groups) {
        if (!group.name.isEmpty()) {
            names << group.name;
        }
    }
    return names;
}

// --- The verdict's wording. Every sentence is one translatable string with its parts as
// arguments, so a translation can reorder them.

QString listed(const QStringList &items)
{
    constexpr int kShown = 3;
    if (items.size() <= kShown + 1) {
        return items.join(u", "_s);
    }
    return QCoreApplication::translate("Deroot::Core::Verdict", "%1 and %n more", nullptr, int(items.size() - kShown))
        .arg(items.mid(0, kShown).join(u", "_s));
}

QStringList capabilityList(std::uint64_t mask)
{
    return capabilityNames(mask);
}

// What a root agent holds, as a whole phrase so that a translation can choose its preposition:
// "with all capabilities", "with every capability but CAP_SYS_MODULE", "with CAP_NET_RAW".
QString heldByRoot(std::uint64_t capabilities)
{
    const std::uint64_t missing = everyCapability() & ~capabilities;
    if (missing == 0) {
        return QCoreApplication::translate("Deroot::Core::Verdict", "with all capabilities");
    }
    if (capabilities == 0) {
        return QCoreApplication::translate("Deroot::Core::Verdict", "with no capabilities");
    }
    if (capabilityList(missing).size() <= 3) {
        return QCoreApplication::translate("Deroot::Core::Verdict", "with every capability but %1")
            .arg(capabilityList(missing).join(u", "_s));
    }
    return QCoreApplication::translate("Deroot::Core::Verdict", "with %1").arg(listed(capabilityList(capabilities)));
}

// What a non-root agent holds: "with no capabilities" or "with only CAP_NET_RAW".
QString heldByUser(std::uint64_t capabilities)
{
    return capabilities == 0 ? QCoreApplication::translate("Deroot::Core::Verdict", "with no capabilities")
                             : QCoreApplication::translate("Deroot::Core::Verdict", "with only %1")
                                   .arg(listed(capabilityList(capabilities)));
}

QString needsClause(const Needs &needs)
{
    QStringList required;
    QStringList optional;
    for (const CapabilityNeed &need : needs.capabilities) {
        const auto info = capabilityByNumber(need.capability);
        const QString name = info ? QString::fromLatin1(info->name) : u"cap_%1"_s.arg(need.capability);
        (isUnconditional(need.reasons) ? required : optional) << name;
    }
    if (!required.isEmpty() && !optional.isEmpty()) {
        return QCoreApplication::translate("Deroot::Core::Verdict", "it needs %1, and %2 only in some configurations")
            .arg(listed(required), listed(optional));
    }
    if (!required.isEmpty()) {
        return QCoreApplication::translate("Deroot::Core::Verdict", "it needs %1").arg(listed(required));
    }
    if (!optional.isEmpty()) {
        return QCoreApplication::translate("Deroot::Core::Verdict",
                                           "it needs no capability, only %1 in some configurations")
            .arg(listed(optional));
    }
    if (!needs.commands.isEmpty()) {
        QStringList commands;
        for (const NamedNeed &command : needs.commands) {
            commands << oneLine(command.name);
        }
        return QCoreApplication::translate("Deroot::Core::Verdict", "it needs no capability, only to run %1 as root")
            .arg(listed(commands));
    }
    return QCoreApplication::translate("Deroot::Core::Verdict", "the inspection found no capability it needs");
}

std::uint64_t neededCapabilities(const Needs &needs)
{
    std::uint64_t mask = 0;
    for (const CapabilityNeed &need : needs.capabilities) {
        if (need.capability >= 0 && need.capability < 64) {
            mask |= bit(need.capability);
        }
    }
    return mask;
}

Verdict rootVerdict(const Today &today, const QString &needs)
{
    const QString unit = oneLine(today.unit);
    const QString user = oneLine(today.user);
    if (today.rootBy == u"hypothetical") {
        return {u"not-running"_s,
                QCoreApplication::translate("Deroot::Core::Verdict", "Not running, and its file grants nothing: it "
                                                                     "runs as root only if you start it as root; %1")
                    .arg(needs),
                today.basis};
    }
    if (today.rootBy == u"setuid") {
        if (today.basis == TodayBasis::MeasuredUnit) {
            return {u"setuid-root"_s,
                    QCoreApplication::translate("Deroot::Core::Verdict",
                                                "Its unit %1 runs it as %2, but the program is set-uid root and "
                                                "nothing in the unit stops it from becoming root; %3")
                        .arg(unit, user, needs),
                    today.basis};
        }
        return {u"setuid-root"_s,
                QCoreApplication::translate("Deroot::Core::Verdict",
                                            "Set-uid root: everyone who runs it runs it as root; %1")
                    .arg(needs),
                today.basis};
    }
    if (today.rootBy == u"unit-prefix") {
        return {u"runs-as-root"_s,
                QCoreApplication::translate("Deroot::Core::Verdict",
                                            "Its unit %1 starts it as root ('+' or '!' on ExecStart=) although "
                                            "User=%2, %3; %4")
                    .arg(unit, user, heldByRoot(today.capabilities), needs),
                today.basis};
    }
    if (today.basis == TodayBasis::MeasuredUnit) {
        return {u"runs-as-root"_s,
                QCoreApplication::translate("Deroot::Core::Verdict", "Its unit %1 runs it as root %2; %3")
                    .arg(unit, heldByRoot(today.capabilities), needs),
                today.basis};
    }
    return {u"runs-as-root"_s,
            QCoreApplication::translate("Deroot::Core::Verdict", "Runs as root %1; %2")
                .arg(heldByRoot(today.capabilities), needs),
            today.basis};
}

} // namespace

QString todayBasisId(TodayBasis basis)
{
    switch (basis) {
    case TodayBasis::MeasuredProcess:
        return u"measured-process"_s;
    case TodayBasis::MeasuredUnit:
        return u"measured-unit"_s;
    case TodayBasis::FileGrants:
        return u"file-grants"_s;
    case TodayBasis::HypotheticalRoot:
        return u"hypothetical-root"_s;
    }
    Q_UNREACHABLE_RETURN(QString());
}

std::optional<TodayBasis> todayBasisFromId(QStringView id)
{
    for (const TodayBasis basis : {TodayBasis::MeasuredProcess, TodayBasis::MeasuredUnit, TodayBasis::FileGrants,
                                   TodayBasis::HypotheticalRoot}) {
        if (id == todayBasisId(basis)) {
            return basis;
        }
    }
    return std::nullopt;
}

Today assessToday(const InspectionReport &report)
{
    Today today;
    const FileSection file = report.file.value_or(FileSection{});
    const bool script = report.script.has_value();
    const std::uint64_t fileCaps = fileCapabilities(report.file, script);
    today.unit = report.unit ? report.unit->id : QString();

    if (const auto &process = report.process) {
        // Measured: whatever the unit or the file say, this is what the kernel gave it.
        today.basis = TodayBasis::MeasuredProcess;
        const ProcessCapabilities &caps = process->capabilities;
        const std::uint64_t effective = known(caps.effective);
        const std::uint64_t permitted = known(caps.permitted);
        if (processIsRoot(*process)) {
            // Root gets its whole bounding set back at its next execve (capabilities(7)).
            today.root = true;
            today.rootBy = u"process"_s;
            today.capabilities = known(caps.bounding) | permitted | effective;
        } else {
            // A permitted capability is one capset() away from effective.
            today.capabilities = permitted | effective | known(caps.ambient);
            today.fromFileCapabilities = (today.capabilities & fileCaps) != 0 && known(caps.ambient) == 0;
            QString user = process->effectiveUser;
            if (user.isEmpty()) {
                user = process->user;
            }
            today.user = user.isEmpty() ? u"uid %1"_s.arg(process->uid.effective) : user;
            today.groups = groupNames(process->groups);
        }
        if (report.unit) {
            today.sandbox = sandboxOf(*report.unit, process->noNewPrivs.value_or(false), today.sandboxSettings);
        }
    } else if (const auto &unit = report.unit) {
        today.basis = TodayBasis::MeasuredUnit;
        const std::uint64_t bounding =
            unit->capabilityBoundingSetFull ? everyCapability() : known(unit->capabilityBoundingSet);
        const QString user = unit->user;
        const bool dynamicUser = unit->dynamicUser;
        const bool rootUser = !dynamicUser && (user.isEmpty() || user == u"root" || user == u"0");
        today.sandbox = sandboxOf(*unit, false, today.sandboxSettings);
        if (rootUser || unit->startsAsRoot) {
            today.root = true;
            today.rootBy = rootUser ? u"unit"_s : u"unit-prefix"_s;
            today.user = rootUser ? QString() : user;
            today.capabilities = bounding;
        } else {
            today.user = dynamicUser ? QCoreApplication::translate("Deroot::Core::Verdict", "a dynamic user") : user;
            QStringList groups = unit->supplementaryGroups;
            groups.removeAll(QString());
            today.groups = groups;
            today.capabilities = known(unit->ambientCapabilities) & bounding;
            // Without no_new_privs the program's own set-uid bit and file capabilities still act
            // at execve, within the bounding set.
            const bool nnp = today.sandboxSettings.contains(u"no_new_privs"_s);
            if (!nnp && !script && file.setuid && file.uid == 0) {
                today.root = true;
                today.rootBy = u"setuid"_s;
                today.capabilities = bounding;
            } else if (!nnp && (fileCaps & bounding) != 0) {
                today.capabilities |= fileCaps & bounding;
                today.fromFileCapabilities = true;
            }
        }
    } else {
        // Nothing runs it: only what the file itself grants whoever runs it. The kernel ignores
        // set-uid, set-gid and file capabilities on scripts.
        if (report.file && !script) {
            if (file.setuid) {
                today.basis = TodayBasis::FileGrants;
                if (file.uid == 0) {
                    today.root = true;
                    today.rootBy = u"setuid"_s;
                    today.capabilities = everyCapability();
                } else {
                    today.user = nameIn(file.owner);
                }
            }
            if (file.setgid) {
                today.basis = TodayBasis::FileGrants;
                today.setgidGroup = nameIn(file.group);
            }
            if (fileCaps != 0) {
                today.basis = TodayBasis::FileGrants;
                today.capabilities |= fileCaps;
                today.fromFileCapabilities = true;
            }
        }
        if (today.basis == TodayBasis::HypotheticalRoot) {
            today.root = true;
            today.rootBy = u"hypothetical"_s;
            today.capabilities = everyCapability();
        }
    }
    today.allCapabilities = (today.capabilities & everyCapability()) == everyCapability();
    return today;
}

Verdict verdictOf(const InspectionReport &report)
{
    const Today today = assessToday(report);
    const QString needs = needsClause(report.needs);
    if (today.root) {
        return rootVerdict(today, needs);
    }
    const QString unit = oneLine(today.unit);
    const QString user = oneLine(today.user);

    // Not root, but as good as root: a capability or a group with a known way to root.
    QStringList rootLike = capabilityList(today.capabilities & rootEquivalentCapabilities());
    for (const QString &group : today.groups) {
        if (isRootEquivalentGroup(group)) {
            rootLike << QCoreApplication::translate("Deroot::Core::Verdict", "group %1").arg(oneLine(group));
        }
    }
    const bool setgidRootLike = !today.setgidGroup.isEmpty() && isRootEquivalentGroup(today.setgidGroup);
    if (today.basis == TodayBasis::FileGrants) {
        if (!rootLike.isEmpty()) {
            return {u"root-equivalent"_s,
                    QCoreApplication::translate("Deroot::Core::Verdict",
                                                "Its file capabilities give everyone who runs it %1, which amounts "
                                                "to root; %2")
                        .arg(listed(rootLike), needs),
                    today.basis};
        }
        if (setgidRootLike) {
            return {u"root-equivalent"_s,
                    QCoreApplication::translate("Deroot::Core::Verdict",
                                                "Set-gid %1: everyone who runs it gets group %1, which amounts to "
                                                "root; %2")
                        .arg(oneLine(today.setgidGroup), needs),
                    today.basis};
        }
        if (today.fromFileCapabilities) {
            return {u"file-capabilities"_s,
                    QCoreApplication::translate("Deroot::Core::Verdict",
                                                "Nothing to de-root: its file capabilities already give it only %1, "
                                                "not root; it needs root only if you run it as root")
                        .arg(listed(capabilityList(today.capabilities))),
                    today.basis};
        }
        if (!today.user.isEmpty()) {
            return {u"set-id"_s,
                    QCoreApplication::translate("Deroot::Core::Verdict",
                                                "Set-uid %1: everyone who runs it runs it as %1, not root; it needs "
                                                "root only if you run it as root")
                        .arg(user),
                    today.basis};
        }
        return {u"set-id"_s,
                QCoreApplication::translate("Deroot::Core::Verdict",
                                            "Set-gid %1: everyone who runs it gets group %1, not root; it needs root "
                                            "only if you run it as root")
                    .arg(oneLine(today.setgidGroup)),
                today.basis};
    }

    const bool fromUnit = today.basis == TodayBasis::MeasuredUnit;
    if (!rootLike.isEmpty()) {
        return {u"root-equivalent"_s,
                fromUnit
                    ? QCoreApplication::translate("Deroot::Core::Verdict",
                                                  "Its unit %1 runs it as %2, not root, but %3 amounts to root; %4")
                          .arg(unit, user, listed(rootLike), needs)
                    : QCoreApplication::translate("Deroot::Core::Verdict",
                                                  "Runs as %1, not root, but %2 amounts to root; %3")
                          .arg(user, listed(rootLike), needs),
                today.basis};
    }
    const std::uint64_t extra = today.capabilities & ~neededCapabilities(report.needs);
    if (extra != 0) {
        return {u"holds-more-than-needed"_s,
                fromUnit ? QCoreApplication::translate("Deroot::Core::Verdict",
                                                       "Its unit %1 runs it as %2, not root, but also grants %3, "
                                                       "which the evidence does not show it needs; %4")
                               .arg(unit, user, listed(capabilityList(extra)), needs)
                         : QCoreApplication::translate("Deroot::Core::Verdict",
                                                       "Runs as %1, not root, but also holds %2, which the evidence "
                                                       "does not show it needs; %3")
                               .arg(user, listed(capabilityList(extra)), needs),
                today.basis};
    }
    return {u"already-de-rooted"_s,
            fromUnit ? QCoreApplication::translate("Deroot::Core::Verdict",
                                                   "Its unit %1 already runs it as %2 %3: nothing to de-root")
                           .arg(unit, user, heldByUser(today.capabilities))
                     : QCoreApplication::translate("Deroot::Core::Verdict", "Already runs as %1 %2: nothing to de-root")
                           .arg(user, heldByUser(today.capabilities)),
            today.basis};
}

QJsonObject toJson(const Verdict &verdict)
{
    return {{u"id"_s, verdict.id}, {u"text"_s, verdict.text}, {u"basis"_s, todayBasisId(verdict.basis)}};
}

} // namespace Deroot::Core
