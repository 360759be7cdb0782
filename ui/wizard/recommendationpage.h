// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "ui/wizard/wizardsession.h"

#include <QWizardPage>

class QGroupBox;
class QLabel;
class QTableWidget;
class QTreeWidget;

namespace Deroot::Ui {

/// Step 4: the guide's comparison table with the recommended method marked and, for the selected
/// method, what it will do, the reasons for this agent and the privilege it leaves; the admin may
/// choose another feasible method. Each method is named for what it does here (core's title).
class RecommendationPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecommendationPage)

public:
    RecommendationPage(WizardSession *session, QWidget *parent = nullptr);
    ~RecommendationPage() override;

    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;

    /// The method selected in the table.
    Core::Method selectedMethod() const;

private:
    void showSelected();

    WizardSession *m_session;
    QLabel *m_summary;
    QTableWidget *m_table;
    QGroupBox *m_details;
    QLabel *m_does;
    QTreeWidget *m_reasons;
    QLabel *m_privilege;
    QLabel *m_limitsNote;
};

} // namespace Deroot::Ui
