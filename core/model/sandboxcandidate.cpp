// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/model/sandboxcandidate.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

bool isObservableSandboxSetting(const QString &key, const QString &value)
{
    if (key == u"PrivateDevices"_s || key == u"PrivateNetwork"_s) {
        return value == u"yes"_s;
    }
    if (key == u"ProtectHome"_s) {
        return value == u"read-only"_s;
    }
    if (key == u"RestrictAddressFamilies"_s) {
        static const QRegularExpression kFamily(QRegularExpression::anchoredPattern(u"AF_[A-Z0-9]{1,16}"_s));
        const QStringList families = value.split(u' ');
        if (families.first() != u"AF_UNIX"_s || families.size() > 48) {
            return false;
        }
        QStringList seen;
        for (const QString &family : families) {
            if (!kFamily.matchView(family).hasMatch() || seen.contains(family)) {
                return false;
            }
            seen.append(family);
        }
        return true;
    }
    return false;
}

} // namespace Deroot::Core
