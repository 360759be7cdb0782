// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The helper's authorization against the real polkitd with rules.d, in the booted test host: a
// user a rule allows applies and rolls back without a password; a user a rule denies, and a user
// no rule mentions (auth_admin with no authentication agent), get one clear line and exit code 10
// and change nothing. A rule that allows one plan by its SHA-256 (the detail the helper passes)
// lets that plan through and refuses the same plan changed by one byte. A plan with a
// root-equivalent capability is refused to every user but root, whatever the rules say.
#include "applysupport.h"
#include "hostsupport.h"
#include "manifest.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

class ApplyPolkitHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void allowedUserAppliesAndRollsBack();
    void refusedUserChangesNothing_data();
    void refusedUserChangesNothing();
    void ruleForOnePlanHashRefusesAnother();
    void privilegedPlanNeedsAPasswordWhateverTheRules_data();
    void privilegedPlanNeedsAPasswordWhateverTheRules();
    void rootAppliesAPrivilegedPlan();

private:
    /// Writes the test's rules.d file and waits until polkitd answers by it.
    void installRules(const QString &planSha256);
    /// polkitd's answer (pkcheck's exit code) for @p action asked for a process of @p user, with
    /// the plan_sha256 detail.
    int pkcheck(const QString &user, const QString &action, const QString &planSha256);

    QString m_plan; ///< the node exporter's capabilities plan, readable by every test user
    QString m_planSha256;
    QString m_privilegedPlan; ///< the same with CAP_SYS_ADMIN, a root-equivalent capability
};

namespace {
const QString kWork = u"/var/tmp/deroot-apply-polkit-test"_s;
const QString kRules = u"/etc/polkit-1/rules.d/60-deroot-apply-test.rules"_s;
const QString kAllowed = u"deroot-allowed"_s;
const QString kDenied = u"deroot-denied"_s;
const QString kNoRule = u"deroot-norule"_s;
const QString kPlanBound = u"deroot-planbound"_s;

// The site's policy as a rules.d file would state it. Every area action and the rollback for
// the allowed user; nothing for the denied one; for the plan-bound user the area actions only
// for one plan hash (polkit hands the helper's details to rules as action.lookup()).
const char *kRulesText = R"(// Deroot's apply host test (tests/host/applypolkit_test.cpp).
polkit.addRule(function(action, subject) {
    if (action.id.indexOf("io.github.deroot.") != 0)
        return polkit.Result.NOT_HANDLED;
    if (subject.user == "deroot-allowed")
        return polkit.Result.YES;
    if (subject.user == "deroot-denied")
        return polkit.Result.NO;
    if (subject.user == "deroot-planbound") {
        if (action.id == "io.github.deroot.rollback.restore")
            return polkit.Result.YES;
        if (action.id != "io.github.deroot.plan.apply" && action.lookup("plan_sha256") == "@HASH@")
            return polkit.Result.YES;
    }
    return polkit.Result.NOT_HANDLED;
});
)";

bool ensureUser(const QString &user)
{
    if (hostRun(u"id"_s, {u"-u"_s, user}).exitCode == 0) {
        return true;
    }
    return hostRun(u"useradd"_s, {u"--no-create-home"_s, u"--shell"_s, u"/bin/sh"_s, user}).exitCode == 0;
}

QString sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}
} // namespace

void ApplyPolkitHostTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    for (const QString &user : {kAllowed, kDenied, kNoRule, kPlanBound}) {
        QVERIFY2(ensureUser(user), qPrintable(user));
    }
    QDir(kWork).removeRecursively();
    QVERIFY(QDir().mkpath(kWork));
    m_plan = generatePlan(kWork, {u"--unit"_s, u"prometheus-node-exporter.service"_s, u"--method"_s, u"caps"_s});
    QVERIFY(!m_plan.isEmpty());
    makeReadable(kWork);
    m_planSha256 = sha256Of(m_plan + u"/plan.json"_s);
    m_privilegedPlan = generatePlan(kWork, {u"--unit"_s, u"prometheus-node-exporter.service"_s, u"--method"_s,
                                            u"caps"_s, u"--add-cap"_s, u"CAP_SYS_ADMIN"_s});
    QVERIFY(!m_privilegedPlan.isEmpty());
    makeReadable(kWork);
    installRules(m_planSha256);
}

void ApplyPolkitHostTest::cleanupTestCase()
{
    QFile::remove(kRules);
    QDir(kWork).removeRecursively();
    hostRun(u"systemctl"_s, {u"stop"_s, u"prometheus-node-exporter.service"_s});
}

