// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Who starts a program besides a unit: the sudoers rules and cron entries that name it,
// read from a made-up /etc, and cron schedules as OnCalendar=, each checked by systemd-analyze.
#include "core/inspect/callers.h"
#include "core/recommend/inputbuilder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

namespace {

bool write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(path.section(u'/', 0, -2));
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

QString describe(const Caller &caller)
{
    return u"%1 %2 %3 [%4]%5 %6"_s.arg(caller.kind == Caller::Kind::Sudo ? u"sudo"_s : u"cron"_s, caller.user,
                                       caller.kind == Caller::Kind::Sudo ? caller.runAs : caller.onCalendar,
                                       caller.arguments.join(u'|'), caller.anyArguments ? u" any"_s : QString(),
                                       caller.source);
}

QStringList describeAll(const CallerScan &scan)
{
    QStringList described;
    for (const Caller &caller : scan.callers) {
        described << describe(caller);
    }
    return described;
}

} // namespace

class CallersTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        const QString root = m_root.path();
        QVERIFY(write(root + u"/etc/sudoers"_s, "Defaults env_reset\n"
                                                "# zabbix ALL=(root) /usr/sbin/smartctl -x\n"
                                                "Cmnd_Alias SMART = /usr/sbin/smartctl\n"
                                                "root ALL=(ALL:ALL) ALL\n"
                                                "zabbix ALL=(root) NOPASSWD: /usr/sbin/smartctl -A /dev/sda, "
                                                "/usr/sbin/smartctl \"\"\n"
                                                "%monitor, nagios ALL = NOPASSWD:NOEXEC: /usr/bin/fping # any\n"
                                                "#includedir /etc/sudoers.d\n"));
        QVERIFY(write(root + u"/etc/sudoers.d/telegraf"_s,
                      "telegraf ALL=(root) NOPASSWD: /usr/sbin/smartctl --scan \\\n  -d auto\n"));
        // Files sudo skips: a dot in the name, a trailing '~'.
        QVERIFY(write(root + u"/etc/sudoers.d/README.txt"_s, "ignored ALL=(root) /usr/sbin/smartctl\n"));
        QVERIFY(write(root + u"/etc/sudoers.d/telegraf~"_s, "ignored ALL=(root) /usr/sbin/smartctl\n"));
        QVERIFY(write(root + u"/etc/crontab"_s, "SHELL=/bin/sh\n"
                                                "*/5 * * * * root /usr/sbin/smartctl -H /dev/sda > /dev/null 2>&1\n"
                                                "17 * * * * root cd / && run-parts --report /etc/cron.hourly\n"));
        QVERIFY(write(root + u"/etc/cron.d/fping"_s, "30 3 * * 1-5 prometheus /usr/bin/fping -q 10.0.0.1 | logger\n"));
        QVERIFY(write(root + u"/var/spool/cron/crontabs/bob"_s, "@daily /usr/bin/fping 127.0.0.1\n"));
    }

    void sudoersAndCronOfATool()
    {
        const CallerScan scan = findCallers(u"/usr/sbin/smartctl"_s, m_root.path());
        const QStringList found = describeAll(scan);
        const QStringList expected{
            u"sudo zabbix root [-A|/dev/sda] /etc/sudoers:5"_s,
            u"sudo zabbix root [] /etc/sudoers:5"_s,
            u"sudo telegraf root [--scan|-d|auto] /etc/sudoers.d/telegraf:2"_s,
            u"cron root *-*-* *:0/5:00 [-H|/dev/sda] /etc/crontab:2"_s,
        };
        QCOMPARE(found, expected);
        QVERIFY(scan.unreadable.isEmpty());
    }

    void groupsAliasesAndUserCrontabs()
    {
        const QStringList found = describeAll(findCallers(u"/usr/bin/fping"_s, m_root.path()));
        const QStringList expected{
            u"sudo %monitor root [] any /etc/sudoers:6"_s,
            u"sudo nagios root [] any /etc/sudoers:6"_s,
            u"cron prometheus Mon..Fri *-*-* 03:30:00 [-q|10.0.0.1] /etc/cron.d/fping:1"_s,
            u"cron bob daily [127.0.0.1] /var/spool/cron/crontabs/bob:1"_s,
        };
        QCOMPARE(found, expected);
        QVERIFY(findCallers(u"/usr/bin/true"_s, m_root.path()).callers.isEmpty());
    }

    // The evidence decides how it is started and for whom: one sudo user is the caller, and its
    // rules' exact arguments are the plan's; a cron entry is a schedule.
    void evidenceDecidesTheStart()
    {
        InspectionReport report;
        report.file.emplace().canonicalPath = u"/usr/sbin/smartctl"_s;
        report.needs.addCapability(17, {u"catalog"_s, u"raw disk commands"_s}); // CAP_SYS_RAWIO
        CallerScan zabbixOnly = findCallers(u"/usr/sbin/smartctl"_s, m_root.path());
        zabbixOnly.callers.removeIf([](const Caller &c) { return c.user != u"zabbix"; });
        report.callers = zabbixOnly;
        const DetectedStart called = detectedStart(report);
        QCOMPARE(called.mode, StartMode::CalledBy);
        QCOMPARE(called.callerUser, u"zabbix"_s);
        QVERIFY2(called.reason.contains(u"/etc/sudoers:5"_s), qPrintable(called.reason));
        const GenerationInput sudo = buildGenerationInput(report, Method::Sudo);
        QCOMPARE(sudo.callerUser, u"zabbix"_s);
        QCOMPARE(sudo.sudoCommands.size(), 2);
        QCOMPARE(sudo.sudoCommands.at(0).arguments, (QStringList{u"-A"_s, u"/dev/sda"_s}));
        QVERIFY(sudo.sudoCommands.at(1).arguments.isEmpty());
        QVERIFY(!sudo.sudoCommands.at(0).argumentsUnknown && !sudo.sudoCommands.at(1).argumentsUnknown);
        // The admin names another caller: that user's rules, and none here.
        StartChoice other;
        other.callerUser = u"nagios"_s;
        const GenerationInput forNagios = buildGenerationInput(report, Method::Sudo, other);
        QCOMPARE(forNagios.callerUser, u"nagios"_s);
        QCOMPARE(forNagios.sudoCommands.size(), 1);
        QVERIFY(forNagios.sudoCommands.constFirst().argumentsUnknown);

        // root needs no rule and is no caller a plan may name.
        InspectionReport rootRule = report;
        Caller root = zabbixOnly.callers.constFirst();
        root.user = u"root"_s;
        rootRule.callers = CallerScan{{root}, {}};
        QVERIFY(detectedStart(rootRule).callerUser.isEmpty());

        // Several users: called, but which one is the admin's answer.
        report.callers = findCallers(u"/usr/sbin/smartctl"_s, m_root.path());
        const DetectedStart several = detectedStart(report);
        QCOMPARE(several.mode, StartMode::CalledBy);
        QVERIFY(several.callerUser.isEmpty());

        // Only cron: a schedule, and the reason says to remove the cron line.
        CallerScan cronOnly = findCallers(u"/usr/sbin/smartctl"_s, m_root.path());
        cronOnly.callers.removeIf([](const Caller &c) { return c.kind != Caller::Kind::Cron; });
        report.callers = cronOnly;
        const DetectedStart scheduled = detectedStart(report);
        QCOMPARE(scheduled.mode, StartMode::Scheduled);
        QCOMPARE(scheduled.schedule, u"*-*-* *:0/5:00"_s);
        QVERIFY2(scheduled.reason.contains(u"Remove that cron line"_s), qPrintable(scheduled.reason));
        QCOMPARE(buildGenerationInput(report, Method::Capabilities).schedule, u"*-*-* *:0/5:00"_s);
    }

    void cronSchedules_data()
    {
        QTest::addColumn<QString>("cron");
        QTest::addColumn<QString>("onCalendar");
        QTest::newRow("every five minutes") << u"*/5 * * * *"_s << u"*-*-* *:0/5:00"_s;
        QTest::newRow("weekdays at 03:30") << u"30 3 * * 1-5"_s << u"Mon..Fri *-*-* 03:30:00"_s;
        QTest::newRow("every two hours") << u"0 */2 * * *"_s << u"*-*-* 0/2:00:00"_s;
        QTest::newRow("monthly on the 1st") << u"15 4 1 * *"_s << u"*-*-1 04:15:00"_s;
        QTest::newRow("twice an hour") << u"0,30 * * * *"_s << u"*-*-* *:0,30:00"_s;
        QTest::newRow("Sunday as 7") << u"0 12 * * 7"_s << u"Sun *-*-* 12:00:00"_s;
        QTest::newRow("@hourly") << u"@hourly"_s << u"hourly"_s;
        QTest::newRow("@annually") << u"@annually"_s << u"yearly"_s;
        QTest::newRow("@reboot: no schedule") << u"@reboot"_s << QString();
        QTest::newRow("day of month or week: cron's OR") << u"0 0 1 * 1"_s << QString();
        QTest::newRow("month name") << u"0 0 * jan *"_s << QString();
        QTest::newRow("step range") << u"1-10/2 * * * *"_s << QString();
        QTest::newRow("four fields") << u"* * * *"_s << QString();
        QTest::newRow("day 8") << u"0 0 * * 8"_s << QString();
    }

    void cronSchedules()
    {
        QFETCH(QString, cron);
        QFETCH(QString, onCalendar);
        QCOMPARE(cronToOnCalendar(cron), onCalendar);
        if (onCalendar.isEmpty()) {
            return;
        }
        // systemd's own reading of it.
        // The build root always has it (the project's real validator): missing is a failure.
        const QString analyze = QStandardPaths::findExecutable(u"systemd-analyze"_s);
        QVERIFY2(!analyze.isEmpty(), "systemd-analyze, the validator of every timer, is not installed");
        QProcess process;
        process.start(analyze, {u"calendar"_s, onCalendar});
        QVERIFY(process.waitForFinished(30000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    }

private:
    QTemporaryDir m_root;
};

QTEST_GUILESS_MAIN(CallersTest)
#include "callers_test.moc"
