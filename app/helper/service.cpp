// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/service.h"

#include "core/base/deroot.h"
#include "core/base/text.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QJsonArray>
#include <QJsonDocument>

#include <utility>

using namespace Qt::StringLiterals;

namespace Deroot::Helper {

namespace HelperProtocol = Core::HelperProtocol;

namespace {

QString toJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

HelperService::HelperService(EngineApi &engine, Authorizer &authorizer, int idleMs, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_authorizer(authorizer)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleMs);
    connect(&m_idle, &QTimer::timeout, this, &HelperService::idleTimeout);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &HelperService::deadlineReached);
    m_authorizationLimit.setSingleShot(true);
    connect(&m_authorizationLimit, &QTimer::timeout, this, &HelperService::authorizationTimedOut);
    m_idle.start();
}

void HelperService::authorizeWithin(const AuthorizationRequest &request, const QDBusMessage &call,
                                    const QDBusConnection &bus,
                                    std::function<void(const AuthorizationDecision &)> decided)
{
    const quint64 serial = ++m_authorization;
    const int limitMs = m_authorizationTimeoutMs;
    // By name: holding the connection itself would keep it open after the helper's bus went.
    m_refuseLateAuthorization = [this, call, connectionName = bus.name(), limitMs] {
        const QString limit = limitMs >= 60000 && limitMs % 60000 == 0 ? u"%1 minutes"_s.arg(limitMs / 60000)
                                                                       : u"%1 seconds"_s.arg(limitMs / 1000.0);
        QDBusConnection(connectionName)
            .send(call.createErrorReply(HelperProtocol::Errors::kNotAuthorized,
                                        u"not authorized: polkit gave no answer within %1 (an authentication prompt "
                                        u"left open?); nothing was changed"_s.arg(limit)));
        m_busy = false;
        // Only one authorization is under way at a time: if an observation was waiting, it was this.
        if (m_observing == ObserveState::Authorizing) {
            m_observing = ObserveState::Idle;
        }
        scheduleDeadline();
        touch();
    };
    m_authorizationLimit.start(limitMs);
    authorize(m_authorizer, request,
              [this, serial, decided = std::move(decided)](const AuthorizationDecision &decision) {
                  // Past the limit the call was answered already; a YES now must not change anything.
                  if (serial != m_authorization) {
                      return;
                  }
                  m_authorizationLimit.stop();
                  m_refuseLateAuthorization = nullptr;
                  decided(decision);
              });
}

void HelperService::authorizationTimedOut()
{
    ++m_authorization;
    if (auto refuse = std::exchange(m_refuseLateAuthorization, nullptr)) {
        refuse();
        Q_EMIT authorizationAbandoned();
    }
}

void HelperService::resumePending()
{
    scheduleDeadline();
}

int HelperService::callerUid() const
{
    // The bus daemon vouches for the uid of a unique name (SO_PEERCRED at connection time).
    const QDBusReply<uint> reply = connection().interface()->serviceUid(message().service());
    return reply.isValid() ? static_cast<int>(reply.value()) : -1;
}

void HelperService::touch()
{
    m_idle.start();
}

void HelperService::idleTimeout()
{
    // Never leave while an apply runs, while polkit is asking, or while a confirmation is awaited:
    // the deadline's rollback needs a running helper.
    if (m_busy || observing() || m_engine.pending()) {
        touch();
        return;
    }
    Q_EMIT idleExpired();
}

StepCallback HelperService::progressEmitter()
{
    return [this](const StepEvent &step) {
        Q_EMIT Progress(step.applyId, step.index, step.count, step.kind, step.target, step.ok, step.message);
    };
}

void HelperService::scheduleDeadline()
{
    const std::optional<PendingConfirmation> pending = m_engine.pending();
    if (!pending) {
        m_deadline.stop();
        return;
    }
    const qint64 ms = m_engine.now().msecsTo(pending->deadline);
    m_deadline.start(static_cast<int>(std::clamp<qint64>(ms, 0, qint64(HelperProtocol::kMaxConfirmSeconds) * 1000)));
}

