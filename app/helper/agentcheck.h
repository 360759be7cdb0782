// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Verified, not assumed: what the running agent's /proc/PID/status says, compared with what the
// plan's unit gives it.
#pragma once

#include "app/helper/engine.h"

#include <QString>
#include <QStringList>

#include <cstdint>

namespace Deroot::Helper {

/// What the agent must run with, read from the unit or drop-in the plan writes.
struct AgentExpectation
{
    qint64 uid = -1;
    std::uint64_t ambient = 0;
    /// The bounding set: "all" is the service manager's own (PID 1's), less what "~" lines remove.
    bool boundingFromManager = true;
    std::uint64_t bounding = 0;
    std::uint64_t boundingRemoved = 0;
    bool noNewPrivileges = false;
};

/// Reads AmbientCapabilities=, CapabilityBoundingSet=, NoNewPrivileges= (and the settings that
/// imply it) with systemd's rules: an empty assignment resets, "~" inverts, later lines add.
AgentExpectation expectationFromUnit(const QString &unitText, const QStringList &planCapabilities);

/// Reads @p proc/PID/status and compares uid, CapEff, CapAmb, CapBnd and NoNewPrivs.
/// The process runs the plan's program when its /proc/PID/exe is the same file (device and inode)
/// as @p program: a path would be shown relative to the reader's root, an inode is not.
struct ProgramFile
{
    QString path;
    quint64 device = 0;
    quint64 inode = 0;
};
[[nodiscard]] bool runsProgram(const QString &proc, qint64 pid, const ProgramFile &program);

[[nodiscard]] AgentCheck checkProcess(const QString &proc, qint64 pid, const AgentExpectation &expected,
                                      const ProgramFile &program);

/// One line naming every field that differs, with both values.
QString describeMismatch(const AgentCheck &check);

} // namespace Deroot::Helper
