// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The desktop wizard driven end to end through its widgets' object names, offscreen, on real
// programs of the build root, with the real inspector, generators and validators; its export is
// compared byte for byte with what derootctl generate writes for the same choices.
#include "core/generate/manifest.h"
#include "core/inspect/processlist.h"
#include "core/inspect/today.h"
#include "ui/preview/artifactview.h"
#include "ui/preview/codeview.h"
#include "ui/wizard/agentpage.h"
#include "ui/wizard/agentwizard.h"
#include "ui/wizard/finishpage.h"
#include "ui/wizard/needspage.h"
#include "ui/wizard/observedialog.h"
#include "ui/wizard/previewpage.h"
#include "ui/wizard/provedialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractProxyModel>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QDirIterator>
#include <QFileSystemModel>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Deroot::Ui::AgentWizard;

namespace {

constexpr int kInspectTimeout = 30000;
constexpr int kValidateTimeout = 90000;

template <typename T> T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found) {
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    }
    return found;
}

QAbstractButton *nextButton(AgentWizard &wizard)
{
    return wizard.button(QWizard::NextButton);
}

// The files of @p directory, name to bytes.
QMap<QString, QByteArray> filesOf(const QString &directory)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly)) {
            files.insert(it.fileName(), file.readAll());
        }
    }
    return files;
}

// Types @p path into the first step and presses Enter, which inspects it and, when the inspection
// succeeds, moves on to the second step (Needs); waits for the result.
bool inspectPath(AgentWizard &wizard, const QString &path)
{
    auto *edit = child<QLineEdit>(&wizard, u"agentPathLineEdit"_s);
    edit->setFocus();
    edit->clear();
    QTest::keyClicks(edit, path);
    QTest::keyClick(edit, Qt::Key_Return);
    return QTest::qWaitFor([&] { return nextButton(wizard)->isEnabled() || !wizard.session()->isInspecting(); },
                           kInspectTimeout) &&
           wizard.session()->hasReport();
}

// The method table's row for @p text ("Linux capabilities").
int methodRow(QTableWidget *table, const QString &prefix)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text().startsWith(prefix)) {
            return row;
        }
    }
    return -1;
}

bool highlighted(const Deroot::Ui::CodeView *view)
{
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
        if (!block.layout()->formats().isEmpty()) {
            return true;
        }
    }
    return false;
}

QString statusText(AgentWizard &wizard)
{
    return child<QLabel>(&wizard, u"agentStatusLabel"_s)->text();
}

} // namespace

class WizardTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void enterInspectsAndMovesOn();
    void endToEndMatchesDerootctl();
    void verdictComesFirst();
    void backKeepsAdjustments();
    void criticalFindingsBlockTheFlow();
    void cancellingLeavesNoThread();
    void failingValidatorShowsItsMessage();
    void failingValidatorFake();
    void badDrops_data();
    void badDrops();
    void processThatExits();
    void processIsNamedByItsProgram();
    void listsFollowTheMachine();
    void stepsAndHelp();
    void droppedUnitFileInspectsItsProgram();
    void servicesWithoutSystemdAreUnitFiles();
    void serviceStatesInWords_data();
    void serviceStatesInWords();
    void exportRefusals();
    void auditOpensTheWizard();
    void watchItRunJoinsThePlan();
    void proveItOffersToDrop();
    void leavingAsksFirst();
    void exportGoesWhereItSays();
    void exportsAnAnsibleRole();
    void pathCompletion();
    void previewSavesOneFile();

private:
    QTemporaryDir m_scratch;
};

void WizardTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"deroot-test"_s);
    QVERIFY(m_scratch.isValid());
    QVERIFY2(QFileInfo(u"/usr/bin/fping"_s).isExecutable(), "the build root has fping");
}

void WizardTest::init()
{
    QSettings().clear();
}

// Enter in the path field inspects and, only when the inspection succeeds, moves on; the Inspect
// button inspects and stays.
void WizardTest::enterInspectsAndMovesOn()
{
    AgentWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    auto *edit = child<QLineEdit>(&wizard, u"agentPathLineEdit"_s);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_Return); // nothing typed: nothing happens
    QCOMPARE(wizard.currentId(), int(AgentWizard::AgentPageId));
    QVERIFY(!wizard.session()->isInspecting());

    QTest::keyClicks(edit, m_scratch.filePath(u"no-such-agent"_s));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.session()->isInspecting(), kInspectTimeout);
    QCOMPARE(wizard.currentId(), int(AgentWizard::AgentPageId));
    QVERIFY(child<QLabel>(&wizard, u"agentStatusLabel"_s)->property("error").toBool());

    edit->clear();
    QTest::keyClicks(edit, u"/usr/bin/fping"_s);
    child<QPushButton>(&wizard, u"inspectPushButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.session()->isInspecting(), kInspectTimeout);
    QVERIFY2(wizard.session()->hasReport(), qPrintable(statusText(wizard)));
    QCOMPARE(wizard.currentId(), int(AgentWizard::AgentPageId));

    // Enter, then a choice made another way before the inspection ends: that one does not move on.
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(wizard.session()->isInspecting());
    child<QPushButton>(&wizard, u"inspectPushButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.session()->isInspecting(), kInspectTimeout);
    QVERIFY(wizard.session()->hasReport());
    QCOMPARE(wizard.currentId(), int(AgentWizard::AgentPageId));

    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(AgentWizard::NeedsPageId), kInspectTimeout);
    QVERIFY(wizard.session()->hasReport());
}

