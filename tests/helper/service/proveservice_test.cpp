// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The helper's Prove over a private dbus-daemon: polkit played by the fake, the system checks real
// (Prover over a temporary root that looks like a system), the trials played by a fake trial
// runner and the check command's systemd-run by a runner that records what it was asked to run.
// Nothing runs unless polkit said yes and the program and user passed; the check runs as the caller.
#include "fakes.h"
#include "planfixture.h"
#include "privatebus.h"
#include "testroot.h"

#include "app/helper/prove.h"
#include "core/client/helperclient.h"
#include "core/plan/proverequest.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Deroot::Helper;
using Deroot::Core::ExitCode;
using Deroot::Helper::Test::FakeEngine;
using Deroot::Helper::Test::FakePolkit;

namespace {

/// What the fake trial runner saw: one entry per trial (its properties), whether it ran the check.
struct TrialLog
{
    QMutex mutex;
    QList<QList<Deroot::Core::UnitProperty>> trials;
    int checks = 0;
    std::atomic<bool> hold{false};
    std::atomic<bool> started{false};
};

/// A trial: healthy unless it went without @p needed (then it "exits with status 1"); it runs the
/// check as the real runner does, while the agent runs.
class FakeTrialRunner final : public Deroot::Core::TrialRunner
{
public:
    FakeTrialRunner(std::shared_ptr<TrialLog> log, Deroot::Core::TrialCheck check)
        : m_log(std::move(log))
        , m_check(std::move(check))
    {}

    Deroot::Core::TrialOutcome run(const Deroot::Core::ProvePlan &, const QList<Deroot::Core::UnitProperty> &properties,
                                   int) override
    {
        m_log->started = true;
        while (m_log->hold) {
            QThread::msleep(5);
        }
        Deroot::Core::TrialOutcome outcome;
        outcome.started = true;
        outcome.runningAtEnd = true;
        outcome.seconds = 0.5;
        if (m_check) {
            const Deroot::Core::TrialCheckResult result = m_check();
            outcome.checkRun = true;
            outcome.checkExitCode = result.exitCode;
        }
        const QMutexLocker lock(&m_log->mutex);
        m_log->trials.append(properties);
        m_log->checks += m_check ? 1 : 0;
        return outcome;
    }

private:
    std::shared_ptr<TrialLog> m_log;
    Deroot::Core::TrialCheck m_check;
};

/// systemd-run for the check, played: records each command line and answers exit status 0.
class RecordingRunner final : public Runner
{
public:
    Deroot::Core::ToolRun run(const QString &program, const QStringList &arguments, const QList<BindMount> &,
                              int) override
    {
        const QMutexLocker lock(&m_mutex);
        calls.append(QStringList{program} + arguments);
        return Deroot::Core::ToolRun{true, true, 0, "ok\n", {}, {}};
    }
    QList<QStringList> recorded()
    {
        const QMutexLocker lock(&m_mutex);
        return calls;
    }
    void clear()
    {
        const QMutexLocker lock(&m_mutex);
        calls.clear();
    }

private:
    QMutex m_mutex;
    QList<QStringList> calls;
};

struct Answer
{
    bool ok = false;
    QString errorName;
    QString message;
    QString reply;
};

Deroot::Core::ApplyRequest planOf(const QString &kind)
{
    QTemporaryDir directory;
    const auto written =
        Deroot::TestSupport::writePlanExport(kind, directory.filePath(u"export"_s), Deroot::TestSupport::kTestProgram,
                                             Deroot::TestSupport::kTestProgramBytes);
    if (!written) {
        qFatal("cannot generate the %s plan: %s", qPrintable(kind), qPrintable(written.error().message));
    }
    const auto request = Deroot::Core::readApplyRequest(*written);
    if (!request) {
        qFatal("cannot read the %s plan: %s", qPrintable(kind), qPrintable(request.error().message));
    }
    return *request;
}

QByteArray requestJson(const QString &kind = u"caps"_s, const QString &check = u"true"_s)
{
    return Deroot::Core::proveRequestJson(Deroot::Core::ProveRequest{planOf(kind), 2, check});
}

} // namespace

class ProveServiceTest : public QObject
{
    Q_OBJECT

private:
    Test::PrivateBus m_bus;
    QString m_address;
    int m_serial = 0;

