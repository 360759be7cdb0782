#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# Writes the hostile apply requests of this folder, one JSON file each (format: README.md). Run it
# after changing a case here and commit the files with it: the corpus is data the tests read.
# With --check it writes nothing and fails when the committed files are not exactly what it makes
# (the lint test lint_plan_corpus runs that).
#
# Since deroot.plan/2 the helper judges no file: it reads plan.json's typed input strictly, holds
# it to the generators' validation and grant rules, regenerates every file and plan.json, and
# requires the very bytes (core/plan/applyrequest.cpp). So a case is refused on one of three
# routes, and its `expect` says which:
# - the input (a `set` on input/...): refused before anything is regenerated, naming the field or
#   the rule ("plan.json's input is refused: ...", "plan.json: input.x must be ...");
# - a file edited after generation, hashed again or not: named with its first differing line
#   (FILE below);
# - plan.json edited outside its input (the summary, the operations, the formatting): PLAN below.
# Cases with `setup` need the system's state and run only through the engine (engine_test).
import argparse
import glob
import json
import os
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
cases = []
PROG = "/usr/local/bin/deroot-test-agent"
UNIT = "deroot-capsagent.service"
SUDOERS = "deroot-sudoagent.sudoers"
SYSUSERS = "deroot-capsagent.conf"
EXEC = "ExecStart=" + PROG + " infinity\n"
USER_GROUP = "User=deroot-capsagent\nGroup=deroot-capsagent\n"
PLAN = "plan.json is not the plan Deroot's generators write"
INPUT = "plan.json's input is refused: "

# Refusals the engine of a branch does not make yet: a case marked pending runs in engine_test as
# an expected failure, so it fails ("XPASS") the moment the engine refuses it; then set the constant
# to None and run this script again. None now: the engine makes both.
# - The fd walk over each sudo command in Engine::preflight.
# - The check that a drop-in's unit runs the plan's own program: the parser cannot make it, as it
#   reads nothing from the machine; only the engine can.
PENDING_SUDO = None  # Engine::preflight walks every sudo command (app/helper/sudoprograms.cpp)
PENDING_DROPIN = None  # Engine::preflight asks systemd what a drop-in's unit runs (app/helper/unitcheck.cpp)


def FILE(name):
    return "'%s' is not the file Deroot's generators write for this plan" % name


def case(name, expect, base="caps", **mutations):
    assert name not in [n for n, _ in cases], name
    entry = {"description": mutations.pop("why", name.replace("-", " ")), "base": base, "expect": expect}
    entry.update(mutations)
    cases.append((name, entry))


def edit(name, expect, base="caps", **mutations):
    """A file edited by hand: once as it reaches the helper (the manifest's hashes no longer match
    it) and once "-rehashed" with every content_sha256 recomputed, as its author would."""
    case(name, expect, base, **mutations)
    case(name + "-rehashed", expect, base, rehash=True, **mutations)


def unit_edit(name, old, new, why=None, base="caps", unit=UNIT):
    extra = {"why": why} if why else {}
    edit(name, FILE(unit), base, replace=[[unit, old, new]], **extra)


def unit_add(name, lines, section="[Service]\n", why=None, base="caps", unit=UNIT):
    unit_edit(name, section, section + lines, why, base, unit)


# --- JSON itself, before anything is read ---
case("schema-missing", "lacks 'schema'", remove=["schema"])
case("schema-other-version", "accepts only deroot.plan/2", set=[["schema", "deroot.plan/3"]])
case("schema-one", "a deroot.plan/1 plan, made by an earlier Deroot", set=[["schema", "deroot.plan/1"]],
     why="a plan of the schema before the typed input: nothing to regenerate from, so refused with what to do")
case("schema-number", "lacks 'schema', a string naming its version", set=[["schema", 1]])
case("not-json", "not valid JSON", raw="{")
case("empty-bytes", "not valid JSON", raw="")
case("top-level-array", "must hold one JSON object", raw="[]")
case("top-level-string", "not valid JSON", raw="\"plan\"")
case("invalid-utf8", "not valid UTF-8", raw="{\"schema\": \"\\xff\"}")
case("nul-byte", "not valid UTF-8", raw="{\"schema\": \"a\u0000\"}")
case("huge-plan", "more than the", raw="{\"pad\": \"@\"}", repeat=300000, unit="A",
     why="a plan.json over 256 KiB is refused before it is parsed")
case("deeply-nested-arrays", "nested deeper than", raw="{\"schema\": \"deroot.plan/2\", \"x\": @1%}",
     repeat=20, unit="[", close="]")
case("deeply-nested-objects", "nested deeper than", raw="{\"x\": @1%}", repeat=20, unit="{\"a\": ", close="}")
case("nesting-beyond-the-json-reader", "plan.json", raw="@%", repeat=5000, unit="[", close="]",
     why="5000 levels: Qt's reader refuses it, and nothing recurses that deep")
case("duplicate-key", "appears twice",
     raw_replace=["\"agent\": \"capsagent\"", "\"agent\": \"capsagent\", \"agent\": \"other\""],
     why="a reader sees the first key, Qt the last: the admin and the helper would disagree")
case("duplicate-key-escaped", "appears twice",
     raw_replace=["\"agent\": \"capsagent\"", "\"agent\": \"capsagent\", \"\\u0061gent\": \"other\""])
case("duplicate-key-in-input", "the key 'service_user' appears twice",
     raw_replace=["\"service_user\": \"deroot-capsagent\",",
                  "\"service_user\": \"deroot-capsagent\", \"service_user\": \"root\","],
     why="the admin reads the first service_user of the input, Qt's reader keeps the second")
case("duplicate-mode-setuid", "appears twice",
     raw_replace=["\"mode\": \"0644\"", "\"mode\": \"0644\", \"mode\": \"4755\""],
     why="the admin reads mode 0644, Qt's reader keeps the second key: a set-uid file by a duplicate")
case("duplicate-path-in-operation", "appears twice",
     raw_replace=["\"path\": \"/etc/systemd/system/deroot-capsagent.service\"",
                  "\"path\": \"/etc/systemd/system/deroot-capsagent.service\", \"path\": \"/etc/shadow\""])

# --- plan.json outside its input: every byte is the generators', so any edit is refused ---
case("input-missing", "lacks 'input'", remove=["input"])
case("input-not-object", "lacks 'input'", set=[["input", "fping"]])
case("generator-other-version", "plan.json was made by 'deroot 0.0.9'", set=[["generator", "deroot 0.0.9"]],
     why="a plan from another Deroot: its generators may write other bytes, so it is made again, never mixed")
case("generator-missing", "plan.json was made by ''", remove=["generator"])
case("generator-control-character", "plan.json was made by 'deroot\\x1b[2J'", set=[["generator", "deroot\u001b[2J"]],
     why="the refusal quotes the value: an escape sequence cannot reach the admin's terminal")
case("plan-compact", PLAN + " from its own input: line 1 is", compact=True,
     why="the same JSON in other bytes: the approval's SHA-256 is over the bytes, which must be the generators'")
case("plan-crlf", PLAN, raw_replace=["\n", "\r\n"])
case("plan-extra-newline", PLAN, raw_replace=["\n}\n", "\n}\n\n"])
case("plan-trailing-space", PLAN, raw_replace=["\"schema\": \"deroot.plan/2\"", "\"schema\":  \"deroot.plan/2\""])
case("unknown-top-level-key", PLAN, set=[["run_as_root", True]])
case("validations-not-array", "validations must be an array", set=[["validations", "all ok"]])
case("effective-privilege-not-object", "effective_privilege must be an object", set=[["effective_privilege", []]])
# The summary (agent, method, program, service_user, capabilities) is for readers: it must say
# what the input says, or the admin would review one plan and approve another.
case("summary-agent-other", PLAN, set=[["agent", "fping"]])
case("summary-agent-missing", PLAN, remove=["agent"])
case("summary-agent-number", PLAN, set=[["agent", 5]])
case("summary-method", PLAN, set=[["method", "sudo"]])
case("summary-service-user-root", PLAN, set=[["service_user", "root"]])
case("summary-program-path", PLAN, set=[["program/path", "/usr/bin/python3.13"]])
case("summary-program-sha256", PLAN, set=[["program/sha256", "0" * 64]])
case("summary-program-unknown-key", PLAN, set=[["program/setuid", True]])
case("summary-capabilities-more", PLAN, set=[["capabilities", ["CAP_NET_RAW", "CAP_SYS_ADMIN"]]])
case("summary-capabilities-none", PLAN, set=[["capabilities", []]],
     why="a summary that shows no capability while the input grants one")
