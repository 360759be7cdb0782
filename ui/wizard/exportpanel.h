// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Deroot::Ui {

class WizardSession;

/// The Finish page's way out without the helper: export the session's plan (a folder or a .tar.gz,
/// with plan.json, all or nothing), or copy one of its files to the clipboard; both say what
/// happened under the Export button.
class ExportPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportPanel)

public:
    ExportPanel(WizardSession *session, QWidget *parent = nullptr);
    ~ExportPanel() override;

    /// Takes in the session's plan: its files to copy, a destination named after the agent unless
    /// one is set, and no word of an earlier export.
    void showPlan();
    /// Export is offered only when the plan is @p ready; @p why says why not, on the button.
    void setReady(bool ready, const QString &why);
    /// Exports to the destination the panel shows; true when it was written. A relative destination
    /// is taken below the home folder (a desktop launcher's working folder means nothing to the
    /// admin), an archive without ".tar.gz" gets it, and the field then shows the absolute path.
    bool exportPlan();
    /// Where the destination field points, as exportPlan() would write it.
    QString destinationPath() const;

private:
    void copyArtifact();
    void browse();
    void followFormat();
    void openExported();

    WizardSession *m_session;
    QComboBox *m_format;
    QLineEdit *m_destination;
    QPushButton *m_browse;
    QCheckBox *m_replace;
    QPushButton *m_export;
    QLabel *m_status;
    QPushButton *m_open;  ///< "Open folder", after an export
    QString m_exportedTo; ///< the folder that holds the last export
    QComboBox *m_copyArtifact;
    QPushButton *m_copy;
};

} // namespace Deroot::Ui
