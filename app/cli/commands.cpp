// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/cli/command.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Deroot::Cli {

namespace {

// The options several commands share, each written once.
const Option kJson{"json", nullptr,
                   QT_TRANSLATE_NOOP("derootctl", "write the result as JSON (docs/schemas); on an error, "
                                                  "{\"error\": {\"code\": N, \"message\": ...}}")};
const Option kNoPackage{
    "no-package", nullptr,
    QT_TRANSLATE_NOOP("derootctl", "do not ask the package manager which package owns the program")};
const Option kPid{"pid", "PID", QT_TRANSLATE_NOOP("derootctl", "the running process PID instead of a path")};
const Option kUnit{"unit", "NAME", QT_TRANSLATE_NOOP("derootctl", "the systemd unit NAME instead of a path")};
const Option kNoAskPassword{"no-ask-password", nullptr,
                            QT_TRANSLATE_NOOP("derootctl", "through the helper, do not ask for a password: a "
                                                           "refusal by polkit is exit code 10")};
const Option kSystemd{"systemd", "yes|no",
                      QT_TRANSLATE_NOOP("derootctl", "whether the machine runs systemd (default: as detected)")};
const Option kStart{"start", "service|scheduled|called-by",
                    QT_TRANSLATE_NOOP("derootctl", "how the agent is started, over what the evidence says")};
const Option kObservation{"observation", "FILE",
                          QT_TRANSLATE_NOOP("derootctl", "what `derootctl observe --json` wrote for this agent")};

} // namespace

