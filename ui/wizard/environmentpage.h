// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "ui/wizard/wizardsession.h"

#include <QWizardPage>

class QButtonGroup;
class QCheckBox;
class QLabel;
class QLineEdit;

namespace Deroot::Ui {

/// Step 3: where the agent runs: the guide's three questions (environment, trust, systemd), and
/// how the agent is started (a service, on a schedule, or called by another agent), as far as the
/// evidence cannot tell.
class EnvironmentPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentPage)

public:
    EnvironmentPage(WizardSession *session, QWidget *parent = nullptr);
    ~EnvironmentPage() override;

    void initializePage() override;
    bool validatePage() override;

private:
    void updateStartFields();

    WizardSession *m_session;
    QButtonGroup *m_environment;
    QButtonGroup *m_trust;
    QCheckBox *m_systemd;
    QButtonGroup *m_start;
    QLabel *m_startEvidence;
    QLineEdit *m_schedule;
    QLineEdit *m_caller;
    QCheckBox *m_newUnit;
};

} // namespace Deroot::Ui
