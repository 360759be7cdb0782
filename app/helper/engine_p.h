// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The engine's private state and the phases of a transaction, one file each: engine.cpp (apply,
// confirm, rollback, recovery, history), preflight.cpp (the system's side of validation),
// steps.cpp (record the previous state, carry a step out, verify the agent), undo.cpp (put it
// back) and enginejournal.cpp (every journal write, its index in memory, unfinished records).
#pragma once

#include "app/helper/engine.h"
#include "app/helper/fsops.h"
#include "app/helper/journal.h"

#include <QByteArrayView>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace Deroot::Helper {

using Core::Error;
using Core::ExitCode;

inline const QString kUseradd = QStringLiteral("/usr/sbin/useradd");
inline const QString kGroupadd = QStringLiteral("/usr/sbin/groupadd");
inline const QString kUserdel = QStringLiteral("/usr/sbin/userdel");
inline const QString kGroupdel = QStringLiteral("/usr/sbin/groupdel");
inline const QString kVisudo = QStringLiteral("/usr/sbin/visudo");
inline const QString kSystemctl = QStringLiteral("/usr/bin/systemctl");
inline const QString kSudoersDirectory = QStringLiteral("/etc/sudoers.d");
inline const QString kUnitDirectory = QStringLiteral("/etc/systemd/system");
// The helper's own units: stopping one of them stops the apply that asked for it (the helper, or
// the recovery that must finish an apply after a reboot).
inline const QStringList kHelperUnits{QStringLiteral("deroot-helper.service"),
                                      QStringLiteral("deroot-helper-recover.service")};
// The largest file of /etc/sudoers.d whose copy visudo -c checks; sudo reads files of any size, so a
// larger one is refused rather than left out of the check.
inline constexpr qsizetype kMaxSudoersFileBytes = qsizetype{8} * 1024 * 1024;
// Present in the state directory while an apply awaits its confirmation or an apply or rollback is
// unfinished: deroot-helper-recover.service starts the helper at boot only then (its
// ConditionPathExists=), so that the deadline holds across a reboot.
inline const QString kRecoverMarker = QStringLiteral("recover-at-boot");
inline constexpr qsizetype kMaxProgramBytes = qsizetype(1) << 30;
inline constexpr const char *kCapabilityXattr = "security.capability";
// How many reconciles an apply's record keeps (the newest).
inline constexpr qsizetype kMaxReconcileEvents = 50;

QString sha256Hex(QByteArrayView bytes);
QString directoryOf(const QString &path);
QString nameOf(const QString &path);

/// Opens the plan's program (@p plan's programPath) once with O_NOFOLLOW below directories judged
/// on their descriptors (DirectoryRule::ProgramParent), and checks everything on that descriptor: a
/// regular file, owned by root, writable by neither its group nor others, at most 1 GiB, with one
/// hard link when @p forCapabilities, and the SHA-256 the plan pins. The apply and the helper's
/// Prove both judge the program with it. ExitCode::Refused for what is not acceptable.
Core::Result<UniqueFd> openPlanProgram(const RootFs &fs, const CheckedRequest &plan, bool forCapabilities);

class Engine::Private
{
public:
    System system;
    std::optional<RootFs> openedFs;
    std::optional<Journal> openedJournal;
    Error fsError;

    void log(int priority, int uid, const QString &message) const;

    /// The root file system and the journal, opened by the constructor. Reached only after ready()
    /// said both are there, which every entry point asks first: without them the helper stops
    /// with a message rather than read through an empty optional.
    const RootFs &fs() const;
    const Journal &journal() const;

    // The crash test's boundaries (crashhook.h); nothing in a build without the hook.
    void stepBoundary(int step, bool done) const;

    void undoBoundary(int undone, bool done) const;

    [[nodiscard]] Core::ToolRun run(const QString &program, const QStringList &arguments,
                                    const QList<BindMount> &binds = {}, int timeoutMs = 60000) const;

