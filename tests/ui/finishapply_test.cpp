// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// The Finish page's Apply, Undo and confirm-within, offscreen, driven through the real wizard on
// fping's real plan: the real HelperService (app/helper/service.*) on a private dbus-daemon, called
// through a real HelperClient, as tests/helper/service/service_test.cpp does; the engine and polkitd
// are played by tests/helper/service/fakes.h, and polkit's answer before the click by a fake
// ApplyAuthority (the real one is checked in the test host).
#include "fakes.h"
#include "privatebus.h"

#include "core/base/sha256.h"
#include "core/base/text.h"
#include "core/client/helperclient.h"
#include "ui/wizard/agentwizard.h"
#include "ui/wizard/applyauthority.h"
#include "ui/wizard/finishpage.h"
#include "ui/wizard/wizardsession.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDBusConnection>
#include <QDBusMetaType>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Deroot;
using Core::PolkitAnswer;
using Helper::Test::FakeEngine;
using Helper::Test::FakePolkit;
using Ui::AgentWizard;

namespace {

constexpr int kInspectTimeout = 60000;
constexpr int kValidateTimeout = 60000;

/// polkit's answer before the click, per action; unlisted actions need a password, as the
/// policy's defaults say.
class FakeAuthority final : public Ui::ApplyAuthority
{
public:
    QMap<QString, PolkitAnswer> answers;
    QStringList asked;
    bool root = false; ///< the desktop runs as root (this test itself usually does: it must not matter)

    void check(const QString &actionId, Callback done) override
    {
        asked.append(actionId);
        done(answers.value(actionId, PolkitAnswer::Challenge));
    }
    bool callerIsRoot() const override { return root; }
    void announceChange() { Q_EMIT changed(); }
};

/// FakePolkit whose answers can be held back, so that a test sees the page while the call is in
/// flight (the admin reading the prompt).
class HeldPolkit final : public Helper::Authorizer
{
public:
    FakePolkit inner;
    bool hold = false;
    QList<std::function<void()>> held;

