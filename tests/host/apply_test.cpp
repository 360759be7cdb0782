// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The apply end to end: the plans `derootctl generate` writes, applied as root through `derootctl
// apply`, the system bus and the installed helper (activated on demand, in its sandbox, with the
// real polkitd, systemd, useradd and visudo), judged by the real tools (sudo -l, visudo -c,
// systemctl show, /proc, getcap), and rolled back with `derootctl rollback`. Each rollback, each
// refusal and each deadline's rollback must leave /etc and every file capability byte for byte as
// they were: a manifest of them (path, type, mode, owner, SHA-256, security.capability) is
// compared before and after.
#include "applysupport.h"
#include "hostsupport.h"
#include "manifest.h"

#include "core/client/helperclient.h"
#include "core/plan/applyrequest.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

class ApplyHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void sudoPlanGrantsExactlyItsCommands();
    void capabilitiesPlanStartsTheAgentWithItsGrant();
    void quickApplyAndRollbackAreNotThrottled();
    void setcapPlanSetsTheFileCapability();
    void containerPlanIsExportOnly();
    void unconfirmedApplyRollsItselfBack();
    void killedHelperStillRollsBackAtTheDeadline();
    void bootStartsTheHelperForAnExpiredConfirmation();
    void confirmedApplyStays();
    void changedAfterReviewIsRefused_data();
    void changedAfterReviewIsRefused();

private:
    /// /etc in full, the file capabilities of /usr, and the test's own program copies.
    Manifest manifest() const;
    /// `derootctl apply --json FOLDER [extra]` as root; checks it succeeded and every step was ok.
    QJsonObject applyOk(const QString &folder, const QStringList &extra = {});
    /// `derootctl rollback --json ID` as root, then the manifest must equal @p before.
    void rollbackToBefore(const QString &applyId, const Manifest &before);

    QString m_work;
    QString m_programs;    ///< copies of programs that may carry file capabilities
    QStringList m_applied; ///< ids still to roll back if a test stopped half way
};

namespace {
constexpr quint64 kCapNetRaw = quint64(1) << 13;
const QString kWork = u"/var/tmp/deroot-apply-test"_s;
const QString kPrograms = u"/opt/deroot-apply-test"_s;

QJsonObject readPlan(const QString &folder)
{
    QFile file(folder + u"/plan.json"_s);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

QString fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QStringList stepKinds(const QJsonObject &outcome)
{
    QStringList kinds;
    for (const QJsonValue &value : outcome.value(u"steps"_s).toArray()) {
        kinds << value.toObject().value(u"kind"_s).toString();
    }
    return kinds;
}

// The state of @p applyId as the journal on disk says, read as root without asking the helper
// (a call would start one, which is what the deadline tests must show happens without a client).
QString journalState(const QString &applyId)
{
    QFile file(u"/var/lib/deroot/applies/%1.json"_s.arg(applyId));
    return file.open(QIODevice::ReadOnly)
               ? QJsonDocument::fromJson(file.readAll()).object().value(u"state"_s).toString()
               : QString();
}

const QString kHelperUnit = u"deroot-helper.service"_s;
const QString kRecoverUnit = u"deroot-helper-recover.service"_s;
const QString kRecoverMarker = u"/var/lib/deroot/recover-at-boot"_s;

QString userId(const QString &user)
{
    const HostRun id = hostRun(u"id"_s, {u"-u"_s, u"--"_s, user});
    return id.exitCode == 0 ? id.output.trimmed() : QString();
}

// Waits until the confirmation deadline @p confirmBy (the apply's "confirm_by") has passed by a
// second. The deadline tests wait for the deadline itself, not for a fixed time after their own
// checks: on a busy machine those checks take seconds, and a window sized to fit them is what
// keeps the tests from depending on the machine's load.
void waitPastDeadline(const QString &confirmBy)
{
    const QDateTime deadline = QDateTime::fromString(confirmBy, Qt::ISODate);
    QVERIFY2(deadline.isValid(), qPrintable(confirmBy));
    while (QDateTime::currentDateTimeUtc() <= deadline.addSecs(1)) {
        QTest::qWait(100);
    }
}

} // namespace

void ApplyHostTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    QDir(kWork).removeRecursively();
    QVERIFY(QDir().mkpath(kWork));
    makeReadable(kWork);
    m_work = kWork;
    QDir(kPrograms).removeRecursively();
    QVERIFY(QDir().mkpath(kPrograms));
    m_programs = kPrograms;
    // A quiet start: nothing awaits a confirmation from an earlier run.
    const HostRun status =
        hostRun(u"busctl"_s, {u"--system"_s, u"call"_s, u"io.github.deroot.Helper1"_s, u"/io/github/deroot/Helper1"_s,
                              u"io.github.deroot.Helper1"_s, u"Status"_s});
    QVERIFY2(status.exitCode == 0 && status.output.contains(u"\\\"pending\\\":null"_s), qPrintable(status.output));
}

