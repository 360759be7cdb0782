#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# Writes the hostile apply requests of this folder, one JSON file each (format: README.md). Run it
# after changing a case here and commit the files with it: the corpus is data the tests read.
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
cases = []
PROG = "/usr/local/bin/deroot-test-agent"
UNIT = "deroot-capsagent.service"
SUDOERS = "deroot-sudoagent.sudoers"


def case(name, expect, base="caps", **mutations):
    entry = {"description": mutations.pop("why", name.replace("-", " ")), "base": base, "expect": expect}
    entry.update(mutations)
    cases.append((name, entry))


# --- JSON itself ---
case("schema-missing", "lacks 'schema'", remove=["schema"])
case("schema-other-version", "accepts only", set=[["schema", "deroot.plan/2"]])
case("schema-number", "must be a string", set=[["schema", 1]])
case("not-json", "not valid JSON", raw="{")
case("empty-bytes", "not valid JSON", raw="")
case("top-level-array", "must hold one JSON object", raw="[]")
case("top-level-string", "not valid JSON", raw="\"plan\"")
case("invalid-utf8", "not valid UTF-8", raw="{\"schema\": \"\\xff\"}")
case("nul-byte", "not valid UTF-8", raw="{\"schema\": \"a\u0000\"}")
case("huge-plan", "more than the", raw="{\"pad\": \"@\"}", repeat=300000, unit="A",
     why="a plan.json over 256 KiB is refused before it is parsed")
case("deeply-nested-arrays", "nested deeper than", raw="{\"schema\": \"deroot.plan/1\", \"x\": @1%}",
     repeat=20, unit="[", close="]")
case("deeply-nested-objects", "nested deeper than", raw="{\"x\": @1%}", repeat=20, unit="{\"a\": ", close="}")
case("nesting-beyond-the-json-reader", "plan.json", raw="@%", repeat=5000, unit="[", close="]",
     why="5000 levels: Qt's reader refuses it, and nothing recurses that deep")
case("duplicate-key", "appears twice",
     raw_replace=["\"agent\": \"capsagent\"", "\"agent\": \"capsagent\", \"agent\": \"other\""],
     why="a reader sees the first key, Qt the last: the admin and the helper would disagree")
case("duplicate-key-escaped", "appears twice",
     raw_replace=["\"agent\": \"capsagent\"", "\"agent\": \"capsagent\", \"\\u0061gent\": \"other\""])
case("duplicate-path-in-operation", "appears twice",
     raw_replace=["\"path\": \"/etc/systemd/system/deroot-capsagent.service\"",
                  "\"path\": \"/etc/systemd/system/deroot-capsagent.service\", \"path\": \"/etc/shadow\""])
case("unknown-top-level-key", "unknown key", set=[["run_as_root", True]])
case("unknown-operation-key", "unknown key", set=[["operations/2/exec", "/bin/sh"]])
case("program-not-object", "program must be an object", set=[["program", "/usr/bin/true"]])
case("program-unknown-key", "unknown key", set=[["program/setuid", True]])
case("program-null", "program must be an object", set=[["program", None]])

# --- identity ---
case("agent-missing", "lacks 'agent'", remove=["agent"])
case("agent-upper-case", "agent id", set=[["agent", "Capsagent"]])
case("agent-traversal", "agent id", set=[["agent", "../../etc"]])
case("agent-newline", "agent 'caps\\nagent'", set=[["agent", "caps\nagent"]])
case("agent-too-long", "agent id", set=[["agent", "a" * 40]])
case("agent-number", "must be a string", set=[["agent", 5]])
case("agent-homoglyph", "agent id", set=[["agent", "\u0441apsagent"]], why="a Cyrillic letter that looks like c")
case("method-unknown", "none of sudo", set=[["method", "root"]])
case("method-container-with-a-unit", "does not belong", set=[["method", "container"]])
case("method-caps-with-docker", "does not belong", base="container", set=[["method", "caps"]])
case("service-user-root", "service user 'root'", set=[["service_user", "root"]])
case("service-user-daemon", "service user 'daemon'", set=[["service_user", "daemon"]])
case("service-user-upper-case", "service user", set=[["service_user", "Admin"]])
case("service-user-sudoers-text", "service user", set=[["service_user", "x ALL=(ALL) NOPASSWD: ALL"]],
     why="sudoers text smuggled through the user name")
