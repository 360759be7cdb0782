// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/generate/generator.h"
#include "core/inspect/report.h"
#include "core/observe/observation.h"
#include "core/plan/applyrequest.h"
#include "core/prove/prove.h"
#include "core/recommend/inputbuilder.h"
#include "core/recommend/recommender.h"
#include "core/validate/artifactvalidation.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <optional>

namespace Deroot::Ui {

/// What the admin chose to de-root: a program file, a running process or a systemd unit.
struct AgentTarget
{
    enum class Kind { File, Process, Unit };
    Kind kind = Kind::File;
    QByteArray path; ///< for File: raw bytes, names need not be UTF-8
    int pid = 0;     ///< for Process
    QString unit;    ///< for Unit
    /// The fleet host the agent was seen on (the audit view's fleet rows); empty for this machine.
    /// The wizard inspects this machine's copy and says the plan is for that host.
    QString fleetHost;

    /// For a process, its program's name (comm) once inspected: "prometheus-node".
    QString name;

    /// One line naming the target for people ("/usr/bin/fping", "process 812 (fping)",
    /// "chrony.service"), to go inside a sentence.
    QString display() const;
    /// The same at the start of a sentence or as a heading: "Process 812 (fping)".
    QString heading() const;
    /// The form kept in the recent-agents list ("file:/usr/bin/fping", "unit:chrony.service");
    /// empty for a process, whose PID means nothing after it exits.
    QString recentKey() const;
    static std::optional<AgentTarget> fromRecentKey(const QString &key);
};

/// What the preview shows next to an artifact: its validator's verdict and what it would change on disk.
struct ArtifactCheck
{
    Core::ArtifactValidation validation;
    bool validated = false;          ///< a validator ran on it (some artifacts have none)
    std::optional<QString> diskDiff; ///< unified diff against the file on disk; nullopt: no such file
};

/// The wizard's state, from the target to the exported plan. Every decision is core's: the session
/// calls the inspector, the recommender, the generators and the validators, runs the slow ones off
/// the GUI thread on its own pool, and throws away results that arrive for a superseded request.
class WizardSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WizardSession)

public:
    /// Runs the validators over a plan's artifacts: Core::validateArtifacts by default. Tests add a
    /// fake to see how the wizard shows a failure the real tools would report.
    using Validator = std::function<QList<Core::ArtifactValidation>(const QList<Core::Artifact> &artifacts,
                                                                    const QString &vendorUnit)>;

    explicit WizardSession(QObject *parent = nullptr);
    /// Waits for the work still running on the session's pool: nothing outlives the session.
    ~WizardSession() override;

    /// Starts inspecting @p target off the GUI thread; a running inspection is cancelled first.
    void inspect(const AgentTarget &target);
    /// Forgets the running inspection: its result is dropped when it arrives. The work itself
    /// cannot be interrupted in the middle of a read, so the pool's thread ends when it does.
    void cancelInspection();
    bool isInspecting() const { return m_inspecting; }
    /// The pool every background job of the session runs on (tests watch it empty out).
    QThreadPool *threadPool() { return &m_pool; }

    const AgentTarget &target() const { return m_target; }
    bool hasReport() const { return m_report.has_value(); }
    const Core::InspectionReport &report() const { return *m_report; }

    /// Adds what watching the agent run found (ObservationRounds::observation()) to the
    /// inspection's needs, as derootctl generate --observation does, and recommends again. The next
    /// step builds the plan again from them (needsChanged()). Its sandbox flags replace those of an
    /// earlier observation: "Prove it" tries them (derootctl prove --observation).
    void addObservation(const Core::Observation &observation);
    /// The sandbox settings the last observation flagged, as prove takes them.
    const QList<Core::SandboxCandidate> &sandboxCandidates() const { return m_sandboxCandidates; }
    /// How many observations were added to this inspection's needs.
    int observationsAdded() const { return m_observations; }
    /// The current plan was built before the needs last changed: the next step builds it again.
    bool needsChanged() const { return m_hasInput && m_inputObservations != m_observations; }

    const Core::Answers &answers() const { return m_answers; }
    void setAnswers(const Core::Answers &answers);

    /// How the admin wants the agent started ("Where it runs"); the plan's starting point follows
    /// it from the next setMethod() on, as derootctl generate's --start, --caller, --schedule and
    /// --new-unit do.
    const Core::StartChoice &startChoice() const { return m_start; }
    void setStartChoice(const Core::StartChoice &choice);
    /// The current plan was built from another start choice: the next step builds it again.
    bool startChoiceChanged() const { return m_hasInput && !(m_inputStart == m_start); }
    const Core::Recommendation &recommendation() const { return m_recommendation; }

    Core::Method method() const { return m_input.method; }
    bool hasInput() const { return m_hasInput; }
    /// Starts a plan for @p method from the inspection, as derootctl generate does, with the
    /// admin's adjustments to the previous method's plan carried over where the new method has the
    /// same setting (user, paths, devices, groups, ports, limits; capabilities between the
    /// capabilities and container methods): going back to change the method never silently
    /// drops them. Returns what was carried over, in words, for the Adjust step to say.
    QStringList setMethod(Core::Method method);
    /// What the last setMethod() carried over; empty when nothing was.
    const QStringList &carriedAdjustments() const { return m_carried; }
    const Core::GenerationInput &input() const { return m_input; }
    /// The admin's adjustments: regenerates the plan at once and validates it shortly after.
    void setInput(const Core::GenerationInput &input);

    bool hasPlan() const { return m_plan.has_value(); }
    const Core::GeneratedPlan &plan() const { return *m_plan; }
    /// Why the current input gives no plan (a bad user name, ...); empty when it does.
    QString planError() const { return m_planError; }

    void setValidator(Validator validator);
    bool isValidating() const { return m_validating || m_validationTimer.isActive(); }
    /// True when the checks below belong to the plan shown now.
    bool checksCurrent() const { return m_checksRevision == m_planRevision && hasPlan(); }
    /// Records that the plan as it is now was exported: leaving then loses nothing of it.
    void markExported() { m_exportedRevision = m_planRevision; }
    /// Whether the plan as it is now was exported (a change since makes it unexported again).
    bool exported() const { return hasPlan() && m_exportedRevision == m_planRevision; }
    ArtifactCheck check(const QString &artifactId) const { return m_checks.value(artifactId); }
    /// The first failed validation of the current plan, if any.
    std::optional<Core::ArtifactValidation> failedValidation() const;

    /// Exports the current plan and its plan.json into the folder (or, with @p archive, the
    /// .tar.gz file) @p destination, all or nothing, exactly as derootctl generate writes it. Needs
    /// current checks with no failure. @p replace replaces an existing folder or file as a whole.
    Core::Result<QStringList> exportPlan(const QString &destination, bool archive, bool replace) const;
    /// Exports the current plan as an Ansible role with its playbook into the folder @p destination
    /// (core/export/ansiblerole.h), exactly as derootctl generate --format ansible writes it;
    /// refused under the same conditions as exportPlan().
    Core::Result<QStringList> exportAnsibleRole(const QString &destination, bool replace) const;
    /// What an export would hold (plan.json and its files, byte for byte), in memory, for the
    /// helper; refused under the same conditions as exportPlan().
    Core::Result<Core::ApplyRequest> applyRequest() const;