void ApplyHostTest::cleanup()
{
    // A test that failed half way leaves its apply in place: undo it, newest first, so that the
    // next test starts from the same machine.
    for (qsizetype i = m_applied.size() - 1; i >= 0; --i) {
        derootctl({u"rollback"_s, u"--json"_s, m_applied.at(i)});
    }
    m_applied.clear();
}

void ApplyHostTest::cleanupTestCase()
{
    cleanup();
    QDir(kWork).removeRecursively();
    QDir(kPrograms).removeRecursively();
}

Manifest ApplyHostTest::manifest() const
{
    Manifest result = systemManifest();
    result.insert(treeManifest({m_programs}));
    return result;
}

QJsonObject ApplyHostTest::applyOk(const QString &folder, const QStringList &extra)
{
    const CtlRun applied = derootctl(QStringList{u"apply"_s, u"--json"_s} + extra + QStringList{folder});
    const QString id = applied.json.value(u"apply_id"_s).toString();
    if (!id.isEmpty()) {
        m_applied << id;
    }
    [&] {
        QVERIFY2(applied.exitCode == 0,
                 qPrintable(u"exit %1: %2 %3"_s.arg(applied.exitCode).arg(applied.out, applied.err)));
        QVERIFY2(applied.json.value(u"ok"_s).toBool(), qPrintable(applied.out));
        QVERIFY(!id.isEmpty());
        const QJsonArray steps = applied.json.value(u"steps"_s).toArray();
        QVERIFY(!steps.isEmpty());
        for (const QJsonValue &step : steps) {
            QVERIFY2(step.toObject().value(u"ok"_s).toBool(), qPrintable(applied.out));
        }
        QCOMPARE(historyEntry(id).value(u"state"_s).toString(),
                 extra.contains(u"--confirm-within"_s) ? u"pending"_s : u"applied"_s);
        // The text form, as an admin reads it: id, when, state, agent, method.
        const CtlRun history = derootctl({u"history"_s});
        const QRegularExpression line(
            u"^%1  \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ  (applied|pending)  \\S+  (sudo|caps|container)$"_s.arg(
                QRegularExpression::escape(id)),
            QRegularExpression::MultilineOption);
        QVERIFY2(line.match(history.out).hasMatch(), qPrintable(history.out));
    }();
    return applied.json;
}

void ApplyHostTest::rollbackToBefore(const QString &applyId, const Manifest &before)
{
    const CtlRun rolledBack = derootctl({u"rollback"_s, u"--json"_s, applyId});
    QVERIFY2(rolledBack.exitCode == 0, qPrintable(rolledBack.out + rolledBack.err));
    QVERIFY2(rolledBack.json.value(u"rolled_back"_s).toBool(), qPrintable(rolledBack.out));
    m_applied.removeAll(applyId);
    QCOMPARE(historyEntry(applyId).value(u"state"_s).toString(), u"rolled-back"_s);
    const QString diff = manifestDiff(before, manifest());
    QVERIFY2(diff.isEmpty(), qPrintable(u"the rollback left differences:\n"_s + diff));
}

