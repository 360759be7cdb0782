// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The Debian packages as an admin meets them, in a clean test host (booted without the build
// installed): `apt-get install ./deroot-cli_*.deb ./deroot_*.deb`, derootctl from the package, the
// helper activated by D-Bus on the first call while polkit asks an administrator for her password,
// an upgrade that keeps the journal and the applied plans, an apply and a rollback, the installed
// dpkg file trigger setting a plan's capabilities again after a reinstall of tcpdump, and `apt-get
// remove` and `apt-get purge` that leave /etc, /usr and /var as they were before the install, as
// piuparts compares them, but for what an applied plan owns: a purge never rolls a plan back and
// says which ones it kept the journal for.
//
// The packages are the ones `tools/dev package` built from this checkout (the package_build test).
// The "previous build" of the upgrade is the same packages under a lower version (<version>~prev,
// repacked with dpkg-deb): a build of the previous commit would double the package build's time
// in every CI run, and what an upgrade must keep (the journal, /var/lib/deroot, the applied plans,
// no restart of the helper) does not depend on the differences between two commits.
#include "applysupport.h"
#include "hostsupport.h"
#include "manifest.h"
#include "ptyprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

class PackageHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void installFromThePreviousBuild();
    void firstCallActivatesTheHelperAndPolkitAsks();
    void upgradeKeepsTheJournalAndThePlans();
    void applyAndRollbackAfterTheUpgrade();
    void installedTriggerKeepsCapabilities();
    void removeAndPurgeLeaveTheTreeAsBefore();
    void purgeKeepsWhatIsStillApplied();
    void cleanupTestCase();

private:
    QString m_cli;         ///< this build's deroot-cli package
    QString m_gui;         ///< this build's deroot package
    QString m_version;     ///< their version
    QString m_previousCli; ///< the same, repacked as the previous build
    QString m_previousGui;
    Manifest m_before; ///< /etc, /usr and /var before the first install
    QString m_plan;    ///< a sudo plan, applied by the administrator through polkit
    QString m_applyId; ///< its apply
};

namespace {

const QString kDebs = QStringLiteral(DEROOT_DEB_DIR);
const QString kWork = u"/var/tmp/deroot-package-test"_s;
// An administrator (group sudo: Debian's polkit asks her own password).
const QString kAdmin = u"deroot-pkgadmin"_s;
const QString kPassword = u"pkg-test-password-7"_s;
const QString kHelperUnit = u"deroot-helper.service"_s;
const QString kState = u"/var/lib/deroot"_s;
const QString kAptHook = u"/etc/apt/apt.conf.d/50deroot-reconcile"_s; // deroot-cli's one conffile

// What dpkg, apt, systemd and the triggers of other packages keep for themselves, as piuparts
// leaves them out: package bookkeeping, caches, logs and the journal. Everything else below /etc,
// /usr and /var must be as it was.
const QStringList kIgnored{
    u"/var/lib/dpkg/"_s,
    u"/var/lib/apt/"_s,
    u"/var/cache/"_s,
    u"/var/log/"_s,
    u"/var/lib/systemd/"_s,
    u"/var/tmp/"_s,
    u"/var/backups/"_s,
    // ldconfig's trigger writes it anew at every install and removal of a library package.
    u"/etc/ld.so.cache"_s,
    // Written by update-desktop-database and gtk-update-icon-cache, the triggers of the desktop
    // file and the icon: an index of every package's files, with this package's entries removed.
    u"/usr/share/applications/mimeinfo.cache"_s,
    u"/usr/share/icons/hicolor/icon-theme.cache"_s,
};

Manifest packageManifest()
{
    Manifest manifest = treeManifest({u"/etc"_s, u"/var"_s, u"/opt"_s});
    manifest.insert(metadataManifest({u"/usr"_s}));
    for (auto it = manifest.begin(); it != manifest.end();) {
        const QString &path = it.key();
        const bool ignored = std::any_of(kIgnored.cbegin(), kIgnored.cend(), [&path](const QString &prefix) {
            return path == prefix || path.startsWith(prefix) || path + u'/' == prefix;
        });
        it = ignored ? manifest.erase(it) : std::next(it);
    }
    return manifest;
}

/// The paths of the differences between two manifests, as manifestDiff() judges them (a backup of
/// an account file that holds the file as it was counts as unchanged).
QStringList changedPaths(const Manifest &before, const Manifest &after)
{
    QStringList paths;
    const QStringList lines =
        manifestDiff(before, after, std::numeric_limits<int>::max()).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        paths << line.mid(2).section(u": "_s, 0, 0);
    }
    paths.removeDuplicates();
    return paths;
}

