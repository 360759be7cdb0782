// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// derootctl prove on real systemd, in the booted test host: the distribution's nginx, with a
// minimal configuration that listens on port 80, in a plan made by `derootctl generate` that grants
// CAP_NET_BIND_SERVICE (needed for port 80 as www-data) and a deliberately added CAP_SYS_TIME.
// prove must run it as the plan's unit would, report the first shown necessary with the evidence,
// the second not shown necessary, and leave nothing behind: no trial unit, no nginx, /etc as it was.
// Then with an observation: nginx observed as www-data for a few seconds (no request reaches it)
// flags PrivateDevices=yes and RestrictAddressFamilies=AF_UNIX AF_INET; a plan that allows a device
// takes the first (tolerated), and the second breaks the agent, because the check's request makes
// nginx proxy to an upstream on [::1], an AF_INET6 socket the short watch never saw.
#include "applysupport.h"
#include "hostsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

namespace {

// Not below /tmp or /var/tmp: the unit's PrivateTmp= would hide the configuration from nginx.
const QString kWork = u"/srv/deroot-prove-test"_s;
const QString kConfig = kWork + u"/nginx.conf"_s;
// Fetches the page the configuration serves, from outside the unit, as an admin's check would.
const QString kCheck = u"python3 -c 'import urllib.request; urllib.request.urlopen(\"http://127.0.0.1/\").read()'"_s;
// The same configuration, with a location nginx proxies to an upstream on [::1]: it makes its AF_INET6
// socket only when a request comes.
const QString kProxyConfig = kWork + u"/proxy.conf"_s;
const QString kUpstreamPort = u"8081"_s;
const QString kProxyCheck =
    u"python3 -c 'import urllib.request; urllib.request.urlopen(\"http://127.0.0.1/upstream/\").read()'"_s;

// Everything below /etc and the accounts, hashed: prove may change nothing of the system.
QByteArray etcDigest()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QDirIterator it(u"/etc"_s, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext()) {
        files << it.next();
    }
    files.sort();
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        hash.addData(path.toUtf8());
        if (file.open(QIODevice::ReadOnly)) {
            hash.addData(file.readAll());
        }
    }
    return hash.result().toHex();
}

QString proveUnits()
{
    return hostRun(u"systemctl"_s, {u"list-units"_s, u"--all"_s, u"--plain"_s, u"--no-legend"_s, u"deroot-prove-*"_s})
        .output.trimmed();
}

// The files of trial units in systemd's runtime folder: none may be left.
QStringList trialFiles()
{
    return QDir(u"/run/systemd/system"_s).entryList({u"deroot-prove-*"_s}, QDir::AllEntries | QDir::System);
}

QString activeState(const QString &unit)
{
    return hostRun(u"systemctl"_s, {u"show"_s, u"--value"_s, u"--property=ActiveState"_s, u"--"_s, unit})
        .output.trimmed();
}

// A proof of an agent on port 80 with CAP_NET_BIND_SERVICE and an added CAP_SYS_TIME: its baseline
// ran, listened and passed the check; the first capability is shown necessary (the agent exits
// with 1 without it), the second not.
void checkPortAndClockVerdicts(const QJsonObject &report)
{
    QCOMPARE(report.value(u"works"_s).toBool(), true);
    const QJsonObject baseline = report.value(u"baseline"_s).toObject();
    QVERIFY2(baseline.value(u"healthy"_s).toBool(), QJsonDocument(baseline).toJson().constData());
    QCOMPARE(baseline.value(u"listening"_s).toArray(), QJsonArray{u"tcp/80"_s});
    QCOMPARE(baseline.value(u"check_exit_code"_s).toInt(-1), 0);
    const QJsonArray verdicts = report.value(u"verdicts"_s).toArray();
    QCOMPARE(verdicts.size(), 2);
    QCOMPARE(verdicts.at(0)[u"capability"_s].toString(), u"CAP_NET_BIND_SERVICE"_s);
    QCOMPARE(verdicts.at(0)[u"verdict"_s].toString(), u"shown-necessary"_s);
    QCOMPARE(verdicts.at(0)[u"evidence"_s].toArray(), QJsonArray{u"exited with status 1 before the time was up"_s});
    QCOMPARE(verdicts.at(1)[u"capability"_s].toString(), u"CAP_SYS_TIME"_s);
    QCOMPARE(verdicts.at(1)[u"verdict"_s].toString(), u"not-shown-necessary"_s);
    QCOMPARE(report.value(u"not_shown_necessary"_s).toArray(), QJsonArray{u"CAP_SYS_TIME"_s});
}