case("service-user-newline", "service_user 'agent\\nALL", set=[["service_user", "agent\nALL ALL=(ALL) ALL"]])
case("service-user-empty", "service user", set=[["service_user", ""]])
case("service-user-array", "must be a string", set=[["service_user", ["root"]]])
case("service-user-rtl-override", "service_user 'agent\\u202e'", set=[["service_user", "agent\u202e"]])
case("service-user-differs-from-useradd", "useradd.sh creates", set=[["service_user", "other-agent"]])
case("program-relative", "program.path", set=[["program/path", "usr/bin/true"]])
case("program-traversal", "program.path", set=[["program/path", "/usr/bin/../../etc/shadow"]])
case("program-space", "program.path", set=[["program/path", "/usr/bin/a b"]])
case("program-newline", "program.path", set=[["program/path", "/usr/bin/a\n/bin/sh"]])
case("program-shell-characters", "program.path", set=[["program/path", "/usr/bin/a;sh"]])
case("program-sha-short", "program.sha256", set=[["program/sha256", "abc"]])
case("program-sha-upper-case", "program.sha256", set=[["program/sha256", "A" * 64]])
case("program-sha-number", "must be a string", set=[["program/sha256", 1]])
case("capability-unknown", "not a capability", set=[["capabilities", ["CAP_EVERYTHING"]]])
case("capability-lower-case", "not a capability", set=[["capabilities", ["cap_net_raw"]]])
case("capability-twice", "listed twice", set=[["capabilities", ["CAP_NET_RAW", "CAP_NET_RAW"]]])
case("capabilities-string", "capabilities must be an array", set=[["capabilities", "CAP_SYS_ADMIN"]])
case("capabilities-numbers", "must hold strings", set=[["capabilities", [21]]])
case("generator-control-character", "one printable line", set=[["generator", "deroot\u001b[2J"]])
case("package-too-long", "one printable line", set=[["program/package", "p" * 200]])

# --- operations ---
case("operations-missing", "operations must be an array", remove=["operations"])
case("operations-empty", "between 1 and", set=[["operations", []]])
case("operations-too-many", "between 1 and", set=[["operations", [{}] * 40]])
case("operation-not-object", "must be an object", set=[["operations/0", "useradd"]])
case("op-unknown", "knows only write_file and run", set=[["operations/2/op", "exec"]])
case("op-shell", "knows only write_file and run", set=[["operations/2/op", "sh"]])
case("op-delete", "knows only write_file and run", set=[["operations/2/op", "delete_file"]])
case("op-number", "must be a string", set=[["operations/2/op", 1]])
case("artifact-unknown", "does not know", set=[["operations/2/artifact", "shell"]])
case("artifact-validator-object", "must be a string", set=[["operations/2/validator", {"cmd": "sh"}]])
case("run-instead-of-write", "unknown key", set=[["operations/2/op", "run"]])
case("run-other-program", "runs only", set=[["operations/0/program", "/bin/sh"]])
case("run-program-missing", "lacks 'program'", remove=["operations/0/program"])
case("artifact-repeated", "repeats the artifact", set=[["operations/3/artifact", "unit"]])
case("unit-and-drop-in", "repeats the artifact", set=[["operations/3/artifact", "dropin"]])
case("export-only-in-caps-plan", "does not belong", set=[["operations/3/artifact", "compose"]])
case("no-useradd", "must create its service user", remove=["operations/0"], files={"useradd.sh": None})