    void check(const QString &busName, const QString &actionId, const Helper::AuthDetails &details, bool interactive,
               Callback done) override
    {
        if (hold) {
            held.append([this, busName, actionId, details, interactive, done] {
                inner.check(busName, actionId, details, interactive, done);
            });
            return;
        }
        inner.check(busName, actionId, details, interactive, std::move(done));
    }
    void release()
    {
        hold = false;
        const auto calls = std::exchange(held, {});
        for (const auto &call : calls) {
            call();
        }
    }
};

template <typename T> T *child(QWidget *parent, const QString &name)
{
    T *widget = parent->findChild<T *>(name);
    if (!widget) {
        qFatal("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    }
    return widget;
}

QString hex(const QByteArray &bytes)
{
    Core::Sha256 hash;
    hash.addData(bytes);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

class FinishApplyTest : public QObject
{
    Q_OBJECT

private:
    Helper::Test::PrivateBus m_bus;
    QString m_address;
    int m_serial = 0;
    QDBusConnection m_clientBus{QString()};
    std::unique_ptr<Core::HelperClient> m_client;
    FakeAuthority m_authority;
    std::unique_ptr<AgentWizard> m_wizard;
    std::optional<Core::GenerationInput> m_originalInput; ///< before showAdjustedFinish(), for cleanup()

    // The helper of one test: a fresh service, engine and polkit on the shared private bus.
    struct Helperd
    {
        FakeEngine engine;
        HeldPolkit polkit;
        std::unique_ptr<Helper::HelperService> service;
        QDBusConnection bus{QString()};

        ~Helperd()
        {
            bus.unregisterService(Core::HelperProtocol::kServiceName);
            bus.unregisterObject(Core::HelperProtocol::kObjectPath);
            service.reset();
            const QString name = bus.name();
            bus = QDBusConnection(QString());
            QDBusConnection::disconnectFromBus(name);
        }
    };

    std::unique_ptr<Helperd> startHelper(bool registerName = true)
    {
        auto helper = std::make_unique<Helperd>();
        helper->polkit.inner.agent = FakePolkit::Agent::Approves;
        helper->bus = QDBusConnection::connectToBus(m_address, u"service%1"_s.arg(++m_serial));
        helper->service = std::make_unique<Helper::HelperService>(helper->engine, helper->polkit, 60000);
        if (!helper->bus.registerObject(Core::HelperProtocol::kObjectPath, helper->service.get(),
                                        QDBusConnection::ExportScriptableSlots |
                                            QDBusConnection::ExportScriptableSignals) ||
            (registerName && !helper->bus.registerService(Core::HelperProtocol::kServiceName))) {
            qFatal("cannot register the service: %s", qPrintable(helper->bus.lastError().message()));
        }
        return helper;
    }

    AgentWizard &wizard() { return *m_wizard; }
    template <typename T> T *find(const QString &name) { return child<T>(m_wizard.get(), name); }

    // The Finish page for @p method's plan, entered anew so that it looks for the helper and asks
    // polkit again.
    bool showFinish(Core::Method method)
    {
        while (wizard().currentId() > AgentWizard::PreviewPageId) {
            wizard().back();
        }
        if (!wizard().session()->hasPlan() || wizard().session()->method() != method) {
            wizard().session()->setMethod(method);
        }
        if (method == Core::Method::Container && wizard().session()->input().containerImage.isEmpty()) {
            // This agent's catalog entry names no image: the admin gives one, as on the Adjust page.
            Core::GenerationInput input = wizard().session()->input();
            input.containerImage = u"registry.example.org/agent:1.0"_s;
            wizard().session()->setInput(input);
        }
        if (!QTest::qWaitFor([&] { return wizard().session()->checksCurrent(); }, kValidateTimeout)) {
            qWarning("no current checks for the plan: %s", qPrintable(wizard().session()->planError()));
            return false;
        }
        while (wizard().currentId() < AgentWizard::FinishPageId) {
            const int before = wizard().currentId();
            wizard().next();
            if (wizard().currentId() == before) {
                qWarning("the wizard stays on step %d", before);
                return false;
            }
        }
        // The helper looked up and polkit asked: the label no longer says it is looking.
        return waitFor(
            [&] {
                const QString text = find<QLabel>(u"applyPermissionLabel"_s)->text();
                return !text.isEmpty() && !text.endsWith(u"…"_s);
            },
            10000);
    }

    static bool waitFor(const std::function<bool()> &condition, int ms)
    {
        const bool ok = QTest::qWaitFor(condition, ms);
        if (!ok) {
            qWarning("timed out");
        }
        return ok;
    }

    // The capabilities plan with @p change made to its input, as the Adjust step would make it,
    // on the Finish page; cleanup() puts the input back.
    bool showAdjustedFinish(const std::function<void(Core::GenerationInput &)> &change)
    {
        while (wizard().currentId() > AgentWizard::PreviewPageId) {
            wizard().back();
        }
        Ui::WizardSession *session = wizard().session();
        if (!session->hasPlan() || session->method() != Core::Method::Capabilities) {
            session->setMethod(Core::Method::Capabilities);
        }
        m_originalInput = session->input();
        Core::GenerationInput input = session->input();
        change(input);
        session->setInput(input);
        if (!session->hasPlan()) {
            qWarning("the adjusted input gives no plan: %s", qPrintable(session->planError()));
            return false;
        }
        return showFinish(Core::Method::Capabilities);
    }

    // Clicks Apply and accepts the confirmation; returns its text.
    QString clickApply()
    {
        auto *apply = find<QPushButton>(u"applyPushButton"_s);
        if (!apply->isEnabled()) {
            return {};
        }
        apply->click();
        auto *box = m_wizard->findChild<QMessageBox *>(u"applyConfirmMessageBox"_s);
        if (!box || !box->isVisible()) {
            return {};
        }
        const QString text = box->text();
        box->button(QMessageBox::Yes)->click();
        return text;
    }

    bool undo()
    {
        auto *undoButton = find<QPushButton>(u"undoPushButton"_s);
        if (!undoButton->isVisible() || !undoButton->isEnabled()) {
            return false;
        }
        undoButton->click();
        auto *box = m_wizard->findChild<QMessageBox *>(u"undoConfirmMessageBox"_s);
        if (!box) {
            return false;
        }
        box->button(QMessageBox::Yes)->click();
        return true;
    }

    QString status() { return find<QLabel>(u"applyStatusLabel"_s)->text(); }

    QStringList stepRows()
    {
        auto *tree = find<QTreeWidget>(u"applyStepsTreeWidget"_s);
        QStringList rows;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            rows << tree->topLevelItem(i)->text(0) + u' ' + tree->topLevelItem(i)->text(2);
        }
        return rows;
    }

    bool waitIdle()
    {
        // The outcome is in when the wizard may be left again or a confirmation is awaited.
        return QTest::qWaitFor(
            [&] {
                return find<QPushButton>(u"keepPushButton"_s)->isVisible() ||
                       wizard().button(QWizard::CancelButton)->isEnabled();
            },
            10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qDBusRegisterMetaType<QMap<QString, QByteArray>>();
        QVERIFY2(m_bus.start(), "the private dbus-daemon did not start");
        m_address = m_bus.address();
        m_clientBus = QDBusConnection::connectToBus(m_address, u"client"_s);
        QVERIFY(m_clientBus.isConnected());
        m_client = std::make_unique<Core::HelperClient>(m_clientBus);

        // fping inspected once, for real; each test enters the Finish page anew.
        m_wizard = std::make_unique<AgentWizard>(m_client.get(), &m_authority);
        m_wizard->show();
        auto *edit = find<QLineEdit>(u"agentPathLineEdit"_s);
        edit->setText(u"/usr/bin/fping"_s);
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(QTest::qWaitFor([&] { return wizard().session()->hasReport(); }, kInspectTimeout));
        // As a service, so that the plan has a unit to start (fping is a called tool by default).
        Core::StartChoice asService;
        asService.mode = Core::StartMode::Service;
        wizard().session()->setStartChoice(asService);
        QCOMPARE(find<QSpinBox>(u"confirmSecondsSpinBox"_s)->value(), int(Ui::FinishPage::kDefaultConfirmSeconds));
    }

    void cleanupTestCase()
    {
        m_wizard.reset();
        m_client.reset();
        const QString name = m_clientBus.name();
        m_clientBus = QDBusConnection(QString());
        QDBusConnection::disconnectFromBus(name);
        m_bus.stop();
    }

    void init()
    {
        m_authority.answers.clear();
        m_authority.root = false;
    }

    // Also after a failed check: the next test starts from the inspection's plan.
    void cleanup()
    {
        if (!m_originalInput) {
            return;
        }
        while (wizard().currentId() > AgentWizard::PreviewPageId) {
            wizard().back();
        }
        wizard().session()->setInput(*std::exchange(m_originalInput, std::nullopt));
    }

    void lockState_data()
    {
        QTest::addColumn<bool>("installed");
        QTest::addColumn<QStringList>("yes");
        QTest::addColumn<QStringList>("no");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<bool>("locked");
        QTest::addColumn<QString>("says");
        const QStringList areas{Core::PolkitActions::kUsers, Core::PolkitActions::kCapabilities,
                                Core::PolkitActions::kUnits};
        QTest::newRow("default: one password")
            << true << QStringList() << QStringList() << true << true << u"password"_s;
        QTest::newRow("a rule allows every area")
            << true << areas << QStringList() << true << false << u"without a password"_s;
        QTest::newRow("a rule forbids capabilities")
            << true << QStringList() << QStringList{Core::PolkitActions::kCapabilities} << false << false
            << Core::PolkitActions::kCapabilities;
        QTest::newRow("approval forbidden") << true << QStringList() << QStringList{Core::PolkitActions::kApply}
                                            << false << false << Core::PolkitActions::kApply;
        QTest::newRow("approval kept while areas need a password, refused by the helper")
            << true << QStringList{Core::PolkitActions::kApply} << QStringList() << false << false
            << Core::PolkitActions::kApply;
        QTest::newRow("helper not installed") << false << areas << QStringList() << false << false << u"APPLY.txt"_s;
    }

    void lockState()
    {
        QFETCH(bool, installed);
        QFETCH(QStringList, yes);
        QFETCH(QStringList, no);
        QFETCH(bool, enabled);
        QFETCH(bool, locked);
        QFETCH(QString, says);
        for (const QString &action : std::as_const(yes)) {
            m_authority.answers[action] = PolkitAnswer::Yes;
        }
        for (const QString &action : std::as_const(no)) {
            m_authority.answers[action] = PolkitAnswer::No;
        }
        m_authority.asked.clear();
        const auto helper = startHelper(installed);
        QVERIFY(showFinish(Core::Method::Capabilities));
        auto *apply = find<QPushButton>(u"applyPushButton"_s);
        const QString label = find<QLabel>(u"applyPermissionLabel"_s)->text();
        QCOMPARE(apply->isEnabled(), enabled);
        QCOMPARE(!apply->icon().isNull(), locked);
        QVERIFY2(label.contains(says), qPrintable(label));
        QCOMPARE(apply->toolTip(), label);
        if (installed) {
            // The plan's area actions and the approval, nothing else.
            QVERIFY2(m_authority.asked.contains(Core::PolkitActions::kApply), qPrintable(m_authority.asked.join(u' ')));
            QVERIFY(m_authority.asked.contains(Core::PolkitActions::kCapabilities));
            QVERIFY(!m_authority.asked.contains(Core::PolkitActions::kSudoers));
        } else {
            QVERIFY(m_authority.asked.isEmpty());
        }
    }

    void configChangeRechecks()
    {
        const auto helper = startHelper();
        QVERIFY(showFinish(Core::Method::Capabilities));
        auto *apply = find<QPushButton>(u"applyPushButton"_s);
        QVERIFY(apply->isEnabled());
        m_authority.answers[Core::PolkitActions::kUnits] = PolkitAnswer::No;
        m_authority.announceChange();
        QTRY_VERIFY(!apply->isEnabled());
        QVERIFY(find<QLabel>(u"applyPermissionLabel"_s)->text().contains(Core::PolkitActions::kUnits));
        m_authority.answers.remove(Core::PolkitActions::kUnits);
        m_authority.announceChange();
        QTRY_VERIFY(apply->isEnabled());
    }

    void applyShowsEveryStepLive()
    {
        const auto helper = startHelper();
        QVERIFY(showFinish(Core::Method::Capabilities));
        QVERIFY(!find<QCheckBox>(u"confirmWithinCheckBox"_s)->isChecked());
        const auto request = wizard().session()->applyRequest();
        QVERIFY(request.ok());
        // Each progress signal finds its row already on the page, in order.
        QStringList live;
        connect(m_client.get(), &Core::HelperClient::progress, this, [&](const Core::StepProgress &step) {
            const QStringList rows = stepRows();
            live << (rows.size() == step.index + 1 ? rows.constLast() : u"missing"_s);
        });
        const QString dialog = clickApply();
        QVERIFY2(dialog.contains(hex(request->planJson)), qPrintable(dialog));
        QVERIFY2(dialog.contains(u"fping"_s), qPrintable(dialog));
        QVERIFY2(dialog.contains(u"capabilities"_s), qPrintable(dialog));
        QVERIFY(waitIdle());
        disconnect(m_client.get(), &Core::HelperClient::progress, this, nullptr);
        QCOMPARE(status(), u"Applied: 3 step(s) done."_s);
        const QStringList expected{u"create-user ok"_s, u"set-file-caps ok"_s, u"start-unit ok"_s};
        QCOMPARE(live, expected);
        QCOMPARE(stepRows(), expected);
        // What was approved is what the export holds: the plan's own hash.
        QCOMPARE(helper->engine.applied, QStringList{hex(request->planJson)});
        QCOMPARE(helper->polkit.inner.prompts.size(), 1);
        QCOMPARE(helper->polkit.inner.prompts.constFirst().value(u"plan_sha256"_s), hex(request->planJson));
        QVERIFY(find<QLabel>(u"applyIdLabel"_s)->text().contains(u"apply-1"_s));
        // The same plan is not applied twice on top of itself.
        auto *apply = find<QPushButton>(u"applyPushButton"_s);
        QVERIFY(!apply->isEnabled());
        QVERIFY2(apply->toolTip().contains(u"undo it first"_s), qPrintable(apply->toolTip()));

        // Undo: the helper's rollback of that id.
        QVERIFY(undo());
        QVERIFY(waitIdle());
        QCOMPARE(helper->engine.rolledBack, QStringList{u"apply-1"_s});
        QVERIFY2(status().contains(u"Rolled back apply-1"_s), qPrintable(status()));
        QCOMPARE(stepRows(), QStringList{u"rollback ok"_s});
        QVERIFY(!find<QPushButton>(u"undoPushButton"_s)->isVisible());
        // Nothing is left for derootctl rollback to undo: the page no longer offers it.
        QVERIFY(!find<QLabel>(u"applyIdLabel"_s)->isVisible());
        QVERIFY(!find<QLabel>(u"applyIdLabel"_s)->text().contains(u"undoes it later"_s));
        // Undone, it may be applied again.
        QTRY_VERIFY(apply->isEnabled());
    }

    void failuresChangeNothing_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("says");
        QTest::newRow("refused after authorization") << u"refused"_s << u"refused the plan"_s;
        QTest::newRow("prompt dismissed") << u"dismissed"_s << u"Not authorized"_s;
        QTest::newRow("no authentication agent") << u"no agent"_s << u"Not authorized"_s;
        QTest::newRow("a rule forbids units") << u"units"_s << Core::PolkitActions::kUnits;
        QTest::newRow("helper gone") << u"gone"_s << u"stopped answering"_s;
        QTest::newRow("busy with another client's apply") << u"busy"_s << u"under way"_s;
    }

    void failuresChangeNothing()
    {
        QFETCH(QString, fault);
        QFETCH(QString, says);
        auto helper = startHelper();
        QVERIFY(showFinish(Core::Method::Capabilities));
        if (fault == u"refused") {
            helper->engine.refusal =
                Core::Error{Core::ExitCode::Refused, u"/usr/bin/fping's SHA-256 differs from the plan's"_s};
        } else if (fault == u"dismissed") {
            helper->polkit.inner.agent = FakePolkit::Agent::Dismissed;
        } else if (fault == u"no agent") {
            helper->polkit.inner.agent = FakePolkit::Agent::None;
        } else if (fault == u"units") {
            helper->polkit.inner.rules[Core::PolkitActions::kUnits] = FakePolkit::Rule::No;
        } else if (fault == u"gone") {
            helper.reset();
        }
        // Another admin's apply, waiting at its prompt, on a connection of its own.
        QDBusConnection otherBus = QDBusConnection::connectToBus(m_address, u"other%1"_s.arg(++m_serial));
        std::unique_ptr<Core::HelperClient> other;
        std::optional<Core::Result<Core::ApplyOutcome>> otherOutcome;
        if (fault == u"busy") {
            helper->polkit.hold = true;
            other = std::make_unique<Core::HelperClient>(otherBus);
            other->apply(*wizard().session()->applyRequest(), 0,
                         [&](const Core::Result<Core::ApplyOutcome> &outcome) { otherOutcome = outcome; });
            QTRY_VERIFY(!helper->polkit.held.isEmpty());
        }
        QVERIFY(!clickApply().isEmpty());
        QVERIFY(waitIdle());
        if (other) {
            helper->polkit.release();
            QTRY_VERIFY(otherOutcome.has_value());
            QVERIFY(otherOutcome->ok());
            QTest::qWait(100); // its progress signals, which are not this page's
        }
        const qsizetype othersApplied = other ? 1 : 0;
        other.reset();
        const QString otherName = otherBus.name();
        otherBus = QDBusConnection(QString());
        QDBusConnection::disconnectFromBus(otherName);
        QVERIFY2(status().contains(says), qPrintable(status()));
        QCOMPARE(find<QLabel>(u"applyStatusLabel"_s)->property("error").toBool(), true);
        if (fault != u"gone") {
            QVERIFY2(status().contains(u"Nothing was changed"_s), qPrintable(status()));
            QCOMPARE(helper->engine.applied.size(), othersApplied);
        }
        QVERIFY(!find<QPushButton>(u"undoPushButton"_s)->isVisible());
        QVERIFY(find<QLabel>(u"applyIdLabel"_s)->text().isEmpty());
        QVERIFY(stepRows().isEmpty());
    }

    // A plan the helper's own first check refuses: the page runs that check on the exact bytes
    // Apply would send and says why, instead of leaving the button waiting on polkit.
    void refusedPlanSaysWhyBeforeTheClick_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("says");
        QTest::newRow("the program's SHA-256 unknown (not readable by this user)")
            << u"no hash"_s << u"program.sha256"_s;
    }

    void refusedPlanSaysWhyBeforeTheClick()
    {
        QFETCH(QString, change);
        QFETCH(QString, says);
        const auto helper = startHelper();
        m_authority.asked.clear();
        QVERIFY(showAdjustedFinish([&](Core::GenerationInput &input) {
            if (change == u"shadow") {
                input.supplementaryGroups << u"shadow"_s;
            } else {
                input.executableSha256.clear();
            }
        }));
        const auto request = wizard().session()->applyRequest();
        QVERIFY(request.ok());
        const auto refusal = Core::parseApplyRequest(*request);
        QVERIFY2(!refusal.ok(), "the helper's parse accepts this plan: the row needs another refusal");
        const QString label = find<QLabel>(u"applyPermissionLabel"_s)->text();
        auto *apply = find<QPushButton>(u"applyPushButton"_s);
        QVERIFY(!apply->isEnabled());
        QVERIFY2(label.contains(u"would refuse"_s) && label.contains(says), qPrintable(label));
        // Its one sentence, as the helper would say it.
        QVERIFY2(label.contains(Core::oneLine(refusal.error().message)), qPrintable(label));
        QCOMPARE(apply->toolTip(), label);
        // Nothing to ask polkit about, and nothing was sent.
        QVERIFY(m_authority.asked.isEmpty());
        QVERIFY(helper->polkit.inner.calls.isEmpty());
    }

    // The generators and the helper share one set of rules (core/rules): a root-equivalent group the
    // wizard lets the admin add is one the helper accepts, with the privileged approval, instead of a
    // plan the helper would refuse after the wizard made it.
    void privilegedGroupIsAcceptedAndNamed()
    {
        const auto helper = startHelper();
        QVERIFY(showAdjustedFinish([](Core::GenerationInput &input) { input.supplementaryGroups << u"shadow"_s; }));
        const auto request = wizard().session()->applyRequest();
        QVERIFY(request.ok());
        const auto plan = Core::parseApplyRequest(*request);
        QVERIFY2(plan.ok(), qPrintable(plan.error().message));
        QVERIFY(plan->supplementaryGroups.contains(u"shadow"_s));
        QCOMPARE(plan->privilegedGrants, QStringList{u"group shadow (root-equivalent group)"_s});
        QVERIFY(!find<QLabel>(u"applyPermissionLabel"_s)->text().contains(u"would refuse"_s));
    }

    // The helper refuses at apply time what the desktop's parse accepted (another version of the
    // helper, a plan changed in between): its sentence is shown, nothing is applied.
    void helperRefusalAtApplyTimeIsShown()
    {
        const auto helper = startHelper();
        helper->engine.parseRefusal =
            Core::Error{Core::ExitCode::Refused, u"plan.json: schema 'deroot.plan/1' is not supported"_s};
        QVERIFY(showFinish(Core::Method::Capabilities));
        QVERIFY(!clickApply().isEmpty());
        QVERIFY(waitIdle());
        QVERIFY2(status().contains(u"The helper refused the plan: plan.json: schema 'deroot.plan/1' is not "
                                   "supported"_s),
                 qPrintable(status()));
        QVERIFY2(status().contains(u"Nothing was changed"_s), qPrintable(status()));
        QVERIFY(helper->engine.applied.isEmpty());
        QVERIFY(helper->polkit.inner.calls.isEmpty());
    }

    // A root-equivalent capability: the button predicts the helper's separate, always-interactive
    // approval; the confirmation names what is granted and calls the grant out; the one prompt is
    // io.github.deroot.privileged.grant's, naming it.
    void privilegedGrantLockState_data()
    {
        QTest::addColumn<QStringList>("yes");
        QTest::addColumn<bool>("root");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<bool>("locked");
        QTest::addColumn<QString>("says");
        const QStringList everything{Core::PolkitActions::kUsers, Core::PolkitActions::kCapabilities,
                                     Core::PolkitActions::kUnits, Core::PolkitActions::kApply,
                                     Core::PolkitActions::kPrivileged};
        QTest::newRow("default: the password")
            << QStringList() << false << true << true << u"password whatever polkit rules allow"_s;
        QTest::newRow("a rule allows every area: still the password")
            << everything.mid(0, 3) << false << true << true << u"password whatever polkit rules allow"_s;
        QTest::newRow("a rule allows everything: the helper refuses it")
            << everything << false << false << false << u"without an administrator's password"_s;
        QTest::newRow("root: polkit's yes is taken") << everything << true << true << false << u"without a password"_s;
    }

    void privilegedGrantLockState()
    {
        QFETCH(QStringList, yes);
        QFETCH(bool, root);
        QFETCH(bool, enabled);
        QFETCH(bool, locked);
        QFETCH(QString, says);
        for (const QString &action : std::as_const(yes)) {
            m_authority.answers[action] = PolkitAnswer::Yes;
        }
        m_authority.root = root;
        m_authority.asked.clear();
        const auto helper = startHelper();
        QVERIFY(showAdjustedFinish([](Core::GenerationInput &input) {
            input.capabilities << 21; /* CAP_SYS_ADMIN */
        }));
        auto *apply = find<QPushButton>(u"applyPushButton"_s);
        const QString label = find<QLabel>(u"applyPermissionLabel"_s)->text();
        QCOMPARE(apply->isEnabled(), enabled);
        QCOMPARE(!apply->icon().isNull(), locked);
        QVERIFY2(label.contains(says), qPrintable(label));
        QVERIFY(m_authority.asked.contains(Core::PolkitActions::kPrivileged));
        if (!enabled) {
            QVERIFY2(label.contains(Core::PolkitActions::kPrivileged), qPrintable(label));
        }
    }

    void privilegedGrantIsNamedAndApprovedByItsOwnPrompt()
    {
        const auto helper = startHelper();
        helper->engine.realParse = true;
        QVERIFY(showAdjustedFinish([](Core::GenerationInput &input) {
            input.capabilities << 21; /* CAP_SYS_ADMIN */
        }));
        const auto request = wizard().session()->applyRequest();
        QVERIFY(request.ok());
        const auto plan = Core::parseApplyRequest(*request);
        QVERIFY2(plan.ok(), qPrintable(plan.error().message));
        const QString dialog = clickApply();
        // What is granted, by name, before the prompt: the program, the account, the
        // capabilities, the unit, the sudo commands; the root-equivalent grant called out.
        for (const QString &expected :
             {u"Program: /usr/bin/fping"_s, u"Service user: %1"_s.arg(plan->serviceUser), u"CAP_NET_RAW"_s,
              u"Unit: %1"_s.arg(plan->unit), u"Sudo commands: none"_s,
              u"Root-equivalent: CAP_SYS_ADMIN (root-equivalent capability)"_s, hex(request->planJson)}) {
            QVERIFY2(dialog.contains(expected), qPrintable(expected + u"\n---\n"_s + dialog));
        }
        QVERIFY(waitIdle());
        QVERIFY2(status().startsWith(u"Applied"_s), qPrintable(status()));
        QCOMPARE(helper->polkit.inner.prompts.size(), 1);
        const Helper::AuthDetails prompt = helper->polkit.inner.prompts.constFirst();
        QCOMPARE(prompt.value(u"privileged_grants"_s), u"CAP_SYS_ADMIN"_s);
        QCOMPARE(prompt.value(u"program"_s), u"/usr/bin/fping"_s);
        QVERIFY2(prompt.value(u"capabilities"_s).contains(u"CAP_SYS_ADMIN"_s),
                 qPrintable(prompt.value(u"capabilities"_s)));
        for (const FakePolkit::Call &call : std::as_const(helper->polkit.inner.calls)) {
            QVERIFY2(!call.interactive || call.action == Core::PolkitActions::kPrivileged, qPrintable(call.action));
        }
        QVERIFY(undo());
        QVERIFY(waitIdle());
    }

    // The start modes: what the helper would do beyond the plan's own files is in the confirmation the
    // admin accepts, as a grant line and as a step: the unit a switch-over stops and disables, the
    // timer that starts a scheduled agent (never its service), who may call a called program.
    void startModeIsNamedBeforeTheClick_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("a switch-over") << u"replace"_s
                                       << QStringList{u"Replaces: stops and disables fping-vendor.service; a rollback "
                                                      u"enables and starts it again as it was"_s,
                                                      u"• stop-unit fping-vendor.service\n• daemon-reload"_s};
        QTest::newRow("a timer") << u"scheduled"_s
                                 << QStringList{u"Timer: deroot-fping.timer starts deroot-fping.service on the "
                                                u"schedule hourly"_s,
                                                u"• start-timer deroot-fping.timer"_s};
        QTest::newRow("called by others")
            << u"called"_s
            << QStringList{u"Called by: any user who runs it (file capabilities act for every caller)"_s,
                           u"• set-file-caps /usr/bin/fping"_s};
    }

    void startModeIsNamedBeforeTheClick()
    {
        QFETCH(QString, mode);
        QFETCH(QStringList, expected);
        const auto helper = startHelper();
        QVERIFY(showAdjustedFinish([&](Core::GenerationInput &input) {
            input.existingUnit.clear();
            input.vendorExecStart.clear();
            input.runsUnderSystemd = true;
            if (mode == u"called") {
                input.startMode = Core::StartMode::CalledBy;
                input.serviceUser.clear();
                input.serviceGroup.clear();
                input.supplementaryGroups.clear();
                input.environment.clear();
                input.environmentFiles.clear();
                input.replacesUnit.clear();
                input.schedule.clear();
                return;
            }
            input.startMode = mode == u"scheduled" ? Core::StartMode::Scheduled : Core::StartMode::Service;
            input.schedule = mode == u"scheduled" ? u"hourly"_s : QString();
            input.callerUser.clear();
            input.serviceUser = u"deroot-fping"_s;
            input.replacesUnit = mode == u"replace" ? u"fping-vendor.service"_s : QString();
        }));
        const QString dialog = clickApply();
        for (const QString &line : std::as_const(expected)) {
            QVERIFY2(dialog.contains(line), qPrintable(line + u"\n---\n"_s + dialog));
        }
        QVERIFY(waitIdle());
        QVERIFY(undo());
        QVERIFY(waitIdle());
    }

    // A container file or AppArmor profile rides along in the plan but is never installed: its
    // row must not read like an install that went well.
    void exportOnlyStepSaysNotApplied()
    {
        const auto helper = startHelper();
        helper->engine.stepKinds = {u"create-user"_s, u"export-only"_s, u"start-unit"_s};
        QVERIFY(showFinish(Core::Method::Capabilities));
        QVERIFY(!clickApply().isEmpty());
        QVERIFY(waitIdle());
        QCOMPARE(stepRows(),
                 (QStringList{u"create-user ok"_s,
                              u"export-only not applied: install this exported file yourself if you want it"_s,
                              u"start-unit ok"_s}));
        QCOMPARE(status(), u"Applied: 2 step(s) done."_s);
        // Undone, so that the next test may apply the same plan.
        QVERIFY(undo());
        QVERIFY(waitIdle());
    }

    void agentMismatchOffersUndo()
    {
        const auto helper = startHelper();
        Helper::AgentCheck check;
        check.checked = true;
        check.ok = false;
        check.unit = u"deroot-fping.service"_s;
        check.pid = 4242;
        check.fields = {{u"uid"_s, u"998"_s, u"0"_s, false},
                        {u"CapEff"_s, u"0000000000002000"_s, u"0000000000002000"_s, true},
                        {u"CapAmb"_s, u"0000000000002000"_s, u"0000000000000000"_s, false},
                        {u"NoNewPrivs"_s, u"1"_s, u"0"_s, false}};
        helper->engine.agentCheck = check;
        QVERIFY(showFinish(Core::Method::Capabilities));
        m_wizard->resize(900, 520);
        QVERIFY(!clickApply().isEmpty());
        QVERIFY(waitIdle());
        QVERIFY2(status().contains(u"does not match"_s), qPrintable(status()));
        auto *agent = find<QLabel>(u"agentCheckLabel"_s);
        QVERIFY(agent->isVisible());
        QVERIFY2(agent->text().contains(u"uid: 0, but the plan expects 998"_s), qPrintable(agent->text()));
        QVERIFY2(agent->text().contains(u"NoNewPrivs: 0, but the plan expects 1"_s), qPrintable(agent->text()));
        // Capability sets by name, as the admin reviewed them, not /proc's hex.
        QVERIFY2(agent->text().contains(u"CapEff: CAP_NET_RAW as planned"_s), qPrintable(agent->text()));
        QVERIFY2(agent->text().contains(u"CapAmb: none, but the plan expects CAP_NET_RAW"_s),
                 qPrintable(agent->text()));
        QVERIFY(agent->property("error").toBool());
        // The outcome and Undo are brought into view on a window too short for the whole page.
        auto *undoButton = find<QPushButton>(u"undoPushButton"_s);
        QTRY_VERIFY2(inView(undoButton), "Undo is below the fold after the apply");
        QVERIFY(undo());
        QVERIFY(waitIdle());
        QCOMPARE(helper->engine.rolledBack, QStringList{u"apply-1"_s});
        // Undone: the check described the applied state, which is gone.
        QVERIFY(!agent->isVisible());
        QTRY_VERIFY2(inView(find<QLabel>(u"applyStatusLabel"_s)), "the rollback's outcome is below the fold");
    }

    // A scheduled plan's check is of its timer: no process runs until the schedule says, so no
    // "pid 0" is shown as if an agent ran.
    void timerCheckIsNotARunningAgent()
    {
        const auto helper = startHelper();
        Helper::AgentCheck check;
        check.checked = true;
        check.ok = true;
        check.unit = u"deroot-fping.timer"_s;
        check.fields = {{u"Unit"_s, u"deroot-fping.service"_s, u"deroot-fping.service"_s, true}};
        helper->engine.agentCheck = check;
        QVERIFY(showFinish(Core::Method::Capabilities));
        QVERIFY(!clickApply().isEmpty());
        QVERIFY(waitIdle());
        auto *agent = find<QLabel>(u"agentCheckLabel"_s);
        QVERIFY(agent->isVisible());
        QVERIFY2(agent->text().startsWith(u"Timer (deroot-fping.timer), as systemd has it:"_s),
                 qPrintable(agent->text()));
        QVERIFY2(!agent->text().contains(u"pid"_s), qPrintable(agent->text()));
        QVERIFY(!agent->property("error").toBool());
        // Undone, so that the next test may apply the same plan.
        QVERIFY(undo());
        QVERIFY(waitIdle());
    }

    // Whether @p widget lies wholly inside the visible part of the page's scroll area.
    static bool inView(QWidget *widget)
    {
        QWidget *parent = widget->parentWidget();
        while (parent && !qobject_cast<QScrollArea *>(parent)) {
            parent = parent->parentWidget();
        }
        auto *area = qobject_cast<QScrollArea *>(parent);
        if (!area || !widget->isVisible()) {
            return false;
        }
        const QRect rect(widget->mapTo(area->viewport(), QPoint(0, 0)), widget->size());
        return area->viewport()->rect().contains(rect);
    }

    void confirmWithinKeep()
    {
        const auto helper = startHelper();
        QVERIFY(showFinish(Core::Method::Capabilities));
        find<QCheckBox>(u"confirmWithinCheckBox"_s)->setChecked(true);
        find<QSpinBox>(u"confirmSecondsSpinBox"_s)->setValue(60);
        QVERIFY(!clickApply().isEmpty());
        QVERIFY(waitIdle());
        auto *countdown = find<QLabel>(u"confirmCountdownLabel"_s);
        QVERIFY(countdown->isVisible());
        QVERIFY2(countdown->text().contains(u"second"_s), qPrintable(countdown->text()));
        QVERIFY(helper->engine.pendingConfirmation.has_value());
        // Pending: the wizard cannot be left.
        QVERIFY(!wizard().button(QWizard::BackButton)->isEnabled());
        wizard().reject();
        QVERIFY(wizard().isVisible());
        QVERIFY2(status().contains(u"confirmation"_s), qPrintable(status()));
        find<QPushButton>(u"keepPushButton"_s)->click();
        QTRY_VERIFY(!helper->engine.pendingConfirmation.has_value());
        QTRY_VERIFY(status().contains(u"Confirmed"_s));
        QVERIFY(!countdown->isVisible());
        QVERIFY(helper->engine.expired.isEmpty());
        QVERIFY(wizard().button(QWizard::BackButton)->isEnabled());
        // Kept, it is undone like any apply (and the next test may apply the plan again).
        QVERIFY(undo());
        QVERIFY(waitIdle());
    }

    void confirmWithinExpires()
    {
        const auto helper = startHelper();
        QVERIFY(showFinish(Core::Method::Capabilities));
        find<QCheckBox>(u"confirmWithinCheckBox"_s)->setChecked(true);
        // Short, yet not the spin box's minimum (one second): on a loaded machine the deadline could
        // pass before the page has shown the pending apply this test looks at first.
        constexpr int kWindow = 3;
        find<QSpinBox>(u"confirmSecondsSpinBox"_s)->setValue(kWindow);
        QVERIFY(!clickApply().isEmpty());
        QVERIFY(waitIdle());
        QVERIFY(find<QPushButton>(u"keepPushButton"_s)->isVisible());
        // Nobody keeps it: the helper rolls it back at its deadline and says so.
        QTRY_VERIFY_WITH_TIMEOUT(status().contains(u"Not confirmed in time"_s), (kWindow + 5) * 1000);
        QCOMPARE(helper->engine.expired, QStringList{u"apply-1"_s});
        QVERIFY(!find<QPushButton>(u"keepPushButton"_s)->isVisible());
        QVERIFY(!find<QPushButton>(u"undoPushButton"_s)->isVisible());
        QVERIFY(!find<QLabel>(u"applyIdLabel"_s)->text().contains(u"undoes it later"_s));
        QVERIFY(wizard().button(QWizard::CancelButton)->isEnabled());
    }

    void navigationHeldDuringTheCall()
    {
        const auto helper = startHelper();
        QVERIFY(showFinish(Core::Method::Capabilities));
        helper->polkit.hold = true;
        QVERIFY(!clickApply().isEmpty());
        // The admin reads the prompt: the call is in flight.
        QTRY_VERIFY(!helper->polkit.held.isEmpty());
        QVERIFY(!wizard().button(QWizard::BackButton)->isEnabled());
        QVERIFY(!wizard().button(QWizard::CancelButton)->isEnabled());
        QVERIFY(!wizard().button(QWizard::FinishButton)->isEnabled());
        QVERIFY(!find<QPushButton>(u"applyPushButton"_s)->isEnabled());
        QVERIFY(wizard().currentPage()->cursor().shape() == Qt::BusyCursor);
        wizard().reject();
        QVERIFY(!wizard().close());
        QVERIFY(wizard().isVisible());
        QCOMPARE(wizard().currentId(), int(AgentWizard::FinishPageId));
        QVERIFY2(status().contains(u"still at work"_s), qPrintable(status()));
        helper->polkit.release();
        QVERIFY(waitIdle());
        QVERIFY2(status().startsWith(u"Applied"_s), qPrintable(status()));
        QVERIFY(wizard().button(QWizard::BackButton)->isEnabled());
        QVERIFY(wizard().button(QWizard::FinishButton)->isEnabled());
    }

    void sudoersPlansConfirmByDefault_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<bool>("checked");
        QTest::newRow("capabilities") << int(Core::Method::Capabilities) << false;
        QTest::newRow("sudo: can lock the admin out") << int(Core::Method::Sudo) << true;
        QTest::newRow("container") << int(Core::Method::Container) << false;
    }

    void sudoersPlansConfirmByDefault()
    {
        QFETCH(int, method);
        QFETCH(bool, checked);
        const auto helper = startHelper();
        QVERIFY(showFinish(static_cast<Core::Method>(method)));
        auto *confirm = find<QCheckBox>(u"confirmWithinCheckBox"_s);
        auto *seconds = find<QSpinBox>(u"confirmSecondsSpinBox"_s);
        QCOMPARE(confirm->isChecked(), checked);
        // The choice is offered only while Apply can be pressed (P16 of the usability review).
        const bool applies = find<QPushButton>(u"applyPushButton"_s)->isEnabled();
        QCOMPARE(confirm->isEnabled(), applies);
        QCOMPARE(seconds->isEnabled(), applies && checked);
        // The admin's choice, either way: the seconds follow the box.
        confirm->toggle();
        QCOMPARE(seconds->isEnabled(), applies && !checked);
    }
};

QTEST_MAIN(FinishApplyTest)
#include "finishapply_test.moc"
