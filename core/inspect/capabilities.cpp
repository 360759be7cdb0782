// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/capabilities.h"

#include <QCoreApplication>

namespace Deroot::Core {

namespace {

#define SUMMARY(text) QT_TRANSLATE_NOOP("Deroot::Core::Capability", text)

// Risk: B. Spengler, "False Boundaries and Arbitrary Code Execution" (grsecurity, 2011) lists 19
// capabilities as equal to root and three as very likely to lead to it; capabilities(7) calls
// CAP_SYS_ADMIN "the new root"; CAP_BPF, CAP_PERFMON and CAP_CHECKPOINT_RESTORE were split out of
// CAP_SYS_ADMIN (Linux 5.8, 5.9) and keep much of its power.
constexpr const char *kSpengler = "Spengler 2011: equal to root";
constexpr const char *kSpenglerLikely = "Spengler 2011: very likely leads to root";
constexpr const char *kSplitFromSysAdmin = "split from CAP_SYS_ADMIN (capabilities(7)); kernel-wide reach";

const QList<CapabilityInfo> kTable{
    {0, "CAP_CHOWN", SUMMARY("change the owner of any file"), CapabilityRisk::RootEquivalent, kSpengler},
    {1, "CAP_DAC_OVERRIDE", SUMMARY("read, write and execute any file regardless of its permissions"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {2, "CAP_DAC_READ_SEARCH", SUMMARY("read any file and list any directory regardless of permissions"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {3, "CAP_FOWNER", SUMMARY("act as the owner of any file (change its mode, attributes, capabilities)"),
     CapabilityRisk::RootEquivalent, kSpengler},
    {4, "CAP_FSETID", SUMMARY("keep set-user-ID and set-group-ID bits when changing files"),
     CapabilityRisk::RootEquivalent, "Spengler 2011: equal to root (situational)"},
    {5, "CAP_KILL", SUMMARY("send signals to any process"), CapabilityRisk::High, kSpenglerLikely},
    {6, "CAP_SETGID", SUMMARY("change to any group id"), CapabilityRisk::RootEquivalent,
     "Spengler 2011: equal to root (situational)"},
    {7, "CAP_SETUID", SUMMARY("change to any user id, root included"), CapabilityRisk::RootEquivalent, kSpengler},
    {8, "CAP_SETPCAP", SUMMARY("change its own and other processes' capability sets"), CapabilityRisk::RootEquivalent,
     kSpengler},
    {9, "CAP_LINUX_IMMUTABLE", SUMMARY("set the immutable and append-only file attributes"), CapabilityRisk::Moderate,
     "capabilities(7): undermines audit logs kept append-only"},
    {10, "CAP_NET_BIND_SERVICE", SUMMARY("listen on ports below 1024"), CapabilityRisk::Low,
     "capabilities(7): binds privileged ports only"},
    {11, "CAP_NET_BROADCAST", SUMMARY("send broadcasts and listen to multicasts"), CapabilityRisk::Low,
     "capabilities(7): unused by the kernel"},
    {12, "CAP_NET_ADMIN", SUMMARY("configure network interfaces, routes, firewall rules"), CapabilityRisk::High,
     kSpenglerLikely},
    {13, "CAP_NET_RAW", SUMMARY("use raw and packet sockets (ping, packet capture)"), CapabilityRisk::Moderate,
     "Spengler 2011: very likely leads to root (spoofing, sniffing local traffic)"},
    {14, "CAP_IPC_LOCK", SUMMARY("lock memory so it is never swapped out"), CapabilityRisk::Low,
     "capabilities(7): resource use only"},
    {15, "CAP_IPC_OWNER", SUMMARY("bypass permission checks on System V IPC objects"), CapabilityRisk::RootEquivalent,
     "Spengler 2011: equal to root (situational)"},
    {16, "CAP_SYS_MODULE", SUMMARY("load and unload kernel modules"), CapabilityRisk::RootEquivalent, kSpengler},
    {17, "CAP_SYS_RAWIO", SUMMARY("raw access to I/O ports, memory and block devices"), CapabilityRisk::RootEquivalent,
     kSpengler},
    {18, "CAP_SYS_CHROOT", SUMMARY("change the root directory"), CapabilityRisk::RootEquivalent, kSpengler},
    {19, "CAP_SYS_PTRACE", SUMMARY("trace and inspect any process, read its memory"), CapabilityRisk::RootEquivalent,
     kSpengler},
    {20, "CAP_SYS_PACCT", SUMMARY("switch process accounting on and off"), CapabilityRisk::Low,
     "capabilities(7): accounting only"},
    {21, "CAP_SYS_ADMIN", SUMMARY("a great many administrative operations: mount, namespaces, and more"),
     CapabilityRisk::RootEquivalent, "capabilities(7): \"the new root\""},
    {22, "CAP_SYS_BOOT", SUMMARY("reboot the machine or load a new kernel"), CapabilityRisk::RootEquivalent,
     kSpengler},
    {23, "CAP_SYS_NICE", SUMMARY("raise priorities and set real-time scheduling of any process"),
     CapabilityRisk::Moderate, "capabilities(7): can starve the machine"},
    {24, "CAP_SYS_RESOURCE", SUMMARY("override resource limits and quotas"), CapabilityRisk::Moderate,
     "capabilities(7): can exhaust reserved resources"},
    {25, "CAP_SYS_TIME", SUMMARY("set the system clock"), CapabilityRisk::Moderate,
     "capabilities(7): clock changes break TLS, logs and Kerberos"},
    {26, "CAP_SYS_TTY_CONFIG", SUMMARY("configure terminals (vhangup and more)"), CapabilityRisk::RootEquivalent,
     kSpengler},
    {27, "CAP_MKNOD", SUMMARY("create device files"), CapabilityRisk::RootEquivalent, kSpengler},
    {28, "CAP_LEASE", SUMMARY("take file leases on files it does not own"), CapabilityRisk::Low,
     "capabilities(7): delays other processes only"},
    {29, "CAP_AUDIT_WRITE", SUMMARY("write records to the kernel audit log"), CapabilityRisk::Low,
     "capabilities(7): can add forged audit records"},
    {30, "CAP_AUDIT_CONTROL", SUMMARY("configure kernel auditing"), CapabilityRisk::RootEquivalent, kSpengler},
    {31, "CAP_SETFCAP", SUMMARY("set file capabilities on any file"), CapabilityRisk::RootEquivalent, kSpengler},
    {32, "CAP_MAC_OVERRIDE", SUMMARY("override mandatory access control (Smack)"), CapabilityRisk::High,
     "capabilities(7): bypasses the MAC layer"},
    {33, "CAP_MAC_ADMIN", SUMMARY("configure mandatory access control (Smack)"), CapabilityRisk::High,
     "capabilities(7): reconfigures the MAC layer"},
    {34, "CAP_SYSLOG", SUMMARY("read and clear the kernel log, see kernel addresses"), CapabilityRisk::Moderate,
     "capabilities(7): exposes kernel addresses"},
    {35, "CAP_WAKE_ALARM", SUMMARY("set alarms that wake the system"), CapabilityRisk::Low,
     "capabilities(7): power only"},
    {36, "CAP_BLOCK_SUSPEND", SUMMARY("keep the system from suspending"), CapabilityRisk::Low,
     "capabilities(7): power only"},
    {37, "CAP_AUDIT_READ", SUMMARY("read the kernel audit log"), CapabilityRisk::Moderate,
     "capabilities(7): reads what every user did"},
    {38, "CAP_PERFMON", SUMMARY("use performance monitoring and tracing"), CapabilityRisk::High, kSplitFromSysAdmin},
    {39, "CAP_BPF", SUMMARY("load BPF programs and maps"), CapabilityRisk::RootEquivalent, kSplitFromSysAdmin},
    {40, "CAP_CHECKPOINT_RESTORE", SUMMARY("checkpoint and restore processes"), CapabilityRisk::High,
     kSplitFromSysAdmin},
};

#undef SUMMARY

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
