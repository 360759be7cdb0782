// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// deroot-screenshots: the real wizard (the widgets library deroot runs) on a real X server (Xvfb,
// through tools/screenshots), driven through its object names from the first step to the last on
// /usr/bin/fping, with a PNG of the window at each step. Not installed; not a test.
//
// The Finish step is shown after an apply: the real HelperService on a private dbus-daemon, called
// through a real HelperClient, with an engine that reports every step of the plan's real parse as
// done (nothing is changed) and polkit asking for a password, as a default installation does.
#include "core/client/helperclient.h"
#include "privatebus.h"
#include "service.h"
#include "ui/translations.h"
#include "ui/wizard/agentwizard.h"
#include "ui/wizard/applyauthority.h"
#include "ui/wizard/needspage.h"
#include "ui/wizard/observedialog.h"
#include "ui/wizard/provedialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusMetaType>
#include <QDialog>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMessageBox>
#include <QPixmap>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QWindow>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// What deroot-observer writes for fping run as nobody: refused a raw socket, then, given
// CAP_NET_RAW, granted it. The dialogs are drawn from these as from the helper's answers.
const QByteArray kRefusedRound =
    R"({"type":"recording","mechanism":"ebpf","duration_ns":3000000000,"as_root":false,"unprivileged_port_start":1024,"target":"command /usr/bin/fping -l 127.0.0.1","user":"nobody","capabilities":[],"ended":"exited","exit_status":4,"lost_events":0,"notes":[]}
{"type":"check","t_ns":1000000,"pid":2100,"comm":"fping","cap":"CAP_NET_RAW","syscall":"socket","ret":"EPERM","granted":false,"phase":"running"}
{"type":"result","t_ns":1000050,"pid":2100,"comm":"fping","syscall":"socket","ret":"EPERM","family":"AF_INET","socket_type":"SOCK_RAW","protocol":1}
)";
const QByteArray kGrantedRound =
    R"({"type":"recording","mechanism":"ebpf","duration_ns":3000000000,"as_root":false,"unprivileged_port_start":1024,"target":"command /usr/bin/fping -l 127.0.0.1","user":"nobody","capabilities":["CAP_NET_RAW"],"ended":"time-limit","lost_events":0,"notes":[]}
{"type":"check","t_ns":1000000,"pid":2200,"comm":"fping","cap":"CAP_NET_RAW","syscall":"socket","ret":3,"granted":true,"phase":"running"}
{"type":"result","t_ns":1000050,"pid":2200,"comm":"fping","syscall":"socket","ret":3,"family":"AF_INET","socket_type":"SOCK_RAW","protocol":1}
)";
// A proof's report (derootctl prove --json) for the plan with CAP_NET_RAW.
const char *kProveReport = R"({"schema":"deroot.prove/1","works":true,"seconds":5,"capabilities":["CAP_NET_RAW"],
 "baseline":{"without":"","healthy":true,"problems":[],"seconds":5.1},
 "trials":[{"without":"CAP_NET_RAW","healthy":false,"problems":["exited with status 4 before the time was up"],"seconds":0.3}],
 "verdicts":[{"capability":"CAP_NET_RAW","verdict":"shown-necessary","evidence":["exited with status 4 before the time was up"]}],
 "not_shown_necessary":[],
 "sandbox":[{"setting":"PrivateDevices=yes","observed":"observed in 6.0 s: no device node opened","verdict":"tolerated","evidence":[]}],
 "tighten":["PrivateDevices=yes"],
 "notes":["The service user 'fping' does not exist yet (the apply creates it): each trial ran the agent as a user of that name which systemd made for the trial and removed after it (DynamicUser=yes). DynamicUser= also makes /usr, /etc and the home directories read-only for the agent and gives it no file owned by that user: a trial can fail where the applied plan would not, never the other way round."]})";

bool waitFor(const std::function<bool()> &condition, int ms = 90000)
{
    return QTest::qWaitFor(condition, ms);
}

