// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/addcapabilitydialog.h"

#include "ui/widgets/icons.h"
#include "ui/widgets/wrappingdelegate.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

constexpr int kNumberRole = Qt::UserRole + 1;

// The words' translations live in the Adjust page's context, where they were first shown.
QString adjustText(const char *text)
{
    return QCoreApplication::translate("Deroot::Ui::AdjustPage", text);
}

} // namespace

QString capabilityRiskText(Core::CapabilityRisk risk)
{
    switch (risk) {
    case Core::CapabilityRisk::RootEquivalent:
        return adjustText(QT_TRANSLATE_NOOP("Deroot::Ui::AdjustPage", "Root-equivalent"));
    case Core::CapabilityRisk::High:
        return adjustText(QT_TRANSLATE_NOOP("Deroot::Ui::AdjustPage", "High"));
    case Core::CapabilityRisk::Moderate:
        return adjustText(QT_TRANSLATE_NOOP("Deroot::Ui::AdjustPage", "Moderate"));
    case Core::CapabilityRisk::Low:
        break;
    }
    return adjustText(QT_TRANSLATE_NOOP("Deroot::Ui::AdjustPage", "Low"));
}

QIcon capabilityRiskIcon(Core::CapabilityRisk risk)
{
    switch (risk) {
    case Core::CapabilityRisk::RootEquivalent:
        return rootIcon();
    case Core::CapabilityRisk::High:
        return severityIcon(Core::Severity::High);
    case Core::CapabilityRisk::Moderate:
        return severityIcon(Core::Severity::Medium);
    case Core::CapabilityRisk::Low:
        break;
    }
    return severityIcon(Core::Severity::Low);
}

AddCapabilityDialog::AddCapabilityDialog(const QList<int> &shown, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"addCapabilityDialog"_s);
    setWindowTitle(tr("Add capability"));
    m_filter->setObjectName(u"capabilityFilterLineEdit"_s);
    m_filter->setAccessibleName(tr("Find a capability by name or by what it allows"));
    m_filter->setPlaceholderText(tr("Type to filter, e.g. net_bind or clock"));
    m_filter->setClearButtonEnabled(true);
    auto *label = new QLabel(tr("&Find:"), this);
    label->setBuddy(m_filter);

    m_list->setObjectName(u"addCapabilityTreeWidget"_s);
    m_list->setAccessibleName(tr("Capabilities to add; check one or more"));
    m_list->setHeaderLabels({tr("Capability"), tr("Risk"), tr("What it allows")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    new WrappingDelegate(m_list);

    QList<Core::CapabilityInfo> table = Core::capabilityTable();
    std::sort(table.begin(), table.end(),
              [](const Core::CapabilityInfo &a, const Core::CapabilityInfo &b) { return qstrcmp(a.name, b.name) < 0; });
    for (const Core::CapabilityInfo &info : std::as_const(table)) {
        if (shown.contains(info.number)) {
            continue;
        }
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, QString::fromLatin1(info.name));
        item->setData(0, kNumberRole, info.number);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(0, Qt::Unchecked);
        item->setText(1, capabilityRiskText(info.risk));
        item->setIcon(1, capabilityRiskIcon(info.risk));
        item->setToolTip(1, QString::fromUtf8(info.riskBasis));
        item->setText(2, QCoreApplication::translate("Deroot::Core::Capability", info.summary));
        item->setToolTip(2, item->text(2));
    }
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));

    auto *layout = new QVBoxLayout(this);
    auto *findRow = new QHBoxLayout;
    findRow->addWidget(label);
    findRow->addWidget(m_filter, 1);
    layout->addLayout(findRow);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_buttons);
    resize(760, 460);

    connect(m_filter, &QLineEdit::textChanged, this, &AddCapabilityDialog::filter);
    connect(m_list, &QTreeWidget::itemChanged, this, &AddCapabilityDialog::updateButtons);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &AddCapabilityDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        m_list->setCurrentItem(item);
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Down from the filter walks the list, so the keyboard never has to leave the typing.
    m_filter->installEventFilter(this);
    filter(QString());
    m_filter->setFocus();
}

AddCapabilityDialog::~AddCapabilityDialog() = default;

QList<int> AddCapabilityDialog::chosen() const
{
    QList<int> numbers;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->checkState(0) == Qt::Checked) {
            numbers.append(item->data(0, kNumberRole).toInt());
        }
    }
    if (numbers.isEmpty() && m_list->currentItem() && !m_list->currentItem()->isHidden()) {
        numbers.append(m_list->currentItem()->data(0, kNumberRole).toInt());
    }
    return numbers;
}

bool AddCapabilityDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown || key == Qt::Key_PageUp) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void AddCapabilityDialog::filter(const QString &text)
{
    const QString needle = text.trimmed();
    QTreeWidgetItem *first = nullptr;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        // "net_bind" finds CAP_NET_BIND_SERVICE, "clock" finds CAP_SYS_TIME by what it allows.
        const QString name = item->text(0);
        const bool match = needle.isEmpty() || name.contains(needle, Qt::CaseInsensitive) ||
                           QString(name).replace(u'_', u' ').contains(needle, Qt::CaseInsensitive) ||
                           item->text(2).contains(needle, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (match && !first) {
            first = item;
        }
    }
    if (!m_list->currentItem() || m_list->currentItem()->isHidden()) {
        m_list->setCurrentItem(first);
    }
    updateButtons();
}

void AddCapabilityDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!chosen().isEmpty());
}

} // namespace Deroot::Ui
