// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/environmentpage.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QGroupBox>
#include <QLabel>
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
    , m_systemd(new QCheckBox(tr("It runs under &systemd (or can be made to)"), this))
{
    setObjectName(u"environmentPage"_s);
    setTitle(tr("Where it runs"));

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(helpLabel(tr("Three answers decide which of the guide's methods fits. Deroot cannot see them "
                                   "from the program."),
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
    option(m_trust, trustLayout, int(Trust::Own), u"trustOwnRadioButton"_s, tr("Built in &house"), trustBox);
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
}

bool EnvironmentPage::validatePage()
{
    Core::Answers answers;
    answers.environment = Core::Environment(m_environment->checkedId());
    answers.trust = Core::Trust(m_trust->checkedId());
    answers.systemd = m_systemd->isChecked();
    m_session->setAnswers(answers);
    return true;
}

} // namespace Deroot::Ui
