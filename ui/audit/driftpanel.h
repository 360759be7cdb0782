// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/drift/drift.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Deroot::Ui {

/// The audit view's drift panel: every plan the helper applied, as holding, drifted or gone, from
/// the same comparison as `derootctl status` (Core::compareWithSystem). It only shows what core
/// found; a drifted plan's rows say what differs and since when.
class DriftPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DriftPanel)

public:
    /// Where the journal's applies come from: the helper's History() in the application, a fixed
    /// list in tests. Calls back once.
    using HistorySource = std::function<void(std::function<void(const Core::Result<QJsonArray> &)>)>;
    /// Who puts back what drifted of one apply: the helper's Reconcile (scope "all", after polkit's
    /// yes) in the application, a fake in tests. Calls back once with {"reconciled": [...]}.
    using ReconcileSource =
        std::function<void(const QString &applyId, std::function<void(const Core::Result<QJsonObject> &)>)>;

    /// The helper's history over the system bus and the real live system.
    explicit DriftPanel(QWidget *parent = nullptr);
    /// @p history and @p live (kept) instead: for tests.
    DriftPanel(HistorySource history, std::shared_ptr<const Core::LiveSystem> live, QWidget *parent = nullptr,
               ReconcileSource reconcile = {});
    ~DriftPanel() override;

    /// Asks for the history again and compares.
    void refresh();
    /// Asks the helper to put back what drifted of the selected apply, then compares again.
    void putBack();

Q_SIGNALS:
    void refreshed();

private:
    void show(const Core::Result<QJsonArray> &history);
    void updatePutBack();
    void showPutBack(const Core::Result<QJsonObject> &outcome);

    HistorySource m_history;
    std::shared_ptr<const Core::LiveSystem> m_live;
    QLabel *m_status;
    QTreeWidget *m_tree;
    QPushButton *m_refresh;
    ReconcileSource m_reconcile;
    QPushButton *m_putBack;
    QString m_putBackOutcome; ///< what the last put-back did, kept above the refreshed comparison
    /// Outlives a callback that comes after the panel is gone: the callback checks it.
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace Deroot::Ui