HostRun apt(const QStringList &arguments)
{
    qInfo("apt-get %s", qPrintable(arguments.join(u' ')));
    // Offline by construction (the test host has no network): every dependency must be installed
    // already, and a package apt would have to download fails the install.
    return hostRun(u"/usr/bin/env"_s, QStringList{u"DEBIAN_FRONTEND=noninteractive"_s, u"apt-get"_s, u"-y"_s, u"-o"_s,
                                                  u"Dpkg::Use-Pty=0"_s} +
                                          arguments);
}

QString installedVersion(const QString &package)
{
    // "ii VERSION" installed, "rc VERSION" removed with its configuration left; empty when dpkg
    // knows nothing of it or only that it is not installed ("un", "pn").
    const HostRun query = hostRun(u"dpkg-query"_s, {u"-W"_s, u"-f"_s, u"${db:Status-Abbrev}${Version}"_s, package});
    const QString status = query.output.trimmed();
    return query.exitCode != 0 || status.startsWith(u"un"_s) || status.startsWith(u"pn"_s) ? QString() : status;
}

/// @p deb repacked as @p version (and, for deroot, depending on deroot-cli of that version).
QString repack(const QString &deb, const QString &version, const QString &into)
{
    const QString tree = into + u"/tree"_s;
    QDir(tree).removeRecursively();
    if (hostRun(u"dpkg-deb"_s, {u"-R"_s, deb, tree}).exitCode != 0) {
        return {};
    }
    QFile control(tree + u"/DEBIAN/control"_s);
    if (!control.open(QIODevice::ReadOnly)) {
        return {};
    }
    QString text = QString::fromUtf8(control.readAll());
    control.close();
    const QString old =
        QRegularExpression(u"^Version: (\\S+)$"_s, QRegularExpression::MultilineOption).match(text).captured(1);
    text.replace(u"Version: "_s + old, u"Version: "_s + version);
    text.replace(u"deroot-cli (= "_s + old + u')', u"deroot-cli (= "_s + version + u')');
    if (!control.open(QIODevice::WriteOnly | QIODevice::Truncate) || control.write(text.toUtf8()) < 0) {
        return {};
    }
    control.close();
    const QString out = into + u'/' + QFileInfo(deb).fileName().replace(old, version);
    const HostRun built = hostRun(u"dpkg-deb"_s, {u"--root-owner-group"_s, u"-b"_s, tree, out});
    QDir(tree).removeRecursively();
    return built.exitCode == 0 ? out : QString();
}

// The shell becomes derootctl (exec keeps its pid), so the agent is registered for derootctl's
// process before derootctl asks the helper anything: pkttyagent closes --notify-fd once registered.
const char *const kApplyWithAgent = R"(ready=$(mktemp -u /tmp/deroot-agent.XXXXXX)
mkfifo "$ready" || exit 125
/usr/bin/pkttyagent --process $$ --notify-fd 3 3>"$ready" &
cat "$ready" >/dev/null
rm -f "$ready"
exec /usr/bin/derootctl apply --json "$1"
)";

} // namespace

