// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/engine.h"

#include "app/helper/agentcheck.h"
#include "app/helper/engine_p.h"
#include "app/helper/processrunner.h"
#include "core/base/sha256.h"
#include "core/base/text.h"

#include <QDateTime>

#include <algorithm>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <syslog.h>

using namespace Qt::StringLiterals;
using Deroot::Core::quoted;

namespace Deroot::Helper {

namespace {

QString counted(qsizetype n, const QString &one, const QString &many)
{
    return u"%1 %2"_s.arg(n).arg(n == 1 ? one : many);
}

// The one line of an apply that ran to the end: what was done, so that no client has to count
// the steps itself to say it.
QString appliedMessage(const ApplyOutcome &outcome, const QDateTime &confirmBy)
{
    const QString exportOnly = Core::stepKindName(PlanStep::Kind::ExportOnly);
    const qsizetype exported = std::count_if(outcome.steps.cbegin(), outcome.steps.cend(),
                                             [&](const StepEvent &step) { return step.kind == exportOnly; });
    QString message = u"applied "_s + counted(outcome.steps.size() - exported, u"step"_s, u"steps"_s);
    if (exported > 0) {
        message += u", and left %1 for the admin to install by hand"_s.arg(
            counted(exported, u"exported file"_s, u"exported files"_s));
    }
    if (outcome.agent.checked && !outcome.agent.ok) {
        message += u", but the running agent does not match the plan: %1; roll it back with apply id %2"_s.arg(
            describeMismatch(outcome.agent), outcome.applyId);
    } else if (outcome.agent.checked) {
        message += outcome.agent.unit.endsWith(u".timer"_s) ? u"; the timer is as planned"_s
                                                            : u"; the running agent is as planned"_s;
    }
    if (confirmBy.isValid()) {
        message += u"; confirm it by %1 or it is rolled back"_s.arg(confirmBy.toUTC().toString(Qt::ISODate));
    }
    return message;
}

} // namespace

QString sha256Hex(QByteArrayView bytes)
{
    Core::Sha256 hash;
    hash.addData(bytes);
    return QString::fromLatin1(hash.result().toHex());
}

QString directoryOf(const QString &path)
{
    return path.section(u'/', 0, -2).isEmpty() ? u"/"_s : path.section(u'/', 0, -2);
}

QString nameOf(const QString &path)
{
    return path.section(u'/', -1);
}

void Engine::Private::log(int priority, int uid, const QString &message) const
{
    if (system.log) {
        system.log(priority, uid, message);
    }
}

void Engine::Private::stepBoundary([[maybe_unused]] int step, [[maybe_unused]] bool done) const
{
#ifdef DEROOT_CRASH_HOOK
    system.crashHook.applyStep(step, done);
#endif
}

void Engine::Private::undoBoundary([[maybe_unused]] int undone, [[maybe_unused]] bool done) const
{
#ifdef DEROOT_CRASH_HOOK
    system.crashHook.undoStep(undone, done);
#endif
}

Core::ToolRun Engine::Private::run(const QString &program, const QStringList &arguments, const QList<BindMount> &binds,
                                   int timeoutMs) const
{
    return system.runner->run(program, arguments, binds, timeoutMs);
}

std::optional<Error> Engine::Private::restart(const QString &unit) const
{
    // Its failure is the restart's to report (engine_p.h), so its result is not needed.
    static_cast<void>(run(kSystemctl, {u"reset-failed"_s, u"--"_s, unit}));
    return toolError(run(kSystemctl, {u"restart"_s, u"--"_s, unit}, {}, 90000), u"systemctl restart %1"_s.arg(unit));
}

std::optional<Error> Engine::Private::toolError(const Core::ToolRun &run, const QString &what)
{
    if (run.started && run.finished && run.exitCode == 0) {
        return std::nullopt;
    }
    const QString output = Core::oneLine(QString::fromUtf8(run.out).trimmed().left(400));
    return Error{ExitCode::Failure, u"%1 failed: %2"_s.arg(what, run.error.isEmpty() ? output : run.error)};
}

Core::Result<FileState> Engine::Private::readAt(const QString &path, qsizetype limit) const
{
    auto dir = fs().openDirectory(directoryOf(path), DirectoryRule::Destination);
    if (!dir) {
        if (dir.error().code == ExitCode::NotFound) {
            return FileState{};
        }
        return dir.error();
    }
    return RootFs::readState(dir->get(), nameOf(path), quoted(path), limit);
}

Core::Result<UniqueFd> Engine::Private::stateDirectory() const
{
    QStringList created;
    auto dir = fs().openDirectory(system.stateDirectory, DirectoryRule::Destination, true, &created);
    // Refused rather than used wider: the journal keeps what the applies replaced.
    if (dir && !created.isEmpty() && ::fchmod(dir->get(), 0700) != 0) {
        return Error{ExitCode::Failure,
                     u"the journal's directory cannot be made root-only: %1"_s.arg(errnoText(errno))};
    }
    return dir;
}

Core::Result<UniqueFd> Engine::Private::lock() const
{
    auto dir = stateDirectory();
    if (!dir) {
        return dir.error();
    }
    UniqueFd fd(::openat(dir->get(), "lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd.valid()) {
        return Error{ExitCode::Failure, u"the engine's lock cannot be opened: %1"_s.arg(errnoText(errno))};
    }
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
        return Error{ExitCode::Busy, u"another apply, rollback or recovery is running"_s};
    }
    // Whatever another engine changed before it let go is seen now (every file's stamp).
    syncIndex(true);
    return fd;
}

const RootFs &Engine::Private::fs() const
{
    if (!openedFs) {
        qFatal("the engine's root file system is used before ready() was asked");
    }
    return *openedFs;
}

const Journal &Engine::Private::journal() const
{
    if (!openedJournal) {
        qFatal("the engine's journal is used before ready() was asked");
    }
    return *openedJournal;
}

std::optional<Error> Engine::Private::ready() const
{
    if (!openedFs || !openedJournal || !system.runner) {
        return fsError.message.isEmpty() ? Error{ExitCode::Failure, u"the engine has no runner"_s} : fsError;
    }
    return std::nullopt;
}

System System::real()
{
    System system;
    static ProcessRunner runner;
    system.runner = &runner;
    system.log = [](int priority, int callerUid, const QString &message) {
        static const bool opened = [] {
            ::openlog("deroot-helper", LOG_PID, LOG_AUTHPRIV);
            return true;
        }();
        Q_UNUSED(opened);
        const QByteArray text = Core::oneLine(message).toUtf8();
        if (callerUid >= 0) {
            ::syslog(priority, "caller uid %d: %s", callerUid, text.constData());
        } else {
            ::syslog(priority, "%s", text.constData());
        }
    };
#ifdef DEROOT_CRASH_HOOK
    system.crashHook = CrashHook::fromEnvironment();
#endif
    return system;
}

Engine::Engine(System system)
    : d(std::make_unique<Private>())
{
    d->system = std::move(system);
    auto fs = RootFs::open(d->system.root);
    if (fs) {
        const RootFs &opened = d->openedFs.emplace(std::move(fs).value());
        d->openedJournal.emplace(opened, d->system.stateDirectory);
    } else {
        d->fsError = fs.error();
    }
}

Engine::~Engine() = default;

Core::Result<CheckedRequest> Engine::validate(const ApplyRequest &request)
{
    if (auto error = d->ready()) {
        return *error;
    }
    auto plan = Core::parseApplyRequest(request);
    if (!plan) {
        return plan;
    }
    if (auto error = d->preflight(*plan)) {
        return *error;
    }
    return plan;
}

Core::Result<ApplyOutcome> Engine::apply(const CheckedRequest &plan, int callerUid, const QDateTime &confirmBy,
                                         const StepCallback &progress)
{
    if (auto error = d->ready()) {
        return *error;
    }
    const auto lock = d->lock();
    if (!lock) {
        return lock.error();
    }
    // Nothing new goes on top of a half-undone change: what a dead helper or a failed journal
    // write left unfinished is finished first, and while it cannot be, nothing is applied.
    QString unfinished;
    for (const QString &line : d->finishInterrupted(&unfinished)) {
        d->log(LOG_NOTICE, callerUid, line);
    }
    d->settleBootRecovery();
    if (!unfinished.isEmpty()) {
        return Error{ExitCode::Busy,
                     u"the apply %1 was left unfinished and cannot be undone yet (%2): nothing new is "
                     u"applied until it is"_s.arg(unfinished,
                                                  d->index.value(unfinished).summary.value(u"message"_s).toString())};
    }
    // The same plan on top of itself would record, as its previous state, the first apply's result:
    // its rollback would bring back nothing, and the first one could not be rolled back while it
    // stands. What is in place is in the journal, so the rule holds for every client, whatever it
    // remembers. Checked before the pending confirmation, which may be that same plan.
    for (const QString &id : d->orderedIds({u"applied"_s, u"pending"_s})) {
        const auto &earlier = d->index.value(id);
        if (earlier.planSha256 == plan.planSha256) {
            return Error{ExitCode::Refused,
                         u"this plan is already applied, as apply %1 (%2): roll back %1 first to apply it again; "
                         u"nothing was changed"_s.arg(id, earlier.state == u"pending" ? u"awaiting its confirmation"_s
                                                                                      : u"confirmed"_s)};
        }
    }
    if (const auto waiting = pending()) {
        return Error{ExitCode::Busy,
                     u"the apply %1 awaits its confirmation until %2: confirm or roll it back first"_s.arg(
                         waiting->applyId, waiting->deadline.toString(Qt::ISODate))};
    }
    if (auto error = d->preflight(plan)) {
        return *error;
    }
    // Counted before pruning, so that no later apply ever takes an earlier one's number.
    qint64 sequence = 1;
    for (const auto &entry : std::as_const(d->index)) {
        sequence = std::max(sequence, entry.sequence + 1);
    }
    d->prune(callerUid);
    ApplyOutcome outcome;
    outcome.applyId = Journal::newId(d->system.now());
    JournalRecord record;
    record.format = kJournalFormat;
    record.id = outcome.applyId;
    record.sequence = sequence;
    record.created = d->system.now().toString(Qt::ISODate);
    record.callerUid = callerUid;
    record.agent = plan.agent;
    record.method = plan.method;
    record.planSha256 = plan.planSha256;
    record.serviceUser = plan.serviceUser;
    record.unit = plan.unit;
    record.timer = plan.timer;
    record.replacesUnit = plan.replacesUnit;
    if (!plan.programPath.isEmpty()) {
        record.program = plan.programPath;
        record.programSha256 = plan.programSha256;
    }
    record.capabilities = plan.capabilities;
    if (!plan.planJson.isEmpty()) {
        record.planJson = QString::fromUtf8(plan.planJson);
    }
    record.state = u"applying"_s;
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const PlanStep &step = plan.steps.at(i);
        JournalEntry entry;
        entry.index = int(i);
        entry.kind = Core::stepKindName(step.kind);
        entry.target = step.target;
        entry.artifact = step.artifact;
        entry.status = u"planned"_s;
        record.entries.append(entry);
    }
    // Before anything changes: a reboot from here on starts the helper, which finishes or expires
    // this apply (deroot-helper-recover.service). Without the marker, a reboot could leave an
    // unconfirmed change in place: nothing is done.
    if (auto error = d->armBootRecovery()) {
        return Error{error->code, u"nothing was applied: %1"_s.arg(error->message)};
    }
    if (auto error = d->save(record)) {
        d->settleBootRecovery();
        return Error{error->code, u"nothing was applied: %1"_s.arg(error->message)};
    }
    d->log(
        LOG_NOTICE, callerUid,
        u"apply %1: %2 plan for %3 (plan SHA-256 %4)"_s.arg(outcome.applyId, plan.method, plan.agent, plan.planSha256));
    // A journal write that fails once something changed: the record on disk no longer says what
    // is in place, so everything the record in memory lists is undone now, and the next start or
    // apply completes the record on disk.
    const auto abandon = [&](const Error &saveError) -> Core::Result<ApplyOutcome> {
        d->log(LOG_ERR, callerUid, u"apply %1: %2; undoing it"_s.arg(outcome.applyId, saveError.message));
        std::optional<Error> stillUnwritten;
        const auto undoError =
            d->undo(record, u"failed"_s,
                    u"the journal could not be written (%1): everything was undone"_s.arg(saveError.message), callerUid,
                    progress, &stillUnwritten);
        d->settleBootRecovery();
        if (undoError) {
            return Error{ExitCode::Failure,
                         u"the journal could not be written (%1), and undoing what the apply did failed: %2"_s.arg(
                             saveError.message, undoError->message)};
        }
        return Error{ExitCode::Failure,
                     u"the journal could not be written (%1): everything the apply did was undone%2"_s.arg(
                         saveError.message, stillUnwritten ? u"; the helper completes its record at the next start or "
                                                             u"apply, and applies nothing new before"_s
                                                           : QString())};
    };
    const int count = int(plan.steps.size());
    for (int i = 0; i < count; ++i) {
        const PlanStep &step = plan.steps.at(i);
        JournalEntry entry = record.entries.at(i);
        std::optional<Error> error = d->recordBefore(plan, step, entry);
        Private::StepResult result;
        if (!error) {
            entry.status = u"intended"_s;
            record.entries[i] = entry;
            // Write-ahead: the previous state is on disk before anything of the step happens.
            if (auto saveError = d->save(record)) {
                // Nothing of this step happened: only the steps before it are undone.
                record.entries[i].status = u"planned"_s;
                return abandon(*saveError);
            }
            d->stepBoundary(i, false);
            result = d->carryOut(plan, step, entry, outcome.agent);
            error = result.error;
            d->stepBoundary(i, true);
        }
        entry.status = error ? u"failed"_s : u"done"_s;
        entry.message = error ? error->message : result.message;
        record.entries[i] = entry;
        const StepEvent event{outcome.applyId, i,      count,         Core::stepKindName(step.kind),
                              step.target,     !error, *entry.message};
        outcome.steps.append(event);
        d->log(error ? LOG_ERR : LOG_NOTICE, callerUid,
               u"apply %1 step %2/%3: %4"_s.arg(outcome.applyId).arg(i + 1).arg(count).arg(event.message));
        if (progress) {
            progress(event);
        }
        if (error) {
            // Everything before the failed step is undone: the system is left as it was.
            const auto undoError = d->undo(record, u"failed"_s, u"step %1 failed: %2"_s.arg(i + 1).arg(error->message),
                                           callerUid, progress);
            d->settleBootRecovery();
            outcome.ok = false;
            outcome.rolledBack = !undoError;
            outcome.message = undoError ? u"step %1 failed (%2) and the undo failed too: %3"_s.arg(i + 1).arg(
                                              error->message, undoError->message)
                                        : u"step %1 failed, everything was undone: %2"_s.arg(i + 1).arg(error->message);
            return outcome;
        }
        if (auto saveError = d->save(record)) {
            return abandon(*saveError);
        }
    }
    outcome.ok = !outcome.agent.checked || outcome.agent.ok;
    outcome.message = appliedMessage(outcome, confirmBy);
    if (confirmBy.isValid()) {
        outcome.confirmBy = confirmBy.toUTC();
        // In whole seconds, as the record on disk says it: the index in memory agrees with it.
        record.confirmBy = outcome.confirmBy.addMSecs(-outcome.confirmBy.time().msec());
    }
    record.state = confirmBy.isValid() ? u"pending"_s : u"applied"_s;
    record.message = outcome.message;
    record.finished = d->system.now().toString(Qt::ISODate);
    if (auto error = d->save(record)) {
        return abandon(*error);
    }
    d->settleBootRecovery();
    return outcome;
}

