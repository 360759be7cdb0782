// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/unitinspector.h"

#include "core/base/toolrunner.h"

#include "core/base/commandline.h"
#include "core/base/text.h"
#include "core/inspect/accounts.h"
#include "core/inspect/filecaps.h"
#include "core/inspect/processinspector.h"
#include "core/inspect/systemfacts.h"
#include "core/model/capabilities.h"
#include "core/rules/rules.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

constexpr int kSystemctlTimeoutMs = 15000;

// systemd.exec(5), NoNewPrivileges=: these settings imply no_new_privs for a service. systemd may
// skip that when the service keeps CAP_SYS_ADMIN, and more settings have been measured to set it,
// so the main process's NoNewPrivs line decides where there is one.
const QStringList kImplyNoNewPrivileges{
    u"SystemCallFilter"_s, u"SystemCallArchitectures"_s, u"RestrictAddressFamilies"_s, u"RestrictNamespaces"_s,
    u"PrivateDevices"_s,   u"ProtectKernelTunables"_s,   u"ProtectKernelModules"_s,    u"ProtectKernelLogs"_s,
    u"ProtectClock"_s,     u"MemoryDenyWriteExecute"_s,  u"RestrictRealtime"_s,        u"RestrictSUIDSGID"_s,
    u"DynamicUser"_s,      u"LockPersonality"_s};

bool isSet(const QMap<QString, QString> &properties, const QString &key)
{
    const QString value = properties.value(key).trimmed();
    // An empty deny list prints as "~".
    if (value.isEmpty() || value == u"~" || value == u"no" || value == u"0") {
        return false;
    }
    // Settings that are lists print their value; RestrictNamespaces= prints the namespaces it
    // allows, all of them when unrestricted.
    if (key == u"RestrictNamespaces") {
        return value != u"cgroup ipc net mnt pid user uts" && value != u"no";
    }
    return true;
}

QStringList words(const QString &value)
{
    return value.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
}

std::uint64_t capabilityMask(const QString &value, QStringList *unknown = nullptr)
{
    std::uint64_t mask = 0;
    for (const QString &word : words(value)) {
        if (const auto info = capabilityByName(word)) {
            mask |= std::uint64_t(1) << info->number;
        } else if (unknown) {
            unknown->append(word);
        }
    }
    return mask;
}

std::uint64_t allCapabilities()
{
    std::uint64_t mask = 0;
    for (const CapabilityInfo &info : capabilityTable()) {
        mask |= std::uint64_t(1) << info.number;
    }
    return mask;
}

// File capabilities of the unit's program, for the two conflicts a unit can have with them.
void checkFileCapabilities(InspectionReport &report, const QString &unit, const QString &program,
                           std::uint64_t bounding, bool noNewPrivs, const QString &noNewPrivsSource)
{
    const int fd = ::open(program.toLocal8Bit().constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        return; // inspectFile reports why the program cannot be opened
    }
    struct stat st{};
    const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    const FileCapabilitiesRead read = regular ? readFileCapabilities(fd) : FileCapabilitiesRead{};
    ::close(fd);
    if (!read.capabilities) {
        return;
    }
    const FileCapabilities &caps = *read.capabilities;
    if (noNewPrivs && (caps.permitted | caps.inheritable) != 0) {
        report.addFinding(
            u"unit.file-capabilities-ignored"_s, Severity::Medium,
            inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                          "%1 runs %2 with no_new_privs (%3), so its file capabilities (%4) "
                                          "are ignored: grant them with AmbientCapabilities= instead."))
                .arg(unit, quoted(program), noNewPrivsSource, caps.text),
            {program + u": "_s + caps.text});
    }
    const std::uint64_t missing = caps.permitted & ~bounding;
    if (caps.effective && missing != 0) {
        report.addFinding(
            u"unit.bounding-set-blocks-file-capabilities"_s, Severity::High,
            inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                          "The CapabilityBoundingSet= of %1 lacks %2, which %3 must get from "
                                          "its file capabilities: execve fails with EPERM (capabilities(7))."))
                .arg(unit, capabilityNames(missing).join(u", "_s), quoted(program)),
            {program + u": "_s + caps.text});
    }
}

} // namespace

