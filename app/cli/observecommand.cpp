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
#include "core/observe/observation.h"
#include "core/plan/observerequest.h"
#include "core/rules/rules.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Cli {

namespace {

constexpr int kMaxRounds = 8;

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

QString capabilityList(const QList<int> &capabilities)
{
    QStringList names;
    for (int cap : capabilities) {
        names.append(capabilityName(cap));
    }
    return names.join(u',');
}

// deroot-observer exits with derootctl's own codes (core/base/exitcode.h).
Core::ExitCode exitCodeOf(int code)
{
    return code > 0 && code <= Core::toInt(Core::ExitCode::NotAuthorized) ? Core::ExitCode(code)
                                                                          : Core::ExitCode::Failure;
}

// deroot-observer's standard output, however it was run: one reading of it.
Core::Result<Core::EventStream> readRecording(const QByteArray &recording)
{
    auto events = Core::readEventStream(recording);
    if (!events.ok()) {
        return Core::Error{Core::ExitCode::Failure,
                           tr("deroot-observer wrote a recording that does not read: %1").arg(events.error().message)};
    }
    if (!events->info) {
        return Core::Error{Core::ExitCode::Failure, tr("deroot-observer wrote no recording line")};
    }
    return events;
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
    QString lastWord;
    for (const QByteArray &line : errors.split('\n')) {
        if (line.startsWith("deroot-observer: ")) {
            lastWord = QString::fromUtf8(line.mid(17));
        } else if (!line.isEmpty()) {
            io.err << QString::fromLocal8Bit(line) << Qt::endl;
        }
    }
    if (observer.exitStatus() != QProcess::NormalExit) {
        return Core::Error{Core::ExitCode::Failure, tr("deroot-observer crashed")};
    }
    if (observer.exitCode() != 0) {
        const Core::ExitCode code = exitCodeOf(observer.exitCode());
        return Core::Error{code, lastWord.isEmpty() ? tr("deroot-observer failed") : lastWord};
    }
    return readRecording(observer.readAllStandardOutput());
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
    return readRecording(*recording);
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

// The notes of each round; with more than one round, each note says which rounds it is of.
QStringList composeNotes(const QList<QStringList> &rounds)
{
    if (rounds.size() == 1) {
        return rounds.first();
    }
    QStringList order;
    QHash<QString, QStringList> where;
    for (qsizetype r = 0; r < rounds.size(); ++r) {
        for (const QString &note : rounds.at(r)) {
            if (!where.contains(note)) {
                order.append(note);
            }
            where[note].append(QString::number(r + 1));
        }
    }
    QStringList out;
    for (const QString &note : std::as_const(order)) {
        const QStringList &numbers = where.value(note);
        const QString prefix = numbers.size() == rounds.size() ? tr("Every round: ")
                               : numbers.size() == 1           ? tr("Round %1: ").arg(numbers.first())
                                                               : tr("Rounds %1: ").arg(numbers.join(u", "_s));
        out.append(prefix + note);
    }
    return out;
}

// Appends @p next, round @p round, to @p all: its times after @p all's, so that each round stays
// in order; its notes to @p roundNotes.
void appendRound(Core::EventStream &all, Core::EventStream next, int round, QList<QStringList> &roundNotes)
{
    const std::int64_t offset = all.info ? all.info->durationNs : 0;
    for (Core::CapabilityCheck &check : next.checks) {
        check.timeNs += offset;
        all.checks.append(check);
    }
    for (Core::SyscallResult &result : next.results) {
        result.timeNs += offset;
        all.results.append(result);
    }
    Core::RecordingInfo info = *next.info;
    QStringList notes = info.notes;
    if (round > 1) {
        notes.prepend(tr("It was given %1.").arg(capabilityList(info.capabilities)));
    }
    roundNotes.append(notes);
    if (all.info) {
        info.durationNs += all.info->durationNs;
        info.lostEvents += all.info->lostEvents;
    }
    info.notes = composeNotes(roundNotes);
    all.info = info;
}

Core::ObservationOptions optionsOf(const Core::RecordingInfo &info)
{
    Core::ObservationOptions options;
    options.mechanism = info.mechanism;
    options.durationNs = info.durationNs;
    options.asRoot = info.asRoot;
    options.unprivilegedPortStart = info.unprivilegedPortStart;
    return options;
}

QString seconds(std::int64_t ns)
{
    if (ns < 1'000'000'000) {
        return QString::number(ns / 1'000'000) + u" ms"_s;
    }
    return QString::number(double(ns) / 1e9, 'f', ns < 10'000'000'000 ? 1 : 0) + u" s"_s;
}

QString endText(const Core::RecordingInfo &info)
{
    if (info.ended == Core::kEndedTimeLimit) {
        return tr("still running when the time was up");
    }
    if (info.ended == Core::kEndedTargetGone) {
        return tr("the target went away");
    }
    if (info.exitStatus) {
        return info.ended == Core::kEndedSignalled ? tr("killed by signal %1").arg(*info.exitStatus - 128)
                                                   : tr("exited with status %1").arg(*info.exitStatus);
    }
    return tr("ended");
}

QString text(const Core::Observation &observation, const Core::RecordingInfo &info, int rounds)
{
    QString out;
    out += tr("Observed %1").arg(info.target);
    if (!info.user.isEmpty()) {
        out += tr(" as %1").arg(info.user);
    }
    out += tr(" with %1 for %2").arg(Core::mechanismId(info.mechanism), seconds(info.durationNs));
    if (rounds > 1) {
        out += tr(" in %1 rounds").arg(rounds);
    }
    out += u" ("_s + endText(info) + u").\n"_s;
    out += u'\n' + tr("Capabilities:") + u'\n';
    if (observation.capabilities.isEmpty()) {
        out += u"  "_s + tr("none was asked for") + u'\n';
    }
    for (const Core::CapabilityObservation &capability : observation.capabilities) {
        out += u"  "_s + capabilityName(capability.capability).leftJustified(22) +
               Core::capabilityVerdictId(capability.verdict).leftJustified(16) + capability.evidence + u'\n';
    }
    if (!observation.pathFixes.isEmpty()) {
        out += u'\n' + tr("Paths the service user needs access to:") + u'\n';
        for (const Core::PathFix &fix : observation.pathFixes) {
            out += u"  "_s + fix.path + u"  ("_s + Core::accessWords(fix.access) + u")  "_s + fix.evidence + u'\n';
        }
    }
    if (!observation.needs.listenPorts.isEmpty()) {
        out += u'\n' + tr("Ports:") + u'\n';
        for (const Core::PortNeed &port : observation.needs.listenPorts) {
            out += u"  "_s + port.protocol + u'/' + QString::number(port.port) +
                   (port.address.isEmpty() ? QString() : u' ' + port.address) + u'\n';
        }
    }
    QStringList families;
    for (const Core::NamedNeed &family : observation.needs.addressFamilies) {
        families.append(family.name);
    }
    if (!families.isEmpty()) {
        out += u'\n' + tr("Address families: %1").arg(families.join(u", "_s)) + u'\n';
    }
    for (const auto &[title, list] : {std::pair{tr("Files written:"), &observation.needs.writePaths},
                                      {tr("Devices:"), &observation.needs.devices}}) {
        if (!list->isEmpty()) {
            out += u'\n' + title + u'\n';
            for (const Core::NamedNeed &need : *list) {
                out += u"  "_s + need.name + u'\n';
            }
        }
    }
    if (!observation.sandbox.isEmpty()) {
        out += u'\n' +
               tr("Sandbox settings nothing recorded speaks against (candidates, not findings: try them with "
                  "derootctl prove --observation):") +
               u'\n';
        for (const Core::SandboxFlag &flag : observation.sandbox) {
            out += u"  "_s + flag.setting() + u"  "_s + flag.evidence + u'\n';
        }
    }
    if (!observation.unexplained.isEmpty()) {
        out += u'\n' + tr("Refused calls no rule explains (read them by hand):") + u'\n';
        for (const Core::UnexplainedFailure &failure : observation.unexplained) {
            out += u"  "_s + failure.call + u' ' + failure.error + u" x"_s + QString::number(failure.count) + u'\n';
        }
    }
    const QStringList notes = info.notes + observation.notes;
    if (!notes.isEmpty()) {
        out += u'\n' + tr("Notes:") + u'\n';
        for (const QString &note : notes) {
            out += u"  - "_s + note + u'\n';
        }
    }
    return out;
}

} // namespace

int runObserve(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, {"json", "no-ask-password"},
                    {"pid", "unit", "user", "seconds", "mechanism", "capabilities", "rounds", "replay"});
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
    int rounds = 3;
    if (args.has("rounds")) {
        bool ok = false;
        rounds = args.option("rounds").toInt(&ok);
        if (!ok || rounds < 1 || rounds > kMaxRounds) {
            return usage(tr("--rounds takes a whole number from 1 to %1").arg(kMaxRounds));
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

    Core::EventStream all;
    int round = 0;
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
        all = *events;
        round = 1;
    } else {
        // As root, deroot-observer runs here; otherwise the helper runs it, after polkit's yes
        // (io.github.deroot.observe.run or .watch), once per round.
        const bool throughHelper = geteuid() != 0;
        const bool command = !args.positionals().isEmpty();
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
        QString user = args.has("user") ? QString::fromLocal8Bit(args.option("user")) : u"nobody"_s;
        if (!command) {
            rounds = 1;
            base << (args.has("pid") ? u"--pid"_s : u"--unit"_s)
                 << QString::fromLocal8Bit(args.option(args.has("pid") ? "pid" : "unit"));
        }
        // Started as a service user: what it was refused in one round, it is given in the next.
        QList<QStringList> roundNotes;
        while (round < rounds) {
            ++round;
            QStringList arguments = base;
            if (command) {
                arguments << u"--user"_s << user;
                std::sort(given.begin(), given.end());
                if (!given.isEmpty()) {
                    arguments << u"--capabilities"_s << capabilityList(given);
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
                    for (const int cap : std::as_const(given)) {
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
            appendRound(all, *events, round, roundNotes);
            if (!command || all.info->asRoot) {
                break;
            }
            const Core::Observation observation = Core::aggregateObservation(all, optionsOf(*all.info));
            QList<int> more;
            QStringList withheld;
            for (const Core::CapabilityObservation &capability : observation.capabilities) {
                if (capability.verdict != Core::CapabilityVerdict::Needed || given.contains(capability.capability)) {
                    continue;
                }
                // The helper never gives a root-equivalent capability: the next round would be
                // refused, so the rounds end here and the notes say why.
                if (throughHelper && Core::isRootEquivalentCapability(capability.capability)) {
                    withheld.append(capabilityName(capability.capability));
                    continue;
                }
                more.append(capability.capability);
            }
            if (!withheld.isEmpty()) {
                roundNotes.last().append(tr("Not observed with %1: root-equivalent, which the helper never gives; "
                                            "observe as root (sudo derootctl observe) to see the agent with it.")
                                             .arg(withheld.join(u", "_s)));
                all.info->notes = composeNotes(roundNotes);
            }
            if (more.isEmpty()) {
                break;
            }
            given += more;
        }
    }

    const Core::Observation observation = Core::aggregateObservation(all, optionsOf(*all.info));
    QJsonObject recording = Core::toJson(*all.info);
    recording.remove(u"type"_s);
    recording.insert(u"rounds"_s, round);
    QJsonObject observed = Core::toJson(observation);
    observed.insert(u"recording"_s, recording);
    const QJsonObject document{{u"schema"_s, QString::fromLatin1(Core::kObserveSchema)},
                               {u"deroot_version"_s, Core::version()},
                               {u"needs"_s, Core::toJson(observation.needs)},
                               {u"observation"_s, observed}};
    return printResult(io, json, document, json ? QString() : text(observation, *all.info, round));
}

} // namespace Deroot::Cli
