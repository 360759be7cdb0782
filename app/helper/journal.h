// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "app/helper/fsops.h"
#include "core/base/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

#include <sys/stat.h>

namespace Deroot::Helper {

/// The format of the records this version writes: 2 keeps the account files' SHA-256, mode and
/// owner instead of their bytes (docs/helper-engine.md); records of format 1 are still read, and
/// their copies dropped at start.
inline const QString kJournalFormat = QStringLiteral("deroot.journal/2");

/// What a journal entry keeps of an account file: never its bytes (shadow and gshadow hold
/// password hashes, which must not outlive a rotation in /var/lib/deroot and its backups), only
/// what an undo needs to prove that the bytes it writes back are the ones that were there.
/// JSON: {"exists": false} or {"exists": true, "sha256", "mode", "uid", "gid"}.
struct AccountStamp
{
    bool exists = false;
    QString sha256;
    quint32 mode = 0;
    uid_t uid = 0;
    gid_t gid = 0;

    static AccountStamp of(const FileState &state);
    QJsonObject toJson() const;
    static AccountStamp fromJson(const QJsonObject &json);
};

/// A file's previous state with its bytes (a written file's, never an account file's).
/// JSON: {"exists": false} or {"exists": true, "bytes" (base64), "mode", "uid", "gid"}.
QJsonObject fileStateToJson(const FileState &state);
FileState fileStateFromJson(const QJsonObject &json);

/// The service user a create-user step makes ("user").
struct JournalUser
{
    QString name;
    QString group;
    bool existed = false;      ///< it existed before: the step kept it and an undo keeps it
    bool groupExisted = false; ///< its primary group existed before

    QJsonObject toJson() const;
    static JournalUser fromJson(const QJsonObject &json);
};

/// One symlink that enables a unit (or names it by an alias), as it was ("links").
struct UnitLink
{
    QString path;
    QString target;
};

/// What a unit step records of its unit before it acts ("unit").
struct JournalUnit
{
    QString name;
    bool wasActive = false;
    /// A stopped unit's enablement links, exactly as they were (stop-unit only).
    std::optional<QList<UnitLink>> links;
    /// The service a started timer starts, stopped with it by an undo (start-timer only).
    std::optional<QString> alsoStop;
    /// The wants link the start enables, if the unit is enabled; with wasEnabled and
    /// wantsDirCreated, present only together.
    std::optional<QString> wantsLink;
    bool wasEnabled = false;
    bool wantsDirCreated = false;

    QJsonObject toJson() const;
    static JournalUnit fromJson(const QJsonObject &json);
};

/// The program's security.capability attribute before and after a set-file-caps step ("caps"):
/// base64 of the attribute, or null when it had none.
struct JournalCaps
{
    QString path;
    QJsonValue before;
    std::optional<QJsonValue> after; ///< once the step set them

    QJsonObject toJson() const;
    static JournalCaps fromJson(const QJsonObject &json);
};

/// One step of an apply as the journal keeps it. Every optional member is a key that only some
/// kinds of step, or some moments of one, have: it is written exactly when it is set, so a record
/// read and written again is the same JSON. Keys this version does not know stay in unknown.
struct JournalEntry
{
    int index = 0;
    QString kind; ///< Core::stepKindName()
    QString target;
    QString artifact;
    QString status; ///< planned, intended, done, failed, undone, undo-failed
    std::optional<QString> message;
    std::optional<QString> undoError;
    std::optional<JournalUser> user;
    /// create-user: the account files' stamps before it (format 2).
    std::optional<QMap<QString, AccountStamp>> accounts;
    /// create-user: the SHA-256 of each account file as useradd left it ("" when absent).
    std::optional<QMap<QString, QString>> after;
    /// write steps: the target's previous state; a format 1 create-user entry: the account files'.
    std::optional<QMap<QString, FileState>> files;
    /// write steps: the directories the step makes, recorded before it makes them.
    std::optional<QStringList> dirsCreated;
    /// write steps: the SHA-256 of what the step wrote.
    std::optional<QString> afterSha256;
    std::optional<JournalCaps> caps;
    std::optional<JournalUnit> unit;
    /// start steps: the running agent's check, as the outcome reports it.
    std::optional<QJsonObject> agentCheck;
    QJsonObject unknown;

    /// The account files' stamps of a create-user entry: format 2's, or derived from format 1's
    /// copies (the same facts, so an old record is undone by today's rules).
    QMap<QString, AccountStamp> accountStamps() const;

