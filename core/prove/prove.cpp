// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/prove/prove.h"

#include "core/generate/systemdunit.h"
#include "core/prove/provetext.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// QCoreApplication::translate() is spelled out at each call, with its context, so lupdate finds
// the strings (as in grantsummary.cpp).
Error unavailable(const QString &why)
{
    return Error{ExitCode::Unavailable, why};
}

QString portText(const QString &protocol, int port)
{
    return u"%1/%2"_s.arg(protocol).arg(port);
}

} // namespace

QJsonObject trialRecordToJson(const TrialRecord &record)
{
    const TrialOutcome &outcome = record.outcome;
    QJsonArray listening;
    for (const TrialSocket &socket : outcome.sockets) {
        listening.append(portText(socket.protocol, socket.port));
    }
    QJsonObject trial{{u"without"_s, record.withoutCapability},
                      {u"healthy"_s, record.health.healthy},
                      {u"problems"_s, QJsonArray::fromStringList(record.health.problems)},
                      {u"started"_s, outcome.started},
                      {u"running_at_end"_s, outcome.runningAtEnd},
                      {u"listening"_s, listening},
                      {u"seconds"_s, qRound(outcome.seconds * 10) / 10.0}};
    trial.insert(u"exit"_s, outcome.exited ? QJsonValue(QJsonObject{{u"code"_s, outcome.exitCode},
                                                                    {u"status"_s, outcome.exitStatus}})
                                           : QJsonValue(QJsonValue::Null));
    trial.insert(u"check_exit_code"_s,
                 outcome.checkRun ? QJsonValue(outcome.checkExitCode) : QJsonValue(QJsonValue::Null));
    if (!record.withSetting.isEmpty()) {
        trial.insert(u"with"_s, record.withSetting);
    }
    return trial;
}

namespace {

// What ProtectHome= covers (systemd.exec(5)), as the generator reads it.
constexpr QStringView kHomes[] = {u"/home", u"/root", u"/run/user"};

// ProtectHome='s values from the loosest to the strictest (tmpfs hides the homes as yes does).
int protectHomeRank(const QString &value)
{
    if (value == u"yes" || value == u"tmpfs") {
        return 2;
    }
    return value == u"read-only" ? 1 : 0;
}

QString lastValue(const QList<UnitProperty> &properties, const QString &key, bool *present)
{
    QString value;
    *present = false;
    for (const UnitProperty &property : properties) {
        if (property.key == key) {
            value = property.value;
            *present = true;
        }
    }
    return value;
}

} // namespace

Result<ProvePlan> provePlan(const GenerationInput &input)
{
    if (input.method != Method::Capabilities) {
        return unavailable(
            QCoreApplication::translate(
                "Deroot::Core::Prove",
                "a trial run covers the capabilities method with a systemd unit only for now; this plan's "
                "method is %1")
                .arg(methodId(input.method)));
    }
    if (input.startMode == StartMode::CalledBy || !input.runsUnderSystemd) {
        return unavailable(QCoreApplication::translate(
            "Deroot::Core::Prove",
            "a trial run covers plans with a systemd unit only for now; this plan gives the program "
            "file capabilities, for the programs that call it"));
    }
    const Artifact unit = systemdUnit(input);
    ProvePlan plan;
    plan.agent = input.agentId;
    plan.unit = generatedUnitName(input);
    plan.program = input.executable;
    plan.serviceUser = input.serviceUser;
    plan.listenPorts = input.listenPorts;
    plan.vendorUnit = input.existingUnit;
    for (const UnitProperty &property : serviceSettings(serviceSectionText(unit.content))) {
        if (property.key == u"RestartSec") {
            continue;
        }
        if (property.key == u"Restart") {
            plan.properties.append({property.key, u"no"_s});
            continue;
        }
        if (property.key == u"Type") {
            plan.oneshot = property.value == u"oneshot";
        }
        plan.properties.append(property);
    }
    // The unit's own order (kernel order), so trials and verdicts read as the unit does.
    for (const UnitProperty &property : std::as_const(plan.properties)) {
        if (property.key == u"AmbientCapabilities") {
            plan.capabilities = property.value.split(u' ', Qt::SkipEmptyParts);
        }
    }
    return plan;
}

