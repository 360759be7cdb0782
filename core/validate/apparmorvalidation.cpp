// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/validate/apparmorvalidation.h"

#include "core/base/toolrunner.h"
#include "core/validate/toolcheck.h"

using namespace Qt::StringLiterals;

namespace Deroot::Core {

ValidationResult validateAppArmor(const QString &content)
{
    ValidationResult result;
    const QString parser = ToolCheck::findProgram({u"/usr/sbin/apparmor_parser"_s, u"/sbin/apparmor_parser"_s});
    if (parser.isEmpty()) {
        result.available = false;
        result.setSummary(
            validatePhrase(QT_TRANSLATE_NOOP("Deroot::Core::Validate", "%1 is not installed here: not checked"))
                .arg(u"apparmor_parser"_s));
        return result;
    }
    const ToolCheck::Staging directory;
    if (!directory.isValid() || directory.write(u"profile"_s, content)) {
        result.setSummary(validatePhrase(QT_TRANSLATE_NOOP(
            "Deroot::Core::Validate", "apparmor_parser: the profile could not be staged for checking")));
        return result;
    }
    const ToolRun run = runTool(parser, {u"-Q"_s, u"-K"_s, directory.filePath(u"profile"_s)});
    // Without AppArmor in the running kernel the parser says it cannot use its cache: that is not
    // about the profile.
    QStringList lines;
    for (const QString &line : QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts)) {
        if (!line.startsWith(u"Cache read/write disabled")) {
            lines.append(directory.withoutPath(line));
        }
    }
    result.output = lines.join(u'\n') + run.error;
    result.ok = run.finished && run.exitCode == 0;
    const QString tool = u"apparmor_parser"_s;
    result.setSummary(result.ok ? validatePhrase(QT_TRANSLATE_NOOP("Deroot::Core::Validate", "%1: OK")).arg(tool)
                      : !lines.isEmpty() ? untranslated(tool + u": "_s + lines.first())
                      : run.error.isEmpty()
                          ? validatePhrase(QT_TRANSLATE_NOOP("Deroot::Core::Validate", "%1: failed")).arg(tool)
                          : untranslated(tool + u": "_s + run.error));
    return result;
}

} // namespace Deroot::Core
