// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/validate/containervalidation.h"

#include "core/base/text.h"
#include "core/base/toolrunner.h"
#include "core/validate/toolcheck.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

constexpr int kTimeoutMs = 30000;

// The tool's output without the temporary directory, and its first line for the summary.
ValidationResult judge(const QString &tool, const ToolRun &run, const ToolCheck::Staging &staging, bool silentWhenOk)
{
    ValidationResult result;
    result.output = staging.withoutPath(QString::fromUtf8(run.out));
    if (!run.error.isEmpty()) {
        result.setSummary(untranslated(u"%1: %2"_s.arg(tool, run.error)));
        return result;
    }
    const QString firstLine = ToolCheck::firstLine(result.output);
    result.ok = run.finished && run.exitCode == 0 && (!silentWhenOk || result.output.trimmed().isEmpty());
    result.setSummary(result.ok ? validatePhrase(QT_TRANSLATE_NOOP("Deroot::Core::Validate", "%1: OK")).arg(tool)
                      : firstLine.isEmpty()
                          ? validatePhrase(QT_TRANSLATE_NOOP("Deroot::Core::Validate", "%1: failed with exit code %2"))
                                .arg(tool)
                                .arg(run.exitCode)
                          : untranslated(u"%1: %2"_s.arg(tool, firstLine)));
    return result;
}

} // namespace

ValidationResult validateCompose(const QString &content)
{
    const QString program =
        ToolCheck::findProgram({u"/usr/bin/docker-compose"_s, u"/usr/libexec/docker/cli-plugins/docker-compose"_s});
    if (program.isEmpty()) {
        return {false, false, u"docker-compose config: docker-compose is not installed"_s, {}};
    }
    // A private directory (0700): nobody can swap the file, and no .env or override file of the
    // caller's current directory is read.
    const ToolCheck::Staging directory;
    if (!directory.isValid()) {
        return {false, true, u"docker-compose config: no temporary directory: %1"_s.arg(directory.errorString()), {}};
    }
    if (const auto error = directory.write(u"docker-compose.yml"_s, content)) {
        return {
            false,
            true,
            u"docker-compose config: cannot write %1: %2"_s.arg(directory.filePath(u"docker-compose.yml"_s), *error),
            {}};
    }
    // runTool's clean environment: COMPOSE_FILE or DOCKER_HOST in the caller's would change what
    // is read; config needs no engine.
    const ToolRun run =
        runTool(program, {u"-f"_s, u"docker-compose.yml"_s, u"config"_s, u"-q"_s}, kTimeoutMs, true, directory.path());
    return judge(u"docker-compose config"_s, run, directory, true);
}

ValidationResult validateQuadlet(const QString &content, const QString &fileName)
{
    const QString program = ToolCheck::findProgram({u"/usr/libexec/podman/quadlet"_s, u"/usr/lib/podman/quadlet"_s});
    if (program.isEmpty()) {
        return {false, false, u"quadlet -dryrun: quadlet is not installed"_s, {}};
    }
    // anchoredPattern: '$' would also accept a name ending in a newline.
    static const QRegularExpression kName(
        QRegularExpression::anchoredPattern(u"[A-Za-z0-9][A-Za-z0-9_.@-]{0,200}\\.container"_s));
    if (!kName.match(fileName).hasMatch() || fileName.contains(u"..")) {
        return {false, true, u"quadlet -dryrun: %1 is not a .container file name"_s.arg(quoted(fileName)), {}};
    }
    const ToolCheck::Staging directory;
    if (!directory.isValid()) {
        return {false, true, u"quadlet -dryrun: no temporary directory: %1"_s.arg(directory.errorString()), {}};
    }
    if (const auto error = directory.write(fileName, content)) {
        return {false, true, u"quadlet -dryrun: cannot write %1: %2"_s.arg(directory.filePath(fileName), *error), {}};
    }
    // Quadlet reads its units only from QUADLET_UNIT_DIRS (else the system's directories); env(1)
    // adds that one variable to runTool's clean environment. -no-kmsg-log: never log to the
    // kernel's ring buffer from a check.
    const ToolRun run = runTool(u"/usr/bin/env"_s,
                                {u"QUADLET_UNIT_DIRS="_s + directory.path(), program, u"-dryrun"_s, u"-no-kmsg-log"_s},
                                kTimeoutMs, false, directory.path());
    ValidationResult result = judge(u"quadlet -dryrun"_s, run, directory, false);
    // The generated unit goes to stdout, the messages to stderr: an error names the problem there.
    const QString messages = directory.withoutPath(QString::fromUtf8(run.err));
    if (!result.ok) {
        static const QRegularExpression kConverting(u"converting \"[^\"]*\": (.*)"_s);
        const auto match = kConverting.match(messages);
        if (match.hasMatch()) {
            result.summary = u"quadlet -dryrun: "_s + match.captured(1).trimmed();
        }
    }
    result.output = messages + result.output;
    return result;
}

} // namespace Deroot::Core