QList<UnitProperty> withoutCapability(const QList<UnitProperty> &properties, const QString &capability)
{
    QList<UnitProperty> result = properties;
    for (UnitProperty &property : result) {
        if (property.key == u"AmbientCapabilities" || property.key == u"CapabilityBoundingSet") {
            QStringList names = property.value.split(u' ', Qt::SkipEmptyParts);
            names.removeAll(capability);
            property.value = names.join(u' ');
        }
    }
    return result;
}

QList<UnitProperty> withSetting(const QList<UnitProperty> &properties, const QString &key, const QString &value)
{
    QList<UnitProperty> result;
    bool set = false;
    for (const UnitProperty &property : properties) {
        if (property.key != key || property.value.isEmpty()) {
            result.append(property);
        } else if (!set) {
            result.append({key, value});
            set = true;
        }
    }
    if (!set) {
        result.append({key, value});
    }
    return result;
}

QString serviceSectionText(const QString &text)
{
    QStringList kept;
    bool inService = false;
    bool continued = false;
    for (const QString &line : text.split(u'\n')) {
        const QString bare = line.trimmed();
        if (!continued && bare.startsWith(u'[')) {
            inService = bare == u"[Service]";
            continue;
        }
        const bool comment = bare.startsWith(u'#') || bare.startsWith(u';');
        // systemd.syntax(7): a comment inside a continued setting is skipped and the setting goes on.
        if (!comment) {
            continued = bare.endsWith(u'\\');
        }
        if (inService) {
            kept << line;
        }
    }
    while (!kept.isEmpty() && kept.constLast().trimmed().isEmpty()) {
        kept.removeLast();
    }
    return kept.isEmpty() ? QString() : kept.join(u'\n') + u'\n';
}

QList<UnitProperty> serviceSettings(const QString &serviceText)
{
    QList<UnitProperty> settings;
    QString pending;
    const auto finish = [&] {
        const qsizetype equals = pending.indexOf(u'=');
        if (equals > 0) {
            settings.append({pending.left(equals).trimmed(), pending.mid(equals + 1).trimmed()});
        }
        pending.clear();
    };
    bool continued = false;
    for (const QString &line : serviceText.split(u'\n')) {
        const QString bare = line.trimmed();
        if (bare.startsWith(u'#') || bare.startsWith(u';')) {
            continue;
        }
        if (continued) {
            pending += u' ';
        }
        continued = bare.endsWith(u'\\');
        pending += continued ? bare.chopped(1) : bare;
        if (!continued) {
            finish();
        }
    }
    finish();
    return settings;
}

namespace {

// systemd's unit_name_unescape(): "-" is "/", "\xNN" the byte NN.
QString unescapeUnitName(const QString &text)
{
    QByteArray bytes;
    const QByteArray utf8 = text.toUtf8();
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8.at(i) == '-') {
            bytes += '/';
        } else if (utf8.at(i) == '\\' && i + 3 < utf8.size() && utf8.at(i + 1) == 'x') {
            bool ok = false;
            const int value = utf8.mid(i + 2, 2).toInt(&ok, 16);
            if (ok) {
                bytes += char(value);
                i += 3;
                continue;
            }
            bytes += utf8.at(i);
        } else {
            bytes += utf8.at(i);
        }
    }
    return QString::fromUtf8(bytes);
}

} // namespace

