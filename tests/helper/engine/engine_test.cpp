// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The helper's engine over a temporary root, with the real useradd, userdel and visudo (visudo -c
// in a private mount namespace) and systemctl played by the test runner: apply and rollback leave
// the tree byte-identical, a failed step undoes the ones before it, a kill at every step boundary
// and at every boundary of a rollback is recovered at the next start, confirmation deadlines roll
// back, and every hostile request of tests/data/plans is refused with nothing changed.
#include "app/helper/engine.h"
#include "core/base/text.h"
#include "core/plan/applyrequest.h"
#include "planfixture.h"
#include "testroot.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace Deroot;
using namespace Deroot::Core;
using namespace Deroot::Helper;
using namespace Qt::StringLiterals;

namespace {

// One temporary machine: a root, a /proc for the agent and the runner.
struct Machine
{
    QTemporaryDir directory;
    QString root;
    QString proc;
    std::unique_ptr<TestSupport::TestRunner> runner;
    QDateTime now = QDateTime::currentDateTimeUtc();

    Machine()
    {
        root = directory.filePath(u"root"_s);
        proc = directory.filePath(u"proc"_s);
        if (!TestSupport::makeTestRoot(root)) {
            qFatal("cannot make the test root");
        }
        runner = std::make_unique<TestSupport::TestRunner>(root, proc);
    }

    System system(int crashAt = -1, int crashAtUndo = -1)
    {
        System system;
        system.root = root;
        system.runner = runner.get();
        system.proc = proc;
        system.startTimeoutMs = 200;
        system.now = [this] { return now; };
#ifdef DEROOT_CRASH_HOOK
        system.crashHook = CrashHook{crashAt, crashAtUndo};
#else
        Q_UNUSED(crashAt);
        Q_UNUSED(crashAtUndo);
#endif
        return system;
    }

    ApplyRequest request(const QString &kind) const
    {
        const QString out = directory.filePath(u"export-"_s + kind);
        const auto written =
            TestSupport::writePlanExport(kind, out, TestSupport::kTestProgram, TestSupport::kTestProgramBytes);
        if (!written) {
            qFatal("cannot generate the %s plan: %s", qPrintable(kind), qPrintable(written.error().message));
        }
        return *readApplyRequest(out);
    }
};

QString state(Engine &engine, const QString &id)
{
    return engine.status(id).value(u"state"_s).toString();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes, mode_t mode = 0644)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        return false;
    }
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

// The record of @p id as the journal holds it on disk, read behind the engine's back.
QString recordPath(const Machine &machine, const QString &id)
{
    return machine.root + u"/var/lib/deroot/applies/"_s + id + u".json"_s;
}

QJsonObject recordOnDisk(const Machine &machine, const QString &id)
{
    return QJsonDocument::fromJson(readFile(recordPath(machine, id))).object();
}

// visudo -c of the test root's whole configuration, as sudo would read it.
bool sudoersValid(Machine &machine)
{
    const ToolRun visudo =
        machine.runner->run(u"/usr/sbin/visudo"_s, {u"-c"_s, u"-f"_s, machine.root + u"/etc/sudoers"_s}, {}, 30000);
    return visudo.finished && visudo.exitCode == 0;
}

mode_t modeOf(const QString &path)
{
    struct stat st{};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 07777 : mode_t(-1);
}

QStringList stepKinds(const CheckedRequest &plan)
{
    QStringList kinds;
    for (const PlanStep &step : plan.steps) {
        kinds << stepKindName(step.kind);
    }
    return kinds;
}

// The vendor's unit that the "replace" plan takes over from: the same program, as root, enabled
// (a WantedBy= link and an alias, as a package's postinst and `systemctl enable` leave them) and
// running, or not.
void installReplacedUnit(Machine &machine, bool enabled, bool active)
{
    const QString vendor = machine.root + u"/usr/lib/systemd/system/"_s;
    QVERIFY(QDir().mkpath(vendor));
    QVERIFY(writeFile(
        vendor + TestSupport::kReplacedUnit,
        "[Unit]\nDescription=The vendor's agent\n\n[Service]\nExecStart=" + TestSupport::kTestProgram.toUtf8() +
            " --vendor\n\n[Install]\nWantedBy=multi-user.target\nAlias=vendor-alias.service\n"));
    if (enabled) {
        const QString wants = machine.root + u"/etc/systemd/system/multi-user.target.wants"_s;
        QVERIFY(QDir().mkpath(wants));
        QVERIFY(QFile::link(u"/usr/lib/systemd/system/"_s + TestSupport::kReplacedUnit,
                            wants + u'/' + TestSupport::kReplacedUnit));
        QVERIFY(QFile::link(u"/usr/lib/systemd/system/"_s + TestSupport::kReplacedUnit,
                            machine.root + u"/etc/systemd/system/vendor-alias.service"_s));
    }
    machine.runner->setActive(TestSupport::kReplacedUnit, active);
}

// The position of the first systemctl call that starts with @p prefix, or -1.
qsizetype callIndex(const QStringList &calls, const QString &prefix)
{
    for (qsizetype i = 0; i < calls.size(); ++i) {
        if (calls.at(i).startsWith(u"/usr/bin/systemctl "_s + prefix)) {
            return i;
        }
    }
    return -1;
}

} // namespace

class EngineTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appliesAndRollsBackByteForByte_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("written");
        QTest::newRow("caps: user, sysusers.d, unit, start")
            << u"caps"_s
            << QStringList{u"/etc/sysusers.d/deroot-capsagent.conf"_s,
                           u"/etc/systemd/system/deroot-capsagent.service"_s};
        QTest::newRow("sudo: user, sysusers.d, sudoers, unit, start")
            << u"sudo"_s
            << QStringList{u"/etc/sysusers.d/deroot-sudoagent.conf"_s, u"/etc/sudoers.d/deroot-sudoagent"_s,
                           u"/etc/systemd/system/deroot-sudoagent.service"_s};
        QTest::newRow("setcap: user, sysusers.d, capabilities on the program")
            << u"setcap"_s << QStringList{u"/etc/sysusers.d/deroot-setcapagent.conf"_s};
        QTest::newRow("container: export only") << u"container"_s << QStringList{};
    }

    void appliesAndRollsBackByteForByte()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, written);
        Machine machine;
        if (kind == u"sudo") {
            machine.runner->statusFor = TestSupport::unprivilegedAgentStatus;
        }
        const QStringList before = TestSupport::manifest(machine.root);
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(kind));
        QVERIFY2(plan.ok(), qPrintable(plan.error().message));
        QList<StepEvent> events;
        const auto outcome = engine.apply(*plan, 1000, {}, [&](const StepEvent &event) { events << event; });
        QVERIFY2(outcome.ok(), qPrintable(outcome.error().message));
        QVERIFY2(outcome->ok, qPrintable(outcome->message));
        QCOMPARE(events.size(), plan->steps.size());
        QVERIFY(std::all_of(events.begin(), events.end(), [](const StepEvent &e) { return e.ok; }));
        QCOMPARE(state(engine, outcome->applyId), u"applied"_s);
        for (const QString &path : written) {
            QVERIFY2(QFileInfo::exists(machine.root + path), qPrintable(path));
        }
        if (kind != u"container") {
            QVERIFY(TestSupport::manifest(machine.root) != before);
            QFile passwd(machine.root + u"/etc/passwd"_s);
            QVERIFY(passwd.open(QIODevice::ReadOnly));
            QVERIFY(passwd.readAll().contains(QByteArray("deroot-" + kind.toUtf8() + "agent:x:")));
        }
        if (kind == u"sudo") {
            struct stat st{};
            QCOMPARE(::stat(QFile::encodeName(machine.root + written.at(1)).constData(), &st), 0);
            QCOMPARE(st.st_mode & 07777, mode_t(0440));
            QCOMPARE(st.st_uid, uid_t(0));
            QFile group(machine.root + u"/etc/group"_s);
            QVERIFY(group.open(QIODevice::ReadOnly));
            QVERIFY(group.readAll().contains("adm:x:4:syslog,deroot-sudoagent"));
        }
        if (kind == u"setcap") {
            char caps[64];
            QVERIFY(::getxattr(QFile::encodeName(machine.root + TestSupport::kTestProgram).constData(),
                               "security.capability", caps, sizeof caps) > 0);
        }
        if (kind == u"caps" || kind == u"sudo") {
            // Enabled as systemctl enable would, for the next boot.
            const QString link =
                machine.root + u"/etc/systemd/system/multi-user.target.wants/deroot-"_s + kind + u"agent.service"_s;
            QVERIFY2(QFileInfo(link).isSymLink(), qPrintable(link));
            QCOMPARE(QFile::symLinkTarget(link), u"/etc/systemd/system/deroot-"_s + kind + u"agent.service"_s);
            QVERIFY(outcome->agent.checked);
            QVERIFY2(outcome->agent.ok, qPrintable(outcome->message));
        }
        QVERIFY(!engine.history().isEmpty());
        QVERIFY(!QJsonDocument(engine.history()).toJson().contains("\"bytes\""));

        const auto error = engine.rollback(outcome->applyId, 1000);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QCOMPARE(state(engine, outcome->applyId), u"rolled-back"_s);
        QCOMPARE(TestSupport::manifest(machine.root), before);
        // A second rollback of the same apply is refused: there is nothing of it left.
        QVERIFY(engine.rollback(outcome->applyId, 1000).has_value());
    }

    void failedStepUndoesTheStepsBefore()
    {
        Machine machine;
        machine.runner->failRestart = true;
        const QStringList before = TestSupport::manifest(machine.root);
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(u"caps"_s));
        QVERIFY(plan.ok());
        const auto outcome = engine.apply(*plan, 0, {});
        QVERIFY(outcome.ok());
        QVERIFY(!outcome->ok);
        QVERIFY(outcome->rolledBack);
        QVERIFY2(outcome->message.contains(u"control process exited"_s), qPrintable(outcome->message));
        QCOMPARE(state(engine, outcome->applyId), u"failed"_s);
        QCOMPARE(TestSupport::manifest(machine.root), before);
        QVERIFY(machine.runner->calls.contains(u"/usr/bin/systemctl daemon-reload"_s));
    }

    void agentMismatchIsReportedWithBothValues()
    {
        Machine machine;
        machine.runner->statusFor = [](qint64 uid) -> QByteArray {
            return TestSupport::capsAgentStatus(uid).replace("CapEff:\t0000000000002000", "CapEff:\t0000000000200000");
        };
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(u"caps"_s));
        QVERIFY(plan.ok());
        const auto outcome = engine.apply(*plan, 0, {});
        QVERIFY(outcome.ok());
        QVERIFY(!outcome->ok);
        QVERIFY(!outcome->rolledBack);
        QVERIFY2(outcome->message.contains(u"CapEff is 0000000000200000, the plan says 0000000000002000"_s),
                 qPrintable(outcome->message));
        // The admin is offered the rollback: it works.
        QVERIFY(!engine.rollback(outcome->applyId, 0));
    }

    void confirmationDeadline()
    {
        Machine machine;
        const QStringList before = TestSupport::manifest(machine.root);
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(u"caps"_s));
        QVERIFY(plan.ok());
        const auto outcome = engine.apply(*plan, 1000, machine.now.addSecs(60));
        QVERIFY(outcome.ok() && outcome->ok);
        QCOMPARE(state(engine, outcome->applyId), u"pending"_s);
        QVERIFY(engine.pending().has_value());
        QCOMPARE(engine.pending()->applyId, outcome->applyId);
        // Nothing else is applied while a confirmation is awaited (the same plan is refused as
        // already applied: samePlanIsNotAppliedOnTopOfItself).
        const auto other = engine.validate(machine.request(u"setcap"_s));
        QVERIFY(other.ok());
        const auto second = engine.apply(*other, 1000, {});
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, ExitCode::Busy);
        QVERIFY(engine.expirePending().isEmpty());
        machine.now = machine.now.addSecs(61);
        QCOMPARE(engine.expirePending().size(), 1);
        QCOMPARE(state(engine, outcome->applyId), u"rolled-back"_s);
        QCOMPARE(TestSupport::manifest(machine.root), before);

        // Confirmed in time, it stays; and a deadline found expired at start is rolled back then.
        const auto third = engine.apply(*plan, 1000, machine.now.addSecs(60));
        QVERIFY(third.ok());
        QVERIFY(!engine.confirm(third->applyId, 1000));
        QCOMPARE(state(engine, third->applyId), u"applied"_s);
        QVERIFY(engine.confirm(third->applyId, 1000).has_value());
        QVERIFY(!engine.rollback(third->applyId, 1000));
        const auto fourth = engine.apply(*plan, 1000, machine.now.addSecs(60));
        QVERIFY(fourth.ok());
        machine.now = machine.now.addSecs(3600);
        Engine restarted(machine.system());
        QCOMPARE(restarted.recover().size(), 1);
        QCOMPARE(state(restarted, fourth->applyId), u"rolled-back"_s);
        QCOMPARE(TestSupport::manifest(machine.root), before);
    }

    void rollbackOnlyOfTheNewest()
    {
        Machine machine;
        Engine engine(machine.system());
        const auto caps = engine.validate(machine.request(u"caps"_s));
        const auto sudo = engine.validate(machine.request(u"setcap"_s));
        QVERIFY(caps.ok() && sudo.ok());
        const auto first = engine.apply(*caps, 0, {});
        const auto second = engine.apply(*sudo, 0, {});
        QVERIFY(first.ok() && second.ok());
        const auto refused = engine.rollback(first->applyId, 0);
        QVERIFY(refused.has_value());
        QVERIFY2(refused->message.contains(second->applyId), qPrintable(refused->message));
        QVERIFY(!engine.rollback(second->applyId, 0));
        QVERIFY(!engine.rollback(first->applyId, 0));
    }

    // The engine, not a client's memory, refuses the same plan on top of itself: its second
    // record's previous state would be the first one's result. Once rolled back (or failed and
    // undone), the plan applies again.
    void samePlanIsNotAppliedOnTopOfItself()
    {
        Machine machine;
        const QStringList before = TestSupport::manifest(machine.root);
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(u"caps"_s));
        QVERIFY(plan.ok());
        const auto first = engine.apply(*plan, 1000, {});
        QVERIFY(first.ok() && first->ok);
        const QStringList applied = TestSupport::manifest(machine.root);
        const auto again = engine.apply(*plan, 1000, {});
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ExitCode::Refused);
        QCOMPARE(again.error().message,
                 u"this plan is already applied, as apply %1 (confirmed): roll back %1 first to apply it again; "
                 u"nothing was changed"_s.arg(first->applyId));
        QCOMPARE(engine.history().size(), 1);
        QCOMPARE(TestSupport::manifest(machine.root), applied);
        // A new engine (the helper started again) knows it from the journal alone.
        Engine restarted(machine.system());
        const auto afterRestart = restarted.apply(*plan, 1000, {});
        QVERIFY(!afterRestart.ok());
        QVERIFY2(afterRestart.error().message.contains(first->applyId), qPrintable(afterRestart.error().message));

        // Rolled back, it applies again, and that apply rolls back to the first state.
        QVERIFY(!restarted.rollback(first->applyId, 1000));
        QCOMPARE(TestSupport::manifest(machine.root), before);
        const auto reapplied = restarted.apply(*plan, 1000, machine.now.addSecs(60));
        QVERIFY2(reapplied.ok(), reapplied.ok() ? "" : qPrintable(reapplied.error().message));
        QVERIFY(reapplied->ok);
        QCOMPARE(TestSupport::manifest(machine.root), applied);

        // Awaiting its confirmation, it is the same rule and message, not "busy".
        const auto whilePending = restarted.apply(*plan, 1000, {});
        QVERIFY(!whilePending.ok());
        QCOMPARE(whilePending.error().code, ExitCode::Refused);
        QCOMPARE(whilePending.error().message,
                 u"this plan is already applied, as apply %1 (awaiting its confirmation): roll back %1 first to "
                 u"apply it again; nothing was changed"_s.arg(reapplied->applyId));
        QVERIFY(!restarted.rollback(reapplied->applyId, 1000));
        QCOMPARE(TestSupport::manifest(machine.root), before);

        // A failed apply left nothing in place: the same plan may be tried again.
        machine.runner->failRestart = true;
        const auto failed = restarted.apply(*plan, 1000, {});
        QVERIFY(failed.ok() && !failed->ok && failed->rolledBack);
        machine.runner->failRestart = false;
        const auto retried = restarted.apply(*plan, 1000, {});
        QVERIFY2(retried.ok() && retried->ok, retried.ok() ? qPrintable(retried->message) : "");
    }

    // The helper's one line says what was done, so that no client counts the steps to say it.
    void outcomeMessageSaysWhatWasDone()
    {
        Machine machine;
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(u"caps"_s));
        QVERIFY(plan.ok());
        const auto outcome = engine.apply(*plan, 1000, machine.now.addSecs(60));
        QVERIFY(outcome.ok() && outcome->ok);
        // The export-only file (the AppArmor profile) is carried, never installed: not counted as done.
        QCOMPARE(stepKinds(*plan).count(u"export-only"_s), 1);
        QCOMPARE(outcome->message,
                 u"applied %1 steps, and left 1 exported file for the admin to install by hand; the "
                 u"running agent is as planned; confirm it by %2 or it is rolled back"_s.arg(plan->steps.size() - 1)
                     .arg(machine.now.addSecs(60).toString(Qt::ISODate)));
        QCOMPARE(engine.status(outcome->applyId).value(u"message"_s).toString(), outcome->message);
    }

    // The journal stays bounded: beyond its limit a new apply deletes the oldest records that can
    // no longer undo anything, and never one that can (applied, pending, rollback failed).
    void journalIsPrunedOfWhatCannotUndo()
    {
        Machine machine;
        System system = machine.system();
        system.journalRecordLimit = 3;
        Engine engine(system);
        const auto caps = engine.validate(machine.request(u"caps"_s));
        const auto setcap = engine.validate(machine.request(u"setcap"_s));
        QVERIFY(caps.ok() && setcap.ok());
        const auto kept = engine.apply(*caps, 0, {});
        QVERIFY(kept.ok());
        QStringList undone;
        for (int cycle = 0; cycle < 4; ++cycle) {
            const auto applied = engine.apply(*setcap, 0, {});
            QVERIFY(applied.ok());
            QVERIFY(!engine.rollback(applied->applyId, 0));
            undone << applied->applyId;
        }
        QStringList ids;
        for (const QJsonValue &entry : engine.history()) {
            ids << entry.toObject().value(u"id"_s).toString();
        }
        // Newest first: the last two rolled-back records and the applied one, however old.
        QCOMPARE(ids, (QStringList{undone.at(3), undone.at(2), kept->applyId}));
        QCOMPARE(state(engine, kept->applyId), u"applied"_s);
        QVERIFY(engine.status(undone.at(0)).isEmpty());
        // What is kept can still be undone.
        QVERIFY(!engine.rollback(kept->applyId, 0));

        // Records that can undo something are never deleted, even beyond the limit.
        system.journalRecordLimit = 1;
        Engine strict(system);
        const auto first = strict.apply(*caps, 0, {});
        const auto second = strict.apply(*setcap, 0, {});
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(state(strict, first->applyId), u"applied"_s);
        QCOMPARE(state(strict, second->applyId), u"applied"_s);
        QVERIFY(!strict.rollback(second->applyId, 0));
        QVERIFY(!strict.rollback(first->applyId, 0));
    }

    // Anything else that links the engine is kept out while one works.
    void oneEngineAtATime()
    {
        Machine machine;
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(u"caps"_s));
        QVERIFY(plan.ok());
        const int fd = ::open(QFile::encodeName(machine.root + u"/var/lib/deroot/lock"_s).constData(),
                              O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        QVERIFY(fd >= 0);
        QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
        const auto busy = engine.apply(*plan, 0, {});
        QVERIFY(!busy.ok());
        QCOMPARE(busy.error().code, ExitCode::Busy);
        ::close(fd);
        QVERIFY(engine.apply(*plan, 0, {}).ok());
    }

    // The programs the sudoers rule grants are judged on the system before anything is applied:
    // the parser only saw their names.
    void sudoCommandsAreJudgedOnTheSystem_data()
    {
        QTest::addColumn<QByteArray>("setup");
        QTest::addColumn<QString>("says");
        QTest::newRow("a symlink to an editor in its place")
            << QByteArray("[{\"write\": [\"usr/bin/vim.basic\", \"#!/bin/sh\\n\", 493]}, {\"remove\": \"usr/bin/id\"}, "
                          "{\"symlink\": [\"usr/bin/id\", \"vim.basic\"]}]")
            << u"'/usr/bin/id' is a symlink (to 'vim.basic')"_s;
        QTest::newRow("owned by a user") << QByteArray("[{\"chown\": [\"usr/bin/id\", 1000]}]")
                                         << u"owned by uid 1000"_s;
        QTest::newRow("its directory writable by a group")
            << QByteArray("[{\"chmod\": [\"usr/bin\", 509]}]") << u"'/usr/bin' is writable by its group"_s;
        QTest::newRow("missing") << QByteArray("[{\"remove\": \"usr/bin/id\"}]")
                                 << u"the sudo command '/usr/bin/id' does not exist"_s;
    }

    void sudoCommandsAreJudgedOnTheSystem()
    {
        QFETCH(QByteArray, setup);
        QFETCH(QString, says);
        Machine machine;
        const ApplyRequest request = machine.request(u"sudo"_s);
        QVERIFY(TestSupport::applySetup(machine.root, QJsonDocument::fromJson(setup).array()));
        const QStringList before = TestSupport::manifest(machine.root);
        Engine engine(machine.system());
        const auto plan = engine.validate(request);
        QVERIFY2(!plan.ok(), "a rule for a program someone other than root controls was accepted");
        QCOMPARE(plan.error().code, ExitCode::Refused);
        QVERIFY2(plan.error().message.contains(says), qPrintable(plan.error().message));
        // apply() judges them again on its own.
        const auto parsed = parseApplyRequest(request);
        QVERIFY(parsed.ok());
        QVERIFY(!engine.apply(*parsed, 0, {}).ok());
        QCOMPARE(TestSupport::manifest(machine.root), before);
        QVERIFY(engine.history().isEmpty());
    }

    // The switch-over: a unit of Deroot's own takes over from the vendor's unit of the
    // same program. The old one is stopped and its enablement links removed before the reload and
    // before the new one starts, so that one copy runs; a rollback stops the new one first and
    // then puts every link back and starts the old one again, exactly as it was.
    void replacePlanSwitchesOverAndRollbackSwitchesBack_data()
    {
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<bool>("active");
        QTest::newRow("enabled and running") << true << true;
        QTest::newRow("enabled, not running") << true << false;
        QTest::newRow("disabled, running") << false << true;
        QTest::newRow("disabled, not running") << false << false;
    }

    void replacePlanSwitchesOverAndRollbackSwitchesBack()
    {
        QFETCH(bool, enabled);
        QFETCH(bool, active);
        Machine machine;
        installReplacedUnit(machine, enabled, active);
        const QString vendor = TestSupport::kReplacedUnit;
        const QString unit = u"deroot-switchagent.service"_s;
        const QStringList before = TestSupport::manifest(machine.root);
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(u"replace"_s));
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        QCOMPARE(stepKinds(*plan),
                 (QStringList{u"create-user"_s, u"write-sysusers"_s, u"write-unit"_s, u"export-only"_s, u"stop-unit"_s,
                              u"daemon-reload"_s, u"start-unit"_s}));
        QCOMPARE(plan->replacesUnit, vendor);
        const auto outcome = engine.apply(*plan, 0, {});
        QVERIFY2(outcome.ok() && outcome->ok, outcome.ok() ? qPrintable(outcome->message) : "");
        QCOMPARE(machine.runner->activeUnits(), QStringList{unit});
        QVERIFY(!QFileInfo(machine.root + u"/etc/systemd/system/multi-user.target.wants/"_s + vendor).isSymLink());
        QVERIFY(!QFileInfo(machine.root + u"/etc/systemd/system/vendor-alias.service"_s).isSymLink());
        // Stopped, then reloaded (forgetting its links), then the new one started.
        const QStringList &calls = machine.runner->calls;
        const qsizetype stop = callIndex(calls, u"stop -- "_s + vendor);
        const qsizetype reload = callIndex(calls, u"daemon-reload"_s);
        const qsizetype start = callIndex(calls, u"restart -- "_s + unit);
        QVERIFY2(stop >= 0 && stop < reload && reload < start, qPrintable(calls.join(u'\n')));
        const QJsonObject entry =
            recordOnDisk(machine, outcome->applyId).value(u"entries"_s).toArray().at(4).toObject();
        QCOMPARE(entry.value(u"unit"_s).toObject().value(u"was_active"_s).toBool(), active);
        QCOMPARE(entry.value(u"unit"_s).toObject().value(u"links"_s).toArray().size(), enabled ? 2 : 0);

        machine.runner->calls.clear();
        const auto error = engine.rollback(outcome->applyId, 0);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QCOMPARE(TestSupport::manifest(machine.root), before);
        QCOMPARE(machine.runner->activeUnits(), active ? QStringList{vendor} : QStringList{});
        // The new one is stopped before the old one starts: never two at once.
        const qsizetype stopNew = callIndex(calls, u"stop -- "_s + unit);
        const qsizetype startOld = callIndex(calls, u"start -- "_s + vendor);
        QVERIFY2(stopNew >= 0 && (active ? stopNew < startOld : startOld < 0), qPrintable(calls.join(u'\n')));
    }

    // The trust boundary of the switch-over: only a unit whose one command is the plan's own
    // program is stopped, never the helper's own unit, and nothing changes when one is refused.
    void replacedUnitMustRunThePlansProgram_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expect");
        const QByteArray program = TestSupport::kTestProgram.toUtf8();
        QTest::newRow("another program") << u"vendor-agent.service"_s
                                         << QByteArray("[Service]\nExecStart=/usr/sbin/sshd -D\n")
                                         << u"runs '/usr/sbin/sshd', not the plan's program"_s;
        QTest::newRow("two commands") << u"vendor-agent.service"_s
                                      << QByteArray("[Service]\nType=oneshot\nExecStart=" + program +
                                                    "\nExecStart=/bin/sh -c id\n")
                                      << u"runs 2 commands, not one"_s;
        QTest::newRow("not installed") << u"vendor-agent.service"_s << QByteArray() << u"is not loaded (not-found)"_s;
        // The fake reads TriggeredBy= from the unit's file, where systemd computes it.
        QTest::newRow("started by a socket too")
            << u"vendor-agent.service"_s
            << QByteArray("[Service]\nExecStart=" + program + "\nTriggeredBy=vendor-agent.socket\n")
            << u"is also started by 'vendor-agent.socket'"_s;
        QTest::newRow("the helper's own")
            << u"deroot-helper.service"_s << QByteArray("[Service]\nExecStart=" + program + "\n")
            << u"is the helper's own"_s;
    }

    void replacedUnitMustRunThePlansProgram()
    {
        QFETCH(QString, unit);
        QFETCH(QByteArray, text);
        QFETCH(QString, expect);
        Machine machine;
        if (!text.isEmpty()) {
            QVERIFY(QDir().mkpath(machine.root + u"/usr/lib/systemd/system"_s));
            QVERIFY(writeFile(machine.root + u"/usr/lib/systemd/system/"_s + unit, text));
        }
        machine.runner->setActive(unit, true);
        TestSupport::HostileCase replace;
        replace.json = QJsonObject{{u"regenerate"_s, QJsonArray{QJsonArray{u"input/unit/replaces"_s, unit}}}};
        const ApplyRequest request = TestSupport::mutateRequest(machine.request(u"replace"_s), replace);
        QVERIFY(parseApplyRequest(request).ok());
        const QStringList before = TestSupport::manifest(machine.root);
        Engine engine(machine.system());
        const auto plan = engine.validate(request);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code, ExitCode::Refused);
        QVERIFY2(plan.error().message.contains(expect), qPrintable(plan.error().message));
        QVERIFY2(plan.error().message.contains(quoted(unit)), qPrintable(plan.error().message));
        QVERIFY(!engine.apply(*parseApplyRequest(request), 0, {}).ok());
        QCOMPARE(TestSupport::manifest(machine.root), before);
        QCOMPARE(machine.runner->activeUnits(), QStringList{unit});
        QCOMPARE(callIndex(machine.runner->calls, u"stop"_s), -1);
    }

    // A scheduled program: a oneshot unit that nothing restarts and a timer that starts
    // it. The apply enables and starts the timer, never the service, and checks what systemd made
    // of it; a rollback stops both and removes everything.
    void scheduledPlanStartsTheTimerNotTheService()
    {
        Machine machine;
        const QStringList before = TestSupport::manifest(machine.root);
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(u"scheduled"_s));
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        const QString unit = u"deroot-schedagent.service"_s;
        const QString timer = u"deroot-schedagent.timer"_s;
        QCOMPARE(stepKinds(*plan), (QStringList{u"create-user"_s, u"write-sysusers"_s, u"write-unit"_s, u"write-unit"_s,
                                                u"export-only"_s, u"daemon-reload"_s, u"start-timer"_s}));
        QCOMPARE(plan->steps.at(3).target, u"/etc/systemd/system/"_s + timer);
        QCOMPARE(plan->unit, unit);
        QCOMPARE(plan->timer, timer);
        const auto outcome = engine.apply(*plan, 0, {});
        QVERIFY2(outcome.ok() && outcome->ok, outcome.ok() ? qPrintable(outcome->message) : "");
        QVERIFY(outcome->agent.checked);
        QStringList fields;
        for (const AgentField &field : outcome->agent.fields) {
            fields << field.name + u'=' + field.actual;
        }
        QCOMPARE(fields, (QStringList{u"ActiveState=active"_s, u"Unit="_s + unit, u"User=deroot-schedagent"_s}));
        const QString link = machine.root + u"/etc/systemd/system/timers.target.wants/"_s + timer;
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(QFile::symLinkTarget(link), u"/etc/systemd/system/"_s + timer);
        QVERIFY(!QFileInfo::exists(machine.root + u"/etc/systemd/system/multi-user.target.wants/"_s + unit));
        QCOMPARE(machine.runner->activeUnits(), QStringList{timer});
        QVERIFY2(callIndex(machine.runner->calls, u"restart -- "_s + unit) < 0 &&
                     callIndex(machine.runner->calls, u"start -- "_s + unit) < 0,
                 qPrintable(machine.runner->calls.join(u'\n')));

        machine.runner->calls.clear();
        const auto error = engine.rollback(outcome->applyId, 0);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QCOMPARE(TestSupport::manifest(machine.root), before);
        QVERIFY(machine.runner->calls.contains(u"/usr/bin/systemctl stop -- "_s + timer + u' ' + unit));
        QVERIFY(machine.runner->activeUnits().isEmpty());
    }

    // What systemd makes of the timer is checked, not assumed: a drop-in of the admin's that
    // points it at another unit is reported as a mismatch, and the rollback is offered.
    void scheduledPlanReportsATimerThatStartsSomethingElse()
    {
        Machine machine;
        const QString dropIns = machine.root + u"/etc/systemd/system/deroot-schedagent.timer.d"_s;
        QVERIFY(QDir().mkpath(dropIns));
        QVERIFY(writeFile(dropIns + u"/other.conf"_s, "[Timer]\nUnit=other.service\n"));
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(u"scheduled"_s));
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        const auto outcome = engine.apply(*plan, 0, {});
        QVERIFY(outcome.ok());
        QVERIFY(!outcome->ok);
        QVERIFY(!outcome->rolledBack);
        QVERIFY2(outcome->message.contains(u"Unit is other.service, the plan says deroot-schedagent.service"_s),
                 qPrintable(outcome->message));
        QVERIFY(!engine.rollback(outcome->applyId, 0));
    }

    // A called program has no user and no unit of its own: file capabilities on it, or
    // a sudo rule for the existing user of the agent that calls it, which the apply never creates.
    void calledPlansCreateNoUserAndNoUnit_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("steps");
        QTest::newRow("file capabilities") << u"calledcaps"_s << QStringList{u"set-file-caps"_s, u"export-only"_s};
        QTest::newRow("a sudo rule for syslog") << u"calledsudo"_s << QStringList{u"write-sudoers"_s};
    }

    void calledPlansCreateNoUserAndNoUnit()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, steps);
        Machine machine;
        const QStringList before = TestSupport::manifest(machine.root);
        const QByteArray passwd = readFile(machine.root + u"/etc/passwd"_s);
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(kind));
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        QCOMPARE(stepKinds(*plan), steps);
        QVERIFY(plan->serviceUser.isEmpty());
        QVERIFY(plan->unit.isEmpty());
        QCOMPARE(plan->callerUser, kind == u"calledsudo" ? u"syslog"_s : QString());
        QVERIFY(!plan->areas.testFlag(PlanArea::Users));
        const auto outcome = engine.apply(*plan, 0, {});
        QVERIFY2(outcome.ok() && outcome->ok, outcome.ok() ? qPrintable(outcome->message) : "");
        QCOMPARE(readFile(machine.root + u"/etc/passwd"_s), passwd);
        for (const QString &call : std::as_const(machine.runner->calls)) {
            QVERIFY2(!call.startsWith(u"/usr/sbin/useradd"_s) && !call.startsWith(u"/usr/bin/systemctl"_s),
                     qPrintable(call));
        }
        if (kind == u"calledsudo") {
            const QByteArray rule = readFile(machine.root + u"/etc/sudoers.d/deroot-calledsudo"_s);
            QVERIFY2(rule.contains("\nsyslog ALL=(root) NOPASSWD: NOEXEC: DEROOT_CALLEDSUDO_1\n"), rule.constData());
            QVERIFY(sudoersValid(machine));
        } else {
            char caps[64];
            QVERIFY(::getxattr(QFile::encodeName(machine.root + TestSupport::kTestProgram).constData(),
                               "security.capability", caps, sizeof caps) > 0);
        }
        QVERIFY(!engine.rollback(outcome->applyId, 0));
        QCOMPARE(TestSupport::manifest(machine.root), before);
    }

    // The helper runs with umask 077 (main.cpp and the unit's UMask=): the directories it makes
    // must still be 0755, as the distribution's are and as systemctl cat needs.
    void createdDirectoriesAre0755UnderUmask077()
    {
        const mode_t previous = ::umask(077);
        const auto restore = qScopeGuard([previous] { ::umask(previous); });
        Machine machine;
        QVERIFY(QDir(machine.root + u"/etc/sysusers.d"_s).removeRecursively());
        const QStringList before = TestSupport::manifest(machine.root);
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(u"caps"_s));
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        const auto outcome = engine.apply(*plan, 0, {});
        QVERIFY2(outcome.ok() && outcome->ok, outcome.ok() ? qPrintable(outcome->message) : "");
        QCOMPARE(modeOf(machine.root + u"/etc/sysusers.d"_s), mode_t(0755));
        QCOMPARE(modeOf(machine.root + u"/etc/systemd/system/multi-user.target.wants"_s), mode_t(0755));
        QCOMPARE(modeOf(machine.root + u"/etc/sysusers.d/deroot-capsagent.conf"_s), mode_t(0644));
        // The journal's own directory stays root's alone.
        QCOMPARE(modeOf(machine.root + u"/var/lib/deroot/applies"_s), mode_t(0700));
        QVERIFY(!engine.rollback(outcome->applyId, 0));
        QCOMPARE(TestSupport::manifest(machine.root), before);
    }

    // A journal write that fails once something changed (a full /var): what the apply did is
    // undone at once, nothing new is applied while its record cannot be completed, and once the
    // journal can be written again the next apply completes it first.
    void journalWriteFailingMidApplyUndoesTheSteps()
    {
        Machine machine;
        const QStringList before = TestSupport::manifest(machine.root);
        System system = machine.system();
        bool diskFull = false;
        bool healed = false;
        // The disk fills up once the second step (sysusers.d) is done, and stays full.
        system.failJournalWrite = [&](const QJsonObject &record) {
            const QJsonArray entries = record.value(u"entries"_s).toArray();
            if (!healed && entries.size() > 1 && entries.at(1).toObject().value(u"status"_s).toString() == u"done") {
                diskFull = true;
            }
            return diskFull;
        };
        Engine engine(system);
        const auto plan = engine.validate(machine.request(u"caps"_s));
        QVERIFY(plan.ok());
        const auto failed = engine.apply(*plan, 1000, {});
        QVERIFY2(!failed.ok(), "the apply went on without its journal");
        QVERIFY2(failed.error().message.contains(u"journal could not be written"_s) &&
                     failed.error().message.contains(u"everything the apply did was undone"_s),
                 qPrintable(failed.error().message));
        // The user and the sysusers.d file are gone again.
        QCOMPARE(TestSupport::manifest(machine.root), before);
        const QJsonArray history = engine.history();
        QCOMPARE(history.size(), 1);
        const QString id = history.at(0).toObject().value(u"id"_s).toString();
        QCOMPARE(recordOnDisk(machine, id).value(u"state"_s).toString(), u"applying"_s);

        // While its record cannot be completed, nothing new is applied on top.
        const auto refused = engine.apply(*plan, 1000, {});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ExitCode::Busy);
        QVERIFY2(refused.error().message.contains(id), qPrintable(refused.error().message));
        QCOMPARE(TestSupport::manifest(machine.root), before);

        // Space again: the next apply completes the old record (changing nothing), then applies.
        diskFull = false;
        healed = true;
        const auto applied = engine.apply(*plan, 1000, {});
        QVERIFY2(applied.ok() && applied->ok,
                 applied.ok() ? qPrintable(applied->message) : qPrintable(applied.error().message));
        QCOMPARE(state(engine, id), u"failed"_s);
        QCOMPARE(recordOnDisk(machine, id).value(u"state"_s).toString(), u"failed"_s);
        QVERIFY(!engine.rollback(applied->applyId, 1000));
        QCOMPARE(TestSupport::manifest(machine.root), before);
    }

    // The same when the helper is restarted in between: its start completes the record.
    void journalWriteFailingMidApplyIsCompletedAtTheNextStart()
    {
        Machine machine;
        const QStringList before = TestSupport::manifest(machine.root);
        QString id;
        {
            System system = machine.system();
            // The disk fills up when the unit's step is about to be journalled, and stays full.
            auto diskFull = std::make_shared<bool>(false);
            system.failJournalWrite = [diskFull](const QJsonObject &record) {
                const QJsonArray entries = record.value(u"entries"_s).toArray();
                *diskFull = *diskFull || std::any_of(entries.begin(), entries.end(), [](const QJsonValue &entry) {
                    return entry.toObject().value(u"kind"_s).toString() == u"write-unit" &&
                           entry.toObject().value(u"status"_s).toString() != u"planned";
                });
                return *diskFull;
            };
            Engine engine(system);
            const auto plan = engine.validate(machine.request(u"caps"_s));
            QVERIFY(plan.ok());
            QVERIFY(!engine.apply(*plan, 1000, {}).ok());
            id = engine.history().at(0).toObject().value(u"id"_s).toString();
        }
        QCOMPARE(TestSupport::manifest(machine.root), before);
        Engine restarted(machine.system());
        const QStringList recovered = restarted.recover();
        QCOMPARE(recovered.size(), 1);
        QCOMPARE(state(restarted, id), u"failed"_s);
        QCOMPARE(TestSupport::manifest(machine.root), before);
    }

    // While an apply awaits its confirmation or is unfinished, the marker that makes
    // deroot-helper-recover.service start the helper at boot is there; otherwise it is not.
    void bootRecoveryIsArmedWhileSomethingAwaitsTheHelper()
    {
        Machine machine;
        const QString marker = machine.root + u"/var/lib/deroot/recover-at-boot"_s;
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(u"caps"_s));
        QVERIFY(plan.ok());
        QVERIFY(!QFile::exists(marker));
        QStringList armedDuring;
        const auto progress = [&](const StepEvent &event) {
            if (QFile::exists(marker)) {
                armedDuring << event.kind;
            }
        };
        const auto first = engine.apply(*plan, 1000, machine.now.addSecs(60), progress);
        QVERIFY(first.ok() && first->ok);
        QCOMPARE(armedDuring.size(), plan->steps.size());
        QVERIFY(QFile::exists(marker));
        QCOMPARE(modeOf(marker), mode_t(0600));
        QVERIFY(!engine.confirm(first->applyId, 1000));
        QVERIFY(!QFile::exists(marker));
        // Armed again by a rollback while it runs, gone when it is done.
        armedDuring.clear();
        QVERIFY(!engine.rollback(first->applyId, 1000, progress));
        QVERIFY(!armedDuring.isEmpty());
        QVERIFY(!QFile::exists(marker));
        // An expired confirmation found at start: rolled back, and the marker goes with it.
        const auto second = engine.apply(*plan, 1000, machine.now.addSecs(60));
        QVERIFY(second.ok());
        QVERIFY(QFile::exists(marker));
        machine.now = machine.now.addSecs(120);
        Engine restarted(machine.system());
        QCOMPARE(restarted.recover().size(), 1);
        QCOMPARE(state(restarted, second->applyId), u"rolled-back"_s);
        QVERIFY(!QFile::exists(marker));
    }

    // Status, History, Confirm's check and the idle tick are served from memory: a local user who
    // calls them in a loop does not make root read and parse the journal each time. A change that
    // another process (the test driver) makes through the journal is still seen.
    void historyAndPendingAreServedFromMemory()
    {
        Machine machine;
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(u"caps"_s));
        QVERIFY(plan.ok());
        const auto outcome = engine.apply(*plan, 1000, machine.now.addSecs(60));
        QVERIFY(outcome.ok());
        const QString id = outcome->applyId;
        const QByteArray record = readFile(recordPath(machine, id));
        QVERIFY(!record.isEmpty());
        // Overwritten in place behind the engine's back (nothing renamed, the directory unchanged):
        // an engine that read the journal on every call would no longer find the apply.
        QVERIFY(writeFile(recordPath(machine, id), "not the record", 0600));
        for (int call = 0; call < 3; ++call) {
            QCOMPARE(engine.history().size(), 1);
            QCOMPARE(state(engine, id), u"pending"_s);
            QVERIFY(engine.pending().has_value());
            QCOMPARE(engine.pending()->applyId, id);
            QCOMPARE(engine.pending()->callerUid, 1000);
        }
        QVERIFY(writeFile(recordPath(machine, id), record, 0600));
        // Another engine confirms it (a rename into the journal): the first one sees it.
        Engine other(machine.system());
        QVERIFY(!other.confirm(id, 1000));
        QVERIFY(!engine.pending().has_value());
        QCOMPARE(state(engine, id), u"applied"_s);
        QCOMPARE(engine.history().at(0).toObject().value(u"confirmed_by_uid"_s).toInt(), 1000);
    }

    // visudo -c checks the configuration sudo will read: entries sudo follows or reads although
    // they are symlinks, hard links or large, and only if /etc/sudoers reads sudoers.d at all.
    void sudoersCheckSeesWhatSudoReads_data()
    {
        QTest::addColumn<QByteArray>("setup");
        QTest::addColumn<QString>("says");
        const QByteArray clash = "Cmnd_Alias DEROOT_SUDOAGENT_1 = /usr/bin/true\\n";
        QTest::newRow("a clash through a symlink sudo follows")
            << QByteArray("[{\"write\": [\"etc/sudoers.local\", \"" + clash +
                          "\", 288]}, {\"symlink\": [\"etc/sudoers.d/local\", \"../sudoers.local\"]}]")
            << u"visudo -c on the whole configuration"_s;
        QTest::newRow("a clash in a hard-linked file")
            << QByteArray("[{\"write\": [\"etc/sudoers.site\", \"" + clash +
                          "\", 288]}, {\"hardlink\": [\"etc/sudoers.site\", \"etc/sudoers.d/site\"]}]")
            << u"visudo -c on the whole configuration"_s;
        QTest::newRow("a file too large to check is not left out")
            << QByteArray("[{\"write\": [\"etc/sudoers.d/huge\", \"" +
                          QByteArray(9 * 1024 * 1024 / 64, 'x')
                              .replace("x", "# padding padding padding padding padding padding padding pad\\n") +
                          "\", 288]}]")
            << u"'/etc/sudoers.d/huge' is larger than"_s;
        QTest::newRow("/etc/sudoers does not include sudoers.d")
            << QByteArray("[{\"write\": [\"etc/sudoers\", \"root ALL=(ALL:ALL) ALL\\n\", 288]}]")
            << u"/etc/sudoers does not read '/etc/sudoers.d/deroot-sudoagent'"_s;
    }

    void sudoersCheckSeesWhatSudoReads()
    {
        QFETCH(QByteArray, setup);
        QFETCH(QString, says);
        Machine machine;
        machine.runner->statusFor = TestSupport::unprivilegedAgentStatus;
        const ApplyRequest request = machine.request(u"sudo"_s);
        const QJsonDocument steps = QJsonDocument::fromJson(setup);
        QVERIFY2(steps.isArray(), setup.left(200).constData());
        QVERIFY(TestSupport::applySetup(machine.root, steps.array()));
        const QStringList before = TestSupport::manifest(machine.root);
        Engine engine(machine.system());
        const auto plan = engine.validate(request);
        QVERIFY2(!plan.ok(), "accepted a drop-in sudo would not read as checked");
        QCOMPARE(plan.error().code, ExitCode::Refused);
        QVERIFY2(plan.error().message.contains(says), qPrintable(plan.error().message));
        QVERIFY(!plan.error().message.contains(u'\n'));
        QCOMPARE(TestSupport::manifest(machine.root), before);
        // What sudo skips (a name with a dot, a dangling symlink, a directory) is not in the way.
        Machine clean;
        clean.runner->statusFor = TestSupport::unprivilegedAgentStatus;
        QVERIFY(TestSupport::applySetup(
            clean.root, QJsonDocument::fromJson("[{\"write\": [\"etc/sudoers.d/old.dpkg-old\", \"Cmnd_Alias "
                                                "DEROOT_SUDOAGENT_1 = /usr/bin/true\\n\", 288]}, {\"symlink\": "
                                                "[\"etc/sudoers.d/gone\", \"../nowhere\"]}, {\"mkdir\": "
                                                "\"etc/sudoers.d/sub\"}]")
                            .array()));
        Engine cleanEngine(clean.system());
        const auto accepted = cleanEngine.validate(clean.request(u"sudo"_s));
        QVERIFY2(accepted.ok(), accepted.ok() ? "" : qPrintable(accepted.error().message));
    }

    // An undo writes sudoers bytes back only if visudo accepts them with sudoers.d as it is now:
    // the previous drop-in may clash with a file added since, and would break sudo for everyone.
    void undoDoesNotWriteBackSudoersVisudoRefuses()
    {
        Machine machine;
        machine.runner->statusFor = TestSupport::unprivilegedAgentStatus;
        const QString dropIn = machine.root + u"/etc/sudoers.d/deroot-sudoagent"_s;
        QVERIFY(writeFile(dropIn, "Cmnd_Alias DEROOT_OLD = /usr/bin/id\n", 0440));
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(u"sudo"_s));
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        const auto outcome = engine.apply(*plan, 0, {});
        QVERIFY2(outcome.ok() && outcome->ok, outcome.ok() ? qPrintable(outcome->message) : "");
        const QByteArray applied = readFile(dropIn);
        QVERIFY(applied.contains("DEROOT_SUDOAGENT_1"));
        // Valid with the applied drop-in, not with the previous one.
        QVERIFY(writeFile(machine.root + u"/etc/sudoers.d/site"_s, "Cmnd_Alias DEROOT_OLD = /usr/bin/true\n", 0440));
        QVERIFY(sudoersValid(machine));
        const auto error = engine.rollback(outcome->applyId, 0);
        QVERIFY2(error.has_value(), "the rollback wrote back a sudoers file visudo refuses");
        QVERIFY2(error->message.contains(u"the previous '/etc/sudoers.d/deroot-sudoagent' is not written back"_s),
                 qPrintable(error->message));
        QCOMPARE(readFile(dropIn), applied);
        QVERIFY(sudoersValid(machine));
        QCOMPARE(state(engine, outcome->applyId), u"rollback-failed"_s);
    }

    // The journal keeps no copy of the account files (shadow and gshadow hold password hashes),
    // and an undo decides with the same four files it writes back: a change made since to any
    // other (subuid, a backup) is never reverted.
    void accountFilesAreRestoredFromHashesNotCopies()
    {
        Machine machine;
        // A backup from an earlier change, with an older password hash than shadow's.
        QVERIFY(writeFile(machine.root + u"/etc/shadow-"_s, "root:$6$old$oldhash:18000:0:99999:7:::\n", 0640));
        const QByteArray shadow = readFile(machine.root + u"/etc/shadow"_s);
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(u"caps"_s));
        QVERIFY(plan.ok());
        const auto outcome = engine.apply(*plan, 0, {});
        QVERIFY(outcome.ok() && outcome->ok);
        const QByteArray record = readFile(recordPath(machine, outcome->applyId));
        QVERIFY(!record.contains(shadow.toBase64()));
        QVERIFY(!record.contains("\"bytes\""));
        QVERIFY(!record.contains(QByteArray("root:$6$old$oldhash").toBase64()));
        QCOMPARE(recordOnDisk(machine, outcome->applyId).value(u"format"_s).toString(), u"deroot.journal/2"_s);
        // podman's usermod --add-subuids, after the apply.
        QVERIFY(writeFile(machine.root + u"/etc/subuid"_s, "alice:100000:65536\n"));
        QVERIFY(!engine.rollback(outcome->applyId, 0));
        QCOMPARE(readFile(machine.root + u"/etc/shadow"_s), shadow);
        QVERIFY(!readFile(machine.root + u"/etc/passwd"_s).contains("deroot-capsagent"));
        QCOMPARE(readFile(machine.root + u"/etc/subuid"_s), QByteArray("alice:100000:65536\n"));
        // The backup is useradd's (shadow as it was before the apply), not the stale one.
        QCOMPARE(readFile(machine.root + u"/etc/shadow-"_s), shadow);
    }

    // A password rotated between the apply and its undo is kept: shadow no longer differs from
    // its state before by this user's lines alone, so userdel removes the user instead.
    void passwordChangedSinceTheApplyIsKept()
    {
        Machine machine;
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(u"caps"_s));
        QVERIFY(plan.ok());
        const auto outcome = engine.apply(*plan, 0, {});
        QVERIFY(outcome.ok() && outcome->ok);
        QByteArray shadow = readFile(machine.root + u"/etc/shadow"_s);
        shadow.replace("alice:*:", "alice:$6$new$rotated:");
        QVERIFY(writeFile(machine.root + u"/etc/shadow"_s, shadow, 0640));
        QVERIFY(!engine.rollback(outcome->applyId, 0));
        const QByteArray after = readFile(machine.root + u"/etc/shadow"_s);
        QVERIFY(after.contains("alice:$6$new$rotated:"));
        QVERIFY(!after.contains("deroot-capsagent"));
        QVERIFY(engine.history().at(0).toObject().value(u"notes"_s).toArray().at(0).toString().contains(u"userdel"_s));
    }

    // The check and the write of the account files happen under lckpwdf()'s lock: while another
    // program holds it (vipw, passwd), the undo waits, and at its limit changes nothing.
    void accountFilesAreChangedOnlyUnderTheirLock()
    {
        Machine machine;
        System system = machine.system();
        system.accountLockTimeoutMs = 300;
        Engine engine(system);
        const auto plan = engine.validate(machine.request(u"caps"_s));
        QVERIFY(plan.ok());
        const auto outcome = engine.apply(*plan, 0, {});
        QVERIFY(outcome.ok() && outcome->ok);
        int ready[2];
        int release[2];
        QCOMPARE(::pipe(ready), 0);
        QCOMPARE(::pipe(release), 0);
        const QByteArray lockFile = QFile::encodeName(machine.root + u"/etc/.pwd.lock"_s);
        const pid_t holder = ::fork();
        QVERIFY(holder >= 0);
        if (holder == 0) {
            const int fd = ::open(lockFile.constData(), O_WRONLY);
            struct flock lock{};
            lock.l_type = F_WRLCK;
            lock.l_whence = SEEK_SET;
            const char byte = fd >= 0 && ::fcntl(fd, F_SETLKW, &lock) == 0 ? 'y' : 'n';
            (void)!::write(ready[1], &byte, 1);
            char wait = 0;
            (void)!::read(release[0], &wait, 1);
            ::_exit(0);
        }
        char locked = 0;
        QCOMPARE(::read(ready[0], &locked, 1), ssize_t(1));
        QCOMPARE(locked, 'y');
        const QStringList held = TestSupport::manifest(machine.root);
        const auto error = engine.rollback(outcome->applyId, 0);
        (void)!::write(release[1], "x", 1);
        int status = 0;
        QCOMPARE(::waitpid(holder, &status, 0), holder);
        QVERIFY2(error.has_value(), "the account files were changed while another program held their lock");
        QVERIFY2(error->message.contains(u"stayed locked by another program"_s), qPrintable(error->message));
        const QStringList now = TestSupport::manifest(machine.root);
        for (const QString &file : {u"/etc/passwd "_s, u"/etc/shadow "_s, u"/etc/group "_s, u"/etc/gshadow "_s}) {
            const auto line = [&](const QStringList &manifest) {
                for (const QString &entry : manifest) {
                    if (entry.startsWith(file)) {
                        return entry;
                    }
                }
                return QString();
            };
            QCOMPARE(line(now), line(held));
        }
        QVERIFY(readFile(machine.root + u"/etc/passwd"_s).contains("deroot-capsagent"));
    }

    // A record of the first format kept whole copies of the account files: the next start drops
    // them, and its undo still restores the files byte for byte.
    void firstFormatRecordsLoseTheirCopiesAndStillUndo()
    {
        Machine machine;
        const QStringList before = TestSupport::manifest(machine.root);
        QMap<QString, QByteArray> files;
        for (const QString &name : {u"passwd"_s, u"group"_s, u"shadow"_s, u"gshadow"_s}) {
            files.insert(u"/etc/"_s + name, readFile(machine.root + u"/etc/"_s + name));
        }
        QString id;
        {
            Engine engine(machine.system());
            const auto plan = engine.validate(machine.request(u"caps"_s));
            QVERIFY(plan.ok());
            const auto outcome = engine.apply(*plan, 0, {});
            QVERIFY(outcome.ok() && outcome->ok);
            id = outcome->applyId;
        }
        // Rewritten as the first format wrote it: "files" with every account file's bytes.
        QJsonObject record = recordOnDisk(machine, id);
        QJsonArray entries = record.value(u"entries"_s).toArray();
        QJsonObject entry = entries.at(0).toObject();
        QCOMPARE(entry.value(u"kind"_s).toString(), u"create-user"_s);
        QJsonObject old;
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            const QJsonObject stamp = entry.value(u"accounts"_s).toObject().value(it.key()).toObject();
            old.insert(it.key(), QJsonObject{{u"exists"_s, true},
                                             {u"bytes"_s, QString::fromLatin1(it.value().toBase64())},
                                             {u"mode"_s, stamp.value(u"mode"_s)},
                                             {u"uid"_s, 0},
                                             {u"gid"_s, 0}});
        }
        for (const QString &backup : {u"/etc/passwd-"_s, u"/etc/group-"_s, u"/etc/shadow-"_s, u"/etc/gshadow-"_s}) {
            old.insert(backup, QJsonObject{{u"exists"_s, false}});
        }
        entry.remove(u"accounts"_s);
        entry.insert(u"files"_s, old);
        entries[0] = entry;
        record.insert(u"entries"_s, entries);
        record.insert(u"format"_s, u"deroot.journal/1"_s);
        QVERIFY(writeFile(recordPath(machine, id), QJsonDocument(record).toJson(QJsonDocument::Compact), 0600));
        QVERIFY(readFile(recordPath(machine, id)).contains(files.value(u"/etc/shadow"_s).toBase64()));

        Engine restarted(machine.system());
        restarted.recover();
        const QByteArray scrubbed = readFile(recordPath(machine, id));
        QVERIFY(!scrubbed.contains(files.value(u"/etc/shadow"_s).toBase64()));
        const QJsonObject user = recordOnDisk(machine, id).value(u"entries"_s).toArray().at(0).toObject();
        QVERIFY(!user.contains(u"files"_s));
        QCOMPARE(user.value(u"accounts"_s).toObject().value(u"/etc/shadow"_s).toObject().value(u"sha256"_s).toString(),
                 QString::fromLatin1(
                     QCryptographicHash::hash(files.value(u"/etc/shadow"_s), QCryptographicHash::Sha256).toHex()));
        QVERIFY(!restarted.rollback(id, 0));
        QCOMPARE(TestSupport::manifest(machine.root), before);
    }

    void rollbackIdIsChecked_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("traversal") << u"../../etc/passwd"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("newline") << u"20261127T101500Z-1a2b3c4d\n"_s;
        QTest::newRow("unknown") << u"20261127T101500Z-1a2b3c4d"_s;
    }

    void rollbackIdIsChecked()
    {
        QFETCH(QString, id);
        Machine machine;
        Engine engine(machine.system());
        const auto error = engine.rollback(id, 0);
        QVERIFY(error.has_value());
        QVERIFY(!error->message.contains(u'\n'));
        QVERIFY(engine.status(id).isEmpty());
    }

