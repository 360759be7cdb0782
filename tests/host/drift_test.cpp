// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Drift after package operations, end to end in the test host: a capabilities plan for the real
// Debian tcpdump (whose maintainer scripts set no capability) applied through the installed helper;
// the package reinstalled with dpkg -i, so the program is a new inode without the capability;
// `derootctl status` sees the drift and when; deroot-cli's real file trigger (debian/deroot-cli.triggers
// and .postinst, in a package of their own, since the test host installs the build with cmake
// rather than from .debs) and its real apt hook (debian/deroot-cli.apt-hook) set it again; a
// replaced program is blocked, not re-capped; a dpkg-statoverride means hands off; `derootctl
// reconcile` through polkit, for the capabilities and for a drop-in edited by hand; the rollback
// still undoes the apply afterwards.
//
// The tcpdump package is rebuilt from its installed files, control fields and maintainer scripts
// (what dpkg-repack does): the test host has no network, and the build root's apt cache is cleaned.
#include "applysupport.h"
#include "hostsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

namespace {

const QString kWork = u"/var/tmp/deroot-drift-test"_s;
const QString kTcpdump = u"/usr/bin/tcpdump"_s;
const QString kDeb = kWork + u"/tcpdump.deb"_s;
const QString kTriggerDeb = kWork + u"/deroot-trigger-probe.deb"_s;
const QString kHelper = u"/usr/libexec/deroot-helper"_s;
const QString kAptHook = u"/etc/apt/apt.conf.d/50deroot-reconcile"_s;
// A user who is not root and has no privilege: status must read the same for them.
const QString kReader = u"deroot-drift-reader"_s;

QString getcap(const QString &path)
{
    return hostRun(u"getcap"_s, {path}).output.trimmed();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

HostRun shell(const QString &script)
{
    return hostRun(u"/bin/sh"_s, {u"-ec"_s, script});
}

// A package that carries deroot-cli's real file trigger and postinst, byte for byte.
bool buildTriggerPackage()
{
    const QString script = uR"(
dir=%1/trigger-probe
rm -rf "$dir" && mkdir -p "$dir/DEBIAN"
printf 'Package: deroot-trigger-probe\nVersion: 1\nArchitecture: all\nMaintainer: Deroot tests <root@localhost>\nDescription: deroot-cli file trigger, for the drift host test\n' >"$dir/DEBIAN/control"
cp %2/debian/deroot-cli.triggers "$dir/DEBIAN/triggers"
cp %2/debian/deroot-cli.postinst "$dir/DEBIAN/postinst"
chmod 0755 "$dir/DEBIAN/postinst"
dpkg-deb --root-owner-group -b "$dir" %3 >/dev/null
)"_s.arg(kWork, QStringLiteral(DEROOT_SOURCE_DIR), kTriggerDeb);
    const HostRun run = shell(script);
    if (run.exitCode != 0) {
        qWarning("trigger package: %s", qPrintable(run.output));
    }
    return run.exitCode == 0;
}

QJsonObject planOf(const CtlRun &status, const QString &applyId)
{
    for (const QJsonValue &value : status.json.value(u"plans"_s).toArray()) {
        if (value.toObject().value(u"apply_id"_s).toString() == applyId) {
            return value.toObject();
        }
    }
    return {};
}

QString driftMessages(const QJsonObject &plan)
{
    QString text = plan.value(u"summary"_s).toString();
    for (const QJsonValue &check : plan.value(u"checks"_s).toArray()) {
        text += u'\n' + check.toObject().value(u"message"_s).toString();
    }
    return text;
}

// The last reconcile the journal records for @p applyId, read as root from the journal itself.
QJsonObject lastReconcile(const QString &applyId)
{
    QFile file(u"/var/lib/deroot/applies/%1.json"_s.arg(applyId));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QJsonArray events = QJsonDocument::fromJson(file.readAll()).object().value(u"reconciled"_s).toArray();
    return events.isEmpty() ? QJsonObject() : events.last().toObject();
}

} // namespace

class DriftHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void packageReinstallDriftsAndIsRepaired();
    void laterDropInDriftsTheUnitAndTheAgent();

private:
    QString m_applyId;
    QString m_capsLine; ///< getcap's line for tcpdump once applied
    void statusShows(const QString &state, int exitCode, const QString &messagePart = {});
};

void DriftHostTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    QDir(kWork).removeRecursively();
    QVERIFY(QDir().mkpath(kWork));
    makeReadable(kWork);
    QCOMPARE(getcap(kTcpdump), QString());
    QVERIFY(hostRun(u"useradd"_s, {u"--no-create-home"_s, u"--shell"_s, u"/usr/sbin/nologin"_s, kReader}).exitCode ==
            0);
    QVERIFY(repackInstalledPackage(u"tcpdump"_s, kDeb, kWork));
    QVERIFY(buildTriggerPackage());
}

void DriftHostTest::cleanup()
{
    // A test that stopped half way leaves its apply in place: undone, so the next starts clean.
    if (!m_applyId.isEmpty()) {
        derootctl({u"rollback"_s, u"--json"_s, m_applyId});
        m_applyId.clear();
    }
}

void DriftHostTest::cleanupTestCase()
{
    cleanup();
    QFile::remove(u"/etc/systemd/system/prometheus-blackbox-exporter.service.d/zz-local.conf"_s);
    shell(u"dpkg-statoverride --remove /usr/bin/tcpdump 2>/dev/null || true; dpkg --purge deroot-trigger-probe "
          u">/dev/null 2>&1 || true; rm -f %1"_s.arg(kAptHook));
    hostRun(u"userdel"_s, {kReader});
    QDir(kWork).removeRecursively();
}

void DriftHostTest::statusShows(const QString &state, int exitCode, const QString &messagePart)
{
    const CtlRun status = derootctl({u"status"_s, u"--json"_s});
    QVERIFY2(status.exitCode == exitCode,
             qPrintable(u"exit %1: %2 %3"_s.arg(status.exitCode).arg(status.out, status.err)));
    const QJsonObject plan = planOf(status, m_applyId);
    QVERIFY2(plan.value(u"state"_s).toString() == state, qPrintable(status.out));
    if (!messagePart.isEmpty()) {
        QVERIFY2(driftMessages(plan).contains(messagePart), qPrintable(driftMessages(plan)));
    }
    // The same for a user who is not root: History() and the attribute are readable by anyone.
    const CtlRun asReader = derootctl({u"status"_s, u"--json"_s}, kReader);
    QVERIFY2(
        asReader.exitCode == exitCode,
        qPrintable(u"as %1, exit %2: %3 %4"_s.arg(kReader).arg(asReader.exitCode).arg(asReader.out, asReader.err)));
    QCOMPARE(planOf(asReader, m_applyId).value(u"state"_s).toString(), state);
}

