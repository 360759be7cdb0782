// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// An observation as generate's input: what derootctl observe writes reads back to the same needs,
// and a document that is not an observation, or was edited to bring in what an observation never
// finds, is refused with the place named.
#include "core/observe/eventstream.h"
#include "core/observe/observation.h"
#include "core/observe/observedneeds.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

using Edit = std::function<void(QJsonObject &)>;
Q_DECLARE_METATYPE(Edit)

class ObservedNeedsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void refused_data();
    void refused();
    void sandboxRoundTrip();
    void sandboxRefused_data();
    void sandboxRefused();
};

namespace {

// The document derootctl observe --json writes for a recorded fixture.
QJsonObject document(const QString &fixture)
{
    QFile file(QStringLiteral(DEROOT_TEST_DATA) + u"/observe/"_s + fixture);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(file.fileName()));
    }
    const auto events = readEventStream(file.readAll());
    ObservationOptions options;
    options.durationNs = 10'000'000'000;
    const Observation observation = aggregateObservation(*events, options);
    return QJsonObject{{u"schema"_s, QString::fromLatin1(kObserveSchema)},
                       {u"deroot_version"_s, u"0"_s},
                       {u"needs"_s, toJson(observation.needs)},
                       {u"observation"_s, toJson(observation)}};
}

QJsonObject reason(const QString &source = u"observed"_s)
{
    return QJsonObject{{u"source"_s, source}, {u"text"_s, u"observed: it did"_s}};
}

} // namespace

void ObservedNeedsTest::roundTrip()
{
    for (const QString &fixture : {u"daemon-port80-user.jsonl"_s, u"iplink-user.jsonl"_s, u"forkexec-dac.jsonl"_s,
                                   u"node-exporter-root.jsonl"_s}) {
        const QJsonObject written = document(fixture);
        const auto needs = readObservedNeeds(QJsonDocument(written).toJson());
        QVERIFY2(needs.ok(), qPrintable(fixture + u": "_s + needs.error().message));
        QCOMPARE(toJson(*needs), written.value(u"needs"_s).toObject());
    }
}

