#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
"""Prints the key under which tidy.sh remembers that one translation unit passed clang-tidy.

The key covers everything clang-tidy's verdict depends on: clang-tidy's version, the check
configuration, the header filter, the file's compile command, and the file as the preprocessor
sees it with that command (every header it includes, expanded, without line markers). The
checkout's own path is replaced by a placeholder in each, so that clones in other folders share
the key. A change to any input gives a new key, and only a pass is ever remembered: a cached
result is the result the same clang-tidy would give for the same input.

Usage: tidykey.py CLANG_TIDY BUILD_DIR SOURCE_DIR FILE CONFIG FILTER
"""
import hashlib
import json
import os
import shlex
import subprocess
import sys


def compile_arguments(build, path):
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as handle:
        for entry in json.load(handle):
            if entry["file"] == path:
                arguments = entry.get("arguments") or shlex.split(entry["command"])
                return entry["directory"], arguments
    raise SystemExit(f"tidykey: {path} is not in {build}/compile_commands.json")


def preprocessing(arguments, path):
    """The compile command with its output, dependency file and source left out."""
    kept = []
    skip = False
    for argument in arguments:
        if skip:
            skip = False
        elif argument in ("-o", "-MT", "-MF", "-MQ"):
            skip = True
        elif argument in ("-c", "-MD", "-MMD", path):
            continue
        else:
            kept.append(argument)
    return kept + ["-E", "-P", path]


def main():
    tidy, build, source, file, config, header_filter = sys.argv[1:]
    path = os.path.join(source, file)
    directory, arguments = compile_arguments(build, path)
    expanded = subprocess.run(preprocessing(arguments, path), cwd=directory, capture_output=True, check=False)
    if expanded.returncode != 0:
        sys.stderr.write(expanded.stderr.decode(errors="replace"))
        raise SystemExit(f"tidykey: {file} cannot be preprocessed")
    version = subprocess.run([tidy, "--version"], capture_output=True, check=True).stdout
    digest = hashlib.sha256()
    placeholder = b"@SOURCE@"
    for part in (
        version,
        open(config, "rb").read(),
        header_filter.encode(),
        " ".join(arguments).encode(),
        file.encode(),
        expanded.stdout,
    ):
        digest.update(part.replace(source.encode(), placeholder))
        digest.update(b"\0")
    print(digest.hexdigest())


if __name__ == "__main__":
    main()