QString resolveUnitSpecifiers(const QString &text, const QString &unit)
{
    const qsizetype dot = unit.lastIndexOf(u'.');
    const QString full = dot > 0 ? unit.left(dot) : unit;
    const qsizetype at = full.indexOf(u'@');
    const QString prefix = at >= 0 ? full.left(at) : full;
    const QString instance = at >= 0 ? full.mid(at + 1) : QString();
    const qsizetype dash = prefix.lastIndexOf(u'-');
    const QString last = dash >= 0 ? prefix.mid(dash + 1) : prefix;
    QString file = u"/"_s + unescapeUnitName(instance.isEmpty() ? prefix : instance);
    while (file.startsWith(u"//")) {
        file.remove(0, 1);
    }
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != u'%' || i + 1 >= text.size()) {
            result += c;
            continue;
        }
        const QChar next = text.at(++i);
        switch (next.unicode()) {
        case u'n':
            result += unit;
            break;
        case u'N':
            result += full;
            break;
        case u'p':
            result += prefix;
            break;
        case u'P':
            result += unescapeUnitName(prefix);
            break;
        case u'i':
            result += instance;
            break;
        case u'I':
            result += unescapeUnitName(instance);
            break;
        case u'j':
            result += last;
            break;
        case u'J':
            result += unescapeUnitName(last);
            break;
        case u'f':
            result += file;
            break;
        default:
            result += c;
            result += next;
        }
    }
    return result;
}

QList<UnitProperty> effectiveSettings(const ProvePlan &plan, const QList<UnitProperty> &properties)
{
    if (!plan.isDropIn()) {
        return properties;
    }
    QList<UnitProperty> settings = serviceSettings(plan.vendorService);
    bool planAdded = false;
    for (const VendorDropIn &dropIn : plan.vendorDropIns) {
        if (!planAdded && dropIn.name > u"deroot.conf"_s) {
            settings << properties;
            planAdded = true;
        }
        settings << serviceSettings(dropIn.text);
    }
    if (!planAdded) {
        settings << properties;
    }
    return settings;
}

QStringList effectiveList(const QList<UnitProperty> &settings, const QString &key)
{
    QStringList words;
    for (const UnitProperty &setting : settings) {
        if (setting.key != key) {
            continue;
        }
        if (setting.value.isEmpty()) {
            words.clear();
        } else {
            words << setting.value.split(u' ', Qt::SkipEmptyParts);
        }
    }
    return words;
}

QList<ManagedDirectory> managedDirectories(const QList<UnitProperty> &settings)
{
    struct Kind
    {
        const char16_t *setting;
        const char16_t *base;
    };
    constexpr Kind kKinds[] = {{u"RuntimeDirectory", u"/run/"},
                               {u"StateDirectory", u"/var/lib/"},
                               {u"CacheDirectory", u"/var/cache/"},
                               {u"LogsDirectory", u"/var/log/"},
                               {u"ConfigurationDirectory", u"/etc/"}};
    QList<ManagedDirectory> directories;
    for (const Kind &kind : kKinds) {
        const QString setting = QString::fromUtf16(kind.setting);
        for (const QString &word : effectiveList(settings, setting)) {
            // "name:symlink" (systemd 250) makes a link to it too; the directory is the first part.
            const QString name = word.section(u':', 0, 0);
            if (!name.isEmpty()) {
                directories.append({setting, QString::fromUtf16(kind.base) + name});
            }
        }
    }
    return directories;
}

QList<TrialFile> trialUnitFiles(const ProvePlan &plan, const QList<UnitProperty> &properties, const QString &unitName,
                                int runtimeMaxSeconds)
{
    QList<TrialFile> files;
    const QString folder = unitName + u".d/"_s;
    QString unit = u"# A trial of Deroot prove: the [Service] settings of %1, removed after the trial.\n"
                   u"[Unit]\nDescription=Deroot prove: %2 (%1)\n\n[Service]\n"_s.arg(plan.vendorUnit, plan.agent);
    files.append({unitName, (unit + plan.vendorService).toUtf8()});
    for (const VendorDropIn &dropIn : plan.vendorDropIns) {
        files.append({folder + dropIn.name, (u"[Service]\n"_s + dropIn.text).toUtf8()});
    }
    QString own = u"[Service]\n"_s;
    for (const UnitProperty &property : properties) {
        own += property.key + u'=' + property.value + u'\n';
    }
    files.append({folder + u"deroot.conf"_s, own.toUtf8()});
    files.append({folder + QString::fromUtf16(kTrialDropIn),
                  u"[Service]\nRestart=no\nRemainAfterExit=yes\nRuntimeMaxSec=%1\nTimeoutStopSec=30s\n"
                  u"SendSIGKILL=yes\n"_s.arg(runtimeMaxSeconds)
                      .toUtf8()});
    return files;
}

