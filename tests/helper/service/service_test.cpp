// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "fakes.h"
#include "privatebus.h"

#include "core/client/helperclient.h"
#include "core/client/outcometext.h"

#include <QCryptographicHash>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMetaType>
#include <QDBusPendingCall>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <limits>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Deroot::Helper;
using Deroot::Core::ExitCode;
using Deroot::Helper::Test::FakeEngine;
using Deroot::Helper::Test::FakePolkit;

namespace {

// One apply in place as the journal's summary shows it: a unit written and capabilities set.
QJsonArray appliedHistory(const QString &agent, const QString &program, const QStringList &capabilities)
{
    const QString unit = u"deroot-"_s + agent + u".service"_s;
    return QJsonArray{QJsonObject{
        {u"id"_s, u"apply-1"_s},
        {u"state"_s, u"applied"_s},
        {u"agent"_s, agent},
        {u"program"_s, program},
        {u"service_user"_s, QString(u"deroot-"_s + agent)},
        {u"unit"_s, unit},
        {u"capabilities"_s, QJsonArray::fromStringList(capabilities)},
        {u"steps"_s,
         QJsonArray{QJsonObject{{u"kind"_s, u"write-unit"_s},
                                {u"target"_s, QString(u"/etc/systemd/system/"_s + unit)},
                                {u"after_sha256"_s, QString(64, u'a')}},
                    QJsonObject{{u"kind"_s, u"set-file-caps"_s}, {u"caps"_s, QJsonObject{{u"path"_s, program}}}}}}}};
}

// Reconcile called over the bus as a client with interaction allowed; the reply, or an error.
QDBusMessage callReconcile(QDBusConnection &bus, const QString &id, const QString &scope)
{
    QDBusMessage message = QDBusMessage::createMethodCall(Deroot::Core::HelperProtocol::kServiceName,
                                                          Deroot::Core::HelperProtocol::kObjectPath,
                                                          Deroot::Core::HelperProtocol::kInterface, u"Reconcile"_s);
    message << id << scope;
    message.setInteractiveAuthorizationAllowed(true);
    // Asynchronous: the service answers from this thread's event loop.
    QDBusPendingCall pending = bus.asyncCall(message, 10000);
    (void)QTest::qWaitFor([&] { return pending.isFinished(); }, 10000); // unfinished: an error reply
    return pending.reply();
}

} // namespace

/// The service object on a real (private) dbus-daemon, called through core/client as derootctl
/// and the GUI call it, with the engine and polkitd played by fakes.
class ServiceTest : public QObject
{
    Q_OBJECT

private:
    Test::PrivateBus m_bus;
    QString m_address;
    int m_serial = 0;

    struct Setup
    {
        FakeEngine engine;
        FakePolkit polkit;
        std::unique_ptr<HelperService> service;
        QDBusConnection serviceBus{QString()};
        QDBusConnection clientBus{QString()};
        std::unique_ptr<Deroot::Core::HelperClient> client;

        // Also when a check failed half-way: the next test registers the same name.
        ~Setup()
        {
            // A test may have dropped the service's connection already (a helper that left).
            if (serviceBus.isConnected()) {
                serviceBus.unregisterService(Deroot::Core::HelperProtocol::kServiceName);
                serviceBus.unregisterObject(Deroot::Core::HelperProtocol::kObjectPath);
            }
            client.reset();
            service.reset();
            const QString serviceName = serviceBus.name();
            const QString clientName = clientBus.name();
            serviceBus = QDBusConnection(QString());
            clientBus = QDBusConnection(QString());
            QDBusConnection::disconnectFromBus(serviceName);
            QDBusConnection::disconnectFromBus(clientName);
        }
    };

    std::unique_ptr<Setup> makeSetup(int idleMs = 60000)
    {
        auto setup = std::make_unique<Setup>();
        const QString serviceName = u"service%1"_s.arg(++m_serial);
        setup->serviceBus = QDBusConnection::connectToBus(m_address, serviceName);
        setup->clientBus = QDBusConnection::connectToBus(m_address, u"client%1"_s.arg(m_serial));
        setup->service = std::make_unique<HelperService>(setup->engine, setup->polkit, idleMs);
        if (!setup->serviceBus.registerObject(Deroot::Core::HelperProtocol::kObjectPath, setup->service.get(),
                                              QDBusConnection::ExportScriptableSlots |
                                                  QDBusConnection::ExportScriptableSignals) ||
            !setup->serviceBus.registerService(Deroot::Core::HelperProtocol::kServiceName)) {
            qFatal("cannot register the service on the private bus %s: %s / %s", qPrintable(m_address),
                   qPrintable(setup->serviceBus.lastError().message()),
                   setup->serviceBus.isConnected() ? "connected" : "not connected");
        }
        setup->client = std::make_unique<Deroot::Core::HelperClient>(setup->clientBus);
        return setup;
    }

    template <typename T>
    static Deroot::Core::Result<T>
    await(const std::function<void(std::function<void(const Deroot::Core::Result<T> &)>)> &start)
    {
        std::optional<Deroot::Core::Result<T>> result;
        start([&](const Deroot::Core::Result<T> &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000)) {
            return Deroot::Core::Error{ExitCode::Failure, u"no answer within 10 s"_s};
        }
        return *result;
    }

