// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/plan/helperprotocol.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Deroot::Core {

/// The helper's answer to Apply (docs/helper.md), typed: what derootctl and the Finish page read
/// of it. Read from the reply's JSON in one place, fromJson(), and described in one,
/// describeOutcome(), so that the two clients cannot tell one outcome two ways.
struct ApplyOutcome
{
    /// One field of the running agent (or of its timer) compared with the plan.
    struct AgentField
    {
        QString name; ///< "uid", "CapEff", "CapAmb", "NoNewPrivs", "ActiveState", ...
        QString expected;
        QString actual;
        bool ok = false;
    };
    /// The helper's check of what the plan started.
    struct AgentCheck
    {
        bool checked = false; ///< the plan started a unit and the helper read it
        bool ok = false;      ///< every field matched
        QString unit;         ///< a .timer for a scheduled plan: then no process runs yet and pid is 0
        qint64 pid = 0;
        QList<AgentField> fields;
    };

    QString applyId;
    /// Every step was done and the agent, if checked, is as planned.
    bool ok = false;
    /// A step failed and everything before it was undone: nothing of the apply is in place.
    bool rolledBack = false;
    QString message; ///< the helper's one line, in English (it cannot know the caller's language)
    QList<StepProgress> steps;
    AgentCheck agent;
    QDateTime confirmBy; ///< when a confirmation is awaited, the helper's deadline (UTC); invalid otherwise
    QJsonObject json;    ///< the reply as the helper sent it, for derootctl --json: scripts read its keys

    /// The apply's changes are in place (all of them, or, with an agent that does not match, until
    /// they are undone).
    bool inPlace() const { return !rolledBack; }
    /// Steps that changed the system: done, and not an export-only file (never installed).
    int stepsDone() const;

    /// Reads the helper's reply. Fails when the reply lacks the apply id or the verdict, without
    /// which no client can say what happened; other keys missing read as their defaults.
    static Result<ApplyOutcome> fromJson(const QJsonObject &object);
};

/// An outcome in words, as derootctl prints it and the Finish page shows it (translated).
struct OutcomeText
{
    QString summary;    ///< one sentence: what happened, the helper's message in it when something failed
    bool error = false; ///< the summary reports a failure, an undone apply or a mismatch
    /// The agent check: a heading ("Running agent (unit, pid N):", or the timer's), then one line per
    /// field ("uid: 0, but the plan expects 998"). Empty when nothing was checked.
    QStringList agentLines;
    bool agentMismatch = false; ///< a field of the check differs from the plan
};

OutcomeText describeOutcome(const ApplyOutcome &outcome);

/// A value of the helper's agent check as an admin reads it. The capability sets (CapEff, CapPrm,
/// CapAmb, CapBnd, CapInh) come from /proc in hex; they are shown by name ("CAP_NET_RAW", "none",
/// "all"); every other value is returned as it is. The JSON keeps the hex, for scripts.
QString agentFieldText(const QString &field, const QString &value);

} // namespace Deroot::Core