void PackageHostTest::initTestCase()
{
    const QStringList cli = QDir(kDebs).entryList({u"deroot-cli_*.deb"_s}, QDir::Files);
    const QStringList gui = QDir(kDebs).entryList({u"deroot_*.deb"_s}, QDir::Files);
    QVERIFY2(
        cli.size() == 1 && gui.size() == 1,
        qPrintable(u"%1 must hold one deroot-cli and one deroot package (the package_build test makes them): %2"_s.arg(
            kDebs, (cli + gui).join(u", "_s))));
    m_cli = kDebs + u'/' + cli.first();
    m_gui = kDebs + u'/' + gui.first();
    m_version = hostRun(u"dpkg-deb"_s, {u"-f"_s, m_cli, u"Version"_s}).output.trimmed();
    QVERIFY(!m_version.isEmpty());

    // A clean machine: nothing of Deroot is installed.
    QVERIFY2(installedVersion(u"deroot-cli"_s).isEmpty(), "the test host has deroot-cli installed");
    QVERIFY2(!QFileInfo::exists(u"/usr/bin/derootctl"_s), "the test host has a derootctl (booted with the build?)");
    QVERIFY(!QFileInfo::exists(kState));
    // Files a `cmake --install` run straight into the build root (not into a DESTDIR) leaves:
    // they would make the install look as if it replaced, and the purge as if it removed, what
    // was never the package's.
    for (const QString &path : {u"/usr/share/polkit-1/actions/io.github.deroot.Deroot.policy"_s,
                                u"/usr/share/dbus-1/system.d/io.github.deroot.Helper1.conf"_s,
                                u"/usr/share/dbus-1/system-services/io.github.deroot.Helper1.service"_s,
                                u"/usr/lib/systemd/system/deroot-helper.service"_s,
                                u"/usr/lib/systemd/system/deroot-helper-recover.service"_s}) {
        QVERIFY2(!QFileInfo::exists(path),
                 qPrintable(u"%1 is in the build root, though no package installed it: remove it there"_s.arg(path)));
    }

    QDir(kWork).removeRecursively();
    QVERIFY(QDir().mkpath(kWork + u"/previous"_s));
    m_previousCli = repack(m_cli, m_version + u"~prev"_s, kWork + u"/previous"_s);
    m_previousGui = repack(m_gui, m_version + u"~prev"_s, kWork + u"/previous"_s);
    QVERIFY(!m_previousCli.isEmpty() && !m_previousGui.isEmpty());
    makeReadable(kWork);

    // The administrator exists before the first manifest: she is the admin's, not the package's.
    QCOMPARE(
        hostRun(u"useradd"_s, {u"--no-create-home"_s, u"--shell"_s, u"/bin/sh"_s, u"--groups"_s, u"sudo"_s, kAdmin})
            .exitCode,
        0);
    // chpasswd reads its standard input: the line goes through a file only root may read.
    QFile input(kWork + u"/password"_s);
    QVERIFY(input.open(QIODevice::WriteOnly));
    input.write((kAdmin + u':' + kPassword + u'\n').toUtf8());
    input.close();
    QCOMPARE(hostRun(u"/bin/sh"_s, {u"-c"_s, u"chpasswd <\"$1\""_s, u"sh"_s, input.fileName()}).exitCode, 0);
    QFile::remove(input.fileName());

    m_before = packageManifest();
    const auto usr = std::count_if(m_before.keyBegin(), m_before.keyEnd(),
                                   [](const QString &path) { return path.startsWith(u"/usr/"_s); });
    QVERIFY2(usr > 10000, qPrintable(u"%1 entries, %2 below /usr"_s.arg(m_before.size()).arg(usr)));
}

void PackageHostTest::installFromThePreviousBuild()
{
    const HostRun installed = apt({u"install"_s, m_previousCli, m_previousGui});
    QVERIFY2(installed.exitCode == 0, qPrintable(installed.output));
    QCOMPARE(installedVersion(u"deroot-cli"_s), u"ii %1~prev"_s.arg(m_version));
    QCOMPARE(installedVersion(u"deroot"_s), u"ii %1~prev"_s.arg(m_version));

    // derootctl from the package works, without the helper.
    const CtlRun version = derootctl({u"--version"_s});
    QVERIFY2(version.exitCode == 0 && version.out.startsWith(u"derootctl "_s), qPrintable(version.out + version.err));
    const CtlRun inspected = derootctl({u"inspect"_s, u"--json"_s, u"/usr/bin/prometheus-node-exporter"_s});
    QVERIFY2(inspected.exitCode == 0, qPrintable(inspected.err));
    QVERIFY(!inspected.json.isEmpty());

    // The install starts nothing: the helper waits for its first call on the bus.
    QCOMPARE(systemctlShow(kHelperUnit, u"ActiveState"_s), u"inactive"_s);
    QCOMPARE(systemctlShow(kHelperUnit, u"LoadState"_s), u"loaded"_s);
    QCOMPARE(systemctlShow(kHelperUnit, u"UnitFileState"_s), u"static"_s);
}

