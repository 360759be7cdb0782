// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QList>
#include <QString>

namespace Deroot::Core {

/// The three remedies of the guide Deroot grew from, in its order.
enum class Method {
    Sudo,         ///< a dedicated system user plus narrow /etc/sudoers.d rules
    Capabilities, ///< Linux capabilities and a hardened systemd unit
    Container,    ///< a hardened container
};

/// One row of the guide's comparison table ("Which Solution Is Right For You?"). The texts are
/// untranslated source strings in the "Deroot::Core::Method" context; user interfaces pass them
/// through QCoreApplication::translate().
struct MethodRow
{
    Method method;
    const char *name;
    const char *security;
    const char *complexity;
    const char *bestFor;
};

/// The guide's table, one row per method, in the guide's order.
const QList<MethodRow> &methodTable();

/// The stable identifier used in JSON and on the command line: "sudo", "caps" or "container".
QString methodId(Method method);

} // namespace Deroot::Core
