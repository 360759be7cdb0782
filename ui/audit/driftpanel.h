// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/drift/drift.h"

#include <QJsonArray>
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

    /// The helper's history over the system bus and the real live system.
    explicit DriftPanel(QWidget *parent = nullptr);
    /// @p history and @p live (kept) instead: for tests.
    DriftPanel(HistorySource history, std::shared_ptr<const Core::LiveSystem> live, QWidget *parent = nullptr);
    ~DriftPanel() override;

    /// Asks for the history again and compares.
    void refresh();

Q_SIGNALS:
    void refreshed();

private:
    void show(const Core::Result<QJsonArray> &history);

    HistorySource m_history;
    std::shared_ptr<const Core::LiveSystem> m_live;
    QLabel *m_status;
    QTreeWidget *m_tree;
    QPushButton *m_refresh;
    /// Outlives a callback that comes after the panel is gone: the callback checks it.
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace Deroot::Ui
