#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# The Debian packaging, checked without building the packages (that takes longer than the rest of
# the suite: `tools/dev package` does it, docs/dev.md "Packages"):
#   - debian/changelog's version is the project's (CMakeLists.txt);
#   - every package of debian/control's Build-Depends is in the build root's package list;
#   - the debian/*.install lists take every file `cmake --install` of this build makes, each
#     exactly once, and the helper's files land where polkitd, dbus-daemon and systemd read them;
#   - the man pages have no groff or man warning (as lintian checks them);
#   - deroot-cli.postrm on purge removes /var/lib/deroot only when no plan may still be applied,
#     and otherwise says which, run as root in a private mount namespace over the journal records of
#     tests/data/journal;
#   - when build/deb holds packages (`tools/dev package` made them), what they contain and depend
#     on, and lintian on them.
# Inside the build root a missing tool is a failure; natively that part is skipped.
# Usage: package.sh SOURCE_DIR BUILD_DIR [--built]
# With --built (the test package_build, after `tools/dev package`): only the built packages, which
# must be there and carry the version tools/package-version gives this checkout; lintian is not run
# again (`tools/dev package` fails on its errors and warnings).
set -euo pipefail
src=$1 build=$2 mode=${3:-}
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
have() { # have TOOL: the tool is there; in the build root its absence fails the test
    command -v "$1" >/dev/null && return 0
    if [[ ${DEROOT_IN_DEVROOT:-} == 1 ]]; then
        fail "$1 is missing from the build root (tools/devroot/packages.txt)"
    else
        echo "SKIP: $1 is not installed"
    fi
    return 1
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check_built() { # check_built LINTIAN(0|1): what the packages in build/deb hold and depend on
    local run_lintian=$1 expected version debs
    expected=$("$src/tools/package-version" "$src")
    debs=("$src"/build/deb/*.deb)
    if [[ ! -e ${debs[0]} ]]; then
        if [[ $mode == --built ]]; then
            fail "no packages in $src/build/deb (tools/dev package failed?)"
        else
            echo "NOTE: no packages in $src/build/deb (tools/dev package builds them): their contents and lintian not checked"
        fi
        return 0
    fi
    have dpkg-deb && have lintian || return 0
    version=$(dpkg-deb -f "$(compgen -G "$src/build/deb/deroot-cli_*.deb" | head -n 1)" Version 2>/dev/null || true)
    if [[ $version != "$expected" ]]; then
        if [[ $mode == --built ]]; then
            fail "build/deb holds deroot-cli ${version:-of no version}, not $expected"
        else
            echo "NOTE: build/deb holds deroot-cli ${version:-of no version}, built from another state than this checkout's ($expected): not checked"
        fi
        return 0
    fi
    [[ $version == "$changelog" || $version =~ ^${changelog//./\\.}~git[0-9]+\.[0-9a-f]+(\+dirty)?$ ]] ||
        fail "the packages' version $version is neither debian/changelog's $changelog nor a snapshot of it"
    for deb in "${debs[@]}"; do
        echo "checking ${deb##*/} (built $(date -r "$deb" '+%F %T'))"
    done
    cli=$(compgen -G "$src/build/deb/deroot-cli_*.deb" | head -n 1)
    gui=$(compgen -G "$src/build/deb/deroot_*.deb" | head -n 1)
    if [[ -n $cli && -n $gui ]]; then
        dpkg-deb -c "$cli" | awk '{ print $6 }' | sed 's|^\./|/|' >"$work/cli.files"
        for path in /usr/bin/derootctl /usr/libexec/deroot-helper /usr/libexec/deroot-observer \
            /usr/share/polkit-1/actions/io.github.deroot.Deroot.policy \
            /usr/share/dbus-1/system.d/io.github.deroot.Helper1.conf \
            /usr/share/dbus-1/system-services/io.github.deroot.Helper1.service \
            /usr/lib/systemd/system/deroot-helper.service /usr/lib/systemd/system/deroot-helper-recover.service \
            /usr/share/man/man1/derootctl.1.gz; do
            grep -qxF "$path" "$work/cli.files" || fail "deroot-cli lacks $path"
        done
        # The GUI's plugin (KSyntaxHighlighting, polkit-qt6), where deroot looks for it: beside its bin/.
        dpkg-deb -c "$gui" | awk '{ print $6 }' | sed 's|^\./|/|' >"$work/gui.files"
        for path in /usr/bin/deroot /usr/lib/deroot/deroot-ui-plugin.so; do
            grep -qxF "$path" "$work/gui.files" || fail "deroot lacks $path"
        done
        depends=$(dpkg-deb -f "$cli" Depends)
        # libpolkit-qt6-1-1 too: Debian ships polkit-qt6's core with its gui and agent libraries,
        # which pull in Qt Gui, Qt Widgets, Mesa and X11 (the helper asks polkitd over D-Bus).
        ! grep -qiE 'libqt6(gui|widgets)|libkf6|libx11|libgl|libpolkit-qt6' <<<"$depends" ||
            fail "deroot-cli depends on a GUI library: $depends"
        dpkg-deb -f "$gui" Depends | grep -q "deroot-cli (= $version)" || fail "deroot does not depend on deroot-cli (= $version)"
        # The test-only hooks read DEROOT_TEST_* variables; a release helper holds none of them.
        dpkg-deb -x "$cli" "$work/cli"
        ! grep -aq DEROOT_TEST_ "$work/cli/usr/libexec/deroot-helper" ||
            fail "the packaged helper holds the test-only hooks (DEROOT_CRASH_HOOK)"
        ! readelf -d "$work/cli/usr/libexec/deroot-helper" | grep -qE 'lib(a|ub)san' ||
            fail "the packaged helper is built with sanitizers"
    fi
    ((run_lintian)) || return 0
    local as=()
    [[ $(id -u) -ne 0 ]] || as=(setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/tmp)
    if ! (cd /tmp && "${as[@]}" lintian --fail-on error,warning --display-info --pedantic "${debs[@]}"); then
        fail "lintian found errors or warnings"
    fi
}


if [[ $mode == --built ]]; then
    changelog=$(sed -n '1s/^deroot (\([^)]*\)).*/\1/p' "$src/debian/changelog")
    check_built 0
    ((failures == 0)) || exit 1
    echo "package: the built packages are this checkout's, hold what they must and depend on no GUI library"
    exit 0
fi

# --- version
project=$(sed -n '/^project(/,/)/s/^ *VERSION \([0-9.]*\)$/\1/p' "$src/CMakeLists.txt")
changelog=$(sed -n '1s/^deroot (\([^)]*\)).*/\1/p' "$src/debian/changelog")
[[ -n $project && $changelog == "$project" ]] ||
    fail "debian/changelog says ${changelog:-nothing}, CMakeLists.txt's project() ${project:-nothing}"

# --- Build-Depends against the build root's list
listed=$(grep -v '^\s*\(#\|$\)' "$src/tools/devroot/packages.txt" | tr -s ' \t' '\n')
while IFS= read -r package; do
    [[ $package == debhelper-compat ]] && package=debhelper
    grep -qxF "$package" <<<"$listed" || fail "Build-Depends names $package, which tools/devroot/packages.txt lacks"
done < <(sed -n '/^Build-Depends:/,/^[A-Z]/p' "$src/debian/control" | sed '$d' | sed 's/^Build-Depends://' |
    tr ',' '\n' | sed 's/([^)]*)//; s/\[.*\]//; s/^[[:space:]]*//; s/[[:space:]]*$//' | grep -v '^$')

# --- the install lists against what the build installs
DESTDIR=$work/install cmake --install "$build" --prefix /usr >/dev/null
(cd "$work/install" && find . ! -type d | sed 's|^\./||' | sort) >"$work/installed"
[[ -s $work/installed ]] || fail "cmake --install $build installed nothing"
for list in "$src"/debian/*.install; do
    while IFS= read -r entry; do
        [[ -z $entry ]] && continue
        entry=${entry%/}
        # The entry itself, or everything below it (dh_install's folder entries).
        awk -v p="$entry" '$0 == p || index($0, p "/") == 1' "$work/installed" >"$work/entry"
        [[ -s $work/entry ]] || fail "${list##*/} names $entry, which the build does not install"
        cat "$work/entry" >>"$work/claimed"
    done <"$list"
