// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The "today" verdict against real Debian programs in the booted test host, through the installed
// derootctl: fping as its package ships it (cap_net_raw=ep, not set-uid), a set-uid root program
// (passwd), a daemon running as root (sleep under systemd-run), a unit that would run as root but
// is not running, and the node exporter's packaged unit running as prometheus. Each verdict and
// its basis is checked against what the system says independently (stat, getcap, /proc status).
// Runs as root in the test host.
#include "applysupport.h"
#include "hostsupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Deroot::TestSupport;

class TodayHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void fileCapabilityProgram();
    void setuidRootProgram();
    void plainProgram();
    void rootDaemon();
    void rootUnitNotRunning();
    void deRootedPackagedUnit();

private:
    // `derootctl inspect ARGUMENTS --json`: the document, or nothing (with a warning).
    static QJsonObject inspect(const QStringList &arguments);
};

namespace {
const QString kDerootctl = u"/usr/bin/derootctl"_s;
const QString kRootDaemon = u"deroot-today-root.service"_s;
const QString kIdleUnit = u"deroot-today-idle.service"_s;
const QString kIdleUnitPath = u"/etc/systemd/system/deroot-today-idle.service"_s;
const QString kNodeExporter = u"prometheus-node-exporter.service"_s;

QString verdictId(const QJsonObject &document)
{
    return document[u"verdict"_s][u"id"_s].toString();
}

QString basis(const QJsonObject &document)
{
    return document[u"verdict"_s][u"basis"_s].toString();
}

QString text(const QJsonObject &document)
{
    return document[u"verdict"_s][u"text"_s].toString();
}
} // namespace

QJsonObject TodayHostTest::inspect(const QStringList &arguments)
{
    const CtlRun result = derootctl(QStringList{u"inspect"_s} + arguments + QStringList{u"--json"_s});
    if (result.exitCode != 0 || result.json.isEmpty()) {
        qWarning("derootctl inspect %s: exit %d\n%s", qPrintable(arguments.join(u' ')), result.exitCode,
                 qPrintable(result.err));
        return {};
    }
    return result.json;
}

void TodayHostTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    QVERIFY2(QFile::exists(kDerootctl), "the build is not installed");
}

void TodayHostTest::cleanup()
{
    for (const QString &unit : {kRootDaemon, kIdleUnit, kNodeExporter}) {
        hostRun(u"systemctl"_s, {u"stop"_s, unit});
        hostRun(u"systemctl"_s, {u"reset-failed"_s, unit});
    }
    if (QFile::remove(kIdleUnitPath)) {
        hostRun(u"systemctl"_s, {u"daemon-reload"_s});
    }
}

void TodayHostTest::fileCapabilityProgram()
{
    // The package's own state, seen by the system's tools: root:root, not set-uid, cap_net_raw=ep.
    struct stat st{};
    QVERIFY(::stat("/usr/bin/fping", &st) == 0);
    QCOMPARE(st.st_uid, 0U);
    QCOMPARE(st.st_mode & (S_ISUID | S_ISGID), 0U);
    const HostRun getcap = hostRun(u"getcap"_s, {u"/usr/bin/fping"_s});
    QVERIFY2(getcap.output.contains(u"cap_net_raw=ep"_s), qPrintable(getcap.output));

    const QJsonObject document = inspect({u"/usr/bin/fping"_s});
    QCOMPARE(verdictId(document), u"file-capabilities"_s);
    QCOMPARE(basis(document), u"file-grants"_s);
    QCOMPARE(text(document), u"Nothing to de-root: its file capabilities already give it only CAP_NET_RAW, not root; "
                             "it needs root only if you run it as root"_s);

    // The terminal form opens with the same sentence.
    const CtlRun plain = derootctl({u"inspect"_s, u"/usr/bin/fping"_s});
    QCOMPARE(plain.exitCode, 0);
    QCOMPARE(plain.out.section(u'\n', 0, 0), text(document));

    // Today's score is what the file grants, not an assumed root; the plan is lower still.
    const CtlRun recommend = derootctl({u"recommend"_s, u"/usr/bin/fping"_s, u"--json"_s});
    QCOMPARE(recommend.exitCode, 0);
    const QJsonObject before = recommend.json[u"effective_privilege_before"_s].toObject();
    QCOMPARE(before[u"basis"_s].toString(), u"file-grants"_s);
    QCOMPARE(before[u"score"_s].toDouble(), 11.0);
}

void TodayHostTest::setuidRootProgram()
{
    struct stat st{};
    QVERIFY(::stat("/usr/bin/passwd", &st) == 0);
    QCOMPARE(st.st_uid, 0U);
    QVERIFY(st.st_mode & S_ISUID);

    const QJsonObject document = inspect({u"/usr/bin/passwd"_s});
    QCOMPARE(verdictId(document), u"setuid-root"_s);
    QCOMPARE(basis(document), u"file-grants"_s);
    QVERIFY2(text(document).startsWith(u"Set-uid root: everyone who runs it runs it as root; "_s),
             qPrintable(text(document)));
}

