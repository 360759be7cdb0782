// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The Finish page's Apply logic without a widget: ApplyController against the real HelperService
// (app/helper/service.*) on a private dbus-daemon, through a real HelperClient; the engine and
// polkitd are played by tests/helper/service/fakes.h, polkit's answer before the click by a fake
// ApplyAuthority. tests/ui/finishapply_test.cpp shows the same through the whole wizard.
#include "fakes.h"
#include "planfixture.h"
#include "privatebus.h"

#include "core/base/text.h"
#include "core/client/helperclient.h"
#include "core/client/outcometext.h"
#include "core/plan/helperprotocol.h"
#include "ui/wizard/applyauthority.h"
#include "ui/wizard/applycontroller.h"

#include <QDBusConnection>
#include <QDBusMetaType>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deroot;
using Core::PolkitAnswer;
using Helper::Test::FakeEngine;
using Helper::Test::FakePolkit;
using Phase = Ui::ApplyController::Phase;
using HelperState = Ui::ApplyController::HelperState;

namespace {

/// polkit's answer before the click, per action; unlisted actions need a password.
class FakeAuthority final : public Ui::ApplyAuthority
{
public:
    QMap<QString, PolkitAnswer> answers;
    QStringList asked;

    void check(const QString &actionId, Callback done) override
    {
        asked.append(actionId);
        done(answers.value(actionId, PolkitAnswer::Challenge));
    }
    bool callerIsRoot() const override { return false; }
};

} // namespace

class ApplyControllerTest : public QObject
{
    Q_OBJECT

private:
    Helper::Test::PrivateBus m_bus;
    QString m_address;
    int m_serial = 0;
    QTemporaryDir m_exportDir;
    Core::ApplyRequest m_request; ///< a real export of a capabilities plan: the helper's parse accepts it

    // One test's helper, client and controller; the request source answers what the test sets.
    struct Setup
    {
        FakeEngine engine;
        FakePolkit polkit;
        std::unique_ptr<Helper::HelperService> service;
        QDBusConnection serviceBus{QString()};
        QDBusConnection clientBus{QString()};
        std::unique_ptr<Core::HelperClient> client;
        FakeAuthority authority;
        std::optional<Core::Result<Core::ApplyRequest>> source;
        std::unique_ptr<Ui::ApplyController> controller;

        ~Setup()
        {
            controller.reset();
            client.reset();
            serviceBus.unregisterService(Core::HelperProtocol::kServiceName);
            serviceBus.unregisterObject(Core::HelperProtocol::kObjectPath);
            service.reset();
            for (QDBusConnection *bus : {&serviceBus, &clientBus}) {
                const QString name = bus->name();
                *bus = QDBusConnection(QString());
                QDBusConnection::disconnectFromBus(name);
            }
        }
    };

    std::unique_ptr<Setup> makeSetup(bool installed = true)
    {
        auto setup = std::make_unique<Setup>();
        setup->polkit.agent = FakePolkit::Agent::Approves;
        setup->serviceBus = QDBusConnection::connectToBus(m_address, u"service%1"_s.arg(++m_serial));
        setup->service = std::make_unique<Helper::HelperService>(setup->engine, setup->polkit, 60000);
        if (installed && (!setup->serviceBus.registerObject(Core::HelperProtocol::kObjectPath, setup->service.get(),
                                                            QDBusConnection::ExportScriptableSlots |
                                                                QDBusConnection::ExportScriptableSignals) ||
                          !setup->serviceBus.registerService(Core::HelperProtocol::kServiceName))) {
            qFatal("cannot register the service: %s", qPrintable(setup->serviceBus.lastError().message()));
        }
        setup->clientBus = QDBusConnection::connectToBus(m_address, u"client%1"_s.arg(++m_serial));
        setup->client = std::make_unique<Core::HelperClient>(setup->clientBus);
        setup->source = Core::Result<Core::ApplyRequest>(m_request);
        Setup *raw = setup.get();
        setup->controller = std::make_unique<Ui::ApplyController>(setup->client.get(), &setup->authority,
                                                                  [raw] { return raw->source; });
        return setup;
    }

    // checkHelper(), until the helper was looked up and polkit asked (or not, for a refused plan).
    static bool checked(Setup &setup)
    {
        setup.controller->checkHelper();
        return QTest::qWaitFor([&] { return setup.controller->helper() != HelperState::Checking; }, 10000);
    }

