// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/model/lists.h"

#include "core/base/text.h"
#include "core/model/capabilities.h"

#include <QCoreApplication>

#include <algorithm>

namespace Deroot::Core {

Result<QList<int>> parseCapabilityList(QStringView list)
{
    QList<int> numbers;
    for (const QStringView word : list.tokenize(u',')) {
        const QStringView name = word.trimmed();
        if (name.isEmpty()) {
            continue;
        }
        const auto info = capabilityByName(name);
        if (!info) {
            return Error{ExitCode::Usage,
                         QCoreApplication::translate("Deroot::Core::PlanExport", "%1 is not a Linux capability")
                             .arg(quoted(name))};
        }
        if (!numbers.contains(info->number)) {
            numbers.append(info->number);
        }
    }
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

QStringList parseList(QStringView list)
{
    QStringList items;
    for (const QStringView word : list.tokenize(u',')) {
        const QString item = word.trimmed().toString();
        if (!item.isEmpty() && !items.contains(item)) {
            items.append(item);
        }
    }
    return items;
}

Result<QList<ListenPort>> parsePortList(QStringView list)
{
    QList<ListenPort> ports;
    QString normalized = list.toString();
    normalized.replace(u',', u' ');
    for (const QString &word : normalized.split(u' ', Qt::SkipEmptyParts)) {
        const QString protocol = word.section(u'/', 0, 0).toLower();
        bool ok = false;
        const int port = word.section(u'/', 1).toInt(&ok);
        if ((protocol != u"tcp" && protocol != u"udp") || !ok || port < 1 || port > 65535 || word.count(u'/') != 1) {
            return Error{ExitCode::Usage,
                         QCoreApplication::translate("Deroot::Core::PlanExport",
                                                     "%1 is not a port: write tcp/PORT or udp/PORT (1 to 65535)")
                             .arg(quoted(word))};
        }
        const ListenPort listenPort{protocol, port};
        if (std::none_of(ports.cbegin(), ports.cend(), [&](const ListenPort &p) {
                return p.protocol == listenPort.protocol && p.port == listenPort.port;
            })) {
            ports.append(listenPort);
        }
    }
    return ports;
}

} // namespace Deroot::Core
