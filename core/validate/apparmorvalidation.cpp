// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/validate/apparmorvalidation.h"

#include "core/base/toolrunner.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

ValidationResult validateAppArmor(const QString &content)
{
    ValidationResult result;
    QString parser;
    for (const QString &candidate : {u"/usr/sbin/apparmor_parser"_s, u"/sbin/apparmor_parser"_s}) {
        if (QFileInfo(candidate).isExecutable()) {
            parser = candidate;
            break;
        }
    }
    if (parser.isEmpty()) {
        result.available = false;
        result.summary = u"apparmor_parser is not installed here: not checked"_s;
        return result;
    }
    QTemporaryDir directory;
    QFile file(directory.filePath(u"profile"_s));
    if (!directory.isValid() || !file.open(QIODevice::WriteOnly) || file.write(content.toUtf8()) < 0) {
        result.summary = u"apparmor_parser: the profile could not be staged for checking"_s;
        return result;
    }
    file.close();
    const ToolRun run = runTool(parser, {u"-Q"_s, u"-K"_s, file.fileName()});
    // Without AppArmor in the running kernel the parser says it cannot use its cache: that is not
    // about the profile.
    QStringList lines;
    for (const QString &line : QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts)) {
        if (!line.startsWith(u"Cache read/write disabled")) {
            lines.append(QString(line).replace(file.fileName(), u"profile"_s));
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
