// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/privilegehints.h"

#include "core/base/text.h"

#include "core/model/capabilities.h"

#include <functional>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {
constexpr auto Likely = HintConfidence::Likely;
constexpr auto Possible = HintConfidence::Possible;
} // namespace

const QList<PrivilegeHint> &symbolHints()
{
    // Sources: capabilities(7) and each call's own man page (section 2 or 3), which name the
    // capability the call checks.
    static const QList<PrivilegeHint> hints{
        {"pcap_open_live", "CAP_NET_RAW", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "captures packets (pcap_open_live(3pcap): needs a packet socket)")},
        {"pcap_create", "CAP_NET_RAW", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "captures packets (pcap_create(3pcap): needs a packet socket)")},
        {"pcap_activate", "CAP_NET_RAW", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "captures packets (pcap_activate(3pcap))")},
        {"settimeofday", "CAP_SYS_TIME", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "sets the clock (settimeofday(2))")},
        {"clock_settime", "CAP_SYS_TIME", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "may set a clock (clock_settime(2): CLOCK_REALTIME needs it)")},
        {"stime", "CAP_SYS_TIME", Likely, QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "sets the clock (stime(2))")},
        {"adjtimex", "CAP_SYS_TIME", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "may adjust the clock (adjtimex(2): reading needs nothing)")},
        {"clock_adjtime", "CAP_SYS_TIME", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "may adjust the clock (clock_adjtime(2): reading needs nothing)")},
        {"ntp_adjtime", "CAP_SYS_TIME", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "may adjust the clock (ntp_adjtime(3): reading needs nothing)")},
        {"adjtime", "CAP_SYS_TIME", Likely, QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "slews the clock (adjtime(3))")},
        {"ptrace", "CAP_SYS_PTRACE", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "traces processes (ptrace(2): others' processes need it)")},
        {"process_vm_readv", "CAP_SYS_PTRACE", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                           "reads other processes' memory (process_vm_readv(2): others' processes need it)")},
        {"process_vm_writev", "CAP_SYS_PTRACE", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                           "writes other processes' memory (process_vm_writev(2): others' processes need it)")},
        {"mount", "CAP_SYS_ADMIN", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "mounts file systems (mount(2))")},
        {"umount", "CAP_SYS_ADMIN", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "unmounts file systems (umount(2))")},
        {"umount2", "CAP_SYS_ADMIN", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "unmounts file systems (umount(2))")},
        {"pivot_root", "CAP_SYS_ADMIN", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "changes the root mount (pivot_root(2))")},
        {"sethostname", "CAP_SYS_ADMIN", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "sets the host name (sethostname(2))")},
        {"setdomainname", "CAP_SYS_ADMIN", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "sets the NIS domain name (setdomainname(2))")},
        {"setns", "CAP_SYS_ADMIN", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "enters namespaces (setns(2): most kinds need it)")},
        {"unshare", "CAP_SYS_ADMIN", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "makes namespaces (unshare(2): all but user namespaces need it)")},
        {"init_module", "CAP_SYS_MODULE", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "loads kernel modules (init_module(2))")},
        {"finit_module", "CAP_SYS_MODULE", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "loads kernel modules (finit_module(2))")},
        {"delete_module", "CAP_SYS_MODULE", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "unloads kernel modules (delete_module(2))")},
        {"ioperm", "CAP_SYS_RAWIO", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "accesses I/O ports (ioperm(2))")},
        {"iopl", "CAP_SYS_RAWIO", Likely, QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "accesses I/O ports (iopl(2))")},
        {"reboot", "CAP_SYS_BOOT", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "reboots the machine (reboot(2))")},
        {"kexec_load", "CAP_SYS_BOOT", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "loads a new kernel (kexec_load(2))")},
        {"chroot", "CAP_SYS_CHROOT", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "changes its root directory (chroot(2))")},
        {"mknod", "CAP_MKNOD", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "may create device files (mknod(2): FIFOs need nothing)")},
        {"mknodat", "CAP_MKNOD", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "may create device files (mknodat(2): FIFOs need nothing)")},
        {"klogctl", "CAP_SYSLOG", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                           "reads the kernel log (syslog(2): needs it when kernel.dmesg_restrict is 1)")},
        {"perf_event_open", "CAP_PERFMON", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                           "uses performance counters (perf_event_open(2): depends on kernel.perf_event_paranoid)")},
        {"bpf", "CAP_BPF", Likely, QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "loads BPF programs (bpf(2))")},
        {"setuid", "CAP_SETUID", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                           "changes its user id (setuid(2)): often to drop root after starting as root")},
        {"setresuid", "CAP_SETUID", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "changes its user ids (setresuid(2)): often to drop root")},
        {"setreuid", "CAP_SETUID", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "changes its user ids (setreuid(2)): often to drop root")},
        {"setgid", "CAP_SETGID", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "changes its group id (setgid(2)): often to drop root")},
        {"setresgid", "CAP_SETGID", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "changes its group ids (setresgid(2)): often to drop root")},
        {"setgroups", "CAP_SETGID", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "sets supplementary groups (setgroups(2)): often to drop root")},
        {"initgroups", "CAP_SETGID", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "sets supplementary groups (initgroups(3)): often to drop root")},
        {"capset", "CAP_SETPCAP", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "changes its capability sets (capset(2)): may be dropping them")},
        {"cap_set_proc", "CAP_SETPCAP", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                           "changes its capability sets (cap_set_proc(3)): may be dropping them")},
        {"mlockall", "CAP_IPC_LOCK", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "locks its memory (mlockall(2): beyond RLIMIT_MEMLOCK needs it)")},
        {"sched_setscheduler", "CAP_SYS_NICE", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                           "sets scheduling policy (sched_setscheduler(2): real-time policies need it)")},
    };
    return hints;
}

