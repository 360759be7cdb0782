// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/cli/args.h"
#include "app/cli/command.h"

#include "core/base/text.h"
#include "core/fleet/fleet.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Deroot::Cli {

int runFleet(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, commandNamed("fleet"));
    const bool json = args.flag("json");
    if (!args.error().isEmpty()) {
        return fail(io, "fleet", {Core::ExitCode::Usage, args.error()}, json);
    }
    if (args.positionals().size() != 1) {
        return fail(io, "fleet",
                    {Core::ExitCode::Usage,
                     QCoreApplication::translate("derootctl", "fleet takes one folder: the one the fleet playbook "
                                                              "fetched the hosts' audits into")},
                    json);
    }
    if (args.has("html") && args.option("html").isEmpty()) {
        return fail(io, "fleet",
                    {Core::ExitCode::Usage, QCoreApplication::translate("derootctl", "--html needs a file name")},
                    json);
    }
    const QString directory =
        QDir::cleanPath(QFileInfo(QFile::decodeName(args.positionals().first())).absoluteFilePath());
    const auto report = Core::mergeFleet(directory);
    if (!report) {
        return fail(io, "fleet", report.error(), json);
    }
    for (const Core::FleetProblem &problem : report->problems) {
        io.err << "derootctl: fleet: " << Core::oneLine(problem.message) << '\n';
    }
    io.err.flush();
    if (args.has("html")) {
        const QString path = QFileInfo(QFile::decodeName(args.option("html"))).absoluteFilePath();
        // All or nothing: a page cut short by a full disk would look like a fleet with fewer hosts.
        QSaveFile file(path);
        if (QFileInfo(path).isDir() || !file.open(QIODevice::WriteOnly) ||
            file.write(Core::toHtml(*report).toUtf8()) < 0 || !file.commit()) {
            return fail(
                io, "fleet",
                {Core::ExitCode::Failure,
                 QCoreApplication::translate("derootctl", "the page %1 cannot be written: %2")
                     .arg(Core::quoted(path), QFileInfo(path).isDir() ? u"it is a folder"_s : file.errorString())},
                json);
        }
    }
    printResult(io, json, json ? Core::toJson(*report) : QJsonObject(), json ? QString() : Core::toText(*report));
    // Some host's audit left out, or none read: the report is there, but not of the whole fleet.
    return Core::toInt(report->problems.isEmpty() && !report->hosts.isEmpty() ? Core::ExitCode::Success
                                                                              : Core::ExitCode::Failure);
}

} // namespace Deroot::Cli