void ApplyHostTest::sudoPlanGrantsExactlyItsCommands()
{
    const QString user = u"ipmi-exporter"_s;
    // An earlier host test may have made the user already: then the apply keeps it, and so does
    // the rollback.
    const bool userExisted = !userId(user).isEmpty();
    const Manifest before = manifest();
    const QString folder = generatePlan(m_work, {u"/usr/bin/prometheus-ipmi-exporter"_s, u"--method"_s, u"sudo"_s,
                                                 u"--new-unit"_s, u"--user"_s, u"ipmi-exporter"_s});
    QVERIFY(!folder.isEmpty());
    QCOMPARE(readPlan(folder).value(u"service_user"_s).toString(), user);

    const QJsonObject outcome = applyOk(folder);
    if (QTest::currentTestFailed()) {
        return;
    }
    const QStringList kinds = stepKinds(outcome);
    QVERIFY2(kinds.value(0) == u"create-user"_s && kinds.contains(u"write-sudoers"_s), qPrintable(kinds.join(u' ')));

    // sudo itself: the whole configuration is valid, and the user may run exactly the plan's commands.
    const HostRun check = hostRun(u"visudo"_s, {u"-c"_s});
    QVERIFY2(check.exitCode == 0, qPrintable(check.output));
    QVERIFY(!userId(user).isEmpty());
    const QString dropIn = u"/etc/sudoers.d/deroot-ipmi_exporter"_s;
    QCOMPARE(hostRun(u"stat"_s, {u"-c"_s, u"%a %U:%G"_s, dropIn}).output.trimmed(), u"440 root:root"_s);
    QCOMPARE(fileText(dropIn), fileText(folder + u"/deroot-ipmi_exporter.sudoers"_s));
    const HostRun listed = hostRun(u"sudo"_s, {u"-l"_s, u"-U"_s, user});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.output));
    const QStringList commands{u"/usr/sbin/ipmimonitoring"_s, u"/usr/sbin/ipmi-sensors"_s, u"/usr/sbin/ipmi-dcmi"_s,
                               u"/usr/sbin/bmc-info"_s,       u"/usr/sbin/ipmi-chassis"_s, u"/usr/sbin/ipmi-sel"_s};
    const QString rules = listed.output.section(u"may run the following commands"_s, 1);
    qsizetype ruleLines = 0;
    for (const QString &line : rules.split(u'\n')) {
        ruleLines += line.trimmed().startsWith(u'(') ? 1 : 0;
    }
    QCOMPARE(ruleLines, commands.size());
    for (const QString &command : commands) {
        QVERIFY2(rules.contains(command + u" \"\""_s), qPrintable(command + u" in:\n"_s + listed.output));
    }

    rollbackToBefore(outcome.value(u"apply_id"_s).toString(), before);
    QCOMPARE(!userId(user).isEmpty(), userExisted);
    QVERIFY(!QFile::exists(dropIn));
    QCOMPARE(hostRun(u"visudo"_s, {u"-c"_s}).exitCode, 0);
}

void ApplyHostTest::capabilitiesPlanStartsTheAgentWithItsGrant()
{
    const QString unit = u"prometheus-blackbox-exporter.service"_s;
    const QString activeBefore = systemctlShow(unit, u"ActiveState"_s);
    const Manifest before = manifest();
    // CAP_NET_RAW is conditional in the catalog (only for ICMP probes): the admin adds it.
    const QString folder =
        generatePlan(m_work, {u"--unit"_s, unit, u"--method"_s, u"caps"_s, u"--add-cap"_s, u"CAP_NET_RAW"_s});
    QVERIFY(!folder.isEmpty());
    const QJsonObject plan = readPlan(folder);
    QCOMPARE(plan.value(u"capabilities"_s).toArray(), QJsonArray{u"CAP_NET_RAW"_s});
    const QString user = plan.value(u"service_user"_s).toString();
    QCOMPARE(user, u"prometheus"_s);

    const QJsonObject outcome = applyOk(folder);
    if (QTest::currentTestFailed()) {
        return;
    }
    const QStringList kinds = stepKinds(outcome);
    QVERIFY2(kinds.size() >= 2 && kinds.mid(kinds.size() - 2) == QStringList({u"daemon-reload"_s, u"start-unit"_s}),
             qPrintable(kinds.join(u' ')));
    // The helper's own check of the running agent, and ours.
    const QJsonObject agent = outcome.value(u"agent"_s).toObject();
    QVERIFY2(agent.value(u"checked"_s).toBool() && agent.value(u"ok"_s).toBool(),
             QJsonDocument(agent).toJson().constData());
    QCOMPARE(systemctlShow(unit, u"User"_s), user);
    QCOMPARE(systemctlShow(unit, u"AmbientCapabilities"_s), u"cap_net_raw"_s);
    QCOMPARE(systemctlShow(unit, u"ActiveState"_s), u"active"_s);
    const QString pid = systemctlShow(unit, u"MainPID"_s);
    QCOMPARE(QString::number(agent.value(u"pid"_s).toInteger()), pid);
    const QString status = procStatus(pid);
    const QString uid = userId(user);
    QVERIFY2(QRegularExpression(u"^Uid:\\s+%1\\s+%1\\s+%1\\s+%1$"_s.arg(uid), QRegularExpression::MultilineOption)
                 .match(status)
                 .hasMatch(),
             qPrintable(status));
    for (const QString &set : {u"CapEff"_s, u"CapPrm"_s, u"CapAmb"_s, u"CapBnd"_s}) {
        QVERIFY2(statusField(status, set) == kCapNetRaw, qPrintable(set + u":\n"_s + status));
    }
    QCOMPARE(statusField(status, u"NoNewPrivs"_s), quint64(1));

    rollbackToBefore(outcome.value(u"apply_id"_s).toString(), before);
    QVERIFY(waitFor([&] { return systemctlShow(unit, u"ActiveState"_s) == activeBefore; }, 10000));
    QVERIFY(systemctlShow(unit, u"AmbientCapabilities"_s).isEmpty());
}

