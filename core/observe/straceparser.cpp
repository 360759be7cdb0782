// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/observe/straceparser.h"

#include "core/base/text.h"

#include <QRegularExpression>
#include <QStringList>

#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

constexpr qsizetype kQuoteLength = 80;
// The year 2286 in seconds since the epoch: a later timestamp is garbage, and would overflow in ns.
constexpr std::int64_t kLatestSeconds = 10000000000;

// The index of the bracket closing the one at @p open, skipping strings and comments; -1 when the
// text ends first or a closing bracket does not match.
qsizetype matchingBracket(QStringView text, qsizetype open)
{
    QList<QChar> stack;
    for (qsizetype i = open; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'"') {
            for (++i; i < text.size() && text[i] != u'"'; ++i) {
                if (text[i] == u'\\') {
                    ++i;
                }
            }
            if (i >= text.size()) {
                return -1;
            }
        } else if (c == u'/' && i + 1 < text.size() && text[i + 1] == u'*') {
            const qsizetype end = text.indexOf(u"*/", i + 2);
            if (end < 0) {
                return -1;
            }
            i = end + 1;
        } else if (c == u'(' || c == u'[' || c == u'{') {
            stack.append(c == u'(' ? u')' : c == u'[' ? u']' : u'}');
        } else if (c == u')' || c == u']' || c == u'}') {
            if (stack.isEmpty() || stack.takeLast() != c) {
                return -1;
            }
            if (stack.isEmpty()) {
                return i;
            }
        }
    }
    return -1;
}

// The top-level arguments of a call's argument text, trimmed. The text is balanced (the caller
// found its closing bracket).
QStringList splitArguments(QStringView text)
{
    QStringList arguments;
    int depth = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'"') {
            for (++i; i < text.size() && text[i] != u'"'; ++i) {
                if (text[i] == u'\\') {
                    ++i;
                }
            }
        } else if (c == u'/' && i + 1 < text.size() && text[i + 1] == u'*') {
            const qsizetype end = text.indexOf(u"*/", i + 2);
            i = end < 0 ? text.size() : end + 1;
        } else if (c == u'(' || c == u'[' || c == u'{') {
            ++depth;
        } else if (c == u')' || c == u']' || c == u'}') {
            --depth;
        } else if (c == u',' && depth == 0) {
            arguments.append(text.mid(start, i - start).trimmed().toString());
            start = i + 1;
        }
    }
    const QStringView last = text.mid(start).trimmed();
    if (!last.isEmpty() || !arguments.isEmpty()) {
        arguments.append(last.toString());
    }
    return arguments;
}

// A C string as strace writes it ("...", with \n, \t, \", \\, \xHH and octal escapes), its bytes;
// truncated is set when strace cut it short ("..."...). Unset when it is not a string.
std::optional<QByteArray> unquote(QStringView text, bool *truncated = nullptr)
{
    if (truncated) {
        *truncated = false;
    }
    if (!text.startsWith(u'"')) {
        return std::nullopt;
    }
    QByteArray bytes;
    qsizetype i = 1;
    for (; i < text.size() && text[i] != u'"'; ++i) {
        const QChar c = text[i];
        if (c != u'\\') {
            bytes.append(char(c.unicode() & 0xff));
            continue;
        }
        if (++i >= text.size()) {
            return std::nullopt;
        }
        const QChar e = text[i];
        switch (e.unicode()) {
        case 'n':
            bytes.append('\n');
            break;
        case 't':
            bytes.append('\t');
            break;
        case 'r':
            bytes.append('\r');
            break;
        case 'v':
            bytes.append('\v');
            break;
        case 'f':
            bytes.append('\f');
            break;
        case 'x': {
            const QStringView hex = text.mid(i + 1, 2);
            bool ok = false;
            const int value = hex.toInt(&ok, 16);
            if (!ok || hex.size() != 2) {
                return std::nullopt;
            }
            bytes.append(char(value));
            i += 2;
            break;
        }
        default:
            if (e >= u'0' && e <= u'7') {
                int value = 0;
                int digits = 0;
                while (digits < 3 && i < text.size() && text[i] >= u'0' && text[i] <= u'7') {
                    value = value * 8 + (text[i].unicode() - '0');
                    ++i;
                    ++digits;
                }
                --i;
                bytes.append(char(value & 0xff));
            } else {
                bytes.append(char(e.unicode() & 0xff));
            }
        }
    }
    if (i >= text.size()) {
        return std::nullopt;
    }
    const QStringView rest = text.mid(i + 1);
    if (truncated) {
        *truncated = rest.startsWith(u"...");
    }
    return bytes;
}

