# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# deroot_add_test(NAME name SOURCES ... LIBRARIES ... LABELS unit|gui|host|bench [ENVIRONMENT ...])
#   One Qt Test executable registered with ctest. GUI tests run on the offscreen platform.
#   Tests labelled host run inside the booted test host (tools/testhost) and require its fixture.

find_package(Qt6 REQUIRED COMPONENTS Test)

# The test host's ctest fixture: booted before the first host test, always torn down after the last.
set(DEROOT_TESTHOST "${PROJECT_SOURCE_DIR}/tools/testhost")

function(deroot_add_test)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;LIBRARIES;LABELS;ENVIRONMENT" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test Deroot::Policy ${ARG_LIBRARIES})
  set_target_properties(${ARG_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests")
  if("host" IN_LIST ARG_LABELS)
    add_test(NAME ${ARG_NAME} COMMAND ${DEROOT_TESTHOST} exec $<TARGET_FILE:${ARG_NAME}>)
    set_tests_properties(${ARG_NAME} PROPERTIES FIXTURES_REQUIRED testhost RESOURCE_LOCK testhost)
  else()
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
  endif()
  set(env LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen ${ARG_ENVIRONMENT})
  set_tests_properties(${ARG_NAME} PROPERTIES LABELS "${ARG_LABELS}" ENVIRONMENT "${env}" TIMEOUT 300)
endfunction()
