// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What the helper's Observe method is asked to watch (docs/helper.md, "Observe"), defined once for
// both ends: derootctl writes it, the helper reads it with parseObserveRequest(), a pure and bounded
// parser of a closed schema, before it asks polkit anything. What needs the system (the program's
// owner and mode, the user's groups, whether the unit is loaded) is judged by the helper afterwards.
#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Deroot::Core {

/// The largest request, in bytes of JSON.
inline constexpr qsizetype kMaxObserveRequestBytes = qsizetype{64} * 1024;
/// Observe's time limit, in seconds (deroot-observer itself takes up to 3600 as root).
inline constexpr int kMaxObserveSeconds = 600;
/// The program's arguments: at most this many, each at most kMaxObserveArgumentLength characters,
/// and together, joined by ", ", at most kMaxObserveArgumentsText: the polkit prompt shows them
/// whole (app/helper/authorizer.h, listDetail), never cut.
inline constexpr qsizetype kMaxObserveArguments = 32;
inline constexpr qsizetype kMaxObserveArgumentLength = 128;
inline constexpr qsizetype kMaxObserveArgumentsText = 512;
/// The program's path: at most this many characters, all of which the prompt shows.
inline constexpr qsizetype kMaxObserveProgramLength = 128;
/// systemd's limit on a unit name (UNIT_NAME_MAX less its NUL).
inline constexpr qsizetype kMaxUnitNameLength = 255;
/// The largest pid Linux hands out (PID_MAX_LIMIT).
inline constexpr qint64 kMaxPid = 4194304;

/// One observation, typed. Exactly one target; the fields of the others stay empty.
struct ObserveRequest
{
    enum class Target { Command, Unit, Pid };
    Target target = Target::Command;
    // Command: an absolute path, its arguments, the user it runs as and the capabilities it is
    // given (names, upper case, in the capability table's order).
    QString program;
    QStringList arguments;
    QString user;
    QStringList capabilities;
    // Unit: a service unit's name.
    QString unit;
    // Pid: a running process.
    qint64 pid = 0;
    int seconds = 30;
    QString mechanism = QStringLiteral("auto"); ///< auto, ebpf or strace

    friend bool operator==(const ObserveRequest &, const ObserveRequest &) = default;
};

/// "command", "unit" or "pid".
QString observeTargetName(ObserveRequest::Target target);

/// The request as JSON (the bytes Observe takes): {"version": 1, "target": ..., the target's
/// fields, "seconds", "mechanism"}.
QByteArray observeRequestJson(const ObserveRequest &request);

/// Reads @p json strictly: at most kMaxObserveRequestBytes of UTF-8, one object, no duplicate key,
/// version 1, exactly the keys of its target (no unknown, no missing), each of its JSON type, and
/// every value within its bounds: an absolute, normalised program path of plain characters; no
/// control or format character (NUL, newline, ...) in an argument; a user name of the account-name
/// shape; known capability names, none of them root-equivalent (Core::isRootEquivalentCapability():
/// the helper never gives one to a program it observes); a service unit name of systemd's
/// characters, not starting with '-' or '.'; a pid from 1 to kMaxPid; seconds from 1 to
/// kMaxObserveSeconds; mechanism auto, ebpf or strace. Reads nothing of the system. Refusals are
/// ExitCode::Usage, one sentence naming the key.
Result<ObserveRequest> parseObserveRequest(const QByteArray &json);

/// deroot-observer's command line for @p request (a request parseObserveRequest() accepted), after
/// the program's own path: --mechanism, --seconds, then --user [--capabilities] -- PROGRAM ARGS,
/// --unit NAME or --pid PID.
QStringList observerArguments(const ObserveRequest &request);

} // namespace Deroot::Core
