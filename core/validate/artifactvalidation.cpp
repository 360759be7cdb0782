// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/validate/artifactvalidation.h"

#include "core/validate/apparmorvalidation.h"
#include "core/validate/containervalidation.h"
#include "core/validate/sudovalidation.h"
#include "core/validate/systemdanalyze.h"

namespace Deroot::Core {

QList<ArtifactValidation> validateArtifacts(const QList<Artifact> &artifacts, const QString &vendorUnit)
{
    QList<ArtifactValidation> results;
    for (const Artifact &artifact : artifacts) {
        if (artifact.id == u"apparmor") {
            results.append({artifact.id, validateAppArmor(artifact.content), {}});
        } else if (artifact.id == u"compose") {
            results.append({artifact.id, validateCompose(artifact.content), {}});
        } else if (artifact.id == u"quadlet") {
            results.append({artifact.id, validateQuadlet(artifact.content, artifact.targetPath.section(u'/', -1)), {}});
        } else if (artifact.id == u"sudoers") {
            results.append({artifact.id, validateSudoers(artifact.content), {}});
        } else if (artifact.id == u"sysusers") {
            results.append({artifact.id, validateSysusers(artifact.content), {}});
        } else if (artifact.id == u"unit" || artifact.id == u"dropin") {
            const bool dropIn = artifact.id == u"dropin";
            // A drop-in is judged merged with the unit it changes, as systemd will see it.
            const QString unitName =
                dropIn ? artifact.targetPath.section(u'/', -2, -2).chopped(2) : artifact.targetPath.section(u'/', -1);
            const QString content = dropIn ? vendorUnit : artifact.content;
            const QString dropInContent = dropIn ? artifact.content : QString();
            const ExposureScore exposure = exposureScore(content, unitName, dropInContent);
            results.append({artifact.id, validateUnit(content, unitName, dropInContent),
                            exposure.score >= 0 ? exposure.validation.summary : QString(),
                            exposure.score >= 0 ? exposure.validation.shownSummary() : QString()});
        }
    }
    return results;
}

} // namespace Deroot::Core
