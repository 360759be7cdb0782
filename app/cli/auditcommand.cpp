// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/cli/args.h"
#include "app/cli/command.h"

#include "core/inspect/audit.h"

namespace Deroot::Cli {

int runAudit(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, commandNamed("audit"));
    const bool json = args.flag("json");
    if (!args.error().isEmpty()) {
        return fail(io, "audit", {Core::ExitCode::Usage, args.error()}, json);
    }
    if (!args.positionals().isEmpty()) {
        return fail(
            io, "audit",
            {Core::ExitCode::Usage, QStringLiteral("audit takes no arguments but --json; it audits this machine")},
            json);
    }
    const auto report = Core::audit();
    if (!report) {
        return fail(io, "audit", report.error(), json);
    }
    // Text is built only when asked for.
    return printResult(io, json, json ? Core::toJson(*report) : QJsonObject(),
                       json ? QString() : Core::toText(*report));
}

} // namespace Deroot::Cli
