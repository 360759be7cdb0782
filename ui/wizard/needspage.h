// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "ui/wizard/observedialog.h"
#include "ui/wizard/wizardsession.h"

#include <QWizardPage>

class QCheckBox;
class QFrame;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace Deroot::Ui {

/// Step 2: first the verdict (is this a problem at all?), then what the inspection found, grouped,
/// with severities and the evidence behind each item; the catalog match; and a stop at critical
/// findings until the admin acknowledges them. "Watch it run" (ObserveDialog) adds what the agent
/// was seen to use to the needs.
class NeedsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NeedsPage)

public:
    NeedsPage(WizardSession *session, QWidget *parent = nullptr);
    ~NeedsPage() override;

    void initializePage() override;
    bool isComplete() const override;

    /// How "Watch it run" runs a round: systemObserveRunner() unless a test sets another.
    void setObserveRunner(ObserveRunner runner) { m_runner = std::move(runner); }
    /// Opens "Watch it run" (the button does).
    void watchItRun();

private:
    void refresh();

    WizardSession *m_session;
    QFrame *m_verdictFrame;
    QLabel *m_verdictIcon;
    QLabel *m_verdict;
    QLabel *m_summary;
    QTreeWidget *m_tree;
    QFrame *m_critical;
    QLabel *m_criticalText;
    QCheckBox *m_acknowledge;
    QPushButton *m_watch;
    QLabel *m_watched;
    ObserveRunner m_runner;
};

} // namespace Deroot::Ui
