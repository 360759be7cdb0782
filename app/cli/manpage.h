// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "app/cli/command.h"
#include "core/base/result.h"

#include <QByteArray>
#include <QString>

namespace Deroot::Cli {

/// derootctl(1) made from @p templateText (docs/man/derootctl.1.in): its "@COMMANDS@" line is
/// replaced by one section per command of commands(), in their order: the usage with its operands,
/// the summary, the prose the template gives under `.\" @about NAME`, and every option with its
/// value and help, the very definitions the parser and `derootctl COMMAND --help` read. An @about
/// for a command that does not exist, or a template without "@COMMANDS@", is an error.
Core::Result<QByteArray> manPage(const QByteArray &templateText);

/// The build's hidden mode `derootctl --write-man-page TEMPLATE OUT`: manPage() of the file
/// TEMPLATE, written to OUT atomically. Returns the exit code; a problem is one line on stderr.
int writeManPage(const QString &templatePath, const QString &outPath, Io &io);

} // namespace Deroot::Cli
