// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ptyprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

using namespace Qt::StringLiterals;

namespace Deroot::TestSupport {

PtyProcess::~PtyProcess()
{
    stop();
}

bool PtyProcess::start(const QString &program, const QStringList &arguments, bool readyFd, int timeoutMs,
                       QString *error)
{
    // Everything the child needs is made before fork(): the test is multithreaded (QtDBus), and
    // between fork() and exec() only async-signal-safe calls are allowed.
    std::vector<QByteArray> words{QFile::encodeName(program)};
    for (const QString &argument : arguments) {
        words.push_back(argument.toLocal8Bit());
    }
    std::vector<char *> argv;
    for (QByteArray &word : words) {
        argv.push_back(word.data());
    }
    argv.push_back(nullptr);

    int ready[2] = {-1, -1};
    if (readyFd && pipe2(ready, O_CLOEXEC) != 0) {
        *error = u"pipe2: %1"_s.arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    const pid_t pid = forkpty(&m_master, nullptr, nullptr, nullptr);
    if (pid < 0) {
        *error = u"forkpty: %1"_s.arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    if (pid == 0) {
        if (readyFd) {
            if (ready[1] == 3) {
                fcntl(3, F_SETFD, 0); // dup2 onto itself would keep FD_CLOEXEC
            } else if (dup2(ready[1], 3) != 3) {
                _exit(126);
            }
        }
        execv(argv.front(), argv.data());
        _exit(127);
    }
    m_pid = pid;
    fcntl(m_master, F_SETFL, fcntl(m_master, F_GETFL) | O_NONBLOCK);
    if (!readyFd) {
        return true;
    }
    close(ready[1]);
    // The program closes its end once it is ready (and so does its exit): wait for end of file,
    // reading the terminal meanwhile so that it never blocks on a full pty.
    const QDeadlineTimer deadline(timeoutMs);
    bool closed = false;
    while (!closed && !deadline.hasExpired()) {
        pollfd fds[] = {{ready[0], POLLIN, 0}};
        if (poll(fds, 1, 50) > 0) {
            char byte = 0;
            const ssize_t got = read(ready[0], &byte, 1);
            closed = got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN);
        }
        readAvailable();
    }
    close(ready[0]);
    readAvailable();
    if (!closed) {
        *error = u"%1 was not ready within %2 ms; it printed: %3"_s.arg(program).arg(timeoutMs).arg(output());
        return false;
    }
    if (!running()) {
        *error = u"%1 ended before it was ready; it printed: %2"_s.arg(program, output());
        return false;
    }
    return true;
}

bool PtyProcess::readAvailable()
{
    if (m_master < 0) {
        return false;
    }
    char buffer[4096];
    for (;;) {
        const ssize_t got = read(m_master, buffer, sizeof buffer);
        if (got > 0) {
            m_output.append(buffer, got);
            continue;
        }
        // EIO: the last process holding the terminal's other side has gone.
        return got < 0 && (errno == EAGAIN || errno == EINTR);
    }
}

qsizetype PtyProcess::waitForOutput(const QString &text, qsizetype from, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const bool open = readAvailable();
        const qsizetype at = output().indexOf(text, from);
        if (at >= 0) {
            return at + text.size();
        }
        if (!open || deadline.hasExpired()) {
            return -1;
        }
        // Not a blocking poll: the test's own QProcess pipes (the GUI, the X server) must keep
        // being read, or a chatty child blocks on a full pipe.
        QTest::qWait(50);
    }
}

QString PtyProcess::output()
{
    readAvailable();
    static const QRegularExpression escape(u"\x1b\\[[0-9;?]*[A-Za-z]"_s);
    return QString::fromUtf8(m_output).remove(u'\r').remove(escape);
}

bool PtyProcess::write(const QByteArray &bytes)
{
    qsizetype done = 0;
    while (m_master >= 0 && done < bytes.size()) {
        const ssize_t wrote = ::write(m_master, bytes.constData() + done, size_t(bytes.size() - done));
        if (wrote < 0 && errno != EINTR && errno != EAGAIN) {
            return false;
        }
        done += wrote > 0 ? wrote : 0;
    }
    return done == bytes.size();
}

bool PtyProcess::running()
{
    if (m_pid <= 0) {
        return false;
    }
    int status = 0;
    if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_pid = -1;
        m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return false;
    }
    return true;
}

void PtyProcess::stop()
{
    if (running()) {
        kill(m_pid, SIGTERM);
        const QDeadlineTimer grace(3000);
        while (running() && !grace.hasExpired()) {
            readAvailable();
            QTest::qWait(20);
        }
        if (running()) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, nullptr, 0);
            m_pid = -1;
        }
    }
    if (m_master >= 0) {
        readAvailable();
        close(m_master);
        m_master = -1;
    }
}

} // namespace Deroot::TestSupport
