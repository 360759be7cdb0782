// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The start modes, in the booted test host: the desktop wizard, driven through its widgets, reaches the
// same plan for the same agent on every route into it: the program's path typed in, its row among
// the running processes, its row among the services, and its row in "Audit this machine". The
// agent is the distribution's node exporter, made to run as root for the test (a runtime drop-in),
// as the agents Deroot is for do; the plan is a drop-in for its packaged unit on every route, and
// the same bytes derootctl generate --unit writes.
#include "applysupport.h"
#include "hostsupport.h"

#include "ui/wizard/agentwizard.h"
#include "ui/wizard/wizardsession.h"

#include <QAbstractButton>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;
using Deroot::Ui::AgentTarget;
using Deroot::Ui::AgentWizard;

namespace {

const QString kProgram = u"/usr/bin/prometheus-node-exporter"_s;
const QString kUnit = u"prometheus-node-exporter.service"_s;
const QString kRootDropIn = u"/run/systemd/system/prometheus-node-exporter.service.d/00-deroot-test-root.conf"_s;
constexpr int kInspectTimeout = 60000;
constexpr int kValidateTimeout = 120000;

template <typename T> T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found) {
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    }
    return found;
}

// The files of @p directory, name to bytes, with plan.json's review-only keys (the validators'
// verdicts and today's privilege, which a process measures and a program assumes) left out.
QMap<QString, QByteArray> planFiles(const QString &directory)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(directory, QDir::Files | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        QByteArray bytes = file.readAll();
        if (it.fileName() == u"plan.json") {
            QJsonObject plan = QJsonDocument::fromJson(bytes).object();
            plan.remove(u"validations"_s);
            plan.remove(u"effective_privilege"_s);
            plan.remove(u"plan_sha256"_s);
            bytes = QJsonDocument(plan).toJson();
        }
        files.insert(it.fileName(), bytes);
    }
    return files;
}

// Makes @p view's row whose first column reads @p text current and activates it with Return, as
// an admin does; false if no such row is listed.
bool activateRow(QTreeView *view, const QString &text)
{
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data().toString() == text) {
            view->setFocus();
            view->setCurrentIndex(index);
            QTest::keyClick(view, Qt::Key_Return);
            return true;
        }
    }
    return false;
}

} // namespace

class WizardRoutesHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
        QVERIFY2(QFile::exists(kProgram), "the test host lacks prometheus-node-exporter");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"deroot-test"_s);
        QSettings().clear();
        QVERIFY(m_scratch.isValid());
        m_wasActive = systemctlShow(kUnit, u"ActiveState"_s) == u"active";
        QVERIFY(QDir().mkpath(QFileInfo(kRootDropIn).path()));
        QFile dropIn(kRootDropIn);
        QVERIFY(dropIn.open(QIODevice::WriteOnly | QIODevice::Truncate));
        dropIn.write("[Service]\nUser=root\nGroup=root\n");
        dropIn.close();
        QCOMPARE(hostRun(u"systemctl"_s, {u"daemon-reload"_s}).exitCode, 0);
        QCOMPARE(hostRun(u"systemctl"_s, {u"restart"_s, kUnit}).exitCode, 0);
        QVERIFY(waitFor([] { return systemctlShow(kUnit, u"MainPID"_s).toInt() > 0; }, 10000));
        m_pid = systemctlShow(kUnit, u"MainPID"_s);
        QFile status(u"/proc/%1/status"_s.arg(m_pid));
        QVERIFY(status.open(QIODevice::ReadOnly));
        QVERIFY2(status.readAll().contains("\nUid:\t0\t"), "the node exporter does not run as root");
    }

    void cleanupTestCase()
    {
        QFile::remove(kRootDropIn);
        QDir().rmdir(QFileInfo(kRootDropIn).path());
        hostRun(u"systemctl"_s, {u"daemon-reload"_s});
        hostRun(u"systemctl"_s, {m_wasActive ? u"restart"_s : u"stop"_s, kUnit});
    }

    // Four routes, one plan.
    void everyRouteReachesTheSamePlan()
    {
        const QString cliOut = m_scratch.filePath(u"cli"_s);
        const CtlRun cli = derootctl({u"generate"_s, u"--unit"_s, kUnit, u"--method"_s, u"caps"_s, u"--out"_s, cliOut});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        const QMap<QString, QByteArray> expected = planFiles(cliOut);
        QVERIFY(expected.contains(u"deroot.conf"_s));
        QVERIFY(!expected.contains(u"deroot-node_exporter.service"_s));

        for (const QString &route : {u"file"_s, u"process"_s, u"unit"_s, u"audit"_s}) {
            const QString out = m_scratch.filePath(route);
            QVERIFY2(planThroughWizard(route, out), qPrintable(route));
            const QMap<QString, QByteArray> files = planFiles(out);
            QVERIFY2(files.keys() == expected.keys(),
                     qPrintable(
                         u"%1: %2 versus %3"_s.arg(route, files.keys().join(u", "_s), expected.keys().join(u", "_s))));
            for (auto it = files.cbegin(); it != files.cend(); ++it) {
                QVERIFY2(
                    it.value() == expected.value(it.key()),
                    qPrintable(u"%1: %2 differs:\n%3\nversus derootctl's\n%4"_s.arg(
                        route, it.key(), QString::fromUtf8(it.value()), QString::fromUtf8(expected.value(it.key())))));
            }
        }
    }

    // The Services tab from a running systemd: each state in words, and a unit no file defines (one
    // another unit wants) listed but greyed, with nothing to inspect.
    void serviceStatesFromSystemd()
    {
        const QString failing = u"deroot-test-fails.service"_s;
        const QString missing = u"deroot-test-missing.service"_s;
        const auto cleanup = qScopeGuard([&] {
            hostRun(u"systemctl"_s, {u"stop"_s, failing});
            hostRun(u"systemctl"_s, {u"reset-failed"_s, failing});
        });
        // Its start fails, so systemd-run's exit code says so: the state below is what counts.
        hostRun(u"systemd-run"_s, {u"--unit="_s + failing, u"--property=Wants="_s + missing,
                                   u"--service-type=oneshot"_s, u"/bin/false"_s});
        QVERIFY(waitFor([&] { return systemctlShow(failing, u"ActiveState"_s) == u"failed"; }, 10000));
        QCOMPARE(systemctlShow(missing, u"LoadState"_s), u"not-found"_s);

        AgentWizard wizard;
        wizard.show();
        auto *view = child<QTreeView>(&wizard, u"serviceTreeView"_s);
        QVERIFY(view);
        QAbstractItemModel *model = view->model();
        const auto rowOf = [&](const QString &unit) {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row, 0).data().toString() == unit) {
                    return row;
                }
            }
            return -1;
        };
        QVERIFY2(QTest::qWaitFor([&] { return rowOf(failing) >= 0 && rowOf(missing) >= 0 && rowOf(kUnit) >= 0; },
                                 kInspectTimeout),
                 "the services are not listed");
        QCOMPARE(model->index(rowOf(kUnit), 1).data().toString(), u"Running"_s);
        QCOMPARE(model->index(rowOf(failing), 1).data().toString(), u"Failed"_s);
        QVERIFY(model->flags(model->index(rowOf(failing), 0)).testFlag(Qt::ItemIsEnabled));
        QCOMPARE(model->index(rowOf(missing), 1).data().toString(), u"Not installed: no unit file"_s);
        QVERIFY(!model->flags(model->index(rowOf(missing), 0)).testFlag(Qt::ItemIsEnabled));
        QVERIFY2(model->index(rowOf(missing), 0).data(Qt::ToolTipRole).toString().contains(u"nothing to inspect"_s),
                 qPrintable(model->index(rowOf(missing), 0).data(Qt::ToolTipRole).toString()));
    }

    // The audit window's applied plans, with the real helper: a drop-in plan applied, Deroot's
    // drop-in edited by hand, and Put back in the panel writes it back byte for byte (root: polkit's
    // yes without a prompt), after which the panel says the plan holds.
    void auditPutsBackADriftedPlan()
    {
        const QString folder = generatePlan(m_scratch.path(), {u"--unit"_s, kUnit, u"--method"_s, u"caps"_s});
        QVERIFY(!folder.isEmpty());
        const CtlRun applied = derootctl({u"apply"_s, u"--json"_s, folder});
        const QString id = applied.json.value(u"apply_id"_s).toString();
        QVERIFY2(applied.exitCode == 0 && !id.isEmpty(), qPrintable(applied.out + applied.err));
        const auto undo = qScopeGuard([&] { derootctl({u"rollback"_s, u"--json"_s, id}); });
        const QString ours = u"/etc/systemd/system/%1.d/deroot.conf"_s.arg(kUnit);
        QFile file(ours);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes + "# edited by hand\n");
        file.close();

        AgentWizard wizard;
        wizard.resize(1000, 720);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        child<QAbstractButton>(&wizard, u"auditPushButton"_s)->click();
        auto *drift = child<QTreeWidget>(&wizard, u"driftTreeWidget"_s);
        QVERIFY(drift);
        QTreeWidgetItem *row = nullptr;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const auto found = drift->findItems(id, Qt::MatchExactly);
                         row = found.isEmpty() ? nullptr : found.first();
                         return row && row->data(2, Qt::UserRole).toString() == u"drifted";
                     },
                     kInspectTimeout),
                 qPrintable(child<QLabel>(&wizard, u"driftStatusLabel"_s)->text()));
        drift->setCurrentItem(row);
        auto *putBack = child<QPushButton>(&wizard, u"driftPutBackPushButton"_s);
        QVERIFY(putBack->isEnabled());
        putBack->click();
        auto *status = child<QLabel>(&wizard, u"driftStatusLabel"_s);
        QVERIFY2(QTest::qWaitFor([&] { return status->text().startsWith(u"Put back: "_s); }, kValidateTimeout),
                 qPrintable(status->text()));
        QVERIFY2(!status->text().contains(u"Not put back"_s), qPrintable(status->text()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);
        file.close();
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const auto found = drift->findItems(id, Qt::MatchExactly);
                         return !found.isEmpty() && found.first()->data(2, Qt::UserRole).toString() == u"holding";
                     },
                     kInspectTimeout),
                 qPrintable(status->text()));
    }

