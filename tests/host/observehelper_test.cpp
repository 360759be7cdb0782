// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// derootctl observe for a user who is not root, through the installed helper, the system bus and
// the real polkitd in the booted test host: a user a rules.d rule allows gets fping's recording
// (Debian's fping has cap_net_raw=ep, which acts as it does for nobody: CAP_NET_RAW is "used"); a
// user a rule denies, and one no rule mentions (auth_admin, no authentication agent), get exit code
// 10 and no deroot-observer unit ever starts; hostile requests sent straight over the bus are
// refused, whatever the rule says, and start nothing either.
#include "applysupport.h"
#include "hostsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

class ObserveHelperHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void allowedUserObservesFping();
    void refusedUserRunsNothing_data();
    void refusedUserRunsNothing();
    void hostileRequestsOverTheBus_data();
    void hostileRequestsOverTheBus();

private:
    /// The journal's cursor now: what happens after it is what a step did.
    static QString cursor();
    /// Whether a deroot-observer unit started after @p cursor (systemd logs each start).
    static bool observerStartedSince(const QString &cursor);

    QString m_logTarget; ///< systemd's log target before the test
};

namespace {
const QString kRules = u"/etc/polkit-1/rules.d/60-deroot-observe-test.rules"_s;
const QString kAllowed = u"deroot-obs-allowed"_s;
const QString kDenied = u"deroot-obs-denied"_s;
const QString kNoRule = u"deroot-obs-norule"_s;

const char *kRulesText = R"(// Deroot's observe host test (tests/host/observehelper_test.cpp).
polkit.addRule(function(action, subject) {
    if (action.id.indexOf("io.github.deroot.observe.") != 0)
        return polkit.Result.NOT_HANDLED;
    if (subject.user == "deroot-obs-allowed")
        return polkit.Result.YES;
    if (subject.user == "deroot-obs-denied")
        return polkit.Result.NO;
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

// polkitd's answer for @p action asked for a process of @p user (pkcheck's exit code).
int pkcheck(const QString &user, const QString &action)
{
    QProcess sleeper;
    sleeper.start(u"setpriv"_s, {u"--reuid"_s, user, u"--regid"_s, user, u"--init-groups"_s, u"sleep"_s, u"30"_s});
    if (!sleeper.waitForStarted()) {
        return -1;
    }
    QTest::qWait(100);
    const HostRun check =
        hostRun(u"pkcheck"_s, {u"--action-id"_s, action, u"--process"_s, QString::number(sleeper.processId())});
    sleeper.kill();
    sleeper.waitForFinished();
    return check.exitCode;
}

// dbus-send's call of Observe with @p request, as @p user, past derootctl's own checks: its output
// ("Error NAME: message", or the reply).
HostRun busObserve(const QString &user, const QByteArray &request)
{
    return hostRun(u"setpriv"_s, {u"--reuid"_s, user, u"--regid"_s, user, u"--init-groups"_s, u"dbus-send"_s,
                                  u"--system"_s, u"--print-reply"_s, u"--reply-timeout=60000"_s,
                                  u"--dest=io.github.deroot.Helper1"_s, u"/io/github/deroot/Helper1"_s,
                                  u"io.github.deroot.Helper1.Observe"_s, u"string:"_s + QString::fromUtf8(request)});
}
} // namespace

QString ObserveHelperHostTest::cursor()
{
    return hostRun(u"journalctl"_s, {u"--no-pager"_s, u"-n"_s, u"0"_s, u"--show-cursor"_s})
        .output.section(u"-- cursor: "_s, 1)
        .trimmed();
}

bool ObserveHelperHostTest::observerStartedSince(const QString &cursor)
{
    const QString log =
        hostRun(u"journalctl"_s, {u"--no-pager"_s, u"-o"_s, u"cat"_s, u"--after-cursor"_s, cursor}).output;
    return log.contains(u"deroot-observer-"_s) || log.contains(u"Deroot observation"_s);
}

void ObserveHelperHostTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    // Debian's fping: the file capability the observation must see act.
    QVERIFY2(hostRun(u"getcap"_s, {u"/usr/bin/fping"_s}).output.contains(u"cap_net_raw"_s),
             "/usr/bin/fping has no cap_net_raw file capability");
    for (const QString &user : {kAllowed, kDenied, kNoRule}) {
        QVERIFY2(ensureUser(user), qPrintable(user));
    }
    // The test host's systemd logs to the console: to the journal instead, so that every start of
    // a unit ("Started deroot-observer-....service") is on record. allowedUserObservesFping checks
    // that a run is seen, so "none was seen" means none ran.
    m_logTarget = hostRun(u"systemctl"_s, {u"log-target"_s}).output.trimmed();
    QCOMPARE(hostRun(u"systemctl"_s, {u"log-target"_s, u"journal"_s}).exitCode, 0);
    QFile rules(kRules);
    QVERIFY(rules.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(rules.write(kRulesText) > 0);
    rules.close();
    QVERIFY2(waitFor([] { return pkcheck(kAllowed, u"io.github.deroot.observe.run"_s) == 0; }),
             "polkitd does not answer by the test's rules");
}

void ObserveHelperHostTest::cleanupTestCase()
{
    QFile::remove(kRules);
    if (!m_logTarget.isEmpty()) {
        hostRun(u"systemctl"_s, {u"log-target"_s, m_logTarget});
    }
}

void ObserveHelperHostTest::allowedUserObservesFping()
{
    // Installed beside the helper (observerProgram()), wherever the install's prefix put both.
    const QString observer = u"/usr/libexec/deroot-observer"_s;
    QVERIFY2(QFile::exists(u"/usr/libexec/deroot-helper"_s), "the helper is not installed in /usr/libexec");
    QVERIFY2(QFile::exists(observer), qPrintable(observer + u" is not installed: the helper has nothing to run"_s));
    const QString before = cursor();
    const CtlRun observed = derootctl({u"observe"_s, u"--json"_s, u"--no-ask-password"_s, u"--seconds"_s, u"20"_s,
                                       u"--"_s, u"/usr/bin/fping"_s, u"-c1"_s, u"127.0.0.1"_s},
                                      kAllowed);
    QVERIFY2(observed.exitCode == 0, qPrintable(observed.out + observed.err));
    const QJsonObject observation = observed.json.value(u"observation"_s).toObject();
    QString verdict;
    for (const QJsonValue &capability : observation.value(u"capabilities"_s).toArray()) {
        if (capability[u"name"_s].toString() == u"CAP_NET_RAW"_s) {
            verdict = capability[u"verdict"_s].toString();
        }
    }
    QVERIFY2(verdict == u"used"_s, qPrintable(observed.out));
    const QJsonObject recording = observation.value(u"recording"_s).toObject();
    QCOMPARE(recording.value(u"user"_s).toString(), u"nobody"_s);
    QCOMPARE(recording.value(u"as_root"_s).toBool(), false);
    QVERIFY2(recording.value(u"target"_s).toString().contains(u"/usr/bin/fping"_s), qPrintable(observed.out));
    // It ran as a transient unit of its own, which is gone.
    QVERIFY2(waitFor([&] { return observerStartedSince(before); }, 5000), "no deroot-observer unit was seen to start");
    QVERIFY2(waitFor([] {
                 return hostRun(u"systemctl"_s, {u"list-units"_s, u"--all"_s, u"--no-legend"_s, u"deroot-observer-*"_s})
                     .output.trimmed()
                     .isEmpty();
             }),
             "a deroot-observer unit was left behind");
    // The helper is not busy and not observing after it.
    const HostRun status =
        hostRun(u"busctl"_s, {u"--system"_s, u"--json=short"_s, u"call"_s, u"io.github.deroot.Helper1"_s,
                              u"/io/github/deroot/Helper1"_s, u"io.github.deroot.Helper1"_s, u"Status"_s});
    QVERIFY2(status.output.contains(u"\\\"observing\\\":false"_s), qPrintable(status.output));
}

void ObserveHelperHostTest::refusedUserRunsNothing_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("target");
    QTest::addColumn<QString>("action");
    const QStringList fping{u"--"_s, u"/usr/bin/fping"_s, u"-c1"_s, u"127.0.0.1"_s};
    QTest::newRow("a program, denied by a rule") << kDenied << fping << u"io.github.deroot.observe.run"_s;
    QTest::newRow("a program, no rule, no agent") << kNoRule << fping << u"io.github.deroot.observe.run"_s;
    QTest::newRow("a unit, denied by a rule")
        << kDenied << QStringList{u"--unit"_s, u"dbus.service"_s} << u"io.github.deroot.observe.watch"_s;
    QTest::newRow("a pid, no rule, no agent")
        << kNoRule << QStringList{u"--pid"_s, u"1"_s} << u"io.github.deroot.observe.watch"_s;
}

void ObserveHelperHostTest::refusedUserRunsNothing()
{
    QFETCH(QString, user);
    QFETCH(QStringList, target);
    QFETCH(QString, action);
    const QString before = cursor();
    const CtlRun refused =
        derootctl(QStringList{u"observe"_s, u"--no-ask-password"_s, u"--seconds"_s, u"5"_s} + target, user);
    QCOMPARE(refused.exitCode, 10);
    const QStringList lines = refused.err.trimmed().split(u'\n');
    QVERIFY2(lines.size() == 1 && lines.first().startsWith(u"derootctl: "_s) &&
                 lines.first().contains(u"not authorized"_s) && lines.first().contains(action) &&
                 lines.first().contains(u"nothing was run"_s),
             qPrintable(refused.err));
    QVERIFY2(!observerStartedSince(before), "a deroot-observer unit started");
}

void ObserveHelperHostTest::hostileRequestsOverTheBus_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("says");
    const auto command = [](const QString &program, const QString &user, const QString &capability) {
        return QJsonDocument(QJsonObject{{u"version"_s, 1},
                                         {u"target"_s, u"command"_s},
                                         {u"program"_s, program},
                                         {u"arguments"_s, QJsonArray{u"-c1"_s, u"127.0.0.1"_s}},
                                         {u"user"_s, user},
                                         {u"capabilities"_s, QJsonArray{capability}},
                                         {u"seconds"_s, 5},
                                         {u"mechanism"_s, u"auto"_s}})
            .toJson(QJsonDocument::Compact);
    };
    QTest::newRow("run as root") << command(u"/usr/bin/fping"_s, u"root"_s, u"CAP_NET_RAW"_s)
                                 << u"io.github.deroot.Helper1.Error.Refused"_s << u"uid or gid 0"_s;
    QTest::newRow("a root-equivalent capability")
        << command(u"/usr/bin/fping"_s, u"nobody"_s, u"CAP_SYS_ADMIN"_s)
        << u"io.github.deroot.Helper1.Error.InvalidArgs"_s << u"root-equivalent"_s;
    QTest::newRow("a shell") << command(u"/usr/bin/bash"_s, u"nobody"_s, u"CAP_NET_RAW"_s)
                             << u"io.github.deroot.Helper1.Error.Refused"_s << u"a shell or an interpreter"_s;
    QTest::newRow("a program in /tmp") << command(u"/tmp/fping"_s, u"nobody"_s, u"CAP_NET_RAW"_s)
                                       << u"io.github.deroot.Helper1.Error.Refused"_s << u"'/tmp'"_s;
    QTest::newRow("a unit named --help")
        << QByteArray(R"({"version":1,"target":"unit","unit":"--help","seconds":5,"mechanism":"auto"})")
        << u"io.github.deroot.Helper1.Error.InvalidArgs"_s << u"'unit' must be"_s;
    QTest::newRow("an unknown key")
        << QByteArray(R"({"version":1,"target":"pid","pid":1,"seconds":5,"mechanism":"auto","shell":"sh"})")
        << u"io.github.deroot.Helper1.Error.InvalidArgs"_s << u"unknown key"_s;
}

void ObserveHelperHostTest::hostileRequestsOverTheBus()
{
    QFETCH(QByteArray, request);
    QFETCH(QString, error);
    QFETCH(QString, says);
    const QString before = cursor();
    // The allowed user: polkit says yes to it, so only the helper's own checks stand in the way.
    const HostRun refused = busObserve(kAllowed, request);
    QVERIFY2(refused.exitCode != 0, qPrintable(refused.output));
    QVERIFY2(refused.output.contains(u"Error "_s + error), qPrintable(refused.output));
    QVERIFY2(refused.output.contains(says), qPrintable(refused.output));
    QVERIFY2(!observerStartedSince(before), "a deroot-observer unit started");
}

QTEST_GUILESS_MAIN(ObserveHelperHostTest)
#include "observehelper_test.moc"
