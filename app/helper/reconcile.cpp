// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Drift repair: the file capabilities an apply set, set again after a package upgrade took them
// (dpkg unpacks a new inode, without the old one's security.capability attribute).
#include "app/helper/engine_p.h"

#include "core/base/text.h"
#include "core/plan/statoverride.h"

#include <QFile>
#include <QHash>

#include <cerrno>

#include <fcntl.h>
#include <sys/xattr.h>
#include <syslog.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Deroot::Core::quoted;

namespace Deroot::Helper {

namespace {

// The sizes of the attribute's two formats the kernel writes (VFS_CAP_REVISION_2 and _3, with
// the namespace's root uid): anything else in a record is not what an apply set.
bool plausibleCapabilityXattr(const QByteArray &bytes)
{
    return bytes.size() == 20 || bytes.size() == 24;
}

} // namespace

QJsonObject ReconcileItem::toJson() const
{
    return {{u"apply_id"_s, applyId},
            {u"agent"_s, agent},
            {u"program"_s, program},
            {u"outcome"_s, outcome},
            {u"message"_s, message}};
}

Core::Result<QList<ReconcileItem>> Engine::reconcileCapabilities(const QString &applyId, int callerUid)
{
    if (auto error = d->ready()) {
        return *error;
    }
    if (!applyId.isEmpty() && !Journal::isValidId(applyId)) {
        return Error{ExitCode::Usage, u"%1 is not an apply id"_s.arg(quoted(applyId))};
    }
    const auto lock = d->lock();
    if (!lock) {
        return lock.error();
    }
    const QStringList inPlace = d->orderedIds({u"applied"_s, u"pending"_s});
    if (!applyId.isEmpty() && !inPlace.contains(applyId)) {
        return d->index.contains(applyId)
                   ? Error{ExitCode::Failure, u"the apply %1 is %2: nothing of it is in place to reconcile"_s.arg(
                                                  applyId, d->index.value(applyId).state)}
                   : Error{ExitCode::NotFound, u"no apply %1 in the history"_s.arg(quoted(applyId))};
    }
    // The newest apply in place that set capabilities on a program owns them: an older one's are
    // what the newer replaced.
    QHash<QString, QString> owner;
    QList<JournalRecord> records;
    for (const QString &id : inPlace) {
        auto record = d->journal().load(id);
        if (!record) {
            return record.error();
        }
        for (const JournalEntry &entry : record->entries) {
            if (entry.caps && entry.caps->after && entry.status == u"done") {
                owner.insert(entry.caps->path, id);
            }
        }
        records.append(*record);
    }
    const auto overrides = d->readAt(Core::kDpkgStatOverrideFile, qsizetype{16} * 1024 * 1024);
    QList<ReconcileItem> items;
    for (JournalRecord &record : records) {
        if (!applyId.isEmpty() && record.id != applyId) {
            continue;
        }
        bool changed = false;
        for (const JournalEntry &entry : std::as_const(record.entries)) {
            if (!entry.caps || !entry.caps->after || entry.status != u"done") {
                continue;
            }
            const QString path = entry.caps->path;
            if (owner.value(path) != record.id) {
                // A later apply in place set this program's capabilities: they are its to keep, and
                // this one has nothing to say about them (not even on every dpkg run).
                continue;
            }
            ReconcileItem item{record.id, record.agent, path, {}, {}};
            const auto blocked = [&item](const QString &why) {
                item.outcome = u"blocked"_s;
                item.message = why;
            };
            const QByteArray wanted = QByteArray::fromBase64(entry.caps->after->toString().toLatin1());
            if (!record.programSha256 || record.program.value_or(QString()) != path) {
                blocked(u"the apply was recorded before drift tracking, without the SHA-256 of the program it "
                        u"was approved for: apply the plan again to have its capabilities kept"_s);
            } else if (!overrides) {
                blocked(u"dpkg's statoverride database cannot be read: %1"_s.arg(overrides.error().message));
            } else if (const auto statOverride = Core::dpkgStatOverride(overrides->bytes, path)) {
                blocked(u"dpkg-statoverride holds %1 for %2: the admin's override means hands off"_s.arg(
                    quoted(*statOverride), path));
            } else if (!plausibleCapabilityXattr(wanted)) {
                blocked(u"the journal's record of what the apply set is not a capability attribute"_s);
            } else {
                CheckedRequest approved;
                approved.programPath = path;
                approved.programSha256 = *record.programSha256;
                auto fd = d->openProgram(approved, true);
                if (!fd) {
                    blocked(fd.error().message + u": its capabilities are not set again; review the program and "
                                                 u"apply a new plan"_s);
                } else if (Private::capabilityXattr(fd->get()) == *entry.caps->after) {
                    item.outcome = u"holding"_s;
                    item.message = u"the capabilities the apply set are in place"_s;
                } else if (::fsetxattr(fd->get(), kCapabilityXattr, wanted.constData(), size_t(wanted.size()), 0) !=
                               0 ||
                           Private::capabilityXattr(fd->get()) != *entry.caps->after) {
                    // On the descriptor that was hashed: a file swapped in since cannot receive them.
                    item.outcome = u"failed"_s;
                    item.message = u"the capabilities cannot be set on %1: %2"_s.arg(quoted(path), errnoText(errno));
                } else {
                    ::fsync(fd->get());
                    item.outcome = u"restored"_s;
                    item.message = u"set again the capabilities the apply set (the program's SHA-256 is the "
                                   u"plan's)"_s;
                }
            }
            if (item.outcome != u"holding") {
                if (!record.reconciled) {
                    record.reconciled = QList<JournalReconcile>{};
                }
                record.reconciled->append(JournalReconcile{d->system.now().toString(Qt::ISODate), callerUid, path,
                                                           item.outcome, item.message});
                changed = true;
                d->log(item.outcome == u"restored" ? LOG_NOTICE : LOG_WARNING, callerUid,
                       u"reconcile of apply %1 (%2): %3 %4: %5"_s.arg(record.id, record.agent, item.outcome, path,
                                                                      item.message));
            }
            items.append(item);
        }
        // Kept bounded: a program blocked on every dpkg run would otherwise grow the record forever.
        if (changed && record.reconciled->size() > kMaxReconcileEvents) {
            record.reconciled->erase(record.reconciled->begin(), record.reconciled->end() - kMaxReconcileEvents);
        }
        if (changed) {
            if (auto error = d->save(record)) {
                d->log(LOG_WARNING, callerUid,
                       u"reconcile of apply %1: its record cannot be written: %2"_s.arg(record.id, error->message));
            }
        }
    }
    return items;
}

} // namespace Deroot::Helper
