// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/systemfacts.h"

#include "core/base/text.h"

#include <QFile>

#include <algorithm>

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

void addKernelContext(InspectionReport &report, const InspectEnvironment &environment)
{
    const KernelSettings settings = readKernelSettings(environment);
    constexpr int kNetRaw = 13;
    constexpr int kNetBindService = 10;

    for (const CapabilityNeed &need : report.needs.capabilities) {
        if (need.capability != kNetRaw) {
            continue;
        }
        const bool pings = std::any_of(need.reasons.cbegin(), need.reasons.cend(), [](const Reason &reason) {
            return reason.text.contains(u"ICMP"_s, Qt::CaseInsensitive) ||
                   reason.text.contains(u"ping"_s, Qt::CaseInsensitive);
        });
        if (!pings || !settings.pingGroupRange) {
            break;
        }
        const auto [first, second] = *settings.pingGroupRange;
        const QString value = u"net.ipv4.ping_group_range = %1 %2"_s.arg(first).arg(second);
        if (first <= second) {
            report.addFinding(
                u"kernel.ping-group-range"_s, Severity::Info,
                inspectText(QT_TRANSLATE_NOOP(
                                "Deroot::Core::Inspect",
                                "Here groups %1 to %2 may open ICMP sockets without privilege: for ICMP echo alone, "
                                "an agent running with such a group needs no CAP_NET_RAW."))
                    .arg(first)
                    .arg(second),
                {value});
        } else {
            report.addFinding(u"kernel.ping-group-range"_s, Severity::Info,
                              inspectText(QT_TRANSLATE_NOOP(
                                  "Deroot::Core::Inspect",
                                  "Here no group may open ICMP sockets without privilege, so pinging needs CAP_NET_RAW "
                                  "(widening net.ipv4.ping_group_range would remove that need).")),
                              {value});
        }
        break;
    }

    const int start = settings.unprivilegedPortStart.value_or(1024);
    const QString startText =
        settings.unprivilegedPortStart
            ? u"net.ipv4.ip_unprivileged_port_start = %1"_s.arg(start)
            : inspectText(QT_TRANSLATE_NOOP(
                  "Deroot::Core::Inspect", "net.ipv4.ip_unprivileged_port_start unreadable; the default 1024 assumed"));
    for (const PortNeed &port : std::as_const(report.needs.listenPorts)) {
        const bool seen = std::any_of(port.reasons.cbegin(), port.reasons.cend(),
                                      [](const Reason &reason) { return reason.source == u"process"; });
        if (seen) {
            continue;
        }
        if (port.port < start) {
            // The condition of the port claim carries over: a port used only in some setups needs
            // the capability only then.
            const QString condition = port.reasons.isEmpty() ? QString() : port.reasons.first().condition;
            report.needs.addCapability(
                kNetBindService, {u"kernel"_s,
                                  inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                                "%1/%2 is below the unprivileged port start (%3)"))
                                      .arg(port.protocol, QString::number(port.port), startText),
                                  condition});
        } else if (port.port < 1024) {
            report.addFinding(
                u"kernel.unprivileged-port"_s, Severity::Info,
                inspectText(QT_TRANSLATE_NOOP(
                                "Deroot::Core::Inspect",
                                "Port %1 is at or above this machine's unprivileged port start, so binding it needs no "
                                "capability here (it would elsewhere)."))
                    .arg(port.port),
                {startText});
        }
    }
}

} // namespace Deroot::Core
