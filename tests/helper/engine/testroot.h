// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "app/helper/engine.h"
#include "app/helper/processrunner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

namespace Deroot::TestSupport {

/// The agent program the tests' plans name, and its bytes.
inline const QString kTestProgram = QStringLiteral("/usr/local/bin/deroot-test-agent");
inline const QByteArray kTestProgramBytes = QByteArrayLiteral("#!/bin/sh\nexec sleep infinity\n");

/// The program the sudo plan's rule names (planfixture.cpp), present in every test root.
inline const QString kSudoProgram = QStringLiteral("/usr/bin/id");

/// A minimal system under a temporary directory: /etc with root and adm in the account files,
/// login.defs, a sudoers that includes the root's own sudoers.d, /etc/systemd/system,
/// /var/lib/deroot, the test program and the sudo plan's command, all root-owned as on a real
/// system.
bool makeTestRoot(const QString &root);

/// Applies a hostile case's "setup" changes below @p root.
bool applySetup(const QString &root, const QJsonArray &setup);

/// Every entry below @p root with its type, mode, owner, size, SHA-256, symlink target and file
/// capabilities (security.capability), one line each, sorted; the journal's folder is left out.
QStringList manifest(const QString &root);

/// @p after (a manifest of /etc) with each account file's backup (passwd-, group-, shadow-,
/// gshadow-) that now holds its file as it was in @p before taken as unchanged: useradd writes that
/// into the backup, and an undo leaves the tools' backups as they are (docs/helper-engine.md).
QStringList withAccountBackupsAsBefore(const QStringList &before, QStringList after);

/// The real programs (useradd, userdel, visudo, in a private mount namespace for its binds),
/// except systemctl, which is played here: there is no service manager over a temporary root. A
/// restart makes @p proc/4242 the agent's /proc entry with the status statusFor() writes. The
/// units it knows are the root's unit files (/etc/systemd/system, /run/systemd/system,
/// /usr/lib/systemd/system, with /etc's drop-ins): `show` reads LoadState, ExecStart, User and a
/// timer's Unit from them; which are active is kept in a file beside /proc, so that it outlives an
/// engine killed in a child process.
class TestRunner final : public Helper::Runner
{
public:
    explicit TestRunner(QString root, QString proc);
    Core::ToolRun run(const QString &program, const QStringList &arguments, const QList<Helper::BindMount> &binds,
                      int timeoutMs) override;

    /// The units systemd runs, as this fake plays it.
    QStringList activeUnits() const;
    void setActive(const QString &unit, bool active);

    QStringList calls;
    bool failRestart = false;
    /// /proc/4242/status of the started agent, given the service user's uid.
    std::function<QByteArray(qint64 uid)> statusFor;

private:
    QString unitText(const QString &unit) const;
    QString unitProperty(const QString &unit, const QString &property) const;

    Helper::ProcessRunner m_real;
    QString m_root;
    QString m_proc;
};

/// The status of a correctly started caps agent: all uids @p uid, CAP_NET_RAW effective and
/// ambient, bounding CAP_NET_RAW, no_new_privs.
QByteArray capsAgentStatus(qint64 uid);
/// The status of the sudo plan's agent: all uids @p uid, no capability, the full bounding set,
/// no_new_privs off (sudo needs it off).
QByteArray unprivilegedAgentStatus(qint64 uid);

} // namespace Deroot::TestSupport
