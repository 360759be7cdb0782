// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The apply's fault test through the real helper: the installed deroot-helper, activated by the bus
// on `derootctl apply`, is killed with SIGKILL at every step boundary of an apply, of a rollback
// and of the rollback a missed confirmation deadline starts (the engine's test-only crash hook,
// compiled only with DEROOT_CRASH_HOOK, chosen through an Environment= drop-in for
// deroot-helper.service in /run). Each time: derootctl fails with exit code 1 and says the helper
// stopped, systemd saw the helper die of SIGKILL, the journal record stopped exactly at that
// boundary, and the next call (derootctl history) starts a helper whose recovery leaves /etc and
// every file capability byte for byte as before, the touched units as systemd had them (loaded,
// running and with the same identity and capabilities), no deroot user, sudo working with every
// user's rules unchanged, and the apply in the history as failed or rolled back by the recovery.
#include "applysupport.h"
#include "hostsupport.h"
#include "manifest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>

#include <optional>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

namespace {

const QString kWork = u"/var/tmp/deroot-applycrash-test"_s;
const QString kPrograms = u"/opt/deroot-applycrash-test"_s;
const QString kHelperUnit = u"deroot-helper.service"_s;
// In /run, not /etc: the hook must not be part of the /etc manifest the test compares.
const QString kHookDirectory = u"/run/systemd/system/deroot-helper.service.d"_s;
const QString kHookFile = kHookDirectory + u"/50-deroot-crash-test.conf"_s;
const QString kHookEnvironment = u"/run/deroot-crash-test.env"_s;
const QString kApplyHook = u"DEROOT_TEST_CRASH_AT"_s;
const QString kUndoHook = u"DEROOT_TEST_CRASH_AT_UNDO"_s;
const QString kJournal = u"/var/lib/deroot/applies"_s;
const QString kNodeExporter = u"prometheus-node-exporter.service"_s;

// One of the plans the test applies: what derootctl generate wrote, and what it touches.
struct Plan
{
    QString folder;
    QStringList units; ///< units whose systemd state must come back
    QString user;      ///< the service user, when the apply creates it
    int steps = 0;     ///< as derootctl apply --dry-run (the helper's own parser) counts them
};

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
}

// The newest journal record, read from disk: the helper that wrote it is dead, and asking a new
// one would recover it first.
QJsonObject newestRecord()
{
    QJsonObject newest;
    for (const QString &name : QDir(kJournal).entryList({u"*.json"_s}, QDir::Files)) {
        const QJsonObject record = readJson(kJournal + u'/' + name);
        if (newest.isEmpty() || record.value(u"sequence"_s).toInteger() > newest.value(u"sequence"_s).toInteger()) {
            newest = record;
        }
    }
    return newest;
}

QStringList entryStatuses(const QJsonObject &record)
{
    QStringList statuses;
    for (const QJsonValue &entry : record.value(u"entries"_s).toArray()) {
        statuses << entry.toObject().value(u"status"_s).toString();
    }
    return statuses;
}

// What systemd holds of a unit and, when it runs, what its process is: a missed daemon-reload
// shows in the unit's properties, a missed restart in the process.
QString unitState(const QString &unit)
{
    const HostRun shown =
        hostRun(u"systemctl"_s, {u"show"_s,
                                 u"--property=LoadState,ActiveState,NeedDaemonReload,FragmentPath,DropInPaths,User,"
                                 u"AmbientCapabilities,CapabilityBoundingSet,NoNewPrivileges,UnitFileState"_s,
                                 u"--"_s, unit});
    QString state = shown.output.trimmed();
    const QString pid = systemctlShow(unit, u"MainPID"_s);
    if (!pid.isEmpty() && pid != u"0") {
        static const QRegularExpression fields(u"^(Uid|Gid|CapEff|CapPrm|CapBnd|CapAmb|NoNewPrivs):.*$"_s,
                                               QRegularExpression::MultilineOption);
        auto it = fields.globalMatch(procStatus(pid));
        while (it.hasNext()) {
            state += u'\n' + it.next().captured(0);
        }
    }
    return state;
}