QStringList unitProperties()
{
    return {u"Id"_s,
            u"LoadState"_s,
            u"LoadError"_s,
            u"ActiveState"_s,
            u"SubState"_s,
            u"FragmentPath"_s,
            u"DropInPaths"_s,
            u"Type"_s,
            u"ExecStart"_s,
            u"ExecStartEx"_s,
            u"User"_s,
            u"Group"_s,
            u"SupplementaryGroups"_s,
            u"DynamicUser"_s,
            u"AmbientCapabilities"_s,
            u"CapabilityBoundingSet"_s,
            u"NoNewPrivileges"_s,
            u"SecureBits"_s,
            u"ProtectSystem"_s,
            u"ProtectHome"_s,
            u"PrivateTmp"_s,
            u"PrivateDevices"_s,
            u"PrivateNetwork"_s,
            u"PrivateUsers"_s,
            u"ProtectKernelTunables"_s,
            u"ProtectKernelModules"_s,
            u"ProtectKernelLogs"_s,
            u"ProtectClock"_s,
            u"ProtectControlGroups"_s,
            u"ProtectHostname"_s,
            u"RestrictAddressFamilies"_s,
            u"RestrictNamespaces"_s,
            u"RestrictRealtime"_s,
            u"RestrictSUIDSGID"_s,
            u"LockPersonality"_s,
            u"MemoryDenyWriteExecute"_s,
            u"SystemCallFilter"_s,
            u"SystemCallArchitectures"_s,
            u"ReadWritePaths"_s,
            u"ReadOnlyPaths"_s,
            u"InaccessiblePaths"_s,
            u"DevicePolicy"_s,
            u"DeviceAllow"_s,
            u"StateDirectory"_s,
            u"LogsDirectory"_s,
            u"RuntimeDirectory"_s,
            u"CacheDirectory"_s,
            u"ConfigurationDirectory"_s,
            u"MainPID"_s};
}

bool isValidUnitName(QStringView name)
{
    return isUnitNameShape(name);
}

QMap<QString, QString> parseSystemctlShow(const QByteArray &output)
{
    QMap<QString, QString> properties;
    for (const QByteArray &line : output.split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals <= 0) {
            continue;
        }
        const QString key = QString::fromUtf8(line.first(equals));
        const QString value = QString::fromUtf8(line.sliced(equals + 1));
        auto it = properties.find(key);
        if (it == properties.end()) {
            properties.insert(key, value);
        } else {
            it.value() += u'\n' + value;
        }
    }
    return properties;
}

QList<ExecCommand> parseExecCommands(const QString &value)
{
    static const QRegularExpression kCommand(u"\\{ path=(.*?) ; argv\\[\\]=(.*?) ; (?:flags=(.*?) ; )?"_s);
    QList<ExecCommand> commands;
    for (auto it = kCommand.globalMatch(value); it.hasNext();) {
        const auto match = it.next();
        commands.append({match.captured(1), match.captured(2), words(match.captured(3))});
    }
    return commands;
}

QStringList serviceSettings(const QStringList &unitFileTexts, QStringView key)
{
    QStringList values;
    for (const QString &text : unitFileTexts) {
        QString section;
        QString pending; // a line continued with a final backslash
        for (const QString &raw : text.split(u'\n')) {
            QString line = pending.isEmpty() ? raw.trimmed() : pending + u' ' + raw.trimmed();
            pending.clear();
            if (line.startsWith(u'#') || line.startsWith(u';')) {
                continue;
            }
            if (line.endsWith(u'\\')) {
                line.chop(1);
                pending = line.trimmed();
                continue;
            }
            if (line.startsWith(u'[')) {
                section = line;
                continue;
            }
            if (section != u"[Service]"_s) {
                continue;
            }
            const qsizetype equals = line.indexOf(u'=');
            if (equals < 0 || line.left(equals).trimmed() != key) {
                continue;
            }
            const QString value = line.mid(equals + 1).trimmed();
            if (value.isEmpty()) {
                values.clear(); // an empty assignment empties the list (systemd.service(5))
            } else {
                values << value;
            }
        }
    }
    return values;
}

QString execStartLine(const QStringList &unitFileTexts)
{
    const QStringList lines = serviceSettings(unitFileTexts, u"ExecStart");
    return lines.size() == 1 ? lines.constFirst() : QString();
}

