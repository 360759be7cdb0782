// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/client/helperclient.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// The bus library's own detail of a failure, for whoever asks for it (QT_LOGGING_RULES=
// "deroot.client.info=true"): off by default, so that a command says one sentence, not two.
Q_LOGGING_CATEGORY(lcClient, "deroot.client", QtWarningMsg)

using HelperProtocol::kInterface;
using HelperProtocol::kObjectPath;
using HelperProtocol::kServiceName;

// The free functions below translate in HelperClient's context (what its members' tr() use), so
// lupdate and the run-time lookup agree.
//
// What the caller is told when the helper left the bus before it answered. The bus answers a call
// whose recipient disconnected (the helper was killed or crashed) with NoReply; the helper's next
// start, which any call causes, undoes an apply or finishes a rollback it left unfinished.
QString stoppedMessage(const QString &method)
{
    if (method == u"Apply"_s) {
        return QCoreApplication::translate("Deroot::Core::HelperClient",
                                           "the helper stopped before it answered (it was killed or crashed); if the "
                                           "apply had not finished, the helper's next start restores the previous "
                                           "state: the history shows the outcome");
    }
    if (method == u"Rollback"_s) {
        return QCoreApplication::translate("Deroot::Core::HelperClient",
                                           "the helper stopped before it answered (it was killed or crashed); if the "
                                           "rollback had not finished, the helper's next start finishes it: the "
                                           "history shows the outcome");
    }
    return QCoreApplication::translate("Deroot::Core::HelperClient",
                                       "the helper stopped before it answered (it was killed or crashed)");
}

} // namespace

ExitCode exitCodeForDBusError(const QString &errorName)
{
    if (const std::optional<ExitCode> code = HelperProtocol::exitCodeForError(errorName)) {
        return *code;
    }
    if (errorName == u"org.freedesktop.DBus.Error.AccessDenied"_s) {
        return ExitCode::NotAuthorized;
    }
    // No bus, no helper installed, activation failed, no reply: the helper is not available.
    return ExitCode::Unavailable;
}

// A D-Bus error in words: the helper's own errors carry its message (English: the helper installs
// no translator), the bus's errors ("The name is not activatable", "Failed to connect") become a
// sentence in the reader's language.
namespace {
QString dbusErrorText(const QDBusMessage &reply)
{
    const QString name = reply.errorName();
    if (HelperProtocol::exitCodeForError(name)) {
        return reply.errorMessage();
    }
    if (name == u"org.freedesktop.DBus.Error.ServiceUnknown"_s ||
        name == u"org.freedesktop.DBus.Error.NameHasNoOwner"_s ||
        name == u"org.freedesktop.DBus.Error.Spawn.ServiceNotFound"_s) {
        return QCoreApplication::translate("Deroot::Core::HelperClient",
                                           "Deroot's helper is not installed on this system (no D-Bus service %1)")
            .arg(kServiceName);
    }
    if (name == u"org.freedesktop.DBus.Error.AccessDenied"_s) {
        return QCoreApplication::translate("Deroot::Core::HelperClient",
                                           "the system's D-Bus policy does not let this user call Deroot's helper");
    }
    if (name == u"org.freedesktop.DBus.Error.NoReply"_s || name == u"org.freedesktop.DBus.Error.Timeout"_s) {
        return QCoreApplication::translate("Deroot::Core::HelperClient", "Deroot's helper did not answer in time");
    }
    return QCoreApplication::translate("Deroot::Core::HelperClient", "Deroot's helper could not be reached (%1)")
        .arg(name);
}
} // namespace

HelperClient::HelperClient(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    qDBusRegisterMetaType<QMap<QString, QByteArray>>();
    m_bus.connect(kServiceName, kObjectPath, kInterface, u"Progress"_s, this,
                  SLOT(onProgress(QString, int, int, QString, QString, bool, QString)));
    m_bus.connect(kServiceName, kObjectPath, kInterface, u"RolledBack"_s, this, SLOT(onRolledBack(QString, QString)));
    m_bus.connect(kServiceName, kObjectPath, kInterface, u"ProveTrial"_s, this, SLOT(onProveTrial(QString)));
}

void HelperClient::onProveTrial(const QString &trial)
{
    const QJsonDocument document = QJsonDocument::fromJson(trial.toUtf8());
    if (document.isObject()) {
        Q_EMIT proveTrial(document.object());
    }
}

void HelperClient::onProgress(const QString &applyId, int index, int count, const QString &kind, const QString &target,
                              bool ok, const QString &message)
{
    Q_EMIT progress(StepProgress{applyId, index, count, kind, target, ok, message});
}

void HelperClient::onRolledBack(const QString &applyId, const QString &reason)
{
    Q_EMIT rolledBack(applyId, reason);
}

void HelperClient::call(const QString &method, const QVariantList &arguments, bool interactive, int timeoutMs,
                        std::function<void(const Result<QString> &)> done)
{
    if (!m_bus.isConnected()) {
        // The bus library's own words ("Failed to connect to socket ...") are English whatever the
        // locale: the sentence says what it means for the reader, the log keeps the detail.
        qCInfo(lcClient, "the system bus is not available: %s", qUtf8Printable(m_bus.lastError().message()));
        done(Error{ExitCode::Unavailable, tr("the system message bus (D-Bus) cannot be reached, so Deroot's "
                                             "helper cannot be asked; is D-Bus running on this system?")});
        return;
    }
    QDBusMessage message = QDBusMessage::createMethodCall(kServiceName, kObjectPath, kInterface, method);
    message.setArguments(arguments);
    message.setInteractiveAuthorizationAllowed(interactive);
    QElapsedTimer elapsed;
    elapsed.start();
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(message, timeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [watcher, method, timeoutMs, elapsed, done = std::move(done)] {
                watcher->deleteLater();
                const QDBusMessage reply = watcher->reply();
                if (reply.type() != QDBusMessage::ReplyMessage) {
                    // NoReply is also what a call that ran out of time gets; only one that ended before its
                    // timeout means the helper left.
                    if (reply.errorName() == u"org.freedesktop.DBus.Error.NoReply"_s && elapsed.elapsed() < timeoutMs) {
                        done(Error{ExitCode::Failure, stoppedMessage(method)});
                        return;
                    }
                    done(Error{exitCodeForDBusError(reply.errorName()), dbusErrorText(reply)});
                    return;
                }
                // Confirm answers nothing; the others one string of JSON.
                done(reply.arguments().isEmpty() ? QString() : reply.arguments().constFirst().toString());
            });
}

