// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QString>

namespace Deroot::Core {

/// Returns @p text in single quotes with every control or invisible formatting character written
/// as an escape (\n, \t, \x1b, \u202e, ...), and a single quote or backslash escaped, so that an
/// error message naming hostile input stays on one line and shows what is really there.
QString quoted(QStringView text);

/// @p text with control and invisible formatting characters escaped as quoted() does, but without
/// the quotes: for text that goes into a one-line slot of a report.
QString oneLine(QStringView text);

/// A file name's bytes for display and JSON: valid UTF-8 is shown as it is; otherwise every byte
/// outside printable ASCII becomes \xHH, so that distinct names stay distinct and nothing is lost.
QString displayPath(QByteArrayView path);

/// True when @p bytes are valid UTF-8.
bool isValidUtf8(QByteArrayView bytes);

/// A character that must not reach a command line or a prompt: C0 and C1 controls (NUL, newline,
/// escape), DEL, the invisible format characters (bidirectional overrides, zero-width joiners),
/// line and paragraph separators and non-characters, which would make a prompt show something else
/// than what runs. A character outside the BMP is two surrogates, both fine when paired (ask
/// QString::isValidUtf16() as well).
bool isControlOrInvisible(QChar c);

/// The C library's description of the errno value @p error ("No such file or directory"), in the
/// locale's language. Unlike strerror(), safe to call from any thread.
QString errnoText(int error);

} // namespace Deroot::Core
