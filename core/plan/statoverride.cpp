// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/plan/statoverride.h"

#include <QList>

namespace Deroot::Core {

std::optional<QString> dpkgStatOverride(const QByteArray &database, const QString &path)
{
    const QByteArray wanted = path.toUtf8();
    for (const QByteArray &line : database.split('\n')) {
        // dpkg writes single spaces; the path is the rest of the line (it may hold spaces).
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 4) {
            continue;
        }
        const qsizetype pathStart = fields.at(0).size() + fields.at(1).size() + fields.at(2).size() + 3;
        if (line.mid(pathStart) == wanted) {
            return QString::fromUtf8(fields.at(0) + ' ' + fields.at(1) + ' ' + fields.at(2));
        }
    }
    return std::nullopt;
}

} // namespace Deroot::Core