void TodayHostTest::plainProgram()
{
    // Nothing runs it and its file grants nothing: only the hypothetical case, and said to be one.
    const HostRun getcap = hostRun(u"getcap"_s, {u"/usr/bin/sleep"_s});
    QVERIFY2(getcap.output.trimmed().isEmpty(), qPrintable(getcap.output));
    const QJsonObject document = inspect({u"/usr/bin/sleep"_s});
    QCOMPARE(verdictId(document), u"not-running"_s);
    QCOMPARE(basis(document), u"hypothetical-root"_s);
    const CtlRun recommend = derootctl({u"recommend"_s, u"/usr/bin/sleep"_s});
    QCOMPARE(recommend.exitCode, 0);
    QVERIFY2(recommend.out.contains(u"Effective privilege if run as root: 100"_s), qPrintable(recommend.out));
}

void TodayHostTest::rootDaemon()
{
    const HostRun started =
        hostRun(u"systemd-run"_s, {u"--unit"_s, kRootDaemon, u"--collect"_s, u"/usr/bin/sleep"_s, u"infinity"_s});
    QVERIFY2(started.exitCode == 0, qPrintable(started.output));
    QString pid;
    QVERIFY(waitFor([&] {
        pid = systemctlShow(kRootDaemon, u"MainPID"_s);
        return pid.toInt() > 0 && procStatus(pid).contains(u"sleep"_s);
    }));
    // Root by its status, whatever Deroot says.
    QVERIFY2(procStatus(pid).contains(
                 QRegularExpression(u"^Uid:\\s+0\\s+0\\s+0\\s+0$"_s, QRegularExpression::MultilineOption)),
             qPrintable(procStatus(pid)));

    for (const QStringList &target : {QStringList{u"--pid"_s, pid}, QStringList{u"--unit"_s, kRootDaemon}}) {
        const QJsonObject document = inspect(target);
        QCOMPARE(verdictId(document), u"runs-as-root"_s);
        QCOMPARE(basis(document), u"measured-process"_s);
        QVERIFY2(text(document).startsWith(u"Runs as root with "_s), qPrintable(text(document)));
        // Every capability up to CAP_CHECKPOINT_RESTORE (40) in its bounding set: "all".
        if (statusField(procStatus(pid), u"CapBnd"_s) == 0x1ffffffffffULL) {
            QVERIFY2(text(document).startsWith(u"Runs as root with all capabilities; "_s), qPrintable(text(document)));
        }
    }
}

void TodayHostTest::rootUnitNotRunning()
{
    // A unit with no User=, never started: read from systemd, not measured, and not hypothetical.
    QFile unit(kIdleUnitPath);
    QVERIFY(unit.open(QIODevice::WriteOnly));
    unit.write("[Unit]\nDescription=Deroot today test: a root unit that is not running\n\n"
               "[Service]\nExecStart=/usr/bin/sleep infinity\n");
    unit.close();
    QCOMPARE(hostRun(u"systemctl"_s, {u"daemon-reload"_s}).exitCode, 0);
    QCOMPARE(systemctlShow(kIdleUnit, u"ActiveState"_s), u"inactive"_s);

    const QJsonObject document = inspect({u"--unit"_s, kIdleUnit});
    QCOMPARE(verdictId(document), u"runs-as-root"_s);
    QCOMPARE(basis(document), u"measured-unit"_s);
    QVERIFY2(text(document).startsWith(u"Its unit deroot-today-idle.service runs it as root with "_s),
             qPrintable(text(document)));
}

void TodayHostTest::deRootedPackagedUnit()
{
    // Debian's node exporter unit: User=prometheus, no capabilities. Not running: its settings.
    QCOMPARE(systemctlShow(kNodeExporter, u"User"_s), u"prometheus"_s);
    const QJsonObject idle = inspect({u"--unit"_s, kNodeExporter});
    QCOMPARE(verdictId(idle), u"already-de-rooted"_s);
    QCOMPARE(basis(idle), u"measured-unit"_s);
    QCOMPARE(text(idle), u"Its unit prometheus-node-exporter.service already runs it as prometheus with no "
                         "capabilities: nothing to de-root"_s);

    // Running: measured on its process, whose status shows neither root nor a capability.
    QCOMPARE(hostRun(u"systemctl"_s, {u"start"_s, kNodeExporter}).exitCode, 0);
    QString pid;
    // Until it executes the exporter, the main process is systemd's fork, still root: wait for the exec.
    QVERIFY(waitFor([&] {
        pid = systemctlShow(kNodeExporter, u"MainPID"_s);
        return pid.toInt() > 0 && !procStatus(pid).isEmpty() &&
               QFileInfo(u"/proc/"_s + pid + u"/exe"_s).symLinkTarget() == u"/usr/bin/prometheus-node-exporter"_s;
    }));
    QVERIFY(!procStatus(pid).contains(QRegularExpression(u"^Uid:\\s+0"_s, QRegularExpression::MultilineOption)));
    QCOMPARE(statusField(procStatus(pid), u"CapEff"_s), quint64(0));
    QCOMPARE(statusField(procStatus(pid), u"CapPrm"_s), quint64(0));
    const QJsonObject running = inspect({u"--unit"_s, kNodeExporter});
    QCOMPARE(verdictId(running), u"already-de-rooted"_s);
    QCOMPARE(basis(running), u"measured-process"_s);
    QCOMPARE(text(running), u"Already runs as prometheus with no capabilities: nothing to de-root"_s);
}

QTEST_GUILESS_MAIN(TodayHostTest)
#include "host_today_test.moc"
