#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# Holds Deroot's JSON documents to their schemas in docs/schemas (JSON Schema draft 2020-12).
#
#   schemas.py committed SOURCE_DIR                    the files in the repository
#   schemas.py cli SOURCE_DIR --derootctl DEROOTCTL    what the built derootctl writes
#   schemas.py host SOURCE_DIR --derootctl DEROOTCTL   the same for units, in the test host
#   schemas.py documents SOURCE_DIR --schema NAME FILE...  given documents (a host test's output)
#
# "committed" validates the agent catalog (resources/agents/*.json) and plan.json of the plan
# fuzzer's valid seeds (tests/fuzz/corpus/plan/valid-*: what the generators write, kept current by
# applyrequest_test). The hostile corpus tests/data/plans is left alone: its cases describe
# refused requests, not plans. "cli" runs derootctl inspect, recommend, audit, fleet, generate and
# observe --replay (of tests/data/observe) on
# programs of the build root and a process of its own, and validates their JSON and plan.json,
# and the error document of failing commands. "host" runs in the test host, where systemd runs:
# inspect and recommend of installed agents' and system units and of their main processes, so the
# unit section is validated too (the build root has no systemd), and fails if none had one, and
# derootctl observe of a real agent by both mechanisms.
#
# Either fails when a schema is not a valid draft 2020-12 schema, when a document does not
# validate, when a schema it checks found no document at all (a lint that checked nothing), or
# when a schema accepts a valid document with an unknown key added (the formats are closed).
import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import jsonschema
    from referencing import Registry, Resource
except ImportError as error:
    sys.exit(f"schemas.py: {error}: install python3-jsonschema (Debian) to run this lint")

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def ecma_pattern(pattern):
    """The pattern with ECMA-262's '$' (the end of the string) where Python's would also match
    before a final newline: every '$' outside a character class becomes '\\Z'."""
    out, in_class, i = [], False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "$":
            c = r"\Z"
        out.append(c)
        i += 1
    return "".join(out)


_compiled = {}


def pattern_keyword(validator, pattern, instance, schema):
    if not validator.is_type(instance, "string"):
        return
    if pattern not in _compiled:
        _compiled[pattern] = re.compile(ecma_pattern(pattern))
    if not _compiled[pattern].search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": pattern_keyword})


class Lint:
    def __init__(self, source):
        self.source = Path(source)
        self.failures = 0
        self.schemas = {}
        for path in sorted((self.source / "docs/schemas").glob("*.schema.json")):
            schema = self.load(path)
            if schema is None:
                continue
            if schema.get("$schema") != DRAFT:
                self.fail(f"{path.name}: $schema is not {DRAFT}")
            try:
                jsonschema.Draft202012Validator.check_schema(schema)
            except jsonschema.SchemaError as error:
                self.fail(f"{path.name} is not a valid schema: {error.message} (at {'/'.join(map(str, error.path))})")
                continue
            self.schemas[path.name] = schema
        self.registry = Registry().with_resources(
            (schema["$id"], Resource.from_contents(schema)) for schema in self.schemas.values() if "$id" in schema
        )
        self.counts = {}
        self.invalid = {}
        self.first = {}

    def fail(self, message):
        print(f"FAIL: {message}")
        self.failures += 1

    def load(self, path, data=None):
        try:
            return json.loads(path.read_bytes() if data is None else data)
        except (OSError, ValueError) as error:
            self.fail(f"{path}: cannot be read as JSON: {error}")
            return None

    def validator(self, name):
        return Validator(self.schemas[name], registry=self.registry)

    def check(self, name, label, document):
        if name not in self.schemas:
            if name not in self.invalid:
                self.fail(f"docs/schemas/{name} is missing or not a valid schema: nothing is validated against it")
                self.invalid[name] = 0
            return
        try:
            errors = sorted(self.validator(name).iter_errors(document), key=lambda e: list(e.absolute_path))
        except Exception as error:  # an unresolvable $ref, a pattern that is no regular expression
            self.fail(f"{label}: {name} cannot be applied: {type(error).__name__}: {error}")
            errors = [None]
        for error in [e for e in errors if e is not None][:10]:
            where = "/".join(map(str, error.absolute_path)) or "(top)"
            self.fail(f"{label} against {name}: at {where}: {error.message[:300]}")
        if len(errors) > 10:
            self.fail(f"{label}: {len(errors) - 10} more errors")
        self.counts[name] = self.counts.get(name, 0) + 1
        if errors:
            self.invalid[name] = self.invalid.get(name, 0) + 1
        else:
            self.first.setdefault(name, document)

    def finish(self, expected):
        for name in expected:
            count = self.counts.get(name, 0)
            if count == 0:
                if name in self.schemas:
                    self.fail(f"{name}: no document found to validate")
                continue
            # Closed formats: an unknown key must be refused, or the schema checks less than it says.
            if name in self.first:
                probe = dict(self.first[name])
                probe["deroot_lint_unknown_key"] = True
                if self.validator(name).is_valid(probe):
                    self.fail(f"{name} accepts a document with an unknown top-level key")
            print(f"{name}: {count} documents, {count - self.invalid.get(name, 0)} valid")
        print(f"{len(self.schemas)} schemas in docs/schemas valid under draft 2020-12")
        if self.failures:
            print(f"{self.failures} failures")
        return 1 if self.failures else 0


