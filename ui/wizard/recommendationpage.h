// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "ui/wizard/wizardsession.h"

#include <QWizardPage>

class QLabel;
class QTableWidget;
class QTreeWidget;

namespace Deroot::Ui {

/// Step 4: the guide's comparison table with the recommended method highlighted and the reasons for
/// this agent; the admin may choose another feasible method.
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
    void showReasons();

    WizardSession *m_session;
    QLabel *m_summary;
    QTableWidget *m_table;
    QTreeWidget *m_reasons;
    QLabel *m_privilege;
};

} // namespace Deroot::Ui
