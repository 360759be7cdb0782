// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/processsockets.h"

#include "core/base/text.h"
#include "core/inspect/procfs.h"
#include "core/inspect/systemfacts.h"

#include <fcntl.h>

#include <cerrno>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

const char *ipProtocolName(int protocol)
{
    switch (protocol) {
    case 1:
        return "ICMP";
    case 6:
        return "TCP";
    case 17:
        return "UDP";
    case 58:
        return "ICMPv6";
    case 255:
        return "raw IP";
    default:
        return nullptr;
    }
}

const char *ethernetProtocolName(int protocol)
{
    switch (protocol) {
    case 0x0003:
        return "ETH_P_ALL";
    case 0x0800:
        return "ETH_P_IP";
    case 0x0806:
        return "ETH_P_ARP";
    case 0x86DD:
        return "ETH_P_IPV6";
    case 0x88CC:
        return "ETH_P_LLDP";
    default:
        return nullptr;
    }
}

} // namespace

std::optional<Error> readProcessSockets(const Proc::PidDir &dir, const QHash<std::uint64_t, int> &socketFds,
                                        const InspectEnvironment &environment, const QString &who,
                                        InspectionReport &report, ProcessSection &process)
{
    const KernelSettings settings = readKernelSettings(environment);
    const auto portStart = settings.unprivilegedPortStart;
    const int unprivilegedStart = portStart.value_or(1024);
    const QString startSource =
        portStart ? inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "net.ipv4.ip_unprivileged_port_start is %1"))
                        .arg(unprivilegedStart)
                  : inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                  "net.ipv4.ip_unprivileged_port_start could not be read, so the "
                                                  "kernel default 1024 is assumed"));
    const QString pingRange = settings.pingGroupRangeText();
    process.unprivilegedPortStart = portStart;
    process.pingGroupRange = pingRange;

    // The network namespace decides which sysctl values apply: /proc/sys shows the reader's own.
    const Proc::FileRead theirs = Proc::readLinkAt(dir.fd(), "ns/net");
    const QByteArray ours =
        Proc::readLinkAt(AT_FDCWD, QByteArray(environment.procRoot + "/self/ns/net").constData()).data;
    if (theirs.error == 0 && !ours.isEmpty() && theirs.data != ours) {
        report.addFinding(
            u"kernel.other-network-namespace"_s, Severity::Info,
            inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                          "%1 runs in another network namespace; the network sysctl values "
                                          "shown are Deroot's own namespace's."))
                .arg(who),
            {QString::fromLatin1(theirs.data), QString::fromLatin1(ours)});
    }

    const struct
    {
        const char *file;
        const char *protocol;
        bool ipv6;
    } tables[] = {{"net/tcp", "tcp", false},   {"net/tcp6", "tcp", true},  {"net/udp", "udp", false},
                  {"net/udp6", "udp", true},   {"net/raw", "raw", false},  {"net/raw6", "raw", true},
                  {"net/icmp", "icmp", false}, {"net/icmp6", "icmp", true}};
    for (const auto &table : tables) {
        const Proc::FileRead read = Proc::readAt(dir.fd(), table.file);
        if (read.error == ENOENT) {
            continue; // no IPv6 (or no such protocol) in this kernel; a vanished process shows at the end
        }
        if (read.error != 0) {
            return dir.readError(table.file, read.error);
        }
        auto parsed = Proc::parseInetSockets(read.data, table.ipv6);
        if (!parsed.value) {
            return dir.malformed(table.file, parsed.error.what);
        }
        const QString protocol = QLatin1StringView(table.protocol);
        const QString family = table.ipv6 ? u"AF_INET6"_s : u"AF_INET"_s;
        for (const Proc::InetSocket &socket : *parsed.value) {
            const auto fd = socketFds.constFind(socket.inode);
            if (fd == socketFds.constEnd() || socket.inode == 0) {
                continue; // another process's socket in the same network namespace
            }
            const QString where =
                (table.ipv6 ? u"["_s + socket.address + u"]"_s : socket.address) + u':' + QString::number(socket.port);
            QString state = u"other"_s;
            if (protocol == u"tcp") {
                state = socket.state == 10 ? u"listen"_s : u"connected"_s;
            } else if (protocol == u"udp") {
                state = socket.state == 7 ? u"bound"_s : u"connected"_s;
            }
            ProcessSocket &seen = process.sockets.emplace_back();
            seen.protocol = protocol + (table.ipv6 ? u"6"_s : QString());
            seen.family = family;
            seen.address = socket.address;
            seen.port = socket.port;
            seen.state = protocol == u"raw" || protocol == u"icmp" ? QString() : state;
            seen.inode = socket.inode;
            seen.fd = *fd;
            const QString socketText = inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "socket inode %1, fd %2"))
                                           .arg(QString::number(socket.inode), QString::number(*fd));
            if (protocol == u"raw") {
                const char *name = ipProtocolName(socket.port);
                const Reason reason{
                    u"process"_s,
                    inspectText(
                        QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 has a raw %2 socket for protocol %3 (%4)"))
                        .arg(who, family,
                             name ? QLatin1StringView(name) + u" ("_s + QString::number(socket.port) + u')'
                                  : QString::number(socket.port),
                             socketText)};
                report.needs.addCapability(13, reason);
                Needs::add(report.needs.addressFamilies, family, reason);
                continue;
            }
            if (protocol == u"icmp") {
                const Reason reason{u"process"_s,
                                    inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                                  "%1 has an ICMP datagram (ping) socket (%2)"))
                                        .arg(who, socketText)};
                Needs::add(report.needs.addressFamilies, family, reason);
                report.addFinding(
                    u"process.ping-socket"_s, Severity::Info,
                    (pingRange.isEmpty()
                         ? inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                         "%1 pings through an ICMP datagram socket, which needs no "
                                                         "capability when net.ipv4.ping_group_range admits "
                                                         "its group (here unreadable)."))
                               .arg(who)
                         : inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                         "%1 pings through an ICMP datagram socket, which needs no "
                                                         "capability when net.ipv4.ping_group_range admits "
                                                         "its group (here: %2)."))
                               .arg(who, pingRange)),
                    {reason.text});
                continue;
            }
            const bool listening =
                (protocol == u"tcp" && socket.state == 10) || (protocol == u"udp" && socket.state == 7);
            if (socket.port == 0 || (!listening && protocol == u"tcp")) {
                continue; // accepted and outgoing TCP connections were bound by the kernel, not by the process
            }
            const Reason reason{
                u"process"_s,
                (listening ? inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 listens on %2 %3 (%4)"))
                           : inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 is bound on %2 %3 (%4)")))
                    .arg(who, protocol, where, socketText)};
            if (listening) {
                report.needs.addPort(protocol, socket.port, socket.address, reason);
            }
            Needs::add(report.needs.addressFamilies, family, reason);
            if (socket.port < unprivilegedStart) {
                report.needs.addCapability(10, reason);
                report.needs.addCapability(
                    10, {u"kernel"_s, inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                                    "%1: ports below it need CAP_NET_BIND_SERVICE"))
                                          .arg(startSource)});
            } else if (socket.port < 1024) {
                report.addFinding(
                    u"kernel.unprivileged-port-start"_s, Severity::Info,
                    inspectText(
                        QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                          "Port %1 is below 1024, but %2 here, so binding it needs no capability."))
                        .arg(QString::number(socket.port), startSource),
                    {reason.text});
            }
        }
    }

    const Proc::FileRead packet = Proc::readAt(dir.fd(), "net/packet");
    if (packet.error != 0 && packet.error != ENOENT) {
        return dir.readError("net/packet", packet.error);
    }
    if (packet.error == 0) {
        auto parsed = Proc::parsePacketSockets(packet.data);
        if (!parsed.value) {
            return dir.malformed("net/packet", parsed.error.what);
        }
        for (const Proc::PacketSocket &socket : *parsed.value) {
            const auto fd = socketFds.constFind(socket.inode);
            if (fd == socketFds.constEnd() || socket.inode == 0) {
                continue;
            }
            const char *name = ethernetProtocolName(socket.protocol);
            const QString protocolText =
                name ? QString::fromLatin1(name) : u"0x%1"_s.arg(socket.protocol, 4, 16, QChar(u'0'));
            const QString type =
                socket.type == 3 ? u"SOCK_RAW"_s : (socket.type == 2 ? u"SOCK_DGRAM"_s : QString::number(socket.type));
            ProcessSocket &seen = process.sockets.emplace_back();
            seen.protocol = u"packet"_s;
            seen.family = u"AF_PACKET"_s;
            seen.type = type;
            seen.ethernetProtocol = protocolText;
            seen.inode = socket.inode;
            seen.fd = *fd;
            const Reason reason{
                u"process"_s,
                inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                              "%1 has a packet socket (AF_PACKET, %2, %3; socket inode %4, fd %5)"))
                    .arg(who, type, protocolText, QString::number(socket.inode), QString::number(*fd))};
            report.needs.addCapability(13, reason);
            Needs::add(report.needs.addressFamilies, u"AF_PACKET"_s, reason);
        }
    }
    // Every setting docs/inspect-json.md lists, as the file inspection writes them, also when the
    // executable could not be inspected (process.executable-not-inspected): then nothing else would.
    if (!report.kernel) {
        report.kernel = settings;
    }
    return std::nullopt;
}

} // namespace Deroot::Core
