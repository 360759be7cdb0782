#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
# deroot from exec to its first page drawn on a real X server (Xvfb, no window manager), beside a
# minimal Qt Widgets program started the same way; firstframe watches with X DAMAGE from outside.
set -eu
firstframe=$1 minimal=$2 deroot=$3
display=:$((90 + $$ % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
home=$(mktemp -d)
trap 'kill $xvfb; rm -rf "$home"' EXIT
export DISPLAY="$display" QT_QPA_PLATFORM=xcb HOME="$home" XDG_CONFIG_HOME="$home/.config" ASAN_OPTIONS=detect_leaks=0
"$firstframe" 15 \
    "minimal Qt Widgets program" -- "$minimal" ";;" \
    "deroot (first page)" -- "$deroot"
