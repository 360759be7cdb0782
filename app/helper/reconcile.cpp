// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Drift repair: the file capabilities an apply set, set again after a package upgrade took them
// (dpkg unpacks a new inode, without the old one's security.capability attribute).
#include "app/helper/engine_p.h"

#include "app/helper/accountfiles.h"
#include "core/base/text.h"
#include "core/model/capabilities.h"
#include "core/plan/statoverride.h"
#include "core/rules/rules.h"

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

bool isWriteKind(const QString &kind)
{
    return kind == Core::stepKindName(PlanStep::Kind::WriteSysusers) ||
           kind == Core::stepKindName(PlanStep::Kind::WriteUnit) ||
           kind == Core::stepKindName(PlanStep::Kind::WriteSudoers);
}

// Appends one event to the record's reconcile log, bounded to the newest kMaxReconcileEvents.
void recordEvent(JournalRecord &record, const QString &at, int callerUid, const ReconcileItem &item)
{
    if (!record.reconciled) {
        record.reconciled = QList<JournalReconcile>{};
    }
    record.reconciled->append(JournalReconcile{at, callerUid, item.target, item.outcome, item.message});
    if (record.reconciled->size() > kMaxReconcileEvents) {
        record.reconciled->erase(record.reconciled->begin(), record.reconciled->end() - kMaxReconcileEvents);
    }
}

} // namespace

QJsonObject ReconcileItem::toJson() const
{
    return {{u"apply_id"_s, applyId}, {u"agent"_s, agent},     {u"program"_s, program}, {u"what"_s, what},
            {u"target"_s, target},    {u"outcome"_s, outcome}, {u"message"_s, message}};
}

Core::Result<QList<ReconcileItem>> Engine::reconcileCapabilities(const QString &applyId, int callerUid)
{
    return d->reconcile(applyId, callerUid, false);
}

Core::Result<QList<ReconcileItem>> Engine::reconcile(const QString &applyId, int callerUid)
{
    return d->reconcile(applyId, callerUid, true);
}

Core::Result<QList<ReconcileItem>> Engine::Private::reconcile(const QString &applyId, int callerUid, bool everything)
{
    if (auto error = ready()) {
        return *error;
    }
    if (!applyId.isEmpty() && !Journal::isValidId(applyId)) {
        return Error{ExitCode::Usage, u"%1 is not an apply id"_s.arg(quoted(applyId))};
    }
    const auto held = lock();
    if (!held) {
        return held.error();
    }
    const QStringList inPlace = orderedIds({u"applied"_s, u"pending"_s});
    if (!applyId.isEmpty() && !inPlace.contains(applyId)) {
        return index.contains(applyId)
                   ? Error{ExitCode::Failure, u"the apply %1 is %2: nothing of it is in place to reconcile"_s.arg(
                                                  applyId, index.value(applyId).state)}
                   : Error{ExitCode::NotFound, u"no apply %1 in the history"_s.arg(quoted(applyId))};
    }
    // The newest apply in place that set capabilities on a program, or wrote a file, owns them: an
    // older one's are what the newer replaced.
    QHash<QString, QString> capsOwner;
    QHash<QString, QString> fileOwner;
    QList<JournalRecord> records;
    for (const QString &id : inPlace) {
        auto record = journal().load(id);
        if (!record) {
            return record.error();
        }
        for (const JournalEntry &entry : record->entries) {
            if (entry.status != u"done") {
                continue;
            }
            if (entry.caps && entry.caps->after) {
                capsOwner.insert(entry.caps->path, id);
            }
            if (isWriteKind(entry.kind) && entry.afterSha256) {
                fileOwner.insert(entry.target, id);
            }
        }
        records.append(*record);
    }
    const auto overrides = readAt(Core::kDpkgStatOverrideFile, qsizetype{16} * 1024 * 1024);
    QList<ReconcileItem> items;
    for (JournalRecord &record : records) {
        if (!applyId.isEmpty() && record.id != applyId) {
            continue;
        }
        QList<ReconcileItem> recordItems = reconcileCapabilitiesOf(record, capsOwner, overrides);
        if (everything) {
            recordItems.append(reconcileWritesOf(record, fileOwner));
        }
        bool changed = false;
        const QString at = system.now().toString(Qt::ISODate);
        for (const ReconcileItem &item : std::as_const(recordItems)) {
            if (item.outcome == u"holding") {
                continue;
            }
            changed = true;
            recordEvent(record, at, callerUid, item);
            log(item.outcome == u"restored" ? LOG_NOTICE : LOG_WARNING, callerUid,
                u"reconcile of apply %1 (%2): %3 %4 %5: %6"_s.arg(record.id, record.agent, item.outcome, item.what,
                                                                  item.target, item.message));
        }
        if (changed) {
            if (auto error = save(record)) {
                log(LOG_WARNING, callerUid,
                    u"reconcile of apply %1: its record cannot be written: %2"_s.arg(record.id, error->message));
            }
        }
        items.append(recordItems);
    }
    return items;
}

