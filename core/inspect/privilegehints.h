// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/inspect/elfreader.h"
#include "core/inspect/report.h"

namespace Deroot::Core {

/// How sure a static hint is. Likely: the code path exists only to do the privileged thing
/// (pcap_open_live, clock_settime). Possible: the call also has unprivileged uses (setuid to drop
/// privileges, mlock within RLIMIT_MEMLOCK), so it becomes a finding, not a need.
enum class HintConfidence { Likely, Possible };

/// One static clue: an imported symbol, a linked library or a Go module that implies a capability.
struct PrivilegeHint
{
    const char *key; ///< symbol name, library soname prefix ("libpcap.so") or Go module path prefix
    const char *capability;
    HintConfidence confidence;
    /// What the program can do with it; the source is the man page named. Marked for translation
    /// (context "Deroot::Core::Inspect"): the reason shows it in the reader's language.
    const char *why;
};

const QList<PrivilegeHint> &symbolHints();
const QList<PrivilegeHint> &libraryHints();
const QList<PrivilegeHint> &goModuleHints();

/// Adds what the ELF file's imports, libraries and Go modules imply to @p report: likely ones as
/// needs with their reasons, possible ones as findings. Says so when symbol evidence is missing
/// (static programs, Go programs that make raw system calls).
void applyPrivilegeHints(const ElfFacts &elf, InspectionReport &report);

} // namespace Deroot::Core
