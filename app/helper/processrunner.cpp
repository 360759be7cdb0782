// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/processrunner.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>

#include <sched.h>
#include <sys/mount.h>

using namespace Qt::StringLiterals;

namespace Deroot::Helper {

Core::ToolRun ProcessRunner::run(const QString &program, const QStringList &arguments, const QList<BindMount> &binds,
                                 int timeoutMs)
{
    QProcess process;
    QProcessEnvironment clean;
    clean.insert(u"PATH"_s, u"/usr/sbin:/usr/bin:/sbin:/bin"_s);
    clean.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    clean.insert(u"SYSTEMD_COLORS"_s, u"0"_s);
    clean.insert(u"SYSTEMD_PAGER"_s, u"cat"_s);
    process.setProcessEnvironment(clean);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setWorkingDirectory(u"/"_s);
    // Encoded before the fork: the child may only call async-signal-safe functions.
    QList<QPair<QByteArray, QByteArray>> mounts;
    for (const BindMount &bind : binds) {
        mounts.append({QFile::encodeName(bind.source), QFile::encodeName(bind.target)});
    }
    if (!mounts.isEmpty()) {
        process.setChildProcessModifier([&mounts, &process] {
            if (::unshare(CLONE_NEWNS) != 0 || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
                process.failChildProcessModifier("cannot make a private mount namespace", errno);
            }
            for (const auto &[source, target] : std::as_const(mounts)) {
                if (::mount(source.constData(), target.constData(), nullptr, MS_BIND, nullptr) != 0 ||
                    ::mount(nullptr, target.constData(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0) {
                    process.failChildProcessModifier("cannot bind the staged directory", errno);
                }
            }
        });
    }
    process.start(program, arguments);
    Core::ToolRun run;
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
    run.finished = process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    if (!run.finished) {
        run.error = u"%1 crashed"_s.arg(program);
    }
    return run;
}

} // namespace Deroot::Helper
