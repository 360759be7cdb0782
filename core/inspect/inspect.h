// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/inspect/report.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace Deroot::Core {

/// Where the inspectors look: the real system by default; tests point them at fixture trees.
struct InspectEnvironment
{
    QByteArray procRoot = QByteArrayLiteral("/proc"); ///< the proc file system
    QByteArray sysctlRoot = QByteArrayLiteral("/proc/sys");
    bool queryPackageManager = true; ///< ask dpkg-query/rpm which package owns a file
};

/// Files larger than this are refused: no agent binary is this large, and reading one would take
/// long for nothing.
inline constexpr std::int64_t kMaxInspectedFileSize = std::int64_t(1) << 30;

/// Inspects the program at @p path (raw bytes: file names need not be UTF-8). Follows symlinks to
/// the file they name and reports both. Never blocks on a FIFO or reads a device: the file is
/// opened non-blocking and must be a regular file of at most kMaxInspectedFileSize bytes.
/// Errors: NotFound, BadTarget (directory, device, FIFO, socket, symlink loop, too large, neither
/// ELF nor script, corrupt ELF), Permission.
Result<InspectionReport> inspectFile(const QByteArray &path, const InspectEnvironment &environment = {});

/// inspectFile without the agent catalog: for inspectors that add evidence of their own (a
/// process, a unit) before the catalog is compared with all of it.
Result<InspectionReport> inspectFileEvidence(const QByteArray &path, const InspectEnvironment &environment = {});

/// Matches what @p report says about its target (the program's path, its package, its Go module,
/// its systemd unit) against the built-in agent catalog and adds what each matching entry says.
/// Call it last: the catalog lists where its claims and the other evidence disagree.
void applyCatalog(InspectionReport &report);

/// Inspects the running process @p pid: its identity and capability sets, its executable (as
/// inspectFile does), its systemd unit, its sockets and open protected files.
/// Errors: NotFound (no such process), BadTarget (kernel thread), Permission, Changed (it exited
/// during the inspection).
Result<InspectionReport> inspectProcess(int pid, const InspectEnvironment &environment = {});

/// inspectProcess without the agent catalog (see inspectFileEvidence).
Result<InspectionReport> inspectProcessEvidence(int pid, const InspectEnvironment &environment = {});

/// Inspects the systemd unit @p unit: ExecStart, User, Group, its capability and sandbox settings,
/// and its executable (as inspectFile does); the main process too when it runs.
/// Errors: NotFound (no such unit), Unavailable (no systemd to ask), BadTarget (no ExecStart).
Result<InspectionReport> inspectUnit(const QString &unit, const InspectEnvironment &environment = {});

/// The systemd service the agent of @p report runs under (a process's unit) or that its package
/// ships (the catalog.vendor-unit finding); "" when it has none or @p report is a unit's.
QString agentUnitName(const InspectionReport &report);

/// The report a plan should start from: for a program or process whose agent has a unit
/// (agentUnitName()), that unit's inspection (which has the program and its running main process
/// too), so the plan works with the unit instead of running the agent a second time. @p report
/// itself when there is no such unit or systemd cannot be asked, with a finding saying why.
InspectionReport withAgentUnit(const InspectionReport &report, const InspectEnvironment &environment = {});

} // namespace Deroot::Core