void ObservedNeedsTest::refused_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("message");
    const auto inNeeds = [](const std::function<void(QJsonObject &)> &change) {
        return Edit([change](QJsonObject &top) {
            QJsonObject needs = top.value(u"needs"_s).toObject();
            change(needs);
            top.insert(u"needs"_s, needs);
        });
    };
    QTest::newRow("an inspection") << Edit([](QJsonObject &top) { top.insert(u"schema"_s, u"deroot.inspect/1"_s); })
                                   << u"\"schema\" is not \"deroot.observe/1\""_s;
    QTest::newRow("no needs") << Edit([](QJsonObject &top) { top.remove(u"needs"_s); })
                              << u"\"needs\" is missing or not an object"_s;
    QTest::newRow("a sudo command") << inNeeds([](QJsonObject &needs) {
        needs.insert(u"commands"_s,
                     QJsonArray{QJsonObject{{u"path"_s, u"/bin/sh"_s}, {u"reasons"_s, QJsonArray{reason()}}}});
    }) << u"needs.commands: an observation never fills it"_s;
    QTest::newRow("a group") << inNeeds([](QJsonObject &needs) {
        needs.insert(u"groups"_s,
                     QJsonArray{QJsonObject{
                         {u"name"_s, u"disk"_s}, {u"reasons"_s, QJsonArray{reason()}}, {u"root_equivalent"_s, true}}});
    }) << u"needs.groups: an observation never fills it"_s;
    QTest::newRow("a capability claimed from the catalog") << inNeeds([](QJsonObject &needs) {
        needs.insert(u"capabilities"_s, QJsonArray{QJsonObject{{u"name"_s, u"CAP_SYS_ADMIN"_s},
                                                               {u"number"_s, 21},
                                                               {u"risk"_s, u"critical"_s},
                                                               {u"conditional"_s, false},
                                                               {u"reasons"_s, QJsonArray{reason(u"catalog"_s)}}}});
    }) << u"needs.capabilities[0].reasons[0]: the source is \"catalog\", not \"observed\""_s;
    QTest::newRow("a capability number that is not its name") << inNeeds([](QJsonObject &needs) {
        needs.insert(u"capabilities"_s, QJsonArray{QJsonObject{{u"name"_s, u"CAP_NET_RAW"_s},
                                                               {u"number"_s, 21},
                                                               {u"risk"_s, u"low"_s},
                                                               {u"conditional"_s, false},
                                                               {u"reasons"_s, QJsonArray{reason()}}}});
    }) << u"needs.capabilities[0]: \"CAP_NET_RAW\" is not a capability with that number"_s;
    QTest::newRow("a relative path") << inNeeds([](QJsonObject &needs) {
        needs.insert(u"write_paths"_s,
                     QJsonArray{QJsonObject{{u"path"_s, u"etc/shadow"_s}, {u"reasons"_s, QJsonArray{reason()}}}});
    }) << u"needs.write_paths[0]: \"etc/shadow\" is not an absolute path"_s;
    QTest::newRow("a port out of range") << inNeeds([](QJsonObject &needs) {
        needs.insert(u"listen_ports"_s, QJsonArray{QJsonObject{{u"protocol"_s, u"tcp"_s},
                                                               {u"port"_s, 70000},
                                                               {u"address"_s, u""_s},
                                                               {u"reasons"_s, QJsonArray{reason()}}}});
    }) << u"needs.listen_ports[0]: a port is a protocol"_s;
    QTest::newRow("no reasons") << inNeeds([](QJsonObject &needs) {
        needs.insert(u"devices"_s, QJsonArray{QJsonObject{{u"path"_s, u"/dev/sda"_s}, {u"reasons"_s, QJsonArray{}}}});
    }) << u"needs.devices[0]: \"reasons\" must be a non-empty array"_s;
    QTest::newRow("an unknown list") << inNeeds([](QJsonObject &needs) { needs.insert(u"setuid"_s, QJsonArray{}); })
                                     << u"needs: unknown key \"setuid\""_s;
    QTest::newRow("a list missing") << inNeeds([](QJsonObject &needs) { needs.remove(u"devices"_s); })
                                    << u"needs: \"devices\" is missing"_s;
    QTest::newRow("not a family") << inNeeds([](QJsonObject &needs) {
        needs.insert(u"address_families"_s,
                     QJsonArray{QJsonObject{{u"name"_s, u"INET"_s}, {u"reasons"_s, QJsonArray{reason()}}}});
    }) << u"needs.address_families: \"INET\" is not an address family"_s;
}

void ObservedNeedsTest::refused()
{
    QFETCH(Edit, edit);
    QFETCH(QString, message);
    QJsonObject top = document(u"daemon-port80-user.jsonl"_s);
    edit(top);
    const auto needs = readObservedNeeds(QJsonDocument(top).toJson());
    QVERIFY(!needs.ok());
    QVERIFY2(needs.error().message.startsWith(message), qPrintable(needs.error().message));
    QCOMPARE(needs.error().code, ExitCode::BadTarget);
    QVERIFY(!readObservedNeeds("{").ok());
    QVERIFY(!readObservedNeeds("[]").ok());
}

void ObservedNeedsTest::sandboxRoundTrip()
{
    // What observe writes reads back to the same flags.
    const QJsonObject written = document(u"daemon-port80-user.jsonl"_s);
    const auto flags = readObservedSandbox(QJsonDocument(written).toJson());
    QVERIFY2(flags.ok(), qPrintable(flags.error().message));
    QStringList settings;
    for (const SandboxFlag &flag : *flags) {
        settings << flag.setting();
    }
    QCOMPARE(settings, (QStringList{u"PrivateDevices=yes"_s, u"ProtectHome=read-only"_s,
                                    u"RestrictAddressFamilies=AF_UNIX AF_INET6"_s}));
    // A document written before "sandbox" existed (deroot.observe/1 all the same) flags nothing.
    QJsonObject older = written;
    QJsonObject observation = older.value(u"observation"_s).toObject();
    observation.remove(u"sandbox"_s);
    older.insert(u"observation"_s, observation);
    const auto none = readObservedSandbox(QJsonDocument(older).toJson());
    QVERIFY2(none.ok(), qPrintable(none.error().message));
    QVERIFY(none->isEmpty());
}