#ifdef DEROOT_CRASH_HOOK
    // The crash hook exists only in builds with DEROOT_CRASH_HOOK (the ci preset, which tools/dev
    // test uses), and so do these two tests: elsewhere there is nothing to kill the engine with.

    // Killed at every step boundary, the next start restores the old state; sudo's
    // configuration passes visudo -c every time.
    void recoversFromAKillAtEveryStepBoundary_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("boundary");
        for (const QString &kind : {u"caps"_s, u"sudo"_s, u"replace"_s, u"scheduled"_s}) {
            Machine machine;
            const auto plan = parseApplyRequest(machine.request(kind));
            QVERIFY(plan.ok());
            const int steps = int(plan->steps.size());
            for (int boundary = 0; boundary < 2 * steps; ++boundary) {
                QTest::addRow("%s, boundary %d", qPrintable(kind), boundary) << kind << boundary;
            }
        }
    }

    void recoversFromAKillAtEveryStepBoundary()
    {
        QFETCH(QString, kind);
        QFETCH(int, boundary);
        Machine machine;
        if (kind == u"sudo") {
            machine.runner->statusFor = [](qint64) -> QByteArray { return {}; };
        }
        if (kind == u"replace") {
            installReplacedUnit(machine, true, true);
        }
        const QStringList before = TestSupport::manifest(machine.root);
        const QStringList activeBefore = machine.runner->activeUnits();
        const ApplyRequest request = machine.request(kind);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            Engine engine(machine.system(boundary));
            const auto plan = engine.validate(request);
            if (plan.ok()) {
                (void)engine.apply(*plan, 0, {});
            }
            ::_exit(0);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the crash hook did not kill the engine");
        Engine restarted(machine.system());
        const QStringList recovered = restarted.recover();
        QCOMPARE(recovered.size(), 1);
        QVERIFY2(recovered.constFirst().contains(u"rolled back"_s), qPrintable(recovered.constFirst()));
        QCOMPARE(TestSupport::manifest(machine.root), before);
        const ToolRun visudo =
            machine.runner->run(u"/usr/sbin/visudo"_s, {u"-c"_s, u"-f"_s, machine.root + u"/etc/sudoers"_s}, {}, 30000);
        QVERIFY2(visudo.finished && visudo.exitCode == 0, visudo.out.constData());
        QCOMPARE(restarted.history().at(0).toObject().value(u"state"_s).toString(), u"failed"_s);
        // The replaced unit runs again, the new unit or timer does not.
        QCOMPARE(machine.runner->activeUnits(), activeBefore);
    }

    // Killed at every boundary of a rollback (the undo hook), the next start finishes it: the old
    // state, the service manager reloaded when a unit was involved (even when the kill came after
    // the last step was journalled as undone, before the reload), and the apply rolled back.
    void finishesARollbackKilledAtEveryBoundary_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("boundary");
        QTest::addColumn<int>("boundaries");
        for (const QString &kind : {u"caps"_s, u"sudo"_s, u"setcap"_s, u"replace"_s, u"scheduled"_s}) {
            Machine machine;
            const auto plan = parseApplyRequest(machine.request(kind));
            QVERIFY(plan.ok());
            // Each step undone has two boundaries, the reload and restarts after them two more;
            // one past the last must not kill.
            const int boundaries = 2 * int(plan->steps.size()) + 2;
            for (int boundary = 0; boundary <= boundaries; ++boundary) {
                QTest::addRow("%s, undo boundary %d of %d", qPrintable(kind), boundary, boundaries)
                    << kind << boundary << boundaries;
            }
        }
    }

    void finishesARollbackKilledAtEveryBoundary()
    {
        QFETCH(QString, kind);
        QFETCH(int, boundary);
        QFETCH(int, boundaries);
        Machine machine;
        if (kind == u"sudo") {
            // The sudo plan's agent runs unprivileged: no capabilities, no_new_privs off.
            machine.runner->statusFor = TestSupport::unprivilegedAgentStatus;
        }
        if (kind == u"replace") {
            installReplacedUnit(machine, true, true);
        }
        const QStringList before = TestSupport::manifest(machine.root);
        const QStringList activeBefore = machine.runner->activeUnits();
        QString id;
        bool hasUnit = false;
        {
            Engine engine(machine.system());
            const auto plan = engine.validate(machine.request(kind));
            QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
            for (const PlanStep &step : plan->steps) {
                hasUnit = hasUnit || step.kind == PlanStep::Kind::WriteUnit;
            }
            const auto outcome = engine.apply(*plan, 0, {});
            QVERIFY2(outcome.ok() && outcome->ok, outcome.ok() ? qPrintable(outcome->message) : "");
            id = outcome->applyId;
        }
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            Engine engine(machine.system(-1, boundary));
            ::_exit(engine.rollback(id, 0) ? 1 : 0);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        machine.runner->calls.clear();
        Engine restarted(machine.system());
        const QStringList recovered = restarted.recover();
        if (boundary == boundaries) {
            QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a rollback past its last boundary failed");
            QVERIFY(recovered.isEmpty());
        } else {
            QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the crash hook did not kill the rollback");
            QCOMPARE(recovered.size(), 1);
            QVERIFY2(recovered.constFirst().contains(u"rolled back"_s), qPrintable(recovered.constFirst()));
            if (hasUnit) {
                QVERIFY2(machine.runner->calls.contains(u"/usr/bin/systemctl daemon-reload"_s),
                         qPrintable(machine.runner->calls.join(u'\n')));
            }
        }
        QCOMPARE(TestSupport::manifest(machine.root), before);
        QCOMPARE(machine.runner->activeUnits(), activeBefore);
        QCOMPARE(state(restarted, id), u"rolled-back"_s);
        const ToolRun visudo =
            machine.runner->run(u"/usr/sbin/visudo"_s, {u"-c"_s, u"-f"_s, machine.root + u"/etc/sudoers"_s}, {}, 30000);
        QVERIFY2(visudo.finished && visudo.exitCode == 0, visudo.out.constData());
    }