# --- destinations ---
case("path-traversal", "normalised", set=[["operations/2/path", "/etc/systemd/system/../../shadow"]])
case("path-dot-component", "normalised", set=[["operations/2/path", "/etc/systemd/system/./" + UNIT]])
case("path-double-slash", "normalised", set=[["operations/2/path", "/etc/systemd/system//" + UNIT]])
case("path-relative", "normalised", set=[["operations/2/path", "etc/systemd/system/" + UNIT]])
case("path-cron", "is not where", set=[["operations/2/path", "/etc/cron.d/deroot-capsagent.service"]])
case("path-passwd", "is not where", set=[["operations/2/path", "/etc/passwd"]])
case("path-vendor-units", "is not where", set=[["operations/2/path", "/lib/systemd/system/" + UNIT]])
case("path-other-unit", "is not where", set=[["operations/2/path", "/etc/systemd/system/ssh.service"]])
case("path-unit-in-subfolder", "is not where", set=[["operations/2/path", "/etc/systemd/system/x/" + UNIT]])
case("path-sysusers-other", "is not where", set=[["operations/1/path", "/etc/sysusers.d/root.conf"]])
case("path-sudoers-with-dot", "is not where", base="sudo",
     set=[["operations/2/path", "/etc/sudoers.d/deroot-sudoagent.bak"]],
     why="sudo ignores a name with a dot: a file it silently skips")
case("path-sudoers-tilde", "is not where", base="sudo", set=[["operations/2/path", "/etc/sudoers.d/deroot-sudoagent~"]])
case("path-sudoers-main-file", "is not where", base="sudo", set=[["operations/2/path", "/etc/sudoers"]])
case("path-sudoers-subfolder", "is not where", base="sudo",
     set=[["operations/2/path", "/etc/sudoers.d/x/deroot-sudoagent"]])
case("path-sudoers-other-name", "is not where", base="sudo", set=[["operations/2/path", "/etc/sudoers.d/admins"]])
case("drop-in-traversal", "normalised",
     set=[["operations/2/artifact", "dropin"], ["operations/2/path", "/etc/systemd/system/../x.service.d/deroot.conf"]])
case("drop-in-other-file-name", "is not where",
     set=[["operations/2/artifact", "dropin"], ["operations/2/path", "/etc/systemd/system/x.service.d/evil.conf"]])
case("drop-in-template", "is not where",
     set=[["operations/2/artifact", "dropin"], ["operations/2/path", "/etc/systemd/system/getty@.service.d/deroot.conf"]])
case("owner-not-root", "owned by root only", set=[["operations/2/owner", "nobody"]])
case("group-not-root", "owned by root only", set=[["operations/2/group", "adm"]])
case("mode-world-writable", "mode is", set=[["operations/2/mode", "0666"]])
case("mode-setuid", "mode is", set=[["operations/2/mode", "4755"]])
case("mode-trailing-space", "mode is", set=[["operations/2/mode", "0644 "]])
case("mode-number", "must be a string", set=[["operations/2/mode", 420]])
case("sudoers-mode-readable", "mode is", base="sudo", set=[["operations/2/mode", "0644"]])

# --- the request's files ---
case("file-name-traversal", "export names", set=[["operations/2/file", "../" + UNIT]])
case("file-missing", "lacks the file", files={UNIT: None})
case("file-extra", "named by no operation", files={"extra.sh": "rm -rf /\n"})
case("file-name-traversal-in-request", "not a plain file name", files={"../evil": "x"})
case("file-name-hidden", "not a plain file name", files={".evil": "x"})
case("file-name-newline", "not a plain file name", files={"a\nb": "x"})
case("files-too-many", "more than the", files={"f%02d" % i: "x" for i in range(40)})
case("file-too-big", "bytes, more than", pad={UNIT: 1024 * 1024 + 1})
case("content-changed-after-review", "does not match its SHA-256",
     replace=[[UNIT, "User=deroot-capsagent", "User=root"]])
case("content-hash-changed", "does not match its SHA-256", set=[["operations/2/content_sha256", "0" * 64]])
case("content-hash-not-hex", "not 64", set=[["operations/2/content_sha256", "xyz"]])
case("content-hash-null", "must be a string", set=[["operations/2/content_sha256", None]])
case("purpose-newline", "one printable line", set=[["operations/0/purpose", "a\nb"]])
case("purpose-changed", "not the command file", set=[["operations/0/purpose", "Creates a user."]])
case("command-header-changed", "not the command file", replace=[["useradd.sh", "set -e", "set +e"]], rehash=True)

