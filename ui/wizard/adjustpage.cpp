// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/adjustpage.h"

#include "core/base/text.h"
#include "core/export/planexport.h"
#include "core/model/capabilities.h"
#include "core/model/lists.h"
#include "core/recommend/inputbuilder.h"
#include "core/rules/sudocommands.h"
#include "ui/widgets/icons.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

constexpr int kNumberRole = Qt::UserRole + 1;

QString riskText(Core::CapabilityRisk risk)
{
    switch (risk) {
    case Core::CapabilityRisk::RootEquivalent:
        return AdjustPage::tr("Root-equivalent");
    case Core::CapabilityRisk::High:
        return AdjustPage::tr("High");
    case Core::CapabilityRisk::Moderate:
        return AdjustPage::tr("Moderate");
    case Core::CapabilityRisk::Low:
        break;
    }
    return AdjustPage::tr("Low");
}

QIcon riskIcon(Core::CapabilityRisk risk)
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

QStringList lines(const QPlainTextEdit *edit)
{
    QStringList result;
    for (const QString &line : edit->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty()) {
            result.append(line.trimmed());
        }
    }
    return result;
}

// A hidden, wrapping label in the page's red: what stops the admin from going on.
void makeWarning(QLabel *label, const QString &name)
{
    label->setObjectName(name);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xda, 0x44, 0x53));
    label->setPalette(palette);
    label->hide();
}

QPlainTextEdit *pathEdit(QWidget *parent, const QString &name, const QString &accessibleName)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setAccessibleName(accessibleName);
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setMaximumHeight(edit->fontMetrics().lineSpacing() * 3 + 2 * edit->frameWidth() + 8);
    edit->setPlaceholderText(AdjustPage::tr("One absolute path a line"));
    return edit;
}

} // namespace

