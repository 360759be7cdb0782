// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// What a screen reader sees of a running Qt application: its accessibility tree, read over the
// AT-SPI D-Bus protocol that Qt's own bridge serves (no libatspi, no registry daemon: the
// application is pointed at a bus with AT_SPI_BUS_ADDRESS and asked directly). A test finds a
// widget by its object name, reads whether it is shown, enabled or checked and what it says, and
// where it is on the screen, so that real mouse and keyboard input can be aimed at it.
#pragma once

#include <QDBusConnection>
#include <QRect>
#include <QString>

#include <functional>
#include <optional>

namespace Deroot::TestSupport {

/// One accessible object, as the application described it when it was read.
struct AccessibleNode
{
    QString path; ///< its D-Bus object path in the application
    QString id;   ///< Qt's accessible id: the object names from the window down, dot-separated
    QString name; ///< its accessible name: a button's or label's text, a widget's accessible name
    QString role; ///< AT-SPI's role name ("push button", "label", "table cell", ...)
    quint64 states = 0;
    QRect extents; ///< on the screen

    /// AT-SPI state numbers (AtspiStateType in at-spi2-core's atspi-constants.h).
    enum State : int { Checked = 4, Enabled = 8, Focused = 12, Selected = 23, Showing = 25, Visible = 30 };
    bool has(State state) const { return (states >> state) & 1U; }
    /// Whether its accessible id names @p objectName as the object itself (its last part).
    bool is(const QString &objectName) const;
    /// One line for a failure message.
    QString describe() const;
};

class AtspiClient final
{
public:
    /// Connects to the accessibility bus at @p address (as root: the bus must allow it).
    explicit AtspiClient(const QString &address);
    ~AtspiClient();
    AtspiClient(const AtspiClient &) = delete;
    AtspiClient &operator=(const AtspiClient &) = delete;

    bool connected() const;

    /// Finds the application whose process is @p pid on the bus and waits, within @p timeoutMs,
    /// until its accessibility tree has a window. False when it did not.
    bool attach(qint64 pid, int timeoutMs);
    /// Why attach() failed.
    QString error() const;

    /// The first shown object, depth first, that @p match accepts, from @p from (the application
    /// when empty). Item views (trees, tables, lists) are searched only from themselves: the
    /// process and service lists would otherwise make every search read hundreds of cells.
    std::optional<AccessibleNode> find(const std::function<bool(const AccessibleNode &)> &match,
                                       const QString &from = {}) const;
    /// The first shown object whose accessible id ends with @p objectName.
    std::optional<AccessibleNode> findObject(const QString &objectName, const QString &from = {}) const;

    /// @p node read again (states, name, extents), or nothing when it no longer exists.
    std::optional<AccessibleNode> refresh(const AccessibleNode &node) const;

    /// The text of an editable or read-only text object (a line edit's contents).
    QString text(const AccessibleNode &node) const;

    /// Every shown object below @p from, one line each, indented: what a failure message shows
    /// of the window, so that it says what was on the screen instead of only what was not.
    QString dump(const QString &from = {}, int limit = 200) const;

private:
    QList<QString> children(const QString &path) const;
    std::optional<AccessibleNode> read(const QString &path) const;
    QDBusMessage call(const QString &path, const QString &interface, const QString &method,
                      const QVariantList &arguments = {}) const;
    QVariant property(const QString &path, const QString &name) const;

    QString m_connectionName;
    QDBusConnection m_bus;
    QString m_service; ///< the application's unique name on the bus
    QString m_error;
};

} // namespace Deroot::TestSupport