# --- sudoers: text the helper never writes, even hashed by the plan's author ---
S = dict(base="sudo", rehash=True)
case("sudoers-all-all", "neither a comment", append={SUDOERS: "ALL ALL=(ALL) NOPASSWD: ALL\n"}, **S)
case("sudoers-include", "neither a comment", append={SUDOERS: "#include /tmp/evil\n"}, **S)
case("sudoers-includedir", "neither a comment", append={SUDOERS: "@includedir /tmp\n"}, **S)
case("sudoers-defaults", "neither a comment", append={SUDOERS: "Defaults !env_reset\n"}, **S)
case("sudoers-comment-continued", "continues onto", append={SUDOERS: "# harmless \\\n"}, **S)
case("sudoers-shell-allowed", "through sudo", replace=[[SUDOERS, "= /usr/bin/id -u", "= /bin/bash -u"]], **S)
case("sudoers-editor-allowed", "through sudo", replace=[[SUDOERS, "= /usr/bin/id -u", "= /usr/bin/vi -u"]], **S)
case("sudoers-rule-for-root", "neither a comment",
     replace=[[SUDOERS, "deroot-sudoagent ALL=(root)", "root ALL=(root)"]], **S)
case("sudoers-runas-all", "neither a comment", replace=[[SUDOERS, "ALL=(root)", "ALL=(ALL)"]], **S)
case("sudoers-wildcard-argument", "neither a comment", replace=[[SUDOERS, "/usr/bin/id -u", "/usr/bin/id *"]], **S)
case("sudoers-other-alias-prefix", "neither a comment", replace=[[SUDOERS, "DEROOT_SUDOAGENT_1", "DEROOT_OTHER_1"]],
     **S)
case("sudoers-undefined-alias", "undefined alias",
     replace=[[SUDOERS, "NOEXEC: DEROOT_SUDOAGENT_1", "NOEXEC: DEROOT_SUDOAGENT_2"]], **S)
case("sudoers-no-rule", "grants nothing",
     replace=[[SUDOERS, "deroot-sudoagent ALL=(root) NOPASSWD: NOEXEC: DEROOT_SUDOAGENT_1", "# none"]], **S)
case("sudoers-carriage-return", "neither a comment", replace=[[SUDOERS, "# Regenerate", "#\r Regenerate"]], **S)
case("sudoers-syntax-error", "neither a comment", append={SUDOERS: "deroot-sudoagent ALL=(root NOPASSWD: ALL\n"},
     **S, why="a file visudo -cf would refuse: refused before visudo runs")
case("sudoers-alias-twice", "twice",
     append={SUDOERS: "Cmnd_Alias DEROOT_SUDOAGENT_1 = /usr/bin/id -g\n"}, **S)
case("sudoers-setenv-tag", "neither a comment", replace=[[SUDOERS, "NOPASSWD: NOEXEC:", "NOPASSWD: SETENV:"]], **S)

# --- units ---
U = dict(rehash=True)
case("unit-user-root", "not as the plan's user", replace=[[UNIT, "User=deroot-capsagent", "User=root"]], **U)
case("unit-no-user", "not as the plan's user", replace=[[UNIT, "User=deroot-capsagent\n", ""]], **U)
case("unit-group-root", "with the group", replace=[[UNIT, "Group=deroot-capsagent", "Group=root"]], **U)
case("unit-exec-start-pre", "never writes", replace=[[UNIT, "[Service]\n", "[Service]\nExecStartPre=/bin/sh -c id\n"]],
     **U)
case("unit-exec-stop-post", "never writes", replace=[[UNIT, "[Service]\n", "[Service]\nExecStopPost=/bin/sh\n"]], **U)
case("unit-exec-reload", "never writes", replace=[[UNIT, "[Service]\n", "[Service]\nExecReload=/bin/sh\n"]], **U)
case("unit-permissions-start-only", "never writes",
     replace=[[UNIT, "[Service]\n", "[Service]\nPermissionsStartOnly=yes\n"]], **U)
case("unit-dynamic-user", "never writes", replace=[[UNIT, "[Service]\n", "[Service]\nDynamicUser=yes\n"]], **U)
case("unit-root-directory", "never writes", replace=[[UNIT, "[Service]\n", "[Service]\nRootDirectory=/tmp\n"]], **U)
case("unit-exec-start-plus", "exactly one program",
     replace=[[UNIT, "ExecStart=/usr/local", "ExecStart=+/usr/local"]], **U, why="'+' runs ExecStart as root")
