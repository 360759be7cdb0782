// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The unit inspector's parsing and judgement on `systemctl show` output captured in the test host
// (tests/data/unit/), and its refusal of names that could reach systemctl as options. The real
// systemd is asked in the host tests.
#include "core/generate/systemdunit.h"
#include "core/inspect/inspect.h"
#include "core/inspect/processlist.h"
#include "core/inspect/unitinspector.h"
#include "core/model/capabilities.h"
#include "core/model/generationinput.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Deroot::Core;

class UnitInspectorTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unitNames_data();
    void unitNames();
    void execCommands();
    void restrictedChrony();
    void rootUnit();
    void startsAsRootDespiteUser();
    void loadStates_data();
    void loadStates();
    void withoutSystemd();
    void execStartLine_data();
    void execStartLine();
    void dropInExecStart_data();
    void dropInExecStart();
    void unitFileProgram_data();
    void unitFileProgram();
    void unitFileList();
    void serviceList();
};

namespace {

QByteArray captured(const char *name)
{
    QFile file(QStringLiteral(DEROOT_TEST_DATA "/unit/") + QLatin1StringView(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read test data %s", name);
    }
    return file.readAll();
}

InspectEnvironment environment()
{
    InspectEnvironment environment;
    environment.queryPackageManager = false;
    // No process of the captured units runs here: the MainPID must not be looked up in this /proc.
    environment.procRoot = QByteArrayLiteral("/nonexistent-proc");
    return environment;
}

} // namespace

void UnitInspectorTest::unitNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addRow("service") << u"chrony.service"_s << true;
    QTest::addRow("no suffix") << u"chrony"_s << true;
    QTest::addRow("template instance") << u"getty@tty1.service"_s << true;
    QTest::addRow("escaped") << u"dev-disk-by\\x2duuid.device"_s << true;
    QTest::addRow("option") << u"-h"_s << false;
    QTest::addRow("long option") << u"--property=Id"_s << false;
    QTest::addRow("slash") << u"../../etc/passwd"_s << false;
    QTest::addRow("space") << u"chrony service"_s << false;
    QTest::addRow("newline") << u"chrony\n.service"_s << false;
    QTest::addRow("escape sequence") << u"\x1b[2Jchrony"_s << false;
    QTest::addRow("NUL") << QString(u"chrony"_s + QChar(0)) << false;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("too long") << QString(257, u'a') << false;
    QTest::addRow("non-ASCII") << u"chrönyd.service"_s << false;
}

void UnitInspectorTest::unitNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidUnitName(name), valid);
    if (!valid) {
        // Refused before systemctl is ever started: NotFound, as no unit can have such a name.
        const auto report = inspectUnit(name, environment());
        QVERIFY(!report);
        QCOMPARE(report.error().code, ExitCode::NotFound);
        QVERIFY2(!report.error().message.contains(u'\n') && !report.error().message.contains(u'\x1b'),
                 qPrintable(report.error().message));
    }
}

void UnitInspectorTest::execCommands()
{
    const QString value = u"{ path=/usr/sbin/chronyd ; argv[]=/usr/sbin/chronyd -U $DAEMON_OPTS ; ignore_errors=no ; "
                          u"start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }\n"
                          u"{ path=/bin/true ; argv[]=/bin/true ; ignore_errors=yes ; start_time=[n/a] ; "
                          u"stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }"_s;
    const QList<ExecCommand> commands = parseExecCommands(value);
    QCOMPARE(commands.size(), 2);
    QCOMPARE(commands.at(0).path, u"/usr/sbin/chronyd"_s);
    QCOMPARE(commands.at(0).arguments, u"/usr/sbin/chronyd -U $DAEMON_OPTS"_s);
    QCOMPARE(commands.at(1).path, u"/bin/true"_s);
    QVERIFY(commands.at(0).flags.isEmpty());
    const QList<ExecCommand> ex = parseExecCommands(
        u"{ path=/usr/sbin/chronyd ; argv[]=/usr/sbin/chronyd $DAEMON_OPTS ; flags=no-setuid ignore-failure ; "
        u"start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }"_s);
    QCOMPARE(ex.size(), 1);
    QCOMPARE(ex.first().flags, (QStringList{u"no-setuid"_s, u"ignore-failure"_s}));
    QVERIFY(parseExecCommands(QString()).isEmpty());
    QVERIFY(parseExecCommands(u"{ garbage }"_s).isEmpty());
}