case("summary-conflicts-removed", PLAN, remove=["conflicts"])
# The operations: what the helper does comes from the regenerated artifacts, never from here.
case("operations-missing", PLAN, remove=["operations"])
case("operations-empty", PLAN, set=[["operations", []]])
case("operations-too-many", PLAN, set=[["operations", [{}] * 40]])
case("operation-not-object", PLAN, set=[["operations/0", "useradd"]])
case("operation-appended", PLAN, set=[["operations/-", {"op": "run", "program": "/bin/sh", "file": "useradd.sh"}]])
case("op-shell", PLAN, set=[["operations/2/op", "sh"]])
case("op-delete", PLAN, set=[["operations/2/op", "delete_file"]])
case("run-instead-of-write", PLAN, set=[["operations/2/op", "run"]])
case("run-other-program", PLAN, set=[["operations/0/program", "/bin/sh"]])
case("artifact-unknown", PLAN, set=[["operations/2/artifact", "shell"]])
case("artifact-repeated", PLAN, set=[["operations/3/artifact", "unit"]])
case("unit-and-drop-in", PLAN, set=[["operations/3/artifact", "dropin"]])
case("export-only-in-caps-plan", PLAN, set=[["operations/3/artifact", "compose"]])
case("unknown-operation-key", PLAN, set=[["operations/2/exec", "/bin/sh"]])
case("no-useradd", "the request lacks the file 'useradd.sh'", remove=["operations/0"], files={"useradd.sh": None})
case("path-traversal", PLAN, set=[["operations/2/path", "/etc/systemd/system/../../shadow"]])
case("path-cron", PLAN, set=[["operations/2/path", "/etc/cron.d/deroot-capsagent.service"]])
case("path-passwd", PLAN, set=[["operations/2/path", "/etc/passwd"]])
case("path-vendor-units", PLAN, set=[["operations/2/path", "/lib/systemd/system/" + UNIT]])
case("path-other-unit", PLAN, set=[["operations/2/path", "/etc/systemd/system/ssh.service"]])
case("path-sysusers-other", PLAN, set=[["operations/1/path", "/etc/sysusers.d/root.conf"]])
case("path-sudoers-with-dot", PLAN, base="sudo", set=[["operations/2/path", "/etc/sudoers.d/deroot-sudoagent.bak"]],
     why="sudo ignores a name with a dot: a file it silently skips")
case("path-sudoers-main-file", PLAN, base="sudo", set=[["operations/2/path", "/etc/sudoers"]])
case("drop-in-other-unit", PLAN,
     set=[["operations/2/artifact", "dropin"], ["operations/2/path", "/etc/systemd/system/ssh.service.d/deroot.conf"]])
case("drop-in-template", PLAN,
     set=[["operations/2/artifact", "dropin"], ["operations/2/path", "/etc/systemd/system/getty@.service.d/deroot.conf"]])
case("owner-not-root", PLAN, set=[["operations/2/owner", "nobody"]])
case("group-not-root", PLAN, set=[["operations/2/group", "adm"]])
case("mode-world-writable", PLAN, set=[["operations/2/mode", "0666"]])
case("mode-setuid", PLAN, set=[["operations/2/mode", "4755"]])
case("sudoers-mode-readable", PLAN, base="sudo", set=[["operations/2/mode", "0644"]])
case("content-hash-changed", PLAN, set=[["operations/2/content_sha256", "0" * 64]])
case("purpose-changed", PLAN, set=[["operations/0/purpose", "Creates a user."]],
     why="the purpose is what the admin reads about a step")
case("file-name-traversal", PLAN, set=[["operations/2/file", "../" + UNIT]])

# --- the request's files ---
case("file-missing", "the request lacks the file '%s'" % UNIT, files={UNIT: None})
case("file-extra", "the request's file 'extra.sh' is named by no operation", files={"extra.sh": "rm -rf /\n"})
case("file-extra-rehashed", "the request's file 'extra.sh' is named by no operation", rehash=True,
     files={"extra.sh": "rm -rf /\n"})
case("file-name-traversal-in-request", "the request's file '../evil' is named by no operation", files={"../evil": "x"})
case("file-name-hidden", "the request's file '.evil' is named by no operation", files={".evil": "x"})
case("file-name-newline", "the request's file 'a\\nb' is named by no operation", files={"a\nb": "x"})
case("files-too-many", "more than the", files={"f%02d" % i: "x" for i in range(40)})
case("file-too-big", FILE(UNIT), pad={UNIT: 1024 * 1024 + 1})
case("content-changed-after-review",
     FILE(UNIT) + ": line 15 is 'User=root' where Deroot's generators write 'User=deroot-capsagent'",
     replace=[[UNIT, "User=deroot-capsagent", "User=root"]],
     why="the refusal names the file and its first differing line, with both texts")
case("file-truncated", FILE(UNIT) + ": line 46 is (nothing: the file ends) where Deroot's generators write '[Install]'",
     replace=[[UNIT, "\n[Install]\nWantedBy=multi-user.target\n", ""]])
case("file-emptied", FILE("useradd.sh"), files={"useradd.sh": ""}, rehash=True)
edit("command-header-changed", FILE("useradd.sh"), replace=[["useradd.sh", "set -e", "set +e"]])

# --- sudoers: text Deroot never writes ---
S = dict(base="sudo")
edit("sudoers-all-all", FILE(SUDOERS), append={SUDOERS: "ALL ALL=(ALL) NOPASSWD: ALL\n"}, **S)
edit("sudoers-include", FILE(SUDOERS), append={SUDOERS: "#include /tmp/evil\n"}, **S)
edit("sudoers-includedir", FILE(SUDOERS), append={SUDOERS: "@includedir /tmp\n"}, **S)
edit("sudoers-defaults", FILE(SUDOERS), append={SUDOERS: "Defaults !env_reset\n"}, **S)
edit("sudoers-comment-continued", FILE(SUDOERS), append={SUDOERS: "# harmless \\\n"}, **S)
edit("sudoers-shell-allowed", FILE(SUDOERS), replace=[[SUDOERS, "= /usr/bin/id -u", "= /bin/bash -u"]], **S)
edit("sudoers-editor-allowed", FILE(SUDOERS), replace=[[SUDOERS, "= /usr/bin/id -u", "= /usr/bin/vi -u"]], **S)
edit("sudoers-rule-for-root", FILE(SUDOERS),
     replace=[[SUDOERS, "deroot-sudoagent ALL=(root)", "root ALL=(root)"]], **S)
edit("sudoers-runas-all", FILE(SUDOERS), replace=[[SUDOERS, "ALL=(root)", "ALL=(ALL)"]], **S)
edit("sudoers-wildcard-argument", FILE(SUDOERS), replace=[[SUDOERS, "/usr/bin/id -u", "/usr/bin/id *"]], **S)
edit("sudoers-no-rule", FILE(SUDOERS),
     replace=[[SUDOERS, "deroot-sudoagent ALL=(root) NOPASSWD: NOEXEC: DEROOT_SUDOAGENT_1", "# none"]], **S)
edit("sudoers-carriage-return", FILE(SUDOERS), replace=[[SUDOERS, "# Regenerate", "#\r Regenerate"]], **S)
edit("sudoers-syntax-error", FILE(SUDOERS), append={SUDOERS: "deroot-sudoagent ALL=(root NOPASSWD: ALL\n"}, **S,
     why="a file visudo -cf would refuse: refused before visudo runs")
edit("sudoers-setenv-tag", FILE(SUDOERS), replace=[[SUDOERS, "NOPASSWD: NOEXEC:", "NOPASSWD: SETENV:"]], **S)
edit("sudoers-exec-tag", FILE(SUDOERS), replace=[[SUDOERS, "NOPASSWD: NOEXEC:", "NOPASSWD: EXEC:"]], **S)

# --- units: every route by which an edited unit could grant more, as hand edits of the generated unit ---
# Keys outside their section: systemd ignores User= in [Unit] or an [X-...] section, so the
# service would run as root while a line-based reader sees User=.
edit("unit-user-moved-to-unit-section", FILE(UNIT),
     replace=[[UNIT, USER_GROUP, ""], [UNIT, "[Unit]\n", "[Unit]\n" + USER_GROUP]],
     why="User= and Group= moved to [Unit], where systemd ignores them: the agent would run as root")
edit("unit-user-moved-to-x-section", FILE(UNIT),
     replace=[[UNIT, USER_GROUP, ""]], append={UNIT: "\n[X-Deroot]\n" + USER_GROUP})
edit("unit-user-moved-to-install-section", FILE(UNIT),
     replace=[[UNIT, USER_GROUP, ""], [UNIT, "[Install]\n", "[Install]\n" + USER_GROUP]])
edit("unit-second-service-section", FILE(UNIT), append={UNIT: "\n[Service]\nUser=root\n"},
     why="a second [Service] section later in the file overrides User=")
edit("unit-user-lower-case-key", FILE(UNIT), replace=[[UNIT, USER_GROUP, "user=deroot-capsagent\n"]],
     why="keys are case-sensitive: 'user=' is an unknown key, so no User= is in effect")
# ExecStart: lone ';' separates commands; '\;' is an escaped one; every prefix changes how it runs.
unit_edit("exec-start-lone-semicolon", EXEC, EXEC[:-1] + " ; +/bin/sh -c id\n",
          why="a lone ';' starts a second command, here with '+': full privileges")
unit_edit("exec-start-lone-semicolon-at-end", EXEC, EXEC[:-1] + " ;\n")
unit_edit("exec-start-escaped-semicolon", EXEC, EXEC[:-1] + " \\; /bin/sh\n")
unit_edit("exec-start-semicolon-without-space", EXEC, EXEC[:-1] + ";/bin/sh\n")
for prefix, label in [("+", "plus"), ("!", "bang"), ("!!", "double-bang"), ("-", "minus"), ("@", "at"),
                      (":", "colon"), ("|", "pipe"), ("-+", "minus-plus"), ("@+", "at-plus"), ("+@!-:", "all")]:
    unit_edit("exec-start-prefix-" + label, "ExecStart=" + PROG, "ExecStart=" + prefix + PROG,
              why="ExecStart=%s: a prefix systemd reads before the program" % prefix)
