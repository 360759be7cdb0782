// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/generate/conflicts.h"
#include "core/model/artifact.h"
#include "core/model/generationinput.h"

#include <QJsonObject>
#include <QList>

namespace Deroot::Core {

/// Every artifact of one plan, the conflicts among them and the plan.json manifest.
struct GeneratedPlan
{
    GenerationInput input;
    QList<Artifact> artifacts;
    QList<Conflict> conflicts;
    QJsonObject manifest;
};

/// Validates @p input, then generates every artifact its method calls for, in the order the apply
/// step runs them:
/// - sudo: the service group and user, sysusers.d, the sudoers drop-in, a sudo-compatible unit;
/// - capabilities: the group and user, sysusers.d, the hardened unit or drop-in (or, without
///   systemd, the setcap line), plus a sudoers drop-in when the agent also needs sudo commands;
/// - container: the docker run line, docker-compose.yml, the Podman Quadlet unit and the Kubernetes
///   DaemonSet (containerArtifacts()); no host user, as the image brings its own.
/// Pure apart from reading the dangerous-command list: no validator runs here.
Result<GeneratedPlan> generatePlan(const GenerationInput &input);

} // namespace Deroot::Core
