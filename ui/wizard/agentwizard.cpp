// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/agentwizard.h"

#include "ui/audit/auditview.h"
#include "ui/wizard/adjustpage.h"
#include "ui/wizard/agentpage.h"
#include "ui/wizard/environmentpage.h"
#include "ui/wizard/finishpage.h"
#include "ui/wizard/needspage.h"
#include "ui/wizard/previewpage.h"
#include "ui/wizard/recommendationpage.h"

#include <QAbstractButton>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

AgentWizard::AgentWizard(QWidget *parent)
    : AgentWizard(nullptr, nullptr, parent)
{}

AgentWizard::AgentWizard(Core::HelperClient *client, ApplyAuthority *authority, QWidget *parent)
    : QWizard(parent)
    , m_session(new WizardSession(this))
    , m_finish(client ? new FinishPage(m_session, client, authority, this) : new FinishPage(m_session, this))
{
    setObjectName(u"agentWizard"_s);
    setWindowTitle(tr("Deroot"));
    // The classic style keeps the title in the page and leaves the most room for content: the
    // preview must fit a 1024x700 window at twice the scale.
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveCustomButton1);
    setButtonText(QWizard::CustomButton1, tr("&Audit this machine…"));
    button(QWizard::CustomButton1)->setObjectName(u"auditPushButton"_s);
    button(QWizard::CustomButton1)
        ->setToolTip(tr("List the agents that run as root here and the programs that hand "
                        "out root; open any of them in the wizard"));
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1) {
            showAudit();
        }
    });
    connect(this, &QWizard::currentIdChanged, this,
            [this](int id) { button(QWizard::CustomButton1)->setVisible(id == AgentPageId); });

    setPage(AgentPageId, new AgentPage(m_session, this));
    setPage(NeedsPageId, new NeedsPage(m_session, this));
    setPage(EnvironmentPageId, new EnvironmentPage(m_session, this));
    setPage(RecommendationPageId, new RecommendationPage(m_session, this));
    setPage(AdjustPageId, new AdjustPage(m_session, this));
    setPage(PreviewPageId, new PreviewPage(m_session, this));
    setPage(FinishPageId, m_finish);
    for (const WizardButton which : {BackButton, NextButton, FinishButton, CancelButton}) {
        button(which)->setAccessibleName(buttonText(which).remove(u'&'));
    }
    button(BackButton)->setObjectName(u"backPushButton"_s);
    button(NextButton)->setObjectName(u"nextPushButton"_s);
    button(FinishButton)->setObjectName(u"finishPushButton"_s);
    button(CancelButton)->setObjectName(u"cancelPushButton"_s);
    resize(1000, 680);
}

AgentWizard::~AgentWizard() = default;

bool AgentWizard::leavingLosesWork() const
{
    return m_session->hasReport() && !m_session->exported() && !m_finish->planApplied();
}

void AgentWizard::leaveAfterAsking(const std::function<void()> &leave)
{
    if (!leavingLosesWork()) {
        leave();
        return;
    }
    if (findChild<QMessageBox *>(u"leaveMessageBox"_s) != nullptr) {
        return; // already asking
    }
    const QString agent = m_session->target().display();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Discard this plan?"),
                                m_session->hasPlan()
                                    ? tr("The plan for %1 was neither exported nor applied. If you leave now, the "
                                         "inspection and your choices are lost.")
                                          .arg(agent)
                                    : tr("%1 was inspected, but no plan was exported or applied. If you leave now, "
                                         "the inspection and your choices are lost.")
                                          .arg(agent),
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(u"leaveMessageBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Discard)->setText(tr("&Discard and leave"));
    box->button(QMessageBox::Cancel)->setText(tr("&Stay"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [box, leave](int) {
        if (box->clickedButton() == box->button(QMessageBox::Discard)) {
            leave();
        }
    });
    box->open();
}

void AgentWizard::reject()
{
    if (m_finish->holdsNavigation()) {
        m_finish->explainHold();
        return;
    }
    leaveAfterAsking([this] { QWizard::reject(); });
}

void AgentWizard::accept()
{
    leaveAfterAsking([this] { QWizard::accept(); });
}

void AgentWizard::startWith(const AgentTarget &target)
{
    if (m_finish->holdsNavigation()) {
        m_finish->explainHold();
        raise();
        activateWindow();
        return;
    }
    restart();
    if (auto *agent = qobject_cast<AgentPage *>(page(AgentPageId))) {
        agent->choose(target);
    }
    raise();
    activateWindow();
}

AuditView *AgentWizard::showAudit()
{
    if (!m_audit) {
        m_audit = new AuditView(m_session->threadPool(), this);
        connect(m_audit, &AuditView::agentChosen, this, &AgentWizard::startWith);
    }
    m_audit->show();
    m_audit->raise();
    m_audit->activateWindow();
    return m_audit;
}

} // namespace Deroot::Ui
