// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/export/diskdiff.h"

#include "core/base/text.h"
#include "core/base/toolrunner.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

std::optional<QString> diffAgainstDisk(const QString &path, const QString &content)
{
    const QFileInfo info(path);
    if (path.isEmpty() || !info.isFile()) {
        return std::nullopt;
    }
    if (info.size() > 1024 * 1024) {
        return u"%1 is larger than 1 MiB: not compared"_s.arg(quoted(path));
    }
    QFile onDisk(path);
    if (!onDisk.open(QIODevice::ReadOnly)) {
        return u"%1 cannot be read: %2"_s.arg(quoted(path), onDisk.errorString());
    }
    const QByteArray current = onDisk.readAll();
    const QByteArray generated = content.toUtf8();
    if (current == generated) {
        return QString();
    }
    QTemporaryFile file;
    if (!file.open() || file.write(generated) != generated.size() || !file.flush()) {
        return u"the generated text cannot be compared: %1"_s.arg(file.errorString());
    }
    // diff reads the file already read above again; a change in between shows in the diff, which is
    // what the admin wants to see anyway.
    const ToolRun run = runTool(u"diff"_s,
                                {u"--unified"_s, u"--label"_s, path + u" (on disk)"_s, u"--label"_s,
                                 path + u" (generated)"_s, u"--"_s, path, file.fileName()},
                                10000, false);
    if (!run.finished || run.exitCode > 1) {
        return u"diff failed: %1"_s.arg(run.error.isEmpty() ? oneLine(QString::fromUtf8(run.err)) : run.error);
    }
    return QString::fromUtf8(run.out);
}

} // namespace Deroot::Core
