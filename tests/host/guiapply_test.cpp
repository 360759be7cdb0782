// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The end-to-end test, as an administrator meets Deroot, in the booted test host: an
// ordinary login user whom polkit counts as an administrator (Debian: a member of group sudo) runs
// the real `deroot` wizard on a real X server (Xvfb), with pkttyagent as her polkit authentication
// agent on a terminal of its own. The test drives the wizard with real mouse and keyboard input
// (xdotool), aimed and checked through what Qt's accessibility bridge reports of each widget (an
// AT-SPI client on a private bus): it picks the blackbox exporter's service, gives it a new user
// and CAP_NET_RAW, goes to Finish, clicks Apply and confirms. The installed helper then asks the
// real polkitd, which asks the agent; the test reads the prompt on the terminal and types the
// password. The prompt must name the program and the capabilities, the helper's journal the
// user's uid, and the running agent must have exactly the plan's user and capabilities. Undo,
// clicked in the wizard and authorized the same way, must restore /etc and every file capability
// byte for byte and leave no service user. Screenshots of the screen go to the build folder.
#include "applysupport.h"
#include "atspiclient.h"
#include "hostsupport.h"
#include "manifest.h"
#include "ptyprocess.h"
#include "xwdimage.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <memory>
#include <optional>

#include <csignal>
#include <sys/stat.h>

using namespace Deroot::TestSupport;
using namespace Qt::StringLiterals;

class GuiApplyHostTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void adminAppliesAndUndoesInTheWizard();

private:
    // The steps of the test, in order; each fails the test with what the screen showed.
    void startDesktop();
    void chooseTheService();
    void watchItRunWithPassword();
    void walkToAdjust();
    void adjustUserAndCapabilities();
    void proveWithPassword();
    void applyWithPassword();
    void checkTheRunningAgent();
    void undoWithPassword();

    /// Polls @p find every 200 ms until it finds something or @p timeoutMs passed.
    std::optional<AccessibleNode> waitForNode(const std::function<std::optional<AccessibleNode>()> &find,
                                              int timeoutMs);
    /// The shown widget named @p objectName, waited for; with @p enabled, until it is also enabled.
    std::optional<AccessibleNode> waitForObject(const QString &objectName, int timeoutMs, bool enabled = false);
    /// The shown item view (tree, table, list) whose accessible name is @p name, waited for. Not by
    /// object name: Qt 6.8 gives an item view its accessible name as its accessible id.
    std::optional<AccessibleNode> waitForView(const QString &name, int timeoutMs);
    /// The shown push button labelled @p name in the dialog named @p dialogObject, waited for.
    std::optional<AccessibleNode> waitForDialogButton(const QString &dialogObject, const QString &name, int timeoutMs);
    /// The text of the shown label named @p objectName (empty when it is not shown).
    QString labelText(const QString &objectName);
    /// @p node once the mouse wheel has scrolled it into the viewport of the scroll area whose
    /// object name (or accessible id's tail) is @p scrollArea; nothing when it could not.
    std::optional<AccessibleNode> scrolledTo(const AccessibleNode &node, const QString &scrollArea);
    /// Types @p value over the contents of the spin box named @p objectName in an opening dialog,
    /// waited for; false when it did not show.
    bool typeInto(const QString &objectName, const QString &value);
    /// A real click (mouse move, press, release) in the middle of @p node.
    bool click(const AccessibleNode &node, int count = 1);
    /// xdotool with @p arguments on the test's display.
    HostRun xdotool(const QStringList &arguments);
    /// The whole screen as a PNG in the build folder (named "N-name.png"); its path.
    QString screenshot(const QString &name);
    /// What the screen showed and what the programs said, for a failure message.
    QString context();
    /// A prompt of the agent: waits for the next "Password:" after @p from and returns the
    /// prompt's text from its "AUTHENTICATING FOR" line.
    QString waitForPrompt(qsizetype *from);

    QProcess m_xserver;
    QProcess m_bus;
    QProcess m_gui;
    PtyProcess m_agent;
    std::unique_ptr<AtspiClient> m_a11y;
    QProcessEnvironment m_xenv; ///< DISPLAY and XAUTHORITY for xdotool and xwd
    QString m_busAddress;
    QString m_password;
    QString m_adminUid;
    QString m_applyId;           ///< the wizard's apply, until it is rolled back
    QString m_planSha256;        ///< as the wizard's confirmation named it
    bool m_createdAdmin = false; ///< the admin user is the test's: cleanupTestCase() removes her
    bool m_wasActive = false;    ///< the exporter ran before the test started it
    QString m_vendorUser;        ///< the user the package's unit runs it as
    Manifest m_before;
    int m_shots = 0;
    qsizetype m_promptOffset = 0;
};

namespace {
const QString kAdmin = u"alice"_s;
const QString kUnit = u"prometheus-blackbox-exporter.service"_s;
const QString kProgram = u"/usr/bin/prometheus-blackbox-exporter"_s;
const QString kServiceUser = u"deroot-blackbox"_s;
const QString kCapability = u"CAP_NET_RAW"_s;
constexpr quint64 kCapNetRaw = quint64(1) << 13;
const QString kWork = u"/run/deroot-guiapply-test"_s;
const QString kShots = QStringLiteral(DEROOT_SCREENSHOT_DIR);
constexpr int kStartTimeoutMs = 60000;
constexpr int kInspectTimeoutMs = 60000;
constexpr int kApplyTimeoutMs = 120000;
constexpr int kStepTimeoutMs = 15000;

// The accessibility bus: alice's (it runs as her). dbus-daemon admits only its own user unless the
// policy names others: root, the test, reads the tree through it.
const char *kBusConfig = R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=@DIR@/bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="root"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)";

/// `setpriv` arguments that run @p command as @p user with a clean environment (HOME, USER and
/// PATH of the user, as a login sets them); @p command's leading VAR=VALUE words add to it.
QStringList asUser(const QString &user, const QStringList &command)
{
    return QStringList{u"--reuid"_s,
                       user,
                       u"--regid"_s,
                       user,
                       u"--init-groups"_s,
                       u"--reset-env"_s,
                       u"--"_s,
                       u"/usr/bin/env"_s,
                       u"LANG=C.UTF-8"_s} +
           command;
}

HostRun runWithInput(const QString &program, const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        return {-1, QString::fromUtf8(process.readAll()) + u"\n(timed out or crashed)"_s};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAll())};
}

QString userId(const QString &user)
{
    const HostRun id = hostRun(u"id"_s, {u"-u"_s, u"--"_s, user});
    return id.exitCode == 0 ? id.output.trimmed() : QString();
}

