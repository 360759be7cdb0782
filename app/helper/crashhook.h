// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Test-only fault injection: the host tests kill the engine with SIGKILL at every boundary of an
// apply and of an undo, and check that the next start puts back what was there. It exists only in
// a build with the CMake option DEROOT_CRASH_HOOK (the ci preset, never a release): there System
// carries one (System::crashHook), and nowhere else does any of this code.
#pragma once

#ifndef DEROOT_CRASH_HOOK
#error "crashhook.h belongs to builds with DEROOT_CRASH_HOOK only"
#endif

#include <QtGlobal>

#include <csignal>
#include <cstdlib>

namespace Deroot::Helper {

struct CrashHook
{
    /// The apply's boundary to die at: 2k, step k's intent is journalled and nothing of it done;
    /// 2k+1, step k is done and not yet journalled as done. -1: none.
    int atApplyBoundary = -1;
    /// The same for an undo (a rollback, an expired confirmation, a failed apply's undo, a
    /// recovery): 2j, the j-th step to undo (newest first, counting only those the undo acts on)
    /// is about to be undone; 2j+1, it is undone and not yet journalled as undone; with m such
    /// steps, 2m: every step journalled as undone, the service manager not yet reloaded nor the
    /// units restarted; 2m+1: reloaded and restarted, the record's final state not yet written.
    int atUndoBoundary = -1;

    /// What System::real() reads: DEROOT_TEST_CRASH_AT and DEROOT_TEST_CRASH_AT_UNDO, which the
    /// crash test sets through a drop-in of the installed helper's unit.
    static CrashHook fromEnvironment()
    {
        CrashHook hook;
        if (qEnvironmentVariableIsSet("DEROOT_TEST_CRASH_AT")) {
            hook.atApplyBoundary = qEnvironmentVariableIntValue("DEROOT_TEST_CRASH_AT");
        }
        if (qEnvironmentVariableIsSet("DEROOT_TEST_CRASH_AT_UNDO")) {
            hook.atUndoBoundary = qEnvironmentVariableIntValue("DEROOT_TEST_CRASH_AT_UNDO");
        }
        return hook;
    }

    /// Called by the apply before (@p done false) and after (@p done true) step @p step's change.
    void applyStep(int step, bool done) const { dieAt(atApplyBoundary, 2 * step + (done ? 1 : 0)); }
    /// Called by an undo before and after its @p undone-th step, and with @p undone the number of
    /// steps it undid before and after the service manager's work.
    void undoStep(int undone, bool done) const { dieAt(atUndoBoundary, 2 * undone + (done ? 1 : 0)); }

private:
    static void dieAt(int chosen, int boundary)
    {
        if (chosen == boundary) {
            if (::raise(SIGKILL) != 0) {
                std::abort(); // a crash all the same, where SIGKILL could not be sent
            }
        }
    }
};

} // namespace Deroot::Helper
