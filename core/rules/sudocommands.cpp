// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/rules/sudocommands.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

const QString kDangerousList = u":/deroot/generate/sudo-dangerous-commands.json"_s;

QList<DangerousCommand> loadDangerousCommands()
{
    QFile file(kDangerousList);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QList<DangerousCommand> commands;
    const QJsonArray entries = QJsonDocument::fromJson(file.readAll()).object().value(u"commands"_s).toArray();
    for (const auto &value : entries) {
        const QJsonObject entry = value.toObject();
        DangerousCommand command;
        command.name = entry.value(u"name"_s).toString();
        for (const auto &name : entry.value(u"names"_s).toArray()) {
            command.names << name.toString();
        }
        command.versioned = entry.value(u"versioned"_s).toBool();
        command.allows = entry.value(u"allows"_s).toString();
        command.source = entry.value(u"source"_s).toString();
        commands << command;
    }
    return commands;
}

} // namespace

QString dangerousSudoCommandsResource()
{
    return kDangerousList;
}

const QList<DangerousCommand> &dangerousSudoCommands()
{
    static const QList<DangerousCommand> kCommands = loadDangerousCommands();
    return kCommands;
}

std::optional<DangerousCommand> dangerousSudoCommand(const QString &path)
{
    const QString name = path.section(u'/', -1);
    static const QRegularExpression kVersion(QRegularExpression::anchoredPattern(u"[0-9][0-9.]*"_s));
    for (const DangerousCommand &command : dangerousSudoCommands()) {
        for (const QString &known : command.names) {
            if (name == known ||
                (command.versioned && name.startsWith(known) && kVersion.match(name.mid(known.size())).hasMatch())) {
                return command;
            }
        }
    }
    return std::nullopt;
}

} // namespace Deroot::Core
