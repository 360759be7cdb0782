// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/plan/helperprotocol.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Deroot::Core {

/// One field of the running agent (or of its timer) compared with the plan.
struct AgentField
{
    QString name; ///< "uid", "CapEff", "CapAmb", "CapBnd", "NoNewPrivs", "ActiveState", ...
    QString expected;
    QString actual;
    bool ok = false;
};

/// The helper's check of what the plan started: the agent's /proc/PID/status, or systemd's view
/// of its timer, compared with the plan.
struct AgentCheck
{
    bool checked = false; ///< the plan started a unit and the helper read it
    bool ok = false;      ///< every field matched
    QString unit;         ///< a .timer for a scheduled plan: then no process runs yet and pid is 0
    qint64 pid = 0;
    QList<AgentField> fields;

    /// As Apply's reply ("agent") and the helper's journal ("agent_check") carry it.
    QJsonObject toJson() const;
    /// The inverse of toJson(); a missing or mistyped key reads as its default.
    static AgentCheck fromJson(const QJsonObject &object);
};

/// The result of an apply that ran to the end: every step done, or a step failed and everything
/// before it was undone (then ok is false and rolledBack true). One type on both sides of the bus:
/// the helper's engine returns it, the service sends it as Apply's reply (toJson(), docs/helper.md),
/// and derootctl and the Finish page read it back (fromJson()). Here, in the plan layer, because the
/// helper reaches no higher.
struct ApplyOutcome
{
    QString applyId;
    /// Every step was done and the agent, if checked, is as planned.
    bool ok = false;
    /// A step failed and everything before it was undone: nothing of the apply is in place.
    bool rolledBack = false;
    QString message; ///< the helper's one line, in English (it cannot know the caller's language)
    QList<StepProgress> steps;
    AgentCheck agent;
    QDateTime confirmBy; ///< when a confirmation is awaited, the helper's deadline (UTC); invalid otherwise

    /// The apply's changes are in place (all of them, or, with an agent that does not match, until
    /// they are undone).
    bool inPlace() const { return !rolledBack; }
    /// Steps that changed the system: done, and not an export-only file (never installed).
    int stepsDone() const;

    /// Apply's reply, as the helper sends it and derootctl --json prints it: scripts read its keys.
    QJsonObject toJson() const;
    /// Reads the helper's reply. Fails when the reply lacks the apply id or the verdict, without
    /// which no client can say what happened; other keys missing read as their defaults.
    static Result<ApplyOutcome> fromJson(const QJsonObject &object);
};

} // namespace Deroot::Core