QStringList Engine::reconcileGrants(const QString &applyId, bool everything) const
{
    QStringList grants;
    if (d->ready() || (!applyId.isEmpty() && !Journal::isValidId(applyId))) {
        return grants;
    }
    d->syncIndex(false);
    const QStringList inPlace = d->orderedIds({u"applied"_s, u"pending"_s});
    for (const QString &id : inPlace) {
        if (!applyId.isEmpty() && id != applyId) {
            continue;
        }
        // A record that cannot be read is one the reconcile itself refuses (it loads each first).
        const auto record = d->journal().load(id);
        if (!record) {
            continue;
        }
        for (const QString &name : record->capabilities.value_or(QStringList())) {
            if (const auto info = Core::capabilityByName(name);
                info && Core::isRootEquivalentCapability(info->number)) {
                grants << QString::fromLatin1(info->name) + u" (root-equivalent capability)"_s;
            }
        }
        // The plan as the reconcile reads it: one it refuses writes nothing, so grants nothing.
        const std::optional<QString> &planJson = record->planJson;
        if (everything && planJson.has_value()) {
            if (const auto plan = Core::parseStoredPlan(planJson.value().toUtf8())) {
                grants << plan->privilegedGrants;
            }
        }
    }
    grants.removeDuplicates();
    return grants;
}

