// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// inspectUnit() (declared in inspect.h): what systemd says about a unit, its program and its main
// process. The parsing is separate from asking systemctl so tests can feed it captured output.
#pragma once

#include "core/inspect/inspect.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Deroot::Core {

/// The properties inspectUnit asks systemctl for.
QStringList unitProperties();

/// Whether @p name may be passed to systemctl as a unit name: 1 to 256 characters of systemd's
/// unit-name alphabet (letters, digits, ":-_.\\@"), not starting with '-' (it would be read as an
/// option). Anything else never reaches the command line.
bool isValidUnitName(QStringView name);

/// "KEY=VALUE" lines of `systemctl show`; a key given twice keeps both values, joined by '\n'.
QMap<QString, QString> parseSystemctlShow(const QByteArray &output);

/// One command of ExecStart= or ExecStartEx=, as `systemctl show` prints it
/// ("{ path=/usr/sbin/chronyd ; argv[]=/usr/sbin/chronyd -F 1 ; flags=no-setuid ; ... }").
struct ExecCommand
{
    QString path;
    QString arguments; ///< argv as systemctl prints it: words joined by spaces, unquoted
    /// ExecStartEx= flags: "privileged" (prefix '+') and "no-setuid" (prefix '!') run the command
    /// as root whatever User= says; "ignore-failure" ('-'), "ambient" ('!!').
    QStringList flags;
};
QList<ExecCommand> parseExecCommands(const QString &value);

/// The unit's one ExecStart= command line as written in @p unitFileTexts (the fragment, then its
/// drop-ins in order): [Service] only, comments and continuation lines handled, "ExecStart="
/// emptying the list. Empty when there is not exactly one. Pure.
QString execStartLine(const QStringList &unitFileTexts);

/// The program the service unit file at @p path starts: its one ExecStart= line's program
/// (vendorExecProgram()), a bare name looked up in the directories systemd searches. For a .service
/// file an admin drops or picks where no systemd runs: drop-ins are not read. Errors (BadTarget,
/// one sentence naming the file): unreadable, larger than 1 MiB, not a service with exactly one
/// ExecStart= line, or a program that cannot be found.
Result<QByteArray> unitFileProgram(const QString &path);

/// Every value of @p key in the [Service] sections of @p unitFileTexts (the unit file, then its
/// drop-ins, in order), an empty assignment emptying the list as systemd does.
QStringList serviceSettings(const QStringList &unitFileTexts, QStringView key);

/// The unit's Environment= assignments as NAME=value words, quotes removed, a later one of a name
/// replacing an earlier one.
QStringList environmentAssignments(const QStringList &unitFileTexts);

/// inspectUnit's second half: the report for @p unit from its properties (parseSystemctlShow of
/// `systemctl show`), with its program and main process inspected in @p environment.
/// Errors: NotFound (LoadState=not-found), BadTarget (masked, broken, no program).
Result<InspectionReport> inspectUnitProperties(const QString &unit, const QMap<QString, QString> &properties,
                                               const InspectEnvironment &environment);

} // namespace Deroot::Core
