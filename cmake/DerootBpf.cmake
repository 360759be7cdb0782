# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# deroot_bpf_skeleton(TARGET name SOURCE file.bpf.c [DEPENDS header ...])
#   Compiles a CO-RE BPF program with clang (-target bpf -g -O2) against a vmlinux.h dumped from
#   the build machine's kernel BTF (/sys/kernel/btf/vmlinux), and makes its libbpf skeleton
#   (<name>.skel.h, bpftool gen skeleton) in the current binary folder. TARGET gets that folder on
#   its include path, the skeleton as a dependency, and libbpf (with libelf and zlib) to link.
#   CO-RE relocates the program's field offsets to the kernel it later runs on: the BTF of the
#   build machine is only the vocabulary, not a promise about the target's layout.
#
# Every tool missing is a configure error naming it: a build that silently left the recorder out
# would look like one that has it.

find_program(DEROOT_BPF_CLANG NAMES clang clang-19 DOC "clang, to compile BPF programs")
find_program(DEROOT_BPFTOOL NAMES bpftool PATHS /usr/sbin /sbin DOC "bpftool, for vmlinux.h and skeletons")
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBBPF IMPORTED_TARGET libbpf>=1.0)
set(DEROOT_VMLINUX_BTF "/sys/kernel/btf/vmlinux" CACHE FILEPATH "The kernel BTF vmlinux.h is dumped from")

set(_deroot_bpf_missing "")
if(NOT DEROOT_BPF_CLANG)
  list(APPEND _deroot_bpf_missing "clang (Debian: clang)")
endif()
if(NOT DEROOT_BPFTOOL)
  list(APPEND _deroot_bpf_missing "bpftool (Debian: bpftool)")
endif()
if(NOT LIBBPF_FOUND)
  list(APPEND _deroot_bpf_missing "libbpf >= 1.0 found by pkg-config (Debian: libbpf-dev)")
endif()
if(NOT EXISTS "${DEROOT_VMLINUX_BTF}")
  list(APPEND _deroot_bpf_missing
       "${DEROOT_VMLINUX_BTF}: the kernel's BTF (a kernel built with CONFIG_DEBUG_INFO_BTF=y), or set DEROOT_VMLINUX_BTF")
endif()
if(_deroot_bpf_missing)
  list(JOIN _deroot_bpf_missing "; " _deroot_bpf_missing_text)
  message(FATAL_ERROR "The eBPF recorder of deroot-observer cannot be built; missing: ${_deroot_bpf_missing_text}")
endif()

# The target architecture's name as the kernel's headers spell it (bpf_tracing.h's __TARGET_ARCH_*).
string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" _deroot_bpf_processor)
if(_deroot_bpf_processor MATCHES "^(x86_64|amd64|i.86)$")
  set(DEROOT_BPF_ARCH x86)
elseif(_deroot_bpf_processor MATCHES "^(aarch64|arm64)$")
  set(DEROOT_BPF_ARCH arm64)
elseif(_deroot_bpf_processor MATCHES "^(ppc64le|ppc64)$")
  set(DEROOT_BPF_ARCH powerpc)
elseif(_deroot_bpf_processor MATCHES "^s390")
  set(DEROOT_BPF_ARCH s390)
elseif(_deroot_bpf_processor MATCHES "^riscv")
  set(DEROOT_BPF_ARCH riscv)
else()
  message(FATAL_ERROR "The eBPF recorder does not know the architecture ${CMAKE_SYSTEM_PROCESSOR}")
endif()

function(deroot_bpf_skeleton)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "TARGET;SOURCE" "DEPENDS")
  if(NOT arg_TARGET OR NOT arg_SOURCE)
    message(FATAL_ERROR "deroot_bpf_skeleton: TARGET and SOURCE are required")
  endif()
  cmake_path(ABSOLUTE_PATH arg_SOURCE BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" OUTPUT_VARIABLE source)
  cmake_path(GET source FILENAME file)
  string(REGEX REPLACE "\\.bpf\\.c$" "" name "${file}")
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/bpf")
  set(vmlinux "${dir}/vmlinux.h")
  set(object "${dir}/${name}.bpf.o")
  set(skeleton "${dir}/${name}.skel.h")
  add_custom_command(
    OUTPUT "${vmlinux}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${dir}"
    COMMAND "${DEROOT_BPFTOOL}" btf dump file "${DEROOT_VMLINUX_BTF}" format c > "${vmlinux}.tmp"
    COMMAND "${CMAKE_COMMAND}" -E rename "${vmlinux}.tmp" "${vmlinux}"
    COMMENT "Dumping the kernel's BTF to vmlinux.h"
    VERBATIM)
  # The libbpf headers of pkg-config (bpf/bpf_helpers.h), and the source folder for shared headers.
  set(includes "")
  foreach(include IN LISTS LIBBPF_INCLUDE_DIRS)
    list(APPEND includes "-I${include}")
  endforeach()
  add_custom_command(
    OUTPUT "${object}"
    COMMAND "${DEROOT_BPF_CLANG}" -target bpf -g -O2 -Wall -Werror -D__TARGET_ARCH_${DEROOT_BPF_ARCH} "-I${dir}"
            "-I${CMAKE_CURRENT_SOURCE_DIR}" ${includes} -c "${source}" -o "${object}"
    DEPENDS "${source}" "${vmlinux}" ${arg_DEPENDS}
    COMMENT "Compiling the BPF program ${file}"
    VERBATIM)
  add_custom_command(
    OUTPUT "${skeleton}"
    COMMAND "${DEROOT_BPFTOOL}" gen skeleton "${object}" name "${name}_bpf" > "${skeleton}.tmp"
    COMMAND "${CMAKE_COMMAND}" -E rename "${skeleton}.tmp" "${skeleton}"
    DEPENDS "${object}"
    COMMENT "Generating the BPF skeleton ${name}.skel.h"
    VERBATIM)
  # One target owns the rules above, and TARGET waits for it. The skeleton is not also a source of
  # TARGET: with the Makefile generator (debhelper's default) every target that lists a custom
  # command's output runs that command itself, and TARGET's AUTOMOC target did so beside this one,
  # two bpftool dumps racing for vmlinux.h. A change of the BPF program still rebuilds what includes
  # the skeleton, through the compiler's header dependencies.
  add_custom_target(${arg_TARGET}_${name}_skeleton DEPENDS "${skeleton}")
  add_dependencies(${arg_TARGET} ${arg_TARGET}_${name}_skeleton)
  # SYSTEM: the generated skeleton is not held to the project's warnings.
  target_include_directories(${arg_TARGET} SYSTEM PRIVATE "${dir}")
  target_link_libraries(${arg_TARGET} PUBLIC PkgConfig::LIBBPF)
endfunction()