void PackageHostTest::firstCallActivatesTheHelperAndPolkitAsks()
{
    m_plan = generatePlan(kWork, {u"/usr/bin/prometheus-ipmi-exporter"_s, u"--method"_s, u"sudo"_s, u"--new-unit"_s,
                                  u"--user"_s, u"ipmi-exporter"_s});
    QVERIFY(!m_plan.isEmpty());
    QCOMPARE(systemctlShow(kHelperUnit, u"ActiveState"_s), u"inactive"_s);

    PtyProcess apply;
    QString error;
    QVERIFY2(apply.start(u"/usr/bin/setpriv"_s,
                         {u"--reuid"_s, kAdmin, u"--regid"_s, kAdmin, u"--init-groups"_s, u"--reset-env"_s, u"--"_s,
                          u"/usr/bin/env"_s, u"LANG=C.UTF-8"_s, u"/bin/sh"_s, u"-c"_s,
                          QString::fromLatin1(kApplyWithAgent), u"sh"_s, m_plan},
                         false, 0, &error),
             qPrintable(error));
    const qsizetype prompt = apply.waitForOutput(u"AUTHENTICATING FOR"_s, 0, 60000);
    QVERIFY2(prompt >= 0, qPrintable(apply.output()));
    QVERIFY2(apply.output().mid(prompt).trimmed().startsWith(u"io.github.deroot.plan.apply"_s),
             qPrintable(apply.output()));
    // The bus started the helper for this call: it is running, waiting for polkit's answer.
    QCOMPARE(systemctlShow(kHelperUnit, u"ActiveState"_s), u"active"_s);
    const qsizetype password = apply.waitForOutput(u"Password:"_s, prompt, 30000);
    QVERIFY2(password >= 0, qPrintable(apply.output()));
    QVERIFY(apply.write((kPassword + u'\n').toUtf8()));
    QVERIFY2(waitFor([&apply] { return !apply.running(); }, 120000), qPrintable(apply.output()));
    QVERIFY2(apply.exitCode() == 0, qPrintable(apply.output()));
    const QRegularExpressionMatch id = QRegularExpression(u"\"apply_id\"\\s*:\\s*\"([^\"]+)\""_s).match(apply.output());
    QVERIFY2(id.hasMatch(), qPrintable(apply.output()));
    m_applyId = id.captured(1);
    QCOMPARE(historyEntry(m_applyId).value(u"state"_s).toString(), u"applied"_s);
    QVERIFY(QFileInfo::exists(u"/etc/sudoers.d/deroot-ipmi_exporter"_s));
    QCOMPARE(hostRun(u"visudo"_s, {u"-c"_s}).exitCode, 0);
}

void PackageHostTest::upgradeKeepsTheJournalAndThePlans()
{
    QVERIFY(!m_applyId.isEmpty());
    const Manifest applied = treeManifest({u"/etc"_s, kState});
    const QString helperPid = systemctlShow(kHelperUnit, u"MainPID"_s);

    const HostRun upgraded = apt({u"install"_s, m_cli, m_gui});
    QVERIFY2(upgraded.exitCode == 0, qPrintable(upgraded.output));
    QCOMPARE(installedVersion(u"deroot-cli"_s), u"ii "_s + m_version);
    QCOMPARE(installedVersion(u"deroot"_s), u"ii "_s + m_version);

    // The upgrade neither stopped nor restarted a running helper (it may be inside an apply),
    // and left the journal, the applied plan's files and /etc as they were.
    QCOMPARE(systemctlShow(kHelperUnit, u"MainPID"_s), helperPid);
    const QString diff = manifestDiff(applied, treeManifest({u"/etc"_s, kState}));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(historyEntry(m_applyId).value(u"state"_s).toString(), u"applied"_s);
}

void PackageHostTest::applyAndRollbackAfterTheUpgrade()
{
    QVERIFY(!m_applyId.isEmpty());
    // The administrator's apply, undone by the upgraded helper.
    const CtlRun rolledBack = derootctl({u"rollback"_s, u"--json"_s, m_applyId});
    QVERIFY2(rolledBack.exitCode == 0 && rolledBack.json.value(u"rolled_back"_s).toBool(),
             qPrintable(rolledBack.out + rolledBack.err));
    QCOMPARE(historyEntry(m_applyId).value(u"state"_s).toString(), u"rolled-back"_s);

    // A capabilities plan, applied and rolled back by the upgraded package: /etc as before.
    const Manifest before = systemManifest();
    const QString unit = u"prometheus-blackbox-exporter.service"_s;
    const QString folder =
        generatePlan(kWork, {u"--unit"_s, unit, u"--method"_s, u"caps"_s, u"--add-cap"_s, u"CAP_NET_RAW"_s});
    QVERIFY(!folder.isEmpty());
    const CtlRun applied = derootctl({u"apply"_s, u"--json"_s, folder});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
    const QString id = applied.json.value(u"apply_id"_s).toString();
    QVERIFY(QFileInfo::exists(u"/etc/systemd/system/%1.d/deroot.conf"_s.arg(unit)));
    QCOMPARE(systemctlShow(unit, u"AmbientCapabilities"_s), u"cap_net_raw"_s);
    QCOMPARE(systemctlShow(unit, u"ActiveState"_s), u"active"_s);
    const CtlRun undone = derootctl({u"rollback"_s, u"--json"_s, id});
    QVERIFY2(undone.exitCode == 0, qPrintable(undone.out + undone.err));
    const QString diff = manifestDiff(before, systemManifest());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(systemctlShow(unit, u"AmbientCapabilities"_s).isEmpty());
}

