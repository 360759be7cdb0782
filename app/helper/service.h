// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "app/helper/authorizer.h"
#include "app/helper/engine.h"
#include "app/helper/observe.h"
#include "app/helper/prove.h"
#include "core/plan/helperprotocol.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <functional>

namespace Deroot::Helper {

/// The engine as the service uses it: Engine in production, a fake in the service's fast tests.
class EngineApi
{
public:
    virtual ~EngineApi() = default;
    /// The pure, bounded parse (Core::parseApplyRequest): no system access, so it may run before
    /// authorization.
    virtual Core::Result<CheckedRequest> parse(const ApplyRequest &request) = 0;
    virtual Core::Result<CheckedRequest> validate(const ApplyRequest &request) = 0;
    virtual Core::Result<ApplyOutcome> apply(const CheckedRequest &plan, int callerUid, const QDateTime &confirmBy,
                                             const StepCallback &progress) = 0;
    [[nodiscard]] virtual std::optional<Core::Error> confirm(const QString &applyId, int callerUid) = 0;
    [[nodiscard]] virtual std::optional<Core::Error> rollback(const QString &applyId, int callerUid,
                                                              const StepCallback &progress) = 0;
    virtual QStringList expirePending() = 0;
    virtual std::optional<PendingConfirmation> pending() const = 0;
    virtual QJsonArray history() const = 0;
    /// Engine::reconcileCapabilities() and Engine::reconcile(); unavailable unless the engine behind
    /// it has them.
    virtual Core::Result<QList<ReconcileItem>> reconcileCapabilities(const QString & /*applyId*/, int /*callerUid*/)
    {
        return Core::Error{Core::ExitCode::Unavailable, QStringLiteral("this helper cannot reconcile")};
    }
    virtual Core::Result<QList<ReconcileItem>> reconcile(const QString & /*applyId*/, int /*callerUid*/)
    {
        return Core::Error{Core::ExitCode::Unavailable, QStringLiteral("this helper cannot reconcile")};
    }
    /// Engine::reconcileGrants(): what a reconcile would give again that is root-equivalent.
    virtual QStringList reconcileGrants(const QString &applyId, bool everything) const = 0;
    virtual QJsonObject status(const QString &applyId) const = 0;
    /// The engine's clock (System::now): confirmation deadlines are set and judged by it alone.
    virtual QDateTime now() const = 0;
};

/// EngineApi over the real Engine.
class EngineAdapter final : public EngineApi
{
public:
    explicit EngineAdapter(Engine &engine)
        : m_engine(engine)
    {}
    Core::Result<CheckedRequest> parse(const ApplyRequest &request) override
    {
        return Core::parseApplyRequest(request);
    }
    Core::Result<CheckedRequest> validate(const ApplyRequest &request) override { return m_engine.validate(request); }
    Core::Result<ApplyOutcome> apply(const CheckedRequest &plan, int callerUid, const QDateTime &confirmBy,
                                     const StepCallback &progress) override
    {
        return m_engine.apply(plan, callerUid, confirmBy, progress);
    }
    [[nodiscard]] std::optional<Core::Error> confirm(const QString &applyId, int callerUid) override
    {
        return m_engine.confirm(applyId, callerUid);
    }
    [[nodiscard]] std::optional<Core::Error> rollback(const QString &applyId, int callerUid,
                                                      const StepCallback &progress) override
    {
        return m_engine.rollback(applyId, callerUid, progress);
    }
    QStringList expirePending() override { return m_engine.expirePending(); }
    std::optional<PendingConfirmation> pending() const override { return m_engine.pending(); }
    QJsonArray history() const override { return m_engine.history(); }
    Core::Result<QList<ReconcileItem>> reconcileCapabilities(const QString &applyId, int callerUid) override
    {
        return m_engine.reconcileCapabilities(applyId, callerUid);
    }
    Core::Result<QList<ReconcileItem>> reconcile(const QString &applyId, int callerUid) override
    {
        return m_engine.reconcile(applyId, callerUid);
    }
    QStringList reconcileGrants(const QString &applyId, bool everything) const override
    {
        return m_engine.reconcileGrants(applyId, everything);
    }
    QJsonObject status(const QString &applyId) const override { return m_engine.status(applyId); }
    QDateTime now() const override { return m_engine.now(); }

private:
    Engine &m_engine;
};

/// The service object at /io/github/deroot/Helper1. Every method authorizes its caller (the bus's
/// unique name of the message) before it touches anything but the request's bytes.
class HelperService final : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelperService)
    // Core::HelperProtocol::kInterface, spelled out: Q_CLASSINFO takes a literal only.
    Q_CLASSINFO("D-Bus Interface", "io.github.deroot.Helper1")

