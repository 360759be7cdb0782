// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Observing in rounds: what a round was refused, the next round is given; the rounds read as one
// recording; and the rounds end when nothing new appears, at the limit, for a target that is only
// watched, for an agent that ran as root, and before a root-equivalent capability through the helper.
#include "core/model/capabilities.h"
#include "core/observe/eventstream.h"
#include "core/observe/rounds.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

class RoundsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusedThenGiven();
    void endsWhenNothingIsNew();
    void endsAtTheLimit();
    void watchedTargetIsOneRound();
    void asRootIsOneRound();
    void rootEquivalentIsWithheld();
    void documentCountsRounds();
    void observerFailures_data();
    void observerFailures();
    void observerOutput();
};

namespace {

int cap(const char *name)
{
    return capabilityByName(QString::fromLatin1(name))->number;
}

EventStream fixture(const QString &name)
{
    QFile file(QStringLiteral(DEROOT_TEST_DATA) + u"/observe/"_s + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read fixture %s", qPrintable(name));
    }
    return *readEventStream(file.readAll());
}

// The daemon of daemon-port80-user.jsonl started again with CAP_NET_BIND_SERVICE: the bind is granted.
EventStream grantedRound()
{
    return *readEventStream(
        R"({"type":"recording","mechanism":"ebpf","duration_ns":5000000000,"as_root":false,"unprivileged_port_start":1024,"target":"","user":"","capabilities":["CAP_NET_BIND_SERVICE"],"ended":"time-limit","lost_events":0,"notes":["a note of round 2"]}
{"type":"check","t_ns":1200000,"pid":2200,"comm":"statusd","cap":"CAP_NET_BIND_SERVICE","syscall":"bind","ret":0,"granted":true,"phase":"running"}
{"type":"result","t_ns":1200050,"pid":2200,"comm":"statusd","syscall":"bind","ret":0,"family":"AF_INET6","port":80,"address":"::","socket_type":"SOCK_STREAM"}
)");
}

const CapabilityObservation *find(const Observation &observation, int capability)
{
    for (const CapabilityObservation &c : observation.capabilities) {
        if (c.capability == capability) {
            return &c;
        }
    }
    return nullptr;
}

} // namespace

