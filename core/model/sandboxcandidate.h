// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// A sandbox setting an observation flagged, as prove tries it (docs/prove-json.md, "sandbox"): the
// observe layer makes them, the prove layer tries them, the helper's prove request carries them.
#pragma once

#include <QString>

namespace Deroot::Core {

struct SandboxCandidate
{
    QString key;      ///< "PrivateDevices"
    QString value;    ///< "yes"
    QString observed; ///< the observation's evidence
    QString setting() const { return key + u'=' + value; }
    friend bool operator==(const SandboxCandidate &, const SandboxCandidate &) = default;
};

/// True for the settings and values an observation can flag (core/observe/sandboxflags.h), and
/// nothing else: PrivateDevices=yes, PrivateNetwork=yes, ProtectHome=read-only, and
/// RestrictAddressFamilies= of AF_UNIX and then at most 47 distinct AF_ names (letters and digits).
/// What a trial may add to a unit, whoever hands it in.
bool isObservableSandboxSetting(const QString &key, const QString &value);

} // namespace Deroot::Core