void UnitInspectorTest::restrictedChrony()
{
    // Debian's chronyd-restricted.service: User=_chrony, AmbientCapabilities=CAP_SYS_TIME and a
    // bounding set of CAP_SYS_TIME alone.
    const auto properties = parseSystemctlShow(captured("chronyd-restricted.show"));
    const auto report = inspectUnitProperties(u"chronyd-restricted.service"_s, properties, environment());
    QVERIFY2(report, qPrintable(report.error().message));
    const QJsonObject unit = toJson(*report).value(u"unit"_s).toObject();
    QCOMPARE(unit.value(u"user"_s).toString(), u"_chrony"_s);
    QCOMPARE(unit.value(u"runs_as_root"_s).toBool(), false);
    QCOMPARE(unit.value(u"ambient_capabilities"_s).toArray(), QJsonArray{u"CAP_SYS_TIME"_s});
    QCOMPARE(unit.value(u"capability_bounding_set"_s).toArray(), QJsonArray{u"CAP_SYS_TIME"_s});
    QCOMPARE(unit.value(u"no_new_privileges"_s).toBool(), true);
    QCOMPARE(unit.value(u"system_call_filter"_s).toObject().value(u"mode"_s).toString(), u"deny"_s);
    QVERIFY(unit.value(u"no_new_privileges_implied_by"_s).toArray().contains(u"SystemCallFilter="_s));
    QCOMPARE(unit.value(u"exec_start"_s).toArray().first().toObject().value(u"path"_s).toString(),
             u"/usr/sbin/chronyd"_s);
    // The unit's grant is a need with the unit as its source; the program's own evidence and the
    // catalog may add more, each with their own source.
    QStringList fromUnit;
    for (const CapabilityNeed &need : report->needs.capabilities) {
        for (const Reason &reason : need.reasons) {
            if (reason.source == u"unit") {
                fromUnit.append(capabilityNames(std::uint64_t(1) << need.capability));
            }
        }
    }
    QCOMPARE(fromUnit, QStringList{u"CAP_SYS_TIME"_s});
    QVERIFY(!report->finding(u"unit.runs-as-root"));
    QCOMPARE(report->target.value(u"unit"_s).toString(), u"chronyd-restricted.service"_s);
}

void UnitInspectorTest::rootUnit()
{
    const auto properties = parseSystemctlShow(captured("smartmontools.show"));
    const auto report = inspectUnitProperties(u"smartmontools.service"_s, properties, environment());
    QVERIFY2(report, qPrintable(report.error().message));
    const QJsonObject unit = toJson(*report).value(u"unit"_s).toObject();
    QCOMPARE(unit.value(u"runs_as_root"_s).toBool(), true);
    QCOMPARE(unit.value(u"starts_as_root"_s).toBool(), false);
    QCOMPARE(unit.value(u"capability_bounding_set_full"_s).toBool(), true);
    QVERIFY(report->finding(u"unit.runs-as-root"));
    // systemctl prints an empty deny list as "~": no filter, and no implied no_new_privs.
    QCOMPARE(unit.value(u"system_call_filter"_s).toObject().value(u"mode"_s).toString(), u"none"_s);
    QVERIFY(unit.value(u"restrict_address_families"_s).isNull());
    QVERIFY(unit.value(u"no_new_privileges_implied_by"_s).toArray().isEmpty());
    for (const CapabilityNeed &need : report->needs.capabilities) {
        for (const Reason &reason : need.reasons) {
            QVERIFY2(reason.source != u"unit", qPrintable(reason.text)); // a root unit grants nothing by name
        }
    }
}