/// The processes whose real uid is @p uid.
QList<qint64> processesOf(const QString &uid)
{
    QList<qint64> pids;
    static const QRegularExpression realUid(u"^Uid:\\s+(\\d+)\\s"_s, QRegularExpression::MultilineOption);
    for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        if (number && realUid.match(procStatus(entry)).captured(1) == uid) {
            pids << pid;
        }
    }
    return pids;
}

void stopProcess(QProcess &process)
{
    if (process.state() != QProcess::NotRunning) {
        process.terminate();
        if (!process.waitForFinished(3000)) {
            process.kill();
            process.waitForFinished(3000);
        }
    }
}
} // namespace

void GuiApplyHostTest::initTestCase()
{
    QVERIFY2(QFile::exists(u"/run/systemd/system"_s), "not inside the booted test host");
    for (const QString &tool : {u"/usr/bin/Xvfb"_s, u"/usr/bin/xauth"_s, u"/usr/bin/xdotool"_s, u"/usr/bin/xwd"_s,
                                u"/usr/bin/pkttyagent"_s, u"/usr/bin/dbus-daemon"_s, u"/usr/bin/deroot"_s}) {
        QVERIFY2(QFile::exists(tool), qPrintable(tool + u" is missing in the test host"_s));
    }
    QVERIFY2(userId(kServiceUser).isEmpty(), "the service user exists before the test");
    // Only this run's pictures: an older run's "failed" would otherwise sit among them.
    QDir(kShots).removeRecursively();
    QVERIFY(QDir().mkpath(kShots));

    // An ordinary login user whom Debian's polkit counts as an administrator: a member of sudo
    // (/usr/share/polkit-1/rules.d/50-default.rules names unix-group:sudo).
    QVERIFY2(userId(kAdmin).isEmpty(), "the admin user exists before the test");
    const HostRun added = hostRun(
        u"useradd"_s, {u"--create-home"_s, u"--shell"_s, u"/bin/bash"_s, u"--groups"_s, u"sudo"_s, u"--"_s, kAdmin});
    QVERIFY2(added.exitCode == 0, qPrintable(added.output));
    m_createdAdmin = true;
    m_password = u"e2e-"_s + QString::number(QRandomGenerator::system()->generate64(), 36);
    const HostRun password = runWithInput(u"chpasswd"_s, {}, (kAdmin + u':' + m_password + u'\n').toUtf8());
    QVERIFY2(password.exitCode == 0, qPrintable(password.output));
    m_adminUid = userId(kAdmin);
    QVERIFY(!m_adminUid.isEmpty());

    QDir(kWork).removeRecursively();
    QVERIFY(QDir().mkpath(kWork));
    QVERIFY(hostRun(u"chown"_s, {kAdmin + u':' + kAdmin, kWork}).exitCode == 0);

    // The admin's agent runs, as the package made it (as the user prometheus), which is what
    // brings her to Deroot; the wizard lists the services systemd has loaded.
    m_wasActive = systemctlShow(kUnit, u"ActiveState"_s) == u"active";
    const HostRun started = hostRun(u"systemctl"_s, {u"start"_s, u"--"_s, kUnit});
    QVERIFY2(started.exitCode == 0, qPrintable(started.output));
    m_vendorUser = systemctlShow(kUnit, u"User"_s);
    QVERIFY(!m_vendorUser.isEmpty());

    // What Undo must restore: taken with the admin in place, before anything of Deroot's runs.
    m_before = systemManifest();
}

void GuiApplyHostTest::cleanupTestCase()
{
    // Also after a failure half way: the programs first (the agent would answer nothing more),
    // then whatever the wizard applied and did not undo, then the user.
    m_a11y.reset();
    m_agent.stop();
    stopProcess(m_gui);
    stopProcess(m_bus);
    stopProcess(m_xserver);
    // Every apply of hers still in place, newest first: also one whose outcome the wizard never
    // showed (the test failed between the click and the reply).
    for (const QJsonValue &value : helperHistory()) {
        const QJsonObject entry = value.toObject();
        const QString state = entry.value(u"state"_s).toString();
        if (QString::number(entry.value(u"caller_uid"_s).toInt()) != m_adminUid ||
            (state != u"applied" && state != u"pending")) {
            continue;
        }
        const QString id = entry.value(u"id"_s).toString();
        const CtlRun rolledBack = derootctl({u"rollback"_s, u"--json"_s, id});
        if (rolledBack.exitCode != 0) {
            qWarning("rollback of %s failed: %s%s", qPrintable(id), qPrintable(rolledBack.out),
                     qPrintable(rolledBack.err));
        }
    }
    if (!m_wasActive) {
        hostRun(u"systemctl"_s, {u"stop"_s, u"--"_s, kUnit});
    }
    QDir(kWork).removeRecursively();
    if (!m_createdAdmin) {
        return;
    }
    // userdel refuses a user who still has processes: what the programs above started as her
    // (a validator of the GUI's, the agent's helper) is given a moment to end, then ended by pid.
    if (!m_adminUid.isEmpty() && !waitFor([&] { return processesOf(m_adminUid).isEmpty(); }, 5000)) {
        for (const qint64 pid : processesOf(m_adminUid)) {
            kill(pid_t(pid), SIGKILL);
        }
        waitFor([&] { return processesOf(m_adminUid).isEmpty(); }, 5000);
    }
    const HostRun removed = hostRun(u"userdel"_s, {u"--remove"_s, u"--"_s, kAdmin});
    if (removed.exitCode != 0) {
        qWarning("userdel %s: %s", qPrintable(kAdmin), qPrintable(removed.output));
    }
}

void GuiApplyHostTest::adminAppliesAndUndoesInTheWizard()
{
    using Step = void (GuiApplyHostTest::*)();
    const std::pair<const char *, Step> steps[] = {
        {"start the desktop", &GuiApplyHostTest::startDesktop},
        {"choose and inspect the service", &GuiApplyHostTest::chooseTheService},
        {"watch it run with the password", &GuiApplyHostTest::watchItRunWithPassword},
        {"walk to Adjust", &GuiApplyHostTest::walkToAdjust},
        {"adjust, walk to Finish", &GuiApplyHostTest::adjustUserAndCapabilities},
        {"prove it with the password", &GuiApplyHostTest::proveWithPassword},
        {"apply with the password", &GuiApplyHostTest::applyWithPassword},
        {"check the running agent", &GuiApplyHostTest::checkTheRunningAgent},
        {"undo with the password", &GuiApplyHostTest::undoWithPassword},
    };
    for (const auto &[name, step] : steps) {
        // Reported, never asserted: where the time goes when the test is slow.
        QElapsedTimer took;
        took.start();
        (this->*step)();
        qInfo("%s: %lld ms", name, took.elapsed());
        if (QTest::currentTestFailed()) {
            screenshot(u"failed"_s);
            qWarning("%s", qPrintable(context()));
            return;
        }
    }
}

