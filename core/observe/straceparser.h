// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// strace's output, read into the system call results an observation is made of: the fallback for
// when eBPF is not there, where the agent runs as its service user without capabilities and each
// failure says what it lacks.
#pragma once

#include "core/observe/events.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Deroot::Core {

/// A line the parser could not read, by its number (from 1) and why.
struct StraceIssue
{
    int line = 0;
    QString message; ///< names the problem and quotes the start of the line
    bool operator==(const StraceIssue &) const = default;
};

/// What a log held: the calls in order, and the lines that were not understood.
struct StraceLog
{
    QList<SyscallResult> results;
    QList<StraceIssue> issues;
    int lines = 0;
};

/// Reads the output of `strace -f -qq [-y] [-ttt|-tt] [-T] -e trace=... [-e status=...]` line by
/// line: `[pid N]` prefixes, calls split into `<unfinished ...>` and `<... name resumed>`, errno
/// names (`= -1 EPERM (Operation not permitted)`), signal (`--- SIG... ---`), exit (`+++ ... +++`)
/// and strace's own `strace: ` lines. Every line either gives a result, is one of those known kinds,
/// or becomes a StraceIssue; nothing in the input can make it fail otherwise. Arguments are decoded
/// for socket, bind, open/openat/openat2/creat/execve, ioctl, setsockopt, the set*id calls,
/// setgroups, chroot and netlink replies read by recvmsg/recvfrom; the socket type of a bind comes
/// from the socket() that made the descriptor, or from -y's decoration.
class StraceParser final
{
public:
    /// @p mainPid is the traced program's pid, given to lines without a `[pid N]` prefix (strace
    /// writes none until a second process appears); @p mainComm names its process.
    explicit StraceParser(int mainPid = 0, QString mainComm = {});

    /// Reads one line, without or with its line end.
    void addLine(QByteArrayView line);
    /// Ends the input: calls still unfinished are reported, then the log is returned.
    StraceLog finish();

private:
    struct Pending
    {
        QString syscall;
        QString text;
        int line = 0;
        std::int64_t timeNs = 0;
    };
    struct SocketInfo
    {
        int family = -1;
        int type = -1;
        int protocol = -1;
    };

    void addCall(int pid, std::int64_t timeNs, const QString &text);
    void issue(const QString &message, QByteArrayView line);
    std::optional<SocketInfo> socketOf(int pid, int fd) const;

    int m_mainPid;
    QString m_mainComm;
    std::optional<std::int64_t> m_firstTimeNs;
    QHash<int, Pending> m_pending;
    QHash<QPair<int, int>, SocketInfo> m_sockets; ///< (pid, fd), for the type of a later bind
    QHash<int, SocketInfo> m_lastSocketByFd;      ///< fd alone: threads share their process's table
    StraceLog m_log;
};

/// The whole of @p text, as StraceParser reads it.
StraceLog parseStrace(QByteArrayView text, int mainPid = 0, const QString &mainComm = {});

} // namespace Deroot::Core
