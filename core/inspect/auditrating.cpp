// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/auditrating.h"

#include "core/inspect/accounts.h"
#include "core/model/capabilities.h"

#include <QSet>

#include <sys/stat.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

Severity higher(Severity a, Severity b)
{
    return int(a) >= int(b) ? a : b;
}

bool anyRootEquivalent(std::uint64_t mask)
{
    const QStringList names = capabilityNames(mask);
    return std::any_of(names.cbegin(), names.cend(), [](const QString &name) {
        const auto info = capabilityByName(name);
        return info && info->risk == CapabilityRisk::RootEquivalent;
    });
}

// The programs Debian and its derivatives install set-uid root or set-gid on purpose: their job
// needs it (change /etc/shadow, switch users, mount what fstab allows users to mount, map a user
// namespace's ids, check a password, write to a terminal or a mail spool).
const QSet<QString> &standardSetIdNames()
{
    static const QSet<QString> names{
        u"passwd"_s,     u"chsh"_s,        u"chfn"_s,        u"gpasswd"_s,
        u"newgrp"_s,     u"chage"_s,       u"expiry"_s,      u"su"_s,
        u"sudo"_s,       u"sudoedit"_s,    u"mount"_s,       u"umount"_s,
        u"fusermount"_s, u"fusermount3"_s, u"pkexec"_s,      u"polkit-agent-helper-1"_s,
        u"newuidmap"_s,  u"newgidmap"_s,   u"unix_chkpwd"_s, u"ssh-keysign"_s,
        u"ssh-agent"_s,  u"crontab"_s,     u"wall"_s,        u"write"_s,
        u"bsd-write"_s,  u"dotlockfile"_s, u"utempter"_s,    u"dbus-daemon-launch-helper"_s,
        u"Xorg.wrap"_s,
    };
    return names;
}

QString userText(std::uint32_t uid)
{
    const QString name = userName(uid);
    return name.isEmpty() ? u"uid "_s + QString::number(uid) : name;
}

// One CSV field: quoted when it holds a separator, a quote or a line end; a field a spreadsheet
// would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe, as OWASP advises.
QString csvField(const QString &text)
{
    QString value = text;
    if (!value.isEmpty() && (value.front() == u'=' || value.front() == u'+' || value.front() == u'-' ||
                             value.front() == u'@' || value.front() == u'\t' || value.front() == u'\r')) {
        value.prepend(u'\'');
    }
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r')) {
        value.replace(u"\""_s, u"\"\""_s);
        return u'"' + value + u'"';
    }
    return value;
}

QString csvRow(const QStringList &fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString &field : fields) {
        out.append(csvField(field));
    }
    return out.join(u',') + u"\r\n"_s;
}

} // namespace

QString auditExpectedId(AuditExpected expected)
{
    switch (expected) {
    case AuditExpected::No:
        break;
    case AuditExpected::ServiceManager:
        return u"service-manager"_s;
    case AuditExpected::Systemd:
        return u"systemd"_s;
    case AuditExpected::UserManager:
        return u"user-manager"_s;
    case AuditExpected::SetIdProgram:
        return u"set-id-program"_s;
    }
    return {};
}

AuditRating rateAuditGroup(const AuditGroup &group)
{
    const bool pid1 =
        std::any_of(group.processes.cbegin(), group.processes.cend(), [](const AuditProcess &p) { return p.pid == 1; });
    if (privilegedByDesign(group.kind, group.key, pid1)) {
        AuditExpected why = AuditExpected::Systemd;
        if (pid1 || group.key == u"init.scope") {
            why = AuditExpected::ServiceManager;
        } else if (group.key.startsWith(u"user@")) {
            why = AuditExpected::UserManager;
        }
        return {Severity::Info, why};
    }
    if (group.kind == u"unit" && group.key.startsWith(u"session-") && group.key.endsWith(u".scope")) {
        return {Severity::Low, AuditExpected::No}; // an admin at work, not an agent
    }
    Severity severity = Severity::Info;
    for (const AuditProcess &p : group.processes) {
        const bool root = p.uid == 0 || p.euid == 0;
        Severity one = Severity::Info;
        if (root && p.capEff != 0 && p.capEff == p.capBnd) {
            one = Severity::Critical;
        } else if (root && p.capEff != 0) {
            one = Severity::High;
        } else if (root) {
            one = Severity::Medium;
        } else if (anyRootEquivalent(p.capEff)) {
            one = Severity::High;
        } else if (p.capEff != 0) {
            one = Severity::Low;
        }
        severity = higher(severity, one);
    }
    return {severity, AuditExpected::No};
}

bool isStandardSetIdProgram(const AuditFile &file)
{
    if ((file.mode & (S_ISUID | S_ISGID)) == 0 || file.capabilities || (file.mode & (S_IWGRP | S_IWOTH)) != 0) {
        return false;
    }
    if ((file.mode & S_ISUID) && file.uid != 0) {
        return false;
    }
    if (file.uid != 0 || file.path.startsWith(u"/usr/local/")) {
        return false;
    }
    const qsizetype slash = file.path.lastIndexOf(u'/');
    return standardSetIdNames().contains(file.path.mid(slash + 1));
}

AuditRating rateAuditFile(const AuditFile &file)
{
    if (isStandardSetIdProgram(file)) {
        return {Severity::Info, AuditExpected::SetIdProgram};
    }
    Severity severity = Severity::Info;
    if (file.capabilities) {
        const FileCapabilities &caps = *file.capabilities;
        if (caps.rootId) {
            severity = Severity::Low;
        } else if (anyRootEquivalent(caps.permitted)) {
            severity = Severity::High;
        } else if (caps.permitted != 0 || caps.inheritable != 0) {
            severity = Severity::Low;
        }
    }
    if (file.mode & S_ISUID) {
        severity = higher(severity, file.uid == 0 ? Severity::High : Severity::Medium);
    }
    if (file.mode & S_ISGID) {
        severity = higher(severity, Severity::Low);
    }
    return {severity, AuditExpected::No};
}

QString toCsv(const AuditReport &report)
{
    QString out = csvRow({u"type"_s, u"severity"_s, u"expected"_s, u"key"_s, u"pid"_s, u"name"_s, u"path"_s, u"unit"_s,
                          u"user"_s, u"mode"_s, u"capabilities"_s, u"suggestion"_s});
    for (const AuditGroup &group : report.processGroups) {
        const AuditRating rating = rateAuditGroup(group);
        for (const AuditProcess &p : group.processes) {
            out += csvRow({u"process"_s, severityId(rating.severity), auditExpectedId(rating.expected), group.key,
                           QString::number(p.pid), p.name, p.executable, p.unit, userText(p.euid), QString(),
                           capabilityNames(p.capEff).join(u' '), group.suggestion});
        }
    }
    for (const AuditFile &file : report.files) {
        const AuditRating rating = rateAuditFile(file);
        out += csvRow({u"file"_s, severityId(rating.severity), auditExpectedId(rating.expected), file.path, QString(),
                       QString(), file.path, QString(), userText(file.uid), u"%1"_s.arg(file.mode, 4, 8, QChar(u'0')),
                       file.capabilities ? file.capabilities->text : QString(), file.suggestion});
    }
    return out;
}

} // namespace Deroot::Core