QList<SandboxTrialPlan> sandboxTrials(const ProvePlan &plan, const QList<SandboxCandidate> &candidates)
{
    bool present = false;
    // What the unit runs with: for a drop-in, the vendor's settings below the plan's.
    const QList<UnitProperty> effective = effectiveSettings(plan, plan.properties);
    const bool noNewPrivileges =
        lastValue(effective, u"NoNewPrivileges"_s, &present) != u"no"_s; // the generator always writes it
    QList<SandboxTrialPlan> trials;
    for (const SandboxCandidate &candidate : candidates) {
        SandboxTrialPlan trial;
        trial.candidate = candidate;
        trial.unitValue = lastValue(effective, candidate.key, &present);
        if (candidate.key == u"RestrictAddressFamilies") {
            // A list: a drop-in empties the vendor's value before it sets its own.
            trial.unitValue = effectiveList(effective, candidate.key).join(u' ');
        }
        const QString &key = candidate.key;
        const QString &value = candidate.value;
        const QString unitSetting = present ? candidate.key + u'=' + trial.unitValue : QString();
        const QString already = proveText(ProveSaid::UnitHasAlready).arg(unitSetting);
        if (key == u"PrivateDevices" && value == u"yes") {
            QStringList taken;
            for (const QString &capability : {u"CAP_SYS_RAWIO"_s, u"CAP_MKNOD"_s}) {
                if (plan.capabilities.contains(capability)) {
                    taken << capability;
                }
            }
            if (trial.unitValue == u"yes") {
                trial.skip = already;
            } else if (!taken.isEmpty()) {
                trial.skip = proveText(ProveSaid::PrivateDevicesTakes).arg(taken.join(u", "_s));
            }
        } else if (key == u"PrivateNetwork" && value == u"yes") {
            if (trial.unitValue == u"yes") {
                trial.skip = already;
            } else if (!plan.listenPorts.isEmpty()) {
                trial.skip = proveText(ProveSaid::PlanListens)
                                 .arg(portText(plan.listenPorts.first().protocol, plan.listenPorts.first().port));
            }
        } else if (key == u"ProtectHome") {
            if (protectHomeRank(value) <= protectHomeRank(trial.unitValue) && present) {
                trial.skip = proveText(ProveSaid::UnitStricter).arg(unitSetting);
            }
        } else if (key == u"RestrictAddressFamilies") {
            const QStringList wanted = value.split(u' ', Qt::SkipEmptyParts);
            const QStringList unit = trial.unitValue.split(u' ', Qt::SkipEmptyParts);
            if (!present || unit.isEmpty()) {
                // No restriction in the unit: any list is stricter.
            } else if (unit.first().startsWith(u'~')) {
                trial.skip = proveText(ProveSaid::DenyList).arg(unitSetting);
            } else {
                QStringList beyond;
                for (const QString &family : wanted) {
                    if (!unit.contains(family)) {
                        beyond << family;
                    }
                }
                if (!beyond.isEmpty()) {
                    trial.skip = proveText(ProveSaid::WouldLoosen).arg(beyond.join(u", "_s), unitSetting);
                } else if (wanted.size() == unit.size()) {
                    trial.skip = already;
                }
            }
        } else {
            trial.skip = proveText(ProveSaid::NotTried).arg(candidate.setting());
        }
        // systemd.exec(5): for a unit with User=, these imply NoNewPrivileges=yes, which would break the
        // sudo a sudo-compatible unit (NoNewPrivileges=no) runs.
        if (trial.skip.isEmpty() && !noNewPrivileges &&
            (key == u"PrivateDevices" || key == u"RestrictAddressFamilies")) {
            trial.skip = proveText(ProveSaid::ImpliesNoNewPrivileges).arg(key);
        }
        if (trial.skip.isEmpty()) {
            trial.properties = withSetting(plan.properties, key, value);
            if (key == u"PrivateDevices") {
                // DevicePolicy=closed and DeviceAllow= come with PrivateDevices=no; yes sets its own policy.
                trial.properties.removeIf([](const UnitProperty &property) {
                    return property.key == u"DevicePolicy" || property.key == u"DeviceAllow";
                });
            } else if (key == u"ProtectHome") {
                // ReadWritePaths= below a home would make it writable again under ProtectHome=read-only:
                // the trial goes without them, as the unit generated without those paths would.
                for (UnitProperty &property : trial.properties) {
                    if (property.key == u"ReadWritePaths") {
                        QStringList paths = property.value.split(u' ', Qt::SkipEmptyParts);
                        paths.removeIf([](const QString &path) {
                            const QString bare = path.startsWith(u'-') ? path.mid(1) : path;
                            return std::any_of(std::begin(kHomes), std::end(kHomes), [&](QStringView home) {
                                return bare == home || bare.startsWith(home + u'/');
                            });
                        });
                        property.value = paths.join(u' ');
                    }
                }
                trial.properties.removeIf([](const UnitProperty &property) {
                    return property.key == u"ReadWritePaths" && property.value.isEmpty();
                });
            }
        }
        trials << trial;
    }
    return trials;
}

