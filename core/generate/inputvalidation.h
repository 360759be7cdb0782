// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/model/generationinput.h"

#include <optional>

namespace Deroot::Core {

/// Checks every name, path and number in @p input before a generator sees it: the agent id and
/// user/group names (useradd's rules, no root, no spaces, newlines, '=', ',', '#', ':' or
/// non-ASCII), absolute normalised paths without control characters, existing regular command
/// files, capabilities that exist, ports in 1..65535, sane limits. Returns the first problem as an
/// Error (ExitCode::Usage) naming the field and the value, or nothing when all is well.
/// Also applies the grant rules (core/rules/rules.h). Pure: reads nothing from the machine, so the
/// helper reaches the same verdict on the same input.
[[nodiscard]] std::optional<Error> validateGenerationInput(const GenerationInput &input);

/// What only this machine can tell about @p input, checked where a plan is made (derootctl
/// generate, the wizard) and again by the helper on its own descriptors: every sudo command is a
/// regular file reached through directories, with no symlink anywhere, none of which someone other
/// than root can change (sudoPathProblem() in core/rules, the helper's rule), and not a program the
/// dangerous-command list names; and every environment file passes environmentFileWeakness().
/// @p root stands for "/" (a test's tree below a temporary directory).
[[nodiscard]] std::optional<Error> checkInputOnSystem(const GenerationInput &input,
                                                      const QString &root = QStringLiteral("/"));

/// The same rule for an EnvironmentFile= path (@p file, "-" first when it may be missing): it and
/// every directory above it root-owned and writable by neither group nor others, no symlink
/// anywhere; a missing optional file passes when everything above it does. PID 1 reads it as root,
/// and what it says reaches the agent (LD_PRELOAD, the words of $ARGS).
[[nodiscard]] std::optional<Error> environmentFileWeakness(const QString &file,
                                                           const QString &root = QStringLiteral("/"));

/// useradd's rule for a system user or group name as Debian applies it (NAME_REGEX_SYSTEM):
/// [a-z_][a-z0-9_-]*, at most 31 characters (systemd's limit; useradd allows 32); "root" and
/// other reserved names are refused.
bool isValidAccountName(QStringView name);

/// An absolute, normalised path (no "//", "/./", "/../", trailing "/") of printable characters
/// without spaces, quotes, backslashes, '#', ',', '=' or ':' — what can go into sudoers and unit
/// files without escaping.
bool isSafeAbsolutePath(QStringView path);

} // namespace Deroot::Core