    // A deliberate restart, never refused by the unit's start limit: apply, an immediate rollback
    // and a recovery in quick succession are 3 of the 5 starts systemd allows in 10 s, with the
    // agent's own restarts on top, and a rollback refused by the limiter would leave the change in
    // place. reset-failed clears the limiter (and a failed state); it fails only for a unit that is
    // not loaded, which the restart then reports.
    [[nodiscard]] std::optional<Error> restart(const QString &unit) const;

    [[nodiscard]] static std::optional<Error> toolError(const Core::ToolRun &run, const QString &what);

    Core::Result<FileState> readAt(const QString &path, qsizetype limit) const;

    // The journal's directory, made root-only (0700) by whoever makes it first.
    Core::Result<UniqueFd> stateDirectory() const;

    // --- preflight: the system's side of validation, changing nothing ---

    // The existing user a called program's sudo rule is for: the plan creates no user for it, so
    // it must exist, and it must be an agent's account: never root, a person (whose password sudo
    // would no longer ask for this command) or a base system account such as www-data (whose other
    // programs would get the rule too), and never a member of a group that gives sudo or root
    // itself (a rule for an administrator grants nothing an agent should get from Deroot).
    [[nodiscard]] static std::optional<Error> checkCaller(const QString &caller, const QByteArray &passwd,
                                                          const QByteArray &group, qint64 uidMin, qint64 sysUidMin);

    [[nodiscard]] std::optional<Error> checkAccounts(const CheckedRequest &plan) const;

    // Opens the program once with O_NOFOLLOW below directories judged on their descriptors, and
    // checks everything on that descriptor: the caller then uses the same one.
    Core::Result<UniqueFd> openProgram(const CheckedRequest &plan, bool forCapabilities) const;

    // The destination of a write step: its directory (made if the step may make it) and its
    // present state, refusing a symlink, directory, device or hard link there.
    Core::Result<FileState> checkDestination(const PlanStep &step) const;

    // What sudo reads of /etc/sudoers.d, copied into @p staging with each file's owner and mode
    // (visudo checks them), leaving out @p skip: sudo's own rule (read_dir_files in its toke.l)
    // skips names with a '.' or ending in '~' and whatever is not a regular file once symlinks are
    // followed (a dangling one, a directory, a FIFO); everything else it reads, whatever its links
    // or size, so everything else is copied or the check is refused.
    [[nodiscard]] std::optional<Error> copySudoersDirectory(int live, int staging, const QString &skip) const;

    // Whether sudo's configuration would hold with @p target (a file of /etc/sudoers.d) replaced by
    // @p content: visudo -cf on the staged file, then visudo -c on the whole configuration with a
    // staged copy of /etc/sudoers.d (@p content in place) bound over the real one in the private
    // mount namespace of visudo alone, so a broken configuration is never live, not even for a
    // moment. With @p mustBeRead, that visudo run must also have parsed the new file: otherwise
    // /etc/sudoers does not include /etc/sudoers.d and the rule would grant nothing.
    [[nodiscard]] std::optional<Error> checkSudoers(const QString &target, const QByteArray &content,
                                                    bool mustBeRead) const;

    [[nodiscard]] std::optional<Error> preflight(const CheckedRequest &plan) const;

    // --- steps ---

    struct StepResult
    {
        std::optional<Error> error;
        QString message;
    };

    // Records the previous state of what @p step changes into @p entry.
    [[nodiscard]] std::optional<Error> recordBefore(const CheckedRequest &plan, const PlanStep &step,
                                                    JournalEntry &entry) const;

    // A unit the plan creates (not a drop-in) is enabled the way systemctl enable would for its
    // WantedBy= (multi-user.target for a service, timers.target for a scheduled plan's timer): a
    // symlink in TARGET.wants, made by the engine itself so that the journal knows it and its
    // directory exactly. @p start is the StartUnit or StartTimer step; its unit's file is the
    // generators', so its WantedBy= line is theirs too.
    static QString wantsLink(const CheckedRequest &plan, const PlanStep &start);

    bool isActive(const QString &unit) const;

