# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Deroot developers
#
# deroot_add_test(NAME name SOURCES ... [LIBRARIES ...] LABELS unit|gui|golden|host|bench ...
#                 [DATA] [NEEDS target ...] [ENVIRONMENT ...] [TIMEOUT seconds] [HOST name])
#   One Qt Test executable registered with ctest. GUI tests run on the offscreen platform.
#   Tests labelled host run inside a booted test host (tools/testhost) and require its fixture: the
#   shared one, or with HOST the one deroot_add_testhost(name) declared. Tests of one test host run
#   one after another; test hosts run side by side, each with the others' tests and the unit tests.
#   DATA: the test reads tests/data, whose path is the compile definition DEROOT_TEST_DATA.
#   NEEDS: programs of this build the test runs or installs. Each is built before the test, and its
#   path is the compile definition <TARGET>_PATH: the target's name in upper case with '-' as '_'
#   (derootctl gives DEROOTCTL_PATH, deroot-lockprobe DEROOT_LOCKPROBE_PATH).
#   TIMEOUT: the ctest limit in seconds (300 unless given); it guards against a hang, it times nothing.

find_package(Qt6 REQUIRED COMPONENTS Test)

# The test host's ctest fixture: booted before the first host test, always torn down after the last.
set(DEROOT_TESTHOST "${PROJECT_SOURCE_DIR}/tools/testhost")

# deroot_add_testhost([name [CLEAN]]): a test host's ctest fixture, booted with this build installed
# before the first of its tests, and always stopped after the last, whether they pass, fail or time
# out. Without a name the shared one (fixture and lock "testhost"); with one, a machine of its own
# ("testhost_<name>", its state in /run/deroot-testhost-<name>) for a long test that would otherwise
# hold up all the others. With CLEAN it boots without the build (the package test installs Deroot
# from its .deb files).
function(deroot_add_testhost)
  set(install --build ${CMAKE_BINARY_DIR})
  if(ARGC GREATER 1 AND ARGV1 STREQUAL "CLEAN")
    set(install "")
  endif()
  if(ARGC EQUAL 0)
    set(fixture testhost)
    set(env "DEROOT_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
  else()
    set(fixture testhost_${ARGV0})
    set(env "DEROOT_SOURCE_DIR=${PROJECT_SOURCE_DIR}" "DEROOT_TESTHOST_STATE=/run/deroot-testhost-${ARGV0}")
  endif()
  add_test(NAME ${fixture}_start COMMAND ${DEROOT_TESTHOST} start ${install})
  # One install at a time: `cmake --install` writes the helper's unit files into the build folder
  # before copying them, and two test hosts booting together would race on them.
  set_tests_properties(${fixture}_start PROPERTIES FIXTURES_SETUP ${fixture} LABELS host TIMEOUT 180
                                                   ENVIRONMENT "${env}" RESOURCE_LOCK testhost_install)
  add_test(NAME ${fixture}_stop COMMAND ${DEROOT_TESTHOST} stop)
  set_tests_properties(${fixture}_stop PROPERTIES FIXTURES_CLEANUP ${fixture} LABELS host TIMEOUT 60
                                                  ENVIRONMENT "${env}")
endfunction()

function(deroot_add_test)
  cmake_parse_arguments(ARG "DATA" "NAME;TIMEOUT;HOST" "SOURCES;LIBRARIES;LABELS;ENVIRONMENT;NEEDS" ${ARGN})
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
    set(fixture testhost)
    if(ARG_HOST)
      set(fixture testhost_${ARG_HOST})
      list(APPEND ARG_ENVIRONMENT "DEROOT_TESTHOST_STATE=/run/deroot-testhost-${ARG_HOST}")
    endif()
    # Started ahead of the unit tests (ctest runs the costliest first until it has measured them):
    # each test host's queue is the longest path of a parallel run.
    set_tests_properties(${ARG_NAME} PROPERTIES FIXTURES_REQUIRED ${fixture} RESOURCE_LOCK ${fixture} COST 100)
  elseif(ARG_HOST)
    message(FATAL_ERROR "deroot_add_test(${ARG_NAME}): HOST is for tests labelled host")
  else()
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  set(env LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen ${ARG_ENVIRONMENT})
  set_tests_properties(${ARG_NAME} PROPERTIES LABELS "${ARG_LABELS}" ENVIRONMENT "${env}" TIMEOUT ${ARG_TIMEOUT})
endfunction()
