// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/provedialog.h"

#include "core/base/text.h"
#include "core/client/helperclient.h"
#include "core/model/capabilities.h"
#include "core/prove/provetext.h"
#include "core/prove/systemdtrial.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrentRun>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Deroot::Ui {

namespace {

constexpr int kDefaultSeconds = 10;
constexpr int kMaxSeconds = 600;

// As root: the trials run here, on a thread of the global pool, each trial's end told to the GUI.
void proveHere(QObject *context, const Core::ApplyRequest &request, int seconds, const QString &check,
               const QList<Core::SandboxCandidate> &sandbox, const std::function<void(const QString &)> &progress,
               const std::function<void(const Core::Result<QJsonObject> &)> &done)
{
    const Core::Result<Core::CheckedRequest> checked = Core::parseApplyRequest(request);
    if (!checked) {
        done(checked.error());
        return;
    }
    const Core::Result<Core::PlanProof> proof = Core::PlanProof::prepare(checked->input);
    if (!proof) {
        done(proof.error());
        return;
    }
    auto *watcher = new QFutureWatcher<Core::Result<QJsonObject>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    QPointer<QObject> guard(context);
    watcher->setFuture(
        QtConcurrent::run([proof = *proof, seconds, check, sandbox, progress, guard]() -> Core::Result<QJsonObject> {
            const auto report =
                proof.run(seconds, check, sandbox, check.isEmpty() ? Core::TrialCheck{} : Core::shellCheck(check),
                          [&](const Core::TrialRecord &record) {
                              QMetaObject::invokeMethod(guard, [guard, progress, without = record.withoutCapability] {
                                  if (guard) {
                                      progress(without);
                                  }
                              });
                          });
            if (!report) {
                return report.error();
            }
            return Core::proveReportToJson(*report);
        }));
}

QString trialName(const QJsonObject &trial)
{
    const QString without = trial.value(u"without"_s).toString();
    return without.isEmpty() ? ProveDialog::tr("With every capability") : ProveDialog::tr("Without %1").arg(without);
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray()) {
        out.append(item.toString());
    }
    return out;
}

// The report's sentences (problems, evidence, notes) are English, as the helper wrote them: each in
// the reader's language.
QStringList sentences(const QJsonValue &value)
{
    QStringList out = strings(value);
    for (QString &sentence : out) {
        sentence = Core::shownProveText(sentence);
    }
    return out;
}

} // namespace

ProveRunner systemProveRunner(QObject *context)
{
    if (geteuid() == 0) {
        return [context](const Core::ApplyRequest &request, int seconds, const QString &check,
                         const QList<Core::SandboxCandidate> &sandbox, auto progress,
                         auto done) { proveHere(context, request, seconds, check, sandbox, progress, done); };
    }
    // Through the helper (Prove): polkit asks for an administrator's password, the helper makes the
    // same checks and trials, and runs the check command as this user.
    QPointer<Core::HelperClient> client = new Core::HelperClient(QDBusConnection::systemBus(), context);
    return [client](const Core::ApplyRequest &request, int seconds, const QString &check,
                    const QList<Core::SandboxCandidate> &sandbox, auto progress, auto done) {
        if (!client) {
            return;
        }
        // A running agent is refused after the password: say so before it is asked for.
        if (const auto checked = Core::parseApplyRequest(request); checked && !checked->input.existingUnit.isEmpty()) {
            if (const std::optional<Core::Error> running = Core::vendorUnitRunning(checked->input.existingUnit)) {
                done(*running);
                return;
            }
        }
        // Each trial's end, as the helper tells it, moves the dialog on, until the answer comes.
        auto told = std::make_shared<QMetaObject::Connection>(
            QObject::connect(client, &Core::HelperClient::proveTrial, client, [progress](const QJsonObject &trial) {
                const QString with = trial.value(u"with"_s).toString();
                progress(with.isEmpty() ? trial.value(u"without"_s).toString() : with);
            }));
        client->prove(
            Core::ProveRequest{request, seconds, check, sandbox}, [done, told](const Core::Result<QByteArray> &reply) {
                QObject::disconnect(*told);
                if (!reply) {
                    done(reply.error());
                    return;
                }
                const QJsonDocument document = QJsonDocument::fromJson(*reply);
                if (!document.isObject()) {
                    done(Core::Error{Core::ExitCode::Failure, ProveDialog::tr("the helper's answer is not a report")});
                    return;
                }
                done(document.object());
            });
    };
}

