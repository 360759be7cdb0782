#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
# The dependency direction holds in the binaries: derootctl and deroot-helper need no Qt Gui or
# Widgets, the GUI does; the helper carries the hardening flags (BIND_NOW, PIE).
set -eu
cli=$1 helper=$2 gui=$3
fail=0
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
for bin in "$cli" "$helper"; do
    if needed "$bin" | grep -E '^libQt6(Gui|Widgets)' >/dev/null; then
        echo "FAIL: $(basename "$bin") links $(needed "$bin" | grep -E '^libQt6(Gui|Widgets)' | tr '\n' ' ')" >&2
        fail=1
    fi
done
needed "$gui" | grep -q '^libQt6Widgets' || { echo "FAIL: deroot does not link Qt Widgets" >&2; fail=1; }
for bin in "$cli" "$helper" "$gui"; do
    readelf -d "$bin" | grep -q 'FLAGS.*BIND_NOW' || { echo "FAIL: $(basename "$bin") lacks BIND_NOW" >&2; fail=1; }
    readelf -h "$bin" | grep -q 'DYN (Position-Independent Executable' || { echo "FAIL: $(basename "$bin") is not PIE" >&2; fail=1; }
done
[ $fail -eq 0 ] && echo "linkage: derootctl and deroot-helper link neither Qt Gui nor Widgets; all hardened"
exit $fail