    struct Setup
    {
        QTemporaryDir directory;
        QString root;
        FakeEngine engine;
        FakePolkit polkit;
        RecordingRunner runner;
        std::shared_ptr<TrialLog> log = std::make_shared<TrialLog>();
        std::unique_ptr<Prover> prover;
        std::unique_ptr<HelperService> service;
        QDBusConnection serviceBus{QString()};
        QDBusConnection clientBus{QString()};
        std::unique_ptr<Deroot::Core::HelperClient> client;
        /// What the fake loadVendor answers for a drop-in plan; the units it was asked for.
        std::shared_ptr<std::optional<Deroot::Core::Error>> vendorRefusal =
            std::make_shared<std::optional<Deroot::Core::Error>>();
        std::shared_ptr<QStringList> vendorLoads = std::make_shared<QStringList>();

        ~Setup()
        {
            log->hold = false;
            if (serviceBus.isConnected()) {
                serviceBus.unregisterService(Deroot::Core::HelperProtocol::kServiceName);
                serviceBus.unregisterObject(Deroot::Core::HelperProtocol::kObjectPath);
            }
            client.reset();
            service.reset();
            // A trial thread still running delivers to a prover that is gone: nothing.
            QTest::qWait(50);
            prover.reset();
            const QString serviceName = serviceBus.name();
            const QString clientName = clientBus.name();
            serviceBus = QDBusConnection(QString());
            clientBus = QDBusConnection(QString());
            QDBusConnection::disconnectFromBus(serviceName);
            QDBusConnection::disconnectFromBus(clientName);
        }
    };

    // The test root with the caps plan's service user, changed by @p extra (applySetup() steps).
    std::unique_ptr<Setup> makeSetup(const QByteArray &extra = "[]", bool withServiceUser = true)
    {
        auto setup = std::make_unique<Setup>();
        setup->root = setup->directory.filePath(u"root"_s);
        if (!Deroot::TestSupport::makeTestRoot(setup->root)) {
            qFatal("cannot make the test root");
        }
        const auto step = [](const char *key, const QJsonValue &value) {
            return QJsonObject{{QString::fromLatin1(key), value}};
        };
        // The extra steps first: the first line of a name in /etc/passwd or /etc/group is the one read.
        QJsonArray accounts = QJsonDocument::fromJson(extra).array();
        if (withServiceUser) {
            accounts.append(step("passwd", u"deroot-capsagent:x:130:130::/nonexistent:/usr/sbin/nologin"_s));
            accounts.append(step("groupline", u"deroot-capsagent:x:130:"_s));
        }
        if (!Deroot::TestSupport::applySetup(setup->root, accounts)) {
            qFatal("cannot set the test root up");
        }
        const std::shared_ptr<TrialLog> log = setup->log;
        setup->prover = std::make_unique<Prover>(Prover::Setup{
            setup->root, &setup->runner,
            [log](Deroot::Core::TrialCheck check) -> std::unique_ptr<Deroot::Core::TrialRunner> {
                return std::make_unique<FakeTrialRunner>(log, std::move(check));
            },
            [](const Deroot::Core::ProvePlan &) -> std::optional<Deroot::Core::Error> { return std::nullopt; }, false,
            [refusal = setup->vendorRefusal,
             loads = setup->vendorLoads](Deroot::Core::ProvePlan &plan) -> std::optional<Deroot::Core::Error> {
                if (!plan.isDropIn()) {
                    return std::nullopt;
                }
                loads->append(plan.vendorUnit);
                plan.vendorService = u"ExecStart=/usr/local/bin/deroot-test-agent\n"_s;
                return *refusal;
            }});
        const QString serviceName = u"proveservice%1"_s.arg(++m_serial);
        setup->serviceBus = QDBusConnection::connectToBus(m_address, serviceName);
        setup->clientBus = QDBusConnection::connectToBus(m_address, u"proveclient%1"_s.arg(m_serial));
        setup->service = std::make_unique<HelperService>(setup->engine, setup->polkit, 60000);
        setup->service->setProver(setup->prover.get());
        if (!setup->serviceBus.registerObject(Deroot::Core::HelperProtocol::kObjectPath, setup->service.get(),
                                              QDBusConnection::ExportScriptableSlots |
                                                  QDBusConnection::ExportScriptableSignals) ||
            !setup->serviceBus.registerService(Deroot::Core::HelperProtocol::kServiceName)) {
            qFatal("cannot register the service on the private bus");
        }
        setup->client = std::make_unique<Deroot::Core::HelperClient>(setup->clientBus);
        return setup;
    }

