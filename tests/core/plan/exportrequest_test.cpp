// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The apply request the desktop builds in memory (exportApplyRequest) against the one derootctl
// reads from a written export (readApplyRequest): byte for byte the same for the plans of the three
// methods, and accepted by the helper's parser.
#include "core/export/exportwriter.h"
#include "core/export/planexport.h"
#include "core/generate/manifest.h"
#include "core/plan/applyrequest.h"
#include "planfixture.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Deroot;
using namespace Deroot::Core;
using namespace Qt::StringLiterals;

namespace {

const QString kProgram = u"/usr/local/bin/deroot-test-agent"_s;
const QByteArray kProgramBytes = "#!/bin/sh\nexec sleep infinity\n";

} // namespace

class ExportRequestTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsAWrittenExport_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("completed");
        QTest::addColumn<QString>("method");
        for (const auto &[kind, method] : {std::pair{u"caps"_s, u"caps"_s},
                                           {u"sudo"_s, u"sudo"_s},
                                           {u"setcap"_s, u"caps"_s},
                                           {u"container"_s, u"container"_s}}) {
            QTest::addRow("%s", qPrintable(kind)) << kind << false << method;
            // With what the wizard adds (validations, privilege), text with non-ASCII in it.
            QTest::addRow("%s, completed manifest", qPrintable(kind)) << kind << true << method;
        }
    }

    void sameAsAWrittenExport()
    {
        QFETCH(QString, kind);
        QFETCH(bool, completed);
        QFETCH(QString, method);
        const auto plan = TestSupport::generateTestPlan(kind, kProgram, kProgramBytes);
        QVERIFY2(plan.ok(), qPrintable(plan.error().message));
        QJsonObject manifest = plan->manifest;
        if (completed) {
            manifest.insert(u"validations"_s,
                            QJsonArray{QJsonObject{{u"artifact"_s, u"unit"_s},
                                                   {u"summary"_s, u"systemd-analyze: « OK » — ü\n\tline 2"_s}}});
        }
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString folder = directory.filePath(u"export"_s);
        const auto written = writeExport(folder, plan->artifacts, manifest, false);
        QVERIFY2(written.ok(), qPrintable(written.error().message));
        const auto fromDisk = readApplyRequest(folder);
        QVERIFY2(fromDisk.ok(), qPrintable(fromDisk.error().message));
        const auto inMemory = exportApplyRequest(plan->artifacts, manifest);
        QVERIFY2(inMemory.ok(), qPrintable(inMemory.error().message));

        QCOMPARE(inMemory->planJson, fromDisk->planJson);
        QCOMPARE(inMemory->files.keys(), fromDisk->files.keys());
        for (auto it = fromDisk->files.cbegin(); it != fromDisk->files.cend(); ++it) {
            QCOMPARE(inMemory->files.value(it.key()), it.value());
        }
        QVERIFY(!inMemory->files.isEmpty());

        const auto parsed = parseApplyRequest(*inMemory);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
        QCOMPARE(parsed->method, method);
        QVERIFY(!parsed->steps.isEmpty());
    }

    void duplicateNamesAreRefused()
    {
        const auto plan = TestSupport::generateTestPlan(u"caps"_s, kProgram, kProgramBytes);
        QVERIFY(plan.ok());
        QList<Artifact> artifacts = plan->artifacts;
        artifacts.append(artifacts.constFirst());
        const auto request = exportApplyRequest(artifacts, plan->manifest);
        QVERIFY(!request.ok());
        QCOMPARE(request.error().code, ExitCode::Failure);
        QVERIFY2(request.error().message.contains(exportFileName(artifacts.constFirst())),
                 qPrintable(request.error().message));
    }
};

QTEST_GUILESS_MAIN(ExportRequestTest)
#include "exportrequest_test.moc"
