// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The Recommendation step as the usability review (P13) found it: two rows that looked selected, a
// header that kept naming the recommendation, "Linux capabilities" for a plan with no
// capabilities, sudo "Possible" with only a warning to say for it. Offscreen, on real programs of
// the build root, with the real inspector and recommender.
#include "ui/wizard/agentwizard.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using Deroot::Ui::AgentWizard;

namespace {

constexpr int kInspectTimeout = 30000;
constexpr int kVerdictColumn = 3;

// Inspects @p path and walks to the Recommendation step; @p service makes it a service (fping is
// otherwise a program other agents call).
bool toRecommendation(AgentWizard &wizard, const QString &path, bool service)
{
    auto *edit = wizard.findChild<QLineEdit *>(u"agentPathLineEdit"_s);
    edit->setFocus();
    QTest::keyClicks(edit, path);
    QTest::keyClick(edit, Qt::Key_Return);
    // Enter inspects and, once the inspection succeeded, moves on to the Needs step.
    if (!QTest::qWaitFor([&] { return wizard.currentId() == AgentWizard::NeedsPageId; }, kInspectTimeout)) {
        return false;
    }
    wizard.next();
    if (service) {
        wizard.findChild<QAbstractButton *>(u"startServiceRadioButton"_s)->click();
    }
    wizard.next();
    return wizard.currentId() == AgentWizard::RecommendationPageId;
}

// Every text a person reads or hears on @p page: labels, buttons, group titles, tooltips,
// accessible names, table cells and tree rows.
QStringList textsOf(const QWidget *page)
{
    QStringList texts;
    QList<const QWidget *> widgets{page};
    for (const QWidget *widget : page->findChildren<QWidget *>()) {
        widgets << widget;
    }
    for (const QWidget *widget : std::as_const(widgets)) {
        texts << widget->toolTip() << widget->accessibleName() << widget->accessibleDescription();
        if (const auto *label = qobject_cast<const QLabel *>(widget)) {
            texts << label->text();
        } else if (const auto *button = qobject_cast<const QAbstractButton *>(widget)) {
            texts << button->text();
        } else if (const auto *box = qobject_cast<const QGroupBox *>(widget)) {
            texts << box->title();
        } else if (const auto *table = qobject_cast<const QTableWidget *>(widget)) {
            for (int row = 0; row < table->rowCount(); ++row) {
                for (int column = 0; column < table->columnCount(); ++column) {
                    if (const QTableWidgetItem *item = table->item(row, column)) {
                        texts << item->text() << item->toolTip();
                    }
                }
            }
        } else if (const auto *tree = qobject_cast<const QTreeWidget *>(widget)) {
            for (int i = 0; i < tree->topLevelItemCount(); ++i) {
                texts << tree->topLevelItem(i)->text(0) << tree->topLevelItem(i)->toolTip(0);
            }
        }
    }
    return texts;
}

int rowOf(const QTableWidget *table, const QString &name)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == name) {
            return row;
        }
    }
    return -1;
}

} // namespace

class RecommendationPageTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void oneRowLooksSelected();
    void nodeExporterIsAHardenedUnit();
    void fpingKeepsCapabilities();
    void noGuideToLookFor();
};

void RecommendationPageTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"deroot-test"_s);
    QSettings().clear();
}

