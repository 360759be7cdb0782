#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# The bash completion of derootctl, run in a real bash against the built derootctl: commands,
# options, the values an option's help lists, and the help command. The zsh file must parse.
# Usage: completion_test.sh DEROOTCTL_DIR SOURCE_DIR
set -uo pipefail

bin=$1
source_dir=$2
failures=0
PATH="$bin:$PATH"
export PATH

bash -n "$source_dir/resources/completion/derootctl.bash" || { echo "FAIL: derootctl.bash does not parse"; exit 1; }
# zsh is in the build root's package list: a missing zsh is a failure, not a skip.
command -v zsh >/dev/null || { echo "FAIL: zsh is not installed, so _derootctl cannot be checked"; exit 1; }
zsh -n "$source_dir/resources/completion/_derootctl" || { echo "FAIL: _derootctl does not parse"; exit 1; }
# Loaded from fpath as compinit finds it, and its body read now (autoload +X), not at the first Tab:
# the file defines _derootctl without an error.
zsh -f -c 'fpath=("$1" $fpath); autoload -Uz compinit && compinit -u -D && autoload -Uz +X _derootctl &&
    print -r -- "${functions[_derootctl]}"' zsh "$source_dir/resources/completion" >"${TMPDIR:-/tmp}/zsh-derootctl.$$" ||
    { echo "FAIL: zsh cannot load _derootctl"; exit 1; }
if grep -q 'autoload -X' "${TMPDIR:-/tmp}/zsh-derootctl.$$" || ! grep -q 'derootctl' "${TMPDIR:-/tmp}/zsh-derootctl.$$"; then
    echo "FAIL: zsh loaded no body for _derootctl"
    rm -f "${TMPDIR:-/tmp}/zsh-derootctl.$$"
    exit 1
fi
rm -f "${TMPDIR:-/tmp}/zsh-derootctl.$$"
# Completed by a real interactive zsh, the first Tab included: _derootctl with this checkout's bash
# completion in place of the installed one.
zdir=$(mktemp -d)
trap 'rm -rf "$zdir"' EXIT
sed "s|/usr/share/bash-completion/completions/derootctl|$source_dir/resources/completion/derootctl.bash|" \
    "$source_dir/resources/completion/_derootctl" >"$zdir/_derootctl"
zexpect() {
    zsh -f "$source_dir/tests/cli/completion_zsh.zsh" "$zdir" "$@" || failures=$((failures + 1))
}
zexpect "derootctl gen" "derootctl generate"
zexpect "derootctl generate --meth" "--method"
zexpect "derootctl generate --method " "sudo" "caps" "container"
zexpect "derootctl recommend --environment bare" "bare-metal"
# shellcheck source=/dev/null
source "$source_dir/resources/completion/derootctl.bash"

# expect "WORDS..." "EXPECTED WORD"...: completing the last of WORDS offers each expected word.
expect() {
    local line=$1
    shift
    read -r -a COMP_WORDS <<<"$line"
    [[ $line == *' ' ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _derootctl
    local want
    for want in "$@"; do
        if ! printf '%s\n' "${COMPREPLY[@]}" | grep -qxF -- "$want"; then
            echo "FAIL: '$line' does not offer '$want' (offers: ${COMPREPLY[*]})"
            failures=$((failures + 1))
        fi
    done
    echo "ok: '$line' -> ${COMPREPLY[*]:0:8}"
}

expect "derootctl gen" generate
expect "derootctl " audit inspect observe recommend generate prove apply confirm rollback history walkthrough
expect "derootctl help pr" prove
expect "derootctl generate --me" --method --memory-max
expect "derootctl generate --method " sudo caps container
expect "derootctl generate --start " service scheduled called-by
expect "derootctl recommend --environment " bare-metal vm container kubernetes legacy
expect "derootctl observe --mechanism " auto ebpf strace
expect "derootctl prove --" --seconds --check --observation --json --no-ask-password --help
expect "derootctl observe --pid $$" "$$"
# Units whether systemd runs or not (then the installed unit files), and user names.
expect "derootctl inspect --unit chrony.serv" chrony.service
expect "derootctl generate /usr/bin/fping --user ro" root
expect "derootctl generate /usr/bin/fping --caller nob" nobody
expect "derootctl observe --user nob" nobody
expect "derootctl generate --out $source_dir/resources/complet" "$source_dir/resources/completion"
# After "--", the observed program's words: a command name first.
expect "derootctl observe -- ba" bash

exit $((failures > 0))
