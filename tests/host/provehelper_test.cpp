// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// derootctl prove for a user who is not root, through the installed helper, the system bus and the
// real polkitd in the booted test host: the nginx plan of host_prove_test (CAP_NET_BIND_SERVICE,
// needed for port 80 as www-data, and an added CAP_SYS_TIME), proved by a user a rules.d rule
// allows, gets the same verdicts as root, the check command runs as that user (its uid, not root's),
// and nothing of the trials is left; a user a rule denies, and one no rule mentions (auth_admin,
// no authentication agent), get exit code 10 and one line, and no trial unit ever starts. The same
// plan proved as root and through the helper is timed (printed, never asserted).
#include "applysupport.h"
#include "hostsupport.h"
#include "planfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

namespace {

const QString kWork = u"/srv/deroot-provehelper-test"_s;
const QString kConfig = kWork + u"/nginx.conf"_s;
const QString kRules = u"/etc/polkit-1/rules.d/60-deroot-prove-test.rules"_s;
const QString kAllowed = u"deroot-prove-allowed"_s;
const QString kDenied = u"deroot-prove-denied"_s;
const QString kNoRule = u"deroot-prove-norule"_s;
const QString kAction = u"io.github.deroot.prove.run"_s;
// Fetches the page nginx serves, from outside the unit, as an admin's check would.
const QString kFetch = u"python3 -c 'import urllib.request; urllib.request.urlopen(\"http://127.0.0.1/\").read()'"_s;

const char *kRulesText = R"(// Deroot's prove host test (tests/host/provehelper_test.cpp).
polkit.addRule(function(action, subject) {
    if (action.id != "io.github.deroot.prove.run")
        return polkit.Result.NOT_HANDLED;
    if (subject.user == "deroot-prove-allowed")
        return polkit.Result.YES;
    if (subject.user == "deroot-prove-denied")
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

QString uidOf(const QString &user)
{
    return hostRun(u"id"_s, {u"-u"_s, user}).output.trimmed();
}

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

QString proveUnits()
{
    return hostRun(u"systemctl"_s, {u"list-units"_s, u"--all"_s, u"--plain"_s, u"--no-legend"_s, u"deroot-prove-*"_s})
        .output.trimmed();
}

QString cursor()
{
    return hostRun(u"journalctl"_s, {u"--no-pager"_s, u"-n"_s, u"0"_s, u"--show-cursor"_s})
        .output.section(u"-- cursor: "_s, 1)
        .trimmed();
}

// Whether a trial or check unit started after @p cursor (systemd logs each start).
bool trialStartedSince(const QString &cursor)
{
    const QString log =
        hostRun(u"journalctl"_s, {u"--no-pager"_s, u"-o"_s, u"cat"_s, u"--after-cursor"_s, cursor}).output;
    return log.contains(u"deroot-prove-"_s) || log.contains(u"Deroot prove"_s);
}

} // namespace

class ProveHelperHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void allowedUserProvesNginx();
    void sameTextAsRoot();
    void refusedUserRunsNothing_data();
    void refusedUserRunsNothing();
    void rootEquivalentPlanRunsNothing();
    void userStillToBeMadeAndObservedSandbox();
    void dropInThroughTheHelper();
    void dropInForAUnitOfAnotherProgramRunsNothing();

private:
    QString m_plan;
    QString m_logTarget;
};

void ProveHelperHostTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    QVERIFY2(QFile::exists(u"/usr/sbin/nginx"_s), "the test host lacks nginx");
    QVERIFY2(QFile::exists(u"/usr/libexec/deroot-helper"_s), "the helper is not installed in /usr/libexec");
    for (const QString &user : {kAllowed, kDenied, kNoRule}) {
        QVERIFY2(ensureUser(user), qPrintable(user));
    }
    QDir(kWork).removeRecursively();
    QVERIFY(QDir().mkpath(kWork));
    QFile config(kConfig);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("pid /tmp/nginx.pid;\n"
                 "error_log stderr;\n"
                 "events {}\n"
                 "http {\n"
                 "  access_log off;\n"
                 "  client_body_temp_path /tmp/body; proxy_temp_path /tmp/proxy; fastcgi_temp_path /tmp/fastcgi;\n"
                 "  uwsgi_temp_path /tmp/uwsgi; scgi_temp_path /tmp/scgi;\n"
                 "  server { listen 80; location / { return 200 \"ok\\n\"; } }\n"
                 "}\n");
    config.close();
    m_plan = generatePlan(kWork, {u"/usr/sbin/nginx"_s, u"--method"_s, u"caps"_s, u"--new-unit"_s, u"--start"_s,
                                  u"service"_s, u"--user"_s, u"www-data"_s, u"--ports"_s, u"tcp/80"_s, u"--caps"_s,
                                  u"CAP_NET_BIND_SERVICE,CAP_SYS_TIME"_s, u"--args"_s,
                                  u"-e stderr -c %1 -g 'daemon off;'"_s.arg(kConfig)});
    QVERIFY(!m_plan.isEmpty());
    makeReadable(kWork);
    // Every unit start on record in the journal: "none was seen" then means none ran.
    m_logTarget = hostRun(u"systemctl"_s, {u"log-target"_s}).output.trimmed();
    QCOMPARE(hostRun(u"systemctl"_s, {u"log-target"_s, u"journal"_s}).exitCode, 0);
    QFile rules(kRules);
    QVERIFY(rules.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(rules.write(kRulesText) > 0);
    rules.close();
    QVERIFY2(waitFor([] { return pkcheck(kAllowed, kAction) == 0; }), "polkitd does not answer by the test's rules");
}

void ProveHelperHostTest::cleanupTestCase()
{
    for (const QString &line : proveUnits().split(u'\n', Qt::SkipEmptyParts)) {
        const QString unit = line.section(u' ', 0, 0);
        hostRun(u"systemctl"_s, {u"stop"_s, unit});
        hostRun(u"systemctl"_s, {u"reset-failed"_s, unit});
    }
    QFile::remove(kRules);
    if (!m_logTarget.isEmpty()) {
        hostRun(u"systemctl"_s, {u"log-target"_s, m_logTarget});
    }
    QDir(kWork).removeRecursively();
}

void ProveHelperHostTest::allowedUserProvesNginx()
{
    // The check passes only when it runs as the user who called, and nginx answers.
    const QString uid = uidOf(kAllowed);
    QVERIFY(!uid.isEmpty() && uid != u"0"_s);
    const QString check = u"test \"$(id -u)\" = %1 && %2"_s.arg(uid, kFetch);
    QElapsedTimer clock;
    clock.start();
    const CtlRun proved = derootctl(
        {u"prove"_s, m_plan, u"--seconds"_s, u"2"_s, u"--check"_s, check, u"--json"_s, u"--no-ask-password"_s},
        kAllowed);
    const double helperSeconds = clock.elapsed() / 1000.0;
    QVERIFY2(proved.exitCode == 0, qPrintable(proved.out + proved.err));
    const QJsonObject &report = proved.json;
    QCOMPARE(report.value(u"schema"_s).toString(), u"deroot.prove/1"_s);
    QCOMPARE(report.value(u"works"_s).toBool(), true);
    QCOMPARE(report.value(u"service_user"_s).toString(), u"www-data"_s);
    QCOMPARE(report.value(u"check"_s).toString(), check);
    // The check passed in the baseline: it ran as the caller's uid (as root it would fail).
    const QJsonObject baseline = report.value(u"baseline"_s).toObject();
    QVERIFY2(baseline.value(u"healthy"_s).toBool(), QJsonDocument(baseline).toJson().constData());
    QCOMPARE(baseline.value(u"check_exit_code"_s).toInt(-1), 0);
    QCOMPARE(baseline.value(u"listening"_s).toArray(), QJsonArray{u"tcp/80"_s});
    const QJsonArray verdicts = report.value(u"verdicts"_s).toArray();
    QCOMPARE(verdicts.size(), 2);
    QCOMPARE(verdicts.at(0)[u"capability"_s].toString(), u"CAP_NET_BIND_SERVICE"_s);
    QCOMPARE(verdicts.at(0)[u"verdict"_s].toString(), u"shown-necessary"_s);
    QCOMPARE(verdicts.at(1)[u"capability"_s].toString(), u"CAP_SYS_TIME"_s);
    QCOMPARE(verdicts.at(1)[u"verdict"_s].toString(), u"not-shown-necessary"_s);
    QCOMPARE(report.value(u"not_shown_necessary"_s).toArray(), QJsonArray{u"CAP_SYS_TIME"_s});
    // Nothing is left: no trial unit, no check unit, no nginx.
    QVERIFY2(waitFor([] { return proveUnits().isEmpty(); }, 5000), qPrintable(proveUnits()));
    QVERIFY(hostRun(u"pgrep"_s, {u"-x"_s, u"nginx"_s}).exitCode != 0);

    // The same plan as root, directly: the figure for the report beside the helper's.
    clock.restart();
    const CtlRun asRoot = derootctl({u"prove"_s, m_plan, u"--seconds"_s, u"2"_s, u"--check"_s,
                                     u"test \"$(id -u)\" = 0 && "_s + kFetch, u"--json"_s});
    const double rootSeconds = clock.elapsed() / 1000.0;
    QVERIFY2(asRoot.exitCode == 0, qPrintable(asRoot.out + asRoot.err));
    qInfo("prove of nginx (3 trials of 2 s, a check each): %.2f s through the helper (polkit rule, no prompt), "
          "%.2f s as root",
          helperSeconds, rootSeconds);
    QCOMPARE(asRoot.json.value(u"not_shown_necessary"_s).toArray(), QJsonArray{u"CAP_SYS_TIME"_s});
    QVERIFY2(waitFor([] { return proveUnits().isEmpty(); }, 5000), qPrintable(proveUnits()));
}

void ProveHelperHostTest::sameTextAsRoot()
{
    // The text, through the helper, names the trials and verdicts as root's does.
    const CtlRun proved =
        derootctl({u"prove"_s, m_plan + u"/plan.json"_s, u"--seconds"_s, u"2"_s, u"--no-ask-password"_s}, kAllowed);
    QVERIFY2(proved.exitCode == 0, qPrintable(proved.out + proved.err));
    const QStringList expected{
        u"Proving the plan for nginx (deroot-nginx.service): /usr/sbin/nginx as www-data, 2 s a trial"_s,
        u"  with every capability: works"_s,
        u"  without CAP_NET_BIND_SERVICE: fails: exited with status 1 before the time was up"_s,
        u"  without CAP_SYS_TIME: works"_s,
        u"CAP_NET_BIND_SERVICE: shown necessary (without it the agent exited with status 1 before the time was up)"_s,
        u"CAP_SYS_TIME: not shown necessary: the agent passed every check without it"_s,
        u"Offer: drop CAP_SYS_TIME: generate the plan again with --drop-cap CAP_SYS_TIME"_s,
        u"Nothing of the trials is left: their temporary units are gone."_s,
    };
    for (const QString &line : expected) {
        QVERIFY2(proved.out.contains(line), qPrintable(line + u"\nnot in:\n"_s + proved.out));
    }
    QVERIFY2(proved.err.isEmpty(), qPrintable(proved.err));
    QVERIFY2(waitFor([] { return proveUnits().isEmpty(); }, 5000), qPrintable(proveUnits()));
}

void ProveHelperHostTest::refusedUserRunsNothing_data()
{
    QTest::addColumn<QString>("user");
    QTest::newRow("denied by a rule") << kDenied;
    QTest::newRow("no rule, no agent") << kNoRule;
}

void ProveHelperHostTest::refusedUserRunsNothing()
{
    QFETCH(QString, user);
    const QString before = cursor();
    const CtlRun refused = derootctl({u"prove"_s, m_plan, u"--seconds"_s, u"2"_s, u"--check"_s,
                                      u"touch /tmp/deroot-prove-ran"_s, u"--no-ask-password"_s},
                                     user);
    QCOMPARE(refused.exitCode, 10);
    const QStringList lines = refused.err.trimmed().split(u'\n');
    QVERIFY2(lines.size() == 1 && lines.first().startsWith(u"derootctl: prove: not authorized"_s) &&
                 lines.first().contains(kAction) && lines.first().contains(u"nothing was run"_s),
             qPrintable(refused.err));
    QVERIFY(!QFile::exists(u"/tmp/deroot-prove-ran"_s));
    QVERIFY2(!trialStartedSince(before), "a deroot-prove unit started");
    QCOMPARE(proveUnits(), QString());
}

void ProveHelperHostTest::rootEquivalentPlanRunsNothing()
{
    // A plan the generators write, but root in all but name: the helper refuses it whatever polkit
    // says for the user (the allowed one here), and nothing starts.
    const QString plan = generatePlan(kWork, {u"/usr/sbin/nginx"_s, u"--method"_s, u"caps"_s, u"--new-unit"_s,
                                              u"--start"_s, u"service"_s, u"--user"_s, u"www-data"_s, u"--ports"_s,
                                              u"tcp/80"_s, u"--caps"_s, u"CAP_NET_BIND_SERVICE,CAP_SYS_ADMIN"_s,
                                              u"--args"_s, u"-e stderr -c %1 -g 'daemon off;'"_s.arg(kConfig)});
    QVERIFY(!plan.isEmpty());
    makeReadable(kWork);
    const QString before = cursor();
    const CtlRun refused =
        derootctl({u"prove"_s, plan, u"--seconds"_s, u"2"_s, u"--no-ask-password"_s, u"--json"_s}, kAllowed);
    QCOMPARE(refused.exitCode, 8);
    const QString message = refused.json.value(u"error"_s).toObject().value(u"message"_s).toString();
    QVERIFY2(message.contains(u"CAP_SYS_ADMIN"_s) && message.contains(u"root-equivalent"_s), qPrintable(refused.out));
    QVERIFY2(!trialStartedSince(before), "a deroot-prove unit started");
    QCOMPARE(proveUnits(), QString());
}

void ProveHelperHostTest::userStillToBeMadeAndObservedSandbox()
{
    // Watched as root would watch it for the plan (www-data, CAP_NET_BIND_SERVICE): nginx opens no
    // device, so the observation flags PrivateDevices=yes.
    const CtlRun observed = derootctl({u"observe"_s, u"--json"_s, u"--user"_s, u"www-data"_s, u"--capabilities"_s,
                                       u"CAP_NET_BIND_SERVICE"_s, u"--seconds"_s, u"2"_s, u"--"_s, u"/usr/sbin/nginx"_s,
                                       u"-e"_s, u"stderr"_s, u"-c"_s, kConfig, u"-g"_s, u"daemon off;"_s});
    QVERIFY2(observed.exitCode == 0, qPrintable(observed.err));
    const QString observation = kWork + u"/observation.json"_s;
    QFile file(observation);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(observed.out.toUtf8());
    file.close();
    // A plan for a user the apply has still to make, which allows a device (PrivateDevices=no).
    const QString user = u"deroot-provenew"_s;
    const auto noSuchUser = [&] { return hostRun(u"id"_s, {u"-u"_s, user}).exitCode != 0; };
    QVERIFY(noSuchUser());
    const QString plan = generatePlan(kWork, {u"/usr/sbin/nginx"_s, u"--method"_s, u"caps"_s, u"--new-unit"_s,
                                              u"--start"_s, u"service"_s, u"--user"_s, user, u"--ports"_s, u"tcp/80"_s,
                                              u"--caps"_s, u"CAP_NET_BIND_SERVICE"_s, u"--devices"_s, u"/dev/net/tun"_s,
                                              u"--args"_s, u"-e stderr -c %1 -g 'daemon off;'"_s.arg(kConfig)});
    QVERIFY(!plan.isEmpty());
    makeReadable(kWork);

    const QString before = cursor();
    const CtlRun proved = derootctl({u"prove"_s, plan, u"--seconds"_s, u"2"_s, u"--observation"_s, observation,
                                     u"--json"_s, u"--no-ask-password"_s},
                                    kAllowed);
    QVERIFY2(proved.exitCode == 0, qPrintable(proved.out + proved.err));
    const QJsonObject &report = proved.json;
    QVERIFY2(report.value(u"works"_s).toBool(), qPrintable(proved.out));
    // The helper lent the trials a user of that name (DynamicUser=yes), and said so.
    const QJsonArray notes = report.value(u"notes"_s).toArray();
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes.first().toString().contains(u"DynamicUser=yes"_s), qPrintable(notes.first().toString()));
    QCOMPARE(report[u"verdicts"_s][0][u"verdict"_s].toString(), u"shown-necessary"_s);
    // The observed setting travelled with the request and had its trial.
    bool devices = false;
    for (const QJsonValue &entry : report.value(u"sandbox"_s).toArray()) {
        if (entry[u"setting"_s].toString() == u"PrivateDevices=yes"_s) {
            devices = true;
            QCOMPARE(entry[u"verdict"_s].toString(), u"tolerated"_s);
        }
    }
    QVERIFY2(devices, qPrintable(proved.out));
    QVERIFY(trialStartedSince(before));
    // Nothing is left: no user, no unit.
    QVERIFY(noSuchUser());
    QVERIFY2(waitFor([] { return proveUnits().isEmpty(); }, 5000), qPrintable(proveUnits()));
}

