// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "ui/wizard/wizardsession.h"

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QTabWidget;

namespace Deroot::Ui {

class ArtifactView;

/// Step 6: a tab per generated file, highlighted, with its validator's verdict and its difference
/// from the file on disk. It follows the plan as it changes, also while the page is not shown.
class PreviewPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewPage)

public:
    PreviewPage(WizardSession *session, QWidget *parent = nullptr);
    ~PreviewPage() override;

    bool isComplete() const override;
    /// The tab of the artifact @p id ("unit", "sudoers", ...), if the plan has one.
    ArtifactView *viewFor(const QString &id) const;

private:
    void showPlan();
    void showChecks();

    WizardSession *m_session;
    QLabel *m_status;
    QProgressBar *m_progress;
    QLabel *m_conflicts;
    QTabWidget *m_tabs;
    QLabel *m_userNote; ///< which of useradd.sh and the sysusers.d file Apply uses
};

} // namespace Deroot::Ui