void DriftHostTest::packageReinstallDriftsAndIsRepaired()
{
    // 1. The plan: tcpdump's own file gets CAP_NET_RAW, through the helper.
    const QString folder = generatePlan(kWork, {kTcpdump, u"--method"_s, u"caps"_s, u"--systemd"_s, u"no"_s,
                                                u"--start"_s, u"service"_s, u"--caps"_s, u"CAP_NET_RAW"_s});
    QVERIFY(!folder.isEmpty());
    const CtlRun applied = derootctl({u"apply"_s, u"--json"_s, folder});
    m_applyId = applied.json.value(u"apply_id"_s).toString();
    QVERIFY2(applied.exitCode == 0 && !m_applyId.isEmpty(), qPrintable(applied.out + applied.err));
    m_capsLine = getcap(kTcpdump);
    QVERIFY2(m_capsLine.contains(u"cap_net_raw=ep"_s), qPrintable(m_capsLine));
    statusShows(u"holding"_s, 0);

    // 2. dpkg -i of the same package: a new inode, without the attribute. Drift, and since when.
    const HostRun reinstall = hostRun(u"dpkg"_s, {u"-i"_s, kDeb});
    QVERIFY2(reinstall.exitCode == 0, qPrintable(reinstall.output));
    QCOMPARE(getcap(kTcpdump), QString());
    statusShows(u"drifted"_s, 11, u"lost the capabilities the apply set (since "_s);
    QVERIFY(planOf(derootctl({u"status"_s, u"--json"_s}), m_applyId).value(u"reconcilable"_s).toBool());

    // 3. The trigger's command, as dpkg's postinst runs it (root, no bus, no polkit): repaired.
    QElapsedTimer timer;
    timer.start();
    const HostRun direct = hostRun(kHelper, {u"--reconcile-caps"_s});
    const qint64 directMs = timer.elapsed();
    QVERIFY2(direct.exitCode == 0, qPrintable(direct.output));
    QVERIFY2(direct.output.contains(u"restored /usr/bin/tcpdump"_s), qPrintable(direct.output));
    QCOMPARE(getcap(kTcpdump), m_capsLine);
    QCOMPARE(lastReconcile(m_applyId).value(u"outcome"_s).toString(), u"restored"_s);
    statusShows(u"holding"_s, 0);
    // Nothing to do, the common case after a dpkg run: silent, and still exit 0.
    timer.restart();
    const HostRun idle = hostRun(kHelper, {u"--reconcile-caps"_s});
    const qint64 idleMs = timer.elapsed();
    QCOMPARE(idle.exitCode, 0);
    QCOMPARE(idle.output.trimmed(), QString());

    // 4. deroot-cli's real file trigger: a bare dpkg -i, and dpkg itself runs the reconcile.
    timer.restart();
    QVERIFY(hostRun(u"dpkg"_s, {u"-i"_s, kDeb}).exitCode == 0);
    const qint64 withoutTriggerMs = timer.elapsed();
    QCOMPARE(getcap(kTcpdump), QString());
    const HostRun probe = hostRun(u"dpkg"_s, {u"-i"_s, kTriggerDeb});
    QVERIFY2(probe.exitCode == 0, qPrintable(probe.output));
    // Lose them again (whatever the probe's own configure did), now with the trigger package
    // installed: dpkg processes the file trigger at the end of its run.
    hostRun(u"setcap"_s, {u"-r"_s, kTcpdump});
    QCOMPARE(getcap(kTcpdump), QString());
    timer.restart();
    const HostRun triggered = hostRun(u"dpkg"_s, {u"-i"_s, kDeb});
    const qint64 withTriggerMs = timer.elapsed();
    QVERIFY2(triggered.exitCode == 0, qPrintable(triggered.output));
    QVERIFY2(triggered.output.contains(u"Processing triggers for deroot-trigger-probe"_s),
             qPrintable(triggered.output));
    QCOMPARE(getcap(kTcpdump), m_capsLine);
    statusShows(u"holding"_s, 0);
    QVERIFY(hostRun(u"dpkg"_s, {u"--purge"_s, u"deroot-trigger-probe"_s}).exitCode == 0);

    // 5. The apt hook, installed as the package installs it: apt-get install --reinstall.
    QFile::remove(kAptHook);
    QVERIFY(QFile::copy(QStringLiteral(DEROOT_SOURCE_DIR) + u"/debian/deroot-cli.apt-hook"_s, kAptHook));
    const HostRun apt = hostRun(u"apt-get"_s, {u"install"_s, u"--reinstall"_s, u"-y"_s, kDeb});
    QVERIFY2(apt.exitCode == 0, qPrintable(apt.output));
    QCOMPARE(getcap(kTcpdump), m_capsLine);
    statusShows(u"holding"_s, 0);

    // 6. A replaced program (another SHA-256): blocked, never re-capped, and said so.
    QVERIFY(
        shell(u"cp -p /usr/bin/tcpdump %1/t && printf x >>%1/t && mv %1/t /usr/bin/tcpdump"_s.arg(kWork)).exitCode ==
        0);
    const HostRun replaced = hostRun(kHelper, {u"--reconcile-caps"_s});
    QCOMPARE(replaced.exitCode, 0);
    QVERIFY2(replaced.output.contains(u"blocked /usr/bin/tcpdump"_s) &&
                 replaced.output.contains(u"not the file that was reviewed"_s),
             qPrintable(replaced.output));
    QCOMPARE(getcap(kTcpdump), QString());
    statusShows(u"drifted"_s, 11, u"another file than the one approved"_s);
    const CtlRun blocked = derootctl({u"reconcile"_s, u"--json"_s});
    QVERIFY2(blocked.exitCode == 8, qPrintable(blocked.out + blocked.err));
    QCOMPARE(getcap(kTcpdump), QString());

    // 7. The package's file back, with an admin's statoverride: hands off.
    QVERIFY(hostRun(u"dpkg"_s, {u"-i"_s, kDeb}).exitCode == 0);
    QVERIFY(hostRun(u"dpkg-statoverride"_s, {u"--add"_s, u"root"_s, u"root"_s, u"0755"_s, kTcpdump}).exitCode == 0);
    const HostRun overridden = hostRun(kHelper, {u"--reconcile-caps"_s});
    QCOMPARE(overridden.exitCode, 0);
    QVERIFY2(overridden.output.contains(u"dpkg-statoverride holds"_s), qPrintable(overridden.output));
    QCOMPARE(getcap(kTcpdump), QString());
    statusShows(u"drifted"_s, 11, u"reconcile leaves it alone (hands off)"_s);
    QVERIFY(hostRun(u"dpkg-statoverride"_s, {u"--remove"_s, kTcpdump}).exitCode == 0);

    // 8. derootctl reconcile through the helper and polkit (root: polkit's yes without a prompt).
    const CtlRun reconciled = derootctl({u"reconcile"_s, u"--json"_s, m_applyId});
    QVERIFY2(reconciled.exitCode == 0, qPrintable(reconciled.out + reconciled.err));
    QCOMPARE(reconciled.json.value(u"reconciled"_s).toArray().first().toObject().value(u"outcome"_s).toString(),
             u"restored"_s);
    QCOMPARE(getcap(kTcpdump), m_capsLine);
    statusShows(u"holding"_s, 0);

    // 9. The rollback still undoes the apply, after every reconcile.
    const CtlRun rolledBack = derootctl({u"rollback"_s, u"--json"_s, m_applyId});
    QVERIFY2(rolledBack.exitCode == 0, qPrintable(rolledBack.out + rolledBack.err));
    QCOMPARE(getcap(kTcpdump), QString());
    statusShows(u"gone"_s, 0);
    m_applyId.clear();

    qInfo("timings: deroot-helper --reconcile-caps that restored one program: %lld ms, with nothing to do: %lld ms; "
          "dpkg -i tcpdump without the trigger: %lld ms, with it (and its reconcile): %lld ms",
          directMs, idleMs, withoutTriggerMs, withTriggerMs);
}