def committed(lint):
    for path in sorted((lint.source / "resources/agents").glob("*.json")):
        document = lint.load(path)
        if document is not None:
            lint.check("catalog.schema.json", str(path.relative_to(lint.source)), document)
    # A seed is plan.json, then "\0\0", then the request's files (tests/fuzz/plan_fuzzer.cpp).
    for path in sorted((lint.source / "tests/fuzz/corpus/plan").glob("valid-*")):
        plan = path.read_bytes().split(b"\0\0", 1)[0]
        document = lint.load(path, plan)
        if document is not None:
            lint.check("plan.schema.json", f"{path.relative_to(lint.source)} (its plan.json)", document)
    return lint.finish(["catalog.schema.json", "plan.schema.json"])


def cli(lint, derootctl, work):
    def run(label, *arguments, expect=0):
        result = subprocess.run([derootctl, *arguments], capture_output=True, cwd=work, timeout=120)
        if result.returncode != expect:
            lint.fail(f"{label}: derootctl {' '.join(arguments)} exited {result.returncode}, not {expect}: "
                      f"{result.stderr.decode(errors='replace').strip()[:300]}")
            return None
        return lint.load(Path(label), result.stdout) if "--json" in arguments else result

    programs = [p for p in ["/usr/bin/fping", "/usr/sbin/chronyd", "/usr/bin/prometheus-node-exporter",
                            "/usr/sbin/smartctl", "/usr/bin/sudo", "/usr/bin/tcpdump", "/usr/bin/ping"]
                if os.path.exists(p)]
    script = Path(work) / "agent.sh"
    script.write_text("#!/bin/sh -e\nexec sleep 1\n")
    script.chmod(0o755)
    for target in programs + [str(script)]:
        for command in ("inspect", "recommend"):
            document = run(f"{command} {target}", command, "--json", target)
            if document is not None:
                lint.check(f"{command}.schema.json", f"derootctl {command} --json {target}", document)
    for options in (["--environment", "container", "--trust", "untrusted"], ["--systemd", "no", "--start", "called-by"],
                    ["--environment", "legacy", "--start", "scheduled"]):
        document = run("recommend", "recommend", "--json", *options, "/usr/bin/fping")
        if document is not None:
            lint.check("recommend.schema.json", f"derootctl recommend --json {' '.join(options)}", document)

    # A process of this lint's own, as inspect --pid sees it: a listening TCP socket, a bound UDP
    # socket (on the loopback address, on ports the kernel picks) and, as root, a file only root
    # may read.
    private = "/etc/shadow" if os.access("/etc/shadow", os.R_OK) else os.devnull
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp, \
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp, open(private, "rb"):
        tcp.bind(("127.0.0.1", 0))
        tcp.listen()
        udp.bind(("127.0.0.1", 0))
        for command in ("inspect", "recommend"):
            document = run(f"{command} --pid", command, "--json", "--pid", str(os.getpid()))
            if document is not None:
                lint.check(f"{command}.schema.json", f"derootctl {command} --json --pid {os.getpid()}", document)

    document = run("audit", "audit", "--json")
    if document is not None:
        lint.check("audit.schema.json", "derootctl audit --json", document)
        # The fleet merge of that audit under two host names, with a broken file left out.
        fleet = Path(work) / "fleet"
        fleet.mkdir()
        for host in ("alpha", "beta"):
            (fleet / f"{host}.json").write_text(json.dumps(document))
        (fleet / "broken.json").write_text("{")
        (fleet / "README").write_text("not an audit")
        merged = run("fleet", "fleet", "--json", str(fleet), expect=1)
        if merged is not None:
            lint.check("fleet.schema.json", "derootctl fleet --json", merged)

    for label, arguments, code in (("inspect of a missing file", ["inspect", "--json", "/nonexistent/agent"], 4),
                                   ("recommend with a bad option", ["recommend", "--json", "--trust", "x", "/usr/bin/fping"], 2),
                                   ("audit with an argument", ["audit", "--json", "extra"], 2),
                                   ("fleet of a missing folder", ["fleet", "--json", "/nonexistent/fleet"], 4),
                                   ("prove of a missing plan", ["prove", "--json", "/nonexistent/plan.json"], 4),
                                   ("inspect of a unit without systemd", ["inspect", "--json", "--unit", "chrony"], 3)):
        if code == 3 and Path("/run/systemd/system").is_dir():
            continue  # systemd runs here: the unit can be asked about
        document = run(label, *arguments, expect=code)
        if document is not None:
            lint.check("error.schema.json", f"derootctl {' '.join(arguments)}", document)

    for name, arguments in (("script", [str(script), "--method", "caps"]),
                            ("caps", ["/usr/bin/fping", "--method", "caps"]),
                            ("container", ["/usr/bin/fping", "--method", "container",
                                           "--image", "registry.example.org/fping:5.1"]),
                            # The catalog's image and host access: plan.json's input.container_host.
                            ("container-catalog", ["/usr/bin/prometheus-node-exporter", "--method", "container"]),
                            ("called", ["/usr/sbin/smartctl", "--method", "sudo", "--start", "called-by", "--caller", "zabbix"]),
                            ("scheduled", ["/usr/bin/fping", "--method", "caps", "--start", "scheduled", "--schedule", "hourly"]),
                            ("service", ["/usr/bin/prometheus-node-exporter", "--method", "caps", "--user", "deroot-lint"])):
        if not os.path.exists(arguments[0]):
            continue
        out = Path(work) / f"plan-{name}"
        if run(f"generate {name}", "generate", *arguments, "--out", str(out)) is not None:
            document = lint.load(out / "plan.json")
            if document is not None:
                lint.check("plan.schema.json", f"plan.json of derootctl generate {' '.join(arguments)}", document)
    # Recorded observations, as derootctl observe --replay reads them (no root, no agent run).
    for stream in sorted((lint.source / "tests/data/observe").glob("*.jsonl")):
        document = run(f"observe {stream.name}", "observe", "--json", "--replay", str(stream))
        if document is not None:
            lint.check("observe.schema.json", f"derootctl observe --json --replay {stream.name}", document)
    document = run("observe of a missing recording", "observe", "--json", "--replay", "/nonexistent.jsonl", expect=4)
    if document is not None:
        lint.check("error.schema.json", "derootctl observe --json --replay /nonexistent.jsonl", document)
    return lint.finish(["inspect.schema.json", "recommend.schema.json", "audit.schema.json", "error.schema.json",
                        "plan.schema.json", "observe.schema.json", "fleet.schema.json"])


