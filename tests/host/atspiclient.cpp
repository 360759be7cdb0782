// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "atspiclient.h"

#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDeadlineTimer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Deroot::TestSupport {

namespace {

const QString kRoot = u"/org/a11y/atspi/accessible/root"_s;
const QString kAccessible = u"org.a11y.atspi.Accessible"_s;
constexpr int kCallTimeoutMs = 5000;

/// A D-Bus array of unsigned integers, as QtDBus hands it over (a QDBusArgument or a list).
QList<uint> uintList(const QVariant &value)
{
    QList<uint> values;
    if (value.canConvert<QDBusArgument>()) {
        const auto argument = value.value<QDBusArgument>();
        argument.beginArray();
        while (!argument.atEnd()) {
            uint item = 0;
            argument >> item;
            values << item;
        }
        argument.endArray();
    } else {
        values = value.value<QList<uint>>();
    }
    return values;
}

bool isItemView(const QString &role)
{
    return role == u"tree" || role == u"table" || role == u"list" || role == u"tree table";
}

} // namespace

bool AccessibleNode::is(const QString &objectName) const
{
    return id == objectName || id.endsWith(u'.' + objectName);
}

QString AccessibleNode::describe() const
{
    return u"%1 \"%2\" (%3) %4,%5 %6x%7%8%9%10"_s.arg(role, name, id)
        .arg(extents.x())
        .arg(extents.y())
        .arg(extents.width())
        .arg(extents.height())
        .arg(has(Enabled) ? QString() : u" disabled"_s, has(Checked) ? u" checked"_s : QString(),
             has(Focused) ? u" focused"_s : QString());
}

AtspiClient::AtspiClient(const QString &address)
    : m_connectionName(u"deroot-test-atspi"_s)
    , m_bus(QDBusConnection::connectToBus(address, m_connectionName))
{}

AtspiClient::~AtspiClient()
{
    m_bus = QDBusConnection(QString());
    QDBusConnection::disconnectFromBus(m_connectionName);
}

bool AtspiClient::connected() const
{
    return m_bus.isConnected();
}

bool AtspiClient::attach(qint64 pid, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        // Qt's bridge connects to the bus once its window system is up: find it by its pid. The
        // application may have a second connection to the same bus (as its session bus), without
        // the objects: the bridge's is the one whose root has a window.
        const QStringList names = m_bus.interface()->registeredServiceNames().value();
        for (const QString &name : names) {
            if (name.startsWith(u':') && m_bus.interface()->servicePid(name).value() == uint(pid)) {
                m_service = name;
                if (!children(kRoot).isEmpty()) {
                    return true;
                }
            }
        }
        m_service.clear();
        QTest::qWait(100);
    }
    // What was there instead, for the failure message.
    QStringList seen;
    for (const QString &name : m_bus.interface()->registeredServiceNames().value()) {
        seen << u"%1 (pid %2)"_s.arg(name).arg(m_bus.interface()->servicePid(name).value());
    }
    m_error = u"no connection of pid %1 on the bus has an accessible window: %2"_s.arg(pid).arg(seen.join(u", "_s));
    return false;
}

QString AtspiClient::error() const
{
    return m_error;
}

QDBusMessage AtspiClient::call(const QString &path, const QString &interface, const QString &method,
                               const QVariantList &arguments) const
{
    QDBusMessage message = QDBusMessage::createMethodCall(m_service, path, interface, method);
    message.setArguments(arguments);
    return m_bus.call(message, QDBus::Block, kCallTimeoutMs);
}

QVariant AtspiClient::property(const QString &path, const QString &name) const
{
    // One property at a time: Qt's bridge answers Get, not GetAll.
    const QDBusMessage reply = call(path, u"org.freedesktop.DBus.Properties"_s, u"Get"_s, {kAccessible, name});
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
        return {};
    }
    return reply.arguments().constFirst().value<QDBusVariant>().variant();
}

