// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The /proc parsers on captured and hostile input: they accept what the kernel writes and refuse,
// with a reason, what it never would.
#include "core/inspect/procfs.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deroot::Core;

class ProcfsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capturedStatus();
    void status_data();
    void status();
    void stat_data();
    void stat();
    void inetSockets_data();
    void inetSockets();
    void packetSockets();
    void cgroup_data();
    void cgroup();
    void fdLinks();
    void pid_data();
    void pid();
};

namespace {

QByteArray data(const char *relative)
{
    QFile file(QStringLiteral(DEROOT_TEST_DATA "/proc/") + QLatin1StringView(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read test data %s", relative);
    }
    return file.readAll();
}

const QByteArray kMinimalStatus = "Name:\tagent\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nGroups:\t4 27\n"
                                  "CapInh:\t0000000000000000\nCapPrm:\t0000000000002000\nCapEff:\t0000000000002000\n"
                                  "CapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\nNoNewPrivs:\t1\nSeccomp:\t2\n";

} // namespace

void ProcfsTest::capturedStatus()
{
    // Copied from a host's /proc/2/status (kthreadd) and /proc/self/status.
    const auto kthread = Proc::parseStatus(data("kthreadd/status"));
    QVERIFY2(kthread.value, qPrintable(kthread.error.what));
    QCOMPARE(kthread.value->kthread, std::optional<bool>(true));
    QCOMPARE(kthread.value->capEff, Q_UINT64_C(0x000001ffffffffff));
    const auto stat = Proc::parseStat(data("kthreadd/stat"));
    QVERIFY(stat.value);
    QVERIFY(stat.value->flags & Proc::kPfKthread);
    QCOMPARE(stat.value->comm, u"kthreadd"_s);

    const auto shell = Proc::parseStatus(data("shell/status"));
    QVERIFY2(shell.value, qPrintable(shell.error.what));
    QCOMPARE(shell.value->name, u"cat"_s);
    QVERIFY(shell.value->groups.isEmpty());
    const auto shellStat = Proc::parseStat(data("shell/stat"));
    QVERIFY(shellStat.value);
    QVERIFY(!(shellStat.value->flags & Proc::kPfKthread));
    QCOMPARE(shellStat.value->startTime, Q_UINT64_C(138936));
}

void ProcfsTest::status_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("error");
    QTest::addRow("minimal") << kMinimalStatus << true << QString();
    QTest::addRow("empty") << QByteArray() << false << u"lacks"_s;
    QTest::addRow("garbage") << QByteArray("\x01\x02garbage\n::::\n\xff\xfe") << false << u"lacks"_s;
    QTest::addRow("uid not a number") << QByteArray(kMinimalStatus).replace("Uid:\t0\t0\t0\t0", "Uid:\tzero 0 0 0")
                                      << false << u"Uid"_s;
    QTest::addRow("negative uid") << QByteArray(kMinimalStatus).replace("Uid:\t0\t0\t0\t0", "Uid:\t-1\t0\t0\t0")
                                  << false << u"Uid"_s;
    QTest::addRow("uid above 32 bits")
        << QByteArray(kMinimalStatus).replace("Uid:\t0\t0\t0\t0", "Uid:\t4294967296\t0\t0\t0") << false << u"Uid"_s;
    QTest::addRow("three uids") << QByteArray(kMinimalStatus).replace("Uid:\t0\t0\t0\t0", "Uid:\t0\t0\t0") << false
                                << u"Uid"_s;
    QTest::addRow("capability mask of 17 digits")
        << QByteArray(kMinimalStatus).replace("CapEff:\t0000000000002000", "CapEff:\t10000000000002000") << false
        << u"CapEff"_s;
    QTest::addRow("capability mask not hex")
        << QByteArray(kMinimalStatus).replace("CapEff:\t0000000000002000", "CapEff:\t00000000000020zz") << false
        << u"CapEff"_s;
    QTest::addRow("negative capability mask")
        << QByteArray(kMinimalStatus).replace("CapEff:\t0000000000002000", "CapEff:\t-1") << false << u"CapEff"_s;
    QTest::addRow("missing CapAmb") << QByteArray(kMinimalStatus).replace("CapAmb:\t0000000000000000\n", "") << false
                                    << u"lacks"_s;
    QTest::addRow("group not a number") << QByteArray(kMinimalStatus).replace("Groups:\t4 27", "Groups:\t4 adm")
                                        << false << u"Groups"_s;
    QTest::addRow("NoNewPrivs 2") << QByteArray(kMinimalStatus).replace("NoNewPrivs:\t1", "NoNewPrivs:\t2") << false
                                  << u"NoNewPrivs"_s;
    QTest::addRow("Seccomp 7") << QByteArray(kMinimalStatus).replace("Seccomp:\t2", "Seccomp:\t7") << false
                               << u"Seccomp"_s;
}