def host(lint, derootctl, work):
    """In the test host, where systemd runs: the unit sections, which the build root cannot show."""
    def run(label, *arguments):
        result = subprocess.run([derootctl, *arguments], capture_output=True, cwd=work, timeout=120)
        if result.returncode != 0:
            lint.fail(f"{label}: derootctl {' '.join(arguments)} exited {result.returncode}: "
                      f"{result.stderr.decode(errors='replace').strip()[:300]}")
            return None
        return lint.load(Path(label), result.stdout)

    if not Path("/run/systemd/system").is_dir():
        sys.exit("schemas.py host: systemd is not running here: run it in the test host (tools/testhost exec)")
    units = [u for u in ("prometheus-node-exporter.service", "chrony.service", "zabbix-agent.service",
                         "dbus.service", "polkit.service")
             if subprocess.run(["systemctl", "cat", u], capture_output=True).returncode == 0]
    with_unit_section = 0
    for unit in units:
        for command in ("inspect", "recommend"):
            document = run(f"{command} --unit {unit}", command, "--json", "--unit", unit)
            if document is not None:
                lint.check(f"{command}.schema.json", f"derootctl {command} --json --unit {unit}", document)
                with_unit_section += command == "inspect" and "unit" in document
        main_pid = subprocess.run(["systemctl", "show", "--property=MainPID", "--value", unit],
                                  capture_output=True, text=True).stdout.strip()
        if main_pid not in ("", "0"):
            document = run(f"inspect --pid {main_pid}", "inspect", "--json", "--pid", main_pid)
            if document is not None:
                lint.check("inspect.schema.json", f"derootctl inspect --json --pid {main_pid} ({unit})", document)
                with_unit_section += "unit" in document
    if with_unit_section == 0:
        lint.fail("no document with a unit section was validated: the unit schema went unchecked")
    print(f"{with_unit_section} documents with a unit section, from {len(units)} units")
    # Real observations: a program started as a service user, and a running unit.
    for label, arguments in (("observe fping", ["--seconds", "10", "--", "/usr/bin/fping", "-c1", "127.0.0.1"]),
                             ("observe fping with strace", ["--mechanism", "strace", "--seconds", "10", "--",
                                                            "/usr/bin/fping", "-c1", "127.0.0.1"])):
        document = run(label, "observe", "--json", *arguments)
        if document is not None:
            lint.check("observe.schema.json", f"derootctl observe --json {' '.join(arguments)}", document)
    return lint.finish(["inspect.schema.json", "recommend.schema.json", "observe.schema.json"])


