// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The rules about what a plan may grant, defined once: the generators, the CLI, the wizard and the
// privileged helper all ask these functions, so that a plan the generators make is one the helper
// accepts, and the reverse (issue 11). Pure: nothing here reads the machine.
#pragma once

#include "core/generate/generationinput.h"
#include "core/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Deroot::Core {

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
std::optional<Error> checkGrantRules(const GenerationInput &input);

} // namespace Deroot::Core
