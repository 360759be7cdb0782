// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "ui/wizard/wizardsession.h"

#include <QWizardPage>

class QCheckBox;
class QFrame;
class QLabel;
class QTreeWidget;

namespace Deroot::Ui {

/// Step 2: first the verdict (is this a problem at all?), then what the inspection found, grouped,
/// with severities and the evidence behind each item; the catalog match; and a stop at critical
/// findings until the admin acknowledges them.
class NeedsPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NeedsPage)

public:
    NeedsPage(WizardSession *session, QWidget *parent = nullptr);
    ~NeedsPage() override;

    void initializePage() override;
    bool isComplete() const override;

private:
    WizardSession *m_session;
    QFrame *m_verdictFrame;
    QLabel *m_verdictIcon;
    QLabel *m_verdict;
    QLabel *m_summary;
    QTreeWidget *m_tree;
    QFrame *m_critical;
    QLabel *m_criticalText;
    QCheckBox *m_acknowledge;
};

} // namespace Deroot::Ui
