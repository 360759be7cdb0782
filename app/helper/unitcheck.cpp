// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/unitcheck.h"

#include "core/base/text.h"

#include <QList>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Deroot::Helper {

std::optional<QString> unitTargetProblem(const QString &unit, const QString &program, const QByteArray &show,
                                         UnitUse use)
{
    QString loadState;
    QStringList paths;
    for (const QByteArray &raw : show.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.startsWith(u"LoadState="_s)) {
            loadState = line.mid(10);
        } else if (line.startsWith(u"ExecStart="_s)) {
            // systemd prints each command as "{ path=/usr/bin/x ; argv[]=/usr/bin/x $ARGS ; ... }",
            // one command per ExecStart= line.
            const qsizetype at = line.indexOf(u"path="_s);
            if (at >= 0) {
                const qsizetype end = line.indexOf(u" ;"_s, at);
                paths << line.mid(at + 5, end < 0 ? -1 : end - at - 5);
            }
        }
    }
    const bool dropIn = use == UnitUse::DropIn;
    if (loadState != u"loaded") {
        const QString state = loadState.isEmpty() ? u"unknown"_s : loadState;
        return dropIn ? u"the unit %1 that the plan's drop-in changes is not loaded (%2): a drop-in is only written "
                        u"for the agent's own, existing unit"_s.arg(Core::quoted(unit), state)
                      : u"the unit %1 that the plan replaces is not loaded (%2): the helper stops and disables only "
                        u"an existing unit of the plan's own program"_s.arg(Core::quoted(unit), state);
    }
    if (paths.size() != 1) {
        return dropIn ? u"the unit %1 runs %2 commands, not one: the plan's drop-in cannot say which of them is the "
                        u"agent"_s.arg(Core::quoted(unit), QString::number(paths.size()))
                      : u"the unit %1 that the plan replaces runs %2 commands, not one: the helper cannot tell that "
                        u"it runs only the plan's program"_s.arg(Core::quoted(unit), QString::number(paths.size()));
    }
    if (paths.constFirst() != program) {
        return u"the unit %1 runs %2, not the plan's program %3: %4"_s.arg(
            Core::quoted(unit), Core::quoted(paths.constFirst()), Core::quoted(program),
            dropIn ? u"a drop-in may only change the unit of the plan's own program"_s
                   : u"a plan may only stop and disable the unit of its own program"_s);
    }
    return std::nullopt;
}

std::optional<QString> dropInTargetProblem(const QString &unit, const QString &program, const QByteArray &show)
{
    return unitTargetProblem(unit, program, show, UnitUse::DropIn);
}

} // namespace Deroot::Helper