done
touch "$work/claimed"
unclaimed=$(comm -23 "$work/installed" <(sort "$work/claimed"))
[[ -z $unclaimed ]] || fail "installed but in no debian/*.install: $(tr '\n' ' ' <<<"$unclaimed")"
twice=$(sort "$work/claimed" | uniq -d)
[[ -z $twice ]] || fail "in two packages: $(tr '\n' ' ' <<<"$twice")"
for path in usr/share/polkit-1/actions/io.github.deroot.Deroot.policy \
    usr/share/dbus-1/system.d/io.github.deroot.Helper1.conf \
    usr/share/dbus-1/system-services/io.github.deroot.Helper1.service \
    usr/lib/systemd/system/deroot-helper.service usr/libexec/deroot-helper usr/libexec/deroot-observer \
    usr/share/man/man1/derootctl.1 usr/share/man/man1/deroot.1; do
    grep -qxF "$path" "$work/installed" || fail "the build does not install /$path"
done
grep -qx 'ExecStart=/usr/libexec/deroot-helper' "$work/install/usr/lib/systemd/system/deroot-helper.service" ||
    fail "the installed unit does not start /usr/libexec/deroot-helper"

# --- man pages, as lintian's manpage-has-errors-from-man runs them
if have man; then
    # As installed: derootctl.1 is written by the build from derootctl's command definitions.
    for page in "$work"/install/usr/share/man/man1/*.1; do
        warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
        [[ -z $warnings ]] || fail "${page##*/}: $warnings"
    done