void WizardTest::endToEndMatchesDerootctl()
{
    AgentWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(AgentWizard::AgentPageId));
    QVERIFY(!nextButton(wizard)->isEnabled());

    // 1. Choose: typed, inspected off the GUI thread; Enter moves on once the inspection succeeded.
    QVERIFY2(inspectPath(wizard, u"/usr/bin/fping"_s), qPrintable(statusText(wizard)));
    // Remembered among the recent agents.
    QVERIFY(QSettings().value(u"recentAgents"_s).toStringList().contains(u"file:/usr/bin/fping"_s));

    // 2. Needs: fping has no critical finding, so nothing holds the flow.
    QCOMPARE(wizard.currentId(), int(AgentWizard::NeedsPageId));
    auto *findings = child<QTreeWidget>(&wizard, u"findingsTreeWidget"_s);
    QVERIFY(findings->topLevelItemCount() >= 2);
    QVERIFY(findings->findItems(u"CAP_NET_RAW"_s, Qt::MatchStartsWith | Qt::MatchRecursive).size() >= 1);
    QVERIFY(child<QFrame>(&wizard, u"criticalFrame"_s)->isHidden());
    QVERIFY(nextButton(wizard)->isEnabled());

    // 3. Where it runs: a server, a vendor's agent, systemd (derootctl's defaults).
    nextButton(wizard)->click();
    QCOMPARE(wizard.currentId(), int(AgentWizard::EnvironmentPageId));
    child<QAbstractButton>(&wizard, u"environmentBareMetalRadioButton"_s)->click();
    child<QAbstractButton>(&wizard, u"trustVendorRadioButton"_s)->click();
    QVERIFY(child<QCheckBox>(&wizard, u"systemdCheckBox"_s)->isChecked());
    // fping is a tool other agents call (the catalog says so, and the page shows it); the plan is
    // made for it as a service here, as `derootctl generate --start service` makes it.
    QVERIFY(child<QAbstractButton>(&wizard, u"startCalledByRadioButton"_s)->isChecked());
    QVERIFY(child<QLabel>(&wizard, u"startEvidenceLabel"_s)->text().contains(u"Other agents run fping"_s));
    child<QAbstractButton>(&wizard, u"startServiceRadioButton"_s)->click();

    // 4. Recommendation: the capabilities row.
    nextButton(wizard)->click();
    QCOMPARE(wizard.currentId(), int(AgentWizard::RecommendationPageId));
    auto *methods = child<QTableWidget>(&wizard, u"methodsTableWidget"_s);
    QCOMPARE(methods->rowCount(), 3);
    int recommended = -1;
    for (int row = 0; row < 3; ++row) {
        if (methods->item(row, 3)->text() == u"Recommended"_s) {
            recommended = row;
        }
    }
    QVERIFY2(recommended >= 0, "the recommended row is marked");
    const int caps = methodRow(methods, u"Linux capabilities"_s);
    QVERIFY(caps >= 0);
    methods->selectRow(caps);
    QVERIFY(child<QTreeWidget>(&wizard, u"reasonsTreeWidget"_s)->topLevelItemCount() > 0);

    // 5. Adjust: grant one more capability and watch the preview change at once.
    nextButton(wizard)->click();
    QCOMPARE(wizard.currentId(), int(AgentWizard::AdjustPageId));
    auto *preview = wizard.findChild<Deroot::Ui::PreviewPage *>();
    QVERIFY(preview);
    Deroot::Ui::ArtifactView *unitView = preview->viewFor(u"unit"_s);
    QVERIFY(unitView);
    const QString before = unitView->codeView()->toPlainText();
    QVERIFY(before.contains(u"CAP_NET_RAW"_s));
    QVERIFY(!before.contains(u"CAP_NET_BIND_SERVICE"_s));
    auto *capabilities = child<QTreeWidget>(&wizard, u"capabilitiesTreeWidget"_s);
    const QList<QTreeWidgetItem *> bind = capabilities->findItems(u"CAP_NET_BIND_SERVICE"_s, Qt::MatchStartsWith);
    QCOMPARE(bind.size(), 1);
    QVERIFY(!bind.first()->text(2).isEmpty()); // explained in plain language
    QVERIFY(!bind.first()->text(1).isEmpty()); // with its risk
    const QList<QTreeWidgetItem *> sysAdmin = capabilities->findItems(u"CAP_SYS_ADMIN"_s, Qt::MatchStartsWith);
    QCOMPARE(sysAdmin.size(), 1);
    QCOMPARE(sysAdmin.first()->text(1), u"Root-equivalent"_s);
    bind.first()->setCheckState(0, Qt::Checked);
    const QString after = unitView->codeView()->toPlainText();
    QVERIFY2(after != before, "the preview follows the change at once");
    QVERIFY(after.contains(u"CAP_NET_BIND_SERVICE"_s));
    // Paths, devices, groups, ports and limits, each with its derootctl generate option below.
    child<QPlainTextEdit>(&wizard, u"readPathsPlainTextEdit"_s)->setPlainText(u"/etc/fping\n/var/lib/fping"_s);
    child<QPlainTextEdit>(&wizard, u"writePathsPlainTextEdit"_s)->setPlainText(u"/run/fping"_s);
    child<QPlainTextEdit>(&wizard, u"devicesPlainTextEdit"_s)->setPlainText(u"/dev/net/tun"_s);
    auto *groups = child<QLineEdit>(&wizard, u"groupsLineEdit"_s);
    groups->setFocus();
    QTest::keyClicks(groups, u"adm"_s);
    auto *ports = child<QLineEdit>(&wizard, u"portsLineEdit"_s);
    ports->setFocus();
    QTest::keyClicks(ports, u"tcp/9100"_s);
    child<QSpinBox>(&wizard, u"cpuQuotaSpinBox"_s)->setValue(25);
    const QString adjusted = unitView->codeView()->toPlainText();
    QVERIFY2(adjusted.contains(u"/var/lib/fping"_s), qPrintable(adjusted));
    QVERIFY2(adjusted.contains(u"/dev/net/tun"_s), qPrintable(adjusted));
    QVERIFY2(adjusted.contains(u"SupplementaryGroups=adm"_s), qPrintable(adjusted));
    QVERIFY2(adjusted.contains(u"CPUQuota=25%"_s), qPrintable(adjusted));

    // 6. Preview: highlighted, validated by the real tools.
    nextButton(wizard)->click();
    QCOMPARE(wizard.currentId(), int(AgentWizard::PreviewPageId));
    QCOMPARE(unitView->codeView()->definitionName(), u"systemd unit"_s);
    QTRY_VERIFY_WITH_TIMEOUT(highlighted(unitView->codeView()), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->checksCurrent(), kValidateTimeout);
    auto *validation = unitView->findChild<QLabel *>(u"validationLabel"_s);
    QVERIFY2(validation->text().contains(u"OK"_s), qPrintable(validation->text()));
    QVERIFY2(validation->text().contains(u"exposure"_s), qPrintable(validation->text()));
    // The review's P16: the preview opens on its first tab, which is the file that carries the
    // grant (the unit), not useradd.sh; long comment lines wrap.
    auto *tabs = child<QTabWidget>(&wizard, u"artifactsTabWidget"_s);
    QCOMPARE(tabs->currentIndex(), 0);
    QCOMPARE(tabs->currentWidget(), unitView);
    QCOMPARE(unitView->codeView()->lineWrapMode(), QPlainTextEdit::WidgetWidth);
    // Only files a validator really checked are called checked: useradd.sh has none.
    int checked = 0;
    for (const Deroot::Core::Artifact &artifact : wizard.session()->plan().artifacts) {
        const auto check = wizard.session()->check(artifact.id);
        checked += check.validated && check.validation.result.available ? 1 : 0;
    }
    QVERIFY(checked > 0 && checked < wizard.session()->plan().artifacts.size());
    const QString previewStatus = child<QLabel>(&wizard, u"previewStatusLabel"_s)->text();
    QVERIFY2(previewStatus.contains(u"; %1 checked by the real validators"_s.arg(checked)), qPrintable(previewStatus));
    QVERIFY2(!previewStatus.contains(u"each checked"_s), qPrintable(previewStatus));
    // Two files make the one user: the page says which one Apply runs.
    auto *userNote = child<QLabel>(&wizard, u"userFilesNoteLabel"_s);
    QVERIFY(userNote->isVisible());
    QVERIFY2(userNote->text().contains(u"useradd.sh"_s) && userNote->text().contains(u"sysusers"_s),
             qPrintable(userNote->text()));

    // 7. Finish: export, then the same choices through derootctl.
    nextButton(wizard)->click();
    QCOMPARE(wizard.currentId(), int(AgentWizard::FinishPageId));
    auto *apply = child<QPushButton>(&wizard, u"applyPushButton"_s);
    QVERIFY(!apply->isEnabled());
    QVERIFY2(apply->toolTip().contains(u"APPLY.txt"_s), qPrintable(apply->toolTip()));
    // While Apply cannot be pressed, its roll-back choice is not offered either.
    QVERIFY(!child<QCheckBox>(&wizard, u"confirmWithinCheckBox"_s)->isEnabled());
    QVERIFY(!child<QSpinBox>(&wizard, u"confirmSecondsSpinBox"_s)->isEnabled());
    // Its label greys out with it, not a black "Time limit:" beside a grey field.
    QVERIFY(!child<QLabel>(&wizard, u"confirmSecondsLabel"_s)->isEnabled());
    // "Copy one file" offers the unit first, not useradd.sh.
    QCOMPARE(child<QComboBox>(&wizard, u"copyArtifactComboBox"_s)->currentData().toString(), u"unit"_s);
    const QString guiOut = m_scratch.filePath(u"gui-plan"_s);
    child<QLineEdit>(&wizard, u"exportPathLineEdit"_s)->setText(guiOut);
    auto *exportButton = child<QPushButton>(&wizard, u"exportPushButton"_s);
    QTRY_VERIFY(exportButton->isEnabled());
    // A button of its own size, not a bar across the box.
    QVERIFY2(exportButton->width() < exportButton->parentWidget()->width() / 2,
             qPrintable(u"%1 of %2"_s.arg(exportButton->width()).arg(exportButton->parentWidget()->width())));
    exportButton->click();
    auto *status = child<QLabel>(&wizard, u"exportStatusLabel"_s);
    QVERIFY2(!status->property("error").toBool(), qPrintable(status->text()));

    const QString cliOut = m_scratch.filePath(u"cli-plan"_s);
    QProcess cli;
    cli.start(QStringLiteral(DEROOTCTL_PATH), {u"generate"_s,      u"/usr/bin/fping"_s,
                                               u"--start"_s,       u"service"_s,
                                               u"--method"_s,      u"caps"_s,
                                               u"--systemd"_s,     u"yes"_s,
                                               u"--caps"_s,        u"CAP_NET_RAW,CAP_NET_BIND_SERVICE"_s,
                                               u"--read-paths"_s,  u"/etc/fping,/var/lib/fping"_s,
                                               u"--write-paths"_s, u"/run/fping"_s,
                                               u"--devices"_s,     u"/dev/net/tun"_s,
                                               u"--groups"_s,      u"adm"_s,
                                               u"--ports"_s,       u"tcp/9100"_s,
                                               u"--cpu-quota"_s,   u"25"_s,
                                               u"--out"_s,         cliOut});
    QVERIFY(cli.waitForFinished(120000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    const QMap<QString, QByteArray> gui = filesOf(guiOut);
    const QMap<QString, QByteArray> command = filesOf(cliOut);
    QVERIFY(gui.contains(u"plan.json"_s));
    QCOMPARE(gui.keys(), command.keys());
    for (auto it = gui.cbegin(); it != gui.cend(); ++it) {
        QVERIFY2(it.value() == command.value(it.key()), qPrintable(u"%1 differs"_s.arg(it.key())));
    }

    // The same plan as an archive holds the same files.
    child<QComboBox>(&wizard, u"exportFormatComboBox"_s)->setCurrentIndex(1);
    const QString archive = child<QLineEdit>(&wizard, u"exportPathLineEdit"_s)->text();
    QCOMPARE(archive, guiOut + u".tar.gz"_s);
    exportButton->click();
    QVERIFY2(!status->property("error").toBool(), qPrintable(status->text()));
    QProcess tar;
    tar.start(u"tar"_s, {u"-xzf"_s, archive, u"-C"_s, m_scratch.path(), u"--one-top-level=unpacked"_s});
    QVERIFY(tar.waitForFinished());
    QCOMPARE(tar.exitCode(), 0);
    QCOMPARE(filesOf(m_scratch.filePath(u"unpacked/gui-plan"_s)), gui);
}

// "What it needs" opens with the verdict, core's own sentence for this report, above everything
// else on the page and set apart from the grey lines; "today" on the Recommendation page says
// what it stands on and shows whole numbers, as derootctl does.
void WizardTest::verdictComesFirst()
{
    AgentWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY2(inspectPath(wizard, u"/usr/bin/fping"_s), qPrintable(statusText(wizard)));
    QCOMPARE(wizard.currentId(), int(AgentWizard::NeedsPageId));
    QWidget *page = wizard.currentPage();
    auto *verdict = child<QLabel>(page, u"verdictLabel"_s);
    QVERIFY(verdict && verdict->isVisible());
    const Deroot::Core::Verdict expected = Deroot::Core::verdictOf(wizard.session()->report());
    QCOMPARE(verdict->text(), expected.text);
    // fping as Debian ships it: cap_net_raw=ep, not set-uid, not running.
    QCOMPARE(expected.id, u"file-capabilities"_s);
    QVERIFY2(verdict->text().startsWith(u"Nothing to de-root"_s), qPrintable(verdict->text()));

    // First: nothing visible on the page sits above it.
    const int top = verdict->mapTo(page, QPoint(0, 0)).y();
    for (QWidget *other : page->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        if (other->isVisible() && other != child<QFrame>(page, u"verdictFrame"_s)) {
            QVERIFY2(other->mapTo(page, QPoint(0, 0)).y() > top, qPrintable(other->objectName()));
        }
    }
    // A headline: bold and larger than the summary line below it.
    auto *summary = child<QLabel>(page, u"needsSummaryLabel"_s);
    QVERIFY(verdict->font().bold());
    QVERIFY(verdict->font().pointSizeF() > summary->font().pointSizeF());
    QVERIFY(!child<QLabel>(page, u"verdictIconLabel"_s)->pixmap().isNull());

    // The verdict is core's text through the translations, as core's errors are.
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(DEROOT_QM_DIR "/deroot_de")));
    QCoreApplication::installTranslator(&translator);
    wizard.back();
    nextButton(wizard)->click();
    const QString german = verdict->text();
    QCoreApplication::removeTranslator(&translator);
    QVERIFY2(german.startsWith(u"Nichts zu tun"_s) && german.contains(u"CAP_NET_RAW"_s), qPrintable(german));

    // Recommendation: today's 11 is what fping's file grants, not an assumed 100, in whole numbers.
    nextButton(wizard)->click();
    nextButton(wizard)->click();
    QCOMPARE(wizard.currentId(), int(AgentWizard::RecommendationPageId));
    const QString privilege = child<QLabel>(&wizard, u"privilegeLabel"_s)->text();
    QVERIFY2(privilege.contains(u"11 today (from what its file grants whoever runs it)"_s), qPrintable(privilege));
    QVERIFY2(!privilege.contains(u".0"_s), qPrintable(privilege));
}