AdjustPage::AdjustPage(WizardSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_error(new QLabel(this))
    , m_carried(new QLabel(this))
    , m_user(new QLineEdit)
    , m_capabilities(new QTreeWidget)
    , m_sudo(new QTableWidget(0, 3))
    , m_readPaths(nullptr)
    , m_writePaths(nullptr)
    , m_devices(nullptr)
    , m_groups(new QLineEdit)
    , m_ports(new QLineEdit)
    , m_image(new QLineEdit)
    , m_commandLine(new QLineEdit)
    , m_environment(new QLineEdit)
    , m_environmentFiles(new QLineEdit)
    , m_addressChange(new QLabel(this))
    , m_acceptAddressChange(new QCheckBox(this))
    , m_copyLeft(new QLabel(this))
    , m_limits(new QGroupBox(tr("Resource &limits")))
    , m_cpu(new QSpinBox)
    , m_memory(new QSpinBox)
    , m_tasks(new QSpinBox)
{
    setObjectName(u"adjustPage"_s);
    setTitle(tr("Adjust"));
    auto *content = new QWidget;
    m_readPaths = pathEdit(content, u"readPathsPlainTextEdit"_s, tr("Paths it reads"));
    m_writePaths = pathEdit(content, u"writePathsPlainTextEdit"_s, tr("Paths it writes"));
    m_devices = pathEdit(content, u"devicesPlainTextEdit"_s, tr("Device nodes it opens"));
    m_devices->setPlaceholderText(tr("One device node a line, /dev/ipmi0"));

    makeWarning(m_error, u"adjustErrorLabel"_s);
    m_carried->setObjectName(u"carriedAdjustmentsLabel"_s);
    m_carried->setWordWrap(true);
    m_carried->hide();

    m_user->setObjectName(u"serviceUserLineEdit"_s);
    m_user->setAccessibleName(tr("Service user name"));
    m_user->setToolTip(tr("The system user the agent runs as; created by the plan if it does not exist"));

    m_capabilities->setObjectName(u"capabilitiesTreeWidget"_s);
    m_capabilities->setAccessibleName(tr("Capabilities the agent gets; check to grant"));
    m_capabilities->setHeaderLabels({tr("Capability"), tr("Risk"), tr("What it allows")});
    m_capabilities->setRootIsDecorated(false);
    m_capabilities->setMinimumHeight(160);
    m_capabilities->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_capabilities->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    m_sudo->setObjectName(u"sudoCommandsTableWidget"_s);
    m_sudo->setAccessibleName(tr("Commands the agent may run through sudo; check to allow"));
    m_sudo->setHorizontalHeaderLabels({tr("Program"), tr("Arguments"), tr("Warning")});
    m_sudo->verticalHeader()->hide();
    m_sudo->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sudo->horizontalHeader()->setStretchLastSection(true);
    m_sudo->setTabKeyNavigation(false);
    m_sudo->setMaximumHeight(140);

    m_ports->setObjectName(u"portsLineEdit"_s);
    m_ports->setAccessibleName(tr("Ports it listens on"));
    m_ports->setPlaceholderText(tr("tcp/9100 udp/161"));
    m_groups->setObjectName(u"groupsLineEdit"_s);
    m_groups->setAccessibleName(tr("Supplementary groups"));
    m_groups->setPlaceholderText(tr("adm, systemd-journal"));
    m_groups->setToolTip(tr("Groups the service user joins besides its own, comma-separated"));
    m_image->setObjectName(u"containerImageLineEdit"_s);
    m_image->setAccessibleName(tr("Container image"));
    m_image->setPlaceholderText(tr("registry/name:tag"));

    m_commandLine->setObjectName(u"commandLineLineEdit"_s);
    m_commandLine->setAccessibleName(tr("Command line after the program"));
    m_commandLine->setToolTip(tr("The arguments the agent runs with today, as a shell would split them; "
                                 "for a called program under sudo, the exact arguments the rule allows"));
    m_commandLine->setPlaceholderText(tr("(no arguments)"));
    m_environment->setObjectName(u"environmentLineEdit"_s);
    m_environment->setAccessibleName(tr("Environment settings"));
    m_environment->setPlaceholderText(tr("NAME=value NAME2='with spaces'"));
    m_environmentFiles->setObjectName(u"environmentFilesLineEdit"_s);
    m_environmentFiles->setAccessibleName(tr("Environment files"));
    m_environmentFiles->setPlaceholderText(tr("/etc/default/agent, -/etc/agent.env"));
    makeWarning(m_addressChange, u"addressChangeLabel"_s);
    m_acceptAddressChange->setObjectName(u"acceptAddressChangeCheckBox"_s);
    m_acceptAddressChange->setText(tr("&Keep going: let it listen where its defaults say"));
    m_acceptAddressChange->setAccessibleName(tr("Keep going: let it listen where its defaults say"));
    m_acceptAddressChange->hide();
    // Not a stop: the admin reads it and stops that copy before the apply.
    makeWarning(m_copyLeft, u"copyLeftRunningLabel"_s);

    m_limits->setObjectName(u"limitsGroupBox"_s);
    m_limits->setCheckable(true);
    m_limits->setToolTip(tr("A runaway agent cannot take the machine down: the guide's incident"));
    m_cpu->setObjectName(u"cpuQuotaSpinBox"_s);
    m_cpu->setRange(1, 10000);
    m_cpu->setSuffix(tr(" % of one CPU"));
    m_cpu->setAccessibleName(tr("CPU quota"));
    m_memory->setObjectName(u"memoryMaxSpinBox"_s);
    m_memory->setRange(16, 1024 * 1024);
    m_memory->setSuffix(tr(" MiB"));
    m_memory->setAccessibleName(tr("Memory limit"));
    m_tasks->setObjectName(u"tasksMaxSpinBox"_s);
    m_tasks->setRange(1, 100000);
    m_tasks->setAccessibleName(tr("Task limit"));
    auto *limitsLayout = new QFormLayout(m_limits);
    limitsLayout->addRow(tr("&CPU:"), m_cpu);
    limitsLayout->addRow(tr("&Memory:"), m_memory);
    limitsLayout->addRow(tr("&Tasks:"), m_tasks);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Service &user:"), m_user);
    form->addRow(tr("C&ommand line:"), m_commandLine);
    form->addRow(tr("En&vironment:"), m_environment);
    form->addRow(tr("Environment &files:"), m_environmentFiles);
    form->addRow(tr("&Reads:"), m_readPaths);
    form->addRow(tr("&Writes:"), m_writePaths);
    form->addRow(tr("&Devices:"), m_devices);
    form->addRow(tr("&Groups:"), m_groups);
    form->addRow(tr("&Ports:"), m_ports);
    form->addRow(tr("Container &image:"), m_image);

    auto *capabilitiesLabel = new QLabel(tr("Capa&bilities (a red shield marks the root-equivalent ones):"), content);
    capabilitiesLabel->setBuddy(m_capabilities);
    auto *sudoLabel = new QLabel(tr("Commands through &sudo:"), content);
    sudoLabel->setObjectName(u"sudoCommandsLabel"_s);
    sudoLabel->setBuddy(m_sudo);

    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_error);
    layout->addWidget(m_carried);
    layout->addWidget(m_addressChange);
    layout->addWidget(m_acceptAddressChange);
    layout->addWidget(m_copyLeft);
    layout->addLayout(form);
    layout->addWidget(capabilitiesLabel);
    layout->addWidget(m_capabilities, 1);
    layout->addWidget(sudoLabel);
    layout->addWidget(m_sudo);
    layout->addWidget(m_limits);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Not a Tab stop of its own: the controls inside are, and the area scrolls to the focused one.
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    setTabOrder(m_acceptAddressChange, m_user);
    setTabOrder(m_user, m_commandLine);
    setTabOrder(m_commandLine, m_environment);
    setTabOrder(m_environment, m_environmentFiles);
    setTabOrder(m_environmentFiles, m_readPaths);
    setTabOrder(m_readPaths, m_writePaths);
    setTabOrder(m_writePaths, m_devices);
    setTabOrder(m_devices, m_groups);
    setTabOrder(m_groups, m_ports);
    setTabOrder(m_ports, m_image);
    setTabOrder(m_image, m_capabilities);
    setTabOrder(m_capabilities, m_sudo);
    setTabOrder(m_sudo, m_limits);

    const auto changed = [this] {
        if (!m_filling) {
            apply();
        }
    };
    connect(m_user, &QLineEdit::textEdited, this, changed);
    connect(m_ports, &QLineEdit::textEdited, this, changed);
    connect(m_groups, &QLineEdit::textEdited, this, changed);
    connect(m_image, &QLineEdit::textEdited, this, changed);
    connect(m_commandLine, &QLineEdit::textEdited, this, changed);
    connect(m_environment, &QLineEdit::textEdited, this, changed);
    connect(m_environmentFiles, &QLineEdit::textEdited, this, changed);
    connect(m_acceptAddressChange, &QCheckBox::toggled, this, &AdjustPage::completeChanged);
    connect(m_devices, &QPlainTextEdit::textChanged, this, changed);
    connect(m_readPaths, &QPlainTextEdit::textChanged, this, changed);
    connect(m_writePaths, &QPlainTextEdit::textChanged, this, changed);
    connect(m_capabilities, &QTreeWidget::itemChanged, this, changed);
    connect(m_sudo, &QTableWidget::itemChanged, this, changed);
    connect(m_limits, &QGroupBox::toggled, this, changed);
    for (QSpinBox *box : {m_cpu, m_memory, m_tasks}) {
        connect(box, &QSpinBox::valueChanged, this, changed);
    }
    connect(m_session, &WizardSession::planChanged, this, [this] {
        m_error->setVisible(!m_session->planError().isEmpty());
        m_error->setText(tr("This gives no valid plan: %1").arg(m_session->planError()));
        showAddressChanges();
        Q_EMIT completeChanged();
    });
}

