// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/model/capabilities.h"

#include <QCoreApplication>

namespace Deroot::Core {

namespace {

// Risk: B. Spengler, "False Boundaries and Arbitrary Code Execution" (grsecurity, 2011) lists 19
// capabilities as equal to root and three as very likely to lead to it; capabilities(7) calls
// CAP_SYS_ADMIN "the new root"; CAP_BPF, CAP_PERFMON and CAP_CHECKPOINT_RESTORE were split out of
// CAP_SYS_ADMIN (Linux 5.8, 5.9) and keep much of its power.
constexpr const char *kSpengler = QT_TRANSLATE_NOOP("Deroot::Core::Capability", "Spengler 2011: equal to root");
constexpr const char *kSpenglerLikely =
    QT_TRANSLATE_NOOP("Deroot::Core::Capability", "Spengler 2011: very likely leads to root");
constexpr const char *kSplitFromSysAdmin =
    QT_TRANSLATE_NOOP("Deroot::Core::Capability", "split from CAP_SYS_ADMIN (capabilities(7)); kernel-wide reach");

const QList<CapabilityInfo> kTable{
    {0, "CAP_CHOWN", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "change the owner of any file"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {1, "CAP_DAC_OVERRIDE",
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "read, write and execute any file regardless of its permissions"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {2, "CAP_DAC_READ_SEARCH",
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "read any file and list any directory regardless of permissions"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {3, "CAP_FOWNER",
     QT_TRANSLATE_NOOP("Deroot::Core::Capability",
                       "act as the owner of any file (change its mode, attributes, capabilities)"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {4, "CAP_FSETID",
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "keep set-user-ID and set-group-ID bits when changing files"),
     CapabilityRisk::RootEquivalent,
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "Spengler 2011: equal to root (situational)")},
    {5, "CAP_KILL", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "send signals to any process"), CapabilityRisk::High,
     kSpenglerLikely},
    {6, "CAP_SETGID", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "change to any group id"),
     CapabilityRisk::RootEquivalent,
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "Spengler 2011: equal to root (situational)")},
    {7, "CAP_SETUID", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "change to any user id, root included"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {8, "CAP_SETPCAP",
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "change its own and other processes' capability sets"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {9, "CAP_LINUX_IMMUTABLE",
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "set the immutable and append-only file attributes"),
     CapabilityRisk::Moderate,
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): undermines audit logs kept append-only")},
    {10, "CAP_NET_BIND_SERVICE", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "listen on ports below 1024"),
     CapabilityRisk::Low,
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): binds privileged ports only")},
    {11, "CAP_NET_BROADCAST", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "send broadcasts and listen to multicasts"),
     CapabilityRisk::Low, QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): unused by the kernel")},
    {12, "CAP_NET_ADMIN",
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "configure network interfaces, routes, firewall rules"),
     CapabilityRisk::High, kSpenglerLikely},
    {13, "CAP_NET_RAW",
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "use raw and packet sockets (ping, packet capture)"),
     CapabilityRisk::Moderate,
     QT_TRANSLATE_NOOP("Deroot::Core::Capability",
                       "Spengler 2011: very likely leads to root (spoofing, sniffing local traffic)")},
    {14, "CAP_IPC_LOCK", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "lock memory so it is never swapped out"),
     CapabilityRisk::Low, QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): resource use only")},
    {15, "CAP_IPC_OWNER",
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "bypass permission checks on System V IPC objects"),
     CapabilityRisk::RootEquivalent,
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "Spengler 2011: equal to root (situational)")},
    {16, "CAP_SYS_MODULE", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "load and unload kernel modules"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {17, "CAP_SYS_RAWIO",
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "raw access to I/O ports, memory and block devices"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {18, "CAP_SYS_CHROOT", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "change the root directory"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {19, "CAP_SYS_PTRACE",
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "trace and inspect any process, read its memory"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {20, "CAP_SYS_PACCT", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "switch process accounting on and off"),
     CapabilityRisk::Low, QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): accounting only")},
    {21, "CAP_SYS_ADMIN",
     QT_TRANSLATE_NOOP("Deroot::Core::Capability",
                       "a great many administrative operations: mount, namespaces, and more"),
     CapabilityRisk::RootEquivalent,
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): \"the new root\"")},
    {22, "CAP_SYS_BOOT", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "reboot the machine or load a new kernel"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {23, "CAP_SYS_NICE",
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "raise priorities and set real-time scheduling of any process"),
     CapabilityRisk::Moderate,
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): can starve the machine")},
    {24, "CAP_SYS_RESOURCE", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "override resource limits and quotas"),
     CapabilityRisk::Moderate,
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): can exhaust reserved resources")},
    {25, "CAP_SYS_TIME", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "set the system clock"),
     CapabilityRisk::Moderate,
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): clock changes break TLS, logs and Kerberos")},
    {26, "CAP_SYS_TTY_CONFIG", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "configure terminals (vhangup and more)"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {27, "CAP_MKNOD", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "create device files"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {28, "CAP_LEASE", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "take file leases on files it does not own"),
     CapabilityRisk::Low,
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): delays other processes only")},
    {29, "CAP_AUDIT_WRITE", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "write records to the kernel audit log"),
     CapabilityRisk::Low,
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): can add forged audit records")},
    {30, "CAP_AUDIT_CONTROL", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "configure kernel auditing"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {31, "CAP_SETFCAP", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "set file capabilities on any file"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {32, "CAP_MAC_OVERRIDE", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "override mandatory access control (Smack)"),
     CapabilityRisk::High, QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): bypasses the MAC layer")},
    {33, "CAP_MAC_ADMIN", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "configure mandatory access control (Smack)"),
     CapabilityRisk::High,
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): reconfigures the MAC layer")},
    {34, "CAP_SYSLOG",
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "read and clear the kernel log, see kernel addresses"),
     CapabilityRisk::Moderate,
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): exposes kernel addresses")},
    {35, "CAP_WAKE_ALARM", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "set alarms that wake the system"),
     CapabilityRisk::Low, QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): power only")},
    {36, "CAP_BLOCK_SUSPEND", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "keep the system from suspending"),
     CapabilityRisk::Low, QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): power only")},
    {37, "CAP_AUDIT_READ", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "read the kernel audit log"),
     CapabilityRisk::Moderate,
     QT_TRANSLATE_NOOP("Deroot::Core::Capability", "capabilities(7): reads what every user did")},
    {38, "CAP_PERFMON", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "use performance monitoring and tracing"),
     CapabilityRisk::High, kSplitFromSysAdmin},
    {39, "CAP_BPF", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "load BPF programs and maps"),
     CapabilityRisk::RootEquivalent, kSplitFromSysAdmin},
    {40, "CAP_CHECKPOINT_RESTORE", QT_TRANSLATE_NOOP("Deroot::Core::Capability", "checkpoint and restore processes"),
     CapabilityRisk::High, kSplitFromSysAdmin},
};

} // namespace

