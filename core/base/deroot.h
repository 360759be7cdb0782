// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QString>

namespace Deroot::Core {

/// The application id used for the desktop file, AppStream, D-Bus and polkit: one name everywhere.
QString applicationId();

/// Deroot's version, as set in the top-level CMakeLists.txt.
QString version();

/// Where the installed helper programs live (CMAKE_INSTALL_FULL_LIBEXECDIR): deroot-observer.
QString libexecDirectory();

} // namespace Deroot::Core