    static Answer call(Setup &setup, const QString &method, const QVariantList &arguments)
    {
        QDBusMessage message = QDBusMessage::createMethodCall(Deroot::Core::HelperProtocol::kServiceName,
                                                              Deroot::Core::HelperProtocol::kObjectPath,
                                                              Deroot::Core::HelperProtocol::kInterface, method);
        message.setArguments(arguments);
        message.setInteractiveAuthorizationAllowed(true);
        QDBusPendingCallWatcher watcher(setup.clientBus.asyncCall(message, 10000));
        if (!QTest::qWaitFor([&] { return watcher.isFinished(); }, 10000)) {
            return {false, u"timeout"_s, {}, {}};
        }
        const QDBusMessage reply = watcher.reply();
        if (reply.type() != QDBusMessage::ReplyMessage) {
            return {false, reply.errorName(), reply.errorMessage(), {}};
        }
        return {true, {}, {}, reply.arguments().value(0).toString()};
    }

    static Answer prove(Setup &setup, const QByteArray &json)
    {
        return call(setup, u"Prove"_s, {QString::fromUtf8(json)});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(geteuid() == 0, "the test root's files must be owned by root: run inside the build root");
        QVERIFY2(m_bus.start(), "the private dbus-daemon did not start");
        m_address = m_bus.address();
    }

    void cleanupTestCase() { m_bus.stop(); }