// Back to another method: the adjustments the new method shares are kept, and said so; the export
// is still what derootctl generate writes with the same options.
void WizardTest::backKeepsAdjustments()
{
    AgentWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY2(inspectPath(wizard, u"/usr/bin/fping"_s), qPrintable(statusText(wizard)));
    // A service, so that its unit listens on the ports (a called program has no unit: no ports).
    while (wizard.currentId() != AgentWizard::EnvironmentPageId) {
        nextButton(wizard)->click();
    }
    child<QAbstractButton>(&wizard, u"startServiceRadioButton"_s)->click();
    nextButton(wizard)->click();
    QCOMPARE(wizard.currentId(), int(AgentWizard::RecommendationPageId));
    auto *methods = child<QTableWidget>(&wizard, u"methodsTableWidget"_s);
    methods->selectRow(methodRow(methods, u"Linux capabilities"_s));
    nextButton(wizard)->click();
    QCOMPARE(wizard.currentId(), int(AgentWizard::AdjustPageId));
    QVERIFY(!child<QLineEdit>(&wizard, u"containerImageLineEdit"_s)->isEnabled());
    auto *readPaths = child<QPlainTextEdit>(&wizard, u"readPathsPlainTextEdit"_s);
    readPaths->setPlainText(u"/var/lib/fping"_s);
    auto *ports = child<QLineEdit>(&wizard, u"portsLineEdit"_s);
    ports->setFocus();
    QTest::keyClicks(ports, u"tcp/9100 udp/x"_s);
    // Said beneath the field at fault.
    auto *error = child<QLabel>(&wizard, u"portsLineEditErrorLabel"_s);
    QVERIFY2(error->isVisible() && error->text().contains(u"udp/x"_s), qPrintable(error->text()));
    // The last list that read whole is kept (tcp/9100, typed before), never half of this one.
    QCOMPARE(wizard.session()->input().listenPorts.size(), 1);
    QTest::keyClick(ports, Qt::Key_Backspace);
    QTest::keyClicks(ports, u"161"_s);
    QCOMPARE(wizard.session()->input().listenPorts.size(), 2);

    wizard.back();
    QCOMPARE(wizard.currentId(), int(AgentWizard::RecommendationPageId));
    methods->selectRow(methodRow(methods, u"Containerization"_s));
    nextButton(wizard)->click();
    QCOMPARE(wizard.currentId(), int(AgentWizard::AdjustPageId));
    QCOMPARE(readPaths->toPlainText(), u"/var/lib/fping"_s);
    QCOMPARE(ports->text(), u"tcp/9100 udp/161"_s);
    auto *carried = child<QLabel>(&wizard, u"carriedAdjustmentsLabel"_s);
    QVERIFY2(carried->isVisible() && carried->text().contains(u"ports"_s), qPrintable(carried->text()));
    auto *image = child<QLineEdit>(&wizard, u"containerImageLineEdit"_s);
    QVERIFY(image->isEnabled());
    // fping's upstream publishes no image: the field is empty, and the page says so at the field
    // and lets nobody on (no placeholder image any more).
    QVERIFY(image->text().isEmpty());
    auto *imageError = child<QLabel>(&wizard, u"containerImageLineEditErrorLabel"_s);
    QTRY_VERIFY(imageError->isVisible());
    QVERIFY(!nextButton(wizard)->isEnabled());
    image->selectAll();
    QTest::keyClicks(image, u"registry.example.org/fping:5.1"_s);
    QCOMPARE(wizard.session()->input().containerImage, u"registry.example.org/fping:5.1"_s);
    QTRY_VERIFY(!imageError->isVisible());

    nextButton(wizard)->click();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->checksCurrent(), kValidateTimeout);
    nextButton(wizard)->click();
    QCOMPARE(wizard.currentId(), int(AgentWizard::FinishPageId));
    const QString guiOut = m_scratch.filePath(u"back-gui"_s);
    child<QLineEdit>(&wizard, u"exportPathLineEdit"_s)->setText(guiOut);
    auto *exportButton = child<QPushButton>(&wizard, u"exportPushButton"_s);
    QTRY_VERIFY(exportButton->isEnabled());
    exportButton->click();
    auto *status = child<QLabel>(&wizard, u"exportStatusLabel"_s);
    QVERIFY2(!status->property("error").toBool(), qPrintable(status->text()));

    const QString cliOut = m_scratch.filePath(u"back-cli"_s);
    QProcess cli;
    cli.start(QStringLiteral(DEROOTCTL_PATH),
              {u"generate"_s, u"/usr/bin/fping"_s, u"--start"_s, u"service"_s, u"--method"_s, u"container"_s,
               u"--systemd"_s, u"yes"_s, u"--read-paths"_s, u"/var/lib/fping"_s, u"--ports"_s, u"tcp/9100,udp/161"_s,
               u"--image"_s, u"registry.example.org/fping:5.1"_s, u"--out"_s, cliOut});
    QVERIFY(cli.waitForFinished(120000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    const QMap<QString, QByteArray> gui = filesOf(guiOut);
    QVERIFY(gui.value(u"plan.json"_s).contains("registry.example.org/fping:5.1"));
    QCOMPARE(gui.keys(), filesOf(cliOut).keys());
    for (auto it = gui.cbegin(); it != gui.cend(); ++it) {
        QVERIFY2(it.value() == filesOf(cliOut).value(it.key()), qPrintable(u"%1 differs"_s.arg(it.key())));
    }
}

void WizardTest::criticalFindingsBlockTheFlow()
{
    // A copy anyone may change: whoever changes it becomes the agent.
    QTemporaryDir dir;
    const QString copy = dir.filePath(u"fping"_s);
    QVERIFY(QFile::copy(u"/usr/bin/fping"_s, copy));
    QVERIFY(::chmod(QFile::encodeName(copy).constData(), 0777) == 0);

    AgentWizard wizard;
    wizard.show();
    QVERIFY(inspectPath(wizard, copy));
    QCOMPARE(wizard.currentId(), int(AgentWizard::NeedsPageId));
    auto *critical = child<QFrame>(&wizard, u"criticalFrame"_s);
    QVERIFY(critical->isVisible());
    QVERIFY(!nextButton(wizard)->isEnabled());
    auto *findings = child<QTreeWidget>(&wizard, u"findingsTreeWidget"_s);
    QVERIFY(!findings->findItems(u"writable"_s, Qt::MatchContains | Qt::MatchRecursive).isEmpty());
    auto *acknowledge = child<QCheckBox>(&wizard, u"acknowledgeCheckBox"_s);
    acknowledge->setFocus();
    QTest::keyClick(acknowledge, Qt::Key_Space); // by keyboard
    QVERIFY(acknowledge->isChecked());
    QVERIFY(nextButton(wizard)->isEnabled());
    QTest::keyClick(acknowledge, Qt::Key_Space);
    QVERIFY(!nextButton(wizard)->isEnabled());
}

void WizardTest::cancellingLeavesNoThread()
{
    AgentWizard wizard;
    wizard.show();
    auto *page = wizard.findChild<Deroot::Ui::AgentPage *>();
    QVERIFY(page);
    // The largest program of the build root takes the longest to hash.
    QString largest = u"/usr/bin/podman"_s;
    QVERIFY(QFileInfo::exists(largest));
    Deroot::Ui::AgentTarget target;
    target.path = QFile::encodeName(largest);
    page->choose(target);
    QVERIFY(wizard.session()->isInspecting());
    auto *cancel = child<QPushButton>(&wizard, u"cancelInspectionPushButton"_s);
    QVERIFY(cancel->isVisible());
    cancel->click();
    QVERIFY(!wizard.session()->isInspecting());
    QVERIFY(statusText(wizard).contains(u"cancelled"_s));
    QVERIFY(!nextButton(wizard)->isEnabled());
    // The worker ends on its own and its thread with it; its result is dropped.
    QTRY_COMPARE_WITH_TIMEOUT(wizard.session()->threadPool()->activeThreadCount(), 0, kInspectTimeout);
    QVERIFY(wizard.session()->threadPool()->waitForDone(kInspectTimeout));
    QTest::qWait(50);
    QVERIFY(!wizard.session()->hasReport());
    QVERIFY(!nextButton(wizard)->isEnabled());
    // And a new inspection still works.
    QVERIFY(inspectPath(wizard, u"/usr/bin/fping"_s));
}

void WizardTest::failingValidatorShowsItsMessage()
{
    // A program that disappears after the inspection: the real systemd-analyze verify rejects a
    // unit whose ExecStart= is gone, and the tab says so in the tool's words.
    QTemporaryDir dir;
    QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0755) == 0);
    const QString copy = dir.filePath(u"fping"_s);
    QVERIFY(QFile::copy(u"/usr/bin/fping"_s, copy));
    QVERIFY(::chmod(QFile::encodeName(copy).constData(), 0755) == 0);

    AgentWizard wizard;
    wizard.show();
    QVERIFY(inspectPath(wizard, copy));
    QVERIFY(QFile::remove(copy));
    Deroot::Core::StartChoice asService; // fping as a service: the plan has a unit
    asService.mode = Deroot::Core::StartMode::Service;
    wizard.session()->setStartChoice(asService);
    wizard.session()->setMethod(Deroot::Core::Method::Capabilities);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->checksCurrent(), kValidateTimeout);
    auto *view = wizard.findChild<Deroot::Ui::PreviewPage *>()->viewFor(u"unit"_s);
    QVERIFY(view);
    auto *validation = view->findChild<QLabel *>(u"validationLabel"_s);
    QVERIFY2(validation->text().contains(u"not executable"_s) || validation->text().contains(u"No such file"_s),
             qPrintable(validation->text()));
    QCOMPARE(validation->property("checkState").toInt(), 1); // failed
    QVERIFY(wizard.session()->failedValidation().has_value());
    const auto written = wizard.session()->exportPlan(m_scratch.filePath(u"refused"_s), false, false);
    QVERIFY(!written);
    QVERIFY(!QFileInfo::exists(m_scratch.filePath(u"refused"_s)));
}

void WizardTest::failingValidatorFake()
{
    // The same path with a fake validator, in addition: its message, word for word, in the tab.
    AgentWizard wizard;
    wizard.show();
    QVERIFY(inspectPath(wizard, u"/usr/bin/fping"_s));
    wizard.session()->setValidator([](const QList<Deroot::Core::Artifact> &artifacts, const QString &) {
        QList<Deroot::Core::ArtifactValidation> results;
        for (const Deroot::Core::Artifact &artifact : artifacts) {
            Deroot::Core::ValidationResult result;
            result.ok = artifact.id != u"sysusers";
            result.summary = result.ok ? u"fake: OK"_s : u"fake-sysusers: line 1: bad user"_s;
            results.append({artifact.id, result, {}});
        }
        return results;
    });
    Deroot::Core::StartChoice asService; // fping as a service: the plan has a unit
    asService.mode = Deroot::Core::StartMode::Service;
    wizard.session()->setStartChoice(asService);
    wizard.session()->setMethod(Deroot::Core::Method::Capabilities);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->checksCurrent(), kValidateTimeout);
    auto *view = wizard.findChild<Deroot::Ui::PreviewPage *>()->viewFor(u"sysusers"_s);
    QVERIFY(view);
    QVERIFY(view->findChild<QLabel *>(u"validationLabel"_s)->text().contains(u"fake-sysusers: line 1: bad user"_s));
    QVERIFY(child<QLabel>(&wizard, u"previewStatusLabel"_s)->text().contains(u"fail"_s));
}

