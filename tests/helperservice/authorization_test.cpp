// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "fakes.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deroot::Helper;
using Deroot::Helper::Test::FakePolkit;
using Rule = FakePolkit::Rule;
using Agent = FakePolkit::Agent;

Q_DECLARE_METATYPE(FakePolkit::Rule)
Q_DECLARE_METATYPE(FakePolkit::Agent)

/// The decision of docs/helper.md, branch by branch, over a model of polkitd.
class AuthorizationTest : public QObject
{
    Q_OBJECT

private:
    static AuthorizationDecision decide(FakePolkit &polkit, const QStringList &areas, bool interactive = true,
                                        const QString &sha = u"aa11"_s)
    {
        AuthorizationRequest request{
            u":1.42"_s, areas, Actions::kApply, {{u"agent"_s, u"fping"_s}, {u"plan_sha256"_s, sha}}, interactive};
        std::optional<AuthorizationDecision> decision;
        int calls = 0;
        authorize(polkit, request, [&](const AuthorizationDecision &d) {
            decision = d;
            ++calls;
        });
        if (calls != 1) {
            qFatal("the decision callback ran %d times", calls);
        }
        return *decision;
    }

private Q_SLOTS:
    void decision_data()
    {
        QTest::addColumn<QStringList>("areas");
        QTest::addColumn<Rule>("areaRule");
        QTest::addColumn<Rule>("applyRule");
        QTest::addColumn<Agent>("agent");
        QTest::addColumn<bool>("interactive");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<int>("prompts");
        QTest::addColumn<QString>("deciding");

        const QStringList caps{Actions::kUsers, Actions::kCapabilities, Actions::kUnits};
        QTest::newRow("default policy, agent approves: one prompt for three areas")
            << caps << Rule::AuthAdmin << Rule::AuthAdmin << Agent::Approves << true << true << 1 << QString();
        QTest::newRow("rules.d allows every area: no prompt")
            << caps << Rule::Yes << Rule::AuthAdmin << Agent::Approves << true << true << 0 << QString();
        QTest::newRow("rules.d denies the areas: refused without a prompt")
            << caps << Rule::No << Rule::AuthAdmin << Agent::Approves << true << false << 0 << Actions::kUsers;
        QTest::newRow("polkit fails on an area: refused")
            << caps << Rule::Broken << Rule::AuthAdmin << Agent::Approves << true << false << 0 << Actions::kUsers;
        QTest::newRow("no agent: refused")
            << caps << Rule::AuthAdmin << Rule::AuthAdmin << Agent::None << true << false << 0 << Actions::kApply;
        QTest::newRow("prompt dismissed: refused")
            << caps << Rule::AuthAdmin << Rule::AuthAdmin << Agent::Dismissed << true << false << 1 << Actions::kApply;
        QTest::newRow("caller did not allow interaction: refused, no prompt")
            << caps << Rule::AuthAdmin << Rule::AuthAdmin << Agent::Approves << false << false << 0 << Actions::kApply;
        QTest::newRow("approval granted by a rule while areas need auth: refused")
            << caps << Rule::AuthAdmin << Rule::Yes << Agent::Approves << true << false << 0 << Actions::kApply;
        QTest::newRow("approval denied by a rule: refused")
            << caps << Rule::AuthAdmin << Rule::No << Agent::Approves << true << false << 0 << Actions::kApply;
        QTest::newRow("polkit fails on the approval: refused")
            << caps << Rule::AuthAdmin << Rule::Broken << Agent::Approves << true << false << 0 << Actions::kApply;
        QTest::newRow("export-only plan: no area, still one prompt")
            << QStringList() << Rule::AuthAdmin << Rule::AuthAdmin << Agent::Approves << true << true << 1 << QString();
        QTest::newRow("export-only plan, approval granted (root, or a rule): allowed, no prompt")
            << QStringList() << Rule::AuthAdmin << Rule::Yes << Agent::None << true << true << 0 << QString();
        QTest::newRow("export-only plan, approval denied by a rule: refused")
            << QStringList() << Rule::AuthAdmin << Rule::No << Agent::Approves << true << false << 0 << Actions::kApply;
        QTest::newRow("export-only plan, no agent: refused") << QStringList() << Rule::AuthAdmin << Rule::AuthAdmin
                                                             << Agent::None << true << false << 0 << Actions::kApply;
    }

