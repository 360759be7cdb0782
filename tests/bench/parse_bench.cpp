// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What the helper's check of a request costs before anything is applied: parseApplyRequest() on the
// plans the real generators make. Now that check regenerates every file from the typed
// input and compares bytes; before it, it read the files against a deny-list. The same source runs
// against both (the baseline from a checkout of the earlier commit), so the two figures sit side by
// side. Measures only; never asserts a time.
#include "core/plan/applyrequest.h"
#include "planfixture.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Deroot;
using namespace Deroot::Core;
using namespace Qt::StringLiterals;

class ParseBench final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("kind");
        for (const QString &kind : {u"caps"_s, u"sudo"_s, u"setcap"_s, u"container"_s}) {
            QTest::newRow(qPrintable(kind)) << kind;
        }
    }

    void parse()
    {
        QFETCH(QString, kind);
        QTemporaryDir directory;
        const auto written =
            TestSupport::writePlanExport(kind, directory.filePath(u"export"_s), u"/usr/local/bin/deroot-test-agent"_s,
                                         QByteArray("#!/bin/sh\nexec sleep infinity\n"));
        QVERIFY2(written.ok(), qPrintable(written.error().message));
        const auto request = readApplyRequest(*written);
        QVERIFY2(request.ok(), qPrintable(request.error().message));
        constexpr int kRuns = 300;
        QList<qint64> times;
        times.reserve(kRuns);
        for (int i = 0; i < kRuns; ++i) {
            QElapsedTimer timer;
            timer.start();
            const auto plan = parseApplyRequest(*request);
            times << timer.nsecsElapsed();
            QVERIFY2(plan.ok(), qPrintable(plan.error().message));
        }
        std::sort(times.begin(), times.end());
        qInfo("parse %s: median %.3f ms, min %.3f ms, p90 %.3f ms over %d runs (plan.json %lld bytes, %lld files)",
              qPrintable(kind), times.at(kRuns / 2) / 1e6, times.constFirst() / 1e6, times.at(kRuns * 9 / 10) / 1e6,
              kRuns, qlonglong(request->planJson.size()), qlonglong(request->files.size()));
    }
};

QTEST_GUILESS_MAIN(ParseBench)
#include "parse_bench.moc"
