//===--- LongDoubleCheck.h - cgocheck ---------------------------*- C++ -*-===//
//
// cgo-long-double: long double in a signature or struct Go uses; cgo rejects
// it where it is 16 (or 12) bytes and maps it to float64 where it is 8.
// Docs: docs/checks/cgo-long-double.md.
//
//===----------------------------------------------------------------------===//

#ifndef CGOCHECK_CLANG_TIDY_PLUGIN_LONGDOUBLECHECK_H
#define CGOCHECK_CLANG_TIDY_PLUGIN_LONGDOUBLECHECK_H

#include "utils/AbiCheck.h"

namespace clang {
class NamedDecl;
} // namespace clang

namespace clang::tidy::cgo {

class LongDoubleCheck : public utils::AbiCheck {
public:
  using AbiCheck::AbiCheck;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// Reports Decl (a parameter, field or function for its result) of the
  /// given kind (0 parameter, 1 field, 2 result, 3 unnamed parameter of the
  /// function Decl); false when no listed
  /// target rejects it.
  bool report(const NamedDecl &Decl, SourceLocation Where, unsigned Kind);
};

} // namespace clang::tidy::cgo

#endif // CGOCHECK_CLANG_TIDY_PLUGIN_LONGDOUBLECHECK_H
