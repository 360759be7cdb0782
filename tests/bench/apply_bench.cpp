// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// How long a full apply of a capabilities plan takes (a new system user, a unit drop-in,
// daemon-reload, the agent restarted and its /proc status verified) and its rollback, in the booted
// test host (labels bench and host). Two ways:
//  - the engine itself, as the helper runs it after authorization (System::real(): the real
//    useradd, systemctl and file system; its own journal directory, so the helper is not
//    disturbed): validate + apply, then rollback; and the time of each step;
//  - derootctl apply and rollback as root end to end (the bus, the helper's activation if idle,
//    polkitd's answer for root, the same engine), for comparison.
// Measures and prints medians; never asserts a time.
#include "app/helper/engine.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTest>

#include <algorithm>

using namespace Deroot;
using namespace Qt::StringLiterals;

class ApplyBench final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void engineApplyAndRollback();
    void derootctlApplyAndRollback();

private:
    QString m_plan;
};

namespace {
constexpr int kRuns = 7;
const QString kWork = u"/var/tmp/deroot-apply-bench"_s;
const QString kUnit = u"prometheus-node-exporter.service"_s;
const QString kUser = u"deroot-bench"_s;

double median(QList<double> values)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

QByteArray run(const QString &program, const QStringList &arguments, int *exitCode = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    process.closeWriteChannel();
    process.waitForFinished(180000);
    if (exitCode) {
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
    return process.readAllStandardOutput();
}
} // namespace

void ApplyBench::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    QDir(kWork).removeRecursively();
    QVERIFY(QDir().mkpath(kWork));
    m_plan = kWork + u"/plan"_s;
    // A user that does not exist yet, so that every apply creates it and every rollback removes it.
    int code = -1;
    const QByteArray out = run(
        u"derootctl"_s,
        {u"generate"_s, u"--unit"_s, kUnit, u"--method"_s, u"caps"_s, u"--user"_s, kUser, u"--out"_s, m_plan}, &code);
    QVERIFY2(code == 0, out.constData());
}

void ApplyBench::cleanupTestCase()
{
    QDir(kWork).removeRecursively();
    run(u"systemctl"_s, {u"stop"_s, kUnit});
}

void ApplyBench::engineApplyAndRollback()
{
    const auto request = Core::readApplyRequest(m_plan);
    QVERIFY(request.ok());
    Helper::System system = Helper::System::real();
    system.stateDirectory = u"/var/lib/deroot-bench"_s;
    system.log = {};
    Helper::Engine engine(system);
    QList<double> applyMs;
    QList<double> rollbackMs;
    QMap<QString, QList<double>> stepMs;
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer timer;
        timer.start();
        qint64 last = 0;
        const auto validated = engine.validate(*request);
        QVERIFY2(validated.ok(), validated ? "" : qPrintable(validated.error().message));
        stepMs[u"validate (preflight)"_s].append(double(timer.nsecsElapsed() - last) / 1e6);
        last = timer.nsecsElapsed();
        const auto outcome = engine.apply(*validated, 0, {}, [&](const Helper::StepEvent &event) {
            const qint64 now = timer.nsecsElapsed();
            stepMs[event.kind].append(double(now - last) / 1e6);
            last = now;
        });
        applyMs.append(double(timer.nsecsElapsed()) / 1e6);
        QVERIFY2(outcome.ok() && outcome->ok, outcome ? qPrintable(outcome->message) : "no outcome");
        timer.restart();
        const auto error = engine.rollback(outcome->applyId, 0);
        rollbackMs.append(double(timer.nsecsElapsed()) / 1e6);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
    }
    qInfo("engine, %d runs: apply (validate + every step) median %.1f ms [min %.1f, max %.1f]; rollback median "
          "%.1f ms [min %.1f, max %.1f]",
          kRuns, median(applyMs), *std::min_element(applyMs.begin(), applyMs.end()),
          *std::max_element(applyMs.begin(), applyMs.end()), median(rollbackMs),
          *std::min_element(rollbackMs.begin(), rollbackMs.end()),
          *std::max_element(rollbackMs.begin(), rollbackMs.end()));
    for (auto it = stepMs.cbegin(); it != stepMs.cend(); ++it) {
        qInfo("  step %s: median %.1f ms", qPrintable(it.key()), median(it.value()));
    }
    QDir(u"/var/lib/deroot-bench"_s).removeRecursively();
}

void ApplyBench::derootctlApplyAndRollback()
{
    QList<double> applyMs;
    QList<double> rollbackMs;
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer timer;
        timer.start();
        int code = -1;
        const QByteArray out = run(u"derootctl"_s, {u"apply"_s, u"--json"_s, m_plan}, &code);
        applyMs.append(double(timer.nsecsElapsed()) / 1e6);
        QVERIFY2(code == 0, out.constData());
        const QString id = QJsonDocument::fromJson(out).object().value(u"apply_id"_s).toString();
        timer.restart();
        const QByteArray back = run(u"derootctl"_s, {u"rollback"_s, u"--json"_s, id}, &code);
        rollbackMs.append(double(timer.nsecsElapsed()) / 1e6);
        QVERIFY2(code == 0, back.constData());
    }
    qInfo("derootctl as root, %d runs: apply median %.1f ms, rollback median %.1f ms (the bus, polkitd and "
          "derootctl's own start included)",
          kRuns, median(applyMs), median(rollbackMs));
}

QTEST_GUILESS_MAIN(ApplyBench)
#include "apply_bench.moc"
