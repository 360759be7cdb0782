// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What the apply host tests share: derootctl run as root or as another user with its standard
// output and error apart, plans generated into a folder every test user may read, and the helper's
// history.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Deroot::TestSupport {

struct CtlRun
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json; ///< standard output parsed, when it is a JSON object
};

/// Runs `derootctl ARGUMENTS` (no shell, at most 3 minutes), as root or, with @p user, through
/// setpriv as that user with a clean environment.
CtlRun derootctl(const QStringList &arguments, const QString &user = {});

/// `derootctl generate ARGUMENTS --out DIR` into a new folder below @p parent (which every user
/// may read); the folder, or nothing (with a warning) when generate failed.
QString generatePlan(const QString &parent, const QStringList &arguments);

/// The helper's history, newest first, as root.
QJsonArray helperHistory();

/// The history entry of @p applyId, or nothing.
QJsonObject historyEntry(const QString &applyId);

/// A copy of the export folder @p folder at @p copy, with @p file's byte at @p offset changed (one
/// bit flipped): what a plan looks like when it was changed after the admin reviewed it.
bool copyWithOneByteChanged(const QString &folder, const QString &copy, const QString &file, qsizetype offset);

/// Makes @p path and everything below it readable by everyone (the users of the polkit tests read
/// the plans through derootctl, which runs as them).
void makeReadable(const QString &path);

} // namespace Deroot::TestSupport
