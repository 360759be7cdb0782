// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Deroot::Helper {

/// What a plan does to a unit it did not write: a drop-in that changes it, or the switch-over
/// that stops and disables it so that a unit of Deroot's own takes over.
enum class UnitUse { DropIn, Replace };

/// Whether a plan may change @p unit in the way @p use says, for the plan's @p program: systemd must
/// have the unit loaded, and its one ExecStart= command must run exactly that program. @p show is
/// the output of `systemctl show --property=LoadState --property=ExecStart -- UNIT`. A drop-in
/// changes the user, capabilities and hardening of whatever the unit runs, and stopping a unit
/// stops whatever it runs: for sshd.service or dbus.service either would lock the admin out or hand
/// that daemon to the agent's account, whatever program the plan names. Returns one sentence saying
/// what is wrong, or nothing when the unit is the plan's own program's.
[[nodiscard]] std::optional<QString> unitTargetProblem(const QString &unit, const QString &program,
                                                       const QByteArray &show, UnitUse use);

/// unitTargetProblem() for the unit a drop-in changes.
[[nodiscard]] std::optional<QString> dropInTargetProblem(const QString &unit, const QString &program,
                                                         const QByteArray &show);

} // namespace Deroot::Helper