void UnitInspectorTest::startsAsRootDespiteUser()
{
    // Debian's chrony.service: User=_chrony, but ExecStart=!/usr/sbin/chronyd runs it as root and
    // chronyd drops to _chrony itself. Naming User= alone would hide that.
    const auto properties = parseSystemctlShow(captured("chrony.show"));
    const auto report = inspectUnitProperties(u"chrony.service"_s, properties, environment());
    QVERIFY2(report, qPrintable(report.error().message));
    const QJsonObject unit = toJson(*report).value(u"unit"_s).toObject();
    QCOMPARE(unit.value(u"user"_s).toString(), u"_chrony"_s);
    QCOMPARE(unit.value(u"starts_as_root"_s).toBool(), true);
    QCOMPARE(unit.value(u"runs_as_root"_s).toBool(), true);
    QCOMPARE(unit.value(u"exec_start"_s).toArray().first().toObject().value(u"flags"_s).toArray(),
             QJsonArray{u"no-setuid"_s});
    QCOMPARE(unit.value(u"capability_bounding_set_full"_s).toBool(), false);
    QVERIFY(!unit.value(u"capability_bounding_set"_s).toArray().contains(u"CAP_SYS_ADMIN"_s));
    const Finding *finding = report->finding(u"unit.starts-as-root");
    QVERIFY(finding);
    QVERIFY2(finding->message.contains(u"/usr/sbin/chronyd as root although User=_chrony"_s),
             qPrintable(finding->message));
}

void UnitInspectorTest::loadStates_data()
{
    QTest::addColumn<QByteArray>("show");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("not found") << captured("not-found.show") << int(ExitCode::NotFound)
                               << u"unit 'deroot-no-such-unit.service' does not exist"_s;
    QTest::addRow("masked") << QByteArray("Id=x.service\nLoadState=masked\nActiveState=inactive\n")
                            << int(ExitCode::BadTarget) << u"is masked"_s;
    QTest::addRow("bad setting") << QByteArray("Id=x.service\nLoadState=bad-setting\nLoadError=org.freedesktop."
                                               "systemd1.BadSetting \"Unit x.service has a bad unit file setting.\"\n")
                                 << int(ExitCode::BadTarget) << u"could not be loaded"_s;
    QTest::addRow("no program") << QByteArray("Id=x.target\nLoadState=loaded\nActiveState=active\nMainPID=0\n")
                                << int(ExitCode::BadTarget) << u"no ExecStart"_s;
    QTest::addRow("empty output") << QByteArray() << int(ExitCode::NotFound) << u"does not exist"_s;
    QTest::addRow("garbage output") << QByteArray("\x01\x02\n=\n===\n") << int(ExitCode::NotFound)
                                    << u"does not exist"_s;
}

void UnitInspectorTest::loadStates()
{
    QFETCH(QByteArray, show);
    QFETCH(int, code);
    QFETCH(QString, message);
    const auto report =
        inspectUnitProperties(u"deroot-no-such-unit.service"_s, parseSystemctlShow(show), environment());
    QVERIFY(!report);
    QCOMPARE(int(report.error().code), code);
    QVERIFY2(report.error().message.contains(message), qPrintable(report.error().message));
}

void UnitInspectorTest::withoutSystemd()
{
    // The build root has systemctl but no running systemd; a native run may have one. Either way
    // the answer is one clear error, never a hang.
    const auto report = inspectUnit(u"deroot-no-such-unit.service"_s, environment());
    QVERIFY(!report);
    QVERIFY2(report.error().code == ExitCode::Unavailable || report.error().code == ExitCode::NotFound,
             qPrintable(report.error().message));
    QVERIFY(!report.error().message.contains(u'\n'));
    // systemd's own sentence as it wrote it ("Can't operate."), not with its apostrophe escaped.
    QVERIFY2(!report.error().message.contains(u"\\'"_s), qPrintable(report.error().message));
}