bool nginxRuns()
{
    return hostRun(u"pgrep"_s, {u"-x"_s, u"nginx"_s}).exitCode == 0;
}

// Validates @p document against docs/schemas/@p schema with the schema lint's own checks.
QString schemaProblems(const QString &schema, const QByteArray &document)
{
    QFile file(kWork + u"/document.json"_s);
    if (!file.open(QIODevice::WriteOnly) || file.write(document) != document.size()) {
        return u"cannot write the document"_s;
    }
    file.close();
    const HostRun checked =
        hostRun(u"python3"_s, {QStringLiteral(DEROOT_SOURCE_DIR) + u"/tests/lint/schemas.py"_s, u"documents"_s,
                               QStringLiteral(DEROOT_SOURCE_DIR), u"--schema"_s, schema, file.fileName()});
    return checked.exitCode == 0 ? QString() : checked.output;
}

} // namespace

class ProveHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void addedCapabilityIsNotShownNecessary();
    void textNamesTheVerdictsAndTheOffer();
    void agentThatExitsAtOnceFailsTheBaseline();
    void missingServiceUserRunsAsDynamicUser();
    void observedSandboxSettingsAreTried();
    void dropInPlanRunsACopyOfTheVendorUnit();
    void dropInOfARunningUnitIsRefused();
    void dropInVendorUnitIsJudged();

private:
    QString generateNginx(const QString &user, const QString &config, const QStringList &more = {});

    QByteArray m_etc;
};

QString ProveHostTest::generateNginx(const QString &user, const QString &config, const QStringList &more)
{
    return generatePlan(kWork, QStringList{u"/usr/sbin/nginx"_s, u"--method"_s, u"caps"_s, u"--new-unit"_s,
                                           u"--start"_s, u"service"_s, u"--user"_s, user, u"--ports"_s, u"tcp/80"_s,
                                           u"--caps"_s, u"CAP_NET_BIND_SERVICE,CAP_SYS_TIME"_s, u"--args"_s,
                                           u"-e stderr -c %1 -g 'daemon off;'"_s.arg(config)} +
                                   more);
}

void ProveHostTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    QVERIFY2(QFile::exists(u"/usr/sbin/nginx"_s), "the test host lacks nginx");
    QVERIFY2(!nginxRuns(), "nginx runs already");
    QDir(kWork).removeRecursively();
    QVERIFY(QDir().mkpath(kWork));
    QFile config(kConfig);
    QVERIFY(config.open(QIODevice::WriteOnly));
    // Everything nginx writes goes to the unit's private /tmp: ProtectSystem=strict leaves nothing
    // else writable, and the plan is about the capabilities.
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
    QFile proxy(kProxyConfig);
    QVERIFY(proxy.open(QIODevice::WriteOnly));
    proxy.write("pid /tmp/nginx.pid;\n"
                "error_log stderr;\n"
                "events {}\n"
                "http {\n"
                "  access_log off;\n"
                "  client_body_temp_path /tmp/body; proxy_temp_path /tmp/proxy; fastcgi_temp_path /tmp/fastcgi;\n"
                "  uwsgi_temp_path /tmp/uwsgi; scgi_temp_path /tmp/scgi;\n"
                "  server {\n"
                "    listen 80;\n"
                "    location / { return 200 \"ok\\n\"; }\n"
                "    location /upstream/ { proxy_pass http://[::1]:8081/; }\n"
                "  }\n"
                "}\n");
    proxy.close();
    makeReadable(kWork);
    m_etc = etcDigest();
}

void ProveHostTest::cleanupTestCase()
{
    // Whatever a failed check left: the trial units (the test must see them first) and the folder.
    const QString left = proveUnits();
    for (const QString &line : left.split(u'\n', Qt::SkipEmptyParts)) {
        const QString unit = line.section(u' ', 0, 0);
        hostRun(u"systemctl"_s, {u"stop"_s, unit});
        hostRun(u"systemctl"_s, {u"reset-failed"_s, unit});
    }
    QDir(kWork).removeRecursively();
}