public:
    static constexpr int kDefaultIdleMs = 30000;
    /// How long an Apply or a Rollback may wait for polkit's answer (an authentication prompt left
    /// open) before it is refused: the helper handles one at a time, so an open prompt would
    /// otherwise hold off every other change, an admin's urgent rollback included.
    static constexpr int kDefaultAuthorizationTimeoutMs = 5 * 60 * 1000;

    /// @p idleMs: exit (quit the event loop) after this long without a call, unless busy or an
    /// apply awaits confirmation.
    HelperService(EngineApi &engine, Authorizer &authorizer, int idleMs = kDefaultIdleMs, QObject *parent = nullptr);

    /// Starts the deadline timer of a confirmation that was pending when the helper started.
    void resumePending();

    bool busy() const { return m_busy; }

    /// The limit on one authorization (kDefaultAuthorizationTimeoutMs); tests make it short.
    void setAuthorizationTimeout(int ms) { m_authorizationTimeoutMs = ms; }

    /// What Observe checks and runs with (not owned); without one, Observe is unavailable. Set by
    /// main() and the tests, never by a D-Bus argument.
    void setObserver(Observer *observer) { m_observer = observer; }

    /// What Prove checks and runs with (not owned); without one, Prove is unavailable. Set by main()
    /// and the tests, never by a D-Bus argument.
    void setProver(Prover *prover) { m_prover = prover; }

    /// Whether an observation or a proof is being authorized or runs.
    bool observing() const { return m_observing != ObserveState::Idle; }

public Q_SLOTS:
    // Security contract: anyone may call; the plan's area actions and then io.github.deroot.plan.apply
    // (one prompt, details naming the program, user, groups, capabilities, unit, sudo commands and
    // plan_sha256) decide; a plan with root-equivalent grants needs io.github.deroot.privileged.grant
    // with a password typed for it instead (root excepted). The request is parsed by the pure
    // validator before authorization, and checked against the system (programs run, files read)
    // only after. Changes on disk: only the engine's typed operations, journalled.
    Q_SCRIPTABLE QString Apply(const QByteArray &plan, const QMap<QString, QByteArray> &files,
                               uint confirmWithinSeconds);
    // Security contract: only the uid that applied (or root) may confirm; no prompt. Changes the
    // journal's pending state only.
    Q_SCRIPTABLE void Confirm(const QString &applyId);
    // Security contract: io.github.deroot.rollback.restore (details apply_id, agent). Changes on
    // disk: restores what that apply changed, byte for byte.
    Q_SCRIPTABLE QString Rollback(const QString &applyId);
    // Security contract: @p scope is "capabilities" or "all", nothing else. "capabilities":
    // io.github.deroot.plan.reconcile (auth_admin; details apply_id, agent, program and capabilities,
    // read from the journal's summary of the apply, never from the caller). "all":
    // io.github.deroot.plan.restore (auth_admin; details apply_id, agent, program, capabilities,
    // files, service_user and unit, from the journal's summary alone). Authorized as a rollback is;
    // @p applyId is one apply in place or "" for every one. Nothing but the id and the scope is
    // taken from the caller, and the id is checked against the journal's id form before it names
    // a file. Changes on disk, "capabilities": only the security.capability attribute the apply
    // set, byte for byte from its journal record, on the program it was approved for (the same
    // SHA-256, opened once and set through that descriptor); blocked by a different SHA-256 or a
    // dpkg-statoverride. "all", in addition (Engine::reconcile()): the files the apply wrote and
    // the user it created, as the generators write them from the plan.json of the root-only
    // journal, after every check of an apply, only where they drifted from the SHA-256 the apply
    // recorded; then systemd's reload and the unit's restart as the apply did them.
    Q_SCRIPTABLE QString Reconcile(const QString &applyId, const QString &scope);
    // Security contract: anyone may call. The request (JSON, Core::parseObserveRequest(): closed,
    // bounded, typed; root-equivalent capabilities refused) is parsed before authorization and
    // nothing else is; then io.github.deroot.observe.run (a program the helper starts) or
    // io.github.deroot.observe.watch (a unit or pid that runs), auth_admin, details naming the
    // program, arguments, user, capabilities, unit or pid and seconds; any answer but yes is no.
    // Only after a yes is the system read (Observer::check: the program root-only on descriptors,
    // no set-id bit, no root-equivalent file capability, no interpreter; the user not root, not gid
    // 0, in no root-equivalent group, no other person's; the unit loaded; the pid alive), and only
    // then does deroot-observer (beside the helper: Core::libexecDirectory()) run, as a transient
    // systemd unit outside the helper's sandbox, never anything as root but the observer itself. Changes on disk: none
    // (the transient unit is collected). Replies the recording (deroot-observer's standard output).
    // One observation at a time (Busy), and not while an authorization is under way; an Apply or
    // Rollback may run beside an observation.
    Q_SCRIPTABLE QString Observe(const QString &request);
    // Security contract: anyone may call. The request (JSON, Core::parseProveRequest(): closed,
    // bounded, typed; the plan inside parsed by Core::parseApplyRequest(), so only what Deroot's
    // generators write from the typed plan, byte for byte; root-equivalent capabilities and groups
    // refused) is parsed before authorization and nothing else is; then io.github.deroot.prove.run,
    // auth_admin, details naming the agent, program, service user, groups, capabilities, seconds,
    // check and plan SHA-256; any answer but yes is no. Only after a yes is the system read
    // (Prover::check: the program as Apply and Observe judge it, the service user and groups not
    // root's, systemd running) and only then do the trials run, as transient units of PID 1 with
    // the plan's unit settings; the check command runs as the caller's uid (from the bus), never as
    // root but for root. Changes on disk: none (the transient units are collected). Replies the
    // report as `derootctl prove --json` prints it. Shares Observe's guard: one observation or
    // proof at a time (Busy), and not while an authorization is under way; an Apply or a Rollback
    // may run beside the trials, which run on a thread of their own.
    Q_SCRIPTABLE QString Prove(const QString &request);
    // Security contract: read-only, anyone may call, no authorization.
    Q_SCRIPTABLE QString History();
    // Security contract: read-only, anyone may call, no authorization.
    Q_SCRIPTABLE QString Status();

