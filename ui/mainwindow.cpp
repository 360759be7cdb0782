// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/mainwindow.h"

#include "core/recommend/methods.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Deroot::Ui {

namespace {

QString methodText(const char *source)
{
    return QCoreApplication::translate("Deroot::Core::Method", source);
}

QTableWidget *makeMethodTable(QWidget *parent)
{
    const auto &rows = Core::methodTable();
    auto *table = new QTableWidget(static_cast<int>(rows.size()), 4, parent);
    table->setObjectName(QStringLiteral("methodsTableWidget"));
    table->setAccessibleName(MainWindow::tr("Comparison of the three methods"));
    table->setHorizontalHeaderLabels({MainWindow::tr("Method"), MainWindow::tr("Security"),
                                      MainWindow::tr("Complexity"), MainWindow::tr("Best for")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setWordWrap(true);
    for (int row = 0; row < rows.size(); ++row) {
        const Core::MethodRow &method = rows.at(row);
        const char *cells[] = {method.name, method.security, method.complexity, method.bestFor};
        for (int column = 0; column < 4; ++column) {
            table->setItem(row, column, new QTableWidgetItem(methodText(cells[column])));
        }
    }
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    return table;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Deroot"));

    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);

    auto *heading = new QLabel(tr("Stop running infrastructure agents as root"), page);
    heading->setObjectName(QStringLiteral("headingLabel"));
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    layout->addWidget(heading);

    auto *intro = new QLabel(tr("Monitoring and infrastructure agents often run as root because it is easy, so one "
                                "bug, bad configuration or supply-chain attack in them takes the whole machine. "
                                "Deroot inspects an agent, finds what it really needs, and recommends one of three "
                                "ways to give it exactly that and nothing more:"),
                             page);
    intro->setObjectName(QStringLiteral("introLabel"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    layout->addWidget(makeMethodTable(page));
    layout->addStretch(1);
    setCentralWidget(page);
    resize(900, 420);
}

MainWindow::~MainWindow() = default;

} // namespace Deroot::Ui