void ProveHostTest::addedCapabilityIsNotShownNecessary()
{
    const QString plan = generateNginx(u"www-data"_s, kConfig);
    QVERIFY(!plan.isEmpty());
    QElapsedTimer clock;
    clock.start();
    const CtlRun proved = derootctl({u"prove"_s, plan, u"--seconds"_s, u"3"_s, u"--check"_s, kCheck, u"--json"_s});
    qInfo("prove of nginx, 3 trials of 3 s: %.1f s", clock.elapsed() / 1000.0);
    QVERIFY2(proved.exitCode == 0, qPrintable(proved.out + proved.err));
    const QJsonObject &report = proved.json;
    QCOMPARE(report.value(u"unit"_s).toString(), u"deroot-nginx.service"_s);
    QCOMPARE(report.value(u"service_user"_s).toString(), u"www-data"_s);
    // The baseline ran as the plan's unit: running at the end, on tcp/80, and the page answered;
    // nginx cannot bind port 80 as www-data without CAP_NET_BIND_SERVICE and exits with 1.
    checkPortAndClockVerdicts(report);
    if (QTest::currentTestFailed()) {
        return;
    }
    // The trial without CAP_SYS_TIME passed the same checks as the baseline.
    const QJsonObject withoutTime = report.value(u"trials"_s).toArray().at(1).toObject();
    QCOMPARE(withoutTime.value(u"without"_s).toString(), u"CAP_SYS_TIME"_s);
    QCOMPARE(withoutTime.value(u"listening"_s).toArray(), QJsonArray{u"tcp/80"_s});
    QCOMPARE(withoutTime.value(u"check_exit_code"_s).toInt(-1), 0);

    const QString problems = schemaProblems(u"prove.schema.json"_s, proved.out.toUtf8());
    QVERIFY2(problems.isEmpty(), qPrintable(problems));

    // Nothing is left and nothing changed: no trial unit, no nginx, /etc byte for byte.
    QCOMPARE(proveUnits(), QString());
    QVERIFY(!nginxRuns());
    QCOMPARE(etcDigest(), m_etc);
}

void ProveHostTest::textNamesTheVerdictsAndTheOffer()
{
    const QString plan = generateNginx(u"www-data"_s, kConfig);
    QVERIFY(!plan.isEmpty());
    const CtlRun proved = derootctl({u"prove"_s, plan + u"/plan.json"_s, u"--seconds"_s, u"2"_s});
    QVERIFY2(proved.exitCode == 0, qPrintable(proved.out + proved.err));
    const QStringList expected{
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
    QCOMPARE(proveUnits(), QString());
}

void ProveHostTest::agentThatExitsAtOnceFailsTheBaseline()
{
    // A configuration that does not exist: nginx exits with 1 at once, whatever it is granted.
    const QString plan = generateNginx(u"www-data"_s, kWork + u"/missing.conf"_s);
    QVERIFY(!plan.isEmpty());
    const CtlRun proved = derootctl({u"prove"_s, plan, u"--seconds"_s, u"5"_s, u"--json"_s});
    QCOMPARE(proved.exitCode, 1);
    QCOMPARE(proved.err, u"derootctl: prove: the plan does not work as it stands: with every capability the agent "
                         u"exited with status 1 before the time was up; no capability was tried without\n"_s);
    QCOMPARE(proved.json.value(u"works"_s).toBool(true), false);
    QCOMPARE(proved.json.value(u"trials"_s).toArray(), QJsonArray());
    QCOMPARE(proved.json.value(u"verdicts"_s).toArray(), QJsonArray());
    // It ended long before the time was up: the trial did not wait for nothing.
    QVERIFY(proved.json.value(u"baseline"_s).toObject().value(u"seconds"_s).toDouble() < 5);
    const QString problems = schemaProblems(u"prove.schema.json"_s, proved.out.toUtf8());
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    QCOMPARE(proveUnits(), QString());
}

void ProveHostTest::missingServiceUserRunsAsDynamicUser()
{
    // The plan creates its user at apply; prove creates nothing: systemd lends a user of that name
    // to each trial (DynamicUser=yes) and takes it back, and the report says so.
    const QString plan = generateNginx(u"deroot-nouser"_s, kConfig);
    QVERIFY(!plan.isEmpty());
    QVERIFY(::getpwnam("deroot-nouser") == nullptr);
    const CtlRun proved = derootctl({u"prove"_s, plan, u"--seconds"_s, u"2"_s, u"--json"_s});
    QVERIFY2(proved.exitCode == 0, qPrintable(proved.err + proved.out));
    const QJsonArray notes = proved.json.value(u"notes"_s).toArray();
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes.first().toString().contains(u"DynamicUser=yes"_s), qPrintable(notes.first().toString()));
    QCOMPARE(proved.json.value(u"works"_s).toBool(), true);
    // The same verdicts as with a user that exists: the port needs its capability, the clock not.
    QCOMPARE(proved.json.value(u"not_shown_necessary"_s).toArray(), QJsonArray{u"CAP_SYS_TIME"_s});
    const QString problems = schemaProblems(u"prove.schema.json"_s, proved.out.toUtf8());
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    // Nothing is left: no user, no unit, /etc as it was.
    QVERIFY(::getpwnam("deroot-nouser") == nullptr);
    QCOMPARE(proveUnits(), QString());
    QCOMPARE(etcDigest(), m_etc);

    // A supplementary group that does not exist is still refused, before anything runs.
    const QString grouped = generatePlan(kWork, {u"/usr/sbin/nginx"_s, u"--method"_s, u"caps"_s, u"--new-unit"_s,
                                                 u"--start"_s, u"service"_s, u"--user"_s, u"deroot-nouser"_s,
                                                 u"--groups"_s, u"deroot-nogroup"_s, u"--ports"_s, u"tcp/80"_s,
                                                 u"--args"_s, u"-e stderr -c %1 -g 'daemon off;'"_s.arg(kConfig)});
    QVERIFY(!grouped.isEmpty());
    const CtlRun refused = derootctl({u"prove"_s, grouped, u"--seconds"_s, u"2"_s});
    QCOMPARE(refused.exitCode, 4);
    QVERIFY2(refused.err.contains(u"the plan's group 'deroot-nogroup' does not exist"_s), qPrintable(refused.err));
    QCOMPARE(proveUnits(), QString());
}