void GuiApplyHostTest::startDesktop()
{
    // The X server, with a cookie only alice (and root) can read.
    int display = 77;
    while (QFile::exists(u"/tmp/.X%1-lock"_s.arg(display))) {
        ++display;
    }
    const QString xauthority = u"/home/%1/.Xauthority"_s.arg(kAdmin);
    const QByteArray cookie = QByteArray::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, '0') +
                              QByteArray::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, '0');
    const HostRun xauth =
        hostRun(u"setpriv"_s, asUser(kAdmin, {u"/usr/bin/xauth"_s, u"-f"_s, xauthority, u"add"_s, u":%1"_s.arg(display),
                                              u"MIT-MAGIC-COOKIE-1"_s, QString::fromLatin1(cookie)}));
    QVERIFY2(xauth.exitCode == 0, qPrintable(xauth.output));
    m_xserver.setProcessChannelMode(QProcess::MergedChannels);
    m_xserver.start(u"/usr/bin/Xvfb"_s, {u":%1"_s.arg(display), u"-screen"_s, u"0"_s, u"1280x900x24"_s, u"-nolisten"_s,
                                         u"tcp"_s, u"-auth"_s, xauthority});
    QVERIFY2(m_xserver.waitForStarted(), qPrintable(m_xserver.errorString()));
    m_xenv = QProcessEnvironment::systemEnvironment();
    m_xenv.insert(u"DISPLAY"_s, u":%1"_s.arg(display));
    m_xenv.insert(u"XAUTHORITY"_s, xauthority);
    QVERIFY2(waitFor([&] { return xdotool({u"getdisplaygeometry"_s}).exitCode == 0; }, kStartTimeoutMs),
             qPrintable(u"Xvfb did not accept connections: "_s + QString::fromUtf8(m_xserver.readAll())));

    // The accessibility bus, run by alice as a desktop session runs hers.
    QFile config(kWork + u"/a11y-bus.conf"_s);
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write(QByteArray(kBusConfig).replace("@DIR@", kWork.toUtf8()));
    config.close();
    m_bus.start(u"setpriv"_s, asUser(kAdmin, {u"/usr/bin/dbus-daemon"_s, u"--config-file="_s + config.fileName(),
                                              u"--nofork"_s, u"--print-address=1"_s}));
    QVERIFY(waitFor([&] { return m_bus.canReadLine() || m_bus.state() == QProcess::NotRunning; }, kStartTimeoutMs));
    m_busAddress = QString::fromUtf8(m_bus.readLine()).trimmed();
    QVERIFY2(!m_busAddress.isEmpty(), qPrintable(QString::fromUtf8(m_bus.readAllStandardError())));

    // The real GUI as alice, on that display. AT_SPI_BUS_ADDRESS turns Qt's accessibility bridge
    // on and points it at the bus (Qt's DBusConnection reads it first).
    m_gui.setProcessChannelMode(QProcess::MergedChannels);
    m_gui.start(u"setpriv"_s,
                asUser(kAdmin, {u"DISPLAY=:%1"_s.arg(display), u"XAUTHORITY="_s + xauthority,
                                u"DBUS_SESSION_BUS_ADDRESS="_s + m_busAddress, u"AT_SPI_BUS_ADDRESS="_s + m_busAddress,
                                u"QT_QPA_PLATFORM=xcb"_s, u"/usr/bin/deroot"_s}));
    QVERIFY2(m_gui.waitForStarted(), qPrintable(m_gui.errorString()));
    m_a11y = std::make_unique<AtspiClient>(m_busAddress);
    QVERIFY2(m_a11y->connected(), "cannot connect to the accessibility bus");
    QVERIFY2(m_a11y->attach(m_gui.processId(), kStartTimeoutMs),
             qPrintable(u"the wizard did not appear on the accessibility bus: "_s + m_a11y->error() +
                        u"; it printed: "_s + QString::fromUtf8(m_gui.readAll())));

    // Its window mapped by the X server, not only shown by Qt: clicks before that would be lost.
    const HostRun mapped = xdotool({u"search"_s, u"--sync"_s, u"--onlyvisible"_s, u"--name"_s, u"^Deroot$"_s});
    QVERIFY2(mapped.exitCode == 0, qPrintable(u"the wizard's window was not mapped: "_s + mapped.output));

    // Her authentication agent for the GUI's process, on a terminal, as she would run it there.
    QString error;
    QVERIFY2(m_agent.start(u"/usr/bin/setpriv"_s,
                           asUser(kAdmin, {u"/usr/bin/pkttyagent"_s, u"--process"_s, QString::number(m_gui.processId()),
                                           u"--notify-fd"_s, u"3"_s}),
                           true, kStartTimeoutMs, &error),
             qPrintable(error));
}

void GuiApplyHostTest::chooseTheService()
{
    // The services tab, filtered, and the exporter's row activated with a double click.
    const auto tab = waitForNode(
        [&] {
            return m_a11y->find(
                [](const AccessibleNode &node) { return node.role == u"page tab" && node.name == u"Services"; });
        },
        kStartTimeoutMs);
    QVERIFY2(tab, "no Services tab on the first page");
    QVERIFY(click(*tab));
    const auto filter = waitForObject(u"serviceFilterLineEdit"_s, kStepTimeoutMs);
    QVERIFY2(filter, "the service filter did not appear");
    QVERIFY(click(*filter));
    QVERIFY(xdotool({u"type"_s, u"--delay"_s, u"20"_s, u"blackbox"_s}).exitCode == 0);
    QVERIFY2(waitFor([&] { return m_a11y->text(*filter) == u"blackbox"; }, kStepTimeoutMs),
             qPrintable(m_a11y->text(*filter)));
    const auto view = waitForView(u"Systemd services"_s, kStepTimeoutMs);
    QVERIFY2(view, "no service list");
    // The list is read off the GUI thread when the page opens: wait for the unit's row.
    const auto row = waitForNode(
        [&] { return m_a11y->find([](const AccessibleNode &node) { return node.name == kUnit; }, view->path); },
        kInspectTimeoutMs);
    QVERIFY2(row, "the exporter's unit is not in the service list");
    QVERIFY(click(*row, 2));
    // Inspected: Next is enabled.
    const auto next = waitForObject(u"nextPushButton"_s, kInspectTimeoutMs, true);
    QVERIFY2(next, qPrintable(u"the inspection did not finish: "_s + labelText(u"agentStatusLabel"_s)));
    QVERIFY2(labelText(u"agentStatusLabel"_s).startsWith(u"Inspected"_s), qPrintable(labelText(u"agentStatusLabel"_s)));
    screenshot(u"agent"_s);
}

