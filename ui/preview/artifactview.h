// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/model/artifact.h"
#include "ui/wizard/wizardsession.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;

namespace Deroot::Ui {

class CodeView;

/// One generated artifact in the preview: where it goes and why, its validator's verdict, the
/// highlighted text, and what it changes in the file on disk when there is one.
class ArtifactView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArtifactView)

public:
    explicit ArtifactView(QWidget *parent = nullptr);
    ~ArtifactView() override;

    void setArtifact(const Core::Artifact &artifact);
    /// The validator's verdict and the diff; @p current is false while the validators still run.
    void setCheck(const ArtifactCheck &check, bool current);

    CodeView *codeView() const { return m_code; }

    /// Asks where to save the shown file ("Save as…"), then saves it there (saveTo()).
    void saveAs();
    /// Saves the shown file at @p path (made absolute), byte for byte as an export holds it
    /// (Core::exportFile()); an existing file is replaced only after a confirmation. The view says
    /// where it saved it, or why it did not. Returns false when nothing was written (yet: while the
    /// confirmation is open it is asked, and the answer decides).
    bool saveTo(const QString &path);

private:
    bool write(const QString &path);

    Core::Artifact m_artifact;
    QLabel *m_target = nullptr;
    QLabel *m_validation = nullptr;
    QLabel *m_validationIcon = nullptr;
    QLabel *m_plainNote = nullptr;
    QTabWidget *m_views = nullptr;
    CodeView *m_code = nullptr;
    CodeView *m_diff = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_saveStatus = nullptr;
    QString m_validatorName;
    QString m_lastFolder; ///< where the last "Save as…" saved, to start there again
};

} // namespace Deroot::Ui
