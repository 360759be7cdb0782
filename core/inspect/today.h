// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/inspect/report.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace Deroot::Core {

/// Where the picture of how the agent runs today comes from, strongest evidence first. Only the
/// first three are observations; the last is the case Deroot assumes when there is nothing to observe.
enum class TodayBasis {
    MeasuredProcess,  ///< a running process: its uids, capability sets and groups in /proc
    MeasuredUnit,     ///< its unit as systemd reports it (User=, capability sets, sandbox); nothing runs
    FileGrants,       ///< nothing runs it, and the file grants privilege to whoever runs it
    HypotheticalRoot, ///< nothing runs it and the file grants nothing: the case of running it as root
};

/// "measured-process", "measured-unit", "file-grants", "hypothetical-root": the JSON spelling.
QString todayBasisId(TodayBasis basis);
/// The basis @p id spells, if it is one of todayBasisId()'s words.
[[nodiscard]] std::optional<TodayBasis> todayBasisFromId(QStringView id);

/// How much a unit's own settings contain what the agent holds (docs/privilege-score.md).
enum class TodaySandbox {
    None,
    Partial,  ///< ProtectSystem= and a system-call filter, but not all of a hardened unit
    Hardened, ///< no_new_privs, ProtectSystem=strict, a system-call filter, restricted address families
};

/// How the agent runs today, read from the strongest evidence in an inspection report. Pure.
struct Today
{
    TodayBasis basis = TodayBasis::HypotheticalRoot;
    bool root = false; ///< it runs with uid 0, or could go back to it (real, effective or saved)
    /// How it comes to be root: "process", "unit", "unit-prefix" ('+' or '!' on ExecStart= despite
    /// User=), "setuid" (a set-uid root file), "hypothetical"; empty when not root.
    QString rootBy;
    QString user;                      ///< the account it runs as when it is not root, for display; empty when root
    QString unit;                      ///< the unit whose settings were read, if any
    std::uint64_t capabilities = 0;    ///< what it holds or can raise (for root: its bounding set)
    bool allCapabilities = false;      ///< @ref capabilities holds every capability Deroot knows
    bool fromFileCapabilities = false; ///< the capabilities are the file's, so whoever runs it gets them
    QString setgidGroup;               ///< a set-gid file: the group whoever runs it gets
    QStringList groups;                ///< supplementary groups it runs with (process or unit)
    TodaySandbox sandbox = TodaySandbox::None;
    QStringList sandboxSettings; ///< the unit settings behind @ref sandbox, for the reasons
};

Today assessToday(const InspectionReport &report);

/// The one line that answers "is this a problem at all?", from how it runs today and what the
/// evidence says it needs.
struct Verdict
{
    /// Stable: "runs-as-root", "setuid-root", "root-equivalent", "holds-more-than-needed",
    /// "already-de-rooted", "file-capabilities", "set-id", "not-running" (docs/inspect-json.md).
    QString id;
    QString text; ///< one sentence, translated (context "Deroot::Core::Verdict")
    TodayBasis basis = TodayBasis::HypotheticalRoot;
};

Verdict verdictOf(const InspectionReport &report);

/// {"id", "text", "basis"}: the inspection document's "verdict".
QJsonObject toJson(const Verdict &verdict);

} // namespace Deroot::Core