ProveDialog::ProveDialog(WizardSession *session, ProveRunner runner, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_runner(std::move(runner))
    , m_intro(new QLabel(this))
    , m_seconds(new QSpinBox(this))
    , m_check(new QLineEdit(this))
    , m_start(new QPushButton(tr("&Start the trials"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_notes(new QLabel(this))
    , m_trials(new QTreeWidget(this))
    , m_drop(new QPushButton(this))
{
    setObjectName(u"proveDialog"_s);
    setWindowTitle(tr("Prove the plan for %1").arg(session->target().display()));
    m_intro->setObjectName(u"proveIntroLabel"_s);
    m_intro->setWordWrap(true);
    QString intro =
        tr("Deroot runs the agent exactly as the plan's unit would, on temporary units, first with every capability "
           "of the plan, then once without each. A capability the agent works without in its trial is offered to "
           "drop. Nothing of the system changes: the temporary units are gone afterwards. Each trial lasts the time "
           "below; a service must still run at its end and listen on the plan's ports, and the check command, if "
           "you give one, must succeed.");
    if (!session->input().existingUnit.isEmpty()) {
        intro += u' ' + tr("The trials run a copy of %1 with the plan's drop-in, so %1 must be stopped while they "
                           "run.")
                            .arg(session->input().existingUnit);
    }
    if (!session->sandboxCandidates().isEmpty()) {
        intro += u' ' + tr("Watching it run flagged %n sandbox setting(s) it may work with: each is tried once too.",
                           nullptr, int(session->sandboxCandidates().size()));
    }
    m_intro->setText(intro);

    m_seconds->setObjectName(u"proveSecondsSpinBox"_s);
    m_seconds->setRange(1, kMaxSeconds);
    m_seconds->setValue(kDefaultSeconds);
    m_seconds->setSuffix(tr(" s"));
    m_seconds->setAccessibleName(tr("Each trial lasts, in seconds"));
    m_check->setObjectName(u"proveCheckLineEdit"_s);
    m_check->setPlaceholderText(tr("optional, e.g. curl -fsS http://127.0.0.1:9100/metrics"));
    m_check->setAccessibleName(tr("Check command"));
    m_check->setToolTip(tr("A shell command that must succeed while the agent runs, such as fetching its page. It "
                           "runs as you, not as root, unless Deroot itself runs as root."));
    auto *form = new QFormLayout;
    form->addRow(tr("&Each trial lasts:"), m_seconds);
    form->addRow(tr("Check &command:"), m_check);

    m_start->setObjectName(u"proveStartButton"_s);
    m_progress->setObjectName(u"proveProgressBar"_s);
    m_progress->setVisible(false);
    m_status->setObjectName(u"proveStatusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setObjectName(u"proveNotesLabel"_s);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setTextFormat(Qt::PlainText);
    m_notes->setVisible(false);
    m_trials->setObjectName(u"proveTrialsTreeWidget"_s);
    m_trials->setAccessibleName(tr("The trials and the verdicts"));
    m_trials->setHeaderLabels({tr("Trial"), tr("Outcome")});
    m_trials->setRootIsDecorated(false);
    m_trials->setWordWrap(true);
    m_trials->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_drop->setObjectName(u"proveDropButton"_s);
    m_drop->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_start);
    startRow->addWidget(m_progress, 1);
    startRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addLayout(startRow);
    layout->addWidget(m_status);
    layout->addWidget(m_trials, 1);
    layout->addWidget(m_notes);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_drop);
    bottom->addStretch();
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    resize(760, 560);

    connect(m_start, &QPushButton::clicked, this, &ProveDialog::start);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_drop, &QPushButton::clicked, this, &ProveDialog::dropNotNecessary);
}

ProveDialog::~ProveDialog() = default;

void ProveDialog::start()
{
    const Core::Result<Core::ApplyRequest> request =
        m_session->hasPlan() ? m_session->applyRequest()
                             : Core::Result<Core::ApplyRequest>(Core::Error{Core::ExitCode::Usage, tr("no plan yet")});
    if (!request) {
        showError(request.error().message);
        return;
    }
    ++m_generation;
    m_report = {};
    m_trials->clear();
    m_notes->clear();
    m_notes->setVisible(false);
    m_drop->setVisible(false);
    const QList<Core::SandboxCandidate> &sandbox = m_session->sandboxCandidates();
    // At most: a sandbox setting the plan's unit already has is skipped without a trial.
    const int trials = 1 + int(m_session->input().capabilities.size()) + int(sandbox.size());
    m_progress->setRange(0, trials);
    m_progress->setValue(0);
    m_status->setText(tr("Trial 1 of %1: with every capability…").arg(trials));
    setRunning(true);
    const quint64 generation = m_generation;
    QPointer<ProveDialog> self(this);
    m_runner(
        *request, m_seconds->value(), m_check->text().trimmed(), sandbox,
        [self, generation, trials](const QString &) {
            if (!self || self->m_generation != generation) {
                return;
            }
            self->m_progress->setValue(self->m_progress->value() + 1);
            if (self->m_progress->value() < trials) {
                self->m_status->setText(tr("Trial %1 of %2…").arg(self->m_progress->value() + 1).arg(trials));
            }
        },
        [self, generation](const Core::Result<QJsonObject> &report) {
            if (!self || self->m_generation != generation) {
                return;
            }
            if (!report) {
                self->showError(report.error().message);
                return;
            }
            self->showReport(*report);
        });
}

void ProveDialog::showReport(const QJsonObject &report)
{
    setRunning(false);
    m_report = report;
    m_trials->clear();
    QList<QJsonObject> trials{report.value(u"baseline"_s).toObject()};
    for (const QJsonValue &trial : report.value(u"trials"_s).toArray()) {
        trials.append(trial.toObject());
    }
    for (const QJsonObject &trial : std::as_const(trials)) {
        const QString seconds = QLocale().toString(trial.value(u"seconds"_s).toDouble(), 'f', 1);
        const QString outcome =
            trial.value(u"healthy"_s).toBool()
                ? tr("works (%1 s)").arg(seconds)
                : tr("fails: %1 (%2 s)").arg(sentences(trial.value(u"problems"_s)).join(u"; "_s), seconds);
        auto *item = new QTreeWidgetItem(m_trials, {trialName(trial), outcome});
        item->setToolTip(1, outcome);
    }
    for (const QJsonValue &value : report.value(u"verdicts"_s).toArray()) {
        const QJsonObject verdict = value.toObject();
        const QString capability = verdict.value(u"capability"_s).toString();
        const bool necessary = verdict.value(u"verdict"_s).toString() == u"shown-necessary";
        const QString text = necessary ? tr("shown necessary: without it the agent %1")
                                             .arg(sentences(verdict.value(u"evidence"_s)).join(u"; "_s))
                                       : tr("not shown necessary: the agent passed every check without it");
        auto *item = new QTreeWidgetItem(m_trials, {capability, text});
        item->setToolTip(1, text);
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
    }
    for (const QJsonValue &value : report.value(u"sandbox"_s).toArray()) {
        const QJsonObject finding = value.toObject();
        const QString verdict = finding.value(u"verdict"_s).toString();
        const QString evidence = sentences(finding.value(u"evidence"_s)).join(u"; "_s);
        const QString text = verdict == u"tolerated"
                                 ? tr("tolerated: the agent worked with it, so the unit can have it")
                             : verdict == u"breaks-the-agent" ? tr("breaks the agent: %1").arg(evidence)
                                                              : tr("not tried: %1").arg(evidence);
        auto *item = new QTreeWidgetItem(m_trials, {tr("With %1").arg(finding.value(u"setting"_s).toString()), text});
        item->setToolTip(0, finding.value(u"observed"_s).toString());
        item->setToolTip(1, text);
    }
    // The notes are sentences, too long for a row: below the list, whole.
    const QStringList notes = sentences(report.value(u"notes"_s));
    m_notes->setText(notes.join(u"\n\n"_s));
    m_notes->setVisible(!notes.isEmpty());

    const QStringList drop = strings(report.value(u"not_shown_necessary"_s));
    const QStringList tighten = strings(report.value(u"tighten"_s));
    if (!report.value(u"works"_s).toBool()) {
        m_status->setText(tr("The plan does not work as it stands: with every capability the agent %1. Nothing was "
                             "tried without; fix the plan (its user's access, its arguments, its ports) first.")
                              .arg(sentences(report.value(u"baseline"_s)[u"problems"_s]).join(u"; "_s)));
    } else if (drop.isEmpty()) {
        m_status->setText(report.value(u"capabilities"_s).toArray().isEmpty()
                              ? tr("The plan works, and grants no capability.")
                              : tr("The plan works, and each of its capabilities was shown necessary."));
    } else {
        m_status->setText(tr("The plan works. The agent also worked without %1 for %2 s: a trial shows only what the "
                             "agent did in that time, so keep it if the agent needs it now and then (a reload, a "
                             "rare probe).")
                              .arg(drop.join(u", "_s))
                              .arg(report.value(u"seconds"_s).toInt()));
        m_drop->setText(tr("&Drop %1 from the plan").arg(drop.join(u", "_s)));
        m_drop->setVisible(true);
    }
    if (report.value(u"works"_s).toBool() && !tighten.isEmpty()) {
        m_status->setText(m_status->text() + u' ' +
                          tr("It also worked with %1, which watching it run suggested: the unit can be made "
                             "stricter with it.")
                              .arg(tighten.join(u", "_s)));
    }
    Q_EMIT finished();
}

void ProveDialog::dropNotNecessary()
{
    Core::GenerationInput input = m_session->input();
    for (const QString &name : strings(m_report.value(u"not_shown_necessary"_s))) {
        if (const auto info = Core::capabilityByName(name)) {
            input.capabilities.removeAll(info->number);
        }
    }
    m_session->setInput(input);
    accept();
}

void ProveDialog::showError(const QString &message)
{
    setRunning(false);
    m_status->setText(tr("The trials did not run: %1").arg(Core::oneLine(message)));
    Q_EMIT finished();
}

void ProveDialog::setRunning(bool running)
{
    m_running = running;
    m_progress->setVisible(running);
    m_start->setEnabled(!running);
    m_seconds->setEnabled(!running);
    m_check->setEnabled(!running);
}

} // namespace Deroot::Ui