std::optional<Error> Engine::confirm(const QString &applyId, int callerUid)
{
    if (auto error = d->ready()) {
        return error;
    }
    const auto lock = d->lock();
    if (!lock) {
        return lock.error();
    }
    auto record = d->journal().load(applyId);
    if (!record) {
        return record.error();
    }
    if (record->state != u"pending") {
        return Error{ExitCode::Failure,
                     u"the apply %1 awaits no confirmation (it is %2)"_s.arg(applyId, record->state)};
    }
    record->state = u"applied"_s;
    record->confirmedByUid = callerUid;
    if (auto error = d->save(record.value())) {
        return error;
    }
    d->settleBootRecovery();
    d->log(LOG_NOTICE, callerUid, u"apply %1 confirmed"_s.arg(applyId));
    return std::nullopt;
}

std::optional<Error> Engine::rollback(const QString &applyId, int callerUid, const StepCallback &progress)
{
    if (auto error = d->ready()) {
        return error;
    }
    if (!Journal::isValidId(applyId)) {
        return Error{ExitCode::Usage, u"%1 is not an apply id"_s.arg(quoted(applyId))};
    }
    const auto lock = d->lock();
    if (!lock) {
        return lock.error();
    }
    // A later apply left half undone would be undone by restoring this one's previous state.
    QString unfinished;
    for (const QString &line : d->finishInterrupted(&unfinished)) {
        d->log(LOG_NOTICE, callerUid, line);
    }
    d->settleBootRecovery();
    if (!unfinished.isEmpty() && unfinished != applyId) {
        return Error{ExitCode::Busy,
                     u"the apply %1 was left unfinished and cannot be undone yet: roll back nothing before it is"_s.arg(
                         unfinished)};
    }
    auto record = d->journal().load(applyId);
    if (!record) {
        return record.error();
    }
    const QString state = record->state;
    if (state != u"applied" && state != u"pending") {
        return Error{ExitCode::Failure,
                     u"the apply %1 is %2: there is nothing of it to roll back"_s.arg(applyId, state)};
    }
    // Only the newest apply still in place: an older one's previous state predates the newer
    // one's changes, and restoring it would undo them too.
    const qint64 sequence = record->sequence;
    for (const QString &later : d->orderedIds({u"applied"_s, u"pending"_s})) {
        if (d->index.value(later).sequence > sequence) {
            return Error{ExitCode::Failure,
                         u"the apply %1 came later and is still in place: roll it back first"_s.arg(later)};
        }
    }
    d->log(LOG_NOTICE, callerUid, u"apply %1: rollback requested"_s.arg(applyId));
    auto error =
        d->undo(record.value(), u"rolled-back"_s, u"rolled back by uid %1"_s.arg(callerUid), callerUid, progress);
    d->settleBootRecovery();
    return error;
}

