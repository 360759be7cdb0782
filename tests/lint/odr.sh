#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# No name is defined twice with different layouts, nor a function declared with different types,
# in the programs: GCC checks every type of the whole program at link-time optimisation, and the
# lto preset (DEROOT_LTO) makes what it finds (-Wodr, -Wlto-type-mismatch) fail the link. This
# configures that preset in BUILD_DIR and links deroot-helper, derootctl and deroot, which between
# them hold every layer of core, the widgets and the three apps. Then it links odr_violation, two
# files that define one struct differently, and requires that link to fail for that reason: a
# check that stopped seeing violations would otherwise pass in silence.
# Usage: odr.sh CMAKE SOURCE_DIR BUILD_DIR
set -euo pipefail
cmake=$1 source=$2 build=$3
start=$SECONDS
# Unoptimised: GCC compares the types whatever the optimisation level, and the link's code
# generation then costs little.
"$cmake" -S "$source" -B "$build" --preset lto -DCMAKE_BUILD_TYPE=Debug >/dev/null
if ! grep -qx 'DEROOT_LTO:BOOL=ON' "$build/CMakeCache.txt"; then
    echo "FAIL: the lto preset does not turn DEROOT_LTO on"
    exit 1
fi
"$cmake" --build "$build" --parallel 2 --target deroot-helper derootctl deroot || {
    echo "FAIL: the programs do not link with link-time optimisation (an ODR violation is reported above)"
    exit 1
}
echo "lint_odr: deroot-helper, derootctl and deroot link with -flto -Werror=odr ($((SECONDS - start)) s)"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if "$cmake" --build "$build" --parallel 2 --target odr_violation >"$log" 2>&1; then
    cat "$log"
    echo "FAIL: odr_violation linked: a type defined twice with different layouts is no longer caught"
    exit 1
fi
if ! grep -q "struct ValidatedPlan. violates the C++ One Definition Rule \[-Werror=odr\]" "$log"; then
    cat "$log"
    echo "FAIL: odr_violation did not link, but not for the ODR violation it holds"
    exit 1
fi
echo "lint_odr: odr_violation's two ValidatedPlan fail the link, as they must ($((SECONDS - start)) s in all)"