void HelperService::deadlineReached()
{
    const std::optional<PendingConfirmation> before = m_engine.pending();
    const QStringList done = m_engine.expirePending();
    const std::optional<PendingConfirmation> after = m_engine.pending();
    if (before && (!after || after->applyId != before->applyId)) {
        Q_EMIT RolledBack(before->applyId, done.isEmpty() ? u"the confirmation deadline passed"_s : done.join(u"; "_s));
    }
    scheduleDeadline();
    touch();
}

QString HelperService::Apply(const QByteArray &plan, const QMap<QString, QByteArray> &files, uint confirmWithinSeconds)
{
    touch();
    if (m_busy) {
        sendErrorReply(HelperProtocol::Errors::kBusy, u"another apply or rollback is under way"_s);
        return {};
    }
    if (!HelperProtocol::confirmWindowAllowed(confirmWithinSeconds)) {
        sendErrorReply(
            HelperProtocol::Errors::kInvalidArgs,
            u"the confirmation window is 0 (none) or %1 to %2 seconds, not %3"_s.arg(HelperProtocol::kMinConfirmSeconds)
                .arg(HelperProtocol::kMaxConfirmSeconds)
                .arg(confirmWithinSeconds));
        return {};
    }
    const ApplyRequest request{plan, files};
    // Pure and bounded: it reads nothing of the system. It tells what to authorize.
    const Core::Result<CheckedRequest> parsed = m_engine.parse(request);
    if (!parsed) {
        sendErrorReply(HelperProtocol::errorName(parsed.error().code), parsed.error().message);
        return {};
    }
    const int uid = callerUid();
    if (uid < 0) {
        sendErrorReply(HelperProtocol::Errors::kFailed, u"the bus could not tell who is calling"_s);
        return {};
    }
    m_busy = true;
    setDelayedReply(true);
    const QDBusMessage call = message();
    QDBusConnection bus = connection();
    const AuthorizationRequest authorization{
        call.service(), Core::applyQuestion(*parsed, call.isInteractiveAuthorizationAllowed(), uid == 0),
        applyDetails(*parsed)};
    const CheckedRequest &approved = *parsed;
    authorizeWithin(
        authorization, call, bus,
        [this, call, bus, request, approved, uid, confirmWithinSeconds](const AuthorizationDecision &decision) mutable {
            auto finish = [this, &bus](const QDBusMessage &reply) {
                bus.send(reply);
                m_busy = false;
                scheduleDeadline();
                touch();
            };
            if (!decision.allowed) {
                finish(call.createErrorReply(HelperProtocol::Errors::kNotAuthorized,
                                             u"not authorized (%1): %2"_s.arg(decision.action, decision.message)));
                return;
            }
            const Core::Result<CheckedRequest> validated = m_engine.validate(request);
            if (!validated) {
                finish(call.createErrorReply(HelperProtocol::errorName(validated.error().code),
                                             validated.error().message));
                return;
            }
            // The engine parses the same bytes: anything but the plan that was approved is a bug,
            // and nothing is applied that the prompt did not name.
            if (validated->planSha256 != approved.planSha256 || validated->areas != approved.areas ||
                validated->privilegedGrants != approved.privilegedGrants) {
                finish(call.createErrorReply(HelperProtocol::Errors::kFailed,
                                             u"the validated plan differs from the approved one; nothing was "
                                             "changed"_s));
                return;
            }
            QDateTime confirmBy;
            if (confirmWithinSeconds > 0) {
                confirmBy = m_engine.now().addSecs(confirmWithinSeconds);
            }
            const Core::Result<ApplyOutcome> outcome = m_engine.apply(*validated, uid, confirmBy, progressEmitter());
            if (!outcome) {
                finish(call.createErrorReply(HelperProtocol::errorName(outcome.error().code), outcome.error().message));
                return;
            }
            finish(call.createReply(toJson(outcome->toJson())));
        });
    return {};
}

