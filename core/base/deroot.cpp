// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/base/deroot.h"

#include "deroot_config.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

QString applicationId()
{
    return QStringLiteral(DEROOT_APP_ID);
}

QString version()
{
    return QStringLiteral(DEROOT_VERSION);
}

QString libexecDirectory()
{
    // From where the running program really is (/proc/self/exe), not from a path configured at
    // build time: the test host and packages install with another prefix than the build's.
    const QString own = QCoreApplication::applicationDirPath();
    if (QFileInfo(own).fileName() == u"bin"_s) {
        const QString beside = QDir::cleanPath(own + u"/../libexec"_s);
        if (QFileInfo::exists(beside + u"/deroot-observer"_s) || !QFileInfo::exists(own + u"/deroot-observer"_s)) {
            return beside;
        }
    }
    return own; // a program in libexec itself (the helper), or the build tree, where all share bin/
}

} // namespace Deroot::Core
