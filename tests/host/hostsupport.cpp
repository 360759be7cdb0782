// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "hostsupport.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Deroot::TestSupport {

HostRun hostRun(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        return {-1, QString::fromUtf8(process.readAll()) + u"\n(timed out or crashed)"_s};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAll())};
}

QString systemctlShow(const QString &unit, const QString &property)
{
    return hostRun(u"systemctl"_s, {u"show"_s, u"-p"_s, property, u"--value"_s, unit}).output.trimmed();
}

QString procStatus(const QString &pid)
{
    QFile file(u"/proc/%1/status"_s.arg(pid));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

quint64 statusField(const QString &status, const QString &field)
{
    const auto match =
        QRegularExpression(u"^"_s + field + u":\\s*([0-9a-f]+)"_s, QRegularExpression::MultilineOption).match(status);
    return match.hasMatch() ? match.captured(1).toULongLong(nullptr, 16) : ~quint64(0);
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    for (int waited = 0; waited < timeoutMs; waited += 200) {
        if (condition()) {
            return true;
        }
        QTest::qWait(200);
    }
    return condition();
}

QString httpGet(const QString &url)
{
    QProcess process;
    process.start(u"python3"_s, {u"-c"_s,
                                 u"import sys, urllib.request\n"
                                 u"sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=5).read()"
                                 u".decode())"_s,
                                 url});
    if (!process.waitForFinished(15000) || process.exitCode() != 0) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

namespace {
const QString kPingGroupRange = u"/proc/sys/net/ipv4/ping_group_range"_s;
}

QString closePingGroupRange()
{
    QFile range(kPingGroupRange);
    if (!range.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QString previous = QString::fromUtf8(range.readAll()).trimmed().replace(u'\t', u' ');
    range.close();
    if (!range.open(QIODevice::WriteOnly) || range.write("1 0\n") <= 0) {
        return {};
    }
    return previous;
}

void restorePingGroupRange(const QString &previous)
{
    QFile range(kPingGroupRange);
    if (!previous.isEmpty() && range.open(QIODevice::WriteOnly)) {
        range.write(previous.toUtf8() + '\n');
    }
}

HostRun UnitJournal::restart(const QString &unit)
{
    const QString shown = hostRun(u"journalctl"_s, {u"--no-pager"_s, u"-n"_s, u"0"_s, u"--show-cursor"_s}).output;
    m_cursor = shown.section(u"-- cursor: "_s, 1).trimmed();
    return hostRun(u"systemctl"_s, {u"restart"_s, unit});
}

QString UnitJournal::text(const QString &unit) const
{
    // Only what the unit logged since its last restart. Not by invocation id: systemd unloads a
    // unit whose process has ended, and the id goes with it.
    return hostRun(u"journalctl"_s,
                   {u"--no-pager"_s, u"-o"_s, u"cat"_s, u"--after-cursor="_s + m_cursor, u"-u"_s, unit})
        .output;
}

bool repackInstalledPackage(const QString &package, const QString &deb, const QString &work)
{
    const QString script = uR"(
package=$1 deb=$2 dir=$3/repack-$1
rm -rf "$dir" && mkdir -p "$dir/DEBIAN"
dpkg-query -W -f='Package: ${Package}\nVersion: ${Version}\nArchitecture: ${Architecture}\nMaintainer: ${Maintainer}\nInstalled-Size: ${Installed-Size}\nDepends: ${Depends}\nSection: ${Section}\nPriority: ${Priority}\nDescription: ${Description}\n' "$package" >"$dir/DEBIAN/control"
for script in preinst postinst prerm postrm conffiles md5sums triggers; do
    if [ -f "/var/lib/dpkg/info/$package.$script" ]; then cp -p "/var/lib/dpkg/info/$package.$script" "$dir/DEBIAN/$script"; fi
done
dpkg -L "$package" | while read -r path; do
    if [ -f "$path" ] && [ ! -L "$path" ]; then
        cp -p --parents "$path" "$dir"
        setcap -r "$dir$path" 2>/dev/null || true
    fi
done
dpkg-deb --root-owner-group -b "$dir" "$deb" >/dev/null
rm -rf "$dir"
)"_s;
    const HostRun run = hostRun(u"/bin/sh"_s, {u"-ec"_s, script, u"repack"_s, package, deb, work});
    if (run.exitCode != 0) {
        qWarning("repack of %s: %s", qPrintable(package), qPrintable(run.output));
    }
    return run.exitCode == 0;
}

} // namespace Deroot::TestSupport