// The generator writes each word plain or in double quotes and refuses quotes and backslashes
// inside a word (validateGenerationInput()), so removing the quotes is the whole of systemd's
// unquoting here.
QStringList execStartWords(const QString &line)
{
    QStringList words;
    QString word;
    bool quoted = false;
    bool inWord = false;
    for (const QChar c : line) {
        if (c == u'"') {
            quoted = !quoted;
            inWord = true;
        } else if (c == u' ' && !quoted) {
            if (inWord) {
                words << word;
            }
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord) {
        words << word;
    }
    return words;
}

TrialHealth judgeTrial(const ProvePlan &plan, const TrialOutcome &outcome)
{
    TrialHealth health;
    QStringList &problems = health.problems;
    // How the agent ended, in one sentence; a service's adds that it was before the time was up.
    const auto ended = [&outcome](bool early) {
        if (outcome.exitCode == u"exited") {
            return proveText(early ? ProveSaid::ExitedWithStatusEarly : ProveSaid::ExitedWithStatus)
                .arg(outcome.exitStatus);
        }
        if (outcome.exitCode == u"dumped") {
            return proveText(early ? ProveSaid::DumpedCoreEarly : ProveSaid::DumpedCore).arg(outcome.exitStatus);
        }
        return proveText(early ? ProveSaid::KilledBySignalEarly : ProveSaid::KilledBySignal).arg(outcome.exitStatus);
    };
    if (!outcome.started) {
        problems << proveText(ProveSaid::DidNotStart).arg(outcome.startError);
    } else if (plan.oneshot) {
        if (outcome.runningAtEnd) {
            problems << proveText(ProveSaid::StillRunning);
        } else if (!outcome.exited) {
            problems << proveText(ProveSaid::NoExitStatus);
        } else if (outcome.exitCode != u"exited" || outcome.exitStatus != u"0") {
            problems << ended(false);
        }
    } else {
        if (!outcome.runningAtEnd) {
            problems << (outcome.exited ? ended(true) : proveText(ProveSaid::NotRunning));
        } else {
            for (const ListenPort &port : plan.listenPorts) {
                if (!outcome.sockets.contains(TrialSocket{port.protocol, port.port})) {
                    problems << proveText(ProveSaid::NotListening).arg(portText(port.protocol, port.port));
                }
            }
        }
    }
    if (outcome.checkRun && outcome.checkExitCode != 0) {
        problems << (outcome.checkExitCode < 0 ? proveText(ProveSaid::CheckUnfinished)
                                               : proveText(ProveSaid::CheckFailed).arg(outcome.checkExitCode));
    }
    health.healthy = problems.isEmpty();
    return health;
}

QString proofVerdictId(ProofVerdict verdict)
{
    return verdict == ProofVerdict::ShownNecessary ? u"shown-necessary"_s : u"not-shown-necessary"_s;
}

QString sandboxVerdictId(SandboxVerdict verdict)
{
    switch (verdict) {
    case SandboxVerdict::Tolerated:
        return u"tolerated"_s;
    case SandboxVerdict::BreaksTheAgent:
        return u"breaks-the-agent"_s;
    case SandboxVerdict::Skipped:
        break;
    }
    return u"skipped"_s;
}

QStringList ProveReport::tolerated() const
{
    QStringList settings;
    for (const SandboxFinding &finding : sandbox) {
        if (finding.verdict == SandboxVerdict::Tolerated) {
            settings << finding.candidate.setting();
        }
    }
    return settings;
}

QStringList ProveReport::notShownNecessary() const
{
    QStringList names;
    for (const CapabilityFinding &finding : capabilities) {
        if (finding.verdict == ProofVerdict::NotShownNecessary) {
            names << finding.capability;
        }
    }
    return names;
}

QList<CapabilityFinding> decideCapabilities(const ProveReport &report)
{
    QList<CapabilityFinding> findings;
    if (!report.baselineHealthy()) {
        return findings;
    }
    for (const QString &capability : report.plan.capabilities) {
        const auto trial = std::find_if(report.trials.begin(), report.trials.end(), [&](const TrialRecord &record) {
            return record.withoutCapability == capability;
        });
        if (trial == report.trials.end()) {
            continue; // not tried: no verdict rather than a guess
        }
        CapabilityFinding finding;
        finding.capability = capability;
        if (trial->health.healthy) {
            finding.verdict = ProofVerdict::NotShownNecessary;
        } else {
            finding.verdict = ProofVerdict::ShownNecessary;
            finding.evidence = trial->health.problems;
        }
        findings << finding;
    }
    return findings;
}

ProveReport prove(const ProvePlan &plan, int seconds, const QString &check, TrialRunner &runner,
                  const std::function<void(const TrialRecord &)> &progress)
{
    return prove(plan, seconds, check, {}, runner, progress);
}

ProveReport prove(const ProvePlan &plan, int seconds, const QString &check, const QList<SandboxCandidate> &candidates,
                  TrialRunner &runner, const std::function<void(const TrialRecord &)> &progress)
{
    ProveReport report;
    report.plan = plan;
    report.seconds = seconds;
    report.check = check;
    const auto trial = [&](const QString &without) {
        TrialRecord record;
        record.withoutCapability = without;
        record.outcome = runner.run(
            plan, without.isEmpty() ? plan.properties : withoutCapability(plan.properties, without), seconds);
        record.health = judgeTrial(plan, record.outcome);
        if (progress) {
            progress(record);
        }
        return record;
    };
    report.baseline = trial(QString());
    if (report.baselineHealthy()) {
        for (const QString &capability : plan.capabilities) {
            report.trials << trial(capability);
        }
    }
    report.capabilities = decideCapabilities(report);
    if (!report.baselineHealthy()) {
        return report;
    }
    for (const SandboxTrialPlan &planned : sandboxTrials(plan, candidates)) {
        SandboxFinding finding;
        finding.candidate = planned.candidate;
        finding.unitValue = planned.unitValue;
        if (!planned.skip.isEmpty()) {
            finding.evidence << planned.skip;
            report.sandbox << finding;
            continue;
        }
        TrialRecord record;
        record.withSetting = planned.candidate.setting();
        record.outcome = runner.run(plan, planned.properties, seconds);
        record.health = judgeTrial(plan, record.outcome);
        if (progress) {
            progress(record);
        }
        finding.verdict = record.health.healthy ? SandboxVerdict::Tolerated : SandboxVerdict::BreaksTheAgent;
        finding.evidence = record.health.problems;
        finding.trial = record;
        report.sandbox << finding;
    }
    return report;
}

namespace {

Error notReport(const QString &what)
{
    return Error{ExitCode::Failure, u"the helper's answer is not a prove report: "_s + what};
}

std::optional<ListenPort> portFrom(const QJsonValue &value)
{
    const QStringList parts = value.toString().split(u'/');
    bool ok = false;
    const int port = parts.size() == 2 ? parts.at(1).toInt(&ok) : 0;
    if (!ok || (parts.at(0) != u"tcp" && parts.at(0) != u"udp")) {
        return std::nullopt;
    }
    return ListenPort{parts.at(0), port};
}

QStringList stringsFrom(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray()) {
        out << item.toString();
    }
    return out;
}

} // namespace

