#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# clang-tidy over the code that runs as root: every source of the privileged helper and of the core
# layers it links (plan, generate, rules, model, base), with the checks of tidy-root.yaml and every
# finding an error. The files are found by folder, so a new one is checked from its first commit,
# and each must be in the build's compile_commands.json: a file clang-tidy cannot see fails rather
# than passes. A real finding is fixed; a false positive gets NOLINT(check) with the reason.
# A pass is remembered in DEROOT_TIDY_CACHE (tools/dev sets it to a folder of the build root)
# under a key of everything the verdict depends on (tidykey.py): a file, a header it includes, its
# flags, the checks or clang-tidy changed, and it is checked again. Without the variable every file
# is checked every time.
# Usage: tidy.sh CLANG_TIDY BUILD_DIR SOURCE_DIR JOBS
set -euo pipefail

if [[ ${1:-} == --one ]]; then
    # One translation unit (run by xargs below): its output is printed in one piece.
    shift
    tidy=$1 build=$2 source=$3 config=$4 filter=$5 file=$6
    start=$SECONDS
    key=
    if [[ -n ${DEROOT_TIDY_CACHE:-} ]]; then
        key=$(python3 "$source/tests/lint/tidykey.py" "$tidy" "$build" "$source" "$file" "$config" "$filter") || {
            printf 'FAIL: %s: no cache key (above)\n' "$file"
            exit 1
        }
        if [[ -f "$DEROOT_TIDY_CACHE/$key" ]]; then
            touch "$DEROOT_TIDY_CACHE/$key"
            printf 'ok cached  %s\n' "$file"
            exit 0
        fi
    fi
    status=0
    output=$("$tidy" -p "$build" --quiet --config-file="$config" --header-filter="$filter" "$file" 2>&1) || status=$?
    if ((status != 0)); then
        printf 'FAIL: %s\n%s\n' "$file" "$output"
        exit 1
    fi
    printf 'ok %3d s  %s\n' $((SECONDS - start)) "$file"
    if [[ -n $key ]]; then
        mkdir -p "$DEROOT_TIDY_CACHE"
        : >"$DEROOT_TIDY_CACHE/$key.$$" && mv "$DEROOT_TIDY_CACHE/$key.$$" "$DEROOT_TIDY_CACHE/$key"
    fi
    exit 0
fi

tidy=$1 build=$(cd "$2" && pwd -P) source=$(cd "$3" && pwd -P) jobs=$4
commands="$build/compile_commands.json"
[[ -f "$commands" ]] || { echo "FAIL: $commands is missing (CMAKE_EXPORT_COMPILE_COMMANDS)"; exit 1; }
cd "$source"
layers='app/helper|core/(base|model|rules|generate|plan)'
files=()
for file in app/helper/*.cpp core/{base,model,rules,generate,plan}/*.cpp; do
    if ! grep -qF "\"file\": \"$source/$file\"" "$commands"; then
        echo "FAIL: $file is not in $commands: clang-tidy cannot check it"
        exit 1
    fi
    files+=("$file")
done
# Diagnostics in the headers of the same folders too (a header is checked in every file that
# includes it), none from Qt's or the build's generated files.
filter="^$source/($layers)/[^/]+\\.h\$"
if [[ -n ${DEROOT_TIDY_CACHE:-} && -d $DEROOT_TIDY_CACHE ]]; then
    # Passes nobody has asked for in a month are of code that is gone.
    find "$DEROOT_TIDY_CACHE" -maxdepth 1 -type f -mtime +30 -delete
fi
start=$SECONDS
status=0
printf '%s\0' "${files[@]}" |
    xargs -0 -n 1 -P "$jobs" "$0" --one "$tidy" "$build" "$source" "$source/tests/lint/tidy-root.yaml" "$filter" ||
    status=$?
echo "lint_tidy: ${#files[@]} files, $jobs at a time, in $((SECONDS - start)) s"
if ((status != 0)); then
    echo "FAIL: clang-tidy found something (above); fix it, or NOLINT(check) a false positive with the reason"
    exit 1
fi
