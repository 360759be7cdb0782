// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/prove/systemdtrial.h"

#include "core/base/text.h"
#include "core/base/toolrunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// How long systemd may take to stop a trial unit (its own default stop timeout is 90 s).
constexpr int kStopTimeoutMs = 100000;
// Past the trial's time: the unit's own limit, for when this process is gone.
constexpr int kRuntimeSlackSeconds = 120;

QString newUnitName()
{
    const quint64 random = QRandomGenerator::system()->generate64();
    return QString::fromUtf16(kProveUnitPrefix) + QString::number(random, 16).rightJustified(16, u'0') + u".service"_s;
}

// systemctl show's Key=Value lines for @p unit.
QHash<QString, QString> unitState(const QString &unit)
{
    QHash<QString, QString> state;
    const ToolRun shown = runTool(u"systemctl"_s, {u"show"_s,
                                                   u"--property=LoadState,ActiveState,SubState,MainPID,"
                                                   u"ControlGroup,ExecMainCode,ExecMainStatus"_s,
                                                   u"--"_s, unit});
    for (const QString &line : QString::fromUtf8(shown.out).split(u'\n')) {
        const qsizetype equals = line.indexOf(u'=');
        if (equals > 0) {
            state.insert(line.left(equals), line.mid(equals + 1));
        }
    }
    return state;
}

// The inodes of the sockets @p pid holds.
QSet<quint64> socketInodes(const QString &pid)
{
    QSet<quint64> inodes;
    const QString folder = u"/proc/%1/fd"_s.arg(pid);
    for (const QString &fd : QDir(folder).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System)) {
        char target[64] = {};
        const QByteArray path = QFile::encodeName(folder + u'/' + fd);
        const ssize_t n = ::readlink(path.constData(), target, sizeof target - 1);
        const QByteArrayView link(target, n > 0 ? n : 0);
        if (link.startsWith("socket:[") && link.endsWith("]")) {
            inodes.insert(link.sliced(8, link.size() - 9).toULongLong());
        }
    }
    return inodes;
}

// The processes of a cgroup and of the cgroups below it.
QStringList cgroupProcesses(const QString &path)
{
    QStringList pids;
    QFile procs(path + u"/cgroup.procs"_s);
    if (procs.open(QIODevice::ReadOnly)) {
        pids << QString::fromLatin1(procs.readAll()).split(u'\n', Qt::SkipEmptyParts);
    }
    for (const QString &child : QDir(path).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        pids << cgroupProcesses(path + u'/' + child);
    }
    return pids;
}

// The last lines of a tool's output, for a message.
QString lastLine(const QByteArray &output)
{
    const QStringList lines = QString::fromUtf8(output).split(u'\n', Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : oneLine(lines.constLast());
}

} // namespace

SystemdTrialRunner::SystemdTrialRunner(TrialCheck check)
    : m_check(std::move(check))
{}

QList<TrialSocket> listeningSockets(const QString &controlGroup)
{
    QList<TrialSocket> sockets;
    if (controlGroup.isEmpty()) {
        return sockets;
    }
    const QStringList pids = cgroupProcesses(u"/sys/fs/cgroup"_s + controlGroup);
    QSet<quint64> inodes;
    for (const QString &pid : pids) {
        inodes.unite(socketInodes(pid));
    }
    if (pids.isEmpty() || inodes.isEmpty()) {
        return sockets;
    }
    // Every process of the unit shares one network namespace: the first one's tables show it.
    struct Table
    {
        const char16_t *file;
        const char16_t *protocol;
        bool listenOnly;
    };
    constexpr Table kTables[] = {
        {u"tcp", u"tcp", true}, {u"tcp6", u"tcp", true}, {u"udp", u"udp", false}, {u"udp6", u"udp", false}};
    for (const Table &table : kTables) {
        QFile file(u"/proc/%1/net/%2"_s.arg(pids.constFirst(), QString::fromUtf16(table.file)));
        if (!file.open(QIODevice::ReadOnly)) {
            continue; // no IPv6 in this kernel
        }
        const QStringList lines = QString::fromLatin1(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode"
            const QStringList fields = lines.at(i).split(u' ', Qt::SkipEmptyParts);
            if (fields.size() < 10 || (table.listenOnly && fields.at(3) != u"0A")) {
                continue;
            }
            if (!inodes.contains(fields.at(9).toULongLong())) {
                continue;
            }
            bool ok = false;
            const int port = fields.at(1).section(u':', -1).toInt(&ok, 16);
            const TrialSocket socket{QString::fromUtf16(table.protocol), port};
            if (ok && port > 0 && !sockets.contains(socket)) {
                sockets << socket;
            }
        }
    }
    return sockets;
}

