// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/model/artifact.h"
#include "ui/wizard/wizardsession.h"

#include <QWidget>

class QLabel;
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

private:
    QLabel *m_target = nullptr;
    QLabel *m_validation = nullptr;
    QLabel *m_validationIcon = nullptr;
    QLabel *m_plainNote = nullptr;
    QTabWidget *m_views = nullptr;
    CodeView *m_code = nullptr;
    CodeView *m_diff = nullptr;
    QString m_validatorName;
};

} // namespace Deroot::Ui
