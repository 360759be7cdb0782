// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The helper's Observe over a private dbus-daemon: polkit played by the fake, the system checks
// real (Observer over a temporary root that looks like a system, systemctl played from its unit
// files), and deroot-observer's launch played by a fake launcher that records what it was asked
// to run. Every hostile request is refused with its one sentence and nothing is launched; a refusal
// by polkit also reads nothing of the system.
#include "fakes.h"
#include "privatebus.h"
#include "testroot.h"

#include "app/helper/observe.h"
#include "core/client/helperclient.h"
#include "core/plan/observerequest.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QDBusPendingCallWatcher>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/capability.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Deroot::Helper;
using Deroot::Core::ExitCode;
using Deroot::Helper::Test::FakeEngine;
using Deroot::Helper::Test::FakePolkit;

namespace {

// One line of deroot-observer's output (docs/observe-json.md); the helper passes it on untouched.
const QByteArray kRecording =
    "{\"type\":\"recording\",\"mechanism\":\"ebpf\",\"duration_ns\":2000000000,\"as_root\":false,\"unpriv"
    "ileged_port_start\":1024,\"target\":\"command "
    "/usr/local/bin/"
    "deroot-test-agent\",\"user\":\"agent\",\"capabilities\":[\"CAP_NET_RAW\"],\"ended\":\"exited\",\"exit_status\":0,"
    "\"lost_events\":0,\"notes\":[]}\n";

/// deroot-observer's launch, played: records each command line and answers with @p reply, on the
/// next turn of the event loop (as systemd-run's end would come), or holds the answer.
class FakeLauncher final : public ObserverLauncher
{
public:
    QList<QStringList> launched;
    ObserverRun reply{true, 0, kRecording, false, false, {}, {}};
    bool hold = false;
    QList<Done> held;

    void launch(const QStringList &arguments, int, int, Done done) override
    {
        launched.append(arguments);
        if (hold) {
            held.append(std::move(done));
            return;
        }
        QTimer::singleShot(0, [reply = reply, done = std::move(done)] { done(reply); });
    }
};

struct Answer
{
    bool ok = false;
    QString errorName;
    QString message;
    QString reply;
};

} // namespace

