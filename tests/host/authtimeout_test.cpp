// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// An authorization left unanswered, end to end in the booted test host (docs/helper.md, "A time
// limit"): an administrator runs `derootctl apply` on a terminal, the real polkitd asks her
// pkttyagent there for a password, and nobody types it. The installed helper, whose limit the test-only
// hook makes 10 s instead of 5 minutes (DEROOT_TEST_AUTHORIZATION_TIMEOUT_MS through an
// Environment= drop-in in /run), refuses the call, exits with status 75 because polkit-qt6 cannot
// cancel the check, and systemd's Restart=on-failure starts it again; the next client call is
// answered by that restarted helper, not busy, and nothing on the system changed.
#include "applysupport.h"
#include "hostsupport.h"
#include "manifest.h"
#include "ptyprocess.h"

#include "core/client/helperclient.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

namespace {

const QString kWork = u"/var/tmp/deroot-authtimeout-test"_s;
const QString kHelperUnit = u"deroot-helper.service"_s;
// In /run, not /etc: the knob must not be part of the /etc manifest the test compares.
const QString kDropInDirectory = u"/run/systemd/system/deroot-helper.service.d"_s;
const QString kDropIn = kDropInDirectory + u"/50-deroot-authtimeout-test.conf"_s;
const int kLimitMs = 10000;
const QString kExits = u"/run/deroot-authtimeout-test.exits"_s;
// An administrator (group sudo: Debian's polkit asks her own password), so that polkitd has a
// prompt to show her agent rather than refusing at once.
const QString kAdmin = u"deroot-abandoner"_s;

// The shell becomes derootctl (exec keeps its pid), so the agent is registered for derootctl's
// process before derootctl asks the helper anything: pkttyagent closes --notify-fd once registered.
const char *const kApplyWithAgent = R"(ready=$(mktemp -u /tmp/deroot-agent.XXXXXX)
mkfifo "$ready" || exit 125
/usr/bin/pkttyagent --process $$ --notify-fd 3 3>"$ready" &
cat "$ready" >/dev/null
rm -f "$ready"
exec /usr/bin/derootctl apply --no-ask-password "$1"
)";

/// Status() of the helper through Deroot's own client, as the desktop asks it.
std::optional<QJsonObject> helperStatus()
{
    Deroot::Core::HelperClient client;
    std::optional<QJsonObject> status;
    QEventLoop loop;
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    client.status([&](const Deroot::Core::Result<QJsonObject> &result) {
        if (result) {
            status = *result;
        } else {
            qWarning("Status: %s", qPrintable(result.error().message));
        }
        loop.quit();
    });
    loop.exec();
    return status;
}

QString journalCursor()
{
    return hostRun(u"journalctl"_s, {u"--no-pager"_s, u"-n"_s, u"0"_s, u"--show-cursor"_s})
        .output.section(u"-- cursor: "_s, 1)
        .trimmed();
}

} // namespace

class AuthTimeoutHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void abandonedPromptRestartsTheHelper();

private:
    QString m_plan;
};

void AuthTimeoutHostTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    if (hostRun(u"id"_s, {u"-u"_s, kAdmin}).exitCode != 0) {
        const HostRun added = hostRun(u"useradd"_s, {u"--no-create-home"_s, u"--shell"_s, u"/bin/sh"_s, u"--groups"_s,
                                                     u"sudo"_s, u"--"_s, kAdmin});
        QVERIFY2(added.exitCode == 0, qPrintable(added.output));
    }
    QDir(kWork).removeRecursively();
    QVERIFY(QDir().mkpath(kWork));
    m_plan = generatePlan(kWork, {u"--unit"_s, u"prometheus-node-exporter.service"_s, u"--method"_s, u"caps"_s});
    QVERIFY(!m_plan.isEmpty());
    makeReadable(kWork);

    QVERIFY(QDir().mkpath(kDropInDirectory));
    QFile dropIn(kDropIn);
    QVERIFY(dropIn.open(QIODevice::WriteOnly | QIODevice::Truncate));
    // And how each helper process ended, as systemd tells ExecStopPost= (which runs before a
    // restart too): the journal has the helper's own words, not always systemd's.
    dropIn.write(u"# tests/host/authtimeout_test.cpp: a short limit on an authorization\n[Service]\n"
                 u"Environment=DEROOT_TEST_AUTHORIZATION_TIMEOUT_MS=%1\n"
                 u"ExecStopPost=/bin/sh -c 'echo \"$$EXIT_CODE $$EXIT_STATUS\" >>%2'\n"_s.arg(kLimitMs)
                     .arg(kExits)
                     .toUtf8());
    dropIn.close();
    hostRun(u"systemctl"_s, {u"daemon-reload"_s});
    hostRun(u"systemctl"_s, {u"stop"_s, kHelperUnit});
    hostRun(u"systemctl"_s, {u"reset-failed"_s, kHelperUnit});
    QVERIFY2(systemctlShow(kHelperUnit, u"Environment"_s).contains(u"DEROOT_TEST_AUTHORIZATION_TIMEOUT_MS"_s),
             qPrintable(systemctlShow(kHelperUnit, u"Environment"_s)));
    // The unit's own restart policy, not one the test set.
    QCOMPARE(systemctlShow(kHelperUnit, u"Restart"_s), u"on-failure"_s);
}

