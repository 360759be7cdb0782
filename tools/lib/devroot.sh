# shellcheck shell=bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# tools/lib/devroot.sh: the shell core shared by tools/dev (on the host) and tools/testhost
# (inside the build root): messages, exit codes, tracking a process by its pid file, and checking
# that nothing of a run (process, mount, cgroup) is left. Sourced, never run; the script that
# sources it sets kProgram, the name its messages start with, first.

die() { # die CODE MESSAGE: one clear line on stderr, then exit CODE
    local code=$1
    shift
    printf '%s: error: %s\n' "${kProgram:?}" "$*" >&2
    exit "$code"
}
note() { printf '%s: %s\n' "${kProgram:?}" "$*" >&2; }

# Exit codes (documented in docs/dev.md and `tools/dev help`); tools/testhost uses 2 and 7.
# shellcheck disable=SC2034 # each is used by one of the scripts that source this file
{
    readonly kExitFailed=1   # a build or test failed, or the command run by `exec` failed with 1
    readonly kExitUsage=2    # bad command line
    readonly kExitHost=3     # this host can do neither: no native dependencies and not root
    readonly kExitNetwork=4  # Debian 13 packages could not be downloaded
    readonly kExitDisk=5     # not enough free disk space for the build root
    readonly kExitRoot=6     # the build root is unusable (half made and cannot be repaired, busy, ...)
    readonly kExitTesthost=7 # the test host could not be booted or reached, or left something behind
}

# Test hosts get cgroups of their own below this one, named deroot-testhost.<random>. /sys is the
# host's inside the build root too, so tools/dev and tools/testhost see the same directories.
readonly kTesthostCgroupParent=/sys/fs/cgroup/unified

# ---------------------------------------------------------------------------------------------
# Processes

# live_pid PIDFILE [PIDNSFILE]: prints the PID that PIDFILE records if that process is alive and,
# when PIDNSFILE is given, still in the PID namespace it records (PIDs are reused; a namespace is
# not while anything holds it); fails otherwise.
live_pid() {
    local pidfile=$1 nsfile=${2:-} pid
    [[ -f $pidfile ]] || return 1
    pid=$(cat "$pidfile")
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 1
    if [[ -n $nsfile ]]; then
        [[ "$(readlink "/proc/$pid/ns/pid" 2>/dev/null)" == "$(cat "$nsfile" 2>/dev/null)" ]] || return 1
    fi
    echo "$pid"
}

# record_pid PID PIDFILE PIDNSFILE: records PID and its PID namespace, for live_pid.
record_pid() {
    echo "$1" >"$2"
    readlink "/proc/$1/ns/pid" >"$3"
}

# pidns_processes NS: prints the PIDs (as seen here) of the processes in the PID namespace NS, as
# `readlink /proc/PID/ns/pid` names it. Other runs may use the build root at the same time; their
# processes are in other namespaces.
pidns_processes() {
    local p
    for p in /proc/[0-9]*; do
        [[ "$(readlink "$p/ns/pid" 2>/dev/null)" == "$1" ]] && echo "${p#/proc/}"
    done
    return 0
}

# wait_pidns_gone NS TENTHS: waits up to TENTHS tenths of a second for the PID namespace NS to
# have no process left; fails, printing those left, if it still has some.
wait_pidns_gone() {
    local ns=$1 tenths=$2 left i
    for ((i = 0; ; i++)); do
        left=$(pidns_processes "$ns")
        [[ -z $left ]] && return 0
        ((i < tenths)) || break
        sleep 0.1
    done
    echo "${left//$'\n'/ }"
    return 1
}

# ---------------------------------------------------------------------------------------------
# Mounts and cgroups

mounts_under() { # mounts_under DIR: lists mount points at or below DIR in this mount namespace
    local dir
    dir=$(readlink -m "$1")
    awk -v d="$dir" '$5 == d || index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo
}

new_testhost_cgroup() { # prints a path for a new test host's cgroup, unique across runs
    # Unique across concurrent build-root namespaces, whose PIDs repeat.
    printf '%s/deroot-testhost.%s' "$kTesthostCgroupParent" "$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
}

# remove_cgroup_tree DIR [TENTHS]: removes the cgroup directory DIR and those below it once no
# process is left in them (a cgroup empties shortly after its last process ends), trying for up to
# TENTHS tenths of a second (default 50); fails if DIR is still there.
remove_cgroup_tree() {
    local dir=$1 tenths=${2:-50} i
    for ((i = 0; ; i++)); do
        [[ -d $dir ]] || return 0
        find "$dir" -depth -type d -exec rmdir {} + 2>/dev/null || true
        [[ -d $dir ]] || return 0
        ((i < tenths)) || return 1
        sleep 0.1
    done
}

# sweep_testhost_cgroups: removes the empty cgroups of test hosts ended by a kill rather than by
# `stop`, which leaves them behind. Cgroups that still hold processes belong to test hosts running
# now, perhaps of other runs, and are left alone. Prints those it could not remove, and fails then.
sweep_testhost_cgroups() {
    local dir status=0
    for dir in "$kTesthostCgroupParent"/deroot-testhost.*; do
        [[ -d $dir ]] || continue
        [[ -z "$(find "$dir" -name cgroup.procs -exec cat {} + 2>/dev/null)" ]] || continue
        remove_cgroup_tree "$dir" 0 || {
            echo "$dir"
            status=1
        }
    done
    return $status
}
