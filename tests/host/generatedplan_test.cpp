// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The capabilities method as an admin gets it: `derootctl generate --unit ... --method caps` is run
// inside the booted test host on the distribution's own units, what it wrote is installed (the user
// it declares, the drop-in), and the packaged agent is started through systemd as its unprivileged
// user. It must do its job with exactly the granted capabilities; with the granted capability taken
// out of the same drop-in it must fail, so the set is minimal.
//
// chronyd runs with CAP_SYS_TIME, yet the test host shares the machine's clock: it has no network
// and no time source, so chronyd never steps or slews it, and the test checks that the kernel's
// clock state (adjtimex) and the wall clock are the same before and after.
#include "hostsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/timex.h>
#include <time.h>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

class GeneratedPlanHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void chronydKeepsTimeWithCapSysTimeOnly();
    void blackboxExporterPingsWithCapNetRawOnly();
    void nodeExporterAnswersAsItsUser();
    void sudoPlanAllowsExactlyItsCommands();

private:
    /// Runs derootctl generate with @p arguments into a new folder; the folder.
    QString generate(const QStringList &arguments);
    /// Installs what @p folder's plan.json lists: creates the user with the generated useradd
    /// script unless it exists, writes the unit files; then reloads systemd. The drop-in's text.
    QString install(const QString &folder, const QString &unit);
    /// Writes @p text as @p unit's Deroot drop-in, replacing the generated one.
    void rewriteDropIn(const QString &unit, const QString &text);
    static QString withoutCapabilities(const QString &dropIn);
    /// Restarts @p unit and checks its main process: running as @p user, with exactly @p mask in its
    /// effective, permitted, ambient and bounding sets, and no_new_privs.
    void expectRunningWith(const QString &unit, const QString &user, quint64 mask);

    QTemporaryDir m_work;
    QStringList m_installed;
    QStringList m_units;
    QString m_pingGroupRange;
    UnitJournal m_journal;
};

namespace {
constexpr quint64 kCapNetRaw = quint64(1) << 13;
constexpr quint64 kCapSysTime = quint64(1) << 25;

struct ClockState
{
    long frequency = 0;
    long tick = 0;
    int status = 0;
    long offset = 0;
    double realMinusMonotonic = 0; ///< seconds: changes only when the clock is stepped
};

ClockState clockState()
{
    struct timex state = {}; // modes 0: read only, needs no privilege
    adjtimex(&state);
    timespec real{};
    timespec monotonic{};
    clock_gettime(CLOCK_REALTIME, &real);
    clock_gettime(CLOCK_MONOTONIC, &monotonic);
    return {state.freq, state.tick, state.status, state.offset,
            double(real.tv_sec - monotonic.tv_sec) + double(real.tv_nsec - monotonic.tv_nsec) / 1e9};
}

QJsonObject readPlan(const QString &folder)
{
    QFile file(folder + u"/plan.json"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}
} // namespace

void GeneratedPlanHostTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    QVERIFY(m_work.isValid());
    m_pingGroupRange = Deroot::TestSupport::closePingGroupRange();
    QVERIFY2(!m_pingGroupRange.isEmpty(), "cannot close net.ipv4.ping_group_range");
}

void GeneratedPlanHostTest::cleanup()
{
    for (const QString &unit : std::as_const(m_units)) {
        hostRun(u"systemctl"_s, {u"stop"_s, unit});
        hostRun(u"systemctl"_s, {u"reset-failed"_s, unit});
    }
}

void GeneratedPlanHostTest::cleanupTestCase()
{
    cleanup();
    for (const QString &path : std::as_const(m_installed)) {
        QFile::remove(path);
    }
    hostRun(u"systemctl"_s, {u"daemon-reload"_s});
    Deroot::TestSupport::restorePingGroupRange(m_pingGroupRange);
}

QString GeneratedPlanHostTest::generate(const QStringList &arguments)
{
    static int count = 0;
    const QString out = m_work.filePath(u"plan%1"_s.arg(++count));
    const HostRun generated =
        hostRun(u"derootctl"_s, QStringList{u"generate"_s} + arguments + QStringList{u"--out"_s, out});
    if (generated.exitCode != 0) {
        qWarning("derootctl generate %s: %s", qPrintable(arguments.join(u' ')), qPrintable(generated.output));
        return {};
    }
    return out;
}

