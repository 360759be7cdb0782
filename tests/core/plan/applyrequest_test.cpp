// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The apply request's parser and validator (core/plan), with no system access: the plans the real
// generators make are accepted and mapped to typed steps; every hostile case of tests/data/plans
// that needs no system state is refused with ExitCode::Refused, a one-line message and the reason.
#include "core/plan/applyrequest.h"
#include "core/plan/grantsummary.h"
#include "planfixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Deroot;
using namespace Deroot::Core;
using namespace Qt::StringLiterals;

namespace {

const QString kProgram = u"/usr/local/bin/deroot-test-agent"_s;
const QByteArray kProgramBytes = "#!/bin/sh\nexec sleep infinity\n";

ApplyRequest baseRequest(const QString &kind)
{
    QTemporaryDir directory;
    const auto written = TestSupport::writePlanExport(kind, directory.filePath(u"export"_s), kProgram, kProgramBytes);
    if (!written) {
        qFatal("cannot generate the %s plan: %s", qPrintable(kind), qPrintable(written.error().message));
    }
    const auto request = readApplyRequest(*written);
    if (!request) {
        qFatal("cannot read the %s plan: %s", qPrintable(kind), qPrintable(request.error().message));
    }
    return *request;
}

QStringList kinds(const CheckedRequest &plan)
{
    QStringList result;
    for (const PlanStep &step : plan.steps) {
        result << stepKindName(step.kind);
    }
    return result;
}

} // namespace

class ApplyRequestTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsGeneratedPlans_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<int>("areas");
        QTest::addColumn<QString>("unit");
        QTest::newRow("caps with a unit")
            << u"caps"_s << QStringList{u"create-user"_s, u"write-sysusers"_s, u"write-unit"_s,
                                        u"export-only"_s, u"daemon-reload"_s,  u"start-unit"_s}
            << int(PlanArea::Users | PlanArea::Units | PlanArea::Capabilities) << u"deroot-capsagent.service"_s;
        QTest::newRow("sudo") << u"sudo"_s << QStringList{u"create-user"_s, u"write-sysusers"_s, u"write-sudoers"_s,
                                                          u"write-unit"_s,  u"daemon-reload"_s,  u"start-unit"_s}
                              << int(PlanArea::Users | PlanArea::Units | PlanArea::Sudoers)
                              << u"deroot-sudoagent.service"_s;
        QTest::newRow("caps without systemd: setcap")
            << u"setcap"_s << QStringList{u"create-user"_s, u"write-sysusers"_s, u"set-file-caps"_s, u"export-only"_s}
            << int(PlanArea::Users | PlanArea::Units | PlanArea::Capabilities) << QString();
        QTest::newRow("container: export only")
            << u"container"_s << QStringList{u"export-only"_s, u"export-only"_s, u"export-only"_s, u"export-only"_s}
            << 0 << QString();
        // How the agent is started decides the steps.
        QTest::newRow("scheduled: the timer is written like a unit, and it is what starts")
            << u"scheduled"_s << QStringList{u"create-user"_s, u"write-sysusers"_s, u"write-unit"_s, u"write-unit"_s,
                                             u"export-only"_s, u"daemon-reload"_s,  u"start-timer"_s}
            << int(PlanArea::Users | PlanArea::Units | PlanArea::Capabilities) << u"deroot-schedagent.service"_s;
        QTest::newRow("replace: the old unit stops before the reload and the new unit's start")
            << u"replace"_s << QStringList{u"create-user"_s, u"write-sysusers"_s, u"write-unit"_s, u"export-only"_s,
                                           u"stop-unit"_s,   u"daemon-reload"_s,  u"start-unit"_s}
            << int(PlanArea::Users | PlanArea::Units | PlanArea::Capabilities) << u"deroot-switchagent.service"_s;
        QTest::newRow("called by other agents: file capabilities only")
            << u"calledcaps"_s << QStringList{u"set-file-caps"_s, u"export-only"_s} << int(PlanArea::Capabilities)
            << QString();
        QTest::newRow("called by syslog: its sudo rule only")
            << u"calledsudo"_s << QStringList{u"write-sudoers"_s} << int(PlanArea::Sudoers) << QString();
    }

    void acceptsGeneratedPlans()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, steps);
        QFETCH(int, areas);
        QFETCH(QString, unit);
        const ApplyRequest request = baseRequest(kind);
        const auto plan = parseApplyRequest(request);
        QVERIFY2(plan.ok(), qPrintable(plan.error().message));
        QCOMPARE(kinds(*plan), steps);
        QCOMPARE(int(plan->areas.toInt()), areas);
        QCOMPARE(plan->unit, unit);
        QCOMPARE(plan->planSha256.size(), 64);
        const bool called = kind.startsWith(u"called"_s);
        if (kind != u"container") {
            QCOMPARE(plan->programPath, kProgram);
        }
        if (kind != u"container" && !called) {
            QVERIFY(plan->serviceUser.startsWith(u"deroot-"_s));
            QCOMPARE(plan->serviceGroup, plan->serviceUser);
        }
        if (called) {
            // Nobody is created for a called program: its grant goes to whoever calls it.
            QVERIFY(plan->serviceUser.isEmpty());
            QVERIFY(plan->serviceGroup.isEmpty());
        }
        if (kind == u"sudo") {
            QCOMPARE(plan->supplementaryGroups, QStringList{u"adm"_s});
        }
        QCOMPARE(plan->callerUser, kind == u"calledsudo" ? u"syslog"_s : QString());
        QCOMPARE(plan->timer, kind == u"scheduled" ? u"deroot-schedagent.timer"_s : QString());
        QCOMPARE(plan->replacesUnit, kind == u"replace" ? TestSupport::kReplacedUnit : QString());
        for (const PlanStep &step : plan->steps) {
            // A step's target is its unit, for the steps that act on one.
            if (step.kind == PlanStep::Kind::StopUnit) {
                QCOMPARE(step.target, TestSupport::kReplacedUnit);
            } else if (step.kind == PlanStep::Kind::StartTimer) {
                QCOMPARE(step.target, plan->timer);
            } else if (step.kind == PlanStep::Kind::StartUnit) {
                QCOMPARE(step.target, plan->unit);
            }
        }
    }

    // What the admin approves names every change: the unit a switch-over stops and disables, the
    // timer, the caller a called program's rule is for (core/plan/grantsummary.h, the lines the
    // desktop's confirmation and derootctl apply print).
    void grantLinesNameTheStartMode_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("replace") << u"replace"_s
                                 << QStringList{u"Unit: deroot-switchagent.service"_s,
                                                u"Replaces: stops and disables vendor-agent.service; a rollback "
                                                u"enables and starts it again as it was"_s};
        QTest::newRow("scheduled") << u"scheduled"_s
                                   << QStringList{u"Timer: deroot-schedagent.timer starts deroot-schedagent.service on "
                                                  u"the schedule hourly"_s};
        QTest::newRow("called by syslog")
            << u"calledsudo"_s
            << QStringList{u"Service user: none"_s,
                           u"Called by: syslog, an existing user; the sudo rule is for it (no user is created)"_s};
        QTest::newRow("called by anyone")
            << u"calledcaps"_s
            << QStringList{u"Called by: any user who runs it (file capabilities act for every caller)"_s};
    }

    void grantLinesNameTheStartMode()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, expected);
        const auto plan = parseApplyRequest(baseRequest(kind));
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        const QStringList lines = grantLines(*plan);
        for (const QString &line : expected) {
            QVERIFY2(lines.contains(line), qPrintable(line + u"\nnot in:\n"_s + lines.join(u'\n')));
        }
    }

    // The fuzzer's seeds (tests/fuzz/corpus/plan) start from these plans, so that it explores
    // around requests the parser accepts: they must stay accepted as the generators change.
    // DEROOT_REFRESH_FUZZ_SEEDS=1 rewrites them on purpose, like the golden files.
    void fuzzSeedsAreCurrent_data()
    {
        QTest::addColumn<QString>("kind");
        for (const QString &kind : {u"caps"_s, u"sudo"_s, u"setcap"_s, u"container"_s, u"scheduled"_s, u"replace"_s,
                                    u"calledcaps"_s, u"calledsudo"_s}) {
            QTest::newRow(qPrintable(kind)) << kind;
        }
    }

    void fuzzSeedsAreCurrent()
    {
        QFETCH(QString, kind);
        const ApplyRequest request = baseRequest(kind);
        QByteArray seed = request.planJson + QByteArrayView("\0\0", 2);
        for (auto it = request.files.begin(); it != request.files.end(); ++it) {
            seed += it.key().toUtf8() + '\0' + it.value() + '\0';
        }
        QFile file(QStringLiteral(DEROOT_FUZZ_CORPUS "/plan/valid-") + kind);
        if (qEnvironmentVariableIntValue("DEROOT_REFRESH_FUZZ_SEEDS") == 1) {
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(file.write(seed), seed.size());
            return;
        }
        QVERIFY2(file.open(QIODevice::ReadOnly), "run with DEROOT_REFRESH_FUZZ_SEEDS=1 to write the seeds");
        QVERIFY2(file.readAll() == seed, "the generators changed: refresh with DEROOT_REFRESH_FUZZ_SEEDS=1");
    }

    // One changed byte anywhere in any file, after review, is refused (the manifest's hash).
    void refusesEveryChangedByte_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("caps") << u"caps"_s;
        QTest::newRow("sudo") << u"sudo"_s;
        QTest::newRow("setcap") << u"setcap"_s;
    }

    void refusesEveryChangedByte()
    {
        QFETCH(QString, kind);
        const ApplyRequest request = baseRequest(kind);
        for (auto it = request.files.begin(); it != request.files.end(); ++it) {
            // Every 7th byte keeps the test fast and still covers every line of every file.
            for (qsizetype i = 0; i < it.value().size(); i += 7) {
                ApplyRequest changed = request;
                changed.files[it.key()][i] = char(changed.files[it.key()].at(i) ^ 0x01);
                const auto plan = parseApplyRequest(changed);
                QVERIFY2(!plan.ok(), qPrintable(u"%1 byte %2 changed but accepted"_s.arg(it.key()).arg(i)));
                QCOMPARE(plan.error().code, ExitCode::Refused);
            }
        }
    }

    // The plan's hash is over its exact bytes, and those bytes are the generators': the same plan
    // reformatted (same JSON, other bytes) is not what they write, so the approval binds to one
    // spelling only.
    void planHashIsOverTheBytes()
    {
        const ApplyRequest request = baseRequest(u"caps"_s);
        ApplyRequest reformatted = request;
        reformatted.planJson = QJsonDocument::fromJson(request.planJson).toJson(QJsonDocument::Compact);
        const auto a = parseApplyRequest(request);
        QVERIFY2(a.ok(), qPrintable(a.error().message));
        QCOMPARE(a->planSha256.size(), 64);
        const auto b = parseApplyRequest(reformatted);
        QVERIFY(!b.ok());
        QCOMPARE(b.error().code, ExitCode::Refused);
        QVERIFY2(b.error().message.contains(u"plan.json is not the plan Deroot's generators write"_s),
                 qPrintable(b.error().message));
    }

    // A plan made before the typed input (deroot.plan/1) cannot be checked: refused with what to do.
    void refusesPlansOfSchemaOne()
    {
        ApplyRequest request = baseRequest(u"caps"_s);
        request.planJson.replace("\"deroot.plan/2\"", "\"deroot.plan/1\"");
        const auto plan = parseApplyRequest(request);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code, ExitCode::Refused);
        QVERIFY2(plan.error().message.contains(u"Generate the plan again"_s), qPrintable(plan.error().message));
    }

    // What the helper applies comes from the typed input: the steps' bytes are the generators'.
    void stepsCarryTheRegeneratedBytes()
    {
        const ApplyRequest request = baseRequest(u"sudo"_s);
        const auto plan = parseApplyRequest(request);
        QVERIFY2(plan.ok(), qPrintable(plan.error().message));
        QCOMPARE(plan->sudoCommands.size(), 1);
        QCOMPARE(plan->sudoCommands.constFirst().path, u"/usr/bin/id"_s);
        for (const PlanStep &step : plan->steps) {
            if (step.kind == PlanStep::Kind::WriteSudoers || step.kind == PlanStep::Kind::WriteUnit) {
                QCOMPARE(step.content, request.files.value(step.file));
            }
        }
        QVERIFY(plan->privilegedGrants.isEmpty());
    }

    void refusesHostileRequests_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("expect");
        QTest::addColumn<QJsonObject>("json");
        const auto cases = TestSupport::readHostileCases(QStringLiteral(DEROOT_TEST_DATA "/plans"));
        QVERIFY(cases.size() >= 100);
        for (const auto &hostileCase : cases) {
            if (!hostileCase.needsSystem) {
                QTest::newRow(qPrintable(hostileCase.name))
                    << hostileCase.base << hostileCase.expect << hostileCase.json;
            }
        }
    }

    void refusesHostileRequests()
    {
        QFETCH(QString, base);
        QFETCH(QString, expect);
        QFETCH(QJsonObject, json);
        TestSupport::HostileCase hostileCase;
        hostileCase.json = json;
        const ApplyRequest request = TestSupport::mutateRequest(baseRequest(base), hostileCase);
        const auto plan = parseApplyRequest(request);
        QVERIFY2(!plan.ok(), "a hostile request was accepted");
        QCOMPARE(plan.error().code, ExitCode::Refused);
        QVERIFY2(plan.error().message.contains(expect),
                 qPrintable(u"expected %1 in: %2"_s.arg(expect, plan.error().message)));
        QVERIFY2(!plan.error().message.contains(u'\n'), qPrintable(plan.error().message));
    }

    // The cases with system state are plans the parser accepts: what refuses them is the engine's
    // preflight alone (engine_test), so none of them passes for a reason the parser would give.
    void systemCasesPassTheParser_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QJsonObject>("json");
        const auto cases = TestSupport::readHostileCases(QStringLiteral(DEROOT_TEST_DATA "/plans"));
        for (const auto &hostileCase : cases) {
            if (hostileCase.needsSystem) {
                QTest::newRow(qPrintable(hostileCase.name)) << hostileCase.base << hostileCase.json;
            }
        }
    }

    void systemCasesPassTheParser()
    {
        QFETCH(QString, base);
        QFETCH(QJsonObject, json);
        TestSupport::HostileCase hostileCase;
        hostileCase.json = json;
        const auto plan = parseApplyRequest(TestSupport::mutateRequest(baseRequest(base), hostileCase));
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
    }
};

QTEST_GUILESS_MAIN(ApplyRequestTest)
#include "applyrequest_test.moc"