void WizardTest::badDrops_data()
{
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("inspects"); // the inspector, not the page, judges it
    QTest::addRow("directory") << QStringList{u"/usr/bin"_s} << u"is a folder"_s << false;
    QTest::addRow("several files") << QStringList{u"/usr/bin/fping"_s, u"/usr/bin/tcpdump"_s}
                                   << u"2 files were dropped"_s << false;
    QTest::addRow("device node") << QStringList{u"/dev/null"_s} << u"cannot be inspected"_s << true;
    QTest::addRow("huge file") << QStringList{u"HUGE"_s} << u"cannot be inspected"_s << true;
    QTest::addRow("fifo") << QStringList{u"FIFO"_s} << u"cannot be inspected"_s << true;
    QTest::addRow("missing file") << QStringList{u"/nonexistent/agent"_s} << u"cannot be inspected"_s << true;
}

void WizardTest::badDrops()
{
    QFETCH(QStringList, paths);
    QFETCH(QString, message);
    QFETCH(bool, inspects);
    QTemporaryDir dir;
    QList<QUrl> urls;
    for (QString path : std::as_const(paths)) {
        if (path == u"HUGE") {
            // Sparse: larger than any agent, costs no disk.
            path = dir.filePath(u"huge"_s);
            QFile huge(path);
            QVERIFY(huge.open(QIODevice::WriteOnly));
            QVERIFY(huge.resize((qint64(1) << 30) + 1));
        } else if (path == u"FIFO") {
            path = dir.filePath(u"fifo"_s);
            QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
        }
        urls.append(QUrl::fromLocalFile(path));
    }
    AgentWizard wizard;
    wizard.show();
    auto *page = wizard.findChild<Deroot::Ui::AgentPage *>();
    QCOMPARE(page->takeDroppedUrls(urls), inspects);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.session()->isInspecting(), kInspectTimeout);
    QVERIFY2(statusText(wizard).contains(message), qPrintable(statusText(wizard)));
    QVERIFY(child<QLabel>(&wizard, u"agentStatusLabel"_s)->property("error").toBool());
    QVERIFY(!nextButton(wizard)->isEnabled());
}

void WizardTest::processThatExits()
{
    QProcess sleeper;
    sleeper.start(u"sleep"_s, {u"300"_s});
    QVERIFY(sleeper.waitForStarted());
    const qint64 pid = sleeper.processId();

    AgentWizard wizard;
    wizard.show();
    auto *page = wizard.findChild<Deroot::Ui::AgentPage *>();
    auto *view = child<QTreeView>(&wizard, u"processTreeView"_s);
    page->refreshLists();
    // Pick it from the filtered list by keyboard.
    QModelIndex index;
    QVERIFY(QTest::qWaitFor(
        [&] {
            auto *filter = child<QLineEdit>(&wizard, u"processFilterLineEdit"_s);
            filter->setText(QString::number(pid));
            for (int row = 0; row < view->model()->rowCount(); ++row) {
                if (view->model()->index(row, 0).data().toString() == QString::number(pid)) {
                    index = view->model()->index(row, 0);
                    return true;
                }
            }
            page->refreshLists();
            return false;
        },
        kInspectTimeout));
    view->setCurrentIndex(index);
    sleeper.kill();
    QVERIFY(sleeper.waitForFinished());
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.session()->isInspecting(), kInspectTimeout);
    QVERIFY2(statusText(wizard).contains(u"process %1"_s.arg(pid)), qPrintable(statusText(wizard)));
    QVERIFY(child<QLabel>(&wizard, u"agentStatusLabel"_s)->property("error").toBool());
    QVERIFY(!nextButton(wizard)->isEnabled());
}

// The review's P16: "process 904. It matches ..." named a process by its number only, in lower case
// at the start of the sentence. It is named by its program too, capitalised where it starts one.
void WizardTest::processIsNamedByItsProgram()
{
    QProcess sleeper;
    sleeper.start(u"sleep"_s, {u"300"_s});
    QVERIFY(sleeper.waitForStarted());
    const auto stop = qScopeGuard([&sleeper] {
        sleeper.kill();
        sleeper.waitForFinished();
    });
    AgentWizard wizard;
    wizard.show();
    Deroot::Ui::AgentTarget target;
    target.kind = Deroot::Ui::AgentTarget::Kind::Process;
    target.pid = int(sleeper.processId());
    wizard.session()->inspect(target);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.session()->isInspecting(), kInspectTimeout);
    QVERIFY(wizard.session()->hasReport());
    const QString pid = QString::number(sleeper.processId());
    QCOMPARE(wizard.session()->target().display(), u"process %1 (sleep)"_s.arg(pid));
    QCOMPARE(wizard.session()->target().heading(), u"Process %1 (sleep)"_s.arg(pid));
    nextButton(wizard)->click();
    QCOMPARE(wizard.currentId(), int(AgentWizard::NeedsPageId));
    const QString summary = child<QLabel>(&wizard, u"needsSummaryLabel"_s)->text();
    QVERIFY2(summary.startsWith(u"Process %1 (sleep). "_s.arg(pid)), qPrintable(summary));

    // In French the status line started with the process as the middle of a sentence names it:
    // "processus 20 (Xvfb) inspecté." Every language's sentence starts with a capital.
    QTranslator french;
    QVERIFY(french.load(QStringLiteral(DEROOT_QM_DIR "/deroot_fr")));
    QCoreApplication::installTranslator(&french);
    const auto untranslate = qScopeGuard([&french] { QCoreApplication::removeTranslator(&french); });
    AgentWizard frenchWizard;
    frenchWizard.show();
    frenchWizard.session()->inspect(target);
    QTRY_VERIFY_WITH_TIMEOUT(!frenchWizard.session()->isInspecting(), kInspectTimeout);
    const QString status = statusText(frenchWizard);
    QVERIFY2(status.contains(pid) && status.at(0).isUpper(), qPrintable(status));
}

// The process list follows the machine: a new process appears and an ended one goes, by F5 and
// by itself, while the row the admin has selected stays selected; choosing from a list clears the
// path field, so the page never shows two different agents.
void WizardTest::listsFollowTheMachine()
{
    AgentWizard wizard;
    wizard.show();
    auto *page = wizard.findChild<Deroot::Ui::AgentPage *>();
    auto *view = child<QTreeView>(&wizard, u"processTreeView"_s);
    auto *timer = wizard.findChild<QTimer *>(u"listRefreshTimer"_s);
    QVERIFY(timer);
    QTRY_VERIFY(timer->isActive());
    QCOMPARE(timer->interval(), Deroot::Ui::AgentPage::kRefreshIntervalMs);
    const auto rowOf = [view](qint64 pid) {
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            if (view->model()->index(row, 0).data().toString() == QString::number(pid)) {
                return row;
            }
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 0, kInspectTimeout);
    // The admin selects a process that keeps running (this test's own parent, say: any row).
    const QModelIndex kept = view->model()->index(0, 0);
    const QString keptPid = kept.data().toString();
    view->setCurrentIndex(kept);

    QProcess sleeper;
    sleeper.start(u"sleep"_s, {u"300"_s});
    QVERIFY(sleeper.waitForStarted());
    const qint64 pid = sleeper.processId();
    // The PID column as the first fill left it when the PIDs were short: a longer one must still show.
    view->header()->resizeSection(0, 1);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(pid) >= 0, kInspectTimeout);
    QCOMPARE(view->currentIndex().data().toString(), keptPid);
    const int pidWidth = static_cast<QAbstractItemView *>(view)->sizeHintForColumn(0);
    QVERIFY2(
        view->header()->sectionSize(0) >= pidWidth,
        qPrintable(u"PID column %1 px for PIDs needing %2 px"_s.arg(view->header()->sectionSize(0)).arg(pidWidth)));

    sleeper.kill();
    QVERIFY(sleeper.waitForFinished());
    // No key this time: the timer's refresh drops it.
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(pid) < 0, Deroot::Ui::AgentPage::kRefreshIntervalMs * 3);
    QCOMPARE(view->currentIndex().data().toString(), keptPid);

    // Choosing a process empties the path field typed before.
    auto *path = child<QLineEdit>(&wizard, u"agentPathLineEdit"_s);
    path->setText(u"/usr/bin/fping"_s);
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(path->text().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.session()->isInspecting(), kInspectTimeout);
    Q_UNUSED(page);
}

// Where am I: every page's title says its step; F1 explains the step in words and leads to About.
void WizardTest::stepsAndHelp()
{
    AgentWizard wizard;
    wizard.show();
    wizard.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&wizard));
    const QList<int> ids = wizard.pageIds();
    for (int i = 0; i < ids.size(); ++i) {
        QVERIFY2(wizard.page(ids.at(i))->title().startsWith(u"Step %1 of %2: "_s.arg(i + 1).arg(ids.size())),
                 qPrintable(wizard.page(ids.at(i))->title()));
    }
    QCOMPARE(wizard.currentPage()->title(), u"Step 1 of 7: Choose the agent"_s);
    // deroot(1) walks through the same steps, under the same names and in the same order: the man
    // page cannot drift from the wizard unnoticed.
    QFile manPage(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../../docs/man/deroot.1"));
    QVERIFY(manPage.open(QIODevice::ReadOnly));
    const QString man = QString::fromUtf8(manPage.readAll());
    qsizetype at = 0;
    for (const int id : ids) {
        const QString name = wizard.page(id)->title().section(u": "_s, 1);
        const qsizetype found = man.indexOf(u"\n.B "_s + name + u'\n', at);
        QVERIFY2(found > at, qPrintable(u"deroot.1 lacks the step \"%1\" (or has it out of order)"_s.arg(name)));
        at = found;
    }
    QTest::keyClick(&wizard, Qt::Key_F1);
    QMessageBox *help = nullptr;
    QTRY_VERIFY((help = wizard.findChild<QMessageBox *>(u"helpMessageBox"_s)) != nullptr);
    QVERIFY2(help->text().contains(u"running process or a systemd service"_s), qPrintable(help->text()));
    QVERIFY(!help->text().contains(u"--"_s)); // words for people: no command-line options
    // Enter closes the help; its Handbook button opens the installed documentation, deroot(1).
    QCOMPARE(help->defaultButton(), help->button(QMessageBox::Close));
    // Through xdg-open (a stand-in on PATH that notes its arguments): a desktop with a manual
    // viewer shows the page; one without says in words where the handbook is, never nothing.
    QTemporaryDir bin;
    const QByteArray path = qgetenv("PATH");
    const auto restorePath = qScopeGuard([&path] { qputenv("PATH", path); });
    qputenv("PATH", QByteArray(QFile::encodeName(bin.path()) + ':' + path));
    const auto fakeOpener = [&bin](int exitCode) {
        QFile script(bin.filePath(u"xdg-open"_s));
        QVERIFY(script.open(QIODevice::WriteOnly | QIODevice::Truncate));
        script.write("#!/bin/sh\necho \"$@\" > \"$(dirname \"$0\")/opened\"\nexit " + QByteArray::number(exitCode) +
                     "\n");
        script.close();
        QVERIFY(script.setPermissions(script.permissions() | QFile::ExeOwner));
        QFile::remove(bin.filePath(u"opened"_s));
    };
    auto *handbook = help->findChild<QPushButton *>(u"handbookPushButton"_s);
    QVERIFY(handbook);
    const auto opened = [&bin] {
        QFile file(bin.filePath(u"opened"_s));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    fakeOpener(0);
    handbook->click();
    QTRY_COMPARE(opened(), QByteArray("man:deroot(1)\n"));
    QTRY_VERIFY(wizard.findChild<QProcess *>(u"handbookOpener"_s) == nullptr);
    QVERIFY(wizard.findChild<QMessageBox *>(u"handbookMessageBox"_s) == nullptr);
    // A message box closes on any of its buttons: Help again for the next one.
    const auto helpAgain = [&wizard, &help] {
        QTRY_VERIFY(wizard.findChild<QMessageBox *>(u"helpMessageBox"_s) == nullptr);
        wizard.button(QWizard::HelpButton)->click();
        QTRY_VERIFY((help = wizard.findChild<QMessageBox *>(u"helpMessageBox"_s)) != nullptr);
    };
    fakeOpener(3); // xdg-open: "no method available for opening 'man:deroot(1)'"
    helpAgain();
    help->findChild<QPushButton *>(u"handbookPushButton"_s)->click();
    QMessageBox *inWords = nullptr;
    QTRY_VERIFY((inWords = wizard.findChild<QMessageBox *>(u"handbookMessageBox"_s)) != nullptr);
    QVERIFY2(inWords->text().contains(u"man deroot"_s), qPrintable(inWords->text()));
    inWords->close();
    helpAgain();
    auto *about = help->findChild<QPushButton *>(u"aboutPushButton"_s);
    QVERIFY(about);
    about->click();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = wizard.findChild<QMessageBox *>(u"aboutMessageBox"_s)) != nullptr);
    QVERIFY2(box->text().contains(u"GNU General Public License"_s), qPrintable(box->text()));
    box->close();
    // About closed the help, as any of its buttons does.
    QTRY_VERIFY(wizard.findChild<QMessageBox *>(u"helpMessageBox"_s) == nullptr);
}

