// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Deroot::Core {

/// A program that must never be allowed through sudo, from resources/generate/sudo-dangerous-commands.json.
struct DangerousCommand
{
    QString name;      ///< the GTFOBins entry ("vi")
    QStringList names; ///< file names it goes by ("vi", "view", ...)
    bool versioned = false;
    QString allows; ///< what it gives under sudo: "shell, file write"
    QString source; ///< where that is documented
};

/// The compiled-in list of dangerous programs. Empty only if the resource is broken, which the
/// tests rule out.
const QList<DangerousCommand> &dangerousSudoCommands();

/// The resource the list is read from, for messages.
QString dangerousSudoCommandsResource();

/// The entry matching the file name of @p path ("/usr/bin/python3.13" matches "python"), if any.
[[nodiscard]] std::optional<DangerousCommand> dangerousSudoCommand(const QString &path);

} // namespace Deroot::Core
