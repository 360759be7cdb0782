// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/model/generationinput.h"

#include <QJsonObject>
#include <QString>

namespace Deroot::TestSupport {

/// A golden test's input file: the GenerationInput, and what the test expects of its output.
struct GoldenInput
{
    Core::GenerationInput input;
    /// The "expect" object: test-only facts the test checks the output against (max_exposure,
    /// root_inside, pod_security_profile), never read by the generators.
    QJsonObject expect;
};

/// Reads a golden test's input file strictly: a GenerationInput as JSON with snake_case keys,
/// capabilities by name ("CAP_NET_RAW"), "method" as "sudo", "caps" or "container" (else
/// @p defaultMethod), sudo commands as {"path", "arguments", "noexec" (default true)}. Absent keys
/// keep GenerationInput's defaults; an absent executable is /usr/bin/true. A key it does not know,
/// a value of the wrong type or an unknown capability is an error naming the file and the key, so
/// a misspelt key can never quietly become a default.
Core::Result<GoldenInput> readGoldenInput(const QString &path, Core::Method defaultMethod);

QString readText(const QString &path);
bool writeText(const QString &path, const QString &text);

/// Compares @p actual with the golden file @p expectedPath byte for byte: empty when equal,
/// otherwise a message with a unified diff. With DEROOT_REFRESH_GOLDEN=1 (tools/refresh-golden)
/// it rewrites the file instead, on purpose, and returns empty unless the write fails.
QString compareGolden(const QString &expectedPath, const QString &actual);

} // namespace Deroot::TestSupport