const QList<PrivilegeHint> &libraryHints()
{
    static const QList<PrivilegeHint> hints{
        {"libpcap.so", "CAP_NET_RAW", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                           "links libpcap: captures packets through a packet socket (pcap(3pcap))")},
        {"libbpf.so", "CAP_BPF", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "links libbpf: loads BPF programs (bpf(2))")},
        {"libbpf.so", "CAP_PERFMON", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "links libbpf: tracing programs also need CAP_PERFMON (bpf(2))")},
        {"libipmiconsole.so", "CAP_SYS_RAWIO", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "talks to a BMC; local /dev/ipmi0 is root-only by default")},
    };
    return hints;
}

const QList<PrivilegeHint> &goModuleHints()
{
    // Go programs are usually static and make raw system calls, so their modules are the evidence.
    static const QList<PrivilegeHint> hints{
        {"github.com/google/gopacket/pcap", "CAP_NET_RAW", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "uses gopacket/pcap: captures packets")},
        {"github.com/gopacket/gopacket/pcap", "CAP_NET_RAW", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "uses gopacket/pcap: captures packets")},
        {"github.com/google/gopacket/afpacket", "CAP_NET_RAW", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "uses gopacket/afpacket: opens packet sockets")},
        {"github.com/mdlayher/packet", "CAP_NET_RAW", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "uses mdlayher/packet: opens packet sockets")},
        {"github.com/mdlayher/raw", "CAP_NET_RAW", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "uses mdlayher/raw: opens packet sockets")},
        {"golang.org/x/net/icmp", "CAP_NET_RAW", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "uses x/net/icmp: raw ICMP needs it; unprivileged ICMP sockets do "
                                                    "not when net.ipv4.ping_group_range admits "
                                                    "the group")},
        {"github.com/prometheus-community/pro-bing", "CAP_NET_RAW", Possible,
         QT_TRANSLATE_NOOP(
             "Deroot::Core::Inspect",
             "uses pro-bing: privileged mode needs it, unprivileged mode needs net.ipv4.ping_group_range")},
        {"github.com/go-ping/ping", "CAP_NET_RAW", Possible,
         QT_TRANSLATE_NOOP(
             "Deroot::Core::Inspect",
             "uses go-ping: privileged mode needs it, unprivileged mode needs net.ipv4.ping_group_range")},
        {"github.com/cilium/ebpf", "CAP_BPF", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "uses cilium/ebpf: loads BPF programs")},
        {"github.com/cilium/ebpf", "CAP_PERFMON", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "uses cilium/ebpf: tracing programs also need CAP_PERFMON")},
        {"github.com/iovisor/gobpf", "CAP_BPF", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "uses gobpf: loads BPF programs")},
        {"github.com/vishvananda/netlink", "CAP_NET_ADMIN", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                           "uses vishvananda/netlink: changing links, routes or rules needs it; reading does not")},
        {"github.com/safchain/ethtool", "CAP_NET_ADMIN", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "uses ethtool: some ioctls need it")},
        {"github.com/hodgesds/perf-utils", "CAP_PERFMON", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "uses perf-utils: performance counters")},
        {"github.com/coreos/go-iptables", "CAP_NET_ADMIN", Likely,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "uses go-iptables: changes firewall rules")},
        {"github.com/google/nftables", "CAP_NET_ADMIN", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "uses nftables: changing rules needs it")},
        {"github.com/beevik/ntp", "CAP_NET_BIND_SERVICE", Possible,
         QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "uses beevik/ntp: only a server on port 123 needs it")},
    };
    return hints;
}