// A descriptor argument: "3", or "3</var/lib/x>" and "3<TCP:[...]>" as -y writes them.
struct Descriptor
{
    int fd = -1;
    QString decoration;
};

Descriptor descriptor(QStringView text)
{
    Descriptor result;
    const qsizetype angle = text.indexOf(u'<');
    bool ok = false;
    result.fd = (angle < 0 ? text : text.left(angle)).toInt(&ok);
    if (!ok) {
        result.fd = -1;
    }
    if (angle >= 0 && text.endsWith(u'>')) {
        result.decoration = text.mid(angle + 1, text.size() - angle - 2).toString();
    }
    return result;
}

int protocolFromText(QStringView text)
{
    static const QHash<QString, int> protocols{
        {u"IPPROTO_IP"_s, IPPROTO_IP},
        {u"IPPROTO_ICMP"_s, IPPROTO_ICMP},
        {u"IPPROTO_TCP"_s, IPPROTO_TCP},
        {u"IPPROTO_UDP"_s, IPPROTO_UDP},
        {u"IPPROTO_ICMPV6"_s, IPPROTO_ICMPV6},
        {u"IPPROTO_RAW"_s, IPPROTO_RAW},
        {u"IPPROTO_SCTP"_s, IPPROTO_SCTP},
        {u"NETLINK_ROUTE"_s, NETLINK_ROUTE},
        {u"NETLINK_SOCK_DIAG"_s, NETLINK_SOCK_DIAG},
        {u"NETLINK_AUDIT"_s, NETLINK_AUDIT},
        {u"NETLINK_NETFILTER"_s, NETLINK_NETFILTER},
        {u"NETLINK_KOBJECT_UEVENT"_s, NETLINK_KOBJECT_UEVENT},
        {u"NETLINK_GENERIC"_s, NETLINK_GENERIC},
    };
    bool ok = false;
    const int number = text.toInt(&ok, 0);
    if (ok) {
        return number;
    }
    return protocols.value(text.toString(), -1);
}

int numberOrName(QStringView text, std::optional<int> (*fromName)(QStringView))
{
    bool ok = false;
    const int number = text.toInt(&ok, 0);
    if (ok) {
        return number;
    }
    return fromName(text).value_or(-1);
}

PathAccess accessFromFlags(QStringView flags)
{
    PathAccess access;
    const auto names = flags.split(u'|');
    const auto has = [&names](QStringView flag) { return names.contains(flag); };
    if (has(u"O_PATH")) {
        return access;
    }
    if (has(u"O_WRONLY")) {
        access.write = true;
    } else if (has(u"O_RDWR")) {
        access.read = access.write = true;
    } else {
        access.read = true;
    }
    if (has(u"O_CREAT") || has(u"O_TRUNC") || has(u"O_APPEND") || has(u"O_TMPFILE")) {
        access.write = true;
    }
    return access;
}

std::optional<PathCall> pathCall(QStringView pathArgument, const QString &directory)
{
    bool truncated = false;
    const auto bytes = unquote(pathArgument, &truncated);
    if (!bytes) {
        return std::nullopt;
    }
    PathCall call;
    call.truncated = truncated;
    QString path = displayPath(*bytes);
    if (!path.startsWith(u'/') && directory.startsWith(u'/')) {
        path = directory + (directory.endsWith(u'/') ? QString() : u"/"_s) + path;
    }
    call.access.path = path;
    return call;
}

QString quoteLine(QByteArrayView line)
{
    QString text = oneLine(QString::fromLatin1(line.left(kQuoteLength + 1)));
    if (line.size() > kQuoteLength) {
        text = text.left(kQuoteLength) + u"..."_s;
    }
    return quoted(text);
}

} // namespace

StraceParser::StraceParser(int mainPid, QString mainComm)
    : m_mainPid(mainPid)
    , m_mainComm(std::move(mainComm))
{}

void StraceParser::issue(const QString &message, QByteArrayView line)
{
    m_log.issues.append({m_log.lines, message + u": "_s + quoteLine(line)});
}

std::optional<StraceParser::SocketInfo> StraceParser::socketOf(int pid, int fd) const
{
    const auto own = m_sockets.constFind({pid, fd});
    if (own != m_sockets.cend()) {
        return *own;
    }
    const auto any = m_lastSocketByFd.constFind(fd);
    if (any != m_lastSocketByFd.cend()) {
        return *any;
    }
    return std::nullopt;
}

