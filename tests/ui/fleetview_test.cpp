// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The audit view over a fleet folder, offscreen, driven through object names: this machine's real
// audit saved under several host names (one of them hostile, one file broken), shown with a host
// column in the merge's order, most privileged first; a row opens the wizard on that agent with a
// note that the plan is for its host; and back to this machine.
#include "core/base/text.h"
#include "core/fleet/fleet.h"
#include "core/inspect/audit.h"
#include "ui/audit/auditview.h"
#include "ui/wizard/agentwizard.h"

#include <QAbstractButton>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Deroot;

class FleetViewTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fleetFolderInTheAuditView();

private:
    QTemporaryDir m_dir;
};

namespace {

constexpr int kTimeout = 60000;
const QString kHostileKey = u"<img src=x onerror=alert(1)>\nsecond line"_s;

template <typename T> T *child(QObject *parent, const QString &name)
{
    auto *widget = parent->findChild<T *>(name);
    if (!widget) {
        qFatal("no %s", qPrintable(name));
    }
    return widget;
}

void write(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly) && file.write(content) == content.size(), qPrintable(path));
}

} // namespace

void FleetViewTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const auto report = Core::audit();
    QVERIFY(bool(report));
    QVERIFY2(!report->files.isEmpty(), "the build root has set-uid programs to list");
    const QByteArray audit = QJsonDocument(Core::toJson(*report)).toJson();
    // alpha runs chrony as a system unit (the build root runs none: its audit has no unit rows).
    QJsonObject alpha = QJsonDocument::fromJson(audit).object();
    QJsonArray groups = alpha[u"processes"_s].toArray();
    QVERIFY(!groups.isEmpty());
    QJsonObject chrony = groups[0].toObject();
    chrony[u"kind"_s] = u"unit"_s;
    chrony[u"key"_s] = u"chrony.service"_s;
    chrony[u"unit"_s] = u"chrony.service"_s;
    chrony[u"unit_manager"_s] = u"system"_s;
    groups.append(chrony);
    alpha[u"processes"_s] = groups;
    write(m_dir.filePath(u"alpha.example.org.json"_s), QJsonDocument(alpha).toJson());
    write(m_dir.filePath(u"beta.json"_s), audit);
    QJsonObject hostile = QJsonDocument::fromJson(audit).object();
    QJsonArray files = hostile[u"files"_s].toArray();
    QJsonObject file = files[0].toObject();
    file[u"path"_s] = QString(u"/usr/bin/"_s + kHostileKey);
    file[u"suggestion"_s] = u"<b>bold</b>"_s;
    files[0] = file;
    hostile[u"files"_s] = files;
    write(m_dir.filePath(u"<i>gamma<\\i>.json"_s), QJsonDocument(hostile).toJson());
    write(m_dir.filePath(u"broken.json"_s), "{\"schema\": ");
}