const QList<Command> &commands()
{
    static const QList<Command> list{
        {"audit",
         QT_TRANSLATE_NOOP("derootctl", "list what runs as root or holds capabilities, and privileged files"),
         &runAudit,
         "",
         {kJson},
         {"derootctl audit", "derootctl audit --json > audit.json"}},
        {"fleet",
         QT_TRANSLATE_NOOP("derootctl", "merge many hosts' audits (one audit --json file per host, as the fleet "
                                        "playbook fetches them) into one report, most privileged first"),
         &runFleet,
         QT_TRANSLATE_NOOP("derootctl", "DIR"),
         {kJson,
          {"html", "FILE",
           QT_TRANSLATE_NOOP("derootctl", "also write the report as a self-contained HTML page to FILE")}},
         {"derootctl fleet audits/", "derootctl fleet audits/ --html fleet.html"}},
        {"inspect",
         QT_TRANSLATE_NOOP("derootctl", "find what an agent needs: a program, --pid PID or --unit NAME"),
         &runInspect,
         QT_TRANSLATE_NOOP("derootctl", "PATH | --pid PID | --unit NAME"),
         {kJson, kNoPackage, kPid, kUnit},
         {"derootctl inspect fping", "derootctl inspect --unit prometheus-node-exporter.service",
          "derootctl inspect --pid 904 --json"}},
        {"observe",
         QT_TRANSLATE_NOOP("derootctl", "watch an agent run and say what it needs, with evidence (as root): "
                                        "-- PROGRAM ARGS... | --pid PID | --unit NAME | --replay FILE [--user USER] "
                                        "[--seconds N] [--mechanism auto|ebpf|strace] [--rounds N] [--json]"),
         &runObserve,
         QT_TRANSLATE_NOOP("derootctl", "-- PROGRAM ARGS... | --pid PID | --unit NAME | --replay FILE"),
         {kJson,
          kNoAskPassword,
          {"pid", "PID", QT_TRANSLATE_NOOP("derootctl", "watch the running process PID from now on")},
          {"unit", "NAME", QT_TRANSLATE_NOOP("derootctl", "watch the running unit NAME from now on")},
          {"user", "USER", QT_TRANSLATE_NOOP("derootctl", "the user a program runs as (default nobody)")},
          {"seconds", "N",
           QT_TRANSLATE_NOOP("derootctl",
                             "how long to watch, in seconds (default 30; at most 600 through the helper)")},
          {"mechanism", "auto|ebpf|strace",
           QT_TRANSLATE_NOOP("derootctl", "how to watch: eBPF, strace, or the first that works (default auto)")},
          {"capabilities", "CAPS",
           QT_TRANSLATE_NOOP("derootctl", "the capabilities a program starts with, comma-separated (default none)")},
          {"rounds", "N",
           QT_TRANSLATE_NOOP("derootctl", "at most N rounds, each with what the last was refused, 1 to 8 (default 3)")},
          {"replay", "FILE",
           QT_TRANSLATE_NOOP("derootctl", "read a recording of deroot-observer instead of watching")}},
         {"sudo derootctl observe --seconds 60 -- /usr/bin/fping -c 1 127.0.0.1",
          "sudo derootctl observe --unit prometheus-node-exporter.service --json > observed.json"}},
        {"recommend",
         QT_TRANSLATE_NOOP("derootctl",
                           "rank the three methods for an agent: TARGET [--environment bare-metal|vm|"
                           "container|kubernetes|legacy] [--trust own|vendor|untrusted] [--systemd yes|no] "
                           "[--start service|scheduled|called-by]"),
         &runRecommend,
         QT_TRANSLATE_NOOP("derootctl", "PATH | --pid PID | --unit NAME"),
         {kJson,
          kNoPackage,
          kPid,
          kUnit,
          {"environment", "bare-metal|vm|container|kubernetes|legacy",
           QT_TRANSLATE_NOOP("derootctl", "where the agent runs (default bare-metal)")},
          {"trust", "own|vendor|untrusted",
           QT_TRANSLATE_NOOP("derootctl", "how far the agent's code is trusted (default vendor)")},
          kSystemd,
          kStart},
         {"derootctl recommend fping", "derootctl recommend --unit chrony.service --environment vm --trust vendor"}},
        {"generate",
         QT_TRANSLATE_NOOP("derootctl", "write a plan's files and plan.json: TARGET --method sudo|caps|container "
                                        "--out DIR [--force] [--systemd yes|no] [--observation FILE]"),
         &runGenerate,
         QT_TRANSLATE_NOOP("derootctl", "PATH | --pid PID | --unit NAME"),
         {kJson,
          kNoPackage,
          kPid,
          kUnit,
          {"method", "sudo|caps|container",
           QT_TRANSLATE_NOOP("derootctl", "the method: sudo rules, capabilities or a container (required)")},
          {"out", "DIR", QT_TRANSLATE_NOOP("derootctl", "where the plan's files and plan.json go (required)")},
          {"format", "plan|ansible",
           QT_TRANSLATE_NOOP("derootctl", "plan: the files and plan.json (default); ansible: an Ansible role that "
                                          "applies them, with a playbook (docs/ansible.md)")},
          {"force", nullptr, QT_TRANSLATE_NOOP("derootctl", "replace what DIR holds of an earlier plan")},
          kSystemd,
          {"caps", "CAPS",
           QT_TRANSLATE_NOOP("derootctl", "exactly these capabilities, comma-separated (\"\" for none)")},
          {"add-cap", "CAPS", QT_TRANSLATE_NOOP("derootctl", "add these capabilities to what inspection found")},
          {"drop-cap", "CAPS", QT_TRANSLATE_NOOP("derootctl", "take these capabilities away")},
          {"user", "NAME", QT_TRANSLATE_NOOP("derootctl", "the service user")},
          {"read-paths", "PATHS", QT_TRANSLATE_NOOP("derootctl", "the paths it reads, comma-separated")},
          {"write-paths", "PATHS", QT_TRANSLATE_NOOP("derootctl", "the paths it writes, comma-separated")},
          {"devices", "PATHS", QT_TRANSLATE_NOOP("derootctl", "the device nodes under /dev it opens, comma-separated")},
          {"groups", "GROUPS", QT_TRANSLATE_NOOP("derootctl", "its supplementary groups, comma-separated")},
          {"ports", "PORTS",
           QT_TRANSLATE_NOOP("derootctl", "the ports it listens on, tcp/PORT or udp/PORT, comma-separated")},
          {"image", "IMAGE", QT_TRANSLATE_NOOP("derootctl", "the container image, registry/name:tag")},
          {"no-limits", nullptr, QT_TRANSLATE_NOOP("derootctl", "leave out the CPU, memory and task limits")},
          {"cpu-quota", "PERCENT", QT_TRANSLATE_NOOP("derootctl", "the CPU limit, in percent of one CPU")},
          {"memory-max", "MIB", QT_TRANSLATE_NOOP("derootctl", "the memory limit, in MiB")},
          {"tasks-max", "N", QT_TRANSLATE_NOOP("derootctl", "the limit of processes and threads")},
          kStart,
          {"caller", "USER", QT_TRANSLATE_NOOP("derootctl", "the user who runs a called program (sudo method)")},
          {"schedule", "WHEN",
           QT_TRANSLATE_NOOP("derootctl", "a scheduled agent's systemd calendar expression (default hourly)")},
          {"new-unit", nullptr,
           QT_TRANSLATE_NOOP("derootctl", "a unit of Deroot's own, which takes over from the agent's unit")},
          {"args", "WORDS",
           QT_TRANSLATE_NOOP("derootctl", "the agent's arguments, split as a shell would, over today's")},
          {"environment", "'NAME=value ...'", QT_TRANSLATE_NOOP("derootctl", "its environment, over today's")},
          {"environment-file", "PATHS",
           QT_TRANSLATE_NOOP("derootctl", "its environment files, comma-separated, - first for one that may be "
                                          "missing")},
          {"accept-address-change", nullptr,
           QT_TRANSLATE_NOOP("derootctl", "accept arguments that drop the address it listens on today")},
          kObservation},
         {"derootctl generate fping --method caps --out fping-plan",
          "derootctl generate --unit prometheus-node-exporter.service --method caps --out node-exporter-plan",
          "derootctl generate fping --method sudo --start called-by --caller zabbix --out fping-sudo"}},
        {"prove",
         QT_TRANSLATE_NOOP("derootctl",
                           "run a plan's agent as its unit would, on temporary units, with and without each "
                           "capability and with each sandbox setting an observation flagged (as root, or through the "
                           "privileged helper): DIR|plan.json [--seconds N] [--check COMMAND] [--observation FILE] "
                           "[--no-ask-password]"),
         &runProve,
         QT_TRANSLATE_NOOP("derootctl", "DIR | plan.json"),
         {kJson,
          kNoAskPassword,
          {"seconds", "N", QT_TRANSLATE_NOOP("derootctl", "each trial's time, in seconds, 1 to 3600 (default 10)")},
          {"check", "COMMAND",
           QT_TRANSLATE_NOOP("derootctl", "a shell command that must succeed while the agent runs; it runs as you")},
          {"observation", "FILE",
           QT_TRANSLATE_NOOP("derootctl", "also try the sandbox settings this observation (observe --json) flagged")}},
         {"derootctl prove node-exporter-plan",
          "derootctl prove node-exporter-plan --seconds 30 --check \"curl -sf http://127.0.0.1:9100/metrics\""}},
        {"apply",
         QT_TRANSLATE_NOOP("derootctl", "apply a plan through the privileged helper: DIR|plan.json [--dry-run] "
                                        "[--confirm-within SECONDS] [--no-ask-password]"),
         &runApply,
         QT_TRANSLATE_NOOP("derootctl", "DIR | plan.json"),
         {kJson,
          {"dry-run", nullptr,
           QT_TRANSLATE_NOOP("derootctl", "check the plan with the helper's own validator and list its steps; change "
                                          "nothing")},
          kNoAskPassword,
          {"confirm-within", "SECONDS",
           QT_TRANSLATE_NOOP("derootctl",
                             "undo the apply unless `derootctl confirm ID` keeps it within SECONDS (1 to 86400)")}},
         {"derootctl apply node-exporter-plan --dry-run", "derootctl apply node-exporter-plan --confirm-within 120"}},
        {"confirm",
         QT_TRANSLATE_NOOP("derootctl", "keep an apply that waits for confirmation: ID"),
         &runConfirm,
         QT_TRANSLATE_NOOP("derootctl", "ID"),
         {kJson},
         {"derootctl confirm 20261206T150312Z-1a2b3c4d"}},
        {"rollback",
         QT_TRANSLATE_NOOP("derootctl", "undo an apply, byte for byte: ID [--no-ask-password]"),
         &runRollback,
         QT_TRANSLATE_NOOP("derootctl", "ID"),
         {kJson, kNoAskPassword},
         {"derootctl rollback 20261206T150312Z-1a2b3c4d"}},
        {"history",
         QT_TRANSLATE_NOOP("derootctl", "list the applies the helper made"),
         &runHistory,
         "",
         {kJson},
         {"derootctl history", "derootctl history --json"}},
        {"status",
         QT_TRANSLATE_NOOP("derootctl", "compare every applied plan with the system: holding, drifted or gone "
                                        "(exit 11 on drift)"),
         &runStatus,
         "",
         {kJson},
         {"derootctl status", "derootctl status --json"}},
        {"reconcile",
         QT_TRANSLATE_NOOP("derootctl", "put back, through the helper, what drifted of the applied plans: the "
                                        "files they wrote, the users they created, the file capabilities they "
                                        "set: [ID] [--caps-only] [--no-ask-password]"),
         &runReconcile,
         QT_TRANSLATE_NOOP("derootctl", "[ID]"),
         {kJson,
          kNoAskPassword,
          {"caps-only", nullptr,
           QT_TRANSLATE_NOOP("derootctl", "file capabilities only, as the package hooks do: other drift is "
                                          "neither put back, listed nor exit code 11")}},
         {"derootctl reconcile", "derootctl reconcile 20261206T150312Z-1a2b3c4d",
          "derootctl reconcile --caps-only --no-ask-password"}},
        {"walkthrough",
         QT_TRANSLATE_NOOP("derootctl", "inspect a sample agent, recommend a method and generate its files"),
         &runWalkthrough,
         "",
         {{"out", "DIR", QT_TRANSLATE_NOOP("derootctl", "where to write the plan (default ./deroot-out)")}},
         {"derootctl walkthrough --out /tmp/deroot-demo"}},
    };
    return list;
}

