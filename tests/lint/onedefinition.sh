#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# No two classes of one name in one namespace. Each folder below is one namespace (Deroot::Core,
# Deroot::Helper, Deroot::Cli, Deroot::Ui), and a binary links several of them: two definitions
# of one name break the one-definition rule without a compiler or linker error, and the linker
# then keeps one copy of their inline code for both (derootctl apply once wrote past a stack
# object because core/generate and core/plan both defined ValidatedPlan).
# Usage: onedefinition.sh SOURCE_DIR
set -u
cd "${1:?source directory}" || exit 2
status=0
for dir in core app/helper app/cli app/gui ui; do
    [[ -d $dir ]] || continue
    # Definitions at namespace scope (column 0, clang-format indents nothing in a namespace), not
    # forward declarations, nor a nested class defined in a private header (class Engine::Private).
    duplicates=$(grep -rEn --include='*.h' '^(struct|class) [A-Za-z_][A-Za-z0-9_]*( final)?( *:([^:].*)?)?$' "$dir" |
        sed -E 's/^([^:]+):[0-9]+:(struct|class) ([A-Za-z0-9_]+).*/\3 \1/' | sort |
        awk '{ files[$1] = files[$1] " " $2; count[$1]++ } END { for (n in count) if (count[n] > 1) print n ":" files[n] }')
    if [[ -n $duplicates ]]; then
        while IFS= read -r line; do
            echo "onedefinition: $dir defines ${line%%:*} more than once:${line#*:}" >&2
        done <<<"$duplicates"
        status=1
    fi
done
exit $status
