# Installs the build tree into a scratch prefix, then configures, builds and
# runs tests/consumer against it with find_package(cgocheck).
file(REMOVE_RECURSE ${WORK_DIR})
set(_prefix ${WORK_DIR}/prefix)
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${_prefix}
  RESULT_VARIABLE _rc)
if(_rc)
  message(FATAL_ERROR "cmake --install failed (${_rc})")
endif()
set(_expect_plugin "")
if(EXPECT_PLUGIN)
  set(_expect_plugin ${LLVM_MAJOR})
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE} -B ${WORK_DIR}/build
  -G ${GENERATOR} -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_PREFIX_PATH=${_prefix}
  -DEXPECT_PLUGIN_MAJOR=${_expect_plugin}
  RESULT_VARIABLE _rc)
if(_rc)
  message(FATAL_ERROR "configuring the consumer failed (${_rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build RESULT_VARIABLE _rc)
if(_rc)
  message(FATAL_ERROR "building the consumer failed (${_rc})")
endif()
execute_process(COMMAND ${WORK_DIR}/build/consumer RESULT_VARIABLE _rc)
if(_rc)
  message(FATAL_ERROR "the consumer failed (${_rc})")
endif()
