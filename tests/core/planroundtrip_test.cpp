// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Generate, parse and regenerate is the identity: for every agent of the catalog, built
// the way derootctl generate builds its input (the catalog applied to an inspection report, then
// buildGenerationInput()), for every method, and for seeded random adjustments of everything the
// admin may change, plan.json's input reads back as the very input, and the request the
// generators export is accepted by the helper's parser with that input. A plan the generators can
// make is one the helper accepts.
#include "core/export/planexport.h"
#include "core/generate/generator.h"
#include "core/generate/inputvalidation.h"
#include "core/generate/manifest.h"
#include "core/generate/planinput.h"
#include "core/inspect/catalog.h"
#include "core/inspect/inspect.h"
#include "core/model/capabilities.h"
#include "core/plan/applyrequest.h"
#include "core/recommend/inputbuilder.h"
#include "core/rules/rules.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(GenerationInput)
Q_DECLARE_METATYPE(InspectionReport)

namespace {

// A new field of GenerationInput must be added to planinput.cpp and to inputDifference() below:
// this fails to compile until someone looks (x86-64, the only architecture the suite builds for).
static_assert(sizeof(GenerationInput) == 688, "GenerationInput changed: compare the new field in inputDifference()");

// Every field, by name, so that a mismatch says which.
QString inputDifference(const GenerationInput &a, const GenerationInput &b)
{
    const auto sudo = [](const QList<SudoCommand> &commands) {
        QStringList text;
        for (const SudoCommand &command : commands) {
            text << u"%1 [%2] noexec=%3 unknown=%4"_s.arg(command.path, command.arguments.join(u'|'))
                        .arg(command.noexec)
                        .arg(command.argumentsUnknown);
        }
        return text.join(u"; "_s);
    };
    const auto ports = [](const QList<ListenPort> &list) {
        QStringList text;
        for (const ListenPort &port : list) {
            text << port.protocol + u'/' + QString::number(port.port);
        }
        return text.join(u' ');
    };
    const auto numbers = [](const QList<int> &list) {
        QStringList text;
        for (const int n : list) {
            text << QString::number(n);
        }
        return text.join(u' ');
    };
    const auto limits = [](const ResourceLimits &l) {
        return u"%1 %2 %3 %4"_s.arg(l.enabled).arg(l.cpuQuotaPercent).arg(l.memoryMaxMiB).arg(l.tasksMax);
    };
    const QList<std::tuple<const char *, QString, QString>> fields{
        {"method", methodId(a.method), methodId(b.method)},
        {"agentId", a.agentId, b.agentId},
        {"catalogId", a.catalogId, b.catalogId},
        {"description", a.description, b.description},
        {"serviceUser", a.serviceUser, b.serviceUser},
        {"serviceGroup", a.serviceGroup, b.serviceGroup},
        {"executable", a.executable, b.executable},
        {"arguments", a.arguments.join(u'|'), b.arguments.join(u'|')},
        {"executableSha256", a.executableSha256, b.executableSha256},
        {"executableIsScript", QString::number(a.executableIsScript), QString::number(b.executableIsScript)},
        {"packageName", a.packageName, b.packageName},
        {"existingUnit", a.existingUnit, b.existingUnit},
        {"vendorExecStart", a.vendorExecStart, b.vendorExecStart},
        {"runsUnderSystemd", QString::number(a.runsUnderSystemd), QString::number(b.runsUnderSystemd)},
        {"replacesUnit", a.replacesUnit, b.replacesUnit},
        {"startMode", startModeId(a.startMode), startModeId(b.startMode)},
        {"callerUser", a.callerUser, b.callerUser},
        {"schedule", a.schedule, b.schedule},
        {"environment", a.environment.join(u'|'), b.environment.join(u'|')},
        {"environmentFiles", a.environmentFiles.join(u'|'), b.environmentFiles.join(u'|')},
        {"capabilities", numbers(a.capabilities), numbers(b.capabilities)},
        {"sudoCommands", sudo(a.sudoCommands), sudo(b.sudoCommands)},
        {"supplementaryGroups", a.supplementaryGroups.join(u'|'), b.supplementaryGroups.join(u'|')},
        {"readPaths", a.readPaths.join(u'|'), b.readPaths.join(u'|')},
        {"writePaths", a.writePaths.join(u'|'), b.writePaths.join(u'|')},
        {"devices", a.devices.join(u'|'), b.devices.join(u'|')},
        {"addressFamilies", a.addressFamilies.join(u'|'), b.addressFamilies.join(u'|')},
        {"listenPorts", ports(a.listenPorts), ports(b.listenPorts)},
        {"limits", limits(a.limits), limits(b.limits)},
        {"jitRuntime", QString::number(a.jitRuntime), QString::number(b.jitRuntime)},
        {"containerImage", a.containerImage, b.containerImage},
        {"containerHost",
         u"%1%2%3 %4"_s.arg(a.containerHost.network)
             .arg(a.containerHost.pid)
             .arg(a.containerHost.root)
             .arg(a.containerHost.arguments.join(u'|')),
         u"%1%2%3 %4"_s.arg(b.containerHost.network)
             .arg(b.containerHost.pid)
             .arg(b.containerHost.root)
             .arg(b.containerHost.arguments.join(u'|'))},
    };
    for (const auto &[name, left, right] : fields) {
        if (left != right) {
            return u"%1: %2 != %3"_s.arg(QString::fromLatin1(name), left, right);
        }
    }
    // A list is compared joined with '|', and an argument may hold '|': the lengths too.
    if (a.arguments.size() != b.arguments.size() || a.sudoCommands.size() != b.sudoCommands.size() ||
        a.environment.size() != b.environment.size()) {
        return u"a list's length differs"_s;
    }
    for (qsizetype i = 0; i < a.sudoCommands.size(); ++i) {
        if (a.sudoCommands.at(i).arguments != b.sudoCommands.at(i).arguments) {
            return u"sudoCommands[%1].arguments differ"_s.arg(i);
        }
    }
    return {};
}

// The inspection report derootctl generate would have for the catalog entry's program: what the
// file inspector records (path, hash, package) and, when the agent has a unit, what the unit
// inspector records (its id, its one ExecStart= line, its user), with the catalog applied last,
// as inspectFile() and inspectUnit() do.
InspectionReport reportFor(const CatalogEntry &entry, bool withUnit, QRandomGenerator &random)
{
    QString program;
    for (const QString &executable : entry.executables) {
        if (executable.startsWith(u'/')) {
            program = executable;
            break;
        }
    }
    if (program.isEmpty()) {
        program = u"/usr/bin/"_s + entry.executables.value(0, entry.id);
    }
    QString sha256;
    for (int i = 0; i < 8; ++i) {
        sha256 += u"%1"_s.arg(random.generate(), 8, 16, QChar(u'0'));
    }
    InspectionReport report;
    report.target = QJsonObject{{u"kind"_s, u"file"_s}, {u"path"_s, program}};
    FileSection &file = report.file.emplace();
    file.path = program;
    file.canonicalPath = program;
    file.sha256 = sha256;
    file.package = entry.debianPackages.value(0);
    QString unit;
    for (const QString &name : entry.systemdUnits) {
        if (!name.contains(u'@')) {
            unit = name;
            break;
        }
    }
    if (withUnit && !unit.isEmpty()) {
        UnitSection &section = report.unit.emplace();
        section.id = unit;
        section.user = u"root"_s;
        section.fileSettings = UnitFileSettings{program + u" $ARGS"_s, {}, {}};
    }
    applyCatalog(report);
    return report;
}

QString pick(QRandomGenerator &random, const QStringList &from)
{
    return from.at(int(random.bounded(from.size())));
}

QStringList some(QRandomGenerator &random, const QStringList &from, int most)
{
    QStringList chosen;
    const int count = int(random.bounded(most + 1));
    for (int i = 0; i < count; ++i) {
        chosen << pick(random, from);
    }
    return chosen;
}

// 1 to @p longest characters of @p alphabet.
QString word(QRandomGenerator &random, const QString &alphabet, int longest)
{
    QString text;
    const int length = 1 + int(random.bounded(longest));
    for (int i = 0; i < length; ++i) {
        text += alphabet.at(int(random.bounded(alphabet.size())));
    }
    return text;
}

// Printable ASCII without the three characters validateGenerationInput() refuses in an argument
// ('"', '\\', '%'): spaces, ';', '$', quotes and ExecStart= prefixes stay, which the unit generator
// must quote or escape.
const QString kPrintable = [] {
    QString text;
    for (char16_t c = 0x20; c < 0x7f; ++c) {
        if (c != u'"' && c != u'\\' && c != u'%') {
            text += QChar(c);
        }
    }
    return text;
}();
const QString kSudoWord = u"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./@+~-"_s;
const QString kName = u"abcdefghijklmnopqrstuvwxyz0123456789_-"_s;

QString accountName(QRandomGenerator &random)
{
    for (;;) {
        const QString name = u"a"_s + word(random, kName, 20);
        if (isValidAccountName(name) && !isRootEquivalentGroup(name)) {
            return name;
        }
    }
}

// The admin's adjustments, as the Adjust step and derootctl generate's options make them, each
// chosen at random and each within what the validation accepts.
void adjust(GenerationInput &input, QRandomGenerator &random)
{
    const QList<CapabilityInfo> &table = capabilityTable();
    switch (random.bounded(3)) {
    case 0:
        break;
    case 1:
        input.capabilities.clear();
        [[fallthrough]];
    default:
        for (int i = int(random.bounded(4)); i > 0; --i) {
            const int number = table.at(int(random.bounded(table.size()))).number;
            if (!input.capabilities.contains(number)) {
                input.capabilities << number;
            }
        }
    }
    if (random.bounded(2) == 0) {
        input.supplementaryGroups =
            some(random,
                 {u"adm"_s, u"systemd-journal"_s, u"video"_s, u"dialout"_s, u"netdev"_s, u"render"_s, u"kvm"_s,
                  u"input"_s, u"shadow"_s, u"disk"_s, u"docker"_s, u"lxd"_s, u"staff"_s},
                 3);
    }
    if (random.bounded(3) == 0) {
        input.serviceUser = accountName(random);
    }
    if (random.bounded(4) == 0) {
        input.serviceGroup = accountName(random);
    }
    const QStringList paths{u"/var/log"_s,      u"/var/lib/agent"_s, u"/etc/agent/conf.d"_s, u"/run/agent"_s,
                            u"/home/alice/x"_s, u"/root/.agent"_s,   u"/srv/data-1"_s,       u"/"_s};
    if (random.bounded(2) == 0) {
        input.readPaths = some(random, paths, 3);
    }
    if (random.bounded(2) == 0) {
        input.writePaths = some(random, paths, 2);
    }
    if (random.bounded(3) == 0) {
        input.devices = some(random, {u"/dev/ipmi0"_s, u"/dev/sda"_s, u"/dev/net/tun"_s, u"/dev/kvm"_s}, 2);
    }
    if (random.bounded(3) == 0) {
        input.addressFamilies =
            some(random, {u"AF_INET"_s, u"AF_INET6"_s, u"AF_UNIX"_s, u"AF_NETLINK"_s, u"AF_PACKET"_s}, 3);
    }
    if (random.bounded(2) == 0) {
        input.listenPorts.clear();
        for (int i = int(random.bounded(3)); i > 0; --i) {
            input.listenPorts << ListenPort{random.bounded(2) ? u"tcp"_s : u"udp"_s, 1 + int(random.bounded(65535))};
        }
    }
    if (random.bounded(2) == 0) {
        input.limits.enabled = random.bounded(4) != 0;
        input.limits.cpuQuotaPercent = 1 + int(random.bounded(100 * 1024));
        input.limits.memoryMaxMiB = 16 + int(random.bounded(16 * 1024 * 1024 - 16));
        input.limits.tasksMax = 4 + int(random.bounded(4 * 1024 * 1024 - 4));
    }
    if (random.bounded(2) == 0) {
        input.arguments.clear();
        for (int i = int(random.bounded(4)); i > 0; --i) {
            input.arguments << word(random, kPrintable, 12);
        }
    }
    if (random.bounded(3) == 0) {
        input.description = word(random, kPrintable + u"\\%"_s, 60);
    }
    // The sudo method needs a command: one the catalog does not name is the admin's to add.
    const bool needsCommand = input.method == Method::Sudo && input.sudoCommands.isEmpty();
    if ((needsCommand || random.bounded(3) == 0) && input.method != Method::Container) {
        input.sudoCommands.clear();
        for (int i = 1 + int(random.bounded(3)); i > 0; --i) {
            SudoCommand command;
            command.path = pick(random, {u"/usr/sbin/smartctl"_s, u"/usr/bin/ipmitool"_s, u"/usr/sbin/iptables"_s,
                                         u"/usr/local/sbin/agent-helper"_s, u"/usr/lib/agent/probe"_s});
            for (int j = int(random.bounded(3)); j > 0; --j) {
                command.arguments << word(random, kSudoWord, 10);
            }
            command.noexec = random.bounded(4) != 0;
            command.argumentsUnknown = command.arguments.isEmpty() && random.bounded(2) == 0;
            input.sudoCommands << command;
        }
    }
    // How it is started: a timer, a caller, a replaced unit, an environment.
    const auto mode = random.bounded(5);
    if (input.method != Method::Container && mode == 0 && input.existingUnit.isEmpty()) {
        input.startMode = StartMode::Scheduled;
        input.callerUser.clear();
        input.schedule = pick(random, {u"hourly"_s, u"*-*-* 03:00:00"_s, u"Mon..Fri 08:00"_s});
    } else if (input.method != Method::Container && mode == 1) {
        input.startMode = StartMode::CalledBy;
        input.schedule.clear();
        input.replacesUnit.clear();
        input.callerUser = accountName(random);
    }
    if (input.startMode == StartMode::CalledBy) {
        if (input.callerUser.isEmpty() && !input.sudoCommands.isEmpty()) {
            input.callerUser = accountName(random);
        }
        input.serviceUser.clear();
        input.serviceGroup.clear();
        input.supplementaryGroups.clear();
        input.existingUnit.clear();
        input.vendorExecStart.clear();
        input.environment.clear();
        input.environmentFiles.clear();
    } else if (random.bounded(3) == 0) {
        input.environment = some(random, {u"A=1"_s, u"GOMAXPROCS=2"_s, u"TZ=UTC"_s, u"OPTS=--a --b 'c'"_s}, 3);
        input.environmentFiles = some(random, {u"/etc/default/agent"_s, u"-/etc/agent/env"_s}, 2);
    }
    if (input.startMode != StartMode::CalledBy && input.existingUnit.isEmpty() && input.method != Method::Container &&
        random.bounded(4) == 0) {
        input.replacesUnit = pick(random, {u"agent.service"_s, u"prometheus-node-exporter.service"_s});
    }
    input.jitRuntime = random.bounded(5) == 0;
    if (input.method == Method::Container) {
        // Every container plan has its image (an empty one is refused); the host access is the
        // catalog's, when it has some.
        input.containerImage = pick(random, {u"docker.io/prom/node-exporter:v1.8.2"_s, u"quay.io/agent/x@sha256:0"_s});
        if (random.bounded(2) == 0) {
            input.containerHost.network = random.bounded(2) == 0;
            input.containerHost.pid = random.bounded(2) == 0;
            input.containerHost.root = random.bounded(2) == 0;
            input.containerHost.arguments = some(random, {u"--path.rootfs=/host"_s, u"--procfs=/proc"_s}, 2);
        }
    }
}

} // namespace

class PlanRoundTripTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generateParseRegenerateIsTheIdentity_data()
    {
        QTest::addColumn<InspectionReport>("report");
        QTest::addColumn<GenerationInput>("input");
        const auto catalog = AgentCatalog::loadBuiltin();
        QVERIFY2(catalog.ok(), catalog.ok() ? "" : qPrintable(catalog.error().message));
        QVERIFY(catalog->size() > 30);
        // A fixed seed: the same inputs on every run, so that a failure can be run again by name.
        QRandomGenerator random(20261205);
        int rows = 0;
        int accepted = 0;
        for (const CatalogEntry &entry : catalog->entries()) {
            for (const Method method : {Method::Sudo, Method::Capabilities, Method::Container}) {
                // As derootctl generate builds it: through the agent's unit where it has one.
                const bool hasUnit = !entry.systemdUnits.isEmpty();
                const QString name = u"%1 %2"_s.arg(entry.id, methodId(method));
                const InspectionReport report = reportFor(entry, hasUnit, random);
                const GenerationInput input = buildGenerationInput(report, method);
                QTest::newRow(qPrintable(name)) << report << input;
                accepted += generatePlan(input).ok() ? 1 : 0;
                if (method == Method::Capabilities) {
                    GenerationInput setcap = input;
                    setcap.runsUnderSystemd = false;
                    QTest::newRow(qPrintable(name + u" setcap"_s)) << report << setcap;
                    accepted += generatePlan(setcap).ok() ? 1 : 0;
                }
                // Then adjusted, from the program alone or from its unit.
                const InspectionReport other = reportFor(entry, hasUnit && random.bounded(2) == 0, random);
                GenerationInput adjusted = buildGenerationInput(other, method);
                adjust(adjusted, random);
                QTest::newRow(qPrintable(name + u" adjusted"_s)) << other << adjusted;
                accepted += generatePlan(adjusted).ok() ? 1 : 0;
                rows += method == Method::Capabilities ? 3 : 2;
            }
        }
        QVERIFY(rows > 100);
        // A row the generators refuse is skipped below with its reason; were most of them refused,
        // the identity would be checked on almost nothing and the test would still pass.
        QVERIFY2(accepted * 4 >= rows * 3, qPrintable(u"only %1 of %2 rows make a plan"_s.arg(accepted).arg(rows)));
    }

    void generateParseRegenerateIsTheIdentity()
    {
        QFETCH(InspectionReport, report);
        QFETCH(GenerationInput, input);
        const auto generated = generatePlan(input);
        if (!generated) {
            // The rules refuse some catalog agents for some methods (a sudo plan needs a command,
            // file capabilities on an interpreter): refused where the plan is made, with a reason.
            QVERIFY2(!generated.error().message.isEmpty(), "a refusal without a reason");
            QSKIP(qPrintable(u"the generators refuse it: "_s + generated.error().message));
        }
        // 1. The typed input reads back as itself.
        const auto back = generationInputFromJson(generationInputToJson(input));
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
        QVERIFY2(inputDifference(*back, input).isEmpty(), qPrintable(inputDifference(*back, input)));
        // 2. The request the desktop and derootctl export, with the review-only keys the CLI adds
        // (no validator run here: their verdicts are review-only too), is accepted as it is.
        const QJsonObject manifest = completeManifest(*generated, {}, report);
        const auto request = exportApplyRequest(generated->artifacts, manifest);
        QVERIFY2(request.ok(), request.ok() ? "" : qPrintable(request.error().message));
        if (input.executableSha256.isEmpty() && input.method != Method::Container) {
            const auto plan = parseApplyRequest(*request);
            QVERIFY(!plan.ok()); // a program whose content the plan does not fix is never set up
            return;
        }
        const auto plan = parseApplyRequest(*request);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        // 3. What the helper applies is generated from exactly that input.
        QVERIFY2(inputDifference(plan->input, input).isEmpty(), qPrintable(inputDifference(plan->input, input)));
        for (const PlanStep &step : plan->steps) {
            for (const Artifact &artifact : generated->artifacts) {
                if (artifact.id == step.artifact) {
                    QCOMPARE(step.content, artifact.content.toUtf8());
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(PlanRoundTripTest)
#include "planroundtrip_test.moc"