void HelperService::Confirm(const QString &applyId)
{
    touch();
    const int uid = callerUid();
    const std::optional<PendingConfirmation> pending = m_engine.pending();
    if (!pending || pending->applyId != applyId) {
        sendErrorReply(HelperProtocol::Errors::kNotFound,
                       u"no apply %1 awaits confirmation"_s.arg(Core::quoted(applyId)));
        return;
    }
    if (uid < 0 || (uid != 0 && uid != pending->callerUid)) {
        sendErrorReply(HelperProtocol::Errors::kNotAuthorized,
                       u"only the user who applied %1 may confirm it"_s.arg(applyId));
        return;
    }
    if (const std::optional<Core::Error> error = m_engine.confirm(applyId, uid)) {
        sendErrorReply(HelperProtocol::errorName(error->code), error->message);
        return;
    }
    scheduleDeadline();
}

QString HelperService::Rollback(const QString &applyId)
{
    touch();
    if (m_busy) {
        sendErrorReply(HelperProtocol::Errors::kBusy, u"another apply or rollback is under way"_s);
        return {};
    }
    const QJsonObject entry = m_engine.status(applyId);
    if (entry.isEmpty()) {
        sendErrorReply(HelperProtocol::Errors::kNotFound, u"no apply %1 in the history"_s.arg(Core::quoted(applyId)));
        return {};
    }
    const int uid = callerUid();
    if (uid < 0) {
        sendErrorReply(HelperProtocol::Errors::kFailed, u"the bus could not tell who is calling"_s);
        return {};
    }
    m_busy = true;
    setDelayedReply(true);
    const QDBusMessage call = message();
    QDBusConnection bus = connection();
    const AuthDetails details{{u"apply_id"_s, safeDetail(applyId)},
                              {u"agent"_s, safeDetail(entry.value(u"agent"_s).toString())}};
    const AuthorizationRequest authorization{
        call.service(), Core::rollbackQuestion(call.isInteractiveAuthorizationAllowed(), uid == 0), details};
    authorizeWithin(
        authorization, call, bus, [this, call, bus, applyId, uid](const AuthorizationDecision &decision) mutable {
            auto finish = [this, &bus](const QDBusMessage &reply) {
                bus.send(reply);
                m_busy = false;
                scheduleDeadline();
                touch();
            };
            if (!decision.allowed) {
                finish(call.createErrorReply(HelperProtocol::Errors::kNotAuthorized,
                                             u"not authorized (%1): %2"_s.arg(decision.action, decision.message)));
                return;
            }
            QList<StepEvent> steps;
            const StepCallback emitter = progressEmitter();
            const std::optional<Core::Error> error = m_engine.rollback(applyId, uid, [&](const StepEvent &step) {
                steps.append(step);
                emitter(step);
            });
            if (error) {
                finish(call.createErrorReply(HelperProtocol::errorName(error->code), error->message));
                return;
            }
            QJsonArray stepArray;
            for (const StepEvent &step : std::as_const(steps)) {
                stepArray.append(Core::stepToJson(step));
            }
            finish(call.createReply(
                toJson(QJsonObject{{u"apply_id"_s, applyId}, {u"rolled_back"_s, true}, {u"steps"_s, stepArray}})));
        });
    return {};
}