AdjustPage::~AdjustPage() = default;

void AdjustPage::initializePage()
{
    fill();
    const QStringList carried = m_session->carriedAdjustments();
    m_carried->setVisible(!carried.isEmpty());
    m_carried->setText(tr("Kept from your adjustments to the previous method: %1.").arg(carried.join(u", "_s)));
}

bool AdjustPage::isComplete() const
{
    // A listening address the plan would drop is answered before going on, never passed silently.
    return m_session->hasPlan() && (m_acceptAddressChange->isHidden() || m_acceptAddressChange->isChecked());
}

void AdjustPage::showAddressChanges()
{
    const QStringList changes = m_session->hasReport() && m_session->hasInput()
                                    ? Core::listenAddressChanges(m_session->report(), m_session->input())
                                    : QStringList();
    m_addressChange->setText(changes.join(u' ') + u' ' +
                             tr("Keep the address on the command line, or confirm that this is what you want."));
    m_addressChange->setVisible(!changes.isEmpty());
    if (changes.isEmpty()) {
        m_acceptAddressChange->setChecked(false);
    }
    m_acceptAddressChange->setVisible(!changes.isEmpty());
    const QString copy = m_session->hasReport() && m_session->hasInput()
                             ? Core::copyLeftRunning(m_session->report(), m_session->input())
                             : QString();
    m_copyLeft->setText(copy);
    m_copyLeft->setVisible(!copy.isEmpty());
}

