// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Deroot developers
//
// libFuzzer target: the ELF reader (libelf underneath, our own bounds checks and Go build
// information lookup on top) must survive any bytes.
#include "core/inspect/elfreader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto facts =
        Deroot::Core::readElfMemory(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (facts) {
        (void)Deroot::Core::toJson(*facts);
    }
    return 0;
}
