// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/wizardsession.h"

#include "core/base/text.h"
#include "core/export/ansiblerole.h"
#include "core/export/diskdiff.h"
#include "core/export/exportwriter.h"
#include "core/export/planexport.h"
#include "core/generate/inputvalidation.h"
#include "core/inspect/inspect.h"
#include "core/recommend/inputbuilder.h"

#include <QFile>
#include <QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

QString AgentTarget::display() const
{
    switch (kind) {
    case Kind::File:
        return Core::displayPath(path);
    case Kind::Process:
        return name.isEmpty() ? WizardSession::tr("process %1").arg(pid)
                              : WizardSession::tr("process %1 (%2)").arg(QString::number(pid), name);
    case Kind::Unit:
        return Core::oneLine(unit);
    }
    return {};
}

QString AgentTarget::heading() const
{
    switch (kind) {
    case Kind::Process:
        return name.isEmpty() ? WizardSession::tr("Process %1").arg(pid)
                              : WizardSession::tr("Process %1 (%2)").arg(QString::number(pid), name);
    case Kind::File:
    case Kind::Unit:
        break;
    }
    return display();
}

QString AgentTarget::recentKey() const
{
    switch (kind) {
    case Kind::File:
        return Core::isValidUtf8(path) ? u"file:"_s + QString::fromUtf8(path) : QString();
    case Kind::Unit:
        return u"unit:"_s + unit;
    case Kind::Process:
        break;
    }
    return {};
}

std::optional<AgentTarget> AgentTarget::fromRecentKey(const QString &key)
{
    AgentTarget target;
    if (key.startsWith(u"file:/")) {
        target.kind = Kind::File;
        target.path = key.mid(5).toUtf8();
        return target;
    }
    if (key.startsWith(u"unit:") && key.size() > 5) {
        target.kind = Kind::Unit;
        target.unit = key.mid(5);
        return target;
    }
    return std::nullopt;
}

WizardSession::WizardSession(QObject *parent)
    : QObject(parent)
    , m_validator([](const QList<Core::Artifact> &artifacts, const QString &vendorUnit) {
        return Core::validateArtifacts(artifacts, vendorUnit);
    })
{
    // One inspection and one validation at a time, plus the pickers' lists.
    m_pool.setMaxThreadCount(3);
    // Idle threads end at once: after a cancel, nothing of the session lingers.
    m_pool.setExpiryTimeout(0);
    // Validators start processes (visudo, systemd-analyze): wait until the admin pauses.
    m_validationTimer.setSingleShot(true);
    m_validationTimer.setInterval(250);
    connect(&m_validationTimer, &QTimer::timeout, this, &WizardSession::startChecks);
    connect(&m_checksWatcher, &QFutureWatcher<Checks>::finished, this, [this] {
        const Checks checks = m_checksWatcher.result();
        m_validating = false;
        if (m_validatingRevision == m_planRevision && m_plan) {
            m_checks.clear();
            m_validations = checks.validations;
            for (const Core::Artifact &artifact : std::as_const(m_plan->artifacts)) {
                ArtifactCheck check;
                check.diskDiff = checks.diffs.value(artifact.id);
                for (const Core::ArtifactValidation &validation : checks.validations) {
                    if (validation.artifactId == artifact.id) {
                        check.validation = validation;
                        check.validated = true;
                    }
                }
                m_checks.insert(artifact.id, check);
            }
            m_checksRevision = m_validatingRevision;
            Q_EMIT checksChanged();
        } else if (m_plan) {
            startChecks(); // the plan changed while the validators ran: check the new one
        }
    });
}

WizardSession::~WizardSession()
{
    cancelInspection();
    m_validationTimer.stop();
    m_checksWatcher.disconnect(this);
    m_pool.waitForDone();
}

