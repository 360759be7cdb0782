// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/cli/args.h"
#include "app/cli/command.h"

#include "core/base/text.h"
#include "core/inspect/inspect.h"
#include "core/inspect/processinspector.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Deroot::Cli {

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
        return Core::inspectFile(args.positionals().first(), environment);
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
