//===--- PointerFlow.h - cgocheck -------------------------------*- C++ -*-===//
//
// The pointer-lifetime analysis of one translation unit, shared by the five
// pointer checks. It feeds clang's CFG of each function to the library's
// pointer lattice (cgocheck/rules/pointers.hpp): values derived from the
// parameters, stack addresses and heap blocks through locals, casts, offsets,
// fields, uintptr_t round trips and memcpy of pointer-sized values; stores
// into globals, statics, heap blocks and parameters' memory; frees; returns.
// A function's summary is computed once, when a function that can see
// boundary pointers calls it (or when it is judged itself), and translated
// into each caller. The library judges each event of a function Go calls
// against what its parameters may hold (Go-side facts or an assumption mode).
//
//===----------------------------------------------------------------------===//

#ifndef CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_POINTERFLOW_H
#define CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_POINTERFLOW_H

#include "cgocheck/cgo/unit_facts.hpp"
#include "cgocheck/rules/pointers.hpp"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <utility>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class FunctionDecl;
class NamedDecl;
class ParmVarDecl;
class Stmt;
} // namespace clang

namespace clang::tidy::cgo::utils {

namespace pointer_rules = ::cgocheck::rules;
using PointerSite = const Stmt *;
using PointerEvent = pointer_rules::pointer_event<PointerSite>;
using ParamMemory = pointer_rules::param_memory<::cgocheck::cgo::go_site>;

/// The options all five checks read (locally or globally, so that setting
/// them once serves every check).
struct PointerFlowOptions {
  pointer_rules::assumption_mode Mode = pointer_rules::assumption_mode::facts;
  std::vector<std::string> Deallocators;
  std::vector<std::string> Allocators;
  /// Functions that keep one of their arguments: name and 0-based index.
  std::vector<std::pair<std::string, unsigned>> KeepingFunctions;

  /// Parses the option texts; returns an error message for a bad one.
  static std::string parse(llvm::StringRef Mode, llvm::StringRef Deallocators, llvm::StringRef Allocators,
                           llvm::StringRef KeepingFunctions, PointerFlowOptions &Out);
  std::string key() const;
};

inline constexpr llvm::StringRef DefaultDeallocators = pointer_rules::default_deallocators;
inline constexpr llvm::StringRef DefaultAllocators = pointer_rules::default_allocators;
inline constexpr llvm::StringRef DefaultKeepingFunctions = pointer_rules::default_keeping_functions;

/// One finding of a pointer rule.
struct PointerFinding {
  pointer_rules::pointer_rule Rule = pointer_rules::pointer_rule::retained;
  const FunctionDecl *Function = nullptr; ///< the function Go calls (or that frees twice)
  PointerEvent Event;                     ///< at: the store, free, return or call
  const ParmVarDecl *Param = nullptr;     ///< the parameter it is about, if any
  const ParmVarDecl *Target = nullptr;    ///< go-pointer-in-go-memory: where it is stored
  std::vector<pointer_rules::go_origin<::cgocheck::cgo::go_site>> Origins; ///< Go calls to note
  std::string Assumed;                    ///< without facts: why Param may hold Go memory
  bool NoEscape = false;                  ///< the function is marked `#cgo noescape`
  // cgo-double-free inside C:
  PointerSite FirstFree = nullptr;
  const NamedDecl *Freed = nullptr;
};

/// The findings of the five pointer rules in the TU of Context under
/// Options, computed once per TU and options.
const std::vector<PointerFinding> &pointerFindings(ASTContext &Context, const PointerFlowOptions &Options);

} // namespace clang::tidy::cgo::utils

#endif // CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_POINTERFLOW_H
