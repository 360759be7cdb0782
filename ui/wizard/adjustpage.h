// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "ui/wizard/wizardsession.h"

#include <QWizardPage>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;
class QTreeWidget;

namespace Deroot::Ui {

/// Step 5: the plan's details as the admin adjusts them: capabilities (explained, with their risk),
/// sudo commands (with the shell-escape warnings), paths, ports, resource limits and the service
/// user. Every change regenerates the plan at once, so the preview is always current.
class AdjustPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdjustPage)

public:
    AdjustPage(WizardSession *session, QWidget *parent = nullptr);
    ~AdjustPage() override;

    void initializePage() override;
    bool isComplete() const override;

private:
    void showAddressChanges();
    static QStringList *commandLineOf(Core::GenerationInput &input);

    void fill();
    void apply();

    WizardSession *m_session;
    QLabel *m_error;
    QLabel *m_carried;
    QLineEdit *m_user;
    QTreeWidget *m_capabilities;
    QTableWidget *m_sudo;
    QPlainTextEdit *m_readPaths;
    QPlainTextEdit *m_writePaths;
    QPlainTextEdit *m_devices;
    QLineEdit *m_groups;
    QLineEdit *m_ports;
    QLineEdit *m_image;
    QLabel *m_imageError; ///< at the image field: the container method has no image
    QLineEdit *m_commandLine;
    QLineEdit *m_environment;
    QLineEdit *m_environmentFiles;
    QLabel *m_addressChange;
    QCheckBox *m_acceptAddressChange;
    QLabel *m_copyLeft; ///< a copy started outside any unit, which the admin stops
    QGroupBox *m_limits;
    QSpinBox *m_cpu;
    QSpinBox *m_memory;
    QSpinBox *m_tasks;
    QList<Core::SudoCommand> m_sudoCommands;
    bool m_filling = false;
};

} // namespace Deroot::Ui