QString HelperService::Reconcile(const QString &applyId, const QString &scope)
{
    touch();
    if (scope != u"capabilities" && scope != u"all") {
        sendErrorReply(
            HelperProtocol::Errors::kInvalidArgs,
            u"the reconcile scope %1 is neither \"capabilities\" nor \"all\""_s.arg(Core::quoted(scope.left(64))));
        return {};
    }
    const bool everything = scope == u"all";
    if (m_busy) {
        sendErrorReply(HelperProtocol::Errors::kBusy, u"another apply, rollback or reconcile is under way"_s);
        return {};
    }
    // What the prompt names comes from the journal's summaries alone: the applies in place (one, or
    // all), what they set capabilities on, and (everything) the files they wrote, their users and units.
    QStringList ids;
    QStringList agents;
    QStringList programs;
    QStringList capabilities;
    QStringList files;
    QStringList users;
    QStringList units;
    const QJsonArray history = m_engine.history();
    for (const auto &value : history) {
        const QJsonObject entry = value.toObject();
        const QString state = entry.value(u"state"_s).toString();
        const QString id = entry.value(u"id"_s).toString();
        if ((state != u"applied" && state != u"pending") || (!applyId.isEmpty() && id != applyId)) {
            continue;
        }
        bool setsCapabilities = false;
        QStringList written;
        const QJsonArray steps = entry.value(u"steps"_s).toArray();
        for (const auto &step : steps) {
            const QJsonObject object = step.toObject();
            setsCapabilities = setsCapabilities || object.contains(u"caps"_s);
            if (object.contains(u"after_sha256"_s)) {
                written << object.value(u"target"_s).toString();
            }
        }
        if (!setsCapabilities && (!everything || written.isEmpty())) {
            continue;
        }
        ids << id;
        agents << entry.value(u"agent"_s).toString();
        programs << entry.value(u"program"_s).toString();
        const QJsonArray names = entry.value(u"capabilities"_s).toArray();
        for (const auto &name : names) {
            capabilities << name.toString();
        }
        files << written;
        users << entry.value(u"service_user"_s).toString();
        units << entry.value(u"unit"_s).toString();
    }
    if (!applyId.isEmpty() && m_engine.status(applyId).isEmpty()) {
        sendErrorReply(HelperProtocol::Errors::kNotFound, u"no apply %1 in the history"_s.arg(Core::quoted(applyId)));
        return {};
    }
    if (ids.isEmpty()) {
        // Nothing to authorize: no apply in place set file capabilities (or wrote anything).
        return toJson(QJsonObject{{u"reconciled"_s, QJsonArray()}});
    }
    const int uid = callerUid();
    if (uid < 0) {
        sendErrorReply(HelperProtocol::Errors::kFailed, u"the bus could not tell who is calling"_s);
        return {};
    }
    m_busy = true;
    setDelayedReply(true);
    const QDBusMessage call = message();
    QDBusConnection bus = connection();
    capabilities.removeDuplicates();
    AuthDetails details{{u"apply_id"_s, listDetail(ids)},
                        {u"agent"_s, listDetail(agents)},
                        {u"program"_s, listDetail(programs)},
                        {u"capabilities"_s, listDetail(capabilities)}};
    if (everything) {
        files.removeDuplicates();
        users.removeAll(QString());
        users.removeDuplicates();
        units.removeAll(QString());
        units.removeDuplicates();
        details.insert(u"files"_s, listDetail(files));
        details.insert(u"service_user"_s, listDetail(users));
        details.insert(u"unit"_s, listDetail(units));
    }
    // Putting back a root-equivalent grant is approved as giving it was: by a password for it.
    const QStringList grants = m_engine.reconcileGrants(applyId, everything);
    if (!grants.isEmpty()) {
        QStringList named;
        for (const QString &grant : grants) {
            named << grant.section(u" ("_s, 0, 0);
        }
        details.insert(u"privileged_grants"_s, listDetail(named));
        // The privileged prompt names all of it, in either scope: what a capabilities reconcile
        // leaves alone is "none".
        for (const QString &key : {u"files"_s, u"service_user"_s, u"unit"_s}) {
            if (!details.contains(key)) {
                details.insert(key, u"none"_s);
            }
        }
    }
    const AuthorizationRequest authorization{
        call.service(),
        Core::reconcileQuestion(call.isInteractiveAuthorizationAllowed(), uid == 0, everything, !grants.isEmpty()),
        details};
    authorizeWithin(
        authorization, call, bus, [this, call, bus, applyId, uid, everything](const AuthorizationDecision &decision) {
            QDBusMessage reply;
            const auto items = decision.allowed ? (everything ? m_engine.reconcile(applyId, uid)
                                                              : m_engine.reconcileCapabilities(applyId, uid))
                                                : Core::Result<QList<ReconcileItem>>(QList<ReconcileItem>{});
            if (!decision.allowed) {
                reply = call.createErrorReply(HelperProtocol::Errors::kNotAuthorized,
                                              u"not authorized (%1): %2"_s.arg(decision.action, decision.message));
            } else if (!items) {
                reply = call.createErrorReply(HelperProtocol::errorName(items.error().code), items.error().message);
            } else {
                QJsonArray array;
                for (const ReconcileItem &item : *items) {
                    array.append(item.toJson());
                }
                reply = call.createReply(toJson(QJsonObject{{u"reconciled"_s, array}}));
            }
            bus.send(reply);
            m_busy = false;
            scheduleDeadline();
            touch();
        });
    return {};
}