// An admin who applies, sees something wrong and undoes it at once, several times, restarts the
// agent more often than systemd's start limit allows. The helper's restarts are deliberate and must
// not be refused by it: a refused rollback would leave the change in place. The limit is made small
// here (2 starts an hour, in /run, outside the /etc manifest), so that the test does not depend on
// how fast the restarts come.
void ApplyHostTest::quickApplyAndRollbackAreNotThrottled()
{
    const QString unit = u"prometheus-blackbox-exporter.service"_s;
    const QString dropInDir = u"/run/systemd/system/"_s + unit + u".d"_s;
    const auto restore = qScopeGuard([&] {
        QDir(dropInDir).removeRecursively();
        hostRun(u"systemctl"_s, {u"daemon-reload"_s});
        hostRun(u"systemctl"_s, {u"reset-failed"_s, u"--"_s, unit});
    });
    QVERIFY(QDir().mkpath(dropInDir));
    QFile limit(dropInDir + u"/start-limit.conf"_s);
    QVERIFY(limit.open(QIODevice::WriteOnly));
    limit.write("[Unit]\nStartLimitIntervalSec=1h\nStartLimitBurst=2\n");
    limit.close();
    QVERIFY(hostRun(u"systemctl"_s, {u"daemon-reload"_s}).exitCode == 0);
    QCOMPARE(systemctlShow(unit, u"StartLimitBurst"_s), u"2"_s);

    const Manifest before = manifest();
    const QString folder =
        generatePlan(m_work, {u"--unit"_s, unit, u"--method"_s, u"caps"_s, u"--add-cap"_s, u"CAP_NET_RAW"_s});
    QVERIFY(!folder.isEmpty());
    // Running, so that systemd keeps the unit (and its start count) loaded between the restarts:
    // an inactive unit is unloaded and starts afresh. Then every apply and every rollback restarts
    // it: 6 starts against a limit of 2.
    const bool wasActive = systemctlShow(unit, u"ActiveState"_s) == u"active";
    const auto stop = qScopeGuard([&] {
        if (!wasActive) {
            hostRun(u"systemctl"_s, {u"stop"_s, u"--"_s, unit});
        }
    });
    QVERIFY(hostRun(u"systemctl"_s, {u"start"_s, u"--"_s, unit}).exitCode == 0);
    QVERIFY(hostRun(u"systemctl"_s, {u"reset-failed"_s, u"--"_s, unit}).exitCode == 0);
    for (int cycle = 0; cycle < 3; ++cycle) {
        const QJsonObject outcome = applyOk(folder);
        if (QTest::currentTestFailed()) {
            return;
        }
        rollbackToBefore(outcome.value(u"apply_id"_s).toString(), before);
        if (QTest::currentTestFailed()) {
            return;
        }
    }
    QVERIFY(waitFor([&] { return systemctlShow(unit, u"ActiveState"_s) == u"active"; }, 10000));
}

