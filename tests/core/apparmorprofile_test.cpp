// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The AppArmor profile skeleton: pinned by golden files (tools/refresh-golden rewrites them on
// purpose) and parsed by the real apparmor_parser.
#include "golden.h"
#include "requiretool.h"

#include "core/generate/apparmorprofile.h"
#include "core/generate/inputvalidation.h"
#include "core/validate/apparmorvalidation.h"

#include <QFile>
#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;
using namespace Deroot::TestSupport;

Q_DECLARE_METATYPE(Deroot::Core::GenerationInput)

class AppArmorProfileTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data();
    void golden();
    void parserRejectsABrokenProfile();
};

namespace {

GenerationInput agent(const QString &id, const QString &program, const QList<int> &capabilities,
                      const QStringList &families)
{
    GenerationInput input;
    input.method = Method::Capabilities;
    input.agentId = id;
    input.serviceUser = id;
    input.executable = program;
    input.capabilities = capabilities;
    input.addressFamilies = families;
    return input;
}

} // namespace

void AppArmorProfileTest::golden_data()
{
    QTest::addColumn<GenerationInput>("input");
    QTest::addRow("fping") << agent(u"fping"_s, u"/usr/bin/fping"_s, {13}, {u"AF_INET"_s, u"AF_INET6"_s});
    QTest::addRow("tcpdump") << agent(u"tcpdump"_s, u"/usr/bin/tcpdump"_s, {13}, {u"AF_PACKET"_s});
    GenerationInput chrony = agent(u"chronyd"_s, u"/usr/sbin/chronyd"_s, {25}, {u"AF_INET"_s, u"AF_UNIX"_s});
    chrony.readPaths = {u"/etc/chrony"_s};
    chrony.writePaths = {u"/var/lib/chrony"_s, u"/run/chrony"_s};
    chrony.devices = {u"/dev/rtc0"_s};
    QTest::addRow("chronyd") << chrony;
    QTest::addRow("node_exporter (nothing)")
        << agent(u"node_exporter"_s, u"/usr/bin/prometheus-node-exporter"_s, {}, {u"AF_INET6"_s});
}

void AppArmorProfileTest::golden()
{
    QFETCH(GenerationInput, input);
    const auto invalid = validateGenerationInput(input);
    QVERIFY2(!invalid, invalid ? qPrintable(invalid->message) : "");
    const Artifact profile = appArmorProfile(input);
    QCOMPARE(profile.targetPath, u"/etc/apparmor.d/deroot-"_s + input.agentId);
    QCOMPARE(profile.mode, 0644);

    const QString path =
        QStringLiteral(DEROOT_TEST_DATA) + u"/generate/apparmor/expected/"_s + input.agentId + u".apparmor"_s;
    const QString problem = compareGolden(path, profile.content);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    const ValidationResult parsed = validateAppArmor(profile.content);
    DEROOT_REQUIRE_TOOL(parsed.available, parsed.summary);
    QVERIFY2(parsed.ok, qPrintable(parsed.summary + u'\n' + parsed.output));
    QCOMPARE(parsed.summary, u"apparmor_parser: OK"_s);
}

void AppArmorProfileTest::parserRejectsABrokenProfile()
{
    // The validator says no when the parser does: a rule without its comma.
    const ValidationResult parsed = validateAppArmor(u"profile broken /usr/bin/x {\n  capability net_raw\n}\n"_s);
    DEROOT_REQUIRE_TOOL(parsed.available, parsed.summary);
    QVERIFY(!parsed.ok);
    QVERIFY2(parsed.summary.startsWith(u"apparmor_parser: "_s), qPrintable(parsed.summary));
}

QTEST_GUILESS_MAIN(AppArmorProfileTest)
#include "apparmorprofile_test.moc"