int ApplyPolkitHostTest::pkcheck(const QString &user, const QString &action, const QString &planSha256)
{
    QProcess sleeper;
    sleeper.start(u"setpriv"_s, {u"--reuid"_s, user, u"--regid"_s, user, u"--init-groups"_s, u"sleep"_s, u"30"_s});
    if (!sleeper.waitForStarted()) {
        return -1;
    }
    QTest::qWait(100); // setpriv has executed sleep as the user by then
    const HostRun check =
        hostRun(u"pkcheck"_s, {u"--action-id"_s, action, u"--process"_s, QString::number(sleeper.processId()),
                               u"--detail"_s, u"plan_sha256"_s, planSha256});
    sleeper.kill();
    sleeper.waitForFinished();
    return check.exitCode;
}

void ApplyPolkitHostTest::installRules(const QString &planSha256)
{
    QFile rules(kRules);
    QVERIFY(rules.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(rules.write(QByteArray(kRulesText).replace("@HASH@", planSha256.toLatin1())) > 0);
    rules.close();
    // polkitd reloads rules.d when it changes; wait until its answers follow the new file.
    QVERIFY2(waitFor([&] {
                 return pkcheck(kAllowed, u"io.github.deroot.units.install"_s, planSha256) == 0 &&
                        pkcheck(kPlanBound, u"io.github.deroot.units.install"_s, planSha256) == 0;
             }),
             "polkitd does not answer by the test's rules");
}

void ApplyPolkitHostTest::allowedUserAppliesAndRollsBack()
{
    const Manifest before = systemManifest();
    const CtlRun applied = derootctl({u"apply"_s, u"--json"_s, u"--no-ask-password"_s, m_plan}, kAllowed);
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
    const QString id = applied.json.value(u"apply_id"_s).toString();
    QVERIFY2(applied.json.value(u"ok"_s).toBool(), qPrintable(applied.out));
    // The journal names the caller: the bus's uid of the user, not root.
    const QString uid = hostRun(u"id"_s, {u"-u"_s, kAllowed}).output.trimmed();
    QCOMPARE(QString::number(historyEntry(id).value(u"caller_uid"_s).toInt()), uid);
    // And so does the system journal, where every change is logged.
    QString logged;
    QVERIFY2(
        waitFor(
            [&] {
                logged =
                    hostRun(u"journalctl"_s, {u"--no-pager"_s, u"-o"_s, u"cat"_s, u"-t"_s, u"deroot-helper"_s}).output;
                return logged.contains(u"caller uid %1: apply %2"_s.arg(uid, id));
            },
            5000),
        qPrintable(logged.right(2000)));
    QCOMPARE(systemctlShow(u"prometheus-node-exporter.service"_s, u"ActiveState"_s), u"active"_s);

    const CtlRun rolledBack = derootctl({u"rollback"_s, u"--json"_s, u"--no-ask-password"_s, id}, kAllowed);
    QVERIFY2(rolledBack.exitCode == 0, qPrintable(rolledBack.out + rolledBack.err));
    const QString diff = manifestDiff(before, systemManifest());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void ApplyPolkitHostTest::refusedUserChangesNothing_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("action"); // the action the refusal names
    QTest::newRow("denied by a rule") << kDenied << u"io.github.deroot.users.create"_s;
    QTest::newRow("no rule, no agent") << kNoRule << u"io.github.deroot.plan.apply"_s;
}

void ApplyPolkitHostTest::refusedUserChangesNothing()
{
    QFETCH(QString, user);
    QFETCH(QString, action);
    const Manifest before = systemManifest();
    const qsizetype history = helperHistory().size();
    const CtlRun refused = derootctl({u"apply"_s, u"--no-ask-password"_s, m_plan}, user);
    QCOMPARE(refused.exitCode, 10);
    const QStringList lines = refused.err.trimmed().split(u'\n');
    QVERIFY2(lines.size() == 1, qPrintable(refused.err));
    QVERIFY2(lines.first().startsWith(u"derootctl: "_s) && lines.first().contains(u"not authorized"_s) &&
                 lines.first().contains(action),
             qPrintable(refused.err));
    QCOMPARE(helperHistory().size(), history);
    const QString diff = manifestDiff(before, systemManifest());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    // The same for a rollback: an apply of root's stays in place.
    const CtlRun applied = derootctl({u"apply"_s, u"--json"_s, m_plan});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
    const QString id = applied.json.value(u"apply_id"_s).toString();
    const CtlRun notRolledBack = derootctl({u"rollback"_s, u"--no-ask-password"_s, id}, user);
    QCOMPARE(notRolledBack.exitCode, 10);
    QVERIFY2(notRolledBack.err.trimmed().count(u'\n') == 0, qPrintable(notRolledBack.err));
    QCOMPARE(historyEntry(id).value(u"state"_s).toString(), u"applied"_s);
    QCOMPARE(derootctl({u"rollback"_s, u"--json"_s, id}).exitCode, 0);
    QCOMPARE(manifestDiff(before, systemManifest()), QString());
}

void ApplyPolkitHostTest::ruleForOnePlanHashRefusesAnother()
{
    const Manifest before = systemManifest();
    // One byte of plan.json changed after the site allowed its hash is not even a plan any more: the
    // helper regenerates plan.json from its input and refuses bytes its generators did not write.
    QFile planFile(m_plan + u"/plan.json"_s);
    QVERIFY(planFile.open(QIODevice::ReadOnly));
    const qsizetype offset = planFile.readAll().lastIndexOf("\"purpose\": \"") + 13;
    planFile.close();
    QVERIFY(offset > 13);
    const QString edited = kWork + u"/edited"_s;
    QVERIFY(copyWithOneByteChanged(m_plan, edited, u"plan.json"_s, offset));
    const CtlRun editedDryRun = derootctl({u"apply"_s, u"--dry-run"_s, u"--json"_s, edited});
    QCOMPARE(editedDryRun.exitCode, 8);
    QVERIFY2(editedDryRun.err.contains(u"not the plan Deroot's generators write"_s), qPrintable(editedDryRun.err));

    // Another valid plan for the same agent (one limit differs): the generators' own bytes, so the
    // parser accepts it, but its hash is not the one the site's rule allows.
    const QString changed = generatePlan(kWork, {u"--unit"_s, u"prometheus-node-exporter.service"_s, u"--method"_s,
                                                 u"caps"_s, u"--tasks-max"_s, u"300"_s});
    QVERIFY(!changed.isEmpty());
    const CtlRun dryRun = derootctl({u"apply"_s, u"--dry-run"_s, u"--json"_s, changed});
    QVERIFY2(dryRun.exitCode == 0, qPrintable(dryRun.out + dryRun.err));
    QVERIFY(dryRun.json.value(u"plan_sha256"_s).toString() != m_planSha256);

    const CtlRun refused = derootctl({u"apply"_s, u"--no-ask-password"_s, changed}, kPlanBound);
    QCOMPARE(refused.exitCode, 10);
    QVERIFY2(refused.err.trimmed().count(u'\n') == 0, qPrintable(refused.err));
    QCOMPARE(manifestDiff(before, systemManifest()), QString());

    const CtlRun applied = derootctl({u"apply"_s, u"--json"_s, u"--no-ask-password"_s, m_plan}, kPlanBound);
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
    QCOMPARE(historyEntry(applied.json.value(u"apply_id"_s).toString()).value(u"plan_sha256"_s).toString(),
             m_planSha256);
    const CtlRun rolledBack = derootctl(
        {u"rollback"_s, u"--json"_s, u"--no-ask-password"_s, applied.json.value(u"apply_id"_s).toString()}, kPlanBound);
    QVERIFY2(rolledBack.exitCode == 0, qPrintable(rolledBack.out + rolledBack.err));
    QCOMPARE(manifestDiff(before, systemManifest()), QString());
}

// A plan with a root-equivalent capability needs io.github.deroot.privileged.grant, and polkit's
// YES for it without a password is refused: a rule that returns YES for every action (the allowed
// user's), and a rule that returns YES for every action but plan.apply for this very plan's hash
// (the plan-bound user's, given the privileged plan's hash), let nothing through. Without an
// authentication agent nobody can type the password, so every non-root user is refused, naming
// the action.
void ApplyPolkitHostTest::privilegedPlanNeedsAPasswordWhateverTheRules_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("says");
    QTest::newRow("a rule returns YES for everything") << kAllowed << u"without an administrator's password"_s;
    QTest::newRow("a rule allows every action of this very plan but plan.apply")
        << kPlanBound << u"without an administrator's password"_s;
    QTest::newRow("no rule, no agent") << kNoRule << u"authentication is required"_s;
}

