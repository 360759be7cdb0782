// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/model/artifact.h"

#include <QString>

namespace Deroot::Core {

/// Checks @p content as a sudoers file with the real `visudo -c -s -f FILE` (strict: an undefined
/// alias is an error): the content goes to a private temporary file (0440 in a 0700 directory),
/// visudo runs without a shell, with a clean environment and a timeout. On failure, summary holds
/// visudo's first message and output all of it. available is false when visudo is not installed.
/// Checks this one file only: whether it fits the rest of the machine's policy (a duplicate alias)
/// only `visudo -c` on the installed configuration can tell.
ValidationResult validateSudoers(const QString &content);

/// Checks @p content as a sysusers.d file with `systemd-sysusers --dry-run --root=EMPTY FILE`:
/// parsed and planned against an empty private root, so nothing is created on this machine even
/// if dry-run were ignored. Same process rules as validateSudoers().
ValidationResult validateSysusers(const QString &content);

} // namespace Deroot::Core
