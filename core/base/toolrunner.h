// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

class QProcess;

namespace Deroot::Core {

/// How a run of a system tool went.
struct ToolRun
{
    bool started = false;  ///< the program could be started
    bool finished = false; ///< it exited normally (not killed, not timed out, not crashed)
    int exitCode = -1;
    QByteArray out; ///< standard output (and standard error when merged)
    QByteArray err; ///< standard error when not merged
    QString error;  ///< why it did not start or finish, for messages; empty otherwise
};

/// Runs a system tool (visudo, systemd-analyze, systemctl, dpkg-query, ...) the way every caller
/// in Deroot must: no shell, standard input from /dev/null, and a clean environment (PATH of the
/// system directories, LC_ALL=C.UTF-8, no pager, no colours) so nothing of the caller's changes
/// what it does or prints. It is killed after @p timeoutMs. @p prepare, when given, adjusts the
/// process just before it starts (the helper adds a child modifier that makes a private mount
/// namespace); it must not touch the environment or the channels.
ToolRun runTool(const QString &program, const QStringList &arguments, int timeoutMs = 30000,
                bool mergeStandardError = true, const QString &workingDirectory = {},
                const std::function<void(QProcess &)> &prepare = {});

} // namespace Deroot::Core
