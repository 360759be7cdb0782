#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# Every shell script of the repository passes shellcheck. Scripts are found by what they are, not
# from a list, so a new one is checked from its first commit: a file whose first line is a sh,
# bash or dash shebang, or whose name ends in .sh or .bash (sourced libraries, which carry a
# `# shellcheck shell=` line instead, and the generators' golden shell files, which are POSIX sh).
# An executable file without any shebang fails too: what would run it is anyone's guess.
# Usage: shell.sh SHELLCHECK SOURCE_DIR
set -euo pipefail
shellcheck=$1
cd "$2"

shebang='^#![[:space:]]*(/usr)?/bin/(env[[:space:]]+(-S[[:space:]]+)?)?(ba|da)?sh([[:space:]]|$)'
scripts=() bare=() failures=0
# Everything but git's own files and build output (the .gitignore'd folders that hold no sources).
while IFS= read -r -d '' file; do
    first=""
    IFS= read -r -n 128 first <"$file" || true
    if [[ $first =~ $shebang ]]; then
        scripts+=("$file")
    elif [[ $file == *.sh || $file == *.bash ]]; then
        if grep -q '^# shellcheck shell=' "$file"; then scripts+=("$file"); else bare+=("$file"); fi
    elif [[ -x $file && $first != '#!'* ]]; then
        echo "FAIL: $file is executable but has no shebang"
        failures=$((failures + 1))
    fi
done < <(find . \( -name .git -o -path ./build -o -path ./deroot-out -o -name .cache \) -prune -o \
    -type f -print0 | sort -z)

# A discovery that finds little has broken, and would pass vacuously.
if ((${#scripts[@]} < 15)) || [[ " ${scripts[*]} " != *" ./tools/dev "* ]]; then
    echo "FAIL: found only ${#scripts[@]} shell scripts (${scripts[*]}); tools/dev must be among them"
    exit 1
fi

# -x follows `source` into the libraries, whose names the scripts give with source= directives.
"$shellcheck" -x "${scripts[@]}" || failures=$((failures + 1))
if ((${#bare[@]} > 0)); then
    "$shellcheck" -x --shell=sh "${bare[@]}" || failures=$((failures + 1))
fi
((failures == 0)) || exit 1
echo "shellcheck: ${#scripts[@]} scripts and ${#bare[@]} sh files without a shebang are clean"
