// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// portprobe: the stand-in agent the process inspector is pointed at. It listens on a TCP port
// (--port N, on 0.0.0.0) and/or holds a packet socket (--packet, AF_PACKET/SOCK_RAW/ETH_P_ALL),
// prints "ready" and then sleeps until it is killed. Exit 1 when a socket is refused.
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
    int port = 0;
    bool packet = false;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--port" && i + 1 < argc) {
            port = std::atoi(argv[++i]);
        } else if (argument == "--packet") {
            packet = true;
        } else {
            std::cerr << "usage: portprobe [--port N] [--packet]\n";
            return 2;
        }
    }
    if (port > 0) {
        const int fd = socket(AF_INET, SOCK_STREAM, 0);
        const int yes = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(std::uint16_t(port));
        address.sin_addr.s_addr = htonl(INADDR_ANY);
        if (fd < 0 || bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 || listen(fd, 4) != 0) {
            std::cout << "listen " << port << ": " << std::strerror(errno) << std::endl;
            return 1;
        }
    }
    if (packet) {
        const int fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
        if (fd < 0) {
            std::cout << "packet socket: " << std::strerror(errno) << std::endl;
            return 1;
        }
    }
    std::cout << "ready" << std::endl;
    for (;;) {
        pause();
    }
}
