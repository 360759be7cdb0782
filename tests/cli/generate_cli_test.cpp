// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// derootctl generate and walkthrough on the build root's real agents: files, plan.json, the real
// validators' verdicts, and an output folder that is never half written or overwritten unasked.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class GenerateCliTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capabilitiesPlanForFping();
    void sudoPlanForSmartctl();
    void calledToolByDefault();
    void containerPlanForFping();
    void containerFromTheCatalog();
    void existingFolderIsKeptWithoutForce();
    void badAdjustments_data();
    void badAdjustments();
    void walkthroughWritesAndReplacesOnlyItsOwnOutput();
    void applyNamesWhatIsGranted_data();
    void applyNamesWhatIsGranted();
    void observationJoinsTheNeeds();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run run(const QStringList &arguments, const QString &directory = {},
                   const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
};

GenerateCliTest::Run GenerateCliTest::run(const QStringList &arguments, const QString &directory,
                                          const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!directory.isEmpty()) {
        process.setWorkingDirectory(directory);
    }
    process.start(QStringLiteral(DEROOTCTL_PATH), arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

void GenerateCliTest::capabilitiesPlanForFping()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"fping"_s);
    const Run result = run({u"generate"_s, u"/usr/bin/fping"_s, u"--method"_s, u"caps"_s, u"--start"_s, u"service"_s,
                            u"--out"_s, out, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(u"schema"_s).toString(), u"deroot.generate/1"_s);
    const QJsonObject plan = json.value(u"plan"_s).toObject();
    QCOMPARE(plan.value(u"schema"_s).toString(), u"deroot.plan/2"_s);
    QCOMPARE(plan.value(u"capabilities"_s).toArray(), QJsonArray{u"CAP_NET_RAW"_s});
    QCOMPARE(plan.value(u"program"_s).toObject().value(u"sha256"_s).toString().size(), 64);
    // Every validator that ran passed; the unit's exposure score is in the plan.
    bool unitChecked = false;
    for (const QJsonValue &value : plan.value(u"validations"_s).toArray()) {
        const QJsonObject validation = value.toObject();
        QVERIFY2(validation.value(u"ok"_s).toBool(), qPrintable(validation.value(u"summary"_s).toString()));
        if (validation.value(u"artifact"_s) == u"unit"_s) {
            unitChecked = true;
            QVERIFY(validation.value(u"exposure"_s).toString().startsWith(u"exposure "_s));
        }
    }
    QVERIFY(unitChecked);
    const QJsonObject privilege = plan.value(u"effective_privilege"_s).toObject();
    QVERIFY(privilege.value(u"after"_s).toObject().value(u"score"_s).toDouble() <
            privilege.value(u"before"_s).toObject().value(u"score"_s).toDouble());
    QFile unit(out + u"/deroot-fping.service"_s);
    QVERIFY(unit.open(QIODevice::ReadOnly));
    const QByteArray text = unit.readAll();
    QVERIFY(text.contains("AmbientCapabilities=CAP_NET_RAW\n"));
    QVERIFY(text.contains("CapabilityBoundingSet=CAP_NET_RAW\n"));
    QVERIFY(QFile::exists(out + u"/plan.json"_s));
}