bool HelperService::refuseLongCall(const QString &request, qsizetype maxBytes, const QString &what)
{
    // An authorization may be under way only one at a time (authorizeWithin), so an observation or
    // a proof waits for an apply's or a rollback's prompt, and one of them runs at a time.
    if (m_busy || observing()) {
        sendErrorReply(HelperProtocol::Errors::kBusy,
                       observing() ? u"another observation or proof is under way"_s
                                   : u"an apply or a rollback is being authorized or carried out"_s);
        return true;
    }
    // A string of more characters than the request may have bytes is not even converted.
    if (request.size() > maxBytes) {
        sendErrorReply(HelperProtocol::Errors::kInvalidArgs,
                       u"the %1 request is refused: it is more than %2 bytes"_s.arg(what).arg(maxBytes));
        return true;
    }
    return false;
}

void HelperService::authorizeThenRun(const Core::PolkitQuestion &question, const AuthDetails &details,
                                     std::function<std::optional<Core::Error>()> check, LongRun run)
{
    m_busy = true;
    m_observing = ObserveState::Authorizing;
    setDelayedReply(true);
    const QDBusMessage call = message();
    QDBusConnection bus = connection();
    const AuthorizationRequest authorization{call.service(), question, details};
    authorizeWithin(
        authorization, call, bus,
        [this, call, bus, check = std::move(check), run = std::move(run)](const AuthorizationDecision &decision) {
            // The authorization is over: an apply or a rollback may go on beside the run.
            m_busy = false;
            auto finish = [this, bus](const QDBusMessage &reply) mutable {
                bus.send(reply);
                m_observing = ObserveState::Idle;
                scheduleDeadline();
                touch();
            };
            if (!decision.allowed) {
                finish(call.createErrorReply(
                    HelperProtocol::Errors::kNotAuthorized,
                    u"not authorized (%1): %2; nothing was run"_s.arg(decision.action, decision.message)));
                return;
            }
            if (const std::optional<Core::Error> error = check()) {
                finish(call.createErrorReply(HelperProtocol::errorName(error->code),
                                             error->message + u"; nothing was run"_s));
                return;
            }
            m_observing = ObserveState::Running;
            run(call, bus, [call, finish](const Core::Result<QByteArray> &result) mutable {
                if (!result) {
                    finish(
                        call.createErrorReply(HelperProtocol::errorName(result.error().code), result.error().message));
                    return;
                }
                finish(call.createReply(QString::fromUtf8(*result)));
            });
        });
}

