// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/inspect/gobuildinfo.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Deroot::Core {

namespace {

// The layout follows Go's debug/buildinfo package (src/debug/buildinfo/buildinfo.go): a 32-byte
// header starting with this magic, then either two pointers to Go strings (before Go 1.18) or,
// when flag bit 1 is set, two varint-length-prefixed strings inline.
constexpr char kMagic[] = "\xff Go buildinf:";
constexpr qsizetype kMagicSize = 14;
constexpr qsizetype kHeaderSize = 32;
constexpr std::uint8_t kFlagBigEndian = 0x1;
constexpr std::uint8_t kFlagInline = 0x2;
// Nothing legitimate comes near these; they bound what hostile input can make us allocate.
constexpr std::uint64_t kMaxString = 16 * 1024 * 1024;
constexpr qsizetype kMaxLines = 100000;

Error corrupt(const QString &what)
{
    return {ExitCode::BadTarget, u"corrupt Go build information: "_s + what};
}

std::uint64_t readUnsigned(QByteArrayView bytes, int size, bool bigEndian)
{
    std::uint64_t value = 0;
    for (int i = 0; i < size; ++i) {
        const auto byte = static_cast<std::uint8_t>(bytes[bigEndian ? i : size - 1 - i]);
        value = (value << 8) | byte;
    }
    return value;
}

// Reads an unsigned LEB128 varint at @p offset; false when it runs off the end or overflows.
bool readVarint(QByteArrayView bytes, qsizetype &offset, std::uint64_t &value)
{
    value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (offset >= bytes.size()) {
            return false;
        }
        const auto byte = static_cast<std::uint8_t>(bytes[offset++]);
        value |= std::uint64_t(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0) {
            return true;
        }
    }
    return false;
}

QString text(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes);
}

} // namespace

GoBuildInfo parseGoModInfo(const QString &goVersion, QByteArrayView modinfo)
{
    // Both formats wrap the module text in 16-byte sentinels; strip them when present.
    if (modinfo.size() >= 33 && modinfo[modinfo.size() - 17] == '\n') {
        modinfo = modinfo.sliced(16, modinfo.size() - 32);
    }
    GoBuildInfo info;
    info.goVersion = goVersion;
    qsizetype lines = 0;
    GoModule *last = nullptr;
    const QByteArray text8 = modinfo.toByteArray();
    for (const QByteArray &line : text8.split('\n')) {
        if (++lines > kMaxLines) {
            break;
        }
        const QList<QByteArray> fields = line.split('\t');
        const QByteArray kind = fields.value(0);
        if (kind == "path" && fields.size() >= 2) {
            info.mainPackage = text(fields.at(1));
        } else if (kind == "mod" && fields.size() >= 2) {
            info.mainModule = {text(fields.at(1)), text(fields.value(2)), {}};
            last = &info.mainModule;
        } else if (kind == "dep" && fields.size() >= 2) {
            info.dependencies.append({text(fields.at(1)), text(fields.value(2)), {}});
            last = &info.dependencies.last();
        } else if (kind == "=>" && fields.size() >= 2 && last) {
            last->replacedBy = QString(text(fields.at(1)) + u' ' + text(fields.value(2))).trimmed();
        } else if (kind == "build" && fields.size() >= 2) {
            const QByteArray &setting = fields.at(1);
            const qsizetype equals = setting.indexOf('=');
            if (equals > 0) {
                info.settings.append({text(setting.first(equals)), text(setting.sliced(equals + 1))});
            }
        }
    }
    return info;
}

Result<GoBuildInfo> parseGoBuildInfo(QByteArrayView section, const GoMemoryReader &readMemory)
{
    if (section.size() < kHeaderSize) {
        return corrupt(u"the header is %1 bytes, 32 are needed"_s.arg(section.size()));
    }
    if (section.first(kMagicSize) != QByteArrayView(kMagic, kMagicSize)) {
        return corrupt(u"no \"Go buildinf:\" magic at its start"_s);
    }
    const auto pointerSize = static_cast<std::uint8_t>(section[kMagicSize]);
    const auto flags = static_cast<std::uint8_t>(section[kMagicSize + 1]);
    const bool bigEndian = (flags & kFlagBigEndian) != 0;

    if ((flags & kFlagInline) != 0) {
        qsizetype offset = kHeaderSize;
        QByteArrayView strings[2];
        for (QByteArrayView &string : strings) {
            std::uint64_t length = 0;
            if (!readVarint(section, offset, length)) {
                return corrupt(u"a string length at offset %1 runs past the end"_s.arg(offset));
            }
            if (length > kMaxString || length > std::uint64_t(section.size() - offset)) {
                return corrupt(u"a string of %1 bytes at offset %2 runs past the end"_s.arg(length).arg(offset));
            }
            string = section.sliced(offset, qsizetype(length));
            offset += qsizetype(length);
        }
        return parseGoModInfo(text(strings[0]), strings[1]);
    }

    // Before Go 1.18: two pointers to Go string headers {data pointer, length}.
    if (pointerSize != 4 && pointerSize != 8) {
        return corrupt(u"pointer size %1 is neither 4 nor 8"_s.arg(pointerSize));
    }
    if (!readMemory) {
        return corrupt(u"the pre-Go 1.18 format needs the program's data segment"_s);
    }
    QByteArray strings[2];
    for (int i = 0; i < 2; ++i) {
        const std::uint64_t headerAddress = readUnsigned(section.sliced(16 + i * pointerSize), pointerSize, bigEndian);
        const QByteArrayView header = readMemory(headerAddress, std::uint64_t(2) * pointerSize);
        if (header.size() != 2 * pointerSize) {
            return corrupt(u"string header address 0x%1 is not in the file"_s.arg(headerAddress, 0, 16));
        }
        const std::uint64_t dataAddress = readUnsigned(header, pointerSize, bigEndian);
        const std::uint64_t length = readUnsigned(header.sliced(pointerSize), pointerSize, bigEndian);
        if (length > kMaxString) {
            return corrupt(u"a string of %1 bytes is implausibly long"_s.arg(length));
        }
        const QByteArrayView data = readMemory(dataAddress, length);
        if (std::uint64_t(data.size()) != length) {
            return corrupt(u"string data at 0x%1 is not in the file"_s.arg(dataAddress, 0, 16));
        }
        strings[i] = data.toByteArray();
    }
    return parseGoModInfo(text(strings[0]), strings[1]);
}

QJsonObject toJson(const GoBuildInfo &info)
{
    const auto module = [](const GoModule &m) {
        QJsonObject object{{u"path"_s, m.path}, {u"version"_s, m.version}};
        if (!m.replacedBy.isEmpty()) {
            object.insert(u"replaced_by"_s, m.replacedBy);
        }
        return object;
    };
    QJsonArray dependencies;
    for (const GoModule &dependency : info.dependencies) {
        dependencies.append(module(dependency));
    }
    QJsonObject settings;
    for (const auto &[key, value] : info.settings) {
        settings.insert(key, value);
    }
    return {{u"go_version"_s, info.goVersion},
            {u"main_package"_s, info.mainPackage},
            {u"main_module"_s, module(info.mainModule)},
            {u"dependencies"_s, dependencies},
            {u"settings"_s, settings}};
}

} // namespace Deroot::Core
