# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# Core's layers as targets, and the direction between them enforced at build time.
#
# deroot_layer(NAME [DEPENDS LAYER...] SOURCES FILE...) makes the static library deroot_NAME
# (alias Deroot::Name) from core/NAME/, linking the layers it DEPENDS on. A file of the layer may
# include headers of its own folder and of the layers it reaches through DEPENDS, nothing else:
# deroot_check_includes() turns any other #include into a build error naming the file and the
# header, so a cycle or an upward include cannot be written by accident.
#
# deroot_check_includes(TARGET ALLOWED PREFIX...) checks the quoted project includes of TARGET's
# sources (those starting with core/, app/, ui/ or tests/) against the folder PREFIXes, and refuses
# a quoted include written relative to the including file: project headers are named from the
# repository root, one spelling everywhere.

set(DEROOT_CHECK_INCLUDES_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/CheckIncludes.cmake")

function(deroot_check_includes target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "ALLOWED")
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  set(files "")
  foreach(source IN LISTS sources)
    cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${source_dir}" NORMALIZE OUTPUT_VARIABLE file)
    if(file MATCHES "\\.(h|cpp)$" AND file MATCHES "^${PROJECT_SOURCE_DIR}/")
      list(APPEND files "${file}")
    endif()
  endforeach()
  set(list_file "${CMAKE_CURRENT_BINARY_DIR}/${target}.includes.txt")
  list(JOIN files "\n" content)
  file(CONFIGURE OUTPUT "${list_file}" CONTENT "${content}\n")
  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/${target}.includes.stamp")
  # One argument on the command line: a ;-list would be split into several.
  string(REPLACE ";" "|" allowed "${arg_ALLOWED}")
  add_custom_command(
    OUTPUT "${stamp}"
    COMMAND "${CMAKE_COMMAND}" "-DTARGET=${target}" "-DLIST=${list_file}" "-DROOT=${PROJECT_SOURCE_DIR}"
            "-DALLOWED=${allowed}" "-DSTAMP=${stamp}" -P "${DEROOT_CHECK_INCLUDES_SCRIPT}"
    DEPENDS ${files} "${list_file}" "${DEROOT_CHECK_INCLUDES_SCRIPT}"
    COMMENT "Checking what ${target} includes"
    VERBATIM)
  add_custom_target(${target}_includes DEPENDS "${stamp}")
  add_dependencies(${target} ${target}_includes)
endfunction()

function(deroot_layer name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "DEPENDS;SOURCES")
  set(target deroot_${name})
  add_library(${target} STATIC ${arg_SOURCES})
  string(SUBSTRING "${name}" 0 1 first)
  string(TOUPPER "${first}" first)
  string(SUBSTRING "${name}" 1 -1 rest)
  add_library(Deroot::${first}${rest} ALIAS ${target})
  target_include_directories(${target} PUBLIC "${PROJECT_SOURCE_DIR}")
  target_link_libraries(${target} PUBLIC Qt6::Core Deroot::Policy)
  set(reach ${name})
  foreach(dependency IN LISTS arg_DEPENDS)
    if(NOT TARGET deroot_${dependency})
      message(FATAL_ERROR "layer ${name} depends on ${dependency}, which is not defined before it")
    endif()
    target_link_libraries(${target} PUBLIC deroot_${dependency})
    get_property(dependency_reach GLOBAL PROPERTY DEROOT_LAYER_REACH_${dependency})
    list(APPEND reach ${dependency_reach})
  endforeach()
  list(REMOVE_DUPLICATES reach)
  set_property(GLOBAL PROPERTY DEROOT_LAYER_REACH_${name} ${reach})
  set_property(GLOBAL APPEND PROPERTY DEROOT_LAYERS ${target})
  set(allowed "")
  foreach(layer IN LISTS reach)
    list(APPEND allowed core/${layer}/)
  endforeach()
  deroot_check_includes(${target} ALLOWED ${allowed})
endfunction()

# The include prefixes of the layer NAME and of every layer it reaches, for a target outside core
# that may use exactly that much of it (the helper).
function(deroot_layer_reach name out)
  get_property(reach GLOBAL PROPERTY DEROOT_LAYER_REACH_${name})
  set(allowed "")
  foreach(layer IN LISTS reach)
    list(APPEND allowed core/${layer}/)
  endforeach()
  set(${out} ${allowed} PARENT_SCOPE)
endfunction()