namespace {

Result<QJsonObject> objectFrom(const Result<QString> &reply)
{
    if (!reply) {
        return reply.error();
    }
    const QJsonDocument document = QJsonDocument::fromJson(reply->toUtf8());
    if (!document.isObject()) {
        return Error{ExitCode::Failure, QCoreApplication::translate("Deroot::Core::HelperClient",
                                                                    "the helper's answer is not a JSON object")};
    }
    return document.object();
}

} // namespace

void HelperClient::apply(const ApplyRequest &request, uint confirmWithinSeconds, OutcomeCallback done)
{
    call(u"Apply"_s, {request.planJson, QVariant::fromValue(request.files), QVariant::fromValue(confirmWithinSeconds)},
         true, kLongCallMs, [done = std::move(done)](const Result<QString> &reply) {
             const Result<QJsonObject> object = objectFrom(reply);
             if (!object) {
                 done(object.error());
                 return;
             }
             done(ApplyOutcome::fromJson(*object));
         });
}

void HelperClient::confirm(const QString &applyId, ObjectCallback done)
{
    call(u"Confirm"_s, {applyId}, false, kShortCallMs, [done = std::move(done), applyId](const Result<QString> &reply) {
        if (!reply) {
            done(reply.error());
            return;
        }
        done(QJsonObject{{u"apply_id"_s, applyId}, {u"confirmed"_s, true}});
    });
}

void HelperClient::rollback(const QString &applyId, ObjectCallback done)
{
    call(u"Rollback"_s, {applyId}, true, kLongCallMs,
         [done = std::move(done)](const Result<QString> &reply) { done(objectFrom(reply)); });
}

void HelperClient::reconcile(const QString &applyId, bool everything, ObjectCallback done)
{
    call(u"Reconcile"_s, {applyId, everything ? u"all"_s : u"capabilities"_s}, true, kLongCallMs,
         [done = std::move(done)](const Result<QString> &reply) { done(objectFrom(reply)); });
}

void HelperClient::observe(const ObserveRequest &request, std::function<void(const Result<QByteArray> &)> done)
{
    static_assert(kLongCallMs / 1000 > kMaxObserveSeconds + 15 * 60);
    call(u"Observe"_s, {QString::fromUtf8(observeRequestJson(request))}, true, kLongCallMs,
         [done = std::move(done)](const Result<QString> &reply) {
             if (!reply) {
                 done(reply.error());
                 return;
             }
             done(reply->toUtf8());
         });
}

void HelperClient::prove(const ProveRequest &request, std::function<void(const Result<QByteArray> &)> done)
{
    call(u"Prove"_s, {QString::fromUtf8(proveRequestJson(request))}, true, kLongCallMs,
         [done = std::move(done)](const Result<QString> &reply) {
             if (!reply) {
                 done(reply.error());
                 return;
             }
             done(reply->toUtf8());
         });
}

void HelperClient::history(ArrayCallback done)
{
    call(u"History"_s, {}, false, kShortCallMs, [done = std::move(done)](const Result<QString> &reply) {
        if (!reply) {
            done(reply.error());
            return;
        }
        const QJsonDocument document = QJsonDocument::fromJson(reply->toUtf8());
        if (!document.isArray()) {
            done(Error{ExitCode::Failure, tr("the helper's answer is not a JSON array")});
            return;
        }
        done(document.array());
    });
}

void HelperClient::status(ObjectCallback done)
{
    call(u"Status"_s, {}, false, kShortCallMs,
         [done = std::move(done)](const Result<QString> &reply) { done(objectFrom(reply)); });
}

void HelperClient::installed(std::function<void(bool)> done)
{
    if (!m_bus.isConnected()) {
        done(false);
        return;
    }
    const QString daemon = u"org.freedesktop.DBus"_s;
    const QString path = u"/org/freedesktop/DBus"_s;
    QDBusMessage owned = QDBusMessage::createMethodCall(daemon, path, daemon, u"NameHasOwner"_s);
    owned.setArguments({kServiceName});
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(owned, kShortCallMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, daemon, path, done = std::move(done)] {
        watcher->deleteLater();
        const QDBusMessage reply = watcher->reply();
        if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty() &&
            reply.arguments().constFirst().toBool()) {
            done(true);
            return;
        }
        const QDBusMessage list = QDBusMessage::createMethodCall(daemon, path, daemon, u"ListActivatableNames"_s);
        auto *names = new QDBusPendingCallWatcher(m_bus.asyncCall(list, kShortCallMs), this);
        connect(names, &QDBusPendingCallWatcher::finished, this, [names, done] {
            names->deleteLater();
            const QDBusMessage answer = names->reply();
            done(answer.type() == QDBusMessage::ReplyMessage && !answer.arguments().isEmpty() &&
                 answer.arguments().constFirst().toStringList().contains(kServiceName));
        });
    });
}

} // namespace Deroot::Core
