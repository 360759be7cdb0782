// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What a proof costs beyond the time its trials run, in the booted test host (labels bench and
// host). Measures and prints; never asserts a time. The same agent (nginx on port 80 as www-data,
// CAP_NET_BIND_SERVICE and an added CAP_SYS_TIME) is proven as a plan with a unit of Deroot's own
// (transient units made by systemd-run) and as a drop-in for a unit of its own (copies of that unit
// written to /run/systemd/system, started with systemctl and watched with systemctl show), in
// turns: the wall time of `derootctl prove --seconds 2`, its overhead (the wall time less the
// trials' own time, as the report gives it), and the time a trial takes to see an agent that exits
// at once.
#include "applysupport.h"
#include "hostsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRuns = 5;
constexpr int kSeconds = 2;
const QString kWork = u"/srv/deroot-prove-bench"_s;
const QString kUnit = u"deroot-benchagent.service"_s;
const QString kUnitFile = u"/run/systemd/system/deroot-benchagent.service"_s;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

class ProveBench final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void transientAgainstUnitFiles();

private:
    // The config nginx reads: @p good serves port 80, otherwise it names a file that does not exist.
    void writeVendorUnit(bool good);

    QString m_newUnitPlan;
    QString m_newUnitFailing;
};

void ProveBench::writeVendorUnit(bool good)
{
    QFile unit(kUnitFile);
    QVERIFY(unit.open(QIODevice::WriteOnly | QIODevice::Truncate));
    unit.write("[Unit]\nDescription=Deroot prove bench agent\n\n[Service]\nExecStart=/usr/sbin/nginx -e stderr -c " +
               (kWork + (good ? u"/nginx.conf"_s : u"/missing.conf"_s)).toUtf8() + " -g \"daemon off;\"\n");
    unit.close();
    QCOMPARE(hostRun(u"systemctl"_s, {u"daemon-reload"_s}).exitCode, 0);
}

void ProveBench::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    QDir(kWork).removeRecursively();
    QVERIFY(QDir().mkpath(kWork));
    QFile config(kWork + u"/nginx.conf"_s);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("pid /tmp/nginx.pid;\nerror_log stderr;\nevents {}\nhttp {\n  access_log off;\n"
                 "  client_body_temp_path /tmp/body; proxy_temp_path /tmp/proxy; fastcgi_temp_path /tmp/fastcgi;\n"
                 "  uwsgi_temp_path /tmp/uwsgi; scgi_temp_path /tmp/scgi;\n"
                 "  server { listen 80; location / { return 200 \"ok\\n\"; } }\n}\n");
    config.close();
    makeReadable(kWork);
    const QStringList common{u"--method"_s, u"caps"_s,   u"--user"_s, u"www-data"_s,
                             u"--ports"_s,  u"tcp/80"_s, u"--caps"_s, u"CAP_NET_BIND_SERVICE,CAP_SYS_TIME"_s};
    const auto newUnit = [&](const QString &config) {
        return generatePlan(kWork, QStringList{u"/usr/sbin/nginx"_s, u"--new-unit"_s, u"--start"_s, u"service"_s,
                                               u"--args"_s, u"-e stderr -c %1 -g 'daemon off;'"_s.arg(config)} +
                                       common);
    };
    m_newUnitPlan = newUnit(kWork + u"/nginx.conf"_s);
    m_newUnitFailing = newUnit(kWork + u"/missing.conf"_s);
    QVERIFY(!m_newUnitPlan.isEmpty() && !m_newUnitFailing.isEmpty());
}

void ProveBench::cleanupTestCase()
{
    QFile::remove(kUnitFile);
    hostRun(u"systemctl"_s, {u"daemon-reload"_s});
    QDir(kWork).removeRecursively();
}

void ProveBench::transientAgainstUnitFiles()
{
    const auto removeUnit = qScopeGuard([] { QFile::remove(kUnitFile); });
    writeVendorUnit(true);
    const QString dropInPlan =
        generatePlan(kWork, {u"--unit"_s, kUnit, u"--method"_s, u"caps"_s, u"--user"_s, u"www-data"_s, u"--ports"_s,
                             u"tcp/80"_s, u"--caps"_s, u"CAP_NET_BIND_SERVICE,CAP_SYS_TIME"_s});
    QVERIFY(!dropInPlan.isEmpty());
    QVERIFY(QFile::exists(dropInPlan + u"/deroot.conf"_s));

    QMap<QString, QList<double>> wall;
    QMap<QString, QList<double>> overhead;
    QMap<QString, QList<double>> atOnce;
    // The wall time less what the report says the trials took.
    const auto trialSeconds = [](const QJsonObject &report) {
        double sum = report[u"baseline"_s][u"seconds"_s].toDouble();
        for (const QJsonValue &trial : report.value(u"trials"_s).toArray()) {
            sum += trial[u"seconds"_s].toDouble();
        }
        return sum;
    };
    const auto timed = [&](const QString &plan, const QString &name, QList<double> &into) -> QJsonObject {
        QElapsedTimer clock;
        clock.start();
        const CtlRun proved = derootctl({u"prove"_s, plan, u"--seconds"_s, QString::number(kSeconds), u"--json"_s});
        into.append(clock.elapsed() / 1000.0);
        if (proved.json.isEmpty()) {
            qWarning("%s: %s", qPrintable(name), qPrintable(proved.err));
        }
        return proved.json;
    };
    for (int i = 0; i < kRuns; ++i) {
        const QJsonObject transient = timed(m_newUnitPlan, u"transient"_s, wall[u"transient"_s]);
        const QJsonObject files = timed(dropInPlan, u"unit files"_s, wall[u"unit files"_s]);
        QVERIFY2(transient.value(u"works"_s).toBool() && files.value(u"works"_s).toBool(), "a proof failed");
        QCOMPARE(files.value(u"not_shown_necessary"_s).toArray(), transient.value(u"not_shown_necessary"_s).toArray());
        overhead[u"transient"_s].append(wall[u"transient"_s].constLast() - trialSeconds(transient));
        overhead[u"unit files"_s].append(wall[u"unit files"_s].constLast() - trialSeconds(files));
    }
    // An agent that exits at once: how long a trial takes to see it end (its "seconds").
    writeVendorUnit(false);
    QList<double> ignored;
    for (int i = 0; i < kRuns; ++i) {
        const QJsonObject transient = timed(m_newUnitFailing, u"transient, failing"_s, ignored);
        const QJsonObject files = timed(dropInPlan, u"unit files, failing"_s, ignored);
        atOnce[u"transient"_s].append(transient[u"baseline"_s][u"seconds"_s].toDouble());
        atOnce[u"unit files"_s].append(files[u"baseline"_s][u"seconds"_s].toDouble());
    }
    const double base = median(wall[u"transient"_s]);
    std::printf("\nprove of nginx (3 trials of %d s), derootctl as root, median of %d:\n", kSeconds, kRuns);
    std::printf("  %-12s %10s %12s %12s %18s\n", "trials on", "wall s", "wall ratio", "overhead s", "exits at once: s");
    for (const QString &name : {u"transient"_s, u"unit files"_s}) {
        const double beyond = median(overhead[name]);
        std::printf("  %-12s %10.2f %12.2f %12.2f %18.2f\n", qPrintable(name), median(wall[name]),
                    base > 0 ? median(wall[name]) / base : 0.0, beyond, median(atOnce[name]));
    }
}

QTEST_GUILESS_MAIN(ProveBench)
#include "prove_bench.moc"
