// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The wizard with the keyboard alone: every step walked from the first to an export with Tab,
// Enter, Space and the arrow keys (no mouse, no setter, no click()), offscreen, on fping. On each
// page the Tab chain must reach every control, run through the page in reading order before the
// wizard's buttons, and every control it reaches must have an accessible name.
#include "ui/wizard/agentwizard.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QButtonGroup>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using Deroot::Ui::AgentWizard;

namespace {

QString describe(const QWidget *widget)
{
    if (!widget) {
        return u"(nothing)"_s;
    }
    return u"%1 %2"_s.arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
}

// The widgets Tab visits from the current focus, once round, in order.
QList<QWidget *> tabChain()
{
    QList<QWidget *> chain;
    QWidget *start = QApplication::focusWidget();
    if (!start) {
        return chain;
    }
    chain.append(start);
    for (int i = 0; i < 200; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        if (!now || now == start || chain.contains(now)) {
            break;
        }
        chain.append(now);
    }
    return chain;
}

// Presses Tab until @p target has the focus; false when a whole round passes without it.
bool tabTo(QWidget *target)
{
    for (int i = 0; i < 200 && QApplication::focusWidget() != target; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    return QApplication::focusWidget() == target;
}

bool press(QWidget *target, Qt::Key key)
{
    if (!tabTo(target)) {
        return false;
    }
    QTest::keyClick(target, key);
    return true;
}

// A control an admin operates, as opposed to the inner parts of one (a spin box's line edit) or a
// scroll area's viewport.
bool interactive(const QWidget *widget, const QWidget *window)
{
    if (!widget->isVisibleTo(window) || !widget->isEnabled() || !(widget->focusPolicy() & Qt::TabFocus) ||
        widget->focusProxy()) {
        return false;
    }
    for (const QWidget *parent = widget->parentWidget(); parent; parent = parent->parentWidget()) {
        if (qobject_cast<const QAbstractSpinBox *>(parent) || qobject_cast<const QComboBox *>(parent)) {
            return false;
        }
    }
    return true;
}

QString accessibleName(QWidget *widget)
{
    QAccessibleInterface *interface = QAccessible::queryAccessibleInterface(widget);
    return interface ? interface->text(QAccessible::Name).trimmed() : QString();
}

// Tab must visit every control of the page, in reading order (top to bottom, and left to right on
// one row), then the wizard's buttons; each must have an accessible name.
void checkPage(AgentWizard &wizard)
{
    QWidget *page = wizard.currentPage();
    const QList<QWidget *> chain = tabChain();
    QVERIFY2(!chain.isEmpty(), "something has the focus");

    QStringList missing;
    QStringList unnamed;
    for (QWidget *widget : page->findChildren<QWidget *>()) {
        if (!interactive(widget, &wizard)) {
            continue;
        }
        if (!chain.contains(widget)) {
            missing.append(describe(widget));
        }
        if (accessibleName(widget).isEmpty()) {
            unnamed.append(describe(widget));
        }
    }
    for (QWidget *widget : chain) {
        if (!page->isAncestorOf(widget) && accessibleName(widget).isEmpty()) {
            unnamed.append(describe(widget));
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(u"Tab never reaches: "_s + missing.join(u", "_s)));
    QVERIFY2(unnamed.isEmpty(), qPrintable(u"no accessible name: "_s + unnamed.join(u", "_s)));

    // Rotate the chain to begin at the page's first control; the page's part must be one run.
    qsizetype first = -1;
    for (qsizetype i = 0; i < chain.size(); ++i) {
        if (page->isAncestorOf(chain.at(i)) && !page->isAncestorOf(chain.at((i + chain.size() - 1) % chain.size()))) {
            QVERIFY2(first < 0, "the page's controls are one run in the Tab chain, not split by the buttons");
            first = i;
        }
    }
    QVERIFY2(first >= 0, "Tab reaches the page's controls");
    QRect previous;
    QWidget *previousWidget = nullptr;
    for (qsizetype n = 0; n < chain.size(); ++n) {
        QWidget *widget = chain.at((first + n) % chain.size());
        if (!page->isAncestorOf(widget)) {
            break;
        }
        const QRect rect(widget->mapTo(&wizard, QPoint(0, 0)), widget->size());
        if (previousWidget) {
            const bool sameRow = qAbs(rect.center().y() - previous.center().y()) < previous.height() / 2 + 2 ||
                                 (rect.top() < previous.bottom() && rect.left() >= previous.right());
            const bool below = rect.top() >= previous.top() + 2;
            QVERIFY2((sameRow && rect.left() > previous.left()) || below,
                     qPrintable(u"%1 comes after %2 in the Tab order but stands before it"_s.arg(
                         describe(widget), describe(previousWidget))));
        }
        previous = rect;
        previousWidget = widget;
    }
}

} // namespace

// checkPage's failures end the test, not only the helper.
#define CHECK_PAGE(wizard)                                                                                             \
    do {                                                                                                               \
        checkPage(wizard);                                                                                             \
        if (QTest::currentTestFailed()) {                                                                              \
            return;                                                                                                    \
        }                                                                                                              \
    } while (false)

class KeyboardTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyStepByKeyboard();

private:
    QTemporaryDir m_scratch;
};

void KeyboardTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"deroot-test"_s);
    QSettings().clear();
    QVERIFY(m_scratch.isValid());
}

