// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/rules/rules.h"

#include <algorithm>

#include "core/base/text.h"
#include "core/model/capabilities.h"
#include "core/rules/sudocommands.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// A sentence (or a clause of one) in the language of whoever made the plan; the helper installs no
// translator, so its sentences stay English.
QString ruleText(const char *text)
{
    return QCoreApplication::translate("Deroot::Core::Rules", text);
}

Error refusal(const char *text, const QString &value, const QString &detail = QString())
{
    const QString format = QCoreApplication::translate("Deroot::Core::Rules", text);
    return {ExitCode::Usage, detail.isEmpty() ? format.arg(quoted(value)) : format.arg(quoted(value), detail)};
}

// "python3.13" is python3 with a version: the name, then digits and dots only.
bool matchesVersioned(QStringView name, QStringView known)
{
    if (name == known) {
        return true;
    }
    if (!name.startsWith(known)) {
        return false;
    }
    static const QRegularExpression kVersion(QRegularExpression::anchoredPattern(u"[0-9][0-9.]*"_s));
    return kVersion.matchView(name.mid(known.size())).hasMatch();
}

} // namespace

bool isSudoGroup(QStringView name)
{
    static const QList<QStringView> kGroups{u"root", u"sudo", u"wheel", u"admin"};
    return kGroups.contains(name);
}

bool isAccountNameShape(QStringView name)
{
    // Anchored with anchoredPattern() (\A...\z): PCRE's '$' also matches before a final newline.
    static const QRegularExpression kName(QRegularExpression::anchoredPattern(u"[a-z_][a-z0-9_-]{0,30}"_s));
    return kName.matchView(name).hasMatch();
}

bool isUnitNameShape(QStringView name)
{
    if (name.isEmpty() || name.size() > 256 || name.startsWith(u'-')) {
        return false;
    }
    return std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u':' ||
               c == u'-' || c == u'_' || c == u'.' || c == u'\\' || c == u'@';
    });
}

bool isAgentIdShape(QStringView id)
{
    static const QRegularExpression kAgentId(QRegularExpression::anchoredPattern(u"[a-z][a-z0-9_-]{0,31}"_s));
    return kAgentId.matchView(id).hasMatch();
}

bool isRootEquivalentGroup(QStringView name)
{
    static const QList<QStringView> kGroups{u"shadow",      u"disk",    u"kmem", u"docker", u"lxd",
                                            u"incus-admin", u"libvirt", u"sys",  u"staff"};
    return isSudoGroup(name) || kGroups.contains(name);
}

bool isInterpreter(QStringView program)
{
    const QStringView name = program.mid(program.lastIndexOf(u'/') + 1);
    // Shells and the interpreters Debian ships under /usr/bin, each also with a version suffix
    // (python3.13, perl5.40.1, lua5.4, tclsh8.6); busybox is every shell applet in one file; gdb
    // and expect run scripts too.
    static const QList<QStringView> kNames{
        u"sh",      u"bash",   u"rbash",   u"dash",    u"zsh",   u"ksh",   u"mksh",   u"csh",  u"tcsh",   u"fish",
        u"busybox", u"python", u"python2", u"python3", u"pypy",  u"pypy3", u"perl",   u"ruby", u"irb",    u"lua",
        u"luajit",  u"php",    u"node",    u"nodejs",  u"deno",  u"bun",   u"tclsh",  u"wish", u"expect", u"awk",
        u"gawk",    u"mawk",   u"nawk",    u"gdb",     u"guile", u"java",  u"jshell", u"R",    u"Rscript"};
    for (const QStringView known : kNames) {
        if (matchesVersioned(name, known)) {
            return true;
        }
    }
    return false;
}

bool isRootEquivalentCommand(QStringView program)
{
    const QStringView name = program.mid(program.lastIndexOf(u'/') + 1);
    // Not on the dangerous-command list (they give no shell of their own), but with fixed
    // arguments each still changes who is root or what runs as root: accounts and passwords,
    // sudoers, file capabilities, kernel modules and kernel settings (kernel.modprobe,
    // kernel.core_pattern name programs the kernel runs as root).
    static const QList<QStringView> kNames{u"usermod", u"useradd",  u"userdel", u"groupmod", u"groupadd",
                                           u"gpasswd", u"chpasswd", u"passwd",  u"chage",    u"visudo",
                                           u"setcap",  u"modprobe", u"insmod",  u"rmmod",    u"kmod",
                                           u"sysctl",  u"vipw",     u"vigr",    u"newusers", u"chsh"};
    return kNames.contains(name);
}

