// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The wizard's preview refresh: the time from a change in the Adjust step (one capability
// toggled) until every tab of the preview shows the regenerated text, over the largest artifact
// set of the build root's sample agents, and the wizard's peak RSS after a full run. It measures
// and prints; it never asserts a time.
#include "ui/preview/artifactview.h"
#include "ui/preview/codeview.h"
#include "ui/wizard/agentwizard.h"
#include "ui/wizard/previewpage.h"

#include <QAbstractButton>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

class WizardBench final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void previewRefresh_data();
    void previewRefresh();
    void fullRunPeakRss();
};

void WizardBench::previewRefresh_data()
{
    QTest::addColumn<QString>("agent");
    QTest::addColumn<int>("method");
    // The capabilities method writes the most files for a unit-less program (user, sysusers, unit,
    // AppArmor); the container method four larger ones.
    QTest::addRow("fping caps") << u"/usr/bin/fping"_s << int(Deroot::Core::Method::Capabilities);
    QTest::addRow("node exporter container")
        << u"/usr/bin/prometheus-node-exporter"_s << int(Deroot::Core::Method::Container);
}

void WizardBench::previewRefresh()
{
    QFETCH(QString, agent);
    QFETCH(int, method);
    Deroot::Ui::AgentWizard wizard;
    wizard.show();
    Deroot::Ui::AgentTarget target;
    target.path = QFile::encodeName(agent);
    wizard.session()->inspect(target);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->hasReport(), 30000);
    wizard.next();
    wizard.next();
    wizard.next();
    wizard.session()->setMethod(Deroot::Core::Method(method));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(Deroot::Ui::AgentWizard::AdjustPageId));
    auto *capabilities = wizard.findChild<QTreeWidget *>(u"capabilitiesTreeWidget"_s);
    QTreeWidgetItem *item = capabilities->findItems(u"CAP_NET_BIND_SERVICE"_s, Qt::MatchStartsWith).value(0);
    QVERIFY(item);
    auto *preview = wizard.findChild<Deroot::Ui::PreviewPage *>();
    int files = int(wizard.session()->plan().artifacts.size());
    qsizetype bytes = 0;
    for (const auto &artifact : wizard.session()->plan().artifacts) {
        bytes += artifact.content.size();
    }
    QList<double> times;
    for (int i = 0; i < 41; ++i) {
        QElapsedTimer timer;
        timer.start();
        item->setCheckState(0, item->checkState(0) == Qt::Checked ? Qt::Unchecked : Qt::Checked);
        QCoreApplication::sendPostedEvents(); // what the event loop does before the next paint
        times.append(double(timer.nsecsElapsed()) / 1e6);
        QVERIFY(preview->viewFor(wizard.session()->plan().artifacts.first().id));
    }
    std::sort(times.begin(), times.end());
    std::printf("preview refresh (%s, %d files, %lld characters): median %.2f ms, min %.2f ms, max %.2f ms over %lld "
                "changes\n",
                QTest::currentDataTag(), files, static_cast<long long>(bytes), times.at(times.size() / 2),
                times.first(), times.last(), static_cast<long long>(times.size()));
}

// A whole run as an admin makes it, after the refreshes above: inspect, every step, the real
// validators on the preview, the export; then the process's peak RSS.
void WizardBench::fullRunPeakRss()
{
    Deroot::Ui::AgentWizard wizard;
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    Deroot::Ui::AgentTarget target;
    target.path = "/usr/bin/fping";
    wizard.session()->inspect(target);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->hasReport(), 30000);
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    while (wizard.currentId() != Deroot::Ui::AgentWizard::FinishPageId) {
        QVERIFY(next->isEnabled());
        next->click();
        if (wizard.currentId() == Deroot::Ui::AgentWizard::PreviewPageId) {
            QTRY_VERIFY_WITH_TIMEOUT(wizard.session()->checksCurrent(), 90000);
        }
    }
    QTemporaryDir out;
    wizard.findChild<QLineEdit *>(u"exportPathLineEdit"_s)->setText(out.filePath(u"plan"_s));
    auto *exportButton = wizard.findChild<QPushButton *>(u"exportPushButton"_s);
    QTRY_VERIFY(exportButton->isEnabled());
    exportButton->click();
    QVERIFY(QFile::exists(out.filePath(u"plan/plan.json"_s)));
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    std::printf("peak RSS after a full run (inspect, every step, validators, export) and the refreshes above: "
                "%.1f MiB\n",
                double(usage.ru_maxrss) / 1024.0);
}

QTEST_MAIN(WizardBench)
#include "wizard_bench.moc"
