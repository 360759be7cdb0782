// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What every derootctl command that calls the helper needs: a text polkit agent for the time of
// the call, and a wait for the client's callback.
#pragma once

#include "core/base/result.h"

#include <QEventLoop>

#include <functional>
#include <optional>

#include <sys/types.h>

namespace Deroot::Cli {

/// A text polkit agent for the time of one call, as systemctl does: started only on a terminal,
/// with --fallback so that a desktop's agent keeps precedence, registered for this process.
class TextAgent final
{
public:
    TextAgent();
    ~TextAgent();
    TextAgent(const TextAgent &) = delete;
    TextAgent &operator=(const TextAgent &) = delete;

private:
    pid_t m_pid = -1;
};

/// Runs an event loop until the call @p start begins calls back, and returns what it gave.
template <typename T>
Core::Result<T> wait(const std::function<void(std::function<void(const Core::Result<T> &)>)> &start)
{
    QEventLoop loop;
    std::optional<Core::Result<T>> result;
    start([&](const Core::Result<T> &r) {
        result = r;
        loop.quit();
    });
    if (!result) {
        loop.exec();
    }
    return *result;
}

} // namespace Deroot::Cli
