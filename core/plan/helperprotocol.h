// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The helper's D-Bus protocol, defined once for both ends: the service (app/helper) and its client
// (core/client). Here, in the plan layer, because the helper may reach no higher than it. The
// methods' signatures are the service's Q_SCRIPTABLE slots and signals (docs/helper.md).
#pragma once

#include "core/base/exitcode.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Deroot::Core {

namespace HelperProtocol {

inline const QString kServiceName = QStringLiteral("io.github.deroot.Helper1");
inline const QString kObjectPath = QStringLiteral("/io/github/deroot/Helper1");
inline const QString kInterface = QStringLiteral("io.github.deroot.Helper1");

/// The D-Bus error names the helper replies with (docs/helper.md).
namespace Errors {
inline const QString kPrefix = QStringLiteral("io.github.deroot.Helper1.Error.");
inline const QString kNotAuthorized = QStringLiteral("io.github.deroot.Helper1.Error.NotAuthorized");
inline const QString kRefused = QStringLiteral("io.github.deroot.Helper1.Error.Refused");
inline const QString kBusy = QStringLiteral("io.github.deroot.Helper1.Error.Busy");
inline const QString kNotFound = QStringLiteral("io.github.deroot.Helper1.Error.NotFound");
inline const QString kFailed = QStringLiteral("io.github.deroot.Helper1.Error.Failed");
inline const QString kInvalidArgs = QStringLiteral("io.github.deroot.Helper1.Error.InvalidArgs");
// Observe's: deroot-observer's own exit codes (the mechanism cannot run, the target cannot be
// watched, a permission it lacked, the target changed), passed on so that derootctl exits with
// the code it would have had as root.
inline const QString kUnavailable = QStringLiteral("io.github.deroot.Helper1.Error.Unavailable");
inline const QString kBadTarget = QStringLiteral("io.github.deroot.Helper1.Error.BadTarget");
inline const QString kPermission = QStringLiteral("io.github.deroot.Helper1.Error.Permission");
inline const QString kChanged = QStringLiteral("io.github.deroot.Helper1.Error.Changed");
} // namespace Errors

/// Apply's confirmation window, in seconds: 0 asks for no confirmation, anything else must lie in
/// [kMinConfirmSeconds, kMaxConfirmSeconds]. The helper refuses other values; derootctl and the
/// Finish page offer exactly this range. The minimum is 1, what the helper has always taken: a
/// window is the admin's explicit choice (the Finish page suggests two minutes), and a short one
/// is how scripts and the tests reach the missed-deadline rollback quickly. The maximum keeps a
/// forgotten confirmation from holding the helper for more than a day.
inline constexpr uint kMinConfirmSeconds = 1;
inline constexpr uint kMaxConfirmSeconds = 24 * 3600;

/// Whether @p seconds is a confirmation window Apply takes (0, or within the bounds above).
constexpr bool confirmWindowAllowed(uint seconds)
{
    return seconds == 0 || (seconds >= kMinConfirmSeconds && seconds <= kMaxConfirmSeconds);
}

/// The error name the helper replies with for a failure of category @p code.
QString errorName(ExitCode code);

/// The category of the helper's error @p name (one of Errors, or another name under its prefix,
/// which counts as Failure); nullopt for a name that is not the helper's (the bus's own errors).
std::optional<ExitCode> exitCodeForError(const QString &name);

} // namespace HelperProtocol

/// One step's outcome: the payload of the helper's Progress signal, and an element of the
/// "steps" array of Apply's and Rollback's replies. The engine reports its steps with it.
struct StepProgress
{
    QString applyId; ///< the signal carries it; a reply's steps leave it out (they are all the reply's)
    int index = 0;   ///< 0-based
    int count = 0;
    QString kind;   ///< stepKindName(), or "rollback" / "recover" for undo steps
    QString target; ///< path, user or unit
    bool ok = false;
    QString message; ///< one line for the admin

    friend bool operator==(const StepProgress &, const StepProgress &) = default;
};

/// A step as the replies carry it (index, count, kind, target, ok, message).
QJsonObject stepToJson(const StepProgress &step);
/// The inverse of stepToJson(); a missing or mistyped key reads as its default.
StepProgress stepFromJson(const QJsonObject &object);

} // namespace Deroot::Core
