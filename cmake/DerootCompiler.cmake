# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# Compiler policy as targets: deroot_policy carries warnings, Qt's strictness defines and the
# compile-time hardening, and every target links it, so no library that ends up in an executable can
# miss a flag; deroot_harden(executable) adds the link-time hardening.

include(CheckCXXCompilerFlag)

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
            QT_DISABLE_DEPRECATED_UP_TO=0x060500)
target_compile_features(deroot_policy INTERFACE cxx_std_20)

# Compile-time hardening, on everything: the helper runs core's plan parser and generators as root
# on what any local user sends it (tests/lint/hardening.sh checks the objects). Control-flow
# protection exists only on x86; the compiler is asked rather than the architecture guessed.
check_cxx_compiler_flag(-fcf-protection DEROOT_HAVE_CF_PROTECTION)
target_compile_options(deroot_policy INTERFACE -fstack-protector-strong -fstack-clash-protection
                                               $<$<BOOL:${DEROOT_HAVE_CF_PROTECTION}>:-fcf-protection>)
if(NOT CMAKE_BUILD_TYPE STREQUAL "Debug" AND NOT DEROOT_SANITIZE)
  target_compile_options(deroot_policy INTERFACE -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=3)
endif()

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

# Link-time optimisation (the lto preset, which tests/lint/odr.sh builds). At link time GCC sees the
# types of every object together: one name defined twice with different layouts (-Wodr), or one
# function or variable declared with different types (-Wlto-type-mismatch), fails the link instead
# of leaving the linker to keep one copy of the inline code for both.
if(DEROOT_LTO)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    message(FATAL_ERROR "DEROOT_LTO needs GCC: its link-time ODR check is what the option is for")
  endif()
  include(CheckIPOSupported)
  check_ipo_supported(LANGUAGES CXX)
  set(CMAKE_INTERPROCEDURAL_OPTIMIZATION ON)
  target_link_options(deroot_policy INTERFACE -Werror=odr -Werror=lto-type-mismatch)
endif()

set(CMAKE_POSITION_INDEPENDENT_CODE ON)

# The link-time hardening of an executable: PIE, full RELRO with immediate binding, no executable
# stack (tests/lint/linkage.sh checks the binaries).
function(deroot_harden target)
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_link_options(${target} PRIVATE -pie -Wl,-z,relro,-z,now -Wl,-z,noexecstack -Wl,--as-needed)
endfunction()
