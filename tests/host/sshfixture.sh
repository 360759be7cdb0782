#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# A managed host for Ansible inside the test host: sshd on 127.0.0.1 that lets root in with a
# throw-away key made for this run only, and the client files that reach it (ssh_config,
# known_hosts with the fresh host key, so host keys are checked as on a real fleet), plus an
# ansible.cfg and an inventory naming any number of "hosts" that are all this machine. Run as root
# in the test host only: it starts a transient systemd unit there.
#
#   sshfixture.sh start DIR [HOST...]   make DIR (must not exist), start sshd, wait until root
#                                       logs in over it; HOST names the inventory's hosts
#                                       (default: localhost). Then: ANSIBLE_CONFIG=DIR/ansible.cfg
#                                       ansible-playbook ..., or ssh -F DIR/ssh_config HOST.
#   sshfixture.sh stop DIR              stop sshd and the connections Ansible keeps open, remove DIR
#   sshfixture.sh selftest              start, log in with ssh and with Ansible, stop, and check
#                                       that nothing is left
#
# SSHFIXTURE_PORT chooses the port (default 2222); the test host's network namespace has only
# loopback, so nothing outside it is reached. Exit codes: 0 done, 1 failed (one line on stderr),
# 2 bad command line.
set -euo pipefail

kPort=${SSHFIXTURE_PORT:-2222}

die() {
    echo "sshfixture: $2" >&2
    exit "$1"
}

unit_name() { echo "deroot-test-sshd-$kPort.service"; }
# sshd's StrictModes wants every folder above authorized_keys owned by root and closed to others,
# which a caller's DIR below /tmp need not be: the key goes to a folder of its own in /run.
keys_dir() { echo "/run/deroot-sshfixture-$kPort"; }