void GuiApplyHostTest::watchItRunWithPassword()
{
    // What it needs: "Watch it run" watches the running unit through the helper, for 3 seconds.
    const auto next = waitForObject(u"nextPushButton"_s, kStepTimeoutMs, true);
    QVERIFY(next);
    QVERIFY(click(*next));
    QVERIFY2(waitForObject(u"needsPage"_s, kStepTimeoutMs), "the What-it-needs page did not open");
    const auto watch = waitForObject(u"watchItRunButton"_s, kStepTimeoutMs, true);
    QVERIFY2(watch, "no Watch it run button");
    QVERIFY(click(*watch));
    QVERIFY2(typeInto(u"observeSecondsSpinBox"_s, u"3"_s), "the Watch it run dialog did not open");
    const auto start = waitForObject(u"observeStartButton"_s, kStepTimeoutMs, true);
    QVERIFY(start);
    screenshot(u"watch"_s);
    QVERIFY(click(*start));

    // The helper asks polkit, which asks her agent, naming the unit and the time.
    const QString prompt = waitForPrompt(&m_promptOffset);
    QVERIFY2(!prompt.isEmpty(), qPrintable(u"no password prompt; the agent printed:\n"_s + m_agent.output()));
    for (const QString &expected :
         {u"AUTHENTICATING FOR io.github.deroot.observe.watch"_s, kUnit, u"for 3 seconds"_s}) {
        QVERIFY2(prompt.contains(expected),
                 qPrintable(u"the prompt does not say \""_s + expected + u"\":\n"_s + prompt));
    }
    QVERIFY(m_agent.write(m_password.toUtf8() + '\n'));
    const qsizetype done = m_agent.waitForOutput(u"==== AUTHENTICATION "_s, m_promptOffset, kStepTimeoutMs);
    QVERIFY2(done >= 0 && m_agent.output().mid(done).startsWith(u"COMPLETE"_s), qPrintable(m_agent.output()));

    // The recording comes back: what was watched, and how; then it joins the needs.
    const auto add = waitForObject(u"observeAddButton"_s, kApplyTimeoutMs, true);
    QVERIFY2(add, qPrintable(u"the watch did not finish: "_s + labelText(u"observeStatusLabel"_s)));
    QVERIFY2(labelText(u"observeStatusLabel"_s).startsWith(u"Done: "_s),
             qPrintable(labelText(u"observeStatusLabel"_s)));
    const auto result = waitForObject(u"observeResultTextEdit"_s, kStepTimeoutMs);
    QVERIFY(result);
    const QString found = m_a11y->text(*result);
    QVERIFY2(found.startsWith(u"Observed unit %1 as %2 with "_s.arg(kUnit, m_vendorUser)), qPrintable(found));
    screenshot(u"watched"_s);
    QVERIFY(click(*add));
    QVERIFY2(waitFor([&] { return labelText(u"watchedLabel"_s).contains(u"observed"_s); }, kStepTimeoutMs),
             qPrintable(labelText(u"watchedLabel"_s)));
}

void GuiApplyHostTest::walkToAdjust()
{
    // Where it runs, the method: the defaults (a server, systemd), then the capabilities
    // method, which the recommendation may or may not have chosen.
    for (const QString &page : {u"environmentPage"_s, u"recommendationPage"_s}) {
        const auto next = waitForObject(u"nextPushButton"_s, kStepTimeoutMs, true);
        QVERIFY2(next, qPrintable(u"Next is not enabled before "_s + page));
        QVERIFY(click(*next));
        QVERIFY2(waitForObject(page, kStepTimeoutMs), qPrintable(page + u" did not open"_s));
    }
    const auto table = waitForView(u"The three methods; select the one to use"_s, kStepTimeoutMs);
    QVERIFY2(table, "no methods table");
    const auto caps = m_a11y->find(
        [](const AccessibleNode &node) {
            // Named "Service user + hardened unit" when the plan grants no capability.
            return node.name.startsWith(u"Linux capabilities"_s) || node.name == u"Service user + hardened unit"_s;
        },
        table->path);
    QVERIFY2(caps, "no capabilities row in the methods table");
    QVERIFY(click(*caps));
    QVERIFY(waitFor(
        [&] {
            const auto now = m_a11y->refresh(*caps);
            return now && now->has(AccessibleNode::Selected);
        },
        kStepTimeoutMs));
    const auto next = waitForObject(u"nextPushButton"_s, kStepTimeoutMs, true);
    QVERIFY(next);
    QVERIFY(click(*next));
    QVERIFY2(waitForObject(u"adjustPage"_s, kStepTimeoutMs), "the Adjust page did not open");
}

void GuiApplyHostTest::adjustUserAndCapabilities()
{
    // A user of its own, typed over the proposed one.
    const auto user = waitForObject(u"serviceUserLineEdit"_s, kStepTimeoutMs);
    QVERIFY(user);
    QVERIFY(click(*user));
    QVERIFY(xdotool({u"key"_s, u"ctrl+a"_s}).exitCode == 0);
    QVERIFY(xdotool({u"type"_s, u"--delay"_s, u"20"_s, kServiceUser}).exitCode == 0);
    QVERIFY2(waitFor([&] { return m_a11y->text(*user) == kServiceUser; }, kStepTimeoutMs),
             qPrintable(m_a11y->text(*user)));

    // CAP_NET_RAW, which the exporter needs for ICMP probes (conditional in the catalog): a click
    // on the list, the name typed (the view's keyboard search scrolls to its row), Space checks it.
    const auto tree = waitForView(u"Capabilities the agent gets; check to grant"_s, kStepTimeoutMs);
    QVERIFY2(tree, "no capabilities list");
    const auto firstCell =
        m_a11y->find([](const AccessibleNode &node) { return node.name.startsWith(u"CAP_"_s); }, tree->path);
    QVERIFY2(firstCell, qPrintable(u"no capability in the list:\n"_s + m_a11y->dump(tree->path)));
    QVERIFY(click(*firstCell));
    QVERIFY(xdotool({u"type"_s, u"--delay"_s, u"20"_s, kCapability}).exitCode == 0);
    const auto row = waitForNode(
        [&] {
            return m_a11y->find(
                [](const AccessibleNode &node) {
                    // "CAP_NET_RAW (optional need)": the catalog's conditional need, unchecked.
                    return (node.name == kCapability || node.name.startsWith(kCapability + u' ')) &&
                           node.has(AccessibleNode::Selected);
                },
                tree->path);
        },
        kStepTimeoutMs);
    QVERIFY2(row, qPrintable(u"typing its name did not select "_s + kCapability + u":\n"_s + m_a11y->dump(tree->path)));
    if (!row->has(AccessibleNode::Checked)) {
        QVERIFY(xdotool({u"key"_s, u"space"_s}).exitCode == 0);
    }
    QVERIFY2(waitFor(
                 [&] {
                     const auto now = m_a11y->refresh(*row);
                     return now && now->has(AccessibleNode::Checked);
                 },
                 kStepTimeoutMs),
             qPrintable(m_a11y->dump(tree->path)));
    QVERIFY2(labelText(u"adjustErrorLabel"_s).isEmpty(), qPrintable(labelText(u"adjustErrorLabel"_s)));

    // The preview, then Finish.
    for (const QString &page : {u"previewPage"_s, u"finishPage"_s}) {
        const auto next = waitForObject(u"nextPushButton"_s, kStepTimeoutMs, true);
        QVERIFY2(next, qPrintable(u"Next is not enabled before "_s + page));
        QVERIFY(click(*next));
        QVERIFY2(waitForObject(page, kStepTimeoutMs), qPrintable(page + u" did not open"_s));
    }
}

