// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/observe/rounds.h"

#include "core/base/deroot.h"
#include "core/base/text.h"
#include "core/model/capabilities.h"
#include "core/rules/rules.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// QCoreApplication::translate() is spelled out at each call, with its context, so lupdate finds
// every string.
QString capabilityName(int number)
{
    const auto info = capabilityByNumber(number);
    return info ? QString::fromLatin1(info->name) : u"cap_"_s + QString::number(number);
}

// The notes of each round; with more than one round, each note says which rounds it is of.
QStringList composeNotes(const QList<QStringList> &rounds)
{
    if (rounds.size() == 1) {
        return rounds.first();
    }
    QStringList order;
    QHash<QString, QStringList> where;
    for (qsizetype r = 0; r < rounds.size(); ++r) {
        for (const QString &note : rounds.at(r)) {
            if (!where.contains(note)) {
                order.append(note);
            }
            where[note].append(QString::number(r + 1));
        }
    }
    QStringList out;
    for (const QString &note : std::as_const(order)) {
        const QStringList &numbers = where.value(note);
        const QString prefix =
            numbers.size() == rounds.size() ? QCoreApplication::translate("Deroot::Core::Observe", "Every round: ")
            : numbers.size() == 1
                ? QCoreApplication::translate("Deroot::Core::Observe", "Round %1: ").arg(numbers.first())
                : QCoreApplication::translate("Deroot::Core::Observe", "Rounds %1: ").arg(numbers.join(u", "_s));
        out.append(prefix + note);
    }
    return out;
}

QString endText(const RecordingInfo &info)
{
    if (info.ended == kEndedTimeLimit) {
        return QCoreApplication::translate("Deroot::Core::Observe", "still running when the time was up");
    }
    if (info.ended == kEndedTargetGone) {
        return QCoreApplication::translate("Deroot::Core::Observe", "the target went away");
    }
    if (info.exitStatus) {
        return info.ended == kEndedSignalled
                   ? QCoreApplication::translate("Deroot::Core::Observe", "killed by signal %1")
                         .arg(*info.exitStatus - 128)
                   : QCoreApplication::translate("Deroot::Core::Observe", "exited with status %1")
                         .arg(*info.exitStatus);
    }
    return QCoreApplication::translate("Deroot::Core::Observe", "ended");
}

} // namespace

Result<EventStream> readObserverRecording(const QByteArray &output)
{
    auto events = readEventStream(output);
    if (!events.ok()) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::Observe",
                                                 "deroot-observer wrote a recording that does not read: %1")
                         .arg(events.error().message)};
    }
    if (!events->info) {
        return Error{ExitCode::Failure,
                     QCoreApplication::translate("Deroot::Core::Observe", "deroot-observer wrote no recording line")};
    }
    return events;
}

Error observerFailure(bool crashed, int exitCode, const QByteArray &errors)
{
    if (crashed) {
        return {ExitCode::Failure, QCoreApplication::translate("Deroot::Core::Observe", "deroot-observer crashed")};
    }
    QString lastWord;
    for (const QByteArray &line : errors.split('\n')) {
        if (line.startsWith("deroot-observer: ")) {
            lastWord = QString::fromUtf8(line.mid(17));
        }
    }
    const ExitCode code =
        exitCode > 0 && exitCode <= toInt(ExitCode::NotAuthorized) ? ExitCode(exitCode) : ExitCode::Failure;
    return {code, lastWord.isEmpty() ? QCoreApplication::translate("Deroot::Core::Observe", "deroot-observer failed")
                                     : lastWord};
}

ObservationOptions observationOptions(const RecordingInfo &info)
{
    ObservationOptions options;
    options.mechanism = info.mechanism;
    options.durationNs = info.durationNs;
    options.asRoot = info.asRoot;
    options.unprivilegedPortStart = info.unprivilegedPortStart;
    return options;
}

QString capabilityNames(const QList<int> &capabilities, QStringView separator)
{
    QStringList names;
    for (const int cap : capabilities) {
        names.append(capabilityName(cap));
    }
    return names.join(separator);
}