namespace {

// @p evidence makes the line from the hint's why in the reader's language ("imports setuid: ...").
void applyHint(const PrivilegeHint &hint, const std::function<QString(const QString &why)> &evidence,
               const QString &source, InspectionReport &report)
{
    const auto capability = capabilityByName(QString::fromLatin1(hint.capability));
    if (!capability) {
        return;
    }
    const QString text = evidence(inspectText(hint.why));
    if (hint.confidence == HintConfidence::Likely) {
        report.needs.addCapability(capability->number, {source, text});
        return;
    }
    const QString id = u"hint.possible."_s + QLatin1StringView(hint.capability).toString().toLower();
    for (Finding &finding : report.findings) {
        if (finding.id == id) {
            finding.evidence.append(text);
            return;
        }
    }
    report.addFinding(
        id, Severity::Info,
        inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                      "It may need %1 depending on how it is configured; check before granting it."))
            .arg(QLatin1StringView(hint.capability)),
        {text});
}

} // namespace

void applyPrivilegeHints(const ElfFacts &elf, InspectionReport &report)
{
    // A Go program's C imports come from its runtime (syscall wrappers for every program), not
    // from what the program does, so they are no evidence.
    for (const PrivilegeHint &hint : elf.go ? QList<PrivilegeHint>() : symbolHints()) {
        const QString symbol = QString::fromLatin1(hint.key);
        if (std::binary_search(elf.imports.cbegin(), elf.imports.cend(), symbol)) {
            applyHint(
                hint,
                [&](const QString &why) {
                    return inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "imports %1: %2")).arg(symbol, why);
                },
                u"elf"_s, report);
        }
    }
    for (const PrivilegeHint &hint : libraryHints()) {
        for (const QString &library : elf.needed) {
            if (library.startsWith(QLatin1StringView(hint.key))) {
                applyHint(
                    hint,
                    [&](const QString &why) {
                        return inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "needs %1: %2"))
                            .arg(library, why);
                    },
                    u"elf"_s, report);
            }
        }
    }
    if (elf.goBuildInfo) {
        QList<GoModule> modules = elf.goBuildInfo->dependencies;
        // Built outside module mode, a program records only its main package.
        modules.prepend(elf.goBuildInfo->mainModule.path.isEmpty() ? GoModule{elf.goBuildInfo->mainPackage, {}, {}}
                                                                   : elf.goBuildInfo->mainModule);
        for (const PrivilegeHint &hint : goModuleHints()) {
            const QString prefix = QString::fromLatin1(hint.key);
            for (const GoModule &module : modules) {
                // A hint names a package; the build information names the module holding it.
                if (prefix == module.path) {
                    applyHint(
                        hint,
                        [&](const QString &why) {
                            return inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "Go module %1 %2: %3"))
                                .arg(module.path, module.version, why);
                        },
                        u"go"_s, report);
                } else if (prefix.startsWith(module.path + u'/')) {
                    // The build information lists modules, not packages: the program depends on the
                    // module that holds the package, which does not prove it uses that package.
                    PrivilegeHint weaker = hint;
                    weaker.confidence = HintConfidence::Possible;
                    applyHint(
                        weaker,
                        [&](const QString &why) {
                            return inspectText(
                                       QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "Go module %1 %2 (holds %3): %4"))
                                .arg(module.path, module.version, prefix, why);
                        },
                        u"go"_s, report);
                }
            }
        }
    }
    if (elf.go) {
        report.addFinding(u"elf.go-raw-syscalls"_s, Severity::Info,
                          inspectText(QT_TRANSLATE_NOOP(
                              "Deroot::Core::Inspect",
                              "Go programs make system calls directly, so imported symbols say little about what it "
                              "needs; its modules and the catalog are the evidence.")),
                          {elf.goBuildInfo
                               ? inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1, main package %2"))
                                     .arg(elf.goBuildInfo->goVersion, elf.goBuildInfo->mainPackage)
                               : elf.goBuildInfoError});
    } else if (!elf.dynamic) {
        report.addFinding(u"elf.static"_s, Severity::Info,
                          inspectText(QT_TRANSLATE_NOOP(
                              "Deroot::Core::Inspect",
                              "It is statically linked: it imports no symbols, so symbol evidence is unavailable.")),
                          {inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "no dynamic section"))});
    }
}

} // namespace Deroot::Core