void RoundsTest::refusedThenGiven()
{
    ObservationRounds rounds({}, kDefaultObserveRounds, true, false);
    QVERIFY(rounds.capabilities().isEmpty());
    QVERIFY(rounds.add(fixture(u"daemon-port80-user.jsonl"_s)));
    QCOMPARE(rounds.capabilities(), QList<int>{cap("CAP_NET_BIND_SERVICE")});
    QVERIFY(!rounds.add(grantedRound()));
    QCOMPARE(rounds.rounds(), 2);
    // Refused in round 1, granted in round 2: still needed, not merely used.
    const Observation observation = rounds.observation();
    const CapabilityObservation *bind = find(observation, cap("CAP_NET_BIND_SERVICE"));
    QVERIFY(bind);
    QCOMPARE(capabilityVerdictId(bind->verdict), u"needed"_s);
    // Round 2's times come after round 1's, and the durations add up.
    const EventStream &all = rounds.recording();
    QCOMPARE(all.info->durationNs, 15'000'000'000);
    QVERIFY(all.checks.last().timeNs > 10'000'000'000);
    QVERIFY2(all.info->notes.contains(u"Round 2: It was given CAP_NET_BIND_SERVICE."_s),
             qPrintable(all.info->notes.join(u" | "_s)));
    QVERIFY(all.info->notes.contains(u"Round 2: a note of round 2"_s));
    QVERIFY(rounds.text().contains(u" in 2 rounds"_s));
}

void RoundsTest::endsWhenNothingIsNew()
{
    ObservationRounds rounds({cap("CAP_NET_BIND_SERVICE")}, kDefaultObserveRounds, true, false);
    QVERIFY(!rounds.add(grantedRound()));
    QCOMPARE(rounds.rounds(), 1);
    QCOMPARE(rounds.recording().info->notes, QStringList{u"a note of round 2"_s});
}

void RoundsTest::endsAtTheLimit()
{
    ObservationRounds rounds({}, 1, true, false);
    QVERIFY(!rounds.add(fixture(u"daemon-port80-user.jsonl"_s)));
    // A round after the end is not taken.
    QVERIFY(!rounds.add(grantedRound()));
    QCOMPARE(rounds.rounds(), 1);
}

void RoundsTest::watchedTargetIsOneRound()
{
    ObservationRounds rounds({}, kDefaultObserveRounds, false, false);
    QVERIFY(!rounds.add(fixture(u"daemon-port80-user.jsonl"_s)));
    QVERIFY(rounds.capabilities().isEmpty());
}

void RoundsTest::asRootIsOneRound()
{
    ObservationRounds rounds({}, kDefaultObserveRounds, true, false);
    QVERIFY(!rounds.add(fixture(u"fping-root.jsonl"_s)));
    QCOMPARE(rounds.rounds(), 1);
}

void RoundsTest::rootEquivalentIsWithheld()
{
    const EventStream modules = *readEventStream(
        R"({"type":"recording","mechanism":"ebpf","duration_ns":1000000000,"as_root":false,"unprivileged_port_start":1024,"target":"command /usr/sbin/modloader","user":"nobody","capabilities":[],"ended":"exited","exit_status":1,"lost_events":0,"notes":[]}
{"type":"check","t_ns":1000,"pid":3100,"comm":"modloader","cap":"CAP_SYS_MODULE","syscall":"finit_module","ret":"EPERM","granted":false,"phase":"running"}
{"type":"result","t_ns":1100,"pid":3100,"comm":"modloader","syscall":"finit_module","ret":"EPERM"}
)");
    ObservationRounds direct({}, kDefaultObserveRounds, true, false);
    QVERIFY(direct.add(modules));
    QCOMPARE(direct.capabilities(), QList<int>{cap("CAP_SYS_MODULE")});

    ObservationRounds throughHelper({}, kDefaultObserveRounds, true, true);
    QVERIFY(!throughHelper.add(modules));
    QVERIFY(throughHelper.capabilities().isEmpty());
    QVERIFY2(throughHelper.recording().info->notes.join(u'\n').contains(u"Not observed with CAP_SYS_MODULE"_s),
             qPrintable(throughHelper.recording().info->notes.join(u'\n')));
}

void RoundsTest::documentCountsRounds()
{
    ObservationRounds rounds({}, kDefaultObserveRounds, true, false);
    QCOMPARE(rounds.text(), QString());
    rounds.add(fixture(u"daemon-port80-user.jsonl"_s));
    rounds.add(grantedRound());
    const QJsonObject document = rounds.document();
    QCOMPARE(document.value(u"schema"_s).toString(), u"deroot.observe/1"_s);
    QCOMPARE(document.value(u"observation"_s)[u"recording"_s][u"rounds"_s].toInt(), 2);
    QVERIFY(document.value(u"needs"_s)[u"capabilities"_s].toArray().size() == 1);
}

// deroot-observer's failures as the CLI and the wizard report them: its own last word, its exit
// code as derootctl's, and a crash or an unknown code as a plain failure.
void RoundsTest::observerFailures_data()
{
    QTest::addColumn<bool>("crashed");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("errors");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("crashed") << true << 0 << QByteArray("deroot-observer: never said\n") << int(ExitCode::Failure)
                             << u"deroot-observer crashed"_s;
    QTest::newRow("last word") << false << int(ExitCode::NotFound)
                               << QByteArray("the agent's own line\nderoot-observer: first\n"
                                             "deroot-observer: no such unit 'x.service'\n")
                               << int(ExitCode::NotFound) << u"no such unit 'x.service'"_s;
    QTest::newRow("silent") << false << int(ExitCode::Permission) << QByteArray("agent noise only\n")
                            << int(ExitCode::Permission) << u"deroot-observer failed"_s;
    QTest::newRow("unknown code") << false << 99 << QByteArray() << int(ExitCode::Failure)
                                  << u"deroot-observer failed"_s;
    QTest::newRow("signal-like code") << false << 137 << QByteArray("deroot-observer: killed\n")
                                      << int(ExitCode::Failure) << u"killed"_s;
}

void RoundsTest::observerFailures()
{
    QFETCH(bool, crashed);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, errors);
    QFETCH(int, code);
    QFETCH(QString, message);
    const Error error = observerFailure(crashed, exitCode, errors);
    QCOMPARE(int(error.code), code);
    QCOMPARE(error.message, message);
}

void RoundsTest::observerOutput()
{
    // Nothing at all (an observer that wrote nothing) is no recording.
    QVERIFY(readObserverRecording(QByteArray()).error().message.contains(u"no recording line"_s));
    const auto garbled = readObserverRecording("{\"type\":\"check\"");
    QVERIFY(!garbled);
    QCOMPARE(garbled.error().code, ExitCode::Failure);
    QVERIFY2(garbled.error().message.startsWith(u"deroot-observer wrote a recording that does not read: "_s),
             qPrintable(garbled.error().message));
    QFile file(QStringLiteral(DEROOT_TEST_DATA) + u"/observe/iplink-user.jsonl"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto read = readObserverRecording(file.readAll());
    QVERIFY(read);
    QCOMPARE(read->info->user, u"nobody"_s);
}

QTEST_GUILESS_MAIN(RoundsTest)
#include "rounds_test.moc"
