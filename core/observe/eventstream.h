// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// A recorded event stream as text: one JSON object a line (docs/observe-json.md). The test
// fixtures are written in it, and a producer can hand its events over in it.
#pragma once

#include "core/base/result.h"
#include "core/observe/events.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>

namespace Deroot::Core {

/// Reads a recorded stream strictly: each non-empty line that does not start with '#' is one
/// event, {"type": "check", ...} or {"type": "result", ...}. An unknown key, a value of the wrong
/// type, an unknown capability, errno, family or phase is an Error naming the line, so that a
/// misspelt key can never quietly become a default.
Result<EventStream> readEventStream(QByteArrayView text);

/// Writes @p events as readEventStream() reads them: the recording line, the checks, then the
/// results.
QByteArray writeEventStream(const EventStream &events);

/// The "recording" line of a stream: {"type": "recording", "mechanism", "duration_ns", ...}.
QJsonObject toJson(const RecordingInfo &info);

} // namespace Deroot::Core
