// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/widgets/wheelguard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QWheelEvent>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

WheelGuard::WheelGuard(QObject *parent)
    : QObject(parent)
{
    setObjectName(u"wheelGuard"_s);
}

void WheelGuard::install(QWidget *root)
{
    const QList<QWidget *> boxes = root->findChildren<QWidget *>();
    for (QWidget *box : boxes) {
        if (qobject_cast<QAbstractSpinBox *>(box) || qobject_cast<QComboBox *>(box)) {
            guard(box);
        }
    }
}

void WheelGuard::guard(QWidget *box)
{
    // Qt::WheelFocus (the spin box's default) would focus the box on the first turn and let the
    // next ones change it.
    if (box->focusPolicy() == Qt::WheelFocus) {
        box->setFocusPolicy(Qt::StrongFocus);
    }
    // One guard per box, owned by it: no guard outlives the box it watches.
    auto *filter = box->findChild<WheelGuard *>(u"wheelGuard"_s, Qt::FindDirectChildrenOnly);
    if (!filter) {
        filter = new WheelGuard(box);
    }
    box->installEventFilter(filter);
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && !widget->hasFocus()) {
            // Handed to the parents in turn, as if the box were not there, until one takes it
            // (the scroll area's viewport): QApplication would do so for a spontaneous event
            // only, and not after a filter (Qt 6.8).
            const auto *wheel = static_cast<QWheelEvent *>(event);
            QPointF position = wheel->position();
            for (QWidget *target = widget; !target->isWindow() && target->parentWidget();) {
                position = target->mapToParent(position);
                target = target->parentWidget();
                QWheelEvent copy(position, wheel->globalPosition(), wheel->pixelDelta(), wheel->angleDelta(),
                                 wheel->buttons(), wheel->modifiers(), wheel->phase(), wheel->inverted(),
                                 wheel->source());
                copy.setAccepted(false);
                QCoreApplication::sendEvent(target, &copy);
                if (copy.isAccepted()) {
                    break;
                }
            }
            // Taken here: the box never sees it, and QApplication hands it on no further.
            event->accept();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Deroot::Ui
