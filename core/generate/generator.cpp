// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/generate/generator.h"

#include "core/generate/apparmorprofile.h"
#include "core/generate/container.h"
#include "core/generate/inputvalidation.h"
#include "core/generate/manifest.h"
#include "core/generate/serviceuser.h"
#include "core/generate/setcapcommand.h"
#include "core/generate/sudoersgenerator.h"
#include "core/generate/systemdunit.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

Result<GeneratedPlan> generatePlan(const GenerationInput &input)
{
    if (const auto error = validateGenerationInput(input)) {
        return *error;
    }
    GeneratedPlan plan;
    plan.input = input;
    if (input.method == Method::Container) {
        // The image brings its own users: no host user, sysusers.d file or unit is needed.
        plan.artifacts = containerArtifacts(input);
        plan.conflicts = detectConflicts(input, plan.artifacts);
        plan.manifest = planManifest(input, plan.artifacts);
        return plan;
    }
    // A called program runs as its caller: no user of its own, no unit.
    const bool calledBy = input.startMode == StartMode::CalledBy;
    if (!calledBy) {
        if (const auto group = serviceGroupCommand(input)) {
            plan.artifacts.append(*group);
        }
        plan.artifacts.append(serviceUserCommand(input));
        plan.artifacts.append(sysusersFile(input));
    }
    const bool needsSudo = input.method == Method::Sudo || !input.sudoCommands.isEmpty();
    if (needsSudo) {
        if (input.sudoCommands.isEmpty()) {
            return Error{ExitCode::Usage,
                         QCoreApplication::translate("Deroot::Core::InputValidation",
                                                     "the sudo method needs at least one command to allow")};
        }
        const auto sudoers = sudoersFile(input);
        if (!sudoers) {
            return sudoers.error();
        }
        plan.artifacts.append(*sudoers);
    }
    if (input.runsUnderSystemd && !calledBy) {
        plan.artifacts.append(systemdUnit(input));
        if (input.startMode == StartMode::Scheduled) {
            plan.artifacts.append(systemdTimer(input));
        }
    } else if (input.method == Method::Capabilities && !input.capabilities.isEmpty()) {
        const auto setcap = setcapCommand(input);
        if (!setcap) {
            return setcap.error();
        }
        plan.artifacts.append(*setcap);
    }
    if (input.method == Method::Capabilities) {
        // The guide's pro tip: capabilities together with a profile that limits the files.
        plan.artifacts.append(appArmorProfile(input));
    }
    plan.conflicts = detectConflicts(input, plan.artifacts);
    plan.manifest = planManifest(input, plan.artifacts);
    return plan;
}

} // namespace Deroot::Core
