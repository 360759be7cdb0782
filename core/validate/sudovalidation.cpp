// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/validate/sudovalidation.h"

#include "core/base/toolrunner.h"
#include "core/validate/toolcheck.h"

#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

ValidationResult unavailable(const QString &tool)
{
    ValidationResult result;
    result.ok = false;
    result.available = false;
    result.setSummary(
        validatePhrase(QT_TRANSLATE_NOOP("Deroot::Core::Validate", "%1 is not installed here: not checked")).arg(tool));
    return result;
}

ValidationResult fromRun(const QString &tool, const ToolRun &run, const QString &privatePath, const QString &shownAs)
{
    ValidationResult result;
    // The temporary name means nothing to the reader; the file's role does.
    result.output = QString(QString::fromUtf8(run.out) + run.error).replace(privatePath, shownAs);
    result.ok = run.started && run.finished && run.exitCode == 0;
    if (result.ok) {
        result.setSummary(validatePhrase(QT_TRANSLATE_NOOP("Deroot::Core::Validate", "%1: OK")).arg(tool));
    } else if (!run.started) {
        result.setSummary(validatePhrase(QT_TRANSLATE_NOOP("Deroot::Core::Validate", "%1 could not be started: %2"))
                              .arg(tool, ToolCheck::firstLine(result.output)));
    } else if (!run.finished) {
        result.setSummary(validatePhrase(QT_TRANSLATE_NOOP("Deroot::Core::Validate", "%1 did not finish")).arg(tool));
    } else {
        // The tool's own first line stays as the tool wrote it.
        const QString message = ToolCheck::firstLine(result.output);
        result.setSummary(message.isEmpty()
                              ? validatePhrase(QT_TRANSLATE_NOOP("Deroot::Core::Validate", "%1: failed")).arg(tool)
                              : untranslated(u"%1: %2"_s.arg(tool, message)));
    }
    return result;
}

} // namespace

ValidationResult validateSudoers(const QString &content)
{
    const QString visudo = ToolCheck::findSystemProgram(u"visudo"_s);
    if (visudo.isEmpty()) {
        return unavailable(u"visudo"_s);
    }
    const ToolCheck::Staging staging;
    const QString file = staging.filePath(u"sudoers"_s);
    if (!staging.isValid()) {
        return {false, true, u"visudo: cannot write a temporary file: "_s + staging.errorString(), {}};
    }
    if (const auto error = staging.write(u"sudoers"_s, content, QFile::ReadOwner | QFile::ReadGroup)) {
        return {false, true, u"visudo: cannot write a temporary file: "_s + *error, {}};
    }
    const ToolRun run = runTool(visudo, {u"-c"_s, u"-s"_s, u"-f"_s, file});
    return fromRun(u"visudo"_s, run, file, u"sudoers"_s);
}

ValidationResult validateSysusers(const QString &content)
{
    const QString sysusers = ToolCheck::findSystemProgram(u"systemd-sysusers"_s);
    if (sysusers.isEmpty()) {
        return unavailable(u"systemd-sysusers"_s);
    }
    const ToolCheck::Staging staging;
    const QString file = staging.filePath(u"deroot.conf"_s);
    if (!staging.isValid()) {
        return {false, true, u"systemd-sysusers: cannot write a temporary file: "_s + staging.errorString(), {}};
    }
    if (const auto error = staging.write(u"deroot.conf"_s, content, QFile::ReadOwner | QFile::WriteOwner)) {
        return {false, true, u"systemd-sysusers: cannot write a temporary file: "_s + *error, {}};
    }
    // An empty root of our own: even a systemd-sysusers that ignored --dry-run could only write there.
    QTemporaryDir root;
    if (!root.isValid()) {
        return {false, true, u"systemd-sysusers: cannot make a temporary root: "_s + root.errorString(), {}};
    }
    const ToolRun run = runTool(sysusers, {u"--dry-run"_s, u"--root="_s + root.path(), file});
    ValidationResult result = fromRun(u"systemd-sysusers"_s, run, file, u"sysusers.conf"_s);
    // systemd-sysusers exits 0 on some problems it only logs (an unknown group for an m line is
    // created, a bad name is skipped with a message): any line it logs that is not its plan counts.
    if (result.ok) {
        for (const QString &line : result.output.split(u'\n', Qt::SkipEmptyParts)) {
            if (!line.startsWith(u"Creating "_s) && !line.startsWith(u"Would "_s) && !line.startsWith(u"Adding "_s)) {
                result.ok = false;
                result.summary = u"systemd-sysusers: "_s + line.trimmed();
                break;
            }
        }
    }
    return result;
}

} // namespace Deroot::Core
