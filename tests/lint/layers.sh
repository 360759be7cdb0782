#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# The build-time include check (cmake/CheckIncludes.cmake) refuses what it must: an include of a
# layer the target may not reach, and a project header named relative to the including file; and
# passes a file that keeps to its reach. The real tree passing is proven by every build.
# Usage: layers.sh CMAKE SOURCE_DIR
set -euo pipefail
cmake=$1 source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/core/generate"
check() { "$cmake" -DTARGET=deroot_generate "-DLIST=$work/list" "-DROOT=$work" \
    "-DALLOWED=core/generate/|core/rules/|core/model/|core/base/" -P "$source/cmake/CheckIncludes.cmake" 2>&1; }
fail=0
expect() { # expect pass|fail PATTERN CONTENT
    printf '%s\n' "$3" >"$work/core/generate/probe.cpp"
    printf '%s\n' "$work/core/generate/probe.cpp" >"$work/list"
    local out status=0
    out=$(check) || status=$?
    if [[ $1 == pass && $status -ne 0 ]] || [[ $1 == fail && $status -eq 0 ]] || ! grep -qF -- "$2" <<<"$out"; then
        echo "FAIL: expected $1 with '$2' for: $3" >&2
        echo "$out" >&2
        fail=1
    fi
}
touch "$work/core/generate/sibling.h"
expect fail "core/generate/probe.cpp includes core/inspect/report.h, which deroot_generate may not reach" \
    '#include "core/inspect/report.h"'
expect fail "core/generate/probe.cpp includes core/recommend/methods.h" '  #  include "core/recommend/methods.h"'
expect fail 'includes "sibling.h" relative to itself: write "core/generate/sibling.h"' '#include "sibling.h"'
expect fail "includes app/helper/fsops.h" '#include "app/helper/fsops.h"'
expect pass "" $'#include "core/rules/rules.h"\n#include "core/base/text.h"\n#include <QString>\n#include "deroot_config.h"'
printf '' >"$work/list"
out=$(check) && { echo "FAIL: an empty file list passed" >&2; fail=1; }
((fail == 0)) && echo "PASS: the include check refuses upward and relative includes and passes the rest"
exit $fail
