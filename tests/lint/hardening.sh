#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# Every object of core, the apps and the widgets is compiled with the hardening flags (deroot_policy
# carries them): above all what ends up in the privileged helper, its own libraries and core's plan
# parser and generators, which it runs as root on input from any local user. Read from
# compile_commands.json, so a target that loses the policy fails here, not in a review.
# Usage: hardening.sh BUILD_DIR FLAG...
set -euo pipefail
commands="$1/compile_commands.json"
shift
flags=("$@")
((${#flags[@]} > 0)) || { echo "FAIL: no flag to check given"; exit 1; }
[[ -f "$commands" ]] || { echo "FAIL: $commands is missing (CMAKE_EXPORT_COMPILE_COMMANDS)"; exit 1; }
checked=0
failed=0
while IFS= read -r line; do
    object=$(sed -n 's/.* -o \([^ ]*\) .*/\1/p' <<<"$line")
    case "$object" in
    core/CMakeFiles/* | app/*/CMakeFiles/* | ui/CMakeFiles/*) ;;
    *) continue ;;
    esac
    checked=$((checked + 1))
    for flag in "${flags[@]}"; do
        [[ -n "$flag" ]] || continue # a flag this compiler does not have, left empty by CMake
        if [[ "$line" != *" $flag "* ]]; then
            echo "FAIL: $object is compiled without $flag"
            failed=$((failed + 1))
        fi
    done
done < <(grep '"command":' "$commands")
if ((checked < 100)); then
    echo "FAIL: only $checked objects of core, the apps and the widgets found in $commands"
    exit 1
fi
((failed == 0)) || exit 1
echo "PASS: $checked objects of core, the apps and the widgets carry ${flags[*]}"
