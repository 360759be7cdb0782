// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/preview/artifactview.h"

#include "core/base/text.h"
#include "core/generate/manifest.h"
#include "ui/plugin/uiplugin.h"
#include "ui/preview/codeview.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/messagelabel.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTextOption>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

ArtifactView::ArtifactView(QWidget *parent)
    : QWidget(parent)
    , m_target(new QLabel(this))
    , m_validation(new QLabel(this))
    , m_validationIcon(new QLabel(this))
    , m_plainNote(new QLabel(this))
    , m_views(new QTabWidget(this))
    , m_code(new CodeView(this))
    , m_diff(new CodeView(this))
    , m_save(new QPushButton(tr("&Save as…"), this))
    , m_saveStatus(new QLabel(this))
{
    m_target->setObjectName(u"targetLabel"_s);
    m_target->setWordWrap(true);
    m_target->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_validation->setObjectName(u"validationLabel"_s);
    m_validation->setWordWrap(true);
    m_validation->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_code->setObjectName(u"codeView"_s);
    m_code->setAccessibleName(tr("Generated file"));
    // Long comment lines (the reasons at the top of each file) wrap at the view's edge instead of
    // needing a horizontal scroll; the line numbers still count the file's own lines.
    m_code->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_code->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_diff->setObjectName(u"diffView"_s);
    m_diff->setAccessibleName(tr("Changes against the file on disk"));
    m_views->setObjectName(u"artifactViewsTabWidget"_s);
    m_views->setDocumentMode(true);
    m_views->addTab(m_code, tr("Generated"));
    m_views->addTab(m_diff, tr("Changes on disk"));
    m_views->setTabVisible(1, false);
    // "Generated" alone needs no tab bar; it appears when there is a file on disk to compare with
    // (setCheck()).
    m_save->setObjectName(u"saveArtifactPushButton"_s);
    m_save->setToolTip(tr("Save this file on its own, exactly as an export holds it"));
    m_saveStatus->setObjectName(u"saveStatusLabel"_s);
    m_saveStatus->setWordWrap(true);
    m_saveStatus->setTextFormat(Qt::PlainText); // it names a path the admin chose
    m_saveStatus->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_saveStatus->hide();
    connect(m_save, &QPushButton::clicked, this, &ArtifactView::saveAs);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_target);
    auto *validationRow = new QHBoxLayout;
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_validationIcon->setFixedSize(iconSize, iconSize);
    validationRow->addWidget(m_validationIcon);
    validationRow->addWidget(m_validation, 1);
    layout->addLayout(validationRow);
    m_plainNote->setObjectName(u"plainTextNoteLabel"_s);
    m_plainNote->setWordWrap(true);
    m_plainNote->setTextFormat(Qt::PlainText); // it names a file path
    m_plainNote->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_plainNote->hide();
    layout->addWidget(m_plainNote);
    layout->addWidget(m_views, 1);
    // Below the file it saves: "Save as…" and what it did.
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_saveStatus, 1);
    saveRow->addStretch(); // the button keeps its size when the line beside it is hidden
    saveRow->addWidget(m_save);
    layout->addLayout(saveRow);
    setCheck({}, false);
}

ArtifactView::~ArtifactView() = default;

void ArtifactView::setArtifact(const Core::Artifact &artifact)
{
    m_artifact = artifact;
    m_validatorName = artifact.validator;
    const QString where = artifact.isCommand ? tr("Command run by the apply step: %1").arg(artifact.targetPath)
                                             : tr("%1 (%2:%3, mode %4)")
                                                   .arg(artifact.targetPath, artifact.owner, artifact.group)
                                                   .arg(artifact.mode, 4, 8, QChar(u'0'));
    m_target->setText(
        u"<b>%1</b><br>%2"_s.arg(where.toHtmlEscaped(), Core::oneLine(artifact.shownPurpose()).toHtmlEscaped()));
    m_code->setCode(artifact.content, artifact.syntax);
    // The code is right without its colours; the admin learns why they are missing.
    if (uiPlugin() == nullptr) {
        m_plainNote->setText(
            tr("Shown without syntax highlighting: %1. Reinstall Deroot to get it back.").arg(uiPluginProblem()));
        m_plainNote->show();
    }
}

