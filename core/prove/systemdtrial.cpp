// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/prove/systemdtrial.h"

#include "core/base/text.h"
#include "core/base/toolrunner.h"
#include "core/prove/provetext.h"

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
#include <QScopeGuard>
#include <QSet>
#include <QThread>

#include <algorithm>

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
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

// systemctl show's Key=Value lines of @p properties for @p unit.
QHash<QString, QString> shownProperties(const QString &unit, const QString &properties)
{
    QHash<QString, QString> state;
    const ToolRun shown = runTool(u"systemctl"_s, {u"show"_s, u"--property="_s + properties, u"--"_s, unit});
    for (const QString &line : QString::fromUtf8(shown.out).split(u'\n')) {
        const qsizetype equals = line.indexOf(u'=');
        if (equals > 0) {
            state.insert(line.left(equals), line.mid(equals + 1));
        }
    }
    return state;
}

// What a trial watches of its unit.
QHash<QString, QString> unitState(const QString &unit)
{
    return shownProperties(unit, u"LoadState,ActiveState,SubState,MainPID,Result,ControlGroup,ExecMainCode,"
                                 u"ExecMainStatus,ExecMainStartTimestampMonotonic,ExecMainExitTimestampMonotonic"_s);
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
    return plan.isDropIn() ? runFromFiles(plan, properties, seconds) : runTransient(plan, properties, seconds);
}

void SystemdTrialRunner::runCheck(TrialOutcome &outcome) const
{
    const TrialCheckResult checked = m_check();
    outcome.checkRun = true;
    outcome.checkExitCode = checked.exitCode;
    outcome.checkOutput = checked.output;
}

TrialOutcome SystemdTrialRunner::runFromFiles(const ProvePlan &plan, const QList<UnitProperty> &properties, int seconds)
{
    TrialOutcome outcome;
    const QString unit = newUnitName();
    const QDir folder(QString::fromUtf16(kTrialUnitFolder));
    const QList<TrialFile> files = trialUnitFiles(plan, properties, unit, seconds + kRuntimeSlackSeconds);
    // Whatever happens, the files go, and with them the unit once systemd has let it go.
    const auto removeFiles = qScopeGuard([&] {
        for (const TrialFile &file : files) {
            QFile::remove(folder.filePath(file.path));
        }
        folder.rmdir(unit + u".d"_s);
    });
    for (const TrialFile &file : files) {
        const QString path = folder.filePath(file.path);
        if (!QDir().mkpath(QFileInfo(path).path())) {
            outcome.startError = proveText(ProveSaid::CannotMakeFolder).arg(QFileInfo(path).path());
            return outcome;
        }
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly) || out.write(file.content) != file.content.size() ||
            !out.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther)) {
            outcome.startError = proveText(ProveSaid::CannotWrite).arg(path, out.errorString());
            return outcome;
        }
    }
    QElapsedTimer clock;
    clock.start();
    const ToolRun start = runTool(u"systemctl"_s, {u"start"_s, u"--no-block"_s, u"--"_s, unit});
    if (!start.finished || start.exitCode != 0) {
        outcome.startError = lastLine(start.err + start.out);
        runTool(u"systemctl"_s, {u"reset-failed"_s, u"--"_s, unit});
        return outcome;
    }
    m_started << unit;

    // Until the time is up or the program has ended: RemainAfterExit=yes keeps the unit "active
    // (exited)" or "failed" until it is stopped, with how its program ended.
    QHash<QString, QString> state;
    bool ended = false;
    while (true) {
        state = unitState(unit);
        const QString active = state.value(u"ActiveState"_s);
        ended = active == u"failed" || active == u"inactive" || state.value(u"SubState"_s) == u"exited";
        if (ended || clock.elapsed() >= qint64(seconds) * 1000) {
            break;
        }
        QThread::msleep(100);
    }
    const bool programStarted = state.value(u"ExecMainStartTimestampMonotonic"_s, u"0"_s) != u"0";
    outcome.started = programStarted;
    if (!programStarted) {
        outcome.startError = proveText(ProveSaid::EndedBeforeStart).arg(state.value(u"Result"_s));
    } else if (!ended) {
        const QString active = state.value(u"ActiveState"_s);
        outcome.runningAtEnd =
            plan.oneshot ? active == u"activating" : active == u"active" && state.value(u"SubState"_s) == u"running";
        if (outcome.runningAtEnd) {
            outcome.sockets = listeningSockets(state.value(u"ControlGroup"_s));
            if (m_check && !plan.oneshot) {
                runCheck(outcome);
            }
        }
    } else if (state.value(u"ExecMainExitTimestampMonotonic"_s, u"0"_s) != u"0") {
        outcome.exited = true;
        // waitid(2)'s si_code: CLD_EXITED 1, CLD_KILLED 2, CLD_DUMPED 3.
        const int code = state.value(u"ExecMainCode"_s).toInt();
        const int status = state.value(u"ExecMainStatus"_s).toInt();
        outcome.exitCode = code == 1 ? u"exited"_s : code == 3 ? u"dumped"_s : u"killed"_s;
        const char *signal = code == 1 ? nullptr : ::sigabbrev_np(status);
        outcome.exitStatus = signal != nullptr ? QString::fromLatin1(signal) : QString::number(status);
        if (plan.oneshot && m_check) {
            runCheck(outcome);
        }
    }
    runTool(u"systemctl"_s, {u"stop"_s, u"--"_s, unit}, kStopTimeoutMs);
    runTool(u"systemctl"_s, {u"reset-failed"_s, u"--"_s, unit});
    outcome.seconds = clock.elapsed() / 1000.0;
    return outcome;
}

