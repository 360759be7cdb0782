#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
# The test host is a real machine for our purposes: systemd is PID 1, the system bus, logind and
# (activated on demand) polkitd answer, and the build under test is installed.
set -eu
fail() { echo "FAIL: $*" >&2; exit 1; }
[ "$(cat /proc/1/comm)" = systemd ] || fail "PID 1 is $(cat /proc/1/comm), not systemd"
for unit in dbus.service systemd-logind.service systemd-journald.service; do
    systemctl is-active --quiet "$unit" || fail "$unit is $(systemctl is-active "$unit")"
done
busctl --system introspect org.freedesktop.PolicyKit1 /org/freedesktop/PolicyKit1/Authority >/dev/null ||
    fail "polkitd does not answer on the system bus"
systemctl is-active --quiet polkit.service || fail "polkit.service is $(systemctl is-active polkit.service)"
[ -x /usr/bin/derootctl ] || fail "the build is not installed (/usr/bin/derootctl missing)"
[ -x /usr/libexec/deroot-helper ] || fail "the build is not installed (/usr/libexec/deroot-helper missing)"
/usr/bin/derootctl --version >/dev/null || fail "the installed derootctl does not run"
[ "$(hostname)" = deroot-testhost ] || fail "hostname is $(hostname), not deroot-testhost"
echo "test host: systemd, dbus, logind, journald and polkitd are running; the build is installed"