void WizardSession::inspect(const AgentTarget &target)
{
    cancelInspection();
    m_target = target;
    m_start = {};
    m_answers.start.reset(); // a new agent starts from its own evidence
    m_report.reset();
    m_observations = 0;
    m_sandboxCandidates.clear();
    m_hasInput = false;
    m_carried.clear();
    m_plan.reset();
    m_inspecting = true;
    auto *watcher = new QFutureWatcher<Core::Result<Core::InspectionReport>>(this);
    m_inspection = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (m_inspection != watcher) {
            return; // cancelled meanwhile
        }
        m_inspection = nullptr;
        m_inspecting = false;
        const auto result = watcher->result();
        if (!result) {
            Q_EMIT inspectionFailed(result.error().message);
            return;
        }
        m_report = *result;
        // A process is named by its program too, not by a number alone.
        if (m_target.kind == AgentTarget::Kind::Process && m_report->process) {
            m_target.name = Core::oneLine(m_report->process->name);
        }
        m_recommendation = Core::recommend(*m_report, m_answers);
        Q_EMIT inspectionFinished();
        Q_EMIT recommendationChanged();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [target]() -> Core::Result<Core::InspectionReport> {
        switch (target.kind) {
        // A program or process whose agent has a unit is planned from that unit, as derootctl
        // generate does: every route into the wizard reaches the same plan for the same agent.
        case AgentTarget::Kind::File: {
            const auto report = Core::inspectFile(target.path);
            return report ? Core::withAgentUnit(*report) : report;
        }
        case AgentTarget::Kind::Process: {
            const auto report = Core::inspectProcess(target.pid);
            return report ? Core::withAgentUnit(*report) : report;
        }
        case AgentTarget::Kind::Unit:
            return Core::inspectUnit(target.unit);
        }
        return Core::Error{Core::ExitCode::Usage, {}};
    }));
    Q_EMIT inspectionStarted();
}

void WizardSession::cancelInspection()
{
    if (!m_inspection) {
        return;
    }
    // The watcher stays connected to its own deleteLater; its result is ignored.
    m_inspection = nullptr;
    m_inspecting = false;
    Q_EMIT inspectionCancelled();
}

void WizardSession::addObservation(const Core::Observation &observation)
{
    if (!m_report) {
        return;
    }
    m_report->needs.merge(observation.needs);
    m_sandboxCandidates.clear();
    for (const Core::SandboxFlag &flag : observation.sandbox) {
        m_sandboxCandidates.append({flag.key, flag.value, flag.evidence});
    }
    ++m_observations;
    m_recommendation = Core::recommend(*m_report, m_answers);
    Q_EMIT recommendationChanged();
}

void WizardSession::setAnswers(const Core::Answers &answers)
{
    m_answers = answers;
    if (m_report) {
        m_recommendation = Core::recommend(*m_report, m_answers);
        Q_EMIT recommendationChanged();
    }
}

void WizardSession::setStartChoice(const Core::StartChoice &choice)
{
    m_start = choice;
}

QString WizardSession::adjustedSettingText(Core::AdjustedSetting setting)
{
    switch (setting) {
    case Core::AdjustedSetting::ServiceUser:
        return tr("the service user");
    case Core::AdjustedSetting::ReadPaths:
        return tr("the paths it reads");
    case Core::AdjustedSetting::WritePaths:
        return tr("the paths it writes");
    case Core::AdjustedSetting::Devices:
        return tr("the devices");
    case Core::AdjustedSetting::Groups:
        return tr("the groups");
    case Core::AdjustedSetting::Ports:
        return tr("the ports");
    case Core::AdjustedSetting::Arguments:
        return tr("the command line");
    case Core::AdjustedSetting::Environment:
        return tr("the environment");
    case Core::AdjustedSetting::EnvironmentFiles:
        return tr("the environment files");
    case Core::AdjustedSetting::Capabilities:
        return tr("the capabilities");
    case Core::AdjustedSetting::Limits:
        return tr("the resource limits");
    }
    return {};
}

QStringList WizardSession::setMethod(Core::Method method)
{
    if (!m_report) {
        return {};
    }
    // The same starting point as `derootctl generate --method M --systemd yes|no --start ...`.
    Core::StartChoice start = m_start;
    start.systemd = m_answers.systemd;
    Core::GenerationInput input = Core::buildGenerationInput(*m_report, method, start);
    m_inputStart = m_start;
    m_inputObservations = m_observations;
    const Core::GenerationInput base = input;
    QStringList carried;
    if (m_hasInput) {
        // Each setting the admin changed from the old method's starting point, where the new method
        // has it too: the same as repeating that option of derootctl generate.
        for (const Core::AdjustedSetting setting : Core::carryAdjustments(m_input, m_baseInput, input)) {
            carried.append(adjustedSettingText(setting));
        }
    }
    m_baseInput = base;
    m_carried = carried;
    setInput(input);
    return carried;
}

void WizardSession::setInput(const Core::GenerationInput &input)
{
    m_input = input;
    m_hasInput = true;
    regenerate();
}

