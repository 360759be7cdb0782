// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/export/applyinstructions.h"

#include "core/base/deroot.h"
#include "core/export/planexport.h"
#include "core/generate/manifest.h"
#include "core/plan/applyrequest.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// A word for the shell: left as it is when it is plainly safe, else in single quotes. The plan's
// paths and names are validated already; this keeps a copied line right whatever they hold.
QString shellWord(const QString &word)
{
    static const QString kSafe = u"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./_-"_s;
    const bool safe =
        !word.isEmpty() && std::all_of(word.cbegin(), word.cend(), [](QChar c) { return kSafe.contains(c); });
    if (safe) {
        return word;
    }
    QString quoted = word;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QString installLine(const PlanStep &step, const QString &mode)
{
    return u"install -D -m %1 -o root -g root %2 %3"_s.arg(mode, shellWord(step.file), shellWord(step.target));
}

QString octal(quint32 mode)
{
    return u"%1"_s.arg(mode, 4, 8, QChar(u'0'));
}

// What to do by hand with an artifact the helper never applies (a container definition, an
// AppArmor profile), and how to undo it: one step each.
struct ManualStep
{
    QStringList lines;
    QStringList undo;
};

ManualStep exportOnlyStep(const PlanStep &step)
{
    const QString file = shellWord(step.file);
    const QString target = shellWord(step.target);
    if (step.artifact == u"apparmor") {
        return {{u"# The AppArmor profile, in complain mode until you have watched the agent under it:"_s,
                 installLine(step, u"0644"_s), u"apparmor_parser -r %1"_s.arg(target)},
                {u"apparmor_parser -R %1 && rm %1"_s.arg(target)}};
    }
    if (step.artifact == u"docker-run") {
        return {{u"# The container with Docker (or the Compose file, or the Quadlet: one of them):"_s,
                 u"sh ./%1"_s.arg(file)},
                {u"docker rm -f <the container's name in %1>"_s.arg(file)}};
    }
    if (step.artifact == u"compose") {
        return {{u"# The container with Docker Compose (instead of the docker run line):"_s,
                 installLine(step, u"0644"_s), u"docker compose -f %1 up -d"_s.arg(target)},
                {u"docker compose -f %1 down && rm %1"_s.arg(target)}};
    }
    if (step.artifact == u"quadlet") {
        const QString service = step.target.section(u'/', -1).section(u'.', 0, -2) + u".service"_s;
        return {{u"# The container with Podman and systemd (instead of Docker):"_s, installLine(step, u"0644"_s),
                 u"systemctl daemon-reload"_s, u"systemctl start %1"_s.arg(shellWord(service))},
                {u"systemctl stop %1 && rm %2 && systemctl daemon-reload"_s.arg(shellWord(service), target)}};
    }
    if (step.artifact == u"kubernetes") {
        return {
            {u"# On a Kubernetes cluster, from a machine with kubectl for it:"_s, u"kubectl apply -f %1"_s.arg(file)},
            {u"kubectl delete -f %1"_s.arg(file)}};
    }
    return {{u"# %1: for you to review; Deroot does not apply it."_s.arg(file)}, {}};
}

} // namespace

