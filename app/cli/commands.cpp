// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/cli/command.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Deroot::Cli {

const QList<Command> &commands()
{
    static const QList<Command> list{
        {"audit", QT_TRANSLATE_NOOP("derootctl", "list what runs as root or holds capabilities, and privileged files"),
         &runAudit},
        {"inspect", QT_TRANSLATE_NOOP("derootctl", "find what an agent needs: a program, --pid PID or --unit NAME"),
         &runInspect},
        {"observe",
         QT_TRANSLATE_NOOP("derootctl", "watch an agent run and say what it needs, with evidence (as root): "
                                        "-- PROGRAM ARGS... | --pid PID | --unit NAME | --replay FILE [--user USER] "
                                        "[--seconds N] [--mechanism auto|ebpf|strace] [--rounds N] [--json]"),
         &runObserve},
        {"recommend",
         QT_TRANSLATE_NOOP("derootctl",
                           "rank the three methods for an agent: TARGET [--environment bare-metal|vm|"
                           "container|kubernetes|legacy] [--trust own|vendor|untrusted] [--systemd yes|no] "
                           "[--start service|scheduled|called-by]"),
         &runRecommend},
        {"generate",
         QT_TRANSLATE_NOOP("derootctl", "write a plan's files and plan.json: TARGET --method sudo|caps|container "
                                        "--out DIR [--force] [--systemd yes|no] [--observation FILE]"),
         &runGenerate},
        {"prove",
         QT_TRANSLATE_NOOP("derootctl",
                           "run a plan's agent as its unit would, on temporary units, with and without each "
                           "capability and with each sandbox setting an observation flagged (as root, or through the "
                           "privileged helper): DIR|plan.json [--seconds N] [--check COMMAND] [--observation FILE] "
                           "[--no-ask-password]"),
         &runProve},
        {"apply",
         QT_TRANSLATE_NOOP("derootctl", "apply a plan through the privileged helper: DIR|plan.json [--dry-run] "
                                        "[--confirm-within SECONDS] [--no-ask-password]"),
         &runApply},
        {"confirm", QT_TRANSLATE_NOOP("derootctl", "keep an apply that waits for confirmation: ID"), &runConfirm},
        {"rollback", QT_TRANSLATE_NOOP("derootctl", "undo an apply, byte for byte: ID [--no-ask-password]"),
         &runRollback},
        {"history", QT_TRANSLATE_NOOP("derootctl", "list the applies the helper made"), &runHistory},
        {"walkthrough",
         QT_TRANSLATE_NOOP("derootctl", "inspect a sample agent, recommend a method and generate its files"),
         &runWalkthrough},
    };
    return list;
}

int fail(Io &io, const char *command, const Core::Error &error, bool json)
{
    io.err << "derootctl: " << command << ": " << error.message << Qt::endl;
    if (json) {
        printJson(io, QJsonObject{{u"error"_s,
                                   QJsonObject{{u"code"_s, Core::toInt(error.code)}, {u"message"_s, error.message}}}});
    }
    return Core::toInt(error.code);
}

void printJson(Io &io, const QJsonObject &document)
{
    io.out << QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented));
    io.out.flush();
}

int printResult(Io &io, bool json, const QJsonObject &document, const QString &text)
{
    if (json) {
        printJson(io, document);
    } else {
        io.out << text;
        io.out.flush();
    }
    return Core::toInt(Core::ExitCode::Success);
}

} // namespace Deroot::Cli
