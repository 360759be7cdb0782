// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QObject>

class QWidget;

namespace Deroot::Ui {

/// Keeps the mouse wheel from changing a spin box or combo box the admin has not focused: on a
/// page that scrolls, a wheel turn meant for the page changed resource limits unnoticed (the
/// usability review, P12). Unfocused, the wheel goes on to the parent, so the page scrolls; a
/// click or Tab focuses the box, and then the wheel changes its value as usual.
class WheelGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WheelGuard)

public:
    /// Guards every QAbstractSpinBox and QComboBox under @p root now (the guard is a child of
    /// @p root), and makes them take focus by click and Tab only, never by the wheel.
    static void install(QWidget *root);
    /// Guards @p box alone (one created after install()).
    static void guard(QWidget *box);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit WheelGuard(QObject *parent);
};

} // namespace Deroot::Ui
