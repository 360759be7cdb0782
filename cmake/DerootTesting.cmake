# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# deroot_add_test(NAME name SOURCES ... [LIBRARIES ...] LABELS unit|gui|golden|host|bench ...
#                 [DATA] [NEEDS target ...] [ENVIRONMENT ...] [TIMEOUT seconds])
#   One Qt Test executable registered with ctest. GUI tests run on the offscreen platform.
#   Tests labelled host run inside the booted test host (tools/testhost) and require its fixture.
#   DATA: the test reads tests/data, whose path is the compile definition DEROOT_TEST_DATA.
#   NEEDS: programs of this build the test runs or installs. Each is built before the test, and its
#   path is the compile definition <TARGET>_PATH: the target's name in upper case with '-' as '_'
#   (derootctl gives DEROOTCTL_PATH, deroot-lockprobe DEROOT_LOCKPROBE_PATH).
#   TIMEOUT: the ctest limit in seconds (300 unless given); it guards against a hang, it times nothing.

find_package(Qt6 REQUIRED COMPONENTS Test)

# The test host's ctest fixture: booted before the first host test, always torn down after the last.
set(DEROOT_TESTHOST "${PROJECT_SOURCE_DIR}/tools/testhost")

function(deroot_add_test)
  cmake_parse_arguments(ARG "DATA" "NAME;TIMEOUT" "SOURCES;LIBRARIES;LABELS;ENVIRONMENT;NEEDS" ${ARGN})
  if(ARG_UNPARSED_ARGUMENTS OR NOT ARG_LABELS)
    message(FATAL_ERROR "deroot_add_test(${ARG_NAME}): needs LABELS, and knows no ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test Deroot::Policy ${ARG_LIBRARIES})
  set_target_properties(${ARG_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests")
  if(ARG_DATA)
    target_compile_definitions(${ARG_NAME} PRIVATE DEROOT_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data")
  endif()
  foreach(needed IN LISTS ARG_NEEDS)
    string(TOUPPER "${needed}" define)
    string(REPLACE "-" "_" define "${define}")
    target_compile_definitions(${ARG_NAME} PRIVATE ${define}_PATH="$<TARGET_FILE:${needed}>")
    add_dependencies(${ARG_NAME} ${needed})
  endforeach()
  if("host" IN_LIST ARG_LABELS)
    add_test(NAME ${ARG_NAME} COMMAND ${DEROOT_TESTHOST} exec $<TARGET_FILE:${ARG_NAME}>)
    set_tests_properties(${ARG_NAME} PROPERTIES FIXTURES_REQUIRED testhost RESOURCE_LOCK testhost)
  else()
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  set(env LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen ${ARG_ENVIRONMENT})
  set_tests_properties(${ARG_NAME} PROPERTIES LABELS "${ARG_LABELS}" ENVIRONMENT "${env}" TIMEOUT ${ARG_TIMEOUT})
endfunction()