// A unit file dropped on the page is inspected through the program its ExecStart= starts; one
// that starts nothing says so at the field.
void WizardTest::droppedUnitFileInspectsItsProgram()
{
    QTemporaryDir dir;
    QFile unit(dir.filePath(u"pinger.service"_s));
    QVERIFY(unit.open(QIODevice::WriteOnly));
    unit.write("[Unit]\nDescription=pinger\n[Service]\nExecStart=-fping -l 127.0.0.1\n");
    unit.close();
    QFile empty(dir.filePath(u"nothing.service"_s));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.write("[Unit]\nDescription=nothing\n");
    empty.close();

    AgentWizard wizard;
    wizard.show();
    auto *page = wizard.findChild<Deroot::Ui::AgentPage *>();
    QVERIFY(page->takeDroppedUrls({QUrl::fromLocalFile(empty.fileName())}));
    QVERIFY2(statusText(wizard).contains(u"not a service unit with one ExecStart= line"_s),
             qPrintable(statusText(wizard)));
    QVERIFY(child<QLabel>(&wizard, u"agentStatusLabel"_s)->property("error").toBool());
    QVERIFY(!wizard.session()->isInspecting());

    QVERIFY(page->takeDroppedUrls({QUrl::fromLocalFile(unit.fileName())}));
    QCOMPARE(child<QLineEdit>(&wizard, u"agentPathLineEdit"_s)->text(), u"/usr/bin/fping"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.session()->isInspecting(), kInspectTimeout);
    QVERIFY(wizard.session()->hasReport());
    QVERIFY2(statusText(wizard).contains(u"/usr/bin/fping"_s), qPrintable(statusText(wizard)));
    QVERIFY(nextButton(wizard)->isEnabled());
}

// Where no systemd runs (the build root is such a place), the Services tab says so in words and
// lists the installed unit files instead; choosing one inspects the program it starts.
void WizardTest::servicesWithoutSystemdAreUnitFiles()
{
    if (QFileInfo(u"/run/systemd/system"_s).isDir()) {
        QSKIP("systemd runs here: the offline list is for machines without it");
    }
    AgentWizard wizard;
    wizard.show();
    auto *view = child<QTreeView>(&wizard, u"serviceTreeView"_s);
    auto *note = child<QLabel>(&wizard, u"serviceNoteLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 0, kInspectTimeout);
    QVERIFY(!note->isHidden());
    QVERIFY2(note->text().contains(u"systemd is not running here"_s) && !note->text().contains(u'\n'),
             qPrintable(note->text()));
    auto *filter = child<QLineEdit>(&wizard, u"serviceFilterLineEdit"_s);
    filter->setText(u"nginx.service"_s);
    QTRY_COMPARE(view->model()->rowCount(), 1);
    // Its Description= in the Description column, as a running systemd would list it.
    QVERIFY2(view->model()->index(0, 2).data().toString().contains(u"web server"_s),
             qPrintable(view->model()->index(0, 2).data().toString()));
    view->setCurrentIndex(view->model()->index(0, 0));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(child<QLineEdit>(&wizard, u"agentPathLineEdit"_s)->text(), u"/usr/sbin/nginx"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.session()->isInspecting(), kInspectTimeout);
    QVERIFY2(wizard.session()->hasReport(), qPrintable(statusText(wizard)));
}

// The Services tab's State column: systemd's LOAD, ACTIVE and SUB (or a unit file's state) in words;
// a unit no file defines, or a masked one, cannot be chosen. tests/host/wizardroutes_test.cpp shows
// the same rows from a running systemd.
void WizardTest::serviceStatesInWords_data()
{
    QTest::addColumn<QString>("load");
    QTest::addColumn<QString>("active");
    QTest::addColumn<QString>("sub");
    QTest::addColumn<QString>("words");
    QTest::addColumn<bool>("choosable");
    QTest::newRow("running") << u"loaded"_s << u"active"_s << u"running"_s << u"Running"_s << true;
    QTest::newRow("oneshot done") << u"loaded"_s << u"active"_s << u"exited"_s << u"Ran and finished"_s << true;
    QTest::newRow("stopped") << u"loaded"_s << u"inactive"_s << u"dead"_s << u"Stopped"_s << true;
    QTest::newRow("failed") << u"loaded"_s << u"failed"_s << u"failed"_s << u"Failed"_s << true;
    QTest::newRow("starting") << u"loaded"_s << u"activating"_s << u"start"_s << u"Starting"_s << true;
    QTest::newRow("not found") << u"not-found"_s << u"inactive"_s << u"dead"_s << u"Not installed: no unit file"_s
                               << false;
    QTest::newRow("masked") << u"masked"_s << u"inactive"_s << u"dead"_s << u"Masked: cannot be started"_s << false;
    QTest::newRow("bad setting") << u"bad-setting"_s << u"inactive"_s << u"dead"_s
                                 << u"Not loaded: its unit file has errors"_s << true;
    QTest::newRow("file, enabled") << QString() << u"enabled"_s << QString() << u"Starts at boot"_s << true;
    QTest::newRow("file, static") << QString() << u"static"_s << QString() << u"Started by other units"_s << true;
    QTest::newRow("file, unknown state") << QString() << u"odd"_s << QString() << u"odd"_s << true;
}

void WizardTest::serviceStatesInWords()
{
    QFETCH(QString, load);
    QFETCH(QString, active);
    QFETCH(QString, sub);
    QFETCH(QString, words);
    QFETCH(bool, choosable);
    Deroot::Core::ServiceEntry entry;
    entry.unit = u"x.service"_s;
    entry.loadState = load;
    entry.activeState = active;
    entry.subState = sub;
    QCOMPARE(Deroot::Ui::AgentPage::serviceStateText(entry), words);
    QCOMPARE(Deroot::Ui::AgentPage::serviceChoosable(entry), choosable);
}

void WizardTest::exportRefusals()
{
    AgentWizard wizard;
    wizard.show();
    QVERIFY(inspectPath(wizard, u"/usr/bin/fping"_s));
    Deroot::Core::StartChoice asService; // fping as a service: the plan has a unit
    asService.mode = Deroot::Core::StartMode::Service;
    wizard.session()->setStartChoice(asService);
    wizard.session()->setMethod(Deroot::Core::Method::Capabilities);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->checksCurrent(), kValidateTimeout);

    // Over an existing folder: refused, its files untouched; replaced only when asked.
    const QString existing = m_scratch.filePath(u"existing"_s);
    QVERIFY(QDir().mkpath(existing));
    QFile keep(existing + u"/notes.txt"_s);
    QVERIFY(keep.open(QIODevice::WriteOnly) && keep.write("mine\n") == 5);
    keep.close();
    auto refused = wizard.session()->exportPlan(existing, false, false);
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(u"already holds files"_s));
    QCOMPARE(filesOf(existing).keys(), QStringList{u"notes.txt"_s});
    // Read-only: the kernel's own file systems refuse, even for root.
    refused = wizard.session()->exportPlan(u"/proc/deroot-export"_s, false, false);
    QVERIFY(!refused);
    QVERIFY(!QFileInfo::exists(u"/proc/deroot-export"_s));
    refused = wizard.session()->exportPlan(u"/proc/deroot-export.tar.gz"_s, true, false);
    QVERIFY(!refused);
    // An archive over an existing file.
    const QString archive = m_scratch.filePath(u"taken.tar.gz"_s);
    QFile taken(archive);
    QVERIFY(taken.open(QIODevice::WriteOnly) && taken.write("x") == 1);
    taken.close();
    refused = wizard.session()->exportPlan(archive, true, false);
    QVERIFY(!refused);
    QCOMPARE(QFileInfo(archive).size(), 1);
    // Nothing half-written beside them.
    for (const QString &name :
         QDir(m_scratch.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)) {
        QVERIFY2(!name.startsWith(u".deroot-export"_s), qPrintable(name));
    }
    QVERIFY(wizard.session()->exportPlan(existing, false, true));
    QVERIFY(!filesOf(existing).contains(u"notes.txt"_s));
    QVERIFY(filesOf(existing).contains(u"plan.json"_s));

    // Through the page: the message is shown.
    wizard.next();
    wizard.next();
    wizard.next();
    wizard.next();
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(AgentWizard::FinishPageId));
    child<QLineEdit>(&wizard, u"exportPathLineEdit"_s)->setText(u"/proc/deroot-export"_s);
    child<QPushButton>(&wizard, u"exportPushButton"_s)->click();
    auto *status = child<QLabel>(&wizard, u"exportStatusLabel"_s);
    QVERIFY(status->property("error").toBool());
    QVERIFY2(status->text().contains(u"Nothing was written"_s), qPrintable(status->text()));

    // In German and French, core's reason too, not only the page's sentence around it.
    const struct
    {
        const char *language;
        QString page;
        QString reason;
    } languages[] = {{"de", u"Nichts wurde geschrieben"_s, u"enthält schon Dateien"_s},
                     {"fr", u"écrit"_s, u"contient déjà des fichiers"_s}};
    for (const auto &language : languages) {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(DEROOT_QM_DIR "/deroot_") + QLatin1StringView(language.language)));
        QCoreApplication::installTranslator(&translator);
        const QString fresh = m_scratch.filePath(u"existing-"_s + QLatin1StringView(language.language));
        QVERIFY(QDir().mkpath(fresh));
        QFile mine(fresh + u"/notes.txt"_s);
        QVERIFY(mine.open(QIODevice::WriteOnly));
        mine.close();
        child<QLineEdit>(&wizard, u"exportPathLineEdit"_s)->setText(fresh);
        child<QPushButton>(&wizard, u"exportPushButton"_s)->click();
        QCoreApplication::removeTranslator(&translator);
        QVERIFY(status->property("error").toBool());
        QVERIFY2(status->text().contains(language.page) && status->text().contains(language.reason),
                 qPrintable(status->text()));
    }
}