    // The symlinks in /etc/systemd/system that enable @p unit or give it another name, as
    // `systemctl disable` removes them: in TARGET.wants, .requires and .upholds, a link named after
    // the unit or pointing to it; at the top, an alias (another name that points to it). The unit
    // file itself (or a link named after it, such as a mask) is never one of them. Each as
    // {"path", "target"}, sorted, read without following any link.
    Core::Result<QList<UnitLink>> enablementLinks(const QString &unit) const;

    static QJsonValue capabilityXattr(int fd);

    StepResult carryOut(const CheckedRequest &plan, const PlanStep &step, JournalEntry &entry, AgentCheck &check);

    // Whether /etc/group holds the group @p name now.
    [[nodiscard]] bool groupExists(const QString &name) const;

    // --- reconcile (reconcile.cpp) ---

    // Engine::reconcileCapabilities() (@p everything false) and Engine::reconcile(): one lock, each
    // record read once and written once with what happened.
    Core::Result<QList<ReconcileItem>> reconcile(const QString &applyId, int callerUid, bool everything);
    // The capabilities @p record set that drifted (@p owner: the apply in place that owns each
    // program's), set again or blocked; holding ones too.
    QList<ReconcileItem> reconcileCapabilitiesOf(const JournalRecord &record, const QHash<QString, QString> &owner,
                                                 const Core::Result<FileState> &overrides);
    // The files and the user @p record wrote and created that drifted, put back from its plan after
    // the checks of an apply, then systemd's reload and the unit's restart; nothing for what holds.
    QList<ReconcileItem> reconcileWritesOf(JournalRecord &record, const QHash<QString, QString> &owner);

    // Removes the symlink @p path if it still points to @p target; one that is gone already (an
    // undo that died after it, or the admin) is fine, anything else in its place stays.
    [[nodiscard]] std::optional<Error> removeLink(const QString &path, const QString &target) const;

    // Makes the symlink @p path -> @p target as it was, unless it is there already; its directory
    // is made (0755) if it went meanwhile. Something else in its place is left alone and noted.
    [[nodiscard]] std::optional<Error> restoreLink(const QString &path, const QString &target,
                                                   QStringList &notes) const;

    // The symlink @p path -> @p target in @p directory (the descriptor of its directory), staged
    // under a name systemd ignores and renamed into place.
    [[nodiscard]] static std::optional<Error> makeLink(int directory, const QString &path, const QString &target);

    [[nodiscard]] std::optional<Error> enable(const QString &link) const;

    AgentCheck verifyAgent(const CheckedRequest &plan) const;

    // A scheduled plan's timer as systemd has it once started: active, starting the plan's unit,
    // which runs as the plan's user. The unit itself is not run here: it runs when the schedule
    // says, and a run now would do the agent's work (and take its time) at an hour nobody chose.
    AgentCheck verifyTimer(const CheckedRequest &plan) const;

    // --- undo ---

    struct UndoContext
    {
        bool reload = false;
        QStringList restart; ///< units that ran before: restarted with the files as they were
        QStringList start;   ///< units a switch-over stopped: started again, after the restarts
        QStringList notes;
    };

    [[nodiscard]] std::optional<Error> restoreFile(const QString &path, const FileState &before) const;

    // The lock lckpwdf() takes: a write lock (fcntl) on /etc/.pwd.lock, which shadow's tools (passwd,
    // vipw, useradd, usermod) and systemd-sysusers hold while they change the account files. Taken
    // here rather than through lckpwdf(), which waits with alarm(), a process-wide signal a helper
    // with threads must not use, and which would always lock the real /etc, not a test root's.
    // Released when the descriptor is closed.
    Core::Result<UniqueFd> lockAccountFiles() const;

    // Removes the user (and the group) an apply created. Under the account files' lock: if each of
    // passwd, group, shadow and gshadow is, without this user's lines, byte for byte what it was
    // before (its SHA-256 in the journal), exactly those bytes are written back, so a change another
    // tool made since is never lost nor reverted; otherwise userdel and groupdel remove the account
    // and keep everyone else's changes.
    [[nodiscard]] std::optional<Error> undoUser(const JournalEntry &entry, UndoContext &context) const;

    [[nodiscard]] std::optional<Error> undoEntry(const JournalEntry &entry, UndoContext &context) const;