void GuiApplyHostTest::proveWithPassword()
{
    // Finish: the plan is a drop-in for the package's own unit; "Prove it" runs a copy of that unit
    // with the drop-in, and says the unit must be stopped meanwhile.
    const auto apply = waitForObject(u"applyPushButton"_s, kApplyTimeoutMs, true);
    QVERIFY2(apply, qPrintable(u"Apply is not enabled: "_s + labelText(u"applyPermissionLabel"_s)));
    const auto prove = waitForObject(u"provePushButton"_s, kStepTimeoutMs, true);
    QVERIFY2(prove, qPrintable(u"Prove it is not enabled: "_s + labelText(u"proveLabel"_s)));
    QVERIFY2(labelText(u"proveLabel"_s).contains(u"copy of %1 with the plan's drop-in"_s.arg(kUnit)),
             qPrintable(labelText(u"proveLabel"_s)));
    QVERIFY(click(*prove));
    QVERIFY2(typeInto(u"proveSecondsSpinBox"_s, u"2"_s), "the Prove dialog did not open");
    const auto start = waitForObject(u"proveStartButton"_s, kStepTimeoutMs, true);
    QVERIFY(start);

    // The exporter runs: the dialog says to stop it, and no password is asked for.
    const QString agentBefore = m_agent.output();
    QVERIFY(click(*start));
    QVERIFY2(waitFor([&] { return labelText(u"proveStatusLabel"_s).startsWith(u"The trials did not run: "_s); },
                     kStepTimeoutMs),
             qPrintable(labelText(u"proveStatusLabel"_s)));
    QVERIFY2(labelText(u"proveStatusLabel"_s).contains(u"stop it for the proof (systemctl stop %1)"_s.arg(kUnit)),
             qPrintable(labelText(u"proveStatusLabel"_s)));
    screenshot(u"prove-running"_s);
    QCOMPARE(m_agent.output(), agentBefore);

    // She stops it in a terminal and starts the trials again: the helper asks polkit, whose prompt
    // names the unit the trials copy.
    QCOMPARE(hostRun(u"systemctl"_s, {u"stop"_s, u"--"_s, kUnit}).exitCode, 0);
    const auto again = waitForObject(u"proveStartButton"_s, kStepTimeoutMs, true);
    QVERIFY(again);
    QVERIFY(click(*again));
    const QString prompt = waitForPrompt(&m_promptOffset);
    QVERIFY2(!prompt.isEmpty(), qPrintable(u"no password prompt; the agent printed:\n"_s + m_agent.output()));
    QFile saved(kShots + u"/prompt-prove.txt"_s);
    if (saved.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        saved.write(prompt.toUtf8());
    }
    for (const QString &expected :
         {u"AUTHENTICATING FOR io.github.deroot.prove.run"_s, u"run %1 of the Deroot plan"_s.arg(kProgram),
          u"as the user %1"_s.arg(kServiceUser), u"with the capabilities %1"_s.arg(kCapability),
          u"unit: %1 with the plan's drop-in, whose commands marked + or ! run as root;"_s.arg(kUnit)}) {
        QVERIFY2(prompt.contains(expected),
                 qPrintable(u"the prompt does not say \""_s + expected + u"\":\n"_s + prompt));
    }
    QVERIFY(m_agent.write(m_password.toUtf8() + '\n'));
    const qsizetype done = m_agent.waitForOutput(u"==== AUTHENTICATION "_s, m_promptOffset, kStepTimeoutMs);
    QVERIFY2(done >= 0 && m_agent.output().mid(done).startsWith(u"COMPLETE"_s), qPrintable(m_agent.output()));

    // The helper tells the dialog of each trial as it ends: the second one is announced while it runs.
    QVERIFY2(waitFor([&] { return labelText(u"proveStatusLabel"_s).startsWith(u"Trial 2 of "_s); }, kApplyTimeoutMs),
             qPrintable(labelText(u"proveStatusLabel"_s)));

    // The report: the plan works (the user it will have is lent by systemd for the trials), with a
    // verdict for CAP_NET_RAW either way, and a note that the trials ran a copy of the unit.
    QVERIFY2(waitFor([&] { return labelText(u"proveStatusLabel"_s).startsWith(u"The plan works"_s); }, kApplyTimeoutMs),
             qPrintable(labelText(u"proveStatusLabel"_s)));
    const auto trials = waitForView(u"The trials and the verdicts"_s, kStepTimeoutMs);
    QVERIFY2(trials, "no trials list");
    const QString listed = m_a11y->dump(trials->path, 400);
    for (const QString &expected : {u"With every capability"_s, u"Without %1"_s.arg(kCapability)}) {
        QVERIFY2(listed.contains(expected), qPrintable(expected + u" not in:\n"_s + listed));
    }
    const QString notes = labelText(u"proveNotesLabel"_s);
    for (const QString &expected : {u"Each trial ran a copy of %1"_s.arg(kUnit), u"DynamicUser=yes"_s}) {
        QVERIFY2(notes.contains(expected), qPrintable(expected + u" not in the notes:\n"_s + notes));
    }
    screenshot(u"proved"_s);
    QCOMPARE(
        hostRun(u"systemctl"_s, {u"list-units"_s, u"--all"_s, u"--no-legend"_s, u"deroot-prove-*"_s}).output.trimmed(),
        QString());
    QCOMPARE(QDir(u"/run/systemd/system"_s).entryList({u"deroot-prove-*"_s}, QDir::AllEntries | QDir::System),
             QStringList());

    // Closed without dropping anything; the exporter runs again as before, for the apply.
    const auto close = waitForDialogButton(u"proveDialog"_s, u"Close"_s, kStepTimeoutMs);
    QVERIFY2(close, "no Close button in the Prove dialog");
    QVERIFY(click(*close));
    QCOMPARE(hostRun(u"systemctl"_s, {u"start"_s, u"--"_s, kUnit}).exitCode, 0);
}