void ProcfsTest::status()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(QString, error);
    const auto parsed = Proc::parseStatus(text);
    QCOMPARE(bool(parsed.value), ok);
    if (ok) {
        QCOMPARE(parsed.value->groups, (QList<std::uint32_t>{4, 27}));
        QCOMPARE(parsed.value->capEff, Q_UINT64_C(0x2000));
        QCOMPARE(parsed.value->noNewPrivs, std::optional<bool>(true));
        QCOMPARE(parsed.value->seccomp, std::optional<int>(2));
        QCOMPARE(parsed.value->kthread, std::nullopt);
    } else {
        QVERIFY2(parsed.error.what.contains(error), qPrintable(parsed.error.what));
    }
}

void ProcfsTest::stat_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("comm");
    const QByteArray tail = " S 1 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 4242 0 0 18446744073709551615 0 0\n";
    QTest::addRow("plain") << QByteArray("42 (agent)" + tail) << true << u"agent"_s;
    QTest::addRow("parentheses and spaces in comm") << QByteArray("42 (a) b (c)" + tail) << true << u"a) b (c"_s;
    QTest::addRow("no parentheses") << QByteArray("42 agent" + tail) << false << QString();
    QTest::addRow("too few fields") << QByteArray("42 (agent) S 1 1") << false << QString();
    QTest::addRow("start time not a number")
        << QByteArray("42 (agent)" + QByteArray(tail).replace("4242", "x")) << false << QString();
    QTest::addRow("empty") << QByteArray() << false << QString();
}

void ProcfsTest::stat()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(QString, comm);
    const auto parsed = Proc::parseStat(text);
    QCOMPARE(bool(parsed.value), ok);
    if (ok) {
        QCOMPARE(parsed.value->comm, comm);
        QCOMPARE(parsed.value->startTime, Q_UINT64_C(4242));
        QCOMPARE(parsed.value->state, 'S');
    }
}

void ProcfsTest::inetSockets_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("ipv6");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    const QByteArray rest =
        " 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0 100 0 0 10 0";
    QTest::addRow("any:80") << QByteArray("   0: 00000000:0050" + rest) << false << true << u"0.0.0.0"_s << 80;
    QTest::addRow("loopback:9100") << QByteArray("   1: 0100007F:238C" + rest) << false << true << u"127.0.0.1"_s
                                   << 9100;
    QTest::addRow("ipv6 any:443") << QByteArray("   0: 00000000000000000000000000000000:01BB" + rest) << true << true
                                  << u"::"_s << 443;
    QTest::addRow("ipv6 loopback") << QByteArray("   0: 00000000000000000000000001000000:0016" + rest) << true << true
                                   << u"::1"_s << 22;
    QTest::addRow("ipv4-mapped") << QByteArray("   0: 0000000000000000FFFF00000100007F:0050" + rest) << true << true
                                 << u"::ffff:127.0.0.1"_s << 80;
    QTest::addRow("short address") << QByteArray("   0: 000000:0050" + rest) << false << false << QString() << 0;
    QTest::addRow("ipv6 form in ipv4 table")
        << QByteArray("   0: 00000000000000000000000000000000:01BB" + rest) << false << false << QString() << 0;
    QTest::addRow("port above 65535") << QByteArray("   0: 00000000:10050" + rest) << false << false << QString() << 0;
    QTest::addRow("inode not a number") << QByteArray("   0: 00000000:0050" + QByteArray(rest).replace("4242", "-1"))
                                        << false << false << QString() << 0;
    QTest::addRow("truncated line") << QByteArray("   0: 00000000:0050 00000000:0000 0A") << false << false << QString()
                                    << 0;
}

void ProcfsTest::inetSockets()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, ipv6);
    QFETCH(bool, ok);
    QFETCH(QString, address);
    QFETCH(int, port);
    const auto parsed = Proc::parseInetSockets("  sl  local_address rem_address   st\n" + line + '\n', ipv6);
    QCOMPARE(bool(parsed.value), ok);
    if (ok) {
        QCOMPARE(parsed.value->size(), 1);
        QCOMPARE(parsed.value->first().address, address);
        QCOMPARE(parsed.value->first().port, port);
        QCOMPARE(parsed.value->first().state, 10);
        QCOMPARE(parsed.value->first().inode, Q_UINT64_C(4242));
    }
}

