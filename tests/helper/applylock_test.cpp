// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The desktop's prediction of the helper's authorization (Core::applyLock), from polkit's answers
// without interaction: what the Apply button shows before the click. The helper decides again on
// the call; the prediction must never show "allowed" where the helper would ask or refuse.
#include "core/plan/applyrequest.h"

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
        using S = ApplyLock::State;
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
        const ApplyLock lock = applyLock(areas, static_cast<PolkitAnswer>(approval));
        QCOMPARE(int(lock.state), state);
        QCOMPARE(lock.action, action);
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
