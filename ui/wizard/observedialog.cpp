// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/observedialog.h"

#include "core/base/commandline.h"
#include "core/base/deroot.h"
#include "core/base/text.h"
#include "core/client/helperclient.h"
#include "core/model/capabilities.h"
#include "core/recommend/inputbuilder.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

constexpr int kDefaultSeconds = 30;

// As root: deroot-observer itself, off the GUI thread's way (a QProcess), its output read at its end.
void runObserverProcess(QObject *context, const Core::ObserveRequest &request,
                        const std::function<void(const Core::Result<QByteArray> &)> &done)
{
    auto *process = new QProcess(context);
    const QString program = Core::libexecDirectory() + u"/deroot-observer"_s;
    QObject::connect(process, &QProcess::finished, context, [process, done](int exitCode, QProcess::ExitStatus status) {
        process->deleteLater();
        if (status != QProcess::NormalExit || exitCode != 0) {
            done(Core::observerFailure(status != QProcess::NormalExit, exitCode, process->readAllStandardError()));
            return;
        }
        done(process->readAllStandardOutput());
    });
    QObject::connect(
        process, &QProcess::errorOccurred, context, [process, program, done](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart) {
                process->deleteLater();
                done(Core::Error{Core::ExitCode::Unavailable,
                                 ObserveDialog::tr("could not start %1: %2").arg(program, process->errorString())});
            }
        });
    process->start(program, Core::observerArguments(request));
    process->closeWriteChannel();
}

} // namespace

ObserveRunner systemObserveRunner(QObject *context)
{
    if (geteuid() == 0) {
        return
            [context](const Core::ObserveRequest &request, auto done) { runObserverProcess(context, request, done); };
    }
    QPointer<Core::HelperClient> client = new Core::HelperClient(QDBusConnection::systemBus(), context);
    return [client](const Core::ObserveRequest &request, auto done) {
        if (!client) {
            return;
        }
        client->observe(request, done);
    };
}