def documents(lint, schema, files):
    """Documents a test made (derootctl prove's, which needs systemd and root) against one schema."""
    for path in files:
        document = lint.load(Path(path))
        if document is not None:
            lint.check(schema, path, document)
    return lint.finish([schema])


def main():
    parser = argparse.ArgumentParser(description="Validate Deroot's JSON documents against docs/schemas.")
    parser.add_argument("mode", choices=["committed", "cli", "host", "documents"])
    parser.add_argument("source", help="the source tree")
    parser.add_argument("--derootctl", help="the built derootctl (mode cli)")
    parser.add_argument("--schema", help="the schema's file name in docs/schemas (mode documents)")
    parser.add_argument("files", nargs="*", help="the documents (mode documents)")
    args = parser.parse_args()
    lint = Lint(args.source)
    if args.mode == "committed":
        return committed(lint)
    if args.mode == "documents":
        if not args.schema or not args.files:
            parser.error("mode documents needs --schema and at least one file")
        return documents(lint, args.schema, args.files)
    if not args.derootctl:
        parser.error(f"mode {args.mode} needs --derootctl")
    if not os.access(args.derootctl, os.X_OK):
        sys.exit(f"schemas.py: {args.derootctl} is not an executable: build derootctl first")
    with tempfile.TemporaryDirectory(prefix="deroot-schemas-") as work:
        mode = cli if args.mode == "cli" else host
        return mode(lint, os.path.abspath(args.derootctl), work)


if __name__ == "__main__":
    sys.exit(main())