void GenerateCliTest::sudoPlanForSmartctl()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"smartctl"_s);
    // smartctl is run by monitoring agents: without the caller there is no one to write the rule
    // for, and the refusal says which option names it.
    const Run anonymous = run({u"generate"_s, u"/usr/sbin/smartctl"_s, u"--method"_s, u"sudo"_s, u"--out"_s, out});
    QCOMPARE(anonymous.exitCode, 2);
    QVERIFY2(anonymous.err.contains("--caller USER") && anonymous.err.count('\n') == 1, anonymous.err.constData());
    QVERIFY(!QFile::exists(out));
    const Run result = run({u"generate"_s, u"/usr/sbin/smartctl"_s, u"--method"_s, u"sudo"_s, u"--caller"_s,
                            u"zabbix"_s, u"--args"_s, u"-H /dev/sda"_s, u"--out"_s, out});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.out.contains("visudo"), result.out.constData());
    QVERIFY2(result.out.contains("called by zabbix's programs"), result.out.constData());
    QFile sudoers(out + u"/deroot-smartctl.sudoers"_s);
    QVERIFY2(sudoers.open(QIODevice::ReadOnly), qPrintable(QDir(out).entryList().join(u' ')));
    const QByteArray text = sudoers.readAll();
    QVERIFY2(text.contains(" = /usr/sbin/smartctl -H /dev/sda\n"), text.constData());
    QVERIFY2(text.contains("\nzabbix ALL=(root) NOPASSWD: NOEXEC: DEROOT_SMARTCTL_"), text.constData());
    // No user and no unit of its own: only the rule, the manifest and how to apply them.
    QCOMPARE(QDir(out).entryList(QDir::Files),
             (QStringList{u"APPLY.txt"_s, u"deroot-smartctl.sudoers"_s, u"plan.json"_s}));
}

// The README's example: fping as other agents call it, with no unit that
// would exit and restart every 5 seconds.
void GenerateCliTest::calledToolByDefault()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"fping"_s);
    const Run result = run({u"generate"_s, u"/usr/bin/fping"_s, u"--method"_s, u"caps"_s, u"--out"_s, out});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(QDir(out).entryList(QDir::Files),
             (QStringList{u"APPLY.txt"_s, u"deroot-fping.apparmor"_s, u"plan.json"_s, u"setcap.sh"_s}));
    QVERIFY2(result.out.contains("called by other programs"), result.out.constData());
    // A relative --out and a bare program name are printed as the absolute paths they are; a
    // command says what it runs, a file where it goes.
    const Run relative = run({u"generate"_s, u"fping"_s, u"--method"_s, u"caps"_s, u"--out"_s, u"rel"_s}, dir.path());
    QVERIFY2(relative.exitCode == 0, relative.err.constData());
    QVERIFY2(
        relative.out.startsWith(QByteArray("Wrote 4 files to " + QFile::encodeName(dir.filePath(u"rel"_s)) + ":\n")),
        relative.out.constData());
    QVERIFY2(relative.out.contains("  setcap.sh                    runs /usr/sbin/setcap\n"), relative.out.constData());
    QVERIFY2(relative.out.contains("  deroot-fping.apparmor        goes to /etc/apparmor.d/deroot-fping  ["),
             relative.out.constData());
    QVERIFY2(relative.out.contains("getcap /usr/bin/fping"), relative.out.constData());
    // The same folder again is refused, and the refusal names the folder as the success did: absolute.
    const Run again = run({u"generate"_s, u"fping"_s, u"--method"_s, u"caps"_s, u"--out"_s, u"rel"_s}, dir.path());
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(QByteArray("'" + QFile::encodeName(dir.filePath(u"rel"_s)) + "' already holds files")),
             again.err.constData());
    // Scheduled instead: a oneshot unit and its timer, with the command line given.
    const QString scheduled = dir.filePath(u"scheduled"_s);
    const Run timer = run({u"generate"_s, u"/usr/bin/fping"_s, u"--method"_s, u"caps"_s, u"--schedule"_s, u"hourly"_s,
                           u"--args"_s, u"-c 1 127.0.0.1"_s, u"--out"_s, scheduled});
    QVERIFY2(timer.exitCode == 0, timer.err.constData());
    QFile unit(scheduled + u"/deroot-fping.service"_s);
    QVERIFY(unit.open(QIODevice::ReadOnly));
    const QByteArray text = unit.readAll();
    QVERIFY2(text.contains("\nType=oneshot\n") && text.contains("\nExecStart=/usr/bin/fping -c 1 127.0.0.1\n") &&
                 !text.contains("\nRestart="),
             text.constData());
    QVERIFY(QFile::exists(scheduled + u"/deroot-fping.timer"_s));
}

