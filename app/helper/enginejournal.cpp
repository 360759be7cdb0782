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
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <syslog.h>

using namespace Qt::StringLiterals;
using Deroot::Core::quoted;

namespace Deroot::Helper {

std::optional<Error> Engine::Private::save(const JournalRecord &record) const
{
    if (system.failJournalWrite && system.failJournalWrite(record.toJson())) {
        return Error{ExitCode::Failure, u"the journal of %1 cannot be written: test fault"_s.arg(record.id)};
    }
    if (auto error = journal().save(record)) {
        return error;
    }
    // Only this engine writes while it holds the lock, so the directory's new stamp is its own.
    const QString &id = record.id;
    index.insert(id, indexEntry(record, journal().stamp(id).value_or(JournalStamp{})));
    indexStamp = journal().directoryStamp();
    return std::nullopt;
}

Engine::Private::IndexEntry Engine::Private::indexEntry(const JournalRecord &record, const JournalStamp &stamp)
{
    return IndexEntry{
        record.sequence, record.state, record.planSha256, record.confirmBy.value_or(QDateTime()), record.callerUid,
        summary(record), stamp};
}

void Engine::Private::syncIndex(bool everyFile) const
{
    const auto directory = journal().directoryStamp();
    if (!everyFile && indexLoaded && directory && indexStamp && *directory == *indexStamp) {
        return;
    }
    const QMap<QString, JournalStamp> stamps = journal().stamps();
    for (auto it = index.begin(); it != index.end();) {
        it = stamps.contains(it.key()) ? std::next(it) : index.erase(it);
    }
    for (auto it = stamps.cbegin(); it != stamps.cend(); ++it) {
        const auto known = index.constFind(it.key());
        if (known != index.cend() && known->stamp == it.value()) {
            continue;
        }
        const auto record = journal().load(it.key());
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
        if (auto error = journal().remove(id)) {
            // Not fatal: the journal is only larger than it should be.
            log(LOG_WARNING, callerUid, u"cannot prune the journal of %1: %2"_s.arg(id, error->message));
            break;
        }
        index.remove(id);
        indexStamp = journal().directoryStamp();
        --excess;
    }
}

QStringList Engine::Private::finishInterrupted(QString *unfinished)
{
    QStringList done;
    for (const QString &id : orderedIds({u"applying"_s, u"rolling-back"_s})) {
        auto record = journal().load(id);
        if (!record) {
            done << u"apply %1: recovery failed: %2"_s.arg(id, record.error().message);
            if (unfinished && unfinished->isEmpty()) {
                *unfinished = id;
            }
            continue;
        }
        const QString state = record->state;
        const QString finalState = state == u"applying" ? u"failed"_s : record->rollingBackTo.value_or(u"failed"_s);
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
        auto record = journal().load(id);
        if (!record) {
            continue;
        }
        for (JournalEntry &entry : record->entries) {
            if (entry.kind != Core::stepKindName(PlanStep::Kind::CreateUser) || !entry.files) {
                continue;
            }
            entry.accounts = entry.accountStamps();
            entry.files.reset();
        }
        // Rewritten once, in today's format, even without such an entry: not read again at the
        // next start.
        record->format = kJournalFormat;
        if (auto error = save(*record)) {
            done << u"apply %1: its copies of the account files cannot be dropped: %2"_s.arg(id, error->message);
        }
    }
    return done;
}

// What history shows of a record: everything but the previous bytes and states, which are root's
// to read.
QJsonObject Engine::Private::summary(const JournalRecord &record)
{
    QJsonArray steps;
    for (JournalEntry entry : record.entries) {
        entry.files.reset();
        entry.accounts.reset();
        entry.after.reset();
        // What the apply set on the program stays: anyone can read it with getcap, and drift
        // (derootctl status) compares the program's attribute with it.
        const std::optional<JournalCaps> caps = std::exchange(entry.caps, std::nullopt);
        QJsonObject json = entry.toJson();
        if (caps && caps->after) {
            json.insert(u"caps"_s, QJsonObject{{u"path"_s, caps->path}, {u"after"_s, *caps->after}});
        }
        steps.append(json);
    }
    QJsonObject json = record.toJson();
    json.remove(u"entries"_s);
    // The plan stays in the root-only record: the history is every local user's, and the index's
    // summaries stay small.
    json.remove(u"plan_json"_s);
    json.insert(u"steps"_s, steps);
    return json;
}

static_assert(Journal::kMaxRecords == 1000, "System::journalRecordLimit's default is Journal::kMaxRecords");

} // namespace Deroot::Helper
