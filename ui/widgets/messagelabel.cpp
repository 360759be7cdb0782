// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/widgets/messagelabel.h"

#include <QApplication>
#include <QColor>
#include <QLabel>
#include <QPalette>

namespace Deroot::Ui {

void setMessage(QLabel *label, const QString &text, bool error)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     error ? QColor(0xda, 0x44, 0x53) : QApplication::palette().color(QPalette::WindowText));
    label->setPalette(palette);
    label->setProperty("error", error);
    label->setText(text);
}

} // namespace Deroot::Ui
