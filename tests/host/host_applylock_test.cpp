// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The Finish page's lock state against the real polkitd, in the booted test host: the desktop's
// PolkitApplyAuthority (through deroot-lockprobe), run as users a rules.d file allows, forbids one
// area to, or leaves to the policy's defaults (auth_admin), reports what that policy says, and
// Core::applyPermission turns it into what the Apply button shows, for a plan with and without a
// root-equivalent grant.
#include "hostsupport.h"

#include "core/plan/applyrequest.h"
#include "core/plan/polkitdecision.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

using namespace Deroot;
using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

namespace {

// The probe and, where it looks for it (bin/../lib/deroot), the GUI's plugin with polkit-qt6.
const QString kProbeDir = u"/var/tmp/deroot-lockprobe"_s;
const QString kProbe = kProbeDir + u"/bin/deroot-lockprobe"_s;
const QString kPlugin = kProbeDir + u"/lib/deroot/deroot-ui-plugin.so"_s;
const QString kRules = u"/etc/polkit-1/rules.d/60-deroot-applylock-test.rules"_s;
const QString kAllowed = u"deroot-lockyes"_s;
const QString kNoCaps = u"deroot-locknocaps"_s;
const QString kDefault = u"deroot-lockdefault"_s;

const char *kRulesText = R"(// The Finish page's lock state host test (tests/host/host_applylock_test.cpp).
polkit.addRule(function(action, subject) {
    if (action.id.indexOf("io.github.deroot.") != 0)
        return polkit.Result.NOT_HANDLED;
    if (subject.user == "deroot-lockyes")
        return polkit.Result.YES;
    if (subject.user == "deroot-locknocaps" && action.id == "io.github.deroot.capabilities.set")
        return polkit.Result.NO;
    return polkit.Result.NOT_HANDLED;
});
)";

const QStringList kActions{Core::PolkitActions::kUsers, Core::PolkitActions::kCapabilities, Core::PolkitActions::kUnits,
                           Core::PolkitActions::kApply, Core::PolkitActions::kPrivileged};

bool ensureUser(const QString &user)
{
    if (hostRun(u"id"_s, {u"-u"_s, user}).exitCode == 0) {
        return true;
    }
    return hostRun(u"useradd"_s, {u"--no-create-home"_s, u"--shell"_s, u"/bin/sh"_s, user}).exitCode == 0;
}

// The probe's answers, run as @p user: action -> "yes", "challenge", "no" or "unknown".
QMap<QString, QString> probe(const QString &user)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"ASAN_OPTIONS"_s, u"detect_leaks=0"_s);
    process.setProcessEnvironment(environment);
    process.start(u"setpriv"_s,
                  QStringList{u"--reuid"_s, user, u"--regid"_s, user, u"--init-groups"_s, kProbe} + kActions);
    QMap<QString, QString> answers;
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        qWarning("deroot-lockprobe as %s: exit %d: %s", qPrintable(user), process.exitCode(),
                 qPrintable(QString::fromUtf8(process.readAllStandardError())));
        return answers;
    }
    for (const QString &line : QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts)) {
        answers.insert(line.section(u' ', 0, 0), line.section(u' ', 1));
    }
    return answers;
}

Core::PolkitAnswer answerOf(const QString &word)
{
    if (word == u"yes") {
        return Core::PolkitAnswer::Yes;
    }
    if (word == u"challenge") {
        return Core::PolkitAnswer::Challenge;
    }
    if (word == u"no") {
        return Core::PolkitAnswer::No;
    }
    return Core::PolkitAnswer::Unknown;
}

} // namespace

class ApplyLockHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
        for (const QString &user : {kAllowed, kNoCaps, kDefault}) {
            QVERIFY2(ensureUser(user), qPrintable(user));
        }
        // Where the test users may run it: the build tree is not theirs to read.
        QDir(kProbeDir).removeRecursively();
        QVERIFY(QDir().mkpath(QFileInfo(kProbe).path()) && QDir().mkpath(QFileInfo(kPlugin).path()));
        QVERIFY(QFile::copy(QStringLiteral(DEROOT_LOCKPROBE_PATH), kProbe));
        QVERIFY(QFile::copy(QStringLiteral(DEROOT_UI_PLUGIN_PATH), kPlugin));
        for (const QString &file : {kProbe, kPlugin}) {
            QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                    QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                                    QFile::ExeOther));
        }
        QFile rules(kRules);
        QVERIFY(rules.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(rules.write(kRulesText) > 0);
        rules.close();
        // polkitd reloads rules.d when it changes: wait until it answers by the test's file.
        QVERIFY2(waitFor([] { return probe(kAllowed).value(Core::PolkitActions::kApply) == u"yes"; }),
                 "polkitd does not answer by the test's rules");
    }

    void cleanupTestCase()
    {
        QFile::remove(kRules);
        QDir(kProbeDir).removeRecursively();
    }

    void reportsThePolicy_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QStringList>("expected"); // users, capabilities, units, apply, privileged
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("privilegedState"); // for the same plan with a root-equivalent grant
        QTest::addColumn<QString>("privilegedAction");
        using S = Core::ApplyPermission::State;
        QTest::newRow("a rule allows everything")
            << kAllowed << QStringList{u"yes"_s, u"yes"_s, u"yes"_s, u"yes"_s, u"yes"_s} << int(S::Allowed) << QString()
            << int(S::Forbidden) << Core::PolkitActions::kPrivileged;
        QTest::newRow("a rule forbids capabilities")
            << kNoCaps << QStringList{u"challenge"_s, u"no"_s, u"challenge"_s, u"challenge"_s, u"challenge"_s}
            << int(S::Forbidden) << Core::PolkitActions::kCapabilities << int(S::Forbidden)
            << Core::PolkitActions::kCapabilities;
        QTest::newRow("no rule: the policy's auth_admin")
            << kDefault << QStringList{u"challenge"_s, u"challenge"_s, u"challenge"_s, u"challenge"_s, u"challenge"_s}
            << int(S::NeedsAuthentication) << QString() << int(S::NeedsAuthentication) << QString();
    }

    void reportsThePolicy()
    {
        QFETCH(QString, user);
        QFETCH(QStringList, expected);
        QFETCH(int, state);
        QFETCH(QString, action);
        QFETCH(int, privilegedState);
        QFETCH(QString, privilegedAction);
        const QMap<QString, QString> answers = probe(user);
        QStringList got;
        for (const QString &id : kActions) {
            got << answers.value(id);
        }
        QCOMPARE(got, expected);
        // A caps plan with a unit: users, capabilities and units, then the approval.
        QList<std::pair<QString, Core::PolkitAnswer>> areas;
        for (const QString &id : kActions.mid(0, 3)) {
            areas.append({id, answerOf(answers.value(id))});
        }
        const Core::ApplyPermission lock =
            Core::applyPermission(areas, answerOf(answers.value(Core::PolkitActions::kApply)));
        QCOMPARE(int(lock.state), state);
        QCOMPARE(lock.action, action);
        // With CAP_SYS_ADMIN: the rule's YES for everything no longer allows it (the helper
        // refuses a privileged YES without a password for anyone but root).
        const Core::ApplyPermission privileged =
            Core::applyPermission(areas, answerOf(answers.value(Core::PolkitActions::kApply)),
                                  answerOf(answers.value(Core::PolkitActions::kPrivileged)), false);
        QCOMPARE(int(privileged.state), privilegedState);
        QCOMPARE(privileged.action, privilegedAction);
    }
};

QTEST_GUILESS_MAIN(ApplyLockHostTest)
#include "host_applylock_test.moc"
