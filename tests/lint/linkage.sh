#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
# The dependency direction holds in the binaries: derootctl and deroot-helper need no Qt Gui or
# Widgets, the GUI does; the helper carries the hardening flags (BIND_NOW, PIE); the helper needs no
# libelf and holds no function of the core layers it must not reach (the inspectors, the
# observation, the catalog, the recommender, the validators, the exporter, the client), given as
# static libraries after the three binaries and the GUI's plugin. The GUI links neither
# KSyntaxHighlighting nor polkit-qt6 (nor, through them, Qt Network or GLib): they are in its plugin,
# loaded on first use, so that they cost nothing before the first frame.
# Usage: linkage.sh DEROOTCTL DEROOT-HELPER DEROOT DEROOT-UI-PLUGIN [FORBIDDEN-LIBRARY.a...]
set -eu
cli=$1 helper=$2 gui=$3 plugin=$4
shift 4
fail=0
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
for bin in "$cli" "$helper"; do
    if needed "$bin" | grep -E '^libQt6(Gui|Widgets)' >/dev/null; then
        echo "FAIL: $(basename "$bin") links $(needed "$bin" | grep -E '^libQt6(Gui|Widgets)' | tr '\n' ' ')" >&2
        fail=1
    fi
done
needed "$gui" | grep -q '^libQt6Widgets' || { echo "FAIL: deroot does not link Qt Widgets" >&2; fail=1; }
if needed "$gui" | grep -E '^lib(KF6SyntaxHighlighting|polkit-qt6|Qt6Network|glib|gio)' >/dev/null; then
    echo "FAIL: deroot links $(needed "$gui" | grep -E '^lib(KF6SyntaxHighlighting|polkit-qt6|Qt6Network|glib|gio)' |
        tr '\n' ' '): they belong in its plugin, loaded on first use" >&2
    fail=1
fi
for library in libKF6SyntaxHighlighting libpolkit-qt6-core; do
    needed "$plugin" | grep -q "^$library" || { echo "FAIL: $(basename "$plugin") does not link $library" >&2; fail=1; }
done
readelf -d "$plugin" | grep -q 'FLAGS.*BIND_NOW' || { echo "FAIL: $(basename "$plugin") lacks BIND_NOW" >&2; fail=1; }
nm -D --defined-only "$plugin" | grep -q ' qt_plugin_instance$' ||
    { echo "FAIL: $(basename "$plugin") is no Qt plugin (no qt_plugin_instance)" >&2; fail=1; }
for bin in "$cli" "$helper" "$gui"; do
    readelf -d "$bin" | grep -q 'FLAGS.*BIND_NOW' || { echo "FAIL: $(basename "$bin") lacks BIND_NOW" >&2; fail=1; }
    readelf -h "$bin" | grep -q 'DYN (Position-Independent Executable' || { echo "FAIL: $(basename "$bin") is not PIE" >&2; fail=1; }
done
if needed "$helper" | grep -E '^libpolkit-qt6' >/dev/null; then
    echo "FAIL: deroot-helper links polkit-qt6: it asks polkitd over D-Bus, so deroot-cli needs no Qt Gui" >&2
    fail=1
fi
if needed "$helper" | grep -E '^libelf' >/dev/null; then
    echo "FAIL: deroot-helper links libelf: it must not reach the ELF reader" >&2
    fail=1
fi
defined() { nm -P --defined-only "$1" 2>/dev/null | awk '$2 == "T" { print $1 }' | sort -u; }
# In the program, global and local alike: mold (the dev and ci presets) makes a program's own
# functions local in its symbol table, GNU ld keeps them global.
defined_in_program() { nm -P --defined-only "$1" 2>/dev/null | awk '$2 == "T" || $2 == "t" { print $1 }' | sort -u; }
helper_symbols=$(mktemp)
trap 'rm -f "$helper_symbols"' EXIT
defined_in_program "$helper" >"$helper_symbols"
if [ "$(wc -l <"$helper_symbols")" -lt 100 ]; then
    echo "FAIL: deroot-helper has almost no symbols (stripped?): what it links cannot be checked" >&2
    fail=1
fi
for library in "$@"; do
    count=$(defined "$library" | wc -l)
    if [ "$count" -eq 0 ]; then
        echo "FAIL: $(basename "$library") defines no function: nothing would be checked" >&2
        fail=1
        continue
    fi
    leaked=$(defined "$library" | comm -12 - "$helper_symbols")
    if [ -n "$leaked" ]; then
        echo "FAIL: deroot-helper holds code of $(basename "$library"):" >&2
        printf '%s\n' "$leaked" | head -n 5 | c++filt >&2
        fail=1
    fi
done
[ $fail -eq 0 ] && echo "linkage: derootctl and deroot-helper link neither Qt Gui nor Widgets; deroot leaves KSyntaxHighlighting and polkit-qt6 to its plugin; all hardened; the helper holds none of $# forbidden libraries"
exit $fail
