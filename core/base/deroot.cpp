// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/base/deroot.h"

#include "deroot_config.h"

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
    return QStringLiteral(DEROOT_LIBEXECDIR);
}

} // namespace Deroot::Core