std::optional<QString> sudoPathProblem(const PathComponentStat &component, bool isProgram)
{
    // Whole clauses, each translated where plans are made; the helper installs no translator, so
    // its sentences stay English.
    if (S_ISLNK(component.mode)) {
        const QString to =
            component.linkTarget.isEmpty()
                ? QString()
                : ruleText(QT_TRANSLATE_NOOP("Deroot::Core::Rules", " (to %1)")).arg(quoted(component.linkTarget));
        return (isProgram ? ruleText(QT_TRANSLATE_NOOP(
                                "Deroot::Core::Rules",
                                "is a symlink%1, not a regular file: sudo would run whatever it points to, which these "
                                "checks never saw"))
                          : ruleText(QT_TRANSLATE_NOOP(
                                "Deroot::Core::Rules",
                                "is a symlink%1, not a directory: sudo would run whatever it points to, which these "
                                "checks never saw")))
            .arg(to);
    }
    if (isProgram && !S_ISREG(component.mode)) {
        return ruleText(QT_TRANSLATE_NOOP("Deroot::Core::Rules", "is not a regular file"));
    }
    if (!isProgram && !S_ISDIR(component.mode)) {
        return ruleText(QT_TRANSLATE_NOOP("Deroot::Core::Rules", "is not a directory"));
    }
    if (component.uid != 0) {
        return ruleText(QT_TRANSLATE_NOOP(
                            "Deroot::Core::Rules",
                            "is owned by uid %1, not root, so someone other than root can change what runs as root"))
            .arg(component.uid);
    }
    const QString mode = QString::number(component.mode & 07777, 8);
    if ((component.mode & S_IWOTH) != 0) {
        return ruleText(QT_TRANSLATE_NOOP(
                            "Deroot::Core::Rules",
                            "is writable by others (mode %1), so someone other than root can change what runs as root"))
            .arg(mode);
    }
    if ((component.mode & S_IWGRP) != 0) {
        return ruleText(
                   QT_TRANSLATE_NOOP(
                       "Deroot::Core::Rules",
                       "is writable by its group (mode %1), so someone other than root can change what runs as root"))
            .arg(mode);
    }
    return std::nullopt;
}

std::optional<PathWalkStop> rootOnlyPathProblem(const QString &path, const QString &root)
{
    const QString prefix = root == u"/" ? QString() : root;
    const QStringList components = path.split(u'/', Qt::SkipEmptyParts);
    QString walked;
    for (qsizetype i = 0; i < components.size(); ++i) {
        walked += u'/' + components.at(i);
        const QByteArray host = QFile::encodeName(prefix + walked);
        struct stat st{};
        if (::lstat(host.constData(), &st) != 0) {
            const int error = errno;
            return PathWalkStop{error == ENOENT ? PathWalkStop::Kind::Missing : PathWalkStop::Kind::Unreadable, walked,
                                errnoText(error)};
        }
        PathComponentStat component{st.st_mode, st.st_uid, {}};
        if (S_ISLNK(st.st_mode)) {
            char target[4096];
            const ssize_t n = ::readlink(host.constData(), target, sizeof target - 1);
            component.linkTarget = n > 0 ? QFile::decodeName(QByteArray(target, n)) : QString();
        }
        if (const auto problem = sudoPathProblem(component, i == components.size() - 1)) {
            return PathWalkStop{PathWalkStop::Kind::Refused, walked, *problem};
        }
    }
    return std::nullopt;
}

bool isRootEquivalentCapability(int number)
{
    const auto info = capabilityByNumber(number);
    return info && info->risk == CapabilityRisk::RootEquivalent;
}

QStringList privilegedGrants(const GenerationInput &input)
{
    QStringList grants;
    for (const int number : input.capabilities) {
        if (const auto info = capabilityByNumber(number); info && isRootEquivalentCapability(number)) {
            grants << QString::fromLatin1(info->name) + u" (root-equivalent capability)"_s;
        }
    }
    for (const QString &group : input.supplementaryGroups) {
        if (isRootEquivalentGroup(group)) {
            grants << u"group "_s + group + u" (root-equivalent group)"_s;
        }
    }
    for (const SudoCommand &command : input.sudoCommands) {
        if (isRootEquivalentCommand(command.path)) {
            grants << u"sudo command "_s + command.path + u" (root-equivalent command)"_s;
        }
    }
    return grants;
}

std::optional<Error> checkGrantRules(const GenerationInput &input)
{
    const QString primary = input.serviceGroup.isEmpty() ? input.serviceUser : input.serviceGroup;
    if (!primary.isEmpty() && isRootEquivalentGroup(primary)) {
        return refusal(QT_TRANSLATE_NOOP("Deroot::Core::Rules",
                                         "the service group %1 is a group whose members are as good as root: an "
                                         "agent gets a group of its own"),
                       primary);
    }
    for (const QString &group : input.supplementaryGroups) {
        if (isSudoGroup(group)) {
            return refusal(QT_TRANSLATE_NOOP("Deroot::Core::Rules",
                                             "the supplementary group %1 gives sudo or root itself: no agent may be "
                                             "put into it"),
                           group);
        }
    }
    // File capabilities act for every user who runs the file: on an interpreter, for any script.
    const bool fileCapabilities = input.method == Method::Capabilities && !input.capabilities.isEmpty() &&
                                  (!input.runsUnderSystemd || input.startMode == StartMode::CalledBy);
    if (fileCapabilities && isInterpreter(input.executable)) {
        return refusal(QT_TRANSLATE_NOOP("Deroot::Core::Rules",
                                         "file capabilities on %1 are refused: it is a shell or an interpreter, so "
                                         "every user could run any code with them; run it under systemd instead"),
                       input.executable);
    }
    if (!input.sudoCommands.isEmpty() && dangerousSudoCommands().isEmpty()) {
        // Fail closed: without the list, a shell or an editor would pass as an ordinary command.
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::Rules", "the built-in list of programs never to allow "
                                                                        "through sudo could not be read")};
    }
    for (const SudoCommand &command : input.sudoCommands) {
        if (const auto dangerous = dangerousSudoCommand(command.path)) {
            return refusal(QT_TRANSLATE_NOOP("Deroot::Core::Rules",
                                             "sudo command %1 is refused: through sudo it gives %2 as root whatever "
                                             "its arguments"),
                           command.path, dangerous->allows + u" ("_s + dangerous->source + u')');
        }
    }
    return std::nullopt;
}

} // namespace Deroot::Core
