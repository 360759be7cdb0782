// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Screenshots of an X server as xwd(1) dumps them, read into a QImage so that a test can save
// them as PNG (Qt reads no XWD, and the build root has no converter).
#pragma once

#include <QByteArray>
#include <QImage>
#include <QPoint>
#include <QString>

#include <optional>

namespace Deroot::TestSupport {

/// The image in @p xwd (a ZPixmap dump of a TrueColor or DirectColor screen at 24 or 32 bits a
/// pixel, which is what Xvfb's screens are), or a null image with @p error saying what was not
/// understood.
QImage readXwd(const QByteArray &xwd, QString *error);

/// Where the window of an `xwd -id` dump is, relative to its parent (the root window, with no
/// window manager); nothing when @p xwd is too short to have a header.
std::optional<QPoint> readXwdWindowPosition(const QByteArray &xwd);

} // namespace Deroot::TestSupport
