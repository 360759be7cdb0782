// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/model/artifact.h"

namespace Deroot::Core {

/// Parses an AppArmor profile with the real `apparmor_parser -Q -K` (parse and compile only: nothing
/// is loaded into the kernel, no cache is written), from a private temporary file.
ValidationResult validateAppArmor(const QString &content);

} // namespace Deroot::Core
