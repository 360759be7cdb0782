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

Core::HelperClient *helperClient(QObject *context)
{
    return new Core::HelperClient(QDBusConnection::systemBus(), context);
}

} // namespace

DriftPanel::DriftPanel(QWidget *parent)
    : DriftPanel(HistorySource(), std::make_shared<Core::RealLiveSystem>(), parent)
{
    Core::HelperClient *client = helperClient(this);
    m_history = [client](std::function<void(const Core::Result<QJsonArray> &)> done) {
        client->history(std::move(done));
    };
    m_reconcile = [client](const QString &applyId, std::function<void(const Core::Result<QJsonObject> &)> done) {
        client->reconcile(applyId, true, std::move(done));
    };
    refresh();
}

DriftPanel::DriftPanel(HistorySource history, std::shared_ptr<const Core::LiveSystem> live, QWidget *parent,
                       ReconcileSource reconcile)
    : QWidget(parent)
    , m_history(std::move(history))
    , m_live(std::move(live))
    , m_status(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_refresh(new QPushButton(tr("Check &drift"), this))
    , m_reconcile(std::move(reconcile))
    , m_putBack(new QPushButton(tr("&Put back…"), this))
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
    m_putBack->setObjectName(u"driftPutBackPushButton"_s);
    m_putBack->setToolTip(tr("Have the helper write again what the selected apply wrote, create its user again and "
                             "set its capabilities again, where they drifted, after the same checks as an apply. "
                             "It asks for an administrator's password."));
    m_putBack->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_putBack);
    buttons->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);
    connect(m_refresh, &QPushButton::clicked, this, &DriftPanel::refresh);
    connect(m_putBack, &QPushButton::clicked, this, &DriftPanel::putBack);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &DriftPanel::updatePutBack);
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
    m_putBack->setEnabled(false);
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
    QString text;
    if (plans.isEmpty()) {
        text = tr("No plan applied yet.");
    } else if (drifted == 0) {
        text = tr("Every applied plan holds.");
    } else {
        text = tr("%n applied plan(s) drifted. Select one and press Put back to have the helper write again what "
                  "it wrote and set; what is not the apply's (another tool's drop-in, a changed program) needs a "
                  "rollback and a new plan.",
                  nullptr, drifted);
    }
    m_status->setText(m_putBackOutcome.isEmpty() ? text : m_putBackOutcome + u' ' + text);
    m_putBackOutcome.clear();
    updatePutBack();
    Q_EMIT refreshed();
}

void DriftPanel::updatePutBack()
{
    const QTreeWidgetItem *current = m_tree->currentItem();
    while (current && current->parent()) {
        current = current->parent();
    }
    m_putBack->setEnabled(m_reconcile && m_refresh->isEnabled() && current &&
                          current->data(2, Qt::UserRole).toString() == u"drifted");
}

void DriftPanel::putBack()
{
    const QTreeWidgetItem *current = m_tree->currentItem();
    while (current && current->parent()) {
        current = current->parent();
    }
    if (!m_reconcile || !current || !m_putBack->isEnabled()) {
        return;
    }
    m_putBack->setEnabled(false);
    m_refresh->setEnabled(false);
    m_status->setText(tr("Asking the helper to put back what drifted of %1…").arg(current->text(0)));
    m_reconcile(current->text(0), [this, alive = m_alive](const Core::Result<QJsonObject> &outcome) {
        if (*alive) {
            showPutBack(outcome);
        }
    });
}

void DriftPanel::showPutBack(const Core::Result<QJsonObject> &outcome)
{
    m_refresh->setEnabled(true);
    if (!outcome) {
        m_putBackOutcome = tr("Nothing was put back: %1.").arg(outcome.error().message);
    } else {
        int restored = 0;
        QStringList refused;
        for (const QJsonValue &value : outcome->value(u"reconciled"_s).toArray()) {
            const QJsonObject item = value.toObject();
            const QString result = item.value(u"outcome"_s).toString();
            if (result == u"restored") {
                ++restored;
            } else if (result == u"blocked" || result == u"failed") {
                const QString said = item.value(u"target"_s).toString() + u": "_s + item.value(u"message"_s).toString();
                refused << Core::oneLine(said);
            }
        }
        m_putBackOutcome = tr("Put back: %n item(s).", nullptr, restored);
        if (!refused.isEmpty()) {
            m_putBackOutcome += u' ' + tr("Not put back: %1.").arg(refused.join(u"; "_s));
        }
    }
    refresh();
}

} // namespace Deroot::Ui