bool shoot(QWidget *window, const QString &directory, const QString &name)
{
    QTest::qWait(400); // let the pending paints and layouts settle
    const QPixmap pixmap = window->screen()->grabWindow(window->winId());
    const QString path = QDir(directory).filePath(name + u".png"_s);
    const bool ok = pixmap.save(path);
    std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

/// Changes nothing: reports each step of the plan, as the real parser maps it, as done, and the
/// started agent as matching the plan.
class PictureEngine final : public Deroot::Helper::EngineApi
{
public:
    using Plan = Deroot::Helper::CheckedRequest;
    Deroot::Core::Result<Plan> parse(const Deroot::Helper::ApplyRequest &request) override
    {
        return Deroot::Core::parseApplyRequest(request);
    }
    Deroot::Core::Result<Plan> validate(const Deroot::Helper::ApplyRequest &request) override { return parse(request); }
    Deroot::Core::Result<Deroot::Helper::ApplyOutcome> apply(const Plan &plan, int, const QDateTime &confirmBy,
                                                             const Deroot::Helper::StepCallback &progress) override
    {
        Deroot::Helper::ApplyOutcome outcome;
        outcome.applyId = u"20261127-091500-4f2a"_s;
        const int count = int(plan.steps.size());
        for (int i = 0; i < count; ++i) {
            const Deroot::Core::PlanStep &step = plan.steps.at(i);
            const Deroot::Helper::StepEvent event{outcome.applyId, i,    count, Deroot::Core::stepKindName(step.kind),
                                                  step.target,     true, {}};
            outcome.steps.append(event);
            progress(event);
        }
        if (!plan.unit.isEmpty()) {
            outcome.agent.checked = true;
            outcome.agent.ok = true;
            outcome.agent.unit = plan.unit;
            outcome.agent.pid = 4242;
            outcome.agent.fields = {{u"uid"_s, u"998"_s, u"998"_s, true},
                                    {u"CapEff"_s, u"0000000000002000"_s, u"0000000000002000"_s, true},
                                    {u"CapAmb"_s, u"0000000000002000"_s, u"0000000000002000"_s, true},
                                    {u"CapBnd"_s, u"0000000000002000"_s, u"0000000000002000"_s, true},
                                    {u"NoNewPrivs"_s, u"1"_s, u"1"_s, true}};
        }
        outcome.ok = true;
        outcome.message = u"%1 steps done"_s.arg(count);
        outcome.confirmBy = confirmBy;
        return outcome;
    }
    std::optional<Deroot::Core::Error> confirm(const QString &, int) override { return std::nullopt; }
    std::optional<Deroot::Core::Error> rollback(const QString &, int, const Deroot::Helper::StepCallback &) override
    {
        return std::nullopt;
    }
    QStringList expirePending() override { return {}; }
    std::optional<Deroot::Helper::PendingConfirmation> pending() const override { return std::nullopt; }
    QJsonArray history() const override { return {}; }
    QStringList reconcileGrants(const QString &, bool) const override { return {}; }
    QJsonObject status(const QString &) const override { return {}; }
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

/// polkit as a default installation answers: the prompt approves; before the click, a password.
class PicturePolkit final : public Deroot::Helper::Authorizer, public Deroot::Ui::ApplyAuthority
{
public:
    void check(const QString &, const QString &, const Deroot::Helper::AuthDetails &, bool interactive,
               Deroot::Helper::Authorizer::Callback done) override
    {
        done(interactive ? Deroot::Helper::AuthAnswer::Yes : Deroot::Helper::AuthAnswer::Challenge);
    }
    void check(const QString &, Deroot::Ui::ApplyAuthority::Callback done) override
    {
        done(Deroot::Core::PolkitAnswer::Challenge);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"deroot"_s);
    QApplication::setOrganizationName(u"deroot-screenshots"_s);
    const QStringList args = QApplication::arguments();
    const QString out = args.value(1, u"docs/screenshots"_s);
    const QString agent = args.value(2, u"/usr/bin/fping"_s);
    QDir().mkpath(out);
    // As deroot does: the user's language (LANG=de_DE.UTF-8 tools/screenshots OUT), English's plurals
    // otherwise.
    const QString language = Deroot::Ui::installTranslations(&app);
    std::fprintf(stderr, "deroot-screenshots: translation %s\n", qPrintable(language.isEmpty() ? u"none"_s : language));

    // A bus of our own for the helper of the Finish step.
    Deroot::Helper::Test::PrivateBus bus;
    if (!bus.start()) {
        std::fprintf(stderr, "dbus-daemon did not start\n");
        return 1;
    }
    const QString address = bus.address();
    qDBusRegisterMetaType<QMap<QString, QByteArray>>();
    PictureEngine engine;
    PicturePolkit polkit;
    Deroot::Helper::HelperService service(engine, polkit, 3600 * 1000);
    QDBusConnection serviceBus = QDBusConnection::connectToBus(address, u"service"_s);
    if (!serviceBus.registerObject(Deroot::Core::HelperProtocol::kObjectPath, &service,
                                   QDBusConnection::ExportScriptableSlots | QDBusConnection::ExportScriptableSignals) ||
        !serviceBus.registerService(Deroot::Core::HelperProtocol::kServiceName)) {
        std::fprintf(stderr, "cannot register the helper on the private bus\n");
        return 1;
    }
    Deroot::Core::HelperClient client(QDBusConnection::connectToBus(address, u"client"_s));

    Deroot::Ui::AgentWizard wizard(&client, &polkit);
    wizard.resize(1024, 700);
    wizard.show();
    if (!QTest::qWaitForWindowExposed(&wizard)) {
        return 1;
    }
    using W = Deroot::Ui::AgentWizard;
    auto *next = wizard.button(QWizard::NextButton);
    auto *path = wizard.findChild<QLineEdit *>(u"agentPathLineEdit"_s);
    path->setText(agent);
    // The Inspect button, not Enter: Enter would move on to the next step, and the first step is
    // shot with its inspection done.
    wizard.findChild<QPushButton *>(u"inspectPushButton"_s)->click();
    if (!waitFor([&] { return next->isEnabled(); })) {
        std::fprintf(stderr, "the inspection did not finish\n");
        return 1;
    }
    QTest::qWait(1500); // the process and service lists
    bool ok = shoot(&wizard, out, u"1-agent"_s);
    next->click();
    ok = shoot(&wizard, out, u"2-needs"_s) && ok;
    // "Watch it run": two rounds, as the helper would answer them.
    wizard.findChild<Deroot::Ui::NeedsPage *>()->setObserveRunner(
        [](const Deroot::Core::ObserveRequest &request, auto done) {
            QTimer::singleShot(
                50, [done, answer = request.capabilities.isEmpty() ? kRefusedRound : kGrantedRound] { done(answer); });
        });
    wizard.findChild<QPushButton *>(u"watchItRunButton"_s)->click();
    auto *observe = wizard.findChild<Deroot::Ui::ObserveDialog *>();
    ok = observe && ok;
    if (observe) {
        observe->findChild<QLineEdit *>(u"observeArgumentsLineEdit"_s)->setText(u"-l 127.0.0.1"_s);
        observe->findChild<QPushButton *>(u"observeStartButton"_s)->click();
        auto *add = observe->findChild<QPushButton *>(u"observeAddButton"_s);
        ok = waitFor([&] { return add->isEnabled(); }, 10000) && ok;
        ok = shoot(observe, out, u"2a-watch"_s) && ok;
        add->click();
        ok = shoot(&wizard, out, u"2b-needs-observed"_s) && ok;
    }
    next->click();
    ok = shoot(&wizard, out, u"3-where"_s) && ok;
    next->click();
    ok = shoot(&wizard, out, u"4-recommendation"_s) && ok;
    next->click();
    ok = shoot(&wizard, out, u"5-adjust"_s) && ok;
    // "Add capability…": every capability the step does not show, sorted, filtered as one types.
    if (auto *addCapability = wizard.findChild<QPushButton *>(u"addCapabilityPushButton"_s)) {
        addCapability->click();
        if (auto *dialog = wizard.findChild<QDialog *>(u"addCapabilityDialog"_s)) {
            dialog->findChild<QLineEdit *>(u"capabilityFilterLineEdit"_s)->setText(u"net"_s);
            ok = shoot(dialog, out, u"5a-add-capability"_s) && ok;
            dialog->reject();
        }
    }
    next->click();
    waitFor([&] { return wizard.session()->checksCurrent(); });
    ok = shoot(&wizard, out, u"6-preview"_s) && ok;
    next->click();
    // "Prove it": this plan (file capabilities for the programs that call fping) is one prove does
    // not cover, so the page says why; the dialog is drawn for it all the same, from a report as the
    // helper would answer it.
    ok = shoot(&wizard, out, u"7a-finish-prove"_s) && ok;
    {
        Deroot::Ui::ProveDialog prove(
            wizard.session(),
            [](const Deroot::Core::ApplyRequest &, int, const QString &, const QList<Deroot::Core::SandboxCandidate> &,
               auto,
               auto done) { QTimer::singleShot(50, [done] { done(QJsonDocument::fromJson(kProveReport).object()); }); },
            &wizard);
        prove.show();
        prove.findChild<QLineEdit *>(u"proveCheckLineEdit"_s)->setText(u"fping -c1 127.0.0.1"_s);
        prove.findChild<QPushButton *>(u"proveStartButton"_s)->click();
        ok = waitFor([&] { return !prove.report().isEmpty(); }, 10000) && ok;
        ok = shoot(&prove, out, u"7b-prove"_s) && ok;
    }
    // Apply, as the admin would: the lock, the confirmation, then the outcome.
    auto *apply = wizard.findChild<QPushButton *>(u"applyPushButton"_s);
    ok = waitFor([&] { return apply->isEnabled(); }, 10000) && ok;
    apply->click();
    if (auto *box = wizard.findChild<QMessageBox *>(u"applyConfirmMessageBox"_s)) {
        box->button(QMessageBox::Yes)->click();
    }
    auto *undo = wizard.findChild<QPushButton *>(u"undoPushButton"_s);
    ok = waitFor([&] { return undo->isVisible(); }, 10000) && ok;
    QTest::qWait(400); // the page's layout takes the outcome in
    if (auto *scroll = wizard.currentPage()->findChild<QScrollArea *>()) {
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
    }
    ok = shoot(&wizard, out, u"7-finish"_s) && ok;
    ok = wizard.currentId() == W::FinishPageId && ok;

    QWidget *audit = reinterpret_cast<QWidget *>(wizard.showAudit());
    auto *tree = audit->findChild<QTreeWidget *>(u"auditTreeWidget"_s);
    waitFor([&] { return tree->topLevelItemCount() >= 2 && tree->topLevelItem(0)->childCount() > 0; });
    ok = shoot(audit, out, u"audit"_s) && ok;
    // The group of what is privileged by design, unfolded: its advice once per category.
    if (QTreeWidgetItem *expected = tree->topLevelItem(2)) {
        tree->topLevelItem(0)->setExpanded(false);
        expected->setExpanded(true);
        tree->scrollToItem(expected, QAbstractItemView::PositionAtTop);
        QTest::qWait(200);
        ok = shoot(audit, out, u"audit-expected"_s) && ok;
    }
    serviceBus.unregisterService(Deroot::Core::HelperProtocol::kServiceName);
    bus.stop();
    return ok ? 0 : 1;
}
