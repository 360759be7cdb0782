// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What sidebyside and firstframe share: their command line (RUNS LABEL -- CMD ARGS... ;; ...), the
// commands they time in turns, and the table they print (median, minimum, peak RSS, ratio against
// the first command, the baseline). Measures only: nothing here judges a time.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace Deroot::Bench {

struct Command
{
    std::string label;
    std::vector<char *> argv; ///< null-terminated, for execvp
    std::vector<double> seconds;
    long maxRssKb = 0;
    int failures = 0;
};

struct Commands
{
    int runs = 0;
    std::vector<Command> commands;
};

/// RUNS LABEL -- CMD ARGS... [;; LABEL -- CMD ARGS...]: nullopt (after a message) when malformed.
inline std::optional<Commands> parseCommands(const char *tool, int argc, char *argv[])
{
    if (argc < 5) {
        std::fprintf(stderr, "usage: %s RUNS LABEL -- CMD... ;; LABEL -- CMD...\n", tool);
        return std::nullopt;
    }
    Commands parsed;
    parsed.runs = std::atoi(argv[1]);
    for (int i = 2; i < argc;) {
        Command command;
        command.label = argv[i++];
        if (i >= argc || std::strcmp(argv[i], "--") != 0) {
            std::fprintf(stderr, "%s: expected -- after %s\n", tool, command.label.c_str());
            return std::nullopt;
        }
        ++i;
        while (i < argc && std::strcmp(argv[i], ";;") != 0) {
            command.argv.push_back(argv[i++]);
        }
        ++i;
        command.argv.push_back(nullptr);
        parsed.commands.push_back(std::move(command));
    }
    return parsed;
}

inline double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

/// Prints the table under the heading; returns how many runs failed in all.
inline int printReport(const char *heading, const std::vector<Command> &commands)
{
    const double baseline = commands.empty() ? 0 : median(commands.front().seconds);
    std::printf("%-40s %12s %12s %12s %10s\n", heading, "median ms", "min ms", "peak RSS MB", "vs first");
    int failures = 0;
    for (const Command &command : commands) {
        const double med = median(command.seconds);
        std::printf("%-40s %12.1f %12.1f %12.1f %9.2fx%s\n", command.label.c_str(), med * 1000,
                    command.seconds.empty() ? 0.0
                                            : *std::min_element(command.seconds.begin(), command.seconds.end()) * 1000,
                    double(command.maxRssKb) / 1024, baseline > 0 ? med / baseline : 0,
                    command.failures ? "  (FAILED runs)" : "");
        failures += command.failures;
    }
    return failures;
}

} // namespace Deroot::Bench