void ObservedNeedsTest::sandboxRefused_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("message");
    const auto entry = [](const QJsonValue &value) {
        return Edit([value](QJsonObject &top) {
            QJsonObject observation = top.value(u"observation"_s).toObject();
            observation.insert(u"sandbox"_s, QJsonArray{value});
            top.insert(u"observation"_s, observation);
        });
    };
    const auto flag = [](const QString &key, const QString &value) {
        return QJsonObject{{u"key"_s, key}, {u"value"_s, value}, {u"evidence"_s, u"observed in 10 s: nothing"_s}};
    };
    QTest::newRow("another property") << entry(flag(u"ExecStartPre"_s, u"/bin/sh -c id"_s))
                                      << u"observation.sandbox[0]: \"ExecStartPre=/bin/sh -c id\" is not a setting"_s;
    QTest::newRow("a loosening value") << entry(flag(u"PrivateDevices"_s, u"no"_s))
                                       << u"observation.sandbox[0]: \"PrivateDevices=no\" is not a setting"_s;
    QTest::newRow("a newline in the value")
        << entry(flag(u"RestrictAddressFamilies"_s, u"AF_UNIX\nUser=root"_s)) << u"observation.sandbox[0]: "_s;
    QJsonObject extra = flag(u"PrivateNetwork"_s, u"yes"_s);
    extra.insert(u"also"_s, u"User=root"_s);
    QTest::newRow("unknown key") << entry(extra) << u"observation.sandbox[0]: unknown key \"also\""_s;
    QJsonObject noEvidence = flag(u"PrivateNetwork"_s, u"yes"_s);
    noEvidence.remove(u"evidence"_s);
    QTest::newRow("no evidence") << entry(noEvidence) << u"observation.sandbox[0]: \"evidence\" is missing"_s;
    QJsonObject control = flag(u"PrivateNetwork"_s, u"yes"_s);
    control.insert(u"evidence"_s, u"observed\x1b[2J"_s);
    QTest::newRow("control character in the evidence") << entry(control) << u"observation.sandbox[0]: the evidence"_s;
    QTest::newRow("not an object") << entry(u"PrivateNetwork=yes"_s) << u"observation.sandbox[0]: must be an object"_s;
    QTest::newRow("twice") << Edit([flag](QJsonObject &top) {
        QJsonObject observation = top.value(u"observation"_s).toObject();
        observation.insert(u"sandbox"_s,
                           QJsonArray{flag(u"PrivateNetwork"_s, u"yes"_s), flag(u"PrivateNetwork"_s, u"yes"_s)});
        top.insert(u"observation"_s, observation);
    }) << u"observation.sandbox[1]: \"PrivateNetwork\" is flagged twice"_s;
    QTest::newRow("not an array") << Edit([](QJsonObject &top) {
        QJsonObject observation = top.value(u"observation"_s).toObject();
        observation.insert(u"sandbox"_s, u"PrivateNetwork=yes"_s);
        top.insert(u"observation"_s, observation);
    }) << u"observation.sandbox: must be an array"_s;
    QTest::newRow("needs from elsewhere") << Edit([](QJsonObject &top) {
        QJsonObject needs = top.value(u"needs"_s).toObject();
        needs.insert(u"groups"_s, QJsonArray{QJsonObject{{u"name"_s, u"disk"_s}}});
        top.insert(u"needs"_s, needs);
    }) << u"needs.groups: an observation never fills it"_s;
    QTest::newRow("another schema") << Edit([](QJsonObject &top) { top.insert(u"schema"_s, u"deroot.inspect/1"_s); })
                                    << u"\"schema\" is not"_s;
}

void ObservedNeedsTest::sandboxRefused()
{
    QFETCH(Edit, edit);
    QFETCH(QString, message);
    QJsonObject top = document(u"daemon-port80-user.jsonl"_s);
    edit(top);
    const auto flags = readObservedSandbox(QJsonDocument(top).toJson());
    QVERIFY(!flags.ok());
    QVERIFY2(flags.error().message.startsWith(message), qPrintable(flags.error().message));
    QCOMPARE(flags.error().code, ExitCode::BadTarget);
}

QTEST_GUILESS_MAIN(ObservedNeedsTest)
#include "observedneeds_test.moc"
