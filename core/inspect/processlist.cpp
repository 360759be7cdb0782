// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/processlist.h"

#include "core/base/text.h"
#include "core/base/toolrunner.h"
#include "core/inspect/accounts.h"
#include "core/inspect/processinspector.h"
#include "core/inspect/unitinspector.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {
constexpr qint64 kMaxUnitFileBytes = 256 * 1024;
} // namespace

Result<QList<ProcessEntry>> listProcesses(const InspectEnvironment &environment)
{
    const QDir proc(QString::fromLocal8Bit(environment.procRoot));
    if (!proc.exists()) {
        return Error{ExitCode::Unavailable,
                     u"the process list cannot be read: %1 is missing"_s.arg(quoted(proc.path()))};
    }
    QList<int> pids;
    for (const QString &entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const int pid = entry.toInt(&ok);
        if (ok && pid > 0) {
            pids.append(pid);
        }
    }
    std::sort(pids.begin(), pids.end());
    const int self = environment.procRoot == "/proc" ? int(::getpid()) : -1;
    QList<ProcessEntry> entries;
    for (const int pid : std::as_const(pids)) {
        if (pid == self) {
            continue;
        }
        // Kernel threads, zombies and processes that exited meanwhile are nothing to pick.
        const auto identity = readProcessIdentity(pid, environment);
        if (!identity) {
            continue;
        }
        ProcessEntry entry;
        entry.pid = pid;
        entry.name = oneLine(identity->stat.comm);
        entry.executable = identity->executable;
        const QString user = userName(identity->status.uid[0]);
        entry.user = user.isEmpty() ? QString::number(identity->status.uid[0]) : user;
        entry.unit = identity->cgroup.unit;
        entry.root = identity->status.uid[0] == 0 || identity->status.uid[1] == 0;
        entry.capabilities = !entry.root && identity->status.capEff != 0;
        entries.append(entry);
    }
    return entries;
}

QList<ServiceEntry> parseServiceList(const QByteArray &output)
{
    QList<ServiceEntry> services;
    for (const QByteArray &rawLine : output.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).trimmed();
        // UNIT LOAD ACTIVE SUB DESCRIPTION...
        QStringList words = line.split(u' ', Qt::SkipEmptyParts);
        // A failed or missing unit may be marked with a bullet before its name (not with --plain
        // in today's systemd, but a marked line must not vanish from the list).
        if (!words.isEmpty() && (words.constFirst() == u"\u25CF" || words.constFirst() == u"*")) {
            words.removeFirst();
        }
        if (words.size() < 4 || !words.at(0).endsWith(u".service") || !isValidUnitName(words.at(0))) {
            continue;
        }
        ServiceEntry entry;
        entry.unit = words.at(0);
        entry.loadState = words.at(1);
        entry.activeState = words.at(2);
        entry.subState = words.at(3);
        entry.description = oneLine(words.mid(4).join(u' '));
        services.append(entry);
    }
    return services;
}

Result<QList<ServiceEntry>> listServices()
{
    const ToolRun run = runTool(u"systemctl"_s,
                                {u"list-units"_s, u"--type=service"_s, u"--all"_s, u"--plain"_s, u"--no-legend"_s,
                                 u"--no-pager"_s, u"--full"_s},
                                10000, false);
    if (!run.started || !run.finished || run.exitCode != 0) {
        return Error{ExitCode::Unavailable,
                     u"systemd cannot be asked for its services: %1"_s.arg(
                         run.error.isEmpty() ? oneLine(QString::fromUtf8(run.err).trimmed()) : run.error)};
    }
    return parseServiceList(run.out);
}

QList<ServiceEntry> parseUnitFileList(const QByteArray &output)
{
    QList<ServiceEntry> services;
    for (const QByteArray &rawLine : output.split('\n')) {
        const QStringList words = QString::fromUtf8(rawLine).split(u' ', Qt::SkipEmptyParts);
        if (words.size() < 2 || !words.at(0).endsWith(u".service") || words.at(0).contains(u"@.") ||
            !isValidUnitName(words.at(0)) || words.at(1) == u"alias") {
            continue;
        }
        ServiceEntry entry;
        entry.unit = words.at(0);
        entry.activeState = words.at(1);
        services.append(entry);
    }
    return services;
}

QString unitFileDescription(const QByteArray &contents)
{
    QString description;
    bool inUnit = false;
    for (const QByteArray &rawLine : contents.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.startsWith('[')) {
            inUnit = line == "[Unit]";
        } else if (inUnit && line.startsWith("Description")) {
            const qsizetype equals = line.indexOf('=');
            if (equals > 0 && line.left(equals).trimmed() == "Description") {
                description = QString::fromUtf8(line.mid(equals + 1).trimmed());
            }
        }
    }
    return description;
}

Result<QList<ServiceEntry>> listServiceFiles()
{
    const ToolRun run = runTool(
        u"systemctl"_s,
        {u"list-unit-files"_s, u"--type=service"_s, u"--plain"_s, u"--no-legend"_s, u"--no-pager"_s, u"--full"_s},
        10000, false);
    if (!run.started || !run.finished || run.exitCode != 0) {
        return Error{ExitCode::Unavailable,
                     u"the service unit files cannot be listed: %1"_s.arg(
                         run.error.isEmpty() ? oneLine(QString::fromUtf8(run.err).trimmed()) : run.error)};
    }
    QList<ServiceEntry> services = parseUnitFileList(run.out);
    // systemd.unit(5)'s system unit search path, first match wins.
    static const QStringList kDirectories{u"/etc/systemd/system"_s, u"/run/systemd/system"_s,
                                          u"/usr/local/lib/systemd/system"_s, u"/usr/lib/systemd/system"_s,
                                          u"/lib/systemd/system"_s};
    for (ServiceEntry &entry : services) {
        for (const QString &directory : kDirectories) {
            const QString path = directory + u'/' + entry.unit;
            if (QFileInfo(path).isFile()) {
                entry.filePath = path;
                // The Description column as systemd would fill it (a unit file is a few KiB).
                QFile file(path);
                if (file.open(QIODevice::ReadOnly)) {
                    entry.description = unitFileDescription(file.read(kMaxUnitFileBytes));
                }
                break;
            }
        }
    }
    services.removeIf([](const ServiceEntry &entry) { return entry.filePath.isEmpty(); });
    return services;
}

} // namespace Deroot::Core