void ProveHelperHostTest::dropInThroughTheHelper()
{
    // The package's blackbox exporter, planned as a drop-in for its own unit on port 80: the helper
    // runs a copy of the vendor's unit with the plan's drop-in, as root does.
    const QString unit = u"prometheus-blackbox-exporter.service"_s;
    const QString plan =
        generatePlan(kWork, {u"/usr/bin/prometheus-blackbox-exporter"_s, u"--method"_s, u"caps"_s, u"--start"_s,
                             u"service"_s, u"--user"_s, u"prometheus"_s, u"--ports"_s, u"tcp/80"_s, u"--caps"_s,
                             u"CAP_NET_BIND_SERVICE,CAP_SYS_TIME"_s, u"--args"_s, u"--web.listen-address=:80"_s});
    QVERIFY(!plan.isEmpty());
    makeReadable(kWork);
    const QString uid = uidOf(kAllowed);
    const QString check = u"test \"$(id -u)\" = %1 && python3 -c 'import urllib.request; "
                          u"urllib.request.urlopen(\"http://127.0.0.1:80/metrics\").read()'"_s.arg(uid);
    const CtlRun proved = derootctl(
        {u"prove"_s, plan, u"--seconds"_s, u"2"_s, u"--check"_s, check, u"--json"_s, u"--no-ask-password"_s}, kAllowed);
    QVERIFY2(proved.exitCode == 0, qPrintable(proved.out + proved.err));
    const QJsonObject &report = proved.json;
    QCOMPARE(report.value(u"unit"_s).toString(), unit);
    QVERIFY2(report.value(u"works"_s).toBool(), qPrintable(proved.out));
    QCOMPARE(report[u"baseline"_s][u"check_exit_code"_s].toInt(-1), 0);
    QCOMPARE(report[u"verdicts"_s][0][u"verdict"_s].toString(), u"shown-necessary"_s);
    QCOMPARE(report.value(u"not_shown_necessary"_s).toArray(), QJsonArray{u"CAP_SYS_TIME"_s});
    QVERIFY2(report[u"notes"_s][0].toString().contains(u"a copy of %1"_s.arg(unit)), qPrintable(proved.out));
    QVERIFY2(waitFor([] { return proveUnits().isEmpty(); }, 5000), qPrintable(proveUnits()));
    QCOMPARE(QDir(u"/run/systemd/system"_s).entryList({u"deroot-prove-*"_s}, QDir::AllEntries | QDir::System),
             QStringList());

    // Running, it is refused before polkit is asked and before anything starts.
    QCOMPARE(hostRun(u"systemctl"_s, {u"start"_s, u"--"_s, unit}).exitCode, 0);
    const QString before = cursor();
    const CtlRun refused = derootctl({u"prove"_s, plan, u"--seconds"_s, u"2"_s, u"--no-ask-password"_s}, kAllowed);
    hostRun(u"systemctl"_s, {u"stop"_s, u"--"_s, unit});
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(refused.err.startsWith(u"derootctl: prove: the agent's unit %1 is active"_s.arg(unit)),
             qPrintable(refused.err));
    QVERIFY2(!trialStartedSince(before), "a deroot-prove unit started");
}

