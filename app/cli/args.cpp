// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/cli/args.h"

#include "app/cli/command.h"

#include "core/base/text.h"

#include <QCoreApplication>

namespace Deroot::Cli {

namespace {

QSet<QByteArray> namesOf(const Command &command, bool flags)
{
    QSet<QByteArray> names;
    for (const Option &option : command.options) {
        if ((option.value == nullptr) == flags) {
            names.insert(QByteArray(option.name));
        }
    }
    return names;
}

} // namespace

Args::Args(const QList<QByteArray> &raw, const Command &command)
    : Args(raw, namesOf(command, true), namesOf(command, false))
{}

Args::Args(const QList<QByteArray> &raw, const QSet<QByteArray> &flags, const QSet<QByteArray> &options)
{
    bool onlyPositionals = false;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QByteArray &arg = raw.at(i);
        if (onlyPositionals || !arg.startsWith("--") || arg.size() == 2) {
            if (!onlyPositionals && arg == "--") {
                onlyPositionals = true;
                continue;
            }
            if (!onlyPositionals && arg.startsWith('-') && arg.size() > 1) {
                m_error = QCoreApplication::translate("derootctl", "unknown option %1")
                              .arg(Core::quoted(QString::fromLocal8Bit(arg)));
                return;
            }
            m_positionals.append(arg);
            continue;
        }
        QByteArray name = arg.mid(2);
        QByteArray value;
        const qsizetype equals = name.indexOf('=');
        const bool inlineValue = equals >= 0;
        if (inlineValue) {
            value = name.mid(equals + 1);
            name.truncate(equals);
        }
        if (flags.contains(name) && !inlineValue) {
            m_flags.insert(name);
        } else if (options.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= raw.size()) {
                    m_error = QCoreApplication::translate("derootctl", "option --%1 needs a value")
                                  .arg(QString::fromLatin1(name));
                    return;
                }
                value = raw.at(++i);
            }
            if (m_options.contains(name)) {
                m_error = QCoreApplication::translate("derootctl", "option --%1 is given twice")
                              .arg(QString::fromLatin1(name));
                return;
            }
            m_options.insert(name, value);
        } else {
            m_error = QCoreApplication::translate("derootctl", "unknown option %1")
                          .arg(Core::quoted(QString::fromLocal8Bit(arg)));
            return;
        }
    }
}

} // namespace Deroot::Cli
