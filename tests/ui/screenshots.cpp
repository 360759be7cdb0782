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

#include <QAbstractButton>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusMetaType>
#include <QDir>
#include <QJsonArray>
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
#include <QTreeWidget>
#include <QWindow>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

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
    path->setFocus();
    QTest::keyClick(path, Qt::Key_Return);
    if (!waitFor([&] { return next->isEnabled(); })) {
        std::fprintf(stderr, "the inspection did not finish\n");
        return 1;
    }
    QTest::qWait(1500); // the process and service lists
    bool ok = shoot(&wizard, out, u"1-agent"_s);
    next->click();
    ok = shoot(&wizard, out, u"2-needs"_s) && ok;
    next->click();
    ok = shoot(&wizard, out, u"3-where"_s) && ok;
    next->click();
    ok = shoot(&wizard, out, u"4-recommendation"_s) && ok;
    next->click();
    ok = shoot(&wizard, out, u"5-adjust"_s) && ok;
    next->click();
    waitFor([&] { return wizard.session()->checksCurrent(); });
    ok = shoot(&wizard, out, u"6-preview"_s) && ok;
    next->click();
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
    waitFor([&] { return tree->topLevelItemCount() == 2; });
    ok = shoot(audit, out, u"audit"_s) && ok;
    serviceBus.unregisterService(Deroot::Core::HelperProtocol::kServiceName);
    bus.stop();
    return ok ? 0 : 1;
}
