// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/model/artifact.h"

#include <QString>

namespace Deroot::Core {

/// Runs `systemd-analyze verify` on a unit: @p content written as @p fileName ("x.service") into a
/// private temporary directory, with a clean environment, no shell and a timeout. When
/// @p dropInContent is given, @p content is the unit it extends (the vendor's) and the drop-in is
/// written beside it as <fileName>.d/deroot.conf, so the merged result is what gets verified.
/// ok only when systemd-analyze exits 0 and prints nothing: a warning is a failure. verify needs
/// the ExecStart program to exist on this machine. available is false when systemd-analyze is not
/// installed.
ValidationResult validateUnit(const QString &content, const QString &fileName, const QString &dropInContent = {});

/// The outcome of `systemd-analyze security --offline=yes`.
struct ExposureScore
{
    ValidationResult validation; ///< ok when a score was read; summary "exposure 1.5 OK"
    double score = -1;           ///< 0.0 (safe) .. 10.0 (unsafe); -1 when there is none
    QString verdict;             ///< systemd's word for it: "SAFE", "OK", "MEDIUM", "EXPOSED" or "UNSAFE"
};

/// systemd's exposure score of the unit @p content named @p fileName, with @p dropInContent
/// merged as validateUnit() does, computed offline (nothing is loaded into the running systemd).
ExposureScore exposureScore(const QString &content, const QString &fileName, const QString &dropInContent = {});

} // namespace Deroot::Core
