// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/procfs.h"

#include "core/base/text.h"

#include <QByteArrayView>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace Deroot::Core::Proc {

namespace {

template <typename T> Parsed<T> fail(const QString &what)
{
    return {std::nullopt, {what}};
}

// Unsigned integer in @p base, all of @p text, at most @p max. QByteArray::toULongLong accepts
// leading blanks and a sign; the kernel writes neither, so they are refused here.
std::optional<std::uint64_t> number(QByteArrayView text, int base,
                                    std::uint64_t max = std::numeric_limits<std::uint64_t>::max())
{
    if (text.isEmpty() || text.size() > 24) {
        return std::nullopt;
    }
    for (const char c : text) {
        const bool digit = (c >= '0' && c <= '9') || (base == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
        if (!digit) {
            return std::nullopt;
        }
    }
    bool ok = false;
    const std::uint64_t value = text.toULongLong(&ok, base);
    if (!ok || value > max) {
        return std::nullopt;
    }
    return value;
}

QList<QByteArrayView> fields(QByteArrayView line)
{
    QList<QByteArrayView> result;
    qsizetype i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
            ++i;
        }
        const qsizetype start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t') {
            ++i;
        }
        if (i > start) {
            result.append(line.sliced(start, i - start));
        }
    }
    return result;
}

bool idQuad(QByteArrayView value, std::uint32_t (&out)[4])
{
    const QList<QByteArrayView> parts = fields(value);
    if (parts.size() != 4) {
        return false;
    }
    for (int i = 0; i < 4; ++i) {
        const auto id = number(parts[i], 10, std::numeric_limits<std::uint32_t>::max());
        if (!id) {
            return false;
        }
        out[i] = std::uint32_t(*id);
    }
    return true;
}

// "0100007F:0050" -> ("127.0.0.1", 80). The kernel prints each 32-bit word of the address in host
// byte order ("%08X" of the raw __be32), so copying the parsed word back to memory restores the
// network-order bytes on any host.
bool inetAddress(QByteArrayView text, bool ipv6, QString &address, int &port)
{
    const qsizetype colon = text.indexOf(':');
    const qsizetype digits = ipv6 ? 32 : 8;
    if (colon != digits || text.size() != colon + 5) {
        return false;
    }
    unsigned char bytes[16] = {};
    for (qsizetype word = 0; word < digits / 8; ++word) {
        const auto value = number(text.sliced(word * 8, 8), 16, std::numeric_limits<std::uint32_t>::max());
        if (!value) {
            return false;
        }
        const auto native = std::uint32_t(*value);
        std::memcpy(bytes + word * 4, &native, 4);
    }
    const auto portValue = number(text.sliced(colon + 1), 16, 65535);
    if (!portValue) {
        return false;
    }
    char buffer[INET6_ADDRSTRLEN] = {};
    if (inet_ntop(ipv6 ? AF_INET6 : AF_INET, bytes, buffer, sizeof buffer) == nullptr) {
        return false;
    }
    address = QString::fromLatin1(buffer);
    port = int(*portValue);
    return true;
}

} // namespace

Parsed<Status> parseStatus(const QByteArray &text)
{
    Status status;
    bool haveName = false;
    bool haveUid = false;
    bool haveGid = false;
    int capsSeen = 0;
    const struct
    {
        const char *key;
        std::uint64_t Status::*field;
    } caps[] = {{"CapInh", &Status::capInh},
                {"CapPrm", &Status::capPrm},
                {"CapEff", &Status::capEff},
                {"CapBnd", &Status::capBnd},
                {"CapAmb", &Status::capAmb}};
    for (const QByteArray &line : text.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            continue; // the kernel writes only "Key:\tvalue" lines; anything else carries nothing we use
        }
        const QByteArrayView key = QByteArrayView(line).first(colon);
        const QByteArrayView value = QByteArrayView(line).sliced(colon + 1).trimmed();
        if (key == "Name") {
            status.name = QString::fromUtf8(value);
            haveName = true;
        } else if (key == "Uid") {
            if (!idQuad(value, status.uid)) {
                return fail<Status>(u"the Uid line is not four user IDs"_s);
            }
            haveUid = true;
        } else if (key == "Gid") {
            if (!idQuad(value, status.gid)) {
                return fail<Status>(u"the Gid line is not four group IDs"_s);
            }
            haveGid = true;
        } else if (key == "Groups") {
            for (const QByteArrayView part : fields(value)) {
                const auto gid = number(part, 10, std::numeric_limits<std::uint32_t>::max());
                if (!gid) {
                    return fail<Status>(u"the Groups line holds something that is not a group ID"_s);
                }
                status.groups.append(std::uint32_t(*gid));
            }
        } else if (key == "Kthread" || key == "NoNewPrivs") {
            const auto flag = number(value, 10, 1);
            if (!flag) {
                return fail<Status>(u"the "_s + QString::fromLatin1(key) + u" line is neither 0 nor 1"_s);
            }
            (key == "Kthread" ? status.kthread : status.noNewPrivs) = *flag == 1;
        } else if (key == "Seccomp") {
            const auto mode = number(value, 10, 2);
            if (!mode) {
                return fail<Status>(u"the Seccomp line is not 0, 1 or 2"_s);
            }
            status.seccomp = int(*mode);
        } else {
            for (const auto &cap : caps) {
                if (key == cap.key) {
                    // 16 hex digits: a 64-bit mask; more would not fit and means the file is not /proc's.
                    const auto mask = value.size() <= 16 ? number(value, 16) : std::nullopt;
                    if (!mask) {
                        return fail<Status>(u"the "_s + QString::fromLatin1(cap.key) +
                                            u" line is not a 64-bit hexadecimal mask"_s);
                    }
                    status.*cap.field = *mask;
                    ++capsSeen;
                }
            }
        }
    }
    if (!haveName || !haveUid || !haveGid || capsSeen != 5) {
        return fail<Status>(u"it lacks the Name, Uid, Gid or capability lines"_s);
    }
    return {status, {}};
}

