// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What merging a fleet folder costs: mergeFleet() over 1,000 synthetic hosts' audits (issue 16's
// target: under 1 s), beside two baselines on the same files: reading and parsing them as JSON and
// nothing more (the floor any merge pays), and the merge of a folder of one host (the fixed cost).
// Then the three renderings of the 1,000-host report. Measures only; never asserts a time.
#include "core/fleet/fleet.h"
#include "core/inspect/audit.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

class FleetBench final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void merge();

private:
    QTemporaryDir m_many;
    QTemporaryDir m_one;
    qint64 m_bytes = 0;
};

namespace {

/// DEROOT_FLEET_BENCH_HOSTS overrides the 1,000 hosts, for a quick look under the sanitizers.
const int kHosts = qEnvironmentVariableIntValue("DEROOT_FLEET_BENCH_HOSTS") > 0
                       ? qEnvironmentVariableIntValue("DEROOT_FLEET_BENCH_HOSTS")
                       : 1000;
constexpr int kRuns = 5;
constexpr std::uint64_t kAll = 0x1ffffffffffULL;

/// One host's audit, shaped like a real server's: systemd's units, a few agents as root, a few
/// de-rooted ones, a handful of set-uid and capability files; numbers varied per host.
QByteArray hostAudit(int host)
{
    AuditReport report;
    report.processesSeen = 180 + host % 40;
    const QStringList units{u"init.scope"_s,
                            u"systemd-journald.service"_s,
                            u"systemd-udevd.service"_s,
                            u"systemd-logind.service"_s,
                            u"cron.service"_s,
                            u"ssh.service"_s,
                            u"rsyslog.service"_s,
                            u"nginx.service"_s,
                            u"zabbix-agent.service"_s,
                            u"chrony.service"_s,
                            u"node-exporter.service"_s,
                            u"filebeat.service"_s,
                            u"containerd.service"_s,
                            u"docker.service"_s,
                            u"polkit.service"_s,
                            u"dbus.service"_s,
                            u"smartd.service"_s,
                            u"unattended-upgrades.service"_s,
                            u"getty@tty1.service"_s,
                            u"user@1000.service"_s};
    int pid = 1 + host;
    for (qsizetype i = 0; i < units.size(); ++i) {
        AuditGroup group{u"unit"_s, units.at(i), {}, u"runs as root with full capabilities: inspect it"_s};
        const bool root = i % 5 != 3;
        for (int p = 0; p < 1 + int(i % 3); ++p) {
            AuditProcess process;
            process.pid = i == 0 && p == 0 ? 1 : pid++;
            process.name = units.at(i).section(u'.', 0, 0).left(15);
            process.executable = u"/usr/sbin/"_s + process.name;
            process.uid = root ? 0 : 100 + std::uint32_t(i);
            process.euid = process.uid;
            process.capEff = root ? kAll : (1ULL << 13) | (1ULL << 10);
            process.capBnd = kAll;
            process.capAmb = root ? 0 : process.capEff;
            process.noNewPrivs = !root;
            process.unit = units.at(i);
            group.processes.append(process);
        }
        report.processGroups.append(group);
    }
    const QStringList setuid{u"chfn"_s,   u"chsh"_s, u"gpasswd"_s, u"mount"_s,  u"newgrp"_s,
                             u"passwd"_s, u"su"_s,   u"sudo"_s,    u"umount"_s, u"pkexec"_s};
    for (const QString &name : setuid) {
        AuditFile file;
        file.path = u"/usr/bin/"_s + name;
        file.mode = 04755;
        file.suggestion = u"set-uid root: anyone who may run it runs it as root"_s;
        report.files.append(file);
    }
    for (const QString &name : {u"ping"_s, u"fping"_s, u"mtr-packet"_s, u"arping"_s}) {
        AuditFile file;
        file.path = u"/usr/bin/"_s + name;
        file.mode = 0755;
        FileCapabilities caps;
        caps.permitted = 1ULL << 13;
        caps.effective = true;
        caps.text = u"cap_net_raw=ep"_s;
        file.capabilities = caps;
        file.suggestion = u"file capabilities cap_net_raw=ep for anyone who may run it"_s;
        report.files.append(file);
    }
    report.directories = {u"/usr/bin"_s, u"/usr/sbin"_s, u"/usr/libexec"_s};
    return QJsonDocument(toJson(report)).toJson();
}

qint64 median(QList<qint64> times)
{
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

} // namespace

void FleetBench::initTestCase()
{
    QVERIFY(m_many.isValid() && m_one.isValid());
    for (int host = 0; host < kHosts; ++host) {
        const QByteArray audit = hostAudit(host);
        m_bytes += audit.size();
        QFile file(m_many.filePath(u"host-%1.example.org.json"_s.arg(host, 4, 10, QChar(u'0'))));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(audit) == audit.size());
        if (host == 0) {
            QFile one(m_one.filePath(u"host-0000.example.org.json"_s));
            QVERIFY(one.open(QIODevice::WriteOnly) && one.write(audit) == audit.size());
        }
    }
}

void FleetBench::merge()
{
    QList<qint64> parseTimes;
    QList<qint64> mergeTimes;
    QList<qint64> oneTimes;
    QList<qint64> jsonTimes;
    QList<qint64> textTimes;
    QList<qint64> htmlTimes;
    qsizetype rows = 0;
    for (int run = 0; run < kRuns; ++run) {
        // Baseline: read and parse every file as JSON, nothing else.
        QElapsedTimer timer;
        timer.start();
        int objects = 0;
        for (const QString &name : QDir(m_many.path()).entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
            QFile file(m_many.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            objects += QJsonDocument::fromJson(file.readAll()).isObject() ? 1 : 0;
        }
        parseTimes << timer.nsecsElapsed();
        QCOMPARE(objects, kHosts);

        timer.restart();
        const auto report = mergeFleet(m_many.path());
        mergeTimes << timer.nsecsElapsed();
        QVERIFY(bool(report));
        QCOMPARE(report->hosts.size(), kHosts);
        QCOMPARE(report->problems.size(), 0);
        rows = report->entries.size();

        timer.restart();
        const auto one = mergeFleet(m_one.path());
        oneTimes << timer.nsecsElapsed();
        QVERIFY(bool(one));

        timer.restart();
        const QByteArray json = QJsonDocument(toJson(*report)).toJson();
        jsonTimes << timer.nsecsElapsed();
        timer.restart();
        const QString text = toText(*report);
        textTimes << timer.nsecsElapsed();
        timer.restart();
        const QString html = toHtml(*report);
        htmlTimes << timer.nsecsElapsed();
        QVERIFY(!json.isEmpty() && !text.isEmpty() && !html.isEmpty());
    }
    qInfo("fleet of %d hosts, %.1f MB of audits, %lld rows; median of %d runs:", kHosts, m_bytes / 1e6, qlonglong(rows),
          kRuns);
    qInfo("  mergeFleet, %d files:            %8.1f ms", kHosts, median(mergeTimes) / 1e6);
    qInfo("  baseline, read + JSON parse only: %8.1f ms", median(parseTimes) / 1e6);
    qInfo("  baseline, mergeFleet of 1 file:   %8.3f ms", median(oneTimes) / 1e6);
    qInfo("  render JSON:                      %8.1f ms", median(jsonTimes) / 1e6);
    qInfo("  render text:                      %8.1f ms", median(textTimes) / 1e6);
    qInfo("  render HTML:                      %8.1f ms", median(htmlTimes) / 1e6);
}

QTEST_GUILESS_MAIN(FleetBench)
#include "fleet_bench.moc"