void ProcfsTest::packetSockets()
{
    const QByteArray header = "sk               RefCnt Type Proto  Iface R Rmem   User   Inode\n";
    const auto parsed =
        Proc::parsePacketSockets(header + "0000000000000000 3      3    0003   0     1 0      110    5151\n");
    QVERIFY(parsed.value);
    QCOMPARE(parsed.value->size(), 1);
    QCOMPARE(parsed.value->first().type, 3);
    QCOMPARE(parsed.value->first().protocol, 3);
    QCOMPARE(parsed.value->first().inode, Q_UINT64_C(5151));
    QVERIFY(!Proc::parsePacketSockets(header + "0000000000000000 3 3 0003\n").value);
    QVERIFY(Proc::parsePacketSockets(header).value->isEmpty());
}

void ProcfsTest::cgroup_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<bool>("userManager");
    QTest::addRow("system service") << QByteArray("0::/system.slice/chrony.service\n") << u"chrony.service"_s << false;
    QTest::addRow("delegated subgroup") << QByteArray("0::/system.slice/docker.service/payload\n")
                                        << u"docker.service"_s << false;
    QTest::addRow("init scope") << QByteArray("0::/init.scope\n") << u"init.scope"_s << false;
    QTest::addRow("user service") << QByteArray(
                                         "0::/user.slice/user-1000.slice/user@1000.service/app.slice/foo.service\n")
                                  << u"foo.service"_s << true;
    QTest::addRow("user manager itself") << QByteArray("0::/user.slice/user-1000.slice/user@1000.service/init.scope\n")
                                         << u"init.scope"_s << true;
    QTest::addRow("session") << QByteArray("0::/user.slice/user-0.slice/session-3.scope\n") << u"session-3.scope"_s
                             << false;
    QTest::addRow("root cgroup") << QByteArray("0::/\n") << QString() << false;
    QTest::addRow("cgroup v1 only") << QByteArray("4:memory:/system.slice/x.service\n") << QString() << false;
    QTest::addRow("empty") << QByteArray() << QString() << false;
}

void ProcfsTest::cgroup()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, unit);
    QFETCH(bool, userManager);
    const Proc::CgroupUnit parsed = Proc::parseCgroup(text);
    QCOMPARE(parsed.unit, unit);
    QCOMPARE(parsed.userManager, userManager);
}

void ProcfsTest::fdLinks()
{
    QCOMPARE(Proc::socketInode("socket:[12345]"), std::optional<std::uint64_t>(12345));
    QCOMPARE(Proc::socketInode("socket:[]"), std::nullopt);
    QCOMPARE(Proc::socketInode("socket:[-1]"), std::nullopt);
    QCOMPARE(Proc::socketInode("pipe:[12345]"), std::nullopt);
    QCOMPARE(Proc::socketInode("/tmp/socket:[1]"), std::nullopt);
    QCOMPARE(Proc::fdinfoFlags("pos:\t0\nflags:\t0100002\nmnt_id:\t24\n"), std::optional<int>(0100002));
    QCOMPARE(Proc::fdinfoFlags("pos:\t0\nflags:\t0900002\n"), std::nullopt);
    QCOMPARE(Proc::fdinfoFlags("pos:\t0\n"), std::nullopt);
}

void ProcfsTest::pid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("pid");
    QTest::addRow("one") << u"1"_s << 1;
    QTest::addRow("limit") << u"4194304"_s << 4194304;
    QTest::addRow("leading zeros") << u"007"_s << 7;
    QTest::addRow("zero") << u"0"_s << 0;
    QTest::addRow("above the limit") << u"4194305"_s << 0;
    QTest::addRow("huge") << u"99999999999999999999"_s << 0;
    QTest::addRow("negative") << u"-1"_s << 0;
    QTest::addRow("plus sign") << u"+5"_s << 0;
    QTest::addRow("not a number") << u"abc"_s << 0;
    QTest::addRow("hexadecimal") << u"0x10"_s << 0;
    QTest::addRow("blank around") << u" 12 "_s << 0;
    QTest::addRow("empty") << QString() << 0;
    QTest::addRow("arabic-indic digits") << u"\u0661\u0662"_s << 0;
    QTest::addRow("newline") << u"1\n2"_s << 0;
}

void ProcfsTest::pid()
{
    QFETCH(QString, text);
    QFETCH(int, pid);
    QCOMPARE(Proc::parsePid(text).value_or(0), pid);
}

QTEST_GUILESS_MAIN(ProcfsTest)
#include "procfs_test.moc"
