// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/journal.h"

#include "core/base/text.h"

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Helper {

JournalStamp JournalStamp::of(const struct stat &st)
{
    return JournalStamp{st.st_dev, st.st_ino, st.st_size, st.st_mtim, st.st_ctim};
}

bool JournalStamp::operator==(const JournalStamp &other) const
{
    return device == other.device && inode == other.inode && size == other.size &&
           modified.tv_sec == other.modified.tv_sec && modified.tv_nsec == other.modified.tv_nsec &&
           changed.tv_sec == other.changed.tv_sec && changed.tv_nsec == other.changed.tv_nsec;
}

Journal::Journal(const RootFs &fs, QString stateDirectory)
    : m_fs(fs)
    , m_stateDirectory(std::move(stateDirectory))
{}

QString Journal::newId(const QDateTime &now)
{
    return now.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s) + u'-' +
           QString::number(QRandomGenerator::system()->generate(), 16).rightJustified(8, u'0');
}

bool Journal::isValidId(const QString &id)
{
    static const QRegularExpression kId(QRegularExpression::anchoredPattern(u"[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}"_s));
    return kId.match(id).hasMatch();
}

Core::Result<UniqueFd> Journal::directory() const
{
    // The state directory is made root-only (0700 after creation) on first use.
    QStringList created;
    auto fd = m_fs.openDirectory(m_stateDirectory + u"/applies"_s, DirectoryRule::Destination, true, &created);
    if (fd) {
        for (const QString &path : std::as_const(created)) {
            if (path.startsWith(m_stateDirectory)) {
                auto dir = m_fs.openDirectory(path, DirectoryRule::Destination);
                if (dir) {
                    ::fchmod(dir->get(), 0700);
                }
            }
        }
    }
    return fd;
}

std::optional<Core::Error> Journal::save(const QJsonObject &record) const
{
    const QString id = record.value(u"id"_s).toString();
    if (!isValidId(id)) {
        return Core::Error{Core::ExitCode::Failure, u"journal record without a valid id"_s};
    }
    const QByteArray bytes = QJsonDocument(record).toJson(QJsonDocument::Compact);
    if (bytes.size() > kMaxRecordBytes) {
        return Core::Error{Core::ExitCode::Refused,
                           u"the journal of %1 would exceed %2 bytes"_s.arg(id).arg(kMaxRecordBytes)};
    }
    auto dir = directory();
    if (!dir) {
        return dir.error();
    }
    return RootFs::writeAtomically(dir->get(), id + u".json"_s, bytes, 0600, 0, 0,
                                   Core::quoted(QString(m_stateDirectory + u"/applies/"_s + id + u".json"_s)));
}

Core::Result<QJsonObject> Journal::load(const QString &id) const
{
    if (!isValidId(id)) {
        return Core::Error{Core::ExitCode::Usage, u"%1 is not an apply id"_s.arg(Core::quoted(id))};
    }
    auto dir = directory();
    if (!dir) {
        return dir.error();
    }
    const QString shown = Core::quoted(QString(m_stateDirectory + u"/applies/"_s + id + u".json"_s));
    auto state = RootFs::readState(dir->get(), id + u".json"_s, shown, kMaxRecordBytes);
    if (!state) {
        return state.error();
    }
    if (!state->exists) {
        return Core::Error{Core::ExitCode::NotFound, u"no apply has the id %1"_s.arg(id)};
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(state->bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return Core::Error{Core::ExitCode::Failure, u"the journal %1 is damaged: %2"_s.arg(shown, error.errorString())};
    }
    return document.object();
}

std::optional<Core::Error> Journal::remove(const QString &id) const
{
    if (!isValidId(id)) {
        return Core::Error{Core::ExitCode::Usage, u"%1 is not an apply id"_s.arg(Core::quoted(id))};
    }
    auto dir = directory();
    if (!dir) {
        return dir.error();
    }
    const QByteArray name = QFile::encodeName(id + u".json"_s);
    if (::unlinkat(dir->get(), name.constData(), 0) != 0 && errno != ENOENT) {
        return Core::Error{Core::ExitCode::Failure,
                           u"cannot delete the journal of %1: %2"_s.arg(id, QString::fromLocal8Bit(::strerror(errno)))};
    }
    if (::fsync(dir->get()) != 0) {
        return Core::Error{Core::ExitCode::Failure, u"cannot flush the journal's directory: %1"_s.arg(
                                                        QString::fromLocal8Bit(::strerror(errno)))};
    }
    return std::nullopt;
}

QMap<QString, JournalStamp> Journal::stamps() const
{
    QMap<QString, JournalStamp> result;
    auto dir = directory();
    if (!dir) {
        return result;
    }
    const int fd = ::fcntl(dir->get(), F_DUPFD_CLOEXEC, 0);
    DIR *stream = ::fdopendir(fd);
    if (!stream) {
        ::close(fd);
        return result;
    }
    while (const dirent *entry = ::readdir(stream)) {
        const QString name = QFile::decodeName(entry->d_name);
        struct stat st{};
        if (name.endsWith(u".json"_s) && isValidId(name.chopped(5)) &&
            ::fstatat(dir->get(), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
            result.insert(name.chopped(5), JournalStamp::of(st));
        }
    }
    ::closedir(stream);
    return result;
}

std::optional<JournalStamp> Journal::stamp(const QString &id) const
{
    auto dir = directory();
    struct stat st{};
    if (!isValidId(id) || !dir ||
        ::fstatat(dir->get(), QFile::encodeName(id + u".json"_s).constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        return std::nullopt;
    }
    return JournalStamp::of(st);
}

std::optional<JournalStamp> Journal::directoryStamp() const
{
    auto dir = directory();
    struct stat st{};
    if (!dir || ::fstat(dir->get(), &st) != 0) {
        return std::nullopt;
    }
    return JournalStamp::of(st);
}

} // namespace Deroot::Helper
