// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "args.h"
#include "command.h"

#include "core/inspect/inspect.h"
#include "core/inspect/processinspector.h"
#include "core/text.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Deroot::Cli {

int runInspect(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, {"json", "no-package"}, {"pid", "unit"});
    const bool json = args.flag("json");
    const auto usage = [&](const QString &message) {
        return fail(io, "inspect", {Core::ExitCode::Usage, message}, json);
    };
    if (!args.error().isEmpty()) {
        return usage(args.error());
    }
    Core::InspectEnvironment environment;
    environment.queryPackageManager = !args.flag("no-package");

    const int targets = int(args.has("pid")) + int(args.has("unit")) + int(!args.positionals().isEmpty());
    if (targets != 1 || args.positionals().size() > 1) {
        return usage(
            QCoreApplication::translate("derootctl", "give exactly one target: a PATH, --pid PID or --unit NAME"));
    }

    Core::Result<Core::InspectionReport> report = Core::Error{Core::ExitCode::Failure, {}};
    if (!args.positionals().isEmpty()) {
        report = Core::inspectFile(args.positionals().first(), environment);
    } else if (args.has("pid")) {
        const auto pid = Core::parsePidArgument(QString::fromLocal8Bit(args.option("pid")));
        report = pid ? Core::inspectProcess(*pid, environment) : Core::Result<Core::InspectionReport>(pid.error());
    } else {
        report = Core::inspectUnit(QString::fromLocal8Bit(args.option("unit")), environment);
    }
    if (!report) {
        return fail(io, "inspect", report.error(), json);
    }
    // Text is built only when asked for.
    return printResult(io, json, json ? Core::toJson(*report) : QJsonObject(),
                       json ? QString() : Core::toText(*report));
}

} // namespace Deroot::Cli
