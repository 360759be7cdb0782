// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/adjustpage.h"

#include "core/base/text.h"
#include "core/export/planexport.h"
#include "core/generate/generator.h"
#include "core/generate/inputvalidation.h"
#include "core/model/capabilities.h"
#include "core/model/lists.h"
#include "core/recommend/inputbuilder.h"
#include "core/rules/sudocommands.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/wheelguard.h"
#include "ui/wizard/addcapabilitydialog.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

constexpr int kNumberRole = Qt::UserRole + 1;
const QColor kErrorColor(0xda, 0x44, 0x53);

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
    palette.setColor(QPalette::WindowText, kErrorColor);
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
    edit->setPlaceholderText(AdjustPage::tr("One absolute path a line, for example: /var/lib/agent"));
    return edit;
}

// As tall as its rows: a list that scrolls inside a page that scrolls is a trap for the wheel.
void fitHeight(QTreeWidget *tree)
{
    int height = tree->header()->isHidden() ? 0 : tree->header()->sizeHint().height();
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (!tree->topLevelItem(i)->isHidden()) {
            height += tree->visualItemRect(tree->topLevelItem(i)).height() > 0
                          ? tree->visualItemRect(tree->topLevelItem(i)).height()
                          : tree->sizeHintForRow(0);
        }
    }
    height += 2 * tree->frameWidth() + 2;
    if (tree->horizontalScrollBar()->isVisible()) {
        height += tree->horizontalScrollBar()->sizeHint().height();
    }
    tree->setFixedHeight(std::max(height, tree->header()->sizeHint().height() + tree->sizeHintForRow(0)));
}

void fitHeight(QTableWidget *table)
{
    int height = table->horizontalHeader()->sizeHint().height() + 2 * table->frameWidth() + 2;
    for (int row = 0; row < table->rowCount(); ++row) {
        height += table->rowHeight(row);
    }
    if (table->horizontalScrollBar()->isVisible()) {
        height += table->horizontalScrollBar()->sizeHint().height();
    }
    table->setFixedHeight(height);
}

} // namespace