Result<QByteArray> unitFileProgram(const QString &path)
{
    constexpr qint64 kMaxBytes = qint64{1} << 20;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{ExitCode::BadTarget,
                     inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 cannot be read: %2"))
                         .arg(quoted(path), file.errorString())};
    }
    const QByteArray bytes = file.read(kMaxBytes + 1);
    if (bytes.size() > kMaxBytes) {
        return Error{ExitCode::BadTarget, inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                                        "%1 is larger than a unit file can be (1 MiB)"))
                                              .arg(quoted(path))};
    }
    const QString line = execStartLine({QString::fromUtf8(bytes)});
    if (line.isEmpty()) {
        return Error{ExitCode::BadTarget,
                     inspectText(QT_TRANSLATE_NOOP(
                                     "Deroot::Core::Inspect",
                                     "%1 is not a service unit with one ExecStart= line: choose the program it starts"))
                         .arg(quoted(path))};
    }
    QString program = vendorExecProgram(line);
    if (!program.isEmpty() && !program.startsWith(u'/')) {
        // systemd.service(5): a name without a slash is looked up in these directories.
        for (const QString &directory :
             {u"/usr/local/sbin"_s, u"/usr/local/bin"_s, u"/usr/sbin"_s, u"/usr/bin"_s, u"/sbin"_s, u"/bin"_s}) {
            if (QFileInfo(directory + u'/' + program).isFile()) {
                program = directory + u'/' + program;
                break;
            }
        }
    }
    if (!program.startsWith(u'/')) {
        return Error{
            ExitCode::BadTarget,
            inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "the program of %1 cannot be found (ExecStart=%2)"))
                .arg(quoted(path), quoted(line))};
    }
    return QFile::encodeName(program);
}

QStringList environmentAssignments(const QStringList &unitFileTexts)
{
    // Environment= takes NAME=value words split as a shell would, a later assignment of a name
    // winning (systemd.exec(5)).
    QStringList assignments;
    for (const QString &value : serviceSettings(unitFileTexts, u"Environment")) {
        for (const QString &word : splitCommandLine(value)) {
            const QString name = word.section(u'=', 0, 0);
            assignments.removeIf([&](const QString &a) { return a.section(u'=', 0, 0) == name; });
            assignments << word;
        }
    }
    return assignments;
}