TrialOutcome SystemdTrialRunner::run(const ProvePlan &plan, const QList<UnitProperty> &properties, int seconds)
{
    TrialOutcome outcome;
    const QString unit = newUnitName();
    QStringList arguments{u"--wait"_s, u"--collect"_s, u"--unit="_s + unit,
                          u"--description=Deroot prove: %1 (%2)"_s.arg(plan.agent, plan.unit)};
    QStringList command;
    for (const UnitProperty &property : properties) {
        if (property.key == u"ExecStart") {
            command = execStartWords(property.value);
        } else {
            arguments << u"--property="_s + property.key + u'=' + property.value;
        }
    }
    arguments << u"--property=RuntimeMaxSec=%1"_s.arg(seconds + kRuntimeSlackSeconds) << u"--"_s << command;

    QProcess run;
    QProcessEnvironment clean;
    clean.insert(u"PATH"_s, u"/usr/sbin:/usr/bin:/sbin:/bin"_s);
    clean.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    clean.insert(u"SYSTEMD_COLORS"_s, u"0"_s);
    clean.insert(u"SYSTEMD_LOG_COLOR"_s, u"0"_s);
    run.setProcessEnvironment(clean);
    run.setProcessChannelMode(QProcess::MergedChannels);
    run.setStandardInputFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    run.start(u"systemd-run"_s, arguments);
    if (!run.waitForStarted()) {
        outcome.startError = QCoreApplication::translate("Deroot::Core::Prove", "systemd-run could not be started: %1")
                                 .arg(run.errorString());
        return outcome;
    }
    m_started << unit;

    // Until the time is up, or until systemd-run reports the unit's end (an agent that exits at
    // once ends its trial at once).
    run.waitForFinished(seconds * 1000);
    const bool ended = run.state() == QProcess::NotRunning;
    if (!ended) {
        const QHash<QString, QString> state = unitState(unit);
        outcome.started = true;
        outcome.runningAtEnd =
            plan.oneshot ? state.value(u"ActiveState"_s) == u"activating" : state.value(u"ActiveState"_s) == u"active";
        if (outcome.runningAtEnd) {
            outcome.sockets = listeningSockets(state.value(u"ControlGroup"_s));
            if (m_check && !plan.oneshot) {
                const TrialCheckResult checked = m_check();
                outcome.checkRun = true;
                outcome.checkExitCode = checked.exitCode;
                outcome.checkOutput = checked.output;
            }
        }
        runTool(u"systemctl"_s, {u"stop"_s, u"--"_s, unit}, kStopTimeoutMs);
        if (!run.waitForFinished(kStopTimeoutMs)) {
            run.kill();
            run.waitForFinished();
        }
    }
    outcome.seconds = clock.elapsed() / 1000.0;
    const QByteArray output = run.readAll();
    // systemd-run --wait reports "Running as unit: NAME" once the unit started, and its end as
    // "Main processes terminated with: code=exited, status=1/FAILURE" (systemd 257; "code=killed,
    // status=9/KILL" for a signal).
    static const QRegularExpression kTerminated(
        u"Main processes terminated with: code=(\\w+), status=(\\d+)(?:/(\\w+))?"_s);
    const QString text = QString::fromUtf8(output);
    if (!text.contains(u"Running as unit:"_s)) {
        outcome.started = false;
        outcome.startError = lastLine(output);
        return outcome;
    }
    outcome.started = true;
    if (ended) {
        const QRegularExpressionMatch match = kTerminated.match(text);
        outcome.exited = match.hasMatch();
        outcome.exitCode = match.captured(1);
        // The status for an exit, the signal's name for a signal ("SEGV"; its number when unnamed).
        outcome.exitStatus =
            outcome.exitCode == u"exited" || match.captured(3).isEmpty() ? match.captured(2) : match.captured(3);
        if (plan.oneshot && m_check) {
            const TrialCheckResult checked = m_check();
            outcome.checkRun = true;
            outcome.checkExitCode = checked.exitCode;
            outcome.checkOutput = checked.output;
        }
    }
    return outcome;
}

QStringList SystemdTrialRunner::leftoverUnits() const
{
    QStringList left;
    for (const QString &unit : m_started) {
        const QString load = unitState(unit).value(u"LoadState"_s);
        if (load != u"not-found") {
            left << unit;
        }
    }
    return left;
}

