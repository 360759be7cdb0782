// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/finishpage.h"

#include "core/generate/plan.h"
#include "core/recommend/privilegescore.h"
#include "core/text.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

enum Format { FolderFormat, ArchiveFormat };

void setMessage(QLabel *label, const QString &text, bool error)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     error ? QColor(0xda, 0x44, 0x53) : QApplication::palette().color(QPalette::WindowText));
    label->setPalette(palette);
    label->setProperty("error", error);
    label->setText(text);
}

} // namespace

FinishPage::FinishPage(WizardSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_summary(new QLabel)
    , m_format(new QComboBox)
    , m_destination(new QLineEdit)
    , m_browse(new QPushButton(tr("B&rowse…")))
    , m_replace(new QCheckBox(tr("Re&place an existing folder or archive as a whole")))
    , m_export(new QPushButton(tr("&Export")))
    , m_exportStatus(new QLabel)
    , m_copyArtifact(new QComboBox)
    , m_copy(new QPushButton(tr("&Copy to clipboard")))
    , m_apply(new QPushButton(tr("A&pply to this system…")))
{
    setObjectName(u"finishPage"_s);
    setTitle(tr("Finish"));
    setFinalPage(true);
    m_summary->setObjectName(u"finishSummaryLabel"_s);
    m_summary->setWordWrap(true);

    m_format->setObjectName(u"exportFormatComboBox"_s);
    m_format->setAccessibleName(tr("Export as"));
    m_format->addItem(tr("A folder"), FolderFormat);
    m_format->addItem(tr("A .tar.gz archive"), ArchiveFormat);
    m_destination->setObjectName(u"exportPathLineEdit"_s);
    m_destination->setAccessibleName(tr("Export destination"));
    m_browse->setObjectName(u"exportBrowsePushButton"_s);
    m_replace->setObjectName(u"replaceCheckBox"_s);
    m_export->setObjectName(u"exportPushButton"_s);
    m_exportStatus->setObjectName(u"exportStatusLabel"_s);
    m_exportStatus->setWordWrap(true);
    m_exportStatus->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_copyArtifact->setObjectName(u"copyArtifactComboBox"_s);
    m_copyArtifact->setAccessibleName(tr("File to copy"));
    m_copy->setObjectName(u"copyPushButton"_s);
    m_apply->setObjectName(u"applyPushButton"_s);
    m_apply->setEnabled(false);
    // Never a button that pretends: the helper and derootctl apply work, the button's wiring to
    // them (issue 6's GUI part) does not yet, so it says where applying works today.
    const QString applyWhy = tr("The desktop cannot apply a plan yet. Export it, then apply it from a terminal with "
                                "derootctl apply FOLDER: Deroot's privileged helper checks it again and asks polkit "
                                "for your approval.");
    m_apply->setToolTip(applyWhy);
    m_apply->setAccessibleDescription(applyWhy);
    auto *applyNote = new QLabel(applyWhy);
    applyNote->setObjectName(u"applyNoteLabel"_s);
    applyNote->setWordWrap(true);
    applyNote->setForegroundRole(QPalette::PlaceholderText);

    auto *exportBox = new QGroupBox(tr("Export"));
    auto *exportForm = new QFormLayout(exportBox);
    exportForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    exportForm->addRow(tr("&As:"), m_format);
    auto *destinationRow = new QHBoxLayout;
    destinationRow->addWidget(m_destination, 1);
    destinationRow->addWidget(m_browse);
    auto *destinationLabel = new QLabel(tr("&Destination:"));
    destinationLabel->setBuddy(m_destination);
    exportForm->addRow(destinationLabel, destinationRow);
    exportForm->addRow(QString(), m_replace);
    exportForm->addRow(QString(), m_export);
    exportForm->addRow(m_exportStatus);

    auto *copyBox = new QGroupBox(tr("Copy one file"));
    auto *copyRow = new QHBoxLayout(copyBox);
    copyRow->addWidget(m_copyArtifact, 1);
    copyRow->addWidget(m_copy);

    auto *applyBox = new QGroupBox(tr("Apply"));
    auto *applyLayout = new QVBoxLayout(applyBox);
    applyLayout->addWidget(m_apply, 0, Qt::AlignLeft);
    applyLayout->addWidget(applyNote);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_summary);
    layout->addWidget(exportBox);
    layout->addWidget(copyBox);
    layout->addWidget(applyBox);
    layout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Not a Tab stop of its own: the controls inside are, and the area scrolls to the focused one.
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(m_export, &QPushButton::clicked, this, &FinishPage::exportPlan);
    connect(m_destination, &QLineEdit::returnPressed, this, &FinishPage::exportPlan);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        // Keep the name, change the form: "deroot-fping" and "deroot-fping.tar.gz".
        QString path = m_destination->text();
        if (m_format->currentData().toInt() == ArchiveFormat && !path.endsWith(u".tar.gz")) {
            path += u".tar.gz"_s;
        } else if (m_format->currentData().toInt() == FolderFormat && path.endsWith(u".tar.gz")) {
            path.chop(7);
        }
        m_destination->setText(path);
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path =
            m_format->currentData().toInt() == ArchiveFormat
                ? QFileDialog::getSaveFileName(this, tr("Export the plan as"), m_destination->text(),
                                               tr("Archives (*.tar.gz)"), nullptr, QFileDialog::DontConfirmOverwrite)
                : QFileDialog::getSaveFileName(this, tr("Export the plan into the folder"), m_destination->text(),
                                               QString(), nullptr, QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty()) {
            m_destination->setText(path);
        }
    });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (!m_session->hasPlan()) {
            return;
        }
        for (const Core::Artifact &artifact : m_session->plan().artifacts) {
            if (artifact.id == m_copyArtifact->currentData().toString()) {
                QApplication::clipboard()->setText(artifact.content);
                setMessage(m_exportStatus, tr("Copied %1 to the clipboard.").arg(m_copyArtifact->currentText()), false);
            }
        }
    });
    connect(m_session, &WizardSession::checksChanged, this, &FinishPage::updateState);
    connect(m_session, &WizardSession::checksStarted, this, &FinishPage::updateState);
}