Result<InspectionReport> inspectUnitProperties(const QString &unit, const QMap<QString, QString> &properties,
                                               const InspectEnvironment &environment)
{
    const QString id = properties.value(u"Id"_s, unit);
    const QString loadState = properties.value(u"LoadState"_s);
    if (loadState == u"not-found" || (loadState.isEmpty() && properties.value(u"ActiveState"_s).isEmpty())) {
        return Error{ExitCode::NotFound,
                     inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "unit %1 does not exist")).arg(quoted(id))};
    }
    if (loadState == u"masked") {
        return Error{ExitCode::BadTarget, inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                                        "unit %1 is masked: systemd will not start it"))
                                              .arg(quoted(id))};
    }
    if (loadState != u"loaded") {
        const QString why = properties.value(u"LoadError"_s);
        return Error{ExitCode::BadTarget,
                     inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "unit %1 could not be loaded (%2)"))
                         .arg(quoted(id), why.isEmpty() ? quoted(loadState) : quoted(why))};
    }
    // ExecStartEx= (systemd 243) adds the prefixes' flags; older systemd has only ExecStart=.
    const QList<ExecCommand> commands =
        parseExecCommands(properties.value(properties.contains(u"ExecStartEx"_s) ? u"ExecStartEx"_s : u"ExecStart"_s));
    bool pidOk = false;
    const int mainPid = properties.value(u"MainPID"_s).toInt(&pidOk);
    if (commands.isEmpty() && (!pidOk || mainPid <= 0)) {
        return Error{ExitCode::BadTarget,
                     inspectText(QT_TRANSLATE_NOOP(
                                     "Deroot::Core::Inspect",
                                     "unit %1 has no ExecStart= and no main process: there is no program to inspect"))
                         .arg(quoted(id))};
    }

    InspectionReport report;
    report.target = QJsonObject{{u"kind"_s, u"unit"_s}, {u"unit"_s, id}};
    const QString user = properties.value(u"User"_s);
    const bool dynamicUser = properties.value(u"DynamicUser"_s) == u"yes";
    const bool rootUser = !dynamicUser && (user.isEmpty() || user == u"root" || user == u"0");
    // '+' and '!' run the command as root whatever User= says (systemd.service(5), ExecStart=).
    QStringList startsAsRoot;
    for (const ExecCommand &command : commands) {
        if (command.flags.contains(u"privileged"_s) || command.flags.contains(u"no-setuid"_s)) {
            startsAsRoot.append(command.path);
        }
    }
    const bool root = rootUser || !startsAsRoot.isEmpty();
    QStringList unknownCaps;
    const std::uint64_t ambient = capabilityMask(properties.value(u"AmbientCapabilities"_s), &unknownCaps);
    const QString boundingText = properties.value(u"CapabilityBoundingSet"_s);
    const std::uint64_t bounding = capabilityMask(boundingText, &unknownCaps);
    const bool boundingFull = (bounding & allCapabilities()) == allCapabilities();
    QStringList implied;
    for (const QString &key : kImplyNoNewPrivileges) {
        if (isSet(properties, key)) {
            implied.append(key + u'=');
        }
    }
    const bool explicitNnp = properties.value(u"NoNewPrivileges"_s) == u"yes";

    QString filter = properties.value(u"SystemCallFilter"_s).trimmed();
    if (filter == u"~") {
        filter.clear(); // systemctl's way of printing no filter
    }
    UnitSection &section = report.unit.emplace();
    section.id = id;
    section.loadState = loadState;
    section.activeState = properties.value(u"ActiveState"_s);
    section.subState = properties.value(u"SubState"_s);
    section.type = properties.value(u"Type"_s);
    section.fragmentPath = properties.value(u"FragmentPath"_s);
    section.dropInPaths = words(properties.value(u"DropInPaths"_s));
    for (const ExecCommand &command : commands) {
        section.execStart.append({command.path, command.arguments, command.flags});
    }
    section.user = user;
    section.group = properties.value(u"Group"_s);
    section.supplementaryGroups = words(properties.value(u"SupplementaryGroups"_s));
    section.dynamicUser = dynamicUser;
    section.runsAsRoot = root;
    section.startsAsRoot = !startsAsRoot.isEmpty();
    section.ambientCapabilities = ambient;
    section.capabilityBoundingSet = bounding;
    section.capabilityBoundingSetFull = boundingFull;
    section.noNewPrivileges = explicitNnp;
    section.noNewPrivilegesImpliedBy = implied;
    section.protectSystem = properties.value(u"ProtectSystem"_s);
    section.protectHome = properties.value(u"ProtectHome"_s);
    section.privateTmp = properties.value(u"PrivateTmp"_s);
    section.privateDevices = properties.value(u"PrivateDevices"_s);
    section.privateNetwork = properties.value(u"PrivateNetwork"_s);
    if (isSet(properties, u"RestrictAddressFamilies"_s)) {
        section.restrictAddressFamilies = properties.value(u"RestrictAddressFamilies"_s);
    }
    section.systemCallFilterMode = filter.isEmpty() ? u"none"_s : (filter.startsWith(u'~') ? u"deny"_s : u"allow"_s);
    section.systemCallFilterEntries = int(words(filter.startsWith(u'~') ? filter.mid(1) : filter).size());
    section.readWritePaths = words(properties.value(u"ReadWritePaths"_s));
    section.readOnlyPaths = words(properties.value(u"ReadOnlyPaths"_s));
    if (pidOk && mainPid > 0) {
        section.mainPid = mainPid;
    }

    const QString fragment = properties.value(u"FragmentPath"_s);
    const QString where = fragment.isEmpty() ? QString() : u" ("_s + fragment + u')';
    if (!rootUser && !startsAsRoot.isEmpty()) {
        report.addFinding(u"unit.starts-as-root"_s, Severity::High,
                          inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                        "%1 starts %2 as root although User=%3 (ExecStart= with '!' or "
                                                        "'+'): the program drops privileges itself, if at all."))
                              .arg(id, startsAsRoot.join(u", "_s), user),
                          {u"ExecStartEx= flags: privileged or no-setuid"_s});
    } else if (root) {
        report.addFinding(u"unit.runs-as-root"_s, Severity::High,
                          boundingFull
                              ? inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                              "%1 runs as root with every capability: find what it "
                                                              "needs and give it a User= with only that."))
                                    .arg(id)
                              : inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                              "%1 runs as root within the bounding set %2: find what "
                                                              "it needs and give it a User= with only that."))
                                    .arg(id, capabilityNames(bounding).join(u", "_s)),
                          {u"User="_s + user, u"CapabilityBoundingSet="_s + boundingText.left(200)});
    }
    for (const QString &name : capabilityNames(ambient)) {
        if (const auto info = capabilityByName(name)) {
            report.needs.addCapability(
                info->number, {u"unit"_s, inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                                        "%1 grants it with AmbientCapabilities=%2"))
                                              .arg(id, where)});
        }
    }
    if (!unknownCaps.isEmpty()) {
        report.addFinding(
            u"unit.unknown-capabilities"_s, Severity::Info,
            inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                          "%1 names capabilities this version of Deroot does not know: %2."))
                .arg(id, unknownCaps.join(u", "_s)));
    }
    for (const QString &group : words(properties.value(u"SupplementaryGroups"_s))) {
        Needs::add(report.needs.groups, group,
                   {u"unit"_s,
                    inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "%1 adds it with SupplementaryGroups=%2"))
                        .arg(id, where)},
                   isRootEquivalentGroup(group));
    }
    for (const QString &path : words(properties.value(u"ReadWritePaths"_s))) {
        QString clean = path;
        while (clean.startsWith(u'-') || clean.startsWith(u'+')) {
            clean.remove(0, 1); // "-" ignores a missing path, "+" is relative to the root directory
        }
        Needs::add(report.needs.writePaths, clean,
                   {u"unit"_s, inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                             "%1 makes it writable with ReadWritePaths=%2"))
                                   .arg(id, where)});
    }

    // The program first, as the unit names it; then the main process, which adds what it does.
    for (const ExecCommand &command : commands) {
        // The unit's own program is the agent, not a privileged command it needs (needs.commands
        // feeds sudo rules); the unit section names it.
        const auto file = inspectFileEvidence(command.path.toLocal8Bit(), environment);
        if (file) {
            mergeReport(report, *file);
        } else {
            report.addFinding(
                u"unit.program-not-inspected"_s, Severity::Medium,
                inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "The program of %1 could not be inspected: %2"))
                    .arg(id, file.error().message),
                {u"ExecStart="_s + command.path});
        }
    }
    bool measuredNnp = false;
    if (pidOk && mainPid > 0) {
        const auto process = inspectProcessEvidence(mainPid, environment);
        if (process) {
            measuredNnp = process->process && process->process->noNewPrivs.value_or(false);
            mergeReport(report, *process);
        } else {
            report.addFinding(u"unit.main-process-not-inspected"_s, Severity::Info,
                              inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                            "The main process of %1 could not be inspected: %2"))
                                  .arg(id, process.error().message),
                              {u"MainPID="_s + QString::number(mainPid)});
        }
    }
    if (!commands.isEmpty()) {
        const QString source =
            explicitNnp   ? u"NoNewPrivileges=yes"_s
            : measuredNnp ? inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                          "measured: NoNewPrivs 1 in its main process's status"))
                          : QString();
        checkFileCapabilities(report, id, commands.first().path, bounding, explicitNnp || measuredNnp, source);
    }
    // Last, so that the catalog is compared with everything the unit, program and process showed.
    applyCatalog(report);
    addKernelContext(report, environment);
    return report;
}