// The installed deroot-cli's own dpkg file trigger (debian/deroot-cli.triggers and postinst, as
// the .deb carries them): a capabilities plan for the real tcpdump, whose maintainer scripts set
// none, keeps its capability across a reinstall of the tcpdump package, with nothing but dpkg run.
void PackageHostTest::installedTriggerKeepsCapabilities()
{
    const QString tcpdump = u"/usr/bin/tcpdump"_s;
    const QString deb = kWork + u"/tcpdump.deb"_s;
    QVERIFY(repackInstalledPackage(u"tcpdump"_s, deb, kWork));
    const Manifest before = systemManifest();
    const QString folder = generatePlan(kWork, {tcpdump, u"--method"_s, u"caps"_s, u"--systemd"_s, u"no"_s,
                                                u"--start"_s, u"service"_s, u"--caps"_s, u"CAP_NET_RAW"_s});
    QVERIFY(!folder.isEmpty());
    const CtlRun applied = derootctl({u"apply"_s, u"--json"_s, folder});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
    const QString id = applied.json.value(u"apply_id"_s).toString();
    const QString caps = hostRun(u"getcap"_s, {tcpdump}).output.trimmed();
    QVERIFY2(caps.contains(u"cap_net_raw=ep"_s), qPrintable(caps));

    // dpkg unpacks a new inode without the attribute; deroot-cli's trigger sets it again.
    QElapsedTimer timer;
    timer.start();
    const HostRun reinstalled = hostRun(u"dpkg"_s, {u"-i"_s, deb});
    const qint64 withTriggerMs = timer.elapsed();
    QVERIFY2(reinstalled.exitCode == 0, qPrintable(reinstalled.output));
    QVERIFY2(reinstalled.output.contains(u"Processing triggers for deroot-cli"_s), qPrintable(reinstalled.output));
    QVERIFY2(reinstalled.output.contains(u"restored /usr/bin/tcpdump"_s), qPrintable(reinstalled.output));
    QCOMPARE(hostRun(u"getcap"_s, {tcpdump}).output.trimmed(), caps);
    const CtlRun status = derootctl({u"status"_s, u"--json"_s});
    QVERIFY2(status.exitCode == 0, qPrintable(status.out + status.err));
    qInfo("dpkg -i tcpdump under the installed deroot-cli (its trigger restoring one program): %lld ms", withTriggerMs);

    const CtlRun undone = derootctl({u"rollback"_s, u"--json"_s, id});
    QVERIFY2(undone.exitCode == 0, qPrintable(undone.out + undone.err));
    QCOMPARE(hostRun(u"getcap"_s, {tcpdump}).output.trimmed(), QString());
    const QString diff = manifestDiff(before, systemManifest());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QFile::remove(deb);
}

