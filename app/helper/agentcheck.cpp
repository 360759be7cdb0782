// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "app/helper/agentcheck.h"

#include "core/model/capabilities.h"

#include <QFile>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace Deroot::Helper {

namespace {

std::uint64_t maskOf(const QStringList &names)
{
    std::uint64_t mask = 0;
    for (const QString &name : names) {
        if (const auto info = Core::capabilityByName(name.toUpper())) {
            mask |= std::uint64_t(1) << info->number;
        }
    }
    return mask;
}

QString hex(std::uint64_t mask)
{
    return QString::number(mask, 16).rightJustified(16, u'0');
}

QMap<QString, QString> readStatus(const QString &path)
{
    QMap<QString, QString> fields;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fields;
    }
    const QByteArray bytes = file.read(qint64{64} * 1024);
    for (const QByteArray &line : bytes.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            fields.insert(QString::fromLatin1(line.left(colon)), QString::fromLatin1(line.mid(colon + 1)).trimmed());
        }
    }
    return fields;
}

} // namespace

AgentExpectation expectationFromUnit(const QString &unitText, const QStringList &planCapabilities)
{
    AgentExpectation expected;
    bool ambientSeen = false;
    bool nnpExplicit = false;
    bool nnpImplied = false;
    // systemd.exec(5): these imply NoNewPrivileges= for a service without CAP_SYS_ADMIN.
    static const QStringList kImplying{
        u"SystemCallFilter"_s, u"SystemCallArchitectures"_s, u"RestrictAddressFamilies"_s, u"RestrictNamespaces"_s,
        u"PrivateDevices"_s,   u"ProtectKernelTunables"_s,   u"ProtectKernelModules"_s,    u"ProtectKernelLogs"_s,
        u"ProtectClock"_s,     u"MemoryDenyWriteExecute"_s,  u"RestrictRealtime"_s,        u"RestrictSUIDSGID"_s,
        u"LockPersonality"_s};
    for (const QString &raw : unitText.split(u'\n')) {
        const QString line = raw.trimmed();
        const qsizetype equals = line.indexOf(u'=');
        if (line.startsWith(u'#') || equals <= 0) {
            continue;
        }
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        if (key == u"AmbientCapabilities") {
            ambientSeen = true;
            if (value.isEmpty()) {
                expected.ambient = 0;
            } else {
                expected.ambient |= maskOf(value.split(u' ', Qt::SkipEmptyParts));
            }
        } else if (key == u"CapabilityBoundingSet") {
            if (value.isEmpty()) {
                expected.boundingFromManager = false;
                expected.bounding = 0;
                expected.boundingRemoved = 0;
            } else if (value.startsWith(u'~')) {
                expected.boundingFromManager = true;
                expected.boundingRemoved |= maskOf(value.mid(1).split(u' ', Qt::SkipEmptyParts));
            } else {
                if (expected.boundingFromManager && expected.boundingRemoved == 0 && expected.bounding == 0) {
                    expected.boundingFromManager = false;
                }
                expected.bounding |= maskOf(value.split(u' ', Qt::SkipEmptyParts));
            }
        } else if (key == u"NoNewPrivileges") {
            nnpExplicit = true;
            expected.noNewPrivileges = value == u"yes" || value == u"true" || value == u"1";
        } else if (kImplying.contains(key) && !value.isEmpty() && value != u"no" && value != u"false") {
            nnpImplied = true;
        }
    }
    if (!ambientSeen) {
        expected.ambient = maskOf(planCapabilities);
    }
    if (nnpImplied && (!nnpExplicit || !expected.noNewPrivileges)) {
        expected.noNewPrivileges = true;
    }
    return expected;
}

bool runsProgram(const QString &proc, qint64 pid, const ProgramFile &program)
{
    struct stat st{};
    return pid > 0 && ::stat(QFile::encodeName(proc + u"/%1/exe"_s.arg(pid)).constData(), &st) == 0 &&
           quint64(st.st_dev) == program.device && quint64(st.st_ino) == program.inode;
}

AgentCheck checkProcess(const QString &proc, qint64 pid, const AgentExpectation &expected, const ProgramFile &program)
{
    AgentCheck check;
    check.pid = pid;
    if (pid <= 0) {
        check.fields.append({u"MainPID"_s, u"a running process"_s, u"none"_s, false});
        return check;
    }
    const QMap<QString, QString> status = readStatus(proc + u"/%1/status"_s.arg(pid));
    if (status.isEmpty()) {
        check.fields.append({u"MainPID"_s, u"a running process"_s, u"%1 is gone"_s.arg(pid), false});
        return check;
    }
    check.checked = true;
    const bool same = runsProgram(proc, pid, program);
    check.fields.append(
        {u"exe"_s, program.path, same ? program.path : QFile::symLinkTarget(proc + u"/%1/exe"_s.arg(pid)), same});
    // Real, effective, saved and file system uid: all four must be the service user's.
    const QStringList uids = status.value(u"Uid"_s).split(u'\t', Qt::SkipEmptyParts);
    const QString expectedUid = QString::number(expected.uid);
    const bool uidOk =
        uids.size() == 4 && std::all_of(uids.begin(), uids.end(), [&](const QString &u) { return u == expectedUid; });
    check.fields.append({u"uid"_s, expectedUid, uids.join(u' '), uidOk});
    std::uint64_t bounding = expected.bounding;
    if (expected.boundingFromManager) {
        const QMap<QString, QString> manager = readStatus(proc + u"/1/status"_s);
        bounding = manager.value(u"CapBnd"_s).toULongLong(nullptr, 16) & ~expected.boundingRemoved;
    }
    const std::uint64_t ambient = expected.ambient & bounding;
    const auto compareMask = [&](const QString &name, std::uint64_t want) {
        const QString actual = status.value(name);
        check.fields.append({name, hex(want), actual, actual.toULongLong(nullptr, 16) == want && !actual.isEmpty()});
    };
    // A service user holds in its effective set exactly its ambient capabilities.
    compareMask(u"CapEff"_s, ambient);
    compareMask(u"CapAmb"_s, ambient);
    compareMask(u"CapBnd"_s, bounding);
    const QString nnp = status.value(u"NoNewPrivs"_s);
    const QString wantNnp = expected.noNewPrivileges ? u"1"_s : u"0"_s;
    check.fields.append({u"NoNewPrivs"_s, wantNnp, nnp, nnp == wantNnp});
    check.ok = std::all_of(check.fields.begin(), check.fields.end(), [](const AgentField &f) { return f.ok; });
    return check;
}

QString describeMismatch(const AgentCheck &check)
{
    QStringList parts;
    for (const AgentField &field : check.fields) {
        if (!field.ok) {
            parts << u"%1 is %2, the plan says %3"_s.arg(
                field.name, field.actual.isEmpty() ? u"unknown"_s : field.actual, field.expected);
        }
    }
    return parts.join(u"; "_s);
}

} // namespace Deroot::Helper
