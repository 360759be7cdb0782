// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/recommendationpage.h"

#include "core/base/text.h"
#include "core/model/methods.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/wrappingdelegate.h"
#include "ui/wizard/privilegetext.h"

#include <QCoreApplication>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

constexpr int kMethodRole = Qt::UserRole + 1;
constexpr int kVerdictColumn = 3;

QString methodText(const char *source)
{
    return QCoreApplication::translate("Deroot::Core::Method", source);
}

const Core::MethodAssessment *assessmentOf(const Core::Recommendation &recommendation, Core::Method method)
{
    for (const Core::MethodAssessment &assessment : recommendation.ranking) {
        if (assessment.method == method) {
            return &assessment;
        }
    }
    return nullptr;
}

const Core::MethodRow &rowOf(Core::Method method)
{
    for (const Core::MethodRow &row : Core::methodTable()) {
        if (row.method == method) {
            return row;
        }
    }
    return Core::methodTable().first();
}

// The method's name for this agent: core's title ("Service user + hardened unit" for a
// capabilities plan that grants none), else the guide's.
QString titleOf(const Core::MethodAssessment *assessment, Core::Method method)
{
    return methodText(assessment && assessment->title ? assessment->title : rowOf(method).name);
}

QString verdictText(Core::Suitability suitability)
{
    switch (suitability) {
    case Core::Suitability::Recommended:
        return RecommendationPage::tr("Recommended");
    case Core::Suitability::Possible:
        return RecommendationPage::tr("Possible");
    case Core::Suitability::NotNeeded:
        return RecommendationPage::tr("Not needed");
    case Core::Suitability::NotSuitable:
        return RecommendationPage::tr("Not suitable");
    case Core::Suitability::NotPossible:
        break;
    }
    return RecommendationPage::tr("Not possible here");
}

QIcon verdictIcon(Core::Suitability suitability)
{
    switch (suitability) {
    case Core::Suitability::Recommended:
        return checkIcon(CheckState::Passed);
    case Core::Suitability::Possible:
        return {};
    case Core::Suitability::NotNeeded:
    case Core::Suitability::NotSuitable:
        return severityIcon(Core::Severity::Medium);
    case Core::Suitability::NotPossible:
        break;
    }
    return checkIcon(CheckState::Failed);
}

// What the plan of @p assessment will do, in one or two sentences.
QString doesText(const Core::MethodAssessment &assessment)
{
    switch (assessment.method) {
    case Core::Method::Sudo:
        return RecommendationPage::tr("Runs the agent as its own system user; only the commands its rule in "
                                      "/etc/sudoers.d names run as root, with fixed arguments.");
    case Core::Method::Capabilities:
        if (assessment.title && qstrcmp(assessment.title, rowOf(Core::Method::Capabilities).name) != 0) {
            return RecommendationPage::tr("Runs the agent as its own system user under a hardened systemd unit, "
                                          "with no capabilities at all: it needs nothing an ordinary user lacks.");
        }
        return RecommendationPage::tr("Runs the agent as its own system user with only the capabilities it needs, "
                                      "granted by a hardened systemd unit (or set on its file where it has no unit), "
                                      "and an AppArmor profile for its files.");
    case Core::Method::Container:
        break;
    }
    return RecommendationPage::tr("Runs the agent in a hardened container as an unprivileged user, with only the "
                                  "files, devices and ports it needs.");
}

} // namespace

