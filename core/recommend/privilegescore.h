// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/generate/generationinput.h"
#include "core/inspect/report.h"

#include <QJsonObject>
#include <QList>
#include <QString>

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
};

/// What the agent holds today, from the inspection: a process's identity and effective
/// capabilities, a unit's User= and capabilities, or for a program alone the premise Deroot
/// starts from (it runs as root).
PrivilegeScore currentPrivilege(const InspectionReport &report);

/// What the plan @p input (its method included) would leave the agent.
PrivilegeScore plannedPrivilege(const GenerationInput &input);

QJsonObject toJson(const PrivilegeScore &score);

} // namespace Deroot::Core
