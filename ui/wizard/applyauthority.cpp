// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "ui/wizard/applyauthority.h"

#include "ui/plugin/uiplugin.h"

#include <unistd.h>

#include <utility>

namespace Deroot::Ui {

bool ApplyAuthority::callerIsRoot() const
{
    // The bus daemon gives the helper the uid of this process's connection: its effective uid.
    return geteuid() == 0;
}

PolkitApplyAuthority::PolkitApplyAuthority(QObject *parent)
    : ApplyAuthority(parent)
{
    if (UiPlugin *plugin = uiPlugin()) {
        m_checker = plugin->polkit();
        m_checker->setConfigChanged([this] { Q_EMIT changed(); });
    }
}

PolkitApplyAuthority::~PolkitApplyAuthority() = default;

void PolkitApplyAuthority::check(const QString &actionId, Callback done)
{
    if (!m_checker) {
        done(Core::PolkitAnswer::Unknown); // no polkit to ask: no answer, never a yes
        return;
    }
    m_checker->check(actionId, std::move(done));
}

QString PolkitApplyAuthority::problem() const
{
    return m_checker ? QString() : uiPluginProblem();
}

} // namespace Deroot::Ui
