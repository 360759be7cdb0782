// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace Deroot::Cli {

/// A command's arguments, kept as raw bytes: paths given on the command line need not be UTF-8,
/// and QCoreApplication::arguments() would replace what is not.
class Args final
{
public:
    /// Parses @p raw against the flags (no value) and options (one value, "--name V" or
    /// "--name=V") the command knows. "--" ends the options.
    Args(const QList<QByteArray> &raw, const QSet<QByteArray> &flags, const QSet<QByteArray> &options);
    /// Parses @p raw against the options of @p command (its flags take no value).
    Args(const QList<QByteArray> &raw, const struct Command &command);

    /// Empty when the arguments parsed, else one sentence saying what is wrong.
    QString error() const { return m_error; }
    bool flag(const QByteArray &name) const { return m_flags.contains(name); }
    bool has(const QByteArray &name) const { return m_options.contains(name); }
    QByteArray option(const QByteArray &name) const { return m_options.value(name); }
    const QList<QByteArray> &positionals() const { return m_positionals; }

private:
    QString m_error;
    QSet<QByteArray> m_flags;
    QHash<QByteArray, QByteArray> m_options;
    QList<QByteArray> m_positionals;
};

} // namespace Deroot::Cli
