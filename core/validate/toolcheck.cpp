// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/validate/toolcheck.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Deroot::Core::ToolCheck {

QString findProgram(const QStringList &candidates)
{
    for (const QString &candidate : candidates) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable()) {
            return candidate;
        }
    }
    return {};
}

QString findSystemProgram(const QString &name)
{
    return findProgram({u"/usr/sbin/"_s + name, u"/usr/bin/"_s + name, u"/sbin/"_s + name, u"/bin/"_s + name});
}

QString firstLine(const QString &text)
{
    return text.trimmed().section(u'\n', 0, 0).trimmed();
}

std::optional<QString> Staging::write(const QString &name, const QString &text,
                                      QFileDevice::Permissions permissions) const
{
    QFile file(filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || file.write(text.toUtf8()) < 0 || !file.flush() ||
        (permissions != QFileDevice::Permissions() && !file.setPermissions(permissions))) {
        return file.errorString();
    }
    return std::nullopt;
}

QString Staging::withoutPath(QString text) const
{
    return text.replace(path() + u'/', QString());
}

} // namespace Deroot::Core::ToolCheck