void WizardTest::auditOpensTheWizard()
{
    AgentWizard wizard;
    wizard.show();
    auto *auditButton = child<QAbstractButton>(&wizard, u"auditPushButton"_s);
    QVERIFY(auditButton->isVisible());
    auditButton->click();
    auto *audit = wizard.findChild<QWidget *>(u"auditView"_s);
    QVERIFY(audit);
    auto *tree = child<QTreeWidget>(audit, u"auditTreeWidget"_s);
    // Agents, files, and the folded group of what is privileged by design (PID 1, passwd, ...).
    QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItemCount() == 3, kInspectTimeout);
    // The programs that hand out privileges: fping's file capabilities are among them... or any
    // set-uid program of the root. Open the first by keyboard.
    QTreeWidgetItem *files = tree->topLevelItem(1);
    QVERIFY(files->childCount() > 0);
    tree->setFocus();
    tree->setCurrentItem(files->child(0));
    const QString path = files->child(0)->text(0);
    QTest::keyClick(tree, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.session()->isInspecting(), kInspectTimeout);
    QCOMPARE(wizard.currentId(), int(AgentWizard::AgentPageId));
    QCOMPARE(wizard.session()->target().display(), path);
}

void WizardTest::leavingAsksFirst()
{
    AgentWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    // Nothing inspected yet: Escape leaves at once.
    QVERIFY(!wizard.leavingLosesWork());
    QVERIFY2(inspectPath(wizard, u"/usr/bin/fping"_s), qPrintable(statusText(wizard)));
    QVERIFY(wizard.leavingLosesWork());

    // Escape with an inspected agent: the wizard asks, and Stay keeps everything.
    QTest::keyClick(&wizard, Qt::Key_Escape);
    auto *box = wizard.findChild<QMessageBox *>(u"leaveMessageBox"_s);
    QVERIFY(box && box->isVisible());
    QVERIFY2(box->text().contains(u"If you leave now, the inspection and your choices are lost."_s),
             qPrintable(box->text()));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(wizard.findChild<QMessageBox *>(u"leaveMessageBox"_s) == nullptr);
    QVERIFY(wizard.isVisible());
    QVERIFY(wizard.session()->hasReport());

    // On the Finish page, Finish asks the same, naming the plan.
    for (int page = 0; page < 6 && wizard.currentId() != int(AgentWizard::FinishPageId); ++page) {
        wizard.next();
    }
    QCOMPARE(wizard.currentId(), int(AgentWizard::FinishPageId));
    QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->checksCurrent(), kValidateTimeout);
    wizard.accept();
    box = wizard.findChild<QMessageBox *>(u"leaveMessageBox"_s);
    QVERIFY(box && box->isVisible());
    QVERIFY2(box->text().contains(u"neither exported nor applied"_s), qPrintable(box->text()));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(wizard.findChild<QMessageBox *>(u"leaveMessageBox"_s) == nullptr);
    QVERIFY(wizard.isVisible());

    // Exported as it is: leaving loses nothing. A change makes it unexported again.
    QTemporaryDir folder;
    child<QLineEdit>(&wizard, u"exportPathLineEdit"_s)->setText(folder.filePath(u"plan"_s));
    child<QPushButton>(&wizard, u"exportPushButton"_s)->click();
    QVERIFY(QFile::exists(folder.filePath(u"plan/plan.json"_s)));
    QVERIFY(!wizard.leavingLosesWork());
    Deroot::Core::GenerationInput input = wizard.session()->input();
    input.capabilities << 25;
    wizard.session()->setInput(input);
    QVERIFY(wizard.leavingLosesWork());

    // Discard leaves.
    wizard.reject();
    box = wizard.findChild<QMessageBox *>(u"leaveMessageBox"_s);
    QVERIFY(box);
    box->button(QMessageBox::Discard)->click();
    QTRY_VERIFY(!wizard.isVisible());
    QCOMPARE(wizard.result(), int(QDialog::Rejected));
}

void WizardTest::exportGoesWhereItSays()
{
    // A relative destination is taken below the home folder, whatever the working folder; an
    // archive gets its extension; the field then shows where it went, and Open folder appears.
    QTemporaryDir home;
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(home.path()));
    const auto restore = qScopeGuard([&] { qputenv("HOME", oldHome); });
    AgentWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY2(inspectPath(wizard, u"/usr/bin/fping"_s), qPrintable(statusText(wizard)));
    for (int page = 0; page < 6 && wizard.currentId() != int(AgentWizard::FinishPageId); ++page) {
        wizard.next();
    }
    QCOMPARE(wizard.currentId(), int(AgentWizard::FinishPageId));
    QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->checksCurrent(), kValidateTimeout);
    auto *open = child<QPushButton>(&wizard, u"exportOpenPushButton"_s);
    QVERIFY(!open->isVisible());
    auto *format = child<QComboBox>(&wizard, u"exportFormatComboBox"_s);
    format->setCurrentIndex(1); // a .tar.gz archive
    auto *destination = child<QLineEdit>(&wizard, u"exportPathLineEdit"_s);
    destination->setText(u"fping"_s);
    child<QPushButton>(&wizard, u"exportPushButton"_s)->click();
    const QString archive = home.filePath(u"fping.tar.gz"_s);
    QVERIFY2(QFile::exists(archive), qPrintable(child<QLabel>(&wizard, u"exportStatusLabel"_s)->text()));
    QCOMPARE(destination->text(), archive);
    QVERIFY2(child<QLabel>(&wizard, u"exportStatusLabel"_s)->text().contains(archive),
             qPrintable(child<QLabel>(&wizard, u"exportStatusLabel"_s)->text()));
    QVERIFY(open->isVisible());
    QVERIFY(!wizard.leavingLosesWork());
}

void WizardTest::exportsAnAnsibleRole()
{
    // "An Ansible role" writes, through the same core writer as derootctl generate --format
    // ansible, a role whose plan/ folder is the plain export byte for byte and whose files/ are
    // the plan's files; the status says where, and Open folder appears.
    QTemporaryDir home;
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(home.path()));
    const auto restore = qScopeGuard([&] { qputenv("HOME", oldHome); });
    AgentWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY2(inspectPath(wizard, u"/usr/bin/fping"_s), qPrintable(statusText(wizard)));
    for (int page = 0; page < 6 && wizard.currentId() != int(AgentWizard::FinishPageId); ++page) {
        // As a service, so that the plan has files (a unit, a user) beside its commands.
        if (wizard.currentId() == int(AgentWizard::EnvironmentPageId)) {
            child<QAbstractButton>(&wizard, u"startServiceRadioButton"_s)->click();
        }
        wizard.next();
    }
    QCOMPARE(wizard.currentId(), int(AgentWizard::FinishPageId));
    QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->checksCurrent(), kValidateTimeout);
    auto *format = child<QComboBox>(&wizard, u"exportFormatComboBox"_s);
    auto *destination = child<QLineEdit>(&wizard, u"exportPathLineEdit"_s);
    auto *status = child<QLabel>(&wizard, u"exportStatusLabel"_s);
    // The plain export first, to compare with.
    destination->setText(u"fping-plan"_s);
    child<QPushButton>(&wizard, u"exportPushButton"_s)->click();
    QVERIFY2(!status->property("error").toBool(), qPrintable(status->text()));

    const int ansible = format->findText(u"An Ansible role (a folder)"_s);
    QVERIFY(ansible >= 0);
    format->setCurrentIndex(ansible);
    destination->setText(u"fping-role"_s);
    child<QPushButton>(&wizard, u"exportPushButton"_s)->click();
    const QString role = home.filePath(u"fping-role"_s);
    QVERIFY2(!status->property("error").toBool(), qPrintable(status->text()));
    QVERIFY2(status->text().contains(u"Ansible role"_s) && status->text().contains(role), qPrintable(status->text()));
    QVERIFY(child<QPushButton>(&wizard, u"exportOpenPushButton"_s)->isVisible());
    QCOMPARE(destination->text(), role);

    const QMap<QString, QByteArray> plain = filesOf(home.filePath(u"fping-plan"_s));
    QVERIFY(plain.contains(u"plan.json"_s));
    QCOMPARE(filesOf(role + u"/plan"_s), plain);
    const QString roleDir =
        role + u"/roles/deroot_"_s + QString(wizard.session()->plan().input.agentId).replace(u'-', u'_');
    const QMap<QString, QByteArray> copied = filesOf(roleDir + u"/files"_s);
    QVERIFY(!copied.isEmpty());
    for (auto it = copied.cbegin(); it != copied.cend(); ++it) {
        QCOMPARE(it.value(), plain.value(it.key()));
    }
    for (const QString &name : {u"/playbook.yml"_s, u"/README.md"_s}) {
        QVERIFY2(QFile::exists(role + name), qPrintable(name));
    }
    const QStringList roleFiles{u"/tasks/main.yml"_s, u"/handlers/main.yml"_s, u"/meta/main.yml"_s,
                                u"/defaults/main.yml"_s, u"/tasks/guard.yml"_s};
    for (const QString &name : roleFiles) {
        QVERIFY2(QFile::exists(roleDir + name), qPrintable(name));
    }
    // Back to a folder: the name stays.
    format->setCurrentIndex(0);
    QCOMPARE(destination->text(), role);
}

