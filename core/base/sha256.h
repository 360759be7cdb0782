// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>
#include <cstdint>

namespace Deroot::Core {

/// SHA-256 (FIPS 180-4). On x86-64 processors with the SHA extensions it uses them (about ten times
/// faster than QCryptographicHash, which matters when hashing a 100 MB agent binary); elsewhere the
/// same portable rounds. Tests check it against QCryptographicHash.
class Sha256 final
{
public:
    enum class Implementation { Fastest, Portable };
    explicit Sha256(Implementation implementation = Implementation::Fastest);
    void addData(QByteArrayView data);
    /// The digest (32 bytes). The object is finished afterwards.
    QByteArray result();

    /// The digest of @p data as 64 lower-case hex digits: how plan.json, the journal and the
    /// approval show a hash.
    static QString hex(QByteArrayView data);

    /// Whether the SHA extensions are in use on this processor.
    static bool accelerated();

private:
    void compress(const std::uint8_t *blocks, std::size_t count);

    bool m_portable;
    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0;
};

} // namespace Deroot::Core
