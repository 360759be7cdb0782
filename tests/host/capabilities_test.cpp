// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The end-to-end proof the harness stands on: inside the booted test host, a system user runs a
// program through systemd-run with exactly one ambient capability, and the program can do what
// that capability allows; without it, the same program is refused. Runs as root in the test host.
#include "hostsupport.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class CapabilitiesTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ambientCapabilityGrantsExactlyIt();
    void withoutTheCapabilityItIsRefused();

private:
    struct Result
    {
        int exitCode = -1;
        QString output;
    };
    static Result run(const QString &program, const QStringList &arguments);
    Result runProbe(const QStringList &properties);
    QString m_uid;
};

namespace {
const QString kUser = u"deroot-probe"_s;
const QString kProbe = u"/usr/local/libexec/deroot-capprobe"_s;
constexpr quint64 kCapNetRaw = quint64(1) << 13;
} // namespace

CapabilitiesTest::Result CapabilitiesTest::run(const QString &program, const QStringList &arguments)
{
    const Deroot::TestSupport::HostRun result = Deroot::TestSupport::hostRun(program, arguments);
    return {result.exitCode, result.output};
}

void CapabilitiesTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    if (run(u"id"_s, {u"-u"_s, kUser}).exitCode != 0) {
        const Result added = run(u"useradd"_s, {u"--system"_s, u"--no-create-home"_s, u"--home-dir"_s,
                                                u"/nonexistent"_s, u"--shell"_s, u"/usr/sbin/nologin"_s, kUser});
        QVERIFY2(added.exitCode == 0, qPrintable(added.output));
    }
    const Result id = run(u"id"_s, {u"-u"_s, kUser});
    QCOMPARE(id.exitCode, 0);
    m_uid = id.output.trimmed();
    QVERIFY(m_uid.toInt() > 0);

    // The probe in the build tree may sit below a directory the user cannot enter; copy it to a
    // system path, owned by root, without file capabilities of its own.
    QFile::remove(kProbe);
    QVERIFY(run(u"install"_s, {u"-D"_s, u"-m"_s, u"0755"_s, QStringLiteral(CAPPROBE_PATH), kProbe}).exitCode == 0);
    const Result caps = run(u"getcap"_s, {kProbe});
    QCOMPARE(caps.output.trimmed(), QString());
}

CapabilitiesTest::Result CapabilitiesTest::runProbe(const QStringList &properties)
{
    QStringList arguments{u"--wait"_s, u"--pipe"_s, u"--quiet"_s, u"--collect"_s, u"-p"_s, u"User="_s + kUser};
    for (const QString &property : properties) {
        arguments << u"-p"_s << property;
    }
    arguments << u"-p"_s << u"NoNewPrivileges=yes"_s << u"-p"_s << u"ProtectSystem=strict"_s << u"-p"_s
              << u"PrivateTmp=yes"_s << kProbe;
    return run(u"systemd-run"_s, arguments);
}

static quint64 capabilityField(const QString &output, const QString &field)
{
    const auto match =
        QRegularExpression(u"^"_s + field + u":\\s*([0-9a-f]+)$"_s, QRegularExpression::MultilineOption).match(output);
    return match.hasMatch() ? match.captured(1).toULongLong(nullptr, 16) : ~quint64(0);
}

void CapabilitiesTest::ambientCapabilityGrantsExactlyIt()
{
    const Result result = runProbe({u"AmbientCapabilities=CAP_NET_RAW"_s, u"CapabilityBoundingSet=CAP_NET_RAW"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.output));
    QVERIFY2(result.output.contains(u"raw socket: ok"_s), qPrintable(result.output));
    QVERIFY2(result.output.contains(u"uid: "_s + m_uid + u" euid: "_s + m_uid), qPrintable(result.output));
    // Exactly the one capability: effective, permitted, ambient and bounding all equal CAP_NET_RAW.
    QCOMPARE(capabilityField(result.output, u"CapEff"_s), kCapNetRaw);
    QCOMPARE(capabilityField(result.output, u"CapPrm"_s), kCapNetRaw);
    QCOMPARE(capabilityField(result.output, u"CapAmb"_s), kCapNetRaw);
    QCOMPARE(capabilityField(result.output, u"CapBnd"_s), kCapNetRaw);
    QCOMPARE(capabilityField(result.output, u"NoNewPrivs"_s), quint64(1));
}

void CapabilitiesTest::withoutTheCapabilityItIsRefused()
{
    const Result result = runProbe({});
    QVERIFY2(result.exitCode != 0, qPrintable(result.output));
    QVERIFY2(result.output.contains(u"raw socket: Operation not permitted"_s), qPrintable(result.output));
    QVERIFY2(result.output.contains(u"uid: "_s + m_uid), qPrintable(result.output));
    QCOMPARE(capabilityField(result.output, u"CapEff"_s), quint64(0));
}

QTEST_GUILESS_MAIN(CapabilitiesTest)
#include "capabilities_test.moc"