case("unit-exec-start-other", "exactly one program",
     replace=[[UNIT, "ExecStart=/usr/local/bin/deroot-test-agent", "ExecStart=/bin/sh"]], **U)
case("unit-two-exec-starts", "exactly one program", replace=[[UNIT, "[Service]\n", "[Service]\nExecStart=/bin/sh\n"]],
     **U)
case("unit-line-continuation", "continues onto", replace=[[UNIT, "NoNewPrivileges=yes", "NoNewPrivileges=yes \\"]], **U)
case("unit-escape-sequence", "control character", replace=[[UNIT, "Description=", "Description=\u001b[2J"]], **U)
case("unit-not-key-value", "not KEY=VALUE", replace=[[UNIT, "[Service]\n", "[Service]\nrm -rf /\n"]], **U)

# --- commands: mapped to typed steps, never run ---
case("useradd-smuggled-command", "not the useradd line",
     replace=[["useradd.sh", "deroot-capsagent\n", "deroot-capsagent; rm -rf /\n"]], **U)
case("useradd-uid-zero", "not the useradd line", replace=[["useradd.sh", "--system", "--system --uid 0"]], **U)
case("useradd-non-unique", "not the useradd line", replace=[["useradd.sh", "--system", "--system -o"]], **U)
case("useradd-second-line", "not the useradd line", append={"useradd.sh": "id\n"}, **U)
case("useradd-group-root", "does not create", replace=[["useradd.sh", "--user-group", "-g root"]], **U)
case("useradd-group-sudo", "as good as root", replace=[["useradd.sh", "--user-group", "--user-group -G sudo"]], **U)
case("useradd-group-docker", "as good as root", replace=[["useradd.sh", "--user-group", "--user-group -G docker"]],
     **U)
case("useradd-group-disk", "as good as root", base="sudo", replace=[["useradd.sh", "-G adm", "-G adm,disk"]],
     rehash=True)
case("useradd-group-twice", "twice", base="sudo", replace=[["useradd.sh", "-G adm", "-G adm,adm"]], rehash=True)
case("useradd-home-root", "not the useradd line", replace=[["useradd.sh", "/nonexistent", "/root"]], **U)
case("useradd-shell-bash", "not the useradd line", replace=[["useradd.sh", "/usr/sbin/nologin", "/bin/bash"]], **U)
C = dict(base="setcap", rehash=True)
case("setcap-other-program", "the plan's program", replace=[["setcap.sh", "+ep " + PROG, "+ep /usr/bin/python3"]], **C)
case("setcap-more-capabilities", "the plan's program",
     replace=[["setcap.sh", "cap_net_raw+ep", "cap_net_raw,cap_sys_admin+ep"]], **C)
case("setcap-inheritable", "the plan's program", replace=[["setcap.sh", "cap_net_raw+ep", "cap_net_raw+eip"]], **C)
case("setcap-second-command", "second command", append={"setcap.sh": "setcap cap_sys_admin+ep /bin/sh\n"}, **C)
case("setcap-plan-program-differs", "the plan's program", base="setcap", set=[["program/path", "/usr/bin/other"]])
case("setcap-no-capabilities", "the plan's program", base="setcap", set=[["capabilities", []]])
# --- sysusers.d can create any account at the next boot ---
case("sysusers-other-user", "not about the plan's user", append={"deroot-capsagent.conf": "u evil - - /root /bin/bash\n"},
     **U)
case("sysusers-uid-zero", "not about the plan's user",
     replace=[["deroot-capsagent.conf", "u deroot-capsagent -", "u deroot-capsagent 0"]], **U)
case("sysusers-member-of-root", "not about the plan's user",
     append={"deroot-capsagent.conf": "m deroot-capsagent root\n"}, **U)

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

for name, entry in cases:
    with open(os.path.join(here, name + ".json"), "w", encoding="utf-8") as out:
        json.dump(entry, out, indent=1, ensure_ascii=True)
        out.write("\n")
print(len(cases), "cases", file=sys.stderr)
