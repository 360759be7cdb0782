// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/fleet/fleet.h"
#include "ui/wizard/wizardsession.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

class QTreeWidget;
class QTreeWidgetItem;

namespace Deroot::Ui {

/// The audit view's rows for a fleet folder (derootctl fleet's merge): one row per host's agent or
/// file, with its host and effective privilege, in the merge's order (highest privilege first).
/// Kept apart from AuditView so the view's own code stays about one machine.
class FleetRows final
{
    Q_DECLARE_TR_FUNCTIONS(Deroot::Ui::FleetRows)

public:
    /// The columns: privilege, host, agent or file, runs as / mode, capabilities, suggestion.
    static QStringList headerLabels();
    /// Replaces @p tree's rows with @p report's.
    static void fill(QTreeWidget *tree, const Core::FleetReport &report);
    /// The agent a row stands for, with its host: a system unit as a unit, a program or file by its
    /// path; none for a row without either (a process known only by its command name, a user's unit).
    static std::optional<AgentTarget> targetOf(const QTreeWidgetItem *item);
    /// The status line: hosts merged, rows, files left out (each named), what opening a row does.
    static QString status(const Core::FleetReport &report);
    /// Whether @p host names this machine (its host name, or that name's first label).
    static bool isThisMachine(const QString &host);
};

} // namespace Deroot::Ui
