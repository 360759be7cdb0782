#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# Rewrites the generators' golden files under tests/data/generate/*/expected from the current
# code, on purpose: run it, then review `git diff tests/data/generate` as the change it is.
# The test runs inside the build root (it calls the real validators there); git runs here, as a
# worktree's repository may not be visible inside the build root.
set -eu
top=$(cd "$(dirname "$0")/../../.." && pwd -P)
preset=${DEROOT_PRESET:-ci}
"$top/tools/dev" exec sh -c "cd '$top' && cmake --build --preset '$preset' --target systemdunit_test container_test &&
    DEROOT_REFRESH_GOLDEN=1 build/$preset/tests/systemdunit_test goldenFiles &&
    DEROOT_REFRESH_GOLDEN=1 build/$preset/tests/container_test goldenFiles"
git -C "$top" status --short tests/data/generate