void ArtifactView::setCheck(const ArtifactCheck &check, bool current)
{
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    CheckState state = CheckState::Unknown;
    QString text;
    if (!current) {
        text = m_validatorName.isEmpty() ? tr("No validator checks this file.")
                                         : tr("Checking with %1…").arg(m_validatorName);
    } else if (!check.validated) {
        text = tr("No validator checks this file.");
    } else {
        const Core::ValidationResult &result = check.validation.result;
        text = Core::oneLine(result.shownSummary());
        if (!check.validation.exposure.isEmpty()) {
            text += u", "_s + Core::oneLine(check.validation.exposureShown.isEmpty() ? check.validation.exposure
                                                                                     : check.validation.exposureShown);
        }
        if (!result.available) {
            text = tr("Not checked: %1").arg(text);
        } else {
            state = result.ok ? CheckState::Passed : CheckState::Failed;
            if (!result.ok && !result.output.trimmed().isEmpty()) {
                // The tool's own words: the admin needs them to see what is wrong.
                text += u'\n' + result.output.trimmed().left(2000);
            }
        }
    }
    m_validation->setText(text);
    m_validation->setProperty("checkState", int(state));
    m_validationIcon->setPixmap(checkIcon(state).pixmap(iconSize, iconSize));
    const bool hasDiff = current && check.diskDiff.has_value();
    m_views->setTabVisible(1, hasDiff);
    m_views->tabBar()->setVisible(hasDiff);
    // The tab widget hands the focus to its tab bar: not to a hidden one, or Tab would stop here.
    m_views->setFocusProxy(hasDiff ? m_views->tabBar() : nullptr);
    m_views->setFocusPolicy(hasDiff ? Qt::TabFocus : Qt::NoFocus);
    if (!hasDiff) {
        m_views->setCurrentIndex(0);
    }
    if (hasDiff) {
        m_diff->setCode(check.diskDiff->isEmpty() ? tr("The file on disk is identical.") : *check.diskDiff, u"Diff"_s);
    }
}

void ArtifactView::saveAs()
{
    const QString name = Core::exportFileName(m_artifact);
    // The folder of the last save, else the home folder; the confirmation below asks before a
    // file is replaced, as the export does.
    const QString start = QDir(m_lastFolder.isEmpty() ? QDir::homePath() : m_lastFolder).filePath(name);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save %1 as").arg(name), start, QString(), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) {
        saveTo(path);
    }
}

bool ArtifactView::saveTo(const QString &path)
{
    const QString absolute = QDir::cleanPath(QDir::home().absoluteFilePath(path));
    const QFileInfo info(absolute);
    if (info.isDir()) {
        setMessage(m_saveStatus, tr("Nothing was written: %1 is a folder.").arg(Core::quoted(absolute)), true);
        m_saveStatus->show();
        return false;
    }
    if (!info.exists()) {
        return write(absolute);
    }
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Replace the file?"),
        tr("%1 already exists. Replace it with %2?").arg(Core::quoted(absolute), Core::exportFileName(m_artifact)),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"replaceFileMessageBox"_s);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Yes)->setText(tr("&Replace"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, absolute](int) {
        if (box->clickedButton() == box->button(QMessageBox::Yes)) {
            write(absolute);
        } else {
            setMessage(m_saveStatus, tr("Nothing was written: %1 was kept.").arg(Core::quoted(absolute)), false);
            m_saveStatus->show();
        }
    });
    box->open();
    return false;
}

bool ArtifactView::write(const QString &path)
{
    const Core::ExportFile file = Core::exportFile(m_artifact);
    QSaveFile out(path);
    const bool written = out.open(QIODevice::WriteOnly) && out.write(file.bytes) == file.bytes.size() && out.commit();
    if (!written) {
        setMessage(m_saveStatus, tr("Nothing was written to %1: %2").arg(Core::quoted(path), out.errorString()), true);
        m_saveStatus->show();
        return false;
    }
    if (file.mode & 0111) {
        QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                        QFileDevice::ExeOther);
    }
    m_lastFolder = QFileInfo(path).absolutePath();
    setMessage(m_saveStatus, tr("Saved %1 as %2.").arg(file.name, Core::quoted(path)), false);
    m_saveStatus->show();
    return true;
}

} // namespace Deroot::Ui