cmd_start() {
    local dir=${1:?}
    shift
    local hosts=("$@")
    [[ ${#hosts[@]} -gt 0 ]] || hosts=(localhost)
    [[ $(id -u) -eq 0 ]] || die 1 "start needs root (run it in the test host)"
    [[ $dir == /* ]] || die 2 "start: DIR must be an absolute path, not '$dir'"
    [[ ! -e $dir ]] || die 1 "start: '$dir' exists already"
    local unit
    unit=$(unit_name)
    # A leftover of a run that died keeps the port: stop it first.
    systemctl stop "$unit" 2>/dev/null || true
    systemctl reset-failed "$unit" 2>/dev/null || true

    mkdir -m 0700 "$dir" "$dir/cp"
    ssh-keygen -q -t ed25519 -N '' -C deroot-test-host -f "$dir/ssh_host_ed25519_key"
    ssh-keygen -q -t ed25519 -N '' -C deroot-test-client -f "$dir/id_ed25519"
    rm -rf "$(keys_dir)"
    mkdir -m 0700 "$(keys_dir)"
    cp "$dir/id_ed25519.pub" "$(keys_dir)/authorized_keys"
    printf '[127.0.0.1]:%s %s\n' "$kPort" "$(cut -d' ' -f1,2 "$dir/ssh_host_ed25519_key.pub")" >"$dir/known_hosts"
    cat >"$dir/sshd_config" <<EOF
# The test's sshd: loopback, root by key only, nothing read from /etc/ssh.
ListenAddress 127.0.0.1
Port $kPort
HostKey $dir/ssh_host_ed25519_key
PidFile none
AuthorizedKeysFile $(keys_dir)/authorized_keys
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes yes
# The selftest's refused logins must not lock the fixture's own client out (OpenSSH 9.8+).
PerSourcePenalties no
Subsystem sftp /usr/lib/openssh/sftp-server
LogLevel VERBOSE
EOF
    cat >"$dir/ssh_config" <<EOF
Host *
    HostName 127.0.0.1
    Port $kPort
    User root
    IdentityFile $dir/id_ed25519
    IdentitiesOnly yes
    UserKnownHostsFile $dir/known_hosts
    GlobalKnownHostsFile /dev/null
    StrictHostKeyChecking yes
    BatchMode yes
    ConnectTimeout 10
EOF
    {
        echo "[managed]"
        local host
        for host in "${hosts[@]}"; do
            echo "$host ansible_host=127.0.0.1 ansible_port=$kPort ansible_user=root ansible_connection=ssh"
        done
    } >"$dir/inventory.ini"
    cat >"$dir/ansible.cfg" <<EOF
[defaults]
inventory = $dir/inventory.ini
home = $dir/ansible-home
local_tmp = $dir/ansible-local
interpreter_python = /usr/bin/python3
host_key_checking = True
retry_files_enabled = False
nocows = True

[ssh_connection]
ssh_args = -F $dir/ssh_config -o ControlMaster=auto -o ControlPersist=60s
control_path_dir = $dir/cp
pipelining = True
EOF
    sshd_t=$(/usr/sbin/sshd -t -f "$dir/sshd_config" 2>&1) || die 1 "sshd refuses its configuration: $sshd_t"
    # sshd's privilege separation directory, made by ssh.service's RuntimeDirectory= otherwise.
    [[ -d /run/sshd ]] || mkdir -m 0755 /run/sshd
    systemd-run --quiet --unit="$unit" --description="Deroot test sshd on 127.0.0.1:$kPort" \
        /usr/sbin/sshd -D -e -f "$dir/sshd_config" || die 1 "could not start $unit"
    local _
    for _ in $(seq 50); do
        if ssh -F "$dir/ssh_config" "${hosts[0]}" true 2>/dev/null; then
            return 0
        fi
        sleep 0.2
    done
    die 1 "root cannot log in over $unit after 10 s: $(ssh -F "$dir/ssh_config" "${hosts[0]}" true 2>&1 | tail -n 1)"
}

cmd_stop() {
    local dir=${1:?}
    local socket
    # Ansible's ControlPersist masters outlive the playbook: end them before sshd.
    for socket in "$dir"/cp/*; do
        if [[ -S $socket ]]; then
            ssh -o ControlPath="$socket" -O exit placeholder 2>/dev/null || true
        fi
    done
    systemctl stop "$(unit_name)" 2>/dev/null || true
    systemctl reset-failed "$(unit_name)" 2>/dev/null || true
    rm -rf "$dir" "$(keys_dir)"
}

cmd_selftest() {
    local dir
    dir=$(mktemp -u /tmp/sshfixture.XXXXXX)
    cmd_start "$dir" alpha beta
    trap 'cmd_stop "$dir"' EXIT
    [[ $(ssh -F "$dir/ssh_config" alpha id -u) == 0 ]] || die 1 "ssh alpha does not log in as root"
    # A host key other than the fixture's is refused: the check is real.
    ssh-keygen -q -t ed25519 -N '' -f "$dir/other_key"
    printf '[127.0.0.1]:%s %s\n' "$kPort" "$(cut -d' ' -f1,2 "$dir/other_key.pub")" >"$dir/other_known_hosts"
    if ssh -F "$dir/ssh_config" -o UserKnownHostsFile="$dir/other_known_hosts" alpha true 2>/dev/null; then
        die 1 "a wrong host key was accepted"
    fi
    # A key that is not the fixture's is refused.
    # (IdentityFile adds to the config's list: the key is given without the config, and the same
    # command with the fixture's key must work, so the refusal is the key's.)
    as_key() {
        ssh -F /dev/null -p "$kPort" -l root -i "$1" -o IdentitiesOnly=yes -o BatchMode=yes \
            -o UserKnownHostsFile="$dir/known_hosts" -o StrictHostKeyChecking=yes 127.0.0.1 true 2>/dev/null
    }
    as_key "$dir/id_ed25519" || die 1 "the fixture's key does not log in without ssh_config"
    if as_key "$dir/other_key"; then
        die 1 "a key that is not authorized logged in"
    fi
    local out
    out=$(ANSIBLE_CONFIG=$dir/ansible.cfg ansible managed -m ansible.builtin.ping -o 2>&1) ||
        die 1 "ansible ping failed: $out"
    [[ $(grep -c 'SUCCESS' <<<"$out") -eq 2 ]] || die 1 "ansible ping did not reach both hosts: $out"
    trap - EXIT
    cmd_stop "$dir"
    [[ ! -e $dir ]] || die 1 "stop left $dir"
    if systemctl is-active --quiet "$(unit_name)"; then
        die 1 "stop left $(unit_name) running"
    fi
    if pgrep -f "$dir" >/dev/null; then
        die 1 "stop left processes: $(pgrep -af "$dir")"
    fi
    echo "sshfixture: root logs in over sshd on 127.0.0.1:$kPort by key (ssh and Ansible, two inventory hosts); a wrong host key or client key is refused; stop leaves nothing"
}

case "${1:-}" in
start)
    [[ $# -ge 2 ]] || die 2 "usage: sshfixture.sh start DIR [HOST...]"
    shift
    cmd_start "$@"
    ;;
stop)
    [[ $# -eq 2 ]] || die 2 "usage: sshfixture.sh stop DIR"
    cmd_stop "$2"
    ;;
selftest)
    [[ $# -eq 1 ]] || die 2 "usage: sshfixture.sh selftest"
    cmd_selftest
    ;;
*) die 2 "usage: sshfixture.sh start DIR [HOST...] | stop DIR | selftest" ;;
esac
