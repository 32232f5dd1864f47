# The C layout engine and cgo's view of C records (include/cgocheck/abi/layout.hpp).
# Included from tests/abi/CMakeLists.txt.
#
# layout-cases describes a corpus of records as abi::c_record and prints,
# per data-model row, a C11 file of _Static_asserts of the engine's sizeof,
# _Alignof and offsetof; check_layout.py compiles it for every row's triple
# with clang-19 and clang-22 (one test each; exit 77, skipped, when that clang
# is not installed) and checks that a deliberately wrong assertion is
# rejected. check_cgo_view.py compares the engine's Go view with go1.19's
# `go tool cgo -godefs` (a live Go test: sanitizer preset only).
add_executable(layout-cases ${CMAKE_CURRENT_LIST_DIR}/layout_cases.cpp)
target_link_libraries(layout-cases PRIVATE cgocheck::cgocheck)
target_compile_options(layout-cases PRIVATE -Wall -Wextra)

foreach(_layout_llvm 19 22)
  find_program(CGOCHECK_LAYOUT_CLANG_${_layout_llvm} NAMES clang-${_layout_llvm}
    DOC "clang-${_layout_llvm}, which tests/abi compares the layout engine with")
  if(CGOCHECK_LAYOUT_CLANG_${_layout_llvm})
    set(_layout_clang ${CGOCHECK_LAYOUT_CLANG_${_layout_llvm}})
  else()
    set(_layout_clang clang-${_layout_llvm}) # the script skips (77) when it is absent
  endif()
  add_test(NAME abi/layout-clang-${_layout_llvm}
    COMMAND Python3::Interpreter ${CMAKE_CURRENT_LIST_DIR}/check_layout.py
            --generator $<TARGET_FILE:layout-cases> --clang ${_layout_clang})
  set_tests_properties(abi/layout-clang-${_layout_llvm} PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77)
endforeach()

if(CGOCHECK_SANITIZE)
  add_test(NAME live/cgo-view-1.19
    COMMAND Python3::Interpreter ${CMAKE_CURRENT_LIST_DIR}/check_cgo_view.py
            --generator $<TARGET_FILE:layout-cases>)
  set_tests_properties(live/cgo-view-1.19 PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77)
endif()