unit_edit("exec-start-other-program", "ExecStart=" + PROG, "ExecStart=/bin/sh")
unit_add("exec-start-twice", "ExecStart=/bin/sh\n")
unit_add("exec-start-reset-and-other", "ExecStart=\nExecStart=/bin/sh\n", section=EXEC)
unit_edit("exec-start-continued", EXEC, EXEC[:-1] + " \\\n", why="a final backslash swallows User= into the command")
unit_edit("unit-line-continuation", "NoNewPrivileges=yes", "NoNewPrivileges=yes \\")
unit_edit("unit-escape-sequence", "Description=", "Description=\u001b[2J")
unit_add("unit-not-key-value", "rm -rf /\n")
unit_edit("unit-type-oneshot", "Type=simple", "Type=oneshot",
          why="oneshot allows several ExecStart= commands and ';'")
# Standard input and output to a file: PID 1 opens it as root before dropping privileges.
for stream in ["StandardInput", "StandardOutput", "StandardError"]:
    for kind in ["file", "append", "truncate"]:
        unit_add("%s-%s" % (stream.lower(), kind), "%s=%s:/etc/deroot-owned\n" % (stream, kind),
                 why="%s=%s: opened by PID 1 as root" % (stream, kind))
unit_add("standardinput-socket", "StandardInput=socket\n")
# Every key that grants privilege or undoes the sandbox.
unit_edit("ambient-capabilities-more", "AmbientCapabilities=CAP_NET_RAW", "AmbientCapabilities=CAP_NET_RAW CAP_SYS_ADMIN",
          why="a capability the plan does not list; the post-apply check took its expectation from this text")
unit_edit("ambient-capabilities-lower-case", "AmbientCapabilities=CAP_NET_RAW",
          "AmbientCapabilities=cap_net_raw cap_sys_admin", why="systemd reads capability names in any case")
unit_edit("ambient-capabilities-all", "AmbientCapabilities=CAP_NET_RAW", "AmbientCapabilities=~")
unit_add("ambient-capabilities-second-line", "AmbientCapabilities=CAP_SYS_ADMIN\n",
         section="AmbientCapabilities=CAP_NET_RAW\n", why="a list key appends: a second line adds")
unit_edit("ambient-capabilities-setuid", "AmbientCapabilities=CAP_NET_RAW", "AmbientCapabilities=CAP_NET_RAW CAP_SETUID",
          why="a root-equivalent capability the prompt would not show, added to the unit by hand")
unit_edit("bounding-set-more", "CapabilityBoundingSet=CAP_NET_RAW", "CapabilityBoundingSet=CAP_NET_RAW CAP_SYS_ADMIN")
unit_edit("bounding-set-removed", "CapabilityBoundingSet=CAP_NET_RAW\n", "")
unit_add("supplementary-groups-shadow", "SupplementaryGroups=shadow\n")
unit_add("supplementary-groups-sudo", "SupplementaryGroups=sudo\n")
unit_edit("unit-user-root", "User=deroot-capsagent", "User=root")
unit_edit("unit-user-uid-zero", "User=deroot-capsagent", "User=0")
unit_edit("unit-no-user", "User=deroot-capsagent\n", "")
unit_edit("unit-group-root", "Group=deroot-capsagent", "Group=root")
unit_edit("unit-group-disk", "Group=deroot-capsagent", "Group=disk")
unit_add("unit-dynamic-user", "DynamicUser=yes\n")
unit_edit("no-new-privileges-no", "NoNewPrivileges=yes", "NoNewPrivileges=no")
unit_add("secure-bits", "SecureBits=keep-caps noroot-locked\n")
unit_add("pam-name", "PAMName=login\n")
unit_add("root-directory", "RootDirectory=/tmp\n")
unit_add("root-image", "RootImage=/tmp/evil.raw\n")
unit_add("bind-paths", "BindPaths=/tmp/evil:/usr/local/bin\n")
unit_add("bind-read-only-paths", "BindReadOnlyPaths=/tmp/sudoers:/etc/sudoers\n")
unit_add("read-write-paths-etc", "ReadWritePaths=/etc\n")
unit_edit("protect-system-off", "ProtectSystem=strict", "ProtectSystem=no")
unit_add("load-credential", "LoadCredential=shadow:/etc/shadow\n")
unit_add("load-credential-encrypted", "LoadCredentialEncrypted=key:/etc/ssh/ssh_host_ed25519_key\n")
unit_add("set-credential", "SetCredential=token:secret\n")
unit_add("import-credential", "ImportCredential=*\n")
unit_add("on-failure", "OnFailure=rescue.service\n", section="[Unit]\n")
unit_add("on-success", "OnSuccess=evil.service\n", section="[Unit]\n")
unit_add("conflicts-with-sshd", "Conflicts=ssh.service\n", section="[Unit]\n", why="starting the agent stops sshd")
unit_add("alias-of-another-unit", "Alias=dbus.service\n", section="[Install]\n")
unit_add("required-by", "RequiredBy=sysinit.target\n", section="[Install]\n")
for key in ["ExecStartPre", "ExecStartPost", "ExecCondition", "ExecReload", "ExecStop", "ExecStopPost"]:
    unit_add(key.lower(), "%s=+/bin/sh -c id\n" % key)
unit_add("permissions-start-only", "PermissionsStartOnly=yes\n")
unit_add("keyring-mode-shared", "KeyringMode=shared\n")
unit_add("delegate", "Delegate=yes\n")
unit_add("umask-zero", "UMask=0000\n", section="UMask=0077\n")
unit_edit("memory-deny-write-execute-off", "MemoryDenyWriteExecute=yes", "MemoryDenyWriteExecute=no")
unit_edit("system-call-filter-removed", "SystemCallFilter=~@privileged\n", "")
unit_edit("limits-removed", "CPUQuota=50%\nMemoryMax=512M\nTasksMax=256\n", "")
# The environment: a preload, a file the agent's user can write, variables passed in from PID 1.
unit_add("environment-ld-preload", "Environment=LD_PRELOAD=/tmp/evil.so\n")
unit_add("environment-ld-library-path", "Environment=\"LD_LIBRARY_PATH=/tmp\"\n")
unit_add("environment-path-tmp", "Environment=\"PATH=/tmp:/usr/bin\"\n")
unit_add("environment-file", "EnvironmentFile=/tmp/agent.env\n")
unit_add("environment-file-optional", "EnvironmentFile=-/home/alice/agent.env\n")
unit_add("pass-environment", "PassEnvironment=LD_PRELOAD\n")
unit_add("unset-environment", "UnsetEnvironment=PATH\n")
# Tried again: systemd's own search path for the programs the unit names (systemd 250).
unit_add("exec-search-path", "ExecSearchPath=/tmp\n")

# --- the other files: each is the generators' or nothing ---
edit("useradd-smuggled-command", FILE("useradd.sh"),
     replace=[["useradd.sh", "deroot-capsagent\n", "deroot-capsagent; rm -rf /\n"]])
edit("useradd-uid-zero", FILE("useradd.sh"), replace=[["useradd.sh", "--system", "--system --uid 0"]])
edit("useradd-non-unique", FILE("useradd.sh"), replace=[["useradd.sh", "--system", "--system -o"]])
edit("useradd-second-line", FILE("useradd.sh"), append={"useradd.sh": "id\n"})
edit("useradd-group-root", FILE("useradd.sh"), replace=[["useradd.sh", "--user-group", "-g root"]])
edit("useradd-group-sudo", FILE("useradd.sh"), replace=[["useradd.sh", "--user-group", "--user-group -G sudo"]])
edit("useradd-group-docker", FILE("useradd.sh"), replace=[["useradd.sh", "--user-group", "--user-group -G docker"]])
edit("useradd-primary-group-lxd", FILE("useradd.sh"), replace=[["useradd.sh", "--user-group", "-g lxd"]])
edit("useradd-group-disk", FILE("useradd.sh"), base="sudo", replace=[["useradd.sh", "-G adm", "-G adm,disk"]])
edit("useradd-home-root", FILE("useradd.sh"), replace=[["useradd.sh", "/nonexistent", "/root"]])
edit("useradd-shell-bash", FILE("useradd.sh"), replace=[["useradd.sh", "/usr/sbin/nologin", "/bin/bash"]])
C = dict(base="setcap")
edit("setcap-other-program", FILE("setcap.sh"), replace=[["setcap.sh", "+ep " + PROG, "+ep /usr/bin/python3"]], **C)
edit("setcap-more-capabilities", FILE("setcap.sh"),
     replace=[["setcap.sh", "cap_net_raw+ep", "cap_net_raw,cap_sys_admin+ep"]], **C)