// What sudo grants every account that may log in, and root: a recovery must leave them all.
QString sudoRules()
{
    QString rules;
    QFile passwd(u"/etc/passwd"_s);
    if (!passwd.open(QIODevice::ReadOnly)) {
        return {};
    }
    for (const QByteArray &line : passwd.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(':');
        if (fields.size() < 7 || (fields.at(2).toInt() < 1000 && fields.at(2) != "0") || fields.at(2) == "65534") {
            continue;
        }
        const QString user = QString::fromUtf8(fields.at(0));
        rules += user + u":\n"_s + hostRun(u"sudo"_s, {u"-l"_s, u"-U"_s, user}).output;
    }
    return rules;
}

// The crash hook of the helper's unit: a drop-in that makes every start of deroot-helper.service
// read an environment file, present only while the hook is armed. Installed for the whole test
// (one daemon-reload) and removed by the destructor, also when a check failed or the test
// stopped half way. Arming and disarming change only the file, so the test never reloads systemd
// between a kill and the recovery: a reload the helper's recovery left out stays visible.
class HelperCrashHook final
{
public:
    HelperCrashHook()
    {
        QDir().mkpath(kHookDirectory);
        QFile file(kHookFile);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            // Restart=no: this test judges the journal record a kill left, and then the recovery of
            // the start it makes itself; the unit's Restart=on-failure would recover before it looks
            // (apply_test shows that restart).
            file.write(u"# tests/host/applycrash_test.cpp: the crash hook, while %1 exists\n[Service]\n"
                       u"EnvironmentFile=-%1\nRestart=no\n"_s.arg(kHookEnvironment)
                           .toUtf8());
        }
        file.close();
        hostRun(u"systemctl"_s, {u"daemon-reload"_s});
    }
    ~HelperCrashHook()
    {
        QFile::remove(kHookEnvironment);
        QFile::remove(kHookFile);
        QDir().rmdir(kHookDirectory);
        hostRun(u"systemctl"_s, {u"daemon-reload"_s});
        hostRun(u"systemctl"_s, {u"stop"_s, kHelperUnit});
        hostRun(u"systemctl"_s, {u"reset-failed"_s, kHelperUnit});
    }
    HelperCrashHook(const HelperCrashHook &) = delete;
    HelperCrashHook &operator=(const HelperCrashHook &) = delete;

    /// Whether systemd took the drop-in.
    static bool installed()
    {
        return systemctlShow(kHelperUnit, u"EnvironmentFiles"_s).startsWith(kHookEnvironment + u' ') &&
               systemctlShow(kHelperUnit, u"Restart"_s) == u"no";
    }

    /// The next start of the helper kills itself at @p boundary of @p variable's kind (no kill for
    /// an empty @p variable). Stops a helper still running from before, and clears the start rate
    /// limit its kills counted against. False when a helper is still running afterwards.
    static bool arm(const QString &variable, int boundary)
    {
        if (variable.isEmpty()) {
            QFile::remove(kHookEnvironment);
        } else {
            QFile file(kHookEnvironment);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                file.write(u"%1=%2\n"_s.arg(variable).arg(boundary).toUtf8()) < 0) {
                return false;
            }
        }
        hostRun(u"systemctl"_s, {u"stop"_s, kHelperUnit});
        hostRun(u"systemctl"_s, {u"reset-failed"_s, kHelperUnit});
        return systemctlShow(kHelperUnit, u"MainPID"_s) == u"0";
    }
};

} // namespace

class ApplyCrashHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void killedApplyIsRestored_data();
    void killedApplyIsRestored();
    void killedRollbackIsFinished_data();
    void killedRollbackIsFinished();
    void killedExpiryIsFinished_data();
    void killedExpiryIsFinished();