    // What the service manager must do once a step's files are back: a reload after a unit, a
    // drop-in or the enable symlink changed, a restart of a unit that ran before. Derived from the
    // entry alone and asked of every step undone so far, even one an earlier undo journalled as
    // undone before it died: the reload and the restarts come after the last step is journalled,
    // so a kill between the two would otherwise leave systemd running the applied configuration.
    static void serviceManagerWork(const JournalEntry &entry, UndoContext &context);

    // Undoes every step of @p record that was started, newest first; the record is journalled
    // after each, so an undo that dies half way is finished by the next start. A journal write that
    // fails does not stop it: the system is put back all the same (the record on disk then stays
    // unfinished, and the next start or apply finishes it, which changes nothing more since every
    // step's undo first compares the present state with the recorded one).
    // A journal write that failed is reported in @p journalError when given, else as the result.
    [[nodiscard]] std::optional<Error> undo(JournalRecord &record, const QString &finalState, const QString &message,
                                            int callerUid, const StepCallback &progress,
                                            std::optional<Error> *journalError = nullptr);

    // One engine at a time changes the system: the D-Bus name makes the helper unique, and this
    // lock keeps anything else that links the engine (the test driver) out while it works.
    Core::Result<UniqueFd> lock() const;

    [[nodiscard]] std::optional<Error> ready() const;

    // --- the journal: every write, and an index of it in memory ---

    // Writes @p record and updates the index. Every journal write goes through here.
    [[nodiscard]] std::optional<Error> save(const JournalRecord &record) const;

    // What Status, History, Confirm's check and the idle tick need of a record, kept in memory so
    // that none of them reads and parses the journal (up to 1000 records; a local user may call
    // them in a loop): state, order, deadline, caller, and what history shows.
    struct IndexEntry
    {
        qint64 sequence = 0;
        QString state;
        QString planSha256;
        QDateTime confirmBy;
        int callerUid = -1;
        QJsonObject summary;
        JournalStamp stamp;
    };

    static IndexEntry indexEntry(const JournalRecord &record, const JournalStamp &stamp);

    // Brings the index up to date: at the first call everything is read; later a record is read
    // again only when its file's stamp changed (another process that links the engine, such as the
    // test driver, wrote it). With @p everyFile false (the read-only calls) even the files are
    // looked at only when the journal's directory changed, which every write and removal does.
    void syncIndex(bool everyFile) const;

    // The ids of the index in the order the applies were made (ids made in the same second differ
    // only by random bits), optionally only those in one of @p states.
    QStringList orderedIds(const QStringList &states = {}) const;

    // Keeps the journal bounded (Journal::kMaxRecords): before a new record is written, the oldest
    // records that can no longer undo anything go, until there is room for it. Records that are
    // applied, pending or whose rollback failed stay, however many: their undo must stay possible.
    void prune(int callerUid) const;

    // Finishes what the journal shows unfinished (applying or rolling-back): the helper died, or
    // its journal could not be written, in the middle. Each undo compares the present state with
    // the recorded one first, so finishing an undo that already put everything back changes
    // nothing. Sets @p unfinished to the first record that is still unfinished after it.
    QStringList finishInterrupted(QString *unfinished = nullptr);

    // The marker deroot-helper-recover.service looks for at boot. Made before anything of an apply
    // or an undo happens (so a reboot at any point starts the helper), and removed once nothing
    // awaits the helper: no pending confirmation, nothing unfinished.
    [[nodiscard]] std::optional<Error> armBootRecovery() const;

    void settleBootRecovery() const;

    // Format 1 kept whole copies of the account files in every create-user entry, shadow and
    // gshadow included, and applied records are never pruned: at start, each record of that
    // format is rewritten in today's (stamps only), so old password hashes do not outlive a
    // rotation.
    QStringList dropAccountCopies();

    static QJsonObject summary(const JournalRecord &record);

    mutable QHash<QString, IndexEntry> index;
    mutable std::optional<JournalStamp> indexStamp;
    mutable bool indexLoaded = false;
};

} // namespace Deroot::Helper
