// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/environmentpage.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

QLabel *helpLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QRadioButton *option(QButtonGroup *group, QVBoxLayout *layout, int id, const QString &name, const QString &text,
                     QWidget *parent)
{
    auto *button = new QRadioButton(text, parent);
    button->setObjectName(name);
    button->setAccessibleName(QString(text).remove(u'&'));
    group->addButton(button, id);
    layout->addWidget(button);
    return button;
}

} // namespace

EnvironmentPage::EnvironmentPage(WizardSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_environment(new QButtonGroup(this))
    , m_trust(new QButtonGroup(this))
    , m_systemd(new QCheckBox(tr("It runs under s&ystemd (or can be made to)"), this))
    , m_start(new QButtonGroup(this))
    , m_startEvidence(nullptr)
    , m_schedule(new QLineEdit(this))
    , m_caller(new QLineEdit(this))
    , m_newUnit(new QCheckBox(this))
{
    setObjectName(u"environmentPage"_s);
    setTitle(tr("Where it runs"));

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(helpLabel(tr("Three answers decide which method fits: sudo rules, capabilities or a container. "
                                   "Deroot cannot see them from the program."),
                                content));

    auto *environmentBox = new QGroupBox(tr("Environment"), content);
    auto *environmentLayout = new QVBoxLayout(environmentBox);
    using Env = Core::Environment;
    option(m_environment, environmentLayout, int(Env::BareMetalOrVm), u"environmentBareMetalRadioButton"_s,
           tr("A &server or VM, where the agent runs as a service"), environmentBox);
    option(m_environment, environmentLayout, int(Env::ContainerPlatform), u"environmentContainerRadioButton"_s,
           tr("A &container host or Kubernetes"), environmentBox);
    option(m_environment, environmentLayout, int(Env::Legacy), u"environmentLegacyRadioButton"_s,
           tr("A &legacy system whose way of starting the agent cannot change"), environmentBox);
    environmentLayout->addWidget(helpLabel(tr("Containers fit where containers already run; a legacy system is left "
                                              "with sudo rules, which need no change to how the agent starts."),
                                           environmentBox));
    layout->addWidget(environmentBox);

    auto *trustBox = new QGroupBox(tr("Trust"), content);
    auto *trustLayout = new QVBoxLayout(trustBox);
    using Trust = Core::Trust;
    option(m_trust, trustLayout, int(Trust::Own), u"trustOwnRadioButton"_s, tr("Built &in house"), trustBox);
    option(m_trust, trustLayout, int(Trust::Vendor), u"trustVendorRadioButton"_s,
           tr("From a &vendor or the distribution"), trustBox);
    option(m_trust, trustLayout, int(Trust::Untrusted), u"trustUntrustedRadioButton"_s, tr("&Untrusted or third-party"),
           trustBox);
    trustLayout->addWidget(helpLabel(tr("The less you trust the agent's code, the more it should be isolated: an "
                                        "untrusted agent belongs in a container."),
                                     trustBox));
    layout->addWidget(trustBox);

    auto *systemdBox = new QGroupBox(tr("Service manager"), content);
    auto *systemdLayout = new QVBoxLayout(systemdBox);
    m_systemd->setObjectName(u"systemdCheckBox"_s);
    m_systemd->setAccessibleName(tr("It runs under systemd"));
    systemdLayout->addWidget(m_systemd);
    systemdLayout->addWidget(helpLabel(tr("systemd can hand the agent exactly its capabilities and sandbox it. "
                                          "Without it, capabilities must be set on the file itself."),
                                       systemdBox));
    layout->addWidget(systemdBox);

    // How it is started decides whether the plan has a unit at all: a tool other agents call
    // (fping for Zabbix) must not become a daemon that exits and restarts for ever.
    auto *startBox = new QGroupBox(tr("How it is started"), content);
    startBox->setObjectName(u"startGroupBox"_s);
    auto *startLayout = new QVBoxLayout(startBox);
    m_startEvidence = helpLabel(QString(), startBox);
    m_startEvidence->setObjectName(u"startEvidenceLabel"_s);
    startLayout->addWidget(m_startEvidence);
    using Start = Core::StartMode;
    option(m_start, startLayout, int(Start::Service), u"startServiceRadioButton"_s,
           tr("As a se&rvice that keeps running"), startBox);
    m_newUnit->setObjectName(u"newUnitCheckBox"_s);
    startLayout->addWidget(m_newUnit);
    option(m_start, startLayout, int(Start::Scheduled), u"startScheduledRadioButton"_s,
           tr("On a sche&dule, running to completion each time"), startBox);
    option(m_start, startLayout, int(Start::CalledBy), u"startCalledByRadioButton"_s,
           tr("Called by another &agent, such as a monitoring agent"), startBox);
    auto *startForm = new QFormLayout;
    m_schedule->setObjectName(u"scheduleLineEdit"_s);
    m_schedule->setAccessibleName(tr("Schedule"));
    m_schedule->setPlaceholderText(tr("hourly, daily or *-*-* 03:00:00"));
    m_caller->setObjectName(u"callerUserLineEdit"_s);
    m_caller->setAccessibleName(tr("User of the calling agent"));
    m_caller->setPlaceholderText(tr("zabbix, nagios, telegraf"));
    m_caller->setToolTip(tr("The sudo method writes its rule for this user"));
    startForm->addRow(tr("Ti&mer:"), m_schedule);
    startForm->addRow(tr("Calling us&er:"), m_caller);
    startLayout->addLayout(startForm);
    layout->addWidget(startBox);
    connect(m_start, &QButtonGroup::idToggled, this, &EnvironmentPage::updateStartFields);
    layout->addStretch(1);

    // Scrolls rather than squeezes at twice the scale in a small window.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Not a Tab stop of its own: the controls inside are, and the area scrolls to the focused one.
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

EnvironmentPage::~EnvironmentPage() = default;

void EnvironmentPage::initializePage()
{
    const Core::Answers &answers = m_session->answers();
    m_environment->button(int(answers.environment))->setChecked(true);
    m_trust->button(int(answers.trust))->setChecked(true);
    m_systemd->setChecked(answers.systemd);

    const Core::DetectedStart detected =
        m_session->hasReport() ? Core::detectedStart(m_session->report()) : Core::DetectedStart{};
    const Core::StartChoice &choice = m_session->startChoice();
    m_startEvidence->setText(detected.reason.isEmpty() ? tr("Deroot could not tell how it is started.")
                                                       : tr("What Deroot found: %1").arg(detected.reason));
    m_start->button(int(choice.mode.value_or(detected.mode)))->setChecked(true);
    // What the admin said, else what sudoers or cron say (a rule for zabbix, a cron schedule).
    m_schedule->setText(choice.schedule.isEmpty() ? detected.schedule : choice.schedule);
    m_caller->setText(choice.callerUser.isEmpty() ? detected.callerUser : choice.callerUser);
    m_newUnit->setVisible(!detected.unit.isEmpty());
    m_newUnit->setText(
        tr("Replace %1 with a ne&w unit of Deroot's own (by default a drop-in hardens it)").arg(detected.unit));
    m_newUnit->setAccessibleName(QString(m_newUnit->text()).remove(u'&'));
    m_newUnit->setChecked(choice.newUnit);
    updateStartFields();
}

// Each field belongs to one way of starting: the others are disabled, not hidden, so the page
// keeps its shape while the admin compares them.
void EnvironmentPage::updateStartFields()
{
    m_schedule->setEnabled(m_start->checkedId() == int(Core::StartMode::Scheduled));
    m_caller->setEnabled(m_start->checkedId() == int(Core::StartMode::CalledBy));
    m_newUnit->setEnabled(m_start->checkedId() == int(Core::StartMode::Service));
}

bool EnvironmentPage::validatePage()
{
    Core::Answers answers;
    answers.environment = Core::Environment(m_environment->checkedId());
    answers.trust = Core::Trust(m_trust->checkedId());
    answers.systemd = m_systemd->isChecked();
    Core::StartChoice choice;
    const auto mode = Core::StartMode(m_start->checkedId());
    // Only what differs from the evidence is a choice: a new agent starts from its own evidence.
    const Core::DetectedStart detected =
        m_session->hasReport() ? Core::detectedStart(m_session->report()) : Core::DetectedStart{};
    if (mode != detected.mode) {
        choice.mode = mode;
    }
    // The recommendation weighs how it is started: a called program has no unit to grant it
    // capabilities.
    answers.start = choice.mode;
    m_session->setAnswers(answers);
    choice.schedule = mode == Core::StartMode::Scheduled ? m_schedule->text().trimmed() : QString();
    choice.callerUser = mode == Core::StartMode::CalledBy ? m_caller->text().trimmed() : QString();
    choice.newUnit = mode == Core::StartMode::Service && !m_newUnit->isHidden() && m_newUnit->isChecked();
    m_session->setStartChoice(choice);
    return true;
}

} // namespace Deroot::Ui
