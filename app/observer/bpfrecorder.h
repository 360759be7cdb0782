// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The eBPF mechanism of deroot-observer: loads observer.bpf.c, follows the chosen processes and
// turns what the kernel reports into Deroot's EventStream (core/observe/events.h). It needs
// CAP_BPF and CAP_PERFMON (or CAP_SYS_ADMIN) and a kernel with BTF; where it cannot load, open()
// says why, and the observer falls back to strace.
#pragma once

#include "core/base/result.h"
#include "core/observe/events.h"

#include <QList>

#include <cstdint>
#include <memory>

namespace Deroot::Observer {

/// Which processes to record: exactly one of a cgroup subtree or a set of processes.
struct BpfFilter
{
    /// A cgroup v2 directory and everything below it: its inode number (the kernel's cgroup id).
    std::uint64_t cgroupId = 0;
    /// Its depth below the cgroup2 root as the caller sees it. Informational: inside a cgroup
    /// namespace (a container, the test host) the kernel's absolute depth differs, so the program
    /// finds the directory's depth itself from the id, which is unique on the machine.
    int cgroupLevel = -1;
    /// Or: these processes, as the observer's PID namespace numbers them, and every process they
    /// fork from now on.
    QList<int> pids;
};

/// Records capability checks and system call results of the processes a BpfFilter names.
/// Not thread-safe: one thread opens, starts, polls and finishes.
class BpfRecorder final
{
public:
    /// Loads and attaches the program (recording nothing until start()). An Error says exactly
    /// why BPF was refused (no BTF, EPERM, a tracepoint missing, ...), with ExitCode::Unavailable.
    static Core::Result<std::unique_ptr<BpfRecorder>> open();
    ~BpfRecorder();
    BpfRecorder(const BpfRecorder &) = delete;
    BpfRecorder &operator=(const BpfRecorder &) = delete;

    /// Records from now on; the events' timeNs count from here. Once only.
    Core::Result<void> start(const BpfFilter &filter);
    /// Drops process @p pid's events until its next execve succeeds: the observer's own child,
    /// setting up the agent's credentials before it execs the agent.
    void ignoreUntilExec(int pid);
    /// Reads what the kernel reported, waiting at most @p timeoutMs for the first event.
    Core::Result<void> poll(int timeoutMs);
    /// Stops recording and returns every event: phases resolved, each list in time order.
    Core::EventStream finish();

    /// Events the ring buffer had no room for: the stream misses them (report it, never hide it).
    std::uint64_t lostEvents() const;
    /// Checks left out because the kernel made them on credentials it put in place of the
    /// process's own (override_creds(): overlayfs acting as its mounter, nfsd, a core dump).
    std::uint64_t overriddenChecks() const;
    /// Events the program handed over, for measuring the overhead.
    std::uint64_t deliveredEvents() const;

private:
    struct Private;
    explicit BpfRecorder(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace Deroot::Observer