std::optional<TrialRecord> trialRecordFromJson(const QJsonValue &value)
{
    if (!value.isObject()) {
        return std::nullopt;
    }
    const QJsonObject trial = value.toObject();
    TrialRecord record;
    record.withoutCapability = trial.value(u"without"_s).toString();
    record.health.healthy = trial.value(u"healthy"_s).toBool();
    record.health.problems = stringsFrom(trial.value(u"problems"_s));
    TrialOutcome &outcome = record.outcome;
    outcome.started = trial.value(u"started"_s).toBool();
    outcome.runningAtEnd = trial.value(u"running_at_end"_s).toBool();
    for (const QJsonValue &listening : trial.value(u"listening"_s).toArray()) {
        const std::optional<ListenPort> port = portFrom(listening);
        if (!port) {
            return std::nullopt;
        }
        outcome.sockets << TrialSocket{port->protocol, port->port};
    }
    outcome.seconds = trial.value(u"seconds"_s).toDouble();
    const QJsonValue exit = trial.value(u"exit"_s);
    outcome.exited = exit.isObject();
    outcome.exitCode = exit.toObject().value(u"code"_s).toString();
    outcome.exitStatus = exit.toObject().value(u"status"_s).toString();
    const QJsonValue check = trial.value(u"check_exit_code"_s);
    outcome.checkRun = check.isDouble();
    outcome.checkExitCode = check.isDouble() ? check.toInt() : -1;
    record.withSetting = trial.value(u"with"_s).toString();
    return record;
}