ObservationRounds::ObservationRounds(QList<int> capabilities, int maxRounds, bool restarts, bool withholdRootEquivalent)
    : m_given(std::move(capabilities))
    , m_maxRounds(std::clamp(maxRounds, 1, kMaxObserveRounds))
    , m_restarts(restarts)
    , m_withholdRootEquivalent(withholdRootEquivalent)
{
    std::sort(m_given.begin(), m_given.end());
    m_given.erase(std::unique(m_given.begin(), m_given.end()), m_given.end());
}

bool ObservationRounds::add(EventStream next)
{
    if (m_done || !next.info) {
        m_done = true;
        return false;
    }
    ++m_rounds;
    // Each round's times after the one before, so that the rounds stay in order.
    const std::int64_t offset = m_all.info ? m_all.info->durationNs : 0;
    for (CapabilityCheck &check : next.checks) {
        check.timeNs += offset;
        m_all.checks.append(check);
    }
    for (SyscallResult &result : next.results) {
        result.timeNs += offset;
        m_all.results.append(result);
    }
    RecordingInfo info = *next.info;
    QStringList notes = info.notes;
    if (m_rounds > 1) {
        notes.prepend(QCoreApplication::translate("Deroot::Core::Observe", "It was given %1.")
                          .arg(capabilityNames(info.capabilities)));
    }
    m_roundNotes.append(notes);
    if (m_all.info) {
        info.durationNs += m_all.info->durationNs;
        info.lostEvents += m_all.info->lostEvents;
    }
    info.notes = composeNotes(m_roundNotes);
    m_all.info = info;

    // Only a program started as a service user is started again: as root it is refused nothing.
    if (!m_restarts || m_all.info->asRoot || m_rounds >= m_maxRounds) {
        m_done = true;
        return false;
    }
    QList<int> more;
    QStringList withheld;
    for (const CapabilityObservation &capability : observation().capabilities) {
        if (capability.verdict != CapabilityVerdict::Needed || m_given.contains(capability.capability)) {
            continue;
        }
        // A next round with it would be refused: the rounds end here and the notes say why.
        if (m_withholdRootEquivalent && isRootEquivalentCapability(capability.capability)) {
            withheld.append(capabilityName(capability.capability));
            continue;
        }
        more.append(capability.capability);
    }
    if (!withheld.isEmpty()) {
        m_roundNotes.last().append(
            QCoreApplication::translate("Deroot::Core::Observe",
                                        "Not observed with %1: root-equivalent, which the helper never gives; "
                                        "observe as root to see the agent with it.")
                .arg(withheld.join(u", "_s)));
        m_all.info->notes = composeNotes(m_roundNotes);
    }
    if (more.isEmpty()) {
        m_done = true;
        return false;
    }
    m_given += more;
    std::sort(m_given.begin(), m_given.end());
    return true;
}

Observation ObservationRounds::observation() const
{
    return m_all.info ? aggregateObservation(m_all, observationOptions(*m_all.info)) : Observation{};
}

QJsonObject ObservationRounds::document() const
{
    const Observation found = observation();
    QJsonObject recording = m_all.info ? toJson(*m_all.info) : QJsonObject{};
    recording.remove(u"type"_s);
    recording.insert(u"rounds"_s, m_rounds);
    QJsonObject observed = toJson(found);
    observed.insert(u"recording"_s, recording);
    return {{u"schema"_s, QString::fromLatin1(kObserveSchema)},
            {u"deroot_version"_s, version()},
            {u"needs"_s, toJson(found.needs)},
            {u"observation"_s, observed}};
}