// Choosing another row leaves only that row marked; the header names the chosen method.
void RecommendationPageTest::oneRowLooksSelected()
{
    AgentWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(toRecommendation(wizard, u"/usr/bin/fping"_s, true));
    auto *methods = wizard.findChild<QTableWidget *>(u"methodsTableWidget"_s);
    auto *summary = wizard.findChild<QLabel *>(u"recommendationSummaryLabel"_s);
    const int caps = rowOf(methods, u"Linux capabilities"_s);
    const int container = rowOf(methods, u"Containerization"_s);
    QVERIFY(caps >= 0 && container >= 0);
    QCOMPARE(methods->item(caps, kVerdictColumn)->text(), u"Recommended"_s);
    QVERIFY2(summary->text().contains(u"recommends <b>Linux capabilities</b>"_s), qPrintable(summary->text()));

    methods->selectRow(container);
    QCOMPARE(methods->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(methods->selectionModel()->selectedRows().first().row(), container);
    // No row but the selected one has a colour of its own, nor a row-wide bold: the
    // recommendation's mark is its cell's text and icon.
    for (int row = 0; row < methods->rowCount(); ++row) {
        for (int column = 0; column < methods->columnCount(); ++column) {
            const QTableWidgetItem *item = methods->item(row, column);
            QVERIFY2(item->background().style() == Qt::NoBrush, qPrintable(u"row %1 column %2"_s.arg(row).arg(column)));
            QVERIFY2(item->foreground().style() == Qt::NoBrush, qPrintable(u"row %1 column %2"_s.arg(row).arg(column)));
            if (column != kVerdictColumn) {
                QVERIFY(!item->font().bold());
            }
        }
    }
    QVERIFY(methods->item(caps, kVerdictColumn)->font().bold());
    // The header follows the selection.
    QVERIFY2(summary->text().contains(u"You chose <b>Containerization</b>"_s), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(u"Deroot recommends Linux capabilities"_s), qPrintable(summary->text()));
    QCOMPARE(wizard.findChild<QGroupBox *>(u"methodDetailsGroupBox"_s)->title(), u"Containerization"_s);
    QVERIFY(wizard.findChild<QLabel *>(u"methodDoesLabel"_s)->text().contains(u"container"_s));

    // The resource limits are said once on the page, not as a reason of a method.
    auto *reasons = wizard.findChild<QTreeWidget *>(u"reasonsTreeWidget"_s);
    QVERIFY(reasons->topLevelItemCount() > 0);
    for (int row : {caps, container}) {
        methods->selectRow(row);
        for (int i = 0; i < reasons->topLevelItemCount(); ++i) {
            QVERIFY2(!reasons->topLevelItem(i)->text(0).contains(u"CPU, memory and task limits"_s),
                     qPrintable(reasons->topLevelItem(i)->text(0)));
        }
    }
    auto *limits = wizard.findChild<QLabel *>(u"limitsNoteLabel"_s);
    QVERIFY(limits->isVisible() && limits->text().contains(u"CPU, memory and task limits"_s));
}

// The node exporter needs nothing an ordinary user lacks: the capabilities method grants none, so
// it is named for what it does, and sudo has nothing to give.
void RecommendationPageTest::nodeExporterIsAHardenedUnit()
{
    AgentWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(toRecommendation(wizard, u"/usr/bin/prometheus-node-exporter"_s, false));
    auto *methods = wizard.findChild<QTableWidget *>(u"methodsTableWidget"_s);
    const int hardened = rowOf(methods, u"Service user + hardened unit"_s);
    QVERIFY2(hardened >= 0, qPrintable(methods->item(0, 0)->text() + u", "_s + methods->item(1, 0)->text()));
    QCOMPARE(rowOf(methods, u"Linux capabilities"_s), -1);
    QCOMPARE(methods->item(hardened, kVerdictColumn)->text(), u"Recommended"_s);
    auto *summary = wizard.findChild<QLabel *>(u"recommendationSummaryLabel"_s);
    QVERIFY2(summary->text().contains(u"<b>Service user + hardened unit</b>"_s), qPrintable(summary->text()));

    const int sudo = rowOf(methods, u"Sudo rules"_s);
    QVERIFY(sudo >= 0);
    QCOMPARE(methods->item(sudo, kVerdictColumn)->text(), u"Not needed"_s);
    methods->selectRow(sudo);
    QVERIFY2(summary->text().contains(u"does not need it"_s), qPrintable(summary->text()));
    auto *reasons = wizard.findChild<QTreeWidget *>(u"reasonsTreeWidget"_s);
    QCOMPARE(reasons->topLevelItemCount(), 1);
    QVERIFY(reasons->topLevelItem(0)->text(0).contains(u"no privileged command"_s));
}

// fping needs CAP_NET_RAW: the capabilities method grants it and keeps the guide's name.
void RecommendationPageTest::fpingKeepsCapabilities()
{
    AgentWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(toRecommendation(wizard, u"/usr/bin/fping"_s, false));
    auto *methods = wizard.findChild<QTableWidget *>(u"methodsTableWidget"_s);
    QVERIFY(rowOf(methods, u"Linux capabilities"_s) >= 0);
    QCOMPARE(rowOf(methods, u"Service user + hardened unit"_s), -1);
    const int sudo = rowOf(methods, u"Sudo rules"_s);
    QVERIFY(methods->item(sudo, kVerdictColumn)->text() != u"Not needed"_s);
}

// P9: "the guide" is a document Deroot does not ship; neither "Where it runs" nor the
// Recommendation step (its reasons for every method, in every environment) sends the reader to it.
void RecommendationPageTest::noGuideToLookFor()
{
    AgentWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(toRecommendation(wizard, u"/usr/bin/fping"_s, true));
    int checked = 0;
    const auto check = [&checked](const QWidget *page) {
        for (const QString &text : textsOf(page)) {
            QVERIFY2(!text.contains(u"guide"_s, Qt::CaseInsensitive), qPrintable(text));
            checked += text.isEmpty() ? 0 : 1;
        }
    };
    for (const QString &environment : {u"environmentBareMetalRadioButton"_s, u"environmentContainerRadioButton"_s,
                                       u"environmentLegacyRadioButton"_s}) {
        for (const QString &trust : {u"trustVendorRadioButton"_s, u"trustUntrustedRadioButton"_s}) {
            wizard.back();
            QCOMPARE(wizard.currentId(), int(AgentWizard::EnvironmentPageId));
            wizard.findChild<QAbstractButton *>(environment)->click();
            wizard.findChild<QAbstractButton *>(trust)->click();
            check(wizard.currentPage());
            wizard.next();
            QCOMPARE(wizard.currentId(), int(AgentWizard::RecommendationPageId));
            auto *methods = wizard.findChild<QTableWidget *>(u"methodsTableWidget"_s);
            for (int row = 0; row < methods->rowCount(); ++row) {
                methods->selectRow(row);
                check(wizard.currentPage());
            }
        }
    }
    QVERIFY(checked > 100);
}

QTEST_MAIN(RecommendationPageTest)
#include "recommendationpage_test.moc"
