// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
#include "core/base/sha256.h"

#include <cstring>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace Deroot::Core {

namespace {

alignas(16) constexpr std::uint32_t kRound[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

constexpr std::uint32_t rotr(std::uint32_t x, int n)
{
    return (x >> n) | (x << (32 - n));
}

void compressPortable(std::uint32_t *state, const std::uint8_t *blocks, std::size_t count)
{
    for (; count > 0; --count, blocks += 64) {
        std::uint32_t w[64];
        for (std::size_t i = 0; i < 16; ++i) {
            w[i] = std::uint32_t(blocks[4 * i]) << 24 | std::uint32_t(blocks[4 * i + 1]) << 16 |
                   std::uint32_t(blocks[4 * i + 2]) << 8 | std::uint32_t(blocks[4 * i + 3]);
        }
        for (int i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        std::uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        for (int i = 0; i < 64; ++i) {
            const std::uint32_t t1 =
                h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kRound[i] + w[i];
            const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}

#if defined(__x86_64__)
// The SHA extensions process four rounds per two sha256rnds2 instructions; the message schedule
// uses sha256msg1/sha256msg2 (Intel, "Intel SHA Extensions", 2013, and its sample code).
__attribute__((target("sha,sse4.1,ssse3"))) void compressShaNi(std::uint32_t *state, const std::uint8_t *blocks,
                                                               std::size_t count)
{
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i *>(&state[0]));
    __m128i state1 = _mm_loadu_si128(reinterpret_cast<const __m128i *>(&state[4]));
    tmp = _mm_shuffle_epi32(tmp, 0xB1);               // CDAB
    state1 = _mm_shuffle_epi32(state1, 0x1B);         // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8); // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);      // CDGH

    for (; count > 0; --count, blocks += 64) {
        const __m128i abefSave = state0;
        const __m128i cdghSave = state1;
        __m128i m[4];
        for (std::size_t i = 0; i < 4; ++i) {
            m[i] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(blocks + 16 * i)), byteSwap);
        }
        for (std::size_t group = 0; group < 16; ++group) {
            __m128i &current = m[group % 4];
            __m128i message =
                _mm_add_epi32(current, _mm_load_si128(reinterpret_cast<const __m128i *>(&kRound[4 * group])));
            state1 = _mm_sha256rnds2_epu32(state1, state0, message);
            if (group >= 3 && group <= 14) {
                __m128i &next = m[(group + 1) % 4];
                next = _mm_add_epi32(next, _mm_alignr_epi8(current, m[(group + 3) % 4], 4));
                next = _mm_sha256msg2_epu32(next, current);
            }
            message = _mm_shuffle_epi32(message, 0x0E);
            state0 = _mm_sha256rnds2_epu32(state0, state1, message);
            if (group >= 1 && group <= 12) {
                __m128i &previous = m[(group + 3) % 4];
                previous = _mm_sha256msg1_epu32(previous, current);
            }
        }
        state0 = _mm_add_epi32(state0, abefSave);
        state1 = _mm_add_epi32(state1, cdghSave);
    }

    tmp = _mm_shuffle_epi32(state0, 0x1B);       // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1);    // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0); // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8);    // HGFE
    _mm_storeu_si128(reinterpret_cast<__m128i *>(&state[0]), state0);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(&state[4]), state1);
}

bool detectShaNi()
{
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) {
        return false;
    }
    const bool ssse3 = (c & bit_SSSE3) != 0;
    const bool sse41 = (c & bit_SSE4_1) != 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) {
        return false;
    }
    return ssse3 && sse41 && (b & bit_SHA) != 0;
}
#endif

} // namespace

Sha256::Sha256(Implementation implementation)
    : m_portable(implementation == Implementation::Portable)
    , m_state{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}
{}

bool Sha256::accelerated()
{
#if defined(__x86_64__)
    static const bool shaNi = detectShaNi();
    return shaNi;
#else
    return false;
#endif
}

void Sha256::compress(const std::uint8_t *blocks, std::size_t count)
{
#if defined(__x86_64__)
    if (!m_portable && accelerated()) {
        compressShaNi(m_state.data(), blocks, count);
        return;
    }
#endif
    compressPortable(m_state.data(), blocks, count);
}

void Sha256::addData(QByteArrayView data)
{
    auto bytes = reinterpret_cast<const std::uint8_t *>(data.data());
    std::size_t size = std::size_t(data.size());
    m_length += size;
    if (m_buffered > 0) {
        const std::size_t take = std::min(size, 64 - m_buffered);
        std::memcpy(m_buffer.data() + m_buffered, bytes, take);
        m_buffered += take;
        bytes += take;
        size -= take;
        if (m_buffered < 64) {
            return;
        }
        compress(m_buffer.data(), 1);
        m_buffered = 0;
    }
    if (size >= 64) {
        compress(bytes, size / 64);
        bytes += size - size % 64;
        size %= 64;
    }
    if (size > 0) {
        std::memcpy(m_buffer.data(), bytes, size);
    }
    m_buffered = size;
}

QString Sha256::hex(QByteArrayView data)
{
    Sha256 hash;
    hash.addData(data);
    return QString::fromLatin1(hash.result().toHex());
}

QByteArray Sha256::result()
{
    const std::uint64_t bits = m_length * 8;
    std::uint8_t padding[72] = {0x80};
    const std::size_t padSize = (m_buffered < 56 ? 56 : 120) - m_buffered;
    std::uint8_t lengthBytes[8];
    for (int i = 0; i < 8; ++i) {
        lengthBytes[i] = std::uint8_t(bits >> (56 - 8 * i));
    }
    const std::uint64_t length = m_length;
    addData(QByteArrayView(reinterpret_cast<const char *>(padding), qsizetype(padSize)));
    addData(QByteArrayView(reinterpret_cast<const char *>(lengthBytes), 8));
    m_length = length;
    QByteArray digest(32, Qt::Uninitialized);
    for (qsizetype i = 0; i < 8; ++i) {
        digest[4 * i] = char(m_state[i] >> 24);
        digest[4 * i + 1] = char(m_state[i] >> 16);
        digest[4 * i + 2] = char(m_state[i] >> 8);
        digest[4 * i + 3] = char(m_state[i]);
    }
    return digest;
}

} // namespace Deroot::Core