Result<InspectionReport> inspectUnit(const QString &unit, const InspectEnvironment &environment)
{
    if (!isValidUnitName(unit)) {
        // NotFound, as inspect.h documents: no unit can have this name.
        return Error{
            ExitCode::NotFound,
            inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "unit %1 does not exist: unit names are letters, "
                                                                   "digits and \":-_.\\@\", and do not start with '-'"))
                .arg(quoted(unit))};
    }
    QString systemctl;
    for (const QString &candidate : {u"/usr/bin/systemctl"_s, u"/bin/systemctl"_s}) {
        if (QFileInfo(candidate).isExecutable()) {
            systemctl = candidate;
            break;
        }
    }
    if (systemctl.isEmpty()) {
        return Error{
            ExitCode::Unavailable,
            inspectText(QT_TRANSLATE_NOOP(
                            "Deroot::Core::Inspect",
                            "unit %1 cannot be inspected: systemctl is not installed, so there is no systemd to ask"))
                .arg(quoted(unit))};
    }
    // runTool's clean environment: nothing of the caller's (SYSTEMD_* variables, a pager, a locale
    // that translates values) changes what systemctl prints.
    const ToolRun run =
        runTool(systemctl, {u"show"_s, u"--no-pager"_s, u"-p"_s, unitProperties().join(u','), u"--"_s, unit},
                kSystemctlTimeoutMs, false);
    if (!run.started) {
        return Error{ExitCode::Unavailable,
                     inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "unit %1 cannot be inspected: %2"))
                         .arg(quoted(unit), run.error)};
    }
    if (!run.finished && run.exitCode < 0) {
        return Error{
            ExitCode::Unavailable,
            inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                          "unit %1 cannot be inspected: systemd did not answer within %2 seconds"))
                .arg(quoted(unit), QString::number(kSystemctlTimeoutMs / 1000))};
    }
    const QByteArray &output = run.out;
    if (!run.finished || run.exitCode != 0) {
        QString why = QString::fromUtf8(run.err).trimmed().section(u'\n', 0, 0);
        if (why.isEmpty()) {
            why = inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect", "systemctl exited with %1")).arg(run.exitCode);
        }
        return Error{ExitCode::Unavailable,
                     // systemd's sentence as it wrote it, on one line: quoted() would show its
                     // apostrophes escaped ("Can\'t operate.") in every window and log that shows it.
                     inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                                   "unit %1 cannot be inspected: systemd could not be asked (%2)"))
                         .arg(quoted(unit), oneLine(why))};
    }
    auto report = inspectUnitProperties(unit, parseSystemctlShow(output), environment);
    if (report) {
        // The command line as written, which systemctl show flattens (its argv[] loses quoting):
        // a drop-in keeps it, so the vendor's $ARGS from EnvironmentFile= stay in effect.
        UnitSection &section = *report->unit;
        QStringList texts;
        const QStringList files = QStringList{section.fragmentPath} + section.dropInPaths;
        for (const QString &path : std::as_const(files)) {
            QFile file(path);
            if (!path.isEmpty() && QFileInfo(path).isFile() && file.open(QIODevice::ReadOnly)) {
                texts << QString::fromUtf8(file.read(1024 * 1024));
            }
        }
        // The settings a unit of Deroot's own must carry over when it takes the vendor's place.
        section.fileSettings = UnitFileSettings{execStartLine(texts), environmentAssignments(texts),
                                                serviceSettings(texts, u"EnvironmentFile")};
    }
    return report;
}

