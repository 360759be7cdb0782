// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/inspect/report.h"

#include <QIcon>

namespace Deroot::Ui {

/// Deroot's own SVG icons (resources/icons/ui), sharp at every scale.
QIcon severityIcon(Core::Severity severity);
/// A validator's verdict: passed, failed, or not known (not run yet, or the tool is missing).
enum class CheckState { Passed, Failed, Unknown };
QIcon checkIcon(CheckState state);
/// Marks what runs as root or gives root away.
QIcon rootIcon();
/// polkit's "needs authentication" on a button: the desktop's lock icon, else Deroot's own.
QIcon lockIcon();

/// "Critical", "High", ...: a severity in words, translated.
QString severityText(Core::Severity severity);

} // namespace Deroot::Ui
