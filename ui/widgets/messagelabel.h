// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QString>

class QLabel;

namespace Deroot::Ui {

/// Shows @p text in @p label, in red when it is an @p error, and records which it is in the
/// label's "error" property (what tests and assistive tools read).
void setMessage(QLabel *label, const QString &text, bool error);

} // namespace Deroot::Ui