edit("setcap-inheritable", FILE("setcap.sh"), replace=[["setcap.sh", "cap_net_raw+ep", "cap_net_raw+eip"]], **C)
edit("setcap-second-command", FILE("setcap.sh"), append={"setcap.sh": "setcap cap_sys_admin+ep /bin/sh\n"}, **C)
# sysusers.d can create any account at the next boot.
edit("sysusers-other-user", FILE(SYSUSERS), append={SYSUSERS: "u evil - - /root /bin/bash\n"})
edit("sysusers-uid-zero", FILE(SYSUSERS), replace=[[SYSUSERS, "u deroot-capsagent -", "u deroot-capsagent 0"]])
edit("sysusers-member-of-root", FILE(SYSUSERS), append={SYSUSERS: "m deroot-capsagent root\n"})
edit("sysusers-home-and-shell", FILE(SYSUSERS), replace=[[SYSUSERS, "/nonexistent /usr/sbin/nologin", "/root /bin/bash"]],
     why="a u line may carry any home and shell")
edit("apparmor-unconfined", FILE("deroot-capsagent.apparmor"), append={"deroot-capsagent.apparmor": "capability,\n"})
edit("container-privileged", FILE("docker-run.sh"), base="container",
     replace=[["docker-run.sh", "docker run", "docker run --privileged"]])


# --- the typed input: refused by its reader, the validation or the grant rules, before any file
# is generated. `set` changes the input only; the files then are not the input's either. ---
def inp(name, expect, base="caps", **mutations):
    case("input-" + name, expect, base, **mutations)


def field(name, path, value, expect, base="caps", why=None):
    extra = {"why": why} if why else {}
    inp(name, expect, base, set=[["input/" + path, value]], **extra)


# Identity.
field("agent-upper-case", "agent", "Capsagent", INPUT + "agent id 'Capsagent'")
field("agent-traversal", "agent", "../../etc", INPUT + "agent id '../../etc'")
field("agent-newline", "agent", "caps\nagent", INPUT + "agent id 'caps\\nagent'")
field("agent-too-long", "agent", "a" * 40, INPUT + "agent id")
field("agent-empty", "agent", "", INPUT + "agent id ''")
field("agent-homoglyph", "agent", "\u0441apsagent", INPUT + "agent id", why="a Cyrillic letter that looks like c")
field("agent-number", "agent", 5, "plan.json: input.agent must be a string")
field("agent-other", "agent", "fping", FILE("useradd.sh"),
      why="another valid agent name: the files are the input's, so the old ones no longer match")
field("catalog-id-traversal", "catalog_id", "../x", INPUT + "catalog id '../x'")
field("description-newline", "description", "a\nExecStartPre=+/bin/sh", INPUT + "description 'a\\nExecStartPre=+/bin/sh'")
field("description-too-long", "description", "d" * 201, INPUT + "description")
field("method-unknown", "method", "root", "plan.json: input.method is 'root', none of sudo, caps, container")
field("method-number", "method", 1, "plan.json: input.method must be a string")
field("method-container", "method", "container", INPUT + "The container image is empty",
      why="a capabilities plan turned into a container one has no image, which no container plan may lack")
field("method-caps-from-container", "method", "caps", "the request lacks the file 'useradd.sh'", base="container")
field("method-sudo-without-commands", "method", "sudo", INPUT + "the sudo method needs at least one command")
# The service user and its primary group.
field("service-user-root", "service_user", "root", INPUT + "service user 'root'")
field("service-user-daemon", "service_user", "daemon", INPUT + "service user 'daemon'")
field("service-user-upper-case", "service_user", "Admin", INPUT + "service user 'Admin'")
field("service-user-sudoers-text", "service_user", "x ALL=(ALL) NOPASSWD: ALL", INPUT + "service user",
      why="sudoers text smuggled through the user name")
field("service-user-newline", "service_user", "agent\nALL ALL=(ALL) ALL", INPUT + "service user 'agent\\nALL ALL=(ALL) ALL'")
field("service-user-empty", "service_user", "", INPUT + "service user ''")
field("service-user-too-long", "service_user", "a" * 32, INPUT + "service user")
field("service-user-array", "service_user", ["root"], "plan.json: input.service_user must be a string")
field("service-user-rtl-override", "service_user", "agent\u202e", INPUT + "service user 'agent\\u202e'")
field("service-user-other", "service_user", "other-agent", FILE("useradd.sh"))
for group in ["lxd", "libvirt", "incus-admin", "kmem", "staff"]:
    field("primary-group-" + group, "service_group", group,
          INPUT + "the service group '%s' is a group whose members are as good as root" % group,
          why="useradd -g %s: the agent's primary group gives root" % group)
for group in ["docker", "disk", "sudo", "root", "shadow", "wheel", "adm"]:
    field("primary-group-" + group, "service_group", group,
          INPUT + "service group '%s' is not a valid group name for an agent" % group,
          why="useradd -g %s: a reserved group is never an agent's own" % group)
field("primary-group-via-user-name", "service_user", "lxd",
      INPUT + "the service group 'lxd' is a group whose members are as good as root",
      why="no service_group: the user's own group of the same name, lxd, would be the primary group")
field("primary-group-invalid", "service_group", "Evil Group", INPUT + "service group 'Evil Group'")
# Supplementary groups: the sudo groups never, root-equivalent ones only with the privileged approval.
for group in ["sudo", "wheel", "admin", "root"]:
    field("supplementary-group-" + group, "supplementary_groups", ["adm", group],
          INPUT + "the supplementary group '%s' gives sudo or root itself" % group, base="sudo")
field("supplementary-group-invalid", "supplementary_groups", ["adm,sudo"], INPUT + "supplementary group 'adm,sudo'")
field("supplementary-group-number", "supplementary_groups", [4], "plan.json: input.supplementary_groups[0] must be a string")
field("supplementary-group-shadow", "supplementary_groups", ["shadow"], FILE("useradd.sh"),
      why="a root-equivalent group is a valid input (with the privileged approval), but not these files' input")
# The program.
field("program-relative", "program/path", "usr/bin/true", INPUT + "program 'usr/bin/true'")
field("program-traversal", "program/path", "/usr/bin/../../etc/shadow", INPUT + "program '/usr/bin/../../etc/shadow'")
field("program-space", "program/path", "/usr/bin/a b", INPUT + "program '/usr/bin/a b'")
field("program-newline", "program/path", "/usr/bin/a\n/bin/sh", INPUT + "program '/usr/bin/a\\n/bin/sh'")
field("program-semicolon", "program/path", "/usr/bin/a;sh", INPUT + "program '/usr/bin/a;sh'")
field("program-plus-prefix", "program/path", "+" + PROG, INPUT + "program '+%s'" % PROG,
      why="ExecStart='s '+' prefix through the program's path")
field("program-backslash", "program/path", PROG + "\\", INPUT + "program")
field("program-other", "program/path", "/usr/bin/python3.13", FILE("deroot-capsagent.service"),
      why="another program under systemd is a valid input, but not these files' input")
field("program-sha-short", "program/sha256", "abc", INPUT + "the program's SHA-256 'abc'")
field("program-sha-upper-case", "program/sha256", "A" * 64, INPUT + "the program's SHA-256")
field("program-sha-empty", "program/sha256", "", "input.program.sha256 is empty")
field("program-sha-number", "program/sha256", 1, "plan.json: input.program.sha256 must be a string")
field("program-is-script-string", "program/is_script", "no", "plan.json: input.program.is_script must be true or false")
field("program-package-shell", "program/package", "fping;id", INPUT + "package 'fping;id'")
field("program-not-object", "program", PROG, "plan.json: input.program must be an object")
field("program-null", "program", None, "plan.json: input.program must be an object")
field("arguments-string", "program/arguments", "infinity", "plan.json: input.program.arguments must be an array")
field("arguments-number", "program/arguments", [1], "plan.json: input.program.arguments[0] must be a string")
field("arguments-quote", "program/arguments", ["a\"; id"], INPUT + "argument 'a\"; id'")
field("arguments-backslash", "program/arguments", ["a\\"], INPUT + "argument 'a\\\\'",
      why="a final backslash would continue the ExecStart= line onto User=")
field("arguments-specifier", "program/arguments", ["%h"], INPUT + "argument '%h'")
field("arguments-newline", "program/arguments", ["a\nUser=root"], INPUT + "argument 'a\\nUser=root'")
field("arguments-too-many", "program/arguments", ["a"] * 129, "plan.json: input.program.arguments has 129 entries")
field("arguments-lone-semicolon", "program/arguments", ["infinity", ";", "+/bin/sh"], FILE(UNIT),
      why="a valid input: the generator quotes ';', so it is an argument and never a second command")
# Capabilities: canonical names only, each once.
field("capability-lower-case", "capabilities", ["cap_net_raw"],
      "plan.json: input.capabilities[0] is 'cap_net_raw', not a capability this version knows (CAP_..., upper case)")
field("capability-mixed-case", "capabilities", ["Cap_Net_Raw"], "input.capabilities[0] is 'Cap_Net_Raw', not a capability")
field("capability-lower-case-second", "capabilities", ["CAP_NET_RAW", "cap_sys_admin"],
      "input.capabilities[1] is 'cap_sys_admin', not a capability")
