// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/journal.h"

#include "app/helper/accountfiles.h"
#include "core/base/sha256.h"
#include "core/base/text.h"

#include <QFile>
#include <QJsonArray>
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

namespace {

// Moves @p key of @p json, if present, into @p out through @p read, and removes it from @p json:
// what is left over is kept as unknown.
template <typename T, typename Read> void take(QJsonObject &json, const QString &key, std::optional<T> &out, Read read)
{
    const auto it = json.constFind(key);
    if (it != json.constEnd()) {
        out = read(it.value());
        json.remove(key);
    }
}

QString takeString(QJsonObject &json, const QString &key)
{
    const QString value = json.value(key).toString();
    json.remove(key);
    return value;
}

QString sha256Hex(QByteArrayView bytes)
{
    Core::Sha256 hash;
    hash.addData(bytes);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

AccountStamp AccountStamp::of(const FileState &state)
{
    if (!state.exists) {
        return {};
    }
    return AccountStamp{true, sha256Hex(state.bytes), state.mode, state.uid, state.gid};
}

QJsonObject AccountStamp::toJson() const
{
    if (!exists) {
        return {{u"exists"_s, false}};
    }
    return {
        {u"exists"_s, true}, {u"sha256"_s, sha256}, {u"mode"_s, int(mode)}, {u"uid"_s, int(uid)}, {u"gid"_s, int(gid)}};
}

AccountStamp AccountStamp::fromJson(const QJsonObject &json)
{
    if (!json.value(u"exists"_s).toBool()) {
        return {};
    }
    return AccountStamp{true, json.value(u"sha256"_s).toString(), quint32(json.value(u"mode"_s).toInt(0644)),
                        uid_t(json.value(u"uid"_s).toInt()), gid_t(json.value(u"gid"_s).toInt())};
}

QJsonObject fileStateToJson(const FileState &state)
{
    if (!state.exists) {
        return {{u"exists"_s, false}};
    }
    return {{u"exists"_s, true},
            {u"bytes"_s, QString::fromLatin1(state.bytes.toBase64())},
            {u"mode"_s, int(state.mode)},
            {u"uid"_s, int(state.uid)},
            {u"gid"_s, int(state.gid)}};
}

FileState fileStateFromJson(const QJsonObject &json)
{
    FileState state;
    state.exists = json.value(u"exists"_s).toBool();
    state.bytes = QByteArray::fromBase64(json.value(u"bytes"_s).toString().toLatin1());
    state.mode = quint32(json.value(u"mode"_s).toInt(0644));
    state.uid = uid_t(json.value(u"uid"_s).toInt());
    state.gid = gid_t(json.value(u"gid"_s).toInt());
    return state;
}

QJsonObject JournalUser::toJson() const
{
    return {{u"name"_s, name}, {u"group"_s, group}, {u"existed"_s, existed}, {u"group_existed"_s, groupExisted}};
}

JournalUser JournalUser::fromJson(const QJsonObject &json)
{
    return JournalUser{json.value(u"name"_s).toString(), json.value(u"group"_s).toString(),
                       json.value(u"existed"_s).toBool(), json.value(u"group_existed"_s).toBool()};
}

QJsonObject JournalUnit::toJson() const
{
    QJsonObject json{{u"name"_s, name}, {u"was_active"_s, wasActive}};
    if (links) {
        QJsonArray array;
        for (const UnitLink &link : *links) {
            array.append(QJsonObject{{u"path"_s, link.path}, {u"target"_s, link.target}});
        }
        json.insert(u"links"_s, array);
    }
    if (alsoStop) {
        json.insert(u"also_stop"_s, *alsoStop);
    }
    if (wantsLink) {
        json.insert(u"wants_link"_s, *wantsLink);
        json.insert(u"was_enabled"_s, wasEnabled);
        json.insert(u"wants_dir_created"_s, wantsDirCreated);
    }
    return json;
}

JournalUnit JournalUnit::fromJson(const QJsonObject &json)
{
    JournalUnit unit;
    unit.name = json.value(u"name"_s).toString();
    unit.wasActive = json.value(u"was_active"_s).toBool();
    if (json.contains(u"links"_s)) {
        QList<UnitLink> links;
        for (const auto &value : json.value(u"links"_s).toArray()) {
            const QJsonObject link = value.toObject();
            links.append(UnitLink{link.value(u"path"_s).toString(), link.value(u"target"_s).toString()});
        }
        unit.links = links;
    }
    if (json.contains(u"also_stop"_s)) {
        unit.alsoStop = json.value(u"also_stop"_s).toString();
    }
    if (json.contains(u"wants_link"_s)) {
        unit.wantsLink = json.value(u"wants_link"_s).toString();
        unit.wasEnabled = json.value(u"was_enabled"_s).toBool();
        unit.wantsDirCreated = json.value(u"wants_dir_created"_s).toBool();
    }
    return unit;
}

QJsonObject JournalCaps::toJson() const
{
    QJsonObject json{{u"path"_s, path}, {u"before"_s, before}};
    if (after) {
        json.insert(u"after"_s, *after);
    }
    return json;
}

JournalCaps JournalCaps::fromJson(const QJsonObject &json)
{
    JournalCaps caps{json.value(u"path"_s).toString(), json.value(u"before"_s), std::nullopt};
    if (json.contains(u"after"_s)) {
        caps.after = json.value(u"after"_s);
    }
    return caps;
}

QMap<QString, AccountStamp> JournalEntry::accountStamps() const
{
    if (accounts) {
        return *accounts;
    }
    QMap<QString, AccountStamp> stamps;
    if (files) {
        for (const QString &path : kAccountFiles + kAccountBackups) {
            if (files->contains(path)) {
                stamps.insert(path, AccountStamp::of(files->value(path)));
            }
        }
    }
    return stamps;
}

QJsonObject JournalEntry::toJson() const
{
    QJsonObject json = unknown;
    json.insert(u"index"_s, index);
    json.insert(u"kind"_s, kind);
    json.insert(u"target"_s, target);
    json.insert(u"artifact"_s, artifact);
    json.insert(u"status"_s, status);
    if (message) {
        json.insert(u"message"_s, *message);
    }
    if (undoError) {
        json.insert(u"undo_error"_s, *undoError);
    }
    if (user) {
        json.insert(u"user"_s, user->toJson());
    }
    if (accounts) {
        QJsonObject object;
        for (auto it = accounts->cbegin(); it != accounts->cend(); ++it) {
            object.insert(it.key(), it.value().toJson());
        }
        json.insert(u"accounts"_s, object);
    }
    if (after) {
        QJsonObject object;
        for (auto it = after->cbegin(); it != after->cend(); ++it) {
            object.insert(it.key(), it.value());
        }
        json.insert(u"after"_s, object);
    }
    if (files) {
        QJsonObject object;
        for (auto it = files->cbegin(); it != files->cend(); ++it) {
            object.insert(it.key(), fileStateToJson(it.value()));
        }
        json.insert(u"files"_s, object);
    }
    if (dirsCreated) {
        json.insert(u"dirs_created"_s, QJsonArray::fromStringList(*dirsCreated));
    }
    if (afterSha256) {
        json.insert(u"after_sha256"_s, *afterSha256);
    }
    if (caps) {
        json.insert(u"caps"_s, caps->toJson());
    }
    if (unit) {
        json.insert(u"unit"_s, unit->toJson());
    }
    if (agentCheck) {
        json.insert(u"agent_check"_s, *agentCheck);
    }
    return json;
}

JournalEntry JournalEntry::fromJson(const QJsonObject &source)
{
    QJsonObject json = source;
    JournalEntry entry;
    entry.index = json.value(u"index"_s).toInt();
    json.remove(u"index"_s);
    entry.kind = takeString(json, u"kind"_s);
    entry.target = takeString(json, u"target"_s);
    entry.artifact = takeString(json, u"artifact"_s);
    entry.status = takeString(json, u"status"_s);
    const auto toString = [](const QJsonValue &value) { return value.toString(); };
    take(json, u"message"_s, entry.message, toString);
    take(json, u"undo_error"_s, entry.undoError, toString);
    take(json, u"user"_s, entry.user, [](const QJsonValue &value) { return JournalUser::fromJson(value.toObject()); });
    take(json, u"accounts"_s, entry.accounts, [](const QJsonValue &value) {
        QMap<QString, AccountStamp> stamps;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            stamps.insert(it.key(), AccountStamp::fromJson(it.value().toObject()));
        }
        return stamps;
    });
    take(json, u"after"_s, entry.after, [](const QJsonValue &value) {
        QMap<QString, QString> hashes;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            hashes.insert(it.key(), it.value().toString());
        }
        return hashes;
    });
    take(json, u"files"_s, entry.files, [](const QJsonValue &value) {
        QMap<QString, FileState> states;
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            states.insert(it.key(), fileStateFromJson(it.value().toObject()));
        }
        return states;
    });
    take(json, u"dirs_created"_s, entry.dirsCreated, [](const QJsonValue &value) {
        QStringList paths;
        for (const auto &path : value.toArray()) {
            paths << path.toString();
        }
        return paths;
    });
    take(json, u"after_sha256"_s, entry.afterSha256, toString);
    take(json, u"caps"_s, entry.caps, [](const QJsonValue &value) { return JournalCaps::fromJson(value.toObject()); });
    take(json, u"unit"_s, entry.unit, [](const QJsonValue &value) { return JournalUnit::fromJson(value.toObject()); });
    take(json, u"agent_check"_s, entry.agentCheck, [](const QJsonValue &value) { return value.toObject(); });
    entry.unknown = json;
    return entry;
}