    static bool waitForPhase(Setup &setup, Phase phase)
    {
        return QTest::qWaitFor([&] { return setup.controller->phase() == phase; }, 10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qDBusRegisterMetaType<QMap<QString, QByteArray>>();
        QVERIFY2(m_bus.start(), "the private dbus-daemon did not start");
        m_address = m_bus.address();
        QVERIFY(m_exportDir.isValid());
        QFile program(u"/usr/bin/true"_s);
        QVERIFY(program.open(QIODevice::ReadOnly));
        const auto written = TestSupport::writePlanExport(u"caps"_s, m_exportDir.filePath(u"caps"_s),
                                                          program.fileName(), program.readAll());
        QVERIFY2(written.ok(), qPrintable(written.error().message));
        const auto request = Core::readApplyRequest(m_exportDir.filePath(u"caps"_s));
        QVERIFY2(request.ok(), qPrintable(request.error().message));
        m_request = *request;
        const auto parsed = Core::parseApplyRequest(m_request);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    }

    void cleanupTestCase() { m_bus.stop(); }

    void permissionFollowsPolkit_data()
    {
        QTest::addColumn<bool>("installed");
        QTest::addColumn<QStringList>("no");
        QTest::addColumn<int>("state"); ///< -1: no permission (no helper)
        QTest::newRow("default: one password")
            << true << QStringList() << int(Core::ApplyPermission::State::NeedsAuthentication);
        QTest::newRow("a rule forbids the approval")
            << true << QStringList{Core::PolkitActions::kApply} << int(Core::ApplyPermission::State::Forbidden);
        QTest::newRow("no helper: polkit is not asked") << false << QStringList() << -1;
    }

    void permissionFollowsPolkit()
    {
        QFETCH(bool, installed);
        QFETCH(QStringList, no);
        QFETCH(int, state);
        auto setup = makeSetup(installed);
        for (const QString &action : std::as_const(no)) {
            setup->authority.answers[action] = PolkitAnswer::No;
        }
        QVERIFY(checked(*setup));
        QCOMPARE(setup->controller->helper(), installed ? HelperState::Installed : HelperState::Missing);
        QVERIFY(setup->controller->refusal().isEmpty());
        if (state < 0) {
            QVERIFY(!setup->controller->permission().has_value());
            QVERIFY(setup->authority.asked.isEmpty());
            return;
        }
        QTRY_VERIFY(setup->controller->permission().has_value());
        QCOMPARE(int(setup->controller->permission()->state), state);
        QVERIFY(setup->authority.asked.contains(Core::PolkitActions::kApply));
    }

    // A request the helper's first parse refuses: the reason, at once, not "asking polkit" forever.
    void unparsableRequestSaysWhyInsteadOfAsking_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("says");
        QTest::newRow("the helper would refuse it") << u"parse"_s << u"would refuse this plan"_s;
        QTest::newRow("no request can be made") << u"request"_s << u"cannot be sent to the helper: no plan.json"_s;
    }

    void unparsableRequestSaysWhyInsteadOfAsking()
    {
        QFETCH(QString, fault);
        QFETCH(QString, says);
        auto setup = makeSetup();
        Core::ApplyRequest broken = m_request;
        broken.planJson = "{\"schema\": \"deroot.plan/0\"}";
        const auto refusal = Core::parseApplyRequest(broken);
        QVERIFY(!refusal.ok());
        setup->source = fault == u"parse"
                            ? Core::Result<Core::ApplyRequest>(broken)
                            : Core::Result<Core::ApplyRequest>(Core::Error{Core::ExitCode::Failure, u"no plan.json"_s});
        QSignalSpy changed(setup->controller.get(), &Ui::ApplyController::stateChanged);
        QVERIFY(checked(*setup));
        QVERIFY(!changed.isEmpty());
        const QString text = setup->controller->refusal();
        QVERIFY2(text.contains(says), qPrintable(text));
        if (fault == u"parse") {
            QVERIFY2(text.contains(Core::oneLine(refusal.error().message)), qPrintable(text));
        }
        QVERIFY(!setup->controller->permission().has_value());
        QVERIFY(setup->authority.asked.isEmpty());
        // A plan that parses again clears the reason and asks polkit.
        setup->source = Core::Result<Core::ApplyRequest>(m_request);
        setup->controller->refreshPermission();
        QVERIFY(setup->controller->refusal().isEmpty());
        QTRY_VERIFY(setup->controller->permission().has_value());
    }

