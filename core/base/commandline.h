// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Command lines as admins type them and as unit files write them: one reading, shared by the unit
// inspector, the plan builder, derootctl's options and the wizard's fields.
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace Deroot::Core {

/// Splits a command line typed by the admin into words as a POSIX shell would (quotes group, a
/// backslash escapes, no expansion); joinCommandLine() is its inverse for display. systemd reads
/// Environment= values the same way.
QStringList splitCommandLine(const QString &text);
QString joinCommandLine(const QStringList &words);

/// The program a unit's ExecStart= command line runs: its first word after the prefixes systemd
/// reads ("-@:+!|"), "/usr/sbin/chronyd" for "!/usr/sbin/chronyd $DAEMON_OPTS"; empty when that
/// word is quoted or the line is empty (Deroot then writes its own command line).
QString vendorExecProgram(QStringView line);

} // namespace Deroot::Core