// P10: the path field completes folders and programs while one types; the model is made on the
// first keystroke, so the first frame does not pay for it. Enter on a chosen entry takes it, Enter
// again inspects and moves on.
void WizardTest::pathCompletion()
{
    AgentWizard wizard;
    wizard.show();
    wizard.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&wizard));
    auto *edit = child<QLineEdit>(&wizard, u"agentPathLineEdit"_s);
    QVERIFY(!edit->completer());
    QVERIFY(!wizard.findChild<QFileSystemModel *>());
    edit->setFocus();
    QTest::keyClicks(edit, u"/usr/bin/fpi"_s);
    QCompleter *completer = edit->completer();
    QVERIFY(completer);
    const auto offered = [completer] {
        // The popup's rows, as the completer writes them into the field.
        QStringList paths;
        auto *model = qobject_cast<QAbstractProxyModel *>(completer->completionModel());
        for (int row = 0; model && row < model->rowCount(); ++row) {
            paths << completer->pathFromIndex(model->mapToSource(model->index(row, 0)));
        }
        return paths;
    };
    QTRY_VERIFY_WITH_TIMEOUT(completer->popup()->isVisible() && offered().contains(u"/usr/bin/fping"_s), 20000);
    // Only what starts with what is typed, and nothing that cannot run.
    for (const QString &path : offered()) {
        QVERIFY2(path.startsWith(u"/usr/bin/fpi"_s) && QFileInfo(path).isExecutable(), qPrintable(path));
    }
    // Folders are offered too: one goes down into them.
    edit->clear();
    QTest::keyClicks(edit, u"/usr/li"_s);
    QTRY_VERIFY_WITH_TIMEOUT(offered().contains(u"/usr/lib"_s), 20000);
    edit->clear();
    QTest::keyClicks(edit, u"/usr/bin/fpi"_s);
    QTRY_VERIFY_WITH_TIMEOUT(completer->popup()->isVisible() && offered().contains(u"/usr/bin/fping"_s), 20000);
    // Down to fping (fping6 may be offered too), then Enter takes it.
    const int fping = int(offered().indexOf(u"/usr/bin/fping"_s));
    for (int i = 0; i <= fping; ++i) {
        QTest::keyClick(completer->popup(), Qt::Key_Down);
    }
    QCOMPARE(completer->popup()->currentIndex().row(), fping);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(edit->text(), u"/usr/bin/fping"_s);
    QVERIFY(!completer->popup()->isVisible());
    QCOMPARE(wizard.currentId(), int(AgentWizard::AgentPageId));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(AgentWizard::NeedsPageId), kInspectTimeout);
    QVERIFY(!completer->popup()->isVisible());
}

// P16: the preview has no lone "Generated" tab, and "Save as…" saves the file shown, byte for byte
// as an export holds it; an existing file is replaced only when the admin says so.
void WizardTest::previewSavesOneFile()
{
    AgentWizard wizard;
    wizard.show();
    QVERIFY(inspectPath(wizard, u"/usr/bin/fping"_s));
    Deroot::Core::StartChoice asService;
    asService.mode = Deroot::Core::StartMode::Service;
    wizard.session()->setStartChoice(asService);
    wizard.session()->setMethod(Deroot::Core::Method::Capabilities);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->checksCurrent(), kValidateTimeout);
    const QList<Deroot::Core::Artifact> artifacts = wizard.session()->plan().artifacts;
    const auto artifact = [&artifacts](const QString &id) {
        for (const Deroot::Core::Artifact &a : artifacts) {
            if (a.id == id) {
                return a;
            }
        }
        qFatal("no artifact %s", qPrintable(id));
    };
    auto *preview = wizard.findChild<Deroot::Ui::PreviewPage *>();
    Deroot::Ui::ArtifactView *view = preview->viewFor(u"unit"_s);
    QVERIFY(view);
    // No file on disk to compare with: the generated file alone, without a tab bar.
    auto *views = view->findChild<QTabWidget *>(u"artifactViewsTabWidget"_s);
    QVERIFY(views->tabBar()->isHidden());
    QCOMPARE(views->currentWidget(), view->codeView());

    const QString path = m_scratch.filePath(u"saved/unit.service"_s);
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QVERIFY(view->saveTo(path));
    const auto bytes = [](const QString &file) {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(unreadable)");
    };
    QCOMPARE(bytes(path), artifact(u"unit"_s).content.toUtf8());
    auto *status = view->findChild<QLabel *>(u"saveStatusLabel"_s);
    QVERIFY(status->isVisibleTo(view));
    QVERIFY2(status->text().contains(path) && !status->property("error").toBool(), qPrintable(status->text()));

    // It exists now: asked first. Cancel keeps the file as it is, Replace writes it.
    QFile edited(path);
    QVERIFY(edited.open(QIODevice::WriteOnly | QIODevice::Truncate));
    edited.write("edited by hand\n");
    edited.close();
    for (const QMessageBox::StandardButton answer : {QMessageBox::Cancel, QMessageBox::Yes}) {
        QVERIFY(!view->saveTo(path));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = view->findChild<QMessageBox *>(u"replaceFileMessageBox"_s)) != nullptr && box->isVisible());
        QVERIFY(box->text().contains(path));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        box->button(answer)->click();
        QTRY_VERIFY(view->findChild<QMessageBox *>(u"replaceFileMessageBox"_s) == nullptr);
        QCOMPARE(bytes(path),
                 answer == QMessageBox::Cancel ? QByteArray("edited by hand\n") : artifact(u"unit"_s).content.toUtf8());
    }

    // A command (useradd) is saved as the export's script, executable; a folder is refused.
    Deroot::Ui::ArtifactView *useradd = preview->viewFor(u"useradd"_s);
    QVERIFY(useradd);
    const QString script = m_scratch.filePath(u"saved/useradd.sh"_s);
    QVERIFY(useradd->saveTo(script));
    QCOMPARE(bytes(script), Deroot::Core::exportFile(artifact(u"useradd"_s)).bytes);
    QVERIFY(bytes(script).startsWith("#!/bin/sh\n"));
    QVERIFY(QFileInfo(script).isExecutable());
    QVERIFY(!useradd->saveTo(m_scratch.filePath(u"saved"_s)));
    QVERIFY(useradd->findChild<QLabel *>(u"saveStatusLabel"_s)->property("error").toBool());
}

