// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/generate/generator.h"
#include "core/plan/applyrequest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Deroot::TestSupport {

/// The generated plan writePlanExport() writes, for tests that need its artifacts in memory.
Core::Result<Core::GeneratedPlan> generateTestPlan(const QString &kind, const QString &programPath,
                                                   const QByteArray &programBytes,
                                                   const QStringList &arguments = {QStringLiteral("infinity")});

/// The unit the "replace" plan takes over from (its ExecStart= must be the plan's program).
inline const QString kReplacedUnit = QStringLiteral("vendor-agent.service");

/// The agent's own unit the "dropin" plan is a drop-in for.
inline const QString kDropInUnit = QStringLiteral("deroot-dropin-vendor.service");

/// The plans the helper's tests apply: made by the real generators (generatePlan() and
/// writeExport()), so they never drift from what derootctl generate writes.
/// @p kind: "caps" (user, sysusers, unit with CAP_NET_RAW), "sudo" (user in adm, sysusers, sudoers
/// for /usr/bin/id -u, sudo-compatible unit), "setcap" (caps without systemd: user, sysusers,
/// setcap), "scheduled" (as caps, a oneshot unit and an hourly timer), "replace" (as caps, a unit
/// that replaces kReplacedUnit), "dropin" (as caps, a drop-in for kDropInUnit), "calledcaps" (called by other agents:
/// setcap only, no user), "calledsudo" (called by the existing user syslog: a sudoers rule for /usr/bin/id -u only),
/// "container" (export only), "capsadmin" (as caps, with CAP_SYS_ADMIN too) or "capsdocker" (as
/// caps, the user in the docker group). The agent program is @p programPath with the SHA-256 of
/// @p programBytes and the arguments @p arguments.
Core::Result<QString> writePlanExport(const QString &kind, const QString &directory, const QString &programPath,
                                      const QByteArray &programBytes,
                                      const QStringList &arguments = {QStringLiteral("infinity")});

/// A hostile case of tests/data/plans: the base plan it mutates and the mutations, applied to a
/// request read from a fresh export of the base. Documented in tests/data/plans/README.md.
struct HostileCase
{
    QString name;
    QString base;             ///< "caps", "sudo", "setcap", "container"
    QString expect;           ///< a piece of the error message
    bool needsSystem = false; ///< refused only with the system's state (setup), not by the parser alone
    /// Why the case is not run yet: a refusal the engine does not make on this branch (it names
    /// the work that adds it). Empty for every case the tests run.
    QString pending;
    QJsonObject json; ///< the whole case
};

QList<HostileCase> readHostileCases(const QString &directory);

/// Applies @p hostileCase's plan and file mutations to @p request ("set", "remove", "files",
/// "append", "rehash", "raw", "regenerate", "compact").
Core::ApplyRequest mutateRequest(Core::ApplyRequest request, const HostileCase &hostileCase);

} // namespace Deroot::TestSupport
