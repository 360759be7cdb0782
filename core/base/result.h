// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/exitcode.h"

#include <QString>

#include <optional>
#include <utility>

namespace Deroot::Core {

/// Why an operation could not be done: one sentence naming what and why, and the exit code
/// derootctl reports for it.
struct Error
{
    ExitCode code = ExitCode::Failure;
    QString message;
};

/// A value or an Error (std::expected is C++23).
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(Error error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    // The value of a Result that holds an Error is a bug in the caller: it stops the program with
    // the error's message rather than read through an empty optional.
    const T &value() const & { return checked(); }
    T &value() & { return checked(); }
    T &&value() && { return std::move(checked()); }
    const T &operator*() const & { return checked(); }
    const T *operator->() const { return &checked(); }
    T *operator->() { return &checked(); }
    const Error &error() const { return m_error; }

private:
    T &checked()
    {
        if (!m_value) {
            qFatal("Result::value() called on an error: %s", qPrintable(m_error.message));
        }
        return *m_value;
    }
    const T &checked() const
    {
        if (!m_value) {
            qFatal("Result::value() called on an error: %s", qPrintable(m_error.message));
        }
        return *m_value;
    }

    std::optional<T> m_value;
    Error m_error;
};

/// Success, or an Error: for an operation that has nothing to return.
template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace Deroot::Core
