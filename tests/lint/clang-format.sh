#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
# Every C++ file the project tracks follows .clang-format (the build root's clang-format decides).
set -eu
clang_format=$1
top=$2
cd "$top"
files=$(find app core ui tests -name '*.cpp' -o -name '*.h' | sort)
[ -n "$files" ] || { echo "no C++ files found under $top" >&2; exit 1; }
printf '%s\n' "$files" | xargs -d '\n' "$clang_format" --dry-run -Werror
echo "clang-format: $(echo "$files" | wc -l) files formatted"
