// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/model/capabilities.h"

#include <QDialog>
#include <QIcon>

class QDialogButtonBox;
class QLineEdit;
class QTreeWidget;

namespace Deroot::Ui {

/// The risk of a capability in a word ("Root-equivalent") and as an icon (a red shield for the
/// root-equivalent ones): the same in the Adjust page's list and in this dialog.
QString capabilityRiskText(Core::CapabilityRisk risk);
QIcon capabilityRiskIcon(Core::CapabilityRisk risk);

/// "Add capability…" on the Adjust page: every capability the page does not show yet, sorted by
/// name, each with its risk and what it allows, filtered as the admin types (by name or by what it
/// allows). The page shows only the granted and suggested ones; this is where the others are.
class AddCapabilityDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddCapabilityDialog)

public:
    /// Offers every capability but those numbered in @p shown.
    AddCapabilityDialog(const QList<int> &shown, QWidget *parent = nullptr);
    ~AddCapabilityDialog() override;

    /// The checked capabilities, or the current one when none is checked, by number.
    QList<int> chosen() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filter(const QString &text);
    void updateButtons();

    QLineEdit *m_filter;
    QTreeWidget *m_list;
    QDialogButtonBox *m_buttons;
};

} // namespace Deroot::Ui
