// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/applyauthority.h"

#include <QCoreApplication>

#include <PolkitQt1/Authority>
#include <PolkitQt1/Subject>

#include <unistd.h>

namespace Deroot::Ui {

bool ApplyAuthority::callerIsRoot() const
{
    // The bus daemon gives the helper the uid of this process's connection: its effective uid.
    return geteuid() == 0;
}

PolkitApplyAuthority::PolkitApplyAuthority(QObject *parent)
    : ApplyAuthority(parent)
{
    PolkitQt1::Authority *authority = PolkitQt1::Authority::instance();
    connect(authority, &PolkitQt1::Authority::configChanged, this, &ApplyAuthority::changed);
    connect(authority, &PolkitQt1::Authority::checkAuthorizationFinished, this,
            [this](PolkitQt1::Authority::Result result) {
                if (!m_running || m_queue.isEmpty()) {
                    return;
                }
                const Callback done = m_queue.takeFirst().second;
                m_running = false;
                // An error (polkitd unreachable, an unknown action) is no answer: never a yes.
                Core::PolkitAnswer answer = Core::PolkitAnswer::Unknown;
                if (!PolkitQt1::Authority::instance()->hasError()) {
                    switch (result) {
                    case PolkitQt1::Authority::Yes:
                        answer = Core::PolkitAnswer::Yes;
                        break;
                    case PolkitQt1::Authority::Challenge:
                        answer = Core::PolkitAnswer::Challenge;
                        break;
                    case PolkitQt1::Authority::No:
                        answer = Core::PolkitAnswer::No;
                        break;
                    case PolkitQt1::Authority::Unknown:
                        break;
                    }
                } else {
                    PolkitQt1::Authority::instance()->clearError();
                }
                startNext();
                done(answer);
            });
}

PolkitApplyAuthority::~PolkitApplyAuthority()
{
    if (m_running) {
        PolkitQt1::Authority::instance()->checkAuthorizationCancel();
    }
}

void PolkitApplyAuthority::check(const QString &actionId, Callback done)
{
    m_queue.append({actionId, std::move(done)});
    startNext();
}

void PolkitApplyAuthority::startNext()
{
    if (m_running || m_queue.isEmpty()) {
        return;
    }
    // An Authority that could not reach polkitd (no system bus) starts no check and would never
    // answer: that is no answer, now.
    if (PolkitQt1::Authority::instance()->hasError()) {
        const auto queue = std::exchange(m_queue, {});
        for (const auto &[action, done] : queue) {
            done(Core::PolkitAnswer::Unknown);
        }
        return;
    }
    m_running = true;
    // This process, without interaction: the state the button shows, never a prompt.
    PolkitQt1::Authority::instance()->checkAuthorization(
        m_queue.constFirst().first, PolkitQt1::UnixProcessSubject(QCoreApplication::applicationPid()),
        PolkitQt1::Authority::None);
}

} // namespace Deroot::Ui