void GuiApplyHostTest::applyWithPassword()
{
    // The button waits for the validators and for polkit's answer without interaction: for an
    // administrator at auth_admin, a lock and "needs authentication".
    const auto apply = waitForObject(u"applyPushButton"_s, kApplyTimeoutMs, true);
    QVERIFY2(apply, qPrintable(u"Apply is not enabled: "_s + labelText(u"applyPermissionLabel"_s)));
    QVERIFY2(labelText(u"applyPermissionLabel"_s).contains(u"administrator's password"_s),
             qPrintable(labelText(u"applyPermissionLabel"_s)));
    screenshot(u"finish"_s);
    QVERIFY(click(*apply));

    // The confirmation names the plan's SHA-256, which the prompt must name too.
    const auto confirm = waitForDialogButton(u"applyConfirmMessageBox"_s, u"Apply"_s, kStepTimeoutMs);
    QVERIFY2(confirm, "no confirmation with an Apply button");
    const QString question = labelText(u"qt_msgbox_label"_s);
    const auto sha = QRegularExpression(u"Plan SHA-256: ([0-9a-f]{64})"_s).match(question);
    QVERIFY2(sha.hasMatch(), qPrintable(question));
    m_planSha256 = sha.captured(1);
    QVERIFY(click(*confirm));

    // polkitd asks alice's agent; the prompt names what is granted.
    const QString prompt = waitForPrompt(&m_promptOffset);
    QVERIFY2(!prompt.isEmpty(), qPrintable(u"no password prompt; the agent printed:\n"_s + m_agent.output()));
    screenshot(u"prompt"_s);
    QFile saved(kShots + u"/prompt-apply.txt"_s);
    if (saved.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        saved.write(prompt.toUtf8());
    }
    for (const QString &expected :
         {u"AUTHENTICATING FOR io.github.deroot.plan.apply"_s, u"run %1 as the user %2 "_s.arg(kProgram, kServiceUser),
          u"with the capabilities %1;"_s.arg(kCapability), u"unit: %1;"_s.arg(kUnit),
          u"plan SHA-256 %1"_s.arg(m_planSha256)}) {
        QVERIFY2(prompt.contains(expected),
                 qPrintable(u"the prompt does not say \""_s + expected + u"\":\n"_s + prompt));
    }
    // Her own password is asked for: she is the administrator, alone or among others.
    QVERIFY2(QRegularExpression(u"^(Authenticating as: %1|\\s*\\d+\\.\\s+%1)$"_s.arg(kAdmin),
                                QRegularExpression::MultilineOption)
                 .match(prompt)
                 .hasMatch(),
             qPrintable(prompt));
    QVERIFY(m_agent.write(m_password.toUtf8() + '\n'));
    const qsizetype done = m_agent.waitForOutput(u"==== AUTHENTICATION "_s, m_promptOffset, kStepTimeoutMs);
    QVERIFY2(done >= 0 && m_agent.output().mid(done).startsWith(u"COMPLETE"_s), qPrintable(m_agent.output()));

    // The outcome in the wizard: applied, with its id and the agent's check.
    const auto undo = waitForObject(u"undoPushButton"_s, kApplyTimeoutMs, true);
    const QString status = labelText(u"applyStatusLabel"_s);
    QVERIFY2(undo, qPrintable(u"no Undo after the apply: "_s + status));
    const auto id = QRegularExpression(u"Apply id: (\\d{8}T\\d{6}Z-[0-9a-f]{8})"_s).match(labelText(u"applyIdLabel"_s));
    QVERIFY2(id.hasMatch(), qPrintable(labelText(u"applyIdLabel"_s)));
    m_applyId = id.captured(1);
    QVERIFY2(status.startsWith(u"Applied: "_s), qPrintable(status));
    const QString agentCheck = labelText(u"agentCheckLabel"_s);
    QVERIFY2(agentCheck.contains(u"CapEff: "_s) && !agentCheck.contains(u"but the plan expects"_s),
             qPrintable(agentCheck));
    screenshot(u"applied"_s);

    // The helper's journal: the apply, by alice's uid, of the plan the prompt named.
    const QJsonObject entry = historyEntry(m_applyId);
    QCOMPARE(entry.value(u"state"_s).toString(), u"applied"_s);
    QCOMPARE(QString::number(entry.value(u"caller_uid"_s).toInt()), m_adminUid);
    QCOMPARE(entry.value(u"plan_sha256"_s).toString(), m_planSha256);
    QString logged;
    QVERIFY2(
        waitFor(
            [&] {
                logged =
                    hostRun(u"journalctl"_s, {u"--no-pager"_s, u"-o"_s, u"cat"_s, u"-t"_s, u"deroot-helper"_s}).output;
                return logged.contains(u"caller uid %1: apply %2"_s.arg(m_adminUid, m_applyId));
            },
            5000),
        qPrintable(logged.right(2000)));
}

