// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include "core/base/result.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>
#include <functional>

namespace Deroot::Core {

/// One module of a Go program, as its build information records it.
struct GoModule
{
    QString path;
    QString version;
    QString replacedBy; ///< "path version" of a => replacement, empty if none
};

/// The build information the Go toolchain embeds in every binary (section .go.buildinfo): the Go
/// version, the main package and module, the dependency modules and the build settings.
struct GoBuildInfo
{
    QString goVersion;
    QString mainPackage;
    GoModule mainModule;
    QList<GoModule> dependencies;
    QList<std::pair<QString, QString>> settings; ///< "build" lines: CGO_ENABLED=1, -trimpath=true, ...
};

/// Reads @p size bytes at virtual address @p address of the binary, or returns an empty view when
/// the range is not in the file. Needed only by binaries older than Go 1.18, whose build
/// information points into the data segment.
using GoMemoryReader = std::function<QByteArrayView(std::uint64_t address, std::uint64_t size)>;

/// Parses the contents of a .go.buildinfo section (or the bytes at its magic). Bounded and
/// defensive: any inconsistency is an Error naming the offset, never a crash or a huge allocation.
Result<GoBuildInfo> parseGoBuildInfo(QByteArrayView section, const GoMemoryReader &readMemory = {});

/// Parses the module text ("path\t...\nmod\t...\ndep\t...") shared by both formats.
GoBuildInfo parseGoModInfo(const QString &goVersion, QByteArrayView modinfo);

QJsonObject toJson(const GoBuildInfo &info);

} // namespace Deroot::Core
