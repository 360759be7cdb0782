// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/exitcode.h"
#include "core/base/result.h"
#include "core/inspect/report.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QTextStream>

namespace Deroot::Cli {

/// Standard output and error, injectable so that commands can be tested in-process.
struct Io
{
    QTextStream &out;
    QTextStream &err;
};

/// One option of a command, as its parser takes it and its help shows it.
struct Option
{
    const char *name;  ///< "seconds": given as --seconds
    const char *value; ///< what its value is ("N"); nullptr for a flag, which takes none
    const char *help;  ///< translatable, context "derootctl"
};

/// One derootctl command: its name, a one-line summary for --help, its entry point (which gets the
/// arguments after the command name as raw bytes and returns the exit code), what it takes besides
/// its options, and its options: the one list both its parser (Args) and `derootctl COMMAND
/// --help` read, so they cannot drift apart.
struct Command
{
    const char *name;
    const char *summary; ///< translatable, context "derootctl"
    int (*run)(const QList<QByteArray> &arguments, Io &io);
    const char *operands; ///< "TARGET | --pid PID | --unit NAME"; translatable; empty for none
    QList<Option> options;
    /// Whole command lines, as an admin would type them (`derootctl COMMAND --help` and the man
    /// page show them; derootctl_test checks that each parses).
    QList<const char *> examples = {};
};

/// Every command, in the order --help lists them.
const QList<Command> &commands();

/// The command named @p name (a name commands() has: a programming error otherwise).
const Command &commandNamed(const char *name);

/// `derootctl COMMAND --help`: its usage line, summary, every option with its value and help, its
/// examples, and where the exit codes are.
void printCommandHelp(QTextStream &out, const Command &command);

/// Reports @p error: one line "derootctl: CMD: message" on stderr and, when @p json is set, the
/// document {"error": {"code": N, "message": "..."}} on stdout. Returns the exit code.
int fail(Io &io, const char *command, const Core::Error &error, bool json);

/// Writes @p document as indented JSON and a newline.
void printJson(Io &io, const QJsonObject &document);

/// Prints a result as JSON or as text, as the user asked, and returns the success exit code.
int printResult(Io &io, bool json, const QJsonObject &document, const QString &text);

class Args;

/// Inspects the one target the arguments name (PATH, --pid or --unit), as inspect does.
Core::Result<Core::InspectionReport> inspectTarget(const Args &args, const char *command, Io &io);

int runAudit(const QList<QByteArray> &arguments, Io &io);
int runRecommend(const QList<QByteArray> &arguments, Io &io);
int runGenerate(const QList<QByteArray> &arguments, Io &io);
int runInspect(const QList<QByteArray> &arguments, Io &io);
int runObserve(const QList<QByteArray> &arguments, Io &io);
int runWalkthrough(const QList<QByteArray> &arguments, Io &io);
int runApply(const QList<QByteArray> &arguments, Io &io);
int runConfirm(const QList<QByteArray> &arguments, Io &io);
int runRollback(const QList<QByteArray> &arguments, Io &io);
int runHistory(const QList<QByteArray> &arguments, Io &io);
int runStatus(const QList<QByteArray> &arguments, Io &io);
int runReconcile(const QList<QByteArray> &arguments, Io &io);
int runProve(const QList<QByteArray> &arguments, Io &io);
int runFleet(const QList<QByteArray> &arguments, Io &io);

} // namespace Deroot::Cli
