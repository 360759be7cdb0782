// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The desktop's prediction of the helper's authorization (Core::applyPermission), from polkit's answers
// without interaction: what the Apply button shows before the click. The helper decides again on
// the call; the prediction must never show "allowed" where the helper would ask or refuse.
#include "core/plan/applyrequest.h"
#include "core/plan/polkitdecision.h"

#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

using Answers = QList<std::pair<QString, PolkitAnswer>>;
Q_DECLARE_METATYPE(Answers)

class ApplyLockTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void predicts_data()
    {
        QTest::addColumn<Answers>("areas");
        QTest::addColumn<int>("approval");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("action");
        const auto yes = PolkitAnswer::Yes;
        const auto challenge = PolkitAnswer::Challenge;
        const auto no = PolkitAnswer::No;
        const auto unknown = PolkitAnswer::Unknown;
        using S = ApplyPermission::State;
        const QString users = PolkitActions::kUsers;
        const QString caps = PolkitActions::kCapabilities;
        const QString apply = PolkitActions::kApply;
        QTest::newRow("default policy: one password") << Answers{{users, challenge}, {caps, challenge}}
                                                      << int(challenge) << int(S::NeedsAuthentication) << QString();
        QTest::newRow("site allows every area")
            << Answers{{users, yes}, {caps, yes}} << int(challenge) << int(S::Allowed) << QString();
        QTest::newRow("site allows one area of two")
            << Answers{{users, yes}, {caps, challenge}} << int(challenge) << int(S::NeedsAuthentication) << QString();
        QTest::newRow("site forbids an area, approval yes")
            << Answers{{users, yes}, {caps, no}} << int(yes) << int(S::Forbidden) << caps;
        QTest::newRow("polkit cannot answer for an area")
            << Answers{{users, unknown}, {caps, yes}} << int(yes) << int(S::Forbidden) << users;
        QTest::newRow("approval forbidden") << Answers{{users, challenge}} << int(no) << int(S::Forbidden) << apply;
        QTest::newRow("approval unanswered")
            << Answers{{users, challenge}} << int(unknown) << int(S::Forbidden) << apply;
        QTest::newRow("kept approval while an area needs a password: the helper refuses")
            << Answers{{users, challenge}} << int(yes) << int(S::Forbidden) << apply;
        QTest::newRow("no area (container), approval yes") << Answers{} << int(yes) << int(S::Allowed) << QString();
        QTest::newRow("no area (container), password")
            << Answers{} << int(challenge) << int(S::NeedsAuthentication) << QString();
        QTest::newRow("no area (container), forbidden") << Answers{} << int(no) << int(S::Forbidden) << apply;
    }

    void predicts()
    {
        QFETCH(Answers, areas);
        QFETCH(int, approval);
        QFETCH(int, state);
        QFETCH(QString, action);
        const ApplyPermission lock = applyPermission(areas, static_cast<PolkitAnswer>(approval));
        QCOMPARE(int(lock.state), state);
        QCOMPARE(lock.action, action);
        // Only the kept approval is a YES the helper refuses; for a plan without root-equivalent
        // grants being root changes nothing (polkit's YES for root shows in the answers).
        QCOMPARE(lock.grantedWithoutPassword, QTest::currentDataTag() == QByteArray("kept approval while an area "
                                                                                    "needs a password: the helper "
                                                                                    "refuses"));
        const ApplyPermission asRoot = applyPermission(areas, static_cast<PolkitAnswer>(approval), std::nullopt, true);
        QCOMPARE(int(asRoot.state), state);
    }

    // A plan with root-equivalent grants: io.github.deroot.privileged.grant decides, and only a
    // password typed for the plan (or root) lets it through.
    void predictsPrivileged_data()
    {
        QTest::addColumn<Answers>("areas");
        QTest::addColumn<int>("approval");
        QTest::addColumn<int>("privileged");
        QTest::addColumn<bool>("root");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("withoutPassword");
        const auto yes = PolkitAnswer::Yes;
        const auto challenge = PolkitAnswer::Challenge;
        const auto no = PolkitAnswer::No;
        const auto unknown = PolkitAnswer::Unknown;
        using S = ApplyPermission::State;
        const QString users = PolkitActions::kUsers;
        const QString caps = PolkitActions::kCapabilities;
        const QString apply = PolkitActions::kApply;
        const QString privileged = PolkitActions::kPrivileged;
        const Answers allYes{{users, yes}, {caps, yes}};
        const Answers allChallenge{{users, challenge}, {caps, challenge}};
        QTest::newRow("default policy: the privileged prompt")
            << allChallenge << int(challenge) << int(challenge) << false << int(S::NeedsAuthentication) << QString()
            << false;
        QTest::newRow("a rule allows every area: still the privileged prompt")
            << allYes << int(challenge) << int(challenge) << false << int(S::NeedsAuthentication) << QString() << false;
        QTest::newRow("a rule allows everything: the helper refuses a YES without a password")
            << allYes << int(yes) << int(yes) << false << int(S::Forbidden) << privileged << true;
        QTest::newRow("a kept privileged authorization: refused")
            << allChallenge << int(challenge) << int(yes) << false << int(S::Forbidden) << privileged << true;
        QTest::newRow("root: polkit's YES is taken")
            << allYes << int(yes) << int(yes) << true << int(S::Allowed) << QString() << false;
        QTest::newRow("a rule forbids the privileged action")
            << allYes << int(challenge) << int(no) << false << int(S::Forbidden) << privileged << false;
        QTest::newRow("polkit cannot answer for the privileged action")
            << allChallenge << int(challenge) << int(unknown) << false << int(S::Forbidden) << privileged << false;
        QTest::newRow("a rule forbids approvals: forbids this plan too")
            << allChallenge << int(no) << int(challenge) << false << int(S::Forbidden) << apply << false;
        QTest::newRow("a rule forbids an area: the privileged prompt cannot override it")
            << Answers{{users, yes}, {caps, no}} << int(challenge) << int(challenge) << false << int(S::Forbidden)
            << caps << false;
        QTest::newRow("no area (container): the privileged prompt")
            << Answers{} << int(yes) << int(challenge) << false << int(S::NeedsAuthentication) << QString() << false;
        QTest::newRow("no area (container), a rule's YES: refused")
            << Answers{} << int(yes) << int(yes) << false << int(S::Forbidden) << privileged << true;
    }

    void predictsPrivileged()
    {
        QFETCH(Answers, areas);
        QFETCH(int, approval);
        QFETCH(int, privileged);
        QFETCH(bool, root);
        QFETCH(int, state);
        QFETCH(QString, action);
        QFETCH(bool, withoutPassword);
        const ApplyPermission lock =
            applyPermission(areas, static_cast<PolkitAnswer>(approval), static_cast<PolkitAnswer>(privileged), root);
        QCOMPARE(int(lock.state), state);
        QCOMPARE(lock.action, action);
        QCOMPARE(lock.grantedWithoutPassword, withoutPassword);
    }

    void areaActionsFollowTheAreas()
    {
        QCOMPARE(areaActionIds({}), QStringList());
        QCOMPARE(areaActionIds(PlanArea::Units | PlanArea::Users),
                 (QStringList{PolkitActions::kUsers, PolkitActions::kUnits}));
        QCOMPARE(areaActionIds(PlanArea::Users | PlanArea::Sudoers | PlanArea::Capabilities | PlanArea::Units).size(),
                 4);
    }
};

QTEST_GUILESS_MAIN(ApplyLockTest)
#include "applylock_test.moc"
