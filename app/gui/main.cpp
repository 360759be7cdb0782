// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/deroot.h"
#include "ui/mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("deroot"));
    QApplication::setApplicationDisplayName(QStringLiteral("Deroot"));
    QApplication::setApplicationVersion(Deroot::Core::version());
    QApplication::setDesktopFileName(Deroot::Core::applicationId());

    Deroot::Ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
