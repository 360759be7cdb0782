// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// One recording: the agent started (or found), watched by a mechanism for a set time, and what it
// did as an EventStream with its "recording" line (docs/observe-json.md).
#pragma once

#include "app/observer/spawn.h"
#include "core/base/result.h"
#include "core/observe/events.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>

namespace Deroot::Observer {

class BpfRecorder;

/// What to watch.
struct Target
{
    enum Kind { Command, Unit, Pid } kind = Command;
    QStringList command; ///< Command: argv, argv[0] absolute
    QString unit;        ///< Unit: a running systemd unit
    int pid = 0;         ///< Pid: a running process and what it forks from now on
};

struct RecordRequest
{
    Target target;
    Identity identity;       ///< Command: who it runs as
    QList<int> capabilities; ///< Command: its ambient capabilities
    std::int64_t durationNs = 30'000'000'000;
};

/// Set from a signal handler: end the recording now, as if its time were up.
extern std::atomic_bool g_stopRequested;

/// Records with the eBPF program on the cap_capable tracepoint and the syscall exits.
Core::Result<Core::EventStream> recordWithEbpf(BpfRecorder &recorder, const RecordRequest &request);

/// Records with strace: the command started as its user (only with its given capabilities), or
/// strace attached to a process or a unit's main process.
Core::Result<Core::EventStream> recordWithStrace(const RecordRequest &request);

/// The kernel's net.ipv4.ip_unprivileged_port_start, 1024 when it cannot be read.
int unprivilegedPortStart();

} // namespace Deroot::Observer