fi

# --- deroot-cli.postrm purge, over real journal records, in a mount namespace of its own
postrm_case() { # postrm_case NAME ACTION EXPECT(kept|removed) [RECORD|MARKER|BROKEN...]
    local name=$1 action=$2 expect=$3
    shift 3
    # shellcheck disable=SC2016 # expanded by the inner bash
    unshare --mount --propagation private bash -c '
        set -eu
        mount -t tmpfs -o mode=755 tmpfs /var/lib
        src=$1 action=$2 expect=$3 out=$4
        shift 4
        mkdir -p /var/lib/deroot/applies
        for item in "$@"; do
            case $item in
            MARKER) touch /var/lib/deroot/recover-at-boot ;;
            BROKEN) printf "{\"format\":\"deroot.journal/2\",\"id\":\"trun" >/var/lib/deroot/applies/20261201T000000Z-0badf00d.json ;;
            NONE) rm -rf /var/lib/deroot ;;
            *) cp "$src/tests/data/journal/$item.json" /var/lib/deroot/applies/ ;;
            esac
        done
        "$src/debian/deroot-cli.postrm" "$action" >"$out.out" 2>"$out.err"
        if [ -d /var/lib/deroot ]; then echo kept >"$out.state"; else echo removed >"$out.state"; fi
        [ "$expect" = kept ] && [ -d /var/lib/deroot/applies ] && ls /var/lib/deroot/applies >"$out.files" || true
    ' bash "$src" "$action" "$expect" "$work/$name" "$@" || {
        fail "postrm $action ($name) failed: $(cat "$work/$name.err" 2>/dev/null)"
        return
    }
    [[ $(cat "$work/$name.state") == "$expect" ]] ||
        fail "postrm $action ($name): /var/lib/deroot was $(cat "$work/$name.state"), expected $expect"
}
if [[ $(id -u) -ne 0 ]] || ! unshare --mount true 2>/dev/null; then
    if [[ ${DEROOT_IN_DEVROOT:-} == 1 ]]; then
        fail "the postrm cases need root and a mount namespace, which the build root gives"
    else
        echo "SKIP: the postrm cases need root and a mount namespace"
    fi
else
    postrm_case applied purge kept setcap-applied sudo-pending sudo-rolled-back caps-failed
    if [[ -f $work/applied.err ]]; then
        message=$(cat "$work/applied.err")
        [[ $(wc -l <"$work/applied.err") -eq 1 ]] || fail "postrm purge (applied) printed $(wc -l <"$work/applied.err") lines, not one"
        for expected in "setcap-applied (applied)" "sudo-pending (pending)" "derootctl history" "derootctl rollback ID"; do
            [[ $message == *"$expected"* ]] || fail "postrm purge (applied) does not say '$expected': $message"
        done
        [[ $message != *sudo-rolled-back* && $message != *caps-failed* ]] ||
            fail "postrm purge (applied) names a plan that was undone: $message"
        [[ $(wc -l <"$work/applied.files") -eq 4 ]] || fail "postrm purge (applied) did not keep every record"
    fi
    postrm_case undone purge removed sudo-rolled-back caps-failed
    postrm_case empty purge removed
    postrm_case unfinished purge kept sudo-rolled-back MARKER
    postrm_case unreadable purge kept sudo-rolled-back BROKEN
    postrm_case absent purge removed NONE
    postrm_case remove remove kept sudo-rolled-back
fi

# --- the built packages, when there are any (and are this checkout's)
check_built 1

((failures == 0)) || exit 1
echo "package: debian/ agrees with the build, the man pages are clean and postrm purge keeps what is still applied"