Q_SIGNALS:
    void inspectionStarted();
    void inspectionFinished();
    void inspectionFailed(const QString &message);
    void inspectionCancelled();
    void recommendationChanged();
    void planChanged();
    void checksStarted();
    void checksChanged();

private:
    /// exportPlan() and exportAnsibleRole(): the checks, then the writer.
    Core::Result<QStringList> writeExportAs(const QString &destination, bool archive, bool ansibleRole,
                                            bool replace) const;
    /// What the Adjust page calls @p setting, in setMethod()'s list of carried settings.
    static QString adjustedSettingText(Core::AdjustedSetting setting);

    struct Checks
    {
        QList<Core::ArtifactValidation> validations;
        QHash<QString, std::optional<QString>> diffs;
    };

    void regenerate();
    void startChecks();

    QThreadPool m_pool;
    AgentTarget m_target;
    std::optional<Core::InspectionReport> m_report;
    QFutureWatcher<Core::Result<Core::InspectionReport>> *m_inspection = nullptr;
    bool m_inspecting = false;

    Core::Answers m_answers;
    Core::StartChoice m_start;
    Core::StartChoice m_inputStart; ///< what m_input was built from
    int m_observations = 0;
    QList<Core::SandboxCandidate> m_sandboxCandidates;
    int m_inputObservations = 0; ///< m_observations when m_input was built
    Core::Recommendation m_recommendation;
    Core::GenerationInput m_input;
    QStringList m_carried;
    Core::GenerationInput m_baseInput; ///< m_input's method as the inspection gave it, before the admin's changes
    bool m_hasInput = false;
    std::optional<Core::GeneratedPlan> m_plan;
    QString m_planError;
    quint64 m_planRevision = 0;
    quint64 m_exportedRevision = ~quint64(0); ///< the revision last exported; none at first

    Validator m_validator;
    QTimer m_validationTimer;
    QFutureWatcher<Checks> m_checksWatcher;
    bool m_validating = false;
    quint64 m_validatingRevision = 0;
    quint64 m_checksRevision = 0;
    QHash<QString, ArtifactCheck> m_checks;
    QList<Core::ArtifactValidation> m_validations;
};

} // namespace Deroot::Ui