void GenerateCliTest::containerPlanForFping()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"fping"_s);
    // fping's upstream publishes no image: without --image there is nothing to run, and the
    // command says which option is missing (exit 2), writing nothing.
    const Run missing = run({u"generate"_s, u"/usr/bin/fping"_s, u"--method"_s, u"container"_s, u"--out"_s, out});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("--image IMAGE is needed") && missing.err.count('\n') == 1, missing.err.constData());
    QVERIFY(!QFile::exists(out));
    const Run result = run({u"generate"_s, u"/usr/bin/fping"_s, u"--method"_s, u"container"_s, u"--image"_s,
                            u"registry.example.org/fping:5.1"_s, u"--out"_s, out, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject plan = QJsonDocument::fromJson(result.out).object().value(u"plan"_s).toObject();
    // The Compose file and the Quadlet unit went through docker-compose config and quadlet -dryrun.
    QStringList validated;
    for (const QJsonValue &value : plan.value(u"validations"_s).toArray()) {
        const QJsonObject validation = value.toObject();
        QVERIFY2(validation.value(u"ok"_s).toBool(), qPrintable(validation.value(u"summary"_s).toString()));
        validated << validation.value(u"artifact"_s).toString();
    }
    QCOMPARE(validated, (QStringList{u"compose"_s, u"quadlet"_s}));
    // No host user or unit for a container: the four container files, the manifest, APPLY.txt.
    QStringList files = QDir(out).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files, (QStringList{u"APPLY.txt"_s, u"deroot-fping-daemonset.yaml"_s, u"deroot-fping.container"_s,
                                 u"docker-compose.yml"_s, u"docker-run.sh"_s, u"plan.json"_s}));
    QFile run(out + u"/docker-run.sh"_s);
    QVERIFY(run.open(QIODevice::ReadOnly));
    const QByteArray text = run.readAll();
    // Root inside with only NET_RAW: Docker would give a non-root --user no effective capability.
    QVERIFY(text.contains("--cap-drop ALL --cap-add NET_RAW"));
    QVERIFY(!text.contains("--user"));
}

// P15: the node exporter's container runs its upstream's image and sees the host (network, PID
// namespace, / read-only at /host with --path.rootfs), still read-only, non-root, every capability
// dropped; an agent a hardened container cannot run is refused with the catalog's reason.
void GenerateCliTest::containerFromTheCatalog()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"node"_s);
    const Run result = run({u"generate"_s, u"/usr/bin/prometheus-node-exporter"_s, u"--method"_s, u"container"_s,
                            u"--out"_s, out, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject plan = QJsonDocument::fromJson(result.out).object().value(u"plan"_s).toObject();
    for (const QJsonValue &value : plan.value(u"validations"_s).toArray()) {
        QVERIFY2(value.toObject().value(u"ok"_s).toBool(), qPrintable(value.toObject().value(u"summary"_s).toString()));
    }
    QFile dockerRun(out + u"/docker-run.sh"_s);
    QVERIFY(dockerRun.open(QIODevice::ReadOnly));
    const QByteArray text = dockerRun.readAll();
    for (const char *flag : {"--network host", "--pid host", "-v /:/host:ro,rslave", "--read-only", "--cap-drop ALL",
                             "--user 65534:65534", "quay.io/prometheus/node-exporter", "--path.rootfs=/host"}) {
        QVERIFY2(text.contains(flag), flag);
    }
    QVERIFY(!text.contains("registry.example"));
    // One name for the agent (P16): the DaemonSet's file too is named after its id.
    QVERIFY2(QFileInfo::exists(out + u"/deroot-node_exporter-daemonset.yaml"_s),
             qPrintable(QDir(out).entryList(QDir::Files).join(u' ')));
    QFile planJson(out + u"/plan.json"_s);
    QVERIFY(planJson.open(QIODevice::ReadOnly));
    const QJsonObject input = QJsonDocument::fromJson(planJson.readAll()).object().value(u"input"_s).toObject();
    QCOMPARE(input.value(u"container_image"_s).toString(), u"quay.io/prometheus/node-exporter"_s);
    QCOMPARE(input.value(u"container_host"_s).toObject().value(u"root"_s).toBool(), true);
    // --image replaces the catalog's image; the host access stays.
    const QString pinned = dir.filePath(u"pinned"_s);
    const Run withImage = run({u"generate"_s, u"/usr/bin/prometheus-node-exporter"_s, u"--method"_s, u"container"_s,
                               u"--image"_s, u"quay.io/prometheus/node-exporter:v1.9.1"_s, u"--out"_s, pinned});
    QVERIFY2(withImage.exitCode == 0, withImage.err.constData());
    QFile pinnedRun(pinned + u"/docker-run.sh"_s);
    QVERIFY(pinnedRun.open(QIODevice::ReadOnly));
    const QByteArray pinnedText = pinnedRun.readAll();
    QVERIFY(pinnedText.contains("quay.io/prometheus/node-exporter:v1.9.1 --path.rootfs=/host"));

    // cAdvisor: a program the catalog recognises by its name.
    const QString advisor = dir.filePath(u"cadvisor"_s);
    QVERIFY(QFile::copy(u"/usr/bin/true"_s, advisor));
    const QString advisorOut = dir.filePath(u"advisor"_s);
    const Run refused = run({u"generate"_s, advisor, u"--method"_s, u"container"_s, u"--image"_s,
                             u"gcr.io/cadvisor/cadvisor"_s, u"--out"_s, advisorOut});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("the container method cannot serve") && refused.err.contains("cadvisor") &&
                 refused.err.count('\n') == 1,
             refused.err.constData());
    QVERIFY(!QFile::exists(advisorOut));
}

