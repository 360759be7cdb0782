// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/recommend/privilegescore.h"

#include <QString>

namespace Deroot::Ui {

/// What the plan is compared against in privilegeSentence().
enum class PrivilegeAfter { Method, Plan };

/// The effective privilege before and after in one translated sentence, in whole numbers where
/// they are whole (100 and 3, as derootctl prints them, with the locale's decimal separator
/// otherwise). Today's number says what it stands on: measured, read from the unit or the file, or
/// only the case of running the program as root.
QString privilegeSentence(const Core::PrivilegeScore &before, const Core::PrivilegeScore &after, PrivilegeAfter what);

/// @p value as privilegeSentence() writes it.
QString privilegeNumber(double value);

} // namespace Deroot::Ui
