// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/widgets/wrappingdelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QStyle>
#include <QTimer>
#include <QTreeView>

namespace Deroot::Ui {

WrappingDelegate::WrappingDelegate(QTreeView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
    view->setItemDelegate(this);
    view->setWordWrap(true);
    view->setUniformRowHeights(false);
    // A column's new width changes every row's height: lay the rows out again, once per burst.
    auto *relayout = new QTimer(this);
    relayout->setSingleShot(true);
    relayout->setInterval(0);
    connect(relayout, &QTimer::timeout, view, &QTreeView::doItemsLayout);
    connect(view->header(), &QHeaderView::sectionResized, relayout, qOverload<>(&QTimer::start));
}

WrappingDelegate::~WrappingDelegate() = default;

QSize WrappingDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (opt.text.isEmpty()) {
        return size;
    }
    // A row spanned across all columns (a section's heading) wraps at the view's width.
    const bool spanned = index.column() == 0 && m_view->isFirstColumnSpanned(index.row(), index.parent());
    int width = spanned ? m_view->viewport()->width() : m_view->header()->sectionSize(index.column());
    if (spanned || m_view->header()->visualIndex(index.column()) == 0) {
        int depth = m_view->rootIsDecorated() ? 1 : 0;
        for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent()) {
            ++depth;
        }
        width -= depth * m_view->indentation();
    }
    const QStyle *style = m_view->style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, &opt, m_view) + 1;
    width -= 2 * margin;
    if (opt.features & QStyleOptionViewItem::HasDecoration) {
        width -= opt.decorationSize.width() + 2 * margin;
    }
    if (width <= 0) {
        return size;
    }
    const QRect text = opt.fontMetrics.boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap, opt.text);
    const int margins = 2 * (style->pixelMetric(QStyle::PM_FocusFrameVMargin, &opt, m_view) + 1);
    size.setHeight(qMax(size.height(), text.height() + margins));
    return size;
}

} // namespace Deroot::Ui
