// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "sshfixture.h"

#include <QProcess>
#include <QUuid>

#include <utility>

using namespace Qt::StringLiterals;

namespace Deroot::TestSupport {

SshFixture::SshFixture(QString script)
    : m_script(std::move(script))
{}

SshFixture::~SshFixture()
{
    stop();
}

bool SshFixture::start(const QStringList &hosts)
{
    stop();
    // The script makes the folder itself (mode 0700) and refuses one that exists.
    m_dir = u"/tmp/deroot-sshfixture-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
    const HostRun run = hostRun(m_script, QStringList{u"start"_s, m_dir} + hosts);
    m_started = true; // stop() cleans up whatever part of the start happened
    if (run.exitCode != 0) {
        m_error = run.output.trimmed();
        return false;
    }
    return true;
}

void SshFixture::stop()
{
    if (!m_started) {
        return;
    }
    m_started = false;
    hostRun(m_script, {u"stop"_s, m_dir});
}

QProcessEnvironment SshFixture::ansibleEnvironment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"ANSIBLE_CONFIG"_s, ansibleConfig());
    // Plain output: the tests read the recap and the messages.
    environment.insert(u"ANSIBLE_NOCOLOR"_s, u"1"_s);
    environment.insert(u"ANSIBLE_FORCE_COLOR"_s, u"0"_s);
    environment.insert(u"LANG"_s, u"C.UTF-8"_s);
    return environment;
}

HostRun SshFixture::runAnsible(const QString &program, const QStringList &arguments, const QString &workingDir,
                               int timeoutMs) const
{
    QProcess process;
    process.setProcessEnvironment(ansibleEnvironment());
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!workingDir.isEmpty()) {
        process.setWorkingDirectory(workingDir);
    }
    process.start(program, arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        return {-1, QString::fromUtf8(process.readAll()) + u"\n(timed out or crashed)"_s};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAll())};
}

HostRun SshFixture::ssh(const QString &host, const QString &command) const
{
    return hostRun(u"ssh"_s, {u"-F"_s, sshConfig(), host, command});
}

} // namespace Deroot::TestSupport