QString HelperService::Observe(const QString &request)
{
    touch();
    if (refuseLongCall(request, Core::kMaxObserveRequestBytes, u"observe"_s)) {
        return {};
    }
    // Pure and bounded: it reads nothing of the system. It tells what to authorize.
    const Core::Result<Core::ObserveRequest> parsed = Core::parseObserveRequest(request.toUtf8());
    if (!parsed) {
        sendErrorReply(HelperProtocol::errorName(parsed.error().code), parsed.error().message);
        return {};
    }
    const int uid = callerUid();
    if (uid < 0) {
        sendErrorReply(HelperProtocol::Errors::kFailed, u"the bus could not tell who is calling"_s);
        return {};
    }
    if (!m_observer) {
        sendErrorReply(HelperProtocol::errorName(Core::ExitCode::Unavailable),
                       u"this helper cannot observe: it was started without deroot-observer"_s);
        return {};
    }
    const Core::ObserveRequest &observation = *parsed;
    authorizeThenRun(
        Core::observeQuestion(observation, message().isInteractiveAuthorizationAllowed(), uid == 0),
        observeDetails(observation), [this, observation, uid] { return m_observer->check(observation, uid); },
        [this, observation, uid](const QDBusMessage &, const QDBusConnection &, auto done) {
            m_observer->run(observation, uid, std::move(done));
        });
    return {};
}

QString HelperService::Prove(const QString &request)
{
    touch();
    if (refuseLongCall(request, Core::kMaxProveRequestBytes, u"prove"_s)) {
        return {};
    }
    // Pure and bounded: it reads nothing of the system. It tells what to authorize.
    const Core::Result<Core::CheckedProveRequest> parsed = Core::parseProveRequest(request.toUtf8());
    if (!parsed) {
        sendErrorReply(HelperProtocol::errorName(parsed.error().code), parsed.error().message);
        return {};
    }
    // Pure as well: a plan prove does not cover (sudo, container, no unit) is not worth a prompt.
    if (const Core::Result<Core::ProvePlan> trials = Core::provePlan(parsed->plan.input); !trials) {
        sendErrorReply(HelperProtocol::errorName(trials.error().code), trials.error().message);
        return {};
    }
    const int uid = callerUid();
    if (uid < 0) {
        sendErrorReply(HelperProtocol::Errors::kFailed, u"the bus could not tell who is calling"_s);
        return {};
    }
    if (!m_prover) {
        sendErrorReply(HelperProtocol::errorName(Core::ExitCode::Unavailable),
                       u"this helper cannot prove plans: it was started without a prover"_s);
        return {};
    }
    const Core::CheckedProveRequest &proof = *parsed;
    authorizeThenRun(
        Core::proveQuestion(message().isInteractiveAuthorizationAllowed(), uid == 0), proveDetails(proof),
        [this, proof, uid] { return m_prover->check(proof, uid); },
        [this, proof, uid](const QDBusMessage &call, const QDBusConnection &bus, auto done) {
            // Each trial as it ends, to the caller alone (a targeted signal): nobody else on the bus
            // hears what is being proven.
            const auto trialEnded = [bus, caller = call.service()](const QByteArray &trial) {
                QDBusMessage signal = QDBusMessage::createTargetedSignal(caller, HelperProtocol::kObjectPath,
                                                                         HelperProtocol::kInterface, u"ProveTrial"_s);
                signal << QString::fromUtf8(trial);
                bus.send(signal);
            };
            m_prover->run(proof, uid, trialEnded, std::move(done));
        });
    return {};
}

QString HelperService::History()
{
    touch();
    return QString::fromUtf8(QJsonDocument(m_engine.history()).toJson(QJsonDocument::Compact));
}

QString HelperService::Status()
{
    touch();
    QJsonObject status{{u"version"_s, Core::version()},
                       {u"busy"_s, m_busy},
                       {u"observing"_s, observing()},
                       {u"pending"_s, QJsonValue::Null}};
    if (const std::optional<PendingConfirmation> pending = m_engine.pending()) {
        status.insert(u"pending"_s, QJsonObject{{u"apply_id"_s, pending->applyId},
                                                {u"deadline"_s, pending->deadline.toUTC().toString(Qt::ISODate)},
                                                {u"caller_uid"_s, pending->callerUid}});
    }
    return toJson(status);
}

} // namespace Deroot::Helper
