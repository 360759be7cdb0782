// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The helper's Observe below D-Bus and polkit (docs/helper.md, "Observe"): what is judged on the
// system once the caller is authorized, and how deroot-observer is run outside the helper's own
// sandbox, as a transient unit of the service manager. Nothing of it is chosen by a request: the
// observer's path is a build-time constant, and the launcher is set by main() (tests give a fake).
#pragma once

#include "app/helper/engine.h"
#include "core/base/result.h"
#include "core/plan/observerequest.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Deroot::Helper {

/// deroot-observer's installed path: Core::libexecDirectory(), the one definition derootctl uses
/// too, which follows where the programs are installed (/proc/self/exe), not the prefix the build
/// was configured with; for the helper, installed in libexec itself, the observer beside it. Never
/// from a request.
QString observerProgram();

/// The most a recording may hold: more is refused rather than sent over the bus.
inline constexpr qsizetype kMaxRecordingBytes = qsizetype{16} * 1024 * 1024;
/// How much longer than its --seconds an observation may take (starting the program, the rounds
/// of set-up, writing the recording) before its unit is stopped.
inline constexpr int kObserveMarginSeconds = 120;

/// What one run of deroot-observer gave.
struct ObserverRun
{
    bool started = false; ///< the observer's unit was started at all
    int exitCode = -1;    ///< the observer's exit status (derootctl's exit codes); -1: none
    QByteArray recording; ///< its standard output, the event stream (docs/observe-json.md)
    bool tooLarge = false;
    bool timedOut = false;
    QString lastWord; ///< its one "deroot-observer: " line on error, without the prefix
    QString error;    ///< why it could not be run, when not started
};

/// Runs deroot-observer with the given arguments (after its path, which the launcher knows), as root
/// outside the helper's sandbox. Calls @p done exactly once (before returning when it cannot start).
class ObserverLauncher
{
public:
    virtual ~ObserverLauncher() = default;
    using Done = std::function<void(const ObserverRun &)>;
    virtual void launch(const QStringList &arguments, int seconds, int callerUid, Done done) = 0;
};

/// The production launcher: `systemd-run --pipe --wait --collect` of a transient service
/// deroot-observer-RANDOM.service, its standard output read back. The helper's sandbox
/// (NoNewPrivileges, a bounding set without CAP_BPF, CAP_PERFMON or CAP_SETUID) stays as it is:
/// the service manager starts the observer, with the properties below and nothing of the helper's.
class SystemdRunLauncher final : public QObject, public ObserverLauncher
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemdRunLauncher)
public:
    explicit SystemdRunLauncher(QObject *parent = nullptr)
        : QObject(parent)
    {}
    void launch(const QStringList &arguments, int seconds, int callerUid, Done done) override;

    /// systemd-run's command line for one observation (the unit's properties, then the observer).
    static QStringList systemdRunArguments(const QString &unit, const QStringList &arguments, int seconds,
                                           int callerUid);
};

/// The program check of Observer::check() for a command, shared with Prove (prove.h): @p program
/// below @p root judged on descriptors by Core::sudoPathProblem() (no symlink, root-owned, writable
/// by neither group nor others, every directory above too), executable, no set-uid or set-gid bit,
/// no root-equivalent file capability, no shell or interpreter. @p verb ("observe", "prove") names
/// the helper's method in the sentence. ExitCode::NotFound when it does not exist.
[[nodiscard]] std::optional<Core::Error> checkProgramToRun(const QString &root, const QString &program,
                                                           const QString &verb);

/// The user check of Observer::check() for a command, shared with Prove: @p user exists in
/// @p root's /etc/passwd, is not uid 0, has not gid 0, is in no root-equivalent group
/// (Core::isRootEquivalentGroup() or gid 0, primary or supplementary) and is no person's account
/// (UID_MIN..UID_MAX) other than @p callerUid's; with @p askNameService the name service must agree
/// and every group it adds is judged too.
[[nodiscard]] std::optional<Core::Error> checkRunAsUser(const QString &root, const QString &user, int callerUid,
                                                        bool askNameService, const QString &verb);

/// Observe's system side. A D-Bus argument never chooses any of it: main() builds it over "/",
/// the tests over a temporary root with a fake launcher.
class Observer final
{
public:
    struct Setup
    {
        QString root = QStringLiteral("/");     ///< the program and /etc's account files are judged below it
        QString proc = QStringLiteral("/proc"); ///< where a watched pid must exist
        Runner *runner = nullptr;               ///< systemctl, for a watched unit; not owned
        ObserverLauncher *launcher = nullptr;   ///< not owned
        /// Also ask the name service (getpwnam, getgrouplist), as deroot-observer will, about the
        /// user: true in production, where the root is "/".
        bool askNameService = false;
    };
    explicit Observer(Setup setup)
        : m_setup(std::move(setup))
    {}

    /// The checks that read the system, after authorization, before anything runs:
    /// - a command: the program, every directory above it, and the file are judged by
    ///   Core::sudoPathProblem() on descriptors (no symlink, root-owned, writable by neither group
    ///   nor others); the file is executable, has no set-uid or set-gid bit and no root-equivalent
    ///   file capability, and is no shell or interpreter (Core::isInterpreter()); the user exists,
    ///   is not uid 0, has not gid 0, is in no root-equivalent group (Core::isRootEquivalentGroup(),
    ///   primary or supplementary), and is no person's account (UID_MIN..UID_MAX) other than the
    ///   caller's own.
    /// - a unit: systemd has it loaded.
    /// - a pid: the process exists.
    /// ExitCode::NotFound for what does not exist, ExitCode::Refused otherwise; one sentence.
    [[nodiscard]] std::optional<Core::Error> check(const Core::ObserveRequest &request, int callerUid) const;

    /// Runs deroot-observer for @p request (checked) and calls @p done once with the recording, or
    /// with the observer's own exit code and last word.
    void run(const Core::ObserveRequest &request, int callerUid,
             std::function<void(const Core::Result<QByteArray> &)> done);

private:
    Setup m_setup;
};

} // namespace Deroot::Helper