    // No current plan (still validating): neither a refusal nor a question to polkit.
    void noRequestYetAsksNothing()
    {
        auto setup = makeSetup();
        setup->source.reset();
        QVERIFY(checked(*setup));
        QVERIFY(setup->controller->refusal().isEmpty());
        QVERIFY(!setup->controller->permission().has_value());
        QVERIFY(setup->authority.asked.isEmpty());
    }

    void applyThenUndo()
    {
        auto setup = makeSetup();
        QVERIFY(checked(*setup));
        Ui::ApplyController &controller = *setup->controller;
        QSignalSpy phases(&controller, &Ui::ApplyController::phaseChanged);
        QSignalSpy steps(&controller, &Ui::ApplyController::stepReported);
        QSignalSpy finished(&controller, &Ui::ApplyController::applyFinished);
        QVERIFY(controller.apply(m_request, 0));
        QCOMPARE(controller.phase(), Phase::Applying);
        QVERIFY(controller.holdsNavigation());
        // One call at a time.
        QVERIFY(!controller.apply(m_request, 0));
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(waitForPhase(*setup, Phase::Idle));
        const auto outcome = finished.constFirst().constFirst().value<Core::ApplyOutcome>();
        QCOMPARE(outcome.applyId, u"apply-1"_s);
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.stepsDone(), 3);
        QCOMPARE(Core::describeOutcome(outcome).summary, u"Applied: 3 step(s) done."_s);
        QCOMPARE(steps.size(), 3);
        QCOMPARE(controller.applyId(), u"apply-1"_s);
        QVERIFY(controller.applied());
        QVERIFY(controller.inPlace(m_request.planJson));
        QVERIFY(!controller.inPlace("{}"));
        QVERIFY(!controller.deadline().isValid());
        QCOMPARE(phases.size(), 2); // Idle -> Applying -> Idle

        QSignalSpy rolledBack(&controller, &Ui::ApplyController::rollbackFinished);
        QVERIFY(controller.rollback());
        QCOMPARE(controller.phase(), Phase::RollingBack);
        QTRY_COMPARE(rolledBack.size(), 1);
        QVERIFY(waitForPhase(*setup, Phase::Idle));
        QCOMPARE(setup->engine.rolledBack, QStringList{u"apply-1"_s});
        QVERIFY(!controller.applied());
        QVERIFY(!controller.inPlace(m_request.planJson));
    }

    void failedApplyChangesNothing()
    {
        auto setup = makeSetup();
        setup->polkit.agent = FakePolkit::Agent::Dismissed;
        QVERIFY(checked(*setup));
        QSignalSpy failed(setup->controller.get(), &Ui::ApplyController::applyFailed);
        QVERIFY(setup->controller->apply(m_request, 0));
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.constFirst().constFirst().value<Core::Error>().code, Core::ExitCode::NotAuthorized);
        QCOMPARE(setup->controller->phase(), Phase::Idle);
        QVERIFY(setup->controller->applyId().isEmpty());
        QVERIFY(!setup->controller->applied());
        QVERIFY(!setup->controller->rollback());
    }

    void pendingUntilKept()
    {
        auto setup = makeSetup();
        QVERIFY(checked(*setup));
        Ui::ApplyController &controller = *setup->controller;
        QVERIFY(controller.apply(m_request, 60));
        QVERIFY(waitForPhase(*setup, Phase::Pending));
        QVERIFY(controller.deadline().isValid());
        QVERIFY(controller.deadline() > QDateTime::currentDateTimeUtc());
        QSignalSpy kept(&controller, &Ui::ApplyController::kept);
        controller.keep();
        QTRY_COMPARE(kept.size(), 1);
        QCOMPARE(controller.phase(), Phase::Idle);
        QVERIFY(!setup->engine.pendingConfirmation.has_value());
        QVERIFY(controller.applied());
    }

    void pendingExpiresAtTheDeadline()
    {
        auto setup = makeSetup();
        QVERIFY(checked(*setup));
        Ui::ApplyController &controller = *setup->controller;
        QSignalSpy expired(&controller, &Ui::ApplyController::expired);
        QVERIFY(controller.apply(m_request, Core::HelperProtocol::kMinConfirmSeconds));
        QTRY_COMPARE_WITH_TIMEOUT(expired.size(), 1, 10000);
        QCOMPARE(expired.constFirst().constFirst().toString(), u"apply-1"_s);
        QCOMPARE(controller.phase(), Phase::Idle);
        QVERIFY(!controller.applied());
    }
};

QTEST_GUILESS_MAIN(ApplyControllerTest)
#include "applycontroller_test.moc"
