// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/cli/helpercall.h"

#include <QByteArray>

#include <csignal>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace Deroot::Cli {

TextAgent::TextAgent()
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || access("/usr/bin/pkttyagent", X_OK) != 0) {
        return;
    }
    int notify[2];
    if (pipe2(notify, O_CLOEXEC) != 0) {
        return;
    }
    const QByteArray process = QByteArray::number(getpid());
    m_pid = fork();
    if (m_pid == 0) {
        // In the child: fd 3 tells the parent when the agent is registered (it closes it).
        if (dup2(notify[1], 3) < 0) {
            _exit(127);
        }
        execl("/usr/bin/pkttyagent", "pkttyagent", "--notify-fd", "3", "--fallback", "--process", process.constData(),
              static_cast<char *>(nullptr));
        _exit(127);
    }
    close(notify[1]);
    if (m_pid > 0) {
        // Wait until it has registered (or given up), at most 5 s, so the prompt cannot be missed.
        pollfd fd{notify[0], POLLIN, 0};
        char byte;
        while (poll(&fd, 1, 5000) > 0 && read(notify[0], &byte, 1) > 0) {
        }
    }
    close(notify[0]);
}

TextAgent::~TextAgent()
{
    if (m_pid > 0) {
        kill(m_pid, SIGTERM);
        waitpid(m_pid, nullptr, 0);
    }
}

} // namespace Deroot::Cli