QJsonObject JournalRecord::toJson() const
{
    QJsonObject json = unknown;
    json.insert(u"format"_s, format);
    json.insert(u"id"_s, id);
    json.insert(u"sequence"_s, sequence);
    json.insert(u"created"_s, created);
    json.insert(u"caller_uid"_s, callerUid);
    json.insert(u"agent"_s, agent);
    json.insert(u"method"_s, method);
    json.insert(u"plan_sha256"_s, planSha256);
    json.insert(u"service_user"_s, serviceUser);
    json.insert(u"unit"_s, unit);
    json.insert(u"timer"_s, timer);
    json.insert(u"replaces_unit"_s, replacesUnit);
    json.insert(u"state"_s, state);
    if (program) {
        json.insert(u"program"_s, *program);
    }
    if (programSha256) {
        json.insert(u"program_sha256"_s, *programSha256);
    }
    if (capabilities) {
        json.insert(u"capabilities"_s, QJsonArray::fromStringList(*capabilities));
    }
    if (planJson) {
        json.insert(u"plan_json"_s, *planJson);
    }
    if (reconciled) {
        QJsonArray array;
        for (const JournalReconcile &event : *reconciled) {
            array.append(event.toJson());
        }
        json.insert(u"reconciled"_s, array);
    }
    if (rollingBackTo) {
        json.insert(u"rolling_back_to"_s, *rollingBackTo);
    }
    if (confirmBy) {
        json.insert(u"confirm_by"_s, confirmBy->toString(Qt::ISODate));
    }
    if (confirmedByUid) {
        json.insert(u"confirmed_by_uid"_s, *confirmedByUid);
    }
    if (message) {
        json.insert(u"message"_s, *message);
    }
    if (notes) {
        json.insert(u"notes"_s, QJsonArray::fromStringList(*notes));
    }
    if (finished) {
        json.insert(u"finished"_s, *finished);
    }
    QJsonArray array;
    for (const JournalEntry &entry : entries) {
        array.append(entry.toJson());
    }
    json.insert(u"entries"_s, array);
    return json;
}