void ProveHostTest::observedSandboxSettingsAreTried()
{
    // Watched as the plan will run it (www-data, CAP_NET_BIND_SERVICE) for a few seconds, with no
    // request: nginx listens on AF_INET and opens no device.
    const CtlRun observed = derootctl({u"observe"_s, u"--json"_s, u"--user"_s, u"www-data"_s, u"--capabilities"_s,
                                       u"CAP_NET_BIND_SERVICE"_s, u"--seconds"_s, u"3"_s, u"--"_s, u"/usr/sbin/nginx"_s,
                                       u"-e"_s, u"stderr"_s, u"-c"_s, kProxyConfig, u"-g"_s, u"daemon off;"_s});
    QVERIFY2(observed.exitCode == 0, qPrintable(observed.err));
    QCOMPARE(observed.json[u"observation"_s][u"recording"_s][u"ended"_s].toString(), u"time-limit"_s);
    QStringList flagged;
    for (const QJsonValue &flag : observed.json[u"observation"_s][u"sandbox"_s].toArray()) {
        flagged << flag[u"key"_s].toString() + u'=' + flag[u"value"_s].toString();
    }
    qInfo("nginx observed 3 s, flagged: %s", qPrintable(flagged.join(u", "_s)));
    QVERIFY2(flagged.contains(u"PrivateDevices=yes"_s), qPrintable(observed.out));
    QVERIFY2(flagged.contains(u"RestrictAddressFamilies=AF_UNIX AF_INET"_s), qPrintable(observed.out));
    QVERIFY2(!flagged.contains(u"PrivateNetwork=yes"_s), qPrintable(observed.out));
    QString problems = schemaProblems(u"observe.schema.json"_s, observed.out.toUtf8());
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const QString observation = kWork + u"/observation.json"_s;
    QFile file(observation);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(observed.out.toUtf8());
    file.close();
    makeReadable(kWork);

    // The plan allows a device (an admin's guess, or inspection's): its unit has PrivateDevices=no.
    const QString plan = generateNginx(u"www-data"_s, kProxyConfig, {u"--devices"_s, u"/dev/net/tun"_s});
    QVERIFY(!plan.isEmpty());

    // The upstream the check's request reaches through nginx, on [::1] only.
    QProcess upstream;
    upstream.start(u"python3"_s,
                   {u"-m"_s, u"http.server"_s, u"--bind"_s, u"::1"_s, u"--directory"_s, kWork, kUpstreamPort});
    QVERIFY(upstream.waitForStarted());
    const auto stop = qScopeGuard([&] {
        upstream.kill();
        upstream.waitForFinished();
    });
    QTRY_VERIFY_WITH_TIMEOUT(hostRun(u"python3"_s, {u"-c"_s, u"import urllib.request; "
                                                             u"urllib.request.urlopen('http://[::1]:8081/').read()"_s})
                                     .exitCode == 0,
                             10000);

    const CtlRun proved = derootctl({u"prove"_s, plan, u"--seconds"_s, u"3"_s, u"--check"_s, kProxyCheck,
                                     u"--observation"_s, observation, u"--json"_s});
    QVERIFY2(proved.exitCode == 0, qPrintable(proved.out + proved.err));
    const QJsonObject &report = proved.json;
    QVERIFY2(report.value(u"works"_s).toBool(), qPrintable(proved.out));
    QHash<QString, QJsonObject> sandbox;
    for (const QJsonValue &entry : report.value(u"sandbox"_s).toArray()) {
        sandbox.insert(entry[u"setting"_s].toString(), entry.toObject());
    }
    // Tolerated: nginx needs no device; the offer names it.
    const QJsonObject devices = sandbox.value(u"PrivateDevices=yes"_s);
    QCOMPARE(devices.value(u"unit_value"_s).toString(), u"no"_s);
    QVERIFY2(devices.value(u"verdict"_s).toString() == u"tolerated"_s, QJsonDocument(devices).toJson().constData());
    QCOMPARE(devices[u"trial"_s][u"check_exit_code"_s].toInt(-1), 0);
    QCOMPARE(devices[u"trial"_s][u"listening"_s].toArray(), QJsonArray{u"tcp/80"_s});
    QCOMPARE(report.value(u"tighten"_s).toArray(), QJsonArray{u"PrivateDevices=yes"_s});
    // Breaks the agent: the request makes nginx open an AF_INET6 socket to its upstream, which the
    // three seconds without a request never showed. nginx itself runs on and listens.
    const QJsonObject families = sandbox.value(u"RestrictAddressFamilies=AF_UNIX AF_INET"_s);
    QCOMPARE(families.value(u"unit_value"_s).toString(), u"AF_UNIX AF_INET AF_INET6"_s);
    QVERIFY2(families.value(u"verdict"_s).toString() == u"breaks-the-agent"_s,
             QJsonDocument(families).toJson().constData());
    QVERIFY2(families.value(u"evidence"_s).toArray().first().toString().startsWith(u"the check command failed"_s),
             QJsonDocument(families).toJson().constData());
    QCOMPARE(families[u"trial"_s][u"running_at_end"_s].toBool(), true);
    qInfo("RestrictAddressFamilies=AF_UNIX AF_INET: %s",
          qPrintable(families.value(u"evidence"_s).toArray().first().toString()));
    // Not loosened: the unit's ProtectHome=yes stays, the observation's read-only is skipped.
    if (sandbox.contains(u"ProtectHome=read-only"_s)) {
        QCOMPARE(sandbox.value(u"ProtectHome=read-only"_s).value(u"verdict"_s).toString(), u"skipped"_s);
    }
    problems = schemaProblems(u"prove.schema.json"_s, proved.out.toUtf8());
    QVERIFY2(problems.isEmpty(), qPrintable(problems));

    // The text says the same, and the offer names what to generate differently.
    const CtlRun text = derootctl(
        {u"prove"_s, plan, u"--seconds"_s, u"2"_s, u"--check"_s, kProxyCheck, u"--observation"_s, observation});
    QVERIFY2(text.exitCode == 0, qPrintable(text.out + text.err));
    const QStringList expected{
        u"  with PrivateDevices=yes: works, the check passed"_s,
        u"  with RestrictAddressFamilies=AF_UNIX AF_INET: fails: the check command failed"_s,
        u"PrivateDevices=yes: tolerated: the agent passed every check with it (the unit has PrivateDevices=no; "
        u"observed in "_s,
        u"RestrictAddressFamilies=AF_UNIX AF_INET: breaks the agent: with it the agent failed: the check command "
        u"failed"_s,
        u"Offer: tighten the unit with PrivateDevices=yes (in place of PrivateDevices=no): generate the plan again "
        u"without the devices it lists (DeviceAllow=/dev/net/tun rw), then prove it again."_s,
    };
    for (const QString &line : expected) {
        QVERIFY2(text.out.contains(line), qPrintable(line + u"\nnot in:\n"_s + text.out));
    }
    QCOMPARE(proveUnits(), QString());
    QVERIFY(!nginxRuns());
    QCOMPARE(etcDigest(), m_etc);
}

