// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// inspectProcess() (declared in inspect.h) and the lighter reading the audit does of every process.
#pragma once

#include "core/base/result.h"
#include "core/inspect/inspect.h"
#include "core/inspect/procfs.h"

#include <QString>
#include <QStringList>

namespace Deroot::Core {

/// Who a process is: what the audit reads of each process, and the start of inspectProcess.
struct ProcessIdentity
{
    int pid = 0;
    Proc::Stat stat;
    Proc::Status status;
    QString executable;                ///< empty when the process has none or it cannot be read
    bool executableDeleted = false;    ///< the link ended in " (deleted)": replaced or removed since it started
    bool executableUnreadable = false; ///< EACCES: another user's process, read without root
    QStringList commandLine;
    Proc::CgroupUnit cgroup;
};

/// Reads the identity of process @p pid through one directory descriptor and checks, after the
/// last read, that the PID still names the same process (same start time).
/// Errors: as inspectProcess (NotFound, BadTarget for kernel threads and zombies, Changed).
/// An unreadable executable link is not an error here (see executableUnreadable).
Result<ProcessIdentity> readProcessIdentity(int pid, const InspectEnvironment &environment);

/// Parses a PID given on a command line ("1234"). Errors: Usage, naming the input, for anything but
/// decimal digits from 1 to the kernel's limit (4194304).
Result<int> parsePidArgument(QStringView text);

/// Adds @p from's findings, needs and sections to @p into. A section both have is merged key by
/// key, @p into's value winning: the target's own view comes first.
void mergeReport(InspectionReport &into, const InspectionReport &from);

} // namespace Deroot::Core
