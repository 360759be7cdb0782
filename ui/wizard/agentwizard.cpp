// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/agentwizard.h"

#include "ui/audit/auditview.h"
#include "ui/widgets/wheelguard.h"
#include "ui/wizard/adjustpage.h"
#include "ui/wizard/agentpage.h"
#include "ui/wizard/environmentpage.h"
#include "ui/wizard/finishpage.h"
#include "ui/wizard/needspage.h"
#include "ui/wizard/previewpage.h"
#include "ui/wizard/recommendationpage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>
#include <QStandardPaths>

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
    // Made before the pages, so that it takes its place among the buttons in the Tab order.
    setOption(QWizard::HaveHelpButton);
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
    // Every page's spin and combo boxes (the Finish page's export format among them) change with
    // the wheel only when focused; an unfocused one lets the page scroll.
    WheelGuard::install(this);
    // Where am I: every title says which step of how many it is.
    const QList<int> ids = pageIds();
    for (int i = 0; i < ids.size(); ++i) {
        QWizardPage *step = page(ids.at(i));
        step->setTitle(tr("Step %1 of %2: %3").arg(i + 1).arg(ids.size()).arg(step->title()));
    }
    // Help, as a button and with F1 from anywhere in the window.
    button(HelpButton)->setObjectName(u"helpPushButton"_s);
    button(HelpButton)->setToolTip(tr("What this step is for (F1)"));
    connect(this, &QWizard::helpRequested, this, &AgentWizard::showHelp);
    auto *helpKey = new QShortcut(QKeySequence::HelpContents, this);
    connect(helpKey, &QShortcut::activated, this, &AgentWizard::showHelp);
    for (const WizardButton which : {BackButton, NextButton, FinishButton, CancelButton, HelpButton}) {
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

void AgentWizard::showHelp()
{
    QString text;
    switch (currentId()) {
    case AgentPageId:
        text = tr("Pick the agent to run without root: its program file, a running process or a systemd service. "
                  "Deroot reads the program (what it is built from, its file capabilities, its package) and, for a "
                  "process or a service, how it runs now: its user, its capabilities, its open ports.");
        break;
    case NeedsPageId:
        text = tr("What the agent needs that an ordinary user lacks, each with the evidence for it. “Watch it "
                  "run” records what it really uses while it works, which is surer than reading the program.");
        break;
    case EnvironmentPageId:
        text = tr("Where the agent runs and whose code it is. The answers decide which way of running it without "
                  "root fits: a container suits an untrusted agent in a cluster, a hardened service a server.");
        break;
    case RecommendationPageId:
        text = tr("The three ways to run the agent without root, best first for this agent: a service user with "
                  "narrow sudo rules, Linux capabilities with a hardened systemd unit, or a hardened container. "
                  "Each reason says why it fits or does not.");
        break;
    case AdjustPageId:
        text = tr("Fine-tune the plan: the user it runs as, its capabilities, the paths it reads and writes, its "
                  "devices and its limits. Every change is checked at once.");
        break;
    case PreviewPageId:
        text = tr("Every file the plan would write, as it would be written, checked by the real validators (visudo, "
                  "systemd-analyze, ...). Nothing on this machine has changed yet.");
        break;
    default:
        text = tr("Export the plan's files, with APPLY.txt, the steps to apply them by hand or on another machine; or "
                  "apply them here: Deroot asks for your password, applies every step or none, and can undo it.");
        break;
    }
    auto *box = new QMessageBox(QMessageBox::Information, tr("Help: %1").arg(currentPage()->title()), text,
                                QMessageBox::Close, this);
    box->setObjectName(u"helpMessageBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // The installed documentation: deroot(1), through the desktop's manual viewer (KDE's help
    // centre and GNOME's Yelp both open man: links).
    QPushButton *handbook = box->addButton(tr("&Handbook"), QMessageBox::ActionRole);
    handbook->setObjectName(u"handbookPushButton"_s);
    handbook->setToolTip(tr("The manual page deroot(1): every step, its choices and where the files go"));
    connect(handbook, &QPushButton::clicked, this, &AgentWizard::showHandbook);
    QPushButton *about = box->addButton(tr("&About Deroot"), QMessageBox::ActionRole);
    about->setObjectName(u"aboutPushButton"_s);
    connect(about, &QPushButton::clicked, this, &AgentWizard::showAbout);
    // Enter closes the help, as it closes any message; About and the handbook are a choice.
    box->setDefaultButton(QMessageBox::Close);
    box->open();
}

void AgentWizard::showHandbook()
{
    // xdg-open itself, not QDesktopServices: that reports success as soon as xdg-open starts, and
    // on a desktop with no manual viewer xdg-open then fails on its own ("no method available"),
    // so the button would do nothing visible. Its exit code says whether a viewer took the link.
    const QString opener = QStandardPaths::findExecutable(u"xdg-open"_s);
    if (opener.isEmpty()) {
        showHandbookInWords();
        return;
    }
    auto *process = new QProcess(this);
    process->setObjectName(u"handbookOpener"_s);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(process, &QProcess::finished, this, [this, process](int code, QProcess::ExitStatus status) {
        process->deleteLater();
        if (status != QProcess::NormalExit || code != 0) {
            showHandbookInWords();
        }
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            process->deleteLater();
            showHandbookInWords();
        }
    });
    process->start(opener, {u"man:deroot(1)"_s});
}

void AgentWizard::showHandbookInWords()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("Handbook"),
                                tr("No program here shows manual pages on the desktop. The handbook is the manual "
                                   "page deroot(1): in a terminal, type: man deroot"),
                                QMessageBox::Close, this);
    box->setObjectName(u"handbookMessageBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void AgentWizard::showAbout()
{
    auto *box = new QMessageBox(
        QMessageBox::NoIcon, tr("About Deroot"),
        tr("<p><b>Deroot %1</b></p><p>Helps you run monitoring and infrastructure agents without root: it finds "
           "what an agent really needs, recommends a way to grant only that, and writes, checks, applies and undoes "
           "the plan.</p><p>Free software under the GNU General Public License, version 3 or later.</p>")
            .arg(QApplication::applicationVersion().toHtmlEscaped()),
        QMessageBox::Close, this);
    box->setObjectName(u"aboutMessageBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIconPixmap(windowIcon().pixmap(64, 64));
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
        // Over the wizard it came from, not wherever the window system puts a new window (0,0 on
        // some): centred on it, kept on its screen.
        QRect placed(QPoint(), m_audit->size());
        placed.moveCenter(frameGeometry().center());
        if (const QScreen *where = screen()) {
            const QRect available = where->availableGeometry();
            // No larger than the screen, less the window system's frame (the wizard's is as thick).
            const QSize frame = frameGeometry().size() - geometry().size();
            m_audit->resize(m_audit->size().boundedTo(available.size() - frame));
            placed = QRect(QPoint(), m_audit->size());
            placed.moveCenter(frameGeometry().center());
            placed.moveLeft(std::clamp(placed.left(), available.left(),
                                       std::max(available.left(), available.right() - placed.width())));
            placed.moveTop(std::clamp(placed.top(), available.top(),
                                      std::max(available.top(), available.bottom() - placed.height())));
        }
        m_audit->move(placed.topLeft());
    }
    m_audit->show();
    m_audit->raise();
    m_audit->activateWindow();
    return m_audit;
}

} // namespace Deroot::Ui
