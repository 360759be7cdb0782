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
        result.summary = u"apparmor_parser is not installed here: not checked"_s;
        return result;
    }
    const ToolCheck::Staging directory;
    if (!directory.isValid() || directory.write(u"profile"_s, content)) {
        result.summary = u"apparmor_parser: the profile could not be staged for checking"_s;
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
    result.summary = result.ok
                         ? u"apparmor_parser: OK"_s
                         : u"apparmor_parser: "_s +
                               (lines.isEmpty() ? (run.error.isEmpty() ? u"failed"_s : run.error) : lines.first());
    return result;
}

} // namespace Deroot::Core
