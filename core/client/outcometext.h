// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/plan/applyoutcome.h"

#include <QString>
#include <QStringList>

namespace Deroot::Core {

/// An outcome in words, as derootctl prints it and the Finish page shows it (translated): described
/// in one place, so that the two clients cannot tell one outcome two ways.
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