// The field "Command line" edits: the program's arguments, or for a program its caller runs
// through sudo, the exact arguments of its sudo rule (as derootctl generate --args does).
QStringList *AdjustPage::commandLineOf(Core::GenerationInput &input)
{
    if (input.startMode == Core::StartMode::CalledBy && input.method == Core::Method::Sudo) {
        for (Core::SudoCommand &command : input.sudoCommands) {
            if (command.path == input.executable) {
                return &command.arguments;
            }
        }
    }
    return &input.arguments;
}

void AdjustPage::fill()
{
    m_filling = true;
    const Core::GenerationInput &input = m_session->input();
    m_user->setText(input.serviceUser);
    const bool calledBy = input.startMode == Core::StartMode::CalledBy;
    // A called program runs as its caller: it has no user, groups or environment of its own.
    m_user->setEnabled(input.method != Core::Method::Container && !calledBy);
    m_groups->setEnabled(!calledBy);
    m_environment->setEnabled(!calledBy);
    // A called program's caller gives its arguments at each call: only a sudo rule fixes them.
    m_commandLine->setEnabled(!calledBy || input.method == Core::Method::Sudo);
    m_environmentFiles->setEnabled(!calledBy);
    Core::GenerationInput copy = input;
    m_commandLine->setText(Core::joinCommandLine(*commandLineOf(copy)));
    m_environment->setText(Core::joinCommandLine(input.environment));
    m_environmentFiles->setText(input.environmentFiles.join(u", "_s));
    m_readPaths->setPlainText(input.readPaths.join(u'\n'));
    m_writePaths->setPlainText(input.writePaths.join(u'\n'));
    QStringList ports;
    for (const Core::ListenPort &port : input.listenPorts) {
        ports.append(u"%1/%2"_s.arg(port.protocol).arg(port.port));
    }
    m_ports->setText(ports.join(u' '));
    m_devices->setPlainText(input.devices.join(u'\n'));
    m_groups->setText(input.supplementaryGroups.join(u", "_s));
    m_image->setText(input.containerImage);
    m_image->setEnabled(input.method == Core::Method::Container);

    // Every capability, the granted and the needed ones first, then by number.
    m_capabilities->clear();
    QList<Core::CapabilityInfo> table = Core::capabilityTable();
    QList<int> needed;
    if (m_session->hasReport()) {
        for (const Core::CapabilityNeed &need : m_session->report().needs.capabilities) {
            needed.append(need.capability);
        }
    }
    std::stable_sort(table.begin(), table.end(), [&](const Core::CapabilityInfo &a, const Core::CapabilityInfo &b) {
        const auto rank = [&](const Core::CapabilityInfo &c) {
            return input.capabilities.contains(c.number) ? 0 : needed.contains(c.number) ? 1 : 2;
        };
        return rank(a) < rank(b);
    });
    for (const Core::CapabilityInfo &info : std::as_const(table)) {
        auto *item = new QTreeWidgetItem(m_capabilities);
        QString name = QString::fromLatin1(info.name);
        if (needed.contains(info.number) && !input.capabilities.contains(info.number)) {
            name += tr(" (optional need)");
        }
        item->setText(0, name);
        item->setData(0, kNumberRole, info.number);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(0, input.capabilities.contains(info.number) ? Qt::Checked : Qt::Unchecked);
        item->setText(1, riskText(info.risk));
        item->setIcon(1, riskIcon(info.risk));
        item->setToolTip(1, QCoreApplication::translate("Deroot::Core::Capability", info.riskBasis));
        item->setText(2, QCoreApplication::translate("Deroot::Core::Capability", info.summary));
        item->setToolTip(2, item->text(2));
        if (info.risk == Core::CapabilityRisk::RootEquivalent) {
            QFont font = item->font(1);
            font.setBold(true);
            item->setFont(1, font);
        }
    }
    m_capabilities->setEnabled(input.method != Core::Method::Sudo || !input.capabilities.isEmpty());

    m_sudoCommands = input.sudoCommands;
    m_sudo->setRowCount(int(m_sudoCommands.size()));
    for (int row = 0; row < m_sudoCommands.size(); ++row) {
        const Core::SudoCommand &command = m_sudoCommands.at(row);
        auto *program = new QTableWidgetItem(command.path);
        program->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        program->setCheckState(Qt::Checked);
        m_sudo->setItem(row, 0, program);
        m_sudo->setItem(
            row, 1,
            new QTableWidgetItem(command.arguments.isEmpty() ? tr("(no arguments)") : command.arguments.join(u' ')));
        QString warning = command.noexec ? tr("NOEXEC: it cannot start other programs") : QString();
        if (const auto dangerous = Core::dangerousSudoCommand(command.path)) {
            warning = tr("Gives a shell through sudo (%1): refused").arg(dangerous->allows);
            m_sudo->item(row, 0)->setIcon(rootIcon());
        }
        m_sudo->setItem(row, 2, new QTableWidgetItem(warning));
    }
    m_sudo->setVisible(!m_sudoCommands.isEmpty());
    if (auto *label = findChild<QLabel *>(u"sudoCommandsLabel"_s)) {
        label->setVisible(!m_sudoCommands.isEmpty());
    }
    m_sudo->resizeColumnsToContents();

    m_limits->setChecked(input.limits.enabled);
    m_cpu->setValue(input.limits.cpuQuotaPercent);
    m_memory->setValue(input.limits.memoryMaxMiB);
    m_tasks->setValue(input.limits.tasksMax);
    showAddressChanges();
    m_filling = false;
}

