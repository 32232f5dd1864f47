//===--- PointerNullness.h - cgocheck ---------------------------*- C++ -*-===//
//
// Feeds clang's CFG of one function to the nullness model of the cgocheck
// library (cgocheck/rules/nullness.hpp) and reports, for every call to a
// deallocator, what the model knows about its first argument.
//
// Tracked: pointer-typed local variables and parameters whose address is
// never taken and that are not volatile. Everything else is unknown.
//
//===----------------------------------------------------------------------===//

#ifndef CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_POINTERNULLNESS_H
#define CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_POINTERNULLNESS_H

#include "cgocheck/rules/checks.hpp"
#include "cgocheck/rules/nullness.hpp"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class FunctionDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace clang::tidy::cgo::utils {

/// Where a fact about a variable was established.
struct NullnessOrigin {
  const Stmt *Where = nullptr;
  bool FromTest = false; ///< a branch condition, not an assignment
};

/// A call to a deallocator and the nullness of the pointer it frees.
struct DeallocationSite {
  const CallExpr *Call = nullptr;
  const FunctionDecl *Callee = nullptr;
  const Expr *Argument = nullptr;
  const VarDecl *Variable = nullptr; ///< the argument, if a tracked variable
  /// How the argument is written (set when Value is null).
  ::cgocheck::rules::null_argument Form = ::cgocheck::rules::null_argument::expression;
  ::cgocheck::rules::nullness Value = ::cgocheck::rules::nullness::unknown;
  NullnessOrigin Origin; ///< set when Value is null or non-null
};

/// Runs the nullness analysis on the body of Function and calls OnSite for
/// every call whose callee satisfies IsDeallocator (once per call). Returns
/// false, reporting nothing, when the function has no CFG or the analysis
/// gave up.
bool forEachDeallocation(
    const FunctionDecl &Function, ASTContext &Context,
    llvm::function_ref<bool(const FunctionDecl &)> IsDeallocator,
    llvm::function_ref<void(const DeallocationSite &)> OnSite);

} // namespace clang::tidy::cgo::utils

#endif // CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_POINTERNULLNESS_H
