# shellcheck shell=bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# bash completion for derootctl. The commands and their options come from derootctl itself
# (`derootctl --help`, `derootctl COMMAND --help`, which print what its parser takes), so this
# file never lists them and cannot fall behind. An option's value is completed from its help:
# a list "a|b|c" gives its words, PID running processes, NAME of --unit systemd units (the unit
# files when systemd is not running), NAME of --user and USER user names, and PATH, DIR, FILE and
# PATHS file names.

_derootctl_commands() {
    derootctl --help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z-]*\) .*/\1/p'
}

# "--name VALUE" (or "--name" for a flag) for each option of command $1, one a line.
_derootctl_options() {
    derootctl "$1" --help 2>/dev/null | sed -n 's/^  \(--[a-z-]*\)\( [^ ]*\)\{0,1\}\(  .*\)\{0,1\}$/\1\2/p'
}

# COMPREPLY from standard input, a word a line. Not mapfile: zsh's bash completion emulation
# (bashcompinit, which the zsh completion _derootctl loads this file into) has no mapfile.
_derootctl_reply() {
    local line
    COMPREPLY=()
    while IFS= read -r line; do
        COMPREPLY+=("$line")
    done
}

_derootctl() {
    local cur prev words cword
    # Under zsh: arrays as bash indexes them (COMP_WORDS from 0), and no _init_completion (zsh's
    # declare -F would declare a float, not ask for a function).
    if [[ -n ${ZSH_VERSION-} ]]; then
        setopt localoptions ksharrays
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    elif declare -F _init_completion >/dev/null; then
        _init_completion -n = || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi
    if ((cword == 1)); then
        _derootctl_reply < <(compgen -W "$(_derootctl_commands) help --help --version" -- "$cur")
        return
    fi
    local command=${words[1]}
    if [[ $command == help ]]; then
        ((cword == 2)) && _derootctl_reply < <(compgen -W "$(_derootctl_commands)" -- "$cur")
        return
    fi
    # After "--" the words are the observed program's.
    local i
    for ((i = 2; i < cword; i++)); do
        if [[ ${words[i]} == -- ]]; then
            _derootctl_reply < <(compgen -c -- "$cur")
            ((i < cword - 1)) && _derootctl_reply < <(compgen -f -- "$cur")
            return
        fi
    done
    local options value=""
    options=$(_derootctl_options "$command")
    if [[ $prev == --* ]]; then
        value=$(printf '%s\n' "$options" | sed -n "s/^$prev \(.*\)/\1/p")
    fi
    if [[ -n $value ]]; then
        case $value in
            *'|'*) _derootctl_reply < <(compgen -W "${value//|/ }" -- "$cur") ;;
            PID)
                local pids=(/proc/[0-9]*)
                _derootctl_reply < <(compgen -W "${pids[*]#/proc/}" -- "$cur")
                ;;
            NAME)
                if [[ $prev == --unit ]]; then
                    # The units systemd knows; without a running systemd (a container, a chroot, a
                    # rescue system) the installed unit files, as the desktop's Services tab lists them.
                    local units
                    units=$(systemctl list-units --all --plain --no-legend --type=service 2>/dev/null |
                        awk '{print $1}')
                    [[ -n $units ]] || units=$(systemctl list-unit-files --plain --no-legend --type=service \
                        2>/dev/null | awk '$1 !~ /@\.service$/ {print $1}')
                    _derootctl_reply < <(compgen -W "$units" -- "$cur")
                elif [[ $prev == --user ]]; then
                    _derootctl_reply < <(compgen -u -- "$cur")
                fi
                ;;
            USER) _derootctl_reply < <(compgen -u -- "$cur") ;;
            DIR) _derootctl_reply < <(compgen -d -- "$cur") ;;
            FILE | PATH | PATHS) _derootctl_reply < <(compgen -f -- "$cur") ;;
        esac
        return
    fi
    if [[ $cur == -* ]]; then
        _derootctl_reply < <(compgen -W "$(printf '%s\n' "$options" | cut -d' ' -f1) --help" -- "$cur")
        return
    fi
    # An operand: a program (on PATH or a file) for the commands that inspect one, else a file.
    case $command in
        inspect | recommend | generate) _derootctl_reply < <(compgen -c -f -- "$cur" | sort -u) ;;
        *) _derootctl_reply < <(compgen -f -- "$cur") ;;
    esac
}

complete -F _derootctl derootctl
