// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/generate/sudoersgenerator.h"

#include "core/base/text.h"
#include "core/generate/inputvalidation.h"
#include "core/rules/rules.h"
#include "core/rules/sudocommands.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// A sentence (or a clause of one) in the language of whoever made the plan; the helper installs no
// translator, so its sentences stay English.
QString inputText(const char *text)
{
    return QCoreApplication::translate("Deroot::Core::InputValidation", text);
}

Error refuse(const QString &message)
{
    return {ExitCode::Usage, message};
}

// Characters an argument may have in the generated file. Everything else that validation lets
// through is refused rather than escaped: a fixed argument never needs a wildcard, a quote, '!',
// '#', parentheses or a leading '^' (which would make sudo read the arguments as a regex).
// ',', ':' and '=' are ordinary in arguments ("--device=sat,12") and are written escaped, as
// sudoers(5) requires.
const QRegularExpression &argumentCharacters()
{
    static const QRegularExpression kAllowed(QRegularExpression::anchoredPattern(u"[A-Za-z0-9_./@+~,:=-]+"_s));
    return kAllowed;
}

QString escapedArgument(const QString &argument)
{
    QString escaped;
    escaped.reserve(argument.size() + 4);
    for (const QChar c : argument) {
        if (c == u',' || c == u':' || c == u'=') {
            escaped += u'\\';
        }
        escaped += c;
    }
    return escaped;
}

// "DEROOT_NODE_EXPORTER_1": alias names are [A-Z][A-Z0-9_]*, and must not clash with another
// file's aliases (a duplicate breaks the whole policy), hence the prefix and the agent id.
QString aliasName(const QString &agentId, qsizetype index)
{
    QString name = agentId.toUpper();
    name.replace(u'-', u'_');
    return u"DEROOT_"_s + name + u'_' + QString::number(index + 1);
}

