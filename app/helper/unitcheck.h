// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Deroot::Helper {

/// Whether a drop-in for @p unit may be written for the plan's @p program: systemd must have the
/// unit loaded, and its one ExecStart= command must run exactly that program. @p show is the output
/// of `systemctl show --property=LoadState --property=ExecStart -- UNIT`. A drop-in changes the user,
/// capabilities and hardening of whatever the unit runs: for sshd.service or dbus.service it would
/// lock the admin out or hand that daemon to the agent's account, whatever program the plan names.
/// Returns one sentence saying what is wrong, or nothing when the drop-in is the plan's own.
std::optional<QString> dropInTargetProblem(const QString &unit, const QString &program, const QByteArray &show);

} // namespace Deroot::Helper
