// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/model/artifact.h"

#include <QString>

namespace Deroot::Core {

/// Runs `docker-compose -f docker-compose.yml config -q` on @p content, written into a private
/// temporary directory: Compose's own schema check, which needs no running engine. ok only when
/// it exits 0 and prints nothing. available is false when docker-compose is not installed.
ValidationResult validateCompose(const QString &content);

/// Runs Podman's Quadlet generator in dry-run mode on @p content written as @p fileName
/// ("deroot-x.container") into a private temporary directory that QUADLET_UNIT_DIRS points at, so
/// no unit of the machine is read. ok when it exits 0 (an unknown key or a missing Image= fails).
/// available is false when /usr/libexec/podman/quadlet is not installed.
ValidationResult validateQuadlet(const QString &content, const QString &fileName);

} // namespace Deroot::Core