ObserveDialog::ObserveDialog(WizardSession *session, ObserveRunner runner, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_runner(std::move(runner))
    , m_intro(new QLabel(this))
    , m_seconds(new QSpinBox(this))
    , m_start(new QPushButton(tr("&Start watching"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_result(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_add(m_buttons->addButton(tr("&Add to the needs"), QDialogButtonBox::AcceptRole))
{
    setObjectName(u"observeDialog"_s);
    const AgentTarget &target = session->target();
    setWindowTitle(tr("Watch %1 run").arg(target.display()));
    m_intro->setObjectName(u"observeIntroLabel"_s);
    m_intro->setWordWrap(true);
    QString intro;
    switch (target.kind) {
    case AgentTarget::Kind::File:
        intro = tr("Deroot starts %1 as the user below, without privileges, and watches what it asks the kernel for: "
                   "capabilities, files it writes, ports, devices. What it is refused, it is given in the next "
                   "round, up to %2 rounds. Watching it as root would hide the permission problems its service "
                   "user will meet, so an unprivileged user is best.")
                    .arg(target.display())
                    .arg(Core::kDefaultObserveRounds);
        break;
    case AgentTarget::Kind::Unit:
    case AgentTarget::Kind::Process:
        intro = tr("Deroot watches %1 from now on for the time below: what it asks the kernel for, files it writes, "
                   "ports, devices. It is not restarted, so what it did when it started is not seen.")
                    .arg(target.display());
        break;
    }
    if (geteuid() != 0) {
        intro += u' ' + tr("Deroot's helper does the watching: each round asks for an administrator's password.");
    }
    intro += u' ' + tr("A short watch only shows what the agent did in that time: anything it does now and then "
                       "(a reload, a rare check) may be missing.");
    m_intro->setText(intro);

    auto *form = new QFormLayout;
    if (target.kind == AgentTarget::Kind::File) {
        m_arguments = new QLineEdit(this);
        m_arguments->setObjectName(u"observeArgumentsLineEdit"_s);
        // The arguments the plan would run it with: the agent is watched as it will run.
        QStringList arguments;
        if (session->hasReport()) {
            arguments =
                Core::buildGenerationInput(session->report(), Core::Method::Capabilities, session->startChoice())
                    .arguments;
        }
        m_arguments->setText(Core::joinCommandLine(arguments));
        m_arguments->setAccessibleName(tr("Arguments"));
        form->addRow(tr("A&rguments:"), m_arguments);
        m_user = new QLineEdit(u"nobody"_s, this);
        m_user->setObjectName(u"observeUserLineEdit"_s);
        m_user->setAccessibleName(tr("Run it as user"));
        form->addRow(tr("Run it as &user:"), m_user);
    }
    m_seconds->setObjectName(u"observeSecondsSpinBox"_s);
    m_seconds->setRange(1, Core::kMaxObserveSeconds);
    m_seconds->setValue(kDefaultSeconds);
    m_seconds->setSuffix(tr(" s"));
    m_seconds->setAccessibleName(tr("Watch for, in seconds"));
    form->addRow(tr("&Watch for:"), m_seconds);

    m_start->setObjectName(u"observeStartButton"_s);
    m_progress->setObjectName(u"observeProgressBar"_s);
    m_progress->setRange(0, 0);
    m_progress->setVisible(false);
    m_status->setObjectName(u"observeStatusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setObjectName(u"observeResultTextEdit"_s);
    m_result->setReadOnly(true);
    m_result->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_result->setAccessibleName(tr("What watching it found"));
    m_result->setPlaceholderText(tr("What the agent asks for appears here when the watch ends."));
    m_add->setObjectName(u"observeAddButton"_s);
    m_add->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_start);
    startRow->addWidget(m_progress, 1);
    startRow->addStretch();
    layout->addLayout(startRow);
    layout->addWidget(m_status);
    layout->addWidget(m_result, 1);
    layout->addWidget(m_buttons);
    resize(760, 560);

    connect(m_start, &QPushButton::clicked, this, &ObserveDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, [this] {
        if (m_rounds && m_rounds->rounds() > 0) {
            m_session->addObservation(m_rounds->observation());
            accept();
        }
    });
}

ObserveDialog::~ObserveDialog() = default;

Core::ObserveRequest ObserveDialog::request() const
{
    Core::ObserveRequest request;
    const AgentTarget &target = m_session->target();
    request.seconds = m_seconds->value();
    switch (target.kind) {
    case AgentTarget::Kind::File: {
        // The helper takes the program without symlinks on the way, as derootctl resolves it.
        const QString path = QString::fromLocal8Bit(target.path);
        const QString canonical = QFileInfo(path).canonicalFilePath();
        request.target = Core::ObserveRequest::Target::Command;
        request.program = canonical.isEmpty() ? path : canonical;
        request.arguments = Core::splitCommandLine(m_arguments->text());
        request.user = m_user->text().trimmed();
        break;
    }
    case AgentTarget::Kind::Unit:
        request.target = Core::ObserveRequest::Target::Unit;
        request.unit = target.unit;
        break;
    case AgentTarget::Kind::Process:
        request.target = Core::ObserveRequest::Target::Pid;
        request.pid = target.pid;
        break;
    }
    return request;
}

void ObserveDialog::start()
{
    m_request = request();
    // The form is checked as the helper checks it, so a mistake is named here, at once.
    const auto checked = Core::parseObserveRequest(Core::observeRequestJson(m_request));
    if (!checked) {
        showError(checked.error().message);
        return;
    }
    ++m_generation;
    m_rounds.emplace(QList<int>{}, Core::kDefaultObserveRounds,
                     m_request.target == Core::ObserveRequest::Target::Command, geteuid() != 0);
    m_result->clear();
    m_add->setEnabled(false);
    setRunning(true);
    runRound();
}

void ObserveDialog::runRound()
{
    Core::ObserveRequest request = m_request;
    request.capabilities = Core::capabilityNames(m_rounds->capabilities()).split(u',', Qt::SkipEmptyParts);
    const int round = m_rounds->rounds() + 1;
    m_status->setText(request.capabilities.isEmpty()
                          ? tr("Round %1: watching for %2 s…").arg(round).arg(request.seconds)
                          : tr("Round %1: watching for %2 s, given %3…")
                                .arg(round)
                                .arg(request.seconds)
                                .arg(request.capabilities.join(u", "_s)));
    const quint64 generation = m_generation;
    QPointer<ObserveDialog> self(this);
    m_runner(request, [self, generation](const Core::Result<QByteArray> &output) {
        if (!self || self->m_generation != generation) {
            return;
        }
        if (!output) {
            self->showError(output.error().message);
            return;
        }
        const auto recording = Core::readObserverRecording(*output);
        if (!recording) {
            self->showError(recording.error().message);
            return;
        }
        if (self->m_rounds->add(*recording)) {
            self->runRound();
            return;
        }
        self->setRunning(false);
        self->m_result->setPlainText(self->m_rounds->text());
        const Core::Observation observation = self->m_rounds->observation();
        int granted = 0;
        for (const Core::CapabilityObservation &capability : observation.capabilities) {
            granted += Core::verdictGrants(capability.verdict) ? 1 : 0;
        }
        QString done = tr("Done: %n capability(s) needed or used.", nullptr, granted);
        if (!observation.pathFixes.isEmpty()) {
            done += u' ' + tr("%n path(s) to give the service user.", nullptr, int(observation.pathFixes.size()));
        }
        self->m_status->setText(done + u' ' +
                                tr("\"Add to the needs\" builds the plan from what inspection and watching found."));
        self->m_add->setEnabled(true);
        Q_EMIT self->finished();
    });
}

void ObserveDialog::showError(const QString &message)
{
    setRunning(false);
    m_status->setText(tr("Watching did not work: %1").arg(Core::oneLine(message)));
    Q_EMIT finished();
}

void ObserveDialog::setRunning(bool running)
{
    m_running = running;
    m_progress->setVisible(running);
    m_start->setEnabled(!running);
    m_seconds->setEnabled(!running);
    if (m_arguments) {
        m_arguments->setEnabled(!running);
        m_user->setEnabled(!running);
    }
}

} // namespace Deroot::Ui
