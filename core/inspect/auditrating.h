// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// How much an audit row matters, and which rows are privileged by design: the desktop's audit
// view sorts, colours and folds its rows by this, and the audit JSON and the CSV export carry it.
#pragma once

#include "core/inspect/audit.h"
#include "core/inspect/report.h"

#include <QString>
#include <QStringView>

namespace Deroot::Core {

/// Why a row is privileged by design and left as it is; such rows cannot be de-rooted.
enum class AuditExpected {
    No,
    ServiceManager, ///< PID 1 or init.scope
    Systemd,        ///< systemd's own units (systemd-*), sandboxed by their units
    UserManager,    ///< a user's service manager (user@UID.service)
    SetIdProgram,   ///< a standard set-uid root or set-gid program of the system (passwd, su, sudo, mount, ...)
};

/// "", "service-manager", "systemd", "user-manager", "set-id-program".
QString auditExpectedId(AuditExpected expected);

struct AuditRating
{
    Severity severity = Severity::Info;
    AuditExpected expected = AuditExpected::No;
};

/// A process group: the service manager, systemd's units and users' managers are expected (Info).
/// Otherwise root with every capability its bounding set allows is Critical, root with some High,
/// root without capabilities Medium (it still owns root's files); another user holding
/// root-equivalent capabilities High, holding only others Low; a root login session Low.
AuditRating rateAuditGroup(const AuditGroup &group);

/// A file: a standard set-id program is expected (Info). Otherwise set-uid root or root-equivalent
/// file capabilities High, set-uid another user Medium, other file capabilities, namespaced ones and
/// set-gid Low, an empty capability set Info. The highest of what it carries.
AuditRating rateAuditFile(const AuditFile &file);

/// Whether @p file is one of the programs a Linux system ships set-uid root or set-gid on purpose
/// (passwd, su, sudo, mount, pkexec, polkit-agent-helper-1, ...): known by name, owned by root, set
/// by the distribution's packages (not below /usr/local), writable by its owner only and carrying
/// no file capabilities. They must stay privileged to do their job: Deroot cannot de-root them.
bool isStandardSetIdProgram(const AuditFile &file);

/// The report as CSV (RFC 4180, CRLF line ends, a header row): one row per process, then one per
/// file, with each row's severity and expected category (docs/audit-json.md, "CSV").
QString toCsv(const AuditReport &report);

} // namespace Deroot::Core
