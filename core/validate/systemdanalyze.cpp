// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/validate/systemdanalyze.h"

#include "core/base/text.h"
#include "core/base/toolrunner.h"
#include "core/validate/toolcheck.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

constexpr int kTimeoutMs = 30000;

QString systemdAnalyze()
{
    return ToolCheck::findProgram({u"/usr/bin/systemd-analyze"_s, u"/bin/systemd-analyze"_s});
}

struct Run
{
    bool finished = false;
    int exitCode = -1;
    QString output; ///< stdout and stderr together, as an admin would see them
    QString error;
};

// Writes the unit (and drop-in) into @p staging; false with @p why on failure.
bool writeFiles(const ToolCheck::Staging &staging, const QString &content, const QString &fileName,
                const QString &dropInContent, QString *why)
{
    // anchoredPattern: '$' would also accept a name ending in a newline.
    static const QRegularExpression kUnitName(
        QRegularExpression::anchoredPattern(u"[A-Za-z0-9:_.@-]{1,250}\\.(service|socket|timer|target)"_s));
    if (!kUnitName.match(fileName).hasMatch() || fileName.startsWith(u'-') || fileName.contains(u"..")) {
        *why = u"%1 is not a unit file name"_s.arg(quoted(fileName));
        return false;
    }
    const auto write = [&staging, why](const QString &name, const QString &text) {
        if (const auto error = staging.write(name, text)) {
            *why = u"cannot write %1: %2"_s.arg(staging.filePath(name), *error);
            return false;
        }
        return true;
    };
    if (!write(fileName, content)) {
        return false;
    }
    if (!dropInContent.isNull()) {
        const QString dropInDirectory = staging.filePath(fileName + u".d"_s);
        if (!QDir().mkdir(dropInDirectory)) {
            *why = u"cannot make %1"_s.arg(dropInDirectory);
            return false;
        }
        return write(fileName + u".d/deroot.conf"_s, dropInContent);
    }
    return true;
}

Run analyze(const QStringList &arguments, const QString &content, const QString &fileName, const QString &dropInContent)
{
    Run run;
    const QString program = systemdAnalyze();
    if (program.isEmpty()) {
        run.error = u"systemd-analyze is not installed"_s;
        return run;
    }
    // A private directory (0700) nobody else can swap files in; removed afterwards.
    const ToolCheck::Staging directory;
    if (!directory.isValid()) {
        run.error = u"no temporary directory: %1"_s.arg(directory.errorString());
        return run;
    }
    // systemd-analyze verify fails on a file name with ':' ("Couldn't process aliases", found by the
    // fuzzer), though ':' is valid in unit names: what is checked is the content, so it is written
    // under the same name with '_' for ':'; the output names the unit as given.
    const QString onDisk = QString(fileName).replace(u':', u'_');
    if (!writeFiles(directory, content, onDisk, dropInContent, &run.error)) {
        return run;
    }
    // runTool's clean environment: SYSTEMD_UNIT_PATH and the like in the caller's would change
    // what is loaded, a locale or colours what is printed. "./name" is a path, so systemd-analyze
    // loads this file and its drop-in directory beside it rather than a unit of that name.
    const ToolRun tool =
        runTool(program, arguments + QStringList{u"./"_s + onDisk}, kTimeoutMs, true, directory.path());
    run.error = tool.error;
    // Name the unit as the admin knows it, not by the temporary directory.
    run.output = directory.withoutPath(QString::fromUtf8(tool.out));
    run.output.replace(onDisk, fileName);
    run.finished = tool.finished;
    run.exitCode = tool.exitCode;
    return run;
}

} // namespace

ValidationResult validateUnit(const QString &content, const QString &fileName, const QString &dropInContent)
{
    ValidationResult result;
    // --man=no: Documentation= man pages need not be installed to deploy a unit.
    const Run run = analyze({u"verify"_s, u"--man=no"_s, u"--generators=no"_s}, content, fileName, dropInContent);
    result.output = run.output;
    if (!run.error.isEmpty()) {
        result.available = !systemdAnalyze().isEmpty();
        result.setSummary(untranslated(u"systemd-analyze verify: %1"_s.arg(run.error)));
        return result;
    }
    const QString firstLine = ToolCheck::firstLine(run.output);
    result.ok = run.exitCode == 0 && run.output.trimmed().isEmpty();
    const QString tool = u"systemd-analyze verify"_s;
    result.setSummary(
        result.ok ? validatePhrase(QT_TRANSLATE_NOOP("Deroot::Core::Validate", "%1: OK")).arg(tool)
        : firstLine.isEmpty()
            ? validatePhrase(QT_TRANSLATE_NOOP("Deroot::Core::Validate", "%1: failed with exit code %2"))
                  .arg(tool)
                  .arg(run.exitCode)
        : run.exitCode == 0
            ? validatePhrase(QT_TRANSLATE_NOOP("Deroot::Core::Validate", "%1: warning: %2")).arg(tool, firstLine)
            : untranslated(u"%1: %2"_s.arg(tool, firstLine)));
    return result;
}

ExposureScore exposureScore(const QString &content, const QString &fileName, const QString &dropInContent)
{
    ExposureScore exposure;
    ValidationResult &result = exposure.validation;
    const Run run = analyze({u"security"_s, u"--offline=yes"_s, u"--no-pager"_s}, content, fileName, dropInContent);
    result.output = run.output;
    if (!run.error.isEmpty()) {
        result.available = !systemdAnalyze().isEmpty();
        result.setSummary(untranslated(u"systemd-analyze security: %1"_s.arg(run.error)));
        return exposure;
    }
    static const QRegularExpression kOverall(
        u"Overall exposure level for \\S+: ([0-9]+\\.[0-9]+) (SAFE|OK|MEDIUM|EXPOSED|UNSAFE)"_s);
    const auto match = kOverall.match(run.output);
    if (run.exitCode != 0 || !match.hasMatch()) {
        result.setSummary(validatePhrase(QT_TRANSLATE_NOOP("Deroot::Core::Validate",
                                                           "systemd-analyze security: no score (exit code %1)"))
                              .arg(run.exitCode));
        return exposure;
    }
    exposure.score = match.captured(1).toDouble();
    exposure.verdict = match.captured(2);
    result.ok = true;
    // The score in the reader's notation ("1,7" in German) on screen; systemd's verdict word as it is.
    result.summary = u"exposure %1 %2"_s.arg(match.captured(1), exposure.verdict);
    result.summaryShown = QCoreApplication::translate("Deroot::Core::Validate", "exposure %1 %2")
                              .arg(QLocale().toString(exposure.score, 'f', 1), exposure.verdict);
    return exposure;
}

} // namespace Deroot::Core