class ObserveTest : public QObject
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
        QString proc;
        FakeEngine engine;
        FakePolkit polkit;
        FakeLauncher launcher;
        std::unique_ptr<Deroot::TestSupport::TestRunner> runner;
        std::unique_ptr<Observer> observer;
        std::unique_ptr<HelperService> service;
        QDBusConnection serviceBus{QString()};
        QDBusConnection clientBus{QString()};
        std::unique_ptr<Deroot::Core::HelperClient> client;

        ~Setup()
        {
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

    // A system under a temporary root: the test root (root-owned programs in root-owned
    // directories), an agent's account, accounts a request must not get, a unit, and a /proc with
    // process 4242 alone.
    std::unique_ptr<Setup> makeSetup()
    {
        auto setup = std::make_unique<Setup>();
        setup->root = setup->directory.filePath(u"root"_s);
        setup->proc = setup->directory.filePath(u"proc"_s);
        if (!Deroot::TestSupport::makeTestRoot(setup->root) || !QDir().mkpath(setup->proc + u"/4242"_s)) {
            qFatal("cannot make the test root");
        }
        const auto step = [](const char *key, const QJsonValue &value) {
            return QJsonObject{{QString::fromLatin1(key), value}};
        };
        const QJsonArray accounts{step("passwd", u"agent:x:120:120::/nonexistent:/usr/sbin/nologin"_s),
                                  step("groupline", u"agent:x:120:"_s),
                                  step("passwd", u"toor:x:0:120::/root:/bin/sh"_s),
                                  step("passwd", u"gidzero:x:121:0::/nonexistent:/usr/sbin/nologin"_s),
                                  step("passwd", u"dockerish:x:122:122::/nonexistent:/usr/sbin/nologin"_s),
                                  step("groupline", u"dockerish:x:122:"_s),
                                  step("groupline", u"docker:x:998:dockerish"_s),
                                  step("passwd", u"diskish:x:123:6::/nonexistent:/usr/sbin/nologin"_s),
                                  step("groupline", u"disk:x:6:"_s),
                                  step("passwd", u"sudoish:x:124:124::/nonexistent:/usr/sbin/nologin"_s),
                                  step("groupline", u"sudoish:x:124:"_s),
                                  step("groupline", u"sudo:x:27:sudoish"_s),
                                  step("write", QJsonArray{u"etc/systemd/system/nginx.service"_s,
                                                           u"[Service]\nExecStart=/usr/sbin/nginx\n"_s, 420})};
        if (!Deroot::TestSupport::applySetup(setup->root, accounts)) {
            qFatal("cannot add the test accounts");
        }
        setup->runner = std::make_unique<Deroot::TestSupport::TestRunner>(setup->root, setup->proc);
        setup->observer = std::make_unique<Observer>(
            Observer::Setup{setup->root, setup->proc, setup->runner.get(), &setup->launcher, false});
        const QString serviceName = u"observeservice%1"_s.arg(++m_serial);
        setup->serviceBus = QDBusConnection::connectToBus(m_address, serviceName);
        setup->clientBus = QDBusConnection::connectToBus(m_address, u"observeclient%1"_s.arg(m_serial));
        setup->service = std::make_unique<HelperService>(setup->engine, setup->polkit, 60000);
        setup->service->setObserver(setup->observer.get());
        if (!setup->serviceBus.registerObject(Deroot::Core::HelperProtocol::kObjectPath, setup->service.get(),
                                              QDBusConnection::ExportScriptableSlots |
                                                  QDBusConnection::ExportScriptableSignals) ||
            !setup->serviceBus.registerService(Deroot::Core::HelperProtocol::kServiceName)) {
            qFatal("cannot register the service on the private bus");
        }
        setup->client = std::make_unique<Deroot::Core::HelperClient>(setup->clientBus);
        return setup;
    }

    // One Observe call as any client may send it: raw arguments, interaction allowed.
    static Answer call(Setup &setup, const QVariantList &arguments)
    {
        QDBusMessage message = QDBusMessage::createMethodCall(Deroot::Core::HelperProtocol::kServiceName,
                                                              Deroot::Core::HelperProtocol::kObjectPath,
                                                              Deroot::Core::HelperProtocol::kInterface, u"Observe"_s);
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

    static Answer call(Setup &setup, const QByteArray &json) { return call(setup, {QString::fromUtf8(json)}); }

    static QJsonObject command()
    {
        return QJsonObject{{u"version"_s, 1},
                           {u"target"_s, u"command"_s},
                           {u"program"_s, Deroot::TestSupport::kTestProgram},
                           {u"arguments"_s, QJsonArray{u"-c1"_s, u"127.0.0.1"_s}},
                           {u"user"_s, u"agent"_s},
                           {u"capabilities"_s, QJsonArray{u"CAP_NET_RAW"_s}},
                           {u"seconds"_s, 5},
                           {u"mechanism"_s, u"auto"_s}};
    }

    static QByteArray json(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

    static QByteArray with(QJsonObject object, const QString &key, const QJsonValue &value)
    {
        if (value.isUndefined()) {
            object.remove(key);
        } else {
            object.insert(key, value);
        }
        return json(object);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(geteuid() == 0, "the test root's files must be owned by root: run inside the build root");
        QVERIFY2(m_bus.start(), "the private dbus-daemon did not start");
        m_address = m_bus.address();
    }

    void cleanupTestCase() { m_bus.stop(); }

    // Allowed by polkit (a site's rule): the system passes, the observer runs with the command line
    // the request means and nothing else, and the reply is its recording byte for byte, through the
    // client derootctl uses.
    void allowedObservationRunsTheObserver()
    {
        auto setup = makeSetup();
        setup->polkit.rules.insert(Actions::kObserveRun, FakePolkit::Rule::Yes);
        Deroot::Core::ObserveRequest request;
        request.program = Deroot::TestSupport::kTestProgram;
        request.arguments = {u"-c1"_s, u"127.0.0.1"_s};
        request.user = u"agent"_s;
        request.capabilities = {u"CAP_NET_RAW"_s};
        request.seconds = 5;
        std::optional<Deroot::Core::Result<QByteArray>> result;
        setup->client->observe(request, [&](const Deroot::Core::Result<QByteArray> &r) { result = r; });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
        QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().message));
        QCOMPARE(**result, kRecording);
        QCOMPARE(setup->launcher.launched.size(), 1);
        QCOMPARE(setup->launcher.launched.first(),
                 (QStringList{u"--mechanism"_s, u"auto"_s, u"--seconds"_s, u"5"_s, u"--user"_s, u"agent"_s,
                              u"--capabilities"_s, u"CAP_NET_RAW"_s, u"--"_s, Deroot::TestSupport::kTestProgram,
                              u"-c1"_s, u"127.0.0.1"_s}));
        // One check, of the observe action alone, with the details naming what runs.
        QCOMPARE(setup->polkit.calls.size(), 1);
        const FakePolkit::Call &asked = setup->polkit.calls.first();
        QCOMPARE(asked.action, Actions::kObserveRun);
        QCOMPARE(asked.details.value(u"target"_s), u"command"_s);
        QCOMPARE(asked.details.value(u"program"_s), Deroot::TestSupport::kTestProgram);
        QCOMPARE(asked.details.value(u"arguments"_s), u"-c1, 127.0.0.1"_s);
        QCOMPARE(asked.details.value(u"user"_s), u"agent"_s);
        QCOMPARE(asked.details.value(u"capabilities"_s), u"CAP_NET_RAW"_s);
        QCOMPARE(asked.details.value(u"seconds"_s), u"5"_s);
        QCOMPARE(asked.details.value(u"unit"_s), u"none"_s);
        QVERIFY(!setup->service->observing());
    }

    // The default policy (auth_admin): one prompt with the details, and only its YES runs anything.
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
        for (int round = 0; round < 2; ++round) {
            const Answer answer = call(*setup, json(command()));
            QCOMPARE(answer.ok, runs);
            if (!runs) {
                QCOMPARE(answer.errorName, Deroot::Core::HelperProtocol::Errors::kNotAuthorized);
                QVERIFY2(answer.message.contains(Actions::kObserveRun) && answer.message.contains(u"nothing was run"_s),
                         qPrintable(answer.message));
            }
        }
        // auth_admin, never kept: a second observation prompts again.
        QCOMPARE(setup->polkit.prompts.size(), agent == int(FakePolkit::Agent::None) ? 0 : 2);
        for (const AuthDetails &details : std::as_const(setup->polkit.prompts)) {
            QCOMPARE(details.value(u"program"_s), Deroot::TestSupport::kTestProgram);
            QCOMPARE(details.value(u"user"_s), u"agent"_s);
            QCOMPARE(details.value(u"capabilities"_s), u"CAP_NET_RAW"_s);
        }
        QCOMPARE(setup->launcher.launched.size(), runs ? 2 : 0);
    }

    // Refused by polkit: nothing is read of the system (no systemctl for a unit) and nothing runs.
    void refusedByPolkitReadsAndRunsNothing_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("action");
        QTest::newRow("a command, denied by a rule") << json(command()) << Actions::kObserveRun;
        QTest::newRow("a unit, denied by a rule")
            << QByteArray(R"({"version":1,"target":"unit","unit":"nginx.service","seconds":5,"mechanism":"auto"})")
            << Actions::kObserveWatch;
        QTest::newRow("a pid, denied by a rule")
            << QByteArray(R"({"version":1,"target":"pid","pid":4242,"seconds":5,"mechanism":"strace"})")
            << Actions::kObserveWatch;
    }

    void refusedByPolkitReadsAndRunsNothing()
    {
        QFETCH(QByteArray, request);
        QFETCH(QString, action);
        for (const FakePolkit::Rule rule : {FakePolkit::Rule::No, FakePolkit::Rule::Broken}) {
            auto setup = makeSetup();
            setup->polkit.rules.insert(action, rule);
            setup->polkit.agent = FakePolkit::Agent::Approves;
            const Answer answer = call(*setup, request);
            QVERIFY(!answer.ok);
            QCOMPARE(answer.errorName, Deroot::Core::HelperProtocol::Errors::kNotAuthorized);
            QVERIFY2(answer.message.contains(action), qPrintable(answer.message));
            QVERIFY(setup->launcher.launched.isEmpty());
            QVERIFY2(setup->runner->calls.isEmpty(), qPrintable(setup->runner->calls.join(u'\n')));
            QCOMPARE(setup->polkit.prompts.size(), 0);
        }
    }

    // Every hostile request: refused with its sentence and exit code, nothing launched. Those the
    // parser refuses never reach polkit; those that need the system are refused after its YES.
    void hostileRequestsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("setup"); ///< TestSupport::applySetup() steps, as JSON
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        QTest::addColumn<bool>("asksPolkit");
        const QJsonObject base = command();
        const QByteArray none("[]");
        const int usage = int(ExitCode::Usage);
        const int refused = int(ExitCode::Refused);
        const int notFound = int(ExitCode::NotFound);

        // --- the user ---
        QTest::newRow("user with uid 0") << with(base, u"user"_s, u"toor"_s) << none << refused << u"uid or gid 0"_s
                                         << true;
        QTest::newRow("user with gid 0") << with(base, u"user"_s, u"gidzero"_s) << none << refused << u"uid or gid 0"_s
                                         << true;
        QTest::newRow("user root itself")
            << with(base, u"user"_s, u"root"_s) << none << refused << u"uid or gid 0"_s << true;
        QTest::newRow("user in docker, a root-equivalent group")
            << with(base, u"user"_s, u"dockerish"_s) << none << refused << u"the group 'docker'"_s << true;
        QTest::newRow("user whose primary group is disk")
            << with(base, u"user"_s, u"diskish"_s) << none << refused << u"the group 'disk'"_s << true;
        QTest::newRow("user in sudo") << with(base, u"user"_s, u"sudoish"_s) << none << refused << u"the group 'sudo'"_s
                                      << true;
        QTest::newRow("another person's account")
            << with(base, u"user"_s, u"alice"_s) << none << refused << u"a person's account"_s << true;
        QTest::newRow("user that does not exist")
            << with(base, u"user"_s, u"nosuchuser"_s) << none << notFound << u"no user 'nosuchuser'"_s << true;
        QTest::newRow("user name with shell characters")
            << with(base, u"user"_s, u"agent;id"_s) << none << usage << u"'user' must be a user name"_s << false;
        QTest::newRow("numeric user") << with(base, u"user"_s, u"0"_s) << none << usage
                                      << u"'user' must be a user name"_s << false;

        // --- the program ---
        QTest::newRow("relative program") << with(base, u"program"_s, u"usr/local/bin/deroot-test-agent"_s) << none
                                          << usage << u"must be an absolute"_s << false;
        QTest::newRow("bare program name")
            << with(base, u"program"_s, u"fping"_s) << none << usage << u"must be an absolute"_s << false;
        QTest::newRow("dot-dot in the program's path")
            << with(base, u"program"_s, u"/usr/local/bin/../bin/deroot-test-agent"_s) << none << usage
            << u"normalised"_s << false;
        QTest::newRow("double slash in the program's path")
            << with(base, u"program"_s, u"//usr/local/bin/deroot-test-agent"_s) << none << usage << u"normalised"_s
            << false;
        QTest::newRow("program writable by others")
            << json(base) << QByteArray(R"([{"chmod": ["usr/local/bin/deroot-test-agent", 511]}])") << refused
            << u"writable by others"_s << true;
        QTest::newRow("program writable by its group")
            << json(base) << QByteArray(R"([{"chmod": ["usr/local/bin/deroot-test-agent", 509]}])") << refused
            << u"writable by its group"_s << true;
        QTest::newRow("program owned by a user")
            << json(base) << QByteArray(R"([{"chown": ["usr/local/bin/deroot-test-agent", 1000]}])") << refused
            << u"owned by uid 1000"_s << true;
        QTest::newRow("directory above the program writable by others")
            << json(base) << QByteArray(R"([{"chmod": ["usr/local/bin", 1023]}])") << refused
            << u"'/usr/local/bin' is writable by others"_s << true;
        QTest::newRow("program in /tmp")
            << with(base, u"program"_s, u"/tmp/agent"_s)
            << QByteArray(R"([{"mkdir": "tmp"}, {"chmod": ["tmp", 1023]}, {"write": ["tmp/agent", "agent", 493]}])")
            << refused << u"'/tmp' is writable by others"_s << true;
        QTest::newRow("program is a symlink to a good program")
            << with(base, u"program"_s, u"/usr/local/bin/link"_s)
            << QByteArray(R"([{"symlink": ["usr/local/bin/link", "/usr/local/bin/deroot-test-agent"]}])") << refused
            << u"'/usr/local/bin/link' is a symlink"_s << true;
        QTest::newRow("symlinked directory on the way")
            << with(base, u"program"_s, u"/opt/deroot-test-agent"_s)
            << QByteArray(R"([{"symlink": ["opt", "/usr/local/bin"]}])") << refused << u"'/opt' is a symlink"_s << true;
        QTest::newRow("symlink to a user's file")
            << with(base, u"program"_s, u"/usr/local/bin/mine"_s)
            << QByteArray(R"([{"mkdir": "home/bob"}, {"write": ["home/bob/x", "agent", 511]}, )"
                          R"({"symlink": ["usr/local/bin/mine", "/home/bob/x"]}])")
            << refused << u"is a symlink"_s << true;
        QTest::newRow("program that does not exist")
            << with(base, u"program"_s, u"/usr/local/bin/nothing"_s) << none << notFound << u"does not exist"_s << true;
        QTest::newRow("a directory, not a program")
            << with(base, u"program"_s, u"/usr/local/bin"_s) << none << refused << u"is not a regular file"_s << true;
        QTest::newRow("a FIFO, not a program")
            << with(base, u"program"_s, u"/usr/local/bin/fifo"_s) << QByteArray(R"([{"fifo": "usr/local/bin/fifo"}])")
            << refused << u"is not a regular file"_s << true;
        QTest::newRow("program not executable")
            << json(base) << QByteArray(R"([{"chmod": ["usr/local/bin/deroot-test-agent", 420]}])") << refused
            << u"is not executable"_s << true;
        QTest::newRow("set-uid program") << json(base)
                                         << QByteArray(R"([{"chmod": ["usr/local/bin/deroot-test-agent", 2541]}])")
                                         << refused << u"set-uid or set-gid"_s << true;
        QTest::newRow("set-gid program") << json(base)
                                         << QByteArray(R"([{"chmod": ["usr/local/bin/deroot-test-agent", 1517]}])")
                                         << refused << u"set-uid or set-gid"_s << true;
        QTest::newRow("a shell") << with(base, u"program"_s, u"/usr/bin/bash"_s)
                                 << QByteArray(R"([{"write": ["usr/bin/bash", "agent", 493]}])") << refused
                                 << u"a shell or an interpreter"_s << true;
        QTest::newRow("program path too long") << with(base, u"program"_s, QString(u"/usr/"_s + QString(130, u'a')))
                                               << none << usage << u"at most 128"_s << false;
        QTest::newRow("program path with a space")
            << with(base, u"program"_s, u"/usr/local/bin/deroot test"_s) << none << usage << u"normalised"_s << false;

        // --- the arguments ---
        QTest::newRow("NUL in an argument")
            << with(base, u"arguments"_s, QJsonArray{QString(u"a"_s + QChar(0) + u"b"_s)}) << none << usage
            << u"argument 1 holds a control"_s << false;
        QTest::newRow("newline in an argument") << with(base, u"arguments"_s, QJsonArray{u"-c1"_s, u"x\ny"_s}) << none
                                                << usage << u"argument 2 holds a control"_s << false;
        QTest::newRow("right-to-left override in an argument")
            << with(base, u"arguments"_s, QJsonArray{QString(u"a"_s + QChar(0x202e) + u"b"_s)}) << none << usage
            << u"control or invisible"_s << false;
        QJsonArray many;
        for (int i = 0; i < 33; ++i) {
            many.append(u"x"_s);
        }
        QTest::newRow("too many arguments")
            << with(base, u"arguments"_s, many) << none << usage << u"33 arguments, more than 32"_s << false;
        QTest::newRow("argument too long") << with(base, u"arguments"_s, QJsonArray{QString(129, u'a')}) << none
                                           << usage << u"129 characters long"_s << false;
        QJsonArray wide;
        for (int i = 0; i < 5; ++i) {
            wide.append(QString(120, u'a'));
        }
        QTest::newRow("arguments too long together")
            << with(base, u"arguments"_s, wide) << none << usage << u"can show whole"_s << false;
        QTest::newRow("argument that is a number")
            << with(base, u"arguments"_s, QJsonArray{1}) << none << usage << u"array of strings"_s << false;
        QTest::newRow("arguments as one string")
            << with(base, u"arguments"_s, u"-c1 127.0.0.1"_s) << none << usage << u"array of strings"_s << false;

        // --- the capabilities ---
        QTest::newRow("unknown capability") << with(base, u"capabilities"_s, QJsonArray{u"CAP_FOO"_s}) << none << usage
                                            << u"'CAP_FOO' is not a capability name"_s << false;
        QTest::newRow("capability in lower case") << with(base, u"capabilities"_s, QJsonArray{u"cap_net_raw"_s}) << none
                                                  << usage << u"is not a capability name"_s << false;
        QTest::newRow("root-equivalent capability")
            << with(base, u"capabilities"_s, QJsonArray{u"CAP_NET_RAW"_s, u"CAP_SYS_ADMIN"_s}) << none << usage
            << u"CAP_SYS_ADMIN is a root-equivalent capability"_s << false;
        QTest::newRow("CAP_SETUID") << with(base, u"capabilities"_s, QJsonArray{u"CAP_SETUID"_s}) << none << usage
                                    << u"root-equivalent"_s << false;
        QTest::newRow("capability twice")
            << with(base, u"capabilities"_s, QJsonArray{u"CAP_NET_RAW"_s, u"CAP_NET_RAW"_s}) << none << usage
            << u"listed twice"_s << false;
        QTest::newRow("capability as a number")
            << with(base, u"capabilities"_s, QJsonArray{13}) << none << usage << u"not a capability name"_s << false;

        // --- seconds and mechanism ---
        QTest::newRow("seconds 0") << with(base, u"seconds"_s, 0) << none << usage << u"from 1 to 600"_s << false;
        QTest::newRow("seconds 601") << with(base, u"seconds"_s, 601) << none << usage << u"from 1 to 600"_s << false;
        QTest::newRow("seconds -1") << with(base, u"seconds"_s, -1) << none << usage << u"from 1 to 600"_s << false;
        QTest::newRow("seconds 1.5") << with(base, u"seconds"_s, 1.5) << none << usage << u"whole number"_s << false;
        QTest::newRow("seconds as a string")
            << with(base, u"seconds"_s, u"30"_s) << none << usage << u"whole number"_s << false;
        QTest::newRow("unknown mechanism")
            << with(base, u"mechanism"_s, u"ptrace"_s) << none << usage << u"'mechanism'"_s << false;

        // --- a unit ---
        const auto unit = [](const QJsonValue &name) {
            return json(QJsonObject{{u"version"_s, 1},
                                    {u"target"_s, u"unit"_s},
                                    {u"unit"_s, name},
                                    {u"seconds"_s, 5},
                                    {u"mechanism"_s, u"auto"_s}});
        };
        QTest::newRow("unit --help") << unit(u"--help"_s) << none << usage << u"'unit' must be"_s << false;
        QTest::newRow("unit ../x.service") << unit(u"../x.service"_s) << none << usage << u"'unit' must be"_s << false;
        QTest::newRow("unit starting with -") << unit(u"-x.service"_s) << none << usage << u"'unit' must be"_s << false;
        QTest::newRow("unit with a slash") << unit(u"a/b.service"_s) << none << usage << u"'unit' must be"_s << false;
        QTest::newRow("unit that is a socket")
            << unit(u"ssh.socket"_s) << none << usage << u"'unit' must be"_s << false;
        QTest::newRow("unit .service alone") << unit(u".service"_s) << none << usage << u"'unit' must be"_s << false;
        QTest::newRow("unit with a newline")
            << unit(u"nginx.service\nx.service"_s) << none << usage << u"'unit' must be"_s << false;
        QTest::newRow("unit name too long")
            << unit(QString(QString(250, u'a') + u".service"_s)) << none << usage << u"'unit' must be"_s << false;
        QTest::newRow("unit not loaded") << unit(u"nothing.service"_s) << none << notFound
                                         << u"no unit 'nothing.service' is loaded"_s << true;
        QTest::newRow("unit as a number") << unit(5) << none << usage << u"'unit' must be"_s << false;

        // --- a pid ---
        const auto pid = [](const QJsonValue &value) {
            return json(QJsonObject{{u"version"_s, 1},
                                    {u"target"_s, u"pid"_s},
                                    {u"pid"_s, value},
                                    {u"seconds"_s, 5},
                                    {u"mechanism"_s, u"auto"_s}});
        };
        QTest::newRow("pid 0") << pid(0) << none << usage << u"'pid' must be a process id"_s << false;
        QTest::newRow("pid -1") << pid(-1) << none << usage << u"'pid' must be a process id"_s << false;
        QTest::newRow("pid past PID_MAX_LIMIT") << pid(4194305) << none << usage << u"'pid' must be"_s << false;
        QTest::newRow("pid as a string") << pid(u"4242"_s) << none << usage << u"'pid' must be"_s << false;
        QTest::newRow("pid that does not run") << pid(4243) << none << notFound << u"no process 4243"_s << true;

        // --- the request's form ---
        QTest::newRow("unknown key") << with(base, u"shell"_s, u"/bin/sh"_s) << none << usage
                                     << u"unknown key 'shell' for a command"_s << false;
        QTest::newRow("another target's key")
            << with(base, u"unit"_s, u"nginx.service"_s) << none << usage << u"unknown key 'unit'"_s << false;
        QTest::newRow("missing key") << with(base, u"user"_s, QJsonValue(QJsonValue::Undefined)) << none << usage
                                     << u"'user' is missing"_s << false;
        QTest::newRow("version 2") << with(base, u"version"_s, 2) << none << usage << u"'version' must be 1"_s << false;
        QTest::newRow("unknown target") << with(base, u"target"_s, u"shell"_s) << none << usage << u"'target'"_s
                                        << false;
        QTest::newRow("not an object") << QByteArray("[]") << none << usage << u"one JSON object"_s << false;
        QTest::newRow("not JSON") << QByteArray("{\"version\":1,") << none << usage << u"not JSON"_s << false;
        QTest::newRow("duplicate key, the second one hidden")
            << QByteArray(json(base).chopped(1) + ",\"user\":\"root\"}") << none << usage << u"appears twice"_s
            << false;
        QTest::newRow("duplicate key, escaped") << QByteArray(json(base).chopped(1) + ",\"\\u0075ser\":\"root\"}")
                                                << none << usage << u"appears twice"_s << false;
        QTest::newRow("too large") << with(base, u"padding"_s, QString(70 * 1024, u'a')) << none << usage
                                   << u"more than 65536"_s << false;
        QTest::newRow("too large in bytes, not in characters")
            << with(base, u"padding"_s, QString(30 * 1024, QChar(0x20ac))) << none << usage << u"more than 65536"_s
            << false;
        QTest::newRow("nested too deep") << with(base, u"arguments"_s,
                                                 QJsonArray{QJsonArray{QJsonArray{QJsonArray{
                                                     QJsonArray{QJsonArray{QJsonArray{QJsonArray{QJsonArray{}}}}}}}}})
                                         << none << usage << u"nested deeper"_s << false;
    }

    void hostileRequestsAreRefused()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, setup);
        QFETCH(int, code);
        QFETCH(QString, says);
        QFETCH(bool, asksPolkit);
        auto s = makeSetup();
        QVERIFY(Deroot::TestSupport::applySetup(s->root, QJsonDocument::fromJson(setup).array()));
        // A site's rule that allows every observation: the checks alone must refuse.
        s->polkit.rules.insert(Actions::kObserveRun, FakePolkit::Rule::Yes);
        s->polkit.rules.insert(Actions::kObserveWatch, FakePolkit::Rule::Yes);
        const Answer answer = call(*s, request);
        QVERIFY2(!answer.ok, "accepted");
        QCOMPARE(answer.errorName, Deroot::Core::HelperProtocol::errorName(ExitCode(code)));
        QCOMPARE(Deroot::Core::exitCodeForDBusError(answer.errorName), ExitCode(code));
        QVERIFY2(answer.message.contains(says), qPrintable(u"expected %1 in: %2"_s.arg(says, answer.message)));
        QVERIFY2(!answer.message.contains(u'\n'), qPrintable(answer.message));
        QVERIFY(s->launcher.launched.isEmpty());
        QCOMPARE(s->polkit.calls.isEmpty(), !asksPolkit);
        QVERIFY(!s->service->observing());
        QVERIFY(!s->service->busy());
    }

    // A root-equivalent file capability on the program makes it root whoever runs it.
    void programWithRootEquivalentFileCapabilityIsRefused()
    {
        auto setup = makeSetup();
        setup->polkit.rules.insert(Actions::kObserveRun, FakePolkit::Rule::Yes);
        const QByteArray path = QFile::encodeName(setup->root + Deroot::TestSupport::kTestProgram);
        cap_t caps = cap_from_text("cap_sys_admin,cap_net_raw=ep");
        QVERIFY(caps);
        const int set = cap_set_file(path.constData(), caps);
        cap_free(caps);
        QVERIFY2(set == 0, "cap_set_file failed: the build root's file system takes security.capability");
        const Answer refused = call(*setup, json(command()));
        QVERIFY(!refused.ok);
        QCOMPARE(refused.errorName, Deroot::Core::HelperProtocol::Errors::kRefused);
        QVERIFY2(refused.message.contains(u"root-equivalent file capabilities CAP_SYS_ADMIN"_s),
                 qPrintable(refused.message));
        QVERIFY(setup->launcher.launched.isEmpty());
        // cap_net_raw alone, as Debian's fping has it, is what observing is for.
        caps = cap_from_text("cap_net_raw=ep");
        QVERIFY(cap_set_file(path.constData(), caps) == 0);
        cap_free(caps);
        const Answer allowed = call(*setup, json(command()));
        QVERIFY2(allowed.ok, qPrintable(allowed.message));
        QCOMPARE(setup->launcher.launched.size(), 1);
    }

    // D-Bus types other than the one string are not Observe at all: nothing runs.
    void wrongDBusTypesAreRefused_data()
    {
        QTest::addColumn<QVariantList>("arguments");
        QTest::newRow("an integer") << QVariantList{42};
        QTest::newRow("bytes") << QVariantList{QByteArray(json(command()))};
        QTest::newRow("two strings") << QVariantList{QString::fromUtf8(json(command())), u"x"_s};
        QTest::newRow("nothing") << QVariantList{};
    }

    void wrongDBusTypesAreRefused()
    {
        QFETCH(QVariantList, arguments);
        auto setup = makeSetup();
        setup->polkit.rules.insert(Actions::kObserveRun, FakePolkit::Rule::Yes);
        const Answer answer = call(*setup, arguments);
        QVERIFY(!answer.ok);
        QVERIFY2(answer.errorName.startsWith(u"org.freedesktop.DBus.Error."_s), qPrintable(answer.errorName));
        QVERIFY(setup->launcher.launched.isEmpty());
        QVERIFY(setup->polkit.calls.isEmpty());
    }

    // A unit and a pid that exist: watched with observe.watch, the details naming them.
    void unitAndPidAreWatched()
    {
        auto setup = makeSetup();
        setup->polkit.rules.insert(Actions::kObserveWatch, FakePolkit::Rule::Yes);
        const Answer unit =
            call(*setup,
                 QByteArray(R"({"version":1,"target":"unit","unit":"nginx.service","seconds":7,"mechanism":"ebpf"})"));
        QVERIFY2(unit.ok, qPrintable(unit.message));
        const Answer pid =
            call(*setup, QByteArray(R"({"version":1,"target":"pid","pid":4242,"seconds":600,"mechanism":"strace"})"));
        QVERIFY2(pid.ok, qPrintable(pid.message));
        QCOMPARE(
            setup->launcher.launched,
            (QList<QStringList>{{u"--mechanism"_s, u"ebpf"_s, u"--seconds"_s, u"7"_s, u"--unit"_s, u"nginx.service"_s},
                                {u"--mechanism"_s, u"strace"_s, u"--seconds"_s, u"600"_s, u"--pid"_s, u"4242"_s}}));
        QCOMPARE(setup->polkit.calls.size(), 2);
        QCOMPARE(setup->polkit.calls.at(0).details.value(u"watched"_s), u"unit nginx.service"_s);
        QCOMPARE(setup->polkit.calls.at(0).details.value(u"program"_s), u"none"_s);
        QCOMPARE(setup->polkit.calls.at(1).details.value(u"watched"_s), u"process 4242"_s);
        QCOMPARE(setup->polkit.calls.at(1).details.value(u"pid"_s), u"4242"_s);
        QCOMPARE(setup->polkit.calls.at(1).details.value(u"seconds"_s), u"600"_s);
    }

    // deroot-observer's own failure comes back with its exit code and its last word.
    void observerFailureKeepsItsExitCode_data()
    {
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("lastWord");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("says");
        QTest::newRow("eBPF forced and unavailable")
            << 3 << u"eBPF is not available: no BTF"_s << int(ExitCode::Unavailable) << u"no BTF"_s;
        QTest::newRow("the unit is not running")
            << 4 << u"the unit is not running"_s << int(ExitCode::NotFound) << u"not running"_s;
        QTest::newRow("a crash, no last word") << 255 << QString() << int(ExitCode::Failure) << u"exit status 255"_s;
    }

    void observerFailureKeepsItsExitCode()
    {
        QFETCH(int, exitCode);
        QFETCH(QString, lastWord);
        QFETCH(int, expected);
        QFETCH(QString, says);
        auto setup = makeSetup();
        setup->polkit.rules.insert(Actions::kObserveRun, FakePolkit::Rule::Yes);
        setup->launcher.reply = ObserverRun{true, exitCode, {}, false, false, lastWord, {}};
        std::optional<Deroot::Core::Result<QByteArray>> result;
        Deroot::Core::ObserveRequest request;
        request.program = Deroot::TestSupport::kTestProgram;
        request.user = u"agent"_s;
        setup->client->observe(request, [&](const Deroot::Core::Result<QByteArray> &r) { result = r; });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
        QVERIFY(!result->ok());
        QCOMPARE(int(result->error().code), expected);
        QVERIFY2(result->error().message.contains(says), qPrintable(result->error().message));
    }

    // One observation at a time; an apply may go on beside one, but no observation starts while an
    // apply is being authorized, and the helper does not exit while one runs.
    void oneObservationAtATime()
    {
        auto setup = makeSetup();
        setup->polkit.rules.insert(Actions::kObserveRun, FakePolkit::Rule::Yes);
        setup->launcher.hold = true;
        QDBusMessage message = QDBusMessage::createMethodCall(Deroot::Core::HelperProtocol::kServiceName,
                                                              Deroot::Core::HelperProtocol::kObjectPath,
                                                              Deroot::Core::HelperProtocol::kInterface, u"Observe"_s);
        message.setArguments({QString::fromUtf8(json(command()))});
        QDBusPendingCallWatcher first(setup->clientBus.asyncCall(message, 10000));
        QVERIFY(QTest::qWaitFor([&] { return setup->launcher.held.size() == 1; }, 10000));
        QVERIFY(setup->service->observing());
        QVERIFY(!setup->service->busy());

        const Answer second = call(*setup, json(command()));
        QCOMPARE(second.errorName, Deroot::Core::HelperProtocol::Errors::kBusy);
        QVERIFY2(second.message.contains(u"another observation"_s), qPrintable(second.message));
        QCOMPARE(setup->launcher.launched.size(), 1);

        // An apply beside it: the engine's own one-at-a-time rules apply, not the observation's.
        setup->polkit.rules.insert(Actions::kUsers, FakePolkit::Rule::Yes);
        setup->polkit.rules.insert(Actions::kCapabilities, FakePolkit::Rule::Yes);
        setup->polkit.rules.insert(Actions::kUnits, FakePolkit::Rule::Yes);
        std::optional<Deroot::Core::Result<Deroot::Core::ApplyOutcome>> applied;
        setup->client->apply(Deroot::Core::ApplyRequest{QByteArray("plan"), {}}, 0,
                             [&](const Deroot::Core::Result<Deroot::Core::ApplyOutcome> &r) { applied = r; });
        QVERIFY(QTest::qWaitFor([&] { return applied.has_value(); }, 10000));
        QVERIFY2(applied->ok(), qPrintable(applied->ok() ? QString() : applied->error().message));

        std::optional<Deroot::Core::Result<QJsonObject>> status;
        setup->client->status([&](const Deroot::Core::Result<QJsonObject> &r) { status = r; });
        QVERIFY(QTest::qWaitFor([&] { return status.has_value(); }, 10000));
        QVERIFY(status->ok());
        QCOMPARE((*status)->value(u"observing"_s).toBool(), true);

        setup->launcher.held.takeFirst()(ObserverRun{true, 0, kRecording, false, false, {}, {}});
        QVERIFY(QTest::qWaitFor([&] { return first.isFinished(); }, 10000));
        QCOMPARE(first.reply().arguments().value(0).toString().toUtf8(), kRecording);
        QVERIFY(!setup->service->observing());

        // While an apply is being authorized (a prompt left open), an observation is Busy.
        setup->polkit.rules.clear();
        setup->polkit.agent = FakePolkit::Agent::Hangs;
        std::optional<Deroot::Core::Result<Deroot::Core::ApplyOutcome>> waiting;
        setup->client->apply(Deroot::Core::ApplyRequest{QByteArray("plan2"), {}}, 0,
                             [&](const Deroot::Core::Result<Deroot::Core::ApplyOutcome> &r) { waiting = r; });
        QVERIFY(QTest::qWaitFor([&] { return setup->polkit.held.size() == 1; }, 10000));
        setup->polkit.rules.insert(Actions::kObserveRun, FakePolkit::Rule::Yes);
        const Answer during = call(*setup, json(command()));
        QCOMPARE(during.errorName, Deroot::Core::HelperProtocol::Errors::kBusy);
        QCOMPARE(setup->launcher.launched.size(), 1);
        setup->polkit.held.takeFirst()(AuthAnswer::No);
        QVERIFY(QTest::qWaitFor([&] { return waiting.has_value(); }, 10000));
    }

    // Tried as an attacker: program arguments that spell the observer's own options (another user,
    // a root-equivalent capability, a second "--") stay the program's, after the first "--"; the
    // observer runs as the prompt says, and the prompt shows those arguments as they are.
    void argumentsThatSpellObserverOptionsStayTheProgramsOwn()
    {
        auto setup = makeSetup();
        setup->polkit.rules.insert(Actions::kObserveRun, FakePolkit::Rule::Yes);
        Deroot::Core::ObserveRequest request;
        request.program = Deroot::TestSupport::kTestProgram;
        request.arguments = {u"--user"_s, u"root"_s, u"--capabilities"_s, u"CAP_SYS_ADMIN"_s, u"--"_s, u"--unit"_s};
        request.user = u"agent"_s;
        request.seconds = 5;
        std::optional<Deroot::Core::Result<QByteArray>> result;
        setup->client->observe(request, [&](const Deroot::Core::Result<QByteArray> &r) { result = r; });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
        QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().message));
        QCOMPARE(setup->launcher.launched.size(), 1);
        const QStringList launched = setup->launcher.launched.first();
        const qsizetype dashes = launched.indexOf(u"--"_s);
        QCOMPARE(launched.mid(0, dashes),
                 (QStringList{u"--mechanism"_s, u"auto"_s, u"--seconds"_s, u"5"_s, u"--user"_s, u"agent"_s}));
        QCOMPARE(launched.mid(dashes + 1), QStringList{Deroot::TestSupport::kTestProgram} + request.arguments);
        const FakePolkit::Call &asked = setup->polkit.calls.first();
        QCOMPARE(asked.details.value(u"user"_s), u"agent"_s);
        QCOMPARE(asked.details.value(u"capabilities"_s), u"none"_s);
        QCOMPARE(asked.details.value(u"arguments"_s), u"--user, root, --capabilities, CAP_SYS_ADMIN, --, --unit"_s);
    }

    // What systemd-run is asked: the observer beside the helper, after "--", with the
    // request's arguments; no environment expansion; a time limit; collected when done.
    void systemdRunCommandLine()
    {
        const QStringList observer{u"--mechanism"_s, u"auto"_s, u"--seconds"_s,      u"5"_s,    u"--user"_s,
                                   u"agent"_s,       u"--"_s,   u"/usr/bin/fping"_s, u"$HOME"_s};
        const QStringList line =
            SystemdRunLauncher::systemdRunArguments(u"deroot-observer-1.service"_s, observer, 5, 1000);
        const qsizetype dashes = line.indexOf(u"--"_s);
        QVERIFY(dashes > 0);
        QCOMPARE(line.at(dashes + 1), observerProgram());
        QVERIFY(observerProgram().startsWith(u'/'));
        QVERIFY(observerProgram().endsWith(u"/deroot-observer"_s));
        QCOMPARE(line.mid(dashes + 2), observer);
        const QStringList options = line.mid(0, dashes);
        for (const QString &option :
             {u"--pipe"_s, u"--wait"_s, u"--collect"_s, u"--quiet"_s, u"--expand-environment=no"_s,
              u"--unit=deroot-observer-1.service"_s, u"--property=RuntimeMaxSec=%1"_s.arg(5 + kObserveMarginSeconds)}) {
            QVERIFY2(options.contains(option), qPrintable(option));
        }
        // Nothing of the caller's environment, no other user, no shell.
        for (const QString &option : options) {
            QVERIFY2(!option.startsWith(u"--setenv"_s) && !option.startsWith(u"-E"_s) &&
                         !option.startsWith(u"--uid"_s) && !option.startsWith(u"--property=User"_s),
                     qPrintable(option));
        }
    }
};

QTEST_GUILESS_MAIN(ObserveTest)
#include "observe_test.moc"