    static Deroot::Core::ApplyRequest request(const QByteArray &plan)
    {
        return Deroot::Core::ApplyRequest{plan, {{u"deroot-fping.service"_s, QByteArray("[Unit]\n")}}};
    }

    static QString sha(const QByteArray &bytes)
    {
        return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    }

    // The reply as the client read it, in the helper's JSON (ApplyOutcome::toJson(), which gives back
    // what the helper sent: outcomeReadsWhatTheServiceWrites): these tests check the service's keys.
    Deroot::Core::Result<QJsonObject> apply(Setup &setup, const QByteArray &plan, uint confirmWithin = 0)
    {
        const auto outcome = await<Deroot::Core::ApplyOutcome>(
            [&](auto done) { setup.client->apply(request(plan), confirmWithin, std::move(done)); });
        if (!outcome) {
            return outcome.error();
        }
        return outcome->toJson();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qDBusRegisterMetaType<QMap<QString, QByteArray>>();
        QVERIFY2(m_bus.start(), "the private dbus-daemon did not start");
        m_address = m_bus.address();
    }

    void cleanupTestCase() { m_bus.stop(); }

    // The client reads what the service writes: every field of an outcome survives the reply's
    // JSON (ApplyOutcome::toJson() in the helper, ApplyOutcome::fromJson() in the client).
    void outcomeReadsWhatTheServiceWrites()
    {
        ApplyOutcome written;
        written.applyId = u"apply-7"_s;
        written.ok = false;
        written.rolledBack = false;
        written.message = u"the running agent does not match the plan"_s;
        written.steps = {StepEvent{u"apply-7"_s, 0, 2, u"create-user"_s, u"deroot-fping"_s, true, {}},
                         StepEvent{u"apply-7"_s, 1, 2, u"export-only"_s, u"fping.container"_s, true, u"kept"_s}};
        written.agent.checked = true;
        written.agent.ok = false;
        written.agent.unit = u"deroot-fping.service"_s;
        written.agent.pid = 4242;
        written.agent.fields = {{u"uid"_s, u"998"_s, u"0"_s, false},
                                {u"CapEff"_s, u"0000000000002000"_s, u"0000000000002000"_s, true}};
        written.confirmBy = QDateTime(QDate(2026, 12, 5), QTime(14, 30, 0), QTimeZone::UTC);
        const QJsonObject json = written.toJson();
        const auto read = Deroot::Core::ApplyOutcome::fromJson(json);
        QVERIFY2(read.ok(), qPrintable(read.error().message));
        QCOMPARE(read->applyId, written.applyId);
        QCOMPARE(read->ok, written.ok);
        QCOMPARE(read->rolledBack, written.rolledBack);
        QCOMPARE(read->message, written.message);
        QCOMPARE(read->steps.size(), written.steps.size());
        for (qsizetype i = 0; i < written.steps.size(); ++i) {
            Deroot::Core::StepProgress expected = written.steps.at(i);
            expected.applyId.clear(); // the reply's steps are all its own apply's
            QCOMPARE(read->steps.at(i), expected);
        }
        QCOMPARE(read->stepsDone(), 1);
        QCOMPARE(read->agent.checked, true);
        QCOMPARE(read->agent.ok, false);
        QCOMPARE(read->agent.unit, written.agent.unit);
        QCOMPARE(read->agent.pid, written.agent.pid);
        QCOMPARE(read->agent.fields.size(), 2);
        QCOMPARE(read->agent.fields.at(0).name, u"uid"_s);
        QCOMPARE(read->agent.fields.at(0).expected, u"998"_s);
        QCOMPARE(read->agent.fields.at(0).actual, u"0"_s);
        QCOMPARE(read->agent.fields.at(1).ok, true);
        QCOMPARE(read->confirmBy, written.confirmBy);
        QCOMPARE(read->toJson(), json);
        // No confirmation awaited: null, read as an invalid deadline.
        written.confirmBy = QDateTime();
        QVERIFY(!Deroot::Core::ApplyOutcome::fromJson(written.toJson())->confirmBy.isValid());
        // Without an id or a verdict no client can say what happened.
        QVERIFY(!Deroot::Core::ApplyOutcome::fromJson(QJsonObject{{u"ok"_s, true}}).ok());
        QVERIFY(!Deroot::Core::ApplyOutcome::fromJson(QJsonObject{{u"apply_id"_s, u"apply-1"_s}}).ok());
    }

