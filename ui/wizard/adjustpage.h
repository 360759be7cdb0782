// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "ui/wizard/wizardsession.h"

#include <QWizardPage>

#include <functional>

class QCheckBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTreeWidget;

namespace Deroot::Ui {

/// Step 5: the plan's details as the admin adjusts them, in sections (Identity, Files & devices,
/// Network, Capabilities, Limits): capabilities (the granted and suggested ones, explained, with
/// their risk; "Add capability…" for the others), sudo commands (with the shell-escape warnings),
/// paths, ports, resource limits and the service user. Every change regenerates the plan at once,
/// so the preview is always current; a change that gives no valid plan is marked at its field.
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
    /// One adjustable setting: its editor, the line beneath it for why it is off or what it does
    /// with this method, and the line for what is wrong with it.
    struct Field
    {
        QWidget *editor = nullptr;
        QWidget *row = nullptr;
        QLabel *hint = nullptr;
        QLabel *error = nullptr;
        /// Copies this setting from the second input into the first: how a plan error is traced
        /// to the field that caused it.
        std::function<void(Core::GenerationInput &, const Core::GenerationInput &)> take;
    };

    QWidget *addField(QFormLayout *form, const QString &label, QWidget *editor,
                      std::function<void(Core::GenerationInput &, const Core::GenerationInput &)> take);
    Field *fieldOf(const QWidget *editor);
    void setHint(QWidget *editor, const QString &hint);
    void setFieldError(Field &field, const QString &error);
    void showErrors();
    void showAddressChanges();
    void showCapabilities();
    void addCapabilities();
    static QStringList *commandLineOf(Core::GenerationInput &input);

    void fill();
    void apply();

    WizardSession *m_session;
    QLabel *m_error;
    QLabel *m_carried;
    QLineEdit *m_user;
    QTreeWidget *m_capabilities;
    QPushButton *m_addCapability;
    QLabel *m_capabilitiesHint;
    QTableWidget *m_sudo;
    QGroupBox *m_sudoBox;
    QPlainTextEdit *m_readPaths;
    QPlainTextEdit *m_writePaths;
    QPlainTextEdit *m_devices;
    QLineEdit *m_groups;
    QLineEdit *m_ports;
    QLineEdit *m_image;
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
    QFormLayout *m_identityForm = nullptr;
    QList<Field> m_fields;
    QList<Core::SudoCommand> m_sudoCommands;
    QList<int> m_added; ///< capabilities added through "Add capability…" on this visit
    QString m_portsError;
    /// The last input that gave a plan: what a field is reverted to when tracing an error to it.
    std::optional<Core::GenerationInput> m_lastGood;
    bool m_filling = false;
};

} // namespace Deroot::Ui