TrialOutcome SystemdTrialRunner::runTransient(const ProvePlan &plan, const QList<UnitProperty> &properties, int seconds)
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
        outcome.startError = proveText(ProveSaid::SystemdRunFailed).arg(run.errorString());
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
                runCheck(outcome);
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
            runCheck(outcome);
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
    return proveText(ProveSaid::DynamicUserNote).arg(quoted(plan.serviceUser));
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

namespace {

constexpr qint64 kMaxVendorFileBytes = 64 * 1024;

// The text of a unit file systemd loaded, if root alone may change it: a regular file (not a link)
// owned by root that neither its group nor others may write.
Result<QString> trustedUnitFile(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        return Error{ExitCode::Refused, QCoreApplication::translate("Deroot::Core::Prove",
                                                                    "cannot open %1, a file of the agent's unit: %2")
                                            .arg(path, QString::fromLocal8Bit(::strerror(errno)))};
    }
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return Error{ExitCode::Refused, file.errorString()};
    }
    struct stat status{};
    if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode) || status.st_uid != 0 ||
        (status.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        return Error{ExitCode::Refused,
                     QCoreApplication::translate("Deroot::Core::Prove",
                                                 "%1, a file of the agent's unit, is not a regular file that only "
                                                 "root may change: a trial runs its settings as root would")
                         .arg(path)};
    }
    if (status.st_size > kMaxVendorFileBytes) {
        return Error{ExitCode::Refused, QCoreApplication::translate("Deroot::Core::Prove",
                                                                    "%1, a file of the agent's unit, is over %2 KiB")
                                            .arg(path)
                                            .arg(kMaxVendorFileBytes / 1024)};
    }
    const QByteArray bytes = file.read(kMaxVendorFileBytes + 1);
    return QString::fromUtf8(bytes);
}

QHash<QString, QString> vendorState(const QString &unit)
{
    return shownProperties(unit, u"LoadState,ActiveState,FragmentPath,DropInPaths,TriggeredBy"_s);
}

std::optional<Error> runningError(const QString &unit, const QString &active)
{
    if (active == u"inactive" || active == u"failed") {
        return std::nullopt;
    }
    return Error{ExitCode::Unavailable,
                 QCoreApplication::translate(
                     "Deroot::Core::Prove",
                     "the agent's unit %1 is %2: a trial runs a second copy of it, which would compete with it "
                     "for its ports, pid file and runtime directory; stop it for the proof (systemctl stop %1) "
                     "and start it again afterwards")
                     .arg(unit, active)};
}

