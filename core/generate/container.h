// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/model/artifact.h"
#include "core/model/generationinput.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Deroot::Core {

/// What the container artifacts decide from the needs, shared by every runtime's file so they
/// cannot disagree, and exposed for the tests and the preview.
struct ContainerDecisions
{
    QString name;             ///< "deroot-<agentId>" (Kubernetes: '_' written '-')
    QString image;            ///< input.containerImage (never empty: validateGenerationInput())
    QStringList capabilities; ///< the chosen set without the "CAP_" prefix, kernel order: "NET_RAW"
    /// Host network: the agent needs AF_PACKET (capturing on the host's interfaces) or
    /// CAP_NET_ADMIN (changing the host's network), or its catalog entry says it measures the
    /// host's network (input.containerHost.network). Raw ICMP sockets (CAP_NET_RAW with AF_INET)
    /// work in the container's own network namespace and do not need it.
    bool hostNetwork = false;
    /// Host PID namespace: the agent reads other processes (a read path under /proc, or
    /// CAP_SYS_PTRACE, CAP_KILL, or input.containerHost.pid).
    bool hostPid = false;
    /// The host's / read-only at /host, mounted recursively and rslave so that file systems the
    /// host mounts later show up too (input.containerHost.root); it holds /host/proc and
    /// /host/sys, so the two mounts below are then left out.
    bool mountRoot = false;
    bool mountProc = false; ///< /proc read-only at /host/proc: a read path under /proc
    bool mountSys = false;  ///< /sys read-only at /host/sys: a read path under /sys
    /// The agent's arguments in the container: input.arguments, then the catalog's
    /// input.containerHost.arguments not already among them.
    QStringList arguments;
    /// Docker and Kubernetes run the agent as root inside the container when it needs any
    /// capability: for a non-root user both put added capabilities only in the bounding set (no
    /// ambient capabilities), and no_new_privs blocks file capabilities, so it would get none.
    bool rootInside = false;
    /// The Pod Security Standards profile the Kubernetes manifest meets: "restricted", "baseline"
    /// or "privileged", and the fields that keep it from the stricter one, with the reason.
    QString podSecurityProfile;
    QList<Phrase> podSecurityBreaks; ///< English in the manifest's comment, shown in the purpose
};

/// The decisions containerArtifacts() makes for @p input (which must have passed
/// validateGenerationInput()).
ContainerDecisions containerDecisions(const GenerationInput &input);

/// The container method's artifacts for @p input, in this order:
/// - "docker-run": the `docker run` command (read-only root, --cap-drop ALL and only the needed
///   --cap-add, no-new-privileges, limits, host namespaces only when needed);
/// - "compose": the same as docker-compose.yml (checked with `docker-compose config -q`);
/// - "quadlet": a Podman Quadlet /etc/containers/systemd/deroot-<agentId>.container, where a
///   non-root User= keeps AddCapability= (Podman sets them ambient);
/// - "kubernetes": a DaemonSet whose top comment names the Pod Security Standards profile it meets.
/// Deterministic (golden files); @p input must have passed validateGenerationInput().
QList<Artifact> containerArtifacts(const GenerationInput &input);

} // namespace Deroot::Core
