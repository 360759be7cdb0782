// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// A program run on a pseudo-terminal of its own, as a text-mode program runs in a terminal: its
// controlling terminal is the pty, so a program that reads a password from /dev/tty (pkttyagent)
// reads what the test types, and prints its prompt where the test reads it.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace Deroot::TestSupport {

class PtyProcess final
{
public:
    PtyProcess() = default;
    ~PtyProcess();
    PtyProcess(const PtyProcess &) = delete;
    PtyProcess &operator=(const PtyProcess &) = delete;

    /// Starts @p program (an absolute path) with @p arguments on a new pty. With @p readyFd, the
    /// write end of a pipe is its file descriptor 3 and start() returns once the program closed it
    /// (pkttyagent --notify-fd 3 does once it is registered), within @p timeoutMs; otherwise at once.
    /// On failure, @p error says why, with what the program printed.
    bool start(const QString &program, const QStringList &arguments, bool readyFd, int timeoutMs, QString *error);

    /// Waits until what the program printed after offset @p from contains @p text, within
    /// @p timeoutMs. Returns the offset just after @p text, or -1 (the program ended or time ran out).
    qsizetype waitForOutput(const QString &text, qsizetype from, int timeoutMs);

    /// Everything the program printed so far (what it printed since the last call is read first):
    /// carriage returns dropped, terminal escape sequences (colours) removed.
    QString output();

    /// Types @p bytes on the terminal.
    bool write(const QByteArray &bytes);

    /// Whether it still runs.
    bool running();

    /// Its exit status once running() said it ended; -1 before, or when a signal ended it.
    int exitCode() const { return m_exitCode; }

    /// Ends it (SIGTERM, then SIGKILL after a grace period) and reaps it; nothing when not running.
    void stop();

private:
    /// Reads what is available without blocking; false once the pty is closed.
    bool readAvailable();

    int m_master = -1;
    pid_t m_pid = -1;
    int m_exitCode = -1;
    QByteArray m_output;
};

} // namespace Deroot::TestSupport
