//===--- NilFreeCheck.h - cgocheck ------------------------------*- C++ -*-===//
//
// cgo-nil-free: a call to a deallocator whose argument is null on every path
// reaching it frees nothing. Docs: docs/checks/cgo-nil-free.md.
//
//===----------------------------------------------------------------------===//

#ifndef CGOCHECK_CLANG_TIDY_PLUGIN_NILFREECHECK_H
#define CGOCHECK_CLANG_TIDY_PLUGIN_NILFREECHECK_H

#include "ClangTidyCheck.h"
#include <string>
#include <vector>

namespace clang::tidy::cgo {

class NilFreeCheck : public ClangTidyCheck {
public:
  NilFreeCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// Semicolon- or comma-separated names of functions that free their first
  /// argument.
  const std::string DeallocatorsOption;
  std::vector<std::string> Deallocators;
};

} // namespace clang::tidy::cgo

#endif // CGOCHECK_CLANG_TIDY_PLUGIN_NILFREECHECK_H
