#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
# derootctl audit beside what it must at least do: `getcap -r /usr` (every file's capabilities)
# plus reading every /proc/PID/status. The audit reads fewer files (the binary directories only)
# but more per process (stat, exe, cmdline, cgroup) and resolves user names.
set -eu
sidebyside=$1 derootctl=$2
echo "processes: $(find /proc -mindepth 1 -maxdepth 1 -name '[0-9]*' | wc -l); files under /usr: $(find /usr -xdev -type f | wc -l)"
"$sidebyside" 9 \
    "getcap -r /usr + cat /proc/*/status" -- sh -c 'getcap -r /usr >/dev/null 2>&1; cat /proc/[0-9]*/status >/dev/null 2>&1; true' ";;" \
    "derootctl audit --json" -- "$derootctl" audit --json
