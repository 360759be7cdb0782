# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# Compiler policy as targets: deroot_policy carries warnings and Qt's strictness defines, every
# target links it; deroot_harden(target) adds the hardening flags to every executable and to every
# library that code running as root is built from (lint_hardening checks it).

add_library(deroot_policy INTERFACE)
add_library(Deroot::Policy ALIAS deroot_policy)
target_compile_options(deroot_policy INTERFACE -Wall -Wextra -Wpedantic -Wformat=2 -Werror=format-security
                                               $<$<BOOL:${DEROOT_WERROR}>:-Werror>)
target_compile_definitions(
  deroot_policy
  INTERFACE QT_NO_CAST_FROM_ASCII
            QT_NO_CAST_TO_ASCII
            QT_NO_CAST_FROM_BYTEARRAY
            QT_USE_QSTRINGBUILDER
            QT_NO_KEYWORDS
            QT_NO_FOREACH
            QT_NO_URL_CAST_FROM_STRING
            QT_DISABLE_DEPRECATED_UP_TO=0x060500
            DEROOT_VERSION="${PROJECT_VERSION}"
            DEROOT_APP_ID="${DEROOT_APP_ID}")
target_compile_features(deroot_policy INTERFACE cxx_std_20)

if(DEROOT_SANITIZE)
  # float-cast-overflow is not part of GCC's "undefined" group (clang's has it), nor of its recover
  # list: without it a double such as 1e300 converted to an integer passed the gcc suite unseen and
  # was found only by the clang fuzz build.
  target_compile_options(
    deroot_policy INTERFACE -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer
                            -fno-sanitize-recover=undefined,float-cast-overflow)
  target_link_options(deroot_policy INTERFACE -fsanitize=address,undefined,float-cast-overflow)
endif()

if(DEROOT_FUZZ)
  # Coverage for libFuzzer in everything the targets link; the targets add -fsanitize=fuzzer.
  target_compile_options(deroot_policy INTERFACE -fsanitize=fuzzer-no-link)
endif()

set(CMAKE_POSITION_INDEPENDENT_CODE ON)

function(deroot_harden target)
  target_compile_options(${target} PRIVATE -fstack-protector-strong -fstack-clash-protection -fcf-protection)
  if(NOT CMAKE_BUILD_TYPE STREQUAL "Debug" AND NOT DEROOT_SANITIZE)
    target_compile_options(${target} PRIVATE -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=3)
  endif()
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_link_options(${target} PRIVATE -pie -Wl,-z,relro,-z,now -Wl,-z,noexecstack -Wl,--as-needed)
endfunction()