QString GeneratedPlanHostTest::install(const QString &folder, const QString &unit)
{
    const QJsonObject plan = readPlan(folder);
    const QString user = plan.value(u"service_user"_s).toString();
    if (plan.isEmpty() || user.isEmpty()) {
        qWarning("no plan.json with a service user in %s", qPrintable(folder));
        return {};
    }
    QString dropIn;
    for (const QJsonValue &value : plan.value(u"operations"_s).toArray()) {
        const QJsonObject operation = value.toObject();
        const QString source = folder + u'/' + operation.value(u"file"_s).toString();
        const QString target = operation.value(u"path"_s).toString();
        if (operation.value(u"artifact"_s).toString() == u"useradd" &&
            hostRun(u"id"_s, {u"-u"_s, user}).exitCode != 0) {
            const HostRun added = hostRun(u"sh"_s, {source});
            if (added.exitCode != 0) {
                qWarning("%s: %s", qPrintable(source), qPrintable(added.output));
                return {};
            }
        } else if (operation.value(u"op"_s).toString() == u"write_file" &&
                   (target.startsWith(u"/etc/systemd/system/"_s) || target.startsWith(u"/etc/sudoers.d/"_s))) {
            QDir().mkpath(target.section(u'/', 0, -2));
            QFile::remove(target);
            if (!QFile::copy(source, target)) {
                qWarning("cannot install %s", qPrintable(target));
                return {};
            }
            m_installed << target;
            QFile::setPermissions(target, QFile::ReadOwner | QFile::ReadGroup); // 0440, as sudo wants it
            if (target.startsWith(u"/etc/systemd/system/"_s)) {
                QFile::setPermissions(target,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
            }
            QFile file(target);
            if (file.open(QIODevice::ReadOnly)) {
                dropIn = QString::fromUtf8(file.readAll());
            }
        }
    }
    if (!m_units.contains(unit)) {
        m_units << unit;
    }
    hostRun(u"systemctl"_s, {u"daemon-reload"_s});
    return dropIn;
}

void GeneratedPlanHostTest::rewriteDropIn(const QString &unit, const QString &text)
{
    QFile file(u"/etc/systemd/system/%1.d/deroot.conf"_s.arg(unit));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(file.write(text.toUtf8()) > 0);
    file.close();
    QCOMPARE(hostRun(u"systemctl"_s, {u"daemon-reload"_s}).exitCode, 0);
}

QString GeneratedPlanHostTest::withoutCapabilities(const QString &dropIn)
{
    // Only the grant goes; every other line (the system-call filter's @clock, the sandbox) stays,
    // so what fails is the missing capability and nothing else.
    QString text = dropIn;
    text.replace(QRegularExpression(u"^AmbientCapabilities=\\S.*$"_s, QRegularExpression::MultilineOption),
                 u"AmbientCapabilities="_s);
    text.replace(QRegularExpression(u"^CapabilityBoundingSet=\\S.*$"_s, QRegularExpression::MultilineOption),
                 u"CapabilityBoundingSet="_s);
    return text;
}

void GeneratedPlanHostTest::expectRunningWith(const QString &unit, const QString &user, quint64 mask)
{
    hostRun(u"systemctl"_s, {u"reset-failed"_s, unit});
    const HostRun started = m_journal.restart(unit);
    QVERIFY2(started.exitCode == 0, qPrintable(started.output + m_journal.text(unit)));
    const QString uid = hostRun(u"id"_s, {u"-u"_s, user}).output.trimmed();
    QVERIFY(uid.toInt() > 0);
    // Until systemd's child has executed the agent it is still root (named "(exporter)" or the
    // like): wait for the agent itself.
    const QRegularExpression asUser(u"^Uid:\\s+%1\\s+%1\\s+%1\\s+%1$"_s.arg(uid), QRegularExpression::MultilineOption);
    // And until it has executed the agent, its capabilities are still being set up: wait for the
    // agent's own program as well.
    const QString program = systemctlShow(unit, u"ExecStart"_s).section(u"path="_s, 1).section(u' ', 0, 0);
    QString status;
    QVERIFY2(waitFor([&] {
                 const QString pid = systemctlShow(unit, u"MainPID"_s);
                 // The program first, the status after: an exec between the two reads would
                 // otherwise pair the forked child's status with the agent's program.
                 if (program.isEmpty() || !QFileInfo(u"/proc/%1/exe"_s.arg(pid)).symLinkTarget().endsWith(program)) {
                     return false;
                 }
                 status = procStatus(pid);
                 return asUser.match(status).hasMatch();
             }),
             qPrintable(program + u"\n"_s + status + m_journal.text(unit)));
    for (const QString &set : {u"CapEff"_s, u"CapPrm"_s, u"CapAmb"_s, u"CapBnd"_s}) {
        QVERIFY2(statusField(status, set) == mask, qPrintable(set + u":\n"_s + status));
    }
    QCOMPARE(statusField(status, u"NoNewPrivs"_s), quint64(1));
}

void GeneratedPlanHostTest::chronydKeepsTimeWithCapSysTimeOnly()
{
    const QString unit = u"chrony.service"_s;
    const QString folder = generate({u"--unit"_s, unit, u"--method"_s, u"caps"_s});
    QVERIFY(!folder.isEmpty());
    const QString dropIn = install(folder, unit);
    // The vendor's line without '!' (which would start chronyd as root), with -U (without which
    // chronyd refuses a non-root start) and the vendor's $DAEMON_OPTS kept.
    QVERIFY2(dropIn.contains(u"\nExecStart=/usr/sbin/chronyd -U $DAEMON_OPTS\n"_s), qPrintable(dropIn));

    const ClockState before = clockState();
    expectRunningWith(unit, u"_chrony"_s, kCapSysTime);
    if (QTest::currentTestFailed()) {
        return;
    }
    // It does its job: it answers chronyc on its command socket.
    HostRun tracking;
    QVERIFY2(waitFor([&] { return (tracking = hostRun(u"chronyc"_s, {u"-n"_s, u"tracking"_s})).exitCode == 0; }),
             qPrintable(tracking.output + m_journal.text(unit)));
    QVERIFY2(tracking.output.contains(u"Reference ID"_s), qPrintable(tracking.output));
    hostRun(u"systemctl"_s, {u"stop"_s, unit});
    // And it left the machine's clock alone.
    const ClockState after = clockState();
    QCOMPARE(after.frequency, before.frequency);
    QCOMPARE(after.tick, before.tick);
    QCOMPARE(after.offset, before.offset);
    QVERIFY2(std::abs(after.realMinusMonotonic - before.realMinusMonotonic) < 0.5,
             qPrintable(u"the wall clock moved by %1 s"_s.arg(after.realMinusMonotonic - before.realMinusMonotonic)));

    // Without CAP_SYS_TIME the same drop-in fails: chronyd cannot adjust the clock.
    rewriteDropIn(unit, withoutCapabilities(dropIn));
    hostRun(u"systemctl"_s, {u"reset-failed"_s, unit});
    m_journal.restart(unit);
    QVERIFY2(waitFor([&] { return m_journal.text(unit).contains(u"Operation not permitted"_s); }),
             qPrintable(m_journal.text(unit)));
    QVERIFY(systemctlShow(unit, u"ActiveState"_s) != u"active");
}

void GeneratedPlanHostTest::blackboxExporterPingsWithCapNetRawOnly()
{
    const QString unit = u"prometheus-blackbox-exporter.service"_s;
    // CAP_NET_RAW is conditional in the catalog (only for ICMP probes): the admin adds it.
    const QString folder = generate({u"--unit"_s, unit, u"--method"_s, u"caps"_s, u"--add-cap"_s, u"CAP_NET_RAW"_s});
    QVERIFY(!folder.isEmpty());
    const QString dropIn = install(folder, unit);
    // The vendor's ExecStart= (with its --config.file from $ARGS) is kept.
    QVERIFY2(!dropIn.contains(u"\nExecStart="_s), qPrintable(dropIn));
    expectRunningWith(unit, u"prometheus"_s, kCapNetRaw);
    if (QTest::currentTestFailed()) {
        return;
    }
    const QString probe = u"http://127.0.0.1:9115/probe?module=icmp&target=127.0.0.1"_s;
    QString body;
    QVERIFY2(waitFor([&] { return (body = httpGet(probe)).contains(u"\nprobe_success 1"_s); }),
             qPrintable(body + m_journal.text(unit)));

    // Without CAP_NET_RAW it still answers, but the ICMP probe fails.
    rewriteDropIn(unit, withoutCapabilities(dropIn));
    expectRunningWith(unit, u"prometheus"_s, 0);
    if (QTest::currentTestFailed()) {
        return;
    }
    QVERIFY2(waitFor([&] { return (body = httpGet(probe)).contains(u"\nprobe_success 0"_s); }),
             qPrintable(body + m_journal.text(unit)));
}

void GeneratedPlanHostTest::nodeExporterAnswersAsItsUser()
{
    const QString unit = u"prometheus-node-exporter.service"_s;
    const QString folder = generate({u"--unit"_s, unit, u"--method"_s, u"caps"_s});
    QVERIFY(!folder.isEmpty());
    install(folder, unit);
    expectRunningWith(unit, u"prometheus"_s, 0);
    if (QTest::currentTestFailed()) {
        return;
    }
    QString metrics;
    QVERIFY2(waitFor([&] { return (metrics = httpGet(u"http://127.0.0.1:9100/metrics"_s)).contains(u"node_load1"_s); }),
             qPrintable(m_journal.text(unit)));
}

void GeneratedPlanHostTest::sudoPlanAllowsExactlyItsCommands()
{
    // The sudo method as generated for the IPMI exporter (FreeIPMI's tools through sudo), judged
    // by sudo itself: exactly the listed commands with exactly their arguments, nothing else.
    const QString folder = generate({u"/usr/bin/prometheus-ipmi-exporter"_s, u"--method"_s, u"sudo"_s, u"--new-unit"_s,
                                     u"--user"_s, u"ipmi-exporter"_s});
    QVERIFY(!folder.isEmpty());
    install(folder, u"deroot-ipmi_exporter.service"_s);
    const QString user = readPlan(folder).value(u"service_user"_s).toString();
    QCOMPARE(user, u"ipmi-exporter"_s);
    const HostRun check = hostRun(u"visudo"_s, {u"-c"_s});
    QVERIFY2(check.exitCode == 0, qPrintable(check.output));

    const HostRun listed = hostRun(u"sudo"_s, {u"-l"_s, u"-U"_s, user});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.output));
    const QStringList commands{u"/usr/sbin/ipmimonitoring"_s, u"/usr/sbin/ipmi-sensors"_s, u"/usr/sbin/ipmi-dcmi"_s,
                               u"/usr/sbin/bmc-info"_s,       u"/usr/sbin/ipmi-chassis"_s, u"/usr/sbin/ipmi-sel"_s};
    const QString rules = listed.output.section(u"may run the following commands"_s, 1);
    qsizetype ruleLines = 0;
    for (const QString &line : rules.split(u'\n')) {
        if (line.trimmed().startsWith(u'(')) {
            ++ruleLines;
            QVERIFY2(line.contains(u"NOPASSWD:"_s) && line.contains(u"NOEXEC:"_s), qPrintable(line));
        }
    }
    QCOMPARE(ruleLines, commands.size());
    for (const QString &command : commands) {
        QVERIFY2(rules.contains(command + u" \"\""_s), qPrintable(command + u" in:\n"_s + listed.output));
    }

    const auto asAgent = [&](const QStringList &sudo) {
        return hostRun(u"setpriv"_s,
                       QStringList{u"--reuid"_s, user, u"--regid"_s, user, u"--init-groups"_s, u"sudo"_s, u"-n"_s} +
                           sudo);
    };
    // A listed command runs as root (bmc-info then fails for want of a BMC, which is its own
    // error, not sudo's).
    const HostRun allowed = asAgent({u"/usr/sbin/bmc-info"_s});
    QVERIFY2(!allowed.output.contains(u"sudo:"_s), qPrintable(allowed.output));
    // Another argument list, another program, a shell: refused by sudo.
    for (const QStringList &refused :
         {QStringList{u"/usr/sbin/bmc-info"_s, u"--get-device-id"_s}, QStringList{u"/bin/sh"_s, u"-c"_s, u"id"_s},
          QStringList{u"-s"_s}, QStringList{u"/usr/bin/id"_s}, QStringList{u"-e"_s, u"/etc/shadow"_s}}) {
        const HostRun denied = asAgent(refused);
        QVERIFY2(denied.exitCode != 0 && denied.output.contains(u"sudo:"_s),
                 qPrintable(refused.join(u' ') + u": "_s + denied.output));
    }
}

QTEST_GUILESS_MAIN(GeneratedPlanHostTest)
#include "generatedplan_test.moc"
