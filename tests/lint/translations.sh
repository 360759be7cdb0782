#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
# Every translation is complete and current: lupdate over the GUI's sources, run on copies of the
# committed .ts files, must leave no unfinished, vanished or obsolete entry.
set -eu
lupdate=$1
top=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$top"
fail=0
count=0
for ts in translations/*.ts; do
    count=$((count + 1))
    cp "$ts" "$tmp/"
    copy="$tmp/$(basename "$ts")"
    # English, the source language, holds the plural forms only ("%n file(s)" -> "1 file").
    case "$ts" in *_en.ts) only=-pluralonly ;; *) only= ;; esac
    "$lupdate" -silent $only -I . -locations none core ui app/gui -ts "$copy" >/dev/null
    for kind in unfinished vanished obsolete; do
        n=$(grep -c "type=\"$kind\"" "$copy" || true)
        if [ "$n" -ne 0 ]; then
            echo "FAIL: $ts has $n $kind entries after lupdate:" >&2
            grep -B2 "type=\"$kind\"" "$copy" | grep '<source>' | sed 's/^ */  /' >&2
            fail=1
        fi
    done
    cmp -s "$ts" "$copy" || { echo "FAIL: $ts is not what lupdate writes (run: cmake --build --target update_translations)" >&2; fail=1; }
done
[ $fail -eq 0 ] && echo "translations: $count files complete and current"
exit $fail