QList<ReconcileItem> Engine::Private::reconcileCapabilitiesOf(const JournalRecord &record,
                                                              const QHash<QString, QString> &owner,
                                                              const Core::Result<FileState> &overrides)
{
    QList<ReconcileItem> items;
    for (const JournalEntry &entry : record.entries) {
        if (!entry.caps || entry.status != u"done") {
            continue;
        }
        const JournalCaps &caps = *entry.caps;
        if (!caps.after) {
            continue;
        }
        const QJsonValue after = *caps.after;
        const QString path = caps.path;
        if (owner.value(path) != record.id) {
            // A later apply in place set this program's capabilities: they are its to keep, and
            // this one has nothing to say about them (not even on every dpkg run).
            continue;
        }
        ReconcileItem item{record.id, record.agent, path, u"capabilities"_s, path, {}, {}};
        const auto blocked = [&item](const QString &why) {
            item.outcome = u"blocked"_s;
            item.message = why;
        };
        const QByteArray wanted = QByteArray::fromBase64(after.toString().toLatin1());
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
            auto fd = openProgram(approved, true);
            if (!fd) {
                blocked(fd.error().message + u": its capabilities are not set again; review the program and "
                                             u"apply a new plan"_s);
            } else if (Private::capabilityXattr(fd->get()) == after) {
                item.outcome = u"holding"_s;
                item.message = u"the capabilities the apply set are in place"_s;
            } else if (::fsetxattr(fd->get(), kCapabilityXattr, wanted.constData(), size_t(wanted.size()), 0) != 0 ||
                       Private::capabilityXattr(fd->get()) != after) {
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
        items.append(item);
    }
    return items;
}

QList<ReconcileItem> Engine::Private::reconcileWritesOf(JournalRecord &record, const QHash<QString, QString> &owner)
{
    const QString createUser = Core::stepKindName(PlanStep::Kind::CreateUser);
    // --- what drifted: the user the apply created, the files it wrote ---
    QList<int> drifted; // entry indexes, in the plan's order (the user comes first)
    QList<ReconcileItem> recordItems;
    const auto itemFor = [&record, &createUser](const JournalEntry &entry) {
        const bool user = entry.kind == createUser;
        return ReconcileItem{record.id,
                             record.agent,
                             record.program.value_or(QString()),
                             user ? u"user"_s : u"file"_s,
                             user && entry.user ? entry.user->name : entry.target,
                             {},
                             {}};
    };
    // The plan the apply checked, regenerated from its own input (checked again below, as an
    // apply checks it, before anything is written).
    Core::Result<CheckedRequest> parsed =
        record.planJson ? Core::parseStoredPlan(record.planJson->toUtf8())
                        : Core::Result<CheckedRequest>(
                              Error{ExitCode::Refused, u"the apply was recorded before the journal kept its plan, so "
                                                       u"what it wrote cannot be regenerated: roll it back and apply "
                                                       u"the plan again"_s});
    if (parsed && (parsed->planSha256 != record.planSha256 || parsed->steps.size() != record.entries.size())) {
        parsed = Error{ExitCode::Refused, u"the journal's plan is not the one the apply recorded"_s};
    }
    const auto passwd = readAt(u"/etc/passwd"_s, kMaxAccountFileBytes);
    for (const JournalEntry &entry : std::as_const(record.entries)) {
        if (entry.status != u"done") {
            continue;
        }
        if (entry.kind == createUser && entry.user && !entry.user->existed) {
            if (passwd && !findAccount(parseAccounts(passwd->bytes, true), entry.user->name)) {
                drifted.append(entry.index);
            }
            continue;
        }
        if (!isWriteKind(entry.kind) || !entry.afterSha256 || owner.value(entry.target) != record.id) {
            continue;
        }
        const auto current = readAt(entry.target, Core::kMaxFileBytes);
        if (!current) {
            ReconcileItem item = itemFor(entry);
            item.outcome = u"failed"_s;
            item.message = current.error().message;
            recordItems.append(item);
            continue;
        }
        // Its bytes, and who may change them: a unit or sudoers file another user can write is
        // root for that user.
        const bool wrongMode = parsed && entry.index >= 0 && entry.index < parsed->steps.size() &&
                               (current->mode & 07777) != parsed->steps.at(entry.index).mode;
        if (!current->exists || sha256Hex(current->bytes) != *entry.afterSha256 || current->uid != 0 ||
            current->gid != 0 || wrongMode) {
            drifted.append(entry.index);
        }
    }
    std::optional<CheckedRequest> plan;
    QString blockedWhy;
    if (!drifted.isEmpty()) {
        if (!parsed) {
            blockedWhy =
                record.planJson
                    ? u"its plan is refused now (%1): roll it back and apply a new plan"_s.arg(parsed.error().message)
                    : parsed.error().message;
        } else if (auto refused = preflight(*parsed)) {
            blockedWhy = u"the checks of an apply refuse its plan now (%1): nothing of it is written again"_s.arg(
                refused->message);
        } else {
            plan = *parsed;
        }
    }
    bool unitChanged = false;
    for (const int index : std::as_const(drifted)) {
        JournalEntry entry = record.entries.at(index);
        ReconcileItem item = itemFor(entry);
        if (!plan) {
            item.outcome = u"blocked"_s;
            item.message = blockedWhy;
            recordItems.append(item);
            continue;
        }
        const PlanStep &step = plan->steps.at(index);
        if (Core::stepKindName(step.kind) != entry.kind || step.target != entry.target) {
            item.outcome = u"blocked"_s;
            item.message = u"the plan's step %1 is not the one the apply recorded"_s.arg(index + 1);
        } else if (entry.afterSha256 && sha256Hex(step.content) != *entry.afterSha256) {
            item.outcome = u"blocked"_s;
            item.message = u"this version of Deroot writes other bytes for %1 than the apply did: roll it back "
                           u"and apply a new plan"_s.arg(entry.target);
        } else {
            AgentCheck unused;
            // The apply's own step; a user deleted without its group joins that group again
            // (carryOut() asks /etc/group as it is now), and the record keeps what was there
            // before the apply, for the undo.
            const Private::StepResult result = carryOut(*plan, step, entry, unused);
            if (result.error) {
                item.outcome = u"failed"_s;
                item.message = result.error->message;
            } else {
                item.outcome = u"restored"_s;
                item.message = entry.kind == createUser
                                   ? u"created the system user %1 again, as the apply did"_s.arg(item.target)
                                   : u"wrote %1 again, byte for byte as the apply wrote it"_s.arg(entry.target);
                record.entries[index] = entry;
                unitChanged = unitChanged || entry.kind == createUser ||
                              entry.kind == Core::stepKindName(PlanStep::Kind::WriteUnit);
            }
        }
        recordItems.append(item);
    }
    // --- systemd reads the files again, and the agent runs as the plan says ---
    if (plan && unitChanged) {
        ReconcileItem item{record.id, record.agent, record.program.value_or(QString()), u"unit"_s, plan->unit, {}, {}};
        for (qsizetype i = 0; i < plan->steps.size(); ++i) {
            const PlanStep &step = plan->steps.at(i);
            JournalEntry entry = record.entries.at(i);
            if (entry.status != u"done" ||
                (step.kind != PlanStep::Kind::DaemonReload && step.kind != PlanStep::Kind::StartUnit &&
                 step.kind != PlanStep::Kind::StartTimer)) {
                continue;
            }
            AgentCheck check;
            const Private::StepResult result = carryOut(*plan, step, entry, check);
            if (result.error) {
                item.outcome = u"failed"_s;
                item.message = result.error->message;
                break;
            }
            item.target = step.kind == PlanStep::Kind::DaemonReload ? plan->unit : step.target;
            item.outcome = check.checked && !check.ok ? u"failed"_s : u"restored"_s;
            item.message = result.message;
            record.entries[i] = entry;
        }
        if (!item.outcome.isEmpty()) {
            recordItems.append(item);
        }
    }
    return recordItems;
}

} // namespace Deroot::Helper