#endif

    void refusesHostileRequests_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("expect");
        QTest::addColumn<QJsonObject>("json");
        const auto cases = TestSupport::readHostileCases(QStringLiteral(DEROOT_TEST_DATA "/plans"));
        QVERIFY(cases.size() >= 100);
        for (const auto &hostileCase : cases) {
            QTest::newRow(qPrintable(hostileCase.name)) << hostileCase.base << hostileCase.expect << hostileCase.json;
        }
    }

    void refusesHostileRequests()
    {
        QFETCH(QString, base);
        QFETCH(QString, expect);
        QFETCH(QJsonObject, json);
        Machine machine;
        const ApplyRequest clean = machine.request(base);
        QVERIFY(TestSupport::applySetup(machine.root, json.value(u"setup"_s).toArray()));
        TestSupport::HostileCase hostileCase;
        hostileCase.json = json;
        const ApplyRequest request = TestSupport::mutateRequest(clean, hostileCase);
        const QStringList before = TestSupport::manifest(machine.root);
        Engine engine(machine.system());
        const auto plan = engine.validate(request);
        // A case whose refusal another branch adds to the engine ("pending" in make-corpus.py) is
        // an expected failure: the merge that makes the engine refuse it fails here (XPASS), and
        // then its mark goes.
        if (json.contains(u"pending"_s)) {
            QEXPECT_FAIL("", qPrintable(u"not refused before "_s + json.value(u"pending"_s).toString()), Abort);
        }
        QVERIFY2(!plan.ok(), "a hostile request was accepted");
        QVERIFY2(plan.error().message.contains(expect),
                 qPrintable(u"expected %1 in: %2"_s.arg(expect, plan.error().message)));
        QVERIFY2(!plan.error().message.contains(u'\n'), qPrintable(plan.error().message));
        // The same request with the base plan's validation passing (system cases): apply refuses
        // it too, checking again on its own.
        if (json.contains(u"setup"_s)) {
            const auto cleanPlan = parseApplyRequest(request);
            if (cleanPlan.ok()) {
                const auto outcome = engine.apply(*cleanPlan, 0, {});
                QVERIFY(!outcome.ok());
            }
        }
        QCOMPARE(TestSupport::manifest(machine.root), before);
        QVERIFY(engine.history().isEmpty());
    }

    // Drift repair: the capabilities an apply set, lost as a package reinstall loses them (a new
    // inode renamed over the program), set again from the journal alone; blocked for a changed
    // program and for an admin's statoverride; the rollback afterwards restores what was there.
    void reconcileSetsLostCapabilitiesAgain_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("nothing lost: holding") << u"none"_s << u"holding"_s << u"in place"_s;
        QTest::newRow("reinstalled: restored") << u"reinstall"_s << u"restored"_s << u"SHA-256 is the plan's"_s;
        QTest::newRow("removed by hand: restored") << u"removexattr"_s << u"restored"_s << u"set again"_s;
        QTest::newRow("another program: blocked")
            << u"replace"_s << u"blocked"_s << u"not the file that was reviewed"_s;
        QTest::newRow("statoverride: hands off") << u"override"_s << u"blocked"_s << u"dpkg-statoverride holds"_s;
        QTest::newRow("hard link: blocked") << u"hardlink"_s << u"blocked"_s << u"hard links"_s;
        QTest::newRow("symlink in its place: blocked") << u"symlink"_s << u"blocked"_s << u"is a symlink"_s;
    }

    void reconcileSetsLostCapabilitiesAgain()
    {
        QFETCH(QString, change);
        QFETCH(QString, outcome);
        QFETCH(QString, messagePart);
        Machine machine;
        const QStringList before = TestSupport::manifest(machine.root);
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(u"setcap"_s));
        QVERIFY2(plan.ok(), qPrintable(plan.error().message));
        const auto applied = engine.apply(*plan, 1000, {});
        QVERIFY(applied.ok() && applied->ok);
        const QString program = machine.root + TestSupport::kTestProgram;
        const QByteArray path = QFile::encodeName(program);
        char set[64];
        const ssize_t setSize = ::getxattr(path.constData(), "security.capability", set, sizeof set);
        QVERIFY(setSize > 0);
        const auto replaceWith = [&](const QByteArray &bytes) {
            const QString staged = program + u".new"_s;
            QFile file(staged);
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size());
            file.close();
            QVERIFY(QFile::setPermissions(staged, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                      QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                                      QFile::ExeOther));
            QCOMPARE(::rename(QFile::encodeName(staged).constData(), path.constData()), 0);
        };
        if (change == u"reinstall") {
            replaceWith(TestSupport::kTestProgramBytes);
        } else if (change == u"removexattr") {
            QCOMPARE(::removexattr(path.constData(), "security.capability"), 0);
        } else if (change == u"replace") {
            replaceWith(TestSupport::kTestProgramBytes + "# a new version\n");
        } else if (change == u"override") {
            replaceWith(TestSupport::kTestProgramBytes);
            QVERIFY(QDir().mkpath(machine.root + u"/var/lib/dpkg"_s));
            QFile database(machine.root + u"/var/lib/dpkg/statoverride"_s);
            QVERIFY(database.open(QIODevice::WriteOnly));
            database.write("root staff 2755 /usr/local/bin/deroot-test-agent2\nroot root 0755 " +
                           TestSupport::kTestProgram.toUtf8() + '\n');
        } else if (change == u"hardlink") {
            replaceWith(TestSupport::kTestProgramBytes);
            QCOMPARE(::link(path.constData(), QFile::encodeName(program + u".link"_s).constData()), 0);
        } else if (change == u"symlink") {
            QCOMPARE(::rename(path.constData(), QFile::encodeName(program + u".real"_s).constData()), 0);
            QVERIFY(QFile::link(program + u".real"_s, program));
        }
        const auto items = engine.reconcileCapabilities(QString(), 0);
        QVERIFY2(items.ok(), qPrintable(items.error().message));
        QCOMPARE(items->size(), 1);
        QCOMPARE(items->first().outcome, outcome);
        QVERIFY2(items->first().message.contains(messagePart), qPrintable(items->first().message));
        char now[64];
        // Not following a symlink in the program's place: what is there, not what it points to.
        const ssize_t nowSize = ::lgetxattr(path.constData(), "security.capability", now, sizeof now);
        if (outcome == u"blocked") {
            // Never set on what was not approved.
            QVERIFY(nowSize < 0);
        } else {
            QCOMPARE(QByteArray(now, int(nowSize)), QByteArray(set, int(setSize)));
        }
        // Journalled and visible: the record says what happened, History() what is expected.
        const QJsonObject entry = engine.status(applied->applyId);
        QCOMPARE(entry.value(u"program_sha256"_s).toString(), plan->programSha256);
        const QJsonArray reconciled = entry.value(u"reconciled"_s).toArray();
        QCOMPARE(reconciled.size(), outcome == u"holding" ? 0 : 1);
        // A second run: holding once restored, blocked again (and journalled) otherwise.
        const auto again = engine.reconcileCapabilities(applied->applyId, 0);
        QVERIFY(again.ok());
        QCOMPARE(again->first().outcome, outcome == u"blocked" ? u"blocked"_s : u"holding"_s);
        if (change == u"none" || change == u"reinstall" || change == u"removexattr") {
            // The rollback after a reconcile restores the machine as it was before the apply.
            const auto error = engine.rollback(applied->applyId, 1000);
            QVERIFY2(!error, error ? qPrintable(error->message) : "");
            QCOMPARE(TestSupport::manifest(machine.root), before);
            // Nothing of a rolled-back apply is reconciled.
            QCOMPARE(engine.reconcileCapabilities(applied->applyId, 0).error().code, ExitCode::Failure);
        }
    }

    // What a reconcile would give again that is root-equivalent, from the journal's real records:
    // the capabilities for either scope, the plan's other grants (a group) for everything.
    void reconcileGrantsAreTheRootEquivalentOnesInPlace()
    {
        Machine machine;
        Engine engine(machine.system());
        QVERIFY(engine.reconcileGrants(QString(), true).isEmpty());
        // capsdocker's group, as the docker package makes it.
        QVERIFY(
            writeFile(machine.root + u"/etc/group"_s, readFile(machine.root + u"/etc/group"_s) + "docker:x:990:\n"));
        QStringList ids;
        for (const QString &kind : {u"caps"_s, u"capsadmin"_s, u"capsdocker"_s}) {
            // The running agent as each plan has it: CAP_NET_RAW, and CAP_SYS_ADMIN for capsadmin.
            const QByteArray mask = kind == u"capsadmin" ? "0000000000202000" : "0000000000002000";
            machine.runner->statusFor = [mask](qint64 uid) {
                return TestSupport::capsAgentStatus(uid).replace("0000000000002000", mask);
            };
            const auto plan = engine.validate(machine.request(kind));
            QVERIFY2(plan.ok(), qPrintable(plan.error().message));
            const auto applied = engine.apply(*plan, 1000, {});
            QVERIFY2(applied.ok() && applied->ok, qPrintable(applied ? applied->message : applied.error().message));
            ids << applied->applyId;
        }
        // CAP_NET_RAW is not root-equivalent.
        QVERIFY(engine.reconcileGrants(ids.at(0), true).isEmpty());
        QCOMPARE(engine.reconcileGrants(ids.at(1), false),
                 QStringList{u"CAP_SYS_ADMIN (root-equivalent capability)"_s});
        QCOMPARE(engine.reconcileGrants(ids.at(1), true), QStringList{u"CAP_SYS_ADMIN (root-equivalent capability)"_s});
        // The group is not a capability: a capabilities reconcile cannot give it again.
        QVERIFY(engine.reconcileGrants(ids.at(2), false).isEmpty());
        QCOMPARE(engine.reconcileGrants(ids.at(2), true), QStringList{u"group docker (root-equivalent group)"_s});
        QCOMPARE(engine.reconcileGrants(QString(), true), (QStringList{u"CAP_SYS_ADMIN (root-equivalent capability)"_s,
                                                                       u"group docker (root-equivalent group)"_s}));
        // Nothing for an id that is not an apply in place.
        QVERIFY(engine.reconcileGrants(u"../../etc/shadow"_s, true).isEmpty());
        // Nor for one rolled back (the newest first, as rollbacks go).
        const auto rolledBack = engine.rollback(ids.at(2), 1000);
        QVERIFY2(!rolledBack, qPrintable(rolledBack ? rolledBack->message : QString()));
        QVERIFY(engine.reconcileGrants(ids.at(2), true).isEmpty());
        QCOMPARE(engine.reconcileGrants(QString(), true), QStringList{u"CAP_SYS_ADMIN (root-equivalent capability)"_s});
    }

    void reconcilePutsBackWhatDrifted_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("nothing drifted") << u"caps"_s << u"none"_s << QString() << QString();
        QTest::newRow("unit edited") << u"caps"_s << u"edit-unit"_s << u"file"_s << u"restored"_s;
        QTest::newRow("unit removed") << u"caps"_s << u"remove-unit"_s << u"file"_s << u"restored"_s;
        QTest::newRow("unit made writable by all") << u"caps"_s << u"chmod-unit"_s << u"file"_s << u"restored"_s;
        QTest::newRow("sysusers.d edited") << u"caps"_s << u"edit-sysusers"_s << u"file"_s << u"restored"_s;
        QTest::newRow("sudoers widened") << u"sudo"_s << u"edit-sudoers"_s << u"file"_s << u"restored"_s;
        QTest::newRow("user deleted") << u"caps"_s << u"userdel"_s << u"user"_s << u"restored"_s;
        QTest::newRow("record without its plan: blocked") << u"caps"_s << u"no-plan"_s << u"file"_s << u"blocked"_s;
        // The journal is root's; were it edited anyway, reconcile still writes only what Deroot's
        // generators write from a plan the apply recorded.
        QTest::newRow("plan edited in the journal, its hash recomputed: blocked")
            << u"caps"_s << u"edited-plan"_s << u"file"_s << u"blocked"_s;
        QTest::newRow("another valid plan in the journal, its hash recomputed: blocked")
            << u"caps"_s << u"swapped-plan"_s << u"file"_s << u"blocked"_s;
        QTest::newRow("program replaced: blocked") << u"caps"_s << u"replace-program"_s << u"file"_s << u"blocked"_s;
    }

    // Everything an apply wrote or created comes back as the apply made it, from the plan its
    // record keeps and after the checks of an apply; a rollback afterwards still restores the
    // machine as it was before the apply.
    void reconcilePutsBackWhatDrifted()
    {
        QFETCH(QString, kind);
        QFETCH(QString, change);
        QFETCH(QString, what);
        QFETCH(QString, outcome);
        Machine machine;
        if (kind == u"sudo") {
            machine.runner->statusFor = TestSupport::unprivilegedAgentStatus;
        }
        const QStringList before = TestSupport::manifest(machine.root);
        Engine engine(machine.system());
        const auto plan = engine.validate(machine.request(kind));
        QVERIFY2(plan.ok(), qPrintable(plan.error().message));
        const auto applied = engine.apply(*plan, 1000, {});
        QVERIFY(applied.ok() && applied->ok);
        // The history every local user reads never carries the plan.
        QVERIFY(!QJsonDocument(engine.history()).toJson().contains("plan_json"));
        const QString agent = plan->agent;
        const QString unit = machine.root + u"/etc/systemd/system/deroot-"_s + agent + u".service"_s;
        const QString sysusers = machine.root + u"/etc/sysusers.d/deroot-"_s + agent + u".conf"_s;
        const QString sudoers = machine.root + u"/etc/sudoers.d/deroot-"_s + agent;
        const QString target = kind == u"sudo" ? sudoers : (change == u"edit-sysusers" ? sysusers : unit);
        const QByteArray written = readFile(target);
        QVERIFY(!written.isEmpty());
        const QStringList appliedManifest = TestSupport::manifest(machine.root);
        if (change == u"edit-sysusers") {
            QVERIFY(writeFile(target, written + "u extra - \"added by hand\"\n", 0644));
        } else if (change == u"edit-unit" || change == u"no-plan" || change == u"replace-program" ||
                   change == u"edited-plan" || change == u"swapped-plan") {
            QVERIFY(writeFile(target, QByteArray(written).replace("User=", "User=root\n#"), 0644));
        } else if (change == u"remove-unit") {
            QVERIFY(QFile::remove(target));
        } else if (change == u"chmod-unit") {
            QCOMPARE(::chmod(QFile::encodeName(target).constData(), 0666), 0);
        } else if (change == u"edit-sudoers") {
            QVERIFY(writeFile(target, written + "deroot-sudoagent ALL=(root) NOPASSWD: ALL\n", 0440));
        } else if (change == u"userdel") {
            QCOMPARE(
                QProcess::execute(u"/usr/sbin/userdel"_s, {u"--prefix"_s, machine.root, u"--"_s, plan->serviceUser}),
                0);
        }
        if (change == u"no-plan" || change == u"edited-plan" || change == u"swapped-plan") {
            const QString path = machine.root + u"/var/lib/deroot/applies/"_s + applied->applyId + u".json"_s;
            QJsonObject record = QJsonDocument::fromJson(readFile(path)).object();
            QVERIFY(record.contains(u"plan_json"_s));
            if (change == u"no-plan") {
                // A record written before the journal kept the plan: what it wrote cannot be regenerated.
                record.remove(u"plan_json"_s);
            } else {
                // A plan that grants more (edited), or another valid plan, with the record's hash
                // recomputed to match it.
                QByteArray plan = record.value(u"plan_json"_s).toString().toUtf8();
                if (change == u"edited-plan") {
                    plan.replace("\"CAP_NET_RAW\"", "\"CAP_NET_RAW\", \"CAP_SYS_ADMIN\"");
                    QVERIFY(plan.contains("CAP_SYS_ADMIN"));
                } else {
                    plan = machine.request(u"sudo"_s).planJson;
                }
                record.insert(u"plan_json"_s, QString::fromUtf8(plan));
                record.insert(u"plan_sha256"_s,
                              QString::fromLatin1(QCryptographicHash::hash(plan, QCryptographicHash::Sha256).toHex()));
            }
            QVERIFY(writeFile(path + u".new"_s, QJsonDocument(record).toJson(), 0600));
            QCOMPARE(::rename(QFile::encodeName(path + u".new"_s).constData(), QFile::encodeName(path).constData()), 0);
        }
        if (change == u"replace-program") {
            // The program is no longer the one the plan was approved for: the checks of an apply refuse it.
            const QString program = machine.root + TestSupport::kTestProgram;
            QVERIFY(writeFile(program + u".new"_s, TestSupport::kTestProgramBytes + "# another\n", 0755));
            QCOMPARE(
                ::rename(QFile::encodeName(program + u".new"_s).constData(), QFile::encodeName(program).constData()),
                0);
        }
        const QByteArray drifted = readFile(target);
        machine.runner->calls.clear();
        const auto items = engine.reconcile(QString(), 0);
        QVERIFY2(items.ok(), qPrintable(items.error().message));
        if (what.isEmpty()) {
            QVERIFY(items->isEmpty());
            QVERIFY(machine.runner->calls.isEmpty());
            QCOMPARE(TestSupport::manifest(machine.root), appliedManifest);
        } else {
            QVERIFY(!items->isEmpty());
            const ReconcileItem &first = items->first();
            QCOMPARE(first.what, what);
            QVERIFY2(first.outcome == outcome, qPrintable(first.outcome + u": "_s + first.message));
            if (outcome == u"blocked") {
                // Nothing written, nothing restarted, and it says why.
                QCOMPARE(items->size(), 1);
                const QString why = change == u"no-plan"        ? u"before the journal kept its plan"_s
                                    : change == u"edited-plan"  ? u"its plan is refused now"_s
                                    : change == u"swapped-plan" ? u"not the one the apply recorded"_s
                                                                : u"SHA-256"_s;
                QVERIFY2(first.message.contains(why), qPrintable(first.message));
                QCOMPARE(readFile(target), drifted);
                QVERIFY(!machine.runner->calls.join(u'\n').contains(u"restart"_s));
                return;
            }
            // As the apply left it: bytes, mode, owner, user; and the agent runs as the plan says.
            QCOMPARE(TestSupport::manifest(machine.root), appliedManifest);
            if (change != u"edit-sysusers" && change != u"edit-sudoers") {
                const QString calls = machine.runner->calls.join(u'\n');
                QVERIFY2(calls.contains(u"daemon-reload"_s) && calls.contains(u"restart"_s), qPrintable(calls));
                QCOMPARE(items->last().what, u"unit"_s);
                QVERIFY2(items->last().outcome == u"restored"_s, qPrintable(items->last().message));
            }
            // Journalled, and holding now: a second reconcile has nothing to do.
            QVERIFY(!engine.status(applied->applyId).value(u"reconciled"_s).toArray().isEmpty());
            machine.runner->calls.clear();
            const auto again = engine.reconcile(applied->applyId, 0);
            QVERIFY(again.ok() && again->isEmpty());
        }
        const auto error = engine.rollback(applied->applyId, 1000);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QCOMPARE(TestSupport::manifest(machine.root), before);
    }

    void reconcileRefusesBadIds()
    {
        Machine machine;
        Engine engine(machine.system());
        QCOMPARE(engine.reconcileCapabilities(u"../../etc/shadow"_s, 0).error().code, ExitCode::Usage);
        QCOMPARE(engine.reconcileCapabilities(u"20261127T101500Z-1a2b3c4d"_s, 0).error().code, ExitCode::NotFound);
        QCOMPARE(engine.reconcile(u"../../etc/shadow"_s, 0).error().code, ExitCode::Usage);
        QCOMPARE(engine.reconcile(u"20261127T101500Z-1a2b3c4d"_s, 0).error().code, ExitCode::NotFound);
        const auto nothing = engine.reconcile(QString(), 0);
        QVERIFY(nothing.ok() && nothing->isEmpty());
        const auto none = engine.reconcileCapabilities(QString(), 0);
        QVERIFY(none.ok() && none->isEmpty());
    }
};

QTEST_GUILESS_MAIN(EngineTest)
#include "engine_test.moc"
