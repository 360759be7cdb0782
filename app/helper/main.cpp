// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/engine.h"
#include "app/helper/observe.h"
#include "app/helper/polkitauthorizer.h"
#include "app/helper/processrunner.h"
#include "app/helper/service.h"

#include "core/base/deroot.h"
#include "core/base/exitcode.h"
#include "core/plan/helperprotocol.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMetaType>

#include <cstdio>
#include <cstring>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// The helper holds plans and journal state as root: no core dump, no ptrace by the same uid's
// other processes, and nothing it creates readable by others unless it says so.
void hardenProcess()
{
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    umask(077);
}

// EX_TEMPFAIL: a deliberate exit after which the unit's Restart=on-failure starts the helper again.
constexpr int kExitRestart = 75;

int fail(const char *message)
{
    (void)std::fprintf(stderr, "deroot-helper: %s\n", message);
    return Deroot::Core::toInt(Deroot::Core::ExitCode::Unavailable);
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace Deroot::Helper;
    // The helper reads no arguments from anyone but its own service file; --version is the one
    // exception, for packaging checks.
    if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
        QCoreApplication app(argc, argv);
        std::printf("deroot-helper %s\n", qPrintable(Deroot::Core::version()));
        return 0;
    }
    if (argc != 1) {
        return fail("takes no arguments (it is started by D-Bus)");
    }
    hardenProcess();
    QCoreApplication app(argc, argv);
    if (geteuid() != 0) {
        return fail("must run as root (it is started by D-Bus as deroot-helper.service)");
    }
    qDBusRegisterMetaType<QMap<QString, QByteArray>>();

    Engine engine(System::real());
    // An apply the previous helper left unfinished, or whose confirmation deadline passed, is
    // undone before anyone can call.
    for (const QString &line : engine.recover()) {
        (void)std::fprintf(stderr, "deroot-helper: recovery: %s\n", qPrintable(line));
    }
    EngineAdapter adapter(engine);
    PolkitAuthorizer authorizer;
    HelperService service(adapter, authorizer);
    // Observe's system side: the real root, the real programs and systemd-run. Nothing of it comes
    // from a caller.
    ProcessRunner runner;
    SystemdRunLauncher launcher;
    Observer observer(Observer::Setup{QStringLiteral("/"), QStringLiteral("/proc"), &runner, &launcher, true});
    service.setObserver(&observer);
    // Prove's: the real root, systemd-run for the trials and for the check run as the caller.
    Prover prover(Prover::Setup{QStringLiteral("/"), &runner, {}, {}, true, {}});
    service.setProver(&prover);
#ifdef DEROOT_CRASH_HOOK
    // Test-only, like the engine's crash hook (never in a release build): a short limit on an
    // authorization, so that the test host can see an abandoned prompt end in an exit with 75 and
    // a restart without waiting the real five minutes (tests/host/authtimeout_test.cpp).
    if (const int limitMs = qEnvironmentVariableIntValue("DEROOT_TEST_AUTHORIZATION_TIMEOUT_MS"); limitMs > 0) {
        service.setAuthorizationTimeout(limitMs);
    }
#endif
    QObject::connect(&service, &HelperService::idleExpired, &app, &QCoreApplication::quit);

    QDBusConnection bus = QDBusConnection::systemBus();
    // An authorization past its limit was refused, but polkit-qt6's check cannot be cancelled: it
    // keeps a worker thread, and every later check queued behind it, waiting on the open prompt.
    // polkitd drops the prompts of a caller that leaves the bus, so the helper leaves, with an exit
    // status the unit restarts (Restart=on-failure); the next start recovers and resumes a pending
    // confirmation's deadline.
    QObject::connect(&service, &HelperService::authorizationAbandoned, &app, [&bus] {
        // A round trip to the bus daemon: the refusal sent before it has left once it returns.
        bus.interface()->isServiceRegistered(Deroot::Core::HelperProtocol::kServiceName);
        (void)std::fprintf(stderr, "deroot-helper: an authorization was not answered in time; restarting to end it\n");
        // _exit, not a return from main(): the blocked worker thread still uses polkit-qt6's
        // Authority, which the static destructors would tear down under it.
        (void)std::fflush(stderr);
        ::_exit(kExitRestart);
    });
    if (!bus.isConnected()) {
        return fail("cannot connect to the system bus");
    }
    if (!bus.registerObject(Deroot::Core::HelperProtocol::kObjectPath, &service,
                            QDBusConnection::ExportScriptableSlots | QDBusConnection::ExportScriptableSignals)) {
        return fail("cannot register the service object");
    }
    if (!bus.registerService(Deroot::Core::HelperProtocol::kServiceName)) {
        return fail("cannot own io.github.deroot.Helper1 (another helper runs, or the bus policy is missing)");
    }
    service.resumePending();
    return app.exec();
}