void FleetViewTest::fleetFolderInTheAuditView()
{
    Ui::AgentWizard wizard;
    wizard.show();
    Ui::AuditView *audit = wizard.showAudit();
    auto *tree = child<QTreeWidget>(audit, u"auditTreeWidget"_s);
    auto *status = child<QLabel>(audit, u"auditStatusLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!audit->isRunning() && tree->topLevelItemCount() >= 2, kTimeout);
    auto *openFleet = child<QAbstractButton>(audit, u"auditOpenFleetPushButton"_s);
    auto *thisMachine = child<QAbstractButton>(audit, u"auditThisMachinePushButton"_s);
    QVERIFY(openFleet->isVisible());
    QVERIFY(!thisMachine->isVisible());

    audit->openFleet(m_dir.path());
    QTRY_VERIFY_WITH_TIMEOUT(!audit->isRunning() && tree->columnCount() == 6, kTimeout);
    QCOMPARE(audit->fleetDirectory(), m_dir.path());
    QVERIFY(thisMachine->isVisible());
    QCOMPARE(tree->headerItem()->text(1), u"Host"_s);
    QCOMPARE(tree->headerItem()->text(0), u"Privilege"_s);

    // The merge's rows, in its order: highest privilege first, a host column.
    const auto merged = Core::mergeFleet(m_dir.path());
    QVERIFY(bool(merged));
    QCOMPARE(merged->hosts.size(), 3);
    QCOMPARE(tree->topLevelItemCount(), int(merged->entries.size()));
    for (int row = 0; row < tree->topLevelItemCount(); ++row) {
        const QTreeWidgetItem *item = tree->topLevelItem(row);
        const Core::FleetEntry &entry = merged->entries.at(row);
        QCOMPARE(item->text(1), Core::oneLine(entry.host));
        QCOMPARE(item->text(2), Core::oneLine(entry.key));
        QVERIFY2(item->text(0).startsWith(QString::number(entry.privilege.value)), qPrintable(item->text(0)));
    }
    QVERIFY2(status->text().contains(u"3 host(s) merged."_s), qPrintable(status->text()));
    QVERIFY2(status->text().contains(u"1 file(s) left out: 'broken.json': not JSON"_s), qPrintable(status->text()));
    QCOMPARE(status->textFormat(), Qt::PlainText);

    // The hostile host's row: its text on one line, its tooltips escaped markup.
    const QList<QTreeWidgetItem *> hostile =
        tree->findItems(Core::oneLine(QString(u"/usr/bin/"_s + kHostileKey)), Qt::MatchExactly, 2);
    QCOMPARE(hostile.size(), 1);
    QCOMPARE(hostile.first()->text(1), u"<i>gamma<\\i>"_s);
    QCOMPARE(hostile.first()->toolTip(5), u"<p>&lt;b&gt;bold&lt;/b&gt;</p>"_s);

    // A file of host beta opens the wizard on that program, with a note that the plan is for beta.
    QTreeWidgetItem *betaFile = nullptr;
    for (int row = 0; row < tree->topLevelItemCount() && !betaFile; ++row) {
        QTreeWidgetItem *item = tree->topLevelItem(row);
        if (item->text(1) == u"beta" && item->text(2).startsWith(u"/usr/bin/"_s) && QFile::exists(item->text(2))) {
            betaFile = item;
        }
    }
    QVERIFY(betaFile);
    const QString path = betaFile->text(2);
    tree->setFocus();
    tree->setCurrentItem(betaFile);
    QVERIFY(child<QAbstractButton>(audit, u"auditOpenPushButton"_s)->isEnabled());
    QTest::keyClick(tree, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.session()->isInspecting(), kTimeout);
    QCOMPARE(wizard.currentId(), int(Ui::AgentWizard::AgentPageId));
    QCOMPARE(wizard.session()->target().display(), path);
    QCOMPARE(wizard.session()->target().fleetHost, u"beta"_s);
    auto *note = child<QLabel>(&wizard, u"fleetHostNoteLabel"_s);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().startsWith(u"From the fleet audit of host 'beta': Deroot inspects this machine's copy of "_s +
                                     path),
             qPrintable(note->text()));
    QCOMPARE(note->textFormat(), Qt::PlainText);

    // A unit row opens as a unit of that host (the build root runs no systemd: its inspection
    // fails, the target and the note are what counts).
    QTreeWidgetItem *unitRow = nullptr;
    for (int row = 0; row < tree->topLevelItemCount() && !unitRow; ++row) {
        QTreeWidgetItem *item = tree->topLevelItem(row);
        if (item->text(1) == u"alpha.example.org" && item->text(2) == u"chrony.service") {
            unitRow = item;
        }
    }
    QVERIFY(unitRow);
    tree->setCurrentItem(unitRow);
    child<QAbstractButton>(audit, u"auditOpenPushButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.session()->isInspecting(), kTimeout);
    QCOMPARE(wizard.session()->target().kind, Ui::AgentTarget::Kind::Unit);
    QCOMPARE(wizard.session()->target().unit, u"chrony.service"_s);
    QCOMPARE(wizard.session()->target().fleetHost, u"alpha.example.org"_s);
    QVERIFY(note->text().contains(u"host 'alpha.example.org'"_s));

    // Chosen on this machine again: no note.
    Ui::AgentTarget local;
    local.path = QFile::encodeName(path);
    wizard.startWith(local);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.session()->isInspecting(), kTimeout);
    QVERIFY(!note->isVisible());

    // Back to this machine's audit: its seven columns; agents, files and what is privileged by design.
    thisMachine->click();
    QTRY_VERIFY_WITH_TIMEOUT(!audit->isRunning() && tree->columnCount() == 7 && tree->topLevelItemCount() == 3,
                             kTimeout);
    QVERIFY(audit->fleetDirectory().isEmpty());
    QVERIFY(!thisMachine->isVisible());
    QCOMPARE(tree->headerItem()->text(0), u"Agent or file"_s);

    // A folder that is no fleet: said in the status line, nothing listed.
    QTemporaryDir empty;
    audit->openFleet(empty.path());
    QTRY_VERIFY_WITH_TIMEOUT(!audit->isRunning() && status->text().contains(u"holds no host's audit"_s), kTimeout);
    QCOMPARE(tree->topLevelItemCount(), 0);
}

QTEST_MAIN(FleetViewTest)
#include "fleetview_test.moc"
