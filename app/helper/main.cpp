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

// `deroot-helper --reconcile-caps`: the package manager's drift repair (debian/deroot-cli.triggers,
// debian/deroot-cli.apt.conf), run as root by dpkg's trigger or apt's DPkg::Post-Invoke hook. A
// root-only entry point with no D-Bus and no polkit: it takes no input but the root-only journal,
// so nothing a caller says can shape what it sets, and it works in a chroot or an upgrade where
// neither the bus nor polkitd runs. It never fails the package operation: every outcome exits 0
// and is told on standard error (dpkg's and apt's output) and in the system journal.
int reconcileCapabilities()
{
    using namespace Deroot::Helper;
    if (geteuid() != 0) {
        return fail("--reconcile-caps must run as root (the package manager's trigger and hook run it)");
    }
    Engine engine(System::real());
    const auto items = engine.reconcileCapabilities(QString(), 0);
    if (!items) {
        // Busy (an apply or rollback holds the engine's lock) or no journal: nothing to do now; the
        // next package run, or derootctl reconcile, tries again.
        (void)std::fprintf(stderr, "deroot-helper: reconcile: skipped: %s\n", qPrintable(items.error().message));
        return 0;
    }
    for (const ReconcileItem &item : *items) {
        if (item.outcome != QLatin1String("holding")) {
            (void)std::fprintf(stderr, "deroot-helper: reconcile: %s %s (apply %s, %s): %s\n", qPrintable(item.outcome),
                               qPrintable(item.program), qPrintable(item.applyId), qPrintable(item.agent),
                               qPrintable(item.message));
        }
    }
    return 0;
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
    if (argc == 2 && std::strcmp(argv[1], "--reconcile-caps") == 0) {
        hardenProcess();
        QCoreApplication app(argc, argv);
        return reconcileCapabilities();
    }
    if (argc != 1) {
        return fail("takes no arguments (it is started by D-Bus) but --version and --reconcile-caps");
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
    // An authorization past its limit was refused, but its prompt may still be open on the admin's
    // screen, and a yes typed into it later must find nobody to act on it. polkitd drops the
    // prompts of a caller that leaves the bus, so the helper leaves, with an exit status the unit
    // restarts (Restart=on-failure); the next start recovers and resumes a pending confirmation's
    // deadline.
    QObject::connect(&service, &HelperService::authorizationAbandoned, &app, [&bus] {
        // A round trip to the bus daemon: the refusal sent before it has left once it returns.
        bus.interface()->isServiceRegistered(Deroot::Core::HelperProtocol::kServiceName);
        (void)std::fprintf(stderr, "deroot-helper: an authorization was not answered in time; restarting to end it\n");
        // _exit, not a return from main(): nothing of the abandoned call may run on the way out.
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
