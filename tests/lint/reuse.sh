#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# Every file of the source tree states its licence and copyright (REUSE, https://reuse.software):
# in its own SPDX header or in REUSE.toml, with the licence's text in LICENSES/.
#
# reuse lints what git tracks. A git worktree whose repository lies outside the build root cannot be
# read by git there, and reuse would then also lint the build folders inside the checkout; so it
# lints a copy without what .gitignore names instead.
set -eu
reuse=$1
top=$2
if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    exec "$reuse" --root "$top" lint
fi
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
# .gitignore's patterns as tar's: "/build/" (anchored at the top) is "./build", "*.user" any file.
set --
while IFS= read -r pattern; do
    case $pattern in
    '' | '#'*) continue ;;
    /*) pattern=./${pattern#/} ;;
    esac
    set -- "$@" "--exclude=${pattern%/}"
done <"$top/.gitignore"
tar -C "$top" --exclude=./.git "$@" -cf - . | tar -C "$copy" -xf -
echo "reuse: git cannot read $top here; linting a copy without the files .gitignore names"
"$reuse" --root "$copy" lint