field("capability-without-prefix", "capabilities", ["NET_RAW"], "input.capabilities[0] is 'NET_RAW', not a capability")
field("capability-space", "capabilities", [" CAP_NET_RAW"], "input.capabilities[0] is ' CAP_NET_RAW', not a capability")
field("capability-unknown", "capabilities", ["CAP_EVERYTHING"], "input.capabilities[0] is 'CAP_EVERYTHING', not a capability")
field("capability-number-name", "capabilities", ["cap_21"], "input.capabilities[0] is 'cap_21', not a capability")
field("capability-twice", "capabilities", ["CAP_NET_RAW", "CAP_NET_RAW"], "input.capabilities names CAP_NET_RAW twice")
field("capabilities-string", "capabilities", "CAP_SYS_ADMIN", "plan.json: input.capabilities must be an array")
field("capabilities-numbers", "capabilities", [21], "plan.json: input.capabilities[0] must be a string")
field("capability-more", "capabilities", ["CAP_NET_RAW", "CAP_SYS_ADMIN"], FILE(UNIT),
      why="a capability the files do not grant: they are regenerated from the input and differ")
# Sudo commands: dangerous names refused by the shared rules, in any plan that has them.
for path in ["/bin/bash", "/usr/bin/bash", "/bin/sh", "/usr/bin/vi", "/usr/bin/vim.basic", "/usr/bin/python3.13",
             "/usr/bin/python3", "/usr/bin/env", "/usr/bin/find", "/usr/bin/systemctl", "/usr/bin/sudo",
             "/usr/bin/busybox", "/usr/bin/tee", "/usr/bin/nsenter"]:
    field("sudo-command-" + path.strip("/").replace("/", "-"), "sudo_commands/0/path", path,
          INPUT + "sudo command '%s' is refused" % path, base="sudo")
inp("sudo-command-added-to-caps-plan", INPUT + "sudo command '/bin/bash' is refused",
    set=[["input/sudo_commands/-", {"path": "/bin/bash", "arguments": [], "noexec": True, "arguments_unknown": False}]],
    why="a capabilities plan may carry sudo commands too: the same rules")
inp("sudo-command-second", INPUT + "sudo command '/usr/bin/vim' is refused", base="sudo",
    set=[["input/sudo_commands/-", {"path": "/usr/bin/vim", "arguments": ["/etc/shadow"], "noexec": True,
                                    "arguments_unknown": False}]])
field("sudo-command-relative", "sudo_commands/0/path", "bin/sh", INPUT + "sudo command 'bin/sh' must be an absolute",
      base="sudo")
field("sudo-command-traversal", "sudo_commands/0/path", "/usr/bin/../bin/bash",
      INPUT + "sudo command '/usr/bin/../bin/bash' must be an absolute, normalised path", base="sudo")
field("sudo-command-wildcard", "sudo_commands/0/path", "/usr/bin/*", INPUT + "sudo command '/usr/bin/*'", base="sudo")
field("sudo-argument-wildcard", "sudo_commands/0/arguments", ["*"], INPUT + "sudo argument '*'", base="sudo")
field("sudo-argument-empty", "sudo_commands/0/arguments", [""], INPUT + "sudo argument ''", base="sudo")
field("sudo-argument-space", "sudo_commands/0/arguments", ["-u root"], INPUT + "sudo argument '-u root'", base="sudo")
field("sudo-argument-comma", "sudo_commands/0/arguments", ["-u,/bin/sh"], INPUT + "sudo argument '-u,/bin/sh'",
      base="sudo", why="a comma would start a second command in the Cmnd_Alias")
field("sudo-command-not-object", "sudo_commands/0", "/usr/bin/id", "plan.json: input.sudo_commands[0] must be an object",
      base="sudo")
field("sudo-command-noexec-string", "sudo_commands/0/noexec", "no",
      "plan.json: input.sudo_commands[0].noexec must be true or false", base="sudo")
field("sudo-command-unknown-key", "sudo_commands/0/runas", "ALL",
      "plan.json: input.sudo_commands[0] has the unknown key 'runas'", base="sudo")
inp("sudo-command-missing-key", "plan.json: input.sudo_commands[0] lacks 'noexec'", base="sudo",
    remove=["input/sudo_commands/0/noexec"])
field("sudo-command-exec", "sudo_commands/0/noexec", False, FILE(SUDOERS), base="sudo",
      why="EXEC instead of NOEXEC is a valid input, but not this file's")
field("sudo-commands-too-many", "sudo_commands", [{}] * 65, "plan.json: input.sudo_commands has 65 entries", base="sudo")
# File capabilities on an interpreter act for every script any user runs with it.
for path in ["/usr/bin/python3.13", "/usr/bin/python3", "/bin/bash", "/bin/sh", "/usr/bin/perl", "/usr/bin/perl5.40.1",
             "/usr/bin/node", "/usr/bin/busybox", "/usr/bin/gdb", "/usr/bin/ruby3.3"]:
    field("setcap-interpreter-" + path.strip("/").replace("/", "-"), "program/path", path,
          INPUT + "file capabilities on '%s' are refused" % path, base="setcap")
inp("setcap-interpreter-from-caps-plan", INPUT + "file capabilities on '/usr/bin/python3.13' are refused",
    set=[["input/program/path", "/usr/bin/python3.13"], ["input/unit/runs_under_systemd", False]],
    why="a unit plan switched to file capabilities on python")
# Units: the plan's own or a drop-in for an existing one; never a template or another kind.
for unit in ["ssh.service", "sshd.service", "dbus.service", "systemd-logind.service"]:
    field("drop-in-for-" + unit.split(".")[0], "unit/existing", unit, "the request lacks the file 'deroot.conf'",
          why="a drop-in for %s: these files are not that plan's" % unit)
for unit, label in [("getty@.service", "template"), ("getty@tty1.service", "template-instance"),
                    ("../ssh.service", "traversal"), ("ssh.socket", "socket"), ("-ssh.service", "dash"),
                    ("ssh", "no-suffix"), ("ssh.service/../x.service", "slash")]:
    field("unit-name-" + label, "unit/existing", unit, INPUT + "unit '%s' is not a valid service unit name" % unit)
field("vendor-line-without-unit", "unit/vendor_exec_start", PROG, INPUT + "vendor command line '%s' is given without" % PROG)
inp("vendor-line-other-program", INPUT + "vendor command line '/bin/sh -c id' does not start the program",
    set=[["input/unit/existing", "capsagent.service"], ["input/unit/vendor_exec_start", "/bin/sh -c id"]])
inp("vendor-line-newline", INPUT + "vendor command line", set=[
    ["input/unit/existing", "capsagent.service"], ["input/unit/vendor_exec_start", PROG + "\nUser=root"]])
# A vendor line is written into the drop-in as the input has it, when arguments are added: a
# lone ';' there would start a second command ('+': as root) in a oneshot unit, and a final
# backslash would continue ExecStart= onto the drop-in's User= line. The generators refuse such
# input now, so each plan is made as its author would have made it with the generators before:
# `regenerate` with a harmless vendor line, then the drop-in and the input carry the hostile one,
# every hash recomputed (byte for byte what those generators wrote).
VENDOR = [["input/unit/existing", "capsagent.service"], ["input/unit/vendor_exec_start", PROG + " --run"]]


def vendor_line(name, rest, expect, why=None):
    extra = {"why": why} if why else {}
    shown = (PROG + " --run" + rest).replace("\\", "\\\\")
    inp(name, INPUT + "vendor command line '%s' %s" % (shown, expect), regenerate=VENDOR, rehash=True,
        replace=[["deroot.conf", "ExecStart=%s infinity --run\n" % PROG, "ExecStart=%s infinity --run%s\n" % (PROG, rest)]],
        set=[["input/unit/vendor_exec_start", PROG + " --run" + rest]], **extra)


vendor_line("vendor-line-lone-semicolon", " ; +/bin/sh -c id", "must be one command",
            why="a second command after a lone ';' in the vendor line, '+': as root")
vendor_line("vendor-line-lone-semicolon-at-end", " ;", "must be one command")
vendor_line("vendor-line-trailing-backslash", " \\", "must be one command: no lone ';' and no final backslash",
            why="a final backslash continues the drop-in's ExecStart= onto User=, so the vendor's user (root) stays")
# Unknown and missing keys, wrong types.
field("unknown-key", "run_as_root", True, "plan.json: input has the unknown key 'run_as_root'")
field("program-unknown-key", "program/setuid", True, "plan.json: input.program has the unknown key 'setuid'")
field("unit-unknown-key", "unit/user", "root", "plan.json: input.unit has the unknown key 'user'")
field("limits-unknown-key", "limits/nice", -20, "plan.json: input.limits has the unknown key 'nice'")
field("listen-port-unknown-key", "listen_ports", [{"protocol": "tcp", "port": 9100, "address": "0.0.0.0"}],
      "plan.json: input.listen_ports[0] has the unknown key 'address'")