void UnitInspectorTest::execStartLine_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("expected");
    const QString vendor = u"[Unit]\nDescription=x\n\n[Service]\nEnvironmentFile=-/etc/default/x\n"_s
                           u"ExecStart=!/usr/sbin/chronyd $DAEMON_OPTS\n"_s;
    QTest::addRow("vendor line kept as written") << QStringList{vendor} << u"!/usr/sbin/chronyd $DAEMON_OPTS"_s;
    QTest::addRow("drop-in empties and replaces")
        << QStringList{vendor, u"[Service]\nExecStart=\nExecStart=/usr/sbin/chronyd -U\n"_s}
        << u"/usr/sbin/chronyd -U"_s;
    QTest::addRow("a second line appends: no single line")
        << QStringList{vendor, u"[Service]\nExecStart=/usr/sbin/chronyd -n\n"_s} << QString();
    QTest::addRow("continuation line") << QStringList{u"[Service]\nExecStart=/usr/bin/a \\\n  --b=c\n"_s}
                                       << u"/usr/bin/a --b=c"_s;
    QTest::addRow("comment and other sections ignored")
        << QStringList{u"[Unit]\nExecStart=/bin/no\n[Service]\n# ExecStart=/bin/no\n;ExecStart=/bin/no\n"_s
                       u"ExecStartPre=/bin/no\nExecStart = /usr/bin/a\n"_s}
        << u"/usr/bin/a"_s;
    QTest::addRow("no ExecStart") << QStringList{u"[Service]\nType=oneshot\n"_s} << QString();
}

void UnitInspectorTest::execStartLine()
{
    QFETCH(QStringList, files);
    QFETCH(QString, expected);
    QCOMPARE(Deroot::Core::execStartLine(files), expected);
}

void UnitInspectorTest::dropInExecStart_data()
{
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected"); // "-" when the vendor's line stays
    QTest::addRow("'!' taken away, -U added before the vendor's options")
        << u"!/usr/sbin/chronyd $DAEMON_OPTS"_s << QStringList{u"-U"_s} << u"/usr/sbin/chronyd -U $DAEMON_OPTS"_s;
    QTest::addRow("'+' taken away, '-' kept") << u"-+/usr/bin/a $ARGS"_s << QStringList{} << u"-/usr/bin/a $ARGS"_s;
    QTest::addRow("'!!' taken away") << u"!!/usr/bin/a"_s << QStringList{} << u"/usr/bin/a"_s;
    QTest::addRow("nothing to change: the vendor's line stays") << u"/usr/bin/a $ARGS"_s << QStringList{} << u"-"_s;
    QTest::addRow("an argument already there is not repeated")
        << u"/usr/sbin/chronyd -U $DAEMON_OPTS"_s << QStringList{u"-U"_s} << u"-"_s;
    QTest::addRow("quoted program: Deroot's own line") << u"\"/usr/bin/a\" x"_s << QStringList{} << u"-"_s;
}

void UnitInspectorTest::dropInExecStart()
{
    QFETCH(QString, vendor);
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    GenerationInput input;
    input.existingUnit = u"a.service"_s;
    input.vendorExecStart = vendor;
    input.arguments = arguments;
    const auto line = Deroot::Core::dropInExecStart(input);
    QCOMPARE(line.value_or(u"-"_s), expected);
}

void UnitInspectorTest::unitFileProgram_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("program"); // empty: refused
    QTest::addColumn<QString>("error");
    QTest::newRow("absolute, prefixes") << QByteArray("[Service]\nExecStart=!-/usr/sbin/chronyd -F 1\n")
                                        << u"/usr/sbin/chronyd"_s << QString();
    QTest::newRow("bare name on systemd's path")
        << QByteArray("[Service]\nExecStart=fping -l 127.0.0.1\n") << u"/usr/bin/fping"_s << QString();
    QTest::newRow("continuation line") << QByteArray("[Service]\nExecStart=/usr/bin/fping \\\n  -l\n")
                                       << u"/usr/bin/fping"_s << QString();
    QTest::newRow("no [Service]") << QByteArray("[Unit]\nDescription=x\n") << QString()
                                  << u"not a service unit with one ExecStart= line"_s;
    QTest::newRow("two ExecStart=") << QByteArray("[Service]\nExecStart=/bin/a\nExecStart=/bin/b\n") << QString()
                                    << u"not a service unit with one ExecStart= line"_s;
    QTest::newRow("unknown bare name") << QByteArray("[Service]\nExecStart=deroot-no-such-program\n") << QString()
                                       << u"cannot be found"_s;
    QTest::newRow("binary junk") << QByteArray("\x7f"
                                               "ELF\x02\x01\x01\0\0\0",
                                               10)
                                 << QString() << u"not a service unit"_s;
    QTest::newRow("too large") << QByteArray((1 << 20) + 1, 'x') << QString() << u"larger than a unit file"_s;
}

