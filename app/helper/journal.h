// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "app/helper/fsops.h"
#include "core/base/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

#include <sys/stat.h>

namespace Deroot::Helper {

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

    [[nodiscard]] std::optional<Core::Error> save(const QJsonObject &record) const;
    Core::Result<QJsonObject> load(const QString &id) const;
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
    static constexpr qsizetype kMaxRecordBytes = 64 * 1024 * 1024;
    static constexpr qsizetype kMaxRecords = 1000;

private:
    Core::Result<UniqueFd> directory() const;

    const RootFs &m_fs;
    QString m_stateDirectory;
};

} // namespace Deroot::Helper
