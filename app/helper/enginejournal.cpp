// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The engine's side of the journal: every write, the index of it kept in memory, pruning,
// unfinished records finished, and the boot-time recovery marker.
#include "app/helper/engine_p.h"

#include "app/helper/accountfiles.h"
#include "core/base/text.h"

#include <QDateTime>
#include <QFile>

#include <algorithm>
#include <iterator>

#include <fcntl.h>
#include <sys/stat.h>
#include <syslog.h>

using namespace Qt::StringLiterals;
using Deroot::Core::quoted;

namespace Deroot::Helper {

QJsonObject stateToJson(const FileState &state)
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

FileState stateFromJson(const QJsonObject &json)
{
    FileState state;
    state.exists = json.value(u"exists"_s).toBool();
    state.bytes = QByteArray::fromBase64(json.value(u"bytes"_s).toString().toLatin1());
    state.mode = quint32(json.value(u"mode"_s).toInt(0644));
    state.uid = uid_t(json.value(u"uid"_s).toInt());
    state.gid = gid_t(json.value(u"gid"_s).toInt());
    return state;
}

// What the journal keeps of an account file: never its bytes (shadow and gshadow hold password
// hashes, which must not outlive a rotation in /var/lib/deroot and its backups), only what an undo
// needs to prove that the bytes it writes back are the ones that were there.
QJsonObject accountStamp(const FileState &state)
{
    if (!state.exists) {
        return {{u"exists"_s, false}};
    }
    return {{u"exists"_s, true},
            {u"sha256"_s, sha256Hex(state.bytes)},
            {u"mode"_s, int(state.mode)},
            {u"uid"_s, int(state.uid)},
            {u"gid"_s, int(state.gid)}};
}

// The account stamps of a create-user entry. Format 1 kept the files' bytes ("files"): the same
// facts are derived from them, so an old record is undone by today's rules.
QJsonObject accountStamps(const QJsonObject &entry)
{
    if (entry.contains(u"accounts"_s)) {
        return entry.value(u"accounts"_s).toObject();
    }
    QJsonObject stamps;
    const QJsonObject files = entry.value(u"files"_s).toObject();
    for (const QString &path : kAccountFiles + kAccountBackups) {
        if (files.contains(path)) {
            stamps.insert(path, accountStamp(stateFromJson(files.value(path).toObject())));
        }
    }
    return stamps;
}

bool sameState(const FileState &a, const FileState &b)
{
    if (a.exists != b.exists) {
        return false;
    }
    return !a.exists || (a.bytes == b.bytes && a.mode == b.mode && a.uid == b.uid && a.gid == b.gid);
}

std::optional<Error> Engine::Private::save(const QJsonObject &record) const
{
    if (system.failJournalWrite && system.failJournalWrite(record)) {
        return Error{ExitCode::Failure,
                     u"the journal of %1 cannot be written: test fault"_s.arg(record.value(u"id"_s).toString())};
    }
    if (auto error = journal->save(record)) {
        return error;
    }
    // Only this engine writes while it holds the lock, so the directory's new stamp is its own.
    const QString id = record.value(u"id"_s).toString();
    index.insert(id, indexEntry(record, journal->stamp(id).value_or(JournalStamp{})));
    indexStamp = journal->directoryStamp();
    return std::nullopt;
}

Engine::Private::IndexEntry Engine::Private::indexEntry(const QJsonObject &record, const JournalStamp &stamp)
{
    return IndexEntry{record.value(u"sequence"_s).toInteger(),
                      record.value(u"state"_s).toString(),
                      record.value(u"plan_sha256"_s).toString(),
                      QDateTime::fromString(record.value(u"confirm_by"_s).toString(), Qt::ISODate),
                      record.value(u"caller_uid"_s).toInt(-1),
                      summary(record),
                      stamp};
}

void Engine::Private::syncIndex(bool everyFile) const
{
    const auto directory = journal->directoryStamp();
    if (!everyFile && indexLoaded && directory && indexStamp && *directory == *indexStamp) {
        return;
    }
    const QMap<QString, JournalStamp> stamps = journal->stamps();
    for (auto it = index.begin(); it != index.end();) {
        it = stamps.contains(it.key()) ? std::next(it) : index.erase(it);
    }
    for (auto it = stamps.cbegin(); it != stamps.cend(); ++it) {
        const auto known = index.constFind(it.key());
        if (known != index.cend() && known->stamp == it.value()) {
            continue;
        }
        const auto record = journal->load(it.key());
        if (record) {
            index.insert(it.key(), indexEntry(*record, it.value()));
        } else {
            index.remove(it.key()); // damaged: left out, as a damaged record always was
        }
    }
    indexLoaded = true;
    indexStamp = directory;
}

QStringList Engine::Private::orderedIds(const QStringList &states) const
{
    QList<QPair<qint64, QString>> ordered;
    for (auto it = index.cbegin(); it != index.cend(); ++it) {
        if (states.isEmpty() || states.contains(it->state)) {
            ordered.append({it->sequence, it.key()});
        }
    }
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList ids;
    for (const auto &[sequence, id] : std::as_const(ordered)) {
        ids << id;
    }
    return ids;
}

void Engine::Private::prune(int callerUid) const
{
    qsizetype excess = index.size() - std::max<qsizetype>(system.journalRecordLimit, 1) + 1;
    for (const QString &id : orderedIds({u"rolled-back"_s, u"failed"_s})) {
        if (excess <= 0) {
            break;
        }
        if (auto error = journal->remove(id)) {
            // Not fatal: the journal is only larger than it should be.
            log(LOG_WARNING, callerUid, u"cannot prune the journal of %1: %2"_s.arg(id, error->message));
            break;
        }
        index.remove(id);
        indexStamp = journal->directoryStamp();
        --excess;
    }
}

QStringList Engine::Private::finishInterrupted(QString *unfinished)
{
    QStringList done;
    for (const QString &id : orderedIds({u"applying"_s, u"rolling-back"_s})) {
        auto record = journal->load(id);
        if (!record) {
            done << u"apply %1: recovery failed: %2"_s.arg(id, record.error().message);
            if (unfinished && unfinished->isEmpty()) {
                *unfinished = id;
            }
            continue;
        }
        const QString state = record->value(u"state"_s).toString();
        const QString finalState =
            state == u"applying" ? u"failed"_s : record->value(u"rolling_back_to"_s).toString(u"failed"_s);
        const auto error =
            undo(record.value(), finalState == u"rolled-back" ? finalState : u"failed"_s,
                 u"the helper stopped during the %1; the previous state was restored at the next start"_s.arg(
                     state == u"applying" ? u"apply"_s : u"rollback"_s),
                 -1, {});
        done << (error ? u"apply %1: recovery failed: %2"_s.arg(id, error->message)
                       : u"apply %1: unfinished, rolled back"_s.arg(id));
        const QString now = index.value(id).state;
        if (unfinished && unfinished->isEmpty() && (now == u"applying" || now == u"rolling-back")) {
            *unfinished = id;
        }
    }
    return done;
}

std::optional<Error> Engine::Private::armBootRecovery() const
{
    auto dir = stateDirectory();
    if (!dir) {
        return dir.error();
    }
    const QByteArray name = QFile::encodeName(kRecoverMarker);
    struct stat st{};
    if (::fstatat(dir->get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode)) {
        return std::nullopt;
    }
    if (auto error = RootFs::writeAtomically(dir->get(), kRecoverMarker, {}, 0600, 0, 0,
                                             quoted(QString(system.stateDirectory + u'/' + kRecoverMarker)))) {
        return error;
    }
    return std::nullopt;
}

void Engine::Private::settleBootRecovery() const
{
    if (!orderedIds({u"pending"_s, u"applying"_s, u"rolling-back"_s}).isEmpty()) {
        if (auto error = armBootRecovery()) {
            log(LOG_WARNING, -1, u"the boot-time recovery cannot be armed: %1"_s.arg(error->message));
        }
        return;
    }
    auto dir = stateDirectory();
    // Not fatal: a marker left behind only starts the helper once more at boot, which then
    // finds nothing to do and removes it.
    const auto error =
        dir ? RootFs::remove(dir->get(), kRecoverMarker, quoted(kRecoverMarker)) : std::optional<Error>(dir.error());
    if (error) {
        log(LOG_WARNING, -1, u"the boot-time recovery marker cannot be removed: %1"_s.arg(error->message));
    }
}

QStringList Engine::Private::dropAccountCopies()
{
    QStringList done;
    for (const QString &id : orderedIds()) {
        if (index.value(id).summary.value(u"format"_s).toString() == kJournalFormat) {
            continue;
        }
        auto record = journal->load(id);
        if (!record) {
            continue;
        }
        QJsonArray entries = record->value(u"entries"_s).toArray();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            QJsonObject entry = entries.at(i).toObject();
            if (entry.value(u"kind"_s).toString() != Core::stepKindName(PlanStep::Kind::CreateUser) ||
                !entry.contains(u"files"_s)) {
                continue;
            }
            entry.insert(u"accounts"_s, accountStamps(entry));
            entry.remove(u"files"_s);
            entries[i] = entry;
        }
        // Rewritten once, in today's format, even without such an entry: not read again at the
        // next start.
        record->insert(u"format"_s, kJournalFormat);
        record->insert(u"entries"_s, entries);
        if (auto error = save(*record)) {
            done << u"apply %1: its copies of the account files cannot be dropped: %2"_s.arg(id, error->message);
        }
    }
    return done;
}

// What history shows of a record: everything but the previous bytes and states, which are root's
// to read.
QJsonObject Engine::Private::summary(QJsonObject record)
{
    QJsonArray steps;
    for (const QJsonValue &value : record.value(u"entries"_s).toArray()) {
        QJsonObject entry = value.toObject();
        entry.remove(u"files"_s);
        entry.remove(u"accounts"_s);
        entry.remove(u"after"_s);
        entry.remove(u"caps"_s);
        steps.append(entry);
    }
    record.remove(u"entries"_s);
    record.insert(u"steps"_s, steps);
    return record;
}

static_assert(Journal::kMaxRecords == 1000, "System::journalRecordLimit's default is Journal::kMaxRecords");

} // namespace Deroot::Helper
