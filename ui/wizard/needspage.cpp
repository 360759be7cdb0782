// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/needspage.h"

#include "core/base/text.h"
#include "core/inspect/today.h"
#include "core/model/capabilities.h"
#include "core/observe/observation.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/wrappingdelegate.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

// The area a finding belongs to, from its id's first word ("elf.writable-runpath" is the binary's).
QString areaTitle(const QString &id)
{
    const QString area = id.section(u'.', 0, 0);
    if (area == u"elf" || area == u"go" || area == u"script") {
        return NeedsPage::tr("Binary");
    }
    if (area == u"file" || area == u"package") {
        return NeedsPage::tr("Program file");
    }
    if (area == u"capability" || area == u"capabilities" || area == u"caps") {
        return NeedsPage::tr("Capabilities");
    }
    if (area == u"network" || area == u"port" || area == u"kernel") {
        return NeedsPage::tr("Network and kernel");
    }
    if (area == u"process") {
        return NeedsPage::tr("Running process");
    }
    if (area == u"unit") {
        return NeedsPage::tr("Systemd unit");
    }
    if (area == u"hint") {
        return NeedsPage::tr("Possible needs");
    }
    if (area == u"catalog") {
        return NeedsPage::tr("Agent catalog");
    }
    return NeedsPage::tr("Other");
}

// Where a reason comes from (Core::Reason::source), in words: the kinds of evidence the engine
// names by id; a source that cites something (a package, a page) stands as written.
QString sourceLabel(const QString &source)
{
    static const QHash<QString, const char *> labels{
        {u"elf"_s, QT_TRANSLATE_NOOP("Deroot::Ui::NeedsPage", "program file")},
        {u"go"_s, QT_TRANSLATE_NOOP("Deroot::Ui::NeedsPage", "Go build info")},
        {u"file"_s, QT_TRANSLATE_NOOP("Deroot::Ui::NeedsPage", "file")},
        {u"process"_s, QT_TRANSLATE_NOOP("Deroot::Ui::NeedsPage", "running process")},
        {u"unit"_s, QT_TRANSLATE_NOOP("Deroot::Ui::NeedsPage", "systemd unit")},
        {u"catalog"_s, QT_TRANSLATE_NOOP("Deroot::Ui::NeedsPage", "Deroot's catalog")},
        {u"kernel"_s, QT_TRANSLATE_NOOP("Deroot::Ui::NeedsPage", "kernel")},
        {u"script"_s, QT_TRANSLATE_NOOP("Deroot::Ui::NeedsPage", "script")},
        {Core::kObservedSource.toString(), QT_TRANSLATE_NOOP("Deroot::Ui::NeedsPage", "observed")},
    };
    const auto it = labels.constFind(source);
    return it == labels.cend() ? Core::oneLine(source) : NeedsPage::tr(*it);
}

QString reasonText(const Core::Reason &reason)
{
    QString text = u"[%1] %2"_s.arg(sourceLabel(reason.source), Core::oneLine(reason.text));
    if (!reason.condition.isEmpty()) {
        text += NeedsPage::tr(" (only %1)").arg(Core::oneLine(reason.condition));
    }
    return text;
}

void addReasons(QTreeWidgetItem *parent, const QList<Core::Reason> &reasons)
{
    for (const Core::Reason &reason : reasons) {
        auto *child = new QTreeWidgetItem(parent, {reasonText(reason)});
        child->setToolTip(0, child->text(0));
    }
}

QTreeWidgetItem *group(QTreeWidget *tree, const QString &title)
{
    auto *item = new QTreeWidgetItem(tree, {title});
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    item->setFirstColumnSpanned(true);
    return item;
}

void addNamed(QTreeWidget *tree, const QString &title, const QList<Core::NamedNeed> &needs)
{
    if (needs.isEmpty()) {
        return;
    }
    QTreeWidgetItem *parent = group(tree, title);
    for (const Core::NamedNeed &need : needs) {
        QString text = Core::oneLine(need.name);
        if (!Core::isUnconditional(need.reasons)) {
            text += NeedsPage::tr(" (optional)");
        }
        auto *item = new QTreeWidgetItem(parent, {text});
        if (need.rootEquivalent) {
            item->setIcon(0, rootIcon());
            item->setText(0, NeedsPage::tr("%1 — root-equivalent").arg(text));
        }
        addReasons(item, need.reasons);
    }
}

// Root, or as good as root: the root mark. Already without root: a check. Otherwise information.
QIcon verdictIcon(const QString &id)
{
    if (id == u"runs-as-root" || id == u"setuid-root" || id == u"root-equivalent") {
        return rootIcon();
    }
    if (id == u"already-de-rooted" || id == u"file-capabilities" || id == u"set-id") {
        return checkIcon(CheckState::Passed);
    }
    if (id == u"holds-more-than-needed") {
        return severityIcon(Core::Severity::Medium);
    }
    return severityIcon(Core::Severity::Info);
}

