// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The programs a sudoers drop-in lets the service user run as root, judged on the system the way
// the program that gets capabilities is: whoever can replace one of them, or swap a directory or a
// symlink on its way, chooses what runs as root.
#pragma once

#include "app/helper/fsops.h"
#include "core/base/result.h"
#include "core/model/generationinput.h"
#include "core/rules/sudocommands.h"

#include <QList>

#include <optional>

namespace Deroot::Helper {

/// The walk below, for one path: each component opened from its parent's descriptor with
/// O_PATH | O_NOFOLLOW and judged on fstat of that descriptor by Core::sudoPathProblem(), outermost
/// first, the last as the file. @p what names the path in messages ("the sudo command"). With
/// @p mayBeMissing a missing component passes (only root can create it there). When it all passes
/// and @p file is given, it receives the file's O_PATH descriptor, the one that was judged.
[[nodiscard]] std::optional<Core::Error> checkRootOnlyPath(const RootFs &fs, const QString &path, const QString &what,
                                                           bool mayBeMissing, UniqueFd *file = nullptr);

/// Refuses (ExitCode::Refused, one sentence naming the command and the weak component) unless every
/// component of the path of every program of @p commands, walked from the root of @p fs on
/// descriptors, passes Core::sudoPathProblem(), the rule checkInputOnSystem() applies where the plan
/// is made: directories and then a regular file, no symlink, root-owned, writable by neither group
/// nor others. No symlink anywhere means that the name the plan's parser judged against the
/// dangerous-program list is the file sudo runs.
/// Fails closed (ExitCode::Failure) when @p commands is not empty and @p dangerous, the list of
/// programs never to allow through sudo, is: without it a shell would pass as an ordinary command.
[[nodiscard]] std::optional<Core::Error>
checkSudoPrograms(const RootFs &fs, const QList<Core::SudoCommand> &commands,
                  const QList<Core::DangerousCommand> &dangerous = Core::dangerousSudoCommands());

/// The same walk for the EnvironmentFile= paths of a plan ("-" first: may be missing): PID 1 reads
/// each as root and hands it to the agent (LD_PRELOAD, the words of $ARGS), so each must pass the
/// rule Core::environmentFileWeakness() applies where the plan is made. A missing optional file
/// passes when every directory above it does. ExitCode::Refused, one sentence naming the file.
[[nodiscard]] std::optional<Core::Error> checkEnvironmentFiles(const RootFs &fs, const QStringList &files);

} // namespace Deroot::Helper
