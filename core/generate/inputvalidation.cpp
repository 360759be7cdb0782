// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/generate/inputvalidation.h"

#include "core/generate/sudoersgenerator.h"
#include "core/generate/systemdunit.h"
#include "core/rules/rules.h"

#include "core/base/text.h"
#include "core/model/addressfamilies.h"
#include "core/model/capabilities.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// One whole sentence per problem, so that a translation can order it as its language needs; %1 is
// the offending value, quoted. The GUI shows these under the adjust step.
Error problem(const char *text, const QString &value, const QString &detail = QString())
{
    const QString format = QCoreApplication::translate("Deroot::Core::InputValidation", text);
    // One pass for both: a value may itself contain "%2".
    return {ExitCode::Usage, detail.isEmpty() ? format.arg(quoted(value)) : format.arg(quoted(value), detail)};
}

bool isPrintableAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x20 && c.unicode() < 0x7f; });
}

} // namespace

// Every pattern below is anchored with anchoredPattern() (\A...\z): PCRE's '$' also matches
// before a final newline, which let "agent\n" through (found by the sudoers fuzz target).
bool isValidAccountName(QStringView name)
{
    static const QStringList kReserved{u"root"_s, u"daemon"_s, u"bin"_s,    u"sys"_s,  u"nobody"_s, u"sudo"_s,
                                       u"adm"_s,  u"wheel"_s,  u"shadow"_s, u"disk"_s, u"docker"_s};
    return isAccountNameShape(name) && !kReserved.contains(name);
}

bool isSafeAbsolutePath(QStringView path)
{
    if (!path.startsWith(u'/') || path.size() > 4096 || !isPrintableAscii(path)) {
        return false;
    }
    static const QRegularExpression kUnsafe(u"[\\s\"'\\\\#,=:*?\\[\\]$`;&|<>(){}!]"_s);
    if (kUnsafe.matchView(path).hasMatch()) {
        return false;
    }
    if (path.size() > 1 && path.endsWith(u'/')) {
        return false;
    }
    const QString text = path.toString();
    return !text.contains(u"//"_s) && !text.contains(u"/./"_s) && !text.contains(u"/../"_s) &&
           !text.endsWith(u"/."_s) && !text.endsWith(u"/.."_s);
}