void GenerateCliTest::existingFolderIsKeptWithoutForce()
{
    QTemporaryDir out;
    QFile mine(out.filePath(u"mine.txt"_s));
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.close();
    const Run refused = run({u"generate"_s, u"/usr/bin/fping"_s, u"--method"_s, u"caps"_s, u"--out"_s, out.path()});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("already holds files") && refused.err.count('\n') == 1, refused.err.constData());
    QCOMPARE(QDir(out.path()).entryList(QDir::Files), QStringList{u"mine.txt"_s});
    const Run forced =
        run({u"generate"_s, u"/usr/bin/fping"_s, u"--method"_s, u"caps"_s, u"--out"_s, out.path(), u"--force"_s});
    QCOMPARE(forced.exitCode, 0);
    QVERIFY(!QFile::exists(out.filePath(u"mine.txt"_s)));
    QVERIFY(QFile::exists(out.filePath(u"plan.json"_s)));
}

// The Adjust step's options: each bad value is a usage error (exit 2) in one line naming it, and
// nothing is written.
void GenerateCliTest::badAdjustments_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("port without protocol") << QStringList{u"--ports"_s, u"9100"_s} << 2 << QByteArray("'9100'");
    QTest::addRow("port zero") << QStringList{u"--ports"_s, u"tcp/0"_s} << 2 << QByteArray("tcp/0");
    QTest::addRow("port too big") << QStringList{u"--ports"_s, u"udp/65536"_s} << 2 << QByteArray("udp/65536");
    QTest::addRow("port two slashes") << QStringList{u"--ports"_s, u"tcp/1/2"_s} << 2 << QByteArray("tcp/1/2");
    QTest::addRow("port sctp") << QStringList{u"--ports"_s, u"sctp/80"_s} << 2 << QByteArray("sctp/80");
    QTest::addRow("newline in port") << QStringList{u"--ports"_s, u"tcp/1\nforged"_s} << 2 << QByteArray("\\n");
    QTest::addRow("cpu quota word") << QStringList{u"--cpu-quota"_s, u"half"_s} << 2 << QByteArray("--cpu-quota");
    QTest::addRow("tasks zero") << QStringList{u"--tasks-max"_s, u"0"_s} << 2 << QByteArray("--tasks-max");
    QTest::addRow("memory negative") << QStringList{u"--memory-max"_s, u"-5"_s} << 2 << QByteArray("--memory-max");
    QTest::addRow("memory below the floor") << QStringList{u"--memory-max"_s, u"8"_s} << 2 << QByteArray("8 MiB");
    QTest::addRow("relative read path") << QStringList{u"--read-paths"_s, u"etc/x"_s} << 2 << QByteArray("etc/x");
    QTest::addRow("traversal") << QStringList{u"--write-paths"_s, u"/var/lib/../../etc"_s} << 2
                               << QByteArray("/var/lib/../../etc");
    QTest::addRow("device outside /dev") << QStringList{u"--devices"_s, u"/etc/shadow"_s} << 2
                                         << QByteArray("/etc/shadow");
    QTest::addRow("group with a space") << QStringList{u"--groups"_s, u"adm,wheel users"_s} << 2
                                        << QByteArray("wheel users");
    QTest::addRow("caller of a service") << QStringList{u"--caller"_s, u"zabbix"_s} << 2
                                         << QByteArray("--caller goes with --start called-by");
    QTest::addRow("schedule of a service")
        << QStringList{u"--schedule"_s, u"hourly"_s} << 2 << QByteArray("--schedule goes with --start scheduled");
    QTest::addRow("LD_PRELOAD") << QStringList{u"--environment"_s, u"LD_PRELOAD=/tmp/x.so"_s} << 2
                                << QByteArray("load code");
    QTest::addRow("relative environment file") << QStringList{u"--environment-file"_s, u"etc/default/x"_s} << 2
                                               << QByteArray("environment file 'etc/default/x'");
    QTest::addRow("argument with a specifier")
        << QStringList{u"--args"_s, u"--home=%h"_s} << 2 << QByteArray("argument '--home=%h'");
    QTest::addRow("image with a shell") << QStringList{u"--method"_s, u"container"_s, u"--image"_s, u"x;rm -rf /"_s}
                                        << 2 << QByteArray("image");
}

