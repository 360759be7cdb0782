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

namespace {

struct Command
{
    std::string label;
    std::vector<char *> argv;
    std::vector<double> seconds;
    long maxRssKb = 0;
    int failures = 0;
};

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

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 5) {
        std::fprintf(stderr, "usage: sidebyside RUNS LABEL -- CMD... ;; LABEL -- CMD...\n");
        return 2;
    }
    const int runs = std::atoi(argv[1]);
    std::vector<Command> commands;
    for (int i = 2; i < argc;) {
        Command command;
        command.label = argv[i++];
        if (i >= argc || std::strcmp(argv[i], "--") != 0) {
            std::fprintf(stderr, "sidebyside: expected -- after %s\n", command.label.c_str());
            return 2;
        }
        ++i;
        while (i < argc && std::strcmp(argv[i], ";;") != 0) {
            command.argv.push_back(argv[i++]);
        }
        ++i;
        command.argv.push_back(nullptr);
        commands.push_back(std::move(command));
    }
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
    const double baseline = median(commands.front().seconds);
    std::printf("%-40s %12s %12s %12s %10s\n", "command", "median ms", "min ms", "peak RSS MB", "vs first");
    int failures = 0;
    for (const Command &command : commands) {
        const double med = median(command.seconds);
        std::printf("%-40s %12.1f %12.1f %12.1f %9.2fx%s\n", command.label.c_str(), med * 1000,
                    *std::min_element(command.seconds.begin(), command.seconds.end()) * 1000,
                    double(command.maxRssKb) / 1024, baseline > 0 ? med / baseline : 0,
                    command.failures ? "  (FAILED runs)" : "");
        failures += command.failures;
    }
    return failures == 0 ? 0 : 1;
}
