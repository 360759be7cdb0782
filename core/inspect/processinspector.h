// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// inspectProcess() (declared in inspect.h) and the lighter reading the audit does of every process
// (processidentity.h).
#pragma once

#include "core/inspect/inspect.h"
#include "core/inspect/processidentity.h"
