// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The Adjust step as the usability review (P12) found it: the wheel changed limits while the page
// scrolled, a 40-row capability list scrolled inside the scrolling page, placeholders looked like
// settings, Ports did nothing for some plans, and errors showed one at a time above the form.
// Offscreen, on fping from the build root, with the real inspector, generators and checks.
#include "ui/wizard/addcapabilitydialog.h"
#include "ui/wizard/agentwizard.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <QWheelEvent>
#include <QtTest/qtestspontaneevent.h>

using namespace Qt::StringLiterals;
using Deroot::Ui::AgentWizard;

namespace {

constexpr int kInspectTimeout = 30000;

template <typename T> T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found) {
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    }
    return found;
}

// Inspects fping, makes it a service (or leaves it a called program) and walks to Adjust with
// the method in the row starting with @p method.
bool toAdjust(AgentWizard &wizard, const QString &method, bool service = true)
{
    auto *edit = child<QLineEdit>(&wizard, u"agentPathLineEdit"_s);
    edit->setFocus();
    QTest::keyClicks(edit, u"/usr/bin/fping"_s);
    QTest::keyClick(edit, Qt::Key_Return);
    // Enter inspects and, once the inspection succeeded, moves on to the Needs step.
    if (!QTest::qWaitFor([&] { return wizard.currentId() == AgentWizard::NeedsPageId; }, kInspectTimeout)) {
        return false;
    }
    wizard.next();
    child<QAbstractButton>(&wizard, service ? u"startServiceRadioButton"_s : u"startCalledByRadioButton"_s)->click();
    wizard.next();
    auto *methods = child<QTableWidget>(&wizard, u"methodsTableWidget"_s);
    for (int row = 0; row < methods->rowCount(); ++row) {
        if (methods->item(row, 0)->text().startsWith(method)) {
            methods->selectRow(row);
        }
    }
    wizard.next();
    return wizard.currentId() == AgentWizard::AdjustPageId;
}

bool wheel(QWidget *widget, int steps)
{
    const QPoint centre = widget->rect().center();
    QWheelEvent event(centre, widget->mapToGlobal(centre), QPoint(), QPoint(0, 120 * steps), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    // As from the mouse: QApplication hands only a spontaneous wheel event on to the parents.
    QSpontaneKeyEvent::setSpontaneous(&event);
    return QApplication::sendEvent(widget, &event);
}

QStringList shownCapabilities(const QTreeWidget *tree)
{
    QStringList names;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (!tree->topLevelItem(i)->isHidden()) {
            names.append(tree->topLevelItem(i)->text(0));
        }
    }
    return names;
}

} // namespace

class AdjustPageTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wheelChangesOnlyAFocusedBox();
    void capabilitiesShownAndAdded();
    void fieldsTheMethodIgnores();
    void errorsAtTheField();
};

void AdjustPageTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"deroot-test"_s);
    QSettings().clear();
}

void AdjustPageTest::wheelChangesOnlyAFocusedBox()
{
    AgentWizard wizard;
    wizard.resize(1024, 700);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(toAdjust(wizard, u"Linux capabilities"_s));
    auto *memory = child<QSpinBox>(&wizard, u"memoryMaxSpinBox"_s);
    auto *scroll = child<QScrollArea>(&wizard, u"adjustScrollArea"_s);
    QVERIFY(memory->isVisible());
    // At 1024x700 the page is taller than the window: the wheel has a page to scroll.
    QVERIFY(scroll->verticalScrollBar()->maximum() > 0);
    scroll->verticalScrollBar()->setValue(0);
    wizard.button(QWizard::NextButton)->setFocus();
    const int before = memory->value();
    // Unfocused: the turn goes to the page, never to the box, and does not focus it.
    wheel(memory, -1);
    QCOMPARE(memory->value(), before);
    QVERIFY(!memory->hasFocus());
    QVERIFY2(scroll->verticalScrollBar()->value() > 0, "the page scrolls under the wheel");
    // Focused: the wheel changes it, by a step a memory limit is set in.
    memory->setFocus();
    QTRY_VERIFY(memory->hasFocus());
    wheel(memory, 1);
    QCOMPARE(memory->value(), before + 64);
    QCOMPARE(wizard.session()->input().limits.memoryMaxMiB, before + 64);
    // Sized to their values, not stretched across the page.
    for (const QString &name : {u"cpuQuotaSpinBox"_s, u"memoryMaxSpinBox"_s, u"tasksMaxSpinBox"_s}) {
        auto *box = child<QSpinBox>(&wizard, name);
        QVERIFY2(box->width() < wizard.width() / 3, qPrintable(name + u" is %1 px wide"_s.arg(box->width())));
    }
}