QString applyInstructions(const QList<Artifact> &artifacts, const QJsonObject &manifest)
{
    QStringList out;
    out << u"How to apply this plan"_s << u"======================"_s << QString();
    const auto request = exportApplyRequest(artifacts, manifest);
    const auto checked = request ? parseApplyRequest(*request) : Result<CheckedRequest>(request.error());
    if (!checked) {
        out << u"This export does not pass Deroot's own checks, so no step is listed:"_s << checked.error().message
            << QString() << u"Do not apply it. Generate the plan again with Deroot."_s;
        return out.join(u'\n') + u'\n';
    }
    const CheckedRequest &plan = *checked;
    out << u"Agent: %1, method: %2. Made by Deroot %3."_s.arg(plan.agent, plan.method, version()) << QString();

    out << u"1. First, make sure the program is still the one the plan was made for. As root:"_s << QString()
        << u"   sha256sum %1"_s.arg(shellWord(plan.programPath)) << QString() << u"   must print"_s << QString()
        << u"   %1"_s.arg(plan.programSha256) << QString()
        << u"   If it does not (the program was upgraded or replaced), generate the plan again."_s << QString();

    out << u"2. With Deroot on this machine: one command, which asks for your password (polkit),"_s
        << u"   checks every file again, applies them in the order below, and can be undone:"_s << QString()
        << u"   derootctl apply <this folder>"_s << u"   derootctl rollback <the ID it prints>      (to undo it)"_s
        << QString();

    out << u"3. Or by hand, as root, in this folder, in this order:"_s << QString();
    QStringList undo;
    // After the files are gone and systemd has reloaded: what runs again as it did before.
    QStringList undoLast;
    bool reload = false;
    QList<ManualStep> extra;
    // A drop-in changes the agent's own unit: undone, the unit runs again as its package made it.
    const bool dropIn = std::any_of(plan.steps.cbegin(), plan.steps.cend(),
                                    [](const PlanStep &step) { return step.artifact == u"dropin"; });
    for (const PlanStep &step : plan.steps) {
        QStringList lines;
        switch (step.kind) {
        case PlanStep::Kind::CreateUser:
            lines << u"# The system user %1 (skip this if \"id %1\" finds it already):"_s.arg(step.target)
                  << u"sh ./%1"_s.arg(shellWord(step.file));
            undo.prepend(u"userdel %1      (only if this plan made the user)"_s.arg(shellWord(step.target)));
            break;
        case PlanStep::Kind::WriteSysusers:
            lines << u"# The user's declaration for systemd-sysusers:"_s << installLine(step, octal(step.mode));
            undo.prepend(u"rm %1"_s.arg(shellWord(step.target)));
            break;
        case PlanStep::Kind::WriteSudoers:
            lines << u"# The sudo rule: checked first, then installed with the mode sudo requires:"_s
                  << u"visudo -c -f %1 && %2"_s.arg(shellWord(step.file), installLine(step, u"0440"_s))
                  << u"visudo -c"_s;
            undo.prepend(u"rm %1 && visudo -c"_s.arg(shellWord(step.target)));
            break;
        case PlanStep::Kind::WriteUnit:
            lines << u"# A systemd unit file:"_s << installLine(step, octal(step.mode));
            undo.prepend(u"rm %1"_s.arg(shellWord(step.target)));
            break;
        case PlanStep::Kind::SetFileCaps:
            // What the file has now is kept, for the undo to put back: a packaged program often
            // comes with capabilities of its own (fping's cap_net_raw=ep), which "setcap -r" alone
            // would take away from everyone who runs it.
            lines << u"# The file capabilities it has now, kept for the undo (an empty file: none):"_s
                  << u"getcap %1 > ./file-caps-before.txt"_s.arg(shellWord(step.target))
                  << u"# The file capabilities (the program's SHA-256 checked in step 1):"_s
                  << u"sh ./%1"_s.arg(shellWord(step.file)) << u"getcap %1"_s.arg(shellWord(step.target));
            undo.prepend(
                u"caps=$(cut -d' ' -f2- ./file-caps-before.txt)   # in this folder: what the file had before"_s);
            undo.insert(1, u"if [ -n \"$caps\" ]; then setcap \"$caps\" %1; else setcap -r %1; fi"_s.arg(
                               shellWord(step.target)));
            break;
        case PlanStep::Kind::StopUnit:
            lines << u"# The unit this plan replaces, stopped and disabled first:"_s
                  << u"systemctl disable --now %1"_s.arg(shellWord(step.target));
            undoLast.append(u"systemctl enable --now %1"_s.arg(shellWord(step.target)));
            break;
        case PlanStep::Kind::DaemonReload:
            lines << u"systemctl daemon-reload"_s;
            reload = true;
            break;
        case PlanStep::Kind::StartUnit:
            lines << u"# Start the agent and look at what it runs with:"_s
                  << u"systemctl restart %1"_s.arg(shellWord(step.target))
                  << u"systemctl show -p User -p AmbientCapabilities -p CapabilityBoundingSet %1"_s.arg(
                         shellWord(step.target));
            if (dropIn) {
                undoLast.append(u"systemctl restart %1      (if it ran before)"_s.arg(shellWord(step.target)));
            } else {
                undo.prepend(u"systemctl stop %1"_s.arg(shellWord(step.target)));
            }
            break;
        case PlanStep::Kind::StartTimer:
            lines << u"# The timer that starts the program:"_s
                  << u"systemctl enable --now %1"_s.arg(shellWord(step.target));
            undo.prepend(u"systemctl disable --now %1"_s.arg(shellWord(step.target)));
            break;
        case PlanStep::Kind::ExportOnly:
            extra << exportOnlyStep(step);
            continue;
        }
        for (const QString &line : std::as_const(lines)) {
            out << u"   "_s + line;
        }
        out << QString();
    }
    if (!extra.isEmpty()) {
        out << u"   Deroot never applies the following: they are yours to review and apply."_s << QString();
        for (const ManualStep &step : std::as_const(extra)) {
            for (const QString &line : step.lines) {
                out << u"   "_s + line;
            }
            out << QString();
            for (const QString &line : step.undo) {
                undo.prepend(line);
            }
        }
    }
    out << u"4. To undo it by hand, as root, in this order:"_s << QString();
    // Undo runs the reverse way: what was done last is undone first, the reload after the files.
    if (reload) {
        undo.append(u"systemctl daemon-reload"_s);
    }
    undo << undoLast;
    for (const QString &line : std::as_const(undo)) {
        out << u"   "_s + line;
    }
    out << QString()
        << u"plan.json holds the plan's input and the SHA-256 of every file; docs/plan-json.md describes it."_s;
    return out.join(u'\n') + u'\n';
}

} // namespace Deroot::Core
