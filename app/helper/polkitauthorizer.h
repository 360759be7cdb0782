// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "app/helper/authorizer.h"

#include <QDBusConnection>
#include <QObject>

namespace Deroot::Helper {

/// The production Authorizer: polkitd's own D-Bus interface
/// (org.freedesktop.PolicyKit1.Authority.CheckAuthorization), with the caller identified by its
/// system-bus unique name (a "system-bus-name" subject, never a PID, which can be reused between
/// check and use). Asynchronous: a prompt that waits for the admin does not block the bus, and an
/// error of polkitd or of the bus (polkitd missing, a timeout) is an answer too, so every check is
/// answered exactly once. Talking to polkitd directly keeps the helper's package free of
/// polkit-qt6, whose Debian library pulls in Qt GUI and its stack.
class PolkitAuthorizer final : public QObject, public Authorizer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolkitAuthorizer)
public:
    explicit PolkitAuthorizer(QDBusConnection bus = QDBusConnection::systemBus(), QObject *parent = nullptr);
    void check(const QString &busName, const QString &actionId, const AuthDetails &details, bool interactive,
               Callback done) override;

    /// How long one check may wait for polkitd (and the admin at a prompt): longer than any limit
    /// the service sets on an authorization (HelperService answers the caller at its own limit).
    static constexpr int kCheckTimeoutMs = 60 * 60 * 1000;

private:
    QDBusConnection m_bus;
};

} // namespace Deroot::Helper
