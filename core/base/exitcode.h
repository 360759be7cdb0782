// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

namespace Deroot::Core {

/// Exit codes of derootctl, documented in docs/cli.md. They are part of the command-line contract:
/// scripts test them, so a value never changes meaning.
enum class ExitCode : int {
    Success = 0,
    Failure = 1,        ///< the operation ran and found or caused a failure
    Usage = 2,          ///< bad command line: unknown command or option, missing argument
    Unavailable = 3,    ///< the command exists but cannot run in this build or on this system
    NotFound = 4,       ///< the target does not exist: no such file, process or unit
    BadTarget = 5,      ///< the target exists but cannot be inspected as an agent (directory, device, FIFO,
                        ///< too large, corrupt ELF, kernel thread, symlink loop, neither ELF nor script)
    Permission = 6,     ///< the target cannot be read with this user's rights
    Changed = 7,        ///< the target changed or went away during the inspection (a process exited)
    Refused = 8,        ///< an apply request or plan was refused by validation; nothing was changed
    Busy = 9,           ///< the helper is busy: another apply awaits its confirmation
    NotAuthorized = 10, ///< polkit did not authorize the caller (denied, dismissed, no agent); nothing was changed
    Drifted = 11,       ///< derootctl status: a plan in place no longer holds (drifted, or gone without a rollback)
};

constexpr int toInt(ExitCode code)
{
    return static_cast<int>(code);
}

} // namespace Deroot::Core