void GenerateCliTest::badAdjustments()
{
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, message);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"plan"_s);
    // As a service: the options are the unit's (fping is a called tool by default).
    QStringList arguments{u"generate"_s, u"/usr/bin/fping"_s, u"--start"_s, u"service"_s};
    if (!options.contains(u"--method"_s)) {
        arguments << u"--method"_s << u"caps"_s;
    }
    arguments << options << u"--out"_s << out;
    const Run result = run(arguments);
    QVERIFY2(result.exitCode == exitCode, result.err.constData());
    QVERIFY2(result.err.contains(message) && result.err.count('\n') == 1, result.err.constData());
    QVERIFY(!QFile::exists(out));
}

void GenerateCliTest::walkthroughWritesAndReplacesOnlyItsOwnOutput()
{
    QTemporaryDir dir;
    const Run first = run({u"walkthrough"_s}, dir.path());
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QVERIFY(first.out.contains("1. Inspect") && first.out.contains("2. Recommend") &&
            first.out.contains("3. Generate"));
    QVERIFY(QFile::exists(dir.filePath(u"deroot-out/plan.json"_s)));
    // Run again: it replaces its own earlier output.
    QCOMPARE(run({u"walkthrough"_s}, dir.path()).exitCode, 0);
    // A folder with anything else in it is left alone.
    const QString other = dir.filePath(u"other"_s);
    QVERIFY(QDir().mkpath(other));
    QFile mine(other + u"/notes"_s);
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.close();
    const Run refused = run({u"walkthrough"_s, u"--out"_s, other}, dir.path());
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(QFile::exists(other + u"/notes"_s));
}

