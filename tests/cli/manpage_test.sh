#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# The man pages as the build writes them: derootctl(1) (made by derootctl --write-man-page from the
# command definitions) and deroot(1) render with man -l and groff without a single warning, and
# derootctl(1) holds every command and every option and example that `derootctl COMMAND --help` lists.
# Usage: manpage_test.sh DEROOTCTL_DIR DEROOTCTL_1 DEROOT_1
set -uo pipefail

bin=$1
derootctl_page=$2
deroot_page=$3
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

for tool in man groff; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (tools/devroot/packages.txt: man-db, groff)"; exit 1; }
done

for page in "$derootctl_page" "$deroot_page"; do
    [[ -s $page ]] || { fail "$page is missing or empty"; continue; }
    # As lintian's manpage-has-errors-from-man runs it, and groff with every warning on.
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
    [[ -z $warnings ]] || fail "man -l ${page##*/}: $warnings"
    warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$page" 2>&1)
    [[ -z $warnings ]] || fail "groff -ww ${page##*/}: $warnings"
    echo "ok: ${page##*/} renders without warnings"
done

# Plain ASCII, one very long line per paragraph and no hyphenation, so that every option is found
# whole.
text=$(LC_ALL=C.UTF-8 groff -man -Tascii -rLL=2000n -rHY=0 -P-c -P-b -P-o -P-u "$derootctl_page" 2>/dev/null)
[[ -n $text ]] || fail "derootctl.1 renders to nothing"

mapfile -t commands < <("$bin/derootctl" --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z]\+\) .*/\1/p')
((${#commands[@]} >= 10)) || fail "derootctl --help lists only ${#commands[@]} commands"
checked=0
for command in "${commands[@]}"; do
    grep -qF -- "derootctl $command" <<<"$text" || fail "derootctl.1 lacks the command $command"
    mapfile -t options < <("$bin/derootctl" "$command" --help | sed -n 's/^  \(--[a-z][a-z0-9-]*\).*/\1/p')
    ((${#options[@]} >= 1)) || fail "derootctl $command --help lists no option"
    # The command's own section: from its heading to the next command's.
    # (.SS headings render as the name alone, indented three spaces.)
    section=$(awk -v c="   $command" '$0 == c { on = 1; next } on && /^   [a-z]+$/ { exit } on' <<<"$text")
    [[ -n $section ]] || { fail "derootctl.1 has no section for $command"; continue; }
    for option in "${options[@]}"; do
        grep -qF -- "$option" <<<"$section" || fail "derootctl.1 does not give $command's option $option"
        checked=$((checked + 1))
    done
    # Its examples too, as its --help shows them.
    mapfile -t examples < <("$bin/derootctl" "$command" --help | sed -n '/^Examples:/,/^$/s/^  //p')
    ((${#examples[@]} >= 1)) || fail "derootctl $command --help shows no example"
    for example in "${examples[@]}"; do
        grep -qF -- "$example" <<<"$section" || fail "derootctl.1 does not give $command's example $example"
    done
done
echo "ok: derootctl.1 names ${#commands[@]} commands and $checked options, each in its command's section"

exit $((failures > 0))
