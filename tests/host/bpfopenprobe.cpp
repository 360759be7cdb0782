// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Opens the eBPF recorder and says how it went: "opened" (exit 0), or the Error's message (exit 3).
// The recorder's host test runs it with and without the capabilities BPF needs: a refusal must be
// an Error that says why, never a crash.
#include "app/observer/bpfrecorder.h"

#include <cstdio>

int main()
{
    auto recorder = Deroot::Observer::BpfRecorder::open();
    if (!recorder) {
        std::printf("refused: %s\n", qPrintable(recorder.error().message));
        return 3;
    }
    std::printf("opened\n");
    return 0;
}