FinishPage::~FinishPage() = default;

void FinishPage::initializePage()
{
    m_copyArtifact->clear();
    if (!m_session->hasPlan()) {
        return;
    }
    const Core::GeneratedPlan &plan = m_session->plan();
    for (const Core::Artifact &artifact : plan.artifacts) {
        m_copyArtifact->addItem(Core::exportFileName(artifact), artifact.id);
    }
    if (m_destination->text().isEmpty()) {
        m_destination->setText(QDir::home().filePath(u"deroot-"_s + plan.input.agentId));
    }
    const Core::PrivilegeScore before = Core::currentPrivilege(m_session->report());
    const Core::PrivilegeScore after = Core::plannedPrivilege(plan.input);
    m_summary->setText(tr("The plan for %1 has %n file(s). Effective privilege: %2 today, %3 with the plan (0 is an "
                          "ordinary user, 100 is root).",
                          nullptr, int(plan.artifacts.size()))
                           .arg(m_session->target().display())
                           .arg(before.value, 0, 'f', 1)
                           .arg(after.value, 0, 'f', 1));
    setMessage(m_exportStatus, QString(), false);
    updateState();
}

void FinishPage::updateState()
{
    const bool ready = m_session->hasPlan() && m_session->checksCurrent() && !m_session->failedValidation();
    m_export->setEnabled(ready);
    if (!m_session->hasPlan()) {
        m_export->setToolTip(tr("There is no valid plan to export."));
    } else if (!m_session->checksCurrent()) {
        m_export->setToolTip(tr("Waiting for the validators."));
    } else if (m_session->failedValidation()) {
        m_export->setToolTip(tr("A file fails its validator: see the preview."));
    } else {
        m_export->setToolTip(QString());
    }
}

bool FinishPage::exportPlan()
{
    const bool archive = m_format->currentData().toInt() == ArchiveFormat;
    const auto written = m_session->exportPlan(m_destination->text().trimmed(), archive, m_replace->isChecked());
    if (!written) {
        setMessage(m_exportStatus, tr("Nothing was written. %1").arg(written.error().message), true);
        return false;
    }
    setMessage(m_exportStatus,
               tr("Wrote %n file(s) to %1: %2", nullptr, int(written->size()))
                   .arg(Core::quoted(m_destination->text().trimmed()), written->join(u", "_s)),
               false);
    return true;
}

} // namespace Deroot::Ui