void AdjustPageTest::capabilitiesShownAndAdded()
{
    AgentWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(toAdjust(wizard, u"Linux capabilities"_s));
    auto *tree = child<QTreeWidget>(&wizard, u"capabilitiesTreeWidget"_s);
    // Only the granted and suggested ones: fping's CAP_NET_RAW, not the 40 of the kernel.
    const QStringList shown = shownCapabilities(tree);
    QVERIFY2(shown.contains(u"CAP_NET_RAW"_s), qPrintable(shown.join(u", "_s)));
    QVERIFY2(shown.size() < 5, qPrintable(shown.join(u", "_s)));
    QVERIFY(!shown.contains(u"CAP_SYS_ADMIN"_s));
    // As tall as its rows: no list that scrolls inside the scrolling page.
    QCOMPARE(tree->verticalScrollBar()->maximum(), 0);

    // "Add capability…": the others, sorted, each with what it allows; typing filters.
    auto *add = child<QPushButton>(&wizard, u"addCapabilityPushButton"_s);
    QVERIFY(add->isEnabled());
    add->click();
    auto *dialog = child<Deroot::Ui::AddCapabilityDialog>(&wizard, u"addCapabilityDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *list = child<QTreeWidget>(dialog, u"addCapabilityTreeWidget"_s);
    QStringList offered;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        offered.append(list->topLevelItem(i)->text(0));
        QVERIFY2(!list->topLevelItem(i)->text(2).isEmpty(), qPrintable(offered.last()));
    }
    QVERIFY(!offered.contains(u"CAP_NET_RAW"_s));
    QVERIFY(offered.contains(u"CAP_SYS_ADMIN"_s));
    QStringList sorted = offered;
    sorted.sort();
    QCOMPARE(offered, sorted);
    auto *filter = child<QLineEdit>(dialog, u"capabilityFilterLineEdit"_s);
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, u"net_bind"_s);
    QCOMPARE(shownCapabilities(list), QStringList{u"CAP_NET_BIND_SERVICE"_s});
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_VERIFY(!dialog->isVisible());
    // Added, granted, and shown with the others.
    QVERIFY(wizard.session()->input().capabilities.contains(10)); // CAP_NET_BIND_SERVICE
    QVERIFY(shownCapabilities(tree).contains(u"CAP_NET_BIND_SERVICE"_s));
    QCOMPARE(tree->currentItem()->text(0), u"CAP_NET_BIND_SERVICE"_s);
    QCOMPARE(tree->verticalScrollBar()->maximum(), 0);
    // Unchecked, it stays in view until the step is left: the admin sees what was undone.
    tree->currentItem()->setCheckState(0, Qt::Unchecked);
    QVERIFY(!wizard.session()->input().capabilities.contains(10));
    QVERIFY(shownCapabilities(tree).contains(u"CAP_NET_BIND_SERVICE"_s));
}

