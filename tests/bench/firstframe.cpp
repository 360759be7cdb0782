// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// firstframe: the time from starting a GUI program until its first window shows something on
// the X server, for several programs in turns, with each one's median, minimum and peak RSS and
// the ratio against the first (the baseline), and the shared objects each had mapped at its first
// frame (from /proc/PID/maps). Measures only: it never judges a time.
//
//   firstframe RUNS LABEL -- CMD ARGS... ;; LABEL -- CMD ARGS... [;; ...]
//
// It watches from outside, so the program under test carries no benchmark hook: on DISPLAY it
// listens for top-level windows being created (SubstructureNotify on the root window), puts a
// DAMAGE object on each at once, before it can be mapped, and stops the clock at the first
// DamageNotify, which the server sends when the program first draws into a window (Qt's xcb
// windows have no background pixmap, so the server draws nothing there itself). Then it kills
// the program. Run it with no window manager, on a server nobody else draws on (Xvfb).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <xcb/damage.h>
#include <xcb/xcb.h>

#include "benchcommands.h"

namespace {

using Deroot::Bench::Command;

struct Display
{
    xcb_connection_t *connection = nullptr;
    xcb_window_t root = 0;
    uint8_t damageEvent = 0;
};

bool openDisplay(Display &display)
{
    int screenNumber = 0;
    display.connection = xcb_connect(nullptr, &screenNumber);
    if (xcb_connection_has_error(display.connection)) {
        std::fprintf(stderr, "firstframe: cannot open the display\n");
        return false;
    }
    const xcb_query_extension_reply_t *damage = xcb_get_extension_data(display.connection, &xcb_damage_id);
    if (!damage || !damage->present) {
        std::fprintf(stderr, "firstframe: the X server has no DAMAGE extension\n");
        return false;
    }
    display.damageEvent = damage->first_event;
    free(xcb_damage_query_version_reply(
        display.connection,
        xcb_damage_query_version(display.connection, XCB_DAMAGE_MAJOR_VERSION, XCB_DAMAGE_MINOR_VERSION), nullptr));
    xcb_screen_iterator_t screens = xcb_setup_roots_iterator(xcb_get_setup(display.connection));
    for (int i = 0; i < screenNumber; ++i) {
        xcb_screen_next(&screens);
    }
    display.root = screens.data->root;
    const uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
    xcb_change_window_attributes(display.connection, display.root, XCB_CW_EVENT_MASK, &mask);
    xcb_flush(display.connection);
    return true;
}

// One run: the seconds until the first frame, or a negative number when the program exited or
// the deadline passed first.
// The shared objects @p pid has mapped: what it loaded before its first frame.
std::size_t mappedLibraries(pid_t pid)
{
    std::ifstream maps("/proc/" + std::to_string(pid) + "/maps");
    std::set<std::string> files;
    for (std::string line; std::getline(maps, line);) {
        const std::size_t slash = line.find('/');
        if (slash == std::string::npos) {
            continue;
        }
        const std::string path = line.substr(slash);
        const std::string name = path.substr(path.rfind('/') + 1);
        if (name.find(".so") != std::string::npos) {
            files.insert(path);
        }
    }
    return files.size();
}

// Per label, the shared objects mapped at the first frame (the last run's count).
std::map<std::string, std::size_t> g_libraries;

double runOnce(Display &display, Command &command)
{
    std::vector<xcb_damage_damage_t> damages;
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) {
        return -1;
    }
    if (pid == 0) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        execvp(command.argv[0], command.argv.data());
        _exit(127);
    }
    double seconds = -1;
    const auto deadline = start + std::chrono::seconds(30);
    while (seconds < 0 && std::chrono::steady_clock::now() < deadline) {
        xcb_generic_event_t *event = xcb_poll_for_event(display.connection);
        if (!event) {
            if (xcb_connection_has_error(display.connection)) {
                break;
            }
            int status = 0;
            if (waitpid(pid, &status, WNOHANG) == pid) {
                std::fprintf(stderr, "firstframe: %s exited before its first frame\n", command.label.c_str());
                ++command.failures;
                return -1;
            }
            pollfd fd{xcb_get_file_descriptor(display.connection), POLLIN, 0};
            poll(&fd, 1, 10);
            continue;
        }
        const uint8_t type = event->response_type & 0x7f;
        if (type == XCB_CREATE_NOTIFY) {
            const auto *created = reinterpret_cast<xcb_create_notify_event_t *>(event);
            const xcb_damage_damage_t damage = xcb_generate_id(display.connection);
            xcb_damage_create(display.connection, damage, created->window, XCB_DAMAGE_REPORT_LEVEL_NON_EMPTY);
            xcb_flush(display.connection);
            damages.push_back(damage);
        } else if (type == display.damageEvent + XCB_DAMAGE_NOTIFY) {
            seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            g_libraries[command.label] = mappedLibraries(pid);
        }
        free(event);
    }
    kill(pid, SIGKILL);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    command.maxRssKb = std::max(command.maxRssKb, usage.ru_maxrss);
    // The windows died with their client, and their damage objects with them; drain what is left.
    free(xcb_get_input_focus_reply(display.connection, xcb_get_input_focus(display.connection), nullptr));
    while (xcb_generic_event_t *event = xcb_poll_for_event(display.connection)) {
        free(event);
    }
    if (seconds < 0) {
        std::fprintf(stderr, "firstframe: no frame from %s within 30 s\n", command.label.c_str());
        ++command.failures;
    }
    return seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    std::optional<Deroot::Bench::Commands> parsed = Deroot::Bench::parseCommands("firstframe", argc, argv);
    if (!parsed) {
        return 2;
    }
    const int runs = parsed->runs;
    std::vector<Command> &commands = parsed->commands;
    Display display;
    if (!openDisplay(display)) {
        return 1;
    }
    // Warm the page cache and the font cache once for all, then alternate so that drift hits
    // every program alike.
    for (Command &command : commands) {
        runOnce(display, command);
        command.failures = 0;
    }
    for (int run = 0; run < runs; ++run) {
        for (Command &command : commands) {
            const double seconds = runOnce(display, command);
            if (seconds >= 0) {
                command.seconds.push_back(seconds);
            }
        }
    }
    const int failures = Deroot::Bench::printReport("launch to first frame", commands);
    std::printf("shared objects mapped at the first frame:\n");
    for (const Command &command : commands) {
        std::printf("  %-40s %zu\n", command.label.c_str(), g_libraries[command.label]);
    }
    xcb_disconnect(display.connection);
    return failures == 0 ? 0 : 1;
}
