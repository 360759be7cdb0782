// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Starting the agent to watch: as the identity and with the capabilities the plan would give it,
// in a cgroup of its own (a transient systemd scope, or a cgroup of our own without systemd), and
// held at a gate until the recorder is watching that cgroup, so nothing it does is missed and
// nothing of our own set-up is recorded as its doing.
#pragma once

#include "core/base/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace Deroot::Observer {

/// Who the agent runs as.
struct Identity
{
    QString name;
    uid_t uid = 0;
    gid_t gid = 0;
    QList<gid_t> groups; ///< supplementary groups, from the group database
};

/// @p user as the password and group databases know it: a name or a numeric uid.
Core::Result<Identity> lookupIdentity(const QString &user);

struct SpawnSpec
{
    QStringList argv;        ///< argv[0] is an absolute path
    Identity identity;       ///< switched to when it is not root
    QList<int> capabilities; ///< given as ambient capabilities; the bounding set stays whole
};

/// A child process that has switched to its identity, waits at a gate, then executes the agent.
class GatedChild final
{
public:
    GatedChild() = default;
    GatedChild(const GatedChild &) = delete;
    GatedChild &operator=(const GatedChild &) = delete;
    GatedChild(GatedChild &&other) noexcept;
    GatedChild &operator=(GatedChild &&) = delete;
    ~GatedChild();

    /// Forks the child; it waits for release(). An Error when the program cannot be run at all.
    static Core::Result<GatedChild> spawn(const SpawnSpec &spec);

    pid_t pid() const { return m_pid; }

    /// Opens the gate and waits until the child has executed the program: an Error naming what
    /// failed (the identity switch, the capabilities, exec) otherwise.
    Core::Result<void> release();

    /// The child's status once it ended (waitpid), without waiting; false while it runs.
    bool reap(int *status);

private:
    pid_t m_pid = -1;
    int m_gate = -1;   ///< write end: one byte opens it
    int m_report = -1; ///< read end, close-on-exec in the child: EOF means exec succeeded
    bool m_reaped = false;
};

/// A cgroup the agent's processes live in, with everything below it.
struct Cgroup
{
    QString path;              ///< absolute, under /sys/fs/cgroup
    QString unit;              ///< the transient scope, when systemd made it
    bool ownDirectory = false; ///< made by us (no systemd): removed afterwards
};

/// Moves @p pid into a new cgroup: a transient scope named @p unitName through systemd's manager
/// when systemd runs, else a directory of our own at the top of the cgroup2 hierarchy.
Core::Result<Cgroup> moveToNewCgroup(pid_t pid, const QString &unitName);

/// The cgroup @p pid is in.
Core::Result<QString> cgroupOfProcess(pid_t pid);

/// True while any process is in @p cgroup (cgroup.events' "populated").
bool cgroupPopulated(const QString &cgroup);

/// Kills every process in @p cgroup and waits up to @p timeoutMs for it to empty; removes the
/// directory when we made it.
void killCgroup(const Cgroup &cgroup, int timeoutMs = 5000);

} // namespace Deroot::Observer
