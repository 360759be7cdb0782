// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/exportpanel.h"

#include "core/base/text.h"
#include "core/generate/manifest.h"
#include "ui/widgets/messagelabel.h"
#include "ui/wizard/wizardsession.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

enum Format { FolderFormat, ArchiveFormat, AnsibleFormat };

} // namespace

ExportPanel::ExportPanel(WizardSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_format(new QComboBox)
    , m_destination(new QLineEdit)
    , m_browse(new QPushButton(tr("B&rowse…")))
    , m_replace(new QCheckBox(tr("Replace an e&xisting folder or archive as a whole")))
    , m_export(new QPushButton(tr("&Export")))
    , m_status(new QLabel)
    , m_open(new QPushButton(tr("&Open folder")))
    , m_copyArtifact(new QComboBox)
    , m_copy(new QPushButton(tr("&Copy to clipboard")))
{
    m_format->setObjectName(u"exportFormatComboBox"_s);
    m_format->setAccessibleName(tr("Export as"));
    m_format->addItem(tr("A folder"), FolderFormat);
    m_format->addItem(tr("A .tar.gz archive"), ArchiveFormat);
    // For many machines: the same files, applied by Ansible (docs/ansible.md).
    m_format->addItem(tr("An Ansible role (a folder)"), AnsibleFormat);
    m_destination->setObjectName(u"exportPathLineEdit"_s);
    m_destination->setAccessibleName(tr("Export destination"));
    m_browse->setObjectName(u"exportBrowsePushButton"_s);
    m_replace->setObjectName(u"replaceCheckBox"_s);
    m_export->setObjectName(u"exportPushButton"_s);
    m_status->setObjectName(u"exportStatusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_open->setObjectName(u"exportOpenPushButton"_s);
    m_open->setVisible(false);
    m_copyArtifact->setObjectName(u"copyArtifactComboBox"_s);
    m_copyArtifact->setAccessibleName(tr("File to copy"));
    m_copy->setObjectName(u"copyPushButton"_s);

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
    // A button of its own size, not a bar across the form's field column.
    m_export->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_open->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    exportForm->addRow(QString(), m_export);
    exportForm->addRow(m_status);
    exportForm->addRow(QString(), m_open);

    auto *copyBox = new QGroupBox(tr("Copy one file"));
    auto *copyRow = new QHBoxLayout(copyBox);
    copyRow->addWidget(m_copyArtifact, 1);
    copyRow->addWidget(m_copy);

    // Two boxes of the page's column: no margins of its own.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(exportBox);
    layout->addWidget(copyBox);

    connect(m_export, &QPushButton::clicked, this, &ExportPanel::exportPlan);
    connect(m_destination, &QLineEdit::returnPressed, this, &ExportPanel::exportPlan);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportPanel::followFormat);
    connect(m_browse, &QPushButton::clicked, this, &ExportPanel::browse);
    connect(m_copy, &QPushButton::clicked, this, &ExportPanel::copyArtifact);
    connect(m_open, &QPushButton::clicked, this, &ExportPanel::openExported);
}

ExportPanel::~ExportPanel() = default;

void ExportPanel::showPlan()
{
    m_copyArtifact->clear();
    if (!m_session->hasPlan()) {
        return;
    }
    const Core::GeneratedPlan &plan = m_session->plan();
    for (const Core::Artifact &artifact : plan.artifacts) {
        m_copyArtifact->addItem(Core::exportFileName(artifact), artifact.id);
    }
    // The file that carries the grant, not the first one the apply runs (useradd.sh).
    m_copyArtifact->setCurrentIndex(std::max(0, m_copyArtifact->findData(Core::mainArtifactId(plan.artifacts))));
    if (m_destination->text().isEmpty()) {
        m_destination->setText(QDir::home().filePath(u"deroot-"_s + plan.input.agentId));
    }
    setMessage(m_status, QString(), false);
    m_open->setVisible(false);
}

void ExportPanel::setReady(bool ready, const QString &why)
{
    m_export->setEnabled(ready);
    m_export->setToolTip(why);
}

QString ExportPanel::destinationPath() const
{
    QString path = m_destination->text().trimmed();
    if (path.isEmpty()) {
        return path;
    }
    if (path.startsWith(u"~/"_s)) {
        path = QDir::home().filePath(path.mid(2));
    }
    path = QDir::cleanPath(QDir::home().absoluteFilePath(path));
    if (m_format->currentData().toInt() == ArchiveFormat && !path.endsWith(u".tar.gz"_s)) {
        path += u".tar.gz"_s;
    }
    return path;
}

bool ExportPanel::exportPlan()
{
    const bool archive = m_format->currentData().toInt() == ArchiveFormat;
    const QString destination = destinationPath();
    if (!destination.isEmpty()) {
        m_destination->setText(destination);
    }
    m_open->setVisible(false);
    const auto written = m_format->currentData().toInt() == AnsibleFormat
                             ? m_session->exportAnsibleRole(destination, m_replace->isChecked())
                             : m_session->exportPlan(destination, archive, m_replace->isChecked());
    if (!written) {
        setMessage(m_status, tr("Nothing was written. %1").arg(written.error().message), true);
        return false;
    }
    m_session->markExported();
    setMessage(m_status,
               m_format->currentData().toInt() == AnsibleFormat
                   ? tr("Wrote an Ansible role of %n file(s) to %1; its README.md says how to run it.", nullptr,
                        int(written->size()))
                         .arg(Core::quoted(destination))
                   : tr("Wrote %n file(s) to %1: %2", nullptr, int(written->size()))
                         .arg(Core::quoted(destination), written->join(u", "_s)),
               false);
    m_exportedTo = archive ? QFileInfo(destination).absolutePath() : destination;
    m_open->setVisible(true);
    return true;
}

void ExportPanel::openExported()
{
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_exportedTo));
}

void ExportPanel::followFormat()
{
    // Keep the name, change the form: "deroot-fping" and "deroot-fping.tar.gz".
    QString path = m_destination->text();
    if (m_format->currentData().toInt() == ArchiveFormat && !path.endsWith(u".tar.gz")) {
        path += u".tar.gz"_s;
    } else if (m_format->currentData().toInt() != ArchiveFormat && path.endsWith(u".tar.gz")) {
        path.chop(7);
    }
    m_destination->setText(path);
}

void ExportPanel::browse()
{
    const QString path =
        m_format->currentData().toInt() == ArchiveFormat
            ? QFileDialog::getSaveFileName(this, tr("Export the plan as"), m_destination->text(),
                                           tr("Archives (*.tar.gz)"), nullptr, QFileDialog::DontConfirmOverwrite)
            : QFileDialog::getSaveFileName(this, tr("Export the plan into the folder"), m_destination->text(),
                                           QString(), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) {
        m_destination->setText(path);
    }
}

void ExportPanel::copyArtifact()
{
    if (!m_session->hasPlan()) {
        return;
    }
    for (const Core::Artifact &artifact : m_session->plan().artifacts) {
        if (artifact.id == m_copyArtifact->currentData().toString()) {
            QApplication::clipboard()->setText(artifact.content);
            setMessage(m_status, tr("Copied %1 to the clipboard.").arg(m_copyArtifact->currentText()), false);
        }
    }
}

} // namespace Deroot::Ui
