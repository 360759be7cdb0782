// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QMainWindow>

namespace Deroot::Ui {

/// Deroot's main window. For now it holds the welcome page: what Deroot is for and the guide's
/// comparison of the three methods; the wizard pages arrive with the desktop wizard.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;
};

} // namespace Deroot::Ui
