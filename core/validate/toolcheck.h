// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QFileDevice>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <optional>

// What every validator does around its tool: find it in a system directory, stage the content in a
// private directory, and keep the temporary names out of what the admin reads.
namespace Deroot::Core::ToolCheck {

/// The first of @p candidates (absolute paths in system directories: a validator found through the
/// caller's PATH could be anyone's program) that is an executable file; empty when none is.
QString findProgram(const QStringList &candidates);

/// @p name in /usr/sbin, /usr/bin, /sbin or /bin, as findProgram().
QString findSystemProgram(const QString &name);

/// The first line of @p text, without surrounding white space.
QString firstLine(const QString &text);

/// A private directory (0700, removed with this object) for the files a tool checks: nobody else
/// can swap a file between writing and checking, and no file of the caller's directory is read.
class Staging final
{
public:
    Staging() = default;
    Staging(const Staging &) = delete;
    Staging &operator=(const Staging &) = delete;

    [[nodiscard]] bool isValid() const { return m_directory.isValid(); }
    [[nodiscard]] QString errorString() const { return m_directory.errorString(); }
    [[nodiscard]] QString path() const { return m_directory.path(); }
    [[nodiscard]] QString filePath(const QString &name) const { return m_directory.filePath(name); }

    /// Writes @p text to the new file @p name (an existing file is never overwritten), with
    /// @p permissions when given. The file's error text on failure.
    [[nodiscard]] std::optional<QString> write(const QString &name, const QString &text,
                                               QFileDevice::Permissions permissions = {}) const;

    /// @p text without this directory's path: "DIR/name" becomes "name".
    [[nodiscard]] QString withoutPath(QString text) const;

private:
    QTemporaryDir m_directory;
};

} // namespace Deroot::Core::ToolCheck