std::optional<Error> validateGenerationInput(const GenerationInput &input)
{
    if (!isAgentIdShape(input.agentId)) {
        return problem(QT_TRANSLATE_NOOP(
                           "Deroot::Core::InputValidation",
                           "agent id %1 is not a short name of lower-case letters, digits, '_' and '-' (at most 32)"),
                       input.agentId);
    }
    if (input.description.size() > 200 || !isPrintableAscii(input.description)) {
        return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                         "description %1 must be one line of printable ASCII, 200 at most"),
                       input.description);
    }
    if (!input.catalogId.isEmpty() && !isAgentIdShape(input.catalogId)) {
        return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation", "catalog id %1 is not a catalog entry's id"),
                       input.catalogId);
    }
    const bool calledBy = input.startMode == StartMode::CalledBy;
    // A called tool has no service of its own: no user is created and no unit runs it, so a
    // service user, groups, a unit or an environment would be promised and never granted.
    if (calledBy) {
        if (input.method == Method::Container) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                             "a program called by another (%1) cannot be a container: the container "
                                             "method runs a service"),
                           input.callerUser);
        }
        if (!input.callerUser.isEmpty() && !isValidAccountName(input.callerUser)) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                             "calling user %1 is not a valid system user name for an agent "
                                             "([a-z_][a-z0-9_-]*, at most 31, not a reserved name such as root)"),
                           input.callerUser);
        }
        if (input.callerUser.isEmpty() && (input.method == Method::Sudo || !input.sudoCommands.isEmpty())) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                             "a sudo rule for the called program %1 needs the user that calls it"),
                           input.executable);
        }
        const QStringList unitOnly{input.serviceUser.isEmpty() ? QString() : u"service user"_s,
                                   input.serviceGroup.isEmpty() ? QString() : u"service group"_s,
                                   input.supplementaryGroups.isEmpty() ? QString() : u"supplementary groups"_s,
                                   input.existingUnit.isEmpty() && input.replacesUnit.isEmpty() ? QString() : u"unit"_s,
                                   input.environment.isEmpty() && input.environmentFiles.isEmpty() ? QString()
                                                                                                   : u"environment"_s,
                                   input.schedule.isEmpty() ? QString() : u"schedule"_s};
        for (const QString &field : unitOnly) {
            if (!field.isEmpty()) {
                return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                                 "a program called by another has no service of its own, so its %1 "
                                                 "would never be granted: leave it empty"),
                               field);
            }
        }
    } else if (!input.callerUser.isEmpty()) {
        return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                         "calling user %1 is given for an agent that is not called by another "
                                         "program"),
                       input.callerUser);
    }
    if (input.startMode == StartMode::Scheduled) {
        // OnCalendar= text: systemd.time(7)'s characters only, so it cannot end the line or start
        // a setting; `systemd-analyze verify` judges the expression itself.
        static const QRegularExpression kSchedule(
            QRegularExpression::anchoredPattern(u"[A-Za-z0-9*][A-Za-z0-9 :*/,.~+-]{0,79}"_s));
        if (!kSchedule.match(input.schedule).hasMatch()) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                             "schedule %1 is not an OnCalendar= expression (\"hourly\", "
                                             "\"*-*-* 03:00:00\")"),
                           input.schedule);
        }
        if (input.method == Method::Container || !input.existingUnit.isEmpty()) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                             "schedule %1 needs a unit of Deroot's own: not a container and not a "
                                             "drop-in for an existing unit"),
                           input.schedule);
        }
    } else if (!input.schedule.isEmpty()) {
        return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                         "schedule %1 is given for an agent that is not started on a schedule"),
                       input.schedule);
    }
    if (!calledBy && !isValidAccountName(input.serviceUser)) {
        return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                         "service user %1 is not a valid system user name for an agent "
                                         "([a-z_][a-z0-9_-]*, at most 31, not a reserved name such as root)"),
                       input.serviceUser);
    }
    if (!input.serviceGroup.isEmpty() && !isValidAccountName(input.serviceGroup)) {
        return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                         "service group %1 is not a valid group name for an agent"),
                       input.serviceGroup);
    }
    for (const QString &group : input.supplementaryGroups) {
        if (!isAccountNameShape(group)) {
            return problem(
                QT_TRANSLATE_NOOP("Deroot::Core::InputValidation", "supplementary group %1 is not a valid group name"),
                group);
        }
    }
    if (!isSafeAbsolutePath(input.executable)) {
        return problem(
            QT_TRANSLATE_NOOP(
                "Deroot::Core::InputValidation",
                "program %1 must be an absolute, normalised path without spaces, quotes or shell characters"),
            input.executable);
    }
    static const QRegularExpression kSha256(QRegularExpression::anchoredPattern(u"[0-9a-f]{64}"_s));
    if (!input.executableSha256.isEmpty() && !kSha256.match(input.executableSha256).hasMatch()) {
        return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                         "the program's SHA-256 %1 is not 64 lower-case hexadecimal digits"),
                       input.executableSha256);
    }
    for (const QString &argument : input.arguments) {
        if (argument.size() > 1024 || !isPrintableAscii(argument) || argument.contains(u'"') ||
            argument.contains(u'\\') || argument.contains(u'%')) {
            return problem(QT_TRANSLATE_NOOP(
                               "Deroot::Core::InputValidation",
                               "argument %1 must be printable ASCII without quotes, backslashes or '%' (1024 at most)"),
                           argument);
        }
    }
    for (const QString &variable : input.environment) {
        // NAME=value, written into the unit quoted; the loader's and the interpreters' variables
        // would load code chosen by whoever writes the named file, with the agent's privileges.
        static const QRegularExpression kVariable(
            QRegularExpression::anchoredPattern(u"[A-Za-z_][A-Za-z0-9_]{0,63}=[^\"\\\\%$`]{0,1024}"_s));
        // (GLIBC_TUNABLES: CVE-2023-4911; the JVM's, OpenSSL's and plugin paths load code too;
        // LOCPATH and NLSPATH make glibc parse locale and message files from a folder of theirs.)
        static const QRegularExpression kLoader(
            u"\\A(LD_|GCONV_PATH=|GLIBC_TUNABLES=|PYTHON|PERL5|RUBY|NODE_OPTIONS=|BASH_ENV=|ENV=|JAVA_TOOL_OPTIONS=|"
            u"_JAVA_OPTIONS=|JDK_JAVA_OPTIONS=|OPENSSL_(CONF|ENGINES|MODULES)=|LUA_|QT_PLUGIN_PATH=|GIO_EXTRA_MODULES=|"
            u"GST_PLUGIN_|LOCPATH=|NLSPATH=)"_s);
        if (!kVariable.match(variable).hasMatch() || !isPrintableAscii(variable)) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                             "environment setting %1 must be NAME=value in printable ASCII, without "
                                             "quotes, backslashes, '%', '$' or '`'"),
                           variable);
        }
        // PATH decides which program a name runs, and ambient capabilities pass to what the agent
        // runs: only the system's own folders, where only root writes (an empty entry is the
        // working directory).
        static const QStringList kSystemPath{u"/usr/local/sbin"_s, u"/usr/local/bin"_s, u"/usr/sbin"_s,
                                             u"/usr/bin"_s,        u"/sbin"_s,          u"/bin"_s};
        if (variable.startsWith(u"PATH="_s)) {
            const QStringList entries = variable.mid(5).split(u':');
            for (const QString &entry : entries) {
                if (!kSystemPath.contains(entry)) {
                    return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                                     "environment setting %1 would run programs from outside the "
                                                     "system's folders (/usr/local/sbin, /usr/local/bin, /usr/sbin, "
                                                     "/usr/bin, /sbin, /bin): set it in the agent's own "
                                                     "configuration if it must be"),
                                   variable);
                }
            }
        }
        if (kLoader.match(variable).hasMatch()) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                             "environment setting %1 would make the program load code from "
                                             "elsewhere: set it in the agent's own configuration if it must be"),
                           variable);
        }
    }
    if (input.environment.size() > 64 || input.environmentFiles.size() > 8) {
        return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                         "%1: at most 64 environment settings and 8 environment files"),
                       QString::number(input.environment.size() + input.environmentFiles.size()));
    }
    for (const QString &file : input.environmentFiles) {
        if (!isSafeAbsolutePath(file.startsWith(u'-') ? file.mid(1) : file)) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                             "environment file %1 must be an absolute, normalised path (\"-\" "
                                             "first: it may be missing)"),
                           file);
        }
    }
    if (!input.packageName.isEmpty()) {
        // Debian's and RPM's package name characters; it ends up in comments and purpose texts.
        static const QRegularExpression kPackage(
            QRegularExpression::anchoredPattern(u"[A-Za-z0-9][A-Za-z0-9+._-]{0,127}"_s));
        if (!kPackage.match(input.packageName).hasMatch()) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation", "package %1 is not a package name"),
                           input.packageName);
        }
    }
    if (!input.existingUnit.isEmpty()) {
        // No template ('@') and no escapes: the helper writes drop-ins for plain service names only.
        static const QRegularExpression kUnit(
            QRegularExpression::anchoredPattern(u"[A-Za-z0-9_][A-Za-z0-9_.:-]{0,120}\\.service"_s));
        if (!kUnit.match(input.existingUnit).hasMatch() || input.existingUnit.startsWith(u'-')) {
            return problem(
                QT_TRANSLATE_NOOP("Deroot::Core::InputValidation", "unit %1 is not a valid service unit name"),
                input.existingUnit);
        }
    }
    if (!input.replacesUnit.isEmpty()) {
        static const QRegularExpression kUnit(
            QRegularExpression::anchoredPattern(u"[A-Za-z0-9_][A-Za-z0-9_.:-]{0,120}\\.service"_s));
        if (!kUnit.match(input.replacesUnit).hasMatch()) {
            return problem(
                QT_TRANSLATE_NOOP("Deroot::Core::InputValidation", "unit %1 is not a valid service unit name"),
                input.replacesUnit);
        }
        // Without a unit of Deroot's own (file capabilities) nothing would take over: the apply
        // would only stop the agent.
        if (!input.existingUnit.isEmpty() || input.method == Method::Container || !input.runsUnderSystemd ||
            input.replacesUnit == generatedUnitName(input)) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                             "unit %1 can be replaced only by a new unit of Deroot's own, not by a "
                                             "drop-in, a container, file capabilities or itself"),
                           input.replacesUnit);
        }
    }
    if (!input.vendorExecStart.isEmpty()) {
        // Read from a root-owned unit file, yet it is written into another one: one line of
        // printable ASCII, for the same program, or the drop-in would run something else.
        if (input.existingUnit.isEmpty()) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                             "vendor command line %1 is given without the vendor's unit"),
                           input.vendorExecStart);
        }
        if (input.vendorExecStart.size() > 4096 || !isPrintableAscii(input.vendorExecStart)) {
            return problem(QT_TRANSLATE_NOOP(
                               "Deroot::Core::InputValidation",
                               "vendor command line %1 must be one line of printable ASCII (4096 characters at most)"),
                           input.vendorExecStart);
        }
        if (vendorExecProgram(input.vendorExecStart) != input.executable) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                             "vendor command line %1 does not start the program %2"),
                           input.vendorExecStart, quoted(input.executable));
        }
        // The drop-in writes this line back as it is whenever it adds an argument or takes a
        // privilege prefix away, so it must be one command that ends where the line ends: a lone
        // ';' would start a second command (with '+', as root) in a oneshot unit, and a final
        // backslash would continue ExecStart= onto the drop-in's User= line, leaving the vendor's
        // user (root) in effect (tests/data/plans has such plans).
        if (input.vendorExecStart.split(u' ', Qt::SkipEmptyParts).contains(u";"_s) ||
            input.vendorExecStart.endsWith(u'\\')) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                             "vendor command line %1 must be one command: no lone ';' and no final "
                                             "backslash"),
                           input.vendorExecStart);
        }
    }
    for (const int capability : input.capabilities) {
        if (!capabilityByNumber(capability)) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation", "capability %1 does not exist"),
                           QString::number(capability));
        }
    }
    for (const SudoCommand &command : input.sudoCommands) {
        if (!isSafeAbsolutePath(command.path)) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                             "sudo command %1 must be an absolute, normalised path"),
                           command.path);
        }
        for (const QString &argument : command.arguments) {
            if (argument.isEmpty() || argument.size() > 256 || !isPrintableAscii(argument) ||
                argument.contains(QRegularExpression(u"[\\s\\\\,:=#*?\\[\\]\"']"_s))) {
                return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                                 "sudo argument %1 must be a non-empty word without spaces, wildcards, "
                                                 "quotes or sudoers specials"),
                               argument);
            }
        }
    }
    for (const QStringList *list : {&input.readPaths, &input.writePaths, &input.devices}) {
        for (const QString &path : *list) {
            if (!isSafeAbsolutePath(path)) {
                return problem(
                    QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                      "path %1 must be an absolute, normalised path without special characters"),
                    path);
            }
        }
    }
    for (const QString &device : input.devices) {
        if (!device.startsWith(u"/dev/")) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation", "device %1 is not under /dev"), device);
        }
    }
    // A name systemd does not know makes RestrictAddressFamilies= warn and ignore it (found by the
    // fuzzer with "AF_UNMX"): only the known ones.
    for (const QString &family : input.addressFamilies) {
        if (!knownAddressFamilies().contains(family)) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                             "address family %1 is not an address family systemd knows"),
                           family);
        }
    }
    for (const ListenPort &port : input.listenPorts) {
        if (port.port < 1 || port.port > 65535) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation", "port %1 is outside 1..65535"),
                           QString::number(port.port));
        }
        if (port.protocol != u"tcp" && port.protocol != u"udp") {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation", "protocol %1 is neither tcp nor udp"),
                           port.protocol);
        }
    }
    const ResourceLimits &limits = input.limits;
    if (limits.enabled &&
        (limits.cpuQuotaPercent < 1 || limits.cpuQuotaPercent > 100 * 1024 || limits.memoryMaxMiB < 16 ||
         limits.memoryMaxMiB > 16 * 1024 * 1024 || limits.tasksMax < 4 || limits.tasksMax > 4 * 1024 * 1024)) {
        return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                         "resource limits %1 are out of range (CPU 1-102400%, memory 16 MiB-16 TiB, "
                                         "tasks 4-4194304)"),
                       u"CPU %1%, memory %2 MiB, tasks %3"_s.arg(limits.cpuQuotaPercent)
                           .arg(limits.memoryMaxMiB)
                           .arg(limits.tasksMax));
    }
    if (input.method == Method::Container && input.containerImage.isEmpty()) {
        return Error{ExitCode::Usage,
                     QCoreApplication::translate("Deroot::Core::InputValidation",
                                                 "The container image is empty: give the image the container runs "
                                                 "(registry/name:tag). The catalog names none for %1.")
                         .arg(quoted(input.agentId))};
    }
    if (input.method != Method::Container && !(input.containerHost == ContainerHostAccess{})) {
        return Error{ExitCode::Usage, QCoreApplication::translate("Deroot::Core::InputValidation",
                                                                  "host access for a container is set, but the "
                                                                  "method is not the container method")};
    }
    for (const QString &argument : input.containerHost.arguments) {
        static const QRegularExpression kOption(QRegularExpression::anchoredPattern(u"-[A-Za-z0-9_.,:=/-]{1,255}"_s));
        if (!kOption.match(argument).hasMatch()) {
            return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                             "container argument %1 is not one option word (-x, --name=value)"),
                           argument);
        }
    }
    if (!input.containerImage.isEmpty()) {
        static const QRegularExpression kImage(QRegularExpression::anchoredPattern(u"[a-z0-9][a-z0-9._/:@-]{0,254}"_s));
        if (!kImage.match(input.containerImage).hasMatch()) {
            return problem(
                QT_TRANSLATE_NOOP("Deroot::Core::InputValidation", "container image %1 is not a valid image reference"),
                input.containerImage);
        }
    }
    return checkGrantRules(input);
}

