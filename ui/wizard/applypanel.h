// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace Deroot::Ui {

class ApplyController;

/// The Finish page's Apply button with polkit's answer beside it, read from the ApplyController
/// without interaction: allowed, needs authentication (a lock icon) or forbidden (disabled, with
/// the reason); a plan the helper would refuse, or no helper installed, disables it and says why.
/// Below it the "confirm within" choice. The panel asks nothing itself: a click is
/// applyRequested(), and the page confirms and applies.
class ApplyPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApplyPanel)

public:
    /// @p controller is not owned.
    ApplyPanel(const ApplyController *controller, QWidget *parent = nullptr);
    ~ApplyPanel() override;

    /// How long "confirm within" waits by default.
    static constexpr int kDefaultConfirmSeconds = 120;

    /// Shows the controller's state: Apply is offered for a @p ready plan (else @p why says why
    /// not) that is not @p inPlace already, when the helper and polkit allow it and nothing is
    /// under way.
    void refresh(bool ready, const QString &why, bool inPlace);
    /// Sets "confirm within" on or off, unless an apply is under way or awaits its confirmation.
    void setConfirmWithin(bool on);
    /// The confirmation window the admin chose, in seconds; 0 for none.
    uint confirmWithinSeconds() const;

Q_SIGNALS:
    void applyRequested();
    void confirmWithinToggled();

private:
    const ApplyController *m_controller;
    QPushButton *m_apply;
    QLabel *m_permission;
    QCheckBox *m_confirmWithin;
    QSpinBox *m_confirmSeconds;
    QLabel *m_confirmLabel;
};

} // namespace Deroot::Ui