private:
    /// The machine as a recovery must leave it.
    struct Snapshot
    {
        Manifest manifest;
        QMap<QString, QString> units;
        QString sudo;
    };
    Snapshot snapshot() const;
    /// Compares the machine with the snapshot from the start: manifest, units, sudo, the plan's
    /// service user gone.
    void checkRestored(const Plan &plan);
    /// After an undo killed at @p boundary: the helper died of SIGKILL, the record of @p applyId
    /// stopped there, and the next start finishes the rollback.
    void checkUndoKilledAndFinished(const Plan &plan, const QString &applyId, int boundary);
    /// Waits until the helper died of SIGKILL, as systemd saw it.
    void checkKilled();
    /// The history (which starts a helper, and so its recovery) has @p applyId in @p state.
    void checkHistory(const QString &applyId, const QString &state, const QString &message);
    /// Adds one row per boundary of @p kind ("apply" or "undo") for every plan in @p kinds, and one
    /// past the last, which must not kill.
    void addBoundaryRows(const QStringList &kinds, bool undo);
    /// `derootctl apply --json`; the apply id, or empty after a failed check.
    QString applyOk(const Plan &plan, const QStringList &extra = {});

    std::optional<HelperCrashHook> m_hook;
    QMap<QString, Plan> m_plans;
    QString m_nodeExporterBefore; ///< its ActiveState when the test began
    /// Taken once: every row must bring the machine back to it, so drift between rows shows too.
    Snapshot m_before;
};

void ApplyCrashHostTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    // The installed helper is this build's, so it must carry the hook too.
    QVERIFY2(hostRun(u"grep"_s, {u"-c"_s, kUndoHook, u"/usr/libexec/deroot-helper"_s}).exitCode == 0,
             "the installed deroot-helper has no crash hook (build with DEROOT_CRASH_HOOK, the ci preset)");
    m_hook.emplace();
    QVERIFY2(HelperCrashHook::installed(), qPrintable(systemctlShow(kHelperUnit, u"EnvironmentFiles"_s)));
    QDir(kWork).removeRecursively();
    QDir(kPrograms).removeRecursively();
    QVERIFY(QDir().mkpath(kWork));
    QVERIFY(QDir().mkpath(kPrograms));
    // A drop-in on an agent that runs: its undo restarts it with the old files.
    m_nodeExporterBefore = systemctlShow(kNodeExporter, u"ActiveState"_s);
    QCOMPARE(hostRun(u"systemctl"_s, {u"start"_s, kNodeExporter}).exitCode, 0);
    // Together the plans touch every area: a new user, sysusers.d, sudoers, a new unit and a
    // drop-in, daemon-reload, start and restart, and file capabilities.
    const QString fping = kPrograms + u"/fping"_s;
    QVERIFY(QFile::copy(u"/usr/bin/fping"_s, fping));
    QVERIFY(QFile::setPermissions(fping, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                             QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    // Users of their own, which no other host test makes: the applies must create them.
    const QList<std::pair<QString, QStringList>> plans{
        {u"sudo"_s,
         {u"/usr/bin/prometheus-ipmi-exporter"_s, u"--method"_s, u"sudo"_s, u"--new-unit"_s, u"--user"_s,
          u"deroot-crash-ipmi"_s}},
        {u"setcap"_s,
         {fping, u"--method"_s, u"caps"_s, u"--systemd"_s, u"no"_s, u"--start"_s, u"service"_s, u"--user"_s,
          u"deroot-crash-fping"_s}},
        {u"dropin"_s, {u"--unit"_s, kNodeExporter, u"--method"_s, u"caps"_s}},
    };
    for (const auto &[name, arguments] : plans) {
        Plan plan;
        plan.folder = generatePlan(kWork, arguments);
        QVERIFY2(!plan.folder.isEmpty(), qPrintable(name));
        const CtlRun dryRun = derootctl({u"apply"_s, u"--dry-run"_s, u"--json"_s, plan.folder});
        QVERIFY2(dryRun.exitCode == 0, qPrintable(dryRun.err));
        plan.steps = int(dryRun.json.value(u"steps"_s).toArray().size());
        QVERIFY(plan.steps > 0);
        for (const QJsonValue &value : dryRun.json.value(u"steps"_s).toArray()) {
            const QJsonObject step = value.toObject();
            if (step.value(u"kind"_s).toString() == u"start-unit") {
                plan.units << step.value(u"target"_s).toString();
            }
        }
        const QString user = readJson(plan.folder + u"/plan.json"_s).value(u"service_user"_s).toString();
        if (hostRun(u"id"_s, {u"-u"_s, u"--"_s, user}).exitCode != 0) {
            plan.user = user;
        }
        m_plans.insert(name, plan);
    }
    // What each plan must be made of for the test to mean what it says.
    QCOMPARE(m_plans.value(u"sudo"_s).units, QStringList{u"deroot-ipmi_exporter.service"_s});
    QCOMPARE(m_plans.value(u"dropin"_s).units, QStringList{kNodeExporter});
    QCOMPARE(m_plans.value(u"sudo"_s).user, u"deroot-crash-ipmi"_s);
    QCOMPARE(m_plans.value(u"setcap"_s).user, u"deroot-crash-fping"_s);
    QVERIFY(QFile::exists(m_plans.value(u"setcap"_s).folder + u"/setcap.sh"_s));
    m_before = snapshot();
}

void ApplyCrashHostTest::cleanup()
{
    if (!QTest::currentTestFailed()) {
        return;
    }
    // Whatever a failed check left: the helper's normal unit, then every apply still in place
    // rolled back, newest first (the history call itself recovers an unfinished one).
    QVERIFY(HelperCrashHook::arm({}, -1));
    for (const QJsonValue &value : helperHistory()) {
        const QJsonObject entry = value.toObject();
        const QString state = entry.value(u"state"_s).toString();
        if (state == u"applied" || state == u"pending") {
            derootctl({u"rollback"_s, u"--json"_s, u"--no-ask-password"_s, entry.value(u"id"_s).toString()});
        }
    }
}

void ApplyCrashHostTest::cleanupTestCase()
{
    const auto tidy = qScopeGuard([this] {
        m_hook.reset(); // the helper's own unit again
        if (m_nodeExporterBefore != u"active") {
            hostRun(u"systemctl"_s, {u"stop"_s, kNodeExporter});
        }
        QDir(kWork).removeRecursively();
        QDir(kPrograms).removeRecursively();
    });
    if (!m_hook) {
        return;
    }
    // Nothing of the test is left in place or unfinished.
    QVERIFY(HelperCrashHook::arm({}, -1));
    for (const QJsonValue &value : helperHistory()) {
        const QString state = value.toObject().value(u"state"_s).toString();
        QVERIFY2(state != u"applied"_s && state != u"pending"_s && state != u"applying"_s && state != u"rolling-back"_s,
                 QJsonDocument(value.toObject()).toJson().constData());
    }
}

ApplyCrashHostTest::Snapshot ApplyCrashHostTest::snapshot() const
{
    Snapshot result;
    result.manifest = systemManifest();
    result.manifest.insert(treeManifest({kPrograms}));
    for (const Plan &plan : m_plans) {
        for (const QString &unit : plan.units) {
            result.units.insert(unit, unitState(unit));
        }
    }
    result.sudo = sudoRules();
    return result;
}

void ApplyCrashHostTest::checkRestored(const Plan &plan)
{
    const Snapshot &before = m_before;
    Manifest after = systemManifest();
    after.insert(treeManifest({kPrograms}));
    const QString diff = manifestDiff(before.manifest, after);
    QVERIFY2(diff.isEmpty(), qPrintable(u"the recovery left differences:\n"_s + diff));
    for (auto it = before.units.cbegin(); it != before.units.cend(); ++it) {
        // A restarted agent may take a moment to be up again.
        QString now;
        QVERIFY2(waitFor([&] { return (now = unitState(it.key())) == it.value(); }, 10000),
                 qPrintable(u"%1 before:\n%2\nafter:\n%3"_s.arg(it.key(), it.value(), now)));
    }
    if (!plan.user.isEmpty()) {
        QVERIFY2(hostRun(u"id"_s, {u"-u"_s, u"--"_s, plan.user}).exitCode != 0, qPrintable(plan.user));
    }
    const HostRun visudo = hostRun(u"visudo"_s, {u"-c"_s});
    QVERIFY2(visudo.exitCode == 0, qPrintable(visudo.output));
    const HostRun sudo = hostRun(u"sudo"_s, {u"-n"_s, u"-u"_s, u"nobody"_s, u"true"_s});
    QVERIFY2(sudo.exitCode == 0, qPrintable(sudo.output));
    QCOMPARE(sudoRules(), before.sudo);
}

void ApplyCrashHostTest::checkUndoKilledAndFinished(const Plan &plan, const QString &applyId, int boundary)
{
    checkKilled();
    // Undone newest first, each journalled after it: at 2j and 2j+1, j steps are journalled undone.
    const QJsonObject record = newestRecord();
    QCOMPARE(record.value(u"id"_s).toString(), applyId);
    QCOMPARE(record.value(u"state"_s).toString(), u"rolling-back"_s);
    QCOMPARE(int(entryStatuses(record).count(u"undone"_s)), std::min(boundary / 2, plan.steps));

    QVERIFY(HelperCrashHook::arm({}, -1));
    checkHistory(applyId, u"rolled-back"_s, u"the helper stopped during the rollback"_s);
    if (!QTest::currentTestFailed()) {
        checkRestored(plan);
    }
}

void ApplyCrashHostTest::checkKilled()
{
    QString result;
    QVERIFY2(waitFor([&] { return (result = systemctlShow(kHelperUnit, u"Result"_s)) == u"signal"; }, 30000),
             qPrintable(u"the helper's unit result: "_s + result));
    QCOMPARE(systemctlShow(kHelperUnit, u"ExecMainStatus"_s), u"9"_s); // SIGKILL
    QCOMPARE(systemctlShow(kHelperUnit, u"ActiveState"_s), u"failed"_s);
    QCOMPARE(systemctlShow(kHelperUnit, u"MainPID"_s), u"0"_s);
}

void ApplyCrashHostTest::checkHistory(const QString &applyId, const QString &state, const QString &message)
{
    const QJsonObject entry = historyEntry(applyId);
    QVERIFY2(entry.value(u"state"_s).toString() == state && entry.value(u"message"_s).toString().contains(message),
             QJsonDocument(entry).toJson().constData());
}

void ApplyCrashHostTest::addBoundaryRows(const QStringList &kinds, bool undo)
{
    QTest::addColumn<QString>("plan");
    QTest::addColumn<int>("boundary");
    QTest::addColumn<int>("last");
    for (const QString &kind : kinds) {
        // An apply of n steps has the boundaries 0 .. 2n-1; an undo of n steps 0 .. 2n+1 (the
        // reload and restarts after the steps have two of their own). The row past the last must
        // run to the end: the count is exact, and the last row did test the last boundary.
        const int steps = m_plans.value(kind).steps;
        const int last = undo ? 2 * steps + 1 : 2 * steps - 1;
        for (int boundary = 0; boundary <= last + 1; ++boundary) {
            QTest::addRow("%s plan, boundary %d of 0-%d", qPrintable(kind), boundary, last) << kind << boundary << last;
        }
    }
}

QString ApplyCrashHostTest::applyOk(const Plan &plan, const QStringList &extra)
{
    const CtlRun applied =
        derootctl(QStringList{u"apply"_s, u"--json"_s, u"--no-ask-password"_s} + extra + QStringList{plan.folder});
    [&] {
        QVERIFY2(applied.exitCode == 0 && applied.json.value(u"ok"_s).toBool(), qPrintable(applied.out + applied.err));
    }();
    return applied.json.value(u"apply_id"_s).toString();
}

void ApplyCrashHostTest::killedApplyIsRestored_data()
{
    addBoundaryRows({u"sudo"_s, u"setcap"_s, u"dropin"_s}, false);
}

void ApplyCrashHostTest::killedApplyIsRestored()
{
    QFETCH(QString, plan);
    QFETCH(int, boundary);
    QFETCH(int, last);
    const Plan &chosen = m_plans[plan];
    const auto disarm = qScopeGuard([] { HelperCrashHook::arm({}, -1); });
    QVERIFY(HelperCrashHook::arm(kApplyHook, boundary));

    const CtlRun killed = derootctl({u"apply"_s, u"--json"_s, u"--no-ask-password"_s, chosen.folder});
    if (boundary > last) {
        QVERIFY2(killed.exitCode == 0, qPrintable(killed.out + killed.err));
        QCOMPARE(systemctlShow(kHelperUnit, u"ActiveState"_s), u"active"_s);
        const QString id = killed.json.value(u"apply_id"_s).toString();
        QVERIFY(HelperCrashHook::arm({}, -1));
        const CtlRun rolledBack = derootctl({u"rollback"_s, u"--json"_s, u"--no-ask-password"_s, id});
        QVERIFY2(rolledBack.exitCode == 0, qPrintable(rolledBack.out + rolledBack.err));
        checkRestored(chosen);
        return;
    }
    // One line that says what happened, and the documented exit code of a failure.
    QVERIFY2(killed.exitCode == 1 && killed.json.value(u"error"_s).toObject().value(u"code"_s).toInt() == 1,
             qPrintable(u"exit %1: %2 %3"_s.arg(killed.exitCode).arg(killed.out, killed.err)));
    QVERIFY2(killed.err.contains(u"the helper stopped before it answered"_s) &&
                 killed.err.contains(u"restores the previous state"_s) && killed.err.trimmed().count(u'\n') == 0,
             qPrintable(killed.err));
    checkKilled();
    // The record stopped at that boundary: steps before k done, step k's intent journalled (at
    // 2k+1 it was carried out, but not yet journalled as done), the rest planned.
    const QJsonObject record = newestRecord();
    QCOMPARE(record.value(u"state"_s).toString(), u"applying"_s);
    QStringList expected;
    for (int k = 0; k < chosen.steps; ++k) {
        expected << (k < boundary / 2 ? u"done"_s : k == boundary / 2 ? u"intended"_s : u"planned"_s);
    }
    QCOMPARE(entryStatuses(record), expected);

    QVERIFY(HelperCrashHook::arm({}, -1));
    checkHistory(record.value(u"id"_s).toString(), u"failed"_s, u"the helper stopped during the apply"_s);
    if (!QTest::currentTestFailed()) {
        checkRestored(chosen);
    }
}

void ApplyCrashHostTest::killedRollbackIsFinished_data()
{
    addBoundaryRows({u"sudo"_s, u"setcap"_s, u"dropin"_s}, true);
}

void ApplyCrashHostTest::killedRollbackIsFinished()
{
    QFETCH(QString, plan);
    QFETCH(int, boundary);
    QFETCH(int, last);
    const Plan &chosen = m_plans[plan];
    const auto disarm = qScopeGuard([] { HelperCrashHook::arm({}, -1); });
    const QString id = applyOk(chosen);
    QVERIFY(!id.isEmpty());
    QVERIFY(HelperCrashHook::arm(kUndoHook, boundary));

    const CtlRun killed = derootctl({u"rollback"_s, u"--json"_s, u"--no-ask-password"_s, id});
    if (boundary > last) {
        QVERIFY2(killed.exitCode == 0, qPrintable(killed.out + killed.err));
        QCOMPARE(historyEntry(id).value(u"state"_s).toString(), u"rolled-back"_s);
        checkRestored(chosen);
        return;
    }
    QVERIFY2(killed.exitCode == 1, qPrintable(u"exit %1: %2 %3"_s.arg(killed.exitCode).arg(killed.out, killed.err)));
    QVERIFY2(killed.err.contains(u"the helper stopped before it answered"_s) && killed.err.contains(u"finishes it"_s) &&
                 killed.err.trimmed().count(u'\n') == 0,
             qPrintable(killed.err));
    checkUndoKilledAndFinished(chosen, id, boundary);
}

void ApplyCrashHostTest::killedExpiryIsFinished_data()
{
    addBoundaryRows({u"dropin"_s}, true);
}

void ApplyCrashHostTest::killedExpiryIsFinished()
{
    QFETCH(QString, plan);
    QFETCH(int, boundary);
    QFETCH(int, last);
    const Plan &chosen = m_plans[plan];
    const auto disarm = qScopeGuard([] { HelperCrashHook::arm({}, -1); });
    // The helper that applies is the one that waits for the deadline and rolls back at it.
    QVERIFY(HelperCrashHook::arm(kUndoHook, boundary));
    const QString id = applyOk(chosen, {u"--confirm-within"_s, u"1"_s});
    QVERIFY(!id.isEmpty());
    if (boundary > last) {
        QString state;
        QVERIFY2(
            waitFor([&] { return (state = historyEntry(id).value(u"state"_s).toString()) == u"rolled-back"; }, 20000),
            qPrintable(state));
        QVERIFY(historyEntry(id).value(u"message"_s).toString().contains(u"not confirmed"_s));
        QCOMPARE(systemctlShow(kHelperUnit, u"ActiveState"_s), u"active"_s);
        checkRestored(chosen);
        return;
    }
    checkUndoKilledAndFinished(chosen, id, boundary);
}

QTEST_GUILESS_MAIN(ApplyCrashHostTest)
#include "applycrash_test.moc"