void AdjustPageTest::fieldsTheMethodIgnores()
{
    AgentWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(toAdjust(wizard, u"Linux capabilities"_s));
    auto *image = child<QLineEdit>(&wizard, u"containerImageLineEdit"_s);
    auto *network = child<QGroupBox>(&wizard, u"networkGroupBox"_s);
    auto *portsHint = child<QLabel>(&wizard, u"portsLineEditHintLabel"_s);
    // A unit: no image; the ports say what they do there.
    QVERIFY(!image->isVisible());
    QVERIFY(network->isVisible());
    QVERIFY2(portsHint->isVisible() && portsHint->text().contains(u"Prove it"_s), qPrintable(portsHint->text()));
    // Placeholders say they are examples.
    for (const QString &name : {u"groupsLineEdit"_s, u"portsLineEdit"_s, u"environmentLineEdit"_s}) {
        QVERIFY2(child<QLineEdit>(&wizard, name)->placeholderText().startsWith(u"for example"_s), qPrintable(name));
    }

    // A container: its image; no user of this machine, and it says why; the ports are published.
    wizard.back();
    auto *methods = child<QTableWidget>(&wizard, u"methodsTableWidget"_s);
    for (int row = 0; row < methods->rowCount(); ++row) {
        if (methods->item(row, 0)->text() == u"Containerization"_s) {
            methods->selectRow(row);
        }
    }
    wizard.next();
    QCOMPARE(wizard.currentId(), int(AgentWizard::AdjustPageId));
    QVERIFY(image->isVisible() && image->isEnabled());
    QVERIFY(!child<QLineEdit>(&wizard, u"serviceUserLineEdit"_s)->isEnabled());
    QVERIFY(child<QLabel>(&wizard, u"serviceUserLineEditHintLabel"_s)->isVisible());
    QVERIFY2(portsHint->text().contains(u"publishes"_s), qPrintable(portsHint->text()));

    // A program other agents call, with capabilities on its file: no unit, so no ports at all,
    // and no user of its own, with the reason.
    AgentWizard called;
    called.show();
    QVERIFY(QTest::qWaitForWindowExposed(&called));
    QVERIFY(toAdjust(called, u"Linux capabilities"_s, false));
    QCOMPARE(called.session()->input().startMode, Deroot::Core::StartMode::CalledBy);
    QVERIFY(!child<QGroupBox>(&called, u"networkGroupBox"_s)->isVisible());
    QVERIFY(!child<QLineEdit>(&called, u"serviceUserLineEdit"_s)->isEnabled());
    auto *userHint = child<QLabel>(&called, u"serviceUserLineEditHintLabel"_s);
    QVERIFY2(userHint->isVisible() && userHint->text().contains(u"runs as its caller"_s), qPrintable(userHint->text()));
}

void AdjustPageTest::errorsAtTheField()
{
    AgentWizard wizard;
    wizard.resize(1024, 700);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(toAdjust(wizard, u"Linux capabilities"_s));
    auto *general = child<QLabel>(&wizard, u"adjustErrorLabel"_s);
    auto *files = child<QGroupBox>(&wizard, u"filesGroupBox"_s);
    const int filesTop = files->y();

    // A path that is not absolute: marked at Reads, nowhere else, and nothing above it moves.
    auto *reads = child<QPlainTextEdit>(&wizard, u"readPathsPlainTextEdit"_s);
    reads->setPlainText(u"var/lib/fping"_s);
    QVERIFY(!wizard.session()->hasPlan());
    auto *readsError = child<QLabel>(&wizard, u"readPathsPlainTextEditErrorLabel"_s);
    QVERIFY2(readsError->isVisible() && readsError->text().contains(u"var/lib/fping"_s),
             qPrintable(readsError->text()));
    QVERIFY(reads->property("invalid").toBool());
    QVERIFY(!reads->styleSheet().isEmpty());
    QVERIFY(general->isHidden());
    QCOMPARE(files->y(), filesTop);
    QVERIFY(child<QLabel>(&wizard, u"serviceUserLineEditErrorLabel"_s)->isHidden());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());

    // A bad user name beside it: each at its own field.
    auto *user = child<QLineEdit>(&wizard, u"serviceUserLineEdit"_s);
    reads->setPlainText(u"/var/lib/fping"_s);
    QVERIFY(readsError->isHidden());
    QVERIFY(!reads->property("invalid").toBool());
    user->setFocus();
    user->selectAll();
    QTest::keyClicks(user, u"root"_s);
    auto *userError = child<QLabel>(&wizard, u"serviceUserLineEditErrorLabel"_s);
    QVERIFY2(userError->isVisible() && userError->text().contains(u"root"_s), qPrintable(userError->text()));
    QVERIFY(readsError->isHidden());
    QVERIFY(general->isHidden());
    user->selectAll();
    QTest::keyClicks(user, u"fping"_s);
    QVERIFY(userError->isHidden());
    QVERIFY(wizard.session()->hasPlan());

    // Ports that do not read: beneath Ports, the last list that read whole is kept.
    auto *ports = child<QLineEdit>(&wizard, u"portsLineEdit"_s);
    ports->setFocus();
    QTest::keyClicks(ports, u"udp/x"_s);
    auto *portsError = child<QLabel>(&wizard, u"portsLineEditErrorLabel"_s);
    QVERIFY2(portsError->isVisible() && portsError->text().contains(u"udp/x"_s), qPrintable(portsError->text()));
    QVERIFY(general->isHidden());
    QCOMPARE(files->y(), filesTop);
    QTest::keyClick(ports, Qt::Key_Backspace);
    QTest::keyClicks(ports, u"161"_s);
    QVERIFY(portsError->isHidden());
}

QTEST_MAIN(AdjustPageTest)
#include "adjustpage_test.moc"
