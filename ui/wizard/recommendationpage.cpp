// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/recommendationpage.h"

#include "core/base/text.h"
#include "core/model/methods.h"
#include "ui/widgets/icons.h"
#include "ui/wizard/privilegetext.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

constexpr int kMethodRole = Qt::UserRole + 1;

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

} // namespace

RecommendationPage::RecommendationPage(WizardSession *session, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(int(Core::methodTable().size()), 5, this))
    , m_reasons(new QTreeWidget(this))
    , m_privilege(new QLabel(this))
{
    setObjectName(u"recommendationPage"_s);
    setTitle(tr("Recommendation"));
    m_summary->setObjectName(u"recommendationSummaryLabel"_s);
    m_summary->setWordWrap(true);

    m_table->setObjectName(u"methodsTableWidget"_s);
    m_table->setAccessibleName(tr("The guide's three methods; select the one to use"));
    m_table->setHorizontalHeaderLabels(
        {tr("Method"), tr("Security"), tr("Complexity"), tr("Best for"), tr("For this agent")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(true);
    m_table->setTabKeyNavigation(false);
    const auto &rows = Core::methodTable();
    for (int row = 0; row < rows.size(); ++row) {
        const Core::MethodRow &method = rows.at(row);
        const char *cells[] = {method.name, method.security, method.complexity, method.bestFor};
        for (int column = 0; column < 4; ++column) {
            auto *item = new QTableWidgetItem(methodText(cells[column]));
            item->setData(kMethodRole, int(method.method));
            m_table->setItem(row, column, item);
        }
        auto *verdict = new QTableWidgetItem;
        verdict->setData(kMethodRole, int(method.method));
        m_table->setItem(row, 4, verdict);
    }
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_reasons->setObjectName(u"reasonsTreeWidget"_s);
    m_reasons->setAccessibleName(tr("Reasons for and against the selected method"));
    m_reasons->setHeaderLabels({tr("Why, for this agent")});
    m_reasons->setRootIsDecorated(false);
    m_reasons->setWordWrap(true);
    m_privilege->setObjectName(u"privilegeLabel"_s);
    m_privilege->setWordWrap(true);

    // The table as tall as its three rows, the reasons below it.
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);
    layout->addWidget(m_reasons, 1);
    layout->addWidget(m_privilege);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        showReasons();
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
        QTableWidgetItem *verdict = m_table->item(row, 4);
        verdict->setText(isRecommended ? tr("Recommended") : feasible ? tr("Possible") : tr("Not possible here"));
        verdict->setIcon(isRecommended ? checkIcon(CheckState::Passed)
                         : feasible    ? QIcon()
                                       : checkIcon(CheckState::Failed));
        for (int column = 0; column < m_table->columnCount(); ++column) {
            QTableWidgetItem *item = m_table->item(row, column);
            QFont font = item->font();
            font.setBold(isRecommended);
            item->setFont(font);
            // The recommended row stands out even when another row is selected.
            item->setBackground(isRecommended
                                    ? palette().brush(QPalette::Inactive, QPalette::Highlight).color().lighter(170)
                                    : QBrush());
            item->setForeground(isRecommended ? QBrush(QColor(Qt::black)) : QBrush());
            Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
            item->setFlags(feasible ? flags : Qt::ItemFlags());
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

    QString summary = tr("For %1 the guide's table points to <b>%2</b>.")
                          .arg(m_session->target().display().toHtmlEscaped(),
                               methodText(Core::methodTable().at(recommendedRow).name).toHtmlEscaped());
    if (!recommendation.blockers.isEmpty()) {
        summary += u' ' + tr("Fix first: %1").arg(recommendation.blockers.join(u"; "_s).toHtmlEscaped());
    }
    summary += u' ' + tr("Select another row to use another method.");
    m_summary->setText(summary);
    showReasons();
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

void RecommendationPage::showReasons()
{
    m_reasons->clear();
    if (!m_session->hasReport()) {
        return;
    }
    const Core::Recommendation &recommendation = m_session->recommendation();
    const Core::MethodAssessment *assessment = assessmentOf(recommendation, selectedMethod());
    if (!assessment) {
        return;
    }
    for (const Core::Consideration &consideration : assessment->considerations) {
        auto *item = new QTreeWidgetItem(m_reasons, {Core::oneLine(consideration.text)});
        item->setIcon(0,
                      consideration.weight >= 0 ? checkIcon(CheckState::Passed) : severityIcon(Core::Severity::Medium));
        item->setToolTip(0, consideration.id);
    }
    m_privilege->setText(
        privilegeSentence(recommendation.privilegeBefore, assessment->privilegeAfter, PrivilegeAfter::Method));
}

} // namespace Deroot::Ui
