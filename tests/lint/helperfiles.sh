#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# The helper's declarative files, checked by the tools that read them: the polkit policy against
# polkit's DTD, the bus policy by a real dbus-daemon, and the rules docs/helper.md promises (no
# wildcard, no implied action, no _keep, every message translated).
# Usage: helperfiles.sh SOURCE_DIR BUILD_DIR
set -u
src=$1
build=$2
linux=$src/resources/linux
policy=$linux/io.github.deroot.Deroot.policy
busconf=$linux/io.github.deroot.Helper1.conf
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# polkit policy: valid against the DTD polkit ships, actions named io.github.deroot.AREA.VERB.
xmllint --noout --dtdvalid /usr/share/polkit-1/policyconfig-1.dtd "$policy" || fail "policy is not valid against polkit's DTD"
mapfile -t actions < <(xmllint --xpath '//action/@id' "$policy" | sed -E 's/.*id="([^"]*)".*/\1/')
expected="io.github.deroot.capabilities.set io.github.deroot.observe.run io.github.deroot.observe.watch io.github.deroot.plan.apply io.github.deroot.plan.reconcile io.github.deroot.plan.restore io.github.deroot.privileged.grant io.github.deroot.privileged.restore io.github.deroot.prove.run io.github.deroot.rollback.restore io.github.deroot.sudoers.install io.github.deroot.units.install io.github.deroot.users.create"
[ "$(printf '%s\n' "${actions[@]}" | sort | tr '\n' ' ' | sed 's/ $//')" = "$expected" ] ||
    fail "policy actions are ${actions[*]}, expected $expected"
for action in "${actions[@]}"; do
    for element in description message; do
        for lang in de fr; do
            count=$(xmllint --xpath "count(//action[@id='$action']/${element}[@xml:lang='$lang'])" "$policy")
            [ "$count" = 1 ] || fail "$action has $count $element in $lang, expected 1"
        done
    done
    for default in allow_any allow_inactive allow_active; do
        value=$(xmllint --xpath "string(//action[@id='$action']/defaults/$default)" "$policy")
        [ "$value" = auth_admin ] || fail "$action: $default is '$value', expected auth_admin"
    done
done
grep -q 'key="org.freedesktop.policykit.imply"' "$policy" && fail "policy uses org.freedesktop.policykit.imply (see docs/helper.md)"
grep -Eq 'auth_(self|admin)_keep' "$policy" && fail "policy uses a _keep default (see docs/helper.md)"

# Bus policy: parsed by a real dbus-daemon (a private bus that includes the file), and narrow.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=$tmp/socket</listen>
  <auth>EXTERNAL</auth>
  <policy context="default"><deny own="*"/><deny send_type="method_call"/></policy>
  <include>$busconf</include>
</busconfig>
CONF
if ! out=$(timeout 10 dbus-daemon --config-file="$tmp/bus.conf" --print-address --fork --print-pid 2>&1); then
    fail "dbus-daemon refused the bus policy: $out"
else
    kill "$(echo "$out" | tail -n 1)" 2>/dev/null
fi
xmllint --noout "$busconf" || fail "bus policy is not well-formed"
grep -q '\*' <(xmllint --xpath '//policy' "$busconf") && fail "bus policy has a wildcard"
owners=$(xmllint --xpath 'count(//allow[@own])' "$busconf")
root_owners=$(xmllint --xpath "count(//policy[@user='root']/allow[@own='io.github.deroot.Helper1'])" "$busconf")
if [ "$owners" != 1 ] || [ "$root_owners" != 1 ]; then fail "only root may own io.github.deroot.Helper1"; fi
sends=$(xmllint --xpath 'count(//allow[@send_destination or @send_interface or @send_path or @send_member or @send_type])' "$busconf")
narrow=$(xmllint --xpath "count(//allow[@send_destination='io.github.deroot.Helper1' and @send_interface='io.github.deroot.Helper1'])" "$busconf")
[ "$sends" = "$narrow" ] || fail "every send rule must name our destination and our interface"

# The activation file and the unit, as configured for this build: systemd's own verifier.
unit=$build/resources/deroot-helper.service
activation=$build/resources/io.github.deroot.Helper1.service
grep -qx 'Name=io.github.deroot.Helper1' "$activation" || fail "activation file names another bus name"
grep -qx 'SystemdService=deroot-helper.service' "$activation" || fail "activation file does not hand over to systemd"
if ! out=$(systemd-analyze verify --man=no "$unit" 2>&1); then
    fail "systemd-analyze verify: $out"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures failed"
    exit 1
fi
echo "helper files: ok"