QString verdictBasisText(Core::TodayBasis basis)
{
    switch (basis) {
    case Core::TodayBasis::MeasuredProcess:
        return NeedsPage::tr("Measured on the running process: its user, groups and capability sets.");
    case Core::TodayBasis::MeasuredUnit:
        return NeedsPage::tr("Read from its systemd unit: User=, capability sets and sandbox. It is not running.");
    case Core::TodayBasis::FileGrants:
        return NeedsPage::tr("Nothing runs it now: this is what the program file grants whoever runs it "
                             "(set-user-ID, set-group-ID, file capabilities).");
    case Core::TodayBasis::HypotheticalRoot:
        return NeedsPage::tr("Nothing runs it now and its file grants nothing: the case of running it as root.");
    }
    return {};
}

} // namespace

NeedsPage::NeedsPage(WizardSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_verdictFrame(new QFrame(this))
    , m_verdictIcon(new QLabel(m_verdictFrame))
    , m_verdict(new QLabel(m_verdictFrame))
    , m_summary(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_critical(new QFrame(this))
    , m_criticalText(new QLabel(m_critical))
    , m_acknowledge(new QCheckBox(m_critical))
    , m_watch(new QPushButton(tr("&Watch it run…"), this))
    , m_watched(new QLabel(this))
{
    setObjectName(u"needsPage"_s);
    setTitle(tr("What it needs"));
    // The answer an admin needs first, above the evidence: a headline, not another grey line.
    m_verdictFrame->setObjectName(u"verdictFrame"_s);
    m_verdictFrame->setFrameShape(QFrame::StyledPanel);
    m_verdict->setObjectName(u"verdictLabel"_s);
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont headline = m_verdict->font();
    headline.setBold(true);
    headline.setPointSizeF(headline.pointSizeF() * 1.2);
    m_verdict->setFont(headline);
    m_verdictIcon->setObjectName(u"verdictIconLabel"_s);
    auto *verdictLayout = new QHBoxLayout(m_verdictFrame);
    verdictLayout->addWidget(m_verdictIcon, 0, Qt::AlignTop);
    verdictLayout->addWidget(m_verdict, 1);
    m_summary->setObjectName(u"needsSummaryLabel"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree->setObjectName(u"findingsTreeWidget"_s);
    m_tree->setAccessibleName(tr("Findings and needs, with their evidence"));
    m_tree->setHeaderHidden(true);
    new WrappingDelegate(m_tree);

    m_critical->setObjectName(u"criticalFrame"_s);
    m_critical->setFrameShape(QFrame::StyledPanel);
    auto *icon = new QLabel(m_critical);
    const int size = style()->pixelMetric(QStyle::PM_LargeIconSize);
    icon->setPixmap(severityIcon(Core::Severity::Critical).pixmap(size, size));
    m_criticalText->setWordWrap(true);
    m_acknowledge->setObjectName(u"acknowledgeCheckBox"_s);
    m_acknowledge->setText(tr("I have read the critical findings; I will fix them before applying the plan"));
    m_acknowledge->setAccessibleName(m_acknowledge->text());
    auto *criticalLayout = new QGridLayout(m_critical);
    criticalLayout->addWidget(icon, 0, 0, 2, 1, Qt::AlignTop);
    criticalLayout->addWidget(m_criticalText, 0, 1);
    criticalLayout->addWidget(m_acknowledge, 1, 1);
    criticalLayout->setColumnStretch(1, 1);

    m_watch->setObjectName(u"watchItRunButton"_s);
    m_watch->setToolTip(tr("Run the agent for a while and watch what it really asks for, to add to what inspecting "
                           "its files found"));
    m_watched->setObjectName(u"watchedLabel"_s);
    m_watched->setWordWrap(true);
    auto *watchRow = new QHBoxLayout;
    watchRow->addWidget(m_watched, 1);
    watchRow->addWidget(m_watch, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_verdictFrame);
    layout->addWidget(m_summary);
    layout->addWidget(m_critical);
    layout->addWidget(m_tree, 1);
    layout->addLayout(watchRow);
    connect(m_acknowledge, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    connect(m_watch, &QPushButton::clicked, this, &NeedsPage::watchItRun);
}

NeedsPage::~NeedsPage() = default;

void NeedsPage::initializePage()
{
    m_acknowledge->setChecked(false);
    refresh();
}

void NeedsPage::watchItRun()
{
    if (!m_session->hasReport()) {
        return;
    }
    if (!m_runner) {
        m_runner = systemObserveRunner(this);
    }
    auto *dialog = new ObserveDialog(m_session, m_runner, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &NeedsPage::refresh);
    dialog->open();
}

void NeedsPage::refresh()
{
    m_tree->clear();
    m_watched->setText(m_session->observationsAdded() == 0
                           ? tr("These needs come from the program's files, its unit and Deroot's catalog. Watching it "
                                "run shows what it really asks for.")
                           : tr("Includes what watching it run found (marked \"%1\").")
                                 .arg(sourceLabel(Core::kObservedSource.toString())));
    if (!m_session->hasReport()) {
        return;
    }
    const Core::InspectionReport &report = m_session->report();
    const Core::Verdict verdict = Core::verdictOf(report);
    m_verdict->setText(verdict.text);
    m_verdict->setAccessibleName(verdict.text);
    m_verdict->setToolTip(verdictBasisText(verdict.basis));
    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize);
    m_verdictIcon->setPixmap(verdictIcon(verdict.id).pixmap(iconSize, iconSize));
    const bool matched = report.catalog && !report.catalog->matches.isEmpty();
    const QString match =
        !matched
            ? tr("It matches no agent in Deroot's catalog: the needs below come from the program alone.")
            : tr("It matches %1 in Deroot's catalog.").arg(Core::oneLine(report.catalog->matches.constFirst().name));
    m_summary->setText(tr("%1. %2 Expand a line to see the evidence.").arg(m_session->target().heading(), match));

    // Findings, most severe first, grouped by what they are about.
    QList<Core::Finding> findings = report.findings;
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Core::Finding &a, const Core::Finding &b) { return a.severity > b.severity; });
    QMap<QString, QTreeWidgetItem *> groups;
    QStringList critical;
    QTreeWidgetItem *findingsRoot = group(m_tree, tr("Findings"));
    for (const Core::Finding &finding : std::as_const(findings)) {
        const QString area = areaTitle(finding.id);
        QTreeWidgetItem *&parent = groups[area];
        if (!parent) {
            parent = new QTreeWidgetItem(findingsRoot, {area});
            parent->setExpanded(true); // the findings and their severity at a glance; evidence on demand
        }
        auto *item = new QTreeWidgetItem(parent, {Core::oneLine(finding.message)});
        item->setIcon(0, severityIcon(finding.severity));
        item->setToolTip(0, tr("%1: %2").arg(severityText(finding.severity), finding.id));
        item->setData(0, Qt::AccessibleTextRole, tr("%1: %2").arg(severityText(finding.severity), item->text(0)));
        for (const QString &evidence : finding.evidence) {
            new QTreeWidgetItem(item, {Core::oneLine(evidence)});
        }
        if (finding.severity == Core::Severity::Critical) {
            critical.append(Core::oneLine(finding.message));
            parent->setExpanded(true);
        }
    }
    findingsRoot->setExpanded(true);
    if (findings.isEmpty()) {
        new QTreeWidgetItem(findingsRoot, {tr("Nothing noteworthy.")});
    }

    const Core::Needs &needs = report.needs;
    if (!needs.capabilities.isEmpty()) {
        QTreeWidgetItem *parent = group(m_tree, tr("Capabilities it needs"));
        for (const Core::CapabilityNeed &need : needs.capabilities) {
            const auto info = Core::capabilityByNumber(need.capability);
            QString text = info ? QString::fromLatin1(info->name) : u"cap_%1"_s.arg(need.capability);
            if (info) {
                text += u" — "_s + QCoreApplication::translate("Deroot::Core::Capability", info->summary);
            }
            if (!Core::isUnconditional(need.reasons)) {
                text += tr(" (optional)");
            }
            auto *item = new QTreeWidgetItem(parent, {text});
            if (info && info->risk == Core::CapabilityRisk::RootEquivalent) {
                item->setIcon(0, rootIcon());
            }
            addReasons(item, need.reasons);
        }
        parent->setExpanded(true);
    }
    if (!needs.listenPorts.isEmpty()) {
        QTreeWidgetItem *parent = group(m_tree, tr("Network"));
        for (const Core::PortNeed &port : needs.listenPorts) {
            auto *item = new QTreeWidgetItem(parent, {tr("listens on %1 port %2").arg(port.protocol).arg(port.port)});
            addReasons(item, port.reasons);
        }
    }
    addNamed(m_tree, tr("Address families"), needs.addressFamilies);
    addNamed(m_tree, tr("Privileged commands"), needs.commands);
    addNamed(m_tree, tr("Files it reads"), needs.readPaths);
    addNamed(m_tree, tr("Files it writes"), needs.writePaths);
    addNamed(m_tree, tr("Devices"), needs.devices);
    addNamed(m_tree, tr("Groups"), needs.groups);
    for (int i = 1; i < m_tree->topLevelItemCount(); ++i) {
        m_tree->topLevelItem(i)->setExpanded(true);
    }

    m_critical->setVisible(!critical.isEmpty());
    m_criticalText->setText(tr("<b>Stop: %n critical finding(s).</b> Until fixed, anyone who can change these files "
                               "can become the agent, and so keep whatever privilege it gets: %1",
                               nullptr, int(critical.size()))
                                .arg(critical.join(u"; "_s).toHtmlEscaped()));
    Q_EMIT completeChanged();
}

bool NeedsPage::isComplete() const
{
    return m_session->hasReport() && (m_critical->isHidden() || m_acknowledge->isChecked());
}

} // namespace Deroot::Ui