QString ObservationRounds::text() const
{
    if (!m_all.info) {
        return {};
    }
    const RecordingInfo &info = *m_all.info;
    const Observation observation = this->observation();
    QString out;
    // One whole sentence, so a translation can order it: who, as whom, how, how long, how it ended.
    const QString mechanism = mechanismId(info.mechanism);
    const QString took = observedDuration(info.durationNs);
    const QString end = endText(info);
    if (m_rounds > 1) {
        out += (info.user.isEmpty()
                    ? countedText("Deroot::Core::Observe",
                                  QT_TRANSLATE_N_NOOP("Deroot::Core::Observe",
                                                      "Observed %1 with %2 for %3 in %n round(s) (%4)."),
                                  m_rounds)
                          .arg(observedTarget(info.target), mechanism, took, end)
                    : countedText("Deroot::Core::Observe",
                                  QT_TRANSLATE_N_NOOP("Deroot::Core::Observe",
                                                      "Observed %1 as %2 with %3 for %4 in %n round(s) (%5)."),
                                  m_rounds)
                          .arg(observedTarget(info.target), info.user, mechanism, took, end));
    } else {
        out += info.user.isEmpty()
                   ? QCoreApplication::translate("Deroot::Core::Observe", "Observed %1 with %2 for %3 (%4).")
                         .arg(observedTarget(info.target), mechanism, took, end)
                   : QCoreApplication::translate("Deroot::Core::Observe", "Observed %1 as %2 with %3 for %4 (%5).")
                         .arg(observedTarget(info.target), info.user, mechanism, took, end);
    }
    out += u'\n';
    out += u'\n' + QCoreApplication::translate("Deroot::Core::Observe", "Capabilities:") + u'\n';
    if (observation.capabilities.isEmpty()) {
        out += u"  "_s + QCoreApplication::translate("Deroot::Core::Observe", "none was asked for") + u'\n';
    }
    for (const CapabilityObservation &capability : observation.capabilities) {
        out += u"  "_s + capabilityName(capability.capability).leftJustified(22) +
               capabilityVerdictShown(capability.verdict).leftJustified(16) + capability.evidence + u'\n';
    }
    if (!observation.pathFixes.isEmpty()) {
        out += u'\n' + QCoreApplication::translate("Deroot::Core::Observe", "Paths the service user needs access to:") +
               u'\n';
        for (const PathFix &fix : observation.pathFixes) {
            out += u"  "_s + fix.path + u"  ("_s + accessShown(fix.access) + u")  "_s + fix.evidence + u'\n';
        }
    }
    if (!observation.needs.listenPorts.isEmpty()) {
        out += u'\n' + QCoreApplication::translate("Deroot::Core::Observe", "Ports:") + u'\n';
        for (const PortNeed &port : observation.needs.listenPorts) {
            out += u"  "_s + port.protocol + u'/' + QString::number(port.port) +
                   (port.address.isEmpty() ? QString() : u' ' + port.address) + u'\n';
        }
    }
    QStringList families;
    for (const NamedNeed &family : observation.needs.addressFamilies) {
        families.append(family.name);
    }
    if (!families.isEmpty()) {
        out +=
            u'\n' +
            QCoreApplication::translate("Deroot::Core::Observe", "Address families: %1").arg(families.join(u", "_s)) +
            u'\n';
    }
    for (const auto &[title, list] :
         {std::pair{QCoreApplication::translate("Deroot::Core::Observe", "Files written:"),
                    &observation.needs.writePaths},
          {QCoreApplication::translate("Deroot::Core::Observe", "Devices:"), &observation.needs.devices}}) {
        if (!list->isEmpty()) {
            out += u'\n' + title + u'\n';
            for (const NamedNeed &need : *list) {
                out += u"  "_s + need.name + u'\n';
            }
        }
    }
    if (!observation.sandbox.isEmpty()) {
        out += u'\n' +
               QCoreApplication::translate("Deroot::Core::Observe",
                                           "Sandbox settings nothing recorded speaks against (candidates, not "
                                           "findings: try each in a trial run before adding it):") +
               u'\n';
        for (const SandboxFlag &flag : observation.sandbox) {
            out += u"  "_s + flag.setting() + u"  "_s + flag.evidence + u'\n';
        }
    }
    if (!observation.unexplained.isEmpty()) {
        out += u'\n' +
               QCoreApplication::translate("Deroot::Core::Observe",
                                           "Refused calls no rule explains (read them by hand):") +
               u'\n';
        for (const UnexplainedFailure &failure : observation.unexplained) {
            out += u"  "_s + failure.call + u' ' + failure.error + u" x"_s + QString::number(failure.count) + u'\n';
        }
    }
    const QStringList notes = info.notes + observation.notes;
    if (!notes.isEmpty()) {
        out += u'\n' + QCoreApplication::translate("Deroot::Core::Observe", "Notes:") + u'\n';
        for (const QString &note : notes) {
            out += u"  - "_s + note + u'\n';
        }
    }
    return out;
}

} // namespace Deroot::Core
