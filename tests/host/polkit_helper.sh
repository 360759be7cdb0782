#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# The installed helper on the test host's real bus, polkitd and systemd: its actions are loaded by
# polkitd, it is activated on demand for an unprivileged user, runs in its sandbox, answers the
# read-only calls without authorization, the bus policy keeps everything else out, and it exits
# when idle. (The apply itself is exercised by the apply host tests.)
set -u
failures=0
passes=0
check() {
    local what=$1
    shift
    if "$@"; then
        passes=$((passes + 1))
    else
        echo "FAIL: $what" >&2
        failures=$((failures + 1))
    fi
}
user=deroot-polkit-user
id "$user" >/dev/null 2>&1 || useradd --create-home --shell /bin/sh "$user"
as_user() { setpriv --reuid="$user" --regid="$user" --init-groups --reset-env -- "$@"; }
helper=io.github.deroot.Helper1
path=/io/github/deroot/Helper1

# polkitd knows the seven actions, each auth_admin everywhere (no _keep).
for action in users.create sudoers.install capabilities.set units.install plan.apply privileged.grant rollback.restore; do
    out=$(pkaction --verbose --action-id "io.github.deroot.$action" 2>&1)
    check "polkitd loaded io.github.deroot.$action" grep -q 'implicit active: *auth_admin$' <<<"$out"
done

# Activation on demand, for anyone, and the read-only calls need no authorization.
systemctl stop deroot-helper.service 2>/dev/null
status=$(as_user busctl --system call "$helper" "$path" "$helper" Status 2>&1)
check "Status answers an unprivileged user ($status)" grep -q 'version' <<<"$status"
check "the helper runs as deroot-helper.service" systemctl is-active --quiet deroot-helper.service
out=$(as_user /usr/bin/derootctl history 2>&1)
check "derootctl history works unprivileged ($out)" test $? -eq 0

# The sandbox is in force on the running process.
pid=$(systemctl show -P MainPID deroot-helper.service)
check "the helper has a main process" test "${pid:-0}" -gt 0
if [ "${pid:-0}" -gt 0 ]; then
    check "NoNewPrivs is set" grep -q '^NoNewPrivs:[[:space:]]*1$' "/proc/$pid/status"
    capbnd=$(awk '/^CapBnd/ {print $2}' "/proc/$pid/status")
    # CAP_CHOWN 0, DAC_OVERRIDE 1, DAC_READ_SEARCH 2, FOWNER 3, SYS_PTRACE 19, SYS_ADMIN 21, AUDIT_WRITE 29,
    # SETFCAP 31
    check "CapBnd is the unit's set (got $capbnd)" test "$capbnd" = 00000000a028000f
    check "the helper runs as root" test "$(awk '/^Uid/ {print $2}' "/proc/$pid/status")" = 0
fi

# The bus policy: nothing but our interface, and only root owns the name.
out=$(as_user busctl --system introspect "$helper" "$path" 2>&1)
check "introspection is not open to users ($out)" grep -q -i 'denied' <<<"$out"
out=$(as_user busctl --system call org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus RequestName su "$helper" 0 2>&1)
check "a user cannot own $helper ($out)" grep -q -i 'denied\|not allowed' <<<"$out"

# A rollback of an apply that never was: refused with exit code 4 and one clear line.
out=$(as_user /usr/bin/derootctl rollback no-such-apply --no-ask-password 2>&1)
rc=$?
check "rollback of an unknown id exits 4 (got $rc: $out)" test $rc -eq 4
check "its message names the id ($out)" grep -q "no-such-apply" <<<"$out"

# Idle: the helper leaves after 30 s without calls.
for _ in $(seq 1 45); do
    systemctl is-active --quiet deroot-helper.service || break
    sleep 1
done
check "the idle helper exits" bash -c '! systemctl is-active --quiet deroot-helper.service'
check "it exited cleanly" test "$(systemctl show -P Result deroot-helper.service)" = success

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