namespace {

const QString kBlackbox = u"prometheus-blackbox-exporter.service"_s;
// Its metrics page on the port the plan moves it to, fetched as an admin's check would.
const QString kBlackboxCheck =
    u"python3 -c 'import urllib.request; urllib.request.urlopen(\"http://127.0.0.1:80/metrics\").read()'"_s;

} // namespace

void ProveHostTest::dropInPlanRunsACopyOfTheVendorUnit()
{
    // The package's blackbox exporter, as the wizard plans a packaged agent: a drop-in for its own
    // unit, which reads its arguments from /etc/default (EnvironmentFile=, $ARGS). The plan moves it
    // to port 80, so that CAP_NET_BIND_SERVICE is needed as the package's user prometheus, and adds
    // CAP_SYS_TIME, which it is not.
    QCOMPARE(activeState(kBlackbox), u"inactive"_s);
    const QString plan =
        generatePlan(kWork, {u"/usr/bin/prometheus-blackbox-exporter"_s, u"--method"_s, u"caps"_s, u"--start"_s,
                             u"service"_s, u"--user"_s, u"prometheus"_s, u"--ports"_s, u"tcp/80"_s, u"--caps"_s,
                             u"CAP_NET_BIND_SERVICE,CAP_SYS_TIME"_s, u"--args"_s, u"--web.listen-address=:80"_s});
    QVERIFY(!plan.isEmpty());
    QVERIFY2(QFile::exists(plan + u"/deroot.conf"_s), "not a drop-in plan");
    QElapsedTimer clock;
    clock.start();
    const CtlRun proved =
        derootctl({u"prove"_s, plan, u"--seconds"_s, u"3"_s, u"--check"_s, kBlackboxCheck, u"--json"_s});
    qInfo("prove of the blackbox exporter's drop-in, 3 trials of 3 s: %.1f s", clock.elapsed() / 1000.0);
    QVERIFY2(proved.exitCode == 0, qPrintable(proved.out + proved.err));
    const QJsonObject &report = proved.json;
    QCOMPARE(report.value(u"unit"_s).toString(), kBlackbox);
    // The vendor's settings ran: its configuration file (from $ARGS) and the plan's port.
    checkPortAndClockVerdicts(report);
    if (QTest::currentTestFailed()) {
        return;
    }
    const QJsonArray notes = report.value(u"notes"_s).toArray();
    QVERIFY2(!notes.isEmpty() && notes.first().toString().contains(u"a copy of %1"_s.arg(kBlackbox)),
             QJsonDocument(notes).toJson().constData());
    const QString problems = schemaProblems(u"prove.schema.json"_s, proved.out.toUtf8());
    QVERIFY2(problems.isEmpty(), qPrintable(problems));

    // Nothing is left: no trial unit or file, the vendor's unit as it was, /etc byte for byte.
    QCOMPARE(proveUnits(), QString());
    QCOMPARE(trialFiles(), QStringList());
    QCOMPARE(activeState(kBlackbox), u"inactive"_s);
    QCOMPARE(etcDigest(), m_etc);
}