const QList<CapabilityInfo> &capabilityTable()
{
    return kTable;
}

std::optional<CapabilityInfo> capabilityByName(QStringView name)
{
    QString wanted = name.trimmed().toString().toUpper();
    if (!wanted.startsWith(u"CAP_")) {
        wanted.prepend(u"CAP_");
    }
    for (const CapabilityInfo &info : kTable) {
        if (wanted == QLatin1StringView(info.name)) {
            return info;
        }
    }
    return std::nullopt;
}

std::optional<CapabilityInfo> capabilityByNumber(int number)
{
    if (number < 0 || number >= kTable.size()) {
        return std::nullopt;
    }
    return kTable.at(number);
}

QString capabilityMaskHex(std::uint64_t mask)
{
    return QStringLiteral("%1").arg(qulonglong(mask), 16, 16, QChar(u'0'));
}

QList<QString> capabilityNames(std::uint64_t mask)
{
    QList<QString> names;
    for (int bit = 0; bit < 64; ++bit) {
        if ((mask & (std::uint64_t(1) << bit)) == 0) {
            continue;
        }
        if (const auto info = capabilityByNumber(bit)) {
            names.append(QLatin1StringView(info->name));
        } else {
            names.append(u"cap_" + QString::number(bit));
        }
    }
    return names;
}

QString capabilityRiskId(CapabilityRisk risk)
{
    switch (risk) {
    case CapabilityRisk::Low:
        return QStringLiteral("low");
    case CapabilityRisk::Moderate:
        return QStringLiteral("moderate");
    case CapabilityRisk::High:
        return QStringLiteral("high");
    case CapabilityRisk::RootEquivalent:
        return QStringLiteral("root-equivalent");
    }
    Q_UNREACHABLE_RETURN(QString());
}

} // namespace Deroot::Core
