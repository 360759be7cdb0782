// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// derootctl observe: watches an agent run (deroot-observer, as root) and says what it needs, in the
// same needs structure as inspect, with each capability's verdict and evidence
// (docs/observe-json.md). Started as a service user, an agent that was refused a capability is
// observed again with it, until nothing new appears.
#include "app/cli/args.h"
#include "app/cli/command.h"
#include "app/cli/helpercall.h"

#include "core/base/deroot.h"
#include "core/client/helperclient.h"
#include "core/model/capabilities.h"
#include "core/observe/eventstream.h"
#include "core/observe/rounds.h"
#include "core/plan/observerequest.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("derootctl", text);
}

QString observerPath()
{
    return Core::libexecDirectory() + u"/deroot-observer"_s;
}

QString capabilityName(int number)
{
    const auto info = Core::capabilityByNumber(number);
    return info ? QString::fromLatin1(info->name) : u"cap_"_s + QString::number(number);
}

// One run of deroot-observer as root; its error output (the agent's, and its own last word) goes
// through.
Core::Result<Core::EventStream> runObserver(const QStringList &arguments, Io &io)
{
    QProcess observer;
    observer.setProcessChannelMode(QProcess::SeparateChannels);
    observer.start(observerPath(), arguments);
    if (!observer.waitForStarted(30000)) {
        return Core::Error{Core::ExitCode::Unavailable,
                           tr("could not start %1: %2").arg(observerPath(), observer.errorString())};
    }
    observer.closeWriteChannel();
    // No time limit here: the observer keeps its own (--seconds), and ends the agent with it.
    observer.waitForFinished(-1);
    const QByteArray errors = observer.readAllStandardError();
    for (const QByteArray &line : errors.split('\n')) {
        if (!line.startsWith("deroot-observer: ") && !line.isEmpty()) {
            io.err << QString::fromLocal8Bit(line) << Qt::endl;
        }
    }
    if (observer.exitStatus() != QProcess::NormalExit || observer.exitCode() != 0) {
        return Core::observerFailure(observer.exitStatus() != QProcess::NormalExit, observer.exitCode(), errors);
    }
    return Core::readObserverRecording(observer.readAllStandardOutput());
}

// One run through the helper (Observe, one authorization per run): what it replies is
// deroot-observer's standard output. The agent's own output stays with the helper: it ran as
// another user.
Core::Result<Core::EventStream> observeThroughHelper(const Core::ObserveRequest &request, bool askPassword)
{
    Core::HelperClient client;
    std::optional<TextAgent> agent;
    if (askPassword) {
        agent.emplace();
    }
    const Core::Result<QByteArray> recording =
        wait<QByteArray>([&](auto done) { client.observe(request, std::move(done)); });
    agent.reset();
    if (!recording) {
        return recording.error();
    }
    return Core::readObserverRecording(*recording);
}

// The program as the helper takes it: an absolute path without symlinks (the helper refuses one
// anywhere on the way), found on the PATH as deroot-observer would find it.
QString resolvedProgram(const QString &program)
{
    const QString found = program.contains(u'/') ? program : QStandardPaths::findExecutable(program);
    if (found.isEmpty()) {
        return program;
    }
    const QString canonical = QFileInfo(found).canonicalFilePath();
    return canonical.isEmpty() ? QFileInfo(found).absoluteFilePath() : canonical;
}

} // namespace