const Command &commandNamed(const char *name)
{
    for (const Command &command : commands()) {
        if (qstrcmp(command.name, name) == 0) {
            return command;
        }
    }
    qFatal("derootctl has no command %s", name);
}

void printCommandHelp(QTextStream &out, const Command &command)
{
    const QString name = QString::fromLatin1(command.name);
    const QString operands =
        *command.operands == '\0' ? QString() : u' ' + QCoreApplication::translate("derootctl", command.operands);
    out << QCoreApplication::translate("derootctl", "Usage: derootctl %1 [OPTIONS]%2").arg(name, operands) << "\n\n"
        << QCoreApplication::translate("derootctl", command.summary) << "\n\n"
        << QCoreApplication::translate("derootctl", "Options:") << '\n';
    QList<std::pair<QString, QString>> rows;
    for (const Option &option : command.options) {
        QString left = u"--"_s + QString::fromLatin1(option.name);
        if (option.value != nullptr) {
            left += u' ' + QString::fromLatin1(option.value);
        }
        rows.append({left, QCoreApplication::translate("derootctl", option.help)});
    }
    rows.append({u"-h, --help"_s, QCoreApplication::translate("derootctl", "show this help")});
    qsizetype width = 0;
    for (const auto &row : std::as_const(rows)) {
        width = std::max(width, std::min<qsizetype>(row.first.size(), 30));
    }
    for (const auto &[left, help] : std::as_const(rows)) {
        out << "  " << left;
        if (left.size() > width) {
            out << '\n' << QString(int(width) + 2, u' ');
        } else {
            out << QString(int(width - left.size()), u' ');
        }
        out << "  " << help << '\n';
    }
    if (!command.examples.isEmpty()) {
        out << '\n' << QCoreApplication::translate("derootctl", "Examples:") << '\n';
        for (const char *example : command.examples) {
            out << "  " << example << '\n';
        }
    }
    out << '\n' << QCoreApplication::translate("derootctl", "Exit codes: see derootctl --help.") << '\n';
    out.flush();
}

int fail(Io &io, const char *command, const Core::Error &error, bool json)
{
    io.err << "derootctl: " << command << ": " << error.message;
    if (error.code == Core::ExitCode::Usage) {
        // The command line was wrong: where its right form is.
        io.err << "; see derootctl " << command << " --help";
    }
    io.err << Qt::endl;
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
