// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/processidentity.h"

#include <cerrno>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

Result<ProcessIdentity> readIdentity(const Proc::PidDir &dir)
{
    ProcessIdentity identity;
    identity.pid = dir.pid();
    auto stat = dir.stat();
    if (!stat) {
        return stat.error();
    }
    identity.stat = *stat;

    const Proc::FileRead status = Proc::readAt(dir.fd(), "status");
    if (status.error != 0) {
        return dir.readError("status", status.error);
    }
    auto parsedStatus = Proc::parseStatus(status.data);
    if (!parsedStatus.value) {
        return dir.malformed("status", parsedStatus.error.what);
    }
    identity.status = *parsedStatus.value;

    const Error kernelThread{
        ExitCode::BadTarget,
        u"PID %1 is a kernel thread: it runs inside the kernel and has no program to inspect."_s.arg(dir.pid())};
    if (identity.status.kthread.value_or(false) || (identity.stat.flags & Proc::kPfKthread) != 0) {
        return kernelThread;
    }
    if (identity.stat.state == 'Z' || identity.stat.state == 'X') {
        return Error{ExitCode::BadTarget, u"PID %1 has exited and waits for its parent to collect it (a zombie): "
                                          u"nothing is left to inspect"_s.arg(dir.pid())};
    }

    const Proc::FileRead cmdline = Proc::readAt(dir.fd(), "cmdline");
    if (cmdline.error == ENOENT || cmdline.error == ESRCH) {
        return dir.gone();
    }
    for (const QByteArray &argument : cmdline.data.split('\0')) {
        identity.commandLine.append(QString::fromLocal8Bit(argument));
    }
    while (!identity.commandLine.isEmpty() && identity.commandLine.last().isEmpty()) {
        identity.commandLine.removeLast();
    }

    const Proc::FileRead exe = Proc::readLinkAt(dir.fd(), "exe");
    if (exe.error == 0) {
        QByteArray path = exe.data;
        // The kernel marks a replaced or removed executable with this suffix (d_path).
        if (path.endsWith(" (deleted)")) {
            path.chop(10);
            identity.executableDeleted = true;
        }
        identity.executable = QString::fromLocal8Bit(path);
    } else if (exe.error == EACCES || exe.error == EPERM) {
        identity.executableUnreadable = true;
    } else if (exe.error == ENOENT && identity.commandLine.isEmpty()) {
        // Older kernels lack "Kthread:" and a fixture may lack the flag: a process with neither an
        // executable nor a command line is a kernel thread.
        return kernelThread;
    } else if (exe.error == ESRCH) {
        return dir.gone();
    }

    const Proc::FileRead cgroup = Proc::readAt(dir.fd(), "cgroup");
    if (cgroup.error == 0) {
        identity.cgroup = Proc::parseCgroup(cgroup.data);
    }
    return identity;
}

std::optional<Error> checkUnchanged(const Proc::PidDir &dir, const Proc::Stat &first)
{
    const auto again = dir.stat();
    if (!again) {
        return again.error().code == ExitCode::Permission ? again.error() : dir.gone();
    }
    if (again->startTime != first.startTime) {
        return dir.gone();
    }
    return std::nullopt;
}

Result<ProcessIdentity> readProcessIdentity(int pid, const InspectEnvironment &environment)
{
    if (pid < 1 || pid > Proc::kPidMaxLimit) {
        return Error{ExitCode::NotFound,
                     u"no process has PID %1: process IDs run from 1 to %2"_s.arg(pid).arg(Proc::kPidMaxLimit)};
    }
    const Proc::PidDir dir(pid, environment);
    if (dir.fd() < 0) {
        return Proc::openError(dir);
    }
    auto identity = readIdentity(dir);
    if (!identity) {
        return identity;
    }
    if (auto error = checkUnchanged(dir, identity->stat)) {
        return *error;
    }
    return identity;
}

} // namespace Deroot::Core