TrialCheck shellCheck(const QString &command)
{
    return [command] {
        const ToolRun run = runTool(u"/bin/sh"_s, {u"-c"_s, command}, kTrialCheckSeconds * 1000);
        return TrialCheckResult{run.finished ? run.exitCode : -1, QString::fromUtf8(run.out.right(400))};
    };
}

std::optional<QString> useDynamicUserIfMissing(ProvePlan &plan)
{
    if (::getpwnam(plan.serviceUser.toLocal8Bit().constData()) != nullptr) {
        return std::nullopt;
    }
    return lendDynamicUser(plan);
}

QString lendDynamicUser(ProvePlan &plan)
{
    plan.properties.append({u"DynamicUser"_s, u"yes"_s});
    return QCoreApplication::translate(
               "Deroot::Core::Prove",
               "The service user %1 does not exist yet (the apply creates it): each trial ran the agent as a user of "
               "that name which systemd made for the trial and removed after it (DynamicUser=yes). DynamicUser= also "
               "makes /usr, /etc and the home directories read-only for the agent and gives it no file owned by "
               "that user: a trial can fail where the applied plan would not, never the other way round.")
        .arg(quoted(plan.serviceUser));
}

std::optional<Error> trialObstacle(const ProvePlan &plan)
{
    if (::geteuid() != 0) {
        return Error{ExitCode::Permission,
                     QCoreApplication::translate("Deroot::Core::Prove",
                                                 "prove starts transient units as the plan's user, which needs root: "
                                                 "run it with sudo")};
    }
    if (!QFileInfo::exists(u"/run/systemd/system"_s)) {
        return Error{ExitCode::Unavailable,
                     QCoreApplication::translate("Deroot::Core::Prove", "systemd is not running on this system")};
    }
    QStringList groups;
    bool dynamicUser = false;
    for (const UnitProperty &property : plan.properties) {
        if (property.key == u"Group" || property.key == u"SupplementaryGroups") {
            groups << property.value.split(u' ', Qt::SkipEmptyParts);
        }
        dynamicUser = dynamicUser || (property.key == u"DynamicUser" && property.value == u"yes");
    }
    if (dynamicUser) {
        // systemd makes the user's own group with it.
        groups.removeAll(plan.serviceUser);
    } else if (::getpwnam(plan.serviceUser.toLocal8Bit().constData()) == nullptr) {
        return Error{ExitCode::NotFound,
                     QCoreApplication::translate("Deroot::Core::Prove",
                                                 "the plan's service user %1 does not exist yet: the apply creates "
                                                 "it, and prove changes nothing but its transient units; create the "
                                                 "user first (the plan's useradd.sh) or prove after the apply")
                         .arg(quoted(plan.serviceUser))};
    }
    for (const QString &group : std::as_const(groups)) {
        if (::getgrnam(group.toLocal8Bit().constData()) == nullptr) {
            return Error{ExitCode::NotFound,
                         QCoreApplication::translate("Deroot::Core::Prove", "the plan's group %1 does not exist")
                             .arg(quoted(group))};
        }
    }
    return std::nullopt;
}

Result<PlanProof> PlanProof::prepare(const GenerationInput &input)
{
    Result<ProvePlan> plan = provePlan(input);
    if (!plan) {
        return plan.error();
    }
    PlanProof proof;
    proof.m_plan = *plan;
    if (const std::optional<QString> note = useDynamicUserIfMissing(proof.m_plan)) {
        proof.m_notes.append(*note);
    }
    if (const std::optional<Error> obstacle = trialObstacle(proof.m_plan)) {
        return *obstacle;
    }
    return proof;
}

Result<ProveReport> PlanProof::run(int seconds, const QString &checkText, const QList<SandboxCandidate> &candidates,
                                   const TrialCheck &check,
                                   const std::function<void(const TrialRecord &)> &progress) const
{
    SystemdTrialRunner runner(check);
    ProveReport report = prove(m_plan, seconds, checkText, candidates, runner, progress);
    report.notes = m_notes;
    const QStringList left = runner.leftoverUnits();
    if (!left.isEmpty()) {
        return Error{ExitCode::Failure, QCoreApplication::translate("Deroot::Core::Prove",
                                                                    "transient units of the trials are still loaded: "
                                                                    "%1 (systemctl stop and systemctl reset-failed "
                                                                    "remove them)")
                                            .arg(left.join(u", "_s))};
    }
    return report;
}

} // namespace Deroot::Core
