// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"
#include "core/inspect/gobuildinfo.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Deroot::Core {

/// What an ELF file says about itself, read through libelf (elfutils).
struct ElfFacts
{
    int bits = 0;         ///< 32 or 64
    QString machine;      ///< "x86-64", "AArch64", ... or "machine N"
    QString type;         ///< "executable", "shared object", "relocatable", "core", "other"
    bool pie = false;     ///< position-independent executable
    bool dynamic = false; ///< has a dynamic section
    QString interpreter;  ///< PT_INTERP, empty for static programs
    QStringList needed;   ///< DT_NEEDED
    QStringList rpath;    ///< DT_RPATH entries (split on ':')
    QStringList runpath;  ///< DT_RUNPATH entries (split on ':')
    QStringList imports;  ///< undefined dynamic symbols, sorted, unique (version suffix removed)
    bool hasSectionHeaders = false;
    bool hasSymbolTable = false; ///< .symtab present (not stripped)
    QString relro;               ///< "full", "partial" or "none"
    bool bindNow = false;
    bool nx = false;      ///< the stack is not executable
    bool canary = false;  ///< imports __stack_chk_fail
    bool fortify = false; ///< imports *_chk functions
    QString buildId;      ///< GNU build id, hex
    bool go = false;      ///< built by the Go toolchain
    std::optional<GoBuildInfo> goBuildInfo;
    QString goBuildInfoError; ///< why the Go build information could not be read, if it could not
};

/// Reads the ELF file open on @p fd (mapped, never copied whole into memory).
/// A file that is not ELF, or whose headers are truncated or inconsistent, is a BadTarget Error
/// saying what is wrong.
Result<ElfFacts> readElf(int fd);

/// The same for bytes in memory (tests and the fuzz target).
Result<ElfFacts> readElfMemory(QByteArrayView bytes);

QJsonObject toJson(const ElfFacts &facts);

} // namespace Deroot::Core
