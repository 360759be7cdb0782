// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The polkit decision table (Core::nextPolkitStep), over every combination of polkit's answers: no
// area, one or two areas, each answered yes, "challenge", no or not at all; the approval, the
// privileged action and the prompt likewise; with and without interaction; root or not. Each
// combination is played to its verdict and held to the table below, written as docs/helper.md's
// steps read (the first matching row decides), and to what must hold whatever the answers.
#include "core/plan/polkitdecision.h"

#include <QTest>

#include <optional>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

namespace {

using A = PolkitAnswer;
const QList<A> kAnswers{A::Yes, A::Challenge, A::No, A::Unknown};

/// One combination: what polkit answers to each check without interaction, what the prompt gets,
/// and about whom.
struct Combination
{
    QList<A> areas;              ///< one answer per area action, in order
    A approval = A::Challenge;   ///< the approval action, without interaction
    std::optional<A> privileged; ///< set: the plan has root-equivalent grants
    A prompt = A::Yes;           ///< the check with interaction, whichever action it is
    bool interaction = true;
    bool root = false;

    QString name() const
    {
        static const char *const kNames[] = {"yes", "challenge", "no", "unknown"};
        QStringList parts;
        for (const A answer : areas) {
            parts << u"area %1"_s.arg(QLatin1StringView(kNames[int(answer)]));
        }
        parts << u"approval %1"_s.arg(QLatin1StringView(kNames[int(approval)]));
        if (privileged) {
            parts << u"privileged %1"_s.arg(QLatin1StringView(kNames[int(*privileged)]));
        }
        parts << u"prompt %1"_s.arg(QLatin1StringView(kNames[int(prompt)]));
        parts << (interaction ? u"interaction"_s : u"no interaction"_s);
        if (root) {
            parts << u"root"_s;
        }
        return parts.join(u", "_s);
    }
};

QList<Combination> everyCombination()
{
    QList<QList<A>> areaSets{{}};
    for (const A first : kAnswers) {
        areaSets.append({first});
        for (const A second : kAnswers) {
            areaSets.append({first, second});
        }
    }
    QList<std::optional<A>> privilegedAnswers{std::nullopt};
    for (const A answer : kAnswers) {
        privilegedAnswers.append(answer);
    }
    QList<Combination> all;
    for (const QList<A> &areas : std::as_const(areaSets)) {
        for (const A approval : kAnswers) {
            for (const std::optional<A> &privileged : std::as_const(privilegedAnswers)) {
                for (const A prompt : kAnswers) {
                    for (const bool interaction : {true, false}) {
                        for (const bool root : {false, true}) {
                            all.append({areas, approval, privileged, prompt, interaction, root});
                        }
                    }
                }
            }
        }
    }
    return all;
}

const QStringList kAreaActions{PolkitActions::kUsers, PolkitActions::kUnits};

PolkitQuestion questionOf(const Combination &c)
{
    return PolkitQuestion{kAreaActions.mid(0, c.areas.size()), PolkitActions::kApply,
                          c.privileged ? PolkitActions::kPrivileged : QString(), c.interaction, c.root};
}

struct Played
{
    PolkitStep verdict;
    QList<PolkitStep> asked;
};

/// Plays @p c to its verdict, as the helper does: one check at a time.
Played play(const Combination &c)
{
    const PolkitQuestion question = questionOf(c);
    Played played;
    QList<A> answers;
    while (true) {
        const PolkitStep step = nextPolkitStep(question, answers);
        if (step.kind != PolkitStep::Kind::Ask) {
            played.verdict = step;
            return played;
        }
        played.asked.append(step);
        if (played.asked.size() > 8) {
            qFatal("the table asks more than 8 checks for: %s", qPrintable(c.name()));
        }
        if (step.interactive) {
            answers.append(c.prompt);
        } else if (step.action == PolkitActions::kApply) {
            answers.append(c.approval);
        } else if (step.action == PolkitActions::kPrivileged) {
            answers.append(*c.privileged);
        } else {
            answers.append(c.areas.at(kAreaActions.indexOf(step.action)));
        }
    }
}

// The expected verdict: "allow", "allow after the prompt", or the refusal and its action.
struct Expected
{
    PolkitStep::Kind kind = PolkitStep::Kind::Refuse;
    bool prompted = false;
    QString action; ///< "area" stands for the first area answered no or not at all
    PolkitRefusal refusal = PolkitRefusal::Forbidden;
};

Expected allowed(bool prompted = false)
{
    return {PolkitStep::Kind::Allow, prompted, {}, PolkitRefusal::Forbidden};
}

Expected refused(const QString &action, PolkitRefusal why)
{
    return {PolkitStep::Kind::Refuse, false, action, why};
}

/// What a row says of the area answers.
enum class Areas {
    Any,
    FirstRefusalNo,      ///< the first area answered other than yes or "challenge" answered no
    FirstRefusalUnknown, ///< ... answered not at all
    AllYes,              ///< at least one area, each answered yes
    None,                ///< no area (the container method's plan: export only)
};
/// What a row says of the plan's grants.
enum class Grants { Any, Ordinary, RootEquivalent };

/// One row of the table: a pattern of answers (an empty optional matches any) and its verdict.
struct Row
{
    const char *name;
    Areas areas;
    Grants grants;
    std::optional<A> approval;
    std::optional<A> privileged;
    std::optional<A> prompt;
    std::optional<bool> interaction;
    std::optional<bool> root;
    Expected expected;