void ProveHostTest::dropInOfARunningUnitIsRefused()
{
    const QString plan = generatePlan(kWork, {u"/usr/bin/prometheus-blackbox-exporter"_s, u"--method"_s, u"caps"_s,
                                              u"--start"_s, u"service"_s, u"--user"_s, u"prometheus"_s});
    QVERIFY(!plan.isEmpty());
    QCOMPARE(hostRun(u"systemctl"_s, {u"start"_s, u"--"_s, kBlackbox}).exitCode, 0);
    const auto stop = qScopeGuard([] { hostRun(u"systemctl"_s, {u"stop"_s, u"--"_s, kBlackbox}); });
    const QString mainPid =
        hostRun(u"systemctl"_s, {u"show"_s, u"--value"_s, u"--property=MainPID"_s, u"--"_s, kBlackbox}).output;
    // A second copy would fight the running one for its port: refused before anything runs, with
    // the way out.
    const CtlRun refused = derootctl({u"prove"_s, plan, u"--seconds"_s, u"2"_s});
    QCOMPARE(refused.exitCode, 3);
    QCOMPARE(refused.err,
             u"derootctl: prove: the agent's unit %1 is active: a trial runs a second copy of it, which would "
             u"compete with it for its ports, pid file and runtime directory; stop it for the proof (systemctl stop "
             u"%1) and start it again afterwards\n"_s.arg(kBlackbox));
    QCOMPARE(refused.out, QString());
    // The running agent was not touched.
    QCOMPARE(activeState(kBlackbox), u"active"_s);
    QCOMPARE(hostRun(u"systemctl"_s, {u"show"_s, u"--value"_s, u"--property=MainPID"_s, u"--"_s, kBlackbox}).output,
             mainPid);
    QCOMPARE(proveUnits(), QString());
    QCOMPARE(trialFiles(), QStringList());
}

