// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// APPLY.txt: the manual steps of every kind of plan, in the helper's order, with the exact
// commands; its undo in the reverse order; and no step at all for an export that fails the
// helper's checks.
#include "core/export/applyinstructions.h"
#include "core/export/exportwriter.h"
#include "planfixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Deroot;
using namespace Qt::StringLiterals;

class ApplyInstructionsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepsInTheHelpersOrder_data();
    void stepsInTheHelpersOrder();
    void exportWritesIt();
    void damagedPlanListsNoStep();
};

namespace {

const QString kProgram = u"/usr/bin/deroot-test-agent"_s;

/// The lines of @p text that contain each of @p expected, in that order; the first missing one.
QString firstMissingInOrder(const QString &text, const QStringList &expected)
{
    qsizetype from = 0;
    for (const QString &line : expected) {
        const qsizetype at = text.indexOf(line, from);
        if (at < 0) {
            return line;
        }
        from = at + line.size();
    }
    return {};
}

} // namespace

void ApplyInstructionsTest::stepsInTheHelpersOrder_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("caps: user, sysusers, unit, reload, start")
        << u"caps"_s
        << QStringList{u"sha256sum /usr/bin/deroot-test-agent"_s, u"derootctl apply <this folder>"_s,
                       u"sh ./useradd.sh"_s,
                       u"install -D -m 0644 -o root -g root deroot-capsagent.conf /etc/sysusers.d/deroot-capsagent.conf"_s,
                       u"install -D -m 0644 -o root -g root deroot-capsagent.service /etc/systemd/system/deroot-capsagent.service"_s,
                       u"systemctl daemon-reload"_s, u"systemctl restart deroot-capsagent.service"_s,
                       // the undo: the agent stopped first, the files, the user, the reload last
                       u"4. To undo it"_s, u"systemctl stop deroot-capsagent.service"_s,
                       u"rm /etc/systemd/system/deroot-capsagent.service"_s,
                       u"rm /etc/sysusers.d/deroot-capsagent.conf"_s, u"userdel"_s, u"systemctl daemon-reload"_s}
        << QStringList{u"visudo"_s, u"setcap"_s};
    QTest::newRow("sudo: checked by visudo, mode 0440")
        << u"sudo"_s
        << QStringList{u"visudo -c -f deroot-sudoagent.sudoers && install -D -m 0440 -o root -g root deroot-sudoagent.sudoers /etc/sudoers.d/deroot-sudoagent"_s,
                       u"visudo -c"_s, u"rm /etc/sudoers.d/deroot-sudoagent && visudo -c"_s}
        << QStringList{u"setcap"_s};
    // The undo puts back what the file had (a package's own capabilities), not none at all.
    QTest::newRow("setcap: capabilities on the file, checked, put back as they were on undo")
        << u"calledcaps"_s
        << QStringList{u"getcap /usr/bin/deroot-test-agent > ./file-caps-before.txt"_s,
                       u"sh ./setcap.sh"_s,
                       u"getcap /usr/bin/deroot-test-agent"_s,
                       u"4. To undo it"_s,
                       u"caps=$(cut -d' ' -f2- ./file-caps-before.txt)"_s,
                       u"if [ -n \"$caps\" ]; then setcap \"$caps\" /usr/bin/deroot-test-agent; "
                       u"else setcap -r /usr/bin/deroot-test-agent; fi"_s}
        << QStringList{u"useradd"_s, u"systemctl"_s};
    QTest::newRow("replace: the old unit stopped first, enabled again last")
        << u"replace"_s
        << QStringList{u"systemctl disable --now vendor-agent.service"_s,
                       u"systemctl daemon-reload"_s,
                       u"systemctl restart deroot-"_s,
                       u"4. To undo it"_s,
                       u"systemctl daemon-reload"_s,
                       u"systemctl enable --now vendor-agent.service"_s}
        << QStringList{};
    QTest::newRow("dropin: the vendor unit restarted on undo, never stopped")
        << u"dropin"_s
        << QStringList{u"/etc/systemd/system/deroot-dropin-vendor.service.d/deroot.conf"_s,
                       u"systemctl restart deroot-dropin-vendor.service"_s,
                       u"4. To undo it"_s,
                       u"rm /etc/systemd/system/deroot-dropin-vendor.service.d/deroot.conf"_s,
                       u"systemctl daemon-reload"_s,
                       u"systemctl restart deroot-dropin-vendor.service      (if it ran before)"_s}
        << QStringList{u"systemctl stop"_s};
    QTest::newRow("scheduled: the timer enabled, not the service")
        << u"scheduled"_s
        << QStringList{u"systemctl enable --now deroot-"_s, u".timer"_s, u"systemctl disable --now deroot-"_s}
        << QStringList{u"systemctl restart"_s};
    QTest::newRow("container: nothing Deroot applies, each engine's own command")
        << u"container"_s
        << QStringList{u"Deroot never applies the following"_s,
                       u"sh ./docker-run.sh"_s,
                       u"docker compose -f "_s,
                       u"systemctl start deroot-"_s,
                       u"kubectl apply -f "_s,
                       u"kubectl delete -f "_s}
        << QStringList{u"useradd"_s, u"setcap"_s};
}

void ApplyInstructionsTest::stepsInTheHelpersOrder()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, lines);
    QFETCH(QStringList, absent);
    const auto plan = TestSupport::generateTestPlan(kind, kProgram, QByteArrayLiteral("agent bytes"));
    QVERIFY2(plan, plan ? "" : qPrintable(plan.error().message));
    const QString text = Core::applyInstructions(plan->artifacts, plan->manifest);
    const QString missing = firstMissingInOrder(text, lines);
    QVERIFY2(missing.isEmpty(), qPrintable(u"missing (or out of order): %1\n%2"_s.arg(missing, text)));
    for (const QString &word : absent) {
        QVERIFY2(!text.contains(word), qPrintable(word + u'\n' + text));
    }
    QVERIFY(!text.contains(u"does not pass"_s));
}

void ApplyInstructionsTest::exportWritesIt()
{
    const auto plan = TestSupport::generateTestPlan(u"caps"_s, kProgram, QByteArrayLiteral("agent bytes"));
    QVERIFY(plan);
    QTemporaryDir dir;
    const auto written = Core::writeExport(dir.filePath(u"out"_s), plan->artifacts, plan->manifest, false);
    QVERIFY2(written, written ? "" : qPrintable(written.error().message));
    QVERIFY(written->contains(u"APPLY.txt"_s));
    QFile file(dir.filePath(u"out/APPLY.txt"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), Core::applyInstructions(plan->artifacts, plan->manifest));
    QCOMPARE(int(file.permissions() & QFileDevice::WriteOther), 0);
}

void ApplyInstructionsTest::damagedPlanListsNoStep()
{
    auto plan = TestSupport::generateTestPlan(u"caps"_s, kProgram, QByteArrayLiteral("agent bytes"));
    QVERIFY(plan);
    plan->artifacts.first().content += u"\nExecStartPre=/bin/sh -c 'id'\n"_s; // changed after generation
    const QString text = Core::applyInstructions(plan->artifacts, plan->manifest);
    QVERIFY2(text.contains(u"does not pass Deroot's own checks"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"install -D"_s) && !text.contains(u"derootctl apply"_s), qPrintable(text));
}

QTEST_GUILESS_MAIN(ApplyInstructionsTest)
#include "applyinstructions_test.moc"