void WizardSession::regenerate()
{
    ++m_planRevision;
    auto plan = Core::generatePlan(m_input);
    if (plan) {
        // Generation is pure; what only this machine can tell (a sudo command that someone other
        // than root can replace) is checked here, as derootctl generate does.
        if (const auto problem = Core::checkInputOnSystem(m_input)) {
            plan = *problem;
        }
    }
    if (plan) {
        m_plan = *plan;
        m_planError.clear();
        m_validationTimer.start();
        Q_EMIT checksStarted();
    } else {
        m_plan.reset();
        m_planError = plan.error().message;
        m_validationTimer.stop();
    }
    Q_EMIT planChanged();
}

void WizardSession::setValidator(Validator validator)
{
    m_validator = std::move(validator);
    if (m_plan) {
        ++m_planRevision;
        m_validationTimer.start();
        Q_EMIT checksStarted();
    }
}

void WizardSession::startChecks()
{
    if (!m_plan || !m_report) {
        return;
    }
    if (m_validating) {
        return; // the finished handler starts the next round
    }
    m_validating = true;
    m_validatingRevision = m_planRevision;
    const QList<Core::Artifact> artifacts = m_plan->artifacts;
    const QString vendorUnit = Core::vendorUnitOf(*m_report);
    const Validator validator = m_validator;
    m_checksWatcher.setFuture(QtConcurrent::run(&m_pool, [artifacts, vendorUnit, validator] {
        Checks checks;
        checks.validations = validator(artifacts, vendorUnit);
        for (const Core::Artifact &artifact : artifacts) {
            checks.diffs.insert(artifact.id, artifact.isCommand
                                                 ? std::nullopt
                                                 : Core::diffAgainstDisk(artifact.targetPath, artifact.content));
        }
        return checks;
    }));
}

std::optional<Core::ArtifactValidation> WizardSession::failedValidation() const
{
    if (const Core::ArtifactValidation *failure = Core::firstFailure(m_validations); failure && checksCurrent()) {
        return *failure;
    }
    return std::nullopt;
}

Core::Result<QStringList> WizardSession::writeExportAs(const QString &destination, bool archive, bool ansibleRole,
                                                       bool replace) const
{
    if (!m_report || !m_plan) {
        return Core::Error{Core::ExitCode::Failure, tr("There is no plan to export yet.")};
    }
    if (!checksCurrent()) {
        return Core::Error{Core::ExitCode::Failure, tr("The validators are still checking the plan.")};
    }
    if (const auto failure = failedValidation()) {
        return Core::Error{Core::ExitCode::Failure,
                           tr("The generated %1 fails its validator (%2): nothing was written.")
                               .arg(failure->artifactId, Core::oneLine(failure->result.summary))};
    }
    if (destination.trimmed().isEmpty()) {
        return Core::Error{Core::ExitCode::Usage, tr("Choose where to export the plan.")};
    }
    const QJsonObject manifest = Core::completeManifest(*m_plan, m_validations, *m_report);
    if (ansibleRole) {
        return Core::writeAnsibleRole(destination, m_plan->artifacts, manifest, replace);
    }
    if (archive) {
        return Core::writeExportArchive(destination, m_plan->artifacts, manifest, replace);
    }
    return Core::writeExport(destination, m_plan->artifacts, manifest, replace);
}

Core::Result<QStringList> WizardSession::exportPlan(const QString &destination, bool archive, bool replace) const
{
    return writeExportAs(destination, archive, false, replace);
}

Core::Result<QStringList> WizardSession::exportAnsibleRole(const QString &destination, bool replace) const
{
    return writeExportAs(destination, false, true, replace);
}

Core::Result<Core::ApplyRequest> WizardSession::applyRequest() const
{
    if (!m_report || !m_plan) {
        return Core::Error{Core::ExitCode::Failure, tr("There is no plan to apply yet.")};
    }
    if (!checksCurrent()) {
        return Core::Error{Core::ExitCode::Failure, tr("The validators are still checking the plan.")};
    }
    if (const auto failure = failedValidation()) {
        return Core::Error{Core::ExitCode::Failure,
                           tr("The generated %1 fails its validator (%2): nothing was applied.")
                               .arg(failure->artifactId, Core::oneLine(failure->result.summary))};
    }
    // The manifest an export of the same plan would write, so the helper gets those very bytes.
    return Core::exportApplyRequest(m_plan->artifacts, Core::completeManifest(*m_plan, m_validations, *m_report));
}

} // namespace Deroot::Ui