void ApplyHostTest::setcapPlanSetsTheFileCapability()
{
    // A copy of fping that no package owns, outside any unit (--systemd no): the plan gives the
    // file itself CAP_NET_RAW with setcap, which the helper does on one checked descriptor.
    const QString program = m_programs + u"/fping"_s;
    QVERIFY(QFile::copy(u"/usr/bin/fping"_s, program));
    QVERIFY(QFile::setPermissions(program, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                               QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    const Manifest before = manifest();
    const QString folder =
        generatePlan(m_work, {program, u"--method"_s, u"caps"_s, u"--systemd"_s, u"no"_s, u"--start"_s, u"service"_s});
    QVERIFY(!folder.isEmpty());
    QVERIFY2(QFile::exists(folder + u"/setcap.sh"_s), qPrintable(QDir(folder).entryList().join(u' ')));
    QCOMPARE(hostRun(u"getcap"_s, {program}).output.trimmed(), QString());

    const QJsonObject outcome = applyOk(folder);
    if (QTest::currentTestFailed()) {
        return;
    }
    QVERIFY2(stepKinds(outcome).contains(u"set-file-caps"_s), qPrintable(stepKinds(outcome).join(u' ')));
    QCOMPARE(hostRun(u"getcap"_s, {program}).output.trimmed(), program + u" cap_net_raw=ep"_s);
    const QString user = readPlan(folder).value(u"service_user"_s).toString();
    QVERIFY(!userId(user).isEmpty());
    // The agent's user pings with the file's grant alone (unprivileged ICMP closed for the test).
    const QString savedRange = Deroot::TestSupport::closePingGroupRange();
    const auto restoreRange = qScopeGuard([&] { Deroot::TestSupport::restorePingGroupRange(savedRange); });
    QVERIFY2(!savedRange.isEmpty(), "cannot close net.ipv4.ping_group_range");
    const HostRun ping = hostRun(
        u"setpriv"_s, {u"--reuid"_s, user, u"--regid"_s, user, u"--init-groups"_s, program, u"-c1"_s, u"127.0.0.1"_s});
    QVERIFY2(ping.exitCode == 0, qPrintable(ping.output));

    rollbackToBefore(outcome.value(u"apply_id"_s).toString(), before);
    QCOMPARE(hostRun(u"getcap"_s, {program}).output.trimmed(), QString());
    const HostRun denied = hostRun(u"setpriv"_s, {u"--reuid"_s, u"nobody"_s, u"--regid"_s, u"nogroup"_s,
                                                  u"--clear-groups"_s, program, u"-c1"_s, u"127.0.0.1"_s});
    QVERIFY2(denied.exitCode != 0, qPrintable(denied.output));
}

void ApplyHostTest::containerPlanIsExportOnly()
{
    // The container method's files (docker run, Compose, Quadlet, Kubernetes) are for the admin's
    // container tooling: the helper validates the plan, records it, and changes nothing.
    const Manifest before = manifest();
    const QString folder =
        generatePlan(m_work, {u"/usr/bin/prometheus-node-exporter"_s, u"--method"_s, u"container"_s});
    QVERIFY(!folder.isEmpty());
    const QJsonObject outcome = applyOk(folder);
    if (QTest::currentTestFailed()) {
        return;
    }
    const QStringList kinds = stepKinds(outcome);
    QCOMPARE(kinds.size(), qsizetype(readPlan(folder).value(u"operations"_s).toArray().size()));
    for (const QString &kind : kinds) {
        QCOMPARE(kind, u"export-only"_s);
    }
    QVERIFY(!outcome.value(u"agent"_s).toObject().value(u"checked"_s).toBool());
    QString diff = manifestDiff(before, manifest());
    QVERIFY2(diff.isEmpty(), qPrintable(u"an export-only apply changed the system:\n"_s + diff));
    // It is in the history like any apply, and its rollback has nothing to undo.
    rollbackToBefore(outcome.value(u"apply_id"_s).toString(), before);
}

void ApplyHostTest::unconfirmedApplyRollsItselfBack()
{
    const QString unit = u"prometheus-node-exporter.service"_s;
    const Manifest before = manifest();
    const QString folder = generatePlan(m_work, {u"--unit"_s, unit, u"--method"_s, u"caps"_s});
    QVERIFY(!folder.isEmpty());
    // A window the checks below fit in on a busy machine; the helper rolls back at its end.
    const QJsonObject outcome = applyOk(folder, {u"--confirm-within"_s, u"20"_s});
    if (QTest::currentTestFailed()) {
        return;
    }
    const QString id = outcome.value(u"apply_id"_s).toString();
    QVERIFY(!outcome.value(u"confirm_by"_s).toString().isEmpty());
    // A client listening on the bus (the GUI's last step does) hears the helper undo it.
    Deroot::Core::HelperClient client;
    QStringList rolledBackIds;
    connect(&client, &Deroot::Core::HelperClient::rolledBack, this,
            [&](const QString &applyId, const QString &) { rolledBackIds << applyId; });
    QVERIFY(QFile::exists(u"/etc/systemd/system/%1.d/deroot.conf"_s.arg(unit)));
    QCOMPARE(systemctlShow(unit, u"ActiveState"_s), u"active"_s);
    // Nobody confirms: the helper (kept alive by the pending apply) rolls it back by itself.
    QString state;
    QVERIFY2(waitFor([&] { return (state = historyEntry(id).value(u"state"_s).toString()) == u"rolled-back"; }, 60000),
             qPrintable(state));
    m_applied.removeAll(id);
    QVERIFY(waitFor([&] { return rolledBackIds.contains(id); }, 5000));
    const QString diff = manifestDiff(before, manifest());
    QVERIFY2(diff.isEmpty(), qPrintable(u"the deadline's rollback left differences:\n"_s + diff));
    QVERIFY(waitFor([&] { return systemctlShow(unit, u"ActiveState"_s) != u"active"; }, 10000));
    QVERIFY2(historyEntry(id).value(u"message"_s).toString().contains(u"not confirmed"_s),
             QJsonDocument(historyEntry(id)).toJson().constData());
}

// The deadline holds across a crash: the helper killed with SIGKILL while an apply awaits its
// confirmation is started again by systemd (Restart=on-failure), and rolls the apply back at the
// deadline, with no client calling it.
void ApplyHostTest::killedHelperStillRollsBackAtTheDeadline()
{
    const QString unit = u"prometheus-node-exporter.service"_s;
    const Manifest before = manifest();
    const QString folder = generatePlan(m_work, {u"--unit"_s, unit, u"--method"_s, u"caps"_s});
    QVERIFY(!folder.isEmpty());
    const QString restartsBefore = systemctlShow(kHelperUnit, u"NRestarts"_s);
    const QJsonObject outcome = applyOk(folder, {u"--confirm-within"_s, u"20"_s});
    if (QTest::currentTestFailed()) {
        return;
    }
    const QString id = outcome.value(u"apply_id"_s).toString();
    QVERIFY(QFile::exists(kRecoverMarker));
    const QString pid = systemctlShow(kHelperUnit, u"MainPID"_s);
    QVERIFY2(!pid.isEmpty() && pid != u"0", "the helper does not wait for the confirmation");
    QCOMPARE(hostRun(u"kill"_s, {u"-KILL"_s, pid}).exitCode, 0);
    // Nobody calls the helper from here on: systemd starts it again, and it keeps the deadline.
    QVERIFY2(waitFor([&] { return systemctlShow(kHelperUnit, u"NRestarts"_s) != restartsBefore; }, 10000),
             qPrintable(systemctlShow(kHelperUnit, u"NRestarts"_s)));
    QVERIFY(waitFor([&] { return systemctlShow(kHelperUnit, u"MainPID"_s) != pid; }, 10000));
    QCOMPARE(journalState(id), u"pending"_s);
    QString state;
    QVERIFY2(waitFor([&] { return (state = journalState(id)) == u"rolled-back"; }, 60000), qPrintable(state));
    m_applied.removeAll(id);
    // The helper writes the journal's final state first and settles the marker after it.
    QVERIFY(waitFor([] { return !QFile::exists(kRecoverMarker); }, 10000));
    const QString diff = manifestDiff(before, manifest());
    QVERIFY2(diff.isEmpty(), qPrintable(u"the deadline's rollback after a crash left differences:\n"_s + diff));
    QVERIFY(waitFor([&] { return systemctlShow(unit, u"ActiveState"_s) != u"active"; }, 10000));
}

// The deadline holds across a reboot: with the helper gone and the deadline passed, the unit
// systemd starts at boot (deroot-helper-recover.service, wanted by multi-user.target) starts the
// helper, whose recovery rolls the apply back; without the marker it starts nothing.
void ApplyHostTest::bootStartsTheHelperForAnExpiredConfirmation()
{
    QVERIFY2(systemctlShow(kRecoverUnit, u"WantedBy"_s).split(u' ').contains(u"multi-user.target"_s),
             qPrintable(systemctlShow(kRecoverUnit, u"WantedBy"_s)));
    const HostRun verified = hostRun(u"systemd-analyze"_s, {u"verify"_s, u"--man=no"_s, kRecoverUnit});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.output));
    // Nothing awaits the helper: the boot unit starts nothing.
    QVERIFY(!QFile::exists(kRecoverMarker));
    hostRun(u"systemctl"_s, {u"stop"_s, kHelperUnit});
    QCOMPARE(hostRun(u"systemctl"_s, {u"start"_s, kRecoverUnit}).exitCode, 0);
    QCOMPARE(systemctlShow(kRecoverUnit, u"ConditionResult"_s), u"no"_s);
    QTest::qWait(1000);
    QCOMPARE(systemctlShow(kHelperUnit, u"ActiveState"_s), u"inactive"_s);

    const QString unit = u"prometheus-node-exporter.service"_s;
    const Manifest before = manifest();
    const QString folder = generatePlan(m_work, {u"--unit"_s, unit, u"--method"_s, u"caps"_s});
    QVERIFY(!folder.isEmpty());
    const QJsonObject outcome = applyOk(folder, {u"--confirm-within"_s, u"20"_s});
    if (QTest::currentTestFailed()) {
        return;
    }
    const QString id = outcome.value(u"apply_id"_s).toString();
    // Shut down before the deadline, as a reboot does (a stop is not a failure: no restart).
    QCOMPARE(hostRun(u"systemctl"_s, {u"stop"_s, kHelperUnit}).exitCode, 0);
    QCOMPARE(systemctlShow(kHelperUnit, u"ActiveState"_s), u"inactive"_s);
    QCOMPARE(journalState(id), u"pending"_s); // stopped in time: what follows is about the boot
    waitPastDeadline(outcome.value(u"confirm_by"_s).toString());
    if (QTest::currentTestFailed()) {
        return;
    }
    // The deadline passed with no helper: the change is still there, and so is the marker.
    QCOMPARE(journalState(id), u"pending"_s);
    QVERIFY(QFile::exists(u"/etc/systemd/system/%1.d/deroot.conf"_s.arg(unit)));
    QVERIFY(QFile::exists(kRecoverMarker));
    QCOMPARE(systemctlShow(kHelperUnit, u"ActiveState"_s), u"inactive"_s);
    // The boot: systemd starts what multi-user.target wants.
    QCOMPARE(hostRun(u"systemctl"_s, {u"start"_s, kRecoverUnit}).exitCode, 0);
    QCOMPARE(systemctlShow(kRecoverUnit, u"ConditionResult"_s), u"yes"_s);
    QString state;
    QVERIFY2(waitFor([&] { return (state = journalState(id)) == u"rolled-back"; }, 30000), qPrintable(state));
    m_applied.removeAll(id);
    // The helper writes the journal's final state first and settles the marker after it.
    QVERIFY(waitFor([] { return !QFile::exists(kRecoverMarker); }, 10000));
    const QString diff = manifestDiff(before, manifest());
    QVERIFY2(diff.isEmpty(), qPrintable(u"the boot's rollback left differences:\n"_s + diff));
    QVERIFY(waitFor([&] { return systemctlShow(unit, u"ActiveState"_s) != u"active"; }, 10000));
    QVERIFY2(historyEntry(id).value(u"message"_s).toString().contains(u"not confirmed"_s),
             QJsonDocument(historyEntry(id)).toJson().constData());
}