inp("missing-key", "plan.json: input lacks 'capabilities'", remove=["input/capabilities"])
inp("program-missing-key", "plan.json: input.program lacks 'sha256'", remove=["input/program/sha256"])
inp("limits-missing-key", "plan.json: input.limits lacks 'tasks_max'", remove=["input/limits/tasks_max"])
field("unit-not-object", "unit", "ssh.service", "plan.json: input.unit must be an object")
field("runs-under-systemd-null", "unit/runs_under_systemd", None, "plan.json: input.unit.runs_under_systemd must be true or false")
field("limits-not-object", "limits", "none", "plan.json: input.limits must be an object")
field("limits-enabled-number", "limits/enabled", 0, "plan.json: input.limits.enabled must be true or false")
field("jit-runtime-string", "jit_runtime", "false", "plan.json: input.jit_runtime must be true or false")
field("read-paths-string", "read_paths", "/etc", "plan.json: input.read_paths must be an array")
field("devices-null", "devices", [None], "plan.json: input.devices[0] must be a string")
field("description-number", "description", 1, "plan.json: input.description must be a string")
field("listen-port-not-object", "listen_ports", ["9100"], "plan.json: input.listen_ports[0] must be an object")
# Out of range.
for port, label in [(0, "zero"), (65536, "too-big"), (-1, "negative"), (80.5, "fraction"), (1e300, "huge"),
                    ("80", "string"), (True, "bool")]:
    field("listen-port-" + label, "listen_ports", [{"protocol": "tcp", "port": port}],
          "plan.json: input.listen_ports[0].port must be a whole number from 1 to 65535")
field("listen-protocol-sctp", "listen_ports", [{"protocol": "sctp", "port": 9100}], INPUT + "protocol 'sctp' is neither")
field("limits-cpu-zero", "limits/cpu_quota_percent", 0, INPUT + "resource limits 'CPU 0%, memory 512 MiB, tasks 256'")
field("limits-cpu-too-big", "limits/cpu_quota_percent", 102401,
      "plan.json: input.limits.cpu_quota_percent must be a whole number from 0 to 102400")
field("limits-memory-small", "limits/memory_max_mib", 15, INPUT + "resource limits")
field("limits-memory-huge", "limits/memory_max_mib", 1e10, "input.limits.memory_max_mib must be a whole number")
field("limits-tasks-small", "limits/tasks_max", 3, INPUT + "resource limits")
field("limits-tasks-negative", "limits/tasks_max", -1, "input.limits.tasks_max must be a whole number from 0")
field("limits-disabled", "limits/enabled", False, FILE(UNIT),
      why="limits switched off is a valid input, but these files carry them")
# Paths, devices, address families, images.
field("read-path-relative", "read_paths", ["etc"], INPUT + "path 'etc'")
field("read-path-traversal", "read_paths", ["/var/../root"], INPUT + "path '/var/../root'")
field("write-path-space", "write_paths", ["/var/lib/a b"], INPUT + "path '/var/lib/a b'")
field("write-path-glob", "write_paths", ["/etc/*"], INPUT + "path '/etc/*'")
field("device-not-under-dev", "devices", ["/etc/shadow"], INPUT + "device '/etc/shadow' is not under /dev")
field("address-family-unknown", "address_families", ["AF_UNMX"], INPUT + "address family 'AF_UNMX'")
field("container-image-space", "container_image", "evil image", INPUT + "container image 'evil image'", base="container")
field("strings-too-long", "read_paths", ["/" + "a" * 4096], "plan.json: input.read_paths[0] is 4097 characters long")
field("too-many-paths", "read_paths", ["/var"] * 65, "plan.json: input.read_paths has 65 entries")


# --- the system's state: refused by the engine's preflight, which the parser cannot see ---
def system(name, expect, setup, base="caps", **more):
    case(name, expect, base=base, setup=setup, **more)


system("symlink-etc", "symlink", [{"rename": ["etc", "real-etc"]}, {"symlink": ["etc", "real-etc"]}])
system("symlink-usr", "symlink", [{"rename": ["usr", "real-usr"]}, {"symlink": ["usr", "real-usr"]}])
system("symlink-usr-local", "symlink", [{"rename": ["usr/local", "usr/real-local"]}, {"symlink": ["usr/local", "real-local"]}])
system("symlink-at-sysusers-target", "not a regular file",
       [{"symlink": ["etc/sysusers.d/deroot-capsagent.conf", "/etc/shadow"]}])
system("hard-link-at-sysusers-target", "hard link", [{"hardlink": ["etc/shadow", "etc/sysusers.d/deroot-capsagent.conf"]}])
system("symlink-sudoers-d-for-visudo", "symlink", [{"symlink": ["etc/sudoers.d/deroot-sudoagent", "README"]}],
       base="sudo", why="a relative symlink at the target name inside sudoers.d")
system("symlink-sudoers-d", "symlink", [{"symlink": ["etc/sudoers.d", "/tmp"]}], base="sudo")
system("symlink-etc-systemd", "symlink", [{"symlink": ["etc/systemd", "/tmp"]}])
system("symlink-etc-systemd-system", "symlink", [{"symlink": ["etc/systemd/system", "/tmp"]}])
system("symlink-sysusers-d", "symlink", [{"symlink": ["etc/sysusers.d", "/tmp"]}])
system("symlink-at-unit-target", "not a regular file", [{"symlink": ["etc/systemd/system/" + UNIT, "/etc/shadow"]}])
system("symlink-at-sudoers-target", "not a regular file", [{"symlink": ["etc/sudoers.d/deroot-sudoagent", "/etc/shadow"]}],
       base="sudo")
system("hard-link-at-sudoers-target", "hard link", [{"hardlink": ["etc/passwd", "etc/sudoers.d/deroot-sudoagent"]}],
       base="sudo")
system("hard-link-at-unit-target", "hard link", [{"hardlink": ["etc/passwd", "etc/systemd/system/" + UNIT]}])
system("unit-target-is-directory", "not a regular file", [{"mkdir": "etc/systemd/system/" + UNIT}])
system("sudoers-d-other-writable", "writable", [{"chmod": ["etc/sudoers.d", 0o777]}], base="sudo")
system("systemd-system-not-root-owned", "owned by", [{"chown": ["etc/systemd/system", 65534]}])
system("program-symlink", "symlink", [{"remove": PROG[1:]}, {"symlink": [PROG[1:], "/bin/true"]}])
system("program-folder-symlink", "symlink", [{"rename": ["usr/local/bin", "usr/local/real-bin"]},
                                             {"symlink": ["usr/local/bin", "real-bin"]}])
system("program-swapped", "SHA-256", [{"write": [PROG[1:], "#!/bin/sh\nexec /bin/sh\n", 0o755]}],
       why="the binary was replaced after the admin reviewed it")
system("program-group-writable", "writable", [{"chmod": [PROG[1:], 0o775]}])
system("program-other-writable", "writable", [{"chmod": [PROG[1:], 0o757]}])
system("program-not-root-owned", "owned by", [{"chown": [PROG[1:], 65534]}])
system("program-folder-other-writable", "writable", [{"chmod": ["usr/local/bin", 0o777]}])
system("program-folder-not-root-owned", "owned by", [{"chown": ["usr/local", 65534]}])
system("program-missing", "does not exist", [{"remove": PROG[1:]}])
system("program-is-directory", "not a regular file", [{"remove": PROG[1:]}, {"mkdir": PROG[1:]}])
system("program-is-fifo", "not a regular file", [{"remove": PROG[1:]}, {"fifo": PROG[1:]}])
system("program-hard-linked", "hard link", [{"hardlink": [PROG[1:], "usr/local/agent-copy"]}], base="setcap")
system("user-is-human", "human", [{"passwd": "deroot-capsagent:x:1000:1000::/home/a:/bin/bash"}])
system("user-is-root-uid", "uid 0", [{"passwd": "deroot-capsagent:x:0:0::/root:/bin/bash"}])
system("user-is-nobody-uid", "human", [{"passwd": "deroot-capsagent:x:65534:65534::/nonexistent:/usr/sbin/nologin"}])
system("user-is-static-system-account", "static accounts",
       [{"passwd": "deroot-capsagent:x:33:33:www-data:/var/www:/usr/sbin/nologin"}],
       why="an account of the base system (uid below SYS_UID_MIN): the agent would share its files")
system("user-has-login-shell", "login shell", [{"passwd": "deroot-capsagent:x:990:990::/home/a:/bin/bash"}])
system("supplementary-group-missing", "does not exist", [{"ungroup": "adm"}], base="sudo")
system("group-name-taken-by-human", "human user's group", [{"groupline": "deroot-capsagent:x:1000:"}])
system("sudoers-alias-clash", "visudo", [{"write": ["etc/sudoers.d/other",
                                                    "Cmnd_Alias DEROOT_SUDOAGENT_1 = /usr/bin/true\n", 0o440]}],
       base="sudo", why="valid alone, but the whole configuration with it in place fails visudo -c")

# Sudo commands that only the machine shows to be dangerous, in plans the generators made
# (`regenerate`): a name the dangerous-command list does not hold that leads to vim, a program or
# a directory above it that someone other than root can write, a program that does not exist yet.
TOOL = "usr/local/sbin/agent-tool"
VIM = [{"mkdir": "usr/bin"}, {"write": ["usr/bin/vim.basic", "#!/bin/sh\n# vim\n", 0o755]}]


def sudo_system(name, expect, command, setup, why):
    system(name, expect, setup, base="sudo", pending=PENDING_SUDO, why=why,
           regenerate=[["input/sudo_commands/0/path", command]])