// The program an ExecStart= line starts: its first word without the prefixes (systemd.service(5)),
// looked up in systemd's own PATH when it is a bare name.
QString commandProgram(const QString &line)
{
    QString word = line.trimmed().section(u' ', 0, 0, QString::SectionSkipEmpty);
    while (!word.isEmpty() && QStringView(u"-@:+!|").contains(word.front())) {
        word.remove(0, 1);
    }
    if (word.size() >= 2 && (word.front() == u'"' || word.front() == u'\'') && word.back() == word.front()) {
        word = word.mid(1, word.size() - 2);
    }
    if (word.isEmpty() || word.startsWith(u'/')) {
        return word;
    }
    for (const QString &folder : {u"/usr/local/sbin"_s, u"/usr/local/bin"_s, u"/usr/sbin"_s, u"/usr/bin"_s}) {
        if (QFileInfo(folder + u'/' + word).isExecutable()) {
            return folder + u'/' + word;
        }
    }
    return word;
}

} // namespace

std::optional<Error> vendorUnitRunning(const QString &unit)
{
    const QString active = vendorState(unit).value(u"ActiveState"_s);
    return active.isEmpty() ? std::nullopt : runningError(unit, active);
}

std::optional<Error> loadVendorUnit(ProvePlan &plan)
{
    if (!plan.isDropIn()) {
        return std::nullopt;
    }
    const QString &unit = plan.vendorUnit;
    const QHash<QString, QString> state = vendorState(unit);
    const QString load = state.value(u"LoadState"_s);
    if (load != u"loaded") {
        return Error{
            ExitCode::NotFound,
            load == u"masked"
                ? QCoreApplication::translate("Deroot::Core::Prove", "the agent's unit %1 is masked").arg(unit)
                : QCoreApplication::translate("Deroot::Core::Prove", "the agent's unit %1 is not known to systemd (%2)")
                      .arg(unit, load.isEmpty() ? u"no answer"_s : load)};
    }
    if (std::optional<Error> running = runningError(unit, state.value(u"ActiveState"_s))) {
        return running;
    }
    const QStringList triggers = state.value(u"TriggeredBy"_s).split(u' ', Qt::SkipEmptyParts);
    for (const QString &trigger : triggers) {
        if (trigger.endsWith(u".socket")) {
            return Error{ExitCode::Unavailable,
                         QCoreApplication::translate("Deroot::Core::Prove",
                                                     "the agent's unit %1 is started by %2, whose sockets a trial "
                                                     "copy of it would not get; prove does not cover socket "
                                                     "activation")
                             .arg(unit, trigger)};
        }
    }
    const QString fragment = state.value(u"FragmentPath"_s);
    if (fragment.isEmpty()) {
        return Error{
            ExitCode::NotFound,
            QCoreApplication::translate("Deroot::Core::Prove", "the agent's unit %1 has no unit file").arg(unit)};
    }
    Result<QString> text = trustedUnitFile(fragment);
    if (!text) {
        return text.error();
    }
    plan.vendorService = resolveUnitSpecifiers(serviceSectionText(*text), unit);
    plan.vendorDropIns.clear();
    const QString ownDropIn = u"/etc/systemd/system/"_s + unit + u".d/deroot.conf"_s;
    for (const QString &path : state.value(u"DropInPaths"_s).split(u' ', Qt::SkipEmptyParts)) {
        const QFileInfo info(path);
        // The drop-ins for every service (service.d/) apply to the trial unit by themselves, and the
        // plan's own from a former apply is replaced by the plan's.
        if (info.dir().dirName() == u"service.d" || path == ownDropIn) {
            continue;
        }
        const QString name = info.fileName();
        if (name >= QString::fromUtf16(kTrialDropIn) || name == u"deroot.conf") {
            return Error{ExitCode::Refused,
                         QCoreApplication::translate("Deroot::Core::Prove",
                                                     "the drop-in %1 of the agent's unit has a name a trial cannot "
                                                     "order as systemd does")
                             .arg(path)};
        }
        Result<QString> dropIn = trustedUnitFile(path);
        if (!dropIn) {
            return dropIn.error();
        }
        for (const VendorDropIn &earlier : std::as_const(plan.vendorDropIns)) {
            if (earlier.name == name) {
                return Error{
                    ExitCode::Refused,
                    QCoreApplication::translate("Deroot::Core::Prove", "two drop-ins of the agent's unit are named %1")
                        .arg(name)};
            }
        }
        plan.vendorDropIns.append({name, resolveUnitSpecifiers(serviceSectionText(*dropIn), unit)});
    }
    std::sort(plan.vendorDropIns.begin(), plan.vendorDropIns.end(),
              [](const VendorDropIn &a, const VendorDropIn &b) { return a.name < b.name; });

    const QList<UnitProperty> settings = effectiveSettings(plan, plan.properties);
    for (const UnitProperty &setting : settings) {
        if (setting.key == u"Type") {
            plan.oneshot = setting.value == u"oneshot";
        }
    }
    // The trials must run the plan's program, which the prompt and the report name: not whatever the
    // unit's command line starts.
    QString command;
    for (const UnitProperty &setting : settings) {
        if (setting.key == u"ExecStart") {
            command = setting.value;
        }
    }
    const QString started = commandProgram(command);
    const QString program = QFileInfo(plan.program).canonicalFilePath();
    if (started.isEmpty() || program.isEmpty() || QFileInfo(started).canonicalFilePath() != program) {
        return Error{ExitCode::Refused,
                     QCoreApplication::translate("Deroot::Core::Prove",
                                                 "the agent's unit %1 starts %2, not the plan's program %3")
                         .arg(unit, started.isEmpty() ? u"nothing"_s : quoted(started), plan.program)};
    }
    bool dynamicUser = false;
    for (const UnitProperty &setting : settings) {
        if (setting.key == u"DynamicUser") {
            dynamicUser = setting.value == u"yes" || setting.value == u"true" || setting.value == u"1";
        }
    }
    const struct passwd *account = ::getpwnam(plan.serviceUser.toLocal8Bit().constData());
    for (const ManagedDirectory &directory : managedDirectories(settings)) {
        const QFileInfo info(directory.path);
        const QString setting = directory.setting + u'=' + directory.path;
        QString why;
        if (directory.setting == u"RuntimeDirectory") {
            if (info.exists()) {
                why = QCoreApplication::translate("Deroot::Core::Prove",
                                                  "it exists, and systemd removes it when the trial ends");
            }
        } else if (directory.setting == u"ConfigurationDirectory") {
            if (!info.exists()) {
                why = QCoreApplication::translate("Deroot::Core::Prove", "systemd would make it for the trial");
            }
        } else if (dynamicUser) {
            why = QCoreApplication::translate("Deroot::Core::Prove",
                                              "with DynamicUser=yes systemd would move it below a private/ folder");
        } else if (!info.exists()) {
            why = QCoreApplication::translate("Deroot::Core::Prove", "systemd would make it for the trial");
        } else if (account == nullptr || info.ownerId() != account->pw_uid) {
            why =
                QCoreApplication::translate("Deroot::Core::Prove", "systemd would hand it to the user %1 for the trial")
                    .arg(quoted(plan.serviceUser));
        }
        if (!why.isEmpty()) {
            return Error{ExitCode::Unavailable,
                         QCoreApplication::translate("Deroot::Core::Prove",
                                                     "the agent's unit has %1: %2, and prove changes nothing of the "
                                                     "system; prove the plan after the apply")
                             .arg(setting, why)};
        }
    }
    return std::nullopt;
}

QString vendorUnitNote(const ProvePlan &plan)
{
    return proveText(ProveSaid::VendorUnitNote).arg(plan.vendorUnit);
}

void sweepTrialUnitFiles()
{
    QDir folder(QString::fromUtf16(kTrialUnitFolder));
    const QStringList units =
        folder.entryList({QString::fromUtf16(kProveUnitPrefix) + u"*.service"_s}, QDir::Files | QDir::System);
    for (const QString &unit : units) {
        const QString active = unitState(unit).value(u"ActiveState"_s);
        if (active == u"active" || active == u"activating" || active == u"deactivating" || active == u"reloading") {
            continue; // another proof's trial
        }
        QDir(folder.filePath(unit + u".d"_s)).removeRecursively();
        QFile::remove(folder.filePath(unit));
    }
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
    if (proof.m_plan.isDropIn()) {
        sweepTrialUnitFiles();
        if (const std::optional<Error> refused = loadVendorUnit(proof.m_plan)) {
            return *refused;
        }
        proof.m_notes.prepend(vendorUnitNote(proof.m_plan));
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
