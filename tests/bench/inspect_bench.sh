#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
# derootctl inspect of the largest program on the system (>= 100 MB wanted) beside
# `readelf --dyn-syms -d` on the same file; derootctl's peak RSS shows it maps rather than copies.
set -eu
sidebyside=$1 derootctl=$2
file=$(find /usr/lib /usr/bin /usr/sbin /usr/libexec -xdev -type f -size +1M -printf '%s %p\n' 2>/dev/null |
    sort -n | tail -n 1 | cut -d' ' -f2-)
size=$(stat -c %s "$file")
echo "file: $file ($((size / 1024 / 1024)) MB)"
"$sidebyside" 9 \
    "readelf --dyn-syms -d" -- readelf --dyn-syms -d "$file" ";;" \
    "derootctl inspect --json --no-package" -- "$derootctl" inspect --json --no-package "$file" ";;" \
    "derootctl inspect --json" -- "$derootctl" inspect --json "$file"
