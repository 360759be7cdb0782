// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// An observation as input: the needs of a `derootctl observe --json` document, for generate to add
// to what static inspection found.
#pragma once

#include "core/base/result.h"
#include "core/inspect/report.h"
#include "core/observe/observation.h"

#include <QByteArrayView>

namespace Deroot::Core {

/// The needs of an observe document (docs/observe-json.md), read strictly: the schema must be
/// deroot.observe/1; every entry must have the shape toJson(Needs) writes, with only reasons whose
/// source is "observed"; and the lists an observation never fills (commands, groups, the
/// arguments) must be empty, so that an edited file cannot bring a sudo command or a group in
/// under the name of an observation. An Error names the first problem and where it is.
Result<Needs> readObservedNeeds(QByteArrayView json);

/// The sandbox settings an observe document flagged (observation.sandbox), read as strictly: the
/// whole document must pass readObservedNeeds(), and each entry must have exactly "key", "value" and
/// "evidence", with a setting and value flagSandboxSettings() can give (isFlaggableSetting()) and an
/// evidence sentence of printable characters. A document without "sandbox" (written before it
/// existed, within deroot.observe/1) flags nothing.
Result<QList<SandboxFlag>> readObservedSandbox(QByteArrayView json);

} // namespace Deroot::Core
