// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "app/helper/engine.h"

namespace Deroot::Helper {

/// The production Runner: QProcess without a shell, stdin from /dev/null, a clean environment
/// (PATH of the system directories, LC_ALL=C.UTF-8, no pager, no colours), and, for a run with bind
/// mounts, a private mount namespace made in the child between fork and exec, so the binds are
/// never visible to anything but that one program.
class ProcessRunner final : public Runner
{
public:
    [[nodiscard]] Core::ToolRun run(const QString &program, const QStringList &arguments, const QList<BindMount> &binds,
                                    int timeoutMs) override;
};

} // namespace Deroot::Helper
