// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// sidebyside: runs several commands in turns, the same number of times each, and reports each
// one's median and minimum wall time and its peak resident memory, with ratios against the first
// (the baseline). Measures only: it never judges a time.
//
//   sidebyside RUNS LABEL -- CMD ARGS... ;; LABEL -- CMD ARGS... [;; ...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "benchcommands.h"

namespace {

using Deroot::Bench::Command;

bool runOnce(Command &command)
{
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) {
        return false;
    }
    if (pid == 0) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        execvp(command.argv[0], command.argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid) {
        return false;
    }
    const auto end = std::chrono::steady_clock::now();
    command.seconds.push_back(std::chrono::duration<double>(end - start).count());
    command.maxRssKb = std::max(command.maxRssKb, usage.ru_maxrss);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        ++command.failures;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    std::optional<Deroot::Bench::Commands> parsed = Deroot::Bench::parseCommands("sidebyside", argc, argv);
    if (!parsed) {
        return 2;
    }
    const int runs = parsed->runs;
    std::vector<Command> &commands = parsed->commands;
    // Warm the page cache once for all, then alternate so that drift hits every command alike.
    for (Command &command : commands) {
        runOnce(command);
        command.seconds.clear();
    }
    for (int run = 0; run < runs; ++run) {
        for (Command &command : commands) {
            if (!runOnce(command)) {
                std::fprintf(stderr, "sidebyside: cannot run %s\n", command.label.c_str());
                return 1;
            }
        }
    }
    const int failures = Deroot::Bench::printReport("command", commands);
    return failures == 0 ? 0 : 1;
}
