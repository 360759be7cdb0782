// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The rules about what a plan may grant, defined once: the generators, the CLI, the wizard and the
// privileged helper all ask these functions, so that a plan the generators make is one the helper
// accepts, and the reverse. Pure: nothing here reads the machine.
#pragma once

#include "core/base/result.h"
#include "core/model/generationinput.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Deroot::Core {

/// Whether @p name has the shape of a user or group name Deroot writes or accepts:
/// [a-z_][a-z0-9_-]*, at most 31 characters. useradd allows 32, but systemd (sysusers.d, User=)
/// stops at 31, utmp's limit. The one definition: the generators, the catalog and the helper's
/// regeneration all ask it.
bool isAccountNameShape(QStringView name);

/// A systemd unit name's shape: 1 to 256 of systemd's unit name characters (letters, digits and
/// ":-_.\\@"), not starting with '-' (it would read as an option on a command line). The one
/// definition: inspect --unit and the helper's observe request ask it.
bool isUnitNameShape(QStringView name);

/// Whether @p id has the shape of an agent id: [a-z][a-z0-9_-]*, at most 32 characters. It names
/// files (/etc/sudoers.d/deroot-ID, deroot-ID.service), so it never has a '.', which would make
/// sudo skip the file.
bool isAgentIdShape(QStringView id);

/// Whether membership in group @p name amounts to root: it opens raw disks or memory (disk, kmem),
/// the password hashes (shadow), a root-run daemon's control socket (docker, lxd, incus-admin,
/// libvirt), root-owned trees in root's PATH (staff: /usr/local), or sudo/su without a check (sudo,
/// wheel, admin, root). Sources: Debian's SystemGroups wiki page; docker's "Docker daemon attack
/// surface"; the LXD and libvirt security pages.
bool isRootEquivalentGroup(QStringView name);

/// Whether group @p name is one no agent may ever be put into, not even with the privileged
/// approval: it is root's own group or one that sudoers grants sudo to (root, sudo, wheel, admin).
bool isSudoGroup(QStringView name);

/// Whether @p program (an absolute path, or a file name) runs code it is handed in its own process:
/// a shell or a language interpreter (sh, bash, python3.13, perl, node, ...). File capabilities on
/// it act for every user who runs it, with any script, so they are refused outright.
bool isInterpreter(QStringView program);

/// Whether @p program, run through sudo even with fixed arguments, changes who is root or what runs
/// as root (usermod, chpasswd, visudo, setcap, modprobe, sysctl, ...): a sudo rule for it needs the
/// privileged approval.
bool isRootEquivalentCommand(QStringView program);

/// One component of the path to a sudo command, as lstat() or fstat() on a descriptor opened
/// without following a symlink saw it.
struct PathComponentStat
{
    quint32 mode = 0; ///< st_mode, the file type included
    quint32 uid = 0;
    QString linkTarget; ///< for a symlink, what it points to (for the message only); may be empty
};

/// The one rule for the path of a sudo command: whoever can replace the program, or swap a
/// directory or a symlink on its way, chooses what runs as root. A component passes only if it is
/// no symlink, a directory (or, for @p isProgram, the last component, a regular file), owned by
/// root and writable by neither its group nor others. The group is not looked at: a directory
/// writable by group root is refused too, since gid 0 gives no root powers and a process with it
/// need not be root (a daemon run with Group=root, an account added to group root).
/// checkInputOnSystem() (where a plan is made) and the helper's descriptor walk (before it
/// installs the rule) both judge each component with this function, outermost first, so a plan
/// made here is one the helper accepts, and the reverse.
/// Returns why not, as a clause that follows the component's quoted path ("is owned by uid 1000,
/// not root, so someone other than root can change what runs as root"), or nothing.
[[nodiscard]] std::optional<QString> sudoPathProblem(const PathComponentStat &component, bool isProgram);

/// Where a walk of a path with sudoPathProblem() stopped, as rootOnlyPathProblem() reports it.
struct PathWalkStop
{
    enum class Kind {
        Missing,    ///< @c walked does not exist; everything above it passed
        Unreadable, ///< lstat() failed otherwise; @c detail is the system's reason
        Refused,    ///< @c walked fails the rule; @c detail is sudoPathProblem()'s clause
    };
    Kind kind = Kind::Refused;
    QString walked; ///< the path up to the component it stopped at
    QString detail;
};

/// Judges every component of the absolute @p path with lstat() from the top down by
/// sudoPathProblem(), the last one as the file: the one walk on path names, shared by sudo commands
/// and environment files (whoever can change the file an agent's environment comes from chooses
/// what the agent loads). @p root stands for "/" (tests judge a tree made below a temporary
/// directory); it is not judged itself. The helper walks its descriptors the same way
/// (app/helper/sudoprograms.cpp), so both name the same component. Nothing when it all passes.
[[nodiscard]] std::optional<PathWalkStop> rootOnlyPathProblem(const QString &path,
                                                              const QString &root = QStringLiteral("/"));

/// Whether capability @p number makes its holder root in all but name (the capability table's
/// RootEquivalent risk: CAP_SYS_ADMIN, CAP_SYS_MODULE, CAP_SETUID, CAP_DAC_OVERRIDE, ...). The one
/// definition: a plan needs the privileged approval for one, and the helper never gives one to a
/// program it starts to observe.
bool isRootEquivalentCapability(int number);

/// What makes the agent of @p input root in all but name: root-equivalent capabilities
/// ("CAP_SYS_ADMIN (root-equivalent capability)"), root-equivalent supplementary groups ("group
/// disk (root-equivalent group)") and root-equivalent sudo commands ("sudo command
/// /usr/sbin/usermod (root-equivalent command)"), in a stable order. Such a plan may be applied only with the
/// separate privileged approval (io.github.deroot.privileged.grant), which is always interactive.
QStringList privilegedGrants(const GenerationInput &input);

/// The rules every plan must satisfy whoever made it, checked on the typed input alone: no sudo
/// group, primary or supplementary; no root-equivalent primary group; no file capabilities on an
/// interpreter; no sudo command the dangerous-command list names, and that list must have loaded.
/// Returns the first refusal as one sentence (ExitCode::Usage) naming the value.
[[nodiscard]] std::optional<Error> checkGrantRules(const GenerationInput &input);

} // namespace Deroot::Core
