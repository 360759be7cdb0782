// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/cli/args.h"
#include "app/cli/command.h"

#include "core/base/text.h"
#include "core/inspect/inspect.h"
#include "core/inspect/processinspector.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Deroot::Cli {

namespace {

// A program named as a shell would run it: a bare name is looked up on PATH (and in the system's
// sbin folders, which an unprivileged admin's PATH may lack), then in the current folder; a
// relative path is made absolute, so that what is printed and planned names the file itself.
QByteArray programPath(const QByteArray &given)
{
    if (!given.isEmpty() && !given.contains('/')) {
        QList<QByteArray> folders = qgetenv("PATH").split(':');
        folders << "/usr/local/sbin" << "/usr/local/bin" << "/usr/sbin" << "/usr/bin" << "/sbin" << "/bin";
        for (const QByteArray &folder : std::as_const(folders)) {
            if (!folder.startsWith('/')) {
                continue; // an empty or relative PATH entry is the current folder: a shell's trap
            }
            const QByteArray candidate = folder + '/' + given;
            const QFileInfo info(QFile::decodeName(candidate));
            if (info.isFile() && info.isExecutable()) {
                return candidate;
            }
        }
    }
    if (given.isEmpty() || given.startsWith('/')) {
        return given;
    }
    return QFile::encodeName(QFileInfo(QFile::decodeName(given)).absoluteFilePath());
}

} // namespace

Core::Result<Core::InspectionReport> inspectTarget(const Args &args, const char *, Io &)
{
    Core::InspectEnvironment environment;
    environment.queryPackageManager = !args.flag("no-package");
    const int targets = int(args.has("pid")) + int(args.has("unit")) + int(!args.positionals().isEmpty());
    if (targets != 1 || args.positionals().size() > 1) {
        return Core::Error{
            Core::ExitCode::Usage,
            QCoreApplication::translate("derootctl", "give exactly one target: a PATH, --pid PID or --unit NAME")};
    }
    if (!args.positionals().isEmpty()) {
        const QByteArray &given = args.positionals().first();
        const QByteArray path = programPath(given);
        if (!given.isEmpty() && !given.contains('/') && !QFileInfo::exists(QFile::decodeName(path))) {
            return Core::Error{Core::ExitCode::NotFound,
                               QCoreApplication::translate("derootctl", "there is no program %1 on PATH, in the "
                                                                        "system's sbin folders or in this folder")
                                   .arg(Core::quoted(QString::fromLocal8Bit(given)))};
        }
        return Core::inspectFile(path, environment);
    }
    if (args.has("pid")) {
        const auto pid = Core::parsePidArgument(QString::fromLocal8Bit(args.option("pid")));
        return pid ? Core::inspectProcess(*pid, environment) : Core::Result<Core::InspectionReport>(pid.error());
    }
    return Core::inspectUnit(QString::fromLocal8Bit(args.option("unit")), environment);
}

int runInspect(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, commandNamed("inspect"));
    const bool json = args.flag("json");
    if (!args.error().isEmpty()) {
        return fail(io, "inspect", {Core::ExitCode::Usage, args.error()}, json);
    }
    const auto report = inspectTarget(args, "inspect", io);
    if (!report) {
        return fail(io, "inspect", report.error(), json);
    }
    // Text is built only when asked for.
    return printResult(io, json, json ? Core::toJson(*report) : QJsonObject(),
                       json ? QString() : Core::toText(*report));
}

} // namespace Deroot::Cli