private:
    // Chooses the node exporter by @p route, walks every step with the defaults and the
    // capabilities method, and exports the plan to @p out.
    bool planThroughWizard(const QString &route, const QString &out)
    {
        AgentWizard wizard;
        wizard.resize(1000, 720);
        wizard.show();
        if (!QTest::qWaitForWindowExposed(&wizard)) {
            return false;
        }
        QAbstractButton *next = wizard.button(QWizard::NextButton);
        auto *sources = child<QTabWidget>(&wizard, u"sourcesTabWidget"_s);
        if (route == u"file") {
            auto *edit = child<QLineEdit>(&wizard, u"agentPathLineEdit"_s);
            edit->setFocus();
            QTest::keyClicks(edit, kProgram);
            QTest::keyClick(edit, Qt::Key_Return);
        } else if (route == u"process" || route == u"unit") {
            const bool process = route == u"process";
            auto *view = child<QTreeView>(&wizard, process ? u"processTreeView"_s : u"serviceTreeView"_s);
            sources->setCurrentWidget(view->parentWidget());
            const QString row = process ? m_pid : kUnit;
            if (!QTest::qWaitFor([&] { return activateRow(view, row); }, kInspectTimeout)) {
                qWarning("%s is not listed among the %s", qPrintable(row), process ? "processes" : "services");
                return false;
            }
        } else {
            child<QAbstractButton>(&wizard, u"auditPushButton"_s)->click();
            auto *tree = child<QTreeWidget>(&wizard, u"auditTreeWidget"_s);
            // Agents, files, and the folded group of what is privileged by design (systemd, passwd, ...).
            if (!tree || !QTest::qWaitFor([&] { return tree->topLevelItemCount() == 3; }, kInspectTimeout)) {
                return false;
            }
            const QList<QTreeWidgetItem *> rows = tree->findItems(kUnit, Qt::MatchExactly | Qt::MatchRecursive);
            if (rows.size() != 1) {
                qWarning("the audit lists %lld rows for %s", qlonglong(rows.size()), qPrintable(kUnit));
                return false;
            }
            // An agent running as root (the User column), among the agents: what the audit is for.
            if (rows.first()->text(4) != u"root" || rows.first()->parent() != tree->topLevelItem(0)) {
                qWarning("the audit says %s runs as %s", qPrintable(kUnit), qPrintable(rows.first()->text(4)));
                return false;
            }
            // Its PID in the PID column, its unit in the Unit column.
            if (rows.first()->text(2) != m_pid || rows.first()->text(3) != kUnit) {
                qWarning("the audit's row for %s shows PID %s, unit %s", qPrintable(kUnit),
                         qPrintable(rows.first()->text(2)), qPrintable(rows.first()->text(3)));
                return false;
            }
            tree->setFocus();
            tree->setCurrentItem(rows.first());
            QTest::keyClick(tree, Qt::Key_Return);
            // A unit's row opens the unit, not its program file nor its process.
            if (wizard.session()->target().kind != AgentTarget::Kind::Unit ||
                wizard.session()->target().unit != kUnit) {
                qWarning("the audit opened %s", qPrintable(wizard.session()->target().display()));
                return false;
            }
        }
        if (!QTest::qWaitFor([&] { return wizard.session()->hasReport() && !wizard.session()->isInspecting(); },
                             kInspectTimeout)) {
            qWarning("%s: no inspection: %s", qPrintable(route),
                     qPrintable(child<QLabel>(&wizard, u"agentStatusLabel"_s)->text()));
            return false;
        }
        const auto step = [&](AgentWizard::PageId expected) {
            if (!QTest::qWaitFor([&] { return next->isEnabled(); }, kInspectTimeout)) {
                return false;
            }
            next->click();
            return wizard.currentId() == int(expected);
        };
        // Enter in the path field moved on by itself once the inspection succeeded; the lists and the
        // audit choose and stay.
        if (route == u"file") {
            if (wizard.currentId() != int(AgentWizard::NeedsPageId)) {
                qWarning("file: Enter did not move on to What it needs (step %d)", wizard.currentId());
                return false;
            }
        } else if (wizard.currentId() != int(AgentWizard::AgentPageId) || !step(AgentWizard::NeedsPageId)) {
            return false;
        }
        if (!step(AgentWizard::EnvironmentPageId)) {
            return false;
        }
        // A packaged service: the page shows it started by its unit, and the defaults stay.
        if (!child<QAbstractButton>(&wizard, u"startServiceRadioButton"_s)->isChecked()) {
            qWarning("%s: not detected as a service", qPrintable(route));
            return false;
        }
        if (!step(AgentWizard::RecommendationPageId)) {
            return false;
        }
        auto *methods = child<QTableWidget>(&wizard, u"methodsTableWidget"_s);
        for (int row = 0; row < methods->rowCount(); ++row) {
            // Named "Service user + hardened unit" when the plan grants no capability.
            if (methods->item(row, 0)->text().startsWith(u"Linux capabilities"_s) ||
                methods->item(row, 0)->text() == u"Service user + hardened unit"_s) {
                methods->selectRow(row);
            }
        }
        if (!step(AgentWizard::AdjustPageId) || !step(AgentWizard::PreviewPageId)) {
            return false;
        }
        if (!QTest::qWaitFor([&] { return wizard.session()->checksCurrent(); }, kValidateTimeout) ||
            !step(AgentWizard::FinishPageId)) {
            return false;
        }
        child<QLineEdit>(&wizard, u"exportPathLineEdit"_s)->setText(out);
        auto *exportButton = child<QPushButton>(&wizard, u"exportPushButton"_s);
        if (!QTest::qWaitFor([&] { return exportButton->isEnabled(); }, 5000)) {
            return false;
        }
        exportButton->click();
        auto *status = child<QLabel>(&wizard, u"exportStatusLabel"_s);
        if (status->property("error").toBool()) {
            qWarning("%s: %s", qPrintable(route), qPrintable(status->text()));
            return false;
        }
        return QFile::exists(out + u"/plan.json"_s);
    }

    QTemporaryDir m_scratch{u"/var/tmp/deroot-wizardroutes-XXXXXX"_s};
    QString m_pid;
    bool m_wasActive = false;
};

QTEST_MAIN(WizardRoutesHostTest)
#include "wizardroutes_test.moc"
