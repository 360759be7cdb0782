// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

// The sentences of a proof's report: its trials' problems, the verdicts' evidence, why a sandbox
// setting was not tried, and the notes. Whoever runs the trials writes them (derootctl, or the
// helper as root, neither with a translator), so the report holds them in English
// (docs/prove-json.md); the desktop shows each in its own language with shownProveText(), which
// reads the English back against these sentences, one context, Deroot::Core::ProveReport.
// A sentence the report may hold is one of these constants; localeartifacts_test fails when a
// sentence of that context is missing from kProveReportSentences.

#include <QCoreApplication>
#include <QString>

#include <array>

namespace Deroot::Core::ProveSaid {

// judgeTrial(): what was wrong with a trial.
inline constexpr const char *ExitedWithStatus = QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "exited with status %1");
inline constexpr const char *DumpedCore = QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "dumped core on signal %1");
inline constexpr const char *KilledBySignal = QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "was killed by signal %1");
inline constexpr const char *ExitedWithStatusEarly =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "exited with status %1 before the time was up");
inline constexpr const char *DumpedCoreEarly =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "dumped core on signal %1 before the time was up");
inline constexpr const char *KilledBySignalEarly =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "was killed by signal %1 before the time was up");
inline constexpr const char *DidNotStart = QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "did not start: %1");
inline constexpr const char *StillRunning =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "was still running when the time was up");
inline constexpr const char *NoExitStatus =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "ended without an exit status");
inline constexpr const char *NotRunning =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "was not running when the time was up");
inline constexpr const char *NotListening = QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "not listening on %1");
inline constexpr const char *CheckUnfinished =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "the check command did not finish in time or did not start");
inline constexpr const char *CheckFailed =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "the check command failed (exit code %1)");

// Why a trial did not start (the %1 of DidNotStart).
inline constexpr const char *CannotMakeFolder =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "cannot make the folder of %1");
inline constexpr const char *CannotWrite = QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "cannot write %1: %2");
inline constexpr const char *EndedBeforeStart =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "the unit ended before its program started (result: %1)");
inline constexpr const char *SystemdRunFailed =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "systemd-run could not be started: %1");

// Why a sandbox setting was not tried.
inline constexpr const char *UnitHasAlready = QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "the unit has %1 already");
inline constexpr const char *PrivateDevicesTakes =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport",
                      "PrivateDevices=yes takes %1 from the bounding set, which the plan grants; the capability's own "
                      "trial asks whether it is needed");
inline constexpr const char *PlanListens =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport",
                      "the plan listens on %1: in a network of its own nothing outside the unit could reach the agent, "
                      "whatever a trial shows");
inline constexpr const char *UnitStricter =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "the unit has %1, as strict or stricter");
inline constexpr const char *DenyList = QT_TRANSLATE_NOOP(
    "Deroot::Core::ProveReport", "the unit's %1 is a deny list, which an allow list cannot be compared with");
inline constexpr const char *WouldLoosen =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport",
                      "the observation saw %1, which the unit's %2 does not allow: its value would loosen the plan, "
                      "which stays as it is");
inline constexpr const char *NotTried =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "%1 is not a setting prove tries");
inline constexpr const char *ImpliesNoNewPrivileges =
    QT_TRANSLATE_NOOP("Deroot::Core::ProveReport", "%1 implies NoNewPrivileges=yes, which this unit has off for sudo");

// The notes.
inline constexpr const char *DynamicUserNote = QT_TRANSLATE_NOOP(
    "Deroot::Core::ProveReport",
    "The service user %1 does not exist yet (the apply creates it): each trial ran the agent as a user of that name "
    "which systemd made for the trial and removed after it (DynamicUser=yes). DynamicUser= also makes /usr, /etc and "
    "the home directories read-only for the agent and gives it no file owned by that user: a trial can fail where the "
    "applied plan would not, never the other way round.");
inline constexpr const char *VendorUnitNote = QT_TRANSLATE_NOOP(
    "Deroot::Core::ProveReport",
    "Each trial ran a copy of %1 under another name: the [Service] settings of its unit file and its drop-ins, with "
    "the plan's drop-in among them as the apply installs it. Its [Unit] section (dependencies and conditions) was "
    "left out: a trial starts nothing else.");

} // namespace Deroot::Core::ProveSaid

namespace Deroot::Core {

/// Every sentence a proof's report may hold (ProveSaid), each placeholder %1..%9 at most once.
inline constexpr std::array kProveReportSentences{
    ProveSaid::ExitedWithStatus,
    ProveSaid::DumpedCore,
    ProveSaid::KilledBySignal,
    ProveSaid::ExitedWithStatusEarly,
    ProveSaid::DumpedCoreEarly,
    ProveSaid::KilledBySignalEarly,
    ProveSaid::DidNotStart,
    ProveSaid::StillRunning,
    ProveSaid::NoExitStatus,
    ProveSaid::NotRunning,
    ProveSaid::NotListening,
    ProveSaid::CheckUnfinished,
    ProveSaid::CheckFailed,
    ProveSaid::CannotMakeFolder,
    ProveSaid::CannotWrite,
    ProveSaid::EndedBeforeStart,
    ProveSaid::SystemdRunFailed,
    ProveSaid::UnitHasAlready,
    ProveSaid::PrivateDevicesTakes,
    ProveSaid::PlanListens,
    ProveSaid::UnitStricter,
    ProveSaid::DenyList,
    ProveSaid::WouldLoosen,
    ProveSaid::NotTried,
    ProveSaid::ImpliesNoNewPrivileges,
    ProveSaid::DynamicUserNote,
    ProveSaid::VendorUnitNote,
};

/// @p sentence (one of ProveSaid) as the report holds it where it is made: translated when a
/// translator is installed, which derootctl and the helper never do.
QString proveText(const char *sentence);

/// A sentence of a report (English) in the reader's language: matched against
/// kProveReportSentences, most specific first, and translated with what filled its placeholders
/// (each read back the same way, for a start error inside "did not start: %1"). Text that is none
/// of them (systemd's own words, a report of another version) is returned as it is.
QString shownProveText(const QString &english);

} // namespace Deroot::Core