Parsed<Stat> parseStat(const QByteArray &text)
{
    // "PID (comm) S ppid ...": comm may hold spaces and parentheses, so it ends at the last ')'.
    const qsizetype open = text.indexOf('(');
    const qsizetype close = text.lastIndexOf(')');
    if (open < 0 || close < open) {
        return fail<Stat>(u"it has no command name in parentheses"_s);
    }
    const QList<QByteArrayView> rest = fields(QByteArrayView(text).sliced(close + 1).trimmed());
    // rest[0] is field 3 (state), so field N is rest[N - 3]: flags is 9, starttime 22.
    if (rest.size() < 20 || rest[0].size() != 1) {
        return fail<Stat>(u"it has too few fields"_s);
    }
    const auto flags = number(rest[6], 10, std::numeric_limits<std::uint32_t>::max());
    const auto start = number(rest[19], 10);
    if (!flags || !start) {
        return fail<Stat>(u"its flags or start time are not numbers"_s);
    }
    Stat stat;
    stat.comm = QString::fromUtf8(text.sliced(open + 1, close - open - 1));
    stat.state = rest[0][0];
    stat.flags = *flags;
    stat.startTime = *start;
    return {stat, {}};
}

Parsed<QList<InetSocket>> parseInetSockets(const QByteArray &text, bool ipv6)
{
    QList<InetSocket> sockets;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 0 is the header
        const QList<QByteArrayView> columns = fields(lines[i]);
        if (columns.isEmpty()) {
            continue;
        }
        InetSocket socket;
        const auto state = columns.size() >= 10 ? number(columns[3], 16, 255) : std::nullopt;
        const auto inode = columns.size() >= 10 ? number(columns[9], 10) : std::nullopt;
        if (!state || !inode || !inetAddress(columns[1], ipv6, socket.address, socket.port)) {
            return fail<QList<InetSocket>>(u"line "_s + QString::number(i + 1) + u" is not a socket entry"_s);
        }
        socket.state = int(*state);
        socket.inode = *inode;
        sockets.append(socket);
    }
    return {sockets, {}};
}

Parsed<QList<PacketSocket>> parsePacketSockets(const QByteArray &text)
{
    QList<PacketSocket> sockets;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArrayView> columns = fields(lines[i]);
        if (columns.isEmpty()) {
            continue;
        }
        const auto type = columns.size() == 9 ? number(columns[2], 10, 255) : std::nullopt;
        const auto protocol = columns.size() == 9 ? number(columns[3], 16, 65535) : std::nullopt;
        const auto inode = columns.size() == 9 ? number(columns[8], 10) : std::nullopt;
        if (!type || !protocol || !inode) {
            return fail<QList<PacketSocket>>(u"line "_s + QString::number(i + 1) + u" is not a packet socket entry"_s);
        }
        sockets.append({int(*type), int(*protocol), *inode});
    }
    return {sockets, {}};
}

CgroupUnit parseCgroup(const QByteArray &text)
{
    CgroupUnit result;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith("0::")) {
            result.path = QString::fromUtf8(line.sliced(3));
            break;
        }
    }
    const QStringList components = result.path.split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = components.size() - 1; i >= 0; --i) {
        const QString &component = components[i];
        if (component.endsWith(u".service") || component.endsWith(u".scope")) {
            result.unit = component;
            for (qsizetype j = 0; j < i; ++j) {
                if (components[j].startsWith(u"user@") && components[j].endsWith(u".service")) {
                    result.userManager = true;
                }
            }
            break;
        }
    }
    return result;
}

std::optional<std::uint64_t> socketInode(const QByteArray &link)
{
    if (!link.startsWith("socket:[") || !link.endsWith(']')) {
        return std::nullopt;
    }
    return number(QByteArrayView(link).sliced(8).chopped(1), 10);
}

std::optional<int> fdinfoFlags(const QByteArray &text)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith("flags:")) {
            const auto flags = number(QByteArrayView(line).sliced(6).trimmed(), 8, std::numeric_limits<int>::max());
            return flags ? std::optional<int>(int(*flags)) : std::nullopt;
        }
    }
    return std::nullopt;
}

std::optional<int> parsePid(QStringView text)
{
    if (text.isEmpty() || text.size() > 7) {
        return std::nullopt;
    }
    for (const QChar c : text) {
        if (c < u'0' || c > u'9') {
            return std::nullopt;
        }
    }
    const int pid = text.toInt();
    if (pid < 1 || pid > kPidMaxLimit) {
        return std::nullopt;
    }
    return pid;
}

} // namespace Deroot::Core::Proc

namespace Deroot::Core {

Result<int> parsePidArgument(QStringView text)
{
    if (const auto pid = Proc::parsePid(text)) {
        return *pid;
    }
    return Error{
        ExitCode::Usage,
        u"%1 is not a process ID: give a number from 1 to %2"_s.arg(quoted(text.toString())).arg(Proc::kPidMaxLimit)};
}

} // namespace Deroot::Core