void StraceParser::addLine(QByteArrayView raw)
{
    ++m_log.lines;
    while (raw.endsWith('\n') || raw.endsWith('\r')) {
        raw.chop(1);
    }
    if (raw.trimmed().isEmpty()) {
        return;
    }
    if (raw.contains('\0')) {
        issue(u"a NUL byte in a line"_s, raw);
        return;
    }
    // strace escapes what is not printable ASCII, so a byte is a character.
    const QString line = QString::fromLatin1(raw);
    static const QRegularExpression prefix(
        uR"re(^(?:\[pid\s+(\d+)\]\s+|(\d+)\s+)?(?:(\d+\.\d+|\d\d:\d\d:\d\d(?:\.\d+)?)\s+)?(.*)$)re"_s);
    const QRegularExpressionMatch match = prefix.match(line);
    if (!match.hasMatch()) {
        issue(u"unreadable line"_s, raw);
        return;
    }
    int pid = m_mainPid;
    // "[pid N] " on standard error; "N " in a file written with -o (strace writes every line so).
    const int pidGroup = match.hasCaptured(1) ? 1 : 2;
    if (match.hasCaptured(pidGroup)) {
        bool ok = false;
        pid = match.capturedView(pidGroup).toInt(&ok);
        if (!ok || pid <= 0) {
            issue(u"a pid out of range"_s, raw);
            return;
        }
    }
    std::int64_t timeNs = 0;
    if (match.hasCaptured(3)) {
        // Exact integers, not a double: seconds since the epoch need more than its 53 bits in ns.
        const QStringView stamp = match.capturedView(3);
        const qsizetype dot = stamp.indexOf(u'.');
        const QStringView whole = dot < 0 ? stamp : stamp.left(dot);
        const QString fraction = (dot < 0 ? QString() : stamp.mid(dot + 1).toString()).leftJustified(9, u'0', true);
        std::int64_t seconds = -1;
        if (whole.contains(u':')) {
            const auto parts = whole.split(u':');
            seconds = parts[0].toLongLong() * 3600 + parts[1].toLongLong() * 60 + parts[2].toLongLong();
        } else if (whole.size() <= 11) {
            seconds = whole.toLongLong();
        }
        if (seconds < 0 || seconds > kLatestSeconds) {
            issue(u"a timestamp out of range"_s, raw);
            return;
        }
        const std::int64_t absolute = seconds * 1000000000 + fraction.toLongLong();
        if (!m_firstTimeNs) {
            m_firstTimeNs = absolute;
        }
        timeNs = absolute - *m_firstTimeNs;
    }
    const QString body = match.captured(4);

    if (body.startsWith(u"+++ "_s) && body.endsWith(u" +++"_s)) {
        // Exited or killed: a call it left unfinished never returns.
        m_pending.remove(pid);
        return;
    }
    if ((body.startsWith(u"--- "_s) && body.endsWith(u" ---"_s)) || body.startsWith(u"strace: "_s)) {
        return;
    }
    static const QRegularExpression resumed(uR"re(^<\.\.\. ([A-Za-z_][A-Za-z0-9_]*) resumed>(.*)$)re"_s);
    if (const auto r = resumed.match(body); r.hasMatch()) {
        const auto pending = m_pending.constFind(pid);
        if (pending == m_pending.cend()) {
            issue(u"a resumed call whose start was not seen"_s, raw);
            return;
        }
        if (pending->syscall != r.capturedView(1)) {
            issue(u"resumes "_s + r.captured(1) + u", but "_s + pending->syscall + u" was unfinished"_s, raw);
            m_pending.remove(pid);
            return;
        }
        const QString text = pending->text + r.captured(2);
        const std::int64_t startNs = pending->timeNs;
        m_pending.remove(pid);
        addCall(pid, startNs, text);
        return;
    }
    static const QRegularExpression unfinished(uR"re(^([A-Za-z_][A-Za-z0-9_]*)\((.*) <unfinished \.\.\.>$)re"_s);
    if (const auto u = unfinished.match(body); u.hasMatch()) {
        if (m_pending.contains(pid)) {
            issue(u"a call starts while "_s + m_pending.value(pid).syscall + u" is unfinished in the same process"_s,
                  raw);
        }
        m_pending.insert(pid, {u.captured(1), body.left(body.size() - qsizetype(sizeof(" <unfinished ...>") - 1)),
                               m_log.lines, timeNs});
        return;
    }
    addCall(pid, timeNs, body);
}