// derootctl apply names what the plan grants before the helper is asked (and polkit's prompt
// names the same), from the helper's own parse: --dry-run in text and JSON, and a real apply,
// here against a system bus that is not there, prints it before it fails.
void GenerateCliTest::applyNamesWhatIsGranted_data()
{
    QTest::addColumn<QStringList>("generate");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QStringList>("privileged");
    QTest::addRow("capabilities") << QStringList{u"/usr/bin/fping"_s, u"--method"_s, u"caps"_s, u"--start"_s,
                                                 u"service"_s}
                                  << QStringList{u"  Program: /usr/bin/fping\n"_s, u"  Capabilities: CAP_NET_RAW\n"_s,
                                                 u"  Unit: deroot-fping.service\n"_s, u"  Sudo commands: none\n"_s,
                                                 u"  Service user: "_s}
                                  << QStringList();
    QTest::addRow("a root-equivalent capability")
        << QStringList{u"/usr/bin/fping"_s, u"--method"_s,  u"caps"_s,         u"--start"_s,
                       u"service"_s,        u"--add-cap"_s, u"CAP_SYS_ADMIN"_s}
        << QStringList{u"  Program: /usr/bin/fping\n"_s, u"CAP_SYS_ADMIN"_s,
                       u"  WARNING: Root-equivalent: CAP_SYS_ADMIN (root-equivalent capability). "_s}
        << QStringList{u"CAP_SYS_ADMIN (root-equivalent capability)"_s};
    QTest::addRow("sudo") << QStringList{u"/usr/sbin/smartctl"_s, u"--method"_s, u"sudo"_s, u"--caller"_s, u"zabbix"_s}
                          << QStringList{u"  Program: /usr/sbin/smartctl\n"_s, u"  Sudo commands, run as root:\n"_s,
                                         u"    /usr/sbin/smartctl"_s, u"  Capabilities: none\n"_s}
                          << QStringList();
}

void GenerateCliTest::applyNamesWhatIsGranted()
{
    QFETCH(QStringList, generate);
    QFETCH(QStringList, lines);
    QFETCH(QStringList, privileged);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"plan"_s);
    const Run generated = run(QStringList{u"generate"_s} + generate + QStringList{u"--out"_s, out});
    QVERIFY2(generated.exitCode == 0, generated.err.constData());

    const Run dryRun = run({u"apply"_s, u"--dry-run"_s, out});
    QVERIFY2(dryRun.exitCode == 0, dryRun.err.constData());
    const QString text = QString::fromUtf8(dryRun.out);
    for (const QString &line : std::as_const(lines)) {
        QVERIFY2(text.contains(line), qPrintable(line + u"\n---\n"_s + text));
    }
    QCOMPARE(text.contains(u"WARNING:"_s), !privileged.isEmpty());

    const Run json = run({u"apply"_s, u"--dry-run"_s, u"--json"_s, out});
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonObject object = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(object.value(u"program"_s).toString(), generate.constFirst());
    QCOMPARE(object.value(u"privileged_grants"_s).toArray().toVariantList(), QVariant(privileged).toList());
    // A called program has no user of its own: its sudo rule is for its caller.
    QCOMPARE(object.value(u"service_user"_s).toString().isEmpty(), generate.contains(u"--caller"_s));

    QProcessEnvironment noBus = QProcessEnvironment::systemEnvironment();
    noBus.insert(u"DBUS_SYSTEM_BUS_ADDRESS"_s, u"unix:path=%1"_s.arg(dir.filePath(u"no-bus"_s)));
    const Run applied = run({u"apply"_s, u"--no-ask-password"_s, out}, {}, noBus);
    QVERIFY2(applied.exitCode != 0, applied.out.constData());
    QVERIFY2(applied.err.count('\n') == 1, applied.err.constData());
    const QString before = QString::fromUtf8(applied.out);
    for (const QString &line : std::as_const(lines)) {
        QVERIFY2(before.contains(line), qPrintable(line + u"\n---\n"_s + before));
    }
}