AdjustPage::AdjustPage(WizardSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_error(new QLabel(this))
    , m_carried(new QLabel(this))
    , m_user(new QLineEdit)
    , m_capabilities(new QTreeWidget)
    , m_addCapability(new QPushButton)
    , m_capabilitiesHint(new QLabel)
    , m_sudo(new QTableWidget(0, 3))
    , m_sudoBox(new QGroupBox(tr("Commands through sudo")))
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
    // Placeholders that cannot be taken for settings: each says it is an example.
    m_devices->setPlaceholderText(tr("One device node a line, for example: /dev/ipmi0"));

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
    m_capabilities->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_capabilities->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_capabilities->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_addCapability->setObjectName(u"addCapabilityPushButton"_s);
    m_addCapability->setText(tr("&Add capability…"));
    m_addCapability->setToolTip(tr("Choose from every other capability, with its risk and what it allows"));
    m_capabilitiesHint->setObjectName(u"capabilitiesHintLabel"_s);
    m_capabilitiesHint->setWordWrap(true);
    m_capabilitiesHint->setEnabled(false);
    m_capabilitiesHint->hide();

    m_sudo->setObjectName(u"sudoCommandsTableWidget"_s);
    m_sudo->setAccessibleName(tr("Commands the agent may run through sudo; check to allow"));
    m_sudo->setHorizontalHeaderLabels({tr("Program"), tr("Arguments"), tr("Warning")});
    m_sudo->verticalHeader()->hide();
    m_sudo->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sudo->horizontalHeader()->setStretchLastSection(true);
    m_sudo->setTabKeyNavigation(false);
    m_sudo->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sudoBox->setObjectName(u"sudoCommandsGroupBox"_s);

    m_ports->setObjectName(u"portsLineEdit"_s);
    m_ports->setAccessibleName(tr("Ports it listens on"));
    m_ports->setPlaceholderText(tr("for example: tcp/9100 udp/161"));
    m_groups->setObjectName(u"groupsLineEdit"_s);
    m_groups->setAccessibleName(tr("Supplementary groups"));
    m_groups->setPlaceholderText(tr("for example: adm, systemd-journal"));
    m_groups->setToolTip(tr("Groups the service user joins besides its own, comma-separated"));
    m_image->setObjectName(u"containerImageLineEdit"_s);
    m_image->setAccessibleName(tr("Container image"));
    m_image->setPlaceholderText(tr("for example: registry.example.org/agent:1.2"));
    m_image->setToolTip(tr("The image the container runs. Filled in from the agent's catalog entry when its "
                           "upstream publishes one; pin the digest you reviewed (name@sha256:...)."));

    m_commandLine->setObjectName(u"commandLineLineEdit"_s);
    m_commandLine->setAccessibleName(tr("Command line after the program"));
    m_commandLine->setToolTip(tr("The arguments the agent runs with today, as a shell would split them; "
                                 "for a called program under sudo, the exact arguments the rule allows"));
    m_commandLine->setPlaceholderText(tr("(no arguments)"));
    m_environment->setObjectName(u"environmentLineEdit"_s);
    m_environment->setAccessibleName(tr("Environment settings"));
    m_environment->setPlaceholderText(tr("for example: NAME=value NAME2='with spaces'"));
    m_environmentFiles->setObjectName(u"environmentFilesLineEdit"_s);
    m_environmentFiles->setAccessibleName(tr("Environment files"));
    m_environmentFiles->setPlaceholderText(tr("for example: /etc/default/agent, -/etc/agent.env"));
    makeWarning(m_addressChange, u"addressChangeLabel"_s);
    m_acceptAddressChange->setObjectName(u"acceptAddressChangeCheckBox"_s);
    m_acceptAddressChange->setText(tr("&Keep going: let it listen where its defaults say"));
    m_acceptAddressChange->setAccessibleName(tr("Keep going: let it listen where its defaults say"));
    m_acceptAddressChange->hide();
    // Not a stop: the admin reads it and stops that copy before the apply.
    makeWarning(m_copyLeft, u"copyLeftRunningLabel"_s);

    m_limits->setObjectName(u"limitsGroupBox"_s);
    m_limits->setCheckable(true);
    m_limits->setToolTip(
        tr("Limits keep an agent caught in a runaway loop from taking the whole machine down with it."));
    m_cpu->setObjectName(u"cpuQuotaSpinBox"_s);
    m_cpu->setRange(1, 10000);
    m_cpu->setSingleStep(5);
    m_cpu->setSuffix(tr(" % of one CPU"));
    m_cpu->setAccessibleName(tr("CPU quota"));
    m_memory->setObjectName(u"memoryMaxSpinBox"_s);
    m_memory->setRange(16, 1024 * 1024);
    // A step of 1 MiB is no step a limit is ever set in.
    m_memory->setSingleStep(64);
    m_memory->setSuffix(tr(" MiB"));
    m_memory->setAccessibleName(tr("Memory limit"));
    m_tasks->setObjectName(u"tasksMaxSpinBox"_s);
    m_tasks->setRange(1, 100000);
    m_tasks->setSingleStep(16);
    m_tasks->setAccessibleName(tr("Task limit"));
    // Sized to their values, not stretched across the page (the KDE HIG).
    for (QSpinBox *box : {m_cpu, m_memory, m_tasks}) {
        box->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    }

    const auto formIn = [](QGroupBox *box) {
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        return form;
    };
    using Input = Core::GenerationInput;

    // Identity: who it runs as and how it is started.
    auto *identity = new QGroupBox(tr("Identity"), content);
    identity->setObjectName(u"identityGroupBox"_s);
    m_identityForm = formIn(identity);
    addField(m_identityForm, tr("Service &user:"), m_user,
             [](Input &to, const Input &from) { to.serviceUser = from.serviceUser; });
    addField(m_identityForm, tr("&Groups:"), m_groups,
             [](Input &to, const Input &from) { to.supplementaryGroups = from.supplementaryGroups; });
    addField(m_identityForm, tr("C&ommand line:"), m_commandLine, [](Input &to, const Input &from) {
        to.arguments = from.arguments;
        to.sudoCommands = from.sudoCommands;
    });
    addField(m_identityForm, tr("En&vironment:"), m_environment,
             [](Input &to, const Input &from) { to.environment = from.environment; });
    addField(m_identityForm, tr("Environment &files:"), m_environmentFiles,
             [](Input &to, const Input &from) { to.environmentFiles = from.environmentFiles; });
    addField(m_identityForm, tr("Container &image:"), m_image,
             [](Input &to, const Input &from) { to.containerImage = from.containerImage; });

    // Files & devices.
    auto *files = new QGroupBox(tr("Files && devices"), content);
    files->setObjectName(u"filesGroupBox"_s);
    auto *filesForm = formIn(files);
    addField(filesForm, tr("&Reads:"), m_readPaths,
             [](Input &to, const Input &from) { to.readPaths = from.readPaths; });
    addField(filesForm, tr("&Writes:"), m_writePaths,
             [](Input &to, const Input &from) { to.writePaths = from.writePaths; });
    addField(filesForm, tr("&Devices:"), m_devices, [](Input &to, const Input &from) { to.devices = from.devices; });

    // Network.
    auto *network = new QGroupBox(tr("Network"), content);
    network->setObjectName(u"networkGroupBox"_s);
    auto *networkForm = formIn(network);
    addField(networkForm, tr("&Ports:"), m_ports,
             [](Input &to, const Input &from) { to.listenPorts = from.listenPorts; });

    // Capabilities: the granted and suggested ones; the others through "Add capability…".
    auto *capabilities = new QGroupBox(tr("Capabilities"), content);
    capabilities->setObjectName(u"capabilitiesGroupBox"_s);
    auto *capabilitiesLabel =
        new QLabel(tr("Capab&ilities granted and suggested (a red shield marks the root-equivalent ones):"), content);
    capabilitiesLabel->setWordWrap(true);
    capabilitiesLabel->setBuddy(m_capabilities);
    auto *capabilitiesLayout = new QVBoxLayout(capabilities);
    capabilitiesLayout->addWidget(capabilitiesLabel);
    QWidget *capabilitiesRow = addField(nullptr, QString(), m_capabilities,
                                        [](Input &to, const Input &from) { to.capabilities = from.capabilities; });
    capabilitiesLayout->addWidget(capabilitiesRow);
    capabilitiesLayout->addWidget(m_capabilitiesHint);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_addCapability);
    addRow->addStretch(1);
    capabilitiesLayout->addLayout(addRow);

    auto *sudoLabel = new QLabel(tr("Commands through &sudo:"), content);
    sudoLabel->setObjectName(u"sudoCommandsLabel"_s);
    sudoLabel->setBuddy(m_sudo);
    auto *sudoLayout = new QVBoxLayout(m_sudoBox);
    sudoLayout->addWidget(sudoLabel);
    sudoLayout->addWidget(addField(nullptr, QString(), m_sudo,
                                   [](Input &to, const Input &from) { to.sudoCommands = from.sudoCommands; }));

    auto *limitsLayout = new QFormLayout(m_limits);
    limitsLayout->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    limitsLayout->addRow(tr("&CPU:"), m_cpu);
    limitsLayout->addRow(tr("&Memory:"), m_memory);
    limitsLayout->addRow(tr("&Tasks:"), m_tasks);
    m_fields.append({m_limits, m_limits, nullptr, new QLabel(m_limits),
                     [](Input &to, const Input &from) { to.limits = from.limits; }});
    makeWarning(m_fields.last().error, u"limitsErrorLabel"_s);
    limitsLayout->addRow(m_fields.last().error);

    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_error);
    layout->addWidget(m_carried);
    layout->addWidget(m_addressChange);
    layout->addWidget(m_acceptAddressChange);
    layout->addWidget(m_copyLeft);
    layout->addWidget(identity);
    layout->addWidget(files);
    layout->addWidget(network);
    layout->addWidget(capabilities);
    layout->addWidget(m_sudoBox);
    layout->addWidget(m_limits);
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"adjustScrollArea"_s);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Not a Tab stop of its own: the controls inside are, and the area scrolls to the focused one.
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    // The wheel scrolls the page; it changes a limit only in the box the admin focused.
    WheelGuard::install(this);

    setTabOrder(m_acceptAddressChange, m_user);
    setTabOrder(m_user, m_groups);
    setTabOrder(m_groups, m_commandLine);
    setTabOrder(m_commandLine, m_environment);
    setTabOrder(m_environment, m_environmentFiles);
    setTabOrder(m_environmentFiles, m_image);
    setTabOrder(m_image, m_readPaths);
    setTabOrder(m_readPaths, m_writePaths);
    setTabOrder(m_writePaths, m_devices);
    setTabOrder(m_devices, m_ports);
    setTabOrder(m_ports, m_capabilities);
    setTabOrder(m_capabilities, m_addCapability);
    setTabOrder(m_addCapability, m_sudo);
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
    connect(m_addCapability, &QPushButton::clicked, this, &AdjustPage::addCapabilities);
    connect(m_session, &WizardSession::planChanged, this, [this] {
        if (m_session->hasPlan() && m_session->hasInput()) {
            m_lastGood = m_session->input();
        }
        showErrors();
        showAddressChanges();
        Q_EMIT completeChanged();
    });
}

