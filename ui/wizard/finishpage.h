// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "ui/wizard/wizardsession.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Deroot::Ui {

/// Step 7: export the plan (a folder or a .tar.gz, with plan.json, all or nothing), copy a file to
/// the clipboard, and the Apply button, disabled until the privileged helper exists.
class FinishPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FinishPage)

public:
    FinishPage(WizardSession *session, QWidget *parent = nullptr);
    ~FinishPage() override;

    void initializePage() override;
    /// Exports to the destination the page shows; true when it was written.
    bool exportPlan();

private:
    void updateState();

    WizardSession *m_session;
    QLabel *m_summary;
    QComboBox *m_format;
    QLineEdit *m_destination;
    QPushButton *m_browse;
    QCheckBox *m_replace;
    QPushButton *m_export;
    QLabel *m_exportStatus;
    QComboBox *m_copyArtifact;
    QPushButton *m_copy;
    QPushButton *m_apply;
};

} // namespace Deroot::Ui
