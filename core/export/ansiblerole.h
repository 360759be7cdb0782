// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// A validated plan as an Ansible role (issue 16), for admins who manage many machines with
// configuration management rather than a wizard per host. The role deploys the very bytes Deroot
// generated and validated (copied from files/, never re-rendered), in the order Deroot's helper
// applies them, with only ansible.builtin modules (docs/ansible.md).
#pragma once

#include "core/base/result.h"
#include "core/generate/manifest.h"
#include "core/model/artifact.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Deroot::Core {

/// The role's name for @p agentId: "deroot_" and the id with '-' as '_' (Ansible role and variable
/// names take no '-'); every variable of the role starts with it.
QString ansibleRoleName(const QString &agentId);

/// The files of the role export of @p artifacts and @p manifest (a complete plan.json, as an export
/// writes it), relative to the export folder: README.md, playbook.yml, .ansible-lint,
/// plan/ (the plain export, exportFiles()) and roles/deroot_AGENT/ (defaults, vars, tasks per
/// method, handlers, meta, files). Pure. The plan is first read back as the helper would read it
/// (parseApplyRequest() of exportApplyRequest()): a plan the helper would refuse gives no role
/// (ExitCode::Refused, the helper's message), and the role's steps are the checked request's.
/// A value Ansible would read as a template ("{") is refused (ExitCode::Failure, naming it).
Result<QList<ExportFile>> ansibleRoleFiles(const QList<Artifact> &artifacts, const QJsonObject &manifest);

/// Writes ansibleRoleFiles() into @p directory, all or nothing, as writeExport() writes a plan
/// (the same refusal of a folder that holds files unless @p force). Returns the names written.
Result<QStringList> writeAnsibleRole(const QString &directory, const QList<Artifact> &artifacts,
                                     const QJsonObject &manifest, bool force);

} // namespace Deroot::Core
