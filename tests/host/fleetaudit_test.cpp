// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The fleet audit for real: the installed playbook (share/deroot/fleet/audit.yml) run by
// ansible-core over SSH against the booted test host (sshd on loopback, tests/host/sshfixture.sh,
// with key and host-key checks) under two inventory names, so the merge has two hosts, plus a third
// name whose derootctl is missing. The fetched files are the installed derootctl's audits of this
// machine as root (through become), the broken host fails in the recap and is named by the merge,
// nothing is left on the host, check mode audits too, and the merged JSON holds to its schema.
#include "hostsupport.h"
#include "sshfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

class FleetAuditHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void playbookFetchesEveryHostsAudit();
    void mergeListsBothHosts();
    void checkModeAuditsToo();

private:
    HostRun play(const QString &folder, const QStringList &extra = {}) const;

    QTemporaryDir m_work;
    SshFixture m_ssh{QStringLiteral(DEROOT_SSHFIXTURE_SCRIPT)};
    QString m_inventory;
    QString m_fleet;
};

namespace {

const QString kPlaybook = u"/usr/share/deroot/fleet/audit.yml"_s;
const QStringList kHosts{u"web-a.example.org"_s, u"db-b"_s};
const QString kBroken = u"broken-c"_s;

/// The recap's counts for @p host: ok, changed, unreachable, failed.
QList<int> recap(const QString &output, const QString &host)
{
    const QRegularExpression line(u"^"_s + QRegularExpression::escape(host) +
                                      u"\\s*: ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)\\s+failed=(\\d+)"_s,
                                  QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(output);
    if (!match.hasMatch()) {
        return {};
    }
    return {match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt(), match.captured(4).toInt()};
}

} // namespace

void FleetAuditHostTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    QVERIFY2(QFile::exists(kPlaybook), "the build does not install the fleet playbook");
    QVERIFY(m_work.isValid());
    QVERIFY2(m_ssh.start(kHosts), qPrintable(m_ssh.error()));
    // The fixture's inventory, and a third name for this machine whose derootctl is missing.
    QFile fixture(m_ssh.inventory());
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QString inventory = QString::fromUtf8(fixture.readAll());
    const QString first = inventory.section(u'\n', 1, 1);
    QVERIFY2(first.startsWith(kHosts.first() + u' '), qPrintable(inventory));
    inventory +=
        QString(first).replace(kHosts.first(), kBroken) + u" deroot_fleet_derootctl=/nonexistent/derootctl\n"_s;
    m_inventory = m_work.filePath(u"inventory.ini"_s);
    QFile out(m_inventory);
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write(inventory.toUtf8()) > 0);
    out.close();
    m_fleet = m_work.filePath(u"fleet"_s);
}

HostRun FleetAuditHostTest::play(const QString &folder, const QStringList &extra) const
{
    return m_ssh.runAnsible(
        u"ansible-playbook"_s,
        QStringList{u"-i"_s, m_inventory, kPlaybook, u"-e"_s, u"deroot_fleet_dir="_s + folder} + extra, m_work.path());
}

