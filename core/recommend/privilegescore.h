// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/inspect/report.h"
#include "core/inspect/today.h"
#include "core/model/generationinput.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Deroot::Core {

/// One part of an effective-privilege score, with its reason.
struct PrivilegeComponent
{
    QString id;    ///< "identity.root", "capability.CAP_NET_RAW", "sudo./usr/sbin/smartctl", "containment.systemd"
    double points; ///< what it adds (or, for containment, the factor applied)
    QString text;
};

/// Deroot's "effective privilege": 0 (an ordinary user) to 100 (root with every capability),
/// over the whole plan: identity, capabilities with their root-equivalence, sudo commands and what
/// they allow, group memberships, then the containment around all of it (the systemd sandbox or
/// the container). docs/privilege-score.md defines it and defends the weights. Unlike
/// systemd-analyze's exposure score it counts sudo rules, file capabilities and containers.
struct PrivilegeScore
{
    double value = 0;
    QList<PrivilegeComponent> components; ///< additions first, then the containment factor
    QString verdict;                      ///< "minimal" (< 10), "low" (< 30), "elevated" (< 60), "root-level"
    /// For a score of today: what it stands on, measured or the hypothetical case of running it
    /// as root. Empty for a plan's score. The JSON's "basis" ("plan" when empty).
    std::optional<TodayBasis> basis;
};

/// What the agent holds today, from the strongest evidence the inspection has (assessToday()): a
/// running process's uids, capability sets and groups; else its unit's User=, capability sets and
/// sandbox; else what the file grants whoever runs it (set-uid, set-gid, file capabilities). Only
/// where nothing runs and nothing grants is it the hypothetical case of running it as root, and
/// its basis says so.
PrivilegeScore currentPrivilege(const InspectionReport &report);

/// The score of @p today, however it was learnt: from an inspection here (currentPrivilege()) or
/// from another machine's audit (the fleet report), so both weigh alike.
PrivilegeScore privilegeOf(const Today &today);

/// How a score's number is to be read, translated (context "Deroot::Core::PrivilegeScore"): "as it
/// runs now", "as its unit runs it", "from what its file grants whoever runs it", "if run as root"
/// or, without a basis (a plan's score), "with the plan".
QString privilegeBasisText(std::optional<TodayBasis> basis);

/// What the plan @p input (its method included) would leave the agent.
PrivilegeScore plannedPrivilege(const GenerationInput &input);

QJsonObject toJson(const PrivilegeScore &score);

} // namespace Deroot::Core
