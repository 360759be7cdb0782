// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/model/methods.h"

#include <QCoreApplication>

namespace Deroot::Core {

const QList<MethodRow> &methodTable()
{
    // Quoted from the comparison table ("Which Solution Is Right For You?") of the guide Deroot
    // grew from, whose three remedies are the methods.
    static const QList<MethodRow> table{
        {Method::Sudo, QT_TRANSLATE_NOOP("Deroot::Core::Method", "Sudo rules"),
         QT_TRANSLATE_NOOP("Deroot::Core::Method", "Low-Medium"), QT_TRANSLATE_NOOP("Deroot::Core::Method", "Low"),
         QT_TRANSLATE_NOOP("Deroot::Core::Method",
                           "Emergency fixes; legacy systems; environments where you can't change how the agent runs.")},
        {Method::Capabilities, QT_TRANSLATE_NOOP("Deroot::Core::Method", "Linux capabilities"),
         QT_TRANSLATE_NOOP("Deroot::Core::Method", "High"), QT_TRANSLATE_NOOP("Deroot::Core::Method", "Medium"),
         QT_TRANSLATE_NOOP("Deroot::Core::Method",
                           "The default, preferred method for bare-metal or VM-based deployments.")},
        {Method::Container, QT_TRANSLATE_NOOP("Deroot::Core::Method", "Containerization"),
         QT_TRANSLATE_NOOP("Deroot::Core::Method", "Very high"), QT_TRANSLATE_NOOP("Deroot::Core::Method", "High"),
         QT_TRANSLATE_NOOP("Deroot::Core::Method",
                           "Kubernetes/cloud-native environments; handling untrusted or third-party agents.")},
    };
    return table;
}

QString methodId(Method method)
{
    switch (method) {
    case Method::Sudo:
        return QStringLiteral("sudo");
    case Method::Capabilities:
        return QStringLiteral("caps");
    case Method::Container:
        return QStringLiteral("container");
    }
    Q_UNREACHABLE_RETURN(QString());
}

} // namespace Deroot::Core
