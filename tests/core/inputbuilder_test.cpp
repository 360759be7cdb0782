// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// From real inspections of the build root's agents to the generators' input: names, needs, and
// that what it builds passes validation as it is.
#include "core/generate/inputbuilder.h"
#include "core/generate/inputvalidation.h"
#include "core/inspect/inspect.h"

#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

class InputBuilderTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agentIds_data();
    void agentIds();
    void fromRealAgents_data();
    void fromRealAgents();
};

void InputBuilderTest::agentIds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("id");
    QTest::addRow("already fine") << u"node_exporter"_s << u"node_exporter"_s;
    QTest::addRow("spaces and capitals") << u"Node Exporter"_s << u"node-exporter"_s;
    QTest::addRow("dots") << u"zabbix.agent"_s << u"zabbix-agent"_s;
    QTest::addRow("leading digits") << u"9agent"_s << u"agent"_s;
    QTest::addRow("newline") << u"a\nb"_s << u"a-b"_s;
    QTest::addRow("nothing usable") << u"€€€"_s << u"agent"_s;
    QTest::addRow("too long (31: systemd's limit for the user named after it)")
        << QString(40, u'a') << QString(31, u'a');
}

void InputBuilderTest::agentIds()
{
    QFETCH(QString, text);
    QFETCH(QString, id);
    QCOMPARE(agentIdFrom(text), id);
}

void InputBuilderTest::fromRealAgents_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("agentId");
    QTest::addColumn<QList<int>>("capabilities");
    QTest::addRow("fping") << u"/usr/bin/fping"_s << u"fping"_s << QList<int>{13};
    // chrony's CAP_NET_BIND_SERVICE is only for serving time: not granted by default.
    QTest::addRow("chronyd") << u"/usr/sbin/chronyd"_s << u"chronyd"_s << QList<int>{25};
    QTest::addRow("node exporter") << u"/usr/bin/prometheus-node-exporter"_s << u"node_exporter"_s << QList<int>{};
}

void InputBuilderTest::fromRealAgents()
{
    QFETCH(QString, program);
    QFETCH(QString, agentId);
    QFETCH(QList<int>, capabilities);
    InspectEnvironment environment;
    environment.queryPackageManager = true;
    const auto report = inspectFile(program.toUtf8(), environment);
    QVERIFY2(report.ok(), qPrintable(report.error().message));
    const GenerationInput input = buildGenerationInput(*report, Method::Capabilities);
    QCOMPARE(input.agentId, agentId);
    QCOMPARE(input.executable, program);
    QCOMPARE(input.capabilities, capabilities);
    QCOMPARE(input.executableSha256.size(), 64);
    QVERIFY(!input.packageName.isEmpty());
    const auto error = validateGenerationInput(input);
    QVERIFY2(!error, error ? qPrintable(error->message) : "");
}

QTEST_GUILESS_MAIN(InputBuilderTest)
#include "inputbuilder_test.moc"