void FleetAuditHostTest::playbookFetchesEveryHostsAudit()
{
    QVERIFY(!QFile::exists(m_fleet));
    const HostRun run = play(m_fleet);
    // ansible-playbook exits 2 when a host failed: the one without derootctl.
    QVERIFY2(run.exitCode == 2, qPrintable(run.output.right(4000)));
    for (const QString &host : kHosts) {
        const QList<int> counts = recap(run.output, host);
        QVERIFY2(counts.size() == 4, qPrintable(host + u'\n' + run.output.right(3000)));
        QCOMPARE(counts.at(2), 0); // unreachable
        QCOMPARE(counts.at(3), 0); // failed
        // Only the fetch changed something, and only on the controller.
        QCOMPARE(counts.at(1), 1);
    }
    const QList<int> broken = recap(run.output, kBroken);
    QVERIFY2(broken.size() == 4 && broken.at(3) == 1, qPrintable(run.output.right(3000)));
    QVERIFY2(run.output.contains(u"derootctl audit failed on broken-c (exit code 127)"_s),
             qPrintable(run.output.right(3000)));

    // One file per inventory name, each a complete audit of this machine as root.
    QCOMPARE(QDir(m_fleet).entryList(QDir::Files, QDir::Name),
             (QStringList{u"broken-c.json"_s, u"db-b.json"_s, u"web-a.example.org.json"_s}));
    for (const QString &host : kHosts) {
        QFile file(m_fleet + u'/' + host + u".json"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject audit = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(audit[u"schema"_s].toString(), u"deroot.audit/1"_s);
        QVERIFY(audit[u"summary"_s][u"processes_seen"_s].toInt() > 5);
        // As root (become): every process's program is readable, so no note says otherwise.
        for (const QJsonValue &note : audit[u"notes"_s].toArray()) {
            QVERIFY2(!note.toString().contains(u"permission denied"_s), qPrintable(note.toString()));
        }
        // sshd, the very daemon Ansible came in through, runs as root in its unit.
        bool sshd = false;
        for (const QJsonValue &group : audit[u"processes"_s].toArray()) {
            sshd = sshd || (group[u"key"_s].toString() == u"deroot-test-sshd-2222.service" &&
                            group[u"runs_as_root"_s].toBool());
        }
        QVERIFY2(sshd, qPrintable(host));
    }
    QCOMPARE(QFile(m_fleet + u"/broken-c.json"_s).size(), 0);

    // The playbook's private files are gone from the host.
    const HostRun left = hostRun(u"/bin/sh"_s, {u"-c"_s, u"ls /tmp /root/.ansible/tmp 2>/dev/null | grep -c "
                                                         u"deroot-audit.json || true"_s});
    QCOMPARE(left.output.trimmed(), u"0"_s);
}

void FleetAuditHostTest::mergeListsBothHosts()
{
    QVERIFY(QDir(m_fleet).exists());
    const QString page = m_work.filePath(u"fleet.html"_s);
    const HostRun merged =
        hostRun(QStringLiteral(DEROOTCTL_PATH), {u"fleet"_s, u"--json"_s, m_fleet, u"--html"_s, page});
    // Exit code 1: broken-c's empty file is left out, and named.
    QVERIFY2(merged.exitCode == 1, qPrintable(merged.output.left(2000)));
    QVERIFY2(merged.output.contains(u"derootctl: fleet: 'broken-c.json': the file is empty, not an audit"_s),
             qPrintable(merged.output.left(2000)));
    const qsizetype start = merged.output.indexOf(u'{');
    QVERIFY(start >= 0);
    const QByteArray json = merged.output.mid(start).toUtf8();
    const QJsonObject report = QJsonDocument::fromJson(json).object();
    QCOMPARE(report[u"summary"_s][u"hosts"_s].toInt(), 2);
    QCOMPARE(report[u"summary"_s][u"left_out"_s].toInt(), 1);
    QCOMPARE(report[u"hosts"_s][0][u"host"_s].toString(), u"db-b"_s);
    QCOMPARE(report[u"hosts"_s][1][u"host"_s].toString(), u"web-a.example.org"_s);
    QMap<QString, int> sshdRows;
    double last = 101;
    for (const QJsonValue &entry : report[u"entries"_s].toArray()) {
        const double score = entry[u"privilege"_s][u"score"_s].toDouble();
        QVERIFY(score <= last);
        last = score;
        if (entry[u"key"_s].toString() == u"deroot-test-sshd-2222.service") {
            ++sshdRows[entry[u"host"_s].toString()];
            QCOMPARE(score, 100.0);
        }
    }
    QCOMPARE(sshdRows.value(u"db-b"_s), 1);
    QCOMPARE(sshdRows.value(u"web-a.example.org"_s), 1);

    // The document against docs/schemas/fleet.schema.json, as lint_schemas holds the others.
    const QString saved = m_work.filePath(u"fleet.json"_s);
    QFile file(saved);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(json) == json.size());
    file.close();
    const HostRun schema =
        hostRun(u"python3"_s, {QStringLiteral(DEROOT_SOURCE_DIR) + u"/tests/lint/schemas.py"_s, u"documents"_s,
                               QStringLiteral(DEROOT_SOURCE_DIR), u"--schema"_s, u"fleet.schema.json"_s, saved});
    QVERIFY2(schema.exitCode == 0, qPrintable(schema.output));
    QFile html(page);
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(html.readAll());
    QVERIFY(text.contains(u"<td class=\"host\">db-b</td>"_s));
    QVERIFY(text.contains(u"<td class=\"host\">web-a.example.org</td>"_s));
}

void FleetAuditHostTest::checkModeAuditsToo()
{
    // The audit is read-only, so --check runs it and fetches it as well.
    const QString folder = m_work.filePath(u"checked"_s);
    const HostRun run = play(folder, {u"--check"_s, u"-e"_s, u"deroot_fleet_hosts="_s + kHosts.first()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output.right(3000)));
    QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{kHosts.first() + u".json"_s});
    // A relative folder is refused before any host is touched.
    const HostRun relative = play(u"fleet-relative"_s);
    QVERIFY2(relative.exitCode != 0, qPrintable(relative.output.right(2000)));
    QVERIFY2(relative.output.contains(u"Give the folder for the audits as an absolute path"_s),
             qPrintable(relative.output.right(2000)));
    QVERIFY(!QFile::exists(m_work.filePath(u"fleet-relative"_s)));
}

QTEST_GUILESS_MAIN(FleetAuditHostTest)
#include "fleetaudit_test.moc"
