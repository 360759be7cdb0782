// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The launch benchmark's baseline: the least a Qt Widgets program does to show a window (an
// application, one label, show, the event loop), started the same way as deroot.
#include <QApplication>
#include <QLabel>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QLabel label(QStringLiteral("Hello"));
    label.resize(1000, 680);
    label.show();
    return QApplication::exec();
}
