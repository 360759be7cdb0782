// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// From what a recording saw to the sandbox settings of the generated unit the agent would
// tolerate, as far as the recording goes (docs/observe-json.md, "sandbox"). The generator relaxes
// some settings because static inspection said the agent needs something (a device, a home
// directory, a network family); a recording that saw none of it flags the stricter setting, which
// derootctl prove --observation then tries. A flag is a candidate, never a finding: absence of
// evidence from a short watch is weak, and only a trial shows the agent working with it.
#pragma once

#include "core/observe/events.h"
#include "core/observe/observation.h"

#include <QString>

namespace Deroot::Core {

/// The flags and, when none could be given, why.
struct SandboxFlags
{
    QList<SandboxFlag> flags; ///< in the generated unit's order
    QString withheld;         ///< a note: why nothing was flagged (watched mid-run, lost events, a failed agent)
};

/// The sandbox settings @p events and @p observation (their aggregation) do not contradict. Pure.
/// Every socket(), every open of a device node and every open for writing is recorded (by both
/// mechanisms); reads elsewhere are not, so only what those show is flagged:
/// - PrivateDevices=yes: no device node opened (or used by ioctl) but those PrivateDevices= keeps;
/// - ProtectHome=read-only: nothing below /home, /root or /run/user opened for writing;
/// - PrivateNetwork=yes: no socket but AF_UNIX made, and no port bound;
/// - RestrictAddressFamilies=AF_UNIX plus the families of the sockets made (or refused for privilege).
/// Nothing is flagged when the watch began after the start (a unit or a pid), events were lost, nothing
/// was recorded at all, or the agent failed (exited non-zero, killed by a signal): what it did not do
/// then says little.
SandboxFlags flagSandboxSettings(const EventStream &events, const Observation &observation);

/// Whether @p flag is one flagSandboxSettings() can give, with a value it can give: the closed set an
/// observe document's "sandbox" may hold, so that an edited file cannot put any other property on a
/// trial's unit.
bool isFlaggableSetting(const SandboxFlag &flag);

} // namespace Deroot::Core
