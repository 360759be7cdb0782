// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Whether this runs inside the build root tools/dev makes (marked by /.deroot-base). There every
// tool and package of tools/devroot/packages.txt is present, so a missing one is a failure, never
// a skip: DEROOT_REQUIRE_TOOL (requiretool.h) for Qt tests, this directly for the fuzz targets.
#pragma once

#include <QFile>
#include <QString>

namespace Deroot::TestSupport {

inline bool inBuildRoot()
{
    return QFile::exists(QStringLiteral("/.deroot-base"));
}

} // namespace Deroot::TestSupport
