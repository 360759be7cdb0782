// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/processrunner.h"

#include <QFile>
#include <QProcess>

#include <sched.h>
#include <sys/mount.h>

using namespace Qt::StringLiterals;

namespace Deroot::Helper {

Core::ToolRun ProcessRunner::run(const QString &program, const QStringList &arguments, const QList<BindMount> &binds,
                                 int timeoutMs)
{
    // Encoded before the fork: the child may only call async-signal-safe functions.
    QList<QPair<QByteArray, QByteArray>> mounts;
    for (const BindMount &bind : binds) {
        mounts.append({QFile::encodeName(bind.source), QFile::encodeName(bind.target)});
    }
    const auto prepare = [&mounts](QProcess &process) {
        if (mounts.isEmpty()) {
            return;
        }
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
    };
    return Core::runTool(program, arguments, timeoutMs, true, u"/"_s, prepare);
}

} // namespace Deroot::Helper
