// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// A managed host for Ansible inside the test host, for host tests written in C++: sshd on
// 127.0.0.1 letting root in with a throw-away key, through tests/host/sshfixture.sh (which shell
// tests use directly). One object, one sshd; the destructor stops it and removes its folder.
#pragma once

#include "hostsupport.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Deroot::TestSupport {

class SshFixture final
{
public:
    /// @p script is the path of tests/host/sshfixture.sh (the checkout is at its own path in the
    /// test host; tests get it from a compile definition).
    explicit SshFixture(QString script);
    ~SshFixture();
    SshFixture(const SshFixture &) = delete;
    SshFixture &operator=(const SshFixture &) = delete;

    /// Starts sshd and waits until root logs in over it; @p hosts are the inventory's names, all
    /// this machine (default: localhost). False, with the script's message in error(), on failure.
    bool start(const QStringList &hosts = {});
    /// Stops sshd and Ansible's open connections and removes the folder; also done by the destructor.
    void stop();

    /// The script's last message (why start() failed).
    QString error() const { return m_error; }
    /// The fixture's folder: ansible.cfg, inventory.ini, ssh_config, the keys.
    QString dir() const { return m_dir; }
    QString ansibleConfig() const { return m_dir + QStringLiteral("/ansible.cfg"); }
    QString inventory() const { return m_dir + QStringLiteral("/inventory.ini"); }
    QString sshConfig() const { return m_dir + QStringLiteral("/ssh_config"); }
    /// The system environment with ANSIBLE_CONFIG set to this fixture's ansible.cfg.
    QProcessEnvironment ansibleEnvironment() const;

    /// Runs @p program (ansible-playbook, ansible, ansible-lint) with ansibleEnvironment(), in
    /// @p workingDir when given, at most @p timeoutMs; exit code -1 when it timed out or crashed.
    HostRun runAnsible(const QString &program, const QStringList &arguments, const QString &workingDir = {},
                       int timeoutMs = 180000) const;
    /// `ssh -F ssh_config HOST COMMAND`: a command run on the managed host as root over SSH.
    HostRun ssh(const QString &host, const QString &command) const;

private:
    QString m_script;
    QString m_dir;
    QString m_error;
    bool m_started = false;
};

} // namespace Deroot::TestSupport