JournalRecord JournalRecord::fromJson(const QJsonObject &source)
{
    QJsonObject json = source;
    JournalRecord record;
    record.format = takeString(json, u"format"_s);
    record.id = takeString(json, u"id"_s);
    record.sequence = json.value(u"sequence"_s).toInteger();
    json.remove(u"sequence"_s);
    record.created = takeString(json, u"created"_s);
    record.callerUid = json.value(u"caller_uid"_s).toInt(-1);
    json.remove(u"caller_uid"_s);
    record.agent = takeString(json, u"agent"_s);
    record.method = takeString(json, u"method"_s);
    record.planSha256 = takeString(json, u"plan_sha256"_s);
    record.serviceUser = takeString(json, u"service_user"_s);
    record.unit = takeString(json, u"unit"_s);
    record.timer = takeString(json, u"timer"_s);
    record.replacesUnit = takeString(json, u"replaces_unit"_s);
    record.state = takeString(json, u"state"_s);
    const auto toString = [](const QJsonValue &value) { return value.toString(); };
    take(json, u"program"_s, record.program, toString);
    take(json, u"program_sha256"_s, record.programSha256, toString);
    take(json, u"capabilities"_s, record.capabilities, [](const QJsonValue &value) {
        QStringList names;
        for (const auto &name : value.toArray()) {
            names << name.toString();
        }
        return names;
    });
    take(json, u"plan_json"_s, record.planJson, toString);
    take(json, u"reconciled"_s, record.reconciled, [](const QJsonValue &value) {
        QList<JournalReconcile> events;
        for (const auto &event : value.toArray()) {
            events.append(JournalReconcile::fromJson(event.toObject()));
        }
        return events;
    });
    take(json, u"rolling_back_to"_s, record.rollingBackTo, toString);
    take(json, u"confirm_by"_s, record.confirmBy,
         [](const QJsonValue &value) { return QDateTime::fromString(value.toString(), Qt::ISODate); });
    take(json, u"confirmed_by_uid"_s, record.confirmedByUid, [](const QJsonValue &value) { return value.toInt(); });
    take(json, u"message"_s, record.message, toString);
    take(json, u"notes"_s, record.notes, [](const QJsonValue &value) {
        QStringList notes;
        for (const auto &note : value.toArray()) {
            notes << note.toString();
        }
        return notes;
    });
    take(json, u"finished"_s, record.finished, toString);
    for (const auto &value : json.value(u"entries"_s).toArray()) {
        record.entries.append(JournalEntry::fromJson(value.toObject()));
    }
    json.remove(u"entries"_s);
    record.unknown = json;
    return record;
}