    void decision()
    {
        QFETCH(QStringList, areas);
        QFETCH(Rule, areaRule);
        QFETCH(Rule, applyRule);
        QFETCH(Agent, agent);
        QFETCH(bool, interactive);
        QFETCH(bool, allowed);
        QFETCH(int, prompts);
        QFETCH(QString, deciding);
        FakePolkit polkit;
        for (const QString &action : areas) {
            polkit.rules[action] = areaRule;
        }
        polkit.rules[Actions::kApply] = applyRule;
        polkit.agent = agent;
        const AuthorizationDecision decision = decide(polkit, areas, interactive);
        QCOMPARE(decision.allowed, allowed);
        QCOMPARE(polkit.prompts.size(), prompts);
        QCOMPARE(decision.prompted, allowed && prompts == 1);
        if (!allowed) {
            QCOMPARE(decision.action, deciding);
            QVERIFY(!decision.message.isEmpty());
        }
        // Area actions are never asked interactively: the one prompt is the approval's.
        for (const FakePolkit::Call &call : std::as_const(polkit.calls)) {
            QVERIFY2(!call.interactive || call.action == Actions::kApply, qPrintable(call.action));
        }
        if (prompts == 1) {
            QCOMPARE(polkit.prompts.constFirst().value(u"plan_sha256"_s), u"aa11"_s);
            QCOMPARE(polkit.prompts.constFirst().value(u"agent"_s), u"fping"_s);
        }
    }

    // A site that turns the approval into auth_admin_keep: polkit would let the next plan through
    // without a prompt (the cache ignores details). The helper must not.
    void keptApprovalDoesNotApproveAnotherPlan()
    {
        FakePolkit polkit;
        polkit.rules[Actions::kApply] = Rule::AuthAdminKeep;
        polkit.agent = Agent::Approves;
        const QStringList areas{Actions::kSudoers};
        QVERIFY(decide(polkit, areas, true, u"aa11"_s).allowed);
        QCOMPARE(polkit.prompts.size(), 1);
        // The same plan with one byte changed has another hash; the cache says yes for it.
        const AuthorizationDecision second = decide(polkit, areas, true, u"aa12"_s);
        QVERIFY(!second.allowed);
        QCOMPARE(second.action, Actions::kApply);
        QVERIFY2(second.message.contains(u"auth_admin_keep"_s), qPrintable(second.message));
        QCOMPARE(polkit.prompts.size(), 1);
    }

    void areasAndDetails()
    {
        using Deroot::Core::PlanArea;
        QCOMPARE(areaActions(PlanArea::Users | PlanArea::Units), (QStringList{Actions::kUsers, Actions::kUnits}));
        QCOMPARE(areaNames(PlanArea::Sudoers | PlanArea::Users), u"users, sudoers"_s);
        QCOMPARE(areaNames({}), u"none"_s);
        QCOMPARE(safeDetail(u"node_exporter"_s), u"node_exporter"_s);
        QCOMPARE(safeDetail(u"x\nSHA-256 0000"_s), u"x?SHA-256 0000"_s);
        QCOMPARE(safeDetail(u"<b>\u202Eevil"_s), u"?b??evil"_s);
        QCOMPARE(safeDetail(QString(300, u'a')).size(), 128);
        Deroot::Core::ValidatedPlan plan;
        plan.agent = u"fping"_s;
        plan.method = u"caps"_s;
        plan.planSha256 = u"ab"_s;
        plan.areas = PlanArea::Capabilities;
        const AuthDetails details = applyDetails(plan);
        QCOMPARE(details.value(u"areas"_s), u"capabilities"_s);
        QCOMPARE(details.value(u"plan_sha256"_s), u"ab"_s);
        QCOMPARE(details.value(u"agent"_s), u"fping"_s);
    }
};

QTEST_GUILESS_MAIN(AuthorizationTest)
#include "authorization_test.moc"
