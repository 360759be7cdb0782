// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/plan/applyoutcome.h"
#include "core/plan/applyrequest.h"
#include "core/plan/helperprotocol.h"
#include "core/plan/observerequest.h"
#include "core/plan/proverequest.h"

#include <QDBusConnection>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

#include <functional>

namespace Deroot::Core {

/// The D-Bus error name of the helper (or of the bus) -> derootctl's exit code.
ExitCode exitCodeForDBusError(const QString &errorName);

/// The client of deroot-helper (io.github.deroot.Helper1 on the system bus), used by derootctl and
/// the GUI. Calls are asynchronous; every callback runs exactly once, on the caller's thread.
/// Calls that may change the system allow interactive authorization, so the caller's polkit agent
/// can ask for the password. A call the helper leaves unanswered because it stopped (killed,
/// crashed: the bus answers NoReply before the call's timeout) fails with ExitCode::Failure and a
/// message that says so and what the helper's next start does about it.
class HelperClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelperClient)
public:
    explicit HelperClient(const QDBusConnection &bus = QDBusConnection::systemBus(), QObject *parent = nullptr);

    using ObjectCallback = std::function<void(const Result<QJsonObject> &)>;
    using ArrayCallback = std::function<void(const Result<QJsonArray> &)>;
    using OutcomeCallback = std::function<void(const Result<ApplyOutcome> &)>;

    /// @p confirmWithinSeconds: 0, or a window HelperProtocol::confirmWindowAllowed() takes.
    void apply(const ApplyRequest &request, uint confirmWithinSeconds, OutcomeCallback done);
    void confirm(const QString &applyId, ObjectCallback done);
    void rollback(const QString &applyId, ObjectCallback done);
    /// Observe (docs/helper.md): the helper runs deroot-observer for @p request after polkit's
    /// yes; @p done gets the recording, deroot-observer's standard output, byte for byte. Waited for
    /// kLongCallMs, which covers a prompt and the longest observation.
    void observe(const ObserveRequest &request, std::function<void(const Result<QByteArray> &)> done);
    /// Prove (docs/helper.md): the helper runs the plan's trials for @p request after polkit's yes;
    /// @p done gets the report as `derootctl prove --json` prints it (docs/prove-json.md). Waited
    /// for kLongCallMs, which covers a prompt and the trials of a plan with a few capabilities.
    /// Meanwhile proveTrial() tells of each trial as it ends.
    void prove(const ProveRequest &request, std::function<void(const Result<QByteArray> &)> done);
    void history(ArrayCallback done);
    /// Reconcile (docs/helper.md): sets again the file capabilities that apply @p applyId (or every
    /// apply in place, for an empty id) set and that drifted, and with @p everything also writes
    /// again its drifted files and user, after polkit's yes; @p done gets
    /// {"reconciled": [{apply_id, agent, program, what, target, outcome, message}]}.
    void reconcile(const QString &applyId, bool everything, ObjectCallback done);
    void status(ObjectCallback done);
    /// Whether the helper is installed on this bus: its name is owned now or dbus can activate it.
    /// Asks the bus daemon only; the helper is not started. Calls back once with false when the bus
    /// is unreachable.
    void installed(std::function<void(bool)> done);

    /// How long a call that may prompt and then apply is waited for.
    static constexpr int kLongCallMs = 60 * 60 * 1000;
    static constexpr int kShortCallMs = 30 * 1000;

Q_SIGNALS:
    void progress(const Deroot::Core::StepProgress &step);
    void rolledBack(const QString &applyId, const QString &reason);
    /// One trial of this client's prove() as it ended, as Core::trialRecordToJson() writes it (the
    /// helper's ProveTrial signal, sent to the caller alone).
    void proveTrial(const QJsonObject &trial);

private Q_SLOTS:
    void onProgress(const QString &applyId, int index, int count, const QString &kind, const QString &target, bool ok,
                    const QString &message);
    void onRolledBack(const QString &applyId, const QString &reason);
    void onProveTrial(const QString &trial);

private:
    void call(const QString &method, const QVariantList &arguments, bool interactive, int timeoutMs,
              std::function<void(const Result<QString> &)> done);

    QDBusConnection m_bus;
};

} // namespace Deroot::Core
