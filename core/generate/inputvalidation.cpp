// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/generate/inputvalidation.h"

#include "core/generate/systemdunit.h"

#include "core/inspect/capabilities.h"
#include "core/inspect/catalog.h"
#include "core/text.h"

#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

Error problem(const QString &field, const QString &value, const QString &why)
{
    return {ExitCode::Usage, u"%1 %2 %3"_s.arg(field, quoted(value), why)};
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
    // At most 31 characters: useradd allows 32, but systemd (sysusers, User=) stops at 31, utmp's
    // limit (found by the fuzzer feeding the sysusers.d file to systemd-sysusers).
    static const QRegularExpression kName(QRegularExpression::anchoredPattern(u"[a-z_][a-z0-9_-]{0,30}"_s));
    static const QStringList kReserved{u"root"_s, u"daemon"_s, u"bin"_s,    u"sys"_s,  u"nobody"_s, u"sudo"_s,
                                       u"adm"_s,  u"wheel"_s,  u"shadow"_s, u"disk"_s, u"docker"_s};
    return kName.matchView(name).hasMatch() && !kReserved.contains(name);
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
    static const QRegularExpression kAgentId(QRegularExpression::anchoredPattern(u"[a-z][a-z0-9_-]{0,31}"_s));
    if (!kAgentId.match(input.agentId).hasMatch()) {
        return problem(u"agent id"_s, input.agentId,
                       u"is not a short name of lower-case letters, digits, '_' and '-' (at most 32)"_s);
    }
    if (input.description.size() > 200 || !isPrintableAscii(input.description)) {
        return problem(u"description"_s, input.description, u"must be one line of printable ASCII, 200 at most"_s);
    }
    if (!isValidAccountName(input.serviceUser)) {
        return problem(u"service user"_s, input.serviceUser,
                       u"is not a valid system user name for an agent ([a-z_][a-z0-9_-]*, at most 31, not a "
                       u"reserved name such as root)"_s);
    }
    if (!input.serviceGroup.isEmpty() && !isValidAccountName(input.serviceGroup)) {
        return problem(u"service group"_s, input.serviceGroup, u"is not a valid group name for an agent"_s);
    }
    for (const QString &group : input.supplementaryGroups) {
        static const QRegularExpression kGroup(QRegularExpression::anchoredPattern(u"[a-z_][a-z0-9_-]{0,30}"_s));
        if (!kGroup.match(group).hasMatch()) {
            return problem(u"supplementary group"_s, group, u"is not a valid group name"_s);
        }
    }
    if (!isSafeAbsolutePath(input.executable)) {
        return problem(u"program"_s, input.executable,
                       u"must be an absolute, normalised path without spaces, quotes or shell characters"_s);
    }
    for (const QString &argument : input.arguments) {
        if (argument.size() > 1024 || !isPrintableAscii(argument) || argument.contains(u'"') ||
            argument.contains(u'\\') || argument.contains(u'%')) {
            return problem(u"argument"_s, argument,
                           u"must be printable ASCII without quotes, backslashes or '%' (1024 at most)"_s);
        }
    }
    if (!input.packageName.isEmpty()) {
        // Debian's and RPM's package name characters; it ends up in comments and purpose texts.
        static const QRegularExpression kPackage(
            QRegularExpression::anchoredPattern(u"[A-Za-z0-9][A-Za-z0-9+._-]{0,127}"_s));
        if (!kPackage.match(input.packageName).hasMatch()) {
            return problem(u"package"_s, input.packageName, u"is not a package name"_s);
        }
    }
    if (!input.existingUnit.isEmpty()) {
        static const QRegularExpression kUnit(
            QRegularExpression::anchoredPattern(u"[A-Za-z0-9:_.@-]{1,250}\\.service"_s));
        if (!kUnit.match(input.existingUnit).hasMatch() || input.existingUnit.startsWith(u'-')) {
            return problem(u"unit"_s, input.existingUnit, u"is not a valid service unit name"_s);
        }
    }
    if (!input.vendorExecStart.isEmpty()) {
        // Read from a root-owned unit file, yet it is written into another one: one line of
        // printable ASCII, for the same program, or the drop-in would run something else.
        if (input.existingUnit.isEmpty()) {
            return problem(u"vendor command line"_s, input.vendorExecStart, u"is given without the vendor's unit"_s);
        }
        if (input.vendorExecStart.size() > 4096 || !isPrintableAscii(input.vendorExecStart)) {
            return problem(u"vendor command line"_s, input.vendorExecStart,
                           u"must be one line of printable ASCII (4096 characters at most)"_s);
        }
        if (vendorExecProgram(input.vendorExecStart) != input.executable) {
            return problem(u"vendor command line"_s, input.vendorExecStart,
                           u"does not start the program %1"_s.arg(quoted(input.executable)));
        }
    }
    for (const int capability : input.capabilities) {
        if (!capabilityByNumber(capability)) {
            return problem(u"capability"_s, QString::number(capability), u"does not exist"_s);
        }
    }
    for (const SudoCommand &command : input.sudoCommands) {
        if (!isSafeAbsolutePath(command.path)) {
            return problem(u"sudo command"_s, command.path, u"must be an absolute, normalised path"_s);
        }
        const QFileInfo info(command.path);
        if (!info.exists()) {
            return problem(u"sudo command"_s, command.path, u"does not exist"_s);
        }
        if (info.isSymLink() || !info.isFile()) {
            return problem(u"sudo command"_s, command.path, u"must be a regular file, not a symlink or directory"_s);
        }
        for (const QString &argument : command.arguments) {
            if (argument.isEmpty() || argument.size() > 256 || !isPrintableAscii(argument) ||
                argument.contains(QRegularExpression(u"[\\s\\\\,:=#*?\\[\\]\"']"_s))) {
                return problem(u"sudo argument"_s, argument,
                               u"must be a non-empty word without spaces, wildcards, quotes or sudoers specials"_s);
            }
        }
    }
    for (const QStringList *list : {&input.readPaths, &input.writePaths, &input.devices}) {
        for (const QString &path : *list) {
            if (!isSafeAbsolutePath(path)) {
                return problem(u"path"_s, path, u"must be an absolute, normalised path without special characters"_s);
            }
        }
    }
    for (const QString &device : input.devices) {
        if (!device.startsWith(u"/dev/")) {
            return problem(u"device"_s, device, u"is not under /dev"_s);
        }
    }
    // A name systemd does not know makes RestrictAddressFamilies= warn and ignore it (found by the
    // fuzzer with "AF_UNMX"): only the known ones.
    for (const QString &family : input.addressFamilies) {
        if (!knownAddressFamilies().contains(family)) {
            return problem(u"address family"_s, family, u"is not an address family systemd knows"_s);
        }
    }
    for (const ListenPort &port : input.listenPorts) {
        if (port.port < 1 || port.port > 65535) {
            return problem(u"port"_s, QString::number(port.port), u"is outside 1..65535"_s);
        }
        if (port.protocol != u"tcp" && port.protocol != u"udp") {
            return problem(u"protocol"_s, port.protocol, u"is neither tcp nor udp"_s);
        }
    }
    const ResourceLimits &limits = input.limits;
    if (limits.enabled &&
        (limits.cpuQuotaPercent < 1 || limits.cpuQuotaPercent > 100 * 1024 || limits.memoryMaxMiB < 16 ||
         limits.memoryMaxMiB > 16 * 1024 * 1024 || limits.tasksMax < 4 || limits.tasksMax > 4 * 1024 * 1024)) {
        return problem(u"resource limits"_s,
                       u"CPU %1%, memory %2 MiB, tasks %3"_s.arg(limits.cpuQuotaPercent)
                           .arg(limits.memoryMaxMiB)
                           .arg(limits.tasksMax),
                       u"are out of range (CPU 1-102400%, memory 16 MiB-16 TiB, tasks 4-4194304)"_s);
    }
    if (!input.containerImage.isEmpty()) {
        static const QRegularExpression kImage(QRegularExpression::anchoredPattern(u"[a-z0-9][a-z0-9._/:@-]{0,254}"_s));
        if (!kImage.match(input.containerImage).hasMatch()) {
            return problem(u"container image"_s, input.containerImage, u"is not a valid image reference"_s);
        }
    }
    return std::nullopt;
}

} // namespace Deroot::Core
