// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/cli/args.h"
#include "app/cli/command.h"

#include "core/recommend/recommender.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Deroot::Cli {

int runRecommend(const QList<QByteArray> &arguments, Io &io)
{
    const Args args(arguments, commandNamed("recommend"));
    const bool json = args.flag("json");
    if (!args.error().isEmpty()) {
        return fail(io, "recommend", {Core::ExitCode::Usage, args.error()}, json);
    }
    Core::Answers answers;
    if (args.has("environment")) {
        const auto environment = Core::parseEnvironment(QString::fromLocal8Bit(args.option("environment")));
        if (!environment) {
            return fail(io, "recommend", environment.error(), json);
        }
        answers.environment = *environment;
    }
    if (args.has("trust")) {
        const auto trust = Core::parseTrust(QString::fromLocal8Bit(args.option("trust")));
        if (!trust) {
            return fail(io, "recommend", trust.error(), json);
        }
        answers.trust = *trust;
    }
    if (args.has("systemd")) {
        const QByteArray systemd = args.option("systemd");
        if (systemd != "yes" && systemd != "no") {
            return fail(io, "recommend",
                        {Core::ExitCode::Usage, QCoreApplication::translate("derootctl", "--systemd takes yes or no")},
                        json);
        }
        answers.systemd = systemd == "yes";
    }
    if (args.has("start")) {
        const auto start = Core::parseStartMode(QString::fromLocal8Bit(args.option("start")));
        if (!start) {
            return fail(io, "recommend", start.error(), json);
        }
        answers.start = *start;
    }
    const auto report = inspectTarget(args, "recommend", io);
    if (!report) {
        return fail(io, "recommend", report.error(), json);
    }
    const Core::Recommendation recommendation = Core::recommend(*report, answers);
    return printResult(io, json, json ? Core::toJson(recommendation, answers) : QJsonObject(),
                       json ? QString() : Core::toText(recommendation, answers));
}

} // namespace Deroot::Cli
