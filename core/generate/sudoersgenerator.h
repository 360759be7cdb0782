// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/model/artifact.h"
#include "core/model/generationinput.h"
#include "core/rules/sudocommands.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Deroot::Core {

/// The sudoers drop-in /etc/sudoers.d/deroot-<agentId>, 0440 root:root: a header naming the
/// generator and the agent, the STIG/CIS note on NOPASSWD, one Cmnd_Alias per command with its
/// full path and fixed arguments ("" for none), and one rule per command
/// `USER ALL=(root) NOPASSWD: NOEXEC|EXEC: ALIAS`. Refuses with an Error (ExitCode::Usage) when
/// there is no command, when a name, path or argument could not be written safely (even if the
/// caller skipped validateGenerationInput()), when a command gives a shell or writes files
/// (dangerousSudoCommand(), by the path written). Pure: who can replace a command is this
/// machine's to tell (sudoCommandWeakness()). Fails closed (ExitCode::Failure) if the list of
/// dangerous programs cannot be read.
Result<Artifact> sudoersFile(const GenerationInput &input);

/// What only this machine can tell about the sudo command at @p path: it is on the
/// dangerous-command list, or a component of its path fails sudoPathProblem() (core/rules): missing,
/// a symlink, or changeable by someone other than root. Each component is judged with lstat() from
/// the top down, the order the helper walks its descriptors in, so both name the same component.
/// @p root stands for "/" (tests judge a tree made below a temporary directory); it is not judged
/// itself. Reads the file system; the generators never call it (generation is a pure function of
/// the plan), checkInputOnSystem() does.
[[nodiscard]] std::optional<Error> sudoCommandWeakness(const QString &path, const QString &root = QStringLiteral("/"));

} // namespace Deroot::Core