void StraceParser::addCall(int pid, std::int64_t timeNs, const QString &text)
{
    const QByteArray raw = text.toLatin1();
    static const QRegularExpression name(uR"re(^([A-Za-z_][A-Za-z0-9_]*)\()re"_s);
    const auto n = name.match(text);
    if (!n.hasMatch()) {
        issue(u"not a system call, signal or exit line"_s, raw);
        return;
    }
    const qsizetype open = n.capturedEnd(1);
    const qsizetype close = matchingBracket(text, open);
    if (close < 0) {
        issue(u"unbalanced brackets or quotes in the arguments"_s, raw);
        return;
    }
    static const QRegularExpression result(
        uR"re(^\s+=\s+(\?|-?\d+|0x[0-9a-fA-F]+)(?:<[^>]*>)?(?:\s+(E[A-Z0-9_]+)\s+\([^)]*\))?(?:\s+\(.*\))?(?:\s+<\d+\.\d+>)?\s*$)re"_s);
    const auto r = result.matchView(QStringView(text).mid(close + 1));
    if (!r.hasMatch()) {
        issue(u"no return value after the arguments"_s, raw);
        return;
    }

    SyscallResult event;
    event.process = {pid, pid, pid == m_mainPid ? m_mainComm : QString()};
    event.timeNs = timeNs;
    event.syscall = n.captured(1);
    const QStringView value = r.capturedView(1);
    if (value != u"?") {
        bool ok = false;
        std::int64_t number = 0;
        if (value.startsWith(u"0x")) {
            number = std::int64_t(value.mid(2).toULongLong(&ok, 16));
        } else {
            number = value.toLongLong(&ok);
        }
        if (!ok) {
            issue(u"a return value out of range"_s, raw);
            return;
        }
        if (r.hasCaptured(2)) {
            const auto error = errnoFromName(r.capturedView(2));
            if (!error) {
                issue(u"an unknown errno name "_s + r.captured(2), raw);
                return;
            }
            if (number != -1) {
                issue(u"an errno name after a return value other than -1"_s, raw);
                return;
            }
            number = -*error;
        }
        event.returnValue = number;
    }

    const QStringList args = splitArguments(QStringView(text).mid(open + 1, close - open - 1));
    const QString &call = event.syscall;
    const auto arg = [&args](qsizetype i) { return i < args.size() ? QStringView(args[i]) : QStringView(); };

    if (call == u"socket"_s) {
        if (args.size() != 3) {
            issue(u"socket() with "_s + QString::number(args.size()) + u" arguments"_s, raw);
            return;
        }
        SocketCall socket;
        socket.family = numberOrName(arg(0), addressFamilyFromName);
        socket.type = numberOrName(arg(1).split(u'|').first(), socketTypeFromName);
        socket.protocol = protocolFromText(arg(2));
        if (event.succeeded()) {
            const SocketInfo info{socket.family, socket.type, socket.protocol};
            m_sockets.insert({pid, int(*event.returnValue)}, info);
            m_lastSocketByFd.insert(int(*event.returnValue), info);
        }
        event.arguments = socket;
    } else if (call == u"bind"_s) {
        if (args.size() != 3) {
            issue(u"bind() with "_s + QString::number(args.size()) + u" arguments"_s, raw);
            return;
        }
        const Descriptor fd = descriptor(arg(0));
        const QString address = args[1];
        BindCall bind;
        static const QRegularExpression family(uR"re(sa_family=(\w+))re"_s);
        static const QRegularExpression port(uR"re(sin6?_port=htons\((\d+)\))re"_s);
        static const QRegularExpression inet(uR"re(inet_addr\("([^"]*)"\))re"_s);
        static const QRegularExpression inet6(uR"re(inet_pton\(AF_INET6,\s*"([^"]*)")re"_s);
        static const QRegularExpression unixPath(uR"re(sun_path=(@?)("(?:[^"\\]|\\.)*"))re"_s);
        if (const auto m = family.match(address); m.hasMatch()) {
            bind.family = numberOrName(m.capturedView(1), addressFamilyFromName);
        }
        if (const auto m = port.match(address); m.hasMatch()) {
            bind.port = m.capturedView(1).toInt();
        }
        if (const auto m = inet.match(address); m.hasMatch()) {
            bind.address = m.captured(1);
        } else if (const auto m6 = inet6.match(address); m6.hasMatch()) {
            bind.address = m6.captured(1);
        } else if (const auto mu = unixPath.match(address); mu.hasMatch()) {
            bind.address = mu.captured(1) + displayPath(unquote(mu.capturedView(2)).value_or(QByteArray()));
        }
        if (fd.decoration.startsWith(u"TCP"_s)) {
            bind.socketType = SOCK_STREAM;
        } else if (fd.decoration.startsWith(u"UDP"_s)) {
            bind.socketType = SOCK_DGRAM;
        } else if (const auto info = socketOf(pid, fd.fd)) {
            bind.socketType = info->type;
        }
        event.arguments = bind;
    } else if (call == u"open"_s || call == u"creat"_s || call == u"execve"_s || call == u"chroot"_s) {
        auto path = pathCall(arg(0), {});
        if (!path) {
            issue(call + u"() without a path string"_s, raw);
            return;
        }
        if (call == u"open"_s) {
            PathAccess a = accessFromFlags(arg(1));
            a.path = path->access.path;
            path->access = a;
        } else if (call == u"creat"_s) {
            path->access.write = true;
        } else {
            path->access.execute = true;
        }
        event.arguments = *path;
    } else if (call == u"openat"_s || call == u"openat2"_s || call == u"execveat"_s) {
        const Descriptor directory = descriptor(arg(0));
        auto path = pathCall(arg(1), directory.decoration);
        if (!path) {
            issue(call + u"() without a path string"_s, raw);
            return;
        }
        if (call == u"openat"_s) {
            PathAccess a = accessFromFlags(arg(2));
            a.path = path->access.path;
            path->access = a;
        } else if (call == u"openat2"_s) {
            static const QRegularExpression flags(uR"re(flags=([A-Z0-9_|]+))re"_s);
            PathAccess a = accessFromFlags(flags.matchView(arg(2)).capturedView(1));
            a.path = path->access.path;
            path->access = a;
        } else {
            path->access.execute = true;
        }
        event.arguments = *path;
    } else if (call == u"ioctl"_s) {
        const Descriptor fd = descriptor(arg(0));
        IoctlCall ioctl;
        ioctl.request = arg(1).toString();
        if (fd.decoration.startsWith(u'/')) {
            ioctl.path = fd.decoration;
        }
        event.arguments = ioctl;
    } else if (call == u"setsockopt"_s) {
        event.arguments = SockoptCall{arg(1).toString(), arg(2).toString()};
    } else if (call.startsWith(u"setgroups"_s)) {
        SetIdCall ids;
        static const QRegularExpression number(uR"re(-?\d+)re"_s);
        auto it = number.globalMatchView(arg(1));
        while (it.hasNext()) {
            ids.ids.append(it.next().capturedView().toLongLong());
        }
        event.arguments = ids;
    } else if (call.startsWith(u"setres"_s) || call.startsWith(u"setre"_s) || call.startsWith(u"setfs"_s) ||
               call == u"setuid"_s || call == u"setgid"_s || call == u"setuid32"_s || call == u"setgid32"_s) {
        SetIdCall ids;
        for (const QString &a : args) {
            bool ok = false;
            const std::int64_t id = a.toLongLong(&ok);
            if (!ok) {
                issue(call + u"() with an id that is not a number"_s, raw);
                return;
            }
            ids.ids.append(id);
        }
        event.arguments = ids;
    } else if (call == u"recvmsg"_s || call == u"recvfrom"_s || call == u"recv"_s || call == u"read"_s) {
        static const QRegularExpression error(uR"re(nlmsg_type=NLMSG_ERROR\b.*?error=-(E[A-Z0-9_]+))re"_s);
        if (const auto m = error.match(text); m.hasMatch()) {
            NetlinkReply reply;
            reply.error = errnoFromName(m.capturedView(1)).value_or(0);
            if (const auto info = socketOf(pid, descriptor(arg(0)).fd); info && info->family == AF_NETLINK) {
                reply.protocol = info->protocol;
            }
            if (reply.error != 0) {
                event.arguments = reply;
            }
        }
    }
    m_log.results.append(event);
}

StraceLog StraceParser::finish()
{
    // Calls still unfinished: the log ended while they ran (strace was stopped first).
    QList<Pending> left = m_pending.values();
    std::sort(left.begin(), left.end(), [](const Pending &a, const Pending &b) { return a.line < b.line; });
    for (const Pending &pending : left) {
        m_log.issues.append({pending.line, pending.syscall + u"() never resumed before the log ended"_s});
    }
    m_pending.clear();
    std::sort(m_log.issues.begin(), m_log.issues.end(),
              [](const StraceIssue &a, const StraceIssue &b) { return a.line < b.line; });
    return std::move(m_log);
}

StraceLog parseStrace(QByteArrayView text, int mainPid, const QString &mainComm)
{
    StraceParser parser(mainPid, mainComm);
    while (!text.isEmpty()) {
        const qsizetype end = text.indexOf('\n');
        parser.addLine(end < 0 ? text : text.first(end));
        text = end < 0 ? QByteArrayView() : text.sliced(end + 1);
    }
    return parser.finish();
}

} // namespace Deroot::Core