std::optional<Error> checkInputOnSystem(const GenerationInput &input, const QString &root)
{
    // The same judgement the helper makes on its descriptors (core/rules, sudoPathProblem()), so
    // that a plan made here is not refused there.
    for (const SudoCommand &command : input.sudoCommands) {
        if (auto weakness = sudoCommandWeakness(command.path, root)) {
            return weakness;
        }
    }
    for (const QString &file : input.environmentFiles) {
        if (auto weakness = environmentFileWeakness(file, root)) {
            return weakness;
        }
    }
    return std::nullopt;
}

std::optional<Error> environmentFileWeakness(const QString &file, const QString &root)
{
    // PID 1 reads the file as root and hands what it says to the agent: LD_PRELOAD, or the words
    // of a $ARGS on its command line. Whoever can write it, or a directory on its way, or put a
    // symlink there, chooses what the agent runs with its grants. A missing optional file ("-") passes when everything
    // above it does: only root can create it there.
    const bool optional = file.startsWith(u'-');
    const QString path = optional ? file.mid(1) : file;
    const auto stop = rootOnlyPathProblem(path, root);
    if (!stop || (optional && stop->kind == PathWalkStop::Kind::Missing)) {
        return std::nullopt;
    }
    switch (stop->kind) {
    case PathWalkStop::Kind::Missing:
        return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                         "environment file %1 does not exist (write \"-\" first if it may be "
                                         "missing)"),
                       path);
    case PathWalkStop::Kind::Unreadable:
        return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation", "environment file %1 cannot be examined: %2"),
                       path, quoted(stop->walked) + u": "_s + stop->detail);
    case PathWalkStop::Kind::Refused:
        break;
    }
    return problem(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                     "environment file %1 is refused: %2, so someone other than root could choose "
                                     "what the agent loads"),
                   path, quoted(stop->walked) + u' ' + stop->detail);
}

} // namespace Deroot::Core