    // One wording for derootctl and the Finish page.
    void outcomeIsDescribedOnce_data()
    {
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("rolledBack");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<bool>("agentOk");
        QTest::addColumn<QString>("summary");
        QTest::addColumn<QStringList>("agent");
        QTest::addColumn<bool>("error");
        QTest::newRow("applied") << true << false << QString() << true << u"Applied: 2 step(s) done."_s << QStringList()
                                 << false;
        QTest::newRow("undone") << false << true << QString() << true
                                << u"The apply failed and everything it had changed was undone: step 2 failed"_s
                                << QStringList() << true;
        QTest::newRow("failed, not undone")
            << false << false << QString() << true << u"The apply failed: step 2 failed"_s << QStringList() << true;
        QTest::newRow("the agent does not match")
            << false << false << u"deroot-fping.service"_s << false
            << u"Applied, but the running agent does not match the plan: uid, CapAmb. Undo it, or look into it "
               u"and undo it later with its apply id."_s
            << QStringList{u"Running agent (deroot-fping.service, pid 4242):"_s, u"uid: 0, but the plan expects 998"_s,
                           u"CapAmb: none, but the plan expects CAP_NET_RAW"_s}
            << true;
        QTest::newRow("a timer, as planned")
            << true << false << u"deroot-fping.timer"_s << true << u"Applied: 2 step(s) done."_s
            << QStringList{u"Timer (deroot-fping.timer), as systemd has it:"_s, u"uid: 998 as planned"_s,
                           u"CapAmb: CAP_NET_RAW as planned"_s}
            << false;
    }

    void outcomeIsDescribedOnce()
    {
        QFETCH(bool, ok);
        QFETCH(bool, rolledBack);
        QFETCH(QString, unit);
        QFETCH(bool, agentOk);
        QFETCH(QString, summary);
        QFETCH(QStringList, agent);
        QFETCH(bool, error);
        Deroot::Core::ApplyOutcome outcome;
        outcome.applyId = u"apply-1"_s;
        outcome.ok = ok;
        outcome.rolledBack = rolledBack;
        outcome.message = ok ? u"applied"_s : u"step 2 failed"_s;
        outcome.steps = {{{}, 0, 2, u"create-user"_s, u"deroot-fping"_s, true, {}},
                         {{}, 1, 2, u"start-unit"_s, u"deroot-fping.service"_s, ok, {}}};
        if (!unit.isEmpty()) {
            outcome.agent.checked = true;
            outcome.agent.ok = agentOk;
            outcome.agent.unit = unit;
            outcome.agent.pid = unit.endsWith(u".timer"_s) ? 0 : 4242;
            outcome.agent.fields = {
                {u"uid"_s, u"998"_s, agentOk ? u"998"_s : u"0"_s, agentOk},
                {u"CapAmb"_s, u"0000000000002000"_s, agentOk ? u"0000000000002000"_s : u"0000000000000000"_s, agentOk}};
        }
        const Deroot::Core::OutcomeText text = Deroot::Core::describeOutcome(outcome);
        QCOMPARE(text.summary, summary);
        QCOMPARE(text.agentLines, agent);
        QCOMPARE(text.error, error);
        QCOMPARE(text.agentMismatch, !unit.isEmpty() && !agentOk);
    }

    void applyWithOnePromptReportsEveryStep()
    {
        auto setup = makeSetup();
        setup->polkit.agent = FakePolkit::Agent::Approves;
        QSignalSpy progress(setup->client.get(), &Deroot::Core::HelperClient::progress);
        const QByteArray plan = "{\"plan\": 1}";
        const auto outcome = apply(*setup, plan);
        QVERIFY2(outcome.ok(), qPrintable(outcome.error().message));
        QVERIFY(outcome->value(u"ok"_s).toBool());
        QCOMPARE(outcome->value(u"steps"_s).toArray().size(), 3);
        QTRY_COMPARE(progress.size(), 3);
        QCOMPARE(setup->polkit.prompts.size(), 1);
        QCOMPARE(setup->polkit.prompts.constFirst().value(u"plan_sha256"_s), sha(plan));
        QCOMPARE(setup->polkit.prompts.constFirst().value(u"areas"_s), u"users, capabilities, units"_s);
        QCOMPARE(setup->engine.applied, QStringList{sha(plan)});
        // The caller's name, as the bus reported it, is the polkit subject of every check.
        for (const FakePolkit::Call &call : std::as_const(setup->polkit.calls)) {
            QCOMPARE(call.busName, setup->clientBus.baseService());
        }
    }

