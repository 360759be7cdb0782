// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Drift (core/drift): the journal's applies as History() gives them, against a fake live system.
#include "core/drift/drift.h"
#include "core/plan/statoverride.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using Deroot::Core::DriftCheck;
using Deroot::Core::FileFacts;
using Deroot::Core::PlanDrift;
using Deroot::Core::ProcessFacts;

namespace {

const QString kProgram = u"/usr/bin/tcpdump"_s;
const QString kProgramSha = QString(64, u'a');
const QString kDropIn = u"/etc/systemd/system/exporter.service.d/deroot.conf"_s;
const QString kDropInSha = QString(64, u'b');
// What cap_set_fd writes for cap_net_raw,cap_net_admin+ep (VFS_CAP_REVISION_2, 20 bytes).
const QByteArray kCapsXattr = QByteArray::fromHex("0100000200300000000000000000000000000000");
const QByteArray kDropInBytes = "[Service]\nUser=exporter\nAmbientCapabilities=\nAmbientCapabilities=CAP_NET_RAW\n"
                                "CapabilityBoundingSet=\nCapabilityBoundingSet=CAP_NET_RAW\n";

class FakeLive final : public Deroot::Core::LiveSystem
{
public:
    QHash<QString, FileFacts> files;
    QHash<QString, QByteArray> bytes;
    QHash<QString, QHash<QString, QString>> units;
    QHash<QString, qint64> users;
    QHash<qint64, ProcessFacts> processes;
    QHash<QString, QString> overrides;

    FileFacts file(const QString &path) const override { return files.value(path); }
    QByteArray fileBytes(const QString &path) const override { return bytes.value(path); }
    QHash<QString, QString> unitProperties(const QString &unit) const override { return units.value(unit); }
    std::optional<qint64> userId(const QString &name) const override
    {
        return users.contains(name) ? std::optional<qint64>(users.value(name)) : std::nullopt;
    }
    ProcessFacts process(qint64 pid) const override { return processes.value(pid); }
    std::optional<QString> statOverride(const QString &path) const override
    {
        return overrides.contains(path) ? std::optional<QString>(overrides.value(path)) : std::nullopt;
    }
};

FileFacts present(const QString &sha, std::optional<QByteArray> caps = std::nullopt, bool readable = true)
{
    FileFacts facts;
    facts.exists = true;
    facts.readable = readable;
    facts.sha256 = readable ? sha : QString();
    facts.capabilityXattr = std::move(caps);
    facts.modified = QDateTime(QDate(2026, 12, 1), QTime(10, 0), QTimeZone::UTC);
    facts.changed = QDateTime(QDate(2026, 12, 2), QTime(11, 30), QTimeZone::UTC);
    return facts;
}

// A caps plan for a called program, as History() shows it (the caps' after kept, before stripped).
QJsonObject capsRecord(const QString &id, const QString &state, const QString &program = kProgram)
{
    return QJsonObject{
        {u"id"_s, id},
        {u"state"_s, state},
        {u"agent"_s, u"tcpdump"_s},
        {u"method"_s, u"caps"_s},
        {u"created"_s, u"2026-12-01T09:00:00Z"_s},
        {u"program"_s, program},
        {u"program_sha256"_s, kProgramSha},
        {u"capabilities"_s, QJsonArray{u"CAP_NET_RAW"_s, u"CAP_NET_ADMIN"_s}},
        {u"service_user"_s, QString()},
        {u"unit"_s, QString()},
        {u"steps"_s,
         QJsonArray{QJsonObject{{u"kind"_s, u"set-file-caps"_s},
                                {u"target"_s, program},
                                {u"status"_s, u"done"_s},
                                {u"caps"_s, QJsonObject{{u"path"_s, program},
                                                        {u"after"_s, QString::fromLatin1(kCapsXattr.toBase64())}}}}}}};
}

// A drop-in plan for a unit of the vendor's: user, drop-in, reload, restart.
QJsonObject dropInRecord(const QString &id)
{
    return QJsonObject{{u"id"_s, id},
                       {u"state"_s, u"applied"_s},
                       {u"agent"_s, u"exporter"_s},
                       {u"method"_s, u"caps"_s},
                       {u"created"_s, u"2026-12-01T09:00:00Z"_s},
                       {u"program"_s, u"/usr/bin/exporter"_s},
                       {u"program_sha256"_s, kProgramSha},
                       {u"capabilities"_s, QJsonArray{u"CAP_NET_RAW"_s}},
                       {u"service_user"_s, u"exporter"_s},
                       {u"unit"_s, u"exporter.service"_s},
                       {u"steps"_s, QJsonArray{QJsonObject{{u"kind"_s, u"create-user"_s}, {u"status"_s, u"done"_s}},
                                               QJsonObject{{u"kind"_s, u"write-unit"_s},
                                                           {u"target"_s, kDropIn},
                                                           {u"artifact"_s, u"dropin"_s},
                                                           {u"status"_s, u"done"_s},
                                                           {u"after_sha256"_s, kDropInSha}},
                                               QJsonObject{{u"kind"_s, u"start-unit"_s}, {u"status"_s, u"done"_s}}}}};
}

// The live system where the drop-in plan holds: the agent runs as its user with CAP_NET_RAW alone.
void holdingDropIn(FakeLive &live)
{
    live.files.insert(kDropIn, present(kDropInSha));
    live.bytes.insert(kDropIn, kDropInBytes);
    live.users.insert(u"exporter"_s, 990);
    live.units.insert(u"exporter.service"_s, {{u"LoadState"_s, u"loaded"_s},
                                              {u"NeedDaemonReload"_s, u"no"_s},
                                              {u"User"_s, u"exporter"_s},
                                              {u"AmbientCapabilities"_s, u"cap_net_raw"_s},
                                              {u"CapabilityBoundingSet"_s, u"cap_net_raw"_s},
                                              {u"MainPID"_s, u"4242"_s}});
    live.processes.insert(4242, ProcessFacts{true, 990, 1u << 13, 1u << 13});
}

const DriftCheck *checkOf(const PlanDrift &plan, const QString &what)
{
    for (const DriftCheck &check : plan.checks) {
        if (check.what == what && check.state != DriftCheck::State::Holding) {
            return &check;
        }
    }
    return nullptr;
}

} // namespace

class DriftTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capabilities_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("reconcilable");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("holding") << u"holding"_s << u"holding"_s << false << QString();
        QTest::newRow("lost to a package reinstall")
            << u"lost"_s << u"drifted"_s << true
            << u"lost the capabilities the apply set (since 2026-12-02T11:30:00Z"_s;
        QTest::newRow("other capabilities set by hand")
            << u"other"_s << u"drifted"_s << true << u"has other capabilities than the apply set"_s;
        QTest::newRow("replaced binary: blocked, not reconcilable")
            << u"replaced"_s << u"drifted"_s << false << u"another file than the one approved"_s;
        QTest::newRow("statoverride: hands off")
            << u"override"_s << u"drifted"_s << false << u"dpkg-statoverride holds"_s;
        QTest::newRow("program removed") << u"removed"_s << u"gone"_s << false << u"is gone"_s;
        QTest::newRow("unreadable program: no claim on its hash")
            << u"unreadable"_s << u"drifted"_s << false << u"cannot be read"_s;
        QTest::newRow("record without program hash (before drift tracking)")
            << u"old-record"_s << u"drifted"_s << false << u"without its program's SHA-256"_s;
    }

    void capabilities()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, state);
        QFETCH(bool, reconcilable);
        QFETCH(QString, messagePart);
        FakeLive live;
        QJsonObject record = capsRecord(u"20261201T090000Z-00000001"_s, u"applied"_s);
        if (scenario == u"holding") {
            live.files.insert(kProgram, present(kProgramSha, kCapsXattr));
        } else if (scenario == u"lost") {
            live.files.insert(kProgram, present(kProgramSha));
        } else if (scenario == u"other") {
            live.files.insert(kProgram,
                              present(kProgramSha, QByteArray::fromHex("0100000200200000000000000000000000000000")));
        } else if (scenario == u"replaced") {
            live.files.insert(kProgram, present(QString(64, u'c')));
        } else if (scenario == u"override") {
            live.files.insert(kProgram, present(kProgramSha));
            live.overrides.insert(kProgram, u"root root 0755"_s);
        } else if (scenario == u"unreadable") {
            live.files.insert(kProgram, present(kProgramSha, std::nullopt, false));
        } else if (scenario == u"old-record") {
            live.files.insert(kProgram, present(kProgramSha));
            record.remove(u"program_sha256"_s);
        }
        const QList<PlanDrift> plans = Deroot::Core::compareWithSystem(QJsonArray{record}, live);
        QCOMPARE(plans.size(), 1);
        const PlanDrift &plan = plans.first();
        // Lost capabilities on the program that is still there are drift; only a removed program is gone.
        QCOMPARE(Deroot::Core::driftStateId(plan.state), state);
        QCOMPARE(plan.reconcilable, reconcilable);
        QCOMPARE(Deroot::Core::anyDrift(plans), state != u"holding");
        if (!messagePart.isEmpty()) {
            QString all;
            for (const DriftCheck &check : plan.checks) {
                all += check.message + u'\n';
            }
            QVERIFY2(all.contains(messagePart), qPrintable(all));
        }
        if (scenario == u"lost") {
            QCOMPARE(plan.since, live.files.value(kProgram).changed);
            // Counted in English without a catalogue (derootctl): "1 difference", never "(s)".
            QVERIFY2(plan.summary.startsWith(u"Drifted: 1 difference from the apply, since "_s),
                     qPrintable(plan.summary));
        }
    }

    void dropIn_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("holding") << u"holding"_s << u"holding"_s << QString() << QString();
        QTest::newRow("drop-in edited") << u"edited"_s << u"drifted"_s << u"file"_s << u"was changed since"_s;
        QTest::newRow("drop-in removed") << u"removed"_s << u"gone"_s << u"file"_s << u"was removed"_s;
        QTest::newRow("not reloaded") << u"reload"_s << u"drifted"_s << u"unit"_s << u"daemon-reload"_s;
        QTest::newRow("a later drop-in sets User=root")
            << u"user-root"_s << u"drifted"_s << u"unit"_s << u"User=root where the plan has exporter"_s;
        QTest::newRow("a later drop-in adds an ambient capability")
            << u"ambient"_s << u"drifted"_s << u"unit"_s
            << u"AmbientCapabilities=cap_net_raw cap_sys_admin where the plan has cap_net_raw"_s;
        QTest::newRow("agent runs as root") << u"uid0"_s << u"drifted"_s << u"agent"_s << u"runs as uid 0"_s;
        QTest::newRow("agent holds more capabilities")
            << u"more-caps"_s << u"drifted"_s << u"agent"_s << u"CapEff holds more than planned: cap_sys_admin"_s;
        QTest::newRow("agent lacks its capability")
            << u"fewer-caps"_s << u"drifted"_s << u"agent"_s << u"CapEff lacks cap_net_raw"_s;
        QTest::newRow("service user deleted") << u"no-user"_s << u"drifted"_s << u"user"_s << u"no longer exists"_s;
        QTest::newRow("not running: unknown, not drift")
            << u"stopped"_s << u"holding"_s << u"agent"_s << u"is not running"_s;
        QTest::newRow("root-only drop-in as a user: unknown, not drift")
            << u"unreadable"_s << u"holding"_s << u"file"_s << u"readable by root alone"_s;
        QTest::newRow("unit not found") << u"not-found"_s << u"drifted"_s << u"unit"_s << u"not-found, not loaded"_s;
    }

    void dropIn()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, state);
        QFETCH(QString, what);
        QFETCH(QString, messagePart);
        FakeLive live;
        holdingDropIn(live);
        auto &unit = live.units[u"exporter.service"_s];
        if (scenario == u"edited") {
            live.files.insert(kDropIn, present(QString(64, u'd')));
        } else if (scenario == u"removed") {
            live.files.remove(kDropIn);
        } else if (scenario == u"reload") {
            unit.insert(u"NeedDaemonReload"_s, u"yes"_s);
        } else if (scenario == u"user-root") {
            unit.insert(u"User"_s, u"root"_s);
        } else if (scenario == u"ambient") {
            unit.insert(u"AmbientCapabilities"_s, u"cap_net_raw cap_sys_admin"_s);
        } else if (scenario == u"uid0") {
            live.processes[4242].uid = 0;
        } else if (scenario == u"more-caps") {
            live.processes[4242].capEff |= std::uint64_t(1) << 21;
        } else if (scenario == u"fewer-caps") {
            live.processes[4242].capEff = 0;
        } else if (scenario == u"no-user") {
            live.users.clear();
        } else if (scenario == u"stopped") {
            unit.insert(u"MainPID"_s, u"0"_s);
        } else if (scenario == u"unreadable") {
            live.files.insert(kDropIn, present(kDropInSha, std::nullopt, false));
        } else if (scenario == u"not-found") {
            unit.insert(u"LoadState"_s, u"not-found"_s);
        }
        const QList<PlanDrift> plans =
            Deroot::Core::compareWithSystem(QJsonArray{dropInRecord(u"20261201T090000Z-00000002"_s)}, live);
        QCOMPARE(plans.size(), 1);
        const PlanDrift &plan = plans.first();
        QCOMPARE(Deroot::Core::driftStateId(plan.state), state);
        QVERIFY(!plan.reconcilable);
        if (!what.isEmpty()) {
            const DriftCheck *check = checkOf(plan, what);
            QVERIFY2(check, qPrintable(what));
            QVERIFY2(check->message.contains(messagePart), qPrintable(check->message));
        } else {
            for (const DriftCheck &check : plan.checks) {
                QVERIFY2(check.state == DriftCheck::State::Holding, qPrintable(check.message));
            }
        }
    }

    // A later apply that wrote the same program's capabilities owns them; the earlier one is gone
    // (replaced), which is not drift. Rolled back and failed applies are never compared.
    void laterApplyOwnsAndRolledBackIsGone()
    {
        FakeLive live;
        live.files.insert(kProgram, present(kProgramSha, kCapsXattr));
        const QJsonArray history{capsRecord(u"20261203T000000Z-00000003"_s, u"applied"_s),
                                 capsRecord(u"20261202T000000Z-00000002"_s, u"applied"_s),
                                 capsRecord(u"20261201T000000Z-00000001"_s, u"rolled-back"_s),
                                 capsRecord(u"20261130T000000Z-00000000"_s, u"failed"_s)};
        const QList<PlanDrift> plans = Deroot::Core::compareWithSystem(history, live);
        QCOMPARE(plans.size(), 3);
        QCOMPARE(plans.at(0).state, PlanDrift::State::Holding);
        QCOMPARE(plans.at(1).state, PlanDrift::State::Gone);
        QVERIFY(plans.at(1).replaced);
        QVERIFY(plans.at(1).summary.contains(u"20261203T000000Z-00000003"_s));
        QCOMPARE(plans.at(2).state, PlanDrift::State::Gone);
        QCOMPARE(plans.at(2).journalState, u"rolled-back"_s);
        QVERIFY(!Deroot::Core::anyDrift(plans));
    }

    // Hostile or broken history entries: no crash, no claim of drift the system does not show.
    void hostileHistory_data()
    {
        QTest::addColumn<QJsonValue>("entry");
        QTest::newRow("not an object") << QJsonValue(u"20261201"_s);
        QTest::newRow("steps not an array") << QJsonValue(QJsonObject{{u"state"_s, u"applied"_s}, {u"steps"_s, 3}});
        QTest::newRow("caps without after") << QJsonValue(
            QJsonObject{{u"state"_s, u"applied"_s},
                        {u"steps"_s, QJsonArray{QJsonObject{{u"kind"_s, u"set-file-caps"_s},
                                                            {u"status"_s, u"done"_s},
                                                            {u"caps"_s, QJsonObject{{u"path"_s, kProgram}}}}}}});
        QTest::newRow("undone step") << QJsonValue(QJsonObject{
            {u"state"_s, u"applied"_s},
            {u"steps"_s, QJsonArray{QJsonObject{
                             {u"kind"_s, u"write-unit"_s}, {u"status"_s, u"undone"_s}, {u"target"_s, kDropIn}}}}});
    }

    void hostileHistory()
    {
        QFETCH(QJsonValue, entry);
        FakeLive live;
        const QList<PlanDrift> plans = Deroot::Core::compareWithSystem(QJsonArray{entry}, live);
        QVERIFY(!Deroot::Core::anyDrift(plans));
    }

    void statOverrideDatabase_data()
    {
        QTest::addColumn<QByteArray>("database");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("listed") << QByteArray("root root 0755 /usr/bin/tcpdump\n") << kProgram << u"root root 0755"_s;
        QTest::newRow("another file") << QByteArray("root root 0755 /usr/bin/tcpdump2\n") << kProgram << QString();
        QTest::newRow("prefix of a longer path")
            << QByteArray("root root 0755 /usr/bin/tcpdump.real\n") << kProgram << QString();
        QTest::newRow("path with a space")
            << QByteArray("root adm 4750 /opt/my agent\n") << u"/opt/my agent"_s << u"root adm 4750"_s;
        QTest::newRow("short line") << QByteArray("root /usr/bin/tcpdump\n") << kProgram << QString();
        QTest::newRow("empty") << QByteArray() << kProgram << QString();
    }

    void statOverrideDatabase()
    {
        QFETCH(QByteArray, database);
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QCOMPARE(Deroot::Core::dpkgStatOverride(database, path).value_or(QString()), expected);
    }
};

QTEST_GUILESS_MAIN(DriftTest)
#include "drift_test.moc"
