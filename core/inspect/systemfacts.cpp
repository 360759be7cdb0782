// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/systemfacts.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

std::optional<QByteArray> readSysctl(const InspectEnvironment &environment, const char *relative)
{
    QFile file(QString::fromLocal8Bit(environment.sysctlRoot + '/' + relative));
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    return file.read(4096).trimmed();
}

std::optional<int> readInt(const InspectEnvironment &environment, const char *relative)
{
    const auto value = readSysctl(environment, relative);
    bool ok = false;
    const int number = value ? value->toInt(&ok) : 0;
    return ok ? std::optional<int>(number) : std::nullopt;
}

} // namespace

KernelSettings readKernelSettings(const InspectEnvironment &environment)
{
    KernelSettings settings;
    if (const auto range = readSysctl(environment, "net/ipv4/ping_group_range")) {
        const QList<QByteArray> parts = range->simplified().split(' ');
        bool okFirst = false;
        bool okSecond = false;
        if (parts.size() == 2) {
            const qint64 first = parts.at(0).toLongLong(&okFirst);
            const qint64 second = parts.at(1).toLongLong(&okSecond);
            if (okFirst && okSecond) {
                settings.pingGroupRange = std::pair{first, second};
            }
        }
    }
    settings.unprivilegedPortStart = readInt(environment, "net/ipv4/ip_unprivileged_port_start");
    settings.perfEventParanoid = readInt(environment, "kernel/perf_event_paranoid");
    settings.dmesgRestrict = readInt(environment, "kernel/dmesg_restrict");
    settings.unprivilegedBpf = readInt(environment, "kernel/unprivileged_bpf_disabled");
    settings.yamaPtraceScope = readInt(environment, "kernel/yama/ptrace_scope");
    return settings;
}

QJsonObject kernelSettingsJson(const InspectEnvironment &environment)
{
    const KernelSettings settings = readKernelSettings(environment);
    const auto number = [](const std::optional<int> &value) { return value ? QJsonValue(*value) : QJsonValue(); };
    return {
        {u"net.ipv4.ping_group_range"_s,
         settings.pingGroupRange
             ? QJsonValue(u"%1 %2"_s.arg(settings.pingGroupRange->first).arg(settings.pingGroupRange->second))
             : QJsonValue()},
        {u"net.ipv4.ip_unprivileged_port_start"_s, number(settings.unprivilegedPortStart)},
        {u"kernel.perf_event_paranoid"_s, number(settings.perfEventParanoid)},
        {u"kernel.dmesg_restrict"_s, number(settings.dmesgRestrict)},
        {u"kernel.unprivileged_bpf_disabled"_s, number(settings.unprivilegedBpf)},
        {u"kernel.yama.ptrace_scope"_s, number(settings.yamaPtraceScope)},
    };
}

} // namespace Deroot::Core