QList<QString> AtspiClient::children(const QString &path) const
{
    QList<QString> paths;
    if (m_service.isEmpty()) {
        return paths;
    }
    const QDBusMessage reply = call(path, kAccessible, u"GetChildren"_s);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
        return paths;
    }
    const auto argument = reply.arguments().constFirst().value<QDBusArgument>();
    argument.beginArray();
    while (!argument.atEnd()) {
        QString service;
        QDBusObjectPath child;
        argument.beginStructure();
        argument >> service >> child;
        argument.endStructure();
        paths << child.path();
    }
    argument.endArray();
    return paths;
}

std::optional<AccessibleNode> AtspiClient::read(const QString &path) const
{
    const QDBusMessage state = call(path, kAccessible, u"GetState"_s);
    if (state.type() != QDBusMessage::ReplyMessage || state.arguments().isEmpty()) {
        return std::nullopt; // gone: a closed dialog, a page's rebuilt row
    }
    AccessibleNode node;
    node.path = path;
    const QList<uint> words = uintList(state.arguments().constFirst());
    node.states = quint64(words.value(0)) | (quint64(words.value(1)) << 32);
    node.role = call(path, kAccessible, u"GetRoleName"_s).arguments().value(0).toString();
    node.id = property(path, u"AccessibleId"_s).toString();
    node.name = property(path, u"Name"_s).toString();
    const QDBusMessage extents = call(path, u"org.a11y.atspi.Component"_s, u"GetExtents"_s, {uint(0)});
    if (extents.type() == QDBusMessage::ReplyMessage && !extents.arguments().isEmpty()) {
        const auto rect = extents.arguments().constFirst().value<QDBusArgument>();
        int x = 0;
        int y = 0;
        int width = 0;
        int height = 0;
        rect.beginStructure();
        rect >> x >> y >> width >> height;
        rect.endStructure();
        node.extents = QRect(x, y, width, height);
    }
    return node;
}

std::optional<AccessibleNode> AtspiClient::refresh(const AccessibleNode &node) const
{
    return read(node.path);
}

std::optional<AccessibleNode> AtspiClient::find(const std::function<bool(const AccessibleNode &)> &match,
                                                const QString &from) const
{
    const std::function<std::optional<AccessibleNode>(const QString &)> walk =
        [&](const QString &path) -> std::optional<AccessibleNode> {
        for (const QString &child : children(path)) {
            const auto node = read(child);
            if (!node || !node->has(AccessibleNode::Showing)) {
                continue; // a hidden page, a closed dialog, a row scrolled out of view
            }
            if (match(*node)) {
                return node;
            }
            if (isItemView(node->role)) {
                continue;
            }
            if (auto found = walk(child)) {
                return found;
            }
        }
        return std::nullopt;
    };
    return walk(from.isEmpty() ? kRoot : from);
}

std::optional<AccessibleNode> AtspiClient::findObject(const QString &objectName, const QString &from) const
{
    return find([&](const AccessibleNode &node) { return node.is(objectName); }, from);
}

QString AtspiClient::text(const AccessibleNode &node) const
{
    return call(node.path, u"org.a11y.atspi.Text"_s, u"GetText"_s, {0, -1}).arguments().value(0).toString();
}

QString AtspiClient::dump(const QString &from, int limit) const
{
    QStringList lines;
    const std::function<void(const QString &, int)> walk = [&](const QString &path, int depth) {
        for (const QString &child : children(path)) {
            if (lines.size() >= limit) {
                return;
            }
            const auto node = read(child);
            if (!node || !node->has(AccessibleNode::Showing)) {
                continue;
            }
            lines << QString(depth * 2, u' ') + node->describe();
            if (!isItemView(node->role)) {
                walk(child, depth + 1);
            }
        }
    };
    walk(from.isEmpty() ? kRoot : from, 0);
    return lines.join(u'\n');
}

} // namespace Deroot::TestSupport