    QJsonObject toJson() const;
    static JournalEntry fromJson(const QJsonObject &json);
};

/// One reconcile of an apply: what drifted and was put back, or why it was not ("reconciled").
struct JournalReconcile
{
    QString at;         ///< ISO 8601, UTC
    int callerUid = -1; ///< 0 for the package manager's trigger and hook
    QString target;
    QString outcome; ///< restored, blocked
    QString message;

    QJsonObject toJson() const;
    static JournalReconcile fromJson(const QJsonObject &json);
};

/// One apply as the journal keeps it in STATE/applies/ID.json (docs/helper-engine.md).
struct JournalRecord
{
    QString format;
    QString id;
    qint64 sequence = 0;
    QString created; ///< ISO 8601, UTC
    int callerUid = -1;
    QString agent;
    QString method;
    QString planSha256;
    QString serviceUser;
    QString unit;
    QString timer;
    QString replacesUnit;
    /// What the plan was approved for, kept for drift and reconcile (absent in records written before
    /// them: such an apply's capabilities are never re-applied, since the approved program is unknown).
    std::optional<QString> program;
    std::optional<QString> programSha256;
    std::optional<QStringList> capabilities;
    /// The plan.json the apply checked (UTF-8), so that a reconcile can regenerate its files and put
    /// back the ones that drifted, after every check of an apply (absent in records written before).
    std::optional<QString> planJson;
    /// Every reconcile of this apply, oldest first.
    std::optional<QList<JournalReconcile>> reconciled;
    QString state; ///< applying, pending, applied, rolling-back, rolled-back, failed, rollback-failed
    /// While rolling back: what the record ends as once undone.
    std::optional<QString> rollingBackTo;
    std::optional<QDateTime> confirmBy;
    std::optional<int> confirmedByUid;
    std::optional<QString> message;
    std::optional<QStringList> notes;
    std::optional<QString> finished; ///< ISO 8601, UTC
    QList<JournalEntry> entries;
    QJsonObject unknown;

    QJsonObject toJson() const;
    static JournalRecord fromJson(const QJsonObject &json);
};

/// What identifies one version of a journal file or of the journal's directory: the engine keeps an
/// index of the records in memory and reads a record again only when its file's stamp changed (every
/// save renames a new file into place, so a rewritten record has a new inode and times).
struct JournalStamp
{
    dev_t device = 0;
    ino_t inode = 0;
    off_t size = 0;
    struct timespec modified = {};
    struct timespec changed = {};

    static JournalStamp of(const struct stat &st);
    bool operator==(const JournalStamp &other) const;
};

/// The write-ahead journal: one JSON document per apply in STATE/applies/ID.json (mode 0600,
/// root), rewritten atomically and flushed before every change it describes, so that whatever
/// point the helper dies at, the next start finds what was about to change and its previous state.
/// The format is documented in docs/helper-engine.md.
class Journal final
{
public:
    Journal(const RootFs &fs, QString stateDirectory);

    /// A new id: the UTC time and 32 random bits ("20261127T101500Z-1a2b3c4d"), sortable by time.
    static QString newId(const QDateTime &now);
    /// Whether @p id has the form newId() makes: a D-Bus argument is checked with it before it
    /// names a file.
    [[nodiscard]] static bool isValidId(const QString &id);

    [[nodiscard]] std::optional<Core::Error> save(const JournalRecord &record) const;
    Core::Result<JournalRecord> load(const QString &id) const;
    /// Every apply's id with the stamp of its file (one listing and one fstatat per record, nothing
    /// read or parsed).
    QMap<QString, JournalStamp> stamps() const;
    /// The stamp of the file of @p id, if it exists.
    std::optional<JournalStamp> stamp(const QString &id) const;
    /// The stamp of the journal's directory: it changes whenever a record is written or removed.
    std::optional<JournalStamp> directoryStamp() const;
    /// Deletes the record of @p id (and flushes the directory). The engine removes only records
    /// that can no longer undo anything: see kMaxRecords.
    [[nodiscard]] std::optional<Core::Error> remove(const QString &id) const;

    /// Bounds. One record never grows beyond kMaxRecordBytes, whatever the plan. Beyond
    /// kMaxRecords records, the engine deletes the oldest of those that can no longer undo
    /// anything (rolled back, or failed and undone) before it writes a new one; records that are
    /// applied, pending or whose rollback failed are always kept, so their undo stays possible.
    static constexpr qsizetype kMaxRecordBytes = qsizetype{64} * 1024 * 1024;
    static constexpr qsizetype kMaxRecords = 1000;

private:
    /// The records' directory; made (root-only) only with @p create, else NotFound when missing.
    Core::Result<UniqueFd> directory(bool create = false) const;

    const RootFs &m_fs;
    QString m_stateDirectory;
};

} // namespace Deroot::Helper
