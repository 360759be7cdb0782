// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/observe/sandboxflags.h"

#include "core/base/text.h"
#include "core/model/sandboxcandidate.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cerrno>
#include <limits>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// "60 s", "2.5 s", "40 ms", as observation.cpp says it.
// The nodes PrivateDevices=yes keeps in the unit's own /dev (systemd.exec(5)): opening one of them
// does not speak against it. /dev/console is not among them.
bool keptByPrivateDevices(QStringView path)
{
    static const QStringList plain{u"/dev/null"_s, u"/dev/zero"_s, u"/dev/full"_s,  u"/dev/random"_s, u"/dev/urandom"_s,
                                   u"/dev/tty"_s,  u"/dev/ptmx"_s, u"/dev/stdin"_s, u"/dev/stdout"_s, u"/dev/stderr"_s};
    return plain.contains(path.toString()) || path.startsWith(u"/dev/pts/") || path.startsWith(u"/dev/shm/") ||
           path.startsWith(u"/dev/fd/") || path.startsWith(u"/dev/mqueue/") || path.startsWith(u"/dev/hugepages/");
}

bool counts(const SyscallResult &result)
{
    return result.succeeded() || result.error() == EPERM || result.error() == EACCES;
}

bool isUnder(const QString &path, const QString &directory)
{
    return path == directory || path.startsWith(directory + u'/');
}

void appendOnce(QStringList &list, const QString &item)
{
    if (!list.contains(item)) {
        list.append(item);
    }
}

} // namespace

SandboxFlags flagSandboxSettings(const EventStream &events, const Observation &observation)
{
    SandboxFlags out;
    if (events.info) {
        const RecordingInfo &info = *events.info;
        if (info.target.startsWith(u"unit "_s) || info.target.startsWith(u"pid "_s)) {
            out.withheld = QCoreApplication::translate(
                "Deroot::Core::Observe",
                "No sandbox setting is flagged: the agent was already running when the watch began, so the "
                "devices it opened and the sockets it made at start-up were not seen.");
        } else if (info.lostEvents > 0) {
            // A count past int's range cannot happen in one recording; clamped all the same.
            const int lost = int(std::min<std::int64_t>(info.lostEvents, std::numeric_limits<int>::max()));
            out.withheld = countedText("Deroot::Core::Observe",
                                       QT_TRANSLATE_N_NOOP("Deroot::Core::Observe",
                                                           "No sandbox setting is flagged: the recorder lost %n "
                                                           "event(s), any of which could have been a device or a "
                                                           "socket."),
                                       lost);
        } else if (info.ended == kEndedSignalled || (info.ended == kEndedExited && info.exitStatus.value_or(0) != 0)) {
            out.withheld =
                info.ended == kEndedSignalled
                    ? QCoreApplication::translate("Deroot::Core::Observe",
                                                  "No sandbox setting is flagged: the agent failed (killed by signal "
                                                  "%1), so what it did not do says little.")
                          .arg(info.exitStatus.value_or(128) - 128)
                    : QCoreApplication::translate("Deroot::Core::Observe",
                                                  "No sandbox setting is flagged: the agent failed (exited with "
                                                  "status %1), so what it did not do says little.")
                          .arg(info.exitStatus.value_or(0));
        }
    }
    // Both recorders report every execve: nothing at all means the start was not seen.
    if (out.withheld.isEmpty() && events.results.isEmpty()) {
        out.withheld = QCoreApplication::translate(
            "Deroot::Core::Observe",
            "No sandbox setting is flagged: no system call of the agent was recorded, not even its start.");
    }
    if (!out.withheld.isEmpty()) {
        return out;
    }
    const QString in = observedDuration(observation.options.durationNs);

    // Devices: every open below /dev is recorded, and ioctl()s name their device when decoded.
    QStringList kept;
    QStringList devices;
    for (const SyscallResult &result : events.results) {
        QString path;
        if (const auto *call = std::get_if<PathCall>(&result.arguments); call && !call->truncated) {
            path = call->access.path;
        } else if (const auto *ioctl = std::get_if<IoctlCall>(&result.arguments)) {
            path = ioctl->path;
        }
        if (!path.startsWith(u"/dev/"_s) || !counts(result)) {
            continue;
        }
        appendOnce(keptByPrivateDevices(path) ? kept : devices, path);
    }
    for (const NamedNeed &device : observation.needs.devices) {
        appendOnce(devices, device.name);
    }
    if (devices.isEmpty()) {
        out.flags.append(
            {u"PrivateDevices"_s, u"yes"_s,
             kept.isEmpty()
                 ? QCoreApplication::translate("Deroot::Core::Observe", "observed in %1: no device node opened").arg(in)
                 : QCoreApplication::translate(
                       "Deroot::Core::Observe",
                       "observed in %1: no device node opened but %2, which PrivateDevices= keeps")
                       .arg(in, kept.join(u", "_s))});
    }

    // Home directories: every open for writing is recorded (and every unix socket bound); reads are not.
    const QStringList homes{u"/home"_s, u"/root"_s, u"/run/user"_s};
    const bool writesHome = std::any_of(
        observation.needs.writePaths.cbegin(), observation.needs.writePaths.cend(), [&](const NamedNeed &path) {
            return std::any_of(homes.cbegin(), homes.cend(),
                               [&](const QString &home) { return isUnder(path.name, home); });
        });
    if (!writesHome) {
        out.flags.append({u"ProtectHome"_s, u"read-only"_s,
                          QCoreApplication::translate("Deroot::Core::Observe",
                                                      "observed in %1: nothing below /home, /root or /run/user opened "
                                                      "for writing (mkdir, rename and unlink are not recorded, nor "
                                                      "reads, so ProtectHome=yes is not shown)")
                              .arg(in)});
    }

    // Network: every socket() is recorded; a family the kernel lacks (EAFNOSUPPORT) is not a need.
    QStringList families{u"AF_UNIX"_s};
    QStringList others;
    for (const NamedNeed &family : observation.needs.addressFamilies) {
        if (family.name != u"AF_UNIX"_s) {
            appendOnce(others, family.name);
        }
    }
    std::sort(others.begin(), others.end());
    families += others;
    if (others.isEmpty() && observation.needs.listenPorts.isEmpty()) {
        out.flags.append({u"PrivateNetwork"_s, u"yes"_s,
                          QCoreApplication::translate("Deroot::Core::Observe",
                                                      "observed in %1: no socket but AF_UNIX ones, and no port bound "
                                                      "(unix sockets in the file system still work; abstract ones "
                                                      "reach only the unit's own network)")
                              .arg(in)});
    }
    out.flags.append({u"RestrictAddressFamilies"_s, families.join(u' '),
                      others.isEmpty()
                          ? QCoreApplication::translate("Deroot::Core::Observe",
                                                        "observed in %1: no socket but AF_UNIX ones (always kept, "
                                                        "for journald and D-Bus)")
                                .arg(in)
                          : QCoreApplication::translate("Deroot::Core::Observe",
                                                        "observed in %1: sockets of %2 only (and AF_UNIX, always "
                                                        "kept, for journald and D-Bus)")
                                .arg(in, others.join(u", "_s))});
    return out;
}

bool isFlaggableSetting(const SandboxFlag &flag)
{
    return isObservableSandboxSetting(flag.key, flag.value);
}

} // namespace Deroot::Core
