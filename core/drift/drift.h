// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Drift: every apply the helper's journal holds, compared with the live system (docs/cli.md,
// "status"). The comparison is pure over a LiveSystem, so derootctl status, the wizard's drift
// panel and the tests (with a fake) share one judgement.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace Deroot::Core {

/// What the live system shows of one file.
struct FileFacts
{
    bool exists = false;
    /// Its bytes could be read, so sha256 is its hash (a sudoers drop-in is root's alone).
    bool readable = false;
    QString sha256;
    /// The raw security.capability attribute; none when the file has none.
    std::optional<QByteArray> capabilityXattr;
    QDateTime modified; ///< mtime: when its bytes last changed
    QDateTime changed;  ///< ctime: when its bytes, attributes or inode last changed
};

/// What /proc/PID/status says of a process.
struct ProcessFacts
{
    bool found = false;
    qint64 uid = -1; ///< the effective uid
    std::uint64_t capEff = 0;
    std::uint64_t capPrm = 0;
};

/// The live system as drift reads it. Nothing here changes anything, and nothing needs root but
/// the bytes of root-only files (FileFacts::readable says so).
class LiveSystem
{
public:
    virtual ~LiveSystem() = default;
    /// The file at @p path, never following a symlink at its end.
    virtual FileFacts file(const QString &path) const = 0;
    /// Its bytes, when it is a readable regular file of at most 1 MiB; empty otherwise.
    virtual QByteArray fileBytes(const QString &path) const = 0;
    /// What `systemctl show` says of @p unit: LoadState, NeedDaemonReload, User, AmbientCapabilities,
    /// CapabilityBoundingSet, MainPID. Empty when systemd cannot be asked.
    virtual QHash<QString, QString> unitProperties(const QString &unit) const = 0;
    /// The uid of the user @p name, if it exists.
    virtual std::optional<qint64> userId(const QString &name) const = 0;
    virtual ProcessFacts process(qint64 pid) const = 0;
    /// The admin's dpkg-statoverride of @p path ("OWNER GROUP MODE"), if any.
    virtual std::optional<QString> statOverride(const QString &path) const = 0;
};

/// The real system: files read without following a final symlink, `systemctl show`, the user
/// database, /proc and dpkg's statoverride database.
class RealLiveSystem final : public LiveSystem
{
public:
    FileFacts file(const QString &path) const override;
    QByteArray fileBytes(const QString &path) const override;
    QHash<QString, QString> unitProperties(const QString &unit) const override;
    std::optional<qint64> userId(const QString &name) const override;
    ProcessFacts process(qint64 pid) const override;
    std::optional<QString> statOverride(const QString &path) const override;
};

/// One thing of a plan compared with the system.
struct DriftCheck
{
    enum class State { Holding, Drifted, Unknown };
    QString what; ///< file, program, capabilities, user, unit, agent
    QString target;
    State state = State::Holding;
    QString message; ///< one sentence, translated
    std::optional<QDateTime> since;

    QJsonObject toJson() const;
};

/// One apply of the journal against the system.
struct PlanDrift
{
    /// Holding: everything it put in place is there as it was put. Drifted: something is not (the
    /// checks say what). Gone: nothing of it is there any more (rolled back, replaced by a later
    /// apply, or its files removed).
    enum class State { Holding, Drifted, Gone };
    QString applyId;
    QString agent;
    QString method;
    QString created;
    QString journalState; ///< the journal's: applied, pending, rolled-back, ...
    State state = State::Holding;
    QString summary;                ///< one sentence, translated
    std::optional<QDateTime> since; ///< the latest time a drifted check knows
    QList<DriftCheck> checks;
    /// File capabilities drifted that `derootctl reconcile` can set again (the program is the approved
    /// one and no statoverride names it).
    bool reconcilable = false;
    /// Gone because later applies in place own everything it put in place: not drift.
    bool replaced = false;

    QJsonObject toJson() const;
};

/// "holding", "drifted", "gone", "unknown": the JSON spelling.
QString driftStateId(PlanDrift::State state);
QString checkStateId(DriftCheck::State state);
/// The same, translated, for people.
QString driftStateText(PlanDrift::State state);

/// Every apply of @p history (the helper's History(), newest first) that is or was in place,
/// compared with @p live, newest first: the applies in place (applied, pending, or whose rollback
/// failed) check by check; rolled-back ones as gone. Failed applies, which left nothing, are left
/// out. A file that a later apply in place wrote too is that apply's to compare.
QList<PlanDrift> compareWithSystem(const QJsonArray &history, const LiveSystem &live);

/// Whether a plan in place no longer holds: one drifted, or gone without a rollback.
bool anyDrift(const QList<PlanDrift> &plans);

} // namespace Deroot::Core