    // Allowed by polkit (a site's rule): the trials run (with every capability, then without each),
    // the check runs through systemd-run as the caller's uid, and the reply is the --json report,
    // through the client derootctl uses.
    void allowedProofRunsTheTrials()
    {
        auto setup = makeSetup();
        setup->polkit.rules.insert(Actions::kProveRun, FakePolkit::Rule::Yes);
        // Each trial is told as it ends, to the caller alone: another client on the bus hears nothing.
        QList<QJsonObject> told;
        QObject::connect(setup->client.get(), &Deroot::Core::HelperClient::proveTrial, setup->client.get(),
                         [&](const QJsonObject &trial) { told << trial; });
        QDBusConnection otherBus = QDBusConnection::connectToBus(m_address, u"proveother%1"_s.arg(m_serial));
        const auto closeOther = qScopeGuard([&] {
            const QString name = otherBus.name();
            otherBus = QDBusConnection(QString());
            QDBusConnection::disconnectFromBus(name);
        });
        QList<QJsonObject> overheard;
        {
            Deroot::Core::HelperClient other(otherBus);
            QObject::connect(&other, &Deroot::Core::HelperClient::proveTrial, &other,
                             [&](const QJsonObject &trial) { overheard << trial; });
            std::optional<Deroot::Core::Result<QByteArray>> result;
            setup->client->prove(Deroot::Core::ProveRequest{planOf(u"caps"_s), 2, u"curl -fsS http://127.0.0.1/"_s},
                                 [&](const Deroot::Core::Result<QByteArray> &r) { result = r; });
            QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
            QVERIFY(result->ok());
            QTest::qWait(100);
            const QJsonObject report = QJsonDocument::fromJson(**result).object();
            QCOMPARE(told.size(), 2);
            QCOMPARE(told.at(0), report.value(u"baseline"_s).toObject());
            QCOMPARE(told.at(1), report.value(u"trials"_s).toArray().at(0).toObject());
            QVERIFY(overheard.isEmpty());
        }
        setup->log->trials.clear();
        setup->runner.clear();
        setup->polkit.calls.clear();
        std::optional<Deroot::Core::Result<QByteArray>> result;
        setup->client->prove(Deroot::Core::ProveRequest{planOf(u"caps"_s), 2, u"curl -fsS http://127.0.0.1/"_s},
                             [&](const Deroot::Core::Result<QByteArray> &r) { result = r; });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
        QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().message));
        const QJsonObject report = QJsonDocument::fromJson(**result).object();
        QCOMPARE(report.value(u"schema"_s).toString(), u"deroot.prove/1"_s);
        QCOMPARE(report.value(u"agent"_s).toString(), u"capsagent"_s);
        QCOMPARE(report.value(u"seconds"_s).toInt(), 2);
        QCOMPARE(report.value(u"check"_s).toString(), u"curl -fsS http://127.0.0.1/"_s);
        QVERIFY(report.value(u"works"_s).toBool());
        QCOMPARE(report.value(u"not_shown_necessary"_s).toArray(), QJsonArray{u"CAP_NET_RAW"_s});
        // The reply reads back to the same report: derootctl prints the same text either way.
        const auto readBack = Deroot::Core::proveReportFromJson(report);
        QVERIFY(readBack.ok());
        QCOMPARE(Deroot::Core::proveReportToJson(*readBack), report);
        // Two trials: with CAP_NET_RAW, then without it (out of the ambient and bounding sets).
        QCOMPARE(setup->log->trials.size(), 2);
        const auto ambient = [](const QList<Deroot::Core::UnitProperty> &properties) {
            for (const auto &property : properties) {
                if (property.key == u"AmbientCapabilities") {
                    return property.value;
                }
            }
            return QString();
        };
        QCOMPARE(ambient(setup->log->trials.at(0)), u"CAP_NET_RAW"_s);
        QVERIFY(!ambient(setup->log->trials.at(1)).contains(u"CAP_NET_RAW"_s));
        // The check, once a trial, as the caller (this process: the bus vouches for its uid).
        const QList<QStringList> calls = setup->runner.recorded();
        QCOMPARE(calls.size(), 2);
        for (const QStringList &line : calls) {
            QCOMPARE(line.first(), u"/usr/bin/systemd-run"_s);
            QVERIFY2(line.contains(u"--uid=%1"_s.arg(geteuid())), qPrintable(line.join(u' ')));
            QCOMPARE(line.mid(line.size() - 4),
                     (QStringList{u"--"_s, u"/bin/sh"_s, u"-c"_s, u"curl -fsS http://127.0.0.1/"_s}));
        }
        // One check, of the prove action alone, with the details naming what runs.
        QCOMPARE(setup->polkit.calls.size(), 1);
        const FakePolkit::Call &asked = setup->polkit.calls.first();
        QCOMPARE(asked.action, Actions::kProveRun);
        QCOMPARE(asked.details.value(u"agent"_s), u"capsagent"_s);
        QCOMPARE(asked.details.value(u"program"_s), Deroot::TestSupport::kTestProgram);
        QCOMPARE(asked.details.value(u"service_user"_s), u"deroot-capsagent"_s);
        QCOMPARE(asked.details.value(u"capabilities"_s), u"CAP_NET_RAW"_s);
        QCOMPARE(asked.details.value(u"seconds"_s), u"2"_s);
        QCOMPARE(asked.details.value(u"check"_s), u"curl -fsS http://127.0.0.1/"_s);
        QCOMPARE(asked.details.value(u"plan_sha256"_s).size(), 64);
        QCOMPARE(asked.details.value(u"unit_settings"_s), u"the plan's own unit"_s);
        QVERIFY(!setup->service->observing());
        QVERIFY(setup->vendorLoads->isEmpty());
    }

    // A drop-in plan: the prompt names the agent's unit the trials copy, whose own root commands run;
    // after the yes, the agent's unit is judged (here refused, as a running one is), and nothing
    // runs; once it is fine, the trials run with its settings and the report says so.
    void dropInVendorUnitIsJudgedAfterTheYes()
    {
        auto setup = makeSetup();
        setup->polkit.rules.insert(Actions::kProveRun, FakePolkit::Rule::Yes);
        const Deroot::Core::ApplyRequest plan = planOf(u"dropin"_s);
        *setup->vendorRefusal =
            Deroot::Core::Error{Deroot::Core::ExitCode::Unavailable,
                                u"the agent's unit %1 is active: stop it"_s.arg(Deroot::TestSupport::kDropInUnit)};
        const Answer refused = prove(*setup, Deroot::Core::proveRequestJson(Deroot::Core::ProveRequest{plan, 2, {}}));
        QVERIFY(!refused.ok);
        QCOMPARE(refused.errorName, Deroot::Core::HelperProtocol::errorName(Deroot::Core::ExitCode::Unavailable));
        QCOMPARE(refused.message,
                 u"the agent's unit %1 is active: stop it; nothing was run"_s.arg(Deroot::TestSupport::kDropInUnit));
        QVERIFY(setup->log->trials.isEmpty());
        QCOMPARE(setup->polkit.calls.size(), 1);
        QCOMPARE(setup->polkit.calls.first().details.value(u"unit_settings"_s),
                 u"%1 with the plan's drop-in, whose commands marked + or ! run as root"_s.arg(
                     Deroot::TestSupport::kDropInUnit));
        QCOMPARE(*setup->vendorLoads, QStringList{Deroot::TestSupport::kDropInUnit});

        setup->vendorRefusal->reset();
        const Answer proved = prove(*setup, Deroot::Core::proveRequestJson(Deroot::Core::ProveRequest{plan, 2, {}}));
        QVERIFY2(proved.ok, qPrintable(proved.message));
        const QJsonObject report = QJsonDocument::fromJson(proved.reply.toUtf8()).object();
        QCOMPARE(report.value(u"unit"_s).toString(), Deroot::TestSupport::kDropInUnit);
        const QJsonArray notes = report.value(u"notes"_s).toArray();
        QVERIFY2(notes.size() == 2 &&
                     notes.at(0).toString().startsWith(
                         u"Each trial ran a copy of %1"_s.arg(Deroot::TestSupport::kDropInUnit)) &&
                     notes.at(1).toString().contains(u"DynamicUser=yes"_s),
                 QJsonDocument(notes).toJson().constData());
        QCOMPARE(setup->log->trials.size(), 2);
        // Read again for the trials, not taken from the check before them.
        QCOMPARE(setup->vendorLoads->size(), 3);
    }

    // A service user the apply has still to make (not in the root's /etc/passwd) is lent by systemd
    // to each trial (DynamicUser=yes), and the report says so; the sandbox settings an observation
    // flagged arrive with the request and get a trial each, with every capability.
    void userStillToBeMadeAndObservedSandbox()
    {
        auto setup = makeSetup("[]", false);
        setup->polkit.rules.insert(Actions::kProveRun, FakePolkit::Rule::Yes);
        std::optional<Deroot::Core::Result<QByteArray>> result;
        const QList<Deroot::Core::SandboxCandidate> sandbox{
            {u"PrivateNetwork"_s, u"yes"_s, u"observed in 2.0 s: only AF_UNIX sockets, no port bound"_s}};
        setup->client->prove(Deroot::Core::ProveRequest{planOf(u"caps"_s), 2, QString(), sandbox},
                             [&](const Deroot::Core::Result<QByteArray> &r) { result = r; });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
        QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().message));
        const QJsonObject report = QJsonDocument::fromJson(**result).object();
        const QJsonArray notes = report.value(u"notes"_s).toArray();
        QCOMPARE(notes.size(), 1);
        QVERIFY2(notes.first().toString().contains(u"DynamicUser=yes"_s), qPrintable(notes.first().toString()));
        const auto has = [](const QList<Deroot::Core::UnitProperty> &properties, const QString &key,
                            const QString &value) {
            return std::any_of(properties.cbegin(), properties.cend(),
                               [&](const auto &property) { return property.key == key && property.value == value; });
        };
        // Baseline, without CAP_NET_RAW, with PrivateNetwork=yes: all with a borrowed user.
        QCOMPARE(setup->log->trials.size(), 3);
        for (const auto &trial : std::as_const(setup->log->trials)) {
            QVERIFY(has(trial, u"DynamicUser"_s, u"yes"_s));
            QVERIFY(has(trial, u"User"_s, u"deroot-capsagent"_s));
        }
        QVERIFY(!has(setup->log->trials.at(0), u"PrivateNetwork"_s, u"yes"_s));
        QVERIFY(has(setup->log->trials.at(2), u"PrivateNetwork"_s, u"yes"_s));
        QVERIFY(has(setup->log->trials.at(2), u"AmbientCapabilities"_s, u"CAP_NET_RAW"_s));
        const QJsonArray verdicts = report.value(u"sandbox"_s).toArray();
        QCOMPARE(verdicts.size(), 1);
        QCOMPARE(verdicts.first()[u"setting"_s].toString(), u"PrivateNetwork=yes"_s);
        // Read back as derootctl reads it: the same report, notes and sandbox included.
        const auto readBack = Deroot::Core::proveReportFromJson(report);
        QVERIFY(readBack.ok());
        QCOMPARE(Deroot::Core::proveReportToJson(*readBack), report);
    }

    // The check command runs as the uid Prove was called by, whoever that is (here 4321, through
    // the prover itself: the bus of this test has one user), with a clean environment and 30 s.
    void checkRunsAsTheCaller()
    {
        auto setup = makeSetup();
        const auto parsed = Deroot::Core::parseProveRequest(requestJson(u"caps"_s, u"test \"$(id -u)\" = 4321"_s));
        QVERIFY(parsed.ok());
        QVERIFY(!setup->prover->check(*parsed, 4321));
        std::optional<Deroot::Core::Result<QByteArray>> result;
        setup->prover->run(*parsed, 4321, {}, [&](const Deroot::Core::Result<QByteArray> &r) { result = r; });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
        QVERIFY(result->ok());
        const QList<QStringList> calls = setup->runner.recorded();
        QCOMPARE(calls.size(), 2);
        const QStringList &line = calls.first();
        QVERIFY2(line.contains(u"--uid=4321"_s), qPrintable(line.join(u' ')));
        QVERIFY(!line.contains(u"--uid=0"_s));
        for (const QString &option : {u"--pipe"_s, u"--wait"_s, u"--collect"_s, u"--setenv=LC_ALL=C.UTF-8"_s,
                                      u"--setenv=PATH=/usr/sbin:/usr/bin:/sbin:/bin"_s, u"--expand-environment=no"_s}) {
            QVERIFY2(line.contains(option), qPrintable(option));
        }
        QVERIFY(std::any_of(line.cbegin(), line.cend(),
                            [](const QString &word) { return word.startsWith(u"--unit=deroot-prove-check-"_s); }));
        QCOMPARE(line.constLast(), u"test \"$(id -u)\" = 4321"_s);
    }

    // The default policy (auth_admin): one prompt a proof, never kept; only its YES runs anything.
    void defaultPolicyPromptsEveryTime_data()
    {
        QTest::addColumn<int>("agent");
        QTest::addColumn<bool>("runs");
        QTest::newRow("the admin types the password") << int(FakePolkit::Agent::Approves) << true;
        QTest::newRow("the prompt is dismissed") << int(FakePolkit::Agent::Dismissed) << false;
        QTest::newRow("no authentication agent") << int(FakePolkit::Agent::None) << false;
    }

    void defaultPolicyPromptsEveryTime()
    {
        QFETCH(int, agent);
        QFETCH(bool, runs);
        auto setup = makeSetup();
        setup->polkit.agent = FakePolkit::Agent(agent);
        const QByteArray json = requestJson();
        for (int round = 0; round < 2; ++round) {
            const Answer answer = prove(*setup, json);
            QCOMPARE(answer.ok, runs);
            if (!runs) {
                QCOMPARE(answer.errorName, Deroot::Core::HelperProtocol::Errors::kNotAuthorized);
                QVERIFY2(answer.message.contains(Actions::kProveRun) && answer.message.contains(u"nothing was run"_s),
                         qPrintable(answer.message));
            }
        }
        QCOMPARE(setup->polkit.prompts.size(), agent == int(FakePolkit::Agent::None) ? 0 : 2);
        for (const AuthDetails &details : std::as_const(setup->polkit.prompts)) {
            QCOMPARE(details.value(u"program"_s), Deroot::TestSupport::kTestProgram);
            QCOMPARE(details.value(u"service_user"_s), u"deroot-capsagent"_s);
        }
        QCOMPARE(setup->log->trials.size(), runs ? 4 : 0);
        QCOMPARE(setup->runner.recorded().size(), runs ? 4 : 0);
    }

    // Denied by polkit (a rule, or polkit broken): nothing runs, no trial and no check.
    void deniedByPolkitRunsNothing()
    {
        for (const FakePolkit::Rule rule : {FakePolkit::Rule::No, FakePolkit::Rule::Broken}) {
            auto setup = makeSetup();
            setup->polkit.rules.insert(Actions::kProveRun, rule);
            setup->polkit.agent = FakePolkit::Agent::Approves;
            const Answer answer = prove(*setup, requestJson());
            QVERIFY(!answer.ok);
            QCOMPARE(answer.errorName, Deroot::Core::HelperProtocol::Errors::kNotAuthorized);
            QVERIFY2(answer.message.contains(u"nothing was run"_s), qPrintable(answer.message));
            QVERIFY(setup->log->trials.isEmpty());
            QVERIFY(setup->runner.recorded().isEmpty());
            QCOMPARE(setup->polkit.prompts.size(), 0);
        }
    }

    // Every hostile case: refused with its sentence and exit code, nothing run. The request's own
    // refusals never reach polkit; those that need the system are refused after its YES.
    void hostileProofsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("setup");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("says");
        QTest::addColumn<bool>("asksPolkit");
        namespace Errors = Deroot::Core::HelperProtocol::Errors;
        const QByteArray caps = requestJson();
        const QString refused = Deroot::Core::HelperProtocol::errorName(ExitCode::Refused);
        const QString notFound = Deroot::Core::HelperProtocol::errorName(ExitCode::NotFound);
        const QString unavailable = Deroot::Core::HelperProtocol::errorName(ExitCode::Unavailable);

        // --- the program, after polkit ---
        QTest::newRow("program owned by a user")
            << caps << QByteArray(R"([{"chown": ["usr/local/bin/deroot-test-agent", 1000]}])") << refused
            << u"owned by uid 1000"_s << true;
        QTest::newRow("program writable by others")
            << caps << QByteArray(R"([{"chmod": ["usr/local/bin/deroot-test-agent", 511]}])") << refused
            << u"writable by its group or others"_s << true;
        QTest::newRow("program writable by its group")
            << caps << QByteArray(R"([{"chmod": ["usr/local/bin/deroot-test-agent", 509]}])") << refused
            << u"writable by its group or others"_s << true;
        QTest::newRow("set-uid program") << caps
                                         << QByteArray(R"([{"chmod": ["usr/local/bin/deroot-test-agent", 2541]}])")
                                         << refused << u"set-uid or set-gid"_s << true;
        QTest::newRow("set-gid program") << caps
                                         << QByteArray(R"([{"chmod": ["usr/local/bin/deroot-test-agent", 1517]}])")
                                         << refused << u"set-uid or set-gid"_s << true;
        QTest::newRow("directory above the program writable by others")
            << caps << QByteArray(R"([{"chmod": ["usr/local/bin", 1023]}])") << refused << u"writable by others"_s
            << true;
        QTest::newRow("program is not the file the plan pins (SHA-256)")
            << caps << QByteArray(R"([{"write": ["usr/local/bin/deroot-test-agent", "another agent", 493]}])")
            << refused << u"SHA-256 differs"_s << true;
        QTest::newRow("program is a symlink")
            << caps
            << QByteArray(
                   R"([{"write": ["usr/local/bin/real", "x", 493]}, {"remove": "usr/local/bin/deroot-test-agent"},)"
                   R"( {"symlink": ["usr/local/bin/deroot-test-agent", "/usr/local/bin/real"]}])")
            << refused << u"symlink"_s << true;

        // --- the service user and groups, after polkit ---
        QTest::newRow("service user with uid 0")
            << caps << QByteArray(R"([{"passwd": "deroot-capsagent:x:0:130::/nonexistent:/usr/sbin/nologin"}])")
            << refused << u"uid or gid 0"_s << true;
        QTest::newRow("service user with gid 0")
            << caps << QByteArray(R"([{"passwd": "deroot-capsagent:x:130:0::/nonexistent:/usr/sbin/nologin"}])")
            << refused << u"uid or gid 0"_s << true;
        QTest::newRow("service user in docker")
            << caps << QByteArray(R"([{"groupline": "docker:x:998:deroot-capsagent"}])") << refused
            << u"the group 'docker'"_s << true;
        QTest::newRow("service user in a group of gid 0 by another name")
            << caps << QByteArray(R"([{"groupline": "wheel0:x:0:deroot-capsagent"}])") << refused << u"'wheel0'"_s
            << true;
        QTest::newRow("the plan's own group has gid 0")
            << caps << QByteArray(R"([{"groupline": "deroot-capsagent:x:0:"}])") << refused << u"gid 0"_s << true;
        QTest::newRow("service user is a person's account")
            << caps << QByteArray(R"([{"passwd": "deroot-capsagent:x:1001:1001::/home/x:/bin/sh"}])") << refused
            << u"a person's account"_s << true;

        // --- the request, before polkit ---
        QTest::newRow("root-equivalent capability")
            << requestJson(u"capsadmin"_s) << QByteArray("[]") << refused << u"root-equivalent"_s << false;
        QTest::newRow("root-equivalent group")
            << requestJson(u"capsdocker"_s) << QByteArray("[]") << refused << u"root in all but name"_s << false;
        QTest::newRow("a sudo plan, which prove does not cover")
            << requestJson(u"sudo"_s) << QByteArray("[]") << unavailable << QString() << false;
        QTest::newRow("seconds 0") << QByteArray(caps).replace("\"seconds\":2", "\"seconds\":0") << QByteArray("[]")
                                   << QString(Errors::kInvalidArgs) << u"'seconds'"_s << false;
        QTest::newRow("unknown key") << QByteArray(caps).replace("{\"check\"", "{\"user\":\"root\",\"check\"")
                                     << QByteArray("[]") << QString(Errors::kInvalidArgs) << u"unknown key"_s << false;
        Q_UNUSED(notFound);
    }

    void hostileProofsAreRefused()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, setup);
        QFETCH(QString, error);
        QFETCH(QString, says);
        QFETCH(bool, asksPolkit);
        auto test = makeSetup(setup);
        test->polkit.rules.insert(Actions::kProveRun, FakePolkit::Rule::Yes);
        const Answer answer = prove(*test, request);
        QVERIFY2(!answer.ok, "accepted");
        QCOMPARE(answer.errorName, error);
        QVERIFY2(answer.message.contains(says), qPrintable(answer.message));
        QCOMPARE(test->polkit.calls.size(), asksPolkit ? 1 : 0);
        if (asksPolkit) {
            QVERIFY2(answer.message.contains(u"nothing was run"_s), qPrintable(answer.message));
        }
        QVERIFY(test->log->trials.isEmpty());
        QVERIFY(test->runner.recorded().isEmpty());
        QVERIFY(!test->service->observing());
    }

    // While the trials run (on their own thread) the helper answers: Status says so, a second Prove
    // or an Observe is Busy, and a Rollback is not held off by the proof.
    void oneProofAtATimeAndNothingElseWaits()
    {
        auto setup = makeSetup();
        setup->polkit.rules.insert(Actions::kProveRun, FakePolkit::Rule::Yes);
        setup->log->hold = true;
        std::optional<Deroot::Core::Result<QByteArray>> result;
        setup->client->prove(Deroot::Core::ProveRequest{planOf(u"caps"_s), 2, QString()},
                             [&](const Deroot::Core::Result<QByteArray> &r) { result = r; });
        QVERIFY(QTest::qWaitFor([&] { return setup->log->started.load(); }, 10000));
        const Answer status = call(*setup, u"Status"_s, {});
        QVERIFY(status.ok);
        QCOMPARE(QJsonDocument::fromJson(status.reply.toUtf8()).object().value(u"observing"_s).toBool(), true);
        const Answer second = prove(*setup, requestJson());
        QCOMPARE(second.errorName, Deroot::Core::HelperProtocol::Errors::kBusy);
        const Answer observe = call(*setup, u"Observe"_s, {u"{}"_s});
        QCOMPARE(observe.errorName, Deroot::Core::HelperProtocol::Errors::kBusy);
        // Not Busy: the rollback is looked up (and not found in the fake's empty journal).
        const Answer rollback = call(*setup, u"Rollback"_s, {u"20260101T000000Z-0001"_s});
        QVERIFY(!rollback.ok);
        QVERIFY2(rollback.errorName != Deroot::Core::HelperProtocol::Errors::kBusy, qPrintable(rollback.message));
        QVERIFY(!result.has_value());
        setup->log->hold = false;
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
        QVERIFY(result->ok());
        QVERIFY(!setup->service->observing());
    }
};

QTEST_GUILESS_MAIN(ProveServiceTest)
#include "proveservice_test.moc"
