// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace Deroot::Helper::Test {

/// A dbus-daemon of its own (the stock session configuration on a socket in a temporary folder),
/// for the helper's service and its clients in tests and the screenshot tool: a bus nothing else
/// uses, stopped when this goes.
class PrivateBus final
{
public:
    PrivateBus() = default;
    ~PrivateBus() { stop(); }
    PrivateBus(const PrivateBus &) = delete;
    PrivateBus &operator=(const PrivateBus &) = delete;

    /// Starts the daemon and reads its address; false (address() empty) if it did not come up
    /// within 10 s. With @p serviceDirectory, the bus can also activate the services whose
    /// .service files are there (as the system bus activates deroot-helper).
    bool start(const QString &serviceDirectory = QString())
    {
        if (!m_dir.isValid()) {
            return false;
        }
        QString configuration = QStringLiteral("--session");
        if (!serviceDirectory.isEmpty()) {
            QFile file(m_dir.filePath(QStringLiteral("bus.conf")));
            if (!file.open(QIODevice::WriteOnly)) {
                return false;
            }
            file.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN\"\n"
                       " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n<busconfig>\n"
                       "  <include>/usr/share/dbus-1/session.conf</include>\n  <servicedir>" +
                       serviceDirectory.toHtmlEscaped().toUtf8() + "</servicedir>\n</busconfig>\n");
            file.close();
            configuration = QStringLiteral("--config-file=") + file.fileName();
        }
        m_daemon.start(QStringLiteral("dbus-daemon"),
                       {configuration, QStringLiteral("--nofork"), QStringLiteral("--print-address"),
                        QStringLiteral("--address=unix:path=") + m_dir.filePath(QStringLiteral("bus"))});
        if (!m_daemon.waitForStarted()) {
            return false;
        }
        const QDeadlineTimer deadline(10000);
        while (!m_daemon.canReadLine() && !deadline.hasExpired()) {
            m_daemon.waitForReadyRead(100);
        }
        m_address = m_daemon.canReadLine() ? QString::fromUtf8(m_daemon.readLine()).trimmed() : QString();
        return !m_address.isEmpty();
    }

    QString address() const { return m_address; }

    /// Stops the daemon (after the connections to it are closed, so none waits on a dead socket).
    void stop()
    {
        if (m_daemon.state() != QProcess::NotRunning) {
            m_daemon.terminate();
            m_daemon.waitForFinished();
        }
    }

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
};

} // namespace Deroot::Helper::Test