std::optional<Error> checkCommand(const SudoCommand &command)
{
    static const QRegularExpression kPathCharacters(QRegularExpression::anchoredPattern(u"[A-Za-z0-9_./@+-]+"_s));
    if (!isSafeAbsolutePath(command.path) || !kPathCharacters.match(command.path).hasMatch()) {
        return refuse(u"sudo command "_s + quoted(command.path) + u" is not an absolute, normalised path of plain "_s +
                      u"characters"_s);
    }
    if (const auto dangerous = dangerousSudoCommand(command.path)) {
        return refuse(u"sudo command "_s + quoted(command.path) + u" is refused: through sudo, "_s + dangerous->name +
                      u" gives "_s + dangerous->allows + u" as root whatever its arguments ("_s + dangerous->source +
                      u")"_s);
    }
    for (const QString &argument : command.arguments) {
        if (!argumentCharacters().match(argument).hasMatch() || argument.size() > 256) {
            return refuse(u"sudo argument "_s + quoted(argument) + u" of "_s + quoted(command.path) +
                          u" cannot be written safely into sudoers: use letters, digits and _ . / @ + ~ , : = -"_s);
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<Error> sudoCommandWeakness(const QString &path, const QString &root)
{
    // No symlink passes sudoPathProblem(), so the name judged below is the file sudo runs: there is
    // no canonical name to judge as well.
    if (!path.startsWith(u'/') || path.endsWith(u'/') || path.split(u'/', Qt::SkipEmptyParts).isEmpty()) {
        return refuse(inputText(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                                  "sudo command %1 is not an absolute path to a file"))
                          .arg(quoted(path)));
    }
    if (const auto stop = rootOnlyPathProblem(path, root)) {
        switch (stop->kind) {
        case PathWalkStop::Kind::Missing:
            return refuse(
                stop->walked == path
                    ? inputText(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation", "sudo command %1 does not exist"))
                          .arg(quoted(path))
                    : inputText(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                                  "sudo command %1 does not exist (%2 is missing)"))
                          .arg(quoted(path), quoted(stop->walked)));
        case PathWalkStop::Kind::Unreadable:
            return refuse(inputText(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation",
                                                      "sudo command %1 cannot be examined: %2: %3"))
                              .arg(quoted(path), quoted(stop->walked), stop->detail));
        case PathWalkStop::Kind::Refused:
            return refuse(
                inputText(QT_TRANSLATE_NOOP("Deroot::Core::InputValidation", "sudo command %1 is refused: %2 %3"))
                    .arg(quoted(path), quoted(stop->walked), stop->detail));
        }
    }
    // After the path: a name judged here is the file sudo runs.
    if (const auto dangerous = dangerousSudoCommand(path)) {
        return refuse(u"sudo command "_s + quoted(path) + u" is refused: through sudo, "_s + dangerous->name +
                      u" gives "_s + dangerous->allows + u" as root whatever its arguments ("_s + dangerous->source +
                      u")"_s);
    }
    return std::nullopt;
}

Result<Artifact> sudoersFile(const GenerationInput &input)
{
    // sudo silently skips files in /etc/sudoers.d whose name has a '.' or ends in '~'; the agent
    // id pattern excludes both, and this check keeps it so if the pattern ever changes.
    if (!isAgentIdShape(input.agentId) || input.agentId.contains(u'.') || input.agentId.endsWith(u'~')) {
        return refuse(u"agent id "_s + quoted(input.agentId) +
                      u" cannot name a sudoers file: sudo ignores names with '.' or ending in '~'"_s);
    }
    // A called program's rule is for the user of the agent that calls it; a service's for its own.
    const bool calledBy = input.startMode == StartMode::CalledBy;
    const QString &user = calledBy ? input.callerUser : input.serviceUser;
    if (!isValidAccountName(user)) {
        return refuse((calledBy ? u"calling user "_s : u"service user "_s) + quoted(user) +
                      u" is not a valid system user name"_s);
    }
    if (input.description.size() > 200 || !std::all_of(input.description.begin(), input.description.end(), [](QChar c) {
            return c.unicode() >= 0x20 && c.unicode() < 0x7f;
        })) {
        return refuse(u"description "_s + quoted(input.description) + u" must be one line of printable ASCII"_s);
    }
    if (input.sudoCommands.isEmpty()) {
        return refuse(u"the sudo method needs at least one command for "_s + quoted(input.agentId));
    }
    // Fail closed: without the list, a shell or an editor would pass as an ordinary command.
    if (dangerousSudoCommands().isEmpty()) {
        return Error{ExitCode::Failure, u"the built-in list of programs never to allow through sudo ("_s +
                                            dangerousSudoCommandsResource() + u") could not be read"_s};
    }
    for (const SudoCommand &command : input.sudoCommands) {
        if (auto problem = checkCommand(command)) {
            return *problem;
        }
    }

    Artifact artifact;
    artifact.id = u"sudoers"_s;
    artifact.targetPath = u"/etc/sudoers.d/deroot-"_s + input.agentId;
    artifact.owner = u"root"_s;
    artifact.group = u"root"_s;
    artifact.mode = 0440;
    artifact.validator = u"visudo -c -s -f"_s;
    artifact.syntax = u"sudoers"_s;

    QString text;
    // Every comment line starts with "# ": "#include" at the start of a line is a directive.
    text += u"# "_s + artifact.targetPath + u": generated by Deroot (io.github.deroot.Deroot)\n"_s;
    text += u"# for the agent "_s + input.agentId;
    if (!input.description.isEmpty()) {
        // In parentheses, so that the line never ends in a backslash.
        text += u" ("_s + input.description + u')';
    }
    text += u".\n"_s;
    text += u"# Regenerate it rather than editing it, and check the whole policy with visudo -c.\n"_s
            u"#\n"_s
            u"# The user "_s +
            user +
            u" may run exactly these commands as root, with exactly these\n"_s
            u"# arguments (\"\" means none), and nothing else. NOEXEC keeps a command from starting\n"_s
            u"# other programs; EXEC marks one that needs to.\n"_s
            u"#\n"_s
            u"# NOPASSWD: STIG and CIS scans flag every NOPASSWD rule (rule sudo_remove_nopasswd). The\n"_s
            u"# agent runs unattended and cannot type a password; record this file as an accepted\n"_s
            u"# exception, limited to the fixed commands below.\n"_s;
    text += u'\n';
    for (qsizetype i = 0; i < input.sudoCommands.size(); ++i) {
        const SudoCommand &command = input.sudoCommands.at(i);
        QStringList arguments;
        for (const QString &argument : command.arguments) {
            arguments << escapedArgument(argument);
        }
        text += u"Cmnd_Alias "_s + aliasName(input.agentId, i) + u" = "_s + command.path + u' ' +
                (arguments.isEmpty() ? u"\"\""_s : arguments.join(u' ')) + u'\n';
    }
    text += u'\n';
    for (qsizetype i = 0; i < input.sudoCommands.size(); ++i) {
        const SudoCommand &command = input.sudoCommands.at(i);
        text += user + u" ALL=(root) NOPASSWD: "_s + (command.noexec ? u"NOEXEC: "_s : u"EXEC: "_s) +
                aliasName(input.agentId, i) + u'\n';
    }
    artifact.content = text;
    // Two sentences rather than a plural form: the English one goes into plan.json, where no
    // translator (not even English's plural catalogue) may change it.
    artifact.setPurpose(
        (input.sudoCommands.size() == 1
             ? artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                                "Lets %1 run %2 fixed command as root without a password; "
                                                "NOPASSWD is flagged by STIG/CIS scans "
                                                "(sudo_remove_nopasswd)."))
             : artifactPhrase(QT_TRANSLATE_NOOP("Deroot::Core::Artifact",
                                                "Lets %1 run %2 fixed commands as root without a password; "
                                                "NOPASSWD is flagged by STIG/CIS scans "
                                                "(sudo_remove_nopasswd).")))
            .arg(user, QString::number(input.sudoCommands.size())));
    return artifact;
}

} // namespace Deroot::Core
