#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# clang-tidy over the code that runs as root: every source of the privileged helper and of the core
# layers it links (plan, generate, rules, model, base), with the checks of tidy-root.yaml and every
# finding an error. The files are found by folder, so a new one is checked from its first commit,
# and each must be in the build's compile_commands.json: a file clang-tidy cannot see fails rather
# than passes. A real finding is fixed; a false positive gets NOLINT(check) with the reason.
# NOTE: run by hand for now (tools/dev exec tests/lint/tidy.sh clang-tidy build/ci . 2): the code
# still has findings, above all cert-err58-cpp on namespace-scope QString and QStringList constants
# and bugprone-unchecked-optional-access in core/base/result.h. It becomes the ctest lint_tidy in
# tests/lint/CMakeLists.txt once they are fixed.
# Usage: tidy.sh CLANG_TIDY BUILD_DIR SOURCE_DIR JOBS
set -euo pipefail

if [[ ${1:-} == --one ]]; then
    # One translation unit (run by xargs below): its output is printed in one piece.
    shift
    tidy=$1 build=$2 config=$3 filter=$4 file=$5
    start=$SECONDS
    status=0
    output=$("$tidy" -p "$build" --quiet --config-file="$config" --header-filter="$filter" "$file" 2>&1) || status=$?
    if ((status != 0)); then
        printf 'FAIL: %s\n%s\n' "$file" "$output"
    else
        printf 'ok %3d s  %s\n' $((SECONDS - start)) "$file"
    fi
    exit $((status != 0))
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
start=$SECONDS
status=0
printf '%s\0' "${files[@]}" |
    xargs -0 -n 1 -P "$jobs" "$0" --one "$tidy" "$build" "$source/tests/lint/tidy-root.yaml" "$filter" || status=$?
echo "lint_tidy: ${#files[@]} files, $jobs at a time, in $((SECONDS - start)) s"
if ((status != 0)); then
    echo "FAIL: clang-tidy found something (above); fix it, or NOLINT(check) a false positive with the reason"
    exit 1
fi
