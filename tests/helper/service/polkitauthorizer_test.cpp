// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// PolkitAuthorizer against a played polkitd on a private dbus-daemon: what it sends (the
// system-bus-name subject, the action, the details, the flags) and how it reads every kind of
// answer. Only a well-formed "authorized" is a yes; a challenge, a no, an error, a reply of another
// shape and a bus without polkitd are not. The real polkitd answers it in the host tests
// (host_applypolkit_test, host_authtimeout_test, host_package_test).
#include "polkitauthorizer.h"
#include "privatebus.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QSignalSpy>
#include <QTest>

using namespace Deroot::Helper;
using namespace Qt::StringLiterals;

namespace {

// org.freedesktop.PolicyKit1.Authority as polkitd serves it, answering as told.
class FakeAuthority final : public QDBusVirtualObject
{
public:
    QString answer; ///< yes, challenge, no, error, malformed
    QDBusMessage received;

    QString introspect(const QString &) const override { return {}; }

    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        if (message.member() != u"CheckAuthorization") {
            return false;
        }
        received = message;
        QDBusMessage reply;
        if (answer == u"error") {
            reply = message.createErrorReply(u"org.freedesktop.PolicyKit1.Error.Failed"_s, u"played failure"_s);
        } else if (answer == u"malformed") {
            reply = message.createReply(QVariant(u"yes"_s));
        } else {
            QDBusArgument result;
            result.beginStructure();
            result << (answer == u"yes") << (answer == u"challenge") << QMap<QString, QString>();
            result.endStructure();
            reply = message.createReply(QVariant::fromValue(result));
        }
        connection.send(reply);
        return true;
    }
};

} // namespace

class PolkitAuthorizerTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_bus.start(), "the private dbus-daemon did not start"); }

    void answers_data()
    {
        QTest::addColumn<QString>("played");
        QTest::addColumn<bool>("interactive");
        QTest::addColumn<int>("expected");
        QTest::newRow("authorized: yes") << u"yes"_s << true << int(AuthAnswer::Yes);
        QTest::newRow("challenge: not yes") << u"challenge"_s << false << int(AuthAnswer::Challenge);
        QTest::newRow("not authorized: no") << u"no"_s << true << int(AuthAnswer::No);
        QTest::newRow("polkitd's error: error") << u"error"_s << true << int(AuthAnswer::Error);
        QTest::newRow("a reply of another shape: error") << u"malformed"_s << true << int(AuthAnswer::Error);
        QTest::newRow("no polkitd on the bus: error") << QString() << true << int(AuthAnswer::Error);
    }

    void answers()
    {
        QFETCH(QString, played);
        QFETCH(bool, interactive);
        QFETCH(int, expected);
        const QString name = u"polkit%1"_s.arg(++m_serial);
        QDBusConnection polkitd = QDBusConnection::connectToBus(m_bus.address(), name);
        QVERIFY(polkitd.isConnected());
        FakeAuthority authority;
        authority.answer = played;
        if (!played.isEmpty()) {
            QVERIFY(polkitd.registerVirtualObject(u"/org/freedesktop/PolicyKit1/Authority"_s, &authority));
            QVERIFY(polkitd.registerService(u"org.freedesktop.PolicyKit1"_s));
        }
        const QDBusConnection helper = QDBusConnection::connectToBus(m_bus.address(), name + u"helper"_s);
        PolkitAuthorizer authorizer(helper);
        int answers = 0;
        AuthAnswer answer = AuthAnswer::Yes;
        authorizer.check(u":1.42"_s, u"io.github.deroot.plan.apply"_s,
                         {{u"agent"_s, u"fping"_s}, {u"plan_sha256"_s, u"abc"_s}}, interactive, [&](AuthAnswer a) {
                             ++answers;
                             answer = a;
                         });
        QTRY_COMPARE_WITH_TIMEOUT(answers, 1, 10000);
        QCOMPARE(int(answer), expected);
        // Exactly once.
        QTest::qWait(50);
        QCOMPARE(answers, 1);
        if (!played.isEmpty()) {
            // What polkitd was asked: the caller by its bus name, the action, the details, the flags.
            const QDBusMessage &call = authority.received;
            QCOMPARE(call.signature(), u"(sa{sv})sa{ss}us"_s);
            const QDBusArgument subject = call.arguments().at(0).value<QDBusArgument>();
            QString kind;
            QVariantMap details;
            subject.beginStructure();
            subject >> kind >> details;
            subject.endStructure();
            QCOMPARE(kind, u"system-bus-name"_s);
            QCOMPARE(details.value(u"name"_s).toString(), u":1.42"_s);
            QCOMPARE(call.arguments().at(1).toString(), u"io.github.deroot.plan.apply"_s);
            QMap<QString, QString> sent;
            call.arguments().at(2).value<QDBusArgument>() >> sent;
            QCOMPARE(sent.value(u"agent"_s), u"fping"_s);
            QCOMPARE(sent.value(u"plan_sha256"_s), u"abc"_s);
            QCOMPARE(call.arguments().at(3).toUInt(), interactive ? 1U : 0U);
            polkitd.unregisterService(u"org.freedesktop.PolicyKit1"_s);
            polkitd.unregisterObject(u"/org/freedesktop/PolicyKit1/Authority"_s);
        }
        QDBusConnection::disconnectFromBus(name + u"helper"_s);
        QDBusConnection::disconnectFromBus(name);
    }

private:
    Deroot::Helper::Test::PrivateBus m_bus;
    int m_serial = 0;
};

QTEST_GUILESS_MAIN(PolkitAuthorizerTest)
#include "polkitauthorizer_test.moc"
