// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/base/toolrunner.h"

#include <QProcess>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

ToolRun runTool(const QString &program, const QStringList &arguments, int timeoutMs, bool mergeStandardError,
                const QString &workingDirectory, const std::function<void(QProcess &)> &prepare)
{
    QProcess process;
    QProcessEnvironment clean;
    clean.insert(u"PATH"_s, u"/usr/sbin:/usr/bin:/sbin:/bin"_s);
    clean.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    clean.insert(u"SYSTEMD_COLORS"_s, u"0"_s);
    clean.insert(u"SYSTEMD_LOG_COLOR"_s, u"0"_s);
    clean.insert(u"SYSTEMD_PAGER"_s, u"cat"_s);
    process.setProcessEnvironment(clean);
    process.setProcessChannelMode(mergeStandardError ? QProcess::MergedChannels : QProcess::SeparateChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    if (!workingDirectory.isEmpty()) {
        process.setWorkingDirectory(workingDirectory);
    }
    if (prepare) {
        prepare(process);
    }
    process.start(program, arguments);
    ToolRun run;
    if (!process.waitForStarted(timeoutMs)) {
        run.error = u"%1 could not be started: %2"_s.arg(program, process.errorString());
        return run;
    }
    run.started = true;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        run.out = process.readAllStandardOutput();
        run.error = u"%1 did not finish within %2 seconds"_s.arg(program).arg(timeoutMs / 1000);
        return run;
    }
    run.out = process.readAllStandardOutput();
    if (!mergeStandardError) {
        run.err = process.readAllStandardError();
    }
    run.finished = process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    if (!run.finished) {
        run.error = u"%1 crashed"_s.arg(program);
    }
    return run;
}

} // namespace Deroot::Core