    // The helper gone in the middle of a call (killed by the host tests' crash hook, or crashed):
    // the bus answers NoReply long before the call's timeout, and the client says that the helper
    // stopped and what its next start does, with exit code 1, instead of "not available".
    void helperThatLeavesMidCallIsReportedAsStopped_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("says");
        QTest::newRow("apply") << u"Apply"_s << u"next start restores the previous state"_s;
        QTest::newRow("rollback") << u"Rollback"_s << u"next start finishes it"_s;
    }

    void helperThatLeavesMidCallIsReportedAsStopped()
    {
        QFETCH(QString, method);
        QFETCH(QString, says);
        auto setup = makeSetup();
        setup->polkit.agent = FakePolkit::Agent::Hangs;
        std::optional<Deroot::Core::Result<bool>> answer;
        if (method == u"Apply") {
            setup->client->apply(
                request("{\"plan\": 1}"), 0, [&](const Deroot::Core::Result<Deroot::Core::ApplyOutcome> &result) {
                    answer = result ? Deroot::Core::Result<bool>(true) : Deroot::Core::Result<bool>(result.error());
                });
        } else {
            setup->client->rollback(u"apply-1"_s, [&](const Deroot::Core::Result<QJsonObject> &result) {
                answer = result ? Deroot::Core::Result<bool>(true) : Deroot::Core::Result<bool>(result.error());
            });
        }
        // The call waits in the prompt; then the helper's connection goes, as a killed process's does.
        QTRY_COMPARE(setup->polkit.prompts.size(), 1);
        QVERIFY(!answer.has_value());
        // Every reference to the service's connection goes (the held prompt holds one), so that it closes.
        const QString serviceConnection = setup->serviceBus.name();
        setup->polkit.held.clear();
        setup->serviceBus = QDBusConnection(QString());
        QDBusConnection::disconnectFromBus(serviceConnection);
        QTRY_VERIFY(answer.has_value());
        QVERIFY(!answer->ok());
        QCOMPARE(answer->error().code, ExitCode::Failure);
        QVERIFY2(answer->error().message.contains(u"the helper stopped before it answered"_s) &&
                     answer->error().message.contains(says),
                 qPrintable(answer->error().message));
    }

    // A prompt left open (the caller's own agent, kept waiting) must not hold the helper Busy: past
    // the time limit the call is refused, an answer that comes later changes nothing, and the next
    // call is taken.
    void authorizationLeftOpenIsRefusedAtItsLimit_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("apply") << u"Apply"_s;
        QTest::newRow("rollback") << u"Rollback"_s;
    }

    void authorizationLeftOpenIsRefusedAtItsLimit()
    {
        QFETCH(QString, method);
        auto setup = makeSetup();
        setup->service->setAuthorizationTimeout(300);
        setup->polkit.agent = FakePolkit::Agent::Hangs;
        QSignalSpy abandoned(setup->service.get(), &HelperService::authorizationAbandoned);
        const auto call = [&](const QByteArray &plan) {
            if (method == u"Apply") {
                return apply(*setup, plan);
            }
            return await<QJsonObject>([&](auto done) { setup->client->rollback(u"apply-1"_s, std::move(done)); });
        };
        const auto refused = call("{\"plan\": 1}");
        QVERIFY2(!refused.ok(), "a call waited on an open prompt without a limit");
        QCOMPARE(refused.error().code, ExitCode::NotAuthorized);
        QVERIFY2(refused.error().message.contains(u"no answer within 0.3 seconds"_s),
                 qPrintable(refused.error().message));
        QCOMPARE(abandoned.size(), 1);
        QCOMPARE(setup->polkit.prompts.size(), 1);
        const auto status = await<QJsonObject>([&](auto done) { setup->client->status(std::move(done)); });
        QVERIFY(status.ok());
        QCOMPARE(status->value(u"busy"_s).toBool(), false);
        // The admin approves the old prompt after all: too late, nothing happens.
        QCOMPARE(setup->polkit.held.size(), 1);
        setup->polkit.held.takeFirst()(AuthAnswer::Yes);
        QCOMPARE(setup->engine.validated, 0);
        QVERIFY(setup->engine.applied.isEmpty());
        QVERIFY(setup->engine.rolledBack.isEmpty());
        // The next call is taken, not answered Busy.
        setup->polkit.agent = FakePolkit::Agent::Approves;
        const auto next = call("{\"plan\": 2}");
        QVERIFY2(next.ok(), qPrintable(next.error().message));
        QCOMPARE(abandoned.size(), 1);
    }

    void refusalsChangeNothing_data()
    {
        QTest::addColumn<QString>("deniedAction");
        QTest::addColumn<int>("agent");
        QTest::addColumn<QByteArray>("plan");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("rules.d denies capabilities") << Actions::kCapabilities << int(FakePolkit::Agent::Approves)
                                                     << QByteArray("{}") << int(ExitCode::NotAuthorized);
        QTest::newRow("no agent") << QString() << int(FakePolkit::Agent::None) << QByteArray("{}")
                                  << int(ExitCode::NotAuthorized);
        QTest::newRow("prompt dismissed")
            << QString() << int(FakePolkit::Agent::Dismissed) << QByteArray("{}") << int(ExitCode::NotAuthorized);
        QTest::newRow("invalid plan, refused before polkit")
            << QString() << int(FakePolkit::Agent::Approves) << QByteArray("bad plan") << int(ExitCode::Refused);
    }

    void refusalsChangeNothing()
    {
        QFETCH(QString, deniedAction);
        QFETCH(int, agent);
        QFETCH(QByteArray, plan);
        QFETCH(int, exitCode);
        auto setup = makeSetup();
        setup->polkit.agent = static_cast<FakePolkit::Agent>(agent);
        if (!deniedAction.isEmpty()) {
            setup->polkit.rules[deniedAction] = FakePolkit::Rule::No;
        }
        const auto outcome = apply(*setup, plan);
        QVERIFY(!outcome.ok());
        QCOMPARE(int(outcome.error().code), exitCode);
        QVERIFY(!outcome.error().message.isEmpty());
        if (!deniedAction.isEmpty()) {
            QVERIFY2(outcome.error().message.contains(deniedAction), qPrintable(outcome.error().message));
        }
        if (exitCode == int(ExitCode::Refused)) {
            QVERIFY(setup->polkit.calls.isEmpty());
        }
        // Nothing past the pure parse ran: no system check, no change.
        QCOMPARE(setup->engine.validated, 0);
        QVERIFY(setup->engine.applied.isEmpty());
    }

    // A caller that asks for a confirmation window the desktop and derootctl never offer (longer
    // than a day keeps a change pending past the helper's own limit; the largest uint wraps in any
    // milliseconds arithmetic): refused before the parse and before polkit, nothing changed.
    void confirmationWindowOutOfRangeIsRefused_data()
    {
        QTest::addColumn<uint>("seconds");
        QTest::newRow("a day and a second") << uint(Deroot::Core::HelperProtocol::kMaxConfirmSeconds + 1);
        QTest::newRow("the largest uint") << std::numeric_limits<uint>::max();
    }

    void confirmationWindowOutOfRangeIsRefused()
    {
        QFETCH(uint, seconds);
        auto setup = makeSetup();
        setup->polkit.agent = FakePolkit::Agent::Approves;
        const auto outcome = apply(*setup, "{\"plan\": 1}", seconds);
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().code, ExitCode::Usage);
        QVERIFY2(outcome.error().message.contains(u"not %1"_s.arg(seconds)), qPrintable(outcome.error().message));
        QVERIFY(setup->polkit.calls.isEmpty());
        QCOMPARE(setup->engine.validated, 0);
        QVERIFY(setup->engine.applied.isEmpty());
    }

    // A plan with root-equivalent grants: the one prompt is io.github.deroot.privileged.grant's and
    // names them; the approval action is asked without interaction only.
    void privilegedPlanIsApprovedByItsOwnPrompt()
    {
        auto setup = makeSetup();
        setup->polkit.agent = FakePolkit::Agent::Approves;
        setup->engine.privilegedGrants = {u"CAP_SYS_ADMIN (root-equivalent capability)"_s};
        const QByteArray plan = "{\"plan\": \"privileged\"}";
        const auto outcome = apply(*setup, plan);
        QVERIFY2(outcome.ok(), qPrintable(outcome.error().message));
        QCOMPARE(setup->engine.applied, QStringList{sha(plan)});
        QCOMPARE(setup->polkit.prompts.size(), 1);
        QCOMPARE(setup->polkit.prompts.constFirst().value(u"privileged_grants"_s), u"CAP_SYS_ADMIN"_s);
        QCOMPARE(setup->polkit.prompts.constFirst().value(u"plan_sha256"_s), sha(plan));
        for (const FakePolkit::Call &call : std::as_const(setup->polkit.calls)) {
            QVERIFY2(!call.interactive || call.action == Actions::kPrivileged, qPrintable(call.action));
        }
    }

    // A rules.d rule that says YES to everything: the helper takes that for root only (polkit
    // says YES to root anyway), from the uid the bus daemon reports for the caller. This test's
    // client is this process: the answer follows its uid.
    void privilegedPlanAndARuleForEverything()
    {
        auto setup = makeSetup();
        setup->polkit.agent = FakePolkit::Agent::Approves;
        for (const QString &action :
             {Actions::kUsers, Actions::kCapabilities, Actions::kUnits, Actions::kApply, Actions::kPrivileged}) {
            setup->polkit.rules[action] = FakePolkit::Rule::Yes;
        }
        setup->engine.privilegedGrants = {u"group disk (root-equivalent group)"_s};
        const auto outcome = apply(*setup, "{\"plan\": \"privileged\"}");
        QVERIFY(setup->polkit.prompts.isEmpty());
        if (geteuid() == 0) {
            QVERIFY2(outcome.ok(), qPrintable(outcome.error().message));
            QCOMPARE(setup->engine.applied.size(), 1);
            return;
        }
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().code, ExitCode::NotAuthorized);
        QVERIFY2(outcome.error().message.contains(Actions::kPrivileged), qPrintable(outcome.error().message));
        QCOMPARE(setup->engine.validated, 0);
    }

    // The grants the engine validated after authorization must be those that were approved.
    void privilegedGrantsChangedAfterApprovalAreRefused()
    {
        auto setup = makeSetup();
        setup->polkit.agent = FakePolkit::Agent::Approves;
        // Approved without grants; as the engine validates it, the plan has one.
        setup->engine.tamper = [](CheckedRequest &plan) {
            plan.privilegedGrants = {u"CAP_SYS_MODULE (root-equivalent capability)"_s};
        };
        const auto outcome = apply(*setup, "{}");
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error().message.contains(u"differs from the approved one"_s),
                 qPrintable(outcome.error().message));
        QVERIFY(setup->engine.applied.isEmpty());
    }

    void keptApprovalRefusesAChangedPlan()
    {
        auto setup = makeSetup();
        setup->polkit.agent = FakePolkit::Agent::Approves;
        setup->polkit.rules[Actions::kApply] = FakePolkit::Rule::AuthAdminKeep;
        QVERIFY(apply(*setup, "{\"plan\": 1}").ok());
        const auto second = apply(*setup, "{\"plan\": 2}");
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, ExitCode::NotAuthorized);
        QCOMPARE(setup->engine.applied.size(), 1);
        QCOMPARE(setup->polkit.prompts.size(), 1);
    }

    void agentFieldText_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("one capability") << u"CapEff"_s << u"0000000000002000"_s << u"CAP_NET_RAW"_s;
        QTest::newRow("two, in the kernel's order")
            << u"CapPrm"_s << u"0000000002003000"_s << u"CAP_NET_ADMIN, CAP_NET_RAW, CAP_SYS_TIME"_s;
        QTest::newRow("none") << u"CapAmb"_s << u"0000000000000000"_s << u"none"_s;
        QTest::newRow("all") << u"CapBnd"_s << u"000001ffffffffff"_s << u"all"_s;
        QTest::newRow("all and an unknown bit") << u"CapBnd"_s << u"000021ffffffffff"_s << u"all, and cap_45"_s;
        QTest::newRow("not hex: as it is") << u"CapEff"_s << u"zz"_s << u"zz"_s;
        QTest::newRow("short: as it is") << u"CapEff"_s << u"2000"_s << u"2000"_s;
        QTest::newRow("uid: as it is") << u"uid"_s << u"998 998 998 998"_s << u"998 998 998 998"_s;
        QTest::newRow("NoNewPrivs: as it is") << u"NoNewPrivs"_s << u"1"_s << u"1"_s;
    }

    // How derootctl and the Finish page show the helper's agent check.
    void agentFieldText()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, text);
        QCOMPARE(Deroot::Core::agentFieldText(field, value), text);
    }

    // The desktop's "is the helper installed" before any call: on a bus where nothing owns the
    // name it is true only when the bus can activate it (the system bus's case, on demand).
    void installedMeansOwnedOrActivatable_data()
    {
        QTest::addColumn<bool>("activatable");
        QTest::newRow("neither owned nor activatable") << false;
        QTest::newRow("activatable, not running") << true;
    }

    void installedMeansOwnedOrActivatable()
    {
        QFETCH(bool, activatable);
        QTemporaryDir services;
        QVERIFY(services.isValid());
        if (activatable) {
            QFile file(services.filePath(u"io.github.deroot.Helper1.service"_s));
            QVERIFY(file.open(QIODevice::WriteOnly));
            // Never started: installed() asks the bus daemon only.
            file.write("[D-BUS Service]\nName=io.github.deroot.Helper1\nExec=/bin/false\n");
        }
        Test::PrivateBus bus;
        QVERIFY2(bus.start(services.path()), "the private dbus-daemon did not start");
        QDBusConnection connection = QDBusConnection::connectToBus(bus.address(), u"installed-probe"_s);
        const auto close = qScopeGuard([] { QDBusConnection::disconnectFromBus(u"installed-probe"_s); });
        QVERIFY(connection.isConnected());
        Deroot::Core::HelperClient client(connection);
        std::optional<bool> installed;
        client.installed([&](bool answer) { installed = answer; });
        QTRY_VERIFY(installed.has_value());
        QCOMPARE(*installed, activatable);
        // Asking did not start it.
        QVERIFY(!connection.interface()->isServiceRegistered(Deroot::Core::HelperProtocol::kServiceName).value());
    }

    void readOnlyCallsNeedNoAuthorization()
    {
        auto setup = makeSetup();
        const auto history = await<QJsonArray>([&](auto done) { setup->client->history(std::move(done)); });
        QVERIFY(history.ok());
        const auto status = await<QJsonObject>([&](auto done) { setup->client->status(std::move(done)); });
        QVERIFY(status.ok());
        QCOMPARE(status->value(u"busy"_s).toBool(), false);
        QVERIFY(setup->polkit.calls.isEmpty());
    }

    void unconfirmedApplyIsRolledBackAtItsDeadline()
    {
        auto setup = makeSetup(200);
        setup->polkit.agent = FakePolkit::Agent::Approves;
        QSignalSpy rolledBack(setup->client.get(), &Deroot::Core::HelperClient::rolledBack);
        QSignalSpy idle(setup->service.get(), &HelperService::idleExpired);
        const auto outcome = apply(*setup, "{}", 1);
        QVERIFY(outcome.ok());
        QVERIFY(!outcome->value(u"confirm_by"_s).isNull());
        // Idle, but a confirmation is awaited: the helper must stay.
        QTest::qWait(600);
        QCOMPARE(idle.size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(rolledBack.size(), 1, 5000);
        QCOMPARE(rolledBack.constFirst().constFirst().toString(), outcome->value(u"apply_id"_s).toString());
        QCOMPARE(setup->engine.expired, QStringList{outcome->value(u"apply_id"_s).toString()});
        QTRY_VERIFY_WITH_TIMEOUT(idle.size() >= 1, 5000);
    }

    // The service sets and judges the deadline by the engine's clock (System::now), never the wall
    // clock of its own: a fake clock in an engine test reaches the deadline too.
    void deadlineFollowsTheEnginesClock()
    {
        auto setup = makeSetup(200);
        setup->polkit.agent = FakePolkit::Agent::Approves;
        QElapsedTimer elapsed;
        elapsed.start();
        const QDateTime shifted = QDateTime::currentDateTimeUtc().addYears(3);
        setup->engine.clock = [elapsed, shifted] { return shifted.addMSecs(elapsed.elapsed()); };
        QSignalSpy rolledBack(setup->client.get(), &Deroot::Core::HelperClient::rolledBack);
        const auto outcome = apply(*setup, "{}", 2);
        QVERIFY(outcome.ok());
        QVERIFY(setup->engine.pendingConfirmation.has_value());
        const qint64 offset = setup->engine.pendingConfirmation->deadline.msecsTo(shifted.addSecs(2));
        QVERIFY2(qAbs(offset) < 1500, qPrintable(QString::number(offset)));
        QTRY_COMPARE_WITH_TIMEOUT(rolledBack.size(), 1, 6000);
        QCOMPARE(setup->engine.expired, QStringList{outcome->value(u"apply_id"_s).toString()});
    }

    void confirmedApplyStays()
    {
        auto setup = makeSetup();
        setup->polkit.agent = FakePolkit::Agent::Approves;
        const auto outcome = apply(*setup, "{}", 60);
        QVERIFY(outcome.ok());
        const QString id = outcome->value(u"apply_id"_s).toString();
        const auto wrong =
            await<QJsonObject>([&](auto done) { setup->client->confirm(u"apply-999"_s, std::move(done)); });
        QCOMPARE(wrong.error().code, ExitCode::NotFound);
        const auto confirmed = await<QJsonObject>([&](auto done) { setup->client->confirm(id, std::move(done)); });
        QVERIFY2(confirmed.ok(), qPrintable(confirmed.error().message));
        QVERIFY(!setup->engine.pendingConfirmation);
        QVERIFY(setup->engine.expired.isEmpty());
    }

    void rollbackIsAuthorizedByItsOwnAction()
    {
        auto setup = makeSetup();
        setup->polkit.agent = FakePolkit::Agent::Approves;
        setup->polkit.rules[Actions::kRollback] = FakePolkit::Rule::No;
        const auto denied =
            await<QJsonObject>([&](auto done) { setup->client->rollback(u"apply-1"_s, std::move(done)); });
        QCOMPARE(denied.error().code, ExitCode::NotAuthorized);
        QVERIFY(setup->engine.rolledBack.isEmpty());
        setup->polkit.rules.remove(Actions::kRollback);
        const auto done =
            await<QJsonObject>([&](auto callback) { setup->client->rollback(u"apply-1"_s, std::move(callback)); });
        QVERIFY2(done.ok(), qPrintable(done.error().message));
        QCOMPARE(setup->engine.rolledBack, QStringList{u"apply-1"_s});
        QCOMPARE(setup->polkit.prompts.constLast().value(u"apply_id"_s), u"apply-1"_s);
        const auto unknown =
            await<QJsonObject>([&](auto callback) { setup->client->rollback(u"nope"_s, std::move(callback)); });
        QCOMPARE(unknown.error().code, ExitCode::NotFound);
    }

    // Reconcile takes an apply id and a scope from the caller, nothing else. A scope that is not
    // exactly "capabilities" or "all" is refused before polkit is asked; each scope asks its own
    // action, with details from the journal's summary alone; a no changes nothing.
    void reconcileScopeIsCheckedAndEachScopeHasItsAction()
    {
        auto setup = makeSetup();
        setup->engine.historyEntries = appliedHistory(u"fping"_s, u"/usr/bin/fping"_s, {u"CAP_NET_RAW"_s});
        const auto call = [&](const QString &id, const QString &scope) {
            return callReconcile(setup->clientBus, id, scope);
        };
        for (const QString &scope :
             {u""_s, u"ALL"_s, u"all "_s, u"all\n"_s, u"capabilities;all"_s, QString(300, u'a')}) {
            const QDBusMessage reply = call(u"apply-1"_s, scope);
            QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
            QCOMPARE(reply.errorName(), Deroot::Core::HelperProtocol::Errors::kInvalidArgs);
        }
        QVERIFY(setup->polkit.calls.isEmpty());
        QVERIFY(setup->engine.reconciled.isEmpty());

        // A no: nothing reconciled.
        setup->polkit.rules[Actions::kRestore] = FakePolkit::Rule::No;
        QCOMPARE(call(u"apply-1"_s, u"all"_s).errorName(), Deroot::Core::HelperProtocol::Errors::kNotAuthorized);
        QVERIFY(setup->engine.reconciled.isEmpty());
        setup->polkit.rules.remove(Actions::kRestore);

        setup->polkit.agent = FakePolkit::Agent::Approves;
        setup->polkit.calls.clear();
        const QDBusMessage capabilities = call(u"apply-1"_s, u"capabilities"_s);
        QVERIFY2(capabilities.type() == QDBusMessage::ReplyMessage, qPrintable(capabilities.errorMessage()));
        QCOMPARE(setup->polkit.calls.constFirst().action, Actions::kReconcile);
        QVERIFY(!setup->polkit.calls.constFirst().details.contains(u"files"_s));
        setup->polkit.calls.clear();
        QCOMPARE(call(u""_s, u"all"_s).type(), QDBusMessage::ReplyMessage);
        QCOMPARE(setup->polkit.calls.constFirst().action, Actions::kRestore);
        const AuthDetails details = setup->polkit.calls.constFirst().details;
        QCOMPARE(details.value(u"files"_s), u"/etc/systemd/system/deroot-fping.service"_s);
        QCOMPARE(details.value(u"service_user"_s), u"deroot-fping"_s);
        QCOMPARE(details.value(u"unit"_s), u"deroot-fping.service"_s);
        QCOMPARE(details.value(u"capabilities"_s), u"CAP_NET_RAW"_s);
        QCOMPARE(setup->engine.reconciled, (QStringList{u"capabilities apply-1"_s, u"all "_s}));
        // An id the journal does not have: said, and nothing asked.
        setup->polkit.calls.clear();
        QCOMPARE(call(u"../../etc/shadow"_s, u"all"_s).errorName(), Deroot::Core::HelperProtocol::Errors::kNotFound);
        QVERIFY(setup->polkit.calls.isEmpty());
    }

    // A reconcile that would give again a root-equivalent grant is approved as giving it was: a
    // rule's or a kept YES for reconciles approves nothing, only a password for the privileged
    // action does, and its prompt names the grants.
    void reconcileOfARootEquivalentGrantAsksThePrivilegedAction()
    {
        auto setup = makeSetup();
        setup->engine.historyEntries =
            appliedHistory(u"capsagent"_s, u"/usr/bin/agent"_s, {u"CAP_NET_RAW"_s, u"CAP_SYS_ADMIN"_s});
        setup->engine.capabilityGrants = QStringList{u"CAP_SYS_ADMIN (root-equivalent capability)"_s};
        setup->engine.planGrants = QStringList{u"group disk (root-equivalent group)"_s};
        const auto call = [&](const QString &scope) { return callReconcile(setup->clientBus, u"apply-1"_s, scope); };
        // A site rule that says yes to reconciles approves nothing here: the privileged action is
        // asked, and without a password typed for it (no agent answers) nothing is re-granted.
        setup->polkit.rules[Actions::kRestore] = FakePolkit::Rule::Yes;
        setup->polkit.rules[Actions::kReconcile] = FakePolkit::Rule::Yes;
        for (const QString &scope : {u"all"_s, u"capabilities"_s}) {
            const QDBusMessage refused = call(scope);
            QCOMPARE(refused.errorName(), Deroot::Core::HelperProtocol::Errors::kNotAuthorized);
            QVERIFY2(refused.errorMessage().contains(Actions::kPrivilegedRestore), qPrintable(refused.errorMessage()));
        }
        QVERIFY(setup->engine.reconciled.isEmpty());
        // A rule's YES on the privileged action itself is taken from root alone (polkit says YES to
        // root anyway), as for an apply; this test's client is this process.
        setup->polkit.rules[Actions::kPrivilegedRestore] = FakePolkit::Rule::Yes;
        const QDBusMessage ruled = call(u"all"_s);
        if (geteuid() == 0) {
            QVERIFY2(ruled.type() == QDBusMessage::ReplyMessage, qPrintable(ruled.errorMessage()));
            setup->engine.reconciled.clear();
        } else {
            QCOMPARE(ruled.errorName(), Deroot::Core::HelperProtocol::Errors::kNotAuthorized);
            QVERIFY(setup->engine.reconciled.isEmpty());
        }

        // A password typed for it: allowed, and the prompt named the grants of its scope.
        setup->polkit.rules.remove(Actions::kPrivilegedRestore);
        setup->polkit.agent = FakePolkit::Agent::Approves;
        setup->polkit.calls.clear();
        const QDBusMessage all = call(u"all"_s);
        QVERIFY2(all.type() == QDBusMessage::ReplyMessage, qPrintable(all.errorMessage()));
        QCOMPARE(setup->polkit.calls.constLast().action, Actions::kPrivilegedRestore);
        QVERIFY(setup->polkit.calls.constLast().interactive);
        AuthDetails details = setup->polkit.calls.constLast().details;
        QCOMPARE(details.value(u"privileged_grants"_s), u"CAP_SYS_ADMIN, group disk"_s);
        QCOMPARE(details.value(u"files"_s), u"/etc/systemd/system/deroot-capsagent.service"_s);
        setup->polkit.calls.clear();
        QCOMPARE(call(u"capabilities"_s).type(), QDBusMessage::ReplyMessage);
        QCOMPARE(setup->polkit.calls.constLast().action, Actions::kPrivilegedRestore);
        details = setup->polkit.calls.constLast().details;
        QCOMPARE(details.value(u"privileged_grants"_s), u"CAP_SYS_ADMIN"_s);
        // What a capabilities reconcile leaves alone is said to be none.
        QCOMPARE(details.value(u"files"_s), u"none"_s);
        QCOMPARE(details.value(u"unit"_s), u"none"_s);
        QCOMPARE(setup->engine.reconciled, (QStringList{u"all apply-1"_s, u"capabilities apply-1"_s}));
    }

    void idleHelperExits()
    {
        auto setup = makeSetup(100);
        QSignalSpy idle(setup->service.get(), &HelperService::idleExpired);
        QTRY_VERIFY_WITH_TIMEOUT(idle.size() >= 1, 3000);
    }
};

QTEST_GUILESS_MAIN(ServiceTest)
#include "service_test.moc"