RecommendationPage::RecommendationPage(WizardSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(int(Core::methodTable().size()), 4, this))
    , m_details(new QGroupBox(this))
    , m_does(new QLabel(m_details))
    , m_reasons(new QTreeWidget(m_details))
    , m_privilege(new QLabel(m_details))
    , m_limitsNote(new QLabel(this))
{
    setObjectName(u"recommendationPage"_s);
    setTitle(tr("Recommendation"));
    m_summary->setObjectName(u"recommendationSummaryLabel"_s);
    m_summary->setWordWrap(true);

    m_table->setObjectName(u"methodsTableWidget"_s);
    m_table->setAccessibleName(tr("The three methods; select the one to use"));
    m_table->setHorizontalHeaderLabels({tr("Method"), tr("Security"), tr("Complexity"), tr("For this agent")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(true);
    m_table->setTabKeyNavigation(false);
    const auto &rows = Core::methodTable();
    for (int row = 0; row < rows.size(); ++row) {
        const Core::MethodRow &method = rows.at(row);
        const char *cells[] = {method.name, method.security, method.complexity};
        for (int column = 0; column < 3; ++column) {
            auto *item = new QTableWidgetItem(methodText(cells[column]));
            item->setData(kMethodRole, int(method.method));
            m_table->setItem(row, column, item);
        }
        // The guide's "Best for", as the row's tooltip: the details below say it in full.
        m_table->item(row, 0)->setToolTip(tr("Best for: %1").arg(methodText(method.bestFor)));
        auto *verdict = new QTableWidgetItem;
        verdict->setData(kMethodRole, int(method.method));
        m_table->setItem(row, kVerdictColumn, verdict);
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(kVerdictColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    // The selected method in full: what it will do, why (for this agent), what it leaves.
    m_details->setObjectName(u"methodDetailsGroupBox"_s);
    m_does->setObjectName(u"methodDoesLabel"_s);
    m_does->setWordWrap(true);
    m_does->setTextFormat(Qt::RichText);
    m_reasons->setObjectName(u"reasonsTreeWidget"_s);
    m_reasons->setAccessibleName(tr("Reasons for and against the selected method"));
    m_reasons->setHeaderLabels({tr("Why, for this agent")});
    m_reasons->setRootIsDecorated(false);
    // Reasons in full, wrapped: a long one was cut to one elided line.
    new WrappingDelegate(m_reasons);
    m_privilege->setObjectName(u"privilegeLabel"_s);
    m_privilege->setWordWrap(true);
    auto *detailsLayout = new QVBoxLayout(m_details);
    detailsLayout->addWidget(m_does);
    detailsLayout->addWidget(m_reasons, 1);
    detailsLayout->addWidget(m_privilege);
    // True of every method, so said once here rather than as a reason under each.
    m_limitsNote->setObjectName(u"limitsNoteLabel"_s);
    m_limitsNote->setWordWrap(true);
    m_limitsNote->setText(tr("Every plan carries CPU, memory and task limits, so a runaway agent cannot take the "
                             "machine down; the next step adjusts them."));

    // The table as tall as its three rows, the selected method's details below it.
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);
    layout->addWidget(m_details, 1);
    layout->addWidget(m_limitsNote);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        showSelected();
        Q_EMIT completeChanged();
    });
    connect(m_session, &WizardSession::recommendationChanged, this, [this] {
        if (isVisible()) {
            initializePage();
        }
    });
}

RecommendationPage::~RecommendationPage() = default;

void RecommendationPage::initializePage()
{
    if (!m_session->hasReport()) {
        return;
    }
    const Core::Recommendation &recommendation = m_session->recommendation();
    const Core::Method recommended = recommendation.recommended();
    int recommendedRow = 0;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto method = Core::Method(m_table->item(row, 0)->data(kMethodRole).toInt());
        const Core::MethodAssessment *assessment = assessmentOf(recommendation, method);
        const bool isRecommended = method == recommended;
        const bool feasible = assessment && assessment->feasible;
        const Core::Suitability suitability = assessment ? assessment->suitability : Core::Suitability::NotPossible;
        m_table->item(row, 0)->setText(titleOf(assessment, method));
        QTableWidgetItem *verdict = m_table->item(row, kVerdictColumn);
        verdict->setText(verdictText(suitability));
        verdict->setIcon(verdictIcon(suitability));
        // The recommendation is marked in its own cell (a check and bold "Recommended"), never
        // with a background: only the selection colours a whole row.
        QFont font = verdict->font();
        font.setBold(isRecommended);
        verdict->setFont(font);
        for (int column = 0; column < m_table->columnCount(); ++column) {
            Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
            m_table->item(row, column)->setFlags(feasible ? flags : Qt::ItemFlags());
        }
        if (isRecommended) {
            recommendedRow = row;
        }
    }
    // Keep the admin's choice while it stays feasible; otherwise select the recommendation.
    int selectedRow = recommendedRow;
    if (m_session->hasInput()) {
        for (int row = 0; row < m_table->rowCount(); ++row) {
            if (Core::Method(m_table->item(row, 0)->data(kMethodRole).toInt()) == m_session->method() &&
                m_table->item(row, 0)->flags().testFlag(Qt::ItemIsEnabled)) {
                selectedRow = row;
            }
        }
    }
    m_table->selectRow(selectedRow);
    m_table->setCurrentCell(selectedRow, 0);
    showSelected();
}

