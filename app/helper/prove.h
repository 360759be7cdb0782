// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The helper's Prove below D-Bus and polkit (docs/helper.md, "Prove"): what is judged on the system
// once the caller is authorized, and how the trials and the check command run. The trials are the
// very ones `sudo derootctl prove` runs (core/prove: Core::prove() with a Core::SystemdTrialRunner,
// transient units started by PID 1, outside the helper's sandbox); the check command runs as the
// caller, never as root (but for a caller who is root). Nothing of it is chosen by a request: main()
// builds it over "/", the tests over a temporary root with fakes.
#pragma once

#include "app/helper/engine.h"
#include "core/base/result.h"
#include "core/plan/proverequest.h"
#include "core/prove/prove.h"
#include "core/prove/systemdtrial.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace Deroot::Helper {

/// systemd-run's command line for one run of the check command @p check as the uid @p callerUid,
/// on the transient service @p unit: `--uid=UID --pipe --wait --collect --quiet`, the clean
/// environment derootctl gives it (the system's PATH, LC_ALL=C.UTF-8; nothing of the helper's), a
/// RuntimeMaxSec= a little over Core::kTrialCheckSeconds in case the helper is gone, then `/bin/sh -c
/// CHECK`. A caller uid of 0 runs it as root, as `sudo derootctl prove` does.
QStringList checkCommandArguments(const QString &unit, int callerUid, const QString &check);

/// Prove's system side. A D-Bus argument never chooses any of it.
class Prover final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Prover)
public:
    using MakeRunner = std::function<std::unique_ptr<Core::TrialRunner>(Core::TrialCheck)>;
    using Obstacle = std::function<std::optional<Core::Error>(const Core::ProvePlan &)>;
    using LoadVendor = std::function<std::optional<Core::Error>(Core::ProvePlan &)>;
    struct Setup
    {
        QString root = QStringLiteral("/"); ///< the program and /etc's account files are judged below it
        Runner *runner = nullptr;           ///< runs systemd-run for the check command; not owned
        /// The trials' runner; Core::SystemdTrialRunner when not set.
        MakeRunner makeRunner;
        /// What keeps trials from running here; Core::trialObstacle() when not set.
        Obstacle obstacle;
        /// Also ask the name service about the service user (true in production, root "/").
        bool askNameService = false;
        /// For a drop-in plan: reads the agent's own unit into the plan and judges it; removes what a
        /// killed proof left first. Core::sweepTrialUnitFiles() and Core::loadVendorUnit() when not set.
        LoadVendor loadVendor;
    };
    explicit Prover(Setup setup, QObject *parent = nullptr);

    /// The checks that read the system, after authorization, before anything runs: the plan is one
    /// prove covers (Core::provePlan()); the program as Apply judges it (openPlanProgram(): a
    /// regular root-owned file that neither its group nor others may write, not a symlink, the
    /// SHA-256 the plan pins) and as Observe judges a program it starts (checkProgramToRun(): every
    /// directory above it root-only, executable, no set-uid or set-gid bit, no root-equivalent file
    /// capability, no shell or interpreter); the service user as Observe judges it
    /// (checkRunAsUser(): not uid 0, not gid 0, in no root-equivalent group, no other person's);
    /// the plan's own groups not gid 0; then Core::trialObstacle() (systemd runs, the user and
    /// groups exist); for a drop-in plan, the agent's own unit (Core::loadVendorUnit(): loaded,
    /// stopped, its files root's). ExitCode::NotFound for what does not exist, ExitCode::Unavailable for a plan
    /// prove does not cover, ExitCode::Refused otherwise; one sentence.
    [[nodiscard]] std::optional<Core::Error> check(const Core::CheckedProveRequest &request, int callerUid) const;

    /// Runs the trials of @p request (checked) on a thread of its own, so that the helper keeps
    /// answering (Status, an urgent Rollback) meanwhile, and calls @p done once, on this object's
    /// thread, with the report as `derootctl prove --json` prints it (Core::proveReportToJson(),
    /// compact), or an error (a trial unit left loaded). @p progress, when given, hears of each
    /// trial as it ends, on this object's thread too, as Core::trialRecordToJson() writes it.
    void run(const Core::CheckedProveRequest &request, int callerUid,
             std::function<void(const QByteArray &trial)> progress,
             std::function<void(const Core::Result<QByteArray> &)> done);

Q_SIGNALS:
    /// Not on the bus: a trial of run() ended (emitted on the trials' thread).
    void trialEnded(const QByteArray &trial);

private:
    Setup m_setup;
};

} // namespace Deroot::Helper
