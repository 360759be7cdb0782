// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QString>

namespace Deroot::Core {

/// The application id used for the desktop file, AppStream, D-Bus and polkit: one name everywhere.
QString applicationId();

/// Deroot's version, as set in the top-level CMakeLists.txt.
QString version();

/// Where Deroot's helper programs (deroot-observer) are for the running program: ../libexec beside
/// the bin directory it runs from, or its own directory (a program in libexec, or the build tree's
/// bin). Found from the program's real location, so that it holds for any install prefix.
QString libexecDirectory();

} // namespace Deroot::Core
