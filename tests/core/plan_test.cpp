// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/export/exportwriter.h"
#include "core/generate/manifest.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Deroot::Core;
using namespace Qt::StringLiterals;

class PlanTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void manifestListsEveryOperationWithHashes();
    void exportIsAllOrNothing();
    void existingFilesAreKeptWithoutForce();
    void forceReplacesTheWholeFolder();
    void unwritableTargetWritesNothing();
};

namespace {

GenerationInput input()
{
    GenerationInput in;
    in.agentId = u"fping"_s;
    in.serviceUser = u"fping"_s;
    in.executable = u"/usr/bin/fping"_s;
    in.executableSha256 = QString(64, u'a');
    in.capabilities = {13};
    return in;
}

QList<Artifact> artifacts()
{
    Artifact unit;
    unit.id = u"unit"_s;
    unit.targetPath = u"/etc/systemd/system/deroot-fping.service"_s;
    unit.content = u"[Service]\nUser=fping\n"_s;
    unit.purpose = u"runs it"_s;
    Artifact user;
    user.id = u"useradd"_s;
    user.isCommand = true;
    user.targetPath = u"/usr/sbin/useradd"_s;
    user.content = u"useradd --system fping"_s;
    user.purpose = u"makes the user"_s;
    return {unit, user};
}

QStringList entries(const QString &path)
{
    return QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

} // namespace

void PlanTest::manifestListsEveryOperationWithHashes()
{
    const QJsonObject plan = planManifest(input(), artifacts());
    QCOMPARE(plan.value(u"schema"_s).toString(), u"deroot.plan/2"_s);
    QCOMPARE(plan.value(u"program"_s).toObject().value(u"sha256"_s).toString(), QString(64, u'a'));
    QCOMPARE(plan.value(u"capabilities"_s).toArray(), QJsonArray{u"CAP_NET_RAW"_s});
    const QJsonArray operations = plan.value(u"operations"_s).toArray();
    QCOMPARE(operations.size(), 2);
    QCOMPARE(operations.at(0).toObject().value(u"op"_s).toString(), u"write_file"_s);
    QCOMPARE(operations.at(0).toObject().value(u"mode"_s).toString(), u"0644"_s);
    QCOMPARE(operations.at(1).toObject().value(u"op"_s).toString(), u"run"_s);
    // sha256("[Service]\nUser=fping\n")
    QCOMPARE(operations.at(0).toObject().value(u"content_sha256"_s).toString().size(), 64);
}

void PlanTest::exportIsAllOrNothing()
{
    QTemporaryDir parent;
    const QString out = parent.filePath(u"out"_s);
    const auto written = writeExport(out, artifacts(), planManifest(input(), artifacts()), false);
    QVERIFY2(written.ok(), qPrintable(written.error().message));
    QCOMPARE(*written, (QStringList{u"deroot-fping.service"_s, u"useradd.sh"_s, u"plan.json"_s, u"APPLY.txt"_s}));
    QCOMPARE(entries(out), (QStringList{u"APPLY.txt"_s, u"deroot-fping.service"_s, u"plan.json"_s, u"useradd.sh"_s}));
    QFile plan(out + u"/plan.json"_s);
    QVERIFY(plan.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(plan.readAll()).object().value(u"agent"_s).toString(), u"fping"_s);
    QVERIFY(QFileInfo(out + u"/useradd.sh"_s).isExecutable());
    // Only the result is left beside it: no staging folder.
    QCOMPARE(entries(parent.path()), QStringList{u"out"_s});

    // Two artifacts with one name: an error, and nothing at all is written.
    QList<Artifact> clash = artifacts();
    clash.append(clash.first());
    const QString second = parent.filePath(u"second"_s);
    const auto refused = writeExport(second, clash, {}, false);
    QVERIFY(!refused.ok());
    QVERIFY(!QFileInfo::exists(second));
    QCOMPARE(entries(parent.path()), QStringList{u"out"_s});
}

void PlanTest::existingFilesAreKeptWithoutForce()
{
    QTemporaryDir out;
    QFile mine(out.filePath(u"notes.txt"_s));
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.write("mine");
    mine.close();
    const auto refused = writeExport(out.path(), artifacts(), {}, false);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(u"already holds files"_s), qPrintable(refused.error().message));
    QCOMPARE(entries(out.path()), QStringList{u"notes.txt"_s});
}

void PlanTest::forceReplacesTheWholeFolder()
{
    QTemporaryDir parent;
    const QString out = parent.filePath(u"out"_s);
    QVERIFY(QDir().mkpath(out));
    QFile stale(out + u"/stale.service"_s);
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.close();
    const auto written = writeExport(out, artifacts(), {}, true);
    QVERIFY2(written.ok(), qPrintable(written.error().message));
    QVERIFY(!entries(out).contains(u"stale.service"_s));
    QCOMPARE(entries(parent.path()), QStringList{u"out"_s});
}

void PlanTest::unwritableTargetWritesNothing()
{
    const auto inProc = writeExport(u"/proc/deroot-export"_s, artifacts(), {}, false);
    QVERIFY(!inProc.ok());
    QVERIFY(!inProc.error().message.contains(u'\n'));
    QTemporaryDir parent;
    QFile file(parent.filePath(u"a-file"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const auto onFile = writeExport(parent.filePath(u"a-file"_s), artifacts(), {}, true);
    QVERIFY(!onFile.ok());
    QVERIFY2(onFile.error().message.contains(u"is not a directory"_s), qPrintable(onFile.error().message));
}

QTEST_GUILESS_MAIN(PlanTest)
#include "plan_test.moc"
