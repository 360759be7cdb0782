// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/audit/driftpanel.h"

#include "core/base/text.h"
#include "core/client/helperclient.h"
#include "ui/widgets/wrappingdelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

DriftPanel::HistorySource helperHistory(QObject *context)
{
    auto *client = new Core::HelperClient(QDBusConnection::systemBus(), context);
    return [client](std::function<void(const Core::Result<QJsonArray> &)> done) { client->history(std::move(done)); };
}

} // namespace

DriftPanel::DriftPanel(QWidget *parent)
    : DriftPanel(HistorySource(), std::make_shared<Core::RealLiveSystem>(), parent)
{
    m_history = helperHistory(this);
    refresh();
}

DriftPanel::DriftPanel(HistorySource history, std::shared_ptr<const Core::LiveSystem> live, QWidget *parent)
    : QWidget(parent)
    , m_history(std::move(history))
    , m_live(std::move(live))
    , m_status(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_refresh(new QPushButton(tr("Check &drift"), this))
{
    setObjectName(u"driftPanel"_s);
    auto *title = new QLabel(tr("<b>Applied plans</b>: do they still hold after upgrades and edits?"), this);
    m_status->setObjectName(u"driftStatusLabel"_s);
    m_status->setWordWrap(true);
    m_tree->setObjectName(u"driftTreeWidget"_s);
    m_tree->setAccessibleName(tr("Applied plans and whether they still hold"));
    m_tree->setHeaderLabels({tr("Apply"), tr("Agent"), tr("State"), tr("What differs")});
    new WrappingDelegate(m_tree);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_refresh->setObjectName(u"driftRefreshPushButton"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
    connect(m_refresh, &QPushButton::clicked, this, &DriftPanel::refresh);
    if (m_history) {
        refresh();
    }
}

DriftPanel::~DriftPanel()
{
    *m_alive = false;
}

void DriftPanel::refresh()
{
    if (!m_history || !m_refresh->isEnabled()) {
        return;
    }
    m_refresh->setEnabled(false);
    m_status->setText(tr("Comparing the applied plans with the system…"));
    m_history([this, alive = m_alive](const Core::Result<QJsonArray> &history) {
        if (*alive) {
            show(history);
        }
    });
}

void DriftPanel::show(const Core::Result<QJsonArray> &history)
{
    m_refresh->setEnabled(true);
    m_tree->clear();
    if (!history) {
        m_status->setText(tr("The helper's history cannot be read: %1").arg(history.error().message));
        Q_EMIT refreshed();
        return;
    }
    const QList<Core::PlanDrift> plans = Core::compareWithSystem(*history, *m_live);
    int drifted = 0;
    for (const Core::PlanDrift &plan : plans) {
        auto *row = new QTreeWidgetItem(
            m_tree, {plan.applyId, Core::oneLine(plan.agent), Core::driftStateText(plan.state), plan.summary});
        row->setData(2, Qt::UserRole, Core::driftStateId(plan.state));
        for (const Core::DriftCheck &check : plan.checks) {
            if (check.state != Core::DriftCheck::State::Holding) {
                new QTreeWidgetItem(row, {QString(), QString(),
                                          Core::checkStateId(check.state) == u"unknown" ? tr("unknown") : tr("drifted"),
                                          Core::oneLine(check.message)});
            }
        }
        row->setExpanded(plan.state == Core::PlanDrift::State::Drifted);
        drifted += Core::anyDrift({plan}) ? 1 : 0;
    }
    if (plans.isEmpty()) {
        m_status->setText(tr("No plan applied yet."));
    } else if (drifted == 0) {
        m_status->setText(tr("Every applied plan holds."));
    } else {
        m_status->setText(tr("%n applied plan(s) drifted: `derootctl reconcile` sets lost file capabilities again; "
                             "for the rest, roll back and apply the plan again.",
                             nullptr, drifted));
    }
    Q_EMIT refreshed();
}

} // namespace Deroot::Ui
