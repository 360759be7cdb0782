// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/plan/applyrequest.h"
#include "ui/wizard/applycontroller.h"
#include "ui/wizard/applypanel.h"
#include "ui/wizard/provedialog.h"
#include "ui/wizard/wizardsession.h"

#include <QWizardPage>

#include <optional>

class QLabel;
class QPushButton;
class QScrollArea;

namespace Deroot::Core {
class HelperClient;
} // namespace Deroot::Core

namespace Deroot::Ui {

class ApplyAuthority;
class ExportPanel;
class OutcomePanel;

/// Step 7: export the plan (a folder or a .tar.gz, with plan.json, all or nothing), copy a file to
/// the clipboard, prove it ("Prove it", ProveDialog: the agent run as the plan says, without each
/// capability in turn) or apply it to this system through Deroot's privileged helper.
///
/// Apply sends the helper exactly what an export would hold (WizardSession::applyRequest()). Before
/// the click those bytes go through the parse the helper runs first: a plan it would refuse
/// disables the button and says why. Otherwise the button shows polkit's answer for this process,
/// without interaction: allowed, needs authentication (a lock icon) or forbidden (disabled, with
/// the reason), checked again when polkit's configuration changes; with no helper installed it
/// stays disabled and points to export and derootctl. A confirmation names what the plan grants
/// (program, unit, user, groups, capabilities, sudo commands, root-equivalent grants called out),
/// its steps, areas and SHA-256 (what polkit's prompt names); then each step's outcome shows live,
/// and the outcome with the running agent's check. Undo rolls the apply back; "confirm within" rolls it back by itself
/// unless the admin keeps it in time (on by default for plans that touch sudoers). While an apply or rollback is under
/// way or a confirmation is pending, the wizard cannot be left (holdsNavigation()).
///
/// The page assembles three panels and wires them to the session and the ApplyController, which
/// holds the apply's logic: ExportPanel (export, copy a file), ApplyPanel (the button, polkit's
/// answer, "confirm within") and OutcomePanel (what the helper did, Keep, Undo). The confirmation
/// before an apply is the page's own.
class FinishPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FinishPage)

public:
    /// The helper on the system bus and polkit for this process.
    FinishPage(WizardSession *session, QWidget *parent = nullptr);
    /// With @p client and @p authority (the page does not own them), for tests.
    FinishPage(WizardSession *session, Core::HelperClient *client, ApplyAuthority *authority,
               QWidget *parent = nullptr);
    ~FinishPage() override;

    void initializePage() override;
    bool isComplete() const override;
    /// Exports to the destination the page shows; true when it was written.
    bool exportPlan();

    /// True while leaving would leave a half-known state unsaid: an apply or rollback is under
    /// way, or an apply waits for its confirmation. The page then says why (explainHold()).
    bool holdsNavigation() const;
    /// Whether the plan as it is now is applied to this system (and not undone).
    bool planApplied() const;
    void explainHold();

    /// How "Prove it" runs the trials: systemProveRunner() unless a test sets another.
    void setProveRunner(ProveRunner runner) { m_proveRunner = std::move(runner); }
    /// Opens "Prove it" (the button does).
    void proveIt();

    /// How long "confirm within" waits by default.
    static constexpr int kDefaultConfirmSeconds = ApplyPanel::kDefaultConfirmSeconds;

Q_SIGNALS:
    void navigationHeldChanged(bool held);

private:
    void updateState();
    void startApply();
    void confirmApply();
    void onPhaseChanged(ApplyController::Phase previous);
    void bringMessageIntoView();

    WizardSession *m_session;
    /// The apply's logic and state: the helper, polkit's answer for the button, the phases.
    ApplyController *m_controller = nullptr;
    std::optional<Core::CheckedRequest> m_confirming;
    std::optional<Core::ApplyRequest> m_request;

    QLabel *m_summary;
    QLabel *m_proveLabel = nullptr;
    QPushButton *m_proveButton = nullptr;
    ProveRunner m_proveRunner;
    ExportPanel *m_exportPanel = nullptr;
    ApplyPanel *m_applyPanel = nullptr;
    OutcomePanel *m_outcomePanel = nullptr;
    QScrollArea *m_scroll = nullptr;
};

} // namespace Deroot::Ui
