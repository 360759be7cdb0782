// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/model/artifact.h"

#include <QList>
#include <QString>

namespace Deroot::Core {

/// One artifact's validation by the real tool (visudo, systemd-sysusers, systemd-analyze verify and
/// security, docker-compose config, quadlet -dryrun). @p vendorUnit is the agent's existing unit file's content, for a
/// drop-in.
struct ArtifactValidation
{
    QString artifactId;
    ValidationResult result;
    QString exposure;           ///< for units: "exposure 1.6 OK"; empty otherwise
    QString exposureShown = {}; ///< the same in the reader's language and notation, for the desktop only
};
QList<ArtifactValidation> validateArtifacts(const QList<Artifact> &artifacts, const QString &vendorUnit = {});

} // namespace Deroot::Core