QStringList Engine::recover()
{
    QStringList done;
    if (d->ready()) {
        return done;
    }
    {
        const auto lock = d->lock();
        if (!lock) {
            return {lock.error().message};
        }
        done << d->dropAccountCopies();
        done << d->finishInterrupted();
        d->settleBootRecovery();
    }
    done << expirePending();
    return done;
}

QStringList Engine::expirePending()
{
    QStringList done;
    if (d->ready()) {
        return done;
    }
    const auto lock = d->lock();
    if (!lock) {
        return {lock.error().message};
    }
    const QDateTime now = d->system.now();
    for (const QString &id : d->orderedIds({u"pending"_s})) {
        const QDateTime deadline = d->index.value(id).confirmBy;
        if (deadline.isValid() && deadline > now) {
            continue;
        }
        auto record = d->journal().load(id);
        if (!record) {
            done << u"apply %1: not confirmed, and its record cannot be read: %2"_s.arg(id, record.error().message);
            continue;
        }
        const auto error = d->undo(record.value(), u"rolled-back"_s,
                                   u"not confirmed by %1: rolled back"_s.arg(deadline.toString(Qt::ISODate)), -1, {});
        done << (error ? u"apply %1: not confirmed, and the rollback failed: %2"_s.arg(id, error->message)
                       : u"apply %1: not confirmed in time, rolled back"_s.arg(id));
    }
    d->settleBootRecovery();
    return done;
}

std::optional<PendingConfirmation> Engine::pending() const
{
    if (d->ready()) {
        return std::nullopt;
    }
    d->syncIndex(false);
    const QStringList ids = d->orderedIds({u"pending"_s});
    if (ids.isEmpty()) {
        return std::nullopt;
    }
    const auto entry = d->index.value(ids.constFirst());
    return PendingConfirmation{ids.constFirst(), entry.confirmBy, entry.callerUid};
}

QJsonArray Engine::history() const
{
    QJsonArray result;
    if (d->ready()) {
        return result;
    }
    d->syncIndex(false);
    const QStringList ids = d->orderedIds();
    for (qsizetype i = ids.size() - 1; i >= 0 && result.size() < Journal::kMaxRecords; --i) {
        result.append(d->index.value(ids.at(i)).summary);
    }
    return result;
}

QJsonObject Engine::status(const QString &applyId) const
{
    if (d->ready() || !Journal::isValidId(applyId)) {
        return {};
    }
    d->syncIndex(false);
    return d->index.value(applyId).summary;
}

QDateTime Engine::now() const
{
    return d->system.now();
}

} // namespace Deroot::Helper
