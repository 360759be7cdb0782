// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// Every step of the wizard, filled for a real agent, fits the smallest window the layouts promise:
// 1024x700 (device-independent pixels, so 2048x1400 at 200% scale). A page whose minimum size
// grows past it would push the window off a small screen or cut its buttons off.
#include "ui/wizard/agentwizard.h"

#include <QAbstractButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using Deroot::Ui::AgentWizard;

class MinimumSizeTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyPageFits_data();
    void everyPageFits();
};

void MinimumSizeTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"deroot-test"_s);
    QSettings().clear();
}

void MinimumSizeTest::everyPageFits_data()
{
    QTest::addColumn<QString>("agent");
    QTest::addColumn<int>("method");
    // The three methods fill the Adjust and Preview steps differently (sudo table, capability
    // list, container files); the IPMI exporter brings the longest sudo commands.
    QTest::addRow("fping caps") << u"/usr/bin/fping"_s << int(Deroot::Core::Method::Capabilities);
    QTest::addRow("ipmi exporter sudo") << u"/usr/bin/prometheus-ipmi-exporter"_s << int(Deroot::Core::Method::Sudo);
    QTest::addRow("node exporter container")
        << u"/usr/bin/prometheus-node-exporter"_s << int(Deroot::Core::Method::Container);
}

void MinimumSizeTest::everyPageFits()
{
    QFETCH(QString, agent);
    QFETCH(int, method);
    const QSize limit(1024, 700);
    AgentWizard wizard;
    wizard.resize(limit);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    Deroot::Ui::AgentTarget target;
    target.path = QFile::encodeName(agent);
    wizard.session()->inspect(target);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->hasReport(), 30000);
    QStringList tooBig;
    for (int id = AgentWizard::AgentPageId; id <= AgentWizard::FinishPageId; ++id) {
        QCOMPARE(wizard.currentId(), id);
        if (id == AgentWizard::RecommendationPageId) {
            wizard.session()->setMethod(Deroot::Core::Method(method));
        }
        if (id == AgentWizard::PreviewPageId) {
            QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->checksCurrent(), 90000);
        }
        QCoreApplication::processEvents();
        const QSize minimum = wizard.minimumSizeHint().expandedTo(wizard.minimumSize());
        qInfo("%s: minimum %dx%d", qPrintable(wizard.currentPage()->objectName()), minimum.width(), minimum.height());
        if (minimum.width() > limit.width() || minimum.height() > limit.height()) {
            tooBig.append(
                u"%1 needs %2x%3"_s.arg(wizard.currentPage()->objectName()).arg(minimum.width()).arg(minimum.height()));
        }
        if (id != AgentWizard::FinishPageId) {
            QVERIFY2(wizard.button(QWizard::NextButton)->isEnabled(), qPrintable(wizard.currentPage()->objectName()));
            wizard.next();
        }
    }
    QVERIFY2(tooBig.isEmpty(), qPrintable(tooBig.join(u"; "_s)));
}

QTEST_MAIN(MinimumSizeTest)
#include "minimumsize_test.moc"