void ProveHelperHostTest::dropInForAUnitOfAnotherProgramRunsNothing()
{
    // An attacker's plan, as the generators write it from a typed input: its program is nginx (what
    // the prompt names), and its input says the unit's command line starts nginx, so the drop-in
    // keeps that line; the unit's real one starts another program. The trials would give that
    // program the plan's capabilities behind a prompt that names nginx: refused, nothing starts.
    const QString unitFile = u"/run/systemd/system/"_s + kDropInUnit;
    QFile unit(unitFile);
    QVERIFY(unit.open(QIODevice::WriteOnly | QIODevice::Truncate));
    unit.write("[Service]\nExecStart=/usr/bin/sleep infinity\n");
    unit.close();
    const auto removeUnit = qScopeGuard([&] {
        QFile::remove(unitFile);
        hostRun(u"systemctl"_s, {u"daemon-reload"_s});
    });
    QCOMPARE(hostRun(u"systemctl"_s, {u"daemon-reload"_s}).exitCode, 0);
    QFile nginx(u"/usr/sbin/nginx"_s);
    QVERIFY(nginx.open(QIODevice::ReadOnly));
    const auto plan = writePlanExport(u"dropin"_s, kWork + u"/dropin"_s, nginx.fileName(), nginx.readAll(), {});
    QVERIFY2(plan.ok(), qPrintable(plan.error().message));
    QFile dropIn(*plan + u"/deroot.conf"_s);
    QVERIFY(dropIn.open(QIODevice::ReadOnly));
    QVERIFY2(!dropIn.readAll().contains("\nExecStart="), "the drop-in does not keep the unit's command line");
    makeReadable(kWork);
    const QString before = cursor();
    const CtlRun refused =
        derootctl({u"prove"_s, *plan, u"--seconds"_s, u"2"_s, u"--no-ask-password"_s, u"--json"_s}, kAllowed);
    QCOMPARE(refused.exitCode, 8);
    const QString message = refused.json.value(u"error"_s).toObject().value(u"message"_s).toString();
    QCOMPARE(message,
             u"the agent's unit %1 starts '/usr/bin/sleep', not the plan's program /usr/sbin/nginx; nothing was "
             u"run"_s.arg(kDropInUnit));
    QVERIFY2(!trialStartedSince(before), "a deroot-prove unit started");
    QCOMPARE(proveUnits(), QString());
}

QTEST_GUILESS_MAIN(ProveHelperHostTest)
#include "provehelper_test.moc"
