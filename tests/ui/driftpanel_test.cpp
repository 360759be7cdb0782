// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The audit view's drift panel, offscreen: what core's comparison found, shown row by row; a
// helper that cannot be reached is said, not hidden.
#include "ui/audit/driftpanel.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using Deroot::Ui::DriftPanel;

namespace {

const QString kProgram = u"/usr/bin/tcpdump"_s;
const QByteArray kCaps = QByteArray::fromHex("0100000200200000000000000000000000000000");

class FakeLive final : public Deroot::Core::LiveSystem
{
public:
    QHash<QString, Deroot::Core::FileFacts> files;
    Deroot::Core::FileFacts file(const QString &path) const override { return files.value(path); }
    QByteArray fileBytes(const QString &) const override { return {}; }
    QHash<QString, QString> unitProperties(const QString &) const override { return {}; }
    std::optional<qint64> userId(const QString &) const override { return std::nullopt; }
    Deroot::Core::ProcessFacts process(qint64) const override { return {}; }
    std::optional<QString> statOverride(const QString &) const override { return std::nullopt; }
};

QJsonObject capsRecord(const QString &id, const QString &program)
{
    return {{u"id"_s, id},
            {u"state"_s, u"applied"_s},
            {u"agent"_s, u"tcpdump"_s},
            {u"method"_s, u"caps"_s},
            {u"program"_s, program},
            {u"program_sha256"_s, QString(64, u'a')},
            {u"steps"_s,
             QJsonArray{QJsonObject{{u"kind"_s, u"set-file-caps"_s},
                                    {u"status"_s, u"done"_s},
                                    {u"caps"_s, QJsonObject{{u"path"_s, program},
                                                            {u"after"_s, QString::fromLatin1(kCaps.toBase64())}}}}}}};
}

Deroot::Core::FileFacts program(std::optional<QByteArray> caps)
{
    Deroot::Core::FileFacts facts;
    facts.exists = true;
    facts.readable = true;
    facts.sha256 = QString(64, u'a');
    facts.capabilityXattr = std::move(caps);
    facts.changed = QDateTime(QDate(2026, 12, 2), QTime(11, 30), QTimeZone::UTC);
    return facts;
}

} // namespace

class DriftPanelTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEachPlanWithItsState()
    {
        auto live = std::make_shared<FakeLive>();
        live->files.insert(kProgram, program(std::nullopt));
        live->files.insert(u"/usr/bin/fping"_s, program(kCaps));
        const QJsonArray history{capsRecord(u"20261202T000000Z-00000002"_s, kProgram),
                                 capsRecord(u"20261201T000000Z-00000001"_s, u"/usr/bin/fping"_s)};
        DriftPanel panel([history](auto done) { done(history); }, live);
        QSignalSpy refreshed(&panel, &DriftPanel::refreshed);
        panel.refresh();
        QCOMPARE(refreshed.size(), 1);
        auto *tree = panel.findChild<QTreeWidget *>(u"driftTreeWidget"_s);
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 2);
        QTreeWidgetItem *drifted = tree->topLevelItem(0);
        QCOMPARE(drifted->text(0), u"20261202T000000Z-00000002"_s);
        QCOMPARE(drifted->data(2, Qt::UserRole).toString(), u"drifted"_s);
        QVERIFY(drifted->isExpanded());
        QCOMPARE(drifted->childCount(), 1);
        QVERIFY2(
            drifted->child(0)->text(3).contains(u"lost the capabilities the apply set (since 2026-12-02T11:30:00Z"_s),
            qPrintable(drifted->child(0)->text(3)));
        QCOMPARE(tree->topLevelItem(1)->data(2, Qt::UserRole).toString(), u"holding"_s);
        QCOMPARE(tree->topLevelItem(1)->childCount(), 0);
        const auto *status = panel.findChild<QLabel *>(u"driftStatusLabel"_s);
        QVERIFY2(status->text().contains(u"Put back"_s) && !status->text().contains(u"derootctl"_s),
                 qPrintable(status->text()));
        // Fixed by the admin: the same panel, refreshed, holds.
        live->files.insert(kProgram, program(kCaps));
        QTest::mouseClick(panel.findChild<QPushButton *>(u"driftRefreshPushButton"_s), Qt::LeftButton);
        QCOMPARE(refreshed.size(), 2);
        QCOMPARE(tree->topLevelItem(0)->data(2, Qt::UserRole).toString(), u"holding"_s);
        QCOMPARE(status->text(), u"Every applied plan holds."_s);
    }

    // Put back asks the helper about the selected drifted apply only, says what it put back and what
    // it refused, and compares again.
    void putBackAsksTheHelperForTheSelectedApply()
    {
        auto live = std::make_shared<FakeLive>();
        live->files.insert(kProgram, program(std::nullopt));
        live->files.insert(u"/usr/bin/fping"_s, program(kCaps));
        const QJsonArray history{capsRecord(u"20261202T000000Z-00000002"_s, kProgram),
                                 capsRecord(u"20261201T000000Z-00000001"_s, u"/usr/bin/fping"_s)};
        QStringList asked;
        DriftPanel panel(
            [history](auto done) { done(history); }, live, nullptr,
            [&](const QString &applyId, auto done) {
                asked << applyId;
                live->files.insert(kProgram, program(kCaps));
                done(QJsonObject{
                    {u"reconciled"_s, QJsonArray{QJsonObject{{u"target"_s, kProgram}, {u"outcome"_s, u"restored"_s}},
                                                 QJsonObject{{u"target"_s, u"/etc/x.conf"_s},
                                                             {u"outcome"_s, u"blocked"_s},
                                                             {u"message"_s, u"its plan is refused now"_s}}}}});
            });
        QSignalSpy refreshed(&panel, &DriftPanel::refreshed);
        panel.refresh();
        auto *tree = panel.findChild<QTreeWidget *>(u"driftTreeWidget"_s);
        auto *putBack = panel.findChild<QPushButton *>(u"driftPutBackPushButton"_s);
        QVERIFY(putBack);
        QVERIFY(!putBack->isEnabled());              // nothing selected
        tree->setCurrentItem(tree->topLevelItem(1)); // holding: nothing to put back
        QVERIFY(!putBack->isEnabled());
        tree->setCurrentItem(tree->topLevelItem(0)->child(0)); // a drifted plan's check row
        QVERIFY(putBack->isEnabled());
        QTest::mouseClick(putBack, Qt::LeftButton);
        QCOMPARE(asked, QStringList{u"20261202T000000Z-00000002"_s});
        QCOMPARE(refreshed.size(), 2);
        const auto *status = panel.findChild<QLabel *>(u"driftStatusLabel"_s);
        QVERIFY2(status->text().startsWith(u"Put back: 1 item"_s) &&
                     status->text().contains(u"Not put back: /etc/x.conf: its plan is refused now."_s) &&
                     status->text().contains(u"Every applied plan holds."_s),
                 qPrintable(status->text()));
        QCOMPARE(tree->topLevelItem(0)->data(2, Qt::UserRole).toString(), u"holding"_s);
        // A refusal of the helper (no password, say) is said, and nothing else changes.
        live->files.insert(kProgram, program(std::nullopt));
        DriftPanel refusing([history](auto done) { done(history); }, live, nullptr,
                            [](const QString &, auto done) {
                                done(Deroot::Core::Error{Deroot::Core::ExitCode::NotAuthorized, u"not authorized"_s});
                            });
        auto *refusingTree = refusing.findChild<QTreeWidget *>(u"driftTreeWidget"_s);
        refusingTree->setCurrentItem(refusingTree->topLevelItem(0));
        QTest::mouseClick(refusing.findChild<QPushButton *>(u"driftPutBackPushButton"_s), Qt::LeftButton);
        QVERIFY2(refusing.findChild<QLabel *>(u"driftStatusLabel"_s)
                     ->text()
                     .startsWith(u"Nothing was put back: not authorized."_s),
                 qPrintable(refusing.findChild<QLabel *>(u"driftStatusLabel"_s)->text()));
    }

    void unreachableHelperIsSaid()
    {
        DriftPanel panel(
            [](auto done) {
                done(Deroot::Core::Error{Deroot::Core::ExitCode::Unavailable, u"the helper is not installed"_s});
            },
            std::make_shared<FakeLive>());
        panel.refresh();
        const auto *status = panel.findChild<QLabel *>(u"driftStatusLabel"_s);
        QVERIFY2(status->text().contains(u"the helper is not installed"_s), qPrintable(status->text()));
        QCOMPARE(panel.findChild<QTreeWidget *>(u"driftTreeWidget"_s)->topLevelItemCount(), 0);
        QVERIFY(panel.findChild<QPushButton *>(u"driftRefreshPushButton"_s)->isEnabled());
    }
};

QTEST_MAIN(DriftPanelTest)
#include "driftpanel_test.moc"