void ProveHostTest::dropInVendorUnitIsJudged()
{
    // An agent's unit of the test's own, in systemd's runtime folder (not /etc, which must stay as it
    // was): nginx with the configuration its unit names by %N, and a state directory.
    const QString unit = u"deroot-testagent.service"_s;
    const QString unitFile = u"/run/systemd/system/"_s + unit;
    const QString state = u"/var/lib/deroot-testagent"_s;
    QVERIFY(QFile::copy(kConfig, kWork + u"/deroot-testagent.conf"_s));
    makeReadable(kWork);
    const auto writeUnit = [&] {
        QFile file(unitFile);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[Unit]\nDescription=A test agent\nAfter=network.target\n\n[Service]\n"
                   "ExecStart=/usr/sbin/nginx -e stderr -c " +
                   kWork.toUtf8() +
                   "/%N.conf -g \"daemon off;\"\n"
                   "StateDirectory=deroot-testagent\n\n[Install]\nWantedBy=multi-user.target\n");
    };
    writeUnit();
    const auto cleanup = qScopeGuard([&] {
        QFile::remove(unitFile);
        QDir(state).removeRecursively();
        hostRun(u"systemctl"_s, {u"daemon-reload"_s});
    });
    QCOMPARE(hostRun(u"systemctl"_s, {u"daemon-reload"_s}).exitCode, 0);
    const QString plan = generatePlan(kWork, {u"--unit"_s, unit, u"--method"_s, u"caps"_s, u"--user"_s, u"www-data"_s,
                                              u"--caps"_s, u"CAP_NET_BIND_SERVICE"_s});
    QVERIFY(!plan.isEmpty());

    // The state directory does not exist: the trial would make it and hand it to www-data.
    CtlRun proved = derootctl({u"prove"_s, plan, u"--seconds"_s, u"2"_s});
    QCOMPARE(proved.exitCode, 3);
    QVERIFY2(proved.err.contains(
                 u"the agent's unit has StateDirectory=%1: systemd would make it for the trial"_s.arg(state)),
             qPrintable(proved.err));
    QVERIFY(!QFile::exists(state));

    // Owned by root, it would be handed over.
    QVERIFY(QDir().mkpath(state));
    proved = derootctl({u"prove"_s, plan, u"--seconds"_s, u"2"_s});
    QCOMPARE(proved.exitCode, 3);
    QVERIFY2(proved.err.contains(u"systemd would hand it to the user 'www-data' for the trial"_s),
             qPrintable(proved.err));
    QCOMPARE(QFileInfo(state).ownerId(), 0u);

    // The service user's already: the trial runs, and nginx finds the configuration its unit names by
    // %N only if the copy resolved it for the agent's unit, not for the trial's name.
    const struct passwd *www = ::getpwnam("www-data");
    QVERIFY(www != nullptr);
    QCOMPARE(::chown(QFile::encodeName(state).constData(), www->pw_uid, www->pw_gid), 0);
    // A trial a killed prove left behind, whose unit does not run: the next prove removes it.
    const QString stale = u"/run/systemd/system/deroot-prove-00000000000000aa.service"_s;
    QFile staleFile(stale);
    QVERIFY(staleFile.open(QIODevice::WriteOnly));
    staleFile.write("[Service]\nExecStart=/bin/true\n");
    staleFile.close();
    QVERIFY(QDir().mkpath(stale + u".d"_s));
    proved = derootctl({u"prove"_s, plan, u"--seconds"_s, u"2"_s, u"--json"_s});
    QVERIFY2(proved.exitCode == 0, qPrintable(proved.out + proved.err));
    QCOMPARE(proved.json[u"verdicts"_s][0][u"verdict"_s].toString(), u"shown-necessary"_s);
    QCOMPARE(proved.json[u"baseline"_s][u"listening"_s].toArray(), QJsonArray{u"tcp/80"_s});
    QCOMPARE(trialFiles(), QStringList());
    QCOMPARE(QFileInfo(state).ownerId(), www->pw_uid);

    // The vendor's drop-ins, as an attacker who could write one place but not root's files would try:
    // a drop-in that is a link to a file anyone may write (its lines would run as root would), and
    // one named to sort after the trial's own settings (it would put Restart= back, or more).
    const QString dropIns = unitFile + u".d"_s;
    QVERIFY(QDir().mkpath(dropIns));
    const auto removeDropIns = qScopeGuard([&] { QDir(dropIns).removeRecursively(); });
    const QString writable = kWork + u"/anyone.conf"_s;
    QFile anyone(writable);
    QVERIFY(anyone.open(QIODevice::WriteOnly));
    anyone.write("[Service]\nExecStartPre=+/bin/sh -c id\n");
    anyone.close();
    QVERIFY(anyone.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther |
                                  QFileDevice::WriteOther));
    QVERIFY(QFile::link(writable, dropIns + u"/10-linked.conf"_s));
    hostRun(u"systemctl"_s, {u"daemon-reload"_s});
    proved = derootctl({u"prove"_s, plan, u"--seconds"_s, u"2"_s});
    QCOMPARE(proved.exitCode, 8);
    QVERIFY2(proved.err.contains(u"10-linked.conf, a file of the agent's unit"_s) ||
                 proved.err.contains(u"cannot open %1/10-linked.conf"_s.arg(dropIns)),
             qPrintable(proved.err));
    QVERIFY(QFile::remove(dropIns + u"/10-linked.conf"_s));
    QFile late(dropIns + u"/~~late.conf"_s);
    QVERIFY(late.open(QIODevice::WriteOnly));
    late.write("[Service]\nRestart=always\n");
    late.close();
    hostRun(u"systemctl"_s, {u"daemon-reload"_s});
    proved = derootctl({u"prove"_s, plan, u"--seconds"_s, u"2"_s});
    QCOMPARE(proved.exitCode, 8);
    QVERIFY2(proved.err.contains(u"has a name a trial cannot order as systemd does"_s), qPrintable(proved.err));
    QVERIFY(QFile::remove(dropIns + u"/~~late.conf"_s));
    hostRun(u"systemctl"_s, {u"daemon-reload"_s});
    QCOMPARE(trialFiles(), QStringList());

    // A unit whose command line starts another program than the plan's: the report would name nginx.
    QFile other(unitFile);
    QVERIFY(other.open(QIODevice::WriteOnly | QIODevice::Truncate));
    other.write("[Service]\nExecStart=/usr/bin/sleep infinity\nStateDirectory=deroot-testagent\n");
    other.close();
    proved = derootctl({u"prove"_s, plan, u"--seconds"_s, u"2"_s});
    QCOMPARE(proved.exitCode, 8);
    QCOMPARE(proved.err, u"derootctl: prove: the agent's unit %1 starts '/usr/bin/sleep', not the plan's program "
                         u"/usr/sbin/nginx\n"_s.arg(unit));
    writeUnit();

    // A unit file root alone may not change: its lines would run as root would.
    QCOMPARE(::chown(QFile::encodeName(unitFile).constData(), 65534, 65534), 0);
    proved = derootctl({u"prove"_s, plan, u"--seconds"_s, u"2"_s});
    QCOMPARE(proved.exitCode, 8);
    QVERIFY2(proved.err.contains(
                 u"%1, a file of the agent's unit, is not a regular file that only root may change"_s.arg(unitFile)),
             qPrintable(proved.err));
    QCOMPARE(proveUnits(), QString());
    QCOMPARE(trialFiles(), QStringList());
    QVERIFY(!nginxRuns());
    QCOMPARE(etcDigest(), m_etc);
}

QTEST_GUILESS_MAIN(ProveHostTest)
#include "host_prove_test.moc"
