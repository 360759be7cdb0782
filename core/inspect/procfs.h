// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Parsers for the text files of /proc, kept apart from the code that reads them so tests can feed
// them captured and hostile input. Every parser rejects what the kernel would never write (a
// missing field, a number out of range) instead of guessing, and says which field was wrong.
#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace Deroot::Core::Proc {

/// The fields of /proc/PID/status that the inspectors use.
struct Status
{
    QString name;
    std::uint32_t uid[4] = {}; ///< real, effective, saved, file system
    std::uint32_t gid[4] = {};
    QList<std::uint32_t> groups;
    std::uint64_t capInh = 0;
    std::uint64_t capPrm = 0;
    std::uint64_t capEff = 0;
    std::uint64_t capBnd = 0;
    std::uint64_t capAmb = 0;
    std::optional<bool> kthread; ///< "Kthread:" (Linux 6.x); absent in older kernels
    std::optional<bool> noNewPrivs;
    std::optional<int> seccomp; ///< 0 disabled, 1 strict, 2 filter
};

/// The fields of /proc/PID/stat that the inspectors use.
struct Stat
{
    QString comm;
    char state = '?';
    std::uint64_t flags = 0;     ///< PF_* flags
    std::uint64_t startTime = 0; ///< clock ticks after boot: with the PID it names one process
};

inline constexpr std::uint64_t kPfKthread = 0x00200000; ///< include/linux/sched.h

/// A socket from /proc/PID/net/{tcp,udp,raw}{,6}.
struct InetSocket
{
    QString address; ///< the local address in text form ("0.0.0.0", "::1")
    int port = 0;    ///< for raw sockets: the protocol number
    int state = 0;   ///< TCP state; 10 is LISTEN
    std::uint64_t inode = 0;
};

/// A socket from /proc/PID/net/packet.
struct PacketSocket
{
    int type = 0;     ///< SOCK_RAW (3) or SOCK_DGRAM (2)
    int protocol = 0; ///< the Ethernet protocol, host order (ETH_P_ALL is 3)
    std::uint64_t inode = 0;
};

/// A parse failure: what was wrong, for a message naming the file.
struct ParseError
{
    QString what;
};

template <typename T> struct Parsed
{
    std::optional<T> value;
    ParseError error;
};

Parsed<Status> parseStatus(const QByteArray &text);
Parsed<Stat> parseStat(const QByteArray &text);

/// Parses one of the inet socket tables; @p ipv6 selects the 32-digit address form. Malformed
/// lines fail the whole table: the kernel writes them all alike, so one bad line means the file
/// is not what we think.
Parsed<QList<InetSocket>> parseInetSockets(const QByteArray &text, bool ipv6);
Parsed<QList<PacketSocket>> parsePacketSockets(const QByteArray &text);

/// The systemd unit a cgroup v2 path names: the last component ending in ".service" or
/// ".scope" of the "0::" line of /proc/PID/cgroup, e.g. "chrony.service". @p userManager is set
/// when the unit belongs to a user's service manager (below user@UID.service).
struct CgroupUnit
{
    QString path; ///< the cgroup v2 path, "/system.slice/chrony.service"
    QString unit; ///< empty when the path names none
    bool userManager = false;
};
CgroupUnit parseCgroup(const QByteArray &text);

/// The socket inode a /proc/PID/fd link names ("socket:[12345]"), if it is a socket.
[[nodiscard]] std::optional<std::uint64_t> socketInode(const QByteArray &link);

/// The open flags of a /proc/PID/fdinfo/N file ("flags:\t0100002", octal).
[[nodiscard]] std::optional<int> fdinfoFlags(const QByteArray &text);

/// Parses a process ID as a user gives it: decimal digits only, 1 up to the kernel's limit
/// (PID_MAX_LIMIT, 4194304). Returns nullopt for anything else.
[[nodiscard]] std::optional<int> parsePid(QStringView text);
inline constexpr int kPidMaxLimit = 4194304;

} // namespace Deroot::Core::Proc

namespace Deroot::Core {

/// Parses a PID given on a command line ("1234"). Errors: Usage, naming the input, for anything but
/// decimal digits from 1 to the kernel's limit (4194304).
Result<int> parsePidArgument(QStringView text);

} // namespace Deroot::Core
