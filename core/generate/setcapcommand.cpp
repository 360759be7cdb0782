// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/generate/setcapcommand.h"

#include "core/base/text.h"
#include "core/generate/systemdunit.h"
#include "core/model/capabilities.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

QString capabilityText(const QList<int> &capabilities, const QString &flags)
{
    QList<int> sorted = capabilities;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    QStringList names;
    for (const int capability : sorted) {
        const auto info = capabilityByNumber(capability);
        names << (info ? QString::fromLatin1(info->name).toLower() : QString::number(capability));
    }
    return names.join(u',') + u'+' + flags;
}

Result<Artifact> setcapCommand(const GenerationInput &input)
{
    if (input.executableIsScript) {
        return Error{ExitCode::Usage,
                     u"program %1 is a script: the kernel ignores file capabilities on scripts (they would "
                     u"apply to the interpreter); use the unit's AmbientCapabilities= or a sudo rule instead"_s.arg(
                         quoted(input.executable))};
    }
    if (input.capabilities.isEmpty()) {
        return Error{ExitCode::Usage, u"program %1 needs no capability: there is nothing for setcap to set"_s.arg(
                                          quoted(input.executable))};
    }
    const QString text = capabilityText(input.capabilities, u"ep"_s);
    // getcap prints "=ep" for the same set ("cap_net_raw=ep").
    QString expected = text;
    expected.replace(u"+ep"_s, u"=ep"_s);

    Artifact artifact;
    artifact.id = u"setcap"_s;
    artifact.targetPath = u"/usr/sbin/setcap"_s;
    artifact.isCommand = true;
    artifact.mode = 0;
    artifact.content = u"setcap %1 %2"_s.arg(text, input.executable);
    artifact.validator = u"getcap %1"_s.arg(input.executable);
    // Only a program that runs as a unit of its own can have the unit grant them.
    const bool unitCouldGrant = input.startMode != StartMode::CalledBy && input.runsUnderSystemd;
    const QString package = isPackageName(input.packageName) ? input.packageName : quoted(input.packageName);
    const Phrase again =
        input.packageName.isEmpty()
            ? artifactPhrase(
                  QT_TRANSLATE_NOOP("Deroot::Core::Artifact", "run this again after every update of the program."))
        : unitCouldGrant
            ? artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                               "every upgrade of the package %1 removes them, so run this again "
                                               "after each one (or use the systemd unit's AmbientCapabilities=, "
                                               "which upgrades keep)."))
                  .arg(package)
            : artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                               "every upgrade of the package %1 removes them, so run this again "
                                               "after each one."))
                  .arg(package);
    artifact.setPurpose(
        artifactPhrase(
            QT_TRANSLATE_NOOP(
                "Deroot::Core::Artifact",
                "Gives %1 only %2 when anyone runs it; `getcap %1` must then print \"%1 %3\". +ep (permitted "
                "and effective) is enough for a program that does not start others with the capability; "
                "the often advised +eip also lets children holding it as inheritable keep it, which is rarely "
                "needed and widens what a compromise reaches. Writing the file drops file capabilities: "
                "%4"))
            .arg(input.executable, text.section(u'+', 0, 0), expected, again));
    artifact.syntax = u"Bash"_s;
    return artifact;
}

} // namespace Deroot::Core