Result<ProveReport> proveReportFromJson(const QJsonObject &object)
{
    if (object.value(u"schema"_s).toString() != u"deroot.prove/1") {
        return notReport(u"its schema is not deroot.prove/1"_s);
    }
    ProveReport report;
    report.plan.agent = object.value(u"agent"_s).toString();
    report.plan.unit = object.value(u"unit"_s).toString();
    report.plan.program = object.value(u"program"_s).toString();
    report.plan.serviceUser = object.value(u"service_user"_s).toString();
    report.plan.oneshot = object.value(u"oneshot"_s).toBool();
    for (const QJsonValue &value : object.value(u"listen_ports"_s).toArray()) {
        const std::optional<ListenPort> port = portFrom(value);
        if (!port) {
            return notReport(u"a listen port is not PROTOCOL/PORT"_s);
        }
        report.plan.listenPorts << *port;
    }
    report.plan.capabilities = stringsFrom(object.value(u"capabilities"_s));
    report.seconds = object.value(u"seconds"_s).toInt();
    report.check = object.value(u"check"_s).toString();
    const std::optional<TrialRecord> baseline = trialRecordFromJson(object.value(u"baseline"_s));
    if (!baseline) {
        return notReport(u"it has no baseline"_s);
    }
    report.baseline = *baseline;
    for (const QJsonValue &value : object.value(u"trials"_s).toArray()) {
        const std::optional<TrialRecord> trial = trialRecordFromJson(value);
        if (!trial) {
            return notReport(u"a trial is not an object"_s);
        }
        report.trials << *trial;
    }
    for (const QJsonValue &value : object.value(u"verdicts"_s).toArray()) {
        const QJsonObject verdict = value.toObject();
        const QString id = verdict.value(u"verdict"_s).toString();
        if (id != proofVerdictId(ProofVerdict::ShownNecessary) &&
            id != proofVerdictId(ProofVerdict::NotShownNecessary)) {
            return notReport(u"a verdict is neither shown-necessary nor not-shown-necessary"_s);
        }
        report.capabilities << CapabilityFinding{verdict.value(u"capability"_s).toString(),
                                                 id == proofVerdictId(ProofVerdict::ShownNecessary)
                                                     ? ProofVerdict::ShownNecessary
                                                     : ProofVerdict::NotShownNecessary,
                                                 stringsFrom(verdict.value(u"evidence"_s))};
    }
    report.notes = stringsFrom(object.value(u"notes"_s));
    for (const QJsonValue &value : object.value(u"sandbox"_s).toArray()) {
        const QJsonObject entry = value.toObject();
        SandboxFinding finding;
        finding.candidate = {entry.value(u"key"_s).toString(), entry.value(u"value"_s).toString(),
                             entry.value(u"observed"_s).toString()};
        finding.unitValue = entry.value(u"unit_value"_s).toString();
        const QString id = entry.value(u"verdict"_s).toString();
        if (id == sandboxVerdictId(SandboxVerdict::Tolerated)) {
            finding.verdict = SandboxVerdict::Tolerated;
        } else if (id == sandboxVerdictId(SandboxVerdict::BreaksTheAgent)) {
            finding.verdict = SandboxVerdict::BreaksTheAgent;
        } else if (id == sandboxVerdictId(SandboxVerdict::Skipped)) {
            finding.verdict = SandboxVerdict::Skipped;
        } else {
            return notReport(u"a sandbox verdict is not tolerated, breaks-the-agent or skipped"_s);
        }
        finding.evidence = stringsFrom(entry.value(u"evidence"_s));
        if (entry.value(u"trial"_s).isObject()) {
            finding.trial = trialRecordFromJson(entry.value(u"trial"_s));
        }
        report.sandbox << finding;
    }
    return report;
}

