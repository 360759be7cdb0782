// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/processfindings.h"

#include "core/inspect/accounts.h"
#include "core/model/capabilities.h"

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {} // namespace

QList<Finding> processFindings(const ProcessIdentity &identity,
                               const std::function<QString(std::uint32_t gid)> &groupName)
{
    QList<Finding> findings;
    const auto add = [&findings](const QString &id, Severity severity, const QString &message,
                                 const QStringList &evidence = {}) {
        findings.append({id, severity, message, evidence});
    };
    const Proc::Status &status = identity.status;
    const QString who = u"PID "_s + QString::number(identity.pid) + u" ("_s + identity.stat.comm + u')';
    for (const std::uint32_t gid : status.groups) {
        const QString name = groupName(gid);
        if (isRootEquivalentGroup(name)) {
            add(u"process.root-equivalent-group"_s, Severity::High,
                who + u" is a member of group "_s + name +
                    u", which amounts to root: drop the membership unless it is the point."_s,
                {u"Groups: "_s + QString::number(gid)});
        }
    }
    const QString capLine = u"CapEff: "_s + capabilityMaskHex(status.capEff);
    if (status.uid[0] == 0 || status.uid[1] == 0) {
        add(u"process.runs-as-root"_s, Severity::High,
            who + u" runs as root: find what it needs and run it as its own user."_s,
            {u"Uid: %1 %2 %3 %4"_s.arg(status.uid[0]).arg(status.uid[1]).arg(status.uid[2]).arg(status.uid[3])});
    }
    if (status.capEff != 0 && status.capEff == status.capBnd) {
        add(u"process.full-capabilities"_s, Severity::High,
            who + u" holds every capability its bounding set allows ("_s +
                QString::number(capabilityNames(status.capEff).size()) + u")."_s,
            {capLine, u"CapBnd: "_s + capabilityMaskHex(status.capBnd)});
    } else if (status.capEff != 0) {
        QStringList rootEquivalent;
        for (const QString &name : capabilityNames(status.capEff)) {
            const auto info = capabilityByName(name);
            if (info && info->risk == CapabilityRisk::RootEquivalent) {
                rootEquivalent.append(name);
            }
        }
        add(u"process.effective-capabilities"_s, rootEquivalent.isEmpty() ? Severity::Info : Severity::High,
            rootEquivalent.isEmpty() ? who + u" holds "_s + capabilityNames(status.capEff).join(u", "_s) + u"."_s
                                     : who + u" holds root-equivalent "_s + rootEquivalent.join(u", "_s) + u"."_s,
            {capLine});
    }
    if (status.capAmb != 0) {
        add(u"process.ambient-capabilities"_s, Severity::Info,
            who + u" has ambient capabilities "_s + capabilityNames(status.capAmb).join(u", "_s) +
                u", which it passes on to the programs it runs."_s,
            {u"CapAmb: "_s + capabilityMaskHex(status.capAmb)});
    }
    if (identity.executableDeleted) {
        add(u"process.executable-deleted"_s, Severity::Medium,
            who + u" runs an executable that was replaced or removed since it started: restart it "
                  u"so it runs the installed version."_s,
            {u"exe -> "_s + identity.executable + u" (deleted)"_s});
    }
    if (identity.executable.isEmpty() && !identity.executableUnreadable) {
        add(u"process.no-executable"_s, Severity::Info,
            who + u" has no executable link; its program cannot be inspected."_s);
    }
    return findings;
}

} // namespace Deroot::Core
