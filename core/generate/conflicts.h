// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/model/artifact.h"
#include "core/model/generationinput.h"

#include <QList>
#include <QString>

namespace Deroot::Core {

/// A combination in a plan that silently breaks de-rooting: the agent starts but cannot do its
/// job, or fails in a way an admin is unlikely to trace back to the configuration.
struct Conflict
{
    QString id;                    ///< stable: "sudo-no-new-privileges", "file-capabilities-no-new-privileges", ...
    QString consequence;           ///< one sentence: what combination, and what then happens
    QString fix;                   ///< one sentence: the variant that works
    QString consequenceShown = {}; ///< consequence in the reader's language, for the desktop only
    QString fixShown = {};         ///< fix in the reader's language, for the desktop only
};

/// Every conflict between @p input (the needs: sudo commands, supplementary groups, the package)
/// and the chosen @p artifacts (units and drop-ins by their [Service] settings, "setcap"
/// commands by their capability text). Pure: reads nothing but its arguments. Detected:
/// - "sudo-no-new-privileges": the agent calls sudo (sudo method, sudo commands or a "sudoers"
///   artifact) and a unit sets NoNewPrivileges= or a setting that implies it;
/// - "sudo-arguments-unknown": a sudo command whose arguments nobody knows: the rule allows none,
///   so the agent's real calls are refused;
/// - "sudo-dynamic-user": the same with DynamicUser=yes;
/// - "sudo-bounding-set": the same with a CapabilityBoundingSet= narrower than all capabilities;
/// - "file-capabilities-no-new-privileges": setcap on a program the service runs, and the unit
///   has NoNewPrivileges= (explicit or implied): the capabilities are silently not granted;
/// - "file-capabilities-exceed-bounding-set": +ep file capabilities outside the unit's bounding
///   set: execve() fails with EPERM;
/// - "group-without-supplementary-groups": Group= set, and SupplementaryGroups= lacks a group the
///   agent needs;
/// - "file-capabilities-lost-on-upgrade": setcap on a program owned by a package;
/// - "docker-non-root-cap-add": a "docker-run" or "compose" artifact adds capabilities for a
///   non-root user: Docker puts them only in the bounding set, so the agent has none;
/// - "docker-no-new-privileges-file-capabilities": such a container runs a non-root user with
///   no-new-privileges and the plan relies on file capabilities, which exec then does not grant;
/// - "file-capabilities-exceed-container-set": +ep file capabilities outside the container's set
///   (Docker's default set, or only the --cap-add ones after --cap-drop ALL): exec fails with EPERM;
/// - "kubernetes-restricted-capabilities": a "kubernetes" manifest runs as non-root and adds
///   capabilities, which Kubernetes (no ambient capabilities) leaves ineffective.
QList<Conflict> detectConflicts(const GenerationInput &input, const QList<Artifact> &artifacts);

} // namespace Deroot::Core