sudo_system("sudo-command-symlink-to-vim", "'/usr/bin/editor'", "/usr/bin/editor",
            VIM + [{"mkdir": "etc/alternatives"}, {"symlink": ["etc/alternatives/editor", "../../usr/bin/vim.basic"]},
                   {"symlink": ["usr/bin/editor", "../../etc/alternatives/editor"]}],
            why="/usr/bin/editor -> /etc/alternatives/editor -> vim.basic: sudo runs vim, which runs a shell")
sudo_system("sudo-command-direct-symlink-to-vim", "'/usr/bin/view-log'", "/usr/bin/view-log",
            VIM + [{"symlink": ["usr/bin/view-log", "vim.basic"]}],
            why="a harmless-looking name that is a symlink to vim")
sudo_system("sudo-command-user-owned", "'/%s'" % TOOL, "/" + TOOL,
            [{"mkdir": "usr/local/sbin"}, {"write": [TOOL, "#!/bin/sh\nid\n", 0o755]}, {"chown": [TOOL, 1000]}],
            why="alice owns the program root runs through sudo: she decides what it does")
sudo_system("sudo-command-world-writable", "'/%s'" % TOOL, "/" + TOOL,
            [{"mkdir": "usr/local/sbin"}, {"write": [TOOL, "#!/bin/sh\nid\n", 0o757]}],
            why="anyone can rewrite the program root runs through sudo")
sudo_system("sudo-command-directory-user-owned", "'/opt/agent/bin/agent-tool'", "/opt/agent/bin/agent-tool",
            [{"mkdir": "opt/agent/bin"}, {"write": ["opt/agent/bin/agent-tool", "#!/bin/sh\nid\n", 0o755]},
             {"chown": ["opt/agent", 1000]}],
            why="alice owns a directory above the program: she can rename bin and put her own in its place")
sudo_system("sudo-command-directory-world-writable", "'/opt/agent/bin/agent-tool'", "/opt/agent/bin/agent-tool",
            [{"mkdir": "opt/agent/bin"}, {"write": ["opt/agent/bin/agent-tool", "#!/bin/sh\nid\n", 0o755]},
             {"chmod": ["opt/agent/bin", 0o777]}],
            why="a world-writable directory holds the program root runs through sudo")
sudo_system("sudo-command-missing", "'/usr/local/sbin/agent-tool'", "/" + TOOL, [{"mkdir": "usr/local/sbin"}],
            why="a path that does not exist yet: whoever creates it first decides what root runs")
# A drop-in is only for the unit of the plan's own program: one for sshd or dbus would replace
# their command line with the plan's program (and stop them).
for unit, program in [("ssh.service", "/usr/sbin/sshd -D"), ("dbus.service", "/usr/bin/dbus-daemon --system")]:
    system("drop-in-for-%s-regenerated" % unit.split(".")[0], "'%s'" % unit,
           [{"mkdir": "usr/lib/systemd/system"},
            {"write": ["usr/lib/systemd/system/" + unit, "[Service]\nExecStart=%s\n" % program, 0o644]}],
           pending=PENDING_DROPIN, regenerate=[["input/unit/existing", unit]],
           why="a drop-in for %s, whose program is not the plan's, in a plan the generators made" % unit)


# --- how the agent is started, and the unit a plan replaces ---
# The switch-over stops and disables an existing unit: only one whose one command is the plan's own
# program, read from systemd (the drop-in's rule), and never the helper's own. Plans the generators
# made (`regenerate`), with the unit installed in the temporary root (`setup`).
SCHED_UNIT = "deroot-schedagent.service"
TIMER = "deroot-schedagent.timer"
VENDOR_DIR = {"mkdir": "usr/lib/systemd/system"}


def replaces(name, unit, expect, text=None, why=None):
    setup = [VENDOR_DIR]
    if text is not None:
        setup.append({"write": ["usr/lib/systemd/system/" + unit, text, 0o644]})
    system("replaces-" + name, expect, setup, regenerate=[["input/unit/replaces", unit]], why=why)


replaces("sshd", "sshd.service", "the unit 'sshd.service' runs '/usr/sbin/sshd', not the plan's program",
         "[Service]\nExecStart=/usr/sbin/sshd -D\n",
         why="a plan that would stop and disable sshd: the admin is locked out at the next login")
replaces("dbus", "dbus.service", "the unit 'dbus.service' runs '/usr/bin/dbus-daemon', not the plan's program",
         "[Service]\nExecStart=/usr/bin/dbus-daemon --system --address=systemd: --nofork\n",
         why="stopping the system bus stops polkit, logind and the helper's own bus")
replaces("another-program", "nginx.service", "the unit 'nginx.service' runs '/usr/sbin/nginx', not the plan's program",
         "[Service]\nExecStart=/usr/sbin/nginx -g 'daemon off;'\n")
replaces("second-command", "vendor-agent.service", "the unit 'vendor-agent.service' that the plan replaces runs 2 commands",
         "[Service]\nType=oneshot\nExecStart=%s\nExecStart=/usr/sbin/sshd -D\n" % PROG,
         why="the plan's program and another: stopping the unit stops the other too")
replaces("unit-not-installed", "vendor-agent.service", "the unit 'vendor-agent.service' that the plan replaces is not loaded")
replaces("the-helper-itself", "deroot-helper.service", "the unit 'deroot-helper.service' that the plan replaces is the helper's own",
         "[Service]\nExecStart=%s\n" % PROG,
         why="even with the plan's program in it: stopping the helper's unit stops the apply")
field("replaces-traversal", "unit/replaces", "../ssh.service", INPUT + "unit '../ssh.service' is not a valid service unit name")
field("replaces-socket", "unit/replaces", "ssh.socket", INPUT + "unit 'ssh.socket' is not a valid service unit name")
field("replaces-itself", "unit/replaces", UNIT, INPUT + "unit '%s' can be replaced only by a new unit" % UNIT)
inp("replaces-with-a-drop-in", INPUT + "unit 'vendor-agent.service' can be replaced only by a new unit",
    set=[["input/unit/existing", "capsagent.service"], ["input/unit/replaces", "vendor-agent.service"]])
field("replaces-without-a-unit", "unit/replaces", "vendor-agent.service",
      INPUT + "unit 'vendor-agent.service' can be replaced only by a new unit", base="setcap",
      why="file capabilities make no unit: the apply would stop the agent and start nothing in its place")

# A scheduled plan: its timer is written like a unit and is what starts, so it is regenerated and
# compared like every other file.
T = dict(base="scheduled")
edit("timer-on-calendar-changed", FILE(TIMER), replace=[[TIMER, "OnCalendar=hourly", "OnCalendar=minutely"]], **T)
edit("timer-unit-other-service", FILE(TIMER), replace=[[TIMER, "Unit=" + SCHED_UNIT, "Unit=ssh.service"]], **T,
     why="a timer that starts another unit than the plan's, as root if that unit says so")
edit("timer-on-boot-added", FILE(TIMER), replace=[[TIMER, "Persistent=yes\n", "Persistent=yes\nOnBootSec=0\n"]], **T)
edit("timer-wanted-by-other-target", FILE(TIMER),
     replace=[[TIMER, "WantedBy=timers.target", "WantedBy=multi-user.target"]], **T)
edit("scheduled-service-restart-always", FILE(SCHED_UNIT),
     replace=[[SCHED_UNIT, "Type=oneshot\n", "Type=oneshot\nRestart=always\n"]], **T,
     why="the crash loop of P2 put back by hand into the oneshot unit")
edit("scheduled-service-type-simple", FILE(SCHED_UNIT), replace=[[SCHED_UNIT, "Type=oneshot", "Type=simple"]], **T)
field("schedule-newline", "start/schedule", "hourly\nUnit=ssh.service",
      INPUT + "schedule 'hourly\\nUnit=ssh.service' is not an OnCalendar= expression", base="scheduled")
field("schedule-other", "start/schedule", "daily", FILE(TIMER), base="scheduled",
      why="another valid schedule is a valid input, but not this timer's")
field("schedule-for-a-service", "start/schedule", "hourly",
      INPUT + "schedule 'hourly' is given for an agent that is not started on a schedule")
field("start-mode-unknown", "start/mode", "cron", "plan.json: input.start.mode is 'cron', none of service, scheduled, called_by")

# A called program: the rule is for an existing agent's account (syslog in the test roots), never
# root, an administrator, a person or a base system account; and the plan holds nothing of a
# service (user, groups, unit, environment) that nothing would grant.
K = dict(base="calledsudo")


def caller(name, user, expect, setup, why=None):
    system("caller-" + name, expect, setup, base="calledsudo", regenerate=[["input/start/caller_user", user]], why=why)


# Stop 20, tried as an attacker: the called program's rule widened by hand and rehashed, to every
# argument (the caller's rule of today may have allowed that; the plan's never does) and to a group.
CALLED_SUDOERS = "deroot-calledsudo.sudoers"
edit("called-sudoers-any-argument", FILE(CALLED_SUDOERS),
     replace=[[CALLED_SUDOERS, "/usr/bin/id -u", "/usr/bin/id"]], **K)
edit("called-sudoers-for-a-group", FILE(CALLED_SUDOERS),
     replace=[[CALLED_SUDOERS, "syslog ALL=", "%adm ALL="]], **K)

