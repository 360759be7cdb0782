// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// One observation in rounds (docs/observe-json.md, "Rounds"), for derootctl observe and the
// wizard's "Watch it run" alike. An agent started as its service user is started again with what
// it was refused, until nothing new appears; the rounds are read as one recording, so that a
// capability refused in round 1 and granted in round 2 stays "needed". How a round is run (as
// root, or through the helper) is the caller's: this class only decides what the next round gets.
#pragma once

#include "core/base/result.h"
#include "core/observe/events.h"
#include "core/observe/eventstream.h"
#include "core/observe/observation.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Deroot::Core {

/// The most rounds one observation may have.
inline constexpr int kMaxObserveRounds = 8;
/// The rounds derootctl observe and the wizard run unless told otherwise.
inline constexpr int kDefaultObserveRounds = 3;

/// deroot-observer's standard output read as one round's recording: an event stream with its
/// "recording" line. Anything else is ExitCode::Failure naming what is wrong.
Result<EventStream> readObserverRecording(const QByteArray &output);

/// Why deroot-observer failed: it @p crashed, or ended with @p exitCode (derootctl's own codes,
/// core/base/exitcode.h), with its last word from @p errors (its line "deroot-observer: ...").
Error observerFailure(bool crashed, int exitCode, const QByteArray &errors);

/// The options aggregateObservation() needs, from a recording's own line.
ObservationOptions observationOptions(const RecordingInfo &info);

/// "CAP_NET_RAW,CAP_SYS_TIME": capability numbers by their names.
QString capabilityNames(const QList<int> &capabilities, QStringView separator = u",");

class ObservationRounds
{
public:
    /// @p capabilities: what the first round gives the agent. @p maxRounds: at most this many
    /// rounds (1 to kMaxObserveRounds). @p restarts: the agent is a program the observer starts
    /// (a unit or a pid is watched once). @p withholdRootEquivalent: a root-equivalent capability
    /// is never given to a later round (the helper refuses it); a note says so.
    ObservationRounds(QList<int> capabilities, int maxRounds, bool restarts, bool withholdRootEquivalent);

    /// The capabilities the next round gives the agent, in number order.
    const QList<int> &capabilities() const { return m_given; }
    /// The rounds added so far.
    int rounds() const { return m_rounds; }
    /// Adds the recording of the next round (one with a "recording" line). Returns true when
    /// another round should run: the agent was refused something it was not given, and rounds are left.
    bool add(EventStream next);

    /// Every round so far as one recording: each round's times after the one before, its notes
    /// saying which rounds they are of. Empty before the first add().
    const EventStream &recording() const { return m_all; }
    /// What the rounds so far found.
    Observation observation() const;
    /// The document derootctl observe --json writes (schema deroot.observe/1).
    QJsonObject document() const;
    /// The same for people: derootctl observe's text, and what the wizard shows.
    QString text() const;

private:
    QList<int> m_given;
    int m_maxRounds;
    bool m_restarts;
    bool m_withholdRootEquivalent;
    int m_rounds = 0;
    bool m_done = false;
    EventStream m_all;
    QList<QStringList> m_roundNotes;
};

} // namespace Deroot::Core
