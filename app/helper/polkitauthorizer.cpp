// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/polkitauthorizer.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace {

// polkit's Subject, (sa{sv}): a kind and its details.
struct PolkitSubject
{
    QString kind;
    QVariantMap details;
};

// polkit's AuthorizationResult, (bba{ss}).
struct PolkitResult
{
    bool authorized = false;
    bool challenge = false;
    QMap<QString, QString> details;
};

} // namespace

Q_DECLARE_METATYPE(PolkitSubject)
Q_DECLARE_METATYPE(PolkitResult)

namespace {

QDBusArgument &operator<<(QDBusArgument &argument, const PolkitSubject &subject)
{
    argument.beginStructure();
    argument << subject.kind << subject.details;
    argument.endStructure();
    return argument;
}

// Qt D-Bus's demarshalling signature returns the argument it was given (qDBusRegisterMetaType):
// the two NOLINTs below are for that signature, not a choice.
const QDBusArgument &operator>>(const QDBusArgument &argument, PolkitSubject &subject)
{
    argument.beginStructure();
    argument >> subject.kind >> subject.details;
    argument.endStructure();
    return argument; // NOLINT(bugprone-return-const-ref-from-parameter)
}

QDBusArgument &operator<<(QDBusArgument &argument, const PolkitResult &result)
{
    argument.beginStructure();
    argument << result.authorized << result.challenge << result.details;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, PolkitResult &result)
{
    argument.beginStructure();
    argument >> result.authorized >> result.challenge >> result.details;
    argument.endStructure();
    return argument; // NOLINT(bugprone-return-const-ref-from-parameter)
}

// CheckAuthorizationFlags (polkit's D-Bus API): AllowUserInteraction.
constexpr uint kAllowUserInteraction = 0x1;

} // namespace

namespace Deroot::Helper {

PolkitAuthorizer::PolkitAuthorizer(QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
{
    qDBusRegisterMetaType<PolkitSubject>();
    qDBusRegisterMetaType<PolkitResult>();
    qDBusRegisterMetaType<QMap<QString, QString>>();
}

void PolkitAuthorizer::check(const QString &busName, const QString &actionId, const AuthDetails &details,
                             bool interactive, Callback done)
{
    QDBusMessage call =
        QDBusMessage::createMethodCall(u"org.freedesktop.PolicyKit1"_s, u"/org/freedesktop/PolicyKit1/Authority"_s,
                                       u"org.freedesktop.PolicyKit1.Authority"_s, u"CheckAuthorization"_s);
    const PolkitSubject subject{u"system-bus-name"_s, {{u"name"_s, busName}}};
    call << QVariant::fromValue(subject) << actionId << QVariant::fromValue(details)
         << uint(interactive ? kAllowUserInteraction : 0) << QString();
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, kCheckTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [done = std::move(done)](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<PolkitResult> reply = *finished;
                // Only a plain yes of polkitd counts; an error, or a reply of another shape, is no.
                AuthAnswer answer = AuthAnswer::Error;
                if (!reply.isError() && reply.isValid()) {
                    const PolkitResult result = reply.value();
                    answer = result.authorized  ? AuthAnswer::Yes
                             : result.challenge ? AuthAnswer::Challenge
                                                : AuthAnswer::No;
                }
                done(answer);
            });
}

} // namespace Deroot::Helper