void ApplyPolkitHostTest::privilegedPlanNeedsAPasswordWhateverTheRules()
{
    QFETCH(QString, user);
    QFETCH(QString, says);
    const QString privilegedSha = sha256Of(m_privilegedPlan + u"/plan.json"_s);
    installRules(privilegedSha);
    const auto restore = qScopeGuard([&] { installRules(m_planSha256); });
    // polkitd itself says YES to the allowed user for the privileged action: only the helper
    // stands between that rule and CAP_SYS_ADMIN.
    QCOMPARE(pkcheck(kAllowed, u"io.github.deroot.privileged.grant"_s, privilegedSha), 0);

    const Manifest before = systemManifest();
    const qsizetype history = helperHistory().size();
    const CtlRun dryRun = derootctl({u"apply"_s, u"--dry-run"_s, u"--json"_s, m_privilegedPlan});
    QVERIFY2(dryRun.exitCode == 0, qPrintable(dryRun.out + dryRun.err));
    QCOMPARE(dryRun.json.value(u"privileged_grants"_s).toArray(),
             QJsonArray{u"CAP_SYS_ADMIN (root-equivalent capability)"_s});
    // --no-ask-password: no text agent, so no one can answer a prompt.
    const CtlRun refused = derootctl({u"apply"_s, u"--no-ask-password"_s, m_privilegedPlan}, user);
    QCOMPARE(refused.exitCode, 10);
    const QStringList lines = refused.err.trimmed().split(u'\n');
    QVERIFY2(lines.size() == 1 && lines.first().contains(u"io.github.deroot.privileged.grant"_s) &&
                 lines.first().contains(says),
             qPrintable(refused.err));
    QCOMPARE(helperHistory().size(), history);
    const QString diff = manifestDiff(before, systemManifest());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

// polkit says YES to root for every action, and root could change the system without the helper:
// the privileged plan goes through for root, and its rollback restores everything. In between, its
// drop-in edited by hand: putting it back gives CAP_SYS_ADMIN again, so the rule that says YES to
// every action (the allowed user's) gets nothing, and the refusal names
// io.github.deroot.privileged.restore; root's reconcile puts it back.
void ApplyPolkitHostTest::rootAppliesAPrivilegedPlan()
{
    const QString unit = u"prometheus-node-exporter.service"_s;
    const Manifest before = systemManifest();
    const CtlRun applied = derootctl({u"apply"_s, u"--json"_s, u"--no-ask-password"_s, m_privilegedPlan});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
    QVERIFY2(applied.json.value(u"ok"_s).toBool(), qPrintable(applied.out));
    QVERIFY2(systemctlShow(unit, u"AmbientCapabilities"_s).contains(u"cap_sys_admin"_s),
             qPrintable(systemctlShow(unit, u"AmbientCapabilities"_s)));
    const QString applyId = applied.json.value(u"apply_id"_s).toString();

    const QString dropInDir = u"/etc/systemd/system/%1.d"_s.arg(unit);
    const QStringList ours = QDir(dropInDir).entryList({u"*deroot*.conf"_s}, QDir::Files);
    QCOMPARE(ours.size(), 1);
    QFile dropIn(dropInDir + u'/' + ours.first());
    QVERIFY(dropIn.open(QIODevice::ReadOnly));
    const QByteArray bytes = dropIn.readAll();
    dropIn.close();
    QVERIFY(bytes.contains("CAP_SYS_ADMIN"));
    QVERIFY(dropIn.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(dropIn.write(QByteArray(bytes).replace("CAP_SYS_ADMIN", "")) > 0);
    dropIn.close();
    const CtlRun ruled = derootctl({u"reconcile"_s, u"--no-ask-password"_s, applyId}, kAllowed);
    QCOMPARE(ruled.exitCode, 10);
    QVERIFY2(ruled.err.contains(u"io.github.deroot.privileged.restore"_s), qPrintable(ruled.err));
    // As that attacker, every other way in: every apply at once, and the bus directly (no
    // derootctl, its status check or its prompt), with either scope.
    const CtlRun everyApply = derootctl({u"reconcile"_s, u"--no-ask-password"_s}, kAllowed);
    QCOMPARE(everyApply.exitCode, 10);
    QVERIFY2(everyApply.err.contains(u"io.github.deroot.privileged.restore"_s), qPrintable(everyApply.err));
    const HostRun direct =
        hostRun(u"runuser"_s, {u"-u"_s, kAllowed, u"--"_s, u"busctl"_s, u"--system"_s, u"call"_s,
                               u"io.github.deroot.Helper1"_s, u"/io/github/deroot/Helper1"_s,
                               u"io.github.deroot.Helper1"_s, u"Reconcile"_s, u"ss"_s, applyId, u"all"_s});
    QVERIFY2(direct.exitCode != 0 && direct.output.contains(u"privileged.restore"_s), qPrintable(direct.output));
    QVERIFY(dropIn.open(QIODevice::ReadOnly));
    QVERIFY(!dropIn.readAll().contains("CAP_SYS_ADMIN"));
    dropIn.close();
    const CtlRun restored = derootctl({u"reconcile"_s, u"--json"_s, u"--no-ask-password"_s, applyId});
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.out + restored.err));
    QVERIFY(dropIn.open(QIODevice::ReadOnly));
    QCOMPARE(dropIn.readAll(), bytes);
    dropIn.close();

    const CtlRun rolledBack = derootctl({u"rollback"_s, u"--json"_s, u"--no-ask-password"_s, applyId});
    QVERIFY2(rolledBack.exitCode == 0, qPrintable(rolledBack.out + rolledBack.err));
    const QString diff = manifestDiff(before, systemManifest());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

QTEST_GUILESS_MAIN(ApplyPolkitHostTest)
#include "applypolkit_test.moc"