caller("missing", "zabbix", "the calling user 'zabbix' does not exist here", [],
       why="the helper creates no user for a called program: the caller must exist")
caller("uid-zero", "toor", "the calling user 'toor' has uid or gid 0", [{"passwd": "toor:x:0:0::/root:/bin/bash"}],
       why="a second name for root")
caller("gid-zero", "backupagent", "the calling user 'backupagent' has uid or gid 0",
       [{"passwd": "backupagent:x:990:0::/nonexistent:/usr/sbin/nologin"}])
caller("in-sudo-group", "opsagent", "the calling user 'opsagent' is in the group 'sudo'",
       [{"passwd": "opsagent:x:990:990::/nonexistent:/usr/sbin/nologin"}, {"groupline": "sudo:x:27:opsagent"}],
       why="an account that may run anything with sudo already: an administrator's, not an agent's")
caller("primary-group-wheel", "opsagent", "the calling user 'opsagent' is in the group 'wheel'",
       [{"passwd": "opsagent:x:990:990::/nonexistent:/usr/sbin/nologin"}, {"groupline": "wheel:x:990:"}])
caller("human", "alice", "the calling user 'alice' has uid 1000, a human user's", [],
       why="sudo would stop asking alice's password for this command")
caller("static-account", "www-data", "the calling user 'www-data' has uid 33, one of the base system's static accounts",
       [{"passwd": "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin"}],
       why="every web application running as www-data would get the rule")
field("caller-root", "start/caller_user", "root", INPUT + "calling user 'root' is not a valid system user name", **K)
field("caller-sudoers-text", "start/caller_user", "ALL", INPUT + "calling user 'ALL' is not a valid system user name", **K,
      why="sudoers' ALL in the user field: the rule for everyone")
field("caller-empty", "start/caller_user", "", INPUT + "a sudo rule for the called program '%s' needs the user that calls it" % PROG,
      **K)
field("caller-for-a-service", "start/caller_user", "zabbix",
      INPUT + "calling user 'zabbix' is given for an agent that is not called by another program")
field("called-by-with-groups", "supplementary_groups", ["adm"],
      INPUT + "a program called by another has no service of its own, so its 'supplementary groups' would never be "
      "granted",
      **K)
field("called-by-with-environment", "program/environment", ["LOG_LEVEL=debug"],
      INPUT + "a program called by another has no service of its own, so its 'environment' would never be granted", **K)
field("called-by-with-environment-file", "program/environment_files", ["/etc/default/agent"],
      "so its 'environment' would never be granted", base="calledcaps")
field("called-by-with-service-user", "service_user", "deroot-calledsudo",
      "so its 'service user' would never be granted", **K)
field("called-by-with-unit", "unit/existing", "ssh.service", "so its 'unit' would never be granted", **K)
field("called-by-with-replaces", "unit/replaces", "vendor-agent.service", "so its 'unit' would never be granted",
      base="calledcaps")
field("called-by-other-caller", "start/caller_user", "nagios", FILE("deroot-calledsudo.sudoers"), **K,
      why="another valid caller is a valid input, but not this rule's")
field("called-by-container", "method", "container", INPUT + "a program called by another ('') cannot be a container",
      base="calledcaps")

# --- tried once more as an attacker: what the agent's environment comes from ---
# PID 1 reads an EnvironmentFile= as root and hands what it says to the agent (LD_PRELOAD, the
# words of $ARGS): a file, or a directory on its way, that anyone but root can change lets them
# choose what the agent loads with its grants. The plans are the generators' own (`regenerate`);
# only the machine shows the file to be weak, so the engine refuses them on its descriptors.
ENVF = "/etc/deroot-agent.env"
ENV_EXPECT = "the environment file '%s'"


def env_system(name, path, setup, why, expect=None):
    shown = path.lstrip("-")
    system("environment-file-" + name, expect or ENV_EXPECT % shown, setup, why=why,
           regenerate=[["input/program/environment_files", [path]]])


env_system("other-writable", ENVF, [{"write": [ENVF[1:], "A=1\n", 0o666]}],
           why="anyone may write LD_PRELOAD= into the file the unit reads")
env_system("group-writable", ENVF, [{"write": [ENVF[1:], "A=1\n", 0o664]}],
           why="the file's group may write it")
env_system("not-root-owned", ENVF, [{"write": [ENVF[1:], "A=1\n", 0o644]}, {"chown": [ENVF[1:], 65534]}],
           why="the file belongs to another account")
env_system("symlink", ENVF, [{"write": ["etc/real.env", "A=1\n", 0o644]}, {"symlink": [ENVF[1:], "real.env"]}],
           why="a symlink: whatever it points to later is what PID 1 reads")
env_system("in-sticky-world-writable-dir", "/var/tmp/deroot-agent.env",
           [{"mkdir": "var/tmp"}, {"chmod": ["var/tmp", 0o1777]},
            {"write": ["var/tmp/deroot-agent.env", "A=1\n", 0o644]}],
           why="a root-owned file in /var/tmp: anyone may remove it and put their own in its place")
env_system("optional-missing-in-world-writable-dir", "-/var/tmp/deroot-agent.env",
           [{"mkdir": "var/tmp"}, {"chmod": ["var/tmp", 0o1777]}],
           why="an optional file that is missing where anyone may create it")
env_system("missing", ENVF, [{"mkdir": "etc"}], why="a required file that does not exist: the agent would not start",
           expect="the environment file '%s' does not exist" % ENVF)
# The settings themselves: the loader's and the interpreters' variables load code.
for name, setting in [("glibc-tunables", "GLIBC_TUNABLES=glibc.rtld.nns=1"),
                      ("java-tool-options", "JAVA_TOOL_OPTIONS=-javaagent:/tmp/a.jar"),
                      ("openssl-conf", "OPENSSL_CONF=/tmp/engine.cnf"),
                      ("ld-audit", "LD_AUDIT=/tmp/a.so")]:
    field("environment-" + name, "program/environment", [setting],
          INPUT + "environment setting '%s' would make the program load code from elsewhere" % setting)

# Tried once more as an attacker: the agent's ambient capabilities pass to every program it runs,
# and PATH picks those programs by name; an empty entry is the working directory.
for name, setting in [("path-tmp", "PATH=/tmp:/usr/bin"),
                      ("path-empty-entry", "PATH=:/usr/bin"),
                      ("path-relative", "PATH=bin:/usr/bin"),
                      ("path-home", "PATH=/usr/bin:/home/alice/bin"),
                      # Tried again: a system folder's name that leaves it, and a trailing empty entry.
                      ("path-dot-dot", "PATH=/usr/bin/../../tmp"),
                      ("path-trailing-empty", "PATH=/usr/bin:")]:
    field("environment-" + name, "program/environment", [setting],
          INPUT + "environment setting '%s' would run programs from outside the system's folders" % setting)
for name, setting in [("locpath", "LOCPATH=/tmp"), ("nlspath", "NLSPATH=/tmp/messages")]:
    field("environment-" + name, "program/environment", [setting],
          INPUT + "environment setting '%s' would make the program load code from elsewhere" % setting)

for entry in cases:
    if entry[1].get("pending") is None:
        entry[1].pop("pending", None)


def write(directory):
    """Writes every case into @p directory as NAME.json, after removing every other *.json there."""
    for old in glob.glob(os.path.join(directory, "*.json")):
        os.remove(old)
    for name, entry in cases:
        with open(os.path.join(directory, name + ".json"), "w", encoding="utf-8") as out:
            json.dump(entry, out, indent=1, ensure_ascii=True)
            out.write("\n")


def check():
    """Regenerates into a temporary folder and compares it with the committed corpus: a case whose
    file differs, a case without a file, and a file no case makes any more (an orphan, which would
    otherwise run forever with its old expectation) are each a failure. Returns the exit code."""
    with tempfile.TemporaryDirectory() as scratch:
        write(scratch)
        made = {os.path.basename(p) for p in glob.glob(os.path.join(scratch, "*.json"))}
        committed = {os.path.basename(p) for p in glob.glob(os.path.join(here, "*.json"))}
        problems = []
        for name in sorted(made - committed):
            problems.append("missing: %s (the script makes it, the folder lacks it)" % name)
        for name in sorted(committed - made):
            problems.append("orphan: %s (no case of the script makes it)" % name)
        for name in sorted(made & committed):
            with open(os.path.join(scratch, name), "rb") as a, open(os.path.join(here, name), "rb") as b:
                if a.read() != b.read():
                    problems.append("differs: %s (not what the script makes now)" % name)
    for problem in problems:
        print("tests/data/plans/" + problem, file=sys.stderr)
    if problems:
        print("the committed corpus is not what the script makes (%d problems): run "
              "tests/data/plans/make-corpus.py and commit the result" % len(problems), file=sys.stderr)
        return 1
    print(len(cases), "cases match the committed corpus", file=sys.stderr)
    return 0


def main():
    parser = argparse.ArgumentParser(description="Writes the hostile apply requests of tests/data/plans.")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; fail if the committed files differ from what the script makes")
    if parser.parse_args().check:
        return check()
    write(here)
    print(len(cases), "cases,", sum(1 for _, e in cases if "pending" in e), "pending", file=sys.stderr)
    return 0


sys.exit(main())
