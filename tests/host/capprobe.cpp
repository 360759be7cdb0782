// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// capprobe: opens a raw ICMP socket (which needs CAP_NET_RAW) and prints its uid and the
// capability lines of /proc/self/status. Exit 0 when the socket opened, 1 when it was refused.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int main()
{
    std::cout << "uid: " << getuid() << " euid: " << geteuid() << '\n';
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.starts_with("Cap") || line.starts_with("NoNewPrivs")) {
            std::cout << line << '\n';
        }
    }
    const int fd = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    if (fd < 0) {
        std::cout << "raw socket: " << std::strerror(errno) << '\n';
        return 1;
    }
    close(fd);
    std::cout << "raw socket: ok\n";
    return 0;
}
