// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Who a process is, read through its pinned /proc directory: what the audit reads of every
// process, and where inspectProcess() starts.
#pragma once

#include "core/base/result.h"
#include "core/inspect/inspect.h"
#include "core/inspect/procdir.h"
#include "core/inspect/procfs.h"

#include <QString>
#include <QStringList>

#include <optional>

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

/// The identity reads of the process whose directory @p dir has open (readProcessIdentity() and
/// inspectProcess() share them). Does not check that the PID still names the same process.
Result<ProcessIdentity> readIdentity(const Proc::PidDir &dir);

/// Reads @p dir's start time again: the same PID with another start time is another process
/// (Changed), one that exited is gone.
[[nodiscard]] std::optional<Error> checkUnchanged(const Proc::PidDir &dir, const Proc::Stat &first);

} // namespace Deroot::Core
