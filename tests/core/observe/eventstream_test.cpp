// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The recorded stream format: every fixture reads and writes back to the same events, and a bad
// line is an error naming its number and the problem, never a default.
#include "core/observe/eventstream.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

class EventStreamTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void refused_data();
    void refused();
    void producerOptions();
};

void EventStreamTest::roundTrip_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(DEROOT_TEST_DATA) + u"/observe"_s);
    const QStringList files = dir.entryList({u"*.jsonl"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 7);
    for (const QString &file : files) {
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }
}

void EventStreamTest::roundTrip()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto events = readEventStream(file.readAll());
    QVERIFY2(events.ok(), qPrintable(events.error().message));
    QVERIFY(!events->checks.isEmpty() || !events->results.isEmpty());
    const auto again = readEventStream(writeEventStream(*events));
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    QCOMPARE(again->checks, events->checks);
    QCOMPARE(again->results, events->results);
    QCOMPARE(again->info, events->info);
}

void EventStreamTest::refused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    const QByteArray good = R"({"type":"check","t_ns":1,"pid":2,"cap":"CAP_NET_RAW","granted":true})"_ba;
    QTest::newRow("not JSON") << good + "\n{" << u"line 2: "_s;
    QTest::newRow("not an object") << "# comment\n\n[1]"_ba << u"line 3: not a JSON object"_s;
    QTest::newRow("misspelt key") << R"({"type":"check","t_ns":1,"pid":2,"cap":"CAP_NET_RAW","grantd":true})"_ba
                                  << u"line 1: unknown key \"grantd\""_s;
    QTest::newRow("unknown type") << R"({"type":"cap","t_ns":1,"pid":2})"_ba
                                  << u"line 1: \"type\" must be \"check\", \"result\" or \"recording\""_s;
    QTest::newRow("unknown capability") << R"({"type":"check","t_ns":1,"pid":2,"cap":"CAP_ROOT"})"_ba
                                        << u"line 1: unknown capability \"CAP_ROOT\""_s;
    QTest::newRow("no pid") << R"({"type":"check","t_ns":1,"cap":"CAP_NET_RAW"})"_ba
                            << u"line 1: \"pid\" must be an integer"_s;
    QTest::newRow("fractional time") << R"({"type":"check","t_ns":1.5,"pid":2,"cap":"CAP_NET_RAW"})"_ba
                                     << u"line 1: \"t_ns\" must be an integer"_s;
    QTest::newRow("unknown errno") << R"({"type":"result","t_ns":1,"pid":2,"syscall":"bind","ret":"EOOPS"})"_ba
                                   << u"line 1: unknown errno \"EOOPS\""_s;
    QTest::newRow("negative return") << R"({"type":"result","t_ns":1,"pid":2,"syscall":"bind","ret":-1})"_ba
                                     << u"line 1: \"ret\" must be a value >= 0, an errno name or null"_s;
    QTest::newRow("unknown phase") << R"({"type":"check","t_ns":1,"pid":2,"cap":"CAP_NET_RAW","phase":"zombie"})"_ba
                                   << u"line 1: unknown phase \"zombie\" (forked, running, exiting)"_s;
    QTest::newRow("unknown option") << R"({"type":"check","t_ns":1,"pid":2,"cap":"CAP_NET_RAW","opts":["audit"]})"_ba
                                    << u"line 1: unknown opts entry (noaudit, insetid, unknown, vm-accounting)"_s;
    const QByteArray recording = R"({"type":"recording","mechanism":"ebpf","duration_ns":5})"_ba;
    QTest::newRow("two recording lines") << recording + "\n"_ba + recording << u"line 2: a second \"recording\" line"_s;
    QTest::newRow("unknown mechanism") << R"({"type":"recording","mechanism":"dtrace","duration_ns":5})"_ba
                                       << u"line 1: unknown mechanism \"dtrace\" (ebpf, strace)"_s;
    QTest::newRow("recording without duration")
        << R"({"type":"recording","mechanism":"strace"})"_ba << u"line 1: \"duration_ns\" must be an integer"_s;
    QTest::newRow("unknown end")
        << R"({"type":"recording","mechanism":"ebpf","duration_ns":5,"ended":"bored"})"_ba
        << u"line 1: unknown \"ended\" \"bored\" (time-limit, exited, signalled, target-gone)"_s;
    QTest::newRow("recording capability unknown")
        << R"({"type":"recording","mechanism":"ebpf","duration_ns":5,"capabilities":["CAP_EVERYTHING"]})"_ba
        << u"line 1: unknown capability \"CAP_EVERYTHING\""_s;
    QTest::newRow("notes not strings") << R"({"type":"recording","mechanism":"ebpf","duration_ns":5,"notes":[1]})"_ba
                                       << u"line 1: \"notes\" must be an array of strings"_s;
    QTest::newRow("unknown family")
        << R"({"type":"result","t_ns":1,"pid":2,"syscall":"socket","ret":3,"family":"AF_MARS","socket_type":"SOCK_RAW"})"_ba
        << u"line 1: unknown address family \"AF_MARS\""_s;
    QTest::newRow("unknown access")
        << R"({"type":"result","t_ns":1,"pid":2,"syscall":"openat","ret":3,"path":"/x","access":"rw"})"_ba
        << u"line 1: unknown access \"rw\" (read, write, execute, joined by +)"_s;
    QTest::newRow("args not integers") << R"({"type":"check","t_ns":1,"pid":2,"cap":"CAP_SETUID","args":["998"]})"_ba
                                       << u"line 1: \"args\" must be an array of integers"_s;
}

void EventStreamTest::refused()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const auto events = readEventStream(text);
    QVERIFY(!events.ok());
    QVERIFY2(events.error().message.startsWith(message), qPrintable(events.error().message));
}

// What an eBPF producer adds to the kernel's opts survives the text form: the noise filter reads it.
void EventStreamTest::producerOptions()
{
    const QByteArray text =
        R"({"type":"check","t_ns":1,"pid":2,"cap":"CAP_SYS_ADMIN","syscall":"clone","ret":3,"granted":true,"opts":["noaudit","vm-accounting"]})"
        "\n"
        R"({"type":"check","t_ns":2,"pid":2,"cap":"CAP_NET_RAW","syscall":"socket","ret":"EPERM","granted":false,"opts":["unknown"]})"
        "\n"_ba;
    const auto events = readEventStream(text);
    QVERIFY2(events.ok(), qPrintable(events.error().message));
    QCOMPARE(events->checks.size(), 2);
    QCOMPARE(events->checks[0].options, std::uint32_t(kCapOptNoAudit | kCapOptVmAccounting));
    QCOMPARE(events->checks[1].options, std::uint32_t(kCapOptUnknown));
    const auto again = readEventStream(writeEventStream(*events));
    QVERIFY2(again.ok(), qPrintable(again.error().message));
    QCOMPARE(again->checks, events->checks);
}

QTEST_GUILESS_MAIN(EventStreamTest)
#include "eventstream_test.moc"
