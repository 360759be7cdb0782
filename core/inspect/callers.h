// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Who starts a program besides a unit: the sudoers rules that let a user run it and the cron
// entries that run it. A tool such as smartctl or fping is usually called by a monitoring agent's
// user through sudo, or run on a schedule by cron; the plan then grants that caller, or runs the
// program from a timer, instead of making it a daemon.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Deroot::Core {

/// One place that starts the program.
struct Caller
{
    enum class Kind { Sudo, Cron };
    Kind kind = Kind::Sudo;
    QString source;            ///< "/etc/sudoers.d/zabbix:3", "/etc/cron.d/smart:5"
    QString user;              ///< sudo: who the rule is for (a user, "%group", an alias); cron: who runs it
    QString runAs;             ///< sudo: the user it runs as ("root" when the rule names none)
    QStringList arguments;     ///< the exact arguments, when anyArguments is false
    bool anyArguments = false; ///< sudo: the rule allows every argument (no argument list)
    QString cronSchedule;      ///< cron: the schedule as written ("*/5 * * * *", "@daily")
    QString onCalendar;        ///< cron: the same for systemd's OnCalendar=, "" when it has no equivalent
};

/// What was found, and which files could not be read (sudoers is root's alone: an inspection run
/// as an ordinary user cannot see its rules and says so).
struct CallerScan
{
    QList<Caller> callers;
    QStringList unreadable;
};

/// The sudoers rules (/etc/sudoers and the files sudo reads from /etc/sudoers.d) and cron entries
/// (/etc/crontab, /etc/cron.d, /var/spool/cron/crontabs) that start @p program, an absolute path
/// compared as written and canonically. @p root prefixes every path (tests). Bounded: files over
/// 1 MiB and directories of over 1000 entries are not read. Never follows #include.
CallerScan findCallers(const QString &program, const QString &root = QStringLiteral("/"));

/// A cron schedule ("*/5 * * * *", "30 3 * * 1-5", "@daily") as systemd's OnCalendar=
/// ("*-*-* *:0/5:00", "Mon..Fri *-*-* 03:30:00", "daily"), or "" when it has no exact equivalent
/// (@reboot, step ranges, names it does not know).
QString cronToOnCalendar(const QString &schedule);

/// The report's "callers" section: {"callers": [...], "unreadable": [...]}.
QJsonObject toJson(const CallerScan &scan);

} // namespace Deroot::Core