void ApplyHostTest::confirmedApplyStays()
{
    const QString unit = u"prometheus-node-exporter.service"_s;
    const Manifest before = manifest();
    const QString folder = generatePlan(m_work, {u"--unit"_s, unit, u"--method"_s, u"caps"_s});
    QVERIFY(!folder.isEmpty());
    const QJsonObject outcome = applyOk(folder, {u"--confirm-within"_s, u"20"_s});
    if (QTest::currentTestFailed()) {
        return;
    }
    const QString id = outcome.value(u"apply_id"_s).toString();
    const CtlRun confirmed = derootctl({u"confirm"_s, id});
    QVERIFY2(confirmed.exitCode == 0, qPrintable(confirmed.out + confirmed.err));
    QCOMPARE(historyEntry(id).value(u"state"_s).toString(), u"applied"_s);
    // Past the deadline it is still there, and the agent still runs.
    waitPastDeadline(outcome.value(u"confirm_by"_s).toString());
    QCOMPARE(historyEntry(id).value(u"state"_s).toString(), u"applied"_s);
    QString dropInFile;
    for (const QJsonValue &operation : readPlan(folder).value(u"operations"_s).toArray()) {
        if (operation.toObject().value(u"artifact"_s).toString() == u"dropin") {
            dropInFile = operation.toObject().value(u"file"_s).toString();
        }
    }
    QVERIFY(!dropInFile.isEmpty());
    QCOMPARE(fileText(u"/etc/systemd/system/%1.d/deroot.conf"_s.arg(unit)), fileText(folder + u'/' + dropInFile));
    QCOMPARE(systemctlShow(unit, u"ActiveState"_s), u"active"_s);
    // A second confirmation has nothing to confirm.
    QCOMPARE(derootctl({u"confirm"_s, id}).exitCode, 4);
    rollbackToBefore(id, before);
}

