# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# A real zsh completes derootctl lines through resources/completion/_derootctl, on a pseudo-terminal
# (zsh/zpty): zsh -f completion_zsh.zsh FPATH_DIR LINE EXPECTED... types LINE and Tab into an
# interactive zsh whose fpath has FPATH_DIR, and fails unless the screen then shows each EXPECTED.
zmodload zsh/zpty || exit 1
local dir=$1 line=$2
shift 2
zpty deroot zsh -f -i
zpty -w deroot "PS1='%% '; fpath=($dir \$fpath); autoload -Uz compinit; compinit -u -D"
sleep 1
zpty -wn deroot "$line"$'\t'
local out= chunk tries all word
for tries in {1..50}; do
    sleep 0.1
    while zpty -r -t deroot chunk; do out+=$chunk; done
    all=1
    for word in "$@"; do [[ $out == *"$word"* ]] || all=0; done
    ((all)) && break
done
zpty -d deroot
for word in "$@"; do
    if [[ $out != *"$word"* ]]; then
        print -r -- "FAIL: zsh completing '$line' does not show '$word'; the screen ends with:"
        print -r -- "${out[-300,-1]}" | tr -d '\033'
        exit 1
    fi
done