void GuiApplyHostTest::checkTheRunningAgent()
{
    // The exporter runs as the new user with exactly CAP_NET_RAW: equal to the plan's set, not
    // merely containing it, in every set that grants (effective, permitted, ambient) and in the
    // bounding set, which limits what it could ever gain.
    QCOMPARE(systemctlShow(kUnit, u"ActiveState"_s), u"active"_s);
    QCOMPARE(systemctlShow(kUnit, u"User"_s), kServiceUser);
    const QString pid = systemctlShow(kUnit, u"MainPID"_s);
    const QString status = procStatus(pid);
    QVERIFY2(!status.isEmpty(), qPrintable(pid));
    // The program itself, by identity: the link's text names the test host's root as seen from
    // outside it (the host's PID 1 runs chrooted), so the files are compared, not the names.
    struct stat running = {};
    struct stat planned = {};
    QVERIFY(stat(QFile::encodeName(u"/proc/%1/exe"_s.arg(pid)).constData(), &running) == 0);
    QVERIFY(stat(QFile::encodeName(kProgram).constData(), &planned) == 0);
    QVERIFY2(running.st_dev == planned.st_dev && running.st_ino == planned.st_ino,
             qPrintable(QFileInfo(u"/proc/%1/exe"_s.arg(pid)).symLinkTarget()));
    const QString uid = userId(kServiceUser);
    QVERIFY(!uid.isEmpty());
    QVERIFY2(QRegularExpression(u"^Uid:\\s+%1\\s+%1\\s+%1\\s+%1$"_s.arg(uid), QRegularExpression::MultilineOption)
                 .match(status)
                 .hasMatch(),
             qPrintable(status));
    // Its own group, as the prompt said ("groups: deroot-blackbox"), and no other.
    const QString gid = hostRun(u"getent"_s, {u"group"_s, kServiceUser}).output.section(u':', 2, 2);
    QVERIFY(!gid.isEmpty());
    QVERIFY2(QRegularExpression(u"^Gid:\\s+%1\\s+%1\\s+%1\\s+%1$"_s.arg(gid), QRegularExpression::MultilineOption)
                 .match(status)
                 .hasMatch(),
             qPrintable(status));
    // systemd lists the primary group among the supplementary ones (initgroups): that one only.
    QVERIFY2(QRegularExpression(u"^Groups:\\s*(%1\\s*)?$"_s.arg(gid), QRegularExpression::MultilineOption)
                 .match(status)
                 .hasMatch(),
             qPrintable(status));
    for (const QString &set : {u"CapEff"_s, u"CapPrm"_s, u"CapAmb"_s, u"CapBnd"_s}) {
        QVERIFY2(statusField(status, set) == kCapNetRaw,
                 qPrintable(u"%1 is %2, the plan grants exactly %3:\n%4"_s.arg(set)
                                .arg(statusField(status, set), 16, 16, QChar(u'0'))
                                .arg(kCapNetRaw, 16, 16, QChar(u'0'))
                                .arg(status)));
    }
    QCOMPARE(statusField(status, u"NoNewPrivs"_s), quint64(1));
}

void GuiApplyHostTest::undoWithPassword()
{
    // Below the outcome: the page scrolls to it.
    const auto undo = waitForObject(u"undoPushButton"_s, kStepTimeoutMs, true);
    QVERIFY(undo);
    const auto shown = scrolledTo(*undo, u"finishPage.QScrollArea"_s);
    QVERIFY2(shown, qPrintable(u"cannot scroll to "_s + undo->describe()));
    QVERIFY(click(*shown));
    const auto rollBack = waitForDialogButton(u"undoConfirmMessageBox"_s, u"Roll back"_s, kStepTimeoutMs);
    QVERIFY2(rollBack, "no confirmation with a Roll back button");
    QVERIFY(click(*rollBack));

    const QString prompt = waitForPrompt(&m_promptOffset);
    QVERIFY2(!prompt.isEmpty(), qPrintable(u"no password prompt for the rollback; the agent printed:\n"_s +
                                           m_agent.output().mid(m_promptOffset)));
    QVERIFY2(prompt.contains(u"AUTHENTICATING FOR io.github.deroot.rollback.restore"_s) &&
                 prompt.contains(u"undo the Deroot change %1 "_s.arg(m_applyId)),
             qPrintable(prompt));
    QVERIFY(m_agent.write(m_password.toUtf8() + '\n'));

    QString outcome;
    QVERIFY2(waitFor([&] { return (outcome = labelText(u"applyStatusLabel"_s)).startsWith(u"Rolled back"_s); },
                     kApplyTimeoutMs),
             qPrintable(outcome));
    screenshot(u"undone"_s);
    QCOMPARE(historyEntry(m_applyId).value(u"state"_s).toString(), u"rolled-back"_s);
    m_applyId.clear();

    // Everything as it was: /etc and the file capabilities byte for byte, no service user, the
    // exporter as it was.
    const QString diff = manifestDiff(m_before, systemManifest());
    QVERIFY2(diff.isEmpty(), qPrintable(u"the undo left differences:\n"_s + diff));
    QVERIFY2(userId(kServiceUser).isEmpty(), "the service user is still there");
    QVERIFY(hostRun(u"getent"_s, {u"group"_s, kServiceUser}).exitCode != 0);
    // The exporter runs again as the package made it: its user, no capability.
    QString status;
    QVERIFY2(waitFor(
                 [&] {
                     status = procStatus(systemctlShow(kUnit, u"MainPID"_s));
                     return systemctlShow(kUnit, u"ActiveState"_s) == u"active" &&
                            QRegularExpression(u"^Uid:\\s+%1\\s"_s.arg(userId(m_vendorUser)),
                                               QRegularExpression::MultilineOption)
                                .match(status)
                                .hasMatch();
                 },
                 10000),
             qPrintable(status));
    QCOMPARE(statusField(status, u"CapEff"_s), quint64(0));
    QCOMPARE(systemctlShow(kUnit, u"User"_s), m_vendorUser);
}

std::optional<AccessibleNode> GuiApplyHostTest::waitForNode(const std::function<std::optional<AccessibleNode>()> &find,
                                                            int timeoutMs)
{
    std::optional<AccessibleNode> found;
    waitFor([&] { return (found = find()).has_value(); }, timeoutMs);
    return found;
}

std::optional<AccessibleNode> GuiApplyHostTest::waitForObject(const QString &objectName, int timeoutMs, bool enabled)
{
    return waitForNode(
        [&]() -> std::optional<AccessibleNode> {
            const auto node = m_a11y->findObject(objectName);
            return node && (!enabled || node->has(AccessibleNode::Enabled)) ? node : std::nullopt;
        },
        timeoutMs);
}

std::optional<AccessibleNode> GuiApplyHostTest::waitForView(const QString &name, int timeoutMs)
{
    return waitForNode(
        [&] {
            return m_a11y->find([&](const AccessibleNode &node) {
                return (node.role == u"tree" || node.role == u"table" || node.role == u"list") && node.name == name;
            });
        },
        timeoutMs);
}

std::optional<AccessibleNode> GuiApplyHostTest::waitForDialogButton(const QString &dialogObject, const QString &name,
                                                                    int timeoutMs)
{
    return waitForNode(
        [&]() -> std::optional<AccessibleNode> {
            const auto dialog = m_a11y->findObject(dialogObject);
            if (!dialog) {
                return std::nullopt;
            }
            return m_a11y->find(
                [&](const AccessibleNode &node) {
                    return node.role == u"push button" && node.name == name && node.has(AccessibleNode::Enabled);
                },
                dialog->path);
        },
        timeoutMs);
}

QString GuiApplyHostTest::labelText(const QString &objectName)
{
    const auto node = m_a11y->findObject(objectName);
    return node ? node->name : QString();
}

