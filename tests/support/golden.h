// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/model/generationinput.h"

#include <QJsonObject>
#include <QString>

namespace Deroot::TestSupport {

/// The golden tests' input files: a GenerationInput as JSON, capabilities by name ("CAP_NET_RAW"),
/// "method" as "sudo", "caps" or "container" (else @p defaultMethod), sudo commands as
/// {"path", "arguments", "noexec" (default true)}. Absent fields keep GenerationInput's defaults;
/// an absent executable is /usr/bin/true.
Core::GenerationInput generationInputFromJson(const QJsonObject &json, Core::Method defaultMethod);

/// The JSON object in the file at @p path; empty when it cannot be read or parsed.
QJsonObject readJsonObject(const QString &path);

QString readText(const QString &path);
bool writeText(const QString &path, const QString &text);

/// Compares @p actual with the golden file @p expectedPath byte for byte: empty when equal,
/// otherwise a message with a unified diff. With DEROOT_REFRESH_GOLDEN=1 (tools/refresh-golden)
/// it rewrites the file instead, on purpose, and returns empty unless the write fails.
QString compareGolden(const QString &expectedPath, const QString &actual);

} // namespace Deroot::TestSupport