AdjustPage::~AdjustPage() = default;

QWidget *AdjustPage::addField(QFormLayout *form, const QString &label, QWidget *editor,
                              std::function<void(Core::GenerationInput &, const Core::GenerationInput &)> take)
{
    // The editor, the line beneath it for why it is off, the line for what is wrong with it: the
    // message sits at the field at fault, and only the rows below it move when it appears.
    auto *row = new QWidget;
    row->setObjectName(editor->objectName() + u"Row"_s);
    auto *column = new QVBoxLayout(row);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(editor);
    auto *hint = new QLabel(row);
    hint->setObjectName(editor->objectName() + u"HintLabel"_s);
    hint->setWordWrap(true);
    QFont small = hint->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    hint->setFont(small);
    QPalette palette = hint->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::Disabled, QPalette::WindowText));
    hint->setPalette(palette);
    hint->hide();
    column->addWidget(hint);
    auto *error = new QLabel(row);
    makeWarning(error, editor->objectName() + u"ErrorLabel"_s);
    column->addWidget(error);
    row->setFocusProxy(editor);
    if (form) {
        form->addRow(label, row);
    }
    m_fields.append({editor, row, hint, error, std::move(take)});
    return row;
}

AdjustPage::Field *AdjustPage::fieldOf(const QWidget *editor)
{
    for (Field &field : m_fields) {
        if (field.editor == editor) {
            return &field;
        }
    }
    return nullptr;
}