void ApplyHostTest::changedAfterReviewIsRefused_data()
{
    QTest::addColumn<QString>("artifact"); // the export file changed by one byte ("" for none)
    QTest::addColumn<bool>("program");     // the program changed by one byte after generate
    QTest::addColumn<QString>("message");  // what the refusal names
    QTest::newRow("unit drop-in, one byte") << u"dropin"_s << false << u"is not the file Deroot's generators write"_s;
    QTest::newRow("sysusers file, one byte")
        << u"sysusers"_s << false << u"is not the file Deroot's generators write"_s;
    QTest::newRow("program, one byte") << QString() << true << u"not the file that was reviewed"_s;
}

void ApplyHostTest::changedAfterReviewIsRefused()
{
    QFETCH(QString, artifact);
    QFETCH(bool, program);
    QFETCH(QString, message);
    const QString copy = m_programs + u"/fping"_s;
    QFile::remove(copy);
    QVERIFY(QFile::copy(u"/usr/bin/fping"_s, copy));
    QString folder;
    if (artifact == u"dropin") {
        folder = generatePlan(m_work, {u"--unit"_s, u"prometheus-node-exporter.service"_s, u"--method"_s, u"caps"_s});
    } else {
        folder =
            generatePlan(m_work, {copy, u"--method"_s, u"caps"_s, u"--systemd"_s, u"no"_s, u"--start"_s, u"service"_s});
    }
    QVERIFY(!folder.isEmpty());
    QString changed = folder;
    if (!artifact.isEmpty()) {
        changed = folder + u"-changed"_s;
        QString name;
        for (const QJsonValue &operation : readPlan(folder).value(u"operations"_s).toArray()) {
            if (operation.toObject().value(u"artifact"_s).toString() == artifact) {
                name = operation.toObject().value(u"file"_s).toString();
            }
        }
        QVERIFY2(!name.isEmpty(), qPrintable(artifact));
        QVERIFY(copyWithOneByteChanged(folder, changed, name, 40));
    }
    if (program) {
        QFile binary(copy);
        QVERIFY(binary.open(QIODevice::ReadWrite));
        QVERIFY(binary.seek(1000));
        char byte = 0;
        QVERIFY(binary.getChar(&byte));
        QVERIFY(binary.seek(1000));
        QVERIFY(binary.putChar(char(byte ^ 0x01)));
    }
    const Manifest before = manifest();
    const int historyBefore = int(helperHistory().size());

    // Through derootctl: refused with exit code 8 and one line.
    const CtlRun refused = derootctl({u"apply"_s, u"--no-ask-password"_s, changed});
    QCOMPARE(refused.exitCode, 8);
    QVERIFY2(refused.err.contains(message) && refused.err.trimmed().count(u'\n') == 0, qPrintable(refused.err));

    // Straight to the helper, past derootctl's own check: the helper refuses it itself.
    const auto request = Deroot::Core::readApplyRequest(changed);
    QVERIFY(request.ok());
    Deroot::Core::HelperClient client;
    std::optional<Deroot::Core::Result<Deroot::Core::ApplyOutcome>> answer;
    QEventLoop loop;
    client.apply(*request, 0, [&](const Deroot::Core::Result<Deroot::Core::ApplyOutcome> &result) {
        answer = result;
        loop.quit();
    });
    if (!answer) {
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QVERIFY(answer.has_value());
    QVERIFY2(!answer->ok(), "the helper applied a plan changed after review");
    QCOMPARE(answer->error().code, Deroot::Core::ExitCode::Refused);
    QVERIFY2(answer->error().message.contains(message), qPrintable(answer->error().message));

    QCOMPARE(int(helperHistory().size()), historyBefore);
    const QString diff = manifestDiff(before, manifest());
    QVERIFY2(diff.isEmpty(), qPrintable(u"a refused plan changed the system:\n"_s + diff));
    QFile::remove(copy);
}

QTEST_GUILESS_MAIN(ApplyHostTest)
#include "apply_test.moc"
