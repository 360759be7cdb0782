// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The golden tests' input reader is strict: a key it does not know (a misspelling, the camelCase of
// an earlier format, a test-only key outside "expect") is an error naming the file and the key,
// never a default that still produces some golden file.
#include "golden.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Deroot::Core;
using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

class GoldenTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryKey();
    void refuses_data();
    void refuses();
};

namespace {

QString write(const QTemporaryDir &dir, const QByteArray &json)
{
    const QString path = dir.filePath(u"agent.json"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) != json.size()) {
        return {};
    }
    return path;
}

} // namespace

void GoldenTest::readsEveryKey()
{
    QTemporaryDir dir;
    const QString path = write(dir, R"({
  "method": "sudo", "agent_id": "a", "description": "d", "service_user": "u", "service_group": "g",
  "executable": "/usr/bin/a", "arguments": ["-x"], "executable_is_script": true, "package_name": "p",
  "existing_unit": "a.service", "vendor_exec_start": "/usr/bin/a -x", "container_image": "i",
  "capabilities": ["CAP_NET_RAW"], "sudo_commands": [{"path": "/usr/sbin/s", "arguments": [], "noexec": false}],
  "supplementary_groups": ["adm"], "read_paths": ["/r"], "write_paths": ["/w"], "devices": ["/dev/d"],
  "address_families": ["AF_INET"], "listen_ports": [{"protocol": "tcp", "port": 9}],
  "limits": {"enabled": false, "cpu_quota_percent": 5, "memory_max_mib": 6, "tasks_max": 7},
  "jit_runtime": true, "expect": {"max_exposure": 1.5, "root_inside": false, "pod_security_profile": "restricted"}
})");
    const Result<GoldenInput> golden = readGoldenInput(path, Method::Capabilities);
    QVERIFY2(golden, golden ? "" : qPrintable(golden.error().message));
    const GenerationInput &input = golden->input;
    QVERIFY(input.method == Method::Sudo);
    QCOMPARE(input.serviceGroup, u"g"_s);
    QCOMPARE(input.vendorExecStart, u"/usr/bin/a -x"_s);
    QCOMPARE(input.capabilities.size(), 1);
    QCOMPARE(input.sudoCommands.size(), 1);
    QVERIFY(!input.sudoCommands.first().noexec);
    QCOMPARE(input.listenPorts.first().port, 9);
    QVERIFY(!input.limits.enabled);
    QCOMPARE(input.limits.tasksMax, 7);
    QVERIFY(input.jitRuntime);
    QCOMPARE(golden->expect.value(u"max_exposure").toDouble(), 1.5);
}

void GoldenTest::refuses_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("camelCase key") << QByteArray(R"({"agentId": "a"})") << u"agentId"_s;
    QTest::addRow("misspelt key") << QByteArray(R"({"agent_id": "a", "serviceuser": "u"})") << u"serviceuser"_s;
    QTest::addRow("test-only key outside expect")
        << QByteArray(R"({"agent_id": "a", "max_exposure": 2})") << u"max_exposure"_s;
    QTest::addRow("unknown expectation") << QByteArray(R"({"agent_id": "a", "expect": {"maxExposure": 2}})")
                                         << u"expect.maxExposure"_s;
    QTest::addRow("unknown key of a sudo command")
        << QByteArray(R"({"sudo_commands": [{"path": "/bin/x", "no_exec": true}]})") << u"sudo_commands[0].no_exec"_s;
    QTest::addRow("unknown key of a port")
        << QByteArray(R"({"listen_ports": [{"protocol": "tcp", "port": 1, "host": "x"}]})")
        << u"listen_ports[0].host"_s;
    QTest::addRow("unknown limit") << QByteArray(R"({"limits": {"memoryMaxMiB": 1}})") << u"limits.memoryMaxMiB"_s;
    QTest::addRow("wrong type") << QByteArray(R"({"arguments": "-x"})") << u"arguments"_s;
    QTest::addRow("string list with a number") << QByteArray(R"({"read_paths": ["/a", 1]})") << u"read_paths[1]"_s;
    QTest::addRow("port as text") << QByteArray(R"({"listen_ports": [{"protocol": "tcp", "port": "80"}]})")
                                  << u"listen_ports[0].port"_s;
    QTest::addRow("unknown capability") << QByteArray(R"({"capabilities": ["CAP_NET_RAWW"]})") << u"capabilities[0]"_s;
    QTest::addRow("unknown method") << QByteArray(R"({"method": "capabilities"})") << u"method"_s;
    QTest::addRow("not an object") << QByteArray("[]") << u"not a JSON object"_s;
}

void GoldenTest::refuses()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    const QString path = write(dir, json);
    QVERIFY(!path.isEmpty());
    const Result<GoldenInput> golden = readGoldenInput(path, Method::Capabilities);
    QVERIFY(!golden.ok());
    QVERIFY2(golden.error().message.startsWith(path + u": "_s), qPrintable(golden.error().message));
    QVERIFY2(golden.error().message.contains(mentions), qPrintable(golden.error().message));
}

QTEST_GUILESS_MAIN(GoldenTest)
#include "golden_test.moc"