void AdjustPage::setHint(QWidget *editor, const QString &hint)
{
    if (Field *field = fieldOf(editor); field && field->hint) {
        field->hint->setText(hint);
        field->hint->setVisible(!hint.isEmpty());
    }
}

void AdjustPage::setFieldError(Field &field, const QString &error)
{
    field.error->setText(error);
    field.error->setVisible(!error.isEmpty());
    field.editor->setProperty("invalid", !error.isEmpty());
    // The red frame: only on the field at fault, and gone with the fault.
    if (field.editor != m_limits) {
        field.editor->setStyleSheet(
            error.isEmpty() ? QString()
                            : u"#%1 { border: 2px solid %2; }"_s.arg(field.editor->objectName(), kErrorColor.name()));
    }
}

void AdjustPage::showErrors()
{
    for (Field &field : m_fields) {
        setFieldError(field, QString());
    }
    m_error->hide();
    if (!m_portsError.isEmpty()) {
        setFieldError(*fieldOf(m_ports), m_portsError);
    }
    const QString error = m_session->planError();
    if (error.isEmpty() || !m_session->hasInput()) {
        return;
    }
    if (m_session->input().method == Core::Method::Container && m_session->input().containerImage.isEmpty()) {
        setFieldError(*fieldOf(m_image), tr("Give the image the container runs (registry/name:tag): the catalog "
                                            "names none for this agent."));
        return;
    }
    // Which field is at fault: the one whose last good value alone makes the plan valid again,
    // asked of the same generator and checks the session uses.
    if (m_lastGood && m_lastGood->method == m_session->input().method) {
        for (Field &field : m_fields) {
            Core::GenerationInput candidate = m_session->input();
            field.take(candidate, *m_lastGood);
            if (Core::generatePlan(candidate) && !Core::checkInputOnSystem(candidate)) {
                setFieldError(field, error);
                return;
            }
        }
    }
    m_error->setText(tr("This gives no valid plan: %1").arg(error));
    m_error->show();
}