void GenerateCliTest::observationJoinsTheNeeds()
{
    // A daemon that was refused port 80 when observed: the observation's need reaches the plan,
    // though nothing in the program's files says it.
    QTemporaryDir dir;
    const QString agent = dir.filePath(u"statusd"_s);
    {
        QFile script(agent);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh -e\nexec sleep 1\n");
    }
    QVERIFY(QFile::setPermissions(agent, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                                             QFile::ExeOther));
    const Run observed = run({u"observe"_s, u"--json"_s, u"--replay"_s,
                              QStringLiteral(DEROOT_TEST_DATA) + u"/observe/daemon-port80-user.jsonl"_s});
    QVERIFY2(observed.exitCode == 0, observed.err.constData());
    const QString observation = dir.filePath(u"observation.json"_s);
    {
        QFile file(observation);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(observed.out);
    }
    const QString out = dir.filePath(u"plan"_s);
    const Run result = run({u"generate"_s, agent, u"--method"_s, u"caps"_s, u"--start"_s, u"service"_s,
                            u"--observation"_s, observation, u"--out"_s, out, u"--json"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject plan = QJsonDocument::fromJson(result.out).object().value(u"plan"_s).toObject();
    QCOMPARE(plan.value(u"capabilities"_s).toArray(), QJsonArray{u"CAP_NET_BIND_SERVICE"_s});
    const Run without = run({u"generate"_s, agent, u"--method"_s, u"caps"_s, u"--start"_s, u"service"_s, u"--out"_s,
                             dir.filePath(u"plain"_s), u"--json"_s});
    QVERIFY2(without.exitCode == 0, without.err.constData());
    QCOMPARE(
        QJsonDocument::fromJson(without.out).object().value(u"plan"_s).toObject().value(u"capabilities"_s).toArray(),
        QJsonArray{});

    // An inspection is not an observation; an observation edited to bring in a sudo command is refused.
    const Run inspected = run({u"inspect"_s, u"--json"_s, agent});
    QVERIFY(inspected.exitCode == 0);
    const QString notObservation = dir.filePath(u"inspect.json"_s);
    {
        QFile file(notObservation);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(inspected.out);
    }
    const Run wrong = run({u"generate"_s, agent, u"--method"_s, u"caps"_s, u"--observation"_s, notObservation,
                           u"--out"_s, dir.filePath(u"wrong"_s)});
    QCOMPARE(wrong.exitCode, 5);
    QVERIFY2(wrong.err.contains("not the output of derootctl observe --json"), wrong.err.constData());
    QVERIFY(!QFile::exists(dir.filePath(u"wrong"_s)));
    QJsonObject doctored = QJsonDocument::fromJson(observed.out).object();
    QJsonObject needs = doctored.value(u"needs"_s).toObject();
    needs.insert(u"commands"_s, QJsonArray{QJsonObject{
                                    {u"path"_s, u"/bin/sh"_s},
                                    {u"reasons"_s, QJsonArray{QJsonObject{{u"source"_s, u"observed"_s},
                                                                          {u"text"_s, u"observed: trust me"_s}}}}}});
    doctored.insert(u"needs"_s, needs);
    const QString doctoredPath = dir.filePath(u"doctored.json"_s);
    {
        QFile file(doctoredPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(doctored).toJson());
    }
    const Run refused = run({u"generate"_s, agent, u"--method"_s, u"sudo"_s, u"--observation"_s, doctoredPath,
                             u"--out"_s, dir.filePath(u"doctored"_s)});
    QCOMPARE(refused.exitCode, 5);
    QVERIFY2(refused.err.contains("needs.commands: an observation never fills it"), refused.err.constData());
    const Run missing = run({u"generate"_s, agent, u"--method"_s, u"caps"_s, u"--observation"_s,
                             dir.filePath(u"none.json"_s), u"--out"_s, dir.filePath(u"none"_s)});
    QCOMPARE(missing.exitCode, 4);
}

QTEST_GUILESS_MAIN(GenerateCliTest)
#include "generate_cli_test.moc"
