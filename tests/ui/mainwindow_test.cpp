// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/mainwindow.h"

#include <QLabel>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;

class MainWindowTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheGuidesComparison();
};

void MainWindowTest::showsTheGuidesComparison()
{
    Deroot::Ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), u"Deroot"_s);

    auto *table = window.findChild<QTableWidget *>(u"methodsTableWidget"_s);
    QVERIFY(table);
    QVERIFY(table->isVisible());
    QVERIFY(!table->accessibleName().isEmpty());
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(0, 0)->text(), u"Sudo rules"_s);
    QCOMPARE(table->item(1, 1)->text(), u"High"_s);
    QCOMPARE(table->item(2, 0)->text(), u"Containerization"_s);
    // Read-only: the table explains, it does not take input.
    QCOMPARE(table->editTriggers(), QAbstractItemView::NoEditTriggers);

    auto *heading = window.findChild<QLabel *>(u"headingLabel"_s);
    QVERIFY(heading && heading->isVisible());
}

QTEST_MAIN(MainWindowTest)
#include "mainwindow_test.moc"