void PackageHostTest::removeAndPurgeLeaveTheTreeAsBefore()
{
    // Remove keeps the helper's state (the journal of every apply) and, as Debian keeps every
    // conffile until the purge, the apt hook (which does nothing without the helper): nothing else.
    const HostRun removed = apt({u"remove"_s, u"deroot"_s, u"deroot-cli"_s});
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.output));
    QCOMPARE(installedVersion(u"deroot-cli"_s).left(2), u"rc"_s);
    QVERIFY(!QFileInfo::exists(u"/usr/bin/derootctl"_s));
    const Manifest afterRemove = packageManifest();
    for (const QString &path : changedPaths(m_before, afterRemove)) {
        QVERIFY2(path == kState || path.startsWith(kState + u'/') || path == kAptHook,
                 qPrintable(u"apt-get remove left a difference outside %1:\n"_s.arg(kState) +
                            manifestDiff(m_before, afterRemove)));
    }
    QVERIFY(QFileInfo::exists(kState));
    QVERIFY(QFileInfo::exists(kAptHook));

    // The desktop package has no configuration: removed, nothing of it is left to purge.
    QVERIFY2(installedVersion(u"deroot"_s).isEmpty(), qPrintable(installedVersion(u"deroot"_s)));

    // Every plan is rolled back: purge removes the state too, and the tree is as before the install.
    const HostRun purged = apt({u"purge"_s, u"deroot-cli"_s});
    QVERIFY2(purged.exitCode == 0, qPrintable(purged.output));
    QVERIFY2(installedVersion(u"deroot-cli"_s).isEmpty(), qPrintable(installedVersion(u"deroot-cli"_s)));
    QVERIFY2(!purged.output.contains(u"keeping"_s), qPrintable(purged.output));
    const QString diff = manifestDiff(m_before, packageManifest());
    QVERIFY2(diff.isEmpty(), qPrintable(u"apt-get purge left differences:\n"_s + diff));
}

void PackageHostTest::purgeKeepsWhatIsStillApplied()
{
    const HostRun installed = apt({u"install"_s, m_cli, m_gui});
    QVERIFY2(installed.exitCode == 0, qPrintable(installed.output));
    qInfo("derootctl apply %s", qPrintable(m_plan));
    const CtlRun applied = derootctl({u"apply"_s, u"--json"_s, m_plan});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
    const QString id = applied.json.value(u"apply_id"_s).toString();
    QVERIFY(!id.isEmpty());
    Manifest withPlan = treeManifest({u"/etc"_s});
    withPlan.remove(kAptHook); // the package's own conffile, which the purge removes

    // Purge keeps the journal of the plan that is still applied, says so and how to undo it, and
    // leaves the plan itself alone: it never rolls back behind the admin's back.
    const HostRun purged = apt({u"purge"_s, u"deroot"_s, u"deroot-cli"_s});
    QVERIFY2(purged.exitCode == 0, qPrintable(purged.output));
    QVERIFY2(purged.output.contains(u"keeping /var/lib/deroot: Deroot plans are still applied: %1 (applied)"_s.arg(id)),
             qPrintable(purged.output));
    QVERIFY(QFileInfo::exists(kState + u"/applies/"_s + id + u".json"_s));
    const QString etc = manifestDiff(withPlan, treeManifest({u"/etc"_s}));
    QVERIFY2(etc.isEmpty(), qPrintable(u"the purge changed /etc:\n"_s + etc));
    // Beside what the plan owns and the kept journal, the tree is as before the install.
    const Manifest afterPurge = packageManifest();
    for (const QString &path : changedPaths(m_before, afterPurge)) {
        const bool planOwns = path.startsWith(u"/etc/"_s) && withPlan.value(path) == afterPurge.value(path) &&
                              m_before.value(path) != withPlan.value(path);
        QVERIFY2(planOwns || path == kState || path.startsWith(kState + u'/'),
                 qPrintable(u"%1 differs after the purge:\n"_s.arg(path) + manifestDiff(m_before, afterPurge)));
    }

    // Installed again, the package finds the journal and undoes the plan; the next purge leaves
    // nothing behind.
    const HostRun again = apt({u"install"_s, m_cli});
    QVERIFY2(again.exitCode == 0, qPrintable(again.output));
    qInfo("derootctl history, rollback %s", qPrintable(id));
    QCOMPARE(historyEntry(id).value(u"state"_s).toString(), u"applied"_s);
    const CtlRun rolledBack = derootctl({u"rollback"_s, u"--json"_s, id});
    QVERIFY2(rolledBack.exitCode == 0, qPrintable(rolledBack.out + rolledBack.err));
    const HostRun last = apt({u"purge"_s, u"deroot-cli"_s});
    QVERIFY2(last.exitCode == 0, qPrintable(last.output));
    const QString diff = manifestDiff(m_before, packageManifest());
    QVERIFY2(diff.isEmpty(), qPrintable(u"the last purge left differences:\n"_s + diff));
}

void PackageHostTest::cleanupTestCase()
{
    QDir(kWork).removeRecursively();
}

QTEST_GUILESS_MAIN(PackageHostTest)
#include "package_test.moc"