void KeyboardTest::everyStepByKeyboard()
{
    AgentWizard wizard;
    wizard.show();
    wizard.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&wizard));
    QAbstractButton *next = wizard.button(QWizard::NextButton);

    // 1. The program's path is where typing goes first; Enter inspects it and, once the inspection
    // succeeded, moves on.
    auto *path = wizard.findChild<QLineEdit *>(u"agentPathLineEdit"_s);
    QCOMPARE(QApplication::focusWidget(), path);
    CHECK_PAGE(wizard);
    QVERIFY(tabTo(path));
    QTest::keyClicks(path, u"/usr/bin/fping"_s);
    QTest::keyClick(path, Qt::Key_Return);

    // 2. What it needs.
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(AgentWizard::NeedsPageId), 30000);
    CHECK_PAGE(wizard);
    QVERIFY(press(next, Qt::Key_Space));

    // 3. Where it runs: the arrows move within a group of radio buttons.
    QCOMPARE(wizard.currentId(), int(AgentWizard::EnvironmentPageId));
    CHECK_PAGE(wizard);
    auto *bareMetal = wizard.findChild<QAbstractButton *>(u"environmentBareMetalRadioButton"_s);
    QVERIFY(bareMetal);
    QWidget *environment = bareMetal->group() ? bareMetal->group()->checkedButton() : bareMetal;
    QVERIFY(environment);
    QVERIFY2(tabTo(environment), "Tab reaches the environment's group");
    for (int i = 0; i < 5 && !bareMetal->isChecked(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up);
    }
    QVERIFY2(bareMetal->isChecked(), "the arrows choose bare metal");
    QVERIFY(press(next, Qt::Key_Space));

    // 4. Recommendation: the arrows choose the capabilities row.
    QCOMPARE(wizard.currentId(), int(AgentWizard::RecommendationPageId));
    CHECK_PAGE(wizard);
    auto *methods = wizard.findChild<QTableWidget *>(u"methodsTableWidget"_s);
    QVERIFY(tabTo(methods));
    QTest::keyClick(methods, Qt::Key_Home, Qt::ControlModifier);
    for (int i = 0; i < 3 && !methods->item(methods->currentRow(), 0)->text().startsWith(u"Linux capabilities"_s);
         ++i) {
        QTest::keyClick(methods, Qt::Key_Down);
    }
    QVERIFY(methods->item(methods->currentRow(), 0)->text().startsWith(u"Linux capabilities"_s));
    QCOMPARE(wizard.session()->input().method, Deroot::Core::Method::Capabilities);
    QVERIFY(press(next, Qt::Key_Space));

    // 5. Adjust: Space on "Add capability…", its name typed in the dialog's filter, Return grants it.
    QCOMPARE(wizard.currentId(), int(AgentWizard::AdjustPageId));
    CHECK_PAGE(wizard);
    auto *add = wizard.findChild<QPushButton *>(u"addCapabilityPushButton"_s);
    QVERIFY(tabTo(add));
    QTest::keyClick(add, Qt::Key_Space);
    auto *dialog = wizard.findChild<QDialog *>(u"addCapabilityDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTRY_VERIFY(QApplication::focusWidget() &&
                QApplication::focusWidget()->objectName() == u"capabilityFilterLineEdit"_s);
    QWidget *filter = QApplication::focusWidget();
    QTest::keyClicks(filter, u"CAP_NET_BIND"_s);
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());
    // The window manager gives the wizard its activation back (offscreen, the test does); the
    // focus is where it was, on "Add capability…", for the next.
    wizard.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&wizard));
    QTRY_COMPARE(QApplication::focusWidget(), add);
    auto *capabilities = wizard.findChild<QTreeWidget *>(u"capabilitiesTreeWidget"_s);
    QTreeWidgetItem *bind = capabilities->currentItem();
    QVERIFY(bind && bind->text(0).startsWith(u"CAP_NET_BIND_SERVICE"_s));
    QCOMPARE(bind->checkState(0), Qt::Checked);
    QVERIFY(wizard.session()->input().capabilities.contains(10)); // CAP_NET_BIND_SERVICE
    QVERIFY(press(next, Qt::Key_Space));

    // 6. Preview: once validated, every tab's text is reachable.
    QCOMPARE(wizard.currentId(), int(AgentWizard::PreviewPageId));
    QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->checksCurrent(), 90000);
    CHECK_PAGE(wizard);
    QVERIFY(press(next, Qt::Key_Space));

    // 7. Finish: type a destination, Space on Export.
    QCOMPARE(wizard.currentId(), int(AgentWizard::FinishPageId));
    CHECK_PAGE(wizard);
    auto *destination = wizard.findChild<QLineEdit *>(u"exportPathLineEdit"_s);
    QVERIFY(tabTo(destination));
    QTest::keyClick(destination, Qt::Key_A, Qt::ControlModifier);
    const QString out = m_scratch.filePath(u"plan"_s);
    QTest::keyClicks(destination, out);
    QVERIFY(press(wizard.findChild<QAbstractButton *>(u"exportPushButton"_s), Qt::Key_Space));
    QTRY_VERIFY(QFile::exists(out + u"/plan.json"_s));
    QVERIFY(QFileInfo(out + u"/plan.json"_s).size() > 0);
}

QTEST_MAIN(KeyboardTest)
#include "keyboard_test.moc"