void AdjustPage::initializePage()
{
    m_added.clear();
    m_portsError.clear();
    m_lastGood.reset();
    if (m_session->hasPlan() && m_session->hasInput()) {
        m_lastGood = m_session->input();
    }
    fill();
    showErrors();
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
    const bool container = input.method == Core::Method::Container;
    const bool calledBy = input.startMode == Core::StartMode::CalledBy;
    const bool unit = !container && input.runsUnderSystemd && !calledBy;
    m_user->setText(input.serviceUser);
    // What the method ignores is off, and says why beneath the field.
    const QString asCaller = tr("A program another agent calls runs as its caller: it has no user, groups or "
                                "environment of its own.");
    m_user->setEnabled(!container && !calledBy);
    setHint(m_user, container  ? tr("In the container it runs as an unprivileged user of the container, not as a "
                                     "user of this machine.")
                    : calledBy ? asCaller
                               : QString());
    for (QWidget *field : {static_cast<QWidget *>(m_groups), static_cast<QWidget *>(m_environment),
                           static_cast<QWidget *>(m_environmentFiles)}) {
        field->setEnabled(!calledBy);
        field->setToolTip(calledBy ? asCaller : QString());
    }
    // A called program's caller gives its arguments at each call: only a sudo rule fixes them.
    m_commandLine->setEnabled(!calledBy || input.method == Core::Method::Sudo);
    setHint(m_commandLine, m_commandLine->isEnabled()
                               ? QString()
                               : tr("Its caller gives the arguments at each call; only a sudo rule fixes them."));
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
    // Ports: a container publishes them; a unit keeps its network open for them (no
    // PrivateNetwork=) and "Prove it" checks that it listens there; with no unit and no container
    // nothing uses them, so the field is not shown.
    if (QWidget *networkBox = findChild<QWidget *>(u"networkGroupBox"_s)) {
        networkBox->setVisible(container || unit);
    }
    setHint(m_ports, container ? tr("The container publishes these ports.")
                               : tr("The unit keeps the network open for these ports, and “Prove it” checks that "
                                    "the agent listens on them. systemd does not hold it to them."));
    m_devices->setPlainText(input.devices.join(u'\n'));
    m_groups->setText(input.supplementaryGroups.join(u", "_s));
    m_image->setText(input.containerImage);
    m_image->setEnabled(container);
    m_identityForm->setRowVisible(fieldOf(m_image)->row, container);

    // Every capability is an item; the granted and suggested ones (and those added on this
    // visit) are shown, granted first, then by name.
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
        return rank(a) != rank(b) ? rank(a) < rank(b) : qstrcmp(a.name, b.name) < 0;
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
        item->setText(1, capabilityRiskText(info.risk));
        item->setIcon(1, capabilityRiskIcon(info.risk));
        item->setToolTip(1, QCoreApplication::translate("Deroot::Core::Capability", info.riskBasis));
        item->setText(2, QCoreApplication::translate("Deroot::Core::Capability", info.summary));
        item->setToolTip(2, item->text(2));
        if (info.risk == Core::CapabilityRisk::RootEquivalent) {
            QFont font = item->font(1);
            font.setBold(true);
            item->setFont(1, font);
        }
        item->setHidden(!input.capabilities.contains(info.number) && !needed.contains(info.number) &&
                        !m_added.contains(info.number));
    }
    const bool capabilitiesOff = input.method == Core::Method::Sudo && input.capabilities.isEmpty();
    m_capabilities->setEnabled(!capabilitiesOff);
    m_addCapability->setEnabled(!capabilitiesOff);
    m_capabilitiesHint->setText(capabilitiesOff ? tr("The sudo method gives the agent itself no capability: only "
                                                     "the commands below run as root.")
                                                : QString());
    m_capabilitiesHint->setVisible(capabilitiesOff);
    showCapabilities();

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
    m_sudoBox->setVisible(!m_sudoCommands.isEmpty());
    m_sudo->resizeColumnsToContents();
    m_sudo->resizeRowsToContents();
    fitHeight(m_sudo);

    m_limits->setChecked(input.limits.enabled);
    m_cpu->setValue(input.limits.cpuQuotaPercent);
    m_memory->setValue(input.limits.memoryMaxMiB);
    m_tasks->setValue(input.limits.tasksMax);
    showAddressChanges();
    m_filling = false;
}

void AdjustPage::showCapabilities()
{
    int shown = 0;
    for (int i = 0; i < m_capabilities->topLevelItemCount(); ++i) {
        shown += m_capabilities->topLevelItem(i)->isHidden() ? 0 : 1;
    }
    m_capabilities->setVisible(shown > 0);
    fitHeight(m_capabilities);
}

void AdjustPage::addCapabilities()
{
    QList<int> shown;
    for (int i = 0; i < m_capabilities->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_capabilities->topLevelItem(i);
        if (!item->isHidden()) {
            shown.append(item->data(0, kNumberRole).toInt());
        }
    }
    auto *dialog = new AddCapabilityDialog(shown, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QList<int> chosen = dialog->chosen();
        QTreeWidgetItem *last = nullptr;
        m_filling = true;
        for (int i = 0; i < m_capabilities->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_capabilities->topLevelItem(i);
            const int number = item->data(0, kNumberRole).toInt();
            if (chosen.contains(number)) {
                m_added.append(number);
                item->setHidden(false);
                item->setCheckState(0, Qt::Checked);
                last = item;
            }
        }
        m_filling = false;
        showCapabilities();
        apply();
        // The added one is the list's current item; the focus goes back to "Add capability…", for
        // the next.
        if (last) {
            m_capabilities->setCurrentItem(last);
        }
    });
    dialog->open();
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
    m_portsError = ports ? QString() : tr("Ports kept as they were: %1").arg(ports.error().message);
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
    // planChanged follows at once and marks the field at fault (showErrors()).
    m_session->setInput(input);
}

} // namespace Deroot::Ui
