//===--- VariadicCheck.h - cgocheck -----------------------------*- C++ -*-===//
//
// cgo-variadic: Go calling a variadic C function (cgo cannot), and C calling
// a function through a type of the other kind (variadic vs fixed arity,
// including through void*) or through a declaration without a prototype,
// which passes arguments in the wrong place on Apple arm64.
// Docs: docs/checks/cgo-variadic.md.
//
//===----------------------------------------------------------------------===//

#ifndef CGOCHECK_CLANG_TIDY_PLUGIN_VARIADICCHECK_H
#define CGOCHECK_CLANG_TIDY_PLUGIN_VARIADICCHECK_H

#include "utils/AbiCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::cgo {

class VariadicCheck : public utils::AbiCheck {
public:
  using AbiCheck::AbiCheck;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override { InnerCasts.clear(); }

private:
  /// Casts inside an outer cast to a function type, not reported themselves.
  llvm::DenseSet<const CastExpr *> InnerCasts;
};

} // namespace clang::tidy::cgo

#endif // CGOCHECK_CLANG_TIDY_PLUGIN_VARIADICCHECK_H
