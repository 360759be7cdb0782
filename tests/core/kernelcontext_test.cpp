// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The live kernel settings decide some needs: the same program needs CAP_NET_RAW to ping on one
// machine and not on another. The settings are read from a fixture sysctl tree here.
#include "core/inspect/inspect.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

class KernelContextTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pingGroupRange_data();
    void pingGroupRange();
    void unprivilegedPortStart_data();
    void unprivilegedPortStart();

private:
    static InspectEnvironment environment(QTemporaryDir &dir, const QByteArray &pingRange, const QByteArray &portStart);
};

InspectEnvironment KernelContextTest::environment(QTemporaryDir &dir, const QByteArray &pingRange,
                                                  const QByteArray &portStart)
{
    QDir(dir.path()).mkpath(u"net/ipv4"_s);
    const auto write = [&dir](const QString &name, const QByteArray &value) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::WriteOnly)) {
            file.write(value + '\n');
        }
    };
    write(u"net/ipv4/ping_group_range"_s, pingRange);
    write(u"net/ipv4/ip_unprivileged_port_start"_s, portStart);
    InspectEnvironment env;
    env.sysctlRoot = QFile::encodeName(dir.path());
    env.queryPackageManager = false;
    return env;
}

static const Finding *findingOf(const InspectionReport &report, const QString &id)
{
    return report.finding(id);
}

void KernelContextTest::pingGroupRange_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<QString>("says");
    QTest::addRow("kernel default admits no group") << QByteArray("1 0") << u"no group may open ICMP sockets"_s;
    QTest::addRow("systemd's default admits every group")
        << QByteArray("0 2147483647") << u"groups 0 to 2147483647 may open ICMP sockets"_s;
}

void KernelContextTest::pingGroupRange()
{
    QFETCH(QByteArray, range);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const auto report = inspectFile("/usr/bin/fping", environment(dir, range, "1024"));
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    const Finding *finding = findingOf(*report, u"kernel.ping-group-range"_s);
    QVERIFY(finding);
    QVERIFY2(finding->message.contains(says), qPrintable(finding->message));
    QCOMPARE(finding->evidence, QStringList{u"net.ipv4.ping_group_range = "_s + QString::fromLatin1(range)});
}

void KernelContextTest::unprivilegedPortStart_data()
{
    QTest::addColumn<QByteArray>("start");
    QTest::addColumn<bool>("kernelReason");
    QTest::addRow("default 1024: port 123 needs the capability") << QByteArray("1024") << true;
    QTest::addRow("start 0: no port needs it") << QByteArray("0") << false;
}

void KernelContextTest::unprivilegedPortStart()
{
    QFETCH(QByteArray, start);
    QFETCH(bool, kernelReason);
    QTemporaryDir dir;
    const auto report = inspectFile("/usr/sbin/chronyd", environment(dir, "1 0", start));
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    bool fromKernel = false;
    for (const CapabilityNeed &need : report->needs.capabilities) {
        for (const Reason &reason : need.reasons) {
            if (need.capability == 10 && reason.source == u"kernel") {
                fromKernel = true;
                // The port is needed only when chrony serves time: so is the capability.
                QVERIFY(reason.text.contains(u"net.ipv4.ip_unprivileged_port_start = 1024"_s));
                QVERIFY(!reason.condition.isEmpty());
            }
        }
    }
    QCOMPARE(fromKernel, kernelReason);
    QCOMPARE(findingOf(*report, u"kernel.unprivileged-port"_s) != nullptr, !kernelReason);
}

QTEST_GUILESS_MAIN(KernelContextTest)
#include "kernelcontext_test.moc"
