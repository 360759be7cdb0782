// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The helper's Prove request (core/plan/proverequest): a closed, bounded schema read with no system
// access, whose plan is the apply request Apply takes, parsed by the same parser. Every hostile
// request is a named row: refused, with its exit code and a piece of its sentence. Each attack
// tried on the request is a row here.
#include "core/plan/proverequest.h"
#include "planfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Deroot;
using namespace Deroot::Core;
using namespace Qt::StringLiterals;

namespace {

const QString kProgram = u"/usr/local/bin/deroot-test-agent"_s;
const QByteArray kProgramBytes = "#!/bin/sh\nexec sleep infinity\n";

ApplyRequest planOf(const QString &kind)
{
    QTemporaryDir directory;
    const auto written = TestSupport::writePlanExport(kind, directory.filePath(u"export"_s), kProgram, kProgramBytes);
    if (!written) {
        qFatal("cannot generate the %s plan: %s", qPrintable(kind), qPrintable(written.error().message));
    }
    const auto request = readApplyRequest(*written);
    if (!request) {
        qFatal("cannot read the %s plan: %s", qPrintable(kind), qPrintable(request.error().message));
    }
    return *request;
}

QJsonObject requestObject(const ApplyRequest &plan, int seconds = 2, const QString &check = u"true"_s)
{
    return QJsonDocument::fromJson(proveRequestJson(ProveRequest{plan, seconds, check})).object();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray with(const QString &key, const QJsonValue &value)
{
    QJsonObject object = requestObject(planOf(u"caps"_s));
    if (value.isUndefined()) {
        object.remove(key);
    } else {
        object.insert(key, value);
    }
    return compact(object);
}

// plan.json of the caps plan changed by @p edit, and sent as it is (its hashes not recomputed).
QByteArray withPlanJson(const std::function<void(QJsonObject &)> &edit)
{
    ApplyRequest plan = planOf(u"caps"_s);
    QJsonObject document = QJsonDocument::fromJson(plan.planJson).object();
    edit(document);
    plan.planJson = QJsonDocument(document).toJson(QJsonDocument::Indented);
    return compact(requestObject(plan));
}

QByteArray withPlanBytes(const std::function<void(QByteArray &)> &edit)
{
    ApplyRequest plan = planOf(u"caps"_s);
    edit(plan.planJson);
    return compact(requestObject(plan));
}

QByteArray withFile(const std::function<void(QMap<QString, QByteArray> &)> &edit)
{
    ApplyRequest plan = planOf(u"caps"_s);
    edit(plan.files);
    return compact(requestObject(plan));
}

QString unitFileName(const QMap<QString, QByteArray> &files)
{
    for (auto file = files.cbegin(); file != files.cend(); ++file) {
        if (file.key().endsWith(u".service"_s)) {
            return file.key();
        }
    }
    return {};
}

} // namespace

class ProveRequestTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // What derootctl writes is what the helper reads: the plan byte for byte, seconds, the check.
    void roundTrip()
    {
        const ApplyRequest plan = planOf(u"caps"_s);
        const auto parsed =
            parseProveRequest(proveRequestJson(ProveRequest{plan, 7, u"curl -fsS http://x/ | grep ok"_s}));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed->seconds, 7);
        QCOMPARE(parsed->check, u"curl -fsS http://x/ | grep ok"_s);
        QCOMPARE(parsed->plan.agent, u"capsagent"_s);
        QCOMPARE(parsed->plan.capabilities, QStringList{u"CAP_NET_RAW"_s});
        QCOMPARE(parsed->plan.programPath, kProgram);
        const auto expected = parseApplyRequest(plan);
        QVERIFY(expected.ok());
        QCOMPARE(parsed->plan.planSha256, expected->planSha256);
        // No check: the key is left out, and none is read.
        const auto none = parseProveRequest(proveRequestJson(ProveRequest{plan, 1, QString()}));
        QVERIFY(none.ok());
        QVERIFY(none->check.isEmpty());
        QVERIFY(!proveRequestJson(ProveRequest{plan, 1, QString()}).contains("\"check\""));
        const auto longest = parseProveRequest(proveRequestJson(ProveRequest{plan, kMaxProveSeconds, QString()}));
        QVERIFY(longest.ok());
        // The sandbox settings an observation flagged travel as they are; none: the key is left out.
        QVERIFY(!proveRequestJson(ProveRequest{plan, 1, QString()}).contains("\"sandbox\""));
        const QList<SandboxCandidate> sandbox{
            {u"PrivateDevices"_s, u"yes"_s, u"observed in 3.0 s: no device node opened"_s},
            {u"RestrictAddressFamilies"_s, u"AF_UNIX AF_INET AF_NETLINK"_s, u"only these families"_s}};
        const auto flagged = parseProveRequest(proveRequestJson(ProveRequest{plan, 3, QString(), sandbox}));
        QVERIFY2(flagged.ok(), qPrintable(flagged.ok() ? QString() : flagged.error().message));
        QCOMPARE(flagged->sandbox, sandbox);
    }

    void refusesHostileRequests_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("expect");
        const int usage = int(ExitCode::Usage);
        const int refused = int(ExitCode::Refused);

        // Size and encoding, before JSON is parsed.
        QTest::newRow("oversized") << QByteArray(kMaxProveRequestBytes + 1, ' ') << usage << u"bytes, more than"_s;
        QTest::newRow("not UTF-8") << QByteArray("{\"version\":1,\"x\":\"\xff\"}") << usage << u"not UTF-8"_s;
        QTest::newRow("NUL byte") << QByteArray("{\"version\":1}\0", 14) << usage << u"not UTF-8"_s;
        QTest::newRow("not JSON") << QByteArray("{version:1}") << usage << u"not JSON"_s;
        QTest::newRow("an array") << QByteArray("[]") << usage << u"one JSON object"_s;
        QTest::newRow("duplicate key") << QByteArray(R"({"version":1,"version":1})") << usage << u"appears twice"_s;
        QTest::newRow("duplicate key, escaped")
            << QByteArray(R"({"version":1,"versio\u006e":1})") << usage << u"appears twice"_s;

        // A closed schema.
        QTest::newRow("unknown key") << with(u"command"_s, u"id"_s) << usage << u"unknown key"_s;
        QTest::newRow("unknown key: the unit's user") << with(u"user"_s, u"root"_s) << usage << u"unknown key"_s;
        QTest::newRow("missing plan") << with(u"plan"_s, QJsonValue::Undefined) << usage << u"'plan' is missing"_s;
        QTest::newRow("missing files") << with(u"files"_s, QJsonValue::Undefined) << usage << u"'files' is missing"_s;
        QTest::newRow("missing seconds") << with(u"seconds"_s, QJsonValue::Undefined) << usage
                                         << u"'seconds' is missing"_s;
        QTest::newRow("missing version") << with(u"version"_s, QJsonValue::Undefined) << usage
                                         << u"'version' is missing"_s;
        QTest::newRow("version 2") << with(u"version"_s, 2) << usage << u"'version' must be 1"_s;
        QTest::newRow("version \"1\"") << with(u"version"_s, u"1"_s) << usage << u"'version' must be 1"_s;

        // Seconds.
        QTest::newRow("seconds 0") << with(u"seconds"_s, 0) << usage << u"'seconds' must be"_s;
        QTest::newRow("seconds 3601") << with(u"seconds"_s, 3601) << usage << u"'seconds' must be"_s;
        QTest::newRow("seconds -1") << with(u"seconds"_s, -1) << usage << u"'seconds' must be"_s;
        QTest::newRow("seconds \"10\"") << with(u"seconds"_s, u"10"_s) << usage << u"'seconds' must be"_s;
        QTest::newRow("seconds 2.5") << with(u"seconds"_s, 2.5) << usage << u"'seconds' must be"_s;
        QTest::newRow("seconds null") << with(u"seconds"_s, QJsonValue::Null) << usage << u"'seconds' must be"_s;
        QTest::newRow("seconds 1e300") << with(u"seconds"_s, 1e300) << usage << u"'seconds' must be"_s;

        // The check command.
        QTest::newRow("check: a number") << with(u"check"_s, 7) << usage << u"'check' must be a string"_s;
        QTest::newRow("check: an array") << with(u"check"_s, QJsonArray{u"id"_s}) << usage
                                         << u"'check' must be a string"_s;
        QTest::newRow("check: empty") << with(u"check"_s, u""_s) << usage << u"empty"_s;
        QTest::newRow("check: blank") << with(u"check"_s, u"   "_s) << usage << u"empty"_s;
        QTest::newRow("check: NUL") << with(u"check"_s, u"true\u0000; id"_s) << usage << u"control"_s;
        QTest::newRow("check: newline") << with(u"check"_s, u"true\nid"_s) << usage << u"control"_s;
        QTest::newRow("check: escape") << with(u"check"_s, u"true \x1b[2J"_s) << usage << u"control"_s;
        QTest::newRow("check: right-to-left override") << with(u"check"_s, u"true \u202e"_s) << usage << u"control"_s;
        QTest::newRow("check: too long") << with(u"check"_s, QString(kMaxProveCheckLength + 1, u'x')) << usage
                                         << u"characters long"_s;

        // The plan's encoding and bounds.
        QTest::newRow("plan: not base64") << with(u"plan"_s, u"!!!"_s) << usage << u"'plan' must be"_s;
        QTest::newRow("plan: a JSON object, not its bytes")
            << with(u"plan"_s, QJsonObject{{u"schema"_s, u"deroot.plan/2"_s}}) << usage << u"'plan' must be"_s;
        QTest::newRow("plan: base64 with a newline") << with(u"plan"_s, u"e30=\n"_s) << usage << u"'plan' must be"_s;
        QTest::newRow("plan: base64 without padding") << with(u"plan"_s, u"e30"_s) << usage << u"'plan' must be"_s;
        QTest::newRow("plan: too large") << with(u"plan"_s,
                                                 QString::fromLatin1(QByteArray(kMaxPlanJsonBytes + 1, ' ').toBase64()))
                                         << usage << u"'plan' must be"_s;
        QTest::newRow("files: an array") << with(u"files"_s, QJsonArray{}) << usage << u"'files' must be"_s;
        QTest::newRow("files: not base64")
            << with(u"files"_s, QJsonObject{{u"x.service"_s, u"@@"_s}}) << usage << u"must be its bytes in base64"_s;
        QJsonObject many;
        for (int i = 0; i <= kMaxFiles; ++i) {
            many.insert(u"f%1"_s.arg(i), u""_s);
        }
        QTest::newRow("files: too many") << with(u"files"_s, many) << usage << u"files, more than"_s;

        // What the generators would not write, byte for byte: refused by Apply's own parser.
        QTest::newRow("plan.json hand-edited: one space more")
            << withPlanBytes([](QByteArray &bytes) { bytes.insert(1, ' '); }) << refused << QString();
        QTest::newRow("plan.json hand-edited: the unit's user root") << withPlanJson([](QJsonObject &plan) {
            QJsonObject input = plan.value(u"input"_s).toObject();
            input.insert(u"service_user"_s, u"root"_s);
            plan.insert(u"input"_s, input);
        }) << refused << QString();
        QTest::newRow("attack: a check command smuggled into the plan's input") << withPlanJson([](QJsonObject &plan) {
            QJsonObject input = plan.value(u"input"_s).toObject();
            input.insert(u"check"_s, u"id > /etc/x"_s);
            plan.insert(u"input"_s, input);
        }) << refused << QString();
        QTest::newRow("attack: a check command smuggled into plan.json")
            << withPlanJson([](QJsonObject &plan) { plan.insert(u"check"_s, u"id > /etc/x"_s); }) << refused
            << QString();
        QTest::newRow("attack: ExecStartPre= added to the unit file") << withFile([](QMap<QString, QByteArray> &files) {
            const QString unit = unitFileName(files);
            files[unit].replace("[Service]\n", "[Service]\nExecStartPre=+/bin/sh -c id\n");
        }) << refused << QString();
        QTest::newRow("attack: a file left out")
            << withFile([](QMap<QString, QByteArray> &files) { files.remove(unitFileName(files)); }) << refused
            << QString();
        QTest::newRow("attack: CAP_SYS_ADMIN spelled in lower case in the plan's input")
            << withPlanJson([](QJsonObject &plan) {
                   QJsonObject input = plan.value(u"input"_s).toObject();
                   QJsonArray caps = input.value(u"capabilities"_s).toArray();
                   caps.append(u"cap_sys_admin"_s);
                   input.insert(u"capabilities"_s, caps);
                   plan.insert(u"input"_s, input);
               })
            << refused << QString();
        QTest::newRow("attack: CAP_SYS_ADMIN by its number in the plan's input") << withPlanJson([](QJsonObject &plan) {
            QJsonObject input = plan.value(u"input"_s).toObject();
            QJsonArray caps = input.value(u"capabilities"_s).toArray();
            caps.append(21);
            input.insert(u"capabilities"_s, caps);
            plan.insert(u"input"_s, input);
        }) << refused << QString();

        // The sandbox settings: only what an observation can flag, which only ever tightens a unit.
        const auto sandboxOf = [](const QJsonArray &entries) { return with(u"sandbox"_s, entries); };
        const auto entry = [](const QString &key, const QString &value, const QString &observed = u"seen"_s) {
            return QJsonObject{{u"key"_s, key}, {u"value"_s, value}, {u"observed"_s, observed}};
        };
        QTest::newRow("sandbox: not a list") << with(u"sandbox"_s, u"PrivateDevices=yes"_s) << usage << u"'sandbox'"_s;
        QTest::newRow("sandbox: empty list") << sandboxOf({}) << usage << u"leave it out"_s;
        QTest::newRow("attack: sandbox ExecStartPre= runs a command")
            << sandboxOf({entry(u"ExecStartPre"_s, u"/bin/sh -c id"_s)}) << usage << u"no observation flags"_s;
        QTest::newRow("attack: sandbox loosens PrivateDevices=no")
            << sandboxOf({entry(u"PrivateDevices"_s, u"no"_s)}) << usage << u"no observation flags"_s;
        QTest::newRow("attack: sandbox User=root")
            << sandboxOf({entry(u"User"_s, u"root"_s)}) << usage << u"no observation flags"_s;
        QTest::newRow("attack: sandbox AmbientCapabilities=")
            << sandboxOf({entry(u"AmbientCapabilities"_s, u"CAP_SYS_ADMIN"_s)}) << usage << u"no observation flags"_s;
        QTest::newRow("attack: sandbox families with a newline")
            << sandboxOf({entry(u"RestrictAddressFamilies"_s, u"AF_UNIX\nExecStartPre=/bin/id"_s)}) << usage
            << u"no observation flags"_s;
        QTest::newRow("attack: sandbox families not starting with AF_UNIX")
            << sandboxOf({entry(u"RestrictAddressFamilies"_s, u"~AF_UNIX"_s)}) << usage << u"no observation flags"_s;
        QTest::newRow("sandbox: the same key twice")
            << sandboxOf({entry(u"PrivateDevices"_s, u"yes"_s), entry(u"PrivateDevices"_s, u"yes"_s)}) << usage
            << u"twice"_s;
        QTest::newRow("sandbox: an unknown key in an entry") << sandboxOf({QJsonObject{{u"key"_s, u"PrivateDevices"_s},
                                                                                       {u"value"_s, u"yes"_s},
                                                                                       {u"observed"_s, u"x"_s},
                                                                                       {u"unit"_s, u"y"_s}}})
                                                             << usage << u"key, value and observed"_s;
        QTest::newRow("sandbox: a number as the value")
            << sandboxOf({QJsonObject{{u"key"_s, u"PrivateDevices"_s}, {u"value"_s, 1}, {u"observed"_s, u"x"_s}}})
            << usage << u"key, value and observed"_s;
        QTest::newRow("sandbox: evidence with an escape character")
            << sandboxOf({entry(u"PrivateNetwork"_s, u"yes"_s, u"ok\u001b[2J"_s)}) << usage << u"'observed'"_s;
        QTest::newRow("sandbox: no evidence")
            << sandboxOf({entry(u"PrivateNetwork"_s, u"yes"_s, QString())}) << usage << u"'observed'"_s;
        QTest::newRow("sandbox: nine entries")
            << sandboxOf({entry(u"PrivateNetwork"_s, u"yes"_s), entry(u"PrivateNetwork"_s, u"yes"_s),
                          entry(u"PrivateNetwork"_s, u"yes"_s), entry(u"PrivateNetwork"_s, u"yes"_s),
                          entry(u"PrivateNetwork"_s, u"yes"_s), entry(u"PrivateNetwork"_s, u"yes"_s),
                          entry(u"PrivateNetwork"_s, u"yes"_s), entry(u"PrivateNetwork"_s, u"yes"_s),
                          entry(u"PrivateNetwork"_s, u"yes"_s)})
            << usage << u"1 to 8"_s;

        // Root in all but name, even when the generators wrote it so.
        QTest::newRow("a generated plan with CAP_SYS_ADMIN")
            << compact(requestObject(planOf(u"capsadmin"_s))) << refused << u"root-equivalent"_s;
        QTest::newRow("a generated plan whose user is in the docker group")
            << compact(requestObject(planOf(u"capsdocker"_s))) << refused << u"root in all but name"_s;
    }

    void refusesHostileRequests()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, code);
        QFETCH(QString, expect);
        const auto parsed = parseProveRequest(json);
        QVERIFY2(!parsed.ok(), "accepted");
        QVERIFY2(int(parsed.error().code) == code,
                 qPrintable(u"exit %1: %2"_s.arg(int(parsed.error().code)).arg(parsed.error().message)));
        QVERIFY2(parsed.error().message.contains(expect), qPrintable(parsed.error().message));
        QVERIFY2(!parsed.error().message.contains(u'\n'), qPrintable(parsed.error().message));
    }
};

QTEST_GUILESS_MAIN(ProveRequestTest)
#include "proverequest_test.moc"
