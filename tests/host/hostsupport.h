// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What the host tests share: running a program inside the test host, asking systemd about a unit,
// reading a process's status, waiting for a condition, fetching a URL from outside the sandbox.
#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace Deroot::TestSupport {

struct HostRun
{
    int exitCode = -1;
    QString output; ///< standard output and error, merged
};

/// Runs @p program with @p arguments (no shell), at most 60 s; -1 when it timed out or crashed.
HostRun hostRun(const QString &program, const QStringList &arguments);

/// `systemctl show -p PROPERTY --value UNIT`, trimmed.
QString systemctlShow(const QString &unit, const QString &property);

/// The installed Debian package @p package as a .deb again, written to @p deb, from what dpkg
/// installed (what dpkg-repack does): its files, control fields, conffiles, md5sums and maintainer
/// scripts, with no file capability on any of its files (a fresh unpack has none). The test host
/// has no network and the build root's apt cache is cleaned, so a reinstall needs this. @p work is
/// a scratch directory; false, with a warning, when it fails.
bool repackInstalledPackage(const QString &package, const QString &deb, const QString &work);

/// The contents of /proc/PID/status, or nothing.
QString procStatus(const QString &pid);

/// A hexadecimal field of /proc/PID/status ("CapEff"); all bits set when it is missing.
quint64 statusField(const QString &status, const QString &field);

/// Polls @p condition every 200 ms until it holds or @p timeoutMs passed; its last answer.
bool waitFor(const std::function<bool()> &condition, int timeoutMs = 20000);

/// An HTTP GET of @p url from root, outside any agent's sandbox: the body, or nothing.
QString httpGet(const QString &url);

/// Closes unprivileged ICMP sockets (net.ipv4.ping_group_range = "1 0"), which would let a ping
/// work without CAP_NET_RAW; the test host has its own network namespace, so nothing outside it
/// changes. Returns the previous value for restorePingGroupRange(), or nothing on failure.
QString closePingGroupRange();
/// Puts back what closePingGroupRange() returned; nothing for an empty @p previous.
void restorePingGroupRange(const QString &previous);

/// A unit's journal since the last restart() through this object.
class UnitJournal final
{
public:
    /// `systemctl restart UNIT`, remembering the journal's position first.
    HostRun restart(const QString &unit);
    /// What @p unit logged since the last restart().
    QString text(const QString &unit) const;

private:
    QString m_cursor;
};

} // namespace Deroot::TestSupport