void DriftHostTest::laterDropInDriftsTheUnitAndTheAgent()
{
    // A drop-in plan for the packaged blackbox exporter: what systemd loaded and what the running
    // agent holds, compared for real. Then another tool's drop-in, sorting after Deroot's, runs it
    // as root again: drift in the unit and in the process, which reconcile does not paper over.
    const QString unit = u"prometheus-blackbox-exporter.service"_s;
    const QString localDropIn = u"/etc/systemd/system/%1.d/zz-local.conf"_s.arg(unit);
    const QString folder =
        generatePlan(kWork, {u"--unit"_s, unit, u"--method"_s, u"caps"_s, u"--add-cap"_s, u"CAP_NET_RAW"_s});
    QVERIFY(!folder.isEmpty());
    const CtlRun applied = derootctl({u"apply"_s, u"--json"_s, folder});
    m_applyId = applied.json.value(u"apply_id"_s).toString();
    QVERIFY2(applied.exitCode == 0 && !m_applyId.isEmpty(), qPrintable(applied.out + applied.err));
    statusShows(u"holding"_s, 0, u"has the plan's user and capabilities"_s);

    QVERIFY(writeFile(localDropIn, "[Service]\nUser=root\n"));
    statusShows(u"drifted"_s, 11, u"daemon-reload"_s);
    QVERIFY(hostRun(u"systemctl"_s, {u"daemon-reload"_s}).exitCode == 0);
    QVERIFY(hostRun(u"systemctl"_s, {u"restart"_s, unit}).exitCode == 0);
    QVERIFY(waitFor([&] { return systemctlShow(unit, u"ActiveState"_s) == u"active"; }, 10000));
    statusShows(u"drifted"_s, 11, u"User=root where the plan has prometheus"_s);
    statusShows(u"drifted"_s, 11, u"runs as uid 0"_s);
    // Nothing reconcile may repair: said, exit 11, nothing asked of the helper.
    const CtlRun reconcile = derootctl({u"reconcile"_s, u"--json"_s});
    QVERIFY2(reconcile.exitCode == 11, qPrintable(reconcile.out + reconcile.err));
    QVERIFY(reconcile.json.value(u"reconciled"_s).toArray().isEmpty());
    QCOMPARE(derootctl({u"reconcile"_s, u"--caps-only"_s}).exitCode, 0);

    QVERIFY(QFile::remove(localDropIn));
    QVERIFY(hostRun(u"systemctl"_s, {u"daemon-reload"_s}).exitCode == 0);
    QVERIFY(hostRun(u"systemctl"_s, {u"restart"_s, unit}).exitCode == 0);
    QVERIFY(waitFor([&] { return systemctlShow(unit, u"ActiveState"_s) == u"active"; }, 10000));
    statusShows(u"holding"_s, 0);

    // Deroot's own drop-in edited by hand (its capability taken out, the agent restarted so):
    // reconcile writes it back byte for byte through polkit, reloads systemd and restarts the
    // agent, which runs as the plan says again.
    const QString dropInDir = u"/etc/systemd/system/%1.d"_s.arg(unit);
    const QStringList ours = QDir(dropInDir).entryList({u"*deroot*.conf"_s}, QDir::Files);
    QVERIFY2(ours.size() == 1, qPrintable(ours.join(u' ')));
    const QString ourDropIn = dropInDir + u'/' + ours.first();
    QFile original(ourDropIn);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray bytes = original.readAll();
    original.close();
    QVERIFY(bytes.contains("AmbientCapabilities=CAP_NET_RAW"));
    QVERIFY(writeFile(ourDropIn, QByteArray(bytes).replace("AmbientCapabilities=CAP_NET_RAW", "AmbientCapabilities=")));
    QVERIFY(hostRun(u"systemctl"_s, {u"daemon-reload"_s}).exitCode == 0);
    QVERIFY(hostRun(u"systemctl"_s, {u"restart"_s, unit}).exitCode == 0);
    statusShows(u"drifted"_s, 11);
    // As an attacker who is no administrator: reconcile is refused by polkit, and a scope the helper
    // does not know is refused before polkit is asked; the edited drop-in stays as it is.
    const CtlRun asReader = derootctl({u"reconcile"_s, u"--json"_s, u"--no-ask-password"_s, m_applyId}, kReader);
    QVERIFY2(asReader.exitCode == 10,
             qPrintable(u"exit %1: %2 %3"_s.arg(asReader.exitCode).arg(asReader.out, asReader.err)));
    const HostRun oddScope =
        hostRun(u"runuser"_s, {u"-u"_s, kReader, u"--"_s, u"busctl"_s, u"--system"_s, u"call"_s,
                               u"io.github.deroot.Helper1"_s, u"/io/github/deroot/Helper1"_s,
                               u"io.github.deroot.Helper1"_s, u"Reconcile"_s, u"ss"_s, m_applyId, u"everything"_s});
    QVERIFY2(oddScope.exitCode != 0 && oddScope.output.contains(u"neither"_s), qPrintable(oddScope.output));
    QFile untouched(ourDropIn);
    QVERIFY(untouched.open(QIODevice::ReadOnly));
    QVERIFY(!untouched.readAll().contains("AmbientCapabilities=CAP_NET_RAW"));
    untouched.close();
    const CtlRun restored = derootctl({u"reconcile"_s, u"--json"_s, m_applyId});
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.out + restored.err));
    QString whats;
    for (const auto &item : restored.json.value(u"reconciled"_s).toArray()) {
        const QJsonObject object = item.toObject();
        QVERIFY2(object.value(u"outcome"_s).toString() == u"restored", qPrintable(restored.out));
        whats += object.value(u"what"_s).toString() + u' ';
    }
    QCOMPARE(whats, u"file unit "_s);
    QFile back(ourDropIn);
    QVERIFY(back.open(QIODevice::ReadOnly));
    QCOMPARE(back.readAll(), bytes);
    QVERIFY(waitFor([&] { return systemctlShow(unit, u"ActiveState"_s) == u"active"; }, 10000));
    statusShows(u"holding"_s, 0, u"has the plan's user and capabilities"_s);
    QCOMPARE(lastReconcile(m_applyId).value(u"outcome"_s).toString(), u"restored"_s);
    const CtlRun rolledBack = derootctl({u"rollback"_s, u"--json"_s, m_applyId});
    QVERIFY2(rolledBack.exitCode == 0, qPrintable(rolledBack.out + rolledBack.err));
    m_applyId.clear();
    hostRun(u"systemctl"_s, {u"stop"_s, unit});
}

QTEST_GUILESS_MAIN(DriftHostTest)
#include "drift_test.moc"
