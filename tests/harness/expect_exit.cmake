# Runs COMMAND with ARGS (a ;-list) and checks its exit code, stderr (one
# line at most) and, when given, stdout.
#   cmake -DCOMMAND=... -DARGS=... -DEXPECT_EXIT=2 -DEXPECT_STDERR=regex
#         [-DEXPECT_STDOUT=regex] -P expect_exit.cmake
execute_process(COMMAND ${COMMAND} ${ARGS}
  RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
if(NOT _rc STREQUAL EXPECT_EXIT)
  message(FATAL_ERROR "exit code ${_rc}, expected ${EXPECT_EXIT}\nstdout: ${_out}\nstderr: ${_err}")
endif()
if(DEFINED EXPECT_STDERR AND NOT _err MATCHES "${EXPECT_STDERR}")
  message(FATAL_ERROR "stderr does not match '${EXPECT_STDERR}':\n${_err}")
endif()
string(REGEX MATCHALL "\n" _lines "${_err}")
list(LENGTH _lines _count)
if(_count GREATER 1)
  message(FATAL_ERROR "stderr has ${_count} lines, expected one:\n${_err}")
endif()
if(DEFINED EXPECT_STDOUT AND NOT _out MATCHES "${EXPECT_STDOUT}")
  message(FATAL_ERROR "stdout does not match '${EXPECT_STDOUT}':\n${_out}")
endif()
