// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/observe/rounds.h"
#include "core/plan/observerequest.h"
#include "ui/wizard/wizardsession.h"

#include <QDialog>
#include <QPointer>

#include <functional>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace Deroot::Ui {

/// Runs one round of an observation and calls back once with deroot-observer's output (the
/// recording) or why there is none.
using ObserveRunner = std::function<void(const Core::ObserveRequest &request,
                                         std::function<void(const Core::Result<QByteArray> &)> done)>;

/// The runner the wizard uses: deroot-observer itself when Deroot runs as root, otherwise the
/// helper's Observe (polkit asks for an administrator's password each round). @p context owns what
/// runs; a callback after its end is dropped.
ObserveRunner systemObserveRunner(QObject *context);

/// "Watch it run" (the What-it-needs step): starts the agent as an unprivileged user, or watches
/// the running unit or process, for a set time, through ObservationRounds as derootctl observe
/// does; shows what it found; and on "Add to the needs" adds it to the session's needs
/// (WizardSession::addObservedNeeds), so the plan is built from both.
class ObserveDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ObserveDialog)

public:
    ObserveDialog(WizardSession *session, ObserveRunner runner, QWidget *parent = nullptr);
    ~ObserveDialog() override;

    /// The request of the first round for what is on the form.
    Core::ObserveRequest request() const;
    bool isRunning() const { return m_running; }
    /// What the rounds found; nullopt before the first round ended.
    const std::optional<Core::ObservationRounds> &rounds() const { return m_rounds; }

Q_SIGNALS:
    /// Every round ended, or one failed.
    void finished();

private:
    void start();
    void runRound();
    void showError(const QString &message);
    void setRunning(bool running);

    WizardSession *m_session;
    ObserveRunner m_runner;
    QLabel *m_intro;
    QLineEdit *m_arguments = nullptr;
    QLineEdit *m_user = nullptr;
    QSpinBox *m_seconds;
    QPushButton *m_start;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPlainTextEdit *m_result;
    QDialogButtonBox *m_buttons;
    QPushButton *m_add;
    bool m_running = false;
    Core::ObserveRequest m_request;
    std::optional<Core::ObservationRounds> m_rounds;
    quint64 m_generation = 0; ///< a round's answer for an older start is dropped
};

} // namespace Deroot::Ui
