// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "ui/wizard/wizardsession.h"

#include <QPointer>

#include <QWizard>
#include <functional>

namespace Deroot::Core {
class HelperClient;
}

namespace Deroot::Ui {

class ApplyAuthority;
class AuditView;
class FinishPage;

/// Deroot's main window: the seven steps from "pick an agent" to an exported, validated plan.
///
/// A QWizard rather than a custom stepper: it brings Back/Next/Finish with the platform's
/// keyboard shortcuts and default buttons, per-page completeness (isComplete) to hold the flow at
/// a critical finding, accessible navigation, and the look each desktop expects, all maintained
/// upstream. What a stepper would add (jumping ahead) the flow must not allow: each step needs the
/// one before it.
class AgentWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentWizard)

public:
    enum PageId {
        AgentPageId,
        NeedsPageId,
        EnvironmentPageId,
        RecommendationPageId,
        AdjustPageId,
        PreviewPageId,
        FinishPageId
    };

    explicit AgentWizard(QWidget *parent = nullptr);
    /// With the helper's @p client and polkit's @p authority given (not owned), for tests.
    AgentWizard(Core::HelperClient *client, ApplyAuthority *authority, QWidget *parent = nullptr);
    ~AgentWizard() override;

    /// Cancel, Escape and closing the window: refused while the Finish page holds the wizard (an
    /// apply or rollback under way, or a confirmation pending), which then says why; and, when an
    /// agent was inspected and its plan neither exported nor applied as it is, only after the admin
    /// chose to discard it ("leaveMessageBox").
    void reject() override;
    /// Finish: asks the same before leaving a plan that was neither exported nor applied.
    void accept() override;
    /// Whether leaving now would lose work: an inspected agent whose plan, as it is now, was
    /// neither exported nor applied.
    bool leavingLosesWork() const;

    WizardSession *session() const { return m_session; }
    /// Back to the first step with @p target chosen and its inspection started (from the audit).
    void startWith(const AgentTarget &target);
    /// The audit of the whole machine, in its own window; its rows open the wizard on an agent.
    AuditView *showAudit();

private:
    /// Asks before leaving with unkept work; @p leave runs when the admin discards it (or at once).
    void leaveAfterAsking(const std::function<void()> &leave);
    /// Help (F1): what the current step is for, with About Deroot.
    void showHelp();
    void showAbout();
    void showHandbook();
    void showHandbookInWords();

    WizardSession *m_session;
    FinishPage *m_finish;
    QPointer<AuditView> m_audit;
};

} // namespace Deroot::Ui
