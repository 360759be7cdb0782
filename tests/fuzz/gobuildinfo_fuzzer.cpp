// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// libFuzzer target: the Go build information parser, both formats. For the pointer format the
// input doubles as the address space (address = offset), so pointers can land anywhere in it.
#include "core/inspect/gobuildinfo.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    const Deroot::Core::GoMemoryReader memory = [input](std::uint64_t address, std::uint64_t length) -> QByteArrayView {
        if (address > std::uint64_t(input.size()) || length > std::uint64_t(input.size()) - address) {
            return {};
        }
        return input.sliced(qsizetype(address), qsizetype(length));
    };
    const auto info = Deroot::Core::parseGoBuildInfo(input, memory);
    if (info) {
        (void)Deroot::Core::toJson(*info);
    }
    return 0;
}
