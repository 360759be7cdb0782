// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// deroot-observer: watches an agent run and writes what it did as an event stream
// (docs/observe-json.md), for derootctl observe (run as root) and, later, the helper. It runs as
// root and takes only typed arguments: what to watch, for how long, as whom, with which
// capabilities. It never changes the system beyond the transient scope it watches the agent in.
#include "app/observer/bpfrecorder.h"
#include "app/observer/record.h"
#include "core/base/exitcode.h"
#include "core/base/utf8locale.h"
#include "core/model/capabilities.h"
#include "core/observe/eventstream.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStandardPaths>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Deroot;

namespace {

constexpr int kMaxSeconds = 3600;

int usage(const QString &message)
{
    std::fprintf(stderr,
                 "deroot-observer: %s\n"
                 "Usage: deroot-observer [--mechanism auto|ebpf|strace] [--seconds N] [--user USER]\n"
                 "                       [--capabilities CAP_A,CAP_B] (--unit NAME | --pid PID | -- PROGRAM ARGS...)\n",
                 qPrintable(message));
    return int(Core::ExitCode::Usage);
}

int fail(const Core::Error &error)
{
    std::fprintf(stderr, "deroot-observer: %s\n", qPrintable(error.message));
    return int(error.code);
}

void requestStop(int)
{
    Observer::g_stopRequested = true;
}

} // namespace

int main(int argc, char **argv)
{
    Core::preferUtf8Locale();
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);

    QString mechanism = u"auto"_s;
    int seconds = 30;
    QString user;
    QList<int> capabilities;
    Observer::RecordRequest request;
    bool haveTarget = false;
    while (!args.isEmpty()) {
        const QString arg = args.takeFirst();
        const auto value = [&](QString *out) {
            if (args.isEmpty()) {
                return false;
            }
            *out = args.takeFirst();
            return true;
        };
        QString text;
        if (arg == u"--"_s) {
            if (haveTarget) {
                return usage(u"give one of --unit, --pid or -- PROGRAM"_s);
            }
            if (args.isEmpty()) {
                return usage(u"no program after --"_s);
            }
            request.target.kind = Observer::Target::Command;
            request.target.command = args;
            args.clear();
            haveTarget = true;
        } else if (arg == u"--mechanism"_s) {
            if (!value(&mechanism) || (mechanism != u"auto"_s && mechanism != u"ebpf"_s && mechanism != u"strace"_s)) {
                return usage(u"--mechanism takes auto, ebpf or strace"_s);
            }
        } else if (arg == u"--seconds"_s) {
            bool ok = false;
            seconds = value(&text) ? text.toInt(&ok) : 0;
            if (!ok || seconds < 1 || seconds > kMaxSeconds) {
                return usage(u"--seconds takes a whole number from 1 to "_s + QString::number(kMaxSeconds));
            }
        } else if (arg == u"--user"_s) {
            if (!value(&user) || user.isEmpty()) {
                return usage(u"--user takes a user name"_s);
            }
        } else if (arg == u"--capabilities"_s) {
            if (!value(&text)) {
                return usage(u"--capabilities takes a list such as CAP_NET_RAW,CAP_NET_BIND_SERVICE"_s);
            }
            for (const QString &name : text.split(u',', Qt::SkipEmptyParts)) {
                const auto info = Core::capabilityByName(name.trimmed().toUpper());
                if (!info) {
                    return usage(u"--capabilities: unknown capability \""_s + name + u'"');
                }
                if (!capabilities.contains(info->number)) {
                    capabilities.append(info->number);
                }
            }
            std::sort(capabilities.begin(), capabilities.end());
        } else if (arg == u"--unit"_s || arg == u"--pid"_s) {
            if (haveTarget) {
                return usage(u"give one of --unit, --pid or -- PROGRAM"_s);
            }
            if (!value(&text) || text.isEmpty()) {
                return usage(arg + u" takes a value"_s);
            }
            if (arg == u"--unit"_s) {
                request.target.kind = Observer::Target::Unit;
                request.target.unit = text;
            } else {
                bool ok = false;
                request.target.kind = Observer::Target::Pid;
                request.target.pid = text.toInt(&ok);
                if (!ok || request.target.pid < 1) {
                    return usage(u"--pid takes a process id"_s);
                }
            }
            haveTarget = true;
        } else {
            return usage(u"unknown argument \""_s + arg + u'"');
        }
    }
    if (!haveTarget) {
        return usage(u"nothing to watch: give --unit NAME, --pid PID or -- PROGRAM ARGS..."_s);
    }
    if (request.target.kind != Observer::Target::Command && (!user.isEmpty() || !capabilities.isEmpty())) {
        return usage(u"--user and --capabilities are for a program it starts, not for --unit or --pid"_s);
    }
    if (geteuid() != 0) {
        return fail({Core::ExitCode::Permission,
                     u"watching an agent takes root: run derootctl observe as root, or through the helper"_s});
    }
    request.durationNs = std::int64_t(seconds) * 1'000'000'000;
    request.capabilities = capabilities;
    if (request.target.kind == Observer::Target::Command) {
        QString &program = request.target.command.first();
        if (!program.contains(u'/')) {
            const QString found = QStandardPaths::findExecutable(program);
            if (found.isEmpty()) {
                return fail({Core::ExitCode::NotFound, u"no program \""_s + program + u"\" on the PATH"_s});
            }
            program = found;
        }
        program = QFileInfo(program).absoluteFilePath();
        if (!QFileInfo(program).isExecutable()) {
            return fail({Core::ExitCode::NotFound, u"no program "_s + program});
        }
        const auto identity = Observer::lookupIdentity(user.isEmpty() ? u"root"_s : user);
        if (!identity.ok()) {
            return fail(identity.error());
        }
        request.identity = *identity;
        if (request.identity.uid == 0 && !capabilities.isEmpty()) {
            return usage(u"--capabilities narrows what a service user is given; root has them all"_s);
        }
    }

    struct sigaction action = {};
    action.sa_handler = requestStop;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGHUP, &action, nullptr);

    Core::Result<Core::EventStream> events = Core::Error{Core::ExitCode::Failure, u"not recorded"_s};
    QStringList notes;
    if (mechanism == u"strace"_s) {
        events = Observer::recordWithStrace(request);
    } else {
        auto recorder = Observer::BpfRecorder::open();
        if (recorder.ok()) {
            events = Observer::recordWithEbpf(**recorder, request);
        } else if (mechanism == u"ebpf"_s) {
            return fail({Core::ExitCode::Unavailable, u"eBPF is not available: "_s + recorder.error().message});
        } else {
            notes.append(u"eBPF is not available ("_s + recorder.error().message +
                         u"): observed with strace instead."_s);
            events = Observer::recordWithStrace(request);
        }
    }
    if (!events.ok()) {
        return fail(events.error());
    }
    if (events->info) {
        events->info->notes = notes + events->info->notes;
    }
    const QByteArray out = Core::writeEventStream(*events);
    if (std::fwrite(out.constData(), 1, size_t(out.size()), stdout) != size_t(out.size()) || std::fflush(stdout) != 0) {
        return fail({Core::ExitCode::Failure, u"could not write the recording"_s});
    }
    return 0;
}