void AdjustPage::apply()
{
    Core::GenerationInput input = m_session->input();
    input.serviceUser = m_user->text().trimmed();
    input.readPaths = lines(m_readPaths);
    input.writePaths = lines(m_writePaths);
    input.devices = lines(m_devices);
    input.supplementaryGroups = Core::parseList(m_groups->text());
    input.containerImage = m_image->text().trimmed();
    // The same parser as derootctl generate --ports: the same text gives the same plan.
    const auto ports = Core::parsePortList(m_ports->text());
    if (ports) {
        input.listenPorts = *ports;
    }
    // Capabilities in number order, as `derootctl generate --caps` sets them.
    input.capabilities.clear();
    for (int i = 0; i < m_capabilities->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_capabilities->topLevelItem(i);
        if (item->checkState(0) == Qt::Checked) {
            input.capabilities.append(item->data(0, kNumberRole).toInt());
        }
    }
    std::sort(input.capabilities.begin(), input.capabilities.end());
    input.sudoCommands.clear();
    for (int row = 0; row < m_sudo->rowCount() && row < m_sudoCommands.size(); ++row) {
        if (m_sudo->item(row, 0)->checkState() == Qt::Checked) {
            input.sudoCommands.append(m_sudoCommands.at(row));
        }
    }
    input.limits.enabled = m_limits->isChecked();
    input.limits.cpuQuotaPercent = m_cpu->value();
    input.limits.memoryMaxMiB = m_memory->value();
    input.limits.tasksMax = m_tasks->value();
    // The same splitting as derootctl generate --args and --environment.
    QStringList *commandLine = commandLineOf(input);
    *commandLine = Core::splitCommandLine(m_commandLine->text());
    for (Core::SudoCommand &command : input.sudoCommands) {
        if (&command.arguments == commandLine) {
            command.argumentsUnknown = false;
        }
    }
    if (input.startMode != Core::StartMode::CalledBy) {
        input.environment = Core::splitCommandLine(m_environment->text());
        input.environmentFiles = Core::parseList(m_environmentFiles->text());
    }
    m_session->setInput(input);
    if (!ports) {
        m_error->setText(tr("Ports kept as they were: %1").arg(ports.error().message));
        m_error->show();
    }
}

} // namespace Deroot::Ui
