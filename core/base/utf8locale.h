// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

namespace Deroot::Core {

/// Call first in main(), before Q(Core)Application exists. Qt needs a UTF-8 LC_CTYPE and switches a
/// non-UTF-8 one (LANG=C, as in cron, CI and many ssh sessions) to the UTF-8 form itself, but then
/// prints a four-line warning on standard error, where scripts read derootctl's one error line.
/// This makes the same switch beforehand, through the environment Qt reads, so Qt has nothing to
/// warn about. It never changes the language of messages: LC_ALL is rewritten only to the UTF-8
/// form of the same locale, or to C.UTF-8 when it was C or POSIX; otherwise (and when the
/// environment names a locale that is not installed) Qt's own switch and warning stay.
/// Call it first in main(), before any thread starts: it changes the process's locale and
/// environment, which setlocale() and setenv() do for every thread at once.
void preferUtf8Locale();

} // namespace Deroot::Core