Q_SIGNALS:
    Q_SCRIPTABLE void Progress(const QString &applyId, int index, int count, const QString &kind, const QString &target,
                               bool ok, const QString &message);
    Q_SCRIPTABLE void RolledBack(const QString &applyId, const QString &reason);
    /// One trial of a Prove call as it ended (Core::trialRecordToJson(), compact). Declared for the
    /// introspection only: Prove sends it to its caller alone, never emitted to the whole bus.
    Q_SCRIPTABLE void ProveTrial(const QString &trial);
    /// Not on the bus: the helper has been idle long enough to exit (main() quits on it).
    void idleExpired();
    /// Not on the bus: an authorization ran past its limit and its call was refused; polkit may
    /// still hold the check (main() restarts the helper, which ends it).
    void authorizationAbandoned();

private:
    int callerUid() const;
    void touch();
    void idleTimeout();
    void scheduleDeadline();
    void deadlineReached();
    StepCallback progressEmitter();
    /// authorize() within the time limit: past it, @p call is answered NotAuthorized, the helper is
    /// no longer busy, and a decision that comes later is dropped.
    void authorizeWithin(const AuthorizationRequest &request, const QDBusMessage &call, const QDBusConnection &bus,
                         std::function<void(const AuthorizationDecision &)> decided);
    void authorizationTimedOut();

    /// Observe's and Prove's first answers: Busy while an apply, a rollback, an observation or a
    /// proof is under way, InvalidArgs for a request of more than @p maxBytes characters (it is not
    /// even converted). True when the call was answered so.
    bool refuseLongCall(const QString &request, qsizetype maxBytes, const QString &what);
    /// What the run of an authorized observation or proof is handed: the call (to answer, or to
    /// signal its sender) and the bus, and where its result goes.
    using LongRun = std::function<void(const QDBusMessage &call, const QDBusConnection &bus,
                                       std::function<void(const Core::Result<QByteArray> &)> done)>;
    /// Observe's and Prove's shape once their request parsed: @p question and @p details to polkit
    /// (one authorization at a time, within the time limit); on a yes @p check (the system's
    /// side, one sentence "...; nothing was run" when it refuses), then @p run, whose result is
    /// the reply. Replies later: the caller's slot returns at once.
    void authorizeThenRun(const Core::PolkitQuestion &question, const AuthDetails &details,
                          std::function<std::optional<Core::Error>()> check, LongRun run);

    enum class ObserveState { Idle, Authorizing, Running };

    EngineApi &m_engine;
    Authorizer &m_authorizer;
    Observer *m_observer = nullptr;
    Prover *m_prover = nullptr;
    ObserveState m_observing = ObserveState::Idle;
    QTimer m_idle;
    QTimer m_deadline;
    QTimer m_authorizationLimit;
    int m_authorizationTimeoutMs = kDefaultAuthorizationTimeoutMs;
    quint64 m_authorization = 0; ///< the authorization under way; a decision for another is dropped
    std::function<void()> m_refuseLateAuthorization;
    bool m_busy = false;
};

} // namespace Deroot::Helper
