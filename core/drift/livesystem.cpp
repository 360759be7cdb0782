// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The live system as drift reads it: no root needed but for the bytes of root-only files.
#include "core/base/sha256.h"
#include "core/base/toolrunner.h"
#include "core/drift/drift.h"
#include "core/plan/statoverride.h"

#include <QFile>
#include <QTimeZone>

#include <cerrno>
#include <vector>

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

constexpr qint64 kMaxHashedBytes = qint64(1) << 30;
constexpr qint64 kMaxFileBytes = qint64(1) << 20;

QDateTime fromTimespec(const struct timespec &time)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(time.tv_sec) * 1000 + time.tv_nsec / 1000000, QTimeZone::UTC);
}

class Fd
{
public:
    explicit Fd(int fd)
        : m_fd(fd)
    {}
    ~Fd()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

FileFacts RealLiveSystem::file(const QString &path) const
{
    FileFacts facts;
    const QByteArray name = QFile::encodeName(path);
    struct stat st{};
    if (::lstat(name.constData(), &st) != 0) {
        return facts;
    }
    facts.exists = true;
    facts.modified = fromTimespec(st.st_mtim);
    facts.changed = fromTimespec(st.st_ctim);
    char attribute[64];
    // The attribute is readable by anyone (getcap needs no privilege), whether or not the bytes are.
    const ssize_t size = ::lgetxattr(name.constData(), "security.capability", attribute, sizeof attribute);
    if (size >= 0) {
        facts.capabilityXattr = QByteArray(attribute, size);
    }
    if (!S_ISREG(st.st_mode) || st.st_size > kMaxHashedBytes) {
        return facts;
    }
    const Fd fd(::open(name.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0) {
        return facts;
    }
    Sha256 hash;
    std::vector<char> buffer(std::size_t(1) << 16);
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return facts;
        }
        if (n == 0) {
            break;
        }
        hash.addData(QByteArrayView(buffer.data(), n));
    }
    facts.readable = true;
    facts.sha256 = QString::fromLatin1(hash.result().toHex());
    return facts;
}

QByteArray RealLiveSystem::fileBytes(const QString &path) const
{
    const Fd fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    struct stat st{};
    if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > kMaxFileBytes) {
        return {};
    }
    QFile file;
    if (!file.open(fd.get(), QIODevice::ReadOnly, QFileDevice::DontCloseHandle)) {
        return {};
    }
    return file.read(kMaxFileBytes);
}

QHash<QString, QString> RealLiveSystem::unitProperties(const QString &unit) const
{
    QHash<QString, QString> properties;
    const ToolRun run =
        runTool(u"/usr/bin/systemctl"_s,
                {u"show"_s,
                 u"--property=LoadState,NeedDaemonReload,User,AmbientCapabilities,CapabilityBoundingSet,"
                 u"MainPID"_s,
                 u"--"_s, unit},
                10000, false);
    if (!run.finished || run.exitCode != 0) {
        return properties;
    }
    for (const QByteArray &line : run.out.split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals > 0) {
            properties.insert(QString::fromUtf8(line.left(equals)), QString::fromUtf8(line.mid(equals + 1)).trimmed());
        }
    }
    return properties;
}

std::optional<qint64> RealLiveSystem::userId(const QString &name) const
{
    struct passwd entry{};
    struct passwd *found = nullptr;
    std::vector<char> buffer(16384);
    if (::getpwnam_r(name.toUtf8().constData(), &entry, buffer.data(), buffer.size(), &found) != 0 ||
        found == nullptr) {
        return std::nullopt;
    }
    return qint64(found->pw_uid);
}

ProcessFacts RealLiveSystem::process(qint64 pid) const
{
    ProcessFacts facts;
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (pid <= 0 || !status.open(QIODevice::ReadOnly)) {
        return facts;
    }
    int seen = 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 2) {
            continue;
        }
        bool ok = false;
        if (fields.at(0) == "Uid:" && fields.size() >= 3) {
            facts.uid = fields.at(2).toLongLong(&ok); // real, effective, saved, file system
        } else if (fields.at(0) == "CapEff:") {
            facts.capEff = fields.at(1).toULongLong(&ok, 16);
        } else if (fields.at(0) == "CapPrm:") {
            facts.capPrm = fields.at(1).toULongLong(&ok, 16);
        }
        seen += ok ? 1 : 0;
    }
    facts.found = seen == 3;
    return facts;
}

std::optional<QString> RealLiveSystem::statOverride(const QString &path) const
{
    QFile database(kDpkgStatOverrideFile);
    if (!database.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    return dpkgStatOverride(database.read(qint64(16) * 1024 * 1024), path);
}

} // namespace Deroot::Core
