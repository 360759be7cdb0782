// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QStyledItemDelegate>

class QTreeView;

namespace Deroot::Ui {

/// Rows of a word-wrapping tree as tall as their wrapped text, re-laid out when a column changes
/// width. QTreeView asks its delegate for a row's height without the column's width, so long
/// findings and suggestions were cut to one elided line; at 200% scale or in a 1024-pixel window
/// most of their words were lost.
class WrappingDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WrappingDelegate)

public:
    /// Installs itself on @p view and turns its word wrap and varying row heights on.
    explicit WrappingDelegate(QTreeView *view);
    ~WrappingDelegate() override;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QTreeView *m_view;
};

} // namespace Deroot::Ui