QTEST_MAIN(WizardTest)
// "Watch it run": the dialog runs rounds as derootctl observe does (what round 1 was refused,
// round 2 is given), shows what they found, a failed round says why, and "Add to the needs" builds
// the plan from inspection and observation: byte for byte what derootctl generate --observation
// writes for the same recording.
void WizardTest::watchItRunJoinsThePlan()
{
    using Deroot::Core::ObserveRequest;
    using Deroot::Core::Result;
    QFile refused(QStringLiteral(DEROOT_TEST_DATA) + u"/observe/daemon-port80-user.jsonl"_s);
    QVERIFY(refused.open(QIODevice::ReadOnly));
    const QByteArray round1 = refused.readAll();
    const QByteArray round2 =
        R"({"type":"recording","mechanism":"ebpf","duration_ns":5000000000,"as_root":false,"unprivileged_port_start":1024,"target":"command /usr/bin/fping","user":"nobody","capabilities":["CAP_NET_BIND_SERVICE"],"ended":"time-limit","lost_events":0,"notes":[]}
{"type":"check","t_ns":1200000,"pid":2200,"comm":"fping","cap":"CAP_NET_BIND_SERVICE","syscall":"bind","ret":0,"granted":true,"phase":"running"}
{"type":"result","t_ns":1200050,"pid":2200,"comm":"fping","syscall":"bind","ret":0,"family":"AF_INET6","port":80,"address":"::","socket_type":"SOCK_STREAM"}
)";
    QList<ObserveRequest> requests;
    bool failNext = true;
    const Deroot::Ui::ObserveRunner runner = [&](const ObserveRequest &request, auto done) {
        requests.append(request);
        if (failNext) {
            failNext = false;
            done(Deroot::Core::Error{Deroot::Core::ExitCode::NotAuthorized, u"not authorized by polkit"_s});
            return;
        }
        // Answered later, as the helper answers: the dialog must not depend on a synchronous runner.
        QTimer::singleShot(10, [done, answer = request.capabilities.isEmpty() ? round1 : round2] { done(answer); });
    };

    AgentWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY2(inspectPath(wizard, u"/usr/bin/fping"_s), qPrintable(statusText(wizard)));
    QCOMPARE(wizard.currentId(), int(AgentWizard::NeedsPageId));
    auto *needsPage = wizard.findChild<Deroot::Ui::NeedsPage *>();
    needsPage->setObserveRunner(runner);
    child<QPushButton>(&wizard, u"watchItRunButton"_s)->click();
    auto *dialog = wizard.findChild<Deroot::Ui::ObserveDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    QCOMPARE(child<QLineEdit>(dialog, u"observeUserLineEdit"_s)->text(), u"nobody"_s);
    auto *add = child<QPushButton>(dialog, u"observeAddButton"_s);
    auto *status = child<QLabel>(dialog, u"observeStatusLabel"_s);
    QVERIFY(!add->isEnabled());

    // A refused round: said so, nothing to add, and it can be started again.
    auto *start = child<QPushButton>(dialog, u"observeStartButton"_s);
    start->click();
    QVERIFY2(status->text().contains(u"not authorized by polkit"_s), qPrintable(status->text()));
    QVERIFY(!add->isEnabled());
    QVERIFY(start->isEnabled());

    // A user name the helper would refuse is named at once, and nothing runs.
    auto *user = child<QLineEdit>(dialog, u"observeUserLineEdit"_s);
    user->setText(u"no body"_s);
    start->click();
    QCOMPARE(requests.size(), 1);
    QVERIFY2(status->text().contains(u"user"_s), qPrintable(status->text()));
    user->setText(u"nobody"_s);

    requests.clear();
    start->click();
    QVERIFY(!start->isEnabled());
    QTRY_VERIFY(add->isEnabled());
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).target, ObserveRequest::Target::Command);
    QCOMPARE(requests.at(0).program, u"/usr/bin/fping"_s);
    QCOMPARE(requests.at(0).user, u"nobody"_s);
    QCOMPARE(requests.at(0).seconds, 30);
    QVERIFY(requests.at(0).capabilities.isEmpty());
    QCOMPARE(requests.at(1).capabilities, QStringList{u"CAP_NET_BIND_SERVICE"_s});
    const QString found = child<QPlainTextEdit>(dialog, u"observeResultTextEdit"_s)->toPlainText();
    QVERIFY2(found.contains(u"in 2 rounds"_s) && found.contains(u"CAP_NET_BIND_SERVICE"_s), qPrintable(found));
    QVERIFY(dialog->rounds().has_value());
    const QString observation = m_scratch.filePath(u"observation.json"_s);
    QFile document(observation);
    QVERIFY(document.open(QIODevice::WriteOnly));
    document.write(QJsonDocument(dialog->rounds()->document()).toJson());
    document.close();

    const QList<Deroot::Core::SandboxFlag> flagged = dialog->rounds()->observation().sandbox;
    QVERIFY2(!flagged.isEmpty(), "a daemon watched to its time limit gets sandbox flags");
    add->click();
    QTRY_VERIFY(!wizard.findChild<Deroot::Ui::ObserveDialog *>());
    QCOMPARE(wizard.session()->observationsAdded(), 1);
    // The observation's sandbox flags are what "Prove it" will try.
    QCOMPARE(wizard.session()->sandboxCandidates().size(), flagged.size());
    for (qsizetype i = 0; i < flagged.size(); ++i) {
        QCOMPARE(wizard.session()->sandboxCandidates().at(i).setting(), flagged.at(i).setting());
    }
    auto *findings = child<QTreeWidget>(&wizard, u"findingsTreeWidget"_s);
    const QList<QTreeWidgetItem *> observed =
        findings->findItems(u"[observed]"_s, Qt::MatchStartsWith | Qt::MatchRecursive);
    QVERIFY(!observed.isEmpty());
    QVERIFY(child<QLabel>(&wizard, u"watchedLabel"_s)->text().contains(u"observed"_s));
    // Each reason says where it comes from in words: fping's catalog entry, not "[catalog]".
    QVERIFY(!findings->findItems(u"[Deroot's catalog] "_s, Qt::MatchStartsWith | Qt::MatchRecursive).isEmpty());
    QVERIFY(findings->findItems(u"[catalog]"_s, Qt::MatchStartsWith | Qt::MatchRecursive).isEmpty());

    // On to the plan: a service with capabilities, which now grants the observed one too.
    nextButton(wizard)->click();
    child<QAbstractButton>(&wizard, u"startServiceRadioButton"_s)->click();
    nextButton(wizard)->click();
    auto *methods = child<QTableWidget>(&wizard, u"methodsTableWidget"_s);
    methods->selectRow(methodRow(methods, u"Linux capabilities"_s));
    nextButton(wizard)->click();
    QCOMPARE(wizard.currentId(), int(AgentWizard::AdjustPageId));
    QVERIFY(wizard.session()->input().capabilities.contains(10)); // CAP_NET_BIND_SERVICE
    nextButton(wizard)->click();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->checksCurrent(), kValidateTimeout);
    nextButton(wizard)->click();
    QCOMPARE(wizard.currentId(), int(AgentWizard::FinishPageId));
    const QString guiOut = m_scratch.filePath(u"observed-gui"_s);
    child<QLineEdit>(&wizard, u"exportPathLineEdit"_s)->setText(guiOut);
    auto *exportButton = child<QPushButton>(&wizard, u"exportPushButton"_s);
    QTRY_VERIFY(exportButton->isEnabled());
    exportButton->click();
    QVERIFY2(!child<QLabel>(&wizard, u"exportStatusLabel"_s)->property("error").toBool(),
             qPrintable(child<QLabel>(&wizard, u"exportStatusLabel"_s)->text()));

    const QString cliOut = m_scratch.filePath(u"observed-cli"_s);
    QProcess cli;
    cli.start(QStringLiteral(DEROOTCTL_PATH),
              {u"generate"_s, u"/usr/bin/fping"_s, u"--start"_s, u"service"_s, u"--method"_s, u"caps"_s, u"--systemd"_s,
               u"yes"_s, u"--observation"_s, observation, u"--out"_s, cliOut});
    QVERIFY(cli.waitForFinished(120000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    const QMap<QString, QByteArray> gui = filesOf(guiOut);
    const QMap<QString, QByteArray> command = filesOf(cliOut);
    QVERIFY(gui.contains(u"plan.json"_s));
    QCOMPARE(gui.keys(), command.keys());
    for (auto it = gui.cbegin(); it != gui.cend(); ++it) {
        QVERIFY2(it.value() == command.value(it.key()), qPrintable(u"%1 differs"_s.arg(it.key())));
    }
    QVERIFY(gui.value(u"plan.json"_s).contains("NET_BIND_SERVICE"));
}

// "Prove it" on the Finish step: the trials get exactly what an export holds; the report shows each
// trial and verdict; "Drop" takes the capability the agent worked without out of the plan. As root
// where systemd does not run (the build root), the real runner says so and runs nothing.
void WizardTest::proveItOffersToDrop()
{
    AgentWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY2(inspectPath(wizard, u"/usr/bin/fping"_s), qPrintable(statusText(wizard)));
    nextButton(wizard)->click();
    child<QAbstractButton>(&wizard, u"startServiceRadioButton"_s)->click();
    nextButton(wizard)->click();
    auto *methods = child<QTableWidget>(&wizard, u"methodsTableWidget"_s);
    methods->selectRow(methodRow(methods, u"Linux capabilities"_s));
    nextButton(wizard)->click();
    QCOMPARE(wizard.currentId(), int(AgentWizard::AdjustPageId));
    auto *capabilities = child<QTreeWidget>(&wizard, u"capabilitiesTreeWidget"_s);
    const QList<QTreeWidgetItem *> clock = capabilities->findItems(u"CAP_SYS_TIME"_s, Qt::MatchStartsWith);
    QCOMPARE(clock.size(), 1);
    clock.first()->setCheckState(0, Qt::Checked);
    QVERIFY(wizard.session()->input().capabilities.contains(25));
    nextButton(wizard)->click();
    QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->checksCurrent(), kValidateTimeout);
    nextButton(wizard)->click();
    QCOMPARE(wizard.currentId(), int(AgentWizard::FinishPageId));
    auto *prove = child<QPushButton>(&wizard, u"provePushButton"_s);
    QTRY_VERIFY(prove->isEnabled());

    // A report as derootctl prove --json writes it: CAP_NET_RAW needed, CAP_SYS_TIME not.
    const QJsonObject report = QJsonDocument::fromJson(R"({
      "schema": "deroot.prove/1", "works": true, "seconds": 3, "capabilities": ["CAP_NET_RAW", "CAP_SYS_TIME"],
      "baseline": {"without": "", "healthy": true, "problems": [], "seconds": 3.1},
      "trials": [{"without": "CAP_NET_RAW", "healthy": false, "problems": ["exited with status 1 before the time was up"], "seconds": 0.2},
                 {"without": "CAP_SYS_TIME", "healthy": true, "problems": [], "seconds": 3.1}],
      "verdicts": [{"capability": "CAP_NET_RAW", "verdict": "shown-necessary", "evidence": ["exited with status 1 before the time was up"]},
                   {"capability": "CAP_SYS_TIME", "verdict": "not-shown-necessary", "evidence": []}],
      "not_shown_necessary": ["CAP_SYS_TIME"],
      "notes": ["The service user 'fping' does not exist yet"],
      "sandbox": [{"setting": "PrivateDevices=yes", "observed": "observed in 3.0 s: no device node opened",
                   "verdict": "tolerated", "evidence": []},
                  {"setting": "PrivateNetwork=yes", "observed": "observed in 3.0 s: only AF_UNIX sockets",
                   "verdict": "breaks-the-agent", "evidence": ["not listening on tcp/9100"]}],
      "tighten": ["PrivateDevices=yes"]})")
                                   .object();
    QVERIFY(!report.isEmpty());
    QByteArray proved;
    int provedSeconds = 0;
    QString provedCheck;
    auto *finish = wizard.findChild<Deroot::Ui::FinishPage *>();
    QList<Deroot::Core::SandboxCandidate> provedSandbox{{u"x"_s, u"y"_s, u"not replaced"_s}};
    finish->setProveRunner([&](const Deroot::Core::ApplyRequest &request, int seconds, const QString &check,
                               const QList<Deroot::Core::SandboxCandidate> &sandbox, auto progress, auto done) {
        proved = request.planJson;
        provedSeconds = seconds;
        provedCheck = check;
        provedSandbox = sandbox;
        QTimer::singleShot(10, [progress, done, report] {
            progress(u"with every capability"_s);
            done(report);
        });
    });
    prove->click();
    auto *dialog = wizard.findChild<Deroot::Ui::ProveDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    child<QSpinBox>(dialog, u"proveSecondsSpinBox"_s)->setValue(3);
    child<QLineEdit>(dialog, u"proveCheckLineEdit"_s)->setText(u"  ping -c1 127.0.0.1  "_s);
    child<QPushButton>(dialog, u"proveStartButton"_s)->click();
    auto *drop = child<QPushButton>(dialog, u"proveDropButton"_s);
    QTRY_VERIFY(drop->isVisible());
    QCOMPARE(proved, wizard.session()->applyRequest()->planJson);
    QCOMPARE(provedSeconds, 3);
    QCOMPARE(provedCheck, u"ping -c1 127.0.0.1"_s);
    QVERIFY(provedSandbox.isEmpty()); // nothing was watched: no sandbox setting to try
    auto *trials = child<QTreeWidget>(dialog, u"proveTrialsTreeWidget"_s);
    QCOMPARE(trials->topLevelItemCount(), 7); // baseline, 2 trials, 2 verdicts, 2 sandbox settings
    // The note below the list, whole.
    auto *notes = child<QLabel>(dialog, u"proveNotesLabel"_s);
    QVERIFY(notes->isVisible());
    QCOMPARE(notes->text(), u"The service user 'fping' does not exist yet"_s);
    QCOMPARE(trials->topLevelItem(5)->text(0), u"With PrivateDevices=yes"_s);
    QVERIFY(trials->topLevelItem(5)->text(1).startsWith(u"tolerated"_s));
    QCOMPARE(trials->topLevelItem(6)->text(1), u"breaks the agent: not listening on tcp/9100"_s);
    const QString proveStatus = child<QLabel>(dialog, u"proveStatusLabel"_s)->text();
    QVERIFY2(proveStatus.contains(u"It also worked with PrivateDevices=yes"_s), qPrintable(proveStatus));
    QCOMPARE(trials->topLevelItem(1)->text(0), u"Without CAP_NET_RAW"_s);
    QVERIFY2(trials->topLevelItem(1)->text(1).startsWith(u"fails: exited with status 1"_s),
             qPrintable(trials->topLevelItem(1)->text(1)));
    QVERIFY(trials->topLevelItem(4)->text(1).startsWith(u"not shown necessary"_s));
    QVERIFY2(drop->text().contains(u"CAP_SYS_TIME"_s), qPrintable(drop->text()));
    drop->click();
    QTRY_VERIFY(!wizard.findChild<Deroot::Ui::ProveDialog *>());
    QVERIFY(!wizard.session()->input().capabilities.contains(25));
    QVERIFY(wizard.session()->input().capabilities.contains(13));
    for (const Deroot::Core::Artifact &artifact : wizard.session()->plan().artifacts) {
        QVERIFY2(!artifact.content.contains(u"CAP_SYS_TIME"_s), qPrintable(artifact.id));
    }

    // The real runner, as root where systemd does not run: one clear sentence, nothing run.
    QVERIFY2(!QFile::exists(u"/run/systemd/system"_s), "the unit suite runs where systemd does not");
    QTRY_VERIFY_WITH_TIMEOUT(prove->isEnabled(), kValidateTimeout);
    finish->setProveRunner(Deroot::Ui::systemProveRunner(finish));
    prove->click();
    dialog = wizard.findChild<Deroot::Ui::ProveDialog *>();
    QVERIFY(dialog);
    child<QPushButton>(dialog, u"proveStartButton"_s)->click();
    auto *status = child<QLabel>(dialog, u"proveStatusLabel"_s);
    QTRY_VERIFY(status->text().startsWith(u"The trials did not run: "_s));
    QVERIFY2(status->text().contains(::geteuid() == 0 ? u"systemd is not running"_s : u"needs root"_s),
             qPrintable(status->text()));
    QVERIFY(!child<QPushButton>(dialog, u"proveDropButton"_s)->isVisible());
}

#include "wizard_test.moc"
