// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "fakes.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deroot::Helper;
using Deroot::Helper::Test::FakePolkit;
using Rule = FakePolkit::Rule;
using Agent = FakePolkit::Agent;

Q_DECLARE_METATYPE(FakePolkit::Rule)
Q_DECLARE_METATYPE(FakePolkit::Agent)

namespace {

/// polkit with a fixed answer per action without interaction, and one answer for any prompt.
class ScriptedPolkit final : public Authorizer
{
public:
    ScriptedPolkit(QMap<QString, AuthAnswer> answers, AuthAnswer prompt)
        : m_answers(std::move(answers))
        , m_prompt(prompt)
    {}
    void check(const QString &, const QString &actionId, const AuthDetails &, bool interactive, Callback done) override
    {
        if (interactive) {
            ++interactiveChecks;
            done(m_prompt);
            return;
        }
        done(m_answers.value(actionId, AuthAnswer::Error));
    }
    int interactiveChecks = 0;

private:
    QMap<QString, AuthAnswer> m_answers;
    AuthAnswer m_prompt;
};

} // namespace

/// The decision of docs/helper.md, branch by branch, over a model of polkitd.
class AuthorizationTest : public QObject
{
    Q_OBJECT

private:
    static AuthorizationDecision decide(FakePolkit &polkit, const QStringList &areas, bool interactive = true,
                                        const QString &sha = u"aa11"_s, bool privileged = false, bool root = false)
    {
        const AuthorizationRequest request{u":1.42"_s,
                                           Deroot::Core::PolkitQuestion{areas, Actions::kApply,
                                                                        privileged ? Actions::kPrivileged : QString(),
                                                                        interactive, root},
                                           {{u"agent"_s, u"fping"_s}, {u"plan_sha256"_s, sha}}};
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

    // A plan with root-equivalent grants (docs/helper.md): the privileged action approves it instead
    // of the approval action, and only a password typed for it counts, for anyone but root.
    void privilegedDecision_data()
    {
        QTest::addColumn<Rule>("areaRule");
        QTest::addColumn<Rule>("applyRule");
        QTest::addColumn<Rule>("privilegedRule");
        QTest::addColumn<Agent>("agent");
        QTest::addColumn<bool>("interactive");
        QTest::addColumn<bool>("root");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<int>("prompts");
        QTest::addColumn<QString>("deciding");

        const QString privileged = Actions::kPrivileged;
        QTest::newRow("default policy, agent approves: one prompt, the privileged one")
            << Rule::AuthAdmin << Rule::AuthAdmin << Rule::AuthAdmin << Agent::Approves << true << false << true << 1
            << QString();
        QTest::newRow("a rule allows every area: still the prompt")
            << Rule::Yes << Rule::AuthAdmin << Rule::AuthAdmin << Agent::Approves << true << false << true << 1
            << QString();
        QTest::newRow("a rule returns YES for everything: refused for a user")
            << Rule::Yes << Rule::Yes << Rule::Yes << Agent::Approves << true << false << false << 0 << privileged;
        QTest::newRow("a rule returns YES for everything: root passes (polkit's YES for root)")
            << Rule::Yes << Rule::Yes << Rule::Yes << Agent::None << false << true << true << 0 << QString();
        QTest::newRow("a rule allows only the privileged action: refused")
            << Rule::AuthAdmin << Rule::AuthAdmin << Rule::Yes << Agent::Approves << true << false << false << 0
            << privileged;
        QTest::newRow("the approval's YES approves nothing here: the prompt")
            << Rule::AuthAdmin << Rule::Yes << Rule::AuthAdmin << Agent::Approves << true << false << true << 1
            << QString();
        QTest::newRow("a rule forbids approvals: refused without a prompt")
            << Rule::AuthAdmin << Rule::No << Rule::AuthAdmin << Agent::Approves << true << false << false << 0
            << Actions::kApply;
        QTest::newRow("polkit fails on the approval: refused")
            << Rule::AuthAdmin << Rule::Broken << Rule::AuthAdmin << Agent::Approves << true << false << false << 0
            << Actions::kApply;
        QTest::newRow("a rule forbids an area: the prompt cannot override it")
            << Rule::No << Rule::AuthAdmin << Rule::AuthAdmin << Agent::Approves << true << false << false << 0
            << Actions::kUsers;
        QTest::newRow("a rule forbids the privileged action")
            << Rule::Yes << Rule::Yes << Rule::No << Agent::Approves << true << false << false << 0 << privileged;
        QTest::newRow("polkit fails on the privileged action")
            << Rule::AuthAdmin << Rule::AuthAdmin << Rule::Broken << Agent::Approves << true << false << false << 0
            << privileged;
        QTest::newRow("prompt dismissed: refused") << Rule::AuthAdmin << Rule::AuthAdmin << Rule::AuthAdmin
                                                   << Agent::Dismissed << true << false << false << 1 << privileged;
        QTest::newRow("no agent: refused") << Rule::AuthAdmin << Rule::AuthAdmin << Rule::AuthAdmin << Agent::None
                                           << true << false << false << 0 << privileged;
        QTest::newRow("caller did not allow interaction: refused, no prompt")
            << Rule::Yes << Rule::AuthAdmin << Rule::AuthAdmin << Agent::Approves << false << false << false << 0
            << privileged;
    }

    void privilegedDecision()
    {
        QFETCH(Rule, areaRule);
        QFETCH(Rule, applyRule);
        QFETCH(Rule, privilegedRule);
        QFETCH(Agent, agent);
        QFETCH(bool, interactive);
        QFETCH(bool, root);
        QFETCH(bool, allowed);
        QFETCH(int, prompts);
        QFETCH(QString, deciding);
        FakePolkit polkit;
        const QStringList areas{Actions::kUsers, Actions::kCapabilities, Actions::kUnits};
        for (const QString &action : areas) {
            polkit.rules[action] = areaRule;
        }
        polkit.rules[Actions::kApply] = applyRule;
        polkit.rules[Actions::kPrivileged] = privilegedRule;
        polkit.agent = agent;
        const AuthorizationDecision decision = decide(polkit, areas, interactive, u"aa11"_s, true, root);
        QCOMPARE(decision.allowed, allowed);
        QCOMPARE(polkit.prompts.size(), prompts);
        QCOMPARE(decision.prompted, allowed && prompts == 1);
        if (!allowed) {
            QCOMPARE(decision.action, deciding);
            QVERIFY(!decision.message.isEmpty());
        }
        // The one prompt, if any, is the privileged action's: never the approval's, never an area's.
        for (const FakePolkit::Call &call : std::as_const(polkit.calls)) {
            QVERIFY2(!call.interactive || call.action == Actions::kPrivileged, qPrintable(call.action));
        }
        if (!allowed && deciding == Actions::kPrivileged && privilegedRule == Rule::Yes) {
            QVERIFY2(decision.message.contains(u"without an administrator's password"_s), qPrintable(decision.message));
        }
    }

    // A site that sets the privileged action to auth_admin_keep: the first plan's password is
    // cached, and the helper must not take it for the next plan.
    void keptPrivilegedApprovalDoesNotApproveAnotherPlan()
    {
        FakePolkit polkit;
        polkit.rules[Actions::kPrivileged] = Rule::AuthAdminKeep;
        polkit.agent = Agent::Approves;
        const QStringList areas{Actions::kCapabilities};
        QVERIFY(decide(polkit, areas, true, u"aa11"_s, true).allowed);
        const AuthorizationDecision second = decide(polkit, areas, true, u"aa12"_s, true);
        QVERIFY(!second.allowed);
        QCOMPARE(second.action, Actions::kPrivileged);
        QCOMPARE(polkit.prompts.size(), 1);
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

    // What the Finish page shows before the click (Core::predictApplyPermission, and Core::applyPermission on
    // the same answers) is what the helper then decides (authorize()), for every combination of
    // polkit's answers without interaction: allowed without a prompt, the one prompt, or refused by
    // the same action for the same reason. Either side changing alone breaks a row here.
    void helperAndDesktopAgree()
    {
        using Deroot::Core::PlanArea;
        using Deroot::Core::PolkitAnswer;
        const QList<AuthAnswer> answers{AuthAnswer::Yes, AuthAnswer::Challenge, AuthAnswer::No, AuthAnswer::Error};
        const auto desktopAnswer = [](AuthAnswer answer) {
            switch (answer) {
            case AuthAnswer::Yes:
                return PolkitAnswer::Yes;
            case AuthAnswer::Challenge:
                return PolkitAnswer::Challenge;
            case AuthAnswer::No:
                return PolkitAnswer::No;
            case AuthAnswer::Error:
                break;
            }
            return PolkitAnswer::Unknown;
        };
        QList<QList<AuthAnswer>> areaSets{{}};
        for (const AuthAnswer first : answers) {
            areaSets.append({first});
            for (const AuthAnswer second : answers) {
                areaSets.append({first, second});
            }
        }
        int combinations = 0;
        for (const QList<AuthAnswer> &areaAnswers : std::as_const(areaSets)) {
            for (const AuthAnswer approval : answers) {
                for (int privileged = -1; privileged < int(answers.size()); ++privileged) {
                    for (const bool root : {false, true}) {
                        for (const AuthAnswer prompt : {AuthAnswer::Yes, AuthAnswer::Challenge}) {
                            ++combinations;
                            Deroot::Core::CheckedRequest plan;
                            plan.planSha256 = u"aa11"_s;
                            const QList<PlanArea> areaOrder{PlanArea::Users, PlanArea::Units};
                            for (qsizetype i = 0; i < areaAnswers.size(); ++i) {
                                plan.areas |= areaOrder.at(i);
                            }
                            if (privileged >= 0) {
                                plan.privilegedGrants = {u"CAP_SYS_ADMIN (root-equivalent capability)"_s};
                            }
                            // polkit without interaction, as both sides ask it; the prompt's answer.
                            QMap<QString, AuthAnswer> polkit;
                            const QStringList areaActions = Deroot::Core::areaActionIds(plan.areas);
                            for (qsizetype i = 0; i < areaAnswers.size(); ++i) {
                                polkit.insert(areaActions.at(i), areaAnswers.at(i));
                            }
                            polkit.insert(Actions::kApply, approval);
                            if (privileged >= 0) {
                                polkit.insert(Actions::kPrivileged, answers.at(privileged));
                            }

                            // The helper, as HelperService::Apply asks it (the caller allows the prompt).
                            ScriptedPolkit helperPolkit(polkit, prompt);
                            std::optional<AuthorizationDecision> decision;
                            authorize(helperPolkit,
                                      {u":1.42"_s, Deroot::Core::applyQuestion(plan, true, root), applyDetails(plan)},
                                      [&](const AuthorizationDecision &d) { decision = d; });
                            QVERIFY(decision);
                            // The desktop, as FinishPage::refreshLock asks it: every action at once.
                            QList<std::pair<QString, PolkitAnswer>> seen;
                            for (auto it = polkit.constBegin(); it != polkit.constEnd(); ++it) {
                                seen.append({it.key(), desktopAnswer(it.value())});
                            }
                            const Deroot::Core::ApplyPermission lock = Deroot::Core::predictApplyPermission(
                                Deroot::Core::applyQuestion(plan, true, root), seen);
                            QList<std::pair<QString, PolkitAnswer>> areaSeen;
                            for (qsizetype i = 0; i < areaAnswers.size(); ++i) {
                                areaSeen.append({areaActions.at(i), desktopAnswer(areaAnswers.at(i))});
                            }
                            const Deroot::Core::ApplyPermission legacy = Deroot::Core::applyPermission(
                                areaSeen, desktopAnswer(approval),
                                privileged >= 0 ? std::optional(desktopAnswer(answers.at(privileged))) : std::nullopt,
                                root);

                            const QString what = u"areas %1, approval %2, privileged %3, root %4, prompt %5"_s
                                                     .arg(int(areaAnswers.size()))
                                                     .arg(int(approval))
                                                     .arg(privileged)
                                                     .arg(root)
                                                     .arg(int(prompt));
                            QVERIFY2(legacy.state == lock.state && legacy.action == lock.action &&
                                         legacy.grantedWithoutPassword == lock.grantedWithoutPassword,
                                     qPrintable(what));
                            const int prompts = helperPolkit.interactiveChecks;
                            switch (lock.state) {
                            case Deroot::Core::ApplyPermission::State::Allowed:
                                QVERIFY2(decision->allowed && prompts == 0, qPrintable(what));
                                break;
                            case Deroot::Core::ApplyPermission::State::NeedsAuthentication:
                                QVERIFY2(prompts == 1, qPrintable(what));
                                QVERIFY2(decision->allowed == (prompt == AuthAnswer::Yes), qPrintable(what));
                                break;
                            case Deroot::Core::ApplyPermission::State::Forbidden: {
                                QVERIFY2(!decision->allowed && prompts == 0, qPrintable(what));
                                QVERIFY2(decision->action == lock.action,
                                         qPrintable(what + u": "_s + decision->action + u" / "_s + lock.action));
                                const bool withoutPassword =
                                    decision->message == Deroot::Core::polkitRefusalText(
                                                             Deroot::Core::PolkitRefusal::ApprovalWithoutPassword) ||
                                    decision->message == Deroot::Core::polkitRefusalText(
                                                             Deroot::Core::PolkitRefusal::PrivilegedWithoutPassword);
                                QVERIFY2(withoutPassword == lock.grantedWithoutPassword, qPrintable(what));
                                break;
                            }
                            }
                        }
                    }
                }
            }
        }
        QCOMPARE(combinations, 21 * 4 * 5 * 2 * 2);
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
        Deroot::Core::CheckedRequest plan;
        plan.agent = u"fping"_s;
        plan.method = u"caps"_s;
        plan.planSha256 = u"ab"_s;
        plan.areas = PlanArea::Capabilities;
        const AuthDetails details = applyDetails(plan);
        QCOMPARE(details.value(u"areas"_s), u"capabilities"_s);
        QCOMPARE(details.value(u"plan_sha256"_s), u"ab"_s);
        QCOMPARE(details.value(u"agent"_s), u"fping"_s);
        QCOMPARE(details.value(u"privileged_grants"_s), u"none"_s);
        QCOMPARE(details.value(u"sudo_commands"_s), u"none"_s);
    }

    // What the plan grants, as the prompt and rules.d see it (docs/helper.md, "The details").
    void detailsNameWhatIsGranted()
    {
        using Deroot::Core::PlanArea;
        Deroot::Core::CheckedRequest plan;
        plan.agent = u"fping"_s;
        plan.method = u"caps"_s;
        plan.planSha256 = QString(64, u'a');
        plan.programPath = u"/usr/bin/fping"_s;
        plan.serviceUser = u"fping-agent"_s;
        plan.serviceGroup = u"fping-agent"_s;
        plan.supplementaryGroups = {u"adm"_s};
        plan.capabilities = {u"CAP_NET_RAW"_s, u"CAP_SYS_ADMIN"_s};
        plan.unit = u"deroot-fping.service"_s;
        plan.sudoCommands = {{u"/usr/sbin/ipmi-sensors"_s, {u"--quiet-cache"_s}}, {u"/usr/bin/true"_s, {}}};
        plan.privilegedGrants = {u"CAP_SYS_ADMIN (root-equivalent capability)"_s,
                                 u"group disk (root-equivalent group)"_s};
        plan.areas = PlanArea::Users | PlanArea::Capabilities | PlanArea::Units | PlanArea::Sudoers;
        const AuthDetails details = applyDetails(plan);
        const AuthDetails expected{{u"agent"_s, u"fping"_s},
                                   {u"method"_s, u"caps"_s},
                                   {u"areas"_s, u"users, sudoers, capabilities, units"_s},
                                   {u"plan_sha256"_s, QString(64, u'a')},
                                   {u"program"_s, u"/usr/bin/fping"_s},
                                   {u"service_user"_s, u"fping-agent"_s},
                                   {u"groups"_s, u"fping-agent, adm"_s},
                                   {u"capabilities"_s, u"CAP_NET_RAW, CAP_SYS_ADMIN"_s},
                                   {u"unit"_s, u"deroot-fping.service"_s},
                                   {u"timer"_s, u"none"_s},
                                   {u"replaces_unit"_s, u"none"_s},
                                   {u"caller_user"_s, u"none"_s},
                                   {u"arguments"_s, u"none"_s},
                                   {u"environment"_s, u"none"_s},
                                   {u"sudo_commands"_s, u"/usr/sbin/ipmi-sensors, /usr/bin/true"_s},
                                   {u"privileged_grants"_s, u"CAP_SYS_ADMIN, group disk"_s}};
        QCOMPARE(details, expected);
    }

    // The start modes: a switch-over stops and disables a unit the plan did not write, a scheduled plan
    // starts a timer, and a called program's sudo rule is for an existing user: the prompt and
    // rules.d see each of them.
    void detailsNameTheStartMode()
    {
        Deroot::Core::CheckedRequest plan;
        plan.unit = u"deroot-node_exporter.service"_s;
        plan.replacesUnit = u"prometheus-node-exporter.service"_s;
        plan.timer = u"deroot-fping.timer"_s;
        plan.callerUser = u"zabbix"_s;
        plan.input.arguments = {u"--web.listen-address=127.0.0.1:9100"_s};
        plan.input.environment = {u"GOMAXPROCS=2"_s};
        plan.input.environmentFiles = {u"-/etc/default/prometheus-node-exporter"_s};
        const AuthDetails details = applyDetails(plan);
        QCOMPARE(details.value(u"arguments"_s), u"--web.listen-address=127.0.0.1:9100"_s);
        QCOMPARE(details.value(u"environment"_s), u"GOMAXPROCS=2, file -/etc/default/prometheus-node-exporter"_s);
        QCOMPARE(details.value(u"replaces_unit"_s), u"prometheus-node-exporter.service"_s);
        QCOMPARE(details.value(u"timer"_s), u"deroot-fping.timer"_s);
        QCOMPARE(details.value(u"caller_user"_s), u"zabbix"_s);
        QCOMPARE(details.value(u"service_user"_s), u"none"_s);
    }

    // A list longer than one detail holds: whole items and a count of the rest, never a cut item
    // and never a list that reads as complete.
    void listDetailNeverHidesACut_data()
    {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("expected");
        QTest::newRow("none") << QStringList() << u"none"_s;
        QTest::newRow("one") << QStringList{u"CAP_NET_RAW"_s} << u"CAP_NET_RAW"_s;
        // Seven IPMI sudo commands: 153 characters, past safeDetail's 128.
        const QStringList ipmi{u"/usr/sbin/ipmimonitoring"_s, u"/usr/sbin/ipmi-sensors"_s, u"/usr/sbin/ipmi-dcmi"_s,
                               u"/usr/sbin/ipmi-raw"_s,       u"/usr/sbin/bmc-info"_s,     u"/usr/sbin/ipmi-chassis"_s,
                               u"/usr/sbin/ipmi-sel"_s};
        QTest::newRow("longer than 128, whole") << ipmi << ipmi.join(u", "_s);
        QStringList many;
        for (int i = 0; i < 40; ++i) {
            many << u"/usr/lib/prometheus/collectors/command-%1"_s.arg(i, 2, 10, QLatin1Char('0'));
        }
        // 41 characters and a separator each: 11 fit with the count of the other 29.
        QTest::newRow("longer than 512: whole items and a count")
            << many << many.mid(0, 11).join(u", "_s) + u" and 29 more"_s;
        QTest::newRow("unsafe characters") << QStringList{u"a\nb"_s, u"<b>"_s} << u"a?b, ?b?"_s;
    }

    void listDetailNeverHidesACut()
    {
        QFETCH(QStringList, values);
        QFETCH(QString, expected);
        const QString detail = listDetail(values);
        QCOMPARE(detail, expected);
        QVERIFY(detail.size() <= kMaxListDetail);
    }

    // Every $(key) in the messages of the installed policy is a detail the helper passes: a key
    // polkit cannot fill would show the admin an empty or literal placeholder instead of a grant.
    void policyMessagesUseOnlyPassedDetails()
    {
        QFile policy(QStringLiteral(DEROOT_POLICY_FILE));
        QVERIFY2(policy.open(QIODevice::ReadOnly), DEROOT_POLICY_FILE);
        const QString text = QString::fromUtf8(policy.readAll());
        const QStringList passed = applyDetails(Deroot::Core::CheckedRequest()).keys();
        const QStringList rollbackKeys{u"apply_id"_s, u"agent"_s};
        const QStringList observeKeys = observeDetails(Deroot::Core::ObserveRequest()).keys();
        const QStringList proveKeys = proveDetails(Deroot::Core::CheckedProveRequest()).keys();
        const QRegularExpression action(u"<action id=\"([^\"]+)\">(.*?)</action>"_s,
                                        QRegularExpression::DotMatchesEverythingOption);
        const QRegularExpression placeholder(u"\\$\\(([^)]*)\\)"_s);
        int privilegedMessages = 0;
        for (const QRegularExpressionMatch &a : action.globalMatch(text)) {
            const QString id = a.captured(1);
            const bool observe = id == Actions::kObserveRun || id == Actions::kObserveWatch;
            const QStringList reconcileKeys{u"apply_id"_s, u"agent"_s, u"program"_s, u"capabilities"_s};
            const QStringList restoreKeys = reconcileKeys + QStringList{u"files"_s, u"service_user"_s, u"unit"_s};
            const QStringList privilegedRestoreKeys = restoreKeys + QStringList{u"privileged_grants"_s};
            const QStringList &keys =
                id == Actions::kRollback ? rollbackKeys
                : id == Actions::kPrivilegedRestore
                    ? privilegedRestoreKeys
                    : (id == Actions::kRestore ? restoreKeys
                       : id == Actions::kReconcile
                           ? reconcileKeys
                           : (observe ? observeKeys : (id == Actions::kProveRun ? proveKeys : passed)));
            for (const QRegularExpressionMatch &p : placeholder.globalMatch(a.captured(2))) {
                QVERIFY2(keys.contains(p.captured(1)), qPrintable(id + u": $("_s + p.captured(1) + u')'));
            }
            if (id == Actions::kPrivileged) {
                // In every language: the grants and the program, which the admin must see.
                privilegedMessages = int(a.captured(2).count(u"$(privileged_grants)"_s));
                QCOMPARE(a.captured(2).count(u"$(program)"_s), privilegedMessages);
            }
            if (id == Actions::kPrivileged || id == Actions::kApply) {
                // Every prompt of an apply names the unit a switch-over stops, the timer and the
                // caller a called program's rule is for, in each of its 3 languages.
                for (const QString &key : {u"$(replaces_unit)"_s, u"$(timer)"_s, u"$(caller_user)"_s}) {
                    QVERIFY2(a.captured(2).count(key) == 3, qPrintable(id + u": "_s + key));
                }
            }
            if (id == Actions::kObserveRun) {
                // What runs, as whom, with what, and for how long, in each of its 3 languages.
                for (const QString &key :
                     {u"$(program)"_s, u"$(arguments)"_s, u"$(user)"_s, u"$(capabilities)"_s, u"$(seconds)"_s}) {
                    QVERIFY2(a.captured(2).count(key) == 3, qPrintable(id + u": "_s + key));
                }
            }
            if (id == Actions::kProveRun) {
                // The agent, what runs, as whom, with what, for how long and the check, in each of
                // its 3 languages.
                for (const QString &key : {u"$(agent)"_s, u"$(program)"_s, u"$(service_user)"_s, u"$(capabilities)"_s,
                                           u"$(seconds)"_s, u"$(check)"_s}) {
                    QVERIFY2(a.captured(2).count(key) == 3, qPrintable(id + u": "_s + key));
                }
            }
            if (id == Actions::kReconcile || id == Actions::kRestore || id == Actions::kPrivilegedRestore) {
                // What is set again, on what, for which apply, in each of its 3 languages.
                for (const QString &key : id == Actions::kPrivilegedRestore ? privilegedRestoreKeys
                                          : id == Actions::kRestore         ? restoreKeys
                                                                            : reconcileKeys) {
                    QVERIFY2(a.captured(2).count(u"$("_s + key + u')') == 3, qPrintable(id + u": "_s + key));
                }
            }
            if (id == Actions::kObserveWatch) {
                for (const QString &key : {u"$(watched)"_s, u"$(seconds)"_s}) {
                    QVERIFY2(a.captured(2).count(key) == 3, qPrintable(id + u": "_s + key));
                }
            }
        }
        QCOMPARE(privilegedMessages, 3);
    }
};

QTEST_GUILESS_MAIN(AuthorizationTest)
#include "authorization_test.moc"