void UnitInspectorTest::unitFileProgram()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, program);
    QFETCH(QString, error);
    QTemporaryDir dir;
    QFile file(dir.filePath(u"agent.service"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();
    const auto found = Deroot::Core::unitFileProgram(file.fileName());
    if (program.isEmpty()) {
        QVERIFY(!found);
        QCOMPARE(found.error().code, Deroot::Core::ExitCode::BadTarget);
        QVERIFY2(found.error().message.contains(error), qPrintable(found.error().message));
        QVERIFY(!found.error().message.contains(u'\n'));
    } else {
        QVERIFY2(found, found ? "" : qPrintable(found.error().message));
        QCOMPARE(QString::fromUtf8(*found), program);
    }
    QVERIFY(!Deroot::Core::unitFileProgram(dir.filePath(u"missing.service"_s)));
}

void UnitInspectorTest::unitFileList()
{
    const QByteArray output = "chrony.service                enabled  enabled\n"
                              "getty@.service                enabled  enabled\n"
                              "sshd.service                  alias    -\n"
                              "bad name.service              static   -\n"
                              "nginx.service                 disabled enabled\n"
                              "systemd-journald.socket       static   -\n"
                              "\n";
    const QList<Deroot::Core::ServiceEntry> entries = Deroot::Core::parseUnitFileList(output);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).unit, u"chrony.service"_s);
    QCOMPARE(entries.at(0).activeState, u"enabled"_s);
    QCOMPARE(entries.at(1).unit, u"nginx.service"_s);
    QCOMPARE(entries.at(1).activeState, u"disabled"_s);

    // The offline list's Description column, from the file: [Unit]'s, the last one set.
    QCOMPARE(Deroot::Core::unitFileDescription("# Description=not this\n[Unit]\nDescription=First\n"
                                               "Documentation=man:chronyd(8)\n Description = NTP client/server \n"
                                               "[Service]\nDescription=not a unit setting\n"),
             u"NTP client/server"_s);
    QCOMPARE(Deroot::Core::unitFileDescription("[Unit]\nDescriptionX=no\n[Service]\nExecStart=/bin/true\n"), QString());
    QCOMPARE(Deroot::Core::unitFileDescription(QByteArray()), QString());
}

// systemctl list-units --all: every unit systemd knows of, with LOAD (whether a file defines it),
// ACTIVE and SUB, which the Services tab puts into words.
void UnitInspectorTest::serviceList()
{
    const QByteArray output = "chrony.service        loaded    active   running NTP client/server\n"
                              "syslog.service        not-found inactive dead    syslog.service\n"
                              "\xe2\x97\x8f nginx.service loaded    failed   failed  A high performance web server\n"
                              "bluetooth.service     masked    inactive dead    bluetooth.service\n"
                              "bad name.service      loaded    active   running Broken\n"
                              "dbus.socket           loaded    active   running D-Bus System Message Bus Socket\n"
                              "short.service loaded\n"
                              "\n";
    const QList<Deroot::Core::ServiceEntry> entries = Deroot::Core::parseServiceList(output);
    QCOMPARE(entries.size(), 4);
    QCOMPARE(entries.at(0).unit, u"chrony.service"_s);
    QCOMPARE(entries.at(0).loadState, u"loaded"_s);
    QCOMPARE(entries.at(0).activeState, u"active"_s);
    QCOMPARE(entries.at(0).subState, u"running"_s);
    QCOMPARE(entries.at(0).description, u"NTP client/server"_s);
    QCOMPARE(entries.at(1).unit, u"syslog.service"_s);
    QCOMPARE(entries.at(1).loadState, u"not-found"_s);
    QCOMPARE(entries.at(2).unit, u"nginx.service"_s); // the bullet is not its name
    QCOMPARE(entries.at(2).activeState, u"failed"_s);
    QCOMPARE(entries.at(3).loadState, u"masked"_s);
}

QTEST_GUILESS_MAIN(UnitInspectorTest)
#include "unitinspector_test.moc"