void AuthTimeoutHostTest::cleanupTestCase()
{
    QFile::remove(kDropIn);
    QFile::remove(kExits);
    QDir().rmdir(kDropInDirectory);
    hostRun(u"systemctl"_s, {u"daemon-reload"_s});
    hostRun(u"systemctl"_s, {u"stop"_s, kHelperUnit});
    hostRun(u"systemctl"_s, {u"reset-failed"_s, kHelperUnit});
    hostRun(u"userdel"_s, {u"--"_s, kAdmin});
    QDir(kWork).removeRecursively();
}

void AuthTimeoutHostTest::abandonedPromptRestartsTheHelper()
{
    // The helper that will be left waiting, activated by a first client call.
    const int applies = int(helperHistory().size());
    const QString first = systemctlShow(kHelperUnit, u"MainPID"_s);
    QVERIFY2(first != u"0"_s && !first.isEmpty(), "the helper was not activated");
    QCOMPARE(systemctlShow(kHelperUnit, u"NRestarts"_s), u"0"_s);
    QFile::remove(kExits);
    const Manifest before = systemManifest();
    const QString agentState = systemctlShow(u"prometheus-node-exporter.service"_s, u"ActiveState"_s);
    const QString cursor = journalCursor();

    // derootctl on a terminal, with her pkttyagent registered for its process first. Not the agent
    // derootctl starts itself: that one registers with --fallback, and polkitd uses a fallback
    // agent only for a subject in a login session, which setpriv does not make.
    PtyProcess apply;
    QString error;
    QVERIFY2(apply.start(u"/usr/bin/setpriv"_s,
                         {u"--reuid"_s, kAdmin, u"--regid"_s, kAdmin, u"--init-groups"_s, u"--reset-env"_s, u"--"_s,
                          u"/usr/bin/env"_s, u"LANG=C.UTF-8"_s, u"/bin/sh"_s, u"-c"_s,
                          QString::fromLatin1(kApplyWithAgent), u"sh"_s, m_plan},
                         false, 0, &error),
             qPrintable(error));
    const qsizetype prompt = apply.waitForOutput(u"AUTHENTICATING FOR"_s, 0, 60000);
    QVERIFY2(prompt >= 0, qPrintable(apply.output()));
    QVERIFY2(apply.output().mid(prompt).trimmed().startsWith(u"io.github.deroot.plan.apply"_s),
             qPrintable(apply.output()));
    // The prompt is open and stays unanswered: the helper is busy with it, and says so.
    const std::optional<QJsonObject> waiting = helperStatus();
    QVERIFY(waiting);
    QCOMPARE(waiting->value(u"busy"_s).toBool(), true);
    QCOMPARE(systemctlShow(kHelperUnit, u"MainPID"_s), first);

    // The limit passes: the call is refused in one line, with derootctl's NotAuthorized code.
    QVERIFY2(waitFor([&apply] { return !apply.running(); }, kLimitMs + 60000), qPrintable(apply.output()));
    QCOMPARE(apply.exitCode(), 10);
    QVERIFY2(apply.output().contains(u"polkit gave no answer within 10 seconds"_s), qPrintable(apply.output()));

    // The helper exited with 75 (it says why in the journal, and systemd told ExecStopPost=) and
    // systemd started it again by itself.
    QVERIFY2(waitFor(
                 [&first] {
                     const QString pid = systemctlShow(kHelperUnit, u"MainPID"_s);
                     return systemctlShow(kHelperUnit, u"NRestarts"_s) == u"1"_s &&
                            systemctlShow(kHelperUnit, u"ActiveState"_s) == u"active"_s && pid != u"0"_s &&
                            pid != first;
                 },
                 60000),
             qPrintable(systemctlShow(kHelperUnit, u"NRestarts"_s) + u' ' + systemctlShow(kHelperUnit, u"MainPID"_s)));
    const QString restarted = systemctlShow(kHelperUnit, u"MainPID"_s);
    const QString journal = hostRun(u"journalctl"_s, {u"--no-pager"_s, u"-o"_s, u"cat"_s, u"--after-cursor="_s + cursor,
                                                      u"-u"_s, kHelperUnit})
                                .output;
    QVERIFY2(journal.contains(u"an authorization was not answered in time; restarting to end it"_s),
             qPrintable(journal));
    QFile exits(kExits);
    QVERIFY2(exits.open(QIODevice::ReadOnly), "ExecStopPost= did not run");
    QCOMPARE(QString::fromUtf8(exits.readAll()), u"exited 75\n"_s);

    // The next client call: answered by the restarted helper (no new start), which is not busy.
    const std::optional<QJsonObject> after = helperStatus();
    QVERIFY(after);
    QCOMPARE(after->value(u"busy"_s).toBool(), false);
    QCOMPARE(systemctlShow(kHelperUnit, u"MainPID"_s), restarted);
    QCOMPARE(systemctlShow(kHelperUnit, u"NRestarts"_s), u"1"_s);

    // Nothing changed: no apply in the journal, /etc and the file capabilities byte for byte.
    QCOMPARE(int(helperHistory().size()), applies);
    const QString diff = manifestDiff(before, systemManifest());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QCOMPARE(systemctlShow(u"prometheus-node-exporter.service"_s, u"ActiveState"_s), agentState);
}

QTEST_GUILESS_MAIN(AuthTimeoutHostTest)
#include "authtimeout_test.moc"