std::optional<AccessibleNode> GuiApplyHostTest::scrolledTo(const AccessibleNode &node, const QString &scrollArea)
{
    // As a user would: the mouse wheel over the area until the widget is inside its viewport.
    const auto viewport = m_a11y->findObject(scrollArea + u".qt_scrollarea_viewport"_s);
    if (!viewport) {
        return std::nullopt;
    }
    std::optional<AccessibleNode> now = node;
    for (int turns = 0; now && turns < 50; ++turns) {
        if (viewport->extents.contains(now->extents)) {
            return now;
        }
        const QPoint centre = viewport->extents.center();
        const bool down = now->extents.bottom() > viewport->extents.bottom();
        xdotool({u"mousemove"_s, QString::number(centre.x()), QString::number(centre.y()), u"click"_s,
                 down ? u"5"_s : u"4"_s});
        now = m_a11y->refresh(*now);
    }
    return std::nullopt;
}

bool GuiApplyHostTest::click(const AccessibleNode &node, int count)
{
    const QPoint centre = node.extents.center();
    // No --sync: it waits for the pointer to move, forever (xdotool gives up after 15 s) when it
    // is there already (Next, clicked twice in a row). The X server handles the move and the
    // button events of one connection in order, so the click lands where the pointer went.
    const HostRun clicked = xdotool({u"mousemove"_s, QString::number(centre.x()), QString::number(centre.y()),
                                     u"click"_s, u"--repeat"_s, QString::number(count), u"--delay"_s, u"80"_s, u"1"_s});
    if (clicked.exitCode != 0) {
        qWarning("xdotool: %s", qPrintable(clicked.output));
    }
    return clicked.exitCode == 0;
}

HostRun GuiApplyHostTest::xdotool(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(m_xenv);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"/usr/bin/xdotool"_s, arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished();
        return {-1, u"xdotool timed out"_s};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAll())};
}

bool GuiApplyHostTest::typeInto(const QString &objectName, const QString &value)
{
    const auto field = waitForObject(objectName, kStepTimeoutMs, true);
    return field && click(*field) && xdotool({u"key"_s, u"ctrl+a"_s}).exitCode == 0 &&
           xdotool({u"type"_s, u"--delay"_s, u"20"_s, value}).exitCode == 0;
}

QString GuiApplyHostTest::screenshot(const QString &name)
{
    if (m_xenv.isEmpty()) {
        return {};
    }
    QProcess xwd;
    xwd.setProcessEnvironment(m_xenv);
    xwd.start(u"/usr/bin/xwd"_s, {u"-root"_s, u"-silent"_s});
    xwd.closeWriteChannel();
    if (!xwd.waitForFinished(20000) || xwd.exitCode() != 0) {
        qWarning("xwd failed: %s", xwd.readAllStandardError().constData());
        return {};
    }
    QString error;
    QImage image = readXwd(xwd.readAllStandardOutput(), &error);
    // The root's dump shows Qt's dialogs black on this Xvfb (no window manager, no compositor),
    // while a dump of the dialog's own window has its pixels: each window of the GUI is dumped on
    // its own and laid over the screen where it is, the older first (dialogs open over the wizard).
    const HostRun windows = xdotool({u"search"_s, u"--onlyvisible"_s, u"--pid"_s, QString::number(m_gui.processId())});
    QPainter painter(&image);
    QList<qulonglong> ids;
    for (const QString &line : windows.output.split(u'\n', Qt::SkipEmptyParts)) {
        ids << line.trimmed().toULongLong();
    }
    std::sort(ids.begin(), ids.end());
    for (const qulonglong window : std::as_const(ids)) {
        const QString id = QString::number(window);
        QProcess dump;
        dump.setProcessEnvironment(m_xenv);
        dump.start(u"/usr/bin/xwd"_s, {u"-id"_s, id, u"-silent"_s});
        dump.closeWriteChannel();
        if (!dump.waitForFinished(20000) || dump.exitCode() != 0) {
            continue;
        }
        const QByteArray bytes = dump.readAllStandardOutput();
        const std::optional<QPoint> placed = readXwdWindowPosition(bytes);
        QString windowError;
        const QImage picture = placed ? readXwd(bytes, &windowError) : QImage();
        if (!picture.isNull()) {
            painter.drawImage(*placed, picture);
        }
    }
    painter.end();
    const QString path = kShots + u"/%1-%2.png"_s.arg(++m_shots).arg(name);
    if (image.isNull() || !image.save(path)) {
        qWarning("screenshot %s not saved: %s", qPrintable(path), qPrintable(error));
        return {};
    }
    qInfo("screenshot: %s", qPrintable(path));
    return path;
}

QString GuiApplyHostTest::context()
{
    QString text = u"the screen's accessibility tree:\n"_s + (m_a11y ? m_a11y->dump() : QString());
    text += u"\nthe GUI printed:\n"_s + QString::fromUtf8(m_gui.readAll()).right(3000);
    text += u"\nthe agent's terminal:\n"_s + m_agent.output().right(3000);
    return text;
}

QString GuiApplyHostTest::waitForPrompt(qsizetype *from)
{
    const qsizetype start = m_agent.waitForOutput(u"AUTHENTICATING FOR"_s, *from, kApplyTimeoutMs);
    if (start < 0) {
        return {};
    }
    // With more than one administrator (another test may have put a user in sudo), pkttyagent
    // first asks whom to authenticate as: " 1.  alice" ... "Choose identity to authenticate as
    // (1-2): ".
    const QString choose = u"Choose identity to authenticate as"_s;
    QString asked;
    if (!waitFor(
            [&] {
                asked = m_agent.output().mid(start);
                return asked.contains(u"Password: "_s) || asked.contains(choose);
            },
            kStepTimeoutMs)) {
        return {};
    }
    if (asked.contains(choose) && !asked.contains(u"Password: "_s)) {
        const auto choice = QRegularExpression(u"^\\s*(\\d+)\\.\\s+(?:.*\\()?%1\\)?$"_s.arg(kAdmin),
                                               QRegularExpression::MultilineOption)
                                .match(m_agent.output().mid(start));
        if (!choice.hasMatch() || !m_agent.write(choice.captured(1).toUtf8() + '\n')) {
            return {};
        }
    }
    const qsizetype end = m_agent.waitForOutput(u"Password: "_s, start, kStepTimeoutMs);
    if (end < 0) {
        return {};
    }
    const qsizetype begin = m_agent.output().lastIndexOf(u"===="_s, start);
    *from = end;
    return m_agent.output().mid(begin, end - begin);
}

QTEST_GUILESS_MAIN(GuiApplyHostTest)
#include "guiapply_test.moc"