    bool matches(const Combination &c) const
    {
        const auto firstRefusal = [&c]() -> std::optional<A> {
            for (const A a : c.areas) {
                if (a == A::No || a == A::Unknown) {
                    return a;
                }
            }
            return std::nullopt;
        };
        switch (areas) {
        case Areas::Any:
            break;
        case Areas::FirstRefusalNo:
            if (firstRefusal() != A::No) {
                return false;
            }
            break;
        case Areas::FirstRefusalUnknown:
            if (firstRefusal() != A::Unknown) {
                return false;
            }
            break;
        case Areas::AllYes:
            if (c.areas.isEmpty() || c.areas.count(A::Yes) != c.areas.size()) {
                return false;
            }
            break;
        case Areas::None:
            if (!c.areas.isEmpty()) {
                return false;
            }
            break;
        }
        if ((grants == Grants::Ordinary && c.privileged) || (grants == Grants::RootEquivalent && !c.privileged)) {
            return false;
        }
        return (!approval || *approval == c.approval) && (!privileged || privileged == c.privileged) &&
               (!prompt || *prompt == c.prompt) && (!interaction || *interaction == c.interaction) &&
               (!root || *root == c.root);
    }
};

constexpr auto any = std::nullopt;
const QString kArea = u"area"_s; ///< the refusing area's action, whichever it is

/// docs/helper.md's decision as a table: rows in order, the first row that matches decides.
QList<Row> table()
{
    const QString apply = PolkitActions::kApply;
    const QString privileged = PolkitActions::kPrivileged;
    using R = PolkitRefusal;
    // clang-format off
    return {
        // name                                       areas                       grants                  approval    privileged  prompt        interaction root   verdict
        {"an area says no",                           Areas::FirstRefusalNo,      Grants::Any,            any,        any,        any,          any,        any,   refused(kArea, R::Forbidden)},
        {"an area unanswered",                        Areas::FirstRefusalUnknown, Grants::Any,            any,        any,        any,          any,        any,   refused(kArea, R::Unanswered)},
        // A plan without root-equivalent grants.
        {"every area yes: the site's policy",         Areas::AllYes,              Grants::Ordinary,       any,        any,        any,          any,        any,   allowed()},
        {"approval no",                               Areas::Any,                 Grants::Ordinary,       A::No,      any,        any,          any,        any,   refused(apply, R::Forbidden)},
        {"approval unanswered",                       Areas::Any,                 Grants::Ordinary,       A::Unknown, any,        any,          any,        any,   refused(apply, R::Unanswered)},
        {"no area, approval yes: nothing at stake",   Areas::None,                Grants::Ordinary,       A::Yes,     any,        any,          any,        any,   allowed()},
        {"approval yes while an area needs a password", Areas::Any,               Grants::Ordinary,       A::Yes,     any,        any,          any,        any,   refused(apply, R::ApprovalWithoutPassword)},
        {"prompt needed, interaction not allowed",    Areas::Any,                 Grants::Ordinary,       any,        any,        any,          false,      any,   refused(apply, R::InteractionNotAllowed)},
        {"prompt yes",                                Areas::Any,                 Grants::Ordinary,       any,        any,        A::Yes,       any,        any,   allowed(true)},
        {"prompt no",                                 Areas::Any,                 Grants::Ordinary,       any,        any,        A::No,        any,        any,   refused(apply, R::Forbidden)},
        {"prompt unanswered",                         Areas::Any,                 Grants::Ordinary,       any,        any,        A::Unknown,   any,        any,   refused(apply, R::Unanswered)},
        {"prompt dismissed, or no agent",             Areas::Any,                 Grants::Ordinary,       any,        any,        A::Challenge, any,        any,   refused(apply, R::AuthenticationFailed)},
        // A plan with root-equivalent grants: the privileged action approves it, with a password.
        {"privileged: approval no",                   Areas::Any,                 Grants::RootEquivalent, A::No,      any,        any,          any,        any,   refused(apply, R::Forbidden)},
        {"privileged: approval unanswered",           Areas::Any,                 Grants::RootEquivalent, A::Unknown, any,        any,          any,        any,   refused(apply, R::Unanswered)},
        {"privileged no",                             Areas::Any,                 Grants::RootEquivalent, any,        A::No,      any,          any,        any,   refused(privileged, R::Forbidden)},
        {"privileged unanswered",                     Areas::Any,                 Grants::RootEquivalent, any,        A::Unknown, any,          any,        any,   refused(privileged, R::Unanswered)},
        {"privileged yes for root",                   Areas::Any,                 Grants::RootEquivalent, any,        A::Yes,     any,          any,        true,  allowed()},
        {"privileged yes for anyone else",            Areas::Any,                 Grants::RootEquivalent, any,        A::Yes,     any,          any,        any,   refused(privileged, R::PrivilegedWithoutPassword)},
        {"privileged prompt, interaction not allowed", Areas::Any,                Grants::RootEquivalent, any,        any,        any,          false,      any,   refused(privileged, R::PrivilegedInteractionNotAllowed)},
        {"privileged prompt yes",                     Areas::Any,                 Grants::RootEquivalent, any,        any,        A::Yes,       any,        any,   allowed(true)},
        {"privileged prompt no",                      Areas::Any,                 Grants::RootEquivalent, any,        any,        A::No,        any,        any,   refused(privileged, R::Forbidden)},
        {"privileged prompt unanswered",              Areas::Any,                 Grants::RootEquivalent, any,        any,        A::Unknown,   any,        any,   refused(privileged, R::Unanswered)},
        {"privileged prompt dismissed, or no agent",  Areas::Any,                 Grants::RootEquivalent, any,        any,        A::Challenge, any,        any,   refused(privileged, R::AuthenticationFailed)},
    };
    // clang-format on
}

} // namespace

class PolkitDecisionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCombinationFollowsTheTable()
    {
        const QList<Row> rows = table();
        QList<int> used(rows.size(), 0);
        const QList<Combination> combinations = everyCombination();
        QCOMPARE(int(combinations.size()), 21 * 4 * 5 * 4 * 2 * 2);
        for (const Combination &c : combinations) {
            const Played played = play(c);
            qsizetype row = 0;
            while (row < rows.size() && !rows.at(row).matches(c)) {
                ++row;
            }
            QVERIFY2(row < rows.size(), qPrintable(u"no row decides: "_s + c.name()));
            ++used[row];
            Expected expected = rows.at(row).expected;
            if (expected.action == kArea) {
                for (qsizetype i = 0; i < c.areas.size(); ++i) {
                    if (c.areas.at(i) == A::No || c.areas.at(i) == A::Unknown) {
                        expected.action = kAreaActions.at(i);
                        break;
                    }
                }
            }
            const QString what = c.name() + u" (row '"_s + QLatin1StringView(rows.at(row).name) + u"')"_s;
            const PolkitStep &verdict = played.verdict;
            QVERIFY2(verdict.kind == expected.kind, qPrintable(what));
            if (expected.kind == PolkitStep::Kind::Allow) {
                QVERIFY2(verdict.prompted == expected.prompted, qPrintable(what));
            } else {
                QVERIFY2(verdict.action == expected.action, qPrintable(what + u": decided by "_s + verdict.action));
                QVERIFY2(verdict.refusal == expected.refusal, qPrintable(what));
            }
        }
        // Every row of the table decides some combination: none is dead or shadowed.
        for (qsizetype row = 0; row < rows.size(); ++row) {
            QVERIFY2(used.at(row) > 0, rows.at(row).name);
        }
    }

    // What holds whatever polkit answers.
    void invariants()
    {
        for (const Combination &c : everyCombination()) {
            const Played played = play(c);
            const QString what = c.name();
            qsizetype interactive = 0;
            for (qsizetype i = 0; i < played.asked.size(); ++i) {
                const PolkitStep &step = played.asked.at(i);
                if (!step.interactive) {
                    continue;
                }
                ++interactive;
                // The one prompt is the approval's, or the privileged action's for a plan with
                // root-equivalent grants; never an area's, and only when the caller allowed it.
                QVERIFY2(c.interaction, qPrintable(what));
                QVERIFY2(step.action == (c.privileged ? PolkitActions::kPrivileged : PolkitActions::kApply),
                         qPrintable(what));
                QCOMPARE(i, played.asked.size() - 1);
            }
            QVERIFY2(interactive <= 1, qPrintable(what));
            // The areas come first, in their order, and an area's NO is never overridden.
            for (qsizetype i = 0; i < c.areas.size() && i < played.asked.size(); ++i) {
                QCOMPARE(played.asked.at(i).action, kAreaActions.at(i));
            }
            if (c.areas.contains(A::No) || c.areas.contains(A::Unknown)) {
                QVERIFY2(played.verdict.kind == PolkitStep::Kind::Refuse, qPrintable(what));
            }
            // Allowed after a prompt only when the prompt said YES; a plan with root-equivalent
            // grants only after that prompt, or for root.
            if (played.verdict.kind == PolkitStep::Kind::Allow) {
                QCOMPARE(played.verdict.prompted, interactive == 1);
                if (interactive == 1) {
                    QCOMPARE(c.prompt, A::Yes);
                }
                if (c.privileged) {
                    QVERIFY2(interactive == 1 || c.root, qPrintable(what));
                }
            } else {
                QVERIFY2(!polkitRefusalText(played.verdict.refusal).isEmpty(), qPrintable(what));
            }
        }
    }

    // The sequence the helper asks for the default policy, step by step.
    void asksOneCheckAtATime()
    {
        const PolkitQuestion question{
            {PolkitActions::kUsers, PolkitActions::kUnits}, PolkitActions::kApply, {}, true, false};
        PolkitStep step = nextPolkitStep(question, {});
        QCOMPARE(int(step.kind), int(PolkitStep::Kind::Ask));
        QCOMPARE(step.action, PolkitActions::kUsers);
        QVERIFY(!step.interactive);
        step = nextPolkitStep(question, {A::Challenge});
        QCOMPARE(step.action, PolkitActions::kUnits);
        step = nextPolkitStep(question, {A::Challenge, A::Challenge});
        QCOMPARE(step.action, PolkitActions::kApply);
        QVERIFY(!step.interactive);
        step = nextPolkitStep(question, {A::Challenge, A::Challenge, A::Challenge});
        QCOMPARE(step.action, PolkitActions::kApply);
        QVERIFY(step.interactive);
        step = nextPolkitStep(question, {A::Challenge, A::Challenge, A::Challenge, A::Yes});
        QCOMPARE(int(step.kind), int(PolkitStep::Kind::Allow));
        QVERIFY(step.prompted);
        // Answers past the verdict change nothing.
        QCOMPARE(int(nextPolkitStep(question, {A::No, A::Yes, A::Yes}).kind), int(PolkitStep::Kind::Refuse));
    }

    void questionsFollowThePlan()
    {
        CheckedRequest plan;
        plan.areas = PlanArea::Units | PlanArea::Users;
        PolkitQuestion question = applyQuestion(plan, true, false);
        QCOMPARE(question.areaActions, (QStringList{PolkitActions::kUsers, PolkitActions::kUnits}));
        QCOMPARE(question.approvalAction, PolkitActions::kApply);
        QVERIFY(question.privilegedAction.isEmpty());
        QVERIFY(question.interactionAllowed);
        QVERIFY(!question.callerIsRoot);
        plan.privilegedGrants = {u"CAP_SYS_ADMIN (root-equivalent capability)"_s};
        question = applyQuestion(plan, false, true);
        QCOMPARE(question.privilegedAction, PolkitActions::kPrivileged);
        QVERIFY(!question.interactionAllowed);
        QVERIFY(question.callerIsRoot);
        question = rollbackQuestion(true, false);
        QCOMPARE(question.areaActions, QStringList{PolkitActions::kRollback});
        QCOMPARE(question.approvalAction, PolkitActions::kRollback);
        QVERIFY(question.privilegedAction.isEmpty());
        // Without an approval action nothing is asked.
        const PolkitStep none = nextPolkitStep(PolkitQuestion{{PolkitActions::kUsers}, {}, {}, true, true}, {});
        QCOMPARE(int(none.kind), int(PolkitStep::Kind::Refuse));
        QCOMPARE(none.refusal, PolkitRefusal::NoApprovalAction);
    }
};

QTEST_GUILESS_MAIN(PolkitDecisionTest)
#include "polkitdecision_test.moc"
