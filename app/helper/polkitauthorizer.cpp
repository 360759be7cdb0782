// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/polkitauthorizer.h"

#include <PolkitQt1/Authority>
#include <PolkitQt1/Subject>

#include <QThread>

namespace Deroot::Helper {

PolkitAuthorizer::PolkitAuthorizer(QObject *parent)
    : QObject(parent)
{
    // Made here, on the main thread, so that the singleton never belongs to a worker thread that
    // has ended.
    PolkitQt1::Authority::instance();
    connect(this, &PolkitAuthorizer::answered, this, &PolkitAuthorizer::finished, Qt::QueuedConnection);
}

void PolkitAuthorizer::check(const QString &busName, const QString &actionId, const AuthDetails &details,
                             bool interactive, Callback done)
{
    m_queue.push_back(Pending{busName, actionId, details, interactive, std::move(done)});
    if (!m_running) {
        startNext();
    }
}

void PolkitAuthorizer::startNext()
{
    if (m_queue.empty()) {
        m_running = false;
        return;
    }
    m_running = true;
    const Pending pending = m_queue.front();
    // polkit-qt6's asynchronous check reports errors without a signal, which would leave a call
    // waiting forever; its synchronous check returns Unknown instead. It runs on its own thread so a
    // prompt waiting for the admin does not block the bus, and one at a time (the queue) because the
    // Authority singleton keeps the last error in shared state.
    QThread *thread = QThread::create([this, pending] {
        PolkitQt1::Authority *authority = PolkitQt1::Authority::instance();
        authority->clearError();
        const PolkitQt1::SystemBusNameSubject subject(pending.busName);
        const PolkitQt1::Authority::AuthorizationFlags flags =
            pending.interactive ? PolkitQt1::Authority::AllowUserInteraction : PolkitQt1::Authority::None;
        const PolkitQt1::Authority::Result result =
            authority->checkAuthorizationSyncWithDetails(pending.actionId, subject, flags, pending.details);
        const bool failed = authority->hasError();
        Q_EMIT answered(static_cast<int>(result), failed);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void PolkitAuthorizer::finished(int result, bool failed)
{
    if (m_queue.empty()) {
        return;
    }
    Pending pending = std::move(m_queue.front());
    m_queue.pop_front();
    // Only a plain Yes without an error of the authority counts; everything else is a no.
    AuthAnswer answer = AuthAnswer::Error;
    if (!failed) {
        switch (static_cast<PolkitQt1::Authority::Result>(result)) {
        case PolkitQt1::Authority::Yes:
            answer = AuthAnswer::Yes;
            break;
        case PolkitQt1::Authority::No:
            answer = AuthAnswer::No;
            break;
        case PolkitQt1::Authority::Challenge:
            answer = AuthAnswer::Challenge;
            break;
        case PolkitQt1::Authority::Unknown:
            answer = AuthAnswer::Error;
            break;
        }
    }
    pending.done(answer);
    startNext();
}

} // namespace Deroot::Helper