QString agentUnitName(const InspectionReport &report)
{
    if (report.unit || report.parentUnit) {
        return {};
    }
    const QString processUnit = report.process ? report.process->unit : QString();
    if (processUnit.endsWith(u".service") && !processUnit.contains(u'@')) {
        return processUnit;
    }
    // The catalog's finding names a unit only when its file starts this very program.
    if (const Finding *vendor = report.finding(u"catalog.vendor-unit")) {
        return vendor->evidence.value(0).section(u'/', -1);
    }
    return {};
}

InspectionReport withAgentUnit(const InspectionReport &report, const InspectEnvironment &environment)
{
    const QString unit = agentUnitName(report);
    if (unit.isEmpty()) {
        return report;
    }
    auto unitReport = inspectUnit(unit, environment);
    if (!unitReport) {
        InspectionReport unchanged = report;
        // What its file says (the package's unit, read without systemd): enough for a unit of
        // Deroot's own to take its command line and environment over.
        if (const Finding *vendor = report.finding(u"catalog.vendor-unit")) {
            QFile file(vendor->evidence.value(0));
            if (file.open(QIODevice::ReadOnly)) {
                const QStringList texts{QString::fromUtf8(file.read(1024 * 1024))};
                const QString line = execStartLine(texts);
                unchanged.vendorUnit = VendorUnitSection{
                    unit, file.fileName(), serviceSettings(texts, u"User").value(0),
                    UnitFileSettings{line, environmentAssignments(texts), serviceSettings(texts, u"EnvironmentFile")}};
            }
        }
        unchanged.addFinding(
            u"unit.unreadable"_s, Severity::Medium,
            inspectText(QT_TRANSLATE_NOOP("Deroot::Core::Inspect",
                                          "The agent has the unit %1, but it could not be read (%2): the plan "
                                          "cannot work with it and would make a unit of its own."))
                .arg(unit, unitReport.error().message));
        return unchanged;
    }
    // The unit's report names the same program; it must be the one inspected, or it is not the
    // agent's unit after all.
    const auto program = [](const InspectionReport &r) { return r.file ? r.file->canonicalPath : QString(); };
    if (program(*unitReport) != program(report)) {
        const std::optional<int> mainPid = unitReport->unit ? unitReport->unit->mainPid : std::nullopt;
        if (!report.process || report.process->pid == mainPid) {
            return report; // the unit's own main process, behind a wrapper: still its agent
        }
        // A process another agent's unit started (fping under zabbix-agent.service): that agent
        // calls it, and its unit is not this program's to change.
        InspectionReport child = report;
        child.parentUnit = ParentUnitSection{unit, program(*unitReport), report.process->user};
        return child;
    }
    return *unitReport;
}

} // namespace Deroot::Core