Core::Method RecommendationPage::selectedMethod() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty()) {
        return m_session->recommendation().recommended();
    }
    return Core::Method(selected.first()->data(kMethodRole).toInt());
}

bool RecommendationPage::isComplete() const
{
    return m_session->hasReport() && !m_table->selectedItems().isEmpty();
}

bool RecommendationPage::validatePage()
{
    // A new method starts a new plan; the same one keeps the admin's adjustments.
    if (!m_session->hasInput() || m_session->method() != selectedMethod() ||
        m_session->input().runsUnderSystemd != m_session->answers().systemd || m_session->startChoiceChanged() ||
        m_session->needsChanged()) {
        m_session->setMethod(selectedMethod());
    }
    return true;
}

void RecommendationPage::showSelected()
{
    m_reasons->clear();
    if (!m_session->hasReport()) {
        return;
    }
    const Core::Recommendation &recommendation = m_session->recommendation();
    const Core::Method method = selectedMethod();
    const Core::MethodAssessment *assessment = assessmentOf(recommendation, method);
    if (!assessment) {
        return;
    }
    const Core::Method recommended = recommendation.recommended();
    const QString agent = m_session->target().display().toHtmlEscaped();
    const QString title = titleOf(assessment, method).toHtmlEscaped();
    // The header follows the selection: it names the method that will be used.
    QString summary;
    if (method == recommended) {
        summary = tr("For %1 Deroot recommends <b>%2</b>.").arg(agent, title);
    } else {
        summary =
            tr("You chose <b>%1</b> for %2; Deroot recommends %3.")
                .arg(title, agent, titleOf(assessmentOf(recommendation, recommended), recommended).toHtmlEscaped());
        if (assessment->suitability == Core::Suitability::NotNeeded) {
            summary += u' ' + tr("This agent does not need it: see why below.");
        } else if (assessment->suitability == Core::Suitability::NotSuitable) {
            summary += u' ' + tr("It does not suit this agent: see why below.");
        }
    }
    if (!recommendation.blockers.isEmpty()) {
        summary += u' ' + tr("Fix first: %1").arg(recommendation.blockers.join(u"; "_s).toHtmlEscaped());
    }
    summary += u' ' + tr("Select another row to use another method.");
    m_summary->setText(summary);

    m_details->setTitle(titleOf(assessment, method));
    m_does->setText(doesText(*assessment).toHtmlEscaped() + u"<br>"_s +
                    tr("Best for: %1").arg(methodText(rowOf(method).bestFor).toHtmlEscaped()));
    for (const Core::Consideration &consideration : assessment->considerations) {
        auto *item = new QTreeWidgetItem(m_reasons, {Core::oneLine(consideration.text)});
        item->setIcon(0,
                      consideration.weight >= 0 ? checkIcon(CheckState::Passed) : severityIcon(Core::Severity::Medium));
        // What the icon says, in words; the id ("guide.bare-metal") is for derootctl's JSON, not for people.
        item->setToolTip(0,
                         consideration.weight >= 0 ? tr("Speaks for this method") : tr("Speaks against this method"));
    }
    m_privilege->setText(
        privilegeSentence(recommendation.privilegeBefore, assessment->privilegeAfter, PrivilegeAfter::Method));
}

} // namespace Deroot::Ui