int runObserve(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, commandNamed("observe"));
    const bool json = args.flag("json");
    if (!args.error().isEmpty()) {
        return fail(io, "observe", {Core::ExitCode::Usage, args.error()}, json);
    }
    const auto usage = [&](const QString &message) {
        return fail(io, "observe", {Core::ExitCode::Usage, message}, json);
    };
    const int targets =
        int(args.has("pid")) + int(args.has("unit")) + int(!args.positionals().isEmpty()) + int(args.has("replay"));
    if (targets != 1) {
        return usage(tr("give exactly one target: -- PROGRAM ARGS..., --pid PID, --unit NAME or --replay FILE"));
    }
    int rounds = Core::kDefaultObserveRounds;
    if (args.has("rounds")) {
        bool ok = false;
        rounds = args.option("rounds").toInt(&ok);
        if (!ok || rounds < 1 || rounds > Core::kMaxObserveRounds) {
            return usage(tr("--rounds takes a whole number from 1 to %1").arg(Core::kMaxObserveRounds));
        }
    }
    QList<int> given;
    if (args.has("capabilities")) {
        for (const QByteArray &name : args.option("capabilities").split(',')) {
            const auto info = Core::capabilityByName(QString::fromLatin1(name.trimmed()).toUpper());
            if (!info) {
                return usage(tr("--capabilities: unknown capability \"%1\"").arg(QString::fromLocal8Bit(name)));
            }
            given.append(info->number);
        }
    }
    if (args.has("mechanism")) {
        const QByteArray mechanism = args.option("mechanism");
        if (mechanism != "auto" && mechanism != "ebpf" && mechanism != "strace") {
            return usage(tr("--mechanism takes auto, ebpf or strace"));
        }
    }

    // As root, deroot-observer runs here; otherwise the helper runs it, after polkit's yes
    // (io.github.deroot.observe.run or .watch), once per round.
    const bool throughHelper = geteuid() != 0;
    const bool command = !args.positionals().isEmpty();
    std::optional<Core::ObservationRounds> observed;
    if (args.has("replay")) {
        // A recording made earlier (deroot-observer's output, or a test fixture): no root needed.
        QFile file(QString::fromLocal8Bit(args.option("replay")));
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(io, "observe",
                        {Core::ExitCode::NotFound, tr("cannot read %1: %2").arg(file.fileName(), file.errorString())},
                        json);
        }
        auto events = Core::readEventStream(file.readAll());
        if (!events.ok()) {
            return fail(io, "observe", {Core::ExitCode::BadTarget, file.fileName() + u": "_s + events.error().message},
                        json);
        }
        if (!events->info) {
            return fail(io, "observe",
                        {Core::ExitCode::BadTarget, tr("%1 has no \"recording\" line").arg(file.fileName())}, json);
        }
        observed.emplace(QList<int>{}, 1, false, false);
        observed->add(*events);
    } else {
        if (!command && (args.has("user") || args.has("capabilities"))) {
            return usage(tr("--user and --capabilities are for a program observe starts, not --pid or --unit"));
        }
        QStringList base;
        if (args.has("mechanism")) {
            base << u"--mechanism"_s << QString::fromLatin1(args.option("mechanism"));
        }
        if (args.has("seconds")) {
            base << u"--seconds"_s << QString::fromLocal8Bit(args.option("seconds"));
        }
        const QString user = args.has("user") ? QString::fromLocal8Bit(args.option("user")) : u"nobody"_s;
        if (!command) {
            base << (args.has("pid") ? u"--pid"_s : u"--unit"_s)
                 << QString::fromLocal8Bit(args.option(args.has("pid") ? "pid" : "unit"));
        }
        // Started as a service user: what it was refused in one round, it is given in the next.
        observed.emplace(given, rounds, command, throughHelper);
        bool again = true;
        while (again) {
            const QList<int> capabilities = observed->capabilities();
            QStringList arguments = base;
            if (command) {
                arguments << u"--user"_s << user;
                if (!capabilities.isEmpty()) {
                    arguments << u"--capabilities"_s << Core::capabilityNames(capabilities);
                }
                arguments << u"--"_s;
                for (const QByteArray &arg : args.positionals()) {
                    arguments << QString::fromLocal8Bit(arg);
                }
            }
            Core::Result<Core::EventStream> events = Core::Error{Core::ExitCode::Failure, QString()};
            if (throughHelper) {
                Core::ObserveRequest request;
                request.mechanism = args.has("mechanism") ? QString::fromLatin1(args.option("mechanism")) : u"auto"_s;
                bool secondsOk = true;
                request.seconds = args.has("seconds") ? args.option("seconds").toInt(&secondsOk) : 30;
                if (!secondsOk || request.seconds < 1 || request.seconds > Core::kMaxObserveSeconds) {
                    return usage(tr("--seconds takes a whole number from 1 to %1 when the helper observes (run as "
                                    "root for longer)")
                                     .arg(Core::kMaxObserveSeconds));
                }
                if (command) {
                    request.target = Core::ObserveRequest::Target::Command;
                    request.program = resolvedProgram(QString::fromLocal8Bit(args.positionals().first()));
                    for (const QByteArray &arg : args.positionals().mid(1)) {
                        request.arguments << QString::fromLocal8Bit(arg);
                    }
                    request.user = user;
                    for (const int cap : capabilities) {
                        request.capabilities << capabilityName(cap);
                    }
                } else if (args.has("pid")) {
                    request.target = Core::ObserveRequest::Target::Pid;
                    bool pidOk = false;
                    request.pid = args.option("pid").toLongLong(&pidOk);
                    if (!pidOk) {
                        return usage(tr("--pid takes a process id"));
                    }
                } else {
                    request.target = Core::ObserveRequest::Target::Unit;
                    request.unit = QString::fromLocal8Bit(args.option("unit"));
                }
                events = observeThroughHelper(request, !args.flag("no-ask-password"));
            } else {
                events = runObserver(arguments, io);
            }
            if (!events.ok()) {
                return fail(io, "observe", events.error(), json);
            }
            again = observed->add(*events);
        }
    }
    return printResult(io, json, observed->document(), json ? QString() : observed->text());
}

} // namespace Deroot::Cli
