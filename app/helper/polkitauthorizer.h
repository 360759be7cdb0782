// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "app/helper/authorizer.h"

#include <QObject>

#include <deque>

namespace Deroot::Helper {

/// The production Authorizer: polkit-qt6, with the caller identified by its system-bus unique
/// name (never a PID, which can be reused between check and use). Checks run one at a time on a
/// worker thread, so a prompt that waits for the admin does not block the bus.
class PolkitAuthorizer final : public QObject, public Authorizer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolkitAuthorizer)
public:
    explicit PolkitAuthorizer(QObject *parent = nullptr);
    void check(const QString &busName, const QString &actionId, const AuthDetails &details, bool interactive,
               Callback done) override;

Q_SIGNALS:
    /// Sent by the worker thread with polkit's answer; received on the helper's thread (queued).
    void answered(int result, bool failed);

private:
    struct Pending
    {
        QString busName;
        QString actionId;
        AuthDetails details;
        bool interactive = false;
        Callback done;
    };
    void startNext();
    void finished(int result, bool failed);

    std::deque<Pending> m_queue;
    bool m_running = false;
};

} // namespace Deroot::Helper
