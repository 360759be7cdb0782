// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/applycontroller.h"

#include "core/base/text.h"
#include "core/client/helperclient.h"
#include "ui/wizard/applyauthority.h"

#include <QDBusConnection>

#include <memory>
#include <utility>

namespace Deroot::Ui {

ApplyController::ApplyController(Core::HelperClient *client, ApplyAuthority *authority, RequestSource source,
                                 QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_authority(authority)
    , m_source(std::move(source))
{
    if (!m_client) {
        m_client = new Core::HelperClient(QDBusConnection::systemBus(), this);
    }
    connect(m_client, &Core::HelperClient::progress, this, &ApplyController::onProgress);
    connect(m_client, &Core::HelperClient::rolledBack, this, &ApplyController::onRolledBack);
    if (m_authority) {
        connect(m_authority, &ApplyAuthority::changed, this, &ApplyController::refreshPermission);
    }
}

ApplyController::~ApplyController() = default;

QString ApplyController::authorityProblem() const
{
    return m_authority ? m_authority->problem() : QString();
}

void ApplyController::checkHelper()
{
    m_helper = HelperState::Checking;
    ++m_permissionRevision;
    m_permission.reset();
    const std::optional<Core::CheckedRequest> plan = checkRequest();
    m_privileged = plan && !plan->privilegedGrants.isEmpty();
    Q_EMIT stateChanged();
    m_client->installed([controller = QPointer<ApplyController>(this)](bool installed) {
        if (!controller) {
            return;
        }
        controller->m_helper = installed ? HelperState::Installed : HelperState::Missing;
        if (installed && !controller->m_authority) {
            controller->m_authority = new PolkitApplyAuthority(controller);
            connect(controller->m_authority, &ApplyAuthority::changed, controller, &ApplyController::refreshPermission);
        }
        controller->refreshPermission();
    });
}

std::optional<Core::CheckedRequest> ApplyController::checkRequest()
{
    m_refusal.clear();
    const std::optional<Core::Result<Core::ApplyRequest>> request = m_source ? m_source() : std::nullopt;
    // A plan still being validated, or failing a validator, has no request yet: the page says why,
    // and the request is checked again when the checks change.
    if (!request) {
        return std::nullopt;
    }
    // The exact bytes Apply would send, through the parse the helper runs before anything else: a
    // plan it refuses must say why here, not leave the button waiting on polkit.
    if (!*request) {
        m_refusal = tr("This plan cannot be sent to the helper: %1").arg(Core::oneLine(request->error().message));
        return std::nullopt;
    }
    auto plan = Core::parseApplyRequest(**request);
    if (!plan) {
        m_refusal = tr("Deroot's helper would refuse this plan, so it cannot be applied from here: %1")
                        .arg(Core::oneLine(plan.error().message));
        return std::nullopt;
    }
    return std::move(*plan);
}

void ApplyController::refreshPermission()
{
    const int revision = ++m_permissionRevision;
    m_permission.reset();
    // The areas and the grants come from the same parse the helper runs first.
    const std::optional<Core::CheckedRequest> plan = checkRequest();
    m_privileged = plan && !plan->privilegedGrants.isEmpty();
    if (m_helper != HelperState::Installed || !m_authority || !plan) {
        Q_EMIT stateChanged();
        return;
    }
    // The helper's own question and decision table, played on answers without interaction: the
    // step where the helper would prompt is the password the button announces.
    const Core::PolkitQuestion question = Core::applyQuestion(*plan, true, m_authority->callerIsRoot());
    QStringList actions = question.areaActions;
    actions << question.approvalAction;
    if (!question.privilegedAction.isEmpty()) {
        actions << question.privilegedAction;
    }
    auto answers = std::make_shared<QList<std::pair<QString, Core::PolkitAnswer>>>();
    auto remaining = std::make_shared<qsizetype>(actions.size());
    const QPointer<ApplyController> controller(this);
    const auto finishOne = [controller, revision, answers, remaining, question] {
        if (--*remaining > 0 || !controller || revision != controller->m_permissionRevision) {
            return;
        }
        controller->m_permission = Core::predictApplyPermission(question, *answers);
        Q_EMIT controller->stateChanged();
    };
    Q_EMIT stateChanged();
    for (const QString &action : std::as_const(actions)) {
        m_authority->check(action, [answers, action, finishOne](Core::PolkitAnswer answer) {
            answers->append({action, answer});
            finishOne();
        });
    }
}

void ApplyController::setPhase(Phase phase)
{
    const Phase previous = std::exchange(m_phase, phase);
    Q_EMIT phaseChanged(previous);
}

bool ApplyController::apply(const Core::ApplyRequest &request, uint confirmWithinSeconds)
{
    if (m_phase != Phase::Idle) {
        return false;
    }
    m_progressId.clear();
    m_applied = false;
    m_applyId.clear();
    m_sending = request.planJson;
    setPhase(Phase::Applying);
    const QPointer<ApplyController> controller(this);
    m_client->apply(request, confirmWithinSeconds, [controller](const Core::Result<Core::ApplyOutcome> &outcome) {
        if (!controller) {
            return;
        }
        if (!outcome) {
            controller->setPhase(Phase::Idle);
            Q_EMIT controller->applyFailed(outcome.error());
            return;
        }
        controller->m_applyId = outcome->applyId;
        controller->m_applied = outcome->inPlace();
        controller->m_appliedPlan = controller->m_applied ? controller->m_sending : QByteArray();
        controller->m_deadline = controller->m_applied ? outcome->confirmBy : QDateTime();
        Q_EMIT controller->applyFinished(*outcome);
        controller->setPhase(controller->m_deadline.isValid() ? Phase::Pending : Phase::Idle);
    });
    return true;
}

void ApplyController::keep()
{
    if (m_phase != Phase::Pending) {
        return;
    }
    const QPointer<ApplyController> controller(this);
    m_client->confirm(m_applyId, [controller](const Core::Result<QJsonObject> &confirmed) {
        if (!controller) {
            return;
        }
        if (!confirmed) {
            // Too late (rolled back already) or not ours: the rolledBack signal may follow.
            Q_EMIT controller->keepFailed(confirmed.error());
            if (confirmed.error().code == Core::ExitCode::NotFound) {
                controller->setPhase(Phase::Idle);
            }
            return;
        }
        controller->setPhase(Phase::Idle);
        Q_EMIT controller->kept();
    });
}

bool ApplyController::rollback()
{
    if (m_applyId.isEmpty() || (m_phase != Phase::Idle && m_phase != Phase::Pending)) {
        return false;
    }
    setPhase(Phase::RollingBack);
    const QPointer<ApplyController> controller(this);
    m_client->rollback(m_applyId, [controller](const Core::Result<QJsonObject> &outcome) {
        if (!controller) {
            return;
        }
        if (!outcome) {
            // A confirmation that was pending stays pending: the deadline still applies.
            const bool stillPending = controller->m_deadline.isValid() &&
                                      QDateTime::currentDateTimeUtc() < controller->m_deadline && controller->m_applied;
            controller->setPhase(stillPending && outcome.error().code != Core::ExitCode::NotFound ? Phase::Pending
                                                                                                  : Phase::Idle);
            Q_EMIT controller->rollbackFailed(outcome.error());
            return;
        }
        controller->m_applied = false;
        controller->m_deadline = QDateTime();
        Q_EMIT controller->rollbackFinished();
        controller->setPhase(Phase::Idle);
    });
    return true;
}

void ApplyController::onProgress(const Core::StepProgress &step)
{
    if (m_phase != Phase::Applying && m_phase != Phase::RollingBack) {
        return;
    }
    // The helper runs one apply or rollback at a time, and names the id only in its reply: the
    // steps of this call are those of the first id seen while it is in flight (for a rollback, its
    // own id).
    if (m_phase == Phase::RollingBack ? step.applyId != m_applyId
                                      : (!m_progressId.isEmpty() && step.applyId != m_progressId)) {
        return;
    }
    m_progressId = step.applyId;
    Q_EMIT stepReported(step);
}

void ApplyController::onRolledBack(const QString &applyId, const QString &reason)
{
    if (applyId != m_applyId || !m_applied) {
        return;
    }
    m_applied = false;
    setPhase(Phase::Idle);
    Q_EMIT expired(applyId, reason);
}

} // namespace Deroot::Ui
