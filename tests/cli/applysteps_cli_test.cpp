// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The start modes in `derootctl apply --dry-run`: before anything is asked of the helper, the admin reads
// the steps the helper's own parser made of the plan and what it grants: the unit a switch-over
// stops and disables, the timer a scheduled plan starts (never its oneshot service), and the
// existing user a called program's sudo rule is for. The plans are the real generators' (the
// helper tests' fixture), for the start modes derootctl generate learns on another branch.
#include "planfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class ApplyStepsCliTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dryRunNamesTheStartMode_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QJsonObject>("json");
        QTest::newRow("replace")
            << u"replace"_s
            << QStringList{u"  Replaces: stops and disables vendor-agent.service; a rollback enables and starts it "
                           u"again as it was\n"_s,
                           u"  stop-unit vendor-agent.service\n  daemon-reload deroot-switchagent.service\n"
                           u"  start-unit deroot-switchagent.service\n"_s}
            << QJsonObject{{u"replaces_unit"_s, u"vendor-agent.service"_s}, {u"timer"_s, QString()}};
        QTest::newRow("scheduled")
            << u"scheduled"_s
            << QStringList{u"  Timer: deroot-schedagent.timer starts deroot-schedagent.service on the schedule "
                           u"hourly\n"_s,
                           u"  write-unit /etc/systemd/system/deroot-schedagent.timer\n"_s,
                           u"  daemon-reload deroot-schedagent.service\n  start-timer deroot-schedagent.timer\n"_s}
            << QJsonObject{{u"timer"_s, u"deroot-schedagent.timer"_s}, {u"replaces_unit"_s, QString()}};
        QTest::newRow("called by syslog")
            << u"calledsudo"_s
            << QStringList{u"  Service user: none\n"_s,
                           u"  Called by: syslog, an existing user; the sudo rule is for it (no user is created)\n"_s,
                           u"Steps:\n  write-sudoers /etc/sudoers.d/deroot-calledsudo\n"_s}
            << QJsonObject{{u"caller_user"_s, u"syslog"_s}, {u"service_user"_s, QString()}};
    }

    void dryRunNamesTheStartMode()
    {
        QFETCH(QString, kind);
        QFETCH(QStringList, lines);
        QFETCH(QJsonObject, json);
        QTemporaryDir dir;
        const auto written = Deroot::TestSupport::writePlanExport(kind, dir.filePath(u"plan"_s),
                                                                  u"/usr/local/bin/deroot-test-agent"_s, "agent");
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));

        QProcess text;
        text.start(QStringLiteral(DEROOTCTL_PATH), {u"apply"_s, u"--dry-run"_s, *written});
        QVERIFY(text.waitForFinished(60000));
        const QString out = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(text.exitCode() == 0, qPrintable(out + QString::fromUtf8(text.readAllStandardError())));
        for (const QString &line : std::as_const(lines)) {
            QVERIFY2(out.contains(line), qPrintable(line + u"---\n"_s + out));
        }

        QProcess machine;
        machine.start(QStringLiteral(DEROOTCTL_PATH), {u"apply"_s, u"--dry-run"_s, u"--json"_s, *written});
        QVERIFY(machine.waitForFinished(60000));
        QCOMPARE(machine.exitCode(), 0);
        const QJsonObject object = QJsonDocument::fromJson(machine.readAllStandardOutput()).object();
        for (auto it = json.begin(); it != json.end(); ++it) {
            QCOMPARE(object.value(it.key()).toString(), it.value().toString());
        }
    }
};

QTEST_GUILESS_MAIN(ApplyStepsCliTest)
#include "applysteps_cli_test.moc"