QJsonObject JournalReconcile::toJson() const
{
    return {{u"at"_s, at},
            {u"caller_uid"_s, callerUid},
            {u"target"_s, target},
            {u"outcome"_s, outcome},
            {u"message"_s, message}};
}

JournalReconcile JournalReconcile::fromJson(const QJsonObject &json)
{
    return {json.value(u"at"_s).toString(), json.value(u"caller_uid"_s).toInt(-1), json.value(u"target"_s).toString(),
            json.value(u"outcome"_s).toString(), json.value(u"message"_s).toString()};
}

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

Core::Result<UniqueFd> Journal::directory(bool create) const
{
    // The state directory is made root-only (0700 after creation) when the first record is saved.
    // Reading never makes it: a helper still running when the package is purged (its binary gone,
    // its state removed by deroot-cli.postrm) must not bring /var/lib/deroot back when it next
    // looks at the journal (a rollback's pruning, its exit when idle).
    QStringList created;
    auto fd = m_fs.openDirectory(m_stateDirectory + u"/applies"_s, DirectoryRule::Destination, create, &created);
    if (fd) {
        for (const QString &path : std::as_const(created)) {
            if (path.startsWith(m_stateDirectory)) {
                // Refused rather than used wider: the records keep what the applies replaced.
                auto dir = m_fs.openDirectory(path, DirectoryRule::Destination);
                if (!dir) {
                    return dir.error();
                }
                if (::fchmod(dir->get(), 0700) != 0) {
                    return Core::Error{Core::ExitCode::Failure,
                                       u"%1 cannot be made root-only: %2"_s.arg(Core::quoted(path), errnoText(errno))};
                }
            }
        }
    }
    return fd;
}

std::optional<Core::Error> Journal::save(const JournalRecord &record) const
{
    const QString &id = record.id;
    if (!isValidId(id)) {
        return Core::Error{Core::ExitCode::Failure, u"journal record without a valid id"_s};
    }
    const QByteArray bytes = QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact);
    if (bytes.size() > kMaxRecordBytes) {
        return Core::Error{Core::ExitCode::Refused,
                           u"the journal of %1 would exceed %2 bytes"_s.arg(id).arg(kMaxRecordBytes)};
    }
    auto dir = directory(true);
    if (!dir) {
        return dir.error();
    }
    return RootFs::writeAtomically(dir->get(), id + u".json"_s, bytes, 0600, 0, 0,
                                   Core::quoted(QString(m_stateDirectory + u"/applies/"_s + id + u".json"_s)));
}

Core::Result<JournalRecord> Journal::load(const QString &id) const
{
    if (!isValidId(id)) {
        return Core::Error{Core::ExitCode::Usage, u"%1 is not an apply id"_s.arg(Core::quoted(id))};
    }
    auto dir = directory();
    if (!dir && dir.error().code == Core::ExitCode::NotFound) {
        return Core::Error{Core::ExitCode::NotFound, u"no apply has the id %1"_s.arg(id)};
    }
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
    return JournalRecord::fromJson(document.object());
}

std::optional<Core::Error> Journal::remove(const QString &id) const
{
    if (!isValidId(id)) {
        return Core::Error{Core::ExitCode::Usage, u"%1 is not an apply id"_s.arg(Core::quoted(id))};
    }
    auto dir = directory();
    if (!dir && dir.error().code == Core::ExitCode::NotFound) {
        return std::nullopt; // no journal, so no record to delete
    }
    if (!dir) {
        return dir.error();
    }
    const QByteArray name = QFile::encodeName(id + u".json"_s);
    if (::unlinkat(dir->get(), name.constData(), 0) != 0 && errno != ENOENT) {
        return Core::Error{Core::ExitCode::Failure, u"cannot delete the journal of %1: %2"_s.arg(id, errnoText(errno))};
    }
    if (::fsync(dir->get()) != 0) {
        return Core::Error{Core::ExitCode::Failure,
                           u"cannot flush the journal's directory: %1"_s.arg(errnoText(errno))};
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