QJsonObject proveReportToJson(const ProveReport &report)
{
    QJsonArray ports;
    for (const ListenPort &port : report.plan.listenPorts) {
        ports.append(portText(port.protocol, port.port));
    }
    QJsonArray trials;
    for (const TrialRecord &record : report.trials) {
        trials.append(trialRecordToJson(record));
    }
    QJsonArray verdicts;
    for (const CapabilityFinding &finding : report.capabilities) {
        verdicts.append(QJsonObject{{u"capability"_s, finding.capability},
                                    {u"verdict"_s, proofVerdictId(finding.verdict)},
                                    {u"evidence"_s, QJsonArray::fromStringList(finding.evidence)}});
    }
    QJsonArray sandbox;
    for (const SandboxFinding &finding : report.sandbox) {
        sandbox.append(QJsonObject{{u"setting"_s, finding.candidate.setting()},
                                   {u"key"_s, finding.candidate.key},
                                   {u"value"_s, finding.candidate.value},
                                   {u"unit_value"_s, finding.unitValue.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                                 : QJsonValue(finding.unitValue)},
                                   {u"observed"_s, finding.candidate.observed},
                                   {u"verdict"_s, sandboxVerdictId(finding.verdict)},
                                   {u"evidence"_s, QJsonArray::fromStringList(finding.evidence)},
                                   {u"trial"_s, finding.trial ? QJsonValue(trialRecordToJson(*finding.trial))
                                                              : QJsonValue(QJsonValue::Null)}});
    }
    return {{u"schema"_s, u"deroot.prove/1"_s},
            {u"agent"_s, report.plan.agent},
            {u"unit"_s, report.plan.unit},
            {u"program"_s, report.plan.program},
            {u"service_user"_s, report.plan.serviceUser},
            {u"oneshot"_s, report.plan.oneshot},
            {u"listen_ports"_s, ports},
            {u"capabilities"_s, QJsonArray::fromStringList(report.plan.capabilities)},
            {u"seconds"_s, report.seconds},
            {u"check"_s, report.check},
            {u"works"_s, report.baselineHealthy()},
            {u"baseline"_s, trialRecordToJson(report.baseline)},
            {u"trials"_s, trials},
            {u"verdicts"_s, verdicts},
            {u"not_shown_necessary"_s, QJsonArray::fromStringList(report.notShownNecessary())},
            {u"notes"_s, QJsonArray::fromStringList(report.notes)},

            {u"sandbox"_s, sandbox},
            {u"tighten"_s, QJsonArray::fromStringList(report.tolerated())}};
}

} // namespace Deroot::Core
