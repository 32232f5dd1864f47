# Runs COMMAND with ARGS (a ;-list) and checks its exit code and stderr.
#   cmake -DCOMMAND=... -DARGS=... -DEXPECT_EXIT=2 -DEXPECT_STDERR=regex -P expect_exit.cmake
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
