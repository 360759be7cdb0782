// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/plan/applyoutcome.h"
#include "core/plan/applyrequest.h"
#include "core/plan/polkitdecision.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace Deroot::Core {
class HelperClient;
} // namespace Deroot::Core

namespace Deroot::Ui {

class ApplyAuthority;

/// The Finish page's Apply, without widgets: whether the helper is installed, what polkit would
/// answer the Apply button (Core::ApplyPermission), why the helper would refuse the plan, and the
/// apply's phases (applying, awaiting confirmation, rolling back) with the calls to the helper
/// that move between them. The page words and shows what this reports; tests drive it directly.
class ApplyController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApplyController)

public:
    enum class Phase { Idle, Applying, Pending, RollingBack };
    Q_ENUM(Phase)
    enum class HelperState { Checking, Missing, Installed };
    Q_ENUM(HelperState)

    /// The request Apply would send now: nullopt while there is no current, valid plan (the page
    /// says why), an error when the plan cannot be made into a request.
    using RequestSource = std::function<std::optional<Core::Result<Core::ApplyRequest>>()>;

    /// @p client and @p authority are not owned. Without @p authority, polkit for this process is
    /// asked once the helper is found (with no helper there is nothing to ask it about).
    ApplyController(Core::HelperClient *client, ApplyAuthority *authority, RequestSource source,
                    QObject *parent = nullptr);
    ~ApplyController() override;

    /// Looks for the helper anew (it may have been installed or removed), then refreshPermission().
    void checkHelper();
    /// Parses the request as the helper does first, then asks polkit, without interaction, about
    /// every action the helper's decision would check. A request that does not parse is refused at
    /// once, with the parse's reason (refusal()), and polkit is not asked.
    void refreshPermission();

    HelperState helper() const { return m_helper; }
    /// What polkit would answer the Apply button; nullopt while it is being asked (or cannot be).
    const std::optional<Core::ApplyPermission> &permission() const { return m_permission; }
    /// Why the helper would refuse the current request, one sentence; empty if it would not.
    const QString &refusal() const { return m_refusal; }
    /// Why polkit cannot be asked here at all (Deroot's plugin is missing), or empty.
    QString authorityProblem() const;
    /// The current request has root-equivalent grants.
    bool privileged() const { return m_privileged; }

    Phase phase() const { return m_phase; }
    /// A call is under way or a confirmation is awaited: leaving would leave a half-known state unsaid.
    bool holdsNavigation() const { return m_phase != Phase::Idle; }
    /// The last apply's id, once the helper named it.
    const QString &applyId() const { return m_applyId; }
    /// applyId()'s changes are in place (not rolled back).
    bool applied() const { return m_applied; }
    /// @p planJson is the plan that is applied now: applying it again would stack a second record
    /// on the first, whose undo returns to the state after the first.
    bool inPlace(const QByteArray &planJson) const { return m_applied && planJson == m_appliedPlan; }
    /// While Pending: the helper's deadline for the confirmation.
    const QDateTime &deadline() const { return m_deadline; }

    /// Sends @p request with a confirmation window of @p confirmWithinSeconds (0: none). False,
    /// and nothing is sent, unless Idle.
    bool apply(const Core::ApplyRequest &request, uint confirmWithinSeconds);
    /// Confirms the pending apply; only while Pending.
    void keep();
    /// Rolls applyId() back. False, and nothing is sent, without an apply or while a call is under way.
    bool rollback();

Q_SIGNALS:
    /// helper(), permission(), refusal() or privileged() changed.
    void stateChanged();
    void phaseChanged(Deroot::Ui::ApplyController::Phase previous);
    /// A step of the call in flight, live; another client's steps are left out.
    void stepReported(const Deroot::Core::StepProgress &step);
    /// The helper answered the apply; phase() follows (Pending or Idle) right after.
    void applyFinished(const Deroot::Core::ApplyOutcome &outcome);
    /// The apply call failed: nothing of it ran. Phase is Idle again.
    void applyFailed(const Deroot::Core::Error &error);
    void kept();
    void keepFailed(const Deroot::Core::Error &error);
    void rollbackFinished();
    /// The rollback failed; a confirmation that was pending stays pending.
    void rollbackFailed(const Deroot::Core::Error &error);
    /// The helper rolled the pending apply back at its deadline.
    void expired(const QString &applyId, const QString &reason);

private:
    /// The request's parse, or nullopt with m_refusal set when it has none.
    std::optional<Core::CheckedRequest> checkRequest();
    void setPhase(Phase phase);
    void onProgress(const Core::StepProgress &step);
    void onRolledBack(const QString &applyId, const QString &reason);

    QPointer<Core::HelperClient> m_client;
    QPointer<ApplyAuthority> m_authority;
    RequestSource m_source;
    HelperState m_helper = HelperState::Checking;
    std::optional<Core::ApplyPermission> m_permission;
    QString m_refusal;
    bool m_privileged = false;
    int m_permissionRevision = 0; ///< a polkit answer for an older revision is dropped
    Phase m_phase = Phase::Idle;
    QString m_applyId;
    QString m_progressId; ///< the id the progress of the call in flight carries
    bool m_applied = false;
    QByteArray m_appliedPlan; ///< the plan.json of m_applyId, while m_applied
    QByteArray m_sending;     ///< the plan.json of the apply in flight
    QDateTime m_deadline;
};

} // namespace Deroot::Ui
