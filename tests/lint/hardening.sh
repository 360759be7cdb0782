#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# Every object that ends up in the privileged helper is compiled with the hardening flags
# (deroot_harden): the helper's own libraries and deroot_core, which holds the plan parser and the
# generators it runs as root on input from any local user. Read from compile_commands.json, so a
# library that loses deroot_harden() fails here, not in a review.
# Usage: hardening.sh BUILD_DIR
set -euo pipefail
commands="$1/compile_commands.json"
[[ -f "$commands" ]] || { echo "FAIL: $commands is missing (CMAKE_EXPORT_COMPILE_COMMANDS)"; exit 1; }
checked=0
failed=0
while IFS= read -r line; do
    object=$(sed -n 's/.* -o \([^ ]*\) .*/\1/p' <<<"$line")
    case "$object" in
    core/CMakeFiles/deroot_core.dir/* | app/helper/CMakeFiles/*) ;;
    *) continue ;;
    esac
    checked=$((checked + 1))
    for flag in -fstack-protector-strong -fstack-clash-protection -fcf-protection; do
        if [[ "$line" != *" $flag "* ]]; then
            echo "FAIL: $object is compiled without $flag"
            failed=$((failed + 1))
        fi
    done
done < <(grep '"command":' "$commands")
if ((checked < 20)); then
    echo "FAIL: only $checked objects of deroot_core and the helper found in $commands"
    exit 1
fi
((failed == 0)) || exit 1
echo "PASS: $checked objects of deroot_core and the helper carry the hardening flags"
