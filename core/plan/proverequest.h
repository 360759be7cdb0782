// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What the helper's Prove method is asked to prove (docs/helper.md, "Prove"), defined once for both
// ends: derootctl writes it with proveRequestJson(), the helper reads it with parseProveRequest(), a
// pure and bounded parser of a closed schema, before it asks polkit anything. The plan inside is
// the very apply request the Apply method takes, parsed by the same Core::parseApplyRequest(): the
// helper proves only what Deroot's generators would write from the typed plan, byte for byte.
#pragma once

#include "core/base/result.h"
#include "core/model/sandboxcandidate.h"
#include "core/plan/applyrequest.h"

#include <QByteArray>
#include <QString>

namespace Deroot::Core {

/// The largest request, in bytes of JSON. The plan and its files travel in base64 (a third more);
/// Deroot's plans are a few KiB, and a request this large is refused before it is decoded.
inline constexpr qsizetype kMaxProveRequestBytes = qsizetype{4} * 1024 * 1024;
/// A trial's time, in seconds: derootctl prove's --seconds.
inline constexpr int kMinProveSeconds = 1;
inline constexpr int kMaxProveSeconds = 3600;
/// The check command: at most this many characters, all of which the prompt's details show.
inline constexpr qsizetype kMaxProveCheckLength = 1024;
/// The sandbox settings an observation flagged: at most this many (an observation flags four
/// kinds), each one's evidence at most kMaxProveObservedLength characters.
inline constexpr qsizetype kMaxProveSandbox = 8;
inline constexpr qsizetype kMaxProveObservedLength = 512;

/// One proof, as derootctl asks for it.
struct ProveRequest
{
    ApplyRequest plan; ///< plan.json and the export's files, as readApplyRequest() reads them
    int seconds = 10;
    QString check;                     ///< the --check command; empty for none
    QList<SandboxCandidate> sandbox{}; ///< what --observation flagged; empty for none
};

/// A request parseProveRequest() accepted: the plan parsed and checked as Apply checks it.
struct CheckedProveRequest
{
    CheckedRequest plan;
    int seconds = 10;
    QString check;
    QList<SandboxCandidate> sandbox;
};

/// The request as JSON (the string Prove takes): {"version": 1, "plan": BASE64, "files": {NAME:
/// BASE64, ...}, "seconds": N, "check": COMMAND only when there is one, and "sandbox":
/// [{"key", "value", "observed"}, ...] only when there are candidates}.
QByteArray proveRequestJson(const ProveRequest &request);

/// Reads @p json strictly: at most kMaxProveRequestBytes of UTF-8, one object, no duplicate key, no
/// deeper than needed, version 1, exactly the keys above (no unknown, "check" the only optional
/// one), each of its JSON type: "plan" and every file strict base64 within kMaxPlanJsonBytes and
/// kMaxFileBytes, at most kMaxFiles files; "seconds" a whole number from kMinProveSeconds to
/// kMaxProveSeconds; "check", when present, a command of 1 to kMaxProveCheckLength characters with
/// something but white space in it and no control or invisible character (NUL, newline, escape,
/// bidirectional overrides); "sandbox", when present, 1 to kMaxProveSandbox objects of exactly
/// "key", "value" and "observed", each a setting and value isObservableSandboxSetting() takes (what
/// an observation can flag, and so all a trial may add to a unit), no key twice, "observed" 1 to
/// kMaxProveObservedLength characters without a control or invisible character. Then the plan is parsed by
/// Core::parseApplyRequest() (its refusals keep their exit code, ExitCode::Refused) and refused when it grants anything
/// root-equivalent: a capability Core::isRootEquivalentCapability() names, or any CheckedRequest::privilegedGrants (a
/// group such as disk or docker): the helper never proves a plan that is root in all but name.
/// Reads nothing of the system. Other refusals are ExitCode::Usage, one sentence naming the key.
Result<CheckedProveRequest> parseProveRequest(const QByteArray &json);

} // namespace Deroot::Core
